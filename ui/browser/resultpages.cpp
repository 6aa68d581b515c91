#include "browser/resultpages.h"

#include "common/responses.h"
#include "connections/connection.h"

namespace dd::ui {

QString readAllPages(Connection *connection, const QString &operation, QJsonObject request,
                     const std::function<bool()> &canceled, const std::function<void(const QJsonArray &)> &onPage,
                     bool *wasCanceled)
{
    *wasCanceled = false;
    request.remove(QStringLiteral("ExclusiveStartKey"));
    request.remove(QStringLiteral("Limit"));
    for (;;) {
        if (canceled()) {
            *wasCanceled = true;
            return {};
        }
        const auto r = connection->callSync(operation, request);
        if (!r.ok())
            return errorText(r);
        onPage(r.body.value(QStringLiteral("Items")).toArray());
        const QJsonObject cursor = r.body.value(QStringLiteral("LastEvaluatedKey")).toObject();
        if (cursor.isEmpty())
            return {};
        request.insert(QStringLiteral("ExclusiveStartKey"), cursor);
    }
}

} // namespace dd::ui
