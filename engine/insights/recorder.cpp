#include "insights/recorder.h"

#include <QDataStream>
#include <QIODevice>

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
    ++m_changes;
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
    if (m_targets.remove(target))
        ++m_changes;
}

quint64 Recorder::changes() const
{
    QMutexLocker lock(&m_mutex);
    return m_changes;
}

namespace {

// The file: a magic number and format version, then each target with its
// minutes, each minute's two rules as a total and the keys kept.
constexpr quint32 kMagic = 0x44444349; // "DDCI"
constexpr quint32 kFormat = 1;
constexpr auto kStreamVersion = QDataStream::Qt_6_4;

} // namespace

QByteArray Recorder::save() const
{
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setVersion(kStreamVersion);
    const auto counts = [&s](const Counts &c) {
        s << c.total << qint32(c.byKey.size());
        for (auto it = c.byKey.cbegin(); it != c.byKey.cend(); ++it)
            s << it.key() << it.value();
    };
    QMutexLocker lock(&m_mutex);
    s << kMagic << kFormat << qint32(m_targets.size());
    for (auto it = m_targets.cbegin(); it != m_targets.cend(); ++it) {
        s << it.key().region << it.key().tableId << it.key().index << qint32(it.value().size());
        for (const Minute &m : it.value()) {
            s << m.startMs;
            counts(m.partition);
            counts(m.whole);
        }
    }
    return out;
}

bool Recorder::load(const QByteArray &bytes, qint64 nowMs)
{
    QDataStream s(bytes);
    s.setVersion(kStreamVersion);
    quint32 magic = 0, format = 0;
    qint32 targets = 0;
    s >> magic >> format >> targets;
    if (s.status() != QDataStream::Ok || magic != kMagic || format != kFormat || targets < 0)
        return false;
    // Sizes are checked against what is left, so that a damaged file cannot
    // make a huge allocation; the whole file is read before anything counts.
    const auto fits = [&](qint32 n, qint64 atLeastBytes) { return n >= 0 && qint64(n) * atLeastBytes <= s.device()->bytesAvailable(); };
    const auto counts = [&](Counts &c) {
        qint32 keys = 0;
        s >> c.total >> keys;
        if (s.status() != QDataStream::Ok || !fits(keys, 12))
            return false;
        c.byKey.reserve(keys);
        for (qint32 i = 0; i < keys; ++i) {
            QByteArray key;
            double units = 0;
            s >> key >> units;
            c.byKey.insert(key, units);
        }
        return s.status() == QDataStream::Ok;
    };
    const qint64 oldest = nowMs - nowMs % kPeriodMs - kRetentionMs;
    std::vector<std::pair<Target, Minutes>> read;
    if (!fits(targets, 20))
        return false;
    for (qint32 t = 0; t < targets; ++t) {
        Target target;
        qint32 minutes = 0;
        s >> target.region >> target.tableId >> target.index >> minutes;
        if (s.status() != QDataStream::Ok || !fits(minutes, 32))
            return false;
        Minutes kept;
        for (qint32 i = 0; i < minutes; ++i) {
            Minute m;
            s >> m.startMs;
            if (!counts(m.partition) || !counts(m.whole))
                return false;
            if (m.startMs > oldest && (kept.empty() || kept.back().startMs < m.startMs))
                kept.push_back(std::move(m));
        }
        if (!kept.empty())
            read.emplace_back(std::move(target), std::move(kept));
    }
    if (!s.atEnd())
        return false;
    QMutexLocker lock(&m_mutex);
    for (auto &[target, minutes] : read) {
        Minutes &into = m_targets[target];
        // The file's minutes come before any this run counted (it was
        // written before this run began); a minute in both is merged.
        Minutes merged;
        auto a = minutes.begin();
        auto b = into.begin();
        while (a != minutes.end() || b != into.end()) {
            if (b == into.end() || (a != minutes.end() && a->startMs < b->startMs)) {
                merged.push_back(std::move(*a++));
            } else if (a == minutes.end() || b->startMs < a->startMs) {
                merged.push_back(std::move(*b++));
            } else {
                Minute m = std::move(*b++);
                for (auto [from, to] : {std::pair{&a->partition, &m.partition}, std::pair{&a->whole, &m.whole}}) {
                    to->total += from->total;
                    for (auto it = from->byKey.cbegin(); it != from->byKey.cend(); ++it)
                        to->byKey[it.key()] += it.value();
                }
                ++a;
                merged.push_back(std::move(m));
            }
        }
        into = std::move(merged);
        // A merged minute may hold more keys than one that is over keeps.
        for (size_t i = 0; i + 1 < into.size(); ++i) {
            trim(into[i].partition);
            trim(into[i].whole);
        }
    }
    ++m_changes;
    return true;
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
