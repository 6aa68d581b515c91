// HttpClient against the real dynamodesk-server (started per test run with
// --in-memory --port 0): table and item calls, DynamoDB's errors with AWS's
// messages, many calls at once from several threads, and DAX: its control
// plane (AmazonDAXV3 in JSON 1.1, signed for "dax", on AWS at
// dax.<region>.amazonaws.com) and a client through a cluster (item
// operations to /dax/<name>, stale reads after a write around it, the rest
// straight to the endpoint). Retries, timeouts
// and checksums run against FakeEndpoint, a small QTcpServer in this test
// that answers with scripted HTTP responses.
#include "client/httpclient.h"
#include "client/jsonprotocol.h"

#include <QJsonArray>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QtTest>

#include <atomic>

using dd::client::ApiResponse;
using dd::client::HttpClient;
using dd::client::JsonProtocol;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

// For QVERIFY2, whose message is evaluated even when the check passes.
QString describe(const ApiResponse &r)
{
    return r.ok() ? QString() : r.error->type() + QStringLiteral(": ") + r.error->message();
}

QByteArray httpResponse(int status, const QByteArray &body, const QByteArray &crc = QByteArray())
{
    QByteArray r = "HTTP/1.1 " + QByteArray::number(status) + (status == 200 ? " OK" : " Error") + "\r\n";
    r += "Content-Type: application/x-amz-json-1.0\r\n";
    r += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    r += "x-amz-crc32: " + (crc.isEmpty() ? QByteArray::number(JsonProtocol::crc32(body)) : crc) + "\r\n\r\n";
    return r + body;
}

// Answers each request with the next scripted response (the last one
// repeats); an empty response means "never answer". Records the requests'
// header blocks. Lives on the test's thread, so tests wait with QTRY_*.
class FakeEndpoint : public QTcpServer {
public:
    QList<QByteArray> script;
    QList<QByteArray> requests; // header blocks, in arrival order

    FakeEndpoint() { QVERIFY(listen(QHostAddress::LocalHost)); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }

protected:
    void incomingConnection(qintptr fd) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(fd);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            for (;;) {
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0) return;
                const QByteArray head = buffer->left(end);
                qsizetype length = 0;
                for (const QByteArray &line : head.split('\n'))
                    if (line.toLower().startsWith("content-length:")) length = line.mid(15).trimmed().toLongLong();
                if (buffer->size() < end + 4 + length) return;
                buffer->remove(0, end + 4 + length);
                const QByteArray answer = script.value(std::min<qsizetype>(requests.size(), script.size() - 1));
                requests.append(head);
                if (!answer.isEmpty()) socket->write(answer);
            }
        });
    }
};

} // namespace

class TestHttpClient : public QObject {
    Q_OBJECT

    QProcess m_server;
    QUrl m_url;

    HttpClient::Config fast(const QUrl &url, int attempts = 3)
    {
        HttpClient::Config c = HttpClient::Config::local(url);
        c.maxAttempts = attempts;
        c.retryBaseDelayMs = 5;
        c.timeoutMs = 10000;
        return c;
    }

    // Waits for `future` while this thread's event loop (FakeEndpoint) runs.
    static ApiResponse await(QFuture<ApiResponse> future)
    {
        (void)QTest::qWaitFor([&] { return future.isFinished(); }, 30000);
        return future.isFinished() ? future.result() : ApiResponse{{}, dd::ApiError(QStringLiteral("TestTimeout"), QString()), 0};
    }

private slots:
    void initTestCase()
    {
        QString path = qEnvironmentVariable("DYNAMODESK_SERVER");
        if (path.isEmpty()) path = QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/dynamodesk-server");
        if (!QFileInfo::exists(path))
            QFAIL(qPrintable(QStringLiteral("dynamodesk-server not found at %1: build the target dynamodesk-server or set DYNAMODESK_SERVER").arg(path)));
        m_server.setProcessChannelMode(QProcess::SeparateChannels);
        m_server.start(path, {QStringLiteral("--in-memory"), QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY2(m_server.waitForStarted(), qPrintable(m_server.errorString()));
        QByteArray line;
        while (!line.contains('\n') && m_server.waitForReadyRead(20000)) line += m_server.readAllStandardOutput();
        // "Dynamodesk 0.1.0 listening on http://127.0.0.1:PORT (in memory)"
        static const QRegularExpression re(QStringLiteral(R"(listening on (http://[^ ]+))"));
        const QRegularExpressionMatch m = re.match(QString::fromUtf8(line));
        QVERIFY2(m.hasMatch(), line.constData());
        m_url = QUrl(m.captured(1));
        QVERIFY(m_url.port() > 0);
    }

    void cleanupTestCase()
    {
        if (m_server.state() == QProcess::Running) {
            m_server.terminate();
            if (!m_server.waitForFinished(10000)) m_server.kill();
        }
    }

    void config()
    {
        HttpClient local(HttpClient::Config::local(QUrl(QStringLiteral("http://127.0.0.1:8000"))));
        QCOMPARE(local.displayName(), QStringLiteral("http://127.0.0.1:8000"));
        QCOMPARE(local.endpointFor(QStringLiteral("Streams.GetRecords")), QUrl(QStringLiteral("http://127.0.0.1:8000/")));

        dd::client::AwsProfile profile;
        profile.name = QStringLiteral("work");
        profile.region = QStringLiteral("eu-west-1");
        HttpClient aws(HttpClient::Config::fromProfile(profile));
        QCOMPARE(aws.displayName(), QStringLiteral("AWS eu-west-1 (profile work)"));
        QCOMPARE(aws.region(), QStringLiteral("eu-west-1"));
        QCOMPARE(aws.endpointFor(QStringLiteral("Query")), QUrl(QStringLiteral("https://dynamodb.eu-west-1.amazonaws.com/")));
        QCOMPARE(aws.endpointFor(QStringLiteral("Streams.GetRecords")), QUrl(QStringLiteral("https://streams.dynamodb.eu-west-1.amazonaws.com/")));
        QCOMPARE(HttpClient::awsEndpoint(QStringLiteral("cn-north-1")), QUrl(QStringLiteral("https://dynamodb.cn-north-1.amazonaws.com.cn")));
        // DAX's control plane has its own host on AWS, the endpoint's URL elsewhere.
        QCOMPARE(aws.endpointFor(QStringLiteral("Dax.DescribeClusters")), QUrl(QStringLiteral("https://dax.eu-west-1.amazonaws.com/")));
        QCOMPARE(local.endpointFor(QStringLiteral("Dax.DescribeClusters")), QUrl(QStringLiteral("http://127.0.0.1:8000/")));
        profile.region = QStringLiteral("cn-north-1");
        HttpClient china(HttpClient::Config::fromProfile(profile));
        QCOMPARE(china.endpointFor(QStringLiteral("Dax.CreateCluster")), QUrl(QStringLiteral("https://dax.cn-north-1.amazonaws.com.cn/")));

        // Through a DAX cluster: exactly the item operations go to /dax/<name>.
        const auto routed = local.throughDaxCluster(QStringLiteral("orders-cache"));
        auto *cluster = dynamic_cast<HttpClient *>(routed.get());
        QVERIFY(cluster);
        QCOMPARE(cluster->config().daxCluster, QStringLiteral("orders-cache"));
        QCOMPARE(cluster->displayName(), QStringLiteral("http://127.0.0.1:8000, DAX cluster orders-cache"));
        for (const char *op : {"GetItem", "BatchGetItem", "Query", "Scan", "PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
                               "TransactWriteItems", "TransactGetItems"})
            QCOMPARE(cluster->endpointFor(QLatin1String(op)), QUrl(QStringLiteral("http://127.0.0.1:8000/dax/orders-cache")));
        for (const char *op : {"DescribeTable", "ListTables", "CreateTable", "ExecuteStatement", "Streams.GetRecords",
                               "Dax.DescribeClusters", "Dynamodesk.DescribeClusterMetrics"})
            QCOMPARE(cluster->endpointFor(QLatin1String(op)), QUrl(QStringLiteral("http://127.0.0.1:8000/")));
        QCOMPARE(local.endpointFor(QStringLiteral("GetItem")), QUrl(QStringLiteral("http://127.0.0.1:8000/")));
        // A path or query of the endpoint's URL is replaced.
        HttpClient::Config withPath = HttpClient::Config::local(QUrl(QStringLiteral("http://127.0.0.1:8000/base?x=1")));
        withPath.daxCluster = QStringLiteral("c");
        QCOMPARE(HttpClient(withPath).endpointFor(QStringLiteral("Query")), QUrl(QStringLiteral("http://127.0.0.1:8000/dax/c")));
        // No cluster: nothing routed, and the same display name.
        const auto none = cluster->throughDaxCluster(QString());
        QCOMPARE(none->displayName(), QStringLiteral("http://127.0.0.1:8000"));
        QCOMPARE(dynamic_cast<HttpClient *>(none.get())->endpointFor(QStringLiteral("GetItem")), QUrl(QStringLiteral("http://127.0.0.1:8000/")));

        // No keys: every call says so, without touching the network.
        const ApiResponse r = aws.callSync(QStringLiteral("ListTables"), {});
        QCOMPARE(r.error->type(), QStringLiteral("NoCredentials"));
    }

    void tableAndItems()
    {
        HttpClient client(HttpClient::Config::local(m_url));
        ApiResponse r = client.callSync(QStringLiteral("CreateTable"), json(R"({
            "TableName": "Music",
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "BillingMode": "PAY_PER_REQUEST"})"));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.body[QStringLiteral("TableDescription")][QStringLiteral("TableName")].toString(), QStringLiteral("Music"));
        QVERIFY(r.latencyMs > 0);

        r = client.call(QStringLiteral("PutItem"), json(R"({"TableName": "Music",
            "Item": {"pk": {"S": "caf\u00e9 \u4e16\u754c"}, "n": {"N": "12345678901234567890.5"}, "b": {"B": "AAE="}}})")).result();
        QVERIFY2(r.ok(), qPrintable(describe(r)));

        r = client.call(QStringLiteral("GetItem"), json(R"({"TableName": "Music", "Key": {"pk": {"S": "caf\u00e9 \u4e16\u754c"}}})")).result();
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.body[QStringLiteral("Item")].toObject(),
                 json(R"({"pk": {"S": "caf\u00e9 \u4e16\u754c"}, "n": {"N": "12345678901234567890.5"}, "b": {"B": "AAE="}})"));

        r = client.callSync(QStringLiteral("ListTables"), {});
        QCOMPARE(r.body[QStringLiteral("TableNames")].toArray(), QJsonArray{QStringLiteral("Music")});
    }

    void dynamoErrors()
    {
        HttpClient client(HttpClient::Config::local(m_url));
        ApiResponse r = client.callSync(QStringLiteral("GetItem"), json(R"({"TableName": "Missing", "Key": {"pk": {"S": "a"}}})"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error->type(), QStringLiteral("ResourceNotFoundException"));
        QCOMPARE(r.error->message(), QStringLiteral("Requested resource not found"));

        r = client.callSync(QStringLiteral("DescribeTable"), json(R"({"TableName": "Missing"})"));
        QCOMPARE(r.error->type(), QStringLiteral("ResourceNotFoundException"));
        QCOMPARE(r.error->message(), QStringLiteral("Requested resource not found: Table: Missing not found"));

        r = client.callSync(QStringLiteral("NoSuchOperation"), {});
        QCOMPARE(r.error->type(), QStringLiteral("UnknownOperationException"));

        r = client.callSync(QStringLiteral("GetItem"), json(R"({"TableName": "x"})"));
        QCOMPARE(r.error->type(), QStringLiteral("ValidationException"));
    }

    void transportErrors()
    {
        // A port that nobody listens on: refused at once, on every attempt.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QUrl closed(QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort()));
        probe.close();
        HttpClient client(fast(closed, 2));
        const ApiResponse r = client.callSync(QStringLiteral("ListTables"), {});
        QCOMPARE(r.error->type(), QStringLiteral("NetworkError"));
        QVERIFY2(r.error->message().contains(QStringLiteral("refused"), Qt::CaseInsensitive), qPrintable(describe(r)));
    }

    void manyThreadsAtOnce()
    {
        HttpClient client(HttpClient::Config::local(m_url));
        ApiResponse r = client.callSync(QStringLiteral("CreateTable"), json(R"({
            "TableName": "Concurrent",
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "BillingMode": "PAY_PER_REQUEST"})"));
        QVERIFY2(r.ok(), qPrintable(describe(r)));

        constexpr int kThreads = 6;
        constexpr int kPerThread = 40;
        std::atomic<int> failures{0};
        QList<QThread *> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.append(QThread::create([&client, &failures, t] {
                // Half the calls in flight together, half one after another.
                QList<QFuture<ApiResponse>> futures;
                for (int i = 0; i < kPerThread; ++i) {
                    QJsonObject item{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), QStringLiteral("%1-%2").arg(t).arg(i)}}}};
                    const QJsonObject request{{QStringLiteral("TableName"), QStringLiteral("Concurrent")}, {QStringLiteral("Item"), item}};
                    if (i % 2) futures.append(client.call(QStringLiteral("PutItem"), request));
                    else if (!client.callSync(QStringLiteral("PutItem"), request).ok()) ++failures;
                }
                for (auto &f : futures)
                    if (!f.result().ok()) ++failures;
            }));
            threads.last()->start();
        }
        for (QThread *t : threads) {
            QVERIFY(t->wait(60000));
            delete t;
        }
        QCOMPARE(failures.load(), 0);

        // Every item arrived: read them back, all in flight at once.
        QList<QFuture<ApiResponse>> reads;
        for (int t = 0; t < kThreads; ++t) {
            for (int i = 0; i < kPerThread; ++i) {
                const QJsonObject key{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), QStringLiteral("%1-%2").arg(t).arg(i)}}}};
                reads.append(client.call(QStringLiteral("GetItem"), {{QStringLiteral("TableName"), QStringLiteral("Concurrent")}, {QStringLiteral("Key"), key}}));
            }
        }
        for (auto &f : reads) {
            const ApiResponse read = f.result();
            QVERIFY2(read.ok(), qPrintable(describe(read)));
            QVERIFY(read.body.contains(QStringLiteral("Item")));
        }
    }

    void retriesServerErrors()
    {
        FakeEndpoint fake;
        fake.script = {httpResponse(500, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"Internal server error\"}"),
                       httpResponse(500, "<html>oops</html>"),
                       httpResponse(200, R"({"TableNames":["A"]})")};
        HttpClient client(fast(fake.url()));
        const ApiResponse r = await(client.call(QStringLiteral("ListTables"), {}));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.body, json(R"({"TableNames":["A"]})"));
        QCOMPARE(fake.requests.size(), 3);
        // Every attempt is signed on its own.
        for (const QByteArray &head : fake.requests) {
            QVERIFY(head.startsWith("POST / HTTP/1.1"));
            QVERIFY(head.contains("X-Amz-Target: DynamoDB_20120810.ListTables"));
            QVERIFY(head.contains("Content-Type: application/x-amz-json-1.0"));
            QVERIFY(head.contains("Authorization: AWS4-HMAC-SHA256 Credential=dynamodesk/"));
            QVERIFY(head.contains("/us-east-1/dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature="));
            QVERIFY(head.contains("Host: " + fake.url().authority().toLatin1()));
        }
    }

    void givesUpAfterMaxAttempts()
    {
        FakeEndpoint fake;
        fake.script = {httpResponse(503, "Service Unavailable")};
        HttpClient client(fast(fake.url(), 4));
        const ApiResponse r = await(client.call(QStringLiteral("ListTables"), {}));
        QCOMPARE(r.error->type(), QStringLiteral("ServiceUnavailable"));
        QCOMPARE(r.error->message(), QStringLiteral("HTTP 503: Service Unavailable"));
        QCOMPARE(fake.requests.size(), 4);
    }

    void retriesThrottling()
    {
        FakeEndpoint fake;
        fake.script = {httpResponse(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\",\"message\":\"slow down\"}"),
                       httpResponse(400, "{\"__type\":\"com.amazon.coral.availability#ThrottlingException\",\"Message\":\"Rate exceeded\"}"),
                       httpResponse(200, "{}")};
        HttpClient client(fast(fake.url()));
        const ApiResponse r = await(client.call(QStringLiteral("PutItem"), {}));
        QVERIFY(r.ok());
        QCOMPARE(fake.requests.size(), 3);
    }

    void doesNotRetryClientErrors()
    {
        FakeEndpoint fake;
        fake.script = {httpResponse(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\",\"message\":\"Transaction cancelled\",\"CancellationReasons\":[{\"Code\":\"None\"}]}")};
        HttpClient client(fast(fake.url()));
        const ApiResponse r = await(client.call(QStringLiteral("TransactWriteItems"), {}));
        QCOMPARE(r.error->type(), QStringLiteral("TransactionCanceledException"));
        QCOMPARE(r.error->message(), QStringLiteral("Transaction cancelled"));
        QCOMPARE(r.error->extra().value(QStringLiteral("CancellationReasons")).toArray().size(), 1);
        QCOMPARE(fake.requests.size(), 1);
    }

    void retriesChecksumMismatch()
    {
        FakeEndpoint fake;
        fake.script = {httpResponse(200, R"({"Count":1})", "12345"), httpResponse(200, R"({"Count":2})")};
        HttpClient client(fast(fake.url()));
        ApiResponse r = await(client.call(QStringLiteral("Scan"), {}));
        QCOMPARE(r.body, json(R"({"Count":2})"));
        QCOMPARE(fake.requests.size(), 2);

        FakeEndpoint bad;
        bad.script = {httpResponse(200, R"({"Count":1})", "12345")};
        HttpClient once(fast(bad.url(), 1));
        r = await(once.call(QStringLiteral("Scan"), {}));
        QCOMPARE(r.error->type(), QStringLiteral("NetworkError"));
        QVERIFY(r.error->message().contains(QStringLiteral("x-amz-crc32")));
    }

    void timesOut()
    {
        FakeEndpoint fake;
        fake.script = {QByteArray()}; // never answers
        HttpClient::Config c = fast(fake.url(), 2);
        c.timeoutMs = 200;
        HttpClient client(c);
        const ApiResponse r = await(client.call(QStringLiteral("ListTables"), {}));
        QCOMPARE(r.error->type(), QStringLiteral("NetworkError"));
        QVERIFY2(r.error->message().contains(QStringLiteral("within 200 ms")), qPrintable(describe(r)));
        QCOMPARE(fake.requests.size(), 2);
    }

    void streamsTarget()
    {
        FakeEndpoint fake;
        fake.script = {httpResponse(200, R"({"Streams":[]})")};
        HttpClient client(fast(fake.url()));
        const ApiResponse r = await(client.call(QStringLiteral("Streams.ListStreams"), {}));
        QVERIFY(r.ok());
        QVERIFY(fake.requests.value(0).contains("X-Amz-Target: DynamoDBStreams_20120810.ListStreams"));
    }

    void daxOnTheWire()
    {
        FakeEndpoint fake;
        fake.script = {httpResponse(200, "{}")};
        HttpClient client(fast(fake.url()));
        QVERIFY(await(client.call(QStringLiteral("Dax.DescribeClusters"), {})).ok());
        // AWS's DAX API: JSON 1.1, AmazonDAXV3, signed for the service "dax".
        const QByteArray control = fake.requests.value(0);
        QVERIFY2(control.startsWith("POST / HTTP/1.1"), control.constData());
        QVERIFY2(control.contains("X-Amz-Target: AmazonDAXV3.DescribeClusters"), control.constData());
        QVERIFY2(control.contains("Content-Type: application/x-amz-json-1.1"), control.constData());
        QVERIFY2(control.contains("/us-east-1/dax/aws4_request"), control.constData());

        // An item operation through a cluster: DynamoDB's protocol on the cluster's path.
        const auto routed = client.throughDaxCluster(QStringLiteral("orders-cache"));
        QVERIFY(await(routed->call(QStringLiteral("GetItem"), json("{\"TableName\":\"T\",\"Key\":{\"pk\":{\"S\":\"a\"}}}"))).ok());
        const QByteArray item = fake.requests.value(1);
        QVERIFY2(item.startsWith("POST /dax/orders-cache HTTP/1.1"), item.constData());
        QVERIFY2(item.contains("X-Amz-Target: DynamoDB_20120810.GetItem"), item.constData());
        QVERIFY2(item.contains("Content-Type: application/x-amz-json-1.0"), item.constData());
        QVERIFY2(item.contains("/us-east-1/dynamodb/aws4_request"), item.constData());
        // Anything else through that client: straight to the endpoint.
        QVERIFY(await(routed->call(QStringLiteral("DescribeTable"), json("{\"TableName\":\"T\"}"))).ok());
        QVERIFY2(fake.requests.value(2).startsWith("POST / HTTP/1.1"), fake.requests.value(2).constData());
    }

    // A dynamodesk-server's DAX: the control plane through HttpClient, and a
    // client through the cluster that reads stale items after a write around it.
    void throughDaxClusterOfAServer()
    {
        HttpClient direct(HttpClient::Config::local(m_url));
        ApiResponse r = direct.callSync(QStringLiteral("CreateTable"),
                                        json("{\"TableName\": \"Cached\", \"BillingMode\": \"PAY_PER_REQUEST\","
                                             " \"AttributeDefinitions\": [{\"AttributeName\": \"pk\", \"AttributeType\": \"S\"}],"
                                             " \"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}]}"));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        r = direct.callSync(QStringLiteral("Dax.CreateCluster"),
                            QJsonObject{{QStringLiteral("ClusterName"), QStringLiteral("wire-cache")}, {QStringLiteral("NodeType"), QStringLiteral("dax.t3.small")},
                                        {QStringLiteral("ReplicationFactor"), 1},
                                        {QStringLiteral("IamRoleArn"), QStringLiteral("arn:aws:iam::000000000000:role/DAXServiceRole")}});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QJsonObject cluster = r.body.value(QStringLiteral("Cluster")).toObject();
        QCOMPARE(cluster.value(QStringLiteral("ClusterDiscoveryEndpoint")).toObject().value(QStringLiteral("URL")).toString(),
                 m_url.toString() + QStringLiteral("/dax/wire-cache"));
        r = direct.callSync(QStringLiteral("Dax.CreateCluster"), QJsonObject{{QStringLiteral("ClusterName"), QStringLiteral("wire-cache")},
                                                                             {QStringLiteral("NodeType"), QStringLiteral("dax.t3.small")},
                                                                             {QStringLiteral("ReplicationFactor"), 1},
                                                                             {QStringLiteral("IamRoleArn"), QStringLiteral("arn:aws:iam::000000000000:role/R")}});
        QCOMPARE(r.error.value_or(dd::ApiError(QString(), QString())).type(), QStringLiteral("ClusterAlreadyExistsFault"));

        const auto put = [&](dd::client::Client &client, int v) {
            const ApiResponse p = client.callSync(QStringLiteral("PutItem"),
                QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Cached")},
                            {QStringLiteral("Item"), QJsonObject{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), QStringLiteral("a")}}},
                                                                 {QStringLiteral("v"), QJsonObject{{QStringLiteral("N"), QString::number(v)}}}}}});
            QVERIFY2(p.ok(), qPrintable(describe(p)));
        };
        const auto value = [&](dd::client::Client &client) {
            const ApiResponse g = client.callSync(QStringLiteral("GetItem"),
                QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Cached")},
                            {QStringLiteral("Key"), QJsonObject{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), QStringLiteral("a")}}}}}});
            if (!g.ok())
                return describe(g);
            return g.body.value(QStringLiteral("Item")).toObject().value(QStringLiteral("v")).toObject().value(QStringLiteral("N")).toString();
        };
        const auto routed = direct.throughDaxCluster(QStringLiteral("wire-cache"));
        put(direct, 1);
        QCOMPARE(value(*routed), QStringLiteral("1"));
        put(direct, 2); // around the cluster: unseen through it for record-ttl-millis (5 minutes)
        QCOMPARE(value(*routed), QStringLiteral("1"));
        QCOMPARE(value(direct), QStringLiteral("2"));
        put(*routed, 3); // through it: seen at once
        QCOMPARE(value(*routed), QStringLiteral("3"));
        // What DAX does not serve goes to DynamoDB itself.
        r = routed->callSync(QStringLiteral("DescribeTable"), json("{\"TableName\": \"Cached\"}"));
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        r = routed->callSync(QStringLiteral("Dax.DescribeClusters"), {});
        QVERIFY2(r.ok(), qPrintable(describe(r)));

        r = direct.callSync(QStringLiteral("Dynamodesk.DescribeClusterMetrics"), QJsonObject{{QStringLiteral("ClusterName"), QStringLiteral("wire-cache")}});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        const QJsonObject metrics = r.body.value(QStringLiteral("Metrics")).toObject();
        QCOMPARE(metrics.value(QStringLiteral("TotalRequestCount")).toInteger(), 4);
        QCOMPARE(metrics.value(QStringLiteral("ItemCacheHits")).toInteger(), 2);
        QCOMPARE(metrics.value(QStringLiteral("ItemCacheMisses")).toInteger(), 1);

        r = direct.callSync(QStringLiteral("Dax.DeleteCluster"), QJsonObject{{QStringLiteral("ClusterName"), QStringLiteral("wire-cache")}});
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(value(*routed).section(QLatin1Char(':'), 0, 0), QStringLiteral("ResourceNotFoundException"));
    }

    void sessionTokenIsSent()
    {
        FakeEndpoint fake;
        fake.script = {httpResponse(200, "{}")};
        HttpClient::Config c = fast(fake.url());
        c.credentials.sessionToken = QStringLiteral("TOKEN123");
        HttpClient client(c);
        QVERIFY(await(client.call(QStringLiteral("ListTables"), {})).ok());
        QVERIFY(fake.requests.value(0).contains("X-Amz-Security-Token: TOKEN123"));
        QVERIFY(fake.requests.value(0).contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target"));
    }

    void destroyingFinishesPendingCalls()
    {
        FakeEndpoint fake;
        fake.script = {QByteArray()};
        QFuture<ApiResponse> future;
        {
            HttpClient client(fast(fake.url()));
            future = client.call(QStringLiteral("ListTables"), {});
            QTRY_COMPARE(fake.requests.size(), 1);
        }
        QVERIFY(future.isFinished());
        QCOMPARE(future.result().error->message(), QStringLiteral("The client was closed"));
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
