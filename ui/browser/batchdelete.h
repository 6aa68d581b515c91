// Deleting many items: BatchWriteItem DeleteRequests of 25 keys (DynamoDB's
// per-call limit), unprocessed ones retried with backoff, on the
// Connection's pool. Progress counts keys; cancelling stops between batches
// (a batch already sent stays done).
#pragma once

#include "common/progresspanel.h"

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace dd::ui {

class Connection;

struct BatchDeleteResult {
    QList<QJsonObject> deleted; // keys that are gone
    QString error;              // empty unless a call failed ("Type: message")
    bool canceled = false;
};

// The connection must outlive the future (its destructor waits for it).
// `cancel` (may be null) stops it between batches; the result says what was deleted until then.
QFuture<BatchDeleteResult> startBatchDelete(Connection *connection, const QString &table, const QList<QJsonObject> &keys,
                                            CancelFlag cancel = {});

} // namespace dd::ui
