// OpContext: what one operation handler sees of the engine: the region's
// database, the caller, the clock and the engine's options. Handlers are
// free functions `Result<QByteArray> op(OpContext &, const QJsonObject &)`,
// one per DynamoDB operation, grouped by file (tableops, itemops, ...).
#pragma once

#include "api/engine.h"
#include "storage/database.h"

#include <QJsonObject>

namespace dd::backup {
class BackupCatalog;
}
namespace dd::triggers {
class TriggerManager;
}
namespace dd::replication {
class Replicator;
}
namespace dd::migration {
class LocalBuckets;
}
namespace dd::cache {
class Cluster;
class Clusters;
}
namespace dd::insights {
class Recorder;
}

namespace dd::api {

struct OpContext {
    storage::Database &db;
    const RequestContext &request;
    const EngineOptions &options;
    Clock *clock;
    backup::BackupCatalog *backups = nullptr; // the engine's on-demand backups and background restores
    triggers::TriggerManager *triggers = nullptr; // the engine's local triggers
    replication::Replicator *replicator = nullptr; // the engine's global tables: other regions, replication
    migration::LocalBuckets *buckets = nullptr; // the local S3 buckets of exports and imports
    cache::Clusters *clusters = nullptr;         // the engine's running DAX clusters
    insights::Recorder *insights = nullptr;      // what Contributor Insights counts (insights/record.h)
    // The DAX cluster whose item cache eventually consistent GetItem and
    // BatchGetItem read through (cache/dataplane.h); null: the table only.
    cache::Cluster *dax = nullptr;
    // A table change made because another replica of a global table made it
    // (replication/replicaops.h): not passed on again.
    bool propagated = false;

    // The same caller and engine in the region of `other` (global tables).
    OpContext inRegion(storage::Database &other) const
    {
        OpContext c{other, request, options, clock};
        c.backups = backups;
        c.triggers = triggers;
        c.replicator = replicator;
        c.buckets = buckets;
        c.clusters = clusters;
        c.insights = insights;
        c.keyAttributesInFilter = keyAttributesInFilter;
        c.propagated = propagated;
        return c;
    }
    // A Query's filter may name key attributes: a PartiQL SELECT's WHERE
    // clause beside its key condition (`sk <> 3`); a client's Query may not.
    bool keyAttributesInFilter = false;
};

using OpHandler = Result<QByteArray> (*)(OpContext &, const QJsonObject &);

// Table operations (createtableops.cpp, updatetableops.cpp, tableops.cpp).
Result<QByteArray> createTable(OpContext &, const QJsonObject &);
Result<QByteArray> describeTable(OpContext &, const QJsonObject &);
Result<QByteArray> listTables(OpContext &, const QJsonObject &);
Result<QByteArray> updateTable(OpContext &, const QJsonObject &);
Result<QByteArray> deleteTable(OpContext &, const QJsonObject &);
Result<QByteArray> describeLimits(OpContext &, const QJsonObject &);
Result<QByteArray> describeEndpoints(OpContext &, const QJsonObject &);
// Contributor Insights (insights/insightsops.cpp).
Result<QByteArray> updateContributorInsights(OpContext &, const QJsonObject &);
Result<QByteArray> describeContributorInsights(OpContext &, const QJsonObject &);
Result<QByteArray> listContributorInsights(OpContext &, const QJsonObject &);
Result<QByteArray> getContributorInsightsReport(OpContext &, const QJsonObject &); // Dynamodesk.GetContributorInsightsReport
// What the engine does not emulate, described as it is: no Kinesis streaming
// destinations, so none to update either (kinesisops.cpp).
Result<QByteArray> describeKinesisStreamingDestination(OpContext &, const QJsonObject &);
Result<QByteArray> updateKinesisStreamingDestination(OpContext &, const QJsonObject &);
// Tags (tagops.cpp).
Result<QByteArray> tagResource(OpContext &, const QJsonObject &);
Result<QByteArray> untagResource(OpContext &, const QJsonObject &);
Result<QByteArray> listTagsOfResource(OpContext &, const QJsonObject &);
// Single-item operations (itemops.cpp).
Result<QByteArray> putItem(OpContext &, const QJsonObject &);
struct PutItemRequest;
Result<QByteArray> putItem(OpContext &, const PutItemRequest &); // a request read by fastrequest.h
Result<QByteArray> getItem(OpContext &, const QJsonObject &);
struct GetItemRequest;
Result<QByteArray> getItem(OpContext &, const GetItemRequest &); // a request read by fastrequest.h
Result<QByteArray> deleteItem(OpContext &, const QJsonObject &);
Result<QByteArray> updateItem(OpContext &, const QJsonObject &);
struct UpdateItemRequest;
Result<QByteArray> updateItem(OpContext &, const UpdateItemRequest &); // a request read by fastrequest.h
// Batches (batchops.cpp).
Result<QByteArray> batchWriteItem(OpContext &, const QJsonObject &);
// Reads of many items (queryops.cpp, batchgetops.cpp).
Result<QByteArray> query(OpContext &, const QJsonObject &);
struct QueryRequest;
Result<QByteArray> query(OpContext &, const QueryRequest &); // a request read by fastrequest.h
Result<QByteArray> scan(OpContext &, const QJsonObject &);
Result<QByteArray> batchGetItem(OpContext &, const QJsonObject &);
// Transactions (transactops.cpp, transactgetops.cpp).
Result<QByteArray> transactWriteItems(OpContext &, const QJsonObject &);
Result<QByteArray> transactGetItems(OpContext &, const QJsonObject &);
// PartiQL (partiql/partiqlops.cpp).
Result<QByteArray> executeStatement(OpContext &, const QJsonObject &);
Result<QByteArray> batchExecuteStatement(OpContext &, const QJsonObject &);
Result<QByteArray> executeTransaction(OpContext &, const QJsonObject &);
// DynamoDB Streams, operations "Streams.<Op>" (streams/streamops.cpp).
Result<QByteArray> listStreams(OpContext &, const QJsonObject &);
Result<QByteArray> describeStream(OpContext &, const QJsonObject &);
Result<QByteArray> getShardIterator(OpContext &, const QJsonObject &);
Result<QByteArray> getRecords(OpContext &, const QJsonObject &);
// Time to live (ttl/ttlops.cpp).
Result<QByteArray> updateTimeToLive(OpContext &, const QJsonObject &);
Result<QByteArray> describeTimeToLive(OpContext &, const QJsonObject &);
// On-demand backups (backup/backupops.cpp).
Result<QByteArray> createBackup(OpContext &, const QJsonObject &);
Result<QByteArray> describeBackup(OpContext &, const QJsonObject &);
Result<QByteArray> listBackups(OpContext &, const QJsonObject &);
Result<QByteArray> deleteBackup(OpContext &, const QJsonObject &);
Result<QByteArray> restoreTableFromBackup(OpContext &, const QJsonObject &);
// DeleteTable of a table with PITR on: the system backup AWS keeps for 35
// days ("<table>$DeletedTableBackup"), its read snapshot fixed before this
// returns; returns its ARN.
Result<QString> startDeletedTableBackup(OpContext &, const std::shared_ptr<const storage::TableDef> &table);
// Point-in-time recovery (pitr/pitrops.cpp).
Result<QByteArray> updateContinuousBackups(OpContext &, const QJsonObject &);
Result<QByteArray> describeContinuousBackups(OpContext &, const QJsonObject &);
Result<QByteArray> restoreTableToPointInTime(OpContext &, const QJsonObject &);
// Local triggers, Dynamodesk's own operations "Dynamodesk.<Op>" (triggers/triggerops.cpp).
Result<QByteArray> createTrigger(OpContext &, const QJsonObject &);
Result<QByteArray> updateTrigger(OpContext &, const QJsonObject &);
Result<QByteArray> deleteTrigger(OpContext &, const QJsonObject &);
Result<QByteArray> describeTrigger(OpContext &, const QJsonObject &);
Result<QByteArray> listTriggers(OpContext &, const QJsonObject &);
// A table's write history and restore previews (pitr/historyops.cpp, pitr/previewops.cpp).
Result<QByteArray> describeTableHistory(OpContext &, const QJsonObject &);
Result<QByteArray> previewRestore(OpContext &, const QJsonObject &);

// Helpers shared by handlers.
QByteArray toBody(const QJsonObject &response);
// A stream label: the enabling time in ISO 8601 with milliseconds, as AWS's labels look.
QString streamLabel(qint64 ms);
// The table `name`, or ResourceNotFoundException "Requested resource not found: Table: X not found"
// (or "Requested resource not found" for item operations, which also find no
// table while a restore loads it, TableDef::restoring).
Result<std::shared_ptr<const storage::TableDef>> requireTable(OpContext &ctx, const QString &name, bool itemOperation);

} // namespace dd::api
