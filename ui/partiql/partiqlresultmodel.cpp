#include "partiql/partiqlresultmodel.h"

#include "common/attributeformat.h"

#include <QIcon>

#include <algorithm>

namespace dd::ui {

PartiqlResultModel::PartiqlResultModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void PartiqlResultModel::clear(const QStringList &leading, const QStringList &keys)
{
    beginResetModel();
    m_items.clear();
    m_columns.clear();
    m_columnIndex.clear();
    m_leading = leading;
    m_keys = keys;
    endResetModel();
}

void PartiqlResultModel::append(const QList<QJsonObject> &items)
{
    addColumns(items);
    if (items.isEmpty())
        return;
    beginInsertRows(QModelIndex(), int(m_items.size()), int(m_items.size() + items.size() - 1));
    m_items.append(items);
    endInsertRows();
}

void PartiqlResultModel::setItem(int row, const QJsonObject &item)
{
    Q_ASSERT(row >= 0 && row < m_items.size());
    addColumns({item});
    m_items[row] = item;
    emit dataChanged(index(row, 0), index(row, int(m_columns.size()) - 1));
}

void PartiqlResultModel::removeItem(int row)
{
    Q_ASSERT(row >= 0 && row < m_items.size());
    beginRemoveRows(QModelIndex(), row, row);
    m_items.removeAt(row);
    endRemoveRows();
}

int PartiqlResultModel::rowOfKey(const QJsonObject &key) const
{
    if (key.isEmpty())
        return -1;
    for (int row = 0; row < m_items.size(); ++row) {
        bool same = true;
        for (auto it = key.begin(); it != key.end() && same; ++it)
            same = m_items[row].value(it.key()) == it.value();
        if (same)
            return row;
    }
    return -1;
}

void PartiqlResultModel::addColumns(const QList<QJsonObject> &items)
{
    QStringList added;
    for (const QJsonObject &item : items)
        for (auto it = item.begin(); it != item.end(); ++it)
            if (!m_columnIndex.contains(it.key()) && !added.contains(it.key()))
                added << it.key();
    if (added.isEmpty())
        return;
    std::sort(added.begin(), added.end(), [this](const QString &a, const QString &b) {
        const qsizetype ia = m_leading.indexOf(a), ib = m_leading.indexOf(b);
        if ((ia >= 0) != (ib >= 0))
            return ia >= 0;
        return ia >= 0 ? ia < ib : a < b;
    });
    beginInsertColumns(QModelIndex(), int(m_columns.size()), int(m_columns.size() + added.size() - 1));
    for (const QString &name : std::as_const(added)) {
        m_columnIndex.insert(name, int(m_columns.size()));
        m_columns << name;
    }
    endInsertColumns();
}

int PartiqlResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int PartiqlResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant PartiqlResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &item = m_items.at(index.row());
    if (role == ItemRole)
        return item;
    const QJsonObject attr = item.value(m_columns.at(index.column())).toObject();
    return role == AttributeRole ? QVariant(attr) : format::cellData(attr, role);
}

QVariant PartiqlResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole && section >= 0 && section < m_items.size() ? QVariant(section + 1) : QVariant();
    if (section < 0 || section >= m_columns.size())
        return {};
    const QString &name = m_columns.at(section);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return name;
    case Qt::DecorationRole:
        return m_keys.contains(name) ? QVariant(QIcon(QStringLiteral(":/dynamodesk/icons/key.svg"))) : QVariant();
    default:
        return {};
    }
}

} // namespace dd::ui
