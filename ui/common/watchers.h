// Teardown of the QFutureWatcher members that every feature holds: the
// owner's destructor disconnects, cancels and waits, so no slot runs on a
// half-destroyed object and no job outlives what it writes to.
#pragma once

#include <QFutureWatcher>

namespace dd::ui {

template <typename T>
void stopWatcher(QFutureWatcher<T> &watcher)
{
    watcher.disconnect();
    watcher.cancel();
    watcher.waitForFinished();
}

} // namespace dd::ui
