#include "api/keys.h"

#include "model/keycodec.h"
#include "model/limits.h"
#include "model/size.h"

#include <QJsonArray>

namespace dd::api {

namespace {

using model::AttrType;

// Checks one key value already known to have the right type.
Result<void> checkKeyValue(const QString &name, const model::AttributeValue &v, bool isHash, bool fromItem)
{
    qsizetype size = 0;
    if (v.is(AttrType::S))
        size = model::utf8Length(v.asString());
    else if (v.is(AttrType::B))
        size = v.asBinary().size();
    else
        return {};
    if (size == 0)
        return ApiError::validation(QStringLiteral("One or more parameter values %1 The AttributeValue for a key attribute cannot contain an empty %2 value. Key: %3")
                                        .arg(fromItem ? QStringLiteral("are not valid.") : QStringLiteral("were invalid:"),
                                             v.is(AttrType::S) ? QStringLiteral("string") : QStringLiteral("binary"), name));
    if (isHash && size > model::kMaxPartitionKeyBytes)
        return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes"));
    if (!isHash && size > model::kMaxSortKeyBytes)
        return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes"));
    return {};
}

ItemKey encode(const storage::TableDef &table, model::Item attributes)
{
    ItemKey key;
    key.stored.pk = model::encodeKeyValue(attributes.at(table.keys.hash.name));
    key.stored.hash = model::partitionHash(key.stored.pk);
    if (table.keys.range)
        key.stored.sk = model::encodeKeyValue(attributes.at(table.keys.range->name));
    key.attributes = std::move(attributes);
    return key;
}

} // namespace

Result<ItemKey> keyFromKeyParameter(const storage::TableDef &table, const model::Item &key)
{
    const size_t expected = table.keys.range ? 2 : 1;
    const auto mismatch = [] { return ApiError::validation(QStringLiteral("The provided key element does not match the schema")); };
    if (key.size() != expected)
        return mismatch();
    model::Item attributes;
    for (const storage::KeyElement *e : {&table.keys.hash, table.keys.range ? &*table.keys.range : nullptr}) {
        if (!e)
            continue;
        const auto it = key.find(e->name);
        if (it == key.end() || it->second.type() != e->type)
            return mismatch();
        DD_CHECK(checkKeyValue(e->name, it->second, e == &table.keys.hash, false));
        attributes.emplace(e->name, it->second);
    }
    return encode(table, std::move(attributes));
}

Result<storage::StoredKey> storedKeyFromKeyParameter(const storage::TableDef &table, const model::Item &key)
{
    const size_t expected = table.keys.range ? 2 : 1;
    const auto mismatch = [] { return ApiError::validation(QStringLiteral("The provided key element does not match the schema")); };
    if (key.size() != expected)
        return mismatch();
    const model::AttributeValue *values[2] = {nullptr, nullptr};
    const storage::KeyElement *elements[2] = {&table.keys.hash, table.keys.range ? &*table.keys.range : nullptr};
    for (int i = 0; i < 2; ++i) {
        const storage::KeyElement *e = elements[i];
        if (!e)
            continue;
        const auto it = key.find(e->name);
        if (it == key.end() || it->second.type() != e->type)
            return mismatch();
        DD_CHECK(checkKeyValue(e->name, it->second, i == 0, false));
        values[i] = &it->second;
    }
    storage::StoredKey stored;
    stored.pk = model::encodeKeyValue(*values[0]);
    stored.hash = model::partitionHash(stored.pk);
    if (values[1])
        stored.sk = model::encodeKeyValue(*values[1]);
    return stored;
}

Result<ItemKey> keyFromItem(const storage::TableDef &table, const model::Item &item)
{
    DD_CHECK(checkAttributeNames(item));
    model::Item attributes;
    for (const storage::KeyElement *e : {&table.keys.hash, table.keys.range ? &*table.keys.range : nullptr}) {
        if (!e)
            continue;
        const auto it = item.find(e->name);
        if (it == item.end())
            return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Missing the key %1 in the item").arg(e->name));
        if (it->second.type() != e->type)
            return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Type mismatch for key %1 expected: %2 actual: %3")
                                            .arg(e->name, model::typeName(e->type), model::typeName(it->second.type())));
        DD_CHECK(checkKeyValue(e->name, it->second, e == &table.keys.hash, true));
        attributes.emplace(e->name, it->second);
    }
    DD_CHECK(checkIndexKeyTypes(table, item));
    return encode(table, std::move(attributes));
}

Result<void> checkAttributeNames(const model::Item &item)
{
    for (const auto &[name, value] : item) {
        const QString why = model::attributeNameProblem(name);
        if (!why.isEmpty())
            return ApiError::validation(QStringLiteral("One or more parameter values were invalid: ") + why);
    }
    return {};
}

Result<void> checkIndexKeyTypes(const storage::TableDef &table, const model::Item &item)
{
    // Every attribute of a multi-attribute key is checked as a key of its own.
    const auto check = [&item](const storage::IndexDef &index, const storage::KeyElement &e, bool isHash) -> Result<void> {
        const auto it = item.find(e.name);
        if (it == item.end())
            return {};
        if (it->second.type() != e.type)
            return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Type mismatch for Index Key %1 Expected: %2 Actual: %3 IndexName: %4")
                                            .arg(e.name, model::typeName(e.type), model::typeName(it->second.type()), index.name));
        const qsizetype size = it->second.is(model::AttrType::S) ? model::utf8Length(it->second.asString())
                               : it->second.is(model::AttrType::B) ? it->second.asBinary().size() : 1;
        if (size == 0)
            return ApiError::validation(QStringLiteral("One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty %1 value. IndexName: %2, IndexKey: %3")
                                            .arg(it->second.is(model::AttrType::S) ? QStringLiteral("string") : QStringLiteral("binary"), index.name, e.name));
        // Past the key limits the item could not be indexed: AWS rejects the
        // write rather than leave the item out of the index.
        const qsizetype limit = isHash ? model::kMaxPartitionKeyBytes : model::kMaxSortKeyBytes;
        if (size > limit)
            return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Size limit exceeded for Index Key %1 Actual Size: %2 bytes Max Size: %3 bytes IndexName: %4")
                                            .arg(e.name).arg(size).arg(limit).arg(index.name));
        return {};
    };
    for (const storage::IndexDef &index : table.indexes) {
        for (const storage::KeyElement &e : index.keys.hashParts)
            DD_CHECK(check(index, e, true));
        for (const storage::KeyElement &e : index.keys.rangeParts)
            DD_CHECK(check(index, e, false));
    }
    return {};
}

} // namespace dd::api
