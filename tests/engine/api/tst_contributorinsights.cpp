// Contributor Insights through Engine::call: UpdateContributorInsights,
// DescribeContributorInsights and ListContributorInsights as AWS shapes
// them (statuses, rule names, modes, errors), and
// Dynamodesk.GetContributorInsightsReport: the capacity each key consumed,
// per minute, counted from the real item operations, at a manual clock.
#include "enginecalls.h"

#include "insights/recorder.h"
#include "model/clock.h"
#include "storage/sealedfile.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace dd;
using test::j;

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }

QJsonObject str(const QString &v) { return {{s("S"), v}}; }

// The first minute of the test: 2027-01-15T08:00:00Z.
constexpr qint64 kStartMs = 1'800'000'000'000 - 1'800'000'000'000 % 60'000;

} // namespace

class TstContributorInsights : public QObject, public test::EngineCalls {
    Q_OBJECT

public:
    // Before the members the engine uses (EngineCalls).
    ~TstContributorInsights() override { m_engine.reset(); }

    QTemporaryDir m_dir;
    ManualClock m_clock{kStartMs};

    void open(bool delayed = false, const std::function<void(api::EngineOptions &)> &tune = {})
    {
        openQuiet(m_dir.path(), false, [&](api::EngineOptions &o) {
            o.clock = &m_clock;
            o.delayTransientStatuses = delayed;
            if (tune)
                tune(o);
        });
    }
    QString countsFile() const { return m_dir.filePath(QLatin1String(insights::kRecorderFileName)); }
    QJsonObject wholeKeys() { return report(j("{'TableName':'Orders','Rule':'SKC'}")); }

    // Orders: pk/sk, a GSI byStatus (status/placed), an LSI byPlaced; Plain: pk only.
    void createTables()
    {
        ok("CreateTable", j("{'TableName':'Orders','BillingMode':'PAY_PER_REQUEST',"
                            "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'S'},"
                            "{'AttributeName':'status','AttributeType':'S'},{'AttributeName':'placed','AttributeType':'N'}],"
                            "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],"
                            "'GlobalSecondaryIndexes':[{'IndexName':'byStatus','KeySchema':[{'AttributeName':'status','KeyType':'HASH'},"
                            "{'AttributeName':'placed','KeyType':'RANGE'}],'Projection':{'ProjectionType':'KEYS_ONLY'}}],"
                            "'LocalSecondaryIndexes':[{'IndexName':'byPlaced','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
                            "{'AttributeName':'placed','KeyType':'RANGE'}],'Projection':{'ProjectionType':'KEYS_ONLY'}}]}"));
        ok("CreateTable", j("{'TableName':'Plain','BillingMode':'PAY_PER_REQUEST',"
                            "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],"
                            "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}]}"));
    }

    QJsonObject enable(const QString &table, const QString &index = QString(), const char *mode = nullptr)
    {
        QJsonObject req{{s("TableName"), table}, {s("ContributorInsightsAction"), s("ENABLE")}};
        if (!index.isEmpty())
            req.insert(s("IndexName"), index);
        if (mode)
            req.insert(s("ContributorInsightsMode"), s(mode));
        return ok("UpdateContributorInsights", req);
    }

    QJsonObject describe(const QString &table, const QString &index = QString())
    {
        QJsonObject req{{s("TableName"), table}};
        if (!index.isEmpty())
            req.insert(s("IndexName"), index);
        return ok("DescribeContributorInsights", req);
    }

    QJsonObject report(const QJsonObject &req) { return ok("Dynamodesk.GetContributorInsightsReport", req); }

    void put(const char *pk, const char *sk, const char *status = nullptr, int placed = 0)
    {
        QJsonObject item{{s("pk"), str(s(pk))}, {s("sk"), str(s(sk))}};
        if (status) {
            item.insert(s("status"), str(s(status)));
            item.insert(s("placed"), QJsonObject{{s("N"), QString::number(placed)}});
        }
        ok("PutItem", QJsonObject{{s("TableName"), s("Orders")}, {s("Item"), item}});
    }
    void get(const char *pk, const char *sk, bool consistent = false)
    {
        ok("GetItem", QJsonObject{{s("TableName"), s("Orders")},
                                  {s("Key"), QJsonObject{{s("pk"), str(s(pk))}, {s("sk"), str(s(sk))}}},
                                  {s("ConsistentRead"), consistent}});
    }

    // {"pk S value" -> total} of a report's contributors, and their order.
    static QStringList order(const QJsonObject &report, const char *attribute = "pk")
    {
        QStringList out;
        for (const auto &c : report.value(s("Contributors")).toArray())
            out << c.toObject().value(s("Key")).toObject().value(s(attribute)).toObject().value(s("S")).toString();
        return out;
    }
    static double total(const QJsonObject &report, int i)
    {
        return report.value(s("Contributors")).toArray().at(i).toObject().value(s("ApproximateAggregateValue")).toDouble();
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_clock.setMs(kStartMs);
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
        open();
        createTables();
    }
    void cleanup() { m_engine.reset(); }

    void statusRulesAndModes()
    {
        QCOMPARE(describe(s("Orders")), j("{'TableName':'Orders','ContributorInsightsStatus':'DISABLED'}"));
        m_clock.advanceMs(1234);
        QCOMPARE(enable(s("Orders")), j("{'TableName':'Orders','ContributorInsightsStatus':'ENABLING','ContributorInsightsMode':'ACCESSED_AND_THROTTLED_KEYS'}"));
        const qint64 created = kStartMs + 1234;
        QJsonObject d = describe(s("Orders"));
        QCOMPARE(d.value(s("ContributorInsightsStatus")).toString(), s("ENABLED"));
        QCOMPARE(d.value(s("ContributorInsightsMode")).toString(), s("ACCESSED_AND_THROTTLED_KEYS"));
        const QString suffix = s("-Orders-") + QString::number(created);
        QCOMPARE(d.value(s("ContributorInsightsRuleList")).toArray(),
                 QJsonArray({s("DynamoDBContributorInsights-PKC") + suffix, s("DynamoDBContributorInsights-SKC") + suffix,
                             s("DynamoDBContributorInsights-PKT") + suffix, s("DynamoDBContributorInsights-SKT") + suffix}));
        QCOMPARE(d.value(s("LastUpdateDateTime")).toDouble(), double(created) / 1000.0);
        // Asking again changes nothing: the same rules, ENABLED.
        m_clock.advanceMs(5000);
        QCOMPARE(enable(s("Orders")).value(s("ContributorInsightsStatus")).toString(), s("ENABLED"));
        QCOMPARE(describe(s("Orders")).value(s("LastUpdateDateTime")).toDouble(), double(created) / 1000.0);

        // Another mode makes new rules: the throttled ones only.
        QCOMPARE(enable(s("Plain"), QString(), "THROTTLED_KEYS").value(s("ContributorInsightsMode")).toString(), s("THROTTLED_KEYS"));
        QCOMPARE(describe(s("Plain")).value(s("ContributorInsightsRuleList")).toArray(),
                 QJsonArray({s("DynamoDBContributorInsights-PKT-Plain-") + QString::number(m_clock.nowMs())}));

        // A GSI has its own status; the table's stays.
        QCOMPARE(describe(s("Orders"), s("byStatus")).value(s("ContributorInsightsStatus")).toString(), s("DISABLED"));
        QCOMPARE(enable(s("Orders"), s("byStatus")).value(s("IndexName")).toString(), s("byStatus"));
        QCOMPARE(describe(s("Orders"), s("byStatus")).value(s("ContributorInsightsStatus")).toString(), s("ENABLED"));

        const QJsonObject off = ok("UpdateContributorInsights", j("{'TableName':'Orders','ContributorInsightsAction':'DISABLE'}"));
        QCOMPARE(off, j("{'TableName':'Orders','ContributorInsightsStatus':'DISABLING'}"));
        d = describe(s("Orders"));
        QCOMPARE(d.value(s("ContributorInsightsStatus")).toString(), s("DISABLED"));
        QVERIFY(!d.contains(s("ContributorInsightsRuleList")));
        QCOMPARE(describe(s("Orders"), s("byStatus")).value(s("ContributorInsightsStatus")).toString(), s("ENABLED"));

        // The settings are the table's: they survive a reopen.
        open();
        QCOMPARE(describe(s("Orders"), s("byStatus")).value(s("ContributorInsightsStatus")).toString(), s("ENABLED"));
        QCOMPARE(describe(s("Orders")).value(s("ContributorInsightsStatus")).toString(), s("DISABLED"));
    }

    void transientStatusesWhenDelayed()
    {
        open(true);
        QCOMPARE(enable(s("Plain")).value(s("ContributorInsightsStatus")).toString(), s("ENABLING"));
        QCOMPARE(describe(s("Plain")).value(s("ContributorInsightsStatus")).toString(), s("ENABLING"));
        m_clock.advanceMs(2000);
        QCOMPARE(describe(s("Plain")).value(s("ContributorInsightsStatus")).toString(), s("ENABLED"));
        ok("UpdateContributorInsights", j("{'TableName':'Plain','ContributorInsightsAction':'DISABLE'}"));
        QCOMPARE(describe(s("Plain")).value(s("ContributorInsightsStatus")).toString(), s("DISABLING"));
        m_clock.advanceMs(2000);
        QCOMPARE(describe(s("Plain")).value(s("ContributorInsightsStatus")).toString(), s("DISABLED"));
    }

    void badRequestsChangeNothing()
    {
        ApiError e = fail("UpdateContributorInsights", j("{'TableName':'Nope','ContributorInsightsAction':'ENABLE'}"));
        QCOMPARE(e.type(), s("ResourceNotFoundException"));
        e = fail("UpdateContributorInsights", j("{'TableName':'Orders','IndexName':'nope','ContributorInsightsAction':'ENABLE'}"));
        QCOMPARE(e.type(), s("ResourceNotFoundException"));
        QCOMPARE(e.message(), s("Requested resource not found: Index: nope not found"));
        // A local secondary index has no insights of its own.
        e = fail("UpdateContributorInsights", j("{'TableName':'Orders','IndexName':'byPlaced','ContributorInsightsAction':'ENABLE'}"));
        QCOMPARE(e.type(), s("ResourceNotFoundException"));
        e = fail("UpdateContributorInsights", j("{'TableName':'Orders','ContributorInsightsAction':'START'}"));
        QCOMPARE(e.type(), s("ValidationException"));
        e = fail("UpdateContributorInsights", j("{'TableName':'Orders','ContributorInsightsAction':'ENABLE','ContributorInsightsMode':'ALL'}"));
        QCOMPARE(e.type(), s("ValidationException"));
        e = fail("UpdateContributorInsights", j("{'TableName':'Orders'}"));
        QCOMPARE(e.type(), s("ValidationException"));
        QCOMPARE(describe(s("Orders")).value(s("ContributorInsightsStatus")).toString(), s("DISABLED"));

        e = fail("DescribeContributorInsights", j("{'TableName':'Orders','IndexName':'nope'}"));
        QCOMPARE(e.type(), s("ResourceNotFoundException"));
        e = fail("ListContributorInsights", j("{'TableName':'Nope'}"));
        QCOMPARE(e.type(), s("ResourceNotFoundException"));
        e = fail("ListContributorInsights", j("{'NextToken':'not a token!'}"));
        QCOMPARE(e.type(), s("ValidationException"));
        e = fail("ListContributorInsights", j("{'MaxResults':101}"));
        QCOMPARE(e.type(), s("ValidationException"));

        const char *bad[] = {"{'TableName':'Orders','Rule':'XYZ'}", "{'TableName':'Plain','Rule':'SKC'}",
                             "{'TableName':'Orders','MaxContributors':0}", "{'TableName':'Orders','MaxContributors':101}",
                             "{'TableName':'Orders','MaxContributors':2.5}", "{'TableName':'Orders','StartTime':20,'EndTime':10}",
                             "{'TableName':'Orders','StartTime':'yesterday'}", "{}"};
        for (const char *b : bad)
            QCOMPARE(fail("Dynamodesk.GetContributorInsightsReport", j(b)).type(), s("ValidationException"));
        QCOMPARE(fail("Dynamodesk.GetContributorInsightsReport", j("{'TableName':'Nope'}")).type(), s("ResourceNotFoundException"));
        QCOMPARE(fail("Dynamodesk.GetContributorInsightsReport", j("{'TableName':'Orders','IndexName':'byPlaced'}")).type(),
                 s("ResourceNotFoundException"));
    }

    void countsEachKeysCapacity()
    {
        // Before insights are on nothing is counted.
        put("cold", "1");
        get("cold", "1");
        enable(s("Orders"));
        enable(s("Orders"), s("byStatus"));

        // Minute 0: a hot item read 10 times (0.5 each), another twice
        // strongly (1 each); three puts of small items (1 each).
        put("hot", "a", "OPEN", 1);
        put("hot", "b", "OPEN", 2);
        put("warm", "a", "DONE", 3);
        for (int i = 0; i < 10; ++i)
            get("hot", "a");
        get("warm", "a", true);
        get("warm", "a", true);
        // Minute 1: a Query of the hot partition (2 small items: 0.5) and a
        // batch read of both keys (0.5 each).
        m_clock.advanceMs(60'000);
        ok("Query", j("{'TableName':'Orders','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'hot'}}}"));
        ok("BatchGetItem", j("{'RequestItems':{'Orders':{'Keys':[{'pk':{'S':'hot'},'sk':{'S':'a'}},{'pk':{'S':'warm'},'sk':{'S':'a'}}]}}}"));

        QJsonObject r = report(j("{'TableName':'Orders'}"));
        QCOMPARE(r.value(s("Rule")).toString(), s("PKC"));
        QCOMPARE(r.value(s("ContributorInsightsStatus")).toString(), s("ENABLED"));
        QCOMPARE(r.value(s("PeriodSeconds")).toDouble(), 60.0);
        QCOMPARE(order(r), QStringList({s("hot"), s("warm")}));
        // hot: 2 puts + 10 x 0.5 + the Query's 0.5 + 0.5 batched; warm: 1 put + 2 + 0.5.
        QCOMPARE(total(r, 0), 2 + 5 + 0.5 + 0.5);
        QCOMPARE(total(r, 1), 1 + 2 + 0.5);
        QCOMPARE(r.value(s("AggregateValue")).toDouble(), 8.0 + 3.5);
        QCOMPARE(r.value(s("ApproximateUniqueCount")).toDouble(), 2.0);
        QCOMPARE(r.value(s("Contributors")).toArray().at(0).toObject().value(s("Datapoints")).toArray(),
                 QJsonArray({QJsonObject{{s("Timestamp"), kStartMs / 1000.0}, {s("ApproximateValue"), 7.0}},
                             QJsonObject{{s("Timestamp"), kStartMs / 1000.0 + 60}, {s("ApproximateValue"), 1.0}}}));
        QCOMPARE(r.value(s("Contributors")).toArray().at(0).toObject().value(s("Key")).toObject(), QJsonObject({{s("pk"), str(s("hot"))}}));

        // The whole key: the Query is not an item's access.
        r = report(j("{'TableName':'Orders','Rule':'SKC','MaxContributors':2}"));
        QCOMPARE(r.value(s("Contributors")).toArray().size(), 2);
        QCOMPARE(r.value(s("Contributors")).toArray().at(0).toObject().value(s("Key")).toObject(),
                 QJsonObject({{s("pk"), str(s("hot"))}, {s("sk"), str(s("a"))}}));
        QCOMPARE(total(r, 0), 1 + 5 + 0.5);
        QCOMPARE(total(r, 1), 3.5); // warm/a
        QCOMPARE(r.value(s("ApproximateUniqueCount")).toDouble(), 3.0);

        // A range of the first minute only.
        r = report(QJsonObject{{s("TableName"), s("Orders")}, {s("StartTime"), kStartMs / 1000.0}, {s("EndTime"), kStartMs / 1000.0 + 30}});
        QCOMPARE(r.value(s("EndTime")).toDouble(), kStartMs / 1000.0 + 60); // the end of the minute it falls in
        QCOMPARE(total(r, 0), 7.0);

        // The GSI: its entries written (1 each), then a Query of OPEN.
        ok("Query", j("{'TableName':'Orders','IndexName':'byStatus','KeyConditionExpression':'#s = :s',"
                      "'ExpressionAttributeNames':{'#s':'status'},'ExpressionAttributeValues':{':s':{'S':'OPEN'}}}"));
        r = report(j("{'TableName':'Orders','IndexName':'byStatus'}"));
        QCOMPARE(r.value(s("IndexName")).toString(), s("byStatus"));
        QCOMPARE(order(r, "status"), QStringList({s("OPEN"), s("DONE")}));
        QCOMPARE(total(r, 0), 2 + 0.5);
        QCOMPARE(total(r, 1), 1.0);
        r = report(j("{'TableName':'Orders','IndexName':'byStatus','Rule':'SKC'}"));
        QCOMPARE(r.value(s("Contributors")).toArray().size(), 3); // the entries written, by status and placed

        // Dynamodesk never throttles.
        r = report(j("{'TableName':'Orders','Rule':'PKT'}"));
        QCOMPARE(r.value(s("Contributors")).toArray().size(), 0);
        QCOMPARE(r.value(s("AggregateValue")).toDouble(), 0.0);

        // Deleting moves nothing in the GSI it leaves but counts the entry removed.
        ok("DeleteItem", j("{'TableName':'Orders','Key':{'pk':{'S':'warm'},'sk':{'S':'a'}}}"));
        r = report(j("{'TableName':'Orders','IndexName':'byStatus'}"));
        QCOMPARE(order(r, "status"), QStringList({s("OPEN"), s("DONE")}));
        QCOMPARE(total(r, 1), 2.0);

        // Disabled: its data goes, and nothing more is counted.
        ok("UpdateContributorInsights", j("{'TableName':'Orders','ContributorInsightsAction':'DISABLE'}"));
        get("hot", "a");
        r = report(j("{'TableName':'Orders'}"));
        QCOMPARE(r.value(s("ContributorInsightsStatus")).toString(), s("DISABLED"));
        QCOMPARE(r.value(s("Contributors")).toArray().size(), 0);
        // ... on the table; the GSI still counts.
        QCOMPARE(report(j("{'TableName':'Orders','IndexName':'byStatus'}")).value(s("Contributors")).toArray().size(), 2);
    }

    void batchesTransactionsAndRetention()
    {
        enable(s("Plain"));
        ok("BatchWriteItem", j("{'RequestItems':{'Plain':[{'PutRequest':{'Item':{'pk':{'S':'a'}}}},{'PutRequest':{'Item':{'pk':{'S':'b'}}}}]}}"));
        ok("TransactWriteItems", j("{'TransactItems':[{'Put':{'TableName':'Plain','Item':{'pk':{'S':'a'}}}}]}"));
        ok("TransactGetItems", j("{'TransactItems':[{'Get':{'TableName':'Plain','Key':{'pk':{'S':'a'}}}}]}"));
        QJsonObject r = report(j("{'TableName':'Plain'}"));
        QCOMPARE(order(r), QStringList({s("a"), s("b")}));
        QCOMPARE(total(r, 0), 1 + 2 + 2.0); // batched put, transactional put (2), transactional read (2)
        QCOMPARE(total(r, 1), 1.0);

        // A day later the first minute is gone.
        m_clock.advanceMs(insights::Recorder::kRetentionMs);
        ok("GetItem", j("{'TableName':'Plain','Key':{'pk':{'S':'b'}}}"));
        r = report(QJsonObject{{s("TableName"), s("Plain")}, {s("StartTime"), 0}});
        QCOMPARE(order(r), QStringList({s("b")}));
        QCOMPARE(total(r, 0), 0.5);
    }

    void batchAndTransactionIndexWrites()
    {
        enable(s("Orders"), s("byStatus"));
        ok("BatchWriteItem", j("{'RequestItems':{'Orders':[{'PutRequest':{'Item':{'pk':{'S':'a'},'sk':{'S':'1'},"
                               "'status':{'S':'OPEN'},'placed':{'N':'1'}}}}]}}"));
        ok("TransactWriteItems", j("{'TransactItems':[{'Put':{'TableName':'Orders','Item':{'pk':{'S':'b'},'sk':{'S':'1'},"
                                   "'status':{'S':'DONE'},'placed':{'N':'2'}}}}]}"));
        // A deleted entry counts on the key it had.
        ok("TransactWriteItems", j("{'TransactItems':[{'Delete':{'TableName':'Orders','Key':{'pk':{'S':'a'},'sk':{'S':'1'}}}}]}"));
        const QJsonObject r = report(j("{'TableName':'Orders','IndexName':'byStatus'}"));
        QCOMPARE(order(r, "status"), QStringList({s("OPEN"), s("DONE")}));
        QCOMPARE(total(r, 0), 1 + 2.0); // batched (1), then deleted in a transaction (2)
        QCOMPARE(total(r, 1), 2.0);     // put in a transaction: twice its unit
        // The table's own rule is off: nothing counted there.
        QCOMPARE(report(j("{'TableName':'Orders'}")).value(s("Contributors")).toArray().size(), 0);
    }

    // A PartiQL statement runs as the operation it translates to, and counts as it.
    void partiqlStatementsCountAsTheirOperations()
    {
        enable(s("Plain"));
        ok("ExecuteStatement", QJsonObject{{s("Statement"), s("INSERT INTO Plain VALUE {'pk': 'p1'}")}});
        ok("ExecuteStatement", QJsonObject{{s("Statement"), s("SELECT * FROM Plain WHERE pk = ?")},
                                           {s("Parameters"), QJsonArray{str(s("p1"))}}});
        ok("ExecuteStatement", QJsonObject{{s("Statement"), s("SELECT * FROM Plain")}}); // a Scan: no key's
        const QJsonObject r = report(j("{'TableName':'Plain'}"));
        QCOMPARE(order(r), QStringList({s("p1")}));
        QCOMPARE(total(r, 0), 1.0 + 0.5); // the insert (1) and the read of its key (0.5)
        QCOMPARE(r.value(s("AggregateValue")).toDouble(), total(r, 0));
    }

    void keysBeyondTheKeptOnesStillCountInTheAggregate()
    {
        enable(s("Plain"));
        // 150 keys in one minute: once it is over, its 100 largest are kept.
        for (int i = 0; i < 150; ++i) {
            const QJsonObject key{{s("pk"), str(QString::number(i))}};
            for (int n = 0; n <= i / 50; ++n) // keys 100..149 read three times
                ok("GetItem", QJsonObject{{s("TableName"), s("Plain")}, {s("Key"), key}});
        }
        m_clock.advanceMs(60'000);
        ok("GetItem", j("{'TableName':'Plain','Key':{'pk':{'S':'x'}}}"));
        const QJsonObject r = report(QJsonObject{{s("TableName"), s("Plain")}, {s("MaxContributors"), 100}});
        QCOMPARE(r.value(s("ApproximateUniqueCount")).toDouble(), 101.0);
        QCOMPARE(r.value(s("AggregateValue")).toDouble(), (50 * 1 + 50 * 2 + 50 * 3) * 0.5 + 0.5);
        QCOMPARE(total(r, 0), 1.5);
        QCOMPARE(r.value(s("Contributors")).toArray().size(), 100);
    }

    void listsTargets()
    {
        QCOMPARE(ok("ListContributorInsights", QJsonObject()), j("{'ContributorInsightsSummaries':[]}"));
        enable(s("Orders"), s("byStatus"));
        enable(s("Plain"), QString(), "THROTTLED_KEYS");
        // The account's: what is on.
        QCOMPARE(ok("ListContributorInsights", QJsonObject()),
                 j("{'ContributorInsightsSummaries':[{'TableName':'Orders','IndexName':'byStatus','ContributorInsightsStatus':'ENABLED',"
                   "'ContributorInsightsMode':'ACCESSED_AND_THROTTLED_KEYS'},"
                   "{'TableName':'Plain','ContributorInsightsStatus':'ENABLED','ContributorInsightsMode':'THROTTLED_KEYS'}]}"));
        // A table's: it and each of its GSIs, whatever their status.
        QCOMPARE(ok("ListContributorInsights", j("{'TableName':'Orders'}")),
                 j("{'ContributorInsightsSummaries':[{'TableName':'Orders','ContributorInsightsStatus':'DISABLED'},"
                   "{'TableName':'Orders','IndexName':'byStatus','ContributorInsightsStatus':'ENABLED',"
                   "'ContributorInsightsMode':'ACCESSED_AND_THROTTLED_KEYS'}]}"));
        // Pages of one.
        QJsonObject page = ok("ListContributorInsights", j("{'MaxResults':1}"));
        QCOMPARE(page.value(s("ContributorInsightsSummaries")).toArray().at(0).toObject().value(s("TableName")).toString(), s("Orders"));
        QVERIFY(page.contains(s("NextToken")));
        page = ok("ListContributorInsights", QJsonObject{{s("MaxResults"), 1}, {s("NextToken"), page.value(s("NextToken"))}});
        QCOMPARE(page.value(s("ContributorInsightsSummaries")).toArray().at(0).toObject().value(s("TableName")).toString(), s("Plain"));
        QVERIFY(!page.contains(s("NextToken")));
    }

    // The counts are kept in the data directory when the engine closes, and
    // the next run reports them and goes on counting.
    void countsSurviveARestart()
    {
        enable(s("Orders"));
        put("hot", "a");
        for (int i = 0; i < 4; ++i)
            get("hot", "a");
        put("warm", "a");
        const QJsonObject before = wholeKeys();
        QCOMPARE(total(before, 0), 1 + 4 * 0.5);
        m_engine.reset();
        QVERIFY(QFileInfo::exists(countsFile()));
        open();
        QCOMPARE(wholeKeys(), before);
        get("hot", "a"); // the same minute, where it stopped
        QCOMPARE(total(wholeKeys(), 0), 3.5);
        m_clock.advanceMs(60'000);
        get("warm", "a");
        m_engine.reset();
        open();
        const QJsonObject after = wholeKeys();
        QCOMPARE(order(after), QStringList({s("hot"), s("warm")}));
        QCOMPARE(total(after, 1), 1.5);
        QCOMPARE(after.value(s("Contributors")).toArray().at(1).toObject().value(s("Datapoints")).toArray().size(), 2);
    }

    // While it runs, the engine saves the counts every interval: a process
    // killed keeps what was saved. A copy of the data directory taken while
    // the engine is open stands for what a kill leaves.
    void countsAreSavedWhileRunning()
    {
        open(false, [](api::EngineOptions &o) { o.insightsSaveIntervalMs = 20; });
        enable(s("Orders"));
        put("hot", "a");
        QTRY_VERIFY(QFileInfo::exists(countsFile()));
        QTemporaryDir copy;
        QVERIFY(copy.isValid());
        for (const QFileInfo &f : QDir(m_dir.path()).entryInfoList(QDir::Files))
            if (!f.fileName().endsWith(s(".lock")))
                QVERIFY(QFile::copy(f.filePath(), copy.filePath(f.fileName())));
        m_engine.reset();
        openQuiet(copy.path(), false, [&](api::EngineOptions &o) { o.clock = &m_clock; });
        const QJsonObject r = wholeKeys();
        QCOMPARE(order(r), QStringList({s("hot")}));
        QCOMPARE(total(r, 0), 1.0);
    }

    // A damaged file loses the last run's counts, not the engine: it opens,
    // warns, and the next save replaces the file.
    void aDamagedFileIsReplaced()
    {
        enable(s("Orders"));
        put("hot", "a");
        m_engine.reset();
        QFile f(countsFile());
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.size() > 20);
        QVERIFY(f.resize(f.size() - 5));
        f.close();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(s("^Contributor Insights' counts of the last run are lost: .* is damaged$")));
        open();
        QCOMPARE(wholeKeys().value(s("Contributors")).toArray().size(), 0);
        QCOMPARE(describe(s("Orders")).value(s("ContributorInsightsStatus")).toString(), s("ENABLED"));
        put("warm", "a");
        m_engine.reset();
        open();
        QCOMPARE(order(wholeKeys()), QStringList({s("warm")}));
    }

    // In an encrypted data directory the file is sealed (it holds keys):
    // encrypting a directory converts it, and the counts stay.
    void theFileIsSealedInAnEncryptedDirectory()
    {
        enable(s("Orders"));
        put("secret-key", "a");
        m_engine.reset();
        const auto fileBytes = [&] {
            QFile f(countsFile());
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        QVERIFY(fileBytes().contains("secret-key"));
        const auto encrypted = [](api::EngineOptions &o) { o.encryptionKey = QByteArray(64, 'c'); };
        open(false, [&](api::EngineOptions &o) {
            encrypted(o);
            o.encryptionChange = api::EngineOptions::EncryptionChange::Encrypt;
        });
        put("secret-key", "b");
        m_engine.reset();
        const QByteArray bytes = fileBytes();
        QVERIFY(storage::sealedfile::isSealed(bytes));
        QVERIFY(!bytes.contains("secret-key"));
        open(false, encrypted);
        const QJsonObject r = wholeKeys();
        QCOMPARE(r.value(s("Contributors")).toArray().size(), 2);
        QCOMPARE(order(r), QStringList({s("secret-key"), s("secret-key")}));
    }

    // Recorder::load: minutes past the retention are dropped, and a file
    // of another format or cut anywhere counts nothing.
    void loadKeepsOnlyTheRetainedMinutes()
    {
        const insights::Recorder::Target target{s("us-east-1"), 7, QString()};
        insights::Recorder first;
        first.add(target, "{\"pk\":{\"S\":\"old\"}}", QByteArray(), 1, kStartMs);
        first.add(target, "{\"pk\":{\"S\":\"new\"}}", QByteArray(), 2, kStartMs + 3'600'000);
        const QByteArray saved = first.save();
        const auto keys = [&](qint64 nowMs) {
            insights::Recorder r;
            QStringList out;
            if (!r.load(saved, nowMs))
                return QStringList({s("not loaded")});
            for (const auto &c : r.report(target, false, 0, nowMs + 60'000, 10).top)
                out << QString::fromUtf8(c.keyJson);
            return out;
        };
        QCOMPARE(keys(kStartMs + 3'600'000), QStringList({s("{\"pk\":{\"S\":\"new\"}}"), s("{\"pk\":{\"S\":\"old\"}}")}));
        QCOMPARE(keys(kStartMs + 24 * 3'600'000LL + 60'000), QStringList({s("{\"pk\":{\"S\":\"new\"}}")}));
        for (qsizetype cut = 0; cut < saved.size(); ++cut) {
            insights::Recorder r;
            QVERIFY2(!r.load(saved.left(cut), kStartMs), qPrintable(QString::number(cut)));
            QCOMPARE(r.report(target, false, 0, kStartMs + 60'000, 10).aggregate, 0.0);
        }
        insights::Recorder other;
        QVERIFY(!other.load(QByteArray("not a file of counts"), kStartMs));
    }
};

QTEST_GUILESS_MAIN(TstContributorInsights)
#include "tst_contributorinsights.moc"
