#include "api/engine.h"
#include "api/resourcepolicyops.h"
#include "api/tablearn.h"

#include "api/fastrequest.h"
#include "api/opcontext.h"
#include "api/shapevalidator.h"
#include "backup/backupcatalog.h"
#include "backup/restorer.h"
#include "cache/clusters.h"
#include "cache/dataplane.h"
#include "cache/daxops.h"
#include "cache/daxstore.h"
#include "insights/recorder.h"
#include "model/json.h"
#include "migration/jobstore.h"
#include "migration/localbuckets.h"
#include "migration/migrationops.h"
#include "pitr/pitrstore.h"
#include "security/datadirkey.h"
#include "security/permissions.h"
#include "replication/replicaops.h"
#include "replication/replicastore.h"
#include "replication/replicator.h"
#include "storage/commitscope.h"
#include "storage/datadirlock.h"
#include "storage/sealedfile.h"
#include "storage/wholefile.h"
#include "streams/changelogpruner.h"
#include "streams/periodictask.h"
#include "streams/streamstore.h"
#include "triggers/triggermanager.h"
#include "triggers/triggerstore.h"
#include "ttl/ttlsweeper.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QRegularExpression>

#include <algorithm>
#include <atomic>
#include <mutex>

#include <malloc.h>

namespace dd::api {

struct Engine::Private {
    EngineOptions options;
    Clock *clock = nullptr;
    std::unique_ptr<storage::DataDirLock> lock;
    // The data directory's keys if it is encrypted at rest (security/datadirkey.h).
    std::shared_ptr<const storage::DataKeys> keys;
    // One slot per region name asked for: the first caller opens the
    // database while holding the slot's openMutex; callers that come
    // meanwhile wait there and get the same database (or, if opening
    // failed, try again themselves).
    struct RegionSlot {
        std::mutex openMutex;                // held while the region opens
        std::shared_ptr<storage::Database> db; // set once open and installed; guarded by regionsMutex
    };
    std::mutex regionsMutex;                 // guards regions and every slot's db
    QHash<QString, std::shared_ptr<RegionSlot>> regions;

    // The region's database, opened (and its capabilities installed) on
    // first use. Any thread; independent of the caller's commit scope.
    Result<std::shared_ptr<storage::Database>> region(const QString &name);
    Result<std::shared_ptr<storage::Database>> openRegion(const QString &name);
    // The database of the request's region, as regionOf() gives it, for the
    // hot path: regions stay open as long as the engine (a slot's db is set
    // once), so each thread remembers the last one it used, keyed by this
    // engine's serial number (never reused) and the region name, and then
    // takes no lock and touches no shared reference count.
    Result<storage::Database *> cachedRegionOf(const RequestContext &context)
    {
        struct Last {
            quint64 engine = 0;
            QString name;
            storage::Database *db = nullptr;
        };
        thread_local Last last;
        const QString &name = context.region.isEmpty() ? defaultRegion() : context.region;
        if (last.engine == serial && last.db && last.name == name)
            return last.db;
        DD_ASSIGN(std::shared_ptr<storage::Database> db, region(name));
        last = {serial, name, db.get()};
        return db.get();
    }
    static const QString &defaultRegion()
    {
        static const QString name = QStringLiteral("us-east-1");
        return name;
    }
    const quint64 serial = nextSerial(); // tells engines apart in thread-local caches
    static quint64 nextSerial()
    {
        static std::atomic<quint64> next{1};
        return next.fetch_add(1, std::memory_order_relaxed);
    }
    // The database of the request's region (us-east-1 if it names none).
    Result<std::shared_ptr<storage::Database>> regionOf(const RequestContext &context)
    {
        return region(context.region.isEmpty() ? QStringLiteral("us-east-1") : context.region);
    }
    OpContext opContext(storage::Database &db, const RequestContext &context)
    {
        OpContext ctx{db, context, options, clock};
        ctx.backups = backups.get();
        ctx.triggers = triggers.get();
        ctx.replicator = replicator.get();
        ctx.buckets = buckets.get();
        ctx.clusters = clusters.get();
        ctx.insights = &insights;
        return ctx;
    }
    std::vector<std::shared_ptr<storage::Database>> openRegions();

    // The local S3 buckets of exports and imports; in memory (without
    // EngineOptions::s3Dir) in a temporary folder of its own.
    std::unique_ptr<migration::LocalBuckets> buckets;
    std::unique_ptr<QTemporaryDir> bucketsTemp;
    // The DAX clusters' caches.
    std::unique_ptr<cache::Clusters> clusters;
    // What Contributor Insights counts, in memory, and the file that keeps
    // it between runs (empty in memory): saved every
    // insightsSaveIntervalMs if it changed, and on close.
    insights::Recorder insights;
    QString insightsFile;
    std::mutex insightsSaving;
    quint64 insightsSaved = 0; // insights.changes() when last saved; guarded by insightsSaving
    void loadInsights();
    void saveInsights();
    // Tables' and streams' resource-based policies, parsed once each.
    security::ResourcePolicyCache resourcePolicies;

    // Global tables' replication between regions. Its thread stops first
    // (~Engine); the object outlives the background jobs that use it.
    std::unique_ptr<replication::Replicator> replicator;

    // Background passes (TTL sweeps, change-log pruning); last, so that they
    // stop before the databases close.
    std::vector<std::unique_ptr<streams::PeriodicTask>> background;
    // On-demand backups and the restore worker; stops before the databases close.
    std::unique_ptr<backup::BackupCatalog> backups;
    // Local triggers: their workers stop (commands killed) before the databases close.
    std::unique_ptr<triggers::TriggerManager> triggers;
};

namespace {

const QHash<QString, OpHandler> &handlers()
{
    static const QHash<QString, OpHandler> h = {
        {QStringLiteral("CreateTable"), createTable},
        {QStringLiteral("DescribeTable"), describeTable},
        {QStringLiteral("ListTables"), listTables},
        {QStringLiteral("UpdateTable"), updateTable},
        {QStringLiteral("DeleteTable"), deleteTable},
        {QStringLiteral("DescribeLimits"), describeLimits},
        {QStringLiteral("DescribeEndpoints"), describeEndpoints},
        {QStringLiteral("DescribeContributorInsights"), describeContributorInsights},
        {QStringLiteral("UpdateContributorInsights"), updateContributorInsights},
        {QStringLiteral("ListContributorInsights"), listContributorInsights},
        {QStringLiteral("DescribeKinesisStreamingDestination"), describeKinesisStreamingDestination},
        {QStringLiteral("UpdateKinesisStreamingDestination"), updateKinesisStreamingDestination},
        {QStringLiteral("PutResourcePolicy"), putResourcePolicy},
        {QStringLiteral("GetResourcePolicy"), getResourcePolicy},
        {QStringLiteral("DeleteResourcePolicy"), deleteResourcePolicy},
        {QStringLiteral("TagResource"), tagResource},
        {QStringLiteral("UntagResource"), untagResource},
        {QStringLiteral("ListTagsOfResource"), listTagsOfResource},
        {QStringLiteral("PutItem"), putItem},
        {QStringLiteral("GetItem"), getItem},
        {QStringLiteral("DeleteItem"), deleteItem},
        {QStringLiteral("UpdateItem"), updateItem},
        {QStringLiteral("BatchWriteItem"), batchWriteItem},
        {QStringLiteral("Query"), query},
        {QStringLiteral("Scan"), scan},
        {QStringLiteral("BatchGetItem"), batchGetItem},
        {QStringLiteral("UpdateTimeToLive"), updateTimeToLive},
        {QStringLiteral("DescribeTimeToLive"), describeTimeToLive},
        {QStringLiteral("Streams.ListStreams"), listStreams},
        {QStringLiteral("Streams.DescribeStream"), describeStream},
        {QStringLiteral("Streams.GetShardIterator"), getShardIterator},
        {QStringLiteral("Streams.GetRecords"), getRecords},
        {QStringLiteral("TransactWriteItems"), transactWriteItems},
        {QStringLiteral("TransactGetItems"), transactGetItems},
        {QStringLiteral("ExecuteStatement"), executeStatement},
        {QStringLiteral("BatchExecuteStatement"), batchExecuteStatement},
        {QStringLiteral("ExecuteTransaction"), executeTransaction},
        {QStringLiteral("CreateGlobalTable"), replication::createGlobalTable},
        {QStringLiteral("UpdateGlobalTable"), replication::updateGlobalTable},
        {QStringLiteral("DescribeGlobalTable"), replication::describeGlobalTable},
        {QStringLiteral("ListGlobalTables"), replication::listGlobalTables},
        {QStringLiteral("DescribeGlobalTableSettings"), replication::describeGlobalTableSettings},
        {QStringLiteral("UpdateGlobalTableSettings"), replication::updateGlobalTableSettings},
        {QStringLiteral("CreateBackup"), createBackup},
        {QStringLiteral("DescribeBackup"), describeBackup},
        {QStringLiteral("ListBackups"), listBackups},
        {QStringLiteral("DeleteBackup"), deleteBackup},
        {QStringLiteral("RestoreTableFromBackup"), restoreTableFromBackup},
        {QStringLiteral("UpdateContinuousBackups"), updateContinuousBackups},
        {QStringLiteral("DescribeContinuousBackups"), describeContinuousBackups},
        {QStringLiteral("RestoreTableToPointInTime"), restoreTableToPointInTime},
        {QStringLiteral("ExportTableToPointInTime"), migration::exportTableToPointInTime},
        {QStringLiteral("DescribeExport"), migration::describeExport},
        {QStringLiteral("ListExports"), migration::listExports},
        {QStringLiteral("ImportTable"), migration::importTable},
        {QStringLiteral("DescribeImport"), migration::describeImport},
        {QStringLiteral("ListImports"), migration::listImports},
        // Dynamodesk's own operations, on the wire as "Dynamodesk_20261101.<Op>".
        {QStringLiteral("Dynamodesk.CreateTrigger"), createTrigger},
        {QStringLiteral("Dynamodesk.UpdateTrigger"), updateTrigger},
        {QStringLiteral("Dynamodesk.DeleteTrigger"), deleteTrigger},
        {QStringLiteral("Dynamodesk.DescribeTrigger"), describeTrigger},
        {QStringLiteral("Dynamodesk.ListTriggers"), listTriggers},
        {QStringLiteral("Dynamodesk.DescribeTableHistory"), describeTableHistory},
        {QStringLiteral("Dynamodesk.PreviewRestore"), previewRestore},
        {QStringLiteral("Dynamodesk.GetContributorInsightsReport"), getContributorInsightsReport},
        {QStringLiteral("Dynamodesk.ListLocalBuckets"), migration::listLocalBuckets},
        {QStringLiteral("Dynamodesk.CreateLocalBucket"), migration::createLocalBucket},
        {QStringLiteral("Dynamodesk.DescribeImportErrors"), migration::describeImportErrors},
        {QStringLiteral("Dynamodesk.DescribeClusterMetrics"), cache::describeClusterMetrics},
        // DAX's control plane, on the wire as "AmazonDAXV3.<Op>".
        {QStringLiteral("Dax.CreateCluster"), cache::createCluster},
        {QStringLiteral("Dax.DescribeClusters"), cache::describeClusters},
        {QStringLiteral("Dax.UpdateCluster"), cache::updateCluster},
        {QStringLiteral("Dax.DeleteCluster"), cache::deleteCluster},
        {QStringLiteral("Dax.IncreaseReplicationFactor"), cache::increaseReplicationFactor},
        {QStringLiteral("Dax.DecreaseReplicationFactor"), cache::decreaseReplicationFactor},
        {QStringLiteral("Dax.RebootNode"), cache::rebootNode},
        {QStringLiteral("Dax.TagResource"), cache::tagResource},
        {QStringLiteral("Dax.UntagResource"), cache::untagResource},
        {QStringLiteral("Dax.ListTags"), cache::listTags},
        {QStringLiteral("Dax.DescribeEvents"), cache::describeEvents},
        {QStringLiteral("Dax.CreateParameterGroup"), cache::createParameterGroup},
        {QStringLiteral("Dax.DescribeParameterGroups"), cache::describeParameterGroups},
        {QStringLiteral("Dax.UpdateParameterGroup"), cache::updateParameterGroup},
        {QStringLiteral("Dax.DeleteParameterGroup"), cache::deleteParameterGroup},
        {QStringLiteral("Dax.DescribeParameters"), cache::describeParameters},
        {QStringLiteral("Dax.DescribeDefaultParameters"), cache::describeDefaultParameters},
        {QStringLiteral("Dax.CreateSubnetGroup"), cache::createSubnetGroup},
        {QStringLiteral("Dax.DescribeSubnetGroups"), cache::describeSubnetGroups},
        {QStringLiteral("Dax.UpdateSubnetGroup"), cache::updateSubnetGroup},
        {QStringLiteral("Dax.DeleteSubnetGroup"), cache::deleteSubnetGroup},
    };
    return h;
}

} // namespace

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

namespace {

// The keys of the data directory, after the conversion or key change `options` ask for.
Result<std::shared_ptr<const storage::DataKeys>> openKeys(const EngineOptions &options)
{
    using security::DataDirKey;
    const QString &dir = options.dataDir;
    QByteArray key = options.encryptionKey;
    if (options.encryptionChange != EngineOptions::EncryptionChange::None && key.isEmpty())
        return ApiError::validation(QStringLiteral("Encrypting or decrypting the data directory %1 needs its key or passphrase").arg(dir));
    if (options.encryptionChange == EngineOptions::EncryptionChange::Encrypt)
        DD_CHECK(DataDirKey::encrypt(dir, key, options.converting));
    if (options.encryptionChange == EngineOptions::EncryptionChange::Decrypt) {
        DD_CHECK(DataDirKey::decrypt(dir, key, options.converting));
        return std::shared_ptr<const storage::DataKeys>();
    }
    if (!options.newEncryptionKey.isEmpty()) {
        if (key.isEmpty())
            return ApiError::validation(QStringLiteral("Changing the key of the data directory %1 needs its current key or passphrase").arg(dir));
        DD_CHECK(DataDirKey::changeSecret(dir, key, options.newEncryptionKey));
        key = options.newEncryptionKey;
    }
    if (key.isEmpty()) {
        if (DataDirKey::isEncrypted(dir))
            return ApiError(DataDirKey::keyRequiredError(),
                            QStringLiteral("The data directory %1 is encrypted: open it with its key or passphrase").arg(dir));
        return std::shared_ptr<const storage::DataKeys>();
    }
    return DataDirKey::open(dir, key);
}

} // namespace

void Engine::Private::loadInsights()
{
    if (!QFileInfo::exists(insightsFile))
        return;
    // The counts are not the tables' data: a file that cannot be read is
    // reported and replaced by the next save, and the engine opens all the same.
    auto bytes = storage::sealedfile::readFile(insightsFile, keys.get(), insightsFile);
    if (!bytes.ok())
        qWarning("Contributor Insights' counts of the last run are lost: %s", qPrintable(bytes.error().message()));
    else if (!insights.load(*bytes, clock->nowMs()))
        qWarning("Contributor Insights' counts of the last run are lost: %s is damaged", qPrintable(insightsFile));
    insightsSaved = insights.changes();
}

void Engine::Private::saveInsights()
{
    if (insightsFile.isEmpty())
        return;
    std::lock_guard lock(insightsSaving);
    const quint64 changes = insights.changes();
    if (changes == insightsSaved)
        return;
    if (auto failed = storage::writeWholeFile(insightsFile, insights.save(), keys.get()))
        qWarning("Could not save Contributor Insights' counts to %s: %s", qPrintable(insightsFile), qPrintable(*failed));
    else
        insightsSaved = changes;
}

Engine::Engine() : d(new Private) {}
Engine::~Engine()
{
    if (d->replicator)
        d->replicator->stop();
    d->saveInsights();
}

namespace {

// glibc's fastbins keep freed small chunks unmerged until a free of a large
// chunk (64 KiB or more) merges them all at once, holding the arena's lock.
// After a restore or a backup freed its million-item maps, that merge took
// 300 ms, and every request thread sharing the arena waited for it (perf:
// a PutItem in __lll_lock_wait while a restore's thread ran unlink_chunk).
// Without fastbins a free merges its chunk at once (the per-thread tcache
// still serves the hottest sizes). Process-wide, set before any engine work.
void tuneAllocator()
{
    static std::once_flag once;
    std::call_once(once, [] { mallopt(M_MXFAST, 0); });
}

} // namespace

Result<std::unique_ptr<Engine>> Engine::open(const EngineOptions &options)
{
    tuneAllocator();
    std::unique_ptr<Engine> engine(new Engine);
    engine->d->options = options;
    engine->d->clock = options.clock ? options.clock : Clock::system();
    engine->d->triggers = std::make_unique<triggers::TriggerManager>(options.inMemory ? QString() : options.dataDir);
    engine->d->replicator = std::make_unique<replication::Replicator>([d = engine->d.get()](const QString &name) { return d->region(name); });
    if (!options.inMemory) {
        if (!QDir().mkpath(options.dataDir))
            return ApiError::internal(QStringLiteral("Cannot create data directory %1").arg(options.dataDir));
        DD_ASSIGN(engine->d->lock, storage::DataDirLock::acquire(options.dataDir));
        DD_ASSIGN(engine->d->keys, openKeys(options));
        // Open the regions that already have data, so that a broken file is reported at start.
        const QStringList files = QDir(options.dataDir).entryList({QStringLiteral("*.db")}, QDir::Files, QDir::Name);
        for (qsizetype i = 0; i < files.size(); ++i) {
            const QString &f = files.at(i);
            const bool cancelled = options.compactionCancelled && options.compactionCancelled();
            if (options.compactBeforeOpening && !cancelled) {
                if (options.compacting)
                    options.compacting(f.chopped(3), int(i), int(files.size()));
                // A compaction that fails (no room for its copy) or is
                // cancelled leaves the file as it was: the data is still served.
                const auto sizes = storage::Database::compactFile(QDir(options.dataDir).filePath(f), options.compactionCancelled, engine->d->keys);
                if (options.compacted && sizes.ok())
                    options.compacted(f.chopped(3), sizes->first, sizes->second, QString());
                else if (options.compacted)
                    options.compacted(f.chopped(3), -1, -1, sizes.error().message());
            }
            DD_CHECK(engine->d->region(f.chopped(3)));
        }
    }
    // The compaction's callbacks served this open() only: they may refer to
    // the caller's locals, so the engine's copy of the options drops them.
    engine->d->options.compacted = nullptr;
    engine->d->options.compacting = nullptr;
    engine->d->options.compactionCancelled = nullptr;
    engine->d->options.converting = nullptr;
    engine->d->options.encryptionKey.clear();
    engine->d->options.newEncryptionKey.clear();
    if (!options.inMemory) {
        engine->d->insightsFile = QDir(options.dataDir).filePath(QLatin1String(insights::kRecorderFileName));
        engine->d->loadInsights();
    }
    engine->d->backups = std::make_unique<backup::BackupCatalog>(options.inMemory ? QString() : options.dataDir, engine->d->keys);
    QString bucketsFolder = options.s3Dir;
    if (bucketsFolder.isEmpty() && !options.inMemory)
        bucketsFolder = QDir(options.dataDir).filePath(QStringLiteral("s3"));
    if (bucketsFolder.isEmpty()) {
        engine->d->bucketsTemp = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("dynamodesk-s3-XXXXXX")));
        if (!engine->d->bucketsTemp->isValid())
            return ApiError::internal(QStringLiteral("Cannot create a temporary folder for S3 buckets: %1").arg(engine->d->bucketsTemp->errorString()));
        bucketsFolder = engine->d->bucketsTemp->path();
    }
    engine->d->buckets = std::make_unique<migration::LocalBuckets>(QDir(bucketsFolder).absolutePath());
    engine->d->clusters = std::make_unique<cache::Clusters>(options.daxCacheBytes);
    Private *d = engine->d.get();
    if (options.ttlSweepIntervalMs > 0)
        d->background.push_back(std::make_unique<streams::PeriodicTask>("dd-ttl", std::chrono::milliseconds(options.ttlSweepIntervalMs), [d] {
            for (const auto &db : d->openRegions())
                (void)ttl::TtlSweeper::sweep(*db, d->clock->nowMs());
        }));
    if (options.changeLogPruneIntervalMs > 0) {
        const qint64 interval = std::max<qint64>(50, std::min<qint64>(options.streamRetentionMs / 4, options.changeLogPruneIntervalMs));
        d->background.push_back(std::make_unique<streams::PeriodicTask>("dd-prune", std::chrono::milliseconds(interval), [d] {
            for (const auto &db : d->openRegions())
                (void)streams::ChangeLogPruner::prune(*db, d->clock->nowMs(), d->options.streamRetentionMs);
        }));
    }
    if (options.insightsSaveIntervalMs > 0 && !options.inMemory)
        d->background.push_back(std::make_unique<streams::PeriodicTask>("dd-insights", std::chrono::milliseconds(options.insightsSaveIntervalMs),
                                                                        [d] { d->saveInsights(); }));
    if (options.pitrMaintenanceIntervalMs > 0)
        d->background.push_back(std::make_unique<streams::PeriodicTask>("dd-pitr", std::chrono::milliseconds(options.pitrMaintenanceIntervalMs), [d] {
            for (const auto &db : d->openRegions())
                (void)pitr::PitrStore::maintain(*db, d->clock->nowMs());
        }));
    return engine;
}

const EngineOptions &Engine::options() const { return d->options; }

QString Engine::bucketsFolder() const { return d->buckets->root(); }

QStringList Engine::regions() const
{
    QStringList names;
    for (const auto &db : d->openRegions())
        names.append(db->region());
    names.sort();
    return names;
}

void Engine::setDaxEndpoint(const QString &region, const QString &cluster, const QString &url)
{
    d->clusters->setWireEndpoint(region, cluster, url);
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

namespace {
thread_local std::optional<storage::CommitScope> t_turn;
}

void Engine::beginTurn()
{
    if (!t_turn)
        t_turn.emplace();
}

std::optional<ApiError> Engine::endTurn()
{
    if (!t_turn)
        return std::nullopt;
    auto error = t_turn->finish();
    t_turn.reset();
    return error;
}

Result<QByteArray> Engine::call(const RequestContext &context, QStringView operation, QByteArrayView body)
{
    // The commonest requests, read straight from their bytes (fastrequest.h).
    auto fast = [&](const auto &request, auto handler) -> std::optional<Result<QByteArray>> {
        if (!request)
            return std::nullopt;
        auto db = d->cachedRegionOf(context);
        if (!db.ok())
            return Result<QByteArray>(db.error());
        // A signed caller reaching a table with a resource-based policy is
        // authorized on the general path.
        if (context.principal) {
            const std::shared_ptr<const storage::TableDef> table = (*db)->table(request->tableName);
            if (table && table->description.contains(QLatin1StringView("_ResourcePolicy")))
                return std::nullopt;
        }
        OpContext ctx = d->opContext(**db, context);
        return handler(ctx, *request);
    };
    // The same through the request's DAX cluster (cache/dataplane.h).
    auto fastThrough = [&](const auto &request, auto handler) {
        return fast(request, [&](OpContext &c, const auto &r) -> Result<QByteArray> {
            DD_ASSIGN(std::shared_ptr<cache::Cluster> cluster, d->clusters->running(c.db, context.daxCluster, d->clock->nowMs()));
            return handler(c, *cluster, r);
        });
    };
    std::optional<Result<QByteArray>> answer;
    // A signed caller (--auth) with an identity-based policy takes the
    // general path, where calls are authorized; one without may do whatever
    // resource-based policies do not deny, so it takes the fast path unless
    // the table has one (above).
    const bool authorizing = context.principal && context.principal->policy;
    if (!authorizing && !context.daxCluster.isEmpty()) {
        // Through a DAX cluster, GetItem and PutItem (the commonest) are read from their bytes too.
        if (operation == u"GetItem")
            answer = fastThrough(readGetItemRequest(body), cache::getItemThroughCluster);
        else if (operation == u"PutItem")
            answer = fastThrough(readPutItemRequest(body), cache::putItemThroughCluster);
    } else if (!authorizing) {
        if (operation == u"GetItem")
            answer = fast(readGetItemRequest(body), [](OpContext &c, const GetItemRequest &r) { return getItem(c, r); });
        else if (operation == u"PutItem")
            answer = fast(readPutItemRequest(body), [](OpContext &c, const PutItemRequest &r) { return putItem(c, r); });
        else if (operation == u"UpdateItem")
            answer = fast(readUpdateItemRequest(body), [](OpContext &c, const UpdateItemRequest &r) { return updateItem(c, r); });
        else if (operation == u"Query")
            answer = fast(readQueryRequest(body), [](OpContext &c, const QueryRequest &r) { return query(c, r); });
    }
    if (answer)
        return std::move(*answer);

    const std::optional<QJsonDocument> doc = model::parseRequestJson(body);
    if (!doc || !doc->isObject())
        return ApiError::serialization(QString());
    return call(context, operation, doc->object());
}

Result<QByteArray> Engine::call(const RequestContext &context, QStringView operation, const QJsonObject &given)
{
    // A table named by its ARN is named by its name from here on.
    QJsonObject resolved;
    QHash<QString, QString> batchArns; // RequestItems' tables named by ARN: answered by ARN
    const bool byArn = !operation.startsWith(u"Dax.") && namesTableByArn(given);
    if (byArn) {
        resolved = given;
        const QString region = context.region.isEmpty() ? Private::defaultRegion() : context.region;
        if (auto error = resolveTableArns(resolved, region, context.accountId, &batchArns))
            return *error;
    }
    const QJsonObject &request = byArn ? resolved : given;
    const OpHandler handler = handlers().value(operation.toString());
    // The operation in AWS's model of its service ("Streams.GetRecords" is
    // dynamodbstreams' GetRecords).
    const bool streamsOp = operation.startsWith(u"Streams.");
    const bool daxOp = operation.startsWith(u"Dax.");
    const ShapeValidator &model = ShapeValidator::instance(streamsOp ? ShapeValidator::Service::Streams
                                                           : daxOp   ? ShapeValidator::Service::Dax
                                                                     : ShapeValidator::Service::DynamoDB);
    const QStringView modelOperation = streamsOp ? operation.sliced(8) : daxOp ? operation.sliced(4) : operation;
    if (!handler) {
        // An operation of AWS's model this engine lacks (PartiQL, exports,
        // global tables, ...) keeps AWS's type for an unknown one, so that
        // clients probing for it behave the same, but says what it is.
        if (model.hasOperation(modelOperation))
            return ApiError::unknownOperation(QStringLiteral("Dynamodesk does not implement %1 yet").arg(operation));
        return ApiError::unknownOperation();
    }
    // Through a DAX cluster go its item operations; its control plane
    // ("Dax.") and Dynamodesk's own operations are answered wherever sent.
    const bool throughCluster = !context.daxCluster.isEmpty() && !daxOp && !operation.startsWith(u"Dynamodesk.");
    // IAM authorizes a call before it is validated, as on AWS: the caller's
    // identity-based policy and the resource-based policies of the tables
    // and streams it names.
    if (context.principal) {
        const QString region = context.region.isEmpty() ? Private::defaultRegion() : context.region;
        DD_ASSIGN(std::shared_ptr<storage::Database> db, d->regionOf(context));
        const QString tablePrefix = QStringLiteral("arn:aws:dynamodb:%1:%2:table/").arg(region, context.accountId);
        const security::TableKeyLookup keyNames = [&db](const QString &name, const QString &index) -> std::optional<security::TableKeyNames> {
            const std::shared_ptr<const storage::TableDef> table = db->table(name);
            if (!table)
                return std::nullopt;
            security::TableKeyNames out;
            out.partitionKey = table->keys.hash.name;
            if (!index.isEmpty()) {
                const storage::IndexDef *i = table->index(index);
                if (!i)
                    return std::nullopt;
                out.partitionKey = i->keys.hash.name;
            }
            return out;
        };
        const security::ResourcePolicyLookup policies = [&](const QString &resourceArn) -> std::shared_ptr<const security::Policy> {
            if (!resourceArn.startsWith(tablePrefix))
                return nullptr;
            const QString rest = resourceArn.mid(tablePrefix.size());
            const std::shared_ptr<const storage::TableDef> table = db->table(rest.section(u'/', 0, 0));
            if (!table)
                return nullptr;
            const QString document = governingPolicy(*table, resourceArn);
            return document.isEmpty() ? nullptr : d->resourcePolicies.get(document);
        };
        const security::RequestFacts facts{region, context.sourceIp, false, d->clock->nowMs()};
        if (auto denied = security::authorize(*context.principal,
                                              security::permissionsFor(operation, request, region, context.accountId,
                                                                       throughCluster ? context.daxCluster : QString(), keyNames),
                                              context.accountId, facts, policies))
            return *denied;
    }
    // Dynamodesk's own operations ("Dynamodesk.<Op>") are not in AWS's model:
    // their handlers validate their requests themselves.
    if (!operation.startsWith(u"Dynamodesk."))
        DD_CHECK(model.validate(modelOperation, request));
    DD_ASSIGN(std::shared_ptr<storage::Database> db, d->regionOf(context));
    OpContext ctx = d->opContext(*db, context);
    if (throughCluster) {
        DD_ASSIGN(std::shared_ptr<cache::Cluster> cluster, d->clusters->running(*db, context.daxCluster, d->clock->nowMs()));
        return cache::callThroughCluster(ctx, *cluster, operation, request, handler);
    }
    Result<QByteArray> answer = handler(ctx, request);
    if (!batchArns.isEmpty() && answer.ok())
        return keyedAsSent(*answer, batchArns);
    return answer;
}

} // namespace dd::api
