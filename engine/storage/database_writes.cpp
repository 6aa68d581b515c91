// Database's writes: one writer connection, requests' writes committed in
// groups (runWrite), background writes that make way for them, commit
// scopes and commit listeners.
#include "storage/database.h"
#include "storage/database_p.h"

#include <algorithm>
#include <thread>

#include <sqlite3.h>

namespace dd::storage {

using namespace detail;

namespace {

// Writes committed together at most by one group commit.
constexpr size_t kMaxGroupCommit = 128;

} // namespace

Result<void> Database::step(const QByteArray &sql)
{
    if (sql == "BEGIN IMMEDIATE") {
        forgetDroppedStatements(*m_writer);
        m_logTablesCreated.clear();
    }
    // A rollback may undo a consumer change: read the consumers again.
    if (sql.startsWith("ROLLBACK")) {
        m_loggedTables.reset();
        // It may undo a log's creation too: forget the logs this transaction
        // created (all of them, also for a savepoint's rollback: a log is
        // looked up again, not made twice). Not every log: the next write
        // of each would look its table up again.
        for (qint64 id : m_logTablesCreated)
            m_logTables.erase(id);
        m_logTablesCreated.clear();
        if (sql == "ROLLBACK")
            m_pendingLog.clear(); // the whole transaction: its changes too (a savepoint's: endBody)
    }
    Statement *s = m_writer->prepare(sql);
    if (!s)
        return ApiError::internal(m_writer->lastError());
    s->step();
    if (s->resultCode() != SQLITE_DONE)
        return ApiError::internal(s->errorMessage());
    return {};
}

std::optional<ApiError> Database::runWrite(PendingWrite &w)
{
    if (w.background) {
        std::unique_lock paused(m_pauseMutex);
        m_pauseEnded.wait_for(paused, kBackgroundPauseLimit, [this] { return !m_backgroundPaused; });
    }
    std::unique_lock lock(m_queueMutex);
    m_queue.push_back(&w);
    m_writeWaiters.fetch_add(1, std::memory_order_relaxed);
    while (!w.done && m_queue.front() != &w)
        w.cv.wait(lock);
    if (w.done)
        return w.commitError;
    std::vector<PendingWrite *> group{&w};
    m_writeWaiters.fetch_sub(1, std::memory_order_relaxed); // the group runs now: no longer waiting
    if (!w.background)
        takeQueuedRequests(group);
    lock.unlock();
    std::optional<ApiError> error;
    {
        awaitCheckpoint();
        std::lock_guard writeLock(m_writeMutex);
        m_groupThread.store(std::this_thread::get_id());
        error = executeGroup(group);
        m_groupThread.store(std::thread::id());
        if (!w.background)
            m_requestNs.store(steadyNs(), std::memory_order_relaxed);
    }
    lock.lock();
    for (PendingWrite *g : group) {
        g->done = true;
        g->commitError = error;
        if (g != &w)
            g->cv.notify_one();
    }
    std::erase_if(m_queue, [](const PendingWrite *g) { return g->done; });
    if (!m_queue.empty())
        m_queue.front()->cv.notify_one();
    return error;
}

bool Database::servedRequestsWithin(std::chrono::nanoseconds window) const
{
    const qint64 since = steadyNs() - qint64(window.count());
    if (m_requestNs.load(std::memory_order_relaxed) >= since)
        return true;
    for (const ReaderSlot &slot : m_readerSlots)
        if (slot.releasedNs.load(std::memory_order_relaxed) >= since)
            return true;
    return false;
}

void Database::takeQueuedRequests(std::vector<PendingWrite *> &group)
{
    // The group's leader heads the queue while the group runs (runWrite).
    int taken = 0;
    for (auto it = m_queue.begin() + 1; it != m_queue.end() && group.size() < kMaxGroupCommit; ++it) {
        if (!(*it)->background) {
            group.push_back(*it);
            ++taken;
        }
    }
    m_writeWaiters.fetch_sub(taken, std::memory_order_relaxed); // they run now: no longer waiting
}

std::optional<ApiError> Database::executeGroup(std::vector<PendingWrite *> &group)
{
    if (auto begun = step("BEGIN IMMEDIATE"); !begun.ok())
        return begun.error();
    StatsDeltas stats;
    for (size_t i = 0; i < group.size(); ++i) {
        PendingWrite *g = group[i];
        WriteTxn txn(*this, *m_writer, m_clock->nowMs());
        const bool single = group.size() == 1;
        const bool savepoint = !single && g->savepoint;
        const qint64 changesBefore = m_writer->totalChanges();
        if (savepoint && !step("SAVEPOINT w").ok()) {
            (void)step("ROLLBACK");
            discardCatalog();
            return ApiError::internal(m_writer->lastError());
        }
        // Catalog changes are seen at once by later writes of the group
        // (they run on this thread) and by the others after the commit.
        beginBody();
        const bool ok = g->body(txn);
        endBody(txn, ok);
        if (ok) {
            if (savepoint)
                (void)step("RELEASE w");
            txn.mergeStats(stats);
            // A background write's body ends early once writers wait: the
            // requests' writes queued meanwhile commit with it.
            if (g->background) {
                std::lock_guard lock(m_queueMutex);
                takeQueuedRequests(group);
            }
        } else if (single) {
            (void)step("ROLLBACK");
            discardCatalog();
            return std::nullopt; // the write reported its own error; nothing else to commit
        } else if (savepoint) {
            (void)step("ROLLBACK TO w");
            (void)step("RELEASE w");
        } else if (!unchangedSince(changesBefore)) {
            // A write without a savepoint failed after a change: what it did
            // cannot be taken back alone, so nothing of the group is kept.
            if (m_writer->inTransaction())
                (void)step("ROLLBACK");
            discardCatalog();
            (void)loadCatalog();
            return ApiError::internal(QStringLiteral("A write failed after changing the database; the writes committed with it were rolled back"));
        }
    }
    return commit(stats);
}

std::optional<ApiError> Database::commit(const StatsDeltas &stats)
{
    auto committed = flushChangeLog();
    if (committed.ok())
        committed = commitStats(stats);
    if (committed.ok())
        committed = step("COMMIT");
    if (!committed.ok()) {
        (void)step("ROLLBACK");
        discardCatalog();
        (void)loadCatalog();
        return committed.error();
    }
    publishStats(stats); // before the hooks, which may drop figures (forgetStats)
    publishCatalog();
    notifyCommit();
    return std::nullopt;
}

Result<void> Database::enterScope(CommitScope &scope)
{
    if (scope.m_db == this)
        return {};
    // After a failed commit every answer of the scope becomes that error
    // (finish()): a later write must not be kept either.
    if (auto failed = scope.commitPending())
        return *failed;
    m_writeWaiters.fetch_add(1, std::memory_order_relaxed);
    awaitCheckpoint();
    scope.m_lock = std::unique_lock(m_writeMutex);
    m_writeWaiters.fetch_sub(1, std::memory_order_relaxed);
    if (auto begun = step("BEGIN IMMEDIATE"); !begun.ok()) {
        scope.m_lock.unlock();
        return begun.error();
    }
    scope.m_db = this;
    return {};
}

bool Database::unchangedSince(qint64 changesBefore) const
{
    return m_writer->totalChanges() == changesBefore && m_writer->inTransaction();
}

void Database::leaveScopedWrite(CommitScope &scope, WriteTxn &txn, bool ok, std::optional<qint64> changesBefore)
{
    endBody(txn, ok);
    if (!ok) {
        if (!changesBefore) {
            (void)step("ROLLBACK TO w");
            (void)step("RELEASE w");
        } else if (!unchangedSince(*changesBefore)) {
            // A write without a savepoint failed after a change: it cannot
            // be taken back alone, so the scope's transaction is rolled back
            // and its writes fail, as when a commit fails.
            if (m_writer->inTransaction())
                (void)step("ROLLBACK");
            discardCatalog();
            (void)loadCatalog();
            if (!scope.m_error)
                scope.m_error = ApiError::internal(QStringLiteral("A write failed after changing the database; the writes committed with it were rolled back"));
            scope.m_db = nullptr;
            scope.m_stats.clear();
            scope.m_lock.unlock();
        }
        return;
    }
    if (!changesBefore)
        (void)step("RELEASE w");
    scope.m_wrote = true;
    txn.mergeStats(scope.m_stats);
}

std::optional<ApiError> Database::commitScope(CommitScope &scope)
{
    if (auto failed = commit(scope.m_stats))
        return failed;
    m_requestNs.store(steadyNs(), std::memory_order_relaxed);
    return std::nullopt;
}

int Database::addCommitListener(std::function<void()> fn)
{
    std::lock_guard lock(m_listenersMutex);
    const int id = m_nextListenerId++;
    m_commitListeners.emplace_back(id, std::move(fn));
    m_hasCommitListeners.store(true);
    return id;
}

void Database::removeCommitListener(int id)
{
    std::lock_guard lock(m_listenersMutex);
    std::erase_if(m_commitListeners, [id](const auto &l) { return l.first == id; });
    m_hasCommitListeners.store(!m_commitListeners.empty());
}

void Database::notifyCommit()
{
    if (!m_hasCommitListeners.load(std::memory_order_relaxed))
        return;
    std::lock_guard lock(m_listenersMutex);
    for (const auto &l : m_commitListeners)
        l.second();
}

} // namespace dd::storage
