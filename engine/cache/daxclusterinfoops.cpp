// Tags, events and metrics of DAX clusters (daxops.h).
#include "cache/clusters.h"
#include "cache/daxcommon.h"
#include "cache/daxops.h"

namespace dd::cache {

using namespace dax;

namespace {

// Tags as a list of {Key, Value} merged into `tags` (a key given again takes the new value).
void mergeTags(QJsonArray *tags, const QJsonArray &added)
{
    for (const QJsonValue &v : added) {
        const QString key = v.toObject().value(p("Key")).toString();
        for (qsizetype i = 0; i < tags->size(); ++i)
            if (tags->at(i).toObject().value(p("Key")).toString() == key) {
                tags->removeAt(i);
                break;
            }
        tags->append(v);
    }
}

// The cluster a tagging call names by ARN (InvalidARNFault otherwise).
Result<QString> clusterOfArn(const api::OpContext &ctx, const QString &arn)
{
    const QString prefix = QStringLiteral("arn:aws:dax:%1:%2:cache/").arg(ctx.db.region(), ctx.request.accountId);
    if (!arn.startsWith(prefix) || arn.size() == prefix.size())
        return fault("InvalidARNFault", p("The Amazon Resource Name (ARN) supplied in the request is not valid."));
    return arn.sliced(prefix.size()).toLower();
}

} // namespace

Result<QByteArray> tagResource(api::OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(const QString name, clusterOfArn(ctx, req.value(p("ResourceName")).toString()));
    DD_ASSIGN(const QJsonObject d, changeCluster(ctx, name, [&](storage::WriteTxn &, QJsonObject &d) -> Result<void> {
        QJsonArray tags = d.value(p("_Tags")).toArray();
        mergeTags(&tags, req.value(p("Tags")).toArray());
        if (tags.size() > kMaxTagsPerCluster)
            return fault("TagQuotaPerResourceExceeded", p("You have exceeded the maximum number of tags for this DAX cluster."));
        d.insert(p("_Tags"), tags);
        return {};
    }));
    return api::toBody({{p("Tags"), d.value(p("_Tags"))}});
}

Result<QByteArray> untagResource(api::OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(const QString name, clusterOfArn(ctx, req.value(p("ResourceName")).toString()));
    QJsonArray removed;
    DD_CHECK(changeCluster(ctx, name, [&](storage::WriteTxn &, QJsonObject &d) -> Result<void> {
        QJsonArray tags = d.value(p("_Tags")).toArray();
        removed = {};
        for (const QJsonValue &k : req.value(p("TagKeys")).toArray()) {
            const auto it = std::find_if(tags.begin(), tags.end(), [&](const QJsonValue &t) { return t.toObject().value(p("Key")) == k; });
            if (it == tags.end())
                return fault("TagNotFoundFault", p("The tag does not exist."));
            removed.append(*it);
            tags.erase(it);
        }
        d.insert(p("_Tags"), tags);
        return {};
    }));
    // UntagResource answers "the tag keys that have been removed" (botocore's model).
    return api::toBody({{p("Tags"), removed}});
}

Result<QByteArray> listTags(api::OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(const QString name, clusterOfArn(ctx, req.value(p("ResourceName")).toString()));
    const qint64 now = ctx.clock->nowMs();
    DD_ASSIGN(const std::optional<QJsonObject> d,
              ctx.db.read<std::optional<QJsonObject>>([&](storage::Connection &c) { return liveCluster(c, name, now); }));
    if (!d)
        return clusterNotFound();
    return api::toBody({{p("Tags"), d->value(p("_Tags")).toArray()}});
}

Result<QByteArray> describeEvents(api::OpContext &ctx, const QJsonObject &req)
{
    const qint64 now = ctx.clock->nowMs();
    // StartTime and EndTime are epoch seconds; Duration is minutes back from
    // EndTime (or now). Without any: the last 24 hours, as AWS.
    const qint64 endMs = req.contains(p("EndTime")) ? qint64(req.value(p("EndTime")).toDouble() * 1000) : now;
    qint64 startMs = endMs - 24LL * 3600 * 1000;
    if (req.contains(p("Duration")))
        startMs = endMs - qint64(req.value(p("Duration")).toInt()) * 60000;
    if (req.contains(p("StartTime")))
        startMs = qint64(req.value(p("StartTime")).toDouble() * 1000);
    const QString source = req.value(p("SourceName")).toString().toLower();
    const QString type = req.value(p("SourceType")).toString();
    DD_ASSIGN(std::vector<QJsonObject> events, ctx.db.read<std::vector<QJsonObject>>([](storage::Connection &c) { return DaxStore::list(c, DaxKind::Event); }));
    std::vector<QJsonObject> matching;
    for (auto it = events.rbegin(); it != events.rend(); ++it) { // newest first
        const qint64 at = qint64(it->value(p("Date")).toDouble() * 1000);
        if (at < startMs || at > endMs)
            continue;
        if (!source.isEmpty() && it->value(p("SourceName")).toString() != source)
            continue;
        if (!type.isEmpty() && it->value(p("SourceType")).toString() != type)
            continue;
        matching.push_back(*it);
    }
    QJsonObject out;
    DD_CHECK(page(req, matching, p("Events"), &out));
    return api::toBody(out);
}

Result<QByteArray> describeClusterMetrics(api::OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("ClusterName")).toString().toLower();
    if (name.isEmpty())
        return ApiError::validation(p("ClusterName is required"));
    const qint64 now = ctx.clock->nowMs();
    DD_ASSIGN(const std::optional<QJsonObject> d,
              ctx.db.read<std::optional<QJsonObject>>([&](storage::Connection &c) { return liveCluster(c, name, now); }));
    if (!d)
        return clusterNotFound();
    const std::shared_ptr<Cluster> running = ctx.clusters->find(ctx.db.region(), name);
    QJsonObject metrics;
    for (int i = 0; i < ClusterMetrics::CounterCount; ++i)
        metrics.insert(QLatin1String(ClusterMetrics::name(ClusterMetrics::Counter(i))),
                       running ? running->counter(ClusterMetrics::Counter(i)) : 0);
    const LruCache::Stats stats = running ? running->cacheStats() : LruCache::Stats();
    const qint64 budget = running ? running->settings().capacityBytes : ctx.clusters->budgetFor(d->value(p("NodeType")).toString());
    metrics.insert(p("EstimatedDbSize"), stats.bytes);
    metrics.insert(p("EvictedSize"), stats.evictedBytes);
    metrics.insert(p("CacheMemoryUtilization"), budget > 0 ? 100.0 * double(stats.bytes) / double(budget) : 0.0);
    return api::toBody({{p("ClusterName"), name}, {p("Metrics"), metrics}, {p("ItemCount"), stats.entries}, {p("CacheBudgetBytes"), budget}});
}

} // namespace dd::cache
