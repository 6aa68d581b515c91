// CreateClusterDialog: "Create DAX cluster" for one Connection: the
// cluster's name (DAX's rules shown beside it), node type, replication
// factor (1 to 11 nodes), parameter group (read with
// Dax.DescribeParameterGroups), IAM role ARN (pre-filled with a role that
// suits a local engine) and description. Create sends Dax.CreateCluster;
// DAX's refusal (ClusterAlreadyExistsFault, InvalidParameterValueException,
// ...) is shown in the dialog, which stays open; success emits created()
// and accepts.
//
// GUI thread only. Calls go through Connection::call into watchers; the
// destructor cancels the parameter group listing and waits for a create
// still running (it is sent either way). The Connection must outlive the
// dialog.
#pragma once

#include "client/client.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace dd::ui {

class Connection;
class ErrorLabel;

class CreateClusterDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr const char *kLocalRoleArn = "arn:aws:iam::000000000000:role/DAXServiceRole";
    static constexpr int kMaxNodes = 11; // DAX's nodes per cluster (one primary, ten read replicas)

    // Starts reading the parameter groups.
    explicit CreateClusterDialog(Connection *connection, QWidget *parent = nullptr);
    ~CreateClusterDialog() override;

    // DAX's current node types, smallest first.
    static QStringList nodeTypes();

    // Sends Dax.CreateCluster with what the form holds (as Create does);
    // false, sending nothing, while Create is disabled.
    bool create();

    // What the dialog shows, for tests and the screenshot tour.
    bool canCreate() const;                                // the Create button's state
    bool isCreating() const { return m_creating; }        // Dax.CreateCluster sent, its answer not handled yet
    bool groupsLoaded() const { return m_groupsLoaded; }   // DescribeParameterGroups answered
    QStringList parameterGroups() const;                   // as the combo offers them
    QJsonObject createdCluster() const { return m_created; } // the last created cluster's description
    QString errorText() const;

signals:
    // Dax.CreateCluster succeeded; `cluster` is its "Cluster".
    void created(const QJsonObject &cluster);

private:
    void onGroups();
    void onCreated();
    void fitHeight(); // grows to fit a message shown
    void updateForm();

    Connection *m_connection;                          // not owned
    bool m_groupsLoaded = false;
    bool m_creating = false;                           // Dax.CreateCluster sent, its answer not handled yet
    QJsonObject m_created;
    QFutureWatcher<client::ApiResponse> m_groups;      // Dax.DescribeParameterGroups
    QFutureWatcher<client::ApiResponse> m_create;      // Dax.CreateCluster

    QLineEdit *m_name;
    QComboBox *m_nodeType;
    QSpinBox *m_nodes;
    QComboBox *m_parameterGroup;
    QLineEdit *m_role;
    QLineEdit *m_description;
    QProgressBar *m_busy;
    QLabel *m_progress;
    ErrorLabel *m_error;
    QPushButton *m_createButton;
};

} // namespace dd::ui
