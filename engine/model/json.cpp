// DynamoDB JSON -> AttributeValue: a request's values read and validated.
//
// Reading runs in two passes, as AWS does: the request is first deserialized
// against the AttributeValue shape, where a JSON value of the wrong kind is a
// SerializationException (Coral's messages, reproduced by dynalite's
// validations/index.js checkTypes), and only then validated, where bad
// numbers, empty or duplicated sets and the like are ValidationExceptions.
// A serialization error anywhere therefore wins over a validation error.
// Writing is in json_write.cpp, the engine's own stored JSON in json_stored.cpp.
#include "model/json.h"

#include "model/limits.h"

#include <QJsonArray>
#include <QJsonDocument>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dd::model {

namespace {

using MaybeError = std::optional<ApiError>;

const QString kTruncatingBigNumber = QStringLiteral("class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to ");
const QString kJavaBoolean = QStringLiteral("class java.lang.Boolean can not be converted to ");

ApiError serialization(const QString &m) { return ApiError::serialization(m); }
ApiError startOfList() { return serialization(QStringLiteral("Start of list found where not expected")); }
ApiError startOfStructure() { return serialization(QStringLiteral("Start of structure or map found where not expected.")); }

ApiError emptyValue()
{
    return ApiError::validation(QStringLiteral("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"));
}

ApiError nestingTooDeep()
{
    return ApiError::validation(QStringLiteral("Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit"));
}

bool isAbsent(const QJsonValue &v) { return v.isNull() || v.isUndefined(); }

// ---- Pass 1: shape (SerializationException) -------------------------------

MaybeError checkString(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return serialization(kJavaBoolean + QStringLiteral("an String"));
    case QJsonValue::Double: return serialization(kTruncatingBigNumber + QStringLiteral("an String"));
    case QJsonValue::Array: return startOfList();
    case QJsonValue::Object: return startOfStructure();
    default: return std::nullopt;
    }
}

MaybeError checkBase64(const QString &s)
{
    const QString prefix = QLatin1Char('\'') + s + QStringLiteral("' can not be converted to a Blob: ");
    if (s.size() % 4 != 0)
        return serialization(prefix + QStringLiteral("Base64 encoded length is expected a multiple of 4 bytes but found: ") + QString::number(s.size()));
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        const bool alnum = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
        const bool ok = alnum || c == u'+' || c == u'/' || (c == u'=' && (i + 1 == s.size() || s[i + 1] == u'='));
        if (!ok)
            return serialization(prefix + QStringLiteral("Invalid Base64 character: '") + c + QLatin1Char('\''));
    }
    const QByteArray raw = s.toLatin1();
    if (QByteArray::fromBase64(raw).toBase64() != raw)
        return serialization(prefix + QStringLiteral("Invalid last non-pad Base64 character dectected")); // sic, AWS's spelling
    return std::nullopt;
}

MaybeError checkBlob(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return serialization(kJavaBoolean + QStringLiteral("a Blob"));
    case QJsonValue::Double: return serialization(kTruncatingBigNumber + QStringLiteral("a Blob"));
    case QJsonValue::Array: return startOfList();
    case QJsonValue::Object: return startOfStructure();
    case QJsonValue::String: return checkBase64(v.toString());
    default: return std::nullopt;
    }
}

// AWS's Boolean deserializer also takes the strings true/1/yes and
// false/0/no, in any case.
std::optional<bool> booleanFromString(const QString &s)
{
    const QString u = s.toUpper();
    if (u == u"TRUE" || u == u"1" || u == u"YES")
        return true;
    if (u == u"FALSE" || u == u"0" || u == u"NO")
        return false;
    return std::nullopt;
}

MaybeError checkBoolean(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Double: return serialization(kTruncatingBigNumber + QStringLiteral("an Boolean"));
    case QJsonValue::Array: return startOfList();
    case QJsonValue::Object: return startOfStructure();
    case QJsonValue::String:
        if (!booleanFromString(v.toString()))
            return serialization(QLatin1Char('\'') + v.toString().toUpper() + QStringLiteral("' can not be converted to an Boolean"));
        return std::nullopt;
    default: return std::nullopt;
    }
}

bool boolValue(const QJsonValue &v)
{
    return v.isBool() ? v.toBool() : booleanFromString(v.toString()).value_or(false);
}

template <typename CheckChild>
MaybeError checkList(const QJsonValue &v, CheckChild checkChild)
{
    switch (v.type()) {
    case QJsonValue::Bool:
    case QJsonValue::Double:
    case QJsonValue::String: return serialization(QStringLiteral("Expected list or null"));
    case QJsonValue::Object: return startOfStructure();
    case QJsonValue::Array:
        for (const QJsonValue &child : v.toArray()) {
            if (isAbsent(child))
                continue;
            if (MaybeError e = checkChild(child))
                return e;
        }
        return std::nullopt;
    default: return std::nullopt;
    }
}

MaybeError checkAttrStructure(const QJsonValue &v);

MaybeError checkAttrMap(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
    case QJsonValue::Double:
    case QJsonValue::String: return serialization(QStringLiteral("Expected map or null"));
    case QJsonValue::Array: return startOfList();
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (MaybeError e = checkAttrStructure(it.value()))
                return e;
        }
        return std::nullopt;
    }
    default: return std::nullopt;
    }
}

MaybeError checkAttrStructure(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
    case QJsonValue::Double:
    case QJsonValue::String: return serialization(QStringLiteral("Expected null"));
    case QJsonValue::Array: return startOfList();
    case QJsonValue::Object: break;
    default: return std::nullopt;
    }
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonValue child = it.value();
        if (isAbsent(child))
            continue;
        const std::optional<AttrType> t = typeFromName(it.key());
        if (!t)
            continue; // unknown members are ignored, as AWS's deserializer does
        MaybeError e;
        switch (*t) {
        case AttrType::S:
        case AttrType::N: e = checkString(child); break;
        case AttrType::B: e = checkBlob(child); break;
        case AttrType::BOOL:
        case AttrType::NUL: e = checkBoolean(child); break;
        case AttrType::SS:
        case AttrType::NS: e = checkList(child, checkString); break;
        case AttrType::BS: e = checkList(child, checkBlob); break;
        case AttrType::L: e = checkList(child, checkAttrStructure); break;
        case AttrType::M: e = checkAttrMap(child); break;
        }
        if (e)
            return e;
    }
    return std::nullopt;
}

// ---- Pass 2: validation (ValidationException) and construction -----------

QString joinMembers(const QJsonArray &a)
{
    QString s = QStringLiteral("[");
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (i)
            s += QStringLiteral(", ");
        s += isAbsent(a[i]) ? QStringLiteral("null") : a[i].toString();
    }
    return s + QLatin1Char(']');
}

Result<AttributeValue> buildValue(const QJsonValue &v, int depth);

Result<AttributeValue> buildTyped(AttrType t, const QJsonValue &v, int depth)
{
    static const QString kInvalid = QStringLiteral("One or more parameter values were invalid: ");
    switch (t) {
    case AttrType::S:
        return AttributeValue::string(v.toString());
    case AttrType::N: {
        DD_ASSIGN(Number n, Number::parse(v.toString()));
        return AttributeValue::number(std::move(n));
    }
    case AttrType::B:
        return AttributeValue::binary(QByteArray::fromBase64(v.toString().toLatin1()));
    case AttrType::BOOL:
        return AttributeValue::boolean(boolValue(v));
    case AttrType::NUL:
        if (!boolValue(v))
            return ApiError::validation(kInvalid + QStringLiteral("Null attribute value types must have the value of true"));
        return AttributeValue::null();
    case AttrType::SS: {
        const QJsonArray a = v.toArray();
        if (a.isEmpty())
            return ApiError::validation(kInvalid + QStringLiteral("An string set  may not be empty")); // sic, two spaces
        StringSet s;
        s.reserve(size_t(a.size()));
        for (const QJsonValue &m : a) {
            if (isAbsent(m))
                return emptyValue();
            s.push_back(m.toString());
        }
        AttributeValue r = AttributeValue::stringSet(std::move(s));
        if (r.asStringSet().size() != size_t(a.size()))
            return ApiError::validation(kInvalid + QStringLiteral("Input collection ") + joinMembers(a) + QStringLiteral(" contains duplicates."));
        return r;
    }
    case AttrType::NS: {
        const QJsonArray a = v.toArray();
        if (a.isEmpty())
            return ApiError::validation(kInvalid + QStringLiteral("An number set  may not be empty")); // sic, two spaces
        NumberSet s;
        s.reserve(size_t(a.size()));
        for (const QJsonValue &m : a) {
            DD_ASSIGN(Number n, Number::parse(m.toString()));
            s.push_back(std::move(n));
        }
        AttributeValue r = AttributeValue::numberSet(std::move(s));
        // Duplicates are by value: "1" and "1.0" collide. AWS's message here
        // has neither the prefix nor the members.
        if (r.asNumberSet().size() != size_t(a.size()))
            return ApiError::validation(QStringLiteral("Input collection contains duplicates"));
        return r;
    }
    case AttrType::BS: {
        const QJsonArray a = v.toArray();
        if (a.isEmpty())
            return ApiError::validation(kInvalid + QStringLiteral("Binary sets should not be empty"));
        BinarySet s;
        s.reserve(size_t(a.size()));
        for (const QJsonValue &m : a) {
            if (isAbsent(m))
                return emptyValue();
            s.push_back(QByteArray::fromBase64(m.toString().toLatin1()));
        }
        AttributeValue r = AttributeValue::binarySet(std::move(s));
        if (r.asBinarySet().size() != size_t(a.size()))
            return ApiError::validation(kInvalid + QStringLiteral("Input collection ") + joinMembers(a) + QStringLiteral("of type BS contains duplicates.")); // sic, no space
        return r;
    }
    case AttrType::L: {
        if (depth >= kMaxNestingDepth - 1)
            return nestingTooDeep();
        const QJsonArray a = v.toArray();
        AttrList list;
        list.reserve(size_t(a.size()));
        for (const QJsonValue &e : a) {
            DD_ASSIGN(AttributeValue child, buildValue(e, depth + 1));
            list.push_back(std::move(child));
        }
        return AttributeValue::list(std::move(list));
    }
    case AttrType::M: {
        if (depth >= kMaxNestingDepth - 1)
            return nestingTooDeep();
        const QJsonObject o = v.toObject();
        AttrMap map;
        for (auto it = o.begin(); it != o.end(); ++it) {
            DD_ASSIGN(AttributeValue child, buildValue(it.value(), depth + 1));
            map.emplace(it.key(), std::move(child));
        }
        return AttributeValue::map(std::move(map));
    }
    }
    return emptyValue();
}

Result<AttributeValue> buildValue(const QJsonValue &v, int depth)
{
    if (!v.isObject())
        return emptyValue(); // null: pass 1 rejected every other kind
    const QJsonObject o = v.toObject();
    // Every datatype present is validated before "more than one datatype" is
    // reported, as AWS does ({"S": "a", "N": "b"} is a number error).
    int present = 0;
    std::optional<AttributeValue> value;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonValue child = it.value();
        if (isAbsent(child))
            continue;
        const std::optional<AttrType> t = typeFromName(it.key());
        if (!t)
            continue;
        ++present;
        DD_ASSIGN(AttributeValue built, buildTyped(*t, child, depth));
        value = std::move(built);
    }
    if (present == 0)
        return emptyValue();
    if (present > 1)
        return ApiError::validation(QStringLiteral("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"));
    return std::move(*value);
}

} // namespace

Result<AttributeValue> attributeFromJson(const QJsonValue &v, int depth)
{
    // The common shape, one string member S or N ({"S": "x"}), in one pass:
    // both passes below accept it and build the same value.
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.size() == 1) {
            const auto it = o.constBegin();
            const QJsonValue child = it.value();
            if (child.isString()) {
                const QString tag = it.key();
                if (tag == u"S")
                    return AttributeValue::string(child.toString());
                if (tag == u"N") {
                    DD_ASSIGN(Number n, Number::parse(child.toString()));
                    return AttributeValue::number(std::move(n));
                }
            }
        }
    }
    if (MaybeError e = checkAttrStructure(v))
        return *e;
    return buildValue(v, depth);
}

Result<Item> itemFromJson(const QJsonValue &v)
{
    if (MaybeError e = checkAttrMap(v))
        return *e;
    Item item;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        DD_ASSIGN(AttributeValue value, buildValue(it.value(), 0));
        item.emplace(it.key(), std::move(value));
    }
    return item;
}

bool hasRawControlCharacter(QByteArrayView json)
{
    // What SDKs send has no byte below 0x20 at all: find the first one
    // sixteen bytes at a time, and walk strings only from there.
    qsizetype start = 0;
    const auto *p = reinterpret_cast<const uchar *>(json.data());
    const qsizetype n = json.size();
#ifdef __SSE2__
    const __m128i bias = _mm_set1_epi8(char(0x80)), limit = _mm_set1_epi8(char(0x20 ^ 0x80));
    while (n - start >= 16) {
        // Unsigned x < 0x20 as a signed compare of x ^ 0x80 against 0x20 ^ 0x80.
        const __m128i x = _mm_xor_si128(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p + start)), bias);
        if (_mm_movemask_epi8(_mm_cmplt_epi8(x, limit)))
            break;
        start += 16;
    }
#endif
    while (start < n && p[start] >= 0x20)
        ++start;
    if (start == n)
        return false;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const uchar c = uchar(json[i]);
        if (!inString) {
            inString = c == '"';
        } else if (c == '"') {
            inString = false;
        } else if (c == '\\') {
            ++i; // the escaped character, whatever it is
        } else if (c < 0x20) {
            return true;
        }
    }
    return false;
}

std::optional<QJsonDocument> parseRequestJson(QByteArrayView body)
{
    QJsonParseError error;
    QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || hasRawControlCharacter(body))
        return std::nullopt;
    return doc;
}

} // namespace dd::model
