#include "browser/exportjsonl.h"

#include "browser/resultpages.h"
#include "common/itemjson.h"
#include "connections/connection.h"

#include <QJsonArray>
#include <QPromise>
#include <QSaveFile>
#include <QtConcurrent>

namespace dd::ui {

namespace {

void run(QPromise<ExportResult> &promise, Connection *connection, const QString &operation, QJsonObject request,
         const QString &filePath, const CancelFlag &cancel)
{
    ExportResult result;
    QSaveFile file(filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = file.errorString();
        promise.addResult(result);
        return;
    }
    promise.setProgressRange(0, 0);
    result.error = readAllPages(connection, operation, request, [&promise, &cancel] { return promise.isCanceled() || isSet(cancel); },
        [&](const QJsonArray &items) {
            for (const auto &v : items) {
                file.write(itemjson::toDynamoLine(QJsonObject{{QStringLiteral("Item"), v}}));
                file.write("\n");
                ++result.items;
            }
            promise.setProgressValueAndText(int(qMin<qint64>(result.items, INT_MAX)), QString::number(result.items));
        }, &result.canceled);
    if (result.error.isEmpty() && !result.canceled && !file.commit())
        result.error = file.errorString();
    promise.addResult(result);
}

} // namespace

QFuture<ExportResult> startExportJsonLines(Connection *connection, const QString &operation, const QJsonObject &request,
                                           const QString &filePath, CancelFlag cancel)
{
    return QtConcurrent::run(connection->pool(), run, connection, operation, request, filePath, std::move(cancel));
}

} // namespace dd::ui
