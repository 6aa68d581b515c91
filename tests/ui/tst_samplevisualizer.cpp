// The sample-items visualizer: items grouped by partition key and ordered
// by sort key in DynamoDB's order (numbers by value, strings by UTF-8
// bytes), seen through a GSI (sparse: items without its keys are absent;
// KEYS_ONLY and INCLUDE projections applied) and an LSI; items typed into
// the grid with the keyboard, and the first page of a Scan loaded from an
// existing table in edit mode. A GSI with a multi-attribute key (2
// partition + 3 sort attributes): grouped by both partition values, ordered
// over the three sort attributes (S by bytes, N by value) one after another,
// items lacking one key attribute (or with another type) absent, KEYS_ONLY
// and INCLUDE keeping every key attribute, and a key column per attribute.
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

// Matches: matchId; three GSIs on (tenant S, year N / area S, round N, tag S):
// byRoundKeys KEYS_ONLY, byRound ALL, byRoundScore INCLUDE score.
TableDesign matches()
{
    TableDesign d;
    d.tableName = p("Matches");
    d.partition = {p("matchId"), p("S")};
    IndexDesign keys{true, p("byRoundKeys"), {p("tenant"), p("S")}, {p("area"), p("S")}, {{p("year"), p("N")}},
                     {{p("round"), p("N")}, {p("tag"), p("S")}}};
    keys.projection = p("KEYS_ONLY");
    IndexDesign all = keys;
    all.name = p("byRound");
    all.projection = p("ALL");
    IndexDesign score = keys;
    score.name = p("byScore");
    score.projection = p("INCLUDE");
    score.included = {p("score")};
    d.indexes << keys << all << score;
    return d;
}

QJsonObject match(const char *id, const char *tenant, const QJsonObject &year, const char *area, const char *round, const char *tag)
{
    QJsonObject m{{p("matchId"), S(id)}, {p("tenant"), S(tenant)}, {p("year"), year}, {p("area"), S(area)},
                  {p("round"), N(round)}, {p("score"), N("7")}, {p("note"), S("x")}};
    if (*tag)
        m.insert(p("tag"), S(tag));
    return m;
}

// Six items in three partitions (acme/2025, globex/2025, acme/2024); m7 lacks
// tag, m8 has year as a String; m9 lacks the table's key.
QJsonArray matchItems()
{
    QJsonArray a{
        match("m1", "acme", N("2025"), "north", "10", "a"),
        match("m2", "acme", N("2025"), "north", "9", "b"),
        match("m3", "globex", N("2025"), "north", "1", "a"),
        match("m4", "acme", N("2024"), "south", "1", "a"),
        match("m5", "acme", N("2025"), "north", "9", "a"),
        match("m6", "acme", N("2025"), "North", "50", "z"), // "N" < "n" by bytes
        match("m7", "acme", N("2025"), "north", "2", ""),
        match("m8", "acme", S("2025"), "north", "3", "a"),
    };
    QJsonObject noTableKey = match("m9", "acme", N("2025"), "north", "4", "a");
    noTableKey.remove(p("matchId"));
    a.append(noTableKey);
    return a;
}

QStringList idsOf(const SampleLayout::Group &g)
{
    QStringList out;
    for (const QJsonObject &item : g.items)
        out << item.value(p("matchId")).toObject().value(p("S")).toString();
    return out;
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
    void multiAttributeGroupsAndOrder();
    void multiAttributeProjection();
    void multiAttributeColumns();
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

void TestSampleVisualizer::multiAttributeGroupsAndOrder()
{
    const SampleLayout l = SampleLayout::build(matches(), p("byRound"), matchItems());
    QCOMPARE(l.partition.name, p("tenant"));
    QCOMPARE(l.sort.name, p("area"));
    QStringList partitions, sorts;
    for (const KeyAttribute &k : l.partitions)
        partitions << k.name + QLatin1Char(' ') + k.type;
    for (const KeyAttribute &k : l.sorts)
        sorts << k.name + QLatin1Char(' ') + k.type;
    QCOMPARE(partitions, QStringList({p("tenant S"), p("year N")}));
    QCOMPARE(sorts, QStringList({p("area S"), p("round N"), p("tag S")}));

    // Grouped by the pair of values, in the order each pair first appears.
    QCOMPARE(l.groups.size(), 3);
    QCOMPARE(l.groups[0].partitionValues, QList<QJsonObject>({S("acme"), N("2025")}));
    QCOMPARE(l.groups[0].partitionValue, S("acme"));
    QCOMPARE(l.groups[1].partitionValues, QList<QJsonObject>({S("globex"), N("2025")}));
    QCOMPARE(l.groups[2].partitionValues, QList<QJsonObject>({S("acme"), N("2024")}));
    // area by bytes ("North" first), then round by value (9 before 10), then tag.
    QCOMPARE(idsOf(l.groups[0]), QStringList({p("m6"), p("m5"), p("m2"), p("m1")}));
    QCOMPARE(idsOf(l.groups[1]), QStringList{p("m3")});
    QCOMPARE(idsOf(l.groups[2]), QStringList{p("m4")});
    // m7 (no tag), m8 (year a String), m9 (no matchId).
    QCOMPARE(l.absent, 3);
    // Every key attribute is a key, not another column.
    QCOMPARE(QSet<QString>(l.attributes.begin(), l.attributes.end()), QSet<QString>({p("matchId"), p("score"), p("note")}));

    // The same items with tag restored are all there.
    QJsonArray tagged = matchItems();
    QJsonObject m7 = tagged[6].toObject();
    m7.insert(p("tag"), S("c"));
    tagged[6] = m7;
    QCOMPARE(SampleLayout::build(matches(), p("byRound"), tagged).absent, 2);
}

void TestSampleVisualizer::multiAttributeProjection()
{
    const QSet<QString> keys{p("matchId"), p("tenant"), p("year"), p("area"), p("round"), p("tag")};
    const SampleLayout k = SampleLayout::build(matches(), p("byRoundKeys"), matchItems());
    QCOMPARE(k.groups.size(), 3);
    for (const SampleLayout::Group &g : k.groups)
        for (const QJsonObject &item : g.items) {
            const QStringList names = item.keys();
            QCOMPARE(QSet<QString>(names.begin(), names.end()), keys);
        }
    QCOMPARE(k.attributes, QStringList{p("matchId")});

    const SampleLayout i = SampleLayout::build(matches(), p("byScore"), matchItems());
    const QStringList names = i.groups[0].items[0].keys();
    QCOMPARE(QSet<QString>(names.begin(), names.end()), keys + QSet<QString>{p("score")});
}

void TestSampleVisualizer::multiAttributeColumns()
{
    SampleItemsPanel panel(nullptr);
    panel.setDesign(matches());
    // The grid's key columns: the table's key, then each index's attributes.
    QStringList gridKeys;
    for (int c = 0; c < 6; ++c)
        gridKeys << panel.grid()->horizontalHeaderItem(c)->text();
    QCOMPARE(gridKeys, QStringList({p("matchId"), p("tenant"), p("year"), p("area"), p("round"), p("tag")}));
    QJsonArray items = matchItems();
    items.removeAt(7); // the grid types year as the key's Number: m8 would not differ
    panel.setItems(items);
    QCOMPARE(panel.items().at(0).toObject().value(p("year")).toObject(), N("2025"));
    panel.setView(p("byRound"));
    QCOMPARE(panel.view(), p("byRound"));

    QTableWidget *view = panel.visualizer();
    QStringList headers;
    for (int c = 0; c < 5; ++c)
        headers << view->horizontalHeaderItem(c)->text();
    QCOMPARE(headers, QStringList({p("tenant (partition key)"), p("year (partition key)"), p("area (sort key)"),
                                   p("round (sort key)"), p("tag (sort key)")}));
    const QColor partitionTint = view->horizontalHeaderItem(0)->background().color();
    const QColor sortTint = view->horizontalHeaderItem(2)->background().color();
    QVERIFY(partitionTint != sortTint);
    QCOMPARE(view->horizontalHeaderItem(1)->background().color(), partitionTint);
    QCOMPARE(view->horizontalHeaderItem(4)->background().color(), sortTint);
    QCOMPARE(view->horizontalHeaderItem(5)->background().style(), Qt::NoBrush);
    QVERIFY(!view->horizontalHeaderItem(5)->text().contains(p("key")));

    QCOMPARE(view->rowCount(), 6);
    // acme / 2025: both partition cells over its four rows.
    QCOMPARE(view->item(0, 0)->text(), p("acme"));
    QCOMPARE(view->item(0, 1)->text(), p("2025"));
    QCOMPARE(view->rowSpan(0, 0), 4);
    QCOMPARE(view->rowSpan(0, 1), 4);
    QCOMPARE(view->item(0, 1)->background().color(), partitionTint);
    QCOMPARE(view->item(0, 0)->toolTip(), QStringLiteral("acme · 2025"));
    QStringList order;
    for (int r = 0; r < 4; ++r)
        order << view->item(r, 2)->text() + QLatin1Char('/') + view->item(r, 3)->text() + QLatin1Char('/') + view->item(r, 4)->text();
    QCOMPARE(order, QStringList({p("North/50/z"), p("north/9/a"), p("north/9/b"), p("north/10/a")}));
    QCOMPARE(view->item(1, 4)->background().color(), sortTint);
    QCOMPARE(view->item(4, 0)->text(), p("globex"));
    QCOMPARE(view->item(4, 1)->text(), p("2025"));
    QCOMPARE(view->item(5, 0)->text(), p("acme"));
    QCOMPARE(view->item(5, 1)->text(), p("2024"));
    const QString summary = panel.findChild<QLabel *>(p("sampleSummary"))->text();
    QVERIFY2(summary.startsWith(QStringLiteral("Partitions: 3 · items: 6")), qPrintable(summary));
    QVERIFY2(summary.contains(p("not in this index (missing at least one of its 5 key attributes): 2")), qPrintable(summary));
}

QTEST_MAIN(TestSampleVisualizer)
#include "tst_samplevisualizer.moc"
