#include "triggers/triggerworker.h"

#include "api/jsonwriter.h"
#include "streams/streamrecord.h"
#include "triggers/batchdelivery.h"
#include "triggers/commandinvoker.h"
#include "triggers/failurerecord.h"
#include "triggers/urlinvoker.h"

#include <QDateTime>

#include <algorithm>
#include <limits>

#include <pthread.h>

namespace dd::triggers {

namespace {

using Clock = std::chrono::steady_clock;
constexpr qint64 kNoEnd = std::numeric_limits<qint64>::max();

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

} // namespace

TriggerWorker::TriggerWorker(std::shared_ptr<storage::Database> db, StoredTrigger trigger, QString logPath)
    : m_db(std::move(db)), m_name(trigger.config.name), m_incarnation(trigger.incarnation), m_createdMs(trigger.createdMs),
      m_config(std::move(trigger.config)), m_checkpoint(trigger.checkpoint), m_log(std::move(logPath))
{
    m_listener = m_db->addCommitListener([this] {
        {
            std::lock_guard lock(m_mutex);
            ++m_commits;
        }
        m_wake.notify_all();
    });
    m_thread = std::thread([this] { loop(); });
}

TriggerWorker::~TriggerWorker()
{
    stop();
    m_thread.join();
    m_db->removeCommitListener(m_listener);
}

void TriggerWorker::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_cancel.store(true);
    m_wake.notify_all();
}

void TriggerWorker::setConfig(const TriggerConfig &config)
{
    {
        std::lock_guard lock(m_mutex);
        m_config = config;
        ++m_configVersion;
    }
    m_wake.notify_all();
}

TriggerStatus TriggerWorker::status(bool withLog) const
{
    std::lock_guard lock(m_mutex);
    TriggerStatus s;
    s.config = m_config;
    s.state = m_config.enabled ? m_state : QStringLiteral("PAUSED");
    if (m_config.enabled)
        s.stateReason = m_stateReason;
    s.streamArn = m_streamArn;
    s.checkpoint = m_checkpoint;
    s.createdMs = m_createdMs;
    s.counters = m_counters;
    s.logFile = m_log.filePath();
    if (withLog) {
        s.runs.assign(m_log.runs().begin(), m_log.runs().end());
        s.failures.assign(m_log.failures().begin(), m_log.failures().end());
    }
    return s;
}

void TriggerWorker::waitForWork(std::unique_lock<std::mutex> &lock, quint64 seenCommits, quint64 seenVersion,
                                std::chrono::steady_clock::time_point until)
{
    m_wake.wait_until(lock, until, [&] { return m_stopping || m_commits != seenCommits || m_configVersion != seenVersion; });
}

void TriggerWorker::loop()
{
    pthread_setname_np(pthread_self(), "dd-trigger");
    std::unique_lock lock(m_mutex);
    std::optional<Clock::time_point> windowEnd; // while filling a batch
    while (!m_stopping) {
        if (!m_config.enabled) {
            windowEnd.reset();
            const quint64 version = m_configVersion;
            m_wake.wait(lock, [&] { return m_stopping || m_configVersion != version; });
            continue;
        }
        const quint64 seenCommits = m_commits;
        const quint64 seenVersion = m_configVersion;
        const TriggerConfig config = m_config;
        const qint64 position = m_checkpoint + 1;
        lock.unlock();
        Result<Batch> batch = readBatch(config, position);
        lock.lock();
        if (!batch.ok()) {
            m_state = QStringLiteral("FAILING");
            m_stateReason = batch.error().message();
            waitForWork(lock, seenCommits, seenVersion, Clock::now() + kSafetyPoll);
            continue;
        }
        if (batch->expiredUpTo > 0) {
            TriggerFailure f;
            f.timeMs = nowMs();
            f.firstSeq = position;
            f.lastSeq = batch->expiredUpTo;
            f.condition = QStringLiteral("RecordAgeExceeded");
            f.error = QStringLiteral("Records trimmed from the stream before they were delivered");
            m_log.addFailure(f);
            lock.unlock();
            advance(batch->expiredUpTo);
            lock.lock();
            continue;
        }
        if (!batch->stream) {
            m_state = QStringLiteral("WAITING");
            m_stateReason = QStringLiteral("Table %1 does not exist or has no stream enabled; waiting for one").arg(config.table);
            waitForWork(lock, seenCommits, seenVersion, Clock::now() + kSafetyPoll);
            continue;
        }
        m_streamArn = batch->stream->arn;
        if (m_state == QLatin1String("WAITING")) {
            m_state = QStringLiteral("RUNNING");
            m_stateReason.clear();
        }
        if (batch->rows.empty()) {
            waitForWork(lock, seenCommits, seenVersion, Clock::now() + kSafetyPoll);
            continue;
        }
        if (int(batch->rows.size()) < config.batchSize && config.batchingWindowSeconds > 0) {
            const auto now = Clock::now();
            if (!windowEnd)
                windowEnd = now + std::chrono::seconds(config.batchingWindowSeconds);
            if (now < *windowEnd) {
                waitForWork(lock, seenCommits, seenVersion, std::min(*windowEnd, now + kSafetyPoll));
                continue;
            }
        }
        windowEnd.reset();
        lock.unlock();
        deliver(config, *batch);
        lock.lock();
    }
    m_finished.store(true);
}

Result<TriggerWorker::Batch> TriggerWorker::readBatch(const TriggerConfig &config, qint64 position)
{
    return m_db->read<Batch>([&](storage::Connection &c) -> Result<Batch> {
        Batch batch;
        DD_ASSIGN(std::vector<streams::StreamInfo> streams, streams::StreamStore::list(c, config.table));
        // Trimming is per table: the trimmed positions of the tables this trigger followed.
        qint64 trimmed = 0;
        for (const streams::StreamInfo &s : streams) {
            DD_ASSIGN(const qint64 t, streams::StreamStore::trimmedSeq(c, s.tableId));
            trimmed = std::max(trimmed, t);
        }
        if (position <= trimmed) {
            // Records this trigger never delivered were trimmed for age (as a
            // Lambda mapping loses records older than the stream's retention).
            // A trigger that has delivered nothing yet simply starts at the horizon.
            if (position > 1)
                batch.expiredUpTo = trimmed;
            position = trimmed + 1;
            if (batch.expiredUpTo > 0)
                return batch;
        }
        std::sort(streams.begin(), streams.end(), [](const auto &a, const auto &b) { return a.startSeq < b.startSeq; });
        for (const streams::StreamInfo &s : streams) {
            const qint64 end = s.endSeq.value_or(kNoEnd);
            if (end < position || end < s.startSeq)
                continue;
            DD_ASSIGN(batch.rows, streams::StreamStore::rows(c, s.tableId, std::max(position, s.startSeq), end, config.batchSize));
            if (!batch.rows.empty() || s.open()) {
                batch.stream = s;
                return batch;
            }
            // A closed stream read to its end: on to the next one.
        }
        return batch;
    });
}

std::unique_ptr<Invoker> TriggerWorker::makeInvoker(const TriggerConfig &config) const
{
    if (!config.url.isEmpty())
        return std::make_unique<UrlInvoker>(config.url);
    return std::make_unique<CommandInvoker>(config.command, config.name, config.table);
}

void TriggerWorker::deliver(const TriggerConfig &config, const Batch &batch)
{
    const streams::StreamInfo &stream = *batch.stream;
    const auto &rows = batch.rows;
    // Each record rendered once; bisected ranges reuse them.
    std::vector<QByteArray> records;
    records.reserve(rows.size());
    for (const streams::ChangeRow &row : rows) {
        api::JsonWriter w;
        streams::writeStreamRecord(w, stream, m_db->region(), row, streams::RecordFlavor::LambdaEvent);
        records.push_back(w.take());
    }
    const std::unique_ptr<Invoker> invoker = makeInvoker(config);
    const quint64 version = [&] {
        std::lock_guard lock(m_mutex);
        return m_configVersion;
    }();

    BatchDelivery::Hooks hooks;
    hooks.invoke = [&](const BatchDelivery::Range &r) {
        QByteArray event = "{\"Records\":[";
        for (qsizetype i = r.first; i < r.first + r.count; ++i) {
            if (i > r.first)
                event += ',';
            event += records[size_t(i)];
        }
        event += "]}";
        TriggerRun run;
        run.timeMs = nowMs();
        const Invocation result = invoker->invoke(event, config.timeoutSeconds * 1000, m_cancel);
        run.batchSize = int(r.count);
        run.firstSeq = rows[size_t(r.first)].seq;
        run.lastSeq = rows[size_t(r.first + r.count - 1)].seq;
        run.durationMs = result.durationMs;
        run.outcome = result.ok ? QStringLiteral("OK") : result.timedOut ? QStringLiteral("TIMED_OUT") : QStringLiteral("FAILED");
        run.exitCode = result.exitCode;
        run.statusCode = result.statusCode;
        run.retry = r.retries;
        run.error = result.error;
        run.stderrTail = result.stderrTail;
        std::lock_guard lock(m_mutex);
        m_log.addRun(run);
        ++m_counters.invocations;
        if (result.ok) {
            m_counters.recordsDelivered += r.count;
            m_state = QStringLiteral("RUNNING");
            m_stateReason.clear();
        } else if (!m_stopping) {
            ++m_counters.failedInvocations;
            m_state = QStringLiteral("FAILING");
            m_stateReason = result.error;
        }
        return result;
    };
    hooks.delivered = [&](const BatchDelivery::Range &r) { advance(rows[size_t(r.first + r.count - 1)].seq); };
    hooks.exhausted = [&](const BatchDelivery::Range &r, const Invocation &last) {
        const streams::ChangeRow &first = rows[size_t(r.first)];
        const streams::ChangeRow &lastRow = rows[size_t(r.first + r.count - 1)];
        TriggerFailure f;
        f.timeMs = nowMs();
        f.batchSize = int(r.count);
        f.firstSeq = first.seq;
        f.lastSeq = lastRow.seq;
        f.condition = QStringLiteral("RetryAttemptsExhausted");
        f.invokeCount = r.invokes;
        f.error = last.error;
        if (!config.onFailureFile.isEmpty()) {
            FailureRecord record;
            record.functionArn = QStringLiteral("arn:aws:lambda:%1:000000000000:function:%2").arg(m_db->region(), config.name);
            record.condition = f.condition;
            record.invokeCount = r.invokes;
            if (!config.url.isEmpty())
                record.statusCode = last.statusCode;
            record.timeMs = f.timeMs;
            record.shardId = stream.shardId();
            record.streamArn = stream.arn;
            record.firstSeq = first.seq;
            record.lastSeq = lastRow.seq;
            record.firstArrivalMs = first.timeMs;
            record.lastArrivalMs = lastRow.timeMs;
            record.batchSize = int(r.count);
            QString error;
            if (!FailureRecord::append(config.onFailureFile, record, &error))
                f.error += QStringLiteral("; ") + error;
        }
        {
            std::lock_guard lock(m_mutex);
            m_log.addFailure(f);
            m_counters.recordsFailed += r.count;
        }
        advance(lastRow.seq);
    };
    hooks.backoff = [&](int retry) {
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, std::chrono::milliseconds(BatchDelivery::backoffMs(retry)),
                        [&] { return m_stopping || m_configVersion != version; });
        return !m_stopping && m_configVersion == version;
    };
    (void)BatchDelivery::run(qsizetype(rows.size()), config.maximumRetryAttempts, config.bisectOnError, hooks);
}

void TriggerWorker::advance(qint64 seq)
{
    {
        std::lock_guard lock(m_mutex);
        if (seq <= m_checkpoint)
            return;
        m_checkpoint = seq;
    }
    auto saved = m_db->write<void>([&](storage::WriteTxn &txn) { return TriggerStore::advance(txn, m_name, m_incarnation, seq); });
    if (!saved.ok()) {
        std::lock_guard lock(m_mutex);
        m_stateReason = QStringLiteral("Cannot save the checkpoint: %1").arg(saved.error().message());
    }
}

} // namespace dd::triggers
