// Database's readers: pooled read-only connections, each keeping its
// snapshot between requests while nothing commits.
#include "storage/database.h"
#include "storage/database_p.h"

#include <atomic>

#include <sqlite3.h>

namespace dd::storage {

using namespace detail;

namespace {

// The reader slot a thread tries first: threads start at different slots,
// so that each tends to get back the reader it used last.
size_t readerSlotHint()
{
    static std::atomic<size_t> next{0};
    thread_local const size_t hint = next.fetch_add(1, std::memory_order_relaxed);
    return hint;
}

} // namespace

Connection *Database::acquireReader()
{
    const size_t start = readerSlotHint();
    for (size_t i = 0; i < kReaderSlots; ++i) {
        std::atomic<Connection *> &slot = m_readerSlots[(start + i) % kReaderSlots].conn;
        if (slot.load(std::memory_order_relaxed)) {
            if (Connection *c = slot.exchange(nullptr, std::memory_order_acquire))
                return c;
        }
    }
    auto c = openConnection(true);
    if (!c.ok())
        return nullptr;
    (void)(*c)->exec("PRAGMA cache_size=-16384; PRAGMA mmap_size=0;"); // not mapped: see kMmapBytes
    return c->release();
}

void Database::releaseReader(Connection *c)
{
    // A snapshot that a commit made stale is not kept while idle.
    if (c->m_readOpen && c->m_readSeq != m_commitSeq.load())
        endRead(*c);
    const size_t start = readerSlotHint();
    for (size_t i = 0; i < kReaderSlots; ++i) {
        Connection *empty = nullptr;
        ReaderSlot &slot = m_readerSlots[(start + i) % kReaderSlots];
        if (slot.conn.compare_exchange_strong(empty, c, std::memory_order_release, std::memory_order_relaxed)) {
            // The slot's cache line is this thread's now: the store costs no more.
            slot.releasedNs.store(steadyNs(), std::memory_order_relaxed);
            return;
        }
    }
    delete c; // the pool is full
}

Result<void> Database::beginRead(Connection &c)
{
    // The count is read before the snapshot is taken (by the first read
    // after BEGIN), so the snapshot holds at least every commit counted.
    const quint64 seq = m_commitSeq.load();
    if (c.m_readOpen) {
        if (c.m_readSeq == seq)
            return {};
        endRead(c);
    }
    forgetDroppedStatements(c);
    Statement *s = c.prepare("BEGIN");
    if (!s || (s->step(), s->resultCode() != SQLITE_DONE))
        return ApiError::internal(c.lastError());
    c.m_readOpen = true;
    c.m_readSeq = seq;
    return {};
}

void Database::endRead(Connection &c)
{
    // A statement left active would keep the snapshot past the COMMIT.
    for (sqlite3_stmt *s = sqlite3_next_stmt(c.handle(), nullptr); s; s = sqlite3_next_stmt(c.handle(), s)) {
        if (sqlite3_stmt_busy(s))
            sqlite3_reset(s);
    }
    if (Statement *s = c.prepare("COMMIT"))
        s->step();
    if (!sqlite3_get_autocommit(c.handle()))
        (void)c.exec("ROLLBACK");
    c.m_readOpen = false;
}

void Database::endIdleReads(bool all)
{
    const quint64 seq = m_commitSeq.load();
    for (ReaderSlot &slot : m_readerSlots) {
        Connection *c = slot.conn.exchange(nullptr, std::memory_order_acquire);
        if (!c)
            continue;
        if (c->m_readOpen && (all || c->m_readSeq != seq))
            endRead(*c);
        Connection *empty = nullptr;
        if (!slot.conn.compare_exchange_strong(empty, c, std::memory_order_release, std::memory_order_relaxed))
            releaseReader(c); // a thread put another reader there meanwhile
    }
}

void WriteTxn::droppedTables()
{
    onCommit([db = &m_db] { db->m_tableDrops.fetch_add(1, std::memory_order_relaxed); });
}

void Database::forgetDroppedStatements(Connection &c)
{
    const quint64 drops = m_tableDrops.load(std::memory_order_relaxed);
    if (c.m_dropsSeen == drops)
        return;
    // Only between transactions, with no statement stepping; should one
    // still be, the next transaction tries again.
    for (sqlite3_stmt *s = sqlite3_next_stmt(c.handle(), nullptr); s; s = sqlite3_next_stmt(c.handle(), s))
        if (sqlite3_stmt_busy(s))
            return;
    c.clearCache();
    c.m_dropsSeen = drops;
}

} // namespace dd::storage
