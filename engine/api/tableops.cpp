// Table operations: DescribeTable, ListTables, DeleteTable, DescribeLimits,
// DescribeEndpoints, and what they share with
// CreateTable (createtableops.cpp) and UpdateTable (updatetableops.cpp),
// declared in tableops.h. Messages follow AWS's text.
#include "api/tableops.h"

#include "api/kmskeys.h"
#include "api/throughputdecreases.h"
#include "api/warmthroughput.h"
#include "model/limits.h"
#include "backup/backupcatalog.h"
#include "pitr/pitrstore.h"
#include "replication/replicaops.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace dd::api {

namespace {

// ProvisionedThroughput bounds (AWS: "Given value N for ReadCapacityUnits is out of bounds").
constexpr double kMaxCapacityUnits = 1e12;

// Members of a stored description that are the engine's own and never shown.
bool isPrivateMember(const QString &key) { return key.startsWith(QLatin1Char('_')); }

QString p(const char *s) { return QString::fromLatin1(s); }

// "You can define up to four attributes for the partition key and up to
// four attributes for the sort key" of a global secondary index (Developer
// Guide, "Multi-attribute key schema"); tables and LSIs have one of each.
constexpr int kMaxKeyAttributesPerKind = 4;

} // namespace

double epochSeconds(qint64 ms) { return double(ms) / 1000.0; }

std::optional<QString> checkIncludeProjection(const QJsonObject &projection, int &projected)
{
    const QJsonArray nonKey = projection.value(QLatin1String("NonKeyAttributes")).toArray();
    if (projection.value(QLatin1String("ProjectionType")).toString() == QLatin1String("INCLUDE") && nonKey.isEmpty())
        return QStringLiteral("One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
    projected += int(nonKey.size());
    if (projected > model::kMaxProjectedNonKeyAttributes)
        return QStringLiteral("One or more parameter values were invalid: Number of projected attributes in all indexes exceeds limit of %1, number of projected attributes: %2")
            .arg(model::kMaxProjectedNonKeyAttributes).arg(projected);
    return std::nullopt;
}

std::optional<QString> checkKeySchema(const QJsonArray &keySchema, const QStringList &defined, bool multiAttribute)
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

QString liveStatus(const QJsonObject &desc, qint64 nowMs)
{
    const QString status = desc.value(p("TableStatus")).toString();
    if ((status == p("CREATING") || status == p("UPDATING")) && nowMs >= desc.value(p("_StatusUntilMs")).toInteger())
        return p("ACTIVE");
    return status;
}

bool indexGone(const QJsonObject &index, qint64 nowMs)
{
    return index.value(p("IndexStatus")).toString() == p("DELETING") && nowMs >= index.value(p("_StatusUntilMs")).toInteger();
}

QJsonObject publicDescription(OpContext &ctx, const storage::TableDef &table, bool withStats, bool showDeleting)
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
    if (out.contains(p("ProvisionedThroughput")))
        out.insert(p("ProvisionedThroughput"), decreasesAsOf(out.value(p("ProvisionedThroughput")).toObject(), now));
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
            // A global index's status as shown: one made with the table is
            // stored CREATING and is ACTIVE once the table is (also while a
            // later change keeps the table UPDATING); one that UpdateTable
            // added is CREATING until its backfill is done and its
            // _StatusUntilMs has passed; UPDATING (new throughput) until its
            // _StatusUntilMs.
            const QString indexStatus = index.value(p("IndexStatus")).toString();
            const bool settled = now >= stored.value(p("_StatusUntilMs")).toInteger();
            if (kind[0] == 'G' && !index.value(p("Backfilling")).toBool()) {
                if ((indexStatus == p("CREATING") && status != p("CREATING") && settled) || (indexStatus == p("UPDATING") && settled))
                    index.insert(p("IndexStatus"), p("ACTIVE"));
                else if (indexStatus == p("ACTIVE") && !settled)
                    index.insert(p("IndexStatus"), p("CREATING"));
            }
            if (kind[0] == 'G')
                index.insert(p("WarmThroughput"), WarmThroughput::describe(stored, everOnDemand, now));
            if (index.contains(p("ProvisionedThroughput")))
                index.insert(p("ProvisionedThroughput"), decreasesAsOf(index.value(p("ProvisionedThroughput")).toObject(), now));
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

bool indexChangeInFlight(const QJsonObject &desc, qint64 nowMs)
{
    for (const auto &v : desc.value(p("GlobalSecondaryIndexes")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(p("Backfilling")).toBool() || (o.value(p("IndexStatus")).toString() == p("DELETING") && !indexGone(o, nowMs)))
            return true;
    }
    return false;
}

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
    // ACTIVE." A table being restored takes no item operations, nor one
    // still CREATING (only with delayTransientStatuses; then the status is
    // checked, as AWS does, so that a client that skips its waiter fails
    // here as it would there).
    if (!table || (itemOperation && (table->restoring || (ctx.options.delayTransientStatuses
                                                          && liveStatus(table->description, ctx.clock->nowMs()) == p("CREATING")))))
        return ApiError::resourceNotFound(itemOperation ? p("Requested resource not found")
                                                        : QStringLiteral("Requested resource not found: Table: %1 not found").arg(name));
    return table;
}

std::optional<QJsonObject> sseDescription(const OpContext &ctx, const QJsonObject &spec)
{
    if (!spec.value(p("Enabled")).toBool())
        return std::nullopt;
    return QJsonObject{{p("Status"), p("ENABLED")},
                       {p("SSEType"), p("KMS")},
                       {p("KMSMasterKeyArn"), kmsKeyArn(ctx.db.region(), ctx.request.accountId, spec.value(p("KMSMasterKeyId")).toString())}};
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
Result<QByteArray> deleteTable(OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("TableName")).toString();
    // With PITR on, AWS keeps a system backup of the table as it was just
    // before the deletion. Its snapshot is fixed first; should the deletion
    // then be refused, the backup goes again.
    QString systemBackup;
    if (const auto table = ctx.db.table(name); table && ctx.backups) {
        DD_ASSIGN(const auto pitr, pitr::PitrStore::state(ctx.db, table->id));
        if (pitr) {
            DD_ASSIGN(systemBackup, startDeletedTableBackup(ctx, table));
        }
    }
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
    if (!deleted.ok()) {
        if (!systemBackup.isEmpty())
            ctx.backups->remove(systemBackup);
        return deleted.error();
    }
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

} // namespace dd::api
