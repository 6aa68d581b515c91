// Dynamodesk.DescribeTableHistory: how many items a table's writes inserted,
// updated and deleted per time bucket, counted from the change log (which
// holds a table's changes while its stream or point-in-time recovery needs
// them), from the table's log (storage/changelog.h: a rowid table by seq,
// whose times and events come before the images): commit times grow with
// seq, so a binary search of a few seeks finds the seq range of
// [StartTime, EndTime), and one range query over it counts every bucket. (Should the clock step back, changes
// that the step put out of order can be missed at the edges of the range.)
//
// Request:  {TableName, StartTime, EndTime (epoch seconds, fractional),
//            Buckets (1..2000, default 100)}
// Response: {Buckets: [{Start, Inserts, Updates, Deletes}] (all of them,
//            empty ones too, Start in epoch seconds), BucketSeconds,
//            HistoryStart (the time of the oldest change still held; absent if none)}
#include "api/opcontext.h"
#include "storage/changelog.h"
#include "storage/database.h"

#include <QJsonArray>

#include <cmath>

namespace dd::api {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

constexpr int kMaxBuckets = 2000;
constexpr int kDefaultBuckets = 100;
// Times beyond this (year 5138) are surely a unit mistake (milliseconds for seconds).
constexpr double kMaxEpochSeconds = 1e11;

struct Counts {
    qint64 inserts = 0, updates = 0, deletes = 0;
};

} // namespace

Result<QByteArray> describeTableHistory(OpContext &ctx, const QJsonObject &req)
{
    const QJsonValue name = req.value(p("TableName"));
    if (!name.isString() || name.toString().isEmpty())
        return ApiError::validation(p("TableName must be given as a non-empty string"));
    for (const char *field : {"StartTime", "EndTime"}) {
        const QJsonValue v = req.value(p(field));
        if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > kMaxEpochSeconds)
            return ApiError::validation(QStringLiteral("%1 must be given as epoch seconds (a number from 0 to %2)").arg(p(field)).arg(kMaxEpochSeconds));
    }
    int buckets = kDefaultBuckets;
    if (req.contains(p("Buckets"))) {
        const double b = req.value(p("Buckets")).toDouble(-1);
        if (b != std::floor(b) || b < 1 || b > kMaxBuckets)
            return ApiError::validation(QStringLiteral("Buckets must be an integer from 1 to %1").arg(kMaxBuckets));
        buckets = int(b);
    }
    const qint64 startMs = std::llround(req.value(p("StartTime")).toDouble() * 1000);
    const qint64 endMs = std::llround(req.value(p("EndTime")).toDouble() * 1000);
    if (endMs <= startMs)
        return ApiError::validation(p("EndTime must be later than StartTime (by at least a millisecond)"));
    DD_ASSIGN(auto table, requireTable(ctx, name.toString(), false));
    const qint64 span = endMs - startMs;

    std::vector<Counts> counts(static_cast<size_t>(buckets));
    const qint64 tableId = table->id;
    DD_ASSIGN(const qint64 historyStart, ctx.db.read<qint64>([&](storage::Connection &c) -> Result<qint64> {
        // The first change of the table at or after seq `from`: (seq, time_ms), or (-1, 0).
        DD_ASSIGN(storage::Statement *first, storage::ChangeLog::prepare(c, tableId, "SELECT seq, time_ms FROM LOG WHERE seq >= ? ORDER BY seq LIMIT 1"));
        if (!first)
            return qint64(-1); // never logged
        auto firstFrom = [&](qint64 from) -> std::pair<qint64, qint64> {
            first->bind(1, from);
            const std::pair<qint64, qint64> r = first->step() ? std::pair{first->columnInt(0), first->columnInt(1)} : std::pair{qint64(-1), qint64(0)};
            first->reset();
            return r;
        };
        const auto oldest = firstFrom(0);
        if (oldest.first < 0)
            return qint64(-1);
        // The smallest seq whose next change (of this table) is at or after `t`: times grow with seq.
        DD_ASSIGN(const qint64 maxSeq, storage::ChangeLog::lastSeq(c, tableId));
        auto seqAt = [&](qint64 t) {
            qint64 lo = oldest.first, hi = maxSeq + 1;
            while (lo < hi) {
                const qint64 mid = lo + (hi - lo) / 2;
                const auto next = firstFrom(mid);
                if (next.first < 0 || next.second >= t)
                    hi = mid;
                else
                    lo = next.first + 1;
            }
            return lo;
        };
        const qint64 seqLo = seqAt(startMs), seqHi = seqAt(endMs);
        // Bucket i holds [start + i*span/buckets, start + (i+1)*span/buckets):
        // integer division floors, so the bucket of t is (t - start) * buckets / span.
        DD_ASSIGN(storage::Statement *s, storage::ChangeLog::prepare(c, tableId, "SELECT (time_ms - ?1) * ?2 / ?3 AS b, event, COUNT(*) FROM LOG "
                                                                              "WHERE seq >= ?5 AND seq < ?6 AND time_ms >= ?1 AND time_ms < ?7 GROUP BY b, event"));
        if (!s)
            return ApiError::internal(QStringLiteral("The change log of table %1 vanished").arg(tableId));
        s->bind(1, startMs).bind(2, buckets).bind(3, span).bind(5, seqLo).bind(6, seqHi).bind(7, endMs);
        while (s->step()) {
            const qint64 b = std::clamp<qint64>(s->columnInt(0), 0, buckets - 1);
            Counts &bucket = counts[size_t(b)];
            switch (storage::ChangeEvent(s->columnInt(1))) {
            case storage::ChangeEvent::Insert: bucket.inserts += s->columnInt(2); break;
            case storage::ChangeEvent::Modify: bucket.updates += s->columnInt(2); break;
            case storage::ChangeEvent::Remove: bucket.deletes += s->columnInt(2); break;
            }
        }
        if (!s->ok())
            return ApiError::internal(s->errorMessage());
        s->reset();
        return oldest.second;
    }));

    QJsonArray out;
    for (int i = 0; i < buckets; ++i) {
        const Counts &b = counts[size_t(i)];
        out.append(QJsonObject{{p("Start"), (double(startMs) + double(i) * double(span) / buckets) / 1000.0},
                               {p("Inserts"), b.inserts}, {p("Updates"), b.updates}, {p("Deletes"), b.deletes}});
    }
    QJsonObject response{{p("Buckets"), out}, {p("BucketSeconds"), double(span) / buckets / 1000.0}};
    if (historyStart >= 0)
        response.insert(p("HistoryStart"), double(historyStart) / 1000.0);
    return toBody(response);
}

} // namespace dd::api
