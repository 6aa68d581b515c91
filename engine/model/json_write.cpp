// AttributeValue -> DynamoDB JSON: compact JSON appended straight to a
// QByteArray (it is on the path of every read and of the storage layer),
// and the same as QJsonObjects.
#include "model/json.h"

#include <QJsonArray>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dd::model {

namespace {

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

} // namespace dd::model
