// ContributorsModel: the contributors' table under the chart of the
// Contributor Insights tab: key, total and share of the aggregate, highest
// total first, each key with its line's colour (ContributorChart::seriesColor).
// GUI thread only.
#pragma once

#include "insights/insightsreport.h"

#include <QStandardItemModel>

namespace dd::ui {

class ContributorsModel : public QStandardItemModel {
    Q_OBJECT
public:
    enum Column { KeyColumn, TotalColumn, ShareColumn };

    explicit ContributorsModel(QObject *parent = nullptr);

    // One row per contributor. Key: its text (Qt::UserRole: the key as
    // DynamoDB JSON); total and share in percent (Qt::UserRole: the numbers).
    // `unit` names the totals in the header ("capacity units").
    void setReport(const InsightsReport &report, const QString &unit);
    void clearRows(const QString &unit);
};

} // namespace dd::ui
