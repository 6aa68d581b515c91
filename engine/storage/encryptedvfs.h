// EncryptedVfs: a SQLite VFS over the default one that keeps a database's
// files encrypted on disk (encryption at rest), for SQLite as Debian ships
// it (SQLCipher in Debian 12 is 3.4, on SQLite 3.15: too old).
//
// - The database and its WAL are encrypted a page at a time with
//   AES-256-GCM. Each database page keeps kReserveBytes at its end that
//   SQLite leaves alone (the header's "reserved space", set by
//   prepareNewDatabase() before the first write); the VFS stores there the
//   page's nonce (new for every write) and tag. SQLite sees plain pages
//   whose reserved bytes are zero; the WAL's frame checksums are computed
//   over those. The tag binds the page to its file and offset, so a page
//   changed, swapped or moved on disk fails to read (SQLITE_IOERR_DATA).
//   WAL frame headers (page number, salts, checksums) stay plain, as the
//   -shm index does.
// - The rollback journal is encrypted with AES-256-CTR by file offset
//   under a random nonce per file (kept in a 16-byte header), and SQLite's
//   temporary files the same way under a key that dies with the process.
// - No memory mapping: SQLite reads pages through the VFS only.
// A database is opened through it by uri(), whose "ddkeys" parameter names
// the keys add() registered.
// Threads: add()/remove()/uri() may be called from any thread.
#pragma once

#include "storage/cipher.h"

#include <QString>

#include <memory>

struct sqlite3;

namespace dd::storage::encryptedvfs {

constexpr int kPageSize = 4096;
constexpr int kReserveBytes = 32;

// The VFS's name for sqlite3_open_v2(); registers it on the first call.
const char *name();

// Registers `keys` for the databases opened with uri(path, id); remove(id)
// when none is open any more.
quint64 add(std::shared_ptr<const DataKeys> keys);
void remove(quint64 id);

// The URI that opens `path` encrypted with the keys `id` (SQLITE_OPEN_URI).
QString uri(const QString &path, quint64 id);

// For a connection just opened through uri(): sets the page size and the
// reserved bytes the page encryption needs, which SQLite takes only before
// the database's first write. Returns a SQLite result code.
int prepareNewDatabase(sqlite3 *db);

// True if `path` is a SQLite database in the clear (its header says so).
bool isPlainDatabase(const QString &path);

} // namespace dd::storage::encryptedvfs
