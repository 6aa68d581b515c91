// SigV4: the signing steps in the order botocore runs them (auth.py,
// SigV4Auth.add_auth). Where botocore departs from a literal reading of the
// AWS documentation, this follows botocore, because botocore is what
// DynamoDB and every compatible endpoint accept in practice.
#include "security/sigv4.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>
#include <map>
#include <vector>

namespace dd::security {

namespace {

const QByteArray kAlgorithm = QByteArrayLiteral("AWS4-HMAC-SHA256");

// botocore's SIGNED_HEADERS_BLACKLIST: headers that proxies may change.
bool isUnsignedHeader(const QByteArray &lowerName)
{
    return lowerName == "expect" || lowerName == "user-agent" || lowerName == "x-amzn-trace-id";
}

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// Python's urllib.parse.quote(s, safe): every UTF-8 byte outside the
// unreserved set and `safe` becomes %XX (upper-case hex). A '%' already in
// the input is encoded again, which is the double encoding AWS wants for
// every service but S3.
QByteArray pythonQuote(const QByteArray &in, QByteArrayView safe)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(in.size());
    for (const char c : in) {
        const auto u = static_cast<unsigned char>(c);
        const bool keep = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '_' ||
                          u == '.' || u == '-' || u == '~' || safe.contains(c);
        if (keep) {
            out.append(c);
        } else {
            out.append('%');
            out.append(hex[u >> 4]);
            out.append(hex[u & 15]);
        }
    }
    return out;
}

// botocore.utils.remove_dot_segments: RFC 3986 5.2.4, and empty segments
// (repeated slashes) dropped as well.
QByteArray removeDotSegments(const QByteArray &path)
{
    if (path.isEmpty()) return QByteArrayLiteral("/");
    QList<QByteArray> out;
    for (const QByteArray &segment : path.split('/')) {
        if (segment.isEmpty() || segment == ".") continue;
        if (segment == "..") {
            if (!out.isEmpty()) out.removeLast();
        } else {
            out.append(segment);
        }
    }
    QByteArray result = path.startsWith('/') ? QByteArrayLiteral("/") : QByteArray();
    result += out.join('/');
    if (path.endsWith('/') && !out.isEmpty()) result += '/';
    return result;
}

// Python's str.isspace() on the characters a header value can hold; the
// ASCII information separators 0x1C-0x1F count as space there, unlike QChar.
bool isPythonSpace(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x80) return (u >= 0x09 && u <= 0x0D) || (u >= 0x1C && u <= 0x20);
    return c.isSpace();
}

// Trimall, as botocore spells it: ' '.join(value.split()).
QByteArray trimAll(const QByteArray &value)
{
    const QString s = QString::fromUtf8(value);
    QString out;
    out.reserve(s.size());
    bool pendingSpace = false;
    for (const QChar c : s) {
        if (isPythonSpace(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace) out.append(u' ');
        pendingSpace = false;
        out.append(c);
    }
    return out.toUtf8();
}

// The headers to sign: lower-case name -> values in request order.
std::map<QByteArray, QList<QByteArray>> headersToSign(const SigV4::Request &request)
{
    std::map<QByteArray, QList<QByteArray>> headers;
    for (const auto &[name, value] : request.headers) {
        const QByteArray lower = name.toLower();
        if (!isUnsignedHeader(lower)) headers[lower].append(value);
    }
    if (!headers.contains("host")) headers["host"].append(SigV4::hostHeader(request.url));
    return headers;
}

QByteArray canonicalQuery(const QUrl &url)
{
    const QByteArray query = url.query(QUrl::FullyEncoded).toUtf8();
    if (query.isEmpty()) return {};
    std::vector<std::pair<QByteArray, QByteArray>> pairs;
    for (const QByteArray &pair : query.split('&')) {
        const qsizetype eq = pair.indexOf('=');
        if (eq < 0) pairs.emplace_back(pair, QByteArray());
        else pairs.emplace_back(pair.first(eq), pair.sliced(eq + 1));
    }
    std::sort(pairs.begin(), pairs.end());
    QByteArray out;
    for (const auto &[key, value] : pairs) {
        if (!out.isEmpty()) out += '&';
        out += key + '=' + value;
    }
    return out;
}

// email.utils.formatdate(t): "Sun, 30 Aug 2015 12:36:00 -0000", in English.
QByteArray rfc2822Date(const QDateTime &time)
{
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime utc = time.toUTC();
    const QDate d = utc.date();
    return QByteArray(days[d.dayOfWeek() - 1]) + ", " + QByteArray::number(d.day()).rightJustified(2, '0') + ' ' +
           months[d.month() - 1] + ' ' + QByteArray::number(d.year()).rightJustified(4, '0') + ' ' +
           utc.toString(QStringLiteral("HH:mm:ss")).toLatin1() + " -0000";
}

QByteArray credentialScope(const QByteArray &timestamp, const QString &region, const QString &service)
{
    return timestamp.first(8) + '/' + region.toUtf8() + '/' + service.toUtf8() + "/aws4_request";
}

} // namespace

bool SigV4::Request::hasHeader(QByteArrayView name) const
{
    return std::any_of(headers.begin(), headers.end(),
                       [name](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
}

QByteArray SigV4::Request::header(QByteArrayView name) const
{
    for (const auto &[n, v] : headers)
        if (n.compare(name, Qt::CaseInsensitive) == 0) return v;
    return {};
}

void SigV4::Request::removeHeader(QByteArrayView name)
{
    headers.removeIf([name](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
}

void SigV4::Request::setHeader(const QByteArray &name, const QByteArray &value)
{
    removeHeader(name);
    headers.append({name, value});
}

QByteArray SigV4::hostHeader(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLower().toUtf8();
    if (host.contains(':')) host = '[' + host + ']';
    const int port = url.port();
    const QString scheme = url.scheme().toLower();
    const int defaultPort = scheme == u"http" ? 80 : scheme == u"https" ? 443 : -1;
    if (port >= 0 && port != defaultPort) host += ':' + QByteArray::number(port);
    return host;
}

QByteArray SigV4::timestamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray SigV4::signedHeaders(const Request &request)
{
    QByteArray out;
    for (const auto &[name, values] : headersToSign(request)) {
        if (!out.isEmpty()) out += ';';
        out += name.trimmed();
    }
    return out;
}

QByteArray SigV4::canonicalRequest(const Request &request)
{
    QByteArray out = request.method.toUpper() + '\n';
    out += pythonQuote(removeDotSegments(request.url.path(QUrl::FullyEncoded).toUtf8()), "/~") + '\n';
    out += canonicalQuery(request.url) + '\n';
    for (const auto &[name, values] : headersToSign(request)) {
        out += name + ':';
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (i) out += ',';
            out += trimAll(values[i]);
        }
        out += '\n';
    }
    out += '\n' + signedHeaders(request) + '\n';
    out += request.hasHeader("x-amz-content-sha256") ? request.header("x-amz-content-sha256") : sha256Hex(request.body);
    return out;
}

QByteArray SigV4::canonicalRequest(const Request &request, const QList<QByteArray> &signedNames)
{
    QByteArray out = request.method.toUpper() + '\n';
    out += pythonQuote(removeDotSegments(request.url.path(QUrl::FullyEncoded).toUtf8()), "/~") + '\n';
    out += canonicalQuery(request.url) + '\n';
    for (const QByteArray &name : signedNames) {
        out += name + ':';
        bool first = true;
        for (const auto &[n, v] : request.headers) {
            if (n.compare(name, Qt::CaseInsensitive) != 0)
                continue;
            if (!first) out += ',';
            first = false;
            out += trimAll(v);
        }
        out += '\n';
    }
    out += '\n' + signedNames.join(';') + '\n';
    out += request.hasHeader("x-amz-content-sha256") ? request.header("x-amz-content-sha256") : sha256Hex(request.body);
    return out;
}

QByteArray SigV4::signature(const QByteArray &canonicalRequest, const QString &secretAccessKey, const QByteArray &timestamp,
                            const QString &region, const QString &service)
{
    return hmac(signingKey(secretAccessKey, timestamp.first(8), region, service), stringToSign(canonicalRequest, timestamp, region, service)).toHex();
}

QByteArray SigV4::stringToSign(const QByteArray &canonicalRequest, const QByteArray &timestamp, const QString &region,
                               const QString &service)
{
    return kAlgorithm + '\n' + timestamp + '\n' + credentialScope(timestamp, region, service) + '\n' +
           sha256Hex(canonicalRequest);
}

QByteArray SigV4::signingKey(const QString &secretAccessKey, const QByteArray &date, const QString &region,
                             const QString &service)
{
    const QByteArray kDate = hmac("AWS4" + secretAccessKey.toUtf8(), date);
    const QByteArray kRegion = hmac(kDate, region.toUtf8());
    const QByteArray kService = hmac(kRegion, service.toUtf8());
    return hmac(kService, QByteArrayLiteral("aws4_request"));
}

void SigV4::sign(Request &request, const AwsCredentials &credentials, const QString &region, const QString &service,
                 const QDateTime &time)
{
    const QByteArray stamp = timestamp(time);
    request.removeHeader("authorization");
    if (request.hasHeader("date")) {
        request.setHeader("Date", rfc2822Date(time));
        request.removeHeader("x-amz-date");
    } else {
        request.setHeader("X-Amz-Date", stamp);
    }
    if (!credentials.sessionToken.isEmpty()) request.setHeader("X-Amz-Security-Token", credentials.sessionToken.toUtf8());

    const QByteArray signed_ = signature(canonicalRequest(request), credentials.secretAccessKey, stamp, region, service);
    request.headers.append({QByteArrayLiteral("Authorization"),
                            kAlgorithm + " Credential=" + credentials.accessKeyId.toUtf8() + '/' +
                                credentialScope(stamp, region, service) + ", SignedHeaders=" + signedHeaders(request) +
                                ", Signature=" + signed_});
}

} // namespace dd::security
