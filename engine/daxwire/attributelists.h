// AttributeLists: the DAX attribute-list registry. Item values travel as an
// id followed by the values of that id's names, in order; the client asks
// for an id with defineAttributeListId(names) and for the names of an id it
// has not seen with defineAttributeList(id), and keeps both answers for its
// whole life.
//
// Ids are derived from the names (FNV-1a, 53 bits, so that JavaScript reads
// them exactly), so a list has the same id in every process: after a
// restart of the server, a client that cached ids before it still means
// the same names by them. The registry itself is in memory: an id the
// server has not seen since it started is unknown (a ValidationException)
// until some client defines that list again or the server sends an item
// with those names. Two lists with one hash (never seen in practice) get
// the next free id, in the order they are registered.
// Id 1 is the empty list, on both sides.
// Threads: any thread.
#pragma once

#include <QHash>
#include <QStringList>

#include <mutex>
#include <optional>

namespace dd::daxwire {

class AttributeLists {
public:
    static constexpr qint64 kEmptyListId = 1;

    // The id of `names` (in this order), registered if it is new.
    qint64 idFor(const QStringList &names);
    // The names of `id`; nothing if it was never registered.
    std::optional<QStringList> namesOf(qint64 id) const;
    // The id `names` hash to before any collision (for tests).
    static qint64 hashId(const QStringList &names);

private:
    mutable std::mutex m_mutex;
    QHash<qint64, QStringList> m_byId;
};

} // namespace dd::daxwire
