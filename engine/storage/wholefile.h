// writeWholeFile: a file written whole or not at all, for the engine's own
// files beside its database (backups, PITR base snapshots): the bytes go to
// a temporary file that is synced and renamed over `path` (QSaveFile).
#pragma once

#include "storage/cipher.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace dd::storage {

// Empty on success; otherwise why not, in the system's words ("No space
// left on device"), which QSaveFile's own errorString() loses for a write
// that fails part way. `path` is then as it was. With `keys`, the file is
// sealed (storage/sealedfile.h).
std::optional<QString> writeWholeFile(const QString &path, const QByteArray &bytes, const DataKeys *keys = nullptr);

} // namespace dd::storage
