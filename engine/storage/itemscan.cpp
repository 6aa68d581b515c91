// Range reads over t<id>. The SQL is chosen among a few fixed shapes (which
// bounds are present, which direction) so that each shape is prepared once
// per connection and SQLite walks the primary-key index (h, pk, sk) directly.
#include "storage/itemscan.h"

#include <sqlite3.h>

namespace dd::storage {

namespace {

constexpr qint64 kHashSpace = qint64(1) << 32; // partition hashes are unsigned 32-bit

} // namespace

ItemScan::~ItemScan()
{
    if (m_stmt)
        m_stmt->reset();
}

Result<ItemScan> ItemScan::partition(Connection &c, const TableDef &table, const PartitionRange &range)
{
    // One SQL text per shape: which bounds (each absent, inclusive or
    // exclusive) and which direction.
    const auto boundShape = [](const std::optional<KeyBound> &b) { return b ? (b->inclusive ? 1 : 2) : 0; };
    const quint8 shape = quint8(boundShape(range.low) * 6 + boundShape(range.high) * 2 + (range.forward ? 0 : 1));
    Statement *s = c.prepareKeyed(statementKey(StatementKind::ItemPartition, table.id, shape), [&] {
        // h and pk are fixed: only the columns that vary are read.
        QByteArray sql = "SELECT sk, size, item FROM " + table.sqlTable + " WHERE h=?1 AND pk=?2";
        if (range.low)
            sql += range.low->inclusive ? " AND sk>=?3" : " AND sk>?3";
        if (range.high)
            sql += range.high->inclusive ? " AND sk<=?4" : " AND sk<?4";
        sql += range.forward ? " ORDER BY h, pk, sk" : " ORDER BY h DESC, pk DESC, sk DESC";
        return sql;
    });
    if (!s)
        return ApiError::internal(c.lastError());
    s->bind(1, range.hash).bind(2, range.pk);
    if (range.low)
        s->bind(3, range.low->bytes);
    if (range.high)
        s->bind(4, range.high->bytes);
    ItemScan scan;
    scan.m_stmt = s;
    scan.m_body = RowBody(c, table);
    scan.m_hash = range.hash;
    scan.m_pk = range.pk;
    scan.m_fixedPartition = true;
    return scan;
}

Result<ItemScan> ItemScan::hashRange(Connection &c, const TableDef &table, const HashRange &range)
{
    // Row-value comparison (h, pk, sk) > (?, ?, ?) seeks in the primary key.
    QByteArray sql = "SELECT h, pk, sk, size, item FROM " + table.sqlTable;
    sql += range.startAfter ? " WHERE (h, pk, sk) > (?1, ?2, ?3) AND h<=?5" : " WHERE h>=?4 AND h<=?5";
    sql += " ORDER BY h, pk, sk";
    Statement *s = c.prepare(sql);
    if (!s)
        return ApiError::internal(c.lastError());
    if (range.startAfter)
        s->bind(1, range.startAfter->hash).bind(2, range.startAfter->pk).bind(3, range.startAfter->sk);
    else
        s->bind(4, range.hashLow);
    s->bind(5, range.hashHigh);
    ItemScan scan;
    scan.m_stmt = s;
    scan.m_body = RowBody(c, table);
    return scan;
}

Result<bool> ItemScan::step()
{
    if (!m_stmt)
        return false;
    DD_ASSIGN(const bool more, m_stmt->stepCursor(m_done));
    DD_CHECK(m_body.load(more ? m_stmt->columnBlob(m_fixedPartition ? 2 : 4) : QByteArrayView()));
    return more;
}

qint64 ItemScan::hash() const { return m_fixedPartition ? m_hash : m_stmt->columnInt(0); }
QByteArrayView ItemScan::pk() const { return m_fixedPartition ? QByteArrayView(m_pk) : m_stmt->columnBlob(1); }
QByteArrayView ItemScan::sk() const { return m_stmt->columnBlob(m_fixedPartition ? 0 : 2); }
qint64 ItemScan::size() const { return m_stmt->columnInt(m_fixedPartition ? 1 : 3); }
QByteArrayView ItemScan::item() const
{
    return m_body.json(m_stmt->columnBlob(m_fixedPartition ? 2 : 4));
}

Result<bool> ItemScan::next(StoredRow &row)
{
    DD_ASSIGN(const bool more, step());
    if (!more)
        return false;
    row.key.hash = hash();
    if (m_fixedPartition)
        row.key.pk = m_pk;
    else
        row.key.pk = pk().toByteArray();
    row.key.sk = sk().toByteArray();
    row.item.size = size();
    row.item.json = m_body.jsonBytes(m_stmt->columnBlob(m_fixedPartition ? 2 : 4));
    row.item.bodyId = m_body.id();
    return true;
}

std::pair<qint64, qint64> segmentHashRange(qint64 segment, qint64 total)
{
    // Segment i covers [ceil(i * 2^32 / n), ceil((i+1) * 2^32 / n) - 1]; the
    // products stay below 2^52, exact in 64-bit integers.
    const auto boundary = [total](qint64 i) { return (i * kHashSpace + total - 1) / total; };
    return {boundary(segment), boundary(segment + 1) - 1};
}

} // namespace dd::storage
