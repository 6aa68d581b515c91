// Index maintenance and reads. A write compares the entry the old item had
// in each index with the one the new item has: nothing to do when both are
// absent or identical, one statement when the key is unchanged, a delete
// and an insert when it moved. Item counts and sizes of each index go
// through WriteTxn::addIndexStats under the index's id, committed with the
// table's.
//
// Entries are built from the stored items' members without decoding whole
// items (model/storedjson.h): an index whose attributes kept their bytes is
// skipped at once, only key attributes and projected ones are decoded, and
// a KEYS_ONLY or INCLUDE entry's JSON is the item's own member bytes (of the
// new entry only: the old one's position and size are all a write needs).
// Items outside the stored form are decoded in full instead, with the same
// result. An entry whose key changed is deleted and inserted: one UPDATE of
// its key columns cost SQLite a third more than the two statements.
#include "storage/indexstore.h"

#include "model/json.h"
#include "model/keycodec.h"
#include "model/limits.h"
#include "model/size.h"
#include "model/storedjson.h"
#include "storage/database.h"

#include <sqlite3.h>

namespace dd::storage {

namespace {

// The encoded index key value `v` of key attribute `e`, or nullopt if it
// cannot be an index key (absent, another type, empty, over the key limits).
std::optional<QByteArray> keyBytes(const model::AttributeValue *v, const KeyElement &e, bool isHash)
{
    if (!v || v->type() != e.type)
        return std::nullopt;
    qsizetype size = 1;
    if (e.type == model::AttrType::S)
        size = model::utf8Length(v->asString());
    else if (e.type == model::AttrType::B)
        size = v->asBinary().size();
    if (size == 0 || size > (isHash ? model::kMaxPartitionKeyBytes : model::kMaxSortKeyBytes))
        return std::nullopt;
    return model::encodeKeyValue(*v);
}

std::optional<QByteArray> keyBytes(const model::Item &item, const KeyElement &e, bool isHash)
{
    const auto it = item.find(e.name);
    return keyBytes(it == item.end() ? nullptr : &it->second, e, isHash);
}

// The encoded partition or sort key made of `parts` (one attribute: its
// plain encoding; several: model::appendKeyPart()'s), or nullopt if any part
// cannot be a key. Each part is held to the limit of its own attribute.
std::optional<QByteArray> keyBytes(const model::Item &item, const std::vector<KeyElement> &parts, bool isHash)
{
    if (parts.size() == 1)
        return keyBytes(item, parts.front(), isHash);
    QByteArray out;
    for (const KeyElement &e : parts) {
        const std::optional<QByteArray> part = keyBytes(item, e, isHash);
        if (!part)
            return std::nullopt;
        model::appendEscapedKeyPart(out, *part);
        out.append(char(0));
        out.append(model::kKeyPartTerminator);
    }
    return out;
}

Result<void> insertEntry(Connection &c, const IndexDef &index, const IndexRow &e, bool orIgnore)
{
    Statement *s = c.prepareKeyed(statementKey(orIgnore ? StatementKind::IndexInsertOrIgnore : StatementKind::IndexInsert, index.id), [&] {
        return (orIgnore ? "INSERT OR IGNORE INTO " : "INSERT OR REPLACE INTO ") + index.sqlTable
               + "(h, pk, sk, tpk, tsk, size, item) VALUES(?,?,?,?,?,?,?)";
    });
    if (!s)
        return ApiError::internal(c.lastError());
    // The entry outlives the step: its bytes are bound in place. An ALL
    // entry of a large item refers to the item's body (itemstore.h).
    s->bind(1, e.pos.index.hash).bindStatic(2, e.pos.index.pk).bindStatic(3, e.pos.index.sk).bindStatic(4, e.pos.tpk).bindStatic(5, e.pos.tsk);
    s->bind(6, e.item.size);
    if (e.item.bodyId)
        s->bind(7, ItemStore::bodyRef(e.item.bodyId));
    else
        s->bindStatic(7, e.item.json);
    return s->run();
}

// Deletes the entry at `pos`; returns whether there was one.
Result<bool> deleteEntry(Connection &c, const IndexDef &index, const IndexPosition &pos)
{
    Statement *s = c.prepareKeyed(statementKey(StatementKind::IndexDelete, index.id), [&] {
        return "DELETE FROM " + index.sqlTable + " WHERE h=? AND pk=? AND sk=? AND tpk=? AND tsk=?";
    });
    if (!s)
        return ApiError::internal(c.lastError());
    s->bind(1, pos.index.hash).bindStatic(2, pos.index.pk).bindStatic(3, pos.index.sk).bindStatic(4, pos.tpk).bindStatic(5, pos.tsk);
    DD_CHECK(s->run());
    return c.changes() > 0;
}

// The size of the entry at `pos`, or -1 if there is none.
Result<qint64> entrySize(Connection &c, const IndexDef &index, const IndexPosition &pos)
{
    Statement *s = c.prepareKeyed(statementKey(StatementKind::IndexEntrySize, index.id), [&] {
        return "SELECT size FROM " + index.sqlTable + " WHERE h=? AND pk=? AND sk=? AND tpk=? AND tsk=?";
    });
    if (!s)
        return ApiError::internal(c.lastError());
    s->bind(1, pos.index.hash).bind(2, pos.index.pk).bind(3, pos.index.sk).bind(4, pos.tpk).bind(5, pos.tsk);
    if (!s->step()) {
        if (s->resultCode() != SQLITE_DONE)
            return ApiError::internal(s->errorMessage());
        return qint64(-1);
    }
    const qint64 size = s->columnInt(0);
    s->reset();
    return size;
}

bool sameKey(const IndexPosition &a, const IndexPosition &b)
{
    return a.index.hash == b.index.hash && a.index.pk == b.index.pk && a.index.sk == b.index.sk;
}

Result<std::optional<model::Item>> parse(const StoredItem *stored)
{
    if (!stored)
        return std::optional<model::Item>();
    auto item = model::itemFromStoredJson(stored->json);
    if (!item)
        return ApiError::internal(QStringLiteral("A stored item could not be decoded"));
    return item;
}

// Adds `delta` bytes to the collection of partition `key`; returns its new size.
Result<qint64> updateCollection(Connection &c, const TableDef &table, const StoredKey &key, qint64 delta, qint64 limit)
{
    Statement *s = c.prepare("SELECT size FROM " + table.sqlCollections + " WHERE h=? AND pk=?");
    if (!s)
        return ApiError::internal(c.lastError());
    s->bind(1, key.hash).bind(2, key.pk);
    qint64 size = 0;
    if (s->step()) {
        size = s->columnInt(0);
        s->reset();
    } else if (s->resultCode() != SQLITE_DONE) {
        return ApiError::internal(s->errorMessage());
    }
    const qint64 total = size + delta;
    // Only a write that grows a collection past the limit is refused;
    // shrinking one that is over it (a smaller limit than before) works.
    if (delta > 0 && total > limit)
        return ApiError::itemCollectionSizeLimitExceeded(QStringLiteral("Item collection size limit exceeded"));
    if (delta == 0)
        return total;
    if (total <= 0) {
        s = c.prepare("DELETE FROM " + table.sqlCollections + " WHERE h=? AND pk=?");
        s->bind(1, key.hash).bind(2, key.pk);
    } else {
        s = c.prepare("INSERT OR REPLACE INTO " + table.sqlCollections + "(h, pk, size) VALUES(?,?,?)");
        s->bind(1, key.hash).bind(2, key.pk).bind(3, total);
    }
    DD_CHECK(s->run());
    return std::max<qint64>(total, 0);
}

} // namespace

QByteArray IndexStore::createSql(const IndexDef &index)
{
    return "CREATE TABLE " + index.sqlTable + "(h INTEGER NOT NULL, pk BLOB NOT NULL, sk BLOB NOT NULL, tpk BLOB NOT NULL, "
           "tsk BLOB NOT NULL, size INTEGER NOT NULL, item BLOB NOT NULL, PRIMARY KEY(h, pk, sk, tpk, tsk)) WITHOUT ROWID";
}

QByteArray IndexStore::createCollectionsSql(const TableDef &table)
{
    return "CREATE TABLE " + table.sqlCollections + "(h INTEGER NOT NULL, pk BLOB NOT NULL, size INTEGER NOT NULL, "
           "PRIMARY KEY(h, pk)) WITHOUT ROWID";
}

std::optional<IndexRow> IndexStore::entryFor(const TableDef &table, const IndexDef &index, const model::Item &item,
                                             const StoredItem &stored)
{
    IndexRow row;
    auto pk = keyBytes(item, index.keys.hashParts, true);
    if (!pk)
        return std::nullopt;
    row.pos.index.pk = std::move(*pk);
    if (index.keys.range) {
        auto sk = keyBytes(item, index.keys.rangeParts, false);
        if (!sk)
            return std::nullopt;
        row.pos.index.sk = std::move(*sk);
    }
    row.pos.index.hash = model::partitionHash(row.pos.index.pk);
    row.pos.tpk = model::encodeKeyValue(item.at(table.keys.hash.name));
    if (table.keys.range)
        row.pos.tsk = model::encodeKeyValue(item.at(table.keys.range->name));
    if (index.projectAll) {
        row.item = stored;
    } else {
        model::Item projected;
        for (const auto &[name, value] : item)
            if (index.projected.contains(name))
                projected.emplace(name, value);
        row.item.size = model::itemSize(projected);
        row.item.json = model::itemToJsonBytes(projected);
    }
    return row;
}

namespace {

// What one write does to one index: the entry the old item had, the one
// the new item has.
struct IndexChange {
    const IndexDef *index = nullptr;
    std::optional<IndexRow> before;
    std::optional<IndexRow> after;
};

// The attributes an entry of (non-ALL) `index` holds.
using ProjectedNames = QVarLengthArray<QStringView, 8>;

ProjectedNames projectedNames(const IndexDef &index)
{
    ProjectedNames names;
    if (index.projectedList.size() == index.projected.size()) {
        for (const QString &name : index.projectedList)
            names.append(name);
    } else {
        for (const QString &name : index.projected)
            names.append(name);
    }
    return names;
}

// Whether every attribute an entry of (non-ALL) `index` is made of has the
// same bytes in both versions of the item: then so do the entries.
bool sameProjectedMembers(const ProjectedNames &projected, const model::StoredMembers &a, const model::StoredMembers &b)
{
    for (QStringView name : projected) {
        const model::StoredMember *x = model::findStoredMember(a, name), *y = model::findStoredMember(b, name);
        if (bool(x) != bool(y) || (x && x->value != y->value))
            return false;
    }
    return true;
}

// The entry of a listed stored item in `index` (as entryFor() builds from the
// decoded item), into `out`; nullopt in `out` if it has none. Without
// `withJson` the entry of a non-ALL index gets its position and size but no
// JSON (an old entry's: only removed or replaced). Returns false if a member
// it needs is outside the stored form.
bool entryFromMembers(const StoredKey &key, const IndexDef &index, const ProjectedNames &projectedNames,
                      const model::StoredMembers &members, const StoredItem &stored, bool withJson,
                      std::optional<IndexRow> &out)
{
    out.reset();
    const auto keyValue = [&](const KeyElement &e, bool isHash, std::optional<QByteArray> &bytes) {
        const model::StoredMember *m = model::findStoredMember(members, e.name);
        if (!m) {
            bytes.reset();
            return true;
        }
        if (e.type == model::AttrType::S) {
            // A string key's encoding is its UTF-8 bytes, as stored when unescaped.
            if (const std::optional<QByteArrayView> text = model::storedPlainString(m->value)) {
                if (text->isEmpty() || text->size() > (isHash ? model::kMaxPartitionKeyBytes : model::kMaxSortKeyBytes))
                    bytes.reset();
                else
                    bytes = text->toByteArray();
                return true;
            }
        }
        const std::optional<model::AttributeValue> v = model::parseStoredValue(m->value);
        if (!v)
            return false;
        bytes = keyBytes(&*v, e, isHash);
        return true;
    };
    // A multi-attribute key: every part present and valid, then joined.
    const auto compositeValue = [&](const std::vector<KeyElement> &parts, bool isHash, std::optional<QByteArray> &bytes) {
        QByteArray out;
        for (const KeyElement &e : parts) {
            if (!keyValue(e, isHash, bytes))
                return false;
            if (!bytes)
                return true;
            model::appendEscapedKeyPart(out, *bytes);
            out.append(char(0));
            out.append(model::kKeyPartTerminator);
        }
        bytes = std::move(out);
        return true;
    };
    std::optional<QByteArray> pk, sk;
    if (!(index.keys.hashParts.size() == 1 ? keyValue(index.keys.hash, true, pk) : compositeValue(index.keys.hashParts, true, pk)))
        return false;
    if (!pk)
        return true;
    if (index.keys.range) {
        if (!(index.keys.rangeParts.size() == 1 ? keyValue(*index.keys.range, false, sk)
                                                : compositeValue(index.keys.rangeParts, false, sk)))
            return false;
        if (!sk)
            return true;
    }
    IndexRow row;
    row.pos.index.pk = std::move(*pk);
    if (sk)
        row.pos.index.sk = std::move(*sk);
    row.pos.index.hash = model::partitionHash(row.pos.index.pk);
    row.pos.tpk = key.pk; // the table's key is the item's
    row.pos.tsk = key.sk;
    if (index.projectAll) {
        row.item = stored;
    } else {
        // The projected item's JSON is its members' bytes, in the item's order.
        QByteArray &json = row.item.json;
        if (withJson) {
            json.reserve(stored.json.size());
            json += '{';
        }
        qint64 size = 0;
        for (const model::StoredMember &m : members) {
            bool projected = false;
            for (QStringView name : projectedNames)
                if (model::storedNameEquals(m.name, name)) {
                    projected = true;
                    break;
                }
            if (!projected)
                continue;
            size += m.name.size();
            if (const std::optional<QByteArrayView> text = model::storedPlainString(m.value)) {
                size += text->size();
            } else {
                const std::optional<model::AttributeValue> v = model::parseStoredValue(m.value);
                if (!v)
                    return false;
                size += model::attributeSize(*v);
            }
            if (!withJson)
                continue;
            if (json.size() > 1)
                json += ',';
            json += m.whole;
        }
        if (withJson)
            json += '}';
        row.item.size = size;
    }
    out = std::move(row);
    return true;
}

// The changes of a write, from the items' listed members; false if either
// item is outside the stored form (nothing is then decided).
bool changesFromMembers(const TableDef &table, const StoredKey &key, const StoredItem *old, const StoredItem *item,
                        std::vector<IndexChange> &out)
{
    model::StoredMembers oldMembers, newMembers;
    if ((old && !model::listStoredMembers(old->json, oldMembers)) || (item && !model::listStoredMembers(item->json, newMembers)))
        return false;
    for (const IndexDef &index : table.indexes) {
        if (index.id == 0)
            continue;
        const ProjectedNames projected = index.projectAll ? ProjectedNames() : projectedNames(index);
        // An update of attributes the index does not hold leaves its entry alone.
        if (old && item && !index.projectAll && sameProjectedMembers(projected, oldMembers, newMembers))
            continue;
        // The old entry's JSON is not needed: for a non-ALL index the check
        // above found that the entry changed, so only its position and size
        // matter (unchanged() then compares an empty JSON: false).
        IndexChange change{&index, std::nullopt, std::nullopt};
        if (old && !entryFromMembers(key, index, projected, oldMembers, *old, false, change.before))
            return false;
        if (item && !entryFromMembers(key, index, projected, newMembers, *item, true, change.after))
            return false;
        out.push_back(std::move(change));
    }
    return true;
}

// The same from the decoded items, for items outside the stored form.
Result<void> changesFromItems(const TableDef &table, const StoredItem *old, const StoredItem *item, std::vector<IndexChange> &out)
{
    DD_ASSIGN(const std::optional<model::Item> oldItem, parse(old));
    DD_ASSIGN(const std::optional<model::Item> newItem, parse(item));
    for (const IndexDef &index : table.indexes) {
        if (index.id == 0)
            continue;
        out.push_back(IndexChange{&index, oldItem ? IndexStore::entryFor(table, index, *oldItem, *old) : std::nullopt,
                                  newItem ? IndexStore::entryFor(table, index, *newItem, *item) : std::nullopt});
    }
    return {};
}

} // namespace

Result<void> IndexStore::apply(WriteTxn &txn, const TableDef &table, const StoredKey &key, const StoredItem *old,
                               const StoredItem *item, WriteEffects *fx)
{
    Connection &c = txn.conn;
    std::vector<IndexChange> changes;
    changes.reserve(table.indexes.size());
    if (!changesFromMembers(table, key, old, item, changes)) {
        changes.clear();
        DD_CHECK(changesFromItems(table, old, item, changes));
    }
    // Whether a change leaves its index's entry as it is.
    const auto unchanged = [](const IndexChange &change) {
        const std::optional<IndexRow> &before = change.before, &after = change.after;
        return (!before && !after)
               || (before && after && sameKey(before->pos, after->pos) && before->item.json == after->item.json);
    };
    // The item-collection limit is checked before anything changes, so that
    // a write refused for it changed nothing (WriteFailure::BeforeChanges).
    if (table.hasLocalIndexes) {
        qint64 collectionDelta = (item ? item->size : 0) - (old ? old->size : 0);
        for (const IndexChange &change : changes)
            if (!change.index->global && !unchanged(change))
                collectionDelta += (change.after ? change.after->item.size : 0) - (change.before ? change.before->item.size : 0);
        DD_ASSIGN(const qint64 total, updateCollection(c, table, key, collectionDelta,
                                                        fx ? fx->itemCollectionLimit : kDefaultItemCollectionLimitBytes));
        if (fx)
            fx->itemCollectionBytes = total;
    }
    for (const IndexChange &change : changes) {
        const IndexDef &index = *change.index;
        const std::optional<IndexRow> &before = change.before;
        const std::optional<IndexRow> &after = change.after;
        if (unchanged(change))
            continue; // nothing this index holds changed
        if (before && after && sameKey(before->pos, after->pos)) {
            // While backfilling, the entry may not be there yet.
            qint64 had = before->item.size;
            if (index.backfilling) {
                DD_ASSIGN(had, entrySize(c, index, after->pos));
            }
            DD_CHECK(insertEntry(c, index, *after, false));
            txn.addIndexStats(index.id, had < 0 ? 1 : 0, after->item.size - std::max<qint64>(had, 0));
        } else {
            if (before) {
                DD_ASSIGN(const bool removed, deleteEntry(c, index, before->pos));
                if (removed)
                    txn.addIndexStats(index.id, -1, -before->item.size);
            }
            if (after) {
                DD_CHECK(insertEntry(c, index, *after, false));
                txn.addIndexStats(index.id, 1, after->item.size);
            }
        }
        if (fx)
            fx->indexes.push_back({&index, before ? before->item.size : -1, after ? after->item.size : -1,
                                   before && after && sameKey(before->pos, after->pos)});
    }
    return {};
}

Result<std::optional<StoredKey>> IndexStore::backfillPage(WriteTxn &txn, const TableDef &table, const IndexDef &index,
                                                          const std::optional<StoredKey> &after, int maxRows)
{
    // Read the page first, then write: the scan's statement stays unshared.
    std::vector<StoredRow> rows;
    {
        HashRange range;
        range.startAfter = after;
        DD_ASSIGN(ItemScan scan, ItemScan::hashRange(txn.conn, table, range));
        StoredRow row;
        while (int(rows.size()) < maxRows) {
            DD_ASSIGN(const bool more, scan.next(row));
            if (!more)
                break;
            rows.push_back(std::move(row));
        }
    }
    for (const StoredRow &r : rows) {
        auto item = model::itemFromStoredJson(r.item.json);
        if (!item)
            return ApiError::internal(QStringLiteral("A stored item could not be decoded"));
        const std::optional<IndexRow> entry = entryFor(table, index, *item, r.item);
        if (!entry)
            continue;
        DD_CHECK(insertEntry(txn.conn, index, *entry, true));
        if (txn.conn.changes() > 0) {
            txn.addIndexStats(index.id, 1, entry->item.size);
            if (!index.global)
                DD_CHECK(updateCollection(txn.conn, table, r.key, entry->item.size, std::numeric_limits<qint64>::max()));
        }
    }
    if (int(rows.size()) < maxRows)
        return std::optional<StoredKey>();
    return std::optional<StoredKey>(rows.back().key);
}

IndexScan::~IndexScan()
{
    if (m_stmt)
        m_stmt->reset();
}

Result<IndexScan> IndexScan::partition(Connection &c, const TableDef &table, const IndexDef &index,
                                       const PartitionRange &range, const std::optional<IndexPosition> &after)
{
    QByteArray sql = "SELECT h, pk, sk, tpk, tsk, size, item FROM " + index.sqlTable + " WHERE h=?1 AND pk=?2";
    if (range.low)
        sql += range.low->inclusive ? " AND sk>=?3" : " AND sk>?3";
    if (range.high)
        sql += range.high->inclusive ? " AND sk<=?4" : " AND sk<?4";
    if (after)
        sql += range.forward ? " AND (sk, tpk, tsk) > (?5, ?6, ?7)" : " AND (sk, tpk, tsk) < (?5, ?6, ?7)";
    sql += range.forward ? " ORDER BY h, pk, sk, tpk, tsk" : " ORDER BY h DESC, pk DESC, sk DESC, tpk DESC, tsk DESC";
    Statement *s = c.prepare(sql);
    if (!s)
        return ApiError::internal(c.lastError());
    s->bind(1, range.hash).bind(2, range.pk);
    if (range.low)
        s->bind(3, range.low->bytes);
    if (range.high)
        s->bind(4, range.high->bytes);
    if (after)
        s->bind(5, after->index.sk).bind(6, after->tpk).bind(7, after->tsk);
    IndexScan scan;
    scan.m_stmt = s;
    scan.m_body = RowBody(c, table);
    return scan;
}

Result<IndexScan> IndexScan::hashRange(Connection &c, const TableDef &table, const IndexDef &index, qint64 hashLow,
                                       qint64 hashHigh, const std::optional<IndexPosition> &after)
{
    QByteArray sql = "SELECT h, pk, sk, tpk, tsk, size, item FROM " + index.sqlTable;
    sql += after ? " WHERE (h, pk, sk, tpk, tsk) > (?1, ?2, ?3, ?4, ?5) AND h<=?7" : " WHERE h>=?6 AND h<=?7";
    sql += " ORDER BY h, pk, sk, tpk, tsk";
    Statement *s = c.prepare(sql);
    if (!s)
        return ApiError::internal(c.lastError());
    if (after)
        s->bind(1, after->index.hash).bind(2, after->index.pk).bind(3, after->index.sk).bind(4, after->tpk).bind(5, after->tsk);
    else
        s->bind(6, hashLow);
    s->bind(7, hashHigh);
    IndexScan scan;
    scan.m_stmt = s;
    scan.m_body = RowBody(c, table);
    return scan;
}

Result<bool> IndexScan::step()
{
    if (!m_stmt)
        return false;
    DD_ASSIGN(const bool more, m_stmt->stepCursor(m_done));
    DD_CHECK(m_body.load(more ? m_stmt->columnBlob(6) : QByteArrayView()));
    return more;
}

qint64 IndexScan::hash() const { return m_stmt->columnInt(0); }
QByteArrayView IndexScan::pk() const { return m_stmt->columnBlob(1); }
QByteArrayView IndexScan::sk() const { return m_stmt->columnBlob(2); }
QByteArrayView IndexScan::tpk() const { return m_stmt->columnBlob(3); }
QByteArrayView IndexScan::tsk() const { return m_stmt->columnBlob(4); }
qint64 IndexScan::size() const { return m_stmt->columnInt(5); }
QByteArrayView IndexScan::item() const { return m_body.json(m_stmt->columnBlob(6)); }

Result<bool> IndexScan::next(IndexRow &row)
{
    DD_ASSIGN(const bool more, step());
    if (!more)
        return false;
    row.pos.index.hash = hash();
    row.pos.index.pk = pk().toByteArray();
    row.pos.index.sk = sk().toByteArray();
    row.pos.tpk = tpk().toByteArray();
    row.pos.tsk = tsk().toByteArray();
    row.item.size = size();
    row.item.json = m_body.jsonBytes(m_stmt->columnBlob(6));
    row.item.bodyId = m_body.id();
    return true;
}

} // namespace dd::storage
