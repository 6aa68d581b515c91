// BatchWriteItem: up to 25 puts and deletes across tables, applied in one
// SQLite transaction (AWS applies them independently; all-at-once is a
// stricter guarantee and keeps one commit per batch). Nothing is left
// unprocessed by a local engine, so UnprocessedItems is always empty.
#include "api/jsonwriter.h"
#include "api/keys.h"
#include "api/opcontext.h"
#include "api/writecapacity.h"
#include "insights/record.h"
#include "model/json.h"
#include "model/limits.h"
#include "model/size.h"

#include <QJsonArray>
#include <QSet>

namespace dd::api {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

// BatchWriteItem's limit on write requests across all tables (API reference).
constexpr int kMaxBatchWriteRequests = 25;

struct BatchWrite {
    std::shared_ptr<const storage::TableDef> table;
    ItemKey key;
    QByteArray keysJson;
    std::optional<storage::StoredItem> item; // the put; nullopt for a delete
};

} // namespace

Result<QByteArray> batchWriteItem(OpContext &ctx, const QJsonObject &req)
{
    const QJsonObject requestItems = req.value(p("RequestItems")).toObject();
    int total = 0;
    for (auto it = requestItems.begin(); it != requestItems.end(); ++it)
        total += int(it.value().toArray().size());
    if (total > kMaxBatchWriteRequests)
        return ApiError::validation(p("Too many items requested for the BatchWriteItem call"));

    // Parse and validate everything before anything is written.
    std::vector<BatchWrite> writes;
    QStringList tableOrder;
    for (auto it = requestItems.begin(); it != requestItems.end(); ++it) {
        const QJsonArray requests = it.value().toArray();
        for (const auto &r : requests) {
            const QJsonObject o = r.toObject();
            const bool isPut = o.contains(p("PutRequest")), isDelete = o.contains(p("DeleteRequest"));
            if (isPut == isDelete)
                return ApiError::validation(p("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"));
            if (isPut) {
                DD_ASSIGN(model::Item item, model::itemFromJson(o.value(p("PutRequest")).toObject().value(p("Item"))));
                if (model::itemSize(item) > model::kMaxItemSizeBytes)
                    return ApiError::validation(p("Item size has exceeded the maximum allowed size"));
                writes.push_back({nullptr, {}, {}, storage::StoredItem{model::itemSize(item), model::itemToJsonBytes(item)}});
                writes.back().key.attributes = std::move(item); // the whole item until the key is extracted
            } else {
                DD_ASSIGN(model::Item key, model::itemFromJson(o.value(p("DeleteRequest")).toObject().value(p("Key"))));
                writes.push_back({nullptr, {}, {}, std::nullopt});
                writes.back().key.attributes = std::move(key);
            }
        }
    }
    size_t index = 0;
    for (auto it = requestItems.begin(); it != requestItems.end(); ++it) {
        DD_ASSIGN(auto table, requireTable(ctx, it.key(), true));
        tableOrder << it.key();
        QSet<QByteArray> seen;
        for (qsizetype n = 0; n < it.value().toArray().size(); ++n, ++index) {
            BatchWrite &w = writes[index];
            w.table = table;
            auto key = w.item ? keyFromItem(*table, w.key.attributes) : keyFromKeyParameter(*table, w.key.attributes);
            if (!key.ok()) {
                // AWS reports key problems of a batch in one sentence.
                if (key.error().message().contains(p("Missing the key")) || key.error().message().contains(p("Type mismatch for key")))
                    return ApiError::validation(p("The provided key element does not match the schema"));
                return key.error();
            }
            w.key = std::move(key).value();
            w.keysJson = model::itemToJsonBytes(w.key.attributes);
            const QByteArray id = w.key.stored.pk + '\0' + w.key.stored.sk;
            if (seen.contains(id))
                return ApiError::validation(p("Provided list of item keys contains duplicates"));
            seen.insert(id);
        }
    }

    QHash<QString, WriteCapacity> units;
    // Item collections reached, by table: {table, key, size after the batch}.
    struct Collection {
        std::shared_ptr<const storage::TableDef> table;
        model::Item key;
        qint64 bytes = 0;
    };
    std::vector<Collection> collections;
    // What each write did, for Contributor Insights once committed.
    struct Access {
        std::shared_ptr<const storage::TableDef> table;
        double units = 0;
        storage::WriteEffects fx;
        std::optional<storage::StoredItem> old;
    };
    std::vector<Access> accesses;
    auto written = ctx.db.write<bool>([&](storage::WriteTxn &txn) -> Result<bool> {
        units.clear();
        collections.clear();
        accesses.clear();
        for (BatchWrite &w : writes) {
            DD_ASSIGN(auto table, requireTable(ctx, w.table->name, true));
            DD_ASSIGN(std::optional<storage::StoredItem> old, storage::ItemStore::get(txn.conn, *table, w.key.stored));
            const qint64 oldSize = old ? old->size : 0;
            storage::WriteEffects fx = writeEffects(ctx);
            const double tableUnits = model::writeCapacityUnits(w.item ? std::max(oldSize, w.item->size) : oldSize);
            if (w.item) {
                DD_CHECK(storage::applyPut(txn, *table, w.key.stored, w.keysJson, old, *w.item, &fx));
            } else {
                if (old)
                    DD_CHECK(storage::applyDelete(txn, *table, w.key.stored, w.keysJson, *old, &fx));
            }
            units[table->name].add(tableUnits, fx);
            accesses.push_back({table, tableUnits, std::move(fx), std::move(old)});
            if (fx.itemCollectionBytes) {
                const model::AttributeValue &hash = w.key.attributes.at(table->keys.hash.name);
                auto it = std::find_if(collections.begin(), collections.end(), [&](const Collection &c) {
                    return c.table->name == table->name && c.key.at(table->keys.hash.name) == hash;
                });
                if (it == collections.end())
                    it = collections.insert(collections.end(), Collection{table, model::Item{{table->keys.hash.name, hash}}, 0});
                it->bytes = *fx.itemCollectionBytes;
            }
        }
        return true;
    });
    if (!written.ok())
        return written.error();
    for (size_t i = 0; i < accesses.size(); ++i) {
        const Access &a = accesses[i];
        insights::recordStoredWrite(ctx, *a.table, writes[i].key.attributes, a.units, a.fx, writes[i].item, a.old);
    }

    JsonWriter w;
    w.beginObject();
    w.key(QLatin1StringView("UnprocessedItems")).beginObject().endObject();
    const QString mode = req.value(p("ReturnConsumedCapacity")).toString(p("NONE"));
    if (mode != p("NONE")) {
        w.key(QLatin1StringView("ConsumedCapacity")).beginArray();
        for (const QString &t : tableOrder)
            units.value(t).write(w, mode, t);
        w.endArray();
    }
    if (req.value(p("ReturnItemCollectionMetrics")).toString() == p("SIZE") && !collections.empty()) {
        w.key(QLatin1StringView("ItemCollectionMetrics")).beginObject();
        for (const QString &t : tableOrder) {
            bool any = false;
            for (const Collection &c : collections) {
                if (c.table->name != t)
                    continue;
                if (!any)
                    w.key(t).beginArray();
                any = true;
                writeItemCollectionMetricsObject(w, *c.table, c.key, c.bytes);
            }
            if (any)
                w.endArray();
        }
        w.endObject();
    }
    w.endObject();
    return w.take();
}

} // namespace dd::api
