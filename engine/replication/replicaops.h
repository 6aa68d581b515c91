// Global tables (version 2019.11.21) in the table operations: UpdateTable's
// ReplicaUpdates, DeleteTable of a replica, and the table settings every
// replica shares. The texts of the errors are AWS's, as observed on the
// service.
//
// A global table is one table of the same name in several regions (here,
// several region databases of one engine). Each region's description lists
// the others in `Replicas` (never itself) with GlobalTableVersion
// "2019.11.21"; a region that stops being part of one loses both members.
// Adding a replica creates the table in its region with the same keys,
// indexes, billing, stream view type and time to live, CREATING while the
// source's items are copied in (the source table is UPDATING meanwhile),
// then ACTIVE: from then on the Replicator (replicator.h) copies every
// region's writes to the others.
//
// Threads: as any operation handler.
#pragma once

#include "api/opcontext.h"

namespace dd::replication {

// UpdateTable with ReplicaUpdates, which must be its only change.
Result<QByteArray> updateReplicas(api::OpContext &ctx, const QJsonObject &req);

// Whether `description` is a table with replicas.
bool isGlobal(const QJsonObject &description);

// For DeleteTable of `table`, a replica of a global table: the check AWS
// makes (a region that was the source of a replica added in the last 24
// hours keeps its table). Nothing for a table without replicas.
std::optional<ApiError> checkDelete(api::OpContext &ctx, const storage::TableDef &table);
// After DeleteTable of `table` (a replica) committed: the other regions
// drop it from their replicas.
void leave(api::OpContext &ctx, const QString &tableName, const QJsonObject &description);

// Region `region` no longer holds a replica of table `tableName` of `db`:
// its entry leaves the table's Replicas (and the table is regional again if
// it was the last) and nothing more is shipped there. Nothing if the table
// is gone.
Result<void> forgetReplica(storage::Database &db, const QString &tableName, const QString &region);
// The status of `region`'s entry in the Replicas of `description`; empty if none.
QString replicaStatus(const QJsonObject &description, const QString &region);

// After UpdateTable or UpdateTimeToLive (`operation`) changed `tableName`,
// in ctx's region: if it is a replica, applies `req` to the other replicas too, with
// what stays per region (DeletionProtectionEnabled) left out. Their
// failures are logged, not returned: the change stands where it was made,
// as on AWS.
void propagate(api::OpContext &ctx, const QString &tableName, const QString &operation, const QJsonObject &req);

// The operations of version 2017.11.29 (Legacy), answered as AWS answers
// them today: CreateGlobalTable (and UpdateGlobalTable's Create) is refused
// ("version 2017.11.29 is not supported"), there are no legacy global tables
// to describe, update or list.
Result<QByteArray> createGlobalTable(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> updateGlobalTable(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> describeGlobalTable(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> listGlobalTables(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> describeGlobalTableSettings(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> updateGlobalTableSettings(api::OpContext &ctx, const QJsonObject &req);

// When a region's database opens, before it serves requests: replicas of
// its tables whose creation a restart cut short (still CREATING, their load
// gone with the process; their own region drops their table, see
// backup::dropUnfinishedRestores) are forgotten, and the table is ACTIVE
// again. Returns how many.
Result<int> abandonUnfinishedReplicas(storage::Database &db);

} // namespace dd::replication
