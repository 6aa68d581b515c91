// HttpServer: a small HTTP/1.1 server for the local endpoint. Keep-alive,
// Content-Length and chunked bodies, a request size limit. Requests are
// served on a pool of worker threads (one epoll loop per thread sharing one
// listening socket); the handler runs on those threads, concurrently.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QVarLengthArray>
#include <QString>

#include <functional>
#include <optional>
#include <memory>

namespace dd::http {

// One request, as the handler sees it. The header views point into `head`:
// they are valid while the request is, and a copy of the request must not
// outlive the original (the server reuses both for the connection's next
// request).
struct HttpRequest {
    QByteArray method;                              // "POST"
    QByteArray target;                              // "/", with any query string
    QByteArray head;                                // the header lines as received, names lower-cased
    QVarLengthArray<QPair<QByteArrayView, QByteArrayView>, 16> headers; // into head: names lower-cased, in arrival order
    QByteArray body;
    QByteArray peer;                                // the client's IP address ("127.0.0.1", "::1")
    QByteArrayView header(QByteArrayView lowerName) const; // first value, or empty
};

struct HttpResponse {
    int status = 200;
    QVarLengthArray<QPair<QByteArray, QByteArray>, 6> headers; // Content-Length is added by the server
    QByteArray body;
};

using HttpHandler = std::function<HttpResponse(const HttpRequest &)>;

// Hooks around each turn of a worker's event loop (the requests that one
// epoll_wait made ready), run on that worker's thread: begin() before the
// turn's first request, end() after its last. Responses produced in a turn
// are held until end() returns, and a response that end() returns replaces
// all of them (the endpoint uses this for group commit: a turn's writes
// share one commit, and none is acknowledged before it). A connection
// answers at most one request per turn, so its requests stay in order.
struct TurnHooks {
    std::function<void()> begin;
    std::function<std::optional<HttpResponse>()> end;
};

struct HttpServerOptions {
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 8000;                 // 0 picks a free port
    int threads = 0;                     // 0: one per core
    qint64 maxBodyBytes = 16 * 1024 * 1024; // larger bodies get 413 and the connection closes
    // Builds the 413 answer to a request whose body is over maxBodyBytes,
    // from its method, target and headers (its body, unread or partly read,
    // is to be ignored); the connection closes after it. Runs on a worker
    // thread, concurrently. Unset, or if it throws: a text/plain 413.
    std::function<HttpResponse(const HttpRequest &head)> tooLarge;
    // A kept-alive connection with no request for this long is closed (as
    // nginx's keepalive_timeout; SDKs open a new one for their next call).
    int idleTimeoutMs = 120'000;
    // A request whose head and body have not all arrived this long after its
    // first byte gets 408 and the connection closes: a client that stalls
    // or trickles cannot hold a connection (and a file descriptor) forever.
    int requestTimeoutMs = 60'000;
};

class HttpServer {
public:
    explicit HttpServer(HttpHandler handler, TurnHooks hooks = {});
    ~HttpServer(); // stops and joins the workers

    // Binds and starts the workers. On failure returns false and sets *error
    // to one line ("Address already in use: 127.0.0.1:8000").
    bool start(const HttpServerOptions &options, QString *error);
    void stop();           // closes the socket and all connections; idempotent
    quint16 port() const;  // the bound port, after start()

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace dd::http
