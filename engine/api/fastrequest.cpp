// A forward reader over request bytes: any byte it does not expect makes
// the whole read fail, and the general path takes the request.
#include "api/fastrequest.h"

#include "model/number.h"

#include <cstring>

namespace dd::api {

namespace {

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

    // {"name": {"S"|"N"|"B": "value"}, ...}: a Key parameter. Duplicate
    // names, other types and invalid numbers or base64 fail.
    bool key(model::Item &out)
    {
        if (!take('{'))
            return false;
        if (take('}'))
            return true;
        for (;;) {
            QByteArrayView name, type, text;
            if (!plainString(name) || !take(':') || !take('{') || !plainString(type) || !take(':') || !plainString(text)
                || !take('}'))
                return false;
            model::AttributeValue value;
            if (type == "S") {
                value = model::AttributeValue::string(QString::fromLatin1(text));
            } else if (type == "N") {
                if (text.size() > 64)
                    return false;
                char16_t buf[64];
                for (qsizetype i = 0; i < text.size(); ++i)
                    buf[i] = char16_t(uchar(text[i]));
                Result<model::Number> n = model::Number::parse(QStringView(buf, text.size()));
                if (!n)
                    return false;
                value = model::AttributeValue::number(std::move(n).value());
            } else if (type == "B") {
                if (!strictBase64(text))
                    return false;
                value = model::AttributeValue::binary(QByteArray::fromBase64(text.toByteArray()));
            } else {
                return false;
            }
            if (!out.emplace(QString::fromLatin1(name), std::move(value)).second)
                return false;
            if (take(','))
                continue;
            return take('}');
        }
    }

private:
    void space()
    {
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

bool validReturnConsumedCapacity(QByteArrayView v)
{
    return v == "NONE" || v == "TOTAL" || v == "INDEXES";
}

} // namespace

std::optional<GetItemRequest> readGetItemRequest(QByteArrayView body)
{
    Reader r(body);
    GetItemRequest req;
    bool haveTable = false, haveKey = false, haveConsistent = false, haveCapacity = false;
    if (!r.take('{'))
        return std::nullopt;
    if (!r.take('}')) {
        for (;;) {
            QByteArrayView member;
            if (!r.plainString(member) || !r.take(':'))
                return std::nullopt;
            if (member == "TableName" && !haveTable) {
                QByteArrayView name;
                if (!r.plainString(name) || !validTableName(name))
                    return std::nullopt;
                req.tableName = QString::fromLatin1(name);
                haveTable = true;
            } else if (member == "Key" && !haveKey) {
                if (!r.key(req.key))
                    return std::nullopt;
                haveKey = true;
            } else if (member == "ConsistentRead" && !haveConsistent) {
                if (!r.boolean(req.consistentRead))
                    return std::nullopt;
                haveConsistent = true;
            } else if (member == "ReturnConsumedCapacity" && !haveCapacity) {
                QByteArrayView mode;
                if (!r.plainString(mode) || !validReturnConsumedCapacity(mode))
                    return std::nullopt;
                req.returnConsumedCapacity = QString::fromLatin1(mode);
                haveCapacity = true;
            } else {
                return std::nullopt;
            }
            if (r.take(','))
                continue;
            if (!r.take('}'))
                return std::nullopt;
            break;
        }
    }
    if (!haveTable || !haveKey || !r.atEnd())
        return std::nullopt;
    return req;
}

} // namespace dd::api
