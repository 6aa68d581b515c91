// Internal to the Database's .cpp files (database*.cpp): the checkpoint's
// limits and the figures it keeps, and how the connections map the file.
#pragma once

#include <QtGlobal>

#include <atomic>
#include <chrono>

namespace dd::storage::detail {

// WAL frames (pages) after which the checkpoint thread copies the WAL into
// the database and lets it start over (checkpointLoop); counted from where
// the last checkpoint left the WAL when a reader kept it from starting over.
constexpr int kCheckpointPages = 8000;
// The WAL file's size past which it is cut back when it starts over. SQLite
// cuts it in the first commit after the start, holding the writer: with
// twice what it holds under a steady PutItem load (64 MB), a heavy
// BatchWriteItem load (28,000 items/s, 20,000-40,000 frames between starts)
// had every such commit take 10-176 ms, 1.9 s of a 35 s load in all; at 8x
// (256 MB), 46 ms. Closing the database truncates it.
constexpr qint64 kWalSizeLimit = 8LL * kCheckpointPages * (4096 + 24);
// WAL frames past which writers wait for the checkpoint under way to end
// (awaitCheckpoint), when the machine copies and syncs slower than they
// commit: the WAL's bound. Above what a heavy BatchWriteItem load reaches
// between starts (40,000 frames).
constexpr int kWalFramesCap = 6 * kCheckpointPages;
// Frames a checkpoint leaves for its last pass, the one that holds writers
// off: unlocked passes copy the rest first (at most kCatchUpPasses of them,
// each copying what was committed during the one before, while that is less
// than what the one before copied).
constexpr int kHeldPassFrames = 256;
constexpr int kCatchUpPasses = 10;
// Times the checkpoint lets writers go on after taking the lock when a large
// commit came in just before (copying it first).
constexpr int kLockRetries = 2;
// Passes a checkpoint makes with background writes paused, before it holds
// writers off, to copy the whole WAL first (quietHeldPass); and how long a
// background write waits for them at most.
constexpr int kQuietPasses = 4;
constexpr auto kBackgroundPauseLimit = std::chrono::seconds(1);
// Times a pass is tried again when SQLite reports the WAL busy (checkpointPass).
constexpr int kBusyPassRetries = 5;
// Times the held pass waits 100 us for readers (checkpointBusy): for those
// reading now to finish, not for a long scan.
constexpr int kHeldPassWaits = 20;
// How long a checkpoint waits, in steps, for a reader whose snapshot holds
// most of the WAL back before it tries again later (catchUp): long enough
// for a reader that the machine stopped running mid-read to finish.
constexpr int kReaderWaits = 50;
constexpr auto kReaderWait = std::chrono::milliseconds(2);

// Microseconds since `since`, for CheckpointStats.
inline quint64 microsSince(std::chrono::steady_clock::time_point since)
{
    return quint64(std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - since).count());
}

// Raises a CheckpointStats maximum (written by the checkpoint thread only).
inline void raiseTo(std::atomic<quint64> &max, quint64 value)
{
    if (value > max.load(std::memory_order_relaxed))
        max.store(value, std::memory_order_relaxed);
}

// The writer maps the database file (SQLite's memory-mapped I/O) up to this
// size: a page found in the file is then read from memory, not copied in by
// a pread() each time it falls out of the page cache. Pages still in the WAL
// are read as before. Address space only; SQLite caps it at 2 GiB.
//
// Readers do not map it. SQLite 3.40 drops a connection's whole mapping
// (munmap, then mmap again and a page fault per page touched) whenever a
// read transaction finds that another connection committed since its last
// one: after nearly every write, each reader's next read did that, under
// the process's mmap lock for writing, which stalls the page faults of every
// other thread. Measured: GetItem p50 in process 72 -> 31 us and p99 217 ->
// 97 us with 500 puts/s beside it (backup_bench); over HTTP the shared
// bench's mixed workload 47,000-59,000 -> 68,000-76,000 requests/s, GetItem
// alone about 3% lower (pages copied by pread() when not in a reader's cache).
constexpr qint64 kMmapBytes = qint64(1) << 30;

} // namespace dd::storage::detail
