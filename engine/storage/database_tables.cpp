// Database's catalog changes: the storage of a created, updated or dropped
// table and of its indexes, and the background backfill of a new index.
#include "storage/database.h"
#include "storage/indexstore.h"
#include "storage/itemstore.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <thread>

#include <pthread.h>
#include <sqlite3.h>

namespace dd::storage {

namespace {

// Backfill: table rows indexed per write transaction, and the pause between
// pages that lets queued writers in.
constexpr int kBackfillPageRows = 200;
constexpr auto kBackfillPause = std::chrono::milliseconds(1);

// The next value of the id counter shared by tables and indexes.
Result<qint64> allocateId(Connection &c)
{
    Statement *s = c.prepare("SELECT value FROM meta WHERE key='next_table_id'");
    if (!s || !s->step())
        return ApiError::internal(c.lastError());
    const qint64 id = s->columnInt(0);
    s->reset();
    s = c.prepare("UPDATE meta SET value = value + 1 WHERE key='next_table_id'");
    s->step();
    if (s->resultCode() != SQLITE_DONE)
        return ApiError::internal(s->errorMessage());
    return id;
}

} // namespace

Result<QJsonObject> Database::prepareIndexes(WriteTxn &txn, qint64 tableId, QJsonObject description)
{
    Connection &c = txn.conn;
    for (const char *kind : {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
        if (!description.contains(QLatin1String(kind)))
            continue;
        QJsonArray indexes = description.value(QLatin1String(kind)).toArray();
        for (qsizetype i = 0; i < indexes.size(); ++i) {
            QJsonObject o = indexes.at(i).toObject();
            if (o.contains(QLatin1String("_IndexId")) || o.value(QLatin1String("IndexStatus")).toString() == QLatin1String("DELETING"))
                continue;
            DD_ASSIGN(const qint64 id, allocateId(c));
            o.insert(QLatin1String("_IndexId"), id);
            indexes.replace(i, o);
            IndexDef index;
            index.sqlTable = "i" + QByteArray::number(tableId) + "_" + QByteArray::number(id);
            DD_CHECK(c.exec(IndexStore::createSql(index)));
            Statement *s = c.prepare("INSERT INTO index_stats(id, table_id) VALUES(?,?)");
            s->bind(1, id).bind(2, tableId);
            s->step();
            if (s->resultCode() != SQLITE_DONE)
                return ApiError::internal(s->errorMessage());
        }
        description.insert(QLatin1String(kind), indexes);
    }
    const TableDef def = TableDef::fromDescription(tableId, description);
    if (def.hasLocalIndexes)
        DD_CHECK(c.exec("CREATE TABLE IF NOT EXISTS " + def.sqlCollections + "(h INTEGER NOT NULL, pk BLOB NOT NULL, "
                        "size INTEGER NOT NULL, PRIMARY KEY(h, pk)) WITHOUT ROWID"));
    return description;
}

Result<std::shared_ptr<const TableDef>> Database::createTable(WriteTxn &txn, const QJsonObject &description)
{
    Connection &c = txn.conn;
    txn.changeLogConsumersChanged(); // the catalog's triggers open streams
    DD_ASSIGN(const qint64 id, allocateId(c));
    DD_ASSIGN(const QJsonObject desc, prepareIndexes(txn, id, description));
    auto def = std::make_shared<const TableDef>(TableDef::fromDescription(id, desc));
    Statement *s = c.prepare("INSERT INTO tables(name, id, description) VALUES(?,?,?)");
    s->bindText(1, def->name).bind(2, id).bind(3, QJsonDocument(desc).toJson(QJsonDocument::Compact));
    s->step();
    if (s->resultCode() != SQLITE_DONE)
        return ApiError::internal(s->errorMessage());
    DD_CHECK(c.exec(ItemStore::createSql(*def)));
    setPendingTable(def->name, def);
    return std::shared_ptr<const TableDef>(def);
}

Result<std::shared_ptr<const TableDef>> Database::updateTable(WriteTxn &txn, const TableDef &table, const QJsonObject &description)
{
    txn.changeLogConsumersChanged(); // the catalog's triggers open and close streams
    DD_ASSIGN(const QJsonObject desc, prepareIndexes(txn, table.id, description));
    auto def = std::make_shared<const TableDef>(TableDef::fromDescription(table.id, desc));
    for (const IndexDef &old : table.indexes) {
        const bool kept = std::any_of(def->indexes.begin(), def->indexes.end(), [&](const IndexDef &i) { return i.id == old.id; });
        if (kept || old.id == 0)
            continue;
        txn.droppedTables();
        DD_CHECK(txn.conn.exec("DROP TABLE IF EXISTS " + old.sqlTable));
        Statement *s = txn.conn.prepare("DELETE FROM index_stats WHERE id = ?");
        s->bind(1, old.id);
        s->step();
        forgetStats(txn, {-old.id});
    }
    Statement *s = txn.conn.prepare("UPDATE tables SET description = ? WHERE id = ?");
    s->bind(1, QJsonDocument(desc).toJson(QJsonDocument::Compact)).bind(2, table.id);
    s->step();
    if (s->resultCode() != SQLITE_DONE)
        return ApiError::internal(s->errorMessage());
    std::vector<BackfillJob> jobs;
    for (const IndexDef &i : def->indexes) {
        const bool isNew = std::none_of(table.indexes.begin(), table.indexes.end(), [&](const IndexDef &o) { return o.id == i.id; });
        if (i.backfilling && isNew)
            jobs.push_back({def->name, def->id, i.id});
    }
    setPendingTable(def->name, def);
    if (!jobs.empty())
        txn.onCommit([this, jobs] {
            for (const BackfillJob &job : jobs)
                scheduleBackfill(job);
        });
    return std::shared_ptr<const TableDef>(def);
}

Result<void> Database::dropTable(WriteTxn &txn, const TableDef &table)
{
    txn.changeLogConsumersChanged();
    Statement *s = txn.conn.prepare("DELETE FROM tables WHERE id = ?");
    s->bind(1, table.id);
    s->step();
    if (s->resultCode() != SQLITE_DONE)
        return ApiError::internal(s->errorMessage());
    txn.droppedTables();
    DD_CHECK(txn.conn.exec("DROP TABLE IF EXISTS " + table.sqlTable + "; DROP TABLE IF EXISTS " + table.sqlBodies));
    for (const IndexDef &index : table.indexes)
        if (index.id != 0)
            DD_CHECK(txn.conn.exec("DROP TABLE IF EXISTS " + index.sqlTable));
    DD_CHECK(txn.conn.exec("DROP TABLE IF EXISTS " + table.sqlCollections));
    s = txn.conn.prepare("DELETE FROM index_stats WHERE table_id = ?");
    s->bind(1, table.id);
    s->step();
    std::vector<qint64> figures{table.id};
    for (const IndexDef &index : table.indexes)
        if (index.id != 0)
            figures.push_back(-index.id);
    forgetStats(txn, std::move(figures));
    setPendingTable(table.name, nullptr);
    return {};
}

void Database::scheduleBackfill(const BackfillJob &job)
{
    std::lock_guard lock(m_backfillMutex);
    m_backfillJobs.push_back(job);
    if (!m_backfillThread.joinable())
        m_backfillThread = std::thread([this] { backfillLoop(); });
    m_backfillWake.notify_one();
}

void Database::backfillLoop()
{
    pthread_setname_np(pthread_self(), "dd-backfill");
    std::unique_lock lock(m_backfillMutex);
    for (;;) {
        m_backfillWake.wait(lock, [this] { return !m_backfillJobs.empty() || m_backfillStopping; });
        if (m_backfillStopping)
            return;
        const BackfillJob job = m_backfillJobs.front();
        lock.unlock();
        auto done = runBackfill(job);
        lock.lock();
        if (done.ok() && !*done)
            return; // stopping: the job is picked up again when the database next opens
        if (!done.ok())
            qWarning("Backfill of index %lld of table %s failed: %s", job.indexId, qPrintable(job.table), qPrintable(done.error().message()));
        m_backfillJobs.pop_front();
    }
}

// Returns true when the job is over (done, or its index is gone), false
// when stopping interrupted it.
Result<bool> Database::runBackfill(const BackfillJob &job)
{
    // The index as the catalog has it now, inside a write (the catalog is current there).
    const auto current = [this, &job]() -> std::pair<std::shared_ptr<const TableDef>, const IndexDef *> {
        auto def = table(job.table);
        if (!def || def->id != job.tableId)
            return {nullptr, nullptr};
        for (const IndexDef &i : def->indexes)
            if (i.id == job.indexId && i.backfilling)
                return {def, &i};
        return {nullptr, nullptr};
    };
    std::optional<StoredKey> after;
    for (;;) {
        {
            std::lock_guard lock(m_backfillMutex);
            if (m_backfillStopping)
                return false;
        }
        bool gone = false;
        DD_ASSIGN(const std::optional<StoredKey> last, write<std::optional<StoredKey>>([&](WriteTxn &txn) -> Result<std::optional<StoredKey>> {
            auto [def, index] = current();
            if (!index) {
                gone = true;
                return std::optional<StoredKey>();
            }
            return IndexStore::backfillPage(txn, *def, *index, after, kBackfillPageRows);
        }, WriteFailure::Anywhere, WriteFor::Background));
        if (gone)
            return true;
        if (!last)
            break;
        after = last;
        std::this_thread::sleep_for(kBackfillPause);
    }
    DD_CHECK(write<bool>([&](WriteTxn &txn) -> Result<bool> {
        auto [def, index] = current();
        if (!index)
            return true;
        QJsonObject desc = def->description;
        QJsonArray indexes = desc.value(QLatin1String("GlobalSecondaryIndexes")).toArray();
        for (qsizetype i = 0; i < indexes.size(); ++i) {
            QJsonObject o = indexes.at(i).toObject();
            if (o.value(QLatin1String("_IndexId")).toInteger() != job.indexId)
                continue;
            o.insert(QLatin1String("IndexStatus"), QLatin1String("ACTIVE"));
            o.remove(QLatin1String("Backfilling"));
            indexes.replace(i, o);
        }
        desc.insert(QLatin1String("GlobalSecondaryIndexes"), indexes);
        DD_CHECK(updateTable(txn, *def, desc));
        return true;
    }));
    return true;
}

} // namespace dd::storage
