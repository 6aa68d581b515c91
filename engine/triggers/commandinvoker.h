// CommandInvoker: runs a trigger's command with `/bin/sh -c COMMAND`, the
// event JSON on its stdin, stdout discarded, the tail of stderr kept for
// the trigger's log. Exit status 0 is success. The command runs in a process
// group of its own, so that a timeout (or cancel) kills everything it
// started, not only the shell. Environment: the server's, plus
// DYNAMODESK_TRIGGER (the trigger's name) and DYNAMODESK_TABLE.
// Used by one thread at a time (a trigger's worker); needs no event loop.
#pragma once

#include "triggers/invocation.h"

namespace dd::triggers {

class CommandInvoker : public Invoker {
public:
    CommandInvoker(QString command, QString triggerName, QString table);
    Invocation invoke(const QByteArray &event, int timeoutMs, const std::atomic<bool> &cancel) override;

    static constexpr int kStderrTailBytes = 2048;

private:
    QString m_command;
    QString m_trigger;
    QString m_table;
};

} // namespace dd::triggers
