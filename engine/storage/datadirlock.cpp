#include "storage/datadirlock.h"

#include <QCoreApplication>
#include <QDir>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace dd::storage {

Result<std::unique_ptr<DataDirLock>> DataDirLock::acquire(const QString &dir)
{
    const QByteArray path = QDir(dir).filePath(QStringLiteral("LOCK")).toLocal8Bit();
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return ApiError::internal(QStringLiteral("Cannot open %1: %2").arg(QString::fromLocal8Bit(path), QString::fromLocal8Bit(strerror(errno))));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        char buf[256] = {};
        const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
        ::close(fd);
        const QString owner = QString::fromUtf8(buf, n > 0 ? int(n) : 0).trimmed();
        return ApiError::internal(QStringLiteral("Data directory %1 is in use by another process (%2)")
                                      .arg(dir, owner.isEmpty() ? QStringLiteral("unknown owner") : owner));
    }
    const QString app = QCoreApplication::instance() ? QCoreApplication::applicationName() : QStringLiteral("dynamodesk");
    const QByteArray owner = QStringLiteral("pid %1, %2\n").arg(::getpid()).arg(app).toUtf8();
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, owner.constData(), size_t(owner.size()), 0) != owner.size()) {
        // The lock is held; only the owner note is missing. Not fatal.
    }
    return std::unique_ptr<DataDirLock>(new DataDirLock(fd));
}

DataDirLock::~DataDirLock()
{
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
}

} // namespace dd::storage
