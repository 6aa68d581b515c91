// Compression of the files that exports write and imports read: gzip
// (zlib, as S3 exports use) and, for imports, zstd (libzstd) and none.
// Threads: plain functions, any thread.
#pragma once

#include "model/result.h"

#include <QByteArray>

namespace dd::migration {

// `data` as one gzip member (compression level 6, zlib's default).
QByteArray gzip(QByteArrayView data);
// The uncompressed bytes of gzip data of one or more members. Error: an
// InternalServerError saying why for data that is not gzip, truncated or
// corrupted (checked by each member's CRC-32), or that inflates past
// `maxBytes`.
Result<QByteArray> gunzip(QByteArrayView data, qint64 maxBytes);

// The uncompressed bytes of zstd data of one or more frames. Errors as
// gunzip().
Result<QByteArray> unzstd(QByteArrayView data, qint64 maxBytes);

} // namespace dd::migration
