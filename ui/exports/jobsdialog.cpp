#include "exports/jobsdialog.h"

#include "common/errorlabel.h"
#include "common/responses.h"
#include "common/watchers.h"
#include "connections/connection.h"
#include "exports/jobtext.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace dd::ui {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QTreeWidget *jobList(QWidget *parent, const char *name, const QStringList &headers)
{
    auto *list = new QTreeWidget(parent);
    list->setObjectName(QLatin1String(name));
    list->setColumnCount(int(headers.size()));
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setAllColumnsShowFocus(true);
    list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    list->header()->setStretchLastSection(true);
    return list;
}

bool isExportArn(const QString &arn)
{
    return arn.contains(QLatin1String("/export/"));
}

} // namespace

JobsDialog::JobsDialog(Connection *connection, QWidget *parent) : QDialog(parent), m_connection(connection)
{
    setObjectName(QStringLiteral("jobsDialog"));
    setWindowTitle(tr("Exports and imports: %1").arg(connection->displayName()));

    auto *exportsBox = new QGroupBox(tr("Exports"), this);
    m_exportList = jobList(exportsBox, "exportList", {tr("Table"), tr("Export ID"), tr("Status"), tr("Type")});
    (new QVBoxLayout(exportsBox))->addWidget(m_exportList);
    auto *importsBox = new QGroupBox(tr("Imports"), this);
    m_importList = jobList(importsBox, "importList", {tr("Table"), tr("Status"), tr("Started"), tr("Ended")});
    (new QVBoxLayout(importsBox))->addWidget(m_importList);
    auto *lists = new QSplitter(Qt::Vertical, this);
    lists->addWidget(exportsBox);
    lists->addWidget(importsBox);

    auto *detailsBox = new QGroupBox(tr("Details"), this);
    m_detailsTitle = new QLabel(tr("Select an export or an import."), detailsBox);
    m_detailsTitle->setObjectName(QStringLiteral("jobDetailsTitle"));
    m_detailsTitle->setWordWrap(true);
    m_detailsView = new QTreeWidget(detailsBox);
    m_detailsView->setObjectName(QStringLiteral("jobDetails"));
    m_detailsView->setColumnCount(2);
    m_detailsView->setHeaderLabels({tr("Field"), tr("Value")});
    m_detailsView->setUniformRowHeights(true);
    m_detailsView->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    auto *detailsLayout = new QVBoxLayout(detailsBox);
    detailsLayout->addWidget(m_detailsTitle);
    detailsLayout->addWidget(m_detailsView, 1);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(lists);
    split->addWidget(detailsBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("jobsBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("jobsProgress"));
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("jobsError"));
    auto *refreshButton = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/refresh.svg")), tr("&Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("refreshJobs"));
    refreshButton->setAutoDefault(false);
    refreshButton->setToolTip(tr("ListExports and ListImports again"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_busy);
    statusRow->addWidget(m_progress, 1);
    auto *actionRow = new QHBoxLayout;
    actionRow->addWidget(refreshButton);
    actionRow->addStretch(1);
    actionRow->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addLayout(statusRow);
    layout->addWidget(m_error);
    layout->addLayout(actionRow);
    resize(900, 560);

    connect(&m_exports, &QFutureWatcher<client::ApiResponse>::finished, this, &JobsDialog::onExportsPage);
    connect(&m_imports, &QFutureWatcher<client::ApiResponse>::finished, this, &JobsDialog::onImportsPage);
    connect(&m_describe, &QFutureWatcher<client::ApiResponse>::finished, this, &JobsDialog::onDescribed);
    connect(m_exportList, &QTreeWidget::currentItemChanged, this, [this] { onSelected(m_exportList); });
    connect(m_importList, &QTreeWidget::currentItemChanged, this, [this] { onSelected(m_importList); });
    connect(refreshButton, &QPushButton::clicked, this, &JobsDialog::refresh);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    refresh();
}

JobsDialog::~JobsDialog()
{
    stopWatcher(m_exports);
    stopWatcher(m_imports);
    stopWatcher(m_describe);
}

void JobsDialog::refresh()
{
    if (isLoading())
        return;
    m_exportRows = QJsonArray();
    m_importRows = QJsonArray();
    m_exportsError.clear();
    m_importsError.clear();
    m_readingExports = true;
    m_readingImports = true;
    listExports(QString());
    listImports(QString());
    updateStatus();
    if (!m_wantedArn.isEmpty())
        describe(m_wantedArn); // the selected job may have moved on
}

void JobsDialog::listExports(const QString &nextToken)
{
    QJsonObject request;
    if (!nextToken.isEmpty())
        request.insert(QStringLiteral("NextToken"), nextToken);
    m_exports.setFuture(m_connection->call(QStringLiteral("ListExports"), request));
}

void JobsDialog::listImports(const QString &nextToken)
{
    QJsonObject request;
    if (!nextToken.isEmpty())
        request.insert(QStringLiteral("NextToken"), nextToken);
    m_imports.setFuture(m_connection->call(QStringLiteral("ListImports"), request));
}

void JobsDialog::onExportsPage()
{
    const client::ApiResponse r = m_exports.result();
    if (!r.ok()) {
        m_exportsError = tr("Cannot list the exports: %1").arg(ui::errorText(r));
    } else {
        for (const auto &v : r.body.value(QStringLiteral("ExportSummaries")).toArray())
            m_exportRows.append(v);
        const QString next = r.body.value(QStringLiteral("NextToken")).toString();
        if (!next.isEmpty()) {
            listExports(next);
            return;
        }
    }
    m_readingExports = false;
    showExports();
    updateStatus();
}

void JobsDialog::onImportsPage()
{
    const client::ApiResponse r = m_imports.result();
    if (!r.ok()) {
        m_importsError = tr("Cannot list the imports: %1").arg(ui::errorText(r));
    } else {
        for (const auto &v : r.body.value(QStringLiteral("ImportSummaryList")).toArray())
            m_importRows.append(v);
        const QString next = r.body.value(QStringLiteral("NextToken")).toString();
        if (!next.isEmpty()) {
            listImports(next);
            return;
        }
    }
    m_readingImports = false;
    showImports();
    updateStatus();
}

void JobsDialog::showExports()
{
    // Newest first: an export id starts with its start time in milliseconds, zero-padded.
    QList<QJsonObject> rows;
    for (const auto &v : std::as_const(m_exportRows))
        rows << v.toObject();
    std::stable_sort(rows.begin(), rows.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return JobText::idOfArn(str(a, "ExportArn")) > JobText::idOfArn(str(b, "ExportArn"));
    });
    const QSignalBlocker block(m_exportList);
    m_exportList->clear();
    for (const QJsonObject &row : rows) {
        const QString arn = str(row, "ExportArn");
        auto *item = new QTreeWidgetItem(m_exportList);
        item->setText(ExportTableColumn, JobText::tableOfArn(arn));
        item->setIcon(ExportTableColumn, QIcon(QStringLiteral(":/dynamodesk/icons/export.svg")));
        item->setData(ExportTableColumn, ArnRole, arn);
        item->setToolTip(ExportTableColumn, arn);
        item->setText(ExportIdColumn, JobText::idOfArn(arn));
        item->setText(ExportStatusColumn, str(row, "ExportStatus"));
        item->setText(ExportTypeColumn, str(row, "ExportType"));
        if (arn == m_wantedArn)
            m_exportList->setCurrentItem(item);
    }
}

void JobsDialog::showImports()
{
    QList<QJsonObject> rows;
    for (const auto &v : std::as_const(m_importRows))
        rows << v.toObject();
    std::stable_sort(rows.begin(), rows.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const double at = a.value(QStringLiteral("StartTime")).toDouble(), bt = b.value(QStringLiteral("StartTime")).toDouble();
        return at != bt ? at > bt : JobText::idOfArn(str(a, "ImportArn")) > JobText::idOfArn(str(b, "ImportArn"));
    });
    const QSignalBlocker block(m_importList);
    m_importList->clear();
    for (const QJsonObject &row : rows) {
        const QString arn = str(row, "ImportArn");
        auto *item = new QTreeWidgetItem(m_importList);
        item->setText(ImportTableColumn, JobText::tableOfArn(arn));
        item->setIcon(ImportTableColumn, QIcon(QStringLiteral(":/dynamodesk/icons/import.svg")));
        item->setData(ImportTableColumn, ArnRole, arn);
        item->setToolTip(ImportTableColumn, arn);
        item->setText(ImportStatusColumn, str(row, "ImportStatus"));
        item->setText(ImportStartColumn, JobText::time(row.value(QStringLiteral("StartTime"))));
        item->setText(ImportEndColumn, JobText::time(row.value(QStringLiteral("EndTime"))));
        if (arn == m_wantedArn)
            m_importList->setCurrentItem(item);
    }
}

bool JobsDialog::selectJob(const QString &arn)
{
    for (QTreeWidget *list : {m_exportList, m_importList})
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            if (list->topLevelItem(i)->data(0, ArnRole).toString() == arn) {
                list->setCurrentItem(list->topLevelItem(i));
                return true;
            }
    return false;
}

void JobsDialog::onSelected(QTreeWidget *list)
{
    QTreeWidgetItem *item = list->currentItem();
    if (!item)
        return;
    // One job at a time: the other list lets go of its selection.
    QTreeWidget *other = list == m_exportList ? m_importList : m_exportList;
    {
        const QSignalBlocker block(other);
        other->setCurrentItem(nullptr);
        other->clearSelection();
    }
    m_wantedArn = item->data(0, ArnRole).toString();
    describe(m_wantedArn);
}

void JobsDialog::describe(const QString &arn)
{
    if (m_describe.isRunning())
        return; // onDescribed() asks again for the job wanted by then
    m_describingArn = arn;
    m_detailsTitle->setText(tr("Reading %1…").arg(JobText::idOfArn(arn)));
    m_describe.setFuture(isExportArn(arn)
                             ? m_connection->call(QStringLiteral("DescribeExport"), QJsonObject{{QStringLiteral("ExportArn"), arn}})
                             : m_connection->call(QStringLiteral("DescribeImport"), QJsonObject{{QStringLiteral("ImportArn"), arn}}));
}

void JobsDialog::onDescribed()
{
    const client::ApiResponse r = m_describe.result();
    const QString arn = m_describingArn;
    if (arn != m_wantedArn) {
        describe(m_wantedArn);
        return;
    }
    if (!r.ok()) {
        m_detailsError = tr("Cannot describe %1: %2").arg(JobText::idOfArn(arn), ui::errorText(r));
        m_detailsTitle->setText(QString());
        updateStatus();
        return;
    }
    m_detailsError.clear();
    const bool isExport = isExportArn(arn);
    m_details = r.body.value(isExport ? QStringLiteral("ExportDescription") : QStringLiteral("ImportTableDescription")).toObject();
    m_shownArn = arn;
    m_detailsTitle->setText(isExport ? tr("Export %1 of table %2 (DescribeExport)").arg(JobText::idOfArn(arn), JobText::tableOfArn(arn))
                                     : tr("Import %1 into table %2 (DescribeImport)").arg(JobText::idOfArn(arn), JobText::tableOfArn(arn)));
    m_detailsTitle->setToolTip(arn);
    JobText::fillDetails(m_detailsView, m_details);
    updateStatus();
}

void JobsDialog::updateStatus()
{
    const bool loading = isLoading();
    m_busy->setVisible(loading);
    m_progress->setText(loading ? tr("Reading the exports and imports…")
                                : tr("%n export(s), ", nullptr, int(m_exportRows.size())) + tr("%n import(s).", nullptr, int(m_importRows.size())));
    QStringList errors;
    for (const QString *e : {&m_exportsError, &m_importsError, &m_detailsError})
        if (!e->isEmpty())
            errors << *e;
    m_error->setError(errors.join(QLatin1Char('\n')));
}

bool JobsDialog::isLoading() const
{
    return m_readingExports || m_readingImports;
}

QStringList JobsDialog::exportArns() const
{
    QStringList out;
    for (int i = 0; i < m_exportList->topLevelItemCount(); ++i)
        out << m_exportList->topLevelItem(i)->data(0, ArnRole).toString();
    return out;
}

QStringList JobsDialog::importArns() const
{
    QStringList out;
    for (int i = 0; i < m_importList->topLevelItemCount(); ++i)
        out << m_importList->topLevelItem(i)->data(0, ArnRole).toString();
    return out;
}

QString JobsDialog::errorText() const
{
    return m_error->text();
}

} // namespace dd::ui
