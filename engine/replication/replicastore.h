// ReplicaStore: what a region's database keeps of its global tables
// (version 2019.11.21: one table of the same name in several regions, each
// region's writes copied to the others by the Replicator):
//  - dd_replicas: for each local table with replicas, one row per other
//    region, with how far that region has applied this one's changes
//    (shipped_seq, a seq of this database's change log). The change log
//    keeps a replicated table's changes (new images) while any row lists
//    it, and ChangeLogPruner keeps every change after the lowest shipped_seq.
//  - dd_replica_applied: for each local replica, how far it has applied each
//    other region's changes (a seq of that region's log). It moves in the
//    transaction that applies them, so that a change is applied once across
//    crashes and restarts.
//  - dd_replica_versions: last writer wins. The version (time, region) of
//    each item written since the table became a replica, local writes and
//    applied ones alike; an incoming change older than the item's version
//    is dropped, so that every region ends with the same item. Local writes
//    enter it when the Replicator folds the local log in (dd_replica_folded:
//    how far it has), before it ships them and before it applies anything.
//    A local write that lands on an item whose version is from another
//    region and not older gets a version just after it (the write happened
//    after it here), so that the regions agree on its order.
//    Versions are kept only while a change that could lose to them may
//    still arrive: each region tells each replica a horizon with the
//    changes it applies (and every second when it has none), a time that
//    every change it has not shipped yet is at least as recent as; a
//    version older than every source's horizon can lose to nothing and is
//    forgotten (forgetSettledVersions), so the table holds about the last
//    second or two of writes, not every key ever written.
//
// Threads: stateless; run these on a connection inside Database::read or
// ::write.
#pragma once

#include "api/keys.h"
#include "model/result.h"
#include "storage/database.h"
#include "storage/itemstore.h"

#include <QByteArray>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace dd::replication {

// A change's origin (ChangeRecord::origin) when the Replicator applied it
// (streams::ChangeOrigin::Replication): never shipped on.
constexpr int kReplicatedOrigin = 2;

// One row of dd_replicas: local table `tableId` is replicated to `region`.
struct Peer {
    qint64 tableId = 0;
    QString tableName;
    QString region;
    qint64 shippedSeq = 0; // the region has applied this log's changes of the table up to here
};

// An item's version: the time of its last write and the region that made it.
struct Version {
    qint64 timeMs = 0;
    QString region;
    // Whether a change with this version replaces an item of version `current`.
    bool supersedes(const Version &current) const
    {
        return timeMs != current.timeMs ? timeMs > current.timeMs : region >= current.region;
    }
};

class ReplicaStore {
public:
    // Creates the tables if missing and registers the change-log consumer.
    // Call once when the database opens, before it serves requests.
    static Result<void> install(storage::Database &db);

    // Every row of dd_replicas, by table and region.
    static Result<std::vector<Peer>> peers(storage::Connection &c);
    static Result<void> addPeer(storage::WriteTxn &txn, qint64 tableId, const QString &tableName, const QString &region, qint64 shippedSeq);
    // Removes the row of `region` (and what the table applied of it), or
    // every row of the table if `region` is empty.
    static Result<void> removePeer(storage::WriteTxn &txn, qint64 tableId, const QString &region);
    static Result<void> setShipped(storage::WriteTxn &txn, qint64 tableId, const QString &region, qint64 seq);

    // How far local replica `tableId` has applied the log of `sourceRegion`; nullopt if it has no row.
    static Result<std::optional<qint64>> applied(storage::Connection &c, qint64 tableId, const QString &sourceRegion);
    // The same for each of `regions`, 0 for one without a row.
    static Result<std::map<QString, qint64>> appliedOf(storage::Connection &c, qint64 tableId, const QStringList &regions);
    // Sets how far it applied them (`seq`) and raises the source's horizon
    // to `horizonMs` (every change the source has not shipped yet is at
    // least this recent).
    static Result<void> setApplied(storage::WriteTxn &txn, qint64 tableId, const QString &sourceRegion, qint64 seq, qint64 horizonMs = 0);
    // Raises the horizon of `sourceRegion` alone (a source with nothing to ship).
    static Result<void> setHorizon(storage::WriteTxn &txn, qint64 tableId, const QString &sourceRegion, qint64 horizonMs);
    // Deletes the versions of table `tableId` older than every source's
    // horizon: no change that could lose to them can arrive any more.
    static Result<void> forgetSettledVersions(storage::WriteTxn &txn, qint64 tableId);

    // The version of the item at `key` (versionKey) of table `tableId`, if it has one.
    static Result<std::optional<Version>> version(storage::Connection &c, qint64 tableId, const QByteArray &key);
    static Result<void> setVersion(storage::WriteTxn &txn, qint64 tableId, const QByteArray &key, const Version &v);
    // The key of an item in dd_replica_versions.
    static QByteArray versionKey(const storage::StoredKey &key);
    // The key of a logged change (ChangeRecord::keys, DynamoDB JSON of its
    // key attributes) under `table`'s key schema; an InternalServerError if
    // it is not valid DynamoDB JSON.
    static Result<api::ItemKey> loggedKey(const storage::TableDef &table, QByteArrayView keysJson);

    // Folds the local changes of table `tableId` (those not applied by the
    // Replicator) logged since the last fold into dd_replica_versions, as
    // `region`'s. Returns the log's seq it folded up to.
    static Result<qint64> fold(storage::WriteTxn &txn, const storage::TableDef &table, const QString &region);

    // Forgets everything about local table `tableId`: rows, progress, versions.
    static Result<void> forget(storage::WriteTxn &txn, qint64 tableId);
};

} // namespace dd::replication
