// Live figures (ItemCount, TableSizeBytes, IndexItemCount, IndexSizeBytes):
// kept in memory and written to the catalog rows only on a clean close, so
// that commits do not rewrite them (storage::Database::m_liveStats). They
// must stay exact in DescribeTable after every write, survive a clean
// restart exactly (without a recount), and be recounted after an unclean
// stop: here the database file and its WAL copied while the engine is open
// and writing, which is what a kill -9 leaves behind (the e2e test
// test_live_stats kills a real server).
#include "api/engine.h"
#include "enginecalls.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace dd;

namespace {

QJsonObject json(const char *s) { return QJsonDocument::fromJson(s).object(); }

// The figures DescribeTable shows: table count and bytes, then each index's.
struct Figures {
    qint64 items = -2, bytes = -2, gsiItems = -2, gsiBytes = -2, lsiItems = -2, lsiBytes = -2;
    bool operator==(const Figures &o) const
    {
        return items == o.items && bytes == o.bytes && gsiItems == o.gsiItems && gsiBytes == o.gsiBytes
               && lsiItems == o.lsiItems && lsiBytes == o.lsiBytes;
    }
};

char *toString(const Figures &f)
{
    return qstrdup(QByteArray("items=%1 bytes=%2 gsi=%3/%4 lsi=%5/%6")
                       .replace("%1", QByteArray::number(f.items)).replace("%2", QByteArray::number(f.bytes))
                       .replace("%3", QByteArray::number(f.gsiItems)).replace("%4", QByteArray::number(f.gsiBytes))
                       .replace("%5", QByteArray::number(f.lsiItems)).replace("%6", QByteArray::number(f.lsiBytes)).constData());
}

// The item_count column of every figures row of a database file (-1: unknown).
QList<qint64> storedCounts(const QString &path)
{
    QList<qint64> counts;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v2(db, "SELECT item_count FROM tables UNION ALL SELECT item_count FROM index_stats", -1, &s, nullptr) == SQLITE_OK)
            while (sqlite3_step(s) == SQLITE_ROW)
                counts.append(sqlite3_column_int64(s, 0));
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return counts;
}

} // namespace

class TestLiveStats : public QObject, test::EngineCalls {
    Q_OBJECT

public:
    // Before the members the engine uses (EngineCalls).
    ~TestLiveStats() override { m_engine.reset(); }

private:
    QTemporaryDir m_dir;

    void open(const QString &dataDir) { openQuiet(dataDir); }
    QString dataDir(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
    static QString regionFile(const QString &dir) { return QDir(dir).filePath(QStringLiteral("us-east-1.db")); }

    void createTable()
    {
        QVERIFY(!ok("CreateTable", json(R"({"TableName":"stats","BillingMode":"PAY_PER_REQUEST",
            "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"},
                                    {"AttributeName":"g","AttributeType":"S"},{"AttributeName":"l","AttributeType":"S"}],
            "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
            "GlobalSecondaryIndexes":[{"IndexName":"byg","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],
                                       "Projection":{"ProjectionType":"KEYS_ONLY"}}],
            "LocalSecondaryIndexes":[{"IndexName":"byl","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},
                                      {"AttributeName":"l","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}]})")).isEmpty());
    }

    // Puts, updates (moving index entries, adding and removing them) and deletes.
    void write(int round)
    {
        for (int i = 0; i < 30; ++i) {
            QJsonObject item{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), QStringLiteral("p%1").arg(i % 7)}}},
                             {QStringLiteral("sk"), QJsonObject{{QStringLiteral("S"), QStringLiteral("s%1").arg(i)}}},
                             {QStringLiteral("v"), QJsonObject{{QStringLiteral("S"), QString(i * round % 50 + 1, QLatin1Char('x'))}}}};
            if ((i + round) % 3 != 0)
                item.insert(QStringLiteral("g"), QJsonObject{{QStringLiteral("S"), QStringLiteral("g%1").arg((i + round) % 4)}});
            if ((i + round) % 4 != 0)
                item.insert(QStringLiteral("l"), QJsonObject{{QStringLiteral("S"), QStringLiteral("l%1").arg(round)}});
            ok("PutItem", {{QStringLiteral("TableName"), QStringLiteral("stats")}, {QStringLiteral("Item"), item}});
        }
        for (int i = round; i < 30; i += 5)
            ok("DeleteItem", {{QStringLiteral("TableName"), QStringLiteral("stats")},
                                {QStringLiteral("Key"), QJsonObject{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), QStringLiteral("p%1").arg(i % 7)}}},
                                                                    {QStringLiteral("sk"), QJsonObject{{QStringLiteral("S"), QStringLiteral("s%1").arg(i)}}}}}});
        for (int i = 1; i < 30; i += 4)
            ok("UpdateItem", {{QStringLiteral("TableName"), QStringLiteral("stats")},
                                {QStringLiteral("Key"), QJsonObject{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), QStringLiteral("p%1").arg(i % 7)}}},
                                                                    {QStringLiteral("sk"), QJsonObject{{QStringLiteral("S"), QStringLiteral("s%1").arg(i)}}}}},
                                {QStringLiteral("UpdateExpression"), QStringLiteral("SET w = :w REMOVE g")},
                                {QStringLiteral("ExpressionAttributeValues"), QJsonObject{{QStringLiteral(":w"), QJsonObject{{QStringLiteral("N"), QString::number(round)}}}}}});
    }

    Figures describe()
    {
        const QJsonObject t = ok("DescribeTable", {{QStringLiteral("TableName"), QStringLiteral("stats")}}).value(QLatin1String("Table")).toObject();
        Figures f;
        f.items = t.value(QLatin1String("ItemCount")).toInteger(-2);
        f.bytes = t.value(QLatin1String("TableSizeBytes")).toInteger(-2);
        const QJsonObject g = t.value(QLatin1String("GlobalSecondaryIndexes")).toArray().at(0).toObject();
        f.gsiItems = g.value(QLatin1String("ItemCount")).toInteger(-2);
        f.gsiBytes = g.value(QLatin1String("IndexSizeBytes")).toInteger(-2);
        const QJsonObject l = t.value(QLatin1String("LocalSecondaryIndexes")).toArray().at(0).toObject();
        f.lsiItems = l.value(QLatin1String("ItemCount")).toInteger(-2);
        f.lsiBytes = l.value(QLatin1String("IndexSizeBytes")).toInteger(-2);
        return f;
    }

    // Item counts of the table and its indexes by Scan (Select COUNT).
    qint64 scanCount(const char *index = nullptr)
    {
        QJsonObject req{{QStringLiteral("TableName"), QStringLiteral("stats")}, {QStringLiteral("Select"), QStringLiteral("COUNT")}};
        if (index)
            req.insert(QStringLiteral("IndexName"), QLatin1String(index));
        return ok("Scan", req).value(QLatin1String("Count")).toInteger(-1);
    }

private slots:
    void cleanup() { m_engine.reset(); }

    // Every write is counted at once, the indexes' entries too.
    void figuresAreExactAfterEveryWrite()
    {
        open(dataDir("exact"));
        createTable();
        QCOMPARE(describe(), (Figures{0, 0, 0, 0, 0, 0}));
        for (int round = 1; round <= 3; ++round) {
            write(round);
            const Figures f = describe();
            QCOMPARE(f.items, scanCount());
            QCOMPARE(f.gsiItems, scanCount("byg"));
            QCOMPARE(f.lsiItems, scanCount("byl"));
            QVERIFY(f.bytes > 0 && f.gsiBytes > 0 && f.lsiBytes > 0);
        }
    }

    // A clean close writes the figures: no row is left unknown, and the next
    // open shows the same figures.
    void cleanRestartKeepsTheFigures()
    {
        const QString dir = dataDir("clean");
        open(dir);
        createTable();
        write(1);
        write(2);
        const Figures before = describe();
        QVERIFY(storedCounts(regionFile(dir)).contains(-1)); // marked by the first write
        m_engine.reset();
        const QList<qint64> counts = storedCounts(regionFile(dir));
        QCOMPARE(counts.size(), 3);
        QVERIFY(!counts.contains(-1));
        QCOMPARE(counts.at(0), before.items);
        open(dir);
        QCOMPARE(describe(), before);
        write(3);
        QCOMPARE(describe().items, scanCount());
    }

    // What a kill -9 leaves (the file and its WAL as committed, no clean
    // close): the rows the writes changed are unknown, and the next open
    // recounts them to the figures the killed process showed.
    void uncleanStopIsRecounted()
    {
        const QString dir = dataDir("live"), crashed = dataDir("crashed");
        open(dir);
        createTable();
        write(1);
        m_engine.reset(); // a clean close first: the rows are exact ...
        open(dir);
        write(2); // ... and the writes after it mark them unknown again
        write(3);
        const Figures before = describe();
        QVERIFY(QDir().mkpath(crashed));
        for (const char *suffix : {"", "-wal"})
            QVERIFY(QFile::copy(regionFile(dir) + QLatin1String(suffix), regionFile(crashed) + QLatin1String(suffix)));
        QCOMPARE(storedCounts(regionFile(crashed)), (QList<qint64>{-1, -1, -1}));
        m_engine.reset();
        open(crashed);
        QCOMPARE(describe(), before);
        QCOMPARE(describe().items, scanCount());
        m_engine.reset();
        QVERIFY(!storedCounts(regionFile(crashed)).contains(-1)); // recounted on open, written back
    }

    // A write that changes nothing countable (an item put again unchanged,
    // a read) leaves the rows as the clean close wrote them.
    void unchangedFiguresAreNotMarked()
    {
        const QString dir = dataDir("unchanged");
        open(dir);
        createTable();
        write(1);
        m_engine.reset();
        open(dir);
        const Figures before = describe();
        QVERIFY(!ok("Scan", {{QStringLiteral("TableName"), QStringLiteral("stats")}}).isEmpty());
        QVERIFY(!storedCounts(regionFile(dir)).contains(-1));
        QCOMPARE(describe(), before);
    }
};

QTEST_GUILESS_MAIN(TestLiveStats)
#include "tst_livestats.moc"
