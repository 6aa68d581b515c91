// SessionSecrets: the passphrases (or 64-hex-digit keys) of encrypted data
// folders that the user gave during this run of the app, by folder, so that
// reopening a connection (after a compaction, an encryption change, or
// closing it) does not ask again. In memory only: nothing here is written to
// QSettings or to any file, and it is gone when the app quits.
// Owned by the main window; GUI thread only.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace dd::ui {

class SessionSecrets {
public:
    QByteArray secret(const QString &folder) const; // empty if none was given
    void remember(const QString &folder, const QByteArray &secret); // an empty secret forgets
    void forget(const QString &folder);

private:
    static QString key(const QString &folder); // the folder's clean absolute path

    QHash<QString, QByteArray> m_secrets; // by key()
};

} // namespace dd::ui
