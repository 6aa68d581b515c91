// TriggerLog: what a trigger did: its recent invocations ("runs") and the
// ranges it passed over ("failures") in memory, newest last, and every run
// appended as one JSON line to its log file (data directory
// `triggers/<region>/<name>.log`; none in memory). The JSON of a run is the
// shape of DescribeTrigger's RecentRuns[] entries.
// Threads: one writer (the trigger's worker) and any readers, under the
// caller's lock (TriggerWorker's mutex).
#pragma once

#include <QByteArray>
#include <QFile>
#include <QJsonObject>
#include <QString>

#include <deque>

namespace dd::triggers {

struct TriggerRun {
    qint64 timeMs = 0;            // when the invocation started
    int batchSize = 0;            // records in the event
    qint64 firstSeq = 0;          // change-log seq of its first and last record
    qint64 lastSeq = 0;
    qint64 durationMs = 0;
    QString outcome;              // OK, FAILED, TIMED_OUT
    int exitCode = -1;            // command: exit status (-1: did not exit normally)
    int statusCode = 0;           // URL: HTTP status (0: no answer)
    int retry = 0;                // 0: first attempt of this range; n: its n-th retry
    QString error;                // one line; empty on success
    QByteArray stderrTail;        // last bytes of the command's stderr

    QJsonObject toJson() const;
};

struct TriggerFailure {
    qint64 timeMs = 0;
    int batchSize = 0;
    qint64 firstSeq = 0;
    qint64 lastSeq = 0;
    QString condition;            // RetryAttemptsExhausted (or RecordAgeExceeded)
    int invokeCount = 0;
    QString error;                // the last invocation's error

    QJsonObject toJson() const;
};

class TriggerLog {
public:
    static constexpr int kRecentRuns = 100;
    static constexpr int kRecentFailures = 50;

    // `filePath` empty: memory only. The file is opened for appending on the first run.
    explicit TriggerLog(QString filePath);

    void addRun(const TriggerRun &run);
    void addFailure(const TriggerFailure &failure);

    const std::deque<TriggerRun> &runs() const { return m_runs; }
    const std::deque<TriggerFailure> &failures() const { return m_failures; }
    const QString &filePath() const { return m_path; }

private:
    void append(const QJsonObject &line);

    QString m_path;
    QFile m_file;
    std::deque<TriggerRun> m_runs;
    std::deque<TriggerFailure> m_failures;
};

// Times in logs and on-failure records: ISO 8601, UTC, milliseconds ("2026-11-01T12:00:00.000Z").
QString isoTime(qint64 ms);

} // namespace dd::triggers
