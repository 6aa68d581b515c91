// TransactWriteItems and TransactGetItems through Engine::call: all or
// nothing across tables, one cancellation reason per action in order,
// AWS's validation messages, doubled capacity, the change log written for
// every change of a committed transaction and for none of a cancelled one,
// and ClientRequestToken idempotency over a ManualClock (10 minutes, kept
// across a restart).
#include "api/engine.h"
#include "enginecalls.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace dd;

class TestTransactions : public QObject, test::EngineCalls {
    Q_OBJECT

public:
    // Before the members the engine uses (EngineCalls).
    ~TestTransactions() override { m_engine.reset(); }

private:
    ManualClock m_clock{1'700'000'000'000};
    std::unique_ptr<QTemporaryDir> m_dir;

    void open(bool onDisk);  // a new engine with the two tables, in memory or in a new directory
    void reopen();           // the engine again on the same data (a restart)
    void createTables();
    QString balance(const char *id);
    qint64 changeLogRows();
    // A transfer of `amount` from a to b, guarded by a's balance, logged in the ledger.
    static QByteArray transfer(int amount, const QByteArray &extra = QByteArray());

private slots:
    void init();
    void allFourActionsAcrossTables();
    void cancellationReasons_data();
    void cancellationReasons();
    void validation_data();
    void validation();
    void capacityCountsDouble();
    void changeLogHasEveryChangeOfACommittedTransactionOnly();
    void idempotentWithinTenMinutes();
    void tokenSurvivesRestart();
    void transactGetItems();
    void transactGetValidation();
};

void TestTransactions::open(bool onDisk)
{
    m_engine.reset();
    m_dir.reset(onDisk ? new QTemporaryDir : nullptr);
    reopen();
    createTables();
}

void TestTransactions::reopen()
{
    m_engine.reset();
    api::EngineOptions o;
    o.inMemory = !m_dir;
    o.dataDir = m_dir ? m_dir->path() : QString();
    o.clock = &m_clock;
    m_engine = std::move(api::Engine::open(o).value());
}

void TestTransactions::createTables()
{
    // Streams on both, so that their changes go to the change log, which the tests count.
    QVERIFY(call("CreateTable", R"J({"TableName":"accounts","BillingMode":"PAY_PER_REQUEST",
        "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"},
        "AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],
        "KeySchema":[{"AttributeName":"id","KeyType":"HASH"}]})J").ok());
    QVERIFY(call("CreateTable", R"J({"TableName":"ledger","BillingMode":"PAY_PER_REQUEST",
        "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"KEYS_ONLY"},
        "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],
        "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]})J").ok());
    QVERIFY(call("PutItem", R"J({"TableName":"accounts","Item":{"id":{"S":"a"},"balance":{"N":"100"},"name":{"S":"Ann"}}})J").ok());
    QVERIFY(call("PutItem", R"J({"TableName":"accounts","Item":{"id":{"S":"b"},"balance":{"N":"5"}}})J").ok());
}

QString TestTransactions::balance(const char *id)
{
    const QJsonObject r = ok("GetItem", QByteArray(R"J({"TableName":"accounts","ConsistentRead":true,"Key":{"id":{"S":")J") + id + "\"}}}");
    return r.value(QLatin1String("Item")).toObject().value(QLatin1String("balance")).toObject().value(QLatin1String("N")).toString();
}

qint64 TestTransactions::changeLogRows()
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(QDir(m_dir->path()).filePath(QStringLiteral("us-east-1.db")).toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *s = nullptr;
    sqlite3_prepare_v2(db, "SELECT IFNULL(SUM(n), 0) FROM changelog", -1, &s, nullptr);
    qint64 n = -1;
    if (s && sqlite3_step(s) == SQLITE_ROW)
        n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
}

QByteArray TestTransactions::transfer(int amount, const QByteArray &extra)
{
    const QByteArray n = QByteArray::number(amount);
    return R"J({"TransactItems":[
        {"Update":{"TableName":"accounts","Key":{"id":{"S":"a"}},"UpdateExpression":"SET balance = balance - :n",
                   "ConditionExpression":"balance >= :n","ExpressionAttributeValues":{":n":{"N":")J" + n + R"J("}}}},
        {"Update":{"TableName":"accounts","Key":{"id":{"S":"b"}},"UpdateExpression":"SET balance = balance + :n",
                   "ExpressionAttributeValues":{":n":{"N":")J" + n + R"J("}}}},
        {"Put":{"TableName":"ledger","Item":{"pk":{"S":"t"},"sk":{"N":")J" + n + R"J("}}}}])J" + extra + "}";
}

void TestTransactions::init()
{
    open(false);
}

void TestTransactions::allFourActionsAcrossTables()
{
    QVERIFY(call("PutItem", R"J({"TableName":"ledger","Item":{"pk":{"S":"old"},"sk":{"N":"1"}}})J").ok());
    const QJsonObject r = ok("TransactWriteItems", R"J({"TransactItems":[
        {"ConditionCheck":{"TableName":"accounts","Key":{"id":{"S":"b"}},"ConditionExpression":"attribute_exists(id)"}},
        {"Update":{"TableName":"accounts","Key":{"id":{"S":"a"}},"UpdateExpression":"SET balance = balance - :n, #t = :t",
                   "ExpressionAttributeNames":{"#t":"tag"},"ExpressionAttributeValues":{":n":{"N":"30"},":t":{"S":"x"}}}},
        {"Put":{"TableName":"ledger","Item":{"pk":{"S":"t"},"sk":{"N":"1"},"amount":{"N":"30"}},"ConditionExpression":"attribute_not_exists(pk)"}},
        {"Delete":{"TableName":"ledger","Key":{"pk":{"S":"old"},"sk":{"N":"1"}}}},
        {"Update":{"TableName":"accounts","Key":{"id":{"S":"new"}},"UpdateExpression":"SET balance = :z","ExpressionAttributeValues":{":z":{"N":"0"}}}}]})J");
    QCOMPARE(r, QJsonObject());
    QCOMPARE(balance("a"), QStringLiteral("70"));
    QCOMPARE(balance("b"), QStringLiteral("5"));
    QCOMPARE(balance("new"), QStringLiteral("0"));
    QVERIFY(ok("GetItem", R"J({"TableName":"ledger","Key":{"pk":{"S":"old"},"sk":{"N":"1"}}})J").isEmpty());
    QCOMPARE(ok("GetItem", R"J({"TableName":"ledger","Key":{"pk":{"S":"t"},"sk":{"N":"1"}}})J")
                 .value(QLatin1String("Item")).toObject().value(QLatin1String("amount")).toObject().value(QLatin1String("N")).toString(),
             QStringLiteral("30"));
}

void TestTransactions::cancellationReasons_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QByteArray>("reasons");
    QTest::newRow("condition, then none") << transfer(1000)
        << "Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None, None]"
        << QByteArray(R"J([{"Code":"ConditionalCheckFailed","Message":"The conditional request failed"},{"Code":"None"},{"Code":"None"}])J");
    QTest::newRow("ALL_OLD returns the item") << QByteArray(R"J({"TransactItems":[
        {"Put":{"TableName":"ledger","Item":{"pk":{"S":"x"},"sk":{"N":"1"}}}},
        {"ConditionCheck":{"TableName":"accounts","Key":{"id":{"S":"a"}},"ConditionExpression":"balance > :m",
            "ExpressionAttributeValues":{":m":{"N":"100"}},"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}}]})J")
        << "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]"
        << QByteArray(R"J([{"Code":"None"},{"Code":"ConditionalCheckFailed","Message":"The conditional request failed",
                          "Item":{"id":{"S":"a"},"balance":{"N":"100"},"name":{"S":"Ann"}}}])J");
    QTest::newRow("ALL_OLD of a missing item") << QByteArray(R"J({"TransactItems":[
        {"Delete":{"TableName":"accounts","Key":{"id":{"S":"zz"}},"ConditionExpression":"attribute_exists(id)","ReturnValuesOnConditionCheckFailure":"ALL_OLD"}}]})J")
        << "Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed]"
        << QByteArray(R"J([{"Code":"ConditionalCheckFailed","Message":"The conditional request failed"}])J");
    QTest::newRow("every failure is reported") << QByteArray(R"J({"TransactItems":[
        {"ConditionCheck":{"TableName":"accounts","Key":{"id":{"S":"b"}},"ConditionExpression":"attribute_not_exists(id)"}},
        {"Update":{"TableName":"accounts","Key":{"id":{"S":"a"}},"UpdateExpression":"ADD #n :one","ExpressionAttributeNames":{"#n":"name"},"ExpressionAttributeValues":{":one":{"N":"1"}}}},
        {"Delete":{"TableName":"accounts","Key":{"id":{"S":"c"}}}}]})J")
        << "Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, ValidationError, None]"
        << QByteArray(R"J([{"Code":"ConditionalCheckFailed","Message":"The conditional request failed"},
                          {"Code":"ValidationError","Message":"An operand in the update expression has an incorrect data type"},{"Code":"None"}])J");
    const QByteArray big(300 * 1024, 'x');
    QTest::newRow("update grows the item too large") << QByteArray(R"J({"TransactItems":[
        {"Update":{"TableName":"accounts","Key":{"id":{"S":"a"}},"UpdateExpression":"SET p1 = :v, p2 = :v","ExpressionAttributeValues":{":v":{"S":")J" + big + R"J("}}}}]})J")
        << "Transaction cancelled, please refer cancellation reasons for specific reasons [ValidationError]"
        << QByteArray(R"J([{"Code":"ValidationError","Message":"Item size to update has exceeded the maximum allowed size"}])J");
}

void TestTransactions::cancellationReasons()
{
    QFETCH(QByteArray, request);
    QFETCH(QString, message);
    QFETCH(QByteArray, reasons);
    open(true);
    const qint64 logBefore = changeLogRows();
    const ApiError e = fail("TransactWriteItems", request);
    QCOMPARE(e.type(), QStringLiteral("TransactionCanceledException"));
    QCOMPARE(e.message(), message);
    QCOMPARE(e.extra().value(QLatin1String("CancellationReasons")).toArray(), QJsonDocument::fromJson(reasons).array());
    // Nothing of it is applied, and nothing is logged.
    QCOMPARE(balance("a"), QStringLiteral("100"));
    QCOMPARE(balance("b"), QStringLiteral("5"));
    QCOMPARE(changeLogRows(), logBefore);
    QVERIFY(ok("GetItem", R"J({"TableName":"ledger","Key":{"pk":{"S":"x"},"sk":{"N":"1"}}})J").isEmpty());
}

void TestTransactions::validation_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    const QString v = QStringLiteral("ValidationException");
    QTest::newRow("two actions on one item") << QByteArray(R"J({"TransactItems":[
        {"ConditionCheck":{"TableName":"accounts","Key":{"id":{"S":"a"}},"ConditionExpression":"attribute_exists(id)"}},
        {"Put":{"TableName":"accounts","Item":{"id":{"S":"a"}}}}]})J")
        << v << "Transaction request cannot include multiple operations on one item";
    QTest::newRow("same key in two tables is fine, but not twice in one") << QByteArray(R"J({"TransactItems":[
        {"Delete":{"TableName":"ledger","Key":{"pk":{"S":"a"},"sk":{"N":"1"}}}},
        {"Delete":{"TableName":"ledger","Key":{"pk":{"S":"a"},"sk":{"N":"1.0"}}}}]})J")
        << v << "Transaction request cannot include multiple operations on one item";
    QTest::newRow("no action") << QByteArray(R"J({"TransactItems":[{}]})J")
        << v << "TransactItems can only contain one of Check, Put, Update or Delete";
    QTest::newRow("two kinds") << QByteArray(R"J({"TransactItems":[{"Put":{"TableName":"accounts","Item":{"id":{"S":"q"}}},
        "Delete":{"TableName":"accounts","Key":{"id":{"S":"q"}}}}]})J")
        << v << "TransactItems can only contain one of Check, Put, Update or Delete";
    QTest::newRow("empty list") << QByteArray(R"J({"TransactItems":[]})J")
        << v << "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1";
    QTest::newRow("unknown table") << QByteArray(R"J({"TransactItems":[{"Put":{"TableName":"nope","Item":{"id":{"S":"q"}}}}]})J")
        << "ResourceNotFoundException" << "Requested resource not found";
    QTest::newRow("key mismatch") << QByteArray(R"J({"TransactItems":[{"Delete":{"TableName":"accounts","Key":{"id":{"N":"1"}}}}]})J")
        << v << "The provided key element does not match the schema";
    QTest::newRow("missing key in put") << QByteArray(R"J({"TransactItems":[{"Put":{"TableName":"accounts","Item":{"x":{"S":"q"}}}}]})J")
        << v << "One or more parameter values were invalid: Missing the key id in the item";
    QTest::newRow("unused value, per action") << QByteArray(R"J({"TransactItems":[
        {"Delete":{"TableName":"accounts","Key":{"id":{"S":"a"}},"ConditionExpression":"attribute_exists(id)","ExpressionAttributeValues":{":u":{"N":"1"}}}}]})J")
        << v << "Value provided in ExpressionAttributeValues unused in expressions: keys: {:u}";
    QTest::newRow("names of another action do not count") << QByteArray(R"J({"TransactItems":[
        {"Delete":{"TableName":"accounts","Key":{"id":{"S":"a"}},"ConditionExpression":"attribute_exists(#i)","ExpressionAttributeNames":{"#i":"id"}}},
        {"Delete":{"TableName":"accounts","Key":{"id":{"S":"b"}},"ConditionExpression":"attribute_exists(#i)"}}]})J")
        << v << "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #i";
    QTest::newRow("update of a key") << QByteArray(R"J({"TransactItems":[
        {"Update":{"TableName":"accounts","Key":{"id":{"S":"a"}},"UpdateExpression":"SET id = :v","ExpressionAttributeValues":{":v":{"S":"z"}}}}]})J")
        << v << "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key";
    const QByteArray big(401 * 1024, 'x');
    QTest::newRow("put too large") << QByteArray(R"J({"TransactItems":[{"Put":{"TableName":"accounts","Item":{"id":{"S":"q"},"d":{"S":")J" + big + R"J("}}}}]})J")
        << v << "Item size has exceeded the maximum allowed size";
    QByteArray many = R"J({"TransactItems":[)J";
    const QByteArray chunk(390 * 1024, 'y');
    for (int i = 0; i < 11; ++i)
        many += (i ? "," : "") + QByteArray(R"J({"Put":{"TableName":"accounts","Item":{"id":{"S":"m)J") + QByteArray::number(i) + R"J("},"d":{"S":")J" + chunk + R"J("}}}})J";
    QTest::newRow("over 4 MB") << many + "]}" << v
        << "Collection size of items exceeded, which can also be caused by the aggregate size of the items in the transaction exceeding the 4MB limit";
    QByteArray hundredOne = R"J({"TransactItems":[)J";
    for (int i = 0; i < 101; ++i)
        hundredOne += (i ? "," : "") + QByteArray(R"J({"Delete":{"TableName":"accounts","Key":{"id":{"S":"k)J") + QByteArray::number(i) + R"J("}}}})J";
    QTest::newRow("101 actions") << hundredOne + "]}" << v << "at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100";
}

void TestTransactions::validation()
{
    QFETCH(QByteArray, request);
    QFETCH(QString, type);
    QFETCH(QString, message);
    const ApiError e = fail("TransactWriteItems", request);
    QCOMPARE(e.type(), type);
    if (message.startsWith(QLatin1String("at ")))
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
    else
        QCOMPARE(e.message(), message);
    QCOMPARE(balance("a"), QStringLiteral("100"));
}

void TestTransactions::capacityCountsDouble()
{
    // a: ~30 bytes, one write unit, two in a transaction; b's check: one 4 KB read, two;
    // the 1.5 KB ledger put: two write units, four.
    const QByteArray payload(1500, 'z');
    const QJsonObject r = ok("TransactWriteItems", R"J({"ReturnConsumedCapacity":"INDEXES","TransactItems":[
        {"Update":{"TableName":"accounts","Key":{"id":{"S":"a"}},"UpdateExpression":"SET balance = balance - :n","ExpressionAttributeValues":{":n":{"N":"1"}}}},
        {"ConditionCheck":{"TableName":"accounts","Key":{"id":{"S":"b"}},"ConditionExpression":"attribute_exists(id)"}},
        {"Put":{"TableName":"ledger","Item":{"pk":{"S":"p"},"sk":{"N":"1"},"d":{"S":")J" + payload + R"J("}}}}]})J");
    QCOMPARE(r.value(QLatin1String("ConsumedCapacity")).toArray(), QJsonDocument::fromJson(R"J([
        {"TableName":"accounts","CapacityUnits":4.0,"Table":{"CapacityUnits":4.0}},
        {"TableName":"ledger","CapacityUnits":4.0,"Table":{"CapacityUnits":4.0}}])J").array());

    const QJsonObject g = ok("TransactGetItems", R"J({"ReturnConsumedCapacity":"TOTAL","TransactItems":[
        {"Get":{"TableName":"accounts","Key":{"id":{"S":"a"}}}},{"Get":{"TableName":"accounts","Key":{"id":{"S":"none"}}}},
        {"Get":{"TableName":"ledger","Key":{"pk":{"S":"p"},"sk":{"N":"1"}}}}]})J");
    QCOMPARE(g.value(QLatin1String("ConsumedCapacity")).toArray(), QJsonDocument::fromJson(R"J([
        {"TableName":"accounts","CapacityUnits":4.0},{"TableName":"ledger","CapacityUnits":2.0}])J").array());
}

void TestTransactions::changeLogHasEveryChangeOfACommittedTransactionOnly()
{
    open(true);
    const qint64 before = changeLogRows();
    QVERIFY(call("TransactWriteItems", transfer(10)).ok());
    QCOMPARE(changeLogRows(), before + 3); // two MODIFY, one INSERT
    QVERIFY(!call("TransactWriteItems", transfer(1000)).ok());
    QCOMPARE(changeLogRows(), before + 3);
}

void TestTransactions::idempotentWithinTenMinutes()
{
    const QByteArray tokened = transfer(10, R"J(,"ClientRequestToken":"tok-1","ReturnConsumedCapacity":"TOTAL")J");
    const QJsonObject first = ok("TransactWriteItems", tokened);
    QCOMPARE(balance("a"), QStringLiteral("90"));
    QCOMPARE(first.value(QLatin1String("ConsumedCapacity")).toArray(), QJsonDocument::fromJson(R"J([
        {"TableName":"accounts","CapacityUnits":4.0},{"TableName":"ledger","CapacityUnits":2.0}])J").array());

    // The same request again: success, nothing applied; capacity is the reads of the items.
    m_clock.advanceMs(9 * 60 * 1000);
    const QJsonObject again = ok("TransactWriteItems", tokened);
    QCOMPARE(balance("a"), QStringLiteral("90"));
    QCOMPARE(again.value(QLatin1String("ConsumedCapacity")).toArray(), QJsonDocument::fromJson(R"J([
        {"TableName":"accounts","CapacityUnits":4.0},{"TableName":"ledger","CapacityUnits":2.0}])J").array());
    // Members in another order are the same request; without capacity the answer is {}.
    const QByteArray reordered = R"J({"ClientRequestToken":"tok-1","TransactItems":[
        {"Update":{"Key":{"id":{"S":"a"}},"TableName":"accounts","ExpressionAttributeValues":{":n":{"N":"10"}},
                   "ConditionExpression":"balance >= :n","UpdateExpression":"SET balance = balance - :n"}},
        {"Update":{"TableName":"accounts","Key":{"id":{"S":"b"}},"UpdateExpression":"SET balance = balance + :n",
                   "ExpressionAttributeValues":{":n":{"N":"10"}}}},
        {"Put":{"Item":{"sk":{"N":"10"},"pk":{"S":"t"}},"TableName":"ledger"}}]})J";
    QCOMPARE(ok("TransactWriteItems", reordered), QJsonObject());
    QCOMPARE(balance("a"), QStringLiteral("90"));

    const ApiError mismatch = fail("TransactWriteItems", transfer(11, R"J(,"ClientRequestToken":"tok-1")J"));
    QCOMPARE(mismatch.type(), QStringLiteral("IdempotentParameterMismatchException"));
    QCOMPARE(balance("a"), QStringLiteral("90"));

    // A cancelled transaction records no token: its retry runs.
    QCOMPARE(fail("TransactWriteItems", transfer(500, R"J(,"ClientRequestToken":"tok-2")J")).type(),
             QStringLiteral("TransactionCanceledException"));
    QVERIFY(call("TransactWriteItems", transfer(5, R"J(,"ClientRequestToken":"tok-2")J")).ok());
    QCOMPARE(balance("a"), QStringLiteral("85"));

    // Ten minutes after the first request the token is forgotten: it applies again.
    m_clock.advanceMs(60 * 1000);
    QVERIFY(call("TransactWriteItems", tokened).ok());
    QCOMPARE(balance("a"), QStringLiteral("75"));
    QCOMPARE(balance("b"), QStringLiteral("30"));
}

void TestTransactions::tokenSurvivesRestart()
{
    open(true);
    const QByteArray tokened = transfer(10, R"J(,"ClientRequestToken":"restart")J");
    QVERIFY(call("TransactWriteItems", tokened).ok());
    reopen();
    QVERIFY(call("TransactWriteItems", tokened).ok());
    QCOMPARE(balance("a"), QStringLiteral("90"));
    QCOMPARE(fail("TransactWriteItems", transfer(3, R"J(,"ClientRequestToken":"restart")J")).type(),
             QStringLiteral("IdempotentParameterMismatchException"));
    m_clock.advanceMs(10 * 60 * 1000);
    reopen();
    QVERIFY(call("TransactWriteItems", tokened).ok());
    QCOMPARE(balance("a"), QStringLiteral("80"));
}

void TestTransactions::transactGetItems()
{
    QVERIFY(call("PutItem", R"J({"TableName":"ledger","Item":{"pk":{"S":"t"},"sk":{"N":"1"},"m":{"M":{"x":{"N":"1"},"y":{"N":"2"}}}}})J").ok());
    const QJsonObject r = ok("TransactGetItems", R"J({"TransactItems":[
        {"Get":{"TableName":"accounts","Key":{"id":{"S":"b"}}}},
        {"Get":{"TableName":"accounts","Key":{"id":{"S":"missing"}}}},
        {"Get":{"TableName":"ledger","Key":{"pk":{"S":"t"},"sk":{"N":"1"}},"ProjectionExpression":"#m.y","ExpressionAttributeNames":{"#m":"m"}}},
        {"Get":{"TableName":"accounts","Key":{"id":{"S":"a"}},"ProjectionExpression":"nothere"}}]})J");
    QCOMPARE(r.value(QLatin1String("Responses")).toArray(), QJsonDocument::fromJson(R"J([
        {"Item":{"id":{"S":"b"},"balance":{"N":"5"}}},{},{"Item":{"m":{"M":{"y":{"N":"2"}}}}},{"Item":{}}])J").array());
    QVERIFY(!r.contains(QLatin1String("ConsumedCapacity")));
}

void TestTransactions::transactGetValidation()
{
    ApiError e = fail("TransactGetItems", R"J({"TransactItems":[{"Get":{"TableName":"accounts","Key":{"id":{"S":"a"}}}},
        {"Get":{"TableName":"accounts","Key":{"id":{"S":"a"}},"ProjectionExpression":"id"}}]})J");
    QCOMPARE(e.message(), QStringLiteral("Transaction request cannot include multiple operations on one item"));
    e = fail("TransactGetItems", R"J({"TransactItems":[{"Get":{"TableName":"nope","Key":{"id":{"S":"a"}}}}]})J");
    QCOMPARE(e.type(), QStringLiteral("ResourceNotFoundException"));
    e = fail("TransactGetItems", R"J({"TransactItems":[{"Get":{"TableName":"accounts","Key":{"id":{"S":"a"}},"ExpressionAttributeNames":{"#x":"x"}}}]})J");
    QCOMPARE(e.message(), QStringLiteral("ExpressionAttributeNames can only be specified when using expressions"));
    e = fail("TransactGetItems", R"J({"TransactItems":[{"Get":{"TableName":"accounts","Key":{"id":{"S":"a"}},
        "ProjectionExpression":"#y","ExpressionAttributeNames":{"#y":"y","#x":"x"}}}]})J");
    QCOMPARE(e.message(), QStringLiteral("Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}"));
    // 4 MB of items in one read.
    const QByteArray chunk(390 * 1024, 'y');
    QByteArray gets = R"J({"TransactItems":[)J";
    for (int i = 0; i < 11; ++i) {
        QVERIFY(call("PutItem", R"J({"TableName":"accounts","Item":{"id":{"S":"g)J" + QByteArray::number(i) + R"J("},"d":{"S":")J" + chunk + R"J("}}})J").ok());
        gets += (i ? "," : "") + QByteArray(R"J({"Get":{"TableName":"accounts","Key":{"id":{"S":"g)J") + QByteArray::number(i) + R"J("}}}})J";
    }
    e = fail("TransactGetItems", gets + "]}");
    QCOMPARE(e.type(), QStringLiteral("ValidationException"));
    QVERIFY(e.message().contains(QLatin1String("4MB")));
}

QTEST_APPLESS_MAIN(TestTransactions)
#include "tst_transactions.moc"
