// authorizeConnection checked against --auth's users, with signatures the
// JS client's own SigV4Gen made (at 2026-11-27T12:34:56Z): the right secret
// is the user, in any region and with a session token; an unknown key, a
// wrong secret, a stale or future time, another canonical request or a
// malformed string to sign is AWS's error.
#include "daxwire/connectionauth.h"
#include "daxwire/daxerror.h"

#include <QTest>

using namespace dd;
using dd::daxwire::CborValue;

namespace {

QString s(const char *latin1) { return QString::fromLatin1(latin1); }

const QDateTime kSigned(QDate(2026, 11, 27), QTime(12, 34, 56), Qt::UTC);
const QByteArray kCanonicalHash = "14a53b446ace6a5679d59c0cae3052ae912f4467969cb12264480284d7691e78";

std::vector<CborValue> args(const char *key, const char *signature, const QByteArray &stringToSign)
{
    CborValue token;
    return {CborValue::ofText(s(key)), CborValue::ofText(s(signature)), CborValue::ofBytes(stringToSign), token,
            CborValue::ofText(s("DaxJSV3Client-3.1.0"))};
}

QByteArray stringToSign(const char *region, const QByteArray &stamp = "20261127T123456Z", const QByteArray &hash = kCanonicalHash)
{
    return "AWS4-HMAC-SHA256\n" + stamp + "\n" + stamp.left(8) + "/" + region + "/dax/aws4_request\n" + hash;
}

std::shared_ptr<const security::Credentials> users()
{
    return security::Credentials::fromJson(
               QByteArray("{'Users': [{'UserName': 'local', 'AccessKeyId': 'AKIDLOCAL', 'SecretAccessKey': 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'},"
                          "           {'UserName': 'temp', 'AccessKeyId': 'ASIATEMP', 'SecretAccessKey': 's3cret'}]}")
                   .replace('\'', '"'))
        .value();
}

} // namespace

class TestConnectionAuth : public QObject {
    Q_OBJECT
private slots:
    void acceptsTheClientsSignature();
    void refuses_data();
    void refuses();
    void errorCodes();
};

void TestConnectionAuth::acceptsTheClientsSignature()
{
    const auto creds = users();
    auto user = daxwire::verifyAuthorization(
        *creds, args("AKIDLOCAL", "f4557dc4b791ab8733566cffe6719736c1d15d01f7dd7a93cb32c0592705d541", stringToSign("us-west-2")), kSigned);
    QVERIFY2(user.ok(), qPrintable(user.ok() ? QString() : user.error().message()));
    QCOMPARE((*user)->userName, s("local"));
    // A session token is not signed by the DAX clients.
    user = daxwire::verifyAuthorization(
        *creds, args("ASIATEMP", "e1f1d09a041187814d6d3dcd7e95209718cd2683580e85123dac47c92b7b27e3", stringToSign("us-east-1")),
        kSigned.addSecs(14 * 60));
    QVERIFY(user.ok());
    QCOMPARE((*user)->userName, s("temp"));
}

void TestConnectionAuth::refuses_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("signature");
    QTest::addColumn<QByteArray>("stringToSign");
    QTest::addColumn<int>("skewSeconds");
    QTest::addColumn<QString>("type");
    const QString good = s("f4557dc4b791ab8733566cffe6719736c1d15d01f7dd7a93cb32c0592705d541");
    QTest::newRow("unknown key") << s("AKIDOTHER") << good << stringToSign("us-west-2") << 0 << s("UnrecognizedClientException");
    QTest::newRow("wrong secret") << s("ASIATEMP") << good << stringToSign("us-west-2") << 0 << s("InvalidSignatureException");
    QTest::newRow("other region") << s("AKIDLOCAL") << good << stringToSign("us-east-1") << 0 << s("InvalidSignatureException");
    QTest::newRow("16 minutes later") << s("AKIDLOCAL") << good << stringToSign("us-west-2") << 16 * 60 << s("InvalidSignatureException");
    QTest::newRow("16 minutes earlier") << s("AKIDLOCAL") << good << stringToSign("us-west-2") << -16 * 60 << s("InvalidSignatureException");
    QTest::newRow("other request") << s("AKIDLOCAL") << good << stringToSign("us-west-2", "20261127T123456Z", QByteArray(64, 'a')) << 0
                                   << s("InvalidSignatureException");
    QTest::newRow("dynamodb scope") << s("AKIDLOCAL") << good << stringToSign("us-west-2").replace("/dax/", "/dynamodb/") << 0
                                    << s("InvalidSignatureException");
    QTest::newRow("not a date") << s("AKIDLOCAL") << good << stringToSign("us-west-2", "2026112XT123456Z") << 0 << s("InvalidSignatureException");
    QTest::newRow("three lines") << s("AKIDLOCAL") << good << QByteArray("AWS4-HMAC-SHA256\n20261127T123456Z\nx") << 0
                                 << s("InvalidSignatureException");
}

void TestConnectionAuth::refuses()
{
    QFETCH(QString, key);
    QFETCH(QString, signature);
    QFETCH(QByteArray, stringToSign);
    QFETCH(int, skewSeconds);
    QFETCH(QString, type);
    const auto creds = users();
    const auto user = daxwire::verifyAuthorization(*creds, args(key.toLatin1().constData(), signature.toLatin1().constData(), stringToSign),
                                                   kSigned.addSecs(skewSeconds));
    QVERIFY(!user.ok());
    QCOMPARE(user.error().type(), type);
}

void TestConnectionAuth::errorCodes()
{
    // What the clients read as authentication errors (go: error.go authError); 33 makes them retry.
    QCOMPARE(daxwire::errorCodes(s("UnrecognizedClientException")), (std::vector<int>{4, 23, 31, 32}));
    QCOMPARE(daxwire::errorCodes(s("AuthenticationRequiredException")), (std::vector<int>{4, 23, 31, 33}));
    QCOMPARE(daxwire::errorCodes(s("InvalidSignatureException")), (std::vector<int>{4, 23, 31, 34}));
    QCOMPARE(daxwire::errorCodes(s("AccessDeniedException")), (std::vector<int>{4, 37, 38, 39}));
}

QTEST_APPLESS_MAIN(TestConnectionAuth)
#include "tst_connectionauth.moc"
