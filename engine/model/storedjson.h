// A fast reader for the engine's own compact DynamoDB JSON: exactly what
// writeItemJson() writes (no whitespace, one type tag per value, members in
// Item order). It builds the Item directly, without QJsonDocument and its
// CBOR tree, since every conditional write, UpdateItem and projection
// decodes the stored item. model::itemFromStoredJson() uses it first and
// falls back to the general parser for anything it does not recognize.
#pragma once

#include "model/attributevalue.h"

#include <QByteArrayView>
#include <QVarLengthArray>

#include <optional>

namespace dd::model {

// Decodes bytes in writeItemJson()'s form. Returns nullopt for anything
// outside that form (whitespace, unknown tags, lone-surrogate escapes,
// malformed input); it then reads nothing into any caller state.
std::optional<Item> parseStoredItem(QByteArrayView bytes);

// One value in writeAttributeJson()'s form ({"S":"x"}, {"M":{...}}, ...),
// decoded as parseStoredItem() decodes an item's values; nullopt otherwise.
std::optional<AttributeValue> parseStoredValue(QByteArrayView bytes);

// One top-level member of a stored item, as views into the item's bytes.
struct StoredMember {
    QByteArrayView name;   // the name's UTF-8 bytes (no escapes: such names are not listed)
    QByteArrayView value;  // the value's JSON, {"T":...}, undecoded
    QByteArrayView whole;  // "name":{"T":...}, as writeItemJson() writes the member
};
using StoredMembers = QVarLengthArray<StoredMember, 16>;

// Lists the top-level members of an item in writeItemJson()'s form, in
// order, without decoding their values (only their extent is found), for
// callers that need a few attributes of an item or compare two versions
// attribute by attribute. Returns false for anything outside that form at
// the top level, or a name with an escape; `out` is then unspecified and
// the caller decodes the item in full instead.
bool listStoredMembers(QByteArrayView bytes, StoredMembers &out);

// The UTF-8 bytes of a stored {"S":"..."} value whose string has no escapes
// (the bytes between the quotes are then the string itself); nullopt for
// any other value.
std::optional<QByteArrayView> storedPlainString(QByteArrayView value);

// Whether a listed member name (UTF-8) is `name`.
bool storedNameEqualsSlow(QByteArrayView utf8, QStringView name);
inline bool storedNameEquals(QByteArrayView utf8, QStringView name)
{
    // UTF-8 never has fewer bytes than UTF-16 has units; as many only when all ASCII.
    if (utf8.size() != name.size())
        return utf8.size() > name.size() && storedNameEqualsSlow(utf8, name);
    for (qsizetype i = 0; i < utf8.size(); ++i)
        if (char16_t(uchar(utf8[i])) != name[i].unicode() || uchar(utf8[i]) >= 0x80)
            return false;
    return true;
}

// The member named `name`, or null.
const StoredMember *findStoredMember(const StoredMembers &members, QStringView name);

} // namespace dd::model
