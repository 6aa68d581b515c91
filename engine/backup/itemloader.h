// ItemLoader: the write half of a restore. prepare() puts a restore's
// items in the table's key order ((h, pk, sk), the order of its SQLite
// B-tree), reading only their keys (the ItemMap's canonical key JSON, a few
// bytes each); write() inserts them through storage::applyPut, so that
// indexes, statistics and the change log follow as for PutItem, while a
// helper thread parses the whole items (for their sizes) a little ahead of
// it: the parse of one page overlaps the writes of the one before. The
// helper runs under SCHED_IDLE (idleThreadPriority): on a busy machine it
// gives its core to requests at once. In key
// order the rows append to the B-trees; in any other order nearly every row
// touched another page and each commit wrote hundreds of pages to the WAL.
//
// write() shares the single writer with requests: each transaction commits
// after kMaxTxnMicros of work, and early, after any item, once another
// thread waits for the write lock (Database::writersWaiting()); the
// requests' writes queued meanwhile join its commit (WriteFor::Background),
// so that a request waits for about one item's insert more than it would.
// Threads: prepare() on any thread; write() on one thread at a time.
#pragma once

#include "backup/snapshot.h"
#include "storage/itemstore.h"

#include <atomic>
#include <chrono>
#include <vector>

namespace dd::backup {

class ItemLoader {
public:
    // Body time of one restore transaction, in microseconds.
    static constexpr qint64 kMaxTxnMicros = 200;
    // Items per transaction at least, so that a steady stream of requests cannot starve the restore.
    static constexpr int kMinTxnItems = 2;
    // While requests are served (Database::servedRequestsWithin(kRequestsRecently)),
    // the restore sleeps after each transaction for kYieldFactor of its
    // time, leaving part of a core and of the writer to them. In
    // tests/bench/backup_bench.sh (1,000,000 items, 2 cores, 1,000 gets/s
    // and 500 puts/s), PutItem's p99 during a RestoreTableFromBackup was
    // 2,172 us without (idle 103); with 0.25, 273-314 us (idle 108-122) at
    // 115,000-117,000 items/s; with 0.4, 370-442 us at 97,000-153,000 (the
    // machine's speed varies). With no requests it loads at full speed.
    static constexpr double kYieldFactor = 0.25;
    static constexpr auto kRequestsRecently = std::chrono::milliseconds(100);
    // How long the writer waits for the parse helper before it parses the
    // rows it needs itself (the helper runs only on an otherwise idle core).
    static constexpr auto kHelperPatience = std::chrono::milliseconds(20);

    // Takes `items` (of a table with `table`'s key schema) and sorts them
    // in key order. Errors: InternalServerError for a key that is not valid
    // DynamoDB JSON or for two items with one key, ValidationException for
    // one that does not fit the schema.
    static Result<ItemLoader> prepare(const storage::TableDef &table, ItemMap items);

    qint64 size() const { return qint64(m_rows.size()); }

    // Writes every row into the new table `tableName` (TableDef::id
    // `tableId`). Returns the number written. Errors: ResourceNotFound if
    // the table is deleted or replaced meanwhile; InternalServerError
    // "interrupted" once *cancel is true (checked between transactions);
    // InternalServerError for an item that is not valid DynamoDB JSON;
    // SQLite failures.
    Result<qint64> write(storage::Database &db, const QString &tableName, qint64 tableId, const std::atomic<bool> *cancel,
                         qint64 maxTxnMicros = kMaxTxnMicros) const;

private:
    struct Row {
        storage::StoredKey key;    // where it goes
        QByteArray keysJson;       // its key attributes, DynamoDB JSON (for the change log)
        const QByteArray *json;    // the item, DynamoDB JSON (a value of m_items)
        mutable qint64 size = -1;  // DynamoDB item size, set by write()'s helper thread
    };
    ItemMap m_items;               // owns the items' JSON
    std::vector<Row> m_rows;       // in key order
};

} // namespace dd::backup
