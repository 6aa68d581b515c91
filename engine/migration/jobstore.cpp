#include "migration/jobstore.h"

#include <QJsonDocument>

#include <sqlite3.h>

namespace dd::migration {

namespace {

const char *kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS dd_migration_jobs(
  arn TEXT PRIMARY KEY,
  kind INTEGER NOT NULL,          -- JobKind
  table_arn TEXT NOT NULL,
  client_token TEXT NOT NULL,     -- '' if none
  start_ms INTEGER NOT NULL,
  description TEXT NOT NULL);     -- JSON
CREATE INDEX IF NOT EXISTS dd_migration_jobs_by_kind ON dd_migration_jobs(kind, start_ms);
)SQL";

const char *kColumns = "SELECT kind, arn, table_arn, client_token, start_ms, description FROM dd_migration_jobs ";

// Stored as TEXT (LIKE does not look into BLOBs).
QString json(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }

// Steps `s` (an INSERT or UPDATE, bound) to its end and resets it.
Result<void> runToEnd(storage::Statement *s)
{
    s->step();
    const bool ok = s->resultCode() == SQLITE_DONE;
    const QString why = ok ? QString() : s->errorMessage();
    s->reset();
    if (!ok)
        return ApiError::internal(why);
    return {};
}

Result<std::vector<Job>> select(storage::Connection &c, const QByteArray &where, const std::function<void(storage::Statement &)> &bind)
{
    storage::Statement *s = c.prepare(kColumns + where);
    if (!s)
        return ApiError::internal(c.lastError());
    bind(*s);
    std::vector<Job> out;
    while (s->step())
        out.push_back({JobKind(s->columnInt(0)), s->columnText(1), s->columnText(2), s->columnText(3), s->columnInt(4),
                       QJsonDocument::fromJson(s->columnBytes(5)).object()});
    if (!s->ok()) {
        const QString why = s->errorMessage();
        s->reset();
        return ApiError::internal(why);
    }
    s->reset();
    return out;
}

} // namespace

Result<void> JobStore::install(storage::Database &db, const QString &reason)
{
    return db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
        DD_CHECK(txn.conn.exec(kSchema));
        DD_ASSIGN(const std::vector<Job> jobs, select(txn.conn, "WHERE description LIKE '%\"IN_PROGRESS\"%'", [](storage::Statement &) {}));
        for (Job job : jobs) {
            const char *status = job.kind == JobKind::Export ? "ExportStatus" : "ImportStatus";
            if (job.description.value(QLatin1String(status)).toString() != u"IN_PROGRESS")
                continue;
            job.description.insert(QLatin1String(status), QStringLiteral("FAILED"));
            job.description.insert(QStringLiteral("FailureCode"), QStringLiteral("InternalServerError"));
            job.description.insert(QStringLiteral("FailureMessage"), reason);
            job.description.insert(QStringLiteral("EndTime"), double(txn.nowMs) / 1000);
            storage::Statement *s = txn.conn.prepare("UPDATE dd_migration_jobs SET description = ? WHERE arn = ?");
            if (!s)
                return ApiError::internal(txn.conn.lastError());
            s->bindText(1, json(job.description)).bindText(2, job.arn);
            DD_CHECK(runToEnd(s));
        }
        return {};
    });
}

Result<void> JobStore::insert(storage::WriteTxn &txn, const Job &job)
{
    storage::Statement *s = txn.conn.prepare("INSERT INTO dd_migration_jobs(arn, kind, table_arn, client_token, start_ms, description) VALUES(?, ?, ?, ?, ?, ?)");
    if (!s)
        return ApiError::internal(txn.conn.lastError());
    s->bindText(1, job.arn).bind(2, qint64(job.kind)).bindText(3, job.tableArn).bindText(4, job.clientToken).bind(5, job.startMs).bindText(6, json(job.description));
    return runToEnd(s);
}

Result<void> JobStore::update(storage::Database &db, const QString &arn, const QJsonObject &description)
{
    return db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
        storage::Statement *s = txn.conn.prepare("UPDATE dd_migration_jobs SET description = ? WHERE arn = ?");
        if (!s)
            return ApiError::internal(txn.conn.lastError());
        s->bindText(1, json(description)).bindText(2, arn);
        return runToEnd(s);
    });
}

Result<std::optional<Job>> JobStore::get(storage::Connection &c, const QString &arn)
{
    DD_ASSIGN(std::vector<Job> jobs, select(c, "WHERE arn = ?", [&](storage::Statement &s) { s.bindText(1, arn); }));
    if (jobs.empty())
        return std::optional<Job>();
    return std::optional<Job>(std::move(jobs.front()));
}

Result<std::optional<Job>> JobStore::byToken(storage::Connection &c, JobKind kind, const QString &clientToken, qint64 sinceMs)
{
    DD_ASSIGN(std::vector<Job> jobs, select(c, "WHERE kind = ? AND client_token = ? AND start_ms >= ? ORDER BY start_ms DESC LIMIT 1",
                                            [&](storage::Statement &s) { s.bind(1, qint64(kind)).bindText(2, clientToken).bind(3, sinceMs); }));
    if (jobs.empty())
        return std::optional<Job>();
    return std::optional<Job>(std::move(jobs.front()));
}

Result<std::vector<Job>> JobStore::list(storage::Connection &c, JobKind kind, const QString &tableArn)
{
    if (tableArn.isEmpty())
        return select(c, "WHERE kind = ? ORDER BY start_ms DESC, arn", [&](storage::Statement &s) { s.bind(1, qint64(kind)); });
    return select(c, "WHERE kind = ? AND table_arn = ? ORDER BY start_ms DESC, arn",
                  [&](storage::Statement &s) { s.bind(1, qint64(kind)).bindText(2, tableArn); });
}

} // namespace dd::migration
