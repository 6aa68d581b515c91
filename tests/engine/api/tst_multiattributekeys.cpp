// Multi-attribute keys of global secondary indexes (AWS, November 2025): a
// GSI's partition and sort key may each be made of up to four attributes,
// HASH elements first (Developer Guide, "Multi-attribute key schema").
// CreateTable and UpdateTable take them (tables and LSIs keep one HASH and
// one RANGE); an item is in the index only with every key attribute; the
// index sorts by the sort-key tuple, part by part, across S, N and B; a
// Query gives an equality on every HASH attribute and RANGE attributes from
// the first without a gap, the last named with any sort-key condition, with
// real DynamoDB's message otherwise; LastEvaluatedKey carries every key
// attribute; writes of every kind, backfill and a reopen keep the index exact.
// The paths around it: PartiQL (a SELECT on the index scans it, ORDER BY
// refused; INSERT, UPDATE, DELETE), TTL sweeps, the stream's records (as
// without the index), dynamodb:LeadingKeys (the first partition attribute),
// a DAX cluster, backups with GlobalSecondaryIndexOverride, point-in-time
// restores, export then import, and a global table's replica.
#include "enginecalls.h"

#include "model/clock.h"
#include "security/credentials.h"
#include "security/policy.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace dd;

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }
// JSON text with ' for " (raw strings with quotes upset moc).
QString j(const char *text) { return QString::fromLatin1(text).replace(u'\'', u'"'); }
QJsonObject obj(const QString &text) { return QJsonDocument::fromJson(text.toUtf8()).object(); }
QJsonObject obj(const char *text) { return obj(j(text)); }

// Table "tab" (pk S) with GSI "g": HASH h1 S, h2 N; RANGE r1 S, r2 N, r3 B.
const char *kCreate =
    "{'TableName':'tab','BillingMode':'PAY_PER_REQUEST',"
    " 'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'h1','AttributeType':'S'},"
    "  {'AttributeName':'h2','AttributeType':'N'},{'AttributeName':'r1','AttributeType':'S'},"
    "  {'AttributeName':'r2','AttributeType':'N'},{'AttributeName':'r3','AttributeType':'B'}],"
    " 'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
    " 'GlobalSecondaryIndexes':[{'IndexName':'gsi','Projection':{'ProjectionType':'ALL'},'KeySchema':["
    "  {'AttributeName':'h1','KeyType':'HASH'},{'AttributeName':'h2','KeyType':'HASH'},"
    "  {'AttributeName':'r1','KeyType':'RANGE'},{'AttributeName':'r2','KeyType':'RANGE'},{'AttributeName':'r3','KeyType':'RANGE'}]}]}";

QJsonObject sv(const QString &v) { return QJsonObject{{s("S"), v}}; }
QJsonObject nv(const char *v) { return QJsonObject{{s("N"), s(v)}}; }
QJsonObject bv(const QByteArray &v) { return QJsonObject{{s("B"), QString::fromLatin1(v.toBase64())}}; }

// One item of partition (h1 "x", h2 1) of "g".
QJsonObject row(const char *pk, const QString &r1, const char *r2, const QByteArray &r3)
{
    return QJsonObject{{s("pk"), sv(s(pk))}, {s("h1"), sv(s("x"))}, {s("h2"), nv("1")},
                       {s("r1"), sv(r1)}, {s("r2"), nv(r2)}, {s("r3"), bv(r3)}};
}

// The rows in their expected index order: r1 by UTF-8 bytes ("a" < "a\0" <
// "ab" < "b"), then r2 numerically, then r3 by bytes (00 < 00 00).
QList<QJsonObject> rows()
{
    const QString aNul = s("a") + QChar(0);
    return {row("p1", s("a"), "-1", QByteArray("\xff", 1)), row("p2", s("a"), "2", QByteArray("\x01", 1)),
            row("p3", s("a"), "10", QByteArray("\x00", 1)), row("p4", s("a"), "10", QByteArray("\x00\x00", 2)),
            row("p5", aNul, "5", QByteArray("\x02", 1)), row("p6", s("ab"), "0", QByteArray("\x01", 1)),
            row("p7", s("b"), "1", QByteArray("\x01", 1))};
}

} // namespace

class TstMultiAttributeKeys : public QObject, public test::EngineCalls {
    Q_OBJECT

public:
    // Before the members the engine uses (EngineCalls).
    ~TstMultiAttributeKeys() override { m_engine.reset(); }

    QTemporaryDir m_dir;
    ManualClock m_clock{1'700'000'000'000};

    void putRows()
    {
        const QList<QJsonObject> all = rows();
        for (int i : {4, 0, 6, 2, 5, 1, 3}) // not in key order
            ok("PutItem", QJsonObject{{s("TableName"), s("tab")}, {s("Item"), all[i]}});
    }

    // Queries "g" with key condition `kce` and values `values` (merged with
    // :h1 "x", :h2 1); returns the table keys in the order read, all pages.
    QStringList query(const char *kce, const QJsonObject &values = {}, const QJsonObject &more = {}, QJsonObject *last = nullptr)
    {
        QJsonObject r = more;
        r.insert(s("TableName"), s("tab"));
        r.insert(s("IndexName"), s("gsi"));
        r.insert(s("KeyConditionExpression"), s(kce));
        QJsonObject v = values;
        v.insert(s(":h1"), sv(s("x")));
        v.insert(s(":h2"), nv("1"));
        QJsonObject used;
        for (auto it = v.begin(); it != v.end(); ++it)
            if (s(kce).contains(it.key()))
                used.insert(it.key(), it.value());
        r.insert(s("ExpressionAttributeValues"), used);
        QStringList out;
        for (int page = 0; page < 50; ++page) {
            const QJsonObject res = ok("Query", r);
            for (const QJsonValue &item : res.value(s("Items")).toArray())
                out << item.toObject().value(s("pk")).toObject().value(s("S")).toString();
            if (!res.contains(s("LastEvaluatedKey")))
                break;
            if (last)
                *last = res.value(s("LastEvaluatedKey")).toObject();
            r.insert(s("ExclusiveStartKey"), res.value(s("LastEvaluatedKey")));
        }
        return out;
    }
    QString queryError(const char *kce, const QJsonObject &values = {}, const QJsonObject &more = {})
    {
        QJsonObject r = more;
        r.insert(s("TableName"), s("tab"));
        r.insert(s("IndexName"), s("gsi"));
        r.insert(s("KeyConditionExpression"), s(kce));
        r.insert(s("ExpressionAttributeValues"), values);
        return fail("Query", r).message();
    }
    QStringList scanIndex(const QJsonObject &more = {})
    {
        QJsonObject r = more;
        r.insert(s("TableName"), s("tab"));
        r.insert(s("IndexName"), s("gsi"));
        QStringList out;
        for (const QJsonValue &item : ok("Scan", r).value(s("Items")).toArray())
            out << item.toObject().value(s("pk")).toObject().value(s("S")).toString();
        out.sort();
        return out;
    }
    // The "pk" of every item `op` ("Query", "Scan", "ExecuteStatement")
    // returns for `request`, in the order read, following every page.
    QStringList pksOf(const char *op, QJsonObject request)
    {
        const bool partiql = QByteArray(op) == "ExecuteStatement";
        const QString cursor = partiql ? s("NextToken") : s("LastEvaluatedKey");
        QStringList out;
        for (int page = 0; page < 50; ++page) {
            const QJsonObject res = ok(op, request);
            for (const QJsonValue &item : res.value(s("Items")).toArray())
                out << item.toObject().value(s("pk")).toObject().value(s("S")).toString();
            if (!res.contains(cursor))
                break;
            request.insert(partiql ? s("NextToken") : s("ExclusiveStartKey"), res.value(cursor));
        }
        return out;
    }
    // The Query of every item of partition (x, 1) of `table`'s "gsi", all pages.
    QStringList partitionOf(const QString &table, const QJsonObject &more = {})
    {
        QJsonObject r = more;
        r.insert(s("TableName"), table);
        r.insert(s("IndexName"), s("gsi"));
        r.insert(s("KeyConditionExpression"), s("h1 = :h1 AND h2 = :h2"));
        r.insert(s("ExpressionAttributeValues"), obj("{':h1':{'S':'x'},':h2':{'N':'1'}}"));
        return pksOf("Query", r);
    }
    QJsonObject gsiOf(const QString &table)
    {
        return ok("DescribeTable", QJsonObject{{s("TableName"), table}}).value(s("Table")).toObject()
            .value(s("GlobalSecondaryIndexes")).toArray().at(0).toObject();
    }
    static QStringList pks(std::initializer_list<int> numbers)
    {
        QStringList out;
        for (int n : numbers)
            out << QStringLiteral("p%1").arg(n);
        return out;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_ctx = api::RequestContext();
        openQuiet(QString(), true);
    }
    void cleanup()
    {
        m_ctx = api::RequestContext();
        m_engine.reset();
    }

    void createTableTakesMultiAttributeKeys()
    {
        ok("CreateTable", obj(kCreate));
        const QJsonObject desc = ok("DescribeTable", obj("{'TableName':'tab'}")).value(s("Table")).toObject();
        const QJsonObject g = desc.value(s("GlobalSecondaryIndexes")).toArray().at(0).toObject();
        QCOMPARE(g.value(s("KeySchema")).toArray(), obj(kCreate).value(s("GlobalSecondaryIndexes")).toArray().at(0).toObject().value(s("KeySchema")).toArray());
        // Four of each is the most.
        ok("CreateTable", obj("{'TableName':'tab4','BillingMode':'PAY_PER_REQUEST','KeySchema':[{'AttributeName':'p','KeyType':'HASH'}],"
                              " 'AttributeDefinitions':[{'AttributeName':'p','AttributeType':'S'},{'AttributeName':'a','AttributeType':'S'},"
                              "  {'AttributeName':'b','AttributeType':'N'},{'AttributeName':'c','AttributeType':'B'},{'AttributeName':'d','AttributeType':'S'},"
                              "  {'AttributeName':'e','AttributeType':'S'},{'AttributeName':'f','AttributeType':'S'},{'AttributeName':'g','AttributeType':'S'},"
                              "  {'AttributeName':'h','AttributeType':'S'}],"
                              " 'GlobalSecondaryIndexes':[{'IndexName':'idx','Projection':{'ProjectionType':'KEYS_ONLY'},'KeySchema':["
                              "  {'AttributeName':'a','KeyType':'HASH'},{'AttributeName':'b','KeyType':'HASH'},{'AttributeName':'c','KeyType':'HASH'},"
                              "  {'AttributeName':'d','KeyType':'HASH'},{'AttributeName':'e','KeyType':'RANGE'},{'AttributeName':'f','KeyType':'RANGE'},"
                              "  {'AttributeName':'g','KeyType':'RANGE'},{'AttributeName':'h','KeyType':'RANGE'}]}]}"));
    }

    void createTableRefusesBadKeySchemas_data()
    {
        QTest::addColumn<QString>("defs");
        QTest::addColumn<QString>("gsiKeys");
        QTest::addColumn<QString>("message");
        const QString five = j("{'AttributeName':'a','KeyType':'%1'},{'AttributeName':'b','KeyType':'%1'},{'AttributeName':'c','KeyType':'%1'},"
                               "{'AttributeName':'d','KeyType':'%1'},{'AttributeName':'e','KeyType':'%1'}");
        const QString defs5 = j("{'AttributeName':'a','AttributeType':'S'},{'AttributeName':'b','AttributeType':'S'},{'AttributeName':'c','AttributeType':'S'},"
                                "{'AttributeName':'d','AttributeType':'S'},{'AttributeName':'e','AttributeType':'S'}");
        QTest::newRow("five HASH") << defs5 << five.arg(s("HASH"))
                                   << s("Invalid KeySchema: Too many HASH KeySchemaElements: 5. The maximum is 4");
        QTest::newRow("five RANGE") << (defs5 + j(",{'AttributeName':'z','AttributeType':'S'}"))
                                    << (j("{'AttributeName':'z','KeyType':'HASH'},") + five.arg(s("RANGE")))
                                    << s("Invalid KeySchema: Too many RANGE KeySchemaElements: 5. The maximum is 4");
        const QString ab = j("{'AttributeName':'a','AttributeType':'S'},{'AttributeName':'b','AttributeType':'S'},{'AttributeName':'c','AttributeType':'S'}");
        QTest::newRow("HASH after RANGE") << ab << j("{'AttributeName':'a','KeyType':'HASH'},{'AttributeName':'b','KeyType':'RANGE'},{'AttributeName':'c','KeyType':'HASH'}")
                                          << s("Invalid KeySchema: A HASH KeySchemaElement cannot follow a RANGE KeySchemaElement");
        QTest::newRow("RANGE first") << ab << j("{'AttributeName':'a','KeyType':'RANGE'},{'AttributeName':'b','KeyType':'HASH'}")
                                     << s("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        QTest::newRow("duplicate HASH") << ab << j("{'AttributeName':'a','KeyType':'HASH'},{'AttributeName':'a','KeyType':'HASH'},{'AttributeName':'b','KeyType':'HASH'},{'AttributeName':'c','KeyType':'RANGE'}")
                                        << s("Invalid KeySchema: Duplicate attribute name in KeySchema: a");
        QTest::newRow("HASH and RANGE") << ab << j("{'AttributeName':'a','KeyType':'HASH'},{'AttributeName':'b','KeyType':'HASH'},{'AttributeName':'a','KeyType':'RANGE'},{'AttributeName':'c','KeyType':'RANGE'}")
                                        << s("Invalid KeySchema: Duplicate attribute name in KeySchema: a");
        QTest::newRow("undefined") << j("{'AttributeName':'a','AttributeType':'S'}") << j("{'AttributeName':'a','KeyType':'HASH'},{'AttributeName':'b','KeyType':'HASH'}")
                                   << s("One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. "
                                        "Keys: [a, b], AttributeDefinitions: [p, a]");
    }
    void createTableRefusesBadKeySchemas()
    {
        QFETCH(QString, defs);
        QFETCH(QString, gsiKeys);
        QFETCH(QString, message);
        const QString req = j("{'TableName':'bad','BillingMode':'PAY_PER_REQUEST','KeySchema':[{'AttributeName':'p','KeyType':'HASH'}],"
                              " 'AttributeDefinitions':[{'AttributeName':'p','AttributeType':'S'},%1],"
                              " 'GlobalSecondaryIndexes':[{'IndexName':'idx','Projection':{'ProjectionType':'ALL'},'KeySchema':[%2]}]}")
                                .arg(defs, gsiKeys);
        const ApiError e = fail("CreateTable", obj(req));
        QCOMPARE(e.type(), s("ValidationException"));
        QCOMPARE(e.message(), message);
        QCOMPARE(fail("DescribeTable", obj("{'TableName':'bad'}")).type(), s("ResourceNotFoundException"));
        // The same through UpdateTable.
        ok("CreateTable", obj("{'TableName':'upd','BillingMode':'PAY_PER_REQUEST','KeySchema':[{'AttributeName':'p','KeyType':'HASH'}],"
                              " 'AttributeDefinitions':[{'AttributeName':'p','AttributeType':'S'}]}"));
        const QString update = j("{'TableName':'upd','AttributeDefinitions':[{'AttributeName':'p','AttributeType':'S'},%1],"
                                 " 'GlobalSecondaryIndexUpdates':[{'Create':{'IndexName':'idx','Projection':{'ProjectionType':'ALL'},'KeySchema':[%2]}}]}")
                                   .arg(defs, gsiKeys);
        QCOMPARE(fail("UpdateTable", obj(update)).message(), message);
        QVERIFY(!ok("DescribeTable", obj("{'TableName':'upd'}")).value(s("Table")).toObject().contains(s("GlobalSecondaryIndexes")));
    }

    void tablesAndLocalIndexesKeepOneOfEach()
    {
        const ApiError table = fail("CreateTable", obj("{'TableName':'bad','BillingMode':'PAY_PER_REQUEST',"
                                                       " 'KeySchema':[{'AttributeName':'p','KeyType':'HASH'},{'AttributeName':'q','KeyType':'HASH'}],"
                                                       " 'AttributeDefinitions':[{'AttributeName':'p','AttributeType':'S'},{'AttributeName':'q','AttributeType':'S'}]}"));
        QCOMPARE(table.message(), s("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type"));
        const ApiError three = fail("CreateTable", obj("{'TableName':'bad','BillingMode':'PAY_PER_REQUEST',"
                                                       " 'KeySchema':[{'AttributeName':'p','KeyType':'HASH'},{'AttributeName':'q','KeyType':'RANGE'},{'AttributeName':'r','KeyType':'RANGE'}],"
                                                       " 'AttributeDefinitions':[{'AttributeName':'p','AttributeType':'S'},{'AttributeName':'q','AttributeType':'S'},{'AttributeName':'r','AttributeType':'S'}]}"));
        QCOMPARE(three.message(), s("Invalid KeySchema: Too many KeySchemaElements: 3. A table or local secondary index has one HASH and at most one RANGE key attribute"));
        const ApiError lsi = fail("CreateTable", obj("{'TableName':'bad','BillingMode':'PAY_PER_REQUEST',"
                                                     " 'KeySchema':[{'AttributeName':'p','KeyType':'HASH'},{'AttributeName':'q','KeyType':'RANGE'}],"
                                                     " 'AttributeDefinitions':[{'AttributeName':'p','AttributeType':'S'},{'AttributeName':'q','AttributeType':'S'},{'AttributeName':'r','AttributeType':'S'}],"
                                                     " 'LocalSecondaryIndexes':[{'IndexName':'lsi','Projection':{'ProjectionType':'ALL'},'KeySchema':["
                                                     "  {'AttributeName':'p','KeyType':'HASH'},{'AttributeName':'q','KeyType':'RANGE'},{'AttributeName':'r','KeyType':'RANGE'}]}]}"));
        QCOMPARE(lsi.message(), s("Invalid KeySchema: Too many KeySchemaElements: 3. A table or local secondary index has one HASH and at most one RANGE key attribute"));
    }

    void queryOrdersByTheSortTuple()
    {
        ok("CreateTable", obj(kCreate));
        putRows();
        QCOMPARE(query("h1 = :h1 AND h2 = :h2"), pks({1, 2, 3, 4, 5, 6, 7}));
        QCOMPARE(query("h2 = :h2 AND h1 = :h1", {}, obj("{'ScanIndexForward':false}")), pks({7, 6, 5, 4, 3, 2, 1}));
        // Every page of one item: the cursor resumes inside the tuple order.
        QJsonObject last;
        QCOMPARE(query("h1 = :h1 AND h2 = :h2", {}, obj("{'Limit':1}"), &last), pks({1, 2, 3, 4, 5, 6, 7}));
        QStringList names = last.keys();
        names.sort();
        QCOMPARE(names, QStringList({s("h1"), s("h2"), s("pk"), s("r1"), s("r2"), s("r3")}));
        QCOMPARE(query("h1 = :h1 AND h2 = :h2", {}, obj("{'Limit':3,'ScanIndexForward':false}")), pks({7, 6, 5, 4, 3, 2, 1}));
    }

    void querySortConditions_data()
    {
        QTest::addColumn<QString>("kce");
        QTest::addColumn<QString>("values");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("r1 =") << s("h1 = :h1 AND h2 = :h2 AND r1 = :a") << j("{':a':{'S':'a'}}") << pks({1, 2, 3, 4});
        QTest::newRow("r1 >") << s("h1 = :h1 AND h2 = :h2 AND r1 > :a") << j("{':a':{'S':'a'}}") << pks({5, 6, 7});
        QTest::newRow("r1 <") << s("h1 = :h1 AND h2 = :h2 AND r1 < :a") << j("{':a':{'S':'ab'}}") << pks({1, 2, 3, 4, 5});
        QTest::newRow("r1 <=") << s("h1 = :h1 AND h2 = :h2 AND r1 <= :a") << j("{':a':{'S':'a'}}") << pks({1, 2, 3, 4});
        QTest::newRow("r1 >= a-nul") << s("h1 = :h1 AND h2 = :h2 AND r1 >= :a") << j("{':a':{'S':'a\\u0000'}}") << pks({5, 6, 7});
        QTest::newRow("r1 begins_with") << s("h1 = :h1 AND h2 = :h2 AND begins_with(r1, :a)") << j("{':a':{'S':'a'}}") << pks({1, 2, 3, 4, 5, 6});
        QTest::newRow("r1 BETWEEN") << s("h1 = :h1 AND h2 = :h2 AND r1 BETWEEN :a AND :b") << j("{':a':{'S':'a\\u0000'},':b':{'S':'ab'}}") << pks({5, 6});
        QTest::newRow("r2 =") << s("h1 = :h1 AND h2 = :h2 AND r1 = :a AND r2 = :n") << j("{':a':{'S':'a'},':n':{'N':'10'}}") << pks({3, 4});
        QTest::newRow("r2 >") << s("h1 = :h1 AND h2 = :h2 AND r1 = :a AND r2 > :n") << j("{':a':{'S':'a'},':n':{'N':'2'}}") << pks({3, 4});
        QTest::newRow("r2 >=") << s("h1 = :h1 AND h2 = :h2 AND r1 = :a AND r2 >= :n") << j("{':a':{'S':'a'},':n':{'N':'2'}}") << pks({2, 3, 4});
        QTest::newRow("r2 <") << s("h1 = :h1 AND h2 = :h2 AND r1 = :a AND r2 < :n") << j("{':a':{'S':'a'},':n':{'N':'10'}}") << pks({1, 2});
        QTest::newRow("r2 <=") << s("h1 = :h1 AND h2 = :h2 AND r1 = :a AND :n >= r2") << j("{':a':{'S':'a'},':n':{'N':'10'}}") << pks({1, 2, 3, 4});
        QTest::newRow("r2 BETWEEN") << s("h1 = :h1 AND h2 = :h2 AND r1 = :a AND r2 BETWEEN :n AND :m") << j("{':a':{'S':'a'},':n':{'N':'-1'},':m':{'N':'2'}}") << pks({1, 2});
        QTest::newRow("r3 begins_with") << s("h1 = :h1 AND h2 = :h2 AND r1 = :a AND r2 = :n AND begins_with(r3, :b)") << j("{':a':{'S':'a'},':n':{'N':'10'},':b':{'B':'AA=='}}") << pks({3, 4});
        QTest::newRow("r3 >") << s("h1 = :h1 AND h2 = :h2 AND r1 = :a AND r2 = :n AND r3 > :b") << j("{':a':{'S':'a'},':n':{'N':'10'},':b':{'B':'AA=='}}") << pks({4});
        QTest::newRow("r3 =") << s("r3 = :b AND r2 = :n AND r1 = :a AND h1 = :h1 AND h2 = :h2") << j("{':a':{'S':'a'},':n':{'N':'10'},':b':{'B':'AAA='}}") << pks({4});
        QTest::newRow("other partition") << s("h1 = :o AND h2 = :h2") << j("{':o':{'S':'y'}}") << QStringList();
    }
    void querySortConditions()
    {
        QFETCH(QString, kce);
        QFETCH(QString, values);
        QFETCH(QStringList, expected);
        ok("CreateTable", obj(kCreate));
        putRows();
        const QByteArray text = kce.toLatin1();
        QCOMPARE(query(text.constData(), obj(values)), expected);
        QStringList reversed = expected;
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(query(text.constData(), obj(values), obj("{'ScanIndexForward':false,'Limit':2}")), reversed);
        // Select COUNT counts the same items.
        QJsonObject r = obj("{'TableName':'tab','IndexName':'gsi','Select':'COUNT'}");
        r.insert(s("KeyConditionExpression"), kce);
        QJsonObject v = obj(values);
        v.insert(s(":h1"), sv(s("x")));
        v.insert(s(":h2"), nv("1"));
        if (!kce.contains(u":h1"))
            v.remove(s(":h1"));
        r.insert(s("ExpressionAttributeValues"), v);
        QCOMPARE(ok("Query", r).value(s("Count")).toInt(), expected.size());
    }

    void queryRefusals_data()
    {
        QTest::addColumn<QString>("kce");
        QTest::addColumn<QString>("values");
        QTest::addColumn<QString>("extra");
        QTest::addColumn<QString>("message");
        const QString h = j("':h1':{'S':'x'},':h2':{'N':'1'}");
        QTest::newRow("missing HASH") << s("h1 = :h1") << j("{':h1':{'S':'x'}}") << QString() << s("Query condition missed key schema element: h2");
        QTest::newRow("HASH range") << s("h1 = :h1 AND h2 > :h2") << (u'{' + h + u'}') << QString() << s("Query key condition not supported");
        QTest::newRow("gap") << s("h1 = :h1 AND h2 = :h2 AND r2 = :n") << (u'{' + h + j(",':n':{'N':'1'}}")) << QString()
                             << s("RANGE key attributes r1 must have equality conditions specified in the query because a condition is present on key attribute r2");
        QTest::newRow("gap in the middle") << s("h1 = :h1 AND h2 = :h2 AND r1 = :a AND r3 = :b") << (u'{' + h + j(",':a':{'S':'a'},':b':{'B':'AA=='}}")) << QString()
                                           << s("RANGE key attributes r2 must have equality conditions specified in the query because a condition is present on key attribute r3");
        QTest::newRow("range before last") << s("h1 = :h1 AND h2 = :h2 AND r1 > :a AND r2 = :n") << (u'{' + h + j(",':a':{'S':'a'},':n':{'N':'1'}}")) << QString()
                                           << s("RANGE key attributes r1 must have equality conditions specified in the query because a condition is present on key attribute r2");
        QTest::newRow("type") << s("h1 = :h1 AND h2 = :h2") << j("{':h1':{'S':'x'},':h2':{'S':'1'}}") << QString()
                              << s("One or more parameter values were invalid: Condition parameter type does not match schema type");
        QTest::newRow("non-key") << s("h1 = :h1 AND h2 = :h2 AND note = :a") << (u'{' + h + j(",':a':{'S':'a'}}")) << QString()
                                 << s("Query condition missed key schema element: r1");
        QTest::newRow("filter on a key part") << s("h1 = :h1 AND h2 = :h2") << (u'{' + h + j(",':a':{'S':'a'}}")) << j("'FilterExpression':'r3 = :a'")
                                              << s("Filter Expression can only contain non-primary key attributes: Primary key attribute: r3");
        QTest::newRow("OR") << s("h1 = :h1 OR h2 = :h2") << (u'{' + h + u'}') << QString()
                            << s("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: OR");
    }
    void queryRefusals()
    {
        QFETCH(QString, kce);
        QFETCH(QString, values);
        QFETCH(QString, extra);
        QFETCH(QString, message);
        ok("CreateTable", obj(kCreate));
        QJsonObject r = obj(j("{'TableName':'tab','IndexName':'gsi'%1}").arg(extra.isEmpty() ? QString() : u',' + extra));
        r.insert(s("KeyConditionExpression"), kce);
        r.insert(s("ExpressionAttributeValues"), obj(values));
        const ApiError e = fail("Query", r);
        QCOMPARE(e.type(), s("ValidationException"));
        QCOMPARE(e.message(), message);
    }

    void startKeyMustMatchTheConditions()
    {
        ok("CreateTable", obj(kCreate));
        putRows();
        QJsonObject r = obj("{'TableName':'tab','IndexName':'gsi','KeyConditionExpression':'h1 = :h1 AND h2 = :h2 AND r1 = :a',"
                            " 'ExpressionAttributeValues':{':h1':{'S':'x'},':h2':{'N':'1'},':a':{'S':'a'}}}");
        QJsonObject start = rows()[5]; // r1 "ab": outside r1 = "a"
        r.insert(s("ExclusiveStartKey"), start);
        QCOMPARE(fail("Query", r).message(), s("The provided starting key does not match the range key predicate"));
        start.remove(s("r3"));
        r.insert(s("ExclusiveStartKey"), start);
        QCOMPARE(fail("Query", r).message(), s("The provided starting key is invalid"));
        // A start key inside the conditions resumes after it.
        r.insert(s("ExclusiveStartKey"), rows()[1]);
        const QJsonArray items = ok("Query", r).value(s("Items")).toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(0).toObject().value(s("pk")).toObject().value(s("S")).toString(), s("p3"));
    }

    void sparseAndTypedWrites()
    {
        ok("CreateTable", obj(kCreate));
        putRows();
        // Missing r3: not in the index until it has every key attribute.
        ok("PutItem", obj("{'TableName':'tab','Item':{'pk':{'S':'p8'},'h1':{'S':'x'},'h2':{'N':'1'},'r1':{'S':'c'},'r2':{'N':'1'}}}"));
        QCOMPARE(query("h1 = :h1 AND h2 = :h2"), pks({1, 2, 3, 4, 5, 6, 7}));
        ok("UpdateItem", obj("{'TableName':'tab','Key':{'pk':{'S':'p8'}},'UpdateExpression':'SET r3 = :b','ExpressionAttributeValues':{':b':{'B':'AQ=='}}}"));
        QCOMPARE(query("h1 = :h1 AND h2 = :h2"), pks({1, 2, 3, 4, 5, 6, 7, 8}));
        // A HASH part removed, then a sort part changed: the entry moves.
        ok("UpdateItem", obj("{'TableName':'tab','Key':{'pk':{'S':'p1'}},'UpdateExpression':'REMOVE h1'}"));
        ok("UpdateItem", obj("{'TableName':'tab','Key':{'pk':{'S':'p7'}},'UpdateExpression':'SET r1 = :a','ExpressionAttributeValues':{':a':{'S':'a'}}}"));
        QCOMPARE(query("h1 = :h1 AND h2 = :h2"), pks({7, 2, 3, 4, 5, 6, 8}));
        // A key part of the wrong type or empty is refused and changes nothing.
        QCOMPARE(fail("PutItem", obj("{'TableName':'tab','Item':{'pk':{'S':'p9'},'h1':{'S':'x'},'h2':{'S':'1'}}}")).message(),
                 s("One or more parameter values were invalid: Type mismatch for Index Key h2 Expected: N Actual: S IndexName: gsi"));
        QCOMPARE(fail("UpdateItem", obj("{'TableName':'tab','Key':{'pk':{'S':'p2'}},'UpdateExpression':'SET r3 = :b','ExpressionAttributeValues':{':b':{'S':'x'}}}")).message(),
                 s("One or more parameter values were invalid: Type mismatch for Index Key r3 Expected: B Actual: S IndexName: gsi"));
        QCOMPARE(fail("PutItem", obj("{'TableName':'tab','Item':{'pk':{'S':'p9'},'r1':{'S':''}}}")).message(),
                 s("One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: gsi, IndexKey: r1"));
        QVERIFY(!ok("GetItem", obj("{'TableName':'tab','Key':{'pk':{'S':'p9'}}}")).contains(s("Item")));
        // Transactions, batches and deletes keep the index exact.
        QJsonObject put{{s("Put"), QJsonObject{{s("TableName"), s("tab")}, {s("Item"), rows()[0]}}}};
        ok("TransactWriteItems", QJsonObject{{s("TransactItems"), QJsonArray{put}}});
        ok("BatchWriteItem", obj("{'RequestItems':{'tab':[{'DeleteRequest':{'Key':{'pk':{'S':'p2'}}}},{'DeleteRequest':{'Key':{'pk':{'S':'p8'}}}}]}}"));
        ok("DeleteItem", obj("{'TableName':'tab','Key':{'pk':{'S':'p5'}}}"));
        QCOMPARE(query("h1 = :h1 AND h2 = :h2"), pks({1, 7, 3, 4, 6}));
        QCOMPARE(scanIndex(), pks({1, 3, 4, 6, 7}));
        const QJsonObject g = ok("DescribeTable", obj("{'TableName':'tab'}")).value(s("Table")).toObject()
                                  .value(s("GlobalSecondaryIndexes")).toArray().at(0).toObject();
        QCOMPARE(g.value(s("ItemCount")).toInt(), 5);
        QVERIFY(g.value(s("IndexSizeBytes")).toInteger() > 0);
    }

    void scanAndParallelScan()
    {
        ok("CreateTable", obj(kCreate));
        putRows();
        for (int i = 0; i < 40; ++i)
            ok("PutItem", QJsonObject{{s("TableName"), s("tab")},
                                      {s("Item"), QJsonObject{{s("pk"), sv(QStringLiteral("q%1").arg(i))}, {s("h1"), sv(QStringLiteral("k%1").arg(i % 7))},
                                                              {s("h2"), nv("2")}, {s("r1"), sv(s("a"))}, {s("r2"), nv("1")}, {s("r3"), bv("x")}}}});
        QStringList all;
        for (int segment = 0; segment < 4; ++segment) {
            QJsonObject r = obj("{'TableName':'tab','IndexName':'gsi','TotalSegments':4,'Limit':5}");
            r.insert(s("Segment"), segment);
            for (int page = 0; page < 40; ++page) {
                const QJsonObject res = ok("Scan", r);
                for (const QJsonValue &item : res.value(s("Items")).toArray())
                    all << item.toObject().value(s("pk")).toObject().value(s("S")).toString();
                if (!res.contains(s("LastEvaluatedKey")))
                    break;
                r.insert(s("ExclusiveStartKey"), res.value(s("LastEvaluatedKey")));
            }
        }
        QCOMPARE(all.size(), 47);
        all.removeDuplicates();
        QCOMPARE(all.size(), 47);
        QCOMPARE(ok("Scan", obj("{'TableName':'tab','IndexName':'gsi','Select':'COUNT'}")).value(s("Count")).toInt(), 47);
    }

    void backfillAndReopen()
    {
        openQuiet(m_dir.path());
        ok("CreateTable", obj("{'TableName':'tab','BillingMode':'PAY_PER_REQUEST','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
                              " 'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}]}"));
        putRows();
        ok("PutItem", obj("{'TableName':'tab','Item':{'pk':{'S':'p9'},'h1':{'S':'x'},'h2':{'N':'1'},'r1':{'S':'z'}}}"));
        QJsonObject update = obj(kCreate);
        update.remove(s("KeySchema"));
        update.remove(s("BillingMode"));
        QJsonObject create = update.take(s("GlobalSecondaryIndexes")).toArray().at(0).toObject();
        update.insert(s("GlobalSecondaryIndexUpdates"), QJsonArray{QJsonObject{{s("Create"), create}}});
        ok("UpdateTable", update);
        QVERIFY(waitActive(s("tab")));
        for (int i = 0; i < 2000; ++i) {
            const QJsonObject g = ok("DescribeTable", obj("{'TableName':'tab'}")).value(s("Table")).toObject()
                                      .value(s("GlobalSecondaryIndexes")).toArray().at(0).toObject();
            if (g.value(s("IndexStatus")).toString() == s("ACTIVE"))
                break;
            QTest::qWait(10);
        }
        QCOMPARE(query("h1 = :h1 AND h2 = :h2"), pks({1, 2, 3, 4, 5, 6, 7}));
        openQuiet(m_dir.path());
        QCOMPARE(query("h1 = :h1 AND h2 = :h2", {}, obj("{'Limit':2}")), pks({1, 2, 3, 4, 5, 6, 7}));
        QCOMPARE(query("h1 = :h1 AND h2 = :h2 AND r1 = :a AND r2 > :n", obj("{':a':{'S':'a'},':n':{'N':'-1'}}")), pks({2, 3, 4}));
        m_engine.reset();
    }

    void restoredTablesKeepTheIndex()
    {
        ok("CreateTable", obj(kCreate));
        putRows();
        const QString arn = ok("CreateBackup", obj("{'TableName':'tab','BackupName':'bkp'}")).value(s("BackupDetails")).toObject().value(s("BackupArn")).toString();
        for (int i = 0; i < 2000; ++i) {
            if (ok("DescribeBackup", QJsonObject{{s("BackupArn"), arn}}).value(s("BackupDescription")).toObject().value(s("BackupDetails")).toObject()
                    .value(s("BackupStatus")).toString() == s("AVAILABLE"))
                break;
            QTest::qWait(10);
        }
        ok("RestoreTableFromBackup", QJsonObject{{s("TargetTableName"), s("rst")}, {s("BackupArn"), arn}});
        QVERIFY(waitActive(s("rst")));
        const QJsonObject g = ok("DescribeTable", obj("{'TableName':'rst'}")).value(s("Table")).toObject()
                                  .value(s("GlobalSecondaryIndexes")).toArray().at(0).toObject();
        QCOMPARE(g.value(s("KeySchema")).toArray().size(), 5);
        QJsonObject r = obj("{'TableName':'rst','IndexName':'gsi','KeyConditionExpression':'h1 = :h1 AND h2 = :h2 AND r1 = :a',"
                            " 'ExpressionAttributeValues':{':h1':{'S':'x'},':h2':{'N':'1'},':a':{'S':'a'}}}");
        QCOMPARE(ok("Query", r).value(s("Count")).toInt(), 4);
    }

    // PartiQL: a SELECT on the index scans it with the WHERE clause as its
    // filter, so it finds what the Query finds, in the index's order within
    // a partition, only items that are in the index, page by page; ORDER BY
    // is refused (there is no Query to order).
    void partiqlSelectOnTheIndex()
    {
        ok("CreateTable", obj(kCreate));
        putRows();
        // Not in the index (no r3), and an item of another partition.
        ok("PutItem", obj("{'TableName':'tab','Item':{'pk':{'S':'p8'},'h1':{'S':'x'},'h2':{'N':'1'},'r1':{'S':'a'},'r2':{'N':'1'}}}"));
        ok("PutItem", obj("{'TableName':'tab','Item':{'pk':{'S':'p9'},'h1':{'S':'x'},'h2':{'N':'2'},'r1':{'S':'a'},'r2':{'N':'1'},'r3':{'B':'AQ=='}}}"));
        const auto select = [&](const char *statement, int limit = 0) {
            QJsonObject r{{s("Statement"), s(statement)}};
            if (limit)
                r.insert(s("Limit"), limit);
            return pksOf("ExecuteStatement", r);
        };
        const QStringList partition = pks({1, 2, 3, 4, 5, 6, 7});
        QCOMPARE(partitionOf(s("tab")), partition);
        QCOMPARE(select("SELECT * FROM tab.gsi WHERE h1 = 'x' AND h2 = 1"), partition);
        QCOMPARE(select("SELECT pk FROM tab.gsi WHERE h2 = 1 AND h1 = 'x'", 2), partition);
        QCOMPARE(select("SELECT * FROM tab.gsi WHERE h1 = 'x' AND h2 = 1 AND r1 = 'a' AND r2 > 2"), pks({3, 4}));
        QCOMPARE(select("SELECT * FROM tab.gsi WHERE h1 = 'x' AND h2 = 1 AND begins_with(r1, 'a') AND r2 BETWEEN 0 AND 5"), pks({2, 5, 6}));
        // The WHERE may name any attribute, key or not; p8 is never there.
        QStringList ones = select("SELECT * FROM tab.gsi WHERE r2 = 1");
        ones.sort();
        QCOMPARE(ones, pks({7, 9}));
        QStringList all = select("SELECT * FROM tab.gsi", 3);
        all.sort();
        QCOMPARE(all, pks({1, 2, 3, 4, 5, 6, 7, 9}));
        // Only the index's attributes: a KEYS_ONLY index would not have v, an ALL one has.
        const QJsonArray items = ok("ExecuteStatement", QJsonObject{{s("Statement"), s("SELECT pk, r3 FROM tab.gsi WHERE h1 = 'x' AND h2 = 1 AND r1 = 'b'")}})
                                     .value(s("Items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject(), obj("{'pk':{'S':'p7'},'r3':{'B':'AQ=='}}"));
        // ORDER BY: refused, naming why.
        const ApiError e = fail("ExecuteStatement", QJsonObject{{s("Statement"), s("SELECT * FROM tab.gsi WHERE h1 = 'x' AND h2 = 1 ORDER BY r1")}});
        QCOMPARE(e.type(), s("ValidationException"));
        QCOMPARE(e.message(), s("ORDER BY is not supported on index gsi, whose key has more than one attribute"));
        // With every partition attribute given, it is a Query of the index: it reads (and is
        // charged for) what the Query with the same key condition reads, not the whole index.
        const auto capacity = [&](const char *op, const QJsonObject &request) {
            QJsonObject r = request;
            r.insert(s("ReturnConsumedCapacity"), s("TOTAL"));
            return ok(op, r).value(s("ConsumedCapacity")).toObject().value(s("CapacityUnits")).toDouble();
        };
        for (int i = 0; i < 60; ++i) // another partition of the index, some 12 KB
            ok("PutItem", obj(QStringLiteral("{'TableName':'tab','Item':{'pk':{'S':'q%1'},'h1':{'S':'z'},'h2':{'N':'1'},'r1':{'S':'a'},"
                                             "'r2':{'N':'%1'},'r3':{'B':'AQ=='},'v':{'S':'%2'}}}")
                                  .arg(i)
                                  .arg(QString(200, u'v'))
                                  .replace(u'\'', u'"')));
        const double statement = capacity("ExecuteStatement", QJsonObject{{s("Statement"), s("SELECT * FROM tab.gsi WHERE h1 = 'x' AND h2 = 1 AND r1 = 'a' AND r2 > 2")}});
        const double keyed = capacity("Query", obj("{'TableName':'tab','IndexName':'gsi','KeyConditionExpression':'h1 = :h1 AND h2 = :h2 AND r1 = :r1 AND r2 > :r2',"
                                                   "'ExpressionAttributeValues':{':h1':{'S':'x'},':h2':{'N':'1'},':r1':{'S':'a'},':r2':{'N':'2'}}}"));
        const double scanned = capacity("Scan", obj("{'TableName':'tab','IndexName':'gsi'}"));
        QCOMPARE(statement, keyed);
        QVERIFY2(statement < scanned, qPrintable(QStringLiteral("%1 against %2").arg(statement).arg(scanned)));
    }

    // PartiQL's INSERT, UPDATE and DELETE (alone, in a batch, in a
    // transaction) keep the index exact: they are PutItem, UpdateItem and
    // DeleteItem underneath.
    void partiqlWritesKeepTheIndexExact()
    {
        ok("CreateTable", obj(kCreate));
        putRows();
        const auto exec = [&](const char *statement) { return ok("ExecuteStatement", QJsonObject{{s("Statement"), s(statement)}}); };
        ok("ExecuteStatement", QJsonObject{{s("Statement"), s("INSERT INTO tab VALUE {'pk':'p8','h1':'x','h2':1,'r1':'c','r2':0,'r3':?}")},
                                           {s("Parameters"), QJsonArray{bv("z")}}});
        QCOMPARE(partitionOf(s("tab")), pks({1, 2, 3, 4, 5, 6, 7, 8}));
        exec("UPDATE tab SET r1 = 'a' SET r2 = -5 WHERE pk = 'p7'");     // moves to the front
        exec("UPDATE tab REMOVE r3 WHERE pk = 'p3'");                    // leaves the index
        exec("UPDATE tab SET h1 = 'y' WHERE pk = 'p4'");                 // to another partition
        exec("DELETE FROM tab WHERE pk = 'p5'");
        QCOMPARE(partitionOf(s("tab")), pks({7, 1, 2, 6, 8}));
        QCOMPARE(query("h1 = :o AND h2 = :h2", obj("{':o':{'S':'y'}}")), pks({4}));
        // A key part of the wrong type: refused, nothing written.
        const ApiError e = fail("ExecuteStatement", QJsonObject{{s("Statement"), s("INSERT INTO tab VALUE {'pk':'p9','h1':'x','h2':'one'}")}});
        QCOMPARE(e.message(), s("One or more parameter values were invalid: Type mismatch for Index Key h2 Expected: N Actual: S IndexName: gsi"));
        // Batches and transactions.
        ok("BatchExecuteStatement", QJsonObject{{s("Statements"), QJsonArray{
            QJsonObject{{s("Statement"), s("UPDATE tab SET h1 = 'x' WHERE pk = 'p4'")}},
            QJsonObject{{s("Statement"), s("DELETE FROM tab WHERE pk = 'p1'")}}}}});
        ok("ExecuteTransaction", QJsonObject{{s("TransactStatements"), QJsonArray{
            QJsonObject{{s("Statement"), s("INSERT INTO tab VALUE {'pk':'p9','h1':'x','h2':1,'r1':'0','r2':0,'r3':?}")}, {s("Parameters"), QJsonArray{bv("a")}}},
            QJsonObject{{s("Statement"), s("UPDATE tab SET r1 = 'zz' WHERE pk = 'p2'")}}}}});
        QCOMPARE(partitionOf(s("tab")), pks({9, 7, 4, 6, 8, 2}));
        QCOMPARE(gsiOf(s("tab")).value(s("ItemCount")).toInt(), 6);
    }

    // The TTL sweeper's deletions go through the same delete as DeleteItem:
    // the expired items leave the index, the others stay in order.
    void ttlSweeperRemovesIndexEntries()
    {
        openQuiet(QString(), true, [this](api::EngineOptions &o) {
            o.clock = &m_clock;
            o.ttlSweepIntervalMs = 20;
        });
        ok("CreateTable", obj(kCreate));
        const qint64 now = m_clock.nowMs() / 1000;
        const QList<QJsonObject> all = rows();
        for (int i = 0; i < all.size(); ++i) {
            QJsonObject item = all[i];
            if (i % 2 == 0) // p1, p3, p5, p7
                item.insert(s("exp"), QJsonObject{{s("N"), QString::number(now + 60 * (i + 1))}});
            ok("PutItem", QJsonObject{{s("TableName"), s("tab")}, {s("Item"), item}});
        }
        ok("UpdateTimeToLive", obj("{'TableName':'tab','TimeToLiveSpecification':{'AttributeName':'exp','Enabled':true}}"));
        QTest::qWait(60);
        QCOMPARE(partitionOf(s("tab")), pks({1, 2, 3, 4, 5, 6, 7}));
        m_clock.advanceMs(3 * 60'000 + 1000); // p1 (60 s) and p3 (180 s) expire
        QTRY_COMPARE(partitionOf(s("tab")), pks({2, 4, 5, 6, 7}));
        QCOMPARE(partitionOf(s("tab"), obj("{'ScanIndexForward':false,'Limit':2}")), pks({7, 6, 5, 4, 2}));
        m_clock.advanceMs(3600'000);
        QTRY_COMPARE(partitionOf(s("tab")), pks({2, 4, 6}));
        QCOMPARE(scanIndex(), pks({2, 4, 6}));
        QCOMPARE(gsiOf(s("tab")).value(s("ItemCount")).toInt(), 3);
        m_engine.reset();
    }

    // A stream of a table with such an index: the same records as without
    // it (keys of the table only, the images, the sizes).
    void streamRecordsAreUnchanged()
    {
        QJsonObject withIndex = obj(kCreate);
        withIndex.insert(s("StreamSpecification"), obj("{'StreamEnabled':true,'StreamViewType':'NEW_AND_OLD_IMAGES'}"));
        ok("CreateTable", withIndex);
        QJsonObject plain = withIndex;
        plain.insert(s("TableName"), s("plain"));
        plain.remove(s("GlobalSecondaryIndexes"));
        plain.insert(s("AttributeDefinitions"), obj("{'a':[{'AttributeName':'pk','AttributeType':'S'}]}").value(s("a")));
        ok("CreateTable", plain);
        QList<QJsonArray> records;
        for (const char *table : {"tab", "plain"}) {
            const QString name = s(table);
            for (const QJsonObject &item : rows().mid(0, 3))
                ok("PutItem", QJsonObject{{s("TableName"), name}, {s("Item"), item}});
            ok("UpdateItem", QJsonObject{{s("TableName"), name}, {s("Key"), obj("{'pk':{'S':'p1'}}")}, {s("UpdateExpression"), s("SET r1 = :a REMOVE h2")},
                                         {s("ExpressionAttributeValues"), obj("{':a':{'S':'q'}}")}});
            ok("DeleteItem", QJsonObject{{s("TableName"), name}, {s("Key"), obj("{'pk':{'S':'p2'}}")}});
            const QString arn = ok("DescribeTable", QJsonObject{{s("TableName"), name}}).value(s("Table")).toObject().value(s("LatestStreamArn")).toString();
            const QJsonObject shard = ok("Streams.DescribeStream", QJsonObject{{s("StreamArn"), arn}}).value(s("StreamDescription")).toObject()
                                          .value(s("Shards")).toArray().at(0).toObject();
            const QString it = ok("Streams.GetShardIterator", QJsonObject{{s("StreamArn"), arn}, {s("ShardId"), shard.value(s("ShardId"))},
                                                                         {s("ShardIteratorType"), s("TRIM_HORIZON")}}).value(s("ShardIterator")).toString();
            QJsonArray out;
            for (const QJsonValue &v : ok("Streams.GetRecords", QJsonObject{{s("ShardIterator"), it}}).value(s("Records")).toArray()) {
                QJsonObject r = v.toObject();
                QJsonObject d = r.value(s("dynamodb")).toObject();
                d.remove(s("SequenceNumber"));
                d.remove(s("ApproximateCreationDateTime"));
                out.append(QJsonObject{{s("eventName"), r.value(s("eventName"))}, {s("dynamodb"), d}});
            }
            records << out;
        }
        QCOMPARE(records[0].size(), 5);
        QCOMPARE(records[0].at(3).toObject().value(s("dynamodb")).toObject().value(s("Keys")).toObject(), obj("{'pk':{'S':'p1'}}"));
        QCOMPARE(records[0], records[1]);
    }

    // dynamodb:LeadingKeys of a Query on such an index is the value of its
    // FIRST partition attribute (h1), whatever order the key condition names
    // them in; the others (h2) are not leading keys. (AWS does not document
    // it for multi-attribute keys: Dynamodesk's choice, see multiattr-spec.)
    void leadingKeysOfAQueryAreTheFirstPartitionAttribute()
    {
        ok("CreateTable", obj(kCreate));
        putRows();
        ok("PutItem", obj("{'TableName':'tab','Item':{'pk':{'S':'q1'},'h1':{'S':'y'},'h2':{'N':'1'},'r1':{'S':'a'},'r2':{'N':'1'},'r3':{'B':'AQ=='}}}"));
        auto policy = security::Policy::parse(obj("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'dynamodb:Query','Resource':'*',"
                                                  " 'Condition':{'ForAllValues:StringEquals':{'dynamodb:LeadingKeys':['x']}}}]}"));
        QVERIFY(policy.ok());
        auto principal = std::make_shared<security::Principal>();
        principal->userName = s("reader");
        principal->accessKeyId = s("AKIDREADER");
        principal->policy = *policy;
        m_ctx.principal = principal;
        QCOMPARE(query("h1 = :h1 AND h2 = :h2"), pks({1, 2, 3, 4, 5, 6, 7}));
        QCOMPARE(query("h2 = :h2 AND h1 = :h1 AND r1 = :a", obj("{':a':{'S':'b'}}")), pks({7}));
        QJsonObject other = obj("{'TableName':'tab','IndexName':'gsi','KeyConditionExpression':'h2 = :h2 AND h1 = :y',"
                                " 'ExpressionAttributeValues':{':y':{'S':'y'},':h2':{'N':'1'}}}");
        const ApiError denied = fail("Query", other);
        QCOMPARE(denied.type(), s("AccessDeniedException"));
        // With 'y' allowed instead, the same Query of partition (y, 1) is let through.
        principal->policy = *security::Policy::parse(obj("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'dynamodb:Query','Resource':'*',"
                                                         " 'Condition':{'ForAllValues:StringEquals':{'dynamodb:LeadingKeys':['y']}}}]}"));
        QCOMPARE(pksOf("Query", other), QStringList({s("q1")}));
        QCOMPARE(fail("Query", obj("{'TableName':'tab','IndexName':'gsi','KeyConditionExpression':'h1 = :h1 AND h2 = :h2',"
                                   " 'ExpressionAttributeValues':{':h1':{'S':'x'},':h2':{'N':'1'}}}")).type(), s("AccessDeniedException"));
    }

    // Through a DAX cluster a Query of the index answers as the table does,
    // page by page (the cluster caches the whole answer of each request).
    void queryThroughADaxCluster()
    {
        openQuiet(QString(), true, [this](api::EngineOptions &o) { o.clock = &m_clock; });
        ok("CreateTable", obj(kCreate));
        putRows();
        ok("Dax.CreateCluster", obj("{'ClusterName':'c','NodeType':'dax.t3.small','ReplicationFactor':1,'IamRoleArn':'arn:aws:iam::000000000000:role/DAXServiceRole'}"));
        api::RequestContext dax = m_ctx;
        dax.daxCluster = s("c");
        const auto through = [&](const QJsonObject &request) {
            const Result<QByteArray> r = m_engine->call(dax, s("Query"), request);
            if (!r.ok())
                qWarning() << r.error().type() << r.error().message();
            return r.ok() ? QJsonDocument::fromJson(*r).object() : QJsonObject();
        };
        for (const char *request : {"{'TableName':'tab','IndexName':'gsi','KeyConditionExpression':'h1 = :h1 AND h2 = :h2','ExpressionAttributeValues':{':h1':{'S':'x'},':h2':{'N':'1'}}}",
                                    "{'TableName':'tab','IndexName':'gsi','KeyConditionExpression':'h1 = :h1 AND h2 = :h2 AND r1 = :a AND r2 >= :n',"
                                    " 'ExpressionAttributeValues':{':h1':{'S':'x'},':h2':{'N':'1'},':a':{'S':'a'},':n':{'N':'2'}},'ScanIndexForward':false}",
                                    "{'TableName':'tab','IndexName':'gsi','KeyConditionExpression':'h1 = :h1 AND h2 = :h2','Limit':3,"
                                    " 'ExpressionAttributeValues':{':h1':{'S':'x'},':h2':{'N':'1'}},'ProjectionExpression':'pk, r2'}"}) {
            QJsonObject r = obj(request);
            for (int page = 0; page < 10; ++page) {
                const QJsonObject direct = ok("Query", r);
                QVERIFY(direct.value(s("Count")).toInt() > 0);
                QCOMPARE(through(r), direct);
                QCOMPARE(through(r), direct); // from the query cache
                if (!direct.contains(s("LastEvaluatedKey")))
                    break;
                r.insert(s("ExclusiveStartKey"), direct.value(s("LastEvaluatedKey")));
            }
        }
        // Writes through the cluster reach the index.
        const Result<QByteArray> put = m_engine->call(dax, s("PutItem"), QJsonObject{{s("TableName"), s("tab")}, {s("Item"), row("p8", s("a"), "3", "z")}});
        QVERIFY(put.ok());
        QJsonObject consistent = obj("{'TableName':'tab','IndexName':'gsi','KeyConditionExpression':'h1 = :h1 AND h2 = :h2 AND r1 = :a',"
                                     " 'ExpressionAttributeValues':{':h1':{'S':'x'},':h2':{'N':'1'},':a':{'S':'a'}},'Select':'COUNT'}");
        QCOMPARE(through(consistent).value(s("Count")).toInt(), 5);
        QCOMPARE(ok("Query", consistent).value(s("Count")).toInt(), 5);
    }

    // Restores name the index in GlobalSecondaryIndexOverride (kept) or
    // leave it out (an empty override: no index); a point-in-time restore
    // rebuilds the index of the items at that time.
    void restoresWithAnIndexOverrideAndToAPointInTime()
    {
        openQuiet(QString(), true, [this](api::EngineOptions &o) { o.clock = &m_clock; });
        ok("CreateTable", obj(kCreate));
        ok("UpdateContinuousBackups", obj("{'TableName':'tab','PointInTimeRecoverySpecification':{'PointInTimeRecoveryEnabled':true}}"));
        putRows();
        m_clock.advanceMs(1000);
        const qint64 before = m_clock.nowMs() / 1000;
        m_clock.advanceMs(1000);
        ok("DeleteItem", obj("{'TableName':'tab','Key':{'pk':{'S':'p2'}}}"));
        ok("UpdateItem", obj("{'TableName':'tab','Key':{'pk':{'S':'p7'}},'UpdateExpression':'SET r1 = :a','ExpressionAttributeValues':{':a':{'S':'0'}}}"));
        QCOMPARE(partitionOf(s("tab")), pks({7, 1, 3, 4, 5, 6}));
        const QString arn = ok("CreateBackup", obj("{'TableName':'tab','BackupName':'bkp'}")).value(s("BackupDetails")).toObject().value(s("BackupArn")).toString();
        QTRY_COMPARE(ok("DescribeBackup", QJsonObject{{s("BackupArn"), arn}}).value(s("BackupDescription")).toObject().value(s("BackupDetails")).toObject()
                         .value(s("BackupStatus")).toString(), s("AVAILABLE"));
        m_clock.advanceMs(1000);

        const QJsonObject gsi = obj(kCreate).value(s("GlobalSecondaryIndexes")).toArray().at(0).toObject();
        ok("RestoreTableFromBackup", QJsonObject{{s("TargetTableName"), s("kept")}, {s("BackupArn"), arn},
                                                 {s("GlobalSecondaryIndexOverride"), QJsonArray{gsi}}});
        ok("RestoreTableFromBackup", QJsonObject{{s("TargetTableName"), s("none")}, {s("BackupArn"), arn}, {s("GlobalSecondaryIndexOverride"), QJsonArray()}});
        ok("RestoreTableToPointInTime", QJsonObject{{s("SourceTableName"), s("tab")}, {s("TargetTableName"), s("then")}, {s("RestoreDateTime"), double(before)}});
        ok("RestoreTableToPointInTime", QJsonObject{{s("SourceTableName"), s("tab")}, {s("TargetTableName"), s("latest")}, {s("UseLatestRestorableTime"), true}});
        for (const char *table : {"kept", "none", "then", "latest"})
            QVERIFY2(waitActive(s(table)), table);

        for (const char *table : {"kept", "then", "latest"}) {
            const QJsonObject g = gsiOf(s(table));
            QCOMPARE(g.value(s("KeySchema")), gsi.value(s("KeySchema")));
            QCOMPARE(g.value(s("IndexStatus")).toString(), s("ACTIVE"));
        }
        QCOMPARE(partitionOf(s("kept")), pks({7, 1, 3, 4, 5, 6}));
        QCOMPARE(partitionOf(s("latest"), obj("{'Limit':2}")), pks({7, 1, 3, 4, 5, 6}));
        QCOMPARE(partitionOf(s("then")), pks({1, 2, 3, 4, 5, 6, 7}));
        QCOMPARE(gsiOf(s("then")).value(s("ItemCount")).toInt(), 7);
        QJsonObject r = obj("{'TableName':'then','IndexName':'gsi','KeyConditionExpression':'h1 = :h1 AND h2 = :h2 AND r1 = :a AND r2 < :n',"
                            " 'ExpressionAttributeValues':{':h1':{'S':'x'},':h2':{'N':'1'},':a':{'S':'a'},':n':{'N':'10'}}}");
        QCOMPARE(pksOf("Query", r), pks({1, 2}));
        // Restored without the index: the table has none, and its items are all there.
        QVERIFY(!ok("DescribeTable", obj("{'TableName':'none'}")).value(s("Table")).toObject().contains(s("GlobalSecondaryIndexes")));
        QCOMPARE(ok("Scan", obj("{'TableName':'none','Select':'COUNT'}")).value(s("Count")).toInt(), 6);
        r.insert(s("TableName"), s("none"));
        QCOMPARE(fail("Query", r).type(), s("ValidationException"));
    }

    // ExportTableToPointInTime, then ImportTable whose
    // TableCreationParameters have such an index: the index is filled from
    // the imported items.
    void exportThenImportWithTheIndex()
    {
        const QString dataDir = m_dir.path() + s("/export");
        openQuiet(dataDir, false, [this](api::EngineOptions &o) { o.clock = &m_clock; });
        QVERIFY(QDir().mkpath(m_engine->bucketsFolder() + s("/bkt")));
        ok("CreateTable", obj(kCreate));
        ok("UpdateContinuousBackups", obj("{'TableName':'tab','PointInTimeRecoverySpecification':{'PointInTimeRecoveryEnabled':true}}"));
        putRows();
        ok("PutItem", obj("{'TableName':'tab','Item':{'pk':{'S':'p8'},'h1':{'S':'x'},'h2':{'N':'1'}}}")); // not in the index
        m_clock.advanceMs(1000);
        const QString tableArn = ok("DescribeTable", obj("{'TableName':'tab'}")).value(s("Table")).toObject().value(s("TableArn")).toString();
        const QString exportArn = ok("ExportTableToPointInTime", QJsonObject{{s("TableArn"), tableArn}, {s("S3Bucket"), s("bkt")}, {s("ExportFormat"), s("DYNAMODB_JSON")}})
                                      .value(s("ExportDescription")).toObject().value(s("ExportArn")).toString();
        QTRY_COMPARE(ok("DescribeExport", QJsonObject{{s("ExportArn"), exportArn}}).value(s("ExportDescription")).toObject().value(s("ExportStatus")).toString(),
                     s("COMPLETED"));
        QJsonObject params = obj(kCreate);
        params.insert(s("TableName"), s("imported"));
        const QString id = exportArn.section(u'/', -1);
        const QJsonObject import{{s("ClientToken"), s("multi-attribute")},
                                 {s("S3BucketSource"), QJsonObject{{s("S3Bucket"), s("bkt")}, {s("S3KeyPrefix"), s("AWSDynamoDB/") + id + s("/data/")}}},
                                 {s("InputFormat"), s("DYNAMODB_JSON")},
                                 {s("InputCompressionType"), s("GZIP")},
                                 {s("TableCreationParameters"), params}};
        const QString importArn = ok("ImportTable", import).value(s("ImportTableDescription")).toObject().value(s("ImportArn")).toString();
        QTRY_COMPARE(ok("DescribeImport", QJsonObject{{s("ImportArn"), importArn}}).value(s("ImportTableDescription")).toObject().value(s("ImportStatus")).toString(),
                     s("COMPLETED"));
        QCOMPARE(ok("DescribeImport", QJsonObject{{s("ImportArn"), importArn}}).value(s("ImportTableDescription")).toObject().value(s("ImportedItemCount")).toInt(), 8);
        QVERIFY(waitActive(s("imported")));
        QCOMPARE(gsiOf(s("imported")).value(s("KeySchema")), gsiOf(s("tab")).value(s("KeySchema")));
        QCOMPARE(partitionOf(s("imported")), pks({1, 2, 3, 4, 5, 6, 7}));
        QCOMPARE(partitionOf(s("imported"), obj("{'ScanIndexForward':false,'Limit':3}")), pks({7, 6, 5, 4, 3, 2, 1}));
        QCOMPARE(gsiOf(s("imported")).value(s("ItemCount")).toInt(), 7);
        m_engine.reset();
    }

    // A replica (global tables) gets the index, filled from the source's
    // items; writes in either region are queryable through it in the other.
    void aReplicaHasTheIndexAndReplicatedWritesAreQueryable()
    {
        openQuiet(m_dir.path() + s("/global"));
        ok("CreateTable", obj(kCreate));
        putRows();
        ok("UpdateTable", obj("{'TableName':'tab','ReplicaUpdates':[{'Create':{'RegionName':'eu-west-1'}}]}"));
        const auto active = [&](const char *region) {
            m_ctx.region = s(region);
            const QJsonObject d = ok("DescribeTable", obj("{'TableName':'tab'}")).value(s("Table")).toObject();
            bool all = d.value(s("TableStatus")).toString() == s("ACTIVE");
            for (const QJsonValue &r : d.value(s("Replicas")).toArray())
                all = all && r.toObject().value(s("ReplicaStatus")).toString() == s("ACTIVE");
            return all;
        };
        QTRY_VERIFY_WITH_TIMEOUT(active("us-east-1") && active("eu-west-1"), 20000);
        const auto partitionIn = [&](const char *region) {
            m_ctx.region = s(region);
            return partitionOf(s("tab"));
        };
        m_ctx.region = s("eu-west-1");
        const QJsonObject west = gsiOf(s("tab"));
        QCOMPARE(west.value(s("KeySchema")), obj(kCreate).value(s("GlobalSecondaryIndexes")).toArray().at(0).toObject().value(s("KeySchema")));
        QCOMPARE(west.value(s("IndexStatus")).toString(), s("ACTIVE"));
        QCOMPARE(partitionIn("eu-west-1"), pks({1, 2, 3, 4, 5, 6, 7}));

        // Writes in the source reach the replica's index...
        m_ctx.region = s("us-east-1");
        ok("DeleteItem", obj("{'TableName':'tab','Key':{'pk':{'S':'p2'}}}"));
        ok("UpdateItem", obj("{'TableName':'tab','Key':{'pk':{'S':'p7'}},'UpdateExpression':'SET r1 = :a','ExpressionAttributeValues':{':a':{'S':'0'}}}"));
        ok("PutItem", QJsonObject{{s("TableName"), s("tab")}, {s("Item"), row("p8", s("c"), "1", "z")}});
        QTRY_COMPARE_WITH_TIMEOUT(partitionIn("eu-west-1"), pks({7, 1, 3, 4, 5, 6, 8}), 20000);
        // ... and the replica's writes the source's.
        m_ctx.region = s("eu-west-1");
        ok("UpdateItem", obj("{'TableName':'tab','Key':{'pk':{'S':'p1'}},'UpdateExpression':'REMOVE r3'}"));
        ok("PutItem", QJsonObject{{s("TableName"), s("tab")}, {s("Item"), row("p9", s("a"), "3", "z")}});
        QTRY_COMPARE_WITH_TIMEOUT(partitionIn("us-east-1"), pks({7, 9, 3, 4, 5, 6, 8}), 20000);
        QCOMPARE(partitionIn("eu-west-1"), pks({7, 9, 3, 4, 5, 6, 8}));
        m_ctx.region = s("eu-west-1");
        QCOMPARE(gsiOf(s("tab")).value(s("ItemCount")).toInt(), 7);
        m_engine.reset();
    }
};

QTEST_GUILESS_MAIN(TstMultiAttributeKeys)
#include "tst_multiattributekeys.moc"
