// The on-demand backup a restore reads, looked up as RestoreTableFromBackup
// does, so that Dynamodesk.PreviewRestore fails the same way.
// Threads: any thread.
#pragma once

#include "api/opcontext.h"
#include "backup/snapshot.h"

namespace dd::backup {

// The description (BackupDescription shape plus "_Region") of backup `arn`
// of this region, ready to restore. Errors: BackupNotFoundException,
// BackupInUseException (still CREATING), InternalServerError without a catalog.
Result<QJsonObject> availableBackup(api::OpContext &ctx, const QString &arn);

// The snapshot of backup `arn` (found by availableBackup), decoded and its
// checksum verified; an error names a missing, truncated or corrupted file.
Result<Snapshot> readBackup(api::OpContext &ctx, const QString &arn);

} // namespace dd::backup
