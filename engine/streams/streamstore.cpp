#include "streams/streamstore.h"

#include "storage/changelog.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>

#include <limits>

namespace dd::streams {

namespace {

// The stream bookkeeping. The triggers read the stored TableDescription
// (tables.description, JSON stored as a BLOB, hence the CASTs) and the
// change log's end (dd_changelog_end(), a function of the writer
// connection: see storage/changelog.h). They are versioned by name: a change
// to one is a new name and a DROP of the old.
const QByteArray kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS dd_streams(
  arn TEXT PRIMARY KEY,             -- StreamArn
  table_id INTEGER NOT NULL,        -- tables.id
  table_name TEXT NOT NULL,
  label TEXT NOT NULL,              -- StreamLabel
  view_type TEXT NOT NULL,          -- StreamViewType
  key_schema TEXT NOT NULL,         -- the table's KeySchema, JSON
  start_seq INTEGER NOT NULL,       -- first change-log seq covered
  end_seq INTEGER,                  -- last seq covered; NULL while enabled
  disabled_ms INTEGER);             -- when disabled; NULL until the background pass notes it
CREATE INDEX IF NOT EXISTS dd_streams_by_table ON dd_streams(table_id, start_seq);
CREATE TABLE IF NOT EXISTS dd_streams_state(
  key TEXT PRIMARY KEY,             -- 'trimmed_seq:<table id>': that table's rows up to it were trimmed for age
  value INTEGER NOT NULL);          -- ('trimmed_seq': the same for every table, before per-table logs);
                                    -- 'examined_seq': rows up to it were checked for a stream

DROP TRIGGER IF EXISTS dd_streams_v1_insert;
DROP TRIGGER IF EXISTS dd_streams_v1_update;
DROP TRIGGER IF EXISTS dd_streams_v1_delete;
DROP TRIGGER IF EXISTS dd_streams_v2_insert;
DROP TRIGGER IF EXISTS dd_streams_v2_update;
DROP TRIGGER IF EXISTS dd_streams_v2_delete;
CREATE TRIGGER IF NOT EXISTS dd_streams_v3_insert AFTER INSERT ON tables
WHEN json_extract(CAST(NEW.description AS TEXT), '$.StreamSpecification.StreamEnabled')
BEGIN
  INSERT OR REPLACE INTO dd_streams(arn, table_id, table_name, label, view_type, key_schema, start_seq)
  VALUES(json_extract(CAST(NEW.description AS TEXT), '$.LatestStreamArn'), NEW.id, NEW.name,
         json_extract(CAST(NEW.description AS TEXT), '$.LatestStreamLabel'),
         json_extract(CAST(NEW.description AS TEXT), '$.StreamSpecification.StreamViewType'),
         json_extract(CAST(NEW.description AS TEXT), '$.KeySchema'),
         dd_changelog_end() + 1);
END;

CREATE TRIGGER IF NOT EXISTS dd_streams_v3_update AFTER UPDATE OF description ON tables
BEGIN
  UPDATE dd_streams SET end_seq = dd_changelog_end()
  WHERE table_id = NEW.id AND end_seq IS NULL
    AND (NOT IFNULL(json_extract(CAST(NEW.description AS TEXT), '$.StreamSpecification.StreamEnabled'), 0)
         OR arn IS NOT json_extract(CAST(NEW.description AS TEXT), '$.LatestStreamArn'));
  INSERT OR REPLACE INTO dd_streams(arn, table_id, table_name, label, view_type, key_schema, start_seq)
  SELECT json_extract(CAST(NEW.description AS TEXT), '$.LatestStreamArn'), NEW.id, NEW.name,
         json_extract(CAST(NEW.description AS TEXT), '$.LatestStreamLabel'),
         json_extract(CAST(NEW.description AS TEXT), '$.StreamSpecification.StreamViewType'),
         json_extract(CAST(NEW.description AS TEXT), '$.KeySchema'),
         dd_changelog_end() + 1
  WHERE json_extract(CAST(NEW.description AS TEXT), '$.StreamSpecification.StreamEnabled')
    AND NOT EXISTS (SELECT 1 FROM dd_streams WHERE table_id = NEW.id AND end_seq IS NULL
                    AND arn = json_extract(CAST(NEW.description AS TEXT), '$.LatestStreamArn'));
END;

CREATE TRIGGER IF NOT EXISTS dd_streams_v3_delete AFTER DELETE ON tables
BEGIN
  UPDATE dd_streams SET end_seq = dd_changelog_end()
  WHERE table_id = OLD.id AND end_seq IS NULL;
END;

INSERT OR IGNORE INTO dd_streams(arn, table_id, table_name, label, view_type, key_schema, start_seq)
SELECT json_extract(CAST(description AS TEXT), '$.LatestStreamArn'), id, name,
       json_extract(CAST(description AS TEXT), '$.LatestStreamLabel'),
       json_extract(CAST(description AS TEXT), '$.StreamSpecification.StreamViewType'),
       json_extract(CAST(description AS TEXT), '$.KeySchema'),
       dd_changelog_end() + 1
FROM tables WHERE json_extract(CAST(description AS TEXT), '$.StreamSpecification.StreamEnabled');
INSERT OR IGNORE INTO dd_streams_state(key, value) VALUES('trimmed_seq', 0), ('examined_seq', 0);
)SQL";

const QByteArray kColumns = "arn, table_id, table_name, label, view_type, key_schema, start_seq, end_seq, disabled_ms";

StreamInfo streamFrom(const storage::Statement &s)
{
    StreamInfo info;
    info.arn = s.columnText(0);
    info.tableId = s.columnInt(1);
    info.tableName = s.columnText(2);
    info.label = s.columnText(3);
    info.viewType = s.columnText(4);
    info.keySchema = QJsonDocument::fromJson(s.columnBytes(5)).array();
    info.startSeq = s.columnInt(6);
    if (!s.columnIsNull(7))
        info.endSeq = s.columnInt(7);
    if (!s.columnIsNull(8))
        info.disabledMs = s.columnInt(8);
    return info;
}

} // namespace

qint64 StreamInfo::createdMs() const
{
    QDateTime t = QDateTime::fromString(label, Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

QString StreamInfo::shardId() const
{
    // AWS's shard ids: the shard's creation time in ms, then 8 hex digits.
    const QByteArray hash = QCryptographicHash::hash(arn.toUtf8(), QCryptographicHash::Sha1).toHex().left(8);
    return QStringLiteral("shardId-%1-%2").arg(createdMs(), 20, 10, QLatin1Char('0')).arg(QString::fromLatin1(hash));
}

Result<void> StreamStore::install(storage::Database &db)
{
    DD_CHECK(db.write<void>([](storage::WriteTxn &txn) -> Result<void> { return txn.conn.exec(kSchema); }));
    // An open stream reads its table's changes (the catalog's triggers open
    // and close streams, and catalog changes refresh the consumers).
    // They read the images of their view type only.
    db.addChangeLogConsumer("SELECT table_id, CASE view_type WHEN 'KEYS_ONLY' THEN 0 WHEN 'OLD_IMAGE' THEN 1 WHEN 'NEW_IMAGE' THEN 2 "
                            "ELSE 3 END FROM dd_streams WHERE end_seq IS NULL");
    return {};
}

Result<std::vector<StreamInfo>> StreamStore::list(storage::Connection &c, const QString &tableName)
{
    storage::Statement *s = tableName.isEmpty()
                                ? c.prepare("SELECT " + kColumns + " FROM dd_streams ORDER BY arn")
                                : c.prepare("SELECT " + kColumns + " FROM dd_streams WHERE table_name = ? ORDER BY arn");
    if (!s)
        return ApiError::internal(c.lastError());
    if (!tableName.isEmpty())
        s->bindText(1, tableName);
    std::vector<StreamInfo> out;
    while (s->step())
        out.push_back(streamFrom(*s));
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    return out;
}

Result<std::optional<StreamInfo>> StreamStore::find(storage::Connection &c, const QString &arn)
{
    storage::Statement *s = c.prepare("SELECT " + kColumns + " FROM dd_streams WHERE arn = ?");
    if (!s)
        return ApiError::internal(c.lastError());
    s->bindText(1, arn);
    std::optional<StreamInfo> info;
    if (s->step())
        info = streamFrom(*s);
    if (!s->ok())
        return ApiError::internal(s->errorMessage());
    s->reset();
    return info;
}

Result<qint64> StreamStore::maxSeq(storage::Connection &c, qint64 tableId)
{
    return storage::ChangeLog::lastSeq(c, tableId);
}

QByteArray StreamStore::trimmedKey(qint64 tableId)
{
    return "trimmed_seq:" + QByteArray::number(tableId);
}

Result<qint64> StreamStore::trimmedSeq(storage::Connection &c, qint64 tableId)
{
    storage::Statement *s = c.prepare("SELECT IFNULL(MAX(value), 0) FROM dd_streams_state WHERE key IN ('trimmed_seq', ?)");
    if (!s)
        return ApiError::internal(c.lastError());
    s->bindText(1, QString::fromLatin1(trimmedKey(tableId)));
    const qint64 v = s->step() ? s->columnInt(0) : 0;
    s->reset();
    return v;
}

Result<std::vector<ChangeRow>> StreamStore::rows(storage::Connection &c, qint64 tableId, qint64 from, qint64 to, int limit)
{
    std::vector<ChangeRow> out;
    if (limit <= 0)
        return out;
    DD_CHECK(storage::ChangeLog::read(c, tableId, from, to, true, [&](const storage::ChangeRecord &rec) {
        ChangeRow r;
        r.seq = rec.seq;
        r.timeMs = rec.timeMs;
        r.event = rec.event;
        r.keys = rec.keys.toByteArray();
        if (!rec.oldImage.isNull())
            r.oldImage = rec.oldImage.toByteArray();
        if (!rec.newImage.isNull())
            r.newImage = rec.newImage.toByteArray();
        r.origin = ChangeOrigin(rec.origin);
        out.push_back(std::move(r));
        return int(out.size()) < limit;
    }));
    return out;
}

Result<std::optional<qint64>> StreamStore::firstSince(storage::Connection &c, qint64 tableId, qint64 from, qint64 to, qint64 sinceMs)
{
    std::optional<qint64> seq;
    DD_CHECK(storage::ChangeLog::read(c, tableId, from, to, false, [&](const storage::ChangeRecord &rec) {
        if (rec.timeMs >= sinceMs)
            seq = rec.seq;
        return !seq;
    }));
    return seq;
}

Result<std::optional<qint64>> StreamStore::lastIn(storage::Connection &c, qint64 tableId, qint64 from, qint64 to)
{
    return storage::ChangeLog::lastSeqIn(c, tableId, from, to);
}

void StreamStore::markLastChange(storage::WriteTxn &txn, ChangeOrigin origin)
{
    txn.setLastChangeOrigin(int(origin));
}

QString formatSequenceNumber(qint64 seq)
{
    return QStringLiteral("%1").arg(seq, 21, 10, QLatin1Char('0'));
}

std::optional<qint64> parseSequenceNumber(const QString &text)
{
    if (text.isEmpty() || text.size() > 40)
        return std::nullopt;
    for (QChar ch : text)
        if (ch < u'0' || ch > u'9')
            return std::nullopt;
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return v;
}

} // namespace dd::streams
