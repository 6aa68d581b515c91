// Local triggers through the engine's API (Engine::call, in memory): a
// trigger made before its table waits (WAITING), then delivers once the
// table and its stream exist; it follows the table's next stream after a
// disable and re-enable; deleting a trigger whose command hangs, and closing
// the engine with one, return at once (the command is killed).
#include "api/engine.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace dd;

namespace {

QJsonObject parse(const QByteArray &body) { return QJsonDocument::fromJson(body).object(); }

int lineCount(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? int(f.readAll().count('\n')) : 0;
}

} // namespace

class TestTriggers : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<api::Engine> m_engine;
    api::RequestContext m_ctx;
    QTemporaryDir m_dir;

    QJsonObject call(const char *op, const QJsonObject &request)
    {
        auto r = m_engine->call(m_ctx, QString::fromLatin1(op), request);
        if (!r.ok())
            qWarning("%s: %s %s", op, qPrintable(r.error().type()), qPrintable(r.error().message()));
        return r.ok() ? parse(*r) : QJsonObject{{QStringLiteral("__error"), r.error().type()}};
    }
    QJsonObject trigger(const QString &name)
    {
        return call("Dynamodesk.DescribeTrigger", {{QStringLiteral("TriggerName"), name}}).value(QStringLiteral("Trigger")).toObject();
    }
    void createTable(const QString &name)
    {
        QJsonObject r = call("CreateTable",
                             {{QStringLiteral("TableName"), name},
                              {QStringLiteral("AttributeDefinitions"), QJsonArray{QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("pk")},
                                                                                              {QStringLiteral("AttributeType"), QStringLiteral("S")}}}},
                              {QStringLiteral("KeySchema"), QJsonArray{QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("pk")},
                                                                                   {QStringLiteral("KeyType"), QStringLiteral("HASH")}}}},
                              {QStringLiteral("BillingMode"), QStringLiteral("PAY_PER_REQUEST")},
                              {QStringLiteral("StreamSpecification"), QJsonObject{{QStringLiteral("StreamEnabled"), true},
                                                                                  {QStringLiteral("StreamViewType"), QStringLiteral("KEYS_ONLY")}}}});
        QVERIFY(!r.contains(QStringLiteral("__error")));
    }
    void put(const QString &table, const QString &key)
    {
        QVERIFY(!call("PutItem", {{QStringLiteral("TableName"), table},
                                  {QStringLiteral("Item"), QJsonObject{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), key}}}}}})
                     .contains(QStringLiteral("__error")));
    }
    void setStream(const QString &table, bool enabled)
    {
        QJsonObject spec{{QStringLiteral("StreamEnabled"), enabled}};
        if (enabled)
            spec.insert(QStringLiteral("StreamViewType"), QStringLiteral("KEYS_ONLY"));
        QVERIFY(!call("UpdateTable", {{QStringLiteral("TableName"), table}, {QStringLiteral("StreamSpecification"), spec}})
                     .contains(QStringLiteral("__error")));
    }

private slots:
    void init()
    {
        api::EngineOptions o;
        o.inMemory = true;
        o.ttlSweepIntervalMs = 0;
        auto e = api::Engine::open(o);
        QVERIFY(e.ok());
        m_engine = std::move(*e);
    }
    void cleanup() { m_engine.reset(); }

    void waitsForItsTableThenFollowsItsStreams()
    {
        const QString out = m_dir.filePath(QStringLiteral("waits.jsonl"));
        const QJsonObject created = call("Dynamodesk.CreateTrigger", {{QStringLiteral("TriggerName"), QStringLiteral("early")},
                                                                      {QStringLiteral("TableName"), QStringLiteral("Later")},
                                                                      {QStringLiteral("Command"), QStringLiteral("tr -d '\\n' >> %1; echo >> %1").arg(out)},
                                                                      {QStringLiteral("WaitForStream"), true}});
        QVERIFY(created.contains(QStringLiteral("Trigger")));
        QTRY_COMPARE(trigger(QStringLiteral("early")).value(QStringLiteral("State")).toString(), QStringLiteral("WAITING"));
        // Without WaitForStream the table must exist.
        QCOMPARE(call("Dynamodesk.CreateTrigger", {{QStringLiteral("TriggerName"), QStringLiteral("strict")},
                                                   {QStringLiteral("TableName"), QStringLiteral("Later")},
                                                   {QStringLiteral("Command"), QStringLiteral("cat")}})
                     .value(QStringLiteral("__error"))
                     .toString(),
                 QStringLiteral("ResourceNotFoundException"));

        createTable(QStringLiteral("Later"));
        put(QStringLiteral("Later"), QStringLiteral("a"));
        QTRY_COMPARE_WITH_TIMEOUT(lineCount(out), 1, 10000);
        QCOMPARE(trigger(QStringLiteral("early")).value(QStringLiteral("State")).toString(), QStringLiteral("RUNNING"));

        // A stream disabled and enabled again: the trigger moves on to the new one.
        setStream(QStringLiteral("Later"), false);
        put(QStringLiteral("Later"), QStringLiteral("not-streamed"));
        setStream(QStringLiteral("Later"), true);
        put(QStringLiteral("Later"), QStringLiteral("b"));
        QTRY_COMPARE_WITH_TIMEOUT(lineCount(out), 2, 10000);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        QVERIFY(all.contains("\"a\""));
        QVERIFY(all.contains("\"b\""));
        QVERIFY(!all.contains("not-streamed"));
        QCOMPARE(call("Dynamodesk.ListTriggers", {}).value(QStringLiteral("Triggers")).toArray().size(), 1);
    }

    void hangingCommandNeverBlocksDeleteOrShutdown()
    {
        createTable(QStringLiteral("Hangs"));
        for (const char *name : {"hang1", "hang2"})
            QVERIFY(call("Dynamodesk.CreateTrigger", {{QStringLiteral("TriggerName"), QString::fromLatin1(name)},
                                                      {QStringLiteral("TableName"), QStringLiteral("Hangs")},
                                                      {QStringLiteral("Command"), QStringLiteral("sleep 600")},
                                                      {QStringLiteral("TimeoutSeconds"), 900}})
                        .contains(QStringLiteral("Trigger")));
        put(QStringLiteral("Hangs"), QStringLiteral("x"));
        // Both are inside their command now (an invocation is logged when it ends, so wait for the state).
        QTest::qWait(300);
        put(QStringLiteral("Hangs"), QStringLiteral("y")); // writes go on
        QElapsedTimer clock;
        clock.start();
        QVERIFY(call("Dynamodesk.DeleteTrigger", {{QStringLiteral("TriggerName"), QStringLiteral("hang1")}}).contains(QStringLiteral("Trigger")));
        QCOMPARE(call("Dynamodesk.DescribeTrigger", {{QStringLiteral("TriggerName"), QStringLiteral("hang1")}})
                     .value(QStringLiteral("__error"))
                     .toString(),
                 QStringLiteral("ResourceNotFoundException"));
        m_engine.reset(); // kills hang2's sleep
        QVERIFY2(clock.elapsed() < 60000, "a hanging command held up DeleteTrigger or the engine's shutdown");
    }
};

QTEST_GUILESS_MAIN(TestTriggers)
#include "tst_triggers.moc"
