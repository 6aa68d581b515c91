// Sparkline: a small bar chart of events per second over the last minute,
// for the stream viewer's toolbar (no QtCharts dependency). GUI thread only.
#pragma once

#include <QList>
#include <QWidget>

namespace dd::ui {

class Sparkline : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSeconds = 60; // the window shown

    explicit Sparkline(QWidget *parent = nullptr);
    // Counts `count` events at `ms` (ms since the epoch) and moves the window to `nowMs`.
    void addEvents(qint64 ms, int count);
    void advance(qint64 nowMs); // moves the window without events
    int lastSecond() const;     // events in the most recent full second
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<int> m_counts;   // per second, oldest first, kSeconds entries
    qint64 m_lastSecond = 0; // the second (since the epoch) of m_counts.last()
};

} // namespace dd::ui
