#include "streams/sparkline.h"

#include <QDateTime>
#include <QPainter>

#include <algorithm>

namespace dd::ui {

Sparkline::Sparkline(QWidget *parent) : QWidget(parent), m_counts(kSeconds, 0)
{
    setObjectName(QStringLiteral("eventsPerSecond"));
    m_lastSecond = QDateTime::currentMSecsSinceEpoch() / 1000;
}

void Sparkline::advance(qint64 nowMs)
{
    const qint64 second = nowMs / 1000;
    const qint64 steps = std::min<qint64>(second - m_lastSecond, kSeconds);
    for (qint64 i = 0; i < steps; ++i) {
        m_counts.removeFirst();
        m_counts.append(0);
    }
    if (second > m_lastSecond) {
        m_lastSecond = second;
        update();
    }
}

void Sparkline::addEvents(qint64 ms, int count)
{
    advance(ms);
    const qint64 age = m_lastSecond - ms / 1000;
    if (age >= 0 && age < kSeconds)
        m_counts[kSeconds - 1 - int(age)] += count;
    update();
    const int rate = lastSecond();
    setToolTip(tr("Events per second over the last minute (last: %1, peak: %2)")
                   .arg(rate)
                   .arg(*std::max_element(m_counts.begin(), m_counts.end())));
}

int Sparkline::lastSecond() const
{
    return m_counts.at(kSeconds - 2);
}

QSize Sparkline::sizeHint() const
{
    return QSize(2 * kSeconds + 2, 24);
}

void Sparkline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    painter.setPen(palette().mid().color());
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
    const int peak = std::max(1, *std::max_element(m_counts.begin(), m_counts.end()));
    const double barWidth = double(width() - 2) / kSeconds;
    const QColor bar = palette().highlight().color();
    for (int i = 0; i < kSeconds; ++i) {
        if (m_counts[i] == 0)
            continue;
        const int h = std::max(1, int((height() - 3) * double(m_counts[i]) / peak));
        painter.fillRect(QRectF(1 + i * barWidth, height() - 1 - h, std::max(1.0, barWidth - 0.5), h), bar);
    }
    // The current rate, small, in the top left corner.
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.8);
    painter.setFont(f);
    painter.setPen(palette().text().color());
    painter.drawText(rect().adjusted(3, 1, -2, -1), Qt::AlignLeft | Qt::AlignTop, tr("%1/s").arg(lastSecond()));
}

} // namespace dd::ui
