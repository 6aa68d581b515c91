// Replays the request fuzzer's corpus (tests/fuzz/corpus/request) through
// its harness in the normal build: every input that once crashed the engine,
// made it answer InternalServerError, or changed items on a rejected call
// stays a test here, and so do the seeds of every operation.
#include "../../fuzz/request_harness.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

using namespace dd;

class TestRequestCorpus : public QObject {
    Q_OBJECT

    static QDir corpus() { return QDir(QFileInfo(QStringLiteral(__FILE__)).dir().filePath(QStringLiteral("../../fuzz/corpus/request"))); }

    static QStringList run(const QString &file, QString *broken, fuzz::Storage storage = fuzz::Storage::InMemory)
    {
        return fuzz::replayCorpusFile(corpus().filePath(file), broken, storage,
                                      [](fuzz::RequestHarness &h, const QByteArray &input, QStringList *outcomes) { return h.runInput(input, outcomes); });
    }

private slots:
    void everyInputKeepsTheRules_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = corpus().entryList(QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 30, qPrintable(corpus().path()));
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << f;
    }

    void everyInputKeepsTheRules()
    {
        QFETCH(QString, file);
        QString broken;
        const QStringList outcomes = run(file, &broken);
        QVERIFY2(broken.isEmpty(), qPrintable(broken + QStringLiteral("\nafter: ") + outcomes.join(QStringLiteral(", "))));
    }

    // The same on disk, where every input is also followed by a restart: the
    // folder opened again holds what was acknowledged, no more, no less.
    void everyInputSurvivesARestart_data() { everyInputKeepsTheRules_data(); }

    void everyInputSurvivesARestart()
    {
        QFETCH(QString, file);
        QString broken;
        const QStringList outcomes = run(file, &broken, fuzz::Storage::OnDisk);
        QVERIFY2(broken.isEmpty(), qPrintable(broken + QStringLiteral("\nafter: ") + outcomes.join(QStringLiteral(", "))));
    }

    // The seeds reach the engine's working paths (the fixture tables exist,
    // the requests are valid), not only its validation.
    void seedsSucceed_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected");
        const auto ok = [](std::initializer_list<const char *> ops) {
            QStringList l;
            for (const char *op : ops)
                l << QLatin1String(op) + QStringLiteral(" ok");
            return l;
        };
        QTest::newRow("put") << "seed-put" << ok({"PutItem"});
        QTest::newRow("update") << "seed-update" << ok({"UpdateItem"});
        QTest::newRow("delete") << "seed-delete" << ok({"DeleteItem"});
        QTest::newRow("query") << "seed-query" << ok({"Query"});
        QTest::newRow("query-lsi") << "seed-query-lsi" << ok({"Query"});
        QTest::newRow("query-legacy") << "seed-query-legacy" << ok({"Query"});
        QTest::newRow("scan-legacy") << "seed-scan-legacy" << ok({"Scan"});
        QTest::newRow("batch-write") << "seed-batch-write" << ok({"BatchWriteItem"});
        QTest::newRow("batch-get") << "seed-batch-get" << ok({"BatchGetItem"});
        QTest::newRow("transact-write") << "seed-transact-write" << ok({"TransactWriteItems"});
        QTest::newRow("create-table") << "seed-create-table" << ok({"CreateTable", "PutItem", "Query"});
        QTest::newRow("update-table") << "seed-update-table" << QStringList{QStringLiteral("UpdateTable LimitExceededException"), QStringLiteral("DescribeTable ok")};
        QTest::newRow("delete-table") << "seed-delete-table" << QStringList{QStringLiteral("DeleteTable ok"), QStringLiteral("GetItem ResourceNotFoundException")};
        QTest::newRow("tags") << "seed-tags" << ok({"TagResource", "UntagResource", "ListTagsOfResource"});
        QTest::newRow("pitr") << "seed-pitr" << ok({"UpdateContinuousBackups", "DescribeContinuousBackups", "RestoreTableToPointInTime"});
        QTest::newRow("export") << "seed-export"
                                << QStringList{QStringLiteral("UpdateContinuousBackups ok"), QStringLiteral("ExportTableToPointInTime ok"),
                                               QStringLiteral("ListExports ok"), QStringLiteral("DescribeExport ExportNotFoundException")};
        QTest::newRow("dax-control") << "seed-dax-control"
                                     << ok({"Dax.CreateParameterGroup", "Dax.UpdateParameterGroup", "Dax.CreateCluster", "Dax.DecreaseReplicationFactor"});
        QTest::newRow("dax-data") << "seed-dax-data" << ok({"dax:GetItem", "dax:UpdateItem", "dax:Query", "dax:BatchGetItem"});
        QTest::newRow("dax-writes") << "seed-dax-writes"
                                    << ok({"dax:TransactWriteItems", "dax:BatchWriteItem", "dax:Scan", "Dynamodesk.DescribeClusterMetrics"});
        QTest::newRow("import") << "seed-import"
                                << QStringList{QStringLiteral("ImportTable ok"), QStringLiteral("ListImports ok"),
                                               QStringLiteral("DescribeImport ImportNotFoundException")};
        QTest::newRow("import-ion") << "seed-import-ion" << ok({"ImportTable"});
        QTest::newRow("import-csv") << "seed-import-csv" << ok({"ImportTable"});
    }

    void seedsSucceed()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        QString broken;
        QCOMPARE(run(file, &broken), expected);
        QVERIFY2(broken.isEmpty(), qPrintable(broken));
    }
};

QTEST_GUILESS_MAIN(TestRequestCorpus)
#include "tst_requestcorpus.moc"
