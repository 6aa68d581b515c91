// Endpoint: which callers may create command triggers. A Command runs a
// shell command as the server, so an endpoint reachable from other machines
// refuses it unless told otherwise (EndpointOptions::allowCommandTriggers).
// Requests go through Endpoint::handle, the server's own handler, against a
// real in-memory engine.
#include "api/engine.h"
#include "http/endpoint.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace dd;

namespace {

http::HttpRequest request(const QByteArray &target, const QByteArray &body)
{
    http::HttpRequest r;
    r.method = "POST";
    r.target = "/";
    r.headers = {{"content-type", "application/x-amz-json-1.0"},
                 {"x-amz-target", target},
                 {"x-amz-date", "20261126T000000Z"},
                 {"authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261126/us-east-1/dynamodb/aws4_request, "
                                   "SignedHeaders=host;x-amz-date, Signature=0123456789abcdef"}};
    r.body = body;
    return r;
}

struct Answer {
    int status;
    QJsonObject body;
    QString type() const { return body.value(QLatin1String("__type")).toString().section(u'#', -1); }
};

Answer call(const http::Endpoint &endpoint, const QByteArray &target, const QByteArray &body)
{
    const http::HttpResponse r = endpoint.handle(request(target, body));
    return {r.status, QJsonDocument::fromJson(r.body).object()};
}

const QByteArray kCreateTable = R"({"TableName": "Orders", "BillingMode": "PAY_PER_REQUEST",
    "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
    "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
    "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_IMAGE"}})";

} // namespace

class TestEndpoint : public QObject {
    Q_OBJECT
private slots:
    void init();
    void loopbackHosts_data();
    void loopbackHosts();
    void commandTriggers_data();
    void commandTriggers();
    void urlTriggersAlwaysWork();
    void daxClusterPaths_data();
    void daxClusterPaths();

private:
    std::unique_ptr<api::Engine> m_engine;
};

void TestEndpoint::init()
{
    api::EngineOptions options;
    options.inMemory = true;
    auto engine = api::Engine::open(options);
    QVERIFY(engine.ok());
    m_engine = std::move(*engine);
    http::EndpointOptions local;
    const Answer created = call(http::Endpoint(*m_engine, local), "DynamoDB_20120810.CreateTable", kCreateTable);
    QVERIFY2(created.status == 200, QJsonDocument(created.body).toJson().constData());
}

void TestEndpoint::loopbackHosts_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1") << true;
    QTest::newRow("127.1.2.3") << QStringLiteral("127.1.2.3") << true;
    QTest::newRow("::1") << QStringLiteral("::1") << true;
    QTest::newRow("::ffff:127.0.0.1") << QStringLiteral("::ffff:127.0.0.1") << true;
    QTest::newRow("localhost") << QStringLiteral("LocalHost") << true;
    QTest::newRow("0.0.0.0") << QStringLiteral("0.0.0.0") << false;
    QTest::newRow("::") << QStringLiteral("::") << false;
    QTest::newRow("192.168.1.10") << QStringLiteral("192.168.1.10") << false;
    QTest::newRow("128.0.0.1") << QStringLiteral("128.0.0.1") << false;
    QTest::newRow("::ffff:10.0.0.1") << QStringLiteral("::ffff:10.0.0.1") << false;
    QTest::newRow("a name") << QStringLiteral("build-box.example") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestEndpoint::loopbackHosts()
{
    QFETCH(QString, host);
    QFETCH(bool, loopback);
    QCOMPARE(http::isLoopbackHost(host), loopback);
}

void TestEndpoint::commandTriggers_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("allow"); // -1 unset, 0 false, 1 true
    QTest::addColumn<bool>("allowed");
    QTest::newRow("loopback, default") << QStringLiteral("127.0.0.1") << -1 << true;
    QTest::newRow("any address, default") << QStringLiteral("0.0.0.0") << -1 << false;
    QTest::newRow("a LAN address, default") << QStringLiteral("192.168.1.10") << -1 << false;
    QTest::newRow("any address, allowed") << QStringLiteral("0.0.0.0") << 1 << true;
    QTest::newRow("loopback, denied") << QStringLiteral("127.0.0.1") << 0 << false;
}

void TestEndpoint::commandTriggers()
{
    QFETCH(QString, host);
    QFETCH(int, allow);
    QFETCH(bool, allowed);
    http::EndpointOptions options;
    options.http.host = host;
    if (allow >= 0) options.allowCommandTriggers = allow == 1;
    const http::Endpoint endpoint(*m_engine, options);

    const Answer created = call(endpoint, "Dynamodesk_20261101.CreateTrigger",
                                R"({"TriggerName": "audit", "TableName": "Orders", "Command": "true"})");
    const Answer listed = call(endpoint, "Dynamodesk_20261101.ListTriggers", "{}");
    QCOMPARE(listed.status, 200);
    if (allowed) {
        QCOMPARE(created.status, 200);
        QCOMPARE(listed.body.value(QLatin1String("Triggers")).toArray().size(), 1);
        return;
    }
    QCOMPARE(created.status, 400);
    QCOMPARE(created.type(), QStringLiteral("AccessDeniedException"));
    QVERIFY2(created.body.value(QLatin1String("Message")).toString().contains(QLatin1String("--allow-command-triggers")),
             QJsonDocument(created.body).toJson().constData());
    QCOMPARE(listed.body.value(QLatin1String("Triggers")).toArray().size(), 0);
}

void TestEndpoint::urlTriggersAlwaysWork()
{
    http::EndpointOptions options;
    options.http.host = QStringLiteral("0.0.0.0");
    const http::Endpoint endpoint(*m_engine, options);
    const Answer created = call(endpoint, "Dynamodesk_20261101.CreateTrigger",
                                R"({"TriggerName": "hook", "TableName": "Orders", "Url": "http://127.0.0.1:9/x", "Enabled": false})");
    QCOMPARE(created.status, 200);
    // Turning it into a command trigger is refused too, and changes nothing.
    const Answer updated = call(endpoint, "Dynamodesk_20261101.UpdateTrigger", R"({"TriggerName": "hook", "Command": "true"})");
    QCOMPARE(updated.status, 400);
    QCOMPARE(updated.type(), QStringLiteral("AccessDeniedException"));
    const Answer described = call(endpoint, "Dynamodesk_20261101.DescribeTrigger", R"({"TriggerName": "hook"})");
    const QJsonObject trigger = described.body.value(QLatin1String("Trigger")).toObject();
    QCOMPARE(trigger.value(QLatin1String("Url")).toString(), QStringLiteral("http://127.0.0.1:9/x"));
    QVERIFY(!trigger.contains(QLatin1String("Command")));
}

// A DAX cluster's endpoint is the path /dax/<name> (the control plane,
// AmazonDAXV3 in JSON 1.1, names it by the Host the caller used); item
// operations sent there go through the cluster, others are refused as the
// DAX client refuses them.
void TestEndpoint::daxClusterPaths_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("type");
    const QByteArray get = "DynamoDB_20120810.GetItem";
    QTest::newRow("the cluster") << QByteArray("/dax/c1") << get << 200 << QString();
    QTest::newRow("a trailing slash") << QByteArray("/dax/c1/") << get << 200 << QString();
    QTest::newRow("upper case and a query") << QByteArray("/dax/C1?x=1") << get << 200 << QString();
    QTest::newRow("percent-encoded") << QByteArray("/dax/%63%31") << get << 200 << QString();
    QTest::newRow("no name") << QByteArray("/dax/") << get << 404 << QString();
    QTest::newRow("no such cluster") << QByteArray("/dax/nope") << get << 400 << QStringLiteral("ResourceNotFoundException");
    QTest::newRow("a table operation") << QByteArray("/dax/c1") << QByteArray("DynamoDB_20120810.DescribeTable") << 400
                                       << QStringLiteral("ValidationException");
    QTest::newRow("another path is the endpoint") << QByteArray("/elsewhere") << QByteArray("DynamoDB_20120810.DescribeTable") << 200
                                                  << QString();
}

void TestEndpoint::daxClusterPaths()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    QFETCH(QString, type);
    const http::Endpoint endpoint(*m_engine, http::EndpointOptions());
    // (A request's headers are views: the target must outlive it.)
    const QByteArray createTarget = "AmazonDAXV3.CreateCluster";
    http::HttpRequest create = request(createTarget,
                                       "{\"ClusterName\": \"c1\", \"NodeType\": \"dax.t3.small\", \"ReplicationFactor\": 1, "
                                       "\"IamRoleArn\": \"arn:aws:iam::000000000000:role/DAX\"}");
    create.headers[0].second = "application/x-amz-json-1.1";
    create.headers.append({"host", "127.0.0.1:9999"});
    const http::HttpResponse created = endpoint.handle(create);
    QVERIFY2(created.status == 200, created.body.constData());
    const QJsonObject cluster = QJsonDocument::fromJson(created.body).object().value(QLatin1String("Cluster")).toObject();
    QCOMPARE(cluster.value(QLatin1String("ClusterDiscoveryEndpoint")).toObject().value(QLatin1String("URL")).toString(),
             QStringLiteral("http://127.0.0.1:9999/dax/c1"));

    http::HttpRequest r = request(target, target.endsWith("GetItem") ? "{\"TableName\": \"Orders\", \"Key\": {\"pk\": {\"S\": \"a\"}}}"
                                                                     : "{\"TableName\": \"Orders\"}");
    r.target = path;
    const http::HttpResponse answer = endpoint.handle(r);
    QCOMPARE(answer.status, status);
    if (!type.isEmpty())
        QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(QLatin1String("__type")).toString().section(u'#', -1), type);
}

QTEST_GUILESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
