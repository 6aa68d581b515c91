// The daily budget of provisioned throughput decreases (api/throughputdecreases.h)
// on a table and on a GSI, on a manual clock: four decreases in a UTC day, a
// fifth refused with AWS's LimitExceededException and message until an hour
// after the fourth, refused attempts counting nothing, increases free, and the
// count back to 0 at midnight UTC.
#include "throughputcalls.h"

#include "model/clock.h"

#include <QDir>
#include <QTemporaryDir>

using namespace dd;
using test::j;

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }

QJsonObject units(qint64 read, qint64 write)
{
    return {{s("ProvisionedThroughput"), QJsonObject{{s("ReadCapacityUnits"), read}, {s("WriteCapacityUnits"), write}}}};
}

// 2027-01-15T10:00:00Z.
constexpr qint64 kMorningMs = 1'800'007'200'000;

} // namespace

class TstThroughputDecreases : public QObject, public test::ThroughputCalls {
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock{kMorningMs};

    static QJsonObject throughputOf(const QJsonObject &described) { return described.value(s("ProvisionedThroughput")).toObject(); }

public:
    ~TstThroughputDecreases() override { m_engine.reset(); } // see enginecalls.h

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).removeRecursively();
        m_clock.setMs(kMorningMs);
        openQuiet(m_dir.path(), false, [this](api::EngineOptions &o) { o.clock = &m_clock; });
        in("us-east-1");
        ok("CreateTable", j(QString::fromLatin1(kProvisioned).arg(s("tbl")).toLatin1().constData()));
    }
    void cleanup() { m_engine.reset(); }

    void fourADayThenOneAnHour()
    {
        // Four decreases (lowering both units counts once), an increase between them free.
        update("tbl", units(100, 100));
        for (qint64 read : {90, 80, 70}) {
            m_clock.advanceMs(1000);
            update("tbl", units(read, read));
        }
        m_clock.advanceMs(1000);
        update("tbl", units(200, 200));
        update("tbl", units(60, 200));
        QCOMPARE(throughputOf(table("tbl")).value(s("NumberOfDecreasesToday")).toInteger(), 4);

        // The fifth, and one that lowers a unit while raising the other, are refused and count nothing.
        m_clock.advanceMs(60'000);
        for (const QJsonObject &want : {units(50, 200), units(50, 300)}) {
            const ApiError e = updateFails("tbl", want);
            QCOMPARE(e.type(), s("LimitExceededException"));
            QCOMPARE(e.message(),
                     s("Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. After the first 4 "
                       "decreases, each subsequent decrease in the same UTC day can be performed at most once every 3600 seconds. "
                       "Number of decreases today: 4. Last decrease at Friday, January 15, 2027 at 10:00:04 AM Coordinated Universal "
                       "Time. Next decrease can be made at Friday, January 15, 2027 at 11:00:04 AM Coordinated Universal Time"));
        }
        const QJsonObject after = throughputOf(table("tbl"));
        QCOMPARE(after.value(s("NumberOfDecreasesToday")).toInteger(), 4);
        QCOMPARE(after.value(s("ReadCapacityUnits")).toInteger(), 60);
        QCOMPARE(after.value(s("LastDecreaseDateTime")).toDouble(), double(kMorningMs + 4000) / 1000);
        update("tbl", units(60, 300)); // an increase still goes through

        // An hour after the last decrease, one more; then an hour again.
        m_clock.setMs(kMorningMs + 4000 + 3'600'000);
        update("tbl", units(50, 300));
        QCOMPARE(throughputOf(table("tbl")).value(s("NumberOfDecreasesToday")).toInteger(), 5);
        m_clock.advanceMs(1000);
        QCOMPARE(updateFails("tbl", units(40, 300)).type(), s("LimitExceededException"));
    }

    void newDayNewBudget()
    {
        // Four decreases at 23:30; the fifth waits for midnight, not for an hour.
        m_clock.setMs(kMorningMs + 13 * 3'600'000 + 1'800'000);
        for (qint64 read : {4, 3, 2, 1}) {
            update("tbl", units(read, 7));
            m_clock.advanceMs(1000);
        }
        QVERIFY(updateFails("tbl", units(1, 6)).message().endsWith(
            s("Next decrease can be made at Saturday, January 16, 2027 at 12:00:00 AM Coordinated Universal Time")));
        QCOMPARE(throughputOf(table("tbl")).value(s("NumberOfDecreasesToday")).toInteger(), 4);
        m_clock.setMs(kMorningMs + 14 * 3'600'000);
        QCOMPARE(throughputOf(table("tbl")).value(s("NumberOfDecreasesToday")).toInteger(), 0);
        update("tbl", units(1, 6));
        QCOMPARE(throughputOf(table("tbl")).value(s("NumberOfDecreasesToday")).toInteger(), 1);
    }

    void eachIndexHasItsOwn()
    {
        const auto index = [](qint64 read) {
            return gsiUpdate("Update", QJsonObject{{s("IndexName"), s("byG")}, {s("ProvisionedThroughput"),
                                                   QJsonObject{{s("ReadCapacityUnits"), read}, {s("WriteCapacityUnits"), 2}}}});
        };
        update("tbl", index(30));
        for (qint64 read : {20, 10, 5, 4}) {
            m_clock.advanceMs(1000);
            update("tbl", index(read));
        }
        m_clock.advanceMs(1000);
        QCOMPARE(updateFails("tbl", index(3)).type(), s("LimitExceededException"));
        QCOMPARE(throughputOf(gsi(table("tbl"))).value(s("NumberOfDecreasesToday")).toInteger(), 4);
        // The table's own budget is untouched.
        update("tbl", units(4, 7));
        QCOMPARE(throughputOf(table("tbl")).value(s("NumberOfDecreasesToday")).toInteger(), 1);
    }
};

QTEST_GUILESS_MAIN(TstThroughputDecreases)
#include "tst_throughputdecreases.moc"
