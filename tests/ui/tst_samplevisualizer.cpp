// The sample-items visualizer: items grouped by partition key and ordered
// by sort key in DynamoDB's order (numbers by value, strings by UTF-8
// bytes), seen through a GSI (sparse: items without its keys are absent;
// KEYS_ONLY and INCLUDE projections applied) and an LSI; items typed into
// the grid with the keyboard, and the first page of a Scan loaded from an
// existing table in edit mode.
#include "designer/sampleitemspanel.h"
#include "designer/samplelayout.h"
#include "designer/tabledesigner.h"
#include "uitest.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QToolButton>

using namespace dd::ui;

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }
QJsonObject S(const char *v) { return uitest::S(p(v)); }
QJsonObject N(const char *v) { return uitest::N(p(v)); }

TableDesign design()
{
    TableDesign d;
    d.tableName = p("Orders");
    d.partition = {p("customer"), p("S")};
    d.sort = {p("seq"), p("N")};
    IndexDesign gsi{true, p("byStatus"), {p("status"), p("S")}, {p("total"), p("N")}};
    gsi.projection = p("KEYS_ONLY");
    IndexDesign inc{true, p("byCity"), {p("city"), p("S")}, {}};
    inc.projection = p("INCLUDE");
    inc.included = {p("total")};
    d.indexes << gsi << inc;
    d.indexes.append({false, p("byName"), d.partition, {p("name"), p("S")}});
    return d;
}

QJsonArray items()
{
    return {
        QJsonObject{{p("customer"), S("bob")}, {p("seq"), N("10")}, {p("status"), S("OPEN")}, {p("total"), N("5")}, {p("name"), S("b")}},
        QJsonObject{{p("customer"), S("ann")}, {p("seq"), N("9")}, {p("status"), S("OPEN")}, {p("total"), N("100")}, {p("city"), S("Oslo")}},
        QJsonObject{{p("customer"), S("bob")}, {p("seq"), N("-1.5")}, {p("total"), N("7")}, {p("name"), S("a")}},
        QJsonObject{{p("customer"), S("ann")}, {p("seq"), N("1E+2")}, {p("status"), S("PAID")}, {p("total"), N("20")}, {p("city"), S("Oslo")}},
        QJsonObject{{p("customer"), S("bob")}, {p("seq"), N("2")}, {p("status"), S("OPEN")}, {p("total"), N("12")}},
        QJsonObject{{p("seq"), N("3")}}, // no partition key: not an item of this table
    };
}

QStringList keysOf(const SampleLayout::Group &g, const QString &attribute)
{
    QStringList out;
    for (const QJsonObject &item : g.items) {
        const QJsonObject v = item.value(attribute).toObject();
        out << v.value(v.keys().value(0)).toString();
    }
    return out;
}

} // namespace

class TestSampleVisualizer : public QObject {
    Q_OBJECT
private slots:
    void groupsAndOrder();
    void throughIndexes();
    void stringOrderIsByBytes();
    void typedIntoTheGrid();
    void loadedFromTable();
};

void TestSampleVisualizer::groupsAndOrder()
{
    const SampleLayout l = SampleLayout::build(design(), QString(), items());
    QCOMPARE(l.groups.size(), 2);
    QCOMPARE(l.groups[0].partitionValue, S("bob")); // first seen first
    QCOMPARE(keysOf(l.groups[0], p("seq")), QStringList({p("-1.5"), p("2"), p("10")})); // by value, not text
    QCOMPARE(keysOf(l.groups[1], p("seq")), QStringList({p("9"), p("1E+2")}));
    QCOMPARE(l.absent, 1);

    // A second item with the same key replaces the first, as PutItem does.
    QJsonArray twice = items();
    twice.append(QJsonObject{{p("customer"), S("bob")}, {p("seq"), N("2.0")}, {p("status"), S("NEW")}});
    const SampleLayout r = SampleLayout::build(design(), QString(), twice);
    QCOMPARE(r.groups[0].items.size(), 3);
    QCOMPARE(r.groups[0].items[1].value(p("status")).toObject(), S("NEW"));
}

void TestSampleVisualizer::throughIndexes()
{
    // GSI byStatus (status / total, KEYS_ONLY): the item without status is absent.
    const SampleLayout g = SampleLayout::build(design(), p("byStatus"), items());
    QCOMPARE(g.partition.name, p("status"));
    QCOMPARE(g.groups.size(), 2);
    QCOMPARE(g.groups[0].partitionValue, S("OPEN"));
    QCOMPARE(keysOf(g.groups[0], p("total")), QStringList({p("5"), p("12"), p("100")}));
    QCOMPARE(g.absent, 2);
    // Keys only: the table's and the index's keys, nothing else.
    QCOMPARE(QSet<QString>(g.attributes.begin(), g.attributes.end()), QSet<QString>({p("customer"), p("seq")}));

    // GSI byCity, INCLUDE total.
    const SampleLayout c = SampleLayout::build(design(), p("byCity"), items());
    QCOMPARE(c.groups.size(), 1);
    QCOMPARE(c.groups[0].items.size(), 2);
    QVERIFY(c.groups[0].items[0].contains(p("total")));
    QVERIFY(!c.groups[0].items[0].contains(p("status")));

    // LSI byName: the table's partition, sorted by name; projection ALL.
    const SampleLayout n = SampleLayout::build(design(), p("byName"), items());
    QCOMPARE(n.partition.name, p("customer"));
    QCOMPARE(n.groups.size(), 1);
    QCOMPARE(keysOf(n.groups[0], p("name")), QStringList({p("a"), p("b")}));
    QVERIFY(n.groups[0].items[0].contains(p("total")));
}

void TestSampleVisualizer::stringOrderIsByBytes()
{
    // UTF-8 byte order: "Z" < "a" < "é" < "𝄞" (U+1D11E sorts after U+FFFD-range text by bytes).
    QCOMPARE(SampleLayout::compareKeys(S("Z"), S("a")) < 0, true);
    QCOMPARE(SampleLayout::compareKeys(uitest::S(QString::fromUtf8("\xef\xbd\xa1")), uitest::S(QString::fromUtf8("\xf0\x9d\x84\x9e"))) < 0, true);
    QCOMPARE(SampleLayout::compareKeys(N("10"), N("9")) > 0, true);
    QCOMPARE(SampleLayout::compareKeys(N("1E+2"), N("100")), 0);
    QCOMPARE(SampleLayout::compareKeys(QJsonObject{{p("B"), p("AQ==")}}, QJsonObject{{p("B"), p("/w==")}}) < 0, true);
}

void TestSampleVisualizer::typedIntoTheGrid()
{
    auto connection = uitest::inMemoryConnection();
    TableDesigner designer(connection.get());
    designer.setDesign(design());
    designer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&designer));
    SampleItemsPanel *panel = designer.samples();
    QTableWidget *grid = panel->grid();
    // The design's key attributes are the first columns.
    QCOMPARE(grid->horizontalHeaderItem(0)->text(), p("customer"));
    QCOMPARE(grid->horizontalHeaderItem(1)->text(), p("seq"));

    auto typeRow = [&](const QStringList &cells) {
        QTest::mouseClick(panel->findChild<QToolButton *>(p("addSampleItem")), Qt::LeftButton);
        const int row = grid->rowCount() - 1;
        for (int c = 0; c < cells.size(); ++c) {
            if (cells[c].isEmpty())
                continue;
            grid->setFocus();
            grid->setCurrentCell(row, c);
            QTest::keyClick(grid, Qt::Key_F2); // opens the cell's editor
            QTRY_VERIFY(QApplication::focusWidget() != grid);
            QTest::keyClicks(QApplication::focusWidget(), cells[c]);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
            QTRY_VERIFY(grid->item(row, c) && grid->item(row, c)->text() == cells[c]);
        }
    };
    // Columns: customer, seq, status, total, city, name.
    typeRow({p("carl"), p("20"), p("OPEN"), p("3")});
    typeRow({p("carl"), p("3"), QString(), p("4")});
    typeRow({p("dora"), p("1"), p("PAID"), p("9")});

    QTableWidget *view = panel->visualizer();
    QCOMPARE(view->rowCount(), 3);
    QVERIFY(view->horizontalHeaderItem(0)->text().startsWith(p("customer")));
    QCOMPARE(view->item(0, 0)->text(), p("carl"));
    QCOMPARE(view->rowSpan(0, 0), 2); // one partition cell over its group
    QCOMPARE(view->item(0, 1)->text(), p("3")); // numeric order: 3 before 20
    QCOMPARE(view->item(1, 1)->text(), p("20"));
    QCOMPARE(view->item(2, 0)->text(), p("dora"));
    // Typed numbers under a Number key are numbers.
    QCOMPARE(panel->items().at(0).toObject().value(p("seq")).toObject(), N("20"));

    // Through the GSI: the item without a status is gone.
    auto *selector = panel->findChild<QComboBox *>(p("sampleViewSelector"));
    selector->setFocus();
    QTest::keyClick(selector, Qt::Key_Down);
    QCOMPARE(panel->view(), p("byStatus"));
    QCOMPARE(view->rowCount(), 2);
    QCOMPARE(view->item(0, 0)->text(), p("OPEN"));
    QVERIFY(panel->findChild<QLabel *>(p("sampleSummary"))->text().contains(p("not in this index (without its key attributes): 1")));
}

void TestSampleVisualizer::loadedFromTable()
{
    auto connection = uitest::inMemoryConnection();
    uitest::createTable(*connection, p("Events"), p("device"), p("at"));
    for (int i = 0; i < 40; ++i)
        uitest::put(*connection, p("Events"), {{p("device"), uitest::S(QStringLiteral("d%1").arg(i % 3))}, {p("at"), uitest::S(QStringLiteral("t%1").arg(i, 2, 10, QLatin1Char('0')))}, {p("v"), uitest::N(QString::number(i))}});
    TableDesigner designer(connection.get());
    QSignalSpy loaded(&designer, &TableDesigner::loaded);
    designer.editTable(p("Events"));
    designer.show();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
    SampleItemsPanel *panel = designer.samples();
    QSignalSpy scanned(panel, &SampleItemsPanel::loaded);
    QTest::mouseClick(panel->findChild<QPushButton *>(p("loadSamples")), Qt::LeftButton);
    QVERIFY(scanned.wait(5000));
    QCOMPARE(scanned.first().first().toInt(), 25); // the first page
    QCOMPARE(panel->grid()->rowCount(), 25);
    const SampleLayout l = SampleLayout::build(designer.design(), QString(), panel->items());
    int total = 0;
    for (const auto &g : l.groups) {
        total += int(g.items.size());
        const QStringList at = keysOf(g, p("at"));
        QStringList sorted = at;
        sorted.sort();
        QCOMPARE(at, sorted);
    }
    QCOMPARE(total, 25);
    QCOMPARE(panel->visualizer()->rowCount(), 25);
    // Loaded numbers stay numbers.
    QCOMPARE(panel->items().at(0).toObject().value(p("v")).toObject().keys().value(0), p("N"));
}

QTEST_MAIN(TestSampleVisualizer)
#include "tst_samplevisualizer.moc"
