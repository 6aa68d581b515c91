// WriteCapacity: the capacity one or more writes consume on a table and its
// secondary indexes, and the ItemCollectionMetrics of writes to tables with
// LSIs, as AWS reports them (ReturnConsumedCapacity TOTAL/INDEXES,
// ReturnItemCollectionMetrics SIZE). Shared by the item, batch and
// transaction handlers.
//
// Index writes follow the Developer Guide ("Provisioned throughput
// considerations for Global Secondary Indexes"): an entry put or deleted
// costs one write of its size (1 KB units); an entry whose key changed costs
// a delete and a put; an entry rewritten in place one write of the larger
// size; an index the write did not change costs nothing.
#pragma once

#include "api/jsonwriter.h"
#include "model/attributevalue.h"
#include "storage/indexstore.h"
#include "storage/tabledef.h"

#include <QJsonObject>

#include <vector>

namespace dd::api {

struct OpContext;

struct WriteCapacity {
    struct Index {
        QString name;
        bool global = true;
        double units = 0;
    };
    double table = 0;           // capacity units on the table
    std::vector<Index> indexes; // on each index written, in first-written order

    // Adds one write: `tableUnits` on the table and what `fx` reports, each
    // index's units times `indexFactor` (2 for transactional writes, which
    // cost double on the table and on every index they change).
    void add(double tableUnits, const storage::WriteEffects &fx, double indexFactor = 1.0);
    double total() const;
    // The ConsumedCapacity object for `mode` (TOTAL or INDEXES).
    void write(JsonWriter &w, const QString &mode, const QString &tableName) const;
};

// WriteEffects for a write by `ctx`: its item-collection limit.
storage::WriteEffects writeEffects(const OpContext &ctx);

// Appends "ConsumedCapacity" when the request asks for it.
void writeConsumedCapacity(JsonWriter &w, const QJsonObject &req, const QString &tableName, const WriteCapacity &capacity);

// Appends "ConsumedCapacity" for one write: `tableUnits` and what `fx` reports.
void writeConsumedCapacity(JsonWriter &w, const QJsonObject &req, const QString &tableName, double tableUnits,
                           const storage::WriteEffects &fx);

// One ItemCollectionMetrics object {ItemCollectionKey, SizeEstimateRangeGB}
// for the collection of `key` (a table key or item), whose size `fx` reports.
void writeItemCollectionMetricsObject(JsonWriter &w, const storage::TableDef &table, const model::Item &key, qint64 bytes);

// Appends "ItemCollectionMetrics" when the request asks for SIZE and the
// write reached an item collection (tables with LSIs).
void writeItemCollectionMetrics(JsonWriter &w, const QJsonObject &req, const storage::TableDef &table, const model::Item &key,
                                const storage::WriteEffects &fx);

} // namespace dd::api
