// Key encoding: memcmp order of encoded keys equals DynamoDB's order of the
// values (S by UTF-8 bytes, N numerically, B by bytes); the partition hash is
// pinned because it is on disk.
#include "model/keycodec.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace dd::model;

namespace {

int sign(int x) { return x < 0 ? -1 : x > 0 ? 1 : 0; }

int memcmpOrder(const QByteArray &a, const QByteArray &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    const int c = n ? memcmp(a.constData(), b.constData(), size_t(n)) : 0;
    if (c != 0)
        return sign(c);
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

QString randomString(QRandomGenerator &rng)
{
    QString s;
    const int n = rng.bounded(0, 6);
    for (int i = 0; i < n; ++i) {
        switch (rng.bounded(4)) {
        case 0: s += QChar(char16_t(rng.bounded(0x20, 0x80))); break;
        case 1: s += QChar(char16_t(rng.bounded(0x80, 0xD800))); break;
        case 2: s += QChar(char16_t(rng.bounded(0xE000, 0x10000))); break;
        default: {
            const char32_t cp = char32_t(rng.bounded(0x10000, 0x110000));
            s += QString::fromUcs4(&cp, 1);
        }
        }
    }
    return s;
}

} // namespace

class TestKeyCodec : public QObject {
    Q_OBJECT
private slots:
    void stringOrder_data();
    void stringOrder();
    void encodings();
    void propertyStrings();
    void propertyBinaries();
    void propertyNumbers();
    void utf8LengthMatchesToUtf8();
    void partitionHashPinned_data();
    void partitionHashPinned();
    void partitionHashSpreads();
};

void TestKeyCodec::stringOrder_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected");
    QTest::newRow("equal") << QStringLiteral("abc") << QStringLiteral("abc") << 0;
    QTest::newRow("prefix") << QStringLiteral("ab") << QStringLiteral("abc") << -1;
    QTest::newRow("case") << QStringLiteral("B") << QStringLiteral("a") << -1;
    QTest::newRow("empty") << QString() << QStringLiteral("a") << -1;
    // U+FFFD is below U+1F600 in code point (UTF-8) order, though its UTF-16
    // unit is above the surrogate 0xD83D.
    QTest::newRow("surrogate vs BMP") << QString(QChar(0xFFFD)) << QString::fromUtf8("\xF0\x9F\x98\x80") << -1;
    QTest::newRow("E000 vs astral") << QString(QChar(0xE000)) << QString::fromUtf8("\xF0\x90\x80\x80") << -1;
    QTest::newRow("D7FF vs astral") << QString(QChar(0xD7FF)) << QString::fromUtf8("\xF0\x90\x80\x80") << -1;
}

void TestKeyCodec::stringOrder()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);
    QCOMPARE(sign(compareUtf8(a, b)), expected);
    QCOMPARE(sign(compareUtf8(b, a)), -expected);
    QCOMPARE(memcmpOrder(encodeKeyValue(AttributeValue::string(a)), encodeKeyValue(AttributeValue::string(b))), expected);
}

void TestKeyCodec::encodings()
{
    QCOMPARE(encodeKeyValue(AttributeValue::string(QString::fromUtf8("h\xC3\xA9"))), QByteArray("h\xC3\xA9"));
    // ASCII is narrowed directly; a non-ASCII character anywhere takes the UTF-8 encoder.
    QCOMPARE(encodeKeyValue(AttributeValue::string(QStringLiteral("k00001234"))), QByteArray("k00001234"));
    QCOMPARE(encodeKeyValue(AttributeValue::string(QString::fromUtf8("abcdefgh\xE2\x82\xAC"))), QByteArray("abcdefgh\xE2\x82\xAC"));
    QCOMPARE(encodeKeyValue(AttributeValue::string(QString::fromUtf8("\x7F\xC2\x80"))), QByteArray("\x7F\xC2\x80"));
    QCOMPARE(encodeKeyValue(AttributeValue::binary(QByteArray("\x00\xff", 2))), QByteArray("\x00\xff", 2));
    const Number n = Number::parse(u"-12.5").value();
    QCOMPARE(encodeKeyValue(AttributeValue::number(n)), n.orderedKey());
}

void TestKeyCodec::propertyStrings()
{
    QRandomGenerator rng(1234);
    std::vector<QString> values;
    for (int i = 0; i < 4000; ++i)
        values.push_back(randomString(rng));
    for (const QString &v : values)
        QCOMPARE(encodeKeyValue(AttributeValue::string(v)), v.toUtf8());
    for (int i = 0; i < 20000; ++i) {
        const QString &a = values[size_t(rng.bounded(int(values.size())))];
        const QString &b = values[size_t(rng.bounded(int(values.size())))];
        const int expected = memcmpOrder(a.toUtf8(), b.toUtf8()); // DynamoDB: UTF-8 byte order
        QCOMPARE(sign(compareUtf8(a, b)), expected);
        QCOMPARE(memcmpOrder(encodeKeyValue(AttributeValue::string(a)), encodeKeyValue(AttributeValue::string(b))), expected);
    }
    // A string set is sorted in the same order.
    StringSet set(values.begin(), values.begin() + 500);
    const AttributeValue ss = AttributeValue::stringSet(set);
    const StringSet &sorted = ss.asStringSet();
    for (size_t i = 1; i < sorted.size(); ++i)
        QVERIFY(memcmpOrder(sorted[i - 1].toUtf8(), sorted[i].toUtf8()) < 0);
}

void TestKeyCodec::propertyBinaries()
{
    QRandomGenerator rng(99);
    std::vector<QByteArray> values;
    for (int i = 0; i < 4000; ++i) {
        QByteArray b;
        for (int k = rng.bounded(0, 5); k > 0; --k)
            b.append(char(rng.bounded(4) == 0 ? (rng.bounded(2) ? 0x00 : 0xff) : rng.bounded(256)));
        values.push_back(b);
    }
    for (int i = 0; i < 20000; ++i) {
        const QByteArray &a = values[size_t(rng.bounded(int(values.size())))];
        const QByteArray &b = values[size_t(rng.bounded(int(values.size())))];
        QCOMPARE(memcmpOrder(encodeKeyValue(AttributeValue::binary(a)), encodeKeyValue(AttributeValue::binary(b))), memcmpOrder(a, b));
    }
    const AttributeValue bs = AttributeValue::binarySet(BinarySet(values.begin(), values.begin() + 500));
    for (size_t i = 1; i < bs.asBinarySet().size(); ++i)
        QVERIFY(memcmpOrder(bs.asBinarySet()[i - 1], bs.asBinarySet()[i]) < 0);
}

void TestKeyCodec::propertyNumbers()
{
    QRandomGenerator rng(31337);
    std::vector<Number> values;
    for (int i = 0; i < 4000; ++i) {
        QString s = rng.bounded(2) ? QStringLiteral("-") : QString();
        const int digits = rng.bounded(1, 39);
        for (int k = 0; k < digits; ++k)
            s += QChar(u'0' + rng.bounded(10));
        s += QStringLiteral("e") + QString::number(rng.bounded(3) ? rng.bounded(-5, 5) : rng.bounded(-90, 88));
        const auto n = Number::parse(s);
        QVERIFY2(n.ok(), qPrintable(s));
        values.push_back(n.value());
    }
    for (int i = 0; i < 20000; ++i) {
        const Number &a = values[size_t(rng.bounded(int(values.size())))];
        const Number &b = values[size_t(rng.bounded(int(values.size())))];
        QCOMPARE(memcmpOrder(encodeKeyValue(AttributeValue::number(a)), encodeKeyValue(AttributeValue::number(b))), sign(a.compare(b)));
    }
    const AttributeValue ns = AttributeValue::numberSet(NumberSet(values.begin(), values.begin() + 500));
    for (size_t i = 1; i < ns.asNumberSet().size(); ++i)
        QVERIFY(ns.asNumberSet()[i - 1] < ns.asNumberSet()[i]);
}

void TestKeyCodec::utf8LengthMatchesToUtf8()
{
    QRandomGenerator rng(5);
    for (int i = 0; i < 3000; ++i) {
        const QString s = randomString(rng);
        QCOMPARE(utf8Length(s), s.toUtf8().size());
    }
    const QString lone = QString(QChar(0xD800)) + u'a' + QChar(0xDC00);
    QCOMPARE(utf8Length(lone), lone.toUtf8().size());
    QCOMPARE(lone.toUtf8(), QByteArray("?a?"));
}

void TestKeyCodec::partitionHashPinned_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<quint32>("hash");
    // Pinned: the hash orders Scan and is stored on disk. Never change these.
    QTest::newRow("empty") << QByteArray() << quint32(0xab3e7c0bu);
    QTest::newRow("a") << QByteArray("a") << quint32(0x1a80b1b3u);
    QTest::newRow("user#1") << QByteArray("user#1") << quint32(0x0813867fu);
    QTest::newRow("binary") << QByteArray("\x00\x01\xff", 3) << quint32(0xf949bebeu);
}

void TestKeyCodec::partitionHashPinned()
{
    QFETCH(QByteArray, key);
    QFETCH(quint32, hash);
    QCOMPARE(QString::number(partitionHash(key), 16), QString::number(hash, 16));
}

void TestKeyCodec::partitionHashSpreads()
{
    // Sequential keys must land in every one of 16 parallel-scan segments.
    int buckets[16] = {};
    for (int i = 0; i < 4096; ++i)
        ++buckets[partitionHash(QByteArray("key") + QByteArray::number(i)) >> 28];
    for (int b : buckets)
        QVERIFY2(b > 4096 / 16 / 2 && b < 4096 / 16 * 2, qPrintable(QString::number(b)));
    QSet<quint32> seen;
    for (int i = 0; i < 10000; ++i)
        seen.insert(partitionHash(QByteArray::number(i)));
    QVERIFY(seen.size() > 9990);
}

QTEST_APPLESS_MAIN(TestKeyCodec)
#include "tst_keycodec.moc"
