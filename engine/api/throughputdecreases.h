// The daily budget of provisioned throughput decreases, as AWS keeps it for
// a table and for each of its GSIs (Developer Guide, "Service quotas"; live
// AWS in ack-api-quirks DDB-TABLE-184, -185, -326): four decreases at any time
// in a UTC day, then one more 3600 seconds after the last one; the count
// starts again at midnight UTC. A request that lowers either capacity is a
// decrease, and lowering both counts once.
// Threads: plain functions, any thread.
#pragma once

#include "model/apierror.h"

#include <QJsonObject>

#include <optional>

namespace dd::api {

// AWS's LimitExceededException if a decrease of `throughput` (a
// ProvisionedThroughput description) is not allowed at `nowMs`, or nothing.
std::optional<ApiError> checkDecrease(const QJsonObject &throughput, qint64 nowMs);

// `throughput` after a decrease at `nowMs`: LastDecreaseDateTime, and
// NumberOfDecreasesToday counted from 0 again on a new UTC day.
void recordDecrease(QJsonObject &throughput, qint64 nowMs);

// `throughput` as DescribeTable shows it at `nowMs`: NumberOfDecreasesToday 0
// once the UTC day of its last decrease is over.
QJsonObject decreasesAsOf(QJsonObject throughput, qint64 nowMs);

} // namespace dd::api
