#include "daxwire/attributelists.h"

#include <QJsonArray>
#include <QJsonDocument>

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

qint64 AttributeLists::registerLocked(const QStringList &names)
{
    qint64 id = hashId(names);
    for (;;) {
        const auto it = m_byId.constFind(id);
        if (it == m_byId.constEnd())
            break;
        if (*it == names)
            return id;
        id = id + 1 < kIdSpace ? id + 1 : 2;
    }
    m_byId.insert(id, names);
    if (m_file) {
        QJsonArray line;
        for (const QString &n : names)
            line.append(n);
        m_file->write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
        m_file->flush(); // to the kernel: a crash of this process keeps it
    }
    return id;
}

qint64 AttributeLists::idFor(const QStringList &names)
{
    if (names.isEmpty())
        return kEmptyListId;
    std::lock_guard lock(m_mutex);
    return registerLocked(names);
}

bool AttributeLists::persistTo(const QString &path, QString *error)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadWrite | QIODevice::Append)) {
        *error = file->errorString();
        return false;
    }
    file->seek(0);
    std::lock_guard lock(m_mutex);
    const QByteArray content = file->readAll();
    if (!content.isEmpty() && !content.endsWith('\n'))
        file->write("\n"); // after a line cut short, so that the next one stands alone
    const QList<QByteArray> lines = content.split('\n');
    for (const QByteArray &line : lines) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (!doc.isArray() || doc.array().isEmpty())
            continue;
        QStringList names;
        for (const QJsonValue &v : doc.array())
            names.append(v.toString());
        registerLocked(names);
    }
    m_file = std::move(file);
    return true;
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
