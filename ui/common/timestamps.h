// How the app writes a moment to the second: backups, point-in-time
// recovery and jobs are restored and compared by the second, so every such
// time carries its seconds, in one style (a locale's short format drops
// them: "restorable from 11/28/26 10:36 AM to 11/28/26 10:36 AM").
#pragma once

#include <QDateTime>
#include <QLocale>

namespace dd::ui {

inline QString secondText(const QDateTime &at)
{
    return QLocale().toString(at, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

inline QString secondText(qint64 epochMs)
{
    return secondText(QDateTime::fromMSecsSinceEpoch(epochMs));
}

} // namespace dd::ui
