// Number: DynamoDB's exact decimal. Parsing follows the grammar real DynamoDB
// accepts (a Java BigDecimal literal without whitespace: "+5", ".5", "5.",
// "1e3", "1E+3"); range and digit checks and their messages follow AWS as
// reproduced by dynalite (validations/index.js, checkNum).
#include "model/number.h"

#include <algorithm>
#include <limits>

namespace dd::model {

namespace {

ApiError notNumeric(QStringView text)
{
    // An empty value gets the message without the ": <value>" suffix.
    if (text.isEmpty())
        return ApiError::validation(QStringLiteral("The parameter cannot be converted to a numeric value"));
    return ApiError::validation(QStringLiteral("The parameter cannot be converted to a numeric value: ") + text.toString());
}

ApiError overflow()
{
    return ApiError::validation(QStringLiteral("Number overflow. Attempting to store a number with magnitude larger than supported range"));
}

ApiError underflow()
{
    return ApiError::validation(QStringLiteral("Number underflow. Attempting to store a number with magnitude smaller than supported range"));
}

ApiError tooManyDigits()
{
    return ApiError::validation(QStringLiteral("Attempting to store more than 38 significant digits in a Number"));
}

bool isDigit(QChar c) { return c >= u'0' && c <= u'9'; }

// Compares two digit strings read as 0.d1d2d3... (no trailing zeros needed).
int compareFractions(const QByteArray &a, const QByteArray &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    const int c = n ? memcmp(a.constData(), b.constData(), size_t(n)) : 0;
    if (c != 0)
        return c < 0 ? -1 : 1;
    if (a.size() == b.size())
        return 0;
    return a.size() < b.size() ? -1 : 1;
}

} // namespace

Result<Number> Number::parse(QByteArrayView latin1)
{
    // Numbers are short: widen on the stack (a longer text is rare and still exact).
    if (latin1.size() > 64)
        return parse(QString::fromLatin1(latin1));
    char16_t buf[64];
    for (qsizetype i = 0; i < latin1.size(); ++i)
        buf[i] = char16_t(uchar(latin1[i]));
    return parse(QStringView(buf, latin1.size()));
}

Result<Number> Number::parse(QStringView text)
{
    const qsizetype len = text.size();
    qsizetype i = 0;
    bool negative = false;
    if (i < len && (text[i] == u'+' || text[i] == u'-')) {
        negative = text[i] == u'-';
        ++i;
    }

    QByteArray digits;           // significant digits, leading zeros skipped
    bool sawDigit = false;
    bool sawPoint = false;
    qint64 intDigits = 0;       // digits (after leading zeros) before the point
    qint64 leadingFracZeros = 0; // zeros after the point before the first significant digit
    for (; i < len; ++i) {
        const QChar c = text[i];
        if (isDigit(c)) {
            sawDigit = true;
            if (digits.isEmpty() && c == u'0') {
                if (sawPoint)
                    ++leadingFracZeros;
                continue;
            }
            digits.append(char(c.unicode()));
            if (!sawPoint)
                ++intDigits;
        } else if (c == u'.' && !sawPoint) {
            sawPoint = true;
        } else {
            break;
        }
    }
    if (!sawDigit)
        return notNumeric(text);

    qint64 exp = 0;
    if (i < len && (text[i] == u'e' || text[i] == u'E')) {
        ++i;
        bool expNegative = false;
        if (i < len && (text[i] == u'+' || text[i] == u'-')) {
            expNegative = text[i] == u'-';
            ++i;
        }
        if (i >= len || !isDigit(text[i]))
            return notNumeric(text);
        for (; i < len && isDigit(text[i]); ++i)
            exp = std::min<qint64>(exp * 10 + (text[i].unicode() - u'0'), qint64(1) << 40); // saturate; far outside the range
        if (expNegative)
            exp = -exp;
    }
    if (i != len)
        return notNumeric(text);

    while (!digits.isEmpty() && digits.back() == '0')
        digits.chop(1);
    Number n;
    if (digits.isEmpty())
        return n; // zero, whatever its sign or exponent

    const qint64 pointShift = intDigits > 0 ? intDigits : -leadingFracZeros;
    const qint64 e = pointShift + exp; // value = 0.digits * 10^e
    const qint64 sci = e - 1;
    if (sci > kMaxExponent)
        return overflow();
    if (sci < kMinExponent)
        return underflow();
    n.m_negative = negative;
    n.m_exponent = int(e);
    n.m_digits = std::move(digits);
    // Range is checked before the digit count, the order dynalite reproduces.
    if (n.m_digits.size() > kMaxSignificantDigits)
        return tooManyDigits();
    return n;
}

QString Number::toString() const
{
    QByteArray out;
    appendText(out);
    return QString::fromLatin1(out);
}

void Number::appendText(QByteArray &out) const
{
    if (isZero()) {
        out.append('0');
        return;
    }
    const int n = int(m_digits.size());
    if (m_negative)
        out.append('-');
    if (m_exponent <= 0) {
        out.append("0.", 2);
        out.append(qsizetype(-m_exponent), '0');
        out.append(m_digits);
    } else if (m_exponent >= n) {
        out.append(m_digits);
        out.append(qsizetype(m_exponent - n), '0');
    } else {
        out.append(m_digits.constData(), m_exponent);
        out.append('.');
        out.append(m_digits.constData() + m_exponent, n - m_exponent);
    }
}

int Number::compare(const Number &other) const
{
    const int signA = isZero() ? 0 : (m_negative ? -1 : 1);
    const int signB = other.isZero() ? 0 : (other.m_negative ? -1 : 1);
    if (signA != signB)
        return signA < signB ? -1 : 1;
    if (signA == 0)
        return 0;
    int mag;
    if (m_exponent != other.m_exponent)
        mag = m_exponent < other.m_exponent ? -1 : 1;
    else
        mag = compareFractions(m_digits, other.m_digits);
    return signA < 0 ? -mag : mag;
}

Result<Number> Number::add(const Number &a, const Number &b) { return addSigned(a, b, false); }
Result<Number> Number::subtract(const Number &a, const Number &b) { return addSigned(a, b, true); }

Result<Number> Number::addSigned(const Number &a, const Number &b, bool negateB)
{
    if (b.isZero())
        return a;
    if (a.isZero()) {
        Number r = b;
        r.m_negative = b.m_negative != negateB;
        return r;
    }
    const bool negA = a.m_negative;
    const bool negB = b.m_negative != negateB;

    // Each magnitude is its digits as an integer times 10^(exponent - digits);
    // align both on the lower of those powers, little-endian.
    const int lowA = a.m_exponent - int(a.m_digits.size());
    const int lowB = b.m_exponent - int(b.m_digits.size());
    const int low = std::min(lowA, lowB);
    const size_t width = size_t(std::max(a.m_exponent, b.m_exponent) - low) + 1;
    auto aligned = [low, width](const Number &n, int nLow) {
        std::vector<int> v(width, 0);
        const qsizetype count = n.m_digits.size();
        for (qsizetype i = 0; i < count; ++i)
            v[size_t(nLow - low) + size_t(count - 1 - i)] = n.m_digits[i] - '0';
        return v;
    };
    const std::vector<int> x = aligned(a, lowA);
    const std::vector<int> y = aligned(b, lowB);

    std::vector<int> r(width, 0);
    bool negative;
    if (negA == negB) {
        int carry = 0;
        for (size_t i = 0; i < width; ++i) {
            const int s = x[i] + y[i] + carry;
            r[i] = s % 10;
            carry = s / 10;
        }
        negative = negA;
    } else {
        int cmp = 0;
        for (size_t i = width; i-- > 0;) {
            if (x[i] != y[i]) {
                cmp = x[i] < y[i] ? -1 : 1;
                break;
            }
        }
        if (cmp == 0)
            return Number();
        const std::vector<int> &big = cmp > 0 ? x : y;
        const std::vector<int> &small = cmp > 0 ? y : x;
        int borrow = 0;
        for (size_t i = 0; i < width; ++i) {
            int d = big[i] - small[i] - borrow;
            borrow = d < 0 ? 1 : 0;
            r[i] = d < 0 ? d + 10 : d;
        }
        negative = cmp > 0 ? negA : negB;
    }

    size_t top = width;
    while (top > 0 && r[top - 1] == 0)
        --top;
    size_t bottom = 0;
    while (bottom < top && r[bottom] == 0)
        ++bottom;
    Number out;
    out.m_negative = negative;
    out.m_exponent = low + int(top);
    out.m_digits.reserve(qsizetype(top - bottom));
    for (size_t i = top; i-- > bottom;)
        out.m_digits.append(char('0' + r[i]));
    const int sci = out.m_exponent - 1;
    if (sci > kMaxExponent)
        return overflow();
    if (sci < kMinExponent)
        return underflow();
    if (out.m_digits.size() > kMaxSignificantDigits)
        return tooManyDigits();
    return out;
}

QByteArray Number::orderedKey() const
{
    // Layout: a class byte (0x01 negative, 0x02 zero, 0x03 positive), then for
    // non-zero numbers an exponent byte and base-100 digit pairs each stored as
    // 1..100, closed by a terminator (0x00) so a shorter fraction sorts first.
    // Negative numbers invert the exponent and pair bytes and close with 0xFF,
    // which reverses the order. The terminators make the key self-delimiting.
    if (isZero())
        return QByteArray(1, char(0x02));
    QByteArray out;
    const qsizetype n = m_digits.size();
    out.reserve(3 + (n + 1) / 2);
    out.append(char(m_negative ? 0x01 : 0x03));
    const int e = m_exponent + 129; // m_exponent is in [-129, 126]
    out.append(char(quint8(m_negative ? 255 - e : e)));
    for (qsizetype i = 0; i < n; i += 2) {
        const int hi = m_digits[i] - '0';
        const int lo = i + 1 < n ? m_digits[i + 1] - '0' : 0;
        const int pair = hi * 10 + lo + 1;
        out.append(char(quint8(m_negative ? 101 - pair : pair)));
    }
    out.append(char(m_negative ? 0xFF : 0x00));
    return out;
}

int Number::storageSize() const
{
    // dynalite's calibration of AWS's size (db/index.js, valSize 'N'): digits
    // are stored in base-100 pairs aligned on the exponent, plus a byte for the
    // exponent and one for a negative sign.
    if (isZero())
        return 1;
    const int n = int(m_digits.size());
    const int sci = m_exponent - 1;
    return 1 + (n + 1) / 2 + ((n % 2 != 0 || sci % 2 != 0) ? 0 : 1) + (m_negative ? 1 : 0);
}

} // namespace dd::model
