// ItemScan and segmentHashRange: partition ranges with every bound shape in
// both directions, hash ranges resumed after a start key, and parallel-scan
// segments that are contiguous, disjoint and cover all 2^32 hashes.
#include "storage/itemscan.h"

#include <QTest>

using namespace dd;
using namespace dd::storage;

class TstItemScan : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Connection> m_conn;
    TableDef m_table;

    QList<QByteArray> partitionKeys(const PartitionRange &range)
    {
        auto scan = ItemScan::partition(*m_conn, m_table, range);
        QList<QByteArray> out;
        StoredRow row;
        while (true) {
            auto more = scan->next(row);
            if (!more.ok() || !*more)
                break;
            out << row.key.sk;
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        auto c = Connection::open(QStringLiteral(":memory:"), false);
        QVERIFY(c.ok());
        m_conn = std::move(c).value();
        m_table.id = 1;
        m_table.sqlTable = "t1";
        m_table.sqlBodies = "b1";
        QVERIFY(m_conn->exec(ItemStore::createSql(m_table)).ok());
        // Partition "p" (hash 7) with sort keys a..e; other partitions around it.
        for (const char *sk : {"a", "b", "c", "d", "e"})
            QVERIFY(ItemStore::put(*m_conn, m_table, {7, "p", sk}, {1, "{}"}, std::nullopt).ok());
        QVERIFY(ItemStore::put(*m_conn, m_table, {7, "o", "z"}, {1, "{}"}, std::nullopt).ok());
        QVERIFY(ItemStore::put(*m_conn, m_table, {6, "q", "a"}, {1, "{}"}, std::nullopt).ok());
        QVERIFY(ItemStore::put(*m_conn, m_table, {0xFFFFFFFFLL, "top", ""}, {1, "{}"}, std::nullopt).ok());
        QVERIFY(ItemStore::put(*m_conn, m_table, {0, "bottom", ""}, {1, "{}"}, std::nullopt).ok());
    }

    void partitionBounds_data()
    {
        QTest::addColumn<QByteArray>("low");   // "" none; "=x" inclusive; ">x" exclusive
        QTest::addColumn<QByteArray>("high");  // "" none; "=x" inclusive; "<x" exclusive
        QTest::addColumn<bool>("forward");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("all") << QByteArray() << QByteArray() << true << QByteArray("abcde");
        QTest::newRow("all reverse") << QByteArray() << QByteArray() << false << QByteArray("edcba");
        QTest::newRow(">= b") << QByteArray("=b") << QByteArray() << true << QByteArray("bcde");
        QTest::newRow("> b reverse") << QByteArray(">b") << QByteArray() << false << QByteArray("edc");
        QTest::newRow("<= c") << QByteArray() << QByteArray("=c") << true << QByteArray("abc");
        QTest::newRow("< c reverse") << QByteArray() << QByteArray("<c") << false << QByteArray("ba");
        QTest::newRow("b..d") << QByteArray("=b") << QByteArray("=d") << true << QByteArray("bcd");
        QTest::newRow("(b..d) reverse") << QByteArray(">b") << QByteArray("<d") << false << QByteArray("c");
        QTest::newRow("empty") << QByteArray(">e") << QByteArray() << true << QByteArray();
    }

    void partitionBounds()
    {
        QFETCH(QByteArray, low);
        QFETCH(QByteArray, high);
        QFETCH(bool, forward);
        QFETCH(QByteArray, expected);
        PartitionRange r{7, "p", std::nullopt, std::nullopt, forward};
        if (!low.isEmpty())
            r.low = KeyBound{low.mid(1), low[0] == '='};
        if (!high.isEmpty())
            r.high = KeyBound{high.mid(1), high[0] == '='};
        QByteArray got;
        for (const QByteArray &k : partitionKeys(r))
            got += k;
        QCOMPARE(got, expected);
    }

    void hashRangeResumes()
    {
        HashRange all;
        auto scan = ItemScan::hashRange(*m_conn, m_table, all);
        QList<StoredKey> keys;
        StoredRow row;
        while (*scan->next(row))
            keys << row.key;
        QCOMPARE(keys.size(), 9);
        QCOMPARE(keys.front().pk, QByteArray("bottom"));
        QCOMPARE(keys.back().pk, QByteArray("top"));
        // Resume after each row in turn: the rest, in the same order.
        for (int i = 0; i < keys.size(); ++i) {
            HashRange rest;
            rest.startAfter = keys[i];
            auto s = ItemScan::hashRange(*m_conn, m_table, rest);
            int n = i + 1;
            while (*s->next(row)) {
                QCOMPARE(row.key.pk, keys[n].pk);
                QCOMPARE(row.key.sk, keys[n].sk);
                ++n;
            }
            QCOMPARE(n, keys.size());
        }
        HashRange seven{7, 7, std::nullopt};
        auto s = ItemScan::hashRange(*m_conn, m_table, seven);
        int n = 0;
        while (*s->next(row))
            ++n;
        QCOMPARE(n, 6);
    }

    void segmentsCoverAllHashes_data()
    {
        QTest::addColumn<qint64>("total");
        for (qint64 t : {1, 2, 3, 7, 1000, 65537, 1000000})
            QTest::newRow(QByteArray::number(t).constData()) << t;
    }

    void segmentsCoverAllHashes()
    {
        QFETCH(qint64, total);
        qint64 next = 0;
        for (qint64 s = 0; s < total; ++s) {
            const auto [first, last] = segmentHashRange(s, total);
            QCOMPARE(first, next);
            QVERIFY(last >= first);
            next = last + 1;
        }
        QCOMPARE(next, qint64(1) << 32);
    }
};

QTEST_APPLESS_MAIN(TstItemScan)
#include "tst_itemscan.moc"
