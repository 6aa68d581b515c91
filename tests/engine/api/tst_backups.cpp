// Engine-level tests of on-demand backups and point-in-time recovery on a
// ManualClock, in memory and on disk: backup, delete items, restore and
// compare item by item; PITR restores to many points of a recorded history
// of puts, updates and deletes, each compared with the expected state at
// that second; restore of a deleted table; pruning past the window; and
// truncated or corrupted backup files giving a clear error (or a failed,
// removed restore) and harming nothing else; restores returning CREATING
// and no partial table left by a restore cut short.
#include "api/engine.h"
#include "backup/snapshot.h"
#include "diskfull.h"
#include "enginecalls.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <atomic>
#include <map>
#include <optional>
#include <thread>
#include <vector>

using namespace dd;

class TestBackups : public QObject, test::EngineCalls {
    Q_OBJECT

public:
    // Before the members the engine uses (EngineCalls).
    ~TestBackups() override { m_engine.reset(); }

private:
    ManualClock m_clock{1'700'000'000'000};
    QTemporaryDir m_dir;

    void open(bool onDisk, int pitrIntervalMs = 0)
    {
        m_engine.reset();
        api::EngineOptions o;
        o.inMemory = !onDisk;
        o.dataDir = m_dir.path() + QStringLiteral("/data") + QString::number(QRandomGenerator::global()->generate());
        o.clock = &m_clock;
        o.ttlSweepIntervalMs = 0;
        o.changeLogPruneIntervalMs = pitrIntervalMs;
        o.pitrMaintenanceIntervalMs = pitrIntervalMs;
        m_engine = std::move(api::Engine::open(o).value());
    }
    // DeleteTable in a turn: on an in-memory engine, DeleteTable outside one
    // reads the table's figures inside its write and deadlocks (tableops.cpp).
    void deleteTable(const QString &name)
    {
        api::Engine::beginTurn();
        auto r = call("DeleteTable", {{QStringLiteral("TableName"), name}});
        QVERIFY(!api::Engine::endTurn());
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message()));
    }
    static QJsonObject json(const char *s) { return QJsonDocument::fromJson(s).object(); }
    void createTable(const QString &name)
    {
        QJsonObject req = json(R"({"BillingMode":"PAY_PER_REQUEST",
            "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"g","AttributeType":"S"}],
            "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
            "GlobalSecondaryIndexes":[{"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]})");
        req.insert(QStringLiteral("TableName"), name);
        QVERIFY(!ok("CreateTable", req).isEmpty());
    }
    static QJsonObject item(const QString &pk, int v)
    {
        return {{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), pk}}},
                {QStringLiteral("g"), QJsonObject{{QStringLiteral("S"), QStringLiteral("g%1").arg(v % 3)}}},
                {QStringLiteral("v"), QJsonObject{{QStringLiteral("N"), QString::number(v)}}}};
    }
    void put(const QString &table, const QString &pk, int v)
    {
        QVERIFY(!ok("PutItem", {{QStringLiteral("TableName"), table}, {QStringLiteral("Item"), item(pk, v)}}).contains(QStringLiteral("xxx")));
    }
    // Puts items k0..k<count - 1> (v = i, as put() writes them) with
    // BatchWriteItem, 25 at a time; false if a batch failed. With padUpTo,
    // each item also has a string "pad" of 1 to padUpTo characters, so
    // that the items' sizes and parse times vary.
    bool putMany(const QString &table, int count, int padUpTo = 0)
    {
        QJsonArray batch;
        for (int i = 0; i < count; ++i) {
            QJsonObject it = item(QStringLiteral("k%1").arg(i), i);
            if (padUpTo > 0)
                it.insert(QStringLiteral("pad"), QJsonObject{{QStringLiteral("S"), QString(i % padUpTo, u'x') + u'.'}});
            batch.append(QJsonObject{{QStringLiteral("PutRequest"), QJsonObject{{QStringLiteral("Item"), it}}}});
            if (batch.size() == 25 || i == count - 1) {
                if (ok("BatchWriteItem", {{QStringLiteral("RequestItems"), QJsonObject{{table, batch}}}}).isEmpty())
                    return false;
                batch = QJsonArray();
            }
        }
        return true;
    }
    void del(const QString &table, const QString &pk)
    {
        ok("DeleteItem", {{QStringLiteral("TableName"), table}, {QStringLiteral("Key"), QJsonObject{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), pk}}}}}});
    }
    // pk -> v of every item, by Scan.
    std::map<QString, int> items(const QString &table)
    {
        std::map<QString, int> out;
        QJsonObject req{{QStringLiteral("TableName"), table}};
        for (;;) {
            const QJsonObject r = ok("Scan", req);
            for (const auto &i : r.value(QStringLiteral("Items")).toArray()) {
                const QJsonObject o = i.toObject();
                out[o.value(QStringLiteral("pk")).toObject().value(QStringLiteral("S")).toString()] =
                    o.value(QStringLiteral("v")).toObject().value(QStringLiteral("N")).toString().toInt();
            }
            if (!r.contains(QStringLiteral("LastEvaluatedKey")))
                return out;
            req.insert(QStringLiteral("ExclusiveStartKey"), r.value(QStringLiteral("LastEvaluatedKey")));
        }
    }
    QString tableStatus(const QString &table)
    {
        return ok("DescribeTable", {{QStringLiteral("TableName"), table}}).value(QStringLiteral("Table")).toObject().value(QStringLiteral("TableStatus")).toString();
    }
    // Waits until the table of a failing restore is gone (20 s at most);
    // false if it is still there, or if it showed any status but CREATING.
    bool waitFailedRestoreGone(const QString &table)
    {
        for (int i = 0; i < 2000; ++i) {
            auto d = call("DescribeTable", {{QStringLiteral("TableName"), table}});
            if (!d.ok())
                return d.error().type() == QStringLiteral("ResourceNotFoundException");
            if (d->value(QStringLiteral("Table")).toObject().value(QStringLiteral("TableStatus")).toString() != QStringLiteral("CREATING"))
                return false;
            QTest::qWait(10);
        }
        return false;
    }
    QString backupStatus(const QString &arn)
    {
        return ok("DescribeBackup", {{QStringLiteral("BackupArn"), arn}}).value(QStringLiteral("BackupDescription")).toObject()
            .value(QStringLiteral("BackupDetails")).toObject().value(QStringLiteral("BackupStatus")).toString();
    }
    QString backup(const QString &table, const QString &name)
    {
        const QJsonObject r = ok("CreateBackup", {{QStringLiteral("TableName"), table}, {QStringLiteral("BackupName"), name}});
        const QString arn = r.value(QStringLiteral("BackupDetails")).toObject().value(QStringLiteral("BackupArn")).toString();
        [&] { QTRY_COMPARE_WITH_TIMEOUT(backupStatus(arn), QStringLiteral("AVAILABLE"), 20000); }();
        return arn;
    }

private slots:
    void backupAndRestore_data()
    {
        QTest::addColumn<bool>("onDisk");
        QTest::newRow("memory") << false;
        QTest::newRow("disk") << true;
    }
    void backupAndRestore()
    {
        QFETCH(bool, onDisk);
        open(onDisk);
        createTable(QStringLiteral("src"));
        QVERIFY(putMany(QStringLiteral("src"), 1200));
        const auto before = items(QStringLiteral("src"));
        const QString arn = backup(QStringLiteral("src"), QStringLiteral("backup1"));
        QVERIFY(QRegularExpression(QStringLiteral("^arn:aws:dynamodb:us-east-1:000000000000:table/src/backup/\\d{14}-[0-9a-f]{8}$")).match(arn).hasMatch());
        for (int i = 0; i < 1200; i += 2)
            del(QStringLiteral("src"), QStringLiteral("k%1").arg(i));
        put(QStringLiteral("src"), QStringLiteral("new"), 7);

        const QJsonObject desc = ok("DescribeBackup", {{QStringLiteral("BackupArn"), arn}}).value(QStringLiteral("BackupDescription")).toObject();
        QCOMPARE(desc.value(QStringLiteral("SourceTableDetails")).toObject().value(QStringLiteral("ItemCount")).toInt(), 1200);
        QVERIFY(desc.value(QStringLiteral("BackupDetails")).toObject().value(QStringLiteral("BackupSizeBytes")).toInteger() > 0);
        QVERIFY(desc.value(QStringLiteral("SourceTableFeatureDetails")).toObject().contains(QStringLiteral("GlobalSecondaryIndexes")));

        const QJsonObject restored = ok("RestoreTableFromBackup", {{QStringLiteral("TargetTableName"), QStringLiteral("dst")}, {QStringLiteral("BackupArn"), arn}})
                                         .value(QStringLiteral("TableDescription")).toObject();
        QCOMPARE(restored.value(QStringLiteral("RestoreSummary")).toObject().value(QStringLiteral("SourceBackupArn")).toString(), arn);
        QVERIFY(waitActive(QStringLiteral("dst")));
        QCOMPARE(items(QStringLiteral("dst")), before);
        const QJsonObject dst = ok("DescribeTable", {{QStringLiteral("TableName"), QStringLiteral("dst")}}).value(QStringLiteral("Table")).toObject();
        QCOMPARE(dst.value(QStringLiteral("RestoreSummary")).toObject().value(QStringLiteral("RestoreInProgress")).toBool(), false);
        QCOMPARE(dst.value(QStringLiteral("ItemCount")).toInt(), 1200);
        // The index was restored and filled.
        const QJsonObject q = ok("Query", {{QStringLiteral("TableName"), QStringLiteral("dst")}, {QStringLiteral("IndexName"), QStringLiteral("byG")},
                                           {QStringLiteral("KeyConditionExpression"), QStringLiteral("g = :g")},
                                           {QStringLiteral("ExpressionAttributeValues"), QJsonObject{{QStringLiteral(":g"), QJsonObject{{QStringLiteral("S"), QStringLiteral("g0")}}}}},
                                           {QStringLiteral("Select"), QStringLiteral("COUNT")}});
        QCOMPARE(q.value(QStringLiteral("Count")).toInt(), 400);

        // Without indexes.
        QJsonObject req{{QStringLiteral("TargetTableName"), QStringLiteral("dst2")}, {QStringLiteral("BackupArn"), arn},
                        {QStringLiteral("GlobalSecondaryIndexOverride"), QJsonArray()}};
        const QJsonObject r2 = ok("RestoreTableFromBackup", req).value(QStringLiteral("TableDescription")).toObject();
        QVERIFY(!r2.contains(QStringLiteral("GlobalSecondaryIndexes")));
        QVERIFY(waitActive(QStringLiteral("dst2")));
        QCOMPARE(items(QStringLiteral("dst2")), before);

        // Bad input.
        QCOMPARE(fail("RestoreTableFromBackup", {{QStringLiteral("TargetTableName"), QStringLiteral("dst")}, {QStringLiteral("BackupArn"), arn}}).type(),
                 QStringLiteral("TableAlreadyExistsException"));
        QCOMPARE(fail("DescribeBackup", {{QStringLiteral("BackupArn"), arn + QStringLiteral("xxx")}}).type(), QStringLiteral("BackupNotFoundException"));

        // ListBackups: by table, paged.
        m_clock.advanceMs(1000);
        const QString arn2 = backup(QStringLiteral("src"), QStringLiteral("backup2"));
        const QJsonObject page1 = ok("ListBackups", {{QStringLiteral("TableName"), QStringLiteral("src")}, {QStringLiteral("Limit"), 1}});
        QCOMPARE(page1.value(QStringLiteral("BackupSummaries")).toArray().size(), 1);
        QCOMPARE(page1.value(QStringLiteral("LastEvaluatedBackupArn")).toString(), arn);
        const QJsonObject page2 = ok("ListBackups", {{QStringLiteral("TableName"), QStringLiteral("src")}, {QStringLiteral("Limit"), 1},
                                                     {QStringLiteral("ExclusiveStartBackupArn"), arn}});
        QCOMPARE(page2.value(QStringLiteral("BackupSummaries")).toArray().at(0).toObject().value(QStringLiteral("BackupArn")).toString(), arn2);
        QCOMPARE(ok("ListBackups", {{QStringLiteral("TableName"), QStringLiteral("other")}}).value(QStringLiteral("BackupSummaries")).toArray().size(), 0);

        // Backups survive their table; DeleteBackup.
        deleteTable(QStringLiteral("src"));
        QCOMPARE(backupStatus(arn), QStringLiteral("AVAILABLE"));
        QCOMPARE(ok("DeleteBackup", {{QStringLiteral("BackupArn"), arn2}}).value(QStringLiteral("BackupDescription")).toObject()
                     .value(QStringLiteral("BackupDetails")).toObject().value(QStringLiteral("BackupStatus")).toString(), QStringLiteral("DELETED"));
        QCOMPARE(fail("DeleteBackup", {{QStringLiteral("BackupArn"), arn2}}).type(), QStringLiteral("BackupNotFoundException"));
        ok("RestoreTableFromBackup", {{QStringLiteral("TargetTableName"), QStringLiteral("src")}, {QStringLiteral("BackupArn"), arn}});
        QVERIFY(waitActive(QStringLiteral("src")));
        QCOMPARE(items(QStringLiteral("src")), before);
    }

    void backupsSurviveRestart()
    {
        open(true);
        createTable(QStringLiteral("keep"));
        QVERIFY(putMany(QStringLiteral("keep"), 30));
        const auto before = items(QStringLiteral("keep"));
        const QString arn = backup(QStringLiteral("keep"), QStringLiteral("kept"));
        // Reopen the same data directory.
        api::EngineOptions o = m_engine->options();
        m_engine.reset();
        // Beside it, the description of a backup the stop caught CREATING.
        const QString id = arn.section(QLatin1Char('/'), -1);
        const QString cutId = id.left(id.size() - 8) + QStringLiteral("0badcafe");
        const QString cutArn = arn.left(arn.size() - id.size()) + cutId;
        {
            QFile kept(o.dataDir + QStringLiteral("/backups/") + id + QStringLiteral(".json"));
            QVERIFY(kept.open(QIODevice::ReadOnly));
            QJsonObject meta = QJsonDocument::fromJson(kept.readAll()).object();
            QJsonObject details = meta.value(QStringLiteral("BackupDetails")).toObject();
            details.insert(QStringLiteral("BackupArn"), cutArn);
            details.insert(QStringLiteral("BackupStatus"), QStringLiteral("CREATING"));
            meta.insert(QStringLiteral("BackupDetails"), details);
            QFile cut(o.dataDir + QStringLiteral("/backups/") + cutId + QStringLiteral(".json"));
            QVERIFY(cut.open(QIODevice::WriteOnly));
            cut.write(QJsonDocument(meta).toJson());
        }
        m_engine = std::move(api::Engine::open(o).value());
        QCOMPARE(backupStatus(arn), QStringLiteral("AVAILABLE"));
        const ApiError gone = fail("DescribeBackup", {{QStringLiteral("BackupArn"), cutArn}});
        QCOMPARE(gone.type(), QStringLiteral("BackupNotFoundException"));
        QVERIFY2(gone.message().contains(QLatin1String("the server stopped before the backup was written")), qPrintable(gone.message()));
        QVERIFY(!QFile::exists(o.dataDir + QStringLiteral("/backups/") + cutId + QStringLiteral(".json")));
        QCOMPARE(ok("ListBackups", {{QStringLiteral("TableName"), QStringLiteral("keep")}}).value(QStringLiteral("BackupSummaries")).toArray().size(), 1);
        ok("RestoreTableFromBackup", {{QStringLiteral("TargetTableName"), QStringLiteral("kept2")}, {QStringLiteral("BackupArn"), arn}});
        QVERIFY(waitActive(QStringLiteral("kept2")));
        QCOMPARE(items(QStringLiteral("kept2")), before);
    }

    // A restore reads the description from the file's first kPeekBytes; a
    // longer one is read again with the size the first look asked for.
    void descriptionLongerThanThePeek()
    {
        backup::Snapshot snap;
        const QString longName = QString(int(backup::Snapshot::kPeekBytes) + 5000, QLatin1Char('d'));
        snap.description = {{QStringLiteral("TableName"), QStringLiteral("big")}, {QStringLiteral("Note"), longName}};
        snap.seq = 7;
        snap.items[R"({"pk":{"S":"a"}})"] = R"({"pk":{"S":"a"},"v":{"N":"1"}})";
        const QByteArray file = snap.encode();
        QVERIFY(file.size() > backup::Snapshot::kPeekBytes);

        qint64 needed = 0;
        auto first = backup::Snapshot::peekDescription(file.left(backup::Snapshot::kPeekBytes), file.size(), QStringLiteral("Backup x"), &needed);
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message()));
        QVERIFY(first->isEmpty());
        QVERIFY(needed > backup::Snapshot::kPeekBytes);
        QVERIFY(needed <= file.size());
        auto second = backup::Snapshot::peekDescription(file.left(needed), file.size(), QStringLiteral("Backup x"), &needed);
        QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(second.error().message()));
        QCOMPARE(*second, snap.description);

        auto decoded = backup::Snapshot::decode(file, QStringLiteral("Backup x"));
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message()));
        QCOMPARE(decoded->description, snap.description);
        QCOMPARE(decoded->seq, 7);
        QCOMPARE(decoded->items, snap.items);

        // A length that claims more than the file holds is a corrupted file, not a longer read.
        QByteArray lying = file.left(backup::Snapshot::kPeekBytes);
        auto cut = backup::Snapshot::peekDescription(lying, backup::Snapshot::kPeekBytes, QStringLiteral("Backup x"), &needed);
        QVERIFY(!cut.ok());
    }
    void corruptedFiles_data()
    {
        QTest::addColumn<bool>("truncate");
        QTest::newRow("truncated") << true;
        QTest::newRow("corrupted") << false;
    }
    void corruptedFiles()
    {
        QFETCH(bool, truncate);
        open(true);
        createTable(QStringLiteral("tbl"));
        QVERIFY(putMany(QStringLiteral("tbl"), 50));
        const QString bad = backup(QStringLiteral("tbl"), QStringLiteral("bad"));
        const QString good = backup(QStringLiteral("tbl"), QStringLiteral("good"));
        const auto before = items(QStringLiteral("tbl"));
        QString path;
        for (const QString &f : QDir(m_engine->options().dataDir + QStringLiteral("/backups")).entryList({QStringLiteral("*.ddbackup")}))
            if (bad.endsWith(f.chopped(9)))
                path = m_engine->options().dataDir + QStringLiteral("/backups/") + f;
        QVERIFY(!path.isEmpty());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        if (truncate) {
            file.resize(file.size() / 2);
        } else {
            file.seek(file.size() - 10);
            file.write("XXXX");
        }
        file.close();
        const QJsonObject rst{{QStringLiteral("TargetTableName"), QStringLiteral("rst")}, {QStringLiteral("BackupArn"), bad}};
        if (truncate) {
            // The header's length gives a truncated file away before the request returns.
            const ApiError e = fail("RestoreTableFromBackup", rst);
            QCOMPARE(e.type(), QStringLiteral("InternalServerError"));
            QVERIFY2(e.message().contains(QStringLiteral("truncated")), qPrintable(e.message()));
        } else {
            // A payload that fails its checksum is found while the items load,
            // after the request returned CREATING: the restore fails and its
            // table is removed without ever becoming ACTIVE.
            const QJsonObject r = ok("RestoreTableFromBackup", rst).value(QStringLiteral("TableDescription")).toObject();
            QCOMPARE(r.value(QStringLiteral("TableStatus")).toString(), QStringLiteral("CREATING"));
            QVERIFY(waitFailedRestoreGone(QStringLiteral("rst")));
            // DescribeTable says why, until a table of that name is created again.
            const ApiError why = fail("DescribeTable", {{QStringLiteral("TableName"), QStringLiteral("rst")}});
            QVERIFY2(why.message().contains(QStringLiteral("checksum mismatch")), qPrintable(why.message()));
        }
        QCOMPARE(fail("DescribeTable", {{QStringLiteral("TableName"), QStringLiteral("rst")}}).type(), QStringLiteral("ResourceNotFoundException"));
        QCOMPARE(items(QStringLiteral("tbl")), before);
        ok("RestoreTableFromBackup", {{QStringLiteral("TargetTableName"), QStringLiteral("rst2")}, {QStringLiteral("BackupArn"), good}});
        QVERIFY(waitActive(QStringLiteral("rst2")));
        QCOMPARE(items(QStringLiteral("rst2")), before);
        createTable(QStringLiteral("rst"));
        ok("DeleteTable", {{QStringLiteral("TableName"), QStringLiteral("rst")}});
        QCOMPARE(fail("DescribeTable", {{QStringLiteral("TableName"), QStringLiteral("rst")}}).message(),
                 QStringLiteral("Requested resource not found: Table: rst not found"));
    }

    // A backup whose files cannot be written (a full disk) is never left
    // CREATING: a description that cannot be written fails the request; a
    // data file that cannot be written removes the backup in the
    // background, and DescribeBackup says why. Nothing else is harmed.
    void backupThatCannotBeWritten()
    {
        open(true);
        createTable(QStringLiteral("tbl"));
        QVERIFY(putMany(QStringLiteral("tbl"), 2000));
        const auto before = items(QStringLiteral("tbl"));
        const QString dir = m_engine->options().dataDir + QStringLiteral("/backups");
        const QJsonObject create{{QStringLiteral("TableName"), QStringLiteral("tbl")}, {QStringLiteral("BackupName"), QStringLiteral("blocked")}};
        const auto listed = [&] {
            return ok("ListBackups", {{QStringLiteral("TableName"), QStringLiteral("tbl")}}).value(QStringLiteral("BackupSummaries")).toArray().size();
        };

        // The description: a file where the backups' folder was.
        QVERIFY(QDir(dir).removeRecursively());
        {
            QFile blocker(dir);
            QVERIFY(blocker.open(QIODevice::WriteOnly));
        }
        const ApiError e = fail("CreateBackup", create);
        QCOMPARE(e.type(), QStringLiteral("InternalServerError"));
        QVERIFY2(e.message().startsWith(QStringLiteral("Cannot write backup file ")), qPrintable(e.message()));
        QCOMPARE(listed(), 0);
        QVERIFY(QFile::remove(dir));
        QVERIFY(QDir().mkpath(dir));

        // The data file: files may not grow past 16 KB (RLIMIT_FSIZE: the
        // description fits, the 2,000 items do not), as on a full disk.
        // Nothing else writes meanwhile: the clock is still and the WAL
        // checkpointed.
        QVERIFY(testsupport::checkpointWal(m_engine->options().dataDir + QStringLiteral("/us-east-1.db")));
        std::optional<testsupport::FileSizeLimit> limit(std::in_place, 16 * 1024);
        QVERIFY(limit->ok());
        const QJsonObject r = ok("CreateBackup", create).value(QStringLiteral("BackupDetails")).toObject();
        const QString arn = r.value(QStringLiteral("BackupArn")).toString();
        QCOMPARE(r.value(QStringLiteral("BackupStatus")).toString(), QStringLiteral("CREATING"));
        ApiError gone{QString(), QString()};
        for (int i = 0; i < 2000 && gone.type().isEmpty(); ++i) {
            auto d = call("DescribeBackup", {{QStringLiteral("BackupArn"), arn}});
            if (!d.ok())
                gone = d.error();
            else
                QTest::qWait(10);
        }
        limit.reset();
        QCOMPARE(gone.type(), QStringLiteral("BackupNotFoundException"));
        QVERIFY2(gone.message().startsWith(QStringLiteral("Backup not found: ") + arn + QStringLiteral(" (its creation failed and it was removed: Cannot write backup file ")),
                 qPrintable(gone.message()));
        QVERIFY2(gone.message().endsWith(QStringLiteral(": File too large)")), qPrintable(gone.message())); // the system's reason (EFBIG)
        QCOMPARE(listed(), 0);
        QCOMPARE(QDir(dir).entryList(QDir::Files), QStringList());
        const ApiError restore = fail("RestoreTableFromBackup", {{QStringLiteral("TargetTableName"), QStringLiteral("rst")}, {QStringLiteral("BackupArn"), arn}});
        QCOMPARE(restore.type(), QStringLiteral("BackupNotFoundException"));
        QCOMPARE(restore.message(), gone.message());

        // Nothing else was harmed: the table, writes, and the next backup.
        QCOMPARE(items(QStringLiteral("tbl")), before);
        put(QStringLiteral("tbl"), QStringLiteral("after"), 1);
        const QString good = backup(QStringLiteral("tbl"), QStringLiteral("good"));
        ok("RestoreTableFromBackup", {{QStringLiteral("TargetTableName"), QStringLiteral("rst")}, {QStringLiteral("BackupArn"), good}});
        QVERIFY(waitActive(QStringLiteral("rst")));
        QCOMPARE(items(QStringLiteral("rst")).size(), before.size() + 1);
    }

    // Restores return at once with the table CREATING and RestoreInProgress
    // true (as AWS's do), load in the background, then turn ACTIVE; the
    // table cannot be deleted meanwhile.
    void restoreReturnsCreating()
    {
        open(true);
        createTable(QStringLiteral("big"));
        QVERIFY(putMany(QStringLiteral("big"), 300));
        const auto before = items(QStringLiteral("big"));
        const QString arn = backup(QStringLiteral("big"), QStringLiteral("bkp"));
        ok("UpdateContinuousBackups", json(R"({"TableName":"big","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}})"));
        const QJsonObject fromBackup = ok("RestoreTableFromBackup", {{QStringLiteral("TargetTableName"), QStringLiteral("fromBackup")}, {QStringLiteral("BackupArn"), arn}})
                                           .value(QStringLiteral("TableDescription")).toObject();
        QCOMPARE(fromBackup.value(QStringLiteral("TableStatus")).toString(), QStringLiteral("CREATING"));
        QCOMPARE(fromBackup.value(QStringLiteral("RestoreSummary")).toObject().value(QStringLiteral("RestoreInProgress")).toBool(), true);
        const QJsonObject fromPitr = ok("RestoreTableToPointInTime", {{QStringLiteral("SourceTableName"), QStringLiteral("big")}, {QStringLiteral("TargetTableName"), QStringLiteral("fromPitr")},
                                                                      {QStringLiteral("UseLatestRestorableTime"), true}})
                                         .value(QStringLiteral("TableDescription")).toObject();
        QCOMPARE(fromPitr.value(QStringLiteral("TableStatus")).toString(), QStringLiteral("CREATING"));
        QCOMPARE(fromPitr.value(QStringLiteral("RestoreSummary")).toObject().value(QStringLiteral("RestoreInProgress")).toBool(), true);
        if (tableStatus(QStringLiteral("fromPitr")) == QStringLiteral("CREATING"))
            QCOMPARE(fail("DeleteTable", {{QStringLiteral("TableName"), QStringLiteral("fromPitr")}}).type(), QStringLiteral("ResourceInUseException"));
        QVERIFY(waitActive(QStringLiteral("fromBackup")));
        QVERIFY(waitActive(QStringLiteral("fromPitr")));
        QCOMPARE(items(QStringLiteral("fromBackup")), before);
        QCOMPARE(items(QStringLiteral("fromPitr")), before);
        const QJsonObject d = ok("DescribeTable", {{QStringLiteral("TableName"), QStringLiteral("fromPitr")}}).value(QStringLiteral("Table")).toObject();
        QCOMPARE(d.value(QStringLiteral("RestoreSummary")).toObject().value(QStringLiteral("RestoreInProgress")).toBool(), false);
        QCOMPARE(d.value(QStringLiteral("ItemCount")).toInt(), 300);
    }

    // While a restore loads its table (CREATING, RestoreInProgress), item
    // operations find no table, as on AWS ("its status might not be
    // ACTIVE"): nothing but the restore writes it. A try counts when the
    // table was still CREATING after the operations.
    void itemOperationsWaitForTheRestore()
    {
        open(true);
        createTable(QStringLiteral("src"));
        QVERIFY(putMany(QStringLiteral("src"), 3000));
        const auto before = items(QStringLiteral("src"));
        const QString arn = backup(QStringLiteral("src"), QStringLiteral("bkp"));
        const QJsonObject key{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), QStringLiteral("k1")}}}};
        int conclusive = 0;
        for (int attempt = 0; attempt < 10 && conclusive == 0; ++attempt) {
            const QString target = QStringLiteral("dst%1").arg(attempt);
            ok("RestoreTableFromBackup", {{QStringLiteral("TargetTableName"), target}, {QStringLiteral("BackupArn"), arn}});
            const ApiError putError = fail("PutItem", {{QStringLiteral("TableName"), target}, {QStringLiteral("Item"), item(QStringLiteral("new"), 1)}});
            const ApiError getError = fail("GetItem", {{QStringLiteral("TableName"), target}, {QStringLiteral("Key"), key}});
            const ApiError scanError = fail("Scan", {{QStringLiteral("TableName"), target}});
            const ApiError deleteError = fail("DeleteItem", {{QStringLiteral("TableName"), target}, {QStringLiteral("Key"), key}});
            const bool stillRestoring = tableStatus(target) == QStringLiteral("CREATING");
            QVERIFY(waitActive(target));
            if (!stillRestoring)
                continue;
            ++conclusive;
            for (const ApiError &e : {putError, getError, scanError, deleteError}) {
                QCOMPARE(e.type(), QStringLiteral("ResourceNotFoundException"));
                QCOMPARE(e.message(), QStringLiteral("Requested resource not found"));
            }
            QCOMPARE(items(target), before);
            // ACTIVE, it takes them.
            put(target, QStringLiteral("new"), 1);
            QCOMPARE(items(target).size(), before.size() + 1);
        }
        QVERIFY2(conclusive > 0, "every restore ended before its table could be tried");
    }

    // CreateBackup returns CREATING before it has read the table (on disk,
    // from a read snapshot fixed in the request): writes made right after
    // it, while it reads, are not in the backup, and ItemCount is the
    // table's as of the request.
    void backupIsConsistentToItsRequest_data()
    {
        QTest::addColumn<bool>("onDisk");
        QTest::newRow("memory") << false;
        QTest::newRow("disk") << true;
    }
    void backupIsConsistentToItsRequest()
    {
        QFETCH(bool, onDisk);
        open(onDisk);
        createTable(QStringLiteral("live"));
        QVERIFY(putMany(QStringLiteral("live"), 6000));
        const auto before = items(QStringLiteral("live"));
        const QJsonObject r = ok("CreateBackup", {{QStringLiteral("TableName"), QStringLiteral("live")}, {QStringLiteral("BackupName"), QStringLiteral("now")}});
        const QJsonObject details = r.value(QStringLiteral("BackupDetails")).toObject();
        QCOMPARE(details.value(QStringLiteral("BackupStatus")).toString(), QStringLiteral("CREATING"));
        const QString arn = details.value(QStringLiteral("BackupArn")).toString();
        for (int i = 0; i < 6000; i += 7)
            del(QStringLiteral("live"), QStringLiteral("k%1").arg(i));
        for (int i = 1; i < 6000; i += 11)
            put(QStringLiteral("live"), QStringLiteral("k%1").arg(i), -i);
        put(QStringLiteral("live"), QStringLiteral("later"), 1);
        QTRY_COMPARE_WITH_TIMEOUT(backupStatus(arn), QStringLiteral("AVAILABLE"), 20000);
        const QJsonObject desc = ok("DescribeBackup", {{QStringLiteral("BackupArn"), arn}}).value(QStringLiteral("BackupDescription")).toObject();
        QCOMPARE(desc.value(QStringLiteral("SourceTableDetails")).toObject().value(QStringLiteral("ItemCount")).toInt(), 6000);
        ok("RestoreTableFromBackup", {{QStringLiteral("TargetTableName"), QStringLiteral("then")}, {QStringLiteral("BackupArn"), arn}});
        QVERIFY(waitActive(QStringLiteral("then")));
        QCOMPARE(items(QStringLiteral("then")), before);
    }

    // CreateBackup in a turn that wrote to the same region first (as over
    // HTTP, one event loop's turn): the backup's reader fixes its snapshot
    // under the write lock that turn held, and it waited for the turn's
    // end while the turn waited for it. The turn commits first instead, so
    // its write is in the backup.
    void backupInATurnThatWrote_data()
    {
        QTest::addColumn<bool>("onDisk");
        QTest::newRow("memory") << false;
        QTest::newRow("disk") << true;
    }
    void backupInATurnThatWrote()
    {
        QFETCH(bool, onDisk);
        open(onDisk);
        createTable(QStringLiteral("turned"));
        put(QStringLiteral("turned"), QStringLiteral("a"), 1);
        api::Engine::beginTurn();
        put(QStringLiteral("turned"), QStringLiteral("b"), 2);
        const QJsonObject r = ok("CreateBackup", {{QStringLiteral("TableName"), QStringLiteral("turned")}, {QStringLiteral("BackupName"), QStringLiteral("inturn")}});
        put(QStringLiteral("turned"), QStringLiteral("c"), 3);
        QVERIFY(!api::Engine::endTurn());
        const QJsonObject details = r.value(QStringLiteral("BackupDetails")).toObject();
        const QString arn = details.value(QStringLiteral("BackupArn")).toString();
        QVERIFY(!arn.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(backupStatus(arn), QStringLiteral("AVAILABLE"), 20000);
        const QJsonObject desc = ok("DescribeBackup", {{QStringLiteral("BackupArn"), arn}}).value(QStringLiteral("BackupDescription")).toObject();
        QCOMPARE(desc.value(QStringLiteral("SourceTableDetails")).toObject().value(QStringLiteral("ItemCount")).toInt(), 2);
        QCOMPARE(items(QStringLiteral("turned")).size(), 3);
    }

    // A restore cut short by the end of the process (here the engine closes
    // while one restore loads and another waits in the queue) leaves no
    // partial table: when the data directory opens again, a table whose
    // restore did not finish is removed, and a finished one is whole.
    void restartMidRestore()
    {
        open(true);
        createTable(QStringLiteral("src"));
        QVERIFY(putMany(QStringLiteral("src"), 20000));
        const auto before = items(QStringLiteral("src"));
        const QString arn = backup(QStringLiteral("src"), QStringLiteral("bkp"));
        ok("RestoreTableFromBackup", {{QStringLiteral("TargetTableName"), QStringLiteral("first")}, {QStringLiteral("BackupArn"), arn}});
        ok("RestoreTableFromBackup", {{QStringLiteral("TargetTableName"), QStringLiteral("second")}, {QStringLiteral("BackupArn"), arn}});
        const bool interrupted = tableStatus(QStringLiteral("second")) == QStringLiteral("CREATING");
        // A backup still reading when the engine stops is interrupted: gone
        // after the restart, never CREATING and never partial.
        const QString late = ok("CreateBackup", {{QStringLiteral("TableName"), QStringLiteral("src")}, {QStringLiteral("BackupName"), QStringLiteral("late")}})
                                 .value(QStringLiteral("BackupDetails")).toObject().value(QStringLiteral("BackupArn")).toString();
        QVERIFY(!late.isEmpty());
        api::EngineOptions o = m_engine->options();
        m_engine.reset();
        m_engine = std::move(api::Engine::open(o).value());
        for (const QString &t : {QStringLiteral("first"), QStringLiteral("second")}) {
            auto d = call("DescribeTable", {{QStringLiteral("TableName"), t}});
            if (!d.ok()) {
                QCOMPARE(d.error().type(), QStringLiteral("ResourceNotFoundException"));
                continue;
            }
            QCOMPARE(d->value(QStringLiteral("Table")).toObject().value(QStringLiteral("TableStatus")).toString(), QStringLiteral("ACTIVE"));
            QCOMPARE(items(t), before);
        }
        if (interrupted)
            QCOMPARE(fail("DescribeTable", {{QStringLiteral("TableName"), QStringLiteral("second")}}).type(), QStringLiteral("ResourceNotFoundException"));
        // The name is free again, and the backup restores.
        if (!call("DescribeTable", {{QStringLiteral("TableName"), QStringLiteral("second")}}).ok()) {
            ok("RestoreTableFromBackup", {{QStringLiteral("TargetTableName"), QStringLiteral("second")}, {QStringLiteral("BackupArn"), arn}});
            QVERIFY(waitActive(QStringLiteral("second")));
            QCOMPARE(items(QStringLiteral("second")), before);
        }
        auto lateBackup = call("DescribeBackup", {{QStringLiteral("BackupArn"), late}});
        if (!lateBackup.ok()) {
            QCOMPARE(lateBackup.error().type(), QStringLiteral("BackupNotFoundException"));
        } else {
            QCOMPARE(backupStatus(late), QStringLiteral("AVAILABLE"));
            ok("RestoreTableFromBackup", {{QStringLiteral("TargetTableName"), QStringLiteral("third")}, {QStringLiteral("BackupArn"), late}});
            QVERIFY(waitActive(QStringLiteral("third")));
            QCOMPARE(items(QStringLiteral("third")), before);
        }
        QCOMPARE(items(QStringLiteral("src")), before);
    }

    void pointInTime_data()
    {
        QTest::addColumn<bool>("onDisk");
        QTest::newRow("memory") << false;
        QTest::newRow("disk") << true;
    }
    void pointInTime()
    {
        QFETCH(bool, onDisk);
        open(onDisk);
        createTable(QStringLiteral("hist"));
        put(QStringLiteral("hist"), QStringLiteral("pre"), 1);
        QCOMPARE(fail("RestoreTableToPointInTime", {{QStringLiteral("SourceTableName"), QStringLiteral("hist")}, {QStringLiteral("TargetTableName"), QStringLiteral("xxx")},
                                                    {QStringLiteral("UseLatestRestorableTime"), true}}).type(),
                 QStringLiteral("PointInTimeRecoveryUnavailableException"));
        const QJsonObject en = ok("UpdateContinuousBackups", json(R"({"TableName":"hist","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}})"));
        QCOMPARE(en.value(QStringLiteral("ContinuousBackupsDescription")).toObject().value(QStringLiteral("PointInTimeRecoveryDescription")).toObject()
                     .value(QStringLiteral("RecoveryPeriodInDays")).toInt(), 35);
        const qint64 t0 = m_clock.nowMs() / 1000;
        // A recorded history: a write or two each second; the expected state after each second.
        std::map<qint64, std::map<QString, int>> expected;
        std::map<QString, int> state{{QStringLiteral("pre"), 1}};
        expected[t0] = state;
        QRandomGenerator rng(7);
        for (int s = 1; s <= 40; ++s) {
            m_clock.advanceMs(1000);
            for (int w = 0; w < 2; ++w) {
                const QString k = QStringLiteral("k%1").arg(rng.bounded(8));
                if (rng.bounded(4) == 0) {
                    del(QStringLiteral("hist"), k);
                    state.erase(k);
                } else {
                    const int v = int(rng.bounded(1000));
                    put(QStringLiteral("hist"), k, v);
                    state[k] = v;
                }
            }
            expected[t0 + s] = state;
        }
        m_clock.advanceMs(1000);
        int n = 0;
        for (const auto &[second, want] : expected) {
            if (second % 3 != 0 && second != t0 + 40)
                continue;
            const QString target = QStringLiteral("rst%1").arg(n++);
            const QJsonObject r = ok("RestoreTableToPointInTime", {{QStringLiteral("SourceTableName"), QStringLiteral("hist")}, {QStringLiteral("TargetTableName"), target},
                                                                   {QStringLiteral("RestoreDateTime"), double(second)}});
            QVERIFY(!r.isEmpty());
            QVERIFY(waitActive(target));
            QCOMPARE(items(target), want);
        }
        ok("RestoreTableToPointInTime", {{QStringLiteral("SourceTableName"), QStringLiteral("hist")}, {QStringLiteral("TargetTableName"), QStringLiteral("latest")},
                                         {QStringLiteral("UseLatestRestorableTime"), true}});
        QVERIFY(waitActive(QStringLiteral("latest")));
        QCOMPARE(items(QStringLiteral("latest")), state);
        QCOMPARE(fail("RestoreTableToPointInTime", {{QStringLiteral("SourceTableName"), QStringLiteral("hist")}, {QStringLiteral("TargetTableName"), QStringLiteral("yyy")},
                                                    {QStringLiteral("RestoreDateTime"), double(t0 - 100)}}).type(),
                 QStringLiteral("InvalidRestoreTimeException"));
        QCOMPARE(fail("RestoreTableToPointInTime", {{QStringLiteral("SourceTableName"), QStringLiteral("hist")}, {QStringLiteral("TargetTableName"), QStringLiteral("latest")},
                                                    {QStringLiteral("UseLatestRestorableTime"), true}}).type(),
                 QStringLiteral("TableAlreadyExistsException"));

        // A deleted table, within its window.
        deleteTable(QStringLiteral("hist"));
        m_clock.advanceMs(5000);
        ok("RestoreTableToPointInTime", {{QStringLiteral("SourceTableName"), QStringLiteral("hist")}, {QStringLiteral("TargetTableName"), QStringLiteral("fromDeleted")},
                                         {QStringLiteral("RestoreDateTime"), double(t0 + 20)}});
        QVERIFY(waitActive(QStringLiteral("fromDeleted")));
        QCOMPARE(items(QStringLiteral("fromDeleted")), expected[t0 + 20]);
    }

    // DeleteTable of a table with PITR on leaves AWS's system backup
    // "<table>$DeletedTableBackup": listed with BackupType SYSTEM or ALL (not
    // by default), holding the items of just before the deletion, expiring
    // 35 days later. A deletion that is refused leaves none; nor does one
    // without PITR.
    void systemBackupOfDeletedTable_data() { pointInTime_data(); }
    void systemBackupOfDeletedTable()
    {
        QFETCH(bool, onDisk);
        open(onDisk);
        createTable(QStringLiteral("gone"));
        createTable(QStringLiteral("plain"));
        QVERIFY(putMany(QStringLiteral("gone"), 40));
        ok("UpdateContinuousBackups", json(R"({"TableName":"gone","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}})"));
        del(QStringLiteral("gone"), QStringLiteral("k3"));
        const std::map<QString, int> before = items(QStringLiteral("gone"));
        QCOMPARE(before.size(), size_t(39));
        const auto systemBackups = [this] {
            return ok("ListBackups", {{QStringLiteral("BackupType"), QStringLiteral("SYSTEM")}}).value(QStringLiteral("BackupSummaries")).toArray();
        };

        ok("UpdateTable", json(R"({"TableName":"gone","DeletionProtectionEnabled":true})"));
        api::Engine::beginTurn();
        QCOMPARE(fail("DeleteTable", {{QStringLiteral("TableName"), QStringLiteral("gone")}}).type(), QStringLiteral("ValidationException"));
        QVERIFY(!api::Engine::endTurn());
        QCOMPARE(systemBackups().size(), 0);
        ok("UpdateTable", json(R"({"TableName":"gone","DeletionProtectionEnabled":false})"));
        deleteTable(QStringLiteral("plain"));
        QCOMPARE(systemBackups().size(), 0);

        const qint64 deletedAt = m_clock.nowMs();
        deleteTable(QStringLiteral("gone"));
        const QJsonArray listed = systemBackups();
        QCOMPARE(listed.size(), 1);
        const QJsonObject summary = listed.first().toObject();
        QCOMPARE(summary.value(QStringLiteral("BackupName")).toString(), QStringLiteral("gone$DeletedTableBackup"));
        QCOMPARE(summary.value(QStringLiteral("TableName")).toString(), QStringLiteral("gone"));
        QCOMPARE(summary.value(QStringLiteral("BackupType")).toString(), QStringLiteral("SYSTEM"));
        QCOMPARE(qint64(summary.value(QStringLiteral("BackupExpiryDateTime")).toDouble() * 1000), deletedAt + 35LL * 24 * 3600 * 1000);
        QCOMPARE(ok("ListBackups", QJsonObject()).value(QStringLiteral("BackupSummaries")).toArray().size(), 0); // USER by default
        QCOMPARE(ok("ListBackups", {{QStringLiteral("BackupType"), QStringLiteral("ALL")}}).value(QStringLiteral("BackupSummaries")).toArray().size(), 1);
        const QString arn = summary.value(QStringLiteral("BackupArn")).toString();
        QTRY_COMPARE_WITH_TIMEOUT(backupStatus(arn), QStringLiteral("AVAILABLE"), 20000);

        ok("RestoreTableFromBackup", {{QStringLiteral("BackupArn"), arn}, {QStringLiteral("TargetTableName"), QStringLiteral("back")}});
        QVERIFY(waitActive(QStringLiteral("back")));
        QCOMPARE(items(QStringLiteral("back")), before);

        m_clock.advanceMs(35LL * 24 * 3600 * 1000);
        QCOMPARE(fail("DescribeBackup", {{QStringLiteral("BackupArn"), arn}}).type(), QStringLiteral("BackupNotFoundException"));
        QCOMPARE(systemBackups().size(), 0);
    }

    // On disk PITR's base snapshots are files beside the database (a large
    // base written as one row held the writer for seconds): the row holds
    // the file's name only; disabling PITR removes the file, a restart
    // removes files no row names, and a corrupted file fails the restore
    // without harming anything else.
    void baseSnapshotsAreFiles()
    {
        open(true);
        createTable(QStringLiteral("tbl"));
        QVERIFY(putMany(QStringLiteral("tbl"), 20));
        const auto before = items(QStringLiteral("tbl"));
        ok("UpdateContinuousBackups", json(R"({"TableName":"tbl","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}})"));
        ok("RestoreTableToPointInTime", {{QStringLiteral("SourceTableName"), QStringLiteral("tbl")}, {QStringLiteral("TargetTableName"), QStringLiteral("first")},
                                         {QStringLiteral("UseLatestRestorableTime"), true}});
        QVERIFY(waitActive(QStringLiteral("first")));
        QCOMPARE(items(QStringLiteral("first")), before);
        const QString dataDir = m_engine->options().dataDir;
        const QDir baseDir(dataDir + QStringLiteral("/us-east-1.db-pitr"));
        const QStringList bases = baseDir.entryList({QStringLiteral("*.base")}, QDir::Files);
        QCOMPARE(bases.size(), 1);
        auto rows = [&] {
            sqlite3 *db = nullptr;
            std::vector<std::pair<QString, qint64>> out; // file, data bytes
            if (sqlite3_open_v2(qPrintable(dataDir + QStringLiteral("/us-east-1.db")), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
                sqlite3_stmt *st = nullptr;
                sqlite3_prepare_v2(db, "SELECT file, length(data) FROM dd_pitr_base", -1, &st, nullptr);
                while (sqlite3_step(st) == SQLITE_ROW)
                    out.emplace_back(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0))), sqlite3_column_int64(st, 1));
                sqlite3_finalize(st);
            }
            sqlite3_close(db);
            return out;
        };
        QCOMPARE(rows().size(), size_t(1));
        QCOMPARE(rows()[0].first, bases[0]);
        QCOMPARE(rows()[0].second, 0);
        m_clock.advanceMs(2000);
        ok("RestoreTableToPointInTime", {{QStringLiteral("SourceTableName"), QStringLiteral("tbl")}, {QStringLiteral("TargetTableName"), QStringLiteral("rst")},
                                         {QStringLiteral("UseLatestRestorableTime"), true}});
        QVERIFY(waitActive(QStringLiteral("rst")));
        QCOMPARE(items(QStringLiteral("rst")), before);

        // An orphan (a process stopped between a file and its row) goes at the next open; the named file stays.
        {
            QFile orphan(baseDir.filePath(QStringLiteral("99-1-1.base")));
            QVERIFY(orphan.open(QIODevice::WriteOnly));
            orphan.write("left behind");
        }
        const api::EngineOptions o = m_engine->options();
        m_engine.reset();
        m_engine = std::move(api::Engine::open(o).value());
        QCOMPARE(baseDir.entryList({QStringLiteral("*.base")}, QDir::Files), bases);

        // A corrupted base fails the restore; the source table is untouched.
        {
            QFile f(baseDir.filePath(bases[0]));
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(f.size() - 10);
            f.write("XXXX");
        }
        ok("RestoreTableToPointInTime", {{QStringLiteral("SourceTableName"), QStringLiteral("tbl")}, {QStringLiteral("TargetTableName"), QStringLiteral("bad")},
                                         {QStringLiteral("UseLatestRestorableTime"), true}});
        QVERIFY(waitFailedRestoreGone(QStringLiteral("bad")));
        QCOMPARE(items(QStringLiteral("tbl")), before);

        // Disabling PITR removes its base files.
        ok("UpdateContinuousBackups", json(R"({"TableName":"tbl","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":false}})"));
        QVERIFY(baseDir.entryList({QStringLiteral("*.base")}, QDir::Files).isEmpty());
        QVERIFY(rows().empty());
    }

    // On disk enable() returns once the first base's read snapshot is
    // fixed; the scan, encoding and file follow in the background. The base
    // holds the table as it was at the request, a restore waits for a base
    // still being taken, and one that finishes after PITR was disabled
    // stores nothing.
    void firstBaseIsTakenInTheBackground()
    {
        open(true);
        createTable(QStringLiteral("big"));
        QVERIFY(putMany(QStringLiteral("big"), 20000));
        const auto before = items(QStringLiteral("big"));
        const qint64 t0 = m_clock.nowMs() / 1000;
        ok("UpdateContinuousBackups", json(R"({"TableName":"big","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}})"));
        // Written after the request: in the log, not in the base.
        m_clock.advanceMs(1000);
        put(QStringLiteral("big"), QStringLiteral("k0"), -1);
        put(QStringLiteral("big"), QStringLiteral("after"), 7);
        ok("RestoreTableToPointInTime", {{QStringLiteral("SourceTableName"), QStringLiteral("big")}, {QStringLiteral("TargetTableName"), QStringLiteral("atEnable")},
                                         {QStringLiteral("RestoreDateTime"), double(t0)}});
        QVERIFY(waitActive(QStringLiteral("atEnable")));
        QCOMPARE(items(QStringLiteral("atEnable")), before);
        std::map<QString, int> now = before;
        now[QStringLiteral("k0")] = -1;
        now[QStringLiteral("after")] = 7;
        ok("RestoreTableToPointInTime", {{QStringLiteral("SourceTableName"), QStringLiteral("big")}, {QStringLiteral("TargetTableName"), QStringLiteral("latest")},
                                         {QStringLiteral("UseLatestRestorableTime"), true}});
        QVERIFY(waitActive(QStringLiteral("latest")));
        QCOMPARE(items(QStringLiteral("latest")), now);

        // Disabled right after it is enabled again: whether the base's thread
        // stores it before the disable, finds PITR off when it does, or is
        // interrupted by the engine's stop, no base is left behind.
        ok("UpdateContinuousBackups", json(R"({"TableName":"big","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":false}})"));
        m_clock.advanceMs(1000);
        ok("UpdateContinuousBackups", json(R"({"TableName":"big","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}})"));
        ok("UpdateContinuousBackups", json(R"({"TableName":"big","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":false}})"));
        const api::EngineOptions o = m_engine->options();
        m_engine.reset(); // joins the base's thread
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open_v2(qPrintable(o.dataDir + QStringLiteral("/us-east-1.db")), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        sqlite3_stmt *st = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "SELECT (SELECT COUNT(*) FROM dd_pitr_base) + (SELECT COUNT(*) FROM dd_pitr)", -1, &st, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int(st, 0), 0);
        sqlite3_finalize(st);
        sqlite3_close(db);
        QVERIFY(QDir(o.dataDir + QStringLiteral("/us-east-1.db-pitr")).entryList({QStringLiteral("*.base")}, QDir::Files).isEmpty());
    }

    // A restore's parse helper runs under SCHED_IDLE; on a machine whose
    // cores are all busy it hardly runs, and the restore's writer parses the
    // rows itself. The restore still ends, with every item and the same
    // sizes (TableSizeBytes) as the source.
    void restoreEndsWhileEveryCoreIsBusy()
    {
        open(true);
        createTable(QStringLiteral("src"));
        QVERIFY(putMany(QStringLiteral("src"), 20000, 97));
        const QString arn = backup(QStringLiteral("src"), QStringLiteral("busy"));
        std::atomic<bool> stop{false};
        std::vector<std::thread> busy;
        for (unsigned i = 0; i < std::max(2u, std::thread::hardware_concurrency()); ++i)
            busy.emplace_back([&] {
                while (!stop.load(std::memory_order_relaxed)) {
                }
            });
        ok("RestoreTableFromBackup", {{QStringLiteral("BackupArn"), arn}, {QStringLiteral("TargetTableName"), QStringLiteral("dst")}});
        const bool active = waitActive(QStringLiteral("dst"));
        stop = true;
        for (auto &t : busy)
            t.join();
        QVERIFY(active);
        QCOMPARE(items(QStringLiteral("dst")), items(QStringLiteral("src")));
        auto size = [&](const QString &table) {
            return ok("DescribeTable", {{QStringLiteral("TableName"), table}}).value(QStringLiteral("Table")).toObject().value(QStringLiteral("TableSizeBytes")).toInteger();
        };
        QVERIFY(size(QStringLiteral("src")) > 0);
        QCOMPARE(size(QStringLiteral("dst")), size(QStringLiteral("src")));
    }

    // A table whose first base was never stored (the process stopped between
    // recording PITR and storing it) gets one from maintain(), and its window
    // starts there, not when PITR was enabled: older times have nothing to
    // restore from (a restore to them used the later base, silently).
    void missingFirstBaseStartsTheWindowLater()
    {
        open(true);
        createTable(QStringLiteral("tbl"));
        put(QStringLiteral("tbl"), QStringLiteral("a"), 1);
        ok("UpdateContinuousBackups", json(R"({"TableName":"tbl","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}})"));
        auto earliest = [&] {
            return qint64(ok("DescribeContinuousBackups", {{QStringLiteral("TableName"), QStringLiteral("tbl")}})
                              .value(QStringLiteral("ContinuousBackupsDescription")).toObject().value(QStringLiteral("PointInTimeRecoveryDescription"))
                              .toObject().value(QStringLiteral("EarliestRestorableDateTime")).toDouble());
        };
        const qint64 enabled = earliest();
        // Take the base away, as a process stopped before storing it would have left things.
        const api::EngineOptions o = m_engine->options();
        m_engine.reset();
        {
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open_v2(qPrintable(o.dataDir + QStringLiteral("/us-east-1.db")), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
            QCOMPARE(sqlite3_exec(db, "DELETE FROM dd_pitr_base", nullptr, nullptr, nullptr), SQLITE_OK);
            QCOMPARE(sqlite3_changes(db), 1);
            sqlite3_close(db);
        }
        m_clock.advanceMs(60'000);
        // No maintenance pass: the region's open takes the missing base
        // (until then restores failed with "No point-in-time recovery
        // history" for up to a minute, PITR answering ENABLED).
        api::EngineOptions again = o;
        again.pitrMaintenanceIntervalMs = 0;
        m_engine = std::move(api::Engine::open(again).value());
        QCOMPARE(earliest(), enabled + 60);
        QCOMPARE(fail("RestoreTableToPointInTime", {{QStringLiteral("SourceTableName"), QStringLiteral("tbl")}, {QStringLiteral("TargetTableName"), QStringLiteral("old")},
                                                    {QStringLiteral("RestoreDateTime"), double(enabled + 30)}}).type(),
                 QStringLiteral("InvalidRestoreTimeException"));
        ok("RestoreTableToPointInTime", {{QStringLiteral("SourceTableName"), QStringLiteral("tbl")}, {QStringLiteral("TargetTableName"), QStringLiteral("now")},
                                         {QStringLiteral("UseLatestRestorableTime"), true}});
        QVERIFY(waitActive(QStringLiteral("now")));
        QCOMPARE(items(QStringLiteral("now")), (std::map<QString, int>{{QStringLiteral("a"), 1}}));
    }

    void pruningPastWindow()
    {
        open(true, 20);
        createTable(QStringLiteral("pitr"));
        ok("UpdateContinuousBackups", json(R"({"TableName":"pitr","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true,"RecoveryPeriodInDays":1}})"));
        const qint64 day = 24LL * 3600 * 1000;
        std::map<qint64, std::map<QString, int>> expected;
        std::map<QString, int> state;
        // Three days of writes, one every hour.
        for (int h = 1; h <= 72; ++h) {
            m_clock.advanceMs(3600 * 1000);
            const QString k = QStringLiteral("k%1").arg(h % 10);
            put(QStringLiteral("pitr"), k, h);
            state[k] = h;
            expected[m_clock.nowMs() / 1000] = state;
            QTest::qWait(h % 12 == 0 ? 200 : 0); // let the maintenance pass run now and then
        }
        QTest::qWait(500);
        const QJsonObject d = ok("DescribeContinuousBackups", {{QStringLiteral("TableName"), QStringLiteral("pitr")}})
                                  .value(QStringLiteral("ContinuousBackupsDescription")).toObject().value(QStringLiteral("PointInTimeRecoveryDescription")).toObject();
        const qint64 earliest = qint64(d.value(QStringLiteral("EarliestRestorableDateTime")).toDouble());
        QCOMPARE(earliest, (m_clock.nowMs() - day) / 1000);
        QCOMPARE(fail("RestoreTableToPointInTime", {{QStringLiteral("SourceTableName"), QStringLiteral("pitr")}, {QStringLiteral("TargetTableName"), QStringLiteral("old")},
                                                    {QStringLiteral("RestoreDateTime"), double(earliest - 3600)}}).type(),
                 QStringLiteral("InvalidRestoreTimeException"));
        // Every hour of the window still restores exactly.
        int n = 0;
        for (const auto &[second, want] : expected) {
            if (second < earliest || n > 6)
                continue;
            const QString target = QStringLiteral("win%1").arg(n++);
            ok("RestoreTableToPointInTime", {{QStringLiteral("SourceTableName"), QStringLiteral("pitr")}, {QStringLiteral("TargetTableName"), target},
                                             {QStringLiteral("RestoreDateTime"), double(second)}});
            QVERIFY(waitActive(target));
            QCOMPARE(items(target), want);
        }
        QVERIFY(n > 0);
        // The log before the window's base snapshot is gone (on disk, read with SQLite itself).
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open_v2(qPrintable(m_engine->options().dataDir + QStringLiteral("/us-east-1.db")), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        sqlite3_stmt *st = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "SELECT COUNT(*), (SELECT COUNT(*) FROM dd_pitr_base) FROM changelog WHERE time_ms < ?", -1, &st, nullptr), SQLITE_OK);
        sqlite3_bind_int64(st, 1, earliest * 1000 - 12 * 3600 * 1000);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        const qint64 oldRows = sqlite3_column_int64(st, 0), bases = sqlite3_column_int64(st, 1);
        sqlite3_finalize(st);
        sqlite3_close(db);
        QCOMPARE(oldRows, 0);
        QVERIFY2(bases <= 3, qPrintable(QString::number(bases)));
        // Each kept base is a file; the dropped ones' files are gone.
        QCOMPARE(QDir(m_engine->options().dataDir + QStringLiteral("/us-east-1.db-pitr")).entryList({QStringLiteral("*.base")}, QDir::Files).size(), int(bases));
    }
};

QTEST_GUILESS_MAIN(TestBackups)
#include "tst_backups.moc"
