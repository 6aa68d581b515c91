// UpdateTable: capacity and billing mode, streams, deletion protection,
// encryption, table class, warm throughput, on-demand maxima and global
// secondary index changes (replicas go to replication/replicaops.h).
// Messages follow AWS's text. Warm throughput's and on-demand maximum
// throughput's own rules are in warmthroughput.h and ondemandthroughput.h;
// this file applies them where a table changes.
#include "api/ondemandthroughput.h"
#include "api/tableops.h"
#include "api/throughputdecreases.h"
#include "api/warmthroughput.h"
#include "model/limits.h"
#include "replication/replicaops.h"

#include <QJsonArray>
#include <QSet>

namespace dd::api {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

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
            int projected = 0;
            for (const QJsonArray *list : {static_cast<const QJsonArray *>(&gsis), &lsis})
                for (const QJsonValue &index : *list)
                    projected += int(index.toObject().value(p("Projection")).toObject().value(p("NonKeyAttributes")).toArray().size());
            if (auto m = checkIncludeProjection(projection, projected))
                return ApiError::validation(*m);
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
            // With delayTransientStatuses it stays CREATING as long as the
            // table is UPDATING, also once its backfill is done (AWS: the
            // index and the table become ACTIVE together).
            if (ctx.options.delayTransientStatuses)
                index.insert(p("_StatusUntilMs"), nowMs + kTransientStatusMs);
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
            if (r1 < r0 || w1 < w0) {
                if (auto refused = checkDecrease(pt, nowMs))
                    return *refused;
                recordDecrease(pt, nowMs);
            }
            if (r1 > r0 || w1 > w0)
                pt.insert(p("LastIncreaseDateTime"), epochSeconds(nowMs));
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
            // Indexes whose deletion has run its course leave the description
            // for good: the answer shows only those still DELETING and those
            // this request deletes.
            if (desc.contains(p("GlobalSecondaryIndexes"))) {
                QJsonArray gsis = desc.value(p("GlobalSecondaryIndexes")).toArray();
                for (qsizetype i = gsis.size() - 1; i >= 0; --i)
                    if (indexGone(gsis.at(i).toObject(), txn.nowMs))
                        gsis.removeAt(i);
                if (gsis.isEmpty())
                    desc.remove(p("GlobalSecondaryIndexes"));
                else
                    desc.insert(p("GlobalSecondaryIndexes"), gsis);
            }
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
                if ((r1 < r0 || w1 < w0) && currentMode == mode) {
                    if (auto refused = checkDecrease(pt, txn.nowMs))
                        return *refused;
                    recordDecrease(pt, txn.nowMs);
                }
                if (r1 > r0 || w1 > w0)
                    pt.insert(p("LastIncreaseDateTime"), epochSeconds(txn.nowMs));
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
                // AWS's texts and order (ack-api-quirks DDB-TABLE-050, -442): the request's view type first.
                if (enable && !stream.contains(p("StreamViewType")))
                    return ApiError::validation(p("One or more parameter values were invalid: If stream is being enabled then UpdateViewType is required"));
                if (!enable && stream.contains(p("StreamViewType")))
                    return ApiError::validation(p("One or more parameter values were invalid: If stream is being disabled, then UpdateViewType must not be specified"));
                if (enable && enabled)
                    return ApiError::validation(QStringLiteral("Table already has an enabled stream: TableName: %1").arg(table->name));
                if (!enable && !enabled)
                    return ApiError::validation(QStringLiteral("Table has no stream to disable: TableName: %1").arg(table->name));
                if (!enable && replication::isGlobal(desc))
                    return ApiError::validation(p("One or more parameter values were invalid: Disabling Stream is not allowed for a Global Table replica."));
                if (enable) {
                    const QString label = streamLabel(txn.nowMs);
                    desc.insert(p("StreamSpecification"), stream);
                    desc.insert(p("LatestStreamLabel"), label);
                    desc.insert(p("LatestStreamArn"), desc.value(p("TableArn")).toString() + p("/stream/") + label);
                } else {
                    // As on AWS, a table whose stream is off shows no StreamSpecification; the latest stream stays named.
                    desc.remove(p("StreamSpecification"));
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

} // namespace dd::api
