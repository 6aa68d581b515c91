// Database: the SQLite database of one region: the catalog of tables, one
// SQLite table of items per DynamoDB table and one per secondary index
// (indexstore.h), and the change log. A background thread backfills global
// secondary indexes added to existing tables.
//
// Threads: any thread may call read() and write(). Writes are serialized
// (SQLite has one writer); on disk, reads run in parallel on pooled reader
// connections in WAL mode and never wait for writers. In memory, one
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
#include <unordered_set>
#include <vector>

namespace dd::storage {

// Change-log events. Written to disk: do not reorder.
enum class ChangeEvent : int { Insert = 1, Modify = 2, Remove = 3 };

class Database;

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
    // anything consumes the table's changes (Database::addChangeLogConsumer);
    // otherwise does nothing.
    Result<void> logChange(qint64 tableId, ChangeEvent event, QByteArrayView keysJson,
                           QByteArrayView oldImage, QByteArrayView newImage);
    // Call in any write that changes what a change-log consumer's query
    // returns (enabling PITR, ...), so that later writes, also of this
    // transaction, see it. Catalog changes call it themselves.
    void changeLogConsumersChanged();
    // The seq of the change-log row that the last logChange() wrote, or 0
    // if it logged nothing (or none was made).
    qint64 lastChangeSeq() const { return m_lastChangeSeq; }
    // Accumulates item-count and size deltas, written once at commit.
    void addStats(qint64 tableId, qint64 itemDelta, qint64 bytesDelta);
    // The same for a secondary index (kept under -indexId, so that the
    // commit knows which figures row to update).
    void addIndexStats(qint64 indexId, qint64 itemDelta, qint64 bytesDelta) { addStats(-indexId, itemDelta, bytesDelta); }
    // Runs after the transaction holding this write has committed, under
    // the write lock; never if this write is rolled back or the commit fails.
    void onCommit(std::function<void()> fn) { m_onCommit.push_back(std::move(fn)); }

    WriteTxn(Database &db, Connection &c, qint64 now) : conn(c), nowMs(now), m_db(db) {}

private:
    friend class Database;
    Database &m_db;
    qint64 m_lastChangeSeq = 0;
    // Deltas by table id (indexes by -index id): a write touches one table
    // and its few indexes, so a short list (a QHash allocated per write cost
    // a small write ~2%).
    struct StatsDelta {
        qint64 id;     // table id, or -index id
        qint64 items;  // item-count delta
        qint64 bytes;  // size delta
    };
    QVarLengthArray<StatsDelta, 4> m_stats;
    // Adds this write's deltas to `to`.
    void mergeStats(QHash<qint64, std::pair<qint64, qint64>> &to) const
    {
        for (const StatsDelta &d : m_stats) {
            auto &e = to[d.id];
            e.first += d.items;
            e.second += d.bytes;
        }
    }
    std::vector<std::function<void()>> m_onCommit;
};

class Database {
public:
    // Opens or creates the database at filePath (WAL mode); an empty path
    // keeps it in memory. `region` names the ARNs of its tables.
    static Result<std::unique_ptr<Database>> open(const QString &filePath, const QString &region, Clock *clock);
    ~Database();

    const QString &region() const { return m_region; }
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
    // The same for a function that runs one statement, once: SQLite runs a
    // lone statement in a snapshot of its own (autocommit), so this skips
    // read()'s BEGIN and COMMIT. fn must leave its statement inactive (reset,
    // or stepped to the end) before it returns.
    template <typename T>
    Result<T> readSingle(const std::function<Result<T>(Connection &)> &fn);

    // Runs fn inside a write transaction; commits if it returns success and
    // rolls everything back if it returns an error. `failure` says where fn
    // may fail (see WriteFailure).
    template <typename T>
    Result<T> write(const std::function<Result<T>(WriteTxn &)> &fn, WriteFailure failure = WriteFailure::Anywhere);

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
    // lists table ids (`SELECT table_id FROM ...`); a table's changes are
    // logged while any of them lists it. Writes to other tables skip the log
    // (a fifth of a small write's cost, and its later pruning). Register
    // every consumer before the database serves requests (or, at the
    // latest, before writes that its tables' consumers must see).
    void addChangeLogConsumer(const QByteArray &tableIdsQuery);

    // Live figures of a table: item count and total item bytes.
    Result<std::pair<qint64, qint64>> tableStats(qint64 tableId);
    // Live figures of a secondary index (IndexDef::id): entry count and bytes.
    Result<std::pair<qint64, qint64>> indexStats(qint64 indexId);

    // Commit listeners, for readers of the change log that wait for new rows
    // (local triggers): `fn` runs after every commit that may have written
    // (on the committing thread, possibly under the write lock, so it must
    // be quick and must not use this database). Returns an id for
    // removeCommitListener(), after which fn is never called again. With no
    // listener a commit pays one relaxed atomic load.
    int addCommitListener(std::function<void()> fn);
    void removeCommitListener(int id);

private:
    Database() = default;
    friend class WriteTxn;
    Result<void> initSchema();
    Result<void> migrateFrom1();
    Result<void> loadCatalog();
    // Gives indexes of `description` without a store an id and a store.
    Result<QJsonObject> prepareIndexes(WriteTxn &txn, qint64 tableId, QJsonObject description);
    Connection *acquireReader();
    void releaseReader(Connection *c);
    Result<void> beginRead(Connection &c);
    void endRead(Connection &c);
    // Group commit (as LevelDB's writers do): each write queues; the writer
    // at the head runs the queued ones in one SQLite transaction, each in
    // its own savepoint, commits once and wakes the others.
    struct PendingWrite {
        std::function<bool(WriteTxn &)> body; // false: roll back this write's changes
        bool savepoint = true;                // WriteFailure::Anywhere
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
    std::optional<ApiError> commitStats(const QHash<qint64, std::pair<qint64, qint64>> &stats);
    std::optional<ApiError> executeGroup(const std::vector<PendingWrite *> &group);
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
    void beginBody() { m_pendingBeforeBody = m_pendingTables; }
    void endBody(WriteTxn &txn, bool ok);
    // A read's error, with SQLite's "no such table" for an item, index or
    // collection table (dropped under the read) as ResourceNotFoundException.
    static ApiError readError(const ApiError &e);
    template <typename T>
    static Result<T> readResult(Result<T> r) { return r.ok() ? std::move(r) : Result<T>(readError(r.error())); }
    // Whether the changes of `tableId` go to the change log; writer only.
    Result<bool> logsChanges(qint64 tableId);

    QString m_path;   // empty: in memory
    QString m_region;
    Clock *m_clock = nullptr;

    std::mutex m_queueMutex;                        // guards m_queue
    std::deque<PendingWrite *> m_queue;             // writers waiting; the front one leads
    std::mutex m_writeMutex;                        // held while a group runs (and, in memory, by readers)
    std::atomic<std::thread::id> m_groupThread{};   // the thread running a write group, if any
    std::unique_ptr<Connection> m_writer;
    std::mutex m_readersMutex;
    std::vector<std::unique_ptr<Connection>> m_readers; // idle reader connections

    // Checkpoints run on a thread of their own (passive: they never block
    // writers, but for a last short pass that copies what they committed
    // meanwhile, so that the WAL can start over), so that no request pays
    // for copying the WAL into the database and its fsync. The writer's
    // commit hook wakes the thread once the WAL passes kCheckpointPages.
    static int walHook(void *self, struct sqlite3 *db, const char *name, int pages);
    void checkpointLoop();
    std::unique_ptr<Connection> m_checkpointer;
    std::thread m_checkpointThread;
    std::mutex m_checkpointMutex;
    std::condition_variable m_checkpointWake;
    bool m_checkpointWanted = false;
    bool m_stopping = false;

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
    std::optional<std::unordered_set<qint64>> m_loggedTables;
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
        std::lock_guard lock(m_writeMutex);
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
    endRead(*c);
    releaseReader(c);
    return readResult(std::move(r));
}

template <typename T>
Result<T> Database::readSingle(const std::function<Result<T>(Connection &)> &fn)
{
    if (m_path.isEmpty())
        return read(fn);
    if (CommitScope *scope = CommitScope::current(); scope && scope->m_db == this)
        return read(fn);
    Connection *c = acquireReader();
    if (!c)
        return ApiError::internal(QStringLiteral("Cannot open a reader connection"));
    Result<T> r = fn(*c);
    releaseReader(c);
    return readResult(std::move(r));
}

template <typename T>
Result<T> Database::write(const std::function<Result<T>(WriteTxn &)> &fn, WriteFailure failure)
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
    pending.body = [&](WriteTxn &txn) {
        result.emplace(fn(txn));
        return result->ok();
    };
    if (auto failed = runWrite(pending))
        return *failed; // the commit failed: nothing of this write is kept
    return std::move(*result);
}

} // namespace dd::storage
