// Global tables through Engine::call, one engine and several regions:
// UpdateTable ReplicaUpdates (the copy of existing items, the statuses and
// Replicas each region shows, AWS's errors, changing nothing), writes of
// every kind replicated both ways, the replica's stream, concurrent writes
// to the same items converging, table and TTL settings reaching every
// replica, deleting a replica or a region's table, and replication resuming
// after the engine reopens.
#include "enginecalls.h"

#include "model/clock.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QThread>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <random>
#include <thread>

using namespace dd;

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }

} // namespace

class TstGlobalTables : public QObject, public test::EngineCalls {
    Q_OBJECT

public:
    // Before the members the engine uses (EngineCalls).
    ~TstGlobalTables() override { m_engine.reset(); }

    QTemporaryDir m_dir;

    void in(const char *region) { m_ctx.region = s(region); }

    void createTable(const char *name, const char *extra = "")
    {
        ok("CreateTable", QByteArray("{\"TableName\":\"") + name + "\",\"BillingMode\":\"PAY_PER_REQUEST\","
                          "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"},"
                          "{\"AttributeName\":\"g\",\"AttributeType\":\"S\"}],"
                          "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                          "\"GlobalSecondaryIndexes\":[{\"IndexName\":\"byG\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],"
                          "\"Projection\":{\"ProjectionType\":\"ALL\"}}]" + extra + "}");
    }

    void put(const char *table, const QString &pk, int sk, const QString &value)
    {
        ok("PutItem", QJsonObject{{s("TableName"), s(table)},
                                  {s("Item"), QJsonObject{{s("pk"), QJsonObject{{s("S"), pk}}},
                                                          {s("sk"), QJsonObject{{s("N"), QString::number(sk)}}},
                                                          {s("g"), QJsonObject{{s("S"), value.left(3)}}},
                                                          {s("v"), QJsonObject{{s("S"), value}}}}}});
    }

    // Every item of `table` in `region`, sorted, as compact JSON lines.
    QStringList itemsIn(const char *region, const char *table)
    {
        const QString was = m_ctx.region;
        in(region);
        QStringList out;
        QJsonObject start;
        do {
            QJsonObject req{{s("TableName"), s(table)}, {s("ConsistentRead"), true}};
            if (!start.isEmpty())
                req.insert(s("ExclusiveStartKey"), start);
            auto r = call("Scan", req);
            if (!r.ok()) {
                out << r.error().type() + s(": ") + r.error().message();
                break;
            }
            for (const auto &v : r->value(s("Items")).toArray())
                out << QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
            start = r->value(s("LastEvaluatedKey")).toObject();
        } while (!start.isEmpty());
        m_ctx.region = was;
        out.sort();
        return out;
    }

    QJsonObject describe(const char *region, const char *table)
    {
        const QString was = m_ctx.region;
        in(region);
        auto r = call("DescribeTable", QJsonObject{{s("TableName"), s(table)}});
        m_ctx.region = was;
        return r.ok() ? r->value(s("Table")).toObject() : QJsonObject{{s("error"), r.error().type()}};
    }

    // Waits until the table is ACTIVE in `region` and shows every replica
    // ACTIVE, and so does every replica's region (each region's description
    // of the group settles on its own: a change made from one of them right
    // after would otherwise find its entries still CREATING, in use).
    bool waitActive(const char *region, const char *table)
    {
        for (int i = 0; i < 1500; ++i) {
            QStringList regions{QString::fromLatin1(region)};
            bool active = true;
            for (qsizetype at = 0; at < regions.size() && active; ++at) {
                const QJsonObject d = describe(regions.at(at).toLatin1().constData(), table);
                active = d.value(s("TableStatus")).toString() == s("ACTIVE");
                for (const auto &r : d.value(s("Replicas")).toArray()) {
                    active = active && r.toObject().value(s("ReplicaStatus")).toString() == s("ACTIVE");
                    if (!regions.contains(r.toObject().value(s("RegionName")).toString()))
                        regions << r.toObject().value(s("RegionName")).toString();
                }
            }
            if (active)
                return true;
            QThread::msleep(20);
        }
        return false;
    }

    // Waits until `table` holds the same items in both regions.
    bool waitSame(const char *a, const char *b, const char *table, QStringList *items = nullptr)
    {
        for (int i = 0; i < 1500; ++i) {
            const QStringList x = itemsIn(a, table), y = itemsIn(b, table);
            if (x == y) {
                if (items)
                    *items = x;
                return true;
            }
            QThread::msleep(20);
        }
        qWarning() << "differ:" << itemsIn(a, table).size() << itemsIn(b, table).size();
        return false;
    }

    void addReplica(const char *table, const char *region)
    {
        ok("UpdateTable", QJsonObject{{s("TableName"), s(table)},
                                      {s("ReplicaUpdates"), QJsonArray{QJsonObject{{s("Create"), QJsonObject{{s("RegionName"), s(region)}}}}}}});
    }

    // Rows of dd_replica_versions in `region`'s file, read beside the engine (WAL allows it).
    qint64 versionRows(const char *region)
    {
        sqlite3 *db = nullptr;
        const QByteArray path = QDir(m_dir.path()).filePath(s(region) + s(".db")).toUtf8();
        if (sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            sqlite3_close(db);
            return -1;
        }
        sqlite3_stmt *st = nullptr;
        qint64 n = -1;
        if (sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM dd_replica_versions", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        sqlite3_close(db);
        return n;
    }

    static QStringList regionsOf(const QJsonObject &description)
    {
        QStringList out;
        for (const auto &r : description.value(s("Replicas")).toArray())
            out << r.toObject().value(s("RegionName")).toString() + QLatin1Char(':') + r.toObject().value(s("ReplicaStatus")).toString();
        return out;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).removeRecursively();
        openQuiet(m_dir.path());
        in("us-east-1");
    }

    void cleanup() { m_engine.reset(); }

    void aNewReplicaHoldsTheItemsAndEachRegionListsTheOther()
    {
        createTable("Orders");
        for (int i = 0; i < 300; ++i)
            put("Orders", s("p%1").arg(i % 7), i, s("value %1 ").arg(i) + QString(i % 50 == 0 ? 2000 : 10, QLatin1Char('x')));
        const QJsonObject answer = ok("UpdateTable", QJsonObject{{s("TableName"), s("Orders")},
                                                                 {s("ReplicaUpdates"), QJsonArray{QJsonObject{{s("Create"), QJsonObject{{s("RegionName"), s("eu-west-1")}}}}}}})
                                       .value(s("TableDescription")).toObject();
        QCOMPARE(answer.value(s("GlobalTableVersion")).toString(), s("2019.11.21"));
        QCOMPARE(answer.value(s("TableStatus")).toString(), s("UPDATING"));
        QCOMPARE(regionsOf(answer), QStringList{s("eu-west-1:CREATING")});
        // AWS turns the stream on (NEW_AND_OLD_IMAGES) for a table without one.
        QCOMPARE(answer.value(s("StreamSpecification")).toObject().value(s("StreamViewType")).toString(), s("NEW_AND_OLD_IMAGES"));
        QVERIFY(waitActive("us-east-1", "Orders"));
        QVERIFY(waitActive("eu-west-1", "Orders"));

        const QJsonObject east = describe("us-east-1", "Orders"), west = describe("eu-west-1", "Orders");
        QCOMPARE(regionsOf(east), QStringList{s("eu-west-1:ACTIVE")});
        QCOMPARE(regionsOf(west), QStringList{s("us-east-1:ACTIVE")});
        QCOMPARE(west.value(s("GlobalTableVersion")).toString(), s("2019.11.21"));
        QVERIFY(west.value(s("TableArn")).toString().contains(s(":eu-west-1:")));
        QCOMPARE(west.value(s("KeySchema")), east.value(s("KeySchema")));
        QCOMPARE(west.value(s("GlobalSecondaryIndexes")).toArray().size(), 1);
        QCOMPARE(west.value(s("StreamSpecification")).toObject().value(s("StreamViewType")).toString(), s("NEW_AND_OLD_IMAGES"));
        QVERIFY(west.value(s("LatestStreamArn")).toString().contains(s(":eu-west-1:")));

        const QStringList items = itemsIn("us-east-1", "Orders");
        QCOMPARE(items.size(), 300);
        QCOMPARE(itemsIn("eu-west-1", "Orders"), items);
        // The replica's index was filled too.
        in("eu-west-1");
        const QJsonObject byG = ok("Query", R"({"TableName":"Orders","IndexName":"byG","KeyConditionExpression":"g = :g",
                                              "ExpressionAttributeValues":{":g":{"S":"val"}},"Select":"COUNT"})");
        QCOMPARE(byG.value(s("Count")).toInt(), 300);
    }

    void writesOfEveryKindReachTheOtherRegionBothWays()
    {
        createTable("Orders");
        put("Orders", s("a"), 1, s("before"));
        addReplica("Orders", "eu-west-1");
        QVERIFY(waitActive("eu-west-1", "Orders"));

        in("us-east-1");
        put("Orders", s("a"), 2, s("east put"));
        ok("UpdateItem", R"({"TableName":"Orders","Key":{"pk":{"S":"a"},"sk":{"N":"1"}},"UpdateExpression":"SET v = :v, n = :n",
                            "ExpressionAttributeValues":{":v":{"S":"east update"},":n":{"N":"7"}}})");
        ok("BatchWriteItem", R"({"RequestItems":{"Orders":[{"PutRequest":{"Item":{"pk":{"S":"b"},"sk":{"N":"1"},"v":{"S":"batch"}}}},
                                                          {"PutRequest":{"Item":{"pk":{"S":"b"},"sk":{"N":"2"},"v":{"S":"batch"}}}}]}})");
        QVERIFY(waitSame("us-east-1", "eu-west-1", "Orders"));
        in("eu-west-1");
        put("Orders", s("w"), 1, s("west put"));
        ok("TransactWriteItems", R"({"TransactItems":[{"Put":{"TableName":"Orders","Item":{"pk":{"S":"w"},"sk":{"N":"2"},"v":{"S":"txn"}}}},
                                                        {"Delete":{"TableName":"Orders","Key":{"pk":{"S":"b"},"sk":{"N":"2"}}}}]})");
        QStringList items;
        QVERIFY(waitSame("us-east-1", "eu-west-1", "Orders", &items));
        // a/1 (updated), a/2, b/1, w/1, w/2; b/2 deleted in the replica.
        QCOMPARE(items.size(), 5);
        QVERIFY(!items.join(QLatin1Char('\n')).contains(s("{\"N\":\"2\"},\"v\":{\"S\":\"batch")));
        QVERIFY(items.join(QLatin1Char('\n')).contains(s("east update")));
        QVERIFY(items.join(QLatin1Char('\n')).contains(s("txn")));

        // A delete in the replica reaches the source.
        ok("DeleteItem", R"({"TableName":"Orders","Key":{"pk":{"S":"a"},"sk":{"N":"1"}}})");
        QVERIFY(waitSame("us-east-1", "eu-west-1", "Orders", &items));
        QCOMPARE(items.size(), 4);
    }

    void theReplicasStreamHoldsTheReplicatedWrites()
    {
        createTable("Orders");
        addReplica("Orders", "eu-west-1");
        QVERIFY(waitActive("eu-west-1", "Orders"));
        in("us-east-1");
        put("Orders", s("a"), 1, s("from east"));
        QVERIFY(waitSame("us-east-1", "eu-west-1", "Orders"));

        in("eu-west-1");
        const QString arn = describe("eu-west-1", "Orders").value(s("LatestStreamArn")).toString();
        const QJsonObject stream = ok("Streams.DescribeStream", QJsonObject{{s("StreamArn"), arn}}).value(s("StreamDescription")).toObject();
        const QString shard = stream.value(s("Shards")).toArray().first().toObject().value(s("ShardId")).toString();
        const QString it = ok("Streams.GetShardIterator", QJsonObject{{s("StreamArn"), arn}, {s("ShardId"), shard}, {s("ShardIteratorType"), s("TRIM_HORIZON")}})
                               .value(s("ShardIterator")).toString();
        const QJsonArray records = ok("Streams.GetRecords", QJsonObject{{s("ShardIterator"), it}}).value(s("Records")).toArray();
        QCOMPARE(records.size(), 1);
        const QJsonObject r = records.first().toObject();
        QCOMPARE(r.value(s("eventName")).toString(), s("INSERT"));
        QCOMPARE(r.value(s("dynamodb")).toObject().value(s("NewImage")).toObject().value(s("v")).toObject().value(s("S")).toString(), s("from east"));
        QVERIFY(!r.contains(s("userIdentity")));
    }

    void concurrentWritesToTheSameItemsConverge()
    {
        createTable("Hot");
        addReplica("Hot", "eu-west-1");
        QVERIFY(waitActive("eu-west-1", "Hot"));
        // Two writers, one per region, on the same 10 items for a while:
        // puts, updates and deletes, so that the regions disagree until
        // last writer wins settles every item the same way in both.
        std::atomic<int> failures{0};
        auto writer = [&](const char *region, unsigned seed) {
            api::RequestContext ctx;
            ctx.region = s(region);
            std::mt19937 rng(seed);
            for (int i = 0; i < 1500; ++i) {
                const QString key = s("k%1").arg(rng() % 10);
                const int op = int(rng() % 3);
                QJsonObject keyJson{{s("pk"), QJsonObject{{s("S"), key}}}, {s("sk"), QJsonObject{{s("N"), s("1")}}}};
                Result<QByteArray> r = ApiError::internal(QString());
                if (op == 0) {
                    QJsonObject item = keyJson;
                    item.insert(s("v"), QJsonObject{{s("S"), s("%1 %2").arg(s(region)).arg(i)}});
                    r = m_engine->call(ctx, u"PutItem", QJsonObject{{s("TableName"), s("Hot")}, {s("Item"), item}});
                } else if (op == 1) {
                    r = m_engine->call(ctx, u"UpdateItem", QJsonObject{{s("TableName"), s("Hot")}, {s("Key"), keyJson},
                                                                        {s("UpdateExpression"), s("ADD n :one")},
                                                                        {s("ExpressionAttributeValues"), QJsonObject{{s(":one"), QJsonObject{{s("N"), s("1")}}}}}});
                } else {
                    r = m_engine->call(ctx, u"DeleteItem", QJsonObject{{s("TableName"), s("Hot")}, {s("Key"), keyJson}});
                }
                if (!r.ok())
                    ++failures;
            }
        };
        std::thread east(writer, "us-east-1", 1u), west(writer, "eu-west-1", 2u);
        east.join();
        west.join();
        QCOMPARE(failures.load(), 0);
        QVERIFY(waitSame("us-east-1", "eu-west-1", "Hot"));
    }

    void versionsAreForgottenOnceNoOlderChangeCanArrive()
    {
        createTable("Orders");
        addReplica("Orders", "eu-west-1");
        QVERIFY(waitActive("eu-west-1", "Orders"));
        in("us-east-1");
        for (int i = 0; i < 300; ++i)
            put("Orders", s("east"), i, s("e"));
        in("eu-west-1");
        for (int i = 0; i < 300; ++i)
            put("Orders", s("west"), i, s("w"));
        QVERIFY(waitSame("us-east-1", "eu-west-1", "Orders"));
        // Last writer wins needs each item's version while an older change
        // could still arrive: here, for a few seconds (the horizons' slack).
        QVERIFY(versionRows("us-east-1") > 0);
        QTRY_COMPARE_WITH_TIMEOUT(versionRows("us-east-1"), 0, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(versionRows("eu-west-1"), 0, 20000);
        // And a write made after that still replicates, and wins.
        put("Orders", s("east"), 1, s("later"));
        QStringList items;
        QVERIFY(waitSame("us-east-1", "eu-west-1", "Orders", &items));
        QVERIFY(items.join(QLatin1Char('\n')).contains(s("later")));
    }

    void tableAndTimeToLiveSettingsReachEveryReplica()
    {
        createTable("Orders");
        addReplica("Orders", "eu-west-1");
        QVERIFY(waitActive("eu-west-1", "Orders"));
        in("eu-west-1"); // made in the replica, it reaches the source too
        ok("UpdateTimeToLive", R"({"TableName":"Orders","TimeToLiveSpecification":{"AttributeName":"expires","Enabled":true}})");
        ok("UpdateTable", R"({"TableName":"Orders","AttributeDefinitions":[{"AttributeName":"h","AttributeType":"N"}],
                             "GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"byH","KeySchema":[{"AttributeName":"h","KeyType":"HASH"}],
                             "Projection":{"ProjectionType":"KEYS_ONLY"}}}]})");
        ok("UpdateTable", R"({"TableName":"Orders","DeletionProtectionEnabled":true})");
        in("us-east-1");
        const QJsonObject ttl = ok("DescribeTimeToLive", R"({"TableName":"Orders"})").value(s("TimeToLiveDescription")).toObject();
        QCOMPARE(ttl.value(s("AttributeName")).toString(), s("expires"));
        const QJsonObject east = describe("us-east-1", "Orders");
        QStringList indexes;
        for (const auto &g : east.value(s("GlobalSecondaryIndexes")).toArray())
            indexes << g.toObject().value(s("IndexName")).toString();
        indexes.sort();
        QCOMPARE(indexes, (QStringList{s("byG"), s("byH")}));
        // Deletion protection stays with its region, as on AWS.
        QCOMPARE(east.value(s("DeletionProtectionEnabled")).toBool(), false);
        QCOMPARE(describe("eu-west-1", "Orders").value(s("DeletionProtectionEnabled")).toBool(), true);
        // A stream of a global table cannot be turned off.
        const ApiError e = fail("UpdateTable", R"({"TableName":"Orders","StreamSpecification":{"StreamEnabled":false}})");
        QCOMPARE(e.message(), s("One or more parameter values were invalid: Disabling Stream is not allowed for a Global Table replica."));
    }

    void badReplicaUpdatesGetAwsErrorsAndChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("updates");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        QTest::newRow("own region") << QByteArray(R"([{"Create":{"RegionName":"us-east-1"}}])") << s("ValidationException")
                                    << s("Cannot add or delete the local region through ReplicaUpdates. Use CreateTable, DeleteTable, or UpdateTable as required.");
        QTest::newRow("two creates") << QByteArray(R"([{"Create":{"RegionName":"eu-west-1"}},{"Create":{"RegionName":"ap-south-1"}}])")
                                     << s("ValidationException") << s("Update table operation with more than one create or delete replica actions not allowed");
        QTest::newRow("two kinds") << QByteArray(R"([{"Create":{"RegionName":"eu-west-1"},"Delete":{"RegionName":"ap-south-1"}}])")
                                   << s("ValidationException") << s("Update table operation with more than one type of replica actions not allowed.");
        QTest::newRow("no action") << QByteArray(R"([{}])") << s("ValidationException")
                                   << s("There are no actions specified in the Replica Update Action of the request.");
        QTest::newRow("not a replica") << QByteArray(R"([{"Delete":{"RegionName":"ap-south-1"}}])") << s("ValidationException")
                                       << s("Update global table operation failed because one or more replicas were not part of the global table. "
                                            "Please retry the request without these replicas: [ap-south-1].");
        QTest::newRow("update without a change") << QByteArray(R"([{"Update":{"RegionName":"eu-west-1"}}])") << s("ValidationException")
                                                 << s("There are no actions specified in the Replica Update Action of the request.");
        QTest::newRow("throughput of an on-demand replica")
            << QByteArray(R"([{"Update":{"RegionName":"eu-west-1","ProvisionedThroughputOverride":{"ReadCapacityUnits":5}}}])") << s("ValidationException")
            << s("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        QTest::newRow("update of a region that is not a replica")
            << QByteArray(R"([{"Update":{"RegionName":"eu-west-1","TableClassOverride":"STANDARD"}}])") << s("ValidationException")
            << s("Update global table operation failed because one or more replicas were not part of the global table. "
                 "Please retry the request without these replicas: [eu-west-1].");
        QTest::newRow("key of the table's own") << QByteArray(R"([{"Create":{"RegionName":"eu-west-1","KMSMasterKeyId":"k"}}])") << s("ValidationException")
                                                << s("One or more parameter values were invalid: KMSMasterKeyId must be specified for each replica.");
        QTest::newRow("bad region") << QByteArray(R"([{"Create":{"RegionName":"EU-WEST-1"}}])") << s("ValidationException")
                                    << s("Region EU-WEST-1 is not supported. The latest version of global tables are only supported in the following regions: "
                                         "[any region name of lowercase letters, digits and hyphens, such as us-east-1 or eu-west-1].");
    }

    void badReplicaUpdatesGetAwsErrorsAndChangeNothing()
    {
        QFETCH(QByteArray, updates);
        QFETCH(QString, type);
        QFETCH(QString, message);
        createTable("Orders");
        const QJsonObject before = describe("us-east-1", "Orders");
        const ApiError e = fail("UpdateTable", "{\"TableName\":\"Orders\",\"ReplicaUpdates\":" + updates + "}");
        QCOMPARE(e.type(), type);
        QCOMPARE(e.message(), message);
        QCOMPARE(describe("us-east-1", "Orders"), before);
        QCOMPARE(describe("eu-west-1", "Orders").value(s("error")).toString(), s("ResourceNotFoundException"));
    }

    void aReplicaHasSettingsOfItsOwn()
    {
        createTable("Orders");
        ok("UpdateTable", R"({"TableName":"Orders","ReplicaUpdates":[{"Create":{"RegionName":"eu-west-1",
                             "OnDemandThroughputOverride":{"MaxReadRequestUnits":100}}}]})");
        QVERIFY(waitActive("eu-west-1", "Orders"));
        in("us-east-1");
        ok("UpdateTable", R"({"TableName":"Orders","ReplicaUpdates":[{"Update":{"RegionName":"eu-west-1","TableClassOverride":"STANDARD_INFREQUENT_ACCESS"}}]})");
        const QJsonObject entry = describe("us-east-1", "Orders").value(s("Replicas")).toArray().first().toObject();
        QCOMPARE(entry.value(s("OnDemandThroughputOverride")).toObject().value(s("MaxReadRequestUnits")).toInt(), 100);
        QCOMPARE(entry.value(s("ReplicaTableClassSummary")).toObject().value(s("TableClass")).toString(), s("STANDARD_INFREQUENT_ACCESS"));
        QCOMPARE(describe("eu-west-1", "Orders").value(s("TableClassSummary")).toObject().value(s("TableClass")).toString(),
                 s("STANDARD_INFREQUENT_ACCESS"));
        QVERIFY(!describe("us-east-1", "Orders").contains(s("TableClassSummary")));
    }

    void replicaUpdatesMustBeAloneOnAnOnDemandTableAndNewRegion()
    {
        createTable("Orders");
        ApiError e = fail("UpdateTable", R"({"TableName":"Orders","DeletionProtectionEnabled":true,"ReplicaUpdates":[{"Create":{"RegionName":"eu-west-1"}}]})");
        QCOMPARE(e.message(), s("One or more parameter values were invalid: Replica modification must be the only operation in the request"));
        ok("CreateTable", R"({"TableName":"Fixed","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
                             "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5}})");
        e = fail("UpdateTable", R"({"TableName":"Fixed","ReplicaUpdates":[{"Create":{"RegionName":"eu-west-1"}}]})");
        QCOMPARE(e.message(), s("Table write capacity should either be Pay-Per-Request or AutoScaled."));
        // Nor can a global table become provisioned.
        addReplica("Orders", "eu-west-1");
        QVERIFY(waitActive("eu-west-1", "Orders"));
        in("us-east-1");
        e = fail("UpdateTable", R"({"TableName":"Orders","BillingMode":"PROVISIONED","ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5},
                                   "GlobalSecondaryIndexUpdates":[{"Update":{"IndexName":"byG","ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5}}}]})");
        QCOMPARE(e.message(), s("Table write capacity should either be Pay-Per-Request or AutoScaled."));
        in("eu-west-1");
        ok("DeleteTable", R"({"TableName":"Orders"})");
        in("us-east-1");
        // A table of that name already in the other region.
        in("eu-west-1");
        createTable("Orders");
        in("us-east-1");
        e = fail("UpdateTable", R"({"TableName":"Orders","ReplicaUpdates":[{"Create":{"RegionName":"eu-west-1"}}]})");
        QCOMPARE(e.message(), QStringLiteral("Failed to create a the new replica of table with name: \u2018Orders\u2019 because one or more replicas already existed as tables."));
        QVERIFY(!describe("us-east-1", "Orders").contains(s("Replicas")));
    }

    void deletingAReplicaDropsItsTableAndTheGroupShrinks()
    {
        auto *clock = new ManualClock(1'800'000'000'000);
        m_engine.reset();
        api::EngineOptions o;
        o.dataDir = m_dir.path();
        o.clock = clock;
        o.ttlSweepIntervalMs = o.changeLogPruneIntervalMs = o.pitrMaintenanceIntervalMs = 0;
        auto opened = api::Engine::open(o);
        QVERIFY(opened.ok());
        m_engine = std::move(*opened);
        in("us-east-1");
        createTable("Orders");
        put("Orders", s("a"), 1, s("x"));
        addReplica("Orders", "eu-west-1");
        QVERIFY(waitActive("eu-west-1", "Orders"));
        addReplica("Orders", "ap-south-1");
        QVERIFY(waitActive("ap-south-1", "Orders"));
        QVERIFY(waitActive("us-east-1", "Orders"));
        QVERIFY(waitActive("eu-west-1", "Orders")); // each region hears of the new replica in turn
        QCOMPARE(regionsOf(describe("eu-west-1", "Orders")), (QStringList{s("us-east-1:ACTIVE"), s("ap-south-1:ACTIVE")}));
        QCOMPARE(itemsIn("ap-south-1", "Orders").size(), 1);
        // A write in the third region reaches both others.
        in("ap-south-1");
        put("Orders", s("c"), 1, s("from ap"));
        QVERIFY(waitSame("ap-south-1", "eu-west-1", "Orders"));
        QVERIFY(waitSame("ap-south-1", "us-east-1", "Orders"));

        // The source of replicas added in the last 24 hours keeps its table.
        in("us-east-1");
        ApiError e = fail("DeleteTable", R"({"TableName":"Orders"})");
        QCOMPARE(e.message(), s("Replica cannot be deleted because it has acted as a source region for new replica(s) being added to the table in the last 24 hours."));
        // Deleting a replica from here drops its table there.
        ok("UpdateTable", R"({"TableName":"Orders","ReplicaUpdates":[{"Delete":{"RegionName":"ap-south-1"}}]})");
        QCOMPARE(describe("ap-south-1", "Orders").value(s("error")).toString(), s("ResourceNotFoundException"));
        QCOMPARE(regionsOf(describe("us-east-1", "Orders")), QStringList{s("eu-west-1:ACTIVE")});
        QCOMPARE(regionsOf(describe("eu-west-1", "Orders")), QStringList{s("us-east-1:ACTIVE")});
        // DeleteTable in a replica's region leaves the group; the last one is a regional table again.
        clock->advanceMs(24LL * 3600 * 1000 + 1);
        in("eu-west-1");
        ok("DeleteTable", R"({"TableName":"Orders"})");
        const QJsonObject east = describe("us-east-1", "Orders");
        QVERIFY(!east.contains(s("Replicas")));
        QVERIFY(!east.contains(s("GlobalTableVersion")));
        QCOMPARE(east.value(s("StreamSpecification")).toObject().value(s("StreamEnabled")).toBool(), true);
        in("us-east-1");
        put("Orders", s("z"), 1, s("regional again"));
        QCOMPARE(itemsIn("us-east-1", "Orders").size(), 3);
        m_engine.reset();
        delete clock;
    }

    void aReplicaCutShortByARestartIsAbandonedEverywhere()
    {
        createTable("Big");
        for (int i = 0; i < 20000; i += 25) {
            QJsonArray puts;
            for (int j = i; j < i + 25; ++j)
                puts.append(QJsonObject{{s("PutRequest"), QJsonObject{{s("Item"), QJsonObject{{s("pk"), QJsonObject{{s("S"), s("p%1").arg(j % 100)}}},
                                                                                               {s("sk"), QJsonObject{{s("N"), QString::number(j)}}},
                                                                                               {s("v"), QJsonObject{{s("S"), QString(200, QLatin1Char('v'))}}}}}}}});
            ok("BatchWriteItem", QJsonObject{{s("RequestItems"), QJsonObject{{s("Big"), puts}}}});
        }
        addReplica("Big", "eu-west-1");
        openQuiet(m_dir.path()); // closes the engine while the items are (most likely) still being copied
        in("us-east-1");
        const QJsonObject east = describe("us-east-1", "Big"), west = describe("eu-west-1", "Big");
        QCOMPARE(east.value(s("TableStatus")).toString(), s("ACTIVE"));
        if (west.contains(s("error"))) { // cut short: forgotten on both sides
            QVERIFY(!east.contains(s("Replicas")));
            QCOMPARE(west.value(s("error")).toString(), s("ResourceNotFoundException"));
        } else { // it had finished
            QCOMPARE(regionsOf(east), QStringList{s("eu-west-1:ACTIVE")});
            QCOMPARE(west.value(s("TableStatus")).toString(), s("ACTIVE"));
        }
        // Either way the replica can be added (again) and ends with every item.
        if (west.contains(s("error")))
            addReplica("Big", "eu-west-1");
        QVERIFY(waitActive("us-east-1", "Big"));
        QVERIFY(waitActive("eu-west-1", "Big"));
        QStringList items;
        QVERIFY(waitSame("us-east-1", "eu-west-1", "Big", &items));
        QCOMPARE(items.size(), 20000);
    }

    void legacyOperationsAnswerAsAwsDoesToday()
    {
        createTable("Orders");
        ApiError e = fail("CreateGlobalTable", R"({"GlobalTableName":"Orders","ReplicationGroup":[{"RegionName":"us-east-1"},{"RegionName":"eu-west-1"}]})");
        QCOMPARE(e.type(), s("ValidationException"));
        QCOMPARE(e.message(), s("One or more parameter values were invalid: DynamoDB global tables version 2017.11.29 is not supported. "
                                "We recommend using DynamoDB global tables version 2019.11.21, instead of version 2017.11.29 (Legacy)."));
        e = fail("UpdateGlobalTable", R"({"GlobalTableName":"Orders","ReplicaUpdates":[{"Create":{"RegionName":"eu-west-1"}}]})");
        QCOMPARE(e.type(), s("ValidationException"));
        e = fail("UpdateGlobalTable", R"({"GlobalTableName":"Orders","ReplicaUpdates":[]})");
        QCOMPARE(e.type(), s("ValidationException"));
        QCOMPARE(e.message(), s("One or more parameter values were invalid"));
        e = fail("DescribeGlobalTable", R"({"GlobalTableName":"Orders"})");
        QCOMPARE(e.type(), s("GlobalTableNotFoundException"));
        QCOMPARE(e.message(), s("Global table not found: Global table with name: 'Orders' does not exist."));
        e = fail("DescribeGlobalTableSettings", R"({"GlobalTableName":"Orders"})");
        QCOMPARE(e.message(), s("Global table with name: 'Orders' does not exist."));
        QCOMPARE(ok("ListGlobalTables", "{}"), (QJsonObject{{s("GlobalTables"), QJsonArray()}}));
        // A current global table is not a legacy one.
        addReplica("Orders", "eu-west-1");
        QVERIFY(waitActive("eu-west-1", "Orders"));
        QCOMPARE(fail("DescribeGlobalTable", R"({"GlobalTableName":"Orders"})").type(), s("GlobalTableNotFoundException"));
    }

    void aReplicaWhoseFileWasRemovedIsForgotten()
    {
        createTable("Orders");
        addReplica("Orders", "eu-west-1");
        QVERIFY(waitActive("eu-west-1", "Orders"));
        m_engine.reset();
        for (const char *suffix : {".db", ".db-wal", ".db-shm"})
            QFile::remove(QDir(m_dir.path()).filePath(s("eu-west-1") + s(suffix)));
        openQuiet(m_dir.path());
        in("us-east-1");
        put("Orders", s("a"), 1, s("after"));
        QTRY_VERIFY_WITH_TIMEOUT(!describe("us-east-1", "Orders").contains(s("Replicas")), 10000);
        QCOMPARE(describe("us-east-1", "Orders").value(s("TableStatus")).toString(), s("ACTIVE"));
        // It can be added again, and gets every item.
        addReplica("Orders", "eu-west-1");
        QVERIFY(waitActive("eu-west-1", "Orders"));
        QVERIFY(waitSame("us-east-1", "eu-west-1", "Orders"));
    }

    void replicationResumesAfterTheEngineReopens()
    {
        createTable("Orders");
        addReplica("Orders", "eu-west-1");
        QVERIFY(waitActive("eu-west-1", "Orders"));
        in("us-east-1");
        for (int i = 0; i < 200; ++i)
            put("Orders", s("a"), i, s("before close"));
        openQuiet(m_dir.path()); // closes at once: some changes are still on their way
        in("eu-west-1");
        put("Orders", s("w"), 1, s("after reopening"));
        QStringList items;
        QVERIFY(waitSame("us-east-1", "eu-west-1", "Orders", &items));
        QCOMPARE(items.size(), 201);
        QCOMPARE(regionsOf(describe("eu-west-1", "Orders")), QStringList{s("us-east-1:ACTIVE")});
    }
};

QTEST_GUILESS_MAIN(TstGlobalTables)
#include "tst_globaltables.moc"
