// Conversion between DynamoDB JSON ({"S": "x"}, {"M": {...}}, ...) and
// AttributeValue, with AWS's validation of every value.
#pragma once

#include "model/attributevalue.h"

#include <QJsonObject>
#include <QJsonValue>

namespace dd::model {

// Parses one attribute value such as {"N": "1.50"}. Validates as AWS does
// and returns a ValidationException with AWS's message on failure: empty or
// multi-typed values, bad numbers, empty or duplicated sets, bad base64,
// nesting deeper than kMaxNestingDepth. `depth` is the nesting level of v.
Result<AttributeValue> attributeFromJson(const QJsonValue &v, int depth = 0);

// Parses a top-level item {"name": {"S": ...}, ...}.
Result<Item> itemFromJson(const QJsonValue &v);

// Appends compact DynamoDB JSON; numbers in canonical form, binaries base64.
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

} // namespace dd::model
