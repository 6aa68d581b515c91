#include "ttl/ttlconfig.h"

namespace dd::ttl {

TtlConfig TtlConfig::fromDescription(const QJsonObject &description)
{
    const QJsonObject o = description.value(kMember).toObject();
    TtlConfig c;
    c.attributeName = o.value(QLatin1String("AttributeName")).toString();
    c.enabled = o.value(QLatin1String("Enabled")).toBool();
    c.untilMs = o.value(QLatin1String("UntilMs")).toInteger();
    return c;
}

QJsonObject TtlConfig::toJson() const
{
    return {{QStringLiteral("AttributeName"), attributeName}, {QStringLiteral("Enabled"), enabled}, {QStringLiteral("UntilMs"), untilMs}};
}

QString TtlConfig::status(qint64 nowMs) const
{
    if (enabled)
        return nowMs < untilMs ? QStringLiteral("ENABLING") : QStringLiteral("ENABLED");
    if (!attributeName.isEmpty() && nowMs < untilMs)
        return QStringLiteral("DISABLING");
    return QStringLiteral("DISABLED");
}

} // namespace dd::ttl
