// TableBrowser: one tab per opened table: the Scan/Query form (visual
// builder or raw expressions), the grid of items (ItemTableModel, paged
// with Fetch More), a detail pane that shows the current row as a tree
// with the current cell's value expanded, item actions (new, edit,
// duplicate, delete selected, export to JSON Lines or CSV, import JSON Lines) and a progress
// bar with Cancel for long jobs. Everything goes through the Connection,
// off the GUI thread.
//
// Changes made by other programs while the connection serves the database
// (Connection::externalChange) show up by themselves when that is cheap and
// safe: with at most kAutoRefreshRows rows loaded and nothing being edited,
// deleted or exported, the loaded rows are read again and swapped in with
// the selection and scroll position kept. Otherwise a bar says the table
// changed and offers Refresh: re-reading thousands of rows on every write
// of someone else's loop would spend read capacity and move the rows under
// the user's eyes.
#pragma once

#include "browser/batchdelete.h"
#include "browser/exportcsv.h"
#include "browser/exportjsonl.h"
#include "browser/importjsonl.h"
#include "client/client.h"
#include "common/codesnippet.h"
#include "common/tablekeys.h"

#include <QFutureWatcher>
#include <QWidget>

class QAction;
class QLabel;
class QSplitter;
class QTableView;
class QToolBar;
class QTreeView;

namespace dd::ui {

class Connection;
class ItemTableModel;
class ItemTreeModel;
class ProgressPanel;
class QueryBar;

class TableBrowser : public QWidget {
    Q_OBJECT
public:
    TableBrowser(Connection *connection, const QString &table, QWidget *parent = nullptr); // connection must outlive this
    ~TableBrowser() override; // cancels its jobs without waiting for them

    QString tableName() const { return m_table; }
    Connection *connection() const { return m_connection; }
    ItemTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QueryBar *queryBar() const { return m_queryBar; }
    QTreeView *detailView() const { return m_detail; }
    ItemTreeModel *detailModel() const { return m_detailModel; }
    const TableKeys &keys() const { return m_keys; }
    bool isReady() const { return m_ready; } // the table was described and the first query started

    void run();                 // runs the form's Scan or Query from the start
    void newItem();
    void editSelected();
    void duplicateSelected();
    void deleteSelected();      // asks first (a window-modal QMessageBox)
    void deleteItems(const QList<QJsonObject> &keys); // no question asked
    void exportJsonLines(const QString &path = QString()); // asks for a file when path is empty
    void exportCsv(const QString &path = QString());       // asks for a file when path is empty
    bool isExporting() const;
    // Puts the items of a JSON Lines file (browser/importjsonl.h) into the
    // table with progress and Cancel, then runs the form again; asks for a
    // file when path is empty.
    void importJsonLines(const QString &path = QString());
    bool isImporting() const;
    bool isBusy() const; // deleting, exporting or importing
    void refreshKeepingPlace(); // re-reads the loaded rows; keeps selection and scroll position
    QWidget *changedBar() const { return m_changedBar; }
    static constexpr int kAutoRefreshRows = 1000;
    QString cliCommand() const; // the form's request as an AWS CLI command
    // The form's request as copied: an AWS CLI command (cliCommand()) or a program (common/codesnippet.h).
    QString copyText(CopyFormat format) const;

signals:
    void described(); // the key schema is known
    void statusMessage(const QString &message);

private:
    // Describes the table (onDescribed runs with the answer).
    void describe();
    void onDescribed();
    // How often a table being restored is described again until it is ACTIVE.
    static constexpr int kRestorePollMs = 500;
    void onPageLoaded(int items, qint64 scanned, double capacity, double latency);
    void onDeleteFinished();
    void onExportFinished();
    void onImportFinished();
    void updateActions();
    void updateDetail();
    void onExternalChange(const QStringList &tables);
    void restorePlace();
    void updateAttributes();
    void startExport(QFuture<ExportResult> future, const QString &file, CancelFlag cancel);
    QString copyText(CopyFormat format, const QString &operation, QJsonObject request) const; // of a request already built
    void updateStatus();
    QList<int> selectedRows() const;

    Connection *m_connection;
    QString m_table;
    QJsonObject m_description;     // DescribeTable's "Table"
    TableKeys m_keys;
    bool m_ready = false;
    QueryBar *m_queryBar;
    QToolBar *m_toolBar;
    QTableView *m_view;
    QSplitter *m_splitter;
    QTreeView *m_detail;
    ItemTreeModel *m_detailModel;
    QLabel *m_detailHint;         // over the empty detail pane
    ItemTableModel *m_model;
    QLabel *m_status;
    QWidget *m_changedBar;
    QStringList m_keepSelection; // identities of the selected rows across a refresh
    QString m_keepCurrent;       // identity of the current row
    int m_keepColumn = 0;
    int m_keepScroll = 0;
    QLabel *m_pageStatus;
    ProgressPanel *m_progress;
    QAction *m_newAction;
    QAction *m_editAction;
    QAction *m_duplicateAction;
    QAction *m_deleteAction;
    QAction *m_exportAction;
    QAction *m_exportCsvAction;
    QAction *m_importAction;
    QAction *m_detailAction;
    QAction *m_refreshAction;
    QAction *m_stopAction;
    QAction *m_moreAction; // after Stop: the next page
    QFutureWatcher<client::ApiResponse> m_describeWatcher;
    QFutureWatcher<BatchDeleteResult> m_deleteWatcher;
    QFutureWatcher<ExportResult> m_exportWatcher;
    QFutureWatcher<ImportResult> m_importWatcher;
    CancelFlag m_jobCancel; // the running (or last) delete's, export's or import's
};

} // namespace dd::ui
