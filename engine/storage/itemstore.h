// ItemStore: reads and writes of one table's items in SQLite. Each table's
// items live in SQLite table t<id> (h, pk, sk, size, item): h is the
// partition hash (Scan order), pk and sk the order-preserving key bytes (sk
// empty without a sort key), size the item's DynamoDB size, item its
// DynamoDB JSON. Callers run these inside Database::read or ::write.
#pragma once

#include "model/result.h"
#include "storage/connection.h"
#include "storage/tabledef.h"

#include <optional>

namespace dd::storage {

struct StoredKey {
    qint64 hash = 0;   // model::partitionHash(pk)
    QByteArray pk;     // encoded partition key
    QByteArray sk;     // encoded sort key; empty without one
};

struct StoredItem {
    qint64 size = 0;   // DynamoDB item size in bytes
    QByteArray json;   // DynamoDB JSON of the whole item
};

class ItemStore {
public:
    // The SQL that creates a table's item store.
    static QByteArray createSql(const TableDef &table);

    // The item at key, or nullopt. Errors only for SQLite failures.
    static Result<std::optional<StoredItem>> get(Connection &c, const TableDef &table, const StoredKey &key);
    // Inserts or replaces the item at key.
    static Result<void> put(Connection &c, const TableDef &table, const StoredKey &key, const StoredItem &item);
    // Deletes the item at key; no error if there is none.
    static Result<void> remove(Connection &c, const TableDef &table, const StoredKey &key);
};

} // namespace dd::storage

namespace dd::storage {

class WriteTxn;
struct WriteEffects;

// The one path by which an item changes: the item store, the change log and
// the table's figures, in the caller's write transaction. Every writer
// (PutItem, UpdateItem, DeleteItem, batches, transactions, restores) goes
// through these, so that secondary indexes, streams and PITR see every change.
// A put whose item equals `old` byte for byte changes nothing and logs nothing.
// Secondary indexes and item-collection sizes (indexstore.h) change in the
// same transaction; `fx`, if given, sets the item-collection limit (default
// 10 GB) and receives what the write did to the indexes. Errors:
// ItemCollectionSizeLimitExceededException (before any change, so that
// single-item writes need no savepoint: WriteFailure::BeforeChanges), SQLite
// failures; on error the caller's write must fail (Database::write rolls it back).
Result<void> applyPut(WriteTxn &txn, const TableDef &table, const StoredKey &key, QByteArrayView keysJson,
                      const std::optional<StoredItem> &old, const StoredItem &item, WriteEffects *fx = nullptr);
Result<void> applyDelete(WriteTxn &txn, const TableDef &table, const StoredKey &key, QByteArrayView keysJson,
                         const StoredItem &old, WriteEffects *fx = nullptr);

} // namespace dd::storage
