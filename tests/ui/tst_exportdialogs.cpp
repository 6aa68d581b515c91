// The export and import dialogs and the list of jobs against the in-memory
// engine and its local buckets (a temporary folder that ListLocalBuckets
// names): Export to S3 refused until point-in-time recovery is on (the
// notice, and its button turning it on), New bucket (a good name makes the
// folder and selects it; a bad one shows DynamoDB's ValidationException), a
// full export that completes (its manifest in the bucket's folder, Open
// folder on that folder), one as the table was at a chosen time, an Ion
// export, a bucket that does not exist (FAILED S3NoSuchBucket), an
// incremental export that DynamoDB refuses; Import from S3 of a CSV file
// written into a bucket (the new table's items through Scan, Open table)
// and of a file with a bad line (FAILED ItemValidationError, the valid
// items imported); Exports and imports listing every job of both kinds
// newest first across pages, with the selected job's description; a
// connection without local buckets (the bucket a free-text field); the
// main window's menus; and each dialog closed while its call runs.
// Strings with quotes are ordinary literals, not raw strings: moc drops a
// test class whose raw strings hold \" or '.
#include "browser/tablebrowser.h"
#include "common/errorlabel.h"
#include "connections/connectiontree.h"
#include "exports/bucketpicker.h"
#include "exports/exportdialog.h"
#include "exports/importdialog.h"
#include "exports/jobsdialog.h"
#include "mainwindow/mainwindow.h"
#include "uitest.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUrl>
#include <QUuid>

using namespace dd::ui;

namespace {

constexpr int kTimeoutMs = 20000;

QString people() { return QStringLiteral("People"); }
QString events() { return QStringLiteral("Events"); }

// Every item of `table`, as compact JSON in a stable order.
QStringList scan(Connection &c, const QString &table)
{
    const auto r = c.callSync(QStringLiteral("Scan"), QJsonObject{{QStringLiteral("TableName"), table}, {QStringLiteral("ConsistentRead"), true}});
    QStringList out;
    for (const auto &v : r.body.value(QStringLiteral("Items")).toArray())
        out << QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    out.sort();
    return out;
}

QString pitrStatus(Connection &c, const QString &table)
{
    const auto r = c.callSync(QStringLiteral("DescribeContinuousBackups"), QJsonObject{{QStringLiteral("TableName"), table}});
    return r.body.value(QStringLiteral("ContinuousBackupsDescription")).toObject().value(QStringLiteral("PointInTimeRecoveryDescription")).toObject()
        .value(QStringLiteral("PointInTimeRecoveryStatus")).toString();
}

void enablePitr(Connection &c, const QString &table)
{
    const auto r = c.callSync(QStringLiteral("UpdateContinuousBackups"), QJsonObject{{QStringLiteral("TableName"), table},
        {QStringLiteral("PointInTimeRecoverySpecification"), QJsonObject{{QStringLiteral("PointInTimeRecoveryEnabled"), true}}}});
    QVERIFY2(r.ok(), qPrintable(dd::ui::errorText(r)));
}

// Every ARN that List<Kind> answers, page after page, in the order given.
QStringList listAll(Connection &c, const QString &operation, const QString &listKey, const QString &arnKey)
{
    QStringList out;
    QString next;
    do {
        QJsonObject request;
        if (!next.isEmpty())
            request.insert(QStringLiteral("NextToken"), next);
        const auto r = c.callSync(operation, request);
        if (!r.ok())
            return {r.error->message()};
        for (const auto &v : r.body.value(listKey).toArray())
            out << v.toObject().value(arnKey).toString();
        next = r.body.value(QStringLiteral("NextToken")).toString();
    } while (!next.isEmpty());
    return out;
}

// The input dialog that New bucket… opened (an earlier one may await its deletion).
QInputDialog *newBucketDialog(QWidget *parent)
{
    for (auto *d : parent->findChildren<QInputDialog *>(QStringLiteral("newBucketDialog")))
        if (d->isVisible())
            return d;
    return nullptr;
}


// Records the URLs that QDesktopServices::openUrl() is asked to open.
class UrlCatcher : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl &url) { urls << url; }
};

} // namespace

class TestExportDialogs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void pitrNoticeAndTurningItOn();
    void newBucketGoodAndBadNames();
    void fullExportCompletes();
    void exportAtAChosenTime();
    void ionExport();
    void missingBucketFails();
    void incrementalExportRefusedByDynamoDb();
    void csvImportCreatesTheTable();
    void importWithABadLine();
    void listShowsBothKinds();
    void connectionWithoutLocalBuckets();
    void mainWindowMenus();
    void closingWhileACallRuns();
    void cleanupTestCase();

private:
    std::unique_ptr<ExportDialog> openExport(const QString &table);
    std::unique_ptr<ImportDialog> openImport();
    // Runs an export through the dialog's form until it ends; returns its description.
    QJsonObject exportThroughTheDialog(ExportDialog *dialog, const QString &bucket, const QString &prefix, const QString &format);
    void writeObject(const QString &bucket, const QString &key, const QByteArray &bytes);

    QTemporaryDir m_config;
    std::unique_ptr<Connection> m_connection;
    QString m_folder;         // the local buckets' folder, as ListLocalBuckets names it
    QStringList m_exportArns; // the exports made through the dialogs, in order
    QStringList m_importArns;
};

void TestExportDialogs::initTestCase()
{
    QVERIFY(m_config.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    m_connection = uitest::inMemoryConnection();
    uitest::createTable(*m_connection, QStringLiteral("Orders"), QStringLiteral("id"));
    for (int i = 0; i < 12; ++i)
        uitest::put(*m_connection, QStringLiteral("Orders"),
                    {{QStringLiteral("id"), uitest::S(QStringLiteral("o%1").arg(i, 2, 10, QLatin1Char('0')))},
                     {QStringLiteral("total"), uitest::N(QString::number(i * 5))}});
    const auto listed = m_connection->callSync(QStringLiteral("Dynamodesk.ListLocalBuckets"), QJsonObject());
    QVERIFY2(listed.ok(), qPrintable(dd::ui::errorText(listed)));
    m_folder = listed.body.value(QStringLiteral("Folder")).toString();
    QVERIFY(QDir(m_folder).exists());
    QVERIFY(QDir(m_folder).mkpath(QStringLiteral("imports")));
}

void TestExportDialogs::cleanupTestCase()
{
    m_connection.reset();
}

std::unique_ptr<ExportDialog> TestExportDialogs::openExport(const QString &table)
{
    auto dialog = std::make_unique<ExportDialog>(m_connection.get(), table);
    dialog->show();
    return dialog;
}

std::unique_ptr<ImportDialog> TestExportDialogs::openImport()
{
    auto dialog = std::make_unique<ImportDialog>(m_connection.get());
    dialog->show();
    return dialog;
}

void TestExportDialogs::writeObject(const QString &bucket, const QString &key, const QByteArray &bytes)
{
    const QString path = QDir(m_folder).filePath(bucket + QLatin1Char('/') + key);
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), qint64(bytes.size()));
}

QJsonObject TestExportDialogs::exportThroughTheDialog(ExportDialog *dialog, const QString &bucket, const QString &prefix, const QString &format)
{
    [&] { QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded() && !dialog->bucketPicker()->isListing(), kTimeoutMs); }();
    dialog->bucketPicker()->setBucket(bucket);
    dialog->findChild<QLineEdit *>(QStringLiteral("exportPrefix"))->setText(prefix);
    auto *formats = dialog->findChild<QComboBox *>(QStringLiteral("exportFormat"));
    formats->setCurrentIndex(formats->findData(format));
    auto *start = dialog->findChild<QPushButton *>(QStringLiteral("startExport"));
    if (!start->isEnabled())
        return {};
    QTest::mouseClick(start, Qt::LeftButton);
    // Sent: said, and no second export meanwhile.
    if (!dialog->isExporting() || start->isEnabled() || !dialog->findChild<QProgressBar *>(QStringLiteral("exportBusy"))->isVisible())
        return {};
    [&] { QTRY_VERIFY_WITH_TIMEOUT(!dialog->isExporting(), kTimeoutMs); }();
    const QJsonObject description = dialog->exportDescription();
    m_exportArns << description.value(QStringLiteral("ExportArn")).toString();
    return description;
}

void TestExportDialogs::pitrNoticeAndTurningItOn()
{
    QCOMPARE(pitrStatus(*m_connection, QStringLiteral("Orders")), QStringLiteral("DISABLED"));
    auto dialog = openExport(QStringLiteral("Orders"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->bucketPicker()->isListing(), kTimeoutMs);
    dialog->bucketPicker()->setBucket(QStringLiteral("exports"));
    QCOMPARE(dialog->pitr(), ExportDialog::Pitr::Disabled);
    auto *notice = dialog->findChild<QWidget *>(QStringLiteral("pitrNotice"));
    QVERIFY(notice->isVisible());
    auto *start = dialog->findChild<QPushButton *>(QStringLiteral("startExport"));
    QVERIFY(!start->isEnabled());
    QVERIFY(!dialog->canExport());
    QVERIFY(!dialog->startExport());
    QCOMPARE(dialog->exportStatus(), QString());

    auto *enable = dialog->findChild<QPushButton *>(QStringLiteral("enablePitr"));
    QVERIFY(enable->isEnabled());
    QTest::mouseClick(enable, Qt::LeftButton);
    QVERIFY(!enable->isEnabled()); // sent
    QVERIFY(!dialog->enablePitr());
    QTRY_COMPARE_WITH_TIMEOUT(dialog->pitr(), ExportDialog::Pitr::Enabled, kTimeoutMs);
    QVERIFY(!notice->isVisible());
    QVERIFY(start->isEnabled());
    QCOMPARE(dialog->errorText(), QString());
    QCOMPARE(pitrStatus(*m_connection, QStringLiteral("Orders")), QStringLiteral("ENABLED"));

    // Opened again: no notice.
    auto again = openExport(QStringLiteral("Orders"));
    QTRY_VERIFY_WITH_TIMEOUT(again->isLoaded(), kTimeoutMs);
    QCOMPARE(again->pitr(), ExportDialog::Pitr::Enabled);
    QVERIFY(!again->findChild<QWidget *>(QStringLiteral("pitrNotice"))->isVisible());

    // A table that is not there: DynamoDB's error, and no export.
    auto missing = openExport(QStringLiteral("Nowhere"));
    QTRY_VERIFY_WITH_TIMEOUT(!missing->errorText().isEmpty(), kTimeoutMs);
    QVERIFY2(missing->errorText().contains(QStringLiteral("ResourceNotFoundException")), qPrintable(missing->errorText()));
    QVERIFY(missing->findChild<ErrorLabel *>(QStringLiteral("exportError"))->isVisible());
    QVERIFY(!missing->isLoaded());
    QVERIFY(!missing->findChild<QPushButton *>(QStringLiteral("startExport"))->isEnabled());
}

void TestExportDialogs::newBucketGoodAndBadNames()
{
    auto dialog = openExport(QStringLiteral("Orders"));
    BucketPicker *picker = dialog->bucketPicker();
    QTRY_VERIFY_WITH_TIMEOUT(picker->hasLocalBuckets() && !picker->isListing(), kTimeoutMs);
    QCOMPARE(picker->folder(), m_folder);
    QCOMPARE(picker->localFolder(), m_folder);
    QCOMPARE(picker->buckets(), QStringList{QStringLiteral("imports")});
    auto *newBucket = dialog->findChild<QPushButton *>(QStringLiteral("newBucket"));
    QVERIFY(newBucket->isVisible());

    // A good name: the folder is made, listed and selected.
    QTest::mouseClick(newBucket, Qt::LeftButton);
    QPointer<QInputDialog> ask = newBucketDialog(dialog.get());
    QVERIFY(ask);
    ask->setTextValue(QStringLiteral("exports"));
    ask->accept();
    QTRY_COMPARE_WITH_TIMEOUT(picker->buckets(), (QStringList{QStringLiteral("exports"), QStringLiteral("imports")}), kTimeoutMs);
    QCOMPARE(picker->bucket(), QStringLiteral("exports"));
    QCOMPARE(picker->errorText(), QString());
    QVERIFY(QDir(m_folder).exists(QStringLiteral("exports")));

    // A bad name: DynamoDB's ValidationException, and nothing made.
    QTest::mouseClick(newBucket, Qt::LeftButton);
    ask = newBucketDialog(dialog.get());
    QVERIFY(ask);
    ask->setTextValue(QStringLiteral("Bad_Bucket!"));
    ask->accept();
    QTRY_VERIFY_WITH_TIMEOUT(!picker->errorText().isEmpty(), kTimeoutMs);
    QVERIFY2(picker->errorText().contains(QStringLiteral("ValidationException")), qPrintable(picker->errorText()));
    QVERIFY(picker->findChild<ErrorLabel *>(QStringLiteral("bucketError"))->isVisible());
    QCOMPARE(picker->buckets(), (QStringList{QStringLiteral("exports"), QStringLiteral("imports")}));
    QVERIFY(!QDir(m_folder).exists(QStringLiteral("Bad_Bucket!")));
    // Cancel asks nothing.
    QTest::mouseClick(newBucket, Qt::LeftButton);
    ask = newBucketDialog(dialog.get());
    QVERIFY(ask);
    ask->setTextValue(QStringLiteral("not-made"));
    ask->reject();
    QTest::qWait(200);
    QVERIFY(!QDir(m_folder).exists(QStringLiteral("not-made")));
    QVERIFY(!picker->createBucket(QStringLiteral("  ")));
}

void TestExportDialogs::fullExportCompletes()
{
    auto dialog = openExport(QStringLiteral("Orders"));
    QSignalSpy calls(m_connection.get(), &Connection::operationFinished);
    const QJsonObject d = exportThroughTheDialog(dialog.get(), QStringLiteral("exports"), QStringLiteral("orders"), QStringLiteral("DYNAMODB_JSON"));
    QCOMPARE(d.value(QStringLiteral("ExportStatus")).toString(), QStringLiteral("COMPLETED"));
    QCOMPARE(dialog->exportStatus(), QStringLiteral("COMPLETED"));
    QCOMPARE(d.value(QStringLiteral("ItemCount")).toInt(), 12);
    QCOMPARE(d.value(QStringLiteral("ExportType")).toString(), QStringLiteral("FULL_EXPORT"));
    QCOMPARE(d.value(QStringLiteral("ExportFormat")).toString(), QStringLiteral("DYNAMODB_JSON"));
    QCOMPARE(d.value(QStringLiteral("S3Prefix")).toString(), QStringLiteral("orders"));
    QVERIFY(!d.value(QStringLiteral("ClientToken")).toString().isEmpty());
    // It was followed with DescribeExport.
    bool described = false;
    for (const auto &call : calls)
        described |= call.at(0).toString() == QLatin1String("DescribeExport");
    QVERIFY(described);

    // The manifest is in the bucket's folder, under the prefix.
    const QString manifest = d.value(QStringLiteral("ExportManifest")).toString();
    QVERIFY2(manifest.startsWith(QStringLiteral("orders/AWSDynamoDB/")) && manifest.endsWith(QStringLiteral("/manifest-summary.json")),
             qPrintable(manifest));
    QFile summary(QDir(m_folder).filePath(QStringLiteral("exports/") + manifest));
    QVERIFY2(summary.open(QIODevice::ReadOnly), qPrintable(summary.fileName()));
    const QJsonObject summaryJson = QJsonDocument::fromJson(summary.readAll()).object();
    QCOMPARE(summaryJson.value(QStringLiteral("itemCount")).toInt(), 12);
    QCOMPARE(summaryJson.value(QStringLiteral("exportArn")).toString(), d.value(QStringLiteral("ExportArn")).toString());
    const QString folder = QFileInfo(summary.fileName()).absolutePath();
    QCOMPARE(dialog->exportFolder(), QDir::cleanPath(folder));
    QVERIFY(!QDir(folder + QStringLiteral("/data")).entryList({QStringLiteral("*.json.gz")}, QDir::Files).isEmpty());

    // What the dialog says: the count, the size and the manifest.
    QVERIFY2(dialog->resultText().contains(QStringLiteral("12 item(s) exported")), qPrintable(dialog->resultText()));
    QVERIFY2(dialog->resultText().contains(QStringLiteral("s3://exports/") + manifest), qPrintable(dialog->resultText()));
    QVERIFY2(dialog->resultText().contains(QStringLiteral("bytes")), qPrintable(dialog->resultText()));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("exportResult"))->isVisible());
    QCOMPARE(dialog->errorText(), QString());
    QVERIFY(!dialog->findChild<QProgressBar *>(QStringLiteral("exportBusy"))->isVisible());

    // Open folder opens that folder.
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
    auto *open = dialog->findChild<QPushButton *>(QStringLiteral("openFolder"));
    QVERIFY(open->isVisible());
    QVERIFY(open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    QCOMPARE(catcher.urls, QList<QUrl>{QUrl::fromLocalFile(dialog->exportFolder())});

    // Export again: a new export (a fresh ClientToken), not the same one.
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("startExport"))->isEnabled());
    const QJsonObject second = exportThroughTheDialog(dialog.get(), QStringLiteral("exports"), QString(), QStringLiteral("DYNAMODB_JSON"));
    QCOMPARE(second.value(QStringLiteral("ExportStatus")).toString(), QStringLiteral("COMPLETED"));
    QVERIFY(second.value(QStringLiteral("ExportArn")) != d.value(QStringLiteral("ExportArn")));
    QVERIFY(second.value(QStringLiteral("ClientToken")) != d.value(QStringLiteral("ClientToken")));
    QVERIFY(!second.contains(QStringLiteral("S3Prefix"))); // an empty prefix is not sent
    QVERIFY(second.value(QStringLiteral("ExportManifest")).toString().startsWith(QStringLiteral("AWSDynamoDB/")));
    QVERIFY(QFile::exists(QDir(m_folder).filePath(QStringLiteral("exports/") + second.value(QStringLiteral("ExportManifest")).toString())));
}

void TestExportDialogs::exportAtAChosenTime()
{
    // The table as it was at a second between two writes.
    uitest::createTable(*m_connection, QStringLiteral("Timed"), QStringLiteral("pk"));
    enablePitr(*m_connection, QStringLiteral("Timed"));
    uitest::put(*m_connection, QStringLiteral("Timed"), {{QStringLiteral("pk"), uitest::S(QStringLiteral("before"))}});
    QTest::qWait(1100);
    const QDateTime at = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch());
    QTest::qWait(1100);
    uitest::put(*m_connection, QStringLiteral("Timed"), {{QStringLiteral("pk"), uitest::S(QStringLiteral("after"))}});

    auto dialog = openExport(QStringLiteral("Timed"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kTimeoutMs);
    QVERIFY(dialog->findChild<QRadioButton *>(QStringLiteral("exportNow"))->isChecked());
    dialog->findChild<QDateTimeEdit *>(QStringLiteral("exportTime"))->setDateTime(at);
    QVERIFY(dialog->findChild<QRadioButton *>(QStringLiteral("exportAt"))->isChecked()); // choosing a time chooses "At"
    const QJsonObject d = exportThroughTheDialog(dialog.get(), QStringLiteral("exports"), QStringLiteral("timed"), QStringLiteral("DYNAMODB_JSON"));
    QCOMPARE(d.value(QStringLiteral("ExportStatus")).toString(), QStringLiteral("COMPLETED"));
    QCOMPARE(qint64(d.value(QStringLiteral("ExportTime")).toDouble()), at.toSecsSinceEpoch());
    QCOMPARE(d.value(QStringLiteral("ItemCount")).toInt(), 1);
    QCOMPARE(int(scan(*m_connection, QStringLiteral("Timed")).size()), 2);
}

void TestExportDialogs::ionExport()
{
    auto dialog = openExport(QStringLiteral("Orders"));
    const QJsonObject d = exportThroughTheDialog(dialog.get(), QStringLiteral("exports"), QStringLiteral("ion"), QStringLiteral("ION"));
    QCOMPARE(d.value(QStringLiteral("ExportStatus")).toString(), QStringLiteral("COMPLETED"));
    QCOMPARE(d.value(QStringLiteral("ExportFormat")).toString(), QStringLiteral("ION"));
    QCOMPARE(d.value(QStringLiteral("ItemCount")).toInt(), 12);
    const QString folder = dialog->exportFolder();
    QVERIFY(QFile::exists(folder + QStringLiteral("/manifest-summary.json")));
    QVERIFY(!QDir(folder + QStringLiteral("/data")).entryList({QStringLiteral("*.ion.gz")}, QDir::Files).isEmpty());
    QVERIFY(QDir(folder + QStringLiteral("/data")).entryList({QStringLiteral("*.json.gz")}, QDir::Files).isEmpty());
}

void TestExportDialogs::missingBucketFails()
{
    auto dialog = openExport(QStringLiteral("Orders"));
    const QJsonObject d = exportThroughTheDialog(dialog.get(), QStringLiteral("no-such-bucket"), QString(), QStringLiteral("DYNAMODB_JSON"));
    QCOMPARE(d.value(QStringLiteral("ExportStatus")).toString(), QStringLiteral("FAILED"));
    QCOMPARE(d.value(QStringLiteral("FailureCode")).toString(), QStringLiteral("S3NoSuchBucket"));
    QCOMPARE(dialog->exportStatus(), QStringLiteral("FAILED"));
    QVERIFY2(dialog->errorText().contains(QStringLiteral("S3NoSuchBucket")), qPrintable(dialog->errorText()));
    QVERIFY2(dialog->errorText().contains(QStringLiteral("The specified bucket does not exist")), qPrintable(dialog->errorText()));
    QVERIFY(dialog->findChild<ErrorLabel *>(QStringLiteral("exportError"))->isVisible());
    QCOMPARE(dialog->resultText(), QString());
    QCOMPARE(dialog->exportFolder(), QString());
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("openFolder"))->isEnabled());
    QVERIFY(!QDir(m_folder).exists(QStringLiteral("no-such-bucket")));
    // The form can be used again.
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("startExport"))->isEnabled());
}

void TestExportDialogs::incrementalExportRefusedByDynamoDb()
{
    auto dialog = openExport(QStringLiteral("Orders"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded() && !dialog->bucketPicker()->isListing(), kTimeoutMs);
    dialog->bucketPicker()->setBucket(QStringLiteral("exports"));
    auto *incremental = dialog->findChild<QRadioButton *>(QStringLiteral("incrementalExport"));
    incremental->setChecked(true);
    // The full export's time gives way to the window and view type.
    QVERIFY(!dialog->findChild<QDateTimeEdit *>(QStringLiteral("exportTime"))->isVisible());
    auto *from = dialog->findChild<QDateTimeEdit *>(QStringLiteral("incrementalFrom"));
    auto *to = dialog->findChild<QDateTimeEdit *>(QStringLiteral("incrementalTo"));
    QVERIFY(from->isVisible() && to->isVisible());
    QVERIFY(dialog->findChild<QComboBox *>(QStringLiteral("viewType"))->isVisible());
    // PITR was turned on a moment ago: an hour back is before its window.
    QSignalSpy calls(m_connection.get(), &Connection::operationFinished);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("startExport")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), kTimeoutMs);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("InvalidExportTimeException")), qPrintable(dialog->errorText()));
    QVERIFY(!dialog->isExporting());
    QCOMPARE(dialog->exportStatus(), QString());
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("startExport"))->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!calls.isEmpty(), kTimeoutMs);
    QStringList operations;
    for (const auto &call : calls)
        operations << call.at(0).toString();
    QVERIFY2(operations.contains(QStringLiteral("ExportTableToPointInTime")), qPrintable(operations.join(QLatin1Char(' '))));
    QVERIFY(!operations.contains(QStringLiteral("DescribeExport")));
}

void TestExportDialogs::csvImportCreatesTheTable()
{
    writeObject(QStringLiteral("imports"), QStringLiteral("people/part-1.csv"), "1;Ada;36\n2;Grace;45\n");
    writeObject(QStringLiteral("imports"), QStringLiteral("people/part-2.csv"), "3;Linus;28\n");
    auto dialog = openImport();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->bucketPicker()->hasLocalBuckets(), kTimeoutMs);
    auto *start = dialog->findChild<QPushButton *>(QStringLiteral("startImport"));
    dialog->bucketPicker()->setBucket(QStringLiteral("imports"));
    dialog->findChild<QLineEdit *>(QStringLiteral("importPrefix"))->setText(QStringLiteral("people/"));
    auto *format = dialog->findChild<QComboBox *>(QStringLiteral("inputFormat"));
    auto *delimiter = dialog->findChild<QComboBox *>(QStringLiteral("csvDelimiter"));
    QVERIFY(!delimiter->isVisible()); // CSV only
    format->setCurrentIndex(format->findData(QStringLiteral("CSV")));
    QVERIFY(delimiter->isVisible());
    delimiter->setCurrentIndex(delimiter->findData(QStringLiteral(";")));
    dialog->findChild<QLineEdit *>(QStringLiteral("csvHeaders"))->setText(QStringLiteral("id, name ,age"));
    QVERIFY(!start->isEnabled()); // no table yet
    dialog->findChild<QLineEdit *>(QStringLiteral("importTableName"))->setText(people());
    dialog->findChild<QLineEdit *>(QStringLiteral("partitionKey"))->setText(QStringLiteral("id"));
    auto *keyType = dialog->findChild<QComboBox *>(QStringLiteral("partitionKeyType"));
    keyType->setCurrentIndex(keyType->findData(QStringLiteral("N")));
    QVERIFY(start->isEnabled());

    const QJsonObject request = dialog->request();
    QCOMPARE(request.value(QStringLiteral("InputFormatOptions")).toObject(),
             (QJsonObject{{QStringLiteral("Csv"), QJsonObject{{QStringLiteral("Delimiter"), QStringLiteral(";")},
                                                                {QStringLiteral("HeaderList"), QJsonArray{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("age")}}}}}));
    QCOMPARE(request.value(QStringLiteral("TableCreationParameters")).toObject().value(QStringLiteral("BillingMode")).toString(),
             QStringLiteral("PAY_PER_REQUEST"));

    QSignalSpy finished(dialog.get(), &ImportDialog::importFinished);
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(dialog->isImporting());
    QVERIFY(!start->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isImporting(), kTimeoutMs);
    const QJsonObject d = dialog->importDescription();
    m_importArns << d.value(QStringLiteral("ImportArn")).toString();
    QCOMPARE(dialog->importStatus(), QStringLiteral("COMPLETED"));
    QCOMPARE(d.value(QStringLiteral("ProcessedItemCount")).toInt(), 3);
    QCOMPARE(d.value(QStringLiteral("ImportedItemCount")).toInt(), 3);
    QCOMPARE(d.value(QStringLiteral("ErrorCount")).toInt(), 0);
    QVERIFY(!d.value(QStringLiteral("ClientToken")).toString().isEmpty());
    QVERIFY2(dialog->resultText().contains(QStringLiteral("Processed 3 item(s): 3 imported, 0 errors")), qPrintable(dialog->resultText()));
    QVERIFY2(dialog->resultText().contains(QStringLiteral("Read: 31 bytes.")), qPrintable(dialog->resultText())); // both files' bytes
    QCOMPARE(dialog->errorText(), QString());
    QCOMPARE(finished.size(), qsizetype(1));

    // The table with the items: the key typed as declared, the other columns strings.
    QCOMPARE(scan(*m_connection, people()),
             (QStringList{QStringLiteral("{\"age\":{\"S\":\"28\"},\"id\":{\"N\":\"3\"},\"name\":{\"S\":\"Linus\"}}"),
                          QStringLiteral("{\"age\":{\"S\":\"36\"},\"id\":{\"N\":\"1\"},\"name\":{\"S\":\"Ada\"}}"),
                          QStringLiteral("{\"age\":{\"S\":\"45\"},\"id\":{\"N\":\"2\"},\"name\":{\"S\":\"Grace\"}}")}));

    // Open table asks for it.
    QSignalSpy open(dialog.get(), &ImportDialog::openTableRequested);
    auto *openButton = dialog->findChild<QPushButton *>(QStringLiteral("openImportedTable"));
    QTRY_VERIFY_WITH_TIMEOUT(openButton->isEnabled(), kTimeoutMs);
    QTest::mouseClick(openButton, Qt::LeftButton);
    QCOMPARE(open.size(), qsizetype(1));
    QCOMPARE(open.at(0).at(0).value<Connection *>(), m_connection.get());
    QCOMPARE(open.at(0).at(1).toString(), people());

    // The same again: the table is there now, and DynamoDB says so.
    QVERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), kTimeoutMs);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("ResourceInUseException")), qPrintable(dialog->errorText()));
    QVERIFY(!dialog->isImporting());
}

void TestExportDialogs::importWithABadLine()
{
    writeObject(QStringLiteral("imports"), QStringLiteral("events/1.json"),
                "{\"Item\":{\"pk\":{\"S\":\"e1\"},\"n\":{\"N\":\"1\"}}}\n"
                "{\"Item\":{\"pk\":{\"S\":\"e2\"}}}\n"
                "{\"Item\":{\"other\":{\"S\":\"no key\"}}}\n"
                "{\"Item\":{\"pk\":{\"S\":\"e3\"}}}\n");
    auto dialog = openImport();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->bucketPicker()->hasLocalBuckets(), kTimeoutMs);
    dialog->bucketPicker()->setBucket(QStringLiteral("imports"));
    dialog->findChild<QLineEdit *>(QStringLiteral("importPrefix"))->setText(QStringLiteral("events/"));
    dialog->findChild<QLineEdit *>(QStringLiteral("importTableName"))->setText(events());
    dialog->findChild<QLineEdit *>(QStringLiteral("partitionKey"))->setText(QStringLiteral("pk"));
    QVERIFY(!dialog->request().contains(QStringLiteral("InputFormatOptions"))); // DynamoDB JSON
    QVERIFY(dialog->startImport());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isImporting(), kTimeoutMs);
    const QJsonObject d = dialog->importDescription();
    m_importArns << d.value(QStringLiteral("ImportArn")).toString();
    QCOMPARE(dialog->importStatus(), QStringLiteral("FAILED"));
    QCOMPARE(d.value(QStringLiteral("FailureCode")).toString(), QStringLiteral("ItemValidationError"));
    QCOMPARE(d.value(QStringLiteral("ProcessedItemCount")).toInt(), 4);
    QCOMPARE(d.value(QStringLiteral("ImportedItemCount")).toInt(), 3);
    QCOMPARE(d.value(QStringLiteral("ErrorCount")).toInt(), 1);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("ItemValidationError")), qPrintable(dialog->errorText()));
    QVERIFY2(dialog->explanationText().contains(QStringLiteral("the valid ones were imported")), qPrintable(dialog->explanationText()));
    // Which line, from Dynamodesk.DescribeImportErrors.
    QTRY_VERIFY2_WITH_TIMEOUT(dialog->explanationText().contains(QStringLiteral("events/1.json, line 3: ")), qPrintable(dialog->explanationText()),
                              kTimeoutMs);
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("importExplanation"))->isVisible());
    QVERIFY2(dialog->resultText().contains(QStringLiteral("Processed 4 item(s): 3 imported, 1 errors")), qPrintable(dialog->resultText()));
    // The valid items are in the table, which can be opened.
    QCOMPARE(int(scan(*m_connection, events()).size()), 3);
    QCOMPARE(uitest::get(*m_connection, events(), {{QStringLiteral("pk"), uitest::S(QStringLiteral("e1"))}}).value(QStringLiteral("n")).toObject(),
             uitest::N(QStringLiteral("1")));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->canOpenTable(), kTimeoutMs);

    // A bucket that is not there: FAILED, and no table.
    auto missing = openImport();
    QTRY_VERIFY_WITH_TIMEOUT(missing->bucketPicker()->hasLocalBuckets(), kTimeoutMs);
    missing->bucketPicker()->setBucket(QStringLiteral("no-such-bucket"));
    missing->findChild<QLineEdit *>(QStringLiteral("importTableName"))->setText(QStringLiteral("Never"));
    missing->findChild<QLineEdit *>(QStringLiteral("partitionKey"))->setText(QStringLiteral("pk"));
    QVERIFY(missing->startImport());
    QTRY_VERIFY_WITH_TIMEOUT(!missing->isImporting(), kTimeoutMs);
    QCOMPARE(missing->importStatus(), QStringLiteral("FAILED"));
    QVERIFY2(missing->errorText().contains(QStringLiteral("S3NoSuchBucket")), qPrintable(missing->errorText()));
    QTest::qWait(300);
    QVERIFY(!missing->canOpenTable());
    QVERIFY(!missing->findChild<QPushButton *>(QStringLiteral("openImportedTable"))->isEnabled());
    m_importArns << missing->importDescription().value(QStringLiteral("ImportArn")).toString();
}

void TestExportDialogs::listShowsBothKinds()
{
    // More exports than one page of ListExports (10) holds.
    for (int i = 0; i < 8; ++i) {
        const auto r = m_connection->callSync(QStringLiteral("ExportTableToPointInTime"), QJsonObject{
            {QStringLiteral("TableArn"), m_connection->callSync(QStringLiteral("DescribeTable"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")}})
                                             .body.value(QStringLiteral("Table")).toObject().value(QStringLiteral("TableArn"))},
            {QStringLiteral("S3Bucket"), QStringLiteral("exports")},
            {QStringLiteral("S3Prefix"), QStringLiteral("bulk")},
            {QStringLiteral("ClientToken"), QUuid::createUuid().toString(QUuid::WithoutBraces)}});
        QVERIFY2(r.ok(), qPrintable(dd::ui::errorText(r)));
    }
    const QStringList allExports = listAll(*m_connection, QStringLiteral("ListExports"), QStringLiteral("ExportSummaries"), QStringLiteral("ExportArn"));
    const QStringList allImports = listAll(*m_connection, QStringLiteral("ListImports"), QStringLiteral("ImportSummaryList"), QStringLiteral("ImportArn"));
    QVERIFY2(allExports.size() > 10, qPrintable(allExports.join(QLatin1Char('\n'))));
    QCOMPARE(allImports.size(), qsizetype(3));

    QSignalSpy calls(m_connection.get(), &Connection::operationFinished);
    JobsDialog dialog(m_connection.get());
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isLoading(), kTimeoutMs);
    QCOMPARE(dialog.errorText(), QString());
    // Every job, newest first (the ids start with their start time).
    QStringList newestFirst = allExports;
    std::sort(newestFirst.begin(), newestFirst.end(), [](const QString &a, const QString &b) { return a.section(QLatin1Char('/'), -1) > b.section(QLatin1Char('/'), -1); });
    QCOMPARE(dialog.exportArns(), newestFirst);
    for (const QString &arn : std::as_const(m_exportArns))
        QVERIFY2(dialog.exportArns().contains(arn), qPrintable(arn));
    int listCalls = 0;
    for (const auto &call : calls)
        listCalls += call.at(0).toString() == QLatin1String("ListExports");
    QVERIFY(listCalls >= 2); // paged through NextToken
    const QStringList imports = dialog.importArns();
    QCOMPARE(QSet<QString>(imports.begin(), imports.end()), QSet<QString>(m_importArns.begin(), m_importArns.end()));
    QCOMPARE(imports.first(), m_importArns.last()); // the newest import

    // The rows: table, id, status, type; table, status, times.
    QTreeWidgetItem *exportRow = dialog.exportList()->topLevelItem(int(dialog.exportArns().indexOf(m_exportArns.first())));
    QCOMPARE(exportRow->text(JobsDialog::ExportTableColumn), QStringLiteral("Orders"));
    QCOMPARE(exportRow->text(JobsDialog::ExportIdColumn), m_exportArns.first().section(QLatin1Char('/'), -1));
    QCOMPARE(exportRow->text(JobsDialog::ExportStatusColumn), QStringLiteral("COMPLETED"));
    QCOMPARE(exportRow->text(JobsDialog::ExportTypeColumn), QStringLiteral("FULL_EXPORT"));
    QTreeWidgetItem *importRow = dialog.importList()->topLevelItem(int(dialog.importArns().indexOf(m_importArns.at(1))));
    QCOMPARE(importRow->text(JobsDialog::ImportTableColumn), events());
    QCOMPARE(importRow->text(JobsDialog::ImportStatusColumn), QStringLiteral("FAILED"));
    QVERIFY(!importRow->text(JobsDialog::ImportStartColumn).isEmpty());
    QVERIFY(!importRow->text(JobsDialog::ImportEndColumn).isEmpty());

    // Details of the selected job: its description's fields.
    dialog.exportList()->setCurrentItem(exportRow);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.detailsArn(), m_exportArns.first(), kTimeoutMs);
    QCOMPARE(dialog.details().value(QStringLiteral("ItemCount")).toInt(), 12);
    QList<QTreeWidgetItem *> rows = dialog.detailsView()->findItems(QStringLiteral("ExportStatus"), Qt::MatchExactly);
    QCOMPARE(rows.size(), qsizetype(1));
    QCOMPARE(rows.first()->text(1), QStringLiteral("COMPLETED"));
    QVERIFY(!dialog.detailsView()->findItems(QStringLiteral("ExportManifest"), Qt::MatchExactly).isEmpty());
    QVERIFY(dialog.selectJob(m_importArns.at(1)));
    QTRY_COMPARE_WITH_TIMEOUT(dialog.detailsArn(), m_importArns.at(1), kTimeoutMs);
    QVERIFY(dialog.exportList()->selectedItems().isEmpty()); // one job at a time
    QCOMPARE(dialog.details().value(QStringLiteral("ErrorCount")).toInt(), 1);
    rows = dialog.detailsView()->findItems(QStringLiteral("FailureCode"), Qt::MatchExactly);
    QCOMPARE(rows.size(), qsizetype(1));
    QCOMPARE(rows.first()->text(1), QStringLiteral("ItemValidationError"));
    rows = dialog.detailsView()->findItems(QStringLiteral("S3Bucket"), Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(rows.size(), qsizetype(1));
    QCOMPARE(rows.first()->text(1), QStringLiteral("imports"));

    // Refresh lists a job made since.
    QVERIFY(!dialog.selectJob(QStringLiteral("arn:aws:dynamodb:us-east-1:000000000000:table/x/export/0")));
    auto exportDialog = openExport(QStringLiteral("Orders"));
    const QJsonObject d = exportThroughTheDialog(exportDialog.get(), QStringLiteral("exports"), QString(), QStringLiteral("DYNAMODB_JSON"));
    QVERIFY(!dialog.exportArns().contains(d.value(QStringLiteral("ExportArn")).toString()));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("refreshJobs")), Qt::LeftButton);
    QVERIFY(dialog.isLoading());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isLoading(), kTimeoutMs);
    QCOMPARE(dialog.exportArns().first(), d.value(QStringLiteral("ExportArn")).toString());
    QCOMPARE(dialog.detailsArn(), m_importArns.at(1)); // still selected and shown
    QVERIFY(dialog.importList()->currentItem());
}

void TestExportDialogs::connectionWithoutLocalBuckets()
{
    auto inner = std::make_shared<dd::client::InProcessClient>(m_connection->sharedEngine(), dd::api::RequestContext());
    ConnectionSettings settings;
    settings.kind = ConnectionSettings::Kind::Endpoint;
    settings.url = QStringLiteral("http://dynamodb.example:8000");
    Connection remote(settings, std::make_shared<uitest::WithoutDynamodeskOperations>(inner));
    {
        ExportDialog dialog(&remote, QStringLiteral("Orders"));
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded() && !dialog.bucketPicker()->isListing(), kTimeoutMs);
        // A free-text field: nothing listed, nothing to create, no folder to open, and no error.
        QVERIFY(!dialog.bucketPicker()->hasLocalBuckets());
        QCOMPARE(dialog.bucketPicker()->combo()->count(), 0);
        QVERIFY(dialog.bucketPicker()->combo()->isEditable());
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("newBucket"))->isVisible());
        QVERIFY(!dialog.bucketPicker()->createBucket(QStringLiteral("other")));
        QCOMPARE(dialog.errorText(), QString());
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("startExport"))->isEnabled()); // no bucket typed yet
        const QJsonObject d = exportThroughTheDialog(&dialog, QStringLiteral("exports"), QStringLiteral("remote"), QStringLiteral("DYNAMODB_JSON"));
        QCOMPARE(d.value(QStringLiteral("ExportStatus")).toString(), QStringLiteral("COMPLETED"));
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("openFolder"))->isVisible());
        QCOMPARE(dialog.exportFolder(), QString());
        QVERIFY(!dialog.openFolder());
    }
    // A dynamodesk-server elsewhere lists its buckets, but its folder is not on this machine.
    QVERIFY(!BucketPicker::isOnThisMachine(&remote));
    ConnectionSettings local = settings;
    local.url = QStringLiteral("http://127.0.0.1:8000");
    QVERIFY(BucketPicker::isOnThisMachine(std::make_unique<Connection>(local, inner).get()));
    QVERIFY(BucketPicker::isOnThisMachine(m_connection.get()));
}

void TestExportDialogs::mainWindowMenus()
{
    MainWindow window;
    window.setRememberConnections(false);
    Connection *a = window.addConnection(uitest::inMemoryConnection());
    uitest::createTable(*a, QStringLiteral("orders"), QStringLiteral("pk"));
    for (const char *name : {"exportAction", "importAction", "jobsAction"})
        QVERIFY2(window.findChild<QAction *>(QLatin1String(name)), name);

    // The tree's menus open the dialogs; asking again shows the same one.
    emit window.tree()->exportRequested(a, QStringLiteral("orders"));
    QPointer<ExportDialog> exportDialog = window.findChild<ExportDialog *>();
    QVERIFY(exportDialog);
    QCOMPARE(exportDialog->tableName(), QStringLiteral("orders"));
    emit window.tree()->exportRequested(a, QStringLiteral("orders"));
    QCOMPARE(int(window.findChildren<ExportDialog *>().size()), 1);
    emit window.tree()->importRequested(a);
    QPointer<ImportDialog> importDialog = window.findChild<ImportDialog *>();
    QVERIFY(importDialog);
    emit window.tree()->importRequested(a);
    QCOMPARE(int(window.findChildren<ImportDialog *>().size()), 1);
    emit window.tree()->jobsRequested(a);
    QPointer<JobsDialog> jobsDialog = window.findChild<JobsDialog *>();
    QVERIFY(jobsDialog);
    // Every mnemonic of their labels leads somewhere.
    for (const QWidget *w : std::initializer_list<const QWidget *>{exportDialog.data(), importDialog.data(), jobsDialog.data()})
        QVERIFY2(uitest::labelsWithoutBuddy(w).isEmpty(), qPrintable(uitest::labelsWithoutBuddy(w).join(QLatin1String(", "))));
    QVERIFY(exportDialog->findChild<BucketPicker *>()->focusProxy());

    // Open table in the import dialog browses the table in a tab.
    emit importDialog->openTableRequested(a, QStringLiteral("orders"));
    auto *browser = qobject_cast<TableBrowser *>(window.tabs()->currentWidget());
    QVERIFY(browser);
    QCOMPARE(browser->tableName(), QStringLiteral("orders"));
    QCOMPARE(browser->connection(), a);

    // Closing the connection closes its dialogs.
    QTRY_VERIFY_WITH_TIMEOUT(exportDialog->isLoaded(), kTimeoutMs);
    emit window.tree()->closeConnectionRequested(a);
    QVERIFY(exportDialog.isNull());
    QVERIFY(importDialog.isNull());
    QVERIFY(jobsDialog.isNull());
}

void TestExportDialogs::closingWhileACallRuns()
{
    const int exportsBefore = int(listAll(*m_connection, QStringLiteral("ListExports"), QStringLiteral("ExportSummaries"), QStringLiteral("ExportArn")).size());
    {
        auto dialog = openExport(QStringLiteral("Orders"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded() && !dialog->bucketPicker()->isListing(), kTimeoutMs);
        dialog->bucketPicker()->setBucket(QStringLiteral("exports"));
        QVERIFY(dialog->startExport());
        dialog->close();
    } // deleted with its ExportTableToPointInTime running (or just finished, its answer not yet delivered)
    {
        // While it polls.
        auto dialog = openExport(QStringLiteral("Orders"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded() && !dialog->bucketPicker()->isListing(), kTimeoutMs);
        dialog->bucketPicker()->setBucket(QStringLiteral("exports"));
        QVERIFY(dialog->startExport());
        // Closed as soon as the export answers IN_PROGRESS (the first poll is 500 ms later): no more polls.
        QTRY_COMPARE_WITH_TIMEOUT(dialog->exportStatus(), QStringLiteral("IN_PROGRESS"), kTimeoutMs);
        dialog->close();
        QSignalSpy calls(m_connection.get(), &Connection::operationFinished);
        QTest::qWait(1200);
        for (const auto &call : calls)
            QVERIFY(call.at(0).toString() != QLatin1String("DescribeExport"));
        // Shown again, it follows the export to its end.
        dialog->show();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->exportStatus(), QStringLiteral("COMPLETED"), kTimeoutMs);
        QVERIFY(!dialog->isExporting());
    }
    {
        // Before anything was read.
        auto dialog = openExport(QStringLiteral("Orders"));
    }
    {
        auto dialog = openImport();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->bucketPicker()->hasLocalBuckets(), kTimeoutMs);
        dialog->bucketPicker()->setBucket(QStringLiteral("imports"));
        dialog->findChild<QLineEdit *>(QStringLiteral("importPrefix"))->setText(QStringLiteral("events/"));
        dialog->findChild<QLineEdit *>(QStringLiteral("importTableName"))->setText(QStringLiteral("Closing"));
        dialog->findChild<QLineEdit *>(QStringLiteral("partitionKey"))->setText(QStringLiteral("pk"));
        QVERIFY(dialog->startImport());
    }
    {
        JobsDialog dialog(m_connection.get());
        dialog.show();
    }
    {
        // A bucket asked for is made.
        auto dialog = openImport();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->bucketPicker()->hasLocalBuckets(), kTimeoutMs);
        QVERIFY(dialog->bucketPicker()->createBucket(QStringLiteral("made-while-closing")));
    }
    // What was asked for went on without the dialogs (which did not wait for it).
    QTRY_VERIFY_WITH_TIMEOUT(QDir(m_folder).exists(QStringLiteral("made-while-closing")), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(int(listAll(*m_connection, QStringLiteral("ListExports"), QStringLiteral("ExportSummaries"), QStringLiteral("ExportArn")).size()),
                              exportsBefore + 2, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(int(scan(*m_connection, QStringLiteral("Closing")).size()), 3, kTimeoutMs);
}

QTEST_MAIN(TestExportDialogs)
#include "tst_exportdialogs.moc"
