// Restorer: creates the target table of RestoreTableFromBackup and
// RestoreTableToPointInTime and loads it in the background. The request
// validates what can fail at once and returns with the table CREATING and a
// RestoreSummary (RestoreInProgress true), as on AWS; the catalog's worker
// then produces the items (decodes the backup, or replays the change log
// onto a PITR base), writes them through applyPut (loadItems: so indexes and
// the change log follow) and makes the table ACTIVE. A restore that fails in
// the background (a corrupted file, a deleted target) removes its table: as
// on AWS, no half-restored table is ever ACTIVE. A restore cut short by the
// end of the process leaves its table CREATING on disk, and
// dropUnfinishedRestores() removes it when the database next opens.
#pragma once

#include "api/opcontext.h"
#include "backup/snapshot.h"

#include <functional>

namespace dd::backup {

class BackupCatalog;

// What a restore loads, produced on the worker.
struct RestoreItems {
    ItemMap items;                          // the items to load
    std::function<Result<void>()> finish;   // if set: a check run alongside (a file's checksum), awaited after the load; an error removes the table
};
// Produces the items of a restore; runs on the worker, may take long.
using RestoreSource = std::function<Result<RestoreItems>()>;

// The worker's part of a restore (and of a new replica's load): produces
// `items` and sorts them on a helper thread at a lower priority, then
// writes them into table `target` (TableDef::id `tableId`) of `db` through
// ItemLoader; returns how many. Errors: ResourceNotFound if the table is
// gone or replaced, `items`' own, the loader's.
Result<qint64> prepareAndWrite(storage::Database &db, BackupCatalog &worker, const QString &target, qint64 tableId, const RestoreSource &items);

// The CreateTable request for table `target` shaped as `source` (a stored
// description: keys, attribute definitions, indexes, billing) with the
// overrides of `req` (GlobalSecondaryIndexOverride,
// LocalSecondaryIndexOverride, BillingModeOverride,
// ProvisionedThroughputOverride, SSESpecificationOverride,
// OnDemandThroughputOverride; none if empty). On-demand maxima of the table
// and its GSIs go along when the new table is on demand, as in AWS's
// restores. Not the stream, the table class, TTL or warm throughput (but an
// index override's WarmThroughput): AWS's restores leave them to be set again.
QJsonObject createTableRequest(const QJsonObject &source, const QString &target, const QJsonObject &req);

// Creates table req["TargetTableName"] shaped as `source` (a stored
// description) with the request's overrides (GlobalSecondaryIndexOverride,
// LocalSecondaryIndexOverride, BillingModeOverride,
// ProvisionedThroughputOverride, OnDemandThroughputOverride), CREATING, and
// queues `items` and the load on `worker`. Returns the new TableDescription.
// Errors: TableAlreadyExistsException, validation.
Result<QJsonObject> restoreToNewTable(api::OpContext &ctx, BackupCatalog &worker, const QJsonObject &source, RestoreSource items,
                                      const QJsonObject &req, const QJsonObject &summary);

// Drops every table of `db` that a restore was still loading (CREATING with
// RestoreSummary.RestoreInProgress; also a new replica's or an import's:
// TableDef::restoring): called when the database opens, before
// any restore can run, so that a restore cut short by a crash or a kill
// leaves no partial table. Returns how many were dropped.
Result<int> dropUnfinishedRestores(storage::Database &db);

} // namespace dd::backup
