// replication_bench: global tables in process, on disk (WAL, the server's
// durability), through api::Engine::call, with the replica in eu-west-1:
//   - a load of N items of ~230 bytes (BatchWriteItem, one thread) into a
//     regional table and into a global one (replica added while empty),
//     alternating halves: items/s of each, so that the cost of being global
//     on the write path shows (its changes are logged, and the Replicator
//     takes the source's writer for its folds and the replica's for its
//     batches);
//   - how long after the load ended eu-west-1 holds every item, and the
//     replication rate from the load's start to then;
//   - paced PutItem (--rate per second for --seconds) into each table:
//     PutItem p50/p99 of each, and the replication lag of the global one's
//     writes: from a put's answer in us-east-1 to the item's first
//     GetItem hit in eu-west-1 (a thread polls for each in turn).
//
//   replication_bench [--items N] [--rate OPS] [--seconds S]
#include "benchutil.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

using namespace dd;
using bench::callOrDie;
using bench::key;
using bench::percentile;

namespace {

api::RequestContext regionContext(const char *region)
{
    api::RequestContext c;
    c.region = QString::fromLatin1(region);
    return c;
}

QByteArray createKv(const char *name)
{
    return R"({"TableName":")" + QByteArray(name) + R"(","BillingMode":"PAY_PER_REQUEST",
              "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]})";
}

qint64 itemCount(api::Engine &e, const api::RequestContext &ctx, const char *table)
{
    const QByteArray r = callOrDie(e, "DescribeTable", R"({"TableName":")" + QByteArray(table) + R"("})", ctx);
    return QJsonDocument::fromJson(r).object().value(QLatin1String("Table")).toObject().value(QLatin1String("ItemCount")).toInteger();
}

// Loads items [from, to) into `table` in batches of 25; returns the seconds it took.
double load(api::Engine &e, const char *table, int from, int to, const QByteArray &payload)
{
    QElapsedTimer t;
    t.start();
    const api::RequestContext east = regionContext("us-east-1");
    for (int i = from; i < to; i += 25)
        callOrDie(e, "BatchWriteItem", bench::kvBatch(table, i, std::min(i + 25, to), [](int j) { return j; }, 0, payload), east);
    return double(t.nsecsElapsed()) / 1e9;
}

struct Paced {
    std::vector<double> putMicros;
    std::vector<double> lagMicros; // global table only
};

// Puts into `table` at `rate` per second for `seconds`; for the global
// table, a second thread measures each item's arrival in eu-west-1.
Paced paced(api::Engine &e, const char *table, int rate, double seconds, bool global, int keyBase)
{
    Paced out;
    const int n = int(rate * seconds);
    std::vector<std::atomic<qint64>> ackedNs(static_cast<size_t>(n)); // steady-clock ns of each put's answer; 0 until then
    for (auto &a : ackedNs)
        a.store(0);
    const auto now = [] { return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count(); };
    std::thread checker;
    if (global) {
        checker = std::thread([&] {
            const api::RequestContext west = regionContext("eu-west-1");
            for (int i = 0; i < n; ++i) {
                while (ackedNs[size_t(i)].load() == 0)
                    std::this_thread::yield();
                const QByteArray get = R"({"TableName":")" + QByteArray(table) + R"(","Key":{"pk":{"S":")" + key(keyBase + i) + R"("}}})";
                for (;;) {
                    const QByteArray r = callOrDie(e, "GetItem", get, west);
                    if (r.contains("\"Item\""))
                        break;
                    std::this_thread::sleep_for(std::chrono::microseconds(20));
                }
                out.lagMicros.push_back(double(now() - ackedNs[size_t(i)].load()) / 1000.0);
            }
        });
    }
    const api::RequestContext east = regionContext("us-east-1");
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < n; ++i) {
        std::this_thread::sleep_until(start + std::chrono::nanoseconds(qint64(1e9 * i / rate)));
        const QByteArray put = R"({"TableName":")" + QByteArray(table) + R"(","Item":)" + bench::kvItem(key(keyBase + i), i, "paced") + "}";
        const qint64 t0 = now();
        callOrDie(e, "PutItem", put, east);
        const qint64 t1 = now();
        out.putMicros.push_back(double(t1 - t0) / 1000.0);
        ackedNs[size_t(i)].store(t1);
    }
    if (checker.joinable())
        checker.join();
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int items = 200000, rate = 1000;
    double seconds = 5;
    bench::Args(argc, argv, "usage: replication_bench [--items N] [--rate OPS] [--seconds S]")
        .value("--items", items).value("--rate", rate).value("--seconds", seconds).done();

    QTemporaryDir dir;
    api::EngineOptions o;
    o.dataDir = dir.path();
    auto engine = bench::openOrDie(o);
    api::Engine &e = *engine;
    const api::RequestContext east = regionContext("us-east-1"), west = regionContext("eu-west-1");
    callOrDie(e, "CreateTable", createKv("kv_local"), east);
    callOrDie(e, "CreateTable", createKv("kv_global"), east);
    callOrDie(e, "UpdateTable", R"({"TableName":"kv_global","ReplicaUpdates":[{"Create":{"RegionName":"eu-west-1"}}]})", east);
    while (!callOrDie(e, "DescribeTable", R"({"TableName":"kv_global"})", east).contains("\"TableStatus\":\"ACTIVE\""))
        QThread::msleep(10);

    const QByteArray payload(200, 'x');
    double localSeconds = 0, globalSeconds = 0;
    QElapsedTimer sinceGlobalStart;
    sinceGlobalStart.start();
    const int half = items / 2;
    localSeconds += load(e, "kv_local", 0, half, payload);
    globalSeconds += load(e, "kv_global", 0, half, payload);
    localSeconds += load(e, "kv_local", half, items, payload);
    globalSeconds += load(e, "kv_global", half, items, payload);
    QElapsedTimer drain;
    drain.start();
    while (itemCount(e, west, "kv_global") < items)
        QThread::msleep(1);
    const double drainSeconds = double(drain.nsecsElapsed()) / 1e9;
    const double replicatedSeconds = double(sinceGlobalStart.nsecsElapsed()) / 1e9 - localSeconds / 2; // the second local half overlapped

    std::printf("load of %d items (~230 bytes, BatchWriteItem, one thread), alternating halves:\n", items);
    std::printf("  regional table   %9.0f items/s\n", items / localSeconds);
    std::printf("  global table     %9.0f items/s (%.2fx the regional time)\n", items / globalSeconds, globalSeconds / localSeconds);
    std::printf("  eu-west-1 held every item %.3f s after the load ended; about %.0f items/s replicated over the load\n", drainSeconds,
                items / replicatedSeconds);

    const Paced local = paced(e, "kv_local", rate, seconds, false, 10'000'000);
    const Paced global = paced(e, "kv_global", rate, seconds, true, 20'000'000);
    std::printf("paced PutItem, %d/s for %.0f s:\n", rate, seconds);
    std::printf("  regional table   p50 %7.1f us  p99 %7.1f us\n", percentile(local.putMicros, 0.5), percentile(local.putMicros, 0.99));
    std::printf("  global table     p50 %7.1f us  p99 %7.1f us\n", percentile(global.putMicros, 0.5), percentile(global.putMicros, 0.99));
    std::printf("  replication lag  p50 %7.1f us  p99 %7.1f us  max %7.1f us (answer in us-east-1 -> GetItem hit in eu-west-1)\n",
                percentile(global.lagMicros, 0.5), percentile(global.lagMicros, 0.99), percentile(global.lagMicros, 1.0));
    return 0;
}
