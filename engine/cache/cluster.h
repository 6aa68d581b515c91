// Cluster: the running caches of one DAX cluster, as DAX keeps them
// (DAX.consistency, DAX.concepts in the DynamoDB developer guide):
//  - the item cache holds whole items (or "no such item") by table and
//    primary key, for eventually consistent GetItem and BatchGetItem; a
//    projection is applied to the cached item on each read. Items expire
//    record-ttl-millis after they entered the cache (0: never);
//  - the query cache holds whole Query and Scan responses by their
//    parameters. Writes never touch it; its entries expire query-ttl-millis
//    after they were stored (0: nothing is cached);
//  - a write through the cluster stores the item as the table now holds it
//    (or "no such item" after a delete), so that writes made around the
//    cluster stay unseen until the entry expires, as on AWS;
//  - both share one byte budget, least recently used out first.
// The cluster's nodes are one cache here (AWS replicates between nodes
// within a second); the caches live in memory only.
//
// Threads: any thread. A miss that read the table stores what it read only
// if no write through the cluster touched that key meanwhile (see
// beginRead/storeRead), so a slow reader never puts back an item older
// than one a write stored.
#pragma once

#include "cache/lrucache.h"
#include "storage/itemstore.h"

#include <QString>

#include <array>
#include <atomic>
#include <mutex>
#include <optional>
#include <vector>

namespace dd::cache {

// The counters DAX publishes to CloudWatch (namespace AWS/DAX), by name.
struct ClusterMetrics {
    enum Counter {
        ItemCacheHits, ItemCacheMisses, QueryCacheHits, QueryCacheMisses, ScanCacheHits, ScanCacheMisses,
        GetItemRequestCount, BatchGetItemRequestCount, QueryRequestCount, ScanRequestCount, PutItemRequestCount,
        UpdateItemRequestCount, DeleteItemRequestCount, BatchWriteItemRequestCount, TransactWriteItemsCount,
        TransactGetItemsCount, TotalRequestCount, ErrorRequestCount, FaultRequestCount, FailedRequestCount,
        CounterCount
    };
    static const char *name(Counter c);
};

class Cluster {
public:
    struct Settings {
        qint64 recordTtlMs = 300000; // record-ttl-millis; 0: items never expire
        qint64 queryTtlMs = 300000;  // query-ttl-millis; 0: responses are not cached
        qint64 capacityBytes = 0;    // the byte budget of both caches
    };
    struct CachedItem {
        std::optional<storage::StoredItem> item; // empty: the cache says there is no such item
    };

    Cluster(QString region, QString name, Settings settings);

    const QString &region() const { return m_region; }
    const QString &name() const { return m_name; }
    Settings settings() const;
    // New TTLs apply to entries stored from now on (ChangeType IMMEDIATE).
    void setTtls(qint64 recordTtlMs, qint64 queryTtlMs);
    // Empties both caches (a node replaced, or the cluster rebuilt).
    void clear();

    // The item cache. The key of an item is its table name and stored key.
    static QByteArray itemKey(const QString &table, const storage::StoredKey &key);
    // The cached item under `key`, counting a hit or a miss.
    std::optional<CachedItem> lookupItem(const QByteArray &key, qint64 nowMs);
    // A reader that missed takes a ticket before reading the table, and
    // stores what it read with it: the store is dropped if a write through
    // the cluster stored that key since the ticket.
    quint64 beginRead(const QByteArray &key) const;
    void storeRead(const QByteArray &key, quint64 ticket, const std::optional<storage::StoredItem> &item, qint64 nowMs);

    // Writers hold the locks of the keys they write from before the write
    // until their items are stored (storeWritten), so that writes through
    // the cluster store their items in the order they were made. Locks are
    // taken in one order; `keys` may repeat.
    class WriteLock {
    public:
        WriteLock(Cluster &cluster, const std::vector<QByteArray> &keys);
        ~WriteLock();
        WriteLock(const WriteLock &) = delete;
        WriteLock &operator=(const WriteLock &) = delete;

    private:
        Cluster &m_cluster;
        std::vector<size_t> m_stripes; // locked, ascending
    };
    // Stores a written item (empty: deleted) under a WriteLock of its key.
    void storeWritten(const QByteArray &key, const std::optional<storage::StoredItem> &item, qint64 nowMs);

    // The query cache: a whole response under `key` (the operation and its
    // parameters), counting a hit or a miss of Query or Scan.
    std::optional<QByteArray> lookupResponse(const QByteArray &key, bool scan, qint64 nowMs);
    void storeResponse(const QByteArray &key, const QByteArray &response, qint64 nowMs);

    void count(ClusterMetrics::Counter c, qint64 n = 1) { m_counters[c].fetch_add(n, std::memory_order_relaxed); }
    qint64 counter(ClusterMetrics::Counter c) const { return m_counters[c].load(std::memory_order_relaxed); }
    LruCache::Stats cacheStats() const { return m_cache.stats(); }

private:
    static constexpr size_t kStripes = 64;
    static size_t stripeOf(const QByteArray &key);
    void storeItem(const QByteArray &key, const std::optional<storage::StoredItem> &item, qint64 nowMs);

    const QString m_region;
    const QString m_name;
    std::atomic<qint64> m_recordTtlMs;
    std::atomic<qint64> m_queryTtlMs;
    LruCache m_cache;
    std::array<std::mutex, kStripes> m_stripeLocks;         // writers' locks, and readers' check-and-store
    std::array<std::atomic<quint64>, kStripes> m_stripeWrites{}; // writes stored per stripe
    std::array<std::atomic<qint64>, ClusterMetrics::CounterCount> m_counters{};
};

} // namespace dd::cache
