// The difference between a stream record's old and new image, attribute by
// attribute and into nested maps and lists ("address.city", "tags[2]"), for
// the stream viewer's highlighting. Pure functions; safe from any thread.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace dd::ui {

struct AttributeChange {
    enum class Kind { Added, Removed, Changed };
    QString path;           // document path: top-level name, "a.b", "a[0]"
    Kind kind = Kind::Changed;
    QJsonObject oldValue;   // the AttributeValue before (empty when Added)
    QJsonObject newValue;   // the AttributeValue after (empty when Removed)
};

// Changes from `oldImage` to `newImage` (items in DynamoDB JSON), in path
// order. Maps and lists present on both sides are compared element by
// element, so one changed nested attribute is one change, not its parent.
QList<AttributeChange> diffImages(const QJsonObject &oldImage, const QJsonObject &newImage);

// A short text of an AttributeValue for one line: strings and numbers as
// they are, other types as compact plain JSON; cut at `max` characters.
QString shortValue(const QJsonObject &value, int max = 40);

// HTML of the two images side by side, every changed path highlighted
// (added green, removed red, changed yellow), nested ones where they sit.
QString diffHtml(const QJsonObject &oldImage, const QJsonObject &newImage, const QList<AttributeChange> &changes);

} // namespace dd::ui
