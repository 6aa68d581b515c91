// HttpClient: the network thread's Worker owns the QNetworkAccessManager
// and every call in flight; the HttpClient object only posts to it. A call
// is signed afresh for each attempt (X-Amz-Date must be recent), and waits
// between attempts on a timer on the network thread.
#include "client/httpclient.h"

#include "client/daxrouting.h"
#include "client/jsonprotocol.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QPromise>
#include <QRandomGenerator>
#include <QTimer>

#include <memory>
#include <unordered_set>

namespace dd::client {

namespace {

const QByteArray kUserAgent = QByteArrayLiteral("Dynamodesk/" DD_VERSION " (Qt " QT_VERSION_STR ")");

bool isChina(const QString &region)
{
    return region.startsWith(QLatin1String("cn-"));
}

QString awsHostSuffix(const QString &region)
{
    return isChina(region) ? QStringLiteral(".amazonaws.com.cn") : QStringLiteral(".amazonaws.com");
}

// One call: the request, its promise, and the attempt in flight.
struct PendingCall {
    QPromise<ApiResponse> promise;
    QString operation;
    QByteArray body;
    QUrl url;
    int attempt = 0;                 // attempts sent so far
    QElapsedTimer elapsed;           // since call()
    QPointer<QNetworkReply> reply;   // the attempt in flight, if any
    bool timedOut = false;           // the attempt's timer fired
};

} // namespace

class HttpClient::Worker : public QObject {
public:
    explicit Worker(const Config &config) : m_config(config) {}

    void start(std::shared_ptr<PendingCall> call)
    {
        m_calls.insert(call);
        if (!m_config.credentials.isValid()) {
            finish(call, ApiError(QStringLiteral("NoCredentials"), QStringLiteral("Unable to locate credentials")));
            return;
        }
        send(call);
    }

    // Finishes every call; called on this thread before the worker is deleted.
    void shutdown()
    {
        const auto calls = m_calls;
        for (const auto &call : calls) {
            if (call->reply) {
                call->reply->disconnect(this);
                call->reply->abort();
                call->reply->deleteLater();
            }
            finish(call, ApiError(QStringLiteral("NetworkError"), QStringLiteral("The client was closed")));
        }
    }

private:
    QNetworkAccessManager *manager()
    {
        if (!m_manager) {
            m_manager = new QNetworkAccessManager(this);
            // Redirects are not part of the protocol; a POST must not be replayed as a GET.
            m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        }
        return m_manager;
    }

    void send(const std::shared_ptr<PendingCall> &call)
    {
        if (call->promise.isCanceled()) {
            finish(call, ApiError(QStringLiteral("NetworkError"), QStringLiteral("The call was canceled")));
            return;
        }
        ++call->attempt;
        call->timedOut = false;

        SigV4::Request signable;
        signable.url = call->url;
        signable.body = call->body;
        // Host is set here, not left to Qt, so that the signed value is the sent one.
        signable.headers = {{"Host", SigV4::hostHeader(call->url)},
                            {"Content-Type", JsonProtocol::contentTypeOf(call->operation)},
                            {"X-Amz-Target", JsonProtocol::target(call->operation)}};
        SigV4::sign(signable, m_config.credentials, m_config.region, JsonProtocol::signingNameOf(call->operation),
                    QDateTime::currentDateTimeUtc());

        QNetworkRequest request(call->url);
        for (const auto &[name, value] : signable.headers) request.setRawHeader(name, value);
        request.setRawHeader("User-Agent", kUserAgent);
        // x-amz-crc32 covers the bytes as sent; identity keeps Qt from inflating them.
        request.setRawHeader("Accept-Encoding", "identity");
        // DynamoDB and the SDKs speak HTTP/1.1; Qt's HTTP/2 would send Host as :authority.
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);

        QNetworkReply *reply = manager()->post(request, call->body);
        call->reply = reply;
        auto *timer = new QTimer(reply);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, reply, [call, reply] {
            call->timedOut = true;
            reply->abort();
        });
        timer->start(m_config.timeoutMs);
        connect(reply, &QNetworkReply::finished, this, [this, call, reply] { onFinished(call, reply); });
    }

    void onFinished(const std::shared_ptr<PendingCall> &call, QNetworkReply *reply)
    {
        reply->deleteLater();
        call->reply = nullptr;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        JsonProtocol::Reply outcome;
        if (call->timedOut) {
            outcome = JsonProtocol::transportError(
                QStringLiteral("No complete response from %1 within %2 ms").arg(call->url.toString()).arg(m_config.timeoutMs));
        } else if (status == 0) {
            outcome = JsonProtocol::transportError(reply->errorString());
        } else {
            outcome = JsonProtocol::parse(status, reply->readAll(), reply->rawHeader("x-amz-crc32"),
                                          reply->rawHeader("x-amzn-ErrorType"));
        }

        if (outcome.retryable && call->attempt < m_config.maxAttempts && !call->promise.isCanceled()) {
            // Full jitter: random(0, min(cap, base * 2^(attempt-1))).
            const qint64 ceiling = std::min<qint64>(m_config.maxBackoffMs,
                                                    qint64(m_config.retryBaseDelayMs) << std::min(call->attempt - 1, 30));
            const int delay = int(QRandomGenerator::global()->bounded(ceiling + 1));
            QTimer::singleShot(delay, this, [this, call] {
                if (m_calls.contains(call)) send(call);
            });
            return;
        }
        finish(call, std::move(outcome.response));
    }

    void finish(const std::shared_ptr<PendingCall> &call, ApiResponse response)
    {
        response.latencyMs = double(call->elapsed.nsecsElapsed()) / 1e6;
        call->promise.addResult(std::move(response));
        call->promise.finish();
        m_calls.erase(call);
    }

    void finish(const std::shared_ptr<PendingCall> &call, ApiError error)
    {
        ApiResponse response;
        response.error = std::move(error);
        finish(call, std::move(response));
    }

    const Config m_config;
    QNetworkAccessManager *m_manager = nullptr; // created on the network thread, on first use
    std::unordered_set<std::shared_ptr<PendingCall>> m_calls;
};

HttpClient::Config HttpClient::Config::fromProfile(const AwsProfile &profile)
{
    Config c;
    if (!profile.region.isEmpty()) c.region = profile.region;
    c.credentials = profile.credentials;
    if (!profile.endpointUrl.isEmpty()) c.endpoint = QUrl(profile.endpointUrl);
    if (profile.maxAttempts > 0) c.maxAttempts = profile.maxAttempts;
    if (c.endpoint.isEmpty() && !profile.name.isEmpty())
        c.displayName = QStringLiteral("AWS %1 (profile %2)").arg(c.region, profile.name);
    return c;
}

HttpClient::Config HttpClient::Config::local(const QUrl &endpoint, const QString &region)
{
    Config c;
    c.endpoint = endpoint;
    c.region = region;
    c.credentials = AwsCredentials{QStringLiteral("dynamodesk"), QStringLiteral("dynamodesk"), QString()};
    return c;
}

QUrl HttpClient::awsEndpoint(const QString &region)
{
    return QUrl(QStringLiteral("https://dynamodb.") + region + awsHostSuffix(region));
}

HttpClient::HttpClient(Config config) : m_config(std::move(config))
{
    const bool aws = m_config.endpoint.isEmpty();
    if (aws) m_config.endpoint = awsEndpoint(m_config.region);
    if (m_config.displayName.isEmpty()) {
        m_config.displayName = aws ? QStringLiteral("AWS %1").arg(m_config.region)
                                   : m_config.endpoint.toString(QUrl::StripTrailingSlash | QUrl::RemoveUserInfo);
        if (m_config.displayName.endsWith(u'/')) m_config.displayName.chop(1);
    }
    if (m_config.endpoint.path().isEmpty()) m_config.endpoint.setPath(QStringLiteral("/"));
    if (m_config.streamsEndpoint.isEmpty())
        m_config.streamsEndpoint = aws ? QUrl(QStringLiteral("https://streams.dynamodb.") + m_config.region + awsHostSuffix(m_config.region) + u'/')
                                       : m_config.endpoint;
    if (m_config.streamsEndpoint.path().isEmpty()) m_config.streamsEndpoint.setPath(QStringLiteral("/"));
    if (m_config.daxEndpoint.isEmpty())
        m_config.daxEndpoint = aws ? QUrl(QStringLiteral("https://dax.") + m_config.region + awsHostSuffix(m_config.region) + u'/')
                                   : m_config.endpoint;
    if (m_config.daxEndpoint.path().isEmpty()) m_config.daxEndpoint.setPath(QStringLiteral("/"));
    if (!m_config.daxCluster.isEmpty()) {
        m_clusterEndpoint = m_config.endpoint;
        m_clusterEndpoint.setPath(QStringLiteral("/dax/") + m_config.daxCluster);
        m_clusterEndpoint.setQuery(QString());
    }
    m_config.maxAttempts = std::max(1, m_config.maxAttempts);

    m_worker = new Worker(m_config);
    m_worker->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("dd-http-client"));
    m_thread.start();
}

HttpClient::~HttpClient()
{
    Q_ASSERT(QThread::currentThread() != &m_thread);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] {
            worker->shutdown();
            delete worker;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QUrl HttpClient::endpointFor(const QString &operation) const
{
    if (JsonProtocol::isStreamsOperation(operation))
        return m_config.streamsEndpoint;
    if (JsonProtocol::isDaxOperation(operation))
        return m_config.daxEndpoint;
    if (!m_clusterEndpoint.isEmpty() && isDaxDataOperation(operation))
        return m_clusterEndpoint;
    return m_config.endpoint;
}

QString HttpClient::displayName() const
{
    return m_config.daxCluster.isEmpty() ? m_config.displayName
                                         : QStringLiteral("%1, DAX cluster %2").arg(m_config.displayName, m_config.daxCluster);
}

std::shared_ptr<Client> HttpClient::throughDaxCluster(const QString &cluster) const
{
    Config c = m_config;
    c.daxCluster = cluster;
    return std::make_shared<HttpClient>(c);
}

QFuture<ApiResponse> HttpClient::call(const QString &operation, const QJsonObject &request)
{
    auto pending = std::make_shared<PendingCall>();
    pending->elapsed.start();
    pending->operation = operation;
    pending->body = QJsonDocument(request).toJson(QJsonDocument::Compact);
    pending->url = endpointFor(operation);
    pending->promise.start();
    QFuture<ApiResponse> future = pending->promise.future();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, pending] { worker->start(pending); }, Qt::QueuedConnection);
    return future;
}

ApiResponse HttpClient::callSync(const QString &operation, const QJsonObject &request)
{
    if (QThread::currentThread() == &m_thread) {
        ApiResponse response;
        response.error = ApiError(QStringLiteral("NetworkError"),
                                  QStringLiteral("HttpClient::callSync() was called on the client's network thread"));
        return response;
    }
    return call(operation, request).result();
}

} // namespace dd::client
