// TableDesigner: the dialog that designs a table and creates it, or edits an
// existing one. Keys, billing, secondary indexes, stream, TTL, encryption at
// rest and tags are validated live with DynamoDB's rules (the reason beside
// each field; Create and Apply stay disabled while anything is invalid). Beside the form: the
// sample items as the table and each index hold them (SampleItemsPanel), the
// access patterns and which key serves each (AccessPatternPanel), and the AWS
// CLI command or --cli-input-json JSON, copyable. Designs save to and open
// from JSON files (with their patterns and sample items).
//
// Create sends CreateTable (then UpdateTimeToLive) through the Connection
// and closes when it succeeds. editTable() loads a table instead; what AWS
// cannot change (key schema, LSIs, existing GSIs' keys) is locked, and Apply
// runs the calls planned by TableChangePlanner one by one (TableChangeRunner),
// showing progress and each error beside the field it concerns.
//
// GUI thread only; every call runs off it. The Connection must outlive the dialog.
#pragma once

#include "client/client.h"
#include "designer/loadedtable.h"
#include "designer/tablechange.h"
#include "designer/tabledesign.h"

#include <QDialog>
#include <QFutureWatcher>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QVBoxLayout;

namespace dd::ui {

class AccessPatternPanel;
class Connection;
class EncryptionPicker;
class ErrorLabel;
class IndexRow;
class KeyTypeCombo;
class SampleItemsPanel;
class TableChangeRunner;
class TagEditor;

class TableDesigner : public QDialog {
    Q_OBJECT
public:
    TableDesigner(Connection *connection, QWidget *parent = nullptr); // connection not owned; must outlive this
    ~TableDesigner() override;

    // Switches to edit mode and loads `table` off the GUI thread; loaded() follows.
    void editTable(const QString &table);
    bool isEditing() const { return m_editing; }

    TableDesign design() const;             // what the form says, with patterns and samples
    void setDesign(const TableDesign &design); // fills the form (create mode: everything; edit mode: call editTable instead)
    QList<TableChange> plannedChanges() const; // create mode: CreateTable (+ UpdateTimeToLive); edit mode: the plan
    QString cliCommand(const QString &endpointUrl) const; // every planned call as a shell command, one after the other
    QString cliCommand() const;             // with the serving endpoint, if the connection is served
    QString cliInputJson() const;
    // The planned calls as a program (for the code tab's Python and JavaScript kinds).
    QString program(CopyFormat format) const;

    bool saveDesign(const QString &path, QString *error) const;
    bool openDesign(const QString &path, QString *error); // create mode only
    // The form differs from what it last showed as loaded, opened or saved
    // (a new table's: its empty form). Closing then asks first (reject()).
    bool isModified() const;
    void reject() override; // asks before it drops changes or stops changes being applied

    IndexRow *addIndex(bool global);        // appends an empty index row
    SampleItemsPanel *samples() const { return m_samples; }
    AccessPatternPanel *patterns() const { return m_patterns; }
    QTabWidget *sideTabs() const { return m_sideTabs; }

signals:
    void tableCreated(const QString &tableName);
    void tableUpdated(const QString &tableName);
    void loaded(bool ok);                   // edit mode: the table's design is in the form (or could not be read)
    void changesApplied(int failures);      // after Apply (edit mode), on the GUI thread

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildForm(QVBoxLayout *left);
    void placeIndexTitles();
    void revalidate();
    void create();
    void apply();
    // Reads `table` (DescribeTable and the rest) for the form; onLoaded() takes the answer.
    void startReading(const QString &table);
    void onLoaded();
    void onStepStarted(int index, int count, const QString &description);
    void onStepFailed(int index, const QString &field, const QString &message);
    void onRunFinished(int failures);
    void setBusy(bool busy);
    void saveAs();
    void open();

    Connection *m_connection;
    bool m_editing = false;
    bool m_filling = false;                  // the form is being filled by code
    bool m_revalidating = false;             // revalidate() is on the stack (panels call back)
    bool m_created = false;                  // create mode: CreateTable succeeded in this run
    bool m_reloadOnly = false;               // the running load refreshes m_original only
    TableDesign m_original;                  // edit mode: the table as loaded
    mutable QJsonObject m_baseline;          // the design as last loaded, opened or saved (isModified())
    QString m_arn;
    QList<DesignIssue> m_callErrors;         // DynamoDB's answers to the last Create/Apply, by field

    QLineEdit *m_tableName;
    ErrorLabel *m_tableNameError;
    QLineEdit *m_partition;
    KeyTypeCombo *m_partitionType;
    ErrorLabel *m_partitionError;
    QLineEdit *m_sort;
    KeyTypeCombo *m_sortType;
    ErrorLabel *m_sortError;
    QComboBox *m_billing;
    QSpinBox *m_read;
    QSpinBox *m_write;
    ErrorLabel *m_capacityError;
    QComboBox *m_stream;
    ErrorLabel *m_streamError;
    QLineEdit *m_ttl;
    ErrorLabel *m_ttlError;
    EncryptionPicker *m_encryption;
    ErrorLabel *m_encryptionError;
    QWidget *m_indexTitles;
    QList<std::pair<QLabel *, int>> m_indexTitleLabels; // each over a column of the first row
    QVBoxLayout *m_indexLayout;
    QList<IndexRow *> m_indexes;
    ErrorLabel *m_indexesError;
    QPushButton *m_addLsi;
    TagEditor *m_tags;
    QTabWidget *m_sideTabs;
    SampleItemsPanel *m_samples;
    AccessPatternPanel *m_patterns;
    QPlainTextEdit *m_preview;
    QComboBox *m_previewKind;
    QLabel *m_progressLabel;
    QProgressBar *m_progress;
    ErrorLabel *m_apiError;
    QPushButton *m_create;
    QPushButton *m_stop; // "Stop after this step", while changes are applied
    // Create mode's design, shown again once the table it made (some of its
    // calls failed or were stopped) is read for editing, with the note that says so.
    std::optional<TableDesign> m_keepDesign;
    QString m_afterLoadNote;
    QPushButton *m_open;
    TableChangeRunner *m_runner;
    QFutureWatcher<LoadedTable> m_loadWatcher;
    // From reading the table until its answer is handled (the watcher's
    // future ends before that, and the form would take Apply meanwhile).
    bool m_reading = false;
};

} // namespace dd::ui
