// ReadTarget: the rows a Query or Scan reads, and the key schema the request
// is checked against. Today that is a table's own items; a secondary index
// becomes another kind of target (its own store, key schema, projection and
// LastEvaluatedKey shape) without changing the Query and Scan handlers.
#pragma once

#include "model/attributevalue.h"
#include "model/result.h"
#include "storage/itemscan.h"
#include "storage/tabledef.h"

#include <memory>

namespace dd::api {

struct ReadTarget {
    std::shared_ptr<const storage::TableDef> table;
    const storage::IndexDef *index = nullptr; // null: the table itself
    storage::KeySchema keys;                  // the schema of key conditions and ExclusiveStartKey

    // The target for `indexName` (empty: the table). Errors as AWS: "The table
    // does not have the specified index: X", "Consistent reads are not
    // supported on global secondary indexes"; and, until secondary indexes
    // are stored, a ValidationException saying index reads are not supported.
    static Result<ReadTarget> resolve(std::shared_ptr<const storage::TableDef> table, const QString &indexName,
                                      bool consistentRead);

    // The attributes LastEvaluatedKey holds: the target's keys, then (for an
    // index) the table's keys not already among them.
    std::vector<storage::KeyElement> startKeyElements() const;
    // LastEvaluatedKey for the last item read.
    model::Item lastEvaluatedKey(const model::Item &item) const;

    // Cursors over the target's rows, inside the caller's Database::read.
    Result<storage::ItemScan> openPartition(storage::Connection &c, const storage::PartitionRange &range) const;
    Result<storage::ItemScan> openHashRange(storage::Connection &c, const storage::HashRange &range) const;
};

} // namespace dd::api
