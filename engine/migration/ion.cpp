#include "migration/ion.h"

#include <QJsonArray>
#include <QJsonObject>

namespace dd::migration {

namespace {

using model::AttrType;
using model::AttributeValue;

bool isIdentifierStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$'; }
bool isIdentifierPart(char c) { return isIdentifierStart(c) || (c >= '0' && c <= '9'); }

// Ion's keywords, which a symbol of the same text must quote.
bool isKeyword(QByteArrayView s)
{
    return s == "true" || s == "false" || s == "null" || s == "nan";
}

void writeEscaped(QStringView s, char quote, QByteArray &out)
{
    const QByteArray utf8 = s.toUtf8();
    out.append(quote);
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == quote || c == '\\') {
            out.append('\\').append(c);
        } else if (u < 0x20 || u == 0x7f) {
            static const char hex[] = "0123456789abcdef";
            if (c == '\n')
                out.append("\\n");
            else if (c == '\t')
                out.append("\\t");
            else if (c == '\r')
                out.append("\\r");
            else
                out.append("\\x").append(hex[u >> 4]).append(hex[u & 15]);
        } else {
            out.append(c);
        }
    }
    out.append(quote);
}

void writeSymbol(const QString &name, QByteArray &out)
{
    const QByteArray utf8 = name.toUtf8();
    bool plain = !utf8.isEmpty() && isIdentifierStart(utf8[0]) && !isKeyword(utf8);
    for (const char c : utf8)
        plain = plain && isIdentifierPart(c);
    if (plain)
        out.append(utf8);
    else
        writeEscaped(name, '\'', out);
}

void writeDecimal(const model::Number &n, QByteArray &out)
{
    const qsizetype start = out.size();
    n.appendText(out);
    // An Ion number without a point or an exponent is an int: DynamoDB's exports write decimals.
    if (!QByteArrayView(out).sliced(start).contains('.'))
        out.append('.');
}

void writeValue(const AttributeValue &v, QByteArray &out)
{
    switch (v.type()) {
    case AttrType::S:
        writeEscaped(v.asString(), '"', out);
        break;
    case AttrType::N:
        writeDecimal(v.asNumber(), out);
        break;
    case AttrType::B:
        out.append("{{").append(v.asBinary().toBase64()).append("}}");
        break;
    case AttrType::BOOL:
        out.append(v.asBool() ? "true" : "false");
        break;
    case AttrType::NUL:
        out.append("null");
        break;
    case AttrType::M: {
        out.append('{');
        bool first = true;
        for (const auto &[name, member] : v.asMap()) {
            if (!first)
                out.append(',');
            first = false;
            writeSymbol(name, out);
            out.append(':');
            writeValue(member, out);
        }
        out.append('}');
        break;
    }
    case AttrType::L: {
        out.append('[');
        bool first = true;
        for (const AttributeValue &e : v.asList()) {
            if (!first)
                out.append(',');
            first = false;
            writeValue(e, out);
        }
        out.append(']');
        break;
    }
    case AttrType::SS:
        out.append("$dynamodb_SS::[");
        for (size_t i = 0; i < v.asStringSet().size(); ++i) {
            if (i)
                out.append(',');
            writeEscaped(v.asStringSet()[i], '"', out);
        }
        out.append(']');
        break;
    case AttrType::NS:
        out.append("$dynamodb_NS::[");
        for (size_t i = 0; i < v.asNumberSet().size(); ++i) {
            if (i)
                out.append(',');
            writeDecimal(v.asNumberSet()[i], out);
        }
        out.append(']');
        break;
    case AttrType::BS:
        out.append("$dynamodb_BS::[");
        for (size_t i = 0; i < v.asBinarySet().size(); ++i) {
            if (i)
                out.append(',');
            out.append("{{").append(v.asBinarySet()[i].toBase64()).append("}}");
        }
        out.append(']');
        break;
    }
}

// A recursive-descent reader of Ion text values.
class Reader {
public:
    explicit Reader(QByteArrayView text) : m_p(text.data()), m_end(text.data() + text.size()) {}

    int line() const { return m_line; }
    QString error() const { return m_error; }

    // Skips whitespace and comments; false at the end of the text (or on an unterminated comment).
    bool skipSpace()
    {
        while (m_p < m_end) {
            const char c = *m_p;
            if (c == '\n') {
                ++m_line;
                ++m_p;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f') {
                ++m_p;
            } else if (c == '/' && m_p + 1 < m_end && m_p[1] == '/') {
                while (m_p < m_end && *m_p != '\n')
                    ++m_p;
            } else if (c == '/' && m_p + 1 < m_end && m_p[1] == '*') {
                m_p += 2;
                while (m_p + 1 < m_end && !(m_p[0] == '*' && m_p[1] == '/')) {
                    if (*m_p == '\n')
                        ++m_line;
                    ++m_p;
                }
                if (m_p + 1 >= m_end)
                    return fail(QStringLiteral("a comment is not closed"));
                m_p += 2;
            } else {
                return true;
            }
        }
        return false;
    }

    // One value (with its annotations) as DynamoDB JSON; nullopt on error.
    std::optional<QJsonValue> value(int depth = 0)
    {
        if (depth > 64) {
            fail(QStringLiteral("values nest too deep"));
            return std::nullopt;
        }
        QList<QByteArray> annotations;
        for (;;) {
            if (!skipSpace()) {
                fail(QStringLiteral("the text ends where a value should be"));
                return std::nullopt;
            }
            const char *save = m_p;
            const int saveLine = m_line;
            std::optional<QByteArray> symbol = symbolText();
            if (!symbol) {
                if (!m_error.isEmpty())
                    return std::nullopt;
                break;
            }
            skipSpace();
            if (m_p + 1 < m_end && m_p[0] == ':' && m_p[1] == ':') {
                m_p += 2;
                annotations.append(*symbol);
                continue;
            }
            m_p = save;
            m_line = saveLine;
            break;
        }
        const char c = *m_p;
        if (!annotations.isEmpty() && c == '[') {
            const QByteArray &a = annotations.last();
            if (a == "$dynamodb_SS" || a == "$dynamodb_NS" || a == "$dynamodb_BS")
                return set(a == "$dynamodb_SS" ? "SS" : a == "$dynamodb_NS" ? "NS" : "BS", depth);
        }
        if (c == '{' && m_p + 1 < m_end && m_p[1] == '{')
            return typed("B", blob());
        if (c == '{')
            return structure(depth);
        if (c == '[')
            return list(depth);
        if (c == '(') {
            fail(QStringLiteral("an s-expression has no DynamoDB type"));
            return std::nullopt;
        }
        if (c == '"' || (c == '\'' && m_p + 2 < m_end && m_p[1] == '\'' && m_p[2] == '\''))
            return typed("S", strings());
        if (c == '\'' || isIdentifierStart(c)) {
            std::optional<QByteArray> word = symbolText();
            if (!word)
                return std::nullopt;
            if (*word == "true" || *word == "false")
                return QJsonObject{{QStringLiteral("BOOL"), *word == "true"}};
            if (*word == "null") {
                // null.<type> is a typed null: NULL all the same.
                if (m_p < m_end && *m_p == '.') {
                    ++m_p;
                    if (!symbolText())
                        return std::nullopt;
                }
                return QJsonObject{{QStringLiteral("NULL"), true}};
            }
            if (*word == "nan") {
                fail(QStringLiteral("nan is not a DynamoDB number"));
                return std::nullopt;
            }
            return QJsonObject{{QStringLiteral("S"), QString::fromUtf8(*word)}};
        }
        if (c == '-' || c == '+' || (c >= '0' && c <= '9'))
            return typed("N", number());
        fail(QStringLiteral("unexpected character '%1'").arg(QChar::fromLatin1(c)));
        return std::nullopt;
    }

private:
    bool fail(const QString &why)
    {
        if (m_error.isEmpty())
            m_error = why;
        return false;
    }

    std::optional<QJsonValue> typed(const char *type, std::optional<QString> text)
    {
        if (!text)
            return std::nullopt;
        return QJsonObject{{QString::fromLatin1(type), *text}};
    }

    // An identifier or a 'quoted' symbol at m_p; nullopt (without an error) if neither starts here.
    std::optional<QByteArray> symbolText()
    {
        if (m_p < m_end && isIdentifierStart(*m_p)) {
            const char *start = m_p;
            while (m_p < m_end && isIdentifierPart(*m_p))
                ++m_p;
            return QByteArray(start, m_p - start);
        }
        if (m_p < m_end && *m_p == '\'' && !(m_p + 2 < m_end && m_p[1] == '\'' && m_p[2] == '\'')) {
            std::optional<QString> s = quoted('\'');
            if (!s)
                return std::nullopt;
            return s->toUtf8();
        }
        return std::nullopt;
    }

    // A string or symbol between `quote`s at m_p, with Ion's escapes.
    std::optional<QString> quoted(char quote, bool triple = false)
    {
        m_p += triple ? 3 : 1;
        QByteArray utf8;
        QString out;
        auto flush = [&] {
            out += QString::fromUtf8(utf8);
            utf8.clear();
        };
        for (;;) {
            if (m_p >= m_end) {
                fail(QStringLiteral("a string is not closed"));
                return std::nullopt;
            }
            const char c = *m_p;
            if (triple ? (c == '\'' && m_p + 2 < m_end && m_p[1] == '\'' && m_p[2] == '\'') : c == quote) {
                m_p += triple ? 3 : 1;
                flush();
                return out;
            }
            if (c == '\n') {
                if (!triple) {
                    fail(QStringLiteral("a string is not closed on its line"));
                    return std::nullopt;
                }
                ++m_line;
            }
            if (c != '\\') {
                utf8.append(c);
                ++m_p;
                continue;
            }
            if (++m_p >= m_end)
                continue;
            const char e = *m_p++;
            switch (e) {
            case 'a': utf8.append('\a'); break;
            case 'b': utf8.append('\b'); break;
            case 't': utf8.append('\t'); break;
            case 'n': utf8.append('\n'); break;
            case 'f': utf8.append('\f'); break;
            case 'r': utf8.append('\r'); break;
            case 'v': utf8.append('\v'); break;
            case '0': utf8.append('\0'); break;
            case '?': case '\'': case '"': case '/': case '\\': utf8.append(e); break;
            case '\n': ++m_line; break; // a line continuation
            case 'x': case 'u': case 'U': {
                const int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (m_end - m_p < digits) {
                    fail(QStringLiteral("a string's \\%1 escape is cut short").arg(QChar::fromLatin1(e)));
                    return std::nullopt;
                }
                bool ok = false;
                const uint code = QByteArray(m_p, digits).toUInt(&ok, 16);
                if (!ok || code > 0x10FFFF) {
                    fail(QStringLiteral("a string has a bad \\%1 escape").arg(QChar::fromLatin1(e)));
                    return std::nullopt;
                }
                m_p += digits;
                flush();
                const char32_t cp = char32_t(code);
                out += QString::fromUcs4(&cp, 1);
                break;
            }
            default:
                fail(QStringLiteral("a string has an unknown escape \\%1").arg(QChar::fromLatin1(e)));
                return std::nullopt;
            }
        }
    }

    // A "string", or '''long''' strings (adjacent ones join, as Ion says).
    std::optional<QString> strings()
    {
        if (*m_p == '"')
            return quoted('"');
        QString out;
        while (m_p + 2 < m_end && m_p[0] == '\'' && m_p[1] == '\'' && m_p[2] == '\'') {
            std::optional<QString> part = quoted('\'', true);
            if (!part)
                return std::nullopt;
            out += *part;
            const char *save = m_p;
            const int saveLine = m_line;
            if (!skipSpace() || !(m_p + 2 < m_end && m_p[0] == '\'' && m_p[1] == '\'' && m_p[2] == '\'')) {
                m_p = save;
                m_line = saveLine;
                break;
            }
        }
        return out;
    }

    // {{ base64 }} or a clob {{ "text" }}, as base64.
    std::optional<QString> blob()
    {
        m_p += 2;
        QByteArray body;
        skipSpace();
        if (m_p < m_end && (*m_p == '"' || *m_p == '\'')) {
            std::optional<QString> text = strings();
            if (!text)
                return std::nullopt;
            body = text->toLatin1();
            skipSpace();
            if (!(m_p + 1 < m_end && m_p[0] == '}' && m_p[1] == '}')) {
                fail(QStringLiteral("a clob is not closed"));
                return std::nullopt;
            }
            m_p += 2;
            return QString::fromLatin1(body.toBase64());
        }
        const char *start = m_p;
        while (m_p + 1 < m_end && !(m_p[0] == '}' && m_p[1] == '}')) {
            if (*m_p == '\n')
                ++m_line;
            ++m_p;
        }
        if (m_p + 1 >= m_end) {
            fail(QStringLiteral("a blob is not closed"));
            return std::nullopt;
        }
        for (const char *q = start; q < m_p; ++q)
            if (*q != ' ' && *q != '\n' && *q != '\t' && *q != '\r')
                body.append(*q);
        m_p += 2;
        auto decoded = QByteArray::fromBase64Encoding(body, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            fail(QStringLiteral("a blob is not base64"));
            return std::nullopt;
        }
        return QString::fromLatin1(body);
    }

    // An int, decimal or float as DynamoDB number text.
    std::optional<QString> number()
    {
        const char *start = m_p;
        while (m_p < m_end && (isIdentifierPart(*m_p) || *m_p == '.' || *m_p == '-' || *m_p == '+'))
            ++m_p;
        QByteArray text(start, m_p - start);
        text.replace('_', QByteArray());
        if (text == "+inf" || text == "-inf") {
            fail(QStringLiteral("infinity is not a DynamoDB number"));
            return std::nullopt;
        }
        const bool negative = text.startsWith('-');
        const QByteArray digits = negative ? text.mid(1) : text;
        if (digits.startsWith("0x") || digits.startsWith("0X") || digits.startsWith("0b") || digits.startsWith("0B")) {
            bool ok = false;
            const qulonglong v = digits.mid(2).toULongLong(&ok, digits[1] == 'x' || digits[1] == 'X' ? 16 : 2);
            if (!ok) {
                fail(QStringLiteral("'%1' is not an Ion number").arg(QString::fromLatin1(text)));
                return std::nullopt;
            }
            return (negative ? QStringLiteral("-") : QString()) + QString::number(v);
        }
        // A decimal's exponent is written with d: DynamoDB's numbers use e.
        text.replace('d', 'e').replace('D', 'e');
        return QString::fromLatin1(text);
    }

    // {name: value, ...} as {"M": {...}}.
    std::optional<QJsonValue> structure(int depth)
    {
        ++m_p;
        QJsonObject members;
        for (;;) {
            if (!skipSpace()) {
                fail(QStringLiteral("a struct is not closed"));
                return std::nullopt;
            }
            if (*m_p == '}') {
                ++m_p;
                return QJsonObject{{QStringLiteral("M"), members}};
            }
            std::optional<QString> name;
            if (*m_p == '"' || (*m_p == '\'' && m_p + 2 < m_end && m_p[1] == '\'' && m_p[2] == '\''))
                name = strings();
            else if (std::optional<QByteArray> s = symbolText())
                name = QString::fromUtf8(*s);
            else if (m_error.isEmpty())
                fail(QStringLiteral("a struct's field has no name"));
            if (!name)
                return std::nullopt;
            skipSpace();
            if (m_p >= m_end || *m_p != ':') {
                fail(QStringLiteral("a struct's field %1 has no ':'").arg(*name));
                return std::nullopt;
            }
            ++m_p;
            std::optional<QJsonValue> v = value(depth + 1);
            if (!v)
                return std::nullopt;
            members.insert(*name, *v);
            if (!skipSpace()) {
                fail(QStringLiteral("a struct is not closed"));
                return std::nullopt;
            }
            if (*m_p == ',')
                ++m_p;
            else if (*m_p != '}') {
                fail(QStringLiteral("a struct's fields must be separated by ','"));
                return std::nullopt;
            }
        }
    }

    // [v, ...] as an array of DynamoDB JSON values.
    std::optional<QJsonArray> elements(int depth)
    {
        ++m_p;
        QJsonArray out;
        for (;;) {
            if (!skipSpace()) {
                fail(QStringLiteral("a list is not closed"));
                return std::nullopt;
            }
            if (*m_p == ']') {
                ++m_p;
                return out;
            }
            std::optional<QJsonValue> v = value(depth + 1);
            if (!v)
                return std::nullopt;
            out.append(*v);
            if (!skipSpace()) {
                fail(QStringLiteral("a list is not closed"));
                return std::nullopt;
            }
            if (*m_p == ',')
                ++m_p;
            else if (*m_p != ']') {
                fail(QStringLiteral("a list's values must be separated by ','"));
                return std::nullopt;
            }
        }
    }

    std::optional<QJsonValue> list(int depth)
    {
        std::optional<QJsonArray> e = elements(depth);
        if (!e)
            return std::nullopt;
        return QJsonObject{{QStringLiteral("L"), *e}};
    }

    // A $dynamodb_SS/NS/BS list: its members' texts, of the set's member type.
    std::optional<QJsonValue> set(const char *type, int depth)
    {
        std::optional<QJsonArray> e = elements(depth);
        if (!e)
            return std::nullopt;
        const QString member = QString::fromLatin1(type).left(1);
        QJsonArray texts;
        for (const QJsonValue &v : *e) {
            const QJsonObject o = v.toObject();
            if (!o.contains(member)) {
                fail(QStringLiteral("a %1 holds a value of another type").arg(QString::fromLatin1(type)));
                return std::nullopt;
            }
            texts.append(o.value(member));
        }
        return QJsonObject{{QString::fromLatin1(type), texts}};
    }

    const char *m_p;
    const char *m_end;
    int m_line = 1;
    QString m_error;
};

} // namespace

void writeIonItem(const model::Item &item, QByteArray &out)
{
    writeValue(AttributeValue::map(item), out);
}

Result<void> readIon(QByteArrayView text, const std::function<bool(const QJsonValue &value, int line)> &value)
{
    Reader reader(text);
    while (reader.skipSpace()) {
        const int line = reader.line();
        std::optional<QJsonValue> v = reader.value();
        if (!v)
            return ApiError::validation(QStringLiteral("Line %1 is not valid Ion: %2").arg(reader.line()).arg(reader.error()));
        // The version marker, a symbol at the top level.
        if (v->toObject().value(QStringLiteral("S")).toString() == u"$ion_1_0")
            continue;
        if (!value(*v, line))
            return {};
    }
    if (!reader.error().isEmpty())
        return ApiError::validation(QStringLiteral("Line %1 is not valid Ion: %2").arg(reader.line()).arg(reader.error()));
    return {};
}

} // namespace dd::migration
