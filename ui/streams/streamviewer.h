// StreamViewer: the live stream viewer tab of one table. Polls the table's
// stream off the GUI thread (pollStream on the Connection's pool) every
// kPollMs, and at once again after a poll that brought records. On the
// embedded engine it also polls as soon as a write commits (the engine's
// commit listeners), so that a record reaches the screen in a millisecond or
// two rather than half a polling interval (kLocalPollMs if the listener
// cannot be added). Shows each record as a row (time, event,
// keys, changes) and the selected one's old and new images side by side,
// changed attributes highlighted. Filter by event type and text; Pause keeps
// polling into a buffer that Resume shows; jump to a sequence number or a
// time; export the shown rows as JSON Lines; a sparkline of events per second.
// Beside the records, the table's local triggers (TriggerPanel).
//
// GUI thread only. The Connection must outlive the viewer; the destructor
// stops the timer and waits for a running poll.
#pragma once

#include "streams/streampoller.h"
#include "streams/streamrecord.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <atomic>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace dd::ui {

class Connection;
class ErrorLabel;
class Sparkline;
class StreamRecordModel;
class TriggerPanel;

class StreamViewer : public QWidget {
    Q_OBJECT
public:
    static constexpr int kPollMs = 250;     // GetRecords cadence; AWS allows five calls per second per shard
    static constexpr int kLocalPollMs = 20; // the embedded engine without commit wake-ups: keeps a record's way to the screen under 50 ms

    StreamViewer(Connection *connection, const QString &table, QWidget *parent = nullptr);
    ~StreamViewer() override;

    Connection *connection() const { return m_connection; }
    const QString &tableName() const { return m_table; }
    StreamRecordModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    TriggerPanel *triggerPanel() const { return m_triggers; }

    // Starts polling (again), from TRIM_HORIZON (all retained records) or LATEST.
    void start(bool fromTrimHorizon = false);
    void setPaused(bool paused);    // paused: records go to the buffer, not the table
    bool isPaused() const { return m_paused; }
    int bufferedCount() const { return int(m_buffer.size()); }
    bool isPolling() const;         // a stream was found and is being read
    int pollInterval() const { return m_timer.interval(); }
    bool wakesOnCommit() const { return m_commitListener != 0; } // polls on the embedded engine's commits
    QString detailHtml() const;     // the selected record's images as shown
    // Selects the first shown record at or after `target`: a sequence number
    // (digits) or a local time of day (HH:mm or HH:mm:ss). False when none is.
    bool jumpTo(const QString &target);
    // Writes the shown records (as GetRecords returned them) one JSON object
    // per line, on a pool thread (up to kMaxRecords of them), all or nothing
    // (QSaveFile); then statusMessage() says how it went, and a failure also
    // shows in a message box. The future's result: the error, empty once written.
    QFuture<QString> exportJsonLines(const QString &path);

signals:
    void recordsArrived(int count); // after records were added to the model or the buffer
    void statusMessage(const QString &message);

private:
    void poll();
    void onPolled();
    void onCommitted();
    void applyFilter();
    void showDetail();
    void updateCounts();

    Connection *m_connection;
    QString m_table;
    StreamCursor m_cursor;
    bool m_paused = false;
    bool m_disabled = false;        // the table has no stream (told once)
    QList<StreamRecord> m_buffer;   // received while paused
    QTimer m_timer;
    QFutureWatcher<StreamPoll> m_pollWatcher;
    QFutureWatcher<QString> m_exportWatcher;
    bool m_pollAgain = false;               // a poll was asked for while one ran
    int m_commitListener = 0;               // the engine's commit listener id; 0: none
    std::atomic<bool> m_commitPending{false}; // a wake-up is queued (set by committing threads)

    StreamRecordModel *m_model;
    QTableView *m_view;
    QTextBrowser *m_detail;
    QComboBox *m_start;
    QComboBox *m_events;
    QLineEdit *m_filter;
    QLineEdit *m_jump;
    QPushButton *m_pause;
    QLabel *m_counts;
    Sparkline *m_sparkline;
    ErrorLabel *m_error;
    TriggerPanel *m_triggers;
};

} // namespace dd::ui
