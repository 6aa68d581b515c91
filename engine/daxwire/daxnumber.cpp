#include "daxwire/daxnumber.h"

#include <charconv>
#include <cmath>

namespace dd::daxwire {

namespace {

constexpr quint64 kMaxSafeInteger = (quint64(1) << 53) - 1; // JavaScript's Number.MAX_SAFE_INTEGER
constexpr int kMaxExponent = 1000000;
constexpr qsizetype kMaxBignumBytes = 256; // far beyond DynamoDB's 38 digits; more is refused
constexpr int kMaxDigits = 1000;
constexpr int kMaxPlainZeros = 200; // zeros written out before E notation takes over (DynamoDB's range needs 130)

QByteArray stripLeadingZeros(QByteArray digits)
{
    qsizetype i = 0;
    while (i < digits.size() && digits[i] == '0')
        ++i;
    return digits.mid(i);
}

// digits + 1, on decimal digit strings ("" is zero).
QByteArray incremented(QByteArray digits)
{
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        if (digits[i] != '9') {
            ++digits[i];
            return digits;
        }
        digits[i] = '0';
    }
    return '1' + digits;
}

// digits - 1, digits >= 1.
QByteArray decremented(QByteArray digits)
{
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        if (digits[i] != '0') {
            --digits[i];
            break;
        }
        digits[i] = '9';
    }
    return stripLeadingZeros(digits);
}

std::optional<quint64> smallValue(QByteArrayView digits)
{
    if (digits.size() > 19)
        return std::nullopt;
    quint64 v = 0;
    for (char c : digits)
        v = v * 10 + quint64(c - '0');
    return v;
}

// A signed integer with the given magnitude digits: a CBOR integer up to
// 2^53-1, otherwise a bignum (tag 2, or tag 3 holding |v|-1).
void writeInteger(CborWriter &w, bool negative, const QByteArray &digits)
{
    if (const std::optional<quint64> v = smallValue(digits); v && *v <= kMaxSafeInteger) {
        if (negative && *v > 0)
            w.negint(*v - 1);
        else
            w.uint(*v);
        return;
    }
    w.tag(negative ? 3 : 2);
    w.bytes(decimalToMagnitude(negative ? decremented(digits) : digits));
}

// The magnitude digits and sign of a CBOR integer or bignum.
bool integerOf(const CborValue &v, bool *negative, QByteArray *digits)
{
    if (v.type == CborValue::UInt || v.type == CborValue::NegInt) {
        *negative = v.type == CborValue::NegInt;
        const QByteArray n = v.number == 0 ? QByteArray() : QByteArray::number(v.number);
        *digits = *negative ? incremented(n) : n;
        return true;
    }
    if (v.isTag(2) || v.isTag(3)) {
        const CborValue &m = v.items[0];
        if (m.type != CborValue::Bytes || m.bytes.size() > kMaxBignumBytes)
            return false;
        *negative = v.number == 3;
        const QByteArray n = magnitudeToDecimal(m.bytes);
        *digits = *negative ? incremented(n) : n;
        return true;
    }
    return false;
}

} // namespace

std::optional<Decimal> Decimal::parse(QStringView text)
{
    Decimal d;
    qsizetype i = 0;
    if (i < text.size() && (text[i] == u'-' || text[i] == u'+')) {
        d.negative = text[i] == u'-';
        ++i;
    }
    QByteArray digits;
    int fractionDigits = 0;
    bool point = false;
    bool any = false;
    for (; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c >= u'0' && c <= u'9') {
            digits.append(char(c.unicode()));
            any = true;
            if (point)
                ++fractionDigits;
        } else if (c == u'.' && !point) {
            point = true;
        } else {
            break;
        }
    }
    if (!any || digits.size() > kMaxDigits)
        return std::nullopt;
    qint64 exponent = 0;
    if (i < text.size()) {
        if (text[i] != u'e' && text[i] != u'E')
            return std::nullopt;
        bool ok = false;
        exponent = text.sliced(i + 1).toLongLong(&ok);
        if (!ok || exponent > kMaxExponent || exponent < -kMaxExponent)
            return std::nullopt;
    }
    d.digits = stripLeadingZeros(digits);
    d.exponent = int(exponent - fractionDigits);
    if (d.digits.isEmpty()) {
        d.negative = false;
        d.exponent = 0;
    }
    return d;
}

void Decimal::normalize()
{
    qsizetype n = digits.size();
    while (n > 0 && digits[n - 1] == '0')
        --n;
    exponent += int(digits.size() - n);
    digits.truncate(n);
    if (digits.isEmpty()) {
        negative = false;
        exponent = 0;
    }
}

QString Decimal::text() const
{
    if (digits.isEmpty())
        return QStringLiteral("0");
    QByteArray s = negative ? QByteArray("-") : QByteArray();
    if (exponent > kMaxPlainZeros || -exponent > digits.size() + kMaxPlainZeros) {
        s += digits + 'E' + QByteArray::number(exponent);
    } else if (exponent >= 0) {
        s += digits + QByteArray(exponent, '0');
    } else if (-exponent < digits.size()) {
        s += digits.left(digits.size() + exponent) + '.' + digits.right(-exponent);
    } else {
        s += "0." + QByteArray(-exponent - digits.size(), '0') + digits;
    }
    return QString::fromLatin1(s);
}

QByteArray decimalToMagnitude(QByteArrayView digits)
{
    QByteArray out; // big-endian, grown at the front
    for (char c : digits) {
        int carry = c - '0';
        for (qsizetype i = out.size() - 1; i >= 0; --i) {
            const int v = quint8(out[i]) * 10 + carry;
            out[i] = char(v & 0xff);
            carry = v >> 8;
        }
        while (carry > 0) {
            out.prepend(char(carry & 0xff));
            carry >>= 8;
        }
    }
    return out;
}

QByteArray magnitudeToDecimal(QByteArrayView magnitude)
{
    QByteArray n = magnitude.toByteArray();
    qsizetype start = 0;
    QByteArray reversed;
    for (;;) {
        while (start < n.size() && n[start] == 0)
            ++start;
        if (start == n.size())
            break;
        int remainder = 0;
        for (qsizetype i = start; i < n.size(); ++i) {
            const int v = remainder * 256 + quint8(n[i]);
            n[i] = char(v / 10);
            remainder = v % 10;
        }
        reversed.append(char('0' + remainder));
    }
    std::reverse(reversed.begin(), reversed.end());
    return reversed;
}

bool isCborNumber(const CborValue &v)
{
    return v.isInteger() || v.type == CborValue::Float || v.isTag(2) || v.isTag(3) || v.isTag(4);
}

std::optional<QString> numberText(const CborValue &v)
{
    if (v.type == CborValue::Float) {
        if (!std::isfinite(v.real))
            return std::nullopt;
        char buffer[64];
        // The shortest text that reads back as the same double: the text the
        // JS client started from ("1.5", "0.1", "1e-7").
        const auto r = std::to_chars(buffer, buffer + sizeof buffer, v.real);
        const std::optional<Decimal> d = Decimal::parse(QString::fromLatin1(buffer, r.ptr - buffer));
        if (!d)
            return std::nullopt;
        return d->text();
    }
    Decimal d;
    if (integerOf(v, &d.negative, &d.digits))
        return d.text();
    if (v.isTag(4)) {
        const CborValue &pair = v.items[0];
        if (pair.type != CborValue::Array || pair.items.size() != 2)
            return std::nullopt;
        const std::optional<qint64> exponent = pair.items[0].toInt64();
        if (!exponent || *exponent > kMaxExponent || *exponent < -kMaxExponent)
            return std::nullopt;
        if (!integerOf(pair.items[1], &d.negative, &d.digits))
            return std::nullopt;
        d.exponent = int(*exponent);
        if (d.isZero())
            d = Decimal();
        return d.text();
    }
    return std::nullopt;
}

bool writeNumber(CborWriter &w, QStringView text)
{
    std::optional<Decimal> d = Decimal::parse(text);
    if (!d)
        return false;
    d->normalize();
    if (d->isZero()) {
        w.uint(0);
        return true;
    }
    if (d->exponent >= 0) {
        QByteArray all = d->digits;
        if (all.size() + d->exponent > kMaxDigits)
            return false;
        all.append(QByteArray(d->exponent, '0'));
        if (const std::optional<quint64> v = smallValue(all); v && *v <= kMaxSafeInteger) {
            writeInteger(w, d->negative, all);
            return true;
        }
        // A plain bignum would come out of bignumber.js as "1.23e+29": a
        // decimal fraction with exponent 0 keeps every digit.
        w.tag(4);
        w.arrayHeader(2);
        w.uint(0);
        writeInteger(w, d->negative, all);
        return true;
    }
    w.tag(4);
    w.arrayHeader(2);
    w.integer(d->exponent);
    writeInteger(w, d->negative, d->digits);
    return true;
}

namespace lexdecimal {

QByteArray encode(const Decimal &d)
{
    if (d.isZero())
        return QByteArray(1, char(0x80));
    QByteArray out;
    const int precision = int(d.digits.size());
    const qint32 exponent = precision + d.exponent; // the value is 0.d1d2d3... * 10^exponent
    auto appendInt32 = [&out](quint32 v) {
        for (int i = 3; i >= 0; --i)
            out.append(char((v >> (8 * i)) & 0xff));
    };
    if (d.negative) {
        if (exponent >= -0x3e && exponent < 0x3e) {
            out.append(char(0x3f - exponent));
        } else {
            out.append(char(exponent < 0 ? 0x7e : 0x01));
            appendInt32(quint32(exponent) ^ 0x7fffffffU);
        }
    } else {
        if (exponent >= -0x3e && exponent < 0x3e) {
            out.append(char(exponent + 0xc0));
        } else {
            out.append(char(exponent < 0 ? 0x81 : 0xfe));
            appendInt32(quint32(exponent) ^ 0x80000000U);
        }
    }
    // Whole base-1000 digits: pad with zeros, and say in the terminator how
    // many digits of the last one count (0: one, 1: two, 2: three).
    QByteArray padded = d.digits;
    int terminator = 2;
    if (precision % 3 == 1) {
        padded.append("00");
        terminator = 0;
    } else if (precision % 3 == 2) {
        padded.append('0');
        terminator = 1;
    }
    std::vector<int> groups;
    for (qsizetype i = 0; i < padded.size(); i += 3) {
        const int digit = (padded[i] - '0') * 100 + (padded[i + 1] - '0') * 10 + (padded[i + 2] - '0');
        groups.push_back(d.negative ? 1011 - digit : digit + 12);
    }
    groups.push_back(d.negative ? 1023 - terminator : terminator);
    quint32 accum = 0;
    int bits = 0;
    for (int g : groups) {
        accum = (accum << 10) | quint32(g);
        bits += 10;
        while (bits >= 8) {
            bits -= 8;
            out.append(char((accum >> bits) & 0xff));
        }
        accum &= (1U << bits) - 1;
    }
    if (bits > 0)
        out.append(char((accum << (8 - bits)) & 0xff));
    return out;
}

std::optional<Decimal> decode(QByteArrayView data, qsizetype *used)
{
    if (data.isEmpty())
        return std::nullopt;
    qsizetype pos = 0;
    const quint8 header = quint8(data[pos++]);
    auto readInt32 = [&](qint32 *v) {
        if (pos + 4 > data.size())
            return false;
        quint32 u = 0;
        for (int i = 0; i < 4; ++i)
            u = (u << 8) | quint8(data[pos++]);
        *v = qint32(u);
        return true;
    };
    Decimal d;
    qint32 exponent = 0;
    switch (header) {
    case 0x00:
    case 0xff:
        return std::nullopt; // null markers: never a key's value
    case 0x7f:
    case 0x80:
        *used = 1;
        return d;
    case 0x01:
    case 0x7e:
        d.negative = true;
        if (!readInt32(&exponent))
            return std::nullopt;
        exponent ^= 0x7fffffff;
        break;
    case 0x81:
    case 0xfe:
        if (!readInt32(&exponent))
            return std::nullopt;
        exponent = qint32(quint32(exponent) ^ 0x80000000U);
        break;
    default:
        if (header >= 0x82) {
            exponent = header - 0xc0;
        } else {
            d.negative = true;
            exponent = 0x3f - header;
        }
        break;
    }
    if (exponent > kMaxExponent || exponent < -kMaxExponent)
        return std::nullopt;
    QByteArray digits;
    quint32 accum = 0;
    int bits = 0;
    for (;;) {
        if (pos >= data.size() || digits.size() > kMaxDigits)
            return std::nullopt;
        accum = (accum << 8) | quint8(data[pos++]);
        bits += 8;
        if (bits < 10)
            continue;
        bits -= 10;
        const int group = int((accum >> bits) & 0x3ff);
        accum &= (1U << bits) - 1;
        const bool terminator = d.negative ? group > 1011 : group < 12;
        if (!terminator) {
            const int digit = d.negative ? 1011 - group : group - 12;
            if (digit > 999)
                return std::nullopt;
            digits.append(char('0' + digit / 100));
            digits.append(char('0' + digit / 10 % 10));
            digits.append(char('0' + digit % 10));
            continue;
        }
        const int t = d.negative ? 1023 - group : group;
        if (t > 2 || digits.isEmpty())
            return std::nullopt;
        digits.chop(2 - t);
        break;
    }
    *used = pos;
    d.exponent = exponent - int(digits.size());
    d.digits = stripLeadingZeros(digits);
    d.normalize();
    return d;
}

} // namespace lexdecimal

} // namespace dd::daxwire
