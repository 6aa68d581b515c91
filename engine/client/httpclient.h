// HttpClient: Client over HTTP(S) to any DynamoDB endpoint: real AWS,
// dynamodesk-server, DynamoDB Local, ScyllaDB Alternator. It speaks the
// JSON 1.0 protocol (JsonProtocol; DAX's control plane in JSON 1.1, signed
// for the service "dax"), signs every attempt with SigV4, and
// retries throttling, 5xx and transport failures with exponential backoff
// and full jitter, as the AWS SDKs' standard retry mode does.
//
// Threads. Each HttpClient owns one network thread running an event loop,
// with the one QNetworkAccessManager that all its calls share. call() may be
// used from any thread: it posts the request to that thread and returns a
// QFuture at once; the reply finishes the future from the network thread.
// callSync() is call().result(): it blocks the calling thread (a background
// job's, never the GUI thread's).
// Why a network thread rather than QtConcurrent::run with a QEventLoop and
// a per-thread QNetworkAccessManager: a waiting call then holds no pool
// thread (the global pool has as many threads as cores, and the engine's own
// calls run there); backoff waits are timers, not sleeps; and one manager
// keeps one pool of kept-alive connections and TLS sessions per endpoint
// (six parallel connections per host; later calls queue in the manager)
// instead of one per pool thread.
// Continuations attached with QFuture::then() and no context run on the
// network thread: they must not block, and must not call callSync() (it
// returns an error there instead of deadlocking).
#pragma once

#include "client/awsprofile.h"
#include "client/client.h"
#include "security/sigv4.h"

#include <QThread>
#include <QUrl>

namespace dd::client {

// SigV4 and credentials live with the engine's security (the endpoint verifies what clients sign).
using security::AwsCredentials;
using security::SigV4;

class HttpClient : public Client {
public:
    struct Config {
        QUrl endpoint;                        // empty: https://dynamodb.<region>.amazonaws.com (.com.cn in China)
        QUrl streamsEndpoint;                 // empty: `endpoint`, or https://streams.dynamodb.<region>.amazonaws.com for AWS's own
        QUrl daxEndpoint;                     // DAX's control plane (Dax.*); empty: `endpoint`, or https://dax.<region>.amazonaws.com for AWS's own
        // Set: the item operations a DAX cluster serves (isDaxDataOperation())
        // go to `endpoint` with the path /dax/<daxCluster>, where a
        // dynamodesk-server answers them through that cluster's caches;
        // everything else goes where it would without. AWS's own clusters
        // speak DAX's binary protocol inside their VPC, not HTTP: this does
        // not reach them.
        QString daxCluster;
        QString region = QStringLiteral("us-east-1"); // also the SigV4 credential scope
        AwsCredentials credentials;           // every call fails with NoCredentials while invalid
        int timeoutMs = 60000;                // per attempt, from sending to the last byte of the reply
        int maxAttempts = 3;                  // first try included, as the SDKs' standard mode
        int retryBaseDelayMs = 50;            // attempt n waits random(0, min(maxBackoffMs, base * 2^(n-1))) ms
        int maxBackoffMs = 20000;             // the SDKs' cap
        QString displayName;                  // empty: "http://127.0.0.1:8000", or "AWS eu-west-1" for AWS's endpoint

        // A connection for a resolved profile (AwsProfiles::resolve()): its
        // keys, region (us-east-1 if it names none), endpoint_url and
        // max_attempts; named "AWS eu-west-1 (profile work)" for AWS, or
        // after the endpoint URL.
        static Config fromProfile(const AwsProfile &profile);
        // A local endpoint that does not check keys (dynamodesk-server,
        // DynamoDB Local): fixed dummy keys, as `aws --endpoint-url` users set.
        static Config local(const QUrl &endpoint, const QString &region = QStringLiteral("us-east-1"));
    };

    // Starts the network thread. `config` is completed (endpoint, display
    // name) and then fixed for the client's life.
    explicit HttpClient(Config config);
    // Finishes every pending call with NetworkError ("The client was
    // closed") and stops the network thread. Must not run on that thread.
    ~HttpClient() override;

    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    // The future always finishes with an ApiResponse: DynamoDB's error, or
    // NetworkError (type) for a failure below HTTP, after the last attempt.
    // Cancelling the future stops further attempts; a request already sent
    // may still run on the server.
    QFuture<ApiResponse> call(const QString &operation, const QJsonObject &request) override;
    ApiResponse callSync(const QString &operation, const QJsonObject &request) override;
    QString region() const override { return m_config.region; }
    QString displayName() const override; // Config::displayName, and the DAX cluster if any

    // A new HttpClient with this one's config and Config::daxCluster = `cluster`.
    std::shared_ptr<Client> throughDaxCluster(const QString &cluster) const override;

    const Config &config() const { return m_config; }
    // The URL `operation` is sent to (Streams.*, Dax.* and, with a DAX
    // cluster, its item operations may go elsewhere).
    QUrl endpointFor(const QString &operation) const;

    // AWS's endpoint for DynamoDB in `region`.
    static QUrl awsEndpoint(const QString &region);

private:
    class Worker;

    Config m_config;
    QUrl m_clusterEndpoint; // `endpoint` with the path /dax/<daxCluster>; empty without a cluster
    QThread m_thread;
    Worker *m_worker; // lives on m_thread; deleted there by the destructor
};

} // namespace dd::client
