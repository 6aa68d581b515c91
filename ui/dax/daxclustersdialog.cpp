#include "dax/daxclustersdialog.h"

#include "common/confirm.h"
#include "common/errorlabel.h"
#include "common/responses.h"
#include "common/watchers.h"
#include "connections/connection.h"
#include "dax/clustermetricspanel.h"
#include "dax/createclusterdialog.h"
#include "dax/daxtablewindow.h"
#include "dax/parametergroupspanel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

namespace dd::ui {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

bool isTransient(const QString &status)
{
    return status == QLatin1String("creating") || status == QLatin1String("modifying") || status == QLatin1String("deleting");
}

} // namespace

DaxClustersDialog::DaxClustersDialog(Connection *connection, QWidget *parent) : QDialog(parent), m_connection(connection)
{
    setObjectName(QStringLiteral("daxClustersDialog"));
    setWindowTitle(tr("DAX clusters: %1").arg(connection->displayName()));

    auto *clustersPage = new QWidget(this);
    m_list = new QTreeWidget(clustersPage);
    m_list->setObjectName(QStringLiteral("clusterList"));
    m_list->setColumnCount(6);
    m_list->setHeaderLabels({tr("Cluster"), tr("Status"), tr("Node type"), tr("Nodes"), tr("Parameter group"), tr("Endpoint")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);

    m_refreshButton = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/refresh.svg")), tr("&Refresh"), clustersPage);
    m_refreshButton->setObjectName(QStringLiteral("refreshClusters"));
    m_refreshButton->setToolTip(tr("Dax.DescribeClusters and Dax.DescribeParameterGroups again"));
    m_createButton = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/add.svg")), tr("&Create…"), clustersPage);
    m_createButton->setObjectName(QStringLiteral("createClusterButton"));
    m_createButton->setToolTip(tr("Creates a DAX cluster (Dax.CreateCluster)"));
    m_deleteButton = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/delete.svg")), tr("&Delete…"), clustersPage);
    m_deleteButton->setObjectName(QStringLiteral("deleteCluster"));
    m_deleteButton->setToolTip(tr("Deletes the selected cluster and its caches (Dax.DeleteCluster); the tables are not touched"));
    m_openTableButton = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/cache.svg")), tr("&Open table through cluster…"), clustersPage);
    m_openTableButton->setObjectName(QStringLiteral("openTableThroughCluster"));
    for (QPushButton *b : {m_refreshButton, m_createButton, m_deleteButton, m_openTableButton})
        b->setAutoDefault(false);
    auto *clusterButtons = new QHBoxLayout;
    clusterButtons->addWidget(m_refreshButton);
    clusterButtons->addWidget(m_createButton);
    clusterButtons->addWidget(m_deleteButton);
    clusterButtons->addStretch(1);
    clusterButtons->addWidget(m_openTableButton);
    auto *listPane = new QWidget(clustersPage);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_list, 1);
    listLayout->addLayout(clusterButtons);

    m_metrics = new ClusterMetricsPanel(connection, clustersPage);
    auto *split = new QSplitter(Qt::Vertical, clustersPage);
    split->setChildrenCollapsible(false);
    split->addWidget(listPane);
    split->addWidget(m_metrics);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    (new QVBoxLayout(clustersPage))->addWidget(split);

    m_groups = new ParameterGroupsPanel(connection, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("daxTabs"));
    m_tabs->addTab(clustersPage, QIcon(QStringLiteral(":/dynamodesk/icons/cache.svg")), tr("C&lusters"));
    m_tabs->addTab(m_groups, tr("&Parameter groups"));

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("daxBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("daxStatus"));
    m_status->setWordWrap(true);
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("daxError"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_busy);
    statusRow->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(statusRow);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(940, 640);

    m_poll.setSingleShot(true);
    m_poll.setInterval(kStatusPollMs);
    connect(&m_poll, &QTimer::timeout, this, &DaxClustersDialog::refresh);
    connect(&m_listCall, &QFutureWatcher<client::ApiResponse>::finished, this, &DaxClustersDialog::onListed);
    connect(&m_delete, &QFutureWatcher<client::ApiResponse>::finished, this, &DaxClustersDialog::onDeleted);
    connect(&m_listTables, &QFutureWatcher<TableNames>::finished, this, &DaxClustersDialog::onTables);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &DaxClustersDialog::onSelected);
    connect(m_refreshButton, &QPushButton::clicked, this, [this] {
        refresh();
        m_groups->refresh();
    });
    connect(m_createButton, &QPushButton::clicked, this, &DaxClustersDialog::createCluster);
    connect(m_deleteButton, &QPushButton::clicked, this, &DaxClustersDialog::deleteSelected);
    connect(m_openTableButton, &QPushButton::clicked, this, &DaxClustersDialog::openTableThroughSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    refresh();
}

DaxClustersDialog::~DaxClustersDialog()
{
    m_poll.stop();
    stopWatcher(m_listCall);
    stopWatcher(m_listTables);
    // Not cancelled: a delete asked for is sent even if the dialog closes first.
    letFinish(m_delete);
    // The windows browsing through a cluster wait for their jobs before the rest goes.
    qDeleteAll(findChildren<DaxTableWindow *>(Qt::FindDirectChildrenOnly));
}

void DaxClustersDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (hasTransientCluster() && !m_listing)
        m_poll.start();
}

void DaxClustersDialog::hideEvent(QHideEvent *event)
{
    m_poll.stop();
    QDialog::hideEvent(event);
}

void DaxClustersDialog::refresh()
{
    if (m_listing)
        return;
    m_listing = true;
    m_poll.stop();
    if (m_wantedCluster.isEmpty())
        m_wantedCluster = selectedCluster();
    m_reading.clear();
    listPage(QString());
    updateActions();
}

void DaxClustersDialog::listPage(const QString &nextToken)
{
    QJsonObject request;
    if (!nextToken.isEmpty())
        request.insert(QStringLiteral("NextToken"), nextToken);
    m_listCall.setFuture(m_connection->call(QStringLiteral("Dax.DescribeClusters"), request));
}

void DaxClustersDialog::onListed()
{
    const client::ApiResponse r = m_listCall.result();
    if (!r.ok()) {
        m_listing = false;
        m_listAgain = false;
        const QString type = r.error->type();
        if (type == QLatin1String("UnknownOperationException"))
            m_listError = tr("This endpoint does not offer DAX (%1). The embedded engine, dynamodesk-server and AWS do.").arg(type);
        else
            m_listError = tr("Cannot list the DAX clusters: %1").arg(ui::errorText(r));
        setStatus(QString(), m_listError);
        updateActions();
        return;
    }
    for (const auto &v : r.body.value(QStringLiteral("Clusters")).toArray())
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
    if (!m_listError.isEmpty() && m_error->text() == m_listError)
        m_error->setError(QString());
    m_listError.clear();
    showClusters();
    if (hasTransientCluster() && isVisible())
        m_poll.start();
    updateActions();
}

void DaxClustersDialog::showClusters()
{
    const QString wanted = m_wantedCluster.isEmpty() ? selectedCluster() : m_wantedCluster;
    m_wantedCluster.clear();
    const bool embedded = m_connection->settings().kind == ConnectionSettings::Kind::Embedded;
    {
        const QSignalBlocker block(m_list);
        m_list->clear();
        for (const QJsonObject &c : std::as_const(m_rows)) {
            const QString name = str(c, "ClusterName");
            auto *item = new QTreeWidgetItem(m_list);
            item->setText(NameColumn, name);
            item->setIcon(NameColumn, QIcon(QStringLiteral(":/dynamodesk/icons/cache.svg")));
            item->setToolTip(NameColumn, str(c, "ClusterArn") + (c.contains(QStringLiteral("Description"))
                                                                     ? QLatin1Char('\n') + str(c, "Description") : QString()));
            item->setText(StatusColumn, str(c, "Status"));
            item->setText(NodeTypeColumn, str(c, "NodeType"));
            const int total = c.value(QStringLiteral("TotalNodes")).toInt();
            const int active = c.value(QStringLiteral("ActiveNodes")).toInt();
            item->setText(NodesColumn, active == total ? QString::number(total) : tr("%1 of %2").arg(active).arg(total));
            item->setToolTip(NodesColumn, tr("Active nodes of the cluster's nodes"));
            item->setText(ParameterGroupColumn, str(c.value(QStringLiteral("ParameterGroup")).toObject(), "ParameterGroupName"));
            const QJsonObject endpoint = c.value(QStringLiteral("ClusterDiscoveryEndpoint")).toObject();
            QString url = str(endpoint, "URL");
            if (url.isEmpty() && endpoint.contains(QStringLiteral("Address")))
                url = QStringLiteral("%1:%2").arg(str(endpoint, "Address")).arg(endpoint.value(QStringLiteral("Port")).toInt());
            if (embedded) {
                // The engine cannot know where the app serves it; other programs reach the cluster there.
                url = m_connection->endpointForPrograms() + QStringLiteral("/dax/") + name;
                item->setToolTip(EndpointColumn, tr("Any DynamoDB client (AWS CLI, SDK) reaches the cluster's caches at this URL while "
                                                    "the database is served (Table ▸ Serve on 127.0.0.1)"));
            } else {
                item->setToolTip(EndpointColumn, url);
            }
            item->setText(EndpointColumn, url);
        }
    }
    if (!selectCluster(wanted) && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    onSelected();
}

bool DaxClustersDialog::selectCluster(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->text(NameColumn) == name) {
            m_list->setCurrentItem(m_list->topLevelItem(i));
            return true;
        }
    }
    return false;
}

void DaxClustersDialog::onSelected()
{
    m_metrics->setCluster(selectedCluster());
    updateActions();
}

CreateClusterDialog *DaxClustersDialog::createCluster()
{
    if (auto *open = findChild<CreateClusterDialog *>(QString(), Qt::FindDirectChildrenOnly)) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto *dialog = new CreateClusterDialog(m_connection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CreateClusterDialog::created, this, [this](const QJsonObject &cluster) {
        const QString name = str(cluster, "ClusterName");
        setStatus(tr("Created cluster %1 (%2).").arg(name, str(cluster, "Status")), QString());
        m_wantedCluster = name;
        if (m_listing)
            m_listAgain = true;
        else
            refresh();
    });
    dialog->show();
    return dialog;
}

bool DaxClustersDialog::deleteSelected()
{
    const QString name = selectedCluster();
    if (name.isEmpty() || m_deleting)
        return false;
    confirm(this, QMessageBox::Question, tr("Delete DAX cluster"),
            tr("Delete DAX cluster %1? Its caches go; the tables are not touched. Programs using its endpoint "
               "get errors from then on.")
                .arg(name),
            QStringLiteral("confirmDeleteCluster"), [this, name] { deleteCluster(name); });
    return true;
}

bool DaxClustersDialog::deleteCluster(const QString &name)
{
    if (name.isEmpty() || m_deleting)
        return false;
    m_deleting = true;
    setStatus(tr("Deleting cluster %1…").arg(name), QString());
    m_delete.setFuture(m_connection->call(QStringLiteral("Dax.DeleteCluster"), QJsonObject{{QStringLiteral("ClusterName"), name}}));
    updateActions();
    return true;
}

void DaxClustersDialog::onDeleted()
{
    const client::ApiResponse r = m_delete.result();
    m_deleting = false;
    if (!r.ok()) {
        setStatus(QString(), tr("DAX refused to delete the cluster: %1").arg(ui::errorText(r)));
        updateActions();
        return;
    }
    const QJsonObject cluster = r.body.value(QStringLiteral("Cluster")).toObject();
    setStatus(tr("Cluster %1 is %2.").arg(str(cluster, "ClusterName"), str(cluster, "Status")), QString());
    if (m_listing)
        m_listAgain = true;
    else
        refresh();
}

bool DaxClustersDialog::openTableThroughSelected()
{
    const QString cluster = selectedCluster();
    if (cluster.isEmpty() || !canBrowseThroughClusters() || m_listingTables)
        return false;
    m_listingTables = true;
    m_tablesFor = cluster;
    setStatus(tr("Listing the tables…"), QString());
    Connection *connection = m_connection;
    m_listTables.setFuture(QtConcurrent::run(connection->pool(), [connection] { return listTableNames(connection); }));
    updateActions();
    return true;
}

void DaxClustersDialog::onTables()
{
    const TableNames listed = m_listTables.result();
    if (!listed.error.isEmpty()) {
        m_listingTables = false;
        setStatus(QString(), tr("Cannot list the tables: %1").arg(listed.error));
        updateActions();
        return;
    }
    m_listingTables = false;
    setStatus(QString(), QString());
    updateActions();
    if (listed.names.isEmpty()) {
        setStatus(QString(), tr("%1 has no tables to open.").arg(m_connection->displayName()));
        return;
    }
    chooseTable(listed.names);
}

void DaxClustersDialog::chooseTable(const QStringList &tables)
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("chooseTableDialog"));
    dialog->setWindowTitle(tr("Open table through cluster %1").arg(m_tablesFor));
    dialog->setLabelText(tr("Table to browse through DAX cluster %1:").arg(m_tablesFor));
    dialog->setComboBoxItems(tables);
    dialog->setComboBoxEditable(false);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString cluster = m_tablesFor;
    connect(dialog, &QInputDialog::textValueSelected, this, [this, cluster](const QString &table) { openTableThroughCluster(cluster, table); });
    dialog->open();
}

DaxTableWindow *DaxClustersDialog::openTableThroughCluster(const QString &cluster, const QString &table)
{
    if (cluster.isEmpty() || table.isEmpty())
        return nullptr;
    for (auto *w : findChildren<DaxTableWindow *>(Qt::FindDirectChildrenOnly)) {
        if (w->cluster() == cluster && w->tableName() == table) {
            w->show();
            w->raise();
            w->activateWindow();
            return w;
        }
    }
    std::unique_ptr<Connection> routed = canBrowseThroughClusters() ? m_connection->throughDaxCluster(cluster) : nullptr;
    if (!routed) {
        setStatus(QString(), tr("This connection cannot send requests through a DAX cluster."));
        return nullptr;
    }
    auto *window = new DaxTableWindow(std::move(routed), table, this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    setStatus(tr("Opened %1 through cluster %2.").arg(table, cluster), QString());
    return window;
}

void DaxClustersDialog::updateActions()
{
    const bool selected = !selectedCluster().isEmpty();
    m_refreshButton->setEnabled(!m_listing);
    m_deleteButton->setEnabled(selected && !m_deleting);
    m_openTableButton->setEnabled(selected && canBrowseThroughClusters() && !m_listingTables);
    m_openTableButton->setToolTip(canBrowseThroughClusters()
                                      ? tr("Browses a table with its item operations sent through the selected cluster, so that its caches "
                                           "answer the reads")
                                      : tr("AWS's DAX clusters speak their own protocol inside their VPC: Dynamodesk cannot send "
                                           "requests through them"));
    m_busy->setVisible(m_listing || m_deleting || m_listingTables);
    if (m_status->text().isEmpty() && m_error->text().isEmpty() && !m_listing)
        m_status->setText(tr("%n cluster(s).", nullptr, int(m_rows.size())));
}

void DaxClustersDialog::setStatus(const QString &status, const QString &error)
{
    m_status->setText(status);
    m_error->setError(error);
}

bool DaxClustersDialog::hasTransientCluster() const
{
    return std::any_of(m_rows.begin(), m_rows.end(), [](const QJsonObject &c) { return isTransient(str(c, "Status")); });
}

bool DaxClustersDialog::isLoading() const
{
    return m_listing;
}

bool DaxClustersDialog::canBrowseThroughClusters() const
{
    return m_connection->settings().kind != ConnectionSettings::Kind::Aws;
}

QStringList DaxClustersDialog::clusterNames() const
{
    QStringList out;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        out << m_list->topLevelItem(i)->text(NameColumn);
    return out;
}

QString DaxClustersDialog::selectedCluster() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->text(NameColumn) : QString();
}

QJsonObject DaxClustersDialog::clusterDescription(const QString &name) const
{
    for (const QJsonObject &c : m_rows)
        if (str(c, "ClusterName") == name)
            return c;
    return {};
}

QString DaxClustersDialog::errorText() const
{
    return m_error->text();
}

QString DaxClustersDialog::statusText() const
{
    return m_status->text();
}

} // namespace dd::ui
