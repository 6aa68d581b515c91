// Engine-level tests of the item and table operations: Engine::call on an
// in-memory engine, checking the wire shapes, AWS's messages, that rejected
// requests change nothing, and the change log written with each change.
#include "api/engine.h"
#include "enginecalls.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace dd;

class TestItemOps : public QObject, test::EngineCalls {
    Q_OBJECT

private:
    ManualClock m_clock{1'700'000'000'000};


private slots:
    void init();
    void createTableValidation_data();
    void createTableValidation();
    void malformedJsonIsSerializationException();
    void conditionFailureReturnsOldItemWhenAsked();
    void updateReturnValues_data();
    void updateReturnValues();
    void rejectedWritesChangeNothing();
    void itemCountAndSizeFollowWrites();
    void delayTransientStatuses();
    void concurrentWritersAllLand();
    void deleteTableInMemoryDoesNotDeadlock();
};

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
    m_clock.advanceMs(10'000);
    QCOMPARE(ok("DescribeTable", R"({"TableName":"slow"})").value(QLatin1String("Table")).toObject().value(QLatin1String("TableStatus")).toString(),
             QStringLiteral("ACTIVE"));
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

QTEST_APPLESS_MAIN(TestItemOps)
#include "tst_itemops.moc"
