#include "streams/streamrecord.h"

#include <QJsonDocument>

namespace dd::ui {

namespace {
QString p(const char *s) { return QString::fromLatin1(s); }
} // namespace

StreamRecord StreamRecord::fromJson(const QJsonObject &record, qint64 receivedMs)
{
    StreamRecord r;
    const QJsonObject d = record.value(p("dynamodb")).toObject();
    r.eventName = record.value(p("eventName")).toString();
    r.sequenceNumber = d.value(p("SequenceNumber")).toString();
    r.time = QDateTime::fromSecsSinceEpoch(qint64(d.value(p("ApproximateCreationDateTime")).toDouble()), Qt::UTC);
    r.keys = d.value(p("Keys")).toObject();
    r.oldImage = d.value(p("OldImage")).toObject();
    r.newImage = d.value(p("NewImage")).toObject();
    // Without both images (KEYS_ONLY, NEW_IMAGE, OLD_IMAGE) there is no diff for MODIFY.
    if (r.eventName != p("MODIFY") || (d.contains(p("OldImage")) && d.contains(p("NewImage"))))
        r.changes = diffImages(r.oldImage, r.newImage);
    r.raw = record;
    r.receivedMs = receivedMs;
    return r;
}

QString StreamRecord::keysText() const
{
    QStringList parts;
    for (auto it = keys.begin(); it != keys.end(); ++it) {
        const QJsonObject v = it.value().toObject();
        const QJsonValue inner = v.isEmpty() ? QJsonValue() : v.begin().value();
        parts << QStringLiteral("%1=%2").arg(it.key(), inner.isString() ? inner.toString() : shortValue(v));
    }
    return parts.join(QLatin1String(", "));
}

QString StreamRecord::changesText() const
{
    QStringList parts;
    for (const AttributeChange &c : changes) {
        switch (c.kind) {
        case AttributeChange::Kind::Added:
            parts << (eventName == p("INSERT") ? QStringLiteral("%1: %2").arg(c.path, shortValue(c.newValue, 24))
                                               : QStringLiteral("+%1: %2").arg(c.path, shortValue(c.newValue, 24)));
            break;
        case AttributeChange::Kind::Removed:
            parts << (eventName == p("REMOVE") ? QStringLiteral("%1: %2").arg(c.path, shortValue(c.oldValue, 24))
                                               : QStringLiteral("−%1").arg(c.path));
            break;
        case AttributeChange::Kind::Changed:
            parts << QStringLiteral("%1: %2 → %3").arg(c.path, shortValue(c.oldValue, 24), shortValue(c.newValue, 24));
            break;
        }
    }
    return parts.join(QLatin1String("; "));
}

bool StreamRecord::matches(const QString &text) const
{
    if (text.isEmpty())
        return true;
    if (eventName.contains(text, Qt::CaseInsensitive) || keysText().contains(text, Qt::CaseInsensitive)
        || changesText().contains(text, Qt::CaseInsensitive))
        return true;
    const QString images = QString::fromUtf8(QJsonDocument(oldImage).toJson(QJsonDocument::Compact))
                           + QString::fromUtf8(QJsonDocument(newImage).toJson(QJsonDocument::Compact));
    return images.contains(text, Qt::CaseInsensitive);
}

} // namespace dd::ui
