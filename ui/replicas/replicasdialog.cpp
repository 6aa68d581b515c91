#include "replicas/replicasdialog.h"

#include "common/confirm.h"
#include "common/errorlabel.h"
#include "common/watchers.h"
#include "connections/connection.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dd::ui {

namespace {

constexpr int kPollMs = 500; // a replica's items usually arrive within a second or two

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

ReplicasDialog::ReplicasDialog(Connection *connection, const QString &table, QWidget *parent)
    : QDialog(parent), m_connection(connection), m_table(table)
{
    setObjectName(QStringLiteral("replicasDialog"));
    setWindowTitle(tr("Global table: %1").arg(table));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("replicasSummary"));
    m_summary->setWordWrap(true);
    m_summary->setText(tr("The regions that hold table %1. A write in any of them reaches the others within about a second.")
                           .arg(table));

    m_regionList = new QTreeWidget(this);
    m_regionList->setObjectName(QStringLiteral("regionList"));
    m_regionList->setColumnCount(2);
    m_regionList->setHeaderLabels({tr("Region"), tr("Status")});
    m_regionList->setRootIsDecorated(false);
    m_regionList->setUniformRowHeights(true);
    m_regionList->setIconSize(QSize(16, 16));
    m_regionList->header()->setStretchLastSection(false);
    m_regionList->header()->setSectionResizeMode(RegionColumn, QHeaderView::Stretch);
    m_regionList->header()->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);

    m_emptyHint = new QLabel(this);
    m_emptyHint->setObjectName(QStringLiteral("noReplicas"));
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setText(tr("This table has no replicas yet: it lives in %1 only. Add a replica to make it a global table "
                            "(version 2019.11.21); the table must be on-demand (PAY_PER_REQUEST).")
                             .arg(connection->region()));
    m_emptyHint->setVisible(false);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("replicasBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_progress = new QLabel(tr("Reading the table…"), this);
    m_progress->setObjectName(QStringLiteral("replicasProgress"));
    m_progress->setWordWrap(true);
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("replicasError"));

    m_regionCombo = new QComboBox(this);
    m_regionCombo->setObjectName(QStringLiteral("regionCombo"));
    m_regionCombo->setEditable(true);
    m_regionCombo->setInsertPolicy(QComboBox::NoInsert);
    m_regionCombo->setMinimumContentsLength(16);
    m_regionCombo->lineEdit()->setPlaceholderText(tr("Region, e.g. eu-west-1"));
    auto *addLabel = new QLabel(tr("A&dd a replica in:"), this);
    addLabel->setBuddy(m_regionCombo);
    m_add = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/region.svg")), tr("&Add replica"), this);
    m_add->setObjectName(QStringLiteral("addReplica"));
    m_add->setAutoDefault(false);
    m_add->setToolTip(tr("UpdateTable with ReplicaUpdates Create: makes the table in that region and copies its items there"));
    m_remove = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/delete.svg")), tr("&Remove replica…"), this);
    m_remove->setObjectName(QStringLiteral("removeReplica"));
    m_remove->setAutoDefault(false);
    m_remove->setToolTip(tr("UpdateTable with ReplicaUpdates Delete: deletes the table in the selected region with all its items"));
    m_open = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/table.svg")), tr("&Open region"), this);
    m_open->setObjectName(QStringLiteral("openRegion"));
    m_open->setAutoDefault(false);
    m_open->setToolTip(tr("Browse the table in the selected region over the same connection"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_busy);
    progressRow->addWidget(m_progress, 1);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(addLabel);
    addRow->addWidget(m_regionCombo, 1);
    addRow->addWidget(m_add);
    auto *actionRow = new QHBoxLayout;
    actionRow->addWidget(m_remove);
    actionRow->addWidget(m_open);
    actionRow->addStretch(1);
    actionRow->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_regionList, 1);
    layout->addWidget(m_emptyHint);
    layout->addLayout(progressRow);
    layout->addWidget(m_error);
    layout->addLayout(addRow);
    layout->addLayout(actionRow);
    resize(560, 360);

    m_poll.setSingleShot(true);
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &ReplicasDialog::refresh);
    connect(&m_describe, &QFutureWatcher<client::ApiResponse>::finished, this, &ReplicasDialog::onDescribed);
    connect(&m_update, &QFutureWatcher<client::ApiResponse>::finished, this, &ReplicasDialog::onUpdated);
    connect(m_add, &QPushButton::clicked, this, [this] { addReplica(m_regionCombo->currentText()); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (QTreeWidgetItem *item = m_regionList->currentItem())
            removeReplica(item->data(RegionColumn, RegionRole).toString());
    });
    connect(m_open, &QPushButton::clicked, this, &ReplicasDialog::openSelectedRegion);
    connect(m_regionList, &QTreeWidget::itemActivated, this, &ReplicasDialog::openSelectedRegion);
    connect(m_regionList, &QTreeWidget::currentItemChanged, this, &ReplicasDialog::updateButtons);
    connect(m_regionCombo, &QComboBox::editTextChanged, this, &ReplicasDialog::updateButtons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    updateButtons();
    refresh();
}

ReplicasDialog::~ReplicasDialog()
{
    m_poll.stop();
    stopWatcher(m_describe);
    // Not cancelled: a change the user asked for is sent even if the dialog
    // closes before the pool started it (UpdateTable answers at once; the
    // items are copied in the background).
    letFinish(m_update);
}

QStringList ReplicasDialog::commonRegions()
{
    return {QStringLiteral("us-east-1"), QStringLiteral("us-east-2"), QStringLiteral("us-west-1"), QStringLiteral("us-west-2"),
            QStringLiteral("ca-central-1"), QStringLiteral("sa-east-1"), QStringLiteral("eu-west-1"), QStringLiteral("eu-west-2"),
            QStringLiteral("eu-west-3"), QStringLiteral("eu-central-1"), QStringLiteral("eu-north-1"), QStringLiteral("ap-south-1"),
            QStringLiteral("ap-southeast-1"), QStringLiteral("ap-southeast-2"), QStringLiteral("ap-northeast-1"),
            QStringLiteral("ap-northeast-2")};
}

void ReplicasDialog::refresh()
{
    if (m_describe.isRunning())
        return;
    m_poll.stop();
    m_describe.setFuture(m_connection->call(QStringLiteral("DescribeTable"), QJsonObject{{QStringLiteral("TableName"), m_table}}));
}

void ReplicasDialog::onDescribed()
{
    const client::ApiResponse r = m_describe.result();
    if (!r.ok()) {
        // Polling stops: reopening the dialog or the next change reads again.
        m_readFailed = true;
        m_error->setError(tr("Cannot read the table: %1").arg(r.error->message()));
        showProgress(pendingText(), !m_pendingAction.isEmpty());
        updateButtons();
        return;
    }
    if (m_readFailed) {
        m_readFailed = false;
        m_error->setError(QString());
    }
    showDescription(r.body.value(QStringLiteral("Table")).toObject());
}

void ReplicasDialog::onUpdated()
{
    const client::ApiResponse r = m_update.result();
    const QString action = m_pendingAction;
    const QString region = m_pendingRegion;
    m_pendingAction.clear();
    m_pendingRegion.clear();
    if (!r.ok()) {
        m_error->setError(action == QLatin1String("Create") ? tr("Cannot add a replica in %1: %2").arg(region, r.error->message())
                                                            : tr("Cannot remove the replica in %1: %2").arg(region, r.error->message()));
        showProgress(QString(), isBusy());
        updateButtons();
        refresh(); // what DynamoDB refused may have been a state this dialog had not seen yet
        return;
    }
    showDescription(r.body.value(QStringLiteral("TableDescription")).toObject());
    if (!isBusy())
        refresh(); // a removal answers with the group as it is; read once more to be sure
}

void ReplicasDialog::send(const QString &action, const QString &region)
{
    m_error->setError(QString());
    m_readFailed = false;
    m_pendingAction = action;
    m_pendingRegion = region;
    const QJsonObject update{{action, QJsonObject{{QStringLiteral("RegionName"), region}}}};
    m_update.setFuture(m_connection->call(QStringLiteral("UpdateTable"),
                                          QJsonObject{{QStringLiteral("TableName"), m_table},
                                                      {QStringLiteral("ReplicaUpdates"), QJsonArray{update}}}));
    showProgress(pendingText(), true);
    updateButtons();
}

void ReplicasDialog::showProgress(const QString &text, bool busy)
{
    m_progress->setText(text);
    m_progress->setVisible(!text.isEmpty());
    m_busy->setVisible(busy);
}

QString ReplicasDialog::pendingText() const
{
    if (m_pendingAction.isEmpty())
        return QString();
    return m_pendingAction == QLatin1String("Create") ? tr("Adding a replica in %1…").arg(m_pendingRegion)
                                                      : tr("Removing the replica in %1…").arg(m_pendingRegion);
}

bool ReplicasDialog::canChange() const
{
    return m_loaded && m_pendingAction.isEmpty() && !isBusy() && str(m_description, "TableStatus") == QLatin1String("ACTIVE");
}

bool ReplicasDialog::addReplica(const QString &regionText)
{
    const QString region = regionText.trimmed();
    if (region.isEmpty() || !canChange())
        return false;
    if (regions().contains(region)) {
        m_error->setError(tr("%1 already holds this table.").arg(region));
        return false;
    }
    send(QStringLiteral("Create"), region);
    return true;
}

bool ReplicasDialog::removeReplica(const QString &region)
{
    if (region.isEmpty() || region == m_connection->region() || !regions().contains(region) || !canChange())
        return false;
    confirm(this, QMessageBox::Warning, tr("Remove replica"),
            tr("Remove the replica in %1? This deletes table %2 in %1 with all its items; the other regions "
               "keep theirs. It cannot be undone.")
                .arg(region, m_table),
            QStringLiteral("confirmRemoveReplica"),
            [this, region] {
                if (m_pendingAction.isEmpty())
                    send(QStringLiteral("Delete"), region);
            },
            tr("Remove"));
    return true;
}

void ReplicasDialog::showDescription(const QJsonObject &table)
{
    const QString local = m_connection->region();
    const QStringList before = regions();
    QStringList statusesBefore;
    for (const QString &r : before)
        statusesBefore << regionStatus(r);

    m_description = table;
    m_loaded = true;
    const QString selected = m_regionList->currentItem() ? m_regionList->currentItem()->data(RegionColumn, RegionRole).toString()
                                                         : QString();
    m_regionList->clear();
    const auto addRow = [this, &selected](const QString &region, const QString &text, const QString &status, bool isLocal) {
        auto *item = new QTreeWidgetItem(m_regionList);
        item->setText(RegionColumn, text);
        item->setIcon(RegionColumn, QIcon(QStringLiteral(":/dynamodesk/icons/region.svg")));
        item->setData(RegionColumn, RegionRole, region);
        item->setData(RegionColumn, LocalRole, isLocal);
        item->setText(StatusColumn, status);
        if (isLocal) {
            QFont f = item->font(RegionColumn);
            f.setBold(true);
            item->setFont(RegionColumn, f);
        }
        if (region == selected)
            m_regionList->setCurrentItem(item);
    };
    addRow(local, tr("%1 (this region)").arg(local), str(table, "TableStatus"), true);
    QStringList creating, deleting, other;
    const QJsonArray replicas = table.value(QStringLiteral("Replicas")).toArray();
    for (const auto &v : replicas) {
        const QJsonObject replica = v.toObject();
        const QString region = str(replica, "RegionName");
        const QString status = str(replica, "ReplicaStatus");
        QString shown = status;
        if (replica.contains(QStringLiteral("ReplicaStatusPercentProgress")))
            shown = tr("%1 (%2%)").arg(status, str(replica, "ReplicaStatusPercentProgress"));
        addRow(region, region, shown, false);
        if (status == QLatin1String("CREATING"))
            creating << region;
        else if (status == QLatin1String("DELETING"))
            deleting << region;
        else if (status != QLatin1String("ACTIVE"))
            other << region;
    }
    m_emptyHint->setVisible(replicas.isEmpty());

    QStringList progress;
    if (!creating.isEmpty())
        progress << tr("Copying items to %1…").arg(creating.join(QLatin1String(", ")));
    if (!deleting.isEmpty())
        progress << tr("Removing the replica in %1…").arg(deleting.join(QLatin1String(", ")));
    if (!other.isEmpty())
        progress << tr("Waiting for %1…").arg(other.join(QLatin1String(", ")));
    if (progress.isEmpty() && isBusy())
        progress << tr("Updating the table…");
    if (!m_pendingAction.isEmpty())
        progress.prepend(pendingText());
    showProgress(progress.join(QLatin1Char(' ')), isBusy() || !m_pendingAction.isEmpty());

    // The regions offered: the common ones not in the group yet, keeping what the user typed.
    const QStringList group = regions();
    QStringList offered;
    for (const QString &r : commonRegions())
        if (!group.contains(r))
            offered << r;
    QStringList current;
    for (int i = 0; i < m_regionCombo->count(); ++i)
        current << m_regionCombo->itemText(i);
    if (offered != current) {
        const QString typed = m_regionCombo->currentText().trimmed();
        m_regionCombo->clear();
        m_regionCombo->addItems(offered);
        m_regionCombo->setCurrentText(!typed.isEmpty() && !group.contains(typed) ? typed : offered.value(0));
    }

    QStringList statuses;
    for (const QString &r : group)
        statuses << regionStatus(r);
    if (!before.isEmpty() && (group != before || statuses != statusesBefore))
        emit replicasChanged();
    if (isBusy() && !m_poll.isActive() && !m_describe.isRunning())
        m_poll.start();
    updateButtons();
}

void ReplicasDialog::updateButtons()
{
    const QTreeWidgetItem *item = m_regionList->currentItem();
    const bool replicaSelected = item && !item->data(RegionColumn, LocalRole).toBool();
    const QString selectedStatus = item ? item->text(StatusColumn) : QString();
    const bool can = canChange();
    m_add->setEnabled(can && !m_regionCombo->currentText().trimmed().isEmpty());
    m_remove->setEnabled(can && replicaSelected);
    m_open->setEnabled(replicaSelected && !selectedStatus.startsWith(QLatin1String("DELETING")));
}

void ReplicasDialog::openSelectedRegion()
{
    const QTreeWidgetItem *item = m_regionList->currentItem();
    if (!item || item->data(RegionColumn, LocalRole).toBool() || !m_open->isEnabled())
        return;
    emit openRegionRequested(m_connection, item->data(RegionColumn, RegionRole).toString(), m_table);
}

QStringList ReplicasDialog::regions() const
{
    QStringList out;
    if (!m_loaded)
        return out;
    out << m_connection->region();
    for (const auto &v : m_description.value(QStringLiteral("Replicas")).toArray())
        out << str(v.toObject(), "RegionName");
    return out;
}

QString ReplicasDialog::regionStatus(const QString &region) const
{
    if (!m_loaded)
        return QString();
    if (region == m_connection->region())
        return str(m_description, "TableStatus");
    for (const auto &v : m_description.value(QStringLiteral("Replicas")).toArray())
        if (str(v.toObject(), "RegionName") == region)
            return str(v.toObject(), "ReplicaStatus");
    return QString();
}

bool ReplicasDialog::isBusy() const
{
    if (!m_loaded)
        return false;
    const QString status = str(m_description, "TableStatus");
    if (status == QLatin1String("UPDATING") || status == QLatin1String("CREATING"))
        return true;
    for (const auto &v : m_description.value(QStringLiteral("Replicas")).toArray())
        if (str(v.toObject(), "ReplicaStatus") != QLatin1String("ACTIVE"))
            return true;
    return false;
}

QString ReplicasDialog::errorText() const
{
    return m_error->text();
}

QString ReplicasDialog::progressText() const
{
    return m_progress->text();
}

} // namespace dd::ui
