#include "triggers/triggermanager.h"

#include "streams/streamstore.h"
#include "triggers/triggerstore.h"
#include "triggers/triggerworker.h"

#include <QDateTime>
#include <QDir>
#include <QRandomGenerator>

namespace dd::triggers {

ApiError triggerNotFound(const QString &name)
{
    return ApiError::resourceNotFound(QStringLiteral("Requested resource not found: Trigger: %1 not found").arg(name));
}

TriggerManager::TriggerManager(QString dataDir) : m_dataDir(std::move(dataDir)) {}

TriggerManager::~TriggerManager()
{
    std::lock_guard lock(m_mutex);
    // Stop all first, so that their commands are killed at once, then join.
    for (auto &[name, region] : m_regions)
        for (auto &[_, worker] : region.workers)
            worker->stop();
    for (auto &[name, region] : m_regions)
        region.workers.clear();
    m_retired.clear();
}

QString TriggerManager::logPath(const QString &region, const QString &name) const
{
    if (m_dataDir.isEmpty())
        return QString();
    return QDir(m_dataDir).filePath(QStringLiteral("triggers/%1/%2.log").arg(region, name));
}

TriggerManager::Region *TriggerManager::regionOf(storage::Database &db)
{
    auto it = m_regions.find(db.region());
    return it == m_regions.end() ? nullptr : &it->second;
}

void TriggerManager::retire(std::unique_ptr<TriggerWorker> worker)
{
    worker->stop();
    m_retired.push_back(std::move(worker));
}

void TriggerManager::reap()
{
    std::erase_if(m_retired, [](const auto &w) { return w->finished(); });
}

void TriggerManager::attach(const std::shared_ptr<storage::Database> &db, std::vector<StoredTrigger> stored)
{
    std::lock_guard lock(m_mutex);
    Region &region = m_regions[db->region()];
    region.db = db;
    for (StoredTrigger &t : stored) {
        const QString name = t.config.name;
        region.workers[name] = std::make_unique<TriggerWorker>(db, std::move(t), logPath(db->region(), name));
    }
}

Result<TriggerStatus> TriggerManager::create(storage::Database &db, const TriggerConfig &config, bool replace)
{
    std::shared_ptr<storage::Database> shared;
    {
        std::lock_guard lock(m_mutex);
        reap();
        Region *region = regionOf(db);
        if (!region)
            return ApiError::internal(QStringLiteral("Triggers are not available in region %1").arg(db.region()));
        shared = region->db;
    }
    // Not under m_mutex: a write may wait for a group-commit turn whose thread calls in here.
    DD_ASSIGN(const StoredTrigger stored, db.write<StoredTrigger>([&](storage::WriteTxn &txn) -> Result<StoredTrigger> {
        DD_ASSIGN(std::optional<StoredTrigger> existing, TriggerStore::find(txn.conn, config.name));
        if (existing && !replace)
            return ApiError::resourceInUse(QStringLiteral("Trigger already exists: %1").arg(config.name));
        StoredTrigger t;
        t.config = config;
        if (existing && existing->config.table == config.table) {
            t.checkpoint = existing->checkpoint;
            t.createdMs = existing->createdMs;
            t.incarnation = existing->incarnation;
            DD_CHECK(TriggerStore::updateConfig(txn, config));
            return t;
        }
        // LATEST: the changes after this moment; TRIM_HORIZON: every retained record.
        if (!config.startAtTrimHorizon) {
            t.checkpoint = txn.changeLogEnd();
        }
        t.createdMs = txn.nowMs;
        t.incarnation = qint64(QRandomGenerator::global()->generate64() >> 1);
        DD_CHECK(TriggerStore::put(txn, t));
        return t;
    }));
    std::lock_guard lock(m_mutex);
    Region &region = m_regions[db.region()];
    auto it = region.workers.find(config.name);
    if (it != region.workers.end() && it->second->incarnation() == stored.incarnation) {
        it->second->setConfig(config);
    } else {
        if (it != region.workers.end())
            retire(std::move(it->second));
        region.workers[config.name] = std::make_unique<TriggerWorker>(shared, stored, logPath(db.region(), config.name));
    }
    return region.workers[config.name]->status(false);
}

TriggerWorker *TriggerManager::workerOf(storage::Database &db, const QString &name)
{
    Region *region = regionOf(db);
    if (!region)
        return nullptr;
    auto it = region->workers.find(name);
    return it == region->workers.end() ? nullptr : it->second.get();
}

Result<TriggerStatus> TriggerManager::update(storage::Database &db, const QString &name, const QJsonObject &changes)
{
    TriggerConfig config;
    {
        std::lock_guard lock(m_mutex);
        reap();
        TriggerWorker *worker = workerOf(db, name);
        if (!worker)
            return triggerNotFound(name);
        DD_ASSIGN(config, worker->status(false).config.updatedBy(changes));
    }
    DD_CHECK(db.write<void>([&](storage::WriteTxn &txn) { return TriggerStore::updateConfig(txn, config); }));
    std::lock_guard lock(m_mutex);
    TriggerWorker *worker = workerOf(db, name);
    if (!worker)
        return triggerNotFound(name); // deleted meanwhile
    worker->setConfig(config);
    return worker->status(false);
}

Result<TriggerStatus> TriggerManager::remove(storage::Database &db, const QString &name)
{
    {
        std::lock_guard lock(m_mutex);
        reap();
        if (!workerOf(db, name))
            return triggerNotFound(name);
    }
    DD_CHECK(db.write<void>([&](storage::WriteTxn &txn) { return TriggerStore::remove(txn, name); }));
    std::lock_guard lock(m_mutex);
    Region *region = regionOf(db);
    auto it = region ? region->workers.find(name) : std::map<QString, std::unique_ptr<TriggerWorker>>::iterator();
    if (!region || it == region->workers.end())
        return triggerNotFound(name);
    TriggerStatus last = it->second->status(false);
    last.state = QStringLiteral("DELETING");
    retire(std::move(it->second));
    region->workers.erase(it);
    return last;
}

Result<TriggerStatus> TriggerManager::describe(storage::Database &db, const QString &name)
{
    std::lock_guard lock(m_mutex);
    TriggerWorker *worker = workerOf(db, name);
    if (!worker)
        return triggerNotFound(name);
    return worker->status(true);
}

std::vector<TriggerStatus> TriggerManager::list(storage::Database &db, const QString &table)
{
    std::lock_guard lock(m_mutex);
    std::vector<TriggerStatus> out;
    if (Region *region = regionOf(db))
        for (const auto &[name, worker] : region->workers) {
            TriggerStatus s = worker->status(false);
            if (table.isEmpty() || s.config.table == table)
                out.push_back(std::move(s));
        }
    return out;
}

} // namespace dd::triggers
