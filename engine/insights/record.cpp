#include "insights/record.h"

#include "api/opcontext.h"
#include "insights/recorder.h"
#include "model/json.h"
#include "model/size.h"

#include <algorithm>

namespace dd::insights {

namespace {

// The key attributes of `schema` that `item` has, as DynamoDB JSON: the
// partition key's (and the sort key's, if wholeKey); empty if one is missing
// (an item outside a sparse index).
QByteArray keyJson(const storage::KeySchema &schema, const model::Item &item, bool wholeKey)
{
    // Written directly, in key-schema order (no Item copied): this runs for
    // every access to a table with insights on.
    QByteArray out;
    out.reserve(64);
    out += '{';
    const auto take = [&](const std::vector<storage::KeyElement> &parts) {
        for (const storage::KeyElement &e : parts) {
            const auto it = item.find(e.name);
            if (it == item.end())
                return false;
            if (out.size() > 1)
                out += ',';
            model::writeJsonString(e.name, out);
            out += ':';
            model::writeAttributeJson(it->second, out);
        }
        return true;
    };
    if (!take(schema.hashParts) || (wholeKey && !take(schema.rangeParts)))
        return {};
    out += '}';
    return out;
}

// Counts `units` for the key `item` has in the table (index null) or
// `index`: its partition key, and its whole key when `wholeKey` and the
// schema has a sort key.
void add(api::OpContext &ctx, const storage::TableDef &table, const storage::IndexDef *index, const model::Item &item, double units,
         bool wholeKey = true)
{
    if (!ctx.insights)
        return;
    const storage::KeySchema &schema = index ? index->keys : table.keys;
    const QByteArray partition = keyJson(schema, item, false);
    if (partition.isEmpty())
        return;
    const QByteArray whole = !wholeKey || schema.rangeParts.empty() ? QByteArray() : keyJson(schema, item, true);
    const Recorder::Target target{ctx.db.region(), table.id, index ? index->name : QString()};
    ctx.insights->add(target, partition, whole, units, ctx.clock->nowMs());
}

} // namespace

void recordTableSlow(api::OpContext &ctx, const storage::TableDef &table, const model::Item &key, double units)
{
    add(ctx, table, nullptr, key, units);
}

void recordQuerySlow(api::OpContext &ctx, const storage::TableDef &table, const storage::IndexDef *index,
                     const model::Item &partition, double units)
{
    add(ctx, table, index, partition, units, false); // a partition's read is no item's
}

void recordWriteSlow(api::OpContext &ctx, const storage::TableDef &table, const model::Item &key, double tableUnits,
                     const storage::WriteEffects &fx, const model::Item *after, const std::optional<storage::StoredItem> &before,
                     double indexFactor)
{
    if (table.insights)
        add(ctx, table, nullptr, key, tableUnits);
    std::optional<model::Item> beforeItem; // parsed once, if an enabled index's entry was removed
    for (const storage::IndexWrite &w : fx.indexes) {
        if (!w.index || !w.index->insights)
            continue;
        const qint64 size = w.inPlace ? std::max(w.oldSize, w.newSize) : (w.newSize >= 0 ? w.newSize : w.oldSize);
        const double units = indexFactor * model::writeCapacityUnits(size);
        if (w.newSize >= 0 && after) {
            add(ctx, table, w.index, *after, units);
            continue;
        }
        if (!before)
            continue;
        if (!beforeItem) {
            auto parsed = model::itemFromStoredJson(before->json);
            if (!parsed)
                continue;
            beforeItem = std::move(*parsed);
        }
        add(ctx, table, w.index, *beforeItem, units);
    }
}

void recordStoredWriteSlow(api::OpContext &ctx, const storage::TableDef &table, const model::Item &key, double tableUnits,
                           const storage::WriteEffects &fx, const std::optional<storage::StoredItem> &after,
                           const std::optional<storage::StoredItem> &before, double indexFactor)
{
    std::optional<model::Item> afterItem;
    const bool needed = after && std::any_of(fx.indexes.begin(), fx.indexes.end(), [](const storage::IndexWrite &w) {
        return w.index && w.index->insights && w.newSize >= 0;
    });
    if (needed)
        afterItem = model::itemFromStoredJson(after->json);
    recordWriteSlow(ctx, table, key, tableUnits, fx, afterItem ? &*afterItem : nullptr, before, indexFactor);
}

} // namespace dd::insights
