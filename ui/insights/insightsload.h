// The load behind one refresh of the Contributor Insights tab: the table's
// description (its indexes and keys), the target's status
// (DescribeContributorInsights) and the rule's report over [start, end)
// (Dynamodesk.GetContributorInsightsReport). The promise's cancel flag is
// read between the calls, so a load whose tab has closed stops after the
// call on its way. Runs off the GUI thread (QtConcurrent::run on the
// Connection's pool).
#pragma once

#include "client/client.h"
#include "insights/insightsreport.h"

#include <QJsonObject>
#include <QPromise>
#include <QString>

#include <optional>

namespace dd::ui {

class Connection;

struct InsightsLoad {
    QString index;                              // the target: empty for the table
    InsightsRule rule = InsightsRule::PartitionKeysAccessed;
    int minutes = 0;                            // the range asked for
    QJsonObject table;                          // DescribeTable's Table; empty if unreadable
    QString tableError;                         // why not
    client::ApiResponse status;                 // DescribeContributorInsights
    std::optional<client::ApiResponse> report;  // none if the rule does not fit the target (or cancelled)
};

// Adds exactly one result, even when cancelled (with what it read so far).
// `endSeconds` is the range's end, epoch seconds; it starts `minutes` before.
void loadInsights(QPromise<InsightsLoad> &promise, Connection *connection, const QString &table, const QString &index,
                  InsightsRule rule, int minutes, qint64 endSeconds, int maxContributors);

} // namespace dd::ui
