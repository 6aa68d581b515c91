// DataDirLock: one process owns a data directory. Holds an exclusive
// flock() on <dir>/LOCK for its lifetime; the kernel releases it when the
// process dies, so a crash leaves no stale lock. The file records the
// owner's pid so that a second process can name it.
#pragma once

#include "model/result.h"

#include <memory>

namespace dd::storage {

class DataDirLock {
public:
    // Takes the lock or returns an error naming the owner:
    // "Data directory /x is in use by another process (pid 123, dynamodesk-server)".
    static Result<std::unique_ptr<DataDirLock>> acquire(const QString &dir);
    ~DataDirLock(); // releases the lock

private:
    explicit DataDirLock(int fd) : m_fd(fd) {}
    int m_fd;
};

} // namespace dd::storage
