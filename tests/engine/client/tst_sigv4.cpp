// SigV4 must sign exactly as botocore does: DynamoDB (and every endpoint
// that checks signatures) recomputes the signature from the request, and
// botocore is the reference client. Each case signs the same request with
// SigV4::sign and with botocore.auth.SigV4Auth (python3-botocore, run
// through QProcess at the same fixed time) and compares the headers and the
// canonical request byte for byte.
#include "security/sigv4.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using dd::security::AwsCredentials;
using dd::security::SigV4;

namespace {

using Headers = QList<std::pair<QByteArray, QByteArray>>;

// Reads one request as JSON on stdin, signs it with botocore at the given
// time, prints the signed headers and the canonical request as JSON.
const char kBotocoreScript[] = R"PY(
import base64, datetime, json, sys, types, warnings
warnings.simplefilter('ignore')
import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

d = json.load(sys.stdin)
fixed = datetime.datetime.strptime(d['time'], '%Y%m%dT%H%M%SZ')

class FixedDatetime(datetime.datetime):
    @classmethod
    def utcnow(cls):
        return fixed

botocore.auth.datetime = types.SimpleNamespace(datetime=FixedDatetime)
request = AWSRequest(method=d['method'], url=d['url'], data=base64.b64decode(d['body']))
for name, value in d['headers']:
    request.headers[name] = value
signer = botocore.auth.SigV4Auth(Credentials(d['key'], d['secret'], d['token'] or None), d['service'], d['region'])
signer.add_auth(request)
headers = [[k, v] for k, v in request.headers.items()]
del request.headers['Authorization']
json.dump({'headers': headers, 'canonical': signer.canonical_request(request)}, sys.stdout)
)PY";

struct Botocore {
    Headers headers;
    QByteArray canonical;
    QString error;
};

Botocore signWithBotocore(const QByteArray &method, const QUrl &url, const Headers &headers, const QByteArray &body,
                          const AwsCredentials &credentials, const QString &region, const QString &service,
                          const QByteArray &time)
{
    QJsonArray headerArray;
    for (const auto &[name, value] : headers)
        headerArray.append(QJsonArray{QString::fromUtf8(name), QString::fromUtf8(value)});
    const QJsonObject input{
        {QStringLiteral("method"), QString::fromLatin1(method)},
        {QStringLiteral("url"), QString::fromUtf8(url.toEncoded())},
        {QStringLiteral("headers"), headerArray},
        {QStringLiteral("body"), QString::fromLatin1(body.toBase64())},
        {QStringLiteral("key"), credentials.accessKeyId},
        {QStringLiteral("secret"), credentials.secretAccessKey},
        {QStringLiteral("token"), credentials.sessionToken},
        {QStringLiteral("region"), region},
        {QStringLiteral("service"), service},
        {QStringLiteral("time"), QString::fromLatin1(time)},
    };
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QString::fromLatin1(kBotocoreScript)});
    Botocore out;
    if (!python.waitForStarted()) {
        out.error = QStringLiteral("cannot start python3: ") + python.errorString();
        return out;
    }
    python.write(QJsonDocument(input).toJson(QJsonDocument::Compact));
    python.closeWriteChannel();
    if (!python.waitForFinished(60000) || python.exitCode() != 0) {
        out.error = QString::fromUtf8(python.readAllStandardError());
        return out;
    }
    const QJsonObject result = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    for (const QJsonValue &h : result.value(QStringLiteral("headers")).toArray())
        out.headers.append({h[0].toString().toUtf8(), h[1].toString().toUtf8()});
    out.canonical = result.value(QStringLiteral("canonical")).toString().toUtf8();
    return out;
}

QByteArray valueOf(const Headers &headers, QByteArrayView name)
{
    QByteArray out;
    for (const auto &[n, v] : headers)
        if (n.compare(name, Qt::CaseInsensitive) == 0) out += (out.isEmpty() ? "" : "|") + v;
    return out;
}

const QByteArray kJsonBody = R"({"TableName":"Music","Key":{"Artist":{"S":"No One You Know"}}})";

Headers dynamoHeaders(const QByteArray &target = "DynamoDB_20120810.GetItem")
{
    return {{"Content-Type", "application/x-amz-json-1.0"}, {"X-Amz-Target", target}};
}

} // namespace

class TestSigV4 : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!QFile::exists(QStringLiteral("/usr/bin/python3")))
            QSKIP("python3 is not installed");
        QProcess probe;
        probe.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import botocore.auth")});
        if (!probe.waitForFinished(60000) || probe.exitCode() != 0)
            QSKIP("python3-botocore is not installed");
    }

    // The signing key from AWS's documentation example.
    void signingKeyMatchesAwsExample()
    {
        const QByteArray key = SigV4::signingKey(QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), "20120215",
                                                 QStringLiteral("us-east-1"), QStringLiteral("iam"));
        QCOMPARE(key.toHex(), QByteArray("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d"));
    }

    void hostHeader_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("host");
        QTest::newRow("https default") << "https://dynamodb.us-east-1.amazonaws.com/" << QByteArray("dynamodb.us-east-1.amazonaws.com");
        QTest::newRow("https explicit 443") << "https://Example.COM:443/" << QByteArray("example.com");
        QTest::newRow("http 80") << "http://localhost:80/" << QByteArray("localhost");
        QTest::newRow("http 8000") << "http://127.0.0.1:8000/" << QByteArray("127.0.0.1:8000");
        QTest::newRow("https 80") << "https://h:80/" << QByteArray("h:80");
        QTest::newRow("ipv6") << "http://[::1]:8000/" << QByteArray("[::1]:8000");
    }

    void hostHeader()
    {
        QFETCH(QString, url);
        QFETCH(QByteArray, host);
        QCOMPARE(SigV4::hostHeader(QUrl(url)), host);
    }

    void matchesBotocore_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("url");
        QTest::addColumn<Headers>("headers");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QByteArray>("time");

        const QString aws = QStringLiteral("https://dynamodb.us-east-1.amazonaws.com/");
        QTest::newRow("GetItem us-east-1") << QByteArray("POST") << aws << dynamoHeaders() << kJsonBody
                                           << "us-east-1" << QString() << QByteArray("20150830T123600Z");
        QTest::newRow("eu-west-1") << QByteArray("POST") << "https://dynamodb.eu-west-1.amazonaws.com/"
                                   << dynamoHeaders("DynamoDB_20120810.Query") << kJsonBody << "eu-west-1"
                                   << QString() << QByteArray("20240229T235959Z");
        QTest::newRow("ap-southeast-2, port 443") << QByteArray("POST") << "https://dynamodb.ap-southeast-2.amazonaws.com:443/"
                                                  << dynamoHeaders() << kJsonBody << "ap-southeast-2" << QString()
                                                  << QByteArray("20231231T000000Z");
        QTest::newRow("cn-north-1") << QByteArray("POST") << "https://dynamodb.cn-north-1.amazonaws.com.cn/"
                                    << dynamoHeaders() << kJsonBody << "cn-north-1" << QString()
                                    << QByteArray("20200101T010203Z");
        QTest::newRow("local endpoint") << QByteArray("POST") << "http://127.0.0.1:8000/" << dynamoHeaders()
                                        << kJsonBody << "us-west-2" << QString() << QByteArray("20150830T123600Z");
        QTest::newRow("ipv6 endpoint") << QByteArray("POST") << "http://[::1]:8000/" << dynamoHeaders()
                                       << kJsonBody << "us-east-1" << QString() << QByteArray("20150830T123600Z");
        QTest::newRow("session token") << QByteArray("POST") << aws << dynamoHeaders() << kJsonBody << "us-east-1"
                                       << QStringLiteral("IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQ==")
                                       << QByteArray("20150830T123600Z");
        QTest::newRow("empty body") << QByteArray("POST") << aws << dynamoHeaders() << QByteArray() << "us-east-1"
                                    << QString() << QByteArray("20150830T123600Z");
        QTest::newRow("GET no body") << QByteArray("GET") << aws << Headers() << QByteArray() << "us-east-1"
                                     << QString() << QByteArray("20150830T123600Z");
        QTest::newRow("unicode body") << QByteArray("POST") << aws << dynamoHeaders("DynamoDB_20120810.PutItem")
                                      << QStringLiteral(u"{\"TableName\":\"T\",\"Item\":{\"pk\":{\"S\":\"h\u00e9llo \u4e16\u754c \U0001F389\"}}}").toUtf8()
                                      << "us-east-1" << QString() << QByteArray("20150830T123600Z");
        QTest::newRow("binary body") << QByteArray("POST") << aws << dynamoHeaders() << QByteArray("\x00\xff\x80\n", 4)
                                     << "us-east-1" << QString() << QByteArray("20150830T123600Z");
        QTest::newRow("path with dot segments") << QByteArray("POST") << "https://example.com/a/./b/../c//d/"
                                                << dynamoHeaders() << kJsonBody << "us-east-1" << QString()
                                                << QByteArray("20150830T123600Z");
        QTest::newRow("path with parent above root") << QByteArray("POST") << "https://example.com/../x/.."
                                                     << dynamoHeaders() << kJsonBody << "us-east-1" << QString()
                                                     << QByteArray("20150830T123600Z");
        QTest::newRow("path with space and unicode") << QByteArray("POST") << QStringLiteral(u"https://example.com/my table/caf\u00e9/~x!$'()*+,;=:@")
                                                     << dynamoHeaders() << kJsonBody << "us-east-1" << QString()
                                                     << QByteArray("20150830T123600Z");
        QTest::newRow("path already encoded") << QByteArray("POST") << "https://example.com/a%2Fb/%20c%25"
                                              << dynamoHeaders() << kJsonBody << "us-east-1" << QString()
                                              << QByteArray("20150830T123600Z");
        QTest::newRow("query string") << QByteArray("GET") << "https://example.com/path?b=2&a=1&a=0&c=x%20y&empty=&flag&Z=9"
                                       << Headers() << QByteArray() << "us-east-1" << QString()
                                       << QByteArray("20150830T123600Z");
        QTest::newRow("query string, unicode") << QByteArray("POST") << QStringLiteral(u"http://localhost:8000/?name=\u00e9t\u00e9&x=%41")
                                               << dynamoHeaders() << kJsonBody << "us-east-1" << QString()
                                               << QByteArray("20150830T123600Z");
        QTest::newRow("header whitespace and repeats")
            << QByteArray("POST") << aws
            << Headers{{"Content-Type", "application/x-amz-json-1.0"},
                       {"X-Amz-Target", "DynamoDB_20120810.Scan"},
                       {"X-Custom", "  a   b \t c  "},
                       {"x-custom", "second"},
                       {"X-Empty", ""},
                       {"User-Agent", "Dynamodesk/0.1"},
                       {"Expect", "100-continue"},
                       {"X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793"}}
            << kJsonBody << "us-east-1" << QString() << QByteArray("20150830T123600Z");
        QTest::newRow("host header given") << QByteArray("POST") << "http://127.0.0.1:8000/"
                                           << Headers{{"Host", "dynamodb.us-east-1.amazonaws.com"}, {"Content-Type", "application/x-amz-json-1.0"}}
                                           << kJsonBody << "us-east-1" << QString() << QByteArray("20150830T123600Z");
        QTest::newRow("stale date and auth replaced") << QByteArray("POST") << aws
                                                      << Headers{{"X-Amz-Date", "20000101T000000Z"},
                                                                 {"Authorization", "AWS4-HMAC-SHA256 Credential=old"},
                                                                 {"X-Amz-Target", "DynamoDB_20120810.GetItem"}}
                                                      << kJsonBody << "us-east-1" << QStringLiteral("token-1")
                                                      << QByteArray("20150830T123600Z");
        QTest::newRow("Date header") << QByteArray("POST") << aws
                                     << Headers{{"Date", "Mon, 01 Jan 2000 00:00:00 GMT"}, {"X-Amz-Target", "DynamoDB_20120810.GetItem"}}
                                     << kJsonBody << "us-east-1" << QString() << QByteArray("20160229T081502Z");
        QTest::newRow("content sha256 given") << QByteArray("POST") << aws
                                              << Headers{{"X-Amz-Content-SHA256", "UNSIGNED-PAYLOAD"}, {"Content-Type", "application/x-amz-json-1.0"}}
                                              << kJsonBody << "us-east-1" << QString() << QByteArray("20150830T123600Z");
    }

    void matchesBotocore()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, url);
        QFETCH(Headers, headers);
        QFETCH(QByteArray, body);
        QFETCH(QString, region);
        QFETCH(QString, token);
        QFETCH(QByteArray, time);

        const AwsCredentials credentials{QStringLiteral("AKIDEXAMPLE"),
                                         QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), token};
        const QString service = QStringLiteral("dynamodb");
        QDateTime utc = QDateTime::fromString(QString::fromLatin1(time).chopped(1), QStringLiteral("yyyyMMdd'T'HHmmss"));
        utc.setTimeSpec(Qt::UTC);

        SigV4::Request request;
        request.method = method;
        request.url = QUrl(url);
        QVERIFY2(request.url.isValid(), qPrintable(request.url.errorString()));
        request.headers = headers;
        request.body = body;
        SigV4::sign(request, credentials, region, service, utc);

        const Botocore expected = signWithBotocore(method, request.url, headers, body, credentials, region, service, time);
        QVERIFY2(expected.error.isEmpty(), qPrintable(expected.error));

        // The canonical request is computed after the date and token headers
        // were added, as in botocore; drop Authorization to recompute it.
        SigV4::Request withoutAuth = request;
        withoutAuth.removeHeader("authorization");
        QCOMPARE(SigV4::canonicalRequest(withoutAuth), expected.canonical);
        for (const char *name : {"Authorization", "X-Amz-Date", "Date", "X-Amz-Security-Token"})
            QCOMPARE(valueOf(request.headers, name), valueOf(expected.headers, name));
        QCOMPARE(request.headers.size(), expected.headers.size());
    }
};

QTEST_GUILESS_MAIN(TestSigV4)
#include "tst_sigv4.moc"
