// What exports and imports share: job ids, times, descriptions.
#pragma once

#include "model/result.h"

#include <QJsonObject>
#include <QString>

namespace dd::migration {

inline QString p(const char *s) { return QString::fromLatin1(s); }

// An export's or import's id: the start time as 14-digit epoch
// milliseconds, '-' and 8 random lowercase hex digits ("01768385930622-efd1a093").
QString newJobId(qint64 startMs);
// `n` random characters of lowercase base32 ([a-z2-7]), as AWS names data files.
QString randomBase32(int n);
// A time as AWS's manifests write it: "2026-01-14T10:18:50.622Z".
QString isoMs(qint64 ms);
// A time as AWS's error messages print it: "2026-10-08T22:51:50Z".
QString isoSeconds(qint64 ms);
// A time on the wire: epoch seconds with milliseconds.
inline double wireTime(qint64 ms) { return double(ms) / 1000; }
// The epoch milliseconds of a time on the wire.
qint64 wireMs(const QJsonValue &v);
// A stored description without Dynamodesk's own members (named "_...").
QJsonObject publicDescription(QJsonObject description);
// The base64 MD5 of `bytes`, as the .md5 files and manifests hold it.
QString md5Base64(QByteArrayView bytes);

} // namespace dd::migration
