// A fast reader for the engine's own compact DynamoDB JSON: exactly what
// writeItemJson() writes (no whitespace, one type tag per value, members in
// Item order). It builds the Item directly, without QJsonDocument and its
// CBOR tree, since every conditional write, UpdateItem and projection
// decodes the stored item. model::itemFromStoredJson() uses it first and
// falls back to the general parser for anything it does not recognize.
#pragma once

#include "model/attributevalue.h"

#include <QByteArrayView>

#include <optional>

namespace dd::model {

// Decodes bytes in writeItemJson()'s form. Returns nullopt for anything
// outside that form (whitespace, unknown tags, lone-surrogate escapes,
// malformed input); it then reads nothing into any caller state.
std::optional<Item> parseStoredItem(QByteArrayView bytes);

} // namespace dd::model
