// Engine-level tests of DynamoDB Streams and TTL on a ManualClock: stream
// lifecycles (enable, disable, a new stream per enabling), records per view
// type, iterator expiry at 15 minutes, trimming past the retention, TTL's
// validation and the sweeper's deletions with userIdentity.
#include "api/engine.h"
#include "enginecalls.h"
#include "api/opcontext.h"
#include "pitr/pitrstore.h"
#include "streams/changelogpruner.h"
#include "streams/streamrecord.h"
#include "streams/streamstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace dd;

class TestStreams : public QObject, test::EngineCalls {
    Q_OBJECT

public:
    // Before the members the engine uses (EngineCalls).
    ~TestStreams() override { m_engine.reset(); }

private:
    ManualClock m_clock{1'700'000'000'000};

    void open(qint64 retentionMs = 24LL * 3600 * 1000, int ttlIntervalMs = 0, int pruneIntervalMs = 0)
    {
        m_engine.reset();
        api::EngineOptions o;
        o.inMemory = true;
        o.clock = &m_clock;
        o.streamRetentionMs = retentionMs;
        o.ttlSweepIntervalMs = ttlIntervalMs;
        o.changeLogPruneIntervalMs = pruneIntervalMs;
        m_engine = std::move(api::Engine::open(o).value());
    }
    void createTable(const char *viewType)
    {
        QJsonObject req = QJsonDocument::fromJson(R"({"TableName":"tbl","BillingMode":"PAY_PER_REQUEST",
            "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
            "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]})").object();
        if (viewType)
            req.insert(QStringLiteral("StreamSpecification"),
                       QJsonObject{{QStringLiteral("StreamEnabled"), true}, {QStringLiteral("StreamViewType"), QString::fromLatin1(viewType)}});
        QVERIFY(!ok("CreateTable", req).isEmpty());
    }
    void put(const QString &pk, const QJsonObject &more = {})
    {
        QJsonObject item = more;
        item.insert(QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), pk}});
        ok("PutItem", QJsonObject{{QStringLiteral("TableName"), QStringLiteral("tbl")}, {QStringLiteral("Item"), item}});
    }
    QString latestArn()
    {
        return ok("DescribeTable", R"({"TableName":"tbl"})").value(QStringLiteral("Table")).toObject().value(QStringLiteral("LatestStreamArn")).toString();
    }
    QJsonObject describe(const QString &arn)
    {
        return ok("Streams.DescribeStream", QJsonObject{{QStringLiteral("StreamArn"), arn}}).value(QStringLiteral("StreamDescription")).toObject();
    }
    QString iterator(const QString &arn, const char *type, const QString &seq = {})
    {
        const QString shard = describe(arn).value(QStringLiteral("Shards")).toArray().at(0).toObject().value(QStringLiteral("ShardId")).toString();
        QJsonObject req{{QStringLiteral("StreamArn"), arn}, {QStringLiteral("ShardId"), shard}, {QStringLiteral("ShardIteratorType"), QString::fromLatin1(type)}};
        if (!seq.isEmpty())
            req.insert(QStringLiteral("SequenceNumber"), seq);
        return ok("Streams.GetShardIterator", req).value(QStringLiteral("ShardIterator")).toString();
    }
    QJsonArray records(const QString &it, QString *next = nullptr)
    {
        const QJsonObject r = ok("Streams.GetRecords", QJsonObject{{QStringLiteral("ShardIterator"), it}});
        if (next)
            *next = r.value(QStringLiteral("NextShardIterator")).toString();
        return r.value(QStringLiteral("Records")).toArray();
    }

private slots:
    void recordsFollowWrites();
    void viewTypes_data();
    void viewTypes();
    void iteratorTypes();
    void iteratorExpiresAfter15Minutes();
    void disableKeepsOldStreamReadable();
    void reenableWithinOneMillisecond();
    void trimmedPastRetention();
    void badInput();
    void prunerKeepsOnlyWhatStreamsNeed();
    void changeLogOnlyForConsumers();
    void lambdaFlavourOfRecords();
    void ttlValidation();
    void ttlSweeperDeletesExpiredItems();
};

void TestStreams::recordsFollowWrites()
{
    open();
    createTable("NEW_AND_OLD_IMAGES");
    const QString arn = latestArn();
    QVERIFY(arn.contains(QStringLiteral(":table/tbl/stream/2023-11-14T22:13:20.000")));
    put(QStringLiteral("a"), {{QStringLiteral("v"), QJsonObject{{QStringLiteral("N"), QStringLiteral("1")}}}});
    put(QStringLiteral("a"), {{QStringLiteral("v"), QJsonObject{{QStringLiteral("N"), QStringLiteral("2")}}}});
    put(QStringLiteral("a"), {{QStringLiteral("v"), QJsonObject{{QStringLiteral("N"), QStringLiteral("2")}}}}); // no change: no record
    ok("DeleteItem", R"({"TableName":"tbl","Key":{"pk":{"S":"a"}}})");
    ok("DeleteItem", R"({"TableName":"tbl","Key":{"pk":{"S":"a"}}})"); // nothing to delete: no record

    const QJsonArray list = ok("Streams.ListStreams", R"({"TableName":"tbl"})").value(QStringLiteral("Streams")).toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list[0].toObject().value(QStringLiteral("StreamArn")).toString(), arn);
    const QJsonObject desc = describe(arn);
    QCOMPARE(desc.value(QStringLiteral("StreamStatus")).toString(), QStringLiteral("ENABLED"));
    QCOMPARE(desc.value(QStringLiteral("TableName")).toString(), QStringLiteral("tbl"));

    QString next;
    const QJsonArray recs = records(iterator(arn, "TRIM_HORIZON"), &next);
    QCOMPARE(recs.size(), 3);
    QStringList names;
    QString lastSeq;
    for (const auto &v : recs) {
        const QJsonObject r = v.toObject();
        names << r.value(QStringLiteral("eventName")).toString();
        QCOMPARE(r.value(QStringLiteral("eventSource")).toString(), QStringLiteral("aws:dynamodb"));
        QCOMPARE(r.value(QStringLiteral("eventVersion")).toString(), QStringLiteral("1.1"));
        QCOMPARE(r.value(QStringLiteral("awsRegion")).toString(), QStringLiteral("us-east-1"));
        QVERIFY(!r.contains(QStringLiteral("userIdentity")));
        const QJsonObject d = r.value(QStringLiteral("dynamodb")).toObject();
        const QString seq = d.value(QStringLiteral("SequenceNumber")).toString();
        QCOMPARE(seq.size(), 21);
        QVERIFY(seq > lastSeq);
        lastSeq = seq;
        QCOMPARE(d.value(QStringLiteral("ApproximateCreationDateTime")).toInteger(), 1'700'000'000);
        QCOMPARE(d.value(QStringLiteral("Keys")).toObject(), QJsonDocument::fromJson(R"({"pk":{"S":"a"}})").object());
    }
    QCOMPARE(names, QStringList({QStringLiteral("INSERT"), QStringLiteral("MODIFY"), QStringLiteral("REMOVE")}));
    const QJsonObject modify = recs[1].toObject().value(QStringLiteral("dynamodb")).toObject();
    QCOMPARE(modify.value(QStringLiteral("OldImage")).toObject().value(QStringLiteral("v")).toObject().value(QStringLiteral("N")).toString(), QStringLiteral("1"));
    QCOMPARE(modify.value(QStringLiteral("NewImage")).toObject().value(QStringLiteral("v")).toObject().value(QStringLiteral("N")).toString(), QStringLiteral("2"));
    // Keys (pk "a": 2 + 1) and two images of 2 + 1 + 1 + 2 bytes each.
    QCOMPARE(modify.value(QStringLiteral("SizeBytes")).toInteger(), 3 + 6 + 6);

    // The next iterator sees only what comes later.
    QVERIFY(!next.isEmpty());
    QCOMPARE(records(next, &next).size(), 0);
    put(QStringLiteral("b"));
    const QJsonArray later = records(next, &next);
    QCOMPARE(later.size(), 1);
    QCOMPARE(later[0].toObject().value(QStringLiteral("eventName")).toString(), QStringLiteral("INSERT"));
}

void TestStreams::viewTypes_data()
{
    QTest::addColumn<QString>("viewType");
    QTest::addColumn<bool>("newImage");
    QTest::addColumn<bool>("oldImage");
    QTest::newRow("KEYS_ONLY") << "KEYS_ONLY" << false << false;
    QTest::newRow("NEW_IMAGE") << "NEW_IMAGE" << true << false;
    QTest::newRow("OLD_IMAGE") << "OLD_IMAGE" << false << true;
    QTest::newRow("NEW_AND_OLD_IMAGES") << "NEW_AND_OLD_IMAGES" << true << true;
}

void TestStreams::viewTypes()
{
    QFETCH(QString, viewType);
    QFETCH(bool, newImage);
    QFETCH(bool, oldImage);
    open();
    createTable(viewType.toLatin1().constData());
    put(QStringLiteral("a"));
    put(QStringLiteral("a"), {{QStringLiteral("x"), QJsonObject{{QStringLiteral("S"), QStringLiteral("y")}}}});
    const QJsonArray recs = records(iterator(latestArn(), "TRIM_HORIZON"));
    QCOMPARE(recs.size(), 2);
    const QJsonObject modify = recs[1].toObject().value(QStringLiteral("dynamodb")).toObject();
    QCOMPARE(modify.value(QStringLiteral("StreamViewType")).toString(), viewType);
    QCOMPARE(modify.contains(QStringLiteral("NewImage")), newImage);
    QCOMPARE(modify.contains(QStringLiteral("OldImage")), oldImage);
    const QJsonObject insert = recs[0].toObject().value(QStringLiteral("dynamodb")).toObject();
    QVERIFY(!insert.contains(QStringLiteral("OldImage")));
}

void TestStreams::iteratorTypes()
{
    open();
    createTable("KEYS_ONLY");
    const QString arn = latestArn();
    for (const char *k : {"a", "b", "c"})
        put(QString::fromLatin1(k));
    const QJsonArray all = records(iterator(arn, "TRIM_HORIZON"));
    QCOMPARE(all.size(), 3);
    const QString second = all[1].toObject().value(QStringLiteral("dynamodb")).toObject().value(QStringLiteral("SequenceNumber")).toString();
    QCOMPARE(records(iterator(arn, "AT_SEQUENCE_NUMBER", second)).size(), 2);
    QCOMPARE(records(iterator(arn, "AFTER_SEQUENCE_NUMBER", second)).size(), 1);
    const QString latest = iterator(arn, "LATEST");
    QCOMPARE(records(latest).size(), 0);
    put(QStringLiteral("d"));
    const QJsonArray fresh = records(latest);
    QCOMPARE(fresh.size(), 1);
    QCOMPARE(fresh[0].toObject().value(QStringLiteral("dynamodb")).toObject().value(QStringLiteral("Keys")).toObject().value(QStringLiteral("pk")).toObject().value(QStringLiteral("S")).toString(), QStringLiteral("d"));
    // Limit pages through the shard in order.
    QString it = iterator(arn, "TRIM_HORIZON");
    int seen = 0;
    for (int i = 0; i < 4; ++i) {
        const QJsonObject r = ok("Streams.GetRecords", QJsonObject{{QStringLiteral("ShardIterator"), it}, {QStringLiteral("Limit"), 1}});
        seen += r.value(QStringLiteral("Records")).toArray().size();
        it = r.value(QStringLiteral("NextShardIterator")).toString();
    }
    QCOMPARE(seen, 4);
}

void TestStreams::iteratorExpiresAfter15Minutes()
{
    open();
    createTable("KEYS_ONLY");
    const QString arn = latestArn();
    const QString it = iterator(arn, "TRIM_HORIZON");
    m_clock.advanceMs(15 * 60 * 1000);
    QString next;
    records(it, &next); // exactly 15 minutes: still good
    m_clock.advanceMs(15 * 60 * 1000);
    records(next); // the next iterator is fresh
    m_clock.advanceMs(1);
    const ApiError e = fail("Streams.GetRecords", QJsonObject{{QStringLiteral("ShardIterator"), it}});
    QCOMPARE(e.type(), QStringLiteral("ExpiredIteratorException"));
    QVERIFY(e.message().startsWith(QStringLiteral("Iterator expired.")));
}

void TestStreams::disableKeepsOldStreamReadable()
{
    open();
    createTable("NEW_IMAGE");
    const QString first = latestArn();
    put(QStringLiteral("a"));
    m_clock.advanceMs(1000);
    ok("UpdateTable", R"({"TableName":"tbl","StreamSpecification":{"StreamEnabled":false}})");
    put(QStringLiteral("b")); // while disabled: in no stream
    QCOMPARE(describe(first).value(QStringLiteral("StreamStatus")).toString(), QStringLiteral("DISABLED"));
    const QJsonObject range = describe(first).value(QStringLiteral("Shards")).toArray().at(0).toObject().value(QStringLiteral("SequenceNumberRange")).toObject();
    QVERIFY(range.contains(QStringLiteral("EndingSequenceNumber")));
    m_clock.advanceMs(1000);
    ok("UpdateTable", R"({"TableName":"tbl","StreamSpecification":{"StreamEnabled":true,"StreamViewType":"KEYS_ONLY"}})");
    const QString second = latestArn();
    QVERIFY(second != first);
    put(QStringLiteral("c"));

    QString next = QStringLiteral("x");
    const QJsonArray old = records(iterator(first, "TRIM_HORIZON"), &next);
    QCOMPARE(old.size(), 1);
    QVERIFY(next.isEmpty()); // closed and read to its end
    QCOMPARE(old[0].toObject().value(QStringLiteral("dynamodb")).toObject().value(QStringLiteral("Keys")).toObject().value(QStringLiteral("pk")).toObject().value(QStringLiteral("S")).toString(), QStringLiteral("a"));
    const QJsonArray fresh = records(iterator(second, "TRIM_HORIZON"));
    QCOMPARE(fresh.size(), 1);
    QCOMPARE(fresh[0].toObject().value(QStringLiteral("dynamodb")).toObject().value(QStringLiteral("StreamViewType")).toString(), QStringLiteral("KEYS_ONLY"));
    QCOMPARE(ok("Streams.ListStreams", R"({})").value(QStringLiteral("Streams")).toArray().size(), 2);
    const QJsonObject page = ok("Streams.ListStreams", R"({"Limit":1})");
    QCOMPARE(page.value(QStringLiteral("Streams")).toArray().size(), 1);
    QVERIFY(page.contains(QStringLiteral("LastEvaluatedStreamArn")));
}

void TestStreams::reenableWithinOneMillisecond()
{
    // The same label, hence the same ARN: it names the new stream.
    open();
    createTable("KEYS_ONLY");
    put(QStringLiteral("a"));
    ok("UpdateTable", R"({"TableName":"tbl","StreamSpecification":{"StreamEnabled":false}})");
    ok("UpdateTable", R"({"TableName":"tbl","StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_IMAGE"}})");
    const QString arn = latestArn();
    QCOMPARE(describe(arn).value(QStringLiteral("StreamStatus")).toString(), QStringLiteral("ENABLED"));
    QCOMPARE(describe(arn).value(QStringLiteral("StreamViewType")).toString(), QStringLiteral("NEW_IMAGE"));
    put(QStringLiteral("b"));
    const QJsonArray recs = records(iterator(arn, "TRIM_HORIZON"));
    QCOMPARE(recs.size(), 1);
    QVERIFY(recs[0].toObject().value(QStringLiteral("dynamodb")).toObject().contains(QStringLiteral("NewImage")));
}

void TestStreams::trimmedPastRetention()
{
    open(/*retentionMs*/ 10'000, /*ttl*/ 0, /*prune*/ 20);
    createTable("KEYS_ONLY");
    const QString arn = latestArn();
    put(QStringLiteral("a"));
    put(QStringLiteral("b"));
    const QString horizon = iterator(arn, "TRIM_HORIZON");
    const QString firstSeq = records(horizon).at(0).toObject().value(QStringLiteral("dynamodb")).toObject().value(QStringLiteral("SequenceNumber")).toString();
    m_clock.advanceMs(10'001);
    put(QStringLiteral("c"));
    // Aged out before the pruner ran: trimmed all the same.
    QCOMPARE(fail("Streams.GetRecords", QJsonObject{{QStringLiteral("ShardIterator"), horizon}}).type(), QStringLiteral("TrimmedDataAccessException"));
    // And after it ran.
    QTRY_COMPARE(fail("Streams.GetShardIterator",
                      QJsonObject{{QStringLiteral("StreamArn"), arn},
                                  {QStringLiteral("ShardId"), describe(arn).value(QStringLiteral("Shards")).toArray().at(0).toObject().value(QStringLiteral("ShardId")).toString()},
                                  {QStringLiteral("ShardIteratorType"), QStringLiteral("AT_SEQUENCE_NUMBER")},
                                  {QStringLiteral("SequenceNumber"), firstSeq}})
                     .type(),
                 QStringLiteral("TrimmedDataAccessException"));
    const QJsonArray left = records(iterator(arn, "TRIM_HORIZON"));
    QCOMPARE(left.size(), 1);
    QCOMPARE(left[0].toObject().value(QStringLiteral("dynamodb")).toObject().value(QStringLiteral("Keys")).toObject().value(QStringLiteral("pk")).toObject().value(QStringLiteral("S")).toString(), QStringLiteral("c"));
}

void TestStreams::prunerKeepsOnlyWhatStreamsNeed()
{
    // On a Database of its own, to count the change log's changes.
    auto db = std::move(storage::Database::open(QString(), QStringLiteral("us-east-1"), &m_clock).value());
    QVERIFY(streams::StreamStore::install(*db).ok());
    api::EngineOptions options;
    api::OpContext ctx{*db, m_ctx, options, &m_clock};
    auto call = [&](api::OpHandler h, const QByteArray &json) {
        auto r = h(ctx, QJsonDocument::fromJson(json).object());
        if (!r.ok())
            qWarning() << r.error().message();
        return r.ok() ? QJsonDocument::fromJson(*r).object() : QJsonObject();
    };
    auto rows = [&](const char *where) {
        return db->read<qint64>([&](storage::Connection &c) -> Result<qint64> {
                     storage::Statement *s = c.prepare(QByteArray("SELECT IFNULL(SUM(n), 0) FROM changelog ") + where);
                     s->step();
                     const qint64 n = s->columnInt(0);
                     s->reset();
                     return n;
                 })
            .value();
    };
    const char *keys = R"("BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}])";
    call(api::createTable, QByteArray(R"({"TableName":"streamed",)") + keys + R"(,"StreamSpecification":{"StreamEnabled":true,"StreamViewType":"KEYS_ONLY"}})");
    call(api::createTable, QByteArray(R"({"TableName":"plain",)") + keys + "}");
    for (int i = 0; i < 3; ++i) {
        call(api::putItem, QByteArray(R"({"TableName":"streamed","Item":{"pk":{"S":"k)") + QByteArray::number(i) + R"("}}})");
        call(api::putItem, QByteArray(R"({"TableName":"plain","Item":{"pk":{"S":"k)") + QByteArray::number(i) + R"("}}})");
    }
    QCOMPARE(rows(""), 3); // the plain table's changes are not logged: nothing reads them
    QCOMPARE(rows("WHERE table_id = 1"), 3);
    auto stats = streams::ChangeLogPruner::prune(*db, m_clock.nowMs(), options.streamRetentionMs);
    QVERIFY(stats.ok());
    QCOMPARE(stats->uncovered, 0);
    QCOMPARE(rows(""), 3);

    // Past the retention everything goes (sequence numbers still never go back: see below).
    call(api::updateTable, R"({"TableName":"streamed","StreamSpecification":{"StreamEnabled":false}})");
    m_clock.advanceMs(options.streamRetentionMs + 1);
    stats = streams::ChangeLogPruner::prune(*db, m_clock.nowMs(), options.streamRetentionMs);
    QVERIFY(stats.ok());
    QCOMPARE(stats->trimmed, 3);
    QCOMPARE(rows(""), 0);
    QCOMPARE(call(api::listStreams, "{}").value(QStringLiteral("Streams")).toArray().size(), 1); // disabled, noted now
    m_clock.advanceMs(options.streamRetentionMs + 1);
    QVERIFY(streams::ChangeLogPruner::prune(*db, m_clock.nowMs(), options.streamRetentionMs).ok());
    QCOMPARE(call(api::listStreams, "{}").value(QStringLiteral("Streams")).toArray().size(), 0); // forgotten a day later
    call(api::updateTable, R"({"TableName":"plain","StreamSpecification":{"StreamEnabled":true,"StreamViewType":"KEYS_ONLY"}})");
    call(api::putItem, R"({"TableName":"plain","Item":{"pk":{"S":"z"}}})");
    QCOMPARE(rows("WHERE seq = 4"), 1); // a block of one change, the put's
}

void TestStreams::changeLogOnlyForConsumers()
{
    // Changes go to the change log only while a stream or PITR reads them.
    auto db = std::move(storage::Database::open(QString(), QStringLiteral("us-east-1"), &m_clock).value());
    QVERIFY(streams::StreamStore::install(*db).ok());
    QVERIFY(pitr::PitrStore::install(*db).ok());
    api::EngineOptions options;
    api::OpContext ctx{*db, m_ctx, options, &m_clock};
    auto call = [&](api::OpHandler h, const QByteArray &json) {
        auto r = h(ctx, QJsonDocument::fromJson(json).object());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message()));
    };
    auto rows = [&] {
        return db->read<qint64>([&](storage::Connection &c) -> Result<qint64> {
                     storage::Statement *s = c.prepare("SELECT IFNULL(SUM(n), 0) FROM changelog");
                     s->step();
                     const qint64 n = s->columnInt(0);
                     s->reset();
                     return n;
                 })
            .value();
    };
    int n = 0;
    auto put = [&] { call(api::putItem, R"({"TableName":"tbl","Item":{"pk":{"S":"k)" + QByteArray::number(++n) + R"("}}})"); };
    call(api::createTable, R"({"TableName":"tbl","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]})");
    put();
    QCOMPARE(rows(), 0);
    call(api::updateContinuousBackups, R"({"TableName":"tbl","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}})");
    put();
    QCOMPARE(rows(), 1);
    call(api::updateTable, R"({"TableName":"tbl","StreamSpecification":{"StreamEnabled":true,"StreamViewType":"KEYS_ONLY"}})");
    put();
    QCOMPARE(rows(), 2);
    call(api::updateContinuousBackups, R"({"TableName":"tbl","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":false}})");
    put();
    QCOMPARE(rows(), 3); // the stream still reads them
    call(api::updateTable, R"({"TableName":"tbl","StreamSpecification":{"StreamEnabled":false}})");
    put();
    QCOMPARE(rows(), 3);

    // A transaction that enables nothing but writes after a catalog change
    // in the same group sees the new consumer at once.
    call(api::updateTable, R"({"TableName":"tbl","StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_IMAGE"}})");
    call(api::transactWriteItems, R"({"TransactItems":[{"Put":{"TableName":"tbl","Item":{"pk":{"S":"t1"}}}},{"Delete":{"TableName":"tbl","Key":{"pk":{"S":"k1"}}}}]})");
    QCOMPARE(rows(), 5);
}

void TestStreams::lambdaFlavourOfRecords()
{
    // What a local trigger will pass to a function: Lambda's spelling.
    streams::StreamInfo stream;
    stream.arn = QStringLiteral("arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2023-11-14T22:13:20.000");
    stream.viewType = QStringLiteral("OLD_IMAGE");
    streams::ChangeRow row;
    row.seq = 42;
    row.timeMs = 1'700'000'000'999;
    row.event = storage::ChangeEvent::Remove;
    row.keys = R"({"pk":{"S":"a"}})";
    row.oldImage = R"({"exp":{"N":"1"},"pk":{"S":"a"}})";
    row.origin = streams::ChangeOrigin::TimeToLive;
    api::JsonWriter out;
    QCOMPARE(streams::writeStreamRecord(out, stream, QStringLiteral("eu-west-1"), row, streams::RecordFlavor::LambdaEvent), 3 + 8);
    const QJsonObject r = QJsonDocument::fromJson(out.take()).object();
    QCOMPARE(r.value(QStringLiteral("eventSourceARN")).toString(), stream.arn);
    QCOMPARE(r.value(QStringLiteral("awsRegion")).toString(), QStringLiteral("eu-west-1"));
    QCOMPARE(r.value(QStringLiteral("userIdentity")).toObject(),
             QJsonDocument::fromJson(R"({"type":"Service","principalId":"dynamodb.amazonaws.com"})").object());
    const QJsonObject d = r.value(QStringLiteral("dynamodb")).toObject();
    QCOMPARE(d.value(QStringLiteral("SequenceNumber")).toString(), QStringLiteral("000000000000000000042"));
    QCOMPARE(d.value(QStringLiteral("ApproximateCreationDateTime")).toInteger(), 1'700'000'000);
    QVERIFY(d.contains(QStringLiteral("OldImage")));
}

void TestStreams::badInput()
{
    open();
    createTable("KEYS_ONLY");
    const QString arn = latestArn();
    const QString shard = describe(arn).value(QStringLiteral("Shards")).toArray().at(0).toObject().value(QStringLiteral("ShardId")).toString();
    QCOMPARE(fail("Streams.GetRecords", QJsonObject{{QStringLiteral("ShardIterator"), QStringLiteral("garbage")}}).type(), QStringLiteral("ValidationException"));
    const QString it = iterator(arn, "LATEST");
    QString tampered = it;
    tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == u'A' ? u'B' : u'A';
    QCOMPARE(fail("Streams.GetRecords", QJsonObject{{QStringLiteral("ShardIterator"), tampered}}).type(), QStringLiteral("ValidationException"));
    QCOMPARE(fail("Streams.GetRecords", QJsonObject{{QStringLiteral("ShardIterator"), it}, {QStringLiteral("Limit"), 1001}}).message(),
             QStringLiteral("1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000"));
    const QString unknown = arn.left(arn.lastIndexOf(u'/')) + QStringLiteral("/2020-01-01T00:00:00.000");
    const ApiError notFound = fail("Streams.DescribeStream", QJsonObject{{QStringLiteral("StreamArn"), unknown}});
    QCOMPARE(notFound.type(), QStringLiteral("ResourceNotFoundException"));
    QCOMPARE(notFound.message(), QStringLiteral("Requested resource not found: Stream: %1 not found").arg(unknown));
    QCOMPARE(fail("Streams.DescribeStream", QJsonObject{{QStringLiteral("StreamArn"), QStringLiteral("arn:aws:dynamodb:nonsense-but-long-enough-to-pass")}}).type(),
             QStringLiteral("ValidationException"));
    QCOMPARE(fail("Streams.GetShardIterator", QJsonObject{{QStringLiteral("StreamArn"), arn}, {QStringLiteral("ShardId"), QStringLiteral("shardId-00000000000000000000-00000000")},
                                                          {QStringLiteral("ShardIteratorType"), QStringLiteral("LATEST")}}).type(),
             QStringLiteral("ResourceNotFoundException"));
    QCOMPARE(fail("Streams.GetShardIterator", QJsonObject{{QStringLiteral("StreamArn"), arn}, {QStringLiteral("ShardId"), shard},
                                                          {QStringLiteral("ShardIteratorType"), QStringLiteral("AT_SEQUENCE_NUMBER")}}).type(),
             QStringLiteral("ValidationException"));
    QCOMPARE(fail("Streams.GetShardIterator", QJsonObject{{QStringLiteral("StreamArn"), arn}, {QStringLiteral("ShardId"), shard},
                                                          {QStringLiteral("ShardIteratorType"), QStringLiteral("AT_SEQUENCE_NUMBER")},
                                                          {QStringLiteral("SequenceNumber"), QStringLiteral("999999999999999999999")}}).type(),
             QStringLiteral("ValidationException"));
    QCOMPARE(fail("Streams.GetShardIterator", QJsonObject{{QStringLiteral("StreamArn"), arn}, {QStringLiteral("ShardId"), shard},
                                                          {QStringLiteral("ShardIteratorType"), QStringLiteral("BOGUS")}}).type(),
             QStringLiteral("ValidationException"));
    QCOMPARE(fail("Streams.ListStreams", QJsonObject{{QStringLiteral("TableName"), QStringLiteral("nope")}}).type(), QStringLiteral("ResourceNotFoundException"));
    QCOMPARE(fail("Streams.Nonsense", QJsonObject{}).type(), QStringLiteral("UnknownOperationException"));
}

void TestStreams::ttlValidation()
{
    open();
    createTable(nullptr);
    QCOMPARE(ok("DescribeTimeToLive", R"({"TableName":"tbl"})").value(QStringLiteral("TimeToLiveDescription")).toObject(),
             QJsonDocument::fromJson(R"({"TimeToLiveStatus":"DISABLED"})").object());
    QCOMPARE(fail("UpdateTimeToLive", QJsonDocument::fromJson(R"({"TableName":"tbl","TimeToLiveSpecification":{"AttributeName":"exp","Enabled":false}})").object()).message(),
             QStringLiteral("TimeToLive is already disabled"));
    QCOMPARE(ok("UpdateTimeToLive", R"({"TableName":"tbl","TimeToLiveSpecification":{"AttributeName":"exp","Enabled":true}})"),
             QJsonDocument::fromJson(R"({"TimeToLiveSpecification":{"AttributeName":"exp","Enabled":true}})").object());
    QCOMPARE(ok("DescribeTimeToLive", R"({"TableName":"tbl"})").value(QStringLiteral("TimeToLiveDescription")).toObject(),
             QJsonDocument::fromJson(R"({"TimeToLiveStatus":"ENABLED","AttributeName":"exp"})").object());
    QCOMPARE(fail("UpdateTimeToLive", QJsonDocument::fromJson(R"({"TableName":"tbl","TimeToLiveSpecification":{"AttributeName":"exp","Enabled":true}})").object()).message(),
             QStringLiteral("TimeToLive is already enabled"));
    QCOMPARE(fail("UpdateTimeToLive", QJsonDocument::fromJson(R"({"TableName":"tbl","TimeToLiveSpecification":{"AttributeName":"other","Enabled":true}})").object()).message(),
             QStringLiteral("TimeToLive is active on a different AttributeName: current AttributeName is exp"));
    QCOMPARE(fail("UpdateTimeToLive", QJsonDocument::fromJson(R"({"TableName":"tbl","TimeToLiveSpecification":{"AttributeName":"other","Enabled":false}})").object()).message(),
             QStringLiteral("TimeToLive is active on a different AttributeName: current AttributeName is exp"));
    QCOMPARE(fail("UpdateTimeToLive", QJsonDocument::fromJson(R"({"TableName":"tbl","TimeToLiveSpecification":{"Enabled":true}})").object()).type(),
             QStringLiteral("ValidationException"));
    QCOMPARE(fail("DescribeTimeToLive", QJsonDocument::fromJson(R"({"TableName":"nope"})").object()).type(), QStringLiteral("ResourceNotFoundException"));
    ok("UpdateTimeToLive", R"({"TableName":"tbl","TimeToLiveSpecification":{"AttributeName":"exp","Enabled":false}})");
    QCOMPARE(ok("DescribeTimeToLive", R"({"TableName":"tbl"})").value(QStringLiteral("TimeToLiveDescription")).toObject(),
             QJsonDocument::fromJson(R"({"TimeToLiveStatus":"DISABLED"})").object());
}

void TestStreams::ttlSweeperDeletesExpiredItems()
{
    open(24LL * 3600 * 1000, /*ttl*/ 20, /*prune*/ 0);
    createTable("NEW_AND_OLD_IMAGES");
    const qint64 now = m_clock.nowMs() / 1000;
    auto n = [](qint64 v) { return QJsonObject{{QStringLiteral("N"), QString::number(v)}}; };
    put(QStringLiteral("past"), {{QStringLiteral("exp"), n(now - 10)}});
    put(QStringLiteral("soon"), {{QStringLiteral("exp"), n(now + 60)}});
    put(QStringLiteral("ancient"), {{QStringLiteral("exp"), n(now - 6LL * 365 * 86400)}}); // over five years: left alone
    put(QStringLiteral("string"), {{QStringLiteral("exp"), QJsonObject{{QStringLiteral("S"), QString::number(now - 10)}}}});
    put(QStringLiteral("none"));
    const QString it = iterator(latestArn(), "LATEST");
    ok("UpdateTimeToLive", R"({"TableName":"tbl","TimeToLiveSpecification":{"AttributeName":"exp","Enabled":true}})");
    auto exists = [&](const char *pk) {
        return ok("GetItem", QJsonObject{{QStringLiteral("TableName"), QStringLiteral("tbl")},
                                         {QStringLiteral("Key"), QJsonObject{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), QString::fromLatin1(pk)}}}}}})
            .contains(QStringLiteral("Item"));
    };
    QTRY_VERIFY(!exists("past"));
    QVERIFY(exists("soon"));
    m_clock.advanceMs(61'000);
    QTRY_VERIFY(!exists("soon"));
    QVERIFY(exists("ancient"));
    QVERIFY(exists("string"));
    QVERIFY(exists("none"));

    const QJsonArray recs = records(it);
    QCOMPARE(recs.size(), 2);
    for (const auto &v : recs) {
        const QJsonObject r = v.toObject();
        QCOMPARE(r.value(QStringLiteral("eventName")).toString(), QStringLiteral("REMOVE"));
        QCOMPARE(r.value(QStringLiteral("userIdentity")).toObject(),
                 QJsonDocument::fromJson(R"({"Type":"Service","PrincipalId":"dynamodb.amazonaws.com"})").object());
        QVERIFY(r.value(QStringLiteral("dynamodb")).toObject().contains(QStringLiteral("OldImage")));
    }
    // A user's delete carries no userIdentity.
    const QString after = iterator(latestArn(), "LATEST");
    ok("DeleteItem", R"({"TableName":"tbl","Key":{"pk":{"S":"none"}}})");
    const QJsonArray user = records(after);
    QCOMPARE(user.size(), 1);
    QVERIFY(!user[0].toObject().contains(QStringLiteral("userIdentity")));
}

QTEST_GUILESS_MAIN(TestStreams)
#include "tst_streams.moc"
