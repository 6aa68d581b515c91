// Recorder: what Contributor Insights counts, in memory: for each table or
// GSI with insights enabled (of every region), the capacity units each key
// consumed, per minute, for 24 hours. Two rules are counted: the partition
// key alone (PKC) and the whole key (SKC, tables and indexes with a sort
// key). A minute keeps at most kLiveKeys keys per rule while it runs (the
// rest count in its total only) and its kKeptKeys largest once it is over,
// so a report's per-key figures are approximate, as CloudWatch's are, and
// memory stays bounded (about 1440 x 2 x kKeptKeys keys per target).
// Dynamodesk never throttles, so nothing counts for the throttled rules.
// The engine keeps the counts of a data directory in a file beside its
// databases (save(), load(); api::Engine), so that a restart loses none.
// Threads: every member is thread-safe (one mutex; only accesses to tables
// with insights enabled take it).
#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <deque>
#include <vector>

namespace dd::insights {

// The file of a data directory that keeps the counts (sealed in an encrypted one).
inline constexpr char kRecorderFileName[] = "contributor-insights.dat";

class Recorder {
public:
    static constexpr qint64 kPeriodMs = 60 * 1000;
    static constexpr qint64 kRetentionMs = 24 * 60 * 60 * 1000;
    static constexpr int kLiveKeys = 10000;
    static constexpr int kKeptKeys = 100;

    // A table (index empty) or an index of a table of a region.
    struct Target {
        QString region;
        qint64 tableId = 0;
        QString index;
        bool operator==(const Target &o) const { return tableId == o.tableId && region == o.region && index == o.index; }
    };

    // Counts `units` for an access to the key whose partition key attributes
    // are `partitionJson` and whose whole key is `keyJson` (DynamoDB JSON
    // objects; keyJson empty without a sort key), at nowMs.
    void add(const Target &target, const QByteArray &partitionJson, const QByteArray &keyJson, double units, qint64 nowMs);
    // Drops what was counted for `target` (its insights were disabled).
    void forget(const Target &target);

    struct Point {
        qint64 minuteMs;
        double value;
    };
    struct Contributor {
        QByteArray keyJson;
        double total = 0;
        std::vector<Point> points; // minutes with a value, in order
    };
    struct Report {
        double aggregate = 0;     // every access in the range, also of keys not kept
        qint64 uniqueKeys = 0;    // distinct keys kept in the range
        std::vector<Contributor> top; // largest total first, at most `max`
    };
    // The top `max` contributors of the whole key (wholeKey) or of the
    // partition key in the minutes that start in [startMs, endMs).
    Report report(const Target &target, bool wholeKey, qint64 startMs, qint64 endMs, int max) const;

    // Everything counted, as bytes that load() reads back.
    QByteArray save() const;
    // Adds the counts that save() wrote (of a run before this one) to what
    // this recorder counted, but for minutes older than the retention at
    // nowMs. False, counting nothing, if `bytes` is not such a file (cut
    // short, another format).
    bool load(const QByteArray &bytes, qint64 nowMs);
    // Grows with every change (add, forget, load): a caller that saved at
    // one value need not save again until it moves.
    quint64 changes() const;

private:
    struct Counts {
        double total = 0;
        QHash<QByteArray, double> byKey;
    };
    struct Minute {
        qint64 startMs = 0;
        Counts partition;
        Counts whole;
    };
    using Minutes = std::deque<Minute>;

    static void count(Counts &counts, const QByteArray &key, double units);
    static void trim(Counts &counts);
    void prune(qint64 nowMs);

    mutable QMutex m_mutex;
    QHash<Target, Minutes> m_targets;
    qint64 m_prunedMinute = 0;
    quint64 m_changes = 0;
};

inline size_t qHash(const Recorder::Target &t, size_t seed = 0) { return qHashMulti(seed, t.region, t.tableId, t.index); }

} // namespace dd::insights
