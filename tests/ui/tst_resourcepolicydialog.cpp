// "Resource policy…" (policies/resourcepolicydialog.h) over the embedded
// engine: a table with no policy; a policy from a template saved with
// ExpectedRevisionId NO_POLICY and read back with its revision; a policy
// changed behind the dialog's back (the save refused as a conflict, the
// engine keeping the other policy, Reload showing it, Undo bringing the
// user's text back to save over it); deleting, also a revision that went
// stale; invalid JSON refused with its line and column before anything is
// sent; a policy the engine refuses, with its ValidationException; the
// stream's own policy beside the table's; a policy that would lock the
// caller out (AccessDeniedException, for a signed caller) confirmed and sent
// with ConfirmRemoveSelfResourceAccess; the main
// window's menus. And the policy text itself (policies/policytext.h):
// members kept in order by Format, syntax errors located, templates'
// statements merged.
#include "connections/connectiontree.h"
#include "mainwindow/mainwindow.h"
#include "policies/policytemplates.h"
#include "policies/policytext.h"
#include "policies/resourcepolicydialog.h"
#include "security/credentials.h"
#include "uitest.h"

#include <QAction>
#include <QJsonDocument>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QTemporaryDir>

using namespace dd;
using namespace dd::ui;

namespace {

constexpr int kTimeoutMs = 10000;

QString s(const char *text) { return QString::fromUtf8(text); }

QString tableArn(Connection &c, const QString &table)
{
    return c.callSync(s("DescribeTable"), {{s("TableName"), table}}).body.value(s("Table")).toObject().value(s("TableArn")).toString();
}

QString streamArn(Connection &c, const QString &table)
{
    return c.callSync(s("DescribeTable"), {{s("TableName"), table}}).body.value(s("Table")).toObject().value(s("LatestStreamArn")).toString();
}

client::ApiResponse getPolicy(Connection &c, const QString &arn)
{
    return c.callSync(s("GetResourcePolicy"), {{s("ResourceArn"), arn}});
}

// The type of the error of `r`; empty if it succeeded.
QString errorType(const client::ApiResponse &r)
{
    return r.error ? r.error->type() : QString();
}

// "Type: message" of the error of `r`; empty if it succeeded.
QString errorOf(const client::ApiResponse &r)
{
    return r.error ? QStringLiteral("%1: %2").arg(r.error->type(), r.error->message()) : QString();
}

// A valid policy that lets `user` of account 000000000000 read `arn`.
QString readPolicy(const QString &arn, const QString &user)
{
    return QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\","
                          "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:user/%1\"},\"Action\":\"dynamodb:GetItem\","
                          "\"Resource\":\"%2\"}]}")
        .arg(user, arn);
}

QMessageBox *visibleBox(QWidget *parent, const QString &name)
{
    for (auto *box : parent->findChildren<QMessageBox *>(name))
        if (box->isVisible())
            return box;
    return nullptr;
}

} // namespace

class TestResourcePolicyDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void formatKeepsTheOrder();
    void syntaxErrorsAreLocated_data();
    void syntaxErrorsAreLocated();
    void templatesAreMerged();
    void templatesAreValidPolicies();
    void noPolicy();
    void saveFromATemplateAndReadItBack();
    void staleRevisionIsAConflictAndReloadShowsTheOtherPolicy();
    void deletePolicy();
    void invalidJsonIsRefusedBeforeSending();
    void policyRefusedByTheEngine();
    void streamHasItsOwnPolicy();
    void lockingYourselfOutIsConfirmed();
    void mainWindow();
    void cleanupTestCase();

private:
    // A dialog on `table` of `c` (m_c by default), described and its table's policy read.
    std::unique_ptr<ResourcePolicyDialog> openDialog(const QString &table, Connection *c = nullptr);
    // Clicks Save and waits for the answer.
    void saveAndWait(ResourcePolicyDialog *dialog);
    // Answers Yes to the visible message box `name`, then waits for the call it starts.
    void answerYes(ResourcePolicyDialog *dialog, const QString &name);

    QTemporaryDir m_config;
    std::unique_ptr<Connection> m_c;
    int m_puts = 0; // PutResourcePolicy calls the dialogs sent through m_c
};

void TestResourcePolicyDialog::initTestCase()
{
    QVERIFY(m_config.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_c = uitest::inMemoryConnection();
    connect(m_c.get(), &Connection::operationFinished, this, [this](const QString &operation) {
        m_puts += operation == s("PutResourcePolicy");
    });
    for (const char *table : {"Orders", "Saved", "Stale", "Doomed", "Refused", "Locked"})
        uitest::createTable(*m_c, s(table), s("pk"));
    uitest::createTable(*m_c, s("Events"), s("pk"));
    const auto r = m_c->callSync(s("UpdateTable"), {{s("TableName"), s("Events")},
                                                   {s("StreamSpecification"), QJsonObject{{s("StreamEnabled"), true}, {s("StreamViewType"), s("NEW_AND_OLD_IMAGES")}}}});
    QVERIFY2(r.ok(), qPrintable(errorOf(r)));
}

void TestResourcePolicyDialog::cleanupTestCase()
{
    m_c.reset();
}

std::unique_ptr<ResourcePolicyDialog> TestResourcePolicyDialog::openDialog(const QString &table, Connection *c)
{
    auto dialog = std::make_unique<ResourcePolicyDialog>(c ? c : m_c.get(), table);
    dialog->show();
    if (!QTest::qWaitFor([&] { return dialog->isDescribed() && dialog->isLoaded() && !dialog->isBusy(); }, kTimeoutMs))
        qWarning("the policy was not read: %s", qPrintable(dialog->errorText()));
    return dialog;
}

void TestResourcePolicyDialog::saveAndWait(ResourcePolicyDialog *dialog)
{
    auto *save = dialog->findChild<QPushButton *>(s("savePolicy"));
    QVERIFY2(save->isEnabled(), qPrintable(dialog->problemText() + dialog->errorText()));
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(dialog->isBusy());
    QVERIFY(!save->isEnabled());
    QVERIFY(dialog->editor()->isReadOnly());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), kTimeoutMs);
}

void TestResourcePolicyDialog::answerYes(ResourcePolicyDialog *dialog, const QString &name)
{
    QMessageBox *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = visibleBox(dialog, name)), kTimeoutMs);
    box->button(QMessageBox::Yes)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), kTimeoutMs);
}

// Format indents by two spaces and keeps what QJsonDocument would sort or
// rewrite: the members' order, numbers and escapes as written.
void TestResourcePolicyDialog::formatKeepsTheOrder()
{
    const QString compact = s("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                              "\"Action\":[],\"Condition\":{\"NumericLessThan\":{\"n\":1.50}},\"Resource\":\"a\\\"b\"}]}");
    const QString expected = s("{\n"
                               "  \"Version\": \"2012-10-17\",\n"
                               "  \"Statement\": [\n"
                               "    {\n"
                               "      \"Effect\": \"Allow\",\n"
                               "      \"Principal\": \"*\",\n"
                               "      \"Action\": [],\n"
                               "      \"Condition\": {\n"
                               "        \"NumericLessThan\": {\n"
                               "          \"n\": 1.50\n"
                               "        }\n"
                               "      },\n"
                               "      \"Resource\": \"a\\\"b\"\n"
                               "    }\n"
                               "  ]\n"
                               "}");
    QCOMPARE(policytext::formatted(compact), expected);
    QCOMPARE(policytext::formatted(expected), expected);
    QCOMPARE(policytext::formatted(s("{\"a\": tru")), s("{\"a\": tru")); // not JSON: as it is
    QVERIFY(!policytext::check(expected));
}

void TestResourcePolicyDialog::syntaxErrorsAreLocated_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("says");
    QTest::newRow("missing comma") << s("{\n  \"Version\": \"2012-10-17\"\n  \"Statement\": []\n}") << 3 << 3 << s("expected a comma or } after the member");
    QTest::newRow("after non-ASCII") << s("{\n  \"Sid\": \"Zugriff für alle\",,\n}") << 2 << 29 << s("expected a member name in double quotes");
    QTest::newRow("trailing comma") << s("{\"Action\": [\"a\", ]}") << 1 << 18 << s("a comma before ]");
    QTest::newRow("string across lines") << s("{\"a\": \"b}\n") << 1 << 10 << s("is a \" missing?");
    QTest::newRow("unclosed string") << s("{\"a\": \"b}") << 1 << 7 << s("this string has no closing");
    QTest::newRow("bad number") << s("{\"a\": 01}") << 1 << 7 << s("not a JSON number");
    QTest::newRow("bad literal") << s("{\"a\": tru}") << 1 << 7 << s("expected a value");
    QTest::newRow("ends early") << s("{\"a\": [1,") << 1 << 10 << s("the text ends too early");
    QTest::newRow("after the end") << s("{} {}") << 1 << 4 << s("after the end of the policy");
    QTest::newRow("not an object") << s("  [1, 2]") << 1 << 3 << s("a policy is a JSON object");
    QTest::newRow("placeholder") << s("{\"Principal\": {\"AWS\": \"arn:aws:iam::1:user/<user-name>\"}}") << 1 << 44
                                 << s("replace <user-name> with the name of an IAM user");
    QTest::newRow("account") << s("{\n\"a\": \"arn:aws:iam::<account-id>:root\"}") << 2 << 20 << s("12-digit AWS account ID");
}

void TestResourcePolicyDialog::syntaxErrorsAreLocated()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, says);
    const auto problem = policytext::check(text);
    QVERIFY(problem);
    QCOMPARE(problem->line, line);
    QCOMPARE(problem->column, column);
    QVERIFY2(problem->message.startsWith(QStringLiteral("Line %1, column %2: ").arg(line).arg(column)), qPrintable(problem->message));
    QVERIFY2(problem->message.contains(says), qPrintable(problem->message));
}

// A template's statement joins the policy's Statement list (a single
// statement becomes a list; a missing list is added); its Sid gets a number
// if the policy has it already.
void TestResourcePolicyDialog::templatesAreMerged()
{
    const QString arn = s("arn:aws:dynamodb:eu-west-1:123456789012:table/Orders");
    const QList<PolicyTemplate> templates = tablePolicyTemplates(arn);
    QCOMPARE(templates.size(), 4);
    QCOMPARE(accountOfArn(arn), s("123456789012"));

    const QString fresh = policytext::withStatements(QString(), templates.at(0).statements);
    const QJsonObject policy = QJsonDocument::fromJson(fresh.toUtf8()).object();
    QCOMPARE(policy.value(s("Version")).toString(), s("2012-10-17"));
    const QJsonObject read = policy.value(s("Statement")).toArray().at(0).toObject();
    QCOMPARE(read.value(s("Principal")).toObject().value(s("AWS")).toString(), s("arn:aws:iam::123456789012:user/<user-name>"));
    QCOMPARE(read.value(s("Resource")).toArray(), (QJsonArray{arn, arn + s("/index/*")}));
    QVERIFY(fresh.startsWith(s("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Sid\": \"ReadForUser\",\n      \"Effect\": \"Allow\",")));

    const QString twice = policytext::withStatements(fresh, templates.at(0).statements);
    const QJsonArray statements = QJsonDocument::fromJson(twice.toUtf8()).object().value(s("Statement")).toArray();
    QCOMPARE(statements.size(), 2);
    QCOMPARE(statements.at(1).toObject().value(s("Sid")).toString(), s("ReadForUser2"));
    QCOMPARE(policytext::formatted(twice), twice);

    const QString single = policytext::withStatements(s("{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"One\",\"Effect\":\"Allow\"}}"),
                                                      templates.at(2).statements);
    const QJsonArray wrapped = QJsonDocument::fromJson(single.toUtf8()).object().value(s("Statement")).toArray();
    QCOMPARE(wrapped.size(), 2);
    QCOMPARE(wrapped.at(0).toObject().value(s("Sid")).toString(), s("One"));
    QCOMPARE(wrapped.at(1).toObject().value(s("Effect")).toString(), s("Deny"));

    const QString added = policytext::withStatements(s("{\"Version\":\"2012-10-17\"}"), templates.at(3).statements);
    QCOMPARE(QJsonDocument::fromJson(added.toUtf8()).object().value(s("Statement")).toArray().size(), 1);
    QCOMPARE(policytext::withStatements(s("{\"Statement\":[]}"), templates.at(3).statements).count(s("\"Sid\"")), 1);
    QVERIFY(policytext::withStatements(s("[1]"), templates.at(0).statements).isEmpty());

    const QList<PolicyTemplate> stream = streamPolicyTemplates(arn + s("/stream/2024-01-01T00:00:00.000"));
    QCOMPARE(stream.size(), 2);
    QVERIFY(stream.at(0).statements.contains(s("dynamodb:GetRecords")));
}

// Every template, its placeholders filled in, is a policy the engine takes
// for its resource, alone and all together.
void TestResourcePolicyDialog::templatesAreValidPolicies()
{
    uitest::createTable(*m_c, s("Templates"), s("pk"));
    QVERIFY(m_c->callSync(s("UpdateTable"), {{s("TableName"), s("Templates")},
                                             {s("StreamSpecification"), QJsonObject{{s("StreamEnabled"), true}, {s("StreamViewType"), s("KEYS_ONLY")}}}})
                .ok());
    const auto filled = [](QString text) {
        return text.replace(s("<user-name>"), s("alice")).replace(s("<role-name>"), s("app")).replace(s("<account-id>"), s("111122223333"));
    };
    for (const QString &arn : {tableArn(*m_c, s("Templates")), streamArn(*m_c, s("Templates"))}) {
        const bool stream = arn.contains(s("/stream/"));
        QString all;
        for (const PolicyTemplate &t : stream ? streamPolicyTemplates(arn) : tablePolicyTemplates(arn)) {
            const QString policy = filled(policytext::withStatements(QString(), t.statements));
            QVERIFY2(!policytext::check(policy), qPrintable(t.title));
            const auto r = m_c->callSync(s("PutResourcePolicy"), {{s("ResourceArn"), arn}, {s("Policy"), policy}});
            QVERIFY2(r.ok(), qPrintable(t.title + s(": ") + errorOf(r)));
            all = policytext::withStatements(all, t.statements);
        }
        const auto r = m_c->callSync(s("PutResourcePolicy"), {{s("ResourceArn"), arn}, {s("Policy"), filled(all)}});
        QVERIFY2(r.ok(), qPrintable(errorOf(r)));
    }
}

void TestResourcePolicyDialog::noPolicy()
{
    auto dialog = openDialog(s("Orders"));
    QVERIFY(uitest::labelsWithoutBuddy(dialog.get()).isEmpty());
    QCOMPARE(dialog->errorText(), QString());
    QCOMPARE(dialog->resourceArn(), tableArn(*m_c, s("Orders")));
    QVERIFY(!dialog->hasPolicy());
    QCOMPARE(dialog->revisionId(), QString());
    QCOMPARE(dialog->statusText(), s("No resource-based policy"));
    QCOMPARE(dialog->policyText(), QString());
    QVERIFY(!dialog->editor()->isReadOnly());
    QVERIFY(!dialog->findChild<QPushButton *>(s("savePolicy"))->isEnabled());
    QVERIFY(!dialog->findChild<QPushButton *>(s("deletePolicy"))->isEnabled());
    QVERIFY(!dialog->deletePolicy());
    // No stream: not offered, and the tooltip says why.
    auto *stream = dialog->findChild<QRadioButton *>(s("policyOfStream"));
    QVERIFY(!stream->isEnabled());
    QVERIFY2(stream->toolTip().contains(s("has no stream")), qPrintable(stream->toolTip()));
    QVERIFY(!dialog->setTarget(ResourcePolicyDialog::Target::Stream));
    QCOMPARE(dialog->target(), ResourcePolicyDialog::Target::Table);
    QCOMPARE(dialog->templates().size(), 4);
}

// A template's placeholder blocks Save until replaced; the save is
// conditional on there being no policy (NO_POLICY), and what the engine
// then holds is the text shown, with the revision shown.
void TestResourcePolicyDialog::saveFromATemplateAndReadItBack()
{
    const QString arn = tableArn(*m_c, s("Saved"));
    QString text;
    QString revision;
    {
        auto dialog = openDialog(s("Saved"));
        QVERIFY(dialog->insertTemplate(0)); // Allow an IAM user read access
        QCOMPARE(dialog->editor()->textCursor().selectedText(), s("<user-name>"));
        QVERIFY2(dialog->problemText().contains(s("replace <user-name>")), qPrintable(dialog->problemText()));
        QVERIFY(!dialog->findChild<QPushButton *>(s("savePolicy"))->isEnabled());
        QVERIFY(!dialog->save());
        QTest::keyClicks(dialog->editor(), s("alice"));
        QCOMPARE(dialog->problemText(), QString());
        QVERIFY(dialog->policyText().contains(s("\"arn:aws:iam::000000000000:user/alice\"")));
        QVERIFY(dialog->policyText().contains(QStringLiteral("\"%1/index/*\"").arg(arn)));
        QVERIFY(dialog->isModified());
        QVERIFY(dialog->statusText().contains(s("edited, not saved")));
        saveAndWait(dialog.get());
        QCOMPARE(dialog->errorText(), QString());
        QVERIFY(dialog->hasPolicy());
        QVERIFY(!dialog->isModified());
        revision = dialog->revisionId();
        QVERIFY(!revision.isEmpty());
        QCOMPARE(dialog->statusText(), QStringLiteral("Revision %1 — Saved.").arg(revision));
        text = dialog->policyText();
    }
    const auto held = getPolicy(*m_c, arn);
    QVERIFY2(held.ok(), qPrintable(errorOf(held)));
    QCOMPARE(held.body.value(s("RevisionId")).toString(), revision);
    QCOMPARE(QJsonDocument::fromJson(held.body.value(s("Policy")).toString().toUtf8()), QJsonDocument::fromJson(text.toUtf8()));

    auto again = openDialog(s("Saved"));
    QVERIFY(again->hasPolicy());
    QCOMPARE(again->revisionId(), revision);
    QCOMPARE(again->statusText(), QStringLiteral("Revision %1").arg(revision));
    // DynamoDB answers its own canonical text of the policy, indented here.
    QCOMPARE(again->policyText(), policytext::formatted(held.body.value(s("Policy")).toString()));
    QVERIFY(!again->isModified());
    QVERIFY(again->findChild<QPushButton *>(s("deletePolicy"))->isEnabled());
    QVERIFY(!again->findChild<QPushButton *>(s("savePolicy"))->isEnabled()); // nothing changed
}

void TestResourcePolicyDialog::staleRevisionIsAConflictAndReloadShowsTheOtherPolicy()
{
    const QString arn = tableArn(*m_c, s("Stale"));
    const auto first = m_c->callSync(s("PutResourcePolicy"), {{s("ResourceArn"), arn}, {s("Policy"), readPolicy(arn, s("alice"))}});
    QVERIFY2(first.ok(), qPrintable(errorOf(first)));
    auto dialog = openDialog(s("Stale"));
    QCOMPARE(dialog->revisionId(), first.body.value(s("RevisionId")).toString());
    QVERIFY(dialog->policyText().contains(s("user/alice")));

    // Someone else changes it meanwhile.
    const auto other = m_c->callSync(s("PutResourcePolicy"), {{s("ResourceArn"), arn},
                                                              {s("Policy"), readPolicy(arn, s("bob"))},
                                                              {s("ExpectedRevisionId"), dialog->revisionId()}});
    QVERIFY2(other.ok(), qPrintable(errorOf(other)));
    const QString theirs = other.body.value(s("RevisionId")).toString();

    const QString mine = dialog->policyText().replace(s("user/alice"), s("user/carol"));
    dialog->setPolicyText(mine);
    saveAndWait(dialog.get());
    QVERIFY(dialog->hasConflict());
    QVERIFY2(dialog->conflictText().contains(s("not overwritten")), qPrintable(dialog->conflictText()));
    QVERIFY2(dialog->conflictText().contains(s("PolicyNotFoundException: ")), qPrintable(dialog->conflictText()));
    QVERIFY(dialog->findChild<QWidget *>(s("policyConflict"))->isVisible());
    QVERIFY(!dialog->findChild<QPushButton *>(s("savePolicy"))->isEnabled());
    QCOMPARE(dialog->policyText(), mine); // kept
    QCOMPARE(getPolicy(*m_c, arn).body.value(s("RevisionId")).toString(), theirs);
    QVERIFY(getPolicy(*m_c, arn).body.value(s("Policy")).toString().contains(s("user/bob")));

    QTest::mouseClick(dialog->findChild<QPushButton *>(s("conflictReload")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), kTimeoutMs);
    QVERIFY(!dialog->hasConflict());
    QVERIFY(!dialog->findChild<QWidget *>(s("policyConflict"))->isVisible());
    QCOMPARE(dialog->revisionId(), theirs);
    QVERIFY(dialog->policyText().contains(s("user/bob")));
    QVERIFY(!dialog->isModified());

    // Undo brings mine back; saved over theirs now that it was seen.
    dialog->editor()->undo();
    QCOMPARE(dialog->policyText(), mine);
    saveAndWait(dialog.get());
    QCOMPARE(dialog->errorText(), QString());
    QVERIFY(!dialog->hasConflict());
    const auto held = getPolicy(*m_c, arn);
    QCOMPARE(held.body.value(s("RevisionId")).toString(), dialog->revisionId());
    QVERIFY(held.body.value(s("Policy")).toString().contains(s("user/carol")));
}

void TestResourcePolicyDialog::deletePolicy()
{
    const QString arn = tableArn(*m_c, s("Doomed"));
    QVERIFY(m_c->callSync(s("PutResourcePolicy"), {{s("ResourceArn"), arn}, {s("Policy"), readPolicy(arn, s("alice"))}}).ok());
    auto dialog = openDialog(s("Doomed"));
    QVERIFY(dialog->hasPolicy());

    // A stale revision is not deleted.
    const auto other = m_c->callSync(s("PutResourcePolicy"), {{s("ResourceArn"), arn}, {s("Policy"), readPolicy(arn, s("bob"))}});
    QVERIFY(other.ok());
    QVERIFY(dialog->deletePolicy());
    answerYes(dialog.get(), s("confirmDeletePolicy"));
    QVERIFY(dialog->hasConflict());
    QVERIFY2(dialog->conflictText().contains(s("not deleted")), qPrintable(dialog->conflictText()));
    QVERIFY(getPolicy(*m_c, arn).ok());
    QVERIFY(!dialog->deletePolicy());

    QVERIFY(dialog->reload());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), kTimeoutMs);
    QCOMPARE(dialog->revisionId(), other.body.value(s("RevisionId")).toString());
    QVERIFY(dialog->deletePolicy());
    // Cancel sends nothing.
    QMessageBox *box = visibleBox(dialog.get(), s("confirmDeletePolicy"));
    QVERIFY(box);
    QVERIFY(box->text().contains(dialog->revisionId()));
    box->button(QMessageBox::Cancel)->click();
    QVERIFY(!dialog->isBusy());
    QVERIFY(getPolicy(*m_c, arn).ok());

    QVERIFY(dialog->deletePolicy());
    answerYes(dialog.get(), s("confirmDeletePolicy"));
    QCOMPARE(dialog->errorText(), QString());
    QVERIFY(!dialog->hasPolicy());
    QCOMPARE(dialog->policyText(), QString());
    QCOMPARE(dialog->revisionId(), QString());
    QVERIFY(dialog->statusText().startsWith(s("No resource-based policy")));
    const auto gone = getPolicy(*m_c, arn);
    QVERIFY(!gone.ok());
    QCOMPARE(errorType(gone), s("PolicyNotFoundException"));
}

void TestResourcePolicyDialog::invalidJsonIsRefusedBeforeSending()
{
    const QString arn = tableArn(*m_c, s("Orders"));
    auto dialog = openDialog(s("Orders"));
    const int putsBefore = m_puts;
    dialog->setPolicyText(QStringLiteral("{\n  \"Version\": \"2012-10-17\"\n  \"Statement\": [{\"Effect\": \"Allow\", \"Resource\": \"%1\"}]\n}").arg(arn));
    QVERIFY2(dialog->problemText().startsWith(s("Line 3, column 3: ")), qPrintable(dialog->problemText()));
    QVERIFY(dialog->findChild<QWidget *>(s("policyProblem"))->isVisible());
    QCOMPARE(dialog->editor()->extraSelections().size(), 1);
    QCOMPARE(dialog->editor()->extraSelections().at(0).cursor.blockNumber(), 2);
    QVERIFY(!dialog->findChild<QPushButton *>(s("savePolicy"))->isEnabled());
    QVERIFY(!dialog->save());
    QCOMPARE(dialog->editor()->textCursor().blockNumber(), 2); // put at the spot
    QVERIFY(!dialog->format());
    QTest::qWait(50);
    QCOMPARE(m_puts, putsBefore);
    QCOMPARE(errorType(getPolicy(*m_c, arn)), s("PolicyNotFoundException"));

    // Fixed: Format indents it, Save is offered.
    dialog->setPolicyText(readPolicy(arn, s("alice")));
    QCOMPARE(dialog->problemText(), QString());
    QVERIFY(dialog->editor()->extraSelections().isEmpty());
    QVERIFY(dialog->format());
    QCOMPARE(dialog->policyText(), policytext::formatted(readPolicy(arn, s("alice"))));
    QVERIFY(dialog->findChild<QPushButton *>(s("savePolicy"))->isEnabled());
    dialog->editor()->undo(); // the format
    QCOMPARE(dialog->policyText(), readPolicy(arn, s("alice")));
}

void TestResourcePolicyDialog::policyRefusedByTheEngine()
{
    const QString arn = tableArn(*m_c, s("Refused"));
    auto dialog = openDialog(s("Refused"));
    dialog->setPolicyText(readPolicy(arn, s("alice")).replace(s("\"Allow\""), s("\"Perhaps\"")));
    QCOMPARE(dialog->problemText(), QString()); // JSON, so it is sent
    saveAndWait(dialog.get());
    QVERIFY2(dialog->errorText().startsWith(s("The policy was not saved. ValidationException: ")), qPrintable(dialog->errorText()));
    QVERIFY(dialog->findChild<QWidget *>(s("policyError"))->isVisible());
    QVERIFY(!dialog->hasPolicy());
    QVERIFY(dialog->isModified());
    QCOMPARE(errorType(getPolicy(*m_c, arn)), s("PolicyNotFoundException"));
    // Editing clears nothing but the note; a valid policy then saves.
    dialog->setPolicyText(readPolicy(arn, s("alice")));
    saveAndWait(dialog.get());
    QCOMPARE(dialog->errorText(), QString());
    QVERIFY(getPolicy(*m_c, arn).ok());
}

// The stream's policy is the stream ARN's, apart from the table's, each
// with its own text.
void TestResourcePolicyDialog::streamHasItsOwnPolicy()
{
    const QString table = tableArn(*m_c, s("Events"));
    const QString stream = streamArn(*m_c, s("Events"));
    QVERIFY(!stream.isEmpty());
    auto dialog = openDialog(s("Events"));
    auto *choice = dialog->findChild<QRadioButton *>(s("policyOfStream"));
    QVERIFY(choice->isEnabled());
    dialog->setPolicyText(s("{ \"draft\": 1 }")); // the table's draft
    QTest::mouseClick(choice, Qt::LeftButton);
    QCOMPARE(dialog->target(), ResourcePolicyDialog::Target::Stream);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded() && !dialog->isBusy(), kTimeoutMs);
    QCOMPARE(dialog->resourceArn(), stream);
    QCOMPARE(dialog->findChild<QLabel *>(s("policyResourceArn"))->text(), stream);
    QVERIFY(!dialog->hasPolicy());
    QCOMPARE(dialog->policyText(), QString());
    QCOMPARE(dialog->templates().size(), 2);
    QVERIFY(dialog->insertTemplate(0)); // a role reads the stream
    QCOMPARE(dialog->editor()->textCursor().selectedText(), s("<role-name>"));
    QTest::keyClicks(dialog->editor(), s("stream-reader"));
    saveAndWait(dialog.get());
    QCOMPARE(dialog->errorText(), QString());

    const auto held = getPolicy(*m_c, stream);
    QVERIFY2(held.ok(), qPrintable(errorOf(held)));
    QCOMPARE(held.body.value(s("RevisionId")).toString(), dialog->revisionId());
    QVERIFY(held.body.value(s("Policy")).toString().contains(s("arn:aws:iam::000000000000:role/stream-reader")));
    QCOMPARE(errorType(getPolicy(*m_c, table)), s("PolicyNotFoundException"));

    QVERIFY(dialog->setTarget(ResourcePolicyDialog::Target::Table));
    QCOMPARE(dialog->resourceArn(), table);
    QCOMPARE(dialog->policyText(), s("{ \"draft\": 1 }"));
    QVERIFY(!dialog->hasPolicy());
}

// A policy that denies its signed caller PutResourcePolicy is refused
// (AccessDeniedException, as AWS answers) unless ConfirmRemoveSelfResourceAccess
// says it is meant: the dialog asks, Cancel sends nothing more, Yes sends it
// again confirmed. The caller: an IAM user of the engine whose own policy
// allows everything, as dynamodesk-server --auth has them.
void TestResourcePolicyDialog::lockingYourselfOutIsConfirmed()
{
    auto admin = std::make_shared<security::Principal>();
    admin->userName = s("admin");
    admin->accessKeyId = s("AKIAADMINEXAMPLE");
    api::RequestContext signedCaller;
    signedCaller.principal = admin;
    Connection connection(m_c->settings(), std::make_shared<client::InProcessClient>(m_c->sharedEngine(), signedCaller), m_c->sharedEngine());
    QStringList putErrors;
    connect(&connection, &Connection::operationFinished, this, [&](const QString &operation, double, double, const QString &error) {
        if (operation == s("PutResourcePolicy"))
            putErrors << error;
    });
    const QString arn = tableArn(connection, s("Locked"));
    auto dialog = openDialog(s("Locked"), &connection);
    const QString lockout = QStringLiteral("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
                                           "\"Action\":\"dynamodb:PutResourcePolicy\",\"Resource\":\"%1\"}]}")
                                .arg(arn);
    dialog->setPolicyText(lockout);
    saveAndWait(dialog.get());
    QCOMPARE(putErrors.size(), 1);
    QMessageBox *box = visibleBox(dialog.get(), s("confirmRemoveSelfAccess"));
    QVERIFY(box);
    QVERIFY2(box->text().contains(s("AccessDeniedException: The new resource policy will not allow you")), qPrintable(box->text()));
    box->button(QMessageBox::Cancel)->click();
    QVERIFY(!dialog->isBusy());
    QVERIFY(dialog->errorText().contains(s("lock you out")));
    QCOMPARE(errorType(getPolicy(connection, arn)), s("PolicyNotFoundException"));
    QCOMPARE(putErrors.size(), 1);

    saveAndWait(dialog.get());
    QCOMPARE(putErrors.size(), 2);
    answerYes(dialog.get(), s("confirmRemoveSelfAccess"));
    QCOMPARE(putErrors.size(), 3);
    QCOMPARE(putErrors.last(), QString());
    QCOMPARE(dialog->errorText(), QString());
    QVERIFY(dialog->hasPolicy());
    const auto held = getPolicy(connection, arn);
    QVERIFY2(held.ok(), qPrintable(errorOf(held)));
    QCOMPARE(held.body.value(s("RevisionId")).toString(), dialog->revisionId());
    // And it holds: this caller can change it no more.
    dialog->setPolicyText(readPolicy(arn, s("alice")));
    saveAndWait(dialog.get());
    QVERIFY2(dialog->errorText().startsWith(s("The policy was not saved. AccessDeniedException: ")), qPrintable(dialog->errorText()));
    QVERIFY(!visibleBox(dialog.get(), s("confirmRemoveSelfAccess")));
    dialog.reset();
}

void TestResourcePolicyDialog::mainWindow()
{
    MainWindow window;
    window.setRememberConnections(false);
    Connection *c = window.addConnection(uitest::inMemoryConnection());
    uitest::createTable(*c, s("Orders"), s("pk"));
    QVERIFY(window.findChild<QAction *>(s("resourcePolicyAction")));
    emit window.tree()->resourcePolicyRequested(c, s("Orders"));
    QPointer<ResourcePolicyDialog> dialog = window.findChild<ResourcePolicyDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(window.openResourcePolicy(c, s("Orders")), dialog.data()); // focused, not opened twice
    QCOMPARE(int(window.findChildren<ResourcePolicyDialog *>().size()), 1);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded() && !dialog->isBusy(), kTimeoutMs);
    QCOMPARE(dialog->statusText(), s("No resource-based policy"));

    // Unsaved edits: closing asks first.
    dialog->setPolicyText(s("{}"));
    dialog->reject();
    QMessageBox *box = visibleBox(dialog, s("confirmDiscardPolicy"));
    QVERIFY(box);
    box->button(QMessageBox::Cancel)->click();
    QVERIFY(dialog->isVisible());

    emit window.tree()->closeConnectionRequested(c);
    QVERIFY(dialog.isNull());
}

QTEST_MAIN(TestResourcePolicyDialog)
#include "tst_resourcepolicydialog.moc"
