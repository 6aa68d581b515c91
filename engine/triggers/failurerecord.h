// FailureRecord: what a trigger writes to its OnFailureFile for a range of
// records it passes over, one JSON object per line, in the shape of the
// record Lambda sends to an on-failure destination for a DynamoDB stream
// source (Lambda Developer Guide, "Retaining discarded batches"):
//   {"requestContext": {"requestId", "functionArn", "condition", "approximateInvokeCount"},
//    "responseContext": {"statusCode", "executedVersion", "functionError"},
//    "version": "1.0", "timestamp",
//    "DDBStreamBatchInfo": {"shardId", "startSequenceNumber", "endSequenceNumber",
//        "approximateArrivalOfFirstRecord", "approximateArrivalOfLastRecord", "batchSize", "streamArn"}}
// The records themselves are not included (as on Lambda): read them with
// GetShardIterator AT_SEQUENCE_NUMBER while they are retained.
// Value type; thread-safe.
#pragma once

#include <QByteArray>
#include <QString>

namespace dd::triggers {

struct FailureRecord {
    QString functionArn;           // the trigger as a Lambda function ARN
    QString condition;             // RetryAttemptsExhausted or RecordAgeExceeded
    int invokeCount = 0;           // approximateInvokeCount
    int statusCode = 200;          // Lambda reports 200 with a functionError; a URL target its HTTP status
    QString functionError = QStringLiteral("Unhandled");
    qint64 timeMs = 0;             // when the range was passed over
    QString shardId;
    QString streamArn;
    qint64 firstSeq = 0;
    qint64 lastSeq = 0;
    qint64 firstArrivalMs = 0;     // change time of the first and last record
    qint64 lastArrivalMs = 0;
    int batchSize = 0;

    QByteArray toJsonLine() const; // compact JSON and a newline

    // Appends `record` to `path`, creating the file. False and *error on failure.
    static bool append(const QString &path, const FailureRecord &record, QString *error);
};

} // namespace dd::triggers
