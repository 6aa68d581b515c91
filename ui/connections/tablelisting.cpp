#include "connections/tablelisting.h"

#include "common/responses.h"
#include "connections/connection.h"

#include <QJsonArray>
#include <QPromise>
#include <QtConcurrent>

namespace dd::ui {

namespace {

void run(QPromise<TableListing> &promise, Connection *connection)
{
    TableListing listing;
    const TableNames listed = listTableNames(connection, [&promise] { return promise.isCanceled(); });
    if (!listed.error.isEmpty()) {
        listing.error = listed.error;
        promise.addResult(listing);
        return;
    }
    const QStringList &names = listed.names;
    for (const QString &name : names) {
        if (promise.isCanceled())
            break;
        const auto r = connection->callSync(QStringLiteral("DescribeTable"), QJsonObject{{QStringLiteral("TableName"), name}});
        if (r.ok()) {
            listing.tables << r.body.value(QStringLiteral("Table")).toObject();
        } else if (r.error->type() != QLatin1String("ResourceNotFoundException")) {
            // Throttled, refused by a policy that allows ListTables only...:
            // the table is there all the same.
            listing.tables << QJsonObject{{QStringLiteral("TableName"), name}};
            listing.describeErrors.insert(name, errorText(r));
        } // else deleted between the two calls: it drops out
    }
    promise.addResult(listing);
}

} // namespace

TableNames listTableNames(Connection *connection, const std::function<bool()> &cancelled)
{
    TableNames out;
    out.connection = connection;
    QJsonObject request;
    for (;;) {
        const auto r = connection->callSync(QStringLiteral("ListTables"), request);
        if (!r.ok()) {
            out.error = errorText(r);
            return out;
        }
        for (const QJsonValue &name : r.body.value(QStringLiteral("TableNames")).toArray())
            out.names << name.toString();
        const QString last = r.body.value(QStringLiteral("LastEvaluatedTableName")).toString();
        if (last.isEmpty() || (cancelled && cancelled()))
            return out;
        request.insert(QStringLiteral("ExclusiveStartTableName"), last);
    }
}

QFuture<TableListing> startTableListing(Connection *connection)
{
    return QtConcurrent::run(connection->pool(), run, connection);
}

} // namespace dd::ui
