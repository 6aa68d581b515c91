#include "storage/changelog.h"

#include <algorithm>

#include <sqlite3.h>

namespace dd::storage {

namespace {

constexpr char kPrefix[] = "changelog_";

// SQLite's default SQLITE_MAX_COMPOUND_SELECT: the view unites at most this many logs.
constexpr size_t kMaxViewTerms = 500;

bool isMissingTable(const QString &error)
{
    return error.contains(QLatin1String("no such table"));
}

} // namespace

QByteArray ChangeLog::sqlTable(qint64 tableId)
{
    return kPrefix + QByteArray::number(tableId);
}

QByteArray ChangeLog::createSql(qint64 tableId)
{
    // The blobs last: readers of times and events (DescribeTableHistory)
    // stop before them, so a large image's overflow pages are not read.
    return "CREATE TABLE IF NOT EXISTS " + sqlTable(tableId) + "(\n"
           "  seq INTEGER PRIMARY KEY,          -- global commit order\n"
           "  time_ms INTEGER NOT NULL,         -- commit time, ms since the epoch\n"
           "  event INTEGER NOT NULL,           -- ChangeEvent: 1 INSERT, 2 MODIFY, 3 REMOVE\n"
           "  origin INTEGER NOT NULL DEFAULT 0, -- streams::ChangeOrigin: 0 user, 1 TTL\n"
           "  keys BLOB NOT NULL,               -- key attributes, DynamoDB JSON\n"
           "  old_image BLOB,                   -- item before, DynamoDB JSON; NULL on INSERT\n"
           "  new_image BLOB)                   -- item after; NULL on REMOVE\n";
}

Result<std::vector<qint64>> ChangeLog::tableIds(Connection &c)
{
    Statement *s = c.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'changelog_[0-9]*'");
    if (!s)
        return ApiError::internal(c.lastError());
    std::vector<qint64> ids;
    while (s->step()) {
        bool ok = false;
        const qint64 id = s->columnBlob(0).sliced(sizeof(kPrefix) - 1).toLongLong(&ok);
        if (ok)
            ids.push_back(id);
    }
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    std::sort(ids.begin(), ids.end());
    return ids;
}

Result<Statement *> ChangeLog::prepare(Connection &c, qint64 tableId, const QByteArray &sql)
{
    QByteArray text = sql;
    text.replace("LOG", sqlTable(tableId));
    Statement *s = c.prepare(text);
    if (s)
        return s;
    const QString error = c.lastError();
    if (isMissingTable(error))
        return static_cast<Statement *>(nullptr);
    return ApiError::internal(error);
}

Result<qint64> ChangeLog::lastSeq(Connection &c, qint64 tableId)
{
    DD_ASSIGN(Statement *s, prepare(c, tableId, "SELECT IFNULL(MAX(seq), 0) FROM LOG"));
    if (!s)
        return qint64(0);
    const qint64 seq = s->step() ? s->columnInt(0) : 0;
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    return seq;
}

Result<qint64> ChangeLog::highWater(Connection &c)
{
    Statement *s = c.prepare("SELECT IFNULL((SELECT value FROM meta WHERE key = 'changelog_seq'), 0)");
    if (!s)
        return ApiError::internal(c.lastError());
    qint64 seq = s->step() ? s->columnInt(0) : 0;
    s->reset();
    DD_ASSIGN(const std::vector<qint64> ids, tableIds(c));
    for (qint64 id : ids) {
        DD_ASSIGN(const qint64 last, lastSeq(c, id));
        seq = std::max(seq, last);
    }
    return seq;
}

Result<void> ChangeLog::create(Connection &c, qint64 tableId)
{
    Statement *s = c.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    if (!s)
        return ApiError::internal(c.lastError());
    s->bind(1, QByteArrayView(sqlTable(tableId)));
    const bool exists = s->step();
    s->reset();
    if (exists)
        return {};
    DD_CHECK(c.exec(createSql(tableId)));
    return rebuildView(c);
}

Result<void> ChangeLog::drop(Connection &c, qint64 tableId)
{
    DD_CHECK(c.exec("DROP TABLE IF EXISTS " + sqlTable(tableId)));
    return rebuildView(c);
}

Result<void> ChangeLog::rebuildView(Connection &c)
{
    DD_ASSIGN(const std::vector<qint64> ids, tableIds(c));
    QByteArray select;
    if (ids.empty() || ids.size() > kMaxViewTerms) {
        select = "SELECT 0 AS seq, 0 AS time_ms, 0 AS table_id, 0 AS event, NULL AS keys, NULL AS old_image, "
                 "NULL AS new_image, 0 AS origin WHERE 0";
    } else {
        for (qint64 id : ids) {
            if (!select.isEmpty())
                select += " UNION ALL ";
            select += "SELECT seq, time_ms, " + QByteArray::number(id) + " AS table_id, event, keys, old_image, new_image, origin FROM "
                      + sqlTable(id);
        }
    }
    return c.exec("DROP VIEW IF EXISTS changelog; CREATE VIEW changelog AS " + select + ";");
}

Result<void> ChangeLog::convertSharedLog(Connection &c)
{
    Statement *s = c.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'changelog'");
    if (!s)
        return ApiError::internal(c.lastError());
    const bool shared = s->step();
    s->reset();
    if (!shared)
        return {};
    // StreamStore added `origin` to version 2's table; without streams it may be missing.
    s = c.prepare("SELECT 1 FROM pragma_table_info('changelog') WHERE name = 'origin'");
    if (!s)
        return ApiError::internal(c.lastError());
    const bool hasOrigin = s->step();
    s->reset();
    std::vector<qint64> ids;
    s = c.prepare("SELECT DISTINCT table_id FROM changelog");
    if (!s)
        return ApiError::internal(c.lastError());
    while (s->step())
        ids.push_back(s->columnInt(0));
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    for (qint64 id : ids) {
        DD_CHECK(c.exec(createSql(id)));
        DD_CHECK(c.exec("INSERT INTO " + sqlTable(id) + "(seq, time_ms, event, origin, keys, old_image, new_image) "
                        "SELECT seq, time_ms, event, " + QByteArray(hasOrigin ? "origin" : "0") + ", keys, old_image, new_image "
                        "FROM changelog WHERE table_id = " + QByteArray::number(id) + " ORDER BY seq"));
    }
    // The old table's highest seq, so that no seq it held is handed out again.
    DD_CHECK(c.exec("INSERT OR REPLACE INTO meta(key, value) SELECT 'changelog_seq', "
                    "MAX(IFNULL(MAX(seq), 0), IFNULL((SELECT value FROM meta WHERE key = 'changelog_seq'), 0)) FROM changelog"));
    c.clearCache();
    return c.exec("DROP TABLE changelog");
}

} // namespace dd::storage
