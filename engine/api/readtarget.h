// ReadTarget: the rows a Query or Scan reads, and the key schema the request
// is checked against: a table's own items, or one of its secondary indexes
// (its own store, key schema, projection and LastEvaluatedKey shape). The
// Query and Scan handlers see only this and its cursor.
#pragma once

#include "model/attributevalue.h"
#include "model/result.h"
#include "storage/indexstore.h"
#include "storage/itemscan.h"
#include "storage/tabledef.h"

#include <memory>
#include <variant>

namespace dd::api {

// The stored form of the partition or sort key made of `parts`, whose
// values `values` holds with the declared types (one part: its plain
// encoding; several: model::appendKeyPart()'s); empty for no parts.
QByteArray encodeKey(const std::vector<storage::KeyElement> &parts, const model::Item &values);

// Where a read resumes: strictly after this table row or index row.
struct StartPosition {
    storage::StoredKey table;                  // the table's key (hash, pk, sk)
    std::optional<storage::IndexPosition> index; // index targets: the index row
};

// A cursor over the target's rows (ItemScan or IndexScan), valid inside the
// Database::read it was opened in.
class ReadCursor {
public:
    explicit ReadCursor(storage::ItemScan scan) : m_scan(std::move(scan)) {}
    explicit ReadCursor(storage::IndexScan scan) : m_scan(std::move(scan)) {}
    // Steps to the next row: true with a row, false at the end. The row is
    // then read in place, without copies, through item() and size(): valid
    // until the next step or the cursor's end.
    Result<bool> next();
    // The current row's stored (for an index, projected) item and its size.
    QByteArrayView item() const;
    qint64 size() const;
    // The table key of the current row's item.
    storage::StoredKey tableKey() const;

private:
    std::variant<storage::ItemScan, storage::IndexScan> m_scan;
};

struct ReadTarget {
    std::shared_ptr<const storage::TableDef> table;
    const storage::IndexDef *index = nullptr; // null: the table itself; else points into *table
    storage::KeySchema keys;                  // the schema of key conditions and ExclusiveStartKey

    // The target for `indexName` (empty: the table). Errors as AWS: "The table
    // does not have the specified index: X", "Consistent reads are not
    // supported on global secondary indexes", "Cannot read from backfilling
    // global secondary index: X".
    static Result<ReadTarget> resolve(std::shared_ptr<const storage::TableDef> table, const QString &indexName,
                                      bool consistentRead);

    // The attributes LastEvaluatedKey holds: the target's keys, then (for an
    // index) the table's keys not already among them.
    std::vector<storage::KeyElement> startKeyElements() const;
    // LastEvaluatedKey for the last item read.
    model::Item lastEvaluatedKey(const model::Item &item) const;
    // The position after ExclusiveStartKey `key`, whose attributes are
    // exactly startKeyElements() with the declared types (checked by the
    // caller); errors for invalid table key values, prefixed "The provided
    // starting key is invalid: ".
    Result<StartPosition> startPosition(const model::Item &key) const;

    // Cursors over the target's rows, inside the caller's Database::read,
    // resuming after `start` if given (for partitions, `start` lies in the
    // partition and within the range's bounds).
    Result<ReadCursor> openPartition(storage::Connection &c, storage::PartitionRange range,
                                     const std::optional<StartPosition> &start) const;
    Result<ReadCursor> openHashRange(storage::Connection &c, qint64 hashLow, qint64 hashHigh,
                                     const std::optional<StartPosition> &start) const;
    // The hash a Scan segment is chosen by: the target's partition hash of `start`.
    qint64 startHash(const StartPosition &start) const { return index ? start.index->index.hash : start.table.hash; }
};

} // namespace dd::api
