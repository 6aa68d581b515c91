// Key encoding and the partition hash. Both are written to disk: changing
// either makes existing databases unreadable.
#include "model/keycodec.h"

#include <cassert>

namespace dd::model {

QByteArray encodeKeyValue(const AttributeValue &v)
{
    switch (v.type()) {
    case AttrType::S: {
        // UTF-8 byte order is code point order. Keys are mostly ASCII, whose
        // UTF-8 is one byte per character: narrowed here without QString's
        // general encoder.
        const QString &s = v.asString();
        QByteArray out(s.size(), Qt::Uninitialized);
        char *p = out.data();
        for (const QChar c : s) {
            if (c.unicode() >= 0x80)
                return s.toUtf8();
            *p++ = char(c.unicode());
        }
        return out;
    }
    case AttrType::N:
        return v.asNumber().orderedKey();
    case AttrType::B:
        return v.asBinary();
    default:
        assert(false && "key values are S, N or B");
        return QByteArray();
    }
}

void appendEscapedKeyPart(QByteArray &out, QByteArrayView encoded)
{
    out.reserve(out.size() + encoded.size() + 2);
    for (const char c : encoded) {
        out.append(c);
        if (c == 0)
            out.append(kKeyPartEscape);
    }
}

void appendKeyPart(QByteArray &out, const AttributeValue &v)
{
    appendEscapedKeyPart(out, encodeKeyValue(v));
    out.append(char(0));
    out.append(kKeyPartTerminator);
}

quint32 partitionHash(QByteArrayView encodedPartitionKey)
{
    // 32-bit FNV-1a (offset basis 2166136261, prime 16777619) over the
    // encoded key bytes, followed by a murmur3-style avalanche so that keys
    // differing only in their last bytes still spread across the whole range
    // (parallel Scan splits the range into equal segments).
    quint32 h = 2166136261u;
    for (const char c : encodedPartitionKey) {
        h ^= quint8(c);
        h *= 16777619u;
    }
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}

} // namespace dd::model
