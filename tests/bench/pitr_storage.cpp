// pitr_storage: what point-in-time recovery history costs on disk under a
// steady write load, through api::Engine::call on disk, with a simulated
// clock, so that a day of history takes minutes, not a day (a simulated hour
// at 20 writes/s, 72,000 changes, about a minute on the 2-core machine):
//   - a table of --items items of ~230 bytes, loaded before PITR is enabled;
//   - PITR on (RecoveryPeriodInDays --period-days): a base snapshot;
//   - for each simulated second of --hours, --rate PutItems of random
//     existing keys (each a MODIFY of the whole item; BatchWriteItem of 25),
//     the clock moved to that second; the engine's PITR upkeep (daily base
//     snapshots, pruning past the window) and change-log pruner run on their
//     own threads, as in the server;
//   - every simulated hour: the pages in use (page_count - freelist_count)
//     and, at the end, the bytes per object (SQLite's dbstat): items, change
//     log and its index, base snapshots.
// What to read: history bytes (everything but the items and the catalog)
// per change, and per hour; with --period-days 1 and --hours 72 the history
// stops growing once the window is full (old bases and their log pruned).
//
//   pitr_storage [--items N] [--rate W] [--hours H] [--period-days P]
#include "benchutil.h"
#include "model/clock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <thread>

using namespace dd;
using bench::callOrDie;

namespace {

struct Options {
    int items = 100'000;
    int rate = 20;        // writes per simulated second
    int hours = 24;
    int periodDays = 35;
};

// A read-only look at the region's database file from outside the engine.
class Inspector {
public:
    explicit Inspector(const QString &file)
        : m_baseDir(file + QStringLiteral("-pitr"))
    {
        if (sqlite3_open_v2(file.toUtf8().constData(), &m_db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            std::fprintf(stderr, "cannot open %s\n", qPrintable(file));
            std::exit(1);
        }
    }
    ~Inspector() { sqlite3_close(m_db); }

    qint64 scalar(const char *sql)
    {
        sqlite3_stmt *s = nullptr;
        sqlite3_prepare_v2(m_db, sql, -1, &s, nullptr);
        const qint64 v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
        sqlite3_finalize(s);
        return v;
    }
    // The database's pages in use, plus PITR's base snapshot files beside it.
    qint64 usedBytes() { return (scalar("PRAGMA page_count") - scalar("PRAGMA freelist_count")) * scalar("PRAGMA page_size") + baseFileBytes(); }
    qint64 baseFileBytes() const
    {
        qint64 n = 0;
        for (const QFileInfo &f : QDir(m_baseDir).entryInfoList({QStringLiteral("*.base")}, QDir::Files))
            n += f.size();
        return n;
    }

    // Bytes per table or index (dbstat), grouped: items (t<id>...), history, other.
    std::map<std::string, qint64> objects()
    {
        std::map<std::string, qint64> out;
        sqlite3_stmt *s = nullptr;
        sqlite3_prepare_v2(m_db, "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name", -1, &s, nullptr);
        while (sqlite3_step(s) == SQLITE_ROW)
            out[reinterpret_cast<const char *>(sqlite3_column_text(s, 0))] = sqlite3_column_int64(s, 1);
        sqlite3_finalize(s);
        return out;
    }

private:
    QString m_baseDir;
    sqlite3 *m_db = nullptr;
};

bool isItemData(const std::string &name)
{
    // A table's items and its indexes: t<id>, its autoindexes; the catalog.
    return (name.size() > 1 && name[0] == 't' && std::isdigit(static_cast<unsigned char>(name[1])))
        || name.rfind("sqlite_autoindex_t", 0) == 0 || name == "sqlite_schema" || name == "tables" || name == "meta"
        || name == "index_stats" || name.rfind("sqlite_autoindex_tables", 0) == 0 || name.rfind("sqlite_autoindex_meta", 0) == 0;
}

double mb(qint64 bytes) { return double(bytes) / (1024.0 * 1024.0); }

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options o;
    bench::Args(argc, argv, "usage: pitr_storage [--items N] [--rate W] [--hours H] [--period-days P]")
        .value("--items", o.items)
        .value("--rate", o.rate)
        .value("--hours", o.hours)
        .value("--period-days", o.periodDays)
        .done();
    o.rate = std::max(1, o.rate);
    o.hours = std::max(1, o.hours);
    QTemporaryDir dir;
    ManualClock clock(QDateTime::currentMSecsSinceEpoch() / 1000 * 1000);
    api::EngineOptions eo;
    eo.dataDir = dir.path();
    eo.clock = &clock;
    eo.pitrMaintenanceIntervalMs = 20;     // wall time: upkeep runs often while the simulated clock races ahead
    eo.changeLogPruneIntervalMs = 20;
    eo.ttlSweepIntervalMs = 0;
    const auto engine = bench::openOrDie(eo);
    api::Engine &e = *engine;
    callOrDie(e, "CreateTable", R"({"TableName":"bench_kv","BillingMode":"PAY_PER_REQUEST",
        "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]})");
    const QByteArray payload(200, 'x');
    for (int i = 0; i < o.items; i += 25)
        callOrDie(e, "BatchWriteItem", bench::kvBatch("bench_kv", i, std::min(i + 25, o.items), [](int j) { return j; }, 0, payload));
    callOrDie(e, "UpdateContinuousBackups", QByteArray(R"({"TableName":"bench_kv","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true,"RecoveryPeriodInDays":)")
                                                + QByteArray::number(o.periodDays) + "}}");

    Inspector inspect(QDir(dir.path()).filePath(QStringLiteral("us-east-1.db")));
    const qint64 itemsBytes = inspect.usedBytes();
    std::printf("table: %d items of ~230 bytes, %.1f MB in use with PITR's first base snapshot; writes: %d/s for %d simulated hours; "
                "RecoveryPeriodInDays %d\n",
                o.items, mb(itemsBytes), o.rate, o.hours, o.periodDays);
    std::printf("%6s %12s %12s %14s\n", "hour", "changes", "MB in use", "MB since start");
    std::fflush(stdout);

    std::mt19937 rng(7);
    std::uniform_int_distribution<int> pickKey(0, o.items - 1);
    qint64 changes = 0;
    QElapsedTimer wall;
    wall.start();
    const qint64 startMs = clock.nowMs();
    for (int hour = 1; hour <= o.hours; ++hour) {
        for (int second = 0; second < 3600; ++second) {
            clock.setMs(startMs + (qint64(hour - 1) * 3600 + second) * 1000);
            for (int done = 0; done < o.rate; done += 25) {
                const int n = std::min(25, o.rate - done);
                // n distinct keys (a batch must not repeat one), spread over the table.
                const int first = pickKey(rng), stride = std::max(1, o.items / 25);
                callOrDie(e, "BatchWriteItem", bench::kvBatch("bench_kv", 0, n, [&](int j) { return (first + j * stride) % o.items; }, changes, payload));
                changes += n;
            }
        }
        // Let the upkeep threads see the hour's last second before measuring.
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        const qint64 used = inspect.usedBytes();
        std::printf("%6d %12lld %12.1f %14.1f\n", hour, changes, mb(used), mb(used - itemsBytes));
        std::fflush(stdout);
    }
    clock.setMs(startMs + qint64(o.hours) * 3600 * 1000);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));

    qint64 history = 0, items = 0;
    std::printf("\nbytes per object at the end (dbstat):\n");
    for (const auto &[name, bytes] : inspect.objects()) {
        std::printf("  %-40s %10.1f MB\n", name.c_str(), mb(bytes));
        (isItemData(name) ? items : history) += bytes;
    }
    std::printf("  %-40s %10.1f MB\n", "base snapshot files", mb(inspect.baseFileBytes()));
    history += inspect.baseFileBytes();
    std::printf("items and catalog %.1f MB; PITR history (change log, its index, base snapshots) %.1f MB = %.0f bytes per change, "
                "%.1f MB per simulated hour at %d writes/s (%.0f s of wall time)\n",
                mb(items), mb(history), double(history) / double(std::max<qint64>(1, changes)), mb(history) / o.hours, o.rate,
                double(wall.elapsed()) / 1000);
    return 0;
}
