// HttpServer's insides, private to dd-httpserver: the limits, a
// connection's state, the worker thread that owns its connections, and the
// few byte helpers that parsing (httpserver_parse.cpp) and answering
// (httpserver_write.cpp) share. The event loop, start() and stop() are in
// httpserver.cpp.
#pragma once

#include "http/httpserver.h"

#include <sys/epoll.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

namespace dd::http::detail {

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
constexpr int kTimeoutSweepMs = 1000;            // how often a worker with connections looks for timed-out ones
constexpr int kMaxEvents = 64;
constexpr int kMaxIov = 64;

inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c + 32) : c; }

inline bool equalsNoCase(QByteArrayView a, const char *b)
{
    const size_t n = std::strlen(b);
    if (size_t(a.size()) != n) return false;
    for (size_t i = 0; i < n; ++i) {
        if (lower(a[qsizetype(i)]) != b[i]) return false;
    }
    return true;
}

[[gnu::always_inline]] inline QByteArrayView trimmed(QByteArrayView v) // inline: called for every header line
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t')) v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t')) v.chop(1);
    return v;
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
    std::chrono::steady_clock::time_point lastProgress; // bytes last received or sent (or the connection adopted)
    std::chrono::steady_clock::time_point requestStarted; // the first byte of the request being read arrived
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
    std::chrono::steady_clock::time_point lastTimeoutSweep;
    // When the loop's epoll_wait last returned: the time that marks the
    // connections' progress (one clock read a turn, not one per recv, send
    // and request; the timeouts it serves are counted in seconds).
    std::chrono::steady_clock::time_point loopTime;

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
    void sweepTimeouts(); // closes idle connections, answers stalled requests 408
    void beginTurn();
    void endTurn();
};

} // namespace dd::http::detail
