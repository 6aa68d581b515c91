// The change log's storage (storage/changelog.h) through the engine, on
// disk: databases written by schema version 2 (one shared `changelog`
// table) and 4 (a row per change) open converted to blocks and keep their
// history; sequence numbers never go back, even after the pruner emptied
// every log and the database reopened; a quiet table's stream is not
// trimmed by other tables' trimming; changes hold only the images their
// consumers read; a commit's changes share a block, and a write rolled back
// inside a group takes its changes out of it; a rolled-back write does not
// make the next logged commit rebuild the logs' view.
#include "api/opcontext.h"
#include "pitr/pitrstore.h"
#include "storage/changelog.h"
#include "storage/commitscope.h"
#include "storage/database.h"
#include "streams/changelogpruner.h"
#include "streams/streamstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <limits>
#include <map>
#include <optional>

#include <sqlite3.h>

using namespace dd;

class TestChangeLog : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<storage::Database> m_db;
    ManualClock m_clock{1'700'000'000'000};
    api::RequestContext m_ctx;
    api::EngineOptions m_options;
    QTemporaryDir m_dir;
    static constexpr qint64 kRetentionMs = 24LL * 3600 * 1000;

    // (Re)opens the region's database with streams, as the engine does (the
    // pruner runs when the tests call prune()).
    void open()
    {
        m_db.reset();
        auto db = storage::Database::open(dbPath(), QStringLiteral("us-east-1"), &m_clock);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message()));
        m_db = std::move(*db);
        QVERIFY(streams::StreamStore::install(*m_db).ok());
        QVERIFY(pitr::PitrStore::install(*m_db).ok());
    }
    void close() { m_db.reset(); }
    Result<streams::ChangeLogPruner::Stats> prune() { return streams::ChangeLogPruner::prune(*m_db, m_clock.nowMs(), kRetentionMs); }
    // A database of each test's (and data row's) own.
    QString dbPath() const
    {
        const QByteArray row = QTest::currentDataTag() ? QByteArray::number(qHash(QByteArray(QTest::currentDataTag()))) : QByteArray();
        return m_dir.path() + u'/' + QString::fromLatin1(QTest::currentTestFunction() + row) + QStringLiteral(".db");
    }
    Result<QByteArray> call(const char *op, const QByteArray &json)
    {
        static const std::map<QByteArray, api::OpHandler> handlers{
            {"CreateTable", api::createTable}, {"DescribeTable", api::describeTable}, {"PutItem", api::putItem},
            {"Streams.DescribeStream", api::describeStream}, {"Streams.GetShardIterator", api::getShardIterator},
            {"Streams.GetRecords", api::getRecords}, {"Dynamodesk.DescribeTableHistory", api::describeTableHistory},
            {"UpdateContinuousBackups", api::updateContinuousBackups}};
        api::OpContext ctx{*m_db, m_ctx, m_options, &m_clock};
        return handlers.at(op)(ctx, QJsonDocument::fromJson(json).object());
    }
    QJsonObject ok(const char *op, const QByteArray &json)
    {
        auto r = call(op, json);
        if (!r.ok())
            qWarning() << op << r.error().type() << r.error().message();
        return r.ok() ? QJsonDocument::fromJson(*r).object() : QJsonObject();
    }
    void createTable(const QByteArray &name, const QByteArray &viewType = "NEW_AND_OLD_IMAGES")
    {
        QVERIFY(!ok("CreateTable", R"({"TableName":")" + name + R"(","BillingMode":"PAY_PER_REQUEST",
            "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
            "StreamSpecification":{"StreamEnabled":true,"StreamViewType":")" + viewType + R"("}})").isEmpty());
    }
    // The changes of a table's log, all fields (ChangeLog::read), on the open database.
    struct Change {
        qint64 seq, timeMs;
        int event, origin;
        QByteArray keys, oldImage, newImage; // null when absent
    };
    std::vector<Change> changes(const QString &table)
    {
        const auto def = m_db->table(table);
        if (!def)
            return {};
        return m_db->read<std::vector<Change>>([&](storage::Connection &c) -> Result<std::vector<Change>> {
                   std::vector<Change> out;
                   DD_CHECK(storage::ChangeLog::read(c, def->id, 0, std::numeric_limits<qint64>::max(), true, [&](const storage::ChangeRecord &r) {
                       out.push_back({r.seq, r.timeMs, int(r.event), r.origin, r.keys.toByteArray(),
                                      r.oldImage.isNull() ? QByteArray() : r.oldImage.toByteArray(),
                                      r.newImage.isNull() ? QByteArray() : r.newImage.toByteArray()});
                       return true;
                   }));
                   return out;
               })
            .value();
    }
    // The table's changes: "<changes> <with an old image> <with a new image>".
    QString images(const QString &table)
    {
        int olds = 0, news = 0;
        const auto all = changes(table);
        for (const Change &c : all) {
            olds += !c.oldImage.isNull();
            news += !c.newImage.isNull();
        }
        return QStringLiteral("%1 %2 %3").arg(all.size()).arg(olds).arg(news);
    }
    // The log's blocks on the open database: their change counts, in seq order.
    QList<qint64> blocks(const QString &table)
    {
        const auto def = m_db->table(table);
        return m_db->read<QList<qint64>>([&](storage::Connection &c) -> Result<QList<qint64>> {
                   QList<qint64> out;
                   storage::Statement *s = c.prepare("SELECT n FROM " + storage::ChangeLog::sqlTable(def->id) + " ORDER BY seq");
                   if (!s)
                       return ApiError::internal(c.lastError());
                   while (s->step())
                       out << s->columnInt(0);
                   s->reset();
                   return out;
               })
            .value();
    }
    // Writes `rows` as a version 3/4 log (a row per change) named `name`,
    // with `tableId` as a version 2 shared log has it, on the closed database.
    void writeLegacyRows(const char *name, const std::vector<Change> &rows, std::optional<qint64> tableId)
    {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open_v2(qPrintable(dbPath()), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
        sqlite3_stmt *s = nullptr;
        const QByteArray sql = "INSERT INTO " + QByteArray(name) + "(seq, time_ms, event, origin, keys, old_image, new_image"
                               + (tableId ? ", table_id) VALUES(?,?,?,?,?,?,?,?)" : ") VALUES(?,?,?,?,?,?,?)");
        QCOMPARE(sqlite3_prepare_v2(db, sql.constData(), -1, &s, nullptr), SQLITE_OK);
        for (const Change &c : rows) {
            sqlite3_bind_int64(s, 1, c.seq);
            sqlite3_bind_int64(s, 2, c.timeMs);
            sqlite3_bind_int64(s, 3, c.event);
            sqlite3_bind_int64(s, 4, c.origin);
            sqlite3_bind_blob(s, 5, c.keys.constData(), int(c.keys.size()), SQLITE_TRANSIENT);
            for (int i : {6, 7}) {
                const QByteArray &image = i == 6 ? c.oldImage : c.newImage;
                if (image.isNull())
                    sqlite3_bind_null(s, i);
                else
                    sqlite3_bind_blob(s, i, image.constData(), int(image.size()), SQLITE_TRANSIENT);
            }
            if (tableId)
                sqlite3_bind_int64(s, 8, *tableId);
            QCOMPARE(sqlite3_step(s), SQLITE_DONE);
            sqlite3_reset(s);
        }
        sqlite3_finalize(s);
        sqlite3_close(db);
    }
    // The first column of the first row of `query` on the closed database, with SQLite itself; -1 if none.
    qint64 scalar(const char *query)
    {
        sqlite3 *db = nullptr;
        sqlite3_open_v2(qPrintable(dbPath()), &db, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_stmt *s = nullptr;
        sqlite3_prepare_v2(db, query, -1, &s, nullptr);
        const qint64 v = s && sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
        sqlite3_finalize(s);
        sqlite3_close(db);
        return v;
    }
    void put(const QByteArray &table, const QByteArray &pk, int v)
    {
        ok("PutItem", R"({"TableName":")" + table + R"(","Item":{"pk":{"S":")" + pk + R"("},"v":{"N":")" + QByteArray::number(v) + R"("}}})");
    }
    QString iterator(const QByteArray &table, const char *type)
    {
        const QString arn = ok("DescribeTable", R"({"TableName":")" + table + R"("})").value(QStringLiteral("Table")).toObject()
                                .value(QStringLiteral("LatestStreamArn")).toString();
        const QJsonObject desc = ok("Streams.DescribeStream", QJsonDocument(QJsonObject{{QStringLiteral("StreamArn"), arn}}).toJson())
                                     .value(QStringLiteral("StreamDescription")).toObject();
        const QString shard = desc.value(QStringLiteral("Shards")).toArray().at(0).toObject().value(QStringLiteral("ShardId")).toString();
        return ok("Streams.GetShardIterator", QJsonDocument(QJsonObject{{QStringLiteral("StreamArn"), arn}, {QStringLiteral("ShardId"), shard},
                                                                        {QStringLiteral("ShardIteratorType"), QString::fromLatin1(type)}}).toJson())
            .value(QStringLiteral("ShardIterator")).toString();
    }
    // GetRecords: the records' "<event> <pk> <sequence number>", and the next iterator.
    QStringList records(const QString &it, QString *next = nullptr, QString *error = nullptr)
    {
        auto r = call("Streams.GetRecords", QJsonDocument(QJsonObject{{QStringLiteral("ShardIterator"), it}}).toJson());
        if (!r.ok()) {
            if (error)
                *error = r.error().type();
            return {};
        }
        const QJsonObject o = QJsonDocument::fromJson(*r).object();
        if (next)
            *next = o.value(QStringLiteral("NextShardIterator")).toString();
        QStringList out;
        for (const auto &v : o.value(QStringLiteral("Records")).toArray()) {
            const QJsonObject d = v.toObject().value(QStringLiteral("dynamodb")).toObject();
            out << v.toObject().value(QStringLiteral("eventName")).toString() + u' '
                       + d.value(QStringLiteral("Keys")).toObject().value(QStringLiteral("pk")).toObject().value(QStringLiteral("S")).toString() + u' '
                       + d.value(QStringLiteral("SequenceNumber")).toString();
        }
        return out;
    }
    // Runs SQL on the closed database with SQLite itself.
    void sql(const char *text)
    {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open_v2(qPrintable(dbPath()), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
        char *error = nullptr;
        const int rc = sqlite3_exec(db, text, nullptr, nullptr, &error);
        const QString message = QString::fromUtf8(error ? error : "");
        sqlite3_free(error);
        sqlite3_close(db);
        QVERIFY2(rc == SQLITE_OK, qPrintable(message));
    }

private slots:
    void olderLayoutsAreConverted_data();
    void olderLayoutsAreConverted();
    void sequenceNumbersNeverGoBack();
    void quietStreamIsNotTrimmedByOthers();
    void onlyTheImagesConsumersRead();
    void replayAfterItsBaseWasDroppedFails();
    void aCommitsChangesShareABlock();
    void largeBlocksAreStoredEarly();
    void corruptBlocksAreReportedNotRead();
    void rolledBackWritesLeaveTheSchemaAlone();
};

// A history of puts, updates and deletes with NEW_AND_OLD_IMAGES on "conv",
// written back in an older layout; the database opens converted.
void TestChangeLog::olderLayoutsAreConverted_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("version 2: one shared log") << 2;
    QTest::newRow("version 4: a row per change") << 4;
}

void TestChangeLog::olderLayoutsAreConverted()
{
    QFETCH(int, version);
    open();
    createTable("conv");
    put("conv", "a", 1);
    put("conv", "a", 2);
    put("conv", "b", 1);
    const QStringList before = records(iterator("conv", "TRIM_HORIZON"));
    QCOMPARE(before.size(), 3);
    const std::vector<Change> logged = changes(QStringLiteral("conv"));
    QCOMPARE(logged.size(), size_t(3));
    const qint64 tableId = m_db->table(QStringLiteral("conv"))->id;
    close();
    if (version == 2) {
        // One shared table (with the column `origin` that streams added) and its index.
        sql("DROP VIEW changelog; DROP TABLE changelog_1;"
            "CREATE TABLE changelog(seq INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL, table_id INTEGER NOT NULL, event INTEGER NOT NULL,"
            "  keys BLOB NOT NULL, old_image BLOB, new_image BLOB, origin INTEGER NOT NULL DEFAULT 0);"
            "CREATE INDEX changelog_by_table_seq ON changelog(table_id, seq, time_ms, event);"
            "DELETE FROM meta WHERE key = 'changelog_seq';"
            "UPDATE meta SET value = 2 WHERE key = 'schema_version';");
        writeLegacyRows("changelog", logged, tableId);
    } else {
        sql("DROP VIEW changelog; DROP TABLE changelog_1;"
            "CREATE TABLE changelog_1(seq INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL, event INTEGER NOT NULL,"
            "  origin INTEGER NOT NULL DEFAULT 0, keys BLOB NOT NULL, old_image BLOB, new_image BLOB);"
            "CREATE VIEW changelog AS SELECT seq, time_ms, 1 AS table_id, event, keys, old_image, new_image, origin FROM changelog_1;"
            "UPDATE meta SET value = 4 WHERE key = 'schema_version';");
        writeLegacyRows("changelog_1", logged, std::nullopt);
    }
    open();
    // Every field of every change survives.
    const std::vector<Change> converted = changes(QStringLiteral("conv"));
    QCOMPARE(converted.size(), logged.size());
    for (size_t i = 0; i < logged.size(); ++i) {
        QCOMPARE(converted[i].seq, logged[i].seq);
        QCOMPARE(converted[i].timeMs, logged[i].timeMs);
        QCOMPARE(converted[i].event, logged[i].event);
        QCOMPARE(converted[i].origin, logged[i].origin);
        QCOMPARE(converted[i].keys, logged[i].keys);
        QCOMPARE(converted[i].oldImage, logged[i].oldImage);
        QCOMPARE(converted[i].oldImage.isNull(), logged[i].oldImage.isNull());
        QCOMPARE(converted[i].newImage, logged[i].newImage);
    }
    QCOMPARE(blocks(QStringLiteral("conv")), QList<qint64>{3}); // consecutive changes share a block
    QCOMPARE(records(iterator("conv", "TRIM_HORIZON")), before);
    const QJsonObject history = ok("Dynamodesk.DescribeTableHistory", R"({"TableName":"conv","StartTime":1699999999,"EndTime":1700000001,"Buckets":1})");
    const QJsonObject bucket = history.value(QStringLiteral("Buckets")).toArray().at(0).toObject();
    QCOMPARE(bucket.value(QStringLiteral("Inserts")).toInteger(), 2);
    QCOMPARE(bucket.value(QStringLiteral("Updates")).toInteger(), 1);
    // New changes follow the converted ones.
    put("conv", "c", 1);
    const QStringList after = records(iterator("conv", "TRIM_HORIZON"));
    QCOMPARE(after.size(), 4);
    QCOMPARE(after.mid(0, 3), before);
    QVERIFY(after.at(3).section(u' ', 2) > before.at(2).section(u' ', 2));
    close();
    QCOMPARE(scalar("SELECT value FROM meta WHERE key = 'schema_version'"), 6);
    QCOMPARE(scalar("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('changelog_by_table_seq', 'changelog_1_v4')"), 0);
}

void TestChangeLog::sequenceNumbersNeverGoBack()
{
    open();
    createTable("seqs");
    for (int i = 0; i < 5; ++i)
        put("seqs", "k" + QByteArray::number(i), i);
    const QStringList first = records(iterator("seqs", "TRIM_HORIZON"));
    QCOMPARE(first.size(), 5);
    // Every row expires and goes; the database reopens with empty logs.
    m_clock.advanceMs(kRetentionMs + 1);
    auto pruned = prune();
    QVERIFY(pruned.ok());
    QCOMPARE(pruned->trimmed, 5);
    open();
    put("seqs", "z", 1);
    const QStringList later = records(iterator("seqs", "TRIM_HORIZON"));
    QCOMPARE(later.size(), 1);
    QVERIFY2(later.at(0).section(u' ', 2) > first.at(4).section(u' ', 2), qPrintable(later.at(0) + QStringLiteral(" after ") + first.at(4)));
}

void TestChangeLog::quietStreamIsNotTrimmedByOthers()
{
    open();
    createTable("quiet");
    createTable("busy");
    put("quiet", "q", 1);
    QString it;
    QCOMPARE(records(iterator("quiet", "TRIM_HORIZON"), &it).size(), 1);
    // The busy table writes and, a day later, loses those rows for age,
    // while a reader of the quiet stream polls on (within iterators' 15 minutes).
    for (int i = 0; i < 5; ++i)
        put("busy", "b" + QByteArray::number(i), i);
    for (qint64 waited = 0; waited <= kRetentionMs; waited += 14 * 60 * 1000) {
        m_clock.advanceMs(14 * 60 * 1000);
        QString error;
        QCOMPARE(records(it, &it, &error).size(), 0);
        QCOMPARE(error, QString());
    }
    auto pruned = prune();
    QVERIFY(pruned.ok());
    QCOMPARE(pruned->trimmed, 6);
    QString error;
    QCOMPARE(records(it, &it, &error).size(), 0);
    QCOMPARE(error, QString());
    put("quiet", "r", 1);
    QStringList recs = records(it, &it, &error);
    QCOMPARE(error, QString());
    QCOMPARE(recs.size(), 1);
    QVERIFY(recs.at(0).startsWith(QStringLiteral("INSERT r ")));
}

void TestChangeLog::onlyTheImagesConsumersRead()
{
    open();
    createTable("both");
    createTable("keys", "KEYS_ONLY");
    createTable("news", "NEW_IMAGE");
    createTable("olds", "OLD_IMAGE");
    for (const QByteArray table : {"both", "keys", "news", "olds"}) {
        put(table, "a", 1); // INSERT
        put(table, "a", 2); // MODIFY
    }
    QCOMPARE(images(QStringLiteral("both")), QStringLiteral("2 1 2"));
    QCOMPARE(images(QStringLiteral("keys")), QStringLiteral("2 0 0"));
    QCOMPARE(images(QStringLiteral("news")), QStringLiteral("2 0 2"));
    QCOMPARE(images(QStringLiteral("olds")), QStringLiteral("2 1 0"));
    // Records are whole all the same.
    const QStringList recs = records(iterator("keys", "TRIM_HORIZON"));
    QCOMPARE(recs.size(), 2);
    QVERIFY(recs.at(1).startsWith(QStringLiteral("MODIFY a ")));
    // PITR replays new images: with it on, the KEYS_ONLY table's rows keep them.
    QVERIFY(!ok("UpdateContinuousBackups", R"({"TableName":"keys","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}})").isEmpty());
    put("keys", "a", 3);
    QCOMPARE(images(QStringLiteral("keys")), QStringLiteral("3 0 1"));
}

// A point-in-time restore reads its base in the request and replays the log
// in the background. Should upkeep drop that base meanwhile (the window moved
// past it), the log after it may be pruned as well: the replay must fail
// (InvalidRestoreTimeException) rather than silently miss changes.
void TestChangeLog::replayAfterItsBaseWasDroppedFails()
{
    open();
    createTable("win", "KEYS_ONLY");
    ok("UpdateContinuousBackups", R"({"TableName":"win","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true,"RecoveryPeriodInDays":1}})");
    const qint64 day = 24LL * 3600 * 1000;
    put("win", "a", 1);
    m_clock.advanceMs(3600 * 1000);
    const qint64 restoreMs = m_clock.nowMs();
    const auto table = m_db->table(QStringLiteral("win"));
    QVERIFY(table);
    auto state = pitr::PitrStore::state(*m_db, table->id);
    QVERIFY(state.ok() && state->has_value());
    const auto base = pitr::PitrStore::baseAt(*m_db, **state, restoreMs);
    QVERIFY(base.ok());
    // Before upkeep the replay works.
    auto replayed = pitr::PitrStore::replay(*m_db, **state, *base, restoreMs);
    QVERIFY(replayed.ok());
    QCOMPARE(replayed->items.size(), size_t(1));

    // Two days on, with a write and a daily base on each: the first base is dropped.
    for (int d = 0; d < 2; ++d) {
        m_clock.advanceMs(day);
        put("win", "b", d);
        QVERIFY(pitr::PitrStore::maintain(*m_db, m_clock.nowMs()).ok());
    }
    replayed = pitr::PitrStore::replay(*m_db, **state, *base, restoreMs);
    QVERIFY(!replayed.ok());
    QCOMPARE(replayed.error().type(), QStringLiteral("InvalidRestoreTimeException"));
}

QTEST_GUILESS_MAIN(TestChangeLog)
#include "tst_changelog.moc"

// The writes of one commit scope (as an HTTP worker's turn) log into one
// block per table; a write that fails after logging takes its change out
// (its seq stays unused); a read through the scope's open transaction sees
// the scope's changes; the next commit starts a new block.
void TestChangeLog::aCommitsChangesShareABlock()
{
    open();
    createTable("grp");
    createTable("other", "KEYS_ONLY");
    const qint64 grpId = m_db->table(QStringLiteral("grp"))->id;
    QStringList inScope;
    {
        storage::CommitScope scope;
        put("grp", "a", 1);
        put("other", "x", 1);
        auto failed = m_db->write<void>([&](storage::WriteTxn &txn) -> Result<void> {
            DD_CHECK(txn.logChange(grpId, storage::ChangeEvent::Insert, R"({"pk":{"S":"lost"}})", QByteArrayView(), R"({"pk":{"S":"lost"}})"));
            return ApiError::validation(QStringLiteral("fails after logging"));
        });
        QVERIFY(!failed.ok());
        put("grp", "a", 2);
        put("grp", "b", 1);
        inScope = records(iterator("grp", "TRIM_HORIZON"));
        QVERIFY(!scope.finish());
    }
    QCOMPARE(inScope.size(), 3);
    QCOMPARE(records(iterator("grp", "TRIM_HORIZON")), inScope);
    // The read inside the scope stored the block so far; the rest follows at the commit.
    QCOMPARE(blocks(QStringLiteral("grp")), (QList<qint64>{3}));
    QCOMPARE(blocks(QStringLiteral("other")), QList<qint64>{1});
    const std::vector<Change> grp = changes(QStringLiteral("grp"));
    QCOMPARE(grp.size(), size_t(3));
    QCOMPARE(grp[0].keys, QByteArray(R"({"pk":{"S":"a"}})"));
    QCOMPARE(grp[1].seq, grp[0].seq + 3); // "other"'s change, then the failed write's unused seq
    QVERIFY(!grp[1].oldImage.isNull());
    put("grp", "c", 1);
    QCOMPARE(blocks(QStringLiteral("grp")), (QList<qint64>{3, 1}));
}

// A commit's block is stored early once it holds 1 MiB (after the write that
// made it so), so that a block stays far from SQLite's 1 GB row limit and a
// reader never reads a huge one.
void TestChangeLog::largeBlocksAreStoredEarly()
{
    open();
    createTable("big", "NEW_IMAGE");
    const QByteArray payload(300 * 1000, 'x');
    {
        storage::CommitScope scope;
        for (int i = 0; i < 6; ++i)
            QVERIFY(call("PutItem", R"({"TableName":"big","Item":{"pk":{"S":"k)" + QByteArray::number(i) + R"("},"p":{"S":")" + payload + R"("}}})").ok());
        QVERIFY(!scope.finish());
    }
    QCOMPARE(blocks(QStringLiteral("big")), (QList<qint64>{4, 2})); // 4 x 300 kB reach 1 MiB
    const std::vector<Change> all = changes(QStringLiteral("big"));
    QCOMPARE(all.size(), size_t(6));
    for (const Change &c : all)
        QVERIFY(c.newImage.contains(payload));
}

// A block that does not decode (a damaged file) fails the reads that reach
// it with a clear InternalServerError naming the table and block; nothing
// past its bytes is read, and the table's items are untouched.
void TestChangeLog::corruptBlocksAreReportedNotRead()
{
    // The damage, and whether heads alone show it (DescribeTableHistory reads no bodies).
    const std::pair<const char *, bool> damages[] = {
        {"heads = X'FF'", true},                     // a varint without its end
        {"heads = X'0101010000FF7F0000'", false},    // an old image longer than the bodies
        {"heads = X'01010100FFFFFFFFFFFFFFFFFF010200'", false}, // keys of 2^64 - 1 bytes (with the image, a sum that wraps to 0)
        {"bodies = X''", false},                     // bodies cut off
    };
    for (const auto &[damage, inHeads] : damages) {
        open();
        createTable("bad");
        put("bad", "a", 1);
        const QString it = iterator("bad", "TRIM_HORIZON");
        close();
        sql(QByteArray("UPDATE changelog_1 SET " + QByteArray(damage)).constData());
        open();
        QString error;
        QCOMPARE(records(it, nullptr, &error), QStringList());
        QCOMPARE(error, QStringLiteral("InternalServerError"));
        auto history = call("Dynamodesk.DescribeTableHistory", R"({"TableName":"bad","StartTime":1699999999,"EndTime":1700000001,"Buckets":1})");
        if (inHeads) {
            QVERIFY2(!history.ok(), history.ok() ? history->constData() : "");
            QVERIFY2(history.error().message().contains(QStringLiteral("corrupt")), qPrintable(history.error().message()));
        } else {
            QVERIFY(history.ok());
        }
        QCOMPARE(ok("DescribeTable", R"({"TableName":"bad"})").value(QStringLiteral("Table")).toObject().value(QStringLiteral("ItemCount")).toInteger(), 1);
        close();
        QFile::remove(dbPath());
        QFile::remove(dbPath() + QStringLiteral("-wal"));
        QFile::remove(dbPath() + QStringLiteral("-shm"));
    }
}

// A write that is rolled back (a failed condition, alone or inside a group)
// made the writer look every log up again, since a rollback can undo a log's
// creation; so does each pass of the pruner. That lookup bound the log's name
// as a BLOB, which no TEXT name in sqlite_master equals: every logged commit
// after a rollback or a prune then rebuilt the `changelog` view, a schema
// change that made every connection prepare its statements again (a put
// after a failed conditional put cost 5x a plain one on a table with a
// stream).
void TestChangeLog::rolledBackWritesLeaveTheSchemaAlone()
{
    open();
    createTable("cond");
    put("cond", "a", 1);
    const qint64 schema = scalar("PRAGMA schema_version");
    QVERIFY(schema > 0);
    const QByteArray failing = R"x({"TableName":"cond","Item":{"pk":{"S":"a"}},"ConditionExpression":"attribute_not_exists(pk)"})x";
    for (int i = 0; i < 3; ++i) {
        auto failed = call("PutItem", failing);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().type(), QStringLiteral("ConditionalCheckFailedException"));
        put("cond", "b", i);
    }
    {
        storage::CommitScope scope; // a group: the failed write rolls back to its savepoint
        put("cond", "c", 1);
        QVERIFY(!call("PutItem", failing).ok());
        put("cond", "d", 1);
        QVERIFY(!scope.finish());
    }
    put("cond", "e", 1);
    QCOMPARE(scalar("PRAGMA schema_version"), schema);
    // The pruner's pass over new changes makes the writer look every log up
    // again too (it may drop logs).
    auto pruned = prune();
    QVERIFY(pruned.ok());
    put("cond", "f", 1);
    QCOMPARE(scalar("PRAGMA schema_version"), schema);
    // Every change was logged all the same.
    QCOMPARE(changes(QStringLiteral("cond")).size(), size_t(8));
}
