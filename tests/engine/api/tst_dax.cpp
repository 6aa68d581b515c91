// DAX clusters through Engine::call, with a ManualClock: the control plane
// (clusters, their statuses and nodes, parameter groups and their TTLs,
// subnet groups, tags, events; AWS's faults, changing nothing) and the data
// plane of a cluster (RequestContext::daxCluster), as DAX's developer guide
// describes its caches: eventually consistent reads served from the item
// and query caches until their TTLs end (0: never expire / never cached),
// "no such item" and empty results cached, writes through the cluster
// stored in the item cache, writes around it unseen, the query cache never
// touched by writes, consistent and transactional reads passed through,
// failed writes leaving the caches alone; the DAX client's refusal of other
// operations; the counters DAX publishes; IAM's dax: actions; and readers
// racing writers through one cluster ending with the table's items.
#include "enginecalls.h"

#include "model/clock.h"
#include "security/credentials.h"
#include "security/policy.h"

#include <QJsonArray>
#include <QTemporaryDir>

#include <atomic>
#include <thread>

using namespace dd;

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }
// JSON written with ' for " (so that the tests need no raw strings, which
// moc misreads); ` stands for '.
QJsonObject json(const char *text)
{
    QByteArray bytes(text);
    bytes.replace('\'', '"').replace('`', '\'');
    QJsonParseError e;
    const QJsonObject o = QJsonDocument::fromJson(bytes, &e).object();
    if (e.error != QJsonParseError::NoError)
        qWarning() << "bad test JSON" << text << e.errorString();
    return o;
}

constexpr qint64 kStart = 1'700'000'000'000;
constexpr qint64 kMinute = 60'000;
const char *kRole = "arn:aws:iam::000000000000:role/DAXServiceRole";

} // namespace

class TstDax : public QObject, public test::EngineCalls {
    Q_OBJECT

public:
    // Before the members the engine uses (EngineCalls).
    ~TstDax() override { m_engine.reset(); }

    QTemporaryDir m_dir;
    ManualClock m_clock{kStart};

    void open(bool delayed = false, const QString &dataDir = QString(), qint64 cacheBytes = 256LL << 20)
    {
        m_engine.reset();
        m_clock.setMs(kStart);
        openQuiet(dataDir, dataDir.isEmpty(), [&](api::EngineOptions &o) {
            o.clock = &m_clock;
            o.delayTransientStatuses = delayed;
            o.daxCacheBytes = cacheBytes;
        });
        m_ctx = api::RequestContext();
    }

    QJsonObject createCluster(const char *name, int nodes = 1, const QJsonObject &extra = {})
    {
        QJsonObject req{{s("ClusterName"), s(name)}, {s("NodeType"), s("dax.t3.small")}, {s("ReplicationFactor"), nodes}, {s("IamRoleArn"), s(kRole)}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            req.insert(it.key(), it.value());
        return ok("Dax.CreateCluster", req).value(s("Cluster")).toObject();
    }

    void createTable(const char *name)
    {
        QJsonObject req = json("{'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],\n"
            "            'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],'BillingMode':'PAY_PER_REQUEST'}");
        req.insert(s("TableName"), s(name));
        ok("CreateTable", req);
    }

    // A call through cluster `cluster`, as the endpoint makes it (from the
    // request's bytes, so that simple GetItems take the fast path).
    Result<QJsonObject> through(const char *cluster, const char *op, const QJsonObject &request)
    {
        api::RequestContext ctx = m_ctx;
        ctx.daxCluster = s(cluster);
        const QByteArray body = QJsonDocument(request).toJson(QJsonDocument::Compact);
        const Result<QByteArray> r = m_engine->call(ctx, s(op), QByteArrayView(body));
        if (!r.ok())
            return r.error();
        return QJsonDocument::fromJson(*r).object();
    }
    QJsonObject okThrough(const char *cluster, const char *op, const QJsonObject &request)
    {
        auto r = through(cluster, op, request);
        if (!r.ok())
            qWarning() << op << "through" << cluster << r.error().type() << r.error().message();
        return r.ok() ? *r : QJsonObject();
    }

    static QJsonObject key(const char *pk) { return {{s("pk"), QJsonObject{{s("S"), s(pk)}}}}; }
    static QJsonObject getRequest(const char *table, const char *pk) { return {{s("TableName"), s(table)}, {s("Key"), key(pk)}}; }
    static QJsonObject putRequest(const char *table, const char *pk, int v)
    {
        return {{s("TableName"), s(table)},
                {s("Item"), QJsonObject{{s("pk"), QJsonObject{{s("S"), s(pk)}}}, {s("v"), QJsonObject{{s("N"), QString::number(v)}}}}}};
    }
    // The "v" of the item GetItem returns through the cluster (-1: no item).
    int valueThrough(const char *cluster, const char *table, const char *pk, bool consistent = false)
    {
        QJsonObject req = getRequest(table, pk);
        if (consistent)
            req.insert(s("ConsistentRead"), true);
        const QJsonObject r = okThrough(cluster, "GetItem", req);
        if (!r.contains(s("Item")))
            return -1;
        return r.value(s("Item")).toObject().value(s("v")).toObject().value(s("N")).toString().toInt();
    }
    qint64 metric(const char *cluster, const char *name)
    {
        const QJsonObject r = ok("Dynamodesk.DescribeClusterMetrics", QJsonObject{{s("ClusterName"), s(cluster)}});
        return r.value(s("Metrics")).toObject().value(s(name)).toInteger(-1);
    }
    void setTtls(const char *group, const char *recordTtl, const char *queryTtl)
    {
        ok("Dax.UpdateParameterGroup",
           QJsonObject{{s("ParameterGroupName"), s(group)},
                       {s("ParameterNameValues"), QJsonArray{QJsonObject{{s("ParameterName"), s("record-ttl-millis")}, {s("ParameterValue"), s(recordTtl)}},
                                                             QJsonObject{{s("ParameterName"), s("query-ttl-millis")}, {s("ParameterValue"), s(queryTtl)}}}}});
    }
    int clusterCount() { return int(ok("Dax.DescribeClusters", QJsonObject()).value(s("Clusters")).toArray().size()); }

private slots:
    // --- Control plane ---------------------------------------------------

    void createDescribeDelete()
    {
        open();
        m_ctx.endpointUrl = s("http://127.0.0.1:9999");
        const QJsonObject c = createCluster("MyCache", 3, {{s("Description"), s("orders")}});
        QCOMPARE(c.value(s("ClusterName")).toString(), s("mycache")); // stored lower-case, as AWS
        QCOMPARE(c.value(s("ClusterArn")).toString(), s("arn:aws:dax:us-east-1:000000000000:cache/mycache"));
        QCOMPARE(c.value(s("Status")).toString(), s("available"));
        QCOMPARE(c.value(s("TotalNodes")).toInt(), 3);
        QCOMPARE(c.value(s("ActiveNodes")).toInt(), 3);
        QCOMPARE(c.value(s("Description")).toString(), s("orders"));
        QCOMPARE(c.value(s("SubnetGroup")).toString(), s("default"));
        QCOMPARE(c.value(s("ParameterGroup")).toObject().value(s("ParameterGroupName")).toString(), s("default.dax1.0"));
        QCOMPARE(c.value(s("SSEDescription")).toObject().value(s("Status")).toString(), s("DISABLED"));
        const QJsonObject endpoint = c.value(s("ClusterDiscoveryEndpoint")).toObject();
        QCOMPARE(endpoint.value(s("Address")).toString(), s("127.0.0.1"));
        QCOMPARE(endpoint.value(s("Port")).toInt(), 9999);
        QCOMPARE(endpoint.value(s("URL")).toString(), s("http://127.0.0.1:9999/dax/mycache"));
        QStringList ids, zones;
        for (const QJsonValue &n : c.value(s("Nodes")).toArray()) {
            ids << n.toObject().value(s("NodeId")).toString();
            zones << n.toObject().value(s("AvailabilityZone")).toString();
            QCOMPARE(n.toObject().value(s("NodeStatus")).toString(), s("available"));
        }
        QCOMPARE(ids, QStringList({s("mycache-a"), s("mycache-b"), s("mycache-c")}));
        QCOMPARE(zones, QStringList({s("us-east-1a"), s("us-east-1b"), s("us-east-1c")}));
        QVERIFY(!c.contains(s("_Tags")));

        const ApiError again = fail("Dax.CreateCluster", QJsonObject{{s("ClusterName"), s("mycache")}, {s("NodeType"), s("dax.r5.large")},
                                                                     {s("ReplicationFactor"), 1}, {s("IamRoleArn"), s(kRole)}});
        QCOMPARE(again.type(), s("ClusterAlreadyExistsFault"));
        createCluster("second");
        const QJsonArray all = ok("Dax.DescribeClusters", QJsonObject()).value(s("Clusters")).toArray();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).toObject().value(s("ClusterName")).toString(), s("mycache"));
        const QJsonArray one = ok("Dax.DescribeClusters", json("{'ClusterNames':['second']}")).value(s("Clusters")).toArray();
        QCOMPARE(one.size(), 1);
        const ApiError missing = fail("Dax.DescribeClusters", json("{'ClusterNames':['nope']}"));
        QCOMPARE(missing.type(), s("ClusterNotFoundFault"));
        QCOMPARE(missing.message(), s("Cluster nope not found."));

        const QJsonObject deleted = ok("Dax.DeleteCluster", json("{'ClusterName':'MyCache'}")).value(s("Cluster")).toObject();
        QCOMPARE(deleted.value(s("Status")).toString(), s("deleting"));
        QCOMPARE(clusterCount(), 1);
        const ApiError gone = fail("Dax.DeleteCluster", json("{'ClusterName':'mycache'}"));
        QCOMPARE(gone.type(), s("ClusterNotFoundFault"));
        QCOMPARE(gone.message(), s("Cluster not found."));
        // The name can be used again.
        createCluster("mycache");
        QCOMPARE(clusterCount(), 2);
    }

    void createClusterFaults_data()
    {
        QTest::addColumn<QString>("request");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        const QString ok = s("'NodeType':'dax.t3.small','ReplicationFactor':1,'IamRoleArn':'arn:aws:iam::000000000000:role/R'");
        QTest::newRow("role without arn:") << s("{'ClusterName':'c','NodeType':'dax.t3.small','ReplicationFactor':1,'IamRoleArn':'role/R'}")
                                           << s("InvalidParameterValueException") << s("ARNs must start with 'arn:': role/R");
        QTest::newRow("role checked before the name") << s("{'ClusterName':'1bad','NodeType':'dax.t3.small','ReplicationFactor':1,'IamRoleArn':'arn:aws:iam'}")
                                                      << s("InvalidParameterValueException") << s("Third colon vendor not found: arn:aws:iam");
        QTest::newRow("role short of a colon") << s("{'ClusterName':'c','NodeType':'dax.t3.small','ReplicationFactor':1,'IamRoleArn':'arn:aws:iam::000'}")
                                               << s("InvalidParameterValueException") << s("Fifth colon (namespace/relative-id delimiter) not found: arn:aws:iam::000");
        const QString badName = s("Cluster ID specified is not a valid identifier. Identifiers must begin with a letter; must contain only "
                                  "ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.");
        for (const char *name : {"1cache", "cache-", "ca--che", "abcdefghijklmnopqrstu", "ca_che"})
            QTest::newRow(name) << s("{'ClusterName':'%1',%2}").arg(s(name), ok) << s("InvalidParameterValueException") << badName;
        QTest::newRow("node type") << s("{'ClusterName':'c','NodeType':'cache.m5.large','ReplicationFactor':1,'IamRoleArn':'arn:aws:iam::000000000000:role/R'}")
                                   << s("InvalidParameterValueException") << s("Node type cache.m5.large is not a DAX node type");
        QTest::newRow("no nodes") << s("{'ClusterName':'c','NodeType':'dax.t3.small','ReplicationFactor':0,'IamRoleArn':'arn:aws:iam::000000000000:role/R'}")
                                  << s("InvalidParameterValueException") << s("ReplicationFactor must be at least 1.");
        QTest::newRow("12 nodes") << s("{'ClusterName':'c','NodeType':'dax.t3.small','ReplicationFactor':12,'IamRoleArn':'arn:aws:iam::000000000000:role/R'}")
                                  << s("NodeQuotaForClusterExceededFault") << s("You have attempted to exceed the maximum number of nodes for a DAX cluster.");
        QTest::newRow("zones") << s("{'ClusterName':'c',%1,'AvailabilityZones':['us-east-1a','us-east-1b']}").arg(ok)
                               << s("InvalidParameterCombinationException") << s("The number of AvailabilityZones must equal the ReplicationFactor.");
        QTest::newRow("parameter group") << s("{'ClusterName':'c',%1,'ParameterGroupName':'nope'}").arg(ok)
                                         << s("ParameterGroupNotFoundFault") << s("The specified parameter group does not exist.");
        QTest::newRow("subnet group") << s("{'ClusterName':'c',%1,'SubnetGroupName':'nope'}").arg(ok)
                                      << s("SubnetGroupNotFoundFault") << s("The requested subnet group name does not refer to an existing subnet group.");
        QTest::newRow("maintenance window") << s("{'ClusterName':'c',%1,'PreferredMaintenanceWindow':'sunday 5am'}").arg(ok)
                                            << s("InvalidParameterValueException") << s("Invalid maintenance window: sunday 5am.");
        QTest::newRow("missing role (the model)") << s("{'ClusterName':'c','NodeType':'dax.t3.small','ReplicationFactor':1}")
                                                  << s("ValidationException") << s("Value null at 'iamRoleArn' failed to satisfy constraint: Member must not be null");
    }

    void createClusterFaults()
    {
        QFETCH(QString, request);
        QFETCH(QString, type);
        QFETCH(QString, message);
        open();
        const ApiError e = fail("Dax.CreateCluster", json(request.toUtf8().constData()));
        QCOMPARE(e.type(), type);
        QVERIFY2(e.message().contains(message), qPrintable(e.message()));
        QCOMPARE(clusterCount(), 0);
    }

    void nodeQuotaPerRegion()
    {
        open();
        for (const char *name : {"a1", "a2", "a3", "a4"})
            createCluster(name, 11);
        createCluster("a5", 6); // 50 nodes
        const ApiError e = fail("Dax.CreateCluster", QJsonObject{{s("ClusterName"), s("a6")}, {s("NodeType"), s("dax.t3.small")},
                                                                 {s("ReplicationFactor"), 1}, {s("IamRoleArn"), s(kRole)}});
        QCOMPARE(e.type(), s("NodeQuotaForCustomerExceededFault"));
        QCOMPARE(clusterCount(), 5);
    }

    void transientStatuses()
    {
        open(true);
        createTable("Tab");
        const QJsonObject c = createCluster("slow", 2);
        QCOMPARE(c.value(s("Status")).toString(), s("creating"));
        QVERIFY(!c.contains(s("Nodes")));
        QVERIFY(!c.value(s("ClusterDiscoveryEndpoint")).toObject().contains(s("URL")));
        QCOMPARE(c.value(s("ActiveNodes")).toInt(), 0);
        // Nothing answers on a cluster that is being created.
        const auto early = through("slow", "GetItem", getRequest("Tab", "a"));
        QVERIFY(!early.ok());
        QCOMPARE(early.error().type(), s("ResourceNotFoundException"));
        QVERIFY2(early.error().message().contains(s("No cluster endpoints available")), qPrintable(early.error().message()));
        QCOMPARE(fail("Dax.IncreaseReplicationFactor", json("{'ClusterName':'slow','NewReplicationFactor':3}")).type(), s("InvalidClusterStateFault"));

        m_clock.advanceMs(2000);
        QJsonObject d = ok("Dax.DescribeClusters", QJsonObject()).value(s("Clusters")).toArray().at(0).toObject();
        QCOMPARE(d.value(s("Status")).toString(), s("available"));
        QCOMPARE(d.value(s("ActiveNodes")).toInt(), 2);
        QCOMPARE(valueThrough("slow", "Tab", "a"), -1);

        d = ok("Dax.IncreaseReplicationFactor", json("{'ClusterName':'slow','NewReplicationFactor':3}")).value(s("Cluster")).toObject();
        QCOMPARE(d.value(s("Status")).toString(), s("modifying"));
        QCOMPARE(d.value(s("TotalNodes")).toInt(), 3);
        m_clock.advanceMs(2000);
        d = ok("Dax.DescribeClusters", QJsonObject()).value(s("Clusters")).toArray().at(0).toObject();
        QCOMPARE(d.value(s("Status")).toString(), s("available"));
        QCOMPARE(d.value(s("ActiveNodes")).toInt(), 3);

        d = ok("Dax.DeleteCluster", json("{'ClusterName':'slow'}")).value(s("Cluster")).toObject();
        QCOMPARE(d.value(s("Status")).toString(), s("deleting"));
        QCOMPARE(clusterCount(), 1);
        QVERIFY(!through("slow", "GetItem", getRequest("Tab", "a")).ok());
        m_clock.advanceMs(2000);
        QCOMPARE(clusterCount(), 0);
    }

    void replicationFactorAndReboot()
    {
        open();
        createCluster("rf", 1);
        QJsonObject d = ok("Dax.IncreaseReplicationFactor", json("{'ClusterName':'rf','NewReplicationFactor':3}")).value(s("Cluster")).toObject();
        QCOMPARE(d.value(s("TotalNodes")).toInt(), 3);
        d = ok("Dax.DecreaseReplicationFactor", json("{'ClusterName':'rf','NewReplicationFactor':2,'NodeIdsToRemove':['rf-b']}"))
                .value(s("Cluster")).toObject();
        QStringList ids;
        for (const QJsonValue &n : d.value(s("Nodes")).toArray())
            ids << n.toObject().value(s("NodeId")).toString();
        QCOMPARE(ids, QStringList({s("rf-a"), s("rf-c")}));
        // A node added later takes the first free letter.
        d = ok("Dax.IncreaseReplicationFactor", json("{'ClusterName':'rf','NewReplicationFactor':3}")).value(s("Cluster")).toObject();
        QCOMPARE(d.value(s("Nodes")).toArray().at(2).toObject().value(s("NodeId")).toString(), s("rf-b"));

        QCOMPARE(fail("Dax.DecreaseReplicationFactor", json("{'ClusterName':'rf','NewReplicationFactor':2,'NodeIdsToRemove':['rf-z']}")).type(),
                 s("NodeNotFoundFault"));
        QCOMPARE(fail("Dax.DecreaseReplicationFactor", json("{'ClusterName':'rf','NewReplicationFactor':0}")).type(), s("InvalidParameterValueException"));
        QCOMPARE(fail("Dax.DecreaseReplicationFactor", json("{'ClusterName':'rf','NewReplicationFactor':3}")).type(), s("InvalidParameterValueException"));
        QCOMPARE(fail("Dax.IncreaseReplicationFactor", json("{'ClusterName':'rf','NewReplicationFactor':12}")).type(), s("NodeQuotaForClusterExceededFault"));
        QCOMPARE(fail("Dax.IncreaseReplicationFactor", json("{'ClusterName':'nope','NewReplicationFactor':2}")).type(), s("ClusterNotFoundFault"));
        QCOMPARE(fail("Dax.RebootNode", json("{'ClusterName':'rf','NodeId':'rf-q'}")).type(), s("NodeNotFoundFault"));
        QCOMPARE(ok("Dax.RebootNode", json("{'ClusterName':'rf','NodeId':'rf-a'}")).value(s("Cluster")).toObject().value(s("TotalNodes")).toInt(), 3);
        QCOMPARE(ok("Dax.DescribeClusters", QJsonObject()).value(s("Clusters")).toArray().at(0).toObject().value(s("TotalNodes")).toInt(), 3);

        // The events, newest first, as DescribeEvents lists them.
        QStringList messages;
        for (const QJsonValue &e : ok("Dax.DescribeEvents", json("{'SourceName':'rf'}")).value(s("Events")).toArray())
            messages << e.toObject().value(s("Message")).toString();
        QCOMPARE(messages, QStringList({s("Rebooted node rf-a."), s("Added node rf-b."), s("Removed node rf-b."), s("Added node rf-c."),
                                        s("Added node rf-b."), s("Cluster created.")}));
        QCOMPARE(ok("Dax.DescribeEvents", json("{'SourceName':'rf','SourceType':'PARAMETER_GROUP'}")).value(s("Events")).toArray().size(), 0);
        m_clock.advanceMs(25 * 60 * kMinute); // past the default 24 hours
        QCOMPARE(ok("Dax.DescribeEvents", json("{'SourceName':'rf'}")).value(s("Events")).toArray().size(), 0);
        QCOMPARE(ok("Dax.DescribeEvents", json("{'SourceName':'rf','Duration':1560}")).value(s("Events")).toArray().size(), 6);
    }

    void parameterGroups()
    {
        open();
        QJsonArray groups = ok("Dax.DescribeParameterGroups", QJsonObject()).value(s("ParameterGroups")).toArray();
        QCOMPARE(groups.size(), 1);
        QCOMPARE(groups.at(0).toObject().value(s("ParameterGroupName")).toString(), s("default.dax1.0"));
        QCOMPARE(groups.at(0).toObject().value(s("Description")).toString(), s("Default parameter group for dax1.0"));
        const QJsonArray defaults = ok("Dax.DescribeDefaultParameters", QJsonObject()).value(s("Parameters")).toArray();
        QCOMPARE(defaults.size(), 2);
        QCOMPARE(defaults.at(0).toObject().value(s("ParameterName")).toString(), s("query-ttl-millis"));
        QCOMPARE(defaults.at(1).toObject().value(s("ParameterName")).toString(), s("record-ttl-millis"));
        QCOMPARE(defaults.at(1).toObject().value(s("ParameterValue")).toString(), s("300000"));
        QCOMPARE(defaults.at(1).toObject().value(s("ChangeType")).toString(), s("IMMEDIATE"));

        ok("Dax.CreateParameterGroup", json("{'ParameterGroupName':'Fast','Description':'short TTLs'}"));
        QCOMPARE(fail("Dax.CreateParameterGroup", json("{'ParameterGroupName':'fast'}")).type(), s("ParameterGroupAlreadyExistsFault"));
        QCOMPARE(fail("Dax.CreateParameterGroup", json("{'ParameterGroupName':'default.dax1.0'}")).type(), s("ParameterGroupAlreadyExistsFault"));
        setTtls("fast", "1000", "0");
        QJsonArray values = ok("Dax.DescribeParameters", json("{'ParameterGroupName':'fast'}")).value(s("Parameters")).toArray();
        QCOMPARE(values.at(0).toObject().value(s("ParameterValue")).toString(), s("0"));
        QCOMPARE(values.at(1).toObject().value(s("ParameterValue")).toString(), s("1000"));
        QCOMPARE(ok("Dax.DescribeParameters", json("{'ParameterGroupName':'fast','Source':'system'}")).value(s("Parameters")).toArray().size(), 0);

        const auto update = [&](const char *group, const char *name, const char *value) {
            return fail("Dax.UpdateParameterGroup",
                        QJsonObject{{s("ParameterGroupName"), s(group)},
                                    {s("ParameterNameValues"), QJsonArray{QJsonObject{{s("ParameterName"), s(name)}, {s("ParameterValue"), s(value)}}}}});
        };
        QCOMPARE(update("default.dax1.0", "record-ttl-millis", "1").type(), s("InvalidParameterGroupStateFault"));
        QCOMPARE(update("fast", "max-items", "1").type(), s("InvalidParameterValueException"));
        QCOMPARE(update("fast", "record-ttl-millis", "-1").type(), s("InvalidParameterValueException"));
        QCOMPARE(update("fast", "record-ttl-millis", "1.5").type(), s("InvalidParameterValueException"));
        QCOMPARE(update("nope", "record-ttl-millis", "1").type(), s("ParameterGroupNotFoundFault"));
        // Nothing changed.
        values = ok("Dax.DescribeParameters", json("{'ParameterGroupName':'fast'}")).value(s("Parameters")).toArray();
        QCOMPARE(values.at(1).toObject().value(s("ParameterValue")).toString(), s("1000"));

        createCluster("uses-fast", 1, {{s("ParameterGroupName"), s("fast")}});
        const ApiError inUse = fail("Dax.DeleteParameterGroup", json("{'ParameterGroupName':'fast'}"));
        QCOMPARE(inUse.type(), s("InvalidParameterGroupStateFault"));
        QVERIFY(inUse.message().contains(s("uses-fast")));
        QCOMPARE(fail("Dax.DeleteParameterGroup", json("{'ParameterGroupName':'default.dax1.0'}")).type(), s("InvalidParameterGroupStateFault"));
        ok("Dax.UpdateCluster", json("{'ClusterName':'uses-fast','ParameterGroupName':'default.dax1.0'}"));
        QCOMPARE(ok("Dax.DeleteParameterGroup", json("{'ParameterGroupName':'fast'}")).value(s("DeletionMessage")).toString(),
                 s("Parameter group fast has been deleted."));
        QCOMPARE(fail("Dax.DescribeParameterGroups", json("{'ParameterGroupNames':['fast']}")).type(), s("ParameterGroupNotFoundFault"));
        QCOMPARE(fail("Dax.UpdateCluster", json("{'ClusterName':'uses-fast','ParameterGroupName':'fast'}")).type(), s("ParameterGroupNotFoundFault"));
    }

    void subnetGroups()
    {
        open();
        QJsonArray groups = ok("Dax.DescribeSubnetGroups", QJsonObject()).value(s("SubnetGroups")).toArray();
        QCOMPARE(groups.size(), 1);
        QCOMPARE(groups.at(0).toObject().value(s("SubnetGroupName")).toString(), s("default"));
        QCOMPARE(groups.at(0).toObject().value(s("Subnets")).toArray().size(), 3);
        const QJsonObject g = ok("Dax.CreateSubnetGroup", json("{'SubnetGroupName':'private','SubnetIds':['subnet-1a2b','subnet-3c4d']}"))
                                  .value(s("SubnetGroup")).toObject();
        QCOMPARE(g.value(s("Subnets")).toArray().at(1).toObject().value(s("SubnetAvailabilityZone")).toString(), s("us-east-1b"));
        QCOMPARE(fail("Dax.CreateSubnetGroup", json("{'SubnetGroupName':'private','SubnetIds':['subnet-1']}")).type(), s("SubnetGroupAlreadyExistsFault"));
        QCOMPARE(fail("Dax.CreateSubnetGroup", json("{'SubnetGroupName':'other','SubnetIds':['sn-1']}")).type(), s("InvalidSubnet"));
        createCluster("inside", 1, {{s("SubnetGroupName"), s("private")}});
        QCOMPARE(fail("Dax.DeleteSubnetGroup", json("{'SubnetGroupName':'private'}")).type(), s("SubnetGroupInUseFault"));
        QCOMPARE(fail("Dax.DeleteSubnetGroup", json("{'SubnetGroupName':'default'}")).type(), s("InvalidParameterValueException"));
        ok("Dax.UpdateSubnetGroup", json("{'SubnetGroupName':'private','Description':'db'}"));
        QCOMPARE(ok("Dax.DescribeSubnetGroups", json("{'SubnetGroupNames':['private']}")).value(s("SubnetGroups")).toArray().at(0).toObject()
                     .value(s("Description")).toString(), s("db"));
        ok("Dax.DeleteCluster", json("{'ClusterName':'inside'}"));
        QCOMPARE(ok("Dax.DeleteSubnetGroup", json("{'SubnetGroupName':'private'}")).value(s("DeletionMessage")).toString(),
                 s("Subnet group private has been deleted."));
        QCOMPARE(fail("Dax.DescribeSubnetGroups", json("{'SubnetGroupNames':['private']}")).type(), s("SubnetGroupNotFoundFault"));
    }

    void tags()
    {
        open();
        createCluster("tagged", 1, {{s("Tags"), QJsonArray{QJsonObject{{s("Key"), s("team")}, {s("Value"), s("orders")}}}}});
        const QString arn = s("arn:aws:dax:us-east-1:000000000000:cache/tagged");
        QCOMPARE(ok("Dax.ListTags", QJsonObject{{s("ResourceName"), arn}}).value(s("Tags")).toArray().size(), 1);
        const QJsonArray all = ok("Dax.TagResource", QJsonObject{{s("ResourceName"), arn},
                                                                 {s("Tags"), QJsonArray{QJsonObject{{s("Key"), s("team")}, {s("Value"), s("billing")}},
                                                                                        QJsonObject{{s("Key"), s("env")}, {s("Value"), s("dev")}}}}})
                                   .value(s("Tags")).toArray();
        QCOMPARE(all.size(), 2);
        const QJsonArray removed = ok("Dax.UntagResource", QJsonObject{{s("ResourceName"), arn}, {s("TagKeys"), QJsonArray{s("team")}}}).value(s("Tags")).toArray();
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).toObject().value(s("Value")).toString(), s("billing"));
        const QJsonArray left = ok("Dax.ListTags", QJsonObject{{s("ResourceName"), arn}}).value(s("Tags")).toArray();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.at(0).toObject().value(s("Key")).toString(), s("env"));
        QCOMPARE(fail("Dax.UntagResource", QJsonObject{{s("ResourceName"), arn}, {s("TagKeys"), QJsonArray{s("team")}}}).type(), s("TagNotFoundFault"));
        QCOMPARE(fail("Dax.ListTags", json("{'ResourceName':'tagged'}")).type(), s("InvalidARNFault"));
        QCOMPARE(fail("Dax.ListTags", json("{'ResourceName':'arn:aws:dax:us-east-1:000000000000:cache/nope'}")).type(), s("ClusterNotFoundFault"));
    }

    void paging()
    {
        open();
        for (int i = 0; i < 25; ++i)
            createCluster(qPrintable(QStringLiteral("c%1").arg(i, 2, 10, QLatin1Char('0'))));
        const QJsonObject first = ok("Dax.DescribeClusters", json("{'MaxResults':20}"));
        QCOMPARE(first.value(s("Clusters")).toArray().size(), 20);
        QJsonObject next{{s("MaxResults"), 20}, {s("NextToken"), first.value(s("NextToken"))}};
        const QJsonObject second = ok("Dax.DescribeClusters", next);
        QCOMPARE(second.value(s("Clusters")).toArray().size(), 5);
        QVERIFY(!second.contains(s("NextToken")));
        QCOMPARE(second.value(s("Clusters")).toArray().at(0).toObject().value(s("ClusterName")).toString(), s("c20"));
        QCOMPARE(fail("Dax.DescribeClusters", json("{'MaxResults':5}")).type(), s("InvalidParameterValueException"));
    }

    void clustersSurviveARestartWithEmptyCaches()
    {
        const QString dir = m_dir.path() + s("/restart");
        open(false, dir);
        createTable("Tab");
        ok("Dax.CreateParameterGroup", json("{'ParameterGroupName':'kept'}"));
        setTtls("kept", "0", "0");
        createCluster("durable", 2, {{s("ParameterGroupName"), s("kept")}});
        ok("PutItem", putRequest("Tab", "a", 1));
        QCOMPARE(valueThrough("durable", "Tab", "a"), 1);
        m_engine.reset();
        open(false, dir);
        const QJsonObject c = ok("Dax.DescribeClusters", QJsonObject()).value(s("Clusters")).toArray().at(0).toObject();
        QCOMPARE(c.value(s("ClusterName")).toString(), s("durable"));
        QCOMPARE(c.value(s("TotalNodes")).toInt(), 2);
        // The caches start empty (a miss), with the group's TTLs (0: never expire).
        ok("PutItem", putRequest("Tab", "a", 2));
        QCOMPARE(valueThrough("durable", "Tab", "a"), 2);
        QCOMPARE(metric("durable", "ItemCacheMisses"), 1);
        ok("PutItem", putRequest("Tab", "a", 3));
        m_clock.advanceMs(24 * 60 * kMinute);
        QCOMPARE(valueThrough("durable", "Tab", "a"), 2);
    }

    // --- Data plane ------------------------------------------------------

    void itemCacheServesItsItemUntilTheTtlEnds()
    {
        open();
        createTable("Tab");
        createCluster("c");
        ok("PutItem", putRequest("Tab", "a", 1));
        QCOMPARE(valueThrough("c", "Tab", "a"), 1); // a miss, read from the table and stored
        ok("PutItem", putRequest("Tab", "a", 2));   // around the cluster
        QCOMPARE(valueThrough("c", "Tab", "a"), 1); // a hit: the write around it is not seen
        QCOMPARE(valueThrough("c", "Tab", "a", true), 2); // a consistent read goes to the table...
        QCOMPARE(valueThrough("c", "Tab", "a"), 1);       // ...and changes nothing in the cache
        QCOMPARE(metric("c", "ItemCacheMisses"), 1);
        QCOMPARE(metric("c", "ItemCacheHits"), 2);
        QCOMPARE(metric("c", "GetItemRequestCount"), 4);
        m_clock.advanceMs(5 * kMinute - 1);
        QCOMPARE(valueThrough("c", "Tab", "a"), 1);
        m_clock.advanceMs(1); // record-ttl-millis (5 minutes) after it was stored
        QCOMPARE(valueThrough("c", "Tab", "a"), 2);
        QCOMPARE(metric("c", "ItemCacheMisses"), 2);
        // Another cluster has caches of its own.
        createCluster("other");
        QCOMPARE(valueThrough("other", "Tab", "a"), 2);
        QCOMPARE(metric("other", "ItemCacheMisses"), 1);
    }

    void missingItemsAreCachedToo()
    {
        open();
        createTable("Tab");
        createCluster("c");
        QCOMPARE(valueThrough("c", "Tab", "ghost"), -1);
        ok("PutItem", putRequest("Tab", "ghost", 7));
        QCOMPARE(valueThrough("c", "Tab", "ghost"), -1); // the cached "no such item"
        QCOMPARE(metric("c", "ItemCacheHits"), 1);
        m_clock.advanceMs(5 * kMinute);
        QCOMPARE(valueThrough("c", "Tab", "ghost"), 7);
    }

    void writesThroughTheClusterAreCached()
    {
        open();
        createTable("Tab");
        createCluster("c");
        okThrough("c", "PutItem", putRequest("Tab", "a", 1));
        QCOMPARE(valueThrough("c", "Tab", "a"), 1);
        QCOMPARE(metric("c", "ItemCacheHits"), 1); // the write stored it: no miss
        QCOMPARE(metric("c", "ItemCacheMisses"), 0);

        // UpdateItem stores the whole item as the table holds it, and answers as asked.
        QJsonObject update = getRequest("Tab", "a");
        update.insert(s("UpdateExpression"), s("SET v = v + :one, w = :w"));
        update.insert(s("ExpressionAttributeValues"), json("{':one':{'N':'1'},':w':{'S':'x'}}"));
        update.insert(s("ReturnValues"), s("UPDATED_OLD"));
        const QJsonObject r = okThrough("c", "UpdateItem", update);
        QCOMPARE(r.value(s("Attributes")).toObject(), json("{'v':{'N':'1'}}"));
        const QJsonObject item = okThrough("c", "GetItem", getRequest("Tab", "a")).value(s("Item")).toObject();
        QCOMPARE(item, json("{'pk':{'S':'a'},'v':{'N':'2'},'w':{'S':'x'}}"));
        QCOMPARE(metric("c", "ItemCacheMisses"), 0);

        // A write refreshes the entry's TTL.
        m_clock.advanceMs(4 * kMinute);
        okThrough("c", "PutItem", putRequest("Tab", "a", 3));
        m_clock.advanceMs(4 * kMinute);
        ok("PutItem", putRequest("Tab", "a", 99));
        QCOMPARE(valueThrough("c", "Tab", "a"), 3);

        // A delete through the cluster caches "no such item".
        okThrough("c", "DeleteItem", getRequest("Tab", "a"));
        ok("PutItem", putRequest("Tab", "a", 5));
        QCOMPARE(valueThrough("c", "Tab", "a"), -1);
        QCOMPARE(metric("c", "ItemCacheMisses"), 0);
        QCOMPARE(metric("c", "PutItemRequestCount"), 2);
        QCOMPARE(metric("c", "UpdateItemRequestCount"), 1);
        QCOMPARE(metric("c", "DeleteItemRequestCount"), 1);

        // A put's item is cached as the table stores it (numbers in canonical form, sets as stored).
        const QJsonObject odd = json("{'TableName':'Tab','Item':{'pk':{'S':'odd'},'n':{'N':'0012.50'},'ss':{'SS':['b','a']},"
                                     "'m':{'M':{'z':{'NS':['1e2','3']},'a':{'L':[{'N':'-0.0'}]}}}}}");
        okThrough("c", "PutItem", odd);
        const qint64 misses = metric("c", "ItemCacheMisses");
        QCOMPARE(okThrough("c", "GetItem", getRequest("Tab", "odd")), ok("GetItem", getRequest("Tab", "odd")));
        QCOMPARE(metric("c", "ItemCacheMisses"), misses);
        okThrough("c", "BatchWriteItem", json("{'RequestItems':{'Tab':[{'PutRequest':{'Item':{'pk':{'S':'odd'},'n':{'N':'7.000'}}}}]}}"));
        QCOMPARE(okThrough("c", "GetItem", getRequest("Tab", "odd")), ok("GetItem", getRequest("Tab", "odd")));
        QCOMPARE(metric("c", "ItemCacheMisses"), misses);
    }

    void aFailedWriteLeavesTheCacheAlone()
    {
        open();
        createTable("Tab");
        createCluster("c");
        ok("PutItem", putRequest("Tab", "a", 1));
        QCOMPARE(valueThrough("c", "Tab", "a"), 1);
        ok("PutItem", putRequest("Tab", "a", 2)); // around the cluster
        QJsonObject put = putRequest("Tab", "a", 3);
        put.insert(s("ConditionExpression"), s("attribute_not_exists(pk)"));
        const auto r = through("c", "PutItem", put);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().type(), s("ConditionalCheckFailedException"));
        QCOMPARE(valueThrough("c", "Tab", "a"), 1); // still the cached item, not re-read
        QCOMPARE(valueThrough("c", "Tab", "a", true), 2);
        QCOMPARE(metric("c", "ErrorRequestCount"), 1);
        QCOMPARE(metric("c", "FailedRequestCount"), 1);
    }

    void projectionsApplyToTheCachedItem()
    {
        open();
        createTable("Tab");
        createCluster("c");
        ok("PutItem", json("{'TableName':'Tab','Item':{'pk':{'S':'a'},'v':{'N':'1'},'m':{'M':{'x':{'S':'1'},'y':{'S':'2'}}},'l':{'L':[{'N':'1'},{'N':'2'}]}}}"));
        QJsonObject get = getRequest("Tab", "a");
        get.insert(s("ProjectionExpression"), s("#m.y, l[1]"));
        get.insert(s("ExpressionAttributeNames"), json("{'#m':'m'}"));
        QCOMPARE(okThrough("c", "GetItem", get).value(s("Item")).toObject(), json("{'m':{'M':{'y':{'S':'2'}}},'l':{'L':[{'N':'2'}]}}"));
        // The whole item was stored: another projection is a hit.
        QJsonObject legacy = getRequest("Tab", "a");
        legacy.insert(s("AttributesToGet"), QJsonArray{s("v")});
        QCOMPARE(okThrough("c", "GetItem", legacy).value(s("Item")).toObject(), json("{'v':{'N':'1'}}"));
        QCOMPARE(okThrough("c", "GetItem", getRequest("Tab", "a")).value(s("Item")).toObject().size(), 4);
        QCOMPARE(metric("c", "ItemCacheMisses"), 1);
        QCOMPARE(metric("c", "ItemCacheHits"), 2);
    }

    void batchGetItemCountsEachKey()
    {
        open();
        createTable("Tab");
        createTable("Two");
        createCluster("c");
        for (const char *pk : {"a", "b", "c"}) {
            ok("PutItem", putRequest("Tab", pk, 1));
            ok("PutItem", putRequest("Two", pk, 1));
        }
        QCOMPARE(valueThrough("c", "Tab", "a"), 1);
        ok("PutItem", putRequest("Tab", "a", 2));
        ok("PutItem", putRequest("Two", "a", 2));
        const QJsonObject batch = json("{'RequestItems':{\n"
            "            'Tab':{'Keys':[{'pk':{'S':'a'}},{'pk':{'S':'b'}},{'pk':{'S':'zz'}}],'ProjectionExpression':'v'},\n"
            "            'Two':{'Keys':[{'pk':{'S':'a'}}],'ConsistentRead':true}}}");
        const QJsonObject r = okThrough("c", "BatchGetItem", batch);
        QMap<QString, int> t;
        for (const QJsonValue &v : r.value(s("Responses")).toObject().value(s("Tab")).toArray())
            t.insert(v.toObject().value(s("v")).toObject().value(s("N")).toString(), int(v.toObject().size()));
        // a from the cache (1, stale), b read (1); the projection applied to both.
        QCOMPARE(t.size(), 1);
        QCOMPARE(r.value(s("Responses")).toObject().value(s("Tab")).toArray().size(), 2);
        QCOMPARE(t.value(s("1")), 1);
        // U's consistent read went to the table and stored nothing.
        QCOMPARE(r.value(s("Responses")).toObject().value(s("Two")).toArray().at(0).toObject().value(s("v")).toObject().value(s("N")).toString(), s("2"));
        QCOMPARE(metric("c", "ItemCacheHits"), 1);
        QCOMPARE(metric("c", "ItemCacheMisses"), 3); // the first GetItem, b and zz
        // Now all three keys of T are cached, zz as "no such item".
        ok("PutItem", putRequest("Tab", "zz", 1));
        const QJsonObject again = okThrough("c", "BatchGetItem", json("{'RequestItems':{'Tab':{'Keys':[{'pk':{'S':'a'}},{'pk':{'S':'b'}},{'pk':{'S':'zz'}}]}}}"));
        QCOMPARE(again.value(s("Responses")).toObject().value(s("Tab")).toArray().size(), 2);
        QCOMPARE(metric("c", "ItemCacheHits"), 4);
        QCOMPARE(valueThrough("c", "Two", "a"), 2); // U was not stored by the consistent read
        QCOMPARE(metric("c", "BatchGetItemRequestCount"), 2);
    }

    void queryCacheIsNotTouchedByWrites()
    {
        open();
        createTable("Tab");
        createCluster("c");
        ok("PutItem", putRequest("Tab", "a", 1));
        const QJsonObject query = json("{'TableName':'Tab','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'a'}}}");
        QCOMPARE(okThrough("c", "Query", query).value(s("Items")).toArray().at(0).toObject().value(s("v")).toObject().value(s("N")).toString(), s("1"));
        // Even a write through the cluster leaves the query cache as it was.
        okThrough("c", "PutItem", putRequest("Tab", "a", 2));
        QCOMPARE(okThrough("c", "Query", query).value(s("Items")).toArray().at(0).toObject().value(s("v")).toObject().value(s("N")).toString(), s("1"));
        QCOMPARE(valueThrough("c", "Tab", "a"), 2); // the item cache has the write
        QCOMPARE(metric("c", "QueryCacheHits"), 1);
        QCOMPARE(metric("c", "QueryCacheMisses"), 1);
        // Other parameters are another entry; a consistent query reads the table.
        QJsonObject limited = query;
        limited.insert(s("Limit"), 5);
        QCOMPARE(okThrough("c", "Query", limited).value(s("Items")).toArray().at(0).toObject().value(s("v")).toObject().value(s("N")).toString(), s("2"));
        QJsonObject consistent = query;
        consistent.insert(s("ConsistentRead"), true);
        QCOMPARE(okThrough("c", "Query", consistent).value(s("Items")).toArray().at(0).toObject().value(s("v")).toObject().value(s("N")).toString(), s("2"));
        QCOMPARE(metric("c", "QueryCacheMisses"), 2);

        // Empty results are cached; Scan counts apart.
        const QJsonObject scan = json("{'TableName':'Tab','FilterExpression':'v > :big','ExpressionAttributeValues':{':big':{'N':'50'}}}");
        QCOMPARE(okThrough("c", "Scan", scan).value(s("Count")).toInt(), 0);
        ok("PutItem", putRequest("Tab", "b", 100));
        QCOMPARE(okThrough("c", "Scan", scan).value(s("Count")).toInt(), 0);
        QCOMPARE(metric("c", "ScanCacheHits"), 1);
        QCOMPARE(metric("c", "ScanCacheMisses"), 1);
        m_clock.advanceMs(5 * kMinute); // query-ttl-millis
        QCOMPARE(okThrough("c", "Scan", scan).value(s("Count")).toInt(), 1);
        QCOMPARE(okThrough("c", "Query", query).value(s("Items")).toArray().at(0).toObject().value(s("v")).toObject().value(s("N")).toString(), s("2"));
    }

    void ttlsOfZero()
    {
        open();
        createTable("Tab");
        ok("Dax.CreateParameterGroup", json("{'ParameterGroupName':'zero'}"));
        setTtls("zero", "0", "0");
        createCluster("c", 1, {{s("ParameterGroupName"), s("zero")}});
        ok("PutItem", putRequest("Tab", "a", 1));
        // record-ttl-millis 0: items never expire.
        QCOMPARE(valueThrough("c", "Tab", "a"), 1);
        ok("PutItem", putRequest("Tab", "a", 2));
        m_clock.advanceMs(7 * 24 * 60 * kMinute);
        QCOMPARE(valueThrough("c", "Tab", "a"), 1);
        // query-ttl-millis 0: responses are not cached.
        const QJsonObject scan = json("{'TableName':'Tab'}");
        QCOMPARE(okThrough("c", "Scan", scan).value(s("Count")).toInt(), 1);
        ok("PutItem", putRequest("Tab", "b", 1));
        QCOMPARE(okThrough("c", "Scan", scan).value(s("Count")).toInt(), 2);
        QCOMPARE(metric("c", "ScanCacheHits"), 0);

        // A running cluster takes its group's new TTLs at once (ChangeType IMMEDIATE).
        setTtls("zero", "1000", "60000");
        QCOMPARE(okThrough("c", "Scan", scan).value(s("Count")).toInt(), 2);
        ok("PutItem", putRequest("Tab", "c", 1));
        QCOMPARE(okThrough("c", "Scan", scan).value(s("Count")).toInt(), 2);
        okThrough("c", "PutItem", putRequest("Tab", "a", 3));
        ok("PutItem", putRequest("Tab", "a", 4));
        QCOMPARE(valueThrough("c", "Tab", "a"), 3);
        m_clock.advanceMs(1000);
        QCOMPARE(valueThrough("c", "Tab", "a"), 4);
    }

    void transactionsAndBatchWrites()
    {
        open();
        createTable("Tab");
        createCluster("c");
        for (const char *pk : {"u", "d", "k"})
            ok("PutItem", putRequest("Tab", pk, 1));
        const QJsonObject tx = json("{'TransactItems':[\n"
            "            {'Put':{'TableName':'Tab','Item':{'pk':{'S':'p'},'v':{'N':'10'}}}},\n"
            "            {'Update':{'TableName':'Tab','Key':{'pk':{'S':'u'}},'UpdateExpression':'SET v = :v','ExpressionAttributeValues':{':v':{'N':'20'}}}},\n"
            "            {'Delete':{'TableName':'Tab','Key':{'pk':{'S':'d'}}}},\n"
            "            {'ConditionCheck':{'TableName':'Tab','Key':{'pk':{'S':'k'}},'ConditionExpression':'attribute_exists(pk)'}}]}");
        okThrough("c", "TransactWriteItems", tx);
        for (const char *pk : {"p", "u", "d"})
            ok("PutItem", putRequest("Tab", pk, 99)); // around the cluster: unseen
        QCOMPARE(valueThrough("c", "Tab", "p"), 10);
        QCOMPARE(valueThrough("c", "Tab", "u"), 20);
        QCOMPARE(valueThrough("c", "Tab", "d"), -1);
        QCOMPARE(valueThrough("c", "Tab", "k"), 1); // a condition check stores nothing: a miss
        QCOMPARE(metric("c", "ItemCacheMisses"), 1);
        QCOMPARE(metric("c", "TransactWriteItemsCount"), 1);

        // A cancelled transaction stores nothing.
        const QJsonObject cancelled = json("{'TransactItems':[\n"
            "            {'Put':{'TableName':'Tab','Item':{'pk':{'S':'p'},'v':{'N':'11'}}}},\n"
            "            {'ConditionCheck':{'TableName':'Tab','Key':{'pk':{'S':'nope'}},'ConditionExpression':'attribute_exists(pk)'}}]}");
        QCOMPARE(through("c", "TransactWriteItems", cancelled).error().type(), s("TransactionCanceledException"));
        QCOMPARE(valueThrough("c", "Tab", "p"), 10);

        // TransactGetItems reads the table and stores nothing.
        const QJsonObject get = okThrough("c", "TransactGetItems", json("{'TransactItems':[{'Get':{'TableName':'Tab','Key':{'pk':{'S':'p'}}}}]}"));
        QCOMPARE(get.value(s("Responses")).toArray().at(0).toObject().value(s("Item")).toObject().value(s("v")).toObject().value(s("N")).toString(), s("99"));
        QCOMPARE(valueThrough("c", "Tab", "p"), 10);

        okThrough("c", "BatchWriteItem", json("{'RequestItems':{'Tab':[\n"
            "            {'PutRequest':{'Item':{'pk':{'S':'b1'},'v':{'N':'5'}}}},\n"
            "            {'DeleteRequest':{'Key':{'pk':{'S':'p'}}}}]}}"));
        ok("PutItem", putRequest("Tab", "b1", 99));
        QCOMPARE(valueThrough("c", "Tab", "b1"), 5);
        QCOMPARE(valueThrough("c", "Tab", "p"), -1);
        QCOMPARE(metric("c", "BatchWriteItemRequestCount"), 1);
    }

    void otherOperationsAreRefused_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("request");
        QTest::newRow("CreateTable") << s("CreateTable")
                                     << s("{'TableName':'New','AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],'BillingMode':'PAY_PER_REQUEST'}");
        QTest::newRow("DescribeTable") << s("DescribeTable") << s("{'TableName':'Tab'}");
        QTest::newRow("DeleteTable") << s("DeleteTable") << s("{'TableName':'Tab'}");
        QTest::newRow("ExecuteStatement") << s("ExecuteStatement") << s("{'Statement':'DELETE FROM Tab WHERE pk = `a`'}");
        QTest::newRow("UpdateTimeToLive") << s("UpdateTimeToLive") << s("{'TableName':'Tab','TimeToLiveSpecification':{'Enabled':true,'AttributeName':'x'}}");
    }

    void otherOperationsAreRefused()
    {
        QFETCH(QString, operation);
        QFETCH(QString, request);
        open();
        createTable("Tab");
        createCluster("c");
        ok("PutItem", putRequest("Tab", "a", 1));
        api::RequestContext ctx = m_ctx;
        ctx.daxCluster = s("c");
        const Result<QByteArray> r = m_engine->call(ctx, operation, json(request.toUtf8().constData()));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().type(), s("ValidationException"));
        QString name = operation;
        name[0] = name[0].toLower();
        QCOMPARE(r.error().message(), name + s(" is not supported for DAX. Use DynamoDB instead."));
        // Nothing happened.
        QCOMPARE(ok("ListTables", QJsonObject()).value(s("TableNames")).toArray(), QJsonArray{s("Tab")});
        QCOMPARE(valueThrough("c", "Tab", "a", true), 1);
        QCOMPARE(ok("DescribeTimeToLive", json("{'TableName':'Tab'}")).value(s("TimeToLiveDescription")).toObject().value(s("TimeToLiveStatus")).toString(),
                 s("DISABLED"));
        QCOMPARE(metric("c", "TotalRequestCount"), 1); // only the GetItem
        // DAX's control plane and Dynamodesk's operations are answered on a cluster's path too.
        QCOMPARE(okThrough("c", "Dax.DescribeClusters", QJsonObject()).value(s("Clusters")).toArray().size(), 1);
        QCOMPARE(okThrough("c", "Dynamodesk.DescribeClusterMetrics", json("{'ClusterName':'c'}")).value(s("ClusterName")).toString(), s("c"));
    }

    void unknownClusterAndErrors()
    {
        open();
        createTable("Tab");
        const auto none = through("nope", "GetItem", getRequest("Tab", "a"));
        QCOMPARE(none.error().type(), s("ResourceNotFoundException"));
        QVERIFY(none.error().message().contains(s("DAX cluster nope not found")));
        createCluster("c");
        QCOMPARE(through("c", "GetItem", getRequest("Missing", "a")).error().type(), s("ResourceNotFoundException"));
        QCOMPARE(through("c", "GetItem", json("{'TableName':'Tab','Key':{'pk':{'N':'1'}}}")).error().type(), s("ValidationException"));
        QCOMPARE(metric("c", "ErrorRequestCount"), 2);
        QCOMPARE(metric("c", "FaultRequestCount"), 0);
        QCOMPARE(fail("Dynamodesk.DescribeClusterMetrics", json("{'ClusterName':'nope'}")).type(), s("ClusterNotFoundFault"));
        // Deleting a cluster drops its caches; a new one of that name starts empty.
        ok("PutItem", putRequest("Tab", "a", 1));
        QCOMPARE(valueThrough("c", "Tab", "a"), 1);
        ok("Dax.DeleteCluster", json("{'ClusterName':'c'}"));
        QCOMPARE(through("c", "GetItem", getRequest("Tab", "a")).error().type(), s("ResourceNotFoundException"));
        createCluster("c");
        ok("PutItem", putRequest("Tab", "a", 2));
        QCOMPARE(valueThrough("c", "Tab", "a"), 2);
        QCOMPARE(metric("c", "ItemCacheMisses"), 1);
    }

    void iamActionsThroughACluster()
    {
        open();
        createTable("Tab");
        createCluster("c");
        ok("PutItem", putRequest("Tab", "a", 1));
        auto policy = security::Policy::parse(json("{'Statement':[\n"
            "            {'Effect':'Allow','Action':'dax:GetItem','Resource':'arn:aws:dax:us-east-1:000000000000:cache/c'}]}"));
        QVERIFY(policy.ok());
        auto principal = std::make_shared<security::Principal>();
        principal->userName = s("reader");
        principal->accessKeyId = s("AKIDREADER");
        principal->policy = *policy;
        m_ctx.principal = principal;
        QCOMPARE(valueThrough("c", "Tab", "a"), 1); // dax:GetItem is enough: the cluster reads with its own role
        const auto put = through("c", "PutItem", putRequest("Tab", "a", 2));
        QCOMPARE(put.error().type(), s("AccessDeniedException"));
        QVERIFY2(put.error().message().endsWith(s("because no identity-based policy allows the dax:PutItem action")), qPrintable(put.error().message()));
        QCOMPARE(fail("GetItem", getRequest("Tab", "a")).type(), s("AccessDeniedException")); // not dynamodb:GetItem
        QCOMPARE(fail("Dax.DescribeClusters", QJsonObject()).type(), s("AccessDeniedException"));
        m_ctx.principal.reset();
        QCOMPARE(valueThrough("c", "Tab", "a", true), 1);
    }

    void readersRacingWritersEndWithTheTablesItems()
    {
        // Readers that miss store what they read only if no write through
        // the cluster stored that key meanwhile: once the writers stop,
        // every key reads through the cluster as the table holds it.
        // A cache of about thirty of the 64 items, so that entries are
        // evicted all the time and readers keep missing.
        open(false, QString(), 16 * 320);
        createTable("Tab");
        createCluster("race");
        constexpr int kKeys = 64;
        std::atomic<bool> stop{false};
        std::atomic<int> failures{0};
        auto key = [](int i) { return QJsonObject{{s("pk"), QJsonObject{{s("S"), QString::number(i)}}}}; };
        std::vector<std::thread> threads;
        for (int w = 0; w < 2; ++w)
            threads.emplace_back([&, w] {
                for (int n = 0; n < 1600; ++n) {
                    api::RequestContext ctx;
                    ctx.daxCluster = s("race");
                    const QJsonObject req{{s("TableName"), s("Tab")}, {s("Key"), key((n + w) % kKeys)}, {s("UpdateExpression"), s("ADD v :one")},
                                          {s("ExpressionAttributeValues"), json("{':one':{'N':'1'}}")}};
                    if (!m_engine->call(ctx, s("UpdateItem"), req).ok())
                        ++failures;
                }
            });
        for (int r = 0; r < 2; ++r)
            threads.emplace_back([&, r] {
                int n = r;
                while (!stop.load()) {
                    api::RequestContext ctx;
                    ctx.daxCluster = s("race");
                    if (!m_engine->call(ctx, s("GetItem"), QJsonObject{{s("TableName"), s("Tab")}, {s("Key"), key(n++ % kKeys)}}).ok())
                        ++failures;
                }
            });
        threads[0].join();
        threads[1].join();
        stop = true;
        threads[2].join();
        threads[3].join();
        QCOMPARE(failures.load(), 0);
        int total = 0;
        for (int i = 0; i < kKeys; ++i) {
            const QJsonObject req{{s("TableName"), s("Tab")}, {s("Key"), key(i)}};
            api::RequestContext ctx;
            ctx.daxCluster = s("race");
            const QJsonObject cached = QJsonDocument::fromJson(*m_engine->call(ctx, s("GetItem"), req)).object();
            const QJsonObject table = ok("GetItem", req);
            QCOMPARE(cached, table);
            total += table.value(s("Item")).toObject().value(s("v")).toObject().value(s("N")).toString().toInt();
        }
        QCOMPARE(total, 3200);
        QVERIFY(metric("race", "ItemCacheMisses") > 100);
        QVERIFY(ok("Dynamodesk.DescribeClusterMetrics", json("{'ClusterName':'race'}")).value(s("Metrics")).toObject().value(s("EvictedSize")).toInteger() > 0);
    }
};

QTEST_GUILESS_MAIN(TstDax)
#include "tst_dax.moc"
