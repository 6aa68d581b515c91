// Listing the tables of a connection for the tree: ListTables page by page,
// then DescribeTable for each (keys, indexes, item count), on the
// Connection's pool.
#pragma once

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace dd::ui {

class Connection;

struct TableListing {
    QList<QJsonObject> tables; // DescribeTable's "Table" objects, by name
    QString error;             // set when ListTables failed
};

// The connection must outlive the future (its destructor waits for it).
QFuture<TableListing> startTableListing(Connection *connection);

} // namespace dd::ui
