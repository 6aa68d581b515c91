// The legacy (pre-expression) parameters of DynamoDB: Expected with
// ConditionalOperator (PutItem, DeleteItem, UpdateItem), QueryFilter and
// ScanFilter, KeyConditions (Query) and AttributeUpdates (UpdateItem). Each
// is validated with AWS's legacy messages (Developer Guide, "Legacy
// conditional parameters"; dynalite validations/index.js
// validateAttributeConditions and validateConditions) and translated into
// the expression AST, so that one evaluator serves both forms.
#pragma once

#include "expr/ast.h"

#include <QJsonObject>

#include <memory>

namespace dd::expr {

// One legacy condition on a top-level attribute: {ComparisonOperator, AttributeValueList}.
struct LegacyCondition {
    QString attribute;                          // top-level attribute name
    QString op;                                 // EQ, NE, LE, LT, GE, GT, NOT_NULL, NULL, CONTAINS, NOT_CONTAINS, BEGINS_WITH, IN, BETWEEN
    std::vector<model::AttributeValue> values;  // AttributeValueList
};

// Expected: {attr: {Value, Exists, ComparisonOperator, AttributeValueList}}
// combined with `conditionalOperator` (AND when empty). Null for an empty map.
Result<std::shared_ptr<const Condition>> expectedCondition(const QJsonObject &expected, const QString &conditionalOperator);

// QueryFilter / ScanFilter: {attr: {ComparisonOperator, AttributeValueList}}
// with AWS's checks of argument counts and types. Null for an empty map.
Result<std::shared_ptr<const Condition>> filterCondition(const QJsonObject &filter, const QString &conditionalOperator);

// The checks filterCondition applies to one condition (counts, one type,
// the types each operator accepts, BETWEEN bounds); also used for key
// conditions, which AWS validates the same way.
Result<void> validateLegacyCondition(const LegacyCondition &condition);

// KeyConditions, parsed and validated as conditions; the Query handler
// checks them against the key schema.
Result<std::vector<LegacyCondition>> keyConditions(const QJsonObject &conditions);

// AttributeUpdates: {attr: {Action: PUT|ADD|DELETE, Value}} as an Update
// marked `legacy`, applied by applyAttributeUpdates (applyUpdate dispatches).
Result<std::shared_ptr<const Update>> attributeUpdates(const QJsonObject &updates);

// Applies a legacy Update to a copy of `item`: PUT sets; ADD adds to a number,
// unites sets and appends to lists; DELETE removes set elements (and the
// attribute when the set empties) or, without a value, the attribute.
// "Type mismatch for attribute to update" when the types disagree.
Result<model::Item> applyAttributeUpdates(const Update &update, const model::Item &item);

} // namespace dd::expr
