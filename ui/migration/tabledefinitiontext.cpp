#include "migration/tabledefinitiontext.h"

#include <QLocale>
#include <QStringList>

namespace dd::ui {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

QString capacity(const QJsonObject &throughput)
{
    const QLocale locale;
    return TableDefinitionText::tr("%1 read and %2 write capacity units")
        .arg(locale.toString(throughput.value(p("ReadCapacityUnits")).toInteger()),
             locale.toString(throughput.value(p("WriteCapacityUnits")).toInteger()));
}

QString projection(const QJsonObject &index)
{
    const QJsonObject projection = index.value(p("Projection")).toObject();
    const QString type = projection.value(p("ProjectionType")).toString(p("ALL"));
    QStringList attributes;
    for (const QJsonValue &a : projection.value(p("NonKeyAttributes")).toArray())
        attributes << a.toString();
    return attributes.isEmpty() ? type : QStringLiteral("%1 (%2)").arg(type, attributes.join(QLatin1String(", ")));
}

} // namespace

QString TableDefinitionText::keys(const QJsonArray &keySchema, const QJsonArray &attributeDefinitions)
{
    QStringList hash, range;
    for (const QJsonValue &k : keySchema) {
        const QString name = k.toObject().value(p("AttributeName")).toString();
        QString type;
        for (const QJsonValue &d : attributeDefinitions)
            if (d.toObject().value(p("AttributeName")).toString() == name)
                type = d.toObject().value(p("AttributeType")).toString();
        (k.toObject().value(p("KeyType")).toString() == p("RANGE") ? range : hash)
            << (type.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, type));
    }
    if (hash.size() <= 1 && range.size() <= 1)
        return (hash + range).join(QLatin1String(", "));
    // A GSI's multi-attribute key: which attributes partition and which sort.
    const QString partition = tr("partition %1").arg(hash.join(QLatin1String(", ")));
    return range.isEmpty() ? partition : tr("%1; sort %2").arg(partition, range.join(QLatin1String(", ")));
}

QString TableDefinitionText::summary(const QJsonObject &create)
{
    const QJsonArray defs = create.value(p("AttributeDefinitions")).toArray();
    QStringList lines;
    lines << tr("Key: %1").arg(keys(create.value(p("KeySchema")).toArray(), defs));
    for (const QJsonValue &v : create.value(p("GlobalSecondaryIndexes")).toArray()) {
        const QJsonObject index = v.toObject();
        const QString indexKeys = keys(index.value(p("KeySchema")).toArray(), defs);
        const QString name = index.value(p("IndexName")).toString();
        QString line = tr("Global index %1: %2; projects %3").arg(name, indexKeys, projection(index));
        if (index.contains(p("ProvisionedThroughput")))
            line += QStringLiteral("; ") + capacity(index.value(p("ProvisionedThroughput")).toObject());
        lines << line;
    }
    for (const QJsonValue &v : create.value(p("LocalSecondaryIndexes")).toArray()) {
        const QJsonObject index = v.toObject();
        const QString indexKeys = keys(index.value(p("KeySchema")).toArray(), defs);
        lines << tr("Local index %1: %2; projects %3").arg(index.value(p("IndexName")).toString(), indexKeys, projection(index));
    }
    if (create.value(p("BillingMode")).toString() == p("PAY_PER_REQUEST"))
        lines << tr("Billing: on demand (PAY_PER_REQUEST)");
    else
        lines << tr("Billing: provisioned, %1").arg(capacity(create.value(p("ProvisionedThroughput")).toObject()));
    const QJsonObject stream = create.value(p("StreamSpecification")).toObject();
    if (stream.value(p("StreamEnabled")).toBool())
        lines << tr("Stream: %1").arg(stream.value(p("StreamViewType")).toString());
    if (create.contains(p("TableClass")))
        lines << tr("Table class: %1").arg(create.value(p("TableClass")).toString());
    return lines.join(QLatin1Char('\n'));
}

} // namespace dd::ui
