// The change log's storage (storage/changelog.h) through the engine, on
// disk: a database written by schema version 2 (one shared `changelog`
// table) opens converted and keeps its history; sequence numbers never go
// back, even after the pruner emptied every log and the database reopened;
// a quiet table's stream is not trimmed by other tables' trimming; rows hold
// only the images their consumers read.
#include "api/opcontext.h"
#include "pitr/pitrstore.h"
#include "storage/database.h"
#include "streams/changelogpruner.h"
#include "streams/streamstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <map>

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
    // A database of each test's own.
    QString dbPath() const { return m_dir.path() + u'/' + QString::fromLatin1(QTest::currentTestFunction()) + QStringLiteral(".db"); }
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
    // The table's log rows: "<rows> <with an old image> <with a new image>" (through the view `changelog`).
    QString images(const QString &table)
    {
        return m_db->read<QString>([&](storage::Connection &c) -> Result<QString> {
                   storage::Statement *s = c.prepare("SELECT COUNT(*), TOTAL(old_image IS NOT NULL), TOTAL(new_image IS NOT NULL) FROM changelog "
                                                     "WHERE table_id = (SELECT id FROM tables WHERE name = ?)");
                   if (!s)
                       return ApiError::internal(c.lastError());
                   s->bindText(1, table);
                   s->step();
                   const QString r = QStringLiteral("%1 %2 %3").arg(s->columnInt(0)).arg(s->columnInt(1)).arg(s->columnInt(2));
                   s->reset();
                   return r;
               })
            .value();
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
    void versionTwoDatabaseIsConverted();
    void sequenceNumbersNeverGoBack();
    void quietStreamIsNotTrimmedByOthers();
    void onlyTheImagesConsumersRead();
    void replayAfterItsBaseWasDroppedFails();
};

void TestChangeLog::versionTwoDatabaseIsConverted()
{
    open();
    createTable("conv");
    put("conv", "a", 1);
    put("conv", "a", 2);
    put("conv", "b", 1);
    const QStringList before = records(iterator("conv", "TRIM_HORIZON"));
    QCOMPARE(before.size(), 3);
    close();
    // Back to version 2's layout: one shared table (with the column `origin`
    // that streams added) and its index; the log's rows move into it.
    sql("CREATE TABLE changelog_v2(seq INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL, table_id INTEGER NOT NULL, event INTEGER NOT NULL,"
        "  keys BLOB NOT NULL, old_image BLOB, new_image BLOB, origin INTEGER NOT NULL DEFAULT 0);"
        "INSERT INTO changelog_v2 SELECT seq, time_ms, table_id, event, keys, old_image, new_image, origin FROM changelog;"
        "DROP VIEW changelog; DROP TABLE changelog_1;"
        "ALTER TABLE changelog_v2 RENAME TO changelog;"
        "CREATE INDEX changelog_by_table_seq ON changelog(table_id, seq, time_ms, event);"
        "DELETE FROM meta WHERE key = 'changelog_seq';"
        "UPDATE meta SET value = 2 WHERE key = 'schema_version';");
    open();
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
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open_v2(qPrintable(dbPath()), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt *s = nullptr;
    QCOMPARE(sqlite3_prepare_v2(db, "SELECT (SELECT value FROM meta WHERE key = 'schema_version'), "
                                    "(SELECT COUNT(*) FROM sqlite_master WHERE name = 'changelog_by_table_seq')", -1, &s, nullptr), SQLITE_OK);
    QCOMPARE(sqlite3_step(s), SQLITE_ROW);
    QCOMPARE(sqlite3_column_int64(s, 0), 4);
    QCOMPARE(sqlite3_column_int64(s, 1), 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
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
