#include "dax/createclusterdialog.h"

#include "common/errorlabel.h"
#include "common/responses.h"
#include "common/watchers.h"
#include "connections/connection.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHash>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace dd::ui {

namespace {

constexpr const char *kDefaultGroup = "default.dax1.0";

// A node type's memory, for the combo ("dax.r5.large" -> 16 GiB), as the
// DAX pricing page lists them.
int memoryGiB(const QString &nodeType)
{
    static const QHash<QString, int> memory{
        {QStringLiteral("dax.t3.small"), 2},     {QStringLiteral("dax.t3.medium"), 4},    {QStringLiteral("dax.r5.large"), 16},
        {QStringLiteral("dax.r5.xlarge"), 32},   {QStringLiteral("dax.r5.2xlarge"), 64},  {QStringLiteral("dax.r5.4xlarge"), 128},
        {QStringLiteral("dax.r5.8xlarge"), 256}, {QStringLiteral("dax.r5.12xlarge"), 384}, {QStringLiteral("dax.r5.16xlarge"), 512},
        {QStringLiteral("dax.r5.24xlarge"), 768}};
    return memory.value(nodeType);
}

} // namespace

QStringList CreateClusterDialog::nodeTypes()
{
    return {QStringLiteral("dax.t3.small"),    QStringLiteral("dax.t3.medium"),   QStringLiteral("dax.r5.large"),
            QStringLiteral("dax.r5.xlarge"),   QStringLiteral("dax.r5.2xlarge"),  QStringLiteral("dax.r5.4xlarge"),
            QStringLiteral("dax.r5.8xlarge"),  QStringLiteral("dax.r5.12xlarge"), QStringLiteral("dax.r5.16xlarge"),
            QStringLiteral("dax.r5.24xlarge")};
}

CreateClusterDialog::CreateClusterDialog(Connection *connection, QWidget *parent) : QDialog(parent), m_connection(connection)
{
    setObjectName(QStringLiteral("createClusterDialog"));
    setWindowTitle(tr("Create DAX cluster: %1").arg(connection->displayName()));

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("clusterName"));
    m_name->setMaxLength(20);
    m_name->setPlaceholderText(tr("e.g. orders-cache"));
    auto *nameRules = new QLabel(tr("1 to 20 letters, digits and hyphens, starting with a letter; no two hyphens in a row and none at the "
                                    "end. DAX stores the name in lower case."),
                                 this);
    nameRules->setObjectName(QStringLiteral("clusterNameRules"));
    nameRules->setWordWrap(true);
    nameRules->setEnabled(false); // the hint's grey

    m_nodeType = new QComboBox(this);
    m_nodeType->setObjectName(QStringLiteral("nodeType"));
    for (const QString &type : nodeTypes())
        m_nodeType->addItem(tr("%1 (%2 GiB)").arg(type).arg(memoryGiB(type)), type);
    m_nodeType->setToolTip(tr("A local cluster's caches use at most the engine's limit, whatever the node's memory"));

    m_nodes = new QSpinBox(this);
    m_nodes->setObjectName(QStringLiteral("replicationFactor"));
    m_nodes->setRange(1, kMaxNodes);
    m_nodes->setValue(1);
    m_nodes->setToolTip(tr("Nodes in the cluster: one primary and up to ten read replicas (AWS recommends three or more for production)"));

    m_parameterGroup = new QComboBox(this);
    m_parameterGroup->setObjectName(QStringLiteral("parameterGroup"));
    m_parameterGroup->addItem(QLatin1String(kDefaultGroup));
    m_parameterGroup->setToolTip(tr("The parameter group sets the item and query caches' TTLs"));

    m_role = new QLineEdit(QLatin1String(kLocalRoleArn), this);
    m_role->setObjectName(QStringLiteral("iamRoleArn"));
    m_role->setToolTip(tr("The role DAX assumes to reach your tables; on AWS it must exist and trust dax.amazonaws.com"));
    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("clusterDescription"));
    m_description->setPlaceholderText(tr("Optional"));

    auto *nameBox = new QVBoxLayout;
    nameBox->setSpacing(2);
    nameBox->addWidget(m_name);
    nameBox->addWidget(nameRules);
    auto *form = new QFormLayout;
    form->addRow(tr("Cluster &name:"), nameBox);
    form->addRow(tr("Node &type:"), m_nodeType);
    form->addRow(tr("N&odes:"), m_nodes);
    form->addRow(tr("&Parameter group:"), m_parameterGroup);
    form->addRow(tr("&IAM role ARN:"), m_role);
    form->addRow(tr("&Description:"), m_description);
    // The label of a row given as a layout has no buddy yet.
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(nameBox)))
        label->setBuddy(m_name);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("createClusterBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_busy->setVisible(false);
    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("createClusterProgress"));
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("createClusterError"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_createButton = buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    m_createButton->setObjectName(QStringLiteral("createCluster"));
    m_createButton->setIcon(QIcon(QStringLiteral(":/dynamodesk/icons/add.svg")));
    m_createButton->setDefault(true);
    m_createButton->setToolTip(tr("Dax.CreateCluster"));

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_busy);
    progressRow->addWidget(m_progress, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(progressRow);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(&m_groups, &QFutureWatcher<client::ApiResponse>::finished, this, &CreateClusterDialog::onGroups);
    connect(&m_create, &QFutureWatcher<client::ApiResponse>::finished, this, &CreateClusterDialog::onCreated);
    // Accepted only when DAX says so (onCreated()).
    connect(m_createButton, &QPushButton::clicked, this, &CreateClusterDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &CreateClusterDialog::updateForm);
    connect(m_role, &QLineEdit::textChanged, this, &CreateClusterDialog::updateForm);

    m_groups.setFuture(m_connection->call(QStringLiteral("Dax.DescribeParameterGroups"), QJsonObject()));
    updateForm();
    m_name->setFocus();
    resize(600, sizeHint().height());
}

CreateClusterDialog::~CreateClusterDialog()
{
    stopWatcher(m_groups);
    // Not cancelled: a cluster asked for is created even if the dialog closes first.
    letFinish(m_create);
}

void CreateClusterDialog::onGroups()
{
    const client::ApiResponse r = m_groups.result();
    m_groupsLoaded = true;
    if (!r.ok()) {
        // The default group stays offered; DAX's answer to Create will say more.
        m_error->setError(tr("Cannot list the parameter groups: %1").arg(ui::errorText(r)));
        fitHeight();
        return;
    }
    const QString chosen = m_parameterGroup->currentText();
    const QSignalBlocker block(m_parameterGroup);
    m_parameterGroup->clear();
    for (const auto &v : r.body.value(QStringLiteral("ParameterGroups")).toArray()) {
        const QJsonObject g = v.toObject();
        const QString name = g.value(QStringLiteral("ParameterGroupName")).toString();
        m_parameterGroup->addItem(name);
        m_parameterGroup->setItemData(m_parameterGroup->count() - 1, g.value(QStringLiteral("Description")).toString(), Qt::ToolTipRole);
    }
    if (m_parameterGroup->count() == 0)
        m_parameterGroup->addItem(QLatin1String(kDefaultGroup));
    m_parameterGroup->setCurrentIndex(std::max(0, m_parameterGroup->findText(chosen)));
}

bool CreateClusterDialog::create()
{
    if (!canCreate())
        return false;
    QJsonObject request{{QStringLiteral("ClusterName"), m_name->text().trimmed()},
                        {QStringLiteral("NodeType"), m_nodeType->currentData().toString()},
                        {QStringLiteral("ReplicationFactor"), m_nodes->value()},
                        {QStringLiteral("IamRoleArn"), m_role->text().trimmed()},
                        {QStringLiteral("ParameterGroupName"), m_parameterGroup->currentText()}};
    const QString description = m_description->text().trimmed();
    if (!description.isEmpty())
        request.insert(QStringLiteral("Description"), description);
    m_error->setError(QString());
    m_progress->setText(tr("Creating cluster %1…").arg(m_name->text().trimmed()));
    m_busy->setVisible(true);
    m_creating = true;
    m_create.setFuture(m_connection->call(QStringLiteral("Dax.CreateCluster"), request));
    updateForm();
    return true;
}

void CreateClusterDialog::onCreated()
{
    const client::ApiResponse r = m_create.result();
    m_creating = false;
    m_busy->setVisible(false);
    m_progress->clear();
    if (!r.ok()) {
        m_error->setError(tr("DAX refused the cluster: %1").arg(ui::errorText(r)));
        fitHeight();
        updateForm();
        m_name->setFocus();
        return;
    }
    m_created = r.body.value(QStringLiteral("Cluster")).toObject();
    updateForm();
    emit created(m_created);
    accept();
}

void CreateClusterDialog::fitHeight()
{
    // The wrapped message would squeeze the form: grow to the height the layout needs at this width.
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width()) : layout()->totalSizeHint().height();
    if (height() < needed)
        resize(width(), needed);
}

void CreateClusterDialog::updateForm()
{
    m_createButton->setEnabled(canCreate());
}

bool CreateClusterDialog::canCreate() const
{
    return !m_name->text().trimmed().isEmpty() && !m_role->text().trimmed().isEmpty() && !m_creating;
}

QStringList CreateClusterDialog::parameterGroups() const
{
    QStringList out;
    for (int i = 0; i < m_parameterGroup->count(); ++i)
        out << m_parameterGroup->itemText(i);
    return out;
}

QString CreateClusterDialog::errorText() const
{
    return m_error->text();
}

} // namespace dd::ui
