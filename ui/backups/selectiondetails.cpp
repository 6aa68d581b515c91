#include "backups/selectiondetails.h"

#include "backups/previewtables.h"
#include "common/responses.h"
#include "common/timestamps.h"
#include "common/watchers.h"
#include "connections/connection.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace dd::ui {

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }

} // namespace

SelectionDetails::SelectionDetails(Connection *connection, const QString &table, QWidget *parent)
    : QWidget(parent), m_connection(connection), m_table(table)
{
    setObjectName(QStringLiteral("selectionDetails"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("selectionTitle"));
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_backupDetails = new QLabel(this);
    m_backupDetails->setObjectName(QStringLiteral("backupDetails"));
    m_backupDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_backupDetails->setWordWrap(true);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("previewBusy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(140);
    m_busy->setTextVisible(false);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("previewCounts"));
    m_counts->setWordWrap(true);
    m_itemsModel = new QStandardItemModel(this);
    m_diffModel = new QStandardItemModel(this);
    auto makeView = [this](QStandardItemModel *model, const char *name) {
        auto *v = new QTableView(this);
        v->setObjectName(QString::fromLatin1(name));
        v->setModel(model);
        v->setSelectionBehavior(QAbstractItemView::SelectRows);
        v->verticalHeader()->hide();
        v->verticalHeader()->setDefaultSectionSize(v->fontMetrics().height() + 6);
        v->horizontalHeader()->setStretchLastSection(true);
        v->setWordWrap(false);
        return v;
    };
    m_itemsView = makeView(m_itemsModel, "previewItems");
    m_diffView = makeView(m_diffModel, "previewDifferences");
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("previewTabs"));
    m_tabs->addTab(m_itemsView, tr("Items then"));
    m_tabs->addTab(m_diffView, tr("Differences from now"));

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_busy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(titleRow);
    layout->addWidget(m_backupDetails);
    layout->addWidget(m_counts);
    layout->addWidget(m_tabs, 1);
    connect(&m_watcher, &QFutureWatcher<Preview>::finished, this, &SelectionDetails::onPreview);
    clear();
}

SelectionDetails::~SelectionDetails()
{
    stopWatcher(m_watcher);
}

QString SelectionDetails::title() const
{
    return m_title->text();
}

void SelectionDetails::reset()
{
    m_items = m_differences = -1;
    m_itemsModel->clear();
    m_diffModel->clear();
    m_counts->clear();
    m_backupDetails->clear();
    m_backupDetails->setVisible(false);
    m_busy->setVisible(false);
    m_tabs->setTabText(1, tr("Differences from now"));
}

void SelectionDetails::clear()
{
    m_shown = ++m_generation; // drops a load in flight
    m_arn.clear();
    reset();
    m_title->setText(tr("Click the timeline to see what the table held at that time, or a backup marker to see the backup."));
}

void SelectionDetails::showBackup(const QString &arn, const QString &name, double takenMs)
{
    m_title->setText(tr("Backup “%1”, taken %2").arg(name, secondText(qint64(takenMs))));
    load({{s("TableName"), m_table}, {s("BackupArn"), arn}}, arn);
}

void SelectionDetails::showTime(qint64 ms)
{
    m_title->setText(tr("The table as it was at %1 (the end of that second)")
                         .arg(secondText(ms)));
    load({{s("TableName"), m_table}, {s("RestoreDateTime"), double(ms / 1000)}}, QString());
}

void SelectionDetails::load(const QJsonObject &request, const QString &arn)
{
    const quint64 generation = ++m_generation;
    reset();
    m_arn = arn;
    m_backupDetails->setVisible(!arn.isEmpty());
    m_busy->setVisible(true);
    m_counts->setText(tr("Loading…"));
    Connection *c = m_connection;
    const bool historyOps = m_historyOps;
    m_watcher.setFuture(QtConcurrent::run(m_connection->pool(), [c, request, arn, generation, historyOps] {
        Preview p;
        p.generation = generation;
        if (!arn.isEmpty())
            p.backup = c->callSync(s("DescribeBackup"), {{s("BackupArn"), arn}});
        if (historyOps)
            p.preview = c->callSync(s("Dynamodesk.PreviewRestore"), request);
        else
            p.preview.error = ApiError::unknownOperation();
        return p;
    }));
}

void SelectionDetails::showNote(const QString &note)
{
    m_counts->setText(note);
    m_itemsModel->clear();
    m_diffModel->clear();
}

void SelectionDetails::onPreview()
{
    const Preview p = m_watcher.result();
    if (p.generation != m_generation)
        return; // a newer selection is loading
    m_shown = p.generation;
    m_busy->setVisible(false);
    if (!m_arn.isEmpty() && p.backup.ok()) {
        const QJsonObject desc = p.backup.body.value(s("BackupDescription")).toObject();
        const QJsonObject details = desc.value(s("BackupDetails")).toObject();
        const QJsonObject source = desc.value(s("SourceTableDetails")).toObject();
        m_backupDetails->setText(tr("Status %1 · %2 · %Ln item(s) when taken · type %3\n%4", nullptr,
                                    int(source.value(s("ItemCount")).toDouble()))
                                     .arg(details.value(s("BackupStatus")).toString(),
                                          QLocale().formattedDataSize(qint64(details.value(s("BackupSizeBytes")).toDouble())))
                                     .arg(details.value(s("BackupType")).toString(), details.value(s("BackupArn")).toString()));
    } else if (!m_arn.isEmpty()) {
        m_backupDetails->setText(tr("Cannot describe the backup: %1").arg(errorText(p.backup)));
    }
    if (unknownOperation(p.preview)) {
        if (m_historyOps) {
            m_historyOps = false;
            emit historyOperationsMissing();
        }
        showNote(tr("This endpoint does not offer Dynamodesk's restore preview; you can still restore to a new table and open it."));
    } else if (!p.preview.ok()) {
        const QString type = p.preview.error->type();
        if (type == QLatin1String("PointInTimeRecoveryUnavailableException"))
            showNote(tr("Point-in-time recovery is off for this table: turn it on to restore to a time, or pick a backup."));
        else if (type == QLatin1String("InvalidRestoreTimeException"))
            showNote(tr("This time is outside the point-in-time recovery window (%1).").arg(p.preview.error->message()));
        else
            showNote(tr("Cannot preview: %1").arg(errorText(p.preview)));
    } else {
        const QJsonObject body = p.preview.body;
        m_items = qint64(body.value(s("ItemCount")).toDouble());
        m_differences = qint64(body.value(s("DifferenceCount")).toDouble());
        fillItemsModel(m_itemsModel, body.value(s("Items")).toArray(), m_keys);
        fillDifferencesModel(m_diffModel, body.value(s("Differences")).toArray(), m_keys);
        for (QTableView *v : {m_itemsView, m_diffView})
            v->resizeColumnsToContents();
        QString text = tr("%Ln item(s) then", nullptr, m_items) + QStringLiteral(" · ") + tr("%Ln item(s) differ from now", nullptr, m_differences);
        const int shown = int(body.value(s("Items")).toArray().size());
        if (shown < m_items)
            text += QStringLiteral(" · ") + tr("the first %L1 shown").arg(shown);
        m_counts->setText(text);
        m_tabs->setTabText(1, tr("Differences from now (%L1)").arg(m_differences));
    }
    emit loaded();
}

} // namespace dd::ui
