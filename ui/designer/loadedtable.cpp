#include "designer/loadedtable.h"

#include "common/responses.h"
#include "connections/connection.h"

#include <QJsonArray>
#include <QPromise>
#include <QtConcurrent>

namespace dd::ui {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

void run(QPromise<LoadedTable> &promise, Connection *connection, const QString &table)
{
    LoadedTable out;
    const auto described = connection->callSync(p("DescribeTable"), QJsonObject{{p("TableName"), table}});
    if (!described.ok()) {
        out.error = errorText(described);
        promise.addResult(out);
        return;
    }
    const QJsonObject t = described.body.value(p("Table")).toObject();
    out.design = TableDesign::fromDescription(t);
    out.arn = t.value(p("TableArn")).toString();

    const auto ttl = connection->callSync(p("DescribeTimeToLive"), QJsonObject{{p("TableName"), table}});
    if (!ttl.ok()) {
        out.error = errorText(ttl);
    } else {
        const QJsonObject d = ttl.body.value(p("TimeToLiveDescription")).toObject();
        const QString status = d.value(p("TimeToLiveStatus")).toString();
        if (status == p("ENABLED") || status == p("ENABLING"))
            out.design.ttlAttribute = d.value(p("AttributeName")).toString();
    }

    QJsonObject request{{p("ResourceArn"), out.arn}};
    while (!promise.isCanceled()) {
        const auto tags = connection->callSync(p("ListTagsOfResource"), request);
        if (!tags.ok()) {
            out.error = errorText(tags);
            break;
        }
        for (const QJsonValue &v : tags.body.value(p("Tags")).toArray())
            out.design.tags.append({v.toObject().value(p("Key")).toString(), v.toObject().value(p("Value")).toString()});
        const QString next = tags.body.value(p("NextToken")).toString();
        if (next.isEmpty())
            break;
        request.insert(p("NextToken"), next);
    }
    promise.addResult(out);
}

} // namespace

QFuture<LoadedTable> LoadedTable::load(Connection *connection, const QString &table)
{
    return QtConcurrent::run(connection->pool(), run, connection, table);
}

} // namespace dd::ui
