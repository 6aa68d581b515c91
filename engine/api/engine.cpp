// Engine's calls: the operations' handlers by name, and call() from bytes
// (the commonest requests read straight from them) or from JSON, through
// authorization, validation and the request's DAX cluster; and the
// caller's turn (beginTurn, endTurn).
#include "api/engine_p.h"
#include "api/resourcepolicyops.h"
#include "api/tablearn.h"

#include "api/fastrequest.h"
#include "api/shapevalidator.h"
#include "cache/dataplane.h"
#include "cache/daxops.h"
#include "model/json.h"
#include "migration/migrationops.h"
#include "security/permissions.h"
#include "replication/replicaops.h"
#include "storage/commitscope.h"

#include <QJsonDocument>

namespace dd::api {

namespace {

const QHash<QString, OpHandler> &handlers()
{
    static const QHash<QString, OpHandler> h = {
        {QStringLiteral("CreateTable"), createTable},
        {QStringLiteral("DescribeTable"), describeTable},
        {QStringLiteral("ListTables"), listTables},
        {QStringLiteral("UpdateTable"), updateTable},
        {QStringLiteral("DeleteTable"), deleteTable},
        {QStringLiteral("DescribeLimits"), describeLimits},
        {QStringLiteral("DescribeEndpoints"), describeEndpoints},
        {QStringLiteral("DescribeContributorInsights"), describeContributorInsights},
        {QStringLiteral("UpdateContributorInsights"), updateContributorInsights},
        {QStringLiteral("ListContributorInsights"), listContributorInsights},
        {QStringLiteral("DescribeKinesisStreamingDestination"), describeKinesisStreamingDestination},
        {QStringLiteral("UpdateKinesisStreamingDestination"), updateKinesisStreamingDestination},
        {QStringLiteral("PutResourcePolicy"), putResourcePolicy},
        {QStringLiteral("GetResourcePolicy"), getResourcePolicy},
        {QStringLiteral("DeleteResourcePolicy"), deleteResourcePolicy},
        {QStringLiteral("TagResource"), tagResource},
        {QStringLiteral("UntagResource"), untagResource},
        {QStringLiteral("ListTagsOfResource"), listTagsOfResource},
        {QStringLiteral("PutItem"), putItem},
        {QStringLiteral("GetItem"), getItem},
        {QStringLiteral("DeleteItem"), deleteItem},
        {QStringLiteral("UpdateItem"), updateItem},
        {QStringLiteral("BatchWriteItem"), batchWriteItem},
        {QStringLiteral("Query"), query},
        {QStringLiteral("Scan"), scan},
        {QStringLiteral("BatchGetItem"), batchGetItem},
        {QStringLiteral("UpdateTimeToLive"), updateTimeToLive},
        {QStringLiteral("DescribeTimeToLive"), describeTimeToLive},
        {QStringLiteral("Streams.ListStreams"), listStreams},
        {QStringLiteral("Streams.DescribeStream"), describeStream},
        {QStringLiteral("Streams.GetShardIterator"), getShardIterator},
        {QStringLiteral("Streams.GetRecords"), getRecords},
        {QStringLiteral("TransactWriteItems"), transactWriteItems},
        {QStringLiteral("TransactGetItems"), transactGetItems},
        {QStringLiteral("ExecuteStatement"), executeStatement},
        {QStringLiteral("BatchExecuteStatement"), batchExecuteStatement},
        {QStringLiteral("ExecuteTransaction"), executeTransaction},
        {QStringLiteral("CreateGlobalTable"), replication::createGlobalTable},
        {QStringLiteral("UpdateGlobalTable"), replication::updateGlobalTable},
        {QStringLiteral("DescribeGlobalTable"), replication::describeGlobalTable},
        {QStringLiteral("ListGlobalTables"), replication::listGlobalTables},
        {QStringLiteral("DescribeGlobalTableSettings"), replication::describeGlobalTableSettings},
        {QStringLiteral("UpdateGlobalTableSettings"), replication::updateGlobalTableSettings},
        {QStringLiteral("CreateBackup"), createBackup},
        {QStringLiteral("DescribeBackup"), describeBackup},
        {QStringLiteral("ListBackups"), listBackups},
        {QStringLiteral("DeleteBackup"), deleteBackup},
        {QStringLiteral("RestoreTableFromBackup"), restoreTableFromBackup},
        {QStringLiteral("UpdateContinuousBackups"), updateContinuousBackups},
        {QStringLiteral("DescribeContinuousBackups"), describeContinuousBackups},
        {QStringLiteral("RestoreTableToPointInTime"), restoreTableToPointInTime},
        {QStringLiteral("ExportTableToPointInTime"), migration::exportTableToPointInTime},
        {QStringLiteral("DescribeExport"), migration::describeExport},
        {QStringLiteral("ListExports"), migration::listExports},
        {QStringLiteral("ImportTable"), migration::importTable},
        {QStringLiteral("DescribeImport"), migration::describeImport},
        {QStringLiteral("ListImports"), migration::listImports},
        // Dynamodesk's own operations, on the wire as "Dynamodesk_20261101.<Op>".
        {QStringLiteral("Dynamodesk.CreateTrigger"), createTrigger},
        {QStringLiteral("Dynamodesk.UpdateTrigger"), updateTrigger},
        {QStringLiteral("Dynamodesk.DeleteTrigger"), deleteTrigger},
        {QStringLiteral("Dynamodesk.DescribeTrigger"), describeTrigger},
        {QStringLiteral("Dynamodesk.ListTriggers"), listTriggers},
        {QStringLiteral("Dynamodesk.DescribeTableHistory"), describeTableHistory},
        {QStringLiteral("Dynamodesk.PreviewRestore"), previewRestore},
        {QStringLiteral("Dynamodesk.GetContributorInsightsReport"), getContributorInsightsReport},
        {QStringLiteral("Dynamodesk.ListLocalBuckets"), migration::listLocalBuckets},
        {QStringLiteral("Dynamodesk.CreateLocalBucket"), migration::createLocalBucket},
        {QStringLiteral("Dynamodesk.DescribeImportErrors"), migration::describeImportErrors},
        {QStringLiteral("Dynamodesk.DescribeClusterMetrics"), cache::describeClusterMetrics},
        // DAX's control plane, on the wire as "AmazonDAXV3.<Op>".
        {QStringLiteral("Dax.CreateCluster"), cache::createCluster},
        {QStringLiteral("Dax.DescribeClusters"), cache::describeClusters},
        {QStringLiteral("Dax.UpdateCluster"), cache::updateCluster},
        {QStringLiteral("Dax.DeleteCluster"), cache::deleteCluster},
        {QStringLiteral("Dax.IncreaseReplicationFactor"), cache::increaseReplicationFactor},
        {QStringLiteral("Dax.DecreaseReplicationFactor"), cache::decreaseReplicationFactor},
        {QStringLiteral("Dax.RebootNode"), cache::rebootNode},
        {QStringLiteral("Dax.TagResource"), cache::tagResource},
        {QStringLiteral("Dax.UntagResource"), cache::untagResource},
        {QStringLiteral("Dax.ListTags"), cache::listTags},
        {QStringLiteral("Dax.DescribeEvents"), cache::describeEvents},
        {QStringLiteral("Dax.CreateParameterGroup"), cache::createParameterGroup},
        {QStringLiteral("Dax.DescribeParameterGroups"), cache::describeParameterGroups},
        {QStringLiteral("Dax.UpdateParameterGroup"), cache::updateParameterGroup},
        {QStringLiteral("Dax.DeleteParameterGroup"), cache::deleteParameterGroup},
        {QStringLiteral("Dax.DescribeParameters"), cache::describeParameters},
        {QStringLiteral("Dax.DescribeDefaultParameters"), cache::describeDefaultParameters},
        {QStringLiteral("Dax.CreateSubnetGroup"), cache::createSubnetGroup},
        {QStringLiteral("Dax.DescribeSubnetGroups"), cache::describeSubnetGroups},
        {QStringLiteral("Dax.UpdateSubnetGroup"), cache::updateSubnetGroup},
        {QStringLiteral("Dax.DeleteSubnetGroup"), cache::deleteSubnetGroup},
    };
    return h;
}

} // namespace

namespace {
thread_local std::optional<storage::CommitScope> t_turn;
}

void Engine::beginTurn()
{
    if (!t_turn)
        t_turn.emplace();
}

std::optional<ApiError> Engine::endTurn()
{
    if (!t_turn)
        return std::nullopt;
    auto error = t_turn->finish();
    t_turn.reset();
    return error;
}

Result<QByteArray> Engine::call(const RequestContext &context, QStringView operation, QByteArrayView body)
{
    // The commonest requests, read straight from their bytes (fastrequest.h).
    auto fast = [&](const auto &request, auto handler) -> std::optional<Result<QByteArray>> {
        if (!request)
            return std::nullopt;
        auto db = d->cachedRegionOf(context);
        if (!db.ok())
            return Result<QByteArray>(db.error());
        // A signed caller reaching a table with a resource-based policy is
        // authorized on the general path.
        if (context.principal) {
            const std::shared_ptr<const storage::TableDef> table = (*db)->table(request->tableName);
            if (table && table->description.contains(QLatin1StringView("_ResourcePolicy")))
                return std::nullopt;
        }
        OpContext ctx = d->opContext(**db, context);
        return handler(ctx, *request);
    };
    // The same through the request's DAX cluster (cache/dataplane.h).
    auto fastThrough = [&](const auto &request, auto handler) {
        return fast(request, [&](OpContext &c, const auto &r) -> Result<QByteArray> {
            DD_ASSIGN(std::shared_ptr<cache::Cluster> cluster, d->clusters->running(c.db, context.daxCluster, d->clock->nowMs()));
            return handler(c, *cluster, r);
        });
    };
    std::optional<Result<QByteArray>> answer;
    // A signed caller (--auth) with an identity-based policy takes the
    // general path, where calls are authorized; one without may do whatever
    // resource-based policies do not deny, so it takes the fast path unless
    // the table has one (above).
    const bool authorizing = context.principal && context.principal->policy;
    if (!authorizing && !context.daxCluster.isEmpty()) {
        // Through a DAX cluster, GetItem and PutItem (the commonest) are read from their bytes too.
        if (operation == u"GetItem")
            answer = fastThrough(readGetItemRequest(body), cache::getItemThroughCluster);
        else if (operation == u"PutItem")
            answer = fastThrough(readPutItemRequest(body), cache::putItemThroughCluster);
    } else if (!authorizing) {
        if (operation == u"GetItem")
            answer = fast(readGetItemRequest(body), [](OpContext &c, const GetItemRequest &r) { return getItem(c, r); });
        else if (operation == u"PutItem")
            answer = fast(readPutItemRequest(body), [](OpContext &c, const PutItemRequest &r) { return putItem(c, r); });
        else if (operation == u"UpdateItem")
            answer = fast(readUpdateItemRequest(body), [](OpContext &c, const UpdateItemRequest &r) { return updateItem(c, r); });
        else if (operation == u"Query")
            answer = fast(readQueryRequest(body), [](OpContext &c, const QueryRequest &r) { return query(c, r); });
    }
    if (answer)
        return std::move(*answer);

    const std::optional<QJsonDocument> doc = model::parseRequestJson(body);
    if (!doc || !doc->isObject())
        return ApiError::serialization(QString());
    return call(context, operation, doc->object());
}

Result<QByteArray> Engine::call(const RequestContext &context, QStringView operation, const QJsonObject &given)
{
    // A table named by its ARN is named by its name from here on.
    QJsonObject resolved;
    QHash<QString, QString> batchArns; // RequestItems' tables named by ARN: answered by ARN
    const bool byArn = !operation.startsWith(u"Dax.") && namesTableByArn(given);
    if (byArn) {
        resolved = given;
        const QString region = context.region.isEmpty() ? Private::defaultRegion() : context.region;
        if (auto error = resolveTableArns(resolved, region, context.accountId, &batchArns))
            return *error;
    }
    const QJsonObject &request = byArn ? resolved : given;
    const OpHandler handler = handlers().value(operation.toString());
    // The operation in AWS's model of its service ("Streams.GetRecords" is
    // dynamodbstreams' GetRecords).
    const bool streamsOp = operation.startsWith(u"Streams.");
    const bool daxOp = operation.startsWith(u"Dax.");
    const ShapeValidator &model = ShapeValidator::instance(streamsOp ? ShapeValidator::Service::Streams
                                                           : daxOp   ? ShapeValidator::Service::Dax
                                                                     : ShapeValidator::Service::DynamoDB);
    const QStringView modelOperation = streamsOp ? operation.sliced(8) : daxOp ? operation.sliced(4) : operation;
    if (!handler) {
        // An operation of AWS's model this engine lacks (PartiQL, exports,
        // global tables, ...) keeps AWS's type for an unknown one, so that
        // clients probing for it behave the same, but says what it is.
        if (model.hasOperation(modelOperation))
            return ApiError::unknownOperation(QStringLiteral("Dynamodesk does not implement %1 yet").arg(operation));
        return ApiError::unknownOperation();
    }
    // Through a DAX cluster go its item operations; its control plane
    // ("Dax.") and Dynamodesk's own operations are answered wherever sent.
    const bool throughCluster = !context.daxCluster.isEmpty() && !daxOp && !operation.startsWith(u"Dynamodesk.");
    // IAM authorizes a call before it is validated, as on AWS: the caller's
    // identity-based policy and the resource-based policies of the tables
    // and streams it names.
    if (context.principal) {
        const QString region = context.region.isEmpty() ? Private::defaultRegion() : context.region;
        DD_ASSIGN(std::shared_ptr<storage::Database> db, d->regionOf(context));
        const QString tablePrefix = QStringLiteral("arn:aws:dynamodb:%1:%2:table/").arg(region, context.accountId);
        const security::TableKeyLookup keyNames = [&db](const QString &name, const QString &index) -> std::optional<security::TableKeyNames> {
            const std::shared_ptr<const storage::TableDef> table = db->table(name);
            if (!table)
                return std::nullopt;
            security::TableKeyNames out;
            out.partitionKey = table->keys.hash.name;
            if (!index.isEmpty()) {
                const storage::IndexDef *i = table->index(index);
                if (!i)
                    return std::nullopt;
                out.partitionKey = i->keys.hash.name;
            }
            return out;
        };
        const security::ResourcePolicyLookup policies = [&](const QString &resourceArn) -> std::shared_ptr<const security::Policy> {
            if (!resourceArn.startsWith(tablePrefix))
                return nullptr;
            const QString rest = resourceArn.mid(tablePrefix.size());
            const std::shared_ptr<const storage::TableDef> table = db->table(rest.section(u'/', 0, 0));
            if (!table)
                return nullptr;
            const QString document = governingPolicy(*table, resourceArn);
            return document.isEmpty() ? nullptr : d->resourcePolicies.get(document);
        };
        const security::RequestFacts facts{region, context.sourceIp, false, d->clock->nowMs()};
        if (auto denied = security::authorize(*context.principal,
                                              security::permissionsFor(operation, request, region, context.accountId,
                                                                       throughCluster ? context.daxCluster : QString(), keyNames),
                                              context.accountId, facts, policies))
            return *denied;
    }
    // Dynamodesk's own operations ("Dynamodesk.<Op>") are not in AWS's model:
    // their handlers validate their requests themselves.
    if (!operation.startsWith(u"Dynamodesk."))
        DD_CHECK(model.validate(modelOperation, request));
    DD_ASSIGN(std::shared_ptr<storage::Database> db, d->regionOf(context));
    OpContext ctx = d->opContext(*db, context);
    if (throughCluster) {
        DD_ASSIGN(std::shared_ptr<cache::Cluster> cluster, d->clusters->running(*db, context.daxCluster, d->clock->nowMs()));
        return cache::callThroughCluster(ctx, *cluster, operation, request, handler);
    }
    Result<QByteArray> answer = handler(ctx, request);
    if (!batchArns.isEmpty() && answer.ok())
        return keyedAsSent(*answer, batchArns);
    return answer;
}

} // namespace dd::api
