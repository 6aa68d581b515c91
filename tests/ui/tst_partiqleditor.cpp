// The PartiQL editor against the in-memory engine: INSERT, UPDATE and
// SELECT statements typed into the editor and run with Ctrl+Return, the
// grid's rows and cells (key columns first); a statement with parameters
// and parameters that are not JSON (reported under the field, no call); a
// syntax error with DynamoDB's message and no rows; a page size (Limit)
// whose NextToken Load more follows to the end without duplicates; Cancel;
// the history (successful statements only, newest first, kept per
// connection); Copy as AWS CLI and Python; a row opened in the item editor
// and saved back into the grid; the highlighter's formats and the lexer's
// table names; and the main window's wiring (tree menu, Table menu, one tab
// per connection, closed with its connection).
// Strings with quotes are ordinary literals, not raw strings: moc drops a
// test class whose raw strings hold \" or '.
#include "common/copyasbutton.h"
#include "connections/connectiontree.h"
#include "items/itemeditor.h"
#include "mainwindow/mainwindow.h"
#include "partiql/partiqleditor.h"
#include "partiql/partiqlhighlighter.h"
#include "partiql/partiqllexer.h"
#include "partiql/partiqlresultmodel.h"
#include "uitest.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolButton>

#include <algorithm>

using namespace dd::ui;

class TestPartiqlEditor : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void insertAndSelectThroughTheEditor();
    void updateThenSelect();
    void parameters();
    void parametersThatAreNotJsonMakeNoCall();
    void syntaxErrorShowsDynamoDbsMessage();
    void loadMoreFollowsNextTokenToTheEnd();
    void cancelStopsWaiting();
    void historyKeepsSuccessfulStatements();
    void copyAsCliAndPython();
    void copiedCommandAndProgramRun();
    void rowOpensInTheItemEditor();
    void highlighter();
    void lexerFindsTheTable_data();
    void lexerFindsTheTable();
    void lexerNamesTheProjection();
    void mainWindowWiring();
    void cleanupTestCase();

private:
    // Types `statement` into the editor, presses Ctrl+Return and waits for the result.
    bool runTyped(const QString &statement, const QString &parameters = QString());
    QString cell(int row, const QString &column) const;
    // Runs `program` with `interpreter` (bash -c for a command), keys for a local endpoint; its standard output.
    QByteArray runCopied(const QString &interpreter, const QStringList &arguments);

    QTemporaryDir m_config;
    std::unique_ptr<Connection> m_connection;
    PartiqlEditor *m_editor = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestPartiqlEditor::initTestCase()
{
    QVERIFY(m_config.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    m_connection = uitest::inMemoryConnection();
    uitest::createTable(*m_connection, QStringLiteral("Music"), QStringLiteral("Artist"), QStringLiteral("SongTitle"));
    m_editor = new PartiqlEditor(m_connection.get());
    m_tester = new QAbstractItemModelTester(m_editor->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_editor);
    m_editor->resize(1100, 700);
    m_editor->show();
    QApplication::setActiveWindow(m_editor);
    QVERIFY(QTest::qWaitForWindowActive(m_editor));
}

void TestPartiqlEditor::cleanupTestCase()
{
    delete m_editor;
    m_connection.reset();
}

bool TestPartiqlEditor::runTyped(const QString &statement, const QString &parameters)
{
    if (QApplication::activeWindow() != m_editor) { // the shortcut works in the active window
        QApplication::setActiveWindow(m_editor);
        if (!QTest::qWaitForWindowActive(m_editor))
            return false;
    }
    QPlainTextEdit *edit = m_editor->statementEdit();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    const QStringList lines = statement.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClicks(edit, lines[i]);
    }
    m_editor->findChild<QLineEdit *>(QStringLiteral("parameters"))->setText(parameters);
    edit->setFocus();
    QSignalSpy finished(m_editor, &PartiqlEditor::finished);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    if (!m_editor->isRunning() && finished.isEmpty())
        return false; // the shortcut did not run it
    if (!finished.wait(10000) && finished.isEmpty())
        return false;
    return finished.at(0).at(0).toBool();
}

QString TestPartiqlEditor::cell(int row, const QString &column) const
{
    const int c = int(m_editor->model()->columns().indexOf(column));
    return c < 0 ? QString() : m_editor->model()->index(row, c).data().toString();
}

void TestPartiqlEditor::insertAndSelectThroughTheEditor()
{
    QVERIFY(runTyped(QStringLiteral("INSERT INTO \"Music\" VALUE {'Artist': 'Acme', 'SongTitle': 'Song 1', 'Plays': 10}")));
    QCOMPARE(m_editor->errorText(), QString());
    QVERIFY2(m_editor->statusText().startsWith(QStringLiteral("Statement ran")), qPrintable(m_editor->statusText()));
    QVERIFY(runTyped(QStringLiteral("INSERT INTO Music VALUE {'Artist': 'Acme', 'SongTitle': 'Song 2', 'Plays': 25, 'Tags': <<'live', 'rare'>>}")));
    QVERIFY(runTyped(QStringLiteral("INSERT INTO Music VALUE {'Artist': 'Band', 'SongTitle': 'It''s', 'Plays': 3}")));
    QCOMPARE(uitest::get(*m_connection, QStringLiteral("Music"), {{QStringLiteral("Artist"), uitest::S(QStringLiteral("Band"))}, {QStringLiteral("SongTitle"), uitest::S(QStringLiteral("It's"))}})
                 .value(QStringLiteral("Plays")).toObject(), uitest::N(QStringLiteral("3")));

    QVERIFY(runTyped(QStringLiteral("SELECT * FROM \"Music\" WHERE Artist = 'Acme'")));
    PartiqlResultModel *model = m_editor->model();
    QCOMPARE(model->rowCount(), 2);
    // The key attributes first, then the others by name.
    QCOMPARE(model->columns(), (QStringList{QStringLiteral("Artist"), QStringLiteral("SongTitle"), QStringLiteral("Plays"), QStringLiteral("Tags")}));
    QCOMPARE(cell(0, QStringLiteral("SongTitle")), QStringLiteral("Song 1"));
    QCOMPARE(cell(1, QStringLiteral("SongTitle")), QStringLiteral("Song 2"));
    QCOMPARE(cell(1, QStringLiteral("Plays")), QStringLiteral("25"));
    QCOMPARE(cell(0, QStringLiteral("Tags")), QString()); // absent
    QCOMPARE(model->item(1).value(QStringLiteral("Tags")).toObject().value(QStringLiteral("SS")).toArray().size(), 2);
    QCOMPARE(m_editor->view()->model(), model);
    // "2 items · 1 capacity units" (English has the numerus forms of the source).
    QVERIFY2(m_editor->statusText().startsWith(QStringLiteral("2 item")), qPrintable(m_editor->statusText()));
    QVERIFY2(m_editor->statusText().contains(QStringLiteral("capacity units")), qPrintable(m_editor->statusText()));
    QVERIFY(!m_editor->hasMore());
    QVERIFY(m_editor->findChild<QPushButton *>(QStringLiteral("loadMore"))->isHidden());

    // A projection shows only what it selects.
    QVERIFY(runTyped(QStringLiteral("SELECT SongTitle, Plays FROM Music WHERE Artist = 'Band'")));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->columns(), (QStringList{QStringLiteral("SongTitle"), QStringLiteral("Plays")})); // in the projection's order
    QCOMPARE(cell(0, QStringLiteral("SongTitle")), QStringLiteral("It's"));
    QVERIFY(model->headerData(0, Qt::Horizontal, Qt::DecorationRole).isValid()); // a key attribute
    QVERIFY(!model->headerData(1, Qt::Horizontal, Qt::DecorationRole).isValid());
}

void TestPartiqlEditor::updateThenSelect()
{
    QVERIFY(runTyped(QStringLiteral("UPDATE Music SET Plays = Plays + 5 WHERE Artist = 'Acme' AND SongTitle = 'Song 1'")));
    QVERIFY(runTyped(QStringLiteral("SELECT Plays FROM Music WHERE Artist = 'Acme' AND SongTitle = 'Song 1'")));
    QCOMPARE(m_editor->model()->rowCount(), 1);
    QCOMPARE(cell(0, QStringLiteral("Plays")), QStringLiteral("15"));
    // A comment and a second line are part of the statement.
    QVERIFY(runTyped(QStringLiteral("-- the loud ones\nSELECT * FROM Music\nWHERE Plays > 12")));
    QCOMPARE(m_editor->model()->rowCount(), 2);
}

void TestPartiqlEditor::parameters()
{
    QVERIFY(runTyped(QStringLiteral("SELECT * FROM Music WHERE Artist = ? AND Plays >= ?"),
                     QStringLiteral("[{\"S\": \"Acme\"}, {\"N\": \"20\"}]")));
    QCOMPARE(m_editor->model()->rowCount(), 1);
    QCOMPARE(cell(0, QStringLiteral("SongTitle")), QStringLiteral("Song 2"));
    // A parameter the statement does not take: DynamoDB says so.
    QVERIFY(!runTyped(QStringLiteral("SELECT * FROM Music WHERE Artist = ?"), QStringLiteral("[{\"S\": \"Acme\"}, {\"S\": \"x\"}]")));
    QCOMPARE(m_editor->errorText(), QStringLiteral("ValidationException: Number of parameters in request and statement don't match."));
    QCOMPARE(m_editor->model()->rowCount(), 0);
}

void TestPartiqlEditor::parametersThatAreNotJsonMakeNoCall()
{
    QSignalSpy calls(m_connection.get(), &Connection::operationFinished);
    QSignalSpy finished(m_editor, &PartiqlEditor::finished);
    auto *error = m_editor->findChild<QLabel *>(QStringLiteral("parametersError"));
    m_editor->setStatement(QStringLiteral("SELECT * FROM Music WHERE Artist = ?"));
    for (const QString &bad : {QStringLiteral("[{\"S\": \"Acme\"}"), QStringLiteral("{\"S\": \"Acme\"}"), QStringLiteral("[\"Acme\"]"),
                               QStringLiteral("[{\"N\": \"three\"}]")}) {
        m_editor->setParametersText(bad);
        QVERIFY2(error->isVisible(), qPrintable(bad)); // as it is typed
        QVERIFY(!m_editor->run());
        QVERIFY(!m_editor->isRunning());
        QVERIFY2(!error->text().isEmpty(), qPrintable(bad));
    }
    QVERIFY(error->text().startsWith(QStringLiteral("Parameter 1: ")));
    QTest::qWait(100);
    QCOMPARE(calls.count(), 0);
    QCOMPARE(finished.count(), 0);
    m_editor->setParametersText(QStringLiteral("[{\"S\": \"Acme\"}]"));
    QVERIFY(error->isHidden());
}

void TestPartiqlEditor::syntaxErrorShowsDynamoDbsMessage()
{
    QVERIFY(runTyped(QStringLiteral("SELECT * FROM Music")));
    QVERIFY(m_editor->model()->rowCount() > 0);
    QVERIFY(!runTyped(QStringLiteral("SELECT * FROM Music WHERE Artist = 'Acme")));
    QVERIFY2(m_editor->errorText().startsWith(QStringLiteral("ValidationException: Statement wasn't well formed, can't be processed: ")),
             qPrintable(m_editor->errorText()));
    QVERIFY(m_editor->findChild<QLabel *>(QStringLiteral("error"))->isVisible());
    QCOMPARE(m_editor->model()->rowCount(), 0);
    QCOMPARE(m_editor->model()->columnCount(), 0);
    QCOMPARE(m_editor->statusText(), QString());
    // The next success clears the error.
    QVERIFY(runTyped(QStringLiteral("SELECT * FROM Music WHERE Artist = 'Band'")));
    QCOMPARE(m_editor->errorText(), QString());
    QVERIFY(m_editor->findChild<QLabel *>(QStringLiteral("error"))->isHidden());
}

void TestPartiqlEditor::loadMoreFollowsNextTokenToTheEnd()
{
    uitest::createTable(*m_connection, QStringLiteral("Many"), QStringLiteral("id"));
    for (int i = 0; i < 45; ++i)
        uitest::put(*m_connection, QStringLiteral("Many"), {{QStringLiteral("id"), uitest::S(QStringLiteral("item-%1").arg(i, 2, 10, QLatin1Char('0')))},
                                                             {QStringLiteral("n"), uitest::N(QString::number(i))}});
    m_editor->setPageSize(20);
    QVERIFY(runTyped(QStringLiteral("SELECT * FROM \"Many\"")));
    QCOMPARE(m_editor->model()->rowCount(), 20);
    QVERIFY(m_editor->hasMore());
    auto *loadMore = m_editor->findChild<QPushButton *>(QStringLiteral("loadMore"));
    QVERIFY(loadMore->isVisible());
    QVERIFY2(m_editor->statusText().contains(QStringLiteral("more to load")), qPrintable(m_editor->statusText()));
    // Load more repeats the statement that ran, even when the editor has changed since.
    m_editor->setStatement(QStringLiteral("SELECT * FROM Music"));
    int clicks = 0;
    while (m_editor->hasMore() && clicks < 5) {
        QSignalSpy finished(m_editor, &PartiqlEditor::finished);
        QTest::mouseClick(loadMore, Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(m_editor->errorText()));
        ++clicks;
    }
    QCOMPARE(clicks, 2);
    QCOMPARE(m_editor->model()->rowCount(), 45);
    QSet<QString> ids;
    for (int row = 0; row < 45; ++row)
        ids.insert(cell(row, QStringLiteral("id")));
    QCOMPARE(ids.size(), 45);
    QVERIFY(ids.contains(QStringLiteral("item-00")) && ids.contains(QStringLiteral("item-44")));
    QVERIFY(loadMore->isHidden());
    QVERIFY2(m_editor->statusText().startsWith(QStringLiteral("45 item")), qPrintable(m_editor->statusText()));
    QVERIFY2(m_editor->statusText().contains(QStringLiteral("3 page")), qPrintable(m_editor->statusText()));
    m_editor->setPageSize(0);
}

void TestPartiqlEditor::cancelStopsWaiting()
{
    QVERIFY(runTyped(QStringLiteral("SELECT * FROM Music WHERE Artist = 'Band'")));
    QCOMPARE(m_editor->model()->rowCount(), 1);
    QSignalSpy finished(m_editor, &PartiqlEditor::finished);
    m_editor->setStatement(QStringLiteral("SELECT * FROM Many"));
    QVERIFY(m_editor->run());
    QVERIFY(m_editor->isRunning());
    QVERIFY(!m_editor->runAction()->isEnabled());
    auto *cancel = m_editor->findChild<QPushButton *>(QStringLiteral("cancelStatement"));
    QVERIFY(cancel->isVisible());
    cancel->click(); // at once: no event may deliver the result before
    QVERIFY(!m_editor->isRunning());
    QVERIFY(m_editor->runAction()->isEnabled());
    QVERIFY(cancel->isHidden());
    QVERIFY2(m_editor->statusText().startsWith(QStringLiteral("Cancelled")), qPrintable(m_editor->statusText()));
    QTest::qWait(300);
    QCOMPARE(finished.count(), 0);
    // The rows of the statement before stay.
    QCOMPARE(m_editor->model()->rowCount(), 1);
    QCOMPARE(cell(0, QStringLiteral("Artist")), QStringLiteral("Band"));
    // And the next run works.
    QVERIFY(runTyped(QStringLiteral("SELECT * FROM Many WHERE id = 'item-07'")));
    QCOMPARE(cell(0, QStringLiteral("n")), QStringLiteral("7"));
}

void TestPartiqlEditor::historyKeepsSuccessfulStatements()
{
    const QString ok = QStringLiteral("SELECT * FROM Music WHERE Artist = ?");
    const QString params = QStringLiteral("[{\"S\": \"Band\"}]");
    QVERIFY(runTyped(ok, params));
    QVERIFY(!runTyped(QStringLiteral("SELECT FROM nowhere")));
    const auto &entries = m_editor->history().entries();
    QCOMPARE(entries.first().statement, ok);
    QCOMPARE(entries.first().parameters, params);
    for (const auto &e : entries)
        QVERIFY(e.statement != QStringLiteral("SELECT FROM nowhere"));
    // Running it again moves it up instead of listing it twice.
    const QString other = QStringLiteral("SELECT * FROM Music WHERE Artist = 'Acme'");
    QVERIFY(runTyped(other));
    QVERIFY(runTyped(ok, params));
    QCOMPARE(entries.first().statement, ok);
    QCOMPARE(entries.at(1).statement, other);
    QCOMPARE(std::count_if(entries.begin(), entries.end(), [&](const auto &e) { return e.statement == ok; }), 1);

    // Choosing an entry puts it back into the editor.
    auto *combo = m_editor->findChild<QComboBox *>(QStringLiteral("history"));
    QCOMPARE(combo->count(), int(entries.size()));
    m_editor->setStatement(QString());
    m_editor->setParametersText(QString());
    emit combo->activated(1);
    QCOMPARE(m_editor->statement(), other);
    QCOMPARE(m_editor->parametersText(), QString());
    emit combo->activated(0);
    QCOMPARE(m_editor->statement(), ok);
    QCOMPARE(m_editor->parametersText(), params);
    QCOMPARE(combo->currentIndex(), -1);

    // Kept per connection name, at most 20.
    StatementHistory again(m_connection->displayName());
    QCOMPARE(again.entries(), entries);
    QVERIFY(StatementHistory(QStringLiteral("another/connection")).entries().isEmpty());
    for (int i = 0; i < 25; ++i)
        again.add({QStringLiteral("SELECT * FROM Music WHERE Plays = %1").arg(i), QString()});
    QCOMPARE(again.entries().size(), StatementHistory::kMaxEntries);
    QCOMPARE(StatementHistory(m_connection->displayName()).entries().first().statement, QStringLiteral("SELECT * FROM Music WHERE Plays = 24"));
    PartiqlEditor fresh(m_connection.get());
    QCOMPARE(fresh.history().entries().size(), StatementHistory::kMaxEntries);
    QCOMPARE(fresh.findChild<QComboBox *>(QStringLiteral("history"))->count(), StatementHistory::kMaxEntries);
}

void TestPartiqlEditor::copyAsCliAndPython()
{
    QSignalSpy status(m_editor, &PartiqlEditor::statusMessage);
    m_editor->setStatement(QStringLiteral("SELECT * FROM \"Music\" WHERE Artist = ? AND SongTitle <> 'It''s'"));
    m_editor->setParametersText(QStringLiteral("[{\"S\": \"Acme\"}]"));
    QApplication::clipboard()->clear();
    auto *copy = m_editor->findChild<QToolButton *>(QStringLiteral("copyCli"));
    QVERIFY(copy);
    QTest::mouseClick(copy, Qt::LeftButton, {}, QPoint(10, copy->height() / 2)); // the button's own part: the CLI command
    const QString endpoint = m_connection->endpointForPrograms();
    QVERIFY(endpoint.startsWith(QStringLiteral("http://127.0.0.1:")));
    const QString expected = QStringLiteral("aws dynamodb execute-statement \\\n"
                                            "  --statement 'SELECT * FROM \"Music\" WHERE Artist = ? AND SongTitle <> '\\''It'\\'''\\''s'\\''' \\\n"
                                            "  --parameters '[{\"S\":\"Acme\"}]' \\\n"
                                            "  --endpoint-url ")
                             + endpoint;
    QCOMPARE(QApplication::clipboard()->text(), expected);
    QCOMPARE(status.count(), 1);
    QCOMPARE(status.at(0).at(0).toString(), CopyAsButton::copiedMessage(CopyFormat::AwsCli));

    // Page size and Consistent read are options of the command too; no parameters, no --parameters.
    m_editor->setParametersText(QString());
    m_editor->setStatement(QStringLiteral("SELECT * FROM Many"));
    m_editor->setPageSize(10);
    m_editor->findChild<QCheckBox *>(QStringLiteral("consistentRead"))->setChecked(true);
    m_editor->findChild<QAction *>(QStringLiteral("copyAsCli"))->trigger();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("aws dynamodb execute-statement \\\n  --statement 'SELECT * FROM Many' \\\n"
                                                               "  --consistent-read \\\n  --limit 10 \\\n  --endpoint-url ")
                                                    + endpoint);
    m_editor->setPageSize(0);
    m_editor->findChild<QCheckBox *>(QStringLiteral("consistentRead"))->setChecked(false);

    m_editor->findChild<QAction *>(QStringLiteral("copyAsPython"))->trigger();
    const QString python = QApplication::clipboard()->text();
    QVERIFY2(python.contains(QStringLiteral("response = client.execute_statement(\n    Statement=\"SELECT * FROM Many\",\n)")), qPrintable(python));
    m_editor->findChild<QAction *>(QStringLiteral("copyAsJavaScript"))->trigger();
    QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("new ExecuteStatementCommand({\n    Statement: \"SELECT * FROM Many\",")));

    // Bad parameters copy nothing and say why.
    QApplication::clipboard()->setText(QStringLiteral("unchanged"));
    m_editor->setParametersText(QStringLiteral("[oops"));
    m_editor->findChild<QAction *>(QStringLiteral("copyAsCli"))->trigger();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("unchanged"));
    QVERIFY(m_editor->findChild<QLabel *>(QStringLiteral("parametersError"))->isVisible());
    m_editor->setParametersText(QString());
}

QByteArray TestPartiqlEditor::runCopied(const QString &interpreter, const QStringList &arguments)
{
    QProcess proc;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"AWS_SESSION_TOKEN", "AWS_REGION", "AWS_PROFILE"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("test"));
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("test"));
    env.insert(QStringLiteral("AWS_DEFAULT_REGION"), QStringLiteral("us-east-1"));
    env.insert(QStringLiteral("AWS_DEFAULT_OUTPUT"), QStringLiteral("json"));
    env.insert(QStringLiteral("AWS_PAGER"), QString());
    env.insert(QStringLiteral("AWS_CONFIG_FILE"), QStringLiteral("/dev/null"));
    env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), QStringLiteral("/dev/null"));
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:") + env.value(QStringLiteral("PATH"))); // the CLI servers.h uses
    proc.setProcessEnvironment(env);
    proc.start(interpreter, arguments);
    // The served endpoint answers on the event loop: keep it turning.
    while (proc.state() != QProcess::NotRunning && !proc.waitForFinished(50))
        QCoreApplication::processEvents();
    if (proc.exitStatus() != QProcess::NormalExit || proc.exitCode() != 0) {
        qWarning("%s failed: %s", qPrintable(interpreter), proc.readAllStandardError().constData());
        return {};
    }
    return proc.readAllStandardOutput();
}

// What Copy as gives runs as it is: the AWS CLI command in a shell (the
// statement's quotes and the parameters survive the quoting) and the boto3
// program, against the connection served on 127.0.0.1.
void TestPartiqlEditor::copiedCommandAndProgramRun()
{
    QString error;
    QVERIFY2(m_connection->startServing(0, &error), qPrintable(error));
    m_editor->setStatement(QStringLiteral("SELECT SongTitle FROM \"Music\" WHERE Artist = ? AND SongTitle <> 'It''s'"));
    m_editor->setParametersText(QStringLiteral("[{\"S\": \"Acme\"}]"));
    m_editor->findChild<QAction *>(QStringLiteral("copyAsCli"))->trigger();
    const QString command = QApplication::clipboard()->text();
    QVERIFY(command.contains(QStringLiteral("--endpoint-url http://127.0.0.1:%1").arg(m_connection->servingPort())));
    const QJsonObject out = QJsonDocument::fromJson(runCopied(QStringLiteral("bash"), {QStringLiteral("-c"), command})).object();
    const QJsonArray items = out.value(QStringLiteral("Items")).toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).toObject(), (QJsonObject{{QStringLiteral("SongTitle"), uitest::S(QStringLiteral("Song 1"))}}));

    QProcess probe;
    probe.start(QStringLiteral("python3"), {QStringLiteral("-c"), QStringLiteral("import boto3")});
    if (!probe.waitForFinished(60000) || probe.exitCode() != 0) {
        m_connection->stopServing();
        QSKIP("python3 with boto3 (python3-boto3) is needed to run the program");
    }
    m_editor->findChild<QAction *>(QStringLiteral("copyAsPython"))->trigger();
    const QJsonObject response = QJsonDocument::fromJson(runCopied(QStringLiteral("python3"), {QStringLiteral("-c"), QApplication::clipboard()->text()})).object();
    QCOMPARE(response.value(QStringLiteral("Items")).toArray(), items);
    m_connection->stopServing();
    m_editor->setParametersText(QString());
}

void TestPartiqlEditor::rowOpensInTheItemEditor()
{
    // A projection: the editor reads the whole item, and a save updates what the row shows.
    QVERIFY(runTyped(QStringLiteral("SELECT Artist, SongTitle, Plays FROM Music WHERE Artist = 'Acme'")));
    QCOMPARE(m_editor->model()->rowCount(), 2);
    const QRect rect = m_editor->view()->visualRect(m_editor->model()->index(1, 0));
    QTest::mouseClick(m_editor->view()->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(m_editor->view()->viewport(), Qt::LeftButton, {}, rect.center());
    ItemEditor *editor = nullptr;
    QTRY_VERIFY2((editor = m_editor->findChild<ItemEditor *>()) != nullptr, qPrintable(m_editor->errorText()));
    QJsonObject item;
    QString error;
    QVERIFY2(editor->currentItem(&item, &error), qPrintable(error));
    QCOMPARE(item.value(QStringLiteral("SongTitle")).toObject(), uitest::S(QStringLiteral("Song 2")));
    QVERIFY(item.contains(QStringLiteral("Tags"))); // not in the row, but in the item
    item.insert(QStringLiteral("Plays"), uitest::N(QStringLiteral("99")));
    editor->setFormat(ItemEditor::Format::Dynamo);
    editor->setText(QString::fromUtf8(QJsonDocument(item).toJson()));
    QPointer<ItemEditor> guard(editor);
    editor->save();
    QTRY_VERIFY(guard.isNull() || !guard->isVisible());
    QTRY_COMPARE(cell(1, QStringLiteral("Plays")), QStringLiteral("99"));
    QCOMPARE(m_editor->model()->columns(), (QStringList{QStringLiteral("Artist"), QStringLiteral("SongTitle"), QStringLiteral("Plays")}));
    QCOMPARE(uitest::get(*m_connection, QStringLiteral("Music"), {{QStringLiteral("Artist"), uitest::S(QStringLiteral("Acme"))}, {QStringLiteral("SongTitle"), uitest::S(QStringLiteral("Song 2"))}})
                 .value(QStringLiteral("Tags")).toObject().value(QStringLiteral("SS")).toArray().size(), 2);

    // A delete in the item editor removes the row.
    QVERIFY(runTyped(QStringLiteral("SELECT * FROM Music WHERE Artist = 'Acme'")));
    QCOMPARE(m_editor->model()->rowCount(), 2);
    QVERIFY(m_editor->openItem(0));
    QTRY_VERIFY((editor = m_editor->findChild<ItemEditor *>()) != nullptr);
    editor->deleteItem();
    QTRY_COMPARE(m_editor->model()->rowCount(), 1);
    QCOMPARE(cell(0, QStringLiteral("SongTitle")), QStringLiteral("Song 2"));
    QTRY_VERIFY(m_editor->findChild<ItemEditor *>() == nullptr);
    // An item deleted elsewhere since: the editor says so and opens nothing.
    QVERIFY(m_connection->callSync(QStringLiteral("DeleteItem"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Music")},
        {QStringLiteral("Key"), QJsonObject{{QStringLiteral("Artist"), uitest::S(QStringLiteral("Acme"))}, {QStringLiteral("SongTitle"), uitest::S(QStringLiteral("Song 2"))}}}}).ok());
    QVERIFY(m_editor->openItem(0));
    QTRY_COMPARE(m_editor->errorText(), QStringLiteral("The item is no longer in Music"));
    QVERIFY(m_editor->findChild<ItemEditor *>() == nullptr);

    // Rows without the key, or of a statement that is not a SELECT, do not open.
    QVERIFY(runTyped(QStringLiteral("SELECT Plays FROM Music WHERE Artist = 'Band'")));
    QVERIFY(!m_editor->openItem(0));
    QVERIFY2(m_editor->errorText().contains(QStringLiteral("Artist, SongTitle")), qPrintable(m_editor->errorText()));
    QVERIFY(runTyped(QStringLiteral("UPDATE Music SET Plays = 4 WHERE Artist = 'Band' AND SongTitle = 'It''s' RETURNING ALL NEW *")));
    QCOMPARE(m_editor->model()->rowCount(), 1);
    QSignalSpy status(m_editor, &PartiqlEditor::statusMessage);
    QVERIFY(!m_editor->openItem(0));
    QCOMPARE(status.count(), 1);
}

void TestPartiqlEditor::highlighter()
{
    QTextDocument doc;
    doc.documentLayout(); // a document reports changes, to the highlighter too, once it has a layout
    PartiqlHighlighter highlighter(&doc);
    doc.setPlainText(QStringLiteral("select * FROM \"Music\" WHERE a = 'x\ny' AND b IN [?, 1.5e3] -- done\nRETURNING"));
    const auto formatAt = [&](int blockNumber, int position) {
        for (const QTextLayout::FormatRange &r : doc.findBlockByNumber(blockNumber).layout()->formats())
            if (position >= r.start && position < r.start + r.length)
                return r.format;
        return QTextCharFormat();
    };
    using dd::ui::partiql::TokenKind;
    QCOMPARE(formatAt(0, 0), highlighter.format(TokenKind::Keyword)); // select, in lower case
    QCOMPARE(formatAt(0, 9), highlighter.format(TokenKind::Keyword)); // FROM
    QCOMPARE(formatAt(0, 15), highlighter.format(TokenKind::QuotedName));
    QCOMPARE(formatAt(0, 28), QTextCharFormat()); // a name
    QCOMPARE(formatAt(0, 32), highlighter.format(TokenKind::String));
    // The string goes on in the next line, and ends there.
    QCOMPARE(formatAt(1, 0), highlighter.format(TokenKind::String));
    QCOMPARE(formatAt(1, 1), highlighter.format(TokenKind::String));
    QCOMPARE(formatAt(1, 3), highlighter.format(TokenKind::Keyword)); // AND
    QCOMPARE(formatAt(1, 13), highlighter.format(TokenKind::Parameter));
    QCOMPARE(formatAt(1, 16), highlighter.format(TokenKind::Number));
    QCOMPARE(formatAt(1, 20), highlighter.format(TokenKind::Number));
    QCOMPARE(formatAt(1, 21), QTextCharFormat());
    QCOMPARE(formatAt(1, 26), highlighter.format(TokenKind::Comment));
    QCOMPARE(formatAt(2, 0), highlighter.format(TokenKind::Keyword));
    QVERIFY(highlighter.format(TokenKind::Keyword).fontWeight() == QFont::Bold);
    QVERIFY(highlighter.format(TokenKind::Comment).fontItalic());
}

void TestPartiqlEditor::lexerFindsTheTable_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("index");
    QTest::newRow("select") << QStringLiteral("SELECT * FROM Music WHERE a = 1") << QStringLiteral("Music") << QString();
    QTest::newRow("quoted index") << QStringLiteral("select a from \"Music\".\"ByAlbum\"") << QStringLiteral("Music") << QStringLiteral("ByAlbum");
    QTest::newRow("doubled quote") << QStringLiteral("SELECT * FROM \"a\"\"b\"") << QStringLiteral("a\"b") << QString();
    QTest::newRow("comment first") << QStringLiteral("-- FROM Other\nSELECT * FROM T") << QStringLiteral("T") << QString();
    QTest::newRow("from in a string") << QStringLiteral("SELECT * FROM T WHERE a = 'FROM x'") << QStringLiteral("T") << QString();
    QTest::newRow("insert") << QStringLiteral("INSERT INTO \"T\" VALUE {'a': 1}") << QStringLiteral("T") << QString();
    QTest::newRow("update") << QStringLiteral("UPDATE T SET a = 1 WHERE k = 'FROM'") << QStringLiteral("T") << QString();
    QTest::newRow("delete") << QStringLiteral("DELETE FROM T WHERE k = 1") << QStringLiteral("T") << QString();
    QTest::newRow("none") << QStringLiteral("SELECT") << QString() << QString();
}

void TestPartiqlEditor::lexerNamesTheProjection()
{
    using dd::ui::partiql::projectionNames;
    QCOMPARE(projectionNames(QStringLiteral("SELECT * FROM T")), QStringList());
    QCOMPARE(projectionNames(QStringLiteral("select b, \"a\", c.d, e[2], f.g[0].h, i.j[1] FROM T WHERE x = 1")),
             (QStringList{QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("d"), QStringLiteral("e[2]"), QStringLiteral("h"), QStringLiteral("j[1]")}));
    QCOMPARE(projectionNames(QStringLiteral("-- the titles\nSELECT SongTitle -- and only those\nFROM Music")), QStringList{QStringLiteral("SongTitle")});
    QCOMPARE(projectionNames(QStringLiteral("UPDATE T SET a = 1 WHERE k = 2")), QStringList());
}

void TestPartiqlEditor::lexerFindsTheTable()
{
    QFETCH(QString, statement);
    QFETCH(QString, table);
    QFETCH(QString, index);
    QString foundIndex = QStringLiteral("unset");
    QCOMPARE(dd::ui::partiql::targetTable(statement, &foundIndex), table);
    QCOMPARE(foundIndex, index);
    QCOMPARE(dd::ui::partiql::isSelect(statement), statement.contains(QStringLiteral("SELECT"), Qt::CaseInsensitive));
}

void TestPartiqlEditor::mainWindowWiring()
{
    MainWindow window;
    window.setRememberConnections(false);
    Connection *a = window.addConnection(uitest::inMemoryConnection());
    Connection *b = window.addConnection(uitest::inMemoryConnection());
    uitest::createTable(*a, QStringLiteral("orders"), QStringLiteral("pk"));

    // The tree's menu on a table: the editor with a SELECT of it.
    emit window.tree()->partiqlRequested(a, QStringLiteral("orders"));
    auto *editor = qobject_cast<PartiqlEditor *>(window.tabs()->currentWidget());
    QVERIFY(editor);
    QCOMPARE(editor->connection(), a);
    QCOMPARE(editor->statement(), QStringLiteral("SELECT * FROM \"orders\""));
    // Its connection's menu, and the Table menu: the same tab, one per connection.
    emit window.tree()->partiqlRequested(a, QString());
    QCOMPARE(window.tabs()->count(), 1);
    QCOMPARE(editor->statement(), QStringLiteral("SELECT * FROM \"orders\""));
    window.tree()->setCurrentItem(window.tree()->topLevelItem(0));
    QCOMPARE(window.tree()->currentConnection(), a);
    window.findChild<QAction *>(QStringLiteral("partiqlEditorAction"))->trigger();
    QCOMPARE(window.tabs()->count(), 1);
    QCOMPARE(window.tabs()->currentWidget(), editor);
    QVERIFY(window.openPartiqlEditor(b) != editor);
    QCOMPARE(window.tabs()->count(), 2);

    // Every label with a mnemonic leads to its field.
    for (const QLabel *label : editor->findChildren<QLabel *>())
        if (label->text().contains(QLatin1Char('&')))
            QVERIFY2(label->buddy(), qPrintable(label->text()));

    // It runs in the window, and closing the connection closes its tab only.
    QSignalSpy finished(editor, &PartiqlEditor::finished);
    QVERIFY(editor->run());
    QVERIFY(finished.wait(10000));
    QCOMPARE(editor->model()->rowCount(), 0);
    QVERIFY(editor->errorText().isEmpty());
    emit window.tree()->closeConnectionRequested(a);
    QCOMPARE(window.tabs()->count(), 1);
    QCOMPARE(qobject_cast<PartiqlEditor *>(window.tabs()->widget(0))->connection(), b);
}

QTEST_MAIN(TestPartiqlEditor)
#include "tst_partiqleditor.moc"
