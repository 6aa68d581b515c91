// Engine-level tests of the item and table operations: Engine::call on an
// in-memory engine, checking the wire shapes, AWS's messages, that rejected
// requests change nothing, and the change log written with each change.
#include "api/engine.h"
#include "enginecalls.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <chrono>
#include <thread>

using namespace dd;

class TestItemOps : public QObject, test::EngineCalls {
    Q_OBJECT

public:
    // Before the members the engine uses (EngineCalls).
    ~TestItemOps() override { m_engine.reset(); }

private:
    ManualClock m_clock{1'700'000'000'000};


private slots:
    void init();
    void createTableValidation_data();
    void createTableValidation();
    void malformedJsonIsSerializationException();
    void batchMapConstraints();
    void conditionFailureReturnsOldItemWhenAsked();
    void updateReturnValues_data();
    void updateReturnValues();
    void rejectedWritesChangeNothing();
    void itemCountAndSizeFollowWrites();
    void delayTransientStatuses();
    void indexStatusesWhileTheTableChanges();
    void concurrentWritersAllLand();
    void deleteTableInMemoryDoesNotDeadlock();
    void largeItemsLiveBesideTheirRows();
    void largeItemsWrittenInlineBeforeSchema6StillWork();
    void allProjectionEntriesShareLargeItemsBodies();
};

namespace {

QJsonObject bigItem(int sk, int size, char fill)
{
    return QJsonObject{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), QStringLiteral("p")}}},
                       {QStringLiteral("sk"), QJsonObject{{QStringLiteral("N"), QString::number(sk)}}},
                       {QStringLiteral("v"), QJsonObject{{QStringLiteral("S"), QString(size, QLatin1Char(fill))}}}};
}

// CreateTable of an on-demand table keyed by pk (S) and sk (N).
QJsonObject pkSkTable(const char *name)
{
    QJsonObject request = QJsonDocument::fromJson(R"({"BillingMode":"PAY_PER_REQUEST",
        "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],
        "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]})").object();
    request.insert(QStringLiteral("TableName"), QLatin1String(name));
    return request;
}

QJsonObject bigKey(int sk)
{
    return QJsonObject{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), QStringLiteral("p")}}},
                       {QStringLiteral("sk"), QJsonObject{{QStringLiteral("N"), QString::number(sk)}}}};
}

// SQL: an item column (t<id> or an index store's) that refers to a body in b<id>.
const QString kIsBodyRef = QStringLiteral("length(item) = 9 AND substr(item, 1, 1) = X'00'");

// Runs SQL on the closed database file: a single integer, or -1.
qint64 sqlInt(const QString &dbFile, const QString &sql)
{
    sqlite3 *db = nullptr;
    qint64 n = -1;
    if (sqlite3_open_v2(qPrintable(dbFile), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_stmt *st = nullptr;
        const int rc = sqlite3_prepare_v2(db, qPrintable(sql), -1, &st, nullptr);
        if (rc == SQLITE_OK) {
            const int step = sqlite3_step(st);
            n = step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : step == SQLITE_DONE ? 0 : -1;
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return n;
}

} // namespace

void TestItemOps::init()
{
    api::EngineOptions o;
    o.inMemory = true;
    o.clock = &m_clock;
    m_engine = std::move(api::Engine::open(o).value());
    QVERIFY(call("CreateTable", R"({"TableName":"tbl","BillingMode":"PAY_PER_REQUEST",
        "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],
        "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]})").ok());
}

void TestItemOps::createTableValidation_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    const QByteArray defs = R"("AttributeDefinitions":[{"AttributeName":"a","AttributeType":"S"}])";
    QTest::newRow("exists") << QByteArray(R"({"TableName":"tbl","BillingMode":"PAY_PER_REQUEST",)" + defs + R"(,"KeySchema":[{"AttributeName":"a","KeyType":"HASH"}]})")
                            << "ResourceInUseException" << "Table already exists: tbl";
    QTest::newRow("undefined key") << QByteArray(R"({"TableName":"uuu","BillingMode":"PAY_PER_REQUEST",)" + defs + R"(,"KeySchema":[{"AttributeName":"b","KeyType":"HASH"}]})")
                                   << "ValidationException"
                                   << "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [b], AttributeDefinitions: [a]";
    QTest::newRow("no throughput") << QByteArray(R"({"TableName":"uuu",)" + defs + R"(,"KeySchema":[{"AttributeName":"a","KeyType":"HASH"}]})")
                                   << "ValidationException"
                                   << "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED";
    QTest::newRow("range first") << QByteArray(R"({"TableName":"uuu","BillingMode":"PAY_PER_REQUEST",)" + defs + R"(,"KeySchema":[{"AttributeName":"a","KeyType":"RANGE"}]})")
                                 << "ValidationException" << "Invalid KeySchema: The first KeySchemaElement is not a HASH key type";
    QTest::newRow("short name") << QByteArray(R"({"TableName":"ab","BillingMode":"PAY_PER_REQUEST",)" + defs + R"(,"KeySchema":[{"AttributeName":"a","KeyType":"HASH"}]})")
                                << "ValidationException"
                                << "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3";
    QTest::newRow("bad enum") << QByteArray(R"({"TableName":"uuu","BillingMode":"FREE",)" + defs + R"(,"KeySchema":[{"AttributeName":"a","KeyType":"HASH"}]})")
                              << "ValidationException"
                              << "1 validation error detected: Value 'FREE' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]";
    QTest::newRow("wrong json type") << QByteArray(R"({"TableName":5})") << "SerializationException"
                                     << "NUMBER_VALUE cannot be converted to String";
    QTest::newRow("missing members") << QByteArray(R"({"TableName":"uuu"})") << "ValidationException"
                                     << "2 validation errors detected: Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null; Value null at 'keySchema' failed to satisfy constraint: Member must not be null";
    QTest::newRow("lsi without range") << QByteArray(R"({"TableName":"uuu","BillingMode":"PAY_PER_REQUEST",)" + defs + R"(,"KeySchema":[{"AttributeName":"a","KeyType":"HASH"}],
        "LocalSecondaryIndexes":[{"IndexName":"idx","KeySchema":[{"AttributeName":"a","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]})")
                                       << "ValidationException"
                                       << "One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex";
}

void TestItemOps::createTableValidation()
{
    QFETCH(QByteArray, request);
    QFETCH(QString, type);
    QFETCH(QString, message);
    const ApiError e = fail("CreateTable", request);
    QCOMPARE(e.type(), type);
    QCOMPARE(e.message(), message);
    QCOMPARE(ok("ListTables", "{}").value(QLatin1String("TableNames")).toArray().size(), 1);
}

void TestItemOps::malformedJsonIsSerializationException()
{
    QCOMPARE(fail("PutItem", "{\"TableName\": ").type(), QStringLiteral("SerializationException"));
    QCOMPARE(fail("NoSuchOperation", "{}").type(), QStringLiteral("UnknownOperationException"));
    QCOMPARE(fail("NoSuchOperation", "{}").message(), QString()); // as AWS: no message
    // One of AWS's this engine lacks: AWS's type, and a message that says so.
    const ApiError kinesisOp = fail("EnableKinesisStreamingDestination", R"({"TableName":"tbl","StreamArn":"arn:aws:kinesis:us-east-1:000000000000:stream/s"})");
    QCOMPARE(kinesisOp.type(), QStringLiteral("UnknownOperationException"));
    QCOMPARE(kinesisOp.message(), QStringLiteral("Dynamodesk does not implement EnableKinesisStreamingDestination yet"));
    // A control character inside a string must be escaped (RFC 8259), as
    // DynamoDB's parser insists; QJsonDocument alone would take it. Through
    // the fast readers (PutItem, GetItem, UpdateItem, Query) and the general
    // path alike, in a value, in a name and in an expression; nothing is written.
    ok("CreateTable", R"({"TableName":"ctl","BillingMode":"PAY_PER_REQUEST",
        "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]})");
    const char *const bodies[][2] = {
        {"PutItem", "{\"TableName\":\"ctl\",\"Item\":{\"pk\":{\"S\":\"a\tb\"}}}"},
        {"PutItem", "{\"TableName\":\"ctl\",\"Item\":{\"pk\":{\"S\":\"ab\"},\"x\\u0001\x01\":{\"S\":\"v\"}}}"},
        {"GetItem", "{\"TableName\":\"ctl\",\"Key\":{\"pk\":{\"S\":\"a\nb\"}}}"},
        {"UpdateItem", "{\"TableName\":\"ctl\",\"Key\":{\"pk\":{\"S\":\"ab\"}},\"UpdateExpression\":\"SET\tv = :v\",\"ExpressionAttributeValues\":{\":v\":{\"S\":\"w\"}}}"},
        {"DeleteItem", "{\"TableName\":\"ctl\",\"Key\":{\"pk\":{\"S\":\"a\x1f" "b\"}}}"},
        {"BatchWriteItem", "{\"RequestItems\":{\"ctl\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"c\rd\"}}}}]}}"},
    };
    for (const auto &[op, body] : bodies)
        QCOMPARE(fail(op, body).type(), QStringLiteral("SerializationException"));
    // Escaped, the same characters are data like any other.
    ok("PutItem", R"({"TableName":"ctl","Item":{"pk":{"S":"a\tb\u0001"}}})");
    const QJsonObject got = ok("GetItem", R"({"TableName":"ctl","Key":{"pk":{"S":"a\tb\u0001"}}})");
    QCOMPARE(got.value(QLatin1String("Item")).toObject().value(QLatin1String("pk")).toObject().value(QLatin1String("S")).toString(),
             QStringLiteral("a\tb\x01"));
    QCOMPARE(ok("Scan", R"({"TableName":"ctl"})").value(QLatin1String("Count")).toInt(), 1);
}

// Constraints on the values and keys of a request's maps (RequestItems) are
// reported once for the whole map, as AWS words them; a value's members
// under "<map>.<key>.member". Nothing is written.
void TestItemOps::batchMapConstraints()
{
    const QString prefix = QStringLiteral("1 validation error detected: Value '");
    const QString values = QStringLiteral("' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: "
                                          "[Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
    QByteArray puts;
    for (int i = 0; i < 26; ++i)
        puts += (i ? "," : "") + QByteArray(R"({"PutRequest":{"Item":{"pk":{"S":"p"},"sk":{"N":")") + QByteArray::number(i) + R"("}}}})";
    for (const QByteArray &list : {puts, QByteArray()}) {
        const ApiError e = fail("BatchWriteItem", R"({"RequestItems":{"tbl":[)" + list + "]}}");
        QCOMPARE(e.type(), QStringLiteral("ValidationException"));
        QVERIFY2(e.message().startsWith(prefix) && e.message().endsWith(values), qPrintable(e.message()));
    }
    QCOMPARE(ok("Scan", R"({"TableName":"tbl"})").value(QLatin1String("Count")).toInt(), 0);
    // Reported once however many values break it, after the keys.
    ApiError e = fail("BatchWriteItem", R"({"RequestItems":{"tbl":[],"x!":[]}})");
    QVERIFY2(e.message().startsWith(QLatin1String("2 validation errors detected: Value '")), qPrintable(e.message()));
    QVERIFY2(e.message().contains(QLatin1String("' at 'requestItems' failed to satisfy constraint: Map keys must satisfy constraint: "
                                                 "[Member must have length less than or equal to 255, Member must have length greater than "
                                                 "or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]; Value '")),
             qPrintable(e.message()));
    QVERIFY2(e.message().endsWith(values), qPrintable(e.message()));
    // A value's own members: under the table's key.
    e = fail("BatchGetItem", R"({"RequestItems":{"tbl":{"Keys":[]}}})");
    QCOMPARE(e.message(), QStringLiteral("1 validation error detected: Value '[]' at 'requestItems.tbl.member.keys' failed to satisfy "
                                         "constraint: Member must have length greater than or equal to 1"));
    e = fail("BatchGetItem", R"({"RequestItems":{"tbl":{"Keys":[{"pk":{"S":"a"},"sk":{"N":"1"}}],"AttributesToGet":[]}}})");
    QCOMPARE(e.message(), QStringLiteral("1 validation error detected: Value '[]' at 'requestItems.tbl.member.attributesToGet' failed to "
                                         "satisfy constraint: Member must have length greater than or equal to 1"));
}

void TestItemOps::conditionFailureReturnsOldItemWhenAsked()
{
    ok("PutItem", R"({"TableName":"tbl","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"v":{"N":"5"}}})");
    const ApiError e = fail("PutItem", R"({"TableName":"tbl","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"v":{"N":"6"}},
        "ConditionExpression":"v = :x","ExpressionAttributeValues":{":x":{"N":"4"}},
        "ReturnValuesOnConditionCheckFailure":"ALL_OLD"})");
    QCOMPARE(e.type(), QStringLiteral("ConditionalCheckFailedException"));
    QCOMPARE(e.extra().value(QLatin1String("Item")).toObject().value(QLatin1String("v")).toObject(),
             QJsonObject({{QStringLiteral("N"), QStringLiteral("5")}}));
    const QJsonObject got = ok("GetItem", R"({"TableName":"tbl","Key":{"pk":{"S":"a"},"sk":{"N":"1"}}})");
    QCOMPARE(got.value(QLatin1String("Item")).toObject().value(QLatin1String("v")).toObject().value(QLatin1String("N")).toString(),
             QStringLiteral("5"));
}

void TestItemOps::updateReturnValues_data()
{
    QTest::addColumn<QString>("returnValues");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("NONE") << "NONE" << QByteArray("{}");
    QTest::newRow("ALL_OLD") << "ALL_OLD" << QByteArray(R"({"Attributes":{"m":{"M":{"a":{"N":"1"},"b":{"S":"x"}}},"pk":{"S":"u"},"sk":{"N":"2"}}})");
    QTest::newRow("UPDATED_OLD") << "UPDATED_OLD" << QByteArray(R"({"Attributes":{"m":{"M":{"a":{"N":"1"}}}}})");
    QTest::newRow("UPDATED_NEW") << "UPDATED_NEW" << QByteArray(R"({"Attributes":{"m":{"M":{"a":{"N":"3"}}},"n":{"SS":["q"]}}})");
    QTest::newRow("ALL_NEW") << "ALL_NEW" << QByteArray(R"({"Attributes":{"m":{"M":{"a":{"N":"3"},"b":{"S":"x"}}},"n":{"SS":["q"]},"pk":{"S":"u"},"sk":{"N":"2"}}})");
}

void TestItemOps::updateReturnValues()
{
    QFETCH(QString, returnValues);
    QFETCH(QByteArray, expected);
    ok("PutItem", R"({"TableName":"tbl","Item":{"pk":{"S":"u"},"sk":{"N":"2"},"m":{"M":{"a":{"N":"1"},"b":{"S":"x"}}}}})");
    const QJsonObject out = ok("UpdateItem", R"({"TableName":"tbl","Key":{"pk":{"S":"u"},"sk":{"N":"2"}},
        "UpdateExpression":"SET m.a = m.a + :two ADD n :s","ExpressionAttributeValues":{":two":{"N":"2"},":s":{"SS":["q"]}},
        "ReturnValues":")" + returnValues.toLatin1() + "\"}");
    QCOMPARE(out, QJsonDocument::fromJson(expected).object());
}

void TestItemOps::rejectedWritesChangeNothing()
{
    ok("PutItem", R"({"TableName":"tbl","Item":{"pk":{"S":"k"},"sk":{"N":"1"},"n":{"N":"1"},"s":{"S":"x"}}})");
    QCOMPARE(fail("UpdateItem", R"({"TableName":"tbl","Key":{"pk":{"S":"k"},"sk":{"N":"1"}},"UpdateExpression":"SET n = s + :one",
        "ExpressionAttributeValues":{":one":{"N":"1"}}})").message(),
             QStringLiteral("An operand in the update expression has an incorrect data type"));
    QCOMPARE(fail("UpdateItem", R"({"TableName":"tbl","Key":{"pk":{"S":"k"},"sk":{"N":"1"}},"UpdateExpression":"SET n = :big",
        "ExpressionAttributeValues":{":big":{"S":")" + QByteArray(400 * 1024, 'x') + R"("}}})").message(),
             QStringLiteral("Item size to update has exceeded the maximum allowed size"));
    const QJsonObject got = ok("GetItem", R"({"TableName":"tbl","Key":{"pk":{"S":"k"},"sk":{"N":"1"}}})");
    QCOMPARE(got.value(QLatin1String("Item")).toObject().value(QLatin1String("n")).toObject().value(QLatin1String("N")).toString(),
             QStringLiteral("1"));
    const QJsonObject table = ok("DescribeTable", R"({"TableName":"tbl"})").value(QLatin1String("Table")).toObject();
    QCOMPARE(table.value(QLatin1String("ItemCount")).toInteger(), 1);
}

void TestItemOps::itemCountAndSizeFollowWrites()
{
    ok("PutItem", R"({"TableName":"tbl","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"data":{"S":"1234567890"}}})");
    ok("PutItem", R"({"TableName":"tbl","Item":{"pk":{"S":"b"},"sk":{"N":"1"}}})");
    auto table = ok("DescribeTable", R"({"TableName":"tbl"})").value(QLatin1String("Table")).toObject();
    QCOMPARE(table.value(QLatin1String("ItemCount")).toInteger(), 2);
    // pk 2+1, sk 2+2 per item, plus data 4+10
    QCOMPARE(table.value(QLatin1String("TableSizeBytes")).toInteger(), (3 + 4 + 14) + (3 + 4));
    ok("DeleteItem", R"({"TableName":"tbl","Key":{"pk":{"S":"a"},"sk":{"N":"1"}}})");
    table = ok("DescribeTable", R"({"TableName":"tbl"})").value(QLatin1String("Table")).toObject();
    QCOMPARE(table.value(QLatin1String("ItemCount")).toInteger(), 1);
    QCOMPARE(table.value(QLatin1String("TableSizeBytes")).toInteger(), 7);
}

void TestItemOps::delayTransientStatuses()
{
    api::EngineOptions o;
    o.inMemory = true;
    o.clock = &m_clock;
    o.delayTransientStatuses = true;
    m_engine = std::move(api::Engine::open(o).value());
    const QJsonObject created = ok("CreateTable", R"({"TableName":"slow","BillingMode":"PAY_PER_REQUEST",
        "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]})");
    QCOMPARE(created.value(QLatin1String("TableDescription")).toObject().value(QLatin1String("TableStatus")).toString(), QStringLiteral("CREATING"));
    QCOMPARE(fail("DeleteTable", R"({"TableName":"slow"})").type(), QStringLiteral("ResourceInUseException"));
    // AWS's answer while the table is CREATING (ack-api-quirks DDB-TABLE-442).
    const ApiError ttl = fail("DescribeTimeToLive", R"({"TableName":"slow"})");
    QCOMPARE(ttl.type(), QStringLiteral("ValidationException"));
    QCOMPARE(ttl.message(), QStringLiteral("Cannot describe time to live while table is in CREATING state: Current table state is CREATING"));
    m_clock.advanceMs(10'000);
    QCOMPARE(ok("DescribeTable", R"({"TableName":"slow"})").value(QLatin1String("Table")).toObject().value(QLatin1String("TableStatus")).toString(),
             QStringLiteral("ACTIVE"));
    QCOMPARE(ok("DescribeTimeToLive", R"({"TableName":"slow"})").value(QLatin1String("TimeToLiveDescription")).toObject()
                 .value(QLatin1String("TimeToLiveStatus")).toString(), QStringLiteral("DISABLED"));
}

namespace {

// IndexName -> IndexStatus of `table`'s global secondary indexes.
QMap<QString, QString> indexStatuses(const QJsonObject &table)
{
    QMap<QString, QString> out;
    for (const auto &v : table.value(QLatin1String("GlobalSecondaryIndexes")).toArray())
        out.insert(v.toObject().value(QLatin1String("IndexName")).toString(), v.toObject().value(QLatin1String("IndexStatus")).toString());
    return out;
}

} // namespace

// With delayTransientStatuses: item operations on a table still CREATING
// fail as on AWS; the indexes made with a table are ACTIVE once it is, also
// while a later change keeps it UPDATING; an index UpdateTable adds is
// CREATING until the table's update ends. In either mode a deleted index
// leaves later answers (UpdateTable, DescribeBackup) once its deletion ends.
void TestItemOps::indexStatusesWhileTheTableChanges()
{
    api::EngineOptions o;
    o.inMemory = true;
    o.clock = &m_clock;
    o.delayTransientStatuses = true;
    m_engine = std::move(api::Engine::open(o).value());
    const QJsonObject created = ok("CreateTable", R"({"TableName":"gsis","BillingMode":"PAY_PER_REQUEST",
        "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"a","AttributeType":"S"}],
        "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
        "GlobalSecondaryIndexes":[{"IndexName":"byA","KeySchema":[{"AttributeName":"a","KeyType":"HASH"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}]})");
    QCOMPARE(indexStatuses(created.value(QLatin1String("TableDescription")).toObject()).value(QStringLiteral("byA")), QStringLiteral("CREATING"));
    for (const auto &[op, body] : std::initializer_list<std::pair<const char *, const char *>>{
             {"PutItem", R"({"TableName":"gsis","Item":{"pk":{"S":"1"}}})"},
             {"GetItem", R"({"TableName":"gsis","Key":{"pk":{"S":"1"}}})"},
             {"Scan", R"({"TableName":"gsis"})"},
             {"BatchWriteItem", R"({"RequestItems":{"gsis":[{"PutRequest":{"Item":{"pk":{"S":"1"}}}}]}})"},
             {"TransactWriteItems", R"({"TransactItems":[{"Put":{"TableName":"gsis","Item":{"pk":{"S":"1"}}}}]})"}}) {
        const ApiError e = fail(op, body);
        QVERIFY2(e.type() == QLatin1String("ResourceNotFoundException") || e.message().contains(QLatin1String("ResourceNotFound")),
                 qPrintable(QLatin1String(op) + QLatin1String(": ") + e.type() + QLatin1String(" ") + e.message()));
    }
    QVERIFY(fail("GetItem", R"({"TableName":"gsis","Key":{"pk":{"S":"1"}}})").type() == QLatin1String("ResourceNotFoundException"));
    m_clock.advanceMs(10'000);
    ok("PutItem", R"({"TableName":"gsis","Item":{"pk":{"S":"1"},"a":{"S":"x"},"b":{"S":"y"}}})");

    // Adding byB: the table UPDATING, byA ACTIVE, byB CREATING, after its backfill too.
    const QJsonObject adding = ok("UpdateTable", R"({"TableName":"gsis","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},
        {"AttributeName":"a","AttributeType":"S"},{"AttributeName":"b","AttributeType":"S"}],
        "GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"byB","KeySchema":[{"AttributeName":"b","KeyType":"HASH"}],
                                                  "Projection":{"ProjectionType":"KEYS_ONLY"}}}]})");
    QMap<QString, QString> statuses = indexStatuses(adding.value(QLatin1String("TableDescription")).toObject());
    QCOMPARE(statuses.value(QStringLiteral("byA")), QStringLiteral("ACTIVE"));
    QCOMPARE(statuses.value(QStringLiteral("byB")), QStringLiteral("CREATING"));
    const auto describe = [this] { return ok("DescribeTable", R"({"TableName":"gsis"})").value(QLatin1String("Table")).toObject(); };
    QVERIFY(QTest::qWaitFor([&] { return !describe().value(QLatin1String("GlobalSecondaryIndexes")).toArray().at(1).toObject().value(QLatin1String("Backfilling")).toBool(); }, 10'000));
    QCOMPARE(describe().value(QLatin1String("TableStatus")).toString(), QStringLiteral("UPDATING"));
    statuses = indexStatuses(describe());
    QCOMPARE(statuses.value(QStringLiteral("byA")), QStringLiteral("ACTIVE"));
    QCOMPARE(statuses.value(QStringLiteral("byB")), QStringLiteral("CREATING"));
    m_clock.advanceMs(10'000);
    QCOMPARE(describe().value(QLatin1String("TableStatus")).toString(), QStringLiteral("ACTIVE"));
    statuses = indexStatuses(describe());
    QCOMPARE(statuses.value(QStringLiteral("byB")), QStringLiteral("ACTIVE"));

    // Deleting byB: DELETING in its own answer, gone from every later one.
    const QJsonObject deleting = ok("UpdateTable", R"({"TableName":"gsis","GlobalSecondaryIndexUpdates":[{"Delete":{"IndexName":"byB"}}]})");
    QCOMPARE(indexStatuses(deleting.value(QLatin1String("TableDescription")).toObject()).value(QStringLiteral("byB")), QStringLiteral("DELETING"));
    m_clock.advanceMs(10'000);
    QVERIFY(!indexStatuses(describe()).contains(QStringLiteral("byB")));
    const QJsonObject later = ok("UpdateTable", R"({"TableName":"gsis","StreamSpecification":{"StreamEnabled":true,"StreamViewType":"KEYS_ONLY"}})");
    statuses = indexStatuses(later.value(QLatin1String("TableDescription")).toObject());
    QCOMPARE(statuses.keys(), QStringList{QStringLiteral("byA")});
    QCOMPARE(statuses.value(QStringLiteral("byA")), QStringLiteral("ACTIVE"));
    m_clock.advanceMs(10'000);
    const QString arn = ok("CreateBackup", R"({"TableName":"gsis","BackupName":"withoutB"})").value(QLatin1String("BackupDetails")).toObject()
                            .value(QLatin1String("BackupArn")).toString();
    const QJsonObject backup = ok("DescribeBackup", QJsonObject{{QStringLiteral("BackupArn"), arn}})
                                   .value(QLatin1String("BackupDescription")).toObject();
    const QJsonArray backedUp = backup.value(QLatin1String("SourceTableFeatureDetails")).toObject().value(QLatin1String("GlobalSecondaryIndexes")).toArray();
    QCOMPARE(backedUp.size(), 1);
    QCOMPARE(backedUp.at(0).toObject().value(QLatin1String("IndexName")).toString(), QStringLiteral("byA"));
}

void TestItemOps::concurrentWritersAllLand()
{
    // Group commit: many threads write at once; every acknowledged write is there.
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) {
                const QByteArray req = QStringLiteral(R"J({"TableName":"tbl","Item":{"pk":{"S":"w%1"},"sk":{"N":"%2"}},
                    "ConditionExpression":"attribute_not_exists(pk)"})J").arg(t).arg(i).toUtf8();
                if (!m_engine->call(m_ctx, QStringLiteral("PutItem"), QByteArrayView(req)).ok())
                    ++failures;
            }
        });
    for (auto &t : threads)
        t.join();
    QCOMPARE(failures.load(), 0);
    const QJsonObject table = ok("DescribeTable", R"({"TableName":"tbl"})").value(QLatin1String("Table")).toObject();
    QCOMPARE(table.value(QLatin1String("ItemCount")).toInteger(), 1600);
}

// Regression: DeleteTable describes the table (with its live item count)
// inside its own write; in memory that read took the write lock again and
// aborted with "Resource deadlock avoided".
void TestItemOps::deleteTableInMemoryDoesNotDeadlock()
{
    ok("PutItem", R"({"TableName":"tbl","Item":{"pk":{"S":"a"},"sk":{"N":"1"}}})");
    const QJsonObject out = ok("DeleteTable", R"({"TableName":"tbl"})").value(QLatin1String("TableDescription")).toObject();
    QCOMPARE(out.value(QLatin1String("TableStatus")).toString(), QStringLiteral("DELETING"));
    QCOMPARE(out.value(QLatin1String("ItemCount")).toInteger(), 1);
    QCOMPARE(fail("DescribeTable", R"({"TableName":"tbl"})").type(), QStringLiteral("ResourceNotFoundException"));
}

// Items of more than about 900 bytes keep their JSON in b<id>, referred to
// from their t<id> row (storage/itemstore.h): every read path returns them
// whole; overwrites either way, updates and deletes leave exactly one body
// per large item; a large item overwritten by a large one keeps its body
// row; a reopened database reads them; DeleteTable drops them.
void TestItemOps::largeItemsLiveBesideTheirRows()
{
    QTemporaryDir dir;
    openQuiet(dir.path());
    ok("CreateTable", pkSkTable("big"));
    const QList<int> sizes{10, 800, 850, 870, 880, 900, 1000, 3000, 5000, 100000};
    QMap<int, QJsonObject> expected;
    const auto put = [&](int sk, const QJsonObject &it) {
        expected[sk] = it;
        ok("PutItem", {{QStringLiteral("TableName"), QStringLiteral("big")}, {QStringLiteral("Item"), it}});
    };
    const auto check = [&](const char *when) {
        QJsonArray all;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            all.append(*it);
            const QJsonObject got = ok("GetItem", {{QStringLiteral("TableName"), QStringLiteral("big")}, {QStringLiteral("Key"), bigKey(it.key())},
                                                   {QStringLiteral("ConsistentRead"), true}});
            QVERIFY2(got.value(QStringLiteral("Item")).toObject() == *it, when);
        }
        const QJsonObject q = ok("Query", R"({"TableName":"big","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}}})");
        QVERIFY2(q.value(QStringLiteral("Items")).toArray() == all, when);
        const QJsonObject back = ok("Query", R"({"TableName":"big","KeyConditionExpression":"pk = :p","ScanIndexForward":false,
            "FilterExpression":"size(v) > :n","ProjectionExpression":"sk, v","ExpressionAttributeValues":{":p":{"S":"p"},":n":{"N":"0"}}})");
        QCOMPARE(back.value(QStringLiteral("Count")).toInt(), int(expected.size()));
        const QJsonObject scan = ok("Scan", R"({"TableName":"big"})");
        QVERIFY2(scan.value(QStringLiteral("Items")).toArray() == all, when);
        QJsonArray keys;
        for (int sk : expected.keys())
            keys.append(bigKey(sk));
        const QJsonObject batch = ok("BatchGetItem", {{QStringLiteral("RequestItems"), QJsonObject{{QStringLiteral("big"), QJsonObject{{QStringLiteral("Keys"), keys}}}}}});
        QCOMPARE(batch.value(QStringLiteral("Responses")).toObject().value(QStringLiteral("big")).toArray().size(), expected.size());
    };
    for (int i = 0; i < sizes.size(); ++i)
        put(i, bigItem(i, sizes[i], 'a'));
    check("after the puts");
    for (int i = 0; i < sizes.size(); ++i)
        put(i, bigItem(i, sizes[sizes.size() - 1 - i], 'b')); // large ones small, small ones large
    check("after the overwrites");
    for (int round = 0; round < 30; ++round) // large over large: the same body row, rewritten
        put(0, bigItem(0, 2000 + 100 * round, char('c' + round % 20)));
    ok("UpdateItem", R"({"TableName":"big","Key":{"pk":{"S":"p"},"sk":{"N":"0"}},"UpdateExpression":"SET w = :w","ExpressionAttributeValues":{":w":{"S":"x"}}})");
    expected[0].insert(QStringLiteral("w"), QJsonObject{{QStringLiteral("S"), QStringLiteral("x")}});
    for (int i = 1; i < sizes.size(); i += 2) {
        ok("DeleteItem", {{QStringLiteral("TableName"), QStringLiteral("big")}, {QStringLiteral("Key"), bigKey(i)}});
        expected.remove(i);
    }
    check("after the deletes");
    m_engine.reset();
    const QString file = dir.path() + QStringLiteral("/us-east-1.db");
    const qint64 spilled = sqlInt(file, QStringLiteral("SELECT count(*) FROM t1 WHERE %1").arg(kIsBodyRef));
    QVERIFY2(spilled >= 2, qPrintable(QString::number(spilled)));
    QCOMPARE(sqlInt(file, QStringLiteral("SELECT count(*) FROM t1 WHERE substr(item, 1, 1) = '{' AND length(item) > 900")), 0);
    QCOMPARE(sqlInt(file, QStringLiteral("SELECT count(*) FROM b1")), spilled);
    // 10 + 5 large items were written, then item 0 rewritten 30 times in place.
    QVERIFY(sqlInt(file, QStringLiteral("SELECT max(id) FROM b1")) <= 15);
    openQuiet(dir.path());
    check("after reopening");
    ok("DeleteTable", R"({"TableName":"big"})");
    m_engine.reset();
    QCOMPARE(sqlInt(file, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name IN ('t1', 'b1')")), 0);
}

// An index that projects ALL attributes holds a large item's entry as a
// reference to the item's own body (storage/itemstore.h): queries on GSIs
// and LSIs return whole items through every change of an item's size and
// index keys, and through a backfill; no body is duplicated or left behind,
// and every reference is the one its item's row holds.
void TestItemOps::allProjectionEntriesShareLargeItemsBodies()
{
    QTemporaryDir dir;
    openQuiet(dir.path());
    ok("CreateTable", R"({"TableName":"big","BillingMode":"PAY_PER_REQUEST",
        "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"},
                                {"AttributeName":"g","AttributeType":"S"},{"AttributeName":"l","AttributeType":"N"}],
        "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
        "GlobalSecondaryIndexes":[
            {"IndexName":"all","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}},
            {"IndexName":"keys","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}],
        "LocalSecondaryIndexes":[
            {"IndexName":"local","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"l","KeyType":"RANGE"}],
             "Projection":{"ProjectionType":"ALL"}}]})");
    QMap<int, QJsonObject> expected;
    const auto put = [&](int sk, int size, const QString &g, char fill) {
        QJsonObject it = bigItem(sk, size, fill);
        it.insert(QStringLiteral("g"), QJsonObject{{QStringLiteral("S"), g}});
        it.insert(QStringLiteral("l"), QJsonObject{{QStringLiteral("N"), QString::number(100 - sk)}});
        expected[sk] = it;
        ok("PutItem", {{QStringLiteral("TableName"), QStringLiteral("big")}, {QStringLiteral("Item"), it}});
    };
    const auto byG = [&](const QString &g) {
        QJsonArray out;
        for (const QJsonObject &it : std::as_const(expected))
            if (it.value(QStringLiteral("g")).toObject().value(QStringLiteral("S")).toString() == g)
                out.append(it);
        return out;
    };
    const auto sortBySk = [](QJsonArray a) {
        QList<QJsonObject> l;
        for (const QJsonValue &v : a)
            l.append(v.toObject());
        std::sort(l.begin(), l.end(), [](const QJsonObject &x, const QJsonObject &y) {
            return x.value(QStringLiteral("sk")).toObject().value(QStringLiteral("N")).toString().toInt()
                   < y.value(QStringLiteral("sk")).toObject().value(QStringLiteral("N")).toString().toInt();
        });
        QJsonArray out;
        for (const QJsonObject &o : l)
            out.append(o);
        return out;
    };
    const auto check = [&](const char *when, const QStringList &indexes) {
        for (const QString &g : {QStringLiteral("x"), QStringLiteral("y")})
            for (const QString &index : indexes) {
                const QJsonObject q = ok("Query", {{QStringLiteral("TableName"), QStringLiteral("big")}, {QStringLiteral("IndexName"), index},
                                                   {QStringLiteral("KeyConditionExpression"), QStringLiteral("g = :g")},
                                                   {QStringLiteral("ExpressionAttributeValues"), QJsonObject{{QStringLiteral(":g"), QJsonObject{{QStringLiteral("S"), g}}}}}});
                QVERIFY2(sortBySk(q.value(QStringLiteral("Items")).toArray()) == byG(g), qPrintable(QStringLiteral("%1 %2 %3").arg(QLatin1String(when), index, g)));
            }
        // The LSI, newest l first = ascending sk.
        const QJsonObject l = ok("Query", R"({"TableName":"big","IndexName":"local","KeyConditionExpression":"pk = :p",
            "ScanIndexForward":false,"ExpressionAttributeValues":{":p":{"S":"p"}}})");
        QJsonArray all;
        for (const QJsonObject &it : std::as_const(expected))
            all.append(it);
        QVERIFY2(l.value(QStringLiteral("Items")).toArray() == all, when);
        QJsonArray withG;
        for (const QJsonObject &it : std::as_const(expected))
            if (it.contains(QStringLiteral("g")))
                withG.append(it);
        const QJsonObject scan = ok("Scan", R"({"TableName":"big","IndexName":"all"})");
        QVERIFY2(sortBySk(scan.value(QStringLiteral("Items")).toArray()) == withG, when);
    };
    const QList<int> sizes{10, 500, 2000, 3000, 8000, 50000};
    for (int i = 0; i < sizes.size(); ++i)
        put(i, sizes[i], i % 2 ? QStringLiteral("x") : QStringLiteral("y"), 'a');
    check("after the puts", {QStringLiteral("all")});
    for (int i = 0; i < sizes.size(); ++i) // sizes reversed, each item moved to the other g
        put(i, sizes[sizes.size() - 1 - i], i % 2 ? QStringLiteral("y") : QStringLiteral("x"), 'b');
    check("after the overwrites", {QStringLiteral("all")});
    put(3, 4000, QStringLiteral("y"), 'c'); // large over large, g kept
    put(4, 4100, QStringLiteral("y"), 'd'); // large over large, g moved
    ok("UpdateItem", R"({"TableName":"big","Key":{"pk":{"S":"p"},"sk":{"N":"5"}},"UpdateExpression":"REMOVE g"})");
    expected[5].remove(QStringLiteral("g"));
    ok("DeleteItem", {{QStringLiteral("TableName"), QStringLiteral("big")}, {QStringLiteral("Key"), bigKey(0)}});
    expected.remove(0);
    check("after the updates and deletes", {QStringLiteral("all")});
    // A new ALL index, backfilled over the large items.
    ok("UpdateTable", R"({"TableName":"big","AttributeDefinitions":[{"AttributeName":"g","AttributeType":"S"}],
        "GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"later","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],
        "Projection":{"ProjectionType":"ALL"}}}]})");
    for (int i = 0; i < 1000; ++i) {
        const QJsonArray gsis = ok("DescribeTable", R"({"TableName":"big"})").value(QStringLiteral("Table")).toObject()
                                    .value(QStringLiteral("GlobalSecondaryIndexes")).toArray();
        bool active = true;
        for (const QJsonValue &g : gsis)
            active = active && g.toObject().value(QStringLiteral("IndexStatus")).toString() == QStringLiteral("ACTIVE");
        if (active)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    check("after the backfill", {QStringLiteral("all"), QStringLiteral("later")});
    m_engine.reset();
    const QString file = dir.path() + QStringLiteral("/us-east-1.db");
    // Tables and indexes share one id counter: all, keys, local, later.
    QCOMPARE(sqlInt(file, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name IN ('i1_2', 'i1_3', 'i1_4', 'i1_5')")), 4);
    const qint64 large = sqlInt(file, QStringLiteral("SELECT count(*) FROM t1 WHERE %1").arg(kIsBodyRef));
    QCOMPARE(large, 4); // items 1 (8,000 B), 2 (3,000), 3 (4,000) and 4 (4,100); 5 (10 B) is inline
    QCOMPARE(sqlInt(file, QStringLiteral("SELECT count(*) FROM b1")), large);
    // Every ALL index holds the large items' references, each its row's.
    const QStringList stores{QStringLiteral("i1_2"), QStringLiteral("i1_4"), QStringLiteral("i1_5")};
    qint64 refs = 0;
    for (const QString &store : stores) {
        refs += sqlInt(file, QStringLiteral("SELECT count(*) FROM %1 WHERE %2").arg(store, kIsBodyRef));
        QCOMPARE(sqlInt(file, QStringLiteral("SELECT count(*) FROM %1 i WHERE %2 AND NOT EXISTS "
                                             "(SELECT 1 FROM t1 t WHERE t.pk = i.tpk AND t.sk = i.tsk AND t.item = i.item)").arg(store, kIsBodyRef)), 0);
        QCOMPARE(sqlInt(file, QStringLiteral("SELECT count(*) FROM %1 WHERE substr(item, 1, 1) = '{' AND length(item) > 1000").arg(store)), 0);
    }
    QCOMPARE(refs, 3 * large); // each large item has g: in both ALL GSIs and the LSI
}

// A database of schema 5 held every item's JSON in its t<id> row. Opened by
// this build, it gets b<id> tables; its large rows read as before and move
// to b<id> when overwritten, and deleting them leaves no body behind.
void TestItemOps::largeItemsWrittenInlineBeforeSchema6StillWork()
{
    QTemporaryDir dir;
    openQuiet(dir.path());
    ok("CreateTable", pkSkTable("old"));
    for (int i = 0; i < 4; ++i)
        ok("PutItem", {{QStringLiteral("TableName"), QStringLiteral("old")}, {QStringLiteral("Item"), bigItem(i, 10, 'a')}});
    m_engine.reset();
    // Make it a schema 5 database whose items are large and inline.
    const QString file = dir.path() + QStringLiteral("/us-east-1.db");
    for (int i = 0; i < 4; ++i) {
        const QByteArray json = QJsonDocument(bigItem(i, 3000, char('k' + i))).toJson(QJsonDocument::Compact);
        const QString hex = QString::fromLatin1(json.toHex());
        QCOMPARE(sqlInt(file, QStringLiteral("UPDATE t1 SET item = X'%1', size = size + 2990 WHERE (h, pk, sk) IN "
                                             "(SELECT h, pk, sk FROM t1 LIMIT 1 OFFSET %2) RETURNING 1").arg(hex).arg(i)), 1);
    }
    QCOMPARE(sqlInt(file, QStringLiteral("DROP TABLE b1")), 0);
    QCOMPARE(sqlInt(file, QStringLiteral("UPDATE meta SET value = 5 WHERE key = 'schema_version'")), 0);
    openQuiet(dir.path());
    const QJsonArray before = ok("Scan", R"({"TableName":"old"})").value(QStringLiteral("Items")).toArray();
    QCOMPARE(before.size(), 4);
    for (const QJsonValue &v : before)
        QCOMPARE(v.toObject().value(QStringLiteral("v")).toObject().value(QStringLiteral("S")).toString().size(), 3000);
    ok("PutItem", {{QStringLiteral("TableName"), QStringLiteral("old")}, {QStringLiteral("Item"), bigItem(0, 4000, 'z')}});
    ok("PutItem", {{QStringLiteral("TableName"), QStringLiteral("old")}, {QStringLiteral("Item"), bigItem(1, 5, 'z')}});
    ok("DeleteItem", {{QStringLiteral("TableName"), QStringLiteral("old")}, {QStringLiteral("Key"), bigKey(2)}});
    const QJsonObject got = ok("GetItem", {{QStringLiteral("TableName"), QStringLiteral("old")}, {QStringLiteral("Key"), bigKey(0)}});
    QCOMPARE(got.value(QStringLiteral("Item")).toObject(), bigItem(0, 4000, 'z'));
    QCOMPARE(ok("Scan", R"({"TableName":"old"})").value(QStringLiteral("Count")).toInt(), 3);
    m_engine.reset();
    QCOMPARE(sqlInt(file, QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'")), 6);
    QCOMPARE(sqlInt(file, QStringLiteral("SELECT count(*) FROM b1")), 1);
    QCOMPARE(sqlInt(file, QStringLiteral("SELECT count(*) FROM t1 WHERE length(item) = 9")), 1);
}

QTEST_APPLESS_MAIN(TestItemOps)
#include "tst_itemops.moc"
