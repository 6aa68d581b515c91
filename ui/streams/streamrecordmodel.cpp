#include "streams/streamrecordmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QFontDatabase>

namespace dd::ui {

StreamRecordModel::StreamRecordModel(QObject *parent) : QAbstractTableModel(parent) {}

int StreamRecordModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int StreamRecordModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StreamRecordModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_shown.size())
        return QVariant();
    const StreamRecord &r = record(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn: return r.time.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        case EventColumn: return r.eventName;
        case KeysColumn: return r.keysText();
        case ChangesColumn: return r.changesText();
        }
    }
    if (role == Qt::ToolTipRole && index.column() == TimeColumn)
        return tr("%1, sequence number %2").arg(r.time.toLocalTime().toString(Qt::ISODate), r.sequenceNumber);
    if (role == Qt::ToolTipRole && index.column() == ChangesColumn)
        return r.changesText().replace(QLatin1String("; "), QLatin1String("\n"));
    if (role == Qt::ForegroundRole && index.column() == EventColumn) {
        if (r.eventName == QLatin1String("INSERT")) return QBrush(QColor(0x2e, 0x8b, 0x3e));
        if (r.eventName == QLatin1String("REMOVE")) return QBrush(QColor(0xc8, 0x32, 0x32));
        return QBrush(QColor(0xc0, 0x80, 0x10));
    }
    if (role == Qt::FontRole && index.column() == EventColumn) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::FontRole && index.column() == ChangesColumn)
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    return QVariant();
}

QVariant StreamRecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case TimeColumn: return tr("Time");
    case EventColumn: return tr("Event");
    case KeysColumn: return tr("Keys");
    case ChangesColumn: return tr("Changes");
    }
    return QVariant();
}

void StreamRecordModel::append(const QList<StreamRecord> &records)
{
    if (records.isEmpty())
        return;
    if (m_all.size() + records.size() > kMaxRecords) {
        beginResetModel();
        m_all.append(records);
        m_all.remove(0, m_all.size() - kMaxRecords);
        m_shown.clear();
        for (int i = 0; i < m_all.size(); ++i)
            if (accepts(m_all[i]))
                m_shown.append(i);
        endResetModel();
        return;
    }
    QList<int> added;
    for (const StreamRecord &r : records) {
        m_all.append(r);
        if (accepts(r))
            added.append(int(m_all.size()) - 1);
    }
    if (added.isEmpty())
        return;
    beginInsertRows(QModelIndex(), int(m_shown.size()), int(m_shown.size() + added.size()) - 1);
    m_shown.append(added);
    endInsertRows();
}

void StreamRecordModel::clear()
{
    beginResetModel();
    m_all.clear();
    m_shown.clear();
    endResetModel();
}

void StreamRecordModel::setFilter(const QSet<QString> &events, const QString &text)
{
    m_events = events;
    m_text = text;
    refilter();
}

const StreamRecord &StreamRecordModel::record(int row) const
{
    return m_all.at(m_shown.at(row));
}

bool StreamRecordModel::accepts(const StreamRecord &r) const
{
    return (m_events.isEmpty() || m_events.contains(r.eventName)) && r.matches(m_text);
}

void StreamRecordModel::refilter()
{
    beginResetModel();
    m_shown.clear();
    for (int i = 0; i < m_all.size(); ++i)
        if (accepts(m_all[i]))
            m_shown.append(i);
    endResetModel();
}

} // namespace dd::ui
