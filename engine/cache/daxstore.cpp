#include "cache/daxstore.h"

#include <QJsonDocument>

#include <functional>

namespace dd::cache {

namespace {

const char *kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS dd_dax_resources(
  kind INTEGER NOT NULL,       -- DaxKind
  name TEXT NOT NULL,
  description TEXT NOT NULL,   -- JSON
  PRIMARY KEY(kind, name));
)SQL";

// The descriptions a SELECT of dd_dax_resources yields, bound by `bind`.
Result<std::vector<QJsonObject>> select(storage::Connection &c, const char *sql, const std::function<void(storage::Statement &)> &bind)
{
    storage::Statement *s = c.prepare(sql);
    if (!s)
        return ApiError::internal(c.lastError());
    bind(*s);
    std::vector<QJsonObject> out;
    while (s->step())
        out.push_back(QJsonDocument::fromJson(s->columnBytes(0)).object());
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    return out;
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
    return s->run();
}

Result<void> DaxStore::remove(storage::WriteTxn &txn, DaxKind kind, const QString &name)
{
    storage::Statement *s = txn.conn.prepare("DELETE FROM dd_dax_resources WHERE kind = ? AND name = ?");
    if (!s)
        return ApiError::internal(txn.conn.lastError());
    s->bind(1, qint64(kind)).bindText(2, name);
    return s->run();
}

Result<std::optional<QJsonObject>> DaxStore::get(storage::Connection &c, DaxKind kind, const QString &name)
{
    DD_ASSIGN(std::vector<QJsonObject> found, select(c, "SELECT description FROM dd_dax_resources WHERE kind = ? AND name = ?",
                                                     [&](storage::Statement &s) { s.bind(1, qint64(kind)).bindText(2, name); }));
    if (found.empty())
        return std::optional<QJsonObject>();
    return std::optional<QJsonObject>(std::move(found.front()));
}

Result<std::vector<QJsonObject>> DaxStore::list(storage::Connection &c, DaxKind kind)
{
    return select(c, "SELECT description FROM dd_dax_resources WHERE kind = ? ORDER BY name",
                  [&](storage::Statement &s) { s.bind(1, qint64(kind)); });
}

} // namespace dd::cache
