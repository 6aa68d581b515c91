#include "backups/historyview.h"

#include "backups/restoredialog.h"
#include "backups/selectiondetails.h"
#include "common/confirm.h"
#include "common/errorlabel.h"
#include "common/progresspanel.h"
#include "common/responses.h"
#include "common/timestamps.h"
#include "common/watchers.h"
#include "connections/connection.h"

#include <QCheckBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <cmath>

namespace dd::ui {

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }

QString stamp(double ms)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(ms)).toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

} // namespace

HistoryView::HistoryView(Connection *connection, const QString &table, QWidget *parent)
    : QWidget(parent), m_connection(connection), m_table(table)
{
    setObjectName(QStringLiteral("historyView"));
    m_timeline = new TimelineWidget(this);

    auto *refreshButton = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/refresh.svg")), tr("Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("refreshHistory"));
    auto *fit = new QPushButton(tr("Fit"), this);
    fit->setObjectName(QStringLiteral("fitTimeline"));
    fit->setToolTip(tr("Show the whole history: the recovery window, every backup and now (Home)"));
    m_createBackup = new QPushButton(tr("Create backup…"), this);
    m_createBackup->setObjectName(QStringLiteral("createBackup"));
    m_deleteBackup = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/delete.svg")), tr("Delete backup…"), this);
    m_deleteBackup->setObjectName(QStringLiteral("deleteBackup"));
    m_pitrBox = new QCheckBox(tr("Point-in-time recovery"), this);
    m_pitrBox->setObjectName(QStringLiteral("pitrEnabled"));
    m_pitrBox->setToolTip(tr("Continuous backups: restore the table to any second of the last 35 days"));
    m_restore = new QPushButton(tr("Restore to new table…"), this);
    m_restore->setObjectName(QStringLiteral("restoreToNewTable"));
    m_restore->setDefault(true);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("historySummary"));
    m_summary->setWordWrap(true);
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("historyError"));
    m_progress = new ProgressPanel(this);

    m_details = new SelectionDetails(m_connection, m_table, this);

    auto *bar = new QHBoxLayout;
    bar->addWidget(refreshButton);
    bar->addWidget(fit);
    bar->addSpacing(12);
    bar->addWidget(m_createBackup);
    bar->addWidget(m_deleteBackup);
    bar->addSpacing(12);
    bar->addWidget(m_pitrBox);
    bar->addStretch(1);
    bar->addWidget(m_restore);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_timeline);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addWidget(m_progress);
    layout->addWidget(splitter, 1);

    m_densityTimer.setSingleShot(true);
    m_densityTimer.setInterval(120);
    m_creatingTimer.setSingleShot(true);
    m_creatingTimer.setInterval(m_connection->canServe() ? 300 : 3000);
    connect(&m_densityTimer, &QTimer::timeout, this, &HistoryView::loadDensity);
    connect(&m_creatingTimer, &QTimer::timeout, this, &HistoryView::refresh);
    connect(m_timeline, &TimelineWidget::rangeChanged, this, &HistoryView::scheduleDensity);
    connect(m_timeline, &TimelineWidget::timeSelected, this, [this](qint64 ms) {
        m_details->showTime(ms);
        updateActions();
    });
    connect(m_timeline, &TimelineWidget::backupSelected, this, [this](const QString &arn) {
        for (const TimelineBackup &b : m_timeline->backups())
            if (b.arn == arn)
                m_details->showBackup(arn, b.name, b.timeMs);
        updateActions();
    });
    connect(m_details, &SelectionDetails::loaded, this, &HistoryView::updateActions);
    connect(m_details, &SelectionDetails::historyOperationsMissing, this, [this] {
        m_historyOps = false;
        m_timeline->clearBuckets();
    });
    connect(refreshButton, &QPushButton::clicked, this, &HistoryView::refresh);
    connect(fit, &QPushButton::clicked, m_timeline, &TimelineWidget::fit);
    connect(m_createBackup, &QPushButton::clicked, this, &HistoryView::openCreateBackupDialog);
    connect(m_deleteBackup, &QPushButton::clicked, this, &HistoryView::confirmDeleteBackup);
    connect(m_pitrBox, &QCheckBox::clicked, this, [this](bool on) {
        // The box shows the table's state: it changes when the refresh after the call confirms it.
        const QSignalBlocker block(m_pitrBox);
        m_pitrBox->setChecked(m_pitr.has_value());
        setPointInTimeRecovery(on);
    });
    connect(m_restore, &QPushButton::clicked, this, &HistoryView::openRestoreDialog);
    connect(&m_stateWatcher, &QFutureWatcher<State>::finished, this, &HistoryView::onState);
    connect(&m_densityWatcher, &QFutureWatcher<Density>::finished, this, &HistoryView::onDensity);
    connect(&m_restoreWatcher, &QFutureWatcher<RestoreOutcome>::finished, this, &HistoryView::onRestored);
    connect(&m_actionWatcher, &QFutureWatcher<client::ApiResponse>::finished, this, [this] {
        m_actionPending = false;
        const client::ApiResponse r = m_actionWatcher.result();
        const QString done = m_actionWatcher.property("done").toString();
        // A new backup is watched from its answer on: one that fails before
        // the next refresh lists it is still reported (onState).
        const QJsonObject created = r.body.value(s("BackupDetails")).toObject();
        if (r.ok() && created.value(s("BackupStatus")).toString() == QLatin1String("CREATING"))
            m_creating.insert(created.value(s("BackupArn")).toString(), created.value(s("BackupName")).toString());
        m_actionError = r.ok() ? QString() : errorText(r);
        emit statusMessage(r.ok() ? done : m_actionError);
        m_error->setError(m_actionError);
        refresh();
    });
    updateActions();
    refresh();
}

HistoryView::~HistoryView()
{
    m_densityTimer.stop();
    m_creatingTimer.stop();
    stopWatcher(m_stateWatcher);
    stopWatcher(m_densityWatcher);
    stopWatcher(m_restoreWatcher);
    letFinish(m_actionWatcher); // a backup, its delete or a PITR change the user asked for is sent all the same
}

bool HistoryView::isLoading() const
{
    return m_statePending || m_densityShown != m_densityGeneration || m_densityTimer.isActive() || isPreviewLoading() || m_actionPending;
}

bool HistoryView::isPreviewLoading() const
{
    return m_details->isLoading();
}

qint64 HistoryView::previewItemCount() const
{
    return m_details->itemCount();
}

qint64 HistoryView::previewDifferenceCount() const
{
    return m_details->differenceCount();
}

QStandardItemModel *HistoryView::previewItemsModel() const
{
    return m_details->itemsModel();
}

QStandardItemModel *HistoryView::differencesModel() const
{
    return m_details->differencesModel();
}

bool HistoryView::isRestoring() const
{
    return m_restoreWatcher.isRunning();
}

QString HistoryView::detailsTitle() const
{
    return m_details->title();
}

void HistoryView::refresh()
{
    if (m_statePending)
        return;
    m_statePending = true;
    m_stateWatcher.setFuture(QtConcurrent::run(m_connection->pool(), &HistoryView::loadState, m_connection, m_table, m_creating));
}

HistoryView::State HistoryView::loadState(Connection *connection, const QString &table, const QMap<QString, QString> &creating)
{
    State st;
    const client::ApiResponse d = connection->callSync(s("DescribeTable"), {{s("TableName"), table}});
    if (!d.ok()) {
        st.error = errorText(d);
        return st;
    }
    st.table = d.body.value(s("Table")).toObject();
    const client::ApiResponse cb = connection->callSync(s("DescribeContinuousBackups"), {{s("TableName"), table}});
    if (cb.ok()) {
        const QJsonObject pitr = cb.body.value(s("ContinuousBackupsDescription")).toObject().value(s("PointInTimeRecoveryDescription")).toObject();
        if (pitr.value(s("PointInTimeRecoveryStatus")).toString() == QLatin1String("ENABLED"))
            st.pitr = std::pair{pitr.value(s("EarliestRestorableDateTime")).toDouble() * 1000, pitr.value(s("LatestRestorableDateTime")).toDouble() * 1000};
    } else {
        st.error = errorText(cb);
    }
    QJsonObject list{{s("TableName"), table}, {s("BackupType"), s("ALL")}};
    for (int page = 0; page < 100; ++page) {
        const client::ApiResponse l = connection->callSync(s("ListBackups"), list);
        if (!l.ok()) {
            st.error = errorText(l);
            break;
        }
        for (const auto &v : l.body.value(s("BackupSummaries")).toArray()) {
            const QJsonObject b = v.toObject();
            st.backups.append({b.value(s("BackupArn")).toString(), b.value(s("BackupName")).toString(),
                               b.value(s("BackupCreationDateTime")).toDouble() * 1000, b.value(s("BackupStatus")).toString()});
        }
        const QString next = l.body.value(s("LastEvaluatedBackupArn")).toString();
        if (next.isEmpty())
            break;
        list.insert(s("ExclusiveStartBackupArn"), next);
    }
    // A backup still CREATING last time and gone now failed (Dynamodesk
    // removes a backup whose files could not be written): ask why.
    for (auto it = creating.cbegin(); it != creating.cend(); ++it) {
        st.checked.append(it.key());
        if (std::any_of(st.backups.cbegin(), st.backups.cend(), [&](const TimelineBackup &b) { return b.arn == it.key(); }))
            continue;
        const client::ApiResponse b = connection->callSync(s("DescribeBackup"), {{s("BackupArn"), it.key()}});
        if (!b.ok())
            st.vanished.append({it.value(), errorText(b)});
    }
    const double now = st.pitr ? st.pitr->second : double(QDateTime::currentMSecsSinceEpoch());
    const client::ApiResponse h = connection->callSync(s("Dynamodesk.DescribeTableHistory"),
                                                       {{s("TableName"), table}, {s("StartTime"), now / 1000 - 1}, {s("EndTime"), now / 1000}, {s("Buckets"), 1}});
    if (unknownOperation(h))
        st.historyOps = false;
    else if (h.ok() && h.body.contains(s("HistoryStart")))
        st.historyStart = h.body.value(s("HistoryStart")).toDouble() * 1000;
    return st;
}

void HistoryView::onState()
{
    const State st = m_stateWatcher.result();
    m_statePending = false;
    if (st.table.isEmpty()) {
        m_error->setError(tr("Cannot read the table: %1").arg(st.error));
        return;
    }
    QStringList errors;
    if (!m_actionError.isEmpty())
        errors << m_actionError;
    if (!st.error.isEmpty())
        errors << tr("Some of the history could not be read: %1").arg(st.error);
    m_error->setError(errors.join(QLatin1Char('\n')));
    for (const QString &arn : st.checked)
        m_creating.remove(arn);
    for (const TimelineBackup &b : st.backups)
        if (b.status == QLatin1String("CREATING"))
            m_creating.insert(b.arn, b.name);
    for (const auto &[name, why] : st.vanished) {
        const QString message = tr("The backup %1 was not created: %2").arg(name, why);
        m_error->setError(message);
        emit statusMessage(message);
    }
    m_keys = TableKeys::fromDescription(st.table);
    m_pitr = st.pitr;
    m_historyOps = st.historyOps;
    // LatestRestorableDateTime is whole seconds: now is within the second after it.
    m_timeline->setNow(m_pitr ? m_pitr->second + 999 : double(QDateTime::currentMSecsSinceEpoch()));
    m_timeline->setPitrWindow(m_pitr);
    m_timeline->setHistoryStart(st.historyStart);
    m_timeline->setBackups(st.backups);
    m_details->setKeys(m_keys);
    m_details->setHistoryOperations(m_historyOps);
    if (m_timeline->selectedBackup().isEmpty() && !m_timeline->selectedTime())
        m_details->clear(); // nothing selected (any more: a deleted backup drops its selection)
    m_timeline->setNote(m_historyOps ? QString()
                                     : tr("This endpoint does not offer Dynamodesk's history operations, so the writes over time "
                                          "cannot be shown. Backups and point-in-time recovery work as usual."));
    QStringList parts;
    parts << tr("%Ln item(s) now", nullptr, int(st.table.value(s("ItemCount")).toDouble()));
    parts << (m_pitr ? tr("point-in-time recovery on: restorable from %1 to %2")
                           .arg(secondText(qint64(m_pitr->first)), secondText(qint64(m_pitr->second)))
                     : tr("point-in-time recovery off"));
    parts << tr("%n backup(s)", nullptr, int(st.backups.size()));
    if (st.historyStart)
        parts << tr("writes recorded since %1").arg(secondText(qint64(*st.historyStart)));
    else if (m_historyOps)
        parts << tr("no writes recorded (the change log keeps a table's writes while it has a stream or point-in-time recovery)");
    m_summary->setText(parts.join(QStringLiteral(" · ")));
    {
        const QSignalBlocker block(m_pitrBox);
        m_pitrBox->setChecked(m_pitr.has_value());
    }
    if (!m_fitted) {
        m_fitted = true;
        m_timeline->fit(); // emits rangeChanged, which loads the bars
    }
    scheduleDensity();
    if (!m_creating.isEmpty())
        m_creatingTimer.start();
    updateActions();
}

void HistoryView::scheduleDensity()
{
    m_densityTimer.start();
}

void HistoryView::loadDensity()
{
    if (!m_historyOps)
        return;
    const quint64 generation = ++m_densityGeneration;
    const QJsonObject request{{s("TableName"), m_table}, {s("StartTime"), m_timeline->rangeStart() / 1000},
                              {s("EndTime"), m_timeline->rangeEnd() / 1000}, {s("Buckets"), m_timeline->preferredBuckets()}};
    Connection *c = m_connection;
    m_densityWatcher.setFuture(QtConcurrent::run(m_connection->pool(), [c, request, generation] {
        return Density{generation, c->callSync(s("Dynamodesk.DescribeTableHistory"), request)};
    }));
}

void HistoryView::onDensity()
{
    const Density d = m_densityWatcher.result();
    if (d.generation != m_densityGeneration)
        return; // the view moved on
    m_densityShown = d.generation;
    if (unknownOperation(d.response)) {
        m_historyOps = false;
        m_timeline->clearBuckets();
        return;
    }
    if (!d.response.ok()) {
        m_error->setError(tr("Cannot read the writes over time: %1").arg(errorText(d.response)));
        return;
    }
    QList<TimelineBucket> buckets;
    for (const auto &v : d.response.body.value(s("Buckets")).toArray()) {
        const QJsonObject b = v.toObject();
        buckets.append({b.value(s("Start")).toDouble() * 1000, b.value(s("Inserts")).toInt(), b.value(s("Updates")).toInt(), b.value(s("Deletes")).toInt()});
    }
    m_timeline->setBuckets(buckets, d.response.body.value(s("BucketSeconds")).toDouble() * 1000);
}

void HistoryView::updateActions()
{
    const QString arn = m_timeline->selectedBackup();
    bool backupAvailable = false;
    for (const TimelineBackup &b : m_timeline->backups())
        if (b.arn == arn)
            backupAvailable = b.status == QLatin1String("AVAILABLE");
    const bool timeRestorable = m_timeline->selectedTime() && m_pitr;
    const bool restoring = m_restoreWatcher.isRunning();
    m_restore->setEnabled(!restoring && (backupAvailable || timeRestorable));
    m_restore->setToolTip(arn.isEmpty() && !m_timeline->selectedTime() ? tr("Select a time within the recovery window or a backup first")
                                                                       : tr("Restore the selected state into a new table"));
    m_deleteBackup->setEnabled(!arn.isEmpty() && backupAvailable);
}

RestoreDialog *HistoryView::openRestoreDialog()
{
    const QString arn = m_timeline->selectedBackup();
    const auto time = m_timeline->selectedTime();
    if (arn.isEmpty() && !time)
        return nullptr;
    if (m_restoreDialog)
        m_restoreDialog->close();
    QString source, suggested;
    if (!arn.isEmpty()) {
        double created = 0;
        QString name;
        for (const TimelineBackup &b : m_timeline->backups())
            if (b.arn == arn) {
                created = b.timeMs;
                name = b.name;
            }
        source = tr("Restore the backup “%1” of %2, taken %3, into a new table.").arg(name, m_table, secondText(qint64(created)));
        suggested = QStringLiteral("%1-%2").arg(m_table, stamp(created));
    } else {
        source = tr("Restore %1 as it was at %2 into a new table.")
                     .arg(m_table, secondText(*time));
        suggested = QStringLiteral("%1-%2").arg(m_table, stamp(double(*time)));
    }
    if (m_details->itemCount() >= 0)
        source += QLatin1Char(' ') + tr("It will hold %Ln item(s).", nullptr, m_details->itemCount());
    auto *dialog = new RestoreDialog(source, suggested.left(255), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, arn, time] {
        QJsonObject request = dialog->requestOptions();
        if (!arn.isEmpty()) {
            request.insert(s("BackupArn"), arn);
            startRestore(s("RestoreTableFromBackup"), request);
        } else {
            request.insert(s("SourceTableName"), m_table);
            request.insert(s("RestoreDateTime"), double(*time / 1000));
            startRestore(s("RestoreTableToPointInTime"), request);
        }
    });
    m_restoreDialog = dialog;
    dialog->open();
    return dialog;
}

void HistoryView::startRestore(const QString &operation, const QJsonObject &request)
{
    if (m_restoreWatcher.isRunning())
        return;
    m_error->setError(QString());
    const qint64 expected = std::max<qint64>(0, m_details->itemCount());
    const CancelFlag cancel = newCancelFlag();
    m_restoreWatcher.setFuture(QtConcurrent::run(m_connection->pool(), &runRestore, m_connection, operation, request, expected,
                                                 m_connection->canServe() ? kLocalPollMs : kRemotePollMs, cancel));
    m_progress->track(&m_restoreWatcher, tr("Restoring into %1…").arg(request.value(s("TargetTableName")).toString()), cancel);
    updateActions();
}

void HistoryView::onRestored()
{
    updateActions();
    if (m_restoreWatcher.future().resultCount() == 0)
        return; // the view is going away (stopWatcher)
    const RestoreOutcome out = m_restoreWatcher.result();
    if (out.canceled) {
        emit statusMessage(out.sent ? tr("Stopped waiting for the restore; it goes on, and the table appears when it is done")
                                    : tr("Cancelled; no restore was started"));
        return;
    }
    if (!out.error.isEmpty()) {
        m_error->setError(tr("The restore into %1 failed: %2").arg(out.table, out.error));
        return;
    }
    if (out.active) {
        emit statusMessage(tr("Restored into the new table %1").arg(out.table));
        emit openTableRequested(m_connection, out.table);
    }
}

void HistoryView::runSimple(const QString &operation, const QJsonObject &request, const QString &done)
{
    if (m_actionPending) {
        emit statusMessage(tr("Another change is still running"));
        return;
    }
    m_actionPending = true;
    m_error->setError(QString());
    m_actionWatcher.setProperty("done", done);
    m_actionWatcher.setFuture(m_connection->call(operation, request));
}

QWidget *HistoryView::openCreateBackupDialog()
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("backupNameDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Create backup"));
    dialog->setLabelText(tr("Back up all items of %1 as they are now. Backup name:").arg(m_table));
    dialog->setTextValue(QStringLiteral("%1-%2").arg(m_table, stamp(double(QDateTime::currentMSecsSinceEpoch()))).left(255));
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &name) { createBackup(name.trimmed()); });
    dialog->open();
    return dialog;
}

void HistoryView::createBackup(const QString &name)
{
    runSimple(s("CreateBackup"), {{s("TableName"), m_table}, {s("BackupName"), name}}, tr("Backup %1 of %2 created").arg(name, m_table));
}

QWidget *HistoryView::confirmDeleteBackup()
{
    const QString arn = m_timeline->selectedBackup();
    if (arn.isEmpty())
        return nullptr;
    QString name;
    for (const TimelineBackup &b : m_timeline->backups())
        if (b.arn == arn)
            name = b.name;
    return confirm(this, QMessageBox::Warning, tr("Delete backup"),
                   tr("Delete the backup “%1” of %2? It cannot be restored afterwards.").arg(name, m_table),
                   QStringLiteral("confirmDeleteBackup"),
                   [this, arn, name] { runSimple(s("DeleteBackup"), {{s("BackupArn"), arn}}, tr("Backup %1 deleted").arg(name)); });
}

void HistoryView::setPointInTimeRecovery(bool enabled)
{
    const QJsonObject request{{s("TableName"), m_table},
                              {s("PointInTimeRecoverySpecification"), QJsonObject{{s("PointInTimeRecoveryEnabled"), enabled}}}};
    if (enabled) {
        runSimple(s("UpdateContinuousBackups"), request, tr("Point-in-time recovery is on for %1").arg(m_table));
        return;
    }
    confirm(this, QMessageBox::Warning, tr("Turn off point-in-time recovery"),
            tr("Turn off point-in-time recovery for %1? Its recovery history is dropped: "
               "turning it on again starts a new window.").arg(m_table),
            QStringLiteral("confirmDisablePitr"),
            [this, request] { runSimple(s("UpdateContinuousBackups"), request, tr("Point-in-time recovery is off for %1").arg(m_table)); });
}

} // namespace dd::ui
