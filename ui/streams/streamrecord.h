// StreamRecord: one DynamoDB Streams record as the live stream viewer shows
// it (event, time, keys, old and new image, and what changed between them),
// parsed from a GetRecords "Records" element. Value type; pure functions,
// safe from any thread.
#pragma once

#include "streams/streamdiff.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace dd::ui {

struct StreamRecord {
    QString eventName;       // INSERT, MODIFY or REMOVE
    QString sequenceNumber;  // dynamodb.SequenceNumber (decimal digits)
    QDateTime time;          // ApproximateCreationDateTime (whole seconds, UTC)
    QJsonObject keys;        // dynamodb.Keys
    QJsonObject oldImage;    // empty for INSERT or KEYS_ONLY/NEW_IMAGE streams
    QJsonObject newImage;    // empty for REMOVE or KEYS_ONLY/OLD_IMAGE streams
    QList<AttributeChange> changes; // diffImages(oldImage, newImage)
    QJsonObject raw;         // the record exactly as GetRecords returned it
    qint64 receivedMs = 0;   // when the viewer received it (ms since the epoch)

    static StreamRecord fromJson(const QJsonObject &record, qint64 receivedMs);
    QString keysText() const;    // "pk=alice, sk=1"
    QString changesText() const; // "balance: 100 → 90; +tags"
    // Whether the event, keys, changes or images contain `text` (case-insensitive).
    bool matches(const QString &text) const;
};

} // namespace dd::ui
