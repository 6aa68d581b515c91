// Replays the PartiQL fuzzer's corpus (tests/fuzz/corpus/partiql) through
// its harness in the normal build, in memory and on disk (followed by a
// restart that must find everything acknowledged); and checks that the
// seeds reach the working paths, not only validation.
#include "../../fuzz/partiql_harness.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

using namespace dd;

class TestPartiqlCorpus : public QObject {
    Q_OBJECT

    static QDir corpus() { return QDir(QFileInfo(QStringLiteral(__FILE__)).dir().filePath(QStringLiteral("../../fuzz/corpus/partiql"))); }

    static QStringList run(const QString &file, QString *broken, fuzz::Storage storage = fuzz::Storage::InMemory)
    {
        return fuzz::replayCorpusFile(corpus().filePath(file), broken, storage, [](fuzz::RequestHarness &h, const QByteArray &input, QStringList *outcomes) {
            return fuzz::runPartiqlInput(h, input, outcomes);
        });
    }

private slots:
    void everyInputKeepsTheRules_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = corpus().entryList(QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 16, qPrintable(corpus().path()));
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

    void everyInputSurvivesARestart_data() { everyInputKeepsTheRules_data(); }

    void everyInputSurvivesARestart()
    {
        QFETCH(QString, file);
        QString broken;
        const QStringList outcomes = run(file, &broken, fuzz::Storage::OnDisk);
        QVERIFY2(broken.isEmpty(), qPrintable(broken + QStringLiteral("\nafter: ") + outcomes.join(QStringLiteral(", "))));
    }

    void seedsSucceed_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("query pages") << "select-query" << "ExecuteStatement ok, ExecuteStatement ok";
        QTest::newRow("in pages") << "select-in" << "ExecuteStatement ok, ExecuteStatement ok";
        QTest::newRow("scan pages") << "select-scan" << "ExecuteStatement ok, ExecuteStatement ok";
        QTest::newRow("indexes") << "select-index" << "ExecuteStatement ok, ExecuteStatement ok";
        QTest::newRow("insert") << "insert" << "ExecuteStatement ok";
        QTest::newRow("duplicate") << "insert-dup" << "ExecuteStatement DuplicateItemException, ExecuteStatement DuplicateItemException";
        QTest::newRow("update") << "update" << "ExecuteStatement ok";
        QTest::newRow("update more") << "update-more" << "ExecuteStatement ok";
        QTest::newRow("delete") << "delete" << "ExecuteStatement ok, ExecuteStatement ok";
        QTest::newRow("batch") << "batch-writes" << "BatchExecuteStatement ok";
        QTest::newRow("transaction") << "transaction" << "ExecuteTransaction ok";
        QTest::newRow("transaction reads") << "transaction-reads" << "ExecuteTransaction ok";
    }

    void seedsSucceed()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QString broken;
        QCOMPARE(run(file, &broken).join(QStringLiteral(", ")), expected);
        QVERIFY2(broken.isEmpty(), qPrintable(broken));
    }
};

QTEST_GUILESS_MAIN(TestPartiqlCorpus)
#include "tst_partiqlcorpus.moc"
