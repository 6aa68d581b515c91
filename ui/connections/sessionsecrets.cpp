#include "connections/sessionsecrets.h"

#include <QDir>
#include <QFileInfo>

namespace dd::ui {

QString SessionSecrets::key(const QString &folder)
{
    return QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
}

QByteArray SessionSecrets::secret(const QString &folder) const
{
    return m_secrets.value(key(folder));
}

void SessionSecrets::remember(const QString &folder, const QByteArray &secret)
{
    if (secret.isEmpty())
        forget(folder);
    else
        m_secrets.insert(key(folder), secret);
}

void SessionSecrets::forget(const QString &folder)
{
    m_secrets.remove(key(folder));
}

} // namespace dd::ui
