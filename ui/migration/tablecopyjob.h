// TableCopyJob: one client::copyTable() between two Connections, run off
// the GUI thread (on the source connection's pool), with its progress
// brought to the GUI thread. copyTable
// reports from its scan workers after every batch of 25 items; the job
// keeps only the latest report and delivers it at most every
// kProgressIntervalMs, so a fast copy cannot flood the event loop.
//
// The copy's calls go straight through each connection's client, not
// Connection::call: thousands of Scan and BatchWriteItem calls would drown
// the status bar, and the tree hears of the new table from the owner.
//
// GUI thread only. The destructor and stop() cancel the copy without
// waiting for it: it holds both connections' clients and ends at its next
// check of the flag (between pages, batches and backoffs), after a call on
// its way has returned.
#pragma once

#include "client/tablecopy.h"
#include "common/progresspanel.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <memory>

namespace dd::ui {

class Connection;

class TableCopyJob : public QObject {
    Q_OBJECT
public:
    static constexpr int kProgressIntervalMs = 50; // at most 20 progress updates a second

    explicit TableCopyJob(QObject *parent = nullptr);
    ~TableCopyJob() override; // stop()

    // Starts copying `options.sourceTable` of `source` to `target`; false,
    // starting nothing, while a copy runs.
    bool start(Connection *source, Connection *target, const client::TableCopyOptions &options);
    // Asks the running copy to stop between two steps; finished() follows
    // with the outcome's `cancelled` set (or an error or success that came first).
    void cancel();
    // Cancels the running copy, without finished() and without waiting for
    // it to end: for an owner that goes away or a connection that closes.
    void stop();
    bool isRunning() const { return m_running; }
    bool isCancelling() const { return m_running && isSet(m_cancel); }

signals:
    // The latest report of the running copy; never after finished().
    void progressed(const client::TableCopyProgress &progress);
    // The copy ended; `elapsedMs` since start().
    void finished(const client::TableCopyOutcome &outcome, qint64 elapsedMs);

private:
    struct Relay; // the latest report, shared with the copy's threads
    void deliver(const std::shared_ptr<Relay> &relay); // GUI thread: emits the latest report, or waits out the interval
    void onFinished();

    QFutureWatcher<client::TableCopyOutcome> m_watcher;
    std::shared_ptr<Relay> m_relay;  // of the running copy; a report of an earlier one is dropped
    CancelFlag m_cancel;
    QElapsedTimer m_clock;           // since start()
    QElapsedTimer m_lastDelivery;    // since the last progressed()
    QTimer m_throttle;               // single shot: the delivery held back by the interval
    bool m_running = false;
};

} // namespace dd::ui
