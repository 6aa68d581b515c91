// Listing the tables of a connection for the tree: ListTables page by page,
// then DescribeTable for each (keys, indexes, item count), on the
// Connection's pool.
#pragma once

#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace dd::ui {

class Connection;

struct TableListing {
    // DescribeTable's "Table" objects, by name; a table whose DescribeTable
    // failed (but for ResourceNotFound: deleted since ListTables) is a
    // {"TableName": name} of its own, with the error in describeErrors.
    QList<QJsonObject> tables;
    QHash<QString, QString> describeErrors; // table name -> "Type: message"
    QString error;                          // set when ListTables failed
};

// The connection must outlive the future (its destructor waits for it).
QFuture<TableListing> startTableListing(Connection *connection);

} // namespace dd::ui
