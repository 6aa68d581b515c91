// Endpoint: DynamoDB's HTTP face over api::Engine. The order of the checks in
// handle() is DynamoDB's, as recorded by dynalite's connection tests
// (mhart/dynalite, index.js and test/connection.js): CORS preflight, GET
// health answer, method and content type (404 with an XML body), then
// SerializationException for a body that is not JSON, UnknownOperation for
// a bad X-Amz-Target, the signature presence checks, and only then the
// operation. The signature itself is verified only when EndpointOptions::
// credentials is set (dynamodesk-server --auth); otherwise any is accepted,
// as by DynamoDB Local.
#include "http/endpoint.h"

#include "security/credentials.h"

#include "http/crc32.h"

#include "api/engine.h"
#include "model/json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <arpa/inet.h>
#include <netinet/in.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <array>
#include <charconv>
#include <cstring>
#include <optional>
#include <random>
#include <vector>

namespace dd::http {

namespace {

constexpr QByteArrayView kDynamoTarget = "DynamoDB_20120810.";
constexpr QByteArrayView kStreamsTarget = "DynamoDBStreams_20120810.";
// Dynamodesk's own operations (triggers, history), which AWS does not have.
constexpr QByteArrayView kDynamodeskTarget = "Dynamodesk_20261101.";
// DAX's control plane (JSON 1.1, "AmazonDAXV3.CreateCluster", ...).
constexpr QByteArrayView kDaxTarget = "AmazonDAXV3.";
// The path of a DAX cluster's endpoint: /dax/<cluster name> (cache/clusters.h).
constexpr QByteArrayView kDaxPath = "/dax/";

const QByteArray kRequestIdHeader = QByteArrayLiteral("x-amzn-RequestId");
const QByteArray kCrcHeader = QByteArrayLiteral("x-amz-crc32");
const QByteArray kContentTypeHeader = QByteArrayLiteral("Content-Type");
const QByteArray kJson10 = QByteArrayLiteral("application/x-amz-json-1.0");
const QByteArray kJson11 = QByteArrayLiteral("application/x-amz-json-1.1");
const QByteArray kJson = QByteArrayLiteral("application/json");

// 52 characters of [0-9A-Z], the shape of DynamoDB's request ids. Each
// thread draws from its own wyrand generator (64 bits of state, seeded from
// std::random_device); each 64-bit draw gives 12 characters, taken as the
// base-36 digits of its value as a binary fraction, two at a time (a
// multiplication by 36^2 gives the next pair, looked up in a table).
constexpr std::array<char, 2 * 36 * 36> kDigitPairs = [] {
    constexpr char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    std::array<char, 2 * 36 * 36> t{};
    for (size_t i = 0; i < 36 * 36; ++i) {
        t[2 * i] = alphabet[i / 36];
        t[2 * i + 1] = alphabet[i % 36];
    }
    return t;
}();

// Writes the first 2 * N base-36 digits of `bits` as a binary fraction.
template <int N>
void digitPairs(char *out, uint64_t bits)
{
    for (int i = 0; i < N; ++i) {
        const unsigned __int128 next = static_cast<unsigned __int128>(bits) * (36 * 36);
        std::memcpy(out + 2 * i, &kDigitPairs[2 * size_t(next >> 64)], 2);
        bits = uint64_t(next);
    }
}

QByteArray requestId()
{
    thread_local uint64_t state = [] {
        std::random_device device;
        return (uint64_t(device()) << 32) ^ device();
    }();
    const auto draw = [] {
        state += 0xa0761d6478bd642fULL;
        const unsigned __int128 mixed = static_cast<unsigned __int128>(state) * (state ^ 0xe7037ed1a0b428dbULL);
        return uint64_t(mixed >> 64) ^ uint64_t(mixed);
    };
    QByteArray id(52, Qt::Uninitialized);
    char *out = id.data();
    for (int i = 0; i < 4; ++i)
        digitPairs<6>(out + 12 * i, draw());
    digitPairs<2>(out + 48, draw());
    return id;
}

// botocore checks x-amz-crc32 against the body: CRC-32 as an unsigned decimal.
QByteArray crc32Of(const QByteArray &body)
{
    char num[16];
    return QByteArray(num, std::to_chars(num, num + sizeof num, crc32(body)).ptr - num);
}

QByteArray jsonString(const QString &s)
{
    const QByteArray array = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

bool isCoralServiceError(const QString &type)
{
    // Errors raised by AWS's request layer (Coral) rather than by DynamoDB.
    static const char *const coral[] = {
        "SerializationException", "UnknownOperationException", "MissingAuthenticationTokenException",
        "IncompleteSignatureException", "InvalidSignatureException", "UnrecognizedClientException",
        "AccessDeniedException", "ExpiredTokenException", "RequestExpired", "InvalidClientTokenId",
    };
    for (const char *name : coral) {
        if (type == QLatin1String(name)) return true;
    }
    return false;
}

QByteArray qualifiedType(const QString &type)
{
    if (type.contains(u'#')) return type.toUtf8();
    if (type == QLatin1String("ValidationException")) return QByteArrayLiteral("com.amazon.coral.validate#ValidationException");
    if (type == QLatin1String("ThrottlingException")) return QByteArrayLiteral("com.amazon.coral.availability#ThrottlingException");
    if (isCoralServiceError(type)) return "com.amazon.coral.service#" + type.toUtf8();
    return "com.amazonaws.dynamodb.v20120810#" + type.toUtf8();
}

int statusOf(const ApiError &e)
{
    if (e.type() == QLatin1String("InternalServerError")) return 500;
    if (e.type() == QLatin1String("ServiceUnavailable")) return 503;
    if (e.type() == QLatin1String("RequestEntityTooLargeException")) return 413;
    return 400;
}

// {"__type": ..., "message": ..., <extra fields>}. DynamoDB spells the key
// "Message" for SerializationException (type errors in the request),
// AccessDeniedException and TransactionCanceledException (as captured from
// AWS), and sends no message at all for an unparseable body or an unknown
// operation.
QByteArray errorBody(const ApiError &e)
{
    QByteArray out = "{\"__type\":\"" + qualifiedType(e.type()) + '"';
    const bool capital = e.type() == QLatin1String("SerializationException")
        || e.type() == QLatin1String("AccessDeniedException")
        || e.type() == QLatin1String("TransactionCanceledException");
    if (!e.message().isEmpty() || !isCoralServiceError(e.type())) {
        out += capital ? ",\"Message\":" : ",\"message\":";
        out += jsonString(e.message());
    }
    if (!e.extra().isEmpty()) {
        QJsonObject extra = e.extra();
        extra.remove(QStringLiteral("__type"));
        extra.remove(QStringLiteral("message"));
        extra.remove(QStringLiteral("Message"));
        const QByteArray fields = QJsonDocument(extra).toJson(QJsonDocument::Compact);
        if (fields.size() > 2) {
            out += ',';
            out.append(fields.constData() + 1, fields.size() - 2);
        }
    }
    out += '}';
    return out;
}

[[gnu::always_inline]] inline QByteArrayView trimmed(QByteArrayView v) // inline: called for every token of a signature
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t')) v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t')) v.chop(1);
    return v;
}

// The first ',' or ' ' in [p, end), or end: sixteen bytes at a time with
// SSE2, then eight at a time, then byte by byte in the block that holds one.
const char *nextDelimiter(const char *p, const char *end)
{
#ifdef __SSE2__
    const __m128i space16 = _mm_set1_epi8(' '), comma16 = _mm_set1_epi8(',');
    for (; end - p >= 16; p += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        if (const int hits = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, space16), _mm_cmpeq_epi8(x, comma16))))
            return p + __builtin_ctz(unsigned(hits));
    }
#endif
    constexpr uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    while (end - p >= 8) {
        uint64_t x;
        std::memcpy(&x, p, 8);
        const uint64_t space = x ^ (ones * uint8_t(' '));
        const uint64_t comma = x ^ (ones * uint8_t(','));
        if (((space - ones) & ~space & highs) | ((comma - ones) & ~comma & highs))
            break;
        p += 8;
    }
    while (p < end && *p != ',' && *p != ' ') ++p;
    return p;
}

// "AKID/20240101/us-west-2/dynamodb/aws4_request" -> access key and region.
void applyCredential(QByteArrayView credential, api::RequestContext *context)
{
    // AKID/date/region/service/aws4_request. The same few credentials come
    // with every request: a thread keeps what the last one gave.
    struct Last {
        QByteArray credential;
        std::optional<QString> key, region;
    };
    thread_local Last last;
    if (last.credential.isNull() || credential.size() != last.credential.size() || credential != last.credential) {
        last.credential = credential.toByteArray();
        if (last.credential.isNull())
            last.credential = QByteArray("", 0);
        last.key.reset();
        last.region.reset();
        const qsizetype s1 = credential.indexOf('/');
        const QByteArrayView akid = s1 < 0 ? credential : credential.first(s1);
        if (!akid.isEmpty()) last.key = QString::fromUtf8(akid);
        const qsizetype s2 = s1 < 0 ? -1 : credential.indexOf('/', s1 + 1);
        if (s2 >= 0) {
            const qsizetype s3 = credential.indexOf('/', s2 + 1);
            const QByteArrayView name = credential.sliced(s2 + 1, (s3 < 0 ? credential.size() : s3) - s2 - 1);
            if (!name.isEmpty()) last.region = QString::fromUtf8(name);
        }
    }
    if (last.key) context->accessKeyId = *last.key;
    if (last.region) context->region = *last.region;
}

// The query string of a presigned request, decoded; empty without '?'.
QList<QPair<QByteArray, QByteArray>> queryItems(const QByteArray &target)
{
    QList<QPair<QByteArray, QByteArray>> items;
    const qsizetype q = target.indexOf('?');
    if (q < 0) return items;
    for (const QByteArray &pair : target.mid(q + 1).split('&')) {
        if (pair.isEmpty()) continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArray key = QByteArray::fromPercentEncoding(eq < 0 ? pair : pair.left(eq));
        const QByteArray value = eq < 0 ? QByteArray() : QByteArray::fromPercentEncoding(pair.mid(eq + 1));
        items.append({key, value});
    }
    return items;
}

// The engine's name of the operation an X-Amz-Target names ("GetItem",
// "Streams.GetRecords", "Dynamodesk.ListTriggers"), or empty for another
// service. The same few targets come with every request: a thread keeps the
// names of the last eight it saw.
QString operationOf(QByteArrayView target)
{
    struct Entry {
        QByteArray target;
        QString operation;
    };
    thread_local std::array<Entry, 8> cache;
    thread_local size_t next = 0;
    for (const Entry &e : cache) {
        if (e.target.size() == target.size() && !e.target.isNull() && e.target == target)
            return e.operation;
    }
    QString operation;
    if (target.startsWith(kDynamoTarget)) {
        operation = QString::fromLatin1(target.sliced(kDynamoTarget.size()));
    } else if (target.startsWith(kStreamsTarget)) {
        operation = QStringLiteral("Streams.") + QString::fromLatin1(target.sliced(kStreamsTarget.size()));
    } else if (target.startsWith(kDynamodeskTarget)) {
        operation = QStringLiteral("Dynamodesk.") + QString::fromLatin1(target.sliced(kDynamodeskTarget.size()));
    } else if (target.startsWith(kDaxTarget)) {
        operation = QStringLiteral("Dax.") + QString::fromLatin1(target.sliced(kDaxTarget.size()));
    }
    if (target.size() <= 128) { // not a cache for arbitrary client input
        cache[next] = {target.toByteArray(), operation};
        next = (next + 1) % cache.size();
    }
    return operation;
}

// An error answered outside a request's own handling (a turn's failed
// commit, an oversized body): its status, JSON 1.0 body and headers.
HttpResponse jsonErrorResponse(const ApiError &error)
{
    HttpResponse r;
    r.status = statusOf(error);
    r.body = errorBody(error);
    r.headers = {{kRequestIdHeader, requestId()}, {kCrcHeader, crc32Of(r.body)}, {kContentTypeHeader, kJson10}};
    return r;
}

// The answer to a request over the body limit (HttpServerOptions::tooLarge):
// an error body like any other's, with status 413. The wording is AWS's for
// an oversized request to Lambda ("Request must be smaller than 6291456 bytes
// for the InvokeFunction operation"); DynamoDB's own answer is not on record
// (dynalite's 413 has no body), and SDKs read a JSON one as an error code.
HttpResponse tooLargeAnswer(const HttpRequest &head, qint64 limit)
{
    QString message = QStringLiteral("Request must be smaller than %1 bytes").arg(limit);
    const QString operation = operationOf(head.header("x-amz-target"));
    if (!operation.isEmpty() && !operation.endsWith(u'.'))
        message += QStringLiteral(" for the ") + operation.section(u'.', -1) + QStringLiteral(" operation");
    return jsonErrorResponse(ApiError(QStringLiteral("RequestEntityTooLargeException"), message));
}

// The request headers handle() reads, found in one pass over the headers
// (each the first value, as HttpRequest::header gives it).
struct KnownHeaders {
    QByteArrayView contentType, target, authorization, amzDate, date, origin, host;
};

// Whether `name`, of the literal's length, is that literal (a comparison of
// known length, which the compiler does inline).
template <size_t N>
bool nameIs(QByteArrayView name, const char (&lower)[N])
{
    return std::memcmp(name.data(), lower, N - 1) == 0;
}

// Whether `v` is the literal, compared inline.
template <size_t N>
bool is(QByteArrayView v, const char (&literal)[N])
{
    return size_t(v.size()) == N - 1 && std::memcmp(v.data(), literal, N - 1) == 0;
}

KnownHeaders knownHeaders(const HttpRequest &req)
{
    KnownHeaders k;
    unsigned found = 0;
    const auto take = [&found](QByteArrayView *slot, unsigned bit, QByteArrayView value) {
        if (!(found & bit)) {
            found |= bit;
            *slot = value;
        }
    };
    for (const auto &[name, value] : req.headers) {
        switch (name.size()) {
        case 4:
            if (nameIs(name, "date")) take(&k.date, 1, value);
            else if (nameIs(name, "host")) take(&k.host, 64, value);
            break;
        case 6:
            if (nameIs(name, "origin")) take(&k.origin, 2, value);
            break;
        case 10:
            if (nameIs(name, "x-amz-date")) take(&k.amzDate, 4, value);
            break;
        case 12:
            if (nameIs(name, "content-type")) take(&k.contentType, 8, value);
            else if (nameIs(name, "x-amz-target")) take(&k.target, 16, value);
            break;
        case 13:
            if (nameIs(name, "authorization")) take(&k.authorization, 32, value);
            break;
        default:
            break;
        }
    }
    return k;
}

// The presence checks DynamoDB makes on a SigV4 signature, in its order and
// with its messages; fills the context from the credential scope.
std::optional<ApiError> checkSignature(const HttpRequest &req, const KnownHeaders &known, api::RequestContext *context)
{
    const QByteArrayView header = known.authorization;
    const bool hasQuery = std::memchr(req.target.constData(), '?', size_t(req.target.size())) != nullptr;
    const auto query = hasQuery ? queryItems(req.target) : QList<QPair<QByteArray, QByteArray>>();
    auto queryValue = [&](const char *key) -> std::optional<QByteArray> {
        for (const auto &item : query) {
            if (item.first == key) return item.second;
        }
        return std::nullopt;
    };
    const bool queryAuth = queryValue("X-Amz-Algorithm").has_value();
    if (!header.isEmpty() && queryAuth) {
        return ApiError(QStringLiteral("InvalidSignatureException"),
                        QStringLiteral("Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header."));
    }
    if ((header.isEmpty() && !queryAuth) || (!header.isEmpty() && !header.trimmed().startsWith("AWS4-")))
        return ApiError::missingAuthenticationToken(QStringLiteral("Request is missing Authentication Token"));

    QString message;
    if (!header.isEmpty()) {
        QByteArrayView credential, signature, signedHeaders; // into header
        const char *p = header.data();
        const char *const end = p + header.size();
        bool first = true;
        while (p < end) {
            const char *const cut = nextDelimiter(p, end);
            const QByteArrayView token = trimmed(QByteArrayView(p, cut));
            p = cut < end ? cut + 1 : end;
            if (token.isEmpty()) continue;
            if (first) { // the algorithm
                first = false;
                continue;
            }
            const char *const equals = static_cast<const char *>(std::memchr(token.data(), '=', size_t(token.size())));
            if (!equals) continue;
            const qsizetype eq = equals - token.data();
            const QByteArrayView key = token.first(eq);
            const QByteArrayView value = token.sliced(eq + 1);
            if (is(key, "Credential")) credential = value;
            else if (is(key, "Signature")) signature = value;
            else if (is(key, "SignedHeaders")) signedHeaders = value;
        }
        if (credential.isEmpty()) message += QStringLiteral("Authorization header requires 'Credential' parameter. ");
        if (signature.isEmpty()) message += QStringLiteral("Authorization header requires 'Signature' parameter. ");
        if (signedHeaders.isEmpty()) message += QStringLiteral("Authorization header requires 'SignedHeaders' parameter. ");
        if (known.amzDate.isEmpty() && known.date.isEmpty())
            message += QStringLiteral("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        if (!message.isEmpty()) message += QStringLiteral("Authorization=") + QString::fromUtf8(header);
        applyCredential(credential, context);
    } else {
        for (const char *param : {"X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date"}) {
            if (queryValue(param).value_or(QByteArray()).isEmpty())
                message += QStringLiteral("AWS query-string parameters must include '%1'. ").arg(QLatin1String(param));
        }
        if (!message.isEmpty()) message += QStringLiteral("Re-examine the query-string parameters.");
        applyCredential(queryValue("X-Amz-Credential").value_or(QByteArray()), context);
    }
    if (!message.isEmpty()) return ApiError(QStringLiteral("IncompleteSignatureException"), message);
    return std::nullopt;
}

// Operations that may change items or tables, for EndpointOptions::onWrite.
bool isWrite(const QString &operation)
{
    static const QSet<QString> writes{
        QStringLiteral("PutItem"), QStringLiteral("UpdateItem"), QStringLiteral("DeleteItem"),
        QStringLiteral("BatchWriteItem"), QStringLiteral("TransactWriteItems"), QStringLiteral("ExecuteStatement"),
        QStringLiteral("BatchExecuteStatement"), QStringLiteral("ExecuteTransaction"), QStringLiteral("CreateTable"),
        QStringLiteral("DeleteTable"), QStringLiteral("UpdateTable"), QStringLiteral("RestoreTableFromBackup"),
        QStringLiteral("RestoreTableToPointInTime"), QStringLiteral("ImportTable")};
    return writes.contains(operation);
}

// The successful writes of this thread's current turn, reported to onWrite
// once the turn's commit succeeded.
thread_local std::vector<std::pair<QString, QByteArray>> t_turnWrites;

bool isJson(const QByteArray &body) { return model::parseRequestJson(body).has_value(); }

} // namespace

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QByteArray text = host.toLatin1();
    in_addr v4{};
    if (inet_pton(AF_INET, text.constData(), &v4) == 1)
        return (ntohl(v4.s_addr) >> 24) == 127;
    in6_addr v6{};
    if (inet_pton(AF_INET6, text.constData(), &v6) == 1)
        return IN6_IS_ADDR_LOOPBACK(&v6)
            || (IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127);
    return false;
}

Endpoint::Endpoint(api::Engine &engine, EndpointOptions options)
    : m_engine(engine), m_options(std::move(options)),
      m_commandTriggersAllowed(m_options.allowCommandTriggers.value_or(isLoopbackHost(m_options.http.host))),
      m_server(std::make_unique<HttpServer>(
          [this](const HttpRequest &r) { return handle(r); },
          // Group commit: the writes of one event-loop turn share one commit,
          // and their answers leave only after it (api::Engine::beginTurn).
          TurnHooks{[] {
                        t_turnWrites.clear();
                        api::Engine::beginTurn();
                    },
                    [this]() -> std::optional<HttpResponse> {
                        const std::optional<ApiError> failed = api::Engine::endTurn();
                        std::vector<std::pair<QString, QByteArray>> writes;
                        writes.swap(t_turnWrites);
                        if (!failed) {
                            if (m_options.onWrite)
                                for (const auto &[operation, body] : writes)
                                    m_options.onWrite(operation, body);
                            return std::nullopt;
                        }
                        return jsonErrorResponse(*failed);
                    }}))
{
    m_options.http.tooLarge = [limit = m_options.http.maxBodyBytes](const HttpRequest &head) {
        return tooLargeAnswer(head, limit);
    };
}

Endpoint::~Endpoint()
{
    stop();
}

bool Endpoint::start(QString *error)
{
    return m_server->start(m_options.http, error);
}

void Endpoint::stop()
{
    m_server->stop();
}

quint16 Endpoint::port() const
{
    return m_server->port();
}

HttpResponse Endpoint::handle(const HttpRequest &req) const
{
    const KnownHeaders known = knownHeaders(req);
    HttpResponse res;
    auto add = [&res](QByteArray name, QByteArray value) { res.headers.append({std::move(name), std::move(value)}); };
    add(kRequestIdHeader, requestId());
    auto finish = [&res](int status, QByteArray body, const QByteArray &contentType) {
        res.status = status;
        res.headers.append({kCrcHeader, crc32Of(body)});
        if (!contentType.isEmpty()) res.headers.append({kContentTypeHeader, contentType});
        res.body = std::move(body);
        return std::move(res);
    };
    auto notFound = [&] { return finish(404, QByteArrayLiteral("<UnknownOperationException/>\n"), {}); };

    // CORS, when configured: any listed origin, or all with "*".
    bool corsAllowed = false;
    if (!m_options.corsOrigins.isEmpty()) {
        const QByteArrayView origin = known.origin;
        if (!origin.isEmpty()) {
            const bool any = m_options.corsOrigins.contains(QStringLiteral("*"));
            corsAllowed = any || m_options.corsOrigins.contains(QString::fromUtf8(origin));
            if (corsAllowed) {
                add("Access-Control-Allow-Origin", any ? QByteArrayLiteral("*") : origin.toByteArray());
                if (!any) add("Vary", "Origin");
                add("Access-Control-Expose-Headers", "x-amzn-RequestId, x-amz-crc32");
            }
        }
    }
    if (is(req.method, "OPTIONS")) {
        if (!corsAllowed) return notFound();
        const QByteArray headers = req.header("access-control-request-headers").toByteArray();
        const QByteArray method = req.header("access-control-request-method").toByteArray();
        add("Access-Control-Allow-Headers",
                            !headers.isEmpty() ? headers
                                               : QByteArrayLiteral("Content-Type, X-Amz-Target, X-Amz-Date, Authorization, "
                                                                   "X-Amz-Security-Token, X-Amz-User-Agent, "
                                                                   "amz-sdk-invocation-id, amz-sdk-request"));
        add("Access-Control-Allow-Methods", !method.isEmpty() ? method : QByteArrayLiteral("GET, POST, OPTIONS"));
        add("Access-Control-Max-Age", "172800");
        return finish(200, {}, {});
    }

    api::RequestContext context;
    context.commandTriggersAllowed = m_commandTriggersAllowed;
    if (!known.host.isEmpty())
        context.endpointUrl = QStringLiteral("http://") + QString::fromLatin1(known.host);
    if (req.target.startsWith(kDaxPath)) {
        QByteArrayView path(req.target);
        path = path.sliced(kDaxPath.size());
        if (const qsizetype q = path.indexOf('?'); q >= 0) path.truncate(q);
        while (path.endsWith('/')) path.chop(1);
        context.daxCluster = QString::fromUtf8(QByteArray::fromPercentEncoding(path.toByteArray()));
        if (context.daxCluster.isEmpty())
            return notFound();
    }
    if (is(req.method, "GET")) {
        // DynamoDB answers any GET with this health line (trailing space included).
        if (const QByteArrayView auth = known.authorization; auth.contains("Credential=")) {
            const qsizetype at = auth.indexOf("Credential=") + 11;
            qsizetype stop = at;
            while (stop < auth.size() && auth[stop] != ',' && auth[stop] != ' ') ++stop;
            applyCredential(auth.sliced(at, stop - at), &context);
        }
        return finish(200, "healthy: dynamodb." + context.region.toUtf8() + ".amazonaws.com ", {});
    }

    QByteArrayView contentType = known.contentType;
    if (const qsizetype semi = contentType.indexOf(';'); semi >= 0) contentType.truncate(semi);
    contentType = trimmed(contentType);
    const bool json10 = is(contentType, "application/x-amz-json-1.0");
    const bool json11 = !json10 && is(contentType, "application/x-amz-json-1.1");
    // DynamoDB itself answers 404 to application/x-amz-json-1.1; we accept
    // it, as some SDK configurations send it.
    if (!is(req.method, "POST") || (!req.body.isEmpty() && !json10 && !json11 && !is(contentType, "application/json")))
        return notFound();
    const QByteArray &responseType = json10 ? kJson10 : json11 ? kJson11 : kJson;
    auto fail = [&](const ApiError &e) { return finish(statusOf(e), errorBody(e), responseType); };
    auto serialization = [&] { return fail(ApiError::serialization(QString())); };

    const QByteArrayView target = known.target;
    const QString operation = operationOf(target);
    const char *const dot = target.isEmpty() ? nullptr : static_cast<const char *>(std::memchr(target.data(), '.', size_t(target.size())));
    const bool oneDot = dot && !std::memchr(dot + 1, '.', size_t(target.data() + target.size() - dot - 1));
    const bool badTarget = operation.isEmpty() || operation.endsWith(u'.') || !oneDot;
    // Before a bad target or signature, DynamoDB reports a body that is not JSON.
    if (badTarget) {
        if (!req.body.isEmpty() && !isJson(req.body)) return serialization();
        return fail(ApiError::unknownOperation());
    }
    if (const std::optional<ApiError> authError = checkSignature(req, known, &context)) {
        if (!req.body.isEmpty() && !isJson(req.body)) return serialization();
        return fail(*authError);
    }
    if (m_options.credentials) {
        security::SigV4::Request signed_;
        signed_.method = req.method;
        signed_.url = QUrl::fromEncoded("http://endpoint" + req.target);
        for (const auto &[name, value] : req.headers)
            signed_.headers.append({name.toByteArray(), value.toByteArray()});
        signed_.body = req.body;
        Result<std::shared_ptr<const security::Principal>> signer = m_options.credentials->verify(signed_, QDateTime::currentDateTimeUtc());
        if (!signer.ok()) return fail(signer.error());
        context.principal = std::move(*signer);
        context.users = m_options.credentials;
        context.sourceIp = QString::fromLatin1(req.peer);
    }
    if (req.body.isEmpty()) return serialization();

    Result<QByteArray> result = m_engine.call(context, operation, QByteArrayView(req.body));
    if (!result.ok()) return fail(result.error());
    if (m_options.onWrite && isWrite(operation))
        t_turnWrites.emplace_back(operation, req.body);
    return finish(200, std::move(result).value(), responseType);
}

} // namespace dd::http
