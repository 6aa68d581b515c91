// ResourcePolicyDialog: "Resource policy…" of one table of one Connection:
// the resource-based policy of the table, or of its stream (DescribeTable's
// LatestStreamArn; the choice is disabled, with the reason in its tooltip,
// while the table has no stream). Each of the two has its own document in
// the PolicyEditor (its text, undo history, revision), read with
// GetResourcePolicy when first shown: "No resource-based policy" on
// PolicyNotFoundException, else the policy indented
// (policytext::formatted()) and its revision id.
//
// Save sends PutResourcePolicy with ExpectedRevisionId the revision loaded
// ("NO_POLICY" when there was none), so that a policy changed meanwhile is
// not overwritten: DynamoDB's PolicyNotFoundException then shows as a
// conflict with Reload; a text the editor refuses is not sent. Delete
// policy… asks, then sends DeleteResourcePolicy with the loaded revision.
// When DynamoDB refuses a policy that would deny the caller
// PutResourcePolicy, the dialog asks ("confirmRemoveSelfAccess") and sends
// it again with ConfirmRemoveSelfResourceAccess. Reload replaces the text by
// an edit that Undo takes back. Errors show with DynamoDB's type and
// message.
//
// GUI thread only. One call runs at a time, through Connection::call into
// a watcher; the buttons and the editor wait meanwhile. The Connection must
// outlive the dialog; the destructor waits for a call still running (a
// save or delete already sent is not cancelled).
#pragma once

#include "client/client.h"
#include "policies/policytemplates.h"

#include <QDialog>
#include <QFutureWatcher>

class QFrame;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTextDocument;

namespace dd::ui {

class Connection;
class ErrorLabel;
class PolicyEditor;

class ResourcePolicyDialog : public QDialog {
    Q_OBJECT
public:
    enum class Target { Table, Stream };

    // Starts reading the table's description, then the table's policy, at once.
    ResourcePolicyDialog(Connection *connection, const QString &table, QWidget *parent = nullptr);
    ~ResourcePolicyDialog() override;

    Connection *connection() const { return m_connection; }
    QString tableName() const { return m_table; }

    // Shows the policy of the table or of its stream, reading it the first
    // time. False, changing nothing, while a call runs or for a stream the
    // table does not have.
    bool setTarget(Target target);
    Target target() const { return m_target; }
    bool hasStream() const; // the table was described with an enabled stream

    // Reads the shown resource's policy again (the table's description
    // first if it could not be read). False while a call runs.
    bool reload();
    // Save: false, sending nothing, while a call runs, the text is empty,
    // unchanged or refused by policytext::check(), or a conflict waits for
    // Reload.
    bool save();
    // Delete policy…: asks first (a message box named "confirmDeletePolicy");
    // Yes sends DeleteResourcePolicy. False, without asking, while a call
    // runs or when no policy was loaded.
    bool deletePolicy();
    // Format: indents the text (an edit Undo takes back); false if it is not JSON.
    bool format();
    // The templates offered for the shown resource, in the menu's order.
    QList<PolicyTemplate> templates() const;
    // Adds template `index`'s statements to the text and selects its
    // placeholder; false while a call runs or when the text is not a JSON object.
    bool insertTemplate(int index);

    QString policyText() const;
    // Replaces the text as typing would (Undo takes it back).
    void setPolicyText(const QString &text);

    // What the dialog shows, for tests and the screenshot tour.
    bool isDescribed() const { return !m_tableArn.isEmpty(); }
    bool isLoaded() const;       // the shown resource's policy was read, or could not be
    bool isBusy() const;         // a call runs
    bool hasPolicy() const;      // the shown resource had a policy when last read, saved or deleted
    QString revisionId() const;  // its revision; empty without one
    QString resourceArn() const; // the shown resource's ARN; empty until described
    bool isModified() const;     // the text differs from the policy loaded or saved
    bool hasConflict() const;    // Save or Delete met another revision: Reload waits
    QString statusText() const;
    QString problemText() const; // why the text cannot be sent; empty if it can
    QString errorText() const;   // the last call's error with its type; empty if none
    QString conflictText() const;
    QPlainTextEdit *editor() const;

public slots:
    // With unsaved edits, asks first ("confirmDiscardPolicy").
    void reject() override;

private:
    enum class Call { None, Describe, Get, Put, Delete };
    // What the dialog knows of the table's or the stream's policy.
    struct Resource {
        QString arn;
        QTextDocument *document = nullptr; // PolicyEditor::newDocument(), owned by the dialog
        QString revision;                  // of the policy loaded or saved; empty: none
        bool loaded = false;               // GetResourcePolicy answered
        bool readFailed = false;           // ... with an error other than PolicyNotFoundException
        bool hasPolicy = false;
        QString note;                      // "Saved." after a call, until the next edit
        QString error;                     // the last call's error, with its type
        QString conflict;                  // DynamoDB's PolicyNotFoundException after Save or Delete
    };

    Resource &current() { return m_target == Target::Table ? m_tableResource : m_streamResource; }
    const Resource &current() const { return m_target == Target::Table ? m_tableResource : m_streamResource; }
    Resource &resourceOf(Target target) { return target == Target::Table ? m_tableResource : m_streamResource; }
    void describe();
    void load();
    void sendPut(bool confirmRemoveSelfAccess);
    void start(Call call, const QString &operation, const QJsonObject &request);
    void onFinished();
    void onDescribed(const client::ApiResponse &r);
    void onRead(Resource &resource, const client::ApiResponse &r);
    void onSaved(Resource &resource, const client::ApiResponse &r, bool confirmed);
    void onDeleted(Resource &resource, const client::ApiResponse &r);
    void showConflict(Resource &resource, const ApiError &error, bool deleting);
    void showDocument();
    void updateView();

    Connection *m_connection; // not owned
    QString m_table;
    QString m_tableArn;       // empty until described
    QString m_describeError;
    Target m_target = Target::Table;
    Resource m_tableResource;
    Resource m_streamResource; // arn empty: the table has no stream
    Call m_call = Call::None;
    Target m_callTarget = Target::Table;
    bool m_callConfirmed = false; // the Put running carries ConfirmRemoveSelfResourceAccess
    QFutureWatcher<client::ApiResponse> m_watcher;

    QRadioButton *m_tableChoice;
    QRadioButton *m_streamChoice;
    QLabel *m_arn;
    QLabel *m_status;
    QProgressBar *m_busy;
    PolicyEditor *m_editor;
    QFrame *m_conflictBox;
    QLabel *m_conflict;
    ErrorLabel *m_error;
    QPushButton *m_delete;
    QPushButton *m_reload;
    QPushButton *m_save;
};

} // namespace dd::ui
