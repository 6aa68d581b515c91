// CommitScope: group commit for an event loop. While a scope is current on
// a thread, every Database::write on that thread runs in one open SQLite
// transaction (each write in its own savepoint) that commits when the scope
// finishes. The HTTP endpoint opens a scope around each turn of a worker's
// event loop and holds that turn's responses until finish() has committed,
// so a write is acknowledged only once it is durable, and the turn's writes
// share one commit without handing work to another thread.
//
// A scope holds the write lock of at most one database at a time and never
// waits for another lock while holding one (it commits first), so scopes on
// different threads cannot deadlock.
#pragma once

#include "model/result.h"
#include "storage/statsdeltas.h"

#include <mutex>
#include <optional>

namespace dd::storage {

class Database;

class CommitScope {
public:
    CommitScope();  // becomes the calling thread's current scope
    ~CommitScope(); // finishes if finish() was not called

    // Commits what the scope's writes did and releases the write lock.
    // Returns the error of a commit that failed (then none of the writes of
    // this scope are kept, and their callers must not be told they succeeded).
    // A scope also commits early, when its writes move to another database:
    // if that fails, its later writes fail at once with the same error.
    std::optional<ApiError> finish();

    bool wrote() const { return m_wrote; }
    static CommitScope *current(); // the calling thread's scope, or null

    // While a Detach lives, the calling thread has no current scope: its
    // writes commit on their own, as outside any scope. The scope that was
    // current first commits what it holds (a failure is still reported by
    // its finish()), so that the thread holds no write lock meanwhile. For
    // work that must not depend on the turn's commit, such as a region's
    // install steps when its database opens. Same thread only; nests.
    class Detach {
    public:
        Detach();
        ~Detach();
        Detach(const Detach &) = delete;
        Detach &operator=(const Detach &) = delete;

    private:
        CommitScope *m_saved; // the scope made current again at the end
    };

private:
    friend class Database;
    std::optional<ApiError> commitPending(); // commits now and releases the lock; the scope stays current

    Database *m_db = nullptr;                 // whose transaction is open, if any
    std::unique_lock<std::mutex> m_lock;      // that database's write lock
    StatsDeltas m_stats;                      // item-count and size deltas of the scope's writes
    std::optional<ApiError> m_error;          // the first failed commit
    bool m_wrote = false;
    CommitScope *m_previous = nullptr;
};

} // namespace dd::storage
