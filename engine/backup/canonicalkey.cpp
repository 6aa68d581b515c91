#include "backup/canonicalkey.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <array>

namespace dd::backup {

namespace {

// Printable ASCII that QJsonDocument writes as itself (it escapes '"', '\\'
// and control characters; 0x7f is left to the slow path to be safe).
bool plainChar(char c) { return c >= 0x20 && c < 0x7f && c != '"' && c != '\\'; }

bool plainText(QByteArrayView s)
{
    return std::all_of(s.begin(), s.end(), plainChar);
}

void skipSpace(const char *&p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        ++p;
}

// Moves p past one JSON value (not validated in depth: a malformed one is
// left to the slow path by the callers' checks or gives a wrong skip that
// the member syntax check then rejects).
bool skipValue(const char *&p, const char *end)
{
    if (p >= end)
        return false;
    if (*p == '"') {
        for (++p; p < end; ++p) {
            if (*p == '\\')
                ++p;
            else if (*p == '"')
                return ++p, true;
        }
        return false;
    }
    if (*p == '{' || *p == '[') {
        int depth = 0;
        for (; p < end; ++p) {
            if (*p == '"') {
                if (!skipValue(p, end))
                    return false;
                --p;
            } else if (*p == '{' || *p == '[') {
                ++depth;
            } else if ((*p == '}' || *p == ']') && --depth == 0) {
                return ++p, true;
            }
        }
        return false;
    }
    const char *start = p;
    while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n' && *p != '\r' && *p != '\t')
        ++p;
    return p > start;
}

// A key value written as QJsonDocument writes it: {"S":"..."}, {"N":"..."}
// or {"B":"..."} with plain text.
bool plainKeyValue(QByteArrayView v)
{
    return v.size() >= 8 && v.startsWith("{\"") && (v[2] == 'S' || v[2] == 'N' || v[2] == 'B') && v.sliced(3, 3) == "\":\""
           && v.endsWith("\"}") && plainText(v.sliced(6, v.size() - 8));
}

} // namespace

CanonicalKey::CanonicalKey(const QJsonObject &description)
{
    for (const auto &v : description.value(QStringLiteral("KeySchema")).toArray())
        m_names << v.toObject().value(QStringLiteral("AttributeName")).toString();
    // A key has at most two attributes; ASCII names sort as QJsonObject sorts them (by UTF-16 code unit).
    if (m_names.size() > 2)
        return;
    for (const QString &n : m_names) {
        const QByteArray utf8 = n.toUtf8();
        if (utf8.isEmpty() || !plainText(utf8)) {
            m_plain.clear();
            return;
        }
        m_plain << utf8;
    }
    std::sort(m_plain.begin(), m_plain.end());
}

QByteArray CanonicalKey::of(QByteArrayView itemJson) const
{
    QByteArray out;
    if (!m_plain.isEmpty() && fast(itemJson, out))
        return out;
    return slow(itemJson);
}

bool CanonicalKey::fast(QByteArrayView json, QByteArray &out) const
{
    std::array<QByteArrayView, 2> found{};
    const char *p = json.data();
    const char *end = p + json.size();
    skipSpace(p, end);
    if (p >= end || *p != '{')
        return false;
    ++p;
    for (;;) {
        skipSpace(p, end);
        if (p >= end || *p != '"')
            return false;
        const char *name = ++p;
        while (p < end && *p != '"') {
            if (*p == '\\')
                return false;
            ++p;
        }
        if (p >= end)
            return false;
        const QByteArrayView member(name, p - name);
        ++p;
        skipSpace(p, end);
        if (p >= end || *p != ':')
            return false;
        ++p;
        skipSpace(p, end);
        const char *value = p;
        if (!skipValue(p, end))
            return false;
        for (qsizetype i = 0; i < m_plain.size(); ++i)
            if (member == m_plain[i]) {
                if (!found[size_t(i)].isNull())
                    return false; // a duplicate member: QJsonDocument keeps the last one; leave it to the slow path
                found[size_t(i)] = QByteArrayView(value, p - value);
            }
        skipSpace(p, end);
        if (p < end && *p == ',') {
            ++p;
            continue;
        }
        if (p < end && *p == '}')
            break;
        return false;
    }
    out.reserve(64);
    out.append('{');
    for (qsizetype i = 0; i < m_plain.size(); ++i) {
        const QByteArrayView v = found[size_t(i)];
        if (v.isNull() || !plainKeyValue(v))
            return false;
        if (i)
            out.append(',');
        out.append('"').append(m_plain[i]).append("\":").append(v);
    }
    out.append('}');
    return true;
}

QByteArray CanonicalKey::slow(QByteArrayView json) const
{
    const QJsonObject item = QJsonDocument::fromJson(json.toByteArray()).object();
    QJsonObject key;
    for (const QString &n : m_names) {
        if (!item.contains(n))
            return {};
        key.insert(n, item.value(n));
    }
    return QJsonDocument(key).toJson(QJsonDocument::Compact);
}

} // namespace dd::backup
