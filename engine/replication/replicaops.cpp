#include "replication/replicaops.h"

#include "api/ondemandthroughput.h"
#include "api/warmthroughput.h"
#include "backup/backupcatalog.h"
#include "backup/restorer.h"
#include "backup/snapshot.h"
#include "replication/replicastore.h"
#include "replication/replicator.h"
#include "ttl/ttlconfig.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <limits>
#include <map>

namespace dd::replication {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

const QString &globalTableVersion()
{
    static const QString v = QStringLiteral("2019.11.21");
    return v;
}

// A region that added a replica keeps its table this long (AWS's rule).
constexpr qint64 kSourceKeepsTableMs = 24LL * 3600 * 1000;
// A transient status that lasts until the work that set it ends it.
constexpr qint64 kUntilDone = std::numeric_limits<qint64>::max() / 2;

ApiError inUse() { return ApiError::resourceInUse(p("The resource which you are attempting to change is in use.")); }

// A region that is not one of the table's replicas.
ApiError notPartOf(const QString &region)
{
    return ApiError::validation(QStringLiteral("Update global table operation failed because one or more replicas were not part of the global table. "
                                               "Please retry the request without these replicas: [%1].").arg(region));
}

// A replica that is already one, or a table of that name in the region (AWS's words, "a the" included).
ApiError alreadyExisted(const QString &name)
{
    return ApiError::validation(QStringLiteral("Failed to create a the new replica of table with name: \u2018%1\u2019 because one or more "
                                               "replicas already existed as tables.").arg(name));
}

QStringList replicaRegions(const QJsonObject &desc)
{
    QStringList out;
    for (const auto &v : desc.value(p("Replicas")).toArray())
        out << v.toObject().value(p("RegionName")).toString();
    return out;
}

// Whether a replica of the table is being added (or the table is UPDATING for another reason).
bool replicaChangeInFlight(const QJsonObject &desc, qint64 nowMs)
{
    if (desc.value(p("TableStatus")).toString() == p("UPDATING") && nowMs < desc.value(p("_StatusUntilMs")).toInteger())
        return true;
    for (const auto &v : desc.value(p("Replicas")).toArray())
        if (v.toObject().value(p("ReplicaStatus")).toString() != p("ACTIVE"))
            return true;
    return false;
}

// Sets the entry of `region` in desc's Replicas to `status` (adding it), or
// removes it if `status` is empty; without entries the table is regional
// again and loses GlobalTableVersion (its stream stays, as on AWS).
void setReplica(QJsonObject &desc, const QString &region, const QString &status)
{
    QJsonArray out;
    bool found = false;
    for (const auto &v : desc.value(p("Replicas")).toArray()) {
        QJsonObject o = v.toObject();
        if (o.value(p("RegionName")).toString() == region) {
            found = true;
            if (status.isEmpty())
                continue;
            o.insert(p("ReplicaStatus"), status);
        }
        out.append(o);
    }
    if (!found && !status.isEmpty())
        out.append(QJsonObject{{p("RegionName"), region}, {p("ReplicaStatus"), status}});
    if (status.isEmpty()) {
        QJsonObject sourced = desc.value(p("_SourcedReplicas")).toObject();
        sourced.remove(region);
        if (sourced.isEmpty())
            desc.remove(p("_SourcedReplicas"));
        else
            desc.insert(p("_SourcedReplicas"), sourced);
    }
    if (out.isEmpty()) {
        desc.remove(p("Replicas"));
        desc.remove(p("GlobalTableVersion"));
    } else {
        desc.insert(p("Replicas"), out);
        desc.insert(p("GlobalTableVersion"), globalTableVersion());
    }
}

// The table UPDATING while one of its replicas is being added, and ACTIVE
// again once none is (a status another change set is left alone).
void settleStatus(QJsonObject &desc)
{
    bool creating = false;
    for (const auto &v : desc.value(p("Replicas")).toArray())
        creating = creating || v.toObject().value(p("ReplicaStatus")).toString() == p("CREATING");
    if (creating) {
        desc.insert(p("TableStatus"), p("UPDATING"));
        desc.insert(p("_StatusUntilMs"), kUntilDone);
    } else if (desc.value(p("_StatusUntilMs")).toInteger() == kUntilDone) {
        desc.insert(p("TableStatus"), p("ACTIVE"));
        desc.insert(p("_StatusUntilMs"), 0);
    }
}

// Drops table `name` of `db`, a replica, with what replication kept of it;
// nothing if there is none (or, given `onlyId`, if it is another table).
Result<void> dropReplicaTable(storage::Database &db, const QString &name, qint64 onlyId = 0)
{
    return db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
        auto table = db.table(name);
        if (!table || (onlyId && table->id != onlyId))
            return {};
        DD_CHECK(ReplicaStore::forget(txn, table->id));
        return db.dropTable(txn, *table);
    });
}

// This region and the table's replicas but `except`, this region first.
QStringList groupBut(const api::OpContext &ctx, const QJsonObject &desc, const QString &except)
{
    QStringList regions = replicaRegions(desc);
    regions.removeAll(except);
    regions.prepend(ctx.db.region());
    return regions;
}

// Rewrites the description of table `name` in `db` with `edit`; nothing if the table is gone.
Result<void> editTable(storage::Database &db, const QString &name, const std::function<Result<void>(storage::WriteTxn &, const storage::TableDef &, QJsonObject &)> &edit)
{
    return db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
        auto table = db.table(name);
        if (!table)
            return {};
        QJsonObject desc = table->description;
        DD_CHECK(edit(txn, *table, desc));
        DD_CHECK(db.updateTable(txn, *table, desc));
        return {};
    });
}

// The table's description as UpdateTable answers it, from DescribeTable.
Result<QByteArray> describedAs(api::OpContext &ctx, const QString &name)
{
    DD_ASSIGN(const QByteArray described, api::describeTable(ctx, {{p("TableName"), name}}));
    return api::toBody({{p("TableDescription"), QJsonDocument::fromJson(described).object().value(p("Table")).toObject()}});
}

// The stream a table of a global table has: its own, or NEW_AND_OLD_IMAGES
// (as AWS turns on when a replica is added to a table without one).
void enableStream(QJsonObject &desc, const QJsonObject &stream, qint64 nowMs)
{
    if (desc.value(p("StreamSpecification")).toObject().value(p("StreamEnabled")).toBool())
        return;
    const QString label = api::streamLabel(nowMs);
    desc.insert(p("StreamSpecification"), stream);
    desc.insert(p("LatestStreamLabel"), label);
    desc.insert(p("LatestStreamArn"), desc.value(p("TableArn")).toString() + p("/stream/") + label);
}

QJsonObject newAndOldImages()
{
    return {{p("StreamEnabled"), true}, {p("StreamViewType"), p("NEW_AND_OLD_IMAGES")}};
}

std::optional<ApiError> checkRegionName(const QString &region)
{
    if (api::Engine::isRegionName(region))
        return std::nullopt;
    return ApiError::validation(QStringLiteral(
        "Region %1 is not supported. The latest version of global tables are only supported in the following regions: "
        "[any region name of lowercase letters, digits and hyphens, such as us-east-1 or eu-west-1].").arg(region));
}

// The end of a replica's creation: ACTIVE with its stream and its place in
// each region's log, or, if it failed, gone from every region (`source`,
// where it was added, and `others`, the replicas there were).
void finishCreate(Replicator &replicator, const QString &source, const QStringList &others, const QString &name, const QString &target,
                  qint64 targetId, const QJsonObject &stream, const std::map<QString, qint64> &startsAfter, const Result<qint64> &loaded)
{
    auto targetDb = replicator.region(target);
    if (!targetDb.ok())
        return;
    qint64 targetStart = 0; // the new replica's own changes come after this seq of its log
    bool created = false;
    if (!loaded.ok()) {
        qWarning("The replica of table %s in %s could not be created and was removed: %s", qPrintable(name), qPrintable(target),
                 qPrintable(loaded.error().message()));
        if (targetId)
            (void)dropReplicaTable(**targetDb, name, targetId);
    } else {
        auto finished = (*targetDb)->write<void>([&](storage::WriteTxn &txn) -> Result<void> {
            auto table = (*targetDb)->table(name);
            if (!table || table->id != targetId)
                return ApiError::resourceNotFound(QStringLiteral("The replica of table %1 in %2 was deleted while it was created").arg(name, target));
            QJsonObject desc = table->description;
            desc.remove(p("_ReplicaLoading"));
            desc.insert(p("TableStatus"), p("ACTIVE"));
            desc.insert(p("_StatusUntilMs"), 0);
            enableStream(desc, stream, txn.nowMs);
            targetStart = txn.changeLogEnd();
            for (const auto &[region, seq] : startsAfter) {
                DD_CHECK(ReplicaStore::setApplied(txn, table->id, region, seq));
                DD_CHECK(ReplicaStore::addPeer(txn, table->id, name, region, targetStart));
            }
            DD_CHECK((*targetDb)->updateTable(txn, *table, desc));
            return {};
        });
        created = finished.ok();
        if (!created)
            qWarning("The replica of table %s in %s could not be made active: %s", qPrintable(name), qPrintable(target),
                     qPrintable(finished.error().message()));
        else
            replicator.watch(*targetDb);
    }
    for (const QString &region : QStringList{source} + others) {
        auto db = replicator.region(region);
        if (!db.ok())
            continue;
        (void)editTable(**db, name, [&](storage::WriteTxn &txn, const storage::TableDef &table, QJsonObject &desc) -> Result<void> {
            if (created)
                DD_CHECK(ReplicaStore::setApplied(txn, table.id, target, targetStart));
            else
                DD_CHECK(ReplicaStore::removePeer(txn, table.id, target));
            setReplica(desc, target, created ? p("ACTIVE") : QString());
            settleStatus(desc);
            return {};
        });
    }
    replicator.wake();
}

// The settings a replica may have of its own (ReplicaCreate and ReplicaUpdate
// members), checked as AWS checks them on an on-demand table. `update`: an
// Update, which must change something.
std::optional<ApiError> checkOverrides(const QJsonObject &member, bool update, const QString &region)
{
    if (member.contains(p("KMSMasterKeyId")))
        return ApiError::validation(p("One or more parameter values were invalid: KMSMasterKeyId must be specified for each replica."));
    if (update && member.contains(p("ProvisionedThroughputOverride")))
        return ApiError::validation(p("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST"));
    // A replica's own read maximum, checked as its table's would be.
    const QJsonObject readMaximum{{p("OnDemandThroughput"), member.value(p("OnDemandThroughputOverride"))}};
    if (auto e = api::OnDemandThroughput::checkCreate(readMaximum, true, QString(), false, region))
        return e;
    if (update && !member.contains(p("OnDemandThroughputOverride")) && !member.contains(p("TableClassOverride"))
        && !member.contains(p("GlobalSecondaryIndexes")))
        return ApiError::validation(p("There are no actions specified in the Replica Update Action of the request."));
    return std::nullopt;
}

// Applies a replica's own settings to its entry in a description's Replicas.
void applyOverrides(QJsonObject &desc, const QString &region, const QJsonObject &member, qint64 nowMs)
{
    QJsonArray replicas = desc.value(p("Replicas")).toArray();
    for (qsizetype i = 0; i < replicas.size(); ++i) {
        QJsonObject entry = replicas.at(i).toObject();
        if (entry.value(p("RegionName")).toString() != region)
            continue;
        if (member.contains(p("OnDemandThroughputOverride")))
            entry.insert(p("OnDemandThroughputOverride"), member.value(p("OnDemandThroughputOverride")));
        if (member.contains(p("TableClassOverride")))
            entry.insert(p("ReplicaTableClassSummary"), QJsonObject{{p("TableClass"), member.value(p("TableClassOverride"))},
                                                                   {p("LastUpdateDateTime"), double(nowMs) / 1000.0}});
        if (member.contains(p("GlobalSecondaryIndexes")))
            entry.insert(p("GlobalSecondaryIndexes"), member.value(p("GlobalSecondaryIndexes")));
        replicas.replace(i, entry);
    }
    desc.insert(p("Replicas"), replicas);
}

Result<QByteArray> createReplica(api::OpContext &ctx, const QString &name, const QString &target, const QJsonObject &member)
{
    DD_ASSIGN(auto table, api::requireTable(ctx, name, false));
    const QJsonObject &current = table->description;
    const qint64 now = ctx.clock->nowMs();
    if (table->restoring || replicaChangeInFlight(current, now))
        return inUse();
    if (current.value(p("BillingModeSummary")).toObject().value(p("BillingMode")).toString() != p("PAY_PER_REQUEST"))
        return ApiError::validation(p("Table write capacity should either be Pay-Per-Request or AutoScaled."));
    if (replicaRegions(current).contains(target))
        return alreadyExisted(name);
    DD_ASSIGN(const std::shared_ptr<storage::Database> targetDb, ctx.replicator->region(target));
    if (targetDb->table(name))
        return alreadyExisted(name);
    if (!ctx.backups)
        return ApiError::internal(p("No background worker for the replica's items"));
    if (auto e = checkOverrides(member, false, ctx.db.region()))
        return *e;

    // Here: the new region joins the replicas; the table's changes are logged for it from now on.
    const QStringList others = replicaRegions(current);
    QJsonObject stream = current.value(p("StreamSpecification")).toObject();
    if (!stream.value(p("StreamEnabled")).toBool())
        stream = newAndOldImages();
    DD_CHECK(editTable(ctx.db, name, [&](storage::WriteTxn &txn, const storage::TableDef &t, QJsonObject &desc) -> Result<void> {
        if (t.id != table->id || replicaChangeInFlight(desc, txn.nowMs))
            return inUse();
        enableStream(desc, stream, txn.nowMs);
        setReplica(desc, target, p("CREATING"));
        applyOverrides(desc, target, member, txn.nowMs);
        QJsonObject sourced = desc.value(p("_SourcedReplicas")).toObject();
        sourced.insert(target, txn.nowMs);
        desc.insert(p("_SourcedReplicas"), sourced);
        settleStatus(desc);
        return ReplicaStore::addPeer(txn, t.id, name, target, txn.changeLogEnd());
    }));
    // The other replicas: the new one will hold what this region applied of
    // theirs when its items are read (at least what it has applied by now).
    using Applied = std::map<QString, qint64>;
    DD_ASSIGN(Applied appliedHere, ctx.db.read<Applied>([&](storage::Connection &c) { return ReplicaStore::appliedOf(c, table->id, others); }));
    for (const QString &region : others) {
        DD_ASSIGN(const std::shared_ptr<storage::Database> db, ctx.replicator->region(region));
        DD_CHECK(editTable(*db, name, [&](storage::WriteTxn &txn, const storage::TableDef &t, QJsonObject &desc) -> Result<void> {
            setReplica(desc, target, p("CREATING"));
            applyOverrides(desc, target, member, txn.nowMs);
            return ReplicaStore::addPeer(txn, t.id, name, target, appliedHere[region]);
        }));
    }

    // In the background: the source's items as of one snapshot, with where
    // each region's changes start after it, copied in; then ACTIVE. (The
    // job outlives the request: it keeps no reference to its context.) It
    // starts once the table is committed: CreateTable may share an HTTP
    // turn's transaction, which no other thread sees until it commits.
    DD_ASSIGN(const std::shared_ptr<storage::Database> sourceDb, ctx.replicator->region(ctx.db.region()));
    ctx.replicator->watch(sourceDb);
    backup::BackupCatalog *worker = ctx.backups;
    Replicator *replicator = ctx.replicator;
    Clock *clock = ctx.clock;
    auto load = [replicator, clock, sourceDb, targetDb, worker, name, target, stream, others](qint64 targetId) {
        const QString source = sourceDb->region();
        std::map<QString, qint64> startsAfter;
        // The items as of one snapshot of the source, read (and sorted) as a
        // restore's are, with where each region's changes start after it.
        const backup::RestoreSource items = [&]() -> Result<backup::RestoreItems> {
            auto table = sourceDb->table(name);
            if (!table)
                return ApiError::resourceNotFound(QStringLiteral("Table %1 was deleted while its replica was created").arg(name));
            const auto startsInSnapshot = [&](storage::Connection &c) -> Result<void> {
                DD_ASSIGN(startsAfter, ReplicaStore::appliedOf(c, table->id, others));
                return {};
            };
            DD_ASSIGN(backup::Snapshot snapshot, backup::Snapshot::read(*sourceDb, *table, clock->nowMs(), {}, &worker->stopping(), startsInSnapshot));
            startsAfter[source] = snapshot.seq;
            return backup::RestoreItems{std::move(snapshot.items), {}};
        };
        const Result<qint64> loaded = backup::prepareAndWrite(*targetDb, *worker, name, targetId, items);
        if (!loaded.ok() && worker->stopping().load())
            return; // the engine is closing: the replica stays CREATING and goes when its region next opens
        finishCreate(*replicator, source, others, name, target, targetId, stream, startsAfter, loaded);
    };
    // There: the table, CREATING until its items are in. Should that fail,
    // the regions that listed it forget it again.
    api::OpContext targetCtx = ctx.inRegion(*targetDb);
    // The replica takes the table's on-demand maxima (createTableRequest),
    // its own read maximum if the request gives one: AWS keeps the write
    // maximum the same in every replica, the read maximum may differ
    // (OnDemandThroughputOverride, "Maximum number of read request units
    // for the specified replica table").
    QJsonObject create = backup::createTableRequest(current, name, {});
    api::WarmThroughput::copyInto(create, current);
    api::OnDemandThroughput::applyTo(create, member.value(p("OnDemandThroughputOverride")).toObject());
    if (member.contains(p("TableClassOverride")))
        create.insert(p("TableClass"), member.value(p("TableClassOverride")));
    else if (current.contains(p("TableClassSummary")))
        create.insert(p("TableClass"), current.value(p("TableClassSummary")).toObject().value(p("TableClass")));
    auto created = api::createTable(targetCtx, create);
    if (!created.ok()) {
        finishCreate(*replicator, ctx.db.region(), others, name, target, 0, stream, {}, created.error());
        return created.error();
    }
    DD_CHECK(editTable(*targetDb, name, [&](storage::WriteTxn &txn, const storage::TableDef &t, QJsonObject &desc) -> Result<void> {
        txn.onCommit([worker, load, id = t.id] { worker->post([load, id] { load(id); }); });
        desc.insert(p("TableStatus"), p("CREATING"));
        desc.insert(p("_StatusUntilMs"), kUntilDone);
        desc.insert(p("_ReplicaLoading"), true);
        if (current.contains(ttl::TtlConfig::kMember))
            desc.insert(ttl::TtlConfig::kMember, current.value(ttl::TtlConfig::kMember));
        setReplica(desc, ctx.db.region(), p("ACTIVE"));
        for (const QString &region : others)
            setReplica(desc, region, p("ACTIVE"));
        return {};
    }));

    return describedAs(ctx, name);
}

// An Update of a replica's own settings: its entry in every region's Replicas
// and, for its table class, its own table.
Result<QByteArray> updateReplica(api::OpContext &ctx, const QString &name, const QString &target, const QJsonObject &member)
{
    if (auto e = checkOverrides(member, true, ctx.db.region()))
        return *e;
    DD_ASSIGN(auto table, api::requireTable(ctx, name, false));
    if (!replicaRegions(table->description).contains(target))
        return notPartOf(target);
    if (replicaChangeInFlight(table->description, ctx.clock->nowMs()))
        return inUse();
    for (const QString &region : groupBut(ctx, table->description, target)) {
        DD_ASSIGN(const std::shared_ptr<storage::Database> db, ctx.replicator->region(region));
        DD_CHECK(editTable(*db, name, [&](storage::WriteTxn &txn, const storage::TableDef &, QJsonObject &desc) -> Result<void> {
            applyOverrides(desc, target, member, txn.nowMs);
            return {};
        }));
    }
    if (member.contains(p("TableClassOverride")) || api::OnDemandThroughput::requested({{p("OnDemandThroughput"), member.value(p("OnDemandThroughputOverride"))}})) {
        DD_ASSIGN(const std::shared_ptr<storage::Database> db, ctx.replicator->region(target));
        DD_CHECK(editTable(*db, name, [&](storage::WriteTxn &txn, const storage::TableDef &, QJsonObject &desc) -> Result<void> {
            api::OnDemandThroughput::applyTo(desc, member.value(p("OnDemandThroughputOverride")).toObject());
            if (!member.contains(p("TableClassOverride")))
                return {};
            desc.insert(p("TableClassSummary"), QJsonObject{{p("TableClass"), member.value(p("TableClassOverride"))},
                                                           {p("LastUpdateDateTime"), double(txn.nowMs) / 1000.0}});
            return {};
        }));
    }
    return describedAs(ctx, name);
}

Result<QByteArray> deleteReplica(api::OpContext &ctx, const QString &name, const QString &target)
{
    DD_ASSIGN(auto table, api::requireTable(ctx, name, false));
    const QJsonObject &current = table->description;
    if (!replicaRegions(current).contains(target))
        return notPartOf(target);
    if (replicaChangeInFlight(current, ctx.clock->nowMs()))
        return inUse();
    DD_ASSIGN(const std::shared_ptr<storage::Database> targetDb, ctx.replicator->region(target));
    api::OpContext targetCtx = ctx.inRegion(*targetDb);
    if (auto replica = targetDb->table(name)) {
        if (replica->description.value(p("DeletionProtectionEnabled")).toBool())
            return ApiError::validation(QStringLiteral("Cannot delete table %1 in region %2 because it has deletion protection enabled. "
                                                       "Disable deletion protection first.").arg(name, target));
        if (auto e = checkDelete(targetCtx, *replica))
            return *e;
        DD_CHECK(dropReplicaTable(*targetDb, name));
    }
    for (const QString &region : groupBut(ctx, current, target)) {
        DD_ASSIGN(const std::shared_ptr<storage::Database> db, ctx.replicator->region(region));
        DD_CHECK(forgetReplica(*db, name, target));
    }
    return describedAs(ctx, name);
}

} // namespace

bool isGlobal(const QJsonObject &description) { return !description.value(p("Replicas")).toArray().isEmpty(); }

QString replicaStatus(const QJsonObject &description, const QString &region)
{
    for (const auto &v : description.value(p("Replicas")).toArray())
        if (v.toObject().value(p("RegionName")).toString() == region)
            return v.toObject().value(p("ReplicaStatus")).toString();
    return {};
}

Result<void> forgetReplica(storage::Database &db, const QString &tableName, const QString &region)
{
    return editTable(db, tableName, [&](storage::WriteTxn &txn, const storage::TableDef &t, QJsonObject &desc) -> Result<void> {
        setReplica(desc, region, QString());
        settleStatus(desc);
        return ReplicaStore::removePeer(txn, t.id, region);
    });
}

Result<QByteArray> updateReplicas(api::OpContext &ctx, const QJsonObject &req)
{
    const QJsonArray updates = req.value(p("ReplicaUpdates")).toArray();
    QString action, region;
    for (const auto &v : updates) {
        const QJsonObject u = v.toObject();
        if (u.size() > 1)
            return ApiError::validation(p("Update table operation with more than one type of replica actions not allowed."));
        if (u.isEmpty())
            return ApiError::validation(p("There are no actions specified in the Replica Update Action of the request."));
        const QString thisAction = u.begin().key();
        const QString thisRegion = u.begin().value().toObject().value(p("RegionName")).toString();
        if (!action.isEmpty() && (thisAction != action || thisRegion != region))
            return ApiError::validation(p("Update table operation with more than one create or delete replica actions not allowed"));
        action = thisAction;
        region = thisRegion;
    }
    if (!ctx.replicator)
        return ApiError::internal(p("Global tables need the engine's replicator"));
    if (auto e = checkRegionName(region))
        return *e;
    if (region == ctx.db.region())
        return ApiError::validation(p("Cannot add or delete the local region through ReplicaUpdates. Use CreateTable, DeleteTable, or UpdateTable as required."));
    const QString name = req.value(p("TableName")).toString();
    const QJsonObject member = updates.first().toObject().value(action).toObject();
    if (action == p("Create"))
        return createReplica(ctx, name, region, member);
    if (action == p("Update"))
        return updateReplica(ctx, name, region, member);
    return deleteReplica(ctx, name, region);
}

std::optional<ApiError> checkDelete(api::OpContext &ctx, const storage::TableDef &table)
{
    const QJsonObject sourced = table.description.value(p("_SourcedReplicas")).toObject();
    const QStringList replicas = replicaRegions(table.description);
    const qint64 now = ctx.clock->nowMs();
    for (auto it = sourced.begin(); it != sourced.end(); ++it)
        if (replicas.contains(it.key()) && now - it.value().toInteger() < kSourceKeepsTableMs)
            return ApiError::validation(p("Replica cannot be deleted because it has acted as a source region for new replica(s) being added to the table in the last 24 hours."));
    if (replicaChangeInFlight(table.description, now))
        return inUse();
    return std::nullopt;
}

namespace {

ApiError legacyNotSupported()
{
    return ApiError::validation(p("One or more parameter values were invalid: DynamoDB global tables version 2017.11.29 is not supported. "
                                  "We recommend using DynamoDB global tables version 2019.11.21, instead of version 2017.11.29 (Legacy)."));
}

ApiError legacyNotFound(const QJsonObject &req, bool settings)
{
    const QString name = req.value(p("GlobalTableName")).toString();
    return ApiError(p("GlobalTableNotFoundException"), settings ? QStringLiteral("Global table with name: '%1' does not exist.").arg(name)
                                                                : QStringLiteral("Global table not found: Global table with name: '%1' does not exist.").arg(name));
}

} // namespace

Result<QByteArray> createGlobalTable(api::OpContext &, const QJsonObject &) { return legacyNotSupported(); }

Result<QByteArray> updateGlobalTable(api::OpContext &, const QJsonObject &req)
{
    // AWS's bare text for no updates (ack-api-quirks DDB-GLOBALTABLE-004).
    if (req.value(p("ReplicaUpdates")).toArray().isEmpty())
        return ApiError::validation(p("One or more parameter values were invalid"));
    for (const auto &v : req.value(p("ReplicaUpdates")).toArray())
        if (v.toObject().contains(p("Create")))
            return legacyNotSupported();
    return legacyNotFound(req, false);
}

Result<QByteArray> describeGlobalTable(api::OpContext &, const QJsonObject &req) { return legacyNotFound(req, false); }

Result<QByteArray> listGlobalTables(api::OpContext &, const QJsonObject &) { return api::toBody({{p("GlobalTables"), QJsonArray()}}); }

Result<QByteArray> describeGlobalTableSettings(api::OpContext &, const QJsonObject &req) { return legacyNotFound(req, true); }

Result<QByteArray> updateGlobalTableSettings(api::OpContext &, const QJsonObject &req) { return legacyNotFound(req, true); }

Result<int> abandonUnfinishedReplicas(storage::Database &db)
{
    int abandoned = 0;
    for (const QString &name : db.tableNames()) {
        auto table = db.table(name);
        if (!table)
            continue;
        QStringList creating;
        for (const auto &v : table->description.value(p("Replicas")).toArray())
            if (v.toObject().value(p("ReplicaStatus")).toString() == p("CREATING"))
                creating << v.toObject().value(p("RegionName")).toString();
        if (creating.isEmpty())
            continue;
        for (const QString &region : creating)
            DD_CHECK(forgetReplica(db, name, region));
        qWarning("Table %s: the creation of its replica in %s did not finish before the process ended; it was abandoned", qPrintable(name),
                 qPrintable(creating.join(QLatin1String(", "))));
        abandoned += int(creating.size());
    }
    return abandoned;
}

void leave(api::OpContext &ctx, const QString &tableName, const QJsonObject &description)
{
    if (!ctx.replicator)
        return;
    const QString here = ctx.db.region();
    for (const QString &region : replicaRegions(description)) {
        auto db = ctx.replicator->region(region);
        if (!db.ok())
            continue;
        auto left = forgetReplica(**db, tableName, here);
        if (!left.ok())
            qWarning("Region %s could not drop its replica %s of table %s: %s", qPrintable(region), qPrintable(here), qPrintable(tableName),
                     qPrintable(left.error().message()));
    }
    ctx.replicator->wake(); // forgets the deleted table's shipping
}

void propagate(api::OpContext &ctx, const QString &tableName, const QString &operation, const QJsonObject &req)
{
    if (ctx.propagated || !ctx.replicator)
        return;
    auto table = ctx.db.table(tableName);
    if (!table || !isGlobal(table->description))
        return;
    QJsonObject shared = req;
    shared.remove(p("DeletionProtectionEnabled")); // per region
    if (operation == p("UpdateTable") && shared.size() <= 1)
        return; // nothing but the table's name
    for (const QString &region : replicaRegions(table->description)) {
        auto db = ctx.replicator->region(region);
        if (!db.ok())
            continue;
        api::OpContext other = ctx.inRegion(**db);
        other.propagated = true;
        auto done = operation == p("UpdateTable") ? api::updateTable(other, shared) : api::updateTimeToLive(other, shared);
        if (!done.ok())
            qWarning("%s of table %s did not reach its replica in %s: %s", qPrintable(operation), qPrintable(tableName), qPrintable(region),
                     qPrintable(done.error().message()));
    }
}

} // namespace dd::replication
