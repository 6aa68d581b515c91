#include "insights/contributorchart.h"

#include "backups/timeaxis.h"
#include "common/tooltips.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace dd::ui {

namespace {

constexpr int kMinTickSpacing = 80;
constexpr int kLeftMargin = 56;   // the value axis' labels
constexpr int kBottomMargin = 36; // time and date labels
constexpr int kTopMargin = 24;    // the unit, above the plot

QString number(double v)
{
    return QLocale().toString(v, 'g', 6);
}

} // namespace

ContributorChart::ContributorChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("contributorChart"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QColor ContributorChart::seriesColor(int index)
{
    // Hues a golden angle apart stay distinct for the first ten; medium
    // saturation and value read on light and dark bases alike.
    const int hue = int(std::lround(std::fmod(210.0 + index * 137.508, 360.0)));
    return QColor::fromHsv(hue, 190, 215);
}

void ContributorChart::setReport(const InsightsReport &report, const QString &unit)
{
    m_report = report;
    m_unit = unit;
    update();
}

void ContributorChart::clear()
{
    m_report = InsightsReport();
    m_note.clear();
    update();
}

void ContributorChart::setNote(const QString &note)
{
    m_note = note;
    update();
}

QSize ContributorChart::sizeHint() const
{
    return QSize(720, 280);
}

QSize ContributorChart::minimumSizeHint() const
{
    return QSize(320, 160);
}

int ContributorChart::legendWidth() const
{
    return std::clamp(fontMetrics().averageCharWidth() * 30, 140, std::max(140, width() / 3));
}

QRect ContributorChart::plotRect() const
{
    return QRect(kLeftMargin, kTopMargin, std::max(10, width() - kLeftMargin - legendWidth() - 16),
                 std::max(10, height() - kTopMargin - kBottomMargin));
}

int ContributorChart::xForTime(double seconds) const
{
    const QRect plot = plotRect();
    const double span = std::max<double>(1, double(m_report.end - m_report.start));
    return plot.left() + int(std::lround((seconds - double(m_report.start)) / span * plot.width()));
}

double ContributorChart::peak() const
{
    double top = 0;
    const int n = std::min<int>(kMaxLines, int(m_report.contributors.size()));
    for (int i = 0; i < n; ++i)
        for (const InsightsPoint &p : m_report.contributors.at(i).points)
            top = std::max(top, p.value);
    if (top <= 0)
        return 1;
    const double step = std::pow(10.0, std::floor(std::log10(top)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * step >= top)
            return m * step;
    return 10 * step;
}

void ContributorChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette &pal = palette();
    p.fillRect(rect(), pal.window());
    const QRect plot = plotRect();
    p.fillRect(plot, pal.base());
    p.setPen(pal.mid().color());
    p.drawRect(plot.adjusted(0, 0, -1, -1));
    const QFontMetrics fm = fontMetrics();
    if (m_report.end <= m_report.start) {
        if (!m_note.isEmpty()) {
            p.setPen(pal.placeholderText().color());
            p.drawText(plot.adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_note);
        }
        return;
    }

    // The value axis: four round steps up to the peak.
    const double top = peak();
    QColor grid = pal.mid().color();
    grid.setAlpha(90);
    for (int i = 0; i <= 4; ++i) {
        const double v = top * i / 4;
        const int y = plot.bottom() - int(std::lround(double(plot.height()) * i / 4));
        p.setPen(grid);
        p.drawLine(plot.left(), y, plot.right(), y);
        p.setPen(pal.windowText().color());
        p.drawText(QRect(0, y - fm.height() / 2, kLeftMargin - 6, fm.height()), Qt::AlignRight | Qt::AlignVCenter, number(v));
    }
    p.setPen(pal.windowText().color());
    p.drawText(QRect(4, 2, plot.right(), kTopMargin - 4), Qt::AlignLeft | Qt::AlignVCenter,
               tr("%1 per minute").arg(m_unit));

    // The time axis.
    const QList<AxisTick> ticks = axisTicks(double(m_report.start) * 1000, double(m_report.end) * 1000, plot.width(), kMinTickSpacing);
    for (const AxisTick &t : ticks) {
        const int x = xForTime(t.ms / 1000);
        p.setPen(grid);
        p.drawLine(x, plot.top(), x, plot.bottom());
        p.setPen(pal.windowText().color());
        p.drawLine(x, plot.bottom(), x, plot.bottom() + 4);
        const int w = fm.horizontalAdvance(t.label) + 2;
        const int left = std::clamp(x - w / 2, 0, std::max(0, width() - w));
        p.drawText(QRect(left, plot.bottom() + 5, w, fm.height()), Qt::AlignHCenter | Qt::AlignTop, t.label);
        if (!t.date.isEmpty()) {
            const int dw = fm.horizontalAdvance(t.date) + 2;
            p.drawText(QRect(std::clamp(x - dw / 2, 0, std::max(0, width() - dw)), plot.bottom() + 5 + fm.height(), dw, fm.height()),
                       Qt::AlignHCenter | Qt::AlignTop, t.date);
        }
    }

    // One line per contributor, each minute of the range at its middle;
    // minutes without a datapoint had no value, so the line drops to zero.
    p.setRenderHint(QPainter::Antialiasing);
    p.setClipRect(plot.adjusted(0, -2, 0, 2));
    const int period = m_report.periodSeconds;
    const int n = std::min<int>(kMaxLines, int(m_report.contributors.size()));
    for (int i = n - 1; i >= 0; --i) { // the top contributor last, so on top
        const InsightsContributor &c = m_report.contributors.at(i);
        QHash<qint64, double> values;
        for (const InsightsPoint &pt : c.points)
            values.insert(pt.time - pt.time % period, pt.value);
        QPainterPath path;
        QList<QPointF> marks;
        for (qint64 t = m_report.start; t < m_report.end; t += period) {
            const double v = values.value(t, 0.0);
            const QPointF pt(xForTime(double(t) + period / 2.0), plot.bottom() - v / top * (plot.height() - 1));
            if (path.elementCount() == 0)
                path.moveTo(pt);
            else
                path.lineTo(pt);
            if (v > 0)
                marks.append(pt);
        }
        const QColor colour = seriesColor(i);
        p.setPen(QPen(colour, i == 0 ? 2.5 : 1.6));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        // A dot on each recorded minute: a single minute still shows in a 24-hour range.
        if (marks.size() < 200) {
            p.setBrush(colour);
            for (const QPointF &pt : std::as_const(marks))
                p.drawEllipse(pt, 2.5, 2.5);
        }
    }
    p.setClipping(false);
    p.setRenderHint(QPainter::Antialiasing, false);

    if (!m_note.isEmpty()) {
        p.setPen(pal.placeholderText().color());
        p.drawText(plot.adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_note);
    }

    // The legend, right of the plot: a swatch and the key per line.
    const int lx = plot.right() + 12;
    const int lw = width() - lx - 4;
    int y = plot.top();
    for (int i = 0; i < n && y + fm.height() <= plot.bottom(); ++i) {
        p.fillRect(QRect(lx, y + (fm.height() - 10) / 2, 10, 10), seriesColor(i));
        p.setPen(pal.windowText().color());
        p.drawText(QRect(lx + 16, y, lw - 16, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(m_report.contributors.at(i).valuesText, Qt::ElideMiddle, lw - 16));
        y += fm.height() + 4;
    }
}

QString ContributorChart::tooltipAt(const QPoint &pos) const
{
    const QRect plot = plotRect();
    if (!plot.contains(pos) || m_report.end <= m_report.start)
        return QString();
    const double t = double(m_report.start) + double(pos.x() - plot.left()) / plot.width() * double(m_report.end - m_report.start);
    const qint64 minute = qint64(t) - qint64(t) % m_report.periodSeconds;
    QStringList lines{QLocale().toString(QDateTime::fromSecsSinceEpoch(minute), QLocale::ShortFormat)};
    const int n = std::min<int>(kMaxLines, int(m_report.contributors.size()));
    for (int i = 0; i < n; ++i) {
        const InsightsContributor &c = m_report.contributors.at(i);
        for (const InsightsPoint &pt : c.points)
            if (pt.time - pt.time % m_report.periodSeconds == minute)
                lines << QStringLiteral("%1: %2").arg(c.keyText, number(pt.value));
    }
    if (lines.size() == 1)
        lines << tr("no requests to the top keys");
    return lines.join(QLatin1Char('\n'));
}

bool ContributorChart::event(QEvent *event)
{
    if (answerToolTip(this, event, [this](const QPoint &pos) { return tooltipAt(pos); }))
        return true;
    return QWidget::event(event);
}

} // namespace dd::ui
