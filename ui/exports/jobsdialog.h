// JobsDialog: "Exports and imports…" for one Connection: every export
// (ListExports: its table and id, status and type) and every import
// (ListImports: its table, status, start and end), newest first, each list
// read to its end through NextToken; Refresh reads both again. Selecting a
// job shows its DescribeExport or DescribeImport fields in a details pane.
//
// GUI thread only. Every call goes through Connection::call into a watcher;
// the destructor cancels them without waiting, so the dialog may be closed
// (and deleted) at any time. The Connection must outlive the dialog.
#pragma once

#include "client/client.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonObject>

class QLabel;
class QProgressBar;
class QTreeWidget;
class QTreeWidgetItem;

namespace dd::ui {

class Connection;
class ErrorLabel;

class JobsDialog : public QDialog {
    Q_OBJECT
public:
    enum ExportColumn { ExportTableColumn, ExportIdColumn, ExportStatusColumn, ExportTypeColumn };
    enum ImportColumn { ImportTableColumn, ImportStatusColumn, ImportStartColumn, ImportEndColumn };
    enum Role { ArnRole = Qt::UserRole + 1 }; // of column 0's items: the job's ARN

    // Starts reading both lists at once.
    explicit JobsDialog(Connection *connection, QWidget *parent = nullptr);
    ~JobsDialog() override; // cancels a call still running, without waiting

    Connection *connection() const { return m_connection; }

    // Reads both lists again (a no-op while a list is being read).
    void refresh();
    // Selects the job with this ARN in its list and describes it; false if
    // neither list shows it.
    bool selectJob(const QString &arn);

    // What the dialog shows, for tests.
    bool isLoading() const;                         // a list is being read
    QStringList exportArns() const;                 // as listed, newest first
    QStringList importArns() const;
    QString detailsArn() const { return m_shownArn; } // the job whose details are shown; empty if none
    QJsonObject details() const { return m_details; } // its description
    QString errorText() const;
    QTreeWidget *exportList() const { return m_exportList; }
    QTreeWidget *importList() const { return m_importList; }
    QTreeWidget *detailsView() const { return m_detailsView; }

private:
    void listExports(const QString &nextToken);
    void listImports(const QString &nextToken);
    void onExportsPage();
    void onImportsPage();
    void showExports();
    void showImports();
    void onSelected(QTreeWidget *list);
    void describe(const QString &arn);
    void onDescribed();
    void updateStatus();

    Connection *m_connection;                            // not owned
    QJsonArray m_exportRows;                             // ExportSummaries read so far
    QJsonArray m_importRows;                             // ImportSummaryList read so far
    bool m_readingExports = false;                       // ListExports pages are being read
    bool m_readingImports = false;                       // ListImports pages are being read
    QString m_exportsError;                              // the last ListExports' error
    QString m_importsError;                              // the last ListImports' error
    QString m_detailsError;                              // the last description's error
    QString m_wantedArn;                                 // the job selected last
    QString m_describingArn;                             // the job m_describe reads
    QString m_shownArn;                                  // the job whose details are shown
    QJsonObject m_details;
    QFutureWatcher<client::ApiResponse> m_exports;       // ListExports, one page
    QFutureWatcher<client::ApiResponse> m_imports;       // ListImports, one page
    QFutureWatcher<client::ApiResponse> m_describe;      // DescribeExport or DescribeImport

    QTreeWidget *m_exportList;
    QTreeWidget *m_importList;
    QLabel *m_detailsTitle;
    QTreeWidget *m_detailsView;
    QProgressBar *m_busy;
    QLabel *m_progress;
    ErrorLabel *m_error;
};

} // namespace dd::ui
