#include "streams/changelogpruner.h"

#include "streams/streamstore.h"

#include "storage/changelog.h"

#include <sqlite3.h>

namespace dd::streams {

namespace {

Result<qint64> scalar(storage::Connection &c, const QByteArray &sql, std::initializer_list<qint64> args = {})
{
    storage::Statement *s = c.prepare(sql);
    if (!s)
        return ApiError::internal(c.lastError());
    int i = 1;
    for (qint64 a : args)
        s->bind(i++, a);
    const qint64 v = s->step() ? s->columnInt(0) : 0;
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    return v;
}

Result<qint64> run(storage::Connection &c, const QByteArray &sql, std::initializer_list<qint64> args = {})
{
    DD_CHECK(c.run(sql, args));
    return c.changes();
}

// What keeps changes in the log beyond the streams, where installed:
// PITR (pitr/pitrstore.h: dd_pitr's keep_seq, a table's log after its
// oldest base snapshot) and global tables (replication/replicastore.h:
// dd_replicas' shipped_seq, the changes some replica has not applied yet).
struct Keepers {
    bool pitr = false;
    bool replicas = false;
};

Result<Keepers> keepers(storage::Connection &c)
{
    Keepers k;
    DD_ASSIGN(const qint64 pitr, scalar(c, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'dd_pitr'"));
    DD_ASSIGN(const qint64 replicas, scalar(c, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'dd_replicas'"));
    k.pitr = pitr > 0;
    k.replicas = replicas > 0;
    return k;
}

// The condition, on the log of `tableId` (LOG), that leaves the rows they
// keep. A bound on seq, the log's rowid, so that a query stops at the first
// kept row: as a NOT EXISTS per row, the oldest-rows query of a table whose
// whole log PITR keeps read all of it, 230 ms for a million rows, and it
// runs in a write.
QByteArray notKept(const Keepers &k, qint64 tableId)
{
    const QByteArray id = QByteArray::number(tableId);
    QByteArray out;
    if (k.pitr)
        out += " AND LOG.seq <= COALESCE((SELECT keep_seq FROM dd_pitr WHERE table_id = " + id + "), 9223372036854775807)";
    if (k.replicas)
        out += " AND LOG.seq <= COALESCE((SELECT MIN(shipped_seq) FROM dd_replicas WHERE table_id = " + id + "), 9223372036854775807)";
    return out;
}

// Deletes the blocks of the log of `tableId` (ChangeLog::prepare) that
// `where` selects: how many blocks and how many changes they held; none if
// it has no log.
struct Deleted {
    qint64 blocks = 0, changes = 0;
};
Result<Deleted> deleteBlocks(storage::Connection &c, qint64 tableId, const QByteArray &where, std::initializer_list<qint64> args)
{
    DD_ASSIGN(storage::Statement *s, storage::ChangeLog::prepare(c, tableId, "DELETE FROM LOG WHERE " + where + " RETURNING n"));
    Deleted d;
    if (!s)
        return d;
    int i = 1;
    for (qint64 a : args)
        s->bind(i++, a);
    while (s->step()) {
        ++d.blocks;
        d.changes += s->columnInt(0);
    }
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    return d;
}

} // namespace

Result<ChangeLogPruner::Stats> ChangeLogPruner::prune(storage::Database &db, qint64 nowMs, qint64 retentionMs)
{
    const qint64 cutoff = nowMs - retentionMs;
    Stats stats;
    // Streams: note disabling times; forget those disabled longer than the retention.
    DD_CHECK(db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
        DD_CHECK(run(txn.conn, "UPDATE dd_streams SET disabled_ms = ? WHERE end_seq IS NOT NULL AND disabled_ms IS NULL", {nowMs}));
        DD_CHECK(run(txn.conn, "DELETE FROM dd_streams WHERE disabled_ms IS NOT NULL AND disabled_ms < ?", {cutoff}));
        return {};
    }));
    DD_ASSIGN(const std::vector<qint64> logs, db.read<std::vector<qint64>>([](storage::Connection &c) { return storage::ChangeLog::tableIds(c); }));

    // Age: a log's blocks are in time order by seq, so the expired ones are a
    // prefix. A block goes once its latest change has expired.
    for (const qint64 id : logs) {
        for (;;) {
            DD_ASSIGN(const qint64 n, db.write<qint64>([&](storage::WriteTxn &txn) -> Result<qint64> {
                DD_ASSIGN(const Keepers kept, keepers(txn.conn));
                // The oldest blocks, up to the first young one (blocks are in time
                // order by seq, unless the clock stepped back: then stop there).
                qint64 upTo = 0;
                {
                    DD_ASSIGN(storage::Statement *s, storage::ChangeLog::prepare(txn.conn, id, "SELECT seq, time_ms FROM LOG WHERE 1"
                                                                                 + notKept(kept, id) + " ORDER BY seq LIMIT ?"));
                    if (!s)
                        return 0;
                    s->bind(1, kBatchRows);
                    while (s->step() && s->columnInt(1) < cutoff)
                        upTo = s->columnInt(0);
                    s->reset();
                }
                if (upTo <= 0)
                    return 0;
                DD_CHECK(txn.saveChangeLogEnd());
                DD_ASSIGN(const Deleted deleted, deleteBlocks(txn.conn, id, "seq <= ?" + notKept(kept, id), {upTo}));
                storage::Statement *s = txn.conn.prepare("INSERT INTO dd_streams_state(key, value) VALUES(?, ?) "
                                                         "ON CONFLICT(key) DO UPDATE SET value = MAX(value, excluded.value)");
                if (!s)
                    return ApiError::internal(txn.conn.lastError());
                s->bindText(1, QString::fromLatin1(StreamStore::trimmedKey(id))).bind(2, upTo);
                s->step();
                if (s->resultCode() != SQLITE_DONE)
                    return ApiError::internal(s->errorMessage());
                stats.trimmed += deleted.changes;
                return deleted.blocks;
            }, storage::WriteFailure::Anywhere, storage::WriteFor::Background));
            if (n < kBatchRows)
                break;
        }
    }

    // Coverage: examine the rows written since the last pass, in batches of
    // sequence numbers (global: one batch spans every log).
    for (;;) {
        DD_ASSIGN(const qint64 more, db.write<qint64>([&](storage::WriteTxn &txn) -> Result<qint64> {
            const qint64 end = txn.changeLogEnd();
            DD_ASSIGN(const qint64 examined, scalar(txn.conn, "SELECT value FROM dd_streams_state WHERE key = 'examined_seq'"));
            const qint64 hi = std::min(examined + kBatchRows, end);
            if (hi <= examined)
                return 0;
            DD_ASSIGN(const Keepers kept, keepers(txn.conn));
            DD_ASSIGN(const std::vector<qint64> ids, storage::ChangeLog::tableIds(txn.conn));
            DD_CHECK(txn.saveChangeLogEnd());
            // A block whose seq (its last change's) is in the batch goes if no
            // stream covers any of its changes, from first_seq to seq.
            for (const qint64 id : ids) {
                DD_ASSIGN(const Deleted deleted,
                          deleteBlocks(txn.conn, id, "seq > ? AND seq <= ? AND NOT EXISTS ("
                                                     "SELECT 1 FROM dd_streams s WHERE s.table_id = " + QByteArray::number(id) + " AND LOG.seq >= s.start_seq "
                                                     "AND (s.end_seq IS NULL OR LOG.first_seq <= s.end_seq))" + notKept(kept, id),
                                       {examined, hi}));
                stats.uncovered += deleted.changes;
            }
            DD_CHECK(run(txn.conn, "UPDATE dd_streams_state SET value = ? WHERE key = 'examined_seq'", {hi}));
            return hi - examined;
        }, storage::WriteFailure::Anywhere, storage::WriteFor::Background));
        if (more < kBatchRows)
            break;
    }

    // Logs that nothing can read any more: of deleted tables, with no stream
    // left (forgotten above) and no PITR.
    DD_CHECK(db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
        DD_ASSIGN(const Keepers kept, keepers(txn.conn));
        DD_ASSIGN(const std::vector<qint64> ids, storage::ChangeLog::tableIds(txn.conn));
        for (const qint64 id : ids) {
            DD_ASSIGN(const qint64 referenced,
                      scalar(txn.conn, "SELECT EXISTS (SELECT 1 FROM tables WHERE id = ?1) OR EXISTS (SELECT 1 FROM dd_streams WHERE table_id = ?1)"
                                           + QByteArray(kept.pitr ? " OR EXISTS (SELECT 1 FROM dd_pitr WHERE table_id = ?1)" : ""),
                             {id}));
            if (referenced)
                continue;
            DD_ASSIGN(const qint64 rows, scalar(txn.conn, "SELECT IFNULL(SUM(n), 0) FROM " + storage::ChangeLog::sqlTable(id)));
            DD_CHECK(txn.saveChangeLogEnd());
            txn.droppedTables();
            DD_CHECK(storage::ChangeLog::drop(txn.conn, id));
            storage::Statement *s = txn.conn.prepare("DELETE FROM dd_streams_state WHERE key = ?");
            if (!s)
                return ApiError::internal(txn.conn.lastError());
            s->bindText(1, QString::fromLatin1(StreamStore::trimmedKey(id)));
            s->step();
            stats.uncovered += rows;
        }
        return {};
    }));
    return stats;
}

} // namespace dd::streams
