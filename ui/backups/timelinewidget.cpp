#include "backups/timelinewidget.h"

#include "backups/timeaxis.h"
#include "common/palettecolours.h"
#include "common/timestamps.h"
#include "common/tooltips.h"

#include <QDateTime>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <functional>

namespace dd::ui {

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr int kMarkerRow = 22;     // height of the backup markers' row above the plot
constexpr int kMinTickSpacing = 96; // pixels between tick labels at least
constexpr int kDragThreshold = 4;  // pixels a press must move to become a drag
constexpr int kBarPixels = 4;      // width of one bar, for preferredBuckets()

QDateTime local(double ms) { return QDateTime::fromMSecsSinceEpoch(qint64(std::floor(ms))); }

} // namespace

TimelineWidget::TimelineWidget(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("timeline"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Table history timeline"));
    setAccessibleDescription(tr("Arrow keys move the selected time, Ctrl+arrow keys jump between backups, + and - zoom, Home fits"));
    m_now = double(QDateTime::currentMSecsSinceEpoch());
    m_end = m_now + kMinute;
    m_start = m_end - kDay;
}

QSize TimelineWidget::sizeHint() const
{
    return QSize(800, 260);
}

QSize TimelineWidget::minimumSizeHint() const
{
    return QSize(300, 140);
}

QRect TimelineWidget::plotRect() const
{
    const int axis = 2 * fontMetrics().height() + 10;
    return QRect(8, kMarkerRow + 4, std::max(1, width() - 16), std::max(1, height() - kMarkerRow - 4 - axis));
}

int TimelineWidget::xForTime(double ms) const
{
    const QRect r = plotRect();
    const double x = r.left() + (ms - m_start) / (m_end - m_start) * r.width();
    return int(std::lround(std::clamp(x, -1e6, 1e6)));
}

double TimelineWidget::timeAtX(double x) const
{
    const QRect r = plotRect();
    return m_start + (x - r.left()) / r.width() * (m_end - m_start);
}

int TimelineWidget::preferredBuckets() const
{
    return std::clamp(plotRect().width() / kBarPixels, 1, 2000);
}

void TimelineWidget::setRange(double startMs, double endMs)
{
    double span = std::clamp(endMs - startMs, kMinSpanMs, kMaxSpanMs);
    const double mid = (startMs + endMs) / 2;
    // Keep the view within sane epoch times (1970 .. 2100).
    const double lo = 0, hi = 4.1e12;
    double start = std::clamp(mid - span / 2, lo, hi - span);
    if (start == m_start && start + span == m_end)
        return;
    m_start = start;
    m_end = start + span;
    update();
    emit rangeChanged(m_start, m_end);
}

void TimelineWidget::fit()
{
    double lo = m_now, hi = m_now;
    if (m_historyStart)
        lo = std::min(lo, *m_historyStart);
    if (m_pitr)
        lo = std::min(lo, m_pitr->first);
    for (const TimelineBackup &b : m_backups) {
        lo = std::min(lo, b.timeMs);
        hi = std::max(hi, b.timeMs);
    }
    const double span = std::max(hi - lo, kMinSpanMs);
    setRange(lo - span * 0.05, hi + span * 0.05);
}

void TimelineWidget::setNow(double ms)
{
    m_now = ms;
    update();
}

void TimelineWidget::setPitrWindow(std::optional<std::pair<double, double>> window)
{
    m_pitr = window;
    update();
}

void TimelineWidget::setHistoryStart(std::optional<double> ms)
{
    m_historyStart = ms;
    update();
}

void TimelineWidget::setBuckets(const QList<TimelineBucket> &buckets, double bucketMs)
{
    m_buckets = buckets;
    m_bucketMs = bucketMs;
    update();
}

void TimelineWidget::clearBuckets()
{
    m_buckets.clear();
    update();
}

void TimelineWidget::setNote(const QString &note)
{
    m_note = note;
    update();
}

void TimelineWidget::setBackups(const QList<TimelineBackup> &backups)
{
    m_backups = backups;
    std::sort(m_backups.begin(), m_backups.end(), [](const TimelineBackup &a, const TimelineBackup &b) { return a.timeMs < b.timeMs; });
    if (std::none_of(m_backups.begin(), m_backups.end(), [&](const TimelineBackup &b) { return b.arn == m_selectedBackup; }))
        m_selectedBackup.clear();
    update();
}

void TimelineWidget::selectTime(qint64 ms)
{
    const qint64 second = qint64(std::floor(double(ms) / kSecond)) * kSecond;
    m_selectedTime = second;
    m_selectedBackup.clear();
    update();
    emit timeSelected(second);
}

void TimelineWidget::selectBackup(const QString &arn)
{
    m_selectedBackup = arn;
    m_selectedTime.reset();
    update();
    emit backupSelected(arn);
}

QPoint TimelineWidget::backupMarkerCenter(const QString &arn) const
{
    for (const TimelineBackup &b : m_backups)
        if (b.arn == arn) {
            const int x = xForTime(b.timeMs);
            if (x < plotRect().left() - 6 || x > plotRect().right() + 6)
                return {};
            return QPoint(x, kMarkerRow / 2 + 2);
        }
    return {};
}

QString TimelineWidget::backupAt(const QPoint &pos) const
{
    if (pos.y() > kMarkerRow + 6)
        return {};
    QString best;
    int bestDistance = 8;
    for (const TimelineBackup &b : m_backups) {
        const int d = std::abs(xForTime(b.timeMs) - pos.x());
        if (d <= bestDistance) {
            bestDistance = d;
            best = b.arn;
        }
    }
    return best;
}

QColor TimelineWidget::insertColor() const { return colours::highlightHue(palette(), 140); }
QColor TimelineWidget::updateColor() const { return colours::highlightHue(palette(), 215); }
QColor TimelineWidget::deleteColor() const { return colours::highlightHue(palette(), 0); }
QColor TimelineWidget::backupColor() const { return colours::highlightHue(palette(), 32); }

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette &pal = palette();
    p.fillRect(rect(), pal.window());
    const QRect plot = plotRect();
    p.fillRect(plot, pal.base());
    const QFontMetrics fm = fontMetrics();

    // The PITR window as a band behind everything.
    if (m_pitr) {
        const int x0 = std::max(plot.left(), xForTime(m_pitr->first));
        const int x1 = std::min(plot.right(), xForTime(m_pitr->second));
        if (x1 > x0) {
            QColor band = pal.highlight().color();
            band.setAlpha(40);
            p.fillRect(QRect(x0, plot.top(), x1 - x0, plot.height()), band);
            QColor edge = pal.highlight().color();
            p.fillRect(QRect(x0, plot.top(), x1 - x0, 3), edge);
        }
    }

    // Grid lines and tick labels.
    const QList<AxisTick> tickList = axisTicks(m_start, m_end, plotRect().width(), kMinTickSpacing);
    QColor grid = pal.mid().color();
    grid.setAlpha(90);
    for (const AxisTick &t : tickList) {
        const int x = xForTime(t.ms);
        p.setPen(grid);
        p.drawLine(x, plot.top(), x, plot.bottom());
        p.setPen(pal.windowText().color());
        p.drawLine(x, plot.bottom(), x, plot.bottom() + 4);
        // Each label centred under its tick, but moved inside the widget where
        // the tick is near an edge, so that no label is cut off.
        const auto labelRect = [&](const QString &text, int top) {
            const int w = fm.horizontalAdvance(text) + 2;
            const int left = std::clamp(x - w / 2, 0, std::max(0, width() - w));
            return QRect(left, top, w, fm.height());
        };
        const QRect label = labelRect(t.label, plot.bottom() + 5);
        p.drawText(label, Qt::AlignHCenter | Qt::AlignTop, t.label);
        if (!t.date.isEmpty()) {
            QColor dim = pal.windowText().color();
            dim.setAlpha(170);
            p.setPen(dim);
            p.drawText(labelRect(t.date, label.bottom() + 1), Qt::AlignHCenter | Qt::AlignTop, t.date);
        }
    }

    // Bars: stacked inserts, updates, deletes. Heights follow the square
    // root of the count, scaled to the busiest bucket in view, so that a
    // single write still shows beside a bulk load.
    int peak = 0;
    for (const TimelineBucket &b : m_buckets)
        if (b.startMs + m_bucketMs > m_start && b.startMs < m_end)
            peak = std::max(peak, b.total());
    const int barTop = plot.top() + fm.height() + 8;
    const int barArea = plot.bottom() - barTop;
    if (peak > 0 && barArea > 4) {
        for (const TimelineBucket &b : m_buckets) {
            if (b.total() == 0)
                continue;
            const int x0 = xForTime(b.startMs);
            const int x1 = std::max(x0 + 1, xForTime(b.startMs + m_bucketMs) - (m_bucketMs / (m_end - m_start) * plot.width() > 3 ? 1 : 0));
            if (x1 < plot.left() || x0 > plot.right())
                continue;
            const double height = std::max(2.0, std::sqrt(double(b.total()) / peak) * barArea);
            double y = plot.bottom() + 1;
            for (const auto &[count, colour] : {std::pair{b.inserts, insertColor()}, std::pair{b.updates, updateColor()}, std::pair{b.deletes, deleteColor()}}) {
                if (count == 0)
                    continue;
                const double h = height * count / b.total();
                const int top = int(std::lround(y - h));
                p.fillRect(QRect(std::max(x0, plot.left()), top, std::min(x1, plot.right()) - std::max(x0, plot.left()), std::max(1, int(std::lround(y)) - top)), colour);
                y -= h;
            }
        }
    }
    if (!m_note.isEmpty()) {
        p.setPen(pal.placeholderText().color());
        p.drawText(plot.adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_note);
    }

    // Now.
    {
        const int x = xForTime(m_now);
        if (x >= plot.left() && x <= plot.right()) {
            QPen pen(pal.text().color(), 1, Qt::DashLine);
            p.setPen(pen);
            p.drawLine(x, plot.top(), x, plot.bottom());
        }
    }

    // Backup markers: a diamond each, on a stem down into the plot.
    p.setRenderHint(QPainter::Antialiasing);
    for (const TimelineBackup &b : m_backups) {
        const int x = xForTime(b.timeMs);
        if (x < plot.left() - 6 || x > plot.right() + 6)
            continue;
        const bool selected = b.arn == m_selectedBackup;
        const QColor colour = selected ? pal.highlight().color() : backupColor();
        QPen stem(colour, selected ? 2 : 1);
        p.setPen(stem);
        p.drawLine(x, kMarkerRow / 2 + 2, x, plot.bottom());
        const int r = selected ? 8 : 6;
        const QPoint c(x, kMarkerRow / 2 + 2);
        QPainterPath diamond;
        diamond.moveTo(c.x(), c.y() - r);
        diamond.lineTo(c.x() + r, c.y());
        diamond.lineTo(c.x(), c.y() + r);
        diamond.lineTo(c.x() - r, c.y());
        diamond.closeSubpath();
        p.fillPath(diamond, b.status == QLatin1String("AVAILABLE") ? colour : pal.window().color());
        p.setPen(QPen(selected ? pal.highlightedText().color() : colour.darker(130), 1));
        p.drawPath(diamond);
    }
    p.setRenderHint(QPainter::Antialiasing, false);

    // The selected time.
    if (m_selectedTime) {
        // The whole second when it is wide enough to see, else a line in its middle.
        const int x = xForTime(double(*m_selectedTime) + 500);
        const int x0 = xForTime(double(*m_selectedTime)), x1 = xForTime(double(*m_selectedTime) + kSecond);
        if (x >= plot.left() && x <= plot.right()) {
            if (x1 - x0 >= 4) {
                QColor second = pal.highlight().color();
                second.setAlpha(90);
                p.fillRect(QRect(x0, plot.top(), x1 - x0, plot.height()), second);
                p.setPen(QPen(pal.highlight().color(), 1));
                p.drawLine(x0, plot.top(), x0, plot.bottom());
                p.drawLine(x1, plot.top(), x1, plot.bottom());
            } else {
                p.setPen(QPen(pal.highlight().color(), 2));
                p.drawLine(x, plot.top(), x, plot.bottom());
            }
            const QString label = secondText(local(double(*m_selectedTime)));
            const int w = fm.horizontalAdvance(label) + 10;
            QRect box(std::max(x, x1) + 4, plot.top() + fm.height() + 8, w, fm.height() + 4);
            if (box.right() > plot.right())
                box.moveRight(std::min(x, x0) - 4);
            p.fillRect(box, pal.highlight());
            p.setPen(pal.highlightedText().color());
            p.drawText(box, Qt::AlignCenter, label);
        }
    }

    // Text over the plot last, each on a backdrop, so that the bars, the
    // stems of the backups and the selected second never cross it: the
    // legend top right (what the colours and marks are), and the PITR
    // window's title, elided before the legend.
    QColor backdrop = pal.base().color();
    backdrop.setAlpha(215);
    const QRect row(0, plot.top() + 4, 0, fm.height());
    int legendLeft = plot.right() - 6;
    {
        int x = legendLeft;
        auto text = [&](const QString &t) {
            const int w = fm.horizontalAdvance(t);
            x -= w;
            p.fillRect(QRect(x - 2, row.top(), w + 4, row.height()), backdrop);
            p.setPen(pal.text().color());
            p.drawText(QRect(x, row.top(), w, row.height()), Qt::AlignVCenter, t);
        };
        const auto swatch = [&](const std::function<void(const QRect &)> &draw) {
            x -= 14;
            const QRect box(x, row.top() + (fm.height() - 10) / 2, 10, 10);
            p.fillRect(box.adjusted(-2, -2, 2, 2), backdrop);
            draw(box);
            x -= 14;
        };
        for (const auto &[label, colour] : {std::pair{tr("deletes"), deleteColor()}, std::pair{tr("updates"), updateColor()},
                                            std::pair{tr("inserts"), insertColor()}}) {
            text(label);
            swatch([&p, colour = colour](const QRect &box) { p.fillRect(box, colour); });
        }
        if (!m_backups.isEmpty()) {
            text(tr("backup"));
            swatch([&p, this](const QRect &box) {
                QPainterPath diamond;
                const QPoint c = box.center();
                diamond.moveTo(c.x(), box.top());
                diamond.lineTo(box.right(), c.y());
                diamond.lineTo(c.x(), box.bottom());
                diamond.lineTo(box.left(), c.y());
                diamond.closeSubpath();
                p.fillPath(diamond, backupColor());
            });
        }
        text(tr("now"));
        swatch([&p, &pal](const QRect &box) {
            p.setPen(QPen(pal.text().color(), 1, Qt::DashLine));
            p.drawLine(box.center().x(), box.top() - 2, box.center().x(), box.bottom() + 2);
        });
        if (peak > 0)
            text(tr("busiest bar: %L1 writes (square-root scale)").arg(peak) + QStringLiteral("   "));
        legendLeft = x;
    }
    if (m_pitr) {
        const int x0 = std::max(plot.left(), xForTime(m_pitr->first));
        const int x1 = std::min({plot.right(), xForTime(m_pitr->second), legendLeft - 8});
        if (x1 - x0 > 24) {
            const QString title = fm.elidedText(tr("Point-in-time recovery window"), Qt::ElideRight, x1 - x0 - 8);
            const QRect box(x0 + 4, row.top(), fm.horizontalAdvance(title), fm.height());
            p.fillRect(box.adjusted(-2, 0, 2, 0), backdrop);
            p.setPen(pal.text().color());
            p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, title);
        }
    }

    p.setPen(pal.mid().color());
    p.drawRect(plot.adjusted(0, 0, -1, -1));
    if (hasFocus()) {
        QPen focus(pal.highlight().color(), 1, Qt::DotLine);
        p.setPen(focus);
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void TimelineWidget::zoom(double factor, double aroundMs)
{
    const double span = std::clamp((m_end - m_start) * factor, kMinSpanMs, kMaxSpanMs);
    const double fraction = (aroundMs - m_start) / (m_end - m_start);
    const double start = aroundMs - fraction * span;
    setRange(start, start + span);
}

void TimelineWidget::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        event->ignore();
        return;
    }
    zoom(std::pow(0.8, steps), timeAtX(event->position().x()));
    event->accept();
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    m_pressPos = event->position().toPoint();
    m_pressStart = m_start;
    m_pressEnd = m_end;
    m_dragging = false;
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressPos)
        return;
    const int dx = event->position().toPoint().x() - m_pressPos->x();
    if (!m_dragging && std::abs(dx) < kDragThreshold)
        return;
    if (!m_dragging) {
        m_dragging = true;
        setCursor(Qt::ClosedHandCursor);
    }
    const double shift = double(dx) / plotRect().width() * (m_pressEnd - m_pressStart);
    setRange(m_pressStart - shift, m_pressEnd - shift);
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_pressPos || event->button() != Qt::LeftButton)
        return;
    const QPoint pos = *m_pressPos;
    m_pressPos.reset();
    if (m_dragging) {
        m_dragging = false;
        unsetCursor();
        return;
    }
    const QString arn = backupAt(pos);
    if (!arn.isEmpty())
        selectBackup(arn);
    else if (plotRect().adjusted(0, -kMarkerRow, 0, 0).contains(pos))
        selectTime(qint64(std::floor(timeAtX(pos.x()))));
}

void TimelineWidget::moveSelection(double deltaMs)
{
    double from = m_selectedTime ? double(*m_selectedTime) : (m_start + m_end) / 2;
    if (!m_selectedBackup.isEmpty())
        for (const TimelineBackup &b : m_backups)
            if (b.arn == m_selectedBackup)
                from = b.timeMs;
    const qint64 target = qint64(std::floor((from + deltaMs) / kSecond)) * kSecond;
    selectTime(target);
    // Keep it in view.
    const double span = m_end - m_start;
    if (double(target) < m_start)
        setRange(double(target) - span * 0.1, double(target) + span * 0.9);
    else if (double(target) + kSecond > m_end)
        setRange(double(target) - span * 0.9, double(target) + span * 0.1);
}

void TimelineWidget::jumpToBackup(int direction)
{
    if (m_backups.isEmpty())
        return;
    const double from = !m_selectedBackup.isEmpty() ? [&] {
        for (const TimelineBackup &b : m_backups)
            if (b.arn == m_selectedBackup)
                return b.timeMs;
        return (m_start + m_end) / 2;
    }() : m_selectedTime ? double(*m_selectedTime) + 500 : (m_start + m_end) / 2;
    const TimelineBackup *pick = nullptr;
    for (const TimelineBackup &b : m_backups) {
        if (direction > 0 && b.timeMs > from) {
            pick = &b;
            break;
        }
        if (direction < 0 && b.timeMs < from)
            pick = &b;
    }
    if (!pick)
        return;
    const double span = m_end - m_start;
    if (pick->timeMs < m_start || pick->timeMs > m_end)
        setRange(pick->timeMs - span / 2, pick->timeMs + span / 2);
    selectBackup(pick->arn);
}

void TimelineWidget::keyPressEvent(QKeyEvent *event)
{
    const double pixel = (m_end - m_start) / std::max(1, plotRect().width());
    // One step is about ten pixels, in whole seconds.
    const double step = std::max<double>(kSecond, std::round(pixel * 10 / kSecond) * kSecond);
    const bool far = event->modifiers() & Qt::ShiftModifier;
    const bool jump = event->modifiers() & Qt::ControlModifier;
    switch (event->key()) {
    case Qt::Key_Left:
        jump ? jumpToBackup(-1) : moveSelection(-(far ? 10 : 1) * step);
        break;
    case Qt::Key_Right:
        jump ? jumpToBackup(1) : moveSelection((far ? 10 : 1) * step);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoom(0.5, m_selectedTime ? double(*m_selectedTime) : (m_start + m_end) / 2);
        break;
    case Qt::Key_Minus:
        zoom(2.0, m_selectedTime ? double(*m_selectedTime) : (m_start + m_end) / 2);
        break;
    case Qt::Key_Home:
        fit();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

QString TimelineWidget::tooltipAt(const QPoint &pos) const
{
    const QLocale locale;
    const QString arn = backupAt(pos);
    if (!arn.isEmpty())
        for (const TimelineBackup &b : m_backups)
            if (b.arn == arn)
                return tr("Backup %1\nCreated %2\nStatus %3\nClick to see what it holds")
                    .arg(b.name, secondText(local(b.timeMs)), b.status);
    if (!plotRect().contains(pos))
        return {};
    const double t = timeAtX(pos.x());
    QString text = secondText(local(t));
    for (const TimelineBucket &b : m_buckets)
        if (t >= b.startMs && t < b.startMs + m_bucketMs) {
            text += QLatin1Char('\n') + tr("From %1 to %2: %L3 inserts, %L4 updates, %L5 deletes")
                                            .arg(locale.toString(local(b.startMs), QStringLiteral("HH:mm:ss")),
                                                 locale.toString(local(b.startMs + m_bucketMs), QStringLiteral("HH:mm:ss")))
                                            .arg(b.inserts)
                                            .arg(b.updates)
                                            .arg(b.deletes);
            break;
        }
    if (m_pitr && t >= m_pitr->first && t <= m_pitr->second)
        text += QLatin1Char('\n') + tr("Within the point-in-time recovery window: click to preview and restore");
    return text;
}

bool TimelineWidget::event(QEvent *event)
{
    if (answerToolTip(this, event, [this](const QPoint &pos) { return tooltipAt(pos); }))
        return true;
    return QWidget::event(event);
}

} // namespace dd::ui
