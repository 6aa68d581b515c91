#include "browser/batchdelete.h"

#include "connections/connection.h"

#include <QJsonArray>
#include <QPromise>
#include <QThread>
#include <QtConcurrent>

namespace dd::ui {

namespace {

constexpr int kBatchSize = 25;  // BatchWriteItem's limit of requests per call
constexpr int kMaxRetries = 8;  // for UnprocessedItems, backing off from 50 ms

void run(QPromise<BatchDeleteResult> &promise, Connection *connection, const QString &table, const QList<QJsonObject> &keys,
         const CancelFlag &cancel)
{
    BatchDeleteResult result;
    promise.setProgressRange(0, int(keys.size()));
    for (qsizetype start = 0; start < keys.size(); start += kBatchSize) {
        if (promise.isCanceled() || isSet(cancel)) {
            result.canceled = true;
            break;
        }
        QJsonArray requests;
        const QList<QJsonObject> batch = keys.mid(start, kBatchSize);
        for (const auto &key : batch)
            requests.append(QJsonObject{{QStringLiteral("DeleteRequest"), QJsonObject{{QStringLiteral("Key"), key}}}});
        QJsonObject pending{{table, requests}};
        for (int attempt = 0; !pending.isEmpty(); ++attempt) {
            if (attempt > 0)
                QThread::msleep(50u << qMin(attempt - 1, 6));
            const auto r = connection->callSync(QStringLiteral("BatchWriteItem"),
                                                QJsonObject{{QStringLiteral("RequestItems"), pending}});
            if (!r.ok()) {
                result.error = QStringLiteral("%1: %2").arg(r.error->type(), r.error->message());
                break;
            }
            pending = r.body.value(QStringLiteral("UnprocessedItems")).toObject();
            if (attempt == kMaxRetries && !pending.isEmpty()) {
                result.error = QStringLiteral("ProvisionedThroughputExceededException: items stayed unprocessed after %1 retries").arg(kMaxRetries);
                break;
            }
        }
        if (!result.error.isEmpty())
            break;
        result.deleted.append(batch);
        promise.setProgressValue(int(start + batch.size()));
    }
    promise.addResult(result);
}

} // namespace

QFuture<BatchDeleteResult> startBatchDelete(Connection *connection, const QString &table, const QList<QJsonObject> &keys,
                                            CancelFlag cancel)
{
    return QtConcurrent::run(connection->pool(), run, connection, table, keys, std::move(cancel));
}

} // namespace dd::ui
