#include "migration/tablecopyrun.h"

#include "common/confirm.h"
#include "common/errorlabel.h"
#include "common/responses.h"
#include "common/watchers.h"
#include "connections/connection.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace dd::ui {

namespace {

constexpr int kBarSteps = 1000; // the bar's range while the item count is known

QString duration(qint64 ms)
{
    if (ms < 1000)
        return TableCopyRun::tr("%1 ms").arg(ms);
    if (ms < 60000)
        return TableCopyRun::tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    return TableCopyRun::tr("%1 min %2 s").arg(ms / 60000).arg(ms / 1000 % 60);
}

} // namespace

TableCopyRun::TableCopyRun(QWidget *parent) : QWidget(parent)
{
    m_phase = new QLabel(this);
    m_phase->setObjectName(QStringLiteral("copyPhase"));
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("copyProgress"));
    m_bar->setTextVisible(false);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("copyCount"));
    m_cancel = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/cancel.svg")), tr("C&ancel copy"), this);
    m_cancel->setObjectName(QStringLiteral("cancelCopy"));
    m_cancel->setAutoDefault(false);
    m_cancel->setVisible(false);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("copyResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setVisible(false);
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("copyError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_phase);
    progressRow->addWidget(m_bar, 1);
    progressRow->addWidget(m_count);
    progressRow->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(progressRow);
    layout->addWidget(m_result);
    layout->addWidget(m_error);
    setVisible(false);

    connect(&m_job, &TableCopyJob::progressed, this, &TableCopyRun::onProgress);
    connect(&m_job, &TableCopyJob::finished, this, &TableCopyRun::onFinished);
    connect(&m_deleteTable, &QFutureWatcher<client::ApiResponse>::finished, this, &TableCopyRun::onDeleted);
    connect(m_cancel, &QPushButton::clicked, this, &TableCopyRun::cancel);
}

TableCopyRun::~TableCopyRun()
{
    m_job.stop();
    // Not cancelled: the user asked for the partial table to go.
    letFinish(m_deleteTable);
}

QString TableCopyRun::placeOf(const Connection *connection)
{
    const QString name = connection->displayName();
    const QString region = connection->region();
    return name.endsWith(region) ? name : QStringLiteral("%1 · %2").arg(name, region); // as openRegion() names its connections
}

bool TableCopyRun::start(Connection *source, Connection *target, const client::TableCopyOptions &options, qint64 itemsEstimated)
{
    if (isRunning() || isDeleting() || !m_job.start(source, target, options))
        return false;
    m_target = target;
    m_targetTable = options.targetTable.isEmpty() ? options.sourceTable : options.targetTable;
    m_succeeded = false;
    m_error->setError(QString());
    showResult(QString());
    m_phase->setText((options.createTarget ? tr("Creating table %1…") : tr("Checking table %1…")).arg(m_targetTable));
    showCount(0, itemsEstimated);
    m_cancel->setVisible(true);
    m_cancel->setEnabled(true);
    setVisible(true);
    emit runningChanged(true);
    return true;
}

bool TableCopyRun::cancel()
{
    if (!m_job.isRunning())
        return false;
    m_job.cancel();
    m_cancel->setEnabled(false);
    m_phase->setText(tr("Cancelling…"));
    return true;
}

void TableCopyRun::forget(Connection *connection)
{
    if (!connection || connection != m_target)
        return;
    if (m_job.isRunning()) {
        m_job.stop();
        m_cancel->setVisible(false);
        m_phase->setText(tr("Stopped"));
        showResult(tr("Stopped: the connection %1 was closed.").arg(placeOf(connection)));
        emit runningChanged(false);
    }
    m_target = nullptr;
    m_succeeded = false;
}

QString TableCopyRun::phaseText() const
{
    return m_phase->text();
}

QString TableCopyRun::progressText() const
{
    return m_count->text();
}

QString TableCopyRun::resultText() const
{
    return m_result->text();
}

QString TableCopyRun::errorText() const
{
    return m_error->text();
}

void TableCopyRun::showResult(const QString &text)
{
    m_result->setText(text);
    m_result->setVisible(!text.isEmpty());
}

void TableCopyRun::showCount(qint64 copied, qint64 estimated)
{
    if (estimated > 0)
        m_count->setText(tr("%L1 of ~%Ln item(s)", nullptr, int(estimated)).arg(copied));
    else
        m_count->setText(tr("%Ln item(s)", nullptr, int(copied)));
    // Busy while the count is unknown, and once the copy outgrows it (AWS
    // updates ItemCount about every six hours).
    if (estimated > 0 && copied <= estimated) {
        m_bar->setRange(0, kBarSteps);
        m_bar->setValue(int(copied * kBarSteps / estimated));
    } else {
        m_bar->setRange(0, 0);
    }
}

void TableCopyRun::onProgress(const client::TableCopyProgress &progress)
{
    if (m_job.isCancelling())
        return; // "Cancelling…" stays
    switch (progress.phase) {
    case client::TableCopyProgress::Phase::Creating:
        break; // said by start()
    case client::TableCopyProgress::Phase::Copying:
        m_phase->setText(tr("Copying items…"));
        break;
    case client::TableCopyProgress::Phase::Finishing:
        m_phase->setText(tr("Enabling time to live…"));
        break;
    }
    showCount(progress.itemsCopied, progress.itemsEstimated);
}

void TableCopyRun::onFinished(const client::TableCopyOutcome &outcome, qint64 elapsedMs)
{
    m_cancel->setVisible(false);
    const int items = int(outcome.itemsCopied);
    const QString where = placeOf(m_target);
    m_bar->setRange(0, 1);
    m_bar->setValue(outcome.ok() ? 1 : 0);
    m_count->setText(tr("%Ln item(s)", nullptr, items));
    if (outcome.ok()) {
        m_succeeded = true;
        m_phase->setText(tr("Done"));
        showResult(tr("Copied %Ln item(s) into table %1 on %2 in %3.", nullptr, items).arg(m_targetTable, where, duration(elapsedMs)));
    } else if (outcome.error) {
        m_phase->setText(tr("Failed"));
        m_error->setError(tr("The copy failed: %1: %2").arg(outcome.error->type(), outcome.error->message()));
        if (outcome.created)
            showResult(tr("Table %1 was created on %2 and holds the %Ln item(s) copied before the error.", nullptr, items).arg(m_targetTable, where));
        else
            showResult(tr("%Ln item(s) were copied before the error.", nullptr, items));
    } else {
        m_phase->setText(tr("Cancelled"));
        showResult(tr("Cancelled after copying %Ln item(s) in %1.", nullptr, items).arg(duration(elapsedMs)));
        if (outcome.created)
            confirm(this, QMessageBox::Question, tr("Delete the partial table"),
                    tr("The copy was cancelled: table %1 on %2 holds only %3 of the source's items. "
                       "Delete it?\n\nCancel keeps it.")
                        .arg(m_targetTable, where, QLocale().toString(items)),
                    QStringLiteral("confirmDeletePartialTable"), [this] { deletePartialTable(); }, tr("&Delete table"));
    }
    emit runningChanged(false);
    if (outcome.created || outcome.itemsCopied > 0)
        emit copied(m_target, m_targetTable);
}

void TableCopyRun::deletePartialTable()
{
    if (!m_target || isRunning() || isDeleting())
        return;
    m_deleteName = m_targetTable;
    m_phase->setText(tr("Deleting table %1…").arg(m_deleteName));
    const QJsonObject request{{QStringLiteral("TableName"), m_deleteName}};
    m_deleteTable.setFuture(m_target->call(QStringLiteral("DeleteTable"), request));
}

void TableCopyRun::onDeleted()
{
    const client::ApiResponse r = m_deleteTable.result();
    if (!r.ok()) {
        m_phase->setText(tr("Cancelled"));
        m_error->setError(tr("Cannot delete table %1: %2").arg(m_deleteName, ui::errorText(r)));
        return;
    }
    m_phase->setText(tr("Deleted"));
    showResult(m_result->text() + QLatin1Char('\n') + tr("Deleted the partial table %1.").arg(m_deleteName));
    if (m_target)
        emit copied(m_target, m_deleteName);
}

} // namespace dd::ui
