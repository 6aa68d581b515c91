// AttributeCodec: DynamoDB values on the DAX wire, to and from the JSON
// shapes the engine speaks ({"S": "a"}, {"N": "1.5"}, {"B": base64}, ...).
//  - An attribute value is plain CBOR: text S, bytes B, a number N, true or
//    false BOOL, null NULL, an array L, a map M, tags 3321/3322/3323 + an
//    array for SS/NS/BS.
//  - A primary key is one byte string laid out by the table's key schema:
//    a hash key alone is its raw bytes (S: UTF-8, B: bytes) or, for N, one
//    CBOR number; with a range key, the hash key as a CBOR item and then
//    the range key raw (S, B) or as LexDecimal (N).
//  - A compound key (LastEvaluatedKey and ExclusiveStartKey of index
//    queries and scans) is a byte string holding an indefinite-length map
//    of every key attribute.
//  - An item value is a byte string holding an attribute-list id and then
//    the values of the list's names: the non-key attributes, named in
//    UTF-16 order (the JavaScript client's Array.sort()).
// Malformed input is a ValidationException with a message naming the part.
// Threads: plain functions; the registry is thread-safe.
#pragma once

#include "daxwire/attributelists.h"
#include "daxwire/cbor.h"
#include "model/result.h"

#include <QJsonObject>
#include <QStringList>

namespace dd::daxwire {

// A table's primary key: hash first, then range (empty without one).
struct KeySchema {
    QString hashName;
    QString hashType; // "S", "N" or "B"
    QString rangeName;
    QString rangeType;

    bool hasRange() const { return !rangeName.isEmpty(); }
    bool isKey(const QString &name) const { return name == hashName || (hasRange() && name == rangeName); }
};

// The JSON AttributeValue of a CBOR value.
Result<QJsonObject> attributeValueOf(const CborValue &v);
// Writes a JSON AttributeValue as CBOR; a ValidationException if it is not one.
Result<void> writeAttributeValue(CborWriter &w, const QJsonObject &av);

// The key (attribute name -> JSON AttributeValue) in key bytes.
Result<QJsonObject> decodeKey(const KeySchema &schema, QByteArrayView bytes);
// The key bytes of the key attributes of `item` (other attributes ignored).
Result<QByteArray> encodeKey(const KeySchema &schema, const QJsonObject &item);

// The attributes of a compound key's bytes, and the bytes of `key` (every
// attribute of it, in the object's order).
Result<QJsonObject> decodeCompoundKey(QByteArrayView bytes);
Result<QByteArray> encodeCompoundKey(const QJsonObject &key);

// The attributes of an item value (name -> JSON AttributeValue). An id
// `lists` does not know is a ValidationException.
Result<QJsonObject> decodeItemValue(const AttributeLists &lists, QByteArrayView bytes);
// The item value of `item`'s attributes that are not in `schema`'s key
// (all of them with a null schema), its names registered in `lists`.
Result<QByteArray> encodeItemValue(AttributeLists &lists, const QJsonObject &item, const KeySchema *schema);

// Names sorted as JavaScript's Array.sort() sorts them (UTF-16 code units).
QStringList sortedNames(QStringList names);

} // namespace dd::daxwire
