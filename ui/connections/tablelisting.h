// Listing the tables of a connection for the tree: ListTables page by page,
// then DescribeTable for each (keys, indexes, item count), on the
// Connection's pool.
#pragma once

#include <QFuture>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace dd::ui {

class Connection;

// A connection's table names, read off the GUI thread.
struct TableNames {
    Connection *connection = nullptr; // whose (compared, never dereferenced, when it arrives)
    QStringList names;
    QString error;                    // "Type: message" when ListTables failed
};

// ListTables page by page, on the calling thread (a pool's: it blocks on
// each page). Stops after the page under way once `cancelled` returns true,
// with the names read so far.
TableNames listTableNames(Connection *connection, const std::function<bool()> &cancelled = {});

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
