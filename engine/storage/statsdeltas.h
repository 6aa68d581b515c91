// StatsDeltas: the item-count and size deltas of one write, or of the writes
// that one commit holds, by table id (a secondary index's by -index id, see
// WriteTxn::addIndexStats). A write touches one table and its few indexes
// and a commit a few tables, so a short list searched in order: a QHash cost
// a small write several thousand instructions, most of them walking its
// empty buckets when iterated.
#pragma once

#include <QVarLengthArray>

namespace dd::storage {

struct StatsDelta {
    qint64 id;     // table id, or -index id
    qint64 items;  // item-count delta
    qint64 bytes;  // size delta
};

class StatsDeltas {
public:
    // Adds deltas to those of `id`.
    void add(qint64 id, qint64 items, qint64 bytes)
    {
        for (StatsDelta &d : m_deltas) {
            if (d.id == id) {
                d.items += items;
                d.bytes += bytes;
                return;
            }
        }
        m_deltas.append({id, items, bytes});
    }
    // Adds every delta of `other`.
    void add(const StatsDeltas &other)
    {
        for (const StatsDelta &d : other.m_deltas)
            add(d.id, d.items, d.bytes);
    }
    void clear() { m_deltas.clear(); }
    bool isEmpty() const { return m_deltas.isEmpty(); }
    const StatsDelta *begin() const { return m_deltas.cbegin(); }
    const StatsDelta *end() const { return m_deltas.cend(); }

private:
    QVarLengthArray<StatsDelta, 8> m_deltas; // one per id, in the order first added
};

} // namespace dd::storage
