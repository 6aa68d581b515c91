// Security: IAM policies (parsing, wildcards, Deny over Allow), the
// permissions each kind of call needs, AccessDeniedException's text, the
// credentials file, the check of SigV4 signatures made by the client's own
// signer (what botocore signs, tst_sigv4) against every way one can be
// wrong, and the engine authorizing calls of a principal with a policy,
// also those that would take the fast path.
#include "enginecalls.h"

#include "security/credentials.h"
#include "security/permissions.h"
#include "security/policy.h"

#include <QJsonArray>

using namespace dd;
using security::Credentials;
using security::Permission;
using security::Policy;
using security::SigV4;

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }
QJsonObject json(const char *text) { return QJsonDocument::fromJson(text).object(); }
const QString kTable = QStringLiteral("arn:aws:dynamodb:us-east-1:000000000000:table/");

const char *kUsers = R"({"Users":[
  {"UserName":"admin","AccessKeyId":"AKIDADMIN","SecretAccessKey":"admin-secret"},
  {"UserName":"reader","AccessKeyId":"AKIDREADER","SecretAccessKey":"reader-secret",
   "Policy":{"Version":"2012-10-17","Statement":[
     {"Effect":"Allow","Action":["dynamodb:Get*","dynamodb:Query","dynamodb:Scan","dynamodb:Describe*","dynamodb:ListTables",
                                 "dynamodb:BatchGetItem","dynamodb:PartiQLSelect","dynamodb:ConditionCheckItem"],"Resource":"*"},
     {"Effect":"Allow","Action":"dynamodb:PutItem","Resource":"arn:aws:dynamodb:*:*:table/Open*"},
     {"Effect":"Deny","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:*:*:table/Secret","NotAction":null}]}}]})";

// A transaction: a condition check on Orders' item a, and a put into `putInto`.
QByteArray transaction(const char *putInto)
{
    return QByteArray("{\"TransactItems\":[{\"ConditionCheck\":{\"TableName\":\"Orders\",\"Key\":{\"pk\":{\"S\":\"a\"}},"
                      "\"ConditionExpression\":\"attribute_exists(pk)\"}},{\"Put\":{\"TableName\":\"") +
           putInto + "\",\"Item\":{\"pk\":{\"S\":\"c\"}}}}]}";
}

} // namespace

class TstSecurity : public QObject, public test::EngineCalls {
    Q_OBJECT

public:
    // Before the members the engine uses (EngineCalls).
    ~TstSecurity() override { m_engine.reset(); }

    std::shared_ptr<const Credentials> m_credentials;

    SigV4::Request signedRequest(const QString &key, const QString &secret, const QDateTime &at, const QByteArray &body = "{}")
    {
        SigV4::Request r;
        r.url = QUrl(s("http://127.0.0.1:8000/"));
        r.headers = {{"Host", "127.0.0.1:8000"}, {"Content-Type", "application/x-amz-json-1.0"}, {"X-Amz-Target", "DynamoDB_20120810.ListTables"},
                     {"User-Agent", "test"}};
        r.body = body;
        SigV4::sign(r, {key, secret, QString()}, s("us-east-1"), s("dynamodb"), at);
        return r;
    }

private slots:
    void initTestCase()
    {
        // "NotAction": null above is not allowed: one of Action and NotAction.
        QVERIFY(!Credentials::fromJson(kUsers).ok());
        QByteArray users = kUsers;
        users.replace(",\"NotAction\":null", "");
        auto c = Credentials::fromJson(users);
        QVERIFY2(c.ok(), c.ok() ? "" : qPrintable(c.error().message()));
        m_credentials = *c;
        QCOMPARE(m_credentials->size(), 2);
    }

    void wildcards()
    {
        QVERIFY(Policy::matches(u"dynamodb:Get*", u"dynamodb:GetItem", Qt::CaseInsensitive));
        QVERIFY(Policy::matches(u"DYNAMODB:get*", u"dynamodb:GetItem", Qt::CaseInsensitive));
        QVERIFY(!Policy::matches(u"dynamodb:Get*", u"dynamodb:BatchGetItem", Qt::CaseInsensitive));
        QVERIFY(Policy::matches(u"*", u"", Qt::CaseSensitive));
        QVERIFY(Policy::matches(u"a*b*c", u"aXXbYYbc", Qt::CaseSensitive));
        QVERIFY(!Policy::matches(u"a*b*c", u"aXXbYYb", Qt::CaseSensitive));
        QVERIFY(Policy::matches(u"table/T?", u"table/T1", Qt::CaseSensitive));
        QVERIFY(!Policy::matches(u"table/T?", u"table/T12", Qt::CaseSensitive));
        QVERIFY(!Policy::matches(u"table/orders", u"table/Orders", Qt::CaseSensitive));
    }

    void policyEvaluation()
    {
        const Policy policy = Policy::parse(json(R"({"Statement":[
            {"Effect":"Allow","Action":"dynamodb:*","Resource":"*"},
            {"Effect":"Deny","NotAction":["dynamodb:GetItem","dynamodb:Query"],"Resource":"arn:aws:dynamodb:*:*:table/Audit*"},
            {"Effect":"Deny","Action":"dynamodb:DeleteTable","NotResource":"arn:aws:dynamodb:*:*:table/tmp-*"}]})")).value();
        QCOMPARE(policy.evaluate(s("dynamodb:PutItem"), kTable + s("Orders")), Policy::Decision::Allow);
        QCOMPARE(policy.evaluate(s("dynamodb:GetItem"), kTable + s("AuditLog")), Policy::Decision::Allow);
        QCOMPARE(policy.evaluate(s("dynamodb:PutItem"), kTable + s("AuditLog")), Policy::Decision::ExplicitDeny);
        QCOMPARE(policy.evaluate(s("dynamodb:DeleteTable"), kTable + s("Orders")), Policy::Decision::ExplicitDeny);
        QCOMPARE(policy.evaluate(s("dynamodb:DeleteTable"), kTable + s("tmp-1")), Policy::Decision::Allow);
        QCOMPARE(policy.evaluate(s("s3:GetObject"), s("*")), Policy::Decision::ImplicitDeny);
        // One statement alone is a policy too; what is not supported is refused.
        QCOMPARE(Policy::parse(json(R"({"Effect":"Allow","Action":"dynamodb:Scan","Resource":"*"})"))->evaluate(s("dynamodb:Scan"), s("x")),
                 Policy::Decision::Allow);
        for (const char *bad : {R"({"Statement":[{"Effect":"Maybe","Action":"*","Resource":"*"}]})",
                                R"({"Statement":[{"Effect":"Allow","Resource":"*"}]})",
                                R"({"Statement":[{"Effect":"Allow","Action":"*","NotAction":"x","Resource":"*"}]})",
                                R"({"Statement":[{"Effect":"Allow","Action":"*"}]})",
                                R"({"Statement":[{"Effect":"Allow","Action":[1],"Resource":"*"}]})",
                                R"({"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringMaybe":{"aws:username":"a"}}}]})",
                                R"({"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"k":"x"}}}]})",
                                R"({"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Principal":"*"}]})",
                                R"({"Version":"2013-01-01","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})"}) {
            const Result<Policy> r = Policy::parse(json(bad));
            QVERIFY2(!r.ok(), bad);
            QCOMPARE(r.error().type(), s("ValidationException"));
        }
    }

    void permissionsOfCalls()
    {
        const auto perms = [](const char *op, const char *request) {
            QStringList out;
            for (const Permission &p : security::permissionsFor(QString::fromLatin1(op), json(request), s("us-east-1"), s("000000000000")))
                out << p.action + QLatin1Char(' ') + p.resource;
            return out;
        };
        QCOMPARE(perms("PutItem", R"({"TableName":"T"})"), QStringList{s("dynamodb:PutItem ") + kTable + s("T")});
        QCOMPARE(perms("Query", R"({"TableName":"T","IndexName":"byX"})"), QStringList{s("dynamodb:Query ") + kTable + s("T/index/byX")});
        QCOMPARE(perms("ListTables", "{}"), QStringList{s("dynamodb:ListTables *")});
        QCOMPARE(perms("BatchWriteItem", R"({"RequestItems":{"A":[],"B":[]}})"),
                 (QStringList{s("dynamodb:BatchWriteItem ") + kTable + s("A"), s("dynamodb:BatchWriteItem ") + kTable + s("B")}));
        QCOMPARE(perms("TransactWriteItems", R"({"TransactItems":[{"Put":{"TableName":"A"}},{"Update":{"TableName":"B"}},
                                                                  {"Delete":{"TableName":"A"}},{"ConditionCheck":{"TableName":"C"}}]})"),
                 (QStringList{s("dynamodb:PutItem ") + kTable + s("A"), s("dynamodb:UpdateItem ") + kTable + s("B"),
                              s("dynamodb:DeleteItem ") + kTable + s("A"), s("dynamodb:ConditionCheckItem ") + kTable + s("C")}));
        QCOMPARE(perms("ExecuteStatement", "{\"Statement\":\"SELECT * FROM \\\"Orders\\\".\\\"byDate\\\" WHERE pk = ?\"}"),
                 QStringList{s("dynamodb:PartiQLSelect ") + kTable + s("Orders")});
        QCOMPARE(perms("BatchExecuteStatement", "{\"Statements\":[{\"Statement\":\"insert into Orders value {\u0027pk\u0027:\u0027a\u0027}\"},"
                                                "{\"Statement\":\"DELETE FROM \\\"Log\\\" WHERE pk = 1\"}]}"),
                 (QStringList{s("dynamodb:PartiQLInsert ") + kTable + s("Orders"), s("dynamodb:PartiQLDelete ") + kTable + s("Log")}));
        QCOMPARE(perms("Streams.DescribeStream", R"({"StreamArn":"arn:aws:dynamodb:us-east-1:000000000000:table/T/stream/x"})"),
                 QStringList{s("dynamodb:DescribeStream arn:aws:dynamodb:us-east-1:000000000000:table/T/stream/x")});
        QCOMPARE(perms("TagResource", R"({"ResourceArn":"arn:x"})"), QStringList{s("dynamodb:TagResource arn:x")});
        QCOMPARE(perms("RestoreTableFromBackup", R"({"TargetTableName":"New","BackupArn":"arn:b"})"),
                 QStringList{s("dynamodb:RestoreTableFromBackup arn:b")});
        QCOMPARE(perms("RestoreTableToPointInTime", R"({"SourceTableName":"Old","TargetTableName":"New"})"),
                 QStringList{s("dynamodb:RestoreTableToPointInTime ") + kTable + s("New")});
        QCOMPARE(perms("ImportTable", R"({"TableCreationParameters":{"TableName":"Imp"}})"), QStringList{s("dynamodb:ImportTable ") + kTable + s("Imp")});
        QCOMPARE(perms("Dynamodesk.ListTriggers", "{}"), QStringList{s("dynamodesk:ListTriggers *")});
    }

    void accessDeniedText()
    {
        const auto reader = m_credentials->find(s("AKIDREADER"));
        QVERIFY(reader);
        QVERIFY(!security::authorize(*reader, {{s("dynamodb:GetItem"), kTable + s("Orders")}}, s("000000000000")));
        const auto denied = security::authorize(*reader, {{s("dynamodb:GetItem"), kTable + s("Orders")}, {s("dynamodb:PutItem"), kTable + s("Orders")}},
                                                s("000000000000"));
        QVERIFY(denied);
        QCOMPARE(denied->type(), s("AccessDeniedException"));
        QCOMPARE(denied->message(), s("User: arn:aws:iam::000000000000:user/reader is not authorized to perform: dynamodb:PutItem on resource: ") +
                                        kTable + s("Orders because no identity-based policy allows the dynamodb:PutItem action"));
        QCOMPARE(security::authorize(*reader, {{s("dynamodb:GetItem"), kTable + s("Secret")}}, s("000000000000"))->message(),
                 s("User: arn:aws:iam::000000000000:user/reader is not authorized to perform: dynamodb:GetItem on resource: ") + kTable +
                     s("Secret with an explicit deny in an identity-based policy"));
        QVERIFY(!security::authorize(*m_credentials->find(s("AKIDADMIN")), {{s("dynamodb:DeleteTable"), kTable + s("Secret")}}, s("000000000000")));
    }

    void credentialsFile()
    {
        for (const char *bad : {"not json", R"({"Users":[]})", R"({"Users":[{"UserName":"a","AccessKeyId":"K"}]})",
                                R"({"Users":[{"UserName":"a","AccessKeyId":"K","SecretAccessKey":"s"},{"UserName":"b","AccessKeyId":"K","SecretAccessKey":"t"}]})",
                                R"({"Users":[{"UserName":"a","AccessKeyId":"K","SecretAccessKey":"s","Policy":{"Statement":[{"Effect":"Allow"}]}}]})"}) {
            const auto r = Credentials::fromJson(bad);
            QVERIFY2(!r.ok(), bad);
            QCOMPARE(r.error().type(), s("ValidationException"));
        }
        QVERIFY(Credentials::load(s("/nonexistent/users.json")).error().message().contains(s("/nonexistent/users.json")));
    }

    void signatures()
    {
        const QDateTime at = QDateTime(QDate(2026, 11, 27), QTime(12, 0, 0), Qt::UTC);
        // A request the client signs is accepted, and names its signer.
        SigV4::Request good = signedRequest(s("AKIDREADER"), s("reader-secret"), at);
        auto who = m_credentials->verify(good, at.addSecs(60));
        QVERIFY2(who.ok(), who.ok() ? "" : qPrintable(who.error().message()));
        QCOMPARE((*who)->userName, s("reader"));
        // An unsigned header (User-Agent) may change on the way.
        SigV4::Request agent = good;
        agent.setHeader("User-Agent", "proxy");
        QVERIFY(m_credentials->verify(agent, at).ok());

        const QString mismatch = s("The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key "
                                   "and signing method. Consult the service documentation for details.");
        auto error = [&](const SigV4::Request &r, const QDateTime &now) {
            auto v = m_credentials->verify(r, now);
            return v.ok() ? ApiError(s("none"), QString()) : v.error();
        };
        QCOMPARE(error(signedRequest(s("AKIDREADER"), s("wrong"), at), at).message(), mismatch);
        QCOMPARE(error(signedRequest(s("AKIDREADER"), s("wrong"), at), at).type(), s("InvalidSignatureException"));
        SigV4::Request body = good;
        body.body = "{\"Limit\":1}";
        QCOMPARE(error(body, at).message(), mismatch);
        SigV4::Request target = good;
        target.setHeader("X-Amz-Target", "DynamoDB_20120810.DeleteTable");
        QCOMPARE(error(target, at).message(), mismatch);
        QCOMPARE(error(signedRequest(s("AKIDNOBODY"), s("x"), at), at).type(), s("UnrecognizedClientException"));
        QCOMPARE(error(signedRequest(s("AKIDNOBODY"), s("x"), at), at).message(), s("The security token included in the request is invalid."));
        QCOMPARE(error(good, at.addSecs(16 * 60)).message(),
                 s("Signature expired: 20261127T120000Z is now earlier than 20261127T120100Z (20261127T121600Z - 15 min.)"));
        QCOMPARE(error(good, at.addSecs(-16 * 60)).message(),
                 s("Signature not yet current: 20261127T120000Z is still later than 20261127T115900Z (20261127T114400Z + 15 min.)"));
        SigV4::Request otherService = good;
        SigV4::sign(otherService, {s("AKIDREADER"), s("reader-secret"), QString()}, s("us-east-1"), s("s3"), at);
        QCOMPARE(error(otherService, at).message(), s("Credential should be scoped to correct service: 'dynamodb'. "));
        // DAX's control plane is signed for the service dax, as the AWS CLI signs it.
        SigV4::Request dax = good;
        dax.setHeader("X-Amz-Target", "AmazonDAXV3.DescribeClusters");
        SigV4::sign(dax, {s("AKIDREADER"), s("reader-secret"), QString()}, s("us-east-1"), s("dax"), at);
        QVERIFY(m_credentials->verify(dax, at).ok());
        SigV4::sign(dax, {s("AKIDREADER"), s("reader-secret"), QString()}, s("us-east-1"), s("dynamodb"), at);
        QCOMPARE(error(dax, at).message(), s("Credential should be scoped to correct service: 'dax'. "));
        SigV4::Request presigned = good;
        presigned.removeHeader("authorization");
        presigned.url = QUrl(s("http://127.0.0.1:8000/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=00"));
        QCOMPARE(error(presigned, at).type(), s("IncompleteSignatureException"));
        SigV4::Request otherDate = good;
        otherDate.setHeader("X-Amz-Date", "20261128T000000Z");
        QCOMPARE(error(otherDate, QDateTime(QDate(2026, 11, 28), QTime(0, 0), Qt::UTC)).message(),
                 s("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20261127' != '20261128', from '20261128T000000Z'."));
    }

    // The engine authorizes each call of a principal with a policy,
    // whichever path the request takes.
    void engineAuthorizes()
    {
        openQuiet(QString(), true);
        for (const char *table : {"Orders", "OpenBox", "Secret"})
            ok("CreateTable", QJsonObject{{s("TableName"), s(table)}, {s("BillingMode"), s("PAY_PER_REQUEST")},
                                          {s("AttributeDefinitions"), QJsonArray{QJsonObject{{s("AttributeName"), s("pk")}, {s("AttributeType"), s("S")}}}},
                                          {s("KeySchema"), QJsonArray{QJsonObject{{s("AttributeName"), s("pk")}, {s("KeyType"), s("HASH")}}}}});
        ok("PutItem", R"({"TableName":"Orders","Item":{"pk":{"S":"a"}}})");
        m_ctx.principal = m_credentials->find(s("AKIDREADER"));
        QCOMPARE(ok("GetItem", R"({"TableName":"Orders","Key":{"pk":{"S":"a"}}})").value(s("Item")).toObject().value(s("pk")).toObject().value(s("S")).toString(),
                 s("a"));
        const ApiError put = fail("PutItem", R"({"TableName":"Orders","Item":{"pk":{"S":"b"}}})");
        QCOMPARE(put.type(), s("AccessDeniedException"));
        QVERIFY2(put.message().endsWith(s("because no identity-based policy allows the dynamodb:PutItem action")), qPrintable(put.message()));
        ok("PutItem", R"({"TableName":"OpenBox","Item":{"pk":{"S":"b"}}})");
        QCOMPARE(fail("GetItem", R"({"TableName":"Secret","Key":{"pk":{"S":"a"}}})").type(), s("AccessDeniedException"));
        QCOMPARE(fail("UpdateItem", R"({"TableName":"Orders","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET n = :n","ExpressionAttributeValues":{":n":{"N":"1"}}})")
                     .type(),
                 s("AccessDeniedException"));
        // Denied before validation: a bad request to a denied action is still AccessDenied, as on AWS.
        QCOMPARE(fail("DeleteTable", R"({"TableName":"x"})").type(), s("AccessDeniedException"));
        // A transaction needs each element's action.
        QCOMPARE(fail("TransactWriteItems", transaction("Orders"))
                     .message(),
                 s("User: arn:aws:iam::000000000000:user/reader is not authorized to perform: dynamodb:PutItem on resource: ") + kTable +
                     s("Orders because no identity-based policy allows the dynamodb:PutItem action"));
        ok("TransactWriteItems", transaction("OpenBox"));
        QCOMPARE(ok("ExecuteStatement", R"({"Statement":"SELECT * FROM Orders"})").value(s("Items")).toArray().size(), 1);
        QCOMPARE(fail("ExecuteStatement", "{\"Statement\":\"DELETE FROM Orders WHERE pk = \u0027a\u0027\"}").type(), s("AccessDeniedException"));
        QCOMPARE(ok("ListTables", "{}").value(s("TableNames")).toArray().size(), 3);
        // Nothing denied was written.
        m_ctx.principal.reset();
        QCOMPARE(ok("Scan", R"({"TableName":"Orders"})").value(s("Count")).toInt(), 1);
        QCOMPARE(ok("Scan", R"({"TableName":"OpenBox"})").value(s("Count")).toInt(), 2);
        // A principal without a policy may do anything.
        m_ctx.principal = m_credentials->find(s("AKIDADMIN"));
        ok("PutItem", R"({"TableName":"Secret","Item":{"pk":{"S":"z"}}})");
        m_ctx.principal.reset();
    }
};

QTEST_GUILESS_MAIN(TstSecurity)
#include "tst_security.moc"
