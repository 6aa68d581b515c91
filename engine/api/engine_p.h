// Internal to the Engine's .cpp files (engine*.cpp): Engine::Private, what
// one engine holds (its options, regions, background tasks and the services
// its operations share). Opening and closing are in engine_open.cpp, the
// regions in engine_regions.cpp, the dispatch of calls in engine.cpp.
#pragma once

#include "api/engine.h"

#include "api/opcontext.h"
#include "backup/backupcatalog.h"
#include "cache/clusters.h"
#include "insights/recorder.h"
#include "migration/localbuckets.h"
#include "replication/replicator.h"
#include "security/resourcepolicy.h"
#include "storage/datadirlock.h"
#include "streams/periodictask.h"
#include "triggers/triggermanager.h"

#include <QHash>
#include <QTemporaryDir>

#include <atomic>
#include <mutex>

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

} // namespace dd::api
