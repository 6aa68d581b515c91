// ShardIterator: the opaque position handed out by GetShardIterator and
// GetRecords. On the wire it looks like AWS's ("<StreamArn>|1|<opaque>"); the
// opaque part carries the shard, the next sequence number to read and the
// time the iterator was issued, with a checksum so that a hand-edited or
// truncated iterator is refused rather than misread.
// Value type; thread-safe.
#pragma once

#include <QString>

#include <optional>

namespace dd::streams {

struct ShardIterator {
    // Iterators expire 15 minutes after they are issued (DynamoDB Streams
    // API Reference, GetShardIterator).
    static constexpr qint64 kLifetimeMs = 15 * 60 * 1000;

    QString streamArn;
    QString shardId;
    qint64 position = 0;   // the next seq to read: records with seq >= position
    qint64 issuedMs = 0;   // when the iterator was handed out

    QString encode() const;
    // Parses an iterator made by encode(); nullopt if it is not one.
    static std::optional<ShardIterator> decode(const QString &text);
};

} // namespace dd::streams
