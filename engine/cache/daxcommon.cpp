#include "cache/daxcommon.h"

#include <QRegularExpression>

namespace dd::cache::dax {

bool isIdentifier(const QString &name, int maxLength)
{
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z][A-Za-z0-9-]*$"));
    return !name.isEmpty() && name.size() <= maxLength && shape.match(name).hasMatch() && !name.endsWith(u'-')
        && !name.contains(QLatin1String("--"));
}

std::optional<ApiError> checkClusterName(const QString &name)
{
    // AWS: "1 to 20 alphanumeric characters or hyphens. The first character
    // must be a letter. A name cannot end with a hyphen or contain two
    // consecutive hyphens." (botocore's model); the text is moto's.
    if (isIdentifier(name, 20))
        return std::nullopt;
    return invalidValue(p("Cluster ID specified is not a valid identifier. Identifiers must begin with a letter; must contain only "
                          "ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens."));
}

QString clusterArn(const api::OpContext &ctx, const QString &name)
{
    return QStringLiteral("arn:aws:dax:%1:%2:cache/%3").arg(ctx.db.region(), ctx.request.accountId, name);
}

Result<void> page(const QJsonObject &req, const std::vector<QJsonObject> &all, const QString &member, QJsonObject *out)
{
    int max = 100;
    if (req.contains(p("MaxResults"))) {
        max = req.value(p("MaxResults")).toInt();
        if (max < 20 || max > 100)
            return invalidValue(p("MaxResults must be between 20 and 100."));
    }
    qsizetype start = 0;
    if (req.contains(p("NextToken"))) {
        bool ok = false;
        start = QByteArray::fromBase64(req.value(p("NextToken")).toString().toLatin1()).toLongLong(&ok);
        if (!ok || start < 0)
            return invalidValue(p("Invalid NextToken."));
    }
    QJsonArray items;
    qsizetype i = start;
    for (; i < qsizetype(all.size()) && items.size() < max; ++i)
        items.append(all[size_t(i)]);
    out->insert(member, items);
    if (i < qsizetype(all.size()))
        out->insert(p("NextToken"), QString::fromLatin1(QByteArray::number(i).toBase64()));
    return {};
}

Result<std::vector<QJsonObject>> pick(const std::vector<QJsonObject> &all, const QJsonArray &names, const QString &member,
                                      const std::function<ApiError(const QString &name)> &notFound)
{
    std::vector<QJsonObject> out;
    for (const QJsonValue &v : names) {
        const QString name = v.toString().toLower();
        const auto it = std::find_if(all.begin(), all.end(), [&](const QJsonObject &o) { return o.value(member).toString() == name; });
        if (it == all.end())
            return notFound(v.toString());
        out.push_back(*it);
    }
    return out;
}

Result<void> recordEvent(storage::WriteTxn &txn, const QString &sourceName, const QString &sourceType, const QString &message)
{
    // Named by time, so that they list in order; the message tells apart
    // events of one millisecond.
    static std::atomic<quint32> serial{0};
    const QString name = QStringLiteral("%1-%2").arg(txn.nowMs, 13, 10, QLatin1Char('0')).arg(serial.fetch_add(1) % 1000000, 6, 10, QLatin1Char('0'));
    return DaxStore::put(txn, DaxKind::Event, name,
                         {{p("SourceName"), sourceName}, {p("SourceType"), sourceType}, {p("Message"), message},
                          {p("Date"), double(txn.nowMs) / 1000}});
}

namespace {

// The cluster's status once its transient status ended; false if it is gone.
bool settle(QJsonObject &d, qint64 nowMs)
{
    if (d.value(p("_StatusUntilMs")).toInteger() > nowMs)
        return true;
    const QString status = d.value(p("Status")).toString();
    if (status == u"deleting")
        return false;
    if (status == u"available")
        return true;
    const QJsonArray removing = d.value(p("NodeIdsToRemove")).toArray();
    QJsonArray nodes;
    int active = 0;
    for (const QJsonValue &v : d.value(p("Nodes")).toArray()) {
        QJsonObject node = v.toObject();
        if (removing.contains(node.value(p("NodeId"))))
            continue;
        node.insert(p("NodeStatus"), p("available"));
        ++active;
        nodes.append(node);
    }
    d.insert(p("Nodes"), nodes);
    d.insert(p("NodeIdsToRemove"), QJsonArray());
    d.insert(p("TotalNodes"), nodes.size());
    d.insert(p("ActiveNodes"), active);
    d.insert(p("Status"), p("available"));
    return true;
}

} // namespace

Result<std::vector<QJsonObject>> liveClusters(storage::Connection &c, qint64 nowMs)
{
    DD_ASSIGN(std::vector<QJsonObject> all, DaxStore::list(c, DaxKind::Cluster));
    std::vector<QJsonObject> out;
    for (QJsonObject &d : all)
        if (settle(d, nowMs))
            out.push_back(std::move(d));
    return out;
}

Result<std::optional<QJsonObject>> liveCluster(storage::Connection &c, const QString &name, qint64 nowMs)
{
    DD_ASSIGN(std::optional<QJsonObject> d, DaxStore::get(c, DaxKind::Cluster, name.toLower()));
    if (d && !settle(*d, nowMs))
        d.reset();
    return d;
}

Result<QJsonObject> changeCluster(api::OpContext &ctx, const QString &name,
                                  const std::function<Result<void>(storage::WriteTxn &, QJsonObject &)> &change)
{
    return ctx.db.write<QJsonObject>([&](storage::WriteTxn &txn) -> Result<QJsonObject> {
        DD_ASSIGN(std::optional<QJsonObject> d, liveCluster(txn.conn, name, txn.nowMs));
        if (!d)
            return clusterNotFound();
        DD_CHECK(change(txn, *d));
        DD_CHECK(DaxStore::put(txn, DaxKind::Cluster, d->value(p("ClusterName")).toString(), *d));
        return *d;
    });
}


} // namespace dd::cache::dax
