// JsonWriter: appends compact JSON to a byte array, for responses on the hot
// paths (items are spliced in as stored, never re-encoded). Numbers that AWS
// sends as doubles keep a decimal point ("CapacityUnits": 1.0), so that
// clients print what they print against AWS.
#pragma once

#include "model/json.h"

#include <QByteArray>

namespace dd::api {

class JsonWriter {
public:
    JsonWriter() { m_out.reserve(256); }

    JsonWriter &beginObject() { comma(); m_out += '{'; m_first = true; return *this; }
    JsonWriter &endObject() { m_out += '}'; m_first = false; return *this; }
    JsonWriter &beginArray() { comma(); m_out += '['; m_first = true; return *this; }
    JsonWriter &endArray() { m_out += ']'; m_first = false; return *this; }
    JsonWriter &key(QLatin1StringView k)
    {
        comma();
        m_out += '"';
        m_out += QByteArrayView(k.data(), k.size());
        m_out += "\":";
        m_first = true; // the value follows without a comma
        return *this;
    }
    JsonWriter &key(const QString &k) { comma(); model::writeJsonString(k, m_out); m_out += ':'; m_first = true; return *this; }
    JsonWriter &string(QStringView s) { comma(); model::writeJsonString(s, m_out); return *this; }
    JsonWriter &raw(QByteArrayView json) { comma(); m_out += json; return *this; }
    JsonWriter &integer(qint64 v) { comma(); m_out += QByteArray::number(v); return *this; }
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
