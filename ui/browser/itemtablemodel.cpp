#include "browser/itemtablemodel.h"

#include "common/attributeformat.h"
#include "common/responses.h"
#include "common/watchers.h"
#include "connections/connection.h"

#include <QIcon>
#include <QJsonArray>
#include <QtConcurrent>

#include <algorithm>

namespace dd::ui {

ItemTableModel::ItemTableModel(Connection *connection, QObject *parent)
    : QAbstractTableModel(parent), m_connection(connection)
{
    connect(&m_watcher, &QFutureWatcher<Page>::finished, this, &ItemTableModel::onPage);
    connect(&m_refreshWatcher, &QFutureWatcher<Refresh>::finished, this, &ItemTableModel::onRefreshed);
}

ItemTableModel::~ItemTableModel()
{
    stopWatcher(m_watcher);
    stopWatcher(m_refreshWatcher);
}

bool ItemTableModel::remember(const QJsonObject &item)
{
    // A projection without the key attributes leaves nothing to tell rows
    // apart by: keep every row then.
    const QJsonObject key = m_keys.keyOf(item);
    if (key.size() < m_keys.names().size())
        return true;
    const QString id = m_keys.identity(item);
    if (m_identities.contains(id))
        return false;
    m_identities.insert(id);
    return true;
}

void ItemTableModel::refresh()
{
    if (m_operation.isEmpty())
        return;
    ++m_generation; // a page in flight belongs to the old rows
    m_stopped = false;
    const quint64 generation = m_generation;
    const int target = qMax(int(m_items.size()), 1);
    setLoading(true);
    Connection *connection = m_connection;
    const QString operation = m_operation;
    const QJsonObject request = m_request;
    m_refreshWatcher.setFuture(QtConcurrent::run(connection->pool(), [=] {
        Refresh r;
        r.generation = generation;
        QJsonObject req = request;
        for (;;) {
            const auto response = connection->callSync(operation, req);
            if (!response.ok()) {
                r.error = errorText(response);
                break;
            }
            for (const auto &v : response.body.value(QStringLiteral("Items")).toArray())
                r.items.append(v.toObject());
            ++r.pages;
            const double c = Connection::consumedCapacity(response.body);
            if (c > 0)
                r.capacity += c;
            r.cursor = response.body.value(QStringLiteral("LastEvaluatedKey")).toObject();
            if (r.cursor.isEmpty() || r.items.size() >= target)
                break;
            req.insert(QStringLiteral("ExclusiveStartKey"), r.cursor);
        }
        return r;
    }));
}

void ItemTableModel::onRefreshed()
{
    if (m_refreshWatcher.future().resultCount() == 0)
        return;
    Refresh r = m_refreshWatcher.result();
    if (r.generation != m_generation)
        return;
    setLoading(false);
    if (!r.error.isEmpty()) {
        emit loadFailed(r.error);
        return;
    }
    beginResetModel();
    m_items.clear();
    m_identities.clear();
    for (const QJsonObject &item : std::as_const(r.items))
        if (remember(item))
            m_items.append(item);
    m_columns = keyColumns();
    m_columnIndex.clear();
    for (int i = 0; i < m_columns.size(); ++i)
        m_columnIndex.insert(m_columns[i], i);
    QStringList added;
    for (const auto &item : std::as_const(m_items))
        for (auto it = item.begin(); it != item.end(); ++it)
            if (!m_columnIndex.contains(it.key()) && !added.contains(it.key()))
                added << it.key();
    std::sort(added.begin(), added.end());
    for (const QString &name : added) {
        m_columnIndex.insert(name, int(m_columns.size()));
        m_columns << name;
    }
    m_cursor = r.cursor;
    m_complete = r.cursor.isEmpty();
    m_pages = r.pages;
    m_totalCapacity = r.capacity;
    endResetModel();
    emit refreshed();
}

void ItemTableModel::setQuery(const QString &operation, const QJsonObject &request, const TableKeys &keys)
{
    setQuery(operation, request, keys, TableKeys());
}

QStringList ItemTableModel::keyColumns() const
{
    QStringList columns = m_keys.names();
    for (const QString &n : m_indexKeys.names())
        if (!columns.contains(n))
            columns << n;
    return columns;
}

void ItemTableModel::setQuery(const QString &operation, const QJsonObject &request, const TableKeys &keys, const TableKeys &indexKeys)
{
    beginResetModel();
    ++m_generation;
    m_operation = operation;
    m_request = request;
    m_request.remove(QStringLiteral("ExclusiveStartKey"));
    m_keys = keys;
    m_indexKeys = indexKeys;
    m_items.clear();
    m_identities.clear();
    m_columns = keyColumns();
    m_columnIndex.clear();
    for (int i = 0; i < m_columns.size(); ++i)
        m_columnIndex.insert(m_columns[i], i);
    m_cursor = QJsonObject();
    m_started = false;
    m_complete = false;
    m_stopped = false;
    m_pages = 0;
    m_totalCapacity = 0;
    endResetModel();
    setLoading(false);
    requestPage();
}

void ItemTableModel::reload()
{
    if (!m_operation.isEmpty())
        setQuery(m_operation, m_request, m_keys, m_indexKeys); // an index query keeps its key columns
}

void ItemTableModel::stop()
{
    ++m_generation;
    m_stopped = m_loading && !m_complete;
    setLoading(false);
    emit stoppedChanged(m_stopped);
}

void ItemTableModel::resume()
{
    if (!m_stopped)
        return;
    m_stopped = false;
    emit stoppedChanged(false);
    requestPage();
}

int ItemTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ItemTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant ItemTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &item = m_items.at(index.row());
    if (role == ItemRole)
        return item;
    const QJsonObject attr = item.value(m_columns.at(index.column())).toObject();
    switch (role) {
    case AttributeRole:
        return attr;
    case TypeRole:
        return format::typeOf(attr);
    default:
        return format::cellData(attr, role);
    }
}

QVariant ItemTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < m_items.size())
            return section + 1;
        return {};
    }
    if (section < 0 || section >= m_columns.size())
        return {};
    const QString &name = m_columns.at(section);
    switch (role) {
    case Qt::DisplayRole:
        return name;
    case Qt::DecorationRole:
        // The table's keys, and the keys of the index read (as PartiQL's results mark them).
        return m_keys.typeOf(name).isEmpty() && m_indexKeys.typeOf(name).isEmpty() ? QVariant()
                                                                                  : QVariant(QIcon(QStringLiteral(":/dynamodesk/icons/key.svg")));
    case Qt::ToolTipRole:
        if (m_indexKeys.isMultiAttribute() && !(name == m_keys.partition || (!m_keys.sort.isEmpty() && name == m_keys.sort))) {
            const QString index = m_request.value(QStringLiteral("IndexName")).toString();
            for (qsizetype i = 0; i < m_indexKeys.partitions.size(); ++i)
                if (m_indexKeys.partitions[i].name == name)
                    return tr("%1: partition key attribute %2 of %3 of index %4 (%5)")
                        .arg(name).arg(i + 1).arg(m_indexKeys.partitions.size()).arg(index, m_indexKeys.partitions[i].type);
            for (qsizetype i = 0; i < m_indexKeys.sorts.size(); ++i)
                if (m_indexKeys.sorts[i].name == name)
                    return tr("%1: sort key attribute %2 of %3 of index %4 (%5)")
                        .arg(name).arg(i + 1).arg(m_indexKeys.sorts.size()).arg(index, m_indexKeys.sorts[i].type);
        }
        if (name == m_keys.partition)
            return tr("%1: partition key (%2)").arg(name, m_keys.partitionType);
        if (name == m_keys.sort)
            return tr("%1: sort key (%2)").arg(name, m_keys.sortType);
        return name;
    default:
        return {};
    }
}

// Stopped, the view asks for nothing more: it would on any resize or
// relayout while its rows do not fill it (a filtered scan's few matches).
bool ItemTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_complete && !m_stopped;
}

void ItemTableModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent) && !m_loading)
        requestPage();
}

void ItemTableModel::requestPage()
{
    if (m_complete || m_operation.isEmpty())
        return;
    QJsonObject request = m_request;
    if (!m_cursor.isEmpty())
        request.insert(QStringLiteral("ExclusiveStartKey"), m_cursor);
    const quint64 generation = m_generation;
    m_started = true;
    setLoading(true);
    m_watcher.setFuture(m_connection->call(m_operation, request).then(QtFuture::Launch::Sync, [generation](client::ApiResponse r) {
        return Page{generation, std::move(r)};
    }));
}

void ItemTableModel::onPage()
{
    if (m_watcher.future().isCanceled() || m_watcher.future().resultCount() == 0)
        return;
    const Page page = m_watcher.result();
    if (page.generation != m_generation)
        return; // a page of a query that was replaced or stopped
    setLoading(false);
    if (!page.response.ok()) {
        m_complete = true; // nothing more to fetch; reload() tries again
        emit loadFailed(errorText(page.response));
        return;
    }
    const QJsonObject &body = page.response.body;
    QList<QJsonObject> fresh;
    for (const auto &v : body.value(QStringLiteral("Items")).toArray()) {
        const QJsonObject item = v.toObject();
        if (remember(item))
            fresh.append(item);
    }
    m_cursor = body.value(QStringLiteral("LastEvaluatedKey")).toObject();
    m_complete = m_cursor.isEmpty();
    ++m_pages;
    const double capacity = Connection::consumedCapacity(body);
    if (capacity > 0)
        m_totalCapacity += capacity;

    addColumns(fresh);
    if (!fresh.isEmpty()) {
        beginInsertRows(QModelIndex(), int(m_items.size()), int(m_items.size() + fresh.size() - 1));
        m_items.append(fresh);
        endInsertRows();
    }
    emit pageLoaded(int(fresh.size()), qint64(body.value(QStringLiteral("ScannedCount")).toDouble()), capacity,
                    page.response.latencyMs);
    // A page that a filter emptied adds no row, so no view would ask for the
    // next one: go on until something shows or the result ends (stop() pauses it).
    if (fresh.isEmpty() && !m_complete)
        requestPage();
}

void ItemTableModel::addColumns(const QList<QJsonObject> &items)
{
    QStringList added;
    for (const auto &item : items)
        for (auto it = item.begin(); it != item.end(); ++it)
            if (!m_columnIndex.contains(it.key()) && !added.contains(it.key()))
                added << it.key();
    if (added.isEmpty())
        return;
    std::sort(added.begin(), added.end());
    beginInsertColumns(QModelIndex(), int(m_columns.size()), int(m_columns.size() + added.size() - 1));
    for (const QString &name : added) {
        m_columnIndex.insert(name, int(m_columns.size()));
        m_columns << name;
    }
    endInsertColumns();
}

void ItemTableModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

QString ItemTableModel::countText() const
{
    const int n = int(m_items.size());
    return m_complete ? tr("%Ln item(s)", nullptr, n) : tr("%Ln+ item(s)", nullptr, n);
}

void ItemTableModel::upsertItem(const QJsonObject &item)
{
    const QString id = m_keys.identity(item);
    addColumns({item});
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_keys.identity(m_items[row]) == id) {
            m_items[row] = item;
            emit dataChanged(index(row, 0), index(row, int(m_columns.size()) - 1));
            return;
        }
    }
    beginInsertRows(QModelIndex(), 0, 0);
    m_items.prepend(item);
    m_identities.insert(id);
    endInsertRows();
}

void ItemTableModel::removeItems(const QList<QJsonObject> &keys)
{
    QSet<QString> doomed;
    for (const auto &k : keys)
        doomed.insert(m_keys.identity(k));
    for (int row = int(m_items.size()) - 1; row >= 0; --row) {
        if (!doomed.contains(m_keys.identity(m_items[row])))
            continue;
        beginRemoveRows(QModelIndex(), row, row);
        m_items.removeAt(row);
        endRemoveRows();
    }
    // Keep them in m_identities: a later page must not bring them back.
}

} // namespace dd::ui
