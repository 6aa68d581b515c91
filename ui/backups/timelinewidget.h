// TimelineWidget: a table's history on a time axis, painted by hand (no
// QtCharts): the point-in-time recovery window as a band, each backup as a
// marker above the plot, the writes per time bucket as stacked bars
// (inserts, updates, deletes; colours derived from the palette, so a dark
// palette works), a dashed line at "now" and the selection. Ticks adapt to
// the zoom (seconds to months, local time).
//
// Interaction: the wheel zooms around the cursor (kMinSpanMs..kMaxSpanMs
// across the widget), dragging pans, a click selects a backup marker or a
// time (snapped down to its second), hovering shows a tooltip. Keys: Left
// and Right move the selection (Shift: ten times as far), Ctrl+Left/Right
// jump to the previous/next backup, + and - zoom, Home fits.
//
// It holds no data source: the owner feeds it (setBuckets, setBackups, ...)
// and reloads the bars when rangeChanged() says the view moved. Times are
// milliseconds since the epoch. GUI thread only.
#pragma once

#include <QList>
#include <QWidget>

#include <optional>

namespace dd::ui {

struct TimelineBucket {
    double startMs = 0;  // start of the bucket
    int inserts = 0;
    int updates = 0;
    int deletes = 0;
    int total() const { return inserts + updates + deletes; }
};

struct TimelineBackup {
    QString arn;
    QString name;
    double timeMs = 0;   // BackupCreationDateTime
    QString status;      // CREATING, AVAILABLE, ...
};

class TimelineWidget : public QWidget {
    Q_OBJECT
public:
    static constexpr double kMinSpanMs = 10'000;                    // zoomed in: ten seconds across
    static constexpr double kMaxSpanMs = 2.0 * 365 * 24 * 3'600'000; // zoomed out: two years across

    explicit TimelineWidget(QWidget *parent = nullptr);

    // The view: [startMs, endMs) across the plot; the span is clamped to
    // kMinSpanMs..kMaxSpanMs. Emits rangeChanged() when it changes.
    void setRange(double startMs, double endMs);
    double rangeStart() const { return m_start; }
    double rangeEnd() const { return m_end; }
    // Fits the view to everything known: the history's start, the PITR
    // window, the backups and now, with a margin.
    void fit();

    void setNow(double ms);
    void setPitrWindow(std::optional<std::pair<double, double>> window); // [earliest, latest], or none
    void setHistoryStart(std::optional<double> ms);                      // the first change the log holds
    // Bars: buckets of width bucketMs (any range; drawn where they fall).
    void setBuckets(const QList<TimelineBucket> &buckets, double bucketMs);
    void clearBuckets();
    const QList<TimelineBucket> &buckets() const { return m_buckets; }
    // A short text drawn in the plot instead of bars (e.g. not available on this endpoint); empty: none.
    void setNote(const QString &note);
    void setBackups(const QList<TimelineBackup> &backups);
    const QList<TimelineBackup> &backups() const { return m_backups; }

    // Selection: a time (ms, a whole second) or a backup; selecting one clears the other.
    // These emit timeSelected()/backupSelected() like a click does.
    void selectTime(qint64 ms);
    void selectBackup(const QString &arn);
    std::optional<qint64> selectedTime() const { return m_selectedTime; }
    QString selectedBackup() const { return m_selectedBackup; }

    // Geometry, for the owner and for tests: the plot area, the x of a time
    // (may lie outside the widget), the time at an x, and the centre of a
    // backup's marker (null point if it is not shown).
    QRect plotRect() const;
    int xForTime(double ms) const;
    double timeAtX(double x) const;
    QPoint backupMarkerCenter(const QString &arn) const;
    int preferredBuckets() const; // bars worth asking for at this width (1..2000)

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void rangeChanged(double startMs, double endMs);
    void timeSelected(qint64 ms);
    void backupSelected(const QString &arn);

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    void zoom(double factor, double aroundMs);
    QString backupAt(const QPoint &pos) const; // arn of the marker under pos, or empty
    QString tooltipAt(const QPoint &pos) const;
    void moveSelection(double deltaMs);
    void jumpToBackup(int direction);
    QColor insertColor() const;
    QColor updateColor() const;
    QColor deleteColor() const;
    QColor backupColor() const;

    double m_start = 0, m_end = 0;                       // the view
    double m_now = 0;
    std::optional<std::pair<double, double>> m_pitr;     // PITR window
    std::optional<double> m_historyStart;
    QList<TimelineBucket> m_buckets;
    double m_bucketMs = 0;
    QString m_note;
    QList<TimelineBackup> m_backups;                     // sorted by time
    std::optional<qint64> m_selectedTime;
    QString m_selectedBackup;
    // Dragging: where the press was, the view then, and whether it moved far enough to pan.
    std::optional<QPoint> m_pressPos;
    double m_pressStart = 0, m_pressEnd = 0;
    bool m_dragging = false;
};

} // namespace dd::ui
