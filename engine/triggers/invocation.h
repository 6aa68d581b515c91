// Invocation: the outcome of one delivery of an event to a trigger's target
// (a command run or an HTTP POST), and the interface of the targets.
// Value types; an Invoker is used by one thread at a time.
#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>

namespace dd::triggers {

struct Invocation {
    bool ok = false;          // exit 0, or a 2xx answer
    bool timedOut = false;    // killed (or abandoned) at the timeout
    bool cancelled = false;   // stopped by the cancel flag: says nothing about the target
    int exitCode = -1;        // the command's exit code; -1 if it did not exit normally (or a URL target)
    int statusCode = 0;       // the URL's HTTP status; 0 if there was no answer (or a command target)
    QString error;            // one line on what failed; empty on success
    QByteArray stderrTail;    // the last bytes the command wrote to stderr (or of the HTTP answer's body)
    qint64 durationMs = 0;
};

class Invoker {
public:
    virtual ~Invoker() = default;
    // Delivers `event` and waits for the outcome, at most `timeoutMs`. Gives
    // up early (killing a command) once `cancel` is set, reporting a failure.
    virtual Invocation invoke(const QByteArray &event, int timeoutMs, const std::atomic<bool> &cancel) = 0;
};

} // namespace dd::triggers
