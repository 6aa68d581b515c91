// Sealed files: the engine's own files beside an encrypted database
// (backups, their descriptions, PITR base snapshots) encrypted and
// authenticated with AES-256-GCM under DataKeys::file.
//
// Format: a 48-byte header ("DDSEALED", format version 1, the chunk size,
// a random 32-byte salt), then the plaintext in chunks of kChunkBytes (the
// last one shorter, possibly empty), each followed by its 16-byte tag. The
// key of a file is HKDF(DataKeys::file, salt); chunk i's nonce is i; each
// chunk authenticates the header and whether it is the last one, so a file
// cut short at a chunk boundary, chunks swapped or the header changed all
// fail to open. The plaintext's size follows from the file's.
// Threads: any.
#pragma once

#include "model/result.h"
#include "storage/cipher.h"

#include <QByteArray>
#include <QString>

#include <optional>

class QIODevice;

namespace dd::storage::sealedfile {

constexpr int kHeaderBytes = 48;
constexpr int kChunkBytes = 64 * 1024;

// Whether `head` (a file's first bytes) starts a sealed file.
bool isSealed(const QByteArray &head);

QByteArray seal(const DataKeys &keys, const QByteArray &plain);

// The plaintext of `sealed`; an InternalServerError naming `what` if it is
// not a sealed file, was cut short, changed, or sealed with other keys.
Result<QByteArray> open(const DataKeys &keys, const QByteArray &sealed, const QString &what);

// The plaintext's size for a sealed file of `sealedBytes`; -1 if no sealed
// file has that size.
qint64 plainSize(qint64 sealedBytes);

// At least the first `maxBytes` of the plaintext of the sealed file open in
// `file` (all of it if shorter), reading only the chunks that hold them, and
// always the first (so the header is checked too).
Result<QByteArray> openHead(const DataKeys &keys, QIODevice &file, qint64 maxBytes, const QString &what);

// Reads the file at `path` whole: its plaintext if `keys` is given (errors
// as open()), else its bytes. `what` names it in errors.
Result<QByteArray> readFile(const QString &path, const DataKeys *keys, const QString &what);

} // namespace dd::storage::sealedfile
