#include "common/errorlabel.h"

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
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyColour();
}

void ErrorLabel::applyColour()
{
    // A dark red on a light window, a light one on a dark window: each about
    // 5:1 against its background (one mid red was 3:1 on the dark palette).
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    setStyleSheet(dark ? QStringLiteral("color: #ff8a80;") : QStringLiteral("color: #c0392b;"));
}

void ErrorLabel::setError(const QString &message)
{
    setText(message);
    setVisible(!message.isEmpty());
    setToolTip(message);
}

} // namespace dd::ui
