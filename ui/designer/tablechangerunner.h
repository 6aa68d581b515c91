// TableChangeRunner: runs the designer's calls (TableChange) one after the
// other on the Connection's pool, never on the GUI thread. After a call
// that asks for it, waits (polling DescribeTable) until the table and all
// its GSIs are ACTIVE, as AWS requires before the next index change. A
// failed call skips the later calls for the same field (the enable after a
// failed disable); a failed `required` call stops the run. stop() ends the
// run once the field under way has its calls made (without waiting for
// ACTIVE after them).
//
// Lives on the GUI thread; its signals arrive there. The Connection must
// outlive it. The destructor waits for nothing: a call already sent goes on
// (its wait for ACTIVE stops), one not yet started is not sent, and the
// calls after it are not made.
#pragma once

#include "client/client.h"
#include "common/progresspanel.h"
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
    // Makes no call for a field after the one under way, and no wait for
    // ACTIVE; finished() follows once that field's calls have their answers,
    // with the calls not made counted in stepsSkipped(). Nothing while not running.
    void stop();
    bool isStopping() const { return m_running && isSet(m_stop); }
    // The calls the last run did not make because of stop().
    int stepsSkipped() const { return m_skipped; }
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
    int m_skipped = 0;
    CancelFlag m_stop; // this run's: set by stop(), read by its job's wait
    QFutureWatcher<client::ApiResponse> m_watcher;
};

} // namespace dd::ui
