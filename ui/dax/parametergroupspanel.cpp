#include "dax/parametergroupspanel.h"

#include "common/confirm.h"
#include "common/errorlabel.h"
#include "common/responses.h"
#include "common/watchers.h"
#include "connections/connection.h"
#include "dax/ttleditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dd::ui {

namespace {

const QString kRecordTtl = QStringLiteral("record-ttl-millis");
const QString kQueryTtl = QStringLiteral("query-ttl-millis");

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

ParameterGroupsPanel::ParameterGroupsPanel(Connection *connection, QWidget *parent) : QWidget(parent), m_connection(connection)
{
    setObjectName(QStringLiteral("parameterGroups"));

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("parameterGroupList"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Parameter group"), tr("Description")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    m_newButton = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/add.svg")), tr("&New parameter group…"), this);
    m_newButton->setObjectName(QStringLiteral("newParameterGroup"));
    m_newButton->setAutoDefault(false);
    m_newButton->setToolTip(tr("Dax.CreateParameterGroup: a group starts with the default TTLs"));
    m_deleteButton = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/delete.svg")), tr("D&elete group…"), this);
    m_deleteButton->setObjectName(QStringLiteral("deleteParameterGroup"));
    m_deleteButton->setAutoDefault(false);
    m_deleteButton->setToolTip(tr("Dax.DeleteParameterGroup (DAX refuses while a cluster uses the group)"));
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_newButton);
    listButtons->addWidget(m_deleteButton);
    listButtons->addStretch(1);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    m_editor = new TtlEditor(this);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("parameterGroupStatus"));
    m_status->setWordWrap(true);
    m_status->setVisible(false);
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("parameterGroupError"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addWidget(m_editor, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_error);

    connect(&m_listCall, &QFutureWatcher<client::ApiResponse>::finished, this, &ParameterGroupsPanel::onListed);
    connect(&m_describe, &QFutureWatcher<client::ApiResponse>::finished, this, &ParameterGroupsPanel::onDescribed);
    connect(&m_update, &QFutureWatcher<client::ApiResponse>::finished, this, &ParameterGroupsPanel::onSaved);
    connect(&m_create, &QFutureWatcher<client::ApiResponse>::finished, this, &ParameterGroupsPanel::onCreated);
    connect(&m_delete, &QFutureWatcher<client::ApiResponse>::finished, this, &ParameterGroupsPanel::onDeleted);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &ParameterGroupsPanel::onSelected);
    connect(m_editor, &TtlEditor::saveRequested, this, &ParameterGroupsPanel::save);
    connect(m_newButton, &QPushButton::clicked, this, &ParameterGroupsPanel::askNewGroup);
    connect(m_deleteButton, &QPushButton::clicked, this, &ParameterGroupsPanel::deleteSelected);

    refresh();
}

ParameterGroupsPanel::~ParameterGroupsPanel()
{
    stopWatcher(m_listCall);
    stopWatcher(m_describe);
    // Not cancelled: a change asked for is sent even if the panel goes first.
    for (auto *w : {&m_update, &m_create, &m_delete})
        letFinish(*w);
}

void ParameterGroupsPanel::refresh()
{
    if (m_listing)
        return;
    m_listing = true;
    if (m_wantedGroup.isEmpty())
        m_wantedGroup = selectedGroup();
    m_reading.clear();
    listPage(QString());
    updateForm();
}

void ParameterGroupsPanel::listPage(const QString &nextToken)
{
    QJsonObject request;
    if (!nextToken.isEmpty())
        request.insert(QStringLiteral("NextToken"), nextToken);
    m_listCall.setFuture(m_connection->call(QStringLiteral("Dax.DescribeParameterGroups"), request));
}

void ParameterGroupsPanel::onListed()
{
    const client::ApiResponse r = m_listCall.result();
    if (!r.ok()) {
        m_listing = false;
        m_listAgain = false;
        setStatus(QString(), tr("Cannot list the parameter groups: %1").arg(ui::errorText(r)));
        updateForm();
        return;
    }
    for (const auto &v : r.body.value(QStringLiteral("ParameterGroups")).toArray())
        m_reading << v.toObject();
    const QString next = r.body.value(QStringLiteral("NextToken")).toString();
    if (!next.isEmpty()) {
        listPage(next);
        return;
    }
    if (m_listAgain) {
        m_listAgain = false;
        m_reading.clear();
        listPage(QString());
        return;
    }
    m_listing = false;
    m_rows = m_reading;
    m_reading.clear();
    showGroups();
    updateForm();
}

void ParameterGroupsPanel::showGroups()
{
    const QString wanted = m_wantedGroup;
    {
        const QSignalBlocker block(m_list);
        m_list->clear();
        for (const QJsonObject &g : std::as_const(m_rows)) {
            auto *item = new QTreeWidgetItem(m_list);
            item->setText(NameColumn, str(g, "ParameterGroupName"));
            item->setText(DescriptionColumn, str(g, "Description"));
            item->setToolTip(DescriptionColumn, str(g, "Description"));
        }
    }
    // The group wanted, else the one shown, else the first.
    if (!selectGroup(wanted) && !selectGroup(m_shownGroup) && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    m_wantedGroup.clear();
}

bool ParameterGroupsPanel::selectGroup(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->text(NameColumn) == name) {
            if (m_list->currentItem() == item)
                onSelected(); // read again: the values may have changed
            else
                m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

void ParameterGroupsPanel::onSelected()
{
    const QString group = selectedGroup();
    if (group != m_shownGroup) {
        m_shownGroup.clear();
        m_editor->clear(group);
    }
    if (!group.isEmpty())
        describe(group);
    updateForm();
}

void ParameterGroupsPanel::describe(const QString &group)
{
    if (m_describing)
        return; // onDescribed() asks again for the group selected by then
    m_describing = true;
    m_describingGroup = group;
    m_describe.setFuture(m_connection->call(QStringLiteral("Dax.DescribeParameters"), QJsonObject{{QStringLiteral("ParameterGroupName"), group}}));
}

void ParameterGroupsPanel::onDescribed()
{
    const client::ApiResponse r = m_describe.result();
    m_describing = false;
    const QString group = selectedGroup();
    if (m_describingGroup != group) {
        if (!group.isEmpty())
            describe(group);
        updateForm();
        return;
    }
    if (!r.ok()) {
        setStatus(QString(), tr("Cannot read the parameters of %1: %2").arg(group, ui::errorText(r)));
        updateForm();
        return;
    }
    QString record, query;
    for (const auto &v : r.body.value(QStringLiteral("Parameters")).toArray()) {
        const QJsonObject p = v.toObject();
        if (str(p, "ParameterName") == kRecordTtl)
            record = str(p, "ParameterValue");
        else if (str(p, "ParameterName") == kQueryTtl)
            query = str(p, "ParameterValue");
    }
    m_shownGroup = group;
    m_editor->showGroup(group, record, query, group == QLatin1String(kDefaultGroup));
    updateForm();
}

void ParameterGroupsPanel::setTtls(const QString &recordTtlMs, const QString &queryTtlMs)
{
    m_editor->setTtls(recordTtlMs, queryTtlMs);
}

bool ParameterGroupsPanel::save()
{
    if (!canSave())
        return false;
    const QString group = selectedGroup();
    const QJsonArray values{
        QJsonObject{{QStringLiteral("ParameterName"), kRecordTtl}, {QStringLiteral("ParameterValue"), m_editor->recordTtl().trimmed()}},
        QJsonObject{{QStringLiteral("ParameterName"), kQueryTtl}, {QStringLiteral("ParameterValue"), m_editor->queryTtl().trimmed()}}};
    setStatus(tr("Saving the TTLs of %1…").arg(group), QString());
    m_saving = true;
    m_editor->setSaving(true);
    m_update.setFuture(m_connection->call(QStringLiteral("Dax.UpdateParameterGroup"),
                                          QJsonObject{{QStringLiteral("ParameterGroupName"), group}, {QStringLiteral("ParameterNameValues"), values}}));
    updateForm();
    return true;
}

void ParameterGroupsPanel::onSaved()
{
    const client::ApiResponse r = m_update.result();
    m_saving = false;
    m_editor->setSaving(false);
    if (!r.ok()) {
        setStatus(QString(), tr("DAX refused the TTLs: %1").arg(ui::errorText(r)));
        updateForm();
        return;
    }
    const QString group = str(r.body.value(QStringLiteral("ParameterGroup")).toObject(), "ParameterGroupName");
    setStatus(tr("Saved the TTLs of %1; the clusters that use it apply them to what they cache from now on.").arg(group), QString());
    // What DAX now holds.
    if (group == selectedGroup())
        describe(group);
    updateForm();
}

void ParameterGroupsPanel::askNewGroup()
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("newParameterGroupDialog"));
    dialog->setWindowTitle(tr("New parameter group"));
    dialog->setLabelText(tr("Name of the new parameter group (letters, digits and hyphens, starting with a letter):"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &name) { createGroup(name.trimmed()); });
    dialog->open();
}

bool ParameterGroupsPanel::createGroup(const QString &name)
{
    if (name.isEmpty() || m_creating)
        return false;
    m_creating = true;
    setStatus(tr("Creating parameter group %1…").arg(name), QString());
    m_create.setFuture(m_connection->call(QStringLiteral("Dax.CreateParameterGroup"), QJsonObject{{QStringLiteral("ParameterGroupName"), name}}));
    updateForm();
    return true;
}

void ParameterGroupsPanel::onCreated()
{
    const client::ApiResponse r = m_create.result();
    m_creating = false;
    if (!r.ok()) {
        setStatus(QString(), tr("DAX refused the parameter group: %1").arg(ui::errorText(r)));
        updateForm();
        return;
    }
    // DAX keeps the name in lower case.
    m_wantedGroup = str(r.body.value(QStringLiteral("ParameterGroup")).toObject(), "ParameterGroupName");
    setStatus(tr("Created parameter group %1.").arg(m_wantedGroup), QString());
    emit groupsChanged();
    relist();
}

bool ParameterGroupsPanel::deleteSelected()
{
    const QString group = selectedGroup();
    if (group.isEmpty() || group == QLatin1String(kDefaultGroup) || m_deleting)
        return false;
    confirm(this, QMessageBox::Question, tr("Delete parameter group"),
            tr("Delete parameter group %1? DAX refuses while a cluster uses it.").arg(group),
            QStringLiteral("confirmDeleteParameterGroup"), [this, group] { deleteGroup(group); });
    return true;
}

bool ParameterGroupsPanel::deleteGroup(const QString &name)
{
    if (name.isEmpty() || m_deleting)
        return false;
    m_deleting = true;
    setStatus(tr("Deleting parameter group %1…").arg(name), QString());
    m_delete.setFuture(m_connection->call(QStringLiteral("Dax.DeleteParameterGroup"), QJsonObject{{QStringLiteral("ParameterGroupName"), name}}));
    updateForm();
    return true;
}

void ParameterGroupsPanel::onDeleted()
{
    const client::ApiResponse r = m_delete.result();
    m_deleting = false;
    if (!r.ok()) {
        setStatus(QString(), tr("DAX refused to delete the parameter group: %1").arg(ui::errorText(r)));
        updateForm();
        return;
    }
    setStatus(r.body.value(QStringLiteral("DeletionMessage")).toString(), QString());
    emit groupsChanged();
    relist();
}

void ParameterGroupsPanel::relist()
{
    if (m_listing)
        m_listAgain = true; // the listing under way may have been read before the change
    else
        refresh();
}

void ParameterGroupsPanel::setStatus(const QString &status, const QString &error)
{
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
    m_error->setError(error);
}

void ParameterGroupsPanel::updateForm()
{
    const QString group = selectedGroup();
    m_deleteButton->setEnabled(!group.isEmpty() && group != QLatin1String(kDefaultGroup) && !m_deleting);
    m_newButton->setEnabled(!m_creating);
}

bool ParameterGroupsPanel::canSave() const
{
    return parametersLoaded() && !m_saving && m_editor->canSave();
}

bool ParameterGroupsPanel::isLoading() const
{
    return m_listing || m_describing;
}

bool ParameterGroupsPanel::isBusy() const
{
    return m_saving || m_creating || m_deleting;
}

QStringList ParameterGroupsPanel::groupNames() const
{
    QStringList out;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        out << m_list->topLevelItem(i)->text(NameColumn);
    return out;
}

QString ParameterGroupsPanel::selectedGroup() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->text(NameColumn) : QString();
}

bool ParameterGroupsPanel::isReadOnly() const
{
    const QString group = selectedGroup();
    return group.isEmpty() || group == QLatin1String(kDefaultGroup);
}

QString ParameterGroupsPanel::recordTtl() const
{
    return m_editor->recordTtl();
}

QString ParameterGroupsPanel::queryTtl() const
{
    return m_editor->queryTtl();
}

QString ParameterGroupsPanel::errorText() const
{
    return m_error->text();
}

QString ParameterGroupsPanel::ttlErrorText() const
{
    return m_editor->errorText();
}

QString ParameterGroupsPanel::statusText() const
{
    return m_status->text();
}

} // namespace dd::ui
