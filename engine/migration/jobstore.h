// JobStore: the exports and imports of one region (ExportDescription and
// ImportTableDescription as DescribeExport and DescribeImport show them), in
// SQLite table dd_migration_jobs of the region's database, so that they
// survive a restart as on AWS. A job that a restart cut short is marked
// FAILED when the database opens (failUnfinished).
// Threads: any thread (through Database::read/write).
#pragma once

#include "model/result.h"
#include "storage/database.h"

#include <QJsonObject>

#include <optional>
#include <vector>

namespace dd::migration {

enum class JobKind { Export = 0, Import = 1 };

struct Job {
    JobKind kind = JobKind::Export;
    QString arn;            // ExportArn or ImportArn
    QString tableArn;       // the exported table, or the import's target
    QString clientToken;    // empty if none
    qint64 startMs = 0;
    QJsonObject description; // ExportDescription / ImportTableDescription
};

class JobStore {
public:
    // Creates the table if needed and marks the jobs still IN_PROGRESS (a
    // restart cut them short) FAILED with `reason`.
    static Result<void> install(storage::Database &db, const QString &reason);

    static Result<void> insert(storage::WriteTxn &txn, const Job &job);
    // Replaces the description of job `arn`.
    static Result<void> update(storage::Database &db, const QString &arn, const QJsonObject &description);
    static Result<std::optional<Job>> get(storage::Connection &c, const QString &arn);
    // The job of `kind` that used `clientToken` since `sinceMs`, newest first.
    static Result<std::optional<Job>> byToken(storage::Connection &c, JobKind kind, const QString &clientToken, qint64 sinceMs);
    // The jobs of `kind` (of table `tableArn` if not empty), newest first.
    static Result<std::vector<Job>> list(storage::Connection &c, JobKind kind, const QString &tableArn);
};

} // namespace dd::migration
