// TableCopyRun: the lower part of the copy dialog: one copy at a time
// through a TableCopyJob, shown as its phase, "12,345 of ~50,000 items"
// (QLocale) and a bar (busy while the item count is unknown), with Cancel;
// then the items and time taken, or copyTable's error with its type and
// step. After a Cancel that left a table it created, it asks
// ("confirmDeletePartialTable"; Cancel, the default, keeps it) whether to
// delete it, and does so with DeleteTable.
//
// GUI thread only. Hidden until the first copy. The connections are not
// owned: forget() a target that closes; the source must outlive the run.
// The destructor stops a running copy and waits for a DeleteTable.
#pragma once

#include "client/client.h"
#include "migration/tablecopyjob.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace dd::ui {

class Connection;
class ErrorLabel;

class TableCopyRun : public QWidget {
    Q_OBJECT
public:
    explicit TableCopyRun(QWidget *parent = nullptr);
    ~TableCopyRun() override;

    // "NAME · region" (a name that ends with its region as it is), for the
    // copy's messages and the dialog's list of connections.
    static QString placeOf(const Connection *connection);

    // Starts copying; `itemsEstimated` (the source's ItemCount, 0 if not
    // known) until copyTable reports its own. False, starting nothing,
    // while a copy runs.
    bool start(Connection *source, Connection *target, const client::TableCopyOptions &options, qint64 itemsEstimated);
    // Cancel: false unless a copy runs.
    bool cancel();
    // `connection` is closing: a copy into it stops (waiting for it), and
    // the run no longer names it as the copy's target.
    void forget(Connection *connection);

    bool isRunning() const { return m_job.isRunning(); }
    bool isDeleting() const { return m_deleteTable.isRunning(); }
    Connection *target() const { return m_target; }   // of the copy running or last run; null once forgotten
    QString targetTable() const { return m_targetTable; }
    bool succeeded() const { return m_succeeded; }    // the last copy finished without error or Cancel
    QString phaseText() const;
    QString progressText() const;
    QString resultText() const;
    QString errorText() const;

signals:
    void runningChanged(bool running);
    // A copy ended having written to `table` of `target` (created it, or
    // copied items into it), or its partial table was deleted.
    void copied(Connection *target, const QString &table);

private:
    void onProgress(const client::TableCopyProgress &progress);
    void onFinished(const client::TableCopyOutcome &outcome, qint64 elapsedMs);
    void deletePartialTable();
    void onDeleted();
    void showCount(qint64 copied, qint64 estimated);
    void showResult(const QString &text);

    TableCopyJob m_job;
    QFutureWatcher<client::ApiResponse> m_deleteTable; // DeleteTable of a partial copy
    Connection *m_target = nullptr;
    QString m_targetTable;
    QString m_deleteName;      // the partial table being deleted
    bool m_succeeded = false;

    QLabel *m_phase;
    QProgressBar *m_bar;
    QLabel *m_count;
    QPushButton *m_cancel;
    QLabel *m_result;
    ErrorLabel *m_error;
};

} // namespace dd::ui
