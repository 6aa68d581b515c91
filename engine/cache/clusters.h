// Clusters: an engine's running DAX clusters (cluster.h), by region and
// name. A cluster's description lives in its region's database (daxstore.h,
// managed by the control plane, daxops.h); its caches start empty the first
// time a request comes through it after the engine opened, as after a node
// replacement on AWS.
//
// Each cluster's caches get the memory of its node type (dax.r5.large:
// 16 GiB, ...) but at most the engine's limit (EngineOptions::daxCacheBytes),
// so that a local cluster does not take the machine.
// Threads: any thread.
#pragma once

#include "cache/cluster.h"
#include "model/result.h"
#include "storage/database.h"

#include <QHash>

#include <memory>
#include <mutex>

namespace dd::cache {

class Clusters {
public:
    explicit Clusters(qint64 limitBytes);

    // The running cluster `name` of `db`'s region, started from its stored
    // description if needed. ResourceNotFoundException when the region has
    // no such cluster or it is not available (creating, deleting).
    Result<std::shared_ptr<Cluster>> running(storage::Database &db, const QString &name, qint64 nowMs);
    // The running cluster, if it was started; null otherwise.
    std::shared_ptr<Cluster> find(const QString &region, const QString &name) const;
    // Forgets the running cluster (deleted): its caches go.
    void stop(const QString &region, const QString &name);

    // Where the cluster is served on the DAX wire protocol (Engine::setDaxEndpoint); empty: not.
    void setWireEndpoint(const QString &region, const QString &name, const QString &url);
    QString wireEndpoint(const QString &region, const QString &name) const;

    // The cache budget of a node of `nodeType` (its memory, capped by the limit).
    qint64 budgetFor(const QString &nodeType) const;
    // The memory of a node of `nodeType` in bytes; 0 for a type DAX does not have.
    static qint64 nodeMemoryBytes(const QString &nodeType);
    // The TTLs (record-ttl-millis, query-ttl-millis) of parameter group
    // `group` of `db`'s region, read in `c`; the defaults for default.dax1.0
    // or a group that is gone.
    static Result<std::pair<qint64, qint64>> ttlsOf(storage::Connection &c, const QString &group);

private:
    const qint64 m_limitBytes;
    mutable std::mutex m_mutex;
    QHash<QString, std::shared_ptr<Cluster>> m_running; // by "<region>/<name>"
    QHash<QString, QString> m_wireEndpoints;           // by "<region>/<name>"
    quint64 m_stops = 0;                                 // stop() calls, so that running() never revives a deleted cluster
};

} // namespace dd::cache
