#include "cache/daxstore.h"

#include <QJsonDocument>

#include <sqlite3.h>

namespace dd::cache {

namespace {

const char *kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS dd_dax_resources(
  kind INTEGER NOT NULL,       -- DaxKind
  name TEXT NOT NULL,
  description TEXT NOT NULL,   -- JSON
  PRIMARY KEY(kind, name));
)SQL";

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

} // namespace

Result<void> DaxStore::install(storage::Database &db)
{
    return db.write<void>([](storage::WriteTxn &txn) { return txn.conn.exec(kSchema); });
}

Result<void> DaxStore::put(storage::WriteTxn &txn, DaxKind kind, const QString &name, const QJsonObject &description)
{
    storage::Statement *s = txn.conn.prepare("INSERT OR REPLACE INTO dd_dax_resources(kind, name, description) VALUES(?, ?, ?)");
    if (!s)
        return ApiError::internal(txn.conn.lastError());
    s->bind(1, qint64(kind)).bindText(2, name).bindText(3, QString::fromUtf8(QJsonDocument(description).toJson(QJsonDocument::Compact)));
    return runToEnd(s);
}

Result<void> DaxStore::remove(storage::WriteTxn &txn, DaxKind kind, const QString &name)
{
    storage::Statement *s = txn.conn.prepare("DELETE FROM dd_dax_resources WHERE kind = ? AND name = ?");
    if (!s)
        return ApiError::internal(txn.conn.lastError());
    s->bind(1, qint64(kind)).bindText(2, name);
    return runToEnd(s);
}

Result<std::optional<QJsonObject>> DaxStore::get(storage::Connection &c, DaxKind kind, const QString &name)
{
    storage::Statement *s = c.prepare("SELECT description FROM dd_dax_resources WHERE kind = ? AND name = ?");
    if (!s)
        return ApiError::internal(c.lastError());
    s->bind(1, qint64(kind)).bindText(2, name);
    std::optional<QJsonObject> out;
    if (s->step())
        out = QJsonDocument::fromJson(s->columnBytes(0)).object();
    const bool ok = s->ok();
    const QString why = ok ? QString() : s->errorMessage();
    s->reset();
    if (!ok)
        return ApiError::internal(why);
    return out;
}

Result<std::vector<QJsonObject>> DaxStore::list(storage::Connection &c, DaxKind kind)
{
    storage::Statement *s = c.prepare("SELECT description FROM dd_dax_resources WHERE kind = ? ORDER BY name");
    if (!s)
        return ApiError::internal(c.lastError());
    s->bind(1, qint64(kind));
    std::vector<QJsonObject> out;
    while (s->step())
        out.push_back(QJsonDocument::fromJson(s->columnBytes(0)).object());
    const bool ok = s->ok();
    const QString why = ok ? QString() : s->errorMessage();
    s->reset();
    if (!ok)
        return ApiError::internal(why);
    return out;
}

} // namespace dd::cache
