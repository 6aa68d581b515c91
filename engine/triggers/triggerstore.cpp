#include "triggers/triggerstore.h"

#include <QJsonDocument>

#include <sqlite3.h>

namespace dd::triggers {

namespace {

const QByteArray kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS dd_triggers(
  name TEXT PRIMARY KEY,            -- TriggerName
  config TEXT NOT NULL,             -- the settings, as CreateTrigger's JSON
  checkpoint INTEGER NOT NULL,      -- changelog.seq up to which records are done
  created_ms INTEGER NOT NULL,
  incarnation INTEGER NOT NULL);    -- random id of this creation
)SQL";

Result<void> stepDone(storage::Connection &c, storage::Statement *s)
{
    if (!s)
        return ApiError::internal(c.lastError());
    s->step();
    if (s->resultCode() != SQLITE_DONE)
        return ApiError::internal(s->errorMessage());
    return {};
}

Result<StoredTrigger> triggerFrom(const storage::Statement &s)
{
    StoredTrigger t;
    const QJsonObject json = QJsonDocument::fromJson(s.columnBytes(0)).object();
    auto config = TriggerConfig::fromCreateRequest(json);
    if (!config.ok())
        return ApiError::internal(QStringLiteral("Stored trigger %1 is unreadable: %2").arg(s.columnText(3), config.error().message()));
    t.config = std::move(*config);
    t.checkpoint = s.columnInt(1);
    t.createdMs = s.columnInt(2);
    t.incarnation = s.columnInt(4);
    return t;
}

QByteArray configJson(const TriggerConfig &c) { return QJsonDocument(c.toJson()).toJson(QJsonDocument::Compact); }

} // namespace

Result<std::vector<StoredTrigger>> TriggerStore::install(storage::Database &db)
{
    return db.write<std::vector<StoredTrigger>>([](storage::WriteTxn &txn) -> Result<std::vector<StoredTrigger>> {
        DD_CHECK(txn.conn.exec(kSchema));
        return list(txn.conn);
    });
}

Result<std::vector<StoredTrigger>> TriggerStore::list(storage::Connection &c)
{
    storage::Statement *s = c.prepare("SELECT config, checkpoint, created_ms, name, incarnation FROM dd_triggers ORDER BY name");
    if (!s)
        return ApiError::internal(c.lastError());
    std::vector<StoredTrigger> out;
    while (s->step()) {
        auto t = triggerFrom(*s);
        if (!t.ok()) {
            s->reset();
            return t.error();
        }
        out.push_back(std::move(*t));
    }
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    return out;
}

Result<std::optional<StoredTrigger>> TriggerStore::find(storage::Connection &c, const QString &name)
{
    storage::Statement *s = c.prepare("SELECT config, checkpoint, created_ms, name, incarnation FROM dd_triggers WHERE name = ?");
    if (!s)
        return ApiError::internal(c.lastError());
    s->bindText(1, name);
    std::optional<StoredTrigger> out;
    if (s->step()) {
        auto t = triggerFrom(*s);
        if (!t.ok()) {
            s->reset();
            return t.error();
        }
        out = std::move(*t);
    }
    s->reset();
    return out;
}

Result<void> TriggerStore::put(storage::WriteTxn &txn, const StoredTrigger &t)
{
    storage::Statement *s = txn.conn.prepare("INSERT OR REPLACE INTO dd_triggers(name, config, checkpoint, created_ms, incarnation) "
                                             "VALUES(?, ?, ?, ?, ?)");
    if (s) {
        s->bindText(1, t.config.name);
        s->bind(2, configJson(t.config));
        s->bind(3, t.checkpoint).bind(4, t.createdMs).bind(5, t.incarnation);
    }
    return stepDone(txn.conn, s);
}

Result<void> TriggerStore::updateConfig(storage::WriteTxn &txn, const TriggerConfig &config)
{
    storage::Statement *s = txn.conn.prepare("UPDATE dd_triggers SET config = ? WHERE name = ?");
    if (s) {
        s->bind(1, configJson(config));
        s->bindText(2, config.name);
    }
    return stepDone(txn.conn, s);
}

Result<void> TriggerStore::remove(storage::WriteTxn &txn, const QString &name)
{
    storage::Statement *s = txn.conn.prepare("DELETE FROM dd_triggers WHERE name = ?");
    if (s)
        s->bindText(1, name);
    return stepDone(txn.conn, s);
}

Result<void> TriggerStore::advance(storage::WriteTxn &txn, const QString &name, qint64 incarnation, qint64 seq)
{
    storage::Statement *s = txn.conn.prepare("UPDATE dd_triggers SET checkpoint = ? WHERE name = ? AND incarnation = ? AND checkpoint < ?");
    if (s) {
        s->bind(1, seq);
        s->bindText(2, name);
        s->bind(3, incarnation).bind(4, seq);
    }
    return stepDone(txn.conn, s);
}

} // namespace dd::triggers
