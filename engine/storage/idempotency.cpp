#include "storage/idempotency.h"

#include "storage/database.h"

#include <sqlite3.h>

namespace dd::storage {

namespace {

const QByteArray kCreate = R"SQL(
CREATE TABLE IF NOT EXISTS idempotency(
  token TEXT PRIMARY KEY,           -- ClientRequestToken
  request_hash BLOB NOT NULL,       -- digest of the request's parameters
  replay BLOB NOT NULL,             -- what a replay answers with
  created_ms INTEGER NOT NULL);     -- commit time of the first request
CREATE INDEX IF NOT EXISTS idempotency_by_time ON idempotency(created_ms);
)SQL";

const QByteArray kPrune = "DELETE FROM idempotency WHERE created_ms <= ?";
const QByteArray kSelect = "SELECT request_hash, replay, created_ms FROM idempotency WHERE token = ?";

bool tableExists(Connection &c)
{
    Statement *s = c.prepare("SELECT 1 FROM sqlite_schema WHERE type='table' AND name='idempotency'");
    const bool exists = s && s->step();
    if (s)
        s->reset();
    return exists;
}

} // namespace

Result<std::optional<IdempotencyRecord>> IdempotencyStore::find(WriteTxn &txn, const QString &token)
{
    Connection &c = txn.conn;
    // A savepoint rolled back after creating the table leaves cached
    // statements pointing at nothing, so look before preparing.
    if (!tableExists(c))
        return std::optional<IdempotencyRecord>();
    Statement *prune = c.prepare(kPrune);
    Statement *select = prune ? c.prepare(kSelect) : nullptr;
    if (!select) {
        c.clearCache();
        return ApiError::internal(c.lastError());
    }
    prune->bind(1, txn.nowMs - kWindowMs);
    prune->step();
    if (prune->resultCode() != SQLITE_DONE) {
        const ApiError e = ApiError::internal(prune->errorMessage());
        c.clearCache();
        return e;
    }
    select->bindText(1, token);
    if (!select->step()) {
        if (select->resultCode() != SQLITE_DONE) {
            const ApiError e = ApiError::internal(select->errorMessage());
            c.clearCache();
            return e;
        }
        return std::optional<IdempotencyRecord>();
    }
    IdempotencyRecord r{select->columnBytes(0), select->columnBytes(1), select->columnInt(2)};
    select->reset();
    return std::optional<IdempotencyRecord>(std::move(r));
}

Result<void> IdempotencyStore::record(WriteTxn &txn, const QString &token, const QByteArray &requestHash,
                                      const QByteArray &replay)
{
    Connection &c = txn.conn;
    if (!tableExists(c))
        DD_CHECK(c.exec(kCreate));
    Statement *s = c.prepare("INSERT OR REPLACE INTO idempotency(token, request_hash, replay, created_ms) VALUES(?,?,?,?)");
    if (!s)
        return ApiError::internal(c.lastError());
    s->bindText(1, token).bind(2, requestHash).bind(3, replay).bind(4, txn.nowMs);
    s->step();
    if (s->resultCode() != SQLITE_DONE)
        return ApiError::internal(s->errorMessage());
    return {};
}

} // namespace dd::storage
