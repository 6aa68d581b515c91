// The main window's own windows (dialogs, the table designer) that work
// through one connection. Each is tagged with its connection, and its table
// if it has one, when it is made (tagConnection), so that closing the
// connection closes every one of them (windowsOf: no list of window types
// to keep up to date) and "open …" brings an open one forward (raiseWindow).
#pragma once

#include <QList>
#include <QString>
#include <QVariant>
#include <QWidget>

namespace dd::ui {

class Connection;

namespace detail {
inline constexpr char kConnectionTag[] = "ddConnection";
inline constexpr char kTableTag[] = "ddTable";
inline bool taggedWith(const QObject *window, const Connection *connection)
{
    return window->property(kConnectionTag).value<quintptr>() == reinterpret_cast<quintptr>(connection);
}
} // namespace detail

inline void tagConnection(QWidget *window, const Connection *connection, const QString &table = {})
{
    window->setProperty(detail::kConnectionTag, QVariant::fromValue(reinterpret_cast<quintptr>(connection)));
    window->setProperty(detail::kTableTag, table);
}

// The windows among `owner`'s children tagged with `connection`.
inline QList<QWidget *> windowsOf(const QObject *owner, const Connection *connection)
{
    QList<QWidget *> windows;
    for (QWidget *w : owner->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
        if (detail::taggedWith(w, connection))
            windows << w;
    return windows;
}

// The open Window of `connection` (and `table`) among `owner`'s children,
// shown, raised and activated; null if there is none.
template <class Window>
Window *raiseWindow(const QObject *owner, const Connection *connection, const QString &table = {})
{
    for (Window *w : owner->findChildren<Window *>(Qt::FindDirectChildrenOnly)) {
        if (detail::taggedWith(w, connection) && w->property(detail::kTableTag).toString() == table) {
            w->show();
            w->raise();
            w->activateWindow();
            return w;
        }
    }
    return nullptr;
}

} // namespace dd::ui
