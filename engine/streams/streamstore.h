// StreamStore: DynamoDB Streams over the change log. Each enabling of a
// table's stream is one row of `dd_streams` (ARN, label, view type, the
// first and last change-log sequence numbers it covers); its records are the
// changes of that table in the change log within that range. Nothing is written twice:
// a stream is a view of the change log, which the write path fills for
// every table with an open stream (Database::addChangeLogConsumer).
//
// The rows are kept by SQLite triggers on the catalog (`tables`), so a stream
// starts and ends in the very transaction that enables or disables it (the
// CreateTable/UpdateTable/DeleteTable code does not know about streams):
//  - a description whose StreamSpecification is enabled, with a
//    LatestStreamArn that is not open yet, opens a stream at MAX(seq) + 1
//    (labels have millisecond resolution: an ARN reused by a re-enabling
//    within the same millisecond names the new stream only);
//  - a description that disables it, changes its ARN, or the table's deletion
//    closes the open stream at MAX(seq).
// The time a stream was disabled is filled in by the background pass
// (ChangeLogPruner), which is the only thing that needs it.
//
// A change's origin in the change log (ChangeOrigin) says who made it
// (TTL deletions carry userIdentity).
//
// Threads: stateless; callers run these inside Database::read or ::write.
#pragma once

#include "model/result.h"
#include "storage/connection.h"
#include "storage/database.h"

#include <QJsonArray>
#include <QString>

#include <optional>
#include <vector>

namespace dd::streams {

// Who made a change, stored with it in the change log (ChangeRecord::origin). Written to disk: do not reorder.
// Replication: applied by the Replicator from another region's write (replication/replicastore.h).
enum class ChangeOrigin : int { User = 0, TimeToLive = 1, Replication = 2 };

// One stream: one enabling of a table's stream.
struct StreamInfo {
    QString arn;            // table ARN + "/stream/" + label
    qint64 tableId = 0;     // storage id of the table (tables.id)
    QString tableName;
    QString label;          // ISO 8601 time of the enabling, UTC, milliseconds
    QString viewType;       // KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES
    QJsonArray keySchema;   // the table's KeySchema
    qint64 startSeq = 0;    // first change-log seq the stream covers
    std::optional<qint64> endSeq;      // last seq covered once disabled; empty while enabled
    std::optional<qint64> disabledMs;  // when disabled, once the background pass noted it

    bool open() const { return !endSeq.has_value(); }
    qint64 createdMs() const;          // the enabling time, from the label
    QString shardId() const;           // the one shard's id, "shardId-<20 digits>-<8 hex>"
};

// One change of the change log, copied out of its block (storage::ChangeRecord).
struct ChangeRow {
    qint64 seq = 0;
    qint64 timeMs = 0;
    storage::ChangeEvent event = storage::ChangeEvent::Insert;
    QByteArray keys;        // DynamoDB JSON of the key attributes
    QByteArray oldImage;    // null on INSERT
    QByteArray newImage;    // null on REMOVE
    ChangeOrigin origin = ChangeOrigin::User;
};

class StreamStore {
public:
    // Creates dd_streams and its triggers if missing, and
    // opens streams for tables whose description has one enabled but no row
    // (databases written before streams existed). Call once per database,
    // before it serves requests.
    static Result<void> install(storage::Database &db);

    // All streams, by ARN; of one table name if `tableName` is not empty.
    static Result<std::vector<StreamInfo>> list(storage::Connection &c, const QString &tableName);
    // The stream `arn`, or nullopt.
    static Result<std::optional<StreamInfo>> find(storage::Connection &c, const QString &arn);

    // The highest seq in the change log of table `tableId` (0 if none).
    // Its later changes get higher ones.
    static Result<qint64> maxSeq(storage::Connection &c, qint64 tableId);
    // The highest seq trimmed for age from the log of table `tableId` (see
    // ChangeLogPruner): a position at or before it lost records. Kept per
    // table, so that a quiet table's readers (whose positions follow its own
    // log's end) never see other tables' trimming.
    static Result<qint64> trimmedSeq(storage::Connection &c, qint64 tableId);
    // Its key in dd_streams_state.
    static QByteArray trimmedKey(qint64 tableId);

    // Up to `limit` rows of the stream's table with seq in [from, to], in seq order.
    static Result<std::vector<ChangeRow>> rows(storage::Connection &c, qint64 tableId, qint64 from, qint64 to, int limit);
    // The seq of the first change of the table in [from, to] written at or after
    // `sinceMs`; nullopt if none.
    static Result<std::optional<qint64>> firstSince(storage::Connection &c, qint64 tableId, qint64 from, qint64 to, qint64 sinceMs);
    // The highest seq of the table in [from, to]; nullopt if none.
    static Result<std::optional<qint64>> lastIn(storage::Connection &c, qint64 tableId, qint64 from, qint64 to);

    // Marks the change just logged in `txn` (by applyDelete or applyPut) as
    // made by `origin`; nothing if that change was not logged.
    static void markLastChange(storage::WriteTxn &txn, ChangeOrigin origin);
};

// Sequence numbers on the wire: the change-log seq, zero-padded to 21 digits as AWS's look.
QString formatSequenceNumber(qint64 seq);
// Parses a sequence number; nullopt unless it is all digits and fits.
std::optional<qint64> parseSequenceNumber(const QString &text);

} // namespace dd::streams
