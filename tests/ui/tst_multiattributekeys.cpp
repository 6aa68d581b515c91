// Global secondary indexes with multi-attribute keys (AWS, November 2025)
// in the desktop app, against the embedded engine through the real client:
// designed with the mouse and keyboard (2 partition + 3 sort attributes,
// DynamoDB's rules checked live) and created; read back into the designer
// and through a design file; queried through the visual builder with
// equalities on a prefix of the sort attributes and a range on the last
// (items and their order as DynamoDB gives them), a gap refused before
// anything is sent; the connection tree and the copy dialog's definition
// text naming every attribute.
#include "browser/itemtablemodel.h"
#include "browser/querybar.h"
#include "browser/querybuilder.h"
#include "browser/queryspec.h"
#include "browser/tablebrowser.h"
#include "common/errorlabel.h"
#include "common/tablekeys.h"
#include "connections/connectiontree.h"
#include "designer/indexrow.h"
#include "designer/tablechange.h"
#include "designer/tabledesign.h"
#include "designer/tabledesigner.h"
#include "migration/tabledefinitiontext.h"
#include "uitest.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>

using namespace dd::ui;

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

// Picks the entry whose data (or text) is `value` with the keyboard.
void choose(QComboBox *combo, const QString &value)
{
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < combo->count() && combo->currentData().toString() != value && !combo->currentText().startsWith(value); ++i)
        QTest::keyClick(combo, Qt::Key_Down);
    QVERIFY2(combo->currentData().toString() == value || combo->currentText().startsWith(value), qPrintable(value));
}

void type(QWidget *root, const char *name, const QString &text)
{
    auto *edit = root->findChild<QLineEdit *>(p(name));
    QVERIFY2(edit, name);
    QTRY_VERIFY2(edit->isVisible(), name); // a widget added to a shown layout shows after a turn of the event loop
    QTest::mouseClick(edit, Qt::LeftButton);
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

QJsonObject key(const char *name, const char *type)
{
    return {{p("AttributeName"), p(name)}, {p("KeyType"), p(type)}};
}

QJsonObject def(const char *name, const char *type)
{
    return {{p("AttributeName"), p(name)}, {p("AttributeType"), p(type)}};
}

// Matches: matchId; GSI byRound (tenant S, year N / area S, round N, tag S).
void createMatches(Connection &c)
{
    const auto r = c.callSync(p("CreateTable"), QJsonObject{
        {p("TableName"), p("Matches")},
        {p("AttributeDefinitions"), QJsonArray{def("matchId", "S"), def("tenant", "S"), def("year", "N"), def("area", "S"),
                                                def("round", "N"), def("tag", "S")}},
        {p("KeySchema"), QJsonArray{key("matchId", "HASH")}},
        {p("GlobalSecondaryIndexes"), QJsonArray{QJsonObject{
            {p("IndexName"), p("byRound")},
            {p("KeySchema"), QJsonArray{key("tenant", "HASH"), key("year", "HASH"), key("area", "RANGE"), key("round", "RANGE"),
                                         key("tag", "RANGE")}},
            {p("Projection"), QJsonObject{{p("ProjectionType"), p("ALL")}}}}}},
        {p("BillingMode"), p("PAY_PER_REQUEST")}});
    QVERIFY2(r.ok(), qPrintable(dd::ui::errorText(r)));
    int id = 0;
    for (const char *tenant : {"acme", "globex"})
        for (const char *year : {"2024", "2025"})
            for (const char *area : {"north", "south"})
                for (int round = 5; round >= 1; --round) // written out of order: the index sorts them
                    for (const char *tag : {"b", "a"})
                        uitest::put(c, p("Matches"), QJsonObject{
                            {p("matchId"), uitest::S(QStringLiteral("m%1").arg(id++))},
                            {p("tenant"), uitest::S(p(tenant))}, {p("year"), uitest::N(p(year))},
                            {p("area"), uitest::S(p(area))}, {p("round"), uitest::N(QString::number(round))},
                            {p("tag"), uitest::S(p(tag))}});
    // Without tag the item is not in the index (sparse).
    uitest::put(c, p("Matches"), QJsonObject{{p("matchId"), uitest::S(p("untagged"))}, {p("tenant"), uitest::S(p("acme"))},
                                             {p("year"), uitest::N(p("2025"))}, {p("area"), uitest::S(p("north"))},
                                             {p("round"), uitest::N(p("3"))}});
}

QString s(const QJsonObject &item, const char *name, const char *type = "S")
{
    return item.value(p(name)).toObject().value(p(type)).toString();
}

} // namespace

class TestMultiAttributeKeys : public QObject {
    Q_OBJECT
private slots:
    void designAndCreate();
    void designRoundTrip();
    void tableEditorAddsIndex();
    void querySpecRules();
    void queryThroughBuilder();
    void gapRefusedBeforeSending();
    void treeAndDefinitionText();
};

void TestMultiAttributeKeys::designAndCreate()
{
    auto connection = uitest::inMemoryConnection();
    TableDesigner designer(connection.get());
    designer.resize(1300, 900);
    designer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&designer));
    auto *create = designer.findChild<QPushButton *>(p("createTable"));
    type(&designer, "tableName", p("Matches"));
    type(&designer, "partitionName", p("matchId"));
    QTest::mouseClick(designer.findChild<QPushButton *>(p("addGlobalIndex")), Qt::LeftButton);
    auto *row = designer.findChild<IndexRow *>();
    QVERIFY(row);
    type(row, "indexName", p("byRound"));
    type(row, "indexPartition", p("tenant"));

    // Up to four partition attributes: the "+" stops there.
    auto *addPartition = row->findChild<QToolButton *>(p("addIndexPartition"));
    auto *addSort = row->findChild<QToolButton *>(p("addIndexSort"));
    for (int i = 0; i < 3; ++i)
        QTest::mouseClick(addPartition, Qt::LeftButton);
    QCOMPARE(row->partitionCount(), 4);
    QVERIFY(!addPartition->isEnabled());
    QVERIFY(!create->isEnabled()); // the new lines are empty
    QTest::mouseClick(row->findChild<QToolButton *>(p("removeIndexPartition4")), Qt::LeftButton);
    QTest::mouseClick(row->findChild<QToolButton *>(p("removeIndexPartition3")), Qt::LeftButton);
    QCOMPARE(row->partitionCount(), 2);
    QVERIFY(addPartition->isEnabled());
    type(row, "indexPartition2", p("year"));
    auto *yearType = row->findChild<QComboBox *>(p("indexPartitionType2"));
    yearType->setFocus();
    QTest::keyClick(yearType, Qt::Key_Down); // Number

    type(row, "indexSort", p("area"));
    QTest::mouseClick(addSort, Qt::LeftButton);
    QTest::mouseClick(addSort, Qt::LeftButton);
    type(row, "indexSort2", p("round"));
    auto *roundType = row->findChild<QComboBox *>(p("indexSortType2"));
    roundType->setFocus();
    QTest::keyClick(roundType, Qt::Key_Down);
    // A name twice in one key is refused, as CreateTable does ("Duplicate attribute name in KeySchema").
    type(row, "indexSort3", p("tenant"));
    QVERIFY(!create->isEnabled());
    bool duplicateShown = false;
    for (auto *label : row->findChildren<ErrorLabel *>())
        duplicateShown = duplicateShown || (label->isVisible() && label->text().contains(p("already in this index's key")));
    QVERIFY(duplicateShown);
    type(row, "indexSort3", p("tag"));
    QVERIFY(create->isEnabled());

    // A local index stays single.
    QTest::mouseClick(designer.findChild<QPushButton *>(p("addLocalIndex")), Qt::LeftButton);
    IndexRow *local = designer.findChildren<IndexRow *>().last();
    QVERIFY(!local->isGlobal());
    QVERIFY(!local->findChild<QToolButton *>(p("addIndexSort"))->isVisible());
    QTest::mouseClick(local->findChild<QToolButton *>(p("removeIndex")), Qt::LeftButton);
    QTRY_COMPARE(designer.findChildren<IndexRow *>().size(), 1);

    const QJsonObject request = designer.design().toCreateTableRequest();
    const QJsonArray schema = request.value(p("GlobalSecondaryIndexes")).toArray().at(0).toObject().value(p("KeySchema")).toArray();
    QCOMPARE(schema, (QJsonArray{key("tenant", "HASH"), key("year", "HASH"), key("area", "RANGE"), key("round", "RANGE"), key("tag", "RANGE")}));

    QSignalSpy created(&designer, &TableDesigner::tableCreated);
    QTRY_VERIFY(create->isEnabled());
    QTest::mouseClick(create, Qt::LeftButton);
    QVERIFY(created.wait(5000));
    const auto r = connection->callSync(p("DescribeTable"), QJsonObject{{p("TableName"), p("Matches")}});
    QVERIFY(r.ok());
    const QJsonObject table = r.body.value(p("Table")).toObject();
    const QJsonObject gsi = table.value(p("GlobalSecondaryIndexes")).toArray().at(0).toObject();
    QCOMPARE(gsi.value(p("KeySchema")).toArray(), schema);
    const TableKeys keys = TableKeys::fromDescription(table, p("byRound"));
    QCOMPARE(keys.text(true), p("tenant S, year N / area S, round N, tag S"));
    QCOMPARE(TableKeys::fromDescription(table).names(), QStringList{p("matchId")});
}

void TestMultiAttributeKeys::designRoundTrip()
{
    auto connection = uitest::inMemoryConnection();
    createMatches(*connection);
    const auto r = connection->callSync(p("DescribeTable"), QJsonObject{{p("TableName"), p("Matches")}});
    QVERIFY(r.ok());
    const TableDesign loaded = TableDesign::fromDescription(r.body.value(p("Table")).toObject());
    QCOMPARE(loaded.indexes.size(), 1);
    const IndexDesign &ix = loaded.indexes.first();
    QCOMPARE(ix.partition.name, p("tenant"));
    QCOMPARE(ix.morePartitions.size(), 1);
    QCOMPARE(ix.morePartitions.first().type, p("N"));
    QCOMPARE(ix.moreSorts.size(), 2);
    QCOMPARE(ix.moreSorts.last().name, p("tag"));
    QVERIFY(loaded.validate().isEmpty());

    // Shown in the designer's rows, and saved and opened as a design file.
    TableDesigner designer(connection.get());
    designer.setDesign(loaded);
    auto *row = designer.findChild<IndexRow *>();
    QCOMPARE(row->partitionCount(), 2);
    QCOMPARE(row->sortCount(), 3);
    QCOMPARE(row->findChild<QLineEdit *>(p("indexSort3"))->text(), p("tag"));
    QCOMPARE(designer.design().toCreateTableRequest(), loaded.toCreateTableRequest());
    QTemporaryDir dir;
    const QString path = dir.filePath(p("matches.design.json"));
    QString error;
    QVERIFY2(designer.saveDesign(path, &error), qPrintable(error));
    TableDesigner again(connection.get());
    QVERIFY2(again.openDesign(path, &error), qPrintable(error));
    QCOMPARE(again.design().toCreateTableRequest(), loaded.toCreateTableRequest());

    // DynamoDB's counts: at most four of each; an LSI keeps one sort attribute.
    TableDesign tooMany = loaded;
    tooMany.indexes[0].moreSorts << KeyAttribute{p("x"), p("S")} << KeyAttribute{p("y"), p("S")};
    bool refused = false;
    for (const DesignIssue &issue : tooMany.validate())
        refused = refused || (issue.field == p("index:0:sort") && issue.message.contains(p("4")));
    QVERIFY(refused);
    TableDesign local = loaded;
    local.sort = {p("when"), p("N")};
    local.indexes << IndexDesign{false, p("byWhat"), local.partition, {p("what"), p("S")}, {}, {{p("more"), p("S")}}};
    refused = false;
    for (const DesignIssue &issue : local.validate())
        refused = refused || issue.field == p("index:1:sort");
    QVERIFY(refused);

    // The access pattern panel says it does not match them.
    designer.show();
    QTRY_VERIFY(designer.findChild<QLabel *>(p("multiAttributeNote"))->text().contains(p("byRound")));
}

void TestMultiAttributeKeys::tableEditorAddsIndex()
{
    auto connection = uitest::inMemoryConnection();
    createMatches(*connection);
    TableDesigner designer(connection.get());
    QSignalSpy loaded(&designer, &TableDesigner::loaded);
    designer.editTable(p("Matches"));
    designer.resize(1300, 900);
    designer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&designer));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);

    // The existing index shows every attribute, locked.
    IndexRow *existing = designer.findChild<IndexRow *>();
    QCOMPARE(existing->partitionCount(), 2);
    QCOMPARE(existing->sortCount(), 3);
    QVERIFY(!existing->findChild<QLineEdit *>(p("indexSort3"))->isEnabled());
    QVERIFY(!existing->findChild<QToolButton *>(p("addIndexSort"))->isEnabled());

    // Add index: byArea (tenant, area / year), one UpdateTable.
    QTest::mouseClick(designer.findChild<QPushButton *>(p("addGlobalIndex")), Qt::LeftButton);
    IndexRow *row = designer.findChildren<IndexRow *>().last();
    type(row, "indexName", p("byArea"));
    type(row, "indexPartition", p("tenant"));
    QTest::mouseClick(row->findChild<QToolButton *>(p("addIndexPartition")), Qt::LeftButton);
    type(row, "indexPartition2", p("area"));
    type(row, "indexSort", p("year"));
    auto *yearType = row->findChild<QComboBox *>(p("indexSortType"));
    yearType->setFocus();
    QTest::keyClick(yearType, Qt::Key_Down); // Number, as the table defines it
    QStringList ops;
    for (const TableChange &c : designer.plannedChanges())
        ops << c.operation + QLatin1Char(':') + c.field;
    QCOMPARE(ops, QStringList{p("UpdateTable:index:1:api")});
    QSignalSpy applied(&designer, &TableDesigner::changesApplied);
    auto *apply = designer.findChild<QPushButton *>(p("applyChanges"));
    QTRY_VERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QVERIFY(applied.wait(20000));
    QCOMPARE(applied.first().first().toInt(), 0);
    const auto r = connection->callSync(p("DescribeTable"), QJsonObject{{p("TableName"), p("Matches")}});
    const TableKeys keys = TableKeys::fromDescription(r.body.value(p("Table")).toObject(), p("byArea"));
    QCOMPARE(keys.text(true), p("tenant S, area S / year N"));
}

void TestMultiAttributeKeys::querySpecRules()
{
    QuerySpec spec;
    spec.partitionName = p("tenant");
    spec.partitionType = p("S");
    spec.partitionValue = p("acme");
    spec.morePartitions << QueryCondition{p("year"), p("="), p("N"), p("2025"), {}};
    spec.sorts << QueryCondition{p("area"), p("="), p("S"), p("north"), {}}
               << QueryCondition{p("round"), p("between"), p("N"), p("2"), p("4")}
               << QueryCondition{p("tag"), QString(), p("S"), {}, {}};
    QJsonObject request;
    QString error;
    QVERIFY2(queryspec::apply(spec, true, &request, &error), qPrintable(error));
    QCOMPARE(request.value(p("KeyConditionExpression")).toString(), p("#n0 = :v0 AND #n1 = :v1 AND #n2 = :v2 AND #n3 BETWEEN :v3 AND :v4"));
    QCOMPARE(request.value(p("ExpressionAttributeNames")).toObject(),
             (QJsonObject{{p("#n0"), p("tenant")}, {p("#n1"), p("year")}, {p("#n2"), p("area")}, {p("#n3"), p("round")}}));
    QCOMPARE(request.value(p("ExpressionAttributeValues")).toObject().value(p(":v1")).toObject(), uitest::N(p("2025")));

    // A gap: tag without round.
    spec.sorts[1].op.clear();
    spec.sorts[2].op = p("=");
    spec.sorts[2].value = p("a");
    request = {};
    QVERIFY(!queryspec::apply(spec, true, &request, &error));
    QVERIFY2(error.contains(p("round")) && error.contains(p("tag")), qPrintable(error));
    QVERIFY(!request.contains(p("KeyConditionExpression")));
    // A range before the last attribute used.
    spec.sorts[1] = QueryCondition{p("round"), p(">"), p("N"), p("2"), {}};
    QVERIFY(!queryspec::apply(spec, true, &request, &error));
    QVERIFY2(error.contains(p("round")) && error.contains(p("=")), qPrintable(error));
    // Every partition attribute needs a value.
    spec.sorts[1].op = p("=");
    spec.morePartitions[0].value.clear();
    QVERIFY(!queryspec::apply(spec, true, &request, &error));
    QVERIFY2(error.contains(p("year")), qPrintable(error));
}

void TestMultiAttributeKeys::queryThroughBuilder()
{
    auto connection = uitest::inMemoryConnection();
    createMatches(*connection);
    TableBrowser browser(connection.get(), p("Matches"));
    browser.resize(1400, 800);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QTRY_VERIFY_WITH_TIMEOUT(browser.isReady() && browser.model()->rowCount() > 0 && !browser.model()->isLoading(), 5000);
    QueryBar *bar = browser.queryBar();
    choose(bar->findChild<QComboBox *>(p("mode")), p("Query"));
    auto *index = bar->findChild<QComboBox *>(p("index"));
    choose(index, p("byRound"));
    QVERIFY2(index->currentText().contains(p("byRound (tenant S, year N / area S, round N, tag S)")), qPrintable(index->currentText()));

    // One field per partition attribute; the sort attributes in order.
    type(bar, "partitionValue", p("acme"));
    type(bar, "partitionValue_2", p("2025"));
    choose(bar->findChild<QComboBox *>(p("sortOperator")), p("="));
    type(bar, "sortValue", p("north"));
    choose(bar->findChild<QComboBox *>(p("sortOperator_2")), p("between"));
    type(bar, "sortValue_2", p("2"));
    type(bar, "sortValue2_2", p("4"));
    QVERIFY(!bar->findChild<QLineEdit *>(p("sortValue_3"))->isVisible()); // tag: any
    QTest::mouseClick(bar->findChild<QPushButton *>(p("run")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(browser.model()->operation() == p("Query") && !browser.model()->isLoading() && browser.model()->isComplete(), 5000);
    QCOMPARE(browser.model()->request().value(p("IndexName")).toString(), p("byRound"));
    QCOMPARE(browser.model()->request().value(p("KeyConditionExpression")).toString(),
             p("#n0 = :v0 AND #n1 = :v1 AND #n2 = :v2 AND #n3 BETWEEN :v3 AND :v4"));
    // The index's key attributes come right after the table's key.
    QCOMPARE(browser.model()->columns().mid(0, 6),
             (QStringList{p("matchId"), p("tenant"), p("year"), p("area"), p("round"), p("tag")}));
    QStringList order;
    for (int r = 0; r < browser.model()->rowCount(); ++r) {
        const QJsonObject item = browser.model()->item(r);
        QCOMPARE(s(item, "tenant"), p("acme"));
        QCOMPARE(s(item, "year", "N"), p("2025"));
        QCOMPARE(s(item, "area"), p("north"));
        order << s(item, "round", "N") + s(item, "tag");
    }
    // Sorted by round, then tag; the untagged item is not in the index.
    QCOMPARE(order, (QStringList{p("2a"), p("2b"), p("3a"), p("3b"), p("4a"), p("4b")}));

    // Descending, and a prefix of equalities alone (area only), in pages of 3.
    QTest::mouseClick(bar->findChild<QCheckBox *>(p("descending")), Qt::LeftButton);
    choose(bar->findChild<QComboBox *>(p("sortOperator_2")), p("any"));
    type(bar, "sortValue", p("south"));
    bar->findChild<QSpinBox *>(p("pageSize"))->setValue(3);
    QTest::mouseClick(bar->findChild<QPushButton *>(p("run")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(browser.model()->request().value(p("ScanIndexForward")) == QJsonValue(false) && !browser.model()->isLoading(), 5000);
    while (browser.model()->canFetchMore(QModelIndex())) {
        browser.model()->fetchMore(QModelIndex());
        QTRY_VERIFY_WITH_TIMEOUT(!browser.model()->isLoading(), 5000);
    }
    QCOMPARE(browser.model()->rowCount(), 10);
    QCOMPARE(s(browser.model()->item(0), "round", "N") + s(browser.model()->item(0), "tag"), p("5b"));
    QCOMPARE(s(browser.model()->item(9), "round", "N") + s(browser.model()->item(9), "tag"), p("1a"));
}

void TestMultiAttributeKeys::gapRefusedBeforeSending()
{
    auto connection = uitest::inMemoryConnection();
    createMatches(*connection);
    TableBrowser browser(connection.get(), p("Matches"));
    browser.resize(1400, 800);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QTRY_VERIFY_WITH_TIMEOUT(browser.isReady() && !browser.model()->isLoading(), 5000);
    QueryBar *bar = browser.queryBar();
    const QString before = browser.model()->operation();
    choose(bar->findChild<QComboBox *>(p("mode")), p("Query"));
    choose(bar->findChild<QComboBox *>(p("index")), p("byRound"));
    type(bar, "partitionValue", p("acme"));
    type(bar, "partitionValue_2", p("2025"));
    choose(bar->findChild<QComboBox *>(p("sortOperator")), p("="));
    type(bar, "sortValue", p("north"));
    choose(bar->findChild<QComboBox *>(p("sortOperator_3")), p("="));
    type(bar, "sortValue_3", p("a"));
    QTest::mouseClick(bar->findChild<QPushButton *>(p("run")), Qt::LeftButton);
    auto *error = bar->findChild<ErrorLabel *>(p("queryError"));
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(p("round")), qPrintable(error->text()));
    QCOMPARE(browser.model()->operation(), before); // nothing was sent
}

void TestMultiAttributeKeys::treeAndDefinitionText()
{
    auto connection = uitest::inMemoryConnection();
    createMatches(*connection);
    ConnectionTree tree;
    QSignalSpy listed(&tree, &ConnectionTree::tablesListed);
    tree.addConnection(connection.get());
    QVERIFY(listed.wait(5000));
    const auto found = tree.findItems(p("byRound"), Qt::MatchStartsWith | Qt::MatchRecursive);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first()->text(0), p("byRound (tenant, year / area, round, tag)"));
    QVERIFY2(found.first()->toolTip(0).contains(p("Sort key: area (S), round (N), tag (S)")), qPrintable(found.first()->toolTip(0)));
    tree.removeConnection(connection.get());

    const auto r = connection->callSync(p("DescribeTable"), QJsonObject{{p("TableName"), p("Matches")}});
    const QJsonObject table = r.body.value(p("Table")).toObject();
    const QJsonObject gsi = table.value(p("GlobalSecondaryIndexes")).toArray().at(0).toObject();
    QCOMPARE(TableDefinitionText::keys(gsi.value(p("KeySchema")).toArray(), table.value(p("AttributeDefinitions")).toArray()),
             p("partition tenant (S), year (N); sort area (S), round (N), tag (S)"));
}

QTEST_MAIN(TestMultiAttributeKeys)
#include "tst_multiattributekeys.moc"
