// Regression tests for "region opened inside an HTTP turn": a region's
// database opens on its first request, and its capabilities' install steps
// (streams, PITR, triggers) are writes. Inside a commit scope (an HTTP
// turn), those writes used to join the turn's transaction: an install that
// failed after an earlier one had written left the scope holding the
// destroyed database (a crash at the turn's commit), a failed turn commit
// took the installs with it (every later write of that region failed), and
// other threads could use the region before its installs were committed.
// Each region file here is made broken on purpose with SQLite directly.
#include "api/engine.h"
#include "enginecalls.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace dd;

namespace {

QJsonObject json(const char *s) { return QJsonDocument::fromJson(s).object(); }

QJsonObject tableRequest(const QString &name)
{
    QJsonObject r = json(R"({"BillingMode":"PAY_PER_REQUEST",
        "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
        "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]})");
    r.insert(QStringLiteral("TableName"), name);
    return r;
}

QJsonObject putRequest(const QString &table, const QString &pk)
{
    return {{QStringLiteral("TableName"), table},
            {QStringLiteral("Item"), QJsonObject{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), pk}}}}}};
}

QJsonObject keyRequest(const QString &table, const QString &pk)
{
    return {{QStringLiteral("TableName"), table},
            {QStringLiteral("Key"), QJsonObject{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), pk}}}}}};
}

// Runs SQL on a database file with SQLite directly; false on any error.
bool sql(const QString &path, const char *statements)
{
    sqlite3 *db = nullptr;
    bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK;
    char *err = nullptr;
    ok = ok && sqlite3_exec(db, statements, nullptr, nullptr, &err) == SQLITE_OK;
    if (err)
        qWarning("%s", err);
    sqlite3_free(err);
    sqlite3_close(db);
    return ok;
}

} // namespace

class TestRegionOpenInTurn : public QObject, test::EngineCalls {
    Q_OBJECT

public:
    // Before the members the engine uses (EngineCalls).
    ~TestRegionOpenInTurn() override { m_engine.reset(); }

private:
    QTemporaryDir m_dir;
    QString m_dataDir;

    void open()
    {
        static int n = 0;
        m_dataDir = m_dir.filePath(QStringLiteral("data%1").arg(++n));
        openQuiet(m_dataDir);
    }
    Result<QJsonObject> call(const QString &region, const char *op, const QJsonObject &req)
    {
        api::RequestContext ctx;
        ctx.region = region;
        auto r = m_engine->call(ctx, QString::fromLatin1(op), req);
        if (!r.ok())
            return r.error();
        return QJsonDocument::fromJson(*r).object();
    }
    static QString typeOf(const Result<QJsonObject> &r) { return r.ok() ? QStringLiteral("ok") : r.error().type(); }
    bool hasItem(const QString &region, const QString &table, const QString &pk)
    {
        auto r = call(region, "GetItem", keyRequest(table, pk));
        return r.ok() && r->contains(QStringLiteral("Item"));
    }
    QString regionFile(const QString &region) const { return QDir(m_dataDir).filePath(region + QStringLiteral(".db")); }

private slots:
    // The crash: the stream and PITR installs write inside the turn, then
    // the trigger install fails (an unreadable stored trigger) and the
    // database is destroyed while the turn still holds its transaction.
    void installFailureInsideATurnIsACleanError()
    {
        open();
        const QString east = QStringLiteral("us-east-1"), bad = QStringLiteral("eu-bad-1");
        QCOMPARE(typeOf(call(east, "CreateTable", tableRequest(QStringLiteral("tbl")))), QStringLiteral("ok"));
        QVERIFY(sql(regionFile(bad), "CREATE TABLE dd_triggers(name TEXT PRIMARY KEY, config TEXT NOT NULL, checkpoint INTEGER NOT NULL,"
                                     " created_ms INTEGER NOT NULL, incarnation INTEGER NOT NULL);"
                                     "INSERT INTO dd_triggers VALUES('broken', 'not json', 0, 0, 1);"));

        api::Engine::beginTurn();
        QCOMPARE(typeOf(call(east, "PutItem", putRequest(QStringLiteral("tbl"), QStringLiteral("before")))), QStringLiteral("ok"));
        const auto failed = call(bad, "CreateTable", tableRequest(QStringLiteral("xtbl")));
        QCOMPARE(typeOf(failed), QStringLiteral("InternalServerError"));
        QVERIFY2(failed.error().message().contains(QStringLiteral("broken")), qPrintable(failed.error().message()));
        QCOMPARE(typeOf(call(east, "PutItem", putRequest(QStringLiteral("tbl"), QStringLiteral("after")))), QStringLiteral("ok"));
        QCOMPARE(typeOf(call(bad, "PutItem", putRequest(QStringLiteral("xtbl"), QStringLiteral("a")))), QStringLiteral("InternalServerError"));
        const auto error = api::Engine::endTurn();
        QVERIFY2(!error, error ? qPrintable(error->message()) : "");

        // Both writes of the turn were committed; the region stays broken,
        // with the same clean error, and the others serve on.
        QVERIFY(hasItem(east, QStringLiteral("tbl"), QStringLiteral("before")));
        QVERIFY(hasItem(east, QStringLiteral("tbl"), QStringLiteral("after")));
        QCOMPARE(typeOf(call(bad, "ListTables", {})), QStringLiteral("InternalServerError"));
        api::Engine::beginTurn();
        QCOMPARE(typeOf(call(bad, "PutItem", putRequest(QStringLiteral("xtbl"), QStringLiteral("a")))), QStringLiteral("InternalServerError"));
        QCOMPARE(typeOf(call(QStringLiteral("eu-good-1"), "CreateTable", tableRequest(QStringLiteral("ytbl")))), QStringLiteral("ok"));
        QCOMPARE(typeOf(call(QStringLiteral("eu-good-1"), "PutItem", putRequest(QStringLiteral("ytbl"), QStringLiteral("a")))), QStringLiteral("ok"));
        QVERIFY(!api::Engine::endTurn());
        QVERIFY(hasItem(QStringLiteral("eu-good-1"), QStringLiteral("ytbl"), QStringLiteral("a")));
    }

    // A turn that opens a region and then fails to commit must not take the
    // region's installs with it: later writes there must work.
    void failedTurnCommitKeepsTheRegionsInstalls()
    {
        open();
        const QString region = QStringLiteral("eu-poison-1");
        // The region's file makes any commit that counts items of table
        // "poison" fail (the turn's stats update runs just before COMMIT).
        QVERIFY(sql(regionFile(region),
                    "CREATE TABLE tables(name TEXT PRIMARY KEY, id INTEGER NOT NULL UNIQUE, description BLOB NOT NULL,"
                    " item_count INTEGER NOT NULL DEFAULT 0, size_bytes INTEGER NOT NULL DEFAULT 0);"
                    "CREATE TRIGGER poison BEFORE UPDATE OF item_count ON tables WHEN NEW.name = 'poison'"
                    " BEGIN SELECT RAISE(ABORT, 'injected commit failure'); END;"));

        api::Engine::beginTurn();
        QCOMPARE(typeOf(call(region, "CreateTable", tableRequest(QStringLiteral("poison")))), QStringLiteral("ok"));
        QCOMPARE(typeOf(call(region, "PutItem", putRequest(QStringLiteral("poison"), QStringLiteral("a")))), QStringLiteral("ok"));
        const auto error = api::Engine::endTurn();
        QVERIFY(error);
        QVERIFY2(error->message().contains(QStringLiteral("injected")), qPrintable(error->message()));

        // Nothing of the turn is kept, but the region works.
        QCOMPARE(typeOf(call(region, "DescribeTable", {{QStringLiteral("TableName"), QStringLiteral("poison")}})),
                 QStringLiteral("ResourceNotFoundException"));
        api::Engine::beginTurn();
        QCOMPARE(typeOf(call(region, "CreateTable", tableRequest(QStringLiteral("tbl")))), QStringLiteral("ok"));
        QCOMPARE(typeOf(call(region, "PutItem", putRequest(QStringLiteral("tbl"), QStringLiteral("a")))), QStringLiteral("ok"));
        QVERIFY(!api::Engine::endTurn());
        QVERIFY(hasItem(region, QStringLiteral("tbl"), QStringLiteral("a")));
        QCOMPARE(typeOf(call(region, "Streams.ListStreams", {})), QStringLiteral("ok"));
        QCOMPARE(typeOf(call(region, "Dynamodesk.ListTriggers", {})), QStringLiteral("ok"));
    }

    // A turn commits early when its writes move to another region. When that
    // commit fails, every answer of the turn becomes its error, so the later
    // writes must not be kept either.
    void writesAfterAFailedEarlyCommitAreNotKept()
    {
        open();
        const QString east = QStringLiteral("us-east-1"), west = QStringLiteral("eu-west-1");
        QCOMPARE(typeOf(call(east, "CreateTable", tableRequest(QStringLiteral("poison")))), QStringLiteral("ok"));
        QCOMPARE(typeOf(call(west, "CreateTable", tableRequest(QStringLiteral("tbl")))), QStringLiteral("ok"));
        QVERIFY(sql(regionFile(east), "CREATE TRIGGER poison BEFORE UPDATE OF item_count ON tables WHEN NEW.name = 'poison'"
                                      " BEGIN SELECT RAISE(ABORT, 'injected commit failure'); END;"));
        api::Engine::beginTurn();
        QCOMPARE(typeOf(call(east, "PutItem", putRequest(QStringLiteral("poison"), QStringLiteral("a")))), QStringLiteral("ok"));
        QCOMPARE(typeOf(call(west, "PutItem", putRequest(QStringLiteral("tbl"), QStringLiteral("a")))), QStringLiteral("InternalServerError"));
        QCOMPARE(typeOf(call(west, "PutItem", putRequest(QStringLiteral("tbl"), QStringLiteral("b")))), QStringLiteral("InternalServerError"));
        const auto error = api::Engine::endTurn();
        QVERIFY(error);
        QVERIFY(!hasItem(east, QStringLiteral("poison"), QStringLiteral("a")));
        QVERIFY(!hasItem(west, QStringLiteral("tbl"), QStringLiteral("a")));
        QVERIFY(!hasItem(west, QStringLiteral("tbl"), QStringLiteral("b")));
        // The next turn starts clean.
        api::Engine::beginTurn();
        QCOMPARE(typeOf(call(west, "PutItem", putRequest(QStringLiteral("tbl"), QStringLiteral("c")))), QStringLiteral("ok"));
        QVERIFY(!api::Engine::endTurn());
        QVERIFY(hasItem(west, QStringLiteral("tbl"), QStringLiteral("c")));
    }

    // Many threads, each in turns of its own, make the very first requests
    // of the same new regions at once (reads and writes): one opens each
    // region, the others wait for it, and nobody sees a half-installed one.
    void concurrentFirstUseOfNewRegions()
    {
        open();
        QCOMPARE(typeOf(call(QStringLiteral("us-east-1"), "CreateTable", tableRequest(QStringLiteral("warm")))), QStringLiteral("ok"));
        constexpr int kThreads = 8, kRegions = 4;
        std::atomic<int> errors{0};
        std::atomic<int> go{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                go.fetch_add(1);
                while (go.load() < kThreads)
                    std::this_thread::yield();
                for (int r = 0; r < kRegions; ++r) {
                    const QString region = QStringLiteral("ap-race-%1").arg((r + t) % kRegions);
                    const QString table = QStringLiteral("tab%1").arg(t);
                    api::Engine::beginTurn();
                    // A write first: the turn holds a transaction of another region.
                    const auto warm = call(QStringLiteral("us-east-1"), "PutItem", putRequest(QStringLiteral("warm"), QStringLiteral("w%1").arg(t)));
                    const auto streams = call(region, "Streams.ListStreams", {});
                    const auto created = call(region, "CreateTable", tableRequest(table));
                    const auto put = call(region, "PutItem", putRequest(table, QStringLiteral("a")));
                    const auto triggers = call(region, "Dynamodesk.ListTriggers", {});
                    const auto committed = api::Engine::endTurn();
                    for (const auto *r : {&warm, &streams, &created, &put, &triggers}) {
                        if (!r->ok()) {
                            qWarning() << region << r->error().type() << r->error().message();
                            errors.fetch_add(1);
                        }
                    }
                    if (committed) {
                        qWarning() << "commit" << committed->message();
                        errors.fetch_add(1);
                    }
                }
            });
        }
        for (auto &t : threads)
            t.join();
        QCOMPARE(errors.load(), 0);
        for (int r = 0; r < kRegions; ++r) {
            const auto listed = call(QStringLiteral("ap-race-%1").arg(r), "ListTables", {});
            QVERIFY(listed.ok());
            QCOMPARE(listed->value(QStringLiteral("TableNames")).toArray().size(), kThreads);
            for (int t = 0; t < kThreads; ++t)
                QVERIFY(hasItem(QStringLiteral("ap-race-%1").arg(r), QStringLiteral("tab%1").arg(t), QStringLiteral("a")));
        }
    }
};

QTEST_GUILESS_MAIN(TestRegionOpenInTurn)
#include "tst_regionopeninturn.moc"
