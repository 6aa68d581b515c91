#include "cache/cluster.h"

#include <algorithm>

namespace dd::cache {

const char *ClusterMetrics::name(Counter c)
{
    static const char *const names[CounterCount] = {
        "ItemCacheHits", "ItemCacheMisses", "QueryCacheHits", "QueryCacheMisses", "ScanCacheHits", "ScanCacheMisses",
        "GetItemRequestCount", "BatchGetItemRequestCount", "QueryRequestCount", "ScanRequestCount", "PutItemRequestCount",
        "UpdateItemRequestCount", "DeleteItemRequestCount", "BatchWriteItemRequestCount", "TransactWriteItemsCount",
        "TransactGetItemsCount", "TotalRequestCount", "ErrorRequestCount", "FaultRequestCount", "FailedRequestCount"};
    return names[c];
}

Cluster::Cluster(QString region, QString name, Settings settings)
    : m_region(std::move(region)), m_name(std::move(name)), m_recordTtlMs(settings.recordTtlMs),
      m_queryTtlMs(settings.queryTtlMs), m_cache(settings.capacityBytes)
{
}

Cluster::Settings Cluster::settings() const
{
    return {m_recordTtlMs.load(), m_queryTtlMs.load(), m_cache.capacity()};
}

void Cluster::setTtls(qint64 recordTtlMs, qint64 queryTtlMs)
{
    m_recordTtlMs.store(recordTtlMs);
    m_queryTtlMs.store(queryTtlMs);
}

void Cluster::clear()
{
    m_cache.clear();
}

QByteArray Cluster::itemKey(const QString &table, const storage::StoredKey &key)
{
    // 'I', the table's name, then both key parts with their lengths, so
    // that no two keys share bytes.
    const QByteArray name = table.toUtf8();
    QByteArray out;
    out.reserve(1 + name.size() + 1 + 4 + key.pk.size() + key.sk.size());
    out.append('I').append(name).append('\0');
    const quint32 pkSize = quint32(key.pk.size());
    out.append(reinterpret_cast<const char *>(&pkSize), sizeof pkSize);
    out.append(key.pk).append(key.sk);
    return out;
}

size_t Cluster::stripeOf(const QByteArray &key)
{
    return qHash(key, 0x5eed) % kStripes;
}

std::optional<Cluster::CachedItem> Cluster::lookupItem(const QByteArray &key, qint64 nowMs)
{
    std::optional<LruCache::Entry> e = m_cache.get(key, nowMs);
    if (!e) {
        count(ClusterMetrics::ItemCacheMisses);
        return std::nullopt;
    }
    count(ClusterMetrics::ItemCacheHits);
    CachedItem out;
    if (!e->negative)
        out.item = storage::StoredItem{e->size, std::move(e->value), 0};
    return out;
}

void Cluster::storeItem(const QByteArray &key, const std::optional<storage::StoredItem> &item, qint64 nowMs)
{
    const qint64 ttl = m_recordTtlMs.load(std::memory_order_relaxed);
    const qint64 expires = ttl > 0 ? nowMs + ttl : std::numeric_limits<qint64>::max();
    LruCache::Entry e;
    if (item) {
        e.value = item->json;
        e.size = item->size;
    } else {
        e.negative = true;
    }
    m_cache.put(key, std::move(e), expires);
}

quint64 Cluster::beginRead(const QByteArray &key) const
{
    return m_stripeWrites[stripeOf(key)].load(std::memory_order_acquire);
}

void Cluster::storeRead(const QByteArray &key, quint64 ticket, const std::optional<storage::StoredItem> &item, qint64 nowMs)
{
    const size_t s = stripeOf(key);
    std::lock_guard lock(m_stripeLocks[s]);
    if (m_stripeWrites[s].load(std::memory_order_acquire) != ticket)
        return; // a write through the cluster stored something newer (of this key, or of one sharing its stripe)
    storeItem(key, item, nowMs);
}

Cluster::WriteLock::WriteLock(Cluster &cluster, const std::vector<QByteArray> &keys) : m_cluster(cluster)
{
    for (const QByteArray &k : keys)
        m_stripes.push_back(stripeOf(k));
    std::sort(m_stripes.begin(), m_stripes.end());
    m_stripes.erase(std::unique(m_stripes.begin(), m_stripes.end()), m_stripes.end());
    for (size_t s : m_stripes)
        m_cluster.m_stripeLocks[s].lock();
}

Cluster::WriteLock::~WriteLock()
{
    for (auto it = m_stripes.rbegin(); it != m_stripes.rend(); ++it)
        m_cluster.m_stripeLocks[*it].unlock();
}

void Cluster::storeWritten(const QByteArray &key, const std::optional<storage::StoredItem> &item, qint64 nowMs)
{
    storeItem(key, item, nowMs);
    m_stripeWrites[stripeOf(key)].fetch_add(1, std::memory_order_acq_rel);
}

std::optional<QByteArray> Cluster::lookupResponse(const QByteArray &key, bool scan, qint64 nowMs)
{
    std::optional<LruCache::Entry> e = m_cache.get(key, nowMs);
    count(e ? (scan ? ClusterMetrics::ScanCacheHits : ClusterMetrics::QueryCacheHits)
            : (scan ? ClusterMetrics::ScanCacheMisses : ClusterMetrics::QueryCacheMisses));
    if (!e)
        return std::nullopt;
    return std::move(e->value);
}

void Cluster::storeResponse(const QByteArray &key, const QByteArray &response, qint64 nowMs)
{
    const qint64 ttl = m_queryTtlMs.load(std::memory_order_relaxed);
    if (ttl <= 0)
        return;
    m_cache.put(key, LruCache::Entry{response, 0, false}, nowMs + ttl);
}

} // namespace dd::cache
