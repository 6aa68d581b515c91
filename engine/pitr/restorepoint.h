// RestorePoint: what a point-in-time restore reads, resolved from a request
// exactly as RestoreTableToPointInTime does, so that Dynamodesk.PreviewRestore
// shows what that restore would load and fails the same way.
// Threads: any thread.
#pragma once

#include "api/opcontext.h"
#include "pitr/pitrstore.h"

namespace dd::pitr {

struct RestorePoint {
    PitrState state;   // the source table's PITR state (live, or deleted within its window)
    qint64 atMs = 0;   // the time asked for: the end of the second of RestoreDateTime, or the latest restorable time
    qint64 readMs = 0; // the time to reconstruct: atMs, but never after the latest restorable time
};

// The PITR state of the source table named `name` or with ARN `arn` (either
// may be empty, not both): the live table, or the most recently deleted one
// whose window is open. Errors: ValidationException (an ARN that is not a
// table's, or another account's), PointInTimeRecoveryUnavailableException (a
// live table without PITR), TableNotFoundException.
Result<PitrState> resolveSource(api::OpContext &ctx, const QString &name, const QString &arn);

// RestoreDateTime or UseLatestRestorableTime, exactly one (ValidationException
// otherwise); AWS checks this before anything about the source table.
Result<void> checkTimeChoice(const QJsonObject &req);

// The time of `req` (RestoreDateTime in epoch seconds, to the second, or
// UseLatestRestorableTime) within the window of `state`. Errors:
// ValidationException (both or neither given), InvalidRestoreTimeException.
Result<RestorePoint> resolveTime(api::OpContext &ctx, const PitrState &state, const QJsonObject &req);

} // namespace dd::pitr
