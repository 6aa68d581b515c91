// CheckpointStats: what a database's checkpoint thread did since open (on
// disk; zeros in memory), for tests and benchmarks (Database::checkpointStats,
// api::Engine::checkpointStats).
#pragma once

#include <QtGlobal>

namespace dd::storage {

struct CheckpointStats {
    quint64 passes = 0;      // passes, passive and held
    quint64 heldPasses = 0;  // last passes, which held writers off
    // Held passes that had nothing left to copy (background writes paused
    // while the passes caught up). Read after heldPasses, at least as many
    // as there were among them.
    quint64 quietPasses = 0;
    // Passes that copied the whole WAL (after each the WAL starts over at
    // the next commit unless a reader's snapshot still uses it).
    quint64 completed = 0;
    quint64 heldMicros = 0;     // how long writers were held off, in all
    quint64 maxHeldMicros = 0;  // and at most
    quint64 maxLockWaitMicros = 0; // the longest a checkpoint waited for the write lock
    quint64 postponed = 0;      // checkpoints given up because a reader's snapshot held the WAL back
    quint64 maxSyncMicros = 0;  // the longest fsync of the database file or the WAL a checkpoint made
};

} // namespace dd::storage
