// ConnectionSettings: what the user chose in the connection dialog, stored
// in QSettings under "connections/<n>/...". A value type; no I/O besides
// load()/save(). Never holds a secret: an encrypted data folder's
// passphrase stays in memory (sessionsecrets.h), only the flag is saved.
#pragma once

#include <QList>
#include <QSettings>
#include <QString>

namespace dd::ui {

struct ConnectionSettings {
    enum class Kind { Embedded, Endpoint, Aws };

    Kind kind = Kind::Embedded;
    QString name;             // shown in the tree; empty means a name derived from the rest
    QString dataDir;          // Embedded: folder of <region>.db files; empty means the default
    bool inMemory = false;    // Embedded: keep everything in memory
    QString region = QStringLiteral("us-east-1"); // every kind: the region to browse
    bool encrypted = false;   // Embedded on disk: the folder is encrypted at rest (as last opened)
    bool serve = false;       // Embedded: serve it on 127.0.0.1:port
    quint16 port = 8000;      // Embedded: the port for `serve`
    QString url;              // Endpoint: http://host:port
    QString profile;          // Aws: profile name from ~/.aws/config; empty means "default"
    QString endpointProfile;  // Endpoint: the profile whose keys sign requests (an endpoint
                              // that checks signatures, dynamodesk-server --auth); empty: fixed local keys

    static QString defaultDataDir(); // QStandardPaths' app data location
    QString dataFolder() const;      // Embedded: dataDir, or the default when empty
    QString displayName() const;     // `name`, or e.g. "Embedded (in memory)"

    // The saved list of connections (empty on first start).
    static QList<ConnectionSettings> loadAll(QSettings &settings);
    static void saveAll(QSettings &settings, const QList<ConnectionSettings> &list);
};

} // namespace dd::ui
