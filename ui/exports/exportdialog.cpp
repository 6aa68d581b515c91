#include "exports/exportdialog.h"

#include "common/errorlabel.h"
#include "common/responses.h"
#include "common/watchers.h"
#include "connections/connection.h"
#include "exports/bucketpicker.h"
#include "exports/jobtext.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QUrl>
#include <QUuid>
#include <QVBoxLayout>

namespace dd::ui {

namespace {

constexpr int kPollMs = 500; // a small table's export takes about a second

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QDateTimeEdit *timeEdit(QWidget *parent, const char *name, const QDateTime &value)
{
    auto *edit = new QDateTimeEdit(value, parent);
    edit->setObjectName(QLatin1String(name));
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    edit->setCalendarPopup(true);
    edit->setTimeSpec(Qt::LocalTime);
    return edit;
}

} // namespace

ExportDialog::ExportDialog(Connection *connection, const QString &table, QWidget *parent)
    : QDialog(parent), m_connection(connection), m_table(table)
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export to S3: %1").arg(table));

    auto *summary = new QLabel(tr("Writes the items of table %1 into an S3 bucket as DynamoDB does: under "
                                  "<prefix>/AWSDynamoDB/<export id>/, with its data files and manifests. The table is not changed.")
                                   .arg(table),
                               this);
    summary->setObjectName(QStringLiteral("exportSummary"));
    summary->setWordWrap(true);
    summary->setTextFormat(Qt::PlainText);

    auto *notice = new QFrame(this);
    notice->setObjectName(QStringLiteral("pitrNotice"));
    notice->setFrameShape(QFrame::StyledPanel);
    m_pitrNotice = notice;
    m_pitrText = new QLabel(tr("Exports read the table's point-in-time recovery history, which is off for %1. Turn it on to export "
                               "(it keeps 35 days of changes; on AWS it is billed by the table's size).")
                                .arg(table),
                            m_pitrNotice);
    m_pitrText->setWordWrap(true);
    m_enablePitrButton = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/history.svg")), tr("T&urn on point-in-time recovery"),
                                         m_pitrNotice);
    m_enablePitrButton->setObjectName(QStringLiteral("enablePitr"));
    m_enablePitrButton->setAutoDefault(false);
    m_enablePitrButton->setToolTip(tr("UpdateContinuousBackups with PointInTimeRecoveryEnabled true"));
    auto *noticeLayout = new QHBoxLayout(m_pitrNotice);
    noticeLayout->addWidget(m_pitrText, 1);
    noticeLayout->addWidget(m_enablePitrButton);
    m_pitrNotice->setVisible(false);

    m_bucket = new BucketPicker(connection, this);
    m_prefix = new QLineEdit(this);
    m_prefix->setObjectName(QStringLiteral("exportPrefix"));
    m_prefix->setPlaceholderText(tr("Optional, e.g. exports/orders"));
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->addItem(tr("DynamoDB JSON"), QStringLiteral("DYNAMODB_JSON"));
    m_format->addItem(tr("Amazon Ion"), QStringLiteral("ION"));

    m_full = new QRadioButton(tr("&Full export"), this);
    m_full->setObjectName(QStringLiteral("fullExport"));
    m_full->setChecked(true);
    m_full->setToolTip(tr("Every item of the table as it was at the export time"));
    m_incremental = new QRadioButton(tr("&Incremental export"), this);
    m_incremental->setObjectName(QStringLiteral("incrementalExport"));
    m_incremental->setToolTip(tr("The items that changed between two times (15 minutes to 24 hours apart, inside the recovery window)"));
    auto *types = new QButtonGroup(this);
    types->addButton(m_full);
    types->addButton(m_incremental);
    auto *typeRow = new QHBoxLayout;
    typeRow->addWidget(m_full);
    typeRow->addWidget(m_incremental);
    typeRow->addStretch(1);

    const QDateTime now = QDateTime::currentDateTime();
    m_fullTime = new QWidget(this);
    m_now = new QRadioButton(tr("No&w"), m_fullTime);
    m_now->setObjectName(QStringLiteral("exportNow"));
    m_now->setChecked(true);
    m_at = new QRadioButton(tr("&At:"), m_fullTime);
    m_at->setObjectName(QStringLiteral("exportAt"));
    m_exportTime = timeEdit(m_fullTime, "exportTime", now);
    m_exportTime->setToolTip(tr("Local time; DynamoDB exports the table as it was then (inside the point-in-time recovery window)"));
    auto *times = new QButtonGroup(this);
    times->addButton(m_now);
    times->addButton(m_at);
    auto *timeRow = new QHBoxLayout(m_fullTime);
    timeRow->setContentsMargins(0, 0, 0, 0);
    timeRow->addWidget(m_now);
    timeRow->addWidget(m_at);
    timeRow->addWidget(m_exportTime);
    timeRow->addStretch(1);

    m_from = timeEdit(this, "incrementalFrom", now.addSecs(-3600));
    m_to = timeEdit(this, "incrementalTo", now);
    m_viewType = new QComboBox(this);
    m_viewType->setObjectName(QStringLiteral("viewType"));
    m_viewType->addItem(tr("New and old images"), QStringLiteral("NEW_AND_OLD_IMAGES"));
    m_viewType->addItem(tr("New images only"), QStringLiteral("NEW_IMAGE"));

    m_form = new QFormLayout;
    m_form->addRow(tr("S3 &bucket:"), m_bucket);
    m_form->addRow(tr("S3 &prefix:"), m_prefix);
    m_form->addRow(tr("F&ormat:"), m_format);
    // Rows of a layout: their labels need a buddy for the mnemonic.
    auto *typeLabel = new QLabel(tr("T&ype:"), this);
    typeLabel->setBuddy(m_full);
    m_form->addRow(typeLabel, typeRow);
    auto *timeLabel = new QLabel(tr("Export ti&me:"), this);
    timeLabel->setBuddy(m_now);
    m_form->addRow(timeLabel, m_fullTime);
    m_form->addRow(tr("F&rom:"), m_from);
    m_form->addRow(tr("&To:"), m_to);
    m_form->addRow(tr("&View:"), m_viewType);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("exportBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_progress = new QLabel(tr("Reading the table…"), this);
    m_progress->setObjectName(QStringLiteral("exportProgress"));
    m_progress->setWordWrap(true);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("exportResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setVisible(false);
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("exportError"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_openFolder = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/database.svg")), tr("Open fol&der"), this);
    m_openFolder->setObjectName(QStringLiteral("openFolder"));
    m_openFolder->setAutoDefault(false);
    m_openFolder->setToolTip(tr("Shows the export's files in the local bucket's folder"));
    m_openFolder->setVisible(false);
    m_exportButton = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/export.svg")), tr("&Export"), this);
    m_exportButton->setObjectName(QStringLiteral("startExport"));
    m_exportButton->setDefault(true);
    m_exportButton->setToolTip(tr("ExportTableToPointInTime"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_busy);
    progressRow->addWidget(m_progress, 1);
    auto *actionRow = new QHBoxLayout;
    actionRow->addWidget(m_openFolder);
    actionRow->addStretch(1);
    actionRow->addWidget(m_exportButton);
    actionRow->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(m_pitrNotice);
    layout->addLayout(m_form);
    layout->addLayout(progressRow);
    layout->addWidget(m_result);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addLayout(actionRow);

    m_poll.setSingleShot(true);
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &ExportDialog::describe);
    connect(&m_describeTable, &QFutureWatcher<client::ApiResponse>::finished, this, &ExportDialog::onTable);
    connect(&m_readPitr, &QFutureWatcher<client::ApiResponse>::finished, this, &ExportDialog::onPitrRead);
    connect(&m_enablePitr, &QFutureWatcher<client::ApiResponse>::finished, this, &ExportDialog::onPitrEnabled);
    connect(&m_start, &QFutureWatcher<client::ApiResponse>::finished, this, &ExportDialog::onStarted);
    connect(&m_describe, &QFutureWatcher<client::ApiResponse>::finished, this, &ExportDialog::onDescribed);
    connect(m_enablePitrButton, &QPushButton::clicked, this, &ExportDialog::enablePitr);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_openFolder, &QPushButton::clicked, this, &ExportDialog::openFolder);
    connect(m_bucket, &BucketPicker::bucketChanged, this, &ExportDialog::updateForm);
    connect(m_bucket, &BucketPicker::listed, this, &ExportDialog::updateForm);
    connect(m_full, &QRadioButton::toggled, this, &ExportDialog::updateForm);
    connect(m_at, &QRadioButton::toggled, this, &ExportDialog::updateForm);
    connect(m_exportTime, &QDateTimeEdit::dateTimeChanged, this, [this] { m_at->setChecked(true); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const QJsonObject byName{{QStringLiteral("TableName"), table}};
    m_describeTable.setFuture(m_connection->call(QStringLiteral("DescribeTable"), byName));
    m_readPitr.setFuture(m_connection->call(QStringLiteral("DescribeContinuousBackups"), byName));
    showProgress(tr("Reading the table…"), true);
    updateForm();
    resize(640, sizeHint().height());
}

ExportDialog::~ExportDialog()
{
    m_poll.stop();
    stopWatcher(m_describeTable);
    stopWatcher(m_readPitr);
    stopWatcher(m_describe);
    // Not cancelled: what the user asked for is sent even if the dialog
    // closes before the pool started it (both answer at once; the export
    // itself runs on the server).
    letFinish(m_enablePitr);
    letFinish(m_start);
}

void ExportDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (m_following && !m_describe.isRunning())
        m_poll.start();
}

void ExportDialog::hideEvent(QHideEvent *event)
{
    m_poll.stop();
    QDialog::hideEvent(event);
}

void ExportDialog::onTable()
{
    const client::ApiResponse r = m_describeTable.result();
    if (!r.ok())
        m_error->setError(tr("Cannot read table %1: %2").arg(m_table, ui::errorText(r)));
    else
        m_tableArn = r.body.value(QStringLiteral("Table")).toObject().value(QStringLiteral("TableArn")).toString();
    if (isLoaded() || !r.ok())
        showProgress(QString(), false);
    updateForm();
}

void ExportDialog::onPitrRead()
{
    const client::ApiResponse r = m_readPitr.result();
    if (!r.ok()) {
        m_pitr = Pitr::Unknown;
        // A missing table is said once, by onTable().
        if (r.error->type() != QLatin1String("ResourceNotFoundException") && r.error->type() != QLatin1String("TableNotFoundException"))
            m_error->setError(tr("Cannot read the point-in-time recovery status: %1").arg(ui::errorText(r)));
    } else {
        showPitr(r.body.value(QStringLiteral("ContinuousBackupsDescription")).toObject());
    }
    if (isLoaded())
        showProgress(QString(), false);
    updateForm();
}

void ExportDialog::onPitrEnabled()
{
    const client::ApiResponse r = m_enablePitr.result();
    m_enabling = false;
    showProgress(QString(), false);
    if (!r.ok())
        m_error->setError(tr("Cannot turn on point-in-time recovery: %1").arg(ui::errorText(r)));
    else
        showPitr(r.body.value(QStringLiteral("ContinuousBackupsDescription")).toObject());
    updateForm();
}

void ExportDialog::showPitr(const QJsonObject &continuousBackups)
{
    const QString status = continuousBackups.value(QStringLiteral("PointInTimeRecoveryDescription"))
                               .toObject()
                               .value(QStringLiteral("PointInTimeRecoveryStatus"))
                               .toString();
    m_pitr = status == QLatin1String("ENABLED") ? Pitr::Enabled : Pitr::Disabled;
    m_pitrNotice->setVisible(m_pitr == Pitr::Disabled);
}

bool ExportDialog::enablePitr()
{
    if (m_pitr != Pitr::Disabled || m_enabling)
        return false;
    m_enabling = true;
    m_error->setError(QString());
    m_enablePitr.setFuture(m_connection->call(
        QStringLiteral("UpdateContinuousBackups"),
        QJsonObject{{QStringLiteral("TableName"), m_table},
                    {QStringLiteral("PointInTimeRecoverySpecification"), QJsonObject{{QStringLiteral("PointInTimeRecoveryEnabled"), true}}}}));
    showProgress(tr("Turning on point-in-time recovery…"), true);
    updateForm();
    return true;
}

bool ExportDialog::startExport()
{
    if (!canExport())
        return false;
    QJsonObject request{{QStringLiteral("TableArn"), m_tableArn},
                        {QStringLiteral("S3Bucket"), m_bucket->bucket()},
                        {QStringLiteral("ClientToken"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                        {QStringLiteral("ExportFormat"), m_format->currentData().toString()}};
    const QString prefix = m_prefix->text().trimmed();
    if (!prefix.isEmpty())
        request.insert(QStringLiteral("S3Prefix"), prefix);
    if (m_full->isChecked()) {
        request.insert(QStringLiteral("ExportType"), QStringLiteral("FULL_EXPORT"));
        if (m_at->isChecked())
            request.insert(QStringLiteral("ExportTime"), double(m_exportTime->dateTime().toSecsSinceEpoch()));
    } else {
        request.insert(QStringLiteral("ExportType"), QStringLiteral("INCREMENTAL_EXPORT"));
        request.insert(QStringLiteral("IncrementalExportSpecification"),
                       QJsonObject{{QStringLiteral("ExportFromTime"), double(m_from->dateTime().toSecsSinceEpoch())},
                                   {QStringLiteral("ExportToTime"), double(m_to->dateTime().toSecsSinceEpoch())},
                                   {QStringLiteral("ExportViewType"), m_viewType->currentData().toString()}});
    }
    m_export = QJsonObject();
    m_starting = true;
    m_error->setError(QString());
    m_result->setVisible(false);
    m_start.setFuture(m_connection->call(QStringLiteral("ExportTableToPointInTime"), request));
    showProgress(tr("Starting the export…"), true);
    updateForm();
    return true;
}

void ExportDialog::onStarted()
{
    const client::ApiResponse r = m_start.result();
    m_starting = false;
    if (!r.ok()) {
        showProgress(QString(), false);
        m_error->setError(tr("DynamoDB refused the export: %1").arg(ui::errorText(r)));
        updateForm();
        return;
    }
    showExport(r.body.value(QStringLiteral("ExportDescription")).toObject());
}

void ExportDialog::describe()
{
    const QString arn = str(m_export, "ExportArn");
    if (arn.isEmpty() || m_describe.isRunning())
        return;
    m_describe.setFuture(m_connection->call(QStringLiteral("DescribeExport"), QJsonObject{{QStringLiteral("ExportArn"), arn}}));
}

void ExportDialog::onDescribed()
{
    const client::ApiResponse r = m_describe.result();
    if (!r.ok()) {
        // Polling stops: the export goes on on the server; the list of exports shows how it ends.
        m_following = false;
        showProgress(tr("Cannot follow the export any more."), false);
        m_error->setError(tr("Cannot read the export's status: %1").arg(ui::errorText(r)));
        updateForm();
        return;
    }
    showExport(r.body.value(QStringLiteral("ExportDescription")).toObject());
}

void ExportDialog::showExport(const QJsonObject &description)
{
    m_export = description;
    const QString status = str(description, "ExportStatus");
    m_following = status == QLatin1String("IN_PROGRESS");
    if (status == QLatin1String("IN_PROGRESS")) {
        showProgress(tr("Exporting %1 to s3://%2/… (%3)").arg(m_table, str(description, "S3Bucket"), status), true);
        if (isVisible() && !m_poll.isActive())
            m_poll.start();
    } else if (status == QLatin1String("COMPLETED")) {
        showProgress(tr("Export completed."), false);
        const QString manifest = QStringLiteral("s3://%1/%2").arg(str(description, "S3Bucket"), str(description, "ExportManifest"));
        m_result->setText(tr("%n item(s) exported, %1 billed.\nManifest: %2", nullptr, int(description.value(QStringLiteral("ItemCount")).toDouble()))
                              .arg(JobText::size(description.value(QStringLiteral("BilledSizeBytes"))), manifest));
        m_result->setToolTip(str(description, "ExportArn"));
        m_result->setVisible(true);
    } else {
        showProgress(tr("Export failed (%1).").arg(status), false);
        m_error->setError(tr("The export failed: %1: %2").arg(str(description, "FailureCode"), str(description, "FailureMessage")));
    }
    updateForm();
}

bool ExportDialog::openFolder()
{
    const QString folder = exportFolder();
    if (folder.isEmpty())
        return false;
    return QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
}

QString ExportDialog::exportFolder() const
{
    const QString root = m_bucket->localFolder();
    if (root.isEmpty() || str(m_export, "ExportStatus") != QLatin1String("COMPLETED"))
        return QString();
    const QString manifest = str(m_export, "ExportManifest");
    const QString dir = manifest.contains(QLatin1Char('/')) ? manifest.section(QLatin1Char('/'), 0, -2) : QString();
    return QDir::cleanPath(QDir(root).filePath(str(m_export, "S3Bucket") + QLatin1Char('/') + dir));
}

void ExportDialog::showProgress(const QString &text, bool busy)
{
    m_progress->setText(text);
    m_progress->setVisible(!text.isEmpty());
    m_busy->setVisible(busy);
}

void ExportDialog::updateForm()
{
    const bool full = m_full->isChecked();
    m_form->setRowVisible(m_fullTime, full);
    m_form->setRowVisible(m_from, !full);
    m_form->setRowVisible(m_to, !full);
    m_form->setRowVisible(m_viewType, !full);
    m_enablePitrButton->setEnabled(m_pitr == Pitr::Disabled && !m_enabling);
    m_exportButton->setEnabled(canExport());
    m_openFolder->setVisible(!m_bucket->localFolder().isEmpty());
    m_openFolder->setEnabled(!exportFolder().isEmpty());
}

bool ExportDialog::isLoaded() const
{
    return !m_tableArn.isEmpty() && m_pitr != Pitr::Reading;
}

bool ExportDialog::canExport() const
{
    // A PITR status that could not be read does not stop the export: DynamoDB's answer will say.
    return isLoaded() && (m_pitr == Pitr::Enabled || m_pitr == Pitr::Unknown) && !m_enabling && !isExporting()
        && !m_bucket->bucket().isEmpty();
}

bool ExportDialog::isExporting() const
{
    return m_starting || m_following;
}

QString ExportDialog::exportStatus() const
{
    return str(m_export, "ExportStatus");
}

QString ExportDialog::errorText() const
{
    return m_error->text();
}

QString ExportDialog::progressText() const
{
    return m_progress->text();
}

QString ExportDialog::resultText() const
{
    return m_result->isVisible() ? m_result->text() : QString();
}

} // namespace dd::ui
