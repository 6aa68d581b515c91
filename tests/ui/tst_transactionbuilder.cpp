// The transaction builder: a two-table transfer (Accounts and Ledger) typed
// into the forms and run; validation before running (a second action on
// the same item, a placeholder without a value, the 100-action limit); a
// second transfer that overdraws, whose ConditionalCheckFailed lands on the
// debit with the item it saw while the others say None and nothing changes;
// drafts and "Copy as AWS CLI command".
#include "transactions/transactionbuilder.h"
#include "uitest.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace dd::ui;

class TestTransactionBuilder : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void transferThroughTheForms();
    void validationBeforeRunning();
    void conditionFailureOnTheRightAction();
    void draftsAndCliCommand();
    void cleanupTestCase();

private:
    void fillForm(TransactionAction::Type type, const QString &table, const QString &key, const QString &condition,
                  const QString &update, const QString &values, bool returnOld);
    QString balance(const QString &who);

    std::unique_ptr<Connection> m_connection;
    TransactionBuilder *m_builder = nullptr;
};

void TestTransactionBuilder::initTestCase()
{
    m_connection = uitest::inMemoryConnection();
    uitest::createTable(*m_connection, QStringLiteral("Accounts"), QStringLiteral("pk"));
    uitest::createTable(*m_connection, QStringLiteral("Ledger"), QStringLiteral("id"));
    uitest::put(*m_connection, QStringLiteral("Accounts"), {{QStringLiteral("pk"), uitest::S(QStringLiteral("alice"))}, {QStringLiteral("balance"), uitest::N(QStringLiteral("100"))}});
    uitest::put(*m_connection, QStringLiteral("Accounts"), {{QStringLiteral("pk"), uitest::S(QStringLiteral("bob"))}, {QStringLiteral("balance"), uitest::N(QStringLiteral("20"))}});
    m_builder = new TransactionBuilder(m_connection.get());
    m_builder->resize(1000, 700);
    m_builder->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_builder));
    // The table combo fills from the connection's listing.
    auto *table = m_builder->findChild<QComboBox *>(QStringLiteral("table"));
    QTRY_COMPARE(table->count(), 2);
}

void TestTransactionBuilder::cleanupTestCase()
{
    delete m_builder;
    m_connection.reset();
}

QString TestTransactionBuilder::balance(const QString &who)
{
    return uitest::get(*m_connection, QStringLiteral("Accounts"), {{QStringLiteral("pk"), uitest::S(who)}})
        .value(QStringLiteral("balance")).toObject().value(QStringLiteral("N")).toString();
}

// Adds an action with the Add menu's entry and types its fields.
void TestTransactionBuilder::fillForm(TransactionAction::Type type, const QString &table, const QString &key, const QString &condition,
                                      const QString &update, const QString &values, bool returnOld)
{
    m_builder->addAction(TransactionAction());
    m_builder->findChild<QComboBox *>(QStringLiteral("actionType"))->setCurrentIndex(int(type));
    m_builder->findChild<QComboBox *>(QStringLiteral("table"))->setCurrentText(table);
    auto *keyEdit = m_builder->findChild<QPlainTextEdit *>(QStringLiteral("key"));
    keyEdit->setFocus();
    keyEdit->selectAll();
    QTest::keyClicks(keyEdit, key);
    m_builder->findChild<QLineEdit *>(QStringLiteral("condition"))->setText(condition);
    m_builder->findChild<QLineEdit *>(QStringLiteral("update"))->setText(update);
    m_builder->findChild<QPlainTextEdit *>(QStringLiteral("values"))->setPlainText(values);
    m_builder->findChild<QCheckBox *>(QStringLiteral("returnOld"))->setChecked(returnOld);
}

void TestTransactionBuilder::transferThroughTheForms()
{
    using T = TransactionAction::Type;
    fillForm(T::Update, QStringLiteral("Accounts"), QStringLiteral("{\"pk\": \"alice\"}"), QStringLiteral("balance >= :amount"),
             QStringLiteral("SET balance = balance - :amount"), QStringLiteral("{\":amount\": 30}"), true);
    fillForm(T::Update, QStringLiteral("Accounts"), QStringLiteral("{\"pk\": {\"S\": \"bob\"}}"), QString(),
             QStringLiteral("SET balance = balance + :amount"), QStringLiteral("{\":amount\": {\"N\": \"30\"}}"), false);
    fillForm(T::Put, QStringLiteral("Ledger"), QStringLiteral("{\"id\": \"t1\", \"from\": \"alice\", \"to\": \"bob\", \"amount\": 30}"),
             QStringLiteral("attribute_not_exists(id)"), QString(), QString(), false);
    QCOMPARE(m_builder->actionCount(), 3);
    QCOMPARE(m_builder->action(0).type, T::Update);
    QCOMPARE(m_builder->action(2).table, QStringLiteral("Ledger"));
    auto *list = m_builder->findChild<QListWidget *>(QStringLiteral("actions"));
    QVERIFY(list->item(0)->text().contains(QStringLiteral("Update Accounts {pk: alice}")));

    QSignalSpy finished(m_builder, &TransactionBuilder::finished);
    QTest::mouseClick(m_builder->findChild<QPushButton *>(QStringLiteral("run")), Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QCOMPARE(balance(QStringLiteral("alice")), QStringLiteral("70"));
    QCOMPARE(balance(QStringLiteral("bob")), QStringLiteral("50"));
    QVERIFY(!uitest::get(*m_connection, QStringLiteral("Ledger"), {{QStringLiteral("id"), uitest::S(QStringLiteral("t1"))}}).isEmpty());
    QCOMPARE(m_builder->result(2).code, QStringLiteral("Applied"));
}

void TestTransactionBuilder::validationBeforeRunning()
{
    // A second action on alice: DynamoDB allows one action per item.
    m_builder->selectAction(0);
    QTest::mouseClick(m_builder->findChild<QPushButton *>(QStringLiteral("duplicate")), Qt::LeftButton);
    QCOMPARE(m_builder->actionCount(), 4);
    QStringList problems = m_builder->validate();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().startsWith(QStringLiteral("Action 4: another action")), qPrintable(problems.first()));
    QVERIFY(!m_builder->run());
    // A placeholder without a value.
    m_builder->findChild<QPlainTextEdit *>(QStringLiteral("values"))->setPlainText(QString());
    m_builder->findChild<QPlainTextEdit *>(QStringLiteral("key"))->setPlainText(QStringLiteral("{\"pk\": \"carol\"}"));
    problems = m_builder->validate();
    QCOMPARE(problems, QStringList{QStringLiteral("Action 4: No value for :amount")});
    QTest::mouseClick(m_builder->findChild<QPushButton *>(QStringLiteral("remove")), Qt::LeftButton);
    QCOMPARE(m_builder->actionCount(), 3);
    QVERIFY(m_builder->validate().isEmpty());
    // The 100-action limit.
    QList<TransactionAction> many;
    for (int i = 0; i < 101; ++i) {
        TransactionAction a;
        a.table = QStringLiteral("Ledger");
        a.keyText = QStringLiteral("{\"id\": \"x%1\"}").arg(i);
        many << a;
    }
    QVERIFY(validateTransaction(many, {}).first().contains(QStringLiteral("at most 100")));
    // Reorder: Up moves the selected action.
    m_builder->selectAction(2);
    QTest::mouseClick(m_builder->findChild<QPushButton *>(QStringLiteral("moveUp")), Qt::LeftButton);
    QCOMPARE(m_builder->action(1).table, QStringLiteral("Ledger"));
    QCOMPARE(m_builder->currentAction(), 1);
    QTest::mouseClick(m_builder->findChild<QPushButton *>(QStringLiteral("moveDown")), Qt::LeftButton);
    QCOMPARE(m_builder->action(2).table, QStringLiteral("Ledger"));
}

void TestTransactionBuilder::conditionFailureOnTheRightAction()
{
    // Alice has 70: moving 100 fails her condition, and nothing is applied.
    for (int i : {0, 1}) {
        TransactionAction a = m_builder->action(i);
        a.valuesText = QStringLiteral("{\":amount\": 100}");
        m_builder->setAction(i, a);
    }
    TransactionAction ledger = m_builder->action(2);
    ledger.keyText = QStringLiteral("{\"id\": \"t2\", \"from\": \"alice\", \"to\": \"bob\", \"amount\": 100}");
    m_builder->setAction(2, ledger);
    m_builder->selectAction(2);
    QSignalSpy finished(m_builder, &TransactionBuilder::finished);
    QVERIFY(m_builder->run());
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(m_builder->result(0).code, QStringLiteral("ConditionalCheckFailed"));
    QCOMPARE(m_builder->result(0).item.value(QStringLiteral("balance")).toObject().value(QStringLiteral("N")).toString(), QStringLiteral("70"));
    QCOMPARE(m_builder->result(1).code, QStringLiteral("None"));
    QCOMPARE(m_builder->result(2).code, QStringLiteral("None"));
    // The failing action is selected and shows the reason with the item it saw.
    QCOMPARE(m_builder->currentAction(), 0);
    const QString shown = m_builder->findChild<QPlainTextEdit *>(QStringLiteral("result"))->toPlainText();
    QVERIFY2(shown.startsWith(QStringLiteral("ConditionalCheckFailed")), qPrintable(shown));
    QVERIFY(shown.contains(QStringLiteral("\"70\"")));
    auto *list = m_builder->findChild<QListWidget *>(QStringLiteral("actions"));
    QVERIFY(list->item(0)->text().endsWith(QStringLiteral("ConditionalCheckFailed")));
    QVERIFY(list->item(0)->font().bold());
    QVERIFY(!list->item(1)->font().bold());
    QCOMPARE(balance(QStringLiteral("alice")), QStringLiteral("70"));
    QCOMPARE(balance(QStringLiteral("bob")), QStringLiteral("50"));
    QVERIFY(uitest::get(*m_connection, QStringLiteral("Ledger"), {{QStringLiteral("id"), uitest::S(QStringLiteral("t2"))}}).isEmpty());
}

void TestTransactionBuilder::draftsAndCliCommand()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("draft.json"));
    QString error;
    // A half-typed action survives the draft.
    TransactionAction half;
    half.type = TransactionAction::Type::Delete;
    half.table = QStringLiteral("Ledger");
    half.keyText = QStringLiteral("{\"id\": ");
    m_builder->addAction(half);
    QVERIFY2(m_builder->saveDraft(path, &error), qPrintable(error));
    const int count = m_builder->actionCount();
    const TransactionAction first = m_builder->action(0);
    QTest::mouseClick(m_builder->findChild<QPushButton *>(QStringLiteral("remove")), Qt::LeftButton);
    QVERIFY2(m_builder->loadDraft(path, &error), qPrintable(error));
    QCOMPARE(m_builder->actionCount(), count);
    QCOMPARE(m_builder->action(0).update, first.update);
    QCOMPARE(m_builder->action(3).keyText, half.keyText);
    m_builder->selectAction(3);
    QTest::mouseClick(m_builder->findChild<QPushButton *>(QStringLiteral("remove")), Qt::LeftButton);

    const QString cli = m_builder->cliCommand();
    QVERIFY(cli.startsWith(QStringLiteral("aws dynamodb transact-write-items --transact-items file://transact.json\n")));
    const qsizetype json = cli.indexOf(QStringLiteral("\n["));
    QVERIFY(json > 0);
    const QJsonArray items = QJsonDocument::fromJson(cli.mid(json + 1).toUtf8()).array();
    QCOMPARE(items.size(), 3);
    QCOMPARE(items.at(0).toObject().value(QStringLiteral("Update")).toObject().value(QStringLiteral("ReturnValuesOnConditionCheckFailure")).toString(),
             QStringLiteral("ALL_OLD"));
    // The file loads back as pasted JSON.
    const QString cliPath = dir.filePath(QStringLiteral("transact.json"));
    QFile file(cliPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(cli.mid(json + 1).toUtf8());
    file.close();
    QVERIFY2(m_builder->loadDraft(cliPath, &error), qPrintable(error));
    QCOMPARE(m_builder->actionCount(), 3);
    QCOMPARE(m_builder->action(2).type, TransactionAction::Type::Put);
    QVERIFY(m_builder->validate().isEmpty());
}

QTEST_MAIN(TestTransactionBuilder)
#include "tst_transactionbuilder.moc"
