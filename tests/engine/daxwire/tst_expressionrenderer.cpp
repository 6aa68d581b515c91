// DAX expression trees back to DynamoDB's text, from the JS client's
// captured encodings: a placeholder for every name (shared by a request's
// expressions) and every value (one prefix per expression), AND/OR/NOT
// operands in parentheses, update actions gathered into their clauses,
// projections as ordinal paths plus the projection the engine is asked
// for; and what cannot become text refused.
#include "daxwire/cbor.h"
#include "daxwire/expressionrenderer.h"
#include "cborbuilders.h"

#include <QJsonDocument>
#include <QTest>

using namespace dd::daxwire;

using namespace dd::test::cbor;

namespace {

QJsonObject json(const char *text) { return QJsonDocument::fromJson(QByteArray(text).replace('\'', '"')).object(); }
QString q(const char *s) { return QString::fromUtf8(s); }

QByteArray index(int n) { return hex("d90cfc") + i(n); }
QByteArray path(std::initializer_list<QByteArray> elements)
{
    QByteArray o;
    CborWriter(&o).arrayHeader(elements.size() + 1);
    o += i(18);
    for (const QByteArray &e : elements)
        o += e;
    return o;
}
QByteArray expression(const QByteArray &spec, const QByteArray &values) { return arr({i(1), spec, values}); }

} // namespace

class TestExpressionRenderer : public QObject {
    Q_OBJECT
private slots:
    void keyConditionFromClient();
    void conditionFromClient();
    void updateFromClient();
    void projectionFromClient();
    void projectionCutsListIndexes();
    void sharedNamesSeparateValues();
    void refusesWhatIsNotAnExpression_data();
    void refusesWhatIsNotAnExpression();
    void valueAtPath();
};

void TestExpressionRenderer::keyConditionFromClient()
{
    // 'pk = :y AND sk >= :x', :y = 'hi', :x = 1.5 (captured)
    const QByteArray bytes = hex("830183068300821262706b821100830382126273 6b821101826268 69fb3ff8000000000000");
    QJsonObject names, values;
    ExpressionRenderer r(&names, &values);
    const auto text = r.condition(bytes, q("k"));
    QVERIFY2(text.ok(), qPrintable(text.ok() ? QString() : text.error().message()));
    QCOMPARE(*text, q("(#n0 = :k0) AND (#n1 >= :k1)"));
    QCOMPARE(names, json("{'#n0': 'pk', '#n1': 'sk'}"));
    QCOMPARE(values, json("{':k0': {'S': 'hi'}, ':k1': {'N': '1.5'}}"));
}

void TestExpressionRenderer::conditionFromClient()
{
    // 'attribute_exists(#a) AND NOT (x.y[2].z = :x OR begins_with(b, :y)) AND c IN (:x, :y) AND size(d) BETWEEN :x AND :n'
    // with #a = 'my attr', :x = 1.5, :y = 'hi', :n = 12345678901234567890123: the client's tree
    // (AND chains nest to the left; a value used twice is sent twice).
    const QByteArray exists = arr({i(11), path({t("my attr")})});
    const QByteArray equal = arr({i(0), path({t("x"), t("y"), index(2), t("z")}), var(0)});
    const QByteArray begins = arr({i(14), path({t("b")}), var(1)});
    const QByteArray notOr = arr({i(8), arr({i(7), equal, begins})});
    const QByteArray in = arr({i(10), path({t("c")}), arr({var(2), var(1)})});
    const QByteArray between = arr({i(9), arr({i(16), path({t("d")})}), var(2), var(3)});
    const QByteArray spec = arr({i(6), arr({i(6), arr({i(6), exists, notOr}), in}), between});
    const QByteArray values = arr({hex("fb3ff8000000000000"), t("hi"), hex("fb3ff8000000000000"), hex("c24a029d42b64e76714244cb")});
    QJsonObject names, exprValues;
    ExpressionRenderer r(&names, &exprValues);
    const auto text = r.condition(expression(spec, values), q("c"));
    QVERIFY(text.ok());
    QCOMPARE(*text, q("(((attribute_exists(#n0)) AND (NOT ((#n1.#n2[2].#n3 = :c0) OR (begins_with(#n4, :c1))))) "
                      "AND (#n5 IN (:c2, :c1))) AND (size(#n6) BETWEEN :c2 AND :c3)"));
    QCOMPARE(names, json("{'#n0': 'my attr', '#n1': 'x', '#n2': 'y', '#n3': 'z', '#n4': 'b', '#n5': 'c', '#n6': 'd'}"));
    QCOMPARE(exprValues, json("{':c0': {'N': '1.5'}, ':c1': {'S': 'hi'}, ':c2': {'N': '1.5'}, ':c3': {'N': '12345678901234567890123'}}"));
}

void TestExpressionRenderer::updateFromClient()
{
    // 'SET a = :x + :x, b.c[0] = list_append(if_not_exists(b.c, :z), :z) REMOVE e[1] ADD f :s DELETE g :s'
    const QByteArray set1 = arr({i(19), path({t("a")}), arr({i(25), var(0), var(1)})});
    const QByteArray set2 = arr({i(19), path({t("b"), t("c"), index(0)}),
                                 arr({i(24), arr({i(23), path({t("b"), t("c")}), var(2)}), var(2)})});
    const QByteArray remove = arr({i(22), path({t("e"), index(1)})});
    const QByteArray add = arr({i(20), path({t("f")}), var(3)});
    const QByteArray del = arr({i(21), path({t("g")}), var(3)});
    const QByteArray values = arr({hex("fb3ff8000000000000"), hex("fb3ff8000000000000"), arr({i(1), hex("f5")}), hex("d90cf9826161 6162")});
    QJsonObject names, exprValues;
    ExpressionRenderer r(&names, &exprValues);
    // Actions of one clause may come apart in the tree; each clause keeps their order.
    const auto text = r.update(expression(arr({set1, remove, add, set2, del}), values), q("u"));
    QVERIFY2(text.ok(), qPrintable(text.ok() ? QString() : text.error().message()));
    QCOMPARE(*text, q("SET #n0 = :u0 + :u1, #n3.#n4[0] = list_append(if_not_exists(#n3.#n4, :u2), :u2) "
                      "REMOVE #n1[1] ADD #n2 :u3 DELETE #n5 :u3"));
    QCOMPARE(exprValues.value(q(":u2")).toObject(), json("{'L': [{'N': '1'}, {'BOOL': true}]}"));
    QCOMPARE(exprValues.value(q(":u3")).toObject(), json("{'SS': ['a', 'b']}"));
}

void TestExpressionRenderer::projectionFromClient()
{
    // 'a, #a.b[3], c' with #a = 'my attr' (captured)
    const QByteArray bytes = hex("820183821261618412676d7920617474726162d90cfc0382126163");
    QJsonObject names, values;
    ExpressionRenderer r(&names, &values);
    const auto p = r.projection(bytes);
    QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message()));
    QCOMPARE(p->paths.size(), size_t(3));
    QCOMPARE(p->paths[1], (DocumentPath{q("my attr"), q("b"), 3}));
    QCOMPARE(p->text, q("#n0, #n1.#n2, #n3"));
    QCOMPARE(names, json("{'#n0': 'a', '#n1': 'my attr', '#n2': 'b', '#n3': 'c'}"));
    QVERIFY(values.isEmpty());
}

void TestExpressionRenderer::projectionCutsListIndexes()
{
    // 'l[2], l[0].x, m.n, m.n' : the engine is asked for l once and m.n twice
    // (two equal paths are DynamoDB's error to report).
    const QByteArray spec = arr({path({t("l"), index(2)}), path({t("l"), index(0), t("x")}), path({t("m"), t("n")}), path({t("m"), t("n")})});
    QJsonObject names, values;
    ExpressionRenderer r(&names, &values);
    const auto p = r.projection(arr({i(1), spec}));
    QVERIFY(p.ok());
    QCOMPARE(p->text, q("#n0, #n1.#n2, #n1.#n2"));
    QCOMPARE(p->paths[1], (DocumentPath{q("l"), 0, q("x")}));
}

void TestExpressionRenderer::sharedNamesSeparateValues()
{
    QJsonObject names, values;
    ExpressionRenderer r(&names, &values);
    const QByteArray condition = expression(arr({i(0), path({t("a")}), var(0)}), arr({t("old")}));
    const QByteArray update = expression(arr({arr({i(19), path({t("a")}), var(0)})}), arr({t("new")}));
    QCOMPARE(*r.condition(condition, q("c")), q("#n0 = :c0"));
    QCOMPARE(*r.update(update, q("u")), q("SET #n0 = :u0"));
    QCOMPARE(names, json("{'#n0': 'a'}"));
    QCOMPARE(values, json("{':c0': {'S': 'old'}, ':u0': {'S': 'new'}}"));
}

void TestExpressionRenderer::refusesWhatIsNotAnExpression_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("not cbor") << hex("ff");
    QTest::newRow("format 2") << arr({i(2), arr({i(11), path({t("a")})}), arr({})});
    QTest::newRow("no values") << arr({i(1), arr({i(11), path({t("a")})})});
    QTest::newRow("unknown code") << expression(arr({i(99), path({t("a")})}), arr({}));
    QTest::newRow("value out of range") << expression(arr({i(0), path({t("a")}), var(1)}), arr({t("x")}));
    QTest::newRow("negative value index") << expression(arr({i(0), path({t("a")}), var(-1)}), arr({t("x")}));
    QTest::newRow("path starting with an index") << expression(arr({i(11), path({index(0)})}), arr({}));
    QTest::newRow("empty path") << expression(arr({i(11), path({})}), arr({}));
    QTest::newRow("AND of one") << expression(arr({i(6), arr({i(11), path({t("a")})})}), arr({}));
    QTest::newRow("not a node") << expression(t("a = b"), arr({}));
    QTest::newRow("bad value") << expression(arr({i(0), path({t("a")}), var(0)}), arr({hex("d86401")}));
}

void TestExpressionRenderer::refusesWhatIsNotAnExpression()
{
    QFETCH(QByteArray, bytes);
    QJsonObject names, values;
    ExpressionRenderer r(&names, &values);
    const auto text = r.condition(bytes, q("c"));
    QVERIFY(!text.ok());
    QCOMPARE(text.error().type(), q("ValidationException"));
}

void TestExpressionRenderer::valueAtPath()
{
    const QJsonObject item = json("{'a': {'M': {'b': {'L': [{'S': 'x'}, {'M': {'c': {'N': '1'}}}]}}}, 'k': {'S': 'v'}}");
    QCOMPARE(dd::daxwire::valueAtPath(item, {q("k")}), json("{'S': 'v'}"));
    QCOMPARE(dd::daxwire::valueAtPath(item, {q("a"), q("b"), 1, q("c")}), json("{'N': '1'}"));
    QCOMPARE(dd::daxwire::valueAtPath(item, {q("a"), q("b"), 0}), json("{'S': 'x'}"));
    QVERIFY(!dd::daxwire::valueAtPath(item, {q("a"), q("b"), 2}));
    QVERIFY(!dd::daxwire::valueAtPath(item, {q("a"), 0}));
    QVERIFY(!dd::daxwire::valueAtPath(item, {q("k"), q("x")}));
    QVERIFY(!dd::daxwire::valueAtPath(item, {q("missing")}));
}

QTEST_APPLESS_MAIN(TestExpressionRenderer)
#include "tst_expressionrenderer.moc"
