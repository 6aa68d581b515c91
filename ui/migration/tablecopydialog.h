// TableCopyDialog: "Copy table to…" for one table of one Connection: pulls
// a copy of an AWS table into the embedded database, pushes a local one to
// an endpoint, or duplicates it under another name or in another region.
// The form: the source (read-only); the target connection (any open one,
// the source's by default) and region (another region of the same
// database opens a connection to it through the RegionOpener); "Create the
// table with the source's definition" (the name typed: the source's, or
// "<name>-copy" on the source's own connection and region) or "Copy into an
// existing table" (one of the target's, listed; copyTable checks its key
// schema); the parallel scan segments; and "Also enable the source's time
// to live". It shows what the copy will create (createTableRequestFor() on
// the source's DescribeTable) and says beside the name why it cannot be
// used (DynamoDB's naming rules; the source itself).
//
// Copy runs client::copyTable() in a TableCopyRun below the form (phase,
// items, bar, Cancel; then the result or error, and the partial table's
// question after a Cancel); Esc and closing the window cancel a running
// copy and keep the dialog. A target on AWS is confirmed first
// ("confirmCopyToAws"). Open table browses a finished copy.
//
// GUI thread only; every call runs off it. The Connections are not owned:
// the source must outlive the dialog; a target that closes is taken out
// with removeConnection() first. The destructor stops a running copy and
// waits for it and for the dialog's calls.
#pragma once

#include "client/client.h"
#include "connections/tablelisting.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QList>

#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QStackedWidget;

namespace dd::ui {

class Connection;
class ErrorLabel;
class TableCopyRun;

class TableCopyDialog : public QDialog {
    Q_OBJECT
public:
    // The connection that reaches `region` of the database behind
    // `connection` (an open one, or a new one); null if none can be had
    // (its opener says why).
    using RegionOpener = std::function<Connection *(Connection *connection, const QString &region)>;
    // Offers `connections` as targets, the source first whether listed or
    // not; starts reading the source table at once.
    TableCopyDialog(Connection *source, const QString &table, const QList<Connection *> &connections, QWidget *parent = nullptr);
    ~TableCopyDialog() override;

    Connection *connection() const { return m_source; }
    QString tableName() const { return m_table; }

    // Lets the region field reach other regions; without one it shows the
    // target connection's region, read-only.
    void setRegionOpener(RegionOpener opener);
    // A connection opened meanwhile joins the targets.
    void addConnection(Connection *connection);
    // A target that is closing leaves the form; a copy into it stops first
    // (waiting for it). Not for the source: delete the dialog instead.
    void removeConnection(Connection *connection);

    // The form, as the user sets it; false when the choice is not offered.
    bool setTarget(Connection *connection);
    bool setRegion(const QString &region); // picks or opens that region's connection
    void setTargetTable(const QString &name); // the name typed; in "existing" mode the table chosen
    void setIntoExisting(bool existing);
    Connection *targetConnection() const;
    QString targetTable() const;              // the name typed, or the existing table chosen

    // Copy: false, starting nothing, while the form is refused or a copy
    // runs. A target on AWS asks first and copies on Yes (true meanwhile).
    bool startCopy();
    // Cancel: false unless a copy runs.
    bool cancelCopy();
    // Open table: asks to browse the copy (openTableRequested); false until one succeeded.
    bool openTable();

    bool isLoaded() const { return m_loaded; }       // the source was described (or could not be)
    bool isListing() const;                          // the target's tables are being read
    bool isCopying() const;
    QString formError() const;                       // why Copy is refused; empty if it is not
    QString summaryText() const;                     // what the copy creates or writes into
    QStringList existingTables() const;              // the target's tables, as listed
    TableCopyRun *run() const { return m_run; }      // the copy's progress and outcome

signals:
    // TableCopyRun::copied(): for the tree.
    void copied(Connection *target, const QString &table);
    // Open table.
    void openTableRequested(Connection *connection, const QString &table);

public slots:
    void reject() override; // while copying: Cancel, the dialog stays

private:
    void onDescribed();
    void onTimeToLive();
    void onListed();
    void onRunning(bool running);
    void beginCopy();
    void onTargetChanged();
    void onRegionChosen();
    void listTargetTables();
    void updateForm();
    bool isSourceItself(const QString &name) const; // `name` on the target would be the source table

    Connection *m_source;                             // not owned
    QString m_table;
    QList<Connection *> m_targets;                    // in the combo's order; not owned
    RegionOpener m_openRegion;
    QJsonObject m_description;                        // DescribeTable's "Table"; empty until read
    QString m_describeError;
    bool m_loaded = false;
    QString m_ttlAttribute;                           // the source's TTL attribute when enabled
    bool m_nameEdited = false;                        // the user typed a name: no default replaces it
    TableNames m_listed;                              // the last listing of a target
    bool m_listAgain = false;                         // the target changed while listing
    QFutureWatcher<client::ApiResponse> m_describe;   // DescribeTable of the source
    QFutureWatcher<client::ApiResponse> m_describeTtl; // DescribeTimeToLive of the source
    QFutureWatcher<TableNames> m_listing;             // ListTables of the target

    QWidget *m_form;
    QComboBox *m_targetCombo;
    QComboBox *m_region;
    QRadioButton *m_create;
    QRadioButton *m_existing;
    QStackedWidget *m_nameStack;
    QLineEdit *m_name;
    QComboBox *m_existingCombo;
    ErrorLabel *m_nameError;
    QSpinBox *m_segments;
    QCheckBox *m_copyTtl;
    QGroupBox *m_summaryBox;
    QLabel *m_summary;
    TableCopyRun *m_run;
    QPushButton *m_openButton;
    QPushButton *m_copyButton;
    QDialogButtonBox *m_buttons;
};

} // namespace dd::ui
