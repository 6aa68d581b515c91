// ReplicasDialog: "Global table…" for one table of one Connection: the
// regions of the table (this connection's region and every entry of
// DescribeTable's Replicas, with its ReplicaStatus), Add replica (UpdateTable
// ReplicaUpdates Create), Remove replica (Delete, after a confirmation) and
// Open region, which asks the main window to browse a replica's region.
// While a replica is being created or removed, or the table is UPDATING, it
// polls DescribeTable about every 500 ms and says what is going on.
//
// GUI thread only. Every call goes through Connection::call into a watcher;
// the destructor waits for a call still running (a change already asked for
// is still sent), so the dialog may be closed (and deleted) at any time. The
// Connection must outlive the dialog.
#pragma once

#include "client/client.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QTimer>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace dd::ui {

class Connection;
class ErrorLabel;

class ReplicasDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { RegionColumn, StatusColumn };
    enum Role { RegionRole = Qt::UserRole + 1, LocalRole }; // of the region column's items

    // Starts reading the table's description at once.
    ReplicasDialog(Connection *connection, const QString &table, QWidget *parent = nullptr);
    ~ReplicasDialog() override; // waits for a call still running

    Connection *connection() const { return m_connection; }
    QString tableName() const { return m_table; }

    // The common AWS regions offered by Add replica, in this order.
    static QStringList commonRegions();

    // Reads the table's description again (a no-op while a read runs).
    void refresh();
    // Sends UpdateTable with ReplicaUpdates Create of `region`; false if a
    // change or the region is not allowed now (the reason is shown).
    bool addReplica(const QString &region);
    // Asks whether to remove `region`'s replica (a non-modal message box,
    // object name "confirmRemoveReplica"); Yes sends ReplicaUpdates Delete.
    // False, without asking, for this region or one not in the group.
    bool removeReplica(const QString &region);

    // What the dialog shows, for tests and the screenshot tour.
    QStringList regions() const;                          // this region first, then the replicas
    QString regionStatus(const QString &region) const;    // e.g. "ACTIVE"; empty if not listed
    bool isBusy() const;                                  // polling: a replica or the table is changing
    bool isLoaded() const { return m_loaded; }            // a description arrived
    QString errorText() const;                            // empty while no call failed
    QString progressText() const;                         // e.g. "Copying items to eu-west-1…"
    QTreeWidget *regionList() const { return m_regionList; }
    QComboBox *regionCombo() const { return m_regionCombo; }

signals:
    // Open region: browse `table` in `region` over the same connection.
    void openRegionRequested(Connection *connection, const QString &region, const QString &table);
    // The group's regions or their statuses changed (other views may refresh).
    void replicasChanged();

private:
    void onDescribed();
    void onUpdated();
    void send(const QString &action, const QString &region);
    // Shows a DescribeTable "Table" (or UpdateTable "TableDescription") object.
    void showDescription(const QJsonObject &table);
    void updateButtons();
    void openSelectedRegion();
    bool canChange() const;     // loaded, ACTIVE, nothing changing or being sent
    QString pendingText() const; // "Adding a replica in …" while a change is sent
    void showProgress(const QString &text, bool busy); // empty text hides the line

    Connection *m_connection;                             // not owned
    QString m_table;
    QJsonObject m_description;                            // the last one shown
    bool m_loaded = false;
    bool m_readFailed = false;                            // the error shown is the last DescribeTable's
    QString m_pendingAction;                              // "Create" or "Delete" from send() until onUpdated()
    QString m_pendingRegion;                              // its region
    QFutureWatcher<client::ApiResponse> m_describe;       // DescribeTable
    QFutureWatcher<client::ApiResponse> m_update;         // UpdateTable ReplicaUpdates
    QTimer m_poll;                                        // single shot: the next DescribeTable while busy

    QLabel *m_summary;
    QTreeWidget *m_regionList;
    QLabel *m_emptyHint;
    QProgressBar *m_busy;
    QLabel *m_progress;
    ErrorLabel *m_error;
    QComboBox *m_regionCombo;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_open;
};

} // namespace dd::ui
