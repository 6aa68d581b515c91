#include "pitr/restorepoint.h"

#include "api/tablearn.h"
#include "migration/jobcommon.h"

#include <cmath>

namespace dd::pitr {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

} // namespace

Result<PitrState> resolveSource(api::OpContext &ctx, const QString &name, const QString &arn)
{
    QString tableName = name;
    if (!arn.isEmpty()) {
        const std::optional<api::TableArn> parts = api::parseTableArn(arn);
        if (!parts || parts->partition != u"aws" || parts->region.isEmpty() || parts->account.isEmpty() || parts->name.isEmpty()
            || parts->name.contains(u'/'))
            return ApiError::validation(p("sourceTableArn is not a valid ARN"));
        if (parts->account != ctx.request.accountId)
            return ApiError::validation(p("This action is only supported by accounts that match the resource owner's account"));
        if (tableName.isEmpty())
            tableName = parts->name;
    }
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

Result<void> checkTimeChoice(const QJsonObject &req)
{
    const bool latest = req.value(p("UseLatestRestorableTime")).toBool();
    if (latest && req.contains(p("RestoreDateTime")))
        return ApiError::validation(p("Invalid Request: Both RestoreDateTime and UseLatestRestorableTime cannot be set for point-in-time restore request."));
    if (!latest && !req.contains(p("RestoreDateTime")))
        return ApiError::validation(p("Invalid Request: Either one of RestoreDateTime or UseLatestRestorableTime must be specified, but not both"));
    return {};
}

Result<RestorePoint> resolveTime(api::OpContext &ctx, const PitrState &state, const QJsonObject &req)
{
    DD_CHECK(checkTimeChoice(req));
    const bool latest = req.value(p("UseLatestRestorableTime")).toBool();
    const qint64 now = ctx.clock->nowMs();
    // To the second, as AWS restores: the state at the end of that second.
    const qint64 earliest = state.earliestMs(now) / 1000 * 1000;
    const qint64 latestMs = state.latestMs(now);
    const qint64 at = latest ? latestMs : qint64(std::floor(req.value(p("RestoreDateTime")).toDouble())) * 1000 + 999;
    if (!latest && (at < earliest || at - 999 > latestMs))
        return ApiError(p("InvalidRestoreTimeException"),
                        QStringLiteral("RestoreDateTime '%1' must be within EarliestRestorableDateTime '%2' and LatestRestorableDateTime '%3'")
                            .arg(migration::isoSeconds(at - 999), migration::isoSeconds(earliest), migration::isoSeconds(latestMs)));
    return RestorePoint{state, at, std::min(at, latestMs)};
}

} // namespace dd::pitr
