#include "browser/batchwrite.h"

#include "common/responses.h"
#include "connections/connection.h"

#include <QJsonObject>
#include <QThread>

namespace dd::ui {

namespace {
constexpr int kMaxRetries = 8; // for UnprocessedItems, backing off from 50 ms
} // namespace

QString writeBatch(Connection *connection, const QString &table, const QJsonArray &requests)
{
    QJsonObject pending{{table, requests}};
    for (int attempt = 0; !pending.isEmpty(); ++attempt) {
        if (attempt > 0)
            QThread::msleep(50u << qMin(attempt - 1, 6));
        const auto r = connection->callSync(QStringLiteral("BatchWriteItem"), QJsonObject{{QStringLiteral("RequestItems"), pending}});
        if (!r.ok())
            return errorText(r);
        pending = r.body.value(QStringLiteral("UnprocessedItems")).toObject();
        if (attempt == kMaxRetries && !pending.isEmpty())
            return QStringLiteral("ProvisionedThroughputExceededException: items stayed unprocessed after %1 retries").arg(kMaxRetries);
    }
    return QString();
}

} // namespace dd::ui
