// applyUpdate() tests: SET (values, paths, +, -, if_not_exists,
// list_append, list appends past the end), REMOVE (attributes, members,
// list elements by their original positions), ADD (numbers, sets), DELETE
// (sets), reads from the old item, and AWS's run-time error messages.
#include "exprtestutil.h"

using namespace dd::expr;

namespace {

const QString kItem = QStringLiteral(R"({
  "s": {"S": "hello"}, "n": {"N": "5"}, "d": {"N": "0.1"},
  "m": {"M": {"x": {"N": "1"}, "y": {"L": [{"S": "a"}, {"N": "2"}]}}},
  "l": {"L": [{"S": "a"}, {"S": "b"}, {"S": "c"}, {"S": "d"}]},
  "ss": {"SS": ["a", "b"]}, "ns": {"NS": ["1", "2"]}, "bs": {"BS": ["AQ=="]},
  "top": {"N": "9.9999999999999999999999999999999999999E+125"}
})");

const QString kValues = QStringLiteral(R"({
  ":v": {"S": "new"}, ":w": {"S": "other"}, ":n1": {"N": "1"}, ":d": {"N": "0.2"}, ":neg": {"N": "-7.5"},
  ":l2": {"L": [{"S": "x"}, {"S": "y"}]}, ":empty": {"L": []}, ":map": {"M": {"k": {"S": "v"}}},
  ":ss_c": {"SS": ["c", "a"]}, ":ss_a": {"SS": ["a"]}, ":ss_ab": {"SS": ["a", "b"]}, ":ss_z": {"SS": ["z"]},
  ":ns_23": {"NS": ["2", "3"]}, ":bs_2": {"BS": ["Ag=="]}, ":big": {"N": "1E+125"}
})");

const QString kNoSuchAttribute = QStringLiteral("The provided expression refers to an attribute that does not exist in the item");
const QString kBadType = QStringLiteral("An operand in the update expression has an incorrect data type");
const QString kBadPath = QStringLiteral("The document path provided in the update expression is invalid for update");

} // namespace

class TestUpdate : public QObject {
    Q_OBJECT
private slots:
    void apply_data();
    void apply();
    void errors_data();
    void errors();
    void emptyItem();
    void updatedPathsInOrder();
    void inputItemUnchanged();
    void cachedParseResolvesPerRequest();
};

// `changes` lists the attributes that differ from kItem afterwards: name
// to new value, or to null when removed.
void TestUpdate::apply_data()
{
    QTest::addColumn<QString>("update");
    QTest::addColumn<QString>("changes");

    QTest::newRow("set new") << "SET a = :v" << R"({"a":{"S":"new"}})";
    QTest::newRow("set overwrite") << "SET s = :v" << R"({"s":{"S":"new"}})";
    QTest::newRow("set other type") << "SET s = :n1" << R"({"s":{"N":"1"}})";
    QTest::newRow("set copy") << "SET a = s" << R"({"a":{"S":"hello"}})";
    QTest::newRow("set copy nested") << "SET a = m.y[1]" << R"({"a":{"N":"2"}})";
    QTest::newRow("set itself") << "SET s = s" << R"({})";
    QTest::newRow("set many") << "SET a = :v, b = :w" << R"({"a":{"S":"new"},"b":{"S":"other"}})";
    QTest::newRow("set map") << "SET a = :map" << R"({"a":{"M":{"k":{"S":"v"}}}})";
    QTest::newRow("plus") << "SET n = n + :n1" << R"({"n":{"N":"6"}})";
    QTest::newRow("plus reversed") << "SET n = :n1 + n" << R"({"n":{"N":"6"}})";
    QTest::newRow("minus") << "SET n = :n1 - n" << R"({"n":{"N":"-4"}})";
    QTest::newRow("minus negative") << "SET n = n - :neg" << R"({"n":{"N":"12.5"}})";
    QTest::newRow("exact decimal") << "SET d = d + :d" << R"({"d":{"N":"0.3"}})";
    QTest::newRow("plus two paths") << "SET a = n + m.x" << R"({"a":{"N":"6"}})";
    QTest::newRow("if_not_exists absent") << "SET a = if_not_exists(a, :v)" << R"({"a":{"S":"new"}})";
    QTest::newRow("if_not_exists present") << "SET s = if_not_exists(s, :v)" << R"({})";
    QTest::newRow("if_not_exists other path") << "SET a = if_not_exists(s, :v)" << R"({"a":{"S":"hello"}})";
    QTest::newRow("if_not_exists plus") << "SET c = if_not_exists(c, :n1) + :n1" << R"({"c":{"N":"2"}})";
    QTest::newRow("list_append end") << "SET l = list_append(l, :l2)"
        << R"({"l":{"L":[{"S":"a"},{"S":"b"},{"S":"c"},{"S":"d"},{"S":"x"},{"S":"y"}]}})";
    QTest::newRow("list_append front") << "SET l = list_append(:l2, l)"
        << R"({"l":{"L":[{"S":"x"},{"S":"y"},{"S":"a"},{"S":"b"},{"S":"c"},{"S":"d"}]}})";
    QTest::newRow("list_append values") << "SET a = list_append(:l2, :empty)" << R"({"a":{"L":[{"S":"x"},{"S":"y"}]}})";
    QTest::newRow("list_append if_not_exists")
        << "SET a = list_append(if_not_exists(a, :empty), :l2)" << R"({"a":{"L":[{"S":"x"},{"S":"y"}]}})";
    QTest::newRow("set map member") << "SET m.x = :v" << R"({"m":{"M":{"x":{"S":"new"},"y":{"L":[{"S":"a"},{"N":"2"}]}}}})";
    QTest::newRow("set new map member") << "SET m.z = :v"
        << R"({"m":{"M":{"x":{"N":"1"},"y":{"L":[{"S":"a"},{"N":"2"}]},"z":{"S":"new"}}}})";
    QTest::newRow("set nested list element") << "SET m.y[0] = :v" << R"({"m":{"M":{"x":{"N":"1"},"y":{"L":[{"S":"new"},{"N":"2"}]}}}})";
    QTest::newRow("set list element") << "SET l[1] = :v" << R"({"l":{"L":[{"S":"a"},{"S":"new"},{"S":"c"},{"S":"d"}]}})";
    QTest::newRow("set past end appends") << "SET l[10] = :v"
        << R"({"l":{"L":[{"S":"a"},{"S":"b"},{"S":"c"},{"S":"d"},{"S":"new"}]}})";
    QTest::newRow("set at the largest index appends") << "SET l[4294967294] = :v"
        << R"({"l":{"L":[{"S":"a"},{"S":"b"},{"S":"c"},{"S":"d"},{"S":"new"}]}})";
    QTest::newRow("appends in index order") << "SET l[9] = :v, l[7] = :w"
        << R"({"l":{"L":[{"S":"a"},{"S":"b"},{"S":"c"},{"S":"d"},{"S":"other"},{"S":"new"}]}})";
    QTest::newRow("remove") << "REMOVE s" << R"({"s":null})";
    QTest::newRow("remove absent") << "REMOVE nothing" << R"({})";
    QTest::newRow("remove many") << "REMOVE s, n" << R"({"s":null,"n":null})";
    QTest::newRow("remove member") << "REMOVE m.x" << R"({"m":{"M":{"y":{"L":[{"S":"a"},{"N":"2"}]}}}})";
    QTest::newRow("remove absent member") << "REMOVE m.nothing" << R"({})";
    QTest::newRow("remove list element") << "REMOVE l[0]" << R"({"l":{"L":[{"S":"b"},{"S":"c"},{"S":"d"}]}})";
    QTest::newRow("remove by original positions") << "REMOVE l[0], l[2]" << R"({"l":{"L":[{"S":"b"},{"S":"d"}]}})";
    QTest::newRow("remove by original positions, reversed") << "REMOVE l[3], l[1]" << R"({"l":{"L":[{"S":"a"},{"S":"c"}]}})";
    QTest::newRow("remove past end") << "REMOVE l[17]" << R"({})";
    QTest::newRow("remove past 2^31") << "REMOVE l[2147483648]" << R"({})";
    QTest::newRow("remove then set original index") << "REMOVE l[1] SET l[3] = :v"
        << R"({"l":{"L":[{"S":"a"},{"S":"c"},{"S":"new"}]}})";
    QTest::newRow("set then remove, same result") << "SET l[3] = :v REMOVE l[1]"
        << R"({"l":{"L":[{"S":"a"},{"S":"c"},{"S":"new"}]}})";
    QTest::newRow("remove and append") << "REMOVE l[0] SET l[8] = :v"
        << R"({"l":{"L":[{"S":"b"},{"S":"c"},{"S":"d"},{"S":"new"}]}})";
    QTest::newRow("remove all elements") << "REMOVE l[0], l[1], l[2], l[3]" << R"({"l":{"L":[]}})";
    QTest::newRow("remove nested element") << "REMOVE m.y[0]" << R"({"m":{"M":{"x":{"N":"1"},"y":{"L":[{"N":"2"}]}}}})";
    QTest::newRow("add number") << "ADD n :n1" << R"({"n":{"N":"6"}})";
    QTest::newRow("add number new") << "ADD c :n1" << R"({"c":{"N":"1"}})";
    QTest::newRow("add nested number") << "ADD m.x :n1" << R"({"m":{"M":{"x":{"N":"2"},"y":{"L":[{"S":"a"},{"N":"2"}]}}}})";
    QTest::newRow("add string set") << "ADD ss :ss_c" << R"({"ss":{"SS":["a","b","c"]}})";
    QTest::newRow("add number set") << "ADD ns :ns_23" << R"({"ns":{"NS":["1","2","3"]}})";
    QTest::newRow("add binary set") << "ADD bs :bs_2" << R"({"bs":{"BS":["AQ==","Ag=="]}})";
    QTest::newRow("add set new") << "ADD c :ss_a" << R"({"c":{"SS":["a"]}})";
    QTest::newRow("delete from set") << "DELETE ss :ss_a" << R"({"ss":{"SS":["b"]}})";
    QTest::newRow("delete absent element") << "DELETE ss :ss_z" << R"({})";
    QTest::newRow("delete all removes attribute") << "DELETE ss :ss_ab" << R"({"ss":null})";
    QTest::newRow("delete number set") << "DELETE ns :ns_23" << R"({"ns":{"NS":["1"]}})";
    QTest::newRow("delete from absent") << "DELETE c :ss_a" << R"({})";
    QTest::newRow("all clauses") << "SET a = :v REMOVE s ADD n :n1 DELETE ss :ss_a"
        << R"({"a":{"S":"new"},"s":null,"n":{"N":"6"},"ss":{"SS":["b"]}})";
    QTest::newRow("reads old item") << "REMOVE s SET a = s" << R"({"s":null,"a":{"S":"hello"}})";
    QTest::newRow("reads old item, set first") << "SET a = s REMOVE s" << R"({"s":null,"a":{"S":"hello"}})";
    QTest::newRow("names") << "SET #a = #b" << R"({"a.b":{"S":"hello"}})";
}

void TestUpdate::apply()
{
    QFETCH(QString, update);
    QFETCH(QString, changes);
    Expressions e = exprtest::expressions(update.contains(u'#') ? QStringLiteral(R"({"#a":"a.b","#b":"s"})") : QString(), kValues);
    auto u = e.update(update);
    QVERIFY2(u.ok(), qPrintable(u.ok() ? QString() : u.error().message()));
    auto out = applyUpdate(**u, exprtest::item(kItem));
    QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().message()));

    QJsonObject expected = dd::model::itemToJson(exprtest::item(kItem));
    const QJsonObject delta = exprtest::object(changes);
    for (auto it = delta.begin(); it != delta.end(); ++it) {
        if (it.value().isNull())
            expected.remove(it.key());
        else
            expected.insert(it.key(), it.value());
    }
    QCOMPARE(exprtest::json(*out), exprtest::json(exprtest::item(QString::fromUtf8(QJsonDocument(expected).toJson()))));
}

void TestUpdate::errors_data()
{
    QTest::addColumn<QString>("update");
    QTest::addColumn<QString>("message");

    QTest::newRow("copy absent") << "SET a = nothing" << kNoSuchAttribute;
    QTest::newRow("copy absent nested") << "SET a = m.nothing" << kNoSuchAttribute;
    QTest::newRow("copy written in same update") << "SET x = :v, y = x" << kNoSuchAttribute;
    QTest::newRow("plus absent") << "SET n = nothing + :n1" << kNoSuchAttribute;
    QTest::newRow("plus string") << "SET n = s + :n1" << kBadType;
    QTest::newRow("minus list") << "SET n = :n1 - l" << kBadType;
    QTest::newRow("list_append string") << "SET a = list_append(s, :l2)" << kBadType;
    QTest::newRow("list_append absent") << "SET a = list_append(nothing, :l2)" << kNoSuchAttribute;
    QTest::newRow("list_append map") << "SET a = list_append(:l2, m)" << kBadType;
    QTest::newRow("member of string") << "SET s.x = :v" << kBadPath;
    QTest::newRow("member of list") << "SET l.x = :v" << kBadPath;
    QTest::newRow("member of absent") << "SET nothing.x = :v" << kBadPath;
    QTest::newRow("index of string") << "SET s[0] = :v" << kBadPath;
    QTest::newRow("index of map") << "SET m[0] = :v" << kBadPath;
    QTest::newRow("index of absent") << "SET nothing[0] = :v" << kBadPath;
    QTest::newRow("deep absent") << "SET m.nothing.x = :v" << kBadPath;
    QTest::newRow("remove member of string") << "REMOVE s.x" << kBadPath;
    QTest::newRow("remove member of absent") << "REMOVE nothing.x" << kBadPath;
    QTest::newRow("remove index of string") << "REMOVE s[0]" << kBadPath;
    QTest::newRow("add to string") << "ADD s :n1" << kBadType;
    QTest::newRow("add number set to string set") << "ADD ss :ns_23" << kBadType;
    QTest::newRow("add number to set") << "ADD ss :n1" << kBadType;
    QTest::newRow("add set to number") << "ADD n :ss_a" << kBadType;
    QTest::newRow("delete from number") << "DELETE n :ss_a" << kBadType;
    QTest::newRow("delete other set type") << "DELETE ss :ns_23" << kBadType;
    QTest::newRow("add overflow") << "ADD top :big"
        << "Number overflow. Attempting to store a number with magnitude larger than supported range";
    QTest::newRow("plus overflow") << "SET a = top + :big"
        << "Number overflow. Attempting to store a number with magnitude larger than supported range";
}

void TestUpdate::errors()
{
    QFETCH(QString, update);
    QFETCH(QString, message);
    Expressions e = exprtest::expressions(QString(), kValues);
    auto u = e.update(update);
    QVERIFY2(u.ok(), qPrintable(u.ok() ? QString() : u.error().message()));
    auto out = applyUpdate(**u, exprtest::item(kItem));
    QVERIFY(!out.ok());
    QCOMPARE(out.error().type(), QStringLiteral("ValidationException"));
    QCOMPARE(out.error().message(), message);
}

void TestUpdate::emptyItem()
{
    Expressions e = exprtest::expressions(QString(), kValues);
    auto u = e.update(QStringLiteral("SET a = :v ADD c :n1, t :ss_a REMOVE r DELETE q :ss_a"));
    QVERIFY(u.ok());
    auto out = applyUpdate(**u, dd::model::Item());
    QVERIFY(out.ok());
    QCOMPARE(exprtest::json(*out), exprtest::canonical(QStringLiteral(R"({"a":{"S":"new"},"c":{"N":"1"},"t":{"SS":["a"]}})")));
}

void TestUpdate::updatedPathsInOrder()
{
    Expressions e = exprtest::expressions(QStringLiteral(R"({"#k":"m"})"), kValues);
    auto u = e.update(QStringLiteral("ADD n :n1 SET a = :v, m.y[1] = :w REMOVE #k.z"));
    QVERIFY(u.ok());
    QStringList got;
    for (const Path &p : updatedPaths(**u))
        got << p.toString();
    QCOMPARE(got, (QStringList{QStringLiteral("n"), QStringLiteral("a"), QStringLiteral("m.y[1]"), QStringLiteral("m.z")}));

    // UPDATED_NEW: project() over the updated paths of the new item.
    auto out = applyUpdate(**u, exprtest::item(kItem));
    QVERIFY(out.ok());
    const dd::model::Item updated = project(updatedPaths(**u), *out);
    QCOMPARE(exprtest::json(updated),
             exprtest::canonical(QStringLiteral(R"({"n":{"N":"6"},"a":{"S":"new"},"m":{"M":{"y":{"L":[{"S":"other"}]}}}})")));
}

void TestUpdate::inputItemUnchanged()
{
    Expressions e = exprtest::expressions(QString(), kValues);
    auto u = e.update(QStringLiteral("SET m.x = :v REMOVE l[0]"));
    QVERIFY(u.ok());
    const dd::model::Item before = exprtest::item(kItem);
    const dd::model::Item copy = before;
    auto out = applyUpdate(**u, before);
    QVERIFY(out.ok());
    QVERIFY(before == copy);
    QVERIFY(!(*out == before));
}

QTEST_APPLESS_MAIN(TestUpdate)
// Parsed expressions are cached by text (expr/parsecache.h): the same text
// with other names and values must resolve against those, and a repeated
// syntax error must give the same message.
void TestUpdate::cachedParseResolvesPerRequest()
{
    const QString text = QStringLiteral("SET #c = if_not_exists(#c, :zero) + :one");
    const dd::model::Item empty;
    for (int round = 0; round < 2; ++round) {
        auto a = exprtest::expressions(QStringLiteral(R"({"#c":"a"})"), QStringLiteral(R"({":zero":{"N":"0"},":one":{"N":"1"}})"));
        auto ua = a.update(text);
        QVERIFY(ua.ok());
        QCOMPARE(exprtest::json(applyUpdate(**ua, empty).value()), exprtest::canonical(QStringLiteral(R"({"a":{"N":"1"}})")));
        auto b = exprtest::expressions(QStringLiteral(R"({"#c":"b"})"), QStringLiteral(R"({":zero":{"N":"10"},":one":{"N":"5"}})"));
        auto ub = b.update(text);
        QVERIFY(ub.ok());
        QCOMPARE(exprtest::json(applyUpdate(**ub, empty).value()), exprtest::canonical(QStringLiteral(R"({"b":{"N":"15"}})")));
        auto c = exprtest::expressions(QStringLiteral(R"({"#c":"c"})"), QString());
        const auto uc = c.update(text);
        QVERIFY(!uc.ok());
        QCOMPARE(uc.error().message(), QStringLiteral("Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :zero"));
        auto d = exprtest::expressions(QString(), QString());
        const auto ud = d.update(QStringLiteral("SET = 1"));
        QVERIFY(!ud.ok());
        QCOMPARE(ud.error().message(), QStringLiteral("Invalid UpdateExpression: Syntax error; token: \"=\", near: \"SET = 1\""));
    }
}

#include "tst_update.moc"
