// DAX's parameter groups and subnet groups. A region has the parameter
// group default.dax1.0 (read-only) and the subnet group "default" without
// creating them; the groups users create are stored (daxstore.h).
#include "cache/clusters.h"
#include "cache/daxcommon.h"
#include "cache/daxops.h"

#include <QRegularExpression>

namespace dd::cache {

using namespace dax;

namespace {

constexpr int kMaxParameterGroups = 20; // per region (DAX quotas)
constexpr int kMaxSubnetGroups = 50;
constexpr int kMaxSubnetsPerGroup = 20;

const QString kRecordTtl = QStringLiteral("record-ttl-millis");
const QString kQueryTtl = QStringLiteral("query-ttl-millis");

// The two parameters a group has, as DescribeParameters shows them (the AWS
// CLI's example output, query-ttl-millis first).
QJsonArray parametersOf(const QJsonObject &values)
{
    QJsonArray out;
    for (const auto &[name, description] :
         {std::pair{kQueryTtl, p("Duration in milliseconds for queries to remain cached")},
          std::pair{kRecordTtl, p("Duration in milliseconds for records to remain valid in cache (Default: 0 = infinite)")}})
        out.append(QJsonObject{{p("ParameterName"), name},
                               {p("ParameterType"), p("DEFAULT")},
                               {p("ParameterValue"), values.value(name).toString(QString::number(kDefaultTtlMs))},
                               {p("NodeTypeSpecificValues"), QJsonArray()},
                               {p("Description"), description},
                               {p("Source"), p("user")},
                               {p("DataType"), p("integer")},
                               {p("AllowedValues"), p("0-")},
                               {p("IsModifiable"), p("TRUE")},
                               {p("ChangeType"), p("IMMEDIATE")}});
    return out;
}

QJsonObject defaultParameterGroup()
{
    return {{p("ParameterGroupName"), kDefaultParameterGroup}, {p("Description"), p("Default parameter group for dax1.0")}};
}

// The group as DescribeParameterGroups shows it (without the values).
QJsonObject publicGroup(const QJsonObject &stored)
{
    QJsonObject g{{p("ParameterGroupName"), stored.value(p("ParameterGroupName"))}};
    if (stored.contains(p("Description")))
        g.insert(p("Description"), stored.value(p("Description")));
    return g;
}

ApiError parameterGroupNotFound() { return fault("ParameterGroupNotFoundFault", p("The specified parameter group does not exist.")); }
ApiError subnetGroupNotFound()
{
    return fault("SubnetGroupNotFoundFault", p("The requested subnet group name does not refer to an existing subnet group."));
}

// The clusters of the region that use the group (ParameterGroup or SubnetGroup).
Result<QStringList> clustersUsing(storage::Connection &c, qint64 nowMs, const QString &member, const QString &group)
{
    DD_ASSIGN(const std::vector<QJsonObject> clusters, liveClusters(c, nowMs));
    QStringList out;
    for (const QJsonObject &d : clusters) {
        const QJsonValue v = d.value(member);
        const QString used = v.isObject() ? v.toObject().value(p("ParameterGroupName")).toString() : v.toString();
        if (used == group)
            out << d.value(p("ClusterName")).toString();
    }
    return out;
}

QJsonObject defaultSubnetGroup(const api::OpContext &ctx)
{
    QJsonArray subnets;
    for (int i = 0; i < 3; ++i)
        subnets.append(QJsonObject{{p("SubnetIdentifier"), QStringLiteral("subnet-0000000%1").arg(QChar(u'a' + i))},
                                   {p("SubnetAvailabilityZone"), ctx.db.region() + QChar(u'a' + i)}});
    return {{p("SubnetGroupName"), kDefaultSubnetGroup},
            {p("Description"), p("Default CacheSubnetGroup")},
            {p("VpcId"), p("vpc-00000000")},
            {p("Subnets"), subnets}};
}

// Subnets as a group lists them: each in a zone of the region in turn.
Result<QJsonArray> subnetsOf(const api::OpContext &ctx, const QJsonArray &ids)
{
    if (ids.isEmpty())
        return fault("InvalidSubnet", p("An invalid subnet identifier was specified: a subnet group needs at least one subnet."));
    if (ids.size() > kMaxSubnetsPerGroup)
        return fault("SubnetQuotaExceededFault", p("The request cannot be processed because it would exceed the allowed number of subnets in a subnet group."));
    static const QRegularExpression shape(QStringLiteral("^subnet-[0-9a-f]{1,17}$"));
    QJsonArray out;
    int i = 0;
    for (const QJsonValue &v : ids) {
        if (!shape.match(v.toString()).hasMatch())
            return fault("InvalidSubnet", QStringLiteral("An invalid subnet identifier was specified: %1").arg(v.toString()));
        out.append(QJsonObject{{p("SubnetIdentifier"), v.toString()}, {p("SubnetAvailabilityZone"), ctx.db.region() + QChar(u'a' + i++ % 3)}});
    }
    return out;
}

std::optional<ApiError> checkGroupName(const QString &name, const char *what)
{
    if (isIdentifier(name, 255))
        return std::nullopt;
    return invalidValue(QStringLiteral("%1 name specified is not a valid identifier. Identifiers must begin with a letter; must contain only "
                                       "ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.")
                            .arg(QLatin1String(what)));
}

} // namespace

Result<QByteArray> createParameterGroup(api::OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("ParameterGroupName")).toString().toLower();
    if (name != kDefaultParameterGroup)
        if (auto e = checkGroupName(name, "Parameter group"))
            return *e;
    QJsonObject g{{p("ParameterGroupName"), name}};
    if (req.contains(p("Description")))
        g.insert(p("Description"), req.value(p("Description")).toString());
    DD_CHECK(ctx.db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
        DD_ASSIGN(const std::vector<QJsonObject> groups, DaxStore::list(txn.conn, DaxKind::ParameterGroup));
        const bool exists = name == kDefaultParameterGroup
            || std::any_of(groups.begin(), groups.end(), [&](const QJsonObject &o) { return o.value(p("ParameterGroupName")).toString() == name; });
        if (exists)
            return fault("ParameterGroupAlreadyExistsFault", p("The specified parameter group already exists."));
        if (groups.size() + 2 > size_t(kMaxParameterGroups)) // the default group counts
            return fault("ParameterGroupQuotaExceededFault", p("You have attempted to exceed the maximum number of parameter groups."));
        QJsonObject stored = g;
        stored.insert(p("_Values"), QJsonObject{{kRecordTtl, QString::number(kDefaultTtlMs)}, {kQueryTtl, QString::number(kDefaultTtlMs)}});
        DD_CHECK(DaxStore::put(txn, DaxKind::ParameterGroup, name, stored));
        return recordEvent(txn, name, p("PARAMETER_GROUP"), p("Parameter group created."));
    }));
    return api::toBody({{p("ParameterGroup"), g}});
}

Result<QByteArray> describeParameterGroups(api::OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(std::vector<QJsonObject> stored, ctx.db.read<std::vector<QJsonObject>>([](storage::Connection &c) { return DaxStore::list(c, DaxKind::ParameterGroup); }));
    std::vector<QJsonObject> all{defaultParameterGroup()};
    for (const QJsonObject &g : stored)
        all.push_back(publicGroup(g));
    std::sort(all.begin(), all.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(p("ParameterGroupName")).toString() < b.value(p("ParameterGroupName")).toString();
    });
    if (req.contains(p("ParameterGroupNames"))) {
        DD_ASSIGN(all, pick(all, req.value(p("ParameterGroupNames")).toArray(), p("ParameterGroupName"),
                            [](const QString &) { return parameterGroupNotFound(); }));
    }
    QJsonObject out;
    DD_CHECK(page(req, all, p("ParameterGroups"), &out));
    return api::toBody(out);
}

Result<QByteArray> updateParameterGroup(api::OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("ParameterGroupName")).toString().toLower();
    const QJsonArray changes = req.value(p("ParameterNameValues")).toArray();
    if (changes.size() > 20)
        return invalidValue(p("At most 20 parameters can be modified in one request."));
    QStringList users;
    DD_ASSIGN(const QJsonObject g, ctx.db.write<QJsonObject>([&](storage::WriteTxn &txn) -> Result<QJsonObject> {
        if (name == kDefaultParameterGroup)
            return fault("InvalidParameterGroupStateFault", QStringLiteral("The default parameter group %1 cannot be modified.").arg(name));
        DD_ASSIGN(std::optional<QJsonObject> g, DaxStore::get(txn.conn, DaxKind::ParameterGroup, name));
        if (!g)
            return parameterGroupNotFound();
        QJsonObject values = g->value(p("_Values")).toObject();
        static const QRegularExpression integer(QStringLiteral("^[0-9]{1,18}$"));
        for (const QJsonValue &v : changes) {
            const QString parameter = v.toObject().value(p("ParameterName")).toString();
            const QString value = v.toObject().value(p("ParameterValue")).toString();
            // "record-ttl-millis and query-ttl-millis are the only supported parameter names" (UpdateParameterGroup).
            if (parameter != kRecordTtl && parameter != kQueryTtl)
                return invalidValue(QStringLiteral("Unknown parameter %1: record-ttl-millis and query-ttl-millis are the only parameters.").arg(parameter));
            if (!integer.match(value).hasMatch())
                return invalidValue(QStringLiteral("Invalid value %1 for parameter %2: it must be a whole number of milliseconds, 0 or more.").arg(value, parameter));
            values.insert(parameter, QString::number(value.toLongLong()));
        }
        g->insert(p("_Values"), values);
        DD_CHECK(DaxStore::put(txn, DaxKind::ParameterGroup, name, *g));
        DD_ASSIGN(users, clustersUsing(txn.conn, txn.nowMs, p("ParameterGroup"), name));
        DD_CHECK(recordEvent(txn, name, p("PARAMETER_GROUP"), p("Parameter group modified.")));
        return *g;
    }));
    // ChangeType IMMEDIATE: running clusters take the new TTLs at once.
    const QJsonObject values = g.value(p("_Values")).toObject();
    for (const QString &cluster : std::as_const(users))
        if (std::shared_ptr<Cluster> running = ctx.clusters->find(ctx.db.region(), cluster))
            running->setTtls(values.value(kRecordTtl).toString().toLongLong(), values.value(kQueryTtl).toString().toLongLong());
    return api::toBody({{p("ParameterGroup"), publicGroup(g)}});
}

Result<QByteArray> deleteParameterGroup(api::OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("ParameterGroupName")).toString().toLower();
    DD_CHECK(ctx.db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
        if (name == kDefaultParameterGroup)
            return fault("InvalidParameterGroupStateFault", QStringLiteral("The default parameter group %1 cannot be deleted.").arg(name));
        DD_ASSIGN(const std::optional<QJsonObject> g, DaxStore::get(txn.conn, DaxKind::ParameterGroup, name));
        if (!g)
            return parameterGroupNotFound();
        DD_ASSIGN(const QStringList users, clustersUsing(txn.conn, txn.nowMs, p("ParameterGroup"), name));
        if (!users.isEmpty())
            return fault("InvalidParameterGroupStateFault",
                         QStringLiteral("Parameter group %1 is in use by cluster %2.").arg(name, users.join(QLatin1String(", "))));
        DD_CHECK(DaxStore::remove(txn, DaxKind::ParameterGroup, name));
        return recordEvent(txn, name, p("PARAMETER_GROUP"), p("Parameter group deleted."));
    }));
    return api::toBody({{p("DeletionMessage"), QStringLiteral("Parameter group %1 has been deleted.").arg(name)}});
}

Result<QByteArray> describeParameters(api::OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("ParameterGroupName")).toString().toLower();
    QJsonObject values;
    if (name != kDefaultParameterGroup) {
        DD_ASSIGN(const std::optional<QJsonObject> g, ctx.db.read<std::optional<QJsonObject>>([&](storage::Connection &c) {
            return DaxStore::get(c, DaxKind::ParameterGroup, name);
        }));
        if (!g)
            return parameterGroupNotFound();
        values = g->value(p("_Values")).toObject();
    }
    std::vector<QJsonObject> all;
    // Source: both parameters are "user" parameters; "system" lists none.
    const QString source = req.value(p("Source")).toString(p("user"));
    if (source == u"user")
        for (const QJsonValue &v : parametersOf(values))
            all.push_back(v.toObject());
    QJsonObject out;
    DD_CHECK(page(req, all, p("Parameters"), &out));
    return api::toBody(out);
}

Result<QByteArray> describeDefaultParameters(api::OpContext &, const QJsonObject &req)
{
    std::vector<QJsonObject> all;
    for (const QJsonValue &v : parametersOf({}))
        all.push_back(v.toObject());
    QJsonObject out;
    DD_CHECK(page(req, all, p("Parameters"), &out));
    return api::toBody(out);
}

Result<QByteArray> createSubnetGroup(api::OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("SubnetGroupName")).toString().toLower();
    if (auto e = checkGroupName(name, "Subnet group"))
        return *e;
    DD_ASSIGN(const QJsonArray subnets, subnetsOf(ctx, req.value(p("SubnetIds")).toArray()));
    QJsonObject g{{p("SubnetGroupName"), name}, {p("VpcId"), p("vpc-00000000")}, {p("Subnets"), subnets}};
    if (req.contains(p("Description")))
        g.insert(p("Description"), req.value(p("Description")).toString());
    DD_CHECK(ctx.db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
        DD_ASSIGN(const std::vector<QJsonObject> groups, DaxStore::list(txn.conn, DaxKind::SubnetGroup));
        const bool exists = name == kDefaultSubnetGroup
            || std::any_of(groups.begin(), groups.end(), [&](const QJsonObject &o) { return o.value(p("SubnetGroupName")).toString() == name; });
        if (exists)
            return fault("SubnetGroupAlreadyExistsFault", p("The specified subnet group already exists."));
        if (groups.size() + 2 > size_t(kMaxSubnetGroups)) // the default group counts
            return fault("SubnetGroupQuotaExceededFault", p("The request cannot be processed because it would exceed the allowed number of subnet groups."));
        DD_CHECK(DaxStore::put(txn, DaxKind::SubnetGroup, name, g));
        return recordEvent(txn, name, p("SUBNET_GROUP"), p("Subnet group created."));
    }));
    return api::toBody({{p("SubnetGroup"), g}});
}

Result<QByteArray> describeSubnetGroups(api::OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(std::vector<QJsonObject> all, ctx.db.read<std::vector<QJsonObject>>([](storage::Connection &c) { return DaxStore::list(c, DaxKind::SubnetGroup); }));
    all.push_back(defaultSubnetGroup(ctx));
    std::sort(all.begin(), all.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(p("SubnetGroupName")).toString() < b.value(p("SubnetGroupName")).toString();
    });
    if (req.contains(p("SubnetGroupNames"))) {
        DD_ASSIGN(all, pick(all, req.value(p("SubnetGroupNames")).toArray(), p("SubnetGroupName"),
                            [](const QString &) { return subnetGroupNotFound(); }));
    }
    QJsonObject out;
    DD_CHECK(page(req, all, p("SubnetGroups"), &out));
    return api::toBody(out);
}

Result<QByteArray> updateSubnetGroup(api::OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("SubnetGroupName")).toString().toLower();
    std::optional<QJsonArray> subnets;
    if (req.contains(p("SubnetIds"))) {
        DD_ASSIGN(subnets, subnetsOf(ctx, req.value(p("SubnetIds")).toArray()));
    }
    DD_ASSIGN(const QJsonObject g, ctx.db.write<QJsonObject>([&](storage::WriteTxn &txn) -> Result<QJsonObject> {
        if (name == kDefaultSubnetGroup)
            return invalidValue(p("The default subnet group cannot be modified."));
        DD_ASSIGN(std::optional<QJsonObject> g, DaxStore::get(txn.conn, DaxKind::SubnetGroup, name));
        if (!g)
            return subnetGroupNotFound();
        if (req.contains(p("Description")))
            g->insert(p("Description"), req.value(p("Description")).toString());
        if (subnets)
            g->insert(p("Subnets"), *subnets);
        DD_CHECK(DaxStore::put(txn, DaxKind::SubnetGroup, name, *g));
        return *g;
    }));
    return api::toBody({{p("SubnetGroup"), g}});
}

Result<QByteArray> deleteSubnetGroup(api::OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("SubnetGroupName")).toString().toLower();
    DD_CHECK(ctx.db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
        DD_ASSIGN(const QStringList users, clustersUsing(txn.conn, txn.nowMs, p("SubnetGroup"), name));
        if (!users.isEmpty())
            return fault("SubnetGroupInUseFault", QStringLiteral("The specified subnet group is currently in use by cluster %1.").arg(users.join(QLatin1String(", "))));
        if (name == kDefaultSubnetGroup)
            return invalidValue(p("The default subnet group cannot be deleted."));
        DD_ASSIGN(const std::optional<QJsonObject> g, DaxStore::get(txn.conn, DaxKind::SubnetGroup, name));
        if (!g)
            return subnetGroupNotFound();
        DD_CHECK(DaxStore::remove(txn, DaxKind::SubnetGroup, name));
        return recordEvent(txn, name, p("SUBNET_GROUP"), p("Subnet group deleted."));
    }));
    return api::toBody({{p("DeletionMessage"), QStringLiteral("Subnet group %1 has been deleted.").arg(name)}});
}

} // namespace dd::cache
