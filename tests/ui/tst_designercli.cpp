// "Copy as AWS CLI command" works as copied: the designer's command (with a
// GSI, an LSI, provisioned capacity, a stream, tags and a TTL attribute that
// needs `wait table-exists` and `update-time-to-live` after it) is run by
// bash with the real AWS CLI v2 against a dynamodesk-server started here,
// and so is `create-table --cli-input-json file://...` with the designer's
// JSON; both tables are then read back with describe-table.
#include "designer/tabledesign.h"
#include "designer/tabledesigner.h"
#include "uitest.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace dd::ui;

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

QProcessEnvironment awsEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(p("AWS_ACCESS_KEY_ID"), p("AKIDEXAMPLE"));
    env.insert(p("AWS_SECRET_ACCESS_KEY"), p("secret"));
    env.insert(p("AWS_DEFAULT_REGION"), p("us-east-1"));
    env.insert(p("AWS_PAGER"), QString());
    env.insert(p("AWS_EC2_METADATA_DISABLED"), p("true"));
    env.insert(p("AWS_CONFIG_FILE"), p("/dev/null"));
    env.insert(p("AWS_SHARED_CREDENTIALS_FILE"), p("/dev/null"));
    return env;
}

TableDesign fullDesign(const QString &name)
{
    TableDesign d;
    d.tableName = name;
    d.partition = {p("customerId"), p("S")};
    d.sort = {p("orderDate"), p("N")};
    d.onDemand = false;
    d.readCapacity = 4;
    d.writeCapacity = 2;
    IndexDesign gsi{true, p("byStatus"), {p("status"), p("S")}, {p("orderDate"), p("N")}};
    gsi.projection = p("INCLUDE");
    gsi.included = {p("total"), p("it's quoted"), p("$HOME & co")}; // any characters, as attribute names allow
    d.indexes << gsi;
    d.indexes.append({false, p("bySku"), d.partition, {p("sku"), p("S")}});
    d.streamViewType = p("NEW_AND_OLD_IMAGES");
    d.tags.append({p("owner"), p("team a/b: ops + dev")}); // within AWS's tag characters, spaces included
    d.ttlAttribute = p("expiresAt");
    return d;
}

} // namespace

class TestDesignerCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void shellCommandRuns();
    void cliInputJsonRuns();
    void cleanupTestCase();

private:
    QJsonObject aws(const QStringList &args);
    QProcess m_server;
    QString m_endpoint;
    std::unique_ptr<Connection> m_connection; // the designer's own (unused for the calls here)
};

void TestDesignerCli::initTestCase()
{
    QVERIFY2(QFile::exists(p("/usr/bin/aws")), "the AWS CLI v2 is needed at /usr/bin/aws");
    QString server = qEnvironmentVariable("DYNAMODESK_SERVER");
    if (server.isEmpty())
        server = QCoreApplication::applicationDirPath() + p("/../bin/dynamodesk-server");
    QVERIFY2(QFile::exists(server), qPrintable(server));
    m_server.start(server, {p("--in-memory"), p("--port"), p("0")});
    QVERIFY(m_server.waitForStarted(10000));
    QVERIFY(m_server.waitForReadyRead(10000));
    const QString line = QString::fromUtf8(m_server.readLine());
    const auto match = QRegularExpression(p("http://127\\.0\\.0\\.1:\\d+")).match(line);
    QVERIFY2(match.hasMatch(), qPrintable(line));
    m_endpoint = match.captured(0);
    m_connection = uitest::inMemoryConnection();
}

void TestDesignerCli::cleanupTestCase()
{
    m_server.terminate();
    if (!m_server.waitForFinished(10000))
        m_server.kill();
    m_connection.reset();
}

QJsonObject TestDesignerCli::aws(const QStringList &args)
{
    QProcess proc;
    proc.setProcessEnvironment(awsEnvironment());
    proc.start(p("/usr/bin/aws"), args + QStringList{p("--endpoint-url"), m_endpoint, p("--output"), p("json")});
    if (!proc.waitForFinished(120000) || proc.exitCode() != 0)
        qWarning("aws %s: %s", qPrintable(args.join(QLatin1Char(' '))), proc.readAllStandardError().constData());
    return QJsonDocument::fromJson(proc.readAllStandardOutput()).object();
}

void TestDesignerCli::shellCommandRuns()
{
    TableDesigner designer(m_connection.get());
    designer.setDesign(fullDesign(p("ShellOrders")));
    const QString command = designer.cliCommand(m_endpoint);
    QVERIFY(command.contains(p("aws dynamodb wait table-exists")));
    QVERIFY(command.contains(p("aws dynamodb update-time-to-live")));

    QProcess bash;
    bash.setProcessEnvironment(awsEnvironment());
    bash.start(p("/bin/bash"), {p("-c"), p("set -e\n") + command});
    QVERIFY(bash.waitForFinished(180000));
    QVERIFY2(bash.exitCode() == 0, bash.readAllStandardError().constData());

    const QJsonObject t = aws({p("dynamodb"), p("describe-table"), p("--table-name"), p("ShellOrders")}).value(p("Table")).toObject();
    QCOMPARE(t.value(p("TableStatus")).toString(), p("ACTIVE"));
    QCOMPARE(t.value(p("ProvisionedThroughput")).toObject().value(p("ReadCapacityUnits")).toInt(), 4);
    const QJsonObject gsi = t.value(p("GlobalSecondaryIndexes")).toArray().at(0).toObject();
    QCOMPARE(gsi.value(p("IndexName")).toString(), p("byStatus"));
    QCOMPARE(gsi.value(p("Projection")).toObject().value(p("NonKeyAttributes")).toArray(), QJsonArray({p("total"), p("it's quoted"), p("$HOME & co")}));
    QCOMPARE(t.value(p("LocalSecondaryIndexes")).toArray().at(0).toObject().value(p("IndexName")).toString(), p("bySku"));
    QCOMPARE(t.value(p("StreamSpecification")).toObject().value(p("StreamViewType")).toString(), p("NEW_AND_OLD_IMAGES"));
    const QJsonObject ttl = aws({p("dynamodb"), p("describe-time-to-live"), p("--table-name"), p("ShellOrders")});
    QCOMPARE(ttl.value(p("TimeToLiveDescription")).toObject().value(p("AttributeName")).toString(), p("expiresAt"));
    const QJsonObject tags = aws({p("dynamodb"), p("list-tags-of-resource"), p("--resource-arn"), t.value(p("TableArn")).toString()});
    QCOMPARE(tags.value(p("Tags")).toArray().at(0).toObject().value(p("Value")).toString(), p("team a/b: ops + dev"));
}

void TestDesignerCli::cliInputJsonRuns()
{
    TableDesigner designer(m_connection.get());
    designer.setDesign(fullDesign(p("JsonOrders")));
    QTemporaryDir dir;
    const QString path = dir.filePath(p("create-table.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(designer.cliInputJson().toUtf8());
    f.close();

    QProcess bash;
    bash.setProcessEnvironment(awsEnvironment());
    bash.start(p("/bin/bash"), {p("-c"), QStringLiteral("aws dynamodb create-table --cli-input-json file://%1 --endpoint-url %2").arg(path, m_endpoint)});
    QVERIFY(bash.waitForFinished(120000));
    QVERIFY2(bash.exitCode() == 0, bash.readAllStandardError().constData());
    const QJsonObject t = aws({p("dynamodb"), p("describe-table"), p("--table-name"), p("JsonOrders")}).value(p("Table")).toObject();
    QCOMPARE(t.value(p("KeySchema")).toArray().size(), 2);
    QCOMPARE(t.value(p("GlobalSecondaryIndexes")).toArray().size(), 1);
    QCOMPARE(t.value(p("LocalSecondaryIndexes")).toArray().size(), 1);
    QCOMPARE(t.value(p("ProvisionedThroughput")).toObject().value(p("WriteCapacityUnits")).toInt(), 2);
}

QTEST_MAIN(TestDesignerCli)
#include "tst_designercli.moc"
