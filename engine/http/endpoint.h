// Endpoint: the DynamoDB JSON 1.0 protocol (and the DynamoDB Streams one)
// over HttpServer. It maps HTTP requests to api::Engine::call() and
// ApiErrors to DynamoDB's status codes and error bodies; it holds no
// DynamoDB logic of its own. The behaviour at the edges (content types,
// target parsing, the unsigned-request errors, GET / health, CORS) copies
// DynamoDB as observed by dynalite and DynamoDB Local.
#pragma once

#include "http/httpserver.h"

#include <QStringList>

#include <functional>
#include <optional>
#include <memory>

namespace dd::api {
class Engine;
}
namespace dd::security {
class Credentials;
}

namespace dd::http {

struct EndpointOptions {
    HttpServerOptions http;  // address, port, worker threads, body limit; the Endpoint sets its tooLarge
    QStringList corsOrigins; // allowed browser origins ("*" for any); empty disables CORS
    // Called for each request that may have changed data or tables (PutItem,
    // BatchWriteItem, CreateTable, ...) and succeeded, after its commit, with
    // the operation and the request body. Runs on a server thread: it must
    // be thread-safe and quick (the desktop app posts it to its GUI thread).
    std::function<void(const QString &operation, const QByteArray &body)> onWrite;
    // Whether Dynamodesk.CreateTrigger/UpdateTrigger may set a Command (a
    // shell command run as this process) through this endpoint. Unset: only
    // when the endpoint listens on a loopback address (isLoopbackHost).
    std::optional<bool> allowCommandTriggers;
    // If set, every request's SigV4 signature is checked against these users
    // (security/credentials.h: AWS's errors for an unknown key or a wrong
    // signature), and the signer's policy authorizes each call. Unset: any
    // signature is accepted, as DynamoDB Local does.
    std::shared_ptr<const security::Credentials> credentials;
};

// True for addresses only this machine can reach: 127.0.0.0/8, ::1, localhost.
bool isLoopbackHost(const QString &host);

// Serves one Engine over HTTP. The engine is called from the server's worker
// threads, several at once (Engine::call is thread-safe). start() and stop()
// belong to the thread that owns the Endpoint.
class Endpoint {
public:
    Endpoint(api::Engine &engine, EndpointOptions options); // engine is not owned and must outlive this
    ~Endpoint();                                            // stops

    // Binds and starts serving. On failure returns false and sets *error to
    // one line ("Address already in use: 127.0.0.1:8000").
    bool start(QString *error);
    void stop();          // closes all connections and joins the workers; idempotent
    quint16 port() const; // the bound port, after start()

    // Answers one request; what the server's handler runs. Public for tests
    // that need no sockets.
    HttpResponse handle(const HttpRequest &request) const;

private:
    api::Engine &m_engine;
    EndpointOptions m_options;
    bool m_commandTriggersAllowed; // allowCommandTriggers, resolved against the host
    std::unique_ptr<HttpServer> m_server;
};

} // namespace dd::http
