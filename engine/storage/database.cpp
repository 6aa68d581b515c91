#include "storage/database.h"
#include "storage/changelog.h"
#include "storage/encryptedvfs.h"
#include "storage/indexstore.h"
#include "storage/itemstore.h"

#include <QFileInfo>
#include <QScopeGuard>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>
#include <chrono>
#include <limits>
#include <thread>

#include <pthread.h>

#include <sqlite3.h>

namespace dd::storage {

namespace {

// The on-disk schema version; bump it and add a migration when the schema changes.
constexpr int kSchemaVersion = 6;

// Backfill: table rows indexed per write transaction, and the pause between
// pages that lets queued writers in.
constexpr int kBackfillPageRows = 200;
constexpr auto kBackfillPause = std::chrono::milliseconds(1);

// WAL frames (pages) after which the checkpoint thread copies the WAL into
// the database and lets it start over (checkpointLoop); counted from where
// the last checkpoint left the WAL when a reader kept it from starting over.
constexpr int kCheckpointPages = 8000;
// The WAL file's size past which it is cut back when it starts over. SQLite
// cuts it in the first commit after the start, holding the writer: with
// twice what it holds under a steady PutItem load (64 MB), a heavy
// BatchWriteItem load (28,000 items/s, 20,000-40,000 frames between starts)
// had every such commit take 10-176 ms, 1.9 s of a 35 s load in all; at 8x
// (256 MB), 46 ms. Closing the database truncates it.
constexpr qint64 kWalSizeLimit = 8LL * kCheckpointPages * (4096 + 24);
// WAL frames past which writers wait for the checkpoint under way to end
// (awaitCheckpoint), when the machine copies and syncs slower than they
// commit: the WAL's bound. Above what a heavy BatchWriteItem load reaches
// between starts (40,000 frames).
constexpr int kWalFramesCap = 6 * kCheckpointPages;
// Frames a checkpoint leaves for its last pass, the one that holds writers
// off: unlocked passes copy the rest first (at most kCatchUpPasses of them,
// each copying what was committed during the one before, while that is less
// than what the one before copied).
constexpr int kHeldPassFrames = 256;
constexpr int kCatchUpPasses = 10;
// Times the checkpoint lets writers go on after taking the lock when a large
// commit came in just before (copying it first).
constexpr int kLockRetries = 2;
// Passes a checkpoint makes with background writes paused, before it holds
// writers off, to copy the whole WAL first (quietHeldPass); and how long a
// background write waits for them at most.
constexpr int kQuietPasses = 4;
constexpr auto kBackgroundPauseLimit = std::chrono::seconds(1);
// Times a pass is tried again when SQLite reports the WAL busy (checkpointPass).
constexpr int kBusyPassRetries = 5;
// Times the held pass waits 100 us for readers (checkpointBusy): for those
// reading now to finish, not for a long scan.
constexpr int kHeldPassWaits = 20;
// How long a checkpoint waits, in steps, for a reader whose snapshot holds
// most of the WAL back before it tries again later (catchUp): long enough
// for a reader that the machine stopped running mid-read to finish.
constexpr int kReaderWaits = 50;
constexpr auto kReaderWait = std::chrono::milliseconds(2);

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

// Microseconds since `since`, for CheckpointStats.
quint64 microsSince(std::chrono::steady_clock::time_point since)
{
    return quint64(std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - since).count());
}

// Raises a CheckpointStats maximum (written by the checkpoint thread only).
void raiseTo(std::atomic<quint64> &max, quint64 value)
{
    if (value > max.load(std::memory_order_relaxed))
        max.store(value, std::memory_order_relaxed);
}

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

int Database::walHook(void *self, sqlite3 *, const char *, int pages)
{
    auto *db = static_cast<Database *>(self);
    db->m_commitSeq.fetch_add(1);
    // Under the write lock, as every commit. Fewer frames than the commit
    // before: the WAL started over; the next checkpoint is due once it
    // holds kCheckpointPages again.
    if (pages < db->m_walFrames.load(std::memory_order_relaxed))
        db->m_checkpointAt.store(kCheckpointPages, std::memory_order_relaxed);
    db->m_walFrames.store(pages, std::memory_order_relaxed);
    if (pages >= db->m_checkpointAt.load(std::memory_order_relaxed)) {
        {
            std::lock_guard lock(db->m_checkpointMutex);
            db->m_checkpointWanted = true;
        }
        db->m_checkpointWake.notify_one();
    }
    return SQLITE_OK;
}

void Database::checkpointLoop()
{
    pthread_setname_np(pthread_self(), "dd-checkpoint");
    std::unique_lock lock(m_checkpointMutex);
    for (;;) {
        m_checkpointWake.wait(lock, [this] { return m_checkpointWanted || m_stopping; });
        if (m_stopping)
            break;
        m_checkpointWanted = false;
        lock.unlock();
        checkpoint();
        lock.lock();
        // Commits during the checkpoint asked again; the next one past
        // m_checkpointAt will.
        m_checkpointWanted = false;
    }
    lock.unlock();
    // On the way out, leave a small WAL behind.
    sqlite3_wal_checkpoint_v2(m_checkpointer->handle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
}

Database::CheckpointPass Database::checkpointPass()
{
    // Idle readers' stale snapshots would hold the pass back.
    endIdleReads(false);
    CheckpointPass pass;
    // A pass that meets a commit updating the WAL's index may find it
    // changing and report SQLITE_BUSY, having copied nothing and measured
    // nothing: try again. (Taken as a pass of an empty WAL, it was not held
    // back by a reader, and the checkpoint held writers off while a reader's
    // snapshot kept the WAL from starting over: one run in 20 of
    // walStartsOverOnceAReaderLetsGo.)
    int rc = SQLITE_BUSY;
    for (int i = 0; i < kBusyPassRetries && rc == SQLITE_BUSY; ++i) {
        if (i > 0)
            std::this_thread::sleep_for(std::chrono::microseconds(100));
        rc = sqlite3_wal_checkpoint_v2(m_checkpointer->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &pass.logFrames, &pass.copiedFrames);
    }
    if (rc != SQLITE_OK || pass.logFrames < 0)
        pass.logFrames = pass.copiedFrames = 0;
    m_checkpointPasses.fetch_add(1, std::memory_order_relaxed);
    return pass;
}

int Database::checkpointBusy(void *self, int count)
{
    // The held pass waits for readers: idle ones end their snapshots, the
    // others finish their reads (a GetItem's microseconds); it gives up on
    // a long one (a scan).
    if (count >= kHeldPassWaits)
        return 0;
    static_cast<Database *>(self)->endIdleReads(true);
    std::this_thread::sleep_for(std::chrono::microseconds(100));
    return 1;
}

bool Database::heldBackByReader(const CheckpointPass &pass)
{
    // A reader that began a moment ago holds back only what was committed
    // since, some frames.
    return pass.logFrames - pass.copiedFrames > kHeldPassFrames;
}

int Database::framesBehind(const CheckpointPass &pass) const
{
    // The WAL's frames now (after the last commit) that are not copied; none
    // once the WAL started over.
    return std::max(0, m_walFrames.load(std::memory_order_relaxed) - pass.copiedFrames);
}

void Database::syncFile(int which)
{
    sqlite3_file *file = nullptr;
    if (sqlite3_file_control(m_checkpointer->handle(), "main", which, &file) == SQLITE_OK && file && file->pMethods) {
        const auto since = std::chrono::steady_clock::now();
        file->pMethods->xSync(file, SQLITE_SYNC_NORMAL);
        if (const int delay = m_syncDelayMs.load(std::memory_order_relaxed))
            std::this_thread::sleep_for(std::chrono::milliseconds(delay));
        raiseTo(m_checkpointMaxSyncMicros, microsSince(since));
    }
}

void Database::checkpoint()
{
    // The WAL starts over only when a write begins with all of it copied
    // into the database and no reader using it; under steady writes passes
    // that let writers go on never get there (they commit more meanwhile),
    // and the WAL, each commit's frame appends and every read's frame
    // lookups grew without bound. So the last pass holds writers off. It
    // is kept short: unlocked passes copy nearly everything first, and the
    // database file is synced before it. (A pass that cannot copy the whole
    // WAL, as these cannot while writers commit, writes the pages without
    // syncing the database file: the WAL still holds them. The pass that
    // completes it syncs the file, and with everything the earlier passes
    // copied still unsynced, that took tens of milliseconds, all of them
    // holding writers off.)
    // Writes wait while the WAL is past kWalFramesCap, until the end of the
    // checkpoint (but not while a reader holds it back: catchUp).
    setWalCapped(true);
    struct Uncap {
        Database *db;
        ~Uncap() { db->setWalCapped(false); }
    } uncap{this};
    CheckpointPass pass = checkpointPass();
    if (!catchUp(pass)) {
        // A reader's snapshot keeps much of the WAL from being copied (a
        // long scan, a backup): holding writers off would not let it start
        // over. Try again once the WAL has grown a little.
        postpone(pass);
        return;
    }
    // Background writes wait from here to the end of the checkpoint.
    pauseBackground(true);
    struct Resume {
        Database *db;
        ~Resume() { db->pauseBackground(false); }
    } resume{this};
    if (quietHeldPass(pass))
        return;
    // (Writers that outran the passes are held off all the same, however
    // long the pass takes: the WAL stays bounded.) The held pass syncs the
    // WAL's new frames before it copies them: sync those committed so far
    // now, so that it syncs only the last few.
    syncFile(SQLITE_FCNTL_JOURNAL_POINTER);
    std::unique_lock writers(m_writeMutex, std::defer_lock);
    for (int i = 0;; ++i) {
        const int behindBefore = framesBehind(pass);
        lockWriters(writers);
        // A large commit came in while it waited for the lock (a restore's,
        // say, which commits when others wait): copy it with writers going on.
        if (framesBehind(pass) <= std::max(kHeldPassFrames, 2 * behindBefore) || i == kLockRetries)
            break;
        writers.unlock();
        const CheckpointPass next = checkpointPass();
        if (heldBackByReader(next)) {
            postpone(next); // as above
            return;
        }
        pass = next;
        syncFile(SQLITE_FCNTL_FILE_POINTER);
    }
    heldPass(writers, false);
}

bool Database::catchUp(CheckpointPass &pass)
{
    for (int waits = 0;;) {
        int behind = std::numeric_limits<int>::max();
        for (int i = 0; i < kCatchUpPasses; ++i) {
            // Sync what the passes copied while writers go on: the held pass
            // then syncs only its own few pages.
            syncFile(SQLITE_FCNTL_FILE_POINTER);
            const int nowBehind = framesBehind(pass);
            // Caught up, or not catching up: writers as fast as the passes
            // would make the WAL grow while they chase them (hold them off now,
            // while the held pass has the least to copy).
            if (nowBehind <= kHeldPassFrames || nowBehind >= behind)
                break;
            behind = nowBehind;
            const CheckpointPass next = checkpointPass();
            const bool progressed = next.copiedFrames > pass.copiedFrames || next.logFrames < pass.logFrames;
            pass = next;
            if (!progressed)
                break; // a reader's snapshot holds it back
        }
        if (!heldBackByReader(pass))
            return true;
        // A reader holds it back: a long one (a scan, a backup), or one
        // reading for microseconds that the machine stopped running for a
        // while. Passes made back to back cannot tell them apart; a
        // preempted reader finishes once it runs again. Wait for it, without
        // holding writers off (aReaderStoppedForAMomentDoesNotPostponeTheCheckpoint).
        setWalCapped(false);
        for (bool progressed = false; !progressed;) {
            if (waits++ == kReaderWaits)
                return false;
            std::this_thread::sleep_for(kReaderWait);
            const CheckpointPass next = checkpointPass();
            progressed = next.copiedFrames > pass.copiedFrames || next.logFrames < pass.logFrames;
            pass = next;
        }
        setWalCapped(true);
    }
}

void Database::postpone(const CheckpointPass &pass)
{
    // Soon, so that the WAL starts over shortly after the reader lets go:
    // the passes in the meantime are quick, as they copy little.
    m_checkpointAt.store(pass.logFrames + kCheckpointPages / 8, std::memory_order_relaxed);
    m_checkpointsPostponed.fetch_add(1, std::memory_order_relaxed);
}

bool Database::quietHeldPass(CheckpointPass &pass)
{
    // With requests' commits alone (a few frames a millisecond, or none), a
    // pass often copies all of the WAL; the RESTART then neither copies nor
    // syncs, and holds writers off for microseconds instead of two fsyncs
    // (1-2 ms each held pass here, 33 of them during two restores of 400,000
    // items). Under a heavy request load the passes never catch up, and the
    // held pass of checkpoint() copies the rest.
    int behind = std::numeric_limits<int>::max();
    for (int i = 0; i < kQuietPasses; ++i) {
        const int nowBehind = framesBehind(pass);
        if (nowBehind > kHeldPassFrames && nowBehind >= behind)
            return false; // requests commit as fast as the passes copy
        behind = nowBehind;
        if (nowBehind == 0) {
            std::unique_lock writers(m_writeMutex, std::defer_lock);
            lockWriters(writers);
            if (framesBehind(pass) == 0) {
                heldPass(writers, true);
                return true;
            }
            behind = std::numeric_limits<int>::max(); // a commit came in first: try again
        }
        const CheckpointPass next = checkpointPass();
        if (heldBackByReader(next))
            return false; // (a reader that began during the pass: the held pass copies the rest)
        pass = next;
    }
    return false;
}

void Database::lockWriters(std::unique_lock<std::mutex> &writers)
{
    // Queued writers count the checkpoint as one of them, so that long
    // background writers (restores) commit and let it in.
    m_writeWaiters.fetch_add(1, std::memory_order_relaxed);
    const auto since = std::chrono::steady_clock::now();
    writers.lock();
    raiseTo(m_checkpointMaxLockWaitMicros, microsSince(since));
    m_writeWaiters.fetch_sub(1, std::memory_order_relaxed);
}

void Database::setWalCapped(bool capped)
{
    {
        std::lock_guard cap(m_capMutex);
        m_walCapped.store(capped, std::memory_order_release);
    }
    if (!capped)
        m_capLifted.notify_all();
}

bool Database::walOverCap() const
{
    return m_walCapped.load(std::memory_order_acquire) && m_walFrames.load(std::memory_order_relaxed) > kWalFramesCap;
}

void Database::awaitCheckpoint()
{
    if (!walOverCap())
        return;
    std::unique_lock cap(m_capMutex);
    m_capLifted.wait(cap, [this] { return !walOverCap(); });
}

void Database::heldPass(std::unique_lock<std::mutex> &writers, bool quiet)
{
    const auto heldSince = std::chrono::steady_clock::now();
    // RESTART: copy the rest, then wait until no reader uses the WAL (idle
    // readers end their snapshots, see checkpointBusy), so that the next
    // commit starts it over; the readers that begin from then on read the
    // database file alone.
    CheckpointPass pass;
    const int rc = sqlite3_wal_checkpoint_v2(m_checkpointer->handle(), nullptr, SQLITE_CHECKPOINT_RESTART, &pass.logFrames,
                                             &pass.copiedFrames);
    m_checkpointPasses.fetch_add(1, std::memory_order_relaxed);
    // The next checkpoint is due kCheckpointPages past this one's end; once
    // the next commit starts the WAL over, past its start (walHook). If a
    // reader kept the WAL from starting over, sooner.
    const bool complete = rc == SQLITE_OK && pass.logFrames > 0 && pass.copiedFrames == pass.logFrames;
    m_checkpointAt.store(std::max(pass.logFrames, 0) + (complete ? kCheckpointPages : kCheckpointPages / 8), std::memory_order_relaxed);
    if (complete)
        m_checkpointsCompleted.fetch_add(1, std::memory_order_relaxed);
    writers.unlock();
    // Quiet ones counted first: a reader of heldPasses, then quietPasses, finds as many quiet ones as it should.
    if (quiet)
        m_checkpointQuietPasses.fetch_add(1, std::memory_order_release);
    m_checkpointHeldPasses.fetch_add(1, std::memory_order_release);
    const quint64 held = microsSince(heldSince);
    m_checkpointHeldMicros.fetch_add(held, std::memory_order_relaxed);
    raiseTo(m_checkpointMaxHeldMicros, held);
}

void Database::pauseBackground(bool paused)
{
    std::lock_guard lock(m_pauseMutex);
    m_backgroundPaused = paused;
    if (!paused)
        m_pauseEnded.notify_all();
}

Database::CheckpointStats Database::checkpointStats() const
{
    CheckpointStats s;
    s.passes = m_checkpointPasses.load(std::memory_order_relaxed);
    s.heldPasses = m_checkpointHeldPasses.load(std::memory_order_acquire);
    s.quietPasses = m_checkpointQuietPasses.load(std::memory_order_acquire);
    s.completed = m_checkpointsCompleted.load(std::memory_order_relaxed);
    s.heldMicros = m_checkpointHeldMicros.load(std::memory_order_relaxed);
    s.maxHeldMicros = m_checkpointMaxHeldMicros.load(std::memory_order_relaxed);
    s.maxLockWaitMicros = m_checkpointMaxLockWaitMicros.load(std::memory_order_relaxed);
    s.postponed = m_checkpointsPostponed.load(std::memory_order_relaxed);
    s.maxSyncMicros = m_checkpointMaxSyncMicros.load(std::memory_order_relaxed);
    return s;
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

Result<void> Database::commitStats(const StatsDeltas &stats)
{
    // The figures themselves stay in memory (m_liveStats); only a row whose
    // figures change for the first time since they were written is marked
    // unknown, in this transaction, so that a process killed after this
    // commit recounts it on the next open. In memory nothing outlives the process.
    if (isInMemory())
        return {};
    const auto mark = [this](StatementKind kind, const char *sql, qint64 id) {
        Statement *s = m_writer->prepareKeyed(statementKey(kind, 0), [sql] { return QByteArray(sql); });
        s->bind(1, id);
        s->step();
        return s;
    };
    for (const StatsDelta &d : stats) {
        if (d.items == 0 && d.bytes == 0)
            continue;
        {
            std::lock_guard lock(m_statsMutex);
            if (const auto live = m_liveStats.find(d.id); live != m_liveStats.end() && live->second.unknownOnDisk)
                continue;
        }
        Statement *s = nullptr;
        if (d.id < 0) {
            // WriteTxn::addIndexStats
            s = mark(StatementKind::IndexStatsUpdate, "UPDATE index_stats SET item_count = -1 WHERE id = ?", -d.id);
        } else {
            // Table and index ids come from one counter: an id that is no table's is an index's.
            s = mark(StatementKind::TableStatsUpdate, "UPDATE tables SET item_count = -1 WHERE id = ?", d.id);
            if (s->resultCode() == SQLITE_DONE && m_writer->changes() == 0)
                s = mark(StatementKind::IndexStatsUpdate, "UPDATE index_stats SET item_count = -1 WHERE id = ?", d.id);
        }
        if (s->resultCode() != SQLITE_DONE)
            return ApiError::internal(s->errorMessage());
    }
    return {};
}

void Database::publishStats(const StatsDeltas &stats)
{
    std::lock_guard lock(m_statsMutex);
    for (const StatsDelta &d : stats) {
        if (d.items == 0 && d.bytes == 0)
            continue;
        LiveStats &live = m_liveStats[d.id];
        live.items += d.items;
        live.bytes += d.bytes;
        live.unknownOnDisk = true;
    }
}

void Database::forgetStats(WriteTxn &txn, std::vector<qint64> keys)
{
    txn.onCommit([this, keys = std::move(keys)] {
        std::lock_guard lock(m_statsMutex);
        for (qint64 key : keys)
            m_liveStats.erase(key);
    });
}

std::pair<qint64, qint64> Database::liveStats(qint64 key) const
{
    std::lock_guard lock(m_statsMutex);
    const auto it = m_liveStats.find(key);
    return it == m_liveStats.end() ? std::pair<qint64, qint64>{0, 0} : std::pair{it->second.items, it->second.bytes};
}

Result<void> Database::recoverStats()
{
    // Rows marked unknown: (table id, index id or 0).
    std::vector<std::pair<qint64, qint64>> unknown;
    Statement *s = m_writer->prepare("SELECT id, 0 FROM tables WHERE item_count < 0 UNION ALL "
                                     "SELECT table_id, id FROM index_stats WHERE item_count < 0");
    if (!s)
        return ApiError::internal(m_writer->lastError());
    while (s->step())
        unknown.emplace_back(s->columnInt(0), s->columnInt(1));
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    for (const auto &[tableId, indexId] : unknown) {
        const QByteArray store = indexId ? "i" + QByteArray::number(tableId) + "_" + QByteArray::number(indexId)
                                         : "t" + QByteArray::number(tableId);
        qint64 count = 0, bytes = 0;
        // A store that is missing (never created) holds nothing.
        s = m_writer->prepare("SELECT count(*), coalesce(sum(size), 0) FROM " + store);
        if (s) {
            if (!s->step())
                return ApiError::internal(s->errorMessage());
            count = s->columnInt(0);
            bytes = s->columnInt(1);
            s->reset();
        }
        DD_CHECK(m_writer->run(indexId ? "UPDATE index_stats SET item_count = ?, size_bytes = ? WHERE id = ?"
                                       : "UPDATE tables SET item_count = ?, size_bytes = ? WHERE id = ?",
                               {count, bytes, indexId ? indexId : tableId}));
    }
    s = m_writer->prepare("SELECT id, item_count, size_bytes FROM tables UNION ALL "
                          "SELECT -id, item_count, size_bytes FROM index_stats");
    if (!s)
        return ApiError::internal(m_writer->lastError());
    std::unordered_map<qint64, LiveStats> live;
    while (s->step())
        live[s->columnInt(0)] = LiveStats{s->columnInt(1), s->columnInt(2), false};
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    std::lock_guard lock(m_statsMutex);
    m_liveStats = std::move(live);
    return {};
}

Result<void> Database::flushStats()
{
    std::lock_guard writers(m_writeMutex);
    std::lock_guard lock(m_statsMutex);
    if (std::none_of(m_liveStats.begin(), m_liveStats.end(), [](const auto &e) { return e.second.unknownOnDisk; }))
        return {};
    DD_CHECK(step("BEGIN IMMEDIATE"));
    for (auto &[key, live] : m_liveStats) {
        if (!live.unknownOnDisk)
            continue;
        // A row that is gone (its table or index dropped) updates nothing.
        auto updated = m_writer->run(key < 0 ? "UPDATE index_stats SET item_count = ?, size_bytes = ? WHERE id = ?"
                                             : "UPDATE tables SET item_count = ?, size_bytes = ? WHERE id = ?",
                                     {live.items, live.bytes, key < 0 ? -key : key});
        if (!updated.ok()) {
            (void)step("ROLLBACK");
            return updated.error();
        }
    }
    if (auto committed = step("COMMIT"); !committed.ok()) {
        (void)step("ROLLBACK");
        return committed.error();
    }
    for (auto &entry : m_liveStats)
        entry.second.unknownOnDisk = false;
    return {};
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

namespace {

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

Result<std::pair<qint64, qint64>> Database::tableStats(qint64 tableId)
{
    return liveStats(tableId);
}

Result<std::pair<qint64, qint64>> Database::indexStats(qint64 indexId)
{
    return liveStats(-indexId);
}

Result<std::optional<std::pair<qint64, qint64>>> Database::tableStatsInRead(Connection &c, qint64 tableId)
{
    const auto pin = [&]() -> Result<std::optional<std::pair<qint64, qint64>>> {
        Statement *s = c.prepare("SELECT 1 FROM tables WHERE id = ?");
        if (!s)
            return ApiError::internal(c.lastError());
        s->bind(1, tableId);
        const bool found = s->step();
        if (!found && s->resultCode() != SQLITE_DONE)
            return ApiError::internal(s->errorMessage());
        s->reset();
        if (!found)
            return std::optional<std::pair<qint64, qint64>>();
        return std::optional(liveStats(tableId));
    };
    // The writer (in memory, or this thread's commit scope) runs under the
    // write lock already: no commit can come between.
    if (&c == m_writer.get())
        return pin();
    // A scope holding another database commits first: a scope never waits
    // for a lock while it holds one.
    if (CommitScope *scope = CommitScope::current(); scope && scope->m_db && scope->m_db != this)
        (void)scope->commitPending();
    // A write body of this thread (a write group) holds the lock already.
    std::unique_lock<std::mutex> writers;
    if (!holdsWriteTxn()) {
        m_writeWaiters.fetch_add(1, std::memory_order_relaxed);
        writers = std::unique_lock(m_writeMutex);
        m_writeWaiters.fetch_sub(1, std::memory_order_relaxed);
    }
    // A read begun with no commit since (its snapshot taken now if not yet)
    // holds every commit; beginRead() starts any other over.
    DD_CHECK(beginRead(c));
    return pin();
}

} // namespace dd::storage
