#include "migration/jobcommon.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>

#include <cmath>

namespace dd::migration {

QString newJobId(qint64 startMs)
{
    return QStringLiteral("%1-%2").arg(startMs, 14, 10, QLatin1Char('0')).arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
}

QString randomBase32(int n)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    QString out;
    out.reserve(n);
    for (int i = 0; i < n; ++i)
        out.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(32)]));
    return out;
}

QString isoMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString isoSeconds(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

qint64 wireMs(const QJsonValue &v)
{
    return qint64(std::llround(v.toDouble() * 1000));
}

QJsonObject publicDescription(QJsonObject description)
{
    for (auto it = description.begin(); it != description.end();) {
        if (it.key().startsWith(QLatin1Char('_')))
            it = description.erase(it);
        else
            ++it;
    }
    return description;
}

QString md5Base64(QByteArrayView bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toBase64());
}

} // namespace dd::migration
