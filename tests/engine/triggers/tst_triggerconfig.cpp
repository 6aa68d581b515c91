// TriggerConfig's validation of CreateTrigger and UpdateTrigger requests:
// Lambda's defaults and limits, AWS's wording for values out of range, and
// clear messages for the rest.
#include "triggers/triggerconfig.h"

#include <QJsonDocument>
#include <QTest>

using dd::triggers::TriggerConfig;

namespace {
QJsonObject json(const char *text) { return QJsonDocument::fromJson(QByteArray(text)).object(); }
}

class TestTriggerConfig : public QObject {
    Q_OBJECT
private slots:
    void defaultsAreLambdas()
    {
        const auto c = TriggerConfig::fromCreateRequest(json("{\"TriggerName\": \"t\", \"TableName\": \"Tab\", \"Command\": \"cat\"}"));
        QVERIFY(c.ok());
        QCOMPARE(c->batchSize, 100);
        QCOMPARE(c->batchingWindowSeconds, 0);
        QCOMPARE(c->maximumRetryAttempts, -1);
        QCOMPARE(c->timeoutSeconds, 3);
        QCOMPARE(c->bisectOnError, false);
        QCOMPARE(c->startAtTrimHorizon, false);
        QCOMPARE(c->enabled, true);
        // toJson round-trips.
        const auto again = TriggerConfig::fromCreateRequest(c->toJson());
        QVERIFY(again.ok());
        QCOMPARE(again->toJson(), c->toJson());
    }

    void invalid_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QString>("message");
        QTest::newRow("no name") << QByteArray("{\"TableName\": \"Tab\", \"Command\": \"cat\"}") << QStringLiteral("TriggerName is required");
        QTest::newRow("bad name") << QByteArray("{\"TriggerName\": \"a b\", \"TableName\": \"Tab\", \"Command\": \"cat\"}")
                                  << QStringLiteral("at 'triggerName' failed to satisfy constraint");
        QTest::newRow("no table") << QByteArray("{\"TriggerName\": \"t\", \"Command\": \"cat\"}") << QStringLiteral("TableName is required");
        QTest::newRow("short table") << QByteArray("{\"TriggerName\": \"t\", \"TableName\": \"ab\", \"Command\": \"cat\"}")
                                     << QStringLiteral("at 'tableName'");
        QTest::newRow("no target") << QByteArray("{\"TriggerName\": \"t\", \"TableName\": \"Tab\"}") << QStringLiteral("Either Command or Url is required");
        QTest::newRow("both targets") << QByteArray("{\"TriggerName\": \"t\", \"TableName\": \"Tab\", \"Command\": \"cat\", \"Url\": \"http://h/\"}")
                                      << QStringLiteral("either Command or Url, not both");
        QTest::newRow("empty command") << QByteArray("{\"TriggerName\": \"t\", \"TableName\": \"Tab\", \"Command\": \" \"}")
                                       << QStringLiteral("Command must not be empty");
        QTest::newRow("https") << QByteArray("{\"TriggerName\": \"t\", \"TableName\": \"Tab\", \"Url\": \"https://h/\"}")
                               << QStringLiteral("https is not supported");
        QTest::newRow("batch 0") << QByteArray("{\"TriggerName\": \"t\", \"TableName\": \"Tab\", \"Command\": \"c\", \"BatchSize\": 0}")
                                 << QStringLiteral("Value '0' at 'batchSize' failed to satisfy constraint: Member must have value greater than or equal to 1");
        QTest::newRow("batch 10001") << QByteArray("{\"TriggerName\": \"t\", \"TableName\": \"Tab\", \"Command\": \"c\", \"BatchSize\": 10001}")
                                     << QStringLiteral("Member must have value less than or equal to 10000");
        QTest::newRow("batch 1.5") << QByteArray("{\"TriggerName\": \"t\", \"TableName\": \"Tab\", \"Command\": \"c\", \"BatchSize\": 1.5}")
                                   << QStringLiteral("BatchSize must be an integer");
        QTest::newRow("batch string") << QByteArray("{\"TriggerName\": \"t\", \"TableName\": \"Tab\", \"Command\": \"c\", \"BatchSize\": \"5\"}")
                                      << QStringLiteral("BatchSize must be an integer");
        QTest::newRow("window 301") << QByteArray("{\"TriggerName\": \"t\", \"TableName\": \"Tab\", \"Command\": \"c\", \"MaximumBatchingWindowInSeconds\": 301}")
                                    << QStringLiteral("at 'maximumBatchingWindowInSeconds'");
        QTest::newRow("position") << QByteArray("{\"TriggerName\": \"t\", \"TableName\": \"Tab\", \"Command\": \"c\", \"StartingPosition\": \"AT_TIMESTAMP\"}")
                                  << QStringLiteral("Member must satisfy enum value set: [TRIM_HORIZON, LATEST]");
        QTest::newRow("retries -2") << QByteArray("{\"TriggerName\": \"t\", \"TableName\": \"Tab\", \"Command\": \"c\", \"MaximumRetryAttempts\": -2}")
                                    << QStringLiteral("greater than or equal to -1");
        QTest::newRow("retries 10001") << QByteArray("{\"TriggerName\": \"t\", \"TableName\": \"Tab\", \"Command\": \"c\", \"MaximumRetryAttempts\": 10001}")
                                       << QStringLiteral("less than or equal to 10000");
        QTest::newRow("timeout 0") << QByteArray("{\"TriggerName\": \"t\", \"TableName\": \"Tab\", \"Command\": \"c\", \"TimeoutSeconds\": 0}")
                                   << QStringLiteral("at 'timeoutSeconds'");
        QTest::newRow("timeout 901") << QByteArray("{\"TriggerName\": \"t\", \"TableName\": \"Tab\", \"Command\": \"c\", \"TimeoutSeconds\": 901}")
                                     << QStringLiteral("less than or equal to 900");
        QTest::newRow("bisect string") << QByteArray("{\"TriggerName\": \"t\", \"TableName\": \"Tab\", \"Command\": \"c\", \"BisectBatchOnFunctionError\": \"yes\"}")
                                       << QStringLiteral("BisectBatchOnFunctionError must be true or false");
        QTest::newRow("unknown key") << QByteArray("{\"TriggerName\": \"t\", \"TableName\": \"Tab\", \"Command\": \"c\", \"Batchsize\": 5}")
                                     << QStringLiteral("Unknown parameter 'Batchsize'");
    }
    void invalid()
    {
        QFETCH(QByteArray, request);
        QFETCH(QString, message);
        const auto c = TriggerConfig::fromCreateRequest(QJsonDocument::fromJson(request).object());
        QVERIFY(!c.ok());
        QCOMPARE(c.error().type(), QStringLiteral("ValidationException"));
        QVERIFY2(c.error().message().contains(message), qPrintable(c.error().message()));
    }

    void limitsAreAccepted()
    {
        const auto c = TriggerConfig::fromCreateRequest(json("{\"TriggerName\": \"a.b-c_1\", \"TableName\": \"Tab\", \"Url\": \"http://127.0.0.1:9/x\","
            "            \"BatchSize\": 10000, \"MaximumBatchingWindowInSeconds\": 300, \"StartingPosition\": \"TRIM_HORIZON\", \"MaximumRetryAttempts\": 10000,"
            "            \"BisectBatchOnFunctionError\": true, \"OnFailureFile\": \"/tmp/f.jsonl\", \"TimeoutSeconds\": 900, \"Enabled\": false}"));
        QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().message()));
        QCOMPARE(c->batchSize, 10000);
        QCOMPARE(c->startAtTrimHorizon, true);
        QCOMPARE(c->url, QStringLiteral("http://127.0.0.1:9/x"));
        QCOMPARE(c->enabled, false);
    }

    void update()
    {
        const auto c = TriggerConfig::fromCreateRequest(json("{\"TriggerName\": \"t\", \"TableName\": \"Tab\", \"Command\": \"cat\"}"));
        QVERIFY(c.ok());
        auto u = c->updatedBy(json("{\"TriggerName\": \"t\", \"Enabled\": false, \"BatchSize\": 7, \"Url\": \"http://h:1/\"}"));
        QVERIFY(u.ok());
        QCOMPARE(u->enabled, false);
        QCOMPARE(u->batchSize, 7);
        QCOMPARE(u->url, QStringLiteral("http://h:1/"));
        QVERIFY(u->command.isEmpty()); // Url replaces Command
        QCOMPARE(u->timeoutSeconds, 3);  // untouched
        QVERIFY(!c->updatedBy(json("{\"TableName\": \"Other\"}")).ok());
        QVERIFY(!c->updatedBy(json("{\"StartingPosition\": \"LATEST\"}")).ok());
        QVERIFY(!c->updatedBy(json("{\"BatchSize\": 0}")).ok());
        QVERIFY(c->updatedBy(json("{\"TableName\": \"Tab\"}")).ok());
    }
};

QTEST_APPLESS_MAIN(TestTriggerConfig)
#include "tst_triggerconfig.moc"
