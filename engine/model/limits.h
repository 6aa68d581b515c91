// DynamoDB's documented limits (Developer Guide, "Service, account, and table
// quotas in Amazon DynamoDB"), as named constants.
#pragma once

#include <QtGlobal>

namespace dd::model {

constexpr qint64 kMaxItemSizeBytes = 400 * 1024;   // item size, names and values
constexpr int kMaxNestingDepth = 32;               // nested M/L levels
constexpr int kMaxPartitionKeyBytes = 2048;        // partition key value
constexpr int kMaxSortKeyBytes = 1024;             // sort key value
constexpr int kMinTableNameLength = 3;
constexpr int kMaxTableNameLength = 255;
constexpr int kMaxAttributeNameBytes = 65535;      // non-key attribute names (the API model's AttributeName)
constexpr int kMaxKeyAttributeNameBytes = 255;     // key attribute names
constexpr qint64 kMaxRequestBytes = 16 * 1024 * 1024; // HTTP request body
constexpr int kMaxGsiPerTable = 20;
constexpr int kMaxLsiPerTable = 5;
constexpr int kMaxProjectedNonKeyAttributes = 100; // across all indexes of a table
constexpr int kMaxTagsPerResource = 50;
constexpr int kMaxTagKeyLength = 128;
constexpr int kMaxTagValueLength = 256;

} // namespace dd::model
