// What the item handlers tell Contributor Insights: each access to a table
// or to a global secondary index, with the capacity units it consumed, keyed
// as the rules count them (Recorder). A table without insights anywhere costs
// one flag test (TableDef::anyInsights); only enabled tables build key JSON.
// Counted: GetItem, PutItem, UpdateItem, DeleteItem, BatchGetItem,
// BatchWriteItem, TransactGetItems and TransactWriteItems on each item's
// key; a write's index units (of each of these writes) on the index key of
// the item it leaves behind (of the item it removed, when it removed the
// entry); a Query on its partition key (the table's or the index's); a
// PartiQL statement as the operation it runs as. Scans are not attributed
// to keys.
#pragma once

#include "model/attributevalue.h"
#include "storage/indexstore.h"
#include "storage/itemstore.h"
#include "storage/tabledef.h"

#include <optional>

namespace dd::api {
struct OpContext;
}

namespace dd::insights {

// An access to the table's item with key `key` (the key attributes, or the whole item).
void recordTableSlow(api::OpContext &ctx, const storage::TableDef &table, const model::Item &key, double units);
inline void recordTable(api::OpContext &ctx, const storage::TableDef &table, const model::Item &key, double units)
{
    if (table.insights)
        recordTableSlow(ctx, table, key, units);
}

// A Query of `index`'s partition (null: the table's) whose key condition
// named `partition` (its partition key attributes).
void recordQuerySlow(api::OpContext &ctx, const storage::TableDef &table, const storage::IndexDef *index,
                     const model::Item &partition, double units);
inline void recordQuery(api::OpContext &ctx, const storage::TableDef &table, const storage::IndexDef *index,
                        const model::Item &partition, double units)
{
    if (index ? index->insights : table.insights)
        recordQuerySlow(ctx, table, index, partition, units);
}

// A single-item write: `tableUnits` on the table's key `key`; each index
// entry it changed (fx) on the index key of `after` (the item as written;
// null for a delete) or, for an entry it removed, of `before` (the stored
// item it replaced or deleted).
void recordWriteSlow(api::OpContext &ctx, const storage::TableDef &table, const model::Item &key, double tableUnits,
                     const storage::WriteEffects &fx, const model::Item *after, const std::optional<storage::StoredItem> &before,
                     double indexFactor = 1.0);
inline void recordWrite(api::OpContext &ctx, const storage::TableDef &table, const model::Item &key, double tableUnits,
                        const storage::WriteEffects &fx, const model::Item *after, const std::optional<storage::StoredItem> &before)
{
    if (table.anyInsights)
        recordWriteSlow(ctx, table, key, tableUnits, fx, after, before);
}

// The same for a write whose new item is stored JSON (batches and
// transactions): parsed only if an index with insights needs its key.
// `indexFactor` multiplies each index's units (2 in a transaction).
void recordStoredWriteSlow(api::OpContext &ctx, const storage::TableDef &table, const model::Item &key, double tableUnits,
                           const storage::WriteEffects &fx, const std::optional<storage::StoredItem> &after,
                           const std::optional<storage::StoredItem> &before, double indexFactor);
inline void recordStoredWrite(api::OpContext &ctx, const storage::TableDef &table, const model::Item &key, double tableUnits,
                              const storage::WriteEffects &fx, const std::optional<storage::StoredItem> &after,
                              const std::optional<storage::StoredItem> &before, double indexFactor = 1.0)
{
    if (table.anyInsights)
        recordStoredWriteSlow(ctx, table, key, tableUnits, fx, after, before, indexFactor);
}

} // namespace dd::insights
