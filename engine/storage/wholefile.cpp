#include "storage/wholefile.h"
#include "storage/sealedfile.h"

#include <QSaveFile>

#include <cerrno>
#include <cstring>

namespace dd::storage {

std::optional<QString> writeWholeFile(const QString &path, const QByteArray &plain, const DataKeys *keys)
{
    const QByteArray bytes = keys ? sealedfile::seal(*keys, plain) : plain;
    QSaveFile f(path);
    errno = 0;
    // Unbuffered: a failing write(2) is seen at once, with its errno.
    if (f.open(QIODevice::WriteOnly | QIODevice::Unbuffered) && f.write(bytes) == bytes.size() && f.commit())
        return std::nullopt;
    const int error = errno;
    return error ? QString::fromLocal8Bit(std::strerror(error)) : f.errorString();
}

} // namespace dd::storage
