// DynamoDB JSON <-> AttributeValue: AWS's validation and its exact messages,
// the compact writer, and stored-JSON round trips.
#include "model/json.h"
#include "model/storedjson.h"
#include "model/limits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace dd::model;

namespace {

QJsonValue parseJson(const QString &text)
{
    QJsonParseError err;
    const QJsonDocument d = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + "]", &err);
    if (err.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(text));
    return d.array().at(0);
}

// Wraps a scalar in `levels` nested maps or lists: {"M":{"a":...}}.
QString nested(int levels, bool lists)
{
    QString s = QStringLiteral("{\"S\":\"x\"}");
    for (int i = 0; i < levels; ++i)
        s = lists ? QStringLiteral("{\"L\":[%1]}").arg(s) : QStringLiteral("{\"M\":{\"a\":%1}}").arg(s);
    return s;
}

QString randomString(QRandomGenerator &rng)
{
    QString s;
    const int n = rng.bounded(0, 8);
    for (int i = 0; i < n; ++i) {
        switch (rng.bounded(5)) {
        case 0: s += QChar(char16_t(rng.bounded(0, 0x20))); break;          // controls
        case 1: s += QChar(char16_t(rng.bounded(0x20, 0x80))); break;       // ASCII incl. " and backslash
        case 2: s += QChar(char16_t(rng.bounded(0x80, 0xD800))); break;     // BMP
        case 3: s += QChar(char16_t(rng.bounded(0xE000, 0x10000))); break;  // BMP above surrogates
        default: {
            const char32_t cp = char32_t(rng.bounded(0x10000, 0x110000));
            s += QString::fromUcs4(&cp, 1);
        }
        }
    }
    return s;
}

AttributeValue randomValue(QRandomGenerator &rng, int depth)
{
    const int kind = rng.bounded(depth > 3 ? 8 : 10);
    switch (kind) {
    case 0: return AttributeValue::string(randomString(rng));
    case 1: return AttributeValue::number(Number::parse(QString::number(rng.bounded(-100000, 100000)) + QStringLiteral("e") + QString::number(rng.bounded(-20, 20))).value());
    case 2: {
        QByteArray b;
        for (int i = rng.bounded(0, 6); i > 0; --i)
            b.append(char(rng.bounded(256)));
        return AttributeValue::binary(b);
    }
    case 3: return AttributeValue::boolean(rng.bounded(2));
    case 4: return AttributeValue::null();
    case 5: {
        StringSet s;
        for (int i = rng.bounded(1, 4); i > 0; --i)
            s.push_back(randomString(rng));
        return AttributeValue::stringSet(s);
    }
    case 6: {
        NumberSet s;
        for (int i = rng.bounded(1, 4); i > 0; --i)
            s.push_back(Number::parse(QString::number(rng.bounded(-50, 50)) + QStringLiteral(".5")).value());
        return AttributeValue::numberSet(s);
    }
    case 7: {
        BinarySet s;
        for (int i = rng.bounded(1, 4); i > 0; --i)
            s.push_back(QByteArray(rng.bounded(0, 4), char(rng.bounded(256))));
        return AttributeValue::binarySet(s);
    }
    case 8: {
        AttrList l;
        for (int i = rng.bounded(0, 4); i > 0; --i)
            l.push_back(randomValue(rng, depth + 1));
        return AttributeValue::list(l);
    }
    default: {
        AttrMap m;
        for (int i = rng.bounded(0, 4); i > 0; --i)
            m[randomString(rng)] = randomValue(rng, depth + 1);
        return AttributeValue::map(m);
    }
    }
}

} // namespace

class TestJson : public QObject {
    Q_OBJECT
private slots:
    void rawControlCharacters_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("raw");
        const QByteArray pad(40, 'p'); // past the 16-byte steps
        QTest::newRow("compact") << QByteArray(R"({"TableName":")" + pad + R"(","Item":{"k":{"S":"v"}}})") << false;
        QTest::newRow("pretty, whitespace between tokens") << QByteArray("{\n\t\"TableName\": \"" + pad + "\"\r\n}") << false;
        QTest::newRow("escaped in a string") << QByteArray(R"({"a":"x\n\t\u0001y)" + pad + R"("})") << false;
        QTest::newRow("tab in a string, early") << QByteArray("{\"a\":\"x\ty\"}") << true;
        QTest::newRow("newline in a string, late") << QByteArray("{\"a\":\"" + pad + pad + "\n\"}") << true;
        QTest::newRow("in a name") << QByteArray("{\"" + pad + "\x01\":1}") << true;
        QTest::newRow("after an escaped quote") << QByteArray("{\"a\":\"\\\"\x1f\"}") << true;
        QTest::newRow("after an escaped backslash") << QByteArray("{\"a\":\"\\\\\x02\"}") << true;
        QTest::newRow("after a string, between tokens") << QByteArray("{\"a\":\"\\\\\"\n}") << false;
        QTest::newRow("0x7f and UTF-8 are not control characters") << QByteArray("{\"a\":\"\x7f\xc3\xa9" + pad + "\"}") << false;
    }

    void rawControlCharacters()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, raw);
        QCOMPARE(hasRawControlCharacter(json), raw);
    }

    void parseValid_data();
    void parseValid();
    void parseErrors_data();
    void parseErrors();
    void nestingDepth_data();
    void nestingDepth();
    void itemErrors_data();
    void itemErrors();
    void writeCompact_data();
    void writeCompact();
    void writeJsonStringEscapes_data();
    void writeJsonStringEscapes();
    void writeJsonStringEscapesInLongRuns();
    void propertyRoundTrip();
    void storedJsonRejectsCorrupt();
    void storedNameEquals_data();
    void storedNameEquals();
    void typeNames();
    void setsAreCanonical();
};

void TestJson::parseValid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("written"); // writeAttributeJson of the parsed value
    QTest::newRow("S") << R"({"S":"x"})" << R"({"S":"x"})";
    QTest::newRow("empty S") << R"({"S":""})" << R"({"S":""})";
    QTest::newRow("N canonical") << R"({"N":"-01.50"})" << R"({"N":"-1.5"})";
    QTest::newRow("N plain") << R"({"N":"1E+3"})" << R"({"N":"1000"})";
    QTest::newRow("B") << R"({"B":"YWJj"})" << R"({"B":"YWJj"})";
    QTest::newRow("empty B") << R"({"B":""})" << R"({"B":""})";
    QTest::newRow("B padded") << R"({"B":"Yg=="})" << R"({"B":"Yg=="})";
    QTest::newRow("BOOL") << R"({"BOOL":false})" << R"({"BOOL":false})";
    QTest::newRow("BOOL string") << R"({"BOOL":"yes"})" << R"({"BOOL":true})";
    QTest::newRow("BOOL string false") << R"({"BOOL":"False"})" << R"({"BOOL":false})";
    QTest::newRow("NULL") << R"({"NULL":true})" << R"({"NULL":true})";
    QTest::newRow("NULL string") << R"({"NULL":"TRUE"})" << R"({"NULL":true})";
    QTest::newRow("SS sorted by UTF-8") << R"({"SS":["b","a","\uE000","\uD83D\uDE00"]})"
                                        << QString::fromUtf8(R"({"SS":["a","b",")") + QChar(0xE000) + QStringLiteral("\",\"")
                                               + QString::fromUtf8("\U0001F600") + QStringLiteral("\"]}");
    QTest::newRow("SS with empty member") << R"({"SS":["","a"]})" << R"({"SS":["","a"]})";
    QTest::newRow("NS sorted") << R"({"NS":["10","-1","2.50"]})" << R"({"NS":["-1","2.5","10"]})";
    QTest::newRow("BS sorted") << R"({"BS":["Yw==","YQ==",""]})" << R"({"BS":["","YQ==","Yw=="]})";
    QTest::newRow("L") << R"({"L":[{"S":"a"},{"N":"1"},{"L":[]}]})" << R"({"L":[{"S":"a"},{"N":"1"},{"L":[]}]})";
    QTest::newRow("M") << R"({"M":{"b":{"N":"2"},"a":{"M":{}}}})" << R"({"M":{"a":{"M":{}},"b":{"N":"2"}}})";
    QTest::newRow("unknown member ignored") << R"({"S":"a","X":1})" << R"({"S":"a"})";
    QTest::newRow("null member ignored") << R"({"S":"a","N":null})" << R"({"S":"a"})";
}

void TestJson::parseValid()
{
    QFETCH(QString, input);
    QFETCH(QString, written);
    const auto r = attributeFromJson(parseJson(input));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message()));
    QByteArray out;
    writeAttributeJson(*r, out);
    QCOMPARE(QString::fromUtf8(out), written);
    // The written form parses back to an equal value.
    const auto back = attributeFromJson(QJsonDocument::fromJson(out).object());
    QVERIFY(back.ok());
    QVERIFY(*back == *r);
    QCOMPARE(attributeToJson(*r), QJsonDocument::fromJson(out).object());
}

void TestJson::parseErrors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    const QString V = QStringLiteral("ValidationException");
    const QString S = QStringLiteral("SerializationException");
    const QString invalid = QStringLiteral("One or more parameter values were invalid: ");
    const QString empty = QStringLiteral("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    const QString multi = QStringLiteral("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
    const QString notNumeric = QStringLiteral("The parameter cannot be converted to a numeric value");
    const QString big = QStringLiteral("class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to ");

    QTest::newRow("empty object") << "{}" << V << empty;
    QTest::newRow("only unknown") << R"({"a":""})" << V << empty;
    QTest::newRow("only null") << R"({"S":null})" << V << empty;
    QTest::newRow("null value") << "null" << V << empty;
    QTest::newRow("two types") << R"({"S":"a","N":"1"})" << V << multi;
    QTest::newRow("two types, bad number first") << R"({"S":"a","N":"b"})" << V << notNumeric + QStringLiteral(": b");
    QTest::newRow("empty N") << R"({"N":""})" << V << notNumeric;
    QTest::newRow("bad N") << R"({"N":"abc"})" << V << notNumeric + QStringLiteral(": abc");
    QTest::newRow("N whitespace") << R"({"N":" 1"})" << V << notNumeric + QStringLiteral(":  1");
    QTest::newRow("N overflow") << R"({"N":"1e126"})" << V << QStringLiteral("Number overflow. Attempting to store a number with magnitude larger than supported range");
    QTest::newRow("N underflow") << R"({"N":"1e-131"})" << V << QStringLiteral("Number underflow. Attempting to store a number with magnitude smaller than supported range");
    QTest::newRow("N 39 digits") << R"({"N":"123456789012345678901234567890123456789"})" << V << QStringLiteral("Attempting to store more than 38 significant digits in a Number");
    QTest::newRow("NULL false") << R"({"NULL":false})" << V << invalid + QStringLiteral("Null attribute value types must have the value of true");
    QTest::newRow("empty SS") << R"({"SS":[]})" << V << invalid + QStringLiteral("An string set  may not be empty");
    QTest::newRow("empty NS") << R"({"NS":[]})" << V << invalid + QStringLiteral("An number set  may not be empty");
    QTest::newRow("empty BS") << R"({"BS":[]})" << V << invalid + QStringLiteral("Binary sets should not be empty");
    QTest::newRow("dup SS") << R"({"SS":["a","a"]})" << V << invalid + QStringLiteral("Input collection [a, a] contains duplicates.");
    QTest::newRow("dup SS later") << R"({"SS":["a","b","a"]})" << V << invalid + QStringLiteral("Input collection [a, b, a] contains duplicates.");
    QTest::newRow("dup NS") << R"({"NS":["1","1"]})" << V << QStringLiteral("Input collection contains duplicates");
    QTest::newRow("dup NS by value") << R"({"NS":["1","1.0"]})" << V << QStringLiteral("Input collection contains duplicates");
    QTest::newRow("dup NS exponent") << R"({"NS":["100","1e2"]})" << V << QStringLiteral("Input collection contains duplicates");
    QTest::newRow("NS bad member") << R"({"NS":["1","b"]})" << V << notNumeric + QStringLiteral(": b");
    QTest::newRow("NS empty member") << R"({"NS":["1",""]})" << V << notNumeric;
    QTest::newRow("dup BS") << R"({"BS":["Yg==","Yg=="]})" << V << invalid + QStringLiteral("Input collection [Yg==, Yg==]of type BS contains duplicates.");
    QTest::newRow("bad value inside L") << R"({"L":[{"S":"a"},{}]})" << V << empty;
    QTest::newRow("bad value inside M") << R"({"M":{"a":{"N":"x"}}})" << V << notNumeric + QStringLiteral(": x");

    // Wrong JSON kinds: SerializationException, reported before validation errors.
    QTest::newRow("S number") << R"({"S":1})" << S << big + QStringLiteral("an String");
    QTest::newRow("S bool") << R"({"S":true})" << S << QStringLiteral("class java.lang.Boolean can not be converted to an String");
    QTest::newRow("S list") << R"({"S":[]})" << S << QStringLiteral("Start of list found where not expected");
    QTest::newRow("S map") << R"({"S":{}})" << S << QStringLiteral("Start of structure or map found where not expected.");
    QTest::newRow("N number") << R"({"N":5})" << S << big + QStringLiteral("an String");
    QTest::newRow("B number") << R"({"B":5})" << S << big + QStringLiteral("a Blob");
    QTest::newRow("B bool") << R"({"B":false})" << S << QStringLiteral("class java.lang.Boolean can not be converted to a Blob");
    QTest::newRow("B length") << R"({"B":"abc"})" << S << QStringLiteral("'abc' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 3");
    QTest::newRow("B char") << R"({"B":"ab!d"})" << S << QStringLiteral("'ab!d' can not be converted to a Blob: Invalid Base64 character: '!'");
    QTest::newRow("B inner pad") << R"({"B":"a=bc"})" << S << QStringLiteral("'a=bc' can not be converted to a Blob: Invalid Base64 character: '='");
    QTest::newRow("B last char") << R"({"B":"YR=="})" << S << QStringLiteral("'YR==' can not be converted to a Blob: Invalid last non-pad Base64 character dectected");
    QTest::newRow("BS bad member") << R"({"BS":["YQ==","abc"]})" << S << QStringLiteral("'abc' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 3");
    QTest::newRow("BOOL number") << R"({"BOOL":1})" << S << big + QStringLiteral("an Boolean");
    QTest::newRow("BOOL bad string") << R"({"BOOL":"hello"})" << S << QStringLiteral("'HELLO' can not be converted to an Boolean");
    QTest::newRow("NULL list") << R"({"NULL":[]})" << S << QStringLiteral("Start of list found where not expected");
    QTest::newRow("SS string") << R"({"SS":"a"})" << S << QStringLiteral("Expected list or null");
    QTest::newRow("SS map") << R"({"SS":{}})" << S << QStringLiteral("Start of structure or map found where not expected.");
    QTest::newRow("SS number member") << R"({"SS":["a",1]})" << S << big + QStringLiteral("an String");
    QTest::newRow("L string") << R"({"L":"a"})" << S << QStringLiteral("Expected list or null");
    QTest::newRow("L scalar member") << R"({"L":["a"]})" << S << QStringLiteral("Expected null");
    QTest::newRow("M list") << R"({"M":[]})" << S << QStringLiteral("Start of list found where not expected");
    QTest::newRow("M string") << R"({"M":"a"})" << S << QStringLiteral("Expected map or null");
    QTest::newRow("value is string") << R"("a")" << S << QStringLiteral("Expected null");
    QTest::newRow("value is list") << R"([])" << S << QStringLiteral("Start of list found where not expected");
    QTest::newRow("serialization wins") << R"({"L":[{"N":"bad"},{"S":5}]})" << S << big + QStringLiteral("an String");
}

void TestJson::parseErrors()
{
    QFETCH(QString, input);
    QFETCH(QString, type);
    QFETCH(QString, message);
    const auto r = attributeFromJson(parseJson(input));
    QVERIFY2(!r.ok(), qPrintable(input));
    QCOMPARE(r.error().type(), type);
    QCOMPARE(r.error().message(), message);
}

void TestJson::nestingDepth_data()
{
    QTest::addColumn<int>("wraps");
    QTest::addColumn<bool>("lists");
    QTest::addColumn<bool>("ok");
    // AWS accepts 31 nested maps or lists around a scalar in an item
    // attribute (32 levels) and rejects 32.
    QTest::newRow("31 maps") << 31 << false << true;
    QTest::newRow("32 maps") << 32 << false << false;
    QTest::newRow("31 lists") << 31 << true << true;
    QTest::newRow("32 lists") << 32 << true << false;
    QTest::newRow("100 lists") << 100 << true << false;
}

void TestJson::nestingDepth()
{
    QFETCH(int, wraps);
    QFETCH(bool, lists);
    QFETCH(bool, ok);
    const auto r = attributeFromJson(parseJson(nested(wraps, lists)));
    QCOMPARE(r.ok(), ok);
    const auto item = itemFromJson(parseJson(QStringLiteral("{\"a\":%1}").arg(nested(wraps, lists))));
    QCOMPARE(item.ok(), ok);
    if (!ok) {
        QCOMPARE(r.error().type(), QStringLiteral("ValidationException"));
        QCOMPARE(r.error().message(), QStringLiteral("Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit"));
    } else {
        const QByteArray bytes = itemToJsonBytes(item.value());
        const auto stored = itemFromStoredJson(bytes);
        QVERIFY(stored.has_value());
        QVERIFY(*stored == item.value());
    }
    static_assert(kMaxNestingDepth == 32);
}

void TestJson::itemErrors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    QTest::newRow("item is list") << "[]" << "SerializationException" << "Start of list found where not expected";
    QTest::newRow("item is string") << R"("x")" << "SerializationException" << "Expected map or null";
    QTest::newRow("bad attribute") << R"({"a":{"S":"x"},"b":{}})" << "ValidationException"
                                   << "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
    QTest::newRow("attribute is scalar") << R"({"a":1})" << "SerializationException" << "Expected null";
}

void TestJson::itemErrors()
{
    QFETCH(QString, input);
    QFETCH(QString, type);
    QFETCH(QString, message);
    const auto r = itemFromJson(parseJson(input));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().type(), type);
    QCOMPARE(r.error().message(), message);
}

void TestJson::writeCompact_data()
{
    QTest::addColumn<QString>("item");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << "{}" << "{}";
    QTest::newRow("sorted names") << R"({"b":{"N":"1.0"},"a":{"S":"x y"}})" << R"({"a":{"S":"x y"},"b":{"N":"1"}})";
    QTest::newRow("all types") << R"({"a":{"L":[{"NULL":true},{"BOOL":true},{"B":"AAEC"},{"NS":["2","1"]},{"SS":["y","x"]},{"BS":["AQ=="]},{"M":{"k":{"S":"v"}}}]}})"
                               << R"({"a":{"L":[{"NULL":true},{"BOOL":true},{"B":"AAEC"},{"NS":["1","2"]},{"SS":["x","y"]},{"BS":["AQ=="]},{"M":{"k":{"S":"v"}}}]}})";
    QTest::newRow("big number plain") << R"({"n":{"N":"1.5e30"}})" << R"({"n":{"N":"1500000000000000000000000000000"}})";
    QTest::newRow("small number plain") << R"({"n":{"N":"-2.5E-5"}})" << R"({"n":{"N":"-0.000025"}})";
}

void TestJson::writeCompact()
{
    QFETCH(QString, item);
    QFETCH(QString, expected);
    const auto r = itemFromJson(parseJson(item));
    QVERIFY(r.ok());
    QCOMPARE(QString::fromUtf8(itemToJsonBytes(*r)), expected);
    QCOMPARE(QJsonDocument(itemToJson(*r)).toJson(QJsonDocument::Compact), QJsonDocument::fromJson(expected.toUtf8()).toJson(QJsonDocument::Compact));
}

void TestJson::writeJsonStringEscapes_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QStringLiteral("abc") << QByteArray(R"("abc")");
    QTest::newRow("empty") << QString() << QByteArray(R"("")");
    QTest::newRow("quote and backslash") << QStringLiteral("a\"b\\c") << QByteArray(R"("a\"b\\c")");
    QTest::newRow("controls") << QStringLiteral("\n\r\t\b\f") + QChar(1) + QChar(0x1f) << QByteArray(R"("\n\r\t\b\f\u0001\u001f")");
    QTest::newRow("nul") << QString(QChar(0)) << QByteArray(R"("\u0000")");
    QTest::newRow("two-byte") << QString(QChar(0xE9)) << QByteArray("\"\xC3\xA9\"");
    QTest::newRow("three-byte") << QString(QChar(0x20AC)) << QByteArray("\"\xE2\x82\xAC\"");
    QTest::newRow("pair") << QString::fromUtf8("\xF0\x9F\x98\x80") << QByteArray("\"\xF0\x9F\x98\x80\"");
    QTest::newRow("lone surrogate") << QString(QChar(0xD800)) + u'x' << QByteArray(R"("\ud800x")");
    QTest::newRow("slash untouched") << QStringLiteral("a/b") << QByteArray(R"("a/b")");
}

void TestJson::writeJsonStringEscapes()
{
    QFETCH(QString, input);
    QFETCH(QByteArray, expected);
    QByteArray out = "prefix";
    writeJsonString(input, out);
    QCOMPARE(out, QByteArray("prefix") + expected);
    const QJsonDocument d = QJsonDocument::fromJson("[" + expected + "]");
    QVERIFY(d.isArray());
    QCOMPARE(d.array().at(0).toString(), input);
}

// writeJsonString copies plain ASCII eight units at a time: put each
// escape at every offset of runs around and past that width.
void TestJson::writeJsonStringEscapesInLongRuns()
{
    const std::pair<QString, QByteArray> cases[] = {
        {QStringLiteral("\""), QByteArray(R"(\")")},
        {QStringLiteral("\\"), QByteArray(R"(\\)")},
        {QString(QChar(1)), QByteArray(R"(\u0001)")},
        {QString(QChar(0)), QByteArray(R"(\u0000)")},
        {QStringLiteral("\n"), QByteArray(R"(\n)")},
        {QString(QChar(0x1f)), QByteArray(R"(\u001f)")},
        {QString(QChar(0x7f)), QByteArray("\x7f")},
        {QString(QChar(0x80)), QByteArray("\xC2\x80")},
        {QString(QChar(0xE9)), QByteArray("\xC3\xA9")},
        {QString(QChar(0x7FFF)), QByteArray("\xE7\xBF\xBF")},
        {QString(QChar(0x8000)), QByteArray("\xE8\x80\x80")},
        {QString(QChar(0xFFFF)), QByteArray("\xEF\xBF\xBF")},
        {QString::fromUtf8("\xF0\x9F\x98\x80"), QByteArray("\xF0\x9F\x98\x80")},
        {QString(QChar(0xDC00)), QByteArray(R"(\udc00)")},
    };
    for (const auto &[inner, escaped] : cases) {
        for (int left = 0; left <= 20; ++left) {
            for (int right = 0; right <= 20; right += 3) {
                const QString input = QString(left, u'a') + inner + QString(right, u'~');
                QByteArray out = "x";
                writeJsonString(input, out);
                QCOMPARE(out, "x\"" + QByteArray(left, 'a') + escaped + QByteArray(right, '~') + '"');
            }
        }
    }
    QByteArray out;
    writeJsonString(QString(40, u' '), out);
    QCOMPARE(out, '"' + QByteArray(40, ' ') + '"');
}

void TestJson::propertyRoundTrip()
{
    QRandomGenerator rng(424242);
    for (int i = 0; i < 2000; ++i) {
        Item item;
        for (int k = rng.bounded(0, 5); k > 0; --k)
            item[randomString(rng)] = randomValue(rng, 0);
        const QByteArray bytes = itemToJsonBytes(item);

        // QJsonDocument reads the same thing that itemToJson builds. Compared
        // as QVariantMaps: Qt 6.4 orders keys beyond U+FFFF differently in a
        // parsed QJsonObject than in one built by insert(), and its == is
        // order-sensitive.
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
        QVERIFY2(err.error == QJsonParseError::NoError, bytes.constData());
        QCOMPARE(doc.object().toVariantMap(), itemToJson(item).toVariantMap());

        // Validating parse and trusted parse both give back the item.
        const auto parsed = itemFromJson(doc.object());
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message()));
        QVERIFY(*parsed == item);
        const auto stored = itemFromStoredJson(bytes);
        QVERIFY(stored.has_value());
        QVERIFY(*stored == item);
        QCOMPARE(itemToJsonBytes(*stored), bytes);
        // The fast reader takes everything but lone-surrogate escapes itself.
        const auto fast = parseStoredItem(bytes);
        QVERIFY2(fast.has_value() || bytes.contains("\\ud"), bytes.constData());
        if (fast)
            QVERIFY(*fast == item);
    }
}

void TestJson::storedJsonRejectsCorrupt()
{
    QVERIFY(!itemFromStoredJson("{").has_value());
    QVERIFY(!itemFromStoredJson("[]").has_value());
    QVERIFY(!itemFromStoredJson(R"({"a":{"S":"x","N":"1"}})").has_value());
    QVERIFY(!itemFromStoredJson(R"({"a":{"X":"x"}})").has_value());
    QVERIFY(!itemFromStoredJson(R"({"a":{"N":"abc"}})").has_value());
    QVERIFY(itemFromStoredJson("{}").has_value());
    // The fast reader refuses what it does not expect; the general parser decides.
    QVERIFY(!parseStoredItem(R"({"a":{"S":"x"} })").has_value());
    QVERIFY(!parseStoredItem(R"({"a":{"S":"x"}}x)").has_value());
    QVERIFY(!parseStoredItem(R"({"a":{"S":"\ud800"}})").has_value());
    QVERIFY(!parseStoredItem(R"({"a":{"L":[{"S":"x"},]}})").has_value());
    QVERIFY(itemFromStoredJson(R"({"a" : {"S":"x"}})").has_value());
    const QByteArray escaped = "{\"a\":{\"S\":\"q\\\"\\\\\\n\\u0001\xc3\xa9\xf0\x9f\x98\x80\"}}";
    const auto decoded = parseStoredItem(escaped);
    QVERIFY(decoded.has_value());
    QCOMPARE(decoded->at(QStringLiteral("a")).asString(), QStringLiteral("q\"\\\n\u0001\u00e9\U0001F600"));
}

void TestJson::typeNames()
{
    const char *names[] = {"S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS"};
    for (int i = 0; i < 10; ++i) {
        QCOMPARE(typeName(AttrType(i)), QString::fromLatin1(names[i]));
        QCOMPARE(typeFromName(QString::fromLatin1(names[i])), std::optional<AttrType>(AttrType(i)));
    }
    QVERIFY(!typeFromName(u"NUL").has_value());
    QVERIFY(!typeFromName(u"s").has_value());
    QVERIFY(!typeFromName(u"").has_value());
}

void TestJson::setsAreCanonical()
{
    const auto a = AttributeValue::stringSet({QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("b")});
    const auto b = AttributeValue::stringSet({QStringLiteral("a"), QStringLiteral("b")});
    QVERIFY(a == b);
    QCOMPARE(a.asStringSet().size(), size_t(2));
    const auto n1 = AttributeValue::numberSet({Number::parse(u"1.0").value(), Number::parse(u"1").value(), Number::parse(u"-2").value()});
    QCOMPARE(n1.asNumberSet().size(), size_t(2));
    QCOMPARE(n1.asNumberSet().front().toString(), QStringLiteral("-2"));
    QVERIFY(AttributeValue::number(Number::parse(u"1").value()) == AttributeValue::number(Number::parse(u"1.00").value()));
    QVERIFY(AttributeValue::string(QStringLiteral("1")) != AttributeValue::number(Number::parse(u"1").value()));
    QVERIFY(AttributeValue::list({}) != AttributeValue::map({}));
    const auto bs = AttributeValue::binarySet({QByteArray("\xff", 1), QByteArray("\x01", 1), QByteArray()});
    QCOMPARE(bs.asBinarySet().front(), QByteArray());
    QCOMPARE(bs.asBinarySet().back(), QByteArray("\xff", 1));
}

// A listed member's UTF-8 name against a name looked up: equal exactly when
// the UTF-8 decodes to it, whatever the lengths (ASCII names of other
// lengths are declined without decoding).
void TestJson::storedNameEquals_data()
{
    QTest::addColumn<QByteArray>("utf8");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same ascii") << QByteArray("data") << QStringLiteral("data") << true;
    QTest::newRow("longer ascii") << QByteArray("data") << QStringLiteral("g0") << false;
    QTest::newRow("shorter ascii") << QByteArray("g0") << QStringLiteral("data") << false;
    QTest::newRow("same length, differs") << QByteArray("g1") << QStringLiteral("g0") << false;
    QTest::newRow("two-byte char") << QByteArray("caf\xc3\xa9") << QStringLiteral("caf\u00e9") << true;
    QTest::newRow("two-byte char, other") << QByteArray("caf\xc3\xa9") << QStringLiteral("cafe") << false;
    QTest::newRow("three-byte char") << QByteArray("\xe6\x97\xa5") << QStringLiteral("\u65e5") << true;
    QTest::newRow("surrogate pair") << QByteArray("a\xf0\x9f\x98\x80") << QString::fromUtf8("a\xf0\x9f\x98\x80") << true;
    QTest::newRow("over three bytes a unit") << QByteArray("abcd") << QStringLiteral("a") << false;
    QTest::newRow("non-ascii against shorter") << QByteArray("\xc3\xa9x") << QStringLiteral("\u00e9") << false;
}

void TestJson::storedNameEquals()
{
    QFETCH(QByteArray, utf8);
    QFETCH(QString, name);
    QFETCH(bool, equal);
    QCOMPARE(dd::model::storedNameEquals(utf8, name), equal);
}

QTEST_APPLESS_MAIN(TestJson)
#include "tst_json.moc"
