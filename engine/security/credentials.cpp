#include "security/credentials.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace dd::security {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

ApiError invalidSignature(const QString &message) { return ApiError(p("InvalidSignatureException"), message); }

// The value of `key` in an Authorization header ("Credential=...,"), or empty.
QByteArray authParameter(const QByteArray &header, QByteArrayView key)
{
    for (QByteArray part : header.mid(header.indexOf(' ') + 1).split(',')) {
        part = part.trimmed();
        if (part.startsWith(key) && part.size() > key.size() && part[key.size()] == '=')
            return part.mid(key.size() + 1);
    }
    return {};
}

// Compares two signatures in time that does not depend on where they differ.
bool sameSignature(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

Result<std::shared_ptr<const Credentials>> Credentials::fromJson(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return ApiError::validation(QStringLiteral("The credentials are not a JSON object: %1").arg(error.errorString()));
    auto out = std::make_shared<Credentials>();
    int n = 0;
    for (const QJsonValue &v : doc.object().value(p("Users")).toArray()) {
        ++n;
        const QJsonObject o = v.toObject();
        Principal user;
        user.userName = o.value(p("UserName")).toString();
        user.accessKeyId = o.value(p("AccessKeyId")).toString();
        user.secretAccessKey = o.value(p("SecretAccessKey")).toString();
        if (user.userName.isEmpty() || user.accessKeyId.isEmpty() || user.secretAccessKey.isEmpty())
            return ApiError::validation(QStringLiteral("User %1 needs a UserName, an AccessKeyId and a SecretAccessKey").arg(n));
        if (out->m_users.contains(user.accessKeyId))
            return ApiError::validation(QStringLiteral("Access key %1 is given twice").arg(user.accessKeyId));
        if (o.contains(p("Policy"))) {
            Result<Policy> policy = Policy::parse(o.value(p("Policy")).toObject());
            if (!policy.ok())
                return ApiError::validation(QStringLiteral("The policy of user %1: %2").arg(user.userName, policy.error().message()));
            user.policy = std::move(*policy);
        }
        const QString key = user.accessKeyId;
        out->m_users.insert(key, std::make_shared<const Principal>(std::move(user)));
    }
    if (out->m_users.isEmpty())
        return ApiError::validation(p("The credentials name no user (\"Users\": [...])"));
    return std::shared_ptr<const Credentials>(std::move(out));
}

Result<std::shared_ptr<const Credentials>> Credentials::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return ApiError::validation(QStringLiteral("Cannot read %1: %2").arg(path, f.errorString()));
    Result<std::shared_ptr<const Credentials>> c = fromJson(f.readAll());
    if (!c.ok())
        return ApiError::validation(QStringLiteral("%1: %2").arg(path, c.error().message()));
    return c;
}

Result<std::shared_ptr<const Principal>> Credentials::verify(const SigV4::Request &request, const QDateTime &now) const
{
    const QByteArray header = request.header("authorization").trimmed();
    if (header.isEmpty())
        return ApiError(p("IncompleteSignatureException"),
                        p("Dynamodesk checks signatures in the Authorization header only: presigned (query-string) requests are not accepted "
                          "by an endpoint started with --auth"));
    const QList<QByteArray> scope = authParameter(header, "Credential").split('/');
    const QByteArray signature = authParameter(header, "Signature");
    const QList<QByteArray> signedNames = authParameter(header, "SignedHeaders").toLower().split(';');
    if (!header.startsWith("AWS4-HMAC-SHA256 ") || scope.size() != 5 || scope[4] != "aws4_request" || signature.isEmpty())
        return ApiError(p("IncompleteSignatureException"), QStringLiteral("Authorization header is not a valid AWS4-HMAC-SHA256 one: %1").arg(QString::fromUtf8(header)));
    const std::shared_ptr<const Principal> user = find(QString::fromUtf8(scope[0]));
    if (!user)
        return ApiError(p("UnrecognizedClientException"), p("The security token included in the request is invalid."));

    // The request's time: X-Amz-Date, else Date.
    QByteArray stamp = request.header("x-amz-date");
    QDateTime time = QDateTime::fromString(QString::fromLatin1(stamp), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    time.setTimeSpec(Qt::UTC);
    if (stamp.isEmpty()) {
        time = QDateTime::fromString(QString::fromLatin1(request.header("date")), Qt::RFC2822Date).toUTC();
        stamp = SigV4::timestamp(time);
    }
    if (!time.isValid())
        return ApiError(p("IncompleteSignatureException"), p("The request's X-Amz-Date or Date header is not a date"));
    const QDateTime utcNow = now.toUTC();
    if (time.secsTo(utcNow) > kMaxSkewSeconds)
        return invalidSignature(QStringLiteral("Signature expired: %1 is now earlier than %2 (%3 - 15 min.)")
                                    .arg(QString::fromLatin1(stamp), QString::fromLatin1(SigV4::timestamp(utcNow.addSecs(-kMaxSkewSeconds))),
                                         QString::fromLatin1(SigV4::timestamp(utcNow))));
    if (utcNow.secsTo(time) > kMaxSkewSeconds)
        return invalidSignature(QStringLiteral("Signature not yet current: %1 is still later than %2 (%3 + 15 min.)")
                                    .arg(QString::fromLatin1(stamp), QString::fromLatin1(SigV4::timestamp(utcNow.addSecs(kMaxSkewSeconds))),
                                         QString::fromLatin1(SigV4::timestamp(utcNow))));
    if (scope[1] != stamp.first(8))
        return invalidSignature(QStringLiteral("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '%1' != '%2', from '%3'.")
                                    .arg(QString::fromLatin1(scope[1]), QString::fromLatin1(stamp.first(8)), QString::fromLatin1(stamp)));
    // DAX's control plane (AmazonDAXV3) is the service "dax"; all else here is "dynamodb".
    const QByteArray service = request.header("x-amz-target").startsWith("AmazonDAXV3.") ? QByteArrayLiteral("dax") : QByteArrayLiteral("dynamodb");
    if (scope[3] != service)
        return invalidSignature(QStringLiteral("Credential should be scoped to correct service: '%1'. ").arg(QLatin1String(service)));
    const QByteArray expected = SigV4::signature(SigV4::canonicalRequest(request, signedNames), user->secretAccessKey, stamp,
                                                 QString::fromUtf8(scope[2]), QString::fromUtf8(scope[3]));
    if (!sameSignature(expected, signature.toLower()))
        return invalidSignature(p("The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key "
                                  "and signing method. Consult the service documentation for details."));
    return user;
}

bool Credentials::hasUserArn(const QString &arn, const QString &accountId) const
{
    for (const auto &user : m_users)
        if (user->arn(accountId) == arn)
            return true;
    return false;
}

} // namespace dd::security
