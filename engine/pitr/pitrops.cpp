// Point-in-time recovery operations: UpdateContinuousBackups,
// DescribeContinuousBackups, RestoreTableToPointInTime (pitrstore.h keeps
// the history). Times on the wire are epoch seconds.
#include "api/opcontext.h"
#include "backup/backupcatalog.h"
#include "backup/restorer.h"
#include "pitr/pitrstore.h"
#include "pitr/restorepoint.h"

#include <QJsonDocument>

namespace dd::api {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

// RecoveryPeriodInDays bounds and default (AWS: 1..35, default 35).
constexpr int kMinRecoveryDays = 1;
constexpr int kMaxRecoveryDays = 35;

ApiError tableNotFound(const QString &name)
{
    return ApiError(p("TableNotFoundException"), QStringLiteral("Table not found: %1").arg(name));
}

QJsonObject continuousDescription(const std::optional<pitr::PitrState> &st, qint64 nowMs)
{
    QJsonObject pitrDesc;
    if (!st) {
        pitrDesc.insert(p("PointInTimeRecoveryStatus"), p("DISABLED"));
    } else {
        pitrDesc.insert(p("PointInTimeRecoveryStatus"), p("ENABLED"));
        pitrDesc.insert(p("EarliestRestorableDateTime"), double(st->earliestMs(nowMs) / 1000));
        pitrDesc.insert(p("LatestRestorableDateTime"), double(st->latestMs(nowMs) / 1000));
        pitrDesc.insert(p("RecoveryPeriodInDays"), st->periodDays);
    }
    return {{p("ContinuousBackupsStatus"), p("ENABLED")}, {p("PointInTimeRecoveryDescription"), pitrDesc}};
}

} // namespace

Result<QByteArray> updateContinuousBackups(OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("TableName")).toString();
    auto table = ctx.db.table(name);
    if (!table)
        return tableNotFound(name);
    const QJsonObject spec = req.value(p("PointInTimeRecoverySpecification")).toObject();
    const int days = spec.contains(p("RecoveryPeriodInDays")) ? spec.value(p("RecoveryPeriodInDays")).toInt(-1) : kMaxRecoveryDays;
    if (days < kMinRecoveryDays || days > kMaxRecoveryDays)
        return ApiError::validation(QStringLiteral("RecoveryPeriodInDays must be between %1 and %2").arg(kMinRecoveryDays).arg(kMaxRecoveryDays));
    const qint64 now = ctx.clock->nowMs();
    std::optional<pitr::PitrState> st;
    if (spec.value(p("PointInTimeRecoveryEnabled")).toBool()) {
        // On disk the first base snapshot is read, encoded and written in the background.
        DD_ASSIGN(pitr::PitrState s, pitr::PitrStore::enable(ctx.db, *table, days, now, ctx.backups));
        st = s;
    } else {
        DD_CHECK(pitr::PitrStore::disable(ctx.db, table->id));
    }
    return toBody({{p("ContinuousBackupsDescription"), continuousDescription(st, now)}});
}

Result<QByteArray> describeContinuousBackups(OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("TableName")).toString();
    auto table = ctx.db.table(name);
    if (!table)
        return tableNotFound(name);
    DD_ASSIGN(auto st, pitr::PitrStore::state(ctx.db, table->id));
    return toBody({{p("ContinuousBackupsDescription"), continuousDescription(st, ctx.clock->nowMs())}});
}

Result<QByteArray> restoreTableToPointInTime(OpContext &ctx, const QJsonObject &req)
{
    if (!ctx.backups)
        return ApiError::internal(p("Restores are not available"));
    const QString name = req.value(p("SourceTableName")).toString();
    const QString arn = req.value(p("SourceTableArn")).toString();
    // AWS's order (ack-api-quirks DDB-TABLE-100, -272): the request's shape, PITR on, the time, the target.
    if (!name.isEmpty() && !arn.isEmpty())
        return ApiError::validation(p("Must provide exactly one of: sourceTableArn, sourceTableName"));
    if (name.isEmpty() && arn.isEmpty())
        return ApiError::validation(p("The parameter 'TableName' is required"));
    DD_CHECK(pitr::checkTimeChoice(req));
    DD_ASSIGN(const pitr::PitrState st, pitr::resolveSource(ctx, name, arn));
    DD_ASSIGN(const pitr::RestorePoint point, pitr::resolveTime(ctx, st, req));
    const QString target = req.value(p("TargetTableName")).toString();
    if (ctx.db.table(target))
        return ApiError(p("TableAlreadyExistsException"), QStringLiteral("Table already exists: %1").arg(target));
    // The base and its description now; its decoding and the replay of the
    // log in the background. The replay reads the log up to readMs, so the
    // restore shows that moment however late it runs.
    DD_ASSIGN(const QByteArray base, pitr::PitrStore::baseAt(ctx.db, st, point.readMs));
    qint64 needed = 0;
    DD_ASSIGN(const QJsonObject description,
              backup::Snapshot::peekDescription(base, base.size(), QStringLiteral("The PITR base snapshot of %1").arg(st.tableName), &needed));
    const QJsonObject summary{{p("SourceTableArn"), st.tableArn}, {p("RestoreDateTime"), double(point.atMs / 1000)}};
    storage::Database *db = &ctx.db;
    auto source = [db, st, base, readMs = point.readMs]() -> Result<backup::RestoreItems> {
        DD_ASSIGN(backup::Snapshot snap, pitr::PitrStore::replay(*db, st, base, readMs));
        return backup::RestoreItems{std::move(snap.items), {}};
    };
    DD_ASSIGN(const QJsonObject desc, backup::restoreToNewTable(ctx, *ctx.backups, description, source, req, summary));
    return toBody({{p("TableDescription"), desc}});
}

} // namespace dd::api
