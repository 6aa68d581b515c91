// StatementHistory: the PartiQL statements a connection ran successfully,
// newest first, at most kMaxEntries, each with the parameters it ran with.
// Kept in QSettings under "partiqlHistory/<connection name>", so that the
// editor of the same connection finds them after a restart. Running one
// again moves it to the top instead of listing it twice.
//
// GUI thread only (QSettings of the application).
#pragma once

#include <QList>
#include <QString>

namespace dd::ui {

class StatementHistory {
public:
    static constexpr int kMaxEntries = 20;

    struct Entry {
        QString statement;
        QString parameters; // the parameters field's text, empty for none
        bool operator==(const Entry &) const = default;
    };

    // Reads the history of the connection named `connectionName`.
    explicit StatementHistory(const QString &connectionName);

    const QList<Entry> &entries() const { return m_entries; }
    // Puts an entry first (dropping the same one further down and the
    // oldest beyond kMaxEntries) and writes the history to QSettings.
    void add(const Entry &entry);

private:
    QString m_key;          // the QSettings array's name
    QList<Entry> m_entries; // newest first
};

} // namespace dd::ui
