// Teardown of the QFutureWatcher members that every feature holds. The
// owner's destructor disconnects them, so that no slot runs on a
// half-destroyed object, and never waits: a job holds what it uses (its
// Connection, which waits for its pool's jobs before it goes, and copies of
// its inputs), never its owner, so it may end after the owner has gone.
// Closing a window while a call to a slow endpoint is on its way is then
// instant, not a frozen window until the call times out.
#pragma once

#include <QFutureWatcher>

namespace dd::ui {

// A read or a wait that is no longer wanted: disconnected and cancelled (a
// job not started yet never runs; a running one stops at its next check).
template <typename T>
void stopWatcher(QFutureWatcher<T> &watcher)
{
    watcher.disconnect();
    watcher.cancel();
}

// A change the user asked for: disconnected, not cancelled, so that it is
// sent even if its window closes before the pool started it.
template <typename T>
void letFinish(QFutureWatcher<T> &watcher)
{
    watcher.disconnect();
}

} // namespace dd::ui
