// SigV4: AWS Signature Version 4 for one HTTP request, the way HttpClient
// signs every call to DynamoDB. It computes, byte for byte, what botocore's
// SigV4Auth computes for the same request, credentials and time
// (tests/engine/client/tst_sigv4.cpp checks this against python3-botocore),
// including botocore's choices where the specification leaves room: the
// path has its dot segments and repeated slashes removed and is then
// percent-encoded once more; the query string is sorted but not re-encoded;
// every header but Expect, User-Agent and X-Amzn-Trace-Id is signed.
//
// Pure functions over values; safe from any thread.
// Reference: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrl>

#include <utility>

namespace dd::security {

// An access key, as read from a profile or the environment.
struct AwsCredentials {
    QString accessKeyId;     // "AKIA..." or "ASIA..." (temporary)
    QString secretAccessKey; // never logged or shown
    QString sessionToken;    // empty for long-term keys; sent as X-Amz-Security-Token
    bool isValid() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
};

class SigV4 {
public:
    // One HTTP request as it goes on the wire.
    struct Request {
        QByteArray method = "POST";                         // upper case
        QUrl url;                                           // scheme, host, port, path and query as sent
        QList<std::pair<QByteArray, QByteArray>> headers;   // in order, names as sent; a name may repeat
        QByteArray body;                                    // the payload, hashed with SHA-256

        bool hasHeader(QByteArrayView name) const;         // any header of that name (any case)
        QByteArray header(QByteArrayView name) const;      // first value of `name` (any case), or empty
        void setHeader(const QByteArray &name, const QByteArray &value); // replaces every header of that name (any case)
        void removeHeader(QByteArrayView name);             // removes every header of that name (any case)
    };

    // Signs `request` in place at `time`: sets X-Amz-Date (or rewrites Date
    // if the request carries one), X-Amz-Security-Token when the credentials
    // have a session token, and Authorization, replacing earlier values so
    // that a retry can be signed again. `service` is the signing name
    // ("dynamodb", also for DynamoDB Streams).
    static void sign(Request &request, const AwsCredentials &credentials, const QString &region,
                     const QString &service, const QDateTime &time);

    // The steps of sign(), exposed for tests and diagnostics. They read the
    // request as it is (sign() adds the date and token headers first).
    static QByteArray canonicalRequest(const Request &request);
    // The canonical request of a received request, over exactly the headers
    // its signer named (`signedNames`: lower case, in the order given, from
    // the Authorization header's SignedHeaders), for verifying it.
    static QByteArray canonicalRequest(const Request &request, const QList<QByteArray> &signedNames);
    static QByteArray stringToSign(const QByteArray &canonicalRequest, const QByteArray &timestamp,
                                   const QString &region, const QString &service);
    static QByteArray signingKey(const QString &secretAccessKey, const QByteArray &date, const QString &region,
                                 const QString &service); // raw 32 bytes
    static QByteArray signedHeaders(const Request &request); // "content-type;host;x-amz-date"

    // The Host header botocore derives from a URL: lower-case host, IPv6 in
    // brackets, ":port" unless the port is the scheme's default.
    static QByteArray hostHeader(const QUrl &url);

    // "20150830T123600Z", the X-Amz-Date format.
    static QByteArray timestamp(const QDateTime &time);
    // The signature (hex) of `canonicalRequest` made with `secretAccessKey` at
    // `timestamp` (X-Amz-Date form) for `region` and `service`.
    static QByteArray signature(const QByteArray &canonicalRequest, const QString &secretAccessKey, const QByteArray &timestamp,
                                const QString &region, const QString &service);
};

} // namespace dd::security
