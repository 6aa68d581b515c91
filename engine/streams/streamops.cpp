// The DynamoDB Streams API: ListStreams, DescribeStream, GetShardIterator and
// GetRecords (operations "Streams.<Op>" in the dispatcher), over StreamStore.
// One shard per stream; its sequence numbers are the change log's.
#include "api/jsonwriter.h"
#include "api/opcontext.h"
#include "streams/sharditerator.h"
#include "streams/streamrecord.h"
#include "streams/streamstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

#include <limits>

namespace dd::api {

namespace {

using streams::ShardIterator;
using streams::StreamInfo;
using streams::StreamStore;

// API Reference: ListStreams and DescribeStream return at most 100 entries,
// GetRecords at most 1000 records and 1 MB.
constexpr int kMaxListLimit = 100;
constexpr int kMaxRecordsLimit = 1000;
constexpr qint64 kMaxRecordsBytes = 1024 * 1024;
// -delayTransientStatuses: how long a stream stays ENABLING or DISABLING.
constexpr qint64 kTransientStatusMs = 2000;
constexpr qint64 kNoEnd = std::numeric_limits<qint64>::max();

QString p(const char *s) { return QString::fromLatin1(s); }

ApiError trimmedError()
{
    return ApiError(p("TrimmedDataAccessException"),
                    p("The operation attempted to read past the oldest stream record in a shard."));
}

ApiError streamNotFound(const QString &arn)
{
    return ApiError::resourceNotFound(QStringLiteral("Requested resource not found: Stream: %1 not found").arg(arn));
}

// A limit over the maximum, in the service model's words.
std::optional<ApiError> checkLimit(const QJsonObject &req, int max)
{
    if (req.contains(p("Limit")) && req.value(p("Limit")).toInteger() > max)
        return ApiError::validation(QStringLiteral("1 validation error detected: Value '%1' at 'limit' failed to satisfy constraint: "
                                                   "Member must have value less than or equal to %2")
                                        .arg(req.value(p("Limit")).toInteger())
                                        .arg(max));
    return std::nullopt;
}

// Stream ARNs are table ARNs plus "/stream/<label>".
bool isStreamArn(const QString &arn)
{
    static const QRegularExpression re(QStringLiteral("^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:[0-9]{12}:table/[a-zA-Z0-9_.-]{3,255}/stream/[0-9T:.-]+$"));
    return re.match(arn).hasMatch();
}

Result<void> requireStreamArn(const QString &arn)
{
    if (!isStreamArn(arn))
        return ApiError::validation(QStringLiteral("Invalid StreamArn: %1").arg(arn));
    return {};
}

Result<StreamInfo> requireStream(storage::Connection &c, const QString &arn)
{
    DD_ASSIGN(std::optional<StreamInfo> stream, StreamStore::find(c, arn));
    if (!stream)
        return streamNotFound(arn);
    return std::move(*stream);
}

QString statusOf(const OpContext &ctx, const StreamInfo &s)
{
    const qint64 now = ctx.clock->nowMs();
    const bool delay = ctx.options.delayTransientStatuses;
    if (s.open())
        return delay && now < s.createdMs() + kTransientStatusMs ? p("ENABLING") : p("ENABLED");
    return delay && (!s.disabledMs || now < *s.disabledMs + kTransientStatusMs) ? p("DISABLING") : p("DISABLED");
}

qint64 retentionCutoff(const OpContext &ctx) { return ctx.clock->nowMs() - ctx.options.streamRetentionMs; }

// The first position of the stream that is not trimmed: past the rows pruned
// for age and past the stream's own rows older than the retention.
Result<qint64> trimHorizon(const OpContext &ctx, storage::Connection &c, const StreamInfo &s)
{
    DD_ASSIGN(const qint64 trimmed, StreamStore::trimmedSeq(c, s.tableId));
    const qint64 from = std::max(s.startSeq, trimmed + 1);
    const qint64 end = s.endSeq.value_or(kNoEnd);
    DD_ASSIGN(const std::optional<qint64> fresh, StreamStore::firstSince(c, s.tableId, from, end, retentionCutoff(ctx)));
    const qint64 lastExpiredBound = fresh ? *fresh - 1 : end;
    if (lastExpiredBound < from)
        return from;
    DD_ASSIGN(const std::optional<qint64> lastExpired, StreamStore::lastIn(c, s.tableId, from, lastExpiredBound));
    return lastExpired ? *lastExpired + 1 : from;
}

} // namespace

Result<QByteArray> listStreams(OpContext &ctx, const QJsonObject &req)
{
    if (auto e = checkLimit(req, kMaxListLimit))
        return *e;
    const int limit = req.contains(p("Limit")) ? int(req.value(p("Limit")).toInteger()) : kMaxListLimit;
    const QString start = req.value(p("ExclusiveStartStreamArn")).toString();
    if (req.contains(p("ExclusiveStartStreamArn")))
        DD_CHECK(requireStreamArn(start));
    const QString tableName = req.value(p("TableName")).toString();
    DD_ASSIGN(std::vector<StreamInfo> all, ctx.db.read<std::vector<StreamInfo>>([&](storage::Connection &c) {
        return StreamStore::list(c, tableName);
    }));
    if (!tableName.isEmpty() && all.empty() && !ctx.db.table(tableName))
        return ApiError::resourceNotFound(QStringLiteral("Requested resource not found: Table: %1 not found").arg(tableName));

    JsonWriter out;
    out.beginObject().key(QLatin1StringView("Streams")).beginArray();
    int n = 0;
    QString last;
    bool more = false;
    for (const StreamInfo &s : all) {
        if (!start.isEmpty() && s.arn <= start)
            continue;
        if (n == limit) {
            more = true;
            break;
        }
        out.beginObject();
        out.key(QLatin1StringView("StreamArn")).string(s.arn);
        out.key(QLatin1StringView("TableName")).string(s.tableName);
        out.key(QLatin1StringView("StreamLabel")).string(s.label);
        out.endObject();
        last = s.arn;
        ++n;
    }
    out.endArray();
    if (more)
        out.key(QLatin1StringView("LastEvaluatedStreamArn")).string(last);
    out.endObject();
    return out.take();
}

Result<QByteArray> describeStream(OpContext &ctx, const QJsonObject &req)
{
    if (auto e = checkLimit(req, kMaxListLimit))
        return *e;
    const QString arn = req.value(p("StreamArn")).toString();
    DD_CHECK(requireStreamArn(arn));
    DD_ASSIGN(const StreamInfo s, ctx.db.read<StreamInfo>([&](storage::Connection &c) { return requireStream(c, arn); }));

    QJsonObject range{{p("StartingSequenceNumber"), streams::formatSequenceNumber(s.startSeq)}};
    if (s.endSeq)
        range.insert(p("EndingSequenceNumber"), streams::formatSequenceNumber(std::max(*s.endSeq, s.startSeq)));
    QJsonArray shards;
    const QString shardId = s.shardId();
    if (req.value(p("ExclusiveStartShardId")).toString() < shardId)
        shards.append(QJsonObject{{p("ShardId"), shardId}, {p("SequenceNumberRange"), range}});

    const QJsonObject desc{
        {p("StreamArn"), s.arn},
        {p("StreamLabel"), s.label},
        {p("StreamStatus"), statusOf(ctx, s)},
        {p("StreamViewType"), s.viewType},
        {p("CreationRequestDateTime"), double(s.createdMs()) / 1000.0},
        {p("TableName"), s.tableName},
        {p("KeySchema"), s.keySchema},
        {p("Shards"), shards},
    };
    return toBody({{p("StreamDescription"), desc}});
}

Result<QByteArray> getShardIterator(OpContext &ctx, const QJsonObject &req)
{
    const QString arn = req.value(p("StreamArn")).toString();
    const QString shardId = req.value(p("ShardId")).toString();
    const QString type = req.value(p("ShardIteratorType")).toString();
    const bool bySequence = type == p("AT_SEQUENCE_NUMBER") || type == p("AFTER_SEQUENCE_NUMBER");
    DD_CHECK(requireStreamArn(arn));
    if (bySequence && !req.contains(p("SequenceNumber")))
        return ApiError::validation(QStringLiteral("SequenceNumber must be provided for ShardIteratorType %1").arg(type));
    if (!bySequence && req.contains(p("SequenceNumber")))
        return ApiError::validation(QStringLiteral("SequenceNumber must not be provided for ShardIteratorType %1").arg(type));
    std::optional<qint64> sequence;
    if (bySequence) {
        sequence = streams::parseSequenceNumber(req.value(p("SequenceNumber")).toString());
        if (!sequence)
            return ApiError::validation(QStringLiteral("Invalid SequenceNumber: %1").arg(req.value(p("SequenceNumber")).toString()));
    }

    ShardIterator it;
    it.streamArn = arn;
    it.shardId = shardId;
    it.issuedMs = ctx.clock->nowMs();
    auto position = ctx.db.read<qint64>([&](storage::Connection &c) -> Result<qint64> {
        DD_ASSIGN(const StreamInfo s, requireStream(c, arn));
        if (s.shardId() != shardId)
            return ApiError::resourceNotFound(QStringLiteral("Requested resource not found: Shard does not exist"));
        DD_ASSIGN(const qint64 maxSeq, StreamStore::maxSeq(c, s.tableId));
        if (type == p("LATEST"))
            return s.endSeq ? *s.endSeq + 1 : std::max(s.startSeq, maxSeq + 1);
        DD_ASSIGN(const qint64 horizon, trimHorizon(ctx, c, s));
        if (type == p("TRIM_HORIZON"))
            return horizon;
        const qint64 last = std::max(s.startSeq, s.endSeq.value_or(maxSeq));
        if (*sequence < s.startSeq || *sequence > last)
            return ApiError::validation(QStringLiteral("Invalid SequenceNumber %1 for shard %2: the shard's sequence numbers range from %3 to %4")
                                            .arg(req.value(p("SequenceNumber")).toString(), shardId,
                                                 streams::formatSequenceNumber(s.startSeq), streams::formatSequenceNumber(last)));
        const qint64 pos = type == p("AT_SEQUENCE_NUMBER") ? *sequence : *sequence + 1;
        if (pos < horizon)
            return trimmedError();
        return pos;
    });
    if (!position.ok())
        return position.error();
    it.position = *position;
    return toBody({{p("ShardIterator"), it.encode()}});
}

Result<QByteArray> getRecords(OpContext &ctx, const QJsonObject &req)
{
    if (auto e = checkLimit(req, kMaxRecordsLimit))
        return *e;
    const int limit = req.contains(p("Limit")) ? int(req.value(p("Limit")).toInteger()) : kMaxRecordsLimit;
    const auto it = ShardIterator::decode(req.value(p("ShardIterator")).toString());
    if (!it)
        return ApiError::validation(p("Invalid ShardIterator"));
    const qint64 now = ctx.clock->nowMs();
    if (now - it->issuedMs > ShardIterator::kLifetimeMs) {
        const auto at = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs); };
        return ApiError(p("ExpiredIteratorException"),
                        QStringLiteral("Iterator expired. The iterator was created at time %1 while right now it is %2 which is "
                                       "further in the future than the tolerated delay of %3 milliseconds.")
                            .arg(at(it->issuedMs), at(now))
                            .arg(ShardIterator::kLifetimeMs));
    }

    struct Page {
        StreamInfo stream;
        std::vector<streams::ChangeRow> rows;
        qint64 next = 0;  // the position after this page
    };
    DD_ASSIGN(Page page, ctx.db.read<Page>([&](storage::Connection &c) -> Result<Page> {
        Page pg;
        DD_ASSIGN(pg.stream, requireStream(c, it->streamArn));
        if (pg.stream.shardId() != it->shardId)
            return ApiError::resourceNotFound(QStringLiteral("Requested resource not found: Shard does not exist"));
        DD_ASSIGN(const qint64 trimmed, StreamStore::trimmedSeq(c, pg.stream.tableId));
        if (it->position <= trimmed)
            return trimmedError();
        const qint64 end = pg.stream.endSeq.value_or(kNoEnd);
        DD_ASSIGN(pg.rows, StreamStore::rows(c, pg.stream.tableId, it->position, end, limit));
        if (!pg.rows.empty() && pg.rows.front().timeMs < now - ctx.options.streamRetentionMs)
            return trimmedError();
        if (int(pg.rows.size()) == limit) {
            pg.next = pg.rows.back().seq + 1;
        } else {
            // Everything of this table up to the snapshot's end was read:
            // move past it, so that the next call starts at the present.
            DD_ASSIGN(const qint64 maxSeq, StreamStore::maxSeq(c, pg.stream.tableId));
            pg.next = std::max(it->position, std::min(end, maxSeq) + 1);
            if (!pg.rows.empty())
                pg.next = std::max(pg.next, pg.rows.back().seq + 1);
        }
        return pg;
    }));

    JsonWriter out;
    out.beginObject().key(QLatin1StringView("Records")).beginArray();
    qint64 bytes = 0;
    for (const streams::ChangeRow &row : page.rows) {
        if (bytes >= kMaxRecordsBytes) {
            page.next = row.seq; // the rest of the page on the next call
            break;
        }
        bytes += streams::writeStreamRecord(out, page.stream, ctx.db.region(), row);
    }
    out.endArray();
    // A closed shard read to its end has no next iterator (API Reference, GetRecords).
    if (!page.stream.endSeq || page.next <= *page.stream.endSeq) {
        ShardIterator next = *it;
        next.position = page.next;
        next.issuedMs = now;
        out.key(QLatin1StringView("NextShardIterator")).string(next.encode());
    }
    out.endObject();
    return out.take();
}

} // namespace dd::api
