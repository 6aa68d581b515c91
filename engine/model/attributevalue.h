// AttributeValue: one DynamoDB attribute value of any of the ten types
// (S, N, B, BOOL, NULL, M, L, SS, NS, BS), and Item, a top-level map.
//
// Conversion from and to DynamoDB JSON ({"S": "x"}, {"N": "1"}, ...) lives in
// model/json.h; sizes in model/size.h; key encoding in model/keycodec.h.
// Value type; safe to share between threads when not modified.
#pragma once

#include "model/number.h"

#include <QByteArray>
#include <QString>

#include <map>
#include <variant>
#include <vector>

namespace dd::model {

// Written to disk in key encodings and the change log: do not reorder.
enum class AttrType : quint8 { S = 0, N = 1, B = 2, BOOL = 3, NUL = 4, M = 5, L = 6, SS = 7, NS = 8, BS = 9 };

QString typeName(AttrType t);                 // "S", "N", ..., "NULL"
std::optional<AttrType> typeFromName(QStringView name); // inverse; nullopt if unknown

class AttributeValue;
struct NullValue { bool operator==(const NullValue &) const { return true; } };
using AttrMap = std::map<QString, AttributeValue>;   // member names to values
using AttrList = std::vector<AttributeValue>;
using StringSet = std::vector<QString>;              // sorted by UTF-8 byte order, unique
using NumberSet = std::vector<Number>;               // sorted numerically, unique by value
using BinarySet = std::vector<QByteArray>;           // sorted by bytes, unique
using Item = AttrMap;

class AttributeValue {
public:
    AttributeValue() : m_v(NullValue{}) {}
    static AttributeValue string(QString s) { AttributeValue v; v.m_v.emplace<0>(std::move(s)); return v; }
    static AttributeValue number(Number n) { AttributeValue v; v.m_v.emplace<1>(std::move(n)); return v; }
    static AttributeValue binary(QByteArray b) { AttributeValue v; v.m_v.emplace<2>(std::move(b)); return v; }
    static AttributeValue boolean(bool b) { AttributeValue v; v.m_v.emplace<3>(b); return v; }
    static AttributeValue null() { return AttributeValue(); }
    static AttributeValue map(AttrMap m) { AttributeValue v; v.m_v.emplace<5>(std::move(m)); return v; }
    static AttributeValue list(AttrList l) { AttributeValue v; v.m_v.emplace<6>(std::move(l)); return v; }
    // Set factories sort and deduplicate; callers that must reject duplicates check first.
    static AttributeValue stringSet(StringSet s);
    static AttributeValue numberSet(NumberSet s);
    static AttributeValue binarySet(BinarySet s);

    AttrType type() const { return AttrType(m_v.index()); }
    bool is(AttrType t) const { return type() == t; }
    bool isSet() const { return type() == AttrType::SS || type() == AttrType::NS || type() == AttrType::BS; }

    const QString &asString() const { return std::get<0>(m_v); }
    const Number &asNumber() const { return std::get<1>(m_v); }
    const QByteArray &asBinary() const { return std::get<2>(m_v); }
    bool asBool() const { return std::get<3>(m_v); }
    const AttrMap &asMap() const { return std::get<5>(m_v); }
    AttrMap &asMap() { return std::get<5>(m_v); }
    const AttrList &asList() const { return std::get<6>(m_v); }
    AttrList &asList() { return std::get<6>(m_v); }
    const StringSet &asStringSet() const { return std::get<7>(m_v); }
    const NumberSet &asNumberSet() const { return std::get<8>(m_v); }
    const BinarySet &asBinarySet() const { return std::get<9>(m_v); }

    // DynamoDB equality: same type and value; numbers by value; sets as sets;
    // maps by members; lists element-wise.
    bool operator==(const AttributeValue &o) const;
    bool operator!=(const AttributeValue &o) const { return !(*this == o); }

private:
    std::variant<QString, Number, QByteArray, bool, NullValue, AttrMap, AttrList, StringSet, NumberSet, BinarySet> m_v;
};

// Orders two strings as DynamoDB does: by their UTF-8 bytes (code point order).
int compareUtf8(QStringView a, QStringView b);
// Length of s encoded as UTF-8, without allocating; equals s.toUtf8().size()
// (a lone surrogate counts 1, as toUtf8() writes it as "?").
qsizetype utf8Length(QStringView s);

} // namespace dd::model
