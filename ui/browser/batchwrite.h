// writeBatch: one BatchWriteItem of up to 25 put or delete requests on one
// table, sent again (backing off from 50 ms) with its UnprocessedItems until
// none is left: the step of the browser's batch delete and of its import.
// Runs on the calling thread (a job on the Connection's pool).
#pragma once

#include <QJsonArray>
#include <QString>

namespace dd::ui {

class Connection;

inline constexpr int kBatchWriteLimit = 25; // BatchWriteItem's limit of requests per call

// Empty when every request was written; otherwise why not ("Type: message";
// ProvisionedThroughputExceededException once items stayed unprocessed
// after 8 retries).
QString writeBatch(Connection *connection, const QString &table, const QJsonArray &requests);

} // namespace dd::ui
