#include "streams/streampoller.h"

#include "common/responses.h"

#include <QJsonArray>

namespace dd::ui {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

// New shards appear when a shard closes (every few hours on AWS) or the
// stream is re-created; a second or so of delay in noticing them is fine.
constexpr int kDescribeEvery = 8;
// GetRecords' own maximum (docs: "Limit ... maximum value of 1000").
constexpr int kRecordsPerCall = 1000;

} // namespace

StreamPoll pollStream(client::Client &client, StreamCursor cursor)
{
    StreamPoll out;
    if (cursor.streamArn.isEmpty()) {
        const auto r = client.callSync(p("DescribeTable"), QJsonObject{{p("TableName"), cursor.table}});
        if (!r.ok()) {
            out.cursor = cursor;
            out.error = errorText(r);
            return out;
        }
        const QJsonObject table = r.body.value(p("Table")).toObject();
        if (!table.value(p("StreamSpecification")).toObject().value(p("StreamEnabled")).toBool()
            || !table.contains(p("LatestStreamArn"))) {
            out.cursor = cursor;
            out.streamDisabled = true;
            return out;
        }
        cursor.streamArn = table.value(p("LatestStreamArn")).toString();
        cursor.pollsSinceDescribe = kDescribeEvery;
    }
    if (cursor.pollsSinceDescribe >= kDescribeEvery || cursor.iterators.isEmpty()) {
        const bool first = cursor.knownShards.isEmpty();
        const auto r = client.callSync(p("Streams.DescribeStream"), QJsonObject{{p("StreamArn"), cursor.streamArn}});
        if (!r.ok()) {
            out.cursor = cursor;
            out.error = errorText(r);
            return out;
        }
        const QJsonObject description = r.body.value(p("StreamDescription")).toObject();
        for (const QJsonValue &v : description.value(p("Shards")).toArray()) {
            const QJsonObject shard = v.toObject();
            const QString id = shard.value(p("ShardId")).toString();
            if (cursor.knownShards.contains(id))
                continue;
            const bool closed = shard.value(p("SequenceNumberRange")).toObject().contains(p("EndingSequenceNumber"));
            // At LATEST, shards closed before we started hold only old records.
            if (first && closed && !cursor.fromTrimHorizon) {
                cursor.knownShards.insert(id);
                continue;
            }
            const QString type = first && !cursor.fromTrimHorizon ? p("LATEST") : p("TRIM_HORIZON");
            const auto it = client.callSync(p("Streams.GetShardIterator"),
                                            QJsonObject{{p("StreamArn"), cursor.streamArn}, {p("ShardId"), id}, {p("ShardIteratorType"), type}});
            if (!it.ok()) {
                out.cursor = cursor;
                out.error = errorText(it);
                return out;
            }
            cursor.knownShards.insert(id);
            cursor.iterators.insert(id, it.body.value(p("ShardIterator")).toString());
        }
        cursor.pollsSinceDescribe = 0;
        // Disabled (or replaced by a new stream with a new label) and read to
        // its end: look for the table's current stream from its first record.
        if (cursor.iterators.isEmpty() && description.value(p("StreamStatus")).toString() == p("DISABLED")) {
            out.cursor = StreamCursor{cursor.table, true, QString(), {}, {}, 0};
            return out;
        }
    }
    ++cursor.pollsSinceDescribe;
    for (auto it = cursor.iterators.begin(); it != cursor.iterators.end();) {
        const auto r = client.callSync(p("Streams.GetRecords"), QJsonObject{{p("ShardIterator"), it.value()}, {p("Limit"), kRecordsPerCall}});
        if (!r.ok()) {
            // An expired iterator (15 minutes) or a trimmed position: the
            // stream is found again on the next poll, from LATEST.
            if (r.error->type() == p("ExpiredIteratorException") || r.error->type() == p("TrimmedDataAccessException")) {
                out.error = errorText(r);
                out.cursor = StreamCursor{cursor.table, false, QString(), {}, {}, 0};
                out.records.clear();
                return out;
            }
            out.cursor = cursor;
            out.error = errorText(r);
            return out;
        }
        for (const QJsonValue &v : r.body.value(p("Records")).toArray())
            out.records.append(v.toObject());
        const QJsonValue next = r.body.value(p("NextShardIterator"));
        if (next.isString() && !next.toString().isEmpty()) {
            it.value() = next.toString();
            ++it;
        } else {
            it = cursor.iterators.erase(it); // the shard is closed and read to its end
        }
    }
    out.cursor = cursor;
    return out;
}

} // namespace dd::ui
