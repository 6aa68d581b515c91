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
//
// Requests are parsed in httpserver_parse.cpp and answered in
// httpserver_write.cpp; httpserver_p.h holds what they share.
#include "http/httpserver.h"
#include "http/httpserver_p.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <system_error>
#include <thread>
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

char listenTag; // epoll_event.data.ptr of the listening socket
char wakeTag;   // ... and of the stop eventfd
char inboxTag;  // ... and of a worker's inbox eventfd

QString errnoText(int err)
{
    return QString::fromStdString(std::error_code(err, std::generic_category()).message());
}

} // namespace

using detail::Shared;
using detail::Worker;

struct HttpServer::Private : Shared {
    int wakeFd = -1;
    quint16 port = 0;
    std::vector<std::unique_ptr<Worker>> workers;
    std::mutex mutex; // serializes start() and stop()

    void shutdown();
};

namespace detail {

void Worker::run()
{
    const std::string name = "dd-http-" + std::to_string(index);
    pthread_setname_np(pthread_self(), name.c_str());
    epoll_event events[kMaxEvents];
    for (;;) {
        const int timeout = draining > 0 ? 250 : connections.empty() ? -1 : kTimeoutSweepMs;
        const int n = epoll_wait(ep, events, kMaxEvents, timeout);
        if (n < 0) {
            if (errno == EINTR) continue;
            break;
        }
        loopTime = std::chrono::steady_clock::now();
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
        if (!connections.empty() && loopTime - lastTimeoutSweep >= std::chrono::milliseconds(kTimeoutSweepMs)) {
            lastTimeoutSweep = loopTime;
            sweepTimeouts();
        }
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
    c->lastProgress = loopTime;
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
        c->lastProgress = loopTime;
        if (c->stage == Stage::Head && c->available() == 0)
            c->requestStarted = c->lastProgress; // a new request begins
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

void Worker::sweepTimeouts()
{
    const auto now = loopTime;
    const auto idleLimit = std::chrono::milliseconds(server->options.idleTimeoutMs);
    const auto requestLimit = std::chrono::milliseconds(server->options.requestTimeoutMs);
    std::vector<Connection *> idle, stalled;
    for (Connection *c : connections) {
        // Draining has its own deadline; output still going out (a slow
        // reader of a large answer) is progress of its own.
        if (c->stage == Stage::Draining || c->held || c->outBytes > 0)
            continue;
        const bool between = c->stage == Stage::Head && c->available() == 0;
        if (between && now - c->lastProgress > idleLimit)
            idle.push_back(c);
        else if (!between && now - c->requestStarted > requestLimit)
            stalled.push_back(c);
    }
    for (Connection *c : idle)
        close(c);
    for (Connection *c : stalled) {
        fail(c, 408);
        service(c); // sends it and closes
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
} // namespace detail

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
