// Values, keys and items on the DAX wire, against bytes captured from the
// JS client: key bytes by key schema (raw S and B, a CBOR number for an N
// hash, LexDecimal for an N range), item values behind attribute-list ids
// (names in UTF-16 order, key attributes left out), compound keys as
// indefinite maps, every attribute type both ways.
#include "daxwire/attributecodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace dd::daxwire;

namespace {

QByteArray hex(const char *h) { return QByteArray::fromHex(QByteArray(h)); }
// JSON written with single quotes, for readable literals.
QByteArray j(const char *text) { return QByteArray(text).replace('\'', '"'); }
QJsonObject json(const char *text) { return QJsonDocument::fromJson(j(text)).object(); }
QString q(const char *s) { return QString::fromUtf8(s); }

KeySchema schema(const char *hashName, const char *hashType, const char *rangeName = "", const char *rangeType = "")
{
    return {q(hashName), q(hashType), q(rangeName), q(rangeType)};
}

} // namespace

class TestAttributeCodec : public QObject {
    Q_OBJECT
private slots:
    void keys_data();
    void keys();
    void keyFromClientFloat();
    void keyErrors();
    void itemValueFromClient();
    void itemValueLeavesKeysOutInUtf16Order();
    void unknownListId();
    void listIdsAreStableAndDistinct();
    void listsPersist();
    void compoundKeyIsIndefiniteMap();
    void attributeValuesRoundTrip_data();
    void attributeValuesRoundTrip();
    void attributeValueErrors();
};

void TestAttributeCodec::keys_data()
{
    QTest::addColumn<KeySchema>("keySchema");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("bytes");
    // Captured from @amazon-dax-sdk/client-dax 3.1.0.
    QTest::newRow("S hash, S range") << schema("Artist", "S", "SongTitle", "S") << j("{'Artist': {'S': 'A'}, 'SongTitle': {'S': 'S1'}}")
                                      << hex("61415331");
    QTest::newRow("N hash") << schema("id", "N") << j("{'id': {'N': '42'}}") << hex("182a");
    QTest::newRow("S hash, N range") << schema("h", "S", "n", "N") << j("{'h': {'S': 'k'}, 'n': {'N': '-12.5'}}")
                                      << hex("616b3dddbfd0");
    QTest::newRow("S hash") << schema("pk", "S") << j("{'pk': {'S': 'caf\\u00e9'}}") << QByteArray("caf\xc3\xa9");
    QTest::newRow("B hash") << schema("pk", "B") << j("{'pk': {'B': 'AQI='}}") << hex("0102");
    QTest::newRow("B hash, B range") << schema("h", "B", "r", "B") << j("{'h': {'B': 'AQI='}, 'r': {'B': 'AwQ='}}")
                                      << hex("4201020304");
    QTest::newRow("N hash, S range") << schema("h", "N", "r", "S") << j("{'h': {'N': '1.5'}, 'r': {'S': 'x'}}")
                                      << hex("c482200f78");
    QTest::newRow("N hash, N range") << schema("h", "N", "r", "N") << j("{'h': {'N': '-1'}, 'r': {'N': '0'}}")
                                      << hex("2080");
}

void TestAttributeCodec::keys()
{
    QFETCH(KeySchema, keySchema);
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, bytes);
    const QJsonObject k = QJsonDocument::fromJson(key).object();
    const auto encoded = encodeKey(keySchema, k);
    QVERIFY(encoded.ok());
    QCOMPARE(encoded->toHex(), bytes.toHex());
    const auto decoded = decodeKey(keySchema, bytes);
    QVERIFY(decoded.ok());
    QCOMPARE(*decoded, k);
}

void TestAttributeCodec::keyFromClientFloat()
{
    // The JS client sends "1.5" as a double, in a hash key too.
    const auto decoded = decodeKey(schema("id", "N"), hex("fb3ff8000000000000"));
    QVERIFY(decoded.ok());
    QCOMPARE(*decoded, json("{'id': {'N': '1.5'}}"));
}

void TestAttributeCodec::keyErrors()
{
    QCOMPARE(decodeKey(schema("h", "S", "r", "S"), hex("1801")).error().type(), QStringLiteral("ValidationException")); // hash not text
    QVERIFY(!decodeKey(schema("id", "N"), hex("6131")).ok());          // not a number
    QVERIFY(!decodeKey(schema("id", "N"), hex("182a00")).ok());        // trailing bytes
    QVERIFY(!decodeKey(schema("h", "S", "n", "N"), hex("616bc1b2")).ok()); // LexDecimal cut short
    QVERIFY(!encodeKey(schema("pk", "S"), json("{'other': {'S': 'x'}}")).ok());
    QVERIFY(!encodeKey(schema("pk", "S"), json("{'pk': {'N': '1'}}")).ok());
}

void TestAttributeCodec::itemValueFromClient()
{
    AttributeLists lists;
    const qint64 id = lists.idFor({q("Info"), q("Price"), q("Tags"), q("Year")});
    // Captured (the client's list id was 2): Info, Price, Tags, Year.
    QByteArray bytes;
    CborWriter(&bytes).uint(quint64(id));
    bytes += hex("a161618301f5f6fb3ff8000000000000d90cf982617861791907cf");
    const auto item = decodeItemValue(lists, bytes);
    QVERIFY2(item.ok(), qPrintable(item.ok() ? QString() : item.error().message()));
    QCOMPARE(*item, json("{'Info': {'M': {'a': {'L': [{'N': '1'}, {'BOOL': true}, {'NULL': true}]}}},"
                             "'Price': {'N': '1.5'}, 'Tags': {'SS': ['x', 'y']}, 'Year': {'N': '1999'}}"));
    // An item of key attributes only is the empty list, id 1.
    const auto empty = decodeItemValue(lists, hex("01"));
    QVERIFY(empty.ok());
    QVERIFY(empty->isEmpty());
}

void TestAttributeCodec::itemValueLeavesKeysOutInUtf16Order()
{
    AttributeLists lists;
    const KeySchema keys = schema("pk", "S", "sk", "N");
    // U+1F600 is a surrogate pair (D83D DE00) in UTF-16, before U+FF21; "Z" before "a".
    const QJsonObject item{{q("pk"), json("{'S': 'p'}")},        {q("sk"), json("{'N': '1'}")},
                           {q("a"), json("{'S': 'lower'}")},     {q("Z"), json("{'S': 'upper'}")},
                           {q("\xef\xbc\xa1"), json("{'N': '2'}")}, {q("\xf0\x9f\x98\x80"), json("{'BOOL': false}")}};
    const auto bytes = encodeItemValue(lists, item, &keys);
    QVERIFY(bytes.ok());
    qsizetype pos = 0;
    const qint64 id = *decodeCbor(*bytes, &pos)->toInt64();
    QCOMPARE(lists.namesOf(id), QStringList({q("Z"), q("a"), q("\xf0\x9f\x98\x80"), q("\xef\xbc\xa1")}));
    QCOMPARE(id, lists.idFor({q("Z"), q("a"), q("\xf0\x9f\x98\x80"), q("\xef\xbc\xa1")}));
    const auto back = decodeItemValue(lists, *bytes);
    QVERIFY(back.ok());
    QCOMPARE(back->size(), 4);
    QCOMPARE(back->value(q("Z")).toObject(), json("{'S': 'upper'}"));
    QVERIFY(!back->contains(q("pk")));
    // Only key attributes: the empty list.
    const auto keyOnly = encodeItemValue(lists, QJsonObject{{q("pk"), json("{'S': 'p'}")}, {q("sk"), json("{'N': '1'}")}}, &keys);
    QCOMPARE(keyOnly->toHex(), QByteArray("01"));
}

void TestAttributeCodec::unknownListId()
{
    AttributeLists lists;
    const auto item = decodeItemValue(lists, hex("1a12345678f5"));
    QVERIFY(!item.ok());
    QCOMPARE(item.error().type(), QStringLiteral("ValidationException"));
    QVERIFY(item.error().message().contains(QStringLiteral("Unknown attribute list id 305419896")));
    lists.idFor({q("a")});
    QVERIFY(!decodeItemValue(lists, [&] { QByteArray b; CborWriter(&b).uint(quint64(lists.idFor({q("a")}))); return b; }()).ok()); // too few values
}

void TestAttributeCodec::listIdsAreStableAndDistinct()
{
    AttributeLists one, other;
    const QStringList names{q("a"), q("b")};
    QCOMPARE(one.idFor(names), other.idFor(names)); // the same in every process
    QCOMPARE(one.idFor(names), AttributeLists::hashId(names));
    QVERIFY(one.idFor({q("ab")}) != one.idFor(names));
    QVERIFY(one.idFor({q("b"), q("a")}) != one.idFor(names)); // an ordered list, not a set
    QCOMPARE(one.idFor({}), AttributeLists::kEmptyListId);
    QVERIFY(one.idFor(names) < (qint64(1) << 53));
    QVERIFY(one.idFor(names) > 1);
    QCOMPARE(one.namesOf(one.idFor(names)), names);
}

void TestAttributeCodec::listsPersist()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(q("lists.jsonl"));
    qint64 ab, c;
    {
        AttributeLists lists;
        QString error;
        QVERIFY(lists.persistTo(path, &error));
        ab = lists.idFor({q("a"), q("b")});
        c = lists.idFor({q("c \"quoted\"")});
        lists.idFor({q("a"), q("b")}); // known: not written again
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll().count('\n'), 2);
    f.close();
    QVERIFY(f.open(QIODevice::Append));
    f.write("[\"cut sho"); // a write cut short
    f.close();
    AttributeLists again;
    QString error;
    QVERIFY(again.persistTo(path, &error));
    QCOMPARE(again.namesOf(ab), QStringList({q("a"), q("b")}));
    QCOMPARE(again.namesOf(c), QStringList({q("c \"quoted\"")}));
    const qint64 d = again.idFor({q("d")});
    AttributeLists third;
    QVERIFY(third.persistTo(path, &error));
    QCOMPARE(third.namesOf(d), QStringList({q("d")}));
    QVERIFY(!AttributeLists().persistTo(dir.filePath(q("no/such/dir/lists")), &error));
    QVERIFY(!error.isEmpty());
}

void TestAttributeCodec::compoundKeyIsIndefiniteMap()
{
    const QJsonObject key = json("{'pk': {'S': 'a'}, 'gsiKey': {'N': '7'}}");
    const auto bytes = encodeCompoundKey(key);
    QVERIFY(bytes.ok());
    QCOMPARE(quint8(bytes->front()), quint8(0xbf)); // the Go client refuses a definite map
    QCOMPARE(quint8(bytes->back()), quint8(0xff));
    const auto back = decodeCompoundKey(*bytes);
    QVERIFY(back.ok());
    QCOMPARE(*back, key);
}

void TestAttributeCodec::attributeValuesRoundTrip_data()
{
    QTest::addColumn<QByteArray>("av");
    QTest::addColumn<QByteArray>("cbor");
    QTest::newRow("S") << j("{'S': 'hi'}") << hex("626869");
    QTest::newRow("N") << j("{'N': '1999'}") << hex("1907cf");
    QTest::newRow("B") << j("{'B': 'AQI='}") << hex("420102");
    QTest::newRow("BOOL") << j("{'BOOL': true}") << hex("f5");
    QTest::newRow("NULL") << j("{'NULL': true}") << hex("f6");
    QTest::newRow("SS") << j("{'SS': ['x', 'y']}") << hex("d90cf98261786179");
    QTest::newRow("NS") << j("{'NS': ['1', '2.5']}") << hex("d90cfa8201c482201819");
    QTest::newRow("BS") << j("{'BS': ['AQ==']}") << hex("d90cfb814101");
    QTest::newRow("L") << j("{'L': [{'S': 'a'}, {'L': []}]}") << hex("82616180");
    QTest::newRow("M") << j("{'M': {'a': {'M': {}}}}") << hex("a16161a0");
}

void TestAttributeCodec::attributeValuesRoundTrip()
{
    QFETCH(QByteArray, av);
    QFETCH(QByteArray, cbor);
    const QJsonObject value = QJsonDocument::fromJson(av).object();
    QByteArray out;
    CborWriter w(&out);
    QVERIFY(writeAttributeValue(w, value).ok());
    QCOMPARE(out.toHex(), cbor.toHex());
    const auto back = attributeValueOf(*decodeCborItem(cbor));
    QVERIFY(back.ok());
    QCOMPARE(*back, value);
}

void TestAttributeCodec::attributeValueErrors()
{
    QVERIFY(!attributeValueOf(*decodeCborItem(hex("a10101"))).ok());          // a map key that is not text
    QVERIFY(!attributeValueOf(*decodeCborItem(hex("d90cf9820102"))).ok());    // a number in a string set
    QVERIFY(!attributeValueOf(*decodeCborItem(hex("d86401"))).ok());          // an unknown tag
    QVERIFY(!attributeValueOf(*decodeCborItem(hex("fb7ff8000000000000"))).ok()); // NaN
    QByteArray out;
    CborWriter w(&out);
    QVERIFY(!writeAttributeValue(w, json("{'N': 'abc'}")).ok());
    QVERIFY(!writeAttributeValue(w, json("{'X': '1'}")).ok());
    QVERIFY(!writeAttributeValue(w, json("{'B': 'not base64!'}")).ok());
}

QTEST_APPLESS_MAIN(TestAttributeCodec)
#include "tst_attributecodec.moc"
