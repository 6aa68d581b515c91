#include "client/tablecopy.h"

#include "backup/restorer.h"

#include <QJsonArray>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

namespace dd::client {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

constexpr int kBatchLimit = 25;          // BatchWriteItem's requests per call
constexpr int kMaxAttempts = 12;         // per call refused for throughput, or per batch with unprocessed items
constexpr int kBaseDelayMs = 50;
constexpr int kMaxDelayMs = 5000;

bool isThrottling(const ApiError &e)
{
    return e.type() == p("ProvisionedThroughputExceededException") || e.type() == p("ThrottlingException")
           || e.type() == p("RequestLimitExceeded");
}

bool stopped(const std::atomic<bool> *cancel)
{
    return cancel && cancel->load();
}

// Sleeps the backoff of attempt `attempt` (full jitter, as the SDKs),
// waking early once cancelled.
void backoff(int attempt, const std::atomic<bool> *cancel)
{
    thread_local std::mt19937 rng(std::random_device{}());
    const int cap = std::min(kMaxDelayMs, kBaseDelayMs << std::min(attempt, 16));
    int ms = std::uniform_int_distribution<int>(cap / 2, cap)(rng);
    while (ms > 0 && !stopped(cancel)) {
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(ms, 50)));
        ms -= 50;
    }
}

ApiError inStep(const QString &step, const ApiError &e)
{
    return ApiError(e.type(), QStringLiteral("%1: %2").arg(step, e.message()));
}

// One call, sent again with backoff while refused for throughput.
ApiResponse callPatiently(Client &client, const QString &op, const QJsonObject &req, const std::atomic<bool> *cancel)
{
    ApiResponse r;
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
        r = client.callSync(op, req);
        if (r.ok() || !isThrottling(*r.error) || stopped(cancel))
            return r;
        backoff(attempt, cancel);
    }
    return r;
}

struct Shared {
    std::mutex mutex;
    std::optional<ApiError> error;
    std::atomic<qint64> copied{0};
    std::atomic<bool> failed{false};

    void fail(const ApiError &e)
    {
        std::lock_guard lock(mutex);
        if (!error)
            error = e;
        failed = true;
    }
};

// Writes `requests` (PutRequests) to `table`, with their UnprocessedItems
// sent again until none is left.
std::optional<ApiError> writeBatch(Client &target, const QString &table, QJsonArray requests, const std::atomic<bool> *cancel)
{
    for (int attempt = 0;; ++attempt) {
        const ApiResponse r = callPatiently(target, p("BatchWriteItem"), {{p("RequestItems"), QJsonObject{{table, requests}}}}, cancel);
        if (!r.ok())
            return r.error;
        requests = r.body.value(p("UnprocessedItems")).toObject().value(table).toArray();
        if (requests.isEmpty() || stopped(cancel))
            return std::nullopt;
        if (attempt + 1 >= kMaxAttempts)
            return ApiError(p("ProvisionedThroughputExceededException"),
                            QStringLiteral("%1 items stayed unprocessed after %2 attempts").arg(requests.size()).arg(kMaxAttempts));
        backoff(attempt, cancel);
    }
}

void copySegment(Client &source, Client &target, const TableCopyOptions &o, const QString &targetName, int segment, int segments,
                 Shared &shared, const std::function<void(qint64)> &copied, const std::atomic<bool> *cancel)
{
    QJsonObject scan{{p("TableName"), o.sourceTable}};
    if (segments > 1) {
        scan.insert(p("Segment"), segment);
        scan.insert(p("TotalSegments"), segments);
    }
    for (;;) {
        if (stopped(cancel) || shared.failed)
            return;
        const ApiResponse page = callPatiently(source, p("Scan"), scan, cancel);
        if (!page.ok()) {
            shared.fail(inStep(QStringLiteral("Scan of %1").arg(o.sourceTable), *page.error));
            return;
        }
        const QJsonArray items = page.body.value(p("Items")).toArray();
        for (qsizetype at = 0; at < items.size(); at += kBatchLimit) {
            if (stopped(cancel) || shared.failed)
                return;
            QJsonArray requests;
            for (qsizetype i = at; i < std::min<qsizetype>(items.size(), at + kBatchLimit); ++i)
                requests.append(QJsonObject{{p("PutRequest"), QJsonObject{{p("Item"), items.at(i)}}}});
            if (auto e = writeBatch(target, targetName, requests, cancel)) {
                shared.fail(inStep(QStringLiteral("BatchWriteItem to %1").arg(targetName), *e));
                return;
            }
            copied(requests.size());
        }
        const QJsonValue last = page.body.value(p("LastEvaluatedKey"));
        if (last.isUndefined() || last.toObject().isEmpty())
            return;
        scan.insert(p("ExclusiveStartKey"), last);
    }
}

bool allActive(const QJsonObject &table)
{
    if (table.value(p("TableStatus")).toString() != p("ACTIVE"))
        return false;
    const QJsonArray gsis = table.value(p("GlobalSecondaryIndexes")).toArray();
    return std::all_of(gsis.begin(), gsis.end(), [](const QJsonValue &g) { return g.toObject().value(p("IndexStatus")).toString() == p("ACTIVE"); });
}

} // namespace

QJsonObject createTableRequestFor(const QJsonObject &d, const QString &targetName)
{
    // A restore's request (keys, indexes, billing, on-demand maxima), then what a restore
    // leaves out and a copy takes: the stream and the table class. Not the
    // source's KMS key.
    QJsonObject create = backup::createTableRequest(d, targetName, {});
    create.remove(p("SSESpecification"));
    const QJsonObject stream = d.value(p("StreamSpecification")).toObject();
    if (stream.value(p("StreamEnabled")).toBool())
        create.insert(p("StreamSpecification"), QJsonObject{{p("StreamEnabled"), true}, {p("StreamViewType"), stream.value(p("StreamViewType"))}});
    if (const QString tableClass = d.value(p("TableClassSummary")).toObject().value(p("TableClass")).toString(); !tableClass.isEmpty())
        create.insert(p("TableClass"), tableClass);
    return create;
}

TableCopyOutcome copyTable(Client &source, Client &target, const TableCopyOptions &o, const std::function<void(const TableCopyProgress &)> &progress,
                           const std::atomic<bool> *cancel)
{
    TableCopyOutcome out;
    const QString targetName = o.targetTable.isEmpty() ? o.sourceTable : o.targetTable;
    TableCopyProgress state;
    const auto report = [&] {
        if (progress)
            progress(state);
    };
    const ApiResponse described = callPatiently(source, p("DescribeTable"), {{p("TableName"), o.sourceTable}}, cancel);
    if (!described.ok()) {
        out.error = inStep(QStringLiteral("DescribeTable of %1").arg(o.sourceTable), *described.error);
        return out;
    }
    const QJsonObject sourceTable = described.body.value(p("Table")).toObject();
    state.itemsEstimated = sourceTable.value(p("ItemCount")).toInteger();
    report();

    if (o.createTarget) {
        const ApiResponse created = callPatiently(target, p("CreateTable"), createTableRequestFor(sourceTable, targetName), cancel);
        if (!created.ok()) {
            out.error = inStep(QStringLiteral("CreateTable of %1").arg(targetName), *created.error);
            return out;
        }
        out.created = true;
    }
    // ACTIVE (with its indexes) before the first write.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(o.activeTimeoutMs);
    for (;;) {
        if (stopped(cancel)) {
            out.cancelled = true;
            return out;
        }
        const ApiResponse t = callPatiently(target, p("DescribeTable"), {{p("TableName"), targetName}}, cancel);
        if (!t.ok()) {
            out.error = inStep(QStringLiteral("DescribeTable of %1").arg(targetName), *t.error);
            return out;
        }
        const QJsonObject table = t.body.value(p("Table")).toObject();
        if (!o.createTarget && table.value(p("KeySchema")) != sourceTable.value(p("KeySchema"))) {
            out.error = ApiError::validation(QStringLiteral("The key schema of %1 is not that of %2").arg(targetName, o.sourceTable));
            return out;
        }
        if (allActive(table))
            break;
        if (std::chrono::steady_clock::now() > deadline) {
            out.error = ApiError(p("ResourceInUseException"), QStringLiteral("Table %1 did not become ACTIVE in time").arg(targetName));
            return out;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }

    state.phase = TableCopyProgress::Phase::Copying;
    report();
    Shared shared;
    std::mutex progressMutex;
    const auto copied = [&](qint64 n) {
        const qint64 total = shared.copied.fetch_add(n) + n;
        std::lock_guard lock(progressMutex);
        state.itemsCopied = std::max(state.itemsCopied, total);
        report();
    };
    const int segments = std::clamp(o.segments, 1, 64);
    std::vector<std::thread> workers;
    for (int s = 0; s < segments; ++s)
        workers.emplace_back([&, s] { copySegment(source, target, o, targetName, s, segments, shared, copied, cancel); });
    for (std::thread &w : workers)
        w.join();
    out.itemsCopied = shared.copied.load();
    if (shared.error) {
        out.error = shared.error;
        return out;
    }
    if (stopped(cancel)) {
        out.cancelled = true;
        return out;
    }

    state.phase = TableCopyProgress::Phase::Finishing;
    report();
    if (o.copyTimeToLive) {
        const ApiResponse ttl = callPatiently(source, p("DescribeTimeToLive"), {{p("TableName"), o.sourceTable}}, cancel);
        const QJsonObject d = ttl.body.value(p("TimeToLiveDescription")).toObject();
        const QString status = d.value(p("TimeToLiveStatus")).toString();
        if (ttl.ok() && (status == p("ENABLED") || status == p("ENABLING"))) {
            const ApiResponse current = callPatiently(target, p("DescribeTimeToLive"), {{p("TableName"), targetName}}, cancel);
            const QString targetStatus = current.body.value(p("TimeToLiveDescription")).toObject().value(p("TimeToLiveStatus")).toString();
            if (targetStatus != p("ENABLED") && targetStatus != p("ENABLING")) {
                const ApiResponse set = callPatiently(target, p("UpdateTimeToLive"),
                                                      {{p("TableName"), targetName},
                                                       {p("TimeToLiveSpecification"), QJsonObject{{p("Enabled"), true}, {p("AttributeName"), d.value(p("AttributeName"))}}}},
                                                      cancel);
                if (!set.ok())
                    out.error = inStep(QStringLiteral("UpdateTimeToLive of %1").arg(targetName), *set.error);
            }
        }
    }
    return out;
}

} // namespace dd::client
