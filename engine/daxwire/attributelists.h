// AttributeLists: the DAX attribute-list registry. Item values travel as an
// id followed by the values of that id's names, in order; the client asks
// for an id with defineAttributeListId(names) and for the names of an id it
// has not seen with defineAttributeList(id), and keeps both answers for its
// whole life.
//
// Ids are derived from the names (FNV-1a, 53 bits, so that JavaScript reads
// them exactly), so a list has the same id in every process. Two lists with
// one hash (never seen in practice) get the next free id, in the order they
// are registered. Id 1 is the empty list, on both sides.
// A client caches ids forever, so they must outlive a restart of the
// server: with a file (persistTo) the registry is kept there, one list per
// line in the order registered, and read back at the next start. Without
// one (in memory), an id the server has not seen since it started is
// unknown, a ValidationException, until a client defines that list again
// or the server sends an item with those names: never another list's
// names, which the client would decode without noticing.
// Threads: any thread.
#pragma once

#include <QFile>
#include <QHash>
#include <QStringList>

#include <memory>
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

    // Registers the lists kept in `path` (created if missing; a line that
    // is not a JSON array of names, as a write cut short leaves, is
    // skipped) and from now on appends each new list to it. False and
    // *error if the file cannot be opened.
    bool persistTo(const QString &path, QString *error);

private:
    qint64 registerLocked(const QStringList &names); // under m_mutex

    mutable std::mutex m_mutex;
    QHash<qint64, QStringList> m_byId;
    std::unique_ptr<QFile> m_file; // where new lists are appended; null in memory
};

} // namespace dd::daxwire
