#include "browser/batchdelete.h"

#include "browser/batchwrite.h"
#include "connections/connection.h"

#include <QJsonArray>
#include <QPromise>
#include <QtConcurrent>

namespace dd::ui {

namespace {

void run(QPromise<BatchDeleteResult> &promise, Connection *connection, const QString &table, const QList<QJsonObject> &keys,
         const CancelFlag &cancel)
{
    BatchDeleteResult result;
    promise.setProgressRange(0, int(keys.size()));
    for (qsizetype start = 0; start < keys.size(); start += kBatchWriteLimit) {
        if (promise.isCanceled() || isSet(cancel)) {
            result.canceled = true;
            break;
        }
        QJsonArray requests;
        const QList<QJsonObject> batch = keys.mid(start, kBatchWriteLimit);
        for (const auto &key : batch)
            requests.append(QJsonObject{{QStringLiteral("DeleteRequest"), QJsonObject{{QStringLiteral("Key"), key}}}});
        result.error = writeBatch(connection, table, requests);
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
