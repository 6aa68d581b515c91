// DynamoDB JSON <-> AttributeValue.
//
// Reading runs in two passes, as AWS does: the request is first deserialized
// against the AttributeValue shape, where a JSON value of the wrong kind is a
// SerializationException (Coral's messages, reproduced by dynalite's
// validations/index.js checkTypes), and only then validated, where bad
// numbers, empty or duplicated sets and the like are ValidationExceptions.
// A serialization error anywhere therefore wins over a validation error.
//
// Writing appends compact JSON straight to a QByteArray; it is on the path
// of every read and of the storage layer.
#include "model/json.h"

#include "model/limits.h"
#include "model/storedjson.h"

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

// ---- Stored JSON (trusted) -------------------------------------------------

std::optional<AttributeValue> fromStored(const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    if (o.size() != 1)
        return std::nullopt;
    const auto it = o.begin();
    const std::optional<AttrType> t = typeFromName(it.key());
    if (!t)
        return std::nullopt;
    const QJsonValue x = it.value();
    switch (*t) {
    case AttrType::S:
        return AttributeValue::string(x.toString());
    case AttrType::N: {
        Result<Number> n = Number::parse(x.toString());
        if (!n)
            return std::nullopt;
        return AttributeValue::number(std::move(n).value());
    }
    case AttrType::B:
        return AttributeValue::binary(QByteArray::fromBase64(x.toString().toLatin1()));
    case AttrType::BOOL:
        return AttributeValue::boolean(x.toBool());
    case AttrType::NUL:
        return AttributeValue::null();
    case AttrType::SS: {
        StringSet s;
        for (const QJsonValue &m : x.toArray())
            s.push_back(m.toString());
        return AttributeValue::stringSet(std::move(s));
    }
    case AttrType::NS: {
        NumberSet s;
        for (const QJsonValue &m : x.toArray()) {
            Result<Number> n = Number::parse(m.toString());
            if (!n)
                return std::nullopt;
            s.push_back(std::move(n).value());
        }
        return AttributeValue::numberSet(std::move(s));
    }
    case AttrType::BS: {
        BinarySet s;
        for (const QJsonValue &m : x.toArray())
            s.push_back(QByteArray::fromBase64(m.toString().toLatin1()));
        return AttributeValue::binarySet(std::move(s));
    }
    case AttrType::L: {
        AttrList l;
        const QJsonArray a = x.toArray();
        l.reserve(size_t(a.size()));
        for (const QJsonValue &e : a) {
            std::optional<AttributeValue> c = fromStored(e);
            if (!c)
                return std::nullopt;
            l.push_back(std::move(*c));
        }
        return AttributeValue::list(std::move(l));
    }
    case AttrType::M: {
        AttrMap m;
        const QJsonObject mo = x.toObject();
        for (auto mi = mo.begin(); mi != mo.end(); ++mi) {
            std::optional<AttributeValue> c = fromStored(mi.value());
            if (!c)
                return std::nullopt;
            m.emplace(mi.key(), std::move(*c));
        }
        return AttributeValue::map(std::move(m));
    }
    }
    return std::nullopt;
}

// ---- Writing ---------------------------------------------------------------

void appendHex4(char16_t u, QByteArray &out)
{
    static const char kHex[] = "0123456789abcdef";
    const char buf[6] = {'\\', 'u', kHex[(u >> 12) & 0xF], kHex[(u >> 8) & 0xF], kHex[(u >> 4) & 0xF], kHex[u & 0xF]};
    out.append(buf, 6);
}

void writeLatin1String(const QByteArray &s, QByteArray &out)
{
    // Only for text known to need no escaping (numbers, base64).
    out.append('"');
    out.append(s);
    out.append('"');
}

// Appends "[e1,e2,...]", each element written by `write`.
template <typename Range, typename WriteElement>
void writeArray(const Range &elements, QByteArray &out, WriteElement write)
{
    out.append('[');
    bool first = true;
    for (const auto &e : elements) {
        if (!first)
            out.append(',');
        first = false;
        write(e);
    }
    out.append(']');
}

void writeTypeOpen(const char *tag, QByteArray &out)
{
    out.append("{\"");
    out.append(tag);
    out.append("\":");
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

void writeJsonString(QStringView s, QByteArray &out)
{
    const char16_t *p = s.utf16();
    const qsizetype n = s.size();
    // Fast path: plain ASCII (no quote, backslash or control character),
    // checked and copied eight units at a time, straight into place.
    const qsizetype at = out.size();
    out.resize(at + 1 + n);
    char *dst = out.data() + at + 1;
    dst[-1] = '"';
    auto plain = [](char16_t c) { return c >= 0x20 && c < 0x80 && c != u'"' && c != u'\\'; };
    qsizetype i = 0;
#if defined(__SSE2__)
    for (; i + 8 <= n; i += 8) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        // Not plain: >= 0x80 (high bits set), < 0x20 (signed compare: units
        // >= 0x8000 count too, and are not plain anyway), '"' or '\\'.
        const __m128i high = _mm_cmpeq_epi16(_mm_and_si128(v, _mm_set1_epi16(short(0xFF80))), _mm_setzero_si128());
        const __m128i control = _mm_cmplt_epi16(v, _mm_set1_epi16(0x20));
        const __m128i special = _mm_or_si128(_mm_cmpeq_epi16(v, _mm_set1_epi16(u'"')), _mm_cmpeq_epi16(v, _mm_set1_epi16(u'\\')));
        if (_mm_movemask_epi8(_mm_andnot_si128(_mm_or_si128(control, special), high)) != 0xFFFF)
            break;
        _mm_storel_epi64(reinterpret_cast<__m128i *>(dst + i), _mm_packus_epi16(v, v));
    }
#endif
    for (; i < n && plain(p[i]); ++i)
        dst[i] = char(p[i]);
    out.truncate(at + 1 + i);
    if (i == n) {
        out.append('"');
        return;
    }
    // The rest, from the first unit that needs more than a copy.
    qsizetype runStart = i; // start of a pending run of plain ASCII
    auto flushRun = [&](qsizetype end) {
        if (end <= runStart)
            return;
        const qsizetype len = end - runStart;
        const qsizetype at = out.size();
        out.resize(at + len);
        char *dst = out.data() + at;
        for (qsizetype k = 0; k < len; ++k)
            dst[k] = char(p[runStart + k]);
    };
    for (; i < n; ++i) {
        const char16_t c = p[i];
        if (plain(c))
            continue;
        flushRun(i);
        runStart = i + 1;
        if (c < 0x80) {
            switch (c) {
            case u'"': out.append("\\\"", 2); break;
            case u'\\': out.append("\\\\", 2); break;
            case u'\n': out.append("\\n", 2); break;
            case u'\r': out.append("\\r", 2); break;
            case u'\t': out.append("\\t", 2); break;
            case u'\b': out.append("\\b", 2); break;
            case u'\f': out.append("\\f", 2); break;
            default: appendHex4(c, out); break;
            }
        } else if (c < 0x800) {
            out.append(char(0xC0 | (c >> 6)));
            out.append(char(0x80 | (c & 0x3F)));
        } else if (c >= 0xD800 && c < 0xE000) {
            if (c < 0xDC00 && i + 1 < n && p[i + 1] >= 0xDC00 && p[i + 1] < 0xE000) {
                const char32_t cp = 0x10000 + ((char32_t(c) - 0xD800) << 10) + (char32_t(p[i + 1]) - 0xDC00);
                out.append(char(0xF0 | (cp >> 18)));
                out.append(char(0x80 | ((cp >> 12) & 0x3F)));
                out.append(char(0x80 | ((cp >> 6) & 0x3F)));
                out.append(char(0x80 | (cp & 0x3F)));
                ++i;
                runStart = i + 1;
            } else {
                appendHex4(c, out); // a lone surrogate survives only as an escape
            }
        } else {
            out.append(char(0xE0 | (c >> 12)));
            out.append(char(0x80 | ((c >> 6) & 0x3F)));
            out.append(char(0x80 | (c & 0x3F)));
        }
    }
    flushRun(n);
    out.append('"');
}

void writeAttributeJson(const AttributeValue &v, QByteArray &out)
{
    switch (v.type()) {
    case AttrType::S:
        writeTypeOpen("S", out);
        writeJsonString(v.asString(), out);
        break;
    case AttrType::N:
        writeTypeOpen("N", out);
        out.append('"');
        v.asNumber().appendText(out);
        out.append('"');
        break;
    case AttrType::B:
        writeTypeOpen("B", out);
        writeLatin1String(v.asBinary().toBase64(), out);
        break;
    case AttrType::BOOL:
        writeTypeOpen("BOOL", out);
        out.append(v.asBool() ? "true" : "false");
        break;
    case AttrType::NUL:
        writeTypeOpen("NULL", out);
        out.append("true");
        break;
    case AttrType::M:
        writeTypeOpen("M", out);
        writeItemJson(v.asMap(), out);
        break;
    case AttrType::L:
        writeTypeOpen("L", out);
        writeArray(v.asList(), out, [&out](const AttributeValue &e) { writeAttributeJson(e, out); });
        break;
    case AttrType::SS:
        writeTypeOpen("SS", out);
        writeArray(v.asStringSet(), out, [&out](const QString &s) { writeJsonString(s, out); });
        break;
    case AttrType::NS:
        writeTypeOpen("NS", out);
        writeArray(v.asNumberSet(), out, [&out](const Number &n) {
            out.append('"');
            n.appendText(out);
            out.append('"');
        });
        break;
    case AttrType::BS:
        writeTypeOpen("BS", out);
        writeArray(v.asBinarySet(), out, [&out](const QByteArray &b) { writeLatin1String(b.toBase64(), out); });
        break;
    }
    out.append('}');
}

void writeItemJson(const Item &item, QByteArray &out)
{
    out.append('{');
    bool first = true;
    for (const auto &[name, value] : item) {
        if (!first)
            out.append(',');
        first = false;
        writeJsonString(name, out);
        out.append(':');
        writeAttributeJson(value, out);
    }
    out.append('}');
}

QByteArray itemToJsonBytes(const Item &item)
{
    QByteArray out;
    out.reserve(256);
    writeItemJson(item, out);
    return out;
}

QJsonObject attributeToJson(const AttributeValue &v)
{
    QJsonObject o;
    const QString tag = typeName(v.type());
    switch (v.type()) {
    case AttrType::S: o.insert(tag, v.asString()); break;
    case AttrType::N: o.insert(tag, v.asNumber().toString()); break;
    case AttrType::B: o.insert(tag, QString::fromLatin1(v.asBinary().toBase64())); break;
    case AttrType::BOOL: o.insert(tag, v.asBool()); break;
    case AttrType::NUL: o.insert(tag, true); break;
    case AttrType::M: o.insert(tag, itemToJson(v.asMap())); break;
    case AttrType::L: {
        QJsonArray a;
        for (const AttributeValue &e : v.asList())
            a.append(attributeToJson(e));
        o.insert(tag, a);
        break;
    }
    case AttrType::SS: {
        QJsonArray a;
        for (const QString &s : v.asStringSet())
            a.append(s);
        o.insert(tag, a);
        break;
    }
    case AttrType::NS: {
        QJsonArray a;
        for (const Number &n : v.asNumberSet())
            a.append(n.toString());
        o.insert(tag, a);
        break;
    }
    case AttrType::BS: {
        QJsonArray a;
        for (const QByteArray &b : v.asBinarySet())
            a.append(QString::fromLatin1(b.toBase64()));
        o.insert(tag, a);
        break;
    }
    }
    return o;
}

QJsonObject itemToJson(const Item &item)
{
    QJsonObject o;
    for (const auto &[name, value] : item)
        o.insert(name, attributeToJson(value));
    return o;
}

std::optional<Item> itemFromStoredJson(QByteArrayView bytes)
{
    if (std::optional<Item> fast = parseStoredItem(bytes))
        return fast;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    Item item;
    for (auto it = o.begin(); it != o.end(); ++it) {
        std::optional<AttributeValue> v = fromStored(it.value());
        if (!v)
            return std::nullopt;
        item.emplace(it.key(), std::move(*v));
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
