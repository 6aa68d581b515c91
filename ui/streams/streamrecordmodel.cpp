#include "streams/streamrecordmodel.h"

#include "common/palettecolours.h"

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QFont>
#include <QFontDatabase>

#include <algorithm>

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
        // From the palette: readable on light and dark ones alike.
        const QPalette palette = QApplication::palette();
        if (r.eventName == QLatin1String("INSERT")) return QBrush(colours::successText(palette));
        if (r.eventName == QLatin1String("REMOVE")) return QBrush(colours::failureText(palette));
        return QBrush(colours::blend(colours::highlightHue(palette, 40), palette.color(QPalette::Text), 0.35));
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
    // Over the bound: drop the oldest first, and the rows that showed them.
    const qint64 excess = qint64(m_all.size()) + records.size() - m_maxRecords;
    if (excess > 0) {
        const qint64 drop = std::min<qint64>(excess, qint64(m_all.size()));
        const qint64 firstKept = m_dropped + drop;
        const auto gone = std::lower_bound(m_shown.begin(), m_shown.end(), firstKept) - m_shown.begin();
        if (gone > 0) {
            beginRemoveRows(QModelIndex(), 0, int(gone) - 1);
            m_shown.remove(0, gone);
            endRemoveRows();
        }
        m_all.erase(m_all.begin(), m_all.begin() + drop);
        m_dropped = firstKept;
    }
    // A batch larger than the bound keeps its newest records only.
    const qsizetype skip = std::max<qsizetype>(0, records.size() - m_maxRecords);
    if (skip > 0)
        m_dropped += skip;
    QList<qint64> added;
    for (qsizetype i = skip; i < records.size(); ++i) {
        m_all.push_back(records[i]);
        if (accepts(records[i]))
            added.append(m_dropped + qint64(m_all.size()) - 1);
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
    m_dropped += qint64(m_all.size());
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
    return at(m_shown.at(row));
}

bool StreamRecordModel::accepts(const StreamRecord &r) const
{
    return (m_events.isEmpty() || m_events.contains(r.eventName)) && r.matches(m_text);
}

void StreamRecordModel::refilter()
{
    beginResetModel();
    m_shown.clear();
    for (size_t i = 0; i < m_all.size(); ++i)
        if (accepts(m_all[i]))
            m_shown.append(m_dropped + qint64(i));
    endResetModel();
}

} // namespace dd::ui
