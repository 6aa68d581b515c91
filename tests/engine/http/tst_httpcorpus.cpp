// Replays the HTTP fuzzer's corpus (tests/fuzz/corpus/http) through its
// harness in the normal build: every input is sent to a real endpoint over a
// socket, in pieces, and must get an answer or a close (never a hang, a
// crash or an answer without a status line); afterwards, and after every
// input, a plain ListTables still works.
#include "../../fuzz/http_harness.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

using namespace dd;

class TestHttpCorpus : public QObject {
    Q_OBJECT

    fuzz::HttpHarness m_harness;

    static QDir corpus() { return QDir(QFileInfo(QStringLiteral(__FILE__)).dir().filePath(QStringLiteral("../../fuzz/corpus/http"))); }

private slots:
    void initTestCase()
    {
        const QString error = m_harness.open();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void everyInputGetsAnAnswerOrAClose_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = corpus().entryList(QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 12, qPrintable(corpus().path()));
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << f;
    }

    void everyInputGetsAnAnswerOrAClose()
    {
        QFETCH(QString, file);
        QFile f(corpus().filePath(file));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString broken = m_harness.runInput(f.readAll());
        QVERIFY2(broken.isEmpty(), qPrintable(broken));
        const QString alive = m_harness.checkAlive();
        QVERIFY2(alive.isEmpty(), qPrintable(alive));
    }
};

QTEST_GUILESS_MAIN(TestHttpCorpus)
#include "tst_httpcorpus.moc"
