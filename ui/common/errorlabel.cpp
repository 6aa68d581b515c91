#include "common/errorlabel.h"

#include "common/palettecolours.h"

#include <QEvent>

namespace dd::ui {

ErrorLabel::ErrorLabel(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    applyColour();
    setVisible(false);
}

void ErrorLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    // A parent's new palette, and the application's where Qt passes it on,
    // arrive as a PaletteChange (ApplicationPaletteChange never reaches
    // changeEvent()).
    if (event->type() == QEvent::PaletteChange)
        applyColour();
}

void ErrorLabel::applyColour()
{
    // Only WindowText is this label's own: the rest, which the red is made
    // from, goes on following the parent. Setting it sends one more
    // PaletteChange, which finds the colour in place and stops.
    QPalette own = palette();
    const QColor red = colours::failureText(own);
    if (own.color(QPalette::WindowText) == red && testAttribute(Qt::WA_SetPalette))
        return;
    own.setColor(QPalette::WindowText, red);
    setPalette(own);
}

void ErrorLabel::setError(const QString &message)
{
    setText(message);
    setVisible(!message.isEmpty());
    setToolTip(message);
}

} // namespace dd::ui
