// Engine-level tests of Dynamodesk.DescribeTableHistory and
// Dynamodesk.PreviewRestore on a ManualClock, in memory and on disk: a
// recorded history (inserts at T1, an update and a delete at T2, an insert
// and a delete at T3) counted per bucket; the preview at several points in
// time and of a backup, item for item as the restore would load them (in
// Scan order: numeric sort keys 9 before 10), with the differences from
// now; the restore operations' exceptions; request validation; and that a
// preview writes nothing.
#include "api/engine.h"
#include "enginecalls.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <set>

using namespace dd;

namespace {

QString q(const char *s) { return QString::fromLatin1(s); }
QJsonObject json(const char *s) { return QJsonDocument::fromJson(s).object(); }

// One item of the test table: partition key pk (S), sort key sk (N), value v.
QJsonObject item(const char *pk, int sk, int v)
{
    return {{q("pk"), QJsonObject{{q("S"), q(pk)}}}, {q("sk"), QJsonObject{{q("N"), QString::number(sk)}}},
            {q("v"), QJsonObject{{q("N"), QString::number(v)}}}};
}
QJsonObject key(const char *pk, int sk)
{
    return {{q("pk"), QJsonObject{{q("S"), q(pk)}}}, {q("sk"), QJsonObject{{q("N"), QString::number(sk)}}}};
}

} // namespace

class TestTableHistory : public QObject, test::EngineCalls {
    Q_OBJECT

public:
    // Before the members the engine uses (EngineCalls).
    ~TestTableHistory() override { m_engine.reset(); }

private:
    ManualClock m_clock{1'700'000'000'000};
    QTemporaryDir m_dir;
    qint64 m_t0 = 0; // PITR enabled (epoch seconds)
    qint64 m_t1 = 0; // a(p,9) b(p,10) c(q,1) inserted
    qint64 m_t2 = 0; // a updated, b deleted; a backup taken after
    qint64 m_t3 = 0; // d(r,5) inserted, c deleted
    QString m_backupArn;

    QJsonArray scanAll(const QString &table) { return ok("Scan", {{q("TableName"), table}}).value(q("Items")).toArray(); }
    QJsonObject preview(double restoreSeconds, int limit = 50)
    {
        return ok("Dynamodesk.PreviewRestore", {{q("TableName"), q("hist")}, {q("RestoreDateTime"), restoreSeconds}, {q("Limit"), limit}});
    }
    QJsonObject history(double start, double end, int buckets)
    {
        return ok("Dynamodesk.DescribeTableHistory", {{q("TableName"), q("hist")}, {q("StartTime"), start}, {q("EndTime"), end}, {q("Buckets"), buckets}});
    }
    // The keys of Differences as "pk/sk:then->now" with "-" for an absent side.
    static QStringList differences(const QJsonObject &preview)
    {
        QStringList out;
        for (const auto &v : preview.value(q("Differences")).toArray()) {
            const QJsonObject d = v.toObject();
            const QJsonObject k = d.value(q("Key")).toObject();
            auto value = [&](const char *side) {
                return d.contains(q(side)) ? d.value(q(side)).toObject().value(q("v")).toObject().value(q("N")).toString() : q("-");
            };
            out << QStringLiteral("%1/%2:%3->%4").arg(k.value(q("pk")).toObject().value(q("S")).toString(),
                                                      k.value(q("sk")).toObject().value(q("N")).toString(), value("Then"), value("Now"));
        }
        return out;
    }

    void open(bool onDisk)
    {
        m_engine.reset();
        api::EngineOptions o;
        o.inMemory = !onDisk;
        o.dataDir = m_dir.path() + QStringLiteral("/data") + QString::number(QRandomGenerator::global()->generate());
        o.clock = &m_clock;
        o.ttlSweepIntervalMs = 0;
        o.changeLogPruneIntervalMs = 0;
        o.pitrMaintenanceIntervalMs = 0;
        m_engine = std::move(api::Engine::open(o).value());
    }
    // The recorded history; the clock ends 10 s after T3.
    void record()
    {
        QVERIFY(!ok("CreateTable", json(R"({"TableName":"hist","BillingMode":"PAY_PER_REQUEST",
            "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],
            "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]})")).isEmpty());
        // Without PITR, but with a stream: its changes are logged too (a table with neither logs nothing).
        QVERIFY(!ok("CreateTable", json(R"({"TableName":"nopitr","BillingMode":"PAY_PER_REQUEST",
            "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"KEYS_ONLY"},
            "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]})")).isEmpty());
        QVERIFY(!ok("UpdateContinuousBackups", json(R"({"TableName":"hist","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}})")).isEmpty());
        m_t0 = m_clock.nowMs() / 1000;
        m_clock.advanceMs(10'000);
        m_t1 = m_clock.nowMs() / 1000;
        for (auto [pk, sk] : {std::pair{"p", 9}, std::pair{"p", 10}, std::pair{"q", 1}}) {
            ok("PutItem", {{q("TableName"), q("hist")}, {q("Item"), item(pk, sk, 1)}});
            // Another table's changes in between: the history counts only its own.
            ok("PutItem", {{q("TableName"), q("nopitr")}, {q("Item"), QJsonObject{{q("pk"), QJsonObject{{q("S"), q(pk) + QString::number(sk)}}}}}});
        }
        m_clock.advanceMs(10'000);
        m_t2 = m_clock.nowMs() / 1000;
        ok("PutItem", {{q("TableName"), q("hist")}, {q("Item"), item("p", 9, 2)}});
        ok("DeleteItem", {{q("TableName"), q("hist")}, {q("Key"), key("p", 10)}});
        m_backupArn = ok("CreateBackup", {{q("TableName"), q("hist")}, {q("BackupName"), q("atT2")}})
                          .value(q("BackupDetails")).toObject().value(q("BackupArn")).toString();
        QVERIFY(!m_backupArn.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(ok("DescribeBackup", {{q("BackupArn"), m_backupArn}}).value(q("BackupDescription")).toObject()
                                      .value(q("BackupDetails")).toObject().value(q("BackupStatus")).toString(), q("AVAILABLE"), 20000);
        m_clock.advanceMs(10'000);
        m_t3 = m_clock.nowMs() / 1000;
        ok("PutItem", {{q("TableName"), q("hist")}, {q("Item"), item("r", 5, 1)}});
        ok("DeleteItem", {{q("TableName"), q("hist")}, {q("Key"), key("q", 1)}});
        m_clock.advanceMs(10'000);
    }

private slots:
    void history_data()
    {
        QTest::addColumn<bool>("onDisk");
        QTest::newRow("memory") << false;
        QTest::newRow("disk") << true;
    }
    void history()
    {
        QFETCH(bool, onDisk);
        open(onDisk);
        record();
        // Four buckets of 10 s from T0: nothing, 3 inserts, an update and a delete, an insert and a delete.
        QJsonObject h = history(double(m_t0), double(m_t0 + 40), 4);
        const QJsonArray b = h.value(q("Buckets")).toArray();
        QCOMPARE(b.size(), 4);
        auto counts = [&](int i) {
            const QJsonObject o = b.at(i).toObject();
            return QStringLiteral("%1/%2/%3").arg(o.value(q("Inserts")).toInt()).arg(o.value(q("Updates")).toInt()).arg(o.value(q("Deletes")).toInt());
        };
        QCOMPARE(counts(0), q("0/0/0"));
        QCOMPARE(counts(1), q("3/0/0"));
        QCOMPARE(counts(2), q("0/1/1"));
        QCOMPARE(counts(3), q("1/0/1"));
        QCOMPARE(b.at(2).toObject().value(q("Start")).toDouble(), double(m_t0 + 20));
        QCOMPARE(h.value(q("BucketSeconds")).toDouble(), 10.0);
        QCOMPARE(h.value(q("HistoryStart")).toDouble(), double(m_t1));

        // Half-open ranges, fractional times: [T2 - 0.5, T2) holds nothing, [T2, T2 + 0.001) both changes of T2.
        h = history(m_t2 - 0.5, double(m_t2), 1);
        QCOMPARE(h.value(q("Buckets")).toArray().at(0).toObject().value(q("Updates")).toInt(), 0);
        h = history(double(m_t2), m_t2 + 0.001, 1);
        QCOMPARE(h.value(q("Buckets")).toArray().at(0).toObject().value(q("Updates")).toInt(), 1);
        QCOMPARE(h.value(q("Buckets")).toArray().at(0).toObject().value(q("Deletes")).toInt(), 1);
        // Many buckets finer than a millisecond: each change lands in exactly one.
        h = history(double(m_t1), m_t1 + 1.0, 2000);
        int inserts = 0;
        for (const auto &v : h.value(q("Buckets")).toArray())
            inserts += v.toObject().value(q("Inserts")).toInt();
        QCOMPARE(inserts, 3);
        QCOMPARE(h.value(q("Buckets")).toArray().at(0).toObject().value(q("Inserts")).toInt(), 3);

        // The other table's three inserts at T1 are its own.
        h = ok("Dynamodesk.DescribeTableHistory", {{q("TableName"), q("nopitr")}, {q("StartTime"), double(m_t0)}, {q("EndTime"), double(m_t0 + 40)}, {q("Buckets"), 1}});
        QCOMPARE(h.value(q("Buckets")).toArray().at(0).toObject().value(q("Inserts")).toInt(), 3);
        QCOMPARE(h.value(q("HistoryStart")).toDouble(), double(m_t1));
        // A table without changes in the log has no HistoryStart;
        // an unknown table and bad requests are refused.
        QVERIFY(!ok("CreateTable", json(R"({"TableName":"quiet","BillingMode":"PAY_PER_REQUEST",
            "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]})")).isEmpty());
        QVERIFY(!ok("Dynamodesk.DescribeTableHistory", {{q("TableName"), q("quiet")}, {q("StartTime"), 0}, {q("EndTime"), 1}, {q("Buckets"), 1}}).contains(q("HistoryStart")));
        QCOMPARE(fail("Dynamodesk.DescribeTableHistory", {{q("TableName"), q("nothere")}, {q("StartTime"), 0}, {q("EndTime"), 1}}).type(), q("ResourceNotFoundException"));
        for (const QJsonObject &bad : {QJsonObject{{q("TableName"), q("hist")}, {q("StartTime"), 10}, {q("EndTime"), 10}},
                                       QJsonObject{{q("TableName"), q("hist")}, {q("StartTime"), 0}, {q("EndTime"), 10}, {q("Buckets"), 0}},
                                       QJsonObject{{q("TableName"), q("hist")}, {q("StartTime"), 0}, {q("EndTime"), 10}, {q("Buckets"), 2001}},
                                       QJsonObject{{q("TableName"), q("hist")}, {q("StartTime"), 0}, {q("EndTime"), 10}, {q("Buckets"), 1.5}},
                                       QJsonObject{{q("TableName"), q("hist")}, {q("StartTime"), q("yesterday")}, {q("EndTime"), 10}},
                                       QJsonObject{{q("TableName"), q("hist")}, {q("EndTime"), 10}},
                                       QJsonObject{{q("TableName"), 5}, {q("StartTime"), 0}, {q("EndTime"), 10}}})
            QCOMPARE(fail("Dynamodesk.DescribeTableHistory", bad).type(), q("ValidationException"));
    }

    // A longer recorded log, two tables interleaved at random times: every
    // bucket of random ranges counts exactly the recorded changes.
    void historyMatchesARecordedLog()
    {
        open(true);
        for (const char *name : {"hist", "other"})
            QVERIFY(!ok("CreateTable", {{q("TableName"), q(name)}, {q("BillingMode"), q("PAY_PER_REQUEST")},
                                        {q("StreamSpecification"), QJsonObject{{q("StreamEnabled"), true}, {q("StreamViewType"), q("KEYS_ONLY")}}},
                                        {q("AttributeDefinitions"), QJsonArray{QJsonObject{{q("AttributeName"), q("pk")}, {q("AttributeType"), q("S")}}}},
                                        {q("KeySchema"), QJsonArray{QJsonObject{{q("AttributeName"), q("pk")}, {q("KeyType"), q("HASH")}}}}}).isEmpty());
        struct Change { qint64 ms; int event; }; // 0 insert, 1 update, 2 delete
        std::vector<Change> log;
        std::set<int> present;
        QRandomGenerator rng(11);
        const qint64 begin = m_clock.nowMs();
        for (int i = 0; i < 400; ++i) {
            m_clock.advanceMs(rng.bounded(1500));
            const bool mine = rng.bounded(3) != 0;
            const int k = int(rng.bounded(30));
            const QJsonObject key{{q("pk"), QJsonObject{{q("S"), QString::number(k)}}}};
            if (!mine) {
                ok("PutItem", {{q("TableName"), q("other")}, {q("Item"), key}});
                continue;
            }
            if (present.count(k) && rng.bounded(3) == 0) {
                ok("DeleteItem", {{q("TableName"), q("hist")}, {q("Key"), key}});
                present.erase(k);
                log.push_back({m_clock.nowMs(), 2});
            } else {
                QJsonObject it = key;
                it.insert(q("v"), QJsonObject{{q("N"), QString::number(i)}});
                ok("PutItem", {{q("TableName"), q("hist")}, {q("Item"), it}});
                log.push_back({m_clock.nowMs(), present.count(k) ? 1 : 0});
                present.insert(k);
            }
        }
        const qint64 end = m_clock.nowMs();
        for (int round = 0; round < 40; ++round) {
            const qint64 a = begin - 5000 + qint64(rng.bounded(int(end - begin + 10000)));
            const qint64 b = a + 1 + qint64(rng.bounded(int(end - a + 5000)));
            const int buckets = 1 + int(rng.bounded(60));
            std::vector<std::array<int, 3>> want(size_t(buckets), {0, 0, 0});
            for (const Change &c : log)
                if (c.ms >= a && c.ms < b)
                    ++want[size_t((c.ms - a) * buckets / (b - a))][size_t(c.event)];
            const QJsonArray got = history(double(a) / 1000, double(b) / 1000, buckets).value(q("Buckets")).toArray();
            QCOMPARE(got.size(), buckets);
            for (int i = 0; i < buckets; ++i) {
                const QJsonObject g = got.at(i).toObject();
                QCOMPARE((std::array<int, 3>{g.value(q("Inserts")).toInt(), g.value(q("Updates")).toInt(), g.value(q("Deletes")).toInt()}), want[size_t(i)]);
            }
        }
    }

    void preview_data() { history_data(); }
    void preview()
    {
        QFETCH(bool, onDisk);
        open(onDisk);
        record();
        // Now: a(p,9)=2, d(r,5)=1.
        // T1: a=1, b=1, c=1. Items exactly as the restore loads them, in Scan order.
        QJsonObject r = preview(double(m_t1));
        QCOMPARE(r.value(q("ItemCount")).toInt(), 3);
        QCOMPARE(r.value(q("RestoreDateTime")).toDouble(), double(m_t1));
        ok("RestoreTableToPointInTime", {{q("SourceTableName"), q("hist")}, {q("TargetTableName"), q("atT1")}, {q("RestoreDateTime"), double(m_t1)}});
        QVERIFY(waitActive(q("atT1")));
        QCOMPARE(r.value(q("Items")).toArray(), scanAll(q("atT1")));
        QStringList order;
        for (const auto &v : r.value(q("Items")).toArray())
            order << v.toObject().value(q("pk")).toObject().value(q("S")).toString() + v.toObject().value(q("sk")).toObject().value(q("N")).toString();
        QVERIFY2(order.indexOf(q("p9")) < order.indexOf(q("p10")), qPrintable(order.join(u',')));
        QCOMPARE(r.value(q("DifferenceCount")).toInt(), 4);
        QStringList diffs = differences(r);
        diffs.sort();
        QCOMPARE(diffs, (QStringList{q("p/10:1->-"), q("p/9:1->2"), q("q/1:1->-"), q("r/5:-->1")}));

        // T2: a=2, c=1: c is gone now, d is new.
        r = preview(double(m_t2));
        QCOMPARE(r.value(q("ItemCount")).toInt(), 2);
        diffs = differences(r);
        diffs.sort();
        QCOMPARE(diffs, (QStringList{q("q/1:1->-"), q("r/5:-->1")}));
        // T0, before any write: empty then, everything now is a difference.
        r = preview(double(m_t0));
        QCOMPARE(r.value(q("ItemCount")).toInt(), 0);
        QCOMPARE(r.value(q("Items")).toArray().size(), 0);
        QCOMPARE(r.value(q("DifferenceCount")).toInt(), 2);
        // The latest restorable time: the same as now.
        r = ok("Dynamodesk.PreviewRestore", {{q("TableName"), q("hist")}, {q("UseLatestRestorableTime"), true}});
        QCOMPARE(r.value(q("ItemCount")).toInt(), 2);
        QCOMPARE(r.value(q("DifferenceCount")).toInt(), 0);
        QCOMPARE(r.value(q("Differences")).toArray().size(), 0);
        // Limit cuts the lists, not the counts.
        r = preview(double(m_t1), 1);
        QCOMPARE(r.value(q("Items")).toArray().size(), 1);
        QCOMPARE(r.value(q("Differences")).toArray().size(), 1);
        QCOMPARE(r.value(q("ItemCount")).toInt(), 3);
        QCOMPARE(r.value(q("DifferenceCount")).toInt(), 4);

        // The backup taken at T2, with and without TableName.
        r = ok("Dynamodesk.PreviewRestore", {{q("BackupArn"), m_backupArn}});
        QCOMPARE(r.value(q("ItemCount")).toInt(), 2);
        diffs = differences(r);
        diffs.sort();
        QCOMPARE(diffs, (QStringList{q("q/1:1->-"), q("r/5:-->1")}));
        QCOMPARE(ok("Dynamodesk.PreviewRestore", {{q("BackupArn"), m_backupArn}, {q("TableName"), q("hist")}}).value(q("ItemCount")).toInt(), 2);

        // A preview writes nothing: no table, no change in the log.
        const QJsonObject before = history(double(m_t0), double(m_t3 + 10), 1);
        const int tables = ok("ListTables", QJsonObject()).value(q("TableNames")).toArray().size();
        preview(double(m_t1));
        QCOMPARE(ok("ListTables", QJsonObject()).value(q("TableNames")).toArray().size(), tables);
        QCOMPARE(history(double(m_t0), double(m_t3 + 10), 1), before);

        // The restore operations' exceptions.
        QCOMPARE(fail("Dynamodesk.PreviewRestore", {{q("TableName"), q("hist")}, {q("RestoreDateTime"), double(m_t0 - 100)}}).type(), q("InvalidRestoreTimeException"));
        QCOMPARE(fail("Dynamodesk.PreviewRestore", {{q("TableName"), q("hist")}, {q("RestoreDateTime"), double(m_t3 + 3600)}}).type(), q("InvalidRestoreTimeException"));
        QCOMPARE(fail("Dynamodesk.PreviewRestore", {{q("TableName"), q("nopitr")}, {q("UseLatestRestorableTime"), true}}).type(), q("PointInTimeRecoveryUnavailableException"));
        QCOMPARE(fail("Dynamodesk.PreviewRestore", {{q("TableName"), q("nothere")}, {q("UseLatestRestorableTime"), true}}).type(), q("TableNotFoundException"));
        QCOMPARE(fail("Dynamodesk.PreviewRestore", {{q("BackupArn"), m_backupArn + q("x")}}).type(), q("BackupNotFoundException"));
        // Validation: exactly one source, a TableName that matches the backup, a sane Limit.
        for (const QJsonObject &bad : {QJsonObject{{q("TableName"), q("hist")}},
                                       QJsonObject{{q("TableName"), q("hist")}, {q("RestoreDateTime"), double(m_t1)}, {q("UseLatestRestorableTime"), true}},
                                       QJsonObject{{q("TableName"), q("hist")}, {q("RestoreDateTime"), double(m_t1)}, {q("BackupArn"), m_backupArn}},
                                       QJsonObject{{q("BackupArn"), m_backupArn}, {q("TableName"), q("nopitr")}},
                                       QJsonObject{{q("TableName"), q("hist")}, {q("UseLatestRestorableTime"), true}, {q("Limit"), -1}},
                                       QJsonObject{{q("TableName"), q("hist")}, {q("UseLatestRestorableTime"), true}, {q("Limit"), 1001}},
                                       QJsonObject{{q("TableName"), q("hist")}, {q("RestoreDateTime"), q("T1")}},
                                       QJsonObject{{q("RestoreDateTime"), double(m_t1)}}})
            QCOMPARE(fail("Dynamodesk.PreviewRestore", bad).type(), q("ValidationException"));

        // A deleted table within its window: everything then differs from nothing now.
        api::Engine::beginTurn();
        QVERIFY(call("DeleteTable", {{q("TableName"), q("hist")}}).ok());
        QVERIFY(!api::Engine::endTurn());
        m_clock.advanceMs(5000);
        r = preview(double(m_t1));
        QCOMPARE(r.value(q("ItemCount")).toInt(), 3);
        QCOMPARE(r.value(q("DifferenceCount")).toInt(), 3);
    }
};

QTEST_GUILESS_MAIN(TestTableHistory)
#include "tst_tablehistory.moc"
