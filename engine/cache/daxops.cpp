#include "cache/daxops.h"

#include "cache/clusters.h"
#include "cache/daxcommon.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace dd::cache {

using namespace dax;

namespace {

// The zone of a cluster's i-th node without AvailabilityZones: spread over
// three zones, as AWS spreads nodes by default.
QString zoneOf(const api::OpContext &ctx, int i) { return ctx.db.region() + QChar(u'a' + i % 3); }

// Node ids: <cluster>-a, -b, ... (DescribeEvents' "Removed node daxcluster-b.").
QString nodeIdOf(const QString &cluster, int i) { return cluster + u'-' + QChar(u'a' + i); }

qint64 transientMs(const api::OpContext &ctx) { return ctx.options.delayTransientStatuses ? kTransientMs : 0; }

QJsonObject newNode(const api::OpContext &ctx, const QString &cluster, int index, const QString &zone, qint64 nowMs)
{
    return {{p("NodeId"), nodeIdOf(cluster, index)},
            {p("NodeCreateTime"), double(nowMs) / 1000},
            {p("AvailabilityZone"), zone},
            {p("NodeStatus"), transientMs(ctx) > 0 ? p("creating") : p("available")},
            {p("ParameterGroupStatus"), p("in-sync")}};
}

// The cluster as DescribeClusters shows it. Its endpoint is where the DAX
// SDK clients reach it (dax://host:port) when the wire protocol serves it,
// as on AWS; otherwise the /dax/<name> path of the HTTP endpoint the caller
// used (or of dynamodesk-server's default address, in process).
QJsonObject publicView(const api::OpContext &ctx, const QJsonObject &stored)
{
    QJsonObject d;
    for (auto it = stored.begin(); it != stored.end(); ++it)
        if (!it.key().startsWith(u'_'))
            d.insert(it.key(), it.value());
    const QString name = d.value(p("ClusterName")).toString();
    const QString wire = ctx.clusters->wireEndpoint(ctx.db.region(), name);
    const QString base = ctx.request.endpointUrl.isEmpty() ? p("http://localhost:8000") : ctx.request.endpointUrl;
    const QUrl url(wire.isEmpty() ? base : wire);
    const QJsonObject endpoint{{p("Address"), url.host()},
                               {p("Port"), url.port(80)},
                               {p("URL"), wire.isEmpty() ? base + p("/dax/") + name : wire}};
    const QString status = d.value(p("Status")).toString();
    if (status == u"creating") {
        // AWS shows only the port until the cluster is up, and no nodes.
        d.insert(p("ClusterDiscoveryEndpoint"), QJsonObject{{p("Port"), url.port(80)}});
        d.remove(p("Nodes"));
        return d;
    }
    d.insert(p("ClusterDiscoveryEndpoint"), endpoint);
    QJsonArray nodes;
    for (const QJsonValue &v : d.value(p("Nodes")).toArray()) {
        QJsonObject node = v.toObject();
        if (node.value(p("NodeStatus")).toString() != u"creating")
            node.insert(p("Endpoint"), endpoint);
        nodes.append(node);
    }
    d.insert(p("Nodes"), nodes);
    return d;
}

Result<QByteArray> clusterResponse(const api::OpContext &ctx, const QJsonObject &stored)
{
    return api::toBody({{p("Cluster"), publicView(ctx, stored)}});
}

// IamRoleArn's checks, with moto's messages (each a colon AWS's ARN parser misses).
std::optional<ApiError> checkRoleArn(const QString &arn)
{
    if (!arn.startsWith(QLatin1String("arn:")))
        return invalidValue(QStringLiteral("ARNs must start with 'arn:': %1").arg(arn));
    const qsizetype colons = arn.count(u':');
    if (colons < 2)
        return invalidValue(QStringLiteral("Second colon partition not found: %1").arg(arn));
    if (colons < 3)
        return invalidValue(QStringLiteral("Third colon vendor not found: %1").arg(arn));
    if (colons < 4)
        return invalidValue(QStringLiteral("Fourth colon (region/namespace delimiter) not found: %1").arg(arn));
    if (colons < 5)
        return invalidValue(QStringLiteral("Fifth colon (namespace/relative-id delimiter) not found: %1").arg(arn));
    return std::nullopt;
}

std::optional<ApiError> checkMaintenanceWindow(const QString &window)
{
    static const QRegularExpression shape(
        QStringLiteral("^(sun|mon|tue|wed|thu|fri|sat):([01][0-9]|2[0-3]):[0-5][0-9]-(sun|mon|tue|wed|thu|fri|sat):([01][0-9]|2[0-3]):[0-5][0-9]$"));
    if (shape.match(window).hasMatch())
        return std::nullopt;
    return invalidValue(QStringLiteral("Invalid maintenance window: %1. Specify it as ddd:hh24:mi-ddd:hh24:mi (UTC), e.g. sun:05:00-sun:06:00").arg(window));
}

ApiError notAvailable() { return fault("InvalidClusterStateFault", p("The requested DAX cluster is not in the available state.")); }

constexpr int kMaxNodesPerCluster = 11;  // a primary and 10 read replicas (DAX quotas)
constexpr int kMaxNodesPerRegion = 50;   // nodes per account and region (DAX quotas)

Result<bool> parameterGroupExists(storage::Connection &c, const QString &name)
{
    if (name == kDefaultParameterGroup)
        return true;
    DD_ASSIGN(const std::optional<QJsonObject> g, DaxStore::get(c, DaxKind::ParameterGroup, name));
    return g.has_value();
}

Result<bool> subnetGroupExists(storage::Connection &c, const QString &name)
{
    if (name == kDefaultSubnetGroup)
        return true;
    DD_ASSIGN(const std::optional<QJsonObject> g, DaxStore::get(c, DaxKind::SubnetGroup, name));
    return g.has_value();
}

QJsonArray securityGroups(const QJsonArray &ids)
{
    QJsonArray out;
    for (const QJsonValue &id : ids)
        out.append(QJsonObject{{p("SecurityGroupIdentifier"), id.toString()}, {p("Status"), p("active")}});
    if (out.isEmpty()) // the default VPC's default group, as AWS uses without SecurityGroupIds
        out.append(QJsonObject{{p("SecurityGroupIdentifier"), p("sg-00000000000000000")}, {p("Status"), p("active")}});
    return out;
}

// The running cluster's TTLs follow its parameter group (ChangeType IMMEDIATE).
Result<void> applyTtls(api::OpContext &ctx, const QString &cluster, const QString &group)
{
    std::shared_ptr<Cluster> running = ctx.clusters->find(ctx.db.region(), cluster);
    if (!running)
        return {};
    using Ttls = std::pair<qint64, qint64>;
    DD_ASSIGN(const Ttls ttls, ctx.db.read<Ttls>([&](storage::Connection &c) { return Clusters::ttlsOf(c, group); }));
    running->setTtls(ttls.first, ttls.second);
    return {};
}

} // namespace

Result<QByteArray> createCluster(api::OpContext &ctx, const QJsonObject &req)
{
    // moto checks the role's ARN before the name, as AWS does.
    if (auto e = checkRoleArn(req.value(p("IamRoleArn")).toString()))
        return *e;
    const QString name = req.value(p("ClusterName")).toString().toLower();
    if (auto e = checkClusterName(name))
        return *e;
    const QString nodeType = req.value(p("NodeType")).toString();
    if (Clusters::nodeMemoryBytes(nodeType) == 0)
        return invalidValue(QStringLiteral("Node type %1 is not a DAX node type (dax.r5.large, dax.r5.xlarge, ..., dax.t3.small, dax.t3.medium)").arg(nodeType));
    const int nodes = req.value(p("ReplicationFactor")).toInt();
    if (nodes < 1)
        return invalidValue(p("ReplicationFactor must be at least 1."));
    if (nodes > kMaxNodesPerCluster)
        return fault("NodeQuotaForClusterExceededFault", p("You have attempted to exceed the maximum number of nodes for a DAX cluster."));
    const QJsonArray zones = req.value(p("AvailabilityZones")).toArray();
    if (!zones.isEmpty() && zones.size() != nodes)
        return fault("InvalidParameterCombinationException", p("The number of AvailabilityZones must equal the ReplicationFactor."));
    const QString window = req.value(p("PreferredMaintenanceWindow")).toString(p("sun:05:00-sun:06:00"));
    if (auto e = checkMaintenanceWindow(window))
        return *e;
    const QString parameterGroup = req.value(p("ParameterGroupName")).toString(kDefaultParameterGroup).toLower();
    const QString subnetGroup = req.value(p("SubnetGroupName")).toString(kDefaultSubnetGroup).toLower();
    const QJsonArray tags = req.value(p("Tags")).toArray();
    if (tags.size() > kMaxTagsPerCluster)
        return fault("TagQuotaPerResourceExceeded", p("You have exceeded the maximum number of tags for this DAX cluster."));

    auto written = ctx.db.write<QJsonObject>([&](storage::WriteTxn &txn) -> Result<QJsonObject> {
        DD_ASSIGN(const std::vector<QJsonObject> clusters, liveClusters(txn.conn, txn.nowMs));
        int regionNodes = 0;
        for (const QJsonObject &c : clusters) {
            if (c.value(p("ClusterName")).toString() == name)
                return fault("ClusterAlreadyExistsFault", p("You already have a DAX cluster with the given identifier."));
            regionNodes += c.value(p("TotalNodes")).toInt();
        }
        if (regionNodes + nodes > kMaxNodesPerRegion)
            return fault("NodeQuotaForCustomerExceededFault", p("You have attempted to exceed the maximum number of nodes for your AWS account."));
        DD_ASSIGN(const bool hasGroup, parameterGroupExists(txn.conn, parameterGroup));
        if (!hasGroup)
            return fault("ParameterGroupNotFoundFault", p("The specified parameter group does not exist."));
        DD_ASSIGN(const bool hasSubnets, subnetGroupExists(txn.conn, subnetGroup));
        if (!hasSubnets)
            return fault("SubnetGroupNotFoundFault", p("The requested subnet group name does not refer to an existing subnet group."));

        const bool delayed = transientMs(ctx) > 0;
        QJsonArray nodeList;
        for (int i = 0; i < nodes; ++i)
            nodeList.append(newNode(ctx, name, i, zones.isEmpty() ? zoneOf(ctx, i) : zones.at(i).toString(), txn.nowMs));
        QJsonObject d{{p("ClusterName"), name},
                      {p("ClusterArn"), clusterArn(ctx, name)},
                      {p("TotalNodes"), nodes},
                      {p("ActiveNodes"), delayed ? 0 : nodes},
                      {p("NodeType"), nodeType},
                      {p("Status"), delayed ? p("creating") : p("available")},
                      {p("NodeIdsToRemove"), QJsonArray()},
                      {p("Nodes"), nodeList},
                      {p("PreferredMaintenanceWindow"), window},
                      {p("SubnetGroup"), subnetGroup},
                      {p("SecurityGroups"), securityGroups(req.value(p("SecurityGroupIds")).toArray())},
                      {p("IamRoleArn"), req.value(p("IamRoleArn")).toString()},
                      {p("ParameterGroup"), QJsonObject{{p("ParameterGroupName"), parameterGroup},
                                                        {p("ParameterApplyStatus"), p("in-sync")},
                                                        {p("NodeIdsToReboot"), QJsonArray()}}},
                      {p("SSEDescription"), QJsonObject{{p("Status"), req.value(p("SSESpecification")).toObject().value(p("Enabled")).toBool()
                                                                          ? p("ENABLED") : p("DISABLED")}}},
                      {p("ClusterEndpointEncryptionType"), req.value(p("ClusterEndpointEncryptionType")).toString(p("NONE"))},
                      {p("NetworkType"), req.value(p("NetworkType")).toString(p("ipv4"))},
                      {p("_StatusUntilMs"), txn.nowMs + transientMs(ctx)},
                      {p("_Tags"), tags}};
        if (req.contains(p("Description")))
            d.insert(p("Description"), req.value(p("Description")).toString());
        if (req.contains(p("NotificationTopicArn")))
            d.insert(p("NotificationConfiguration"), QJsonObject{{p("TopicArn"), req.value(p("NotificationTopicArn")).toString()},
                                                                 {p("TopicStatus"), p("active")}});
        DD_CHECK(DaxStore::put(txn, DaxKind::Cluster, name, d));
        DD_CHECK(recordEvent(txn, name, p("CLUSTER"), p("Cluster created.")));
        return d;
    });
    if (!written.ok())
        return written.error();
    // A cluster of this name deleted before keeps no cache.
    ctx.clusters->stop(ctx.db.region(), name);
    return clusterResponse(ctx, *written);
}

Result<QByteArray> describeClusters(api::OpContext &ctx, const QJsonObject &req)
{
    const qint64 now = ctx.clock->nowMs();
    DD_ASSIGN(std::vector<QJsonObject> all, ctx.db.read<std::vector<QJsonObject>>([&](storage::Connection &c) { return liveClusters(c, now); }));
    if (req.contains(p("ClusterNames"))) {
        const QJsonArray names = req.value(p("ClusterNames")).toArray();
        for (const QJsonValue &v : names)
            if (auto e = checkClusterName(v.toString().toLower()))
                return *e;
        // DescribeClusters names the cluster, DeleteCluster does not (moto, as AWS).
        DD_ASSIGN(all, pick(all, names, p("ClusterName"), [](const QString &name) {
            return fault("ClusterNotFoundFault", QStringLiteral("Cluster %1 not found.").arg(name));
        }));
    }
    for (QJsonObject &d : all)
        d = publicView(ctx, d);
    QJsonObject out;
    DD_CHECK(page(req, all, p("Clusters"), &out));
    return api::toBody(out);
}

Result<QByteArray> deleteCluster(api::OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("ClusterName")).toString().toLower();
    auto written = ctx.db.write<QJsonObject>([&](storage::WriteTxn &txn) -> Result<QJsonObject> {
        DD_ASSIGN(std::optional<QJsonObject> d, liveCluster(txn.conn, name, txn.nowMs));
        if (!d)
            return clusterNotFound();
        if (d->value(p("Status")).toString() == u"deleting")
            return notAvailable();
        d->insert(p("Status"), p("deleting"));
        d->insert(p("_StatusUntilMs"), txn.nowMs + transientMs(ctx));
        if (transientMs(ctx) > 0)
            DD_CHECK(DaxStore::put(txn, DaxKind::Cluster, name, *d));
        else
            DD_CHECK(DaxStore::remove(txn, DaxKind::Cluster, name));
        DD_CHECK(recordEvent(txn, name, p("CLUSTER"), p("Cluster deleted.")));
        return *d;
    });
    if (!written.ok())
        return written.error();
    ctx.clusters->stop(ctx.db.region(), name);
    return clusterResponse(ctx, *written);
}

Result<QByteArray> updateCluster(api::OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("ClusterName")).toString().toLower();
    if (req.contains(p("PreferredMaintenanceWindow")))
        if (auto e = checkMaintenanceWindow(req.value(p("PreferredMaintenanceWindow")).toString()))
            return *e;
    const QString group = req.value(p("ParameterGroupName")).toString().toLower();
    DD_ASSIGN(const QJsonObject d, changeCluster(ctx, name, [&](storage::WriteTxn &txn, QJsonObject &d) -> Result<void> {
        if (d.value(p("Status")).toString() != u"available")
            return notAvailable();
        if (req.contains(p("Description")))
            d.insert(p("Description"), req.value(p("Description")).toString());
        if (req.contains(p("PreferredMaintenanceWindow")))
            d.insert(p("PreferredMaintenanceWindow"), req.value(p("PreferredMaintenanceWindow")).toString());
        if (req.contains(p("NotificationTopicArn")) || req.contains(p("NotificationTopicStatus"))) {
            QJsonObject n = d.value(p("NotificationConfiguration")).toObject();
            if (req.contains(p("NotificationTopicArn")))
                n.insert(p("TopicArn"), req.value(p("NotificationTopicArn")).toString());
            n.insert(p("TopicStatus"), req.value(p("NotificationTopicStatus")).toString(n.value(p("TopicStatus")).toString(p("active"))));
            d.insert(p("NotificationConfiguration"), n);
        }
        if (req.contains(p("SecurityGroupIds")))
            d.insert(p("SecurityGroups"), securityGroups(req.value(p("SecurityGroupIds")).toArray()));
        if (!group.isEmpty()) {
            DD_ASSIGN(const bool exists, parameterGroupExists(txn.conn, group));
            if (!exists)
                return fault("ParameterGroupNotFoundFault", p("The specified parameter group does not exist."));
            QJsonObject g = d.value(p("ParameterGroup")).toObject();
            g.insert(p("ParameterGroupName"), group);
            d.insert(p("ParameterGroup"), g);
        }
        return {};
    }));
    if (!group.isEmpty())
        DD_CHECK(applyTtls(ctx, name, group));
    return clusterResponse(ctx, d);
}

Result<QByteArray> increaseReplicationFactor(api::OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("ClusterName")).toString().toLower();
    const int target = req.value(p("NewReplicationFactor")).toInt();
    const QJsonArray zones = req.value(p("AvailabilityZones")).toArray();
    DD_ASSIGN(const QJsonObject d, changeCluster(ctx, name, [&](storage::WriteTxn &txn, QJsonObject &d) -> Result<void> {
        if (d.value(p("Status")).toString() != u"available")
            return notAvailable();
        QJsonArray nodes = d.value(p("Nodes")).toArray();
        const int current = int(nodes.size());
        if (target <= current)
            return invalidValue(QStringLiteral("NewReplicationFactor must be greater than the current replication factor (%1).").arg(current));
        if (target > kMaxNodesPerCluster)
            return fault("NodeQuotaForClusterExceededFault", p("You have attempted to exceed the maximum number of nodes for a DAX cluster."));
        if (!zones.isEmpty() && zones.size() != target - current)
            return fault("InvalidParameterCombinationException", p("The number of AvailabilityZones must equal the number of nodes added."));
        DD_ASSIGN(const std::vector<QJsonObject> clusters, liveClusters(txn.conn, txn.nowMs));
        int regionNodes = 0;
        for (const QJsonObject &c : clusters)
            regionNodes += c.value(p("TotalNodes")).toInt();
        if (regionNodes + target - current > kMaxNodesPerRegion)
            return fault("NodeQuotaForCustomerExceededFault", p("You have attempted to exceed the maximum number of nodes for your AWS account."));
        // New nodes take the letters after the last one.
        int next = 0;
        QSet<QString> used;
        for (const QJsonValue &v : nodes)
            used.insert(v.toObject().value(p("NodeId")).toString());
        for (int i = 0; i < target - current; ++i) {
            while (used.contains(nodeIdOf(name, next)))
                ++next;
            used.insert(nodeIdOf(name, next));
            nodes.append(newNode(ctx, name, next, zones.isEmpty() ? zoneOf(ctx, next) : zones.at(i).toString(), txn.nowMs));
            DD_CHECK(recordEvent(txn, name, p("CLUSTER"), QStringLiteral("Added node %1.").arg(nodeIdOf(name, next))));
        }
        d.insert(p("Nodes"), nodes);
        d.insert(p("TotalNodes"), target);
        if (transientMs(ctx) > 0) {
            d.insert(p("Status"), p("modifying"));
            d.insert(p("_StatusUntilMs"), txn.nowMs + transientMs(ctx));
        } else {
            d.insert(p("ActiveNodes"), target);
        }
        return {};
    }));
    return clusterResponse(ctx, d);
}

Result<QByteArray> decreaseReplicationFactor(api::OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("ClusterName")).toString().toLower();
    const int target = req.value(p("NewReplicationFactor")).toInt();
    const QJsonArray named = req.value(p("NodeIdsToRemove")).toArray();
    DD_ASSIGN(const QJsonObject d, changeCluster(ctx, name, [&](storage::WriteTxn &txn, QJsonObject &d) -> Result<void> {
        if (d.value(p("Status")).toString() != u"available")
            return notAvailable();
        QJsonArray nodes = d.value(p("Nodes")).toArray();
        const int current = int(nodes.size());
        if (target < 1)
            return invalidValue(p("NewReplicationFactor must be at least 1: to remove the last node, delete the cluster (DeleteCluster)."));
        if (target >= current)
            return invalidValue(QStringLiteral("NewReplicationFactor must be less than the current replication factor (%1).").arg(current));
        QStringList removing;
        if (!named.isEmpty()) {
            if (named.size() != current - target)
                return fault("InvalidParameterCombinationException", p("The number of NodeIdsToRemove must equal the number of nodes removed."));
            for (const QJsonValue &v : named) {
                const QString id = v.toString().toLower();
                const bool exists = std::any_of(nodes.begin(), nodes.end(), [&](const QJsonValue &n) { return n.toObject().value(p("NodeId")).toString() == id; });
                if (!exists)
                    return fault("NodeNotFoundFault", p("None of the nodes in the cluster have the given node ID."));
                removing << id;
            }
        } else {
            for (int i = current - 1; i >= target; --i)
                removing << nodes.at(i).toObject().value(p("NodeId")).toString();
        }
        for (const QString &id : std::as_const(removing))
            DD_CHECK(recordEvent(txn, name, p("CLUSTER"), QStringLiteral("Removed node %1.").arg(id)));
        if (transientMs(ctx) > 0) {
            d.insert(p("NodeIdsToRemove"), QJsonArray::fromStringList(removing));
            d.insert(p("Status"), p("modifying"));
            d.insert(p("_StatusUntilMs"), txn.nowMs + transientMs(ctx));
            return {};
        }
        QJsonArray kept;
        for (const QJsonValue &n : nodes)
            if (!removing.contains(n.toObject().value(p("NodeId")).toString()))
                kept.append(n);
        d.insert(p("Nodes"), kept);
        d.insert(p("TotalNodes"), kept.size());
        d.insert(p("ActiveNodes"), kept.size());
        return {};
    }));
    return clusterResponse(ctx, d);
}

Result<QByteArray> rebootNode(api::OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("ClusterName")).toString().toLower();
    const QString nodeId = req.value(p("NodeId")).toString().toLower();
    DD_ASSIGN(const QJsonObject d, changeCluster(ctx, name, [&](storage::WriteTxn &txn, QJsonObject &d) -> Result<void> {
        if (d.value(p("Status")).toString() != u"available")
            return notAvailable();
        QJsonArray nodes = d.value(p("Nodes")).toArray();
        for (qsizetype i = 0; i < nodes.size(); ++i) {
            QJsonObject node = nodes.at(i).toObject();
            if (node.value(p("NodeId")).toString() != nodeId)
                continue;
            // A reboot restarts the node's process and keeps the cache (RebootNode's documentation).
            if (transientMs(ctx) > 0) {
                node.insert(p("NodeStatus"), p("rebooting"));
                nodes.replace(i, node);
                d.insert(p("Nodes"), nodes);
                d.insert(p("Status"), p("modifying"));
                d.insert(p("_StatusUntilMs"), txn.nowMs + transientMs(ctx));
            }
            return recordEvent(txn, name, p("CLUSTER"), QStringLiteral("Rebooted node %1.").arg(nodeId));
        }
        return fault("NodeNotFoundFault", p("None of the nodes in the cluster have the given node ID."));
    }));
    return clusterResponse(ctx, d);
}

} // namespace dd::cache
