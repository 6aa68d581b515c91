// Tests of HttpServer over real sockets: keep-alive, requests in pieces,
// pipelining, chunked bodies, 100-continue, size limits, malformed input,
// concurrency, a taken port and stopping with connections open. The client
// side is plain POSIX sockets so that each test controls the exact bytes.
#include "http/httpserver.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace dd::http;

namespace {

struct Response {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray body;
    QByteArray header(const char *name) const
    {
        for (const auto &h : headers) {
            if (h.first == name) return h.second;
        }
        return {};
    }
};

// A blocking client connection with timeouts.
class Client {
public:
    explicit Client(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&a), sizeof a) < 0) {
            ::close(m_fd);
            m_fd = -1;
        }
        const int one = 1;
        if (m_fd >= 0) setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
    ~Client()
    {
        if (m_fd >= 0) ::close(m_fd);
    }
    bool ok() const { return m_fd >= 0; }

    bool send(const QByteArray &bytes)
    {
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::send(m_fd, bytes.constData() + done, size_t(bytes.size() - done), MSG_NOSIGNAL);
            if (n <= 0) return false;
            done += n;
        }
        return true;
    }

    bool sendByteByByte(const QByteArray &bytes)
    {
        for (char c : bytes) {
            if (::send(m_fd, &c, 1, MSG_NOSIGNAL) != 1) return false;
        }
        return true;
    }

    // Reads bytes until `n` are buffered; false on EOF or timeout.
    bool fill(qsizetype n, int timeoutMs = 5000)
    {
        QElapsedTimer t;
        t.start();
        while (m_buf.size() < n) {
            if (!readSome(int(timeoutMs - t.elapsed()))) return false;
        }
        return true;
    }

    // Reads one response (Content-Length framed). status 0 when none came.
    Response read(int timeoutMs = 5000)
    {
        Response r;
        QElapsedTimer t;
        t.start();
        qsizetype headEnd;
        while ((headEnd = m_buf.indexOf("\r\n\r\n")) < 0) {
            if (!readSome(int(timeoutMs - t.elapsed()))) return r;
        }
        const QList<QByteArray> lines = m_buf.left(headEnd).split('\n');
        const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
        if (statusLine.size() < 2 || !statusLine[0].startsWith("HTTP/1.")) return r;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0) r.headers.append({line.left(colon).toLower(), line.mid(colon + 1).trimmed()});
        }
        m_buf.remove(0, headEnd + 4);
        const int status = statusLine[1].toInt();
        const qsizetype length = r.header("content-length").toLongLong();
        if (!fill(length, int(timeoutMs - t.elapsed()))) return r;
        r.body = m_buf.left(length);
        m_buf.remove(0, length);
        r.status = status;
        return r;
    }

    // True when the server closed the connection (EOF or reset) within the timeout.
    bool closedByPeer(int timeoutMs = 3000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, int(timeoutMs - t.elapsed())) <= 0) return false;
            char buf[4096];
            const ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
            if (n <= 0) return true;
            m_buf.append(buf, n);
        }
        return false;
    }

    QByteArray &buffered() { return m_buf; }
    int fd() const { return m_fd; }

private:
    bool readSome(int timeoutMs)
    {
        if (timeoutMs <= 0) return false;
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, timeoutMs) <= 0) return false;
        char buf[65536];
        const ssize_t n = ::recv(m_fd, buf, sizeof buf, 0);
        if (n <= 0) return false;
        m_buf.append(buf, n);
        return true;
    }

    int m_fd = -1;
    QByteArray m_buf;
};

QByteArray post(const QByteArray &target, const QByteArray &body, const QByteArray &extraHeaders = {})
{
    return "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.0\r\n"
        + extraHeaders + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

// Echoes the request: body back, method/target/header count as headers.
HttpResponse echo(const HttpRequest &req)
{
    HttpResponse r;
    if (req.target == "/big") {
        r.body = QByteArray(4 * 1024 * 1024, 'x');
        return r;
    }
    if (req.target.startsWith("/status/")) r.status = req.target.mid(8).toInt();
    r.headers.append({"X-Method", req.method});
    r.headers.append({"X-Target", req.target});
    r.headers.append({"X-Header-Count", QByteArray::number(req.headers.size())});
    r.headers.append({"X-Trace", req.header("x-trace").toByteArray()});
    r.body = req.body;
    return r;
}

} // namespace

class TestHttpServer : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_server = std::make_unique<HttpServer>(echo);
        HttpServerOptions o;
        o.port = 0;
        o.threads = 2;
        o.maxBodyBytes = 64 * 1024;
        QString error;
        QVERIFY2(m_server->start(o, &error), qPrintable(error));
        QVERIFY(m_server->port() != 0);
    }
    void cleanup() { m_server.reset(); }

    void keepAliveServesManyRequests()
    {
        Client c(m_server->port());
        QVERIFY(c.ok());
        for (int i = 0; i < 20; ++i) {
            const QByteArray body = "{\"n\":" + QByteArray::number(i) + "}";
            QVERIFY(c.send(post("/", body, "X-Trace: t" + QByteArray::number(i) + "\r\n")));
            const Response r = c.read();
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, body);
            QCOMPARE(r.header("x-trace"), "t" + QByteArray::number(i));
            QCOMPARE(r.header("x-method"), QByteArray("POST"));
            QCOMPARE(r.header("content-length"), QByteArray::number(body.size()));
            QCOMPARE(r.header("connection"), QByteArray("keep-alive"));
        }
    }

    void headersReachHandlerLowerCased()
    {
        Client c(m_server->port());
        QVERIFY(c.send("GET /x?y=1 HTTP/1.1\r\nHost: a\r\nX-TRACE:   spaced value  \r\n\r\n"));
        const Response r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-trace"), QByteArray("spaced value"));
        QCOMPARE(r.header("x-target"), QByteArray("/x?y=1"));
        QCOMPARE(r.header("x-method"), QByteArray("GET"));
        QCOMPARE(r.header("x-header-count"), QByteArray("2"));
        QCOMPARE(r.body, QByteArray());
    }

    void tokenCharactersInNames()
    {
        // Any RFC 9110 token character may appear in a name; names of every
        // length reach the handler lower-cased.
        Client c(m_server->port());
        QVERIFY(c.send("GET / HTTP/1.1\r\nHost: a\r\nX_Odd.Name~!: 1\r\nX-A-Very-Long-Header-Name-Indeed: 2\r\nX-TRACE: t\r\n\r\n"));
        const Response r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-trace"), QByteArray("t"));
        QCOMPARE(r.header("x-header-count"), QByteArray("4"));
    }

    void requestInOneByteWrites()
    {
        Client c(m_server->port());
        const QByteArray body(3000, 'b');
        QVERIFY(c.sendByteByByte(post("/", body)));
        Response r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, body);
        // And a second one on the same connection, also in pieces.
        QVERIFY(c.sendByteByByte(post("/again", "{}")));
        r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-target"), QByteArray("/again"));
    }

    void pipelinedRequestsAnswerInOrder()
    {
        Client c(m_server->port());
        QByteArray all;
        for (int i = 0; i < 50; ++i)
            all += post("/" + QByteArray::number(i), "body" + QByteArray::number(i));
        QVERIFY(c.send(all));
        for (int i = 0; i < 50; ++i) {
            const Response r = c.read();
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("x-target"), "/" + QByteArray::number(i));
            QCOMPARE(r.body, "body" + QByteArray::number(i));
        }
    }

    void bareLineFeedsAndLeadingBlankLines()
    {
        Client c(m_server->port());
        QVERIFY(c.send("\r\n\nPOST / HTTP/1.1\nContent-Length: 2\n\nok"));
        const Response r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("ok"));
    }

    void chunkedBody_data()
    {
        QTest::addColumn<bool>("byteByByte");
        QTest::newRow("one write") << false;
        QTest::newRow("byte by byte") << true;
    }
    void chunkedBody()
    {
        QFETCH(bool, byteByByte);
        Client c(m_server->port());
        const QByteArray request = "POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                                   "5\r\nhello\r\n"
                                   "6;ext=1\r\n world\r\n"
                                   "A\r\n0123456789\r\n"
                                   "0\r\nX-Trailer: yes\r\n\r\n";
        QVERIFY(byteByByte ? c.sendByteByByte(request + post("/after", "z")) : c.send(request + post("/after", "z")));
        Response r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("hello world0123456789"));
        r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-target"), QByteArray("/after"));
        QCOMPARE(r.body, QByteArray("z"));
    }

    void expectContinue()
    {
        Client c(m_server->port());
        const QByteArray body = "{\"TableName\":\"t\"}";
        QVERIFY(c.send("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: "
                       + QByteArray::number(body.size()) + "\r\n\r\n"));
        const QByteArray cont = "HTTP/1.1 100 Continue\r\n\r\n";
        QVERIFY(c.fill(cont.size()));
        QCOMPARE(c.buffered().left(cont.size()), cont);
        c.buffered().remove(0, cont.size());
        QVERIFY(c.send(body));
        const Response r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, body);
    }

    void expectContinueRefusedWhenTooLarge()
    {
        Client c(m_server->port());
        QVERIFY(c.send("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 1000000\r\n\r\n"));
        const Response r = c.read();
        QCOMPARE(r.status, 413);
        QVERIFY(c.closedByPeer());
    }

    void oversizedBody_data()
    {
        QTest::addColumn<bool>("chunked");
        QTest::newRow("content-length") << false;
        QTest::newRow("chunked") << true;
    }
    void oversizedBody()
    {
        QFETCH(bool, chunked);
        Client c(m_server->port());
        const QByteArray body(100 * 1024, 'x');
        QByteArray request;
        if (chunked) {
            request = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
            for (int i = 0; i < 10; ++i) request += "2800\r\n" + body.left(0x2800) + "\r\n";
            request += "0\r\n\r\n";
        } else {
            request = post("/", body);
        }
        std::thread writer([&] { c.send(request); });
        const Response r = c.read();
        writer.join();
        QCOMPARE(r.status, 413);
        QCOMPARE(r.header("connection"), QByteArray("close"));
        QVERIFY(c.closedByPeer());
    }

    // HttpServerOptions::tooLarge writes the 413 from the request's head;
    // the handler never sees the request, and the connection still closes.
    void oversizedBodyAnswerFromHook_data() { oversizedBody_data(); }
    void oversizedBodyAnswerFromHook()
    {
        QFETCH(bool, chunked);
        std::atomic<int> handled{0};
        HttpServer server([&handled](const HttpRequest &req) {
            ++handled;
            return echo(req);
        });
        HttpServerOptions o;
        o.port = 0;
        o.threads = 1;
        o.maxBodyBytes = 1024;
        o.tooLarge = [](const HttpRequest &head) {
            HttpResponse r;
            r.status = 413;
            r.headers.append({"Content-Type", "application/x-test"});
            r.body = "too large: " + head.target + ' ' + head.header("x-trace").toByteArray();
            return r;
        };
        QString error;
        QVERIFY2(server.start(o, &error), qPrintable(error));
        Client c(server.port());
        const QByteArray body(4096, 'x');
        const QByteArray request = chunked
            ? "POST /t HTTP/1.1\r\nHost: a\r\nX-Trace: abc\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n" + body + "\r\n0\r\n\r\n"
            : post("/t", body, "X-Trace: abc\r\n");
        std::thread writer([&] { c.send(request); });
        const Response r = c.read();
        writer.join();
        QCOMPARE(r.status, 413);
        QCOMPARE(r.header("content-type"), QByteArray("application/x-test"));
        QCOMPARE(r.body, QByteArray("too large: /t abc"));
        QCOMPARE(r.header("connection"), QByteArray("close"));
        QVERIFY(c.closedByPeer());
        QCOMPARE(handled.load(), 0);
    }

    void bodyAtLimitIsAccepted()
    {
        Client c(m_server->port());
        const QByteArray body(64 * 1024, 'y');
        QVERIFY(c.send(post("/", body)));
        const Response r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.size(), body.size());
    }

    void headerTooLarge()
    {
        Client c(m_server->port());
        std::thread writer([&] {
            c.send("GET / HTTP/1.1\r\nX-Big: " + QByteArray(100 * 1024, 'h') + "\r\n\r\n");
        });
        const Response r = c.read();
        writer.join();
        QVERIFY(r.status == 431 || r.status == 400);
        QVERIFY(c.closedByPeer());
    }

    void malformedRequests_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
        QTest::newRow("plain garbage") << QByteArray("hello there\r\n\r\n") << 400;
        static const char binary[] = "\x01\x02\x03\xff\xfe \x00 x\r\n\r\n";
        QTest::newRow("binary") << QByteArray(binary, sizeof binary - 1) << 400;
        QTest::newRow("bad version") << QByteArray("GET / HTTQ/1.1\r\n\r\n") << 400;
        QTest::newRow("http/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 505;
        QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nbad header\r\n\r\n") << 400;
        QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << 400;
        QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 400;
        QTest::newRow("bad content-length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 12a\r\n\r\n") << 400;
        QTest::newRow("negative content-length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
        QTest::newRow("two content-lengths")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab") << 400;
        QTest::newRow("chunked and length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << 400;
        QTest::newRow("unknown coding") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") << 501;
        QTest::newRow("bad chunk size")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400;
        QTest::newRow("huge chunk size")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n") << 400;
        QTest::newRow("chunk without crlf")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n") << 400;
        QTest::newRow("control char in value") << QByteArray("GET / HTTP/1.1\r\nA: b\x01c\r\n\r\n") << 400;
        // A short value followed by more of the head is checked with one 16-byte load.
        QTest::newRow("control char in a short value with more head after it")
            << QByteArray("GET / HTTP/1.1\r\nA: b\x01c\r\nHost: some.host.example\r\n\r\n") << 400;
        QTest::newRow("DEL ending a short value") << QByteArray("GET / HTTP/1.1\r\nA: bc\x7f\r\nHost: some.host.example\r\n\r\n") << 400;
        // Long values are checked eight bytes at a time: a control character in any position.
        QTest::newRow("control char in a long value") << QByteArray("GET / HTTP/1.1\r\nA: abcdefghijklmnop\x1fqrstuvwxyz\r\n\r\n") << 400;
        QTest::newRow("DEL in a long value") << QByteArray("GET / HTTP/1.1\r\nA: abcdefghijklmnopqrstuvw\x7f\r\n\r\n") << 400;
        // ... sixteen at a time, the last bytes as the last sixteen.
        QTest::newRow("control char in the tail of a long value") << QByteArray("GET / HTTP/1.1\r\nA: abcdefghijklmnopqrstu\x01v\r\n\r\n") << 400;
        // Names of up to 16 characters are checked and lower-cased all at once.
        QTest::newRow("control char in a short name") << QByteArray("GET / HTTP/1.1\r\nAbcdefghijklm\x01p: x\r\n\r\n") << 400;
        QTest::newRow("non-ASCII in a name") << QByteArray("GET / HTTP/1.1\r\nX-Caf\xc3\xa9: x\r\n\r\n") << 400;
        QTest::newRow("unknown expectation") << QByteArray("GET / HTTP/1.1\r\nExpect: fly\r\n\r\n") << 417;
    }
    void malformedRequests()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        {
            Client c(m_server->port());
            QVERIFY(c.send(request));
            const Response r = c.read();
            QCOMPARE(r.status, status);
            QCOMPARE(r.header("connection"), QByteArray("close"));
            QVERIFY(c.closedByPeer());
        }
        Client after(m_server->port());
        QVERIFY(after.send(post("/", "ok")));
        QCOMPARE(after.read().status, 200);
    }

    void tabsAndObsTextInLongValues()
    {
        // Allowed in field values (RFC 9110 5.5), also past the first eight bytes.
        Client c(m_server->port());
        QVERIFY(c.send(QByteArray("POST / HTTP/1.1\r\nHost: x\r\nX-Note: a tab\there and caf\xc3\xa9 in a long value\r\n"
                                  "Content-Length: 2\r\n\r\nok")));
        QCOMPARE(c.read().status, 200);
    }

    void randomGarbageNeverCrashes()
    {
        QRandomGenerator rng(12345);
        for (int i = 0; i < 300; ++i) {
            Client c(m_server->port());
            QByteArray junk(int(rng.bounded(1, 3000)), Qt::Uninitialized);
            for (char &ch : junk) ch = char(rng.bounded(256));
            if (i % 3 == 0) junk.prepend("POST / HTTP/1.1\r\n"); // get past the request line
            if (i % 5 == 0) junk.append("\r\n\r\n");
            c.send(junk);
            ::shutdown(c.fd(), SHUT_WR);
            c.closedByPeer(2000); // answered or not, the server must close
        }
        Client after(m_server->port());
        QVERIFY(after.send(post("/", "still alive")));
        const Response r = after.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("still alive"));
    }

    void connectionCloseHonoured()
    {
        Client c(m_server->port());
        QVERIFY(c.send(post("/", "x", "Connection: close\r\n")));
        const Response r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("connection"), QByteArray("close"));
        QVERIFY(c.closedByPeer());
    }

    void http10()
    {
        {
            Client c(m_server->port());
            QVERIFY(c.send("GET / HTTP/1.0\r\n\r\n"));
            const Response r = c.read();
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("connection"), QByteArray("close"));
            QVERIFY(c.closedByPeer());
        }
        Client c(m_server->port());
        for (int i = 0; i < 3; ++i) {
            QVERIFY(c.send("POST / HTTP/1.0\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\nk"));
            const Response r = c.read();
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("connection"), QByteArray("keep-alive"));
            QCOMPARE(r.body, QByteArray("k"));
        }
    }

    void handlerStatusAndHead()
    {
        Client c(m_server->port());
        QVERIFY(c.send(post("/status/503", "x")));
        Response r = c.read();
        QCOMPARE(r.status, 503);
        QCOMPARE(r.body, QByteArray("x"));
        QVERIFY(c.send("HEAD / HTTP/1.1\r\nHost: a\r\n\r\n"));
        QVERIFY(c.send(post("/after-head", "y")));
        // A HEAD answer has Content-Length but no body, so the next response follows directly.
        QVERIFY(c.fill(1));
        const qsizetype headEnd = c.buffered().indexOf("\r\n\r\n");
        QVERIFY(headEnd > 0);
        QVERIFY(c.buffered().startsWith("HTTP/1.1 200 OK\r\n"));
        c.buffered().remove(0, headEnd + 4);
        r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-target"), QByteArray("/after-head"));
    }

    void largeResponseWithSlowReader()
    {
        Client c(m_server->port());
        QVERIFY(c.send("GET /big HTTP/1.1\r\nHost: a\r\n\r\n" + post("/next", "n")));
        QThread::msleep(200); // let the server fill the socket buffer and wait for EPOLLOUT
        Response r = c.read(10000);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.size(), 4 * 1024 * 1024);
        QVERIFY(r.body.count('x') == r.body.size());
        r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("n"));
    }

    void concurrentConnections()
    {
        constexpr int kThreads = 16;
        constexpr int kRequests = 200;
        std::atomic<int> good{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&, t] {
                Client c(m_server->port());
                for (int i = 0; i < kRequests; ++i) {
                    const QByteArray body = QByteArray::number(t) + ":" + QByteArray::number(i);
                    if (!c.send(post("/", body))) return;
                    const Response r = c.read();
                    if (r.status == 200 && r.body == body) ++good;
                }
            });
        }
        for (auto &t : threads) t.join();
        QCOMPARE(good.load(), kThreads * kRequests);
    }

    void manyShortConnections()
    {
        std::atomic<int> good{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 100; ++i) {
                    Client c(m_server->port());
                    if (!c.send(post("/", "s", "Connection: close\r\n"))) continue;
                    if (c.read().status == 200 && c.closedByPeer()) ++good;
                }
            });
        }
        for (auto &t : threads) t.join();
        QCOMPARE(good.load(), 800);
    }

    void takenPortFails()
    {
        HttpServer second(echo);
        HttpServerOptions o;
        o.port = m_server->port();
        QString error;
        QVERIFY(!second.start(o, &error));
        QCOMPARE(error, QStringLiteral("Address already in use: 127.0.0.1:%1").arg(m_server->port()));
        QVERIFY(!error.contains(u'\n'));
        // The first server is unaffected.
        Client c(m_server->port());
        QVERIFY(c.send(post("/", "a")));
        QCOMPARE(c.read().status, 200);
    }

    void restartAfterStop()
    {
        HttpServer s(echo);
        HttpServerOptions o;
        o.port = 0;
        QString error;
        QVERIFY(s.start(o, &error));
        s.stop();
        s.stop(); // idempotent
        QVERIFY2(s.start(o, &error), qPrintable(error));
        Client c(s.port());
        QVERIFY(c.send(post("/", "r")));
        QCOMPARE(c.read().body, QByteArray("r"));
    }

    void stopWithOpenConnectionsIsPrompt()
    {
        std::vector<std::unique_ptr<Client>> clients;
        for (int i = 0; i < 30; ++i) {
            auto c = std::make_unique<Client>(m_server->port());
            QVERIFY(c->ok());
            if (i % 3 == 0) c->send("POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\npartial");
            if (i % 3 == 1) {
                c->send(post("/", "done"));
                QCOMPARE(c->read().status, 200);
            }
            clients.push_back(std::move(c));
        }
        QElapsedTimer t;
        t.start();
        m_server->stop();
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        for (auto &c : clients) QVERIFY(c->closedByPeer(1000));
        Client refused(m_server->port());
        QVERIFY(!refused.ok());
    }

    // A kept-alive connection left idle is closed; a request that stalls,
    // or trickles in a byte at a time, gets 408 and the connection closes.
    // Other connections go on being served meanwhile.
    void timeouts()
    {
        HttpServer server(echo);
        HttpServerOptions o;
        o.port = 0;
        o.threads = 1;
        o.idleTimeoutMs = 700;
        o.requestTimeoutMs = 1500;
        QString error;
        QVERIFY2(server.start(o, &error), qPrintable(error));
        Client idle(server.port());
        idle.send(post("/", "once"));
        QCOMPARE(idle.read().status, 200);
        Client stalled(server.port());
        stalled.send("POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\npartial");
        Client trickling(server.port());
        const QByteArray request = post("/", "slowly");
        QElapsedTimer clock;
        clock.start();
        qsizetype sent = 0;
        Client busy(server.port());
        while (clock.elapsed() < 1200) { // a byte every 100 ms: never done within the limit
            trickling.send(request.mid(sent++, 1));
            busy.send(post("/", "meanwhile"));
            QCOMPARE(busy.read().status, 200);
            QTest::qSleep(100);
        }
        QVERIFY(idle.closedByPeer(3000));
        QCOMPARE(stalled.read(4000).status, 408);
        QVERIFY(stalled.closedByPeer(3000));
        QCOMPARE(trickling.read(4000).status, 408);
        QVERIFY(busy.closedByPeer(3000)); // idle since its last answer
        Client later(server.port());
        later.send(post("/", "still"));
        QCOMPARE(later.read().status, 200);
    }

private:
    std::unique_ptr<HttpServer> m_server;
};

QTEST_APPLESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
