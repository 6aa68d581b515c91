// ParameterGroupsPanel: the DAX parameter groups of one Connection
// (Dax.DescribeParameterGroups, every page) and, for the selected group,
// its two parameters (Dax.DescribeParameters) in a TtlEditor: the item
// cache's TTL (record-ttl-millis) and the query cache's (query-ttl-millis),
// in milliseconds; its Save sends Dax.UpdateParameterGroup, and clusters
// using the group take the new TTLs at once (ChangeType IMMEDIATE).
// default.dax1.0 is shown read-only, as DAX refuses to change it. New parameter group…
// and Delete group… (after a question) create and delete groups; DAX's
// refusals (a group still used by a cluster, a name taken) are shown in
// the panel.
//
// GUI thread only. Every call goes through Connection::call into a
// watcher; the destructor cancels reads and waits for writes still
// running (they are sent either way). The Connection must outlive it.
#pragma once

#include "client/client.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace dd::ui {

class Connection;
class ErrorLabel;
class TtlEditor;

class ParameterGroupsPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr const char *kDefaultGroup = "default.dax1.0";
    enum Column { NameColumn, DescriptionColumn };

    // Starts reading the groups.
    explicit ParameterGroupsPanel(Connection *connection, QWidget *parent = nullptr);
    ~ParameterGroupsPanel() override;

    // Reads the groups again (a no-op while they are being read); the
    // selected group stays selected if it is still there.
    void refresh();
    // Selects a listed group and reads its parameters; false if not listed.
    bool selectGroup(const QString &name);
    // Types into the two fields (as the user would; validated at once).
    void setTtls(const QString &recordTtlMs, const QString &queryTtlMs);
    // Sends Dax.UpdateParameterGroup with both fields (as Save does);
    // false, sending nothing, while Save is disabled.
    bool save();
    // Asks for a name (a QInputDialog "newParameterGroupDialog"), then createGroup().
    void askNewGroup();
    // Sends Dax.CreateParameterGroup; the new group is selected once listed.
    bool createGroup(const QString &name);
    // Asks first (a window-modal QMessageBox "confirmDeleteParameterGroup"),
    // then deleteGroup(); false if nothing deletable is selected.
    bool deleteSelected();
    // Sends Dax.DeleteParameterGroup without asking.
    bool deleteGroup(const QString &name);

    // What the panel shows, for tests and the screenshot tour.
    bool isLoading() const;                 // the list or the selected group's parameters are being read
    bool isBusy() const;                    // a create, save or delete runs
    QStringList groupNames() const;         // as listed
    QString selectedGroup() const;          // empty if none
    bool parametersLoaded() const { return !m_shownGroup.isEmpty() && m_shownGroup == selectedGroup(); }
    bool isReadOnly() const;                // the selected group cannot be changed (default.dax1.0, or none)
    QString recordTtl() const;              // the fields' text
    QString queryTtl() const;
    bool canSave() const;                   // the Save button's state
    QString errorText() const;              // DAX's refusal of the last call, or a failed read
    QString ttlErrorText() const;           // what is wrong with the fields' values; empty if nothing
    QString statusText() const;
    QTreeWidget *groupList() const { return m_list; }

signals:
    // A group was created or deleted (the clusters' forms may offer other groups).
    void groupsChanged();

private:
    void listPage(const QString &nextToken);
    void onListed();
    void showGroups();
    void onSelected();
    void describe(const QString &group);
    void onDescribed();
    void onSaved();
    void onCreated();
    void onDeleted();
    void relist(); // refresh() now, or once the listing under way ends
    void updateForm();
    void setStatus(const QString &status, const QString &error);

    Connection *m_connection;                        // not owned
    QList<QJsonObject> m_rows;                       // ParameterGroups read so far
    QList<QJsonObject> m_reading;                    // the pages of the listing under way
    QString m_wantedGroup;                           // the group to select once listed
    QString m_describingGroup;                       // the group m_describe reads
    QString m_shownGroup;                            // the group whose parameters the editor shows
    bool m_listAgain = false;                        // list again once the listing under way ends
    // Calls started whose answer was not handled yet (a watcher's future
    // finishes before its finished() signal is handled).
    bool m_listing = false;
    bool m_describing = false;
    bool m_saving = false;
    bool m_creating = false;
    bool m_deleting = false;
    QFutureWatcher<client::ApiResponse> m_listCall;  // Dax.DescribeParameterGroups, one page
    QFutureWatcher<client::ApiResponse> m_describe;  // Dax.DescribeParameters
    QFutureWatcher<client::ApiResponse> m_update;    // Dax.UpdateParameterGroup
    QFutureWatcher<client::ApiResponse> m_create;    // Dax.CreateParameterGroup
    QFutureWatcher<client::ApiResponse> m_delete;    // Dax.DeleteParameterGroup

    QTreeWidget *m_list;
    QPushButton *m_newButton;
    QPushButton *m_deleteButton;
    TtlEditor *m_editor;
    QLabel *m_status;
    ErrorLabel *m_error;
};

} // namespace dd::ui
