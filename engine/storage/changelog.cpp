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

// Version 3's layout of a log: a row per change (convertSharedLog makes it,
// convertToBlocks reads it).
QByteArray legacyCreateSql(const QByteArray &name)
{
    return "CREATE TABLE IF NOT EXISTS " + name + "(seq INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL, event INTEGER NOT NULL, "
           "origin INTEGER NOT NULL DEFAULT 0, keys BLOB NOT NULL, old_image BLOB, new_image BLOB)";
}

ApiError corrupt(qint64 tableId, qint64 blockSeq)
{
    return ApiError::internal(QStringLiteral("The change log of table %1 is corrupt (the block ending at seq %2)").arg(tableId).arg(blockSeq));
}

// Decodes the block of the row `s` stands on (columns seq, first_seq, heads
// and, with `bodies`, bodies) as ChangeLogBlock::decode; a block that does
// not decode resets `s` and is the error, naming the table and the block.
Result<void> decodeRow(Statement &s, qint64 tableId, bool bodies, qint64 from, qint64 to,
                       const std::function<bool(const ChangeRecord &)> &fn, bool &stop)
{
    if (ChangeLogBlock::decode(s.columnBlob(2), bodies ? s.columnBlob(3) : QByteArrayView(), bodies, from, to, fn, stop))
        return {};
    const qint64 blockSeq = s.columnInt(0);
    s.reset();
    return corrupt(tableId, blockSeq);
}

} // namespace

QByteArray ChangeLog::sqlTable(qint64 tableId)
{
    return kPrefix + QByteArray::number(tableId);
}

QByteArray ChangeLog::createSql(qint64 tableId)
{
    // The blobs last, heads before bodies: readers of heads alone stop
    // before the bodies, so a large image's overflow pages are not read.
    return "CREATE TABLE IF NOT EXISTS " + sqlTable(tableId) + "(\n"
           "  seq INTEGER PRIMARY KEY,          -- the block's last change's seq (global commit order)\n"
           "  first_seq INTEGER NOT NULL,       -- its first change's\n"
           "  time_ms INTEGER NOT NULL,         -- its latest change's time, ms since the epoch\n"
           "  n INTEGER NOT NULL,               -- its changes\n"
           "  heads BLOB NOT NULL,              -- ChangeLogBlock: seq, time, event, origin, lengths per change\n"
           "  bodies BLOB NOT NULL)             -- keys, old and new image per change (DynamoDB JSON)\n";
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
    DD_CHECK(c.beforeLogRead());
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
    // The last block ends with the last change (prepare() stores pending ones first).
    DD_ASSIGN(Statement *s, prepare(c, tableId, "SELECT IFNULL(MAX(seq), 0) FROM LOG"));
    if (!s)
        return qint64(0);
    const qint64 seq = s->step() ? s->columnInt(0) : 0;
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    return seq;
}

Result<void> ChangeLog::read(Connection &c, qint64 tableId, qint64 from, qint64 to, bool bodies,
                             const std::function<bool(const ChangeRecord &)> &fn)
{
    if (from > to)
        return {};
    // The first block with a change at or after `from` ends at or after it.
    DD_ASSIGN(Statement *s, prepare(c, tableId, bodies ? "SELECT seq, first_seq, heads, bodies FROM LOG WHERE seq >= ? ORDER BY seq"
                                                       : "SELECT seq, first_seq, heads FROM LOG WHERE seq >= ? ORDER BY seq"));
    if (!s)
        return {};
    s->bind(1, from);
    bool stop = false;
    while (!stop && s->step()) {
        if (s->columnInt(1) > to)
            break; // blocks do not overlap: no later one has a change up to `to`
        DD_CHECK(decodeRow(*s, tableId, bodies, from, to, fn, stop));
    }
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    return {};
}

Result<std::optional<qint64>> ChangeLog::lastSeqIn(Connection &c, qint64 tableId, qint64 from, qint64 to)
{
    std::optional<qint64> last;
    if (from > to)
        return last;
    // The block holding `to`, if one does: its last change up to `to`.
    DD_ASSIGN(Statement *s, prepare(c, tableId, "SELECT seq, first_seq, heads FROM LOG WHERE seq >= ? ORDER BY seq LIMIT 1"));
    if (!s)
        return last;
    s->bind(1, to);
    if (s->step() && s->columnInt(1) <= to) {
        bool stop = false;
        DD_CHECK(decodeRow(*s, tableId, false, from, to, [&](const ChangeRecord &rec) { last = rec.seq; return true; }, stop));
    }
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    if (last)
        return last;
    // Otherwise the last block ending before `to` ends with the answer.
    DD_ASSIGN(s, prepare(c, tableId, "SELECT MAX(seq) FROM LOG WHERE seq < ?"));
    s->bind(1, to);
    if (s->step() && !s->columnIsNull(0) && s->columnInt(0) >= from)
        last = s->columnInt(0);
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    return last;
}

Result<void> ChangeLog::store(Connection &c, qint64 tableId, const ChangeLogBlock &block)
{
    Statement *s = c.prepareKeyed(statementKey(StatementKind::ChangeLogInsert, tableId), [tableId] {
        return "INSERT INTO " + sqlTable(tableId) + "(seq, first_seq, time_ms, n, heads, bodies) VALUES(?,?,?,?,?,?)";
    });
    if (!s)
        return ApiError::internal(c.lastError());
    // Bound without copies: the block outlives this step.
    s->bind(1, block.lastSeq()).bind(2, block.firstSeq()).bind(3, block.maxTimeMs()).bind(4, block.count());
    s->bindStatic(5, block.heads()).bindStatic(6, block.bodies());
    s->step();
    if (s->resultCode() != SQLITE_DONE)
        return ApiError::internal(s->errorMessage());
    return {};
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
    // As text: sqlite_master's names are TEXT, which no BLOB equals.
    s->bindText(1, QString::fromLatin1(sqlTable(tableId)));
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
        select = "SELECT 0 AS seq, 0 AS first_seq, 0 AS time_ms, 0 AS n, 0 AS table_id WHERE 0";
    } else {
        for (qint64 id : ids) {
            if (!select.isEmpty())
                select += " UNION ALL ";
            select += "SELECT seq, first_seq, time_ms, n, " + QByteArray::number(id) + " AS table_id FROM " + sqlTable(id);
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
        DD_CHECK(c.exec(legacyCreateSql(sqlTable(id))));
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

Result<void> ChangeLog::convertToBlocks(Connection &c)
{
    // Blocks of up to this many consecutive changes (version 4 kept no commit boundaries).
    constexpr int kBlockChanges = 64;
    DD_CHECK(c.exec("DROP VIEW IF EXISTS changelog")); // renames below would rewrite it
    DD_ASSIGN(const std::vector<qint64> ids, tableIds(c));
    for (qint64 id : ids) {
        Statement *s = c.prepare("SELECT 1 FROM pragma_table_info('" + sqlTable(id) + "') WHERE name = 'event'");
        if (!s)
            return ApiError::internal(c.lastError());
        const bool legacy = s->step();
        s->reset();
        if (!legacy)
            continue;
        const QByteArray old = sqlTable(id) + "_v4";
        c.clearCache();
        DD_CHECK(c.exec("ALTER TABLE " + sqlTable(id) + " RENAME TO " + old));
        DD_CHECK(c.exec(createSql(id)));
        s = c.prepare("SELECT seq, time_ms, event, origin, keys, old_image, new_image FROM " + old + " ORDER BY seq");
        if (!s)
            return ApiError::internal(c.lastError());
        ChangeLogBlock block;
        while (s->step()) {
            block.append(s->columnInt(0), s->columnInt(1), ChangeEvent(s->columnInt(2)), s->columnBlob(4),
                         s->columnIsNull(5) ? QByteArrayView() : s->columnBlob(5), s->columnIsNull(6) ? QByteArrayView() : s->columnBlob(6));
            block.setLastOrigin(int(s->columnInt(3)));
            if (block.count() == kBlockChanges) {
                DD_CHECK(store(c, id, block));
                block.clear();
            }
        }
        if (!s->ok())
            return ApiError::internal(s->errorMessage());
        s->reset();
        if (!block.empty())
            DD_CHECK(store(c, id, block));
        c.clearCache();
        DD_CHECK(c.exec("DROP TABLE " + old));
    }
    return rebuildView(c);
}

} // namespace dd::storage
