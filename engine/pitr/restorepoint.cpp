#include "pitr/restorepoint.h"

#include <cmath>

namespace dd::pitr {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

} // namespace

Result<PitrState> resolveSource(api::OpContext &ctx, const QString &name, const QString &arn)
{
    const QString tableName = name.isEmpty() ? arn.section(QLatin1Char('/'), 1, 1) : name;
    std::optional<PitrState> st;
    auto table = ctx.db.table(tableName);
    if (table && (arn.isEmpty() || table->description.value(p("TableArn")).toString() == arn)) {
        DD_ASSIGN(st, PitrStore::state(ctx.db, table->id));
        if (!st)
            return ApiError(p("PointInTimeRecoveryUnavailableException"),
                            QStringLiteral("Point in time recovery is not enabled for table '%1'").arg(tableName));
    } else {
        DD_ASSIGN(st, PitrStore::deleted(ctx.db, tableName, arn));
        if (!st)
            return ApiError(p("TableNotFoundException"), QStringLiteral("Table not found: %1").arg(tableName));
    }
    return *st;
}

Result<RestorePoint> resolveTime(api::OpContext &ctx, const PitrState &state, const QJsonObject &req)
{
    const bool latest = req.value(p("UseLatestRestorableTime")).toBool();
    if (latest && req.contains(p("RestoreDateTime")))
        return ApiError::validation(p("Only one of RestoreDateTime or UseLatestRestorableTime can be specified"));
    if (!latest && !req.contains(p("RestoreDateTime")))
        return ApiError::validation(p("Either RestoreDateTime or UseLatestRestorableTime must be specified"));
    const qint64 now = ctx.clock->nowMs();
    // To the second, as AWS restores: the state at the end of that second.
    const qint64 earliest = state.earliestMs(now) / 1000 * 1000;
    const qint64 latestMs = state.latestMs(now);
    const qint64 at = latest ? latestMs : qint64(std::floor(req.value(p("RestoreDateTime")).toDouble())) * 1000 + 999;
    if (!latest && (at < earliest || at - 999 > latestMs))
        return ApiError(p("InvalidRestoreTimeException"),
                        QStringLiteral("RestoreDateTime must be between %1 and %2").arg(earliest / 1000).arg(latestMs / 1000));
    return RestorePoint{state, at, std::min(at, latestMs)};
}

} // namespace dd::pitr
