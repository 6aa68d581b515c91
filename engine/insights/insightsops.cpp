// Contributor Insights: UpdateContributorInsights, DescribeContributorInsights
// and ListContributorInsights with AWS's shapes, and Dynamodesk's own
// GetContributorInsightsReport, which answers what CloudWatch's rule reports
// answer on AWS: the keys that consumed the most capacity, per minute
// (insights/recorder.h). Settings live in the table's description
// (insights/insightsconfig.h); the counts in the engine's memory.
#include "api/opcontext.h"
#include "insights/insightsconfig.h"
#include "insights/recorder.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace dd::api {

namespace {

// -delayTransientStatuses: how long a change stays ENABLING or DISABLING.
constexpr qint64 kTransientStatusMs = 2000;
constexpr int kListPageSize = 100;
constexpr int kDefaultContributors = 10;
constexpr int kMaxContributors = 100;
constexpr qint64 kDefaultReportMs = 60 * 60 * 1000;

QString p(const char *s) { return QString::fromLatin1(s); }

// The GSI named `index` of `table` as DescribeTable shows it (one being
// created too), or ResourceNotFoundException, AWS's text.
Result<const storage::IndexDef *> requireGlobalIndex(const storage::TableDef &table, const QString &index)
{
    const storage::IndexDef *def = table.index(index);
    if (!def || !def->global)
        return ApiError::resourceNotFound(QStringLiteral("Requested resource not found: Index: %1 not found").arg(index));
    return def;
}

bool hasSortKey(const storage::TableDef &table, const storage::IndexDef *index)
{
    return !(index ? index->keys : table.keys).rangeParts.empty();
}

double seconds(qint64 ms) { return double(ms) / 1000.0; }

} // namespace

Result<QByteArray> updateContributorInsights(OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("TableName")).toString();
    const QString index = req.value(p("IndexName")).toString();
    const bool enable = req.value(p("ContributorInsightsAction")).toString() == p("ENABLE");
    const QString mode = req.value(p("ContributorInsightsMode")).toString(insights::TargetConfig::kAccessedAndThrottled);
    qint64 tableId = 0;
    auto status = ctx.db.write<QString>([&](storage::WriteTxn &txn) -> Result<QString> {
        DD_ASSIGN(auto table, requireTable(ctx, name, false));
        if (!index.isEmpty())
            DD_CHECK(requireGlobalIndex(*table, index));
        tableId = table->id;
        insights::InsightsConfig config = insights::InsightsConfig::fromDescription(table->description);
        insights::TargetConfig target = config.target(index);
        // Asking again for what holds already changes nothing.
        if (target.enabled == enable && (!enable || target.mode == mode))
            return target.status(txn.nowMs);
        target.enabled = enable;
        if (enable) {
            target.mode = mode;
            target.createdMs = txn.nowMs;
        }
        target.updatedMs = txn.nowMs;
        target.untilMs = txn.nowMs + (ctx.options.delayTransientStatuses ? kTransientStatusMs : 0);
        config.setTarget(index, target);
        QJsonObject desc = table->description;
        desc.insert(insights::InsightsConfig::kMember, config.toJson());
        DD_CHECK(ctx.db.updateTable(txn, *table, desc));
        return enable ? p("ENABLING") : p("DISABLING");
    });
    if (!status.ok())
        return status.error();
    if (!enable && ctx.insights)
        ctx.insights->forget({ctx.db.region(), tableId, index}); // its rules are deleted, and their data
    QJsonObject out{{p("TableName"), name}, {p("ContributorInsightsStatus"), *status}};
    if (!index.isEmpty())
        out.insert(p("IndexName"), index);
    if (enable)
        out.insert(p("ContributorInsightsMode"), mode);
    return toBody(out);
}

Result<QByteArray> describeContributorInsights(OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(auto table, requireTable(ctx, req.value(p("TableName")).toString(), false));
    const QString index = req.value(p("IndexName")).toString();
    QJsonObject out{{p("TableName"), table->name}};
    const storage::IndexDef *def = nullptr;
    if (req.contains(p("IndexName"))) {
        // The described GSIs, as DescribeTable lists them: a DELETING one too
        // (TableDef::index() leaves those out).
        const QJsonArray gsis = table->description.value(p("GlobalSecondaryIndexes")).toArray();
        const bool found = std::any_of(gsis.begin(), gsis.end(), [&](const QJsonValue &g) { return g.toObject().value(p("IndexName")).toString() == index; });
        if (!found)
            return ApiError::resourceNotFound(QStringLiteral("Requested resource not found: Index: %1 not found").arg(index));
        out.insert(p("IndexName"), index);
        def = table->index(index);
    }
    const insights::TargetConfig target = insights::InsightsConfig::fromDescription(table->description).target(index);
    const QString status = target.status(ctx.clock->nowMs());
    out.insert(p("ContributorInsightsStatus"), status);
    if (target.enabled) {
        out.insert(p("ContributorInsightsRuleList"), QJsonArray::fromStringList(target.ruleNames(table->name, hasSortKey(*table, def))));
        out.insert(p("ContributorInsightsMode"), target.mode);
    }
    if (target.updatedMs > 0)
        out.insert(p("LastUpdateDateTime"), seconds(target.updatedMs));
    return toBody(out);
}

Result<QByteArray> listContributorInsights(OpContext &ctx, const QJsonObject &req)
{
    const QString only = req.value(p("TableName")).toString();
    const int limit = req.contains(p("MaxResults")) ? req.value(p("MaxResults")).toInt() : kListPageSize;
    if (limit < 0)
        return ApiError::validation(QStringLiteral("1 validation error detected: Value '%1' at 'maxResults' failed to satisfy constraint: "
                                                   "Member must have value greater than or equal to 0").arg(limit));
    const int pageSize = limit == 0 ? kListPageSize : limit;
    // The token is where the last page ended: "<table>\n<index>" (index empty for the table).
    QString afterTable, afterIndex;
    bool hasToken = false;
    if (req.contains(p("NextToken"))) {
        const QByteArray raw = QByteArray::fromBase64(req.value(p("NextToken")).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        const QStringList parts = QString::fromUtf8(raw).split(QLatin1Char('\n'));
        if (raw.isEmpty() || parts.size() != 2)
            return ApiError::validation(p("Invalid NextToken"));
        afterTable = parts[0];
        afterIndex = parts[1];
        hasToken = true;
    }
    QStringList names;
    if (!only.isEmpty()) {
        DD_ASSIGN(auto table, requireTable(ctx, only, false));
        names << table->name;
    } else {
        names = ctx.db.tableNames();
    }
    const qint64 now = ctx.clock->nowMs();
    QJsonArray summaries;
    QString lastTable, lastIndex;
    bool more = false;
    for (const QString &name : names) {
        const std::shared_ptr<const storage::TableDef> table = ctx.db.table(name);
        if (!table)
            continue;
        const insights::InsightsConfig config = insights::InsightsConfig::fromDescription(table->description);
        QStringList targets{QString()};
        for (const storage::IndexDef &i : table->indexes)
            if (i.global)
                targets << i.name;
        for (const QString &index : targets) {
            if (hasToken && (model::compareUtf8(name, afterTable) < 0 || (name == afterTable && model::compareUtf8(index, afterIndex) <= 0)))
                continue;
            const insights::TargetConfig target = config.target(index);
            const QString status = target.status(now);
            // A table's own listing shows each of its targets; the account's
            // those that are on or changing.
            if (only.isEmpty() && status == p("DISABLED"))
                continue;
            if (summaries.size() == pageSize) {
                more = true;
                break;
            }
            QJsonObject s{{p("TableName"), name}, {p("ContributorInsightsStatus"), status}};
            if (!index.isEmpty())
                s.insert(p("IndexName"), index);
            if (target.enabled)
                s.insert(p("ContributorInsightsMode"), target.mode);
            summaries.append(s);
            lastTable = name;
            lastIndex = index;
        }
        if (more)
            break;
    }
    QJsonObject out{{p("ContributorInsightsSummaries"), summaries}};
    if (more)
        out.insert(p("NextToken"), QString::fromLatin1((lastTable + QLatin1Char('\n') + lastIndex).toUtf8().toBase64()));
    return toBody(out);
}

Result<QByteArray> getContributorInsightsReport(OpContext &ctx, const QJsonObject &req)
{
    const QJsonValue nameValue = req.value(p("TableName"));
    if (!nameValue.isString() || nameValue.toString().isEmpty())
        return ApiError::validation(p("TableName is required"));
    DD_ASSIGN(auto table, requireTable(ctx, nameValue.toString(), false));
    const QString index = req.value(p("IndexName")).toString();
    const storage::IndexDef *def = nullptr;
    if (!index.isEmpty()) {
        DD_ASSIGN(def, requireGlobalIndex(*table, index));
    }
    const QString rule = req.value(p("Rule")).toString(p("PKC"));
    static const QStringList rules{p("PKC"), p("SKC"), p("PKT"), p("SKT")};
    if (!rules.contains(rule))
        return ApiError::validation(QStringLiteral("Rule must be one of PKC, SKC, PKT, SKT, not %1").arg(rule));
    const bool wholeKey = rule.startsWith(QLatin1Char('S'));
    if (wholeKey && !hasSortKey(*table, def))
        return ApiError::validation(QStringLiteral("Rule %1 counts partition and sort keys, and %2 has no sort key")
                                        .arg(rule, index.isEmpty() ? QStringLiteral("table %1").arg(table->name) : QStringLiteral("index %1").arg(index)));
    int max = kDefaultContributors;
    if (req.contains(p("MaxContributors"))) {
        const QJsonValue v = req.value(p("MaxContributors"));
        if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()) || v.toDouble() < 1 || v.toDouble() > kMaxContributors)
            return ApiError::validation(QStringLiteral("MaxContributors must be a whole number from 1 to %1").arg(kMaxContributors));
        max = v.toInt();
    }
    const qint64 now = ctx.clock->nowMs();
    const auto timeMs = [&](const char *member, qint64 fallback) -> Result<qint64> {
        const QJsonValue v = req.value(p(member));
        if (v.isUndefined())
            return fallback;
        if (!v.isDouble() || v.toDouble() < 0)
            return ApiError::validation(QStringLiteral("%1 must be a time in seconds since the epoch").arg(p(member)));
        return qint64(std::llround(v.toDouble() * 1000.0));
    };
    DD_ASSIGN(const qint64 endGiven, timeMs("EndTime", now));
    DD_ASSIGN(const qint64 startGiven, timeMs("StartTime", endGiven - kDefaultReportMs));
    if (startGiven >= endGiven)
        return ApiError::validation(p("StartTime must be before EndTime"));
    const qint64 period = insights::Recorder::kPeriodMs;
    const qint64 startMs = startGiven - startGiven % period;
    // The minutes that start in [StartTime, EndTime]: the current one too.
    const qint64 endMs = endGiven - endGiven % period + period;

    const insights::TargetConfig target = insights::InsightsConfig::fromDescription(table->description).target(index);
    insights::Recorder::Report report;
    // Dynamodesk never throttles: the throttled rules count nothing.
    if (ctx.insights && rule.endsWith(QLatin1Char('C')))
        report = ctx.insights->report({ctx.db.region(), table->id, index}, wholeKey, startMs, endMs, max);
    QJsonArray contributors;
    for (const insights::Recorder::Contributor &c : report.top) {
        QJsonArray points;
        for (const insights::Recorder::Point &pt : c.points)
            points.append(QJsonObject{{p("Timestamp"), seconds(pt.minuteMs)}, {p("ApproximateValue"), pt.value}});
        contributors.append(QJsonObject{{p("Key"), QJsonDocument::fromJson(c.keyJson).object()},
                                        {p("ApproximateAggregateValue"), c.total},
                                        {p("Datapoints"), points}});
    }
    QJsonObject out{{p("TableName"), table->name},
                    {p("Rule"), rule},
                    {p("ContributorInsightsStatus"), target.status(now)},
                    {p("PeriodSeconds"), double(period / 1000)},
                    {p("StartTime"), seconds(startMs)},
                    {p("EndTime"), seconds(endMs)},
                    {p("AggregateValue"), report.aggregate},
                    {p("ApproximateUniqueCount"), double(report.uniqueKeys)},
                    {p("Contributors"), contributors}};
    if (!index.isEmpty())
        out.insert(p("IndexName"), index);
    return toBody(out);
}

} // namespace dd::api
