// A forward reader over request bytes: any byte it does not expect makes
// the whole read fail, and the general path takes the request.
#include "api/fastrequest.h"

#include "model/number.h"

#include <QVarLengthArray>

#include <array>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace dd::api {

namespace {

// Whether `v` is the literal, compared inline.
template <size_t N>
bool is(QByteArrayView v, const char (&literal)[N])
{
    return size_t(v.size()) == N - 1 && std::memcmp(v.data(), literal, N - 1) == 0;
}

// Table and attribute names repeat from request to request: a thread keeps
// the strings it made for them in a small direct-mapped cache, so that a
// name seen before costs a comparison instead of an allocation. `name` is
// non-empty printable ASCII.
QString cachedName(QByteArrayView name)
{
    thread_local std::array<QString, 64> cache;
    QString &slot = cache[(size_t(name.size()) * 31 + uchar(name.front()) * 7 + uchar(name.back())) & 63];
    bool same = slot.size() == name.size();
    for (qsizetype i = 0; same && i < name.size(); ++i)
        same = slot.at(i).unicode() == uchar(name[i]);
    if (!same)
        slot = QString::fromLatin1(name);
    return slot;
}

class Reader {
public:
    explicit Reader(QByteArrayView bytes) : m_p(bytes.data()), m_end(bytes.data() + bytes.size()) {}

    bool atEnd()
    {
        space();
        return m_p == m_end;
    }

    bool take(char c)
    {
        space();
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }

    // A string of printable ASCII without escapes, as a view into the bytes.
    bool plainString(QByteArrayView &out)
    {
        if (!take('"'))
            return false;
        const char *start = m_p;
#ifdef __SSE2__
        // Sixteen bytes at a time up to the first byte that ends the string
        // or rejects it: '"', '\\', or outside 0x20-0x7e (as signed bytes,
        // those above 0x7f are negative, so under 0x20 too).
        const __m128i low = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7f), quote = _mm_set1_epi8('"'),
                      backslash = _mm_set1_epi8('\\');
        while (m_end - m_p >= 16) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(m_p));
            const __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(x, low), _mm_cmpeq_epi8(x, del)),
                                              _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)));
            if (const int hits = _mm_movemask_epi8(stop)) {
                m_p += __builtin_ctz(unsigned(hits));
                break;
            }
            m_p += 16;
        }
#endif
        while (m_p != m_end) {
            const uchar c = uchar(*m_p);
            if (c == '"') {
                out = QByteArrayView(start, m_p - start);
                ++m_p;
                return true;
            }
            if (c < 0x20 || c > 0x7e || c == '\\')
                return false;
            ++m_p;
        }
        return false;
    }

    bool boolean(bool &out)
    {
        space();
        if (m_end - m_p >= 4 && std::memcmp(m_p, "true", 4) == 0) {
            m_p += 4;
            out = true;
            return true;
        }
        if (m_end - m_p >= 5 && std::memcmp(m_p, "false", 5) == 0) {
            m_p += 5;
            out = false;
            return true;
        }
        return false;
    }

    // {"name": value, ...}: an Item (or a map value) at nesting `depth`.
    bool item(model::Item &out, int depth = 0)
    {
        if (depth > kMaxDepth || !take('{'))
            return false;
        if (take('}'))
            return true;
        for (;;) {
            QByteArrayView name;
            model::AttributeValue value;
            if (!plainString(name) || name.isEmpty() || !take(':') || !attribute(value, depth))
                return false;
            if (!out.emplace(cachedName(name), std::move(value)).second)
                return false;
            if (take(','))
                continue;
            return take('}');
        }
    }

    // {"key": value, ...} with `entry` reading each value; keys of the form
    // <prefix>[A-Za-z0-9_]+, at least one, none twice.
    template <typename Entry>
    bool referenceMap(char prefix, Entry entry)
    {
        if (!take('{'))
            return false;
        QVarLengthArray<QByteArrayView, 16> seen;
        for (;;) {
            QByteArrayView key;
            if (!plainString(key) || !referenceKey(key, prefix) || seen.contains(key) || !take(':') || !entry(key))
                return false;
            seen.append(key);
            if (take(','))
                continue;
            return take('}');
        }
    }

    bool value(model::AttributeValue &out) { return attribute(out, 0); }

private:
    static bool referenceKey(QByteArrayView key, char prefix)
    {
        if (key.size() < 2 || key.front() != prefix)
            return false;
        for (char c : key.sliced(1)) {
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'))
                return false;
        }
        return true;
    }

    static constexpr int kMaxDepth = 16; // deeper nesting takes the general path (and its limit of 32)

    // {"T": ...}: one attribute value of any type.
    bool attribute(model::AttributeValue &out, int depth)
    {
        QByteArrayView type;
        if (!take('{') || !plainString(type) || !take(':'))
            return false;
        bool ok = false;
        if (is(type, "S")) {
            QByteArrayView text;
            ok = plainString(text);
            out = model::AttributeValue::string(QString::fromLatin1(text));
        } else if (is(type, "N")) {
            model::Number n;
            ok = number(n);
            out = model::AttributeValue::number(std::move(n));
        } else if (is(type, "B")) {
            QByteArray b;
            ok = binary(b);
            out = model::AttributeValue::binary(std::move(b));
        } else if (is(type, "BOOL")) {
            bool b = false;
            ok = boolean(b);
            out = model::AttributeValue::boolean(b);
        } else if (is(type, "NULL")) {
            bool b = false;
            ok = boolean(b) && b;
            out = model::AttributeValue::null();
        } else if (is(type, "M")) {
            model::AttrMap m;
            ok = item(m, depth + 1);
            out = model::AttributeValue::map(std::move(m));
        } else if (is(type, "L")) {
            model::AttrList l;
            ok = depth < kMaxDepth && array([&] {
                l.emplace_back();
                return attribute(l.back(), depth + 1);
            });
            out = model::AttributeValue::list(std::move(l));
        } else if (is(type, "SS")) {
            model::StringSet set;
            ok = array([&] {
                QByteArrayView text;
                if (!plainString(text))
                    return false;
                set.push_back(QString::fromLatin1(text));
                return true;
            });
            const size_t n = set.size();
            out = model::AttributeValue::stringSet(std::move(set));
            ok = ok && n > 0 && out.asStringSet().size() == n;
        } else if (is(type, "NS")) {
            model::NumberSet set;
            ok = array([&] {
                set.emplace_back();
                return number(set.back());
            });
            const size_t n = set.size();
            out = model::AttributeValue::numberSet(std::move(set));
            ok = ok && n > 0 && out.asNumberSet().size() == n;
        } else if (is(type, "BS")) {
            model::BinarySet set;
            ok = array([&] {
                set.emplace_back();
                return binary(set.back());
            });
            const size_t n = set.size();
            out = model::AttributeValue::binarySet(std::move(set));
            ok = ok && n > 0 && out.asBinarySet().size() == n;
        }
        return ok && take('}');
    }

    // [e, e, ...] with `element` reading one e.
    template <typename Element>
    bool array(Element element)
    {
        if (!take('['))
            return false;
        if (take(']'))
            return true;
        for (;;) {
            if (!element())
                return false;
            if (take(','))
                continue;
            return take(']');
        }
    }

    bool number(model::Number &out)
    {
        QByteArrayView text;
        if (!plainString(text))
            return false;
        Result<model::Number> n = model::Number::parse(text);
        if (!n)
            return false;
        out = std::move(n).value();
        return true;
    }

    bool binary(QByteArray &out)
    {
        QByteArrayView text;
        if (!plainString(text) || !strictBase64(text))
            return false;
        out = QByteArray::fromBase64(text.toByteArray());
        return true;
    }

    void space()
    {
        if (m_p != m_end && uchar(*m_p) > ' ')
            return;
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    // What model's Blob check accepts: a multiple of 4 of [A-Za-z0-9+/],
    // '=' only as padding, and the canonical encoding of its bytes.
    static bool strictBase64(QByteArrayView text)
    {
        if (text.size() % 4 != 0)
            return false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char c = text[i];
            const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && c != '+' && c != '/' && !(c == '=' && (i + 1 == text.size() || text[i + 1] == '=')))
                return false;
        }
        const QByteArray raw = text.toByteArray();
        return QByteArray::fromBase64(raw).toBase64() == raw;
    }

    const char *m_p;
    const char *m_end;
};

// The TableName shape: 3 to 255 of [a-zA-Z0-9_.-].
bool validTableName(QByteArrayView name)
{
    if (name.size() < 3 || name.size() > 255)
        return false;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

// Reads the members of a request object: `member` is called with each name
// and reads its value; it returns false for a name it does not take. Each
// name may come once.
template <typename Member>
bool readObject(Reader &r, Member member)
{
    QVarLengthArray<QByteArrayView, 16> seen;
    if (!r.take('{'))
        return false;
    if (!r.take('}')) {
        for (;;) {
            QByteArrayView name;
            if (!r.plainString(name) || !r.take(':') || seen.contains(name) || !member(name))
                return false;
            seen.append(name);
            if (r.take(','))
                continue;
            if (!r.take('}'))
                return false;
            break;
        }
    }
    return r.atEnd();
}

// A TableName member's value: 3 to 255 of [a-zA-Z0-9_.-].
bool tableName(Reader &r, QString &out)
{
    QByteArrayView name;
    if (!r.plainString(name) || !validTableName(name))
        return false;
    out = cachedName(name);
    return true;
}

bool optionString(Reader &r, QString &out, std::initializer_list<const char *> allowed)
{
    QByteArrayView v;
    if (!r.plainString(v))
        return false;
    for (const char *a : allowed) {
        if (v == a) {
            out = QString::fromLatin1(v);
            return true;
        }
    }
    return false;
}

// ExpressionAttributeNames and ExpressionAttributeValues: non-empty maps of
// #name / :value keys, in request order.
using Names = std::optional<std::vector<std::pair<QString, QString>>>;
using Values = std::optional<std::vector<std::pair<QString, model::AttributeValue>>>;

bool names(Reader &r, Names &out)
{
    out.emplace();
    return r.referenceMap('#', [&](QByteArrayView key) {
        QByteArrayView name;
        if (!r.plainString(name) || name.isEmpty())
            return false;
        out->emplace_back(QString::fromLatin1(key), QString::fromLatin1(name));
        return true;
    });
}

bool values(Reader &r, Values &out)
{
    out.emplace();
    return r.referenceMap(':', [&](QByteArrayView key) {
        model::AttributeValue v;
        if (!r.value(v))
            return false;
        out->emplace_back(QString::fromLatin1(key), std::move(v));
        return true;
    });
}

bool text(Reader &r, QString &out)
{
    QByteArrayView v;
    if (!r.plainString(v))
        return false;
    out = QString::fromLatin1(v);
    return true;
}

} // namespace

std::optional<PutItemRequest> readPutItemRequest(QByteArrayView body)
{
    Reader r(body);
    PutItemRequest req;
    bool haveTable = false, haveItem = false;
    const bool ok = readObject(r, [&](QByteArrayView member) {
        if (is(member, "TableName"))
            return haveTable = tableName(r, req.tableName);
        if (is(member, "Item"))
            return haveItem = r.item(req.item);
        if (is(member, "ReturnValues"))
            return optionString(r, req.returnValues, {"NONE", "ALL_OLD"});
        if (is(member, "ReturnConsumedCapacity"))
            return optionString(r, req.returnConsumedCapacity, {"NONE", "TOTAL", "INDEXES"});
        if (is(member, "ReturnItemCollectionMetrics"))
            return optionString(r, req.returnItemCollectionMetrics, {"NONE", "SIZE"});
        return false;
    });
    if (!ok || !haveTable || !haveItem)
        return std::nullopt;
    return req;
}

std::optional<UpdateItemRequest> readUpdateItemRequest(QByteArrayView body)
{
    Reader r(body);
    UpdateItemRequest req;
    bool haveTable = false, haveKey = false, haveUpdate = false;
    const bool ok = readObject(r, [&](QByteArrayView member) {
        if (is(member, "TableName"))
            return haveTable = tableName(r, req.tableName);
        if (is(member, "Key"))
            return haveKey = r.item(req.key);
        if (is(member, "UpdateExpression"))
            return haveUpdate = text(r, req.updateExpression);
        if (is(member, "ConditionExpression"))
            return text(r, req.conditionExpression) && !req.conditionExpression.isEmpty();
        if (is(member, "ExpressionAttributeNames"))
            return names(r, req.names);
        if (is(member, "ExpressionAttributeValues"))
            return values(r, req.values);
        if (is(member, "ReturnValues"))
            return optionString(r, req.returnValues, {"NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"});
        if (is(member, "ReturnConsumedCapacity"))
            return optionString(r, req.returnConsumedCapacity, {"NONE", "TOTAL", "INDEXES"});
        if (is(member, "ReturnItemCollectionMetrics"))
            return optionString(r, req.returnItemCollectionMetrics, {"NONE", "SIZE"});
        if (is(member, "ReturnValuesOnConditionCheckFailure"))
            return optionString(r, req.returnValuesOnConditionCheckFailure, {"NONE", "ALL_OLD"});
        return false;
    });
    if (!ok || !haveTable || !haveKey || !haveUpdate)
        return std::nullopt;
    return req;
}

std::optional<QueryRequest> readQueryRequest(QByteArrayView body)
{
    Reader r(body);
    QueryRequest req;
    bool haveTable = false, haveCondition = false;
    const bool ok = readObject(r, [&](QByteArrayView member) {
        if (is(member, "TableName"))
            return haveTable = tableName(r, req.tableName);
        if (is(member, "KeyConditionExpression"))
            return haveCondition = text(r, req.keyConditionExpression) && !req.keyConditionExpression.isEmpty();
        if (is(member, "ExpressionAttributeNames"))
            return names(r, req.names);
        if (is(member, "ExpressionAttributeValues"))
            return values(r, req.values);
        if (is(member, "ScanIndexForward"))
            return r.boolean(req.scanIndexForward);
        if (is(member, "ConsistentRead"))
            return r.boolean(req.consistentRead);
        if (is(member, "ReturnConsumedCapacity"))
            return optionString(r, req.returnConsumedCapacity, {"NONE", "TOTAL", "INDEXES"});
        return false;
    });
    // Without values a key condition can compare nothing: the general path answers.
    if (!ok || !haveTable || !haveCondition || !req.values)
        return std::nullopt;
    return req;
}

std::optional<GetItemRequest> readGetItemRequest(QByteArrayView body)
{
    Reader r(body);
    GetItemRequest req;
    bool haveTable = false, haveKey = false;
    const bool ok = readObject(r, [&](QByteArrayView member) {
        if (is(member, "TableName"))
            return haveTable = tableName(r, req.tableName);
        if (is(member, "Key"))
            return haveKey = r.item(req.key);
        if (is(member, "ConsistentRead"))
            return r.boolean(req.consistentRead);
        if (is(member, "ReturnConsumedCapacity"))
            return optionString(r, req.returnConsumedCapacity, {"NONE", "TOTAL", "INDEXES"});
        return false;
    });
    if (!ok || !haveTable || !haveKey)
        return std::nullopt;
    return req;
}

} // namespace dd::api
