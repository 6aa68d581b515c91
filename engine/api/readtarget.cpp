#include "api/readtarget.h"

#include "api/keys.h"
#include "model/keycodec.h"

namespace dd::api {

QByteArray encodeKey(const std::vector<storage::KeyElement> &parts, const model::Item &values)
{
    if (parts.empty())
        return QByteArray();
    if (parts.size() == 1)
        return model::encodeKeyValue(values.at(parts.front().name));
    QByteArray out;
    for (const storage::KeyElement &e : parts)
        model::appendKeyPart(out, values.at(e.name));
    return out;
}

Result<bool> ReadCursor::next()
{
    if (auto *scan = std::get_if<storage::ItemScan>(&m_scan))
        return scan->step();
    return std::get<storage::IndexScan>(m_scan).step();
}

QByteArrayView ReadCursor::item() const
{
    if (const auto *scan = std::get_if<storage::ItemScan>(&m_scan))
        return scan->item();
    return std::get<storage::IndexScan>(m_scan).item();
}

qint64 ReadCursor::size() const
{
    if (const auto *scan = std::get_if<storage::ItemScan>(&m_scan))
        return scan->size();
    return std::get<storage::IndexScan>(m_scan).size();
}

storage::StoredKey ReadCursor::tableKey() const
{
    storage::StoredKey key;
    if (const auto *scan = std::get_if<storage::ItemScan>(&m_scan)) {
        key.hash = scan->hash();
        key.pk = scan->pk().toByteArray();
        key.sk = scan->sk().toByteArray();
        return key;
    }
    const auto &scan = std::get<storage::IndexScan>(m_scan);
    key.pk = scan.tpk().toByteArray();
    key.sk = scan.tsk().toByteArray();
    key.hash = model::partitionHash(key.pk);
    return key;
}

Result<ReadTarget> ReadTarget::resolve(std::shared_ptr<const storage::TableDef> table, const QString &indexName,
                                       bool consistentRead)
{
    ReadTarget t;
    t.keys = table->keys;
    t.table = std::move(table);
    if (indexName.isEmpty())
        return t;
    const storage::IndexDef *index = t.table->index(indexName);
    if (!index || index->id == 0)
        return ApiError::validation(QStringLiteral("The table does not have the specified index: %1").arg(indexName));
    if (index->global && consistentRead)
        return ApiError::validation(QStringLiteral("Consistent reads are not supported on global secondary indexes"));
    if (index->backfilling)
        return ApiError::validation(QStringLiteral("Cannot read from backfilling global secondary index: %1").arg(indexName));
    t.index = index;
    t.keys = index->keys;
    return t;
}

std::vector<storage::KeyElement> ReadTarget::startKeyElements() const
{
    std::vector<storage::KeyElement> out;
    const auto add = [&out](const storage::KeyElement &e) {
        for (const storage::KeyElement &x : out)
            if (x.name == e.name)
                return;
        out.push_back(e);
    };
    for (const storage::KeyElement &e : keys.hashParts)
        add(e);
    for (const storage::KeyElement &e : keys.rangeParts)
        add(e);
    add(table->keys.hash);
    if (table->keys.range)
        add(*table->keys.range);
    return out;
}

model::Item ReadTarget::lastEvaluatedKey(const model::Item &item) const
{
    model::Item key;
    for (const storage::KeyElement &e : startKeyElements())
        if (auto it = item.find(e.name); it != item.end())
            key.emplace(e.name, it->second);
    return key;
}

Result<StartPosition> ReadTarget::startPosition(const model::Item &key) const
{
    StartPosition start;
    model::Item tableKey;
    for (const storage::KeyElement *e : {&table->keys.hash, table->keys.range ? &*table->keys.range : nullptr})
        if (e)
            if (auto it = key.find(e->name); it != key.end())
                tableKey.emplace(e->name, it->second);
    auto parsed = keyFromKeyParameter(*table, tableKey);
    if (!parsed.ok())
        return ApiError::validation(QStringLiteral("The provided starting key is invalid: ") + parsed.error().message());
    start.table = parsed->stored;
    if (index) {
        storage::IndexPosition pos;
        pos.index.pk = encodeKey(index->keys.hashParts, key);
        pos.index.hash = model::partitionHash(pos.index.pk);
        pos.index.sk = encodeKey(index->keys.rangeParts, key);
        pos.tpk = start.table.pk;
        pos.tsk = start.table.sk;
        start.index = std::move(pos);
    }
    return start;
}

Result<ReadCursor> ReadTarget::openPartition(storage::Connection &c, storage::PartitionRange range,
                                             const std::optional<StartPosition> &start) const
{
    if (index) {
        DD_ASSIGN(storage::IndexScan scan, storage::IndexScan::partition(c, *table, *index, range, start ? start->index : std::nullopt));
        return ReadCursor(std::move(scan));
    }
    // Table keys are unique: resuming tightens the bound on the side we come from.
    if (start)
        (range.forward ? range.low : range.high) = storage::KeyBound{start->table.sk, false};
    DD_ASSIGN(storage::ItemScan scan, storage::ItemScan::partition(c, *table, range));
    return ReadCursor(std::move(scan));
}

Result<ReadCursor> ReadTarget::openHashRange(storage::Connection &c, qint64 hashLow, qint64 hashHigh,
                                             const std::optional<StartPosition> &start) const
{
    if (index) {
        DD_ASSIGN(storage::IndexScan scan, storage::IndexScan::hashRange(c, *table, *index, hashLow, hashHigh, start ? start->index : std::nullopt));
        return ReadCursor(std::move(scan));
    }
    storage::HashRange range{hashLow, hashHigh, std::nullopt};
    if (start)
        range.startAfter = start->table;
    DD_ASSIGN(storage::ItemScan scan, storage::ItemScan::hashRange(c, *table, range));
    return ReadCursor(std::move(scan));
}

} // namespace dd::api
