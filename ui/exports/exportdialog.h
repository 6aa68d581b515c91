// ExportDialog: "Export to S3…" for one table of one Connection: the bucket
// (BucketPicker), an optional prefix, the format (DynamoDB JSON or Amazon
// Ion) and the type: a full export (now, or as the table was at a chosen
// time) or an incremental one (the changes between two times, with new and
// old images or new images only). Exports need point-in-time recovery: while
// DescribeContinuousBackups says it is off, a notice offers to turn it on
// and Export stays disabled. Export sends ExportTableToPointInTime (a fresh
// ClientToken per click) and polls DescribeExport about every 500 ms until
// COMPLETED (items, size, manifest; "Open folder" for a local bucket) or
// FAILED (FailureCode and FailureMessage).
//
// GUI thread only. Every call goes through Connection::call into a watcher;
// polling stops when the dialog hides, and the destructor drops a call still
// running without waiting (an export or PITR change asked for is still sent),
// so the dialog may be closed (and deleted) at any time. The Connection
// must outlive the dialog.
#pragma once

#include "client/client.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QTimer>

class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace dd::ui {

class BucketPicker;
class Connection;
class ErrorLabel;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Pitr { Reading, Enabled, Disabled, Unknown }; // Unknown: DescribeContinuousBackups failed

    // Starts reading the table, its point-in-time recovery and the buckets at once.
    ExportDialog(Connection *connection, const QString &table, QWidget *parent = nullptr);
    ~ExportDialog() override; // never waits for a call still running

    Connection *connection() const { return m_connection; }
    QString tableName() const { return m_table; }

    // Sends UpdateContinuousBackups PointInTimeRecoveryEnabled true; false,
    // sending nothing, unless PITR is known to be off and no change runs.
    bool enablePitr();
    // Sends ExportTableToPointInTime with what the form holds (as the
    // Export button does); false, sending nothing, while Export is disabled.
    bool startExport();
    // Opens the completed export's folder (exportFolder()) with
    // QDesktopServices; false if there is none.
    bool openFolder();

    // What the dialog shows, for tests and the screenshot tour.
    Pitr pitr() const { return m_pitr; }
    bool isLoaded() const;                         // the table and its PITR status were read
    bool canExport() const;                        // the Export button's state
    bool isExporting() const;                      // a start call runs or the export is IN_PROGRESS
    QString exportStatus() const;                  // the last ExportStatus shown; empty before one
    QJsonObject exportDescription() const { return m_export; } // the last ExportDescription
    // The folder of the completed export's manifest inside a local bucket
    // on this machine; empty otherwise.
    QString exportFolder() const;
    QString errorText() const;                     // empty while nothing failed
    QString progressText() const;                  // e.g. "Exporting… (IN_PROGRESS)"
    QString resultText() const;                    // the completed export's items, size and manifest
    BucketPicker *bucketPicker() const { return m_bucket; }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void onTable();
    void onPitrRead();
    void onPitrEnabled();
    void onStarted();
    void onDescribed();
    void describe();
    void showPitr(const QJsonObject &continuousBackups);
    void showExport(const QJsonObject &description);
    void showProgress(const QString &text, bool busy); // empty text hides the line
    void updateForm();

    Connection *m_connection;                          // not owned
    QString m_table;
    QString m_tableArn;                                // from DescribeTable; empty until read
    Pitr m_pitr = Pitr::Reading;
    bool m_enabling = false;                           // UpdateContinuousBackups sent, not answered yet
    bool m_starting = false;                           // ExportTableToPointInTime sent, not answered yet
    bool m_following = false;                          // the export shown is IN_PROGRESS: polling
    QJsonObject m_export;                              // the last ExportDescription shown
    QFutureWatcher<client::ApiResponse> m_describeTable; // DescribeTable
    QFutureWatcher<client::ApiResponse> m_readPitr;      // DescribeContinuousBackups
    QFutureWatcher<client::ApiResponse> m_enablePitr;    // UpdateContinuousBackups
    QFutureWatcher<client::ApiResponse> m_start;         // ExportTableToPointInTime
    QFutureWatcher<client::ApiResponse> m_describe;      // DescribeExport
    QTimer m_poll;                                     // single shot: the next DescribeExport while IN_PROGRESS

    QLabel *m_pitrText;
    QWidget *m_pitrNotice;
    QPushButton *m_enablePitrButton;
    QFormLayout *m_form;
    BucketPicker *m_bucket;
    QLineEdit *m_prefix;
    QComboBox *m_format;
    QRadioButton *m_full;
    QRadioButton *m_incremental;
    QWidget *m_fullTime;                               // the row of m_now, m_at and m_exportTime
    QRadioButton *m_now;
    QRadioButton *m_at;
    QDateTimeEdit *m_exportTime;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QComboBox *m_viewType;
    QProgressBar *m_busy;
    QLabel *m_progress;
    QLabel *m_result;
    ErrorLabel *m_error;
    QPushButton *m_openFolder;
    QPushButton *m_exportButton;
};

} // namespace dd::ui
