// backup_bench: backups and restores of the engine in process, on disk (WAL,
// the server's durability), through api::Engine::call:
//   - enables point-in-time recovery on bench_kv, then loads N items of ~230
//     bytes (BatchWriteItem), so that the change log holds N inserts;
//   - Dynamodesk.DescribeTableHistory over the whole load (500 buckets) and
//     Dynamodesk.PreviewRestore of the latest time (N items then and now)
//     and of a second in the middle of the load (the log after it is read too);
//   - CreateBackup until AVAILABLE (the request fixes a read snapshot; the
//     table is read, encoded and written in the background);
//   - RestoreTableFromBackup and RestoreTableToPointInTime (latest: an empty
//     base snapshot and a replay of the N inserts) until the new table is
//     ACTIVE: items/s from the request to ACTIVE, and how long the request
//     itself took (it returns CREATING; decoding or replaying, sorting and
//     loading happen in the background);
//   - UpdateContinuousBackups enabling PITR on the restored N-item table
//     (it takes the first base snapshot before it answers);
//   - GetItem and PutItem latency (p50, p99) on bench_kv from paced client
//     threads, idle and during each of the above;
//   - after each phase, the checkpoint's held passes during it (how often
//     and how long writers were held off while the WAL was copied).
// Idle is measured once the engine's background threads are quiet.
//
//   backup_bench [--items N] [--seconds S] [--readers R] [--writers W] [--rate OPS] [--in-memory]
//                [--clients-region REGION [--client-items N]]
//
// --clients-region puts the clients' table in another region, that is
// another database file with a SQLite writer of its own (--client-items
// items, default 100,000): the restores then share the cores and the disk
// with the requests, but not the writer. It measures what a restore into a
// database of its own would leave of its cost.
//
// Each client thread makes --rate operations per second (default 500), so
// that the latency figures show what a backup or restore does to requests,
// not what a saturated machine does.
#include "benchutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

using namespace dd;
using bench::callOrDie;
using bench::key;
using bench::percentile;

namespace {

enum Phase { Idle, Backup, RestoreBackup, RestorePitr, PitrEnable, Settling, PhaseCount };
const char *const kPhaseNames[PhaseCount] = {"idle", "backup", "restore-backup", "restore-pitr", "pitr-enable", "settling"};

struct Options {
    int items = 1'000'000;
    double seconds = 3;
    int readers = 2;
    int writers = 1;
    int rate = 500;
    bool inMemory = false;
    // The clients' table in another region (another database file, with a
    // writer of its own): what the restores cost requests when they do not
    // share SQLite's writer with them, only the cores and the disk.
    QByteArray clientsRegion;
    int clientItems = 100'000; // the clients' table's items with --clients-region
};

// Latency samples (µs) per phase of one kind of request.
struct Samples {
    std::mutex mutex;
    std::vector<double> byPhase[PhaseCount];
    void add(int phase, const std::vector<double> &v)
    {
        std::lock_guard lock(mutex);
        byPhase[phase].insert(byPhase[phase].end(), v.begin(), v.end());
    }
};

QString tableStatus(api::Engine &e, const QString &table)
{
    return callOrDie(e, "DescribeTable", {{QStringLiteral("TableName"), table}}).value(QStringLiteral("Table")).toObject().value(QStringLiteral("TableStatus")).toString();
}

void waitActive(api::Engine &e, const QString &table)
{
    while (tableStatus(e, table) != QLatin1String("ACTIVE"))
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

// CPU time (clock ticks) of this process's background threads: the
// checkpointer and the backup workers, which go on after a load or a
// restore ends (copying its pages from the WAL into the database file).
qint64 backgroundTicks()
{
    qint64 ticks = 0;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (!comm.open(QIODevice::ReadOnly) || !comm.readAll().startsWith("dd-"))
            continue;
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray s = stat.readAll();
        // Fields after the command's closing parenthesis: state is the 3rd field, utime and stime the 14th and 15th.
        const QList<QByteArray> f = s.mid(s.lastIndexOf(')') + 2).split(' ');
        if (f.size() > 12)
            ticks += f[11].toLongLong() + f[12].toLongLong();
    }
    return ticks;
}

// Waits (at most 60 s) until the background threads have used no CPU for
// half a second, so that "idle" means idle: no checkpoint of a load's or a
// restore's pages still running. Returns the seconds it waited.
double waitQuiet()
{
    QElapsedTimer t;
    t.start();
    qint64 last = backgroundTicks();
    while (t.elapsed() < 60'000) {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        const qint64 now = backgroundTicks();
        if (now == last)
            break;
        last = now;
    }
    return double(t.elapsed()) / 1000;
}

// The held checkpoint passes of the bench's region since `before` (then
// `before` becomes now): how often, and how long in all, writers were held
// off while the WAL was copied into the database.
void printHeldPasses(api::Engine &e, storage::CheckpointStats &before)
{
    const auto now = e.checkpointStats(QStringLiteral("us-east-1"));
    if (!now.ok())
        return;
    std::printf("  checkpoint         %5llu held passes (%llu quiet, nothing left to copy), writers held off %.1f ms in all\n",
                static_cast<unsigned long long>(now->heldPasses - before.heldPasses),
                static_cast<unsigned long long>(now->quietPasses - before.quietPasses), double(now->heldMicros - before.heldMicros) / 1000);
    before = *now;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options o;
    bench::Args(argc, argv, "usage: backup_bench [--items N] [--seconds S] [--readers R] [--writers W] [--rate OPS] [--in-memory] "
                            "[--clients-region REGION [--client-items N]]")
        .value("--items", o.items)
        .value("--seconds", o.seconds)
        .value("--readers", o.readers)
        .value("--writers", o.writers)
        .value("--rate", o.rate)
        .flag("--in-memory", o.inMemory)
        .value("--clients-region", o.clientsRegion)
        .value("--client-items", o.clientItems)
        .done();
    o.rate = std::max(1, o.rate);
    QTemporaryDir dir;
    api::EngineOptions eo;
    eo.inMemory = o.inMemory;
    eo.dataDir = dir.path();
    const auto engine = bench::openOrDie(eo);
    api::Engine &e = *engine;
    callOrDie(e, "CreateTable", R"({"TableName":"bench_kv","BillingMode":"PAY_PER_REQUEST",
        "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]})");
    callOrDie(e, "UpdateContinuousBackups", R"({"TableName":"bench_kv","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}})");
    const QByteArray payload(200, 'x');
    QElapsedTimer timer;
    timer.start();
    const double loadStart = double(QDateTime::currentMSecsSinceEpoch()) / 1000;
    for (int i = 0; i < o.items; i += 25)
        callOrDie(e, "BatchWriteItem", bench::kvBatch("bench_kv", i, std::min(i + 25, o.items), [](int j) { return j; }, 0, payload));
    const double loadEnd = double(QDateTime::currentMSecsSinceEpoch()) / 1000;
    double secs = double(timer.nsecsElapsed()) / 1e9;
    std::printf("load                 %9d items in %7.2f s  %10.0f items/s  (%s, PITR on)\n", o.items, secs, o.items / secs, o.inMemory ? "in memory" : "on disk");
    timer.restart();
    callOrDie(e, "Dynamodesk.DescribeTableHistory", {{QStringLiteral("TableName"), QStringLiteral("bench_kv")}, {QStringLiteral("StartTime"), loadStart - 1},
                                                {QStringLiteral("EndTime"), double(QDateTime::currentMSecsSinceEpoch()) / 1000 + 1}, {QStringLiteral("Buckets"), 500}});
    std::printf("DescribeTableHistory %9d changes in %5.3f s  (500 buckets)\n", o.items, double(timer.nsecsElapsed()) / 1e9);
    timer.restart();
    callOrDie(e, "Dynamodesk.PreviewRestore", {{QStringLiteral("TableName"), QStringLiteral("bench_kv")}, {QStringLiteral("UseLatestRestorableTime"), true}});
    std::printf("PreviewRestore       %9d items in %7.2f s  (replay of the log, compared with the table now)\n", o.items, double(timer.nsecsElapsed()) / 1e9);
    // A point in the middle of the load: the log after it is read too, heads only.
    timer.restart();
    const QJsonObject midPreview = callOrDie(e, "Dynamodesk.PreviewRestore", {{QStringLiteral("TableName"), QStringLiteral("bench_kv")},
                                                                            {QStringLiteral("RestoreDateTime"), std::floor((loadStart + loadEnd) / 2)}});
    std::printf("PreviewRestore mid   %9lld items in %7.2f s  (a point in the middle of the load)\n",
                qint64(midPreview.value(QStringLiteral("ItemCount")).toDouble()), double(timer.nsecsElapsed()) / 1e9);
    std::fflush(stdout);

    std::printf("quiet after         %7.2f s  (until the checkpoint of the load ends)\n", waitQuiet());
    storage::CheckpointStats checkpoints;
    printHeldPasses(e, checkpoints); // (the load's)
    std::fflush(stdout);

    // With --clients-region, the clients' bench_kv is a table of its own there.
    api::RequestContext clientCtx;
    int clientItems = o.items;
    if (!o.clientsRegion.isEmpty()) {
        clientCtx.region = QString::fromUtf8(o.clientsRegion);
        clientItems = o.clientItems;
        callOrDie(e, "CreateTable", R"({"TableName":"bench_kv","BillingMode":"PAY_PER_REQUEST",
            "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]})", clientCtx);
        for (int i = 0; i < clientItems; i += 25)
            callOrDie(e, "BatchWriteItem", bench::kvBatch("bench_kv", i, std::min(i + 25, clientItems), [](int j) { return j; }, 0, payload), clientCtx);
        std::printf("clients' table      %9d items in %s (the restores run in us-east-1: another writer)\n", clientItems, o.clientsRegion.constData());
        std::printf("quiet after         %7.2f s\n", waitQuiet());
        std::fflush(stdout);
    }

    // Paced clients on bench_kv, tagging each sample with the phase it started in.
    std::atomic<int> phase{Idle};
    std::atomic<bool> stop{false};
    Samples gets, puts;
    std::atomic<int> failures{0};
    std::vector<std::thread> clients;
    for (int t = 0; t < o.readers + o.writers; ++t)
        clients.emplace_back([&, t] {
            const bool writer = t >= o.readers;
            std::mt19937 rng(t + 1);
            std::uniform_int_distribution<int> pick(0, clientItems - 1);
            std::vector<double> local[PhaseCount];
            const auto period = std::chrono::microseconds(1'000'000 / o.rate);
            auto next = std::chrono::steady_clock::now();
            qint64 version = 0;
            while (!stop.load()) {
                const int ph = phase.load();
                const QByteArray k = key(pick(rng));
                const QByteArray body = writer ? R"({"TableName":"bench_kv","Item":)" + bench::kvItem(k, ++version, payload) + '}'
                                               : R"({"TableName":"bench_kv","Key":{"pk":{"S":")" + k + R"("}}})";
                QElapsedTimer op;
                op.start();
                if (!e.call(clientCtx, writer ? QStringLiteral("PutItem") : QStringLiteral("GetItem"), QByteArrayView(body)).ok())
                    ++failures;
                local[ph].push_back(double(op.nsecsElapsed()) / 1000.0);
                next += period;
                std::this_thread::sleep_until(next);
                if (std::chrono::steady_clock::now() > next + period * 10)
                    next = std::chrono::steady_clock::now(); // fell behind: do not burst to catch up
            }
            for (int p = 0; p < PhaseCount; ++p)
                (writer ? puts : gets).add(p, local[p]);
        });

    std::this_thread::sleep_for(std::chrono::milliseconds(qint64(o.seconds * 1000)));

    phase = Backup;
    timer.restart();
    const QString arn = callOrDie(e, "CreateBackup", {{QStringLiteral("TableName"), QStringLiteral("bench_kv")}, {QStringLiteral("BackupName"), QStringLiteral("bench")}})
                            .value(QStringLiteral("BackupDetails")).toObject().value(QStringLiteral("BackupArn")).toString();
    const double requestSecs = double(timer.nsecsElapsed()) / 1e9;
    while (callOrDie(e, "DescribeBackup", {{QStringLiteral("BackupArn"), arn}}).value(QStringLiteral("BackupDescription")).toObject()
               .value(QStringLiteral("BackupDetails")).toObject().value(QStringLiteral("BackupStatus")).toString() != QLatin1String("AVAILABLE"))
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    secs = double(timer.nsecsElapsed()) / 1e9;
    phase = Idle;
    std::printf("CreateBackup         %9d items in %7.2f s  %10.0f items/s  (request %.2f s, then reading, encoding and writing the file)\n",
                o.items, secs, o.items / secs, requestSecs);
    printHeldPasses(e, checkpoints);
    std::fflush(stdout);

    auto restore = [&](Phase ph, const char *op, const QJsonObject &req, const char *label) {
        const QString target = req.value(QStringLiteral("TargetTableName")).toString();
        phase = ph;
        QElapsedTimer t;
        t.start();
        callOrDie(e, op, req);
        const double request = double(t.nsecsElapsed()) / 1e9;
        waitActive(e, target);
        const double total = double(t.nsecsElapsed()) / 1e9;
        phase = Idle;
        const qint64 count = qint64(callOrDie(e, "DescribeTable", {{QStringLiteral("TableName"), target}}).value(QStringLiteral("Table")).toObject()
                                        .value(QStringLiteral("ItemCount")).toDouble());
        std::printf("%-20s %9lld items in %7.2f s  %10.0f items/s  (request %.2f s, then decoding and loading %.0f items/s)\n", label,
                    static_cast<long long>(count), total, double(count) / total, request, double(count) / std::max(1e-9, total - request));
        printHeldPasses(e, checkpoints);
        std::fflush(stdout);
    };
    restore(RestoreBackup, "RestoreTableFromBackup", {{QStringLiteral("BackupArn"), arn}, {QStringLiteral("TargetTableName"), QStringLiteral("restored_backup")}},
            "RestoreFromBackup");
    restore(RestorePitr, "RestoreTableToPointInTime",
            {{QStringLiteral("SourceTableName"), QStringLiteral("bench_kv")}, {QStringLiteral("TargetTableName"), QStringLiteral("restored_pitr")},
             {QStringLiteral("UseLatestRestorableTime"), true}},
            "RestoreToPointInTime");

    phase = PitrEnable;
    timer.restart();
    callOrDie(e, "UpdateContinuousBackups", R"({"TableName":"restored_backup","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}})");
    std::printf("PITR enable          %9d items in %7.2f s  (UpdateContinuousBackups on the restored table: its first base snapshot)\n", o.items,
                double(timer.nsecsElapsed()) / 1e9);
    // The samples after the answer show what follows it (the checkpoint of the base's pages).
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    // What the restores and the base snapshot leave to the checkpointer is
    // counted apart, not as idle.
    phase = Settling;
    std::printf("settling            %7.2f s  (until the background threads are quiet)\n", waitQuiet());
    printHeldPasses(e, checkpoints);
    phase = Idle;
    std::fflush(stdout);

    std::this_thread::sleep_for(std::chrono::milliseconds(qint64(o.seconds * 1000)));
    stop = true;
    for (auto &t : clients)
        t.join();
    std::printf("\nlatency (us) with %d reader(s) and %d writer(s), each %d requests/s%s\n", o.readers, o.writers, o.rate,
                failures ? "  (SOME REQUESTS FAILED)" : "");
    std::printf("%-16s %8s %9s %9s %9s   %8s %9s %9s %9s\n", "phase", "gets", "get p50", "get p99", "get max", "puts", "put p50", "put p99",
                "put max");
    for (int p = 0; p < PhaseCount; ++p)
        std::printf("%-16s %8zu %9.0f %9.0f %9.0f   %8zu %9.0f %9.0f %9.0f\n", kPhaseNames[p], gets.byPhase[p].size(), percentile(gets.byPhase[p], 0.5),
                    percentile(gets.byPhase[p], 0.99), percentile(gets.byPhase[p], 1.0), puts.byPhase[p].size(), percentile(puts.byPhase[p], 0.5),
                    percentile(puts.byPhase[p], 0.99), percentile(puts.byPhase[p], 1.0));
    return failures ? 1 : 0;
}
