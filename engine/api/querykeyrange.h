// A Query's key conditions (KeyConditionExpression or KeyConditions)
// checked against its target's key schema with AWS's messages and reduced
// to the partition and sort-key range it reads, with where
// ExclusiveStartKey resumes it.
#pragma once

#include "api/exprparams.h"
#include "api/readtarget.h"
#include "model/result.h"

#include <optional>

namespace dd::api {

struct QueryKeyRange {
    storage::PartitionRange range; // forward unset: ScanIndexForward is the caller's
    std::optional<StartPosition> start; // with ExclusiveStartKey: the row the read resumes after
    // The queried partition key's value (single-attribute keys), for
    // Contributor Insights.
    std::optional<model::AttributeValue> partitionValue;
};

// Errors in AWS's order: the start key's size, the conditions, each start
// key attribute with the condition on it, the encoded start key, then the
// start key against the conditions ("The provided starting key is outside
// query boundaries based on provided conditions").
Result<QueryKeyRange> queryKeyRange(const ReadTarget &target, const ParsedExpressions &ex, const std::optional<model::Item> &startKey);

// One key attribute of ExclusiveStartKey against the target's schema
// (present, of the declared type, not empty), as Query and Scan check it.
Result<void> checkStartKeyPiece(const model::Item &start, const storage::KeyElement &e);

} // namespace dd::api
