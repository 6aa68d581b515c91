#include "triggers/triggerlog.h"

#include "streams/streamstore.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

namespace dd::triggers {

namespace {
QString k(const char *s) { return QString::fromLatin1(s); }
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject TriggerRun::toJson() const
{
    QJsonObject o{
        {k("Time"), isoTime(timeMs)},
        {k("BatchSize"), batchSize},
        {k("FirstSequenceNumber"), streams::formatSequenceNumber(firstSeq)},
        {k("LastSequenceNumber"), streams::formatSequenceNumber(lastSeq)},
        {k("DurationMs"), durationMs},
        {k("Outcome"), outcome},
        {k("Retry"), retry},
    };
    if (exitCode >= 0)
        o.insert(k("ExitCode"), exitCode);
    if (statusCode > 0)
        o.insert(k("StatusCode"), statusCode);
    if (!error.isEmpty())
        o.insert(k("Error"), error);
    if (!stderrTail.isEmpty())
        o.insert(k("Stderr"), QString::fromUtf8(stderrTail));
    return o;
}

QJsonObject TriggerFailure::toJson() const
{
    QJsonObject o{
        {k("Time"), isoTime(timeMs)},
        {k("BatchSize"), batchSize},
        {k("FirstSequenceNumber"), streams::formatSequenceNumber(firstSeq)},
        {k("LastSequenceNumber"), streams::formatSequenceNumber(lastSeq)},
        {k("Condition"), condition},
        {k("InvokeCount"), invokeCount},
    };
    if (!error.isEmpty())
        o.insert(k("Error"), error);
    return o;
}

TriggerLog::TriggerLog(QString filePath) : m_path(std::move(filePath)) {}

void TriggerLog::addRun(const TriggerRun &run)
{
    m_runs.push_back(run);
    if (m_runs.size() > kRecentRuns)
        m_runs.pop_front();
    append(run.toJson());
}

void TriggerLog::addFailure(const TriggerFailure &failure)
{
    m_failures.push_back(failure);
    if (m_failures.size() > kRecentFailures)
        m_failures.pop_front();
    QJsonObject line = failure.toJson();
    line.insert(k("Outcome"), k("PASSED_OVER"));
    append(line);
}

void TriggerLog::append(const QJsonObject &line)
{
    if (m_path.isEmpty())
        return;
    if (!m_file.isOpen()) {
        QDir().mkpath(QFileInfo(m_path).absolutePath());
        m_file.setFileName(m_path);
        if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append))
            return; // the in-memory log still has it
    }
    m_file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    m_file.flush();
}

} // namespace dd::triggers
