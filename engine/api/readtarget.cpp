#include "api/readtarget.h"

namespace dd::api {

Result<ReadTarget> ReadTarget::resolve(std::shared_ptr<const storage::TableDef> table, const QString &indexName,
                                       bool consistentRead)
{
    ReadTarget t;
    t.keys = table->keys;
    t.table = std::move(table);
    if (indexName.isEmpty())
        return t;
    for (const storage::IndexDef &index : t.table->indexes) {
        if (index.name != indexName)
            continue;
        if (index.global && consistentRead)
            return ApiError::validation(QStringLiteral("Consistent reads are not supported on global secondary indexes"));
        // Secondary index stores come with their own issue; the target then
        // reads the index's store and keys (t.index = &index; t.keys = index.keys).
        return ApiError::validation(QStringLiteral("Secondary index queries are not supported by this version of Dynamodesk yet"));
    }
    return ApiError::validation(QStringLiteral("The table does not have the specified index: %1").arg(indexName));
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
    add(keys.hash);
    if (keys.range)
        add(*keys.range);
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

Result<storage::ItemScan> ReadTarget::openPartition(storage::Connection &c, const storage::PartitionRange &range) const
{
    return storage::ItemScan::partition(c, *table, range);
}

Result<storage::ItemScan> ReadTarget::openHashRange(storage::Connection &c, const storage::HashRange &range) const
{
    return storage::ItemScan::hashRange(c, *table, range);
}

} // namespace dd::api
