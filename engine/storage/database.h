// Database: the SQLite database of one region: the catalog of tables, one
// SQLite table of items per DynamoDB table and one per secondary index
// (indexstore.h), and the change log. A background thread backfills global
// secondary indexes added to existing tables.
//
// Threads: any thread may call read() and write(). Writes are serialized
// (SQLite has one writer); on disk, reads run in parallel on pooled reader
// connections in WAL mode and never wait for writers. A pooled reader keeps
// its read transaction (its snapshot) from one read to the next as long as
// nothing was committed in between, so that a read after a read costs no
// BEGIN and COMMIT (and none of the WAL locking behind them); any commit
// makes every kept snapshot stale, and the next read on it takes a new one.
// In memory, one
// connection serves both, under one mutex. A thread whose commit scope holds
// this database's open transaction reads through it (its answers wait for
// the commit as its writes' do).
//
// The catalog (table(), tableNames()) follows the same rule: a catalog
// change becomes visible to other threads when its transaction commits
// (a reader that finds a table can read its SQLite tables); the thread
// holding the open transaction sees it at once, so that its later writes
// of the same transaction find the table.
#pragma once

#include "model/clock.h"
#include "model/result.h"
#include "storage/changelog.h"
#include "storage/checkpointstats.h"
#include "storage/cipher.h"
#include "storage/commitscope.h"
#include "storage/connection.h"
#include "storage/tabledef.h"

#include <QHash>
#include <QString>
#include <QVarLengthArray>

#include <condition_variable>
#include <deque>
#include <functional>
#include <optional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <atomic>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

struct sqlite3_context;
struct sqlite3_value;

namespace dd::storage {

// The images a change-log consumer reads (Database::addChangeLogConsumer), a mask.
namespace ChangeImages {
constexpr int OldImage = 1;  // the item before (OLD_IMAGE, NEW_AND_OLD_IMAGES streams)
constexpr int NewImage = 2;  // the item after (NEW_IMAGE, NEW_AND_OLD_IMAGES streams, PITR)
constexpr int Logged = 4;    // logsChanges(): the table's changes are logged
} // namespace ChangeImages

class Database;

// Who a write is for (Database::write). A request's write shares its group
// commit with the other requests' writes queued with it, passing background
// ones. A background job's write (a restore's batch, a backfill, a TTL
// sweep, log pruning) leads a group of its own: after its body, the
// requests' writes queued meanwhile join it and commit with it. Joined to a
// request's group instead, a restore's 200 µs batch made every put of that
// group wait for it (PutItem p50 during a 1,000,000-item restore: 40 µs
// idle, 267 µs then; 89-107 µs with this change alone).
enum class WriteFor {
    Request,
    Background,
};

// Where a write's function may fail (Database::write). Writes that share one
// SQLite transaction (group commit, commit scopes) each run in a savepoint
// of their own, so that one that fails after changing the database is
// rolled back alone; a savepoint costs a small write about an eighth.
enum class WriteFailure {
    Anywhere,      // may fail after changing the database: runs in a savepoint
    BeforeChanges, // fails only before its first change (its checks come first),
                   // but for SQLite's own failures: no savepoint. Should it fail
                   // after a change all the same, the whole shared transaction
                   // is rolled back and every write in it fails, as when a
                   // commit fails.
};

// The context of one write transaction, handed to write()'s function.
class WriteTxn {
public:
    Connection &conn;
    const qint64 nowMs;

    // Appends one item change to the change log, in this transaction, if
    // anything consumes the table's changes (Database::addChangeLogConsumer),
    // with only the images its consumers read; otherwise does nothing. The
    // change joins its table's pending block of this commit (changelog.h):
    // reads of the log inside a write's function do not see it yet.
    Result<void> logChange(qint64 tableId, ChangeEvent event, QByteArrayView keysJson,
                           QByteArrayView oldImage, QByteArrayView newImage);
    // Sets the origin (streams::ChangeOrigin) of the change that this
    // write's last logChange() logged; nothing if it logged none.
    void setLastChangeOrigin(int origin);
    // Call in any write that changes what a change-log consumer's query
    // returns (enabling PITR, ...), so that later writes, also of this
    // transaction, see it. Catalog changes call it themselves.
    void changeLogConsumersChanged();
    // The highest seq the change log has handed out, of any table (0 if
    // none): a change logged later gets a higher one. See storage/changelog.h.
    qint64 changeLogEnd() const;
    // Call before deleting change-log blocks (or a log): records changeLogEnd()
    // in the database, so that sequence numbers never go back, even once
    // every row that held the highest is gone.
    Result<void> saveChangeLogEnd();
    // Accumulates item-count and size deltas, written once at commit.
    void addStats(qint64 tableId, qint64 itemDelta, qint64 bytesDelta);
    // The same for a secondary index (kept under -indexId, so that the
    // commit knows which figures row to update).
    void addIndexStats(qint64 indexId, qint64 itemDelta, qint64 bytesDelta) { addStats(-indexId, itemDelta, bytesDelta); }
    // Runs after the transaction holding this write has committed, under
    // the write lock; never if this write is rolled back or the commit fails.
    void onCommit(std::function<void()> fn) { m_onCommit.push_back(std::move(fn)); }
    // Call in a write that drops SQLite tables (a table, an index, a log).
    // Every connection caches the statements of each table it touched;
    // once this commits, each finalizes its cached statements before its
    // next transaction, so that a server whose clients create and delete
    // tables all day keeps none of the dropped ones' (Database::step and
    // ::beginRead; SQLite itself re-prepares every statement after any
    // schema change, so this costs about nothing more).
    void droppedTables();

    WriteTxn(Database &db, Connection &c, qint64 now) : conn(c), nowMs(now), m_db(db) {}

private:
    friend class Database;
    Database &m_db;
    // The pending blocks this write appended to (indexes into
    // Database::m_pendingLog) and where each stood before: a write rolled
    // back takes its changes out again (Database::endBody).
    QVarLengthArray<std::pair<size_t, ChangeLogBlock::Mark>, 2> m_logMarks;
    qsizetype m_lastLogBlock = -1; // the block of the last change logged
    StatsDeltas m_stats; // this write's deltas by table id (indexes by -index id)
    // Adds this write's deltas to `to`.
    void mergeStats(StatsDeltas &to) const { to.add(m_stats); }
    std::vector<std::function<void()>> m_onCommit;
};

class Database {
public:
    // Opens or creates the database at filePath (WAL mode); an empty path
    // keeps it in memory. `region` names the ARNs of its tables. An error
    // names the file ("Cannot open the database /d/us-east-1.db: SQLite:
    // file is not a database").
    // With `keys`, the file is encrypted at rest (storage/encryptedvfs.h): a
    // new one is created so, and one in the clear is refused.
    static Result<std::unique_ptr<Database>> open(const QString &filePath, const QString &region, Clock *clock,
                                                  std::shared_ptr<const DataKeys> keys = nullptr);
    ~Database();

    // Rewrites the closed database file at filePath without its free pages
    // (SQLite's VACUUM): the pages of deleted tables and items go back to
    // the file system; rowids are kept (every rowid table's is an INTEGER
    // PRIMARY KEY). It needs free space for a temporary copy of the live
    // data (SQLite's temporary directory) and for the WAL. Returns the
    // file's bytes before and after (with its WAL, if not yet copied in);
    // the caller holds the data directory's lock. On failure (a full disk,
    // say), or once `cancelled` returns true, the file is as it was.
    static Result<std::pair<qint64, qint64>> compactFile(const QString &filePath, const std::function<bool()> &cancelled = {},
                                                         std::shared_ptr<const DataKeys> keys = nullptr);

    const QString &region() const { return m_region; }
    // Whether the database lives in memory (one connection serves reads and writes).
    bool isInMemory() const { return m_path.isEmpty(); }
    // The database file's path; empty in memory.
    const QString &path() const { return m_path; }
    // The keys the file is encrypted with; null if it is not.
    const std::shared_ptr<const DataKeys> &keys() const { return m_keys; }
    Clock *clock() const { return m_clock; }

    // The current definition of table `name`, or null if there is none:
    // the committed one, or for the thread holding the open write
    // transaction, the one that transaction made.
    std::shared_ptr<const TableDef> table(const QString &name) const;
    // All table names, sorted as ListTables returns them (seen as table() does).
    QStringList tableNames() const;

    // Runs fn on a connection inside a read transaction: everything it reads
    // is one consistent snapshot. A table dropped under the read (SQLite's
    // "no such table" for an item or index table) is a
    // ResourceNotFoundException, as a read after the drop would have been.
    template <typename T>
    Result<T> read(const std::function<Result<T>(Connection &)> &fn);
    // The same for a function that runs one statement, once. fn must leave
    // its statement inactive (reset, or stepped to the end) before it returns.
    template <typename T>
    Result<T> readSingle(const std::function<Result<T>(Connection &)> &fn);

    // Runs fn inside a write transaction; commits if it returns success and
    // rolls everything back if it returns an error. `failure` says where fn
    // may fail (see WriteFailure).
    template <typename T>
    Result<T> write(const std::function<Result<T>(WriteTxn &)> &fn, WriteFailure failure = WriteFailure::Anywhere,
                    WriteFor writeFor = WriteFor::Request);

    // Catalog changes, inside write(). createTable allocates the storage id
    // and creates the item table and the index stores. updateTable replaces
    // the description: an index without "_IndexId" gets an id and a store
    // (and, if "Backfilling", is filled in the background after the commit);
    // the stores of indexes no longer listed (or DELETING) are dropped.
    // Both return the new definition, which the rest of the transaction sees
    // at once and other threads once it commits.
    Result<std::shared_ptr<const TableDef>> createTable(WriteTxn &txn, const QJsonObject &description);
    Result<std::shared_ptr<const TableDef>> updateTable(WriteTxn &txn, const TableDef &table, const QJsonObject &description);
    Result<void> dropTable(WriteTxn &txn, const TableDef &table);

    // The change log holds the changes of the tables that something reads
    // them for (an open stream, PITR, ...): each consumer is a query that
    // lists table ids and, optionally, the images it reads of them
    // (`SELECT table_id[, images] FROM ...`, images a ChangeImages mask;
    // without the column, both); a table's changes are logged while any of
    // them lists it, with the images any of them reads. Writes to other
    // tables skip the log (a fifth of a small write's cost, and its later
    // pruning). Register every consumer before the database serves requests
    // (or, at the latest, before writes that its tables' consumers must see).
    void addChangeLogConsumer(const QByteArray &tableIdsQuery);

    // Live figures of a table: item count and total item bytes, as of the
    // last commit (a thread whose commit scope holds writes not yet
    // committed does not see them counted). Kept in memory: see m_liveStats.
    Result<std::pair<qint64, qint64>> tableStats(qint64 tableId);
    // Live figures of a secondary index (IndexDef::id): entry count and bytes.
    Result<std::pair<qint64, qint64>> indexStats(qint64 indexId);
    // Inside read(), as its first read: fixes the read's snapshot and returns
    // the figures of table `tableId` in it (nullopt if the snapshot has no
    // such table). On disk the snapshot is taken under the write lock, so
    // that no commit falls between it and the figures (it waits for a
    // commit scope that holds the lock). Errors: SQLite failures.
    Result<std::optional<std::pair<qint64, qint64>>> tableStatsInRead(Connection &c, qint64 tableId);

    // Commit listeners, for readers of the change log that wait for new rows
    // (local triggers): `fn` runs after every commit that may have written
    // (on the committing thread, possibly under the write lock, so it must
    // be quick and must not use this database). Returns an id for
    // removeCommitListener(), after which fn is never called again. With no
    // listener a commit pays one relaxed atomic load.
    int addCommitListener(std::function<void()> fn);
    void removeCommitListener(int id);

    // How many other threads wait for the write lock (queued writes, commit
    // scopes, in memory readers) while the caller holds it: long background
    // writers (restores) check it after each item and end their body early,
    // so that requests wait for about one item, not a whole page.
    int writersWaiting() const { return m_writeWaiters.load(std::memory_order_relaxed); }
    // Whether a read (read(), readSingle()) ended or a request's write
    // (WriteFor::Request, or a commit scope's) committed in the last
    // `window`: long background jobs (restores) then leave part of the
    // cores and of the writer to requests. (Background jobs' own reads
    // count too.)
    bool servedRequestsWithin(std::chrono::nanoseconds window) const;

    // What the checkpoint thread did since open (on disk; zeros in memory),
    // for tests and benchmarks (storage/checkpointstats.h).
    using CheckpointStats = storage::CheckpointStats;
    CheckpointStats checkpointStats() const;
    // Tests: each sync a checkpoint makes takes this much longer, as on a
    // slow disk.
    void setCheckpointSyncDelayForTests(std::chrono::milliseconds delay) { m_syncDelayMs.store(int(delay.count())); }

private:
    static Result<std::unique_ptr<Database>> openUnnamed(const QString &filePath, const QString &region, Clock *clock,
                                                         std::shared_ptr<const DataKeys> keys);
    // Opens one more connection to the file (through the encrypted VFS if it is).
    Result<std::unique_ptr<Connection>> openConnection(bool readOnly) const;
    Database() = default;
    friend class WriteTxn;
    Result<void> initSchema();
    // Inside initSchema's transaction: recounts the figures rows marked
    // unknown (-1: a process stopped without writing them, see m_liveStats)
    // from the item and index tables, then loads every row into m_liveStats.
    Result<void> recoverStats();
    // After a COMMIT: adds the committed deltas to m_liveStats (their rows
    // were marked unknown by commitStats where they were not already).
    void publishStats(const StatsDeltas &stats);
    // On a clean close: writes the exact figures of every row marked unknown.
    Result<void> flushStats();
    // Drops the figures of dropped tables and indexes (keys as in
    // m_liveStats) once `txn` commits.
    void forgetStats(WriteTxn &txn, std::vector<qint64> keys);
    Result<void> migrateFrom1();
    Result<void> createBodyTables(); // schema 6: b<id> for every table (ItemStore)
    Result<void> loadCatalog();
    // Gives indexes of `description` without a store an id and a store.
    Result<QJsonObject> prepareIndexes(WriteTxn &txn, qint64 tableId, QJsonObject description);
    // The reader pool. acquireReader() returns an idle reader or opens one
    // (null if that fails); releaseReader() takes it back (closing it if
    // the pool is full). beginRead() makes the reader's read transaction
    // current: it keeps the one it holds if nothing was committed since it
    // began, or begins a new one. endRead() ends it.
    Connection *acquireReader();
    void releaseReader(Connection *c);
    Result<void> beginRead(Connection &c);
    void endRead(Connection &c);
    // Ends the read transactions of idle readers: the stale ones, or all
    // (so that none holds a WAL read mark while the writer could restart
    // the WAL). Called by the checkpoint thread and on close.
    void endIdleReads(bool all);
    // Group commit (as LevelDB's writers do): each write queues; the writer
    // at the head runs the queued ones in one SQLite transaction, each in
    // its own savepoint, commits once and wakes the others. A request's
    // write at the head takes every queued request's write (passing
    // background ones); a background write at the head runs alone.
    struct PendingWrite {
        std::function<bool(WriteTxn &)> body; // false: roll back this write's changes
        bool savepoint = true;                // WriteFailure::Anywhere
        bool background = false;              // WriteFor::Background
        bool done = false;
        std::optional<ApiError> commitError;  // set when the group's commit failed
        std::condition_variable cv;
    };
    std::optional<ApiError> runWrite(PendingWrite &w);
    // CommitScope support: take the write lock and open the scope's transaction;
    // end one write (release or roll back its savepoint; without one,
    // `changesBefore` is the connection's change count before the write);
    // commit the scope.
    friend class CommitScope;
    Result<void> enterScope(CommitScope &scope);
    void leaveScopedWrite(CommitScope &scope, WriteTxn &txn, bool ok, std::optional<qint64> changesBefore);
    // Whether a write without a savepoint that failed left the open
    // transaction as it found it (changed no row, and SQLite kept it open).
    bool unchangedSince(qint64 changesBefore) const;
    std::optional<ApiError> commitScope(CommitScope &scope);
    // Commits the open transaction (a group's or a scope's): stores the
    // pending change-log blocks, marks the changed figures rows, COMMITs and
    // publishes `stats` and the catalog. On failure rolls everything back.
    std::optional<ApiError> commit(const StatsDeltas &stats);
    // Inside commit(): marks the figures rows that `stats` changes first.
    Result<void> commitStats(const StatsDeltas &stats);
    std::optional<ApiError> executeGroup(std::vector<PendingWrite *> &group);
    // Adds the requests' writes queued behind the group's leader (the
    // queue's front) to `group`, up to kMaxGroupCommit: a request leader's
    // group at its start, a background leader's after its body. Under
    // m_queueMutex.
    void takeQueuedRequests(std::vector<PendingWrite *> &group);
    // The steady clock now, in its ticks (ns): the times of m_requestNs and ReaderSlot.
    static qint64 steadyNs() { return std::chrono::steady_clock::now().time_since_epoch().count(); }
    Result<void> step(const QByteArray &sql);
    // Whether the calling thread holds the open write transaction (runs a
    // write group, or its commit scope holds this database).
    bool holdsWriteTxn() const;
    // The catalog of the open transaction (see m_pendingTables): a change,
    // published to m_tables at commit and dropped on rollback.
    void setPendingTable(const QString &name, std::shared_ptr<const TableDef> def);
    void publishCatalog();  // after COMMIT: pending changes and hooks take effect
    void discardCatalog();  // after ROLLBACK of the whole transaction
    // The start and the end of one write's body inside the open transaction:
    // a body that fails takes back its catalog changes; one that succeeds
    // queues its onCommit hooks.
    void beginBody() { m_pendingBeforeBody = m_pendingTables; m_inBody = true; }
    void endBody(WriteTxn &txn, bool ok);
    // A read's error, with SQLite's "no such table" for an item, index or
    // collection table (dropped under the read) as ResourceNotFoundException.
    static ApiError readError(const ApiError &e);
    template <typename T>
    static Result<T> readResult(Result<T> r) { return r.ok() ? std::move(r) : Result<T>(readError(r.error())); }
    // Whether the changes of `tableId` go to the change log: 0 if not, else
    // ChangeImages::Logged plus the images its consumers read; writer only.
    Result<int> logsChanges(qint64 tableId);

    QString m_path;   // empty: in memory
    std::shared_ptr<const DataKeys> m_keys;  // encrypted at rest with these; null: in the clear
    quint64 m_keysId = 0;                    // m_keys' registration with the encrypted VFS
    QString m_region;
    Clock *m_clock = nullptr;

    std::mutex m_queueMutex;                        // guards m_queue
    std::deque<PendingWrite *> m_queue;             // writers waiting; the front one leads
    std::mutex m_writeMutex;                        // held while a group runs (and, in memory, by readers)
    std::atomic<int> m_writeWaiters{0};             // threads queued for or blocked on the write lock (writersWaiting())
    std::atomic<std::thread::id> m_groupThread{};   // the thread running a write group, if any
    // When a request's write group or commit scope last committed, or in
    // memory a read ended (steady clock; on disk reads stamp their ReaderSlot).
    std::atomic<qint64> m_requestNs{0};
    std::unique_ptr<Connection> m_writer;
    // Idle reader connections, one per slot, each slot on a cache line of its
    // own: a thread takes one with an exchange and puts it back with a
    // compare-exchange, starting at a slot of its own, so that the server's
    // threads neither wait for each other nor share a lock.
    struct alignas(64) ReaderSlot {
        std::atomic<Connection *> conn{nullptr};
        std::atomic<qint64> releasedNs{0}; // when a read last gave a connection back here (steady clock)
    };
    static constexpr size_t kReaderSlots = 16;
    ReaderSlot m_readerSlots[kReaderSlots];
    // Commits of the writer so far, counted by walHook() after each commit
    // and before the committing call returns (so before any write is
    // acknowledged): a reader's snapshot begun at the current count is current.
    std::atomic<quint64> m_commitSeq{0};
    // Committed writes that dropped tables (WriteTxn::droppedTables): a
    // connection that has seen fewer finalizes its cached statements before
    // its next transaction (forgetDroppedStatements).
    std::atomic<quint64> m_tableDrops{0};
    void forgetDroppedStatements(Connection &c);

    // Checkpoints run on a thread of their own (passive: they never block
    // writers, but for a last short pass that copies what they committed
    // meanwhile, so that the WAL can start over), so that no request pays
    // for copying the WAL into the database and its fsync. The writer's
    // commit hook wakes the thread once the WAL passes kCheckpointPages.
    static int walHook(void *self, struct sqlite3 *db, const char *name, int pages);
    void checkpointLoop();
    // One checkpoint: unlocked passive passes, a sync of the database file,
    // then a last pass holding writers off that lets the WAL start over
    // (skipped when a reader's snapshot keeps much of the WAL from being
    // copied: it could not start over).
    void checkpoint();
    // One passive pass: the WAL's frames and those copied into the database.
    struct CheckpointPass {
        int logFrames = 0;
        int copiedFrames = 0;
    };
    CheckpointPass checkpointPass();
    // Unlocked passes from `pass` until the WAL is nearly all copied (or
    // copying no longer catches up with the writers); false if a reader's
    // snapshot still holds much of it back after kReaderWaits.
    bool catchUp(CheckpointPass &pass);
    // Tries the checkpoint again after a few more frames (a reader held it back).
    void postpone(const CheckpointPass &pass);
    // The WAL frames committed since `pass` that it did not copy.
    int framesBehind(const CheckpointPass &pass) const;
    // The held pass's first tries, with background writes paused: passes
    // without the lock until one copies the whole WAL, then the lock for a
    // RESTART that has nothing to copy or sync. Whether the WAL was restarted.
    bool quietHeldPass(CheckpointPass &pass);
    // Takes the write lock as a queued writer (background bodies end early).
    void lockWriters(std::unique_lock<std::mutex> &writers);
    // Writers wait here, before they take the write lock, while a
    // checkpoint that will let the WAL start over runs with the WAL past
    // kWalFramesCap: the machine copies and syncs slower than they commit.
    // Without it, a CI run's WAL grew to 43,000 frames under steady writes,
    // with one checkpoint done in seconds (walStaysBoundedUnderSteadyWrites).
    // (Letting a checkpoint that waits for the lock go first as well made
    // PutItem's p99 during restores about twice as long, for no gain: its
    // waits were 3 ms at most, backup_bench.)
    void awaitCheckpoint();
    bool walOverCap() const; // capped, and the WAL past kWalFramesCap
    void setWalCapped(bool capped);
    std::atomic<bool> m_walCapped{false};      // a checkpoint holds writes back past kWalFramesCap
    std::mutex m_capMutex;                     // m_walCapped changes under it; writers wait on m_capLifted
    std::condition_variable m_capLifted;
    // The RESTART pass, under the write lock (`writers`, which it releases);
    // counts it (`quiet`: quietHeldPass's) and times it.
    void heldPass(std::unique_lock<std::mutex> &writers, bool quiet);
    // The checkpoint connection's busy handler (its held pass waiting for readers).
    static int checkpointBusy(void *self, int count);
    // Whether a reader's snapshot kept `pass` from copying much of the WAL.
    static bool heldBackByReader(const CheckpointPass &pass);
    // Syncs a file of the checkpoint connection to disk: the database file
    // (SQLITE_FCNTL_FILE_POINTER: what passes copied into it) or the WAL
    // (SQLITE_FCNTL_JOURNAL_POINTER).
    void syncFile(int which);
    std::unique_ptr<Connection> m_checkpointer;
    // WAL frames at which the writer wakes the checkpoint thread; and the
    // WAL frames after the last commit (written by the writer, which tells
    // by them when the WAL started over).
    std::atomic<int> m_checkpointAt{0};
    std::atomic<int> m_walFrames{0};
    // checkpointStats(): written by the checkpoint thread only.
    std::atomic<quint64> m_checkpointPasses{0};
    std::atomic<quint64> m_checkpointHeldPasses{0};
    std::atomic<quint64> m_checkpointQuietPasses{0};
    std::atomic<quint64> m_checkpointsCompleted{0};
    std::atomic<quint64> m_checkpointHeldMicros{0};
    std::atomic<quint64> m_checkpointMaxHeldMicros{0};
    std::atomic<quint64> m_checkpointMaxLockWaitMicros{0};
    std::atomic<quint64> m_checkpointsPostponed{0};
    std::atomic<quint64> m_checkpointMaxSyncMicros{0};
    std::atomic<int> m_syncDelayMs{0};      // setCheckpointSyncDelayForTests
    std::thread m_checkpointThread;
    std::mutex m_checkpointMutex;
    std::condition_variable m_checkpointWake;
    bool m_checkpointWanted = false;
    bool m_stopping = false;
    // Set while a checkpoint catches up before its held pass: background
    // writes (restores, backfills) wait for it before they begin (at most
    // kBackgroundPauseLimit), so that the passes can copy the whole WAL.
    std::mutex m_pauseMutex;
    std::condition_variable m_pauseEnded;
    bool m_backgroundPaused = false;
    void pauseBackground(bool paused);

    // Backfill: one thread copies existing items into new GSIs, a page per
    // write transaction, while writes go on (they maintain the index too);
    // then marks the index ACTIVE. Restarted from the beginning on open.
    struct BackfillJob {
        QString table;   // TableName
        qint64 tableId;  // TableDef::id: a table deleted and re-created is another
        qint64 indexId;  // IndexDef::id
    };
    void scheduleBackfill(const BackfillJob &job);
    void backfillLoop();
    Result<bool> runBackfill(const BackfillJob &job);
    std::thread m_backfillThread;
    std::mutex m_backfillMutex;                     // guards the three below
    std::condition_variable m_backfillWake;
    std::deque<BackfillJob> m_backfillJobs;
    bool m_backfillStopping = false;

    // Item counts and sizes of tables (by id) and indexes (by -id), as of the
    // last commit. DynamoDB refreshes these figures about every six hours;
    // ours are exact at once, but only written to their rows (tables and
    // index_stats) on a clean close, so that a commit dirties no page for
    // them. The first commit that changes a row's figures after it was
    // written marks it unknown (item_count = -1, one small write per table
    // and index per process run); the next open recounts rows so marked,
    // which after a kill -9 makes them exact again.
    struct LiveStats {
        qint64 items = 0;          // item (entry) count
        qint64 bytes = 0;          // total item (entry) size
        bool unknownOnDisk = false; // its row holds -1
    };
    mutable std::mutex m_statsMutex;                // guards m_liveStats (writes also hold the write lock)
    std::unordered_map<qint64, LiveStats> m_liveStats;
    std::pair<qint64, qint64> liveStats(qint64 key) const;

    void notifyCommit();
    std::atomic<bool> m_hasCommitListeners{false};
    std::mutex m_listenersMutex;                    // guards the two below
    std::vector<std::pair<int, std::function<void()>>> m_commitListeners;
    int m_nextListenerId = 1;

    mutable std::shared_mutex m_catalogMutex;
    QHash<QString, std::shared_ptr<const TableDef>> m_tables; // committed catalog

    // Under the write lock: the catalog changes of the open transaction
    // (null: dropped), their state before the running write's body, and
    // the onCommit hooks of its successful writes.
    QHash<QString, std::shared_ptr<const TableDef>> m_pendingTables;
    QHash<QString, std::shared_ptr<const TableDef>> m_pendingBeforeBody;
    std::vector<std::function<void()>> m_pendingHooks;

    // Change-log consumers (set up before serving) and, under the write
    // lock, the table ids they list; nullopt when it must be read again
    // (after a catalog or consumer change, or a rollback).
    std::mutex m_logConsumersMutex;                 // guards m_logConsumers
    std::vector<QByteArray> m_logConsumers;
    std::optional<std::unordered_map<qint64, int>> m_loggedTables; // table id -> logsChanges()
    // Under the write lock: the last change-log seq handed out (seeded on
    // open, see storage/changelog.h), and the tables whose log is known to
    // exist (a rollback forgets those its transaction created).
    qint64 m_changeSeq = 0;
    std::unordered_set<qint64> m_logTables;
    std::vector<qint64> m_logTablesCreated; // those of m_logTables the open transaction created (a rollback forgets them)
    // Under the write lock: the open transaction's change-log blocks, one per
    // table (WriteTxn::logChange), stored by flushChangeLog() before COMMIT.
    std::vector<std::pair<qint64, ChangeLogBlock>> m_pendingLog;
    bool m_inBody = false; // a write's function runs (beginBody .. endBody)
    // Stores the pending blocks. Not inside a write's function: its
    // savepoint could roll back other writes' changes with its own.
    Result<void> flushChangeLog();
    static void changeLogEndFunction(sqlite3_context *ctx, int argc, sqlite3_value **argv);
};

template <typename T>
Result<T> Database::read(const std::function<Result<T>(Connection &)> &fn)
{
    if (m_path.isEmpty()) {
        // In memory one connection serves all. A commit scope on this thread
        // may hold it already; one holding another database commits first.
        if (CommitScope *scope = CommitScope::current()) {
            if (scope->m_db == this)
                return readResult(fn(*m_writer));
            scope->commitPending();
        }
        // A read made inside this thread's own write (e.g. DeleteTable
        // describing the table it drops) already holds the connection.
        if (m_groupThread.load() == std::this_thread::get_id())
            return readResult(fn(*m_writer));
        m_writeWaiters.fetch_add(1, std::memory_order_relaxed);
        std::lock_guard lock(m_writeMutex);
        m_writeWaiters.fetch_sub(1, std::memory_order_relaxed);
        m_requestNs.store(steadyNs(), std::memory_order_relaxed);
        return readResult(fn(*m_writer));
    }
    // This thread's turn holds the transaction: read what the turn wrote.
    if (CommitScope *scope = CommitScope::current(); scope && scope->m_db == this)
        return readResult(fn(*m_writer));
    Connection *c = acquireReader();
    if (!c)
        return ApiError::internal(QStringLiteral("Cannot open a reader connection"));
    auto began = beginRead(*c);
    if (!began.ok()) {
        releaseReader(c);
        return began.error();
    }
    Result<T> r = fn(*c);
    if (!r.ok())
        endRead(*c); // whatever failed, the next read starts afresh
    releaseReader(c);
    return readResult(std::move(r));
}

template <typename T>
Result<T> Database::readSingle(const std::function<Result<T>(Connection &)> &fn)
{
    // A kept read transaction is cheaper than a statement's own (autocommit)
    // snapshot, which begins and ends a read transaction each time.
    return read(fn);
}

template <typename T>
Result<T> Database::write(const std::function<Result<T>(WriteTxn &)> &fn, WriteFailure failure, WriteFor writeFor)
{
    if (CommitScope *scope = CommitScope::current()) {
        DD_CHECK(enterScope(*scope));
        WriteTxn txn(*this, *m_writer, m_clock->nowMs());
        std::optional<qint64> changesBefore;
        if (failure == WriteFailure::BeforeChanges)
            changesBefore = m_writer->totalChanges();
        else
            DD_CHECK(step("SAVEPOINT w"));
        beginBody();
        Result<T> r = fn(txn);
        leaveScopedWrite(*scope, txn, r.ok(), changesBefore);
        return r;
    }
    std::optional<Result<T>> result;
    PendingWrite pending;
    pending.savepoint = failure == WriteFailure::Anywhere;
    pending.background = writeFor == WriteFor::Background;
    pending.body = [&](WriteTxn &txn) {
        result.emplace(fn(txn));
        return result->ok();
    };
    if (auto failed = runWrite(pending))
        return *failed; // the commit failed: nothing of this write is kept
    return std::move(*result);
}

} // namespace dd::storage
