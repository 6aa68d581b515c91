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

    // Reads `table` in one read transaction of `db` at time nowMs.
    static Result<Snapshot> read(storage::Database &db, const storage::TableDef &table, qint64 nowMs);

    // The file format; decode() fails with `what` in the message for a
    // truncated or corrupted encoding.
    QByteArray encode() const;
    static Result<Snapshot> decode(const QByteArray &bytes, const QString &what);
};

// The canonical key JSON of `item` (DynamoDB JSON of an item or of its keys)
// under the key schema of `description`; empty if a key attribute is missing.
QByteArray canonicalKey(const QJsonObject &description, const QByteArray &itemJson);

// Writes `items` into the (new, empty) table `tableName` through
// storage::applyPut, in the table's key order, `pageSize` items per write
// transaction, so that requests never wait long. Returns the number of
// items written; fails if the table is deleted (or replaced) meanwhile.
// 100 items per transaction: the restore holds the single writer for about a
// millisecond at a time (500 doubled PutItem's p99 during restores, at the same load rate).
Result<qint64> loadItems(storage::Database &db, const QString &tableName, const ItemMap &items, int pageSize = 100);

} // namespace dd::backup
