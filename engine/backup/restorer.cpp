#include "backup/restorer.h"

#include "api/ondemandthroughput.h"
#include "backup/backupcatalog.h"
#include "backup/itemloader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <future>
#include <limits>
#include <optional>

namespace dd::backup {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

QJsonObject throughput(const QJsonObject &t)
{
    return {{p("ReadCapacityUnits"), t.value(p("ReadCapacityUnits"))}, {p("WriteCapacityUnits"), t.value(p("WriteCapacityUnits"))}};
}

// The billing mode of the backed-up table, and the one the restored table will have.
QString sourceBillingMode(const QJsonObject &source)
{
    return source.value(p("BillingModeSummary")).toObject().value(p("BillingMode")).toString(p("PROVISIONED"));
}

QString restoredBillingMode(const QJsonObject &source, const QJsonObject &req)
{
    return req.value(p("BillingModeOverride")).toString(sourceBillingMode(source));
}

void addKeyNames(const QJsonArray &keySchema, QSet<QString> &names)
{
    for (const auto &k : keySchema)
        names.insert(k.toObject().value(p("AttributeName")).toString());
}

} // namespace

// The worker's part of a restore: produces the items and sorts them on a
// helper thread at a low priority (lowerThreadPriority), then writes them on
// the worker itself, at normal priority: a low-priority thread holding the
// write lock could be kept off the cores by other work while requests wait
// for that lock (priority inversion). The error of a failed `finish` check
// (a corrupted file) is reported before any other it explains.
Result<qint64> prepareAndWrite(storage::Database &db, BackupCatalog &worker, const QString &target, qint64 tableId, const RestoreSource &items)
{
    auto table = db.table(target);
    if (!table || table->id != tableId)
        return ApiError::resourceNotFound(QStringLiteral("Table %1 was deleted during the restore").arg(target));
    struct Prepared {
        ItemLoader loader;
        std::function<Result<void>()> finish;
    };
    auto work = std::async(std::launch::async, [&items, table]() -> Result<Prepared> {
        lowerThreadPriority("dd-restore-prep");
        Result<RestoreItems> produced = items();
        if (!produced.ok())
            return produced.error();
        Result<ItemLoader> loader = ItemLoader::prepare(*table, std::move(produced->items));
        if (!loader.ok()) {
            auto checked = produced->finish ? produced->finish() : Result<void>();
            return checked.ok() ? loader.error() : checked.error();
        }
        return Prepared{std::move(*loader), std::move(produced->finish)};
    });
    Result<Prepared> prepared = work.get();
    if (!prepared.ok())
        return prepared.error();
    Result<qint64> written = prepared->loader.write(db, target, tableId, &worker.stopping());
    if (prepared->finish) {
        auto checked = prepared->finish();
        if (!checked.ok())
            return checked.error();
    }
    return written;
}

QJsonObject createTableRequest(const QJsonObject &source, const QString &target, const QJsonObject &req)
{
    const QString mode = restoredBillingMode(source, req);
    const bool onDemand = mode == p("PAY_PER_REQUEST");
    QJsonObject create{{p("TableName"), target}, {p("KeySchema"), source.value(p("KeySchema"))}, {p("BillingMode"), mode}};
    QSet<QString> used;
    addKeyNames(source.value(p("KeySchema")).toArray(), used);
    if (!onDemand) {
        const QJsonObject t = req.contains(p("ProvisionedThroughputOverride")) ? req.value(p("ProvisionedThroughputOverride")).toObject()
                                                                                  : source.value(p("ProvisionedThroughput")).toObject();
        QJsonObject pt = throughput(t);
        if (pt.value(p("ReadCapacityUnits")).toDouble() < 1)
            pt = {{p("ReadCapacityUnits"), 5}, {p("WriteCapacityUnits"), 5}};
        create.insert(p("ProvisionedThroughput"), pt);
    }
    for (const char *kind : {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
        const QString overrideName = kind[0] == 'G' ? p("GlobalSecondaryIndexOverride") : p("LocalSecondaryIndexOverride");
        QJsonArray in = req.contains(overrideName) ? req.value(overrideName).toArray() : source.value(p(kind)).toArray();
        QJsonArray out;
        for (const auto &v : in) {
            const QJsonObject i = v.toObject();
            if (i.value(p("IndexStatus")).toString() == p("DELETING"))
                continue;
            QJsonObject index{{p("IndexName"), i.value(p("IndexName"))}, {p("KeySchema"), i.value(p("KeySchema"))}, {p("Projection"), i.value(p("Projection"))}};
            if (kind[0] == 'G' && !onDemand) {
                QJsonObject pt = throughput(i.value(p("ProvisionedThroughput")).toObject());
                if (pt.value(p("ReadCapacityUnits")).toDouble() < 1)
                    pt = create.value(p("ProvisionedThroughput")).toObject();
                index.insert(p("ProvisionedThroughput"), pt);
            }
            // The new table starts from the initial warm throughput, or what an
            // override of the index asks for (the source's is not restored).
            if (kind[0] == 'G' && req.contains(overrideName) && i.contains(p("WarmThroughput")))
                index.insert(p("WarmThroughput"), i.value(p("WarmThroughput")));
            // The index's on-demand maxima (the source's, or its override's) go
            // with it to an on-demand table.
            if (kind[0] == 'G' && onDemand && i.contains(p("OnDemandThroughput")))
                index.insert(p("OnDemandThroughput"), i.value(p("OnDemandThroughput")));
            addKeyNames(i.value(p("KeySchema")).toArray(), used);
            out.append(index);
        }
        if (!out.isEmpty())
            create.insert(p(kind), out);
    }
    QJsonArray defs;
    for (const auto &d : source.value(p("AttributeDefinitions")).toArray())
        if (used.contains(d.toObject().value(p("AttributeName")).toString()))
            defs.append(d);
    create.insert(p("AttributeDefinitions"), defs);
    // The source's on-demand maxima are applied again, each member of
    // OnDemandThroughputOverride replacing the source's (-1: none); AWS's
    // restores keep them (ack-api-quirks H-B-104 (a), (b)).
    if (onDemand) {
        QJsonObject maxima{{p("OnDemandThroughput"), source.value(p("OnDemandThroughput"))}};
        api::OnDemandThroughput::applyTo(maxima, req.value(p("OnDemandThroughputOverride")).toObject());
        if (maxima.contains(p("OnDemandThroughput")))
            create.insert(p("OnDemandThroughput"), maxima.value(p("OnDemandThroughput")));
    }
    // The source's encryption unless the request says otherwise.
    if (req.contains(p("SSESpecificationOverride")))
        create.insert(p("SSESpecification"), req.value(p("SSESpecificationOverride")));
    else if (const QJsonObject sse = source.value(p("SSEDescription")).toObject(); !sse.isEmpty())
        create.insert(p("SSESpecification"), QJsonObject{{p("Enabled"), true}, {p("SSEType"), p("KMS")},
                                                         {p("KMSMasterKeyId"), sse.value(p("KMSMasterKeyArn"))}});
    return create;
}

namespace {

// The overrides AWS refuses (ack-api-quirks DDB-TABLE-273, -280): on-demand
// maxima other than at least 1 or -1, or for a table that will not be on
// demand; throughput against the billing mode the restored table will have;
// and an index
// override that is not one of the source's indexes (renamed at most: the
// same key schema and projection), as no index can be created by a restore.
std::optional<ApiError> checkOverrides(const QJsonObject &source, const QJsonObject &req)
{
    const QString sourceMode = sourceBillingMode(source);
    const QString mode = restoredBillingMode(source, req);
    const QJsonObject maxima = req.value(p("OnDemandThroughputOverride")).toObject();
    if (!maxima.isEmpty()) {
        const QString first = maxima.contains(p("MaxReadRequestUnits")) ? p("MaxReadRequestUnits") : p("MaxWriteRequestUnits");
        if (mode != p("PAY_PER_REQUEST"))
            return ApiError::validation(QStringLiteral("Invalid Request: Cannot override %1 for OnDemandThroughput unless BillingModeOverride is PAY_PER_REQUEST").arg(first));
        for (const char *m : {"MaxReadRequestUnits", "MaxWriteRequestUnits"})
            if (maxima.contains(p(m)) && maxima.value(p(m)).toDouble() < 1 && maxima.value(p(m)).toDouble() != api::OnDemandThroughput::kNoMaximum)
                return ApiError::validation(QStringLiteral("Invalid Request: Requested %1 for OnDemandThroughput is outside of valid range").arg(p(m)));
    }
    const bool throughput = req.contains(p("ProvisionedThroughputOverride"));
    if (throughput && mode != p("PROVISIONED"))
        return ApiError::validation(p("Cannot override ProvisionedThroughput unless BillingMode is PROVISIONED"));
    if (!throughput && mode == p("PROVISIONED") && sourceMode != mode)
        return ApiError::validation(p("Must override ProvisionedThroughput if BillingMode is overridden to PROVISIONED"));
    const auto projectionOf = [](const QJsonObject &index) {
        const QJsonObject projection = index.value(p("Projection")).toObject();
        QStringList attributes;
        for (const auto &a : projection.value(p("NonKeyAttributes")).toArray())
            attributes << a.toString();
        attributes.sort();
        return projection.value(p("ProjectionType")).toString(p("ALL")) + u'|' + attributes.join(u',');
    };
    for (const char *kind : {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
        const QString overrideName = kind[0] == 'G' ? p("GlobalSecondaryIndexOverride") : p("LocalSecondaryIndexOverride");
        for (const auto &o : req.value(overrideName).toArray()) {
            const QJsonObject wanted = o.toObject();
            const auto sourceIndexes = source.value(p(kind)).toArray();
            const bool existed = std::any_of(sourceIndexes.begin(), sourceIndexes.end(), [&](const QJsonValue &v) {
                const QJsonObject i = v.toObject();
                return i.value(p("KeySchema")) == wanted.value(p("KeySchema")) && projectionOf(i) == projectionOf(wanted);
            });
            if (!existed)
                return ApiError::validation(QStringLiteral("Index %1 does not match a secondary index that existed in the source table "
                                                           "and cannot be created during the restore operation")
                                                .arg(wanted.value(p("IndexName")).toString()));
        }
    }
    return std::nullopt;
}

} // namespace

Result<QJsonObject> restoreToNewTable(api::OpContext &ctx, BackupCatalog &worker, const QJsonObject &source, RestoreSource items,
                                      const QJsonObject &req, const QJsonObject &summary)
{
    const QString target = req.value(p("TargetTableName")).toString();
    if (ctx.db.table(target))
        return ApiError(p("TableAlreadyExistsException"), QStringLiteral("Table already exists: %1").arg(target));

    if (auto refused = checkOverrides(source, req))
        return *refused;
    const QJsonObject create = createTableRequest(source, target, req);
    DD_CHECK(api::createTable(ctx, create));
    // CREATING until the load ends (liveStatus ends CREATING at _StatusUntilMs).
    storage::Database &db = ctx.db;
    QJsonObject restoreSummary = summary;
    restoreSummary.insert(p("RestoreInProgress"), true);
    BackupCatalog *w = &worker;
    // The load starts once the table is committed: the CreateTable above may
    // share an HTTP turn's transaction, and until its commit no other thread
    // (the worker's included) sees the table.
    auto load = [&db, w, target, items](qint64 tableId) {
        Result<qint64> loaded = prepareAndWrite(db, *w, target, tableId, items);
        if (!loaded.ok() && w->stopping().load())
            return; // interrupted: left CREATING, dropUnfinishedRestores() removes it at the next open
        if (!loaded.ok()) // before the table goes: a client that sees it gone finds the reason
            w->noteFailedRestore(db.region(), target, loaded.error().message());
        auto finished = db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
            auto table = db.table(target);
            if (!table || table->id != tableId)
                return {};
            if (!loaded.ok())
                return db.dropTable(txn, *table);
            QJsonObject desc = table->description;
            desc.insert(p("TableStatus"), p("ACTIVE"));
            desc.insert(p("_StatusUntilMs"), 0);
            QJsonObject s = desc.value(p("RestoreSummary")).toObject();
            s.insert(p("RestoreInProgress"), false);
            desc.insert(p("RestoreSummary"), s);
            return db.updateTable(txn, *table, desc).ok() ? Result<void>() : Result<void>(ApiError::internal(p("Cannot finish the restore")));
        });
        if (!loaded.ok())
            qWarning("The restore of table %s failed and the table was removed: %s", qPrintable(target), qPrintable(loaded.error().message()));
        if (!finished.ok())
            qWarning("The restore of table %s could not finish: %s", qPrintable(target), qPrintable(finished.error().message()));
    };
    // The answer is described before the load is scheduled: once the mark
    // below commits, the worker may load, fail and drop the table before
    // this request could read it again.
    DD_ASSIGN(const QByteArray described, api::describeTable(ctx, {{p("TableName"), target}}));
    QJsonObject out = QJsonDocument::fromJson(described).object().value(p("Table")).toObject();
    out.insert(p("TableStatus"), p("CREATING"));
    out.insert(p("RestoreSummary"), restoreSummary);
    DD_CHECK(db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
        auto table = db.table(target);
        if (!table)
            return ApiError::internal(p("The restored table vanished"));
        QJsonObject desc = table->description;
        desc.insert(p("TableStatus"), p("CREATING"));
        desc.insert(p("_StatusUntilMs"), std::numeric_limits<qint64>::max() / 2);
        desc.insert(p("RestoreSummary"), restoreSummary);
        if (!db.updateTable(txn, *table, desc).ok())
            return ApiError::internal(p("Cannot mark the table restoring"));
        const qint64 tableId = table->id;
        txn.onCommit([w, load, tableId] { w->post([load, tableId] { load(tableId); }); });
        return {};
    }));
    return out;
}

Result<int> dropUnfinishedRestores(storage::Database &db)
{
    int dropped = 0;
    for (const QString &name : db.tableNames()) {
        auto table = db.table(name);
        if (!table || !table->restoring)
            continue;
        DD_CHECK(db.write<void>([&](storage::WriteTxn &txn) -> Result<void> { return db.dropTable(txn, *table); }));
        qWarning("Removed table %s: its restore, import or load as a new replica did not finish before the process ended", qPrintable(name));
        ++dropped;
    }
    return dropped;
}

} // namespace dd::backup
