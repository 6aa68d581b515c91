// BatchGetItem: up to 100 keys across tables, read in one snapshot (one
// Database::read). Each table has its own projection and consistency. The
// response holds at most 16 MB of item data (API reference, BatchGetItem);
// keys past that limit come back in UnprocessedKeys with their table's
// request parameters, so that the caller can send them again as they are.
#include "api/exprparams.h"
#include "api/jsonwriter.h"
#include "api/keys.h"
#include "api/opcontext.h"
#include "cache/cluster.h"
#include "insights/record.h"
#include "model/json.h"
#include "model/size.h"
#include "storage/itemstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace dd::api {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

// BatchGetItem's limits (API reference): keys per request and response data.
constexpr int kMaxBatchGetKeys = 100;
constexpr qint64 kMaxBatchGetResponseBytes = 16 * 1024 * 1024;

struct TableRead {
    QString name;
    QJsonObject request;       // the table's KeysAndAttributes, for UnprocessedKeys
    std::shared_ptr<const storage::TableDef> table;
    ParsedExpressions ex;
    bool consistent = false;
    std::vector<ItemKey> keys;
    std::vector<QJsonValue> keyJson;              // the keys as sent
    std::vector<std::optional<storage::StoredItem>> found;
    std::vector<bool> cached;                     // found[i] came from a DAX cluster's item cache
    std::vector<QByteArray> cacheKeys;            // through a DAX cluster, eventually consistent: each key's
    std::vector<quint64> tickets;                 // and each miss's Cluster::beginRead ticket
    std::vector<bool> processed;
    double units = 0;
};

} // namespace

Result<QByteArray> batchGetItem(OpContext &ctx, const QJsonObject &req)
{
    const QJsonObject requestItems = req.value(p("RequestItems")).toObject();
    std::vector<TableRead> reads;

    // Request checks first, as AWS makes them before looking at any table.
    int total = 0;
    for (auto it = requestItems.begin(); it != requestItems.end(); ++it) {
        TableRead r;
        r.name = it.key();
        r.request = it.value().toObject();
        DD_ASSIGN(r.ex, parseExpressions(r.request, {p("ProjectionExpression")}, {p("AttributesToGet")}));
        r.consistent = r.request.value(p("ConsistentRead")).toBool();
        QSet<QByteArray> seen;
        for (const QJsonValue &k : r.request.value(p("Keys")).toArray()) {
            DD_ASSIGN(model::Item key, model::itemFromJson(k));
            // Canonical JSON: numbers compare by value, members in name order.
            const QByteArray id = model::itemToJsonBytes(key);
            if (seen.contains(id))
                return ApiError::validation(p("Provided list of item keys contains duplicates"));
            seen.insert(id);
            if (++total > kMaxBatchGetKeys)
                return ApiError::validation(p("Too many items requested for the BatchGetItem call"));
            r.keys.push_back(ItemKey{std::move(key), {}});
            r.keyJson.push_back(k);
        }
        reads.push_back(std::move(r));
    }
    for (TableRead &r : reads) {
        DD_ASSIGN(r.table, requireTable(ctx, r.name, true));
        for (ItemKey &k : r.keys) {
            DD_ASSIGN(k, keyFromKeyParameter(*r.table, k.attributes));
        }
    }

    // Through a DAX cluster, eventually consistent keys come from its item
    // cache; the others (misses) are read and stored.
    const qint64 now = ctx.clock->nowMs();
    for (TableRead &r : reads) {
        r.found.assign(r.keys.size(), std::nullopt);
        r.cached.assign(r.keys.size(), false);
        if (!ctx.dax || r.consistent)
            continue;
        for (size_t i = 0; i < r.keys.size(); ++i) {
            r.cacheKeys.push_back(cache::Cluster::itemKey(r.name, r.keys[i].stored));
            if (auto hit = ctx.dax->lookupItem(r.cacheKeys.back(), now)) {
                r.found[i] = std::move(hit->item);
                r.cached[i] = true;
            } else {
                r.tickets.push_back(ctx.dax->beginRead(r.cacheKeys.back()));
            }
        }
    }
    auto read = ctx.db.read<bool>([&](storage::Connection &c) -> Result<bool> {
        for (TableRead &r : reads) {
            for (size_t i = 0; i < r.keys.size(); ++i) {
                if (r.cached[i])
                    continue;
                DD_ASSIGN(r.found[i], storage::ItemStore::get(c, *r.table, r.keys[i].stored));
            }
        }
        return true;
    });
    if (!read.ok())
        return read.error();
    for (TableRead &r : reads) {
        if (r.cacheKeys.empty())
            continue;
        size_t ticket = 0;
        for (size_t i = 0; i < r.keys.size(); ++i)
            if (!r.cached[i])
                ctx.dax->storeRead(r.cacheKeys[i], r.tickets[ticket++], r.found[i], now);
    }

    JsonWriter w;
    w.beginObject();
    w.key(QLatin1StringView("Responses")).beginObject();
    qint64 bytes = 0;
    bool full = false;
    for (TableRead &r : reads) {
        w.key(r.name).beginArray();
        r.processed.assign(r.keys.size(), false);
        for (size_t i = 0; i < r.keys.size(); ++i) {
            const std::optional<storage::StoredItem> &got = r.found[i];
            const qint64 size = got ? got->size : 0;
            if (full || bytes + size > kMaxBatchGetResponseBytes) {
                full = true;
                continue;
            }
            bytes += size;
            r.processed[i] = true;
            const double units = model::readCapacityUnits(size, r.consistent);
            r.units += units;
            insights::recordTable(ctx, *r.table, r.keys[i].attributes, units);
            if (!got)
                continue;
            if (!r.ex.hasProjection) {
                w.raw(got->json);
            } else {
                auto item = model::itemFromStoredJson(got->json);
                if (!item)
                    return ApiError::internal(p("A stored item could not be decoded"));
                w.item(expr::project(r.ex.projectionPaths, *item));
            }
        }
        w.endArray();
    }
    w.endObject();

    w.key(QLatin1StringView("UnprocessedKeys")).beginObject();
    for (const TableRead &r : reads) {
        QJsonArray keys;
        for (size_t i = 0; i < r.keys.size(); ++i)
            if (!r.processed[i])
                keys.append(r.keyJson[i]);
        if (keys.isEmpty())
            continue;
        QJsonObject unprocessed = r.request;
        unprocessed.insert(p("Keys"), keys);
        w.key(r.name).raw(QJsonDocument(unprocessed).toJson(QJsonDocument::Compact));
    }
    w.endObject();

    const QString mode = req.value(p("ReturnConsumedCapacity")).toString(p("NONE"));
    if (mode != p("NONE")) {
        w.key(QLatin1StringView("ConsumedCapacity")).beginArray();
        for (const TableRead &r : reads) {
            w.beginObject();
            w.key(QLatin1StringView("TableName")).string(r.name);
            w.key(QLatin1StringView("CapacityUnits")).real(r.units);
            if (mode == p("INDEXES")) {
                w.key(QLatin1StringView("Table")).beginObject();
                w.key(QLatin1StringView("CapacityUnits")).real(r.units);
                w.endObject();
            }
            w.endObject();
        }
        w.endArray();
    }
    w.endObject();
    return w.take();
}

} // namespace dd::api
