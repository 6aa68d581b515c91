// Replicator: copies the writes of global tables between regions, on a
// thread of its own, as DynamoDB's replication does: asynchronously (a write
// is acknowledged when its own region commits it), item by item, last
// writer wins (replicastore.h). Each region ships the changes its own
// clients made (and its TTL deletes) straight to every other replica; a
// change that arrived by replication is never shipped on. A batch is applied
// in the receiving region in one transaction that also moves that region's
// record of how far it got, so that nothing is applied twice or lost across
// crashes; the sending region then moves its shipped_seq, which lets its
// change log be pruned.
//
// Applied changes go through storage::applyPut/applyDelete like any write:
// the replica's indexes, stream (its records of replicated writes, as on
// AWS), PITR and triggers see them. They are logged with origin
// kReplicatedOrigin.
//
// Threads: watch(), wake() and region() from any thread; stop() and the
// destructor stop the thread (between batches) and join it. The thread opens regions
// through the opener it was given.
#pragma once

#include "model/result.h"
#include "storage/database.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace dd::replication {

class Replicator {
public:
    using RegionOpener = std::function<Result<std::shared_ptr<storage::Database>>(const QString &region)>;
    // Changes applied per transaction at most.
    static constexpr int kBatchChanges = 500;
    // How often an idle replicator looks at its regions without being woken.
    static constexpr std::chrono::milliseconds kSafetyPoll{1000};
    // After a pass that shipped changes, how long the next one waits for
    // more to gather. The first write after a quiet spell ships at once;
    // under a steady load each pass then carries the commits of a few
    // milliseconds, not one, and takes the regions' writers that much less
    // often (replication_bench: load and lag figures in the README).
    static constexpr std::chrono::microseconds kGather{1000};
    // The horizons a region sends its replicas (replicastore.h) trail the
    // times they promise by this much, for writes that took their time
    // before the log was read and commit after, and for clock jitter.
    static constexpr qint64 kHorizonSlackMs = 2000;
    // How often a region with nothing to ship still sends each replica its
    // horizon, and how often a replica forgets its settled versions.
    static constexpr std::chrono::milliseconds kHeartbeat{500};

    explicit Replicator(RegionOpener opener);
    ~Replicator(); // stop()
    // Stops the thread (between batches) and joins it; the other methods
    // stay safe to call, and nothing is shipped any more.
    void stop();
    Replicator(const Replicator &) = delete;
    Replicator &operator=(const Replicator &) = delete;

    // The database of `region`, opened if needed (the engine's).
    Result<std::shared_ptr<storage::Database>> region(const QString &region) const { return m_opener(region); }

    // Ships the changes of `db`'s replicated tables from now on, waking on
    // its commits. Idempotent; call when a region opens with global tables
    // and when one of its tables gains a replica.
    void watch(const std::shared_ptr<storage::Database> &db);
    // Looks at every watched region soon.
    void wake();


private:
    // What a pass did: nothing, shipped changes, or filled a batch (more may be waiting).
    enum class Progress { Idle, Shipped, Full };
    void loop();
    Progress pass();
    Result<Progress> shipRegion(storage::Database &source);
    // Whether `key`'s periodic work is due (at most every kHeartbeat); marks it done.
    bool due(const QString &key);

    const RegionOpener m_opener;
    std::mutex m_mutex;                   // guards m_watched, m_woken and m_stopping
    std::condition_variable m_wakeUp;
    std::map<QString, std::pair<std::shared_ptr<storage::Database>, int>> m_watched; // region -> database, its commit listener
    bool m_woken = false;
    bool m_stopping = false;
    std::atomic<bool> m_pending{false};   // set by commit listeners; spares them the mutex when already set
    std::map<QString, std::chrono::steady_clock::time_point> m_lastDone; // due(): the thread's own
    QString m_lastError;                  // of the last pass that failed: the thread's own
    std::thread m_thread;                 // last: started once the rest is set
};

} // namespace dd::replication
