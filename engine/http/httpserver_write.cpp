// HttpServer's answers: running the handler on a parsed request, writing
// the response head (and a small body) into one buffer, error answers, and
// sending the queued output with sendmsg().
#include "http/httpserver_p.h"

#include <sys/socket.h>
#include <sys/uio.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <utility>

namespace dd::http::detail {

namespace {

const char *reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Request Entity Too Large";
    case 414: return "URI Too Long";
    case 417: return "Expectation Failed";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return status < 300 ? "OK" : status < 500 ? "Bad Request" : "Internal Server Error";
    }
}

} // namespace

void Worker::dispatch(Connection *c)
{
    c->requestStarted = loopTime; // of the next request, should its bytes be buffered already
    HttpResponse response;
    try {
        response = server->handler(c->request);
    } catch (...) {
        response = HttpResponse{500, {}, {}};
    }
    if (!c->keepAlive) c->closeAfterWrite = true;
    if (turnActive) {
        c->answeredThisTurn = true;
        if (!c->held) {
            c->held = true;
            c->heldOutIndex = c->out.size();
            c->heldOutBytes = c->outBytes;
            held.push_back(c);
        }
    }
    queueResponse(c, response);
    // Keep a small body buffer for the next request, unless the handler kept the body.
    QByteArray &body = c->request.body;
    if (!body.isDetached() || body.capacity() > kKeptBodyBytes)
        body = QByteArray();
    else
        body.resize(0);
}

void Worker::queueResponse(Connection *c, const HttpResponse &r)
{
    for (const auto &h : r.headers) {
        if (equalsNoCase(h.first, "connection") && equalsNoCase(trimmed(h.second), "close"))
            c->closeAfterWrite = true;
    }
    const bool noBody = r.status == 204 || r.status == 304 || (r.status >= 100 && r.status < 200);
    const bool inlineBody = !noBody && !c->isHead && size_t(r.body.size()) <= kInlineBodyBytes;

    // The head (and a small body) in one buffer, written in place: sizes
    // first, then the bytes. The buffer of an answer already sent is reused.
    const auto skipped = [](const QByteArray &name) {
        return equalsNoCase(name, "content-length") || equalsNoCase(name, "connection")
            || equalsNoCase(name, "transfer-encoding");
    };
    static constexpr QByteArrayView ok = "HTTP/1.1 200 OK\r\n";
    static constexpr QByteArrayView contentLength = "Content-Length: ";
    static constexpr QByteArrayView keepAlive = "Connection: keep-alive\r\n\r\n";
    static constexpr QByteArrayView closing = "Connection: close\r\n\r\n";
    char status[24], length[24];
    const QByteArrayView statusText(status, std::to_chars(status, status + sizeof status, r.status).ptr - status);
    const QByteArrayView lengthText(length, std::to_chars(length, length + sizeof length, r.body.size()).ptr - length);
    const QByteArrayView reason(reasonPhrase(r.status));
    qsizetype total = r.status == 200 ? ok.size() : 9 + statusText.size() + 1 + reason.size() + 2;
    for (const auto &h : r.headers) {
        if (!skipped(h.first))
            total += h.first.size() + 2 + h.second.size() + 2;
    }
    if (!noBody)
        total += contentLength.size() + lengthText.size() + 2;
    total += c->closeAfterWrite ? closing.size() : keepAlive.size();
    if (inlineBody)
        total += r.body.size();

    QByteArray head = std::exchange(c->spare, QByteArray());
    head.resize(total);
    char *out = head.data();
    const auto put = [&out](QByteArrayView v) {
        if (v.isEmpty())
            return; // an empty header value or body may have no data at all: memcpy from null is undefined
        std::memcpy(out, v.data(), size_t(v.size()));
        out += v.size();
    };
    const auto crlf = [&out] {
        std::memcpy(out, "\r\n", 2);
        out += 2;
    };
    if (r.status == 200) {
        put(ok);
    } else {
        put("HTTP/1.1 ");
        put(statusText);
        *out++ = ' ';
        put(reason);
        crlf();
    }
    for (const auto &h : r.headers) {
        if (skipped(h.first))
            continue;
        put(h.first);
        std::memcpy(out, ": ", 2);
        out += 2;
        put(h.second);
        crlf();
    }
    if (!noBody) {
        put(contentLength);
        put(lengthText);
        crlf();
    }
    put(c->closeAfterWrite ? closing : keepAlive);
    if (inlineBody)
        put(r.body);
    Q_ASSERT(out == head.constData() + total);
    c->outBytes += size_t(head.size());
    c->out.push_back(std::move(head));
    if (!noBody && !c->isHead && !inlineBody) {
        c->outBytes += size_t(r.body.size());
        c->out.push_back(r.body);
    }
}

void Worker::fail(Connection *c, int status)
{
    HttpResponse r;
    bool answered = false;
    if (status == 413 && server->options.tooLarge) {
        try {
            r = server->options.tooLarge(c->request);
            answered = true;
        } catch (...) {
            r = HttpResponse();
        }
    }
    if (!answered) {
        r.status = status;
        r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")});
        r.body = QByteArray(reasonPhrase(status)) + '\n';
    }
    c->closeAfterWrite = true;
    c->lingerOnClose = true;
    c->isHead = false;
    queueResponse(c, r);
}

// Writes queued output. True when all of it is sent; false when the
// connection was closed or must wait for EPOLLOUT.
bool Worker::flush(Connection *c)
{
    while (c->outBytes > 0) {
        iovec iov[kMaxIov];
        int n = 0;
        for (size_t i = 0; i < c->out.size() && n < kMaxIov; ++i, ++n) {
            const size_t skip = i == 0 ? c->outOffset : 0;
            iov[n].iov_base = const_cast<char *>(c->out[i].constData()) + skip;
            iov[n].iov_len = size_t(c->out[i].size()) - skip;
        }
        msghdr msg{};
        msg.msg_iov = iov;
        msg.msg_iovlen = size_t(n);
        const ssize_t w = sendmsg(c->fd, &msg, MSG_NOSIGNAL);
        if (w > 0)
            c->lastProgress = loopTime;
        if (w < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                setInterest(c, EPOLLOUT);
                return false;
            }
            close(c);
            return false;
        }
        size_t left = size_t(w);
        c->outBytes -= left;
        size_t drop = 0;
        while (left > 0) {
            const size_t rest = size_t(c->out[drop].size()) - c->outOffset;
            if (left >= rest) {
                left -= rest;
                c->outOffset = 0;
                ++drop;
            } else {
                c->outOffset += left;
                left = 0;
            }
        }
        for (size_t i = 0; i < drop && c->spare.isNull(); ++i) {
            if (c->out[i].isDetached() && c->out[i].capacity() <= kKeptOutBytes)
                c->spare = std::move(c->out[i]);
        }
        c->out.erase(c->out.begin(), c->out.begin() + qsizetype(drop));
    }
    c->out.clear();
    c->outOffset = 0;
    setInterest(c, EPOLLIN);
    return true;
}

} // namespace dd::http::detail
