// Conversion between DynamoDB JSON ({"S": "x"}, {"M": {...}}, ...) and
// AttributeValue, with AWS's validation of every value.
#pragma once

#include "model/attributevalue.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace dd::model {

// Parses one attribute value such as {"N": "1.50"}. Validates as AWS does
// and returns a ValidationException with AWS's message on failure: empty or
// multi-typed values, bad numbers, empty or duplicated sets, bad base64,
// nesting deeper than kMaxNestingDepth. `depth` is the nesting level of v:
// 0 for an item's attribute or an expression value. Counting the item as
// level 1, a map or list at level 33 or more (depth >= 31) is rejected, so at
// most 31 nested M/L wrap a scalar, as AWS accepts. A JSON value of the wrong
// kind anywhere in v is a SerializationException, reported before any
// ValidationException. Unknown members ("X": ...) and null members are
// ignored, as AWS's deserializer does; BOOL and NULL also take the strings
// true/1/yes and false/0/no.
Result<AttributeValue> attributeFromJson(const QJsonValue &v, int depth = 0);

// Parses a top-level item {"name": {"S": ...}, ...}. Null is an empty item.
// Attribute names are not checked here (empty names, key sizes: the API layer).
Result<Item> itemFromJson(const QJsonValue &v);

// Appends compact DynamoDB JSON; numbers in canonical form, binaries base64,
// non-ASCII as raw UTF-8, members in Item (std::map) order.
void writeAttributeJson(const AttributeValue &v, QByteArray &out);
void writeItemJson(const Item &item, QByteArray &out);
QByteArray itemToJsonBytes(const Item &item);

// The same as QJson values, for callers that build QJsonObjects.
QJsonObject attributeToJson(const AttributeValue &v);
QJsonObject itemToJson(const Item &item);

// Decodes an item that this engine wrote with writeItemJson (trusted input,
// no validation beyond well-formedness). Returns nullopt if corrupt.
std::optional<Item> itemFromStoredJson(QByteArrayView bytes);

// Appends s to out as a JSON string literal (quotes and escapes included).
void writeJsonString(QStringView s, QByteArray &out);

// Whether JSON text holds a control character (below 0x20) inside a string.
// JSON (RFC 8259) wants those escaped, and DynamoDB answers such a request
// with SerializationException, but QJsonDocument::fromJson accepts them.
bool hasRawControlCharacter(QByteArrayView json);

// A request body parsed as DynamoDB's parser takes it: QJsonDocument's
// parse, refusing raw control characters in strings too; nullopt for a body
// DynamoDB answers with SerializationException.
std::optional<QJsonDocument> parseRequestJson(QByteArrayView body);

} // namespace dd::model
