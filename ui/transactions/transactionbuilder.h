// TransactionBuilder: the transaction builder tab. A list of actions (Put,
// Update, Delete, ConditionCheck; or Get) on the left, the selected action's
// form on the right (or pasted JSON), and Validate, Run, drafts and "Copy as
// AWS CLI command" below. Run sends one TransactWriteItems (or, when every
// action is a Get, one TransactGetItems) off the GUI thread; on
// TransactionCanceledException each action shows its CancellationReason,
// with the item it saw when it asked for ALL_OLD; a Get shows the item it
// read. A ClientRequestToken (typed or generated) makes a write idempotent
// for 10 minutes: running it again with the same token is reported as a
// replay that wrote nothing. A set value (SS, NS, BS) can be added to the
// values from a small form.
//
// GUI thread only. The Connection must outlive the builder; the destructor
// drops a running call without waiting for it.
#pragma once

#include "client/client.h"
#include "common/codesnippet.h"
#include "common/tablekeys.h"
#include "connections/tablelisting.h"
#include "transactions/transactionaction.h"

#include <QFutureWatcher>
#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace dd::ui {

class Connection;
class ErrorLabel;

class TransactionBuilder : public QWidget {
    Q_OBJECT
public:
    // The outcome of one action after Run.
    struct ActionResult {
        QString code;     // "Applied", "None", "ConditionalCheckFailed", ..., "Found", "NotFound" (Get); empty before a run
        QString message;  // DynamoDB's message for this action, English
        QJsonObject item; // the item the action saw (ALL_OLD) or read (Get), may be empty
    };

    explicit TransactionBuilder(Connection *connection, QWidget *parent = nullptr);
    ~TransactionBuilder() override;

    Connection *connection() const { return m_connection; }
    int actionCount() const { return int(m_actions.size()); }
    const TransactionAction &action(int index) const { return m_actions.at(index); }
    void addAction(const TransactionAction &action);   // appends and selects it
    void setAction(int index, const TransactionAction &action);
    void selectAction(int index);
    int currentAction() const;
    ActionResult result(int index) const { return m_results.value(index); }

    // Adds actions from pasted JSON: a TransactItems array, a request with
    // TransactItems, or one element. False and *error when it does not parse.
    bool pasteJson(const QString &text, QString *error);

    QStringList validate();      // shows the problems too; empty when it may run
    bool run();                  // validates, then starts TransactWriteItems; false if invalid or busy
    bool isRunning() const { return m_runWatcher.isRunning(); }
    bool saveDraft(const QString &path, QString *error) const;
    bool loadDraft(const QString &path, QString *error); // replaces the actions; keeps them if the file does not load
    QString cliCommand() const;  // the command and transact.json, as copied
    // The transaction as copied: cliCommand(), or a program (common/codesnippet.h).
    QString copyText(CopyFormat format) const;

    // ClientRequestToken of the next write run; empty sends none.
    QString requestToken() const;
    void setRequestToken(const QString &token);
    void generateRequestToken(); // a new random token in the field
    // True when the last run succeeded with a token that this builder had
    // already run successfully with the same actions: DynamoDB answered the
    // retry without writing again.
    bool lastRunWasReplay() const { return m_lastRunReplay; }
    QString outcome() const;     // the line under the buttons after a run

    // Adds a set value to the current action's values: `type` "SS", "NS" or
    // "BS"; `elements` separated by commas. False and *error when the values
    // do not parse or the set breaks DynamoDB's rules.
    bool addSetValue(const QString &type, const QString &name, const QString &elements, QString *error);

signals:
    void finished(bool applied); // after every run, on the GUI thread
    void statusMessage(const QString &message);

private:
    // The actions of pasted JSON (as pasteJson() takes it); false and *error when it does not parse.
    static bool parseActions(const QString &text, QList<TransactionAction> *actions, QString *error);
    // How an ActionResult's code reads. AWS's reason codes name failures;
    // the others read as words ("None": this action was fine, another one
    // cancelled the transaction). All empty for an empty code.
    struct Outcome {
        QString word;        // after the action in the list: "applied", "not found", ...; a failure's code
        QString description; // the first line of the result pane; a failure's code
        bool failed = false; // the code names a failure
    };
    static Outcome outcomeOf(const QString &code);
    QJsonObject transactionRequest() const; // TransactItems (and ClientRequestToken for writes), as Run sends it
    void buildUi();
    void refreshList();
    void loadForm();
    void storeForm();
    void updateFormForType();
    void showResult();
    void move(int delta);
    void onRunFinished();
    void clearResults();

    Connection *m_connection;
    QList<TransactionAction> m_actions;
    QList<ActionResult> m_results;      // by action, empty until a run
    QMap<QString, TableKeys> m_keys;    // by table, from the listing
    bool m_loading = false;             // the form is being filled from m_actions
    QHash<QString, QByteArray> m_appliedTokens; // token -> TransactItems it applied, this session
    QString m_runToken;                 // the token of the run in flight
    QByteArray m_runItems;              // its TransactItems, compact JSON
    bool m_runRead = false;             // the run in flight is TransactGetItems
    bool m_lastRunReplay = false;

    QListWidget *m_list;
    QComboBox *m_type;
    QComboBox *m_table;
    QLabel *m_keyLabel;
    QPlainTextEdit *m_key;
    QLineEdit *m_condition;
    QLineEdit *m_update;
    QLineEdit *m_projection;
    QLineEdit *m_token;
    QComboBox *m_setType;
    QLineEdit *m_setName;
    QLineEdit *m_setElements;
    QLabel *m_mode;
    QLabel *m_outcome;
    QPlainTextEdit *m_names;
    QPlainTextEdit *m_values;
    QCheckBox *m_returnOld;
    QPlainTextEdit *m_result;
    ErrorLabel *m_problems;
    QPushButton *m_run;
    QFutureWatcher<client::ApiResponse> m_runWatcher;
    QFutureWatcher<TableListing> m_tablesWatcher;
};

} // namespace dd::ui
