// Database's checkpoints: the thread that copies the WAL into the database
// file and lets it start over, without holding writers off longer than a
// short last pass (storage/database.h, "Durable writes and checkpoints" in
// the README).
#include "storage/database.h"
#include "storage/database_p.h"

#include <algorithm>
#include <limits>
#include <thread>

#include <pthread.h>
#include <sqlite3.h>

namespace dd::storage {

using namespace detail;

int Database::walHook(void *self, sqlite3 *, const char *, int pages)
{
    auto *db = static_cast<Database *>(self);
    db->m_commitSeq.fetch_add(1);
    // Under the write lock, as every commit. Fewer frames than the commit
    // before: the WAL started over; the next checkpoint is due once it
    // holds kCheckpointPages again.
    if (pages < db->m_walFrames.load(std::memory_order_relaxed))
        db->m_checkpointAt.store(kCheckpointPages, std::memory_order_relaxed);
    db->m_walFrames.store(pages, std::memory_order_relaxed);
    if (pages >= db->m_checkpointAt.load(std::memory_order_relaxed)) {
        {
            std::lock_guard lock(db->m_checkpointMutex);
            db->m_checkpointWanted = true;
        }
        db->m_checkpointWake.notify_one();
    }
    return SQLITE_OK;
}

void Database::checkpointLoop()
{
    pthread_setname_np(pthread_self(), "dd-checkpoint");
    std::unique_lock lock(m_checkpointMutex);
    for (;;) {
        m_checkpointWake.wait(lock, [this] { return m_checkpointWanted || m_stopping; });
        if (m_stopping)
            break;
        m_checkpointWanted = false;
        lock.unlock();
        checkpoint();
        lock.lock();
        // Commits during the checkpoint asked again; the next one past
        // m_checkpointAt will.
        m_checkpointWanted = false;
    }
    lock.unlock();
    // On the way out, leave a small WAL behind.
    sqlite3_wal_checkpoint_v2(m_checkpointer->handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
}

Database::CheckpointPass Database::checkpointPass()
{
    // Idle readers' stale snapshots would hold the pass back.
    endIdleReads(false);
    CheckpointPass pass;
    // A pass that meets a commit updating the WAL's index may find it
    // changing and report SQLITE_BUSY, having copied nothing and measured
    // nothing: try again. (Taken as a pass of an empty WAL, it was not held
    // back by a reader, and the checkpoint held writers off while a reader's
    // snapshot kept the WAL from starting over: one run in 20 of
    // walStartsOverOnceAReaderLetsGo.)
    int rc = SQLITE_BUSY;
    for (int i = 0; i < kBusyPassRetries && rc == SQLITE_BUSY; ++i) {
        if (i > 0)
            std::this_thread::sleep_for(std::chrono::microseconds(100));
        rc = sqlite3_wal_checkpoint_v2(m_checkpointer->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &pass.logFrames, &pass.copiedFrames);
    }
    if (rc != SQLITE_OK || pass.logFrames < 0)
        pass.logFrames = pass.copiedFrames = 0;
    m_checkpointPasses.fetch_add(1, std::memory_order_relaxed);
    return pass;
}

int Database::checkpointBusy(void *self, int count)
{
    // The held pass waits for readers: idle ones end their snapshots, the
    // others finish their reads (a GetItem's microseconds); it gives up on
    // a long one (a scan).
    if (count >= kHeldPassWaits)
        return 0;
    static_cast<Database *>(self)->endIdleReads(true);
    std::this_thread::sleep_for(std::chrono::microseconds(100));
    return 1;
}

bool Database::heldBackByReader(const CheckpointPass &pass)
{
    // A reader that began a moment ago holds back only what was committed
    // since, some frames.
    return pass.logFrames - pass.copiedFrames > kHeldPassFrames;
}

int Database::framesBehind(const CheckpointPass &pass) const
{
    // The WAL's frames now (after the last commit) that are not copied; none
    // once the WAL started over.
    return std::max(0, m_walFrames.load(std::memory_order_relaxed) - pass.copiedFrames);
}

void Database::syncFile(int which)
{
    sqlite3_file *file = nullptr;
    if (sqlite3_file_control(m_checkpointer->handle(), "main", which, &file) == SQLITE_OK && file && file->pMethods) {
        const auto since = std::chrono::steady_clock::now();
        file->pMethods->xSync(file, SQLITE_SYNC_NORMAL);
        if (const int delay = m_syncDelayMs.load(std::memory_order_relaxed))
            std::this_thread::sleep_for(std::chrono::milliseconds(delay));
        raiseTo(m_checkpointMaxSyncMicros, microsSince(since));
    }
}

void Database::checkpoint()
{
    // The WAL starts over only when a write begins with all of it copied
    // into the database and no reader using it; under steady writes passes
    // that let writers go on never get there (they commit more meanwhile),
    // and the WAL, each commit's frame appends and every read's frame
    // lookups grew without bound. So the last pass holds writers off. It
    // is kept short: unlocked passes copy nearly everything first, and the
    // database file is synced before it. (A pass that cannot copy the whole
    // WAL, as these cannot while writers commit, writes the pages without
    // syncing the database file: the WAL still holds them. The pass that
    // completes it syncs the file, and with everything the earlier passes
    // copied still unsynced, that took tens of milliseconds, all of them
    // holding writers off.)
    // Writes wait while the WAL is past kWalFramesCap, until the end of the
    // checkpoint (but not while a reader holds it back: catchUp).
    setWalCapped(true);
    struct Uncap {
        Database *db;
        ~Uncap() { db->setWalCapped(false); }
    } uncap{this};
    CheckpointPass pass = checkpointPass();
    if (!catchUp(pass)) {
        // A reader's snapshot keeps much of the WAL from being copied (a
        // long scan, a backup): holding writers off would not let it start
        // over. Try again once the WAL has grown a little.
        postpone(pass);
        return;
    }
    // Background writes wait from here to the end of the checkpoint.
    pauseBackground(true);
    struct Resume {
        Database *db;
        ~Resume() { db->pauseBackground(false); }
    } resume{this};
    if (quietHeldPass(pass))
        return;
    // (Writers that outran the passes are held off all the same, however
    // long the pass takes: the WAL stays bounded.) The held pass syncs the
    // WAL's new frames before it copies them: sync those committed so far
    // now, so that it syncs only the last few.
    syncFile(SQLITE_FCNTL_JOURNAL_POINTER);
    std::unique_lock writers(m_writeMutex, std::defer_lock);
    for (int i = 0;; ++i) {
        const int behindBefore = framesBehind(pass);
        lockWriters(writers);
        // A large commit came in while it waited for the lock (a restore's,
        // say, which commits when others wait): copy it with writers going on.
        if (framesBehind(pass) <= std::max(kHeldPassFrames, 2 * behindBefore) || i == kLockRetries)
            break;
        writers.unlock();
        const CheckpointPass next = checkpointPass();
        if (heldBackByReader(next)) {
            postpone(next); // as above
            return;
        }
        pass = next;
        syncFile(SQLITE_FCNTL_FILE_POINTER);
    }
    heldPass(writers, false);
}

bool Database::catchUp(CheckpointPass &pass)
{
    for (int waits = 0;;) {
        int behind = std::numeric_limits<int>::max();
        for (int i = 0; i < kCatchUpPasses; ++i) {
            // Sync what the passes copied while writers go on: the held pass
            // then syncs only its own few pages.
            syncFile(SQLITE_FCNTL_FILE_POINTER);
            const int nowBehind = framesBehind(pass);
            // Caught up, or not catching up: writers as fast as the passes
            // would make the WAL grow while they chase them (hold them off now,
            // while the held pass has the least to copy).
            if (nowBehind <= kHeldPassFrames || nowBehind >= behind)
                break;
            behind = nowBehind;
            const CheckpointPass next = checkpointPass();
            const bool progressed = next.copiedFrames > pass.copiedFrames || next.logFrames < pass.logFrames;
            pass = next;
            if (!progressed)
                break; // a reader's snapshot holds it back
        }
        if (!heldBackByReader(pass))
            return true;
        // A reader holds it back: a long one (a scan, a backup), or one
        // reading for microseconds that the machine stopped running for a
        // while. Passes made back to back cannot tell them apart; a
        // preempted reader finishes once it runs again. Wait for it, without
        // holding writers off (aReaderStoppedForAMomentDoesNotPostponeTheCheckpoint).
        setWalCapped(false);
        for (bool progressed = false; !progressed;) {
            if (waits++ == kReaderWaits)
                return false;
            std::this_thread::sleep_for(kReaderWait);
            const CheckpointPass next = checkpointPass();
            progressed = next.copiedFrames > pass.copiedFrames || next.logFrames < pass.logFrames;
            pass = next;
        }
        setWalCapped(true);
    }
}

void Database::postpone(const CheckpointPass &pass)
{
    // Soon, so that the WAL starts over shortly after the reader lets go:
    // the passes in the meantime are quick, as they copy little.
    m_checkpointAt.store(pass.logFrames + kCheckpointPages / 8, std::memory_order_relaxed);
    m_checkpointsPostponed.fetch_add(1, std::memory_order_relaxed);
}

bool Database::quietHeldPass(CheckpointPass &pass)
{
    // With requests' commits alone (a few frames a millisecond, or none), a
    // pass often copies all of the WAL; the RESTART then neither copies nor
    // syncs, and holds writers off for microseconds instead of two fsyncs
    // (1-2 ms each held pass here, 33 of them during two restores of 400,000
    // items). Under a heavy request load the passes never catch up, and the
    // held pass of checkpoint() copies the rest.
    int behind = std::numeric_limits<int>::max();
    for (int i = 0; i < kQuietPasses; ++i) {
        const int nowBehind = framesBehind(pass);
        if (nowBehind > kHeldPassFrames && nowBehind >= behind)
            return false; // requests commit as fast as the passes copy
        behind = nowBehind;
        if (nowBehind == 0) {
            std::unique_lock writers(m_writeMutex, std::defer_lock);
            lockWriters(writers);
            if (framesBehind(pass) == 0) {
                heldPass(writers, true);
                return true;
            }
            behind = std::numeric_limits<int>::max(); // a commit came in first: try again
        }
        const CheckpointPass next = checkpointPass();
        if (heldBackByReader(next))
            return false; // (a reader that began during the pass: the held pass copies the rest)
        pass = next;
    }
    return false;
}

void Database::lockWriters(std::unique_lock<std::mutex> &writers)
{
    // Queued writers count the checkpoint as one of them, so that long
    // background writers (restores) commit and let it in.
    m_writeWaiters.fetch_add(1, std::memory_order_relaxed);
    const auto since = std::chrono::steady_clock::now();
    writers.lock();
    raiseTo(m_checkpointMaxLockWaitMicros, microsSince(since));
    m_writeWaiters.fetch_sub(1, std::memory_order_relaxed);
}

void Database::setWalCapped(bool capped)
{
    {
        std::lock_guard cap(m_capMutex);
        m_walCapped.store(capped, std::memory_order_release);
    }
    if (!capped)
        m_capLifted.notify_all();
}

bool Database::walOverCap() const
{
    return m_walCapped.load(std::memory_order_acquire) && m_walFrames.load(std::memory_order_relaxed) > kWalFramesCap;
}

void Database::awaitCheckpoint()
{
    if (!walOverCap())
        return;
    std::unique_lock cap(m_capMutex);
    m_capLifted.wait(cap, [this] { return !walOverCap(); });
}

void Database::heldPass(std::unique_lock<std::mutex> &writers, bool quiet)
{
    const auto heldSince = std::chrono::steady_clock::now();
    // RESTART: copy the rest, then wait until no reader uses the WAL (idle
    // readers end their snapshots, see checkpointBusy), so that the next
    // commit starts it over; the readers that begin from then on read the
    // database file alone.
    CheckpointPass pass;
    const int rc = sqlite3_wal_checkpoint_v2(m_checkpointer->handle(), nullptr, SQLITE_CHECKPOINT_RESTART, &pass.logFrames,
                                             &pass.copiedFrames);
    m_checkpointPasses.fetch_add(1, std::memory_order_relaxed);
    // The next checkpoint is due kCheckpointPages past this one's end; once
    // the next commit starts the WAL over, past its start (walHook). If a
    // reader kept the WAL from starting over, sooner.
    const bool complete = rc == SQLITE_OK && pass.logFrames > 0 && pass.copiedFrames == pass.logFrames;
    m_checkpointAt.store(std::max(pass.logFrames, 0) + (complete ? kCheckpointPages : kCheckpointPages / 8), std::memory_order_relaxed);
    if (complete)
        m_checkpointsCompleted.fetch_add(1, std::memory_order_relaxed);
    writers.unlock();
    // Quiet ones counted first: a reader of heldPasses, then quietPasses, finds as many quiet ones as it should.
    if (quiet)
        m_checkpointQuietPasses.fetch_add(1, std::memory_order_release);
    m_checkpointHeldPasses.fetch_add(1, std::memory_order_release);
    const quint64 held = microsSince(heldSince);
    m_checkpointHeldMicros.fetch_add(held, std::memory_order_relaxed);
    raiseTo(m_checkpointMaxHeldMicros, held);
}

void Database::pauseBackground(bool paused)
{
    std::lock_guard lock(m_pauseMutex);
    m_backgroundPaused = paused;
    if (!paused)
        m_pauseEnded.notify_all();
}

Database::CheckpointStats Database::checkpointStats() const
{
    CheckpointStats s;
    s.passes = m_checkpointPasses.load(std::memory_order_relaxed);
    s.heldPasses = m_checkpointHeldPasses.load(std::memory_order_acquire);
    s.quietPasses = m_checkpointQuietPasses.load(std::memory_order_acquire);
    s.completed = m_checkpointsCompleted.load(std::memory_order_relaxed);
    s.heldMicros = m_checkpointHeldMicros.load(std::memory_order_relaxed);
    s.maxHeldMicros = m_checkpointMaxHeldMicros.load(std::memory_order_relaxed);
    s.maxLockWaitMicros = m_checkpointMaxLockWaitMicros.load(std::memory_order_relaxed);
    s.postponed = m_checkpointsPostponed.load(std::memory_order_relaxed);
    s.maxSyncMicros = m_checkpointMaxSyncMicros.load(std::memory_order_relaxed);
    return s;
}

} // namespace dd::storage
