// StoredJsonReader: a single forward pass over writeItemJson()'s output.
// Any byte it does not expect makes the whole parse fail (nullopt), so the
// caller's general parser decides the rare cases (and corrupt data).
#include "model/storedjson.h"

#include <QString>

#include <cstring>

namespace dd::model {

namespace {

class Reader {
public:
    Reader(const char *p, const char *end) : m_p(p), m_end(end) {}

    bool atEnd() const { return m_p == m_end; }

    // One value {"T":...} into `out`.
    bool value(AttributeValue &out) { return attribute(out); }

    // {"name":{...},...} into `out` (empty on entry).
    bool members(AttrMap &out)
    {
        if (!take('{'))
            return false;
        if (take('}'))
            return true;
        for (;;) {
            QString name;
            AttributeValue value;
            if (!string(name) || !take(':') || !attribute(value))
                return false;
            // writeItemJson writes members in map order: append at the end.
            out.emplace_hint(out.end(), std::move(name), std::move(value));
            if (take(','))
                continue;
            return take('}');
        }
    }

private:
    bool take(char c)
    {
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }

    bool literal(const char *word, size_t n)
    {
        if (size_t(m_end - m_p) < n || std::memcmp(m_p, word, n) != 0)
            return false;
        m_p += n;
        return true;
    }

    // The bytes of a string without escapes (numbers, base64, type tags).
    bool rawString(QByteArrayView &out)
    {
        if (!take('"'))
            return false;
        const char *start = m_p;
        while (m_p != m_end && *m_p != '"') {
            if (*m_p == '\\')
                return false;
            ++m_p;
        }
        if (m_p == m_end)
            return false;
        out = QByteArrayView(start, m_p - start);
        ++m_p;
        return true;
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    // A JSON string as writeJsonString writes it: raw UTF-8, the short
    // escapes and \u00XX for other control characters.
    bool string(QString &out)
    {
        if (!take('"'))
            return false;
        const char *start = m_p;
        // Most strings have no escapes: find the quote and check, both with memchr.
        const auto *quote = static_cast<const char *>(std::memchr(m_p, '"', size_t(m_end - m_p)));
        if (!quote)
            return false;
        const auto *escape = static_cast<const char *>(std::memchr(m_p, '\\', size_t(quote - m_p)));
        if (!escape) {
            out = QString::fromUtf8(start, quote - start);
            m_p = quote + 1;
            return true;
        }
        m_p = escape;
        // Escapes: decode run by run.
        out = QString::fromUtf8(start, m_p - start);
        for (;;) {
            if (m_p == m_end)
                return false;
            if (*m_p == '"') {
                ++m_p;
                return true;
            }
            if (*m_p != '\\') {
                const char *run = m_p;
                while (m_p != m_end && *m_p != '"' && *m_p != '\\')
                    ++m_p;
                out += QString::fromUtf8(run, m_p - run);
                continue;
            }
            if (m_end - m_p < 2)
                return false;
            const char e = m_p[1];
            m_p += 2;
            switch (e) {
            case '"': out += u'"'; break;
            case '\\': out += u'\\'; break;
            case '/': out += u'/'; break;
            case 'n': out += u'\n'; break;
            case 'r': out += u'\r'; break;
            case 't': out += u'\t'; break;
            case 'b': out += u'\b'; break;
            case 'f': out += u'\f'; break;
            case 'u': {
                if (m_end - m_p < 4)
                    return false;
                int u = 0;
                for (int k = 0; k < 4; ++k) {
                    const int h = hexValue(m_p[k]);
                    if (h < 0)
                        return false;
                    u = u * 16 + h;
                }
                // Surrogates (written only for lone ones) are left to the general parser.
                if (u >= 0xD800 && u < 0xE000)
                    return false;
                out += QChar(char16_t(u));
                m_p += 4;
                break;
            }
            default: return false;
            }
        }
    }

    bool number(Number &out)
    {
        QByteArrayView text;
        if (!rawString(text))
            return false;
        Result<Number> n = Number::parse(text);
        if (!n)
            return false;
        out = std::move(n).value();
        return true;
    }

    bool binary(QByteArray &out)
    {
        QByteArrayView text;
        if (!rawString(text))
            return false;
        out = QByteArray::fromBase64(text.toByteArray());
        return true;
    }

    // [e,e,...] with `element` reading one e.
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

    bool attribute(AttributeValue &out)
    {
        QByteArrayView tag;
        if (!take('{') || !rawString(tag) || !take(':'))
            return false;
        bool ok = false;
        if (tag == "S") {
            QString s;
            ok = string(s);
            out = AttributeValue::string(std::move(s));
        } else if (tag == "N") {
            Number n;
            ok = number(n);
            out = AttributeValue::number(std::move(n));
        } else if (tag == "M") {
            AttrMap m;
            ok = members(m);
            out = AttributeValue::map(std::move(m));
        } else if (tag == "L") {
            AttrList l;
            ok = array([&] {
                l.emplace_back();
                return attribute(l.back());
            });
            out = AttributeValue::list(std::move(l));
        } else if (tag == "B") {
            QByteArray b;
            ok = binary(b);
            out = AttributeValue::binary(std::move(b));
        } else if (tag == "BOOL") {
            const bool t = literal("true", 4);
            ok = t || literal("false", 5);
            out = AttributeValue::boolean(t);
        } else if (tag == "NULL") {
            ok = literal("true", 4);
            out = AttributeValue::null();
        } else if (tag == "SS") {
            StringSet s;
            ok = array([&] {
                s.emplace_back();
                return string(s.back());
            });
            out = AttributeValue::stringSet(std::move(s));
        } else if (tag == "NS") {
            NumberSet s;
            ok = array([&] {
                s.emplace_back();
                return number(s.back());
            });
            out = AttributeValue::numberSet(std::move(s));
        } else if (tag == "BS") {
            BinarySet s;
            ok = array([&] {
                s.emplace_back();
                return binary(s.back());
            });
            out = AttributeValue::binarySet(std::move(s));
        }
        return ok && take('}');
    }

    const char *m_p;
    const char *m_end;
};

} // namespace

std::optional<Item> parseStoredItem(QByteArrayView bytes)
{
    Reader r(bytes.data(), bytes.data() + bytes.size());
    Item item;
    if (!r.members(item) || !r.atEnd())
        return std::nullopt;
    return item;
}

std::optional<AttributeValue> parseStoredValue(QByteArrayView bytes)
{
    Reader r(bytes.data(), bytes.data() + bytes.size());
    AttributeValue v;
    if (!r.value(v) || !r.atEnd())
        return std::nullopt;
    return v;
}

namespace {

// Skips the rest of a JSON string whose opening quote is before p; returns
// the position after its closing quote, or null if it does not close.
const char *skipString(const char *p, const char *end)
{
    for (;;) {
        const auto *quote = static_cast<const char *>(std::memchr(p, '"', size_t(end - p)));
        if (!quote)
            return nullptr;
        const auto *escape = static_cast<const char *>(std::memchr(p, '\\', size_t(quote - p)));
        if (!escape)
            return quote + 1;
        if (end - escape < 2)
            return nullptr;
        p = escape + 2; // the escaped character, even a quote, is skipped
    }
}

// Skips one value {...} starting at p (which must be '{'): strings are
// skipped whole, brackets counted. Returns the position after it, or null.
const char *skipValue(const char *p, const char *end)
{
    if (p == end || *p != '{')
        return nullptr;
    int depth = 0;
    while (p != end) {
        switch (*p) {
        case '"':
            p = skipString(p + 1, end);
            if (!p)
                return nullptr;
            continue;
        case '{':
        case '[':
            ++depth;
            break;
        case '}':
        case ']':
            if (--depth == 0)
                return p + 1;
            break;
        default:
            break;
        }
        ++p;
    }
    return nullptr;
}

} // namespace

bool listStoredMembers(QByteArrayView bytes, StoredMembers &out)
{
    out.clear();
    const char *p = bytes.data(), *end = p + bytes.size();
    if (p == end || *p++ != '{')
        return false;
    if (p != end && *p == '}')
        return p + 1 == end;
    for (;;) {
        if (p == end || *p != '"')
            return false;
        const char *memberStart = p++;
        const auto *quote = static_cast<const char *>(std::memchr(p, '"', size_t(end - p)));
        if (!quote || std::memchr(p, '\\', size_t(quote - p)))
            return false;
        const QByteArrayView name(p, quote - p);
        p = quote + 1;
        if (p == end || *p++ != ':')
            return false;
        const char *valueStart = p;
        p = skipValue(p, end);
        if (!p)
            return false;
        out.append(StoredMember{name, QByteArrayView(valueStart, p - valueStart), QByteArrayView(memberStart, p - memberStart)});
        if (p == end)
            return false;
        if (*p == ',') {
            ++p;
            continue;
        }
        return *p == '}' && p + 1 == end;
    }
}

std::optional<QByteArrayView> storedPlainString(QByteArrayView value)
{
    // {"S":"...."}
    if (value.size() < 8 || !value.startsWith("{\"S\":\"") || !value.endsWith("\"}"))
        return std::nullopt;
    const QByteArrayView text = value.sliced(6, value.size() - 8);
    if (std::memchr(text.data(), '\\', size_t(text.size())) || std::memchr(text.data(), '"', size_t(text.size())))
        return std::nullopt;
    return text;
}

bool storedNameEqualsSlow(QByteArrayView utf8, QStringView name)
{
    // Called when the UTF-8 bytes outnumber the name's UTF-16 units: only
    // names with non-ASCII characters can then match, with at most three
    // bytes per unit. Most callers look one name up among an item's other,
    // ASCII names: decline those without a conversion.
    if (utf8.size() > 3 * name.size())
        return false;
    bool ascii = true;
    for (char c : utf8)
        ascii = ascii && uchar(c) < 0x80;
    if (ascii)
        return false;
    return QString::fromUtf8(utf8) == name;
}

const StoredMember *findStoredMember(const StoredMembers &members, QStringView name)
{
    for (const StoredMember &m : members)
        if (storedNameEquals(m.name, name))
            return &m;
    return nullptr;
}

} // namespace dd::model
