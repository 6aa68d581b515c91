// Dynamodesk.PreviewRestore: what RestoreTableToPointInTime or
// RestoreTableFromBackup would load, without restoring: the item count, the
// first items and the items that differ from the table now. The items then
// are reconstructed exactly as the restore does (PitrStore::stateAt or the
// backup's snapshot), with the restore's exceptions; the comparison is
// backup::RestorePreview. It reads in read snapshots only, so writes go on.
//
// Request:  {TableName, and one of RestoreDateTime (epoch seconds) |
//            UseLatestRestorableTime | BackupArn, Limit (0..1000, default 50)}
//            With BackupArn, TableName may be omitted (the backup's table).
// Response: {ItemCount, Items, Differences: [{Key, Then?, Now?}],
//            DifferenceCount, RestoreDateTime (the time the items are of)}
#include "api/opcontext.h"
#include "backup/backupsource.h"
#include "backup/restorepreview.h"
#include "pitr/restorepoint.h"

#include <QJsonArray>

#include <cmath>

namespace dd::api {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

constexpr int kDefaultPreviewLimit = 50;
constexpr int kMaxPreviewLimit = 1000;

} // namespace

Result<QByteArray> previewRestore(OpContext &ctx, const QJsonObject &req)
{
    const QJsonValue nameValue = req.value(p("TableName"));
    if (req.contains(p("TableName")) && (!nameValue.isString() || nameValue.toString().isEmpty()))
        return ApiError::validation(p("TableName must be a non-empty string"));
    const QJsonValue arnValue = req.value(p("BackupArn"));
    if (req.contains(p("BackupArn")) && (!arnValue.isString() || arnValue.toString().isEmpty()))
        return ApiError::validation(p("BackupArn must be a non-empty string"));
    if (req.contains(p("RestoreDateTime")) && !req.value(p("RestoreDateTime")).isDouble())
        return ApiError::validation(p("RestoreDateTime must be a number of epoch seconds"));
    if (req.contains(p("UseLatestRestorableTime")) && !req.value(p("UseLatestRestorableTime")).isBool())
        return ApiError::validation(p("UseLatestRestorableTime must be a boolean"));
    const int given = int(req.contains(p("RestoreDateTime"))) + int(req.value(p("UseLatestRestorableTime")).toBool()) + int(req.contains(p("BackupArn")));
    if (given != 1)
        return ApiError::validation(p("Exactly one of RestoreDateTime, UseLatestRestorableTime or BackupArn must be specified"));
    int limit = kDefaultPreviewLimit;
    if (req.contains(p("Limit"))) {
        const double l = req.value(p("Limit")).toDouble(-1);
        if (l != std::floor(l) || l < 0 || l > kMaxPreviewLimit)
            return ApiError::validation(QStringLiteral("Limit must be an integer from 0 to %1").arg(kMaxPreviewLimit));
        limit = int(l);
    }
    QString name = nameValue.toString();
    backup::Snapshot snap;
    double restoreTime = 0;
    if (req.contains(p("BackupArn"))) {
        const QString arn = arnValue.toString();
        DD_ASSIGN(const QJsonObject meta, backup::availableBackup(ctx, arn));
        const QString source = meta.value(p("SourceTableDetails")).toObject().value(p("TableName")).toString();
        if (name.isEmpty())
            name = source;
        else if (name != source)
            return ApiError::validation(QStringLiteral("Backup %1 is of table %2, not %3").arg(arn, source, name));
        DD_ASSIGN(snap, backup::readBackup(ctx, arn));
        restoreTime = meta.value(p("BackupDetails")).toObject().value(p("BackupCreationDateTime")).toDouble();
    } else {
        if (name.isEmpty())
            return ApiError::validation(p("TableName must be specified with RestoreDateTime or UseLatestRestorableTime"));
        DD_ASSIGN(const pitr::PitrState st, pitr::resolveSource(ctx, name, QString()));
        DD_ASSIGN(const pitr::RestorePoint point, pitr::resolveTime(ctx, st, req));
        DD_ASSIGN(snap, pitr::PitrStore::stateAt(ctx.db, st, point.readMs));
        restoreTime = double(point.atMs / 1000);
    }

    const storage::TableDef keys = storage::TableDef::fromDescription(0, snap.description);
    auto now = ctx.db.table(name);
    if (now && now->description.value(p("KeySchema")) != snap.description.value(p("KeySchema")))
        return ApiError::validation(QStringLiteral("The table %1 now has another key schema than the items to restore").arg(name));
    DD_ASSIGN(const backup::RestorePreview preview, backup::RestorePreview::compute(ctx.db, keys, now.get(), snap.items, limit));
    return toBody({{p("ItemCount"), preview.itemCount}, {p("Items"), preview.items},
                   {p("Differences"), preview.differences}, {p("DifferenceCount"), preview.differenceCount},
                   {p("RestoreDateTime"), restoreTime}});
}

} // namespace dd::api
