#include "storage/database.h"
#include "storage/database_p.h"
#include "storage/changelog.h"
#include "storage/encryptedvfs.h"
#include "storage/indexstore.h"
#include "storage/itemstore.h"

#include <QFileInfo>
#include <QScopeGuard>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <chrono>
#include <thread>

#include <sqlite3.h>

namespace dd::storage {

using namespace detail;

namespace {

// The on-disk schema version; bump it and add a migration when the schema changes.
constexpr int kSchemaVersion = 6;

// A pending change-log block this large is stored after the write that
// grew it, not at the commit: 128 BatchWriteItems of 16 MB with both images
// would otherwise make one row past SQLite's 1 GB limit, and a reader of the
// block reads all of it.
constexpr size_t kMaxBlockBytes = 1 << 20;

const QByteArray kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tables(
  name TEXT PRIMARY KEY,            -- TableName
  id INTEGER NOT NULL UNIQUE,       -- storage id: items live in t<id>
  description BLOB NOT NULL,        -- TableDescription JSON without live figures
  item_count INTEGER NOT NULL DEFAULT 0, -- as of the last clean close; -1: unknown, recounted on open (Database::m_liveStats)
  size_bytes INTEGER NOT NULL DEFAULT 0);
-- The change log: one table per logged table (storage/changelog.h).
CREATE TABLE IF NOT EXISTS index_stats(
  id INTEGER PRIMARY KEY,           -- IndexDef::id (from next_table_id: never reused); entries live in i<table id>_<id>
  table_id INTEGER NOT NULL,        -- tables.id
  item_count INTEGER NOT NULL DEFAULT 0, -- as tables.item_count
  size_bytes INTEGER NOT NULL DEFAULT 0);
INSERT OR IGNORE INTO meta(key, value) VALUES('schema_version', 6), ('next_table_id', 1);
)SQL";

} // namespace

Result<std::unique_ptr<Database>> Database::open(const QString &filePath, const QString &region, Clock *clock,
                                                std::shared_ptr<const DataKeys> keys)
{
    auto opened = openUnnamed(filePath, region, clock, std::move(keys));
    if (!opened.ok() && !filePath.isEmpty() && !opened.error().message().contains(filePath))
        return ApiError(opened.error().type(), QStringLiteral("Cannot open the database %1: %2").arg(filePath, opened.error().message()));
    return opened;
}

Result<std::unique_ptr<Database>> Database::openUnnamed(const QString &filePath, const QString &region, Clock *clock,
                                                       std::shared_ptr<const DataKeys> keys)
{
    std::unique_ptr<Database> db(new Database);
    db->m_path = filePath;
    db->m_region = region;
    db->m_clock = clock ? clock : Clock::system();
    if (keys && !filePath.isEmpty()) {
        if (encryptedvfs::isPlainDatabase(filePath))
            return ApiError::internal(QStringLiteral("the file is not encrypted, and the data directory is"));
        db->m_keys = std::move(keys);
        db->m_keysId = encryptedvfs::add(db->m_keys);
    }
    DD_ASSIGN(db->m_writer, db->openConnection(false));
    if (db->m_keys && encryptedvfs::prepareNewDatabase(db->m_writer->handle()) != SQLITE_OK)
        return ApiError::internal(db->m_writer->lastError());
    if (filePath.isEmpty()) {
        DD_CHECK(db->m_writer->exec("PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF;"));
    } else {
        // WAL: readers never block the writer. synchronous=NORMAL: a commit is
        // in the WAL before write() returns, so a killed process loses no
        // acknowledged write (a power loss may lose the last commits).
        DD_CHECK(db->m_writer->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"));
        // A WAL that grew past its usual size (a reader's snapshot kept it
        // from starting over) is cut back when it starts over.
        DD_CHECK(db->m_writer->exec("PRAGMA journal_size_limit=" + QByteArray::number(kWalSizeLimit)));
        DD_ASSIGN(db->m_checkpointer, db->openConnection(false));
        // A connection opens the WAL only when it first reads: until then its
        // checkpoints do nothing (and return log and checkpointed frames -1),
        // and the WAL grew without bound, each commit's frames costing more.
        DD_CHECK(db->m_checkpointer->exec("SELECT count(*) FROM sqlite_schema"));
        sqlite3_busy_handler(db->m_checkpointer->handle(), &Database::checkpointBusy, db.get());
        sqlite3_wal_autocheckpoint(db->m_writer->handle(), 0);
        db->m_checkpointAt.store(kCheckpointPages);
        sqlite3_wal_hook(db->m_writer->handle(), &Database::walHook, db.get());
        db->m_checkpointThread = std::thread([d = db.get()] { d->checkpointLoop(); });
    }
    // The writer's page cache is kept small (4 MiB) and the file mapped:
    // SQLite 3.40 rekeys a page to the pending-byte page number (262,145 for
    // 4 KiB pages) when a B-tree balance reorders pages, and the commit then
    // scans the whole page-cache hash table (pcache1TruncateUnsafe, with a
    // division per bucket). With a 64 MiB cache that scan took a third of
    // the server's CPU under PutItem (perf), more with a stream (its log
    // balances too): a streamed put was 34% slower than a plain one at
    // 16 MiB, 15% at 4 MiB and 2 MiB. Pages outside the cache come from
    // the mapping, or from the WAL, not from read() of the file.
    DD_CHECK(db->m_writer->exec("PRAGMA temp_store=MEMORY; PRAGMA cache_size=-4096; PRAGMA mmap_size=" + QByteArray::number(kMmapBytes) + ';'));
    // Debian builds SQLite with secure_delete on: every page a DROP TABLE or
    // a delete frees is read, zeroed and written to the WAL. Off (SQLite's
    // own default), freed pages only join the free list: DeleteTable of a
    // 60,000-item table (19 MB) holds the writer 0.04 s instead of 0.12 s
    // (two runs each, 2026-11-28). Deleted items' bytes may stay in free
    // pages until reused, as with DynamoDB Local; an encrypted data
    // directory keeps them encrypted.
    DD_CHECK(db->m_writer->exec("PRAGMA secure_delete=OFF"));
    // A read of the change log through the open transaction sees its pending blocks.
    db->m_writer->m_beforeLogRead = [d = db.get()] { return d->flushChangeLog(); };
    if (sqlite3_create_function(db->m_writer->handle(), "dd_changelog_end", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, db.get(),
                                &Database::changeLogEndFunction, nullptr, nullptr) != SQLITE_OK)
        return ApiError::internal(db->m_writer->lastError());
    DD_CHECK(db->initSchema());
    DD_CHECK(db->loadCatalog());
    {
        std::shared_lock lock(db->m_catalogMutex);
        for (const auto &t : std::as_const(db->m_tables))
            for (const IndexDef &i : t->indexes)
                if (i.backfilling)
                    db->scheduleBackfill({t->name, t->id, i.id});
    }
    return db;
}

Result<std::unique_ptr<Connection>> Database::openConnection(bool readOnly) const
{
    if (m_path.isEmpty())
        return Connection::open(QStringLiteral(":memory:"), readOnly);
    if (m_keysId)
        return Connection::open(encryptedvfs::uri(m_path, m_keysId), readOnly, encryptedvfs::name());
    return Connection::open(m_path, readOnly);
}

Result<std::pair<qint64, qint64>> Database::compactFile(const QString &filePath, const std::function<bool()> &cancelled,
                                                        std::shared_ptr<const DataKeys> keys)
{
    quint64 keysId = 0;
    auto unregister = qScopeGuard([&keysId] {
        if (keysId)
            encryptedvfs::remove(keysId);
    });
    std::unique_ptr<Connection> c;
    if (keys) {
        keysId = encryptedvfs::add(std::move(keys));
        DD_ASSIGN(c, Connection::open(encryptedvfs::uri(filePath, keysId), false, encryptedvfs::name()));
    } else {
        DD_ASSIGN(c, Connection::open(filePath, false));
    }
    // A cancel interrupts the VACUUM (SQLITE_INTERRUPT), which then rolls
    // back: the file stays as it was.
    if (cancelled)
        sqlite3_progress_handler(c->handle(), 4000, [](void *fn) { return int((*static_cast<const std::function<bool()> *>(fn))()); },
                                 const_cast<std::function<bool()> *>(&cancelled));
    // The WAL a killed process left is copied in first, so that both sizes
    // are the file's alone.
    DD_CHECK(c->exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    const qint64 before = QFileInfo(filePath).size();
    // VACUUM builds the new file in a temporary one first: on disk (as
    // large as the live data), not in memory.
    DD_CHECK(c->exec("PRAGMA temp_store=FILE; VACUUM"));
    // Done: the new file is committed (to the WAL). Copying it in can wait
    // for the checkpoints to come if another process's reader holds it up.
    (void)c->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return std::pair<qint64, qint64>(before, QFileInfo(filePath).size() + QFileInfo(filePath + QStringLiteral("-wal")).size());
}

Database::~Database()
{
    // A database that fails to open is destroyed on the thread that opened
    // it; a commit scope there must not keep it (its installs run detached
    // from scopes, so this is a safety net).
    if (CommitScope *scope = CommitScope::current(); scope && scope->m_db == this) {
        (void)step("ROLLBACK");
        scope->m_db = nullptr;
        scope->m_stats.clear();
        scope->m_lock.unlock();
        if (!scope->m_error)
            scope->m_error = ApiError::internal(QStringLiteral("The database of region %1 was closed inside a commit scope").arg(m_region));
    }
    if (m_backfillThread.joinable()) {
        {
            std::lock_guard lock(m_backfillMutex);
            m_backfillStopping = true;
        }
        m_backfillWake.notify_one();
        m_backfillThread.join();
    }
    // A clean close leaves exact figures behind (no recount on the next open).
    if (m_writer && !isInMemory()) {
        if (auto flushed = flushStats(); !flushed.ok())
            qWarning("Could not write the item counts of region %s (they are recounted on the next open): %s",
                     qPrintable(m_region), qPrintable(flushed.error().message()));
    }
    // Idle readers hold no snapshot past this point, so that the last
    // checkpoint can empty the WAL.
    endIdleReads(true);
    if (m_checkpointThread.joinable()) {
        {
            std::lock_guard lock(m_checkpointMutex);
            m_stopping = true;
        }
        m_checkpointWake.notify_one();
        m_checkpointThread.join();
    }
    for (ReaderSlot &slot : m_readerSlots)
        delete slot.conn.exchange(nullptr);
    m_writer.reset();
    m_checkpointer.reset();
    if (m_keysId)
        encryptedvfs::remove(m_keysId);
}

Result<void> Database::initSchema()
{
    DD_CHECK(m_writer->exec("BEGIN IMMEDIATE"));
    auto r = m_writer->exec(kSchema);
    if (!r.ok()) {
        (void)m_writer->exec("ROLLBACK");
        return r;
    }
    Statement *s = m_writer->prepare("SELECT value FROM meta WHERE key='schema_version'");
    const qint64 version = s && s->step() ? s->columnInt(0) : 0;
    if (s) s->reset();
    if (version < 1 || version > kSchemaVersion) {
        (void)m_writer->exec("ROLLBACK");
        return ApiError::internal(QStringLiteral("Unsupported database schema version %1 (this build reads %2)").arg(version).arg(kSchemaVersion));
    }
    if (version == 1)
        r = migrateFrom1();
    // Version 3: the change log moved to per-table logs (storage/changelog.h).
    if (r.ok() && version <= 2)
        r = ChangeLog::convertSharedLog(*m_writer);
    if (r.ok() && version <= 2)
        r = m_writer->exec("UPDATE meta SET value = 3 WHERE key = 'schema_version'");
    // Version 4: figures rows may hold -1 (unknown); version 3 wrote them at every commit.
    if (r.ok() && version <= 3)
        r = m_writer->exec("UPDATE meta SET value = 4 WHERE key = 'schema_version'");
    // Version 5: a log's rows are blocks of changes (storage/changelog.h).
    if (r.ok() && version <= 4)
        r = ChangeLog::convertToBlocks(*m_writer);
    if (r.ok() && version <= 4)
        r = m_writer->exec("UPDATE meta SET value = 5 WHERE key = 'schema_version'");
    // Version 6: large items' JSON in b<id> (storage/itemstore.h). Rows
    // written before keep their JSON inline, which reads as before.
    if (r.ok() && version <= 5)
        r = createBodyTables();
    if (r.ok() && version <= 5)
        r = m_writer->exec("UPDATE meta SET value = 6 WHERE key = 'schema_version'");
    if (r.ok())
        r = ChangeLog::rebuildView(*m_writer);
    if (r.ok()) {
        auto end = ChangeLog::highWater(*m_writer);
        if (end.ok())
            m_changeSeq = *end;
        else
            r = end.error();
    }
    if (r.ok())
        r = recoverStats();
    if (!r.ok()) {
        (void)m_writer->exec("ROLLBACK");
        return r;
    }
    return m_writer->exec("COMMIT");
}

// Version 6 keeps large items' JSON in b<id> (storage/itemstore.h): every
// table made before gets its (empty) one; its inline rows read as before.
Result<void> Database::createBodyTables()
{
    Statement *s = m_writer->prepare("SELECT id FROM tables");
    if (!s)
        return ApiError::internal(m_writer->lastError());
    std::vector<qint64> ids;
    while (s->step())
        ids.push_back(s->columnInt(0));
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    for (const qint64 id : ids)
        DD_CHECK(m_writer->exec(ItemStore::createBodiesSql("b" + QByteArray::number(id))));
    return {};
}

// Version 1 declared secondary indexes without storing them: give each a
// store, filled now (once, while the database opens), and the tables with
// LSIs their item-collection sizes.
Result<void> Database::migrateFrom1()
{
    std::vector<std::pair<qint64, QJsonObject>> tables;
    Statement *s = m_writer->prepare("SELECT id, description FROM tables");
    while (s && s->step())
        tables.emplace_back(s->columnInt(0), QJsonDocument::fromJson(s->columnBytes(1)).object());
    if (s) s->reset();
    WriteTxn txn(*this, *m_writer, m_clock->nowMs());
    for (auto &[id, desc] : tables) {
        const TableDef before = TableDef::fromDescription(id, desc);
        if (before.indexes.empty())
            continue;
        DD_ASSIGN(const QJsonObject updated, prepareIndexes(txn, id, desc));
        const TableDef def = TableDef::fromDescription(id, updated);
        if (def.hasLocalIndexes)
            DD_CHECK(m_writer->exec("INSERT INTO " + def.sqlCollections + " SELECT h, pk, sum(size) FROM " + def.sqlTable + " GROUP BY h, pk"));
        for (const IndexDef &index : def.indexes) {
            std::optional<StoredKey> after;
            do {
                DD_ASSIGN(after, IndexStore::backfillPage(txn, def, index, after, 1000));
            } while (after);
        }
        s = m_writer->prepare("UPDATE tables SET description = ? WHERE id = ?");
        s->bind(1, QJsonDocument(updated).toJson(QJsonDocument::Compact)).bind(2, id);
        s->step();
        if (s->resultCode() != SQLITE_DONE)
            return ApiError::internal(s->errorMessage());
    }
    for (const StatsDelta &d : txn.m_stats) {
        s = m_writer->prepare("UPDATE index_stats SET item_count = item_count + ?, size_bytes = size_bytes + ? WHERE id = ?");
        s->bind(1, d.items).bind(2, d.bytes).bind(3, d.id < 0 ? -d.id : d.id);
        s->step();
    }
    return m_writer->exec("UPDATE meta SET value = 2 WHERE key = 'schema_version'");
}

Result<void> Database::loadCatalog()
{
    m_loggedTables.reset();
    Statement *s = m_writer->prepare("SELECT id, description FROM tables");
    if (!s)
        return ApiError::internal(m_writer->lastError());
    QHash<QString, std::shared_ptr<const TableDef>> tables;
    while (s->step()) {
        const QJsonObject desc = QJsonDocument::fromJson(s->columnBytes(1)).object();
        auto def = std::make_shared<const TableDef>(TableDef::fromDescription(s->columnInt(0), desc));
        tables.insert(def->name, def);
    }
    s->reset();
    std::unique_lock lock(m_catalogMutex);
    m_tables = std::move(tables);
    return {};
}

bool Database::holdsWriteTxn() const
{
    if (m_groupThread.load(std::memory_order_relaxed) == std::this_thread::get_id())
        return true;
    const CommitScope *scope = CommitScope::current();
    return scope && scope->m_db == this;
}

std::shared_ptr<const TableDef> Database::table(const QString &name) const
{
    if (holdsWriteTxn()) {
        if (auto it = m_pendingTables.constFind(name); it != m_pendingTables.constEnd())
            return *it;
    }
    std::shared_lock lock(m_catalogMutex);
    return m_tables.value(name);
}

QStringList Database::tableNames() const
{
    QStringList names;
    {
        std::shared_lock lock(m_catalogMutex);
        names = m_tables.keys();
    }
    if (holdsWriteTxn() && !m_pendingTables.isEmpty()) {
        for (auto it = m_pendingTables.cbegin(); it != m_pendingTables.cend(); ++it) {
            names.removeOne(it.key());
            if (it.value())
                names.append(it.key());
        }
    }
    // ListTables orders names by their bytes.
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) { return model::compareUtf8(a, b) < 0; });
    return names;
}

void Database::setPendingTable(const QString &name, std::shared_ptr<const TableDef> def)
{
    m_pendingTables.insert(name, std::move(def));
}

void Database::endBody(WriteTxn &txn, bool ok)
{
    m_inBody = false;
    if (!ok) {
        m_pendingTables = m_pendingBeforeBody;
        for (const auto &[i, mark] : txn.m_logMarks)
            if (i < m_pendingLog.size())
                m_pendingLog[i].second.truncate(mark);
    } else {
        for (auto &fn : txn.m_onCommit)
            m_pendingHooks.push_back(std::move(fn));
        // (An error here recurs at the commit's flush, which fails the commit.)
        if (std::any_of(m_pendingLog.begin(), m_pendingLog.end(), [](const auto &b) { return b.second.bytes() >= kMaxBlockBytes; }))
            (void)flushChangeLog();
    }
    m_pendingBeforeBody.clear();
}

void Database::publishCatalog()
{
    if (!m_pendingTables.isEmpty()) {
        std::unique_lock lock(m_catalogMutex);
        for (auto it = m_pendingTables.cbegin(); it != m_pendingTables.cend(); ++it) {
            if (it.value())
                m_tables.insert(it.key(), it.value());
            else
                m_tables.remove(it.key());
        }
    }
    m_pendingTables.clear();
    std::vector<std::function<void()>> hooks;
    hooks.swap(m_pendingHooks);
    for (auto &fn : hooks)
        fn();
}

void Database::discardCatalog()
{
    m_pendingTables.clear();
    m_pendingBeforeBody.clear();
    m_pendingHooks.clear();
}

ApiError Database::readError(const ApiError &e)
{
    static const QRegularExpression dropped(QStringLiteral("no such table: (main\\.)?[bitc][0-9]+(_[0-9]+)?$"));
    if (e.type() == QLatin1String("InternalServerError") && e.message().contains(dropped))
        return ApiError::resourceNotFound(QStringLiteral("Requested resource not found"));
    return e;
}

} // namespace dd::storage
