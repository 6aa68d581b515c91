// ImportDialog: "Import from S3…" for one Connection: a new table loaded
// from every object under a key prefix of a bucket (BucketPicker), in
// DynamoDB JSON, Amazon Ion or CSV (a delimiter, and a header list or the
// first line of each file), uncompressed or GZIP or ZSTD. The new table's
// name, partition key and optional sort key (S, N or B) and its billing.
// Import sends ImportTable (a fresh ClientToken per click) and polls
// DescribeImport about every 500 ms until it ends: the counters
// (processed, imported, errors, bytes), FAILED with its code (for
// ItemValidationError: some lines were not items, the valid ones are in the
// table), and "Open table" once the table is there.
//
// GUI thread only. Every call goes through Connection::call into a watcher;
// polling stops when the dialog hides, and the destructor drops a call still
// running without waiting (an import already asked for is still sent), so the dialog
// may be closed (and deleted) at any time. The Connection must outlive the
// dialog.
#pragma once

#include "client/client.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QTimer>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace dd::ui {

class BucketPicker;
class Connection;
class ErrorLabel;

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    // Starts listing the local buckets at once.
    explicit ImportDialog(Connection *connection, QWidget *parent = nullptr);
    ~ImportDialog() override; // never waits for a call still running

    Connection *connection() const { return m_connection; }

    // Sends ImportTable with what the form holds (as the Import button
    // does); false, sending nothing, while Import is disabled.
    bool startImport();
    // Asks to browse the imported table (openTableRequested); false until
    // the table is there.
    bool openTable();

    // The ImportTable request that the form describes (without its
    // ClientToken), for tests and the curious.
    QJsonObject request() const;
    // What the dialog shows, for tests and the screenshot tour.
    bool canImport() const;                        // the Import button's state
    bool isImporting() const;                      // a start call runs or the import is IN_PROGRESS
    bool canOpenTable() const { return m_tableReady; } // the imported table is ACTIVE
    QString importStatus() const;                  // the last ImportStatus shown; empty before one
    QJsonObject importDescription() const { return m_import; } // the last ImportTableDescription
    QString errorText() const;                     // empty while nothing failed
    QString progressText() const;                  // e.g. "Importing… (IN_PROGRESS)"
    QString resultText() const;                    // the counters of the finished import
    QString explanationText() const;               // what a failure code means; empty if none
    BucketPicker *bucketPicker() const { return m_bucket; }

signals:
    // Open table: browse the imported table.
    void openTableRequested(Connection *connection, const QString &table);
    // The import ended (COMPLETED or FAILED); the table may be there.
    void importFinished(Connection *connection, const QString &table);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void onStarted();
    void onDescribed();
    void onTableChecked();
    void onErrorLines();
    void describe();
    void showImport(const QJsonObject &description);
    void showProgress(const QString &text, bool busy); // empty text hides the line
    void updateForm();

    Connection *m_connection;                          // not owned
    QJsonObject m_import;                              // the last ImportTableDescription shown
    QString m_importedTable;                           // its table's name
    bool m_starting = false;                           // ImportTable sent, not answered yet
    bool m_following = false;                          // the import shown is IN_PROGRESS: polling
    bool m_tableReady = false;                         // the imported table answered DescribeTable ACTIVE
    QFutureWatcher<client::ApiResponse> m_start;       // ImportTable
    QFutureWatcher<client::ApiResponse> m_describe;    // DescribeImport
    QFutureWatcher<client::ApiResponse> m_checkTable;  // DescribeTable of the imported table
    QFutureWatcher<client::ApiResponse> m_errorLines;  // Dynamodesk.DescribeImportErrors (Dynamodesk connections only)
    QTimer m_poll;                                     // single shot: the next DescribeImport while IN_PROGRESS

    QFormLayout *m_sourceForm;
    BucketPicker *m_bucket;
    QLineEdit *m_prefix;
    QComboBox *m_format;
    QComboBox *m_compression;
    QComboBox *m_delimiter;
    QLineEdit *m_headers;
    QFormLayout *m_tableForm;
    QLineEdit *m_tableName;
    QLineEdit *m_partitionKey;
    QComboBox *m_partitionType;
    QLineEdit *m_sortKey;
    QComboBox *m_sortType;
    QCheckBox *m_onDemand;
    QWidget *m_capacity;                               // the row of m_read and m_write
    QSpinBox *m_read;
    QSpinBox *m_write;
    QProgressBar *m_busy;
    QLabel *m_progress;
    QLabel *m_result;
    QLabel *m_explanation;
    ErrorLabel *m_error;
    QPushButton *m_openTable;
    QPushButton *m_importButton;
};

} // namespace dd::ui
