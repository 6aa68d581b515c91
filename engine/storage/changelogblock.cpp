#include "storage/changelogblock.h"

#include <algorithm>

namespace dd::storage {

namespace {

// Writes `v` as a varint (7 bits a byte, low first) at `out`; returns its length (at most 10).
int putVarint(char *out, quint64 v)
{
    int n = 0;
    do {
        const quint8 low = v & 0x7f;
        v >>= 7;
        out[n++] = char(v ? low | 0x80 : low);
    } while (v);
    return n;
}

// Reads a varint at `pos` of `in`, advancing `pos`; false past the end or
// on more than 10 bytes.
bool getVarint(QByteArrayView in, qsizetype &pos, quint64 &v)
{
    v = 0;
    for (int shift = 0; shift < 70 && pos < in.size(); shift += 7) {
        const quint8 b = quint8(in[pos++]);
        v |= quint64(b & 0x7f) << shift;
        if (!(b & 0x80))
            return true;
    }
    return false;
}

} // namespace

void ChangeLogBlock::append(qint64 seq, qint64 timeMs, ChangeEvent event, QByteArrayView keys, QByteArrayView oldImage,
                            QByteArrayView newImage)
{
    if (m_count == 0) {
        m_firstSeq = seq;
        m_maxTimeMs = timeMs;
    }
    // One append per part: QByteArray's appends cost more than the encoding.
    char head[5 * 10 + 2];
    int n = putVarint(head, quint64(seq));
    n += putVarint(head + n, quint64(timeMs));
    head[n++] = char(event);
    m_lastOriginAt = qsizetype(m_heads.size()) + n;
    head[n++] = char(0);
    n += putVarint(head + n, quint64(keys.size()));
    n += putVarint(head + n, oldImage.isNull() ? 0 : quint64(oldImage.size()) + 1);
    n += putVarint(head + n, newImage.isNull() ? 0 : quint64(newImage.size()) + 1);
    m_heads.append(head, size_t(n));
    m_bodies.append(keys.data(), size_t(keys.size()));
    if (!oldImage.isNull())
        m_bodies.append(oldImage.data(), size_t(oldImage.size()));
    if (!newImage.isNull())
        m_bodies.append(newImage.data(), size_t(newImage.size()));
    ++m_count;
    m_lastSeq = seq;
    m_maxTimeMs = std::max(m_maxTimeMs, timeMs);
}

void ChangeLogBlock::setLastOrigin(int origin)
{
    if (m_lastOriginAt >= 0)
        m_heads[size_t(m_lastOriginAt)] = char(origin);
}

ChangeLogBlock::Mark ChangeLogBlock::mark() const
{
    return Mark{qsizetype(m_heads.size()), qsizetype(m_bodies.size()), m_lastOriginAt, m_count, m_lastSeq, m_maxTimeMs};
}

void ChangeLogBlock::truncate(const Mark &m)
{
    // resize() keeps the capacity: the writer's blocks are reused commit after commit.
    m_heads.resize(size_t(m.heads));
    m_bodies.resize(size_t(m.bodies));
    m_lastOriginAt = m.lastOriginAt;
    m_count = m.count;
    m_lastSeq = m.lastSeq;
    m_maxTimeMs = m.maxTimeMs;
    if (m_count == 0)
        m_firstSeq = 0;
}

bool ChangeLogBlock::decode(QByteArrayView heads, QByteArrayView bodies, bool withBodies, qint64 from, qint64 to,
                            const std::function<bool(const ChangeRecord &)> &fn, bool &stop)
{
    qsizetype pos = 0, body = 0;
    while (pos < heads.size()) {
        quint64 seq, time, keysLen, oldLen, newLen;
        if (!getVarint(heads, pos, seq) || !getVarint(heads, pos, time) || pos + 2 > heads.size())
            return false;
        ChangeRecord r;
        r.seq = qint64(seq);
        r.timeMs = qint64(time);
        r.event = ChangeEvent(quint8(heads[pos]));
        r.origin = quint8(heads[pos + 1]);
        pos += 2;
        if (!getVarint(heads, pos, keysLen) || !getVarint(heads, pos, oldLen) || !getVarint(heads, pos, newLen))
            return false;
        if (withBodies) {
            // Each length on its own against what is left: a damaged one may be near 2^64.
            const auto take = [&](quint64 length, QByteArrayView &out) {
                if (length > quint64(bodies.size() - body))
                    return false;
                out = bodies.sliced(body, qsizetype(length));
                body += qsizetype(length);
                return true;
            };
            if (!take(keysLen, r.keys) || (oldLen && !take(oldLen - 1, r.oldImage)) || (newLen && !take(newLen - 1, r.newImage)))
                return false;
        }
        if (r.seq > to) {
            stop = true;
            return true;
        }
        if (r.seq >= from && !fn(r)) {
            stop = true;
            return true;
        }
    }
    return true;
}

} // namespace dd::storage
