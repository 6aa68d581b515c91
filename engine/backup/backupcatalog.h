// BackupCatalog: the on-demand backups of one engine and its background
// worker. On disk each backup is two files in <dataDir>/backups/: <id>.json
// (what DescribeBackup shows) and <id>.ddbackup (an encoded Snapshot); in
// memory both stay in this object. The worker thread runs queued jobs
// (writing backup files, loading restored tables) one at a time; each job
// works in short transactions that yield the write lock to waiting
// requests (backup/itemloader.h), and runs its CPU-heavy parts (encoding,
// decoding, sorting) on helper threads at a lower CPU priority (nice +10,
// per thread on Linux), so that request threads win the cores.
// Threads: every method may be called from any thread.
#pragma once

#include "model/result.h"
#include "storage/cipher.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace dd::backup {

// Lowers the calling thread's CPU priority (nice +10 from its own, this thread only on
// Linux) and names it `name` (at most 15 characters), for the helper
// threads of background jobs.
void lowerThreadPriority(const char *name);

// As lowerThreadPriority(), and then SCHED_IDLE: the thread runs only on a
// core that nothing else wants. Only for threads that hold no lock and no
// read transaction while they compute (one starved by a busy machine would
// otherwise hold others up, or the WAL from starting over): a restore's
// parse helper. In two alternating pairs of tests/bench/backup_bench.sh runs,
// PutItem p99 during the two restores went from 389-432 / 711-726 us to
// 279-355 / 292-671 us, GetItem's from 202-204 / 233-262 to 105-182 / 137-203,
// and the restores ran faster, not slower (115,000-141,000 items/s against
// 103,000-127,000); later single runs vary as much as that on this machine.
void idleThreadPriority(const char *name);

class BackupCatalog {
public:
    // dataDir empty: in memory. Loads the backups already in <dataDir>/backups/.
    // With `keys` (an encrypted data directory), its files are sealed
    // (storage/sealedfile.h).
    explicit BackupCatalog(const QString &dataDir, std::shared_ptr<const storage::DataKeys> keys = nullptr);
    // Sets stopping(), drops the queued jobs and joins the worker once its
    // running job returns (a restore stops between transactions).
    ~BackupCatalog();

    // Adds a backup's description (BackupDescription shape plus "_Region");
    // on disk its file first: an error (a full disk) adds nothing.
    Result<void> add(const QString &arn, const QJsonObject &meta);
    // Stores the data of backup `arn` and marks it AVAILABLE with its size.
    // If either file cannot be written (a full disk), the backup is removed
    // with its files and the reason kept for notFound(): a backup is never
    // left CREATING, nor AVAILABLE in memory only.
    Result<void> storeData(const QString &arn, const QByteArray &bytes);
    // The description of `arn`, or an empty object if there is none.
    QJsonObject meta(const QString &arn) const;
    // All descriptions, in ARN order.
    QList<QJsonObject> all() const;
    // The data of `arn`; an error names a missing file.
    Result<QByteArray> data(const QString &arn) const;
    // The first `maxBytes` bytes of the data of `arn` (in memory: all of
    // it, shared) and in *totalSize its whole size; errors as data().
    Result<QByteArray> dataHead(const QString &arn, qint64 maxBytes, qint64 *totalSize) const;
    // Removes `arn` and its files; false if there was none.
    bool remove(const QString &arn);
    // Removes `arn` and its files as a backup whose creation failed, and
    // keeps `why` for notFound().
    void dropFailed(const QString &arn, const QString &why);

    // Queues fn on the worker thread.
    void post(std::function<void()> fn);
    // Runs fn now on a thread of its own (for work that must start at once
    // even while the worker is busy, such as a backup's read snapshot);
    // the destructor joins it, after setting stopping().
    void spawn(std::function<void()> fn);
    // Becomes true when the catalog is being destroyed: a long job checks it
    // and returns early.
    const std::atomic<bool> &stopping() const { return m_cancel; }
    // The file that holds the data of `arn` (empty in memory); for tests.
    QString dataPath(const QString &arn) const;

    // Why the background restore into table `table` of `region` failed (a
    // corrupted file, ...): DescribeTable adds it to its "not found" answer
    // for that table, so that a client polling for ACTIVE learns the reason.
    // Kept until a table of that name is created again.
    void noteFailedRestore(const QString &region, const QString &table, const QString &reason);
    void clearFailedRestore(const QString &region, const QString &table);
    QString failedRestore(const QString &region, const QString &table) const; // empty if none

    // BackupNotFoundException for `arn`; for a backup whose creation failed
    // (storeData), with the reason, so that a client polling it learns why.
    ApiError notFound(const QString &arn) const;

private:
    QString fileStem(const QString &arn) const;
    Result<void> saveMeta(const QString &arn, const QJsonObject &meta) const;
    bool removeLocked(const QString &arn);                          // remove(), with m_mutex held
    void dropFailedLocked(const QString &arn, const QString &why); // dropFailed(), with m_mutex held
    void workerLoop();

    QString m_dir;                        // <dataDir>/backups, or empty in memory
    std::shared_ptr<const storage::DataKeys> m_keys; // its files are sealed with these; null: in the clear
    mutable std::mutex m_mutex;           // guards m_meta, m_data
    QMap<QString, QJsonObject> m_meta;    // by BackupArn
    QMap<QString, QByteArray> m_data;     // in memory only: encoded snapshots
    QMap<QString, QString> m_failedRestores; // by region + '\n' + table name
    QMap<QString, QString> m_failedBackups;  // why, by BackupArn (guarded by m_mutex)

    std::mutex m_jobsMutex;               // guards m_jobs, m_stopping
    std::condition_variable m_jobsWake;
    std::deque<std::function<void()>> m_jobs;
    bool m_stopping = false;
    std::atomic<bool> m_cancel{false};    // stopping(): set with m_stopping
    std::thread m_worker;
    struct Spawned {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done; // set when its function returned: joined at the next spawn()
    };
    std::vector<Spawned> m_spawned;       // guarded by m_jobsMutex
};

} // namespace dd::backup
