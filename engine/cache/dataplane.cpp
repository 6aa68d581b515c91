#include "cache/dataplane.h"

#include "api/fastrequest.h"
#include "api/keys.h"
#include "cache/cluster.h"
#include "model/json.h"
#include "model/size.h"
#include "storage/commitscope.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace dd::cache {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

using M = ClusterMetrics;

// The request counter of each operation a cluster serves.
std::optional<M::Counter> requestCounter(QStringView op)
{
    static const std::pair<const char *, M::Counter> table[] = {
        {"GetItem", M::GetItemRequestCount}, {"BatchGetItem", M::BatchGetItemRequestCount}, {"Query", M::QueryRequestCount},
        {"Scan", M::ScanRequestCount}, {"PutItem", M::PutItemRequestCount}, {"UpdateItem", M::UpdateItemRequestCount},
        {"DeleteItem", M::DeleteItemRequestCount}, {"BatchWriteItem", M::BatchWriteItemRequestCount},
        {"TransactWriteItems", M::TransactWriteItemsCount}, {"TransactGetItems", M::TransactGetItemsCount}};
    for (const auto &[name, counter] : table)
        if (op == QLatin1StringView(name))
            return counter;
    return std::nullopt;
}

struct WrittenKey {
    QString table;
    QByteArray cacheKey;
    storage::StoredKey stored;
    bool reread = false;                     // an update: read the item back once written
    std::optional<storage::StoredItem> after; // otherwise the item as written (none: deleted)
};

enum class Write { Put, Update, Delete };

// The item that `json` (a Put's item, or an Update's or Delete's key) of
// table `name` writes, or nothing when the table or the key is not valid
// (the operation then fails with the engine's own error, and nothing is
// cached).
std::optional<WrittenKey> writtenKey(api::OpContext &ctx, const QString &name, const model::Item &item, Write write)
{
    auto table = api::requireTable(ctx, name, true);
    if (!table.ok())
        return std::nullopt;
    WrittenKey k{name, {}, {}, write == Write::Update, std::nullopt};
    if (write == Write::Put) {
        auto key = api::keyFromItem(**table, item);
        if (!key.ok())
            return std::nullopt;
        k.stored = key->stored;
        k.after = storage::StoredItem{model::itemSize(item), model::itemToJsonBytes(item), 0};
    } else {
        auto key = api::storedKeyFromKeyParameter(**table, item);
        if (!key.ok())
            return std::nullopt;
        k.stored = *key;
    }
    k.cacheKey = Cluster::itemKey(name, k.stored);
    return k;
}

std::optional<WrittenKey> writtenKey(api::OpContext &ctx, const QString &name, const QJsonValue &json, Write write)
{
    auto item = model::itemFromJson(json);
    if (!item.ok())
        return std::nullopt;
    return writtenKey(ctx, name, *item, write);
}

// The items of BatchWriteItem's RequestItems, or of its answer's
// UnprocessedItems (the same shape), appended to `out`.
void addBatchWrites(api::OpContext &ctx, const QJsonObject &items, std::vector<WrittenKey> *out)
{
    for (auto it = items.begin(); it != items.end(); ++it)
        for (const QJsonValue &w : it.value().toArray()) {
            const QJsonObject o = w.toObject();
            const bool put = o.contains(p("PutRequest"));
            const QJsonValue json = put ? o.value(p("PutRequest")).toObject().value(p("Item")) : o.value(p("DeleteRequest")).toObject().value(p("Key"));
            if (auto k = writtenKey(ctx, it.key(), json, put ? Write::Put : Write::Delete))
                out->push_back(std::move(*k));
        }
}

// The items a write names, with their cache keys: each Put's item (stored
// as PutItem stores it), each Update's key (read back) and each Delete's key
// (a ConditionCheck writes nothing).
std::vector<WrittenKey> writtenKeys(api::OpContext &ctx, QStringView op, const QJsonObject &req)
{
    std::vector<WrittenKey> out;
    auto add = [&](const QString &name, const QJsonValue &json, Write write) {
        if (auto k = writtenKey(ctx, name, json, write))
            out.push_back(std::move(*k));
    };
    if (op == u"PutItem") {
        add(req.value(p("TableName")).toString(), req.value(p("Item")), Write::Put);
    } else if (op == u"UpdateItem" || op == u"DeleteItem") {
        add(req.value(p("TableName")).toString(), req.value(p("Key")), op == u"UpdateItem" ? Write::Update : Write::Delete);
    } else if (op == u"BatchWriteItem") {
        addBatchWrites(ctx, req.value(p("RequestItems")).toObject(), &out);
    } else if (op == u"TransactWriteItems") {
        for (const QJsonValue &v : req.value(p("TransactItems")).toArray()) {
            const QJsonObject o = v.toObject();
            const auto member = [&](const char *name) { return o.value(p(name)).toObject(); };
            if (o.contains(p("Put")))
                add(member("Put").value(p("TableName")).toString(), member("Put").value(p("Item")), Write::Put);
            if (o.contains(p("Update")))
                add(member("Update").value(p("TableName")).toString(), member("Update").value(p("Key")), Write::Update);
            if (o.contains(p("Delete")))
                add(member("Delete").value(p("TableName")).toString(), member("Delete").value(p("Key")), Write::Delete);
        }
    }
    return out;
}

// The keys a BatchWriteItem left unprocessed (their items were not written).
QSet<QByteArray> unprocessedKeys(api::OpContext &ctx, const QByteArray &response)
{
    std::vector<WrittenKey> unprocessed;
    addBatchWrites(ctx, QJsonDocument::fromJson(response).object().value(p("UnprocessedItems")).toObject(), &unprocessed);
    QSet<QByteArray> out;
    for (const WrittenKey &k : unprocessed)
        out.insert(k.cacheKey);
    return out;
}

Result<QByteArray> writeThrough(api::OpContext &ctx, Cluster &cluster, QStringView op, const QJsonObject &req, api::OpHandler handler)
{
    const std::vector<WrittenKey> keys = writtenKeys(ctx, op, req);
    std::vector<QByteArray> cacheKeys;
    for (const WrittenKey &k : keys)
        cacheKeys.push_back(k.cacheKey);
    Cluster::WriteLock lock(cluster, cacheKeys);
    DD_ASSIGN(QByteArray response, handler(ctx, req));
    const QSet<QByteArray> skipped = op == u"BatchWriteItem" ? unprocessedKeys(ctx, response) : QSet<QByteArray>();
    // Updated items as the table now holds them: the write has committed
    // (the request runs outside the caller's group commit, callThroughCluster).
    std::vector<std::optional<storage::StoredItem>> reread(keys.size());
    if (std::any_of(keys.begin(), keys.end(), [](const WrittenKey &k) { return k.reread; })) {
        auto read = ctx.db.read<bool>([&](storage::Connection &c) -> Result<bool> {
            for (size_t i = 0; i < keys.size(); ++i) {
                if (!keys[i].reread)
                    continue;
                auto table = api::requireTable(ctx, keys[i].table, true);
                if (table.ok()) {
                    DD_ASSIGN(reread[i], storage::ItemStore::get(c, **table, keys[i].stored));
                }
            }
            return true;
        });
        if (!read.ok())
            return response; // the write stands; its items are not cached
    }
    const qint64 now = ctx.clock->nowMs();
    for (size_t i = 0; i < keys.size(); ++i)
        if (!skipped.contains(keys[i].cacheKey))
            cluster.storeWritten(keys[i].cacheKey, keys[i].reread ? reread[i] : keys[i].after, now);
    return response;
}

// The query cache's key of a Query or Scan: the operation and the whole
// request in canonical form (QJsonObject orders members by name).
QByteArray responseKey(QStringView op, const QJsonObject &req)
{
    return QByteArray("Q") + op.toUtf8() + '\0' + QJsonDocument(req).toJson(QJsonDocument::Compact);
}

Result<QByteArray> run(api::OpContext &ctx, Cluster &cluster, QStringView op, const QJsonObject &req, api::OpHandler handler)
{
    if (op == u"GetItem" || op == u"BatchGetItem") {
        // Eventually consistent reads use the item cache (the handlers look
        // at ctx.dax; BatchGetItem per table, by its ConsistentRead).
        ctx.dax = &cluster;
        return handler(ctx, req);
    }
    if (op == u"Query" || op == u"Scan") {
        if (req.value(p("ConsistentRead")).toBool())
            return handler(ctx, req);
        const QByteArray key = responseKey(op, req);
        const qint64 now = ctx.clock->nowMs();
        if (std::optional<QByteArray> cached = cluster.lookupResponse(key, op == u"Scan", now))
            return *cached;
        DD_ASSIGN(QByteArray response, handler(ctx, req));
        cluster.storeResponse(key, response, now);
        return response;
    }
    if (op == u"TransactGetItems")
        return handler(ctx, req);
    return writeThrough(ctx, cluster, op, req, handler);
}

// The operation's name as the DAX clients print it ("createTable").
QString clientName(QStringView op)
{
    QString name = op.toString();
    if (!name.isEmpty())
        name[0] = name[0].toLower();
    return name;
}

// Counts the request, runs `fn` and counts its failure: the accounting of
// every call through a cluster.
template <typename Fn>
Result<QByteArray> counted(Cluster &cluster, M::Counter counter, Fn fn)
{
    cluster.count(M::TotalRequestCount);
    cluster.count(counter);
    // A cluster's writes commit before their items are read back into the
    // cache, and its readers may wait for a writer of the same key: neither
    // may hold the write lock of the caller's group commit meanwhile.
    storage::CommitScope::Detach detached;
    Result<QByteArray> r = fn();
    if (!r.ok()) {
        const bool fault = r.error().type() == u"InternalServerError";
        cluster.count(M::FailedRequestCount);
        cluster.count(fault ? M::FaultRequestCount : M::ErrorRequestCount);
    }
    return r;
}

} // namespace

Result<QByteArray> callThroughCluster(api::OpContext &ctx, Cluster &cluster, QStringView operation, const QJsonObject &request,
                                      api::OpHandler handler)
{
    const std::optional<M::Counter> counter = requestCounter(operation);
    if (!counter)
        return ApiError::validation(QStringLiteral("%1 is not supported for DAX. Use DynamoDB instead.").arg(clientName(operation)));
    return counted(cluster, *counter, [&] { return run(ctx, cluster, operation, request, handler); });
}

Result<QByteArray> getItemThroughCluster(api::OpContext &ctx, Cluster &cluster, const api::GetItemRequest &request)
{
    return counted(cluster, M::GetItemRequestCount, [&] {
        if (!request.consistentRead)
            ctx.dax = &cluster;
        return api::getItem(ctx, request);
    });
}

Result<QByteArray> putItemThroughCluster(api::OpContext &ctx, Cluster &cluster, const api::PutItemRequest &request)
{
    return counted(cluster, M::PutItemRequestCount, [&]() -> Result<QByteArray> {
        // As writeThrough for a PutItem: the item is cached as PutItem stores it.
        const std::optional<WrittenKey> written = writtenKey(ctx, request.tableName, request.item, Write::Put);
        if (!written)
            return api::putItem(ctx, request); // fails with the engine's own error
        Cluster::WriteLock lock(cluster, {written->cacheKey});
        DD_ASSIGN(QByteArray response, api::putItem(ctx, request));
        cluster.storeWritten(written->cacheKey, written->after, ctx.clock->nowMs());
        return response;
    });
}

} // namespace dd::cache
