// StreamRecordModel: the records the stream viewer received, oldest first,
// as rows of time, event, keys and changes; filtered by event type and text
// (only matching rows are shown). Appends only; keeps at most kMaxRecords,
// dropping the oldest: their rows are removed and the new ones inserted, so
// that the selection and the current row stay (a reset cleared them on
// every poll of a busy stream). GUI thread only; never opens a dialog.
#pragma once

#include "streams/streamrecord.h"

#include <QAbstractTableModel>
#include <QSet>

#include <deque>

namespace dd::ui {

class StreamRecordModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, EventColumn, KeysColumn, ChangesColumn, ColumnCount };
    static constexpr int kMaxRecords = 100000; // memory bound of a long session

    explicit StreamRecordModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void append(const QList<StreamRecord> &records);
    void clear();
    // Only rows whose event is in `events` (empty: all) and that match `text`.
    void setFilter(const QSet<QString> &events, const QString &text);
    const StreamRecord &record(int row) const; // a shown row
    int totalCount() const { return int(m_all.size()); }
    void setMaxRecords(int max) { m_maxRecords = max; } // kMaxRecords unless a test says otherwise

private:
    bool accepts(const StreamRecord &r) const;
    void refilter();

    const StreamRecord &at(qint64 position) const { return m_all[size_t(position - m_dropped)]; }

    std::deque<StreamRecord> m_all; // everything kept, oldest first
    qint64 m_dropped = 0;           // records dropped from m_all's front so far
    QList<qint64> m_shown;          // the rows shown: positions of m_all's records (index + m_dropped), ascending
    int m_maxRecords = kMaxRecords;
    QSet<QString> m_events;
    QString m_text;
};

} // namespace dd::ui
