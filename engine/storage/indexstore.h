// IndexStore: the stores of a table's secondary indexes, kept in step with
// the table by the one write path (applyPut/applyDelete, itemstore.h), and
// the item-collection sizes of tables with local secondary indexes.
//
// Each index lives in SQLite table i<table id>_<index id> (h, pk, sk, tpk,
// tsk, size, item): h, pk and sk are the index's partition hash and
// encoded keys (sk empty without an index sort key), tpk and tsk the
// table's encoded keys, so that index keys need not be unique; item is the
// projected item's DynamoDB JSON (KEYS_ONLY: index and table keys; INCLUDE:
// also NonKeyAttributes; ALL: the whole item, or for a large item the same
// reference to its body in b<table id> as its t row holds: itemstore.h) and
// size its DynamoDB size.
// Indexes are sparse: an item lacking an index key attribute, or whose
// index key could not be a key (wrong type, empty, too long: only possible
// for items written before the index existed), has no entry.
//
// Tables with LSIs also have c<table id> (h, pk, size): the size of each
// item collection (the items of one partition key and their LSI entries).
//
// Callers run these inside Database::read or ::write.
#pragma once

#include "model/attributevalue.h"
#include "model/result.h"
#include "storage/connection.h"
#include "storage/itemscan.h"
#include "storage/itemstore.h"
#include "storage/tabledef.h"

#include <optional>
#include <vector>

namespace dd::storage {

class WriteTxn;

// "The maximum size of any item collection is 10 GB" (Developer Guide,
// "Item collections in Local Secondary Indexes").
constexpr qint64 kDefaultItemCollectionLimitBytes = 10LL * 1024 * 1024 * 1024;

// What one write did to one index: the sizes of the entry it removed and
// of the one it wrote (-1: none).
struct IndexWrite {
    const IndexDef *index = nullptr; // into the TableDef given to the write
    qint64 oldSize = -1;
    qint64 newSize = -1;
    bool inPlace = false;            // the entry kept its key and was rewritten
};

// Optional in/out of applyPut/applyDelete, for capacity and item collections.
struct WriteEffects {
    qint64 itemCollectionLimit = kDefaultItemCollectionLimitBytes; // in: bytes per partition key (tables with LSIs)
    std::vector<IndexWrite> indexes;            // out: the indexes whose entry changed, in TableDef order
    std::optional<qint64> itemCollectionBytes;  // out: tables with LSIs: the item collection's size after the write
};

// A position in an index: its key, then the table's key (unique together).
struct IndexPosition {
    StoredKey index;   // index partition hash, encoded partition and sort key
    QByteArray tpk;    // table's encoded partition key
    QByteArray tsk;    // table's encoded sort key; empty without one
};

// One index row read.
struct IndexRow {
    IndexPosition pos;
    StoredItem item;   // the projected item
};

class IndexStore {
public:
    // The SQL that creates an index's store / a table's item-collection sizes.
    static QByteArray createSql(const IndexDef &index);
    static QByteArray createCollectionsSql(const TableDef &table);

    // The entry `item` has in `index`, or nullopt if it has none (sparse).
    // `stored` is the item as stored (its JSON is reused for ALL projections).
    static std::optional<IndexRow> entryFor(const TableDef &table, const IndexDef &index, const model::Item &item,
                                            const StoredItem &stored);

    // Brings every index of `table` (and its item-collection size) from
    // `old` to `item` for the item at `key`; either may be null (insert,
    // delete). Errors: ItemCollectionSizeLimitExceededException when a
    // write grows a collection past fx->itemCollectionLimit (before any
    // change); SQLite failures.
    static Result<void> apply(WriteTxn &txn, const TableDef &table, const StoredKey &key, const StoredItem *old,
                              const StoredItem *item, WriteEffects *fx);

    // Backfill: indexes up to maxRows items of the table that come strictly
    // after `after` in (h, pk, sk) order (from the start if nullopt), adding
    // entries not yet there (writes since the index was created keep theirs
    // current). Returns the last key read, or nullopt once the table is done.
    static Result<std::optional<StoredKey>> backfillPage(WriteTxn &txn, const TableDef &table, const IndexDef &index,
                                                         const std::optional<StoredKey> &after, int maxRows);
};

// Ordered range reads over an index store, as ItemScan does for tables; the
// same cursor rules apply (one open per SQL text and connection).
class IndexScan {
public:
    // Rows of one index partition within the sort-key bounds, after `after`.
    // `table` is the index's (ALL entries of large items refer to its bodies).
    static Result<IndexScan> partition(Connection &c, const TableDef &table, const IndexDef &index,
                                       const PartitionRange &range, const std::optional<IndexPosition> &after);
    // Rows whose index partition hash lies in [hashLow, hashHigh], after `after`.
    static Result<IndexScan> hashRange(Connection &c, const TableDef &table, const IndexDef &index, qint64 hashLow,
                                       qint64 hashHigh, const std::optional<IndexPosition> &after);

    // Reads the next row; false at the end; InternalServerError on SQLite failures.
    Result<bool> next(IndexRow &row);

    // Steps to the next row without copying it, as ItemScan::step(): after
    // true the accessors read its columns, valid until the next step.
    Result<bool> step();
    qint64 hash() const;
    QByteArrayView pk() const;
    QByteArrayView sk() const;
    QByteArrayView tpk() const;
    QByteArrayView tsk() const;
    qint64 size() const;
    QByteArrayView item() const;

    IndexScan(IndexScan &&o) noexcept
        : m_stmt(o.m_stmt), m_body(std::move(o.m_body)), m_done(o.m_done)
    {
        o.m_stmt = nullptr;
    }
    IndexScan &operator=(IndexScan &&) = delete;
    ~IndexScan();

private:
    IndexScan() = default;
    Statement *m_stmt = nullptr; // owned by the connection's cache; reset on destruction
    RowBody m_body;              // the current row's JSON if it is an ALL entry's body in b<table id>
    bool m_done = false;
};

} // namespace dd::storage
