// DaxConnection: one client connection to a DAX node, served on its own
// thread with blocking reads (the clients keep a few pooled connections,
// one request at a time on each, and open a short one every few seconds
// for discovery).
//  - First the preamble: five CBOR items, the magic text "J7yne5G", a 0,
//    a session id of any type, a header map and a 0. Nothing is answered.
//  - Then requests: the service id 1, a method id and that method's
//    arguments (daxmethods.h), each a bare top-level item; one response per
//    request, except authorizeConnection, which is never answered.
//  - authorizeConnection: without users to check it against (no --auth),
//    any key is accepted, as the HTTP endpoint accepts any signature; its
//    access key id is kept for the requests that follow. With users, the
//    signature is checked (connectionauth.h) and the requests that follow
//    run as the user, or are answered with the check's error, or with
//    AuthenticationRequired before any authorizeConnection (endpoints
//    excepted: it only says where this node is).
//  - endpoints answers this node alone: the local address of the
//    connection (what the client dialled) and the listening port, role
//    leader. It never waits on the engine, so health checks (1 s deadline)
//    pass however busy the engine is.
//  - Malformed CBOR, another service id or an unknown method leaves no way
//    to find where the next request starts: the connection closes (an
//    unknown method is answered NotImplemented first).
// Threads: run() on the connection's thread.
#pragma once

#include "daxwire/cbor.h"
#include "daxwire/requesthandler.h"

#include <optional>

namespace dd::daxwire {

class DaxConnection {
public:
    // What endpoints says about this node.
    struct Node {
        quint16 port = 0;        // the listening port
        QString hostname;        // the host the server was told to bind
        QString zone;            // the cluster's first node's availability zone
        qint64 sessionId = 0;    // the listener's start, stable while it runs
    };
    // A request's most bytes: DynamoDB's largest requests are 16 MB of JSON,
    // which CBOR makes smaller; a longer one closes the connection.
    static constexpr qint64 kMaxRequestBytes = 20LL * 1024 * 1024;

    // `fd` is a connected socket; it stays open after run() (its owner
    // closes it, so that it can shut it down safely meanwhile).
    DaxConnection(int fd, RequestHandler::Shared shared, api::RequestContext context, Node node);

    // Serves requests until the client closes, the stream cannot be read,
    // or the socket is shut down.
    void run();

    // The endpoints answer for a connection whose local address is `local`
    // (4 or 16 bytes): 0x80 and one node descriptor.
    static QByteArray endpointsResponse(const Node &node, const QByteArray &local);

private:
    bool fill();
    std::optional<CborValue> readItem();
    bool writeAll(const QByteArray &bytes);
    QByteArray localAddress() const;
    void authorize(const std::vector<CborValue> &args);

    const security::Credentials *m_credentials; // null: any key is accepted
    bool m_authorized = false;
    std::optional<ApiError> m_authError; // why the last authorizeConnection failed
    int m_fd;
    RequestHandler m_handler;
    Node m_node;
    QByteArray m_buffer;       // received, from the current request's start
    qsizetype m_itemStart = 0; // where the next item starts in m_buffer
    CborScanner m_scanner;
};

} // namespace dd::daxwire
