#include "api/throughputdecreases.h"

#include "api/tableops.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace dd::api {

namespace {

constexpr int kFreeDecreasesPerDay = 4;
constexpr qint64 kDayMs = 24 * 3600 * 1000;
constexpr qint64 kSpacingMs = 3600 * 1000;

QString p(const char *s) { return QString::fromLatin1(s); }

qint64 lastDecreaseMs(const QJsonObject &throughput)
{
    return qint64(std::llround(throughput.value(p("LastDecreaseDateTime")).toDouble(-1) * 1000));
}

// Decreases made in the UTC day of `nowMs`.
qint64 decreasesToday(const QJsonObject &throughput, qint64 nowMs)
{
    const qint64 last = lastDecreaseMs(throughput);
    if (last < 0 || last / kDayMs != nowMs / kDayMs)
        return 0;
    return throughput.value(p("NumberOfDecreasesToday")).toInteger();
}

// "Friday, October 9, 2026 at 1:21:34 AM Coordinated Universal Time", as AWS writes it.
QString awsTime(qint64 ms)
{
    return QLocale(QLocale::English, QLocale::UnitedStates)
        .toString(QDateTime::fromMSecsSinceEpoch(ms / 1000 * 1000, Qt::UTC),
                  p("dddd, MMMM d, yyyy 'at' h:mm:ss AP 'Coordinated Universal Time'"));
}

} // namespace

std::optional<ApiError> checkDecrease(const QJsonObject &throughput, qint64 nowMs)
{
    const qint64 today = decreasesToday(throughput, nowMs);
    if (today < kFreeDecreasesPerDay)
        return std::nullopt;
    const qint64 last = lastDecreaseMs(throughput);
    const qint64 next = std::min(last + kSpacingMs, (nowMs / kDayMs + 1) * kDayMs);
    if (nowMs >= next)
        return std::nullopt;
    return ApiError::limitExceeded(
        QStringLiteral("Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. After the "
                       "first %1 decreases, each subsequent decrease in the same UTC day can be performed at most once every 3600 "
                       "seconds. Number of decreases today: %2. Last decrease at %3. Next decrease can be made at %4")
            .arg(kFreeDecreasesPerDay)
            .arg(today)
            .arg(awsTime(last), awsTime(next)));
}

void recordDecrease(QJsonObject &throughput, qint64 nowMs)
{
    const qint64 today = decreasesToday(throughput, nowMs);
    throughput.insert(p("LastDecreaseDateTime"), epochSeconds(nowMs));
    throughput.insert(p("NumberOfDecreasesToday"), today + 1);
}

QJsonObject decreasesAsOf(QJsonObject throughput, qint64 nowMs)
{
    if (throughput.contains(p("NumberOfDecreasesToday")))
        throughput.insert(p("NumberOfDecreasesToday"), decreasesToday(throughput, nowMs));
    return throughput;
}

} // namespace dd::api
