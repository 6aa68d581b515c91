// The client side of DynamoDB's JSON 1.0 protocol: targets, how responses
// become ApiResponse values, and which failures are retried. The error
// rules follow botocore (a "__type" cut after '#', "message" or "Message");
// the retry rules its standard mode (throttling codes, 500/502/503/504).
#include "client/jsonprotocol.h"

#include <QtTest>

using dd::client::JsonProtocol;

class TestJsonProtocol : public QObject {
    Q_OBJECT

private slots:
    void targets()
    {
        QCOMPARE(JsonProtocol::target(QStringLiteral("Query")), QByteArray("DynamoDB_20120810.Query"));
        QCOMPARE(JsonProtocol::target(QStringLiteral("Streams.GetShardIterator")), QByteArray("DynamoDBStreams_20120810.GetShardIterator"));
        QCOMPARE(JsonProtocol::target(QStringLiteral("Dynamodesk.ListTriggers")), QByteArray("Dynamodesk_20261101.ListTriggers"));
        // DAX's control plane: the AWS CLI's `aws dax` (botocore's dax model: jsonVersion 1.1, signingName dax).
        QCOMPARE(JsonProtocol::target(QStringLiteral("Dax.CreateCluster")), QByteArray("AmazonDAXV3.CreateCluster"));
        QVERIFY(JsonProtocol::isDaxOperation(QStringLiteral("Dax.DescribeClusters")));
        QVERIFY(!JsonProtocol::isDaxOperation(QStringLiteral("GetItem")));
        QCOMPARE(QByteArray(JsonProtocol::contentTypeOf(QStringLiteral("Dax.DescribeClusters"))), QByteArray("application/x-amz-json-1.1"));
        QCOMPARE(QByteArray(JsonProtocol::contentTypeOf(QStringLiteral("GetItem"))), QByteArray("application/x-amz-json-1.0"));
        QCOMPARE(QByteArray(JsonProtocol::contentTypeOf(QStringLiteral("Streams.GetRecords"))), QByteArray("application/x-amz-json-1.0"));
        QCOMPARE(JsonProtocol::signingNameOf(QStringLiteral("Dax.DescribeClusters")), QStringLiteral("dax"));
        QCOMPARE(JsonProtocol::signingNameOf(QStringLiteral("Streams.GetRecords")), QStringLiteral("dynamodb"));
        QCOMPARE(JsonProtocol::signingNameOf(QStringLiteral("Query")), QStringLiteral("dynamodb"));
    }

    void crc32()
    {
        // zlib's crc32 of these strings.
        QCOMPARE(JsonProtocol::crc32(""), 0u);
        QCOMPARE(JsonProtocol::crc32("123456789"), 0xCBF43926u);
        QCOMPARE(JsonProtocol::crc32("{}"), 2745614147u);
    }

    void parse_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("errorTypeHeader");
        QTest::addColumn<QString>("type");    // empty: success
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("retryable");

        QTest::newRow("ok") << 200 << QByteArray("{\"Count\":1}") << QByteArray() << "" << "" << false;
        QTest::newRow("ok, empty body") << 200 << QByteArray() << QByteArray() << "" << "" << false;
        QTest::newRow("ok, not JSON") << 200 << QByteArray("<html>") << QByteArray() << "NetworkError"
                                      << "The endpoint answered HTTP 200 with a body that is not a JSON object: <html>" << false;
        QTest::newRow("qualified type") << 400 << QByteArray("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\",\"message\":\"Requested resource not found\"}")
                                        << QByteArray() << "ResourceNotFoundException" << "Requested resource not found" << false;
        QTest::newRow("bare type, Message") << 400 << QByteArray("{\"__type\":\"ValidationException\",\"Message\":\"bad\"}")
                                            << QByteArray() << "ValidationException" << "bad" << false;
        QTest::newRow("type from header") << 400 << QByteArray("{\"message\":\"m\"}") << QByteArray("AccessDeniedException:http://internal.amazon.com/coral/")
                                          << "AccessDeniedException" << "m" << false;
        QTest::newRow("throughput exceeded") << 400 << QByteArray("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\",\"message\":\"x\"}")
                                             << QByteArray() << "ProvisionedThroughputExceededException" << "x" << true;
        QTest::newRow("throttling") << 400 << QByteArray("{\"__type\":\"com.amazon.coral.availability#ThrottlingException\",\"message\":\"Rate exceeded\"}")
                                    << QByteArray() << "ThrottlingException" << "Rate exceeded" << true;
        QTest::newRow("request limit") << 400 << QByteArray("{\"__type\":\"RequestLimitExceeded\",\"message\":\"x\"}")
                                       << QByteArray() << "RequestLimitExceeded" << "x" << true;
        QTest::newRow("conditional check") << 400 << QByteArray("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\",\"message\":\"The conditional request failed\"}")
                                           << QByteArray() << "ConditionalCheckFailedException" << "The conditional request failed" << false;
        QTest::newRow("500 JSON") << 500 << QByteArray("{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"boom\"}")
                                  << QByteArray() << "InternalServerError" << "boom" << true;
        QTest::newRow("502 HTML") << 502 << QByteArray("<html>Bad Gateway</html>") << QByteArray() << "ServiceUnavailable"
                                  << "HTTP 502: <html>Bad Gateway</html>" << true;
        QTest::newRow("501 not retried") << 501 << QByteArray() << QByteArray() << "ServiceUnavailable" << "HTTP 501: " << false;
        QTest::newRow("404 empty") << 404 << QByteArray() << QByteArray() << "HttpError" << "HTTP 404: " << false;
    }

    void parse()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, errorTypeHeader);
        QFETCH(QString, type);
        QFETCH(QString, message);
        QFETCH(bool, retryable);

        const auto reply = JsonProtocol::parse(status, body, QByteArray::number(JsonProtocol::crc32(body)), errorTypeHeader);
        QCOMPARE(reply.response.ok(), type.isEmpty());
        if (!type.isEmpty()) {
            QCOMPARE(reply.response.error->type(), type);
            QCOMPARE(reply.response.error->message(), message);
        }
        QCOMPARE(reply.retryable, retryable);
    }

    void extraFields()
    {
        const auto reply = JsonProtocol::parse(400, "{\"__type\":\"x#TransactionCanceledException\",\"message\":\"m\","
                                                    "\"CancellationReasons\":[{\"Code\":\"ConditionalCheckFailed\"}],\"Item\":{\"pk\":{\"S\":\"a\"}}}",
                                               QByteArray());
        const QJsonObject extra = reply.response.error->extra();
        QCOMPARE(extra.keys(), (QStringList{QStringLiteral("CancellationReasons"), QStringLiteral("Item")}));
    }

    void checksum()
    {
        auto reply = JsonProtocol::parse(200, "{}", "2745614147");
        QVERIFY(reply.response.ok());
        reply = JsonProtocol::parse(200, "{}", "1");
        QCOMPARE(reply.response.error->type(), QStringLiteral("NetworkError"));
        QVERIFY(reply.retryable);
        reply = JsonProtocol::parse(200, "{}", "not-a-number");
        QVERIFY(!reply.response.ok());
    }
};

QTEST_APPLESS_MAIN(TestJsonProtocol)
#include "tst_jsonprotocol.moc"
