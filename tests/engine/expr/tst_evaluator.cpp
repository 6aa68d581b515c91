// Evaluator tests: every comparison, logical operator and function of
// condition expressions over all ten attribute types, DynamoDB's rule that
// comparisons across types are false, and project() keeping the item's shape.
#include "exprtestutil.h"

using namespace dd::expr;

namespace {

const QString kItem = QStringLiteral(R"({
  "s": {"S": "hello"}, "n": {"N": "5"}, "b": {"B": "AQID"}, "t": {"BOOL": true}, "f": {"BOOL": false},
  "nul": {"NULL": true}, "u": {"S": "é€"},
  "m": {"M": {"x": {"N": "1"}, "y": {"L": [{"S": "a"}, {"N": "2"}]}}},
  "l": {"L": [{"S": "a"}, {"N": "2"}, {"M": {"z": {"S": "deep"}}}]},
  "ss": {"SS": ["a", "b"]}, "ns": {"NS": ["1", "2"]}, "bs": {"BS": ["AQ==", "Ag=="]},
  "neg": {"N": "-3.5"}, "big": {"N": "100"}
})");

const QString kValues = QStringLiteral(R"({
  ":s_hello": {"S": "hello"}, ":s_other": {"S": "other"}, ":s_a": {"S": "a"}, ":s_c": {"S": "c"}, ":s_z": {"S": "z"},
  ":s_he": {"S": "he"}, ":s_lo": {"S": "lo"}, ":s_ell": {"S": "ell"}, ":s_deep": {"S": "deep"}, ":s_hellp": {"S": "hellp"},
  ":n0": {"N": "0"}, ":n1": {"N": "1"}, ":n2": {"N": "2"}, ":n3": {"N": "3"}, ":n5": {"N": "5"}, ":n5_0": {"N": "5.00"},
  ":n6": {"N": "6"}, ":n9": {"N": "9"}, ":n10": {"N": "10"}, ":n_neg4": {"N": "-4"}, ":n_neg3": {"N": "-3"},
  ":b_01": {"B": "AQ=="}, ":b_02": {"B": "Ag=="}, ":b_big": {"B": "/w=="}, ":b_abc": {"B": "AQID"},
  ":true": {"BOOL": true}, ":false": {"BOOL": false}, ":null": {"NULL": true},
  ":m": {"M": {"y": {"L": [{"S": "a"}, {"N": "2"}]}, "x": {"N": "1.0"}}},
  ":l": {"L": [{"S": "a"}, {"N": "2"}, {"M": {"z": {"S": "deep"}}}]}, ":l_short": {"L": [{"S": "a"}]},
  ":ss_ba": {"SS": ["b", "a"]}, ":ns": {"NS": ["2", "1"]}, ":bs": {"BS": ["Ag==", "AQ=="]}, ":ss_a": {"SS": ["a"]},
  ":tS": {"S": "S"}, ":tN": {"S": "N"}, ":tB": {"S": "B"}, ":tBOOL": {"S": "BOOL"}, ":tNULL": {"S": "NULL"},
  ":tM": {"S": "M"}, ":tL": {"S": "L"}, ":tSS": {"S": "SS"}, ":tNS": {"S": "NS"}, ":tBS": {"S": "BS"}
})");

} // namespace

class TestEvaluator : public QObject {
    Q_OBJECT
private slots:
    void evaluate_data();
    void evaluate();
    void emptyItem();
    void project_data();
    void project();
};

void TestEvaluator::evaluate_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<bool>("expected");

    // = and <> on every type
    QTest::newRow("S =") << "s = :s_hello" << true;
    QTest::newRow("S = other") << "s = :s_other" << false;
    QTest::newRow("N =") << "n = :n5" << true;
    QTest::newRow("N = by value") << "n = :n5_0" << true;
    QTest::newRow("B =") << "b = :b_abc" << true;
    QTest::newRow("B = other") << "b = :b_01" << false;
    QTest::newRow("BOOL =") << "t = :true" << true;
    QTest::newRow("BOOL = other") << "t = :false" << false;
    QTest::newRow("NULL =") << "nul = :null" << true;
    QTest::newRow("M = by members") << "m = :m" << true;
    QTest::newRow("L =") << "l = :l" << true;
    QTest::newRow("L = shorter") << "l = :l_short" << false;
    QTest::newRow("SS = any order") << "ss = :ss_ba" << true;
    QTest::newRow("NS =") << "ns = :ns" << true;
    QTest::newRow("BS =") << "bs = :bs" << true;
    QTest::newRow("SS = subset") << "ss = :ss_a" << false;
    QTest::newRow("<> same") << "s <> :s_hello" << false;
    QTest::newRow("<> different") << "s <> :s_other" << true;
    QTest::newRow("<> other type") << "n <> :s_hello" << true;
    QTest::newRow("<> absent") << "absent <> :n5" << true;
    QTest::newRow("= absent") << "absent = :n5" << false;
    QTest::newRow("= other type") << "n = :s_hello" << false;
    QTest::newRow("path = path") << "m.y[0] = l[0]" << true;
    QTest::newRow("path <> path") << "n <> big" << true;

    // ordering: S by bytes, N by value, B by unsigned bytes
    QTest::newRow("N < numeric not lexical") << "n < :n10" << true;
    QTest::newRow("N > ") << "n > :n10" << false;
    QTest::newRow("N <= equal") << "n <= :n5" << true;
    QTest::newRow("N >= equal") << "n >= :n5" << true;
    QTest::newRow("N < equal") << "n < :n5" << false;
    QTest::newRow("N negative") << "neg < :n_neg3" << true;
    QTest::newRow("N negative >") << "neg > :n_neg4" << true;
    QTest::newRow("S <") << "s < :s_z" << true;
    QTest::newRow("S >") << "s > :s_a" << true;
    QTest::newRow("S prefix is less") << "s > :s_he" << true;
    QTest::newRow("S <=") << "s <= :s_hellp" << true;
    QTest::newRow("B <") << "b < :b_big" << true;
    QTest::newRow("B > shorter prefix") << "b > :b_01" << true;
    QTest::newRow("B >=") << "b >= :b_02" << false;
    QTest::newRow("< across types") << "n < :s_z" << false;
    QTest::newRow("> across types") << "s > :n1" << false;
    QTest::newRow("< absent") << "absent < :n5" << false;
    QTest::newRow("< on BOOL path") << "t > :n0" << false;
    QTest::newRow("< on set path") << "ss > n" << false;
    QTest::newRow("path < path") << "m.x < n" << true;

    // BETWEEN and IN
    QTest::newRow("between") << "n BETWEEN :n1 AND :n10" << true;
    QTest::newRow("between inclusive low") << "n BETWEEN :n5 AND :n10" << true;
    QTest::newRow("between inclusive high") << "n BETWEEN :n1 AND :n5" << true;
    QTest::newRow("between below") << "n BETWEEN :n6 AND :n10" << false;
    QTest::newRow("between strings") << "s BETWEEN :s_a AND :s_z" << true;
    QTest::newRow("between other type") << "n BETWEEN :s_a AND :s_z" << false;
    QTest::newRow("between absent") << "absent BETWEEN :n1 AND :n10" << false;
    QTest::newRow("between binary") << "b BETWEEN :b_01 AND :b_big" << true;
    QTest::newRow("in") << "n IN (:n1, :n5)" << true;
    QTest::newRow("in none") << "n IN (:n1, :n2)" << false;
    QTest::newRow("in other type") << "s IN (:n1, :n5)" << false;
    QTest::newRow("in absent") << "absent IN (:n1)" << false;
    QTest::newRow("in map") << "m IN (:n1, :m)" << true;
    QTest::newRow("in path") << "m.x IN (:n9, n, l[1], :n1)" << true;

    // logical operators and precedence
    QTest::newRow("and true") << "n = :n5 AND s = :s_hello" << true;
    QTest::newRow("and false") << "n = :n5 AND s = :s_other" << false;
    QTest::newRow("or") << "n = :n1 OR s = :s_hello" << true;
    QTest::newRow("or false") << "n = :n1 OR s = :s_other" << false;
    QTest::newRow("not") << "NOT n = :n5" << false;
    QTest::newRow("not binds tighter than and") << "NOT n = :n1 AND n = :n5" << true;
    QTest::newRow("not parentheses") << "NOT (n = :n1 OR n = :n5)" << false;
    QTest::newRow("and before or") << "n = :n5 OR n = :n1 AND s = :s_other" << true;
    QTest::newRow("parentheses first") << "(n = :n5 OR n = :n1) AND s = :s_other" << false;
    QTest::newRow("and before or, left") << "n = :n1 AND s = :s_hello OR n = :n5" << true;

    // document paths
    QTest::newRow("map member") << "m.x = :n1" << true;
    QTest::newRow("map list element") << "m.y[1] = :n2" << true;
    QTest::newRow("list map member") << "l[2].z = :s_deep" << true;
    QTest::newRow("index past end") << "l[5] = :n2" << false;
    QTest::newRow("index into number") << "m.x[0] = :n1" << false;
    QTest::newRow("member of string") << "s.x = :s_hello" << false;
    QTest::newRow("member of list") << "l.x = :s_a" << false;
    QTest::newRow("index of map") << "m[0] = :n1" << false;

    // functions
    QTest::newRow("attribute_exists") << "attribute_exists(s)" << true;
    QTest::newRow("attribute_exists NULL") << "attribute_exists(nul)" << true;
    QTest::newRow("attribute_exists absent") << "attribute_exists(absent)" << false;
    QTest::newRow("attribute_exists nested") << "attribute_exists(m.y[1])" << true;
    QTest::newRow("attribute_exists nested absent") << "attribute_exists(m.y[9])" << false;
    QTest::newRow("attribute_not_exists") << "attribute_not_exists(absent)" << true;
    QTest::newRow("attribute_not_exists present") << "attribute_not_exists(s)" << false;
    QTest::newRow("attribute_type S") << "attribute_type(s, :tS)" << true;
    QTest::newRow("attribute_type N") << "attribute_type(n, :tN)" << true;
    QTest::newRow("attribute_type B") << "attribute_type(b, :tB)" << true;
    QTest::newRow("attribute_type BOOL") << "attribute_type(t, :tBOOL)" << true;
    QTest::newRow("attribute_type NULL") << "attribute_type(nul, :tNULL)" << true;
    QTest::newRow("attribute_type M") << "attribute_type(m, :tM)" << true;
    QTest::newRow("attribute_type L") << "attribute_type(l, :tL)" << true;
    QTest::newRow("attribute_type SS") << "attribute_type(ss, :tSS)" << true;
    QTest::newRow("attribute_type NS") << "attribute_type(ns, :tNS)" << true;
    QTest::newRow("attribute_type BS") << "attribute_type(bs, :tBS)" << true;
    QTest::newRow("attribute_type wrong") << "attribute_type(n, :tS)" << false;
    QTest::newRow("attribute_type absent") << "attribute_type(absent, :tS)" << false;
    QTest::newRow("begins_with S") << "begins_with(s, :s_he)" << true;
    QTest::newRow("begins_with S no") << "begins_with(s, :s_lo)" << false;
    QTest::newRow("begins_with whole") << "begins_with(s, :s_hello)" << true;
    QTest::newRow("begins_with B") << "begins_with(b, :b_01)" << true;
    QTest::newRow("begins_with B no") << "begins_with(b, :b_02)" << false;
    QTest::newRow("begins_with other type") << "begins_with(n, :s_he)" << false;
    QTest::newRow("begins_with S and B") << "begins_with(s, :b_01)" << false;
    QTest::newRow("begins_with absent") << "begins_with(absent, :s_he)" << false;
    QTest::newRow("contains S") << "contains(s, :s_ell)" << true;
    QTest::newRow("contains S no") << "contains(s, :s_z)" << false;
    QTest::newRow("contains SS") << "contains(ss, :s_a)" << true;
    QTest::newRow("contains SS no") << "contains(ss, :s_c)" << false;
    QTest::newRow("contains NS") << "contains(ns, :n1)" << true;
    QTest::newRow("contains NS wrong type") << "contains(ns, :s_a)" << false;
    QTest::newRow("contains BS") << "contains(bs, :b_01)" << true;
    QTest::newRow("contains B") << "contains(b, :b_02)" << true;
    QTest::newRow("contains L S") << "contains(l, :s_a)" << true;
    QTest::newRow("contains L N") << "contains(l, :n2)" << true;
    QTest::newRow("contains L no") << "contains(l, :n9)" << false;
    QTest::newRow("contains N") << "contains(n, :n5)" << false;
    QTest::newRow("contains absent") << "contains(absent, :s_a)" << false;
    QTest::newRow("contains path operand") << "contains(ss, l[0])" << true;
    QTest::newRow("size S") << "size(s) = :n5" << true;
    QTest::newRow("size S counts UTF-8 bytes") << "size(u) = :n5" << true;
    QTest::newRow("size B") << "size(b) = :n3" << true;
    QTest::newRow("size SS") << "size(ss) = :n2" << true;
    QTest::newRow("size NS") << "size(ns) = :n2" << true;
    QTest::newRow("size BS") << "size(bs) = :n2" << true;
    QTest::newRow("size L") << "size(l) = :n3" << true;
    QTest::newRow("size M") << "size(m) = :n2" << true;
    QTest::newRow("size nested") << "size(m.y) > :n1" << true;
    QTest::newRow("size N has none") << "size(n) = :n1" << false;
    QTest::newRow("size N <>") << "size(n) <> :n1" << true;
    QTest::newRow("size BOOL") << "size(t) > :n0" << false;
    QTest::newRow("size NULL") << "size(nul) >= :n0" << false;
    QTest::newRow("size absent") << "size(absent) = :n0" << false;
    QTest::newRow("size between") << "size(s) BETWEEN :n3 AND :n9" << true;
    QTest::newRow("size in") << "size(ss) IN (:n1, :n2)" << true;
    QTest::newRow("size compared to path") << "size(ss) = m.y[1]" << true;
}

void TestEvaluator::evaluate()
{
    QFETCH(QString, condition);
    QFETCH(bool, expected);
    Expressions e = exprtest::expressions(QString(), kValues);
    auto c = e.condition(condition, QStringLiteral("ConditionExpression"));
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message()));
    auto r = dd::expr::evaluate(**c, exprtest::item(kItem));
    QVERIFY(r.ok());
    QCOMPARE(*r, expected);
}

void TestEvaluator::emptyItem()
{
    Expressions e = exprtest::expressions(QString(), kValues);
    const dd::model::Item empty;
    auto check = [&](const char *text, bool expected) {
        auto c = e.condition(QString::fromLatin1(text), QStringLiteral("ConditionExpression"));
        QVERIFY(c.ok());
        auto r = dd::expr::evaluate(**c, empty);
        QVERIFY(r.ok());
        QCOMPARE(*r, expected);
    };
    check("attribute_not_exists(s)", true);
    check("attribute_exists(s)", false);
    check("NOT s = :s_hello", true);
    check("s <> :s_hello", true);
    check("size(s) < :n1", false);
}

void TestEvaluator::project_data()
{
    QTest::addColumn<QString>("projection");
    QTest::addColumn<QString>("expected");

    QTest::newRow("top level") << "s, n" << R"({"s":{"S":"hello"},"n":{"N":"5"}})";
    QTest::newRow("map member keeps shape") << "m.x" << R"({"m":{"M":{"x":{"N":"1"}}}})";
    QTest::newRow("list elements compacted in order")
        << "l[2], l[0]" << R"({"l":{"L":[{"S":"a"},{"M":{"z":{"S":"deep"}}}]}})";
    QTest::newRow("list element member") << "l[2].z" << R"({"l":{"L":[{"M":{"z":{"S":"deep"}}}]}})";
    QTest::newRow("absent skipped") << "absent, s" << R"({"s":{"S":"hello"}})";
    QTest::newRow("absent index skipped") << "l[7], l[1]" << R"({"l":{"L":[{"N":"2"}]}})";
    QTest::newRow("siblings merged")
        << "m.y[1], m.x" << R"({"m":{"M":{"x":{"N":"1"},"y":{"L":[{"N":"2"}]}}}})";
    QTest::newRow("member of scalar skipped") << "s.x" << R"({})";
    QTest::newRow("whole container") << "m" << R"({"m":{"M":{"x":{"N":"1"},"y":{"L":[{"S":"a"},{"N":"2"}]}}}})";
    QTest::newRow("all absent") << "nope, m.nope" << R"({})";
}

void TestEvaluator::project()
{
    QFETCH(QString, projection);
    QFETCH(QString, expected);
    Expressions e = exprtest::expressions(QString(), QString());
    auto p = e.projection(projection);
    QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message()));
    const dd::model::Item out = dd::expr::project(projectedPaths(**p), exprtest::item(kItem));
    QCOMPARE(exprtest::json(out), exprtest::canonical(expected));
}

QTEST_APPLESS_MAIN(TestEvaluator)
#include "tst_evaluator.moc"
