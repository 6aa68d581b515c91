// Engine's regions: one database each, opened on first use with every
// capability's tables installed, and what the engine tells of them.
#include "api/engine_p.h"

#include "backup/restorer.h"
#include "cache/daxstore.h"
#include "migration/jobstore.h"
#include "pitr/pitrstore.h"
#include "replication/replicaops.h"
#include "replication/replicastore.h"
#include "storage/commitscope.h"
#include "streams/streamstore.h"
#include "triggers/triggerstore.h"

#include <QDir>
#include <QRegularExpression>

namespace dd::api {

Result<std::shared_ptr<storage::Database>> Engine::Private::region(const QString &name)
{
    std::shared_ptr<RegionSlot> slot;
    {
        std::lock_guard lock(regionsMutex);
        auto it = regions.constFind(name);
        if (it != regions.constEnd() && (*it)->db)
            return (*it)->db;
        if (it == regions.constEnd()) {
            // Region names become file names: accept only what AWS region names look like.
            if (!Engine::isRegionName(name))
                return ApiError(QStringLiteral("UnrecognizedClientException"), QStringLiteral("The security token included in the request is invalid."));
            it = regions.insert(name, std::make_shared<RegionSlot>());
        }
        slot = *it;
    }
    // The installs below are writes of their own, committed before anyone
    // uses the region: never part of the caller's turn, which may fail to
    // commit, and never holding a database that a failed open destroys.
    // Detaching commits what the caller's turn holds, so that no write lock
    // is held while waiting for another thread's open.
    storage::CommitScope::Detach detached;
    std::lock_guard opening(slot->openMutex);
    {
        std::lock_guard lock(regionsMutex);
        if (slot->db)
            return slot->db;
    }
    DD_ASSIGN(std::shared_ptr<storage::Database> db, openRegion(name));
    std::lock_guard lock(regionsMutex);
    slot->db = db;
    return db;
}

Result<std::shared_ptr<storage::Database>> Engine::Private::openRegion(const QString &name)
{
    const QString path = options.inMemory ? QString() : QDir(options.dataDir).filePath(name + QStringLiteral(".db"));
    DD_ASSIGN(std::unique_ptr<storage::Database> db, storage::Database::open(path, name, clock, keys));
    DD_CHECK(streams::StreamStore::install(*db));
    DD_CHECK(pitr::PitrStore::install(*db));
    DD_CHECK(backup::dropUnfinishedRestores(*db));
    DD_CHECK(replication::ReplicaStore::install(*db));
    DD_CHECK(replication::abandonUnfinishedReplicas(*db));
    DD_CHECK(cache::DaxStore::install(*db));
    DD_CHECK(migration::JobStore::install(*db, QStringLiteral("The export or import was interrupted: the server stopped before it finished")));
    DD_ASSIGN(std::vector<triggers::StoredTrigger> stored, triggers::TriggerStore::install(*db));
    DD_ASSIGN(const bool replicated, db->read<bool>([](storage::Connection &c) -> Result<bool> {
        DD_ASSIGN(const std::vector<replication::Peer> peers, replication::ReplicaStore::peers(c));
        return !peers.empty();
    }));
    std::shared_ptr<storage::Database> shared(std::move(db));
    // PITR bases a stop cut short are taken now, in the background as at enabling.
    DD_CHECK(pitr::PitrStore::resumeFirstBases(*shared, clock->nowMs(), backups.get()));
    triggers->attach(shared, std::move(stored));
    if (replicated)
        replicator->watch(shared);
    return shared;
}

std::vector<std::shared_ptr<storage::Database>> Engine::Private::openRegions()
{
    std::lock_guard lock(regionsMutex);
    std::vector<std::shared_ptr<storage::Database>> out;
    for (const auto &slot : std::as_const(regions))
        if (slot->db)
            out.push_back(slot->db);
    return out;
}

QStringList Engine::regions() const
{
    QStringList names;
    for (const auto &db : d->openRegions())
        names.append(db->region());
    names.sort();
    return names;
}

bool Engine::isRegionName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9-]{0,62}$"));
    return valid.match(name).hasMatch();
}

Result<int> Engine::addCommitListener(const QString &region, std::function<void()> fn)
{
    DD_ASSIGN(std::shared_ptr<storage::Database> db, d->region(region));
    return db->addCommitListener(std::move(fn));
}

Result<storage::CheckpointStats> Engine::checkpointStats(const QString &region)
{
    DD_ASSIGN(std::shared_ptr<storage::Database> db, d->region(region));
    return db->checkpointStats();
}

void Engine::removeCommitListener(const QString &region, int id)
{
    if (auto db = d->region(region); db.ok())
        (*db)->removeCommitListener(id);
}

} // namespace dd::api
