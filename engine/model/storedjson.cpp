// StoredJsonReader: a single forward pass over writeItemJson()'s output.
// Any byte it does not expect makes the whole parse fail (nullopt), so the
// caller's general parser decides the rare cases (and corrupt data).
#include "model/storedjson.h"

#include <cstring>

namespace dd::model {

namespace {

class Reader {
public:
    Reader(const char *p, const char *end) : m_p(p), m_end(end) {}

    bool atEnd() const { return m_p == m_end; }

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
        if (!rawString(text) || text.size() > 64)
            return false;
        char16_t buf[64];
        for (qsizetype i = 0; i < text.size(); ++i)
            buf[i] = char16_t(uchar(text[i]));
        Result<Number> n = Number::parse(QStringView(buf, text.size()));
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

} // namespace dd::model
