// InProcessClient's DAX routing against a real in-memory engine with a
// ManualClock: a client given a cluster (throughDaxCluster()) sends exactly
// the ten item operations a DAX client serves through that cluster (each
// one counted by the cluster's metrics) and everything else (tables,
// PartiQL, DAX's control plane, our own operations) directly, so that a
// table browser can describe its table and read its items through the
// cache; reads through the cluster stay stale after a write around it until
// record-ttl-millis ends, while consistent reads and writes through the
// cluster are seen at once; no cluster routes nothing, and an unknown one
// fails only the item operations.
// JSON is written with ' for " (ordinary literals: moc drops a test class
// whose raw strings hold \" or ').
#include "client/daxrouting.h"
#include "client/inprocessclient.h"
#include "model/clock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using dd::client::ApiResponse;
using dd::client::Client;
using dd::client::InProcessClient;

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }

QJsonObject json(const char *text)
{
    QByteArray bytes(text);
    bytes.replace('\'', '"');
    QJsonParseError e;
    const QJsonObject o = QJsonDocument::fromJson(bytes, &e).object();
    if (e.error != QJsonParseError::NoError)
        qWarning() << "bad test JSON" << text << e.errorString();
    return o;
}

QString describe(const ApiResponse &r)
{
    return r.ok() ? QString() : r.error->type() + QStringLiteral(": ") + r.error->message();
}

constexpr qint64 kStart = 1'700'000'000'000;
constexpr qint64 kRecordTtlMs = 300'000; // default.dax1.0's record-ttl-millis

} // namespace

class TestInProcessClient : public QObject {
    Q_OBJECT

    dd::ManualClock m_clock{kStart};
    std::shared_ptr<dd::api::Engine> m_engine;
    std::shared_ptr<InProcessClient> m_direct;
    std::shared_ptr<Client> m_routed; // through cluster "cache"

    ApiResponse ok(Client &client, const char *op, const QJsonObject &request)
    {
        const ApiResponse r = client.callSync(s(op), request);
        if (!r.ok())
            qWarning() << op << describe(r);
        return r;
    }
    qint64 metric(const char *name)
    {
        const ApiResponse r = ok(*m_direct, "Dynamodesk.DescribeClusterMetrics", json("{'ClusterName':'cache'}"));
        return r.body.value(s("Metrics")).toObject().value(s(name)).toInteger(-1);
    }
    void put(Client &client, const char *pk, int v)
    {
        QJsonObject req = json("{'TableName':'Items'}");
        req.insert(s("Item"), QJsonObject{{s("pk"), QJsonObject{{s("S"), s(pk)}}}, {s("v"), QJsonObject{{s("N"), QString::number(v)}}}});
        ok(client, "PutItem", req);
    }
    // The "v" that GetItem returns through `client`; -1: no item.
    int value(Client &client, const char *pk, bool consistent = false)
    {
        QJsonObject req = json("{'TableName':'Items'}");
        req.insert(s("Key"), QJsonObject{{s("pk"), QJsonObject{{s("S"), s(pk)}}}});
        if (consistent)
            req.insert(s("ConsistentRead"), true);
        const ApiResponse r = ok(client, "GetItem", req);
        if (!r.body.contains(s("Item")))
            return -1;
        return r.body.value(s("Item")).toObject().value(s("v")).toObject().value(s("N")).toString().toInt();
    }

private slots:
    void init()
    {
        m_clock.setMs(kStart);
        dd::api::EngineOptions o;
        o.inMemory = true;
        o.clock = &m_clock;
        o.ttlSweepIntervalMs = 0;
        o.changeLogPruneIntervalMs = 0;
        o.pitrMaintenanceIntervalMs = 0;
        auto e = dd::api::Engine::open(o);
        QVERIFY2(e.ok(), e.ok() ? "" : qPrintable(e.error().message()));
        m_engine = std::shared_ptr<dd::api::Engine>(std::move(*e).release());
        m_direct = std::make_shared<InProcessClient>(m_engine, dd::api::RequestContext());
        QVERIFY(ok(*m_direct, "CreateTable", json("{'TableName':'Items','BillingMode':'PAY_PER_REQUEST',"
                                                  "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],"
                                                  "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]}")).ok());
        QVERIFY(ok(*m_direct, "Dax.CreateCluster", json("{'ClusterName':'cache','NodeType':'dax.t3.small','ReplicationFactor':1,"
                                                        "'IamRoleArn':'arn:aws:iam::000000000000:role/DAXServiceRole'}")).ok());
        m_routed = m_direct->throughDaxCluster(s("cache"));
        QVERIFY(m_routed);
    }

    void cleanup()
    {
        m_routed.reset();
        m_direct.reset();
        m_engine.reset();
    }

    void names()
    {
        auto *routed = dynamic_cast<InProcessClient *>(m_routed.get());
        QVERIFY(routed);
        QCOMPARE(routed->daxCluster(), s("cache"));
        QVERIFY(routed->context().daxCluster.isEmpty());
        QCOMPARE(routed->region(), m_direct->region());
        QCOMPARE(m_direct->daxCluster(), QString());
        QCOMPARE(m_routed->displayName(), s("Embedded (in memory), DAX cluster cache"));
        QCOMPARE(m_direct->displayName(), s("Embedded (in memory)"));
        // A context naming a cluster is taken as the constructor's cluster: only item operations use it.
        dd::api::RequestContext context;
        context.daxCluster = s("cache");
        InProcessClient fromContext(m_engine, context);
        QCOMPARE(fromContext.daxCluster(), s("cache"));
        QVERIFY(fromContext.callSync(s("DescribeTable"), json("{'TableName':'Items'}")).ok());
    }

    void itemOperationsGoThroughTheCluster_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QJsonObject>("request");
        QTest::addColumn<bool>("throughCluster");
        const auto row = [](const char *op, const char *request, bool through) {
            QTest::newRow(op) << s(op) << json(request) << through;
        };
        row("GetItem", "{'TableName':'Items','Key':{'pk':{'S':'a'}}}", true);
        row("BatchGetItem", "{'RequestItems':{'Items':{'Keys':[{'pk':{'S':'a'}}]}}}", true);
        row("Query", "{'TableName':'Items','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'a'}}}", true);
        row("Scan", "{'TableName':'Items'}", true);
        row("PutItem", "{'TableName':'Items','Item':{'pk':{'S':'b'}}}", true);
        row("UpdateItem", "{'TableName':'Items','Key':{'pk':{'S':'b'}},'UpdateExpression':'SET v = :v',"
                          "'ExpressionAttributeValues':{':v':{'N':'1'}}}", true);
        row("DeleteItem", "{'TableName':'Items','Key':{'pk':{'S':'b'}}}", true);
        row("BatchWriteItem", "{'RequestItems':{'Items':[{'PutRequest':{'Item':{'pk':{'S':'c'}}}}]}}", true);
        row("TransactWriteItems", "{'TransactItems':[{'Put':{'TableName':'Items','Item':{'pk':{'S':'d'}}}}]}", true);
        row("TransactGetItems", "{'TransactItems':[{'Get':{'TableName':'Items','Key':{'pk':{'S':'d'}}}}]}", true);
        // What the DAX client refuses goes to DynamoDB itself and works.
        row("DescribeTable", "{'TableName':'Items'}", false);
        row("ListTables", "{}", false);
        row("DescribeTimeToLive", "{'TableName':'Items'}", false);
        row("ExecuteStatement", "{'Statement':'SELECT * FROM Items'}", false);
        row("Dax.DescribeClusters", "{}", false);
        row("Dynamodesk.DescribeClusterMetrics", "{'ClusterName':'cache'}", false);
    }

    void itemOperationsGoThroughTheCluster()
    {
        QFETCH(QString, operation);
        QFETCH(QJsonObject, request);
        QFETCH(bool, throughCluster);
        QCOMPARE(dd::client::isDaxDataOperation(operation), throughCluster);
        const qint64 before = metric("TotalRequestCount");
        const ApiResponse r = m_routed->callSync(operation, request);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(metric("TotalRequestCount"), before + (throughCluster ? 1 : 0));
        // The direct client never goes through it.
        const ApiResponse direct = m_direct->callSync(operation, request);
        QVERIFY2(direct.ok(), qPrintable(describe(direct)));
        QCOMPARE(metric("TotalRequestCount"), before + (throughCluster ? 1 : 0));
    }

    void staleReadsUntilTheTtlEnds()
    {
        put(*m_direct, "a", 1);
        QCOMPARE(value(*m_routed, "a"), 1); // a miss: read from the table and cached
        QCOMPARE(metric("ItemCacheMisses"), 1);
        put(*m_direct, "a", 2);             // around the cluster
        QCOMPARE(value(*m_routed, "a"), 1); // the cached item
        QCOMPARE(metric("ItemCacheHits"), 1);
        QCOMPARE(value(*m_routed, "a", true), 2); // consistent reads pass through
        QCOMPARE(value(*m_direct, "a"), 2);
        m_clock.advanceMs(kRecordTtlMs - 1);
        QCOMPARE(value(*m_routed, "a"), 1);
        m_clock.advanceMs(2);
        QCOMPARE(value(*m_routed, "a"), 2); // expired: read again
        QCOMPARE(metric("GetItemRequestCount"), 5);
    }

    void writesThroughTheClusterAreSeen()
    {
        put(*m_direct, "a", 1);
        QCOMPARE(value(*m_routed, "a"), 1);
        put(*m_routed, "a", 3);
        QCOMPARE(value(*m_routed, "a"), 3);
        QCOMPARE(value(*m_direct, "a"), 3);
        QCOMPARE(metric("PutItemRequestCount"), 1);
    }

    void noClusterOrAnUnknownOne()
    {
        // An empty name: a client that routes nothing.
        const std::shared_ptr<Client> none = m_routed->throughDaxCluster(QString());
        QVERIFY(none);
        QCOMPARE(none->displayName(), s("Embedded (in memory)"));
        put(*m_direct, "a", 1);
        QCOMPARE(value(*none, "a"), 1);
        QCOMPARE(metric("TotalRequestCount"), 0);

        // A cluster that is not there: item operations fail, the rest works.
        const std::shared_ptr<Client> missing = m_direct->throughDaxCluster(s("missing"));
        const ApiResponse r = missing->callSync(s("GetItem"), json("{'TableName':'Items','Key':{'pk':{'S':'a'}}}"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error->type(), s("ResourceNotFoundException"));
        QVERIFY2(r.error->message().contains(s("missing")), qPrintable(r.error->message()));
        QVERIFY(missing->callSync(s("DescribeTable"), json("{'TableName':'Items'}")).ok());

        // A deleted cluster: the same.
        QVERIFY(ok(*m_direct, "Dax.DeleteCluster", json("{'ClusterName':'cache'}")).ok());
        const ApiResponse gone = m_routed->callSync(s("GetItem"), json("{'TableName':'Items','Key':{'pk':{'S':'a'}}}"));
        QCOMPARE(gone.error.value_or(dd::ApiError(QString(), QString())).type(), s("ResourceNotFoundException"));
    }

    void asynchronousCalls()
    {
        put(*m_direct, "a", 1);
        QFuture<ApiResponse> read = m_routed->call(s("GetItem"), json("{'TableName':'Items','Key':{'pk':{'S':'a'}}}"));
        QFuture<ApiResponse> describeTable = m_routed->call(s("DescribeTable"), json("{'TableName':'Items'}"));
        QVERIFY2(read.result().ok(), qPrintable(describe(read.result())));
        QVERIFY2(describeTable.result().ok(), qPrintable(describe(describeTable.result())));
        QCOMPARE(metric("TotalRequestCount"), 1);
    }
};

QTEST_GUILESS_MAIN(TestInProcessClient)
#include "tst_inprocessclient.moc"
