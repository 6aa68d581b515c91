#include "client/daxrouting.h"

#include <QSet>

namespace dd::client {

bool isDaxDataOperation(const QString &operation)
{
    static const QSet<QString> served{
        QStringLiteral("GetItem"),        QStringLiteral("BatchGetItem"),       QStringLiteral("Query"),
        QStringLiteral("Scan"),           QStringLiteral("PutItem"),            QStringLiteral("UpdateItem"),
        QStringLiteral("DeleteItem"),     QStringLiteral("BatchWriteItem"),     QStringLiteral("TransactWriteItems"),
        QStringLiteral("TransactGetItems")};
    return served.contains(operation);
}

} // namespace dd::client
