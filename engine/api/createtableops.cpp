// CreateTable: the checks AWS makes beyond the service model, then the
// stored description of the table and its indexes. Messages follow AWS's
// text. Warm throughput's and on-demand maximum throughput's own rules are
// in warmthroughput.h and ondemandthroughput.h; this file applies them to a
// new table.
#include "api/ondemandthroughput.h"
#include "api/resourcepolicyops.h"
#include "api/tableops.h"
#include "api/warmthroughput.h"
#include "backup/backupcatalog.h"
#include "model/limits.h"

#include <QJsonArray>
#include <QSet>
#include <QUuid>

namespace dd::api {

namespace {

QString tableArn(const OpContext &ctx, const QString &table)
{
    return QStringLiteral("arn:aws:dynamodb:%1:%2:table/%3").arg(ctx.db.region(), ctx.request.accountId, table);
}

QString p(const char *s) { return QString::fromLatin1(s); }

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
    int projected = 0; // NonKeyAttributes of every index
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
            if (auto m = checkIncludeProjection(projection, projected))
                return m;
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
            return p("One or more parameter values were invalid: Table is being created with a stream enabled, UpdateViewType is required");
        if (!stream.value(p("StreamEnabled")).toBool() && stream.contains(p("StreamViewType")))
            return p("One or more parameter values were invalid: Table is being created with a stream disabled, UpdateViewType should not be specified");
    }
    const QJsonArray tags = req.value(p("Tags")).toArray();
    if (tags.size() > model::kMaxTagsPerResource)
        return p("One or more parameter values were invalid: Too many tags");
    if (auto m = checkTags(tags))
        return m;
    return std::nullopt;
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

} // namespace dd::api
