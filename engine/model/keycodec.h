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

// Multi-attribute keys (a GSI's partition or sort key made of several
// attributes): each part is its encodeKeyValue() bytes with every 0x00
// written as 0x00 0xFF, closed by 0x00 0x01. The parts are then
// self-delimiting and the memcmp order of the concatenation is the order of
// the tuples, compared part by part ("a" < "a\0" < "ab"). Single-attribute
// keys keep the plain encoding.
constexpr char kKeyPartEscape = char(0xFF);     // after 0x00: a 0x00 byte of the part
constexpr char kKeyPartTerminator = char(0x01); // after 0x00: the end of the part

// Appends the escaped bytes of `encoded` (an encodeKeyValue() result) to
// `out`, without the terminator.
void appendEscapedKeyPart(QByteArray &out, QByteArrayView encoded);
// Appends part `v` (S, N or B) to the multi-attribute key `out`: escaped, terminated.
void appendKeyPart(QByteArray &out, const AttributeValue &v);

// 32-bit hash of an encoded partition key: FNV-1a 32 then the murmur3
// finalizer (see keycodec.cpp). Fixes the order of Scan and the
// segments of parallel Scan. Stable across versions: written to disk.
quint32 partitionHash(QByteArrayView encodedPartitionKey);

} // namespace dd::model
