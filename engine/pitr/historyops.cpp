// Dynamodesk.DescribeTableHistory: how many items a table's writes inserted,
// updated and deleted per time bucket, counted from the change log (which
// holds a table's changes while its stream or point-in-time recovery needs
// them), from the heads of the table's log blocks (storage/changelog.h: no
// image is read): write times grow with seq, so a binary search of a few
// seeks finds the seq range of [StartTime, EndTime), and one pass over it
// counts every bucket. (Should the clock step back, changes that the step
// put out of order can be missed at the edges of the range.)
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

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

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
        // Heads only: no image is read.
        std::optional<ApiError> failed;
        auto firstFrom = [&](qint64 from) -> std::pair<qint64, qint64> {
            std::pair<qint64, qint64> r{-1, 0};
            auto read = storage::ChangeLog::read(c, tableId, from, std::numeric_limits<qint64>::max(), false,
                                                 [&](const storage::ChangeRecord &rec) {
                r = {rec.seq, rec.timeMs};
                return false;
            });
            if (!read.ok())
                failed = read.error();
            return r;
        };
        const auto oldest = firstFrom(0);
        if (failed)
            return *failed;
        if (oldest.first < 0)
            return qint64(-1); // never logged, or nothing left
        // The smallest seq whose next change (of this table) is at or after `t`: times grow with seq.
        DD_ASSIGN(const qint64 maxSeq, storage::ChangeLog::lastSeq(c, tableId));
        auto seqAt = [&](qint64 t) {
            qint64 lo = oldest.first, hi = maxSeq + 1;
            while (lo < hi && !failed) {
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
        if (failed)
            return *failed;
        // Bucket i holds [start + i*span/buckets, start + (i+1)*span/buckets):
        // integer division floors, so the bucket of t is (t - start) * buckets / span.
        DD_CHECK(storage::ChangeLog::read(c, tableId, seqLo, seqHi - 1, false, [&](const storage::ChangeRecord &rec) {
            if (rec.timeMs < startMs || rec.timeMs >= endMs)
                return true;
            const qint64 b = std::clamp<qint64>((rec.timeMs - startMs) * buckets / span, 0, buckets - 1);
            Counts &bucket = counts[size_t(b)];
            switch (rec.event) {
            case storage::ChangeEvent::Insert: ++bucket.inserts; break;
            case storage::ChangeEvent::Modify: ++bucket.updates; break;
            case storage::ChangeEvent::Remove: ++bucket.deletes; break;
            }
            return true;
        }));
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
