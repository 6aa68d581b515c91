#include "triggers/commandinvoker.h"

#include <QElapsedTimer>
#include <QProcess>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace dd::triggers {

namespace {

// How often a waiting worker checks the timeout and the cancel flag.
constexpr int kSliceMs = 50;

void keepTail(QByteArray &tail, const QByteArray &more)
{
    tail += more;
    if (tail.size() > CommandInvoker::kStderrTailBytes)
        tail = tail.right(CommandInvoker::kStderrTailBytes);
}

} // namespace

CommandInvoker::CommandInvoker(QString command, QString triggerName, QString table)
    : m_command(std::move(command)), m_trigger(std::move(triggerName)), m_table(std::move(table))
{
}

Invocation CommandInvoker::invoke(const QByteArray &event, int timeoutMs, const std::atomic<bool> &cancel)
{
    Invocation out;
    QElapsedTimer clock;
    clock.start();
    QProcess process;
    process.setProgram(QStringLiteral("/bin/sh"));
    process.setArguments({QStringLiteral("-c"), m_command});
    process.setStandardOutputFile(QProcess::nullDevice());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DYNAMODESK_TRIGGER"), m_trigger);
    env.insert(QStringLiteral("DYNAMODESK_TABLE"), m_table);
    process.setProcessEnvironment(env);
    // A process group of its own: the timeout kills the command's children too.
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
    process.start();
    if (!process.waitForStarted(5000)) {
        out.error = QStringLiteral("Cannot start /bin/sh: %1").arg(process.errorString());
        out.durationMs = clock.elapsed();
        return out;
    }
    const qint64 pid = process.processId();
    process.write(event);
    process.closeWriteChannel();

    bool killed = false;
    while (!process.waitForFinished(kSliceMs)) {
        keepTail(out.stderrTail, process.readAllStandardError());
        if (process.state() == QProcess::NotRunning)
            break;
        const bool late = clock.elapsed() >= timeoutMs;
        if (late || cancel.load()) {
            out.timedOut = late;
            out.cancelled = !late;
            killed = true;
            if (pid > 0)
                ::kill(-pid_t(pid), SIGKILL);
            process.kill();
            process.waitForFinished(5000);
            break;
        }
    }
    keepTail(out.stderrTail, process.readAllStandardError());
    out.durationMs = clock.elapsed();
    if (killed) {
        out.error = out.timedOut ? QStringLiteral("Timed out after %1 s; killed").arg(timeoutMs / 1000.0)
                                 : QStringLiteral("Cancelled; killed");
        return out;
    }
    if (process.exitStatus() == QProcess::CrashExit) {
        out.error = QStringLiteral("Crashed: %1").arg(process.errorString());
        return out;
    }
    out.exitCode = process.exitCode();
    out.ok = out.exitCode == 0;
    if (!out.ok)
        out.error = QStringLiteral("Exited with status %1").arg(out.exitCode);
    return out;
}

} // namespace dd::triggers
