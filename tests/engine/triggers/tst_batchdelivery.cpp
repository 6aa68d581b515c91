// BatchDelivery, the retry discipline of a stream event source mapping, on
// its own: batches whose records fail on purpose (a poison record fails every
// range that holds it; a transient failure fails the first invocations), with
// and without bisect and with several MaximumRetryAttempts. Checks what is
// delivered and passed over, in order, never twice, never skipped.
#include "triggers/batchdelivery.h"

#include <QTest>

#include <set>
#include <vector>

using dd::triggers::BatchDelivery;
using dd::triggers::Invocation;

namespace {

struct Outcome {
    std::vector<std::pair<int, int>> delivered; // (first, count) in order
    std::vector<std::pair<int, int>> exhausted; // (first, count) in order
    std::vector<int> exhaustedInvokes;
    int invocations = 0;
    int backoffs = 0;
    bool complete = false;
};

// Delivers `size` records: a range fails if it holds a poison index, or
// while fewer than `transient` invocations were made.
Outcome run(int size, const std::set<int> &poison, int transient, int maxRetries, bool bisect, int stopAfterBackoffs = -1)
{
    Outcome o;
    BatchDelivery::Hooks hooks;
    hooks.invoke = [&](const BatchDelivery::Range &r) {
        Invocation inv;
        inv.ok = o.invocations >= transient;
        for (qsizetype i = r.first; i < r.first + r.count; ++i)
            if (poison.count(int(i)))
                inv.ok = false;
        ++o.invocations;
        return inv;
    };
    hooks.delivered = [&](const BatchDelivery::Range &r) { o.delivered.emplace_back(int(r.first), int(r.count)); };
    hooks.exhausted = [&](const BatchDelivery::Range &r, const Invocation &) {
        o.exhausted.emplace_back(int(r.first), int(r.count));
        o.exhaustedInvokes.push_back(r.invokes);
    };
    hooks.backoff = [&](int) { return stopAfterBackoffs < 0 || ++o.backoffs <= stopAfterBackoffs; };
    o.complete = BatchDelivery::run(size, maxRetries, bisect, hooks);
    return o;
}

// Every record in [0, size) is in exactly one range, and ranges are in order.
void checkCoverage(const Outcome &o, int size)
{
    std::vector<std::pair<int, int>> all = o.delivered;
    all.insert(all.end(), o.exhausted.begin(), o.exhausted.end());
    std::sort(all.begin(), all.end());
    int next = 0;
    for (const auto &[first, count] : all) {
        QCOMPARE(first, next);
        next = first + count;
    }
    QCOMPARE(next, size);
}

} // namespace

class TestBatchDelivery : public QObject {
    Q_OBJECT
private slots:
    void allGood()
    {
        const Outcome o = run(100, {}, 0, -1, false);
        QVERIFY(o.complete);
        QCOMPARE(o.invocations, 1);
        QCOMPARE(o.delivered, (std::vector<std::pair<int, int>>{{0, 100}}));
        QVERIFY(o.exhausted.empty());
    }

    void transientFailureIsRetriedWhole()
    {
        const Outcome o = run(100, {}, 2, -1, false);
        QVERIFY(o.complete);
        QCOMPARE(o.invocations, 3);
        QCOMPARE(o.delivered, (std::vector<std::pair<int, int>>{{0, 100}}));
    }

    void poisonWithoutBisectPassesTheWholeBatchOver_data()
    {
        QTest::addColumn<int>("maxRetries");
        QTest::newRow("no retries") << 0;
        QTest::newRow("one retry") << 1;
        QTest::newRow("five retries") << 5;
    }
    void poisonWithoutBisectPassesTheWholeBatchOver()
    {
        QFETCH(int, maxRetries);
        const Outcome o = run(10, {3}, 0, maxRetries, false);
        QVERIFY(o.complete);
        QCOMPARE(o.invocations, maxRetries + 1);
        QVERIFY(o.delivered.empty());
        QCOMPARE(o.exhausted, (std::vector<std::pair<int, int>>{{0, 10}}));
        QCOMPARE(o.exhaustedInvokes, std::vector<int>{maxRetries + 1});
    }

    void bisectIsolatesPoisonRecords_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<QList<int>>("poison");
        QTest::addColumn<int>("maxRetries");
        QTest::newRow("one in 20") << 20 << QList<int>{13} << 1;
        QTest::newRow("first of 100") << 100 << QList<int>{0} << 0;
        QTest::newRow("last of 100") << 100 << QList<int>{99} << 2;
        QTest::newRow("two adjacent") << 64 << QList<int>{31, 32} << 1;
        QTest::newRow("three apart") << 1000 << QList<int>{1, 500, 998} << 3;
        QTest::newRow("all of 4") << 4 << QList<int>{0, 1, 2, 3} << 0;
    }
    void bisectIsolatesPoisonRecords()
    {
        QFETCH(int, size);
        QFETCH(QList<int>, poison);
        QFETCH(int, maxRetries);
        const std::set<int> bad(poison.begin(), poison.end());
        const Outcome o = run(size, bad, 0, maxRetries, true);
        QVERIFY(o.complete);
        checkCoverage(o, size);
        // Exactly the poison records are passed over, one by one, each after its retries.
        std::vector<std::pair<int, int>> expected;
        for (int p : bad)
            expected.emplace_back(p, 1);
        QCOMPARE(o.exhausted, expected);
        for (int invokes : o.exhaustedInvokes)
            QCOMPARE(invokes, maxRetries + 1);
        // Delivered ranges are in order.
        for (size_t i = 1; i < o.delivered.size(); ++i)
            QVERIFY(o.delivered[i - 1].first < o.delivered[i].first);
    }

    void bisectWithUnlimitedRetriesStopsWhenAsked()
    {
        // -1: a poison record is retried until the worker stops (paused, deleted).
        const Outcome o = run(8, {5}, 0, -1, true, 3);
        QVERIFY(!o.complete);
        QCOMPARE(o.backoffs, 4);
        QVERIFY(o.exhausted.empty());
        // Everything before the poison record was delivered; nothing after it.
        int deliveredUpTo = 0;
        for (const auto &[first, count] : o.delivered) {
            QCOMPARE(first, deliveredUpTo);
            deliveredUpTo = first + count;
        }
        QCOMPARE(deliveredUpTo, 5);
    }

    void cancelledInvocationStopsWithoutPassingOver()
    {
        BatchDelivery::Hooks hooks;
        int exhausted = 0;
        hooks.invoke = [](const BatchDelivery::Range &) {
            Invocation inv;
            inv.cancelled = true;
            return inv;
        };
        hooks.delivered = [](const BatchDelivery::Range &) {};
        hooks.exhausted = [&](const BatchDelivery::Range &, const Invocation &) { ++exhausted; };
        hooks.backoff = [](int) { return true; };
        QVERIFY(!BatchDelivery::run(10, 0, true, hooks));
        QCOMPARE(exhausted, 0);
    }

    void backoffGrowsAndIsCapped()
    {
        QCOMPARE(BatchDelivery::backoffMs(1), 100);
        QCOMPARE(BatchDelivery::backoffMs(2), 200);
        QCOMPARE(BatchDelivery::backoffMs(4), 800);
        QCOMPARE(BatchDelivery::backoffMs(100), 5000);
    }
};

QTEST_APPLESS_MAIN(TestBatchDelivery)
#include "tst_batchdelivery.moc"
