#include "storage/tabledef.h"

#include <QJsonArray>

namespace dd::storage {

namespace {

KeySchema parseKeySchema(const QJsonArray &keySchema, const QJsonArray &attributeDefinitions)
{
    auto typeOf = [&](const QString &name) {
        for (const auto &d : attributeDefinitions) {
            const QJsonObject o = d.toObject();
            if (o.value(QLatin1String("AttributeName")).toString() == name)
                return model::typeFromName(o.value(QLatin1String("AttributeType")).toString()).value_or(model::AttrType::S);
        }
        return model::AttrType::S;
    };
    KeySchema ks;
    for (const auto &k : keySchema) {
        const QJsonObject o = k.toObject();
        const QString name = o.value(QLatin1String("AttributeName")).toString();
        const KeyElement e{name, typeOf(name)};
        if (o.value(QLatin1String("KeyType")).toString() == QLatin1String("HASH"))
            ks.hashParts.push_back(e);
        else
            ks.rangeParts.push_back(e);
    }
    if (!ks.hashParts.empty())
        ks.hash = ks.hashParts.front();
    if (!ks.rangeParts.empty())
        ks.range = ks.rangeParts.front();
    return ks;
}

} // namespace

TableDef TableDef::fromDescription(qint64 id, const QJsonObject &description)
{
    TableDef t;
    t.id = id;
    t.name = description.value(QLatin1String("TableName")).toString();
    t.description = description;
    t.restoring = description.value(QLatin1String("TableStatus")).toString() == QLatin1String("CREATING")
                  && (description.value(QLatin1String("RestoreSummary")).toObject().value(QLatin1String("RestoreInProgress")).toBool()
                      || description.value(QLatin1String("_ReplicaLoading")).toBool()
                      || description.value(QLatin1String("_Importing")).toBool());
    const QJsonArray defs = description.value(QLatin1String("AttributeDefinitions")).toArray();
    t.keys = parseKeySchema(description.value(QLatin1String("KeySchema")).toArray(), defs);
    t.sqlTable = "t" + QByteArray::number(id);
    t.sqlBodies = "b" + QByteArray::number(id);
    t.sqlCollections = "c" + QByteArray::number(id);
    // Written by insights/insightsconfig.cpp (this layer does not know it).
    const QJsonObject insights = description.value(QLatin1String("_ContributorInsights")).toObject();
    const auto insightsOn = [](const QJsonValue &target) {
        const QJsonObject o = target.toObject();
        return o.value(QLatin1String("Enabled")).toBool() && o.value(QLatin1String("Mode")).toString() != QLatin1String("THROTTLED_KEYS");
    };
    t.insights = insightsOn(insights.value(QLatin1String("Table")));
    const QJsonObject indexInsights = insights.value(QLatin1String("Indexes")).toObject();
    t.anyInsights = t.insights;
    for (const char *kind : {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
        const bool global = kind[0] == 'G';
        for (const auto &v : description.value(QLatin1String(kind)).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QLatin1String("IndexStatus")).toString() == QLatin1String("DELETING"))
                continue; // its store is gone already; it is only shown until the deletion "ends"
            IndexDef idx;
            idx.name = o.value(QLatin1String("IndexName")).toString();
            idx.global = global;
            idx.keys = parseKeySchema(o.value(QLatin1String("KeySchema")).toArray(), defs);
            const QJsonObject proj = o.value(QLatin1String("Projection")).toObject();
            idx.projectionType = proj.value(QLatin1String("ProjectionType")).toString();
            for (const auto &a : proj.value(QLatin1String("NonKeyAttributes")).toArray())
                idx.nonKeyAttributes << a.toString();
            idx.id = o.value(QLatin1String("_IndexId")).toInteger();
            idx.backfilling = o.value(QLatin1String("Backfilling")).toBool();
            idx.insights = global && insightsOn(indexInsights.value(idx.name));
            t.anyInsights = t.anyInsights || idx.insights;
            idx.projectAll = idx.projectionType == QLatin1String("ALL");
            for (const KeySchema *ks : {&t.keys, &idx.keys}) {
                for (const KeyElement &e : ks->hashParts)
                    idx.projected.insert(e.name);
                for (const KeyElement &e : ks->rangeParts)
                    idx.projected.insert(e.name);
            }
            for (const QString &a : idx.nonKeyAttributes)
                idx.projected.insert(a);
            idx.projectedList = idx.projected.values();
            idx.sqlTable = "i" + QByteArray::number(id) + "_" + QByteArray::number(idx.id);
            t.hasLocalIndexes = t.hasLocalIndexes || !global;
            t.indexes.push_back(std::move(idx));
        }
    }
    return t;
}

bool KeySchema::contains(const QString &name) const
{
    for (const std::vector<KeyElement> *parts : {&hashParts, &rangeParts})
        for (const KeyElement &e : *parts)
            if (e.name == name)
                return true;
    return false;
}

const IndexDef *TableDef::index(const QString &name) const
{
    for (const IndexDef &i : indexes)
        if (i.name == name)
            return &i;
    return nullptr;
}

} // namespace dd::storage
