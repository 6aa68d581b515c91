#include "storage/itemstore.h"

#include <QtEndian>

#include <sqlite3.h>

namespace dd::storage {

namespace {

// A t<id> item column that refers to b<id>: a NUL, then the rowid big-endian.
constexpr qsizetype kRefSize = 9;

} // namespace

QByteArray ItemStore::bodyRef(qint64 bodyId)
{
    QByteArray ref(kRefSize, '\0');
    qToBigEndian<qint64>(bodyId, ref.data() + 1);
    return ref;
}

qint64 ItemStore::bodyId(QByteArrayView column)
{
    if (column.size() != kRefSize || column[0] != '\0')
        return 0;
    return qFromBigEndian<qint64>(column.data() + 1);
}

QByteArray ItemStore::createSql(const TableDef &table)
{
    return "CREATE TABLE " + table.sqlTable + "(h INTEGER NOT NULL, pk BLOB NOT NULL, sk BLOB NOT NULL, "
           "size INTEGER NOT NULL, item BLOB NOT NULL, PRIMARY KEY(h, pk, sk)) WITHOUT ROWID; " + createBodiesSql(table.sqlBodies);
}

QByteArray ItemStore::createBodiesSql(const QByteArray &sqlBodies)
{
    return "CREATE TABLE IF NOT EXISTS " + sqlBodies + "(id INTEGER PRIMARY KEY, item BLOB NOT NULL)";
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
    if ((item.bodyId = bodyId(item.json))) {
        DD_ASSIGN(item.json, body(c, table, item.bodyId));
    }
    return std::optional<StoredItem>(std::move(item));
}

Result<QByteArray> ItemStore::body(Connection &c, const TableDef &table, qint64 bodyId)
{
    Statement *s = c.prepareKeyed(statementKey(StatementKind::ItemBodyGet, table.id), [&] {
        return QByteArray("SELECT item FROM " + table.sqlBodies + " WHERE id=?");
    });
    if (!s)
        return ApiError::internal(c.lastError());
    s->bind(1, bodyId);
    if (!s->step()) {
        const QString error = s->ok() ? QStringLiteral("Item body %1 of table %2 is missing from the database")
                                            .arg(bodyId).arg(table.name)
                                      : s->errorMessage();
        s->reset();
        return ApiError::internal(error);
    }
    QByteArray json = s->columnBytes(0);
    s->reset(); // no statement left active on b<id>: DROP TABLE would fail
    return json;
}

Result<void> RowBody::load(QByteArrayView column)
{
    m_id = ItemStore::bodyId(column);
    if (m_id) {
        DD_ASSIGN(m_body, ItemStore::body(*m_conn, *m_table, m_id));
    }
    return {};
}

Result<qint64> ItemStore::assignBody(Connection &c, const TableDef &table, const StoredKey &key, const StoredItem &item,
                                     const std::optional<StoredItem> &old)
{
    if (!spills(key, item.json.size()))
        return qint64(0);
    if (old && old->bodyId)
        return old->bodyId;
    // The rowid SQLite itself would choose; the insert names it.
    Statement *s = c.prepareKeyed(statementKey(StatementKind::ItemBodyNextId, table.id), [&] {
        return QByteArray("SELECT coalesce(max(id), 0) + 1 FROM " + table.sqlBodies);
    });
    if (!s)
        return ApiError::internal(c.lastError());
    if (!s->step()) {
        const QString error = s->errorMessage();
        s->reset();
        return ApiError::internal(error);
    }
    const qint64 id = s->columnInt(0);
    s->reset();
    return id;
}

Result<void> ItemStore::put(Connection &c, const TableDef &table, const StoredKey &key, const StoredItem &item,
                            const std::optional<StoredItem> &old)
{
    // A body the item no longer uses goes; the one it keeps (assignBody) is rewritten.
    const qint64 oldBody = old ? old->bodyId : 0;
    if (oldBody && oldBody != item.bodyId)
        DD_CHECK(removeBody(c, table, oldBody));
    if (item.bodyId == oldBody && item.bodyId) {
        // Rewritten in place: the row keeps its page while it fits.
        Statement *b = c.prepareKeyed(statementKey(StatementKind::ItemBodyUpdate, table.id), [&] {
            return QByteArray("UPDATE " + table.sqlBodies + " SET item=? WHERE id=?");
        });
        if (!b)
            return ApiError::internal(c.lastError());
        b->bindStatic(1, item.json).bind(2, item.bodyId);
        DD_CHECK(b->run());
    } else if (item.bodyId) {
        Statement *b = c.prepareKeyed(statementKey(StatementKind::ItemBodyInsert, table.id), [&] {
            return QByteArray("INSERT INTO " + table.sqlBodies + "(id, item) VALUES(?,?)");
        });
        if (!b)
            return ApiError::internal(c.lastError());
        b->bind(1, item.bodyId).bindStatic(2, item.json);
        DD_CHECK(b->run());
    }
    const QByteArray ref = item.bodyId ? bodyRef(item.bodyId) : QByteArray();
    Statement *s = c.prepareKeyed(statementKey(StatementKind::ItemPut, table.id), [&] {
        return QByteArray("INSERT OR REPLACE INTO " + table.sqlTable + "(h, pk, sk, size, item) VALUES(?,?,?,?,?)");
    });
    if (!s)
        return ApiError::internal(c.lastError());
    // The key and the item outlive the step: bound in place.
    s->bind(1, key.hash).bindStatic(2, key.pk).bindStatic(3, key.sk).bind(4, item.size);
    s->bindStatic(5, ref.isNull() ? QByteArrayView(item.json) : QByteArrayView(ref));
    return s->run();
}

Result<void> ItemStore::remove(Connection &c, const TableDef &table, const StoredKey &key, const StoredItem &old)
{
    Statement *s = c.prepareKeyed(statementKey(StatementKind::ItemRemove, table.id), [&] {
        return QByteArray("DELETE FROM " + table.sqlTable + " WHERE h=? AND pk=? AND sk=?");
    });
    if (!s)
        return ApiError::internal(c.lastError());
    s->bind(1, key.hash).bindStatic(2, key.pk).bindStatic(3, key.sk); // the key outlives the step
    DD_CHECK(s->run());
    if (old.bodyId)
        DD_CHECK(removeBody(c, table, old.bodyId));
    return {};
}

Result<void> ItemStore::removeBody(Connection &c, const TableDef &table, qint64 bodyId)
{
    Statement *s = c.prepareKeyed(statementKey(StatementKind::ItemBodyRemove, table.id), [&] {
        return QByteArray("DELETE FROM " + table.sqlBodies + " WHERE id=?");
    });
    if (!s)
        return ApiError::internal(c.lastError());
    s->bind(1, bodyId);
    return s->run();
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
    StoredItem stored = item; // its JSON shared; with its body's rowid, which ALL index entries refer to
    DD_ASSIGN(stored.bodyId, ItemStore::assignBody(txn.conn, table, key, item, old));
    if (!table.indexes.empty())
        DD_CHECK(IndexStore::apply(txn, table, key, old ? &*old : nullptr, &stored, fx));
    DD_CHECK(ItemStore::put(txn.conn, table, key, stored, old));
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
    DD_CHECK(ItemStore::remove(txn.conn, table, key, old));
    DD_CHECK(txn.logChange(table.id, ChangeEvent::Remove, keysJson, old.json, QByteArrayView()));
    txn.addStats(table.id, -1, -old.size);
    return {};
}

} // namespace dd::storage
