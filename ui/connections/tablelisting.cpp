#include "connections/tablelisting.h"

#include "connections/connection.h"

#include <QJsonArray>
#include <QPromise>
#include <QtConcurrent>

namespace dd::ui {

namespace {

void run(QPromise<TableListing> &promise, Connection *connection)
{
    TableListing listing;
    QStringList names;
    QJsonObject request;
    for (;;) {
        const auto r = connection->callSync(QStringLiteral("ListTables"), request);
        if (!r.ok()) {
            listing.error = QStringLiteral("%1: %2").arg(r.error->type(), r.error->message());
            promise.addResult(listing);
            return;
        }
        for (const auto &n : r.body.value(QStringLiteral("TableNames")).toArray())
            names << n.toString();
        const QString last = r.body.value(QStringLiteral("LastEvaluatedTableName")).toString();
        if (last.isEmpty() || promise.isCanceled())
            break;
        request.insert(QStringLiteral("ExclusiveStartTableName"), last);
    }
    for (const QString &name : names) {
        if (promise.isCanceled())
            break;
        const auto r = connection->callSync(QStringLiteral("DescribeTable"), QJsonObject{{QStringLiteral("TableName"), name}});
        // A table deleted between the two calls just drops out.
        if (r.ok())
            listing.tables << r.body.value(QStringLiteral("Table")).toObject();
    }
    promise.addResult(listing);
}

} // namespace

QFuture<TableListing> startTableListing(Connection *connection)
{
    return QtConcurrent::run(connection->pool(), run, connection);
}

} // namespace dd::ui
