// Access patterns: which key serves a query (data-driven over
// resolvePattern: the table's key, an LSI, a GSI, begins_with on a Number
// sort key, none and the GSI that would), the key condition and
// ScanIndexForward shown, and the designer's list driven by keyboard and
// mouse: a pattern no key serves, "Add this index", and then the new GSI
// serves it; patterns are saved with the design.
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

} // namespace

class TestAccessPatterns : public QObject {
    Q_OBJECT
private slots:
    void resolution_data();
    void resolution();
    void addSuggestedIndexByClicking();
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

QTEST_MAIN(TestAccessPatterns)
#include "tst_accesspatterns.moc"
