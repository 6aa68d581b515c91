#include "daxwire/cbor.h"

#include <QtEndian>

#include <cmath>
#include <cstring>

namespace dd::daxwire {

std::optional<qint64> CborValue::toInt64() const
{
    if (type == UInt && number <= quint64(std::numeric_limits<qint64>::max()))
        return qint64(number);
    if (type == NegInt && number <= quint64(std::numeric_limits<qint64>::max()))
        return -1 - qint64(number);
    return std::nullopt;
}

const CborValue *CborValue::find(qint64 key) const
{
    if (type != Map)
        return nullptr;
    for (qsizetype i = 0; i < mapSize(); ++i)
        if (mapKey(i).toInt64() == key)
            return &mapValue(i);
    return nullptr;
}

CborValue CborValue::integer(qint64 v)
{
    CborValue c;
    c.type = v < 0 ? NegInt : UInt;
    c.number = v < 0 ? quint64(-(v + 1)) : quint64(v);
    return c;
}

CborValue CborValue::ofText(const QString &s)
{
    CborValue c;
    c.type = Text;
    c.bytes = s.toUtf8();
    return c;
}

CborValue CborValue::ofBytes(const QByteArray &b)
{
    CborValue c;
    c.type = Bytes;
    c.bytes = b;
    return c;
}

namespace {

// The argument's byte count after an initial byte's low five bits; -1 for
// the reserved values 28-30. 31 (indefinite, or a break) has none.
int argumentBytes(int ai)
{
    if (ai < 24 || ai == 31)
        return 0;
    if (ai <= 27)
        return 1 << (ai - 24);
    return -1;
}

quint64 readArgument(const char *p, int bytes)
{
    quint64 v = 0;
    for (int i = 0; i < bytes; ++i)
        v = (v << 8) | quint8(p[i]);
    return v;
}

double halfToDouble(quint16 h)
{
    const int exponent = (h >> 10) & 0x1f;
    const int mantissa = h & 0x3ff;
    double v;
    if (exponent == 0)
        v = std::ldexp(mantissa, -24);
    else if (exponent != 31)
        v = std::ldexp(mantissa + 1024, exponent - 25);
    else
        v = mantissa == 0 ? INFINITY : NAN;
    return (h & 0x8000) ? -v : v;
}

} // namespace

void CborScanner::reset(qsizetype position)
{
    m_pos = position;
    m_stringLeft = 0;
    m_stack.clear();
}

bool CborScanner::itemDone()
{
    while (!m_stack.empty()) {
        Frame &f = m_stack.back();
        if (f.remaining < 0 || --f.remaining > 0)
            return false;
        m_stack.pop_back();
    }
    return true;
}

CborScanner::Status CborScanner::scan(QByteArrayView data, qint64 maxStringBytes)
{
    for (;;) {
        if (m_stringLeft > 0) {
            const qint64 n = std::min<qint64>(data.size() - m_pos, m_stringLeft);
            m_pos += n;
            m_stringLeft -= n;
            if (m_stringLeft > 0)
                return Status::NeedMore;
            if (itemDone())
                return Status::Complete;
            continue;
        }
        if (m_pos >= data.size())
            return Status::NeedMore;
        const quint8 initial = quint8(data[m_pos]);
        const int major = initial >> 5;
        const int ai = initial & 31;
        const int extra = argumentBytes(ai);
        if (extra < 0)
            return Status::Invalid;
        if (m_pos + 1 + extra > data.size())
            return Status::NeedMore;
        const quint64 argument = ai < 24 ? quint64(ai) : readArgument(data.data() + m_pos + 1, extra);
        m_pos += 1 + extra;
        const bool indefinite = ai == 31;
        if (m_stack.size() >= size_t(kMaxDepth) && (major >= 2 && major <= 6))
            return Status::Invalid;
        bool done = false;
        switch (major) {
        case 0:
        case 1:
            if (indefinite)
                return Status::Invalid;
            done = itemDone();
            break;
        case 2:
        case 3:
            if (indefinite) {
                m_stack.push_back({-1});
                break;
            }
            if (argument > quint64(maxStringBytes))
                return Status::Invalid;
            m_stringLeft = qint64(argument);
            if (m_stringLeft == 0)
                done = itemDone();
            break;
        case 4:
        case 5: {
            if (indefinite) {
                m_stack.push_back({-1});
                break;
            }
            if (argument > (quint64(1) << 40))
                return Status::Invalid;
            const qint64 count = qint64(argument) * (major == 5 ? 2 : 1);
            if (count == 0)
                done = itemDone();
            else
                m_stack.push_back({count});
            break;
        }
        case 6:
            if (indefinite)
                return Status::Invalid;
            m_stack.push_back({1});
            break;
        default: // 7: simple values, floats, break
            if (indefinite) {
                if (m_stack.empty() || m_stack.back().remaining >= 0)
                    return Status::Invalid;
                m_stack.pop_back();
            }
            done = itemDone();
            break;
        }
        if (done)
            return Status::Complete;
    }
}

namespace {

bool decodeAt(QByteArrayView data, qsizetype *pos, CborValue *out, int depth);

// One header at *pos: major type, argument, whether indefinite.
bool readHead(QByteArrayView data, qsizetype *pos, int *major, quint64 *argument, bool *indefinite, int *ai)
{
    if (*pos >= data.size())
        return false;
    const quint8 initial = quint8(data[*pos]);
    *major = initial >> 5;
    *ai = initial & 31;
    const int extra = argumentBytes(*ai);
    if (extra < 0 || *pos + 1 + extra > data.size())
        return false;
    *argument = *ai < 24 ? quint64(*ai) : readArgument(data.data() + *pos + 1, extra);
    *indefinite = *ai == 31;
    *pos += 1 + extra;
    return true;
}

bool atBreak(QByteArrayView data, qsizetype pos) { return pos < data.size() && quint8(data[pos]) == 0xff; }

bool decodeAt(QByteArrayView data, qsizetype *pos, CborValue *out, int depth)
{
    if (depth > CborScanner::kMaxDepth)
        return false;
    int major, ai;
    quint64 argument;
    bool indefinite;
    if (!readHead(data, pos, &major, &argument, &indefinite, &ai))
        return false;
    switch (major) {
    case 0:
    case 1:
        if (indefinite)
            return false;
        out->type = major == 0 ? CborValue::UInt : CborValue::NegInt;
        out->number = argument;
        return true;
    case 2:
    case 3:
        out->type = major == 2 ? CborValue::Bytes : CborValue::Text;
        if (!indefinite) {
            if (argument > quint64(data.size() - *pos))
                return false;
            out->bytes = data.sliced(*pos, qsizetype(argument)).toByteArray();
            *pos += qsizetype(argument);
            return true;
        }
        while (!atBreak(data, *pos)) {
            CborValue chunk;
            if (!decodeAt(data, pos, &chunk, depth + 1) || chunk.type != out->type)
                return false;
            out->bytes += chunk.bytes;
        }
        ++*pos;
        return true;
    case 4:
    case 5: {
        out->type = major == 4 ? CborValue::Array : CborValue::Map;
        const int per = major == 5 ? 2 : 1;
        if (!indefinite) {
            // Each item takes at least a byte: a count beyond what is left is malformed.
            if (argument > quint64(data.size() - *pos))
                return false;
            out->items.resize(size_t(argument) * per);
            for (CborValue &item : out->items)
                if (!decodeAt(data, pos, &item, depth + 1))
                    return false;
            return true;
        }
        while (!atBreak(data, *pos)) {
            for (int i = 0; i < per; ++i) {
                out->items.emplace_back();
                if (!decodeAt(data, pos, &out->items.back(), depth + 1))
                    return false;
            }
        }
        ++*pos;
        return true;
    }
    case 6:
        if (indefinite)
            return false;
        out->type = CborValue::Tag;
        out->number = argument;
        out->items.resize(1);
        return decodeAt(data, pos, &out->items[0], depth + 1);
    default:
        if (indefinite) // a break where no item may end
            return false;
        if (ai == 25) {
            out->type = CborValue::Float;
            out->real = halfToDouble(quint16(argument));
        } else if (ai == 26) {
            const quint32 bits = quint32(argument);
            float f;
            std::memcpy(&f, &bits, sizeof f);
            out->type = CborValue::Float;
            out->real = f;
        } else if (ai == 27) {
            std::memcpy(&out->real, &argument, sizeof out->real);
            out->type = CborValue::Float;
        } else {
            out->type = CborValue::Simple;
            out->number = argument;
        }
        return true;
    }
}

} // namespace

std::optional<CborValue> decodeCbor(QByteArrayView data, qsizetype *pos)
{
    CborValue v;
    qsizetype p = *pos;
    if (!decodeAt(data, &p, &v, 0))
        return std::nullopt;
    *pos = p;
    return v;
}

std::optional<CborValue> decodeCborItem(QByteArrayView data)
{
    qsizetype pos = 0;
    std::optional<CborValue> v = decodeCbor(data, &pos);
    if (!v || pos != data.size())
        return std::nullopt;
    return v;
}

void CborWriter::head(int major, quint64 argument)
{
    const char type = char(major << 5);
    if (argument < 24) {
        m_out->append(char(type | char(argument)));
        return;
    }
    int bytes = 8;
    char ai = 27;
    if (argument <= 0xff) {
        bytes = 1;
        ai = 24;
    } else if (argument <= 0xffff) {
        bytes = 2;
        ai = 25;
    } else if (argument <= 0xffffffffULL) {
        bytes = 4;
        ai = 26;
    }
    m_out->append(char(type | ai));
    for (int i = bytes - 1; i >= 0; --i)
        m_out->append(char((argument >> (8 * i)) & 0xff));
}

void CborWriter::bytes(QByteArrayView b)
{
    head(2, quint64(b.size()));
    m_out->append(b);
}

void CborWriter::text(QStringView s) { textUtf8(s.toUtf8()); }

void CborWriter::textUtf8(QByteArrayView utf8)
{
    head(3, quint64(utf8.size()));
    m_out->append(utf8);
}

void CborWriter::float64(double d)
{
    quint64 bits;
    std::memcpy(&bits, &d, sizeof bits);
    m_out->append(char(0xfb));
    for (int i = 7; i >= 0; --i)
        m_out->append(char((bits >> (8 * i)) & 0xff));
}

void CborWriter::value(const CborValue &v)
{
    switch (v.type) {
    case CborValue::UInt: uint(v.number); break;
    case CborValue::NegInt: negint(v.number); break;
    case CborValue::Bytes: bytes(v.bytes); break;
    case CborValue::Text: textUtf8(v.bytes); break;
    case CborValue::Array:
        arrayHeader(v.items.size());
        for (const CborValue &i : v.items)
            value(i);
        break;
    case CborValue::Map:
        mapHeader(v.items.size() / 2);
        for (const CborValue &i : v.items)
            value(i);
        break;
    case CborValue::Tag:
        tag(v.number);
        for (const CborValue &i : v.items)
            value(i);
        break;
    case CborValue::Simple:
        if (v.number < 24)
            m_out->append(char(0xe0 | char(v.number)));
        else {
            m_out->append(char(0xf8));
            m_out->append(char(v.number));
        }
        break;
    case CborValue::Float: float64(v.real); break;
    }
}

} // namespace dd::daxwire
