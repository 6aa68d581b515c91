#include "insights/insightsload.h"

#include "common/responses.h"
#include "common/tablekeys.h"
#include "connections/connection.h"

namespace dd::ui {

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }

} // namespace

void loadInsights(QPromise<InsightsLoad> &promise, Connection *connection, const QString &table, const QString &index,
                  InsightsRule rule, int minutes, qint64 endSeconds, int maxContributors)
{
    InsightsLoad l{index, rule, minutes};
    const client::ApiResponse d = connection->callSync(s("DescribeTable"), {{s("TableName"), table}});
    if (d.ok())
        l.table = d.body.value(s("Table")).toObject();
    else
        l.tableError = errorText(d);
    if (promise.isCanceled() || l.table.isEmpty()) {
        promise.addResult(l);
        return;
    }
    QJsonObject target{{s("TableName"), table}};
    if (!index.isEmpty())
        target.insert(s("IndexName"), index);
    l.status = connection->callSync(s("DescribeContributorInsights"), target);
    // An item rule on a target without a sort key is refused; the view offers it no longer.
    if (promise.isCanceled() || (ruleNeedsSortKey(rule) && TableKeys::fromDescription(l.table, index).sorts.isEmpty())) {
        promise.addResult(l);
        return;
    }
    QJsonObject request = target;
    request.insert(s("Rule"), ruleCode(rule));
    request.insert(s("StartTime"), double(endSeconds - qint64(minutes) * 60));
    request.insert(s("EndTime"), double(endSeconds));
    request.insert(s("MaxContributors"), maxContributors);
    l.report = connection->callSync(s("Dynamodesk.GetContributorInsightsReport"), request);
    promise.addResult(l);
}

} // namespace dd::ui
