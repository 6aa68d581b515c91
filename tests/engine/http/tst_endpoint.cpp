// Endpoint: which callers may create command triggers. A Command runs a
// shell command as the server, so an endpoint reachable from other machines
// refuses it unless told otherwise (EndpointOptions::allowCommandTriggers).
// Requests go through Endpoint::handle, the server's own handler, against a
// real in-memory engine; the answer to an oversized request, which the
// server writes before any handler runs, over a socket.
#include "api/engine.h"
#include "http/endpoint.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <thread>

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

// Sends `bytes` to 127.0.0.1:port and returns all it answers until it
// closes the connection (empty after 5 s without it).
QByteArray exchange(quint16 port, const QByteArray &bytes)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) < 0) {
        if (fd >= 0) ::close(fd);
        return {};
    }
    // The server may answer and close before all is sent: write on a thread.
    std::thread writer([fd, &bytes] {
        for (qsizetype done = 0; done < bytes.size();) {
            const ssize_t n = ::send(fd, bytes.constData() + done, size_t(bytes.size() - done), MSG_NOSIGNAL);
            if (n <= 0) break;
            done += n;
        }
        ::shutdown(fd, SHUT_WR); // the server need not wait for more
    });
    QByteArray answer;
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        const int left = int(5000 - clock.elapsed());
        if (left <= 0 || ::poll(&p, 1, left) <= 0) {
            answer.clear();
            break;
        }
        char buf[4096];
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) break;
        answer.append(buf, n);
    }
    ::shutdown(fd, SHUT_RDWR); // ends a writer still blocked in send()
    writer.join();
    ::close(fd);
    return answer;
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
    void oversizedRequest_data();
    void oversizedRequest();

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

// A body over the limit is answered 413 with an error body as DynamoDB
// writes its others (JSON, __type and message), not the server's plain text.
void TestEndpoint::oversizedRequest_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QString>("message");
    const QByteArray head = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n";
    const QByteArray body = "{\"TableName\": \"" + QByteArray(2000, 'x') + "\"}";
    QTest::newRow("content-length")
        << head + "X-Amz-Target: DynamoDB_20120810.DescribeTable\r\nContent-Length: " + QByteArray::number(body.size())
               + "\r\n\r\n" + body
        << QStringLiteral("Request must be smaller than 1024 bytes for the DescribeTable operation");
    QTest::newRow("chunked")
        << head + "X-Amz-Target: DynamoDBStreams_20120810.GetRecords\r\nTransfer-Encoding: chunked\r\n\r\n"
               + QByteArray::number(body.size(), 16) + "\r\n" + body + "\r\n0\r\n\r\n"
        << QStringLiteral("Request must be smaller than 1024 bytes for the GetRecords operation");
    QTest::newRow("no target") << head + "Content-Length: 5000\r\n\r\n"
                               << QStringLiteral("Request must be smaller than 1024 bytes");
}

void TestEndpoint::oversizedRequest()
{
    QFETCH(QByteArray, request);
    QFETCH(QString, message);
    http::EndpointOptions options;
    options.http.port = 0;
    options.http.threads = 1;
    options.http.maxBodyBytes = 1024;
    http::Endpoint endpoint(*m_engine, options);
    QString error;
    QVERIFY2(endpoint.start(&error), qPrintable(error));
    const QByteArray answer = exchange(endpoint.port(), request);
    const qsizetype headEnd = answer.indexOf("\r\n\r\n");
    QVERIFY2(headEnd > 0, answer.constData());
    const QList<QByteArray> lines = answer.left(headEnd).split('\n');
    const auto hasLine = [&lines](const char *line) {
        return std::any_of(lines.begin(), lines.end(), [line](const QByteArray &l) { return l.trimmed() == line; });
    };
    QCOMPARE(lines.value(0).trimmed(), QByteArray("HTTP/1.1 413 Request Entity Too Large"));
    QVERIFY(hasLine("Content-Type: application/x-amz-json-1.0"));
    QVERIFY(hasLine("Connection: close"));
    QJsonParseError parsed;
    const QJsonObject body = QJsonDocument::fromJson(answer.mid(headEnd + 4), &parsed).object();
    QVERIFY2(parsed.error == QJsonParseError::NoError, answer.constData());
    QCOMPARE(body.value(QLatin1String("__type")).toString(),
             QStringLiteral("com.amazonaws.dynamodb.v20120810#RequestEntityTooLargeException"));
    QCOMPARE(body.value(QLatin1String("message")).toString(), message);
}

QTEST_GUILESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
