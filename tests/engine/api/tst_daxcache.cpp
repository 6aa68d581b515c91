// The stores of a DAX cluster's caches: LruCache (cache/lrucache.h), the
// byte-bounded store (expiry, least-recently-used eviction, negative
// entries, stats), and Cluster (cache/cluster.h): item and response TTLs,
// and a reader's miss that never stores over a newer write.
#include "cache/cluster.h"
#include "cache/lrucache.h"

#include <QTest>

#include <thread>

using dd::cache::Cluster;
using dd::cache::ClusterMetrics;
using dd::cache::LruCache;
using dd::storage::StoredItem;

class TestDaxCache : public QObject {
    Q_OBJECT

private:
    static LruCache::Entry value(const QByteArray &v) { return LruCache::Entry{v, v.size(), false}; }

private slots:
    void storesAndExpires()
    {
        LruCache c(1 << 20, 1);
        c.put("k", value("v"), 1000);
        QCOMPARE(c.get("k", 999)->value, QByteArray("v"));
        QVERIFY(!c.get("k", 1000).has_value()); // the expiry time is exclusive
        QCOMPARE(c.stats().expiredCount, 1);
        QCOMPARE(c.stats().entries, 0);
        QCOMPARE(c.stats().bytes, 0);
    }

    void negativeEntriesAreEntries()
    {
        LruCache c(1 << 20, 1);
        c.put("gone", LruCache::Entry{{}, 0, true}, 10);
        const auto e = c.get("gone", 5);
        QVERIFY(e.has_value());
        QVERIFY(e->negative);
        QVERIFY(e->value.isEmpty());
    }

    void evictsTheLeastRecentlyUsed()
    {
        // Room for three entries of this size in one shard.
        const qint64 each = LruCache::cost("a", value(QByteArray(100, 'x')));
        LruCache c(3 * each, 1);
        c.put("a", value(QByteArray(100, 'x')), 1000);
        c.put("b", value(QByteArray(100, 'x')), 1000);
        c.put("c", value(QByteArray(100, 'x')), 1000);
        QVERIFY(c.get("a", 0).has_value()); // a is now the most recently used
        c.put("d", value(QByteArray(100, 'x')), 1000);
        QVERIFY(!c.get("b", 0).has_value());
        QVERIFY(c.get("a", 0).has_value());
        QVERIFY(c.get("c", 0).has_value());
        QVERIFY(c.get("d", 0).has_value());
        QCOMPARE(c.stats().evictedCount, 1);
        QCOMPARE(c.stats().evictedBytes, each);
        QVERIFY(c.stats().bytes <= c.capacity());
    }

    void replacingAnEntryCountsItOnce()
    {
        LruCache c(1 << 20, 4);
        c.put("k", value("one"), 100);
        c.put("k", value("three"), 100);
        QCOMPARE(c.stats().entries, 1);
        QCOMPARE(c.stats().bytes, LruCache::cost("k", value("three")));
        QCOMPARE(c.get("k", 0)->value, QByteArray("three"));
        c.remove("k");
        QCOMPARE(c.stats().entries, 0);
        QCOMPARE(c.stats().bytes, 0);
    }

    void anEntryLargerThanAShardIsNotKept()
    {
        LruCache c(1000, 2); // one shard: a small cache is not split
        c.put("small", value("v"), 100);
        c.put("fits", value(QByteArray(600, 'x')), 100);
        QVERIFY(c.get("fits", 0).has_value());
        c.put("big", value(QByteArray(1200, 'x')), 100);
        QVERIFY(!c.get("big", 0).has_value());
        QVERIFY(c.get("small", 0).has_value()); // nothing was evicted for it
        QCOMPARE(c.stats().evictedCount, 0);
        // A large cache is split, each shard holding at least 4 MiB.
        LruCache large(64LL << 20, 16);
        large.put("item", value(QByteArray(400 * 1024, 'x')), 100);
        QVERIFY(large.get("item", 0).has_value());
    }

    void clearEmptiesWithoutEvicting()
    {
        LruCache c(1 << 20);
        for (int i = 0; i < 100; ++i)
            c.put(QByteArray::number(i), value("v"), 100);
        QCOMPARE(c.stats().entries, 100);
        c.clear();
        QCOMPARE(c.stats().entries, 0);
        QCOMPARE(c.stats().bytes, 0);
        QCOMPARE(c.stats().evictedCount, 0);
    }

    void staysWithinItsBudgetUnderManyKeys()
    {
        LruCache c(64 * 1024, 16);
        for (int i = 0; i < 20000; ++i)
            c.put(QByteArray::number(i), value(QByteArray(i % 300, 'x')), 1 << 30);
        const LruCache::Stats s = c.stats();
        QVERIFY(s.bytes <= c.capacity());
        QVERIFY(s.entries > 100);
        QVERIFY(s.evictedCount > 0);
        // The newest entries are there; the oldest were evicted.
        QVERIFY(c.get("19999", 0).has_value());
        QVERIFY(!c.get("1", 0).has_value());
    }

    void clusterItemTtls()
    {
        Cluster c(QStringLiteral("us-east-1"), QStringLiteral("c"), {1000, 0, 1 << 20});
        const QByteArray k = Cluster::itemKey(QStringLiteral("T"), {1, "pk", "sk"});
        QVERIFY(!c.lookupItem(k, 0).has_value());
        c.storeRead(k, c.beginRead(k), StoredItem{5, "{}", 0}, 0);
        const auto hit = c.lookupItem(k, 999);
        QVERIFY(hit && hit->item);
        QCOMPARE(hit->item->size, 5);
        QVERIFY(!c.lookupItem(k, 1000).has_value());
        c.storeRead(k, c.beginRead(k), std::nullopt, 0); // "no such item"
        const auto none = c.lookupItem(k, 10);
        QVERIFY(none && !none->item);
        QCOMPARE(c.counter(ClusterMetrics::ItemCacheHits), 2);
        QCOMPARE(c.counter(ClusterMetrics::ItemCacheMisses), 2);
        // Keys of other tables, or with the key bytes split differently, differ.
        QVERIFY(Cluster::itemKey(QStringLiteral("T"), {1, "pk", "sk"}) != Cluster::itemKey(QStringLiteral("T"), {1, "pks", "k"}));
        QVERIFY(Cluster::itemKey(QStringLiteral("T"), {1, "pk", ""}) != Cluster::itemKey(QStringLiteral("U"), {1, "pk", ""}));
        // A TTL of 0: items never expire; responses are not stored.
        c.setTtls(0, 0);
        c.storeRead(k, c.beginRead(k), StoredItem{1, "{}", 0}, 0);
        QVERIFY(c.lookupItem(k, std::numeric_limits<qint64>::max() - 1).has_value());
        c.storeResponse("Qscan", "{}", 0);
        QVERIFY(!c.lookupResponse("Qscan", true, 0).has_value());
        c.setTtls(0, 100);
        c.storeResponse("Qscan", "{}", 0);
        QVERIFY(c.lookupResponse("Qscan", true, 99).has_value());
        QVERIFY(!c.lookupResponse("Qscan", true, 100).has_value());
        QCOMPARE(c.counter(ClusterMetrics::ScanCacheHits), 1);
        QCOMPARE(c.counter(ClusterMetrics::ScanCacheMisses), 2);
    }

    void aMissNeverStoresOverANewerWrite()
    {
        // A reader misses and reads the table (old item); meanwhile a write
        // through the cluster commits and stores the new item; then the
        // reader stores what it read: that store must be dropped.
        Cluster c(QStringLiteral("us-east-1"), QStringLiteral("c"), {300000, 300000, 1 << 20});
        const QByteArray k = Cluster::itemKey(QStringLiteral("T"), {1, "a", ""});
        const quint64 ticket = c.beginRead(k);
        {
            Cluster::WriteLock lock(c, {k});
            c.storeWritten(k, StoredItem{1, "new", 0}, 0);
        }
        c.storeRead(k, ticket, StoredItem{1, "old", 0}, 0);
        QCOMPARE(c.lookupItem(k, 1)->item->json, QByteArray("new"));
        // A reader that began after the write stores normally.
        c.storeRead(k, c.beginRead(k), StoredItem{1, "newer", 0}, 0);
        QCOMPARE(c.lookupItem(k, 1)->item->json, QByteArray("newer"));
    }

    void aReaderWaitsForAWriterOfItsStripe()
    {
        // The check and the store of a miss happen under the stripe's lock,
        // which a writer holds from before its write until its item is
        // stored: the reader's store lands before the write or is dropped.
        Cluster c(QStringLiteral("us-east-1"), QStringLiteral("c"), {300000, 300000, 1 << 20});
        const QByteArray k = Cluster::itemKey(QStringLiteral("T"), {1, "a", ""});
        const quint64 ticket = c.beginRead(k);
        std::atomic<bool> stored{false};
        std::thread reader;
        {
            Cluster::WriteLock lock(c, {k, k}); // a key may repeat
            reader = std::thread([&] {
                c.storeRead(k, ticket, StoredItem{1, "old", 0}, 0);
                stored = true;
            });
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            QVERIFY(!stored.load());
            c.storeWritten(k, StoredItem{1, "new", 0}, 0);
        }
        reader.join();
        QCOMPARE(c.lookupItem(k, 1)->item->json, QByteArray("new"));
    }
};

QTEST_APPLESS_MAIN(TestDaxCache)
#include "tst_daxcache.moc"
