#include "connections/connectiontree.h"

#include "common/tableencryption.h"
#include "common/tablekeys.h"
#include "common/watchers.h"
#include "connections/connection.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QJsonArray>
#include <QLocale>
#include <QStyle>
#include <QMenu>

namespace dd::ui {

namespace {

constexpr int kPollMs = 5000; // while served, other programs may change tables

QString keyText(const QJsonArray &schema)
{
    QStringList parts;
    for (const auto &k : schema)
        parts << k.toObject().value(QStringLiteral("AttributeName")).toString();
    return parts.join(QLatin1String(", "));
}

} // namespace

ConnectionTree::ConnectionTree(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("connectionTree"));
    setHeaderHidden(true);
    setColumnCount(1);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setIconSize(QSize(16, 16));
    setUniformRowHeights(true);
    connect(this, &QTreeWidget::customContextMenuRequested, this, &ConnectionTree::showMenu);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const int kind = item->data(0, KindRole).toInt();
        if (kind == TableItem || kind == IndexItem)
            emit openTableRequested(connectionAt(item), item->data(0, TableRole).toString());
    });
    m_pollTimer.setInterval(kPollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] {
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
            if (it.key()->isServing())
                refresh(it.key());
    });
    m_pollTimer.start();
}

ConnectionTree::~ConnectionTree()
{
    for (auto &e : m_entries)
        stopWatcher(*e.watcher);
}

void ConnectionTree::addConnection(Connection *connection)
{
    Entry e;
    e.item = new QTreeWidgetItem(this);
    e.item->setData(0, KindRole, ConnectionItem);
    e.region = new QTreeWidgetItem(e.item);
    e.region->setData(0, KindRole, RegionItem);
    e.region->setIcon(0, QIcon(QStringLiteral(":/dynamodesk/icons/region.svg")));
    e.region->setText(0, connection->region());
    e.watcher = new QFutureWatcher<TableListing>(this);
    connect(e.watcher, &QFutureWatcher<TableListing>::finished, this, [this, connection] { onListed(connection); });
    connect(connection, &Connection::tablesChanged, this, [this, connection] { refresh(connection); });
    connect(connection, &Connection::servingChanged, this, [this, connection] { updateConnectionItem(connection); });
    m_entries.insert(connection, e);
    updateConnectionItem(connection);
    e.item->setExpanded(true);
    e.region->setExpanded(true);
    refresh(connection);
}

void ConnectionTree::removeConnection(Connection *connection)
{
    auto it = m_entries.find(connection);
    if (it == m_entries.end())
        return;
    stopWatcher(*it->watcher);
    delete it->watcher;
    delete it->item;
    connection->disconnect(this);
    m_entries.erase(it);
}

void ConnectionTree::refresh(Connection *connection)
{
    auto it = m_entries.find(connection);
    if (it == m_entries.end())
        return;
    if (it->watcher->isRunning()) {
        it->again = true;
        return;
    }
    it->watcher->setFuture(startTableListing(connection));
}

void ConnectionTree::refreshAll()
{
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
        refresh(it.key());
}

void ConnectionTree::updateConnectionItem(Connection *connection)
{
    const Entry &e = m_entries[connection];
    const bool serving = connection->isServing();
    e.item->setText(0, serving ? tr("%1 · serving on 127.0.0.1:%2").arg(connection->displayName()).arg(connection->servingPort())
                               : connection->displayName());
    const bool encrypted = connection->settings().encrypted;
    e.item->setIcon(0, QIcon(serving     ? QStringLiteral(":/dynamodesk/icons/serve.svg")
                             : encrypted ? QStringLiteral(":/dynamodesk/icons/encrypted.svg")
                                         : QStringLiteral(":/dynamodesk/icons/database.svg")));
    e.item->setToolTip(0, encrypted ? connection->client().displayName() + QLatin1Char('\n') + tr("Encrypted at rest (AES-256)")
                                    : connection->client().displayName());
}

void ConnectionTree::onListed(Connection *connection)
{
    auto it = m_entries.find(connection);
    if (it == m_entries.end() || it->watcher->future().resultCount() == 0)
        return;
    const TableListing listing = it->watcher->result();
    QTreeWidgetItem *region = it->region;
    if (!listing.error.isEmpty()) {
        region->setToolTip(0, listing.error);
        region->setText(0, tr("%1 (error)").arg(connection->region()));
    } else {
        region->setText(0, connection->region());
        region->setToolTip(0, QString());
        // Rebuild, keeping which tables were expanded and which item was current.
        QSet<QString> expanded;
        for (int i = 0; i < region->childCount(); ++i)
            if (region->child(i)->isExpanded())
                expanded.insert(region->child(i)->data(0, TableRole).toString());
        const QString current = currentItem() && connectionAt(currentItem()) == connection ? currentTable() : QString();
        qDeleteAll(region->takeChildren());
        for (const QJsonObject &t : listing.tables) {
            const QString name = t.value(QStringLiteral("TableName")).toString();
            auto *table = new QTreeWidgetItem(region);
            table->setData(0, KindRole, TableItem);
            table->setData(0, TableRole, name);
            table->setText(0, name);
            table->setIcon(0, QIcon(QStringLiteral(":/dynamodesk/icons/table.svg")));
            QString tip = tr("%1\nKey: %2\nItems: %3 (updated about every six hours on AWS)")
                              .arg(name, keyText(t.value(QStringLiteral("KeySchema")).toArray()),
                                   QLocale().toString(qlonglong(t.value(QStringLiteral("ItemCount")).toDouble())));
            tip += QLatin1Char('\n') + tr("Encryption: %1").arg(TableEncryption::fromDescription(t).text());
            QStringList replicas;
            for (const auto &r : t.value(QStringLiteral("Replicas")).toArray())
                replicas << r.toObject().value(QStringLiteral("RegionName")).toString();
            if (!replicas.isEmpty())
                tip += QLatin1Char('\n') + tr("Global table, also in: %1").arg(replicas.join(QLatin1String(", ")));
            table->setToolTip(0, tip);
            if (listing.describeErrors.contains(name)) {
                table->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
                table->setToolTip(0, tr("%1\nCannot describe the table: %2").arg(name, listing.describeErrors.value(name)));
            }
            for (const char *kind : {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
                const bool global = QLatin1String(kind).startsWith(QLatin1Char('G'));
                for (const auto &v : t.value(QLatin1String(kind)).toArray()) {
                    const QJsonObject ix = v.toObject();
                    auto *index = new QTreeWidgetItem(table);
                    index->setData(0, KindRole, IndexItem);
                    index->setData(0, TableRole, name);
                    const QString indexName = ix.value(QStringLiteral("IndexName")).toString();
                    if (global)
                        index->setData(0, IndexRole, indexName);
                    // A multi-attribute key reads "byRound (tenant, year / area, round, tag)".
                    const TableKeys keys = TableKeys::fromDescription(t, indexName);
                    index->setText(0, QStringLiteral("%1 (%2)").arg(indexName, keys.text(false)));
                    index->setIcon(0, QIcon(QStringLiteral(":/dynamodesk/icons/index.svg")));
                    auto list = [](const QList<TableKeys::Attribute> &attributes) {
                        QStringList parts;
                        for (const auto &a : attributes)
                            parts << QStringLiteral("%1 (%2)").arg(a.name, a.type);
                        return parts.join(QLatin1String(", "));
                    };
                    QString indexTip = global ? tr("Global secondary index") : tr("Local secondary index");
                    indexTip += QLatin1Char('\n') + tr("Partition key: %1").arg(list(keys.partitions));
                    if (!keys.sorts.isEmpty())
                        indexTip += QLatin1Char('\n') + tr("Sort key: %1").arg(list(keys.sorts));
                    index->setToolTip(0, indexTip);
                }
            }
            table->setExpanded(expanded.contains(name));
            if (name == current)
                setCurrentItem(table);
        }
    }
    emit tablesListed(connection);
    if (it->again) {
        it->again = false;
        refresh(connection);
    }
}

Connection *ConnectionTree::connectionAt(QTreeWidgetItem *item) const
{
    while (item && item->parent())
        item = item->parent();
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
        if (it->item == item)
            return it.key();
    return nullptr;
}

Connection *ConnectionTree::currentConnection() const
{
    if (currentItem())
        return connectionAt(currentItem());
    return m_entries.isEmpty() ? nullptr : m_entries.begin().key();
}

QString ConnectionTree::currentTable() const
{
    return currentItem() ? currentItem()->data(0, TableRole).toString() : QString();
}

QTreeWidgetItem *ConnectionTree::connectionItem(Connection *connection) const
{
    const auto it = m_entries.find(connection);
    return it == m_entries.end() ? nullptr : it->item;
}

QTreeWidgetItem *ConnectionTree::tableItem(Connection *connection, const QString &table) const
{
    const auto it = m_entries.find(connection);
    if (it == m_entries.end())
        return nullptr;
    for (int i = 0; i < it->region->childCount(); ++i)
        if (it->region->child(i)->data(0, TableRole).toString() == table)
            return it->region->child(i);
    return nullptr;
}

void ConnectionTree::showMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = itemAt(pos);
    if (!item)
        return;
    Connection *connection = connectionAt(item);
    const int kind = item->data(0, KindRole).toInt();
    const QString table = item->data(0, TableRole).toString();
    QMenu menu(this);
    if (kind == TableItem || kind == IndexItem) {
        menu.addAction(QIcon(QStringLiteral(":/dynamodesk/icons/table.svg")), tr("&Open"), this,
                       [this, connection, table] { emit openTableRequested(connection, table); });
        menu.addAction(QIcon(QStringLiteral(":/dynamodesk/icons/newtable.svg")), tr("&Edit table…"), this,
                       [this, connection, table] { emit editTableRequested(connection, table); });
        menu.addAction(QIcon(QStringLiteral(":/dynamodesk/icons/copy.svg")), tr("&Copy name"), this,
                       [table] { QApplication::clipboard()->setText(table); });
        menu.addAction(QIcon(QStringLiteral(":/dynamodesk/icons/history.svg")), tr("Backups and &history"), this,
                       [this, connection, table] { emit historyRequested(connection, table); });
        menu.addAction(QIcon(QStringLiteral(":/dynamodesk/icons/key.svg")), tr("Contri&butor insights"), this,
                       [this, connection, table, index = item->data(0, IndexRole).toString()] {
                           emit contributorInsightsRequested(connection, table, index);
                       });
        menu.addAction(QIcon(QStringLiteral(":/dynamodesk/icons/run.svg")), tr("&PartiQL editor…"), this,
                       [this, connection, table] { emit partiqlRequested(connection, table); });
        menu.addAction(QIcon(QStringLiteral(":/dynamodesk/icons/region.svg")), tr("&Global table…"), this,
                       [this, connection, table] { emit replicasRequested(connection, table); });
        menu.addAction(QIcon(QStringLiteral(":/dynamodesk/icons/export.svg")), tr("E&xport to S3…"), this,
                       [this, connection, table] { emit exportRequested(connection, table); });
        menu.addAction(QIcon(QStringLiteral(":/dynamodesk/icons/copy.svg")), tr("Cop&y table to…"), this,
                       [this, connection, table] { emit copyTableRequested(connection, table); });
        menu.addAction(QIcon(QStringLiteral(":/dynamodesk/icons/key.svg")), tr("Resource po&licy…"), this,
                       [this, connection, table] { emit resourcePolicyRequested(connection, table); });
        menu.addSeparator();
        menu.addAction(QIcon(QStringLiteral(":/dynamodesk/icons/delete.svg")), tr("&Delete table…"), this,
                       [this, connection, table] { emit deleteTableRequested(connection, table); });
    } else {
        menu.addAction(QIcon(QStringLiteral(":/dynamodesk/icons/newtable.svg")), tr("&New table…"), this,
                       [this, connection] { emit newTableRequested(connection); });
        menu.addAction(QIcon(QStringLiteral(":/dynamodesk/icons/import.svg")), tr("&Import from S3…"), this,
                       [this, connection] { emit importRequested(connection); });
        menu.addAction(QIcon(QStringLiteral(":/dynamodesk/icons/export.svg")), tr("E&xports and imports…"), this,
                       [this, connection] { emit jobsRequested(connection); });
        menu.addAction(QIcon(QStringLiteral(":/dynamodesk/icons/refresh.svg")), tr("&Refresh"), this,
                       [this, connection] { refresh(connection); });
        menu.addAction(QIcon(QStringLiteral(":/dynamodesk/icons/run.svg")), tr("&PartiQL editor…"), this,
                       [this, connection] { emit partiqlRequested(connection, QString()); });
        if (connection->canServe()) {
            QAction *serve = menu.addAction(QIcon(QStringLiteral(":/dynamodesk/icons/serve.svg")), tr("&Serve on 127.0.0.1"));
            serve->setCheckable(true);
            serve->setChecked(connection->isServing());
            connect(serve, &QAction::toggled, this, [this, connection](bool on) { emit serveRequested(connection, on); });
        }
        if (connection->settings().kind == ConnectionSettings::Kind::Embedded && !connection->settings().inMemory) {
            menu.addAction(tr("Co&mpact data folder…"), this, [this, connection] { emit compactRequested(connection); });
            const QIcon lock(QStringLiteral(":/dynamodesk/icons/encrypted.svg"));
            if (connection->settings().encrypted) {
                menu.addAction(lock, tr("Change p&assphrase…"), this, [this, connection] { emit changePassphraseRequested(connection); });
                menu.addAction(tr("Decr&ypt data folder…"), this, [this, connection] { emit decryptRequested(connection); });
            } else {
                menu.addAction(lock, tr("Encr&ypt data folder…"), this, [this, connection] { emit encryptRequested(connection); });
            }
        }
        menu.addSeparator();
        menu.addAction(tr("&Close connection"), this, [this, connection] { emit closeConnectionRequested(connection); });
    }
    menu.exec(viewport()->mapToGlobal(pos));
}

} // namespace dd::ui
