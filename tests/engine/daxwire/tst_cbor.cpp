// CBOR as the DAX protocol frames it: the scanner finds where each
// top-level item ends however the bytes are split (the client's captured
// preamble and requests, split at every byte), refuses what is not CBOR,
// and the decoder and writer agree with RFC 8949's examples.
#include "daxwire/cbor.h"

#include <QTest>

#include <cmath>
#include <functional>

using dd::daxwire::CborScanner;
using dd::daxwire::CborValue;
using dd::daxwire::CborWriter;

namespace {

QByteArray hex(const char *h) { return QByteArray::fromHex(QByteArray(h)); }

// The number of complete top-level items in `data`, fed `step` bytes at a time.
int countItems(const QByteArray &data, qsizetype step, bool *invalid)
{
    CborScanner scanner;
    QByteArray received;
    int items = 0;
    *invalid = false;
    for (qsizetype i = 0; i < data.size(); i += step) {
        received += data.mid(i, step);
        for (;;) {
            const CborScanner::Status st = scanner.scan(received);
            if (st == CborScanner::Status::Invalid) {
                *invalid = true;
                return items;
            }
            if (st == CborScanner::Status::NeedMore)
                break;
            ++items;
            scanner.reset(scanner.position());
        }
    }
    return items;
}

QByteArray written(const std::function<void(CborWriter &)> &f)
{
    QByteArray out;
    CborWriter w(&out);
    f(w);
    return out;
}

} // namespace

class TestCbor : public QObject {
    Q_OBJECT
private slots:
    void scannerCountsItemsHoweverSplit_data();
    void scannerCountsItemsHoweverSplit();
    void scannerRefusesMalformed_data();
    void scannerRefusesMalformed();
    void decodesCapturedGetItem();
    void decodesFloatsAndIndefiniteItems();
    void decoderRefusesTruncatedAndTrailing();
    void writerUsesShortestHeaders();
    void writerRoundTrips();
};

void TestCbor::scannerCountsItemsHoweverSplit_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("items");
    // The JS client's connection preamble: magic, 0, session id, header map, 0.
    QTest::newRow("preamble") << hex("674a37796e65354700""50d316128e10c616227a61204fbe7cdcb7"
                                     "a169557365724167656e74734461784a535633436c69656e742d332e312e3000")
                              << 5;
    // getItem("Music", key, {}): service, method, table, key, an empty indefinite kwargs map.
    QTest::newRow("getItem") << hex("011a0fb0cc6a454d757369634461415331bfff") << 5;
    // batchWriteItem with a put and a delete.
    QTest::newRow("batchWriteItem") << hex("011a06ed585fa1654d7573696384436143584306617844614254""30f6bfff") << 4;
    // Nested indefinite items and tags.
    QTest::newRow("nested") << hex("9f9fbf616101ffff5f42010243030405ffd90cf98261786179ff") << 1;
    QTest::newRow("many small") << hex("000102f4f5f6f7fb3ff8000000000000f93c00") << 9;
}

void TestCbor::scannerCountsItemsHoweverSplit()
{
    QFETCH(QByteArray, data);
    QFETCH(int, items);
    for (qsizetype step = 1; step <= data.size(); ++step) {
        bool invalid = false;
        QCOMPARE(countItems(data, step, &invalid), items);
        QVERIFY(!invalid);
    }
}

void TestCbor::scannerRefusesMalformed_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("reserved additional info") << hex("1c");
    QTest::newRow("break at top level") << hex("ff");
    QTest::newRow("break in a definite array") << hex("8201ff");
    QTest::newRow("indefinite integer") << hex("1f");
    QTest::newRow("indefinite tag") << hex("df");
    QTest::newRow("too deep") << QByteArray(CborScanner::kMaxDepth + 1, char(0x81));
}

void TestCbor::scannerRefusesMalformed()
{
    QFETCH(QByteArray, data);
    bool invalid = false;
    countItems(data, data.size(), &invalid);
    QVERIFY(invalid);
}

void TestCbor::decodesCapturedGetItem()
{
    const QByteArray data = hex("011a0fb0cc6a454d757369634461415331bfff");
    qsizetype pos = 0;
    const auto service = dd::daxwire::decodeCbor(data, &pos);
    const auto method = dd::daxwire::decodeCbor(data, &pos);
    const auto table = dd::daxwire::decodeCbor(data, &pos);
    const auto key = dd::daxwire::decodeCbor(data, &pos);
    const auto kwargs = dd::daxwire::decodeCbor(data, &pos);
    QVERIFY(service && method && table && key && kwargs);
    QCOMPARE(pos, data.size());
    QCOMPARE(service->toInt64(), 1);
    QCOMPARE(method->toInt64(), 263244906);
    QCOMPARE(table->type, CborValue::Bytes);
    QCOMPARE(table->bytes, QByteArray("Music"));
    QCOMPARE(key->bytes, hex("61415331"));
    QCOMPARE(kwargs->type, CborValue::Map);
    QCOMPARE(kwargs->mapSize(), 0);
}

void TestCbor::decodesFloatsAndIndefiniteItems()
{
    QCOMPARE(dd::daxwire::decodeCborItem(hex("f93c00"))->real, 1.0);    // half
    QCOMPARE(dd::daxwire::decodeCborItem(hex("f9c400"))->real, -4.0);   // half
    QCOMPARE(dd::daxwire::decodeCborItem(hex("f90001"))->real, 5.960464477539063e-8); // half subnormal
    QCOMPARE(dd::daxwire::decodeCborItem(hex("fa47c35000"))->real, 100000.0); // single
    QCOMPARE(dd::daxwire::decodeCborItem(hex("fb3ff199999999999a"))->real, 1.1); // double
    QVERIFY(std::isinf(dd::daxwire::decodeCborItem(hex("f97c00"))->real));

    const auto text = dd::daxwire::decodeCborItem(hex("7f657374726561646d696e67ff"));
    QCOMPARE(text->type, CborValue::Text);
    QCOMPARE(text->text(), QStringLiteral("streaming"));
    const auto map = dd::daxwire::decodeCborItem(hex("bf61610161629f0203ffff"));
    QCOMPARE(map->type, CborValue::Map);
    QCOMPARE(map->mapSize(), 2);
    QCOMPARE(map->mapKey(1).text(), QStringLiteral("b"));
    QCOMPARE(map->mapValue(1).items.size(), size_t(2));
    const auto big = dd::daxwire::decodeCborItem(hex("3bffffffffffffffff")); // -2^64
    QCOMPARE(big->type, CborValue::NegInt);
    QVERIFY(!big->toInt64());
    const auto tagged = dd::daxwire::decodeCborItem(hex("d90cfc03"));
    QVERIFY(tagged->isTag(3324));
    QCOMPARE(tagged->items[0].toInt64(), 3);
}

void TestCbor::decoderRefusesTruncatedAndTrailing()
{
    QVERIFY(!dd::daxwire::decodeCborItem(hex("830102")));
    QVERIFY(!dd::daxwire::decodeCborItem(hex("8301020304"))); // trailing
    QVERIFY(!dd::daxwire::decodeCborItem(hex("8301")));
    QVERIFY(!dd::daxwire::decodeCborItem(hex("43aabb")));
    QVERIFY(!dd::daxwire::decodeCborItem(hex("7f61614100ff"))); // a byte string chunk in a text
    QVERIFY(!dd::daxwire::decodeCborItem(hex("9a7fffffff")));  // a count beyond the bytes
}

void TestCbor::writerUsesShortestHeaders()
{
    QCOMPARE(written([](CborWriter &w) { w.uint(23); }), hex("17"));
    QCOMPARE(written([](CborWriter &w) { w.uint(24); }), hex("1818"));
    QCOMPARE(written([](CborWriter &w) { w.uint(256); }), hex("190100"));
    QCOMPARE(written([](CborWriter &w) { w.uint(1000000); }), hex("1a000f4240"));
    QCOMPARE(written([](CborWriter &w) { w.uint(1000000000000ULL); }), hex("1b000000e8d4a51000"));
    QCOMPARE(written([](CborWriter &w) { w.integer(-1); }), hex("20"));
    QCOMPARE(written([](CborWriter &w) { w.integer(-1000); }), hex("3903e7"));
    QCOMPARE(written([](CborWriter &w) { w.integer(std::numeric_limits<qint64>::min()); }), hex("3b7fffffffffffffff"));
    QCOMPARE(written([](CborWriter &w) { w.text(QStringLiteral("\u00fc")); }), hex("62c3bc"));
    QCOMPARE(written([](CborWriter &w) { w.tag(3321); w.arrayHeader(0); }), hex("d90cf980"));
    QCOMPARE(written([](CborWriter &w) { w.beginIndefiniteMap(); w.endIndefinite(); }), hex("bfff"));
    QCOMPARE(written([](CborWriter &w) { w.float64(1.5); }), hex("fb3ff8000000000000"));
}

void TestCbor::writerRoundTrips()
{
    const QByteArray data = hex("a3016161820203d90cfa820102636b6579f5");
    const auto v = dd::daxwire::decodeCborItem(data);
    QVERIFY(v);
    QCOMPARE(written([&](CborWriter &w) { w.value(*v); }), data);
}

QTEST_APPLESS_MAIN(TestCbor)
#include "tst_cbor.moc"
