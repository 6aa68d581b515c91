#include "pitr/pitrstore.h"

#include "backup/backupcatalog.h"
#include "backup/canonicalkey.h"
#include "storage/changelog.h"
#include "storage/commitscope.h"
#include "storage/sealedfile.h"
#include "storage/wholefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <future>
#include <limits>
#include <map>
#include <mutex>

#include <sqlite3.h>

namespace dd::pitr {

namespace {

const char *kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS dd_pitr(
  table_id INTEGER PRIMARY KEY,     -- tables.id of the source table
  table_name TEXT NOT NULL,
  table_arn TEXT NOT NULL,
  period_days INTEGER NOT NULL,     -- RecoveryPeriodInDays
  enabled_ms INTEGER NOT NULL,
  deleted_ms INTEGER NOT NULL DEFAULT 0,
  keep_seq INTEGER NOT NULL,        -- the change log after this seq is kept for this table
  description BLOB NOT NULL);       -- the table's description
CREATE TABLE IF NOT EXISTS dd_pitr_base(
  table_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,             -- Snapshot::seq
  time_ms INTEGER NOT NULL,         -- Snapshot::timeMs
  data BLOB NOT NULL,               -- Snapshot::encode(); empty when `file` holds it
  file TEXT,                        -- on disk: the file (in baseDir()) that holds Snapshot::encode()
  PRIMARY KEY(table_id, seq));
)SQL";

const char *kSelect = "SELECT table_id, table_name, table_arn, period_days, enabled_ms, deleted_ms, description FROM dd_pitr ";

PitrState rowState(storage::Statement *s)
{
    PitrState st;
    st.tableId = s->columnInt(0);
    st.tableName = s->columnText(1);
    st.tableArn = s->columnText(2);
    st.periodDays = int(s->columnInt(3));
    st.enabledMs = s->columnInt(4);
    st.deletedMs = s->columnInt(5);
    st.description = QJsonDocument::fromJson(s->columnBytes(6)).object();
    return st;
}

Result<std::vector<PitrState>> selectStates(storage::Connection &c, const QByteArray &where, qint64 arg)
{
    storage::Statement *s = c.prepare(QByteArray(kSelect) + where);
    if (!s)
        return ApiError::internal(c.lastError());
    if (where.contains('?'))
        s->bind(1, arg);
    std::vector<PitrState> out;
    while (s->step())
        out.push_back(rowState(s));
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    return out;
}

// On disk, base snapshots are files in a directory beside the database
// file, written before the small write that records them: as one row, a
// 1,000,000-item base (300 MB) held the writer for 1.4 s. The mutex keeps
// removeOrphanBases() from taking a file whose row is about to be written.
std::mutex g_baseFiles;

QString baseDir(const storage::Database &db)
{
    return db.path() + QStringLiteral("-pitr");
}

QString basePath(const storage::Database &db, const QString &file)
{
    return QDir(baseDir(db)).filePath(file);
}

// The files named by the dd_pitr_base rows that `where` (with `args`) selects.
Result<QStringList> baseFiles(storage::Connection &c, const QByteArray &where, std::initializer_list<qint64> args = {})
{
    storage::Statement *s = c.prepare("SELECT file FROM dd_pitr_base " + where);
    if (!s)
        return ApiError::internal(c.lastError());
    int i = 1;
    for (qint64 a : args)
        s->bind(i++, a);
    QStringList out;
    while (s->step())
        if (!s->columnIsNull(0))
            out.append(s->columnText(0));
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    return out;
}

// Inside a write: moves the table's keep_seq to its oldest base (the
// change log after it is kept).
Result<void> keepFromOldestBase(storage::WriteTxn &txn, qint64 tableId)
{
    return txn.conn.run("UPDATE dd_pitr SET keep_seq = (SELECT MIN(seq) FROM dd_pitr_base WHERE table_id = ?1) WHERE table_id = ?1", {tableId});
}

// First bases that enable() takes in the background, by database and
// table: baseAt() waits for them, and maintain() leaves their tables to
// them (it would take a second base, later, and move the window's start).
struct PendingBase {
    std::shared_future<void> done;
    const void *owner; // the enable() call that registered it
};
std::mutex g_pendingMutex;
std::map<std::pair<const storage::Database *, qint64>, PendingBase> g_pending;

std::optional<std::shared_future<void>> pendingBase(const storage::Database &db, qint64 tableId)
{
    std::lock_guard lock(g_pendingMutex);
    const auto it = g_pending.find({&db, tableId});
    if (it == g_pending.end())
        return std::nullopt;
    return it->second.done;
}

// Stores a base snapshot and moves keep_seq to the oldest base, if PITR
// is still on for the table since `enabledMs` (dd_pitr.enabled_ms; a base
// taken in the background may finish after PITR was disabled, or disabled
// and enabled again): otherwise it stores nothing.
Result<void> storeBase(storage::Database &db, qint64 tableId, qint64 enabledMs, const backup::Snapshot &snap)
{
    QByteArray data = snap.encode();
    QString file;
    std::unique_lock files(g_baseFiles, std::defer_lock);
    if (!db.isInMemory()) {
        files.lock();
        file = QStringLiteral("%1-%2-%3.base").arg(tableId).arg(snap.seq).arg(snap.timeMs);
        const QString path = basePath(db, file);
        if (!QDir().mkpath(baseDir(db)))
            return ApiError::internal(QStringLiteral("Cannot make the folder %1 for PITR base snapshots").arg(baseDir(db)));
        if (const auto why = storage::writeWholeFile(path, data, db.keys().get()))
            return ApiError::internal(QStringLiteral("Cannot write the PITR base snapshot %1: %2").arg(path, *why));
        data.clear();
    }
    bool kept = true;
    auto stored = db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
        storage::Statement *on = txn.conn.prepare("SELECT 1 FROM dd_pitr WHERE table_id = ? AND enabled_ms = ?");
        if (!on)
            return ApiError::internal(txn.conn.lastError());
        on->bind(1, tableId).bind(2, enabledMs);
        kept = on->step();
        on->reset();
        if (!kept)
            return {};
        storage::Statement *s = txn.conn.prepare("INSERT OR REPLACE INTO dd_pitr_base(table_id, seq, time_ms, data, file) VALUES(?,?,?,?,?)");
        if (!s)
            return ApiError::internal(txn.conn.lastError());
        s->bind(1, tableId).bind(2, snap.seq).bind(3, snap.timeMs).bind(4, data);
        if (file.isEmpty())
            s->bindNull(5);
        else
            s->bindText(5, file);
        s->step();
        if (s->resultCode() != SQLITE_DONE)
            return ApiError::internal(s->errorMessage());
        return keepFromOldestBase(txn, tableId);
    });
    if ((!stored.ok() || !kept) && !file.isEmpty())
        QFile::remove(basePath(db, file));
    return stored;
}

// Inside a write: deletes the dd_pitr_base rows that `where` (with `args`)
// selects, and returns the files they name, for the caller to remove once
// the write has committed (removeBaseFiles).
Result<QStringList> deleteBases(storage::WriteTxn &txn, const QByteArray &where, std::initializer_list<qint64> args)
{
    DD_ASSIGN(QStringList files, baseFiles(txn.conn, where, args));
    DD_CHECK(txn.conn.run("DELETE FROM dd_pitr_base " + where, args));
    return files;
}

void removeBaseFiles(const storage::Database &db, const QStringList &files)
{
    for (const QString &f : files)
        QFile::remove(basePath(db, f));
}

// Removes the base files that no row names (left by a process that stopped
// between a file and its row, or between a row's deletion and its file's).
Result<void> removeOrphanBases(storage::Database &db)
{
    if (db.isInMemory() || !QFileInfo::exists(baseDir(db)))
        return {};
    std::lock_guard files(g_baseFiles);
    DD_ASSIGN(const QStringList named, db.read<QStringList>([](storage::Connection &c) { return baseFiles(c, "WHERE file IS NOT NULL"); }));
    const QStringList present = QDir(baseDir(db)).entryList({QStringLiteral("*.base")}, QDir::Files);
    for (const QString &f : present)
        if (!named.contains(f))
            QFile::remove(basePath(db, f));
    return {};
}

} // namespace

Result<void> PitrStore::install(storage::Database &db)
{
    DD_CHECK(db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
        DD_CHECK(txn.conn.exec(kSchema));
        // Databases from before base files: add the column.
        storage::Statement *s = txn.conn.prepare("SELECT COUNT(*) FROM pragma_table_info('dd_pitr_base') WHERE name = 'file'");
        if (!s)
            return ApiError::internal(txn.conn.lastError());
        const bool hasFile = s->step() && s->columnInt(0) > 0;
        s->reset();
        return hasFile ? Result<void>() : txn.conn.exec("ALTER TABLE dd_pitr_base ADD COLUMN file TEXT");
    }));
    DD_CHECK(removeOrphanBases(db));
    // Restores replay the log of PITR tables (also of deleted ones, which get no writes).
    // Replays read the new images only (a REMOVE has none).
    db.addChangeLogConsumer("SELECT table_id, 2 FROM dd_pitr");
    return {};
}

namespace {

// The time of the table's newest base snapshot; 0 if it has none.
Result<qint64> newestBaseMs(storage::Database &db, qint64 tableId)
{
    return db.read<qint64>([&](storage::Connection &c) -> Result<qint64> {
        storage::Statement *s = c.prepare("SELECT COALESCE(MAX(time_ms), 0) FROM dd_pitr_base WHERE table_id = ?");
        if (!s)
            return ApiError::internal(c.lastError());
        s->bind(1, tableId);
        const qint64 v = s->step() ? s->columnInt(0) : 0;
        s->reset();
        return v;
    });
}

// Takes the first base snapshot of `table`, whose PITR was enabled at
// nowMs (dd_pitr.enabled_ms): in the call, or with `backups` (on disk) from
// a read snapshot fixed before it returns, on a thread of the catalog's.
Result<void> takeFirstBase(storage::Database &db, const storage::TableDef &table, qint64 nowMs, backup::BackupCatalog *backups)
{
    if (!backups || db.isInMemory()) {
        DD_ASSIGN(const backup::Snapshot snap, backup::Snapshot::read(db, table, nowMs));
        DD_CHECK(storeBase(db, table.id, nowMs, snap));
    } else {
        // The base's read snapshot is fixed before this returns, so that the
        // base holds the table as it was at the request; its scan, encoding
        // and file go to a thread of the catalog's (in the request, a
        // 1,000,000-item table took 8-9 s). Restores wait for it (baseAt()).
        // A read the engine's stop interrupts stores nothing:
        // resumeFirstBases() takes it when the database opens again
        // (maintain() too, should this one fail), and the window starts there.
        auto fixed = std::make_shared<std::promise<Result<void>>>();
        auto done = std::make_shared<std::promise<void>>();
        const std::pair<const storage::Database *, qint64> key{&db, table.id};
        {
            std::lock_guard lock(g_pendingMutex);
            g_pending[key] = PendingBase{done->get_future().share(), done.get()};
        }
        backups->spawn([&db, table, nowMs, cancel = &backups->stopping(), fixed, done, key] {
            // The read fixes its snapshot under the write lock: at a low
            // priority from then on only, so that a busy machine cannot keep
            // this thread off the cores while it holds that lock.
            bool answered = false;
            auto snap = backup::Snapshot::read(
                db, table, nowMs,
                [&](qint64, qint64) {
                    fixed->set_value({});
                    answered = true;
                    backup::lowerThreadPriority("dd-pitr-base");
                },
                cancel);
            if (!answered)
                fixed->set_value(snap.ok() ? Result<void>() : snap.error());
            if (snap.ok())
                (void)storeBase(db, table.id, nowMs, *snap); // a failure leaves the table without a base: maintain() retries
            {
                std::lock_guard lock(g_pendingMutex);
                const auto it = g_pending.find(key);
                if (it != g_pending.end() && it->second.owner == done.get())
                    g_pending.erase(it);
            }
            done->set_value();
        });
        DD_CHECK(fixed->get_future().get());
    }
    return {};
}

} // namespace

Result<PitrState> PitrStore::enable(storage::Database &db, const storage::TableDef &table, int periodDays, qint64 nowMs,
                                    backup::BackupCatalog *backups)
{
    DD_ASSIGN(auto existing, state(db, table.id));
    if (existing) {
        DD_CHECK(db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
            return txn.conn.run("UPDATE dd_pitr SET period_days = ? WHERE table_id = ?", {periodDays, table.id});
        }));
        existing->periodDays = periodDays;
        return *existing;
    }
    // The record and the base's read snapshot must not wait for the
    // commit of a turn this thread holds (the read fixes its snapshot under
    // the write lock: Database::tableStatsInRead).
    storage::CommitScope::Detach detached;
    // Record first (keep_seq at the log's end), so that the pruner keeps the
    // rows written between this and the base snapshot.
    DD_CHECK(db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
        txn.changeLogConsumersChanged();
        storage::Statement *s = txn.conn.prepare("INSERT OR REPLACE INTO dd_pitr(table_id, table_name, table_arn, period_days, enabled_ms, keep_seq, description) "
                                                 "VALUES(?,?,?,?,?,dd_changelog_end(),?)");
        if (!s)
            return ApiError::internal(txn.conn.lastError());
        s->bind(1, table.id).bindText(2, table.name).bindText(3, table.description.value(QStringLiteral("TableArn")).toString());
        s->bind(4, periodDays).bind(5, nowMs).bind(6, QJsonDocument(table.description).toJson(QJsonDocument::Compact));
        s->step();
        if (s->resultCode() != SQLITE_DONE)
            return ApiError::internal(s->errorMessage());
        return {};
    }));
    DD_CHECK(takeFirstBase(db, table, nowMs, backups));
    DD_ASSIGN(auto st, state(db, table.id));
    if (!st)
        return ApiError::internal(QStringLiteral("PITR state vanished"));
    return *st;
}

Result<void> PitrStore::resumeFirstBases(storage::Database &db, qint64 nowMs, backup::BackupCatalog *backups)
{
    DD_ASSIGN(auto rows, db.read<std::vector<PitrState>>([&](storage::Connection &c) { return selectStates(c, "WHERE deleted_ms = 0", 0); }));
    for (const PitrState &st : rows) {
        const auto live = db.table(st.tableName);
        if (!live || live->id != st.tableId || pendingBase(db, st.tableId))
            continue;
        DD_ASSIGN(const qint64 newest, newestBaseMs(db, st.tableId));
        if (newest != 0)
            continue; // it has a base
        // Older times have nothing to restore from: the window starts now.
        DD_CHECK(db.write<void>([&](storage::WriteTxn &txn) {
            return txn.conn.run("UPDATE dd_pitr SET enabled_ms = ? WHERE table_id = ?", {nowMs, st.tableId});
        }));
        DD_CHECK(takeFirstBase(db, *live, nowMs, backups));
    }
    return {};
}

Result<void> PitrStore::disable(storage::Database &db, qint64 tableId)
{
    DD_ASSIGN(const QStringList files, db.write<QStringList>([&](storage::WriteTxn &txn) -> Result<QStringList> {
        txn.changeLogConsumersChanged();
        DD_ASSIGN(QStringList deleted, deleteBases(txn, "WHERE table_id = ?", {tableId}));
        DD_CHECK(txn.conn.run("DELETE FROM dd_pitr WHERE table_id = ?", {tableId}));
        return deleted;
    }));
    removeBaseFiles(db, files);
    return {};
}

Result<std::optional<PitrState>> PitrStore::state(storage::Database &db, qint64 tableId)
{
    DD_ASSIGN(auto rows, db.read<std::vector<PitrState>>([&](storage::Connection &c) { return selectStates(c, "WHERE table_id = ?", tableId); }));
    if (rows.empty())
        return std::optional<PitrState>();
    return std::optional<PitrState>(rows.front());
}

Result<std::optional<PitrState>> PitrStore::deleted(storage::Database &db, const QString &name, const QString &arn)
{
    DD_ASSIGN(auto rows, db.read<std::vector<PitrState>>([&](storage::Connection &c) { return selectStates(c, "ORDER BY table_id DESC", 0); }));
    for (PitrState &st : rows) {
        auto live = db.table(st.tableName);
        if (live && live->id == st.tableId)
            continue;
        if ((!name.isEmpty() && st.tableName == name) || (!arn.isEmpty() && st.tableArn == arn)) {
            if (!st.deletedMs)
                st.deletedMs = db.clock()->nowMs();
            return std::optional<PitrState>(st);
        }
    }
    return std::optional<PitrState>();
}

Result<backup::Snapshot> PitrStore::stateAt(storage::Database &db, const PitrState &state, qint64 timeMs)
{
    DD_ASSIGN(const QByteArray base, baseAt(db, state, timeMs));
    return replay(db, state, base, timeMs);
}

Result<QByteArray> PitrStore::baseAt(storage::Database &db, const PitrState &state, qint64 timeMs)
{
    if (const auto pending = pendingBase(db, state.tableId)) {
        storage::CommitScope::Detach detached; // the base's own write must not wait for this thread's turn
        pending->wait();
    }
    QString file;
    DD_ASSIGN(QByteArray base, db.read<QByteArray>([&](storage::Connection &c) -> Result<QByteArray> {
        // The newest base at or before timeMs; else the oldest (the window starts at it).
        storage::Statement *s = c.prepare("SELECT data, file FROM dd_pitr_base WHERE table_id = ? ORDER BY (time_ms <= ?) DESC, "
                                          "CASE WHEN time_ms <= ? THEN -time_ms ELSE time_ms END LIMIT 1");
        if (!s)
            return ApiError::internal(c.lastError());
        s->bind(1, state.tableId).bind(2, timeMs).bind(3, timeMs);
        QByteArray data;
        if (s->step()) {
            data = s->columnBytes(0);
            file = s->columnIsNull(1) ? QString() : s->columnText(1);
        }
        s->reset();
        return data;
    }));
    if (!file.isEmpty()) {
        const QString path = basePath(db, file);
        // Gone: upkeep dropped the base after the read above (the window moved past it).
        if (!QFile::exists(path))
            return ApiError(QStringLiteral("InvalidRestoreTimeException"),
                            QStringLiteral("The restore time of table %1 left the recovery window before the restore could run").arg(state.tableName));
        DD_ASSIGN(base, storage::sealedfile::readFile(path, db.keys().get(), QStringLiteral("The PITR base snapshot %1").arg(path)));
    }
    if (base.isEmpty())
        return ApiError(QStringLiteral("PointInTimeRecoveryUnavailableException"),
                        QStringLiteral("No point-in-time recovery history for table %1").arg(state.tableName));
    return base;
}

Result<backup::Snapshot> PitrStore::replay(storage::Database &db, const PitrState &state, const QByteArray &base, qint64 timeMs)
{
    DD_ASSIGN(backup::Snapshot snap, backup::Snapshot::decode(base, QStringLiteral("The PITR base snapshot of %1").arg(state.tableName)));
    const backup::CanonicalKey canonical(snap.description);
    DD_CHECK(db.read<void>([&](storage::Connection &c) -> Result<void> {
        // The replay runs after the request, in the background: had upkeep
        // dropped this base meanwhile (the window moved past it), the log
        // after it may be pruned too, and the replay would silently miss
        // changes. keep_seq is the oldest kept base's seq.
        storage::Statement *k = c.prepare("SELECT keep_seq FROM dd_pitr WHERE table_id = ?");
        if (!k)
            return ApiError::internal(c.lastError());
        k->bind(1, state.tableId);
        const bool tracked = k->step();
        const qint64 keep = tracked ? k->columnInt(0) : 0;
        k->reset();
        if (!tracked || keep > snap.seq)
            return ApiError(QStringLiteral("InvalidRestoreTimeException"),
                            QStringLiteral("The restore time of table %1 left the recovery window before the restore could run").arg(state.tableName));
        // The changes after the base up to the restore time (a log without
        // a change since the base reads none).
        return storage::ChangeLog::read(c, state.tableId, snap.seq + 1, std::numeric_limits<qint64>::max(), true,
                                        [&](const storage::ChangeRecord &rec) {
            if (rec.timeMs > timeMs)
                return true;
            const QByteArray key = canonical.of(rec.keys);
            snap.seq = rec.seq;
            if (rec.newImage.isNull())
                snap.items.erase(key);
            else
                snap.items[key] = rec.newImage.toByteArray();
            return true;
        });
    }));
    snap.timeMs = timeMs;
    return snap;
}

Result<void> PitrStore::maintain(storage::Database &db, qint64 nowMs)
{
    DD_ASSIGN(auto rows, db.read<std::vector<PitrState>>([&](storage::Connection &c) { return selectStates(c, "", 0); }));
    for (PitrState &st : rows) {
        auto live = db.table(st.tableName);
        const bool isLive = live && live->id == st.tableId;
        if (!isLive && !st.deletedMs) {
            st.deletedMs = nowMs;
            DD_CHECK(db.write<void>([&](storage::WriteTxn &txn) { return txn.conn.run("UPDATE dd_pitr SET deleted_ms = ? WHERE table_id = ?", {nowMs, st.tableId}); }));
        }
        if (st.deletedMs && st.deletedMs + st.periodDays * PitrState::kDayMs < nowMs) {
            DD_CHECK(disable(db, st.tableId));
            continue;
        }
        const qint64 windowStart = st.earliestMs(nowMs);
        // A new base daily, so that the log before the window can go.
        DD_ASSIGN(const qint64 newest, newestBaseMs(db, st.tableId));
        if (isLive && newest + PitrState::kDayMs <= nowMs && !pendingBase(db, st.tableId)) {
            DD_ASSIGN(backup::Snapshot snap, backup::Snapshot::read(db, *live, nowMs));
            DD_CHECK(storeBase(db, st.tableId, st.enabledMs, snap));
            // A table without a base (enable() recorded it, then the process
            // stopped before its base was stored) is restorable from this one
            // on, not from enabled_ms: older times have nothing to restore from.
            if (newest == 0)
                DD_CHECK(db.write<void>([&](storage::WriteTxn &txn) {
                    return txn.conn.run("UPDATE dd_pitr SET enabled_ms = MAX(enabled_ms, ?) WHERE table_id = ?", {snap.timeMs, st.tableId});
                }));
        }
        // Keep the newest base at or before the window's start and all later ones.
        DD_ASSIGN(const QStringList files, db.write<QStringList>([&](storage::WriteTxn &txn) -> Result<QStringList> {
            DD_ASSIGN(QStringList deleted,
                      deleteBases(txn, "WHERE table_id = ?1 AND time_ms < (SELECT MAX(time_ms) FROM dd_pitr_base WHERE table_id = ?1 AND time_ms <= ?2)",
                                  {st.tableId, windowStart}));
            DD_CHECK(keepFromOldestBase(txn, st.tableId));
            return deleted;
        }));
        removeBaseFiles(db, files);
    }
    return {};
}

} // namespace dd::pitr
