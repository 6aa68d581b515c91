// Warm throughput and the Kinesis destination update, through Engine::call,
// as AWS answers them (ack-api-quirks dynamodb, table-throughput-billing.md,
// table-indexes.md, table-policy-kinesis-autoscaling.md):
// - every table and GSI reports WarmThroughput: 12000/4000 on demand, the
//   provisioned capacity otherwise; CreateTable's answer only where asked;
// - CreateTable may ask for more (not less than that, not above 40000);
//   UpdateTable raises it for the table (alone) or a GSI, never lowers it,
//   accepts the same value, and leaves TableStatus and IndexStatus ACTIVE;
// - capacity increases and a switch to on demand raise it, decreases do not;
// - every rejected request changes nothing; the value survives a reopen;
//   restores start from the initial value, new replicas of a global table
//   take the table's, and a raise reaches every replica;
// - UpdateKinesisStreamingDestination checks its configuration, then finds
//   no ACTIVE destination (Kinesis is not emulated).
#include "throughputcalls.h"

#include "model/clock.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QThread>

#include <sqlite3.h>

using namespace dd;
using test::j;

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }

QJsonObject warm(qint64 read, qint64 write, const char *status = "ACTIVE")
{
    return {{s("ReadUnitsPerSecond"), read}, {s("WriteUnitsPerSecond"), write}, {s("Status"), s(status)}};
}


const QString kUrl = s("https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/on-demand-capacity-mode.html#on-demand-capacity-mode-initial");
const QString kStream = s("arn:aws:kinesis:us-east-1:000000000000:stream/orders");

} // namespace

class TstWarmThroughput : public QObject, public test::ThroughputCalls {
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock{1'800'000'000'000};

    // A table shaped as `shape` (kOnDemand, kProvisioned) with `extra` members merged in.
    QJsonObject create(const char *shape, const char *name, const QJsonObject &extra = {})
    {
        QJsonObject req = j(QString::fromLatin1(shape).arg(s(name)).toLatin1().constData());
        for (auto it = extra.begin(); it != extra.end(); ++it)
            req.insert(it.key(), it.value());
        return ok("CreateTable", req).value(s("TableDescription")).toObject();
    }

    // Rewrites the stored descriptions in region us-east-1's file as the
    // engine wrote them before it kept warm throughput (the engine closed).
    bool forgetWarmThroughput()
    {
        sqlite3 *db = nullptr;
        bool done = sqlite3_open_v2(qPrintable(m_dir.path() + s("/us-east-1.db")), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK;
        // The streams' catalog triggers ask the engine where its change log ends.
        static qint64 changeLogEnd = 0;
        sqlite3_stmt *read = nullptr;
        if (done && sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'changelog_seq'", -1, &read, nullptr) == SQLITE_OK
            && sqlite3_step(read) == SQLITE_ROW)
            changeLogEnd = sqlite3_column_int64(read, 0);
        sqlite3_finalize(read);
        done = done && sqlite3_create_function(db, "dd_changelog_end", 0, SQLITE_UTF8, nullptr,
                                               [](sqlite3_context *c, int, sqlite3_value **) { sqlite3_result_int64(c, changeLogEnd); }, nullptr, nullptr)
                           == SQLITE_OK;
        done = done && sqlite3_prepare_v2(db, "SELECT id, description FROM tables", -1, &read, nullptr) == SQLITE_OK;
        QList<QPair<qint64, QByteArray>> rows;
        while (done && sqlite3_step(read) == SQLITE_ROW)
            rows.append({sqlite3_column_int64(read, 0),
                         QByteArray(static_cast<const char *>(sqlite3_column_blob(read, 1)), sqlite3_column_bytes(read, 1))});
        sqlite3_finalize(read);
        for (const auto &[id, json] : rows) {
            QJsonObject d = QJsonDocument::fromJson(json).object();
            d.remove(s("WarmThroughput"));
            QJsonArray gsis = d.value(s("GlobalSecondaryIndexes")).toArray();
            for (qsizetype i = 0; i < gsis.size(); ++i) {
                QJsonObject index = gsis.at(i).toObject();
                index.remove(s("WarmThroughput"));
                gsis.replace(i, index);
            }
            if (!gsis.isEmpty())
                d.insert(s("GlobalSecondaryIndexes"), gsis);
            const QByteArray out = QJsonDocument(d).toJson(QJsonDocument::Compact);
            sqlite3_stmt *write = nullptr;
            done = done && sqlite3_prepare_v2(db, "UPDATE tables SET description = ? WHERE id = ?", -1, &write, nullptr) == SQLITE_OK
                   && sqlite3_bind_blob(write, 1, out.constData(), int(out.size()), SQLITE_TRANSIENT) == SQLITE_OK
                   && sqlite3_bind_int64(write, 2, id) == SQLITE_OK && sqlite3_step(write) == SQLITE_DONE;
            sqlite3_finalize(write);
        }
        if (!done || rows.isEmpty())
            qWarning() << "cannot rewrite the descriptions:" << sqlite3_errmsg(db) << rows.size();
        sqlite3_close(db);
        return done && !rows.isEmpty();
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).removeRecursively();
        openQuiet(m_dir.path(), false, [this](api::EngineOptions &o) { o.clock = &m_clock; });
        in("us-east-1");
    }
    void cleanup() { m_engine.reset(); }

    void defaultsOfNewTablesAndIndexes()
    {
        const QJsonObject created = create(kOnDemand, "ondemand");
        // CreateTable's answer has none unless the request gave one (DDB-TABLE-033).
        QVERIFY(!created.contains(s("WarmThroughput")));
        QVERIFY(!gsi(created).contains(s("WarmThroughput")));
        QCOMPARE(table("ondemand").value(s("WarmThroughput")).toObject(), warm(12000, 4000));
        QCOMPARE(gsi(table("ondemand")).value(s("WarmThroughput")).toObject(), warm(12000, 4000));

        create(kProvisioned, "provisioned");
        QCOMPARE(table("provisioned").value(s("WarmThroughput")).toObject(), warm(5, 7));
        QCOMPARE(gsi(table("provisioned")).value(s("WarmThroughput")).toObject(), warm(3, 2));
        // No LSI has a warm throughput of its own.
        ok("CreateTable", j("{'TableName':'withLsi','BillingMode':'PAY_PER_REQUEST',"
                            "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'S'},"
                            "{'AttributeName':'l','AttributeType':'S'}],"
                            "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],"
                            "'LocalSecondaryIndexes':[{'IndexName':'byL','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
                            "{'AttributeName':'l','KeyType':'RANGE'}],'Projection':{'ProjectionType':'KEYS_ONLY'}}]}"));
        QVERIFY(!table("withLsi").value(s("LocalSecondaryIndexes")).toArray().at(0).toObject().contains(s("WarmThroughput")));
        // DeleteTable's answer has none either (DDB-TABLE-363).
        QVERIFY(!ok("DeleteTable", j("{'TableName':'withLsi'}")).value(s("TableDescription")).toObject().contains(s("WarmThroughput")));
    }

    void createAsksForMore()
    {
        QJsonObject index = j(kOnDemand).value(s("GlobalSecondaryIndexes")).toArray().at(0).toObject();
        index.insert(s("WarmThroughput"), j("{'ReadUnitsPerSecond':15000,'WriteUnitsPerSecond':5000}"));
        const QJsonObject created = create(kOnDemand, "tbl", {{s("WarmThroughput"), j("{'ReadUnitsPerSecond':13000}")},
                                                            {s("GlobalSecondaryIndexes"), QJsonArray{index}}});
        // A partial one keeps the initial value of the other unit (DDB-TABLE-039).
        QCOMPARE(created.value(s("WarmThroughput")).toObject(), warm(13000, 4000));
        QCOMPARE(gsi(created).value(s("WarmThroughput")).toObject(), warm(15000, 5000));
        QCOMPARE(table("tbl").value(s("WarmThroughput")).toObject(), warm(13000, 4000));
        QCOMPARE(gsi(table("tbl")).value(s("WarmThroughput")).toObject(), warm(15000, 5000));

        // The maximum itself, on a provisioned table above its capacity; {} is none.
        create(kProvisioned, "prv", {{s("WarmThroughput"), j("{'ReadUnitsPerSecond':40000,'WriteUnitsPerSecond':100}")}});
        QCOMPARE(table("prv").value(s("WarmThroughput")).toObject(), warm(40000, 100));
        const QJsonObject empty = create(kOnDemand, "empty", {{s("WarmThroughput"), QJsonObject()}});
        QVERIFY(!empty.contains(s("WarmThroughput")));
        QCOMPARE(table("empty").value(s("WarmThroughput")).toObject(), warm(12000, 4000));
    }

    void createValidation_data()
    {
        QTest::addColumn<QString>("shape");
        QTest::addColumn<QJsonObject>("tableWarm");
        QTest::addColumn<QJsonObject>("indexWarm");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        const QString validation = s("ValidationException"), limit = s("LimitExceededException");
        const QString prefix = s("One or more parameter values were invalid: Requested ");
        QTest::newRow("on demand, read below 12000") << s(kOnDemand) << j("{'ReadUnitsPerSecond':1,'WriteUnitsPerSecond':1}") << QJsonObject() << validation
                                                     << prefix + s("ReadUnitsPerSecond for WarmThroughput for table is lower than initial throughput for OnDemand. See: ") + kUrl;
        QTest::newRow("on demand, zero") << s(kOnDemand) << j("{'ReadUnitsPerSecond':0,'WriteUnitsPerSecond':0}") << QJsonObject() << validation
                                         << prefix + s("ReadUnitsPerSecond for WarmThroughput for table is lower than initial throughput for OnDemand. See: ") + kUrl;
        QTest::newRow("on demand, write below 4000") << s(kOnDemand) << j("{'WriteUnitsPerSecond':3999}") << QJsonObject() << validation
                                                      << prefix + s("WriteUnitsPerSecond for WarmThroughput for table is lower than initial throughput for OnDemand. See: ") + kUrl;
        QTest::newRow("provisioned, below its capacity") << s(kProvisioned) << j("{'ReadUnitsPerSecond':4,'WriteUnitsPerSecond':10}") << QJsonObject() << validation
                                                         << prefix + s("ReadUnitsPerSecond for WarmThroughput for table is lower than ReadCapacityUnits of ProvisionedThroughput");
        QTest::newRow("provisioned, write below") << s(kProvisioned) << j("{'ReadUnitsPerSecond':5,'WriteUnitsPerSecond':6}") << QJsonObject() << validation
                                                  << prefix + s("WriteUnitsPerSecond for WarmThroughput for table is lower than WriteCapacityUnits of ProvisionedThroughput");
        QTest::newRow("above the table maximum") << s(kOnDemand) << j("{'ReadUnitsPerSecond':40001}") << QJsonObject() << limit
                                                 << s("Subscriber limit exceeded: Requested ReadUnitsPerSecond for WarmThroughput for table exceeds "
                                                      "TableMaxReadCapacityUnits of the account in region us-east-1");
        QTest::newRow("index, on demand, below") << s(kOnDemand) << QJsonObject() << j("{'ReadUnitsPerSecond':100}") << validation
                                                 << prefix + s("ReadUnitsPerSecond for WarmThroughput for index byG is lower than initial throughput for OnDemand. See: ") + kUrl;
        QTest::newRow("index, provisioned, below") << s(kProvisioned) << QJsonObject() << j("{'WriteUnitsPerSecond':1}") << validation
                                                   << prefix + s("WriteUnitsPerSecond for WarmThroughput for index byG is lower than WriteCapacityUnits of ProvisionedThroughput");
        QTest::newRow("index above the maximum") << s(kOnDemand) << QJsonObject() << j("{'WriteUnitsPerSecond':50000}") << limit
                                                 << s("Subscriber limit exceeded: Requested WriteUnitsPerSecond for WarmThroughput for index byG exceeds "
                                                      "TableMaxWriteCapacityUnits of the account in region us-east-1");
    }
    void createValidation()
    {
        QFETCH(QString, shape);
        QFETCH(QJsonObject, tableWarm);
        QFETCH(QJsonObject, indexWarm);
        QFETCH(QString, type);
        QFETCH(QString, message);
        QJsonObject req = j(shape.arg(s("bad")).toLatin1().constData());
        if (!tableWarm.isEmpty())
            req.insert(s("WarmThroughput"), tableWarm);
        if (!indexWarm.isEmpty()) {
            QJsonObject index = req.value(s("GlobalSecondaryIndexes")).toArray().at(0).toObject();
            index.insert(s("WarmThroughput"), indexWarm);
            req.insert(s("GlobalSecondaryIndexes"), QJsonArray{index});
        }
        const ApiError e = fail("CreateTable", req);
        QCOMPARE(e.type(), type);
        QCOMPARE(e.message(), message);
        QCOMPARE(fail("DescribeTable", j("{'TableName':'bad'}")).type(), s("ResourceNotFoundException"));
    }

    void updateRaisesTheTableAlone()
    {
        create(kOnDemand, "tbl");
        const QJsonObject answer = update("tbl", {{s("WarmThroughput"), j("{'ReadUnitsPerSecond':13000,'WriteUnitsPerSecond':5000}")}});
        QCOMPARE(answer.value(s("WarmThroughput")).toObject(), warm(13000, 5000));
        QCOMPARE(answer.value(s("TableStatus")).toString(), s("ACTIVE"));
        QCOMPARE(table("tbl").value(s("WarmThroughput")).toObject(), warm(13000, 5000));
        // One unit keeps the other; the same value again is accepted (DDB-TABLE-049, -179).
        update("tbl", {{s("WarmThroughput"), j("{'WriteUnitsPerSecond':6000}")}});
        QCOMPARE(table("tbl").value(s("WarmThroughput")).toObject(), warm(13000, 6000));
        update("tbl", {{s("WarmThroughput"), j("{'ReadUnitsPerSecond':13000,'WriteUnitsPerSecond':6000}")}});
        QCOMPARE(table("tbl").value(s("WarmThroughput")).toObject(), warm(13000, 6000));
        // The index's is its own.
        QCOMPARE(gsi(table("tbl")).value(s("WarmThroughput")).toObject(), warm(12000, 4000));
        // With an index raise beside it.
        QJsonObject both = gsiUpdate("Update", j("{'IndexName':'byG','WarmThroughput':{'ReadUnitsPerSecond':20000}}"));
        both.insert(s("WarmThroughput"), j("{'ReadUnitsPerSecond':14000}"));
        update("tbl", both);
        QCOMPARE(table("tbl").value(s("WarmThroughput")).toObject(), warm(14000, 6000));
        QCOMPARE(gsi(table("tbl")).value(s("WarmThroughput")).toObject(), warm(20000, 4000));
    }

    void updateValidation_data()
    {
        QTest::addColumn<QJsonObject>("members");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        const QString validation = s("ValidationException");
        const QString lower = s("One or more parameter values were invalid: Requested %1 for WarmThroughput for %2 is lower than current WarmThroughput, "
                                "decreasing WarmThroughput is not supported");
        QTest::newRow("table read lower") << j("{'WarmThroughput':{'ReadUnitsPerSecond':12999,'WriteUnitsPerSecond':9000}}") << validation
                                          << lower.arg(s("ReadUnitsPerSecond"), s("table"));
        QTest::newRow("table write lower") << j("{'WarmThroughput':{'WriteUnitsPerSecond':4999}}") << validation << lower.arg(s("WriteUnitsPerSecond"), s("table"));
        QTest::newRow("table above the maximum") << j("{'WarmThroughput':{'WriteUnitsPerSecond':40001}}") << s("LimitExceededException")
                                                 << s("Subscriber limit exceeded: Requested WriteUnitsPerSecond for WarmThroughput for table exceeds "
                                                      "TableMaxWriteCapacityUnits of the account in region us-east-1");
        QTest::newRow("empty is none") << j("{'WarmThroughput':{}}") << validation
                                       << s("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, "
                                            "SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, "
                                            "DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required");
        QTest::newRow("with deletion protection") << j("{'WarmThroughput':{'ReadUnitsPerSecond':20000},'DeletionProtectionEnabled':true}") << validation
                                                  << s("One or more parameter values were invalid: WarmThroughput must be the only operation in the request");
        QTest::newRow("with a billing mode") << j("{'WarmThroughput':{'ReadUnitsPerSecond':20000},'BillingMode':'PAY_PER_REQUEST'}") << validation
                                             << s("One or more parameter values were invalid: WarmThroughput must be the only operation in the request");
        QTest::newRow("with an index create")
            << j("{'WarmThroughput':{'ReadUnitsPerSecond':20000},'AttributeDefinitions':[{'AttributeName':'h','AttributeType':'S'}],"
                 "'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'byH','KeySchema':[{'AttributeName':'h','KeyType':'HASH'}],"
                 "'Projection':{'ProjectionType':'ALL'}}}]}")
            << validation << s("One or more parameter values were invalid: Create global secondary index cannot be specified when updating WarmThroughput");
        QTest::newRow("replicas go alone") << j("{'WarmThroughput':{'ReadUnitsPerSecond':20000},'ReplicaUpdates':[{'Create':{'RegionName':'eu-west-1'}}]}")
                                           << validation << s("One or more parameter values were invalid: Replica modification must be the only operation in the request");
        QTest::newRow("index empty") << j("{'GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'byG','WarmThroughput':{}}}]}") << validation
                                     << s("One or more parameter values were invalid: WarmThroughput must have at least one of ReadUnitsPerSecond or "
                                          "WriteUnitsPerSecond specified for index: byG");
        QTest::newRow("index lower") << j("{'GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'byG','WarmThroughput':{'ReadUnitsPerSecond':100}}}]}")
                                     << validation << lower.arg(s("ReadUnitsPerSecond"), s("index byG"));
        QTest::newRow("index above the maximum") << j("{'GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'byG','WarmThroughput':{'ReadUnitsPerSecond':40001}}}]}")
                                                 << s("LimitExceededException")
                                                 << s("Subscriber limit exceeded: Requested ReadUnitsPerSecond for WarmThroughput for index byG exceeds "
                                                      "TableMaxReadCapacityUnits of the account in region us-east-1");
        QTest::newRow("index on demand, nothing to update") << j("{'GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'byG'}}]}") << validation
                                                            << s("One or more parameter values were invalid: The only Updates for index: byG when "
                                                                 "TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput");
        QTest::newRow("no such index") << j("{'GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'ghost','WarmThroughput':{'ReadUnitsPerSecond':20000}}}]}")
                                       << s("ResourceNotFoundException") << s("Requested resource not found: Index: ghost not found for table: tbl");
    }
    void updateValidation()
    {
        QFETCH(QJsonObject, members);
        QFETCH(QString, type);
        QFETCH(QString, message);
        create(kOnDemand, "tbl");
        update("tbl", {{s("WarmThroughput"), j("{'ReadUnitsPerSecond':13000,'WriteUnitsPerSecond':5000}")}});
        const QJsonObject before = table("tbl");
        const ApiError e = updateFails("tbl", members);
        QCOMPARE(e.type(), type);
        QCOMPARE(e.message(), message);
        QCOMPARE(table("tbl"), before);
    }

    // The index's empty WarmThroughput is refused before the table is looked up (DDB-TABLE-456).
    void emptyIndexWarmThroughputBeforeTheTable()
    {
        const ApiError e = updateFails("missing", j("{'GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'ghost','WarmThroughput':{}}}]}"));
        QCOMPARE(e.type(), s("ValidationException"));
        QCOMPARE(e.message(), s("One or more parameter values were invalid: WarmThroughput must have at least one of ReadUnitsPerSecond or "
                                "WriteUnitsPerSecond specified for index: ghost"));
        QCOMPARE(updateFails("missing", j("{'WarmThroughput':{'ReadUnitsPerSecond':20000}}")).type(), s("ResourceNotFoundException"));
    }

    // On a provisioned table it follows the highest capacity ever provisioned;
    // on demand it is at least 12000/4000, also after going back (DDB-TABLE-061).
    void followsTheHighestCapacity()
    {
        create(kProvisioned, "tbl");
        update("tbl", j("{'ProvisionedThroughput':{'ReadCapacityUnits':9,'WriteCapacityUnits':8}}"));
        QCOMPARE(table("tbl").value(s("WarmThroughput")).toObject(), warm(9, 8));
        update("tbl", j("{'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':20}}"));
        QCOMPARE(table("tbl").value(s("WarmThroughput")).toObject(), warm(9, 20));
        const ApiError e = updateFails("tbl", j("{'WarmThroughput':{'ReadUnitsPerSecond':1,'WriteUnitsPerSecond':1}}"));
        QCOMPARE(e.message(), s("One or more parameter values were invalid: Requested ReadUnitsPerSecond for WarmThroughput for table is lower than "
                                "current WarmThroughput, decreasing WarmThroughput is not supported"));
        update("tbl", j("{'WarmThroughput':{'ReadUnitsPerSecond':50}}"));
        QCOMPARE(table("tbl").value(s("WarmThroughput")).toObject(), warm(50, 20));

        // The index: its own capacity, and an update of only its warm throughput leaves the capacity.
        update("tbl", gsiUpdate("Update", j("{'IndexName':'byG','ProvisionedThroughput':{'ReadCapacityUnits':4,'WriteCapacityUnits':6}}")));
        QCOMPARE(gsi(table("tbl")).value(s("WarmThroughput")).toObject(), warm(4, 6));
        update("tbl", gsiUpdate("Update", j("{'IndexName':'byG','ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}")));
        QCOMPARE(gsi(table("tbl")).value(s("WarmThroughput")).toObject(), warm(4, 6));
        update("tbl", gsiUpdate("Update", j("{'IndexName':'byG','WarmThroughput':{'WriteUnitsPerSecond':30}}")));
        QCOMPARE(gsi(table("tbl")).value(s("WarmThroughput")).toObject(), warm(4, 30));
        QCOMPARE(gsi(table("tbl")).value(s("ProvisionedThroughput")).toObject().value(s("ReadCapacityUnits")).toInt(), 1);
        QCOMPARE(updateFails("tbl", gsiUpdate("Update", j("{'IndexName':'byG'}"))).message(),
                 s("One or more parameter values were invalid: ProvisionedThroughput must be specified for index: byG"));

        update("tbl", j("{'BillingMode':'PAY_PER_REQUEST'}"));
        QCOMPARE(table("tbl").value(s("WarmThroughput")).toObject(), warm(12000, 4000));
        QCOMPARE(gsi(table("tbl")).value(s("WarmThroughput")).toObject(), warm(12000, 4000));
        update("tbl", j("{'BillingMode':'PROVISIONED','ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1},"
                      "'GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'byG','ProvisionedThroughput':{'ReadCapacityUnits':2,'WriteCapacityUnits':2}}}]}"));
        QCOMPARE(table("tbl").value(s("WarmThroughput")).toObject(), warm(12000, 4000));
        QCOMPARE(gsi(table("tbl")).value(s("WarmThroughput")).toObject(), warm(12000, 4000));
    }

    void indexesCreatedByUpdateTable()
    {
        create(kOnDemand, "tbl");
        const QJsonObject before = table("tbl");
        const ApiError e = updateFails("tbl", j("{'AttributeDefinitions':[{'AttributeName':'i','AttributeType':'S'}],"
                                                "'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'byI','KeySchema':[{'AttributeName':'i','KeyType':'HASH'}],"
                                                "'Projection':{'ProjectionType':'KEYS_ONLY'},'WarmThroughput':{'WriteUnitsPerSecond':1}}}]}"));
        QCOMPARE(e.type(), s("ValidationException"));
        QCOMPARE(e.message(), s("One or more parameter values were invalid: Requested WriteUnitsPerSecond for WarmThroughput for index byI is lower than "
                                "initial throughput for OnDemand. See: ") + kUrl);
        QCOMPARE(table("tbl"), before);

        update("tbl", j("{'AttributeDefinitions':[{'AttributeName':'h','AttributeType':'S'}],"
                        "'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'byH','KeySchema':[{'AttributeName':'h','KeyType':'HASH'}],"
                        "'Projection':{'ProjectionType':'KEYS_ONLY'},'WarmThroughput':{'ReadUnitsPerSecond':30000}}}]}"));
        QCOMPARE(gsi(table("tbl"), "byH").value(s("WarmThroughput")).toObject(), warm(30000, 4000));
    }

    // With AWS's delays an increase shows Status UPDATING for a while, with
    // the table and the index ACTIVE throughout (DDB-TABLE-179, -155).
    void updatingWhileItIsRaised()
    {
        openQuiet(m_dir.path(), false, [this](api::EngineOptions &o) {
            o.clock = &m_clock;
            o.delayTransientStatuses = true;
        });
        create(kOnDemand, "tbl");
        m_clock.advanceMs(10'000);
        QCOMPARE(table("tbl").value(s("TableStatus")).toString(), s("ACTIVE"));
        const QJsonObject answer = update("tbl", j("{'WarmThroughput':{'ReadUnitsPerSecond':13000},"
                                                 "'GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'byG','WarmThroughput':{'WriteUnitsPerSecond':4500}}}]}"));
        QCOMPARE(answer.value(s("TableStatus")).toString(), s("ACTIVE"));
        QCOMPARE(answer.value(s("WarmThroughput")).toObject(), warm(13000, 4000, "UPDATING"));
        const QJsonObject during = table("tbl");
        QCOMPARE(during.value(s("TableStatus")).toString(), s("ACTIVE"));
        QCOMPARE(during.value(s("WarmThroughput")).toObject(), warm(13000, 4000, "UPDATING"));
        QCOMPARE(gsi(during).value(s("IndexStatus")).toString(), s("ACTIVE"));
        QCOMPARE(gsi(during).value(s("WarmThroughput")).toObject(), warm(12000, 4500, "UPDATING"));
        // A further raise meanwhile is accepted (DDB-TABLE-459).
        update("tbl", j("{'WarmThroughput':{'ReadUnitsPerSecond':14000}}"));
        m_clock.advanceMs(10'000);
        QCOMPARE(table("tbl").value(s("WarmThroughput")).toObject(), warm(14000, 4000));
        QCOMPARE(gsi(table("tbl")).value(s("WarmThroughput")).toObject(), warm(12000, 4500));
        // Asked for at creation: UPDATING in CreateTable's answer too.
        const QJsonObject created = create(kOnDemand, "upd", {{s("WarmThroughput"), j("{'ReadUnitsPerSecond':12001}")}});
        QCOMPARE(created.value(s("WarmThroughput")).toObject(), warm(12001, 4000, "UPDATING"));
    }

    void keptAcrossReopen()
    {
        create(kOnDemand, "tbl");
        update("tbl", j("{'WarmThroughput':{'ReadUnitsPerSecond':21000,'WriteUnitsPerSecond':7000},"
                      "'GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'byG','WarmThroughput':{'ReadUnitsPerSecond':16000}}}]}"));
        create(kProvisioned, "prv");
        update("prv", j("{'ProvisionedThroughput':{'ReadCapacityUnits':10,'WriteCapacityUnits':10}}"));
        update("prv", j("{'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}"));
        const QJsonObject t = table("tbl"), p = table("prv");
        openQuiet(m_dir.path(), false, [this](api::EngineOptions &o) { o.clock = &m_clock; });
        QCOMPARE(table("tbl").value(s("WarmThroughput")).toObject(), warm(21000, 7000));
        QCOMPARE(gsi(table("tbl")).value(s("WarmThroughput")).toObject(), warm(16000, 4000));
        QCOMPARE(table("prv").value(s("WarmThroughput")).toObject(), warm(10, 10));
        QCOMPARE(table("tbl"), t);
        QCOMPARE(table("prv"), p);
    }

    // A table stored before the engine kept warm throughput reports AWS's
    // value for its capacity (at least 12000/4000 if it ever was on demand),
    // and keeps it from its next change on.
    void descriptionsWrittenBeforeIt()
    {
        create(kProvisioned, "old");
        create(kProvisioned, "wasOnDemand");
        update("wasOnDemand", j("{'BillingMode':'PAY_PER_REQUEST'}"));
        update("wasOnDemand", j("{'BillingMode':'PROVISIONED','ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1},"
                                "'GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'byG','ProvisionedThroughput':{'ReadCapacityUnits':2,'WriteCapacityUnits':2}}}]}"));
        m_engine.reset();
        QVERIFY(forgetWarmThroughput());
        openQuiet(m_dir.path(), false, [this](api::EngineOptions &o) { o.clock = &m_clock; });
        QCOMPARE(table("old").value(s("WarmThroughput")).toObject(), warm(5, 7));
        QCOMPARE(gsi(table("old")).value(s("WarmThroughput")).toObject(), warm(3, 2));
        QCOMPARE(table("wasOnDemand").value(s("WarmThroughput")).toObject(), warm(12000, 4000));
        QCOMPARE(gsi(table("wasOnDemand")).value(s("WarmThroughput")).toObject(), warm(12000, 4000));
        update("old", j("{'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1},"
                        "'GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'byG','ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1}}}]}"));
        QCOMPARE(table("old").value(s("WarmThroughput")).toObject(), warm(5, 7));
        QCOMPARE(gsi(table("old")).value(s("WarmThroughput")).toObject(), warm(3, 2));
    }

    // A restore is a new table: the initial value (AWS's restores have no
    // override of it), or what an index override asks for.
    void restoresStartFromTheInitialValue()
    {
        create(kOnDemand, "src");
        update("src", j("{'WarmThroughput':{'ReadUnitsPerSecond':30000}}"));
        update("src", gsiUpdate("Update", j("{'IndexName':'byG','WarmThroughput':{'ReadUnitsPerSecond':25000}}")));
        const QString arn = ok("CreateBackup", j("{'TableName':'src','BackupName':'bkp'}")).value(s("BackupDetails")).toObject().value(s("BackupArn")).toString();
        QVERIFY(!arn.isEmpty());
        const auto backupStatus = [&] {
            return ok("DescribeBackup", QJsonObject{{s("BackupArn"), arn}}).value(s("BackupDescription")).toObject().value(s("BackupDetails")).toObject()
                .value(s("BackupStatus")).toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(backupStatus(), s("AVAILABLE"), 20000);
        ok("RestoreTableFromBackup", QJsonObject{{s("TargetTableName"), s("plain")}, {s("BackupArn"), arn}});
        QVERIFY(waitActive(s("plain")));
        QCOMPARE(table("plain").value(s("WarmThroughput")).toObject(), warm(12000, 4000));
        QCOMPARE(gsi(table("plain")).value(s("WarmThroughput")).toObject(), warm(12000, 4000));

        QJsonObject index = j(kOnDemand).value(s("GlobalSecondaryIndexes")).toArray().at(0).toObject();
        index.insert(s("WarmThroughput"), j("{'WriteUnitsPerSecond':9000}"));
        ok("RestoreTableFromBackup", QJsonObject{{s("TargetTableName"), s("overridden")}, {s("BackupArn"), arn},
                                                 {s("GlobalSecondaryIndexOverride"), QJsonArray{index}}});
        QVERIFY(waitActive(s("overridden")));
        QCOMPARE(gsi(table("overridden")).value(s("WarmThroughput")).toObject(), warm(12000, 9000));

        ok("UpdateContinuousBackups", j("{'TableName':'src','PointInTimeRecoverySpecification':{'PointInTimeRecoveryEnabled':true}}"));
        ok("RestoreTableToPointInTime", j("{'SourceTableName':'src','TargetTableName':'pitr','UseLatestRestorableTime':true}"));
        QVERIFY(waitActive(s("pitr")));
        QCOMPARE(table("pitr").value(s("WarmThroughput")).toObject(), warm(12000, 4000));
        QCOMPARE(table("src").value(s("WarmThroughput")).toObject(), warm(30000, 4000));
    }

    // AWS applies warm throughput to every replica of a global table: a new
    // replica gets the table's, and a raise reaches every region.
    void everyReplicaOfAGlobalTable()
    {
        create(kOnDemand, "glb");
        update("glb", j("{'WarmThroughput':{'ReadUnitsPerSecond':20000}}"));
        update("glb", gsiUpdate("Update", j("{'IndexName':'byG','WarmThroughput':{'WriteUnitsPerSecond':8000}}")));
        update("glb", j("{'ReplicaUpdates':[{'Create':{'RegionName':'eu-west-1'}}]}"));
        const auto replicaActive = [this] {
            for (int i = 0; i < 1500; ++i) {
                in("eu-west-1");
                auto r = call("DescribeTable", j("{'TableName':'glb'}"));
                in("us-east-1");
                if (r.ok() && r->value(s("Table")).toObject().value(s("TableStatus")).toString() == s("ACTIVE"))
                    return true;
                QThread::msleep(20);
            }
            return false;
        };
        QVERIFY(replicaActive());
        in("eu-west-1");
        QCOMPARE(table("glb").value(s("WarmThroughput")).toObject(), warm(20000, 4000));
        QCOMPARE(gsi(table("glb")).value(s("WarmThroughput")).toObject(), warm(12000, 8000));
        in("us-east-1");
        QVERIFY(waitActive(s("glb")));
        update("glb", j("{'WarmThroughput':{'ReadUnitsPerSecond':22000}}"));
        in("eu-west-1");
        QCOMPARE(table("glb").value(s("WarmThroughput")).toObject(), warm(22000, 4000));
        in("us-east-1");
    }

    // Kinesis Data Streams are not emulated: no table has a destination, so
    // an update checks its request and then finds none ACTIVE, as AWS answers
    // for a stream that is not one (DDB-TABLE-299, -300, -302).
    void kinesisUpdate()
    {
        create(kOnDemand, "tbl");
        const auto request = [](const char *table, const QJsonObject &config) {
            QJsonObject req{{s("TableName"), s(table)}, {s("StreamArn"), kStream}};
            if (!config.isEmpty() || config.contains(s("-")))
                req.insert(s("UpdateKinesisStreamingConfiguration"), config);
            return req;
        };
        const QJsonObject micro = j("{'ApproximateCreationDateTimePrecision':'MICROSECOND'}");

        ApiError e = fail("UpdateKinesisStreamingDestination", request("missing", micro));
        QCOMPARE(e.type(), s("ResourceNotFoundException"));
        QCOMPARE(e.message(), s("Requested resource not found: Table: missing not found"));

        const QString noConfig = s("Streaming destination cannot be updated with given parameters: UpdateKinesisStreamingConfiguration cannot be null "
                                   "or contain only null values");
        e = fail("UpdateKinesisStreamingDestination", request("tbl", {}));
        QCOMPARE(e.type(), s("ValidationException"));
        QCOMPARE(e.message(), noConfig);
        QJsonObject empty = request("tbl", {});
        empty.insert(s("UpdateKinesisStreamingConfiguration"), QJsonObject());
        e = fail("UpdateKinesisStreamingDestination", empty);
        QCOMPARE(e.type(), s("ValidationException"));
        QCOMPARE(e.message(), noConfig);

        for (const char *precision : {"MICROSECOND", "MILLISECOND"}) {
            e = fail("UpdateKinesisStreamingDestination", request("tbl", {{s("ApproximateCreationDateTimePrecision"), s(precision)}}));
            QCOMPARE(e.type(), s("ValidationException"));
            QCOMPARE(e.message(), s("Table is not in a valid state to enable Kinesis Streaming Destination: Kinesis streaming is not in ACTIVE state. "
                                    "Updates are only allowed in ACTIVE state. TableName: tbl, kdsArn: ") + kStream);
        }
        // Not a precision: the service model's enum check.
        QCOMPARE(fail("UpdateKinesisStreamingDestination", request("tbl", j("{'ApproximateCreationDateTimePrecision':'SECOND'}"))).type(),
                 s("ValidationException"));
        // Nothing changed: still no destination.
        QCOMPARE(ok("DescribeKinesisStreamingDestination", j("{'TableName':'tbl'}")),
                 j("{'TableName':'tbl','KinesisDataStreamDestinations':[]}"));
    }
};

QTEST_GUILESS_MAIN(TstWarmThroughput)
#include "tst_warmthroughput.moc"
