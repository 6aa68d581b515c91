// "Copy as code" works as copied: the Python programs (boto3) and the
// JavaScript ones (the AWS SDK for JavaScript v3 from npm) that the table
// browser and the transaction builder copy, and the table designer shows, run, unchanged, against the
// embedded database served on 127.0.0.1, and do what the request says:
// items of every attribute type with awkward strings and binary values
// arrive byte for byte (PutItem, read back through the engine), a
// transaction writes, the designer's table is created with its TTL after
// the SDK's table-exists waiter, and the browser's Scan prints the table's
// items.
// The JavaScript half needs Node.js 20 or later and tests/e2e/js's
// node_modules (test_js_sdk.py installs them); without them it is skipped,
// saying why.
#include "browser/tablebrowser.h"
#include "common/codesnippet.h"
#include "common/copyasbutton.h"
#include "designer/tabledesign.h"
#include "designer/tabledesigner.h"
#include "transactions/transactionbuilder.h"
#include "uitest.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QTemporaryDir>

using namespace dd::ui;

namespace {

QString p(const char *s) { return QString::fromUtf8(s); }

QJsonObject json(const char *text) { return QJsonDocument::fromJson(QByteArray(text)).object(); }

// Items of every attribute type; strings with quotes (\u0022: moc misreads \" in a raw string), backslashes, control
// characters, non-ASCII and a character outside the BMP; binaries that are
// not text.
QList<QJsonObject> awkwardItems()
{
    return {
        json(R"({"pk": {"S": "plain"}, "n": {"N": "-12500"}, "ok": {"BOOL": true}, "nothing": {"NULL": true}})"),
        json(R"({"pk": {"S": "quotes \u0022 and \u0027 and \\ and \/ slash"}, "s": {"S": "line\nbreak\ttab\r\u0001\u007f end"}})"),
        json(R"({"pk": {"S": "ünïcödé 日本語 😀 \u2028"}, "b": {"B": "AAEC/f7/"}, "bs": {"BS": ["AA==", "//8="]}})"),
        json(R"({"pk": {"S": "sets"}, "ss": {"SS": ["a", "b\u0022c"]}, "ns": {"NS": ["1", "2.5"]},
                 "m": {"M": {"B": {"S": "a map member named B"}, "l": {"L": [{"N": "1"}, {"B": "3q2+7w=="}, {"M": {}}]}}}})"),
        json(R"({"pk": {"S": "long"}, "text": {"S": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"},
                 "deep": {"M": {"a": {"M": {"b": {"M": {"c": {"L": [{"S": "one"}, {"S": "two"}, {"S": "three"}, {"S": "four"}, {"S": "five"}]}}}}}}}})"),
    };
}

int nodeMajor()
{
    QProcess node;
    node.start(p("node"), {p("--version")});
    if (!node.waitForFinished(10000) || node.exitCode() != 0)
        return 0;
    return QString::fromUtf8(node.readAllStandardOutput()).trimmed().mid(1).section(QLatin1Char('.'), 0, 0).toInt();
}

} // namespace

class TestCodeSnippet : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void methodNamesAndLiterals();
    void copyAsMenu();
    void pythonProgramsRun();
    void javaScriptProgramsRun();
    void cleanupTestCase();

private:
    // Runs `program` (a file with `suffix`) with `interpreter` in m_dir and returns its standard output.
    QByteArray run(const QString &interpreter, const QString &program, const QString &suffix);
    void programsRun(CopyFormat format, const QString &interpreter, const QString &suffix);

    std::unique_ptr<Connection> m_connection;
    QTemporaryDir m_dir;
    int m_programs = 0;
};

void TestCodeSnippet::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_connection = uitest::inMemoryConnection();
    QString error;
    QVERIFY2(m_connection->startServing(0, &error), qPrintable(error));
    QVERIFY(m_connection->endpointForPrograms().startsWith(p("http://127.0.0.1:")));
}

void TestCodeSnippet::cleanupTestCase()
{
    m_connection.reset();
}

QByteArray TestCodeSnippet::run(const QString &interpreter, const QString &program, const QString &suffix)
{
    const QString path = m_dir.filePath(QStringLiteral("request%1%2").arg(++m_programs).arg(suffix));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(program.toUtf8());
    file.close();
    QProcess proc;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Nothing of this machine's AWS setup may help or hinder the program.
    for (const char *name : {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE"})
        env.remove(QLatin1String(name));
    env.insert(p("AWS_CONFIG_FILE"), p("/dev/null"));
    env.insert(p("AWS_SHARED_CREDENTIALS_FILE"), p("/dev/null"));
    env.insert(p("AWS_EC2_METADATA_DISABLED"), p("true"));
    proc.setProcessEnvironment(env);
    proc.setWorkingDirectory(m_dir.path());
    proc.start(interpreter, {path});
    if (!proc.waitForFinished(120000) || proc.exitStatus() != QProcess::NormalExit || proc.exitCode() != 0) {
        qWarning("%s %s failed:\n%s\n%s", qPrintable(interpreter), qPrintable(path), proc.readAllStandardError().constData(),
                 qPrintable(program));
        return {};
    }
    return proc.readAllStandardOutput();
}

void TestCodeSnippet::methodNamesAndLiterals()
{
    QCOMPARE(code::pythonMethod(p("BatchWriteItem")), p("batch_write_item"));
    QCOMPARE(code::pythonMethod(p("Query")), p("query"));
    QCOMPARE(code::pythonMethod(p("DescribeTimeToLive")), p("describe_time_to_live"));

    const QJsonObject request{{p("TableName"), p("t")},
                              {p("Item"), json(R"({"pk": {"S": "a\u0022b"}, "b": {"B": "AQID"}, "n": {"NULL": true}, "t": {"BOOL": false}})")},
                              {p("ReturnValues"), p("ALL_OLD")}};
    const QString py = code::program(CopyFormat::Python, p("PutItem"), request, p("http://127.0.0.1:8000"), p("eu-west-1"));
    QVERIFY2(py.startsWith(p("import base64\nimport json\n\nimport boto3\n")), qPrintable(py));
    QVERIFY2(py.contains(p("response = client.put_item(\n    TableName=\"t\",\n    Item={")), qPrintable(py));
    QVERIFY2(py.contains(p("\"b\": {\"B\": base64.b64decode(\"AQID\")}")), qPrintable(py));
    QVERIFY2(py.contains(p("{\"NULL\": True}")) && py.contains(p("{\"BOOL\": False}")), qPrintable(py));
    QVERIFY2(py.contains(p("\"a\\\"b\"")), qPrintable(py));
    QVERIFY2(py.contains(p("endpoint_url=\"http://127.0.0.1:8000\"")) && py.contains(p("region_name=\"eu-west-1\"")), qPrintable(py));
    QVERIFY(py.indexOf(p("    TableName=")) < py.indexOf(p("    Item=")));

    const QString js = code::program(CopyFormat::JavaScript, p("PutItem"), request, p("http://127.0.0.1:8000"), p("eu-west-1"));
    QVERIFY2(js.contains(p("import { DynamoDBClient, PutItemCommand } from \"@aws-sdk/client-dynamodb\";")), qPrintable(js));
    QVERIFY2(js.contains(p("b: { B: Buffer.from(\"AQID\", \"base64\") }")), qPrintable(js));
    QVERIFY2(js.contains(p("n: { NULL: true }")) && js.contains(p("TableName: \"t\",")), qPrintable(js));

    // Without an endpoint (AWS): the SDK's own endpoint and credentials.
    const QString aws = code::program(CopyFormat::Python, p("Scan"), {{p("TableName"), p("t")}}, QString(), p("us-east-2"));
    QVERIFY2(!aws.contains(p("endpoint_url")) && !aws.contains(p("aws_access_key_id")) && !aws.contains(p("base64")), qPrintable(aws));

    // A long value is spread over lines, none of them past 100 columns
    // unless a single string is longer.
    const QString longOne = code::program(CopyFormat::Python, p("PutItem"), {{p("TableName"), p("t")}, {p("Item"), awkwardItems().last()}});
    for (const QString &line : longOne.split(QLatin1Char('\n')))
        QVERIFY2(line.size() <= 100 || line.contains(p("xxxxxxxxxxxxxxxx")), qPrintable(line));
    QVERIFY2(longOne.contains(p("\n            \"deep\": {\"M\"")) || longOne.contains(p("\n        \"deep\": {")), qPrintable(longOne));
}

void TestCodeSnippet::copyAsMenu()
{
    uitest::createTable(*m_connection, p("Menu"), p("pk"));
    TableBrowser browser(m_connection.get(), p("Menu"));
    QTRY_VERIFY(browser.isReady());
    auto *button = browser.findChild<CopyAsButton *>(p("copyCli"));
    QVERIFY(button);
    QVERIFY(button->menu());
    // The button's mnemonic (Alt+C) copies the AWS CLI command, as its click does.
    browser.show();
    QVERIFY(QTest::qWaitForWindowActive(&browser));
    QApplication::clipboard()->clear();
    QTest::keyClick(&browser, Qt::Key_C, Qt::AltModifier);
    QTRY_VERIFY(QApplication::clipboard()->text().startsWith(p("aws dynamodb scan")));
    QApplication::clipboard()->clear();
    button->click(); // the button itself: the AWS CLI command
    QTRY_VERIFY(QApplication::clipboard()->text().startsWith(p("aws dynamodb scan")));
    QVERIFY(QApplication::clipboard()->text().contains(p("--endpoint-url ") + m_connection->endpointForPrograms()));
    button->menu()->findChild<QAction *>(p("copyAsPython"))->trigger();
    QCOMPARE(QApplication::clipboard()->text(), browser.copyText(CopyFormat::Python));
    QVERIFY(browser.copyText(CopyFormat::Python).contains(p("client.scan(")));
    button->menu()->findChild<QAction *>(p("copyAsJavaScript"))->trigger();
    QCOMPARE(QApplication::clipboard()->text(), browser.copyText(CopyFormat::JavaScript));
    QVERIFY(browser.copyText(CopyFormat::JavaScript).contains(p("new ScanCommand(")));

    // A form that does not make a request copies nothing and says why.
    QTest::mouseClick(browser.findChild<QToolButton *>(p("rawToggle")), Qt::LeftButton);
    browser.findChild<QLineEdit *>(p("names"))->setText(p("not JSON"));
    QApplication::clipboard()->setText(p("untouched"));
    button->menu()->findChild<QAction *>(p("copyAsPython"))->trigger();
    QCOMPARE(QApplication::clipboard()->text(), p("untouched"));
    QVERIFY2(browser.findChild<QLabel *>(p("queryError"))->text().contains(p("Names must be a JSON object")),
             qPrintable(browser.findChild<QLabel *>(p("queryError"))->text()));
}

void TestCodeSnippet::programsRun(CopyFormat format, const QString &interpreter, const QString &suffix)
{
    const QString table = format == CopyFormat::Python ? p("FromPython") : p("FromJavaScript");
    uitest::createTable(*m_connection, table, p("pk"));
    const QString endpoint = m_connection->endpointForPrograms();
    const QString region = m_connection->region();

    // PutItem: each item arrives exactly as written.
    const QList<QJsonObject> items = awkwardItems();
    for (const QJsonObject &item : items) {
        const QString program = code::program(format, p("PutItem"), {{p("TableName"), table}, {p("Item"), item}}, endpoint, region);
        QVERIFY(!run(interpreter, program, suffix).isNull());
        const QJsonObject stored = uitest::get(*m_connection, table, {{p("pk"), item.value(p("pk"))}});
        QCOMPARE(stored, item);
    }

    // A transaction from the builder: a Put and an Update.
    TransactionBuilder builder(m_connection.get());
    TransactionAction putAction;
    putAction.table = table;
    putAction.keyText = p(R"({"pk": {"S": "from a transaction"}, "b": {"B": "/wA="}})");
    builder.addAction(putAction);
    TransactionAction update;
    update.type = TransactionAction::Type::Update;
    update.table = table;
    update.keyText = p(R"({"pk": {"S": "plain"}})");
    update.update = p("SET #n = #n + :one");
    update.namesText = p(R"({"#n": "n"})");
    update.valuesText = p(R"({":one": {"N": "1"}})");
    builder.addAction(update);
    QVERIFY(!run(interpreter, builder.copyText(format), suffix).isNull());
    QCOMPARE(uitest::get(*m_connection, table, {{p("pk"), uitest::S(p("from a transaction"))}}),
             json(R"({"pk": {"S": "from a transaction"}, "b": {"B": "/wA="}})"));
    QCOMPARE(uitest::get(*m_connection, table, {{p("pk"), uitest::S(p("plain"))}}).value(p("n")).toObject().value(p("N")).toString(),
             p("-12499"));

    // The designer's program: CreateTable (a GSI, a stream, tags), the
    // table-exists waiter, then UpdateTimeToLive.
    TableDesign d;
    d.tableName = table + p("Designed");
    d.partition = {p("id"), p("S")};
    d.sort = {p("at"), p("N")};
    d.indexes.append({true, p("byKind"), {p("kind"), p("S")}, {p("at"), p("N")}});
    d.streamViewType = p("NEW_IMAGE");
    d.tags.append({p("owner"), p("team a/b: ops + dev")}); // within AWS's tag characters (quotes: the items above)
    d.ttlAttribute = p("expires");
    TableDesigner designer(m_connection.get());
    designer.setDesign(d);
    const QString program = designer.program(format);
    QVERIFY2(program.contains(format == CopyFormat::Python ? p("get_waiter(\"table_exists\")") : p("waitUntilTableExists")), qPrintable(program));
    QVERIFY(!run(interpreter, program, suffix).isNull());
    const auto described = m_connection->callSync(p("DescribeTable"), {{p("TableName"), d.tableName}});
    QVERIFY(described.ok());
    const QJsonObject t = described.body.value(p("Table")).toObject();
    QCOMPARE(t.value(p("GlobalSecondaryIndexes")).toArray().first().toObject().value(p("IndexName")).toString(), p("byKind"));
    QCOMPARE(t.value(p("StreamSpecification")).toObject().value(p("StreamViewType")).toString(), p("NEW_IMAGE"));
    const auto ttl = m_connection->callSync(p("DescribeTimeToLive"), {{p("TableName"), d.tableName}});
    QCOMPARE(ttl.body.value(p("TimeToLiveDescription")).toObject().value(p("AttributeName")).toString(), p("expires"));
    const auto tags = m_connection->callSync(p("ListTagsOfResource"), {{p("ResourceArn"), t.value(p("TableArn")).toString()}});
    QCOMPARE(tags.body.value(p("Tags")).toArray().first().toObject().value(p("Value")).toString(), p("team a/b: ops + dev"));

    // The browser's Scan prints the table's items.
    TableBrowser browser(m_connection.get(), table);
    QTRY_VERIFY(browser.isReady());
    const QByteArray out = run(interpreter, browser.copyText(format), suffix);
    const QJsonObject response = QJsonDocument::fromJson(out).object();
    QCOMPARE(response.value(p("Count")).toInt(), int(items.size()) + 1);
    QStringList keys;
    for (const QJsonValue &v : response.value(p("Items")).toArray())
        keys << v.toObject().value(p("pk")).toObject().value(p("S")).toString();
    keys.sort();
    QStringList expected{p("from a transaction")};
    for (const QJsonObject &item : items)
        expected << item.value(p("pk")).toObject().value(p("S")).toString();
    expected.sort();
    QCOMPARE(keys, expected);
}

void TestCodeSnippet::pythonProgramsRun()
{
    QProcess probe;
    probe.start(p("python3"), {p("-c"), p("import boto3")});
    QVERIFY2(probe.waitForFinished(60000) && probe.exitCode() == 0, "python3 with boto3 (python3-boto3) is needed");
    programsRun(CopyFormat::Python, p("python3"), p(".py"));
}

void TestCodeSnippet::javaScriptProgramsRun()
{
    const QString modules = QStringLiteral(DD_SOURCE_DIR "/tests/e2e/js/node_modules");
    if (nodeMajor() < 20 || !QFile::exists(modules + p("/@aws-sdk/client-dynamodb/package.json")))
        QSKIP("needs Node.js 20 or later and the AWS SDK for JavaScript v3 in tests/e2e/js/node_modules (npm ci there)");
    // ES modules find packages in a node_modules beside or above the file.
    QVERIFY(QFile::link(modules, m_dir.filePath(p("node_modules"))));
    programsRun(CopyFormat::JavaScript, p("node"), p(".mjs"));
}

QTEST_MAIN(TestCodeSnippet)
#include "tst_codesnippet.moc"
