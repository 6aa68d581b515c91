#include "streams/changelogpruner.h"

#include "streams/streamstore.h"

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
    storage::Statement *s = c.prepare(sql);
    if (!s)
        return ApiError::internal(c.lastError());
    int i = 1;
    for (qint64 a : args)
        s->bind(i++, a);
    s->step();
    if (s->resultCode() != SQLITE_DONE)
        return ApiError::internal(s->errorMessage());
    return c.changes();
}

// PITR's hook: rows that point-in-time recovery still needs (pitr/pitrstore.h:
// a table's log after its oldest base snapshot), when PITR is installed.
QByteArray keptForPitr(storage::Connection &c)
{
    auto has = scalar(c, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'dd_pitr'");
    if (!has.ok() || *has == 0)
        return {};
    return " AND NOT EXISTS (SELECT 1 FROM dd_pitr p WHERE p.table_id = changelog.table_id AND changelog.seq > p.keep_seq)";
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

    // Age: rows are in time order by seq, so the expired ones are a prefix.
    for (;;) {
        DD_ASSIGN(const qint64 n, db.write<qint64>([&](storage::WriteTxn &txn) -> Result<qint64> {
            DD_ASSIGN(const qint64 maxSeq, StreamStore::maxSeq(txn.conn));
            // The oldest rows, up to the first young one (rows are in time
            // order by seq, unless the clock stepped back: then stop there).
            qint64 upTo = 0;
            {
                storage::Statement *s = txn.conn.prepare("SELECT seq, time_ms FROM changelog WHERE seq < ?" + keptForPitr(txn.conn) + " ORDER BY seq LIMIT ?");
                if (!s)
                    return ApiError::internal(txn.conn.lastError());
                s->bind(1, maxSeq).bind(2, kBatchRows);
                while (s->step() && s->columnInt(1) < cutoff)
                    upTo = s->columnInt(0);
                s->reset();
            }
            if (upTo <= 0)
                return 0;
            DD_ASSIGN(const qint64 deleted, run(txn.conn, "DELETE FROM changelog WHERE seq <= ?" + keptForPitr(txn.conn), {upTo}));
            DD_CHECK(run(txn.conn, "UPDATE dd_streams_state SET value = MAX(value, ?) WHERE key = 'trimmed_seq'", {upTo}));
            return deleted;
        }));
        stats.trimmed += n;
        if (n < kBatchRows)
            break;
    }

    // Coverage: examine the rows written since the last pass, in batches.
    for (;;) {
        DD_ASSIGN(const qint64 more, db.write<qint64>([&](storage::WriteTxn &txn) -> Result<qint64> {
            DD_ASSIGN(const qint64 maxSeq, StreamStore::maxSeq(txn.conn));
            DD_ASSIGN(const qint64 examined, scalar(txn.conn, "SELECT value FROM dd_streams_state WHERE key = 'examined_seq'"));
            const qint64 hi = std::min(examined + kBatchRows, maxSeq - 1);
            if (hi <= examined)
                return 0;
            DD_ASSIGN(const qint64 deleted,
                      run(txn.conn, "DELETE FROM changelog WHERE seq > ? AND seq <= ? AND NOT EXISTS ("
                                    "SELECT 1 FROM dd_streams s WHERE s.table_id = changelog.table_id AND changelog.seq >= s.start_seq "
                                    "AND (s.end_seq IS NULL OR changelog.seq <= s.end_seq))" + keptForPitr(txn.conn),
                          {examined, hi}));
            DD_CHECK(run(txn.conn, "UPDATE dd_streams_state SET value = ? WHERE key = 'examined_seq'", {hi}));
            stats.uncovered += deleted;
            return hi - examined;
        }));
        if (more < kBatchRows)
            break;
    }
    return stats;
}

} // namespace dd::streams
