// JsonProtocol: the client side of DynamoDB's JSON 1.0 protocol, without
// the network: which X-Amz-Target, Content-Type and SigV4 signing name go
// with an operation (DAX's control plane, "Dax.<Op>", speaks JSON 1.1 as
// AmazonDAXV3 and signs as "dax"), how a response
// (status, body, x-amz-crc32) becomes an ApiResponse, and which failures are
// worth another attempt. HttpClient moves the bytes; this decides what they
// mean. Pure functions; safe from any thread.
#pragma once

#include "client/client.h"

#include <QByteArray>
#include <QString>

namespace dd::client {

class JsonProtocol {
public:
    // What one HTTP exchange amounted to.
    struct Reply {
        ApiResponse response;   // body or error; latencyMs is left 0
        bool retryable = false; // throttling, 5xx, transport or checksum failure
    };

    // "DynamoDB_20120810.Query"; "Streams.GetRecords" -> "DynamoDBStreams_20120810.GetRecords";
    // "Dynamodesk.ListTriggers" -> "Dynamodesk_20261101.ListTriggers" (our own operations);
    // "Dax.CreateCluster" -> "AmazonDAXV3.CreateCluster".
    static QByteArray target(const QString &operation);
    static bool isStreamsOperation(const QString &operation); // named "Streams.<Op>"
    static bool isDaxOperation(const QString &operation);     // named "Dax.<Op>" (DAX's control plane)

    static constexpr const char *contentType = "application/x-amz-json-1.0";    // DynamoDB, its Streams, Dynamodesk
    static constexpr const char *daxContentType = "application/x-amz-json-1.1"; // DAX's control plane
    // The Content-Type of `operation`'s request: daxContentType for Dax.*, else contentType.
    static const char *contentTypeOf(const QString &operation);
    // The SigV4 signing name: "dax" for Dax.*, else "dynamodb" (botocore
    // signs DynamoDB Streams as "dynamodb" too, and so do DAX's cluster
    // endpoints reached over HTTP).
    static QString signingNameOf(const QString &operation);

    // Interprets a response. `crc32Header` and `errorTypeHeader` are the
    // x-amz-crc32 and x-amzn-ErrorType headers (empty if absent). A 2xx
    // with an empty body is an empty object. An error body's "__type" is cut
    // after its '#'; its message is "message" or "Message"; other fields
    // (CancellationReasons, Item, ...) go to ApiError::extra(). A body that
    // is not DynamoDB's (a proxy's HTML page) becomes an error named after
    // the status: InternalServerError, ServiceUnavailable or HttpError.
    static Reply parse(int httpStatus, const QByteArray &body, const QByteArray &crc32Header,
                       const QByteArray &errorTypeHeader = QByteArray());

    // A failure below HTTP (refused, reset, TLS, timeout): NetworkError, retryable.
    static Reply transportError(const QString &message);

    // The throttling errors the SDKs retry (botocore's standard mode list).
    static bool isThrottling(const QString &errorType);

    // CRC-32 (ISO-HDLC, as zlib's crc32()) of `data`.
    static quint32 crc32(QByteArrayView data);
};

} // namespace dd::client
