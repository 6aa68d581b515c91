// Ordering of DynamoDB scalar values, shared by the evaluator and the
// resolve pass (BETWEEN bounds).
#pragma once

#include "model/attributevalue.h"

#include <optional>

namespace dd::expr {

// True for the types <, <=, >, >= and BETWEEN accept: S, N and B.
bool isOrderable(model::AttrType t);

// <0, 0, >0 when a and b have the same orderable type (strings by UTF-8
// bytes, numbers by value, binaries by unsigned bytes); nullopt otherwise.
std::optional<int> compareOrdered(const model::AttributeValue &a, const model::AttributeValue &b);

} // namespace dd::expr
