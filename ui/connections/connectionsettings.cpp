#include "connections/connectionsettings.h"

#include <QCoreApplication>
#include <QStandardPaths>

namespace dd::ui {

QString ConnectionSettings::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString ConnectionSettings::dataFolder() const
{
    return dataDir.isEmpty() ? defaultDataDir() : dataDir;
}

QString ConnectionSettings::displayName() const
{
    if (!name.isEmpty())
        return name;
    switch (kind) {
    case Kind::Embedded:
        return inMemory ? QCoreApplication::translate("dd::ui::ConnectionSettings", "Embedded (in memory)")
                        : QCoreApplication::translate("dd::ui::ConnectionSettings", "Embedded: %1")
                              .arg(dataFolder());
    case Kind::Endpoint:
        return url;
    case Kind::Aws:
        return QCoreApplication::translate("dd::ui::ConnectionSettings", "AWS (%1)")
            .arg(profile.isEmpty() ? QStringLiteral("default") : profile);
    }
    return {};
}

QList<ConnectionSettings> ConnectionSettings::loadAll(QSettings &settings)
{
    QList<ConnectionSettings> list;
    const int n = settings.beginReadArray(QStringLiteral("connections"));
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        ConnectionSettings c;
        c.kind = Kind(qBound(0, settings.value(QStringLiteral("kind")).toInt(), 2));
        c.name = settings.value(QStringLiteral("name")).toString();
        c.dataDir = settings.value(QStringLiteral("dataDir")).toString();
        c.inMemory = settings.value(QStringLiteral("inMemory")).toBool();
        c.encrypted = settings.value(QStringLiteral("encrypted")).toBool();
        c.region = settings.value(QStringLiteral("region"), c.region).toString();
        c.serve = settings.value(QStringLiteral("serve")).toBool();
        c.port = quint16(settings.value(QStringLiteral("port"), 8000).toUInt());
        c.url = settings.value(QStringLiteral("url")).toString();
        c.profile = settings.value(QStringLiteral("profile")).toString();
        c.endpointProfile = settings.value(QStringLiteral("endpointProfile")).toString();
        list.append(c);
    }
    settings.endArray();
    return list;
}

void ConnectionSettings::saveAll(QSettings &settings, const QList<ConnectionSettings> &list)
{
    settings.beginWriteArray(QStringLiteral("connections"), int(list.size()));
    for (int i = 0; i < list.size(); ++i) {
        const auto &c = list[i];
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("kind"), int(c.kind));
        settings.setValue(QStringLiteral("name"), c.name);
        settings.setValue(QStringLiteral("dataDir"), c.dataDir);
        settings.setValue(QStringLiteral("inMemory"), c.inMemory);
        settings.setValue(QStringLiteral("encrypted"), c.encrypted);
        settings.setValue(QStringLiteral("region"), c.region);
        settings.setValue(QStringLiteral("serve"), c.serve);
        settings.setValue(QStringLiteral("port"), c.port);
        settings.setValue(QStringLiteral("url"), c.url);
        settings.setValue(QStringLiteral("profile"), c.profile);
        settings.setValue(QStringLiteral("endpointProfile"), c.endpointProfile);
    }
    settings.endArray();
}

} // namespace dd::ui
