#include "common/tablekeys.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace dd::ui {

TableKeys TableKeys::fromDescription(const QJsonObject &table, const QString &index)
{
    QJsonArray schema = table.value(QStringLiteral("KeySchema")).toArray();
    if (!index.isEmpty()) {
        for (const char *kind : {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"})
            for (const auto &ix : table.value(QLatin1String(kind)).toArray())
                if (ix.toObject().value(QStringLiteral("IndexName")).toString() == index)
                    schema = ix.toObject().value(QStringLiteral("KeySchema")).toArray();
    }
    QHash<QString, QString> types;
    for (const auto &d : table.value(QStringLiteral("AttributeDefinitions")).toArray())
        types.insert(d.toObject().value(QStringLiteral("AttributeName")).toString(),
                     d.toObject().value(QStringLiteral("AttributeType")).toString());
    TableKeys keys;
    for (const auto &k : schema) {
        const QString name = k.toObject().value(QStringLiteral("AttributeName")).toString();
        if (k.toObject().value(QStringLiteral("KeyType")).toString() == QLatin1String("HASH")) {
            keys.partition = name;
            keys.partitionType = types.value(name);
        } else {
            keys.sort = name;
            keys.sortType = types.value(name);
        }
    }
    return keys;
}

QStringList TableKeys::names() const
{
    QStringList n;
    if (!partition.isEmpty())
        n << partition;
    if (!sort.isEmpty())
        n << sort;
    return n;
}

QString TableKeys::typeOf(const QString &name) const
{
    if (name == partition)
        return partitionType;
    if (!sort.isEmpty() && name == sort)
        return sortType;
    return {};
}

QJsonObject TableKeys::keyOf(const QJsonObject &item) const
{
    QJsonObject key;
    for (const QString &n : names())
        if (item.contains(n))
            key.insert(n, item.value(n));
    return key;
}

QString TableKeys::identity(const QJsonObject &item) const
{
    return QString::fromUtf8(QJsonDocument(keyOf(item)).toJson(QJsonDocument::Compact));
}

} // namespace dd::ui
