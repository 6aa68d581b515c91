// DaxClustersDialog: "DAX clusters…" for one Connection. The Clusters tab
// lists the connection's DAX clusters (Dax.DescribeClusters, every page:
// name, status, node type, nodes, parameter group, endpoint URL) with
// Refresh, Create… (CreateClusterDialog), Delete… (after a question) and
// Open table through cluster… (asks which table, then browses it in a
// DaxTableWindow whose item operations go through the cluster), and the
// selected cluster's live metrics (ClusterMetricsPanel, every 2 s while
// shown). While a cluster is creating, modifying or deleting, the list is
// read again every 2 s. The Parameter groups tab is a ParameterGroupsPanel.
//
// GUI thread only. Every call goes through Connection::call into a
// watcher; the destructor cancels reads and waits for a delete still
// running. The windows it opened are its children and close with it. The
// Connection must outlive the dialog.
#pragma once

#include "client/client.h"
#include "connections/tablelisting.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QTimer>

class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace dd::ui {

class ClusterMetricsPanel;
class Connection;
class CreateClusterDialog;
class DaxTableWindow;
class ErrorLabel;
class ParameterGroupsPanel;

class DaxClustersDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, NodeTypeColumn, NodesColumn, ParameterGroupColumn, EndpointColumn };
    static constexpr int kStatusPollMs = 2000; // while a cluster is in a transient status

    // Starts reading the clusters and the parameter groups.
    explicit DaxClustersDialog(Connection *connection, QWidget *parent = nullptr);
    ~DaxClustersDialog() override;

    Connection *connection() const { return m_connection; }

    // Reads the clusters (and the parameter groups) again; a no-op for the
    // clusters while they are being read.
    void refresh();
    // Opens the Create DAX cluster dialog (non-modal; one at a time). Once
    // DAX created the cluster, the list is read again and selects it.
    CreateClusterDialog *createCluster();
    // Asks first (a window-modal QMessageBox "confirmDeleteCluster"), then
    // deleteCluster(); false if no cluster is selected.
    bool deleteSelected();
    // Sends Dax.DeleteCluster without asking.
    bool deleteCluster(const QString &name);
    // Lists the tables (ListTables, every page), then asks which one to
    // open (a QInputDialog "chooseTableDialog") and openTableThroughCluster().
    // False if no cluster is selected or this connection cannot route
    // through one (AWS: DAX's own protocol, inside the cluster's VPC).
    bool openTableThroughSelected();
    // A window browsing `table` through `cluster` (its child, deleted on
    // close); null if the connection cannot route through a cluster.
    DaxTableWindow *openTableThroughCluster(const QString &cluster, const QString &table);
    // Selects a listed cluster (its metrics follow); false if not listed.
    bool selectCluster(const QString &name);

    // What the dialog shows, for tests and the screenshot tour.
    bool isLoading() const;                          // the clusters are being read
    bool isDeleting() const { return m_deleting; }
    bool canBrowseThroughClusters() const;           // Open table through cluster… is possible on this connection
    QStringList clusterNames() const;                // as listed
    QString selectedCluster() const;                 // empty if none
    QJsonObject clusterDescription(const QString &name) const; // as DescribeClusters gave it; empty if not listed
    QString errorText() const;
    QString statusText() const;
    QTreeWidget *clusterList() const { return m_list; }
    QTabWidget *tabs() const { return m_tabs; }
    ClusterMetricsPanel *metricsPanel() const { return m_metrics; }
    ParameterGroupsPanel *parameterGroups() const { return m_groups; }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void listPage(const QString &nextToken);
    void onListed();
    void showClusters();
    void onSelected();
    void onDeleted();
    void onTables();
    void chooseTable(const QStringList &tables);
    void updateActions();
    void setStatus(const QString &status, const QString &error);
    bool hasTransientCluster() const;

    Connection *m_connection;                          // not owned
    QList<QJsonObject> m_rows;                         // the clusters as last listed
    QList<QJsonObject> m_reading;                      // the pages of the listing under way
    bool m_listAgain = false;                          // list again once the listing under way ends
    QString m_listError;                               // the last listing's error, while shown
    // Calls started whose answer was not handled yet (a watcher's future
    // finishes before its finished() signal is handled).
    bool m_listing = false;
    bool m_deleting = false;
    bool m_listingTables = false;
    QString m_wantedCluster;                           // the cluster to select once listed
    QString m_tablesFor;                               // the cluster whose table is being chosen
    QFutureWatcher<client::ApiResponse> m_listCall;    // Dax.DescribeClusters, one page
    QFutureWatcher<client::ApiResponse> m_delete;      // Dax.DeleteCluster
    QFutureWatcher<TableNames> m_listTables;           // ListTables, every page
    QTimer m_poll;                                     // single shot: the next listing while a status is transient

    QTabWidget *m_tabs;
    QTreeWidget *m_list;
    QPushButton *m_refreshButton;
    QPushButton *m_createButton;
    QPushButton *m_deleteButton;
    QPushButton *m_openTableButton;
    ClusterMetricsPanel *m_metrics;
    ParameterGroupsPanel *m_groups;
    QProgressBar *m_busy;
    QLabel *m_status;
    ErrorLabel *m_error;
};

} // namespace dd::ui
