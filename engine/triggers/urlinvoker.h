// UrlInvoker: POSTs a trigger's event to an http:// URL (HTTP/1.1, one
// connection per event, `Content-Type: application/json`); a 2xx answer is
// success. A small blocking client over POSIX sockets, so that the engine
// needs no QtNetwork; https is not supported (TriggerConfig refuses it).
// The tail of the answer's body goes to the trigger's log.
// Used by one thread at a time (a trigger's worker).
#pragma once

#include "triggers/invocation.h"

namespace dd::triggers {

class UrlInvoker : public Invoker {
public:
    explicit UrlInvoker(QString url);
    Invocation invoke(const QByteArray &event, int timeoutMs, const std::atomic<bool> &cancel) override;

private:
    QString m_url;
};

} // namespace dd::triggers
