// Validation tests: every static check of the resolve pass and of
// Expressions::fromRequest/checkAllUsed, with AWS's exact messages, and the
// order in which DynamoDB reports several problems.
#include "exprtestutil.h"

using namespace dd::expr;

namespace {

const QString kValues = QStringLiteral(R"({
  ":s": {"S": "x"}, ":s2": {"S": "y"}, ":n": {"N": "1"}, ":n5": {"N": "5"}, ":b": {"B": "AQ=="}, ":t": {"BOOL": true},
  ":null": {"NULL": true}, ":ss": {"SS": ["a"]}, ":ns": {"NS": ["1"]}, ":bs": {"BS": ["AQ=="]},
  ":l": {"L": []}, ":m": {"M": {}}, ":typeS": {"S": "S"}, ":typeX": {"S": "STRING"}
})");
const QString kNames = QStringLiteral(R"({"#a": "a", "#b": "b", "#size": "size"})");

QString repeatedIn(int n)
{
    QStringList vals;
    for (int i = 0; i < n; ++i)
        vals << QStringLiteral(":n");
    return QStringLiteral("a IN (%1)").arg(vals.join(QStringLiteral(", ")));
}

QString deepPath(int levels)
{
    QString p = QStringLiteral("a");
    for (int i = 1; i < levels; ++i)
        p += QStringLiteral(".b");
    return p;
}

} // namespace

class TestValidation : public QObject {
    Q_OBJECT
private slots:
    void expression_data();
    void expression();
    void unused_data();
    void unused();
    void request_data();
    void request();
};

void TestValidation::expression_data()
{
    QTest::addColumn<QString>("kind"); // ConditionExpression, FilterExpression, UpdateExpression, ProjectionExpression
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message"); // empty: valid

    const QString cond = QStringLiteral("ConditionExpression");
    const QString filter = QStringLiteral("FilterExpression");
    const QString upd = QStringLiteral("UpdateExpression");
    const QString proj = QStringLiteral("ProjectionExpression");
    auto row = [](const char *name, const QString &kind, const QString &text, const QString &message) {
        QTest::newRow(name) << kind << text << (message.isEmpty() ? QString() : QStringLiteral("Invalid %1: %2").arg(kind, message));
    };

    // empty and too long
    row("empty condition", cond, QString(), QStringLiteral("The expression can not be empty;"));
    row("empty update", upd, QString(), QStringLiteral("The expression can not be empty;"));
    row("empty projection", proj, QString(), QStringLiteral("The expression can not be empty;"));
    row("empty filter", filter, QString(), QStringLiteral("The expression can not be empty;"));
    const QString longName = QStringLiteral("a") + QString(4096, QLatin1Char('z'));
    row("condition too long", cond, QStringLiteral("attribute_not_exists(%1)").arg(longName),
        QStringLiteral("Expression size has exceeded the maximum allowed size; expression size: 4119"));
    row("filter too long", filter, longName + QStringLiteral(" = :s"),
        QStringLiteral("Expression size has exceeded the maximum allowed size; expression size: 4102"));
    // list indexes: AWS takes 0 to 4294967294
    row("largest list index", proj, QStringLiteral("l[4294967294]"), QString());
    row("list index past the range", proj, QStringLiteral("l[4294967295]"),
        QStringLiteral("List index is not within the allowable range; index: [4294967295]"));
    row("list index of 21 digits", upd, QStringLiteral("REMOVE l[999999999999999999999]"),
        QStringLiteral("List index is not within the allowable range; index: [999999999999999999999]"));
    row("list index range in a condition", cond, QStringLiteral("attribute_exists(l[0][4294967296])"),
        QStringLiteral("List index is not within the allowable range; index: [4294967296]"));
    row("update too long", upd, QStringLiteral("SET %1 = :s").arg(longName), QStringLiteral("Expression size has exceeded the maximum allowed size;"));
    row("projection too long", proj, longName, QStringLiteral("Expression size has exceeded the maximum allowed size;"));
    row("projection at limit", proj, QString(4096, QLatin1Char('a')), QString());
    row("size in UTF-8 bytes", proj, QStringLiteral("#a,") + QString(2047, QChar(0xe9)), QStringLiteral("Expression size has exceeded the maximum allowed size;"));
    row("under limit in UTF-8 bytes", proj, QStringLiteral("#a,") + QString(2046, QChar(0xe9)), QStringLiteral("Syntax error; token: \"\u00e9\", near: \",\u00e9\u00e9\""));

    // references
    row("undefined value", cond, QStringLiteral("a = :nope"), QStringLiteral("An expression attribute value used in expression is not defined; attribute value: :nope"));
    row("undefined name", cond, QStringLiteral("#nope = :s"), QStringLiteral("An expression attribute name used in the document path is not defined; attribute name: #nope"));
    row("undefined name in update", upd, QStringLiteral("SET a.#nope = :s"), QStringLiteral("An expression attribute name used in the document path is not defined; attribute name: #nope"));
    row("undefined value in update", upd, QStringLiteral("SET a = :nope"), QStringLiteral("An expression attribute value used in expression is not defined; attribute value: :nope"));
    row("undefined name in projection", proj, QStringLiteral("a, #nope"), QStringLiteral("An expression attribute name used in the document path is not defined; attribute name: #nope"));
    row("first undefined reported", cond, QStringLiteral("a = :x OR b = :y"), QStringLiteral("An expression attribute value used in expression is not defined; attribute value: :x"));

    // reserved words
    row("reserved in condition", cond, QStringLiteral("size = :n"), QStringLiteral("Attribute name is a reserved keyword; reserved keyword: size"));
    row("reserved any case", cond, QStringLiteral("Status = :s"), QStringLiteral("Attribute name is a reserved keyword; reserved keyword: Status"));
    row("reserved nested", cond, QStringLiteral("a.name = :s"), QStringLiteral("Attribute name is a reserved keyword; reserved keyword: name"));
    row("reserved in update", upd, QStringLiteral("SET #a = :s, count = :n"), QStringLiteral("Attribute name is a reserved keyword; reserved keyword: count"));
    row("reserved in projection", proj, QStringLiteral("a, data"), QStringLiteral("Attribute name is a reserved keyword; reserved keyword: data"));
    row("reserved clause word in projection", proj, QStringLiteral("set"), QStringLiteral("Attribute name is a reserved keyword; reserved keyword: set"));
    row("reserved escaped is fine", cond, QStringLiteral("#size = :n"), QString());
    row("function names are not attribute names", cond, QStringLiteral("size(a) = :n"), QString());
    row("reserved before undefined", cond, QStringLiteral("a = :nope AND year = :n"), QStringLiteral("Attribute name is a reserved keyword; reserved keyword: year"));

    // functions in conditions
    row("unknown function", cond, QStringLiteral("foo(a)"), QStringLiteral("Invalid function name; function: foo"));
    row("function names are case-sensitive", cond, QStringLiteral("ATTRIBUTE_EXISTS(a)"), QStringLiteral("Invalid function name; function: ATTRIBUTE_EXISTS"));
    row("unknown function operand", cond, QStringLiteral("foo(a) = :n"), QStringLiteral("Invalid function name; function: foo"));
    row("size as condition", cond, QStringLiteral("size(a)"), QStringLiteral("The function is not allowed to be used this way in an expression; function: size"));
    row("boolean function as operand", cond, QStringLiteral("begins_with(a, :s) = :t"), QStringLiteral("The function is not allowed to be used this way in an expression; function: begins_with"));
    row("update function in condition", cond, QStringLiteral("if_not_exists(a, :s) = :s"), QStringLiteral("The function is not allowed in a condition expression; function: if_not_exists"));
    row("update function as condition", cond, QStringLiteral("list_append(a, :l)"), QStringLiteral("The function is not allowed in a condition expression; function: list_append"));
    row("too few operands", cond, QStringLiteral("begins_with(a)"), QStringLiteral("Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1"));
    row("too many operands", cond, QStringLiteral("attribute_exists(a, b)"), QStringLiteral("Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2"));
    row("size operands", cond, QStringLiteral("size(a, b) = :n"), QStringLiteral("Incorrect number of operands for operator or function; operator or function: size, number of operands: 2"));
    row("attribute_exists needs path", cond, QStringLiteral("attribute_exists(:s)"), QStringLiteral("Operator or function requires a document path; operator or function: attribute_exists"));
    row("attribute_not_exists needs path", cond, QStringLiteral("attribute_not_exists(size(a))"), QStringLiteral("Operator or function requires a document path; operator or function: attribute_not_exists"));
    row("attribute_type needs string", cond, QStringLiteral("attribute_type(a, :n)"), QStringLiteral("Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N"));
    row("attribute_type bad name", cond, QStringLiteral("attribute_type(a, :typeX)"), QStringLiteral("Invalid attribute type name found; type: STRING, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}"));
    row("attribute_type ok", cond, QStringLiteral("attribute_type(a, :typeS)"), QString());
    row("begins_with number", cond, QStringLiteral("begins_with(a, :n)"), QStringLiteral("Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"));
    row("begins_with set", cond, QStringLiteral("begins_with(a, :ss)"), QStringLiteral("Incorrect operand type for operator or function; operator or function: begins_with, operand type: SS"));
    row("begins_with binary ok", cond, QStringLiteral("begins_with(a, :b)"), QString());
    row("size of number literal", cond, QStringLiteral("size(:n) > :n"), QStringLiteral("Incorrect operand type for operator or function; operator or function: size, operand type: N"));
    row("size of bool literal", cond, QStringLiteral("size(:t) > :n"), QStringLiteral("Incorrect operand type for operator or function; operator or function: size, operand type: BOOL"));
    row("contains any type", cond, QStringLiteral("contains(a, :m)"), QString());
    row("same path twice", cond, QStringLiteral("a = a"), QStringLiteral("The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]"));
    row("same nested path twice", cond, QStringLiteral("a.b[1] < #a.b[1]"), QStringLiteral("The first operand must be distinct from the remaining operands for this operator or function; operator: <, first operand: [a, b, [1]]"));
    row("same path in function", cond, QStringLiteral("contains(a, a)"), QStringLiteral("The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [a]"));
    row("different paths fine", cond, QStringLiteral("a.b = a.c"), QString());

    // operand types of ordering operators
    row("lt bool", cond, QStringLiteral("a < :t"), QStringLiteral("Incorrect operand type for operator or function; operator or function: <, operand type: BOOL"));
    row("le null", cond, QStringLiteral("a <= :null"), QStringLiteral("Incorrect operand type for operator or function; operator or function: <=, operand type: NULL"));
    row("gt set left", filter, QStringLiteral(":ss > a"), QStringLiteral("Incorrect operand type for operator or function; operator or function: >, operand type: SS"));
    row("ge list", cond, QStringLiteral("a >= :l"), QStringLiteral("Incorrect operand type for operator or function; operator or function: >=, operand type: L"));
    row("gt map", cond, QStringLiteral("a > :m"), QStringLiteral("Incorrect operand type for operator or function; operator or function: >, operand type: M"));
    row("inside not", cond, QStringLiteral("NOT (a > :t)"), QStringLiteral("Incorrect operand type for operator or function; operator or function: >, operand type: BOOL"));
    row("eq any type", cond, QStringLiteral("a = :t AND b <> :m"), QString());
    row("between bool", cond, QStringLiteral("a BETWEEN :t AND :t"), QStringLiteral("Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: BOOL"));
    row("between mixed bounds", cond, QStringLiteral("a BETWEEN :n AND :s"), QStringLiteral("The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:x}"));
    row("between reversed bounds", cond, QStringLiteral("a BETWEEN :n5 AND :n"), QStringLiteral("The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}"));
    row("between reversed strings", cond, QStringLiteral("a BETWEEN :s2 AND :s"), QStringLiteral("The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {S:y}, upper bound operand: AttributeValue: {S:x}"));
    row("between equal bounds", cond, QStringLiteral("a BETWEEN :n AND :n"), QString());

    // limits and parentheses
    row("in 100 operands", cond, repeatedIn(100), QString());
    row("in 101 operands", cond, repeatedIn(101), QStringLiteral("The IN operator is provided with too many operands; number of operands: 101"));
    row("path depth 32", cond, deepPath(32) + QStringLiteral(" = :n"), QString());
    row("path depth 33", cond, deepPath(33) + QStringLiteral(" = :n"), QStringLiteral("The document path has too many nesting levels; nesting levels: 33"));
    row("update path depth 33", upd, QStringLiteral("SET ") + deepPath(33) + QStringLiteral(" = :n"), QStringLiteral("The document path has too many nesting levels; nesting levels: 33"));
    row("redundant parentheses", cond, QStringLiteral("((a = :n))"), QStringLiteral("The expression has redundant parentheses;"));
    row("redundant operand parentheses", cond, QStringLiteral("((a)) = :n"), QStringLiteral("The expression has redundant parentheses;"));
    row("single parentheses fine", cond, QStringLiteral("(a = :n) AND (b = :n)"), QString());
    row("parentheses before reserved", cond, QStringLiteral("((size = :n))"), QStringLiteral("The expression has redundant parentheses;"));

    // update expressions
    row("section twice", upd, QStringLiteral("SET a = :s SET b = :s"), QStringLiteral("The \"SET\" section can only be used once in an update expression;"));
    row("section twice interleaved", upd, QStringLiteral("REMOVE a SET b = :s REMOVE c"), QStringLiteral("The \"REMOVE\" section can only be used once in an update expression;"));
    row("same path twice", upd, QStringLiteral("SET a = :s, a = :s2"), QStringLiteral("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"));
    row("set and remove", upd, QStringLiteral("SET a = :s REMOVE a"), QStringLiteral("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"));
    row("parent and child", upd, QStringLiteral("SET a = :s, a.b = :s"), QStringLiteral("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]"));
    row("child and parent", upd, QStringLiteral("SET a.b.c = :s REMOVE a.b"), QStringLiteral("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b, c], path two: [a, b]"));
    row("list element overlap", upd, QStringLiteral("SET a[1] = :s, a[1][2] = :s"), QStringLiteral("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, [1]], path two: [a, [1], [2]]"));
    row("overlap through names", upd, QStringLiteral("SET #a = :s ADD a :n"), QStringLiteral("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"));
    row("conflict", upd, QStringLiteral("SET a.b = :s, a[1] = :s"), QStringLiteral("Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]"));
    row("nested conflict", upd, QStringLiteral("SET a.b.c = :s, a.b[2] = :s"), QStringLiteral("Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b, c], path two: [a, b, [2]]"));
    row("siblings fine", upd, QStringLiteral("SET a.b = :s, a.c = :s, a.d[1] = :s REMOVE b[1], b[2]"), QString());
    row("unknown update function", upd, QStringLiteral("SET a = f(b, c)"), QStringLiteral("Invalid function name; function: f"));
    row("condition function in update", upd, QStringLiteral("SET a = size(b)"), QStringLiteral("The function is not allowed in an update expression; function: size"));
    row("attribute_exists in update", upd, QStringLiteral("SET a = attribute_exists(b)"), QStringLiteral("The function is not allowed in an update expression; function: attribute_exists"));
    row("list_append one operand", upd, QStringLiteral("SET a = list_append(:l)"), QStringLiteral("Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 1"));
    row("list_append three operands", upd, QStringLiteral("SET a = list_append(:l, :l, :l)"), QStringLiteral("Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 3"));
    row("list_append string", upd, QStringLiteral("SET a = list_append(:l, :s)"), QStringLiteral("Incorrect operand type for operator or function; operator or function: list_append, operand type: S"));
    row("nested list_append", upd, QStringLiteral("SET a = list_append(list_append(:l, :l), :l)"), QStringLiteral("The function is not allowed to be used this way in an expression; function: list_append"));
    row("if_not_exists needs path", upd, QStringLiteral("SET a = if_not_exists(:s, :s)"), QStringLiteral("Operator or function requires a document path; operator or function: if_not_exists"));
    row("if_not_exists operands", upd, QStringLiteral("SET a = if_not_exists(a)"), QStringLiteral("Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1"));
    row("if_not_exists nested fine", upd, QStringLiteral("SET a = if_not_exists(b, if_not_exists(c, :s))"), QString());
    row("plus string", upd, QStringLiteral("SET a = :s + :n"), QStringLiteral("Incorrect operand type for operator or function; operator or function: +, operand type: S"));
    row("minus list", upd, QStringLiteral("SET a = b - :l"), QStringLiteral("Incorrect operand type for operator or function; operator or function: -, operand type: L"));
    row("add string", upd, QStringLiteral("ADD a :s"), QStringLiteral("Incorrect operand type for operator or function; operator: ADD, operand type: STRING"));
    row("add list", upd, QStringLiteral("ADD a :l"), QStringLiteral("Incorrect operand type for operator or function; operator: ADD, operand type: LIST"));
    row("add map", upd, QStringLiteral("ADD a :m"), QStringLiteral("Incorrect operand type for operator or function; operator: ADD, operand type: MAP"));
    row("add bool", upd, QStringLiteral("ADD a :t"), QStringLiteral("Incorrect operand type for operator or function; operator: ADD, operand type: BOOLEAN"));
    row("add null", upd, QStringLiteral("ADD a :null"), QStringLiteral("Incorrect operand type for operator or function; operator: ADD, operand type: NULL"));
    row("add binary", upd, QStringLiteral("ADD a :b"), QStringLiteral("Incorrect operand type for operator or function; operator: ADD, operand type: BINARY"));
    row("add number and sets fine", upd, QStringLiteral("ADD a :n, b :ss, c :ns, d :bs"), QString());
    row("delete number", upd, QStringLiteral("DELETE a :n"), QStringLiteral("Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER"));
    row("delete string", upd, QStringLiteral("DELETE a :s"), QStringLiteral("Incorrect operand type for operator or function; operator: DELETE, operand type: STRING"));
    row("delete sets fine", upd, QStringLiteral("DELETE a :ss, b :ns, c :bs"), QString());
    row("reserved before section", upd, QStringLiteral("SET a = :s SET key = :s"), QStringLiteral("Attribute name is a reserved keyword; reserved keyword: key"));
    row("section before undefined", upd, QStringLiteral("SET a = :nope SET b = :s"), QStringLiteral("The \"SET\" section can only be used once in an update expression;"));
    row("undefined before overlap", upd, QStringLiteral("SET a = :s, a = :nope"), QStringLiteral("An expression attribute value used in expression is not defined; attribute value: :nope"));
    row("overlap before operand type", upd, QStringLiteral("SET a = :s ADD a :s"), QStringLiteral("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"));

    // projection expressions
    row("projection overlap", proj, QStringLiteral("a, a.b"), QStringLiteral("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]"));
    row("projection duplicate", proj, QStringLiteral("a, #a"), QStringLiteral("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"));
    row("projection conflict", proj, QStringLiteral("a[0], a.b"), QStringLiteral("Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, [0]], path two: [a, b]"));
    row("projection siblings", proj, QStringLiteral("a.b, a.c, a.d[0], b[1], b[2]"), QString());
}

void TestValidation::expression()
{
    QFETCH(QString, kind);
    QFETCH(QString, text);
    QFETCH(QString, message);
    Expressions e = exprtest::expressions(kNames, kValues);
    QString got;
    if (kind == u"UpdateExpression") {
        auto r = e.update(text);
        got = r.ok() ? QString() : r.error().message();
    } else if (kind == u"ProjectionExpression") {
        auto r = e.projection(text);
        got = r.ok() ? QString() : r.error().message();
    } else {
        auto r = e.condition(text, kind);
        got = r.ok() ? QString() : r.error().message();
    }
    QCOMPARE(got, message);
}

void TestValidation::unused_data()
{
    QTest::addColumn<QString>("names");
    QTest::addColumn<QString>("values");
    QTest::addColumn<QStringList>("conditions");
    QTest::addColumn<QString>("message");

    QTest::newRow("all used") << R"({"#a":"a"})" << R"({":v":{"S":"x"}})" << QStringList{QStringLiteral("#a = :v")} << QString();
    QTest::newRow("used across expressions") << R"({"#a":"a"})" << R"({":v":{"S":"x"},":w":{"S":"y"}})"
        << QStringList{QStringLiteral("#a = :v"), QStringLiteral("b = :w")} << QString();
    QTest::newRow("unused value") << QString() << R"({":v":{"S":"x"},":w":{"S":"y"}})" << QStringList{QStringLiteral("a = :v")}
        << "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}";
    QTest::newRow("unused values") << QString() << R"({":v":{"S":"x"},":w":{"S":"y"},":x":{"N":"1"}})" << QStringList{QStringLiteral("a = :v")}
        << "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w, :x}";
    QTest::newRow("unused name") << R"({"#a":"a","#b":"b"})" << QString() << QStringList{QStringLiteral("attribute_exists(#a)")}
        << "Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}";
    QTest::newRow("names reported before values") << R"({"#b":"b"})" << R"({":w":{"S":"y"}})" << QStringList{QStringLiteral("attribute_exists(a)")}
        << "Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}";
    QTest::newRow("no expressions") << QString() << R"({":w":{"S":"y"}})" << QStringList{}
        << "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}";
}

void TestValidation::unused()
{
    QFETCH(QString, names);
    QFETCH(QString, values);
    QFETCH(QStringList, conditions);
    QFETCH(QString, message);
    Expressions e = exprtest::expressions(names, values);
    for (const QString &c : conditions)
        QVERIFY(e.condition(c, QStringLiteral("FilterExpression")).ok());
    auto r = e.checkAllUsed();
    QCOMPARE(r.ok() ? QString() : r.error().message(), message);
}

void TestValidation::request_data()
{
    QTest::addColumn<QString>("names");
    QTest::addColumn<QString>("values");
    QTest::addColumn<QString>("message");

    QTest::newRow("absent") << QString() << QString() << QString();
    QTest::newRow("empty names") << "{}" << QString() << "ExpressionAttributeNames must not be empty";
    QTest::newRow("empty values") << QString() << "{}" << "ExpressionAttributeValues must not be empty";
    QTest::newRow("name key without hash") << R"({"a":"a"})" << QString() << "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"";
    QTest::newRow("name key bad character") << R"({"#a-b":"a"})" << QString() << "ExpressionAttributeNames contains invalid key: Syntax error; key: \"#a-b\"";
    QTest::newRow("name key just hash") << R"({"#":"a"})" << QString() << "ExpressionAttributeNames contains invalid key: Syntax error; key: \"#\"";
    QTest::newRow("value key without colon") << QString() << R"({"v":{"S":"x"}})" << "ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"";
    QTest::newRow("value key bad character") << QString() << R"({":v!":{"S":"x"}})" << "ExpressionAttributeValues contains invalid key: Syntax error; key: \":v!\"";
    QTest::newRow("empty name value") << R"({"#a":""})" << QString() << "ExpressionAttributeNames contains invalid value: Empty attribute name for key #a";
    QTest::newRow("valid keys") << R"({"#_1aB":"x.y"})" << R"({":_9":{"N":"1"}})" << QString();
}

void TestValidation::request()
{
    QFETCH(QString, names);
    QFETCH(QString, values);
    QFETCH(QString, message);
    auto e = Expressions::fromRequest(exprtest::request(names, values));
    QCOMPARE(e.ok() ? QString() : e.error().message(), message);
    if (!e.ok())
        QCOMPARE(e.error().type(), QStringLiteral("ValidationException"));
}

QTEST_APPLESS_MAIN(TestValidation)
#include "tst_validation.moc"
