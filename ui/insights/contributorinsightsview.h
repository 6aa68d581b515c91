// ContributorInsightsView: the "Contributor insights" tab of one table.
// A target (the table or one of its global secondary indexes), its
// Contributor Insights status (DescribeContributorInsights) with Enable and
// Disable (UpdateContributorInsights), and for a rule and a time range the
// top contributors per minute (Dynamodesk.GetContributorInsightsReport) as a
// chart (contributorchart.h) and a table: key, total, share of the total.
// Reloads every kRefreshMs while it is visible, every kSettlingMs while the
// status is ENABLING or DISABLING, and on Refresh.
//
// Every call goes through the Connection off the GUI thread. A refresh asked
// while one runs is made after it, and a result whose target, rule or range
// is no longer the one shown is dropped. Against an endpoint without
// Dynamodesk's own operations (real AWS) the status and Enable/Disable work
// as usual and the chart points to CloudWatch Contributor Insights, where
// AWS keeps the graphs.
//
// GUI thread only. The Connection must outlive the view; the destructor
// drops a refresh in flight and lets an Enable or Disable be sent, without
// waiting for either (common/watchers.h).
#pragma once

#include "client/client.h"
#include "common/tablekeys.h"
#include "insights/insightsload.h"
#include "insights/insightsreport.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace dd::ui {

class Connection;
class ContributorChart;
class ContributorsModel;
class ErrorLabel;

class ContributorInsightsView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kRefreshMs = 10'000; // while visible
    static constexpr int kSettlingMs = 1'000; // while ENABLING or DISABLING
    static constexpr int kMaxContributors = 20; // asked of the report (the API allows 1..100)

    ContributorInsightsView(Connection *connection, const QString &table, QWidget *parent = nullptr);
    ~ContributorInsightsView() override;

    Connection *connection() const { return m_connection; }
    const QString &tableName() const { return m_table; }

    void refresh();           // reloads the status and the report of the current target
    bool isLoading() const;   // a refresh or a change in flight

    // The targets: "" for the table, then its global secondary indexes
    // (known after the first load). setTarget() selects one of them.
    QStringList targets() const;
    QString target() const;
    void setTarget(const QString &index); // one not known yet: selected once it is
    // Rules offered for the current target: the item rules only when it has a sort key.
    QList<InsightsRule> rules() const;
    InsightsRule rule() const;
    void setRule(InsightsRule rule);
    int rangeMinutes() const;
    void setRangeMinutes(int minutes); // 5, 15, 60 or 1440

    // The target's state as last read; empty until then.
    QString status() const { return m_status; }          // ContributorInsightsStatus
    QString mode() const { return m_mode; }              // ContributorInsightsMode
    QStringList ruleNames() const { return m_ruleNames; } // ContributorInsightsRuleList
    // Whether the endpoint answers Dynamodesk.GetContributorInsightsReport
    // (assumed until it says otherwise).
    bool reportAvailable() const { return m_reportAvailable; }

    // What the Enable/Disable button does: enabling is sent at once,
    // disabling after a question (the recorded minutes are dropped).
    // Returns the question's box for disabling, null otherwise.
    QWidget *setInsightsEnabled(bool enabled);

    ContributorChart *chart() const { return m_chart; }
    // The top contributors of the report shown, highest total first.
    ContributorsModel *contributorsModel() const { return m_model; }

signals:
    void statusMessage(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void startLoad();
    void onLoaded();
    void showStatus(const QJsonObject &description);
    QString showReport(const InsightsLoad &load); // returns an error to show, if any
    void fillTargets(const QJsonObject &table);
    void fillRules();
    void selectionChanged();
    void sendUpdate(bool enable);
    void updateActions();
    TableKeys targetKeys() const;

    Connection *m_connection;
    QString m_table;
    QString m_wantedTarget; // setTarget() before the table's indexes were known; null: none
    QJsonObject m_description;     // the table's, as last read
    QString m_status;
    QString m_mode;
    QStringList m_ruleNames;
    bool m_reportAvailable = true;
    bool m_loadPending = false;
    bool m_again = false;          // a refresh asked while one ran
    bool m_actionPending = false;
    bool m_hidden = false;         // hidden since shown: refresh when shown again
    QString m_actionError;         // the last Enable/Disable's failure, until the next one
    QFutureWatcher<InsightsLoad> m_loadWatcher;
    QFutureWatcher<client::ApiResponse> m_actionWatcher;
    QTimer m_refreshTimer;
    QTimer m_settlingTimer;

    QComboBox *m_targetBox;
    QComboBox *m_ruleBox;
    QComboBox *m_rangeBox;
    QComboBox *m_modeBox;
    QPushButton *m_toggle;
    QLabel *m_statusLabel;
    QLabel *m_rulesLabel;
    QLabel *m_summary;
    ErrorLabel *m_error;
    ContributorChart *m_chart;
    QTableView *m_view;
    ContributorsModel *m_model;
};

} // namespace dd::ui
