// Database's change log as writes see it: the blocks a transaction appends
// to, stored at its commit (flushChangeLog), and which tables log at all.
#include "storage/database.h"
#include "storage/database_p.h"
#include "storage/changelog.h"

#include <algorithm>

#include <sqlite3.h>

namespace dd::storage {

Result<void> WriteTxn::logChange(qint64 tableId, ChangeEvent event, QByteArrayView keysJson,
                                 QByteArrayView oldImage, QByteArrayView newImage)
{
    m_lastLogBlock = -1;
    DD_ASSIGN(const int logged, m_db.logsChanges(tableId));
    if (!logged)
        return {};
    // Images no consumer reads are not stored (a KEYS_ONLY stream's rows hold keys only).
    if (!(logged & ChangeImages::OldImage))
        oldImage = QByteArrayView();
    if (!(logged & ChangeImages::NewImage))
        newImage = QByteArrayView();
    auto &pending = m_db.m_pendingLog;
    size_t i = 0;
    while (i < pending.size() && pending[i].first != tableId)
        ++i;
    if (i == pending.size())
        pending.emplace_back(tableId, ChangeLogBlock());
    ChangeLogBlock &block = pending[i].second;
    if (std::none_of(m_logMarks.begin(), m_logMarks.end(), [i](const auto &m) { return m.first == i; }))
        m_logMarks.append({i, block.mark()});
    // A rolled-back write leaves its seq unused: a gap, never a reuse.
    const qint64 seq = ++m_db.m_changeSeq;
    block.append(seq, nowMs, event, keysJson, oldImage, newImage);
    m_lastLogBlock = qsizetype(i);
    return {};
}

void WriteTxn::setLastChangeOrigin(int origin)
{
    if (m_lastLogBlock >= 0)
        m_db.m_pendingLog[size_t(m_lastLogBlock)].second.setLastOrigin(origin);
}

Result<void> Database::flushChangeLog()
{
    if (m_inBody)
        return {};
    for (auto &[tableId, block] : m_pendingLog) {
        if (block.empty())
            continue;
        if (!m_logTables.count(tableId)) {
            DD_CHECK(ChangeLog::create(*m_writer, tableId));
            m_logTables.insert(tableId);
            m_logTablesCreated.push_back(tableId);
        }
        DD_CHECK(ChangeLog::store(*m_writer, tableId, block));
        block.clear();
    }
    // Few tables take turns: drop the blocks of tables this commit left alone.
    if (m_pendingLog.size() > 4)
        m_pendingLog.clear();
    return {};
}

qint64 WriteTxn::changeLogEnd() const
{
    return m_db.m_changeSeq;
}

Result<void> WriteTxn::saveChangeLogEnd()
{
    DD_CHECK(conn.run("INSERT OR REPLACE INTO meta(key, value) VALUES('changelog_seq', ?)", {m_db.m_changeSeq}));
    // The pruner drops logs: have the next change of each table look again.
    m_db.m_logTables.clear();
    return {};
}

// dd_changelog_end(): WriteTxn::changeLogEnd() for SQL on the writer
// connection (the streams' catalog triggers start streams after it).
void Database::changeLogEndFunction(sqlite3_context *ctx, int, sqlite3_value **)
{
    sqlite3_result_int64(ctx, static_cast<Database *>(sqlite3_user_data(ctx))->m_changeSeq);
}

void WriteTxn::changeLogConsumersChanged()
{
    m_db.m_loggedTables.reset();
}

void Database::addChangeLogConsumer(const QByteArray &tableIdsQuery)
{
    // Not under the write lock: the database is not shared yet, and this
    // thread may hold that lock already (a region opened inside a commit scope).
    std::lock_guard lock(m_logConsumersMutex);
    m_logConsumers.push_back(tableIdsQuery);
    m_loggedTables.reset();
}

Result<int> Database::logsChanges(qint64 tableId)
{
    if (!m_loggedTables) {
        std::lock_guard lock(m_logConsumersMutex);
        std::unordered_map<qint64, int> ids;
        for (const QByteArray &sql : m_logConsumers) {
            Statement *s = m_writer->prepare(sql);
            if (!s)
                return ApiError::internal(m_writer->lastError());
            const bool saysImages = sqlite3_column_count(s->handle()) > 1;
            while (s->step())
                ids[s->columnInt(0)] |= ChangeImages::Logged
                                        | (saysImages ? int(s->columnInt(1)) : ChangeImages::OldImage | ChangeImages::NewImage);
            if (!s->ok())
                return ApiError::internal(s->errorMessage());
            s->reset();
        }
        m_loggedTables = std::move(ids);
    }
    const auto it = m_loggedTables->find(tableId);
    return it == m_loggedTables->end() ? 0 : it->second;
}

} // namespace dd::storage
