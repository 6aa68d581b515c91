// BucketPicker: the "S3 bucket" field of the export and import dialogs: an
// editable combo box that lists the local buckets when the connection has
// them (Dynamodesk.ListLocalBuckets: the embedded engine, a
// dynamodesk-server endpoint) and is a plain text field otherwise (real AWS,
// other endpoints), with "New bucket…" (Dynamodesk.CreateLocalBucket) while
// the buckets are local. Its own ErrorLabel shows a bucket DynamoDB refused.
//
// GUI thread only. Calls go through Connection::call into watchers; the
// destructor waits for them. The Connection must outlive the picker.
#pragma once

#include "client/client.h"

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QPushButton;

namespace dd::ui {

class Connection;
class ErrorLabel;

class BucketPicker : public QWidget {
    Q_OBJECT
public:
    // Starts listing the local buckets at once.
    explicit BucketPicker(Connection *connection, QWidget *parent = nullptr);
    ~BucketPicker() override; // waits for a call still running

    // Whether `connection` reaches files of this machine: the embedded engine,
    // or an endpoint on 127.0.0.1, ::1 or localhost.
    static bool isOnThisMachine(const Connection *connection);

    // Lists the local buckets again (a no-op while a listing runs).
    void refresh();
    // Sends CreateLocalBucket and, once it answers, lists the buckets and
    // selects the new one. False, sending nothing, while the buckets are not
    // local, a creation runs, or `name` is empty.
    bool createBucket(const QString &name);
    // Asks the new bucket's name in a non-modal input dialog (object name
    // "newBucketDialog"); its OK calls createBucket().
    void askNewBucket();

    QString bucket() const;                        // the text, trimmed
    void setBucket(const QString &bucket);
    bool isListing() const;                        // ListLocalBuckets runs
    bool hasLocalBuckets() const { return m_local; } // ListLocalBuckets answered
    QString folder() const { return m_folder; }    // the buckets' folder; empty unless hasLocalBuckets()
    // The folder of the buckets if it is a folder of this machine (local
    // buckets on a local connection); empty otherwise.
    QString localFolder() const;
    QStringList buckets() const;                   // the local buckets listed, sorted
    QString errorText() const;                     // a refused creation; empty otherwise
    QComboBox *combo() const { return m_combo; }

signals:
    void bucketChanged(const QString &bucket);     // the text changed
    void listed();                                 // a listing finished, whatever its outcome
    void bucketCreated(const QString &bucket);

private:
    void onListed();
    void onCreated();

    Connection *m_connection;                       // not owned
    bool m_local = false;
    QString m_folder;
    QString m_select;                               // the bucket to select after the next listing
    QFutureWatcher<client::ApiResponse> m_list;     // Dynamodesk.ListLocalBuckets
    QFutureWatcher<client::ApiResponse> m_create;   // Dynamodesk.CreateLocalBucket

    QComboBox *m_combo;
    QPushButton *m_new;
    ErrorLabel *m_error;
};

} // namespace dd::ui
