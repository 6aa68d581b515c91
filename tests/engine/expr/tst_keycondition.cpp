// KeyConditionExpression tests: the accepted forms (= on the partition key,
// = < <= > >= BETWEEN begins_with on the sort key), operand order, and AWS's
// messages for everything Query does not support.
#include "exprtestutil.h"

#include "expr/keycondition.h"

using namespace dd::expr;

namespace {

const QString kValues = QStringLiteral(R"({":p": {"S": "P"}, ":a": {"N": "1"}, ":b": {"N": "5"}, ":pre": {"S": "ab"}})");

QString show(const KeyCondition &kc)
{
    static const char *ops[] = {"=", "<", "<=", ">", ">=", "BETWEEN", "begins_with"};
    QString s = kc.partition.attribute + QStringLiteral(" = ") + QString::number(kc.partition.values.size());
    if (kc.sort)
        s += QStringLiteral("; %1 %2 %3").arg(kc.sort->attribute, QLatin1String(ops[int(kc.sort->op)])).arg(kc.sort->values.size());
    return s;
}

} // namespace

class TestKeyCondition : public QObject {
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void sortMatch();
};

void TestKeyCondition::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // shape, or the error message

    QTest::newRow("partition only") << "pk = :p" << "pk = 1";
    QTest::newRow("value first") << ":p = pk" << "pk = 1";
    QTest::newRow("eq") << "pk = :p AND sk = :a" << "pk = 1; sk = 1";
    QTest::newRow("lt") << "pk = :p AND sk < :a" << "pk = 1; sk < 1";
    QTest::newRow("le") << "pk = :p AND sk <= :a" << "pk = 1; sk <= 1";
    QTest::newRow("gt") << "pk = :p AND sk > :a" << "pk = 1; sk > 1";
    QTest::newRow("ge") << "pk = :p AND sk >= :a" << "pk = 1; sk >= 1";
    QTest::newRow("flipped lt") << "pk = :p AND :a < sk" << "pk = 1; sk > 1";
    QTest::newRow("flipped ge") << "pk = :p AND :a >= sk" << "pk = 1; sk <= 1";
    QTest::newRow("between") << "pk = :p AND sk BETWEEN :a AND :b" << "pk = 1; sk BETWEEN 2";
    QTest::newRow("begins_with") << "pk = :p AND begins_with(sk, :pre)" << "pk = 1; sk begins_with 1";
    QTest::newRow("sort first") << "sk > :a AND pk = :p" << "pk = 1; sk > 1";
    QTest::newRow("parentheses") << "(pk = :p) AND (sk > :a)" << "pk = 1; sk > 1";
    QTest::newRow("or") << "pk = :p OR sk = :a" << "Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: OR";
    QTest::newRow("not") << "NOT pk = :p" << "Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: NOT";
    QTest::newRow("in") << "pk IN (:p)" << "Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: IN";
    QTest::newRow("ne") << "pk <> :p" << "Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: <>";
    QTest::newRow("contains") << "pk = :p AND contains(sk, :pre)" << "Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: contains";
    QTest::newRow("attribute_exists") << "attribute_exists(pk)" << "Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: attribute_exists";
    QTest::newRow("size") << "pk = :p AND size(sk) > :a" << "KeyConditionExpressions cannot contain nested operations";
    QTest::newRow("nested") << "pk = :p AND sk.x = :a" << "KeyConditionExpressions cannot have conditions on nested attributes";
    QTest::newRow("two names") << "pk = sk" << "Invalid KeyConditionExpression: Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition";
    QTest::newRow("no name") << ":p = :a" << "Invalid KeyConditionExpression: Invalid condition in KeyConditionExpression: No key attribute specified";
    QTest::newRow("between value first") << "pk = :p AND :a BETWEEN sk AND :b" << "Invalid KeyConditionExpression: Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand";
    QTest::newRow("begins_with value first") << "pk = :p AND begins_with(:pre, sk)" << "Invalid KeyConditionExpression: Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand";
    QTest::newRow("key twice") << "pk = :p AND pk = :p" << "KeyConditionExpressions must only contain one condition per key";
    QTest::newRow("partition range") << "pk > :p" << "Query key condition not supported";
    QTest::newRow("sort only") << "sk = :a" << "Query condition missed key schema element: pk";
    QTest::newRow("other attribute") << "pk = :p AND colour = :a" << "Query condition missed key schema element: sk";
    QTest::newRow("syntax") << "pk = :p AND" << "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"";
}

void TestKeyCondition::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    Expressions e = exprtest::expressions(QString(), kValues);
    auto kc = keyCondition(e, text, QStringLiteral("pk"), QStringLiteral("sk"));
    QCOMPARE(kc.ok() ? show(*kc) : kc.error().message(), expected);
}

void TestKeyCondition::sortMatch()
{
    Expressions e = exprtest::expressions(QString(), kValues);
    auto n = [](const char *v) { return dd::model::AttributeValue::number(dd::model::Number::parse(QString::fromLatin1(v)).value()); };
    auto s = [](const char *v) { return dd::model::AttributeValue::string(QString::fromLatin1(v)); };

    auto between = keyCondition(e, QStringLiteral("pk = :p AND sk BETWEEN :a AND :b"), QStringLiteral("pk"), QStringLiteral("sk"));
    QVERIFY(between.ok());
    QVERIFY(matchesSortKey(*between->sort, n("1")));
    QVERIFY(matchesSortKey(*between->sort, n("3.5")));
    QVERIFY(matchesSortKey(*between->sort, n("5")));
    QVERIFY(!matchesSortKey(*between->sort, n("5.01")));
    QVERIFY(!matchesSortKey(*between->sort, s("3")));

    auto prefix = keyCondition(e, QStringLiteral("pk = :p AND begins_with(sk, :pre)"), QStringLiteral("pk"), QStringLiteral("sk"));
    QVERIFY(prefix.ok());
    QVERIFY(matchesSortKey(*prefix->sort, s("abc")));
    QVERIFY(matchesSortKey(*prefix->sort, s("ab")));
    QVERIFY(!matchesSortKey(*prefix->sort, s("a")));

    auto flipped = keyCondition(e, QStringLiteral("pk = :p AND :a < sk"), QStringLiteral("pk"), QStringLiteral("sk"));
    QVERIFY(flipped.ok());
    QVERIFY(matchesSortKey(*flipped->sort, n("2")));
    QVERIFY(!matchesSortKey(*flipped->sort, n("1")));

    auto hashOnly = keyCondition(e, QStringLiteral("pk = :p"), QStringLiteral("pk"), QString());
    QVERIFY(hashOnly.ok());
    QVERIFY(!hashOnly->sort);
    QVERIFY(e.checkAllUsed().ok());
}

QTEST_APPLESS_MAIN(TestKeyCondition)
#include "tst_keycondition.moc"
