#include "daxwire/attributelists.h"

namespace dd::daxwire {

namespace {
constexpr qint64 kIdSpace = qint64(1) << 53; // JavaScript's exact integers
}

qint64 AttributeLists::hashId(const QStringList &names)
{
    // FNV-1a over each name's UTF-8 bytes, each followed by a 0xff byte
    // (which UTF-8 never contains), so that ["ab"] and ["a", "b"] differ.
    quint64 h = 14695981039346656037ULL;
    auto add = [&h](quint8 byte) {
        h ^= byte;
        h *= 1099511628211ULL;
    };
    for (const QString &name : names) {
        for (char c : name.toUtf8())
            add(quint8(c));
        add(0xff);
    }
    const qint64 id = qint64(h >> 11); // 53 bits
    return id < 2 ? id + 2 : id;
}

qint64 AttributeLists::idFor(const QStringList &names)
{
    if (names.isEmpty())
        return kEmptyListId;
    qint64 id = hashId(names);
    std::lock_guard lock(m_mutex);
    for (;;) {
        const auto it = m_byId.constFind(id);
        if (it == m_byId.constEnd()) {
            m_byId.insert(id, names);
            return id;
        }
        if (*it == names)
            return id;
        id = id + 1 < kIdSpace ? id + 1 : 2;
    }
}

std::optional<QStringList> AttributeLists::namesOf(qint64 id) const
{
    if (id == kEmptyListId)
        return QStringList();
    std::lock_guard lock(m_mutex);
    const auto it = m_byId.constFind(id);
    if (it == m_byId.constEnd())
        return std::nullopt;
    return *it;
}

} // namespace dd::daxwire
