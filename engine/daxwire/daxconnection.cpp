#include "daxwire/daxconnection.h"

#include "daxwire/connectionauth.h"
#include "daxwire/daxerror.h"
#include "daxwire/daxmethods.h"

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>

namespace dd::daxwire {

namespace {
const QByteArray kMagic = QByteArrayLiteral("J7yne5G"); // Tube.js
constexpr int kPreambleItems = 5;
} // namespace

DaxConnection::DaxConnection(int fd, RequestHandler::Shared shared, api::RequestContext context, Node node)
    : m_credentials(shared.credentials), m_fd(fd), m_handler(shared, std::move(context)), m_node(std::move(node))
{
}

void DaxConnection::authorize(const std::vector<CborValue> &args)
{
    if (args[0].type == CborValue::Text)
        m_handler.setAccessKeyId(args[0].text());
    if (!m_credentials)
        return;
    const auto user = verifyAuthorization(*m_credentials, args, QDateTime::currentDateTimeUtc());
    m_authorized = user.ok();
    m_authError = user.ok() ? std::nullopt : std::optional<ApiError>(user.error());
    m_handler.setPrincipal(user.ok() ? *user : nullptr);
}

bool DaxConnection::fill()
{
    if (m_buffer.size() > kMaxRequestBytes) // m_buffer starts at the current request
        return false;
    char chunk[65536];
    for (;;) {
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (n > 0) {
            m_buffer.append(chunk, qsizetype(n));
            return true;
        }
        if (n < 0 && errno == EINTR)
            continue;
        return false; // closed, shut down or failed
    }
}

std::optional<CborValue> DaxConnection::readItem()
{
    for (;;) {
        switch (m_scanner.scan(m_buffer, kMaxRequestBytes)) {
        case CborScanner::Status::Complete: {
            qsizetype pos = m_itemStart;
            std::optional<CborValue> v = decodeCbor(m_buffer, &pos);
            if (!v || pos != m_scanner.position())
                return std::nullopt;
            m_itemStart = pos;
            m_scanner.reset(pos);
            return v;
        }
        case CborScanner::Status::Invalid:
            return std::nullopt;
        case CborScanner::Status::NeedMore:
            if (!fill())
                return std::nullopt;
            break;
        }
    }
}

bool DaxConnection::writeAll(const QByteArray &bytes)
{
    qsizetype sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(m_fd, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        sent += n;
    }
    return true;
}

QByteArray DaxConnection::localAddress() const
{
    sockaddr_storage local{};
    socklen_t length = sizeof local;
    if (::getsockname(m_fd, reinterpret_cast<sockaddr *>(&local), &length) != 0)
        return QByteArray(4, 0);
    if (local.ss_family == AF_INET6) {
        const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(&local);
        const QByteArray a(reinterpret_cast<const char *>(&in6->sin6_addr), 16);
        // An IPv4 client of a dual-stack socket (::ffff:a.b.c.d): its IPv4 address.
        if (IN6_IS_ADDR_V4MAPPED(&in6->sin6_addr))
            return a.right(4);
        return a;
    }
    const auto *in4 = reinterpret_cast<const sockaddr_in *>(&local);
    return QByteArray(reinterpret_cast<const char *>(&in4->sin_addr), 4);
}

QByteArray DaxConnection::endpointsResponse(const Node &node, const QByteArray &local)
{
    QByteArray out;
    CborWriter w(&out);
    w.arrayHeader(0); // no error
    w.arrayHeader(1);
    // A map with integer keys (CustomAssemblers.js reads ep[0..6]; the Go client needs a map).
    w.mapHeader(7);
    w.uint(0); // node id
    w.uint(1);
    w.uint(1); // hostname
    w.text(node.hostname);
    w.uint(2); // address: the one the client dials
    w.bytes(local);
    w.uint(3); // port
    w.uint(node.port);
    w.uint(4); // role: 1 leader (2 replica)
    w.uint(1);
    w.uint(5); // availability zone
    w.text(node.zone);
    w.uint(6); // leader session id: the same on every call, or the client reconnects
    w.integer(node.sessionId);
    return out;
}

void DaxConnection::run()
{
    for (int i = 0; i < kPreambleItems; ++i) {
        const std::optional<CborValue> item = readItem();
        if (!item || (i == 0 && (item->type != CborValue::Text || item->bytes != kMagic)))
            return;
    }
    std::vector<CborValue> args;
    for (;;) {
        // Bytes of earlier requests are done with.
        m_buffer.remove(0, m_itemStart);
        m_itemStart = 0;
        m_scanner.reset(0);

        const std::optional<CborValue> service = readItem();
        if (!service)
            return;
        const std::optional<CborValue> id = readItem();
        if (!id || service->toInt64() != method::kService)
            return;
        const qint64 m = id->toInt64().value_or(0);
        const int arity = method::arity(m);
        if (arity < 0) {
            QByteArray out;
            CborWriter w(&out);
            w.arrayHeader(kNotImplemented.size());
            for (int c : kNotImplemented)
                w.uint(quint64(c));
            w.text(QStringLiteral("Method %1 is not implemented by Dynamodesk's DAX node").arg(m));
            w.arrayHeader(3);
            w.null();
            w.text(QStringLiteral("NotImplementedException"));
            w.uint(400);
            writeAll(out);
            return;
        }
        args.clear();
        for (int i = 0; i < arity; ++i) {
            std::optional<CborValue> arg = readItem();
            if (!arg)
                return;
            args.push_back(std::move(*arg));
        }
        if (m == method::AuthorizeConnection) {
            // (accessKeyId, signature, stringToSign, sessionToken, userAgent): never answered.
            authorize(args);
            continue;
        }
        QByteArray out;
        // endpoints tells only where this node is, which the caller knows:
        // answered to anyone, so that a client with a wrong secret finds the
        // node and reads why its calls fail, instead of finding no route.
        if (m_credentials && !m_authorized && m != method::Endpoints) {
            CborWriter w(&out);
            writeError(w, m_authError ? *m_authError
                                      : ApiError(QStringLiteral("AuthenticationRequiredException"),
                                                 QStringLiteral("The connection has not authorized (authorizeConnection)")));
        } else if (m == method::Endpoints)
            out = endpointsResponse(m_node, localAddress());
        else
            m_handler.handle(m, args, &out);
        if (!writeAll(out))
            return;
    }
}

} // namespace dd::daxwire
