// ItemScan: ordered range reads over one table's item store t<id>, for Query
// (one partition, sort-key bounds, either direction) and Scan (a range of the
// 32-bit partition hash, in (h, pk, sk) order). Both resume strictly after an
// exclusive start key. Callers run a scan inside one Database::read, so every
// row comes from one snapshot.
//
// The cursor reads through a statement cached on the connection: one scan per
// SQL text may be open at a time on a connection, and the scan is valid until
// the connection prepares the same SQL again or the read ends.
#pragma once

#include "model/result.h"
#include "storage/connection.h"
#include "storage/itemstore.h"
#include "storage/tabledef.h"

#include <optional>

namespace dd::storage {

// One bound of a sort-key range, in encoded key bytes.
struct KeyBound {
    QByteArray bytes;       // encoded sort key (model/keycodec.h)
    bool inclusive = true;  // >= / <= rather than > / <
};

// The rows of one partition whose sort keys lie within [low, high].
struct PartitionRange {
    qint64 hash = 0;                 // model::partitionHash(pk)
    QByteArray pk;                   // encoded partition key
    std::optional<KeyBound> low;     // absent: from the first sort key
    std::optional<KeyBound> high;    // absent: to the last sort key
    bool forward = true;             // ascending sort-key order; false: descending
};

// The rows whose partition hash h lies within [hashLow, hashHigh] (inclusive).
struct HashRange {
    qint64 hashLow = 0;                     // 0 .. 2^32-1
    qint64 hashHigh = 0xFFFFFFFFLL;
    std::optional<StoredKey> startAfter;    // resume strictly after this (h, pk, sk)
};

// One row read: its key and item.
struct StoredRow {
    StoredKey key;
    StoredItem item;
};

class ItemScan {
public:
    // A cursor over the rows of `range`, in sort-key order (or reverse).
    static Result<ItemScan> partition(Connection &c, const TableDef &table, const PartitionRange &range);
    // A cursor over the rows of `range`, in (h, pk, sk) order.
    static Result<ItemScan> hashRange(Connection &c, const TableDef &table, const HashRange &range);

    // Reads the next row into `row`. Returns false at the end of the range;
    // an InternalServerError for SQLite failures.
    Result<bool> next(StoredRow &row);

    // Steps to the next row without copying it: returns false at the end of
    // the range, an InternalServerError for SQLite failures. After true, the
    // row's columns are readable through the accessors below; their views
    // stay valid until the next step or the end of the scan.
    Result<bool> step();
    qint64 hash() const;
    QByteArrayView pk() const;
    QByteArrayView sk() const;
    qint64 size() const;
    QByteArrayView item() const;

    ItemScan(ItemScan &&o) noexcept
        : m_stmt(o.m_stmt), m_body(std::move(o.m_body)), m_hash(o.m_hash), m_pk(std::move(o.m_pk)),
          m_fixedPartition(o.m_fixedPartition), m_done(o.m_done)
    {
        o.m_stmt = nullptr;
    }
    ItemScan &operator=(ItemScan &&) = delete;
    ~ItemScan();

private:
    ItemScan() = default;
    Statement *m_stmt = nullptr; // owned by the connection's cache; reset on destruction
    RowBody m_body;              // the current row's JSON if it lives in b<id>
    qint64 m_hash = 0;           // partition scans: the fixed h (not selected)
    QByteArray m_pk;             // partition scans: the fixed pk (not selected); empty for hash ranges
    bool m_fixedPartition = false; // columns: partition scans (sk, size, item); hash ranges (h, pk, sk, size, item)
    bool m_done = false;
};

// The inclusive hash range [first, last] of segment `segment` of `total`
// for parallel Scan: the 2^32 hash values split into `total` contiguous,
// disjoint ranges that together cover them all (total <= 2^32).
std::pair<qint64, qint64> segmentHashRange(qint64 segment, qint64 total);

} // namespace dd::storage
