// On-demand maximum throughput (OnDemandThroughput), through Engine::call, as
// AWS answers it (ack-api-quirks dynamodb, table-throughput-billing.md,
// table-indexes.md, DDB-TABLE-442's message catalogue):
// - absent unless set; CreateTable takes one member or both (at least 1, at
//   most 40000) for the table and each GSI of an on-demand table, never on a
//   provisioned one; an empty one is none;
// - UpdateTable merges member by member, -1 removing one (the answer shows
//   -1, DescribeTable omits it), goes alone or with BillingMode, keeps the
//   table ACTIVE; a GSI's maxima are its own;
// - a switch to PROVISIONED drops the table's and the GSIs' maxima;
// - every rejected request changes nothing; the maxima survive a reopen,
//   appear in a backup's SourceTableDetails, come back in a restore (each
//   OnDemandThroughputOverride member replacing one), and reach every
//   replica of a global table (OnDemandThroughputOverride: a replica's own
//   read maximum).
#include "throughputcalls.h"

#include "model/clock.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QThread>

using namespace dd;
using test::j;

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }

QJsonObject maxima(qint64 read, qint64 write)
{
    QJsonObject out;
    if (read)
        out.insert(s("MaxReadRequestUnits"), read);
    if (write)
        out.insert(s("MaxWriteRequestUnits"), write);
    return out;
}


const QString kInvalid = s("One or more parameter values were invalid: ");

} // namespace

class TstOnDemandThroughput : public QObject, public test::ThroughputCalls {
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock{1'800'000'000'000};

    // The request for a table shaped as `shape` with `extra` members merged in
    // (an index's OnDemandThroughput as "IndexOnDemandThroughput").
    static QJsonObject request(const char *shape, const char *name, const QJsonObject &extra = {})
    {
        QJsonObject req = j(QString::fromLatin1(shape).arg(s(name)).toLatin1().constData());
        for (auto it = extra.begin(); it != extra.end(); ++it) {
            if (it.key() != s("IndexOnDemandThroughput")) {
                req.insert(it.key(), it.value());
                continue;
            }
            QJsonArray gsis = req.value(s("GlobalSecondaryIndexes")).toArray();
            QJsonObject index = gsis.at(0).toObject();
            index.insert(s("OnDemandThroughput"), it.value());
            gsis.replace(0, index);
            req.insert(s("GlobalSecondaryIndexes"), gsis);
        }
        return req;
    }
    QJsonObject create(const char *shape, const char *name, const QJsonObject &extra = {})
    {
        return ok("CreateTable", request(shape, name, extra)).value(s("TableDescription")).toObject();
    }
    static QJsonObject odt(const QJsonObject &tableOrIndex) { return tableOrIndex.value(s("OnDemandThroughput")).toObject(); }
    void reopen()
    {
        openQuiet(m_dir.path(), false, [this](api::EngineOptions &o) { o.clock = &m_clock; });
    }
    // A backup of `name`, once AVAILABLE; its ARN.
    QString backupOf(const char *name)
    {
        const QString arn = ok("CreateBackup", QJsonObject{{s("TableName"), s(name)}, {s("BackupName"), s("bkp")}})
                                .value(s("BackupDetails")).toObject().value(s("BackupArn")).toString();
        const auto status = [&] {
            return ok("DescribeBackup", QJsonObject{{s("BackupArn"), arn}}).value(s("BackupDescription")).toObject().value(s("BackupDetails")).toObject()
                .value(s("BackupStatus")).toString();
        };
        [&] { QTRY_COMPARE_WITH_TIMEOUT(status(), s("AVAILABLE"), 20000); }();
        return arn;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).removeRecursively();
        reopen();
        in("us-east-1");
    }
    void cleanup() { m_engine.reset(); }

    // Absent unless set (DDB-TABLE-028); one member or both, for the table
    // and a GSI, each its own (DDB-TABLE-039, -128, -135); {} is none.
    void createdWithAndWithout()
    {
        QVERIFY(!create(kOnDemand, "none").contains(s("OnDemandThroughput")));
        QVERIFY(!table("none").contains(s("OnDemandThroughput")));
        QVERIFY(!gsi(table("none")).contains(s("OnDemandThroughput")));
        QVERIFY(!create(kProvisioned, "prv").contains(s("OnDemandThroughput")));

        const QJsonObject created = create(kOnDemand, "both", {{s("OnDemandThroughput"), maxima(100, 200)}, {s("IndexOnDemandThroughput"), maxima(5000, 0)}});
        QCOMPARE(odt(created), maxima(100, 200));
        QCOMPARE(odt(gsi(created)), maxima(5000, 0));
        QCOMPARE(odt(table("both")), maxima(100, 200));
        QCOMPARE(odt(gsi(table("both"))), maxima(5000, 0));

        create(kOnDemand, "read", {{s("OnDemandThroughput"), maxima(100, 0)}});
        QCOMPARE(odt(table("read")), maxima(100, 0));
        create(kOnDemand, "empty", {{s("OnDemandThroughput"), QJsonObject()}, {s("IndexOnDemandThroughput"), QJsonObject()}});
        QVERIFY(!table("empty").contains(s("OnDemandThroughput")));
        QVERIFY(!gsi(table("empty")).contains(s("OnDemandThroughput")));
        create(kOnDemand, "top", {{s("OnDemandThroughput"), maxima(40000, 40000)}});
        QCOMPARE(odt(table("top")), maxima(40000, 40000));
    }

    void createValidation_data()
    {
        QTest::addColumn<QByteArray>("shape");
        QTest::addColumn<QJsonObject>("extra");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        const QString v = s("ValidationException"), l = s("LimitExceededException");
        QTest::newRow("provisioned table") << QByteArray(kProvisioned) << QJsonObject{{s("OnDemandThroughput"), maxima(100, 100)}} << v
                                           << kInvalid + s("MaxReadRequestUnits for OnDemandThroughput cannot be specified when table BillingMode is PROVISIONED.");
        QTest::newRow("provisioned write") << QByteArray(kProvisioned) << QJsonObject{{s("OnDemandThroughput"), maxima(0, 100)}} << v
                                           << kInvalid + s("MaxWriteRequestUnits for OnDemandThroughput cannot be specified when table BillingMode is PROVISIONED.");
        QTest::newRow("provisioned index") << QByteArray(kProvisioned) << QJsonObject{{s("IndexOnDemandThroughput"), maxima(10, 10)}} << v
                                           << kInvalid + s("MaxReadRequestUnits for OnDemandThroughput for index: byG cannot be specified when table BillingMode is PROVISIONED.");
        QTest::newRow("zero") << QByteArray(kOnDemand) << j("{'OnDemandThroughput':{'MaxReadRequestUnits':0,'MaxWriteRequestUnits':0}}") << v
                              << kInvalid + s("Requested MaxReadRequestUnits for OnDemandThroughput for table is outside of valid range");
        QTest::newRow("minus one") << QByteArray(kOnDemand) << j("{'OnDemandThroughput':{'MaxReadRequestUnits':-1,'MaxWriteRequestUnits':-1}}") << v
                                   << kInvalid + s("Requested MaxReadRequestUnits for OnDemandThroughput for table is outside of valid range");
        QTest::newRow("minus two") << QByteArray(kOnDemand) << j("{'OnDemandThroughput':{'MaxReadRequestUnits':-2}}") << v
                                   << kInvalid + s("Requested MaxReadRequestUnits for OnDemandThroughput for table is outside of valid range");
        QTest::newRow("write zero") << QByteArray(kOnDemand) << j("{'OnDemandThroughput':{'MaxReadRequestUnits':5,'MaxWriteRequestUnits':0}}") << v
                                    << kInvalid + s("Requested MaxWriteRequestUnits for OnDemandThroughput for table is outside of valid range");
        QTest::newRow("index minus one") << QByteArray(kOnDemand) << j("{'IndexOnDemandThroughput':{'MaxReadRequestUnits':-1}}") << v
                                         << kInvalid + s("Requested MaxReadRequestUnits for OnDemandThroughput for index : byG is outside of valid range");
        QTest::newRow("above the maximum") << QByteArray(kOnDemand) << j("{'OnDemandThroughput':{'MaxReadRequestUnits':40001}}") << l
                                           << s("Subscriber limit exceeded: Requested MaxReadRequestUnits for OnDemandThroughput for table exceeds "
                                                "TableMaxReadCapacityUnits of the account in region us-east-1");
        QTest::newRow("index above") << QByteArray(kOnDemand) << j("{'IndexOnDemandThroughput':{'MaxWriteRequestUnits':50000}}") << l
                                     << s("Subscriber limit exceeded: Requested MaxWriteRequestUnits for OnDemandThroughput for index : byG exceeds "
                                          "TableMaxWriteCapacityUnits of the account in region us-east-1");
    }
    void createValidation()
    {
        QFETCH(QByteArray, shape);
        QFETCH(QJsonObject, extra);
        QFETCH(QString, type);
        QFETCH(QString, message);
        const ApiError e = fail("CreateTable", request(shape.constData(), "bad", extra));
        QCOMPARE(e.type(), type);
        QCOMPARE(e.message(), message);
        QVERIFY(!call("DescribeTable", j("{'TableName':'bad'}")).ok());
    }

    // Member by member; -1 removes one, shown as -1 in the answer only; the
    // same value again is fine; the table stays ACTIVE (DDB-TABLE-051, -178,
    // -182, -410).
    void updateMergesMembers()
    {
        // With AWS's transient statuses.
        openQuiet(m_dir.path(), false, [this](api::EngineOptions &o) {
            o.clock = &m_clock;
            o.delayTransientStatuses = true;
        });
        create(kOnDemand, "tbl");
        m_clock.advanceMs(5000);
        QJsonObject answer = update("tbl", j("{'OnDemandThroughput':{'MaxReadRequestUnits':1000,'MaxWriteRequestUnits':500}}"));
        QCOMPARE(answer.value(s("TableStatus")).toString(), s("ACTIVE"));
        QCOMPARE(odt(answer), maxima(1000, 500));
        QCOMPARE(table("tbl").value(s("TableStatus")).toString(), s("ACTIVE"));
        QCOMPARE(odt(table("tbl")), maxima(1000, 500));
        QCOMPARE(odt(update("tbl", j("{'OnDemandThroughput':{'MaxReadRequestUnits':1000,'MaxWriteRequestUnits':500}}"))), maxima(1000, 500));
        update("tbl", j("{'OnDemandThroughput':{'MaxReadRequestUnits':2000}}"));
        QCOMPARE(odt(table("tbl")), maxima(2000, 500));

        answer = update("tbl", j("{'OnDemandThroughput':{'MaxReadRequestUnits':-1}}"));
        QCOMPARE(odt(answer), j("{'MaxReadRequestUnits':-1,'MaxWriteRequestUnits':500}"));
        QCOMPARE(odt(table("tbl")), maxima(0, 500));
        answer = update("tbl", j("{'OnDemandThroughput':{'MaxWriteRequestUnits':-1}}"));
        QCOMPARE(odt(answer), j("{'MaxWriteRequestUnits':-1}"));
        QVERIFY(!table("tbl").contains(s("OnDemandThroughput")));
        answer = update("tbl", j("{'OnDemandThroughput':{'MaxReadRequestUnits':-1,'MaxWriteRequestUnits':-1}}"));
        QCOMPARE(odt(answer), j("{'MaxReadRequestUnits':-1,'MaxWriteRequestUnits':-1}"));
        QVERIFY(!table("tbl").contains(s("OnDemandThroughput")));
        QCOMPARE(odt(update("tbl", j("{'OnDemandThroughput':{'MaxWriteRequestUnits':700}}"))), maxima(0, 700));
        QCOMPARE(table("tbl").value(s("TableStatus")).toString(), s("ACTIVE"));
    }

    void updateValidation_data()
    {
        QTest::addColumn<QByteArray>("shape");
        QTest::addColumn<QJsonObject>("members");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        const QString v = s("ValidationException"), l = s("LimitExceededException");
        const QByteArray od(kOnDemand), pr(kProvisioned);
        const QString range = kInvalid + s("Requested %1 for OnDemandThroughput for %2 is outside of valid range");
        QTest::newRow("write zero") << od << j("{'OnDemandThroughput':{'MaxWriteRequestUnits':0}}") << v << range.arg(s("MaxWriteRequestUnits"), s("table"));
        QTest::newRow("minus two") << od << j("{'OnDemandThroughput':{'MaxReadRequestUnits':-2}}") << v << range.arg(s("MaxReadRequestUnits"), s("table"));
        QTest::newRow("above") << od << j("{'OnDemandThroughput':{'MaxReadRequestUnits':40001,'MaxWriteRequestUnits':1000}}") << l
                               << s("Subscriber limit exceeded: Requested MaxReadRequestUnits for OnDemandThroughput for table exceeds "
                                    "TableMaxReadCapacityUnits of the account in region us-east-1");
        QTest::newRow("provisioned") << pr << j("{'OnDemandThroughput':{'MaxReadRequestUnits':100,'MaxWriteRequestUnits':100}}") << v
                                     << kInvalid + s("MaxReadRequestUnits for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED");
        QTest::newRow("switch to provisioned") << od
                                               << j("{'BillingMode':'PROVISIONED','ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1},"
                                                    "'OnDemandThroughput':{'MaxWriteRequestUnits':100}}")
                                               << v << kInvalid + s("OnDemandThroughput can only be combined with BillingMode in an UpdateTable request");
        QTest::newRow("with deletion protection") << od << j("{'OnDemandThroughput':{'MaxReadRequestUnits':100},'DeletionProtectionEnabled':true}") << v
                                                  << kInvalid + s("OnDemandThroughput can only be combined with BillingMode in an UpdateTable request");
        QTest::newRow("with warm throughput") << od << j("{'OnDemandThroughput':{'MaxReadRequestUnits':100},'WarmThroughput':{'ReadUnitsPerSecond':20000}}")
                                              << v << kInvalid + s("OnDemandThroughput can only be combined with BillingMode in an UpdateTable request");
        QTest::newRow("with an index update") << od
                                              << j("{'OnDemandThroughput':{'MaxReadRequestUnits':100},"
                                                   "'GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'byG','OnDemandThroughput':{'MaxReadRequestUnits':9}}}]}")
                                              << v << kInvalid + s("OnDemandThroughput can only be combined with BillingMode in an UpdateTable request");
        QTest::newRow("empty alone") << od << j("{'OnDemandThroughput':{}}") << v
                                     << s("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, "
                                          "SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, "
                                          "DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required");
        QTest::newRow("replicas go alone") << od << j("{'OnDemandThroughput':{'MaxReadRequestUnits':100},'ReplicaUpdates':[{'Create':{'RegionName':'eu-west-1'}}]}")
                                           << v << kInvalid + s("Replica modification must be the only operation in the request");
        QTest::newRow("index zero") << od << gsiUpdate("Update", j("{'IndexName':'byG','OnDemandThroughput':{'MaxReadRequestUnits':0}}")) << v
                                    << range.arg(s("MaxReadRequestUnits"), s("index : byG"));
        QTest::newRow("index on provisioned") << pr << gsiUpdate("Update", j("{'IndexName':'byG','OnDemandThroughput':{'MaxWriteRequestUnits':10}}")) << v
                                              << kInvalid + s("MaxWriteRequestUnits for OnDemandThroughput for index : byG cannot be specified when the table "
                                                              "BillingMode is PROVISIONED");
        QTest::newRow("index empty") << od << gsiUpdate("Update", j("{'IndexName':'byG','OnDemandThroughput':{}}")) << v
                                     << kInvalid + s("The only Updates for index: byG when TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, "
                                                     "WarmThroughput");
        QTest::newRow("new index minus one") << od
                                             << j("{'AttributeDefinitions':[{'AttributeName':'h','AttributeType':'S'}],'GlobalSecondaryIndexUpdates':[{'Create':"
                                                  "{'IndexName':'byH','KeySchema':[{'AttributeName':'h','KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'},"
                                                  "'OnDemandThroughput':{'MaxReadRequestUnits':-1}}}]}")
                                             << v << range.arg(s("MaxReadRequestUnits"), s("index : byH"));
        QTest::newRow("new index on provisioned") << pr
                                                  << j("{'AttributeDefinitions':[{'AttributeName':'h','AttributeType':'S'}],'GlobalSecondaryIndexUpdates':[{'Create':"
                                                       "{'IndexName':'byH','KeySchema':[{'AttributeName':'h','KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'},"
                                                       "'ProvisionedThroughput':{'ReadCapacityUnits':1,'WriteCapacityUnits':1},"
                                                       "'OnDemandThroughput':{'MaxReadRequestUnits':10}}}]}")
                                                  << v
                                                  << kInvalid + s("MaxReadRequestUnits for OnDemandThroughput for index : byH cannot be specified when the table "
                                                                  "BillingMode is PROVISIONED");
    }
    void updateValidation()
    {
        QFETCH(QByteArray, shape);
        QFETCH(QJsonObject, members);
        QFETCH(QString, type);
        QFETCH(QString, message);
        QJsonObject extra;
        if (shape == QByteArray(kOnDemand))
            extra = {{s("OnDemandThroughput"), maxima(300, 400)}, {s("IndexOnDemandThroughput"), maxima(30, 0)}};
        create(shape.constData(), "tbl", extra);
        const QJsonObject before = table("tbl");
        const ApiError e = updateFails("tbl", members);
        QCOMPARE(e.type(), type);
        QCOMPARE(e.message(), message);
        QCOMPARE(table("tbl"), before);
    }

    // A GSI's maxima are its own (above the table's too), merged as the
    // table's; a new GSI may have them (DDB-TABLE-135, -154).
    void indexMaxima()
    {
        create(kOnDemand, "tbl", {{s("OnDemandThroughput"), maxima(1000, 1000)}});
        QJsonObject answer = update("tbl", gsiUpdate("Update", j("{'IndexName':'byG','OnDemandThroughput':{'MaxReadRequestUnits':5000,'MaxWriteRequestUnits':5000}}")));
        QCOMPARE(odt(gsi(answer)), maxima(5000, 5000));
        update("tbl", gsiUpdate("Update", j("{'IndexName':'byG','OnDemandThroughput':{'MaxReadRequestUnits':6000}}")));
        QCOMPARE(odt(gsi(table("tbl"))), maxima(6000, 5000));
        update("tbl", gsiUpdate("Update", j("{'IndexName':'byG','OnDemandThroughput':{'MaxWriteRequestUnits':-1}}")));
        QCOMPARE(odt(gsi(table("tbl"))), maxima(6000, 0));
        QCOMPARE(odt(table("tbl")), maxima(1000, 1000));
        update("tbl", j("{'AttributeDefinitions':[{'AttributeName':'h','AttributeType':'S'}],'GlobalSecondaryIndexUpdates':[{'Create':"
                        "{'IndexName':'byH','KeySchema':[{'AttributeName':'h','KeyType':'HASH'}],'Projection':{'ProjectionType':'ALL'},"
                        "'OnDemandThroughput':{'MaxWriteRequestUnits':70}}}]}"));
        QCOMPARE(odt(gsi(table("tbl"), "byH")), maxima(0, 70));
    }

    // A switch to on demand may bring maxima along (DDB-TABLE-056, -055); a
    // switch to PROVISIONED drops the table's and the GSIs' (DDB-TABLE-153).
    void billingSwitches()
    {
        create(kProvisioned, "tbl");
        QJsonObject answer = update("tbl", j("{'BillingMode':'PAY_PER_REQUEST','OnDemandThroughput':{'MaxReadRequestUnits':100,'MaxWriteRequestUnits':100}}"));
        QCOMPARE(odt(answer), maxima(100, 100));
        QCOMPARE(odt(table("tbl")), maxima(100, 100));
        update("tbl", gsiUpdate("Update", j("{'IndexName':'byG','OnDemandThroughput':{'MaxReadRequestUnits':6000,'MaxWriteRequestUnits':5000}}")));
        update("tbl", j("{'BillingMode':'PAY_PER_REQUEST','OnDemandThroughput':{'MaxWriteRequestUnits':-1}}"));
        QCOMPARE(odt(table("tbl")), maxima(100, 0));

        update("tbl", j("{'BillingMode':'PROVISIONED','ProvisionedThroughput':{'ReadCapacityUnits':2,'WriteCapacityUnits':2},"
                        "'GlobalSecondaryIndexUpdates':[{'Update':{'IndexName':'byG','ProvisionedThroughput':{'ReadCapacityUnits':2,'WriteCapacityUnits':2}}}]}"));
        QVERIFY(!table("tbl").contains(s("OnDemandThroughput")));
        QVERIFY(!gsi(table("tbl")).contains(s("OnDemandThroughput")));
        QCOMPARE(updateFails("tbl", j("{'OnDemandThroughput':{'MaxReadRequestUnits':100}}")).message(),
                 kInvalid + s("MaxReadRequestUnits for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED"));
        update("tbl", j("{'BillingMode':'PAY_PER_REQUEST'}"));
        QVERIFY(!table("tbl").contains(s("OnDemandThroughput")));
        QVERIFY(!gsi(table("tbl")).contains(s("OnDemandThroughput")));
    }

    void keptAcrossReopen()
    {
        create(kOnDemand, "tbl", {{s("OnDemandThroughput"), maxima(100, 200)}});
        update("tbl", gsiUpdate("Update", j("{'IndexName':'byG','OnDemandThroughput':{'MaxWriteRequestUnits':90}}")));
        update("tbl", j("{'OnDemandThroughput':{'MaxReadRequestUnits':-1}}"));
        const QJsonObject before = table("tbl");
        reopen();
        QCOMPARE(odt(table("tbl")), maxima(0, 200));
        QCOMPARE(odt(gsi(table("tbl"))), maxima(0, 90));
        QCOMPARE(table("tbl"), before);
    }

    // A backup names them (SourceTableDetails, GlobalSecondaryIndexInfo); a
    // restore applies them again, each override member replacing one, and
    // none when it makes the table provisioned (H-B-104; DDB-TABLE-273, -280).
    void backupsAndRestores()
    {
        create(kOnDemand, "src", {{s("OnDemandThroughput"), maxima(100, 200)}, {s("IndexOnDemandThroughput"), maxima(30, 40)}});
        const QString arn = backupOf("src");
        const QJsonObject backup = ok("DescribeBackup", QJsonObject{{s("BackupArn"), arn}}).value(s("BackupDescription")).toObject();
        QCOMPARE(odt(backup.value(s("SourceTableDetails")).toObject()), maxima(100, 200));
        QCOMPARE(odt(backup.value(s("SourceTableFeatureDetails")).toObject().value(s("GlobalSecondaryIndexes")).toArray().at(0).toObject()), maxima(30, 40));

        ok("RestoreTableFromBackup", QJsonObject{{s("TargetTableName"), s("plain")}, {s("BackupArn"), arn}});
        QVERIFY(waitActive(s("plain")));
        QCOMPARE(odt(table("plain")), maxima(100, 200));
        QCOMPARE(odt(gsi(table("plain"))), maxima(30, 40));

        ok("RestoreTableFromBackup", QJsonObject{{s("TargetTableName"), s("overridden")}, {s("BackupArn"), arn},
                                                 {s("OnDemandThroughputOverride"), j("{'MaxReadRequestUnits':-1,'MaxWriteRequestUnits':900}")}});
        QVERIFY(waitActive(s("overridden")));
        QCOMPARE(odt(table("overridden")), maxima(0, 900));

        ok("RestoreTableFromBackup", QJsonObject{{s("TargetTableName"), s("provisioned")}, {s("BackupArn"), arn}, {s("BillingModeOverride"), s("PROVISIONED")},
                                                 {s("ProvisionedThroughputOverride"), j("{'ReadCapacityUnits':1,'WriteCapacityUnits':1}")}});
        QVERIFY(waitActive(s("provisioned")));
        QVERIFY(!table("provisioned").contains(s("OnDemandThroughput")));
        QVERIFY(!gsi(table("provisioned")).contains(s("OnDemandThroughput")));

        ApiError e = fail("RestoreTableFromBackup", QJsonObject{{s("TargetTableName"), s("bad")}, {s("BackupArn"), arn},
                                                                {s("OnDemandThroughputOverride"), j("{'MaxReadRequestUnits':0,'MaxWriteRequestUnits':0}")}});
        QCOMPARE(e.message(), s("Invalid Request: Requested MaxReadRequestUnits for OnDemandThroughput is outside of valid range"));
        e = fail("RestoreTableFromBackup", QJsonObject{{s("TargetTableName"), s("bad")}, {s("BackupArn"), arn}, {s("BillingModeOverride"), s("PROVISIONED")},
                                                       {s("ProvisionedThroughputOverride"), j("{'ReadCapacityUnits':1,'WriteCapacityUnits':1}")},
                                                       {s("OnDemandThroughputOverride"), j("{'MaxWriteRequestUnits':50}")}});
        QCOMPARE(e.message(), s("Invalid Request: Cannot override MaxWriteRequestUnits for OnDemandThroughput unless BillingModeOverride is PAY_PER_REQUEST"));
        QVERIFY(!call("DescribeTable", j("{'TableName':'bad'}")).ok());

        create(kProvisioned, "prv");
        const QString provisionedArn = backupOf("prv");
        e = fail("RestoreTableFromBackup", QJsonObject{{s("TargetTableName"), s("bad")}, {s("BackupArn"), provisionedArn},
                                                       {s("OnDemandThroughputOverride"), j("{'MaxReadRequestUnits':50}")}});
        QCOMPARE(e.message(), s("Invalid Request: Cannot override MaxReadRequestUnits for OnDemandThroughput unless BillingModeOverride is PAY_PER_REQUEST"));
        ok("RestoreTableFromBackup", QJsonObject{{s("TargetTableName"), s("fromprv")}, {s("BackupArn"), provisionedArn}, {s("BillingModeOverride"), s("PAY_PER_REQUEST")},
                                                 {s("OnDemandThroughputOverride"), j("{'MaxReadRequestUnits':50}")}});
        QVERIFY(waitActive(s("fromprv")));
        QCOMPARE(odt(table("fromprv")), maxima(50, 0));

        ok("UpdateContinuousBackups", j("{'TableName':'src','PointInTimeRecoverySpecification':{'PointInTimeRecoveryEnabled':true}}"));
        ok("RestoreTableToPointInTime", j("{'SourceTableName':'src','TargetTableName':'pitr','UseLatestRestorableTime':true,"
                                          "'OnDemandThroughputOverride':{'MaxReadRequestUnits':150}}"));
        QVERIFY(waitActive(s("pitr")));
        QCOMPARE(odt(table("pitr")), maxima(150, 200));
        QCOMPARE(odt(gsi(table("pitr"))), maxima(30, 40));
    }

    // A new replica takes the table's maxima, its own read maximum if asked
    // (OnDemandThroughputOverride); a change reaches every replica.
    void everyReplicaOfAGlobalTable()
    {
        create(kOnDemand, "glb", {{s("OnDemandThroughput"), maxima(100, 200)}, {s("IndexOnDemandThroughput"), maxima(30, 40)}});
        update("glb", j("{'ReplicaUpdates':[{'Create':{'RegionName':'eu-west-1','OnDemandThroughputOverride':{'MaxReadRequestUnits':70}}}]}"));
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
        QCOMPARE(odt(table("glb")), maxima(70, 200));
        QCOMPARE(odt(gsi(table("glb"))), maxima(30, 40));
        in("us-east-1");
        QCOMPARE(odt(table("glb")), maxima(100, 200));
        QVERIFY(waitActive(s("glb")));
        update("glb", j("{'OnDemandThroughput':{'MaxWriteRequestUnits':300}}"));
        in("eu-west-1");
        QCOMPARE(odt(table("glb")), maxima(70, 300));
        in("us-east-1");
        update("glb", j("{'ReplicaUpdates':[{'Update':{'RegionName':'eu-west-1','OnDemandThroughputOverride':{'MaxReadRequestUnits':80}}}]}"));
        in("eu-west-1");
        QCOMPARE(odt(table("glb")), maxima(80, 300));
        in("us-east-1");
        QCOMPARE(odt(table("glb")), maxima(100, 300));
    }
};

QTEST_APPLESS_MAIN(TstOnDemandThroughput)
#include "tst_ondemandthroughput.moc"
