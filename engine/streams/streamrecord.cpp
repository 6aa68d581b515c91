#include "streams/streamrecord.h"

#include "model/json.h"
#include "model/size.h"

#include <QCryptographicHash>

namespace dd::streams {

namespace {

qint64 storedItemSize(const QByteArray &json)
{
    const auto item = model::itemFromStoredJson(json);
    return item ? model::itemSize(*item) : 0;
}

const char *eventName(storage::ChangeEvent e)
{
    switch (e) {
    case storage::ChangeEvent::Insert: return "INSERT";
    case storage::ChangeEvent::Modify: return "MODIFY";
    case storage::ChangeEvent::Remove: return "REMOVE";
    }
    return "MODIFY";
}

} // namespace

qint64 writeStreamRecord(api::JsonWriter &out, const StreamInfo &stream, const QString &region, const ChangeRow &row,
                         RecordFlavor flavor)
{
    const bool newImage = (stream.viewType == QLatin1String("NEW_IMAGE") || stream.viewType == QLatin1String("NEW_AND_OLD_IMAGES"))
                          && !row.newImage.isNull();
    const bool oldImage = (stream.viewType == QLatin1String("OLD_IMAGE") || stream.viewType == QLatin1String("NEW_AND_OLD_IMAGES"))
                          && !row.oldImage.isNull();
    qint64 size = storedItemSize(row.keys);
    if (newImage)
        size += storedItemSize(row.newImage);
    if (oldImage)
        size += storedItemSize(row.oldImage);

    // A stable id per record: the same record read twice has the same eventID.
    const QByteArray id = QCryptographicHash::hash(stream.arn.toUtf8() + '#' + QByteArray::number(row.seq), QCryptographicHash::Md5).toHex();
    out.beginObject();
    out.key(QLatin1StringView("eventID")).string(QString::fromLatin1(id));
    out.key(QLatin1StringView("eventName")).string(QString::fromLatin1(eventName(row.event)));
    out.key(QLatin1StringView("eventVersion")).string(u"1.1");
    out.key(QLatin1StringView("eventSource")).string(u"aws:dynamodb");
    out.key(QLatin1StringView("awsRegion")).string(region);
    out.key(QLatin1StringView("dynamodb")).beginObject();
    // Whole seconds, as AWS rounds them down (API Reference, StreamRecord).
    out.key(QLatin1StringView("ApproximateCreationDateTime")).integer(row.timeMs / 1000);
    out.key(QLatin1StringView("Keys")).raw(row.keys);
    if (newImage)
        out.key(QLatin1StringView("NewImage")).raw(row.newImage);
    if (oldImage)
        out.key(QLatin1StringView("OldImage")).raw(row.oldImage);
    out.key(QLatin1StringView("SequenceNumber")).string(formatSequenceNumber(row.seq));
    out.key(QLatin1StringView("SizeBytes")).integer(size);
    out.key(QLatin1StringView("StreamViewType")).string(stream.viewType);
    out.endObject();
    if (row.origin == ChangeOrigin::TimeToLive) {
        // Developer Guide, "DynamoDB Streams and Time to Live".
        const bool lambda = flavor == RecordFlavor::LambdaEvent;
        out.key(QLatin1StringView("userIdentity")).beginObject();
        out.key(QLatin1StringView(lambda ? "type" : "Type")).string(u"Service");
        out.key(QLatin1StringView(lambda ? "principalId" : "PrincipalId")).string(u"dynamodb.amazonaws.com");
        out.endObject();
    }
    if (flavor == RecordFlavor::LambdaEvent)
        out.key(QLatin1StringView("eventSourceARN")).string(stream.arn);
    out.endObject();
    return size;
}

} // namespace dd::streams
