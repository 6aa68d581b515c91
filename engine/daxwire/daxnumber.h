// Numbers on the DAX wire. DynamoDB numbers are exact decimals; the DAX
// clients send them as CBOR integers, bignums (tags 2 and 3), decimal
// fractions (tag 4: [exponent, mantissa]) or, when JavaScript's own
// rendering of a double gives the user's text back, as floats. The server
// answers with integers and decimal fractions only: never floats, which the
// Go client cannot read and which would not be exact.
// The order-preserving LexDecimal form (Tupl/Cojen's KeyEncoder) carries a
// numeric sort key inside key bytes.
// Threads: plain functions and value types.
#pragma once

#include "daxwire/cbor.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace dd::daxwire {

// value = (negative ? -1 : 1) * digits * 10^exponent
struct Decimal {
    bool negative = false;
    QByteArray digits; // ASCII digits, no leading zeros; empty for zero
    int exponent = 0;

    bool isZero() const { return digits.isEmpty(); }
    // DynamoDB number text: an optional sign, digits with an optional point,
    // an optional exponent. Nothing for anything else, or an exponent beyond
    // a million (DynamoDB's own range is -130..125).
    static std::optional<Decimal> parse(QStringView text);
    // Moves trailing zeros of `digits` into the exponent.
    void normalize();
    // Plain decimal text ("-12.5", "42", "0.001", "0"), E notation only
    // beyond 200 zeros.
    QString text() const;
};

// The DynamoDB number text of a CBOR number; nothing when `v` is not a
// number, is NaN or infinite, or is larger than DAX numbers can be.
std::optional<QString> numberText(const CborValue &v);
// True when `v` has a number's CBOR type (integer, float, tag 2, 3 or 4).
bool isCborNumber(const CborValue &v);
// Writes DynamoDB number `text` for the DAX clients: an integer up to
// 2^53-1 as a CBOR integer, a larger one as tag 4 [0, bignum], anything
// else as tag 4 [exponent, mantissa]. False (nothing written) if `text` is
// not a number.
bool writeNumber(CborWriter &w, QStringView text);

// Big-endian unsigned magnitude <-> decimal digits ("" for zero), for bignums.
QByteArray decimalToMagnitude(QByteArrayView digits);
QByteArray magnitudeToDecimal(QByteArrayView magnitude);

namespace lexdecimal {
// The LexDecimal bytes of `d`, its digits as they are: like the JS client,
// "1000000" keeps its zeros (another encoding of the same number, which
// decodes the same).
QByteArray encode(const Decimal &d);
// The number at the start of `data` and the bytes it took (*used); nothing
// if malformed or a null marker.
std::optional<Decimal> decode(QByteArrayView data, qsizetype *used);
} // namespace lexdecimal

} // namespace dd::daxwire
