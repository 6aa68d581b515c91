#include "streams/triggerpanel.h"

#include "common/errorlabel.h"
#include "common/responses.h"
#include "common/watchers.h"
#include "connections/connection.h"
#include "streams/triggerdialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace dd::ui {

namespace {

QString k(const char *s) { return QString::fromLatin1(s); }

QTableWidget *makeTable(QWidget *parent, const QString &name, const QStringList &headers)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    // Each column at least as wide as its title ("Sequence numbers" was cut to "equence numbe").
    t->resizeColumnsToContents();
    return t;
}

void setRow(QTableWidget *t, int row, const QStringList &cells)
{
    for (int c = 0; c < cells.size(); ++c) {
        auto *item = t->item(row, c);
        if (!item) {
            item = new QTableWidgetItem;
            t->setItem(row, c, item);
        }
        item->setText(cells[c]);
        item->setToolTip(cells[c]);
    }
}

// Sequence numbers without their zero padding.
QString seq(const QJsonValue &v)
{
    QString s = v.toString();
    while (s.size() > 1 && s.startsWith(QLatin1Char('0')))
        s.remove(0, 1);
    return s;
}

} // namespace

TriggerPanel::TriggerPanel(Connection *connection, const QString &table, QWidget *parent)
    : QWidget(parent), m_connection(connection), m_table(table)
{
    setObjectName(k("triggerPanel"));
    m_unsupported = new QLabel(tr("Local triggers are a feature of Dynamodesk's embedded engine and of dynamodesk-server. "
                                  "This endpoint does not offer them; on AWS, attach a Lambda function to the stream instead."),
                               this);
    m_unsupported->setObjectName(k("unsupported"));
    m_unsupported->setWordWrap(true);
    m_unsupported->setVisible(false);

    m_controls = new QWidget(this);
    auto *title = new QLabel(tr("<b>Triggers</b> — run a command or POST to a URL with batches of this stream's records"), m_controls);
    title->setWordWrap(true);
    m_list = makeTable(m_controls, k("triggers"), {tr("Name"), tr("State"), tr("Delivered"), tr("Failed"), tr("Target")});
    m_add = new QPushButton(tr("Add…"), m_controls);
    m_add->setObjectName(k("addTrigger"));
    m_pause = new QPushButton(tr("Pause"), m_controls);
    m_pause->setObjectName(k("pauseTrigger"));
    m_delete = new QPushButton(tr("Delete"), m_controls);
    m_delete->setObjectName(k("deleteTrigger"));
    m_error = new ErrorLabel(m_controls);
    m_error->setObjectName(k("triggerError"));
    m_summary = new QLabel(m_controls);
    m_summary->setObjectName(k("triggerSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_runs = makeTable(m_controls, k("runs"), {tr("Time"), tr("Records"), tr("Sequence numbers"), tr("Duration"), tr("Outcome"), tr("Details")});
    m_failures = makeTable(m_controls, k("failures"), {tr("Time"), tr("Records"), tr("Sequence numbers"), tr("Condition"), tr("Attempts"), tr("Error")});
    m_inspector = new QTabWidget(m_controls);
    m_inspector->addTab(m_runs, tr("Recent runs"));
    m_inspector->addTab(m_failures, tr("Failures"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_pause);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    auto *top = new QWidget(m_controls);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(title);
    topLayout->addWidget(m_list, 1);
    topLayout->addLayout(buttons);
    topLayout->addWidget(m_error);
    auto *bottom = new QWidget(m_controls);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_summary);
    bottomLayout->addWidget(m_inspector, 1);
    auto *splitter = new QSplitter(Qt::Vertical, m_controls);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    auto *controlsLayout = new QVBoxLayout(m_controls);
    controlsLayout->setContentsMargins(0, 0, 0, 0);
    controlsLayout->addWidget(splitter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_unsupported);
    layout->addWidget(m_controls, 1);

    connect(m_add, &QPushButton::clicked, this, [this] { openAddDialog(); });
    connect(m_pause, &QPushButton::clicked, this, [this] { setSelectedPaused(stateOf(selectedTrigger()) != k("PAUSED")); });
    connect(m_delete, &QPushButton::clicked, this, &TriggerPanel::deleteSelected);
    connect(m_list, &QTableWidget::itemSelectionChanged, this, [this] {
        updateButtons();
        describeSelected();
    });
    connect(&m_listWatcher, &QFutureWatcher<client::ApiResponse>::finished, this, &TriggerPanel::onListed);
    connect(&m_describeWatcher, &QFutureWatcher<client::ApiResponse>::finished, this, &TriggerPanel::onDescribed);
    m_timer.setInterval(kRefreshMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_timer.start();
    updateButtons();
    refresh();
}

TriggerPanel::~TriggerPanel()
{
    m_timer.stop();
    stopWatcher(m_listWatcher);
    stopWatcher(m_describeWatcher);
}

void TriggerPanel::refresh()
{
    if (!m_supported || m_listWatcher.isRunning())
        return;
    m_listWatcher.setFuture(m_connection->call(k("Dynamodesk.ListTriggers"), {{k("TableName"), m_table}}));
}

void TriggerPanel::onListed()
{
    const client::ApiResponse r = m_listWatcher.result();
    if (!r.ok()) {
        if (r.error->type() == QLatin1String("UnknownOperationException")) {
            m_supported = false;
            m_timer.stop();
            m_unsupported->setVisible(true);
            m_controls->setVisible(false);
        } else {
            m_error->setError(tr("Listing the triggers failed: %1").arg(r.error->message()));
        }
        return;
    }
    const QString selected = selectedTrigger();
    m_triggers.clear();
    for (const QJsonValue &v : r.body.value(k("Triggers")).toArray())
        m_triggers.append(v.toObject());
    {
        const QSignalBlocker block(m_list);
        m_list->setRowCount(int(m_triggers.size()));
        for (int row = 0; row < m_triggers.size(); ++row) {
            const QJsonObject &t = m_triggers[row];
            const QJsonObject counters = t.value(k("Counters")).toObject();
            const QString target = t.contains(k("Url")) ? t.value(k("Url")).toString() : t.value(k("Command")).toString();
            setRow(m_list, row, {t.value(k("TriggerName")).toString(), t.value(k("State")).toString(),
                                 QString::number(counters.value(k("RecordsDelivered")).toInteger()),
                                 QString::number(counters.value(k("RecordsFailed")).toInteger()), target});
            if (t.value(k("TriggerName")).toString() == selected)
                m_list->selectRow(row);
        }
        if (selectedTrigger().isEmpty() && !m_triggers.isEmpty())
            m_list->selectRow(0);
    }
    updateButtons();
    describeSelected();
    emit refreshed();
}

QString TriggerPanel::selectedTrigger() const
{
    const QList<QTableWidgetItem *> items = m_list->selectedItems();
    if (items.isEmpty())
        return QString();
    const QTableWidgetItem *name = m_list->item(items.first()->row(), 0);
    return name ? name->text() : QString();
}

QString TriggerPanel::stateOf(const QString &trigger) const
{
    for (const QJsonObject &t : m_triggers)
        if (t.value(k("TriggerName")).toString() == trigger)
            return t.value(k("State")).toString();
    return QString();
}

void TriggerPanel::updateButtons()
{
    const QString selected = selectedTrigger();
    m_pause->setEnabled(!selected.isEmpty());
    m_delete->setEnabled(!selected.isEmpty());
    m_pause->setText(stateOf(selected) == QLatin1String("PAUSED") ? tr("Resume") : tr("Pause"));
}

void TriggerPanel::describeSelected()
{
    const QString name = selectedTrigger();
    if (name.isEmpty()) {
        m_summary->clear();
        m_runs->setRowCount(0);
        m_failures->setRowCount(0);
        return;
    }
    if (m_describeWatcher.isRunning())
        return;
    m_describeWatcher.setFuture(m_connection->call(k("Dynamodesk.DescribeTrigger"), {{k("TriggerName"), name}}));
}

void TriggerPanel::onDescribed()
{
    const client::ApiResponse r = m_describeWatcher.result();
    if (!r.ok())
        return; // deleted meanwhile; the next listing says so
    const QJsonObject t = r.body.value(k("Trigger")).toObject();
    if (t.value(k("TriggerName")).toString() != selectedTrigger())
        return;
    const QJsonObject c = t.value(k("Counters")).toObject();
    QString summary = tr("%1 · processed up to %2 · %3 invocation(s), %4 failed · %5 record(s) delivered, %6 passed over")
                          .arg(t.value(k("State")).toString(), seq(t.value(k("LastProcessedSequenceNumber"))))
                          .arg(c.value(k("Invocations")).toInteger())
                          .arg(c.value(k("FailedInvocations")).toInteger())
                          .arg(c.value(k("RecordsDelivered")).toInteger())
                          .arg(c.value(k("RecordsFailed")).toInteger());
    if (t.contains(k("StateReason")))
        summary += QLatin1Char('\n') + t.value(k("StateReason")).toString();
    if (t.contains(k("LogFile")))
        summary += QLatin1Char('\n') + tr("Log: %1").arg(t.value(k("LogFile")).toString());
    m_summary->setText(summary);

    const QJsonArray runs = t.value(k("RecentRuns")).toArray();
    m_runs->setRowCount(int(runs.size()));
    for (int i = 0; i < runs.size(); ++i) {
        const QJsonObject run = runs[runs.size() - 1 - i].toObject(); // newest first
        QStringList details;
        if (run.contains(k("ExitCode")))
            details << tr("exit %1").arg(run.value(k("ExitCode")).toInt());
        if (run.contains(k("StatusCode")))
            details << tr("HTTP %1").arg(run.value(k("StatusCode")).toInt());
        if (run.value(k("Retry")).toInt() > 0)
            details << tr("retry %1").arg(run.value(k("Retry")).toInt());
        if (run.contains(k("Error")))
            details << run.value(k("Error")).toString();
        if (run.contains(k("Stderr")))
            details << run.value(k("Stderr")).toString().trimmed();
        setRow(m_runs, i, {run.value(k("Time")).toString(), QString::number(run.value(k("BatchSize")).toInt()),
                           seq(run.value(k("FirstSequenceNumber"))) + QStringLiteral("–") + seq(run.value(k("LastSequenceNumber"))),
                           tr("%1 ms").arg(run.value(k("DurationMs")).toInteger()), run.value(k("Outcome")).toString(),
                           details.join(QStringLiteral(" · "))});
    }
    const QJsonArray failures = t.value(k("RecentFailures")).toArray();
    m_failures->setRowCount(int(failures.size()));
    for (int i = 0; i < failures.size(); ++i) {
        const QJsonObject f = failures[failures.size() - 1 - i].toObject();
        setRow(m_failures, i, {f.value(k("Time")).toString(), QString::number(f.value(k("BatchSize")).toInt()),
                               seq(f.value(k("FirstSequenceNumber"))) + QStringLiteral("–") + seq(f.value(k("LastSequenceNumber"))),
                               f.value(k("Condition")).toString(), QString::number(f.value(k("InvokeCount")).toInt()),
                               f.value(k("Error")).toString()});
    }
    m_inspector->setTabText(1, failures.isEmpty() ? tr("Failures") : tr("Failures (%1)").arg(failures.size()));
    emit described();
}

TriggerDialog *TriggerPanel::openAddDialog()
{
    if (m_dialog)
        return m_dialog;
    m_dialog = new TriggerDialog(m_table, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setWindowModality(Qt::WindowModal);
    connect(m_dialog, &TriggerDialog::submitted, this, [this](const QJsonObject &request) {
        auto *watcher = new QFutureWatcher<client::ApiResponse>(this);
        QPointer<TriggerDialog> dialog = m_dialog;
        connect(watcher, &QFutureWatcher<client::ApiResponse>::finished, this, [this, watcher, dialog, request] {
            const client::ApiResponse r = watcher->result();
            watcher->deleteLater();
            if (!dialog)
                return;
            if (!r.ok()) {
                dialog->setError(errorText(r));
                return;
            }
            dialog->accept();
            emit statusMessage(tr("Trigger %1 added").arg(request.value(k("TriggerName")).toString()));
            refresh();
        });
        watcher->setFuture(m_connection->call(k("Dynamodesk.CreateTrigger"), request));
    });
    m_dialog->open();
    return m_dialog;
}

void TriggerPanel::run(const QString &operation, const QJsonObject &request, const QString &done)
{
    // A watcher of its own: pausing one trigger and then another at once
    // reports both, and either is sent should the panel close first.
    auto *watcher = new QFutureWatcher<client::ApiResponse>(this);
    connect(watcher, &QFutureWatcher<client::ApiResponse>::finished, this, [this, watcher, done] {
        const client::ApiResponse r = watcher->result();
        watcher->deleteLater();
        if (!r.ok()) {
            m_error->setError(errorText(r));
        } else {
            m_error->setError(QString());
            emit statusMessage(done);
        }
        refresh();
    });
    watcher->setFuture(m_connection->call(operation, request));
}

void TriggerPanel::setSelectedPaused(bool paused)
{
    const QString name = selectedTrigger();
    if (name.isEmpty())
        return;
    run(k("Dynamodesk.UpdateTrigger"), {{k("TriggerName"), name}, {k("Enabled"), !paused}},
        paused ? tr("Trigger %1 paused").arg(name) : tr("Trigger %1 resumed").arg(name));
}

void TriggerPanel::deleteSelected()
{
    const QString name = selectedTrigger();
    if (name.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Delete trigger"),
                              tr("Delete the trigger %1? Its checkpoint is lost; records are not delivered to it any more.").arg(name))
        != QMessageBox::Yes)
        return;
    run(k("Dynamodesk.DeleteTrigger"), {{k("TriggerName"), name}}, tr("Trigger %1 deleted").arg(name));
}

} // namespace dd::ui
