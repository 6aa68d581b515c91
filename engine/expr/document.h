// Navigating items by document path.
#pragma once

#include "expr/expressions.h"

namespace dd::expr {

// The value at `path` in `item`, or nullptr if any step is missing or
// steps into the wrong type (a member of a non-map, an index of a non-list).
// The pointer is valid while `item` is unchanged.
const model::AttributeValue *lookup(const model::Item &item, const Path &path);

// As lookup(), for the first `length` elements of path; length 0 is the item itself (returns nullptr).
const model::AttributeValue *lookupPrefix(const model::Item &item, const Path &path, size_t length);

// Mutable lookup of a container on the way to a path; same rules as lookup().
model::AttributeValue *lookupMutable(model::Item &item, const Path &path, size_t length);

} // namespace dd::expr
