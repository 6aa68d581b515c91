// "Copy as code": a DynamoDB request as a short program that sends it with
// an AWS SDK and prints the response as JSON, in Python (boto3) or in
// JavaScript (the AWS SDK for JavaScript v3, @aws-sdk/client-dynamodb, as
// an ES module). The request is written as a literal of the language,
// member for member (TableName or a PartiQL Statement first, then by
// name, as the AWS CLI command has them): binary values (B, BS) become
// bytes (base64.b64decode, or Buffer.from(..., "base64")), since both SDKs
// base64-encode binary values themselves. With an endpoint URL the client is made for it, with the
// placeholder credentials that a local endpoint accepts; without one it
// takes the SDK's default credentials (real AWS).
// Pure functions; safe from any thread.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace dd::ui {

// What a "Copy as" menu copies.
enum class CopyFormat {
    AwsCli,     // the `aws dynamodb ...` command (common/awsclicommand.h)
    Python,     // boto3
    JavaScript, // the AWS SDK for JavaScript v3
};

namespace code {

// "BatchWriteItem" -> "batch_write_item" (boto3's method names).
QString pythonMethod(const QString &operation);

// The program that sends `request` as `operation` (a DynamoDB operation).
// format is Python or JavaScript. endpointUrl and region may be empty.
QString program(CopyFormat format, const QString &operation, const QJsonObject &request,
                const QString &endpointUrl = QString(), const QString &region = QString());

// One call of a program of several, in order.
struct Call {
    QString operation;
    QJsonObject request;
    QString waitForTable; // if set, then wait until this table exists and is ACTIVE (the SDKs' table-exists waiters)
};
// The program that makes `calls` one after the other, printing each response.
QString program(CopyFormat format, const QList<Call> &calls, const QString &endpointUrl = QString(),
                const QString &region = QString());

} // namespace code
} // namespace dd::ui
