// TriggerPanel: the local triggers of one table, beside the stream viewer's
// records: a list with each trigger's state (RUNNING, PAUSED, FAILING,
// WAITING), target and counters; Add (TriggerDialog), Pause/Resume and
// Delete for the selected one; and an inspector of its recent runs (time,
// records, sequence numbers, duration, outcome, exit code or HTTP status,
// error and stderr) and failures (ranges passed over). Refreshes every
// kRefreshMs while visible.
//
// Everything goes through Dynamodesk's own operations (Dynamodesk.*Trigger)
// on the Connection, off the GUI thread, so it works on the embedded engine
// and on a dynamodesk-server endpoint. Other endpoints (AWS) answer
// UnknownOperationException: the panel then shows a short explanation
// instead of its controls.
//
// GUI thread only. The Connection must outlive the panel; the destructor
// stops the timer and waits for running calls.
#pragma once

#include "client/client.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace dd::ui {

class Connection;
class ErrorLabel;
class TriggerDialog;

class TriggerPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kRefreshMs = 1000;

    TriggerPanel(Connection *connection, const QString &table, QWidget *parent = nullptr);
    ~TriggerPanel() override;

    void refresh();                       // lists the triggers (and describes the selected one) now
    TriggerDialog *openAddDialog();       // opens the Add dialog (window-modal, not blocking); owned by the panel
    void setSelectedPaused(bool paused);  // pauses or resumes the selected trigger
    void deleteSelected();                // asks, then deletes the selected trigger

    bool isSupported() const { return m_supported; } // false once the endpoint did not know the operations
    QString selectedTrigger() const;
    QString stateOf(const QString &trigger) const;   // as last listed; empty if unknown
    QTableWidget *list() const { return m_list; }
    QTableWidget *runs() const { return m_runs; }
    QTableWidget *failures() const { return m_failures; }

signals:
    void refreshed();                     // after a listing was shown
    void described();                     // after the selected trigger's runs were shown
    void statusMessage(const QString &message);

private:
    void onListed();
    void onDescribed();
    void describeSelected();
    void run(const QString &operation, const QJsonObject &request, const QString &done);
    void updateButtons();

    Connection *m_connection;
    QString m_table;
    bool m_supported = true;
    QList<QJsonObject> m_triggers;        // as last listed
    QTimer m_timer;
    QFutureWatcher<client::ApiResponse> m_listWatcher;
    QFutureWatcher<client::ApiResponse> m_describeWatcher;
    QPointer<TriggerDialog> m_dialog;

    QLabel *m_unsupported;
    QWidget *m_controls;
    QTableWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_pause;
    QPushButton *m_delete;
    ErrorLabel *m_error;
    QLabel *m_summary;
    QTabWidget *m_inspector;
    QTableWidget *m_runs;
    QTableWidget *m_failures;
};

} // namespace dd::ui
