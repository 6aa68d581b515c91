// UpdateTimeToLive and DescribeTimeToLive, with AWS's messages.
#include "api/opcontext.h"
#include "api/tableops.h"
#include "replication/replicaops.h"
#include "ttl/ttlconfig.h"

namespace dd::api {

namespace {

// -delayTransientStatuses: TTL stays ENABLING or DISABLING for api::kTransientStatusMs. AWS also refuses a
// second change within about an hour; we refuse it only while the first is in transition, and only with
// delayed statuses.

QString p(const char *s) { return QString::fromLatin1(s); }

} // namespace

Result<QByteArray> updateTimeToLive(OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("TableName")).toString();
    const QJsonObject spec = req.value(p("TimeToLiveSpecification")).toObject();
    const bool enable = spec.value(p("Enabled")).toBool();
    const QString attribute = spec.value(p("AttributeName")).toString();
    auto updated = ctx.db.write<bool>([&](storage::WriteTxn &txn) -> Result<bool> {
        DD_ASSIGN(auto table, requireTable(ctx, name, false));
        ttl::TtlConfig config = ttl::TtlConfig::fromDescription(table->description);
        // The order of the checks is AWS's: the attribute first, then the state.
        if (config.enabled && config.attributeName != attribute)
            return ApiError::validation(QStringLiteral("TimeToLive is active on a different AttributeName: current AttributeName is %1")
                                            .arg(config.attributeName));
        if (config.enabled && enable)
            return ApiError::validation(p("TimeToLive is already enabled"));
        if (!config.enabled && !enable)
            return ApiError::validation(p("TimeToLive is already disabled"));
        if (ctx.options.delayTransientStatuses && txn.nowMs < config.untilMs)
            return ApiError::validation(p("Time to live has been modified multiple times within a fixed interval"));
        config.enabled = enable;
        config.attributeName = attribute;
        config.untilMs = txn.nowMs + (ctx.options.delayTransientStatuses ? kTransientStatusMs : 0);
        QJsonObject desc = table->description;
        desc.insert(ttl::TtlConfig::kMember, config.toJson());
        DD_CHECK(ctx.db.updateTable(txn, *table, desc));
        return true;
    });
    if (!updated.ok())
        return updated.error();
    replication::propagate(ctx, name, p("UpdateTimeToLive"), req); // TTL is the same in every replica, as on AWS
    return toBody({{p("TimeToLiveSpecification"), QJsonObject{{p("AttributeName"), attribute}, {p("Enabled"), enable}}}});
}

Result<QByteArray> describeTimeToLive(OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(auto table, requireTable(ctx, req.value(p("TableName")).toString(), false));
    // A table still being created has no TTL to describe (ack-api-quirks DDB-TABLE-442; CREATING lasts only
    // with -delayTransientStatuses).
    if (const QString tableStatus = liveStatus(table->description, ctx.clock->nowMs()); tableStatus == u"CREATING")
        return ApiError::validation(QStringLiteral("Cannot describe time to live while table is in %1 state: Current table state is %1").arg(tableStatus));
    const ttl::TtlConfig config = ttl::TtlConfig::fromDescription(table->description);
    const QString status = config.status(ctx.clock->nowMs());
    QJsonObject out{{p("TimeToLiveStatus"), status}};
    if (status != p("DISABLED"))
        out.insert(p("AttributeName"), config.attributeName);
    return toBody({{p("TimeToLiveDescription"), out}});
}

} // namespace dd::api
