// Engine's life: open() (the data directory's lock and keys, compaction,
// the regions already there, the background tasks), the Contributor
// Insights file it loads and saves, and the destructor.
#include "api/engine_p.h"

#include "pitr/pitrstore.h"
#include "security/datadirkey.h"
#include "storage/sealedfile.h"
#include "storage/wholefile.h"
#include "streams/changelogpruner.h"
#include "ttl/ttlsweeper.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

#include <malloc.h>

namespace dd::api {

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

void Engine::setDaxEndpoint(const QString &region, const QString &cluster, const QString &url)
{
    d->clusters->setWireEndpoint(region, cluster, url);
}

} // namespace dd::api
