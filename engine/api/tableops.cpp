// Table operations: CreateTable, DescribeTable, ListTables, UpdateTable,
// DeleteTable, DescribeLimits, DescribeEndpoints, DescribeContributorInsights.
// Messages follow AWS's text. Warm throughput's and on-demand maximum
// throughput's own rules are in warmthroughput.h and ondemandthroughput.h;
// this file applies them where a table changes.
#include "api/kmskeys.h"
#include "api/ondemandthroughput.h"
#include "api/opcontext.h"
#include "api/resourcepolicyops.h"
#include "api/warmthroughput.h"
#include "backup/backupcatalog.h"
#include "model/limits.h"
#include "replication/replicaops.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

namespace dd::api {

namespace {

// -delayTransientStatuses: how long a table stays CREATING or UPDATING.
constexpr qint64 kTransientStatusMs = 2000;
// ProvisionedThroughput bounds (AWS: "Given value N for ReadCapacityUnits is out of bounds").
constexpr double kMaxCapacityUnits = 1e12;

// Members of a stored description that are the engine's own and never shown.
bool isPrivateMember(const QString &key) { return key.startsWith(QLatin1Char('_')); }

double epochSeconds(qint64 ms) { return double(ms) / 1000.0; }

QString tableArn(const OpContext &ctx, const QString &table)
{
    return QStringLiteral("arn:aws:dynamodb:%1:%2:table/%3").arg(ctx.db.region(), ctx.request.accountId, table);
}

QString p(const char *s) { return QString::fromLatin1(s); }

// "You can define up to four attributes for the partition key and up to
// four attributes for the sort key" of a global secondary index (Developer
// Guide, "Multi-attribute key schema"); tables and LSIs have one of each.
constexpr int kMaxKeyAttributesPerKind = 4;

// Checks the key schema of the table or of one index against the attribute
// definitions, with AWS's messages. `multiAttribute`: a GSI's, whose
// partition and sort key may each have up to four attributes, all HASH
// elements first. The messages of the multi-attribute rules are the
// engine's own: AWS's could not be found.
std::optional<QString> checkKeySchema(const QJsonArray &keySchema, const QStringList &defined, bool multiAttribute = false)
{
    QStringList keys;
    for (const auto &k : keySchema)
        keys << k.toObject().value(p("AttributeName")).toString();
    for (const QString &k : keys)
        if (!defined.contains(k))
            return QStringLiteral("One or more parameter values were invalid: Some index key attributes are not defined in "
                                  "AttributeDefinitions. Keys: [%1], AttributeDefinitions: [%2]")
                .arg(keys.join(p(", ")), defined.join(p(", ")));
    if (keys.size() == 2 && keys[0] == keys[1]
        && (!multiAttribute || keySchema.at(1).toObject().value(p("KeyType")).toString() == p("RANGE")))
        return p("Both the Hash Key and the Range Key element in the KeySchema have the same name");
    if (keySchema.at(0).toObject().value(p("KeyType")).toString() != p("HASH"))
        return p("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    if (!multiAttribute) {
        if (keySchema.size() == 2 && keySchema.at(1).toObject().value(p("KeyType")).toString() != p("RANGE"))
            return p("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        if (keySchema.size() > 2)
            return QStringLiteral("Invalid KeySchema: Too many KeySchemaElements: %1. A table or local secondary index has one HASH "
                                  "and at most one RANGE key attribute").arg(keySchema.size());
        return std::nullopt;
    }
    int hashes = 0, ranges = 0;
    for (const auto &k : keySchema) {
        if (k.toObject().value(p("KeyType")).toString() == p("HASH")) {
            if (ranges > 0)
                return p("Invalid KeySchema: A HASH KeySchemaElement cannot follow a RANGE KeySchemaElement");
            ++hashes;
        } else {
            ++ranges;
        }
    }
    for (qsizetype i = 0; i < keys.size(); ++i)
        if (keys.indexOf(keys[i]) != i)
            return QStringLiteral("Invalid KeySchema: Duplicate attribute name in KeySchema: %1").arg(keys[i]);
    if (hashes > kMaxKeyAttributesPerKind)
        return QStringLiteral("Invalid KeySchema: Too many HASH KeySchemaElements: %1. The maximum is %2").arg(hashes).arg(kMaxKeyAttributesPerKind);
    if (ranges > kMaxKeyAttributesPerKind)
        return QStringLiteral("Invalid KeySchema: Too many RANGE KeySchemaElements: %1. The maximum is %2").arg(ranges).arg(kMaxKeyAttributesPerKind);
    return std::nullopt;
}

std::optional<QString> checkThroughput(const QJsonObject &t)
{
    for (const char *k : {"ReadCapacityUnits", "WriteCapacityUnits"})
        if (t.value(p(k)).toDouble() > kMaxCapacityUnits)
            return QStringLiteral("Given value %1 for %2 is out of bounds").arg(qint64(t.value(p(k)).toDouble())).arg(p(k));
    return std::nullopt;
}

QJsonObject throughputDescription(const QJsonObject &requested)
{
    return {{p("NumberOfDecreasesToday"), 0},
            {p("ReadCapacityUnits"), requested.value(p("ReadCapacityUnits")).toInteger()},
            {p("WriteCapacityUnits"), requested.value(p("WriteCapacityUnits")).toInteger()}};
}

// Validates CreateTable beyond the service model, as AWS does; returns the message of the first problem.
std::optional<QString> checkCreateTable(const QJsonObject &req)
{
    const bool onDemand = req.value(p("BillingMode")).toString() == p("PAY_PER_REQUEST");
    const QJsonObject throughput = req.value(p("ProvisionedThroughput")).toObject();
    if (onDemand) {
        if (req.contains(p("ProvisionedThroughput")))
            return p("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
    } else {
        if (!throughput.contains(p("ReadCapacityUnits")) || !throughput.contains(p("WriteCapacityUnits")))
            return p("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        if (auto m = checkThroughput(throughput))
            return m;
    }
    QStringList defined;
    for (const auto &d : req.value(p("AttributeDefinitions")).toArray()) {
        const QString name = d.toObject().value(p("AttributeName")).toString();
        if (defined.contains(name))
            return p("Cannot have two attributes with the same name");
        defined << name;
    }
    const QJsonArray keySchema = req.value(p("KeySchema")).toArray();
    if (keySchema.size() > defined.size())
        return p("Invalid KeySchema: Some index key attribute have no definition");
    if (auto m = checkKeySchema(keySchema, defined))
        return m;

    QSet<QString> used;
    for (const auto &k : keySchema)
        used.insert(k.toObject().value(p("AttributeName")).toString());
    QSet<QString> indexNames;
    const QString tableHash = keySchema.at(0).toObject().value(p("AttributeName")).toString();
    for (const char *kind : {"LocalSecondaryIndexes", "GlobalSecondaryIndexes"}) {
        if (!req.contains(p(kind)))
            continue;
        const bool local = kind[0] == 'L';
        const QJsonArray indexes = req.value(p(kind)).toArray();
        if (indexes.isEmpty())
            return QStringLiteral("One or more parameter values were invalid: List of %1 is empty").arg(p(kind));
        if (local && keySchema.size() != 2)
            return p("One or more parameter values were invalid: Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
        for (const auto &v : indexes) {
            const QJsonObject index = v.toObject();
            const QString name = index.value(p("IndexName")).toString();
            const QJsonArray ks = index.value(p("KeySchema")).toArray();
            if (auto m = checkKeySchema(ks, defined, !local))
                return m;
            for (const auto &k : ks)
                used.insert(k.toObject().value(p("AttributeName")).toString());
            if (local) {
                if (ks.size() != 2)
                    return QStringLiteral("One or more parameter values were invalid: Index KeySchema does not have a range key for index: %1").arg(name);
                const QString hash = ks.at(0).toObject().value(p("AttributeName")).toString();
                if (hash != tableHash)
                    return QStringLiteral("One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as table KeySchema for index: %1. index hash key: %2, table hash key: %3")
                        .arg(name, hash, tableHash);
            }
            const QJsonObject projection = index.value(p("Projection")).toObject();
            const QString type = projection.value(p("ProjectionType")).toString();
            if (type.isEmpty())
                return p("One or more parameter values were invalid: Unknown ProjectionType: null");
            if (projection.contains(p("NonKeyAttributes")) && type != p("INCLUDE"))
                return QStringLiteral("One or more parameter values were invalid: ProjectionType is %1, but NonKeyAttributes is specified").arg(type);
            if (!local) {
                if (onDemand && index.contains(p("ProvisionedThroughput")))
                    return QStringLiteral("One or more parameter values were invalid: ProvisionedThroughput should not be specified for index: %1 when BillingMode is PAY_PER_REQUEST").arg(name);
                if (!onDemand && !index.contains(p("ProvisionedThroughput")))
                    return QStringLiteral("One or more parameter values were invalid: ProvisionedThroughput must be specified for index: %1").arg(name);
            }
            if (indexNames.contains(name))
                return QStringLiteral("One or more parameter values were invalid: Duplicate index name: %1").arg(name);
            indexNames.insert(name);
        }
        if (local && indexes.size() > model::kMaxLsiPerTable)
            return p("One or more parameter values were invalid: Number of LocalSecondaryIndexes exceeds per-table limit of 5");
        if (!local && indexes.size() > model::kMaxGsiPerTable)
            return p("One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of 20");
    }
    if (used.size() != defined.size())
        return QStringLiteral("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
    const QJsonObject stream = req.value(p("StreamSpecification")).toObject();
    if (req.contains(p("StreamSpecification"))) {
        if (stream.value(p("StreamEnabled")).toBool() && !stream.contains(p("StreamViewType")))
            return p("One or more parameter values were invalid: Enabled stream must have a StreamViewType");
        if (!stream.value(p("StreamEnabled")).toBool() && stream.contains(p("StreamViewType")))
            return p("One or more parameter values were invalid: Disabled stream must not have a StreamViewType");
    }
    const QJsonArray tags = req.value(p("Tags")).toArray();
    if (tags.size() > model::kMaxTagsPerResource)
        return p("One or more parameter values were invalid: Too many tags");
    return std::nullopt;
}

// The live TableStatus: a transient status ends when its time has come.
QString liveStatus(const QJsonObject &desc, qint64 nowMs)
{
    const QString status = desc.value(p("TableStatus")).toString();
    if ((status == p("CREATING") || status == p("UPDATING")) && nowMs >= desc.value(p("_StatusUntilMs")).toInteger())
        return p("ACTIVE");
    return status;
}

// An index being deleted is shown as DELETING until its time has come.
bool indexGone(const QJsonObject &index, qint64 nowMs)
{
    return index.value(p("IndexStatus")).toString() == p("DELETING") && nowMs >= index.value(p("_StatusUntilMs")).toInteger();
}

// The description as DescribeTable shows it; `showDeleting` keeps indexes
// whose deletion is over (UpdateTable's answer to a Delete shows it DELETING).
QJsonObject publicDescription(OpContext &ctx, const storage::TableDef &table, bool withStats, bool showDeleting = false)
{
    QJsonObject out;
    for (auto it = table.description.begin(); it != table.description.end(); ++it)
        if (!isPrivateMember(it.key()))
            out.insert(it.key(), it.value());
    const qint64 now = ctx.clock->nowMs();
    const QString status = liveStatus(table.description, now);
    out.insert(p("TableStatus"), status);
    const bool everOnDemand = WarmThroughput::everOnDemand(table.description);
    out.insert(p("WarmThroughput"), WarmThroughput::describe(table.description, everOnDemand, now));
    if (withStats) {
        const auto stats = ctx.db.tableStats(table.id);
        out.insert(p("ItemCount"), stats.ok() ? stats->first : 0);
        out.insert(p("TableSizeBytes"), stats.ok() ? stats->second : 0);
    }
    for (const char *kind : {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
        if (!out.contains(p(kind)))
            continue;
        QJsonArray indexes;
        for (const auto &v : out.value(p(kind)).toArray()) {
            const QJsonObject stored = v.toObject();
            if (indexGone(stored, now) && !showDeleting)
                continue;
            QJsonObject index;
            for (auto it = stored.begin(); it != stored.end(); ++it)
                if (!isPrivateMember(it.key()))
                    index.insert(it.key(), it.value());
            const QString indexStatus = index.value(p("IndexStatus")).toString();
            if (kind[0] == 'G' && !index.value(p("Backfilling")).toBool() && status == p("ACTIVE")
                && (indexStatus == p("CREATING") || (indexStatus == p("UPDATING") && now >= stored.value(p("_StatusUntilMs")).toInteger())))
                index.insert(p("IndexStatus"), p("ACTIVE"));
            if (kind[0] == 'G')
                index.insert(p("WarmThroughput"), WarmThroughput::describe(stored, everOnDemand, now));
            if (withStats && stored.contains(p("_IndexId"))) {
                const auto stats = ctx.db.indexStats(stored.value(p("_IndexId")).toInteger());
                index.insert(p("ItemCount"), stats.ok() ? stats->first : 0);
                index.insert(p("IndexSizeBytes"), stats.ok() ? stats->second : 0);
            }
            indexes.append(index);
        }
        if (indexes.isEmpty())
            out.remove(p(kind));
        else
            out.insert(p(kind), indexes);
    }
    return out;
}

// Whether a GSI is being created or deleted: AWS allows one such change at a time per table.
bool indexChangeInFlight(const QJsonObject &desc, qint64 nowMs)
{
    for (const auto &v : desc.value(p("GlobalSecondaryIndexes")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(p("Backfilling")).toBool() || (o.value(p("IndexStatus")).toString() == p("DELETING") && !indexGone(o, nowMs)))
            return true;
    }
    return false;
}

// GlobalSecondaryIndexUpdates, the checks that need no table (AWS checks
// them first); messages as AWS's.
std::optional<ApiError> checkIndexUpdates(const QJsonObject &req)
{
    const QJsonArray updates = req.value(p("GlobalSecondaryIndexUpdates")).toArray();
    QSet<QString> names;
    int createsOrDeletes = 0;
    bool creates = false;
    for (const auto &v : updates) {
        const QJsonObject u = v.toObject();
        const int actions = int(u.contains(p("Update"))) + int(u.contains(p("Create"))) + int(u.contains(p("Delete")));
        if (actions == 0)
            return ApiError::validation(p("One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Update, "
                                          "GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null"));
        if (actions > 1)
            return ApiError::validation(p("One or more parameter values were invalid: Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object"));
        const QString action = u.contains(p("Update")) ? p("Update") : u.contains(p("Create")) ? p("Create") : p("Delete");
        const QString name = u.value(action).toObject().value(p("IndexName")).toString();
        if (names.contains(name))
            return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Only one global secondary index update per index is allowed simultaneously. Index: %1").arg(name));
        names.insert(name);
        // Checked before the table and the index are looked up, as on AWS (DDB-TABLE-456).
        if (const QJsonObject up = u.value(p("Update")).toObject(); up.contains(p("WarmThroughput")) && !WarmThroughput::requested(up))
            return ApiError::validation(QStringLiteral("One or more parameter values were invalid: WarmThroughput must have at least one of ReadUnitsPerSecond or "
                                                       "WriteUnitsPerSecond specified for index: %1").arg(name));
        if (action != p("Update"))
            ++createsOrDeletes;
        creates = creates || action == p("Create");
    }
    if (createsOrDeletes > 1)
        return ApiError::limitExceeded(p("Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table"));
    if (createsOrDeletes == 1) {
        if (req.contains(p("ProvisionedThroughput")))
            return ApiError::validation(p("One or more parameter values were invalid: You cannot create or delete index while updating table IOPS"));
        if (req.contains(p("StreamSpecification")))
            return ApiError::validation(p("One or more parameter values were invalid: You cannot create or delete index while changing stream status"));
        if (req.contains(p("DeletionProtectionEnabled")))
            return ApiError::validation(p("One or more parameter values were invalid: DeletionProtection modification must be the only operation in the request"));
        if (req.contains(p("TableClass")))
            return ApiError::validation(p("One or more parameter values were invalid: TableClass modification must be the only operation in the request"));
    }
    Q_UNUSED(creates);
    return std::nullopt;
}

// Whether an UpdateTable changes nothing but warm throughput and on-demand
// maxima (the table's, its indexes' or both): AWS applies those with the
// table ACTIVE (DDB-TABLE-179, -155, -410, -135).
bool staysActive(const QJsonObject &req)
{
    for (const char *other : {"ProvisionedThroughput", "BillingMode", "StreamSpecification", "SSESpecification", "TableClass", "DeletionProtectionEnabled"})
        if (req.contains(p(other)))
            return false;
    bool change = WarmThroughput::requested(req) || OnDemandThroughput::requested(req);
    for (const QJsonValue &u : req.value(p("GlobalSecondaryIndexUpdates")).toArray()) {
        const QJsonObject up = u.toObject().value(p("Update")).toObject();
        if (!u.toObject().contains(p("Update")) || up.contains(p("ProvisionedThroughput")))
            return false;
        change = change || WarmThroughput::requested(up) || OnDemandThroughput::requested(up);
    }
    return change;
}

// Applies GlobalSecondaryIndexUpdates to `desc` (inside the write, after
// the table's own changes). Create adds the index CREATING and Backfilling
// (Database::updateTable gives it a store and fills it); Delete drops it
// (shown DELETING for a while with delayTransientStatuses); Update sets its
// throughput.
std::optional<ApiError> applyIndexUpdates(OpContext &ctx, const QJsonObject &req, QJsonObject &desc, qint64 nowMs)
{
    const QJsonArray updates = req.value(p("GlobalSecondaryIndexUpdates")).toArray();
    if (updates.isEmpty())
        return std::nullopt;
    const QString tableName = desc.value(p("TableName")).toString();
    const bool onDemand = desc.value(p("BillingModeSummary")).toObject().value(p("BillingMode")).toString() == p("PAY_PER_REQUEST");
    QJsonArray gsis = desc.value(p("GlobalSecondaryIndexes")).toArray();
    // Indexes whose deletion has run its course are dropped from the description for good.
    for (qsizetype i = gsis.size() - 1; i >= 0; --i)
        if (indexGone(gsis.at(i).toObject(), nowMs))
            gsis.removeAt(i);
    const QJsonArray lsis = desc.value(p("LocalSecondaryIndexes")).toArray();
    const auto findIn = [](const QJsonArray &list, const QString &name) -> qsizetype {
        for (qsizetype i = 0; i < list.size(); ++i)
            if (list.at(i).toObject().value(p("IndexName")).toString() == name)
                return i;
        return -1;
    };
    bool createOrDelete = false;
    for (const auto &v : updates)
        createOrDelete = createOrDelete || !v.toObject().contains(p("Update"));
    if (createOrDelete && indexChangeInFlight(desc, nowMs))
        return ApiError::limitExceeded(p("Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table"));
    QJsonArray attributeDefinitions = desc.value(p("AttributeDefinitions")).toArray();

    for (const auto &v : updates) {
        const QJsonObject u = v.toObject();
        if (u.contains(p("Create"))) {
            const QJsonObject c = u.value(p("Create")).toObject();
            const QString name = c.value(p("IndexName")).toString();
            if (findIn(gsis, name) >= 0 || findIn(lsis, name) >= 0)
                return ApiError::validation(p("Attempting to create an index which already exists"));
            if (!req.contains(p("AttributeDefinitions")))
                return ApiError::validation(QStringLiteral("One or more parameter values were invalid: AttributeDefinitions is not specified for index: %1").arg(name));
            QStringList defined;
            QHash<QString, QString> requestTypes;
            for (const auto &d : req.value(p("AttributeDefinitions")).toArray()) {
                const QJsonObject o = d.toObject();
                defined << o.value(p("AttributeName")).toString();
                requestTypes.insert(defined.back(), o.value(p("AttributeType")).toString());
            }
            const QJsonArray ks = c.value(p("KeySchema")).toArray();
            if (auto m = checkKeySchema(ks, defined, true))
                return ApiError::validation(*m);
            for (const auto &k : ks) {
                const QString attr = k.toObject().value(p("AttributeName")).toString();
                const QString type = requestTypes.value(attr);
                qsizetype existing = -1;
                for (qsizetype i = 0; i < attributeDefinitions.size(); ++i)
                    if (attributeDefinitions.at(i).toObject().value(p("AttributeName")).toString() == attr)
                        existing = i;
                if (existing < 0) {
                    attributeDefinitions.append(QJsonObject{{p("AttributeName"), attr}, {p("AttributeType"), type}});
                } else if (attributeDefinitions.at(existing).toObject().value(p("AttributeType")).toString() != type) {
                    return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Attributes cannot be redefined. Please check that "
                                                               "your attribute has the same type as previously defined. Attribute: %1, existing type: %2, new type: %3")
                                                    .arg(attr, attributeDefinitions.at(existing).toObject().value(p("AttributeType")).toString(), type));
                }
            }
            const QJsonObject projection = c.value(p("Projection")).toObject();
            const QString type = projection.value(p("ProjectionType")).toString();
            if (type.isEmpty())
                return ApiError::validation(p("One or more parameter values were invalid: Unknown ProjectionType: null"));
            if (projection.contains(p("NonKeyAttributes")) && type != p("INCLUDE"))
                return ApiError::validation(QStringLiteral("One or more parameter values were invalid: ProjectionType is %1, but NonKeyAttributes is specified").arg(type));
            if (type == p("INCLUDE") && projection.value(p("NonKeyAttributes")).toArray().isEmpty())
                return ApiError::validation(p("One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified"));
            if (onDemand && c.contains(p("ProvisionedThroughput")))
                return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: %1 when BillingMode is PAY_PER_REQUEST").arg(name));
            if (!onDemand && !c.contains(p("ProvisionedThroughput")))
                return ApiError::validation(QStringLiteral("One or more parameter values were invalid: ProvisionedThroughput must be specified for index: %1").arg(name));
            if (gsis.size() >= model::kMaxGsiPerTable)
                return ApiError::limitExceeded(QStringLiteral("One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of %1").arg(model::kMaxGsiPerTable));
            if (auto e = OnDemandThroughput::checkCreate(c, onDemand, name, true, ctx.db.region()))
                return *e;
            const WarmThroughput initial = WarmThroughput::initial(onDemand, c.value(p("ProvisionedThroughput")).toObject());
            if (auto e = WarmThroughput::checkCreate(c.value(p("WarmThroughput")).toObject(), initial, onDemand, p("index ") + name, ctx.db.region()))
                return *e;
            QJsonObject index{{p("IndexName"), name},
                              {p("KeySchema"), ks},
                              {p("Projection"), projection},
                              {p("IndexStatus"), p("CREATING")},
                              {p("Backfilling"), true},
                              {p("ProvisionedThroughput"), throughputDescription(c.value(p("ProvisionedThroughput")).toObject())},
                              {p("IndexSizeBytes"), 0},
                              {p("ItemCount"), 0},
                              {p("IndexArn"), desc.value(p("TableArn")).toString() + p("/index/") + name}};
            initial.with(c.value(p("WarmThroughput")).toObject())
                .storeIn(index, WarmThroughput::requested(c) && ctx.options.delayTransientStatuses ? nowMs + kTransientStatusMs : 0);
            OnDemandThroughput::applyTo(index, c.value(p("OnDemandThroughput")).toObject());
            gsis.append(index);
        } else if (u.contains(p("Delete"))) {
            const QString name = u.value(p("Delete")).toObject().value(p("IndexName")).toString();
            const qsizetype at = findIn(gsis, name);
            if (at < 0 && findIn(lsis, name) >= 0)
                return ApiError::validation(QStringLiteral("Cannot delete an index that is not a GlobalSecondaryIndex: %1").arg(name));
            if (at < 0 || gsis.at(at).toObject().value(p("IndexStatus")).toString() == p("DELETING"))
                return ApiError::resourceNotFound(QStringLiteral("Requested resource not found: Index: %1 not found for table: %2").arg(name, tableName));
            QJsonObject o = gsis.at(at).toObject();
            o.insert(p("IndexStatus"), p("DELETING"));
            o.insert(p("_StatusUntilMs"), nowMs + (ctx.options.delayTransientStatuses ? kTransientStatusMs : 0));
            o.remove(p("_IndexId"));
            o.remove(p("Backfilling"));
            gsis.replace(at, o);
        } else {
            const QJsonObject up = u.value(p("Update")).toObject();
            const QString name = up.value(p("IndexName")).toString();
            const qsizetype at = findIn(gsis, name);
            if (at < 0 && findIn(lsis, name) >= 0)
                return ApiError::validation(QStringLiteral("Cannot update an index that is not a GlobalSecondaryIndex: %1").arg(name));
            if (at < 0 || gsis.at(at).toObject().value(p("IndexStatus")).toString() == p("DELETING"))
                return ApiError::resourceNotFound(QStringLiteral("Requested resource not found: Index: %1 not found for table: %2").arg(name, tableName));
            // An Update may raise the index's warm throughput, set its
            // on-demand maxima (on demand, only those two), set its capacity
            // (provisioned), or warm throughput and capacity.
            const bool warm = WarmThroughput::requested(up);
            const bool maxima = OnDemandThroughput::requested(up);
            if (auto e = OnDemandThroughput::checkUpdate(up, onDemand, name, ctx.db.region()))
                return *e;
            if (onDemand && ((!warm && !maxima) || up.contains(p("ProvisionedThroughput"))))
                return ApiError::validation(QStringLiteral("One or more parameter values were invalid: The only Updates for index: %1 when TableThroughputMode is PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput").arg(name));
            if (!warm && !maxima && !up.contains(p("ProvisionedThroughput")))
                return ApiError::validation(QStringLiteral("One or more parameter values were invalid: ProvisionedThroughput must be specified for index: %1").arg(name));
            QJsonObject o = gsis.at(at).toObject();
            const WarmThroughput current = WarmThroughput::of(o, WarmThroughput::everOnDemand(desc));
            if (warm)
                if (auto e = WarmThroughput::checkUpdate(up.value(p("WarmThroughput")).toObject(), current, p("index ") + name, ctx.db.region()))
                    return *e;
            const WarmThroughput raised = current.with(up.value(p("WarmThroughput")).toObject());
            const qint64 warmUntil = warm && ctx.options.delayTransientStatuses ? nowMs + kTransientStatusMs : o.value(p("_WarmUntilMs")).toInteger();
            if (!up.contains(p("ProvisionedThroughput"))) {
                raised.storeIn(o, warmUntil);
                // New maxima show the index UPDATING for a while, the table
                // staying ACTIVE; they apply at once (DDB-TABLE-135).
                if (maxima) {
                    OnDemandThroughput::applyTo(o, up.value(p("OnDemandThroughput")).toObject());
                    if (ctx.options.delayTransientStatuses && !o.value(p("Backfilling")).toBool()) {
                        o.insert(p("IndexStatus"), p("UPDATING"));
                        o.insert(p("_StatusUntilMs"), nowMs + kTransientStatusMs);
                    }
                }
                gsis.replace(at, o);
                continue;
            }
            const QJsonObject want = up.value(p("ProvisionedThroughput")).toObject();
            if (auto m = checkThroughput(want))
                return ApiError::validation(p("This operation cannot be performed with given input values. Please contact DynamoDB service team for more info: Action Blocked: IndexUpdate"));
            QJsonObject pt = o.value(p("ProvisionedThroughput")).toObject();
            const qint64 r0 = pt.value(p("ReadCapacityUnits")).toInteger(), w0 = pt.value(p("WriteCapacityUnits")).toInteger();
            const qint64 r1 = want.value(p("ReadCapacityUnits")).toInteger(), w1 = want.value(p("WriteCapacityUnits")).toInteger();
            if (r0 == r1 && w0 == w1)
                return ApiError::validation(QStringLiteral(
                    "The provisioned throughput for the index %1 will not change. The requested value equals the current value. "
                    "Current ReadCapacityUnits provisioned for the index: %2. Requested ReadCapacityUnits: %3. "
                    "Current WriteCapacityUnits provisioned for the index: %4. Requested WriteCapacityUnits: %5. "
                    "Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.")
                                                .arg(name).arg(r0).arg(r1).arg(w0).arg(w1));
            if (r1 > r0 || w1 > w0)
                pt.insert(p("LastIncreaseDateTime"), epochSeconds(nowMs));
            if (r1 < r0 || w1 < w0) {
                pt.insert(p("LastDecreaseDateTime"), epochSeconds(nowMs));
                pt.insert(p("NumberOfDecreasesToday"), pt.value(p("NumberOfDecreasesToday")).toInteger() + 1);
            }
            pt.insert(p("ReadCapacityUnits"), r1);
            pt.insert(p("WriteCapacityUnits"), w1);
            o.insert(p("ProvisionedThroughput"), pt);
            // Warm throughput follows the highest capacity ever provisioned (DDB-TABLE-061).
            raised.atLeast(WarmThroughput::initial(false, pt)).storeIn(o, warmUntil);
            if (ctx.options.delayTransientStatuses && !o.value(p("Backfilling")).toBool()) {
                o.insert(p("IndexStatus"), p("UPDATING"));
                o.insert(p("_StatusUntilMs"), nowMs + kTransientStatusMs);
            }
            gsis.replace(at, o);
        }
    }
    // AttributeDefinitions hold exactly the key attributes of the table and its (remaining) indexes.
    QSet<QString> used;
    const auto use = [&used](const QJsonArray &ks) {
        for (const auto &k : ks)
            used.insert(k.toObject().value(p("AttributeName")).toString());
    };
    use(desc.value(p("KeySchema")).toArray());
    for (const auto &v : gsis)
        if (v.toObject().value(p("IndexStatus")).toString() != p("DELETING"))
            use(v.toObject().value(p("KeySchema")).toArray());
    for (const auto &v : lsis)
        use(v.toObject().value(p("KeySchema")).toArray());
    QJsonArray pruned;
    for (const auto &d : attributeDefinitions)
        if (used.contains(d.toObject().value(p("AttributeName")).toString()))
            pruned.append(d);
    desc.insert(p("AttributeDefinitions"), pruned);
    if (gsis.isEmpty())
        desc.remove(p("GlobalSecondaryIndexes"));
    else
        desc.insert(p("GlobalSecondaryIndexes"), gsis);
    return std::nullopt;
}

} // namespace

QByteArray toBody(const QJsonObject &response) { return QJsonDocument(response).toJson(QJsonDocument::Compact); }

QString streamLabel(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs).chopped(1);
}

Result<std::shared_ptr<const storage::TableDef>> requireTable(OpContext &ctx, const QString &name, bool itemOperation)
{
    auto table = ctx.db.table(name);
    // AWS: "The operation tried to access a nonexistent table or index. The
    // resource might not be specified correctly, or its status might not be
    // ACTIVE." A table being restored takes no item operations.
    if (!table || (itemOperation && table->restoring))
        return ApiError::resourceNotFound(itemOperation ? p("Requested resource not found")
                                                        : QStringLiteral("Requested resource not found: Table: %1 not found").arg(name));
    return table;
}

namespace {

// AWS encrypts every table at rest. SSESpecification Enabled puts a KMS key
// of the account to it, which SSEDescription names; without it, a key AWS
// owns does, and DescribeTable shows no SSEDescription.
std::optional<QJsonObject> sseDescription(const OpContext &ctx, const QJsonObject &spec)
{
    if (!spec.value(p("Enabled")).toBool())
        return std::nullopt;
    return QJsonObject{{p("Status"), p("ENABLED")},
                       {p("SSEType"), p("KMS")},
                       {p("KMSMasterKeyArn"), kmsKeyArn(ctx.db.region(), ctx.request.accountId, spec.value(p("KMSMasterKeyId")).toString())}};
}

} // namespace

Result<QByteArray> createTable(OpContext &ctx, const QJsonObject &req)
{
    if (auto m = checkCreateTable(req))
        return ApiError::validation(*m);
    const QString name = req.value(p("TableName")).toString();
    if (ctx.backups)
        ctx.backups->clearFailedRestore(ctx.db.region(), name);
    const qint64 now = ctx.clock->nowMs();
    const bool onDemand = req.value(p("BillingMode")).toString() == p("PAY_PER_REQUEST");
    const QString arn = tableArn(ctx, name);
    // Warm throughput: the initial value unless the request asks for more.
    const auto warmOf = [&](const QJsonObject &tableOrIndex) {
        return WarmThroughput::initial(onDemand, tableOrIndex.value(p("ProvisionedThroughput")).toObject());
    };
    const auto warmUntil = [&](const QJsonObject &tableOrIndex) {
        return WarmThroughput::requested(tableOrIndex) && ctx.options.delayTransientStatuses ? now + kTransientStatusMs : 0;
    };
    if (auto e = OnDemandThroughput::checkCreate(req, onDemand, QString(), false, ctx.db.region()))
        return *e;
    for (const QJsonValue &v : req.value(p("GlobalSecondaryIndexes")).toArray())
        if (auto e = OnDemandThroughput::checkCreate(v.toObject(), onDemand, v.toObject().value(p("IndexName")).toString(), false, ctx.db.region()))
            return *e;
    if (auto e = WarmThroughput::checkCreate(req.value(p("WarmThroughput")).toObject(), warmOf(req), onDemand, p("table"), ctx.db.region()))
        return *e;
    for (const QJsonValue &v : req.value(p("GlobalSecondaryIndexes")).toArray())
        if (auto e = WarmThroughput::checkCreate(v.toObject().value(p("WarmThroughput")).toObject(), warmOf(v.toObject()), onDemand,
                                                 p("index ") + v.toObject().value(p("IndexName")).toString(), ctx.db.region()))
            return *e;

    QJsonObject desc;
    desc.insert(p("AttributeDefinitions"), req.value(p("AttributeDefinitions")));
    desc.insert(p("TableName"), name);
    desc.insert(p("KeySchema"), req.value(p("KeySchema")));
    desc.insert(p("TableStatus"), ctx.options.delayTransientStatuses ? p("CREATING") : p("ACTIVE"));
    desc.insert(p("_StatusUntilMs"), now + (ctx.options.delayTransientStatuses ? kTransientStatusMs : 0));
    desc.insert(p("CreationDateTime"), epochSeconds(now));
    desc.insert(p("ProvisionedThroughput"), throughputDescription(req.value(p("ProvisionedThroughput")).toObject()));
    desc.insert(p("TableArn"), arn);
    desc.insert(p("TableId"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (onDemand)
        desc.insert(p("BillingModeSummary"), QJsonObject{{p("BillingMode"), p("PAY_PER_REQUEST")},
                                                       {p("LastUpdateToPayPerRequestDateTime"), epochSeconds(now)}});
    warmOf(req).with(req.value(p("WarmThroughput")).toObject()).storeIn(desc, warmUntil(req));
    OnDemandThroughput::applyTo(desc, req.value(p("OnDemandThroughput")).toObject());
    for (const char *kind : {"LocalSecondaryIndexes", "GlobalSecondaryIndexes"}) {
        if (!req.contains(p(kind)))
            continue;
        QJsonArray out;
        for (const auto &v : req.value(p(kind)).toArray()) {
            const QJsonObject in = v.toObject();
            QJsonObject index{{p("IndexName"), in.value(p("IndexName"))},
                              {p("KeySchema"), in.value(p("KeySchema"))},
                              {p("Projection"), in.value(p("Projection"))},
                              {p("IndexSizeBytes"), 0},
                              {p("ItemCount"), 0},
                              {p("IndexArn"), arn + p("/index/") + in.value(p("IndexName")).toString()}};
            if (kind[0] == 'G') {
                index.insert(p("IndexStatus"), ctx.options.delayTransientStatuses ? p("CREATING") : p("ACTIVE"));
                index.insert(p("ProvisionedThroughput"), throughputDescription(in.value(p("ProvisionedThroughput")).toObject()));
                warmOf(in).with(in.value(p("WarmThroughput")).toObject()).storeIn(index, warmUntil(in));
                OnDemandThroughput::applyTo(index, in.value(p("OnDemandThroughput")).toObject());
            }
            out.append(index);
        }
        desc.insert(p(kind), out);
    }
    const QJsonObject stream = req.value(p("StreamSpecification")).toObject();
    if (stream.value(p("StreamEnabled")).toBool()) {
        const QString label = streamLabel(now);
        desc.insert(p("StreamSpecification"), stream);
        desc.insert(p("LatestStreamLabel"), label);
        desc.insert(p("LatestStreamArn"), arn + p("/stream/") + label);
    }
    if (req.contains(p("TableClass")))
        desc.insert(p("TableClassSummary"), QJsonObject{{p("TableClass"), req.value(p("TableClass"))}});
    desc.insert(p("DeletionProtectionEnabled"), req.value(p("DeletionProtectionEnabled")).toBool(false));
    if (const auto sse = sseDescription(ctx, req.value(p("SSESpecification")).toObject()))
        desc.insert(p("SSEDescription"), *sse);
    if (req.contains(p("Tags")))
        desc.insert(p("_Tags"), req.value(p("Tags")));
    // A resource-based policy from the start (read as PutResourcePolicy reads one).
    if (req.contains(p("ResourcePolicy")))
        DD_CHECK(attachCreatePolicy(ctx, req.value(p("ResourcePolicy")).toString(), arn, desc, now));

    auto created = ctx.db.write<std::shared_ptr<const storage::TableDef>>(
        [&](storage::WriteTxn &txn) -> Result<std::shared_ptr<const storage::TableDef>> {
            if (ctx.db.table(name))
                return ApiError::resourceInUse(QStringLiteral("Table already exists: %1").arg(name));
            return ctx.db.createTable(txn, desc);
        });
    if (!created.ok())
        return created.error();
    QJsonObject out = publicDescription(ctx, **created, false);
    out.insert(p("TableStatus"), desc.value(p("TableStatus")));
    out.insert(p("ItemCount"), 0);
    out.insert(p("TableSizeBytes"), 0);
    // AWS's CreateTable answer shows a WarmThroughput only where the request
    // gave one; DescribeTable always does (DDB-TABLE-033).
    if (!WarmThroughput::requested(req))
        out.remove(p("WarmThroughput"));
    QJsonArray gsis = out.value(p("GlobalSecondaryIndexes")).toArray();
    const QJsonArray requestedGsis = req.value(p("GlobalSecondaryIndexes")).toArray();
    for (qsizetype i = 0; i < gsis.size(); ++i) {
        QJsonObject index = gsis.at(i).toObject();
        const bool asked = std::any_of(requestedGsis.begin(), requestedGsis.end(), [&](const QJsonValue &r) {
            return r.toObject().value(p("IndexName")) == index.value(p("IndexName")) && WarmThroughput::requested(r.toObject());
        });
        if (!asked)
            index.remove(p("WarmThroughput"));
        gsis.replace(i, index);
    }
    if (!gsis.isEmpty())
        out.insert(p("GlobalSecondaryIndexes"), gsis);
    return toBody({{p("TableDescription"), out}});
}

Result<QByteArray> describeTable(OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("TableName")).toString();
    auto table = requireTable(ctx, name, false);
    if (!table.ok()) {
        // A restore that failed in the background removed its table: say why.
        if (ctx.backups && table.error().type() == QLatin1String("ResourceNotFoundException"))
            if (const QString why = ctx.backups->failedRestore(ctx.db.region(), name); !why.isEmpty())
                return ApiError::resourceNotFound(table.error().message() + QStringLiteral(" (its restore failed and it was removed: %1)").arg(why));
        return table.error();
    }
    return toBody({{p("Table"), publicDescription(ctx, **table, true)}});
}

Result<QByteArray> listTables(OpContext &ctx, const QJsonObject &req)
{
    const int limit = req.contains(p("Limit")) ? req.value(p("Limit")).toInt() : 100;
    const QString start = req.value(p("ExclusiveStartTableName")).toString();
    QJsonArray names;
    QString last;
    bool more = false;
    for (const QString &name : ctx.db.tableNames()) {
        if (!start.isEmpty() && model::compareUtf8(name, start) <= 0)
            continue;
        if (names.size() == limit) {
            more = true;
            break;
        }
        names.append(name);
        last = name;
    }
    QJsonObject out{{p("TableNames"), names}};
    if (more)
        out.insert(p("LastEvaluatedTableName"), last);
    return toBody(out);
}

Result<QByteArray> updateTable(OpContext &ctx, const QJsonObject &req)
{
    // A WarmThroughput without members counts as none, as on AWS (which
    // answers one alone with an InternalFailure, DDB-TABLE-437/456).
    // So does an empty OnDemandThroughput (DDB-TABLE-178).
    const bool warm = WarmThroughput::requested(req);
    const bool maxima = OnDemandThroughput::requested(req);
    if (!req.contains(p("ProvisionedThroughput")) && !req.contains(p("BillingMode")) && !req.contains(p("StreamSpecification"))
        && req.value(p("GlobalSecondaryIndexUpdates")).toArray().isEmpty() && !req.contains(p("SSESpecification"))
        && !req.contains(p("ReplicaUpdates")) && !req.contains(p("TableClass")) && !req.contains(p("DeletionProtectionEnabled")) && !warm && !maxima)
        return ApiError::validation(p("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification, "
                                      "ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, "
                                      "OnDemandThroughput, WarmThroughput or TableClass is required"));
    if (req.value(p("BillingMode")).toString() == p("PROVISIONED") && !req.contains(p("ProvisionedThroughput")))
        return ApiError::validation(p("One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED"));
    if (auto m = checkThroughput(req.value(p("ProvisionedThroughput")).toObject()))
        return ApiError::validation(*m);
    if (req.contains(p("GlobalSecondaryIndexUpdates")) && req.value(p("GlobalSecondaryIndexUpdates")).toArray().isEmpty())
        return ApiError::validation(p("One or more parameter values were invalid: List of GlobalSecondaryIndexUpdates is empty"));
    if (auto e = checkIndexUpdates(req))
        return *e;
    // The table's OnDemandThroughput goes alone or with BillingMode (AWS's
    // text, DDB-TABLE-442).
    if (maxima && !req.contains(p("ReplicaUpdates"))) {
        bool other = warm || !req.value(p("GlobalSecondaryIndexUpdates")).toArray().isEmpty();
        for (const char *member : {"ProvisionedThroughput", "StreamSpecification", "SSESpecification", "TableClass", "DeletionProtectionEnabled"})
            other = other || req.contains(p(member));
        if (other)
            return ApiError::validation(p("One or more parameter values were invalid: OnDemandThroughput can only be combined with BillingMode in an UpdateTable request"));
    }
    // The table's WarmThroughput goes alone, or with index updates other than
    // a Create (AWS's texts, DDB-TABLE-442).
    if (warm && !req.contains(p("ReplicaUpdates"))) {
        for (const QJsonValue &u : req.value(p("GlobalSecondaryIndexUpdates")).toArray())
            if (u.toObject().contains(p("Create")))
                return ApiError::validation(p("One or more parameter values were invalid: Create global secondary index cannot be specified when updating WarmThroughput"));
        for (const char *other : {"ProvisionedThroughput", "BillingMode", "StreamSpecification", "SSESpecification", "TableClass", "DeletionProtectionEnabled"})
            if (req.contains(p(other)))
                return ApiError::validation(p("One or more parameter values were invalid: WarmThroughput must be the only operation in the request"));
    }
    if (req.contains(p("ReplicaUpdates"))) {
        for (const char *other : {"ProvisionedThroughput", "BillingMode", "StreamSpecification", "GlobalSecondaryIndexUpdates", "SSESpecification",
                                  "TableClass", "DeletionProtectionEnabled", "AttributeDefinitions", "WarmThroughput", "OnDemandThroughput"})
            if (req.contains(p(other)))
                return ApiError::validation(p("One or more parameter values were invalid: Replica modification must be the only operation in the request"));
        return replication::updateReplicas(ctx, req);
    }

    const QString name = req.value(p("TableName")).toString();
    auto updated = ctx.db.write<std::shared_ptr<const storage::TableDef>>(
        [&](storage::WriteTxn &txn) -> Result<std::shared_ptr<const storage::TableDef>> {
            DD_ASSIGN(auto table, requireTable(ctx, name, false));
            QJsonObject desc = table->description;
            const QString status = liveStatus(desc, txn.nowMs);
            if (status != p("ACTIVE"))
                return ApiError::resourceInUse(QStringLiteral("Attempt to change a resource which is still in use: Table is being %1: %2")
                                                   .arg(status == p("CREATING") ? p("created") : p("updated"), name));
            const QString currentMode = desc.value(p("BillingModeSummary")).toObject().value(p("BillingMode")).toString(p("PROVISIONED"));
            const QString mode = req.value(p("BillingMode")).toString(currentMode);
            bool changed = false;
            // The table's warm throughput: raised by the request, by a capacity
            // increase and by a switch to on demand; never lowered.
            WarmThroughput warmNow = WarmThroughput::of(desc, WarmThroughput::everOnDemand(desc));
            qint64 warmUntil = desc.value(p("_WarmUntilMs")).toInteger();
            if (warm) {
                if (auto e = WarmThroughput::checkUpdate(req.value(p("WarmThroughput")).toObject(), warmNow, p("table"), ctx.db.region()))
                    return *e;
                warmNow = warmNow.with(req.value(p("WarmThroughput")).toObject());
                if (ctx.options.delayTransientStatuses)
                    warmUntil = txn.nowMs + kTransientStatusMs;
            }
            if (req.contains(p("ProvisionedThroughput"))) {
                if (mode == p("PAY_PER_REQUEST"))
                    return ApiError::validation(p("One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST"));
                const QJsonObject want = req.value(p("ProvisionedThroughput")).toObject();
                QJsonObject pt = desc.value(p("ProvisionedThroughput")).toObject();
                const qint64 r0 = pt.value(p("ReadCapacityUnits")).toInteger(), w0 = pt.value(p("WriteCapacityUnits")).toInteger();
                const qint64 r1 = want.value(p("ReadCapacityUnits")).toInteger(), w1 = want.value(p("WriteCapacityUnits")).toInteger();
                if (r0 == r1 && w0 == w1 && currentMode == mode)
                    return ApiError::validation(QStringLiteral(
                        "The provisioned throughput for the table will not change. The requested value equals the current value. "
                        "Current ReadCapacityUnits provisioned for the table: %1. Requested ReadCapacityUnits: %2. "
                        "Current WriteCapacityUnits provisioned for the table: %3. Requested WriteCapacityUnits: %4. "
                        "Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.")
                                                    .arg(r0).arg(r1).arg(w0).arg(w1));
                if (r1 > r0 || w1 > w0)
                    pt.insert(p("LastIncreaseDateTime"), epochSeconds(txn.nowMs));
                if ((r1 < r0 || w1 < w0) && currentMode == mode) {
                    pt.insert(p("LastDecreaseDateTime"), epochSeconds(txn.nowMs));
                    pt.insert(p("NumberOfDecreasesToday"), pt.value(p("NumberOfDecreasesToday")).toInteger() + 1);
                }
                pt.insert(p("ReadCapacityUnits"), r1);
                pt.insert(p("WriteCapacityUnits"), w1);
                desc.insert(p("ProvisionedThroughput"), pt);
                warmNow = warmNow.atLeast(WarmThroughput::initial(false, pt));
                changed = true;
            }
            if (mode != currentMode && mode == p("PROVISIONED") && replication::isGlobal(desc))
                return ApiError::validation(p("Table write capacity should either be Pay-Per-Request or AutoScaled."));
            if (mode != currentMode) {
                QJsonObject summary{{p("BillingMode"), mode}};
                if (mode == p("PAY_PER_REQUEST")) {
                    summary.insert(p("LastUpdateToPayPerRequestDateTime"), epochSeconds(txn.nowMs));
                    QJsonObject pt = desc.value(p("ProvisionedThroughput")).toObject();
                    pt.insert(p("ReadCapacityUnits"), 0);
                    pt.insert(p("WriteCapacityUnits"), 0);
                    desc.insert(p("ProvisionedThroughput"), pt);
                    // On demand, the table and its indexes can take at least
                    // the initial on-demand throughput at once (DDB-TABLE-061).
                    const WarmThroughput onDemand = WarmThroughput::initial(true, {});
                    warmNow = warmNow.atLeast(onDemand);
                    QJsonArray gsis = desc.value(p("GlobalSecondaryIndexes")).toArray();
                    for (qsizetype i = 0; i < gsis.size(); ++i) {
                        QJsonObject index = gsis.at(i).toObject();
                        // The indexes have no capacity of their own on demand either: a later
                        // switch back needs theirs again (and may give the same values).
                        QJsonObject indexPt = index.value(p("ProvisionedThroughput")).toObject();
                        indexPt.insert(p("ReadCapacityUnits"), 0);
                        indexPt.insert(p("WriteCapacityUnits"), 0);
                        index.insert(p("ProvisionedThroughput"), indexPt);
                        WarmThroughput::of(index, WarmThroughput::everOnDemand(desc))
                            .atLeast(onDemand)
                            .storeIn(index, index.value(p("_WarmUntilMs")).toInteger());
                        gsis.replace(i, index);
                    }
                    if (!gsis.isEmpty())
                        desc.insert(p("GlobalSecondaryIndexes"), gsis);
                } else {
                    summary.insert(p("LastUpdateToPayPerRequestDateTime"),
                                   desc.value(p("BillingModeSummary")).toObject().value(p("LastUpdateToPayPerRequestDateTime")));
                    // Provisioned, the table and its indexes have no on-demand maxima (DDB-TABLE-153).
                    OnDemandThroughput::dropFrom(desc);
                }
                desc.insert(p("BillingModeSummary"), summary);
                changed = true;
            }
            // On-demand maxima, merged member by member (DDB-TABLE-051, -178);
            // also with a switch to on demand (DDB-TABLE-056).
            if (maxima) {
                if (auto e = OnDemandThroughput::checkUpdate(req, mode == p("PAY_PER_REQUEST"), QString(), ctx.db.region()))
                    return *e;
                OnDemandThroughput::applyTo(desc, req.value(p("OnDemandThroughput")).toObject());
                changed = true;
            }
            if (req.contains(p("StreamSpecification"))) {
                const QJsonObject stream = req.value(p("StreamSpecification")).toObject();
                const bool enable = stream.value(p("StreamEnabled")).toBool();
                const bool enabled = desc.value(p("StreamSpecification")).toObject().value(p("StreamEnabled")).toBool();
                if (enable && enabled)
                    return ApiError::validation(QStringLiteral("Table already has an enabled stream: %1").arg(desc.value(p("LatestStreamArn")).toString()));
                if (!enable && !enabled)
                    return ApiError::validation(p("Table already has no stream enabled"));
                if (!enable && replication::isGlobal(desc))
                    return ApiError::validation(p("One or more parameter values were invalid: Disabling Stream is not allowed for a Global Table replica."));
                if (enable && !stream.contains(p("StreamViewType")))
                    return ApiError::validation(p("One or more parameter values were invalid: Enabled stream must have a StreamViewType"));
                if (enable) {
                    const QString label = streamLabel(txn.nowMs);
                    desc.insert(p("StreamSpecification"), stream);
                    desc.insert(p("LatestStreamLabel"), label);
                    desc.insert(p("LatestStreamArn"), desc.value(p("TableArn")).toString() + p("/stream/") + label);
                } else {
                    desc.insert(p("StreamSpecification"), QJsonObject{{p("StreamEnabled"), false}});
                }
                changed = true;
            }
            if (req.contains(p("DeletionProtectionEnabled"))) {
                desc.insert(p("DeletionProtectionEnabled"), req.value(p("DeletionProtectionEnabled")).toBool());
                changed = true;
            }
            if (req.contains(p("SSESpecification"))) {
                if (const auto sse = sseDescription(ctx, req.value(p("SSESpecification")).toObject()))
                    desc.insert(p("SSEDescription"), *sse);
                else
                    desc.remove(p("SSEDescription"));
                changed = true;
            }
            if (req.contains(p("TableClass"))) {
                desc.insert(p("TableClassSummary"), QJsonObject{{p("TableClass"), req.value(p("TableClass"))},
                                                               {p("LastUpdateDateTime"), epochSeconds(txn.nowMs)}});
                changed = true;
            }
            Q_UNUSED(changed);
            warmNow.storeIn(desc, warmUntil);
            if (auto e = applyIndexUpdates(ctx, req, desc, txn.nowMs))
                return *e;
            // From on-demand to provisioned, every GSI the table keeps needs
            // its capacity in this request (an Update action), as on AWS.
            if (currentMode == p("PAY_PER_REQUEST") && mode == p("PROVISIONED")) {
                QSet<QString> given;
                for (const QJsonValue &u : req.value(p("GlobalSecondaryIndexUpdates")).toArray())
                    if (const QJsonObject up = u.toObject().value(p("Update")).toObject(); up.contains(p("ProvisionedThroughput")))
                        given.insert(up.value(p("IndexName")).toString());
                QStringList missing;
                for (const QJsonValue &g : desc.value(p("GlobalSecondaryIndexes")).toArray()) {
                    const QJsonObject index = g.toObject();
                    const QString indexName = index.value(p("IndexName")).toString();
                    if (index.value(p("IndexStatus")).toString() != p("DELETING") && !given.contains(indexName)
                        && index.value(p("ProvisionedThroughput")).toObject().value(p("ReadCapacityUnits")).toInteger() == 0)
                        missing << indexName;
                }
                if (!missing.isEmpty())
                    return ApiError::validation(QStringLiteral("One or more parameter values were invalid: ProvisionedThroughput must be specified for index: %1")
                                                    .arg(missing.join(QLatin1Char(','))));
            }
            // A warm throughput increase leaves the table ACTIVE: only its
            // WarmThroughput says UPDATING (DDB-TABLE-179, -155).
            if (ctx.options.delayTransientStatuses && !staysActive(req)) {
                desc.insert(p("TableStatus"), p("UPDATING"));
                desc.insert(p("_StatusUntilMs"), txn.nowMs + kTransientStatusMs);
            }
            return ctx.db.updateTable(txn, *table, desc);
        });
    if (!updated.ok())
        return updated.error();
    replication::propagate(ctx, name, p("UpdateTable"), req);
    QJsonObject out = publicDescription(ctx, **updated, true, true);
    if (!ctx.options.delayTransientStatuses)
        out.insert(p("TableStatus"), p("ACTIVE"));
    // The answer shows a maximum the request removed as -1 (DDB-TABLE-182).
    if (maxima)
        if (const QJsonObject echo = OnDemandThroughput::echo((*updated)->description, req.value(p("OnDemandThroughput")).toObject()); !echo.isEmpty())
            out.insert(p("OnDemandThroughput"), echo);
    return toBody({{p("TableDescription"), out}});
}

Result<QByteArray> deleteTable(OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("TableName")).toString();
    QJsonObject out, replicated;
    auto deleted = ctx.db.write<bool>([&](storage::WriteTxn &txn) -> Result<bool> {
        DD_ASSIGN(auto table, requireTable(ctx, name, false));
        const QString status = liveStatus(table->description, txn.nowMs);
        if (status == p("CREATING"))
            return ApiError::resourceInUse(QStringLiteral("Attempt to change a resource which is still in use: Table is being created: %1").arg(name));
        if (indexChangeInFlight(table->description, txn.nowMs))
            return ApiError::resourceInUse(p("Cannot delete table while indexes are being created, updated, or deleted"));
        if (table->description.value(p("DeletionProtectionEnabled")).toBool())
            return ApiError::validation(QStringLiteral("Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first."));
        if (auto e = replication::checkDelete(ctx, *table))
            return *e;
        out = publicDescription(ctx, *table, true);
        out.remove(p("WarmThroughput")); // not in AWS's DeleteTable answer (DDB-TABLE-363)
        replicated = table->description;
        DD_CHECK(ctx.db.dropTable(txn, *table));
        return true;
    });
    if (!deleted.ok())
        return deleted.error();
    if (replication::isGlobal(replicated))
        replication::leave(ctx, name, replicated);
    out.insert(p("TableStatus"), p("DELETING"));
    return toBody({{p("TableDescription"), out}});
}

Result<QByteArray> describeLimits(OpContext &, const QJsonObject &)
{
    // AWS's default account quotas.
    return toBody({{p("AccountMaxReadCapacityUnits"), 80000},
                   {p("AccountMaxWriteCapacityUnits"), 80000},
                   {p("TableMaxReadCapacityUnits"), 40000},
                   {p("TableMaxWriteCapacityUnits"), 40000}});
}

Result<QByteArray> describeEndpoints(OpContext &ctx, const QJsonObject &)
{
    return toBody({{p("Endpoints"), QJsonArray{QJsonObject{
                                      {p("Address"), QStringLiteral("dynamodb.%1.amazonaws.com").arg(ctx.db.region())},
                                      {p("CachePeriodInMinutes"), 1440}}}}});
}

Result<QByteArray> describeContributorInsights(OpContext &ctx, const QJsonObject &req)
{
    // CloudWatch Contributor Insights is not emulated: the table and each of
    // its global secondary indexes report DISABLED, as on AWS before anyone
    // enables it. (Inventory tools describe it along with every table.)
    DD_ASSIGN(auto table, requireTable(ctx, req.value(p("TableName")).toString(), false));
    QJsonObject out{{p("TableName"), table->name}, {p("ContributorInsightsStatus"), p("DISABLED")}};
    if (req.contains(p("IndexName"))) {
        const QString index = req.value(p("IndexName")).toString();
        // The described GSIs, as DescribeTable lists them: a DELETING one too
        // (TableDef::index() leaves those out).
        const QJsonArray gsis = table->description.value(p("GlobalSecondaryIndexes")).toArray();
        const bool found = std::any_of(gsis.begin(), gsis.end(), [&](const QJsonValue &g) { return g.toObject().value(p("IndexName")).toString() == index; });
        if (!found)
            return ApiError::resourceNotFound(QStringLiteral("Requested resource not found: Index: %1 not found").arg(index));
        out.insert(p("IndexName"), index);
    }
    return toBody(out);
}

} // namespace dd::api
