// Restorer: creates the target table of RestoreTableFromBackup and
// RestoreTableToPointInTime and loads it in the background. The table is
// created CREATING with a RestoreSummary (RestoreInProgress true); the
// catalog's worker writes the items through applyPut in pages (so indexes
// and the change log follow) and then makes it ACTIVE.
#pragma once

#include "api/opcontext.h"
#include "backup/snapshot.h"

namespace dd::backup {

class BackupCatalog;

// Creates table req["TargetTableName"] shaped as `source` (a stored
// description) with the request's overrides (GlobalSecondaryIndexOverride,
// LocalSecondaryIndexOverride, BillingModeOverride,
// ProvisionedThroughputOverride) and queues the load of `items`. Returns the
// new TableDescription. Errors: TableAlreadyExistsException, validation.
Result<QJsonObject> restoreToNewTable(api::OpContext &ctx, BackupCatalog &worker, const QJsonObject &source,
                                      std::shared_ptr<const ItemMap> items, const QJsonObject &req, const QJsonObject &summary);

} // namespace dd::backup
