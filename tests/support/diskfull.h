// What the tests of a full disk share: a limit on the size of this
// process's files (RLIMIT_FSIZE, no root or tmpfs needed, so they run in
// CI), under which a write past it fails with EFBIG as a full disk's fails
// with ENOSPC; and a WAL copied into its database first, so that nothing
// but the write under test needs the disk meanwhile.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QThread>

#include <sqlite3.h>
#include <sys/resource.h>

#include <csignal>

namespace dd::testsupport {

// While alive, no file of this process may grow past `bytes`; SIGXFSZ is
// ignored meanwhile, so that such a write fails instead of ending the
// process. ok() says whether the limit was set.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        m_handler = std::signal(SIGXFSZ, SIG_IGN);
        if (getrlimit(RLIMIT_FSIZE, &m_saved) != 0)
            return;
        rlimit limit = m_saved;
        limit.rlim_cur = bytes;
        m_ok = setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit()
    {
        if (m_ok)
            setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_handler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;
    bool ok() const { return m_ok; }

private:
    rlimit m_saved{};
    void (*m_handler)(int) = SIG_DFL;
    bool m_ok = false;
};

// Copies the WAL of the SQLite database `path` into it with passive
// checkpoints on a connection of our own, repeated while the engine's
// checkpointer holds the lock; false if frames were left after 30 s.
inline bool checkpointWal(const QString &path)
{
    sqlite3 *db = nullptr;
    bool copied = false;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr); // opens the WAL
        for (int i = 0; i < 300 && !copied; ++i) {
            int log = -1, done = -1;
            copied = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &done) == SQLITE_OK && log >= 0 && done == log;
            if (!copied)
                QThread::msleep(100);
        }
    }
    sqlite3_close(db);
    return copied;
}

} // namespace dd::testsupport
