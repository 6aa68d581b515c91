#include "cache/clusters.h"

#include "cache/daxstore.h"

#include <QJsonArray>

namespace dd::cache {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }
QString slot(const QString &region, const QString &name) { return region + u'/' + name; }

} // namespace

Clusters::Clusters(qint64 limitBytes) : m_limitBytes(limitBytes) {}

qint64 Clusters::nodeMemoryBytes(const QString &nodeType)
{
    // AWS's node types (CloudFormation's AWS::DAX::Cluster NodeType list)
    // and their memory (the DAX pricing and sizing pages).
    constexpr qint64 GiB = 1024LL * 1024 * 1024;
    static const QHash<QString, qint64> memory = {
        {p("dax.t2.small"), 2 * GiB},      {p("dax.t2.medium"), 4 * GiB},     {p("dax.t3.small"), 2 * GiB},
        {p("dax.t3.medium"), 4 * GiB},     {p("dax.r3.large"), 15 * GiB},     {p("dax.r3.xlarge"), 30 * GiB},
        {p("dax.r3.2xlarge"), 61 * GiB},   {p("dax.r3.4xlarge"), 122 * GiB},  {p("dax.r3.8xlarge"), 244 * GiB},
        {p("dax.r4.large"), 15 * GiB},     {p("dax.r4.xlarge"), 30 * GiB},    {p("dax.r4.2xlarge"), 61 * GiB},
        {p("dax.r4.4xlarge"), 122 * GiB},  {p("dax.r4.8xlarge"), 244 * GiB},  {p("dax.r4.16xlarge"), 488 * GiB},
        {p("dax.r5.large"), 16 * GiB},     {p("dax.r5.xlarge"), 32 * GiB},    {p("dax.r5.2xlarge"), 64 * GiB},
        {p("dax.r5.4xlarge"), 128 * GiB},  {p("dax.r5.8xlarge"), 256 * GiB},  {p("dax.r5.12xlarge"), 384 * GiB},
        {p("dax.r5.16xlarge"), 512 * GiB}, {p("dax.r5.24xlarge"), 768 * GiB},
    };
    return memory.value(nodeType, 0);
}

qint64 Clusters::budgetFor(const QString &nodeType) const
{
    const qint64 memory = nodeMemoryBytes(nodeType);
    return memory > 0 ? std::min(memory, m_limitBytes) : m_limitBytes;
}

Result<std::pair<qint64, qint64>> Clusters::ttlsOf(storage::Connection &c, const QString &group)
{
    std::pair<qint64, qint64> ttls{300000, 300000};
    DD_ASSIGN(const std::optional<QJsonObject> stored, DaxStore::get(c, DaxKind::ParameterGroup, group));
    if (!stored)
        return ttls;
    const QJsonObject values = stored->value(p("_Values")).toObject();
    ttls.first = values.value(p("record-ttl-millis")).toString(p("300000")).toLongLong();
    ttls.second = values.value(p("query-ttl-millis")).toString(p("300000")).toLongLong();
    return ttls;
}

Result<std::shared_ptr<Cluster>> Clusters::running(storage::Database &db, const QString &name, qint64 nowMs)
{
    const QString lower = name.toLower();
    const QString key = slot(db.region(), lower);
    for (;;) {
        // A running cluster stays available until DeleteCluster stops it.
        quint64 generation = 0;
        {
            std::lock_guard lock(m_mutex);
            if (std::shared_ptr<Cluster> c = m_running.value(key))
                return c;
            generation = m_stops;
        }
        // Otherwise its stored description says whether it is there and available.
        struct Found {
            std::optional<QJsonObject> description;
            std::pair<qint64, qint64> ttls;
        };
        DD_ASSIGN(Found found, db.read<Found>([&](storage::Connection &c) -> Result<Found> {
            Found f;
            DD_ASSIGN(f.description, DaxStore::get(c, DaxKind::Cluster, lower));
            if (f.description) {
                DD_ASSIGN(f.ttls, ttlsOf(c, f.description->value(p("ParameterGroup")).toObject().value(p("ParameterGroupName")).toString()));
            }
            return f;
        }));
        if (!found.description)
            return ApiError(p("ResourceNotFoundException"),
                            QStringLiteral("DAX cluster %1 not found in %2: create it with CreateCluster (aws dax create-cluster)").arg(name, db.region()));
        const QJsonObject &d = *found.description;
        const QString status = d.value(p("Status")).toString();
        const bool settling = d.value(p("_StatusUntilMs")).toInteger() > nowMs;
        if (status == u"deleting" || (status == u"creating" && settling))
            return ApiError(p("ResourceNotFoundException"),
                            QStringLiteral("DAX cluster %1 is %2: No cluster endpoints available").arg(name, status));
        std::lock_guard lock(m_mutex);
        if (m_stops != generation)
            continue; // a cluster was deleted meanwhile: what was read may be stale
        std::shared_ptr<Cluster> &c = m_running[key];
        if (!c)
            c = std::make_shared<Cluster>(db.region(), lower,
                                          Cluster::Settings{found.ttls.first, found.ttls.second, budgetFor(d.value(p("NodeType")).toString())});
        return c;
    }
}

std::shared_ptr<Cluster> Clusters::find(const QString &region, const QString &name) const
{
    std::lock_guard lock(m_mutex);
    return m_running.value(slot(region, name.toLower()));
}

void Clusters::stop(const QString &region, const QString &name)
{
    std::lock_guard lock(m_mutex);
    m_running.remove(slot(region, name.toLower()));
    ++m_stops;
}

void Clusters::setWireEndpoint(const QString &region, const QString &name, const QString &url)
{
    std::lock_guard lock(m_mutex);
    if (url.isEmpty())
        m_wireEndpoints.remove(slot(region, name.toLower()));
    else
        m_wireEndpoints.insert(slot(region, name.toLower()), url);
}

QString Clusters::wireEndpoint(const QString &region, const QString &name) const
{
    std::lock_guard lock(m_mutex);
    return m_wireEndpoints.value(slot(region, name.toLower()));
}

} // namespace dd::cache
