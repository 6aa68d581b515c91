#include "backups/restorejob.h"

#include "common/responses.h"
#include "connections/connection.h"

#include <QThread>

#include <algorithm>

namespace dd::ui {

void runRestore(QPromise<RestoreOutcome> &promise, Connection *connection, const QString &operation,
                const QJsonObject &request, qint64 expectedItems, int pollMs, const CancelFlag &cancel)
{
    RestoreOutcome out;
    out.table = request.value(QStringLiteral("TargetTableName")).toString();
    promise.setProgressRange(0, int(std::min<qint64>(expectedItems, 1'000'000'000)));
    if (isSet(cancel)) { // cancelled before it ran: nothing was sent
        out.canceled = true;
        promise.addResult(out);
        return;
    }
    out.sent = true;
    const client::ApiResponse started = connection->callSync(operation, request);
    if (!started.ok()) {
        out.error = errorText(started);
        promise.addResult(out);
        return;
    }
    for (;;) {
        if (isSet(cancel) || promise.isCanceled()) {
            out.canceled = true;
            break;
        }
        const client::ApiResponse d = connection->callSync(QStringLiteral("DescribeTable"), {{QStringLiteral("TableName"), out.table}});
        if (!d.ok()) {
            out.error = errorText(d);
            break;
        }
        const QJsonObject table = d.body.value(QStringLiteral("Table")).toObject();
        const qint64 items = qint64(table.value(QStringLiteral("ItemCount")).toDouble());
        if (expectedItems > 0)
            promise.setProgressValue(int(std::min(items, expectedItems)));
        if (table.value(QStringLiteral("TableStatus")).toString() == QLatin1String("ACTIVE")) {
            out.active = true;
            break;
        }
        QThread::msleep(static_cast<unsigned long>(pollMs));
    }
    promise.addResult(out);
}

} // namespace dd::ui
