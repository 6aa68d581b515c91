// LruCache: a byte-bounded cache of byte strings with an expiry time per
// entry, least recently used out first: the store behind a DAX cluster's
// item cache and query cache (cluster.h). An entry may be negative (DAX
// caches "no such item" and empty results too): it holds no value.
//
// Threads: any thread. The keys are spread over shards, each with its own
// lock, so that readers of different keys rarely wait for one another.
#pragma once

#include <QByteArray>
#include <QHash>

#include <atomic>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace dd::cache {

class LruCache {
public:
    struct Entry {
        QByteArray value; // the cached bytes (empty for a negative entry)
        qint64 size = 0;  // the owner's measure of the value (an item's DynamoDB size)
        bool negative = false;
    };
    struct Stats {
        qint64 bytes = 0;        // what the entries take, keys included
        qint64 entries = 0;
        qint64 evictedBytes = 0; // taken out to make room, since construction
        qint64 evictedCount = 0;
        qint64 expiredCount = 0; // found past their time and dropped
    };

    // A cache holding at most `capacityBytes` (keys, values and a fixed
    // overhead per entry counted), split over `shards` locks, or fewer: each
    // shard holds at least 4 MiB unless the whole cache is smaller.
    explicit LruCache(qint64 capacityBytes, int shards = 16);

    // The entry under `key` if there is one that has not expired at `nowMs`
    // (it becomes the most recently used); an expired one is dropped.
    std::optional<Entry> get(const QByteArray &key, qint64 nowMs);
    // Stores `entry` under `key` until `expiresAtMs` (exclusive), replacing
    // any entry there, and evicts the least recently used entries of its
    // shard until the shard fits. An entry larger than a shard is not kept.
    void put(const QByteArray &key, Entry entry, qint64 expiresAtMs);
    // Drops the entry under `key`, if any.
    void remove(const QByteArray &key);
    // Drops every entry (not counted as evictions).
    void clear();
    Stats stats() const;
    qint64 capacity() const { return m_capacity; }

    // The bytes an entry of this key and value counts for.
    static qint64 cost(const QByteArray &key, const Entry &entry);

private:
    struct Node {
        QByteArray key;
        Entry entry;
        qint64 expiresAtMs = 0;
        qint64 cost = 0;
    };
    struct Shard {
        mutable std::mutex mutex;
        std::list<Node> order; // most recently used first
        QHash<QByteArray, std::list<Node>::iterator> index;
        qint64 bytes = 0;
    };
    Shard &shardOf(const QByteArray &key);
    void erase(Shard &s, std::list<Node>::iterator it);

    const qint64 m_capacity;
    const qint64 m_shardCapacity;
    std::vector<std::unique_ptr<Shard>> m_shards;
    std::atomic<qint64> m_evictedBytes{0};
    std::atomic<qint64> m_evictedCount{0};
    std::atomic<qint64> m_expiredCount{0};
};

} // namespace dd::cache
