// KeyConditionExpression for Query: "=" on the partition key, optionally
// AND one of = < <= > >= BETWEEN begins_with on the sort key. Parsed with
// the condition grammar (so references, reserved words and unused values
// are checked as for any expression), then reduced to this form with AWS's
// messages for everything else.
#pragma once

#include "expr/expressions.h"

#include <optional>

namespace dd::expr {

struct KeyCondition {
    enum class Op { Eq, Lt, Le, Gt, Ge, Between, BeginsWith };
    struct Part {
        QString attribute;                        // top-level key attribute name
        Op op = Op::Eq;
        std::vector<model::AttributeValue> values; // one; two for Between (low, high)
    };
    Part partition;            // always Op::Eq
    std::optional<Part> sort;  // absent: the whole partition
};

// Parses `text` against the table's (or index's) key names; `sortKey` is
// empty for a partition-key-only schema. Errors are ValidationExceptions
// such as "Invalid operator used in KeyConditionExpression: OR" or "Query
// condition missed key schema element: pk". Value types against the schema
// are left to the caller, which knows the attribute types.
Result<KeyCondition> keyCondition(Expressions &expressions, const QString &text, const QString &partitionKey,
                                  const QString &sortKey);

// The schema-free part of keyCondition(): one part per AND-ed condition of a
// parsed KeyConditionExpression, in expression order, with AWS's messages
// for operators and shapes a key condition may not have.
Result<std::vector<KeyCondition::Part>> keyConditionParts(const Condition &parsed);

// True if `value` (the item's sort key) satisfies the sort part.
bool matchesSortKey(const KeyCondition::Part &part, const model::AttributeValue &value);

} // namespace dd::expr
