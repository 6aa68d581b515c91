// Number: DynamoDB's number syntax, canonical text, range and digit limits
// with AWS's messages, exact arithmetic, ordering and the ordered key.
#include "model/number.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using dd::model::Number;

namespace {

const QString kNotNumeric = QStringLiteral("The parameter cannot be converted to a numeric value");
const QString kTooManyDigits = QStringLiteral("Attempting to store more than 38 significant digits in a Number");
const QString kOverflow = QStringLiteral("Number overflow. Attempting to store a number with magnitude larger than supported range");
const QString kUnderflow = QStringLiteral("Number underflow. Attempting to store a number with magnitude smaller than supported range");

Number num(const QString &s)
{
    auto r = Number::parse(s);
    if (!r)
        qFatal("bad test number %s", qPrintable(s));
    return r.value();
}

Number num(const char *s) { return num(QString::fromUtf8(s)); }

int sign(int x) { return x < 0 ? -1 : x > 0 ? 1 : 0; }

int memcmpOrder(const QByteArray &a, const QByteArray &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    const int c = n ? memcmp(a.constData(), b.constData(), size_t(n)) : 0;
    if (c != 0)
        return sign(c);
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

QString randomNumberText(QRandomGenerator &rng)
{
    const int digits = rng.bounded(1, 39);
    QString s;
    if (rng.bounded(2))
        s += u'-';
    s += QChar(u'1' + rng.bounded(9));
    for (int i = 1; i < digits; ++i)
        s += QChar(u'0' + rng.bounded(10));
    // Bias exponents towards a narrow band so that many pairs share one.
    const int e = rng.bounded(4) == 0 ? rng.bounded(-130, 126) : rng.bounded(-3, 4);
    s += QStringLiteral("e") + QString::number(e - (digits - 1) + 0);
    return s;
}

} // namespace

class TestNumber : public QObject {
    Q_OBJECT
private slots:
    void parseCanonical_data();
    void parseCanonical();
    void parseErrors_data();
    void parseErrors();
    void compare_data();
    void compare();
    void arithmetic_data();
    void arithmetic();
    void storageSize_data();
    void storageSize();
    void orderedKeyFixed();
    void propertyOrderedKeyMatchesCompare();
    void propertyRoundTripAndArithmetic();
};

void TestNumber::parseCanonical_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");
    QTest::addColumn<int>("digits");
    const QString z129 = QString(129, u'0');
    QTest::newRow("zero") << "0" << "0" << 0;
    QTest::newRow("negative zero") << "-0" << "0" << 0;
    QTest::newRow("plus zero") << "+0" << "0" << 0;
    QTest::newRow("zero fraction") << "0.000" << "0" << 0;
    QTest::newRow("zero huge exponent") << "0e999999" << "0" << 0;
    QTest::newRow("zero tiny exponent") << "-0.0E-999" << "0" << 0;
    QTest::newRow("plus sign") << "+5" << "5" << 1;
    QTest::newRow("plus fraction") << "+1.5" << "1.5" << 2;
    QTest::newRow("leading point") << ".5" << "0.5" << 1;
    QTest::newRow("trailing point") << "5." << "5" << 1;
    QTest::newRow("leading zeros") << "00042" << "42" << 2;
    QTest::newRow("trailing zeros") << "-01.50" << "-1.5" << 2;
    QTest::newRow("1.0") << "1.0" << "1" << 1;
    QTest::newRow("exp lower") << "1e3" << "1000" << 1;
    QTest::newRow("exp upper plus") << "1E+3" << "1000" << 1;
    QTest::newRow("exp plus mantissa") << "+1e2" << "100" << 1;
    QTest::newRow("exp fraction") << "1.5E3" << "1500" << 2;
    QTest::newRow("negative exp") << "1.5e-3" << "0.0015" << 2;
    QTest::newRow("exp zeros") << "1e0003" << "1000" << 1;
    QTest::newRow("point then exp") << "12.e1" << "120" << 2;
    QTest::newRow("fraction zeros") << "0.00120" << "0.0012" << 2;
    QTest::newRow("mixed") << "-123.456" << "-123.456" << 6;
    QTest::newRow("38 digits") << "12345678901234567890123456789012345678"
                               << "12345678901234567890123456789012345678" << 38;
    QTest::newRow("38 digits fraction") << "-1.2345678901234567890123456789012345678"
                                        << "-1.2345678901234567890123456789012345678" << 38;
    QTest::newRow("40 digits 38 significant") << "1234567890123456789012345678901234567800"
                                              << "1234567890123456789012345678901234567800" << 38;
    QTest::newRow("39 digits with leading zero") << "012345678901234567890123456789012345678"
                                                 << "12345678901234567890123456789012345678" << 38;
    QTest::newRow("smallest") << "1E-130" << QStringLiteral("0.") + z129 + u'1' << 1;
    QTest::newRow("smallest negative") << "-1e-130" << QStringLiteral("-0.") + z129 + u'1' << 1;
    QTest::newRow("smallest spelled") << "0.1e-129" << QStringLiteral("0.") + z129 + u'1' << 1;
    QTest::newRow("largest") << "9.9999999999999999999999999999999999999E+125"
                             << QString(38, u'9') + QString(88, u'0') << 38;
    QTest::newRow("largest negative") << "-9.9999999999999999999999999999999999999E+125"
                                      << u'-' + QString(38, u'9') + QString(88, u'0') << 38;
    QTest::newRow("1e125") << "1e125" << u'1' + QString(125, u'0') << 1;
}

void TestNumber::parseCanonical()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    QFETCH(int, digits);
    const auto r = Number::parse(input);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message()));
    QCOMPARE(r->toString(), canonical);
    QCOMPARE(r->significantDigits(), digits);
    QCOMPARE(r->isZero(), digits == 0);
    const auto again = Number::parse(canonical);
    QVERIFY(again.ok());
    QCOMPARE(again->toString(), canonical);
    QVERIFY(*again == *r);
}

void TestNumber::parseErrors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");
    const auto bad = [](const QString &s) { return kNotNumeric + QStringLiteral(": ") + s; };
    QTest::newRow("empty") << "" << kNotNumeric;
    for (const char *s : {"abc", " 5", "5 ", "1 2", "\t1", "1e", "e5", ".", "+", "-", "1.2.3", "1e+", "1e-",
                          "+-1", "--1", "++1", "NaN", "Infinity", "-Infinity", "0x10", "1,5", "1e2.5", "1e2e3",
                          "+e2", "1+2", "1_000", "١"}) {
        QTest::newRow(s) << QString::fromUtf8(s) << bad(QString::fromUtf8(s));
    }
    QTest::newRow("39 digits") << "123456789012345678901234567890123456789" << kTooManyDigits;
    QTest::newRow("39 digits fraction") << "-1.23456789012345678901234567890123456789" << kTooManyDigits;
    QTest::newRow("39 digits tiny") << "1.23456789012345678901234567890123456789e-100" << kTooManyDigits;
    QTest::newRow("1e126") << "1e126" << kOverflow;
    QTest::newRow("-1e126") << "-1E+126" << kOverflow;
    QTest::newRow("10e125") << "10e125" << kOverflow;
    QTest::newRow("0.1e127") << "0.1e127" << kOverflow;
    QTest::newRow("huge exponent") << "1e99999999999999999999" << kOverflow;
    QTest::newRow("1e-131") << "1e-131" << kUnderflow;
    QTest::newRow("-1e-131") << "-1e-131" << kUnderflow;
    QTest::newRow("0.1e-130") << "0.1e-130" << kUnderflow;
    QTest::newRow("tiny exponent") << "1e-99999999999999999999" << kUnderflow;
    // Range is reported before the digit count (dynalite's order).
    QTest::newRow("overflow and 39 digits") << "1.23456789012345678901234567890123456789e200" << kOverflow;
    QTest::newRow("underflow and 39 digits") << "1.23456789012345678901234567890123456789e-200" << kUnderflow;
}

void TestNumber::parseErrors()
{
    QFETCH(QString, input);
    QFETCH(QString, message);
    const auto r = Number::parse(input);
    QVERIFY2(!r.ok(), qPrintable(input));
    QCOMPARE(r.error().type(), QStringLiteral("ValidationException"));
    QCOMPARE(r.error().message(), message);
}

void TestNumber::compare_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected");
    QTest::newRow("equal spelled differently") << "1" << "1.000" << 0;
    QTest::newRow("zero and negative zero") << "0" << "-0" << 0;
    QTest::newRow("one two") << "1" << "2" << -1;
    QTest::newRow("negative below zero") << "-1e-130" << "0" << -1;
    QTest::newRow("positive above zero") << "1e-130" << "0" << 1;
    QTest::newRow("negatives") << "-2" << "-1" << -1;
    QTest::newRow("prefix digits") << "0.12" << "0.123" << -1;
    QTest::newRow("negative prefix digits") << "-0.12" << "-0.123" << 1;
    QTest::newRow("exponent wins") << "9" << "10" << -1;
    QTest::newRow("negative exponent wins") << "-9" << "-10" << 1;
    QTest::newRow("extremes") << "-9.9999999999999999999999999999999999999E+125"
                              << "9.9999999999999999999999999999999999999E+125" << -1;
    QTest::newRow("1e-130 vs 1e-129") << "1e-130" << "1e-129" << -1;
}

void TestNumber::compare()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);
    const Number x = num(a), y = num(b);
    QCOMPARE(sign(x.compare(y)), expected);
    QCOMPARE(sign(y.compare(x)), -expected);
    QCOMPARE(x == y, expected == 0);
    QCOMPARE(x < y, expected < 0);
    QCOMPARE(memcmpOrder(x.orderedKey(), y.orderedKey()), expected);
}

void TestNumber::arithmetic_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("subtract");
    QTest::addColumn<QString>("result"); // canonical text, or the error message
    QTest::addColumn<bool>("ok");
    const QString z129 = QString(129, u'0');
    QTest::newRow("1+2") << "1" << "2" << false << "3" << true;
    QTest::newRow("0.1+0.2 exact") << "0.1" << "0.2" << false << "0.3" << true;
    QTest::newRow("carry") << "999" << "1" << false << "1000" << true;
    QTest::newRow("-5+5") << "-5" << "5" << false << "0" << true;
    QTest::newRow("1-1") << "1" << "1" << true << "0" << true;
    QTest::newRow("0-5") << "0" << "5" << true << "-5" << true;
    QTest::newRow("0+-5") << "0" << "-5" << false << "-5" << true;
    QTest::newRow("5-0") << "5" << "0" << true << "5" << true;
    QTest::newRow("-1.5-2.25") << "-1.5" << "2.25" << true << "-3.75" << true;
    QTest::newRow("2.25-(-1.5)") << "2.25" << "-1.5" << true << "3.75" << true;
    QTest::newRow("borrow") << "1000" << "0.001" << true << "999.999" << true;
    QTest::newRow("sign flip") << "1" << "3" << true << "-2" << true;
    QTest::newRow("large minus small") << "1e20" << "1" << true << "99999999999999999999" << true;
    QTest::newRow("38 nines plus one") << "99999999999999999999999999999999999999" << "1" << false
                                       << "100000000000000000000000000000000000000" << true;
    QTest::newRow("38 digits increment") << "12345678901234567890123456789012345678" << "1" << false
                                         << "12345678901234567890123456789012345679" << true;
    QTest::newRow("39 digits result") << "99999999999999999999999999999999999999" << "0.1" << false
                                      << kTooManyDigits << false;
    QTest::newRow("1e125 + 1") << "1e125" << "1" << false << kTooManyDigits << false;
    QTest::newRow("overflow") << "9.9999999999999999999999999999999999999E+125" << "1E+88" << false
                              << kOverflow << false;
    QTest::newRow("negative overflow") << "-9.9999999999999999999999999999999999999E+125" << "1E+88" << true
                                       << kOverflow << false;
    QTest::newRow("tiny sum") << "1e-130" << "1e-130" << false << QStringLiteral("0.") + z129 + u'2' << true;
    QTest::newRow("tiny difference") << "1.1e-129" << "1e-129" << true << QStringLiteral("0.") + z129 + u'1' << true;
    QTest::newRow("underflow") << "2e-130" << "1.5e-130" << true << kUnderflow << false;
    QTest::newRow("tiny cancels") << "1e-130" << "1e-130" << true << "0" << true;
}

void TestNumber::arithmetic()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, subtract);
    QFETCH(QString, result);
    QFETCH(bool, ok);
    const auto r = subtract ? Number::subtract(num(a), num(b)) : Number::add(num(a), num(b));
    QCOMPARE(r.ok(), ok);
    if (ok) {
        QCOMPARE(r->toString(), result);
    } else {
        QCOMPARE(r.error().type(), QStringLiteral("ValidationException"));
        QCOMPARE(r.error().message(), result);
    }
}

void TestNumber::storageSize_data()
{
    QTest::addColumn<QString>("n");
    QTest::addColumn<int>("size");
    // dynalite: 1 + ceil(digits/2) + (digits odd or exponent odd ? 0 : 1) + (negative ? 1 : 0); zero is 1.
    QTest::newRow("0") << "0" << 1;
    QTest::newRow("1") << "1" << 2;
    QTest::newRow("10") << "10" << 2;
    QTest::newRow("12") << "12" << 2;
    QTest::newRow("1.2") << "1.2" << 3;
    QTest::newRow("-1") << "-1" << 3;
    QTest::newRow("12345") << "12345" << 4;
    QTest::newRow("123456") << "123456" << 4;
    QTest::newRow("1.23456") << "1.23456" << 5;
    QTest::newRow("38 digits") << "12345678901234567890123456789012345678" << 20;
}

void TestNumber::storageSize()
{
    QFETCH(QString, n);
    QFETCH(int, size);
    QCOMPARE(num(n).storageSize(), size);
}

void TestNumber::orderedKeyFixed()
{
    // The key layout is on disk: pin a few encodings.
    QCOMPARE(num("0").orderedKey(), QByteArray::fromHex("02"));
    QCOMPARE(num("1").orderedKey(), QByteArray::fromHex("03820b00"));   // exponent 1+129, pair "10" -> 11
    QCOMPARE(num("-1").orderedKey(), QByteArray::fromHex("017d5aff"));  // inverted: 255-130, 101-11
    QCOMPARE(num("123").orderedKey(), QByteArray::fromHex("03840d1f00"));
}

void TestNumber::propertyOrderedKeyMatchesCompare()
{
    QRandomGenerator rng(20240517);
    std::vector<Number> values;
    for (const char *fixed : {"0", "1e-130", "-1e-130", "9.9999999999999999999999999999999999999E+125",
                              "-9.9999999999999999999999999999999999999E+125", "1", "-1", "10", "-10", "0.1"})
        values.push_back(num(QString::fromLatin1(fixed)));
    for (int i = 0; i < 5000; ++i) {
        const auto r = Number::parse(randomNumberText(rng));
        QVERIFY(r.ok());
        values.push_back(r.value());
    }
    // Random pairs, and neighbours after a sort by key.
    for (int i = 0; i < 20000; ++i) {
        const Number &a = values[size_t(rng.bounded(int(values.size())))];
        const Number &b = values[size_t(rng.bounded(int(values.size())))];
        QCOMPARE(memcmpOrder(a.orderedKey(), b.orderedKey()), sign(a.compare(b)));
    }
    std::vector<QByteArray> keys;
    for (const Number &n : values)
        keys.push_back(n.orderedKey());
    std::vector<size_t> idx(values.size());
    for (size_t i = 0; i < idx.size(); ++i)
        idx[i] = i;
    std::sort(idx.begin(), idx.end(), [&](size_t x, size_t y) { return memcmpOrder(keys[x], keys[y]) < 0; });
    for (size_t i = 1; i < idx.size(); ++i) {
        QVERIFY(values[idx[i - 1]].compare(values[idx[i]]) <= 0);
        // Self-delimiting: a key is never a proper prefix of another.
        const QByteArray &p = keys[idx[i - 1]], &q = keys[idx[i]];
        QVERIFY(p == q || !q.startsWith(p));
    }
}

void TestNumber::propertyRoundTripAndArithmetic()
{
    QRandomGenerator rng(7);
    for (int i = 0; i < 3000; ++i) {
        const QString text = randomNumberText(rng);
        const Number a = num(text);
        const QString canon = a.toString();
        const Number again = num(canon);
        QCOMPARE(again.toString(), canon);
        QVERIFY(again == a);
        QVERIFY(!canon.contains(u'e') && !canon.contains(u'E'));

        const Number b = num(randomNumberText(rng));
        const auto sum = Number::add(a, b);
        const auto sumBack = Number::add(b, a);
        QCOMPARE(sum.ok(), sumBack.ok());
        if (sum.ok()) {
            QVERIFY(*sum == *sumBack);
            const auto diff = Number::subtract(*sum, b);
            if (diff.ok()) {
                QVERIFY2(*diff == a, qPrintable(text));
            }
            if (!b.isZero())
                QCOMPARE(sign(sum->compare(a)), b.isNegative() ? -1 : 1);
        }
        const auto self = Number::subtract(a, a);
        QVERIFY(self.ok() && self->isZero());
    }
}

QTEST_APPLESS_MAIN(TestNumber)
#include "tst_number.moc"
