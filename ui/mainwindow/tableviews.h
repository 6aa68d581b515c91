// The main window's tabs that show one table of one connection (a table
// browser, a stream viewer, a history view, a contributor insights view):
// each has connection() and tableName().
#pragma once

#include <QString>
#include <QTabWidget>

namespace dd::ui {

class Connection;

// `tab` as a View of `table` through `connection`, or null.
template <class View>
View *tableView(QWidget *tab, const Connection *connection, const QString &table)
{
    auto *v = qobject_cast<View *>(tab);
    return v && v->connection() == connection && v->tableName() == table ? v : nullptr;
}

// The tab of `tabs` that is a View of `table` through `connection`, made
// current; null if there is none.
template <class View>
View *focusTableView(QTabWidget *tabs, const Connection *connection, const QString &table)
{
    for (int i = 0; i < tabs->count(); ++i) {
        if (View *v = tableView<View>(tabs->widget(i), connection, table)) {
            tabs->setCurrentIndex(i);
            return v;
        }
    }
    return nullptr;
}

} // namespace dd::ui
