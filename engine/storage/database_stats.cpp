// Database's item counts and sizes of tables and indexes: kept live in
// memory, committed with the writes that change them, written back at a
// clean close and recounted after a crash.
#include "storage/database.h"

#include <sqlite3.h>

namespace dd::storage {

Result<void> Database::commitStats(const StatsDeltas &stats)
{
    // The figures themselves stay in memory (m_liveStats); only a row whose
    // figures change for the first time since they were written is marked
    // unknown, in this transaction, so that a process killed after this
    // commit recounts it on the next open. In memory nothing outlives the process.
    if (isInMemory())
        return {};
    const auto mark = [this](StatementKind kind, const char *sql, qint64 id) {
        Statement *s = m_writer->prepareKeyed(statementKey(kind, 0), [sql] { return QByteArray(sql); });
        s->bind(1, id);
        s->step();
        return s;
    };
    for (const StatsDelta &d : stats) {
        if (d.items == 0 && d.bytes == 0)
            continue;
        {
            std::lock_guard lock(m_statsMutex);
            if (const auto live = m_liveStats.find(d.id); live != m_liveStats.end() && live->second.unknownOnDisk)
                continue;
        }
        Statement *s = nullptr;
        if (d.id < 0) {
            // WriteTxn::addIndexStats
            s = mark(StatementKind::IndexStatsUpdate, "UPDATE index_stats SET item_count = -1 WHERE id = ?", -d.id);
        } else {
            // Table and index ids come from one counter: an id that is no table's is an index's.
            s = mark(StatementKind::TableStatsUpdate, "UPDATE tables SET item_count = -1 WHERE id = ?", d.id);
            if (s->resultCode() == SQLITE_DONE && m_writer->changes() == 0)
                s = mark(StatementKind::IndexStatsUpdate, "UPDATE index_stats SET item_count = -1 WHERE id = ?", d.id);
        }
        if (s->resultCode() != SQLITE_DONE)
            return ApiError::internal(s->errorMessage());
    }
    return {};
}

void Database::publishStats(const StatsDeltas &stats)
{
    std::lock_guard lock(m_statsMutex);
    for (const StatsDelta &d : stats) {
        if (d.items == 0 && d.bytes == 0)
            continue;
        LiveStats &live = m_liveStats[d.id];
        live.items += d.items;
        live.bytes += d.bytes;
        live.unknownOnDisk = true;
    }
}

void Database::forgetStats(WriteTxn &txn, std::vector<qint64> keys)
{
    txn.onCommit([this, keys = std::move(keys)] {
        std::lock_guard lock(m_statsMutex);
        for (qint64 key : keys)
            m_liveStats.erase(key);
    });
}

std::pair<qint64, qint64> Database::liveStats(qint64 key) const
{
    std::lock_guard lock(m_statsMutex);
    const auto it = m_liveStats.find(key);
    return it == m_liveStats.end() ? std::pair<qint64, qint64>{0, 0} : std::pair{it->second.items, it->second.bytes};
}

Result<void> Database::recoverStats()
{
    // Rows marked unknown: (table id, index id or 0).
    std::vector<std::pair<qint64, qint64>> unknown;
    Statement *s = m_writer->prepare("SELECT id, 0 FROM tables WHERE item_count < 0 UNION ALL "
                                     "SELECT table_id, id FROM index_stats WHERE item_count < 0");
    if (!s)
        return ApiError::internal(m_writer->lastError());
    while (s->step())
        unknown.emplace_back(s->columnInt(0), s->columnInt(1));
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    for (const auto &[tableId, indexId] : unknown) {
        const QByteArray store = indexId ? "i" + QByteArray::number(tableId) + "_" + QByteArray::number(indexId)
                                         : "t" + QByteArray::number(tableId);
        qint64 count = 0, bytes = 0;
        // A store that is missing (never created) holds nothing.
        s = m_writer->prepare("SELECT count(*), coalesce(sum(size), 0) FROM " + store);
        if (s) {
            if (!s->step())
                return ApiError::internal(s->errorMessage());
            count = s->columnInt(0);
            bytes = s->columnInt(1);
            s->reset();
        }
        DD_CHECK(m_writer->run(indexId ? "UPDATE index_stats SET item_count = ?, size_bytes = ? WHERE id = ?"
                                       : "UPDATE tables SET item_count = ?, size_bytes = ? WHERE id = ?",
                               {count, bytes, indexId ? indexId : tableId}));
    }
    s = m_writer->prepare("SELECT id, item_count, size_bytes FROM tables UNION ALL "
                          "SELECT -id, item_count, size_bytes FROM index_stats");
    if (!s)
        return ApiError::internal(m_writer->lastError());
    std::unordered_map<qint64, LiveStats> live;
    while (s->step())
        live[s->columnInt(0)] = LiveStats{s->columnInt(1), s->columnInt(2), false};
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    std::lock_guard lock(m_statsMutex);
    m_liveStats = std::move(live);
    return {};
}

Result<void> Database::flushStats()
{
    std::lock_guard writers(m_writeMutex);
    std::lock_guard lock(m_statsMutex);
    if (std::none_of(m_liveStats.begin(), m_liveStats.end(), [](const auto &e) { return e.second.unknownOnDisk; }))
        return {};
    DD_CHECK(step("BEGIN IMMEDIATE"));
    for (auto &[key, live] : m_liveStats) {
        if (!live.unknownOnDisk)
            continue;
        // A row that is gone (its table or index dropped) updates nothing.
        auto updated = m_writer->run(key < 0 ? "UPDATE index_stats SET item_count = ?, size_bytes = ? WHERE id = ?"
                                             : "UPDATE tables SET item_count = ?, size_bytes = ? WHERE id = ?",
                                     {live.items, live.bytes, key < 0 ? -key : key});
        if (!updated.ok()) {
            (void)step("ROLLBACK");
            return updated.error();
        }
    }
    if (auto committed = step("COMMIT"); !committed.ok()) {
        (void)step("ROLLBACK");
        return committed.error();
    }
    for (auto &entry : m_liveStats)
        entry.second.unknownOnDisk = false;
    return {};
}

Result<std::pair<qint64, qint64>> Database::tableStats(qint64 tableId)
{
    return liveStats(tableId);
}

Result<std::pair<qint64, qint64>> Database::indexStats(qint64 indexId)
{
    return liveStats(-indexId);
}

Result<std::optional<std::pair<qint64, qint64>>> Database::tableStatsInRead(Connection &c, qint64 tableId)
{
    const auto pin = [&]() -> Result<std::optional<std::pair<qint64, qint64>>> {
        Statement *s = c.prepare("SELECT 1 FROM tables WHERE id = ?");
        if (!s)
            return ApiError::internal(c.lastError());
        s->bind(1, tableId);
        const bool found = s->step();
        if (!found && s->resultCode() != SQLITE_DONE)
            return ApiError::internal(s->errorMessage());
        s->reset();
        if (!found)
            return std::optional<std::pair<qint64, qint64>>();
        return std::optional(liveStats(tableId));
    };
    // The writer (in memory, or this thread's commit scope) runs under the
    // write lock already: no commit can come between.
    if (&c == m_writer.get())
        return pin();
    // A scope holding another database commits first: a scope never waits
    // for a lock while it holds one.
    if (CommitScope *scope = CommitScope::current(); scope && scope->m_db && scope->m_db != this)
        (void)scope->commitPending();
    // A write body of this thread (a write group) holds the lock already.
    std::unique_lock<std::mutex> writers;
    if (!holdsWriteTxn()) {
        m_writeWaiters.fetch_add(1, std::memory_order_relaxed);
        writers = std::unique_lock(m_writeMutex);
        m_writeWaiters.fetch_sub(1, std::memory_order_relaxed);
    }
    // A read begun with no commit since (its snapshot taken now if not yet)
    // holds every commit; beginRead() starts any other over.
    DD_CHECK(beginRead(c));
    return pin();
}

void WriteTxn::addStats(qint64 tableId, qint64 itemDelta, qint64 bytesDelta)
{
    m_stats.add(tableId, itemDelta, bytesDelta);
}

} // namespace dd::storage
