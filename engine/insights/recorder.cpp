#include "insights/recorder.h"

#include <algorithm>
#include <map>

namespace dd::insights {

void Recorder::count(Counts &counts, const QByteArray &key, double units)
{
    counts.total += units;
    auto it = counts.byKey.find(key);
    if (it != counts.byKey.end())
        *it += units;
    else if (counts.byKey.size() < kLiveKeys)
        counts.byKey.insert(key, units);
}

void Recorder::trim(Counts &counts)
{
    if (counts.byKey.size() <= kKeptKeys)
        return;
    std::vector<std::pair<double, QByteArray>> all;
    all.reserve(size_t(counts.byKey.size()));
    for (auto it = counts.byKey.cbegin(); it != counts.byKey.cend(); ++it)
        all.emplace_back(it.value(), it.key());
    std::nth_element(all.begin(), all.begin() + kKeptKeys, all.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QHash<QByteArray, double> kept;
    kept.reserve(kKeptKeys);
    for (int i = 0; i < kKeptKeys; ++i)
        kept.insert(all[size_t(i)].second, all[size_t(i)].first);
    counts.byKey = std::move(kept);
}

void Recorder::add(const Target &target, const QByteArray &partitionJson, const QByteArray &keyJson, double units, qint64 nowMs)
{
    const qint64 minute = nowMs - nowMs % kPeriodMs;
    QMutexLocker lock(&m_mutex);
    Minutes &minutes = m_targets[target];
    if (minutes.empty() || minutes.back().startMs < minute) {
        if (!minutes.empty()) {
            trim(minutes.back().partition);
            trim(minutes.back().whole);
        }
        minutes.push_back(Minute{minute, {}, {}});
    }
    // A clock set back (tests, or the system's) counts in the newest minute.
    Minute &now = minutes.back();
    count(now.partition, partitionJson, units);
    if (!keyJson.isEmpty())
        count(now.whole, keyJson, units);
    if (minute > m_prunedMinute)
        prune(minute);
}

void Recorder::prune(qint64 minute)
{
    m_prunedMinute = minute;
    for (auto it = m_targets.begin(); it != m_targets.end();) {
        Minutes &minutes = it.value();
        while (!minutes.empty() && minutes.front().startMs <= minute - kRetentionMs)
            minutes.pop_front();
        it = minutes.empty() ? m_targets.erase(it) : std::next(it);
    }
}

void Recorder::forget(const Target &target)
{
    QMutexLocker lock(&m_mutex);
    m_targets.remove(target);
}

Recorder::Report Recorder::report(const Target &target, bool wholeKey, qint64 startMs, qint64 endMs, int max) const
{
    Report out;
    QMutexLocker lock(&m_mutex);
    const auto found = m_targets.constFind(target);
    if (found == m_targets.cend())
        return out;
    QHash<QByteArray, Contributor> byKey;
    for (const Minute &m : found.value()) {
        if (m.startMs < startMs || m.startMs >= endMs)
            continue;
        const Counts &counts = wholeKey ? m.whole : m.partition;
        out.aggregate += counts.total;
        for (auto it = counts.byKey.cbegin(); it != counts.byKey.cend(); ++it) {
            Contributor &c = byKey[it.key()];
            c.total += it.value();
            c.points.push_back({m.startMs, it.value()});
        }
    }
    lock.unlock();
    out.uniqueKeys = byKey.size();
    std::vector<Contributor> all;
    all.reserve(size_t(byKey.size()));
    for (auto it = byKey.begin(); it != byKey.end(); ++it) {
        it.value().keyJson = it.key();
        all.push_back(std::move(it.value()));
    }
    // Largest first; equal totals in key order, so that a report is stable.
    const auto larger = [](const Contributor &a, const Contributor &b) { return a.total != b.total ? a.total > b.total : a.keyJson < b.keyJson; };
    const size_t n = std::min(all.size(), size_t(std::max(0, max)));
    std::partial_sort(all.begin(), all.begin() + qsizetype(n), all.end(), larger);
    all.resize(n);
    out.top = std::move(all);
    return out;
}

} // namespace dd::insights
