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
        const bool hash = k.toObject().value(QStringLiteral("KeyType")).toString() == QLatin1String("HASH");
        (hash ? keys.partitions : keys.sorts).append({name, types.value(name)});
    }
    if (!keys.partitions.isEmpty()) {
        keys.partition = keys.partitions.first().name;
        keys.partitionType = keys.partitions.first().type;
    }
    if (!keys.sorts.isEmpty()) {
        keys.sort = keys.sorts.first().name;
        keys.sortType = keys.sorts.first().type;
    }
    return keys;
}

QStringList TableKeys::names() const
{
    QStringList n;
    for (const auto &a : partitions)
        n << a.name;
    for (const auto &a : sorts)
        n << a.name;
    // Built by hand (tests, older callers): the single-attribute fields.
    if (n.isEmpty()) {
        if (!partition.isEmpty())
            n << partition;
        if (!sort.isEmpty())
            n << sort;
    }
    return n;
}

QString TableKeys::typeOf(const QString &name) const
{
    for (const auto &list : {partitions, sorts})
        for (const auto &a : list)
            if (a.name == name)
                return a.type;
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

QString TableKeys::text(bool withTypes) const
{
    auto one = [withTypes](const QString &name, const QString &type) {
        return withTypes && !type.isEmpty() ? QStringLiteral("%1 %2").arg(name, type) : name;
    };
    if (!isMultiAttribute()) {
        QStringList parts;
        if (!partition.isEmpty())
            parts << one(partition, partitionType);
        if (!sort.isEmpty())
            parts << one(sort, sortType);
        return parts.join(QLatin1String(", "));
    }
    auto join = [&](const QList<Attribute> &list) {
        QStringList parts;
        for (const auto &a : list)
            parts << one(a.name, a.type);
        return parts.join(QLatin1String(", "));
    };
    return sorts.isEmpty() ? join(partitions) : QStringLiteral("%1 / %2").arg(join(partitions), join(sorts));
}

} // namespace dd::ui
