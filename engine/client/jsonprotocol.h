// JsonProtocol: the client side of DynamoDB's JSON 1.0 protocol, without
// the network: which X-Amz-Target names an operation, how a response
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
    // "Dynamodesk.ListTriggers" -> "Dynamodesk_20261101.ListTriggers" (our own operations).
    static QByteArray target(const QString &operation);
    static bool isStreamsOperation(const QString &operation); // named "Streams.<Op>"

    static constexpr const char *contentType = "application/x-amz-json-1.0";

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
