#include "designer/tabledesign.h"

#include "model/limits.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <tuple>

namespace dd::ui {

namespace {

// Limits from "Service, account, and table quotas in Amazon DynamoDB", the
// engine's own (model/limits.h), so that the designer refuses what a table
// would be refused.
constexpr int kMinNameLength = model::kMinTableNameLength; // table and index names
constexpr int kMaxNameLength = model::kMaxTableNameLength;
constexpr int kMaxKeyNameBytes = model::kMaxKeyAttributeNameBytes; // partition and sort key attribute names
// A GSI's multi-attribute key: "up to four attributes each" for the
// partition and the sort key (Developer Guide, "Multi-attribute keys pattern").
constexpr int kMaxKeyAttributes = 4;
constexpr int kMaxLocalIndexes = model::kMaxLsiPerTable;
constexpr int kMaxGlobalIndexes = model::kMaxGsiPerTable;
constexpr int kMaxProjectedAttributes = model::kMaxProjectedNonKeyAttributes; // NonKeyAttributes summed over all indexes
constexpr int kMaxTags = model::kMaxTagsPerResource;
constexpr int kMaxTagKeyLength = model::kMaxTagKeyLength;
constexpr int kMaxTagValueLength = model::kMaxTagValueLength;
constexpr int kMaxTtlAttributeLength = 255; // TimeToLiveAttributeName's length constraint
constexpr int kDesignVersion = 1;          // of the saved design document

QString p(const char *s) { return QString::fromLatin1(s); }

// Tag keys and values: "Unicode letters, digits, white space, and _ . : / = + - @"
// (Tagging resources in DynamoDB, "Tagging restrictions").
bool validTagText(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$"));
    return re.match(text).hasMatch();
}

bool validName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-zA-Z0-9_.-]+$"));
    return re.match(name).hasMatch();
}

QString keyNameProblem(const QString &name)
{
    if (name.isEmpty())
        return TableDesign::tr("Required");
    if (name.toUtf8().size() > kMaxKeyNameBytes)
        return TableDesign::tr("A key attribute name is at most %1 bytes long").arg(kMaxKeyNameBytes);
    return {};
}

QJsonArray keySchema(const QList<KeyAttribute> &partitions, const QList<KeyAttribute> &sorts)
{
    QJsonArray schema;
    for (const KeyAttribute &k : partitions)
        schema.append(QJsonObject{{QStringLiteral("AttributeName"), k.name}, {QStringLiteral("KeyType"), QStringLiteral("HASH")}});
    for (const KeyAttribute &k : sorts)
        schema.append(QJsonObject{{QStringLiteral("AttributeName"), k.name}, {QStringLiteral("KeyType"), QStringLiteral("RANGE")}});
    return schema;
}

QJsonArray keySchema(const KeyAttribute &partition, const KeyAttribute &sort)
{
    return keySchema({partition}, sort.name.isEmpty() ? QList<KeyAttribute>() : QList<KeyAttribute>{sort});
}

} // namespace

QList<KeyAttribute> IndexDesign::partitionKeys() const
{
    return QList<KeyAttribute>{partition} + morePartitions;
}

QList<KeyAttribute> IndexDesign::sortKeys() const
{
    if (sort.name.isEmpty() && moreSorts.isEmpty())
        return {};
    return QList<KeyAttribute>{sort} + moreSorts;
}

QString TableDesign::nameProblem(const QString &name)
{
    if (name.isEmpty())
        return tr("Required");
    if (name.size() < kMinNameLength || name.size() > kMaxNameLength)
        return tr("Must be %1 to %2 characters long").arg(kMinNameLength).arg(kMaxNameLength);
    if (!validName(name))
        return tr("Only letters, digits, '_', '-' and '.' are allowed");
    return {};
}

QList<DesignIssue> TableDesign::validate() const
{
    QList<DesignIssue> issues;
    auto add = [&](const QString &field, const QString &message) { issues.append({field, message}); };

    if (const QString p = nameProblem(tableName); !p.isEmpty())
        add(QStringLiteral("tableName"), p);
    if (const QString p = keyNameProblem(partition.name); !p.isEmpty())
        add(QStringLiteral("partition"), p);
    if (!sort.name.isEmpty()) {
        if (sort.name == partition.name)
            add(QStringLiteral("sort"), tr("The sort key must differ from the partition key"));
        else if (const QString p = keyNameProblem(sort.name); !p.isEmpty())
            add(QStringLiteral("sort"), p);
    }
    if (!onDemand && (readCapacity < 1 || writeCapacity < 1))
        add(QStringLiteral("capacity"), tr("Provisioned capacity must be at least 1 read and 1 write unit"));

    // One type per attribute name across the table and all indexes.
    QMap<QString, QString> types;
    if (!partition.name.isEmpty())
        types.insert(partition.name, partition.type);
    if (!sort.name.isEmpty() && sort.name != partition.name)
        types.insert(sort.name, sort.type);
    auto checkType = [&](const KeyAttribute &k, const QString &field) {
        if (k.name.isEmpty())
            return;
        if (types.contains(k.name) && types.value(k.name) != k.type)
            add(field, tr("\"%1\" is already defined with type %2").arg(k.name, types.value(k.name)));
        else
            types.insert(k.name, k.type);
    };

    QSet<QString> indexNames;
    int locals = 0, globals = 0, projected = 0;
    for (int i = 0; i < indexes.size(); ++i) {
        const IndexDesign &ix = indexes[i];
        const QString prefix = QStringLiteral("index:%1:").arg(i);
        (ix.global ? globals : locals)++;
        if (const QString p = nameProblem(ix.name); !p.isEmpty())
            add(prefix + QStringLiteral("name"), p);
        else if (indexNames.contains(ix.name))
            add(prefix + QStringLiteral("name"), tr("Another index has this name"));
        indexNames.insert(ix.name);

        if (ix.global && !ix.isMultiAttribute()) {
            if (const QString p = keyNameProblem(ix.partition.name); !p.isEmpty())
                add(prefix + QStringLiteral("partition"), p);
            else
                checkType(ix.partition, prefix + QStringLiteral("partition"));
            if (!ix.sort.name.isEmpty()) {
                if (ix.sort.name == ix.partition.name)
                    add(prefix + QStringLiteral("sort"), tr("The sort key must differ from the partition key"));
                else
                    checkType(ix.sort, prefix + QStringLiteral("sort"));
            }
        } else if (ix.global) {
            // A multi-attribute key: 1-4 HASH then 0-4 RANGE elements, each
            // named once (CreateTable refuses a duplicate name in KeySchema).
            QSet<QString> seen;
            const QList<KeyAttribute> partitions = ix.partitionKeys(), sorts = ix.sortKeys();
            if (partitions.size() > kMaxKeyAttributes)
                add(prefix + QStringLiteral("partition"), tr("At most %1 partition key attributes").arg(kMaxKeyAttributes));
            if (sorts.size() > kMaxKeyAttributes)
                add(prefix + QStringLiteral("sort"), tr("At most %1 sort key attributes").arg(kMaxKeyAttributes));
            for (const bool hash : {true, false}) {
                const QList<KeyAttribute> &list = hash ? partitions : sorts;
                const QString field = prefix + (hash ? QStringLiteral("partition") : QStringLiteral("sort"));
                for (qsizetype k = 0; k < list.size(); ++k) {
                    const KeyAttribute &a = list[k];
                    QString problem = keyNameProblem(a.name);
                    if (problem.isEmpty() && seen.contains(a.name))
                        problem = tr("\"%1\" is already in this index's key").arg(a.name);
                    seen.insert(a.name);
                    if (!problem.isEmpty())
                        add(field, tr("attribute %1: %2").arg(k + 1).arg(problem));
                    else
                        checkType(a, field);
                }
            }
        } else if (!ix.isMultiAttribute()) {
            if (sort.name.isEmpty())
                add(prefix + QStringLiteral("sort"), tr("A local index needs a table with a sort key"));
            if (ix.partition.name != partition.name)
                add(prefix + QStringLiteral("partition"), tr("A local index has the table's partition key"));
            if (const QString p = keyNameProblem(ix.sort.name); !p.isEmpty())
                add(prefix + QStringLiteral("sort"), p);
            else if (ix.sort.name == partition.name)
                add(prefix + QStringLiteral("sort"), tr("The sort key must differ from the partition key"));
            else
                checkType(ix.sort, prefix + QStringLiteral("sort"));
        } else {
            add(prefix + QStringLiteral("sort"), tr("A local index has one partition and one sort key attribute; only a global index may have more"));
        }

        if (ix.projection == QLatin1String("INCLUDE")) {
            if (ix.included.isEmpty())
                add(prefix + QStringLiteral("included"), tr("An INCLUDE projection needs at least one"));
            if (QSet<QString>(ix.included.begin(), ix.included.end()).size() != ix.included.size())
                add(prefix + QStringLiteral("included"), tr("An attribute is listed twice"));
            projected += int(ix.included.size());
        } else if (!ix.included.isEmpty()) {
            add(prefix + QStringLiteral("included"), tr("Only an INCLUDE projection lists attributes"));
        }
    }
    if (locals > kMaxLocalIndexes)
        add(QStringLiteral("indexes"), tr("At most %1 local secondary indexes").arg(kMaxLocalIndexes));
    if (globals > kMaxGlobalIndexes)
        add(QStringLiteral("indexes"), tr("At most %1 global secondary indexes").arg(kMaxGlobalIndexes));
    if (projected > kMaxProjectedAttributes)
        add(QStringLiteral("indexes"), tr("At most %1 included attributes over all indexes").arg(kMaxProjectedAttributes));

    QSet<QString> tagKeys;
    if (tags.size() > kMaxTags)
        add(QStringLiteral("tags"), tr("At most %1 tags").arg(kMaxTags));
    for (int i = 0; i < tags.size(); ++i) {
        const auto &[key, value] = tags[i];
        const QString field = QStringLiteral("tag:%1").arg(i);
        if (key.isEmpty() || key.size() > kMaxTagKeyLength)
            add(field, tr("A tag key is 1 to %1 characters long").arg(kMaxTagKeyLength));
        else if (key.startsWith(QLatin1String("aws:"), Qt::CaseInsensitive))
            add(field, tr("Tag keys starting with \"aws:\" are reserved"));
        else if (!validTagText(key))
            add(field, tr("A tag key holds letters, digits, spaces and _ . : / = + - @ only"));
        else if (tagKeys.contains(key))
            add(field, tr("Another tag has this key"));
        else if (value.size() > kMaxTagValueLength)
            add(field, tr("A tag value is at most %1 characters long").arg(kMaxTagValueLength));
        else if (!validTagText(value))
            add(field, tr("A tag value holds letters, digits, spaces and _ . : / = + - @ only"));
        tagKeys.insert(key);
    }
    if (ttlAttribute.size() > kMaxTtlAttributeLength)
        add(QStringLiteral("ttl"), tr("The TTL attribute name is at most %1 characters long").arg(kMaxTtlAttributeLength));
    if (encryption.kind == TableEncryption::Kind::CustomerManaged)
        if (const QString p = TableEncryption::keyProblem(encryption.key); !p.isEmpty())
            add(QStringLiteral("encryption"), p);
    return issues;
}

QJsonObject TableDesign::toCreateTableRequest() const
{
    QJsonObject req;
    req.insert(QStringLiteral("TableName"), tableName);

    QMap<QString, QString> types; // sorted, one per name
    auto define = [&](const KeyAttribute &k) {
        if (!k.name.isEmpty() && !types.contains(k.name))
            types.insert(k.name, k.type);
    };
    define(partition);
    define(sort);
    for (const auto &ix : indexes) {
        define(ix.global ? ix.partition : partition);
        define(ix.sort);
        for (const KeyAttribute &k : ix.morePartitions + ix.moreSorts)
            define(k);
    }
    QJsonArray definitions;
    for (auto it = types.begin(); it != types.end(); ++it)
        definitions.append(QJsonObject{{QStringLiteral("AttributeName"), it.key()}, {QStringLiteral("AttributeType"), it.value()}});
    req.insert(QStringLiteral("AttributeDefinitions"), definitions);
    req.insert(QStringLiteral("KeySchema"), keySchema(partition, sort));

    const QJsonObject throughput{{QStringLiteral("ReadCapacityUnits"), readCapacity},
                                 {QStringLiteral("WriteCapacityUnits"), writeCapacity}};
    req.insert(QStringLiteral("BillingMode"), onDemand ? QStringLiteral("PAY_PER_REQUEST") : QStringLiteral("PROVISIONED"));
    if (!onDemand)
        req.insert(QStringLiteral("ProvisionedThroughput"), throughput);

    QJsonArray gsis, lsis;
    for (const auto &ix : indexes) {
        QJsonObject projection{{QStringLiteral("ProjectionType"), ix.projection}};
        if (ix.projection == QLatin1String("INCLUDE"))
            projection.insert(QStringLiteral("NonKeyAttributes"), QJsonArray::fromStringList(ix.included));
        QJsonObject o{{QStringLiteral("IndexName"), ix.name},
                      {QStringLiteral("KeySchema"), ix.global ? keySchema(ix.partitionKeys(), ix.sortKeys()) : keySchema(partition, ix.sort)},
                      {QStringLiteral("Projection"), projection}};
        if (ix.global && !onDemand)
            o.insert(QStringLiteral("ProvisionedThroughput"), throughput);
        (ix.global ? gsis : lsis).append(o);
    }
    if (!lsis.isEmpty())
        req.insert(QStringLiteral("LocalSecondaryIndexes"), lsis);
    if (!gsis.isEmpty())
        req.insert(QStringLiteral("GlobalSecondaryIndexes"), gsis);
    if (!streamViewType.isEmpty())
        req.insert(QStringLiteral("StreamSpecification"),
                   QJsonObject{{QStringLiteral("StreamEnabled"), true}, {QStringLiteral("StreamViewType"), streamViewType}});
    if (encryption.kind != TableEncryption::Kind::Owned)
        req.insert(QStringLiteral("SSESpecification"), encryption.specification());
    if (!tags.isEmpty()) {
        QJsonArray t;
        for (const auto &[key, value] : tags)
            t.append(QJsonObject{{QStringLiteral("Key"), key}, {QStringLiteral("Value"), value}});
        req.insert(QStringLiteral("Tags"), t);
    }
    return req;
}

} // namespace dd::ui

namespace dd::ui {

namespace {

// Every HASH and every RANGE element of a KeySchema array, in order, with their types from `types`.
QPair<QList<KeyAttribute>, QList<KeyAttribute>> keysOf(const QJsonArray &schema, const QMap<QString, QString> &types)
{
    QList<KeyAttribute> partitions, sorts;
    for (const QJsonValue &v : schema) {
        const QString name = v.toObject().value(p("AttributeName")).toString();
        (v.toObject().value(p("KeyType")).toString() == p("RANGE") ? sorts : partitions).append({name, types.value(name, p("S"))});
    }
    return {partitions, sorts};
}

// Splits lists of key attributes into the first and the rest.
void splitKeys(const QPair<QList<KeyAttribute>, QList<KeyAttribute>> &keys, KeyAttribute *partition, KeyAttribute *sort,
               QList<KeyAttribute> *morePartitions, QList<KeyAttribute> *moreSorts)
{
    if (!keys.first.isEmpty())
        *partition = keys.first.first();
    if (!keys.second.isEmpty())
        *sort = keys.second.first();
    if (morePartitions)
        *morePartitions = keys.first.mid(1);
    if (moreSorts)
        *moreSorts = keys.second.mid(1);
}

} // namespace

QJsonObject TableDesign::toTimeToLiveRequest() const
{
    if (ttlAttribute.isEmpty())
        return {};
    return QJsonObject{{p("TableName"), tableName},
                       {p("TimeToLiveSpecification"), QJsonObject{{p("Enabled"), true}, {p("AttributeName"), ttlAttribute}}}};
}

TableDesign TableDesign::fromDescription(const QJsonObject &table)
{
    TableDesign d;
    d.tableName = table.value(p("TableName")).toString();
    QMap<QString, QString> types;
    for (const QJsonValue &v : table.value(p("AttributeDefinitions")).toArray())
        types.insert(v.toObject().value(p("AttributeName")).toString(), v.toObject().value(p("AttributeType")).toString());
    splitKeys(keysOf(table.value(p("KeySchema")).toArray(), types), &d.partition, &d.sort, nullptr, nullptr);
    const QString billing = table.contains(p("BillingMode"))
        ? table.value(p("BillingMode")).toString()
        : table.value(p("BillingModeSummary")).toObject().value(p("BillingMode")).toString(p("PROVISIONED"));
    d.onDemand = billing == p("PAY_PER_REQUEST");
    const QJsonObject throughput = table.value(p("ProvisionedThroughput")).toObject();
    if (!d.onDemand) {
        d.readCapacity = throughput.value(p("ReadCapacityUnits")).toInteger(5);
        d.writeCapacity = throughput.value(p("WriteCapacityUnits")).toInteger(5);
    }
    for (const bool global : {true, false}) {
        for (const QJsonValue &v : table.value(global ? p("GlobalSecondaryIndexes") : p("LocalSecondaryIndexes")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(p("IndexStatus")).toString() == p("DELETING"))
                continue;
            IndexDesign ix;
            ix.global = global;
            ix.name = o.value(p("IndexName")).toString();
            splitKeys(keysOf(o.value(p("KeySchema")).toArray(), types), &ix.partition, &ix.sort, &ix.morePartitions, &ix.moreSorts);
            const QJsonObject projection = o.value(p("Projection")).toObject();
            ix.projection = projection.value(p("ProjectionType")).toString(p("ALL"));
            for (const QJsonValue &a : projection.value(p("NonKeyAttributes")).toArray())
                ix.included << a.toString();
            d.indexes.append(ix);
        }
    }
    const QJsonObject stream = table.value(p("StreamSpecification")).toObject();
    if (stream.value(p("StreamEnabled")).toBool())
        d.streamViewType = stream.value(p("StreamViewType")).toString();
    d.encryption = TableEncryption::fromDescription(table);
    for (const QJsonValue &v : table.value(p("Tags")).toArray())
        d.tags.append({v.toObject().value(p("Key")).toString(), v.toObject().value(p("Value")).toString()});
    return d;
}

QJsonObject TableDesign::toJson() const
{
    QJsonObject doc{{p("format"), p("dynamodesk-table-design")},
                    {p("version"), kDesignVersion},
                    {p("createTable"), toCreateTableRequest()}};
    if (!ttlAttribute.isEmpty())
        doc.insert(p("timeToLive"), ttlAttribute);
    QJsonArray list;
    for (const AccessPattern &a : patterns)
        list.append(a.toJson());
    doc.insert(p("accessPatterns"), list);
    doc.insert(p("sampleItems"), samples);
    return doc;
}

bool TableDesign::fromJson(const QJsonObject &doc, TableDesign *design, QString *error)
{
    if (doc.value(p("format")).toString() != p("dynamodesk-table-design") || !doc.value(p("createTable")).isObject()) {
        *error = tr("This is not a Dynamodesk table design");
        return false;
    }
    if (doc.value(p("version")).toInt() > kDesignVersion) {
        *error = tr("This design was saved by a newer Dynamodesk (version %1)").arg(doc.value(p("version")).toInt());
        return false;
    }
    TableDesign d = fromDescription(doc.value(p("createTable")).toObject());
    d.ttlAttribute = doc.value(p("timeToLive")).toString();
    for (const QJsonValue &v : doc.value(p("accessPatterns")).toArray())
        d.patterns.append(AccessPattern::fromJson(v.toObject()));
    for (const QJsonValue &v : doc.value(p("sampleItems")).toArray())
        if (v.isObject())
            d.samples.append(v);
    *design = d;
    return true;
}

} // namespace dd::ui
