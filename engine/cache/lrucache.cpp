#include "cache/lrucache.h"

#include <algorithm>

namespace dd::cache {

namespace {
// What an entry costs beyond its bytes: the list node, the hash slot and the
// two byte arrays' headers, roughly, so that a cache of tiny entries is
// bounded too.
constexpr qint64 kEntryOverhead = 96;
} // namespace

namespace {
// A shard holds at least this much (ten of DynamoDB's largest items), so
// that a small cache is split less rather than refusing large items.
constexpr qint64 kMinShardBytes = 4LL * 1024 * 1024;

int shardCount(qint64 capacity, int wanted)
{
    return int(std::clamp<qint64>(capacity / kMinShardBytes, 1, std::max(wanted, 1)));
}
} // namespace

LruCache::LruCache(qint64 capacityBytes, int shards)
    : m_capacity(std::max<qint64>(capacityBytes, 0)), m_shardCapacity(m_capacity / shardCount(m_capacity, shards))
{
    const int n = shardCount(m_capacity, shards);
    m_shards.reserve(size_t(n));
    for (int i = 0; i < n; ++i)
        m_shards.push_back(std::make_unique<Shard>());
}

qint64 LruCache::cost(const QByteArray &key, const Entry &entry)
{
    return kEntryOverhead + key.size() + entry.value.size();
}

LruCache::Shard &LruCache::shardOf(const QByteArray &key)
{
    return *m_shards[qHash(key) % m_shards.size()];
}

void LruCache::erase(Shard &s, std::list<Node>::iterator it)
{
    s.bytes -= it->cost;
    s.index.remove(it->key);
    s.order.erase(it);
}

std::optional<LruCache::Entry> LruCache::get(const QByteArray &key, qint64 nowMs)
{
    Shard &s = shardOf(key);
    std::lock_guard lock(s.mutex);
    const auto found = s.index.constFind(key);
    if (found == s.index.constEnd())
        return std::nullopt;
    const auto it = *found;
    if (it->expiresAtMs <= nowMs) {
        erase(s, it);
        m_expiredCount.fetch_add(1, std::memory_order_relaxed);
        return std::nullopt;
    }
    s.order.splice(s.order.begin(), s.order, it);
    return it->entry;
}

void LruCache::put(const QByteArray &key, Entry entry, qint64 expiresAtMs)
{
    Shard &s = shardOf(key);
    const qint64 c = cost(key, entry);
    std::lock_guard lock(s.mutex);
    if (const auto found = s.index.constFind(key); found != s.index.constEnd())
        erase(s, *found);
    if (c > m_shardCapacity)
        return;
    while (s.bytes + c > m_shardCapacity && !s.order.empty()) {
        m_evictedBytes.fetch_add(s.order.back().cost, std::memory_order_relaxed);
        m_evictedCount.fetch_add(1, std::memory_order_relaxed);
        erase(s, std::prev(s.order.end()));
    }
    s.order.push_front(Node{key, std::move(entry), expiresAtMs, c});
    s.index.insert(key, s.order.begin());
    s.bytes += c;
}

void LruCache::remove(const QByteArray &key)
{
    Shard &s = shardOf(key);
    std::lock_guard lock(s.mutex);
    if (const auto found = s.index.constFind(key); found != s.index.constEnd())
        erase(s, *found);
}

void LruCache::clear()
{
    for (auto &s : m_shards) {
        std::lock_guard lock(s->mutex);
        s->order.clear();
        s->index.clear();
        s->bytes = 0;
    }
}

LruCache::Stats LruCache::stats() const
{
    Stats out;
    for (const auto &s : m_shards) {
        std::lock_guard lock(s->mutex);
        out.bytes += s->bytes;
        out.entries += qint64(s->order.size());
    }
    out.evictedBytes = m_evictedBytes.load(std::memory_order_relaxed);
    out.evictedCount = m_evictedCount.load(std::memory_order_relaxed);
    out.expiredCount = m_expiredCount.load(std::memory_order_relaxed);
    return out;
}

} // namespace dd::cache
