// engine_bench: in-process operations per second of the engine, without
// HTTP: GetItem, PutItem and UpdateItem through api::Engine::call on a
// table of ~230-byte items, and Query of one 10-item partition of a table
// with a sort key (the same shapes as ../shared/bench), on disk (WAL, the
// server's durability) or in memory.
//
//   engine_bench [--in-memory] [--items N] [--seconds S] [--ops N] [--threads T] [--gsis G]
//                [--turn N] [--only get,put,update,query,scan,failput,mixput] [--stream VIEW_TYPE]
//                [--index-keys moved|kept|new] [--index-attrs N] [--payload BYTES] [--projection KEYS_ONLY|ALL] [--dax]
//                [--encrypted] [--insights]
//
// --insights turns Contributor Insights on for the table and each GSI
// (insights/record.h): every measured operation is then counted by key.
// Compare instructions per operation with and without.
//
// --encrypted keeps the data directory encrypted at rest (a hex key,
// security/datadirkey.h): the cost of AES-256-GCM on every page SQLite
// writes to the WAL and the file, and on every page it reads back.
//
// --dax sends every measured operation through a DAX cluster (cache/):
// GetItem from its item cache, Query and Scan from its query cache, writes
// through it; the cluster's hits and misses are printed at the end.
//
// --projection ALL makes the GSIs project every attribute (default
// KEYS_ONLY).
//
// --payload BYTES sets the size of each item's data attribute (default
// 200): 2000 measures items whose JSON lives apart from their row
// (engine/storage/itemstore.h).
//
// --ops N runs exactly N operations of each kind (one thread) instead of
// for S seconds: for instruction counts under callgrind (inclusive cost of
// api::Engine::call divided by the calls).
//
// --gsis G gives the table G global secondary indexes (KEYS_ONLY on g0..);
// every put then moves the item in each index (a delete and an insert per
// index), the costliest index maintenance. --index-keys kept keeps each
// item's index keys (only n changes: KEYS_ONLY entries are left alone), and
// --index-keys new puts new items (an insert per index, as with no index a
// new row): compare each with --gsis 0 and the same option.
// --index-attrs N gives the items the attributes g0..g(N-1) whatever the
// table's indexes (default: G), so that a table without indexes can be
// written the very same items as one with them.
//
// failput (a put whose condition fails) and mixput (every other put fails
// so) run only when --only names them: a write after a rolled-back one
// should cost what any write does (mixput's mean about that of put and
// failput).
//
// --stream VIEW_TYPE enables a stream (KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or
// NEW_AND_OLD_IMAGES) on the table, so that every write also appends its
// change-log row: compare a put's instructions with and without.
//
// Prints one line per operation: operations/s and mean µs per operation, and
// the items/s of a full Scan in 1 MB pages. On disk the scan starts once the
// WAL the load (and the writes before) left is copied into the database
// file, as it is soon after any load: otherwise the scan raced the
// checkpoint thread copying it, and read every page through the WAL's index
// (measured 123k-324k items/s in five runs where a quiet start gives 400k+).
// The scan's pages are read for Count and LastEvaluatedKey only (the items
// are not parsed into a QJsonDocument, which cost five times the scan).
// With --threads > 1, writes go through group commit.
//
// --turn N runs each thread's operations in turns of N, as the HTTP
// endpoint's event loops do (api::Engine::beginTurn/endTurn): the writes of
// a turn share one commit, each in its own part of the open transaction.
#include "benchutil.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>

#include <sqlite3.h>

#include <atomic>
#include <cstdio>
#include <random>
#include <thread>
#include <vector>

using namespace dd;

namespace {

using bench::key;

// Copies the WAL of the database file `path` into the database (passive
// checkpoints on a connection of our own, repeated while the engine's
// checkpoint thread holds the checkpoint lock) until every frame is copied.
// Returns the WAL's frames, or -1 if they could not all be copied in 30 s.
int checkpointWal(const QString &path)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return -1;
    }
    sqlite3_busy_timeout(db, 1000);
    // A connection opens the WAL on its first read; until then its checkpoints do nothing.
    sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    int frames = -1;
    for (int attempt = 0; attempt < 300; ++attempt) {
        int log = -1, copied = -1;
        const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
        if (rc == SQLITE_OK && log >= 0 && copied == log) {
            frames = log;
            break;
        }
        QThread::msleep(100);
    }
    sqlite3_close(db);
    return frames;
}

// The value of top-level `"name":` in an engine response that ends with the
// members after "Items" (Count, ScannedCount, LastEvaluatedKey, ...): read
// from the tail after the Items array, without parsing the items.
QJsonObject responseTail(const QByteArray &page)
{
    const qsizetype at = page.lastIndexOf("],\"Count\":");
    return QJsonDocument::fromJson("{" + page.mid(at < 0 ? 1 : at + 2)).object();
}

struct Options {
    bool inMemory = false;
    int items = 100000;
    double seconds = 3;
    int threads = 1;
    int gsis = 0;
    int indexAttrs = -1; // the items' g0.. attributes; -1: as many as gsis
    QByteArray stream; // StreamViewType of bench_kv's stream; empty: none
    QByteArray indexKeys = "moved"; // what a put does to the item's index keys: moved, kept, or new (a new item)
    qint64 ops = 0;    // > 0: run this many operations of each kind instead of for `seconds`
    int turn = 0;      // > 0: operations per commit turn (Engine::beginTurn/endTurn), as over HTTP
    int payload = 200; // bytes of each item's data attribute
    QByteArray projection = "KEYS_ONLY"; // the GSIs' ProjectionType
    bool encrypted = false; // the data directory encrypted at rest
    QStringList only; // operations to run (get, put, update, query, scan); empty: all
    bool dax = false; // through DAX cluster "bench"
    bool insights = false; // Contributor Insights on for the table and its GSIs
    bool wants(const char *name) const { return only.isEmpty() || only.contains(QLatin1String(name)); }
};

// `expectedFailures`, when given, counts the requests `make` made to fail
// (a condition that does not hold): only other failures are reported.
template <typename MakeRequest>
void run(api::Engine &engine, const char *name, const char *op, const Options &o, MakeRequest make, int keys = 0,
         const std::atomic<qint64> *expectedFailures = nullptr)
{
    if (keys == 0)
        keys = o.items;
    std::atomic<qint64> done{0};
    std::atomic<bool> stop{false};
    std::atomic<int> failures{0};
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> threads;
    for (int t = 0; t < o.threads; ++t)
        threads.emplace_back([&, t] {
            std::mt19937 rng(t + 1);
            std::uniform_int_distribution<int> pick(0, keys - 1);
            api::RequestContext ctx;
            if (o.dax)
                ctx.daxCluster = QStringLiteral("bench");
            const QString operation = QString::fromLatin1(op);
            qint64 n = 0;
            while (o.ops > 0 ? n < o.ops : !stop.load(std::memory_order_relaxed)) {
                if (o.turn > 0 && n % o.turn == 0)
                    api::Engine::beginTurn();
                const QByteArray body = make(pick(rng));
                if (!engine.call(ctx, operation, QByteArrayView(body)).ok())
                    ++failures;
                ++n;
                if (o.turn > 0 && n % o.turn == 0 && api::Engine::endTurn())
                    failures += o.turn;
            }
            if (o.turn > 0 && n % o.turn != 0 && api::Engine::endTurn())
                ++failures;
            done += n;
        });
    if (o.ops == 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(qint64(o.seconds * 1000)));
    stop = true;
    for (auto &t : threads)
        t.join();
    const double secs = double(timer.nsecsElapsed()) / 1e9;
    std::printf("%-8s threads=%-2d %10.0f ops/s  %7.2f us/op%s\n", name, o.threads, double(done) / secs,
                secs * 1e6 * o.threads / double(done), qint64(failures) != (expectedFailures ? expectedFailures->load() : 0) ? "  FAILURES" : "");
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options o;
    bench::Args(argc, argv, "usage: engine_bench [--in-memory] [--items N] [--seconds S] [--ops N] [--threads T] [--gsis G] "
                            "[--turn N] [--only get,put,update,query,scan,failput,mixput] [--stream VIEW_TYPE] [--index-keys moved|kept|new] [--index-attrs N] [--payload BYTES] [--projection KEYS_ONLY|ALL] [--dax] [--encrypted] [--insights]")
        .flag("--in-memory", o.inMemory)
        .value("--items", o.items)
        .value("--seconds", o.seconds)
        .value("--ops", o.ops)
        .value("--threads", o.threads)
        .value("--gsis", o.gsis)
        .value("--turn", o.turn)
        .value("--only", o.only)
        .value("--stream", o.stream)
        .value("--index-keys", o.indexKeys)
        .value("--index-attrs", o.indexAttrs)
        .value("--payload", o.payload)
        .value("--projection", o.projection)
        .flag("--dax", o.dax)
        .flag("--encrypted", o.encrypted)
        .flag("--insights", o.insights)
        .done();
    if (o.items < 1) {
        std::fprintf(stderr, "--items: at least 1 (the operations pick loaded keys)\n");
        return 2;
    }
    if (o.payload < 0 || o.payload > 380000) {
        std::fprintf(stderr, "--payload: 0 to 380000 bytes (an item is at most 400 KB)\n");
        return 2;
    }
    if (o.projection != "KEYS_ONLY" && o.projection != "ALL") {
        std::fprintf(stderr, "--projection: KEYS_ONLY or ALL\n");
        return 2;
    }
    if (o.indexKeys != "moved" && o.indexKeys != "kept" && o.indexKeys != "new") {
        std::fprintf(stderr, "--index-keys: moved, kept or new\n");
        return 2;
    }
    QTemporaryDir dir;
    api::EngineOptions eo;
    eo.inMemory = o.inMemory;
    eo.dataDir = dir.path();
    if (o.encrypted)
        eo.encryptionKey = QByteArray(64, 'a');
    const auto engine = bench::openOrDie(eo);
    api::Engine &e = *engine;
    api::RequestContext ctx;
    QByteArray defs = R"([{"AttributeName":"pk","AttributeType":"S"})", gsis;
    for (int g = 0; g < o.gsis; ++g) {
        const QByteArray name = "g" + QByteArray::number(g);
        defs += R"(,{"AttributeName":")" + name + R"(","AttributeType":"S"})";
        gsis += (g ? "," : "") + QByteArray(R"({"IndexName":"gsi)") + name + R"(","KeySchema":[{"AttributeName":")" + name
                + R"(","KeyType":"HASH"}],"Projection":{"ProjectionType":")" + o.projection + R"("}})";
    }
    defs += "]";
    QByteArray create = R"({"TableName":"bench_kv","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":)" + defs
                        + R"(,"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}])";
    if (o.gsis > 0)
        create += R"(,"GlobalSecondaryIndexes":[)" + gsis + "]";
    if (!o.stream.isEmpty())
        create += R"(,"StreamSpecification":{"StreamEnabled":true,"StreamViewType":")" + o.stream + R"("})";
    create += "}";
    if (!e.call(ctx, QStringLiteral("CreateTable"), QByteArrayView(create)).ok())
        return 1;
    if (o.insights) {
        for (int g = -1; g < o.gsis; ++g) {
            QByteArray enable = R"({"TableName":"bench_kv","ContributorInsightsAction":"ENABLE")";
            if (g >= 0)
                enable += R"(,"IndexName":"gsig)" + QByteArray::number(g) + R"(")";
            if (!e.call(ctx, QStringLiteral("UpdateContributorInsights"), QByteArrayView(enable + "}")).ok())
                return 1;
        }
    }
    const QByteArray payload(o.payload, 'x');
    const int indexAttrs = o.indexAttrs >= 0 ? o.indexAttrs : o.gsis;
    static std::atomic<qint64> version{0};
    // Each put changes the item (n) and, with GSIs, each index key (moved),
    // or none (kept: the loaded item's keys), or puts a new item (new).
    auto putBody = [&](int i) {
        const qint64 v = version++;
        if (o.indexKeys == "new")
            i = o.items + int(v);
        QByteArray indexKeys;
        for (int g = 0; g < indexAttrs; ++g)
            indexKeys += R"(,"g)" + QByteArray::number(g) + (o.indexKeys == "kept" ? R"(":{"S":"w)" + QByteArray::number((i + g) % 1000)
                                                                                    : R"(":{"S":"v)" + QByteArray::number((v + g) % 1000))
                         + R"("})";
        return R"({"TableName":"bench_kv","Item":{"pk":{"S":")" + key(i) + R"("},"n":{"N":")" + QByteArray::number(v)
               + R"("},"data":{"S":")" + payload + R"("})" + indexKeys + "}}";
    };
    QElapsedTimer load;
    load.start();
    for (int i = 0; i < o.items; i += 25) {
        QByteArray batch = R"({"RequestItems":{"bench_kv":[)";
        for (int j = i; j < std::min(i + 25, o.items); ++j) {
            // Loaded items have their index keys too, so that every put moves entries.
            QByteArray indexKeys;
            for (int g = 0; g < indexAttrs; ++g)
                indexKeys += R"(,"g)" + QByteArray::number(g) + R"(":{"S":"w)" + QByteArray::number((j + g) % 1000) + R"("})";
            batch += (j > i ? "," : "") + QByteArray(R"({"PutRequest":{"Item":{"pk":{"S":")") + key(j) + R"("},"n":{"N":")"
                     + QByteArray::number(j) + R"("},"data":{"S":")" + payload + R"("})" + indexKeys + "}}}";
        }
        batch += "]}}";
        if (!e.call(ctx, QStringLiteral("BatchWriteItem"), QByteArrayView(batch)).ok())
            return 1;
    }
    std::printf("loaded %d items in %.2f s (%s)\n", o.items, double(load.elapsed()) / 1000, o.inMemory ? "in memory" : "on disk");
    if (o.dax && !e.call(ctx, QStringLiteral("Dax.CreateCluster"),
                         QJsonObject{{QStringLiteral("ClusterName"), QStringLiteral("bench")}, {QStringLiteral("NodeType"), QStringLiteral("dax.r5.large")},
                                     {QStringLiteral("ReplicationFactor"), 1},
                                     {QStringLiteral("IamRoleArn"), QStringLiteral("arn:aws:iam::000000000000:role/DAX")}}).ok())
        return 1;
    if (o.wants("get"))
        run(e, "get", "GetItem", o, [](int i) { return R"({"TableName":"bench_kv","Key":{"pk":{"S":")" + key(i) + R"("}}})"; });
    if (o.wants("put"))
        run(e, "put", "PutItem", o, putBody);
    // A put whose condition fails (the item exists), and puts of which every
    // other one fails so: each failed write is rolled back.
    static std::atomic<qint64> failing{0}, turns{0};
    auto failBody = [&](int i) {
        ++failing;
        QByteArray b = putBody(i);
        b.chop(1);
        return b + R"x(,"ConditionExpression":"attribute_not_exists(pk)"})x";
    };
    if (o.only.contains(QLatin1String("failput")))
        run(e, "failput", "PutItem", o, failBody, 0, &failing);
    if (o.only.contains(QLatin1String("mixput"))) {
        failing = 0;
        run(e, "mixput", "PutItem", o, [&](int i) { return turns++ % 2 ? failBody(i) : putBody(i); }, 0, &failing);
    }
    if (o.wants("update"))
        run(e, "update", "UpdateItem", o, [](int i) {
        return R"({"TableName":"bench_kv","Key":{"pk":{"S":")" + key(i)
               + R"("}},"UpdateExpression":"SET #c = if_not_exists(#c, :zero) + :one","ExpressionAttributeNames":{"#c":"c"},"ExpressionAttributeValues":{":zero":{"N":"0"},":one":{"N":"1"}}})";
    });

    if (o.wants("query")) {
        // bench_sorted: items/10 partitions of 10 items (pk, sk, 200-byte data), as load.py fills it.
        const QByteArray createSorted = R"({"TableName":"bench_sorted","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[)"
            R"({"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"}],"KeySchema":[)"
            R"({"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]})";
        if (!e.call(ctx, QStringLiteral("CreateTable"), QByteArrayView(createSorted)).ok())
            return 1;
        const int partitions = std::max(1, o.items / 10);
        QByteArray batch;
        int inBatch = 0;
        const auto flush = [&] {
            if (inBatch == 0)
                return true;
            batch = R"({"RequestItems":{"bench_sorted":[)" + batch + "]}}";
            inBatch = 0;
            const bool ok = e.call(ctx, QStringLiteral("BatchWriteItem"), QByteArrayView(batch)).ok();
            batch.clear();
            return ok;
        };
        for (int p = 0; p < partitions; ++p)
            for (int s = 0; s < 10; ++s) {
                batch += (inBatch ? "," : "") + QByteArray(R"({"PutRequest":{"Item":{"pk":{"S":")") + key(p) + R"("},"sk":{"S":"s)"
                         + QByteArray::number(s).rightJustified(4, '0') + R"("},"data":{"S":")" + payload + R"("}}}})";
                if (++inBatch == 25 && !flush())
                    return 1;
            }
        if (!flush())
            return 1;
        run(e, "query", "Query", o, [](int i) {
            return R"({"TableName":"bench_sorted","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":")" + key(i)
                   + R"("}}})";
        }, partitions);
    }

    if (o.dax) {
        const auto m = e.call(ctx, QStringLiteral("Dynamodesk.DescribeClusterMetrics"), QJsonObject{{QStringLiteral("ClusterName"), QStringLiteral("bench")}});
        const QJsonObject metrics = m.ok() ? QJsonDocument::fromJson(*m).object().value(QStringLiteral("Metrics")).toObject() : QJsonObject();
        const auto n = [&](const char *name) { return static_cast<long long>(metrics.value(QLatin1String(name)).toInteger()); };
        std::printf("dax      item cache %lld hits, %lld misses; query cache %lld hits, %lld misses; %lld bytes cached\n", n("ItemCacheHits"),
                    n("ItemCacheMisses"), n("QueryCacheHits"), n("QueryCacheMisses"), n("EstimatedDbSize"));
    }
    if (!o.wants("scan"))
        return 0;
    QByteArray settled = "in memory";
    if (!o.inMemory) {
        QElapsedTimer waited;
        waited.start();
        const int frames = checkpointWal(dir.filePath(QStringLiteral("us-east-1.db")));
        settled = frames < 0 ? QByteArray("WAL NOT checkpointed")
                             : "after checkpointing the WAL (" + QByteArray::number(frames) + " frames, "
                                   + QByteArray::number(waited.elapsed()) + " ms)";
    }
    // A full Scan in 1 MB pages, following LastEvaluatedKey: items/s.
    QElapsedTimer scanTimer;
    scanTimer.start();
    qint64 scanned = 0;
    int pages = 0;
    QJsonObject startKey;
    do {
        QJsonObject req{{QStringLiteral("TableName"), QStringLiteral("bench_kv")}};
        if (!startKey.isEmpty())
            req.insert(QStringLiteral("ExclusiveStartKey"), startKey);
        auto page = e.call(ctx, QStringLiteral("Scan"), req);
        if (!page.ok()) {
            std::fprintf(stderr, "scan: %s\n", qPrintable(page.error().message()));
            return 1;
        }
        const QJsonObject tail = responseTail(*page);
        if (!tail.contains(QStringLiteral("Count"))) {
            std::fprintf(stderr, "scan: a page without Count\n");
            return 1;
        }
        scanned += tail.value(QStringLiteral("Count")).toInteger();
        startKey = tail.value(QStringLiteral("LastEvaluatedKey")).toObject();
        ++pages;
    } while (!startKey.isEmpty());
    const double scanSecs = double(scanTimer.nsecsElapsed()) / 1e9;
    std::printf("%-8s %lld items in %d pages: %10.0f items/s (%s)\n", "scan", static_cast<long long>(scanned), pages,
                double(scanned) / scanSecs, settled.constData());
    return scanned == o.items ? 0 : 1;
}
