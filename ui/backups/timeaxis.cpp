#include "backups/timeaxis.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace dd::ui {

namespace {

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

QDateTime local(double ms) { return QDateTime::fromMSecsSinceEpoch(qint64(std::floor(ms))); }

} // namespace

QList<AxisTick> axisTicks(double startMs, double endMs, int widthPx, int minSpacingPx)
{
    static const qint64 steps[] = {kSecond, 2 * kSecond, 5 * kSecond, 10 * kSecond, 15 * kSecond, 30 * kSecond,
                                   kMinute, 2 * kMinute, 5 * kMinute, 10 * kMinute, 15 * kMinute, 30 * kMinute,
                                   kHour, 2 * kHour, 3 * kHour, 6 * kHour, 12 * kHour, kDay, 2 * kDay, 7 * kDay, 14 * kDay};
    const double msPerPixel = (endMs - startMs) / std::max(1, widthPx);
    const double wanted = msPerPixel * minSpacingPx;
    const QLocale locale;
    QList<AxisTick> out;
    qint64 step = 0;
    for (qint64 s : steps)
        if (double(s) >= wanted) {
            step = s;
            break;
        }
    if (step == 0) {
        // Months (or quarters, or years): calendar month starts.
        const int months = wanted <= 31.0 * kDay ? 1 : wanted <= 92.0 * kDay ? 3 : wanted <= 183.0 * kDay ? 6 : 12;
        QDate d = local(startMs).date();
        d = QDate(d.year(), (d.month() - 1) / months * months + 1, 1);
        for (int guard = 0; guard < 200; ++guard, d = d.addMonths(months)) {
            const double ms = double(QDateTime(d, QTime(0, 0)).toMSecsSinceEpoch());
            if (ms >= endMs)
                break;
            if (ms >= startMs)
                out.append({ms, locale.toString(d, months == 12 ? QStringLiteral("yyyy") : QStringLiteral("MMM yyyy")), QString()});
        }
        return out;
    }
    if (step >= kDay) {
        QDate d = local(startMs).date();
        const int days = int(step / kDay);
        if (days == 7)
            d = d.addDays(1 - d.dayOfWeek()); // weeks start on Monday
        for (int guard = 0; guard < 400; ++guard, d = d.addDays(days)) {
            const double ms = double(QDateTime(d, QTime(0, 0)).toMSecsSinceEpoch());
            if (ms >= endMs)
                break;
            if (ms >= startMs)
                out.append({ms, locale.toString(d, QStringLiteral("d MMM")), QString()});
        }
        return out;
    }
    // Below a day: multiples of the step in local time.
    const qint64 offset = qint64(local(startMs).offsetFromUtc()) * kSecond;
    qint64 t = qint64(std::ceil((startMs + double(offset)) / double(step))) * step - offset;
    QDate lastDate;
    const QString format = step < kMinute ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    for (int guard = 0; guard < 400 && double(t) < endMs; ++guard, t += step) {
        const QDateTime dt = local(double(t));
        AxisTick tick{double(t), locale.toString(dt.time(), format), QString()};
        if (dt.date() != lastDate) {
            tick.date = locale.toString(dt.date(), QStringLiteral("ddd d MMM yyyy"));
            lastDate = dt.date();
        }
        out.append(tick);
    }
    return out;
}

} // namespace dd::ui
