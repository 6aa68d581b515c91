// TriggerWorker: runs one trigger on a thread of its own, so that a failing,
// hanging or crashing target never blocks writes or other triggers. It reads
// the table's stream after the checkpoint in batches (waking on every commit
// of the region's database, with a slow poll as a safety net), waits up to
// the batching window to fill a batch, delivers each batch as Lambda's event
// (`{"Records": [...]}`, the records of GetRecords plus eventSourceARN) with
// BatchDelivery's retries and bisect, and moves the checkpoint (in memory and
// in dd_triggers) past each range delivered or passed over. In order: one
// range at a time, in sequence-number order.
//
// The trigger follows its table by name: it reads the table's streams one
// after another (a stream disabled and enabled again, a table deleted and
// created again), and waits (state WAITING) while there is none.
//
// Threads: the constructor starts the thread; setConfig() and status() may
// be called from any thread; the destructor cancels a running invocation
// (killing the command) and joins the thread. stop() asks it to stop without
// waiting, for callers that must not block.
#pragma once

#include "storage/database.h"
#include "streams/streamstore.h"
#include "triggers/triggerlog.h"
#include "triggers/triggerstatus.h"
#include "triggers/triggerstore.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace dd::triggers {

class Invoker;

class TriggerWorker {
public:
    // How often an idle worker looks at the change log without being woken by a commit.
    static constexpr std::chrono::milliseconds kSafetyPoll{1000};

    // Starts delivering `trigger` from its checkpoint. `logPath` empty: the
    // log is kept in memory only.
    TriggerWorker(std::shared_ptr<storage::Database> db, StoredTrigger trigger, QString logPath);
    ~TriggerWorker();
    TriggerWorker(const TriggerWorker &) = delete;
    TriggerWorker &operator=(const TriggerWorker &) = delete;

    // New settings (same name and table), used from the next batch on. A
    // retry waiting for its backoff starts over with them; an invocation in
    // progress finishes.
    void setConfig(const TriggerConfig &config);
    TriggerStatus status(bool withLog) const;
    qint64 incarnation() const { return m_incarnation; }

    void stop();                          // asks the thread to stop and kills a running command; returns at once
    bool finished() const { return m_finished.load(); } // the thread has returned (joining is instant)

private:
    struct Batch {
        std::optional<streams::StreamInfo> stream; // none: the table has no stream now
        std::vector<streams::ChangeRow> rows;      // up to batchSize, in seq order
        qint64 expiredUpTo = 0;                    // > 0: records up to this seq were trimmed before delivery
    };

    void loop();
    Result<Batch> readBatch(const TriggerConfig &config, qint64 position);
    // Waits (m_mutex held) until a commit, a settings change, stop, or `until`.
    void waitForWork(std::unique_lock<std::mutex> &lock, quint64 seenCommits, quint64 seenVersion,
                     std::chrono::steady_clock::time_point until);
    void deliver(const TriggerConfig &config, const Batch &batch);
    void advance(qint64 seq);             // moves the checkpoint (memory and database)
    std::unique_ptr<Invoker> makeInvoker(const TriggerConfig &config) const;

    const std::shared_ptr<storage::Database> m_db;
    const QString m_name;
    const qint64 m_incarnation;
    const qint64 m_createdMs;
    int m_listener = 0;                   // the database's commit listener id

    mutable std::mutex m_mutex;           // guards everything below but the atomics
    std::condition_variable m_wake;
    TriggerConfig m_config;
    quint64 m_configVersion = 0;          // bumped by setConfig
    quint64 m_commits = 0;                // bumped by the commit listener
    bool m_stopping = false;
    qint64 m_checkpoint = 0;
    QString m_state = QStringLiteral("RUNNING");
    QString m_stateReason;
    QString m_streamArn;
    TriggerCounters m_counters;
    TriggerLog m_log;

    std::atomic<bool> m_cancel{false};    // kills a running invocation
    std::atomic<bool> m_finished{false};
    std::thread m_thread;                 // last: started once the rest is set
};

} // namespace dd::triggers
