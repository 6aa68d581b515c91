// HistoryView: the "Backups and history" tab of one table. A timeline
// (timelinewidget.h) of the point-in-time recovery window, the table's
// backups and its writes per time bucket; below it the selected time or
// backup (selectiondetails.h: what the table held then and which items
// differ from now, by Dynamodesk.PreviewRestore); and the actions:
// create, describe and delete backups, enable or disable PITR, and
// "Restore to new table…" with progress, after which openTableRequested()
// asks the main window to open the new table.
//
// Every call goes through the Connection off the GUI thread. Loads carry a
// generation token: a result that arrives after a newer request was made is
// dropped, so quick clicks and zooms never show stale data. Against an
// endpoint without Dynamodesk's own operations (real AWS) the bars and
// previews give way to a short note; backups and PITR work the same.
//
// GUI thread only. The Connection must outlive the view; the destructor
// drops the jobs in flight without waiting for them (common/watchers.h; a
// restore asked for goes on on the server).
#pragma once

#include "backups/restorejob.h"
#include "backups/timelinewidget.h"
#include "client/client.h"
#include "common/tablekeys.h"

#include <QFutureWatcher>
#include <QMap>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QStandardItemModel;

namespace dd::ui {

class Connection;
class ErrorLabel;
class ProgressPanel;
class RestoreDialog;
class SelectionDetails;

class HistoryView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kLocalPollMs = 100;   // restore progress on the embedded engine
    static constexpr int kRemotePollMs = 3000; // and on an endpoint or AWS

    HistoryView(Connection *connection, const QString &table, QWidget *parent = nullptr);
    ~HistoryView() override;

    Connection *connection() const { return m_connection; }
    const QString &tableName() const { return m_table; }
    TimelineWidget *timeline() const { return m_timeline; }

    // Reloads the table's keys, PITR state, backups and history start, then
    // the bars of the current view. The first load fits the view.
    void refresh();
    bool isLoading() const;                    // any load in flight
    bool isPreviewLoading() const;
    // Dynamodesk's own operations answer on this connection (unknown until the first load).
    bool historyOperationsAvailable() const { return m_historyOps; }
    bool pointInTimeRecoveryEnabled() const { return m_pitr.has_value(); }

    // The preview of the selection: counts (-1 until loaded) and the grids.
    qint64 previewItemCount() const;
    qint64 previewDifferenceCount() const;
    QStandardItemModel *previewItemsModel() const;
    QStandardItemModel *differencesModel() const;
    QString detailsTitle() const;

    // Actions, as the buttons run them. The dialogs open window-modal
    // (open(), not exec()) and are returned so that tests can fill them in.
    RestoreDialog *openRestoreDialog();        // null without a selection
    QWidget *openCreateBackupDialog();
    void createBackup(const QString &name);
    QWidget *confirmDeleteBackup();            // null unless a backup is selected
    void setPointInTimeRecovery(bool enabled); // disabling asks first
    bool isRestoring() const;

signals:
    void openTableRequested(Connection *connection, const QString &table);
    void statusMessage(const QString &message);

private:
    struct State {
        QJsonObject table;                      // DescribeTable's Table
        std::optional<std::pair<double, double>> pitr; // restorable window, ms
        QList<TimelineBackup> backups;
        std::optional<double> historyStart;     // ms
        bool historyOps = true;
        QString error;
        // Backups CREATING at the last refresh that are gone now: name and
        // what DescribeBackup says of them (why their creation failed).
        QList<std::pair<QString, QString>> vanished;
        QStringList checked; // the ARNs of those CREATING backups, gone or not
    };
    struct Density {
        quint64 generation = 0;
        client::ApiResponse response;
    };
    static State loadState(Connection *connection, const QString &table, const QMap<QString, QString> &creating);
    void onState();
    void scheduleDensity();
    void loadDensity();
    void onDensity();
    void onRestored();
    void startRestore(const QString &operation, const QJsonObject &request);
    void runSimple(const QString &operation, const QJsonObject &request, const QString &done);
    void updateActions();

    Connection *m_connection;
    QString m_table;
    TableKeys m_keys;
    std::optional<std::pair<double, double>> m_pitr;
    bool m_historyOps = true;
    bool m_fitted = false;

    // Generations asked for and shown: a load is in flight until they match
    // (a finished future's result arrives later, through a queued signal).
    quint64 m_densityGeneration = 0;
    quint64 m_densityShown = 0;
    bool m_statePending = false;
    bool m_actionPending = false;
    // The last action's failure: shown until the next action succeeds (a
    // refresh after it must not hide it).
    QString m_actionError;
    QFutureWatcher<State> m_stateWatcher;
    QFutureWatcher<Density> m_densityWatcher;
    QFutureWatcher<RestoreOutcome> m_restoreWatcher;
    QFutureWatcher<client::ApiResponse> m_actionWatcher;
    QTimer m_densityTimer;                      // coalesces zooms and pans
    QTimer m_creatingTimer;                     // refreshes while a backup is CREATING
    QMap<QString, QString> m_creating;          // backups CREATING when last seen (listed, or just created): ARN -> name
    QPointer<RestoreDialog> m_restoreDialog;

    TimelineWidget *m_timeline;
    QLabel *m_summary;
    ErrorLabel *m_error;
    ProgressPanel *m_progress;
    QPushButton *m_createBackup;
    QPushButton *m_deleteBackup;
    QCheckBox *m_pitrBox;
    QPushButton *m_restore;
    SelectionDetails *m_details;             // the selection's preview, below the timeline
};

} // namespace dd::ui
