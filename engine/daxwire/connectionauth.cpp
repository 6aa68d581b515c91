#include "daxwire/connectionauth.h"

#include "security/sigv4.h"

#include <QCryptographicHash>

namespace dd::daxwire {

namespace {

QString s(const char *latin1) { return QString::fromLatin1(latin1); }

ApiError invalidSignature(const QString &message) { return ApiError(s("InvalidSignatureException"), message); }

// The request every DAX client signs (SigV4Gen.js): only its date varies.
QByteArray canonicalRequest(const QByteArray &amzDate)
{
    return "POST\n/\n\nhost:dax.amazonaws.com\nx-amz-date:" + amzDate + "\n\nhost;x-amz-date\n" +
           QCryptographicHash::hash(QByteArray(), QCryptographicHash::Sha256).toHex();
}

bool sameSignature(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    char diff = 0; // whatever differs, the same time
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= char(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace

Result<std::shared_ptr<const security::Principal>> verifyAuthorization(const security::Credentials &credentials,
                                                                      const std::vector<CborValue> &args, const QDateTime &now)
{
    if (args.size() < 3 || args[0].type != CborValue::Text || args[1].type != CborValue::Text ||
        (args[2].type != CborValue::Bytes && args[2].type != CborValue::Text))
        return invalidSignature(s("authorizeConnection needs an access key id, a signature and the string to sign"));
    const std::shared_ptr<const security::Principal> user = credentials.find(args[0].text());
    if (!user)
        return ApiError(s("UnrecognizedClientException"), s("The security token included in the request is invalid."));
    // AWS4-HMAC-SHA256 \n <amz date> \n <date>/<region>/dax/aws4_request \n <hash of the canonical request>
    const QList<QByteArray> lines = args[2].bytes.split('\n');
    const QList<QByteArray> scope = lines.size() == 4 ? lines[2].split('/') : QList<QByteArray>();
    if (lines.size() != 4 || lines[0] != "AWS4-HMAC-SHA256" || scope.size() != 4 || scope[2] != "dax" || scope[3] != "aws4_request")
        return invalidSignature(s("The string to sign is not a DAX client's"));
    const QByteArray stamp = lines[1];
    QDateTime time = QDateTime::fromString(QString::fromLatin1(stamp), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    time.setTimeSpec(Qt::UTC);
    if (!time.isValid() || scope[0] != stamp.first(std::min<qsizetype>(8, stamp.size())))
        return invalidSignature(s("The string to sign's date is not one"));
    if (std::abs(time.secsTo(now.toUTC())) > security::Credentials::kMaxSkewSeconds)
        return invalidSignature(QStringLiteral("Signature expired or not yet current: %1 is more than 15 minutes from %2")
                                    .arg(QString::fromLatin1(stamp), QString::fromLatin1(security::SigV4::timestamp(now.toUTC()))));
    const QByteArray canonical = canonicalRequest(stamp);
    if (QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex() != lines[3])
        return invalidSignature(s("The string to sign is not that of the request DAX clients sign"));
    const QByteArray expected = security::SigV4::signature(canonical, user->secretAccessKey, stamp, QString::fromUtf8(scope[1]), s("dax"));
    if (!sameSignature(expected, args[1].bytes.toLower()))
        return invalidSignature(s("The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key "
                                  "and signing method. Consult the service documentation for details."));
    return user;
}

} // namespace dd::daxwire
