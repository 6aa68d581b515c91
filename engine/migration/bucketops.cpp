// Dynamodesk.ListLocalBuckets and Dynamodesk.CreateLocalBucket (migrationops.h).
#include "migration/migrationops.h"

#include "migration/jobcommon.h"
#include "migration/localbuckets.h"

#include <QDir>
#include <QJsonArray>

namespace dd::migration {

Result<QByteArray> listLocalBuckets(api::OpContext &ctx, const QJsonObject &)
{
    if (!ctx.buckets)
        return ApiError::internal(p("Local buckets are not available"));
    QJsonArray names;
    for (const QString &name : QDir(ctx.buckets->root()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (LocalBuckets::bucketNameProblem(name).isEmpty())
            names.append(name);
    return api::toBody({{p("Folder"), ctx.buckets->root()}, {p("Buckets"), names}});
}

Result<QByteArray> createLocalBucket(api::OpContext &ctx, const QJsonObject &req)
{
    if (!ctx.buckets)
        return ApiError::internal(p("Local buckets are not available"));
    if (!req.value(p("BucketName")).isString())
        return ApiError::validation(p("BucketName is required"));
    const QString name = req.value(p("BucketName")).toString();
    if (const QString problem = LocalBuckets::bucketNameProblem(name); !problem.isEmpty())
        return ApiError::validation(problem);
    const QString folder = ctx.buckets->root() + QLatin1Char('/') + name;
    if (!QDir().mkpath(folder))
        return ApiError::internal(QStringLiteral("Cannot create the folder %1").arg(folder));
    return api::toBody({{p("Folder"), folder}});
}

} // namespace dd::migration
