// TableChangeRunner: runs the designer's calls (TableChange) one after the
// other on the Connection's pool, never on the GUI thread. After a call
// that asks for it, waits (polling DescribeTable) until the table and all
// its GSIs are ACTIVE, as AWS requires before the next index change. A
// failed call skips the later calls for the same field (the enable after a
// failed disable); a failed `required` call stops the run.
//
// Lives on the GUI thread; its signals arrive there. The Connection must
// outlive it. The destructor waits for nothing: a call already sent goes on
// (its wait for ACTIVE stops), one not yet started is not sent, and the
// calls after it are not made.
#pragma once

#include "client/client.h"
#include "designer/tablechange.h"

#include <QFutureWatcher>
#include <QObject>

namespace dd::ui {

class Connection;

class TableChangeRunner : public QObject {
    Q_OBJECT
public:
    explicit TableChangeRunner(Connection *connection, QObject *parent = nullptr);
    ~TableChangeRunner() override;

    // Starts the calls; `table` is what the waits describe. Ignored while running.
    void start(const QList<TableChange> &changes, const QString &table);
    bool isRunning() const { return m_running; }
    const QList<TableChange> &changes() const { return m_changes; }

signals:
    void stepStarted(int index, int count, const QString &description);
    void stepFailed(int index, const QString &field, const QString &message); // message: DynamoDB's, English
    void finished(int failures);

private:
    void next();
    void onStepFinished();

    Connection *m_connection;
    QList<TableChange> m_changes;
    QString m_table;
    int m_step = -1;
    int m_failures = 0;
    QStringList m_failedFields;
    bool m_running = false;
    QFutureWatcher<client::ApiResponse> m_watcher;
};

} // namespace dd::ui
