// Import JSON Lines…: what Export JSON Lines… writes, and what
// `aws dynamodb scan` prints, comes back item for
// item into another table, through the table browser (with its progress
// and the form run again); bare items, blank lines, a byte order mark and
// a key that comes again in one batch (the later line wins); a line that
// is not an item stops the import there after writing the lines before
// it, and a call that fails names its lines; Cancel stops between batches
// with exactly the written items in the table. Cancel in the browser (the progress panel's
// button) still reports what a job did: an import says how many items it
// wrote and a batch delete how many it deleted, and the table holds exactly
// that (Qt drops a cancelled QFuture's result; the jobs read a CancelFlag).
#include "browser/exportjsonl.h"
#include "browser/importjsonl.h"
#include "browser/itemtablemodel.h"
#include "browser/tablebrowser.h"
#include "servers.h"
#include "uitest.h"

#include <QFile>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace dd::ui;

namespace {

QString p(const char *s) { return QString::fromUtf8(s); }

QJsonObject json(const char *text) { return QJsonDocument::fromJson(QByteArray(text)).object(); }

// Every item of the table, by key identity.
QMap<QString, QJsonObject> scanAll(Connection &c, const QString &table, const TableKeys &keys)
{
    QMap<QString, QJsonObject> items;
    QJsonObject request{{p("TableName"), table}, {p("ConsistentRead"), true}};
    for (;;) {
        const auto r = c.callSync(p("Scan"), request);
        if (!r.ok())
            qFatal("Scan %s: %s", qPrintable(table), qPrintable(r.error->message()));
        for (const QJsonValue &v : r.body.value(p("Items")).toArray())
            items.insert(keys.identity(v.toObject()), v.toObject());
        if (!r.body.contains(p("LastEvaluatedKey")))
            return items;
        request.insert(p("ExclusiveStartKey"), r.body.value(p("LastEvaluatedKey")));
    }
}

bool writeLines(const QString &path, const QStringList &lines)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(lines.join(QLatin1Char('\n')).toUtf8());
    return true;
}

QString line(const QJsonObject &item) { return QString::fromUtf8(QJsonDocument(item).toJson(QJsonDocument::Compact)); }

ImportResult importFile(Connection *c, const QString &table, const TableKeys &keys, const QString &path)
{
    auto future = startImportJsonLines(c, table, keys, path);
    future.waitForFinished();
    return future.result();
}

} // namespace

class TestImportJsonLines : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void roundTripsAnExportThroughTheBrowser();
    void bareItemsBlankLinesAndRepeatedKeys();
    void stopsAtALineThatIsNotAnItem_data();
    void stopsAtALineThatIsNotAnItem();
    void aFailedCallNamesItsLines();
    void cancelStopsBetweenBatches();
    void cancelInTheBrowserSaysWhatWasDone();
    void importsTheAwsCliScanOutputAndItemArrays();

private:
    std::unique_ptr<Connection> m_connection;
    QTemporaryDir m_dir;
    TableKeys m_keys{p("pk"), p("S"), p("sk"), p("S")};
};

void TestImportJsonLines::init()
{
    QVERIFY(m_dir.isValid());
    m_connection = uitest::inMemoryConnection();
    uitest::createTable(*m_connection, p("Target"), p("pk"), p("sk"));
}

void TestImportJsonLines::cleanup()
{
    m_connection.reset();
}

void TestImportJsonLines::roundTripsAnExportThroughTheBrowser()
{
    uitest::createTable(*m_connection, p("Source"), p("pk"), p("sk"));
    QJsonArray requests;
    for (int i = 0; i < 1000; ++i) {
        QJsonObject item{{p("pk"), uitest::S(QStringLiteral("p%1").arg(i % 37))}, {p("sk"), uitest::S(QStringLiteral("s%1").arg(i))},
                         {p("n"), uitest::N(QString::number(i * 7 - 300))}};
        if (i % 3 == 0)
            item.insert(p("b"), QJsonObject{{p("B"), QString::fromLatin1(QByteArray::number(i).toBase64())}});
        if (i % 5 == 0)
            item.insert(p("doc"), json(R"({"M": {"tags": {"SS": ["a", "b"]}, "l": {"L": [{"NULL": true}, {"BOOL": false}, {"S": "ü \u0022q\u0022"}]}}})"));
        uitest::put(*m_connection, p("Source"), item);
    }
    const QString file = m_dir.filePath(p("export.jsonl"));
    auto exported = startExportJsonLines(m_connection.get(), p("Scan"), {{p("TableName"), p("Source")}}, file);
    exported.waitForFinished();
    QCOMPARE(exported.result().items, qint64(1000));

    TableBrowser browser(m_connection.get(), p("Target"));
    QTRY_VERIFY(browser.isReady());
    QTRY_VERIFY(!browser.model()->isLoading());
    QCOMPARE(browser.model()->rowCount(), 0);
    QStringList messages;
    connect(&browser, &TableBrowser::statusMessage, this, [&messages](const QString &m) { messages << m; });
    browser.importJsonLines(file);
    QVERIFY(browser.isImporting());
    // The future ends before its watcher's finished() reaches the GUI thread: wait for the word too.
    QTRY_VERIFY_WITH_TIMEOUT(!browser.isImporting() && !messages.isEmpty(), 60000);
    QVERIFY2(messages.size() == 1 && messages.first().startsWith(p("Imported ")) && messages.first().contains(p("1")), qPrintable(messages.join(p("; "))));
    QCOMPARE(scanAll(*m_connection, p("Target"), m_keys), scanAll(*m_connection, p("Source"), m_keys));
    // The form ran again: the browser shows the imported items.
    QTRY_VERIFY(!browser.model()->isLoading() && browser.model()->rowCount() > 0);
}

void TestImportJsonLines::bareItemsBlankLinesAndRepeatedKeys()
{
    QStringList lines;
    for (int i = 0; i < 30; ++i) {
        const QJsonObject item{{p("pk"), uitest::S(p("a"))}, {p("sk"), uitest::S(QStringLiteral("k%1").arg(i % 20))}, {p("line"), uitest::N(QString::number(i + 1))}};
        lines << (i % 2 ? line(item) : line({{p("Item"), item}})); // bare and wrapped alike
        if (i % 7 == 0)
            lines << QString() << p("   ");
    }
    lines.first().prepend(QChar(0xFEFF)); // a byte order mark, as some editors write
    const QString file = m_dir.filePath(p("mixed.jsonl"));
    QVERIFY(writeLines(file, lines));
    const ImportResult r = importFile(m_connection.get(), p("Target"), m_keys, file);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.items, qint64(30));
    const auto items = scanAll(*m_connection, p("Target"), m_keys);
    QCOMPARE(items.size(), 20);
    // k0..k9 came twice: the later line is what the table holds.
    for (int k = 0; k < 20; ++k) {
        const QJsonObject item = uitest::get(*m_connection, p("Target"), {{p("pk"), uitest::S(p("a"))}, {p("sk"), uitest::S(QStringLiteral("k%1").arg(k))}});
        QCOMPARE(item.value(p("line")).toObject().value(p("N")).toString(), QString::number(k < 10 ? k + 21 : k + 1));
    }
}

void TestImportJsonLines::stopsAtALineThatIsNotAnItem_data()
{
    QTest::addColumn<QString>("bad");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not JSON") << p("{\"pk\": {\"S\": \"x\"") << p("Line 41: ");
    QTest::newRow("not an object") << p("[1, 2]") << p("Line 41: not a JSON object");
    QTest::newRow("a bad number") << p(R"({"pk": {"S": "x"}, "sk": {"S": "y"}, "n": {"N": "twelve"}})") << p("Line 41: n: ");
    QTest::newRow("no sort key") << p(R"({"pk": {"S": "x"}})") << p("Line 41: the item lacks the table's key (pk, sk)");
}

void TestImportJsonLines::stopsAtALineThatIsNotAnItem()
{
    QFETCH(QString, bad);
    QFETCH(QString, reason);
    QStringList lines;
    for (int i = 1; i <= 50; ++i)
        lines << (i == 41 ? bad : line({{p("pk"), uitest::S(p("a"))}, {p("sk"), uitest::S(QStringLiteral("line%1").arg(i))}}));
    const QString file = m_dir.filePath(p("bad.jsonl"));
    QVERIFY(writeLines(file, lines));
    const ImportResult r = importFile(m_connection.get(), p("Target"), m_keys, file);
    QVERIFY2(r.error.startsWith(reason), qPrintable(r.error));
    QCOMPARE(r.items, qint64(40));
    const auto items = scanAll(*m_connection, p("Target"), m_keys);
    QCOMPARE(items.size(), 40); // exactly the lines before it
    QVERIFY(!items.contains(m_keys.identity({{p("pk"), uitest::S(p("a"))}, {p("sk"), uitest::S(p("line42"))}})));
}

void TestImportJsonLines::aFailedCallNamesItsLines()
{
    // The key's type is wrong: the item is valid DynamoDB JSON, and the call refuses it.
    const QString file = m_dir.filePath(p("typed.jsonl"));
    QVERIFY(writeLines(file, {line({{p("pk"), uitest::S(p("a"))}, {p("sk"), uitest::S(p("1"))}}), QString(),
                              line({{p("pk"), uitest::S(p("a"))}, {p("sk"), uitest::N(p("2"))}})}));
    const ImportResult r = importFile(m_connection.get(), p("Target"), m_keys, file);
    QVERIFY2(r.error.startsWith(p("Lines 1–3: ValidationException: ")), qPrintable(r.error));
    QCOMPARE(r.items, qint64(0));
    QVERIFY(scanAll(*m_connection, p("Target"), m_keys).isEmpty()); // the batch changed nothing

    const ImportResult missing = importFile(m_connection.get(), p("Target"), m_keys, m_dir.filePath(p("none.jsonl")));
    QVERIFY2(missing.error.startsWith(p("Cannot read ")), qPrintable(missing.error));
}

void TestImportJsonLines::cancelStopsBetweenBatches()
{
    QStringList lines;
    for (int i = 0; i < 20000; ++i)
        lines << line({{p("pk"), uitest::S(QStringLiteral("p%1").arg(i % 100))}, {p("sk"), uitest::S(QStringLiteral("s%1").arg(i))},
                       {p("payload"), uitest::S(QString(200, QLatin1Char('x')))}});
    const QString file = m_dir.filePath(p("big.jsonl"));
    QVERIFY(writeLines(file, lines));
    const CancelFlag cancel = newCancelFlag();
    auto future = startImportJsonLines(m_connection.get(), p("Target"), m_keys, file, cancel);
    QTRY_VERIFY_WITH_TIMEOUT(future.progressValue() > 0 || future.isFinished(), 20000);
    cancel->store(true);
    future.waitForFinished();
    const ImportResult r = future.result();
    QVERIFY(r.canceled);
    QVERIFY(r.error.isEmpty());
    QVERIFY2(r.items > 0 && r.items < 20000, qPrintable(QString::number(r.items)));
    QCOMPARE(r.items % 25, 0); // whole batches
    QCOMPARE(qint64(scanAll(*m_connection, p("Target"), m_keys).size()), r.items);
}

void TestImportJsonLines::cancelInTheBrowserSaysWhatWasDone()
{
    QStringList lines;
    QList<QJsonObject> keys;
    for (int i = 0; i < 20000; ++i) {
        const QJsonObject key{{p("pk"), uitest::S(QStringLiteral("p%1").arg(i % 100))}, {p("sk"), uitest::S(QStringLiteral("s%1").arg(i))}};
        QJsonObject item = key;
        item.insert(p("payload"), uitest::S(QString(100, QLatin1Char('y'))));
        lines << line(item);
        keys << key;
    }
    const QString file = m_dir.filePath(p("cancel.jsonl"));
    QVERIFY(writeLines(file, lines));
    TableBrowser browser(m_connection.get(), p("Target"));
    QTRY_VERIFY(browser.isReady());
    QStringList messages;
    connect(&browser, &TableBrowser::statusMessage, this, [&messages](const QString &m) { messages << m; });
    auto *bar = browser.findChild<QProgressBar *>();
    auto *cancel = browser.findChild<QPushButton *>(p("cancelJob"));
    QVERIFY(bar && cancel);

    browser.importJsonLines(file);
    QTRY_VERIFY_WITH_TIMEOUT(bar->value() > 0 || !browser.isImporting(), 20000);
    QVERIFY2(browser.isImporting(), "the import ended before it could be cancelled");
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!browser.isImporting() && !messages.isEmpty(), 20000);
    QCOMPARE(messages.size(), 1);
    QVERIFY2(messages.first().startsWith(p("Import cancelled after ")), qPrintable(messages.first()));
    const qint64 imported = scanAll(*m_connection, p("Target"), m_keys).size();
    QVERIFY(imported > 0 && imported < 20000);
    QCOMPARE(QLocale().toString(imported), messages.first().section(QLatin1Char(' '), 3, 3));

    // The rest of the file, then a batch delete of every key, cancelled.
    QTRY_VERIFY(!browser.model()->isLoading());
    messages.clear();
    QVERIFY(importFile(m_connection.get(), p("Target"), m_keys, file).error.isEmpty());
    browser.deleteItems(keys);
    QTRY_VERIFY_WITH_TIMEOUT(bar->value() > 0 || messages.size() == 1, 20000);
    QVERIFY2(messages.isEmpty(), "the delete ended before it could be cancelled");
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, 20000);
    QVERIFY2(messages.first().startsWith(p("Cancelled after deleting ")), qPrintable(messages.first()));
    const qint64 deleted = messages.first().section(QLatin1Char(' '), 3, 3).toLongLong();
    QVERIFY2(deleted > 0 && deleted < 20000, qPrintable(messages.first()));
    QCOMPARE(qint64(scanAll(*m_connection, p("Target"), m_keys).size()), 20000 - deleted);
}

void TestImportJsonLines::importsTheAwsCliScanOutputAndItemArrays()
{
    // `aws dynamodb scan > file` of a served table: one pretty-printed JSON document.
    uitest::createTable(*m_connection, p("Scanned"), p("pk"), p("sk"));
    for (int i = 0; i < 60; ++i)
        uitest::put(*m_connection, p("Scanned"), {{p("pk"), uitest::S(QStringLiteral("p%1").arg(i % 7))}, {p("sk"), uitest::S(QStringLiteral("s%1").arg(i))},
                                                  {p("b"), QJsonObject{{p("B"), p("AAEC")}}}, {p("n"), uitest::N(QString::number(i))}});
    QString error;
    QVERIFY2(m_connection->startServing(0, &error), qPrintable(error));
    bool ok = false;
    const QJsonObject scanned = uitest::aws(m_connection->endpointForPrograms(), {p("scan"), p("--table-name"), p("Scanned")}, &ok);
    QVERIFY(ok);
    const QString file = m_dir.filePath(p("scan.json"));
    {
        QFile out(file); // the CLI's answer as one indented document, as `scan > file` leaves it
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(scanned).toJson(QJsonDocument::Indented));
    }
    const ImportResult r = importFile(m_connection.get(), p("Target"), m_keys, file);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.items, qint64(60));
    QCOMPARE(scanAll(*m_connection, p("Target"), m_keys), scanAll(*m_connection, p("Scanned"), m_keys));

    // An array of items, one of them keyless: the items before it are written, and it is named by its place.
    const QString array = m_dir.filePath(p("array.json"));
    QVERIFY(writeLines(array, {p("["), p(R"({"pk": {"S": "x"}, "sk": {"S": "1"}},)"), p(R"({"Item": {"pk": {"S": "x"}, "sk": {"S": "2"}}},)"),
                               p(R"({"pk": {"S": "x"}})"), p("]")}));
    const ImportResult bad = importFile(m_connection.get(), p("Target"), m_keys, array);
    QVERIFY2(bad.error.startsWith(p("Item 3: the item lacks the table's key")), qPrintable(bad.error));
    QCOMPARE(bad.items, qint64(2));
    const QString neither = m_dir.filePath(p("neither.json"));
    QVERIFY(writeLines(neither, {p("{"), p(R"("Count": 3)"), p("}")}));
    QVERIFY2(importFile(m_connection.get(), p("Target"), m_keys, neither).error.contains(p("\"Items\" array")), "a document without Items");
}

QTEST_MAIN(TestImportJsonLines)
#include "tst_importjsonl.moc"
