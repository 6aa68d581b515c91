// copyTable between two real engines, and to a real dynamodesk-server over
// HTTP: the definition (keys, GSIs and LSIs with their projections,
// capacities, the stream), every item of every attribute type, and TTL
// after the items; a GSI with a multi-attribute key, queried alike on both
// sides; into an existing table (its key schema checked);
// throttled calls and unprocessed items sent again (a proxy over the real
// engine refuses or half-processes batches); cancel; errors that name the
// step and change nothing.
#include "client/httpclient.h"
#include "client/inprocessclient.h"
#include "client/tablecopy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include <atomic>
#include <map>
#include <mutex>

using namespace dd;
using namespace dd::client;

namespace {

// JSON written with ' for " (moc mistakes some raw strings and drops the test class).
QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text).replace('\'', '"')).object();
}

std::shared_ptr<InProcessClient> memoryEngine(const QString &region = QStringLiteral("us-east-1"))
{
    api::EngineOptions o;
    o.inMemory = true;
    o.ttlSweepIntervalMs = 0;
    auto e = api::Engine::open(o);
    if (!e.ok())
        qFatal("%s", qPrintable(e.error().message()));
    api::RequestContext ctx;
    ctx.region = region;
    return std::make_shared<InProcessClient>(std::shared_ptr<api::Engine>(std::move(*e)), ctx);
}

QString describe(const ApiResponse &r)
{
    return r.ok() ? QString() : r.error->type() + QStringLiteral(": ") + r.error->message();
}

QJsonObject must(Client &c, const char *op, const QJsonObject &req)
{
    const ApiResponse r = c.callSync(QString::fromLatin1(op), req);
    if (!r.ok())
        qWarning("%s: %s", op, qPrintable(describe(r)));
    return r.body;
}

// Every item of `table`, by its compact JSON (sorted keys), counted.
std::map<QByteArray, int> allItems(Client &c, const QString &table)
{
    std::map<QByteArray, int> out;
    QJsonObject req{{QStringLiteral("TableName"), table}};
    for (;;) {
        const QJsonObject page = must(c, "Scan", req);
        for (const QJsonValue &i : page.value(QStringLiteral("Items")).toArray())
            ++out[QJsonDocument(i.toObject()).toJson(QJsonDocument::Compact)];
        if (!page.contains(QStringLiteral("LastEvaluatedKey")))
            return out;
        req.insert(QStringLiteral("ExclusiveStartKey"), page.value(QStringLiteral("LastEvaluatedKey")));
    }
}

// The source table: hash and range keys, a GSI with INCLUDE, an LSI with
// KEYS_ONLY, provisioned 7/3 (the GSI 4/2), a NEW_IMAGE stream, TTL on
// "expires", and `n` items of every attribute type.
void makeSource(Client &c, int n)
{
    must(c, "CreateTable", json("{'TableName':'orders','BillingMode':'PROVISIONED','ProvisionedThroughput':{'ReadCapacityUnits':7,'WriteCapacityUnits':3}, "
"'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'N'}, "
"{'AttributeName':'status','AttributeType':'S'},{'AttributeName':'placed','AttributeType':'B'}], "
"'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}], "
"'GlobalSecondaryIndexes':[{'IndexName':'byStatus','KeySchema':[{'AttributeName':'status','KeyType':'HASH'}], "
"'Projection':{'ProjectionType':'INCLUDE','NonKeyAttributes':['total']},'ProvisionedThroughput':{'ReadCapacityUnits':4,'WriteCapacityUnits':2}}], "
"'LocalSecondaryIndexes':[{'IndexName':'byPlaced','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'placed','KeyType':'RANGE'}], "
"'Projection':{'ProjectionType':'KEYS_ONLY'}}], "
"'StreamSpecification':{'StreamEnabled':true,'StreamViewType':'NEW_IMAGE'}}"));
    must(c, "UpdateTimeToLive", json("{'TableName':'orders','TimeToLiveSpecification':{'Enabled':true,'AttributeName':'expires'}}"));
    for (int i = 0; i < n; i += 25) {
        QJsonArray requests;
        for (int j = i; j < std::min(n, i + 25); ++j) {
            QJsonObject item{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), QStringLiteral("customer-%1").arg(j % 37)}}},
                             {QStringLiteral("sk"), QJsonObject{{QStringLiteral("N"), QString::number(j)}}},
                             {QStringLiteral("total"), QJsonObject{{QStringLiteral("N"), QStringLiteral("%1.25").arg(j)}}},
                             {QStringLiteral("placed"), QJsonObject{{QStringLiteral("B"), QString::fromLatin1(QByteArray::number(j).toBase64())}}},
                             {QStringLiteral("tags"), QJsonObject{{QStringLiteral("SS"), QJsonArray{QStringLiteral("a"), QStringLiteral("b%1").arg(j % 5)}}}},
                             {QStringLiteral("lines"), QJsonObject{{QStringLiteral("L"), QJsonArray{QJsonObject{{QStringLiteral("M"), QJsonObject{{QStringLiteral("qty"), QJsonObject{{QStringLiteral("N"), QStringLiteral("2")}}}, {QStringLiteral("gift"), QJsonObject{{QStringLiteral("BOOL"), j % 2 == 0}}}}}}, QJsonObject{{QStringLiteral("NULL"), true}}}}}},
                             {QStringLiteral("expires"), QJsonObject{{QStringLiteral("N"), QStringLiteral("4102444800")}}}};
            if (j % 3)
                item.insert(QStringLiteral("status"), QJsonObject{{QStringLiteral("S"), j % 2 ? QStringLiteral("open") : QStringLiteral("shipped")}});
            requests.append(QJsonObject{{QStringLiteral("PutRequest"), QJsonObject{{QStringLiteral("Item"), item}}}});
        }
        must(c, "BatchWriteItem", {{QStringLiteral("RequestItems"), QJsonObject{{QStringLiteral("orders"), requests}}}});
    }
}

// Every item a Query of `request` returns, page after page, in order.
QJsonArray queryAll(Client &c, QJsonObject request)
{
    QJsonArray out;
    for (int page = 0; page < 100; ++page) {
        const QJsonObject r = must(c, "Query", request);
        for (const QJsonValue &i : r.value(QStringLiteral("Items")).toArray())
            out.append(i);
        if (!r.contains(QStringLiteral("LastEvaluatedKey")))
            break;
        request.insert(QStringLiteral("ExclusiveStartKey"), r.value(QStringLiteral("LastEvaluatedKey")));
    }
    return out;
}

// The real engine behind a proxy that refuses every fifth BatchWriteItem
// for throughput and of every other one writes only the first half,
// returning the rest as UnprocessedItems, as a throttled AWS table does.
class Throttled : public Client {
public:
    explicit Throttled(std::shared_ptr<Client> real) : m_real(std::move(real)) {}
    std::atomic<int> refused{0}, halved{0};
    QFuture<ApiResponse> call(const QString &op, const QJsonObject &req) override { return m_real->call(op, req); }
    ApiResponse callSync(const QString &op, const QJsonObject &req) override
    {
        if (op != QStringLiteral("BatchWriteItem"))
            return m_real->callSync(op, req);
        const int n = m_calls.fetch_add(1);
        if (n % 5 == 4) {
            ++refused;
            return {{}, ApiError(QStringLiteral("ProvisionedThroughputExceededException"), QStringLiteral("The level of configured provisioned throughput for the table was exceeded.")), 0};
        }
        const QJsonObject items = req.value(QStringLiteral("RequestItems")).toObject();
        const QString table = items.keys().first();
        const QJsonArray all = items.value(table).toArray();
        if (all.size() < 2 || n % 2)
            return m_real->callSync(op, req);
        ++halved;
        QJsonArray first, rest;
        for (qsizetype i = 0; i < all.size(); ++i)
            (i < all.size() / 2 ? first : rest).append(all.at(i));
        ApiResponse r = m_real->callSync(op, {{QStringLiteral("RequestItems"), QJsonObject{{table, first}}}});
        if (r.ok())
            r.body.insert(QStringLiteral("UnprocessedItems"), QJsonObject{{table, rest}});
        return r;
    }
    QString region() const override { return m_real->region(); }
    QString displayName() const override { return m_real->displayName(); }

private:
    std::shared_ptr<Client> m_real;
    std::atomic<int> m_calls{0};
};

} // namespace

class TestTableCopy : public QObject {
    Q_OBJECT

    QProcess m_server;
    QUrl m_url;

    void checkCopy(Client &source, Client &target, const QString &targetName)
    {
        const QJsonObject s = must(source, "DescribeTable", {{QStringLiteral("TableName"), QStringLiteral("orders")}}).value(QStringLiteral("Table")).toObject();
        const QJsonObject t = must(target, "DescribeTable", {{QStringLiteral("TableName"), targetName}}).value(QStringLiteral("Table")).toObject();
        QCOMPARE(t.value(QStringLiteral("KeySchema")), s.value(QStringLiteral("KeySchema")));
        QCOMPARE(t.value(QStringLiteral("ProvisionedThroughput")).toObject().value(QStringLiteral("ReadCapacityUnits")).toInt(), 7);
        QCOMPARE(t.value(QStringLiteral("ProvisionedThroughput")).toObject().value(QStringLiteral("WriteCapacityUnits")).toInt(), 3);
        const QJsonObject gsi = t.value(QStringLiteral("GlobalSecondaryIndexes")).toArray().first().toObject();
        QCOMPARE(gsi.value(QStringLiteral("IndexName")).toString(), QStringLiteral("byStatus"));
        QCOMPARE(gsi.value(QStringLiteral("Projection")).toObject(), json("{'ProjectionType':'INCLUDE','NonKeyAttributes':['total']}"));
        QCOMPARE(gsi.value(QStringLiteral("ProvisionedThroughput")).toObject().value(QStringLiteral("ReadCapacityUnits")).toInt(), 4);
        const QJsonObject lsi = t.value(QStringLiteral("LocalSecondaryIndexes")).toArray().first().toObject();
        QCOMPARE(lsi.value(QStringLiteral("IndexName")).toString(), QStringLiteral("byPlaced"));
        QCOMPARE(lsi.value(QStringLiteral("Projection")).toObject().value(QStringLiteral("ProjectionType")).toString(), QStringLiteral("KEYS_ONLY"));
        QCOMPARE(t.value(QStringLiteral("StreamSpecification")).toObject().value(QStringLiteral("StreamViewType")).toString(), QStringLiteral("NEW_IMAGE"));
        QCOMPARE(allItems(target, targetName), allItems(source, QStringLiteral("orders")));
        const QJsonObject ttl = must(target, "DescribeTimeToLive", {{QStringLiteral("TableName"), targetName}}).value(QStringLiteral("TimeToLiveDescription")).toObject();
        QCOMPARE(ttl.value(QStringLiteral("AttributeName")).toString(), QStringLiteral("expires"));
        // The copied GSI answers queries over the copied items.
        const QJsonObject q = must(target, "Query", json(QStringLiteral("{'TableName':'%1','IndexName':'byStatus','KeyConditionExpression':'#s = :s', "
"'ExpressionAttributeNames':{'#s':'status'},'ExpressionAttributeValues':{':s':{'S':'open'}},'Select':'COUNT'}").arg(targetName).toUtf8().constData()));
        const QJsonObject qs = must(source, "Query", json("{'TableName':'orders','IndexName':'byStatus','KeyConditionExpression':'#s = :s', "
"'ExpressionAttributeNames':{'#s':'status'},'ExpressionAttributeValues':{':s':{'S':'open'}},'Select':'COUNT'}"));
        QCOMPARE(q.value(QStringLiteral("Count")).toInt(), qs.value(QStringLiteral("Count")).toInt());
        QVERIFY(q.value(QStringLiteral("Count")).toInt() > 0);
    }

private slots:
    void initTestCase()
    {
        QString path = qEnvironmentVariable("DYNAMODESK_SERVER");
        if (path.isEmpty()) path = QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/dynamodesk-server");
        m_server.start(path, {QStringLiteral("--in-memory"), QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY2(m_server.waitForStarted(), qPrintable(m_server.errorString()));
        QByteArray line;
        while (!line.contains('\n') && m_server.waitForReadyRead(20000)) line += m_server.readAllStandardOutput();
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("listening on (http://[^ ]+)")).match(QString::fromUtf8(line));
        QVERIFY2(m.hasMatch(), line.constData());
        m_url = QUrl(m.captured(1));
    }

    void cleanupTestCase()
    {
        if (m_server.state() == QProcess::Running) {
            m_server.terminate();
            if (!m_server.waitForFinished(10000)) m_server.kill();
        }
    }

    void copiesDefinitionItemsAndTimeToLive()
    {
        auto source = memoryEngine();
        auto target = memoryEngine(QStringLiteral("eu-west-1"));
        makeSource(*source, 1200);
        std::vector<TableCopyProgress> reports;
        std::mutex mutex;
        TableCopyOptions o;
        o.sourceTable = QStringLiteral("orders");
        o.targetTable = QStringLiteral("orders-copy");
        const TableCopyOutcome out = copyTable(*source, *target, o, [&](const TableCopyProgress &p) {
            std::lock_guard lock(mutex);
            reports.push_back(p);
        });
        QVERIFY2(out.ok(), out.error ? qPrintable(out.error->message()) : "cancelled");
        QVERIFY(out.created);
        QCOMPARE(out.itemsCopied, qint64(1200));
        checkCopy(*source, *target, QStringLiteral("orders-copy"));
        QCOMPARE(reports.front().phase, TableCopyProgress::Phase::Creating);
        QCOMPARE(reports.front().itemsEstimated, qint64(1200));
        QCOMPARE(reports.back().phase, TableCopyProgress::Phase::Finishing);
        qint64 most = 0;
        for (const TableCopyProgress &p : reports)
            if (p.phase == TableCopyProgress::Phase::Copying) {
                QVERIFY(p.itemsCopied >= most);
                most = p.itemsCopied;
            }
        QCOMPARE(most, qint64(1200));
    }

    void copiesOverHttp()
    {
        auto source = memoryEngine();
        makeSource(*source, 600);
        HttpClient::Config c = HttpClient::Config::local(m_url);
        HttpClient target(c);
        TableCopyOptions o;
        o.sourceTable = QStringLiteral("orders");
        const TableCopyOutcome out = copyTable(*source, target, o);
        QVERIFY2(out.ok(), out.error ? qPrintable(out.error->message()) : "cancelled");
        checkCopy(*source, target, QStringLiteral("orders"));
        // And back, from the endpoint into another engine, in one segment.
        auto back = memoryEngine();
        o.segments = 1;
        QVERIFY(copyTable(target, *back, o).ok());
        QCOMPARE(allItems(*back, QStringLiteral("orders")), allItems(*source, QStringLiteral("orders")));
    }

    void throttledWritesAreSentAgain()
    {
        auto source = memoryEngine();
        makeSource(*source, 300);
        auto real = memoryEngine();
        Throttled target(real);
        TableCopyOptions o;
        o.sourceTable = QStringLiteral("orders");
        o.segments = 3;
        const TableCopyOutcome out = copyTable(*source, target, o);
        QVERIFY2(out.ok(), out.error ? qPrintable(out.error->message()) : "cancelled");
        QVERIFY(target.refused > 0);
        QVERIFY(target.halved > 0);
        QCOMPARE(out.itemsCopied, qint64(300));
        QCOMPARE(allItems(*real, QStringLiteral("orders")), allItems(*source, QStringLiteral("orders")));
    }

    void intoAnExistingTable()
    {
        auto source = memoryEngine();
        auto target = memoryEngine();
        makeSource(*source, 100);
        must(*target, "CreateTable", json("{'TableName':'orders','BillingMode':'PAY_PER_REQUEST', "
"'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'N'}], "
"'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}]}"));
        must(*target, "PutItem", json("{'TableName':'orders','Item':{'pk':{'S':'already'},'sk':{'N':'1'}}}"));
        must(*target, "CreateTable", json("{'TableName':'other','BillingMode':'PAY_PER_REQUEST', "
"'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'}],'KeySchema':[{'AttributeName':'id','KeyType':'HASH'}]}"));
        TableCopyOptions o;
        o.sourceTable = QStringLiteral("orders");
        o.createTarget = false;
        TableCopyOutcome out = copyTable(*source, *target, o);
        QVERIFY2(out.ok(), out.error ? qPrintable(out.error->message()) : "cancelled");
        QVERIFY(!out.created);
        QCOMPARE(allItems(*target, QStringLiteral("orders")).size(), size_t(101));
        // Another key schema: refused before any write.
        o.targetTable = QStringLiteral("other");
        out = copyTable(*source, *target, o);
        QVERIFY(out.error);
        QCOMPARE(out.error->type(), QStringLiteral("ValidationException"));
        QVERIFY(allItems(*target, QStringLiteral("other")).empty());
    }

    void errorsNameTheStep()
    {
        auto source = memoryEngine();
        auto target = memoryEngine();
        TableCopyOptions o;
        o.sourceTable = QStringLiteral("missing");
        TableCopyOutcome out = copyTable(*source, *target, o);
        QVERIFY(out.error);
        QCOMPARE(out.error->type(), QStringLiteral("ResourceNotFoundException"));
        QVERIFY2(out.error->message().startsWith(QStringLiteral("DescribeTable of missing: ")), qPrintable(out.error->message()));
        makeSource(*source, 10);
        makeSource(*target, 1);
        o.sourceTable = QStringLiteral("orders");
        out = copyTable(*source, *target, o);
        QVERIFY(out.error);
        QCOMPARE(out.error->type(), QStringLiteral("ResourceInUseException"));
        QVERIFY2(out.error->message().startsWith(QStringLiteral("CreateTable of orders: ")), qPrintable(out.error->message()));
        QCOMPARE(allItems(*target, QStringLiteral("orders")).size(), size_t(1));
    }

    void cancelStopsTheCopy()
    {
        auto source = memoryEngine();
        auto target = memoryEngine();
        makeSource(*source, 3000);
        std::atomic<bool> cancel{false};
        TableCopyOptions o;
        o.sourceTable = QStringLiteral("orders");
        o.segments = 2;
        const TableCopyOutcome out = copyTable(*source, *target, o, [&](const TableCopyProgress &p) {
            if (p.itemsCopied >= 100)
                cancel = true;
        }, &cancel);
        QVERIFY(out.cancelled);
        QVERIFY(!out.error);
        QVERIFY(out.itemsCopied >= 100);
        QVERIFY(out.itemsCopied < 3000);
        QCOMPARE(qint64(allItems(*target, QStringLiteral("orders")).size()), out.itemsCopied);
        // Cancelled before the items were all in: no TTL set.
        QCOMPARE(must(*target, "DescribeTimeToLive", {{QStringLiteral("TableName"), QStringLiteral("orders")}})
                     .value(QStringLiteral("TimeToLiveDescription")).toObject().value(QStringLiteral("TimeToLiveStatus")).toString(),
                 QStringLiteral("DISABLED"));
    }

    // A GSI with a multi-attribute key (two HASH, two RANGE attributes, an
    // INCLUDE projection): the copy has the same index, in memory and over
    // HTTP, and a Query through it returns the same items in the same order.
    void copiesAMultiAttributeIndex()
    {
        auto source = memoryEngine();
        must(*source, "CreateTable", json("{'TableName':'events','BillingMode':'PAY_PER_REQUEST', "
"'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'},{'AttributeName':'tenant','AttributeType':'S'}, "
"{'AttributeName':'region','AttributeType':'N'},{'AttributeName':'day','AttributeType':'S'},{'AttributeName':'seq','AttributeType':'N'}], "
"'KeySchema':[{'AttributeName':'id','KeyType':'HASH'}], "
"'GlobalSecondaryIndexes':[{'IndexName':'byTenant','KeySchema':[{'AttributeName':'tenant','KeyType':'HASH'},{'AttributeName':'region','KeyType':'HASH'}, "
"{'AttributeName':'day','KeyType':'RANGE'},{'AttributeName':'seq','KeyType':'RANGE'}],'Projection':{'ProjectionType':'INCLUDE','NonKeyAttributes':['note']}}]}"));
        for (int i = 0; i < 150; ++i) {
            QJsonObject item{{QStringLiteral("id"), QJsonObject{{QStringLiteral("S"), QStringLiteral("e%1").arg(i)}}},
                             {QStringLiteral("tenant"), QJsonObject{{QStringLiteral("S"), QStringLiteral("t%1").arg(i % 3)}}},
                             {QStringLiteral("region"), QJsonObject{{QStringLiteral("N"), QString::number(i % 2)}}},
                             {QStringLiteral("day"), QJsonObject{{QStringLiteral("S"), QStringLiteral("2026-11-%1").arg(10 + i % 7)}}},
                             {QStringLiteral("note"), QJsonObject{{QStringLiteral("S"), QStringLiteral("n%1").arg(i)}}}};
            if (i % 10) // every tenth item lacks a key attribute: not in the index
                item.insert(QStringLiteral("seq"), QJsonObject{{QStringLiteral("N"), QString::number((i * 37) % 101 - 50)}});
            must(*source, "PutItem", {{QStringLiteral("TableName"), QStringLiteral("events")}, {QStringLiteral("Item"), item}});
        }
        auto target = memoryEngine(QStringLiteral("eu-west-1"));
        HttpClient::Config c = HttpClient::Config::local(m_url);
        HttpClient overHttp(c);
        TableCopyOptions o;
        o.sourceTable = QStringLiteral("events");
        for (Client *to : std::initializer_list<Client *>{target.get(), &overHttp}) {
            const TableCopyOutcome out = copyTable(*source, *to, o);
            QVERIFY2(out.ok(), out.error ? qPrintable(out.error->message()) : "cancelled");
            QCOMPARE(out.itemsCopied, qint64(150));
            const QJsonObject s = must(*source, "DescribeTable", {{QStringLiteral("TableName"), QStringLiteral("events")}}).value(QStringLiteral("Table")).toObject();
            const QJsonObject t = must(*to, "DescribeTable", {{QStringLiteral("TableName"), QStringLiteral("events")}}).value(QStringLiteral("Table")).toObject();
            const QJsonObject sg = s.value(QStringLiteral("GlobalSecondaryIndexes")).toArray().first().toObject();
            const QJsonObject tg = t.value(QStringLiteral("GlobalSecondaryIndexes")).toArray().first().toObject();
            QCOMPARE(tg.value(QStringLiteral("KeySchema")).toArray().size(), 4);
            QCOMPARE(tg.value(QStringLiteral("KeySchema")), sg.value(QStringLiteral("KeySchema")));
            QCOMPARE(tg.value(QStringLiteral("Projection")), sg.value(QStringLiteral("Projection")));
            QCOMPARE(tg.value(QStringLiteral("ItemCount")).toInt(), 135);
            for (const char *request : {"{'TableName':'events','IndexName':'byTenant','KeyConditionExpression':'tenant = :t AND #r = :r',"
                                        " 'ExpressionAttributeNames':{'#r':'region'},'ExpressionAttributeValues':{':t':{'S':'t1'},':r':{'N':'0'}},'Limit':7}",
                                        "{'TableName':'events','IndexName':'byTenant','KeyConditionExpression':'tenant = :t AND #r = :r AND #d = :d AND seq > :s',"
                                        " 'ExpressionAttributeNames':{'#r':'region','#d':'day'},"
                                        " 'ExpressionAttributeValues':{':t':{'S':'t2'},':r':{'N':'1'},':d':{'S':'2026-11-13'},':s':{'N':'-30'}},'ScanIndexForward':false}"}) {
                const QJsonArray want = queryAll(*source, json(request));
                QVERIFY(!want.isEmpty());
                QCOMPARE(queryAll(*to, json(request)), want);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestTableCopy)
#include "tst_tablecopy.moc"
