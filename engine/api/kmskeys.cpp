#include "api/kmskeys.h"

#include <QUuid>

namespace dd::api {

QString kmsKeyArn(const QString &region, const QString &account, const QString &keyId)
{
    const QString prefix = QStringLiteral("arn:aws:kms:%1:%2:").arg(region, account);
    QString id = keyId.isEmpty() ? QStringLiteral("alias/aws/dynamodb") : keyId;
    if (id.startsWith(QLatin1String("arn:")) && id.contains(QLatin1String(":key/")))
        return id;
    if (id.startsWith(QLatin1String("arn:")) && id.contains(QLatin1String(":alias/")))
        id = id.mid(id.indexOf(QLatin1String(":alias/")) + 1);
    if (id.startsWith(QLatin1String("alias/"))) {
        static const QUuid ns(QStringLiteral("6f3e4c1a-8a51-4e0b-9a53-6a0b7d1e2c44"));
        return prefix + QStringLiteral("key/") + QUuid::createUuidV5(ns, region + u'/' + id).toString(QUuid::WithoutBraces);
    }
    return prefix + QStringLiteral("key/") + id;
}

} // namespace dd::api
