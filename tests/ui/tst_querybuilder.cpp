// The visual query builder: the request it generates (placeholders for
// every name and value, typed values checked by DynamoDB's rules), and a
// Query on a GSI built with the mouse and keyboard in the real browser:
// index, partition key value, sort key condition, a filter row; then the
// same request in the raw-expressions view, and back.
#include "browser/filterrow.h"
#include "browser/itemtablemodel.h"
#include "browser/querybar.h"
#include "browser/querybuilder.h"
#include "browser/queryspec.h"
#include "browser/tablebrowser.h"
#include "uitest.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>

using namespace dd::ui;

class TestQueryBuilder : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void apply_data();
    void apply();
    void badValues();
    void queryOnGsiWithMouseAndKeyboard();

private:
    std::unique_ptr<Connection> m_connection;
};

namespace {

const QStringList kStatuses{QStringLiteral("OPEN"), QStringLiteral("SHIPPED"), QStringLiteral("DELIVERED"), QStringLiteral("CANCELLED")};

// Picks the entry whose data (or text) is `value` with the keyboard.
void choose(QComboBox *combo, const QString &value)
{
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < combo->count() && combo->currentData().toString() != value && combo->currentText() != value; ++i)
        QTest::keyClick(combo, Qt::Key_Down);
    QVERIFY2(combo->currentData().toString() == value || combo->currentText() == value, qPrintable(value));
}

} // namespace

void TestQueryBuilder::initTestCase()
{
    m_connection = uitest::inMemoryConnection();
    auto def = [](const char *name, const char *type) {
        return QJsonObject{{QStringLiteral("AttributeName"), QLatin1String(name)}, {QStringLiteral("AttributeType"), QLatin1String(type)}};
    };
    auto key = [](const char *name, const char *type) {
        return QJsonObject{{QStringLiteral("AttributeName"), QLatin1String(name)}, {QStringLiteral("KeyType"), QLatin1String(type)}};
    };
    const auto r = m_connection->callSync(QStringLiteral("CreateTable"), QJsonObject{
        {QStringLiteral("TableName"), QStringLiteral("Orders")},
        {QStringLiteral("AttributeDefinitions"), QJsonArray{def("pk", "S"), def("sk", "S"), def("status", "S"), def("total", "N")}},
        {QStringLiteral("KeySchema"), QJsonArray{key("pk", "HASH"), key("sk", "RANGE")}},
        {QStringLiteral("GlobalSecondaryIndexes"), QJsonArray{QJsonObject{
            {QStringLiteral("IndexName"), QStringLiteral("byStatus")},
            {QStringLiteral("KeySchema"), QJsonArray{key("status", "HASH"), key("total", "RANGE")}},
            {QStringLiteral("Projection"), QJsonObject{{QStringLiteral("ProjectionType"), QStringLiteral("ALL")}}}}}},
        {QStringLiteral("BillingMode"), QStringLiteral("PAY_PER_REQUEST")}});
    QVERIFY2(r.ok(), qPrintable(dd::ui::errorText(r)));
    for (int i = 0; i < 200; ++i)
        uitest::put(*m_connection, QStringLiteral("Orders"), QJsonObject{
            {QStringLiteral("pk"), uitest::S(QStringLiteral("c%1").arg(i % 10))},
            {QStringLiteral("sk"), uitest::S(QStringLiteral("o%1").arg(i, 3, 10, QLatin1Char('0')))},
            {QStringLiteral("status"), uitest::S(kStatuses[i % 4])},
            {QStringLiteral("total"), uitest::N(QString::number(i))},
            {QStringLiteral("paid"), QJsonObject{{QStringLiteral("BOOL"), i % 3 == 0}}}});
}

void TestQueryBuilder::apply_data()
{
    QTest::addColumn<bool>("query");
    QTest::addColumn<QString>("sortOp");
    QTest::addColumn<QList<QueryCondition>>("filters");
    QTest::addColumn<bool>("any");
    QTest::addColumn<QStringList>("projection");
    QTest::addColumn<QString>("keyCondition");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("projectionExpression");
    QTest::addColumn<int>("values");

    QTest::newRow("partition only") << true << QString() << QList<QueryCondition>() << false << QStringList()
                                    << "#n0 = :v0" << QString() << QString() << 1;
    QTest::newRow("begins_with") << true << "begins_with" << QList<QueryCondition>() << false << QStringList()
                                 << "#n0 = :v0 AND begins_with(#n1, :v1)" << QString() << QString() << 2;
    QTest::newRow("between") << true << "between" << QList<QueryCondition>() << false << QStringList()
                             << "#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2" << QString() << QString() << 3;
    QTest::newRow("scan filters, nested path, projection")
        << false << QString()
        << QList<QueryCondition>{{QStringLiteral("address.city"), QStringLiteral("="), QStringLiteral("S"), QStringLiteral("Kyoto"), {}},
                                 {QStringLiteral("tags"), QStringLiteral("contains"), QStringLiteral("S"), QStringLiteral("x"), {}},
                                 {QStringLiteral("gone"), QStringLiteral("not_exists"), QStringLiteral("S"), {}, {}},
                                 {QStringLiteral("n"), QStringLiteral("in"), QStringLiteral("N"), QStringLiteral("1, 2,3"), {}}}
        << false << QStringList{QStringLiteral("pk"), QStringLiteral("lines[0].sku")}
        << QString() << "#n0.#n1 = :v0 AND contains(#n2, :v1) AND attribute_not_exists(#n3) AND #n4 IN (:v2, :v3, :v4)"
        << "#n5, #n6[0].#n7" << 5;
    QTest::newRow("any of") << false << QString()
        << QList<QueryCondition>{{QStringLiteral("a"), QStringLiteral("<>"), QStringLiteral("BOOL"), QStringLiteral("true"), {}},
                                 {QStringLiteral("a"), QStringLiteral("exists"), QStringLiteral("S"), {}, {}}}
        << true << QStringList() << QString() << "(#n0 <> :v0) OR (attribute_exists(#n0))" << QString() << 1;
}

void TestQueryBuilder::apply()
{
    QFETCH(bool, query);
    QFETCH(QString, sortOp);
    QFETCH(QList<QueryCondition>, filters);
    QFETCH(bool, any);
    QFETCH(QStringList, projection);
    QuerySpec spec;
    spec.partitionName = QStringLiteral("pk");
    spec.partitionType = QStringLiteral("S");
    spec.partitionValue = QStringLiteral("c1");
    spec.sortName = QStringLiteral("total");
    spec.sortType = QStringLiteral("N");
    spec.sort.op = sortOp;
    spec.sort.value = QStringLiteral("10");
    spec.sort.value2 = QStringLiteral("20");
    if (sortOp == QLatin1String("begins_with")) { // begins_with needs a string key
        spec.sortName = QStringLiteral("sk");
        spec.sortType = QStringLiteral("S");
    }
    spec.filters = filters;
    spec.matchAny = any;
    spec.projection = projection;
    QJsonObject r;
    QString error;
    QVERIFY2(queryspec::apply(spec, query, &r, &error), qPrintable(error));
    QTEST(r.value(QStringLiteral("KeyConditionExpression")).toString(), "keyCondition");
    QTEST(r.value(QStringLiteral("FilterExpression")).toString(), "filter");
    QTEST(r.value(QStringLiteral("ProjectionExpression")).toString(), "projectionExpression");
    QTEST(int(r.value(QStringLiteral("ExpressionAttributeValues")).toObject().size()), "values");
    // The request is one the engine accepts.
    r.insert(QStringLiteral("TableName"), QStringLiteral("Orders"));
    if (query && spec.sortName == QLatin1String("total")) { // the GSI's keys: status, total
        r.insert(QStringLiteral("IndexName"), QStringLiteral("byStatus"));
        QJsonObject names = r.value(QStringLiteral("ExpressionAttributeNames")).toObject();
        names.insert(QStringLiteral("#n0"), QStringLiteral("status"));
        r.insert(QStringLiteral("ExpressionAttributeNames"), names);
    }
    const auto response = m_connection->callSync(query ? QStringLiteral("Query") : QStringLiteral("Scan"), r);
    QVERIFY2(response.ok(), qPrintable(dd::ui::errorText(response)));
}

void TestQueryBuilder::badValues()
{
    QuerySpec spec;
    spec.partitionName = QStringLiteral("total");
    spec.partitionType = QStringLiteral("N");
    spec.partitionValue = QStringLiteral("12abc");
    QJsonObject r;
    QString error;
    QVERIFY(!queryspec::apply(spec, true, &r, &error));
    QVERIFY2(error.startsWith(QStringLiteral("total: ")), qPrintable(error));
    spec.partitionValue.clear();
    QVERIFY(!queryspec::apply(spec, true, &r, &error));
    QVERIFY(error.contains(QStringLiteral("total")));
    QJsonObject v;
    QVERIFY(!queryspec::typedValue(QStringLiteral("BOOL"), QStringLiteral("yes"), &v, &error));
    QVERIFY(queryspec::typedValue(QStringLiteral("N"), QStringLiteral("1e3"), &v, &error));
}

void TestQueryBuilder::queryOnGsiWithMouseAndKeyboard()
{
    TableBrowser browser(m_connection.get(), QStringLiteral("Orders"));
    browser.resize(1200, 800);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QTRY_VERIFY_WITH_TIMEOUT(browser.isReady() && browser.model()->rowCount() > 0 && !browser.model()->isLoading(), 5000);
    QueryBar *bar = browser.queryBar();
    QVERIFY(!bar->isRaw()); // the builder is the default

    choose(bar->findChild<QComboBox *>(QStringLiteral("mode")), QStringLiteral("Query"));
    auto *index = bar->findChild<QComboBox *>(QStringLiteral("index"));
    choose(index, QStringLiteral("byStatus"));
    QVERIFY2(index->currentText().contains(QStringLiteral("status S, total N")), qPrintable(index->currentText()));
    auto *partition = bar->findChild<QLineEdit *>(QStringLiteral("partitionValue"));
    QVERIFY(partition->isVisible());
    QTest::mouseClick(partition, Qt::LeftButton);
    QTest::keyClicks(partition, QStringLiteral("SHIPPED"));
    choose(bar->findChild<QComboBox *>(QStringLiteral("sortOperator")), QStringLiteral(">="));
    auto *sortValue = bar->findChild<QLineEdit *>(QStringLiteral("sortValue"));
    QVERIFY(sortValue->isVisible());
    QTest::mouseClick(sortValue, Qt::LeftButton);
    QTest::keyClicks(sortValue, QStringLiteral("100"));

    QTest::mouseClick(bar->findChild<QPushButton *>(QStringLiteral("addFilter")), Qt::LeftButton);
    QCOMPARE(bar->builder()->filters().size(), 1);
    FilterRow *row = bar->builder()->filters().first();
    auto *attribute = row->findChild<QComboBox *>(QStringLiteral("filterAttribute"));
    attribute->setFocus();
    QTest::keyClicks(attribute, QStringLiteral("paid"));
    // The type follows what the grid saw for "paid".
    QTRY_COMPARE(row->findChild<QComboBox *>(QStringLiteral("filterType"))->currentText(), QStringLiteral("BOOL"));
    auto *value = row->findChild<QLineEdit *>(QStringLiteral("filterValue"));
    QTest::mouseClick(value, Qt::LeftButton);
    QTest::keyClicks(value, QStringLiteral("true"));
    QTest::mouseClick(bar->findChild<QCheckBox *>(QStringLiteral("descending")), Qt::LeftButton);
    QTest::keyClick(value, Qt::Key_Return);

    int expected = 0;
    for (int i = 100; i < 200; ++i)
        expected += (i % 4 == 1 && i % 3 == 0) ? 1 : 0;
    QTRY_VERIFY_WITH_TIMEOUT(browser.model()->operation() == QLatin1String("Query") && !browser.model()->isLoading()
                             && browser.model()->isComplete(), 5000);
    QCOMPARE(browser.model()->rowCount(), expected);
    QCOMPARE(browser.model()->request().value(QStringLiteral("IndexName")).toString(), QStringLiteral("byStatus"));
    int previous = INT_MAX;
    for (int r = 0; r < browser.model()->rowCount(); ++r) {
        const QJsonObject item = browser.model()->item(r);
        QCOMPARE(item.value(QStringLiteral("status")).toObject().value(QStringLiteral("S")).toString(), QStringLiteral("SHIPPED"));
        const int total = item.value(QStringLiteral("total")).toObject().value(QStringLiteral("N")).toString().toInt();
        QVERIFY(total >= 100);
        QVERIFY(total < previous); // descending
        previous = total;
        QVERIFY(item.value(QStringLiteral("paid")).toObject().value(QStringLiteral("BOOL")).toBool());
    }
    const QString cli = browser.cliCommand();
    QVERIFY2(cli.contains(QStringLiteral("--index-name byStatus")) && cli.contains(QStringLiteral("--key-condition-expression")), qPrintable(cli));

    // The raw view shows the same request with placeholders, and runs it.
    QTest::mouseClick(bar->findChild<QToolButton *>(QStringLiteral("rawToggle")), Qt::LeftButton);
    QVERIFY(bar->isRaw());
    QCOMPARE(bar->findChild<QLineEdit *>(QStringLiteral("keyCondition"))->text(), QStringLiteral("#n0 = :v0 AND #n1 >= :v1"));
    QCOMPARE(bar->findChild<QLineEdit *>(QStringLiteral("filter"))->text(), QStringLiteral("#n2 = :v2"));
    QVERIFY(bar->findChild<QLineEdit *>(QStringLiteral("names"))->text().contains(QStringLiteral("\"#n2\":\"paid\"")));
    browser.model()->setQuery(QStringLiteral("Scan"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")}}, browser.keys());
    QTRY_VERIFY_WITH_TIMEOUT(!browser.model()->isLoading(), 5000);
    QTest::mouseClick(bar->findChild<QPushButton *>(QStringLiteral("run")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(browser.model()->operation() == QLatin1String("Query") && browser.model()->isComplete()
                             && !browser.model()->isLoading(), 5000);
    QCOMPARE(browser.model()->rowCount(), expected);

    // Back to the builder: it is as it was.
    QTest::mouseClick(bar->findChild<QToolButton *>(QStringLiteral("rawToggle")), Qt::LeftButton);
    QVERIFY(!bar->isRaw());
    QCOMPARE(partition->text(), QStringLiteral("SHIPPED"));
    QCOMPARE(bar->builder()->filters().size(), 1);
}

QTEST_MAIN(TestQueryBuilder)
#include "tst_querybuilder.moc"
