// PitrStore: point-in-time recovery state of one region database. For each
// table with PITR enabled (and each such table deleted less than its
// recovery period ago) it keeps base snapshots (backup::Snapshot, taken when
// PITR is enabled and then daily; on disk each in a file in the directory
// "<database file>-pitr", recorded in dd_pitr_base; in memory in that row
// itself), and the change log after
// the oldest base (ChangeLogPruner keeps rows with seq > dd_pitr.keep_seq).
// A restore is the newest base at or before the time plus a replay of the
// log up to it. maintain() takes the daily bases and prunes what is older
// than the window.
// Threads: any thread; maintain() from one thread at a time.
#pragma once

#include "backup/snapshot.h"
#include "model/result.h"
#include "storage/database.h"

namespace dd::backup {
class BackupCatalog;
}

namespace dd::pitr {

struct PitrState {
    qint64 tableId = 0;        // TableDef::id of the source table
    QString tableName;
    QString tableArn;
    int periodDays = 35;       // RecoveryPeriodInDays
    qint64 enabledMs = 0;      // when PITR was (last) enabled
    qint64 deletedMs = 0;      // when the table was found deleted; 0: live
    QJsonObject description;   // the table's description when PITR was enabled (for a deleted table's restore)

    qint64 earliestMs(qint64 nowMs) const { return std::max(enabledMs, std::min(nowMs, deletedMs ? deletedMs : nowMs) - periodDays * kDayMs); }
    qint64 latestMs(qint64 nowMs) const { return deletedMs ? deletedMs : nowMs; }

    static constexpr qint64 kDayMs = 24LL * 3600 * 1000;
};

class PitrStore {
public:
    // Creates PITR's tables in `db` if needed.
    static Result<void> install(storage::Database &db);

    // Enables PITR on `table` with the given period: records it and takes
    // its first base snapshot, from a read snapshot fixed before it returns.
    // With `backups` (not owned; on disk), the scan, encoding and file of
    // that base run on a thread of the catalog's (BackupCatalog::spawn),
    // stopped early once it is stopping() (maintain() then takes the first
    // base); baseAt() waits for it. Already enabled: updates the period.
    static Result<PitrState> enable(storage::Database &db, const storage::TableDef &table, int periodDays, qint64 nowMs,
                                    backup::BackupCatalog *backups = nullptr);
    // When the database opens: takes the first base of each live table whose
    // PITR was enabled but that has none (the process stopped before its
    // base was stored), as enable() does; its window starts at nowMs.
    // Without this, restores failed with "No point-in-time recovery
    // history" until maintain()'s next pass, though the table's PITR
    // answered ENABLED.
    static Result<void> resumeFirstBases(storage::Database &db, qint64 nowMs, backup::BackupCatalog *backups = nullptr);
    // Disables PITR on the table: its history is dropped (as on AWS).
    static Result<void> disable(storage::Database &db, qint64 tableId);
    // The state of live table `tableId`, or nullopt if PITR is off.
    static Result<std::optional<PitrState>> state(storage::Database &db, qint64 tableId);
    // The most recently deleted table named `name` (or with ARN `arn`) whose window is open, or nullopt.
    static Result<std::optional<PitrState>> deleted(storage::Database &db, const QString &name, const QString &arn);

    // The table's items at timeMs: the newest base at or before it plus the log up to it.
    static Result<backup::Snapshot> stateAt(storage::Database &db, const PitrState &state, qint64 timeMs);
    // The two steps of stateAt: the encoded base it starts from (error:
    // PointInTimeRecoveryUnavailableException without one), and the
    // replay of the log up to timeMs onto that base (decoded and verified).
    static Result<QByteArray> baseAt(storage::Database &db, const PitrState &state, qint64 timeMs);
    static Result<backup::Snapshot> replay(storage::Database &db, const PitrState &state, const QByteArray &base, qint64 timeMs);

    // Periodic upkeep at nowMs: notes deleted tables, drops those past their
    // window, takes a new base when the newest is a day old, drops bases (and
    // so log) no longer needed for the window.
    static Result<void> maintain(storage::Database &db, qint64 nowMs);
};

} // namespace dd::pitr
