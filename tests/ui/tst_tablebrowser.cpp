// The table browser: the Fetch More model under QAbstractItemModelTester
// paging through a few thousand items (key columns first, the union of
// attributes, "N+ items" until the end, a replaced query's page dropped,
// a stopped scan that stays stopped through resizes until Load more),
// a Query typed into the form, multi-select delete with confirmation
// (batched, off the GUI thread), export to JSON Lines, and a table opened
// while a restore loads it.
#include "browser/itemtablemodel.h"
#include "browser/querybar.h"
#include "browser/tablebrowser.h"
#include "common/itemtreemodel.h"
#include "uitest.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>

using namespace dd::ui;

namespace {
constexpr int kItems = 3000;
}

class TestTableBrowser : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void pagesThroughEverything();
    void replacedQueryDropsOldPages();
    void stoppedScanStaysStopped();
    void queryFromTheForm();
    void deleteSelected();
    void exportJsonLines();
    void waitsForATableBeingRestored();

private:
    std::unique_ptr<Connection> m_connection;
    TableKeys m_keys{QStringLiteral("pk"), QStringLiteral("S"), QStringLiteral("sk"), QStringLiteral("S")};
};

void TestTableBrowser::initTestCase()
{
    m_connection = uitest::inMemoryConnection();
    uitest::createTable(*m_connection, QStringLiteral("Big"), QStringLiteral("pk"), QStringLiteral("sk"));
    // 25 per BatchWriteItem; 30 partitions of 100 items, with varied attributes.
    for (int start = 0; start < kItems; start += 25) {
        QJsonArray requests;
        for (int i = start; i < start + 25; ++i) {
            QJsonObject item{{QStringLiteral("pk"), uitest::S(QStringLiteral("p%1").arg(i % 30))},
                             {QStringLiteral("sk"), uitest::S(QStringLiteral("%1").arg(i, 6, 10, QLatin1Char('0')))},
                             {QStringLiteral("n"), uitest::N(QString::number(i))}};
            if (i % 100 == 7)
                item.insert(QStringLiteral("rare"), QJsonObject{{QStringLiteral("BOOL"), true}});
            if (i % 2)
                item.insert(QStringLiteral("nested"), QJsonObject{{QStringLiteral("M"), QJsonObject{{QStringLiteral("a"), QJsonObject{{QStringLiteral("L"), QJsonArray{uitest::N(QStringLiteral("1"))}}}}}}});
            requests.append(QJsonObject{{QStringLiteral("PutRequest"), QJsonObject{{QStringLiteral("Item"), item}}}});
        }
        const auto r = m_connection->callSync(QStringLiteral("BatchWriteItem"),
                                              QJsonObject{{QStringLiteral("RequestItems"), QJsonObject{{QStringLiteral("Big"), requests}}}});
        QVERIFY2(r.ok(), qPrintable(dd::ui::errorText(r)));
    }
}

void TestTableBrowser::pagesThroughEverything()
{
    ItemTableModel model(m_connection.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(&model, &ItemTableModel::pageLoaded);
    // What the first page looked like (the tester itself calls fetchMore(), so later pages follow).
    QString firstCount;
    bool firstCanFetchMore = false;
    QStringList firstColumns;
    connect(&model, &ItemTableModel::pageLoaded, this, [&] {
        if (!firstCount.isEmpty())
            return;
        firstCount = model.countText();
        firstCanFetchMore = model.canFetchMore(QModelIndex());
        firstColumns = model.columns();
    });
    model.setQuery(QStringLiteral("Scan"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Big")}, {QStringLiteral("Limit"), 250}}, m_keys);
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() >= 250, 5000);
    QVERIFY(firstCanFetchMore);
    QCOMPARE(firstCount, QStringLiteral("250+ item(s)"));
    QCOMPARE(firstColumns.mid(0, 2), (QStringList{QStringLiteral("pk"), QStringLiteral("sk")}));

    while (model.canFetchMore(QModelIndex())) {
        const int before = model.rowCount();
        model.fetchMore(QModelIndex());
        model.fetchMore(QModelIndex()); // a second call while loading does nothing
        QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > before || !model.canFetchMore(QModelIndex()), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 5000);
    }
    QCOMPARE(model.rowCount(), kItems);
    QVERIFY(!model.countText().contains(QLatin1Char('+')));
    QVERIFY(model.columns().contains(QStringLiteral("rare")));
    QVERIFY(model.columns().contains(QStringLiteral("nested")));
    QVERIFY(pages.count() >= kItems / 250);

    // Typed rendering.
    const int nested = int(model.columns().indexOf(QStringLiteral("nested")));
    QString shown;
    for (int row = 0; row < model.rowCount() && shown.isEmpty(); ++row)
        shown = model.data(model.index(row, nested)).toString();
    QCOMPARE(shown, QStringLiteral("{a: [1]}"));

    // Key columns carry a key icon: the table's, and those of the index read.
    const auto keyIcon = [&model](const QString &column) {
        return !model.headerData(int(model.columns().indexOf(column)), Qt::Horizontal, Qt::DecorationRole).value<QIcon>().isNull();
    };
    QVERIFY(keyIcon(QStringLiteral("pk")));
    QVERIFY(!keyIcon(QStringLiteral("rare")));
    TableKeys byRare;
    byRare.partition = QStringLiteral("rare");
    byRare.partitionType = QStringLiteral("S");
    model.setQuery(QStringLiteral("Scan"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Big")}}, m_keys, byRare);
    QTRY_VERIFY_WITH_TIMEOUT(model.columns().contains(QStringLiteral("rare")), 5000);
    QVERIFY(keyIcon(QStringLiteral("rare")));
    QVERIFY(!keyIcon(QStringLiteral("nested")));
}

void TestTableBrowser::replacedQueryDropsOldPages()
{
    ItemTableModel model(m_connection.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery(QStringLiteral("Scan"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Big")}, {QStringLiteral("Limit"), 500}}, m_keys);
    // Replaced at once: only the new query's rows may arrive.
    model.setQuery(QStringLiteral("Query"),
                   QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Big")}, {QStringLiteral("Limit"), 500},
                               {QStringLiteral("KeyConditionExpression"), QStringLiteral("pk = :p")},
                               {QStringLiteral("ExpressionAttributeValues"), QJsonObject{{QStringLiteral(":p"), uitest::S(QStringLiteral("p3"))}}}},
                   m_keys);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && model.rowCount() > 0, 5000);
    QTest::qWait(100);
    QCOMPARE(model.rowCount(), 100);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.data(model.index(row, 0)).toString(), QStringLiteral("p3"));
    QVERIFY(!model.canFetchMore(QModelIndex()));
}

// Stop on a filtered scan whose rows do not fill the view: the view asks
// for more on every resize, and must not get it until Load more.
void TestTableBrowser::stoppedScanStaysStopped()
{
    ItemTableModel model(m_connection.get());
    QTableView view;
    view.setModel(&model);
    view.resize(600, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy pages(&model, &ItemTableModel::pageLoaded);
    model.setQuery(QStringLiteral("Scan"),
                   QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Big")}, {QStringLiteral("Limit"), 10},
                               {QStringLiteral("FilterExpression"), QStringLiteral("attribute_exists(rare)")}},
                   m_keys);
    QVERIFY(model.isLoading());
    model.stop(); // the first page is on its way
    QVERIFY(model.isStopped());
    QVERIFY(!model.canFetchMore(QModelIndex()));
    for (int width : {500, 700, 800}) {
        view.resize(width, 450);
        QTest::qWait(50);
    }
    QCOMPARE(pages.count(), 0);
    QVERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 0);

    model.resume();
    QVERIFY(!model.isStopped());
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, 5000); // filtered pages go on until a match shows
    QVERIFY(pages.count() > 0);
}

void TestTableBrowser::queryFromTheForm()
{
    TableBrowser browser(m_connection.get(), QStringLiteral("Big"));
    browser.resize(1000, 700);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QTRY_VERIFY_WITH_TIMEOUT(browser.isReady() && browser.model()->rowCount() > 0, 5000);

    browser.queryBar()->setQuery(QStringLiteral("pk = :p AND begins_with(sk, :s)"), QString(), QString());
    QTest::keyClicks(browser.findChild<QLineEdit *>(QStringLiteral("values")), QStringLiteral("{\":p\": \"p4\", \":s\": \"0001\"}"));
    QTest::keyClick(browser.findChild<QLineEdit *>(QStringLiteral("values")), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!browser.model()->isLoading() && browser.model()->operation() == QLatin1String("Query"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(browser.model()->rowCount(), 3, 5000); // sk 000124, 000154, 000184

    // The details pane says what it is for until a row is chosen, then shows the item.
    auto *hint = browser.findChild<QLabel *>(QStringLiteral("detailHint"));
    QVERIFY(hint);
    QVERIFY(!browser.view()->currentIndex().isValid());
    QVERIFY(hint->isVisible());
    browser.view()->setCurrentIndex(browser.model()->index(0, 0));
    QTRY_VERIFY(!hint->isVisible());
    QVERIFY(browser.detailModel()->rowCount() > 0);
}

void TestTableBrowser::deleteSelected()
{
    uitest::createTable(*m_connection, QStringLiteral("Small"), QStringLiteral("pk"));
    for (int i = 0; i < 60; ++i)
        uitest::put(*m_connection, QStringLiteral("Small"), QJsonObject{{QStringLiteral("pk"), uitest::S(QStringLiteral("k%1").arg(i, 2, 10, QLatin1Char('0')))}});
    TableBrowser browser(m_connection.get(), QStringLiteral("Small"));
    browser.resize(900, 700);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QTRY_COMPARE_WITH_TIMEOUT(browser.model()->rowCount(), 60, 5000);

    // Click the first row, shift-click the 40th: 40 rows, more than one batch of 25.
    QTableView *view = browser.view();
    view->setFocus();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(browser.model()->index(0, 0)).center());
    view->scrollTo(browser.model()->index(39, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, view->visualRect(browser.model()->index(39, 0)).center());
    QCOMPARE(view->selectionModel()->selectedRows().size(), 40);

    QTest::keyClick(view, Qt::Key_Delete);
    QMessageBox *confirm = nullptr;
    QTRY_VERIFY((confirm = browser.findChild<QMessageBox *>(QStringLiteral("confirmDelete"))) != nullptr);
    QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(browser.model()->rowCount(), 20, 5000);

    const auto r = m_connection->callSync(QStringLiteral("Scan"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Small")}, {QStringLiteral("Select"), QStringLiteral("COUNT")}});
    QVERIFY(r.ok());
    QCOMPARE(r.body.value(QStringLiteral("Count")).toInt(), 20);
}

void TestTableBrowser::exportJsonLines()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.jsonl"));
    TableBrowser browser(m_connection.get(), QStringLiteral("Big"));
    QTRY_VERIFY_WITH_TIMEOUT(browser.isReady(), 5000);
    QSignalSpy messages(&browser, &TableBrowser::statusMessage);
    browser.exportJsonLines(path);
    QVERIFY(messages.wait(10000));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    int lines = 0;
    while (!file.atEnd()) {
        const QJsonObject line = QJsonDocument::fromJson(file.readLine()).object();
        QVERIFY(line.value(QStringLiteral("Item")).toObject().contains(QStringLiteral("pk")));
        ++lines;
    }
    QCOMPARE(lines, kItems);
}

// A table opened while its restore loads it (CREATING, RestoreInProgress:
// item operations fail until it is ACTIVE) says so, then shows its items
// once the restore ends, with no error. A try counts when the browser saw
// the table being restored.
void TestTableBrowser::waitsForATableBeingRestored()
{
    const auto backup = m_connection->callSync(QStringLiteral("CreateBackup"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Big")}, {QStringLiteral("BackupName"), QStringLiteral("browsed")}});
    QVERIFY2(backup.ok(), qPrintable(dd::ui::errorText(backup)));
    const QString arn = backup.body.value(QStringLiteral("BackupDetails")).toObject().value(QStringLiteral("BackupArn")).toString();
    const auto backupStatus = [&] {
        return m_connection->callSync(QStringLiteral("DescribeBackup"), QJsonObject{{QStringLiteral("BackupArn"), arn}})
            .body.value(QStringLiteral("BackupDescription")).toObject().value(QStringLiteral("BackupDetails")).toObject().value(QStringLiteral("BackupStatus")).toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(backupStatus(), QStringLiteral("AVAILABLE"), 10000);
    bool sawRestoring = false;
    for (int attempt = 0; attempt < 5 && !sawRestoring; ++attempt) {
        const QString target = QStringLiteral("Restored%1").arg(attempt);
        QVERIFY(m_connection->callSync(QStringLiteral("RestoreTableFromBackup"), QJsonObject{{QStringLiteral("BackupArn"), arn}, {QStringLiteral("TargetTableName"), target}}).ok());
        TableBrowser browser(m_connection.get(), target);
        browser.resize(900, 700);
        browser.show();
        const auto statusTexts = [&] {
            QStringList texts;
            for (const QLabel *label : browser.findChildren<QLabel *>())
                texts << label->text();
            return texts.join(QLatin1Char('\n'));
        };
        QElapsedTimer clock;
        clock.start();
        while (browser.model()->rowCount() == 0 && clock.elapsed() < 10000) {
            sawRestoring = sawRestoring || statusTexts().contains(QStringLiteral("is being restored"));
            QTest::qWait(5);
        }
        QVERIFY2(browser.model()->rowCount() > 0, qPrintable(statusTexts()));
        QVERIFY(!statusTexts().contains(QStringLiteral("not found")));
        QVERIFY(!statusTexts().contains(QStringLiteral("is being restored")));
    }
    QVERIFY2(sawRestoring, "every restore ended before the browser described its table");
}

QTEST_MAIN(TestTableBrowser)
#include "tst_tablebrowser.moc"
