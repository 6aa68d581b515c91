// JsonWriter: appends compact JSON to a byte array, for responses on the hot
// paths (items are spliced in as stored, never re-encoded). Numbers that AWS
// sends as doubles keep a decimal point ("CapacityUnits": 1.0), so that
// clients print what they print against AWS.
#pragma once

#include "model/json.h"

#include <QByteArray>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace dd::api {

class JsonWriter {
public:
    // `reserve`: the bytes the response is expected to need.
    explicit JsonWriter(qsizetype reserve = 256) { m_out.reserve(reserve); }

    JsonWriter &beginObject() { put('{'); m_first = true; return *this; }
    JsonWriter &endObject() { m_out += '}'; m_first = false; return *this; }
    JsonWriter &beginArray() { put('['); m_first = true; return *this; }
    JsonWriter &endArray() { m_out += ']'; m_first = false; return *this; }
    JsonWriter &key(QLatin1StringView k)
    {
        // ,"k": in one step
        const bool comma = !m_first;
        char *p = grow(k.size() + 3 + (comma ? 1 : 0));
        if (comma)
            *p++ = ',';
        *p++ = '"';
        std::memcpy(p, k.data(), size_t(k.size()));
        p += k.size();
        *p++ = '"';
        *p = ':';
        m_first = true; // the value follows without a comma
        return *this;
    }
    JsonWriter &key(const QString &k) { comma(); model::writeJsonString(k, m_out); m_out += ':'; m_first = true; return *this; }
    JsonWriter &string(QStringView s) { comma(); model::writeJsonString(s, m_out); return *this; }
    JsonWriter &raw(QByteArrayView json)
    {
        const bool comma = !m_first;
        char *p = grow(json.size() + (comma ? 1 : 0));
        if (comma)
            *p++ = ',';
        if (!json.isEmpty())
            std::memcpy(p, json.data(), size_t(json.size()));
        m_first = false;
        return *this;
    }
    JsonWriter &integer(qint64 v)
    {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, v).ptr;
        return raw(QByteArrayView(digits, end - digits));
    }
    // A double, always with a fraction ("1.0", "0.5").
    JsonWriter &real(double v)
    {
        comma();
        QByteArray n = QByteArray::number(v, 'g', 17);
        if (!n.contains('.') && !n.contains('e'))
            n += ".0";
        m_out += n;
        return *this;
    }
    JsonWriter &boolean(bool v) { comma(); m_out += v ? "true" : "false"; return *this; }
    JsonWriter &item(const model::Item &item) { comma(); model::writeItemJson(item, m_out); return *this; }

    QByteArray take() { return std::move(m_out); }

private:
    // Appends a comma if one is due, then `c`.
    void put(char c)
    {
        const bool comma = !m_first;
        char *p = grow(comma ? 2 : 1);
        if (comma)
            *p++ = ',';
        *p = c;
    }
    // Extends the output by n bytes and returns where they start (growing
    // the buffer geometrically, as QByteArray::append does).
    char *grow(qsizetype n)
    {
        const qsizetype at = m_out.size();
        if (m_out.capacity() - at < n)
            m_out.reserve(std::max(2 * m_out.capacity(), at + n));
        m_out.resize(at + n);
        return m_out.data() + at;
    }
    void comma()
    {
        if (!m_first)
            m_out += ',';
        m_first = false;
    }
    QByteArray m_out;
    bool m_first = true;
};

} // namespace dd::api
