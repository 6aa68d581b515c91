// Access patterns: which key serves a query (data-driven over
// resolvePattern: the table's key, an LSI, a GSI, begins_with on a Number
// sort key, none and the GSI that would), the key condition and
// ScanIndexForward shown, and the designer's list driven by keyboard and
// mouse: a pattern no key serves, "Add this index", and then the new GSI
// serves it; patterns are saved with the design. GSIs with a multi-attribute
// key: one serves a pattern only when its partition key is the pattern's one
// attribute and the pattern's sort attribute is its first; otherwise the
// reason names the index and what a Query of it needs.
#include "designer/accesspatternpanel.h"
#include "designer/accesspatternrow.h"
#include "designer/indexrow.h"
#include "designer/patternresolution.h"
#include "designer/tabledesigner.h"
#include "uitest.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>

using namespace dd::ui;

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

// Orders: customerId / orderDate (N); LSI byStatus (status); GSI byProduct (productId / orderDate), KEYS_ONLY.
TableDesign orders()
{
    TableDesign d;
    d.tableName = p("Orders");
    d.partition = {p("customerId"), p("S")};
    d.sort = {p("orderDate"), p("N")};
    d.indexes.append({false, p("byStatus"), d.partition, {p("status"), p("S")}});
    IndexDesign gsi{true, p("byProduct"), {p("productId"), p("S")}, {p("orderDate"), p("N")}};
    gsi.projection = p("KEYS_ONLY");
    d.indexes.append(gsi);
    return d;
}

// Matches: matchId; GSI byRound (tenant S, year N / area S, round N, tag S);
// GSI byPlayer (player S / season N, score N).
TableDesign matches()
{
    TableDesign d;
    d.tableName = p("Matches");
    d.partition = {p("matchId"), p("S")};
    d.indexes.append({true, p("byRound"), {p("tenant"), p("S")}, {p("area"), p("S")}, {{p("year"), p("N")}},
                      {{p("round"), p("N")}, {p("tag"), p("S")}}});
    d.indexes.append({true, p("byPlayer"), {p("player"), p("S")}, {p("season"), p("N")}, {}, {{p("score"), p("N")}}});
    return d;
}

} // namespace

class TestAccessPatterns : public QObject {
    Q_OBJECT
private slots:
    void resolution_data();
    void resolution();
    void addSuggestedIndexByClicking();
    void multiAttributeKeys_data();
    void multiAttributeKeys();
    void multiAttributeKeyInTheList();
};

void TestAccessPatterns::resolution_data()
{
    QTest::addColumn<QString>("partition");
    QTest::addColumn<QString>("sort");
    QTest::addColumn<QString>("op");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("index");
    QTest::addColumn<QString>("condition"); // key condition, or for None the suggested index name

    using K = PatternResolution::Kind;
    QTest::newRow("incomplete") << "" << "" << "=" << false << int(K::Incomplete) << "" << "";
    QTest::newRow("table partition only") << "customerId" << "" << "=" << false << int(K::Table) << "" << "customerId = :customerId";
    QTest::newRow("table newest first") << "customerId" << "orderDate" << ">" << true << int(K::Table) << ""
                                        << "customerId = :customerId AND orderDate > :orderDate";
    QTest::newRow("table between") << "customerId" << "orderDate" << "between" << false << int(K::Table) << ""
                                   << "customerId = :customerId AND orderDate BETWEEN :orderDateLow AND :orderDateHigh";
    QTest::newRow("lsi with a reserved word") << "customerId" << "status" << "=" << false << int(K::Local) << "byStatus"
                                              << "customerId = :customerId AND #status = :status";
    QTest::newRow("lsi begins_with") << "customerId" << "status" << "begins_with" << false << int(K::Local) << "byStatus"
                                     << "customerId = :customerId AND begins_with(#status, :status)";
    QTest::newRow("gsi") << "productId" << "orderDate" << "<=" << true << int(K::Global) << "byProduct"
                         << "productId = :productId AND orderDate <= :orderDate";
    QTest::newRow("begins_with on a number") << "customerId" << "orderDate" << "begins_with" << false << int(K::None) << ""
                                             << "";
    QTest::newRow("no key on email") << "email" << "" << "=" << false << int(K::None) << "" << "email-index";
    QTest::newRow("gsi sorted by another") << "productId" << "price" << "<" << false << int(K::None) << "" << "productId-price-index";
}

void TestAccessPatterns::resolution()
{
    QFETCH(QString, partition);
    QFETCH(QString, sort);
    QFETCH(QString, op);
    QFETCH(bool, descending);
    QFETCH(int, kind);
    QFETCH(QString, index);
    QFETCH(QString, condition);
    const AccessPattern pattern{p("a query"), partition, sort, op, descending};
    const PatternResolution r = resolvePattern(orders(), pattern);
    QCOMPARE(int(r.kind), kind);
    QCOMPARE(r.index, index);
    if (r.kind == PatternResolution::Kind::None && condition.isEmpty()) {
        QVERIFY(r.suggestion.name.isEmpty()); // no index could: the attribute is a Number everywhere
        QVERIFY(r.summary().contains(p("begins_with needs a String or Binary sort key")));
    } else if (r.kind == PatternResolution::Kind::None) {
        QCOMPARE(r.suggestion.name, condition);
        QVERIFY(r.suggestion.global);
        QCOMPARE(r.suggestion.partition.name, partition);
        QCOMPARE(r.suggestion.sort.name, sort);
        // A suggested GSI always makes a valid design that then serves the pattern.
        TableDesign d = orders();
        d.indexes.append(r.suggestion);
        QVERIFY(d.validate().isEmpty());
        QCOMPARE(int(resolvePattern(d, pattern).kind), int(PatternResolution::Kind::Global));
    } else if (r.kind != PatternResolution::Kind::Incomplete) {
        QCOMPARE(r.keyCondition, condition);
        QCOMPARE(r.scanIndexForward, !descending);
        QCOMPARE(r.summary().contains(p("ScanIndexForward=false")), descending);
    }
    if (index == p("byProduct"))
        QCOMPARE(r.projection, p("KEYS_ONLY"));
}

void TestAccessPatterns::addSuggestedIndexByClicking()
{
    auto connection = uitest::inMemoryConnection();
    TableDesigner designer(connection.get());
    designer.setDesign(orders());
    designer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&designer));
    designer.sideTabs()->setCurrentWidget(designer.patterns());

    QTest::mouseClick(designer.findChild<QPushButton *>(p("addAccessPattern")), Qt::LeftButton);
    AccessPatternRow *row = designer.patterns()->rows().value(0);
    QVERIFY(row);
    QTest::keyClicks(row->findChild<QLineEdit *>(p("patternName")), p("Orders by email, newest first"));
    QTest::keyClicks(row->findChild<QComboBox *>(p("patternPartition"))->lineEdit(), p("email"));
    QTest::keyClicks(row->findChild<QComboBox *>(p("patternSort"))->lineEdit(), p("orderDate"));
    auto *order = row->findChild<QComboBox *>(p("patternOrder"));
    order->setFocus();
    QTest::keyClick(order, Qt::Key_Down); // descending
    auto *result = row->findChild<QLabel *>(p("patternResult"));
    QVERIFY2(result->text().contains(p("add a global index on (email, orderDate)")), qPrintable(result->text()));
    auto *addIndex = row->findChild<QPushButton *>(p("addSuggestedIndex"));
    QTRY_VERIFY(addIndex->isVisible()); // a row added to a shown list shows on the next turn of the event loop

    QTest::mouseClick(addIndex, Qt::LeftButton);
    const auto rows = designer.findChildren<IndexRow *>();
    QCOMPARE(rows.size(), 3);
    const IndexDesign added = rows.last()->design();
    QCOMPARE(added.name, p("email-orderDate-index"));
    QCOMPARE(added.sort.type, p("N")); // orderDate is already a Number key
    QVERIFY2(result->text().startsWith(p("Query on global index email-orderDate-index")), qPrintable(result->text()));
    QVERIFY(result->text().contains(p("ScanIndexForward=false")));
    QVERIFY(!addIndex->isVisible());
    QVERIFY(designer.findChild<QPushButton *>(p("createTable"))->isEnabled());
    QCOMPARE(designer.design().patterns.size(), 1);
    QCOMPARE(designer.design().patterns.first().descending, true);
}

void TestAccessPatterns::multiAttributeKeys_data()
{
    QTest::addColumn<QString>("partition");
    QTest::addColumn<QString>("sort");
    QTest::addColumn<QString>("op");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("index");   // Global: the index; None: the suggested index
    QTest::addColumn<QString>("expected"); // Global: the key condition; None: a part of the summary

    using K = PatternResolution::Kind;
    QTest::newRow("first of two partition attributes")
        << "tenant" << "" << "=" << int(K::None) << "tenant-index" << "global index byRound is partitioned by tenant, year together";
    QTest::newRow("second of two partition attributes")
        << "year" << "" << "=" << int(K::None) << "year-index" << "a Query gives each of them with =";
    QTest::newRow("first sort attribute of two partitions")
        << "tenant" << "area" << "=" << int(K::None) << "tenant-area-index" << "byRound";
    QTest::newRow("one partition attribute") << "player" << "" << "=" << int(K::Global) << "byPlayer" << "player = :player";
    QTest::newRow("first sort attribute") << "player" << "season" << ">" << int(K::Global) << "byPlayer"
                                          << "player = :player AND season > :season";
    QTest::newRow("first sort attribute between") << "player" << "season" << "between" << int(K::Global) << "byPlayer"
                                                  << "player = :player AND season BETWEEN :seasonLow AND :seasonHigh";
    QTest::newRow("second sort attribute") << "player" << "score" << "<" << int(K::None) << "player-score-index"
                                           << "a condition on score needs = on season before it";
    QTest::newRow("third sort attribute") << "tenant" << "tag" << "=" << int(K::None) << "tenant-tag-index" << "byRound";
    QTest::newRow("not a key attribute") << "player" << "tag" << "=" << int(K::None) << "player-tag-index"
                                         << "the key on player sorts by season, score, not tag";
    QTest::newRow("begins_with on a number") << "player" << "season" << "begins_with" << int(K::None) << ""
                                             << "begins_with needs a String or Binary sort key; season is a Number";
}

void TestAccessPatterns::multiAttributeKeys()
{
    QFETCH(QString, partition);
    QFETCH(QString, sort);
    QFETCH(QString, op);
    QFETCH(int, kind);
    QFETCH(QString, index);
    QFETCH(QString, expected);
    const AccessPattern pattern{p("a query"), partition, sort, op, false};
    const PatternResolution r = resolvePattern(matches(), pattern);
    QCOMPARE(int(r.kind), kind);
    if (r.kind == PatternResolution::Kind::Global) {
        QCOMPARE(r.index, index);
        QCOMPARE(r.keyCondition, expected);
        QCOMPARE(r.summary(), QStringLiteral("Query on global index %1: %2").arg(index, expected));
        return;
    }
    QVERIFY(r.index.isEmpty());
    QVERIFY2(r.summary().contains(expected), qPrintable(r.summary()));
    QCOMPARE(r.suggestion.name, index);
    if (index.isEmpty())
        return;
    // The suggestion takes each attribute's type from the multi-attribute keys
    // (year and score are Numbers there), so the design stays valid, and the
    // new index then serves the pattern.
    TableDesign d = matches();
    d.indexes.append(r.suggestion);
    QVERIFY(d.validate().isEmpty());
    const PatternResolution again = resolvePattern(d, pattern);
    QCOMPARE(int(again.kind), int(PatternResolution::Kind::Global));
    QCOMPARE(again.index, index);
}

void TestAccessPatterns::multiAttributeKeyInTheList()
{
    AccessPatternPanel panel;
    panel.setDesign(matches(), {});
    AccessPatternRow *served = panel.addPattern();
    served->setPattern({p("Matches of a player by season"), p("player"), p("season"), p(">="), true});
    AccessPatternRow *notServed = panel.addPattern();
    notServed->setPattern({p("Matches of a tenant"), p("tenant"), QString(), p("="), false});
    QCOMPARE(served->findChild<QLabel *>(p("patternResult"))->text(),
             p("Query on global index byPlayer: player = :player AND season >= :season, ScanIndexForward=false"));
    const QString text = notServed->findChild<QLabel *>(p("patternResult"))->text();
    QVERIFY2(text.startsWith(p("No key or index serves this (global index byRound is partitioned by tenant, year together")), qPrintable(text));
    QVERIFY2(text.endsWith(p("add a global index on (tenant)")), qPrintable(text));
    QCOMPARE(panel.findChild<QLabel *>(p("patternSummary"))->text(), p("1 served, 1 not served"));
    QVERIFY(panel.findChild<QLabel *>(p("multiAttributeNote"))->text().contains(p("byRound, byPlayer")));
}

QTEST_MAIN(TestAccessPatterns)
#include "tst_accesspatterns.moc"
