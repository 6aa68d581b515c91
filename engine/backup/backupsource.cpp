#include "backup/backupsource.h"

#include "backup/backupcatalog.h"

namespace dd::backup {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

} // namespace

Result<QJsonObject> availableBackup(api::OpContext &ctx, const QString &arn)
{
    if (!ctx.backups)
        return ApiError::internal(p("Backups are not available"));
    const QJsonObject meta = ctx.backups->meta(arn);
    if (meta.isEmpty() || meta.value(p("_Region")).toString() != ctx.db.region())
        return ctx.backups->notFound(arn);
    if (meta.value(p("BackupDetails")).toObject().value(p("BackupStatus")).toString() != p("AVAILABLE"))
        return ApiError(p("BackupInUseException"), QStringLiteral("Backup is being created: %1").arg(arn));
    return meta;
}

Result<Snapshot> readBackup(api::OpContext &ctx, const QString &arn)
{
    if (!ctx.backups)
        return ApiError::internal(p("Backups are not available"));
    DD_ASSIGN(const QByteArray bytes, ctx.backups->data(arn));
    return Snapshot::decode(bytes, QStringLiteral("Backup %1").arg(arn));
}

} // namespace dd::backup
