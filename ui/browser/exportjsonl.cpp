#include "browser/exportjsonl.h"

#include "common/itemjson.h"
#include "connections/connection.h"

#include <QJsonArray>
#include <QPromise>
#include <QSaveFile>
#include <QtConcurrent>

namespace dd::ui {

namespace {

void run(QPromise<ExportResult> &promise, Connection *connection, const QString &operation, QJsonObject request,
         const QString &filePath)
{
    ExportResult result;
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = file.errorString();
        promise.addResult(result);
        return;
    }
    request.remove(QStringLiteral("ExclusiveStartKey"));
    request.remove(QStringLiteral("Limit")); // the browser's page size; whole 1 MB pages are faster here
    promise.setProgressRange(0, 0);
    for (;;) {
        if (promise.isCanceled()) {
            result.canceled = true;
            break;
        }
        const auto r = connection->callSync(operation, request);
        if (!r.ok()) {
            result.error = QStringLiteral("%1: %2").arg(r.error->type(), r.error->message());
            break;
        }
        for (const auto &v : r.body.value(QStringLiteral("Items")).toArray()) {
            file.write(itemjson::toDynamoLine(QJsonObject{{QStringLiteral("Item"), v}}));
            file.write("\n");
            ++result.items;
        }
        promise.setProgressValueAndText(int(qMin<qint64>(result.items, INT_MAX)), QString::number(result.items));
        const QJsonObject cursor = r.body.value(QStringLiteral("LastEvaluatedKey")).toObject();
        if (cursor.isEmpty())
            break;
        request.insert(QStringLiteral("ExclusiveStartKey"), cursor);
    }
    if (result.error.isEmpty() && !result.canceled && !file.commit())
        result.error = file.errorString();
    promise.addResult(result);
}

} // namespace

QFuture<ExportResult> startExportJsonLines(Connection *connection, const QString &operation, const QJsonObject &request,
                                           const QString &filePath)
{
    return QtConcurrent::run(connection->pool(), run, connection, operation, request, filePath);
}

} // namespace dd::ui
