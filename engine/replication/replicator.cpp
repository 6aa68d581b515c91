#include "replication/replicator.h"

#include "api/keys.h"
#include "model/json.h"
#include "model/size.h"
#include "replication/replicaops.h"
#include "replication/replicastore.h"
#include "storage/changelog.h"
#include "storage/itemstore.h"

#include <pthread.h>

#include <algorithm>

#include <vector>

namespace dd::replication {

Replicator::Replicator(RegionOpener opener) : m_opener(std::move(opener))
{
    m_thread = std::thread([this] { loop(); });
}

Replicator::~Replicator()
{
    stop();
    // Outside m_mutex: a commit running the listener holds the database's
    // listener lock and waits for m_mutex.
    std::map<QString, std::pair<std::shared_ptr<storage::Database>, int>> watched;
    {
        std::lock_guard lock(m_mutex);
        watched.swap(m_watched);
    }
    for (auto &[region, w] : watched)
        w.first->removeCommitListener(w.second);
}

void Replicator::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_wakeUp.notify_all();
    }
    if (m_thread.joinable())
        m_thread.join();
}

void Replicator::watch(const std::shared_ptr<storage::Database> &db)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_watched.count(db->region()))
            return;
        m_watched[db->region()] = {db, 0};
    }
    // Outside m_mutex: the listener takes it, and a commit may be running it.
    const int id = db->addCommitListener([this] {
        if (m_pending.exchange(true, std::memory_order_acq_rel))
            return;
        std::lock_guard lock(m_mutex);
        m_woken = true;
        m_wakeUp.notify_one();
    });
    std::lock_guard lock(m_mutex);
    m_watched[db->region()].second = id;
    m_woken = true;
    m_wakeUp.notify_one();
}

void Replicator::wake()
{
    std::lock_guard lock(m_mutex);
    m_woken = true;
    m_wakeUp.notify_one();
}

void Replicator::loop()
{
    pthread_setname_np(pthread_self(), "dd-replicator");
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            if (m_stopping)
                return;
        }
        m_pending.store(false, std::memory_order_release);
        const Progress progress = pass();
        std::unique_lock lock(m_mutex);
        if (m_stopping)
            return;
        if (progress == Progress::Full)
            continue;
        if (progress == Progress::Shipped) {
            m_wakeUp.wait_for(lock, kGather, [this] { return m_stopping; });
            continue;
        }
        m_wakeUp.wait_for(lock, kSafetyPoll, [this] { return m_woken || m_stopping; });
        m_woken = false;
    }
}

Replicator::Progress Replicator::pass()
{
    std::vector<std::shared_ptr<storage::Database>> regions;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[name, watched] : m_watched)
            regions.push_back(watched.first);
    }
    Progress progress = Progress::Idle;
    for (const auto &db : regions) {
        Result<Progress> shipped = shipRegion(*db);
        if (shipped.ok()) {
            progress = std::max(progress, *shipped);
            continue;
        }
        // Said once, not on every retry.
        if (m_lastError != shipped.error().message())
            qWarning("Replication from %s failed, retrying: %s", qPrintable(db->region()), qPrintable(shipped.error().message()));
        m_lastError = shipped.error().message();
    }
    return progress;
}

namespace {

// One change on its way to another region.
struct Change {
    qint64 seq = 0;
    Version version;
    bool remove = false;
    QByteArray keys;  // DynamoDB JSON of its key attributes
    QByteArray image; // the new item; empty for a REMOVE
};

struct Batch {
    std::vector<Change> changes; // the local changes, in seq order
    qint64 lastSeq = 0;          // the last seq read, shipped or passed over
    bool full = false;
    qint64 horizonMs = 0;        // every change of the table after lastSeq is at least this recent
};

// The next local changes of `table` after `from` in `source`, with their
// versions, after folding the local log into dd_replica_versions.
Result<Batch> readBatch(storage::Database &source, const storage::TableDef &table, qint64 from)
{
    return source.write<Batch>([&](storage::WriteTxn &txn) -> Result<Batch> {
        DD_CHECK(ReplicaStore::fold(txn, table, source.region()));
        Batch b;
        b.lastSeq = from;
        b.horizonMs = txn.nowMs - Replicator::kHorizonSlackMs; // nothing later is logged yet: later writes are at least as recent
        DD_ASSIGN(const qint64 end, storage::ChangeLog::lastSeq(txn.conn, table.id));
        DD_CHECK(storage::ChangeLog::read(txn.conn, table.id, from + 1, end, true, [&](const storage::ChangeRecord &r) {
            if (int(b.changes.size()) >= Replicator::kBatchChanges) {
                b.full = true;
                b.horizonMs = r.timeMs - Replicator::kHorizonSlackMs;
                return false;
            }
            b.lastSeq = r.seq;
            if (r.origin == kReplicatedOrigin)
                return true;
            Change c;
            c.seq = r.seq;
            c.version = {r.timeMs, source.region()};
            c.remove = r.event == storage::ChangeEvent::Remove;
            c.keys = r.keys.toByteArray();
            if (!c.remove)
                c.image = r.newImage.toByteArray();
            b.changes.push_back(std::move(c));
            return true;
        }));
        // The version each item has here: its latest local write's, which a
        // fold may have moved past another region's.
        for (Change &c : b.changes) {
            DD_ASSIGN(const api::ItemKey key, ReplicaStore::loggedKey(table, c.keys));
            DD_ASSIGN(const std::optional<Version> v, ReplicaStore::version(txn.conn, table.id, ReplicaStore::versionKey(key.stored)));
            if (v && v->region == source.region() && v->timeMs > c.version.timeMs)
                c.version.timeMs = v->timeMs;
        }
        return b;
    }, storage::WriteFailure::Anywhere, storage::WriteFor::Background);
}

// Applies one change to replica `table` unless the item has a later version.
Result<void> applyChange(storage::WriteTxn &txn, const storage::TableDef &table, const Change &c)
{
    DD_ASSIGN(const api::ItemKey key, ReplicaStore::loggedKey(table, c.keys));
    const QByteArray versionKey = ReplicaStore::versionKey(key.stored);
    DD_ASSIGN(const std::optional<Version> current, ReplicaStore::version(txn.conn, table.id, versionKey));
    if (current && !c.version.supersedes(*current))
        return {};
    DD_ASSIGN(const std::optional<storage::StoredItem> old, storage::ItemStore::get(txn.conn, table, key.stored));
    if (c.remove) {
        if (old) {
            DD_CHECK(storage::applyDelete(txn, table, key.stored, c.keys, *old));
            txn.setLastChangeOrigin(kReplicatedOrigin);
        }
    } else {
        const auto item = model::itemFromStoredJson(c.image);
        if (!item)
            return ApiError::internal(QStringLiteral("A replicated item of table %1 is not valid DynamoDB JSON").arg(table.name));
        DD_CHECK(storage::applyPut(txn, table, key.stored, c.keys, old, storage::StoredItem{model::itemSize(*item), c.image}));
        txn.setLastChangeOrigin(kReplicatedOrigin);
    }
    return ReplicaStore::setVersion(txn, table.id, versionKey, c.version);
}

} // namespace

bool Replicator::due(const QString &key)
{
    const auto now = std::chrono::steady_clock::now();
    auto [it, added] = m_lastDone.try_emplace(key, now);
    if (added || now - it->second >= kHeartbeat) {
        it->second = now;
        return true;
    }
    return false;
}

Result<Replicator::Progress> Replicator::shipRegion(storage::Database &source)
{
    DD_ASSIGN(const std::vector<Peer> peers, source.read<std::vector<Peer>>([](storage::Connection &c) { return ReplicaStore::peers(c); }));
    Progress progress = Progress::Idle;
    for (const Peer &peer : peers) {
        const auto table = source.table(peer.tableName);
        if (!table || table->id != peer.tableId) {
            // The table is gone (deleted here): nothing more to ship from it.
            DD_CHECK(source.write<void>([&](storage::WriteTxn &txn) { return ReplicaStore::forget(txn, peer.tableId); },
                                        storage::WriteFailure::Anywhere, storage::WriteFor::Background));
            continue;
        }
        if (table->restoring)
            continue; // a replica still being loaded: its own writes start once it is ACTIVE
        if (replicaStatus(table->description, peer.region) == QLatin1String("ACTIVE")) {
            // An ACTIVE replica whose table is gone (its region's file was
            // removed while the engine was closed): it is no replica any more.
            DD_ASSIGN(const std::shared_ptr<storage::Database> target, m_opener(peer.region));
            if (!target->table(peer.tableName)) {
                qWarning("Table %s of %s: its replica in %s is gone; it is no longer replicated there", qPrintable(peer.tableName),
                         qPrintable(source.region()), qPrintable(peer.region));
                DD_CHECK(forgetReplica(source, peer.tableName, peer.region));
                continue;
            }
        }
        const QString pair = source.region() + QLatin1Char('/') + peer.tableName + QLatin1Char('/') + peer.region;
        // With nothing to ship, the replica still hears how recent this
        // region's next change will be, so that it can forget versions.
        const auto heartbeat = [&](qint64 horizonMs) -> Result<void> {
            if (!due(pair))
                return {};
            DD_ASSIGN(const std::shared_ptr<storage::Database> target, m_opener(peer.region));
            return target->write<void>([&](storage::WriteTxn &txn) -> Result<void> {
                const auto replica = target->table(peer.tableName);
                if (!replica || replica->restoring)
                    return {};
                DD_CHECK(ReplicaStore::setHorizon(txn, replica->id, source.region(), horizonMs));
                return ReplicaStore::forgetSettledVersions(txn, replica->id);
            }, storage::WriteFailure::Anywhere, storage::WriteFor::Background);
        };
        const qint64 readAtMs = source.clock()->nowMs();
        DD_ASSIGN(const qint64 end, source.read<qint64>([&](storage::Connection &c) { return storage::ChangeLog::lastSeq(c, table->id); }));
        if (end <= peer.shippedSeq) {
            DD_CHECK(heartbeat(readAtMs - kHorizonSlackMs));
            continue;
        }
        DD_ASSIGN(const Batch batch, readBatch(source, *table, peer.shippedSeq));
        if (batch.lastSeq <= peer.shippedSeq)
            continue;
        if (batch.changes.empty()) {
            DD_CHECK(heartbeat(batch.horizonMs));
        } else {
            DD_ASSIGN(const std::shared_ptr<storage::Database> target, m_opener(peer.region));
            DD_ASSIGN(const bool ready, target->write<bool>([&](storage::WriteTxn &txn) -> Result<bool> {
                const auto replica = target->table(peer.tableName);
                if (!replica || replica->restoring)
                    return false; // not there yet (being created) or gone (being deleted)
                DD_ASSIGN(const std::optional<qint64> from, ReplicaStore::applied(txn.conn, replica->id, source.region()));
                if (!from)
                    return false; // its creation has not recorded where it starts
                DD_CHECK(ReplicaStore::fold(txn, *replica, target->region()));
                for (const Change &c : batch.changes)
                    if (c.seq > *from)
                        DD_CHECK(applyChange(txn, *replica, c));
                DD_CHECK(ReplicaStore::setApplied(txn, replica->id, source.region(), batch.lastSeq, batch.horizonMs));
                if (due(QLatin1String("forget/") + pair))
                    DD_CHECK(ReplicaStore::forgetSettledVersions(txn, replica->id));
                return true;
            }, storage::WriteFailure::Anywhere, storage::WriteFor::Background));
            if (!ready)
                continue;
        }
        DD_CHECK(source.write<void>([&](storage::WriteTxn &txn) { return ReplicaStore::setShipped(txn, table->id, peer.region, batch.lastSeq); },
                                    storage::WriteFailure::Anywhere, storage::WriteFor::Background));
        progress = std::max(progress, batch.full ? Progress::Full : Progress::Shipped);
    }
    return progress;
}

} // namespace dd::replication
