// HttpServer: HTTP/1.1 on POSIX sockets and epoll, without Qt networking.
//
// One listening socket is shared by N worker threads; each worker owns an
// epoll instance to which the listening socket is added with EPOLLEXCLUSIVE,
// so that a new connection wakes one worker, which accepts it and keeps it for
// its whole life. A connection is a small state machine: it reads into one
// buffer, parses requests incrementally (pieces, pipelining, Content-Length
// and chunked bodies), runs the handler on the worker thread and queues the
// response, which is written with sendmsg() (partial writes wait for
// EPOLLOUT). An eventfd, level-triggered in every epoll set, wakes all
// workers for stop().
//
// Errors the client caused (malformed request, oversized header or body) are
// answered with a status and "Connection: close"; the socket is then
// half-closed and drained for a moment so that the answer is not lost to a
// TCP reset.
#include "http/httpserver.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <mutex>
#include <system_error>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

namespace dd::http {

QByteArrayView HttpRequest::header(QByteArrayView lowerName) const
{
    const size_t n = size_t(lowerName.size());
    for (const auto &h : headers) {
        if (size_t(h.first.size()) == n && std::memcmp(h.first.data(), lowerName.data(), n) == 0)
            return h.second;
    }
    return {};
}

namespace {

constexpr size_t kMaxHeaderBytes = 64 * 1024;   // request line + headers; more is 431
constexpr size_t kMaxChunkLineBytes = 4096;      // a chunk-size line or one trailer line
constexpr size_t kMaxTrailerBytes = 64 * 1024;
constexpr size_t kReadSize = 16 * 1024;          // free space ensured before each recv()
constexpr size_t kMaxQueuedOutput = 1 << 20;     // stop parsing pipelined requests past this
constexpr size_t kInlineBodyBytes = 8 * 1024;    // smaller bodies are copied behind the head
constexpr size_t kMaxDrainBytes = 4 << 20;       // discarded after an error before closing
constexpr qsizetype kKeptBodyBytes = 64 * 1024;  // a body buffer up to this size is kept for the next request
constexpr qsizetype kKeptOutBytes = 16 * 1024;   // a sent output buffer up to this size is reused for the next answer
constexpr auto kDrainTime = std::chrono::seconds(2);
constexpr int kMaxEvents = 64;
constexpr int kMaxIov = 64;

char listenTag; // epoll_event.data.ptr of the listening socket
char wakeTag;   // ... and of the stop eventfd
char inboxTag;  // ... and of a worker's inbox eventfd

QString errnoText(int err)
{
    return QString::fromStdString(std::error_code(err, std::generic_category()).message());
}

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

// RFC 9110 token characters, lower-cased; 0 for any other byte.
constexpr std::array<char, 256> kTokenLower = [] {
    std::array<char, 256> t{};
    for (int c = '0'; c <= '9'; ++c) t[size_t(c)] = char(c);
    for (int c = 'a'; c <= 'z'; ++c) t[size_t(c)] = t[size_t(c - 32)] = char(c);
    for (const char *p = "!#$%&'*+-.^_`|~"; *p; ++p) t[uchar(*p)] = *p;
    return t;
}();

bool isTchar(unsigned char c) { return kTokenLower[c] != 0; }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }

bool equalsNoCase(QByteArrayView a, const char *b)
{
    const size_t n = std::strlen(b);
    if (size_t(a.size()) != n) return false;
    for (size_t i = 0; i < n; ++i) {
        if (lower(a[qsizetype(i)]) != b[i]) return false;
    }
    return true;
}

// Lower-cases the header name [p, end) in place; false if it holds a byte
// that is not a token character. `limit` is the end of the buffer.
bool lowerName(char *p, char *end, const char *limit)
{
#ifdef __SSE2__
    // The common case, names of up to 16 characters from [A-Za-z0-9-] with
    // 16 bytes to read: all at once, rewriting the bytes after the name as
    // they are.
    const qsizetype n = end - p;
    if (n <= 16 && limit - p >= 16) {
        const auto in = [](__m128i x, char lo, char hi) {
            return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(char(lo - 1))), _mm_cmplt_epi8(x, _mm_set1_epi8(char(hi + 1))));
        };
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i lowered = _mm_or_si128(x, _mm_and_si128(in(x, 'A', 'Z'), _mm_set1_epi8(0x20)));
        const __m128i ok = _mm_or_si128(_mm_or_si128(in(lowered, 'a', 'z'), in(lowered, '0', '9')),
                                        _mm_cmpeq_epi8(lowered, _mm_set1_epi8('-')));
        const unsigned want = (1u << n) - 1;
        if ((unsigned(_mm_movemask_epi8(ok)) & want) == want) {
            const __m128i inName = _mm_cmplt_epi8(_mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
                                                  _mm_set1_epi8(char(n)));
            const __m128i out = _mm_or_si128(_mm_and_si128(inName, lowered), _mm_andnot_si128(inName, x));
            _mm_storeu_si128(reinterpret_cast<__m128i *>(p), out);
            return true;
        }
    }
#else
    (void)limit;
#endif
    bool bad = false;
    for (; p < end; ++p) {
        const char lowered = kTokenLower[uchar(*p)];
        bad |= lowered == 0;
        *p = lowered;
    }
    return !bad;
}

[[gnu::always_inline]] inline QByteArrayView trimmed(QByteArrayView v) // inline: called for every header line
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t')) v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t')) v.chop(1);
    return v;
}

// Whether a field value holds a control character other than HTAB (RFC
// 9110 5.5). Sixteen bytes at a time with SSE2 (a shorter value too, when
// the buffer, which ends at `limit`, has 16 bytes to read), then eight: from
// a block with any byte under 0x20 or equal to 0x7f on, byte by byte (tabs
// land there too).
bool hasControl(QByteArrayView v, const char *limit)
{
    constexpr uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    const char *p = v.data();
    const qsizetype n = v.size();
    qsizetype i = 0;
#ifdef __SSE2__
    // Unsigned x < 0x20 as a signed compare: (x ^ 0x80) < (0x20 ^ 0x80).
    const __m128i flip = _mm_set1_epi8(char(0x80)), below = _mm_set1_epi8(char(0xa0)), del = _mm_set1_epi8(0x7f);
    const auto clean = [&](qsizetype at) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + at));
        return !_mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(_mm_xor_si128(x, flip), below), _mm_cmpeq_epi8(x, del)));
    };
    if (n < 16 && limit - p >= 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const unsigned bad = unsigned(_mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(_mm_xor_si128(x, flip), below), _mm_cmpeq_epi8(x, del))));
        if ((bad & ((1u << n) - 1)) == 0)
            return false;
    }
    for (; i + 16 <= n; i += 16) {
        if (!clean(i))
            break;
    }
    if (i == n || (n >= 16 && i + 16 > n && clean(n - 16))) // the rest, as the last 16 bytes
        return false;
#else
    (void)limit;
#endif
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        std::memcpy(&x, p + i, 8);
        const uint64_t below = (x - 0x20 * ones) & ~x & highs;
        const uint64_t del = x ^ (0x7f * ones);
        if (below | ((del - ones) & ~del & highs))
            break;
    }
    for (; i < n; ++i) {
        const uchar u = uchar(p[i]);
        if ((u < 0x20 && u != '\t') || u == 0x7f) return true;
    }
    return false;
}

// Whether `v` is the literal, compared inline.
template <size_t N>
bool is(QByteArrayView v, const char (&literal)[N])
{
    return size_t(v.size()) == N - 1 && std::memcmp(v.data(), literal, N - 1) == 0;
}

QByteArray methodName(QByteArrayView m)
{
    if (is(m, "POST")) return QByteArrayLiteral("POST");
    if (is(m, "GET")) return QByteArrayLiteral("GET");
    if (is(m, "OPTIONS")) return QByteArrayLiteral("OPTIONS");
    if (is(m, "HEAD")) return QByteArrayLiteral("HEAD");
    return m.toByteArray();
}

enum class Stage {
    Head,         // waiting for the request line and headers
    Body,         // Content-Length body: `remaining` bytes to go
    ChunkSize,    // a chunk-size line
    ChunkData,    // `remaining` bytes of chunk data
    ChunkDataEnd, // the CRLF after chunk data
    Trailers,     // trailer lines up to an empty line
    Draining,     // after an error: output half-closed, input discarded
};

struct Connection {
    int fd = -1;
    std::vector<char> in;          // read buffer; unconsumed bytes are [begin, end)
    size_t begin = 0;
    size_t end = 0;
    size_t scanned = 0;            // bytes after begin already searched for the end of the head
    Stage stage = Stage::Head;
    qint64 remaining = 0;          // body or chunk bytes still expected
    size_t trailerBytes = 0;
    HttpRequest request;           // the request being read; reused
    bool http10 = false;
    bool keepAlive = true;
    bool isHead = false;
    bool expectContinue = false;
    std::vector<QByteArray> out;   // queued output; the first is sent from outOffset
    QByteArray spare;              // a sent response head, kept to write the next one into
    size_t outOffset = 0;
    size_t outBytes = 0;           // unsent bytes in out
    bool closeAfterWrite = false;  // no more requests: close once out is sent
    bool lingerOnClose = false;    // drain input before closing (after an error)
    bool peerEof = false;
    uint32_t interest = EPOLLIN;   // current epoll interest
    size_t drained = 0;
    std::chrono::steady_clock::time_point drainDeadline;
    bool answeredThisTurn = false; // a request was dispatched in the current turn
    bool held = false;             // output of this turn is held until the turn ends
    size_t heldOutIndex = 0;       // out[heldOutIndex...] and beyond belong to this turn
    size_t heldOutBytes = 0;       // outBytes before this turn's output

    size_t available() const { return end - begin; }
    const char *data() const { return in.data() + begin; }
};

struct Worker;

// What the workers share; written by start() before they run, then read-only.
struct Shared {
    HttpHandler handler;
    TurnHooks hooks;
    HttpServerOptions options;
    int listenFd = -1;
    std::vector<Worker *> all;
};

struct Worker {
    Shared *server = nullptr;
    int ep = -1;
    int index = 0;
    std::thread thread;
    std::unordered_set<Connection *> connections;
    int draining = 0;
    std::atomic<int> load{0};   // open connections, read by other workers' accept()
    int inboxFd = -1;           // eventfd: connections handed over by another worker
    std::mutex inboxMutex;
    std::vector<int> inbox;     // accepted sockets waiting to be adopted
    bool turnActive = false;    // inside TurnHooks::begin/end
    std::vector<Connection *> held; // connections whose output waits for the end of the turn
    std::vector<Connection *> ending; // endTurn()'s: the turn's held connections (kept for its capacity)
    std::vector<Connection *> again;  // endTurn()'s: connections with more buffered requests

    void run();
    void accept();
    void adopt(int fd);
    void takeInbox();
    void onEvent(Connection *c, uint32_t events);
    void onReadable(Connection *c);
    void service(Connection *c);
    bool parseStep(Connection *c);
    int parseHead(Connection *c, size_t headLen);
    void dispatch(Connection *c);
    void queueResponse(Connection *c, const HttpResponse &r);
    void fail(Connection *c, int status);
    bool flush(Connection *c);
    void setInterest(Connection *c, uint32_t events);
    void finishClose(Connection *c);
    void close(Connection *c);
    void sweepDraining();
    void beginTurn();
    void endTurn();
};

} // namespace

struct HttpServer::Private : Shared {
    int wakeFd = -1;
    quint16 port = 0;
    std::vector<std::unique_ptr<Worker>> workers;
    std::mutex mutex; // serializes start() and stop()

    void shutdown();
};

void Worker::run()
{
    const std::string name = "dd-http-" + std::to_string(index);
    pthread_setname_np(pthread_self(), name.c_str());
    epoll_event events[kMaxEvents];
    for (;;) {
        const int timeout = draining > 0 ? 250 : -1;
        const int n = epoll_wait(ep, events, kMaxEvents, timeout);
        if (n < 0) {
            if (errno == EINTR) continue;
            break;
        }
        bool stop = false;
        beginTurn();
        for (int i = 0; i < n; ++i) {
            void *tag = events[i].data.ptr;
            if (tag == &wakeTag) stop = true;
            else if (tag == &listenTag) accept();
            else if (tag == &inboxTag) takeInbox();
            else onEvent(static_cast<Connection *>(tag), events[i].events);
        }
        endTurn();
        if (stop) break;
        if (draining > 0) sweepDraining();
    }
    for (Connection *c : connections) {
        ::close(c->fd);
        delete c;
    }
    connections.clear();
    std::lock_guard lock(inboxMutex);
    for (int fd : inbox) ::close(fd);
    inbox.clear();
}

void Worker::accept()
{
    // One connection per wake-up: with EPOLLEXCLUSIVE the next pending one
    // then tends to go to another worker.
    const int fd = accept4(server->listenFd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
        if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
            // Level-triggered: without a pause this would spin until an fd frees up.
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        return;
    }
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    // EPOLLEXCLUSIVE alone leaves connections unevenly spread (whichever
    // worker is idle wins them all), and a connection never moves; so the
    // accepting worker hands it to the least loaded one.
    Worker *target = this;
    for (Worker *w : server->all) {
        if (w->load.load(std::memory_order_relaxed) < target->load.load(std::memory_order_relaxed)) target = w;
    }
    if (target == this) {
        adopt(fd);
        return;
    }
    target->load.fetch_add(1, std::memory_order_relaxed); // counted now, so the next accept sees it
    {
        std::lock_guard lock(target->inboxMutex);
        target->inbox.push_back(fd);
    }
    const uint64_t one64 = 1;
    [[maybe_unused]] const ssize_t w = ::write(target->inboxFd, &one64, sizeof one64);
}

void Worker::takeInbox()
{
    uint64_t count;
    [[maybe_unused]] const ssize_t r = ::read(inboxFd, &count, sizeof count);
    std::vector<int> fds;
    {
        std::lock_guard lock(inboxMutex);
        fds.swap(inbox);
    }
    for (int fd : fds) {
        load.fetch_sub(1, std::memory_order_relaxed); // adopt() counts it again
        adopt(fd);
    }
}

void Worker::adopt(int fd)
{
    auto *c = new Connection;
    c->fd = fd;
    c->in.resize(kReadSize * 2);
    // The client's address, once per connection (aws:SourceIp in policies).
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (getpeername(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0) {
        char text[INET6_ADDRSTRLEN] = {};
        const void *raw = address.ss_family == AF_INET6 ? static_cast<const void *>(&reinterpret_cast<sockaddr_in6 &>(address).sin6_addr)
                                                        : static_cast<const void *>(&reinterpret_cast<sockaddr_in &>(address).sin_addr);
        if (inet_ntop(address.ss_family, raw, text, sizeof text))
            c->request.peer = QByteArray(text);
    }
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = c;
    if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) {
        ::close(fd);
        delete c;
        return;
    }
    connections.insert(c);
    load.fetch_add(1, std::memory_order_relaxed);
}

void Worker::onEvent(Connection *c, uint32_t events)
{
    if (events & EPOLLERR) {
        close(c);
        return;
    }
    if (c->stage != Stage::Draining && (events & EPOLLOUT)) {
        service(c);
        return;
    }
    if (events & (EPOLLIN | EPOLLHUP | EPOLLRDHUP))
        onReadable(c);
}

void Worker::onReadable(Connection *c)
{
    if (c->stage == Stage::Draining) {
        const ssize_t n = recv(c->fd, c->in.data(), c->in.size(), 0);
        if (n > 0) {
            c->drained += size_t(n);
            if (c->drained > kMaxDrainBytes) close(c);
        } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
            close(c);
        }
        return;
    }
    if (c->begin == c->end) c->begin = c->end = 0;
    if (c->in.size() - c->end < kReadSize) {
        if (c->begin > 0) {
            std::memmove(c->in.data(), c->in.data() + c->begin, c->available());
            c->end -= c->begin;
            c->begin = 0;
        }
        if (c->in.size() - c->end < kReadSize)
            c->in.resize(std::max(c->in.size() * 2, c->end + kReadSize));
    }
    const ssize_t n = recv(c->fd, c->in.data() + c->end, c->in.size() - c->end, 0);
    if (n > 0) {
        c->end += size_t(n);
    } else if (n == 0) {
        c->peerEof = true;
    } else {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return;
        close(c);
        return;
    }
    service(c);
}

// Parses and answers what is buffered, writes, and decides what to wait for.
void Worker::service(Connection *c)
{
    for (;;) {
        bool outputFull = false;
        while (!c->closeAfterWrite) {
            if (c->outBytes >= kMaxQueuedOutput) {
                outputFull = true;
                break;
            }
            if (turnActive && c->answeredThisTurn) break;
            if (!parseStep(c)) break;
        }
        if (c->held) return;   // sent when the turn ends
        if (!flush(c)) return; // closed, or waiting for EPOLLOUT
        if (c->closeAfterWrite) {
            finishClose(c);
            return;
        }
        if (c->peerEof) { // whatever is left can never complete
            close(c);
            return;
        }
        if (!outputFull) return;
    }
}

// Advances the parser by one step; false when it needs more input.
bool Worker::parseStep(Connection *c)
{
    const qint64 maxBody = server->options.maxBodyBytes;
    switch (c->stage) {
    case Stage::Head: {
        const char *p = c->data();
        const size_t avail = c->available();
        size_t i = c->scanned;
        for (;;) {
            const void *nl = i < avail ? std::memchr(p + i, '\n', avail - i) : nullptr;
            if (!nl) {
                c->scanned = avail;
                if (avail > kMaxHeaderBytes) fail(c, 431);
                return false;
            }
            const size_t at = size_t(static_cast<const char *>(nl) - p);
            // Empty lines before a request line are ignored (RFC 9112 2.2).
            if (at == 0 || (at == 1 && p[0] == '\r')) {
                c->begin += at + 1;
                c->scanned = 0;
                return true;
            }
            const bool blank = p[at - 1] == '\n' || (p[at - 1] == '\r' && at >= 2 && p[at - 2] == '\n');
            if (!blank) {
                i = at + 1;
                continue;
            }
            const size_t headLen = at + 1;
            if (headLen > kMaxHeaderBytes) {
                fail(c, 431);
                return false;
            }
            c->scanned = 0;
            if (const int status = parseHead(c, headLen)) {
                fail(c, status);
                return false;
            }
            c->begin += headLen;
            if (c->stage == Stage::Head) {
                dispatch(c);
                return true;
            }
            const bool bodyBuffered = c->stage == Stage::Body && qint64(c->available()) >= c->remaining;
            if (c->expectContinue && !c->http10 && !bodyBuffered) {
                static const QByteArray cont = QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n");
                c->out.push_back(cont);
                c->outBytes += size_t(cont.size());
            }
            return true;
        }
    }
    case Stage::Body: {
        const size_t take = size_t(std::min<qint64>(c->remaining, qint64(c->available())));
        if (take > 0) {
            c->request.body.append(c->data(), qsizetype(take));
            c->begin += take;
            c->remaining -= qint64(take);
        }
        if (c->remaining > 0) return false;
        c->stage = Stage::Head;
        dispatch(c);
        return true;
    }
    case Stage::ChunkSize:
    case Stage::Trailers: {
        const char *p = c->data();
        const void *nl = std::memchr(p, '\n', c->available());
        if (!nl) {
            if (c->available() > kMaxChunkLineBytes) fail(c, 400);
            return false;
        }
        const size_t lineLen = size_t(static_cast<const char *>(nl) - p);
        if (lineLen > kMaxChunkLineBytes) {
            fail(c, 400);
            return false;
        }
        QByteArrayView line(p, qsizetype(lineLen));
        if (line.endsWith('\r')) line.chop(1);
        c->begin += lineLen + 1;
        if (c->stage == Stage::Trailers) {
            if (line.isEmpty()) {
                c->stage = Stage::Head;
                dispatch(c);
                return true;
            }
            c->trailerBytes += lineLen;
            if (c->trailerBytes > kMaxTrailerBytes) {
                fail(c, 431);
                return false;
            }
            return true; // trailer fields are ignored
        }
        if (const qsizetype semi = line.indexOf(';'); semi >= 0) line.truncate(semi);
        line = trimmed(line);
        qint64 size = 0;
        const auto [ptr, ec] = std::from_chars(line.data(), line.data() + line.size(), size, 16);
        if (line.isEmpty() || ec != std::errc() || ptr != line.data() + line.size() || size < 0) {
            fail(c, 400);
            return false;
        }
        if (size == 0) {
            c->stage = Stage::Trailers;
            c->trailerBytes = 0;
            return true;
        }
        if (size > maxBody - c->request.body.size()) {
            fail(c, 413);
            return false;
        }
        c->remaining = size;
        c->stage = Stage::ChunkData;
        return true;
    }
    case Stage::ChunkData: {
        const size_t take = size_t(std::min<qint64>(c->remaining, qint64(c->available())));
        if (take == 0) return false;
        c->request.body.append(c->data(), qsizetype(take));
        c->begin += take;
        c->remaining -= qint64(take);
        if (c->remaining == 0) c->stage = Stage::ChunkDataEnd;
        return true;
    }
    case Stage::ChunkDataEnd: {
        const char *p = c->data();
        if (c->available() < 1) return false;
        if (p[0] == '\n') {
            c->begin += 1;
        } else if (p[0] == '\r') {
            if (c->available() < 2) return false;
            if (p[1] != '\n') {
                fail(c, 400);
                return false;
            }
            c->begin += 2;
        } else {
            fail(c, 400);
            return false;
        }
        c->stage = Stage::ChunkSize;
        return true;
    }
    case Stage::Draining:
        return false;
    }
    return false;
}

// Parses [begin, begin + headLen) into c->request and sets the body stage.
// Returns 0, or the status of the error answer.
int Worker::parseHead(Connection *c, size_t headLen)
{
    const char *p = c->data();
    const char *const stop = p + headLen;
    auto nextLine = [&](QByteArrayView *line) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(stop - p)));
        QByteArrayView v(p, nl - p);
        if (v.endsWith('\r')) v.chop(1);
        p = nl + 1;
        *line = v;
    };

    QByteArrayView line;
    nextLine(&line);
    const qsizetype sp1 = line.indexOf(' ');
    if (sp1 <= 0) return 400;
    const QByteArrayView method = line.first(sp1);
    for (char ch : method) {
        if (!isTchar(uchar(ch))) return 400;
    }
    const qsizetype sp2 = line.lastIndexOf(' ');
    if (sp2 <= sp1 + 1) return 400;
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    for (char ch : target) {
        if (uchar(ch) <= 0x20 || uchar(ch) == 0x7f) return 400;
    }
    const QByteArrayView version = line.sliced(sp2 + 1);
    if (version.size() != 8 || !version.startsWith("HTTP/") || version[6] != '.' || version[5] < '0' || version[5] > '9'
        || version[7] < '0' || version[7] > '9')
        return 400;
    if (version[5] != '1') return 505;
    c->http10 = version[7] == '0';
    c->expectContinue = false;

    HttpRequest &req = c->request;
    req.method = methodName(method);
    req.target = target == "/" ? QByteArrayLiteral("/") : target.toByteArray();
    req.headers.clear();
    if (!req.body.isDetached() || req.body.capacity() > kKeptBodyBytes)
        req.body = QByteArray();
    req.body.resize(0); // keeps a small buffer of the last request
    c->isHead = is(req.method, "HEAD");

    // The header lines are copied into req.head (its buffer is kept from
    // request to request), names lower-cased in place; the parsed headers
    // are views into it.
    req.head.resize(qsizetype(stop - p));
    std::memcpy(req.head.data(), p, size_t(stop - p));
    char *h = req.head.data();
    const char *const hstop = h + req.head.size();

    qint64 contentLength = -1;
    bool chunked = false;
    bool sawClose = false;
    bool sawKeepAlive = false;
    while (h < hstop) {
        char *nl = static_cast<char *>(std::memchr(h, '\n', size_t(hstop - h)));
        char *lineEnd = nl && nl > h && nl[-1] == '\r' ? nl - 1 : nl;
        char *const lineStart = h;
        h = nl + 1;
        if (lineEnd == lineStart) break;
        if (*lineStart == ' ' || *lineStart == '\t') return 400; // obsolete line folding
        char *const colon = static_cast<char *>(std::memchr(lineStart, ':', size_t(lineEnd - lineStart)));
        if (!colon || colon == lineStart) return 400;
        if (!lowerName(lineStart, colon, hstop)) return 400;
        const QByteArrayView value = trimmed(QByteArrayView(colon + 1, lineEnd));
        if (hasControl(value, hstop)) return 400;
        const QByteArrayView name(lineStart, colon);
        if (is(name, "content-length")) {
            qint64 n = 0;
            const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n, 10);
            if (value.isEmpty() || ec != std::errc() || ptr != value.data() + value.size() || n < 0) return 400;
            if (contentLength >= 0 && contentLength != n) return 400;
            contentLength = n;
        } else if (is(name, "transfer-encoding")) {
            if (!equalsNoCase(value, "chunked")) return 501;
            chunked = true;
        } else if (is(name, "connection")) {
            QByteArrayView rest = value;
            while (!rest.isEmpty()) {
                const qsizetype comma = rest.indexOf(',');
                const QByteArrayView token = trimmed(comma < 0 ? rest : rest.first(comma));
                rest = comma < 0 ? QByteArrayView() : rest.sliced(comma + 1);
                if (equalsNoCase(token, "close")) sawClose = true;
                else if (equalsNoCase(token, "keep-alive")) sawKeepAlive = true;
            }
        } else if (is(name, "expect")) {
            if (!equalsNoCase(value, "100-continue")) return 417;
            c->expectContinue = true;
        }
        req.headers.append({name, value});
    }
    // HTTP/1.1 keeps the connection unless told "close"; 1.0 closes unless told "keep-alive".
    c->keepAlive = !sawClose && (!c->http10 || sawKeepAlive);

    if (chunked) {
        if (contentLength >= 0 || c->http10) return 400; // request smuggling shapes
        c->stage = Stage::ChunkSize;
        return 0;
    }
    if (contentLength > server->options.maxBodyBytes) return 413;
    if (contentLength > 0) {
        req.body.reserve(qsizetype(contentLength));
        c->remaining = contentLength;
        c->stage = Stage::Body;
    } else {
        c->stage = Stage::Head;
    }
    return 0;
}

void Worker::dispatch(Connection *c)
{
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
    r.status = status;
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")});
    r.body = QByteArray(reasonPhrase(status)) + '\n';
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

void Worker::setInterest(Connection *c, uint32_t events)
{
    if (c->interest == events) return;
    epoll_event ev{};
    ev.events = events;
    ev.data.ptr = c;
    epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
    c->interest = events;
}

void Worker::finishClose(Connection *c)
{
    if (!c->lingerOnClose || c->peerEof) {
        close(c);
        return;
    }
    // Half-close and discard what the client still sends, so that our answer
    // reaches it before the kernel would reset a socket closed with unread data.
    ::shutdown(c->fd, SHUT_WR);
    c->stage = Stage::Draining;
    c->begin = c->end = 0;
    c->drainDeadline = std::chrono::steady_clock::now() + kDrainTime;
    setInterest(c, EPOLLIN);
    ++draining;
}

void Worker::close(Connection *c)
{
    if (c->stage == Stage::Draining) --draining;
    epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, nullptr);
    ::close(c->fd);
    connections.erase(c);
    delete c;
    load.fetch_sub(1, std::memory_order_relaxed);
}

void Worker::beginTurn()
{
    if (!server->hooks.begin)
        return;
    server->hooks.begin();
    turnActive = true;
}

void Worker::endTurn()
{
    while (turnActive) {
        const std::optional<HttpResponse> replacement = server->hooks.end ? server->hooks.end() : std::nullopt;
        turnActive = false;
        std::vector<Connection *> &list = ending;
        list.clear();
        list.swap(held);
        for (Connection *c : list) {
            c->held = false;
            c->answeredThisTurn = false;
            if (replacement) {
                c->out.erase(c->out.begin() + qsizetype(c->heldOutIndex), c->out.end());
                c->outBytes = c->heldOutBytes;
                queueResponse(c, *replacement);
            }
        }
        // Send what the turn answered; connections with more buffered
        // requests get another turn right away (epoll will not report them).
        again.clear();
        for (Connection *c : list) {
            const bool more = c->available() > 0 && !c->closeAfterWrite && c->stage != Stage::Draining;
            if (!flush(c))
                continue; // closed, or waiting for EPOLLOUT (which resumes it)
            if (c->closeAfterWrite) {
                finishClose(c);
                continue;
            }
            if (more)
                again.push_back(c);
            else if (c->peerEof)
                close(c);
        }
        if (again.empty())
            return;
        beginTurn();
        for (Connection *c : again)
            service(c);
    }
}

void Worker::sweepDraining()
{
    const auto now = std::chrono::steady_clock::now();
    std::vector<Connection *> expired;
    for (Connection *c : connections) {
        if (c->stage == Stage::Draining && c->drainDeadline <= now) expired.push_back(c);
    }
    for (Connection *c : expired) close(c);
}

void HttpServer::Private::shutdown()
{
    if (wakeFd >= 0) {
        const uint64_t one = 1;
        [[maybe_unused]] const ssize_t w = ::write(wakeFd, &one, sizeof one);
    }
    for (auto &w : workers) {
        if (w->thread.joinable()) w->thread.join();
    }
    for (auto &w : workers) {
        for (int fd : w->inbox) ::close(fd); // handed over after its worker had stopped
        if (w->ep >= 0) ::close(w->ep);
        if (w->inboxFd >= 0) ::close(w->inboxFd);
    }
    workers.clear();
    all.clear();
    if (listenFd >= 0) ::close(listenFd);
    if (wakeFd >= 0) ::close(wakeFd);
    listenFd = wakeFd = -1;
}

HttpServer::HttpServer(HttpHandler handler, TurnHooks hooks) : d(std::make_unique<Private>())
{
    d->handler = std::move(handler);
    d->hooks = std::move(hooks);
}

HttpServer::~HttpServer()
{
    stop();
}

bool HttpServer::start(const HttpServerOptions &options, QString *error)
{
    std::lock_guard lock(d->mutex);
    auto setError = [&](const QString &text) {
        if (error) *error = text;
        d->shutdown();
        return false;
    };
    if (d->listenFd >= 0) return setError(QStringLiteral("Server already started"));
    d->options = options;

    const QByteArray host = options.host.toUtf8();
    const QString where = (options.host.contains(u':') ? QStringLiteral("[") + options.host + QStringLiteral("]")
                                                       : options.host)
        + QStringLiteral(":") + QString::number(options.port);
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo *found = nullptr;
    const std::string service = std::to_string(options.port);
    if (const int rc = getaddrinfo(host.isEmpty() ? nullptr : host.constData(), service.c_str(), &hints, &found)) {
        return setError(QString::fromUtf8(gai_strerror(rc)) + QStringLiteral(": ") + where);
    }
    int err = 0;
    for (addrinfo *ai = found; ai; ai = ai->ai_next) {
        const int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
        if (fd < 0) {
            err = errno;
            continue;
        }
        // SO_REUSEADDR only skips TIME_WAIT leftovers; a live listener still
        // makes bind() fail. No SO_REUSEPORT, so a taken port is an error.
        const int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(fd, ai->ai_addr, ai->ai_addrlen) < 0 || listen(fd, SOMAXCONN) < 0) {
            err = errno;
            ::close(fd);
            continue;
        }
        d->listenFd = fd;
        break;
    }
    freeaddrinfo(found);
    if (d->listenFd < 0) return setError(errnoText(err) + QStringLiteral(": ") + where);

    sockaddr_storage bound{};
    socklen_t len = sizeof bound;
    getsockname(d->listenFd, reinterpret_cast<sockaddr *>(&bound), &len);
    d->port = bound.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6 *>(&bound)->sin6_port)
                                          : ntohs(reinterpret_cast<sockaddr_in *>(&bound)->sin_port);

    d->wakeFd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (d->wakeFd < 0) return setError(QStringLiteral("eventfd: ") + errnoText(errno));

    int threads = options.threads > 0 ? options.threads : int(std::thread::hardware_concurrency());
    threads = std::max(threads, 1);
    for (int i = 0; i < threads; ++i) {
        auto w = std::make_unique<Worker>();
        w->server = d.get();
        w->index = i;
        w->ep = epoll_create1(EPOLL_CLOEXEC);
        w->inboxFd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (w->ep < 0 || w->inboxFd < 0) {
            const int err = errno;
            d->workers.push_back(std::move(w)); // so that shutdown() closes what was opened
            return setError(QStringLiteral("epoll: ") + errnoText(err));
        }
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.ptr = &wakeTag;
        epoll_ctl(w->ep, EPOLL_CTL_ADD, d->wakeFd, &ev);
        ev.data.ptr = &inboxTag;
        epoll_ctl(w->ep, EPOLL_CTL_ADD, w->inboxFd, &ev);
        ev.events = EPOLLIN | EPOLLEXCLUSIVE;
        ev.data.ptr = &listenTag;
        if (epoll_ctl(w->ep, EPOLL_CTL_ADD, d->listenFd, &ev) < 0) {
            ev.events = EPOLLIN; // kernels before 4.5
            epoll_ctl(w->ep, EPOLL_CTL_ADD, d->listenFd, &ev);
        }
        d->all.push_back(w.get());
        d->workers.push_back(std::move(w));
    }
    for (auto &w : d->workers) {
        Worker *raw = w.get();
        raw->thread = std::thread([raw] { raw->run(); });
    }
    return true;
}

void HttpServer::stop()
{
    std::lock_guard lock(d->mutex);
    d->shutdown();
}

quint16 HttpServer::port() const
{
    return d->port;
}

} // namespace dd::http
