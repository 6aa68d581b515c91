// DaxServer over real sockets with an in-memory engine: the bytes the JS
// client sends (captured) get the bytes it reads: the preamble is never
// answered, endpoints describes the node, defineKeySchema, putItem and
// getItem answer in the captured shapes, a failed condition is the
// captured error; authorizeConnection sent with a request gets one answer;
// a request arriving a byte at a time is answered; an unknown method is
// answered NotImplemented and the connection closes; a cluster's port
// follows the cluster.
#include "api/engine.h"
#include "daxwire/attributelists.h"
#include "daxwire/cbor.h"
#include "daxwire/daxserver.h"
#include "security/credentials.h"
#include "security/sigv4.h"
#include "cborbuilders.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace dd;
using dd::daxwire::CborScanner;
using dd::daxwire::CborWriter;

using namespace dd::test::cbor;

namespace {

QString s(const char *latin1) { return QString::fromLatin1(latin1); }

const QByteArray kPreamble = hex("674a37796e65354700" "50d316128e10c616227a61204fbe7cdcb7"
                                 "a169557365724167656e74734461784a535633436c69656e742d332e312e3000");
// authorizeConnection(accessKeyId, signature, stringToSign, null token, userAgent).
QByteArray authorize()
{
    QByteArray o;
    CborWriter w(&o);
    w.uint(1);
    w.uint(1489122155);
    w.text(s("AKIDLOCAL"));
    w.text(QString(64, u'0'));
    w.bytes("AWS4-HMAC-SHA256\n20261127T000000Z\n20261127/us-east-1/dax/aws4_request\n" + QByteArray(64, '0'));
    w.null();
    w.text(s("DaxJSV3Client-3.1.0"));
    return o;
}
const QByteArray kAuthorize = authorize();

class Socket {
public:
    explicit Socket(quint16 port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_connected = ::connect(m_fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0;
        timeval tv{5, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    }
    ~Socket() { ::close(m_fd); }
    bool connected() const { return m_connected; }
    void send(const QByteArray &b) { QCOMPARE(::send(m_fd, b.constData(), size_t(b.size()), MSG_NOSIGNAL), ssize_t(b.size())); }
    // The next `n` top-level items, as bytes; fewer if the connection closes or times out.
    QByteArray items(int n)
    {
        CborScanner scanner;
        qsizetype start = 0;
        for (int got = 0; got < n;) {
            const CborScanner::Status st = scanner.scan(m_received);
            if (st == CborScanner::Status::Complete) {
                ++got;
                scanner.reset(scanner.position());
                continue;
            }
            if (st == CborScanner::Status::Invalid || !fill())
                break;
        }
        start = scanner.position();
        const QByteArray out = m_received.left(start);
        m_received.remove(0, start);
        return out;
    }
    // True if the server closed the connection (after anything still unread).
    bool closedByServer()
    {
        while (fill()) {
        }
        return m_closed;
    }

private:
    bool fill()
    {
        char buffer[4096];
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n == 0 || (n < 0 && errno == ECONNRESET)) // a reset if the server closed with bytes unread
            m_closed = true;
        if (n <= 0)
            return false;
        m_received.append(buffer, n);
        return true;
    }
    int m_fd;
    bool m_connected = false;
    bool m_closed = false;
    QByteArray m_received;
};

} // namespace

class TestDaxServer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void endpointsDescribesTheNode();
    void capturedExchange();
    void authorizeIsNeverAnswered();
    void requestArrivingByteByByte();
    void unknownMethodClosesTheConnection();
    void garbageClosesTheConnection();
    void portFollowsTheCluster();
    void checksSignaturesWithUsers();

private:
    QJsonObject call(const char *operation, const char *json);
    quint16 portOf(const QString &cluster) const;

    std::unique_ptr<api::Engine> m_engine;
    std::unique_ptr<daxwire::DaxServer> m_server;
    qint64 m_listId = 0; // [Info, Price, Tags, Year]
};

QJsonObject TestDaxServer::call(const char *operation, const char *json)
{
    const auto r = m_engine->call(api::RequestContext(), QString::fromLatin1(operation), QByteArray(json).replace('\'', '"'));
    if (!r.ok())
        qFatal("%s: %s", operation, qPrintable(r.error().message()));
    return QJsonDocument::fromJson(*r).object();
}

quint16 TestDaxServer::portOf(const QString &cluster) const
{
    for (const auto &served : m_server->served())
        if (served.cluster == cluster)
            return served.port;
    return 0;
}

void TestDaxServer::initTestCase()
{
    api::EngineOptions options;
    options.inMemory = true;
    options.ttlSweepIntervalMs = 0;
    auto engine = api::Engine::open(options);
    QVERIFY(engine.ok());
    m_engine = std::move(*engine);
    call("CreateTable", "{'TableName': 'Music', 'BillingMode': 'PAY_PER_REQUEST', "
                        "'AttributeDefinitions': [{'AttributeName': 'Artist', 'AttributeType': 'S'}, {'AttributeName': 'SongTitle', 'AttributeType': 'S'}], "
                        "'KeySchema': [{'AttributeName': 'Artist', 'KeyType': 'HASH'}, {'AttributeName': 'SongTitle', 'KeyType': 'RANGE'}]}");
    call("Dax.CreateCluster", "{'ClusterName': 'wire', 'NodeType': 'dax.t3.small', 'ReplicationFactor': 1, "
                              "'IamRoleArn': 'arn:aws:iam::000000000000:role/DAX'}");
    daxwire::DaxServerOptions o;
    o.scanIntervalMs = 3600 * 1000; // the test rescans itself
    m_server = std::make_unique<daxwire::DaxServer>(*m_engine, o);
    m_server->start();
    QVERIFY(portOf(s("wire")) > 0);
    m_listId = daxwire::AttributeLists::hashId({s("Info"), s("Price"), s("Tags"), s("Year")});
}

void TestDaxServer::cleanupTestCase()
{
    m_server->stop();
    m_server.reset();
    m_engine.reset();
}

void TestDaxServer::endpointsDescribesTheNode()
{
    Socket c(portOf(s("wire")));
    QVERIFY(c.connected());
    c.send(kPreamble + hex("011a1b2bcf02"));
    const QByteArray answer = c.items(2);
    // 80, then [{0: 1, 1: "127.0.0.1", 2: h'7f000001', 3: port, 4: 1 (leader), 5: zone, 6: session}]
    QByteArray expected = hex("8081a7" "0001" "0169") + QByteArray("127.0.0.1") + hex("02447f000001" "0319");
    expected += char(portOf(s("wire")) >> 8);
    expected += char(portOf(s("wire")) & 0xff);
    expected += hex("0401" "05") + t("us-east-1a");
    QVERIFY2(answer.startsWith(expected), answer.toHex().constData());
    QVERIFY(answer.mid(expected.size()).startsWith(hex("06")));
}

void TestDaxServer::capturedExchange()
{
    Socket c(portOf(s("wire")));
    c.send(kPreamble);
    // defineKeySchema("Music"): hash first.
    c.send(hex("013a2c43e27e454d75736963"));
    QCOMPARE(c.items(2).toHex(), (hex("80a2") + t("Artist") + t("S") + t("SongTitle") + t("S")).toHex());
    // defineAttributeListId(["Info", "Price", "Tags", "Year"])
    c.send(hex("013a495927bb8464496e666f65507269636564546167736459656172"));
    QCOMPARE(c.items(2).toHex(), (hex("80") + i(m_listId)).toHex());
    // putItem("Music", "A"/"S1", item value, {}) as captured, with this server's list id.
    const QByteArray values = hex("a161618301f5f6fb3ff8000000000000d90cf982617861791907cf");
    c.send(hex("013a7d8e7e56454d757369634461415331") + b(i(m_listId) + values) + hex("bfff"));
    QCOMPARE(c.items(2).toHex(), QByteArray("80f6"));
    // getItem("Music", "A"/"S1", {}): {0: item value}; 1.5 comes back as a decimal fraction, never a float.
    c.send(hex("011a0fb0cc6a454d757369634461415331bfff"));
    const QByteArray item = i(m_listId) + hex("a161618301f5f6c482200fd90cf982617861791907cf");
    QCOMPARE(c.items(2).toHex(), (hex("80a100") + b(item)).toHex());
    // getItem of a missing item: an empty map.
    c.send(hex("011a0fb0cc6a454d757369634461415332bfff"));
    QCOMPARE(c.items(2).toHex(), QByteArray("80a0"));
    // putItem with ConditionExpression attribute_not_exists(Artist): the captured error.
    const QByteArray condition = hex("8301820c82126641727469737480"); // [1, [12, [18, "Artist"]], []]
    c.send(hex("013a7d8e7e56454d757369634461415331") + b(hex("01")) + hex("bf04") + b(condition) + hex("ff"));
    QCOMPARE(c.items(3).toHex(),
             (hex("8504182518261827182b781e") + QByteArray("The conditional request failed") + hex("83f6781f") +
              QByteArray("ConditionalCheckFailedException") + hex("190190")).toHex());
    // The connection is still usable.
    c.send(hex("011a0fb0cc6a454d757369634461415332bfff"));
    QCOMPARE(c.items(2).toHex(), QByteArray("80a0"));
}

void TestDaxServer::authorizeIsNeverAnswered()
{
    Socket c(portOf(s("wire")));
    // In one write, as the client flushes them: preamble, authorizeConnection, getItem.
    c.send(kPreamble + kAuthorize + hex("011a0fb0cc6a454d757369634461415332bfff"));
    QCOMPARE(c.items(2).toHex(), QByteArray("80a0"));
    c.send(kAuthorize);
    c.send(hex("011a0fb0cc6a454d757369634461415332bfff"));
    QCOMPARE(c.items(2).toHex(), QByteArray("80a0"));
}

void TestDaxServer::requestArrivingByteByByte()
{
    Socket c(portOf(s("wire")));
    const QByteArray all = kPreamble + hex("011a0fb0cc6a454d757369634461415332bfff");
    for (char b : all)
        c.send(QByteArray(1, b));
    QCOMPARE(c.items(2).toHex(), QByteArray("80a0"));
}

void TestDaxServer::unknownMethodClosesTheConnection()
{
    Socket c(portOf(s("wire")));
    c.send(kPreamble + hex("011a12345678"));
    const QByteArray error = c.items(3);
    QVERIFY2(error.startsWith(hex("840418251826182c")), error.toHex().constData()); // [4, 37, 38, 44]
    QVERIFY(c.closedByServer());
}

void TestDaxServer::garbageClosesTheConnection()
{
    {
        Socket c(portOf(s("wire")));
        c.send(QByteArray("GET / HTTP/1.1\r\n\r\n")); // not the magic
        QVERIFY(c.closedByServer());
    }
    {
        Socket c(portOf(s("wire")));
        c.send(kPreamble + hex("021a1b2bcf02")); // service 2
        QVERIFY(c.closedByServer());
    }
    {
        Socket c(portOf(s("wire")));
        c.send(kPreamble + hex("011a0fb0cc6a1c")); // reserved CBOR
        QVERIFY(c.closedByServer());
    }
    {
        Socket c(portOf(s("wire")));
        c.send(kPreamble + hex("011a0fb0cc6a5a01e00000")); // a 30 MiB table name: beyond any request
        QVERIFY(c.closedByServer());
    }
    Socket c(portOf(s("wire")));
    c.send(kPreamble + hex("011a1b2bcf02"));
    QVERIFY(c.items(2).startsWith(hex("8081")));
}

void TestDaxServer::portFollowsTheCluster()
{
    call("Dax.CreateCluster", "{'ClusterName': 'second', 'NodeType': 'dax.t3.small', 'ReplicationFactor': 1, "
                              "'IamRoleArn': 'arn:aws:iam::000000000000:role/DAX'}");
    m_server->rescan();
    const quint16 port = portOf(s("second"));
    QVERIFY(port > 0);
    QVERIFY(port != portOf(s("wire")));
    // DescribeClusters shows where the DAX clients reach it, as AWS does.
    const auto endpointOf = [this](const char *cluster) {
        const QJsonObject d = call("Dax.DescribeClusters", QByteArray("{'ClusterNames': ['") .append(cluster).append("']}").constData())
                                  .value(s("Clusters")).toArray().at(0).toObject();
        return d.value(s("ClusterDiscoveryEndpoint")).toObject();
    };
    QCOMPARE(endpointOf("second").value(s("URL")).toString(), s("dax://127.0.0.1:%1").arg(port));
    QCOMPARE(endpointOf("second").value(s("Port")).toInt(), int(port));
    QCOMPARE(endpointOf("second").value(s("Address")).toString(), s("127.0.0.1"));
    Socket open(port);
    QVERIFY(open.connected());
    open.send(kPreamble);
    call("Dax.DeleteCluster", "{'ClusterName': 'second'}");
    m_server->rescan();
    QCOMPARE(portOf(s("second")), quint16(0));
    QVERIFY(open.closedByServer()); // its connections close too
    call("Dax.CreateCluster", "{'ClusterName': 'second', 'NodeType': 'dax.t3.small', 'ReplicationFactor': 1, "
                              "'IamRoleArn': 'arn:aws:iam::000000000000:role/DAX'}");
    QVERIFY(endpointOf("second").value(s("URL")).toString().startsWith(s("http://"))); // not served (yet): the HTTP path
    call("Dax.DeleteCluster", "{'ClusterName': 'second'}");
    QVERIFY(!Socket(port).connected());
}

// authorizeConnection signed now with `secret`, as the DAX clients sign it.
QByteArray signedAuthorize(const char *key, const char *secret)
{
    const QByteArray stamp = security::SigV4::timestamp(QDateTime::currentDateTimeUtc());
    const QByteArray canonical = "POST\n/\n\nhost:dax.amazonaws.com\nx-amz-date:" + stamp + "\n\nhost;x-amz-date\n" +
                                 QCryptographicHash::hash(QByteArray(), QCryptographicHash::Sha256).toHex();
    const QByteArray toSign = "AWS4-HMAC-SHA256\n" + stamp + "\n" + stamp.left(8) + "/us-east-1/dax/aws4_request\n" +
                              QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex();
    QByteArray o;
    CborWriter w(&o);
    w.uint(1);
    w.uint(1489122155);
    w.text(s(key));
    w.text(QString::fromLatin1(security::SigV4::signature(canonical, s(secret), stamp, s("us-east-1"), s("dax"))));
    w.bytes(toSign);
    w.null();
    w.text(s("DaxJSV3Client-3.1.0"));
    return o;
}

void TestDaxServer::checksSignaturesWithUsers()
{
    daxwire::DaxServerOptions o;
    o.scanIntervalMs = 3600 * 1000;
    o.credentials = security::Credentials::fromJson(
                        QByteArray("{'Users': [{'UserName': 'app', 'AccessKeyId': 'AKIDAPP', 'SecretAccessKey': 'right'},"
                                   "{'UserName': 'reader', 'AccessKeyId': 'AKIDREADER', 'SecretAccessKey': 'r', 'Policy': {'Version': '2012-10-17',"
                                   "'Statement': [{'Effect': 'Allow', 'Action': 'dax:GetItem', 'Resource': '*'}]}}]}")
                            .replace('\'', '"'))
                        .value();
    daxwire::DaxServer checking(*m_engine, o);
    checking.start();
    const quint16 port = checking.served().at(0).port;
    const QByteArray get = hex("011a0fb0cc6a454d757369634461415332bfff");
    Socket c(port);
    c.send(kPreamble + get); // before any authorizeConnection
    QVERIFY2(c.items(3).startsWith(hex("840417181f1821")), "AuthenticationRequired: [4, 23, 31, 33]");
    c.send(signedAuthorize("AKIDAPP", "wrong") + get);
    const QByteArray invalid = c.items(3);
    QVERIFY2(invalid.startsWith(hex("840417181f1822")), invalid.toHex().constData()); // [4, 23, 31, 34]
    QVERIFY(invalid.contains("InvalidSignatureException"));
    c.send(signedAuthorize("AKIDNOBODY", "x") + get);
    QVERIFY(c.items(3).startsWith(hex("840417181f1820"))); // [4, 23, 31, 32]
    c.send(signedAuthorize("AKIDAPP", "right") + get);
    QCOMPARE(c.items(2).toHex(), QByteArray("80a0"));

    Socket reader(port);
    reader.send(kPreamble + signedAuthorize("AKIDREADER", "r") + get);
    QCOMPARE(reader.items(2).toHex(), QByteArray("80a0"));
    reader.send(hex("013a7d8e7e56454d757369634461415339") + b(hex("01")) + hex("bfff")); // putItem
    const QByteArray denied = reader.items(3);
    QVERIFY2(denied.startsWith(hex("8404182518261827")) && denied.contains("AccessDeniedException") && denied.contains("dax:PutItem"),
             denied.constData());
    checking.stop();
}

QTEST_APPLESS_MAIN(TestDaxServer)
#include "tst_daxserver.moc"
