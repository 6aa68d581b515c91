// The fast request path (api/fastrequest.h) against the general one
// (GetItem, PutItem, UpdateItem, Query): every
// request the fast reader accepts must get exactly the general path's
// answer, and whatever it does not understand must go the general way.
#include "api/engine.h"
#include "api/fastrequest.h"

#include <QJsonDocument>
#include <QTest>

using namespace dd;

class TestFastRequest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<api::Engine> m_engine;
    std::unique_ptr<api::Engine> m_general; // the same data, written by the general path only
    api::RequestContext m_ctx;

    void setup(const char *op, const QByteArray &json)
    {
        for (api::Engine *e : {m_engine.get(), m_general.get()}) {
            auto r = e->call(m_ctx, QString::fromLatin1(op), QByteArrayView(json));
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message()));
        }
    }
    QString scan(api::Engine &e, const char *table)
    {
        return answer(e.call(m_ctx, u"Scan", QJsonObject{{QStringLiteral("TableName"), QString::fromLatin1(table)}, {QStringLiteral("ConsistentRead"), true}}));
    }
    // "ok:<body>" or "<type>:<message>".
    QString answer(const Result<QByteArray> &r)
    {
        return r.ok() ? QStringLiteral("ok:") + QString::fromUtf8(*r) : r.error().type() + u':' + r.error().message();
    }

private slots:
    void initTestCase()
    {
        api::EngineOptions o;
        o.inMemory = true;
        m_engine = std::move(api::Engine::open(o).value());
        m_general = std::move(api::Engine::open(o).value());
        setup("CreateTable", R"({"TableName":"songs","BillingMode":"PAY_PER_REQUEST",
            "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],
            "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]})");
        setup("CreateTable", R"({"TableName":"blobs","BillingMode":"PAY_PER_REQUEST",
            "AttributeDefinitions":[{"AttributeName":"id","AttributeType":"B"}],
            "KeySchema":[{"AttributeName":"id","KeyType":"HASH"}]})");
        setup("PutItem", R"({"TableName":"songs","Item":{"pk":{"S":"a"},"sk":{"N":"1.5"},"title":{"S":"Happy Day"},"n":{"L":[{"N":"1"}]}}})");
        setup("PutItem", R"({"TableName":"blobs","Item":{"id":{"B":"AAEC"},"v":{"BOOL":true}}})");
    }

    void sameAnswer_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("fast"); // whether the fast reader takes it
        QTest::newRow("compact") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"S":"a"},"sk":{"N":"1.5"}}})") << true;
        QTest::newRow("botocore spacing") << QByteArray(R"({"TableName": "songs", "Key": {"sk": {"N": "1.50"}, "pk": {"S": "a"}}, "ConsistentRead": true})") << true;
        QTest::newRow("number form") << QByteArray(R"({"Key":{"pk":{"S":"a"},"sk":{"N":"01.500"}},"TableName":"songs"})") << true;
        QTest::newRow("total") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"S":"a"},"sk":{"N":"1.5"}},"ReturnConsumedCapacity":"TOTAL"})") << true;
        QTest::newRow("indexes strong") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"S":"a"},"sk":{"N":"1.5"}},"ReturnConsumedCapacity":"INDEXES","ConsistentRead":true})") << true;
        QTest::newRow("none") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"S":"a"},"sk":{"N":"1.5"}},"ReturnConsumedCapacity":"NONE"})") << true;
        QTest::newRow("absent item") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"S":"b"},"sk":{"N":"1.5"}},"ReturnConsumedCapacity":"TOTAL"})") << true;
        QTest::newRow("binary key") << QByteArray(R"({"TableName":"blobs","Key":{"id":{"B":"AAEC"}}})") << true;
        QTest::newRow("missing sort key") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"S":"a"}}})") << true;
        QTest::newRow("wrong key type") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"N":"1"},"sk":{"N":"1.5"}}})") << true;
        QTest::newRow("extra key attribute") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"S":"a"},"sk":{"N":"1.5"},"x":{"S":"y"}}})") << true;
        QTest::newRow("empty key string") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"S":""},"sk":{"N":"1.5"}}})") << true;
        QTest::newRow("no such table") << QByteArray(R"({"TableName":"nothere","Key":{"pk":{"S":"a"}}})") << true;
        QTest::newRow("empty key") << QByteArray(R"({"TableName":"songs","Key":{}})") << true;
        // The general path's cases.
        QTest::newRow("bad number") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"S":"a"},"sk":{"N":"1.5.5"}}})") << false;
        QTest::newRow("number out of range") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"S":"a"},"sk":{"N":"1E+126"}}})") << false;
        QTest::newRow("bad base64") << QByteArray(R"({"TableName":"blobs","Key":{"id":{"B":"AAE"}}})") << false;
        QTest::newRow("non-canonical base64") << QByteArray(R"({"TableName":"blobs","Key":{"id":{"B":"AAF="}}})") << false;
        QTest::newRow("short table name") << QByteArray(R"({"TableName":"so","Key":{"pk":{"S":"a"}}})") << false;
        QTest::newRow("table name pattern") << QByteArray(R"({"TableName":"so ngs","Key":{"pk":{"S":"a"}}})") << false;
        QTest::newRow("bad capacity mode") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"S":"a"},"sk":{"N":"1.5"}},"ReturnConsumedCapacity":"ALL"})") << false;
        QTest::newRow("projection") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"S":"a"},"sk":{"N":"1.5"}},"ProjectionExpression":"title"})") << false;
        QTest::newRow("non-ascii key") << QByteArray("{\"TableName\":\"songs\",\"Key\":{\"pk\":{\"S\":\"\xc3\xa4\"},\"sk\":{\"N\":\"1.5\"}}}") << false;
        QTest::newRow("escape") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"S":"\u0061"},"sk":{"N":"1.5"}}})") << false;
        QTest::newRow("duplicate member") << QByteArray(R"({"TableName":"songs","TableName":"songs","Key":{"pk":{"S":"a"},"sk":{"N":"1.5"}}})") << false;
        QTest::newRow("duplicate key name") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"S":"a"},"pk":{"S":"a"},"sk":{"N":"1.5"}}})") << false;
        QTest::newRow("two types") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"S":"a","N":"1"},"sk":{"N":"1.5"}}})") << false;
        QTest::newRow("map key value") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"M":{}},"sk":{"N":"1.5"}}})") << true;
        QTest::newRow("consistent as string") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"S":"a"},"sk":{"N":"1.5"}},"ConsistentRead":"true"})") << false;
        QTest::newRow("no key") << QByteArray(R"({"TableName":"songs"})") << false;
        QTest::newRow("trailing garbage") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"S":"a"},"sk":{"N":"1.5"}}}x)") << false;
        QTest::newRow("truncated") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"S":"a"},"sk":{"N":"1.5"})") << false;
        QTest::newRow("unknown member") << QByteArray(R"({"TableName":"songs","Key":{"pk":{"S":"a"},"sk":{"N":"1.5"}},"Foo":1})") << false;
    }

    void sameAnswer()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, fast);
        QCOMPARE(api::readGetItemRequest(body).has_value(), fast);
        const QString viaBytes = answer(m_engine->call(m_ctx, u"GetItem", QByteArrayView(body)));
        // The general path, from a parsed object (or the bytes' SerializationException).
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
        const QString general = error.error == QJsonParseError::NoError
                                    ? answer(m_engine->call(m_ctx, u"GetItem", doc.object()))
                                    : QStringLiteral("SerializationException:");
        QCOMPARE(viaBytes.left(general.size()), general);
        QCOMPARE(viaBytes, general);
    }

    void putSameAnswer_data();
    void updateSameAnswer_data();
    void updateSameAnswer()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, fast);
        QCOMPARE(api::readUpdateItemRequest(body).has_value(), fast);
        const QString viaBytes = answer(m_engine->call(m_ctx, u"UpdateItem", QByteArrayView(body)));
        const QString general = answer(m_general->call(m_ctx, u"UpdateItem", QJsonDocument::fromJson(body).object()));
        QCOMPARE(viaBytes.left(300), general.left(300));
        QCOMPARE(viaBytes, general);
        QCOMPARE(scan(*m_engine, "songs"), scan(*m_general, "songs"));
    }
    void putSameAnswer()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, fast);
        QCOMPARE(api::readPutItemRequest(body).has_value(), fast);
        const QString viaBytes = answer(m_engine->call(m_ctx, u"PutItem", QByteArrayView(body)));
        const QString general = answer(m_general->call(m_ctx, u"PutItem", QJsonDocument::fromJson(body).object()));
        QCOMPARE(viaBytes.left(300), general.left(300));
        QCOMPARE(viaBytes, general);
        QCOMPARE(scan(*m_engine, "songs"), scan(*m_general, "songs"));
    }
    // After the puts and updates above: partition "p" holds several items.
    void querySameAnswer_data();
    void querySameAnswer()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, fast);
        QCOMPARE(api::readQueryRequest(body).has_value(), fast);
        const QString viaBytes = answer(m_engine->call(m_ctx, u"Query", QByteArrayView(body)));
        const QString general = answer(m_engine->call(m_ctx, u"Query", QJsonDocument::fromJson(body).object()));
        QCOMPARE(viaBytes.left(300), general.left(300));
        QCOMPARE(viaBytes, general);
    }
};

// Outside the class: moc does not read raw string literals.
void TestFastRequest::putSameAnswer_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("fast");
    const QByteArray head = R"({"TableName":"songs","Item":{"pk":{"S":"p"},"sk":{"N":")";
    auto put = [&](const char *row, const char *sk, const QByteArray &rest, bool fast, const QByteArray &tail = "}") {
        QTest::newRow(row) << (head + sk + "\"}" + rest + tail) << fast;
    };
    put("plain", "1", R"(,"title":{"S":"Happy Day"}})", true);
    put("overwrite all old", "1", R"(,"title":{"S":"Sunny"}},"ReturnValues":"ALL_OLD")", true);
    put("every type", "2", R"(, "s": {"S": ""}, "n": {"N": "-0012.50"}, "b": {"B": "AAEC"}, "t": {"BOOL": true}, "f": {"BOOL": false},
        "z": {"NULL": true}, "m": {"M": {"x": {"L": [{"N": "1"}, {"S": "a"}, {"M": {}}]}}}, "l": {"L": []},
        "ss": {"SS": ["b", "a"]}, "ns": {"NS": ["2", "1.0", "10"]}, "bs": {"BS": ["AQ==", "Ag=="]}})", true);
    put("capacity", "3", R"(},"ReturnConsumedCapacity":"INDEXES","ReturnItemCollectionMetrics":"SIZE")", true);
    put("total", "4", R"(},"ReturnConsumedCapacity":"TOTAL","ReturnValues":"NONE")", true);
    QTest::newRow("missing sort key") << QByteArray(R"({"TableName":"songs","Item":{"pk":{"S":"p"}}})") << true;
    QTest::newRow("wrong key type") << QByteArray(R"({"TableName":"songs","Item":{"pk":{"N":"1"},"sk":{"N":"1"}}})") << true;
    QTest::newRow("empty key") << QByteArray(R"({"TableName":"songs","Item":{"pk":{"S":""},"sk":{"N":"1"}}})") << true;
    QTest::newRow("no such table") << QByteArray(R"({"TableName":"nothere","Item":{"pk":{"S":"p"}}})") << true;
    QTest::newRow("too big") << (head + "5\"},\"big\":{\"S\":\"" + QByteArray(410 * 1024, 'x') + "\"}}}") << true;
    // The general path's cases.
    put("duplicate in set", "6", R"(,"ss":{"SS":["a","a"]}})", false);
    put("duplicate numbers", "6", R"(,"ns":{"NS":["1","1.0"]}})", false);
    put("empty set", "6", R"(,"ss":{"SS":[]}})", false);
    put("null false", "6", R"(,"z":{"NULL":false}})", false);
    put("bool as string", "6", R"(,"t":{"BOOL":"true"}})", false);
    put("two types", "6", R"(,"t":{"S":"a","N":"1"}})", false);
    put("unknown type", "6", R"(,"t":{"X":"a"}})", false);
    put("escape", "6", R"(,"t":{"S":"a\nb"}})", false);
    put("empty name", "6", R"(,"":{"S":"a"}})", false);
    put("duplicate name", "6", R"(,"t":{"S":"a"},"t":{"S":"b"}})", false);
    put("bad number", "6", R"(,"t":{"N":"1e999"}})", false);
    put("condition", "6", R"(},"ConditionExpression":"attribute_not_exists(pk) AND pk <> sk")", false);
    put("updated new", "6", R"(},"ReturnValues":"ALL_NEW")", false);
    QByteArray deep = "{\"S\":\"x\"}";
    for (int i = 0; i < 20; ++i)
        deep = "{\"L\":[" + deep + "]}";
    put("deep", "6", ",\"d\":" + deep + "}", false);
}

void TestFastRequest::updateSameAnswer_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("fast");
    const QByteArray key = R"("TableName":"songs","Key":{"pk":{"S":"u"},"sk":{"N":"1"}})";
    auto row = [&](const char *name, const QByteArray &rest, bool fast) { QTest::newRow(name) << ("{" + key + rest + "}") << fast; };
    row("counter", R"(,"UpdateExpression":"SET #c = if_not_exists(#c, :zero) + :one","ExpressionAttributeNames":{"#c":"c"},"ExpressionAttributeValues":{":zero":{"N":"0"},":one":{"N":"1"}})", true);
    row("counter again, all new", R"(, "UpdateExpression": "SET #c = if_not_exists(#c, :zero) + :one", "ExpressionAttributeValues": {":one": {"N": "1"}, ":zero": {"N": "0"}}, "ExpressionAttributeNames": {"#c": "c"}, "ReturnValues": "ALL_NEW")", true);
    row("updated old", R"(,"UpdateExpression":"SET title = :t, tags = :s ADD n :n","ExpressionAttributeValues":{":t":{"S":"x"},":s":{"SS":["a","b"]},":n":{"N":"5"}},"ReturnValues":"UPDATED_OLD")", true);
    row("updated new", R"(,"UpdateExpression":"REMOVE tags SET m = :m","ExpressionAttributeValues":{":m":{"M":{"a":{"L":[{"N":"1"}]}}}},"ReturnValues":"UPDATED_NEW")", true);
    row("condition holds", R"(,"UpdateExpression":"SET n = n + :one","ConditionExpression":"n > :zero","ExpressionAttributeValues":{":one":{"N":"1"},":zero":{"N":"0"}},"ReturnConsumedCapacity":"TOTAL")", true);
    row("condition fails", R"(,"UpdateExpression":"SET n = :one","ConditionExpression":"n < :one","ExpressionAttributeValues":{":one":{"N":"1"}},"ReturnValuesOnConditionCheckFailure":"ALL_OLD")", true);
    row("unused value", R"(,"UpdateExpression":"SET n = :one","ExpressionAttributeValues":{":one":{"N":"1"},":b":{"N":"2"},":a":{"N":"3"}})", true);
    row("unused name", R"(,"UpdateExpression":"SET n = :one","ExpressionAttributeNames":{"#z":"z","#y":"y"},"ExpressionAttributeValues":{":one":{"N":"1"}})", true);
    row("undefined value", R"(,"UpdateExpression":"SET n = :nope")", true);
    row("syntax error", R"(,"UpdateExpression":"SET n = = 1")", true);
    row("reserved word", R"(,"UpdateExpression":"SET size = :one","ExpressionAttributeValues":{":one":{"N":"1"}})", true);
    row("key attribute", R"(,"UpdateExpression":"SET pk = :one","ExpressionAttributeValues":{":one":{"S":"1"}})", true);
    row("empty expression", R"(,"UpdateExpression":"")", true);
    row("wrong operand type", R"(,"UpdateExpression":"SET title = title + :one","ExpressionAttributeValues":{":one":{"N":"1"}})", true);
    row("capacity and metrics", R"(,"UpdateExpression":"SET z = :one","ExpressionAttributeValues":{":one":{"N":"1"}},"ReturnConsumedCapacity":"INDEXES","ReturnItemCollectionMetrics":"SIZE")", true);
    // The general path's cases.
    row("no update expression", R"(,"ReturnValues":"ALL_NEW")", false);
    row("legacy", R"(,"AttributeUpdates":{"n":{"Action":"PUT","Value":{"N":"1"}}})", false);
    row("mixed", R"(,"UpdateExpression":"SET n = :one","Expected":{"n":{"Exists":false}},"ExpressionAttributeValues":{":one":{"N":"1"}})", false);
    row("bad name key", R"(,"UpdateExpression":"SET n = :one","ExpressionAttributeNames":{"c":"c"},"ExpressionAttributeValues":{":one":{"N":"1"}})", false);
    row("empty names", R"(,"UpdateExpression":"SET n = :one","ExpressionAttributeNames":{},"ExpressionAttributeValues":{":one":{"N":"1"}})", false);
    row("empty name value", R"(,"UpdateExpression":"SET #n = :one","ExpressionAttributeNames":{"#n":""},"ExpressionAttributeValues":{":one":{"N":"1"}})", false);
    row("bad value", R"(,"UpdateExpression":"SET n = :one","ExpressionAttributeValues":{":one":{"N":"x"}})", false);
    row("empty condition", R"(,"UpdateExpression":"SET n = :one","ConditionExpression":"","ExpressionAttributeValues":{":one":{"N":"1"}})", false);
    row("bad return values", R"(,"UpdateExpression":"SET n = :one","ExpressionAttributeValues":{":one":{"N":"1"}},"ReturnValues":"SOME")", false);
}

void TestFastRequest::querySameAnswer_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("fast");
    auto row = [&](const char *name, const QByteArray &members, bool fast) {
        QTest::newRow(name) << (R"({"TableName":"songs",)" + members + "}") << fast;
    };
    row("partition", R"("KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}})", true);
    row("names, spacing", R"( "KeyConditionExpression": "#k = :p", "ExpressionAttributeNames": {"#k": "pk"}, "ExpressionAttributeValues": {":p": {"S": "p"}} )", true);
    row("between, reverse", R"("KeyConditionExpression":"pk = :p AND sk BETWEEN :a AND :b","ExpressionAttributeValues":{":p":{"S":"p"},":a":{"N":"2"},":b":{"N":"5"}},"ScanIndexForward":false)", true);
    row("sort key below", R"("KeyConditionExpression":"sk < :a AND pk = :p","ExpressionAttributeValues":{":p":{"S":"p"},":a":{"N":"3"}},"ConsistentRead":true,"ReturnConsumedCapacity":"INDEXES")", true);
    row("total", R"("KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}},"ReturnConsumedCapacity":"TOTAL","ScanIndexForward":true)", true);
    row("none", R"("KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"zz"}},"ReturnConsumedCapacity":"NONE")", true);
    row("begins_with on a number", R"x("KeyConditionExpression":"pk = :p AND begins_with(sk, :a)","ExpressionAttributeValues":{":p":{"S":"p"},":a":{"N":"1"}})x", true);
    row("wrong key type", R"("KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"N":"1"}})", true);
    row("no partition condition", R"("KeyConditionExpression":"sk = :a","ExpressionAttributeValues":{":a":{"N":"1"}})", true);
    row("partition range", R"("KeyConditionExpression":"pk > :p","ExpressionAttributeValues":{":p":{"S":"p"}})", true);
    row("unused value", R"("KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"},":x":{"S":"p"}})", true);
    row("unused name", R"("KeyConditionExpression":"pk = :p","ExpressionAttributeNames":{"#x":"x"},"ExpressionAttributeValues":{":p":{"S":"p"}})", true);
    row("undefined value", R"("KeyConditionExpression":"pk = :q","ExpressionAttributeValues":{":p":{"S":"p"}})", true);
    row("syntax error", R"("KeyConditionExpression":"pk == :p","ExpressionAttributeValues":{":p":{"S":"p"}})", true);
    row("filter-like condition", R"("KeyConditionExpression":"pk = :p AND title = :p","ExpressionAttributeValues":{":p":{"S":"p"}})", true);
    QTest::newRow("no such table") << QByteArray(R"({"TableName":"nothere","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}}})") << true;
    // The general path's cases.
    row("limit", R"("KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}},"Limit":2)", false);
    row("filter", R"("KeyConditionExpression":"pk = :p","FilterExpression":"n > :z","ExpressionAttributeValues":{":p":{"S":"p"},":z":{"N":"0"}})", false);
    row("projection", R"("KeyConditionExpression":"pk = :p","ProjectionExpression":"title","ExpressionAttributeValues":{":p":{"S":"p"}})", false);
    row("select", R"("KeyConditionExpression":"pk = :p","Select":"COUNT","ExpressionAttributeValues":{":p":{"S":"p"}})", false);
    row("index", R"("IndexName":"nope","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}})", false);
    row("start key", R"("KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}},"ExclusiveStartKey":{"pk":{"S":"p"},"sk":{"N":"1"}})", false);
    row("legacy", R"("KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p"}]}})", false);
    row("no values", R"("KeyConditionExpression":"pk = pk")", false);
    row("empty condition", R"("KeyConditionExpression":"","ExpressionAttributeValues":{":p":{"S":"p"}})", false);
    row("bad capacity mode", R"("KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}},"ReturnConsumedCapacity":"ALL")", false);
    row("forward as string", R"("KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}},"ScanIndexForward":"false")", false);
}

QTEST_APPLESS_MAIN(TestFastRequest)
#include "tst_fastrequest.moc"
