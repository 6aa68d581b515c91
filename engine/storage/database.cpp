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

// Writes committed together at most by one group commit.
constexpr size_t kMaxGroupCommit = 128;

// A pending change-log block this large is stored after the write that
// grew it, not at the commit: 128 BatchWriteItems of 16 MB with both images
// would otherwise make one row past SQLite's 1 GB limit, and a reader of the
// block reads all of it.
constexpr size_t kMaxBlockBytes = 1 << 20;

// The writer maps the database file (SQLite's memory-mapped I/O) up to this
// size: a page found in the file is then read from memory, not copied in by
// a pread() each time it falls out of the page cache. Pages still in the WAL
// are read as before. Address space only; SQLite caps it at 2 GiB.
//
// Readers do not map it. SQLite 3.40 drops a connection's whole mapping
// (munmap, then mmap again and a page fault per page touched) whenever a
// read transaction finds that another connection committed since its last
// one: after nearly every write, each reader's next read did that, under
// the process's mmap lock for writing, which stalls the page faults of every
// other thread. Measured: GetItem p50 in process 72 -> 31 us and p99 217 ->
// 97 us with 500 puts/s beside it (backup_bench); over HTTP the shared
// bench's mixed workload 47,000-59,000 -> 68,000-76,000 requests/s, GetItem
// alone about 3% lower (pages copied by pread() when not in a reader's cache).
constexpr qint64 kMmapBytes = qint64(1) << 30;

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

Result<void> WriteTxn::logChange(qint64 tableId, ChangeEvent event, QByteArrayView keysJson,
                                 QByteArrayView oldImage, QByteArrayView newImage)
{
    m_lastLogBlock = -1;
    DD_ASSIGN(const int logged, m_db.logsChanges(tableId));
    if (!logged)
        return {};
    // Images no consumer reads are not stored (a KEYS_ONLY stream's rows hold keys only).
    if (!(logged & ChangeImages::OldImage))
        oldImage = QByteArrayView();
    if (!(logged & ChangeImages::NewImage))
        newImage = QByteArrayView();
    auto &pending = m_db.m_pendingLog;
    size_t i = 0;
    while (i < pending.size() && pending[i].first != tableId)
        ++i;
    if (i == pending.size())
        pending.emplace_back(tableId, ChangeLogBlock());
    ChangeLogBlock &block = pending[i].second;
    if (std::none_of(m_logMarks.begin(), m_logMarks.end(), [i](const auto &m) { return m.first == i; }))
        m_logMarks.append({i, block.mark()});
    // A rolled-back write leaves its seq unused: a gap, never a reuse.
    const qint64 seq = ++m_db.m_changeSeq;
    block.append(seq, nowMs, event, keysJson, oldImage, newImage);
    m_lastLogBlock = qsizetype(i);
    return {};
}

void WriteTxn::setLastChangeOrigin(int origin)
{
    if (m_lastLogBlock >= 0)
        m_db.m_pendingLog[size_t(m_lastLogBlock)].second.setLastOrigin(origin);
}

Result<void> Database::flushChangeLog()
{
    if (m_inBody)
        return {};
    for (auto &[tableId, block] : m_pendingLog) {
        if (block.empty())
            continue;
        if (!m_logTables.count(tableId)) {
            DD_CHECK(ChangeLog::create(*m_writer, tableId));
            m_logTables.insert(tableId);
            m_logTablesCreated.push_back(tableId);
        }
        DD_CHECK(ChangeLog::store(*m_writer, tableId, block));
        block.clear();
    }
    // Few tables take turns: drop the blocks of tables this commit left alone.
    if (m_pendingLog.size() > 4)
        m_pendingLog.clear();
    return {};
}

qint64 WriteTxn::changeLogEnd() const
{
    return m_db.m_changeSeq;
}

Result<void> WriteTxn::saveChangeLogEnd()
{
    DD_CHECK(conn.run("INSERT OR REPLACE INTO meta(key, value) VALUES('changelog_seq', ?)", {m_db.m_changeSeq}));
    // The pruner drops logs: have the next change of each table look again.
    m_db.m_logTables.clear();
    return {};
}

// dd_changelog_end(): WriteTxn::changeLogEnd() for SQL on the writer
// connection (the streams' catalog triggers start streams after it).
void Database::changeLogEndFunction(sqlite3_context *ctx, int, sqlite3_value **)
{
    sqlite3_result_int64(ctx, static_cast<Database *>(sqlite3_user_data(ctx))->m_changeSeq);
}

void WriteTxn::changeLogConsumersChanged()
{
    m_db.m_loggedTables.reset();
}

void Database::addChangeLogConsumer(const QByteArray &tableIdsQuery)
{
    // Not under the write lock: the database is not shared yet, and this
    // thread may hold that lock already (a region opened inside a commit scope).
    std::lock_guard lock(m_logConsumersMutex);
    m_logConsumers.push_back(tableIdsQuery);
    m_loggedTables.reset();
}

Result<int> Database::logsChanges(qint64 tableId)
{
    if (!m_loggedTables) {
        std::lock_guard lock(m_logConsumersMutex);
        std::unordered_map<qint64, int> ids;
        for (const QByteArray &sql : m_logConsumers) {
            Statement *s = m_writer->prepare(sql);
            if (!s)
                return ApiError::internal(m_writer->lastError());
            const bool saysImages = sqlite3_column_count(s->handle()) > 1;
            while (s->step())
                ids[s->columnInt(0)] |= ChangeImages::Logged
                                        | (saysImages ? int(s->columnInt(1)) : ChangeImages::OldImage | ChangeImages::NewImage);
            if (!s->ok())
                return ApiError::internal(s->errorMessage());
            s->reset();
        }
        m_loggedTables = std::move(ids);
    }
    const auto it = m_loggedTables->find(tableId);
    return it == m_loggedTables->end() ? 0 : it->second;
}

void WriteTxn::addStats(qint64 tableId, qint64 itemDelta, qint64 bytesDelta)
{
    m_stats.add(tableId, itemDelta, bytesDelta);
}

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

namespace {

// The reader slot a thread tries first: threads start at different slots,
// so that each tends to get back the reader it used last.
size_t readerSlotHint()
{
    static std::atomic<size_t> next{0};
    thread_local const size_t hint = next.fetch_add(1, std::memory_order_relaxed);
    return hint;
}

} // namespace

Connection *Database::acquireReader()
{
    const size_t start = readerSlotHint();
    for (size_t i = 0; i < kReaderSlots; ++i) {
        std::atomic<Connection *> &slot = m_readerSlots[(start + i) % kReaderSlots].conn;
        if (slot.load(std::memory_order_relaxed)) {
            if (Connection *c = slot.exchange(nullptr, std::memory_order_acquire))
                return c;
        }
    }
    auto c = openConnection(true);
    if (!c.ok())
        return nullptr;
    (void)(*c)->exec("PRAGMA cache_size=-16384; PRAGMA mmap_size=0;"); // not mapped: see kMmapBytes
    return c->release();
}

void Database::releaseReader(Connection *c)
{
    // A snapshot that a commit made stale is not kept while idle.
    if (c->m_readOpen && c->m_readSeq != m_commitSeq.load())
        endRead(*c);
    const size_t start = readerSlotHint();
    for (size_t i = 0; i < kReaderSlots; ++i) {
        Connection *empty = nullptr;
        ReaderSlot &slot = m_readerSlots[(start + i) % kReaderSlots];
        if (slot.conn.compare_exchange_strong(empty, c, std::memory_order_release, std::memory_order_relaxed)) {
            // The slot's cache line is this thread's now: the store costs no more.
            slot.releasedNs.store(steadyNs(), std::memory_order_relaxed);
            return;
        }
    }
    delete c; // the pool is full
}

Result<void> Database::beginRead(Connection &c)
{
    // The count is read before the snapshot is taken (by the first read
    // after BEGIN), so the snapshot holds at least every commit counted.
    const quint64 seq = m_commitSeq.load();
    if (c.m_readOpen) {
        if (c.m_readSeq == seq)
            return {};
        endRead(c);
    }
    forgetDroppedStatements(c);
    Statement *s = c.prepare("BEGIN");
    if (!s || (s->step(), s->resultCode() != SQLITE_DONE))
        return ApiError::internal(c.lastError());
    c.m_readOpen = true;
    c.m_readSeq = seq;
    return {};
}

void Database::endRead(Connection &c)
{
    // A statement left active would keep the snapshot past the COMMIT.
    for (sqlite3_stmt *s = sqlite3_next_stmt(c.handle(), nullptr); s; s = sqlite3_next_stmt(c.handle(), s)) {
        if (sqlite3_stmt_busy(s))
            sqlite3_reset(s);
    }
    if (Statement *s = c.prepare("COMMIT"))
        s->step();
    if (!sqlite3_get_autocommit(c.handle()))
        (void)c.exec("ROLLBACK");
    c.m_readOpen = false;
}

void Database::endIdleReads(bool all)
{
    const quint64 seq = m_commitSeq.load();
    for (ReaderSlot &slot : m_readerSlots) {
        Connection *c = slot.conn.exchange(nullptr, std::memory_order_acquire);
        if (!c)
            continue;
        if (c->m_readOpen && (all || c->m_readSeq != seq))
            endRead(*c);
        Connection *empty = nullptr;
        if (!slot.conn.compare_exchange_strong(empty, c, std::memory_order_release, std::memory_order_relaxed))
            releaseReader(c); // a thread put another reader there meanwhile
    }
}

void WriteTxn::droppedTables()
{
    onCommit([db = &m_db] { db->m_tableDrops.fetch_add(1, std::memory_order_relaxed); });
}

void Database::forgetDroppedStatements(Connection &c)
{
    const quint64 drops = m_tableDrops.load(std::memory_order_relaxed);
    if (c.m_dropsSeen == drops)
        return;
    // Only between transactions, with no statement stepping; should one
    // still be, the next transaction tries again.
    for (sqlite3_stmt *s = sqlite3_next_stmt(c.handle(), nullptr); s; s = sqlite3_next_stmt(c.handle(), s))
        if (sqlite3_stmt_busy(s))
            return;
    c.clearCache();
    c.m_dropsSeen = drops;
}

Result<void> Database::step(const QByteArray &sql)
{
    if (sql == "BEGIN IMMEDIATE") {
        forgetDroppedStatements(*m_writer);
        m_logTablesCreated.clear();
    }
    // A rollback may undo a consumer change: read the consumers again.
    if (sql.startsWith("ROLLBACK")) {
        m_loggedTables.reset();
        // It may undo a log's creation too: forget the logs this transaction
        // created (all of them, also for a savepoint's rollback: a log is
        // looked up again, not made twice). Not every log: the next write
        // of each would look its table up again.
        for (qint64 id : m_logTablesCreated)
            m_logTables.erase(id);
        m_logTablesCreated.clear();
        if (sql == "ROLLBACK")
            m_pendingLog.clear(); // the whole transaction: its changes too (a savepoint's: endBody)
    }
    Statement *s = m_writer->prepare(sql);
    if (!s)
        return ApiError::internal(m_writer->lastError());
    s->step();
    if (s->resultCode() != SQLITE_DONE)
        return ApiError::internal(s->errorMessage());
    return {};
}

std::optional<ApiError> Database::runWrite(PendingWrite &w)
{
    if (w.background) {
        std::unique_lock paused(m_pauseMutex);
        m_pauseEnded.wait_for(paused, kBackgroundPauseLimit, [this] { return !m_backgroundPaused; });
    }
    std::unique_lock lock(m_queueMutex);
    m_queue.push_back(&w);
    m_writeWaiters.fetch_add(1, std::memory_order_relaxed);
    while (!w.done && m_queue.front() != &w)
        w.cv.wait(lock);
    if (w.done)
        return w.commitError;
    std::vector<PendingWrite *> group{&w};
    m_writeWaiters.fetch_sub(1, std::memory_order_relaxed); // the group runs now: no longer waiting
    if (!w.background)
        takeQueuedRequests(group);
    lock.unlock();
    std::optional<ApiError> error;
    {
        awaitCheckpoint();
        std::lock_guard writeLock(m_writeMutex);
        m_groupThread.store(std::this_thread::get_id());
        error = executeGroup(group);
        m_groupThread.store(std::thread::id());
        if (!w.background)
            m_requestNs.store(steadyNs(), std::memory_order_relaxed);
    }
    lock.lock();
    for (PendingWrite *g : group) {
        g->done = true;
        g->commitError = error;
        if (g != &w)
            g->cv.notify_one();
    }
    std::erase_if(m_queue, [](const PendingWrite *g) { return g->done; });
    if (!m_queue.empty())
        m_queue.front()->cv.notify_one();
    return error;
}

bool Database::servedRequestsWithin(std::chrono::nanoseconds window) const
{
    const qint64 since = steadyNs() - qint64(window.count());
    if (m_requestNs.load(std::memory_order_relaxed) >= since)
        return true;
    for (const ReaderSlot &slot : m_readerSlots)
        if (slot.releasedNs.load(std::memory_order_relaxed) >= since)
            return true;
    return false;
}

void Database::takeQueuedRequests(std::vector<PendingWrite *> &group)
{
    // The group's leader heads the queue while the group runs (runWrite).
    int taken = 0;
    for (auto it = m_queue.begin() + 1; it != m_queue.end() && group.size() < kMaxGroupCommit; ++it) {
        if (!(*it)->background) {
            group.push_back(*it);
            ++taken;
        }
    }
    m_writeWaiters.fetch_sub(taken, std::memory_order_relaxed); // they run now: no longer waiting
}

std::optional<ApiError> Database::executeGroup(std::vector<PendingWrite *> &group)
{
    if (auto begun = step("BEGIN IMMEDIATE"); !begun.ok())
        return begun.error();
    StatsDeltas stats;
    for (size_t i = 0; i < group.size(); ++i) {
        PendingWrite *g = group[i];
        WriteTxn txn(*this, *m_writer, m_clock->nowMs());
        const bool single = group.size() == 1;
        const bool savepoint = !single && g->savepoint;
        const qint64 changesBefore = m_writer->totalChanges();
        if (savepoint && !step("SAVEPOINT w").ok()) {
            (void)step("ROLLBACK");
            discardCatalog();
            return ApiError::internal(m_writer->lastError());
        }
        // Catalog changes are seen at once by later writes of the group
        // (they run on this thread) and by the others after the commit.
        beginBody();
        const bool ok = g->body(txn);
        endBody(txn, ok);
        if (ok) {
            if (savepoint)
                (void)step("RELEASE w");
            txn.mergeStats(stats);
            // A background write's body ends early once writers wait: the
            // requests' writes queued meanwhile commit with it.
            if (g->background) {
                std::lock_guard lock(m_queueMutex);
                takeQueuedRequests(group);
            }
        } else if (single) {
            (void)step("ROLLBACK");
            discardCatalog();
            return std::nullopt; // the write reported its own error; nothing else to commit
        } else if (savepoint) {
            (void)step("ROLLBACK TO w");
            (void)step("RELEASE w");
        } else if (!unchangedSince(changesBefore)) {
            // A write without a savepoint failed after a change: what it did
            // cannot be taken back alone, so nothing of the group is kept.
            if (m_writer->inTransaction())
                (void)step("ROLLBACK");
            discardCatalog();
            (void)loadCatalog();
            return ApiError::internal(QStringLiteral("A write failed after changing the database; the writes committed with it were rolled back"));
        }
    }
    return commit(stats);
}

std::optional<ApiError> Database::commit(const StatsDeltas &stats)
{
    auto committed = flushChangeLog();
    if (committed.ok())
        committed = commitStats(stats);
    if (committed.ok())
        committed = step("COMMIT");
    if (!committed.ok()) {
        (void)step("ROLLBACK");
        discardCatalog();
        (void)loadCatalog();
        return committed.error();
    }
    publishStats(stats); // before the hooks, which may drop figures (forgetStats)
    publishCatalog();
    notifyCommit();
    return std::nullopt;
}

Result<void> Database::enterScope(CommitScope &scope)
{
    if (scope.m_db == this)
        return {};
    // After a failed commit every answer of the scope becomes that error
    // (finish()): a later write must not be kept either.
    if (auto failed = scope.commitPending())
        return *failed;
    m_writeWaiters.fetch_add(1, std::memory_order_relaxed);
    awaitCheckpoint();
    scope.m_lock = std::unique_lock(m_writeMutex);
    m_writeWaiters.fetch_sub(1, std::memory_order_relaxed);
    if (auto begun = step("BEGIN IMMEDIATE"); !begun.ok()) {
        scope.m_lock.unlock();
        return begun.error();
    }
    scope.m_db = this;
    return {};
}

bool Database::unchangedSince(qint64 changesBefore) const
{
    return m_writer->totalChanges() == changesBefore && m_writer->inTransaction();
}

void Database::leaveScopedWrite(CommitScope &scope, WriteTxn &txn, bool ok, std::optional<qint64> changesBefore)
{
    endBody(txn, ok);
    if (!ok) {
        if (!changesBefore) {
            (void)step("ROLLBACK TO w");
            (void)step("RELEASE w");
        } else if (!unchangedSince(*changesBefore)) {
            // A write without a savepoint failed after a change: it cannot
            // be taken back alone, so the scope's transaction is rolled back
            // and its writes fail, as when a commit fails.
            if (m_writer->inTransaction())
                (void)step("ROLLBACK");
            discardCatalog();
            (void)loadCatalog();
            if (!scope.m_error)
                scope.m_error = ApiError::internal(QStringLiteral("A write failed after changing the database; the writes committed with it were rolled back"));
            scope.m_db = nullptr;
            scope.m_stats.clear();
            scope.m_lock.unlock();
        }
        return;
    }
    if (!changesBefore)
        (void)step("RELEASE w");
    scope.m_wrote = true;
    txn.mergeStats(scope.m_stats);
}

std::optional<ApiError> Database::commitScope(CommitScope &scope)
{
    if (auto failed = commit(scope.m_stats))
        return failed;
    m_requestNs.store(steadyNs(), std::memory_order_relaxed);
    return std::nullopt;
}

int Database::addCommitListener(std::function<void()> fn)
{
    std::lock_guard lock(m_listenersMutex);
    const int id = m_nextListenerId++;
    m_commitListeners.emplace_back(id, std::move(fn));
    m_hasCommitListeners.store(true);
    return id;
}

void Database::removeCommitListener(int id)
{
    std::lock_guard lock(m_listenersMutex);
    std::erase_if(m_commitListeners, [id](const auto &l) { return l.first == id; });
    m_hasCommitListeners.store(!m_commitListeners.empty());
}

void Database::notifyCommit()
{
    if (!m_hasCommitListeners.load(std::memory_order_relaxed))
        return;
    std::lock_guard lock(m_listenersMutex);
    for (const auto &l : m_commitListeners)
        l.second();
}

} // namespace dd::storage
