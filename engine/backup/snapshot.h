// Snapshot: a table's description and items as of one read snapshot, and
// its file format, shared by on-demand backups (backup/) and PITR's base
// snapshots (pitr/). The encoding opens with a header (magic, format
// version, payload length, SHA-256 of the payload), so that a truncated or
// corrupted file is reported rather than restored.
// Threads: a Snapshot is a plain value; read() may be called from any thread.
#pragma once

#include "model/result.h"
#include "storage/database.h"

#include <QByteArray>
#include <QJsonObject>

#include <atomic>
#include <functional>
#include <map>

namespace dd::backup {

// Items by canonical key JSON (compact, sorted members): one entry per item.
using ItemMap = std::map<QByteArray, QByteArray>;

struct Snapshot {
    QJsonObject description;  // the table's stored description (TableDef::description)
    qint64 seq = 0;           // the change log's last seq in the snapshot: later changes are not in it
    qint64 timeMs = 0;        // when it was read
    ItemMap items;            // canonical key JSON -> item DynamoDB JSON
    qint64 itemBytes = 0;     // sum of DynamoDB item sizes

    // Reads `table` in one read transaction of `db` at time nowMs. If
    // given, `fixed` is called as soon as that transaction's snapshot is
    // fixed (its first read), before the scan, with the table's item count
    // and item bytes in it: a caller on another thread may answer then,
    // since nothing committed later can enter the snapshot. Once *cancel
    // is true (checked every few thousand items) the read stops with an
    // InternalServerError. `alsoRead`, if given, runs in the same read
    // transaction before the scan, for what must agree with the snapshot.
    static Result<Snapshot> read(storage::Database &db, const storage::TableDef &table, qint64 nowMs,
                                 const std::function<void(qint64 itemCount, qint64 itemBytes)> &fixed = {},
                                 const std::atomic<bool> *cancel = nullptr,
                                 const std::function<Result<void>(storage::Connection &)> &alsoRead = {});

    // The file format; decode() fails with `what` in the message for a
    // truncated or corrupted encoding. verifyChecksum false skips the
    // SHA-256 of the payload (about 100 MB/s), for a caller that runs
    // verify() on another thread at the same time.
    QByteArray encode() const;
    static Result<Snapshot> decode(const QByteArray &bytes, const QString &what, bool verifyChecksum = true);
    // The cheap checks of decode(), for a restore to make before it returns:
    // the header (magic, version, payload length against `totalSize`, the
    // size of the whole encoding) and the description, from `head`, the
    // encoding's first bytes; not the checksum. Errors as decode(). If
    // `head` is too short for the description, returns an empty object and
    // sets *needed to the head size that holds it.
    static Result<QJsonObject> peekDescription(const QByteArray &head, qint64 totalSize, const QString &what, qint64 *needed);
    // Head bytes that hold the header and most descriptions.
    static constexpr qint64 kPeekBytes = 64 * 1024;
    // The checksum check of decode() alone; the header must have passed
    // peekDescription(). Error: InternalServerError naming `what`.
    static Result<void> verify(const QByteArray &bytes, const QString &what);
};

// The canonical key JSON of `item` (DynamoDB JSON of an item or of its keys)
// under the key schema of `description`; empty if a key attribute is missing.
QByteArray canonicalKey(const QJsonObject &description, const QByteArray &itemJson);

} // namespace dd::backup
