#include "common/errorlabel.h"

namespace dd::ui {

ErrorLabel::ErrorLabel(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    // Mid red: enough contrast on both the light and the dark Fusion palettes.
    setStyleSheet(QStringLiteral("color: #d64541;"));
    setVisible(false);
}

void ErrorLabel::setError(const QString &message)
{
    setText(message);
    setVisible(!message.isEmpty());
    setToolTip(message);
}

} // namespace dd::ui
