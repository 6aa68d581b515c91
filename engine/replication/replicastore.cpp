#include "replication/replicastore.h"

#include "model/json.h"
#include "storage/changelog.h"

#include <sqlite3.h>

namespace dd::replication {

namespace {

const char *kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS dd_replicas(
  table_id INTEGER NOT NULL,        -- tables.id of the local table
  table_name TEXT NOT NULL,
  region TEXT NOT NULL,             -- a region holding a replica of it
  shipped_seq INTEGER NOT NULL,     -- that region has applied this log's changes of the table up to here
  PRIMARY KEY(table_id, region));
CREATE TABLE IF NOT EXISTS dd_replica_applied(
  table_id INTEGER NOT NULL,        -- tables.id of the local replica
  source_region TEXT NOT NULL,
  seq INTEGER NOT NULL,             -- the source's log, applied up to here
  horizon_ms INTEGER NOT NULL DEFAULT 0, -- every change of the source not applied yet is at least this recent
  PRIMARY KEY(table_id, source_region));
CREATE TABLE IF NOT EXISTS dd_replica_versions(
  table_id INTEGER NOT NULL,
  key BLOB NOT NULL,                -- ReplicaStore::versionKey
  time_ms INTEGER NOT NULL,
  region TEXT NOT NULL,
  PRIMARY KEY(table_id, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dd_replica_folded(
  table_id INTEGER PRIMARY KEY,
  seq INTEGER NOT NULL);            -- local changes up to here are in dd_replica_versions
)SQL";

Result<void> done(storage::Statement *s)
{
    s->step();
    if (s->resultCode() != SQLITE_DONE)
        return ApiError::internal(s->errorMessage());
    return {};
}

} // namespace

Result<void> ReplicaStore::install(storage::Database &db)
{
    DD_CHECK(db.write<void>([&](storage::WriteTxn &txn) -> Result<void> { return txn.conn.exec(kSchema); }));
    // The Replicator ships new images (a REMOVE has none, only its keys).
    db.addChangeLogConsumer("SELECT DISTINCT table_id, 2 FROM dd_replicas");
    return {};
}

namespace {

Result<std::vector<Peer>> selectPeers(storage::Connection &c, const QByteArray &sql, std::optional<qint64> tableId)
{
    storage::Statement *s = c.prepare(sql);
    if (!s)
        return ApiError::internal(c.lastError());
    if (tableId)
        s->bind(1, *tableId);
    std::vector<Peer> out;
    while (s->step())
        out.push_back({s->columnInt(0), s->columnText(1), s->columnText(2), s->columnInt(3)});
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    return out;
}

} // namespace

Result<std::vector<Peer>> ReplicaStore::peers(storage::Connection &c)
{
    return selectPeers(c, "SELECT table_id, table_name, region, shipped_seq FROM dd_replicas ORDER BY table_id, region", std::nullopt);
}

Result<void> ReplicaStore::addPeer(storage::WriteTxn &txn, qint64 tableId, const QString &tableName, const QString &region, qint64 shippedSeq)
{
    storage::Statement *s = txn.conn.prepare("INSERT OR REPLACE INTO dd_replicas(table_id, table_name, region, shipped_seq) VALUES(?, ?, ?, ?)");
    if (!s)
        return ApiError::internal(txn.conn.lastError());
    s->bind(1, tableId).bindText(2, tableName).bindText(3, region).bind(4, shippedSeq);
    DD_CHECK(done(s));
    txn.changeLogConsumersChanged();
    return {};
}

Result<void> ReplicaStore::removePeer(storage::WriteTxn &txn, qint64 tableId, const QString &region)
{
    storage::Statement *s = txn.conn.prepare("DELETE FROM dd_replicas WHERE table_id = ?1 AND (?2 = '' OR region = ?2)");
    if (!s)
        return ApiError::internal(txn.conn.lastError());
    s->bind(1, tableId).bindText(2, region);
    DD_CHECK(done(s));
    s = txn.conn.prepare("DELETE FROM dd_replica_applied WHERE table_id = ?1 AND (?2 = '' OR source_region = ?2)");
    if (!s)
        return ApiError::internal(txn.conn.lastError());
    s->bind(1, tableId).bindText(2, region);
    DD_CHECK(done(s));
    txn.changeLogConsumersChanged();
    return {};
}

Result<void> ReplicaStore::setShipped(storage::WriteTxn &txn, qint64 tableId, const QString &region, qint64 seq)
{
    storage::Statement *s = txn.conn.prepare("UPDATE dd_replicas SET shipped_seq = MAX(shipped_seq, ?3) WHERE table_id = ?1 AND region = ?2");
    if (!s)
        return ApiError::internal(txn.conn.lastError());
    s->bind(1, tableId).bindText(2, region).bind(3, seq);
    return done(s);
}

Result<std::optional<qint64>> ReplicaStore::applied(storage::Connection &c, qint64 tableId, const QString &sourceRegion)
{
    storage::Statement *s = c.prepare("SELECT seq FROM dd_replica_applied WHERE table_id = ? AND source_region = ?");
    if (!s)
        return ApiError::internal(c.lastError());
    s->bind(1, tableId).bindText(2, sourceRegion);
    std::optional<qint64> out;
    if (s->step())
        out = s->columnInt(0);
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    return out;
}

Result<std::map<QString, qint64>> ReplicaStore::appliedOf(storage::Connection &c, qint64 tableId, const QStringList &regions)
{
    std::map<QString, qint64> out;
    for (const QString &region : regions) {
        DD_ASSIGN(const std::optional<qint64> seq, applied(c, tableId, region));
        out[region] = seq.value_or(0);
    }
    return out;
}

Result<void> ReplicaStore::setApplied(storage::WriteTxn &txn, qint64 tableId, const QString &sourceRegion, qint64 seq, qint64 horizonMs)
{
    storage::Statement *s = txn.conn.prepare("INSERT INTO dd_replica_applied(table_id, source_region, seq, horizon_ms) VALUES(?1, ?2, ?3, ?4) "
                                             "ON CONFLICT(table_id, source_region) DO UPDATE SET seq = ?3, horizon_ms = MAX(horizon_ms, ?4)");
    if (!s)
        return ApiError::internal(txn.conn.lastError());
    s->bind(1, tableId).bindText(2, sourceRegion).bind(3, seq).bind(4, horizonMs);
    return done(s);
}

Result<void> ReplicaStore::setHorizon(storage::WriteTxn &txn, qint64 tableId, const QString &sourceRegion, qint64 horizonMs)
{
    storage::Statement *s = txn.conn.prepare("UPDATE dd_replica_applied SET horizon_ms = MAX(horizon_ms, ?3) WHERE table_id = ?1 AND source_region = ?2");
    if (!s)
        return ApiError::internal(txn.conn.lastError());
    s->bind(1, tableId).bindText(2, sourceRegion).bind(3, horizonMs);
    return done(s);
}

Result<void> ReplicaStore::forgetSettledVersions(storage::WriteTxn &txn, qint64 tableId)
{
    // Only regions still replicating to this table count: removePeer drops the rows of the others.
    storage::Statement *s = txn.conn.prepare("DELETE FROM dd_replica_versions WHERE table_id = ?1 AND time_ms < "
                                             "(SELECT MIN(horizon_ms) FROM dd_replica_applied WHERE table_id = ?1)");
    if (!s)
        return ApiError::internal(txn.conn.lastError());
    s->bind(1, tableId);
    return done(s);
}

Result<api::ItemKey> ReplicaStore::loggedKey(const storage::TableDef &table, QByteArrayView keysJson)
{
    const auto keys = model::itemFromStoredJson(keysJson);
    if (!keys)
        return ApiError::internal(QStringLiteral("A logged key of table %1 is not valid DynamoDB JSON").arg(table.name));
    return api::keyFromItem(table, *keys);
}

QByteArray ReplicaStore::versionKey(const storage::StoredKey &key)
{
    // The partition key's length first, so that (pk, sk) pairs never run together.
    QByteArray out = QByteArray::number(key.pk.size());
    out += ':';
    out += key.pk;
    out += key.sk;
    return out;
}

Result<std::optional<Version>> ReplicaStore::version(storage::Connection &c, qint64 tableId, const QByteArray &key)
{
    storage::Statement *s = c.prepare("SELECT time_ms, region FROM dd_replica_versions WHERE table_id = ? AND key = ?");
    if (!s)
        return ApiError::internal(c.lastError());
    s->bind(1, tableId).bind(2, QByteArrayView(key));
    std::optional<Version> out;
    if (s->step())
        out = Version{s->columnInt(0), s->columnText(1)};
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    return out;
}

Result<void> ReplicaStore::setVersion(storage::WriteTxn &txn, qint64 tableId, const QByteArray &key, const Version &v)
{
    storage::Statement *s = txn.conn.prepare("INSERT OR REPLACE INTO dd_replica_versions(table_id, key, time_ms, region) VALUES(?, ?, ?, ?)");
    if (!s)
        return ApiError::internal(txn.conn.lastError());
    s->bind(1, tableId).bind(2, QByteArrayView(key)).bind(3, v.timeMs).bindText(4, v.region);
    return done(s);
}

Result<qint64> ReplicaStore::fold(storage::WriteTxn &txn, const storage::TableDef &table, const QString &region)
{
    storage::Statement *s = txn.conn.prepare("SELECT seq FROM dd_replica_folded WHERE table_id = ?");
    if (!s)
        return ApiError::internal(txn.conn.lastError());
    s->bind(1, table.id);
    const qint64 from = s->step() ? s->columnInt(0) : 0;
    s->reset();
    DD_ASSIGN(const qint64 end, storage::ChangeLog::lastSeq(txn.conn, table.id));
    if (end <= from)
        return from;
    struct Local {
        QByteArray key;
        qint64 timeMs;
    };
    std::vector<Local> changes;
    std::optional<ApiError> failure;
    DD_CHECK(storage::ChangeLog::read(txn.conn, table.id, from + 1, end, true, [&](const storage::ChangeRecord &r) {
        if (r.origin == kReplicatedOrigin)
            return true;
        auto key = loggedKey(table, r.keys);
        if (!key.ok()) {
            failure = key.error();
            return false;
        }
        changes.push_back({versionKey(key->stored), r.timeMs});
        return true;
    }));
    if (failure)
        return *failure;
    for (const Local &c : changes) {
        DD_ASSIGN(const std::optional<Version> current, version(txn.conn, table.id, c.key));
        Version v{c.timeMs, region};
        // The write happened here after the version it replaced, whatever the clocks say.
        if (current && !v.supersedes(*current))
            v.timeMs = current->timeMs + 1;
        DD_CHECK(setVersion(txn, table.id, c.key, v));
    }
    DD_CHECK(txn.conn.run("INSERT OR REPLACE INTO dd_replica_folded(table_id, seq) VALUES(?, ?)", {table.id, end}));
    return end;
}

Result<void> ReplicaStore::forget(storage::WriteTxn &txn, qint64 tableId)
{
    DD_CHECK(removePeer(txn, tableId, QString()));
    DD_CHECK(txn.conn.run("DELETE FROM dd_replica_versions WHERE table_id = ?", {tableId}));
    DD_CHECK(txn.conn.run("DELETE FROM dd_replica_folded WHERE table_id = ?", {tableId}));
    return {};
}

} // namespace dd::replication
