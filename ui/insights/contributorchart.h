// ContributorChart: the top contributors of a Contributor Insights rule per
// minute, one line per key, painted by hand (no QtCharts) like the stream
// viewer's sparkline and the history timeline: a time axis with local-time
// ticks (timeaxis.h), a value axis with round steps, and a legend with each
// key's text in its colour. Colours come from seriesColor(), so that the
// contributors' table can show the same ones. Hovering shows the minute's
// values in a tooltip.
//
// It holds no data source: the owner feeds it a report. GUI thread only.
#pragma once

#include "insights/insightsreport.h"

#include <QWidget>

namespace dd::ui {

class ContributorChart : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxLines = 10; // contributors drawn; the table lists them all

    explicit ContributorChart(QWidget *parent = nullptr);

    void setReport(const InsightsReport &report, const QString &unit); // unit: "capacity units", ...
    void clear();                                                   // no lines, no note
    const InsightsReport &report() const { return m_report; }
    // A short text drawn in the plot instead of lines (not available here, nothing recorded); empty: none.
    void setNote(const QString &note);
    QString note() const { return m_note; }

    // The colour of the n-th contributor's line, distinct for the first kMaxLines.
    static QColor seriesColor(int index);

    QRect plotRect() const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    int legendWidth() const;
    double peak() const;                 // the top of the value axis: a round number above every value
    int xForTime(double seconds) const;
    QString tooltipAt(const QPoint &pos) const;

    InsightsReport m_report;
    QString m_unit;
    QString m_note;
};

} // namespace dd::ui
