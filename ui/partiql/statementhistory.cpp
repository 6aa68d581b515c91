#include "partiql/statementhistory.h"

#include <QSettings>
#include <QUrl>

namespace dd::ui {

StatementHistory::StatementHistory(const QString &connectionName)
    // A connection's name may hold '/', which QSettings reads as a group.
    : m_key(QStringLiteral("partiqlHistory/") + QString::fromLatin1(QUrl::toPercentEncoding(connectionName)))
{
    QSettings settings;
    const int n = settings.beginReadArray(m_key);
    for (int i = 0; i < n && m_entries.size() < kMaxEntries; ++i) {
        settings.setArrayIndex(i);
        Entry e{settings.value(QStringLiteral("statement")).toString(), settings.value(QStringLiteral("parameters")).toString()};
        if (!e.statement.trimmed().isEmpty() && !m_entries.contains(e))
            m_entries.append(e);
    }
    settings.endArray();
}

void StatementHistory::add(const Entry &entry)
{
    m_entries.removeAll(entry);
    m_entries.prepend(entry);
    while (m_entries.size() > kMaxEntries)
        m_entries.removeLast();
    QSettings settings;
    settings.remove(m_key);
    settings.beginWriteArray(m_key, int(m_entries.size()));
    for (int i = 0; i < m_entries.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("statement"), m_entries[i].statement);
        settings.setValue(QStringLiteral("parameters"), m_entries[i].parameters);
    }
    settings.endArray();
}

} // namespace dd::ui
