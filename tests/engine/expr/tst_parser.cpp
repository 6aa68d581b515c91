// Parser tests: the shape of parsed conditions (operator precedence NOT >
// AND > OR, parentheses, every operator and function form), of update and
// projection expressions, and DynamoDB's syntax-error messages.
#include "exprtestutil.h"

#include "expr/ast.h"

#include <QElapsedTimer>

using namespace dd::expr;

namespace {

QString show(const Operand &o)
{
    switch (o.kind) {
    case Operand::Kind::Path: return o.path.toString();
    case Operand::Kind::Value: return o.valueRef;
    case Operand::Kind::Call: {
        QStringList args;
        for (const Operand &a : o.args)
            args << show(a);
        return o.function + QLatin1Char('(') + args.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    case Operand::Kind::Plus: return QStringLiteral("(%1 + %2)").arg(show(o.args[0]), show(o.args[1]));
    case Operand::Kind::Minus: return QStringLiteral("(%1 - %2)").arg(show(o.args[0]), show(o.args[1]));
    }
    return QString();
}

QString show(const Condition &c)
{
    QStringList parts;
    switch (c.kind) {
    case Condition::Kind::Or: parts << QStringLiteral("or"); break;
    case Condition::Kind::And: parts << QStringLiteral("and"); break;
    case Condition::Kind::Not: parts << QStringLiteral("not"); break;
    case Condition::Kind::Compare: parts << compareOpText(c.op); break;
    case Condition::Kind::Between: parts << QStringLiteral("between"); break;
    case Condition::Kind::In: parts << QStringLiteral("in"); break;
    case Condition::Kind::Call: parts << c.function; break;
    }
    for (const Condition &child : c.children)
        parts << show(child);
    for (const Operand &o : c.operands)
        parts << show(o);
    return QLatin1Char('(') + parts.join(QLatin1Char(' ')) + QLatin1Char(')');
}

QString show(const Update &u)
{
    QStringList parts;
    for (const UpdateAction &a : u.actions) {
        QString s = actionKindText(a.kind) + QLatin1Char(' ') + a.path.toString();
        if (a.kind == ActionKind::Set)
            s += QStringLiteral(" = ") + show(a.value);
        else if (a.kind != ActionKind::Remove)
            s += QLatin1Char(' ') + show(a.value);
        parts << s;
    }
    return parts.join(QStringLiteral("; "));
}

const QString kNames = QStringLiteral(R"({"#n":"name","#k":"a.b"})");
const QString kValues = QStringLiteral(R"({":v":{"S":"x"},":w":{"S":"y"},":n":{"N":"1"},":l":{"L":[]},":s":{"SS":["a"]},":t":{"S":"N"}})");

} // namespace

class TestParser : public QObject {
    Q_OBJECT
private slots:
    void condition_data();
    void condition();
    void conditionSyntaxError_data();
    void conditionSyntaxError();
    void update_data();
    void update();
    void updateSyntaxError_data();
    void updateSyntaxError();
    void projection_data();
    void projection();
    void projectionSyntaxError_data();
    void projectionSyntaxError();
    void deepParenthesesParseInLinearTime();
};

void TestParser::condition_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("tree");

    QTest::newRow("eq") << "a = :v" << "(= a :v)";
    QTest::newRow("ne") << "a <> :v" << "(<> a :v)";
    QTest::newRow("lt") << "a < :v" << "(< a :v)";
    QTest::newRow("le") << "a <= :v" << "(<= a :v)";
    QTest::newRow("gt") << "a > :v" << "(> a :v)";
    QTest::newRow("ge") << "a >= :v" << "(>= a :v)";
    QTest::newRow("no spaces") << "a>=:v" << "(>= a :v)";
    QTest::newRow("whitespace") << " \t a\n=\r:v  " << "(= a :v)";
    QTest::newRow("value left") << ":v = a" << "(= :v a)";
    QTest::newRow("path to path") << "a = b" << "(= a b)";
    QTest::newRow("between") << "a BETWEEN :v AND :w" << "(between a :v :w)";
    QTest::newRow("in one") << "a IN (:v)" << "(in a :v)";
    QTest::newRow("in many") << "a IN (:v, :w, b)" << "(in a :v :w b)";
    QTest::newRow("nested path") << "a.b[2].c = :v" << "(= a.b[2].c :v)";
    QTest::newRow("nested indexes") << "a[1][20] = :v" << "(= a[1][20] :v)";
    QTest::newRow("spaces in path") << "a . b [ 2 ] = :v" << "(= a.b[2] :v)";
    QTest::newRow("name ref") << "#n.x = :v" << "(= name.x :v)";
    QTest::newRow("name ref with dot is one name") << "#k = :v" << "(= a.b :v)";
    QTest::newRow("underscore and digits") << "a_1B = :v" << "(= a_1B :v)";
    QTest::newRow("attribute_exists") << "attribute_exists(a)" << "(attribute_exists a)";
    QTest::newRow("attribute_not_exists") << "attribute_not_exists(a.b)" << "(attribute_not_exists a.b)";
    QTest::newRow("attribute_type") << "attribute_type(a, :t)" << "(attribute_type a :t)";
    QTest::newRow("begins_with") << "begins_with(a, :v)" << "(begins_with a :v)";
    QTest::newRow("contains") << "contains(a, :v)" << "(contains a :v)";
    QTest::newRow("size compare") << "size(a) > :n" << "(> size(a) :n)";
    QTest::newRow("size right") << ":n < size(a)" << "(< :n size(a))";
    QTest::newRow("size between") << "size(a) BETWEEN :n AND :n" << "(between size(a) :n :n)";
    QTest::newRow("parenthesized size") << "(size(a)) > :n" << "(> size(a) :n)";
    QTest::newRow("parenthesized operand") << "(a) = :v" << "(= a :v)";
    QTest::newRow("keywords any case") << "a between :v and :w" << "(between a :v :w)";
    QTest::newRow("or") << "a = :v OR b = :v" << "(or (= a :v) (= b :v))";
    QTest::newRow("and") << "a = :v AND b = :v" << "(and (= a :v) (= b :v))";
    QTest::newRow("not") << "NOT a = :v" << "(not (= a :v))";
    QTest::newRow("not not") << "NOT NOT a = :v" << "(not (not (= a :v)))";
    QTest::newRow("and binds tighter than or")
        << "a = :v OR b = :v AND c = :v" << "(or (= a :v) (and (= b :v) (= c :v)))";
    QTest::newRow("and binds tighter than or, left")
        << "a = :v AND b = :v OR c = :v" << "(or (and (= a :v) (= b :v)) (= c :v))";
    QTest::newRow("not binds tighter than and")
        << "NOT a = :v AND b = :v" << "(and (not (= a :v)) (= b :v))";
    QTest::newRow("not binds tighter than or")
        << "NOT a = :v OR b = :v" << "(or (not (= a :v)) (= b :v))";
    QTest::newRow("parentheses override")
        << "(a = :v OR b = :v) AND c = :v" << "(and (or (= a :v) (= b :v)) (= c :v))";
    QTest::newRow("not parentheses") << "NOT (a = :v AND b = :v)" << "(not (and (= a :v) (= b :v)))";
    QTest::newRow("or is left associative")
        << "a = :v OR b = :v OR c = :v" << "(or (or (= a :v) (= b :v)) (= c :v))";
    QTest::newRow("between inside and")
        << "a BETWEEN :v AND :w AND b = :v" << "(and (between a :v :w) (= b :v))";
    QTest::newRow("functions combined")
        << "attribute_exists(a) AND NOT contains(b, :v) OR begins_with(c, :w)"
        << "(or (and (attribute_exists a) (not (contains b :v))) (begins_with c :w))";
    QTest::newRow("keyword-like names") << "ANDROID = :v AND ORDER_ID = :w" << "(and (= ANDROID :v) (= ORDER_ID :w))";
}

void TestParser::condition()
{
    QFETCH(QString, text);
    QFETCH(QString, tree);
    Expressions e = exprtest::expressions(kNames, kValues);
    auto c = e.condition(text, QStringLiteral("ConditionExpression"));
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message()));
    QCOMPARE(show(**c), tree);
}

void TestParser::conditionSyntaxError_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    auto row = [](const char *name, const QString &text, const QString &token, const QString &near) {
        QTest::newRow(name) << text << QStringLiteral("Invalid ConditionExpression: Syntax error; token: \"%1\", near: \"%2\"").arg(token, near);
    };
    row("missing right operand", QStringLiteral("a = "), QStringLiteral("<EOF>"), QStringLiteral("= "));
    row("dangling AND", QStringLiteral("a = :v AND"), QStringLiteral("<EOF>"), QStringLiteral("AND"));
    row("double equals", QStringLiteral("a == :v"), QStringLiteral("="), QStringLiteral("== :v"));
    row("trailing word", QStringLiteral("a = :v extra"), QStringLiteral("extra"), QStringLiteral(":v extra"));
    row("leading underscore", QStringLiteral("_a = :v"), QStringLiteral("_"), QStringLiteral("_a"));
    row("bare colon", QStringLiteral("a = :"), QStringLiteral(":"), QStringLiteral("= :"));
    row("bare hash", QStringLiteral("# = :v"), QStringLiteral("#"), QStringLiteral("# ="));
    row("name as index", QStringLiteral("a[x] = :v"), QStringLiteral("x"), QStringLiteral("[x]"));
    row("value as index", QStringLiteral("a[:v] = :v"), QStringLiteral(":v"), QStringLiteral("[:v]"));
    row("negative index", QStringLiteral("a[-1] = :v"), QStringLiteral("-"), QStringLiteral("[-1"));
    row("bad character", QStringLiteral("a = :v $"), QStringLiteral("$"), QStringLiteral(":v $"));
    row("between without and", QStringLiteral("a BETWEEN :v :w"), QStringLiteral(":w"), QStringLiteral(":v :w"));
    row("in without parentheses", QStringLiteral("a IN :v"), QStringLiteral(":v"), QStringLiteral("IN :v"));
    row("empty in list", QStringLiteral("a IN ()"), QStringLiteral(")"), QStringLiteral("()"));
    row("unclosed parenthesis", QStringLiteral("(a = :v"), QStringLiteral("<EOF>"), QStringLiteral(":v"));
    row("extra parenthesis", QStringLiteral("a = :v)"), QStringLiteral(")"), QStringLiteral(":v)"));
    row("operand alone", QStringLiteral("a"), QStringLiteral("<EOF>"), QStringLiteral("a"));
    row("keyword as name", QStringLiteral("and = :v"), QStringLiteral("and"), QStringLiteral("and ="));
    row("digit name", QStringLiteral("1a = :v"), QStringLiteral("1"), QStringLiteral("1a"));
    row("not alone", QStringLiteral("NOT"), QStringLiteral("<EOF>"), QStringLiteral("NOT"));
    row("arithmetic", QStringLiteral("a + :v = :w"), QStringLiteral("+"), QStringLiteral("a + :v"));
    row("whitespace only", QStringLiteral("   "), QStringLiteral("<EOF>"), QString());
}

void TestParser::conditionSyntaxError()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    Expressions e = exprtest::expressions(kNames, kValues);
    auto c = e.condition(text, QStringLiteral("ConditionExpression"));
    QVERIFY(!c.ok());
    QCOMPARE(c.error().type(), QStringLiteral("ValidationException"));
    QCOMPARE(c.error().message(), message);
}

void TestParser::update_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("actions");

    QTest::newRow("set") << "SET a = :v" << "SET a = :v";
    QTest::newRow("set lower case") << "set a = :v" << "SET a = :v";
    QTest::newRow("set mixed case") << "sEt a=:v" << "SET a = :v";
    QTest::newRow("set many") << "SET a = :v, b = :w" << "SET a = :v; SET b = :w";
    QTest::newRow("set path") << "SET a = b.c[1]" << "SET a = b.c[1]";
    QTest::newRow("set plus") << "SET a = a + :n" << "SET a = (a + :n)";
    QTest::newRow("set minus") << "SET a = :n - a" << "SET a = (:n - a)";
    QTest::newRow("set parenthesized value") << "SET a = (a + :n)" << "SET a = (a + :n)";
    QTest::newRow("if_not_exists") << "SET a = if_not_exists(a, :n)" << "SET a = if_not_exists(a, :n)";
    QTest::newRow("if_not_exists plus") << "SET a = if_not_exists(a, :n) + :n" << "SET a = (if_not_exists(a, :n) + :n)";
    QTest::newRow("list_append") << "SET a = list_append(a, :l)" << "SET a = list_append(a, :l)";
    QTest::newRow("list_append if_not_exists")
        << "SET a = list_append(if_not_exists(a, :l), :l)" << "SET a = list_append(if_not_exists(a, :l), :l)";
    QTest::newRow("nested target") << "SET a.b[3].#n = :v" << "SET a.b[3].name = :v";
    QTest::newRow("remove") << "REMOVE a, b.c, d[0]" << "REMOVE a; REMOVE b.c; REMOVE d[0]";
    QTest::newRow("add") << "ADD a :n, b :s" << "ADD a :n; ADD b :s";
    QTest::newRow("delete") << "DELETE a :s" << "DELETE a :s";
    QTest::newRow("all clauses")
        << "SET a = :v REMOVE b ADD c :n DELETE d :s" << "SET a = :v; REMOVE b; ADD c :n; DELETE d :s";
    QTest::newRow("clauses any order")
        << "delete d :s add c :n remove b set a = :v" << "DELETE d :s; ADD c :n; REMOVE b; SET a = :v";
    QTest::newRow("clause keyword prefix names") << "SET settings = :v, removed = :w" << "SET settings = :v; SET removed = :w";
}

void TestParser::update()
{
    QFETCH(QString, text);
    QFETCH(QString, actions);
    Expressions e = exprtest::expressions(kNames, kValues);
    auto u = e.update(text);
    QVERIFY2(u.ok(), qPrintable(u.ok() ? QString() : u.error().message()));
    QCOMPARE(show(**u), actions);
}

void TestParser::updateSyntaxError_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    auto row = [](const char *name, const QString &text, const QString &token, const QString &near) {
        QTest::newRow(name) << text << QStringLiteral("Invalid UpdateExpression: Syntax error; token: \"%1\", near: \"%2\"").arg(token, near);
    };
    row("unknown clause", QStringLiteral("HELLO b = :v"), QStringLiteral("HELLO"), QStringLiteral("HELLO b"));
    row("missing equals", QStringLiteral("SET a :v"), QStringLiteral(":v"), QStringLiteral("a :v"));
    row("three terms", QStringLiteral("SET a = :v + :w + :n"), QStringLiteral("+"), QStringLiteral(":w + :n"));
    row("value index", QStringLiteral("SET a[:n] = :v"), QStringLiteral(":n"), QStringLiteral("[:n]"));
    row("name index", QStringLiteral("SET a[#n] = :v"), QStringLiteral("#n"), QStringLiteral("[#n]"));
    row("underscore name", QStringLiteral("SET _123 = :v"), QStringLiteral("_"), QStringLiteral("SET _123"));
    row("value target", QStringLiteral("SET :v = :w"), QStringLiteral(":v"), QStringLiteral("SET :v ="));
    row("add path operand", QStringLiteral("ADD a b"), QStringLiteral("b"), QStringLiteral("a b"));
    row("plus inside function", QStringLiteral("SET c = if_not_exists(c, :v+:w)"), QStringLiteral("+"), QStringLiteral(":v+:w"));
    row("empty remove", QStringLiteral("REMOVE"), QStringLiteral("<EOF>"), QStringLiteral("REMOVE"));
    row("trailing comma", QStringLiteral("SET a = :v,"), QStringLiteral("<EOF>"), QStringLiteral(","));
    row("comma between clauses", QStringLiteral("SET a = :v, REMOVE b"), QStringLiteral("REMOVE"), QStringLiteral(", REMOVE b"));
    row("function name underscore", QStringLiteral("SET a = _f(b)"), QStringLiteral("_"), QStringLiteral("= _f"));
    row("hyphen", QStringLiteral("SET hi-there = :v"), QStringLiteral("-"), QStringLiteral("hi-there"));
}

void TestParser::updateSyntaxError()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    Expressions e = exprtest::expressions(kNames, kValues);
    auto u = e.update(text);
    QVERIFY(!u.ok());
    QCOMPARE(u.error().message(), message);
}

void TestParser::projection_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("paths");

    QTest::newRow("one") << "a" << QStringList{QStringLiteral("a")};
    QTest::newRow("many") << "a, b.c, d[1]" << QStringList{QStringLiteral("a"), QStringLiteral("b.c"), QStringLiteral("d[1]")};
    QTest::newRow("names") << "#n, #k" << QStringList{QStringLiteral("name"), QStringLiteral("a.b")};
    QTest::newRow("no spaces") << "a,b" << QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("deep") << "a[0].b[1][2].c" << QStringList{QStringLiteral("a[0].b[1][2].c")};
}

void TestParser::projection()
{
    QFETCH(QString, text);
    QFETCH(QStringList, paths);
    Expressions e = exprtest::expressions(kNames, kValues);
    auto p = e.projection(text);
    QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message()));
    QStringList got;
    for (const Path &path : projectedPaths(**p))
        got << path.toString();
    QCOMPARE(got, paths);
}

void TestParser::projectionSyntaxError_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");

    auto row = [](const char *name, const QString &text, const QString &token, const QString &near) {
        QTest::newRow(name) << text << QStringLiteral("Invalid ProjectionExpression: Syntax error; token: \"%1\", near: \"%2\"").arg(token, near);
    };
    row("double comma", QStringLiteral("a,,b"), QStringLiteral(","), QStringLiteral(",,b"));
    row("trailing dot", QStringLiteral("a."), QStringLiteral("<EOF>"), QStringLiteral("."));
    row("hyphen", QStringLiteral("my-attr"), QStringLiteral("-"), QStringLiteral("my-attr"));
    row("value", QStringLiteral(":v"), QStringLiteral(":v"), QStringLiteral(":v"));
    row("function", QStringLiteral("size(a)"), QStringLiteral("("), QStringLiteral("size(a"));
    // a list index has no leading zero and no sign
    row("leading zero", QStringLiteral("l[01]"), QStringLiteral("0"), QStringLiteral("[01"));
    row("zeros", QStringLiteral("l[00]"), QStringLiteral("0"), QStringLiteral("[00"));
    row("negative index", QStringLiteral("l[-1]"), QStringLiteral("-"), QStringLiteral("[-1"));
    row("empty index", QStringLiteral("l[]"), QStringLiteral("]"), QStringLiteral("[]"));
}

void TestParser::projectionSyntaxError()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    Expressions e = exprtest::expressions(kNames, kValues);
    auto p = e.projection(text);
    QVERIFY(!p.ok());
    QCOMPARE(p.error().message(), message);
}

// Regression: "(" used to be parsed by trying a condition and then an
// operand, which is exponential in the nesting depth (this test would not
// finish); and nesting deeper than the parser's limit must be an error, not
// a stack overflow (found by the fuzzer: ~3,900 "(" in one 4 KB expression).
void TestParser::deepParenthesesParseInLinearTime()
{
    Expressions e = exprtest::expressions(kNames, kValues);
    const int depth = 1000; // about 4 KB, DynamoDB's expression limit
    auto operandDeep = e.condition(QString(depth, QLatin1Char('(')) + QStringLiteral("a") + QString(depth, QLatin1Char(')')) + QStringLiteral("=:v"),
                                   QStringLiteral("ConditionExpression"));
    auto conditionDeep = e.condition(QString(depth, QLatin1Char('(')) + QStringLiteral("a=:v") + QString(depth, QLatin1Char(')')),
                                     QStringLiteral("ConditionExpression"));
    auto updateDeep = e.update(QStringLiteral("SET a=") + QString(depth, QLatin1Char('(')) + QStringLiteral(":v") + QString(depth, QLatin1Char(')')));
    QVERIFY(!operandDeep.ok());
    QCOMPARE(operandDeep.error().message(), QStringLiteral("Invalid ConditionExpression: The expression has redundant parentheses;"));
    QVERIFY(!conditionDeep.ok());
    QCOMPARE(conditionDeep.error().message(), QStringLiteral("Invalid ConditionExpression: The expression has redundant parentheses;"));
    QVERIFY(updateDeep.ok());
    // Only parentheses can nest that deep within 4 KB ("NOT " and "size(" run out of room first).
    for (const QString &tooDeep : {QString(1900, QLatin1Char('(')) + QStringLiteral("a=:v") + QString(1900, QLatin1Char(')')),
                                   QString(1500, QLatin1Char('(')) + QStringLiteral("a") + QString(1500, QLatin1Char(')')) + QStringLiteral("=:v")}) {
        auto r = e.condition(tooDeep, QStringLiteral("ConditionExpression"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message().startsWith(QStringLiteral("Invalid ConditionExpression: Syntax error")), qPrintable(r.error().message()));
    }
}

QTEST_APPLESS_MAIN(TestParser)
#include "tst_parser.moc"
