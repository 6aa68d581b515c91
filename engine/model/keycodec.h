// Order-preserving byte encoding of key values: memcmp order of the encoded
// bytes equals DynamoDB's order of the values (S by UTF-8 bytes, N
// numerically, B by bytes). The encoding of a given key type is fixed, so the
// type is not stored in the bytes. SQLite compares BLOBs with memcmp, so its
// index order is DynamoDB's order.
#pragma once

#include "model/attributevalue.h"

namespace dd::model {

// v must be S, N or B.
QByteArray encodeKeyValue(const AttributeValue &v);

// 32-bit hash of an encoded partition key: FNV-1a 32 then the murmur3
// finalizer (see keycodec.cpp). Fixes the order of Scan and the
// segments of parallel Scan. Stable across versions: written to disk.
quint32 partitionHash(QByteArrayView encodedPartitionKey);

} // namespace dd::model
