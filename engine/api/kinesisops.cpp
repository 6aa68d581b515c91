// Kinesis Data Streams destinations: DescribeKinesisStreamingDestination and
// UpdateKinesisStreamingDestination. Kinesis is not emulated, so no table has
// a destination (EnableKinesisStreamingDestination and Disable answer
// UnknownOperationException); a table's changes are in its DynamoDB stream
// and its local triggers. These two answer as AWS does for a table without
// one, so that tools which describe or reconcile every table work.
// AWS's observed rules: ack-api-quirks dynamodb, table-policy-kinesis-autoscaling.md
// (DDB-TABLE-234, -268, -299, -300, -302).
#include "api/opcontext.h"

#include <QJsonArray>

namespace dd::api {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

} // namespace

Result<QByteArray> describeKinesisStreamingDestination(OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(auto table, requireTable(ctx, req.value(p("TableName")).toString(), false));
    return toBody({{p("TableName"), table->name}, {p("KinesisDataStreamDestinations"), QJsonArray()}});
}

Result<QByteArray> updateKinesisStreamingDestination(OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(auto table, requireTable(ctx, req.value(p("TableName")).toString(), false));
    // The configuration is checked before the destination (an empty one too).
    const QJsonObject config = req.value(p("UpdateKinesisStreamingConfiguration")).toObject();
    if (!config.contains(p("ApproximateCreationDateTimePrecision")))
        return ApiError::validation(p("Streaming destination cannot be updated with given parameters: "
                                      "UpdateKinesisStreamingConfiguration cannot be null or contain only null values"));
    // Only an ACTIVE destination takes an update; AWS answers a stream that
    // is none of the table's with the same ValidationException, never
    // ResourceNotFoundException. Here no stream is one.
    return ApiError::validation(QStringLiteral("Table is not in a valid state to enable Kinesis Streaming Destination: Kinesis streaming is not in "
                                               "ACTIVE state. Updates are only allowed in ACTIVE state. TableName: %1, kdsArn: %2")
                                    .arg(table->name, req.value(p("StreamArn")).toString()));
}

} // namespace dd::api
