// Table ARNs: parseTableArn's parts, and the errors of each operation that
// takes a table's ARN, which all read it with that one parser and check it
// each in its own way: a TableName given as an ARN (tableNameFromArn),
// TagResource's family (ResourceArn) and RestoreTableToPointInTime
// (SourceTableArn). The messages are AWS's, byte for byte.
#include "enginecalls.h"

#include "api/tablearn.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace dd;

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

const QString kArn = QStringLiteral("arn:aws:dynamodb:us-east-1:000000000000:table/");

} // namespace

class TstTableArn : public QObject, public test::EngineCalls {
    Q_OBJECT

public:
    ~TstTableArn() override { m_engine.reset(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        openQuiet(m_dir.path());
        QVERIFY(m_engine);
        for (const char *name : {"Orders", "Kept"})
            ok("CreateTable", QJsonObject{{s("TableName"), s(name)},
                                          {s("BillingMode"), s("PAY_PER_REQUEST")},
                                          {s("AttributeDefinitions"), QJsonArray{QJsonObject{{s("AttributeName"), s("pk")}, {s("AttributeType"), s("S")}}}},
                                          {s("KeySchema"), QJsonArray{QJsonObject{{s("AttributeName"), s("pk")}, {s("KeyType"), s("HASH")}}}}});
        ok("UpdateContinuousBackups", QJsonObject{{s("TableName"), s("Kept")},
                                                  {s("PointInTimeRecoverySpecification"), QJsonObject{{s("PointInTimeRecoveryEnabled"), true}}}});
    }

    void parseTableArn_data()
    {
        QTest::addColumn<QString>("arn");
        QTest::addColumn<bool>("parsed");
        QTest::addColumn<QStringList>("parts"); // partition, region, account, name
        QTest::newRow("a table's") << kArn + s("Orders") << true << QStringList{s("aws"), s("us-east-1"), s("000000000000"), s("Orders")};
        QTest::newRow("empty fields") << s("arn::dynamodb:::table/") << true << QStringList{QString(), QString(), QString(), QString()};
        QTest::newRow("the name is all after table/") << s("arn:aws-cn:dynamodb:r:1:table/a:b/stream/c") << true
                                                      << QStringList{s("aws-cn"), s("r"), s("1"), s("a:b/stream/c")};
        QTest::newRow("no arn:") << s("aws:dynamodb:r:1:table/Orders") << false << QStringList();
        QTest::newRow("another service") << s("arn:aws:s3:r:1:table/Orders") << false << QStringList();
        QTest::newRow("not a table") << s("arn:aws:dynamodb:r:1:backup/Orders") << false << QStringList();
        QTest::newRow("a field short") << s("arn:aws:dynamodb:r:table/Orders") << false << QStringList();
        QTest::newRow("an unpaired surrogate") << kArn + QChar(0xd800) << false << QStringList();
    }
    void parseTableArn()
    {
        QFETCH(QString, arn);
        QFETCH(bool, parsed);
        QFETCH(QStringList, parts);
        const std::optional<api::TableArn> got = api::parseTableArn(arn);
        QCOMPARE(got.has_value(), parsed);
        if (got)
            QCOMPARE((QStringList{got->partition, got->region, got->account, got->name}), parts);
    }

    // A TableName (or RequestItems key, or TransactItems' TableName) given as an ARN.
    void tableNameFromArn_data()
    {
        QTest::addColumn<QString>("arn");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("result"); // the name, or the message
        const QString invalid = s("One or more parameter values were invalid: Invalid resource Arn: ");
        QTest::newRow("ours") << kArn + s("Orders") << QString() << s("Orders");
        QTest::newRow("another partition") << s("arn:aws-cn:dynamodb:us-east-1:000000000000:table/Orders") << s("ValidationException")
                                           << invalid + s("arn:aws-cn:dynamodb:us-east-1:000000000000:table/Orders");
        QTest::newRow("another region") << s("arn:aws:dynamodb:eu-west-1:000000000000:table/Orders") << s("ValidationException")
                                        << invalid + s("arn:aws:dynamodb:eu-west-1:000000000000:table/Orders");
        QTest::newRow("a name too short") << kArn + s("ab") << s("ValidationException") << invalid + kArn + s("ab");
        QTest::newRow("a name with a colon") << kArn + s("a:b") << s("ValidationException") << invalid + kArn + s("a:b");
        // (A regular expression's $ once let this one through as "Orders".)
        QTest::newRow("a newline after the name") << kArn + s("Orders\n") << s("ValidationException") << invalid + kArn + s("Orders\n");
        QTest::newRow("not an ARN") << s("arn:nonsense") << s("ValidationException") << invalid + s("arn:nonsense");
        QTest::newRow("another account") << s("arn:aws:dynamodb:us-east-1:123456789012:table/Orders") << s("ResourceNotFoundException")
                                         << s("Requested resource not found: Table: arn:aws:dynamodb:us-east-1:123456789012:table/Orders not found");
    }
    void tableNameFromArn()
    {
        QFETCH(QString, arn);
        QFETCH(QString, type);
        QFETCH(QString, result);
        const Result<QString> name = api::tableNameFromArn(arn, s("us-east-1"), s("000000000000"));
        QCOMPARE(name.ok() ? QString() : name.error().type(), type);
        QCOMPARE(name.ok() ? *name : name.error().message(), result);
    }

    // ListTagsOfResource, TagResource and UntagResource share one reading of
    // ResourceArn: an ARN without its six parts is refused as access to
    // it, one that has them but is no table's ARN as invalid.
    void tagResourceArn_data()
    {
        QTest::addColumn<QString>("arn");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        const QString denied = s("User: arn:aws:iam::000000000000:user/dynamodesk is not authorized to perform: dynamodb:ListTagsOfResource on resource: ");
        const QString invalid = s("Invalid TableArn: Invalid ResourceArn provided as input ");
        const auto notFound = [](const QString &arn) { return s("Requested resource not found: ResourcArn: ") + arn + s(" not found"); };
        QTest::newRow("ours") << kArn + s("Orders") << QString() << QString();
        QTest::newRow("not ARN-shaped") << s("Orders") << s("AccessDeniedException") << denied + s("Orders");
        QTest::newRow("another partition") << s("arn:aws-cn:dynamodb:us-east-1:000000000000:table/Orders") << s("ValidationException")
                                           << invalid + s("arn:aws-cn:dynamodb:us-east-1:000000000000:table/Orders");
        QTest::newRow("an account not numeric") << s("arn:aws:dynamodb:us-east-1:acct:table/Orders") << s("ValidationException")
                                                << invalid + s("arn:aws:dynamodb:us-east-1:acct:table/Orders");
        QTest::newRow("an empty region") << s("arn:aws:dynamodb::000000000000:table/Orders") << s("AccessDeniedException")
                                         << denied + s("arn:aws:dynamodb::000000000000:table/Orders");
        QTest::newRow("a name too short") << kArn + s("ab") << s("ValidationException") << invalid + kArn + s("ab");
        QTest::newRow("an index") << kArn + s("Orders/index/byDate") << s("ValidationException") << invalid + kArn + s("Orders/index/byDate");
        QTest::newRow("another region") << s("arn:aws:dynamodb:eu-west-1:000000000000:table/Orders") << s("ResourceNotFoundException")
                                        << notFound(s("arn:aws:dynamodb:eu-west-1:000000000000:table/Orders"));
        QTest::newRow("another account") << s("arn:aws:dynamodb:us-east-1:123456789012:table/Orders") << s("ResourceNotFoundException")
                                         << notFound(s("arn:aws:dynamodb:us-east-1:123456789012:table/Orders"));
        QTest::newRow("no such table") << kArn + s("Nope") << s("ResourceNotFoundException") << notFound(kArn + s("Nope"));
    }
    void tagResourceArn()
    {
        QFETCH(QString, arn);
        QFETCH(QString, type);
        QFETCH(QString, message);
        const Result<QJsonObject> r = call("ListTagsOfResource", QJsonObject{{s("ResourceArn"), arn}});
        QCOMPARE(r.ok() ? QString() : r.error().type(), type);
        QCOMPARE(r.ok() ? QString() : r.error().message(), message);
    }

    void restoreSourceArn_data()
    {
        QTest::addColumn<QString>("arn");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        const QString invalid = s("sourceTableArn is not a valid ARN");
        QTest::newRow("not an ARN") << s("garbage-arn-that-is-long-enough") << s("ValidationException") << invalid;
        QTest::newRow("another partition") << s("arn:aws-cn:dynamodb:us-east-1:000000000000:table/Kept") << s("ValidationException") << invalid;
        QTest::newRow("an empty region") << s("arn:aws:dynamodb::000000000000:table/Kept") << s("ValidationException") << invalid;
        QTest::newRow("an index") << kArn + s("Kept/index/byDate") << s("ValidationException") << invalid;
        QTest::newRow("another account") << s("arn:aws:dynamodb:us-east-1:123456789012:table/Kept") << s("ValidationException")
                                         << s("This action is only supported by accounts that match the resource owner's account");
        QTest::newRow("PITR off") << kArn + s("Orders") << s("PointInTimeRecoveryUnavailableException")
                                  << s("Point in time recovery is not enabled for table 'Orders'");
        QTest::newRow("no such table") << kArn + s("Nope") << s("TableNotFoundException") << s("Table not found: Nope");
        QTest::newRow("another region's") << s("arn:aws:dynamodb:eu-west-1:000000000000:table/Orders") << s("TableNotFoundException")
                                          << s("Table not found: Orders");
    }
    void restoreSourceArn()
    {
        QFETCH(QString, arn);
        QFETCH(QString, type);
        QFETCH(QString, message);
        const ApiError e = fail("RestoreTableToPointInTime", QJsonObject{{s("SourceTableArn"), arn},
                                                                         {s("TargetTableName"), s("Restored")},
                                                                         {s("UseLatestRestorableTime"), true}});
        QCOMPARE(e.type(), type);
        QCOMPARE(e.message(), message);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TstTableArn)
#include "tst_tablearn.moc"
