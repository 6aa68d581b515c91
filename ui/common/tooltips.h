// The tooltip of a widget that draws its own content: at a ToolTip event,
// the text for the point under the mouse, or none (an empty text hides it).
#pragma once

#include <QHelpEvent>
#include <QToolTip>
#include <QWidget>

#include <functional>

namespace dd::ui {

// For a widget's event(): true once a ToolTip event is answered.
inline bool answerToolTip(QWidget *widget, QEvent *event, const std::function<QString(const QPoint &)> &textAt)
{
    if (event->type() != QEvent::ToolTip)
        return false;
    auto *help = static_cast<QHelpEvent *>(event);
    const QString text = textAt(help->pos());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), text, widget);
    return true;
}

} // namespace dd::ui
