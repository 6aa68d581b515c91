// TriggerManager: the engine's local triggers, per region: loads the
// triggers kept in each region's database when the region opens and runs
// each on its own TriggerWorker; creates, changes, pauses and deletes them
// for the Dynamodesk.*Trigger operations (triggerops.cpp). Owned by the
// Engine; destroyed before the databases close.
//
// Log files go to `<dataDir>/triggers/<region>/<name>.log`; none in memory.
//
// Threads: every method may be called from any thread. None waits for a
// trigger's command: a deleted trigger's worker is stopped (its command
// killed) and joined later, so that an operation holding the database's
// write lock (a group-commit turn) never waits for a worker that waits for
// it. For the same reason m_mutex is never held across a database write.
#pragma once

#include "model/result.h"
#include "storage/database.h"
#include "triggers/triggerstatus.h"
#include "triggers/triggerstore.h"

#include <QHash>
#include <QString>

#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace dd::triggers {

class TriggerWorker;

class TriggerManager {
public:
    // `dataDir` empty: in memory (logs are kept in memory only).
    explicit TriggerManager(QString dataDir);
    ~TriggerManager(); // stops every worker, killing running commands

    // Starts `stored`, the triggers kept in `db` (as TriggerStore::install returned them). Once per region.
    void attach(const std::shared_ptr<storage::Database> &db, std::vector<StoredTrigger> stored);

    // Creates a trigger in db's region. A trigger of that name is a
    // ResourceInUseException unless `replace`: then its settings are
    // replaced, and its checkpoint kept if its table stays the same (how the
    // server applies its configuration at every start).
    Result<TriggerStatus> create(storage::Database &db, const TriggerConfig &config, bool replace);
    // Applies an UpdateTrigger request's changes. Unknown name: ResourceNotFoundException.
    Result<TriggerStatus> update(storage::Database &db, const QString &name, const QJsonObject &changes);
    // Deletes a trigger; returns its last status. Unknown name: ResourceNotFoundException.
    Result<TriggerStatus> remove(storage::Database &db, const QString &name);
    Result<TriggerStatus> describe(storage::Database &db, const QString &name);
    // The region's triggers by name; of one table if `table` is not empty.
    std::vector<TriggerStatus> list(storage::Database &db, const QString &table);

private:
    struct Region {
        std::shared_ptr<storage::Database> db;
        std::map<QString, std::unique_ptr<TriggerWorker>> workers;
    };
    Region *regionOf(storage::Database &db);   // m_mutex held; null if not attached
    TriggerWorker *workerOf(storage::Database &db, const QString &name); // m_mutex held; null if none
    QString logPath(const QString &region, const QString &name) const;
    void retire(std::unique_ptr<TriggerWorker> worker); // m_mutex held
    void reap();                                        // m_mutex held: joins stopped workers

    QString m_dataDir;
    std::mutex m_mutex;
    std::map<QString, Region> m_regions;
    std::vector<std::unique_ptr<TriggerWorker>> m_retired; // stopping; joined by reap() or the destructor
};

ApiError triggerNotFound(const QString &name);

} // namespace dd::triggers
