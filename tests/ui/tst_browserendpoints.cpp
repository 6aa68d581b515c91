// The table browser beyond the embedded engine and small tables: a
// 10,000-item table scrolled to the end with the keyboard (every row
// loaded, the last key right); CSV export content (union of columns, keys
// first, RFC 4180 quoting, nested values as DynamoDB JSON); writes made by
// the AWS CLI through the app's served endpoint showing up by themselves;
// and the same browser over HTTP against a dynamodesk-server started here
// and against dynalite (a foreign endpoint) when it is installed.
#include "browser/exportcsv.h"
#include "browser/itemtablemodel.h"
#include "browser/querybar.h"
#include "browser/querybuilder.h"
#include "browser/tablebrowser.h"
#include "servers.h"
#include "uitest.h"

#include <QFile>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>

using namespace dd::ui;

class TestBrowserEndpoints : public QObject {
    Q_OBJECT
private slots:
    void csvField_data();
    void csvField();
    void scrollTenThousandToTheEnd();
    void exportCsv();
    void awsCliWritesShowUp();
    void dynamodeskServer();
    void dynalite();

private:
    void browseOver(Connection *connection, const QString &label);
};

namespace {

void fill(Connection &c, const QString &table, int count)
{
    for (int start = 0; start < count; start += 25) {
        QJsonArray requests;
        for (int i = start; i < qMin(count, start + 25); ++i)
            requests.append(QJsonObject{{QStringLiteral("PutRequest"), QJsonObject{{QStringLiteral("Item"), QJsonObject{
                {QStringLiteral("pk"), uitest::S(QStringLiteral("k%1").arg(i, 5, 10, QLatin1Char('0')))},
                {QStringLiteral("n"), uitest::N(QString::number(i))}}}}}});
        const auto r = c.callSync(QStringLiteral("BatchWriteItem"), QJsonObject{{QStringLiteral("RequestItems"), QJsonObject{{table, requests}}}});
        QVERIFY2(r.ok() && r.body.value(QStringLiteral("UnprocessedItems")).toObject().isEmpty(),
                 qPrintable(r.error ? r.error->message() : QStringLiteral("unprocessed items")));
    }
}

} // namespace

void TestBrowserEndpoints::csvField_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << "abc" << "abc";
    QTest::newRow("comma") << "a,b" << "\"a,b\"";
    QTest::newRow("quote") << "say \"hi\"" << "\"say \"\"hi\"\"\"";
    QTest::newRow("newline") << "a\nb" << "\"a\nb\"";
    QTest::newRow("cr") << "a\rb" << "\"a\rb\"";
    QTest::newRow("empty") << "" << "";
}

void TestBrowserEndpoints::csvField()
{
    QFETCH(QString, text);
    QTEST(csv::field(text), "field");
}

void TestBrowserEndpoints::scrollTenThousandToTheEnd()
{
    auto connection = uitest::inMemoryConnection();
    uitest::createTable(*connection, QStringLiteral("TenThousand"), QStringLiteral("pk"));
    fill(*connection, QStringLiteral("TenThousand"), 10000);
    TableBrowser browser(connection.get(), QStringLiteral("TenThousand"));
    browser.resize(1000, 700);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QTRY_VERIFY_WITH_TIMEOUT(browser.isReady() && browser.model()->rowCount() > 0, 5000);
    QCOMPARE(browser.model()->rowCount(), 100); // one page of the default size at first
    QVERIFY(browser.model()->canFetchMore(QModelIndex()));

    // Ctrl+End in the grid, again and again: the view asks for more at the bottom.
    QTableView *view = browser.view();
    view->setFocus();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(browser.model()->index(0, 0)).center());
    for (int i = 0; i < 400 && !browser.model()->isComplete(); ++i) {
        QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!browser.model()->isLoading(), 5000);
    }
    QVERIFY(browser.model()->isComplete());
    QCOMPARE(browser.model()->rowCount(), 10000);
    QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(view->currentIndex().row(), 9999);
    QCOMPARE(view->verticalScrollBar()->value(), view->verticalScrollBar()->maximum());
    // Scan order of a hash key is the engine's, not k00000..k09999: check the set, and the last row shown.
    QSet<QString> keys;
    for (int row = 0; row < browser.model()->rowCount(); ++row)
        keys.insert(browser.model()->data(browser.model()->index(row, 0)).toString());
    QCOMPARE(keys.size(), 10000);
    QVERIFY(keys.contains(QStringLiteral("k09999")));
    QString lastKey; // the last item of a full scan, page after page
    QJsonObject request{{QStringLiteral("TableName"), QStringLiteral("TenThousand")}};
    for (;;) {
        const auto r = connection->callSync(QStringLiteral("Scan"), request);
        QVERIFY(r.ok());
        const QJsonArray items = r.body.value(QStringLiteral("Items")).toArray();
        if (!items.isEmpty())
            lastKey = items.last().toObject().value(QStringLiteral("pk")).toObject().value(QStringLiteral("S")).toString();
        if (r.body.value(QStringLiteral("LastEvaluatedKey")).toObject().isEmpty())
            break;
        request.insert(QStringLiteral("ExclusiveStartKey"), r.body.value(QStringLiteral("LastEvaluatedKey")));
    }
    QCOMPARE(view->currentIndex().siblingAtColumn(0).data().toString(), lastKey);
    QVERIFY(!browser.model()->countText().contains(QLatin1Char('+')));
}

void TestBrowserEndpoints::exportCsv()
{
    auto connection = uitest::inMemoryConnection();
    uitest::createTable(*connection, QStringLiteral("Csv"), QStringLiteral("pk"), QStringLiteral("sk"));
    uitest::put(*connection, QStringLiteral("Csv"), QJsonObject{
        {QStringLiteral("pk"), uitest::S(QStringLiteral("a"))}, {QStringLiteral("sk"), uitest::S(QStringLiteral("1"))},
        {QStringLiteral("note"), uitest::S(QStringLiteral("comma, \"quoted\"\nand a new line"))},
        {QStringLiteral("n"), uitest::N(QStringLiteral("12345678901234567890.5"))}});
    uitest::put(*connection, QStringLiteral("Csv"), QJsonObject{
        {QStringLiteral("pk"), uitest::S(QStringLiteral("b"))}, {QStringLiteral("sk"), uitest::S(QStringLiteral("2"))},
        {QStringLiteral("map"), QJsonObject{{QStringLiteral("M"), QJsonObject{{QStringLiteral("x"), uitest::N(QStringLiteral("1"))}}}}},
        {QStringLiteral("ok"), QJsonObject{{QStringLiteral("BOOL"), true}}}});
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    TableBrowser browser(connection.get(), QStringLiteral("Csv"));
    QTRY_VERIFY_WITH_TIMEOUT(browser.isReady(), 5000);
    QSignalSpy messages(&browser, &TableBrowser::statusMessage);
    browser.exportCsv(path);
    QVERIFY(messages.wait(10000));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    const QString expected = QStringLiteral(
        "pk,sk,map,n,note,ok\r\n"
        "a,1,,12345678901234567890.5,\"comma, \"\"quoted\"\"\nand a new line\",\r\n"
        "b,2,\"{\"\"M\"\":{\"\"x\"\":{\"\"N\"\":\"\"1\"\"}}}\",,,true\r\n");
    QCOMPARE(text, expected);
}

void TestBrowserEndpoints::awsCliWritesShowUp()
{
    auto connection = uitest::inMemoryConnection();
    uitest::createTable(*connection, QStringLiteral("Shared"), QStringLiteral("pk"));
    fill(*connection, QStringLiteral("Shared"), 30);
    QString error;
    QVERIFY2(connection->startServing(0, &error), qPrintable(error));
    const QString endpoint = QStringLiteral("http://127.0.0.1:%1").arg(connection->servingPort());
    TableBrowser browser(connection.get(), QStringLiteral("Shared"));
    browser.resize(1000, 700);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QTRY_VERIFY_WITH_TIMEOUT(browser.isReady() && browser.model()->isComplete() && browser.model()->rowCount() == 30, 5000);
    // The user has a row selected.
    browser.view()->selectRow(5);
    const QString selected = browser.model()->data(browser.model()->index(5, 0)).toString();

    bool ok = false;
    uitest::aws(endpoint, {QStringLiteral("put-item"), QStringLiteral("--table-name"), QStringLiteral("Shared"), QStringLiteral("--item"),
                           QStringLiteral("{\"pk\": {\"S\": \"from-cli\"}, \"who\": {\"S\": \"aws\"}}")}, &ok);
    QVERIFY(ok);
    // No click: the row shows up, the selection stays on the same item.
    QTRY_COMPARE_WITH_TIMEOUT(browser.model()->rowCount(), 31, 10000);
    QVERIFY(browser.model()->columns().contains(QStringLiteral("who")));
    const QModelIndexList rows = browser.view()->selectionModel()->selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().data().toString(), selected);
    QVERIFY(browser.changedBar()->isHidden());

    // Other tables' writes do nothing here; a delete shows up too.
    uitest::aws(endpoint, {QStringLiteral("delete-item"), QStringLiteral("--table-name"), QStringLiteral("Shared"), QStringLiteral("--key"),
                           QStringLiteral("{\"pk\": {\"S\": \"k00003\"}}")}, &ok);
    QVERIFY(ok);
    QTRY_COMPARE_WITH_TIMEOUT(browser.model()->rowCount(), 30, 10000);
    connection->stopServing();
}

void TestBrowserEndpoints::browseOver(Connection *connection, const QString &label)
{
    // Arrange through the same HTTP connection: a table with a GSI, 250 items.
    const auto created = connection->callSync(QStringLiteral("CreateTable"), QJsonObject{
        {QStringLiteral("TableName"), QStringLiteral("Remote")},
        {QStringLiteral("AttributeDefinitions"), QJsonArray{
            QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("pk")}, {QStringLiteral("AttributeType"), QStringLiteral("S")}},
            QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("n")}, {QStringLiteral("AttributeType"), QStringLiteral("N")}}}},
        {QStringLiteral("KeySchema"), QJsonArray{QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("pk")}, {QStringLiteral("KeyType"), QStringLiteral("HASH")}}}},
        {QStringLiteral("GlobalSecondaryIndexes"), QJsonArray{QJsonObject{
            {QStringLiteral("IndexName"), QStringLiteral("byN")},
            {QStringLiteral("KeySchema"), QJsonArray{QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("n")}, {QStringLiteral("KeyType"), QStringLiteral("HASH")}}}},
            {QStringLiteral("Projection"), QJsonObject{{QStringLiteral("ProjectionType"), QStringLiteral("ALL")}}},
            {QStringLiteral("ProvisionedThroughput"), QJsonObject{{QStringLiteral("ReadCapacityUnits"), 5}, {QStringLiteral("WriteCapacityUnits"), 5}}}}}},
        {QStringLiteral("ProvisionedThroughput"), QJsonObject{{QStringLiteral("ReadCapacityUnits"), 5}, {QStringLiteral("WriteCapacityUnits"), 5}}}});
    QVERIFY2(created.ok(), qPrintable(label + QStringLiteral(": ") + dd::ui::errorText(created)));
    for (int i = 0; i < 50; ++i) { // tables may be CREATING for a moment
        const auto d = connection->callSync(QStringLiteral("DescribeTable"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Remote")}});
        if (d.ok() && d.body.value(QStringLiteral("Table")).toObject().value(QStringLiteral("TableStatus")).toString() == QLatin1String("ACTIVE"))
            break;
        QTest::qWait(100);
    }
    fill(*connection, QStringLiteral("Remote"), 250);

    TableBrowser browser(connection, QStringLiteral("Remote"));
    browser.resize(1000, 700);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QTRY_VERIFY_WITH_TIMEOUT(browser.isReady() && browser.model()->rowCount() > 0 && !browser.model()->isLoading(), 10000);
    QTableView *view = browser.view();
    view->setFocus();
    for (int i = 0; i < 20 && !browser.model()->isComplete(); ++i) {
        view->scrollToBottom();
        QCoreApplication::processEvents();
        QTRY_VERIFY_WITH_TIMEOUT(!browser.model()->isLoading(), 10000);
    }
    QCOMPARE(browser.model()->rowCount(), 250);
    QCOMPARE(browser.model()->columns(), (QStringList{QStringLiteral("pk"), QStringLiteral("n")}));

    // A Query on the GSI through the builder.
    browser.queryBar()->setOperation(QStringLiteral("Query"));
    browser.queryBar()->setIndex(QStringLiteral("byN"));
    browser.queryBar()->builder()->setPartitionValue(QStringLiteral("123"));
    browser.run();
    QTRY_VERIFY_WITH_TIMEOUT(browser.model()->operation() == QLatin1String("Query") && browser.model()->isComplete()
                             && !browser.model()->isLoading(), 10000);
    QCOMPARE(browser.model()->rowCount(), 1);
    QCOMPARE(browser.model()->data(browser.model()->index(0, 0)).toString(), QStringLiteral("k00123"));
}

void TestBrowserEndpoints::dynamodeskServer()
{
    uitest::ServerProcess server;
    QString error;
    QVERIFY2(server.startDynamodesk(&error), qPrintable(error));
    auto connection = uitest::endpointConnection(server.url());
    browseOver(connection.get(), QStringLiteral("dynamodesk-server"));
}

void TestBrowserEndpoints::dynalite()
{
    if (!QFile::exists(uitest::ServerProcess::dynalitePath()))
        QSKIP("dynalite is not installed (cd tests/bench && npm install --no-save dynalite@4)");
    uitest::ServerProcess server;
    QString error;
    QVERIFY2(server.startDynalite(&error), qPrintable(error));
    auto connection = uitest::endpointConnection(server.url());
    browseOver(connection.get(), QStringLiteral("dynalite"));
}

QTEST_MAIN(TestBrowserEndpoints)
#include "tst_browserendpoints.moc"
