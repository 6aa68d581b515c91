#include "daxwire/keyschemas.h"

#include "api/engine.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace dd::daxwire {

Result<KeySchema> KeySchemas::get(const QString &region, const QString &table)
{
    const QString key = region + u'/' + table;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.constFind(key);
        if (it != m_entries.constEnd() && it->expiresMs > now)
            return it->schema;
    }
    api::RequestContext context;
    context.region = region;
    DD_ASSIGN(const QByteArray body, m_engine.call(context, u"DescribeTable", QJsonObject{{QStringLiteral("TableName"), table}}));
    const QJsonObject description = QJsonDocument::fromJson(body).object().value(QStringLiteral("Table")).toObject();
    QHash<QString, QString> types;
    for (const QJsonValue &d : description.value(QStringLiteral("AttributeDefinitions")).toArray())
        types.insert(d[QStringLiteral("AttributeName")].toString(), d[QStringLiteral("AttributeType")].toString());
    KeySchema schema;
    for (const QJsonValue &k : description.value(QStringLiteral("KeySchema")).toArray()) {
        const QString name = k[QStringLiteral("AttributeName")].toString();
        if (k[QStringLiteral("KeyType")].toString() == u"HASH") {
            schema.hashName = name;
            schema.hashType = types.value(name);
        } else {
            schema.rangeName = name;
            schema.rangeType = types.value(name);
        }
    }
    if (schema.hashName.isEmpty())
        return ApiError::internal(QStringLiteral("Table %1 has no key schema").arg(table));
    std::lock_guard lock(m_mutex);
    m_entries.insert(key, {schema, now + kKeepMs});
    return schema;
}

} // namespace dd::daxwire
