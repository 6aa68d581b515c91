// PartiqlEditor: the PartiQL editor tab of a connection. A statement
// (highlighted, monospace), optional parameters (a JSON array of attribute
// values), a page size (Limit) and Consistent read; Run (Ctrl+Return) sends
// one ExecuteStatement with ReturnConsumedCapacity TOTAL and shows the items
// in a grid (the projection's order, or the key attributes first), with
// "N items · X capacity units". When the response has a NextToken, Load
// more asks for the next page of the same request and appends it. DynamoDB's errors show as "Type:
// message", in English as on the wire. While a call runs, a busy bar and
// Cancel, which stops waiting for it (a statement DynamoDB already received
// may still run: cancelling does not undo a write). The statements that ran
// are kept per connection (statementhistory.h); Copy as gives the AWS CLI
// command or a Python or JavaScript program. A double-click on a row of a
// SELECT from a table opens its item in the item editor (resultitemopener.h).
//
// GUI thread only. The Connection must outlive the editor; the destructor
// drops the calls it still watches without waiting for them.
#pragma once

#include "client/client.h"
#include "common/codesnippet.h"
#include "partiql/statementhistory.h"

#include <QFutureWatcher>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace dd::ui {

class Connection;
class ErrorLabel;
class PartiqlResultModel;
class ResultItemOpener;

class PartiqlEditor : public QWidget {
    Q_OBJECT
public:
    explicit PartiqlEditor(Connection *connection, QWidget *parent = nullptr);
    ~PartiqlEditor() override;

    Connection *connection() const { return m_connection; }
    PartiqlResultModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPlainTextEdit *statementEdit() const { return m_statement; }
    QAction *runAction() const { return m_runAction; }

    QString statement() const;
    // Replaces the statement as an edit that Undo takes back, cursor at the end.
    void setStatement(const QString &statement);
    void setSelectFrom(const QString &table); // the statement SELECT * FROM "table", as setStatement()
    QString parametersText() const;
    void setParametersText(const QString &text);
    int pageSize() const;              // Limit; 0 sends none
    void setPageSize(int pageSize);

    // Parses the parameters field: empty (or []) is none; otherwise a JSON
    // array of DynamoDB attribute values ([{"S": "Acme"}, {"N": "3"}]),
    // each checked by DynamoDB's rules. False and *error (one line,
    // translated) when it is not.
    static bool parseParameters(const QString &text, QJsonArray *parameters, QString *error);
    // The request as Run sends it, without NextToken and
    // ReturnConsumedCapacity: Statement, Parameters, Limit, ConsistentRead
    // as set. Empty, with *error, when the statement is blank or the
    // parameters do not parse.
    QJsonObject statementRequest(QString *error) const;

    bool run();        // starts the statement; false (and says why) when busy, blank or with bad parameters
    bool loadMore();   // the next page of the last run; false when there is none or a call runs
    void cancel();     // stops waiting for the call in flight; its result, if any, is dropped
    bool isRunning() const { return m_busy; }
    bool hasMore() const { return !m_nextToken.isEmpty(); }
    QString statusText() const; // "3 items · 1.5 capacity units"
    QString errorText() const;  // "ValidationException: ...", empty after a success

    const StatementHistory &history() const { return m_history; }
    void useHistoryEntry(int index); // puts history().entries()[index] back into the fields

    // The statement as copied: the AWS CLI command or a program (common/codesnippet.h); empty if it does not parse.
    QString copyText(CopyFormat format) const;
    // Opens the item of a result row in the item editor (a SELECT from a
    // table whose key the row holds); false, with the reason shown, when it cannot.
    bool openItem(int row);

signals:
    void finished(bool ok); // after every run and page, on the GUI thread (not after Cancel)
    void statusMessage(const QString &message);

private:
    // One ExecuteStatement page, with the table's description when asked for it.
    struct Page {
        client::ApiResponse response;
        QJsonObject table;        // DescribeTable's "Table", empty if not asked or not answered
    };
    void buildUi();
    void start(const QJsonObject &request, bool describe);
    void onPage();
    void setBusy(bool busy);
    void showStatus();
    void refreshHistory();
    void validateParameters();

    // A statement that ran, or runs: what its result pages repeat.
    struct Run {
        QJsonObject request;  // as statementRequest() made it (Load more adds NextToken)
        QString parameters;   // the parameters field's text, for the history
        QString table;        // the table a SELECT reads, empty for other statements
        QString index;        // the index it reads, if any
    };

    Connection *m_connection;
    StatementHistory m_history;
    Run m_shown;                         // the statement whose result the grid shows
    Run m_pending;                       // the statement in flight, until its first page
    QString m_nextToken;                 // of the last page shown; empty at the end
    bool m_busy = false;
    bool m_firstPage = false;            // the call in flight starts a new result
    double m_capacity = 0;               // capacity units of the pages shown
    int m_pages = 0;                     // pages shown
    QHash<QString, QJsonObject> m_descriptions; // DescribeTable's "Table" by table name, until the connection changes tables

    QPlainTextEdit *m_statement;
    QLineEdit *m_parameters;
    ErrorLabel *m_parametersError;
    QSpinBox *m_pageSize;
    QCheckBox *m_consistent;
    QComboBox *m_historyCombo;
    QAction *m_runAction;
    QPushButton *m_cancel;
    QProgressBar *m_busyBar;
    ErrorLabel *m_error;
    QTableView *m_view;
    PartiqlResultModel *m_model;
    ResultItemOpener *m_opener;
    QLabel *m_status;
    QPushButton *m_loadMore;
    QFutureWatcher<Page> m_runWatcher;
};

} // namespace dd::ui
