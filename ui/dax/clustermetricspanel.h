// ClusterMetricsPanel: the live counters of one DAX cluster, as DAX
// publishes them to CloudWatch (namespace AWS/DAX), read with
// Dynamodesk.DescribeClusterMetrics about every kRefreshMs while the panel
// is visible: hits, misses and hit ratio of the item, query and scan
// caches; requests (reads, writes, errors); the caches' size against their
// budget, and the bytes evicted. AWS and endpoints other than
// dynamodesk-server do not know the operation: the panel then says where
// the metrics are instead and stops asking.
//
// GUI thread only. One call at a time through Connection::call into a
// watcher; the destructor cancels and waits for it. The Connection must
// outlive the panel.
#pragma once

#include "client/client.h"

#include <QFutureWatcher>
#include <QGroupBox>
#include <QJsonObject>
#include <QTimer>

class QGridLayout;
class QLabel;

namespace dd::ui {

class Connection;

class ClusterMetricsPanel : public QGroupBox {
    Q_OBJECT
public:
    static constexpr int kRefreshMs = 2000;

    explicit ClusterMetricsPanel(Connection *connection, QWidget *parent = nullptr);
    ~ClusterMetricsPanel() override; // cancels and waits for a call still running

    // Shows cluster `name` (empty: none) and reads its metrics at once.
    void setCluster(const QString &name);
    QString cluster() const { return m_cluster; }
    // Reads the metrics now (a no-op without a cluster, while a read runs,
    // or once the connection proved not to have them).
    void refresh();

    // What the panel shows, for tests and the screenshot tour.
    bool isSupported() const { return m_supported; }     // false: the connection has no such operation
    bool isPolling() const { return m_timer.isActive(); }
    bool isReading() const { return m_reading; }          // a read was sent, its answer not handled yet
    int reads() const { return m_reads; }                 // answers received so far, for tests
    QJsonObject metrics() const { return m_metrics; }     // the last answer's "Metrics"; empty before one
    qint64 metric(const QString &name) const;             // one of them; -1 if absent
    QString text(const QString &field) const;             // the text shown for a field ("ItemCache", "Requests", ...)
    QString noteText() const;                             // the note or error shown instead of (or beside) the figures

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void onRead();
    void showMetrics(const QJsonObject &answer); // a DescribeClusterMetrics answer
    void clearFigures();
    void updateTimer();

    Connection *m_connection;                       // not owned
    QString m_cluster;
    QString m_readingCluster;                       // the cluster m_call asks about
    bool m_supported = true;
    bool m_reading = false;                         // m_call's answer not handled yet
    int m_reads = 0;
    QJsonObject m_metrics;
    QFutureWatcher<client::ApiResponse> m_call;     // Dynamodesk.DescribeClusterMetrics
    QTimer m_timer;                                 // the next read while visible

    QLabel *m_note;
    QWidget *m_figures;
    QHash<QString, QLabel *> m_fields;              // the value labels, by field
};

} // namespace dd::ui
