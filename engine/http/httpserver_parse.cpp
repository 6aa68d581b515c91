// HttpServer's request parsing: the request line, the headers (validated
// and lower-cased in place) and Content-Length or chunked bodies, read
// incrementally from a connection's buffer (Worker::parseStep, parseHead).
#include "http/httpserver_p.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <system_error>

namespace dd::http::detail {

namespace {

// RFC 9110 token characters, lower-cased; 0 for any other byte.
constexpr std::array<char, 256> kTokenLower = [] {
    std::array<char, 256> t{};
    for (int c = '0'; c <= '9'; ++c) t[size_t(c)] = char(c);
    for (int c = 'a'; c <= 'z'; ++c) t[size_t(c)] = t[size_t(c - 32)] = char(c);
    for (const char *p = "!#$%&'*+-.^_`|~"; *p; ++p) t[uchar(*p)] = *p;
    return t;
}();

bool isTchar(unsigned char c) { return kTokenLower[c] != 0; }

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

} // namespace

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

} // namespace dd::http::detail
