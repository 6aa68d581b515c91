// RestorePreview: what a restore would load (the items of a backup or of a
// point in time), compared with the table as it is now, for
// Dynamodesk.PreviewRestore. Nothing is written: the items then are a
// Snapshot's ItemMap in memory, and the table now is read in Scan order
// ((h, pk, sk), storage/itemscan.h) in one read snapshot, merged with the
// items then sorted the same way, so that only `limit` items of each side
// are ever turned into JSON.
// Threads: compute() may run on any thread; it never blocks writers on disk
// (WAL readers); in memory the read holds the one connection while it scans.
#pragma once

#include "backup/snapshot.h"
#include "storage/database.h"

#include <QJsonArray>

namespace dd::backup {

struct RestorePreview {
    qint64 itemCount = 0;        // items then
    QJsonArray items;            // the first `limit` items then, in Scan (key) order, DynamoDB JSON
    QJsonArray differences;      // the first `limit` differing items in key order: {Key, Then (absent: none then), Now (absent: none now)}
    qint64 differenceCount = 0;  // all items that differ (added, removed or changed since)

    // Compares `then` (keyed by canonical key JSON under `keys`'s schema)
    // with table `now` (null: the table does not exist now, so everything
    // differs). `keys` gives the key schema and encoding; `now`, if given,
    // must have the same key schema. Errors: InternalServerError for an
    // unreadable item or SQLite failures.
    static Result<RestorePreview> compute(storage::Database &db, const storage::TableDef &keys, const storage::TableDef *now,
                                          const ItemMap &then, int limit);
};

} // namespace dd::backup
