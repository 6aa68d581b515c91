// JsonProtocol: error parsing follows botocore's JSON parser (parsers.py,
// BaseJSONParser._do_error_parse) and retry classification its standard
// retry mode (retries/standard.py), so that Dynamodesk retries exactly what
// the AWS CLI would.
#include "client/jsonprotocol.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <array>

namespace dd::client {

namespace {

const QString kNetworkError = QStringLiteral("NetworkError");

// A short, printable excerpt of a body that is not what we expected.
QString excerpt(const QByteArray &body)
{
    constexpr qsizetype kMax = 200;
    QString s = QString::fromUtf8(body.left(kMax)).simplified();
    if (body.size() > kMax) s += QStringLiteral("...");
    return s;
}

// botocore standard mode: TRANSIENT_ERROR_CODES.
bool isTransient(const QString &type)
{
    return type == u"RequestTimeout" || type == u"RequestTimeoutException" || type == u"PriorRequestNotComplete";
}

// botocore standard mode: TRANSIENT_STATUS_CODES.
bool isTransientStatus(int status)
{
    return status == 500 || status == 502 || status == 503 || status == 504;
}

} // namespace

QByteArray JsonProtocol::target(const QString &operation)
{
    if (isStreamsOperation(operation))
        return "DynamoDBStreams_20120810." + operation.sliced(8).toUtf8();
    if (operation.startsWith(QLatin1String("Dynamodesk.")))
        return "Dynamodesk_20261101." + operation.sliced(11).toUtf8();
    if (isDaxOperation(operation))
        return "AmazonDAXV3." + operation.sliced(4).toUtf8();
    return "DynamoDB_20120810." + operation.toUtf8();
}

bool JsonProtocol::isDaxOperation(const QString &operation)
{
    return operation.startsWith(QLatin1String("Dax."));
}

const char *JsonProtocol::contentTypeOf(const QString &operation)
{
    return isDaxOperation(operation) ? daxContentType : contentType;
}

QString JsonProtocol::signingNameOf(const QString &operation)
{
    return isDaxOperation(operation) ? QStringLiteral("dax") : QStringLiteral("dynamodb");
}

bool JsonProtocol::isStreamsOperation(const QString &operation)
{
    return operation.startsWith(QLatin1String("Streams."));
}

bool JsonProtocol::isThrottling(const QString &t)
{
    static const char *const kThrottling[] = {
        "Throttling",        "ThrottlingException",     "ThrottledException",
        "RequestThrottledException", "TooManyRequestsException", "ProvisionedThroughputExceededException",
        "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
        "LimitExceededException", "RequestThrottled", "SlowDown",
        "PriorRequestNotComplete", "EC2ThrottledException"};
    for (const char *name : kThrottling)
        if (t == QLatin1String(name)) return true;
    return false;
}

quint32 JsonProtocol::crc32(QByteArrayView data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (const char ch : data) crc = table[(crc ^ quint8(ch)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

JsonProtocol::Reply JsonProtocol::transportError(const QString &message)
{
    Reply r;
    r.response.error = ApiError(kNetworkError, message);
    r.retryable = true;
    return r;
}

JsonProtocol::Reply JsonProtocol::parse(int status, const QByteArray &body, const QByteArray &crc32Header,
                                        const QByteArray &errorTypeHeader)
{
    Reply r;
    if (!crc32Header.isEmpty()) {
        bool ok = false;
        const quint32 expected = crc32Header.trimmed().toUInt(&ok);
        const quint32 actual = crc32(body);
        if (!ok || expected != actual) {
            r.response.error = ApiError(kNetworkError, QStringLiteral("The response's CRC32 (%1) does not match its x-amz-crc32 header (%2)")
                                                           .arg(actual).arg(QString::fromLatin1(crc32Header)));
            r.retryable = true; // a body damaged in transit; the SDKs retry it
            return r;
        }
    }

    QJsonParseError jsonError;
    const QJsonDocument doc = body.trimmed().isEmpty() ? QJsonDocument(QJsonObject()) : QJsonDocument::fromJson(body, &jsonError);
    const bool isObject = doc.isObject();

    if (status >= 200 && status < 300) {
        if (!isObject) {
            r.response.error = ApiError(kNetworkError, QStringLiteral("The endpoint answered HTTP %1 with a body that is not a JSON object: %2")
                                                           .arg(status).arg(excerpt(body)));
            return r;
        }
        r.response.body = doc.object();
        return r;
    }

    QJsonObject object = isObject ? doc.object() : QJsonObject();
    QString type = object.value(QStringLiteral("__type")).toString();
    if (const qsizetype hash = type.lastIndexOf(u'#'); hash >= 0) type = type.sliced(hash + 1);
    if (type.isEmpty() && !errorTypeHeader.isEmpty())
        type = QString::fromUtf8(errorTypeHeader.left(errorTypeHeader.indexOf(':') < 0 ? errorTypeHeader.size() : errorTypeHeader.indexOf(':'))).trimmed();
    QString message;
    if (object.contains(QStringLiteral("message"))) message = object.value(QStringLiteral("message")).toString();
    else if (object.contains(QStringLiteral("Message"))) message = object.value(QStringLiteral("Message")).toString();

    if (type.isEmpty()) {
        type = status == 500 ? QStringLiteral("InternalServerError")
             : status > 500  ? QStringLiteral("ServiceUnavailable")
                             : QStringLiteral("HttpError");
        if (message.isEmpty()) message = QStringLiteral("HTTP %1: %2").arg(status).arg(excerpt(body));
    }
    ApiError error(type, message);
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != u"__type" && it.key() != u"message" && it.key() != u"Message")
            error.withExtra(it.key(), it.value());
    }
    r.response.error = std::move(error);
    r.retryable = isTransientStatus(status) || isThrottling(type) || isTransient(type);
    return r;
}

} // namespace dd::client
