// Number: an exact DynamoDB number. Up to 38 significant decimal digits, a
// magnitude between 1E-130 and 9.9999999999999999999999999999999999999E+125,
// positive, negative or zero; never a binary double.
//
// Value type, cheap to copy; safe to use from any thread.
#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QString>

namespace dd::model {

class Number {
public:
    // DynamoDB's limits (Developer Guide, "Supported data types": Number).
    static constexpr int kMaxSignificantDigits = 38;
    static constexpr int kMinExponent = -130; // smallest positive magnitude 1E-130
    static constexpr int kMaxExponent = 125;  // largest magnitude under 1E+126

    Number() = default; // zero

    // Parses DynamoDB's number syntax: an optional sign, digits with an
    // optional point (".5" and "5." too), an optional exponent ("1e3",
    // "1E+3"); no whitespace, no "NaN"/"Infinity". Range is checked before
    // the digit count.
    // On failure returns a ValidationException whose message is AWS's
    // ("The parameter cannot be converted to a numeric value: abc",
    //  "Attempting to store more than 38 significant digits in a Number",
    //  "Number overflow. Attempting to store a number with magnitude larger than supported range",
    //  "Number underflow. Attempting to store a number with magnitude smaller than supported range").
    static Result<Number> parse(QStringView text);
    // The same for Latin-1 bytes (the request and stored-JSON readers' text).
    static Result<Number> parse(QByteArrayView latin1);

    // Canonical text, as DynamoDB returns it: no leading zeros, no trailing
    // fractional zeros, plain notation ("01.50" -> "1.5", "1E3" -> "1000", "-0" -> "0").
    QString toString() const;
    // Appends toString()'s text (ASCII) to out without a QString round trip.
    void appendText(QByteArray &out) const;

    bool isZero() const { return m_digits.isEmpty(); }
    bool isNegative() const { return m_negative; }
    int significantDigits() const { return int(m_digits.size()); }

    // Exact arithmetic; a result outside the range or over 38 digits is a
    // ValidationException with AWS's message, as for parse().
    static Result<Number> add(const Number &a, const Number &b);
    static Result<Number> subtract(const Number &a, const Number &b);

    int compare(const Number &other) const; // <0, 0, >0 by numeric value
    bool operator==(const Number &o) const { return compare(o) == 0; }
    bool operator<(const Number &o) const { return compare(o) < 0; }

    // Bytes whose memcmp order is numeric order; used for keys in storage.
    // Self-delimiting (no encoding is a prefix of another). Written to disk:
    // the layout is documented in number.cpp and must not change.
    QByteArray orderedKey() const;

    // Approximate stored size by DynamoDB's rule: 1 byte per two significant
    // digits plus 1 byte. Refined as dynalite measured it: the digit pairs are
    // aligned on the exponent (one more byte when an even digit count starts
    // on an even exponent) and a negative number takes one more byte; zero is 1.
    int storageSize() const;

private:
    static Result<Number> addSigned(const Number &a, const Number &b, bool negateB);

    bool m_negative = false;
    QByteArray m_digits;   // significant digits '1'..'9' first, no trailing zeros; empty for zero
    int m_exponent = 0;    // value = 0.d1d2d3... * 10^m_exponent (scientific exponent + 1)
};

} // namespace dd::model
