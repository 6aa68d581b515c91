// The Contributor Insights tab, against the embedded engine: opened from the
// table's menu in the connection tree (one tab per table), Enable by its
// button, a skewed workload (one hot partition key read fifty times, three
// cold ones read three times) whose top contributor is the hot key with the
// capacity the requests consumed (strongly consistent GetItem of an item
// under 4 KB: 1 read unit, eventually consistent: 0.5; PutItem under 1 KB:
// 1 write unit), the item rule per partition and sort key, the throttled
// rules' note, a global secondary index as a target of its own, and Disable
// after a question. Then an endpoint that does not know
// Dynamodesk.GetContributorInsightsReport (as real AWS): status, Enable and
// Disable still work and the chart points to CloudWatch.
#include "client/inprocessclient.h"
#include "connections/connectiontree.h"
#include "insights/contributorchart.h"
#include "insights/contributorinsightsview.h"
#include "insights/contributorsmodel.h"
#include "mainwindow/mainwindow.h"
#include "uitest.h"

#include <QComboBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidgetItem>

using namespace dd::ui;

namespace {

constexpr int kTimeoutMs = 15000;

// The view as drawn; saved as `name` into $DD_TEST_SHOTS when set, to look at.
void shoot(QWidget *view, const char *name)
{
    const QImage shot = view->grab().toImage();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("DD_TEST_SHOTS");
    if (!dir.isEmpty())
        QVERIFY(shot.save(dir + QLatin1Char('/') + QString::fromLatin1(name)));
}

QString s(const char *text) { return QString::fromUtf8(text); }

// Orders: pk, sk and the index ByCustomer on customer (no sort key), which
// no item below has, so that no write reaches the index.
void createOrders(Connection &c)
{
    const auto attr = [](const char *name) { return QJsonObject{{s("AttributeName"), s(name)}, {s("AttributeType"), s("S")}}; };
    const auto key = [](const char *name, const char *type) { return QJsonObject{{s("AttributeName"), s(name)}, {s("KeyType"), s(type)}}; };
    const QJsonObject gsi{{s("IndexName"), s("ByCustomer")},
                          {s("KeySchema"), QJsonArray{key("customer", "HASH")}},
                          {s("Projection"), QJsonObject{{s("ProjectionType"), s("ALL")}}}};
    const auto r = c.callSync(s("CreateTable"), QJsonObject{{s("TableName"), s("Orders")},
                                                             {s("AttributeDefinitions"), QJsonArray{attr("pk"), attr("sk"), attr("customer")}},
                                                             {s("KeySchema"), QJsonArray{key("pk", "HASH"), key("sk", "RANGE")}},
                                                             {s("GlobalSecondaryIndexes"), QJsonArray{gsi}},
                                                             {s("BillingMode"), s("PAY_PER_REQUEST")}});
    QVERIFY2(r.ok(), qPrintable(dd::ui::errorText(r)));
}

QJsonObject orderKey(const QString &pk, const QString &sk)
{
    return {{s("pk"), uitest::S(pk)}, {s("sk"), uitest::S(sk)}};
}

QStringList column(const QStandardItemModel *model, int column, int role = Qt::DisplayRole)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r)
        out << model->index(r, column).data(role).toString();
    return out;
}

void clickDisableAndConfirm(ContributorInsightsView *view)
{
    QTest::mouseClick(view->findChild<QPushButton *>(s("insightsToggle")), Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = view->findChild<QMessageBox *>(s("confirmDisableInsights"))) && box->isVisible());
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
}

} // namespace

class TestContributorInsights : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void reportFromResponse();
    void hotKeyOnTopThroughTheMainWindow();
    void endpointWithoutTheReport();
    void opensOnTheIndexClicked();

private:
    QTemporaryDir m_config;
};

void TestContributorInsights::initTestCase()
{
    QVERIFY(m_config.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
}

// Contributors come highest first whatever the order on the wire; key
// attributes in key-schema order; datapoints oldest first.
void TestContributorInsights::reportFromResponse()
{
    const QJsonObject body{
        {s("StartTime"), 600.0}, {s("EndTime"), 900.0}, {s("PeriodSeconds"), 60}, {s("AggregateValue"), 10.0}, {s("ApproximateUniqueCount"), 3},
        {s("Contributors"), QJsonArray{QJsonObject{{s("Key"), QJsonObject{{s("sk"), uitest::N(s("7"))}, {s("pk"), uitest::S(s("b"))}}},
                                                   {s("ApproximateAggregateValue"), 2.5},
                                                   {s("Datapoints"), QJsonArray{}}},
                                       QJsonObject{{s("Key"), QJsonObject{{s("pk"), uitest::S(s("a"))}, {s("sk"), uitest::N(s("1"))}}},
                                                   {s("ApproximateAggregateValue"), 7.5},
                                                   {s("Datapoints"), QJsonArray{QJsonObject{{s("Timestamp"), 720.0}, {s("ApproximateValue"), 5.0}},
                                                                               QJsonObject{{s("Timestamp"), 660.0}, {s("ApproximateValue"), 2.5}}}}}}}};
    const InsightsReport r = InsightsReport::fromResponse(body, {s("pk"), s("sk")});
    QCOMPARE(r.start, 600);
    QCOMPARE(r.end, 900);
    QCOMPARE(r.uniqueCount, 3);
    QCOMPARE(r.contributors.size(), 2);
    QCOMPARE(r.contributors[0].keyText, s("pk=a, sk=1"));
    QCOMPARE(r.contributors[1].keyText, s("pk=b, sk=7"));
    QCOMPARE(r.contributors[1].valuesText, s("b · 7")); // the legend's, where the names would crowd out the values
    QCOMPARE(r.shareOf(r.contributors[0]), 75.0);
    QCOMPARE(r.contributors[0].points.size(), 2);
    QCOMPARE(r.contributors[0].points[0].time, 660);
    QCOMPARE(ruleCode(InsightsRule::ItemsThrottled), s("SKT"));
}

void TestContributorInsights::hotKeyOnTopThroughTheMainWindow()
{
    MainWindow window;
    window.setRememberConnections(false);
    window.resize(1200, 800);
    Connection *c = window.addConnection(uitest::inMemoryConnection());
    createOrders(*c);
    window.show();
    window.tree()->refresh(c);
    QTRY_VERIFY(window.tree()->tableItem(c, s("Orders")) != nullptr);
    emit window.tree()->contributorInsightsRequested(c, s("Orders"));
    auto *view = qobject_cast<ContributorInsightsView *>(window.tabs()->currentWidget());
    QVERIFY(view);
    emit window.tree()->contributorInsightsRequested(c, s("Orders")); // the same tab again
    QCOMPARE(window.tabs()->count(), 1);
    QCOMPARE(window.tabs()->currentWidget(), view);
    QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading() && view->status() == u"DISABLED", kTimeoutMs);
    QCOMPARE(view->targets(), (QStringList{QString(), s("ByCustomer")}));
    QCOMPARE(view->rules(), (QList<InsightsRule>{InsightsRule::PartitionKeysAccessed, InsightsRule::ItemsAccessed,
                                                 InsightsRule::PartitionKeysThrottled, InsightsRule::ItemsThrottled}));
    QVERIFY(view->chart()->note().contains(s("off")));
    auto *toggle = view->findChild<QPushButton *>(s("insightsToggle"));
    QCOMPARE(toggle->text(), s("&Enable"));

    QTest::mouseClick(toggle, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading() && view->status() == u"ENABLED", kTimeoutMs);
    QCOMPARE(toggle->text(), s("&Disable"));
    QVERIFY(!view->ruleNames().isEmpty());
    QVERIFY(view->findChild<QLabel *>(s("insightsRules"))->text().contains(view->ruleNames().first()));

    // The workload, and the capacity each key consumed as DynamoDB charges it.
    double hotReported = 0;
    const auto run = [&](const QString &operation, const QJsonObject &request, double *reported) {
        const auto r = c->callSync(operation, request);
        QVERIFY2(r.ok(), qPrintable(dd::ui::errorText(r)));
        if (reported)
            *reported += Connection::consumedCapacity(r.body);
    };
    const auto item = [](const QString &pk, const QString &sk) {
        QJsonObject i = orderKey(pk, sk);
        i.insert(s("note"), uitest::S(s("a small item, well under 1 KB")));
        return i;
    };
    const QStringList cold{s("c1"), s("c2"), s("c3")};
    run(s("PutItem"), {{s("TableName"), s("Orders")}, {s("Item"), item(s("hot"), s("a"))}}, &hotReported);
    run(s("PutItem"), {{s("TableName"), s("Orders")}, {s("Item"), item(s("hot"), s("b"))}}, &hotReported);
    for (const QString &pk : cold)
        run(s("PutItem"), {{s("TableName"), s("Orders")}, {s("Item"), item(pk, s("a"))}}, nullptr);
    for (int i = 0; i < 50; ++i)
        run(s("GetItem"), {{s("TableName"), s("Orders")}, {s("Key"), orderKey(s("hot"), s("a"))}, {s("ConsistentRead"), true}}, &hotReported);
    for (int i = 0; i < 10; ++i)
        run(s("GetItem"), {{s("TableName"), s("Orders")}, {s("Key"), orderKey(s("hot"), s("b"))}}, &hotReported);
    for (const QString &pk : cold)
        for (int i = 0; i < 3; ++i)
            run(s("GetItem"), {{s("TableName"), s("Orders")}, {s("Key"), orderKey(pk, s("a"))}, {s("ConsistentRead"), true}}, nullptr);
    const double hotA = 1 + 50 * 1.0; // a put, fifty strongly consistent reads
    const double hotB = 1 + 10 * 0.5; // a put, ten eventually consistent reads
    const double coldEach = 1 + 3 * 1.0;
    QCOMPARE(hotReported, hotA + hotB);

    QTest::mouseClick(view->findChild<QPushButton *>(s("refreshInsights")), Qt::LeftButton);
    ContributorsModel *model = view->contributorsModel();
    QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading() && model->rowCount() == 4, kTimeoutMs);
    QCOMPARE(column(model, ContributorsModel::KeyColumn), (QStringList{s("pk=hot"), s("pk=c1"), s("pk=c2"), s("pk=c3")}));
    QCOMPARE(model->index(0, ContributorsModel::TotalColumn).data(Qt::UserRole).toDouble(), hotA + hotB);
    QCOMPARE(model->index(1, ContributorsModel::TotalColumn).data(Qt::UserRole).toDouble(), coldEach);
    const double aggregate = hotA + hotB + 3 * coldEach;
    QCOMPARE(view->chart()->report().aggregate, aggregate);
    QVERIFY(qAbs(model->index(0, ContributorsModel::ShareColumn).data(Qt::UserRole).toDouble() - 100 * (hotA + hotB) / aggregate) < 1e-9);
    QVERIFY(view->chart()->note().isEmpty());
    QCOMPARE(view->chart()->report().contributors.first().keyText, s("pk=hot"));
    shoot(view, "dd-contributorinsights.png");

    // Items: partition and sort key, the hot key's two items apart.
    view->setRangeMinutes(15);
    view->setRule(InsightsRule::ItemsAccessed);
    QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading() && model->rowCount() == 5, kTimeoutMs);
    QCOMPARE(column(model, ContributorsModel::KeyColumn).mid(0, 2), (QStringList{s("pk=hot, sk=a"), s("pk=hot, sk=b")}));
    QCOMPARE(model->index(0, ContributorsModel::TotalColumn).data(Qt::UserRole).toDouble(), hotA);
    QCOMPARE(model->index(1, ContributorsModel::TotalColumn).data(Qt::UserRole).toDouble(), hotB);
    shoot(view, "dd-contributorinsights-items.png");

    // Throttled keys: none here, and the chart says why.
    view->setRule(InsightsRule::PartitionKeysThrottled);
    QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading() && view->chart()->note().contains(s("does not throttle")), kTimeoutMs);
    QCOMPARE(model->rowCount(), 0);

    // The index is a target of its own: off until enabled, partition key rules only.
    view->setTarget(s("ByCustomer"));
    QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading() && view->status() == u"DISABLED", kTimeoutMs);
    QCOMPARE(view->rules(), (QList<InsightsRule>{InsightsRule::PartitionKeysAccessed, InsightsRule::PartitionKeysThrottled}));
    QTest::mouseClick(toggle, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading() && view->status() == u"ENABLED", kTimeoutMs);
    view->setTarget(QString());
    QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading() && view->status() == u"ENABLED" && view->target().isEmpty(), kTimeoutMs);

    clickDisableAndConfirm(view);
    QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading() && view->status() == u"DISABLED", kTimeoutMs);
    QCOMPARE(toggle->text(), s("&Enable"));
    const auto index = c->callSync(s("DescribeContributorInsights"), QJsonObject{{s("TableName"), s("Orders")}, {s("IndexName"), s("ByCustomer")}});
    QCOMPARE(index.body.value(s("ContributorInsightsStatus")).toString(), s("ENABLED"));

    // Deleting the table closes its tab.
    emit window.tree()->deleteTableRequested(c, s("Orders"));
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>(s("confirmDeleteTable"))) && box->isVisible());
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QCOMPARE(window.tabs()->count(), 0);
}

void TestContributorInsights::endpointWithoutTheReport()
{
    auto local = uitest::inMemoryConnection();
    uitest::createTable(*local, s("Plain"), s("pk"));
    uitest::put(*local, s("Plain"), {{s("pk"), uitest::S(s("a"))}});
    ConnectionSettings settings;
    settings.kind = ConnectionSettings::Kind::Endpoint;
    settings.url = s("http://dynamodb.example:8000");
    Connection remote(settings, std::make_shared<uitest::WithoutDynamodeskOperations>(local->sharedClient()));
    ContributorInsightsView view(&remote, s("Plain"));
    view.resize(1000, 600);
    view.show();
    QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading() && view.status() == u"DISABLED", kTimeoutMs);
    QVERIFY(!view.reportAvailable());
    QVERIFY2(view.chart()->note().contains(s("CloudWatch Contributor Insights")), qPrintable(view.chart()->note()));
    QCOMPARE(view.rules(), (QList<InsightsRule>{InsightsRule::PartitionKeysAccessed, InsightsRule::PartitionKeysThrottled}));
    QVERIFY(view.findChild<QLabel *>(s("insightsError"))->text().isEmpty());

    QTest::mouseClick(view.findChild<QPushButton *>(s("insightsToggle")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading() && view.status() == u"ENABLED", kTimeoutMs);
    QVERIFY(!view.ruleNames().isEmpty());
    QVERIFY(view.chart()->note().contains(s("CloudWatch")));
    // On AWS the throttled keys are real: the note stays the one that points to CloudWatch.
    view.setRule(InsightsRule::PartitionKeysThrottled);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading() && view.rule() == InsightsRule::PartitionKeysThrottled, kTimeoutMs);
    QVERIFY(view.chart()->note().contains(s("CloudWatch")));
    shoot(&view, "dd-contributorinsights-aws.png");

    clickDisableAndConfirm(&view);
    QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading() && view.status() == u"DISABLED", kTimeoutMs);
}

// The tree's menu on a GSI opens the tab on that index, also when the tab is
// already open on the table; the menu on the table leaves the tab's target.
void TestContributorInsights::opensOnTheIndexClicked()
{
    MainWindow window;
    window.setRememberConnections(false);
    Connection *c = window.addConnection(uitest::inMemoryConnection());
    createOrders(*c);
    window.show();
    window.tree()->refresh(c);
    QTreeWidgetItem *table = nullptr;
    QTRY_VERIFY((table = window.tree()->tableItem(c, s("Orders"))) != nullptr && table->childCount() == 1);
    const QString index = table->child(0)->data(0, ConnectionTree::IndexRole).toString();
    QCOMPARE(index, s("ByCustomer"));
    QVERIFY(table->data(0, ConnectionTree::IndexRole).toString().isEmpty());

    emit window.tree()->contributorInsightsRequested(c, s("Orders"), index);
    auto *view = qobject_cast<ContributorInsightsView *>(window.tabs()->currentWidget());
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading() && view->target() == index && view->status() == u"DISABLED", kTimeoutMs);
    // Its rules: the index has no sort key.
    QCOMPARE(view->rules(), (QList<InsightsRule>{InsightsRule::PartitionKeysAccessed, InsightsRule::PartitionKeysThrottled}));

    view->setTarget(QString());
    QTRY_VERIFY_WITH_TIMEOUT(!view->isLoading() && view->target().isEmpty(), kTimeoutMs);
    emit window.tree()->contributorInsightsRequested(c, s("Orders"));
    QCOMPARE(window.tabs()->count(), 1);
    QVERIFY(view->target().isEmpty());
    emit window.tree()->contributorInsightsRequested(c, s("Orders"), index);
    QCOMPARE(window.tabs()->count(), 1);
    QCOMPARE(view->target(), index);
}

QTEST_MAIN(TestContributorInsights)
#include "tst_contributorinsights.moc"
