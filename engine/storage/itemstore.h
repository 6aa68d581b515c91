// ItemStore: reads and writes of one table's items in SQLite. Each table's
// items live in SQLite table t<id> (h, pk, sk, size, item): h is the
// partition hash (Scan order), pk and sk the order-preserving key bytes (sk
// empty without a sort key), size the item's DynamoDB size, item its
// DynamoDB JSON. Callers run these inside Database::read or ::write.
//
// t<id> is a WITHOUT ROWID table, which SQLite keeps as an index B-tree: a
// row over about 1,000 bytes (with 4 KB pages) keeps 489 bytes in its leaf
// and the rest on overflow pages of its own, so an item of 1-3 kB took a
// whole 4 KB page. So the JSON of a large item (kInlineLimit) lives in the
// rowid table b<id> (id, item), whose leaves hold rows of up to about 4 KB,
// and its t<id> row holds a reference: a NUL byte then the body's rowid
// (stored JSON always starts with '{'). Finding the body by that rowid takes
// one descent of b<id>'s shallow B-tree and no index of its own; an item
// that stays large keeps its body row, rewritten in place, so overwrites do
// not leave b<id>'s pages part empty. Bytes per item by size, before and
// after, in tests/bench/item_storage.py and the README. The id column must
// stay an INTEGER PRIMARY KEY: VACUUM (Database::compactFile) renumbers
// other rowids.
//
// Entries of indexes that project ALL attributes share the body: their item
// column holds the same reference (indexstore.h). applyPut assigns a large
// item its body's rowid before the indexes change, and every write that
// moves, deletes or re-inlines a body rewrites those entries in the same
// transaction, so a reference never outlives its body.
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
    qint64 bodyId = 0; // the b<id> row holding json, 0 if inline: as read (ItemStore::get,
                       // ItemScan), or as applyPut assigned it to the item it writes
};

class ItemStore {
public:
    // An item whose JSON and key bytes together exceed this lives in b<id>:
    // its t<id> row then stays well under the ~1,000 bytes a leaf keeps.
    static constexpr qsizetype kInlineLimit = 900;
    static bool spills(const StoredKey &key, qsizetype jsonSize)
    {
        return jsonSize + key.pk.size() + key.sk.size() > kInlineLimit;
    }
    // The body's rowid if an item column (t<id>, or an ALL index's) is a
    // reference; 0 if it is JSON.
    static qint64 bodyId(QByteArrayView column);
    // The item column that refers to body `bodyId`.
    static QByteArray bodyRef(qint64 bodyId);
    // The body rowid `item` gets when written over `old` at key: old's if
    // it has one and item spills, a new one if only item spills, else 0.
    static Result<qint64> assignBody(Connection &c, const TableDef &table, const StoredKey &key, const StoredItem &item,
                                     const std::optional<StoredItem> &old);

    // The SQL that creates a table's item store (t<id> and b<id>).
    static QByteArray createSql(const TableDef &table);
    // The SQL that creates b<id> if it is missing (databases before schema 6).
    static QByteArray createBodiesSql(const QByteArray &sqlBodies);

    // The item at key, or nullopt. Errors only for SQLite failures.
    static Result<std::optional<StoredItem>> get(Connection &c, const TableDef &table, const StoredKey &key);
    // The JSON in b<id> row `bodyId` (ItemScan); an InternalServerError if missing.
    static Result<QByteArray> body(Connection &c, const TableDef &table, qint64 bodyId);
    // Inserts or replaces the item at key, its JSON in body item.bodyId
    // (from assignBody) or inline if 0. `old` is the item there as get()
    // read it (its body is rewritten, or deleted), or nullopt if none.
    static Result<void> put(Connection &c, const TableDef &table, const StoredKey &key, const StoredItem &item,
                            const std::optional<StoredItem> &old);
    // Deletes the item at key, which is `old` as get() read it.
    static Result<void> remove(Connection &c, const TableDef &table, const StoredKey &key, const StoredItem &old);

private:
    static Result<void> removeBody(Connection &c, const TableDef &table, qint64 bodyId);
};

// A scan's current row's JSON (ItemScan over t<id>, IndexScan over an index
// store): the row's item column, or the body in the table's b<id> that it
// refers to, read with the row so that a missing body fails the scan
// rather than yielding an empty item.
class RowBody {
public:
    RowBody() = default;
    RowBody(Connection &c, const TableDef &table) : m_conn(&c), m_table(&table) {}
    // After each step: the row's item column, or an empty view past the end.
    Result<void> load(QByteArrayView column);
    qint64 id() const { return m_id; } // the body's rowid; 0 if the column is the JSON
    QByteArrayView json(QByteArrayView column) const { return m_id ? QByteArrayView(m_body) : column; }
    QByteArray jsonBytes(QByteArrayView column) const { return m_id ? m_body : column.toByteArray(); }

private:
    Connection *m_conn = nullptr;
    const TableDef *m_table = nullptr; // the scan's caller's, alive while the scan is
    QByteArray m_body;
    qint64 m_id = 0;
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
