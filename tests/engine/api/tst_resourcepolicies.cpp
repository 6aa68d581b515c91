// Resource-based policies and IAM conditions: PutResourcePolicy,
// GetResourcePolicy and DeleteResourcePolicy with AWS's answers (canonical
// documents, revisions, ExpectedRevisionId, every refusal), policies
// enforced together with identity-based ones for signed callers (explicit
// Deny in either wins, an Allow in either suffices, an Allow to the
// account only delegates), the self-lockout check, the 15 s cooldown when
// AWS's waits are emulated, condition operators and DynamoDB's condition
// keys (fine-grained access control with dynamodb:LeadingKeys and
// dynamodb:Attributes), policies kept across a reopen, and tables named by
// their ARNs.
#include "enginecalls.h"

#include "../../fuzz/policy_harness.h"

#include "model/clock.h"
#include "security/credentials.h"
#include "security/permissions.h"
#include "security/policy.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace dd;
using security::Policy;

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }
// JSON text with ' for " (raw strings with quotes upset moc).
QString j(const char *text) { return QString::fromLatin1(text).replace(u'\'', u'"'); }
QJsonObject obj(const char *text) { return QJsonDocument::fromJson(j(text).toUtf8()).object(); }

const QString kArn = QStringLiteral("arn:aws:dynamodb:us-east-1:000000000000:table/");
const QString kUser = QStringLiteral("arn:aws:iam::000000000000:user/");

const char *kUsers = "{'Users':["
                     "{'UserName':'admin','AccessKeyId':'AKIDADMIN','SecretAccessKey':'x'},"
                     "{'UserName':'bob','AccessKeyId':'AKIDBOB','SecretAccessKey':'x',"
                     " 'Policy':{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'dynamodb:ListTables','Resource':'*'}]}},"
                     "{'UserName':'alice','AccessKeyId':'AKIDALICE','SecretAccessKey':'x',"
                     " 'Policy':{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':['dynamodb:GetItem','dynamodb:PutItem',"
                     "   'dynamodb:Query','dynamodb:Scan','dynamodb:BatchWriteItem','dynamodb:UpdateItem'],'Resource':'*',"
                     "   'Condition':{'ForAllValues:StringEquals':{'dynamodb:LeadingKeys':['${aws:username}'],"
                     "                                             'dynamodb:Attributes':['pk','sk','note','owner']},"
                     "                'StringEqualsIfExists':{'dynamodb:Select':'SPECIFIC_ATTRIBUTES'}}}]}}]}";

QString policyDoc(const char *statements, const char *version = "2012-10-17")
{
    return j("{'Version':'%1','Statement':[%2]}").arg(s(version), j(statements));
}

} // namespace

class TstResourcePolicies : public QObject, public test::EngineCalls {
    Q_OBJECT

public:
    // Before the members the engine uses (EngineCalls).
    ~TstResourcePolicies() override { m_engine.reset(); }

    std::shared_ptr<const security::Credentials> m_users;
    QTemporaryDir m_dir;
    ManualClock m_clock{1'800'000'000'000};

    void as(const char *key)
    {
        m_ctx.principal = key ? m_users->find(s(key)) : nullptr;
        m_ctx.users = key ? m_users : nullptr;
    }
    QJsonObject put(const QString &table, const QString &policy, const QJsonObject &more = {})
    {
        QJsonObject r = more;
        r.insert(s("ResourceArn"), table.startsWith(u"arn:") ? table : kArn + table);
        r.insert(s("Policy"), policy);
        return ok("PutResourcePolicy", r);
    }
    ApiError putFails(const QString &table, const QString &policy, const QJsonObject &more = {})
    {
        QJsonObject r = more;
        r.insert(s("ResourceArn"), table.startsWith(u"arn:") ? table : kArn + table);
        r.insert(s("Policy"), policy);
        return fail("PutResourcePolicy", r);
    }
    void createTable(const char *name, const char *more = "")
    {
        ok("CreateTable", j("{'TableName':'%1','BillingMode':'PAY_PER_REQUEST','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'},"
                            "{'AttributeName':'sk','KeyType':'RANGE'}],'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'},"
                            "{'AttributeName':'sk','AttributeType':'S'}]%2}")
                              .arg(s(name), j(more))
                              .toUtf8());
    }

private slots:
    void init()
    {
        auto users = security::Credentials::fromJson(j(kUsers).toUtf8());
        QVERIFY2(users.ok(), users.ok() ? "" : qPrintable(users.error().message()));
        m_users = *users;
        QVERIFY(m_dir.isValid());
        openQuiet(m_dir.path() + s("/") + QString::fromLatin1(QTest::currentTestFunction()), false,
                  [this](api::EngineOptions &o) { o.clock = &m_clock; });
        as(nullptr);
    }
    void cleanup()
    {
        as(nullptr);
        m_engine.reset();
    }

    void putGetDeleteAsAwsAnswers()
    {
        createTable("Orders");
        const ApiError none = fail("GetResourcePolicy", QJsonObject{{s("ResourceArn"), kArn + s("Orders")}});
        QCOMPARE(none.type(), s("PolicyNotFoundException"));
        QCOMPARE(none.message(), s("Resource-based policy not found for the provided ResourceArn: ") + kArn + s("Orders"));
        // Deleting what is not there: nothing, and no revision.
        QCOMPARE(ok("DeleteResourcePolicy", QJsonObject{{s("ResourceArn"), kArn + s("Orders")}}), QJsonObject());

        // Sent loosely (whitespace, a Statement object, 'allow', an account id, one-element lists),
        // read back in AWS's canonical form.
        const QString loose = j("{ 'Statement': {'Effect':'allow', 'Resource':['arn:aws:dynamodb:us-east-1:000000000000:table/Orders'],\n"
                                "  'Action':['dynamodb:GetItem'], 'Principal':{'AWS':['000000000000','arn:aws:iam::000000000000:root']},"
                                "  'Sid':'Read'},\n 'Version':'2012-10-17' }");
        const QString revision = put(s("Orders"), loose).value(s("RevisionId")).toString();
        QCOMPARE(revision, QString::number(m_clock.nowMs()));
        const QJsonObject got = ok("GetResourcePolicy", QJsonObject{{s("ResourceArn"), kArn + s("Orders")}});
        QCOMPARE(got.value(s("RevisionId")).toString(), revision);
        QCOMPARE(got.value(s("Policy")).toString(),
                 j("{'Version':'2012-10-17','Statement':[{'Sid':'Read','Effect':'Allow','Principal':{'AWS':'arn:aws:iam::000000000000:root'},"
                   "'Action':'dynamodb:GetItem','Resource':'arn:aws:dynamodb:us-east-1:000000000000:table/Orders'}]}"));
        // The same policy again, written otherwise: the same revision.
        m_clock.advanceMs(1000);
        QCOMPARE(put(s("Orders"), got.value(s("Policy")).toString()).value(s("RevisionId")).toString(), revision);
        // Without a Version it reads back as 2008-10-17, yet it is another document.
        const QString versionless = j("{'Statement':[{'Effect':'Allow','Principal':{'AWS':'000000000000'},'Action':'dynamodb:GetItem','Resource':'*'}]}");
        const QString second = put(s("Orders"), versionless).value(s("RevisionId")).toString();
        QVERIFY(second > revision);
        QVERIFY(ok("GetResourcePolicy", QJsonObject{{s("ResourceArn"), kArn + s("Orders")}}).value(s("Policy")).toString().startsWith(
            j("{'Version':'2008-10-17',")));

        // ExpectedRevisionId: stale, NO_POLICY while one exists, and right.
        ApiError stale = putFails(s("Orders"), versionless, {{s("ExpectedRevisionId"), revision}});
        QCOMPARE(stale.type(), s("PolicyNotFoundException"));
        QCOMPARE(stale.message(), QStringLiteral("Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision "
                                                 "id %1, but the policy associated to target table Orders has revision id %2.")
                                      .arg(revision, second));
        ApiError exists = putFails(s("Orders"), versionless, {{s("ExpectedRevisionId"), s("NO_POLICY")}});
        QCOMPARE(exists.message(), QStringLiteral("Resource-based policy not found for the provided ResourceArn: Requested policy update expecting none "
                                                  "to be present for table Orders, but a policy exists with revision id %1.")
                                       .arg(second));
        QCOMPARE(fail("DeleteResourcePolicy", QJsonObject{{s("ResourceArn"), kArn + s("Orders")}, {s("ExpectedRevisionId"), revision}}).type(),
                 s("PolicyNotFoundException"));

        // Delete answers the removed revision; afterwards the deletion's.
        m_clock.advanceMs(1000);
        QCOMPARE(ok("DeleteResourcePolicy", QJsonObject{{s("ResourceArn"), kArn + s("Orders")}, {s("ExpectedRevisionId"), second}})
                     .value(s("RevisionId")).toString(),
                 second);
        QCOMPARE(fail("GetResourcePolicy", QJsonObject{{s("ResourceArn"), kArn + s("Orders")}}).type(), s("PolicyNotFoundException"));
        QCOMPARE(ok("DeleteResourcePolicy", QJsonObject{{s("ResourceArn"), kArn + s("Orders")}}).value(s("RevisionId")).toString(),
                 QString::number(m_clock.nowMs()));
        ApiError gone = putFails(s("Orders"), versionless, {{s("ExpectedRevisionId"), second}});
        QVERIFY2(gone.message().endsWith(QStringLiteral("but table Orders has no associated policy.")), qPrintable(gone.message()));
        QVERIFY(put(s("Orders"), versionless, {{s("ExpectedRevisionId"), s("NO_POLICY")}}).contains(s("RevisionId")));

        // Kept across a reopen; gone with the table, and not on a table created again.
        openQuiet(m_dir.path() + s("/putGetDeleteAsAwsAnswers"), false, [this](api::EngineOptions &o) { o.clock = &m_clock; });
        QVERIFY(ok("GetResourcePolicy", QJsonObject{{s("ResourceArn"), kArn + s("Orders")}}).contains(s("Policy")));
        ok("DeleteTable", QJsonObject{{s("TableName"), s("Orders")}});
        QCOMPARE(fail("GetResourcePolicy", QJsonObject{{s("ResourceArn"), kArn + s("Orders")}}).message(),
                 s("Requested resource not found: Table: Orders not found"));
        createTable("Orders");
        QCOMPARE(fail("GetResourcePolicy", QJsonObject{{s("ResourceArn"), kArn + s("Orders")}}).type(), s("PolicyNotFoundException"));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("arn");
        QTest::addColumn<QString>("policy");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        const QString good = policyDoc("{'Effect':'Deny','Principal':'*','Action':'dynamodb:DeleteTable','Resource':'*'}");
        const QString bad = s("One or more parameter values were invalid: ");
        QTest::newRow("bare name") << s("Orders") << good << s("ValidationException") << bad + s("ARNs must start with 'arn:': Orders");
        QTest::newRow("other account") << s("arn:aws:dynamodb:us-east-1:111122223333:table/Orders") << good << s("ValidationException")
                                       << QStringLiteral("This action is only supported by accounts that match the resource owner\u2019s account.");
        QTest::newRow("other region") << s("arn:aws:dynamodb:eu-west-1:000000000000:table/Orders") << good << s("ValidationException")
                                      << bad + s("Invalid resource Arn: arn:aws:dynamodb:eu-west-1:000000000000:table/Orders");
        QTest::newRow("other partition") << s("arn:aws-cn:dynamodb:us-east-1:000000000000:table/Orders") << good << s("ValidationException")
                                         << bad + s("Invalid resource Arn: arn:aws-cn:dynamodb:us-east-1:000000000000:table/Orders");
        QTest::newRow("index") << kArn + s("Orders/index/byOwner") << good << s("ValidationException")
                               << bad + s("Invalid resource arn provided, only table or stream is accepted. Provided resource arn: ") + kArn
                                      + s("Orders/index/byOwner");
        QTest::newRow("backup") << kArn + s("Orders/backup/01700000000000-abcdefgh") << good << s("ValidationException")
                                << bad + s("Provided Arn is not a DynamoDB resource arn: ") + kArn + s("Orders/backup/01700000000000-abcdefgh");
        QTest::newRow("missing table") << kArn + s("Nothing") << good << s("ResourceNotFoundException")
                                       << s("Requested resource not found: Table: Nothing not found");
        QTest::newRow("other case") << kArn + s("ORDERS") << good << s("ResourceNotFoundException")
                                    << s("Requested resource not found: Table: ORDERS not found");
        QTest::newRow("unknown stream") << kArn + s("Orders/stream/2000-01-01T00:00:00.000") << good << s("ResourceNotFoundException")
                                        << s("Requested resource not found: Stream: 2000-01-01T00:00:00.000 not found for Table: Orders");
        const QString doc = bad + s("Invalid policy document: ");
        QTest::newRow("not json") << kArn + s("Orders") << s("{'Version'") << s("ValidationException") << doc + s("This policy contains invalid Json");
        QTest::newRow("empty") << kArn + s("Orders") << s("") << s("ValidationException") << doc + s("This policy contains invalid Json");
        QTest::newRow("no statement") << kArn + s("Orders") << policyDoc("") << s("ValidationException")
                                      << doc + s("Could not parse the policy: Statement is empty!");
        QTest::newRow("too large") << kArn + s("Orders") << good + QString(20 * 1024, u' ') << s("ValidationException")
                                   << bad + s("Maximum policy size of 20480 bytes exceeded");
        QTest::newRow("same sid") << kArn + s("Orders")
                                  << policyDoc("{'Sid':'a','Effect':'Deny','Principal':'*','Action':'dynamodb:GetItem','Resource':'*'},"
                                               "{'Sid':'a','Effect':'Deny','Principal':'*','Action':'dynamodb:PutItem','Resource':'*'}")
                                  << s("ValidationException") << doc + s("The Statement Ids in the policy are not unique");
        QTest::newRow("no resource") << kArn + s("Orders") << policyDoc("{'Effect':'Deny','Principal':'*','Action':'dynamodb:GetItem'}")
                                     << s("ValidationException") << doc + s("Missing required field Resource");
        QTest::newRow("bare account") << kArn + s("Orders")
                                      << j("{'Version':'2012-10-17','Statement':[{'Effect':'Deny','Principal':'123456789012','Action':'*','Resource':'*'}]}")
                                      << s("ValidationException") << doc + s("Syntax error at position (1,67)");
        QTest::newRow("allow everyone") << kArn + s("Orders")
                                        << policyDoc("{'Effect':'Allow','Principal':{'AWS':'*'},'Action':'dynamodb:GetItem','Resource':'*'}")
                                        << s("ValidationException")
                                        << s("Resource-based policy grants unbounded access in one or more elements. Please revise the policy to ensure "
                                             "least-privilege form of access");
        QTest::newRow("unknown user") << kArn + s("Orders")
                                      << policyDoc("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::000000000000:user/mallory'},"
                                                   "'Action':'dynamodb:GetItem','Resource':'*'}")
                                      << s("ValidationException") << bad + s("Invalid principal in policy document.");
        QTest::newRow("stream actions") << kArn + s("Orders")
                                        << policyDoc("{'Effect':'Deny','Principal':'*','Action':['dynamodb:GetRecords','dynamodb:GetItem',"
                                                     "'dynamodb:DescribeStream'],'Resource':'*'}")
                                        << s("ValidationException")
                                        << doc + s("The following action names are invalid: \"dynamodb:GetRecords\", \"dynamodb:DescribeStream\"");
        QTest::newRow("bad operator") << kArn + s("Orders")
                                      << policyDoc("{'Effect':'Deny','Principal':'*','Action':'dynamodb:GetItem','Resource':'*',"
                                                   "'Condition':{'StringSometimes':{'aws:username':'a'}}}")
                                      << s("ValidationException")
                                      << doc + s("Statement 1 of the policy: StringSometimes is not a condition operator Dynamodesk evaluates");
    }
    void refusals()
    {
        QFETCH(QString, arn);
        QFETCH(QString, policy);
        QFETCH(QString, type);
        QFETCH(QString, message);
        createTable("Orders", ",'StreamSpecification':{'StreamEnabled':true,'StreamViewType':'KEYS_ONLY'}");
        as("AKIDADMIN"); // the users are known: an unknown one is refused
        const QString before = put(s("Orders"), policyDoc("{'Effect':'Deny','Principal':'*','Action':'dynamodb:DeleteTable','Resource':'*'}"))
                                   .value(s("RevisionId")).toString();
        m_clock.advanceMs(1000);
        const ApiError e = fail("PutResourcePolicy", QJsonObject{{s("ResourceArn"), arn}, {s("Policy"), policy}});
        QCOMPARE(e.type(), type);
        QCOMPARE(e.message(), message);
        // Nothing changed.
        QCOMPARE(ok("GetResourcePolicy", QJsonObject{{s("ResourceArn"), kArn + s("Orders")}}).value(s("RevisionId")).toString(), before);
    }

    void enforcedWithIdentityPolicies()
    {
        createTable("Orders", ",'StreamSpecification':{'StreamEnabled':true,'StreamViewType':'KEYS_ONLY'}");
        ok("PutItem", j("{'TableName':'Orders','Item':{'pk':{'S':'a'},'sk':{'S':'1'}}}").toUtf8());
        as("AKIDBOB");
        // bob's own policy allows ListTables only: the implicit deny in AWS's words.
        ApiError denied = fail("GetItem", j("{'TableName':'Orders','Key':{'pk':{'S':'a'},'sk':{'S':'1'}}}").toUtf8());
        QCOMPARE(denied.type(), s("AccessDeniedException"));
        QCOMPARE(denied.message(), s("User: ") + kUser + s("bob is not authorized to perform: dynamodb:GetItem on resource: ") + kArn
                                       + s("Orders because no identity-based policy allows the dynamodb:GetItem action"));

        // The table's policy allows bob by name: enough in the same account. An Allow to
        // the account only delegates to identity policies: not enough for bob.
        as("AKIDADMIN");
        put(s("Orders"), policyDoc("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::000000000000:user/bob'},'Action':['dynamodb:GetItem',"
                                   "'dynamodb:Query'],'Resource':['arn:aws:dynamodb:us-east-1:000000000000:table/Orders',"
                                   "'arn:aws:dynamodb:us-east-1:000000000000:table/Orders/index/*']},"
                                   "{'Effect':'Allow','Principal':{'AWS':'000000000000'},'Action':'dynamodb:PutItem','Resource':'*'},"
                                   "{'Effect':'Deny','Principal':{'AWS':'arn:aws:iam::000000000000:user/admin'},'Action':'dynamodb:DeleteItem',"
                                   "'Resource':'*'}"));
        as("AKIDBOB");
        QCOMPARE(ok("GetItem", j("{'TableName':'Orders','Key':{'pk':{'S':'a'},'sk':{'S':'1'}}}").toUtf8()).value(s("Item")).toObject()
                     .value(s("pk")).toObject().value(s("S")).toString(),
                 s("a"));
        QCOMPARE(fail("PutItem", j("{'TableName':'Orders','Item':{'pk':{'S':'b'},'sk':{'S':'1'}}}").toUtf8()).type(), s("AccessDeniedException"));
        // By ARN too.
        QVERIFY(ok("GetItem", j("{'TableName':'%1Orders','Key':{'pk':{'S':'a'},'sk':{'S':'1'}}}").arg(kArn).toUtf8()).contains(s("Item")));

        // admin has no identity policy (allowed everything) but the table's explicit Deny wins.
        as("AKIDADMIN");
        ApiError explicitDeny = fail("DeleteItem", j("{'TableName':'Orders','Key':{'pk':{'S':'a'},'sk':{'S':'1'}}}").toUtf8());
        QCOMPARE(explicitDeny.message(), s("User: ") + kUser + s("admin is not authorized to perform: dynamodb:DeleteItem on resource: ") + kArn
                                             + s("Orders with an explicit deny in a resource-based policy"));
        as(nullptr); // without --auth nothing is enforced; the item is still there
        QVERIFY(ok("GetItem", j("{'TableName':'Orders','Key':{'pk':{'S':'a'},'sk':{'S':'1'}}}").toUtf8()).contains(s("Item")));

        // A transaction's elements and a batch's tables are checked each.
        as("AKIDADMIN");
        QCOMPARE(fail("TransactWriteItems", j("{'TransactItems':[{'Delete':{'TableName':'Orders','Key':{'pk':{'S':'a'},'sk':{'S':'1'}}}}]}").toUtf8())
                     .type(),
                 s("AccessDeniedException"));
        // (BatchWriteItem is an action of its own, which the Deny does not name.)
        QVERIFY(ok("BatchWriteItem", j("{'RequestItems':{'Orders':[{'DeleteRequest':{'Key':{'pk':{'S':'a'},'sk':{'S':'1'}}}}]}}").toUtf8())
                    .contains(s("UnprocessedItems")));

        // The stream has a policy of its own, which the table's does not govern.
        const QString streamArn = ok("DescribeTable", QJsonObject{{s("TableName"), s("Orders")}}).value(s("Table")).toObject()
                                      .value(s("LatestStreamArn")).toString();
        as("AKIDBOB");
        QCOMPARE(fail("Streams.DescribeStream", QJsonObject{{s("StreamArn"), streamArn}}).type(), s("AccessDeniedException"));
        as("AKIDADMIN");
        const QString streamPolicy = policyDoc("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::000000000000:user/bob'},"
                                               "'Action':['dynamodb:DescribeStream','dynamodb:GetShardIterator','dynamodb:GetRecords'],'Resource':'%1'}")
                                         .arg(streamArn);
        // Table actions do not fit a stream.
        QCOMPARE(putFails(streamArn, policyDoc("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::000000000000:user/bob'},"
                                               "'Action':'dynamodb:GetItem','Resource':'%1'}")
                                         .arg(streamArn))
                     .message(),
                 QStringLiteral("One or more parameter values were invalid: Invalid policy document: The relative-id \"%1\" is invalid for ARN \"%2\"")
                     .arg(streamArn.mid(streamArn.indexOf(s("table/"))), streamArn));
        QVERIFY(put(streamArn, streamPolicy).contains(s("RevisionId")));
        QVERIFY(ok("GetResourcePolicy", QJsonObject{{s("ResourceArn"), streamArn}}).value(s("Policy")).toString().contains(s("DescribeStream")));
        QVERIFY(!ok("GetResourcePolicy", QJsonObject{{s("ResourceArn"), kArn + s("Orders")}}).value(s("Policy")).toString().contains(s("DescribeStream")));
        as("AKIDBOB");
        QVERIFY(ok("Streams.DescribeStream", QJsonObject{{s("StreamArn"), streamArn}}).contains(s("StreamDescription")));
    }

    void fastPathCallersAreCheckedToo()
    {
        // GetItem, PutItem, UpdateItem and Query are read straight from their bytes for callers
        // without an identity-based policy; a table's policy still applies to them.
        createTable("Orders");
        createTable("Open");
        as("AKIDADMIN");
        put(s("Orders"), policyDoc("{'Effect':'Deny','Principal':{'AWS':'arn:aws:iam::000000000000:user/admin'},'Action':['dynamodb:GetItem',"
                                   "'dynamodb:PutItem','dynamodb:UpdateItem','dynamodb:Query'],'Resource':'*'}"));
        for (const char *table : {"Orders", "Open"}) {
            const bool denied = qstrcmp(table, "Orders") == 0;
            const auto check = [&](const char *op, const QString &body) {
                const Result<QJsonObject> r = call(op, body.toUtf8());
                QVERIFY2(r.ok() != denied, op);
                if (denied)
                    QCOMPARE(r.error().message(), QStringLiteral("User: %1admin is not authorized to perform: dynamodb:%2 on resource: %3%4 with an "
                                                                 "explicit deny in a resource-based policy")
                                                      .arg(kUser, s(op), kArn, s(table)));
            };
            check("PutItem", j("{'TableName':'%1','Item':{'pk':{'S':'a'},'sk':{'S':'1'}}}").arg(s(table)));
            check("GetItem", j("{'TableName':'%1','Key':{'pk':{'S':'a'},'sk':{'S':'1'}}}").arg(s(table)));
            check("UpdateItem", j("{'TableName':'%1','Key':{'pk':{'S':'a'},'sk':{'S':'1'}},'UpdateExpression':'SET n = :n',"
                                  "'ExpressionAttributeValues':{':n':{'N':'1'}}}").arg(s(table)));
            check("Query", j("{'TableName':'%1','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'a'}}}").arg(s(table)));
        }
        as(nullptr);
        QCOMPARE(ok("Scan", j("{'TableName':'Orders'}").toUtf8()).value(s("Count")).toInt(), 0);
    }

    void selfLockout()
    {
        createTable("Orders");
        as("AKIDADMIN");
        const QString lockout = policyDoc("{'Effect':'Deny','Principal':{'AWS':'arn:aws:iam::000000000000:user/admin'},"
                                          "'Action':'dynamodb:PutResourcePolicy','Resource':'*'}");
        const ApiError e = putFails(s("Orders"), lockout);
        QCOMPARE(e.type(), s("AccessDeniedException"));
        QCOMPARE(e.message(), s("The new resource policy will not allow you to update the resource policy in the future."));
        QCOMPARE(fail("GetResourcePolicy", QJsonObject{{s("ResourceArn"), kArn + s("Orders")}}).type(), s("PolicyNotFoundException"));
        // A Deny on DeleteResourcePolicy alone is not checked.
        QVERIFY(put(s("Orders"), policyDoc("{'Effect':'Deny','Principal':'*','Action':'dynamodb:DeleteResourcePolicy','Resource':'*'}"))
                    .contains(s("RevisionId")));
        QCOMPARE(fail("DeleteResourcePolicy", QJsonObject{{s("ResourceArn"), kArn + s("Orders")}}).message(),
                 s("User: ") + kUser + s("admin is not authorized to perform: dynamodb:DeleteResourcePolicy on resource: ") + kArn
                     + s("Orders with an explicit deny in a resource-based policy"));
        m_clock.advanceMs(1000);
        QVERIFY(put(s("Orders"), lockout, {{s("ConfirmRemoveSelfResourceAccess"), true}}).contains(s("RevisionId")));
        QCOMPARE(putFails(s("Orders"), policyDoc("{'Effect':'Deny','Principal':'*','Action':'dynamodb:GetItem','Resource':'*'}")).type(),
                 s("AccessDeniedException"));
    }

    void cooldownWhenAwsWaitsAreEmulated()
    {
        openQuiet(m_dir.path() + s("/cooldown"), false, [this](api::EngineOptions &o) {
            o.clock = &m_clock;
            o.delayTransientStatuses = true;
        });
        createTable("Orders");
        // (the table is CREATING for a moment with AWS's waits; policies may be put meanwhile)
        const QString a = policyDoc("{'Effect':'Deny','Principal':'*','Action':'dynamodb:GetItem','Resource':'*'}");
        const QString b = policyDoc("{'Effect':'Deny','Principal':'*','Action':'dynamodb:PutItem','Resource':'*'}");
        const qint64 revision = put(s("Orders"), a).value(s("RevisionId")).toString().toLongLong();
        m_clock.advanceMs(5000);
        const ApiError e = putFails(s("Orders"), b);
        QCOMPARE(e.type(), s("ThrottlingException"));
        QCOMPARE(e.message(), QStringLiteral("Resource-based policy for table Orders modified within the previous 15000 milliseconds. Please try again "
                                             "after %1.")
                                  .arg(QDateTime::fromMSecsSinceEpoch(revision + 15000, Qt::UTC).toString(Qt::ISODateWithMs)));
        QCOMPARE(put(s("Orders"), a).value(s("RevisionId")).toString().toLongLong(), revision); // the same policy: no change, no wait
        QCOMPARE(fail("DeleteResourcePolicy", QJsonObject{{s("ResourceArn"), kArn + s("Orders")}}).type(), s("ThrottlingException"));
        m_clock.advanceMs(10000);
        QVERIFY(put(s("Orders"), b).value(s("RevisionId")).toString().toLongLong() >= revision + 15000);
    }

    void createTableWithPolicy()
    {
        const QString policy = policyDoc("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::000000000000:user/bob'},'Action':'dynamodb:GetItem',"
                                         "'Resource':'arn:aws:dynamodb:us-east-1:000000000000:table/Audit'}");
        QJsonObject create = obj("{'TableName':'Audit','BillingMode':'PAY_PER_REQUEST','KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
                                 "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}]}");
        create.insert(s("ResourcePolicy"), policy);
        const QJsonObject created = ok("CreateTable", create).value(s("TableDescription")).toObject();
        QVERIFY(!created.contains(s("ResourcePolicy")));
        const QJsonObject got = ok("GetResourcePolicy", QJsonObject{{s("ResourceArn"), kArn + s("Audit")}});
        QCOMPARE(got.value(s("RevisionId")).toString(), QString::number(m_clock.nowMs()));
        QCOMPARE(got.value(s("Policy")).toString(), policy);
        as("AKIDBOB");
        QVERIFY(!ok("GetItem", j("{'TableName':'Audit','Key':{'pk':{'S':'x'}}}").toUtf8()).contains(s("Item")));
        QCOMPARE(fail("PutItem", j("{'TableName':'Audit','Item':{'pk':{'S':'x'}}}").toUtf8()).type(), s("AccessDeniedException"));
        as(nullptr);
        // A bad policy creates no table.
        create.insert(s("TableName"), s("Audit2"));
        create.insert(s("ResourcePolicy"), s("{"));
        QCOMPARE(fail("CreateTable", create).message(), s("One or more parameter values were invalid: Invalid policy document: This policy contains invalid Json"));
        QCOMPARE(fail("DescribeTable", QJsonObject{{s("TableName"), s("Audit2")}}).type(), s("ResourceNotFoundException"));
        // A backup's restore starts without the policy (AWS: set up again on the restored table).
        const QString backup = ok("CreateBackup", obj("{'TableName':'Audit','BackupName':'before'}")).value(s("BackupDetails")).toObject()
                                   .value(s("BackupArn")).toString();
        QTRY_COMPARE_WITH_TIMEOUT(ok("DescribeBackup", QJsonObject{{s("BackupArn"), backup}}).value(s("BackupDescription")).toObject()
                                      .value(s("BackupDetails")).toObject().value(s("BackupStatus")).toString(),
                                  s("AVAILABLE"), 20000);
        ok("RestoreTableFromBackup", QJsonObject{{s("TargetTableName"), s("Audit3")}, {s("BackupArn"), backup}});
        QVERIFY(waitActive(s("Audit3")));
        QCOMPARE(fail("GetResourcePolicy", QJsonObject{{s("ResourceArn"), kArn + s("Audit3")}}).type(), s("PolicyNotFoundException"));
    }

    void fineGrainedAccessControl()
    {
        createTable("Orders");
        as("AKIDALICE");
        // Her own partition, with the attributes she may use.
        ok("PutItem", j("{'TableName':'Orders','Item':{'pk':{'S':'alice'},'sk':{'S':'1'},'note':{'S':'hi'}}}").toUtf8());
        ApiError other = fail("PutItem", j("{'TableName':'Orders','Item':{'pk':{'S':'bob'},'sk':{'S':'1'}}}").toUtf8());
        QCOMPARE(other.message(), s("User: ") + kUser + s("alice is not authorized to perform: dynamodb:PutItem on resource: ") + kArn
                                      + s("Orders because no identity-based policy allows the dynamodb:PutItem action"));
        QCOMPARE(fail("PutItem", j("{'TableName':'Orders','Item':{'pk':{'S':'alice'},'sk':{'S':'2'},'secret':{'S':'x'}}}").toUtf8()).type(),
                 s("AccessDeniedException"));
        // An update naming another attribute, through #names too.
        QCOMPARE(fail("UpdateItem", j("{'TableName':'Orders','Key':{'pk':{'S':'alice'},'sk':{'S':'1'}},'UpdateExpression':'SET #s = :v',"
                                      "'ExpressionAttributeNames':{'#s':'secret'},'ExpressionAttributeValues':{':v':{'S':'x'}}}")
                          .toUtf8())
                     .type(),
                 s("AccessDeniedException"));
        ok("UpdateItem", j("{'TableName':'Orders','Key':{'pk':{'S':'alice'},'sk':{'S':'1'}},'UpdateExpression':'SET #n = :v',"
                           "'ExpressionAttributeNames':{'#n':'note'},'ExpressionAttributeValues':{':v':{'S':'there'}}}")
                         .toUtf8());
        // Reads must name their attributes (dynamodb:Select SPECIFIC_ATTRIBUTES).
        QCOMPARE(fail("GetItem", j("{'TableName':'Orders','Key':{'pk':{'S':'alice'},'sk':{'S':'1'}}}").toUtf8()).type(), s("AccessDeniedException"));
        QCOMPARE(ok("GetItem", j("{'TableName':'Orders','Key':{'pk':{'S':'alice'},'sk':{'S':'1'}},'ProjectionExpression':'pk, note'}").toUtf8())
                     .value(s("Item")).toObject().value(s("note")).toObject().value(s("S")).toString(),
                 s("there"));
        // Query: the partition in the key condition.
        QCOMPARE(ok("Query", j("{'TableName':'Orders','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'alice'}},"
                               "'ProjectionExpression':'pk, sk'}")
                                 .toUtf8())
                     .value(s("Count")).toInt(),
                 1);
        QCOMPARE(fail("Query", j("{'TableName':'Orders','KeyConditionExpression':'pk = :p','ExpressionAttributeValues':{':p':{'S':'bob'}},"
                                 "'ProjectionExpression':'pk, sk'}")
                                   .toUtf8())
                     .type(),
                 s("AccessDeniedException"));
        // A batch with one foreign partition is refused whole, and writes nothing.
        QCOMPARE(fail("BatchWriteItem", j("{'RequestItems':{'Orders':[{'PutRequest':{'Item':{'pk':{'S':'alice'},'sk':{'S':'9'}}}},"
                                          "{'PutRequest':{'Item':{'pk':{'S':'bob'},'sk':{'S':'9'}}}}]}}")
                                            .toUtf8())
                     .type(),
                 s("AccessDeniedException"));
        // As on AWS, a Scan has no leading keys, so ForAllValues holds: the policy must deny Scan itself.
        QCOMPARE(ok("Scan", j("{'TableName':'Orders','ProjectionExpression':'pk, sk'}").toUtf8()).value(s("Count")).toInt(), 1);
        as(nullptr);
        QCOMPARE(ok("Scan", j("{'TableName':'Orders'}").toUtf8()).value(s("Count")).toInt(), 1);
    }

    void conditionOperators_data()
    {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<bool>("allowed");
        // The request: alice, from 203.0.113.7 at 2027-01-15T08:00:00Z, PutItem with
        // leading key "alice" and attributes pk, sk, note.
        QTest::newRow("StringEquals") << s("{'StringEquals':{'aws:username':'alice'}}") << true;
        QTest::newRow("StringEquals other") << s("{'StringEquals':{'aws:username':'bob'}}") << false;
        QTest::newRow("key names any case") << s("{'StringEquals':{'AWS:UserName':'alice'}}") << true;
        QTest::newRow("values are OR") << s("{'StringEquals':{'aws:username':['bob','alice']}}") << true;
        QTest::newRow("keys are AND") << s("{'StringEquals':{'aws:username':'alice','aws:PrincipalAccount':'111122223333'}}") << false;
        QTest::newRow("StringNotEquals") << s("{'StringNotEquals':{'aws:username':['bob','carol']}}") << true;
        QTest::newRow("StringEqualsIgnoreCase") << s("{'StringEqualsIgnoreCase':{'aws:username':'ALICE'}}") << true;
        QTest::newRow("StringLike") << s("{'StringLike':{'aws:PrincipalArn':'arn:aws:iam::*:user/a?ice'}}") << true;
        QTest::newRow("StringNotLike") << s("{'StringNotLike':{'aws:PrincipalArn':'*:user/a*'}}") << false;
        QTest::newRow("absent key") << s("{'StringEquals':{'aws:SourceVpc':'vpc-1'}}") << false;
        QTest::newRow("absent key, negated") << s("{'StringNotEquals':{'aws:SourceVpc':'vpc-1'}}") << true;
        QTest::newRow("IfExists, absent") << s("{'StringEqualsIfExists':{'aws:SourceVpc':'vpc-1'}}") << true;
        QTest::newRow("IfExists, present") << s("{'StringEqualsIfExists':{'aws:username':'bob'}}") << false;
        QTest::newRow("Null true") << s("{'Null':{'aws:SourceVpc':'true'}}") << true;
        QTest::newRow("Null on a present key") << s("{'Null':{'aws:SourceIp':'true'}}") << false;
        QTest::newRow("IpAddress") << s("{'IpAddress':{'aws:SourceIp':['198.51.100.0/24','203.0.113.0/24']}}") << true;
        QTest::newRow("NotIpAddress") << s("{'NotIpAddress':{'aws:SourceIp':'203.0.113.0/28'}}") << false;
        QTest::newRow("IpAddress v6") << s("{'IpAddress':{'aws:SourceIp':'2001:db8::/32'}}") << false;
        QTest::newRow("DateLessThan") << s("{'DateLessThan':{'aws:CurrentTime':'2027-01-15T09:00:00Z'}}") << true;
        QTest::newRow("DateGreaterThan") << s("{'DateGreaterThan':{'aws:CurrentTime':'2027-06-01'}}") << false;
        QTest::newRow("NumericLessThan epoch") << s("{'NumericLessThan':{'aws:EpochTime':1900000000}}") << true;
        QTest::newRow("Bool") << s("{'Bool':{'aws:SecureTransport':'false'}}") << true;
        QTest::newRow("ArnLike") << s("{'ArnLike':{'aws:PrincipalArn':'arn:aws:iam::000000000000:user/*'}}") << true;
        QTest::newRow("ArnNotEquals") << s("{'ArnNotEquals':{'aws:PrincipalArn':'arn:aws:iam::000000000000:user/alice'}}") << false;
        QTest::newRow("ForAllValues") << s("{'ForAllValues:StringEquals':{'dynamodb:Attributes':['pk','sk','note','x']}}") << true;
        QTest::newRow("ForAllValues missing one") << s("{'ForAllValues:StringEquals':{'dynamodb:Attributes':['pk','sk']}}") << false;
        QTest::newRow("ForAnyValue") << s("{'ForAnyValue:StringEquals':{'dynamodb:Attributes':['note']}}") << true;
        QTest::newRow("ForAnyValue absent") << s("{'ForAnyValue:StringEquals':{'dynamodb:EnclosingOperation':'TransactWriteItems'}}") << false;
        QTest::newRow("ForAllValues absent") << s("{'ForAllValues:StringEquals':{'dynamodb:EnclosingOperation':'TransactWriteItems'}}") << true;
        QTest::newRow("ForAllValues:StringNotLike") << s("{'ForAllValues:StringNotLike':{'dynamodb:Attributes':['secret*']}}") << true;
        QTest::newRow("variable") << s("{'ForAllValues:StringEquals':{'dynamodb:LeadingKeys':'${aws:username}'}}") << true;
        QTest::newRow("variable default") << s("{'StringEquals':{'aws:username':'${aws:SourceVpc, ~alice~}'}}") << true;
        QTest::newRow("variable absent") << s("{'StringEquals':{'aws:username':'${aws:SourceVpc}'}}") << false;
        QTest::newRow("ReturnValues") << s("{'StringEquals':{'dynamodb:ReturnValues':'NONE'}}") << true;
        QTest::newRow("ReturnConsumedCapacity") << s("{'StringEquals':{'dynamodb:ReturnConsumedCapacity':'TOTAL'}}") << false;
    }
    void conditionOperators()
    {
        QFETCH(QString, condition);
        QFETCH(bool, allowed);
        const QJsonObject conditionBlock = QJsonDocument::fromJson(j(condition.toUtf8().constData()).replace(u'~', u'\'').toUtf8()).object();
        QVERIFY(!conditionBlock.isEmpty());
        const QJsonObject policy{{s("Version"), s("2012-10-17")},
                                 {s("Statement"), QJsonArray{QJsonObject{{s("Effect"), s("Allow")}, {s("Action"), s("dynamodb:PutItem")},
                                                                         {s("Resource"), s("*")}, {s("Condition"), conditionBlock}}}}};
        const Result<Policy> parsed = Policy::parse(policy);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message()));
        security::Principal alice;
        alice.userName = s("alice");
        alice.accessKeyId = s("AKIDALICE");
        alice.policy = *parsed;
        const security::TableKeyLookup keys = [](const QString &, const QString &) {
            return std::optional<security::TableKeyNames>(security::TableKeyNames{s("pk"), {}});
        };
        const auto needs = security::permissionsFor(u"PutItem", obj("{'TableName':'Orders','Item':{'pk':{'S':'alice'},'sk':{'S':'1'},'note':{'S':'x'}}}"),
                                                    s("us-east-1"), s("000000000000"), QString(), keys);
        const security::RequestFacts facts{s("us-east-1"), s("203.0.113.7"), false,
                                           QDateTime::fromString(s("2027-01-15T08:00:00Z"), Qt::ISODate).toMSecsSinceEpoch()};
        const std::optional<ApiError> denied = security::authorize(alice, needs, s("000000000000"), facts);
        QCOMPARE(!denied.has_value(), allowed);
    }

    void variablesOnlyIn2012Policies()
    {
        // In a 2008-10-17 policy "${aws:username}" is text.
        for (const char *version : {"2012-10-17", "2008-10-17"}) {
            const Result<Policy> p = Policy::parse(QJsonDocument::fromJson(
                policyDoc("{'Effect':'Allow','Action':'dynamodb:GetItem','Resource':'arn:aws:dynamodb:*:*:table/${aws:username}-*'}", version)
                    .toUtf8()).object());
            QVERIFY(p.ok());
            security::ConditionContext c;
            c.set(s("aws:username"), s("alice"));
            QCOMPARE(p->evaluate(s("dynamodb:GetItem"), kArn + s("alice-orders"), c),
                     qstrcmp(version, "2012-10-17") == 0 ? Policy::Decision::Allow : Policy::Decision::ImplicitDeny);
        }
    }

    void corpusReplay()
    {
        // The policy fuzzer's corpus (tests/fuzz/corpus/policy), replayed in every build:
        // policy_harness.h's properties, among them that a canonical document reads back the same.
        const QDir corpus(QFileInfo(QStringLiteral(__FILE__)).dir().filePath(QStringLiteral("../../fuzz/corpus/policy")));
        const QStringList files = corpus.entryList(QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 10, qPrintable(corpus.path()));
        int taken = 0;
        for (const QString &name : files) {
            QFile f(corpus.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray input = f.readAll();
            QVERIFY2(test::checkResourcePolicyDocument(input), qPrintable(name));
            taken += security::readResourcePolicy(QString::fromUtf8(input), {kArn + s("Orders"), QString(), s("000000000000"), {}}).ok();
        }
        QVERIFY2(taken >= 6, qPrintable(QString::number(taken)));
    }

    void tablesNamedByArn()
    {
        createTable("Orders");
        const QString arn = kArn + s("Orders");
        ok("PutItem", QJsonObject{{s("TableName"), arn}, {s("Item"), obj("{'pk':{'S':'a'},'sk':{'S':'1'}}")}});
        QCOMPARE(ok("DescribeTable", QJsonObject{{s("TableName"), arn}}).value(s("Table")).toObject().value(s("TableName")).toString(), s("Orders"));
        // A batch is answered under the names it was asked with.
        const QJsonObject got = ok("BatchGetItem", QJsonObject{{s("RequestItems"), QJsonObject{{arn, obj("{'Keys':[{'pk':{'S':'a'},'sk':{'S':'1'}}]}")}}}});
        QCOMPARE(got.value(s("Responses")).toObject().value(arn).toArray().size(), 1);
        const ApiError region = fail("GetItem", QJsonObject{{s("TableName"), s("arn:aws:dynamodb:eu-west-1:000000000000:table/Orders")},
                                                            {s("Key"), obj("{'pk':{'S':'a'},'sk':{'S':'1'}}")}});
        QCOMPARE(region.message(), s("One or more parameter values were invalid: Invalid resource Arn: arn:aws:dynamodb:eu-west-1:000000000000:table/Orders"));
        QCOMPARE(fail("GetItem", QJsonObject{{s("TableName"), s("arn:aws:dynamodb:us-east-1:111122223333:table/Orders")},
                                             {s("Key"), obj("{'pk':{'S':'a'},'sk':{'S':'1'}}")}})
                     .type(),
                 s("ResourceNotFoundException"));
        // A name still has TableName's rules.
        QVERIFY(fail("GetItem", QJsonObject{{s("TableName"), s("ab")}, {s("Key"), obj("{'pk':{'S':'a'}}")}}).message().contains(
            s("Member must have length greater than or equal to 3")));
    }
};

QTEST_GUILESS_MAIN(TstResourcePolicies)
#include "tst_resourcepolicies.moc"
