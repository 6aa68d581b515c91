// Exports to and imports from Amazon S3, emulated on local buckets
// (localbuckets.h): ExportTableToPointInTime, DescribeExport, ListExports,
// ImportTable, DescribeImport, ListImports, with AWS's shapes, files and
// error texts as observed on the service.
//
// An export reads the table as PITR restores it (a full export: its items
// at ExportTime; an incremental one: the items that changed between two
// times, with their images before and after) and writes AWS's layout into
// the bucket: <prefix>/AWSDynamoDB/<ExportId>/ with _started,
// data/<name>.json.gz (or .ion.gz), manifest-files.json,
// manifest-summary.json and their .md5 files. An import reads every object
// under its key prefix (DynamoDB JSON, Ion or CSV; gzip, zstd or none) and
// creates and loads a new table. Both answer IN_PROGRESS at once and run on
// the backup worker; their records (jobstore.h) outlive restarts.
//
// Threads: as any operation handler.
#pragma once

#include "api/opcontext.h"

namespace dd::migration {

Result<QByteArray> exportTableToPointInTime(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> describeExport(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> listExports(api::OpContext &ctx, const QJsonObject &req);

Result<QByteArray> importTable(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> describeImport(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> listImports(api::OpContext &ctx, const QJsonObject &req);

// Dynamodesk's own operations on the local buckets, for the desktop app and
// scripts (not in AWS's API): Dynamodesk.ListLocalBuckets answers
// {"Folder": the buckets' folder, "Buckets": [names, sorted]};
// Dynamodesk.CreateLocalBucket {"BucketName": B} makes the folder of bucket
// B (ValidationException for a name S3 refuses; nothing if it exists).
Result<QByteArray> listLocalBuckets(api::OpContext &ctx, const QJsonObject &req);
// Dynamodesk.DescribeImportErrors {"ImportArn": ...}: what AWS writes to
// CloudWatch Logs for an import's bad lines, here the first 20:
// {"ImportArn": ..., "Errors": ["<object key>, line <n>: <why>", ...]}.
// Errors as DescribeImport's.
Result<QByteArray> describeImportErrors(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> createLocalBucket(api::OpContext &ctx, const QJsonObject &req);

} // namespace dd::migration
