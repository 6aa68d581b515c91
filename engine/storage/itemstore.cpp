#include "storage/itemstore.h"

#include <sqlite3.h>

namespace dd::storage {

QByteArray ItemStore::createSql(const TableDef &table)
{
    return "CREATE TABLE " + table.sqlTable + "(h INTEGER NOT NULL, pk BLOB NOT NULL, sk BLOB NOT NULL, "
           "size INTEGER NOT NULL, item BLOB NOT NULL, PRIMARY KEY(h, pk, sk)) WITHOUT ROWID";
}

Result<std::optional<StoredItem>> ItemStore::get(Connection &c, const TableDef &table, const StoredKey &key)
{
    Statement *s = c.prepareKeyed(statementKey(StatementKind::ItemGet, table.id), [&] {
        return QByteArray("SELECT size, item FROM " + table.sqlTable + " WHERE h=? AND pk=? AND sk=?");
    });
    if (!s)
        return ApiError::internal(c.lastError());
    s->bind(1, key.hash).bindStatic(2, key.pk).bindStatic(3, key.sk); // the key outlives the step
    if (!s->step()) {
        if (!s->ok() || s->resultCode() != SQLITE_DONE)
            return ApiError::internal(s->errorMessage());
        return std::optional<StoredItem>();
    }
    StoredItem item{s->columnInt(0), s->columnBytes(1)};
    s->reset();
    return std::optional<StoredItem>(std::move(item));
}

Result<void> ItemStore::put(Connection &c, const TableDef &table, const StoredKey &key, const StoredItem &item)
{
    Statement *s = c.prepareKeyed(statementKey(StatementKind::ItemPut, table.id), [&] {
        return QByteArray("INSERT OR REPLACE INTO " + table.sqlTable + "(h, pk, sk, size, item) VALUES(?,?,?,?,?)");
    });
    if (!s)
        return ApiError::internal(c.lastError());
    // The key and the item outlive the step: bound in place.
    s->bind(1, key.hash).bindStatic(2, key.pk).bindStatic(3, key.sk).bind(4, item.size).bindStatic(5, item.json);
    s->step();
    if (s->resultCode() != SQLITE_DONE)
        return ApiError::internal(s->errorMessage());
    return {};
}

Result<void> ItemStore::remove(Connection &c, const TableDef &table, const StoredKey &key)
{
    Statement *s = c.prepareKeyed(statementKey(StatementKind::ItemRemove, table.id), [&] {
        return QByteArray("DELETE FROM " + table.sqlTable + " WHERE h=? AND pk=? AND sk=?");
    });
    if (!s)
        return ApiError::internal(c.lastError());
    s->bind(1, key.hash).bindStatic(2, key.pk).bindStatic(3, key.sk); // the key outlives the step
    s->step();
    if (s->resultCode() != SQLITE_DONE)
        return ApiError::internal(s->errorMessage());
    return {};
}

} // namespace dd::storage

#include "storage/database.h"
#include "storage/indexstore.h"

namespace dd::storage {

Result<void> applyPut(WriteTxn &txn, const TableDef &table, const StoredKey &key, QByteArrayView keysJson,
                      const std::optional<StoredItem> &old, const StoredItem &item, WriteEffects *fx)
{
    if (old && old->json == item.json)
        return {};
    if (!table.indexes.empty())
        DD_CHECK(IndexStore::apply(txn, table, key, old ? &*old : nullptr, &item, fx));
    DD_CHECK(ItemStore::put(txn.conn, table, key, item));
    DD_CHECK(txn.logChange(table.id, old ? ChangeEvent::Modify : ChangeEvent::Insert, keysJson,
                           old ? QByteArrayView(old->json) : QByteArrayView(), item.json));
    txn.addStats(table.id, old ? 0 : 1, item.size - (old ? old->size : 0));
    return {};
}

Result<void> applyDelete(WriteTxn &txn, const TableDef &table, const StoredKey &key, QByteArrayView keysJson,
                         const StoredItem &old, WriteEffects *fx)
{
    if (!table.indexes.empty())
        DD_CHECK(IndexStore::apply(txn, table, key, &old, nullptr, fx));
    DD_CHECK(ItemStore::remove(txn.conn, table, key));
    DD_CHECK(txn.logChange(table.id, ChangeEvent::Remove, keysJson, old.json, QByteArrayView()));
    txn.addStats(table.id, -1, -old.size);
    return {};
}

} // namespace dd::storage
