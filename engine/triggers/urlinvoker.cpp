#include "triggers/urlinvoker.h"

#include <QElapsedTimer>
#include <QUrl>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace dd::triggers {

namespace {

constexpr int kSliceMs = 50;               // how often the cancel flag is checked
constexpr qsizetype kMaxAnswerBytes = 65536; // more of an answer is not read

// Closes the socket when it goes out of scope.
struct Socket {
    int fd = -1;
    ~Socket()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

// Waits for `events` on fd within the deadline, in slices so that cancel is
// seen. Returns an empty string when ready, else what went wrong.
QString waitFor(int fd, short events, const QElapsedTimer &clock, int timeoutMs, const std::atomic<bool> &cancel, Invocation &out)
{
    for (;;) {
        if (cancel.load()) {
            out.cancelled = true;
            return QStringLiteral("Cancelled");
        }
        const qint64 left = timeoutMs - clock.elapsed();
        if (left <= 0) {
            out.timedOut = true;
            return QStringLiteral("Timed out after %1 s").arg(timeoutMs / 1000.0);
        }
        pollfd p{fd, events, 0};
        const int n = ::poll(&p, 1, int(std::min<qint64>(left, kSliceMs)));
        if (n > 0)
            return QString();
        if (n < 0 && errno != EINTR)
            return QString::fromLocal8Bit(std::strerror(errno));
    }
}

} // namespace

UrlInvoker::UrlInvoker(QString url) : m_url(std::move(url)) {}

Invocation UrlInvoker::invoke(const QByteArray &event, int timeoutMs, const std::atomic<bool> &cancel)
{
    Invocation out;
    QElapsedTimer clock;
    clock.start();
    const auto finish = [&](const QString &error) {
        out.error = error;
        out.durationMs = clock.elapsed();
        return out;
    };
    const QUrl url(m_url);
    const QByteArray host = url.host().toUtf8();
    const QByteArray port = QByteArray::number(url.port(80));
    QByteArray path = url.path(QUrl::FullyEncoded).toUtf8();
    if (path.isEmpty())
        path = "/";
    if (url.hasQuery())
        path += '?' + url.query(QUrl::FullyEncoded).toUtf8();

    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    if (const int rc = ::getaddrinfo(host.constData(), port.constData(), &hints, &found); rc != 0)
        return finish(QStringLiteral("Cannot resolve %1: %2").arg(QString::fromUtf8(host), QString::fromLocal8Bit(gai_strerror(rc))));
    Socket s;
    QString error = QStringLiteral("Cannot connect to %1").arg(m_url);
    for (addrinfo *a = found; a; a = a->ai_next) {
        Socket attempt;
        attempt.fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (attempt.fd < 0)
            continue;
        if (::connect(attempt.fd, a->ai_addr, a->ai_addrlen) != 0 && errno != EINPROGRESS)
            continue;
        if (QString e = waitFor(attempt.fd, POLLOUT, clock, timeoutMs, cancel, out); !e.isEmpty()) {
            error = e;
            if (out.timedOut || out.cancelled)
                break;
            continue;
        }
        int soError = 0;
        socklen_t len = sizeof soError;
        ::getsockopt(attempt.fd, SOL_SOCKET, SO_ERROR, &soError, &len);
        if (soError != 0) {
            error = QStringLiteral("Cannot connect to %1: %2").arg(m_url, QString::fromLocal8Bit(std::strerror(soError)));
            continue;
        }
        std::swap(s.fd, attempt.fd);
        break;
    }
    ::freeaddrinfo(found);
    if (s.fd < 0)
        return finish(error);

    QByteArray request = "POST " + path + " HTTP/1.1\r\nHost: " + host + ':' + port
                         + "\r\nContent-Type: application/json\r\nUser-Agent: dynamodesk-trigger\r\nConnection: close\r\n"
                           "Content-Length: " + QByteArray::number(event.size()) + "\r\n\r\n" + event;
    qsizetype sent = 0;
    while (sent < request.size()) {
        const ssize_t n = ::send(s.fd, request.constData() + sent, size_t(request.size() - sent), MSG_NOSIGNAL);
        if (n > 0) {
            sent += n;
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            return finish(QStringLiteral("Cannot send to %1: %2").arg(m_url, QString::fromLocal8Bit(std::strerror(errno))));
        if (QString e = waitFor(s.fd, POLLOUT, clock, timeoutMs, cancel, out); !e.isEmpty())
            return finish(e);
    }

    // Reads until the server closes, or until the body its Content-Length announces is in.
    QByteArray answer;
    qsizetype headerEnd = -1;
    qsizetype contentLength = -1;
    for (;;) {
        char buf[8192];
        const ssize_t n = ::recv(s.fd, buf, sizeof buf, 0);
        if (n > 0) {
            if (answer.size() < kMaxAnswerBytes)
                answer.append(buf, n);
            if (headerEnd < 0 && (headerEnd = answer.indexOf("\r\n\r\n")) >= 0) {
                for (const QByteArray &line : answer.left(headerEnd).split('\n'))
                    if (line.trimmed().toLower().startsWith("content-length:"))
                        contentLength = line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
            }
            if (headerEnd >= 0 && contentLength >= 0 && answer.size() >= headerEnd + 4 + contentLength)
                break;
            continue;
        }
        if (n == 0)
            break;
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            break;
        if (QString e = waitFor(s.fd, POLLIN, clock, timeoutMs, cancel, out); !e.isEmpty())
            return finish(e);
    }
    out.durationMs = clock.elapsed();
    // "HTTP/1.1 200 OK"
    const QList<QByteArray> status = answer.left(answer.indexOf('\r')).split(' ');
    if (status.size() < 2 || !status[0].startsWith("HTTP/"))
        return finish(QStringLiteral("No HTTP answer from %1").arg(m_url));
    out.statusCode = status[1].toInt();
    if (headerEnd >= 0)
        out.stderrTail = answer.mid(headerEnd + 4).right(2048);
    out.ok = out.statusCode >= 200 && out.statusCode < 300;
    if (!out.ok)
        out.error = QStringLiteral("HTTP status %1").arg(out.statusCode);
    return out;
}

} // namespace dd::triggers
