// Client: the DynamoDB API as seen by the desktop app, one interface over
// the embedded engine (InProcessClient), any DynamoDB-compatible endpoint
// and real AWS (HttpClient). Every call runs off the calling thread and
// comes back as a QFuture, so the GUI thread never waits on it.
//
// Thread-safe: call() may be used from any thread.
#pragma once

#include "model/apierror.h"

#include <QFuture>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

namespace dd::client {

// The outcome of one call. Default-constructible so that QFuture can carry it.
struct ApiResponse {
    QJsonObject body;                 // the response on success
    std::optional<ApiError> error;    // set on failure (DynamoDB's type and message, or a transport error)
    double latencyMs = 0;             // wall time of the call, for the status bar
    bool ok() const { return !error.has_value(); }
};

class Client {
public:
    virtual ~Client() = default;

    // Runs one DynamoDB operation ("Query", ...). The future always finishes;
    // it never throws. Cancelling the future does not undo a write that ran.
    virtual QFuture<ApiResponse> call(const QString &operation, const QJsonObject &request) = 0;

    // Runs one operation on the calling thread (for background jobs that are
    // already off the GUI thread, e.g. inside QtConcurrent::run).
    virtual ApiResponse callSync(const QString &operation, const QJsonObject &request) = 0;

    virtual QString region() const = 0;
    virtual QString displayName() const = 0; // "Embedded: /path", "http://127.0.0.1:8000", "AWS eu-west-1 (work)"

    // A new client like this one (same engine or endpoint, region and keys)
    // that sends the item operations a DAX cluster serves
    // (isDaxDataOperation(), client/daxrouting.h) through cluster `cluster`
    // and every other operation directly; an empty name: none through a
    // cluster. Null when this kind of client cannot reach a cluster. The
    // caller owns the new client; this one is unchanged.
    virtual std::shared_ptr<Client> throughDaxCluster(const QString &cluster) const
    {
        Q_UNUSED(cluster);
        return nullptr;
    }
};

} // namespace dd::client
