// Numbers on the DAX wire: what the clients send (integers, bignums,
// decimal fractions, floats) becomes DynamoDB number text; what the server
// sends is an integer up to 2^53-1 or a decimal fraction, never a float;
// LexDecimal range keys match the JS client's bytes (captured) and sort as
// the numbers do.
#include "daxwire/daxnumber.h"
#include "model/number.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using dd::daxwire::CborWriter;
using dd::daxwire::Decimal;
namespace lexdecimal = dd::daxwire::lexdecimal;

namespace {

QByteArray hex(const char *h) { return QByteArray::fromHex(QByteArray(h)); }

QByteArray numberBytes(const QString &text)
{
    QByteArray out;
    CborWriter w(&out);
    if (!dd::daxwire::writeNumber(w, text))
        return QByteArrayLiteral("invalid");
    return out;
}

Decimal decimal(const char *text)
{
    std::optional<Decimal> d = Decimal::parse(QString::fromLatin1(text));
    if (!d)
        qFatal("bad test number %s", text);
    d->normalize();
    return *d;
}

dd::model::Number number(const Decimal &d) { return dd::model::Number::parse(d.text()).value(); }

} // namespace

class TestDaxNumber : public QObject {
    Q_OBJECT
private slots:
    void writesNumbers_data();
    void writesNumbers();
    void readsNumbers_data();
    void readsNumbers();
    void parsesDecimals();
    void magnitudes();
    void lexDecimalMatchesClient_data();
    void lexDecimalMatchesClient();
    void lexDecimalRoundTripsInOrder();
    void lexDecimalRefusesMalformed();
};

void TestDaxNumber::writesNumbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("cbor");
    QTest::newRow("zero") << QStringLiteral("0") << hex("00");
    QTest::newRow("negative zero") << QStringLiteral("-0.00") << hex("00");
    QTest::newRow("42") << QStringLiteral("42") << hex("182a");
    QTest::newRow("-1") << QStringLiteral("-1") << hex("20");
    QTest::newRow("exponent form integer") << QStringLiteral("1E3") << hex("1903e8");
    QTest::newRow("max safe") << QStringLiteral("9007199254740991") << hex("1b001fffffffffffff");
    QTest::newRow("min safe") << QStringLiteral("-9007199254740991") << hex("3b001ffffffffffffe");
    // Beyond 2^53-1: a decimal fraction [0, bignum], read back with every digit.
    QTest::newRow("2^53") << QStringLiteral("9007199254740992") << hex("c48200c24720000000000000");
    QTest::newRow("-2^53") << QStringLiteral("-9007199254740992") << hex("c48200c3471fffffffffffff");
    QTest::newRow("1E+30") << QStringLiteral("1E+30") << hex("c48200c24d0c9f2c9cd04674edea40000000");
    QTest::newRow("30 digits") << QStringLiteral("123456789012345678901234567890") << hex("c48200c24d018ee90ff6c373e0ee4e3f0ad2");
    QTest::newRow("1.5") << QStringLiteral("1.5") << hex("c482200f");
    QTest::newRow("1.50 (trailing zero)") << QStringLiteral("1.50") << hex("c482200f");
    QTest::newRow("-12.5") << QStringLiteral("-12.5") << hex("c48220387c");
    QTest::newRow("1E-7") << QStringLiteral("0.0000001") << hex("c4822601");
    QTest::newRow("not a number") << QStringLiteral("1.2.3") << QByteArray("invalid");
    QTest::newRow("empty") << QString() << QByteArray("invalid");
}

void TestDaxNumber::writesNumbers()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, cbor);
    QCOMPARE(numberBytes(text).toHex(), cbor.toHex());
}

void TestDaxNumber::readsNumbers_data()
{
    QTest::addColumn<QByteArray>("cbor");
    QTest::addColumn<QString>("text"); // empty: not a number
    QTest::newRow("uint") << hex("182a") << QStringLiteral("42");
    QTest::newRow("uint64 max") << hex("1bffffffffffffffff") << QStringLiteral("18446744073709551615");
    QTest::newRow("-2^64") << hex("3bffffffffffffffff") << QStringLiteral("-18446744073709551616");
    QTest::newRow("bignum 2^64") << hex("c249010000000000000000") << QStringLiteral("18446744073709551616");
    QTest::newRow("negative bignum") << hex("c349010000000000000000") << QStringLiteral("-18446744073709551617");
    QTest::newRow("decimal [-2, 1430]") << hex("c48221190596") << QStringLiteral("14.30");
    QTest::newRow("decimal [30, 1]") << hex("c482181e01") << QStringLiteral("1000000000000000000000000000000");
    QTest::newRow("decimal with bignum mantissa") << hex("c48200c24720000000000000") << QStringLiteral("9007199254740992");
    QTest::newRow("decimal zero") << hex("c4822500") << QStringLiteral("0");
    // The JS client sends "1.5", "0.1" and "1e-7" as doubles; the shortest text reads back the same.
    QTest::newRow("double 1.5") << hex("fb3ff8000000000000") << QStringLiteral("1.5");
    QTest::newRow("double 0.1") << hex("fb3fb999999999999a") << QStringLiteral("0.1");
    QTest::newRow("double 1e-7") << hex("fb3e7ad7f29abcaf48") << QStringLiteral("0.0000001");
    QTest::newRow("half 1") << hex("f93c00") << QStringLiteral("1");
    QTest::newRow("NaN") << hex("fb7ff8000000000000") << QString();
    QTest::newRow("infinity") << hex("f97c00") << QString();
    QTest::newRow("text") << hex("6131") << QString();
    QTest::newRow("decimal of text") << hex("c482006131") << QString();
}

void TestDaxNumber::readsNumbers()
{
    QFETCH(QByteArray, cbor);
    QFETCH(QString, text);
    const auto v = dd::daxwire::decodeCborItem(cbor);
    QVERIFY(v);
    const std::optional<QString> got = dd::daxwire::numberText(*v);
    QCOMPARE(got.value_or(QString()), text);
    if (!text.isEmpty()) // and the engine reads it
        QVERIFY(dd::model::Number::parse(text).ok());
}

void TestDaxNumber::parsesDecimals()
{
    QCOMPARE(decimal("-012.500").text(), QStringLiteral("-12.5"));
    QCOMPARE(decimal(".5").text(), QStringLiteral("0.5"));
    QCOMPARE(decimal("5.").text(), QStringLiteral("5"));
    QCOMPARE(decimal("1.5e+3").text(), QStringLiteral("1500"));
    QCOMPARE(decimal("-0.0012e-2").text(), QStringLiteral("-0.000012"));
    QCOMPARE(decimal("0.000").text(), QStringLiteral("0"));
    QCOMPARE(decimal("1e-300").text(), QStringLiteral("1E-300"));
    QCOMPARE(Decimal::parse(u"1.50")->text(), QStringLiteral("1.50")); // as given, until normalized
    QVERIFY(!Decimal::parse(u"1e"));
    QVERIFY(!Decimal::parse(u"-"));
    QVERIFY(!Decimal::parse(u"1e99999999"));
    QVERIFY(!Decimal::parse(u"NaN"));
}

void TestDaxNumber::magnitudes()
{
    QCOMPARE(dd::daxwire::decimalToMagnitude("18446744073709551616").toHex(), QByteArray("010000000000000000"));
    QCOMPARE(dd::daxwire::magnitudeToDecimal(hex("010000000000000000")), QByteArray("18446744073709551616"));
    QCOMPARE(dd::daxwire::magnitudeToDecimal(hex("0000ff")), QByteArray("255"));
    QCOMPARE(dd::daxwire::magnitudeToDecimal(QByteArray()), QByteArray());
    QCOMPARE(dd::daxwire::decimalToMagnitude(""), QByteArray());
}

void TestDaxNumber::lexDecimalMatchesClient_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("bytes");
    // Captured from @amazon-dax-sdk/client-dax 3.1.0 (range keys of a Nums(h S, n N) table).
    QTest::newRow("-12.5") << QStringLiteral("-12.5") << hex("3dddbfd0");
    QTest::newRow("0") << QStringLiteral("0") << hex("80");
    QTest::newRow("0.001") << QStringLiteral("0.001") << hex("be1c0000");
    QTest::newRow("7") << QStringLiteral("7") << hex("c1b20000");
    QTest::newRow("1000000") << QStringLiteral("1000000") << hex("c71c00c03000");
    QTest::newRow("30 digits") << QStringLiteral("123456789012345678901234567890") << hex("de21dd4c8418596b2e44f690f86008");
}

void TestDaxNumber::lexDecimalMatchesClient()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, bytes);
    const std::optional<Decimal> d = Decimal::parse(text);
    QVERIFY(d);
    QCOMPARE(lexdecimal::encode(*d).toHex(), bytes.toHex());
    qsizetype used = 0;
    const std::optional<Decimal> back = lexdecimal::decode(bytes, &used);
    QVERIFY(back);
    QCOMPARE(used, bytes.size());
    QCOMPARE(back->text(), text);
}

void TestDaxNumber::lexDecimalRoundTripsInOrder()
{
    QRandomGenerator rng(20261127);
    std::vector<Decimal> values;
    for (const char *edge : {"1E-130", "-1E-130", "9.9999999999999999999999999999999999999E+125", "-9.9999999999999999999999999999999999999E+125",
                             "1E61", "1E62", "1E-61", "1E-62", "-1E61", "-1E62", "-1E-61", "-1E-62", "0", "1", "-1", "999", "1000", "-999"})
        values.push_back(decimal(edge));
    for (int i = 0; i < 2000; ++i) {
        QString s = rng.bounded(2) ? QStringLiteral("-") : QString();
        const int digits = rng.bounded(1, 39);
        s += QChar(u'1' + rng.bounded(9));
        for (int k = 1; k < digits; ++k)
            s += QChar(u'0' + rng.bounded(10));
        s += u'E' + QString::number(rng.bounded(-130, 88));
        std::optional<Decimal> d = Decimal::parse(s);
        QVERIFY(d);
        d->normalize();
        values.push_back(*d);
    }
    std::vector<std::pair<QByteArray, Decimal>> encoded;
    for (const Decimal &d : values) {
        const QByteArray bytes = lexdecimal::encode(d);
        qsizetype used = 0;
        const std::optional<Decimal> back = lexdecimal::decode(bytes + QByteArray("tail"), &used);
        QVERIFY2(back && used == bytes.size(), qPrintable(d.text()));
        QCOMPARE(back->text(), d.text());
        encoded.emplace_back(bytes, d);
    }
    std::sort(encoded.begin(), encoded.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (size_t i = 1; i < encoded.size(); ++i)
        QVERIFY2(number(encoded[i - 1].second).compare(number(encoded[i].second)) <= 0,
                 qPrintable(encoded[i - 1].second.text() + QStringLiteral(" sorts before ") + encoded[i].second.text()));
}

void TestDaxNumber::lexDecimalRefusesMalformed()
{
    qsizetype used = 0;
    QVERIFY(!lexdecimal::decode(QByteArray(), &used));
    QVERIFY(!lexdecimal::decode(hex("ff"), &used));     // null marker
    QVERIFY(!lexdecimal::decode(hex("c1b2"), &used));   // no terminator
    QVERIFY(!lexdecimal::decode(hex("fe00"), &used));   // extended exponent cut short
    QVERIFY(!lexdecimal::decode(hex("c10000"), &used)); // terminator before any digit
}

QTEST_APPLESS_MAIN(TestDaxNumber)
#include "tst_daxnumber.moc"
