// On-demand backup operations: CreateBackup, DescribeBackup, ListBackups,
// DeleteBackup, RestoreTableFromBackup. CreateBackup fixes a read snapshot
// of the table before it returns (so the backup is consistent to that
// moment) and reads, encodes and writes it on a thread of its own: the
// backup is CREATING until the file is written, then AVAILABLE.
// RestoreTableFromBackup checks the file's header and returns CREATING;
// restorer.h does the rest in the background.
#include "api/opcontext.h"
#include "backup/backupcatalog.h"
#include "backup/backupsource.h"
#include "backup/restorer.h"
#include "backup/snapshot.h"
#include "migration/jobcommon.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <future>
#include <utility>

namespace dd::api {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

// ListBackups' Limit bounds (AWS: 1..100).
constexpr int kMaxListBackups = 100;

Result<backup::BackupCatalog *> catalog(OpContext &ctx)
{
    if (!ctx.backups)
        return ApiError::internal(p("Backups are not available"));
    return ctx.backups;
}

// The public BackupDescription: without the engine's own members.
QJsonObject publicMeta(QJsonObject meta)
{
    meta.remove(p("_Region"));
    return meta;
}

// How long DynamoDB keeps the system backup of a deleted table.
constexpr qint64 kSystemBackupRetentionMs = 35LL * 24 * 3600 * 1000;

// A system backup past its BackupExpiryDateTime: removed, and from then on
// unknown, as on AWS, where it expires by itself.
bool expired(backup::BackupCatalog &cat, const QJsonObject &meta, qint64 nowMs)
{
    const QJsonValue expiry = meta.value(p("BackupDetails")).toObject().value(p("BackupExpiryDateTime"));
    if (expiry.isUndefined() || std::llround(expiry.toDouble() * 1000) > nowMs)
        return false;
    cat.remove(meta.value(p("BackupDetails")).toObject().value(p("BackupArn")).toString());
    return true;
}

// Starts a backup of `table` as it is now (see createBackup) and returns
// its BackupDetails; a system backup (`system`) expires after 35 days.
Result<QJsonObject> startBackup(OpContext &ctx, backup::BackupCatalog *cat, const std::shared_ptr<const storage::TableDef> &table,
                                const QString &backupName, bool system)
{
    const QString name = table->name;
    const qint64 now = ctx.clock->nowMs();
    // On disk the table is read in the background, from a read snapshot
    // fixed before this request returns (so the backup holds the table as
    // it was at the request, to the second, and later writes never wait for
    // it: a WAL reader does not block the writer); then the file is encoded
    // and written. In memory the one connection serves all, so the read is
    // made here and only the encoding is left to another thread.
    auto snap = std::make_shared<backup::Snapshot>();
    auto fixed = std::make_shared<std::promise<Result<std::pair<qint64, qint64>>>>();
    auto published = std::make_shared<std::promise<void>>();
    // Reads the table: Failed (before the snapshot was fixed: `fixed` holds
    // the error), Partial (failed after it) or Read.
    enum Outcome { Failed, Partial, Read };
    // A stopping engine interrupts the read (Partial: no backup, as after a
    // crash) rather than wait for the whole table.
    auto readError = std::make_shared<QString>(); // why a Partial read failed
    auto readTable = [db = &ctx.db, table, now, snap, fixed, cat, readError]() -> Outcome {
        bool answered = false;
        auto read = backup::Snapshot::read(
            *db, *table, now,
            [&](qint64 count, qint64 bytes) {
                fixed->set_value(std::pair(count, bytes));
                answered = true;
                if (!db->isInMemory()) // the scan is a low-priority thread's (not while it held the write lock: see pitrstore.cpp)
                    backup::lowerThreadPriority("dd-backup-read");
            },
            &cat->stopping());
        if (!read.ok() && !answered)
            fixed->set_value(read.error());
        if (!read.ok()) {
            *readError = read.error().message();
            return answered ? Partial : Failed;
        }
        *snap = std::move(*read);
        return Read;
    };
    // The id is an export's: 14-digit epoch milliseconds and 8 hex digits, as AWS's backup ARNs have.
    const QString arn = table->description.value(p("TableArn")).toString() + QStringLiteral("/backup/") + migration::newJobId(now);
    // Once the table is read: the file, or (a read that failed part way) no backup.
    auto finish = [cat, arn, snap, published, readError](Outcome outcome) {
        if (outcome == Failed)
            return; // the request failed: it added nothing
        // The description must be in the catalog first (storeData writes
        // nothing for a backup it does not know: one whose description
        // could not be written, and the request failed).
        published->get_future().wait();
        if (cat->stopping().load()) {
            cat->remove(arn);
            return;
        }
        if (outcome == Partial) {
            cat->dropFailed(arn, *readError);
            return;
        }
        (void)cat->storeData(arn, snap->encode()); // a failure removes the backup and keeps why (notFound)
    };
    // The reader fixes its snapshot with the table's figures under the write
    // lock (Database::tableStatsInRead): a turn of this thread that holds it
    // commits first, or on disk the wait below would never end; in memory
    // the snapshot would hold the turn's writes and the figures not. Its
    // writes are then in the backup, as they come before it.
    storage::CommitScope::Detach detached;
    if (ctx.db.isInMemory()) {
        const Outcome outcome = readTable();
        if (outcome != Failed)
            cat->spawn([finish, outcome] {
                backup::lowerThreadPriority("dd-backup-enc");
                finish(outcome);
            });
    } else {
        cat->spawn([readTable, finish] {
            finish(readTable());
        });
    }
    DD_ASSIGN(const auto figures, fixed->get_future().get());
    const auto [itemCount, itemBytes] = figures;
    const QJsonObject &d = table->description;
    QJsonObject details{{p("BackupArn"), arn}, {p("BackupName"), backupName}, {p("BackupSizeBytes"), itemBytes},
                        {p("BackupStatus"), p("CREATING")}, {p("BackupType"), system ? p("SYSTEM") : p("USER")},
                        {p("BackupCreationDateTime"), double(now) / 1000.0}};
    if (system)
        details.insert(p("BackupExpiryDateTime"), double(now + kSystemBackupRetentionMs) / 1000.0);
    const QString mode = d.value(p("BillingModeSummary")).toObject().value(p("BillingMode")).toString(p("PROVISIONED"));
    QJsonObject pt = d.value(p("ProvisionedThroughput")).toObject();
    const QJsonObject source{{p("TableName"), name}, {p("TableId"), d.value(p("TableId"))}, {p("TableArn"), d.value(p("TableArn"))},
                             {p("TableSizeBytes"), itemBytes}, {p("KeySchema"), d.value(p("KeySchema"))},
                             {p("TableCreationDateTime"), d.value(p("CreationDateTime"))},
                             {p("ProvisionedThroughput"), QJsonObject{{p("ReadCapacityUnits"), pt.value(p("ReadCapacityUnits"))},
                                                                      {p("WriteCapacityUnits"), pt.value(p("WriteCapacityUnits"))}}},
                             {p("ItemCount"), itemCount}, {p("BillingMode"), mode}};
    // On-demand maxima appear where AWS's model has them (SourceTableDetails, GlobalSecondaryIndexInfo).
    QJsonObject sourceDetails = source;
    if (d.contains(p("OnDemandThroughput")))
        sourceDetails.insert(p("OnDemandThroughput"), d.value(p("OnDemandThroughput")));
    QJsonObject features;
    for (const char *kind : {"LocalSecondaryIndexes", "GlobalSecondaryIndexes"}) {
        QJsonArray out;
        for (const auto &v : d.value(p(kind)).toArray()) {
            const QJsonObject i = v.toObject();
            if (i.value(p("IndexStatus")).toString() == p("DELETING"))
                continue; // not in the backup (nor in a restore of it)
            QJsonObject info{{p("IndexName"), i.value(p("IndexName"))}, {p("KeySchema"), i.value(p("KeySchema"))}, {p("Projection"), i.value(p("Projection"))}};
            if (kind[0] == 'G')
                info.insert(p("ProvisionedThroughput"), i.value(p("ProvisionedThroughput")));
            if (kind[0] == 'G' && i.contains(p("OnDemandThroughput")))
                info.insert(p("OnDemandThroughput"), i.value(p("OnDemandThroughput")));
            out.append(info);
        }
        if (!out.isEmpty())
            features.insert(p(kind), out);
    }
    if (d.contains(p("StreamSpecification")))
        features.insert(p("StreamDescription"), d.value(p("StreamSpecification")));
    if (d.contains(p("SSEDescription")))
        features.insert(p("SSEDescription"), d.value(p("SSEDescription")));
    const QJsonObject meta{{p("BackupDetails"), details}, {p("SourceTableDetails"), sourceDetails},
                           {p("SourceTableFeatureDetails"), features}, {p("_Region"), ctx.db.region()}};
    auto added = cat->add(arn, meta);
    published->set_value(); // not added: the read's end finds no backup and writes nothing
    DD_CHECK(added);
    return details;
}

} // namespace

Result<QByteArray> createBackup(OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(backup::BackupCatalog * cat, catalog(ctx));
    const QString name = req.value(p("TableName")).toString();
    // AWS answers TableNotFoundException here, as its other backup operations do.
    if (!ctx.db.table(name))
        return ApiError(p("TableNotFoundException"), QStringLiteral("Table not found: %1").arg(name));
    DD_ASSIGN(auto table, requireTable(ctx, name, false));
    DD_ASSIGN(const QJsonObject details, startBackup(ctx, cat, table, req.value(p("BackupName")).toString(), false));
    return toBody({{p("BackupDetails"), details}});
}

Result<QString> startDeletedTableBackup(OpContext &ctx, const std::shared_ptr<const storage::TableDef> &table)
{
    DD_ASSIGN(backup::BackupCatalog * cat, catalog(ctx));
    DD_ASSIGN(const QJsonObject details, startBackup(ctx, cat, table, table->name + QStringLiteral("$DeletedTableBackup"), true));
    return details.value(p("BackupArn")).toString();
}

Result<QByteArray> describeBackup(OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(backup::BackupCatalog * cat, catalog(ctx));
    const QString arn = req.value(p("BackupArn")).toString();
    const QJsonObject meta = cat->meta(arn);
    if (meta.isEmpty() || meta.value(p("_Region")).toString() != ctx.db.region() || expired(*cat, meta, ctx.clock->nowMs()))
        return cat->notFound(arn);
    return toBody({{p("BackupDescription"), publicMeta(meta)}});
}

Result<QByteArray> listBackups(OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(backup::BackupCatalog * cat, catalog(ctx));
    const QString table = req.value(p("TableName")).toString();
    const QString type = req.value(p("BackupType")).toString(p("USER"));
    // The range is [lower, upper), to the millisecond (ack-api-quirks DDB-BACKUP-014).
    const qint64 lower = std::llround(req.value(p("TimeRangeLowerBound")).toDouble(0) * 1000);
    const qint64 upper = std::llround(req.value(p("TimeRangeUpperBound")).toDouble(1e15) * 1000);
    if (lower > upper)
        return ApiError::validation(p("Time range lower bound must be less than or equal to upper bound"));
    const QString start = req.value(p("ExclusiveStartBackupArn")).toString();
    const int limit = req.contains(p("Limit")) ? req.value(p("Limit")).toInt() : kMaxListBackups;
    if (limit < 1 || limit > kMaxListBackups)
        return ApiError::validation(QStringLiteral("1 validation error detected: Value '%1' at 'limit' failed to satisfy constraint: "
                                                   "Member must have value less than or equal to 100").arg(limit));
    QList<QJsonObject> all = cat->all();
    const qint64 nowMs = ctx.clock->nowMs();
    std::sort(all.begin(), all.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const auto da = a.value(p("BackupDetails")).toObject(), db = b.value(p("BackupDetails")).toObject();
        const double ta = da.value(p("BackupCreationDateTime")).toDouble(), tb = db.value(p("BackupCreationDateTime")).toDouble();
        return ta != tb ? ta < tb : da.value(p("BackupArn")).toString() < db.value(p("BackupArn")).toString();
    });
    QJsonArray out;
    bool started = start.isEmpty();
    QString last;
    for (const QJsonObject &m : all) {
        const QJsonObject details = m.value(p("BackupDetails")).toObject();
        const QJsonObject source = m.value(p("SourceTableDetails")).toObject();
        const QString arn = details.value(p("BackupArn")).toString();
        if (!started) {
            started = arn == start;
            continue;
        }
        const qint64 t = std::llround(details.value(p("BackupCreationDateTime")).toDouble() * 1000);
        if (expired(*cat, m, nowMs))
            continue;
        if (m.value(p("_Region")).toString() != ctx.db.region() || (!table.isEmpty() && source.value(p("TableName")).toString() != table)
            || t < lower || t >= upper || (type != p("ALL") && details.value(p("BackupType")).toString() != type))
            continue;
        if (out.size() == limit) {
            return toBody({{p("BackupSummaries"), out}, {p("LastEvaluatedBackupArn"), last}});
        }
        QJsonObject summary{{p("TableName"), source.value(p("TableName"))}, {p("TableId"), source.value(p("TableId"))},
                            {p("TableArn"), source.value(p("TableArn"))}};
        for (auto it = details.begin(); it != details.end(); ++it)
            summary.insert(it.key(), it.value());
        out.append(summary);
        last = arn;
    }
    return toBody({{p("BackupSummaries"), out}});
}

Result<QByteArray> deleteBackup(OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(backup::BackupCatalog * cat, catalog(ctx));
    const QString arn = req.value(p("BackupArn")).toString();
    QJsonObject meta = cat->meta(arn);
    if (meta.isEmpty() || meta.value(p("_Region")).toString() != ctx.db.region())
        return cat->notFound(arn);
    if (meta.value(p("BackupDetails")).toObject().value(p("BackupStatus")).toString() == p("CREATING"))
        return ApiError(p("BackupInUseException"), QStringLiteral("Backup is being created: %1").arg(arn));
    cat->remove(arn);
    QJsonObject details = meta.value(p("BackupDetails")).toObject();
    details.insert(p("BackupStatus"), p("DELETED"));
    meta.insert(p("BackupDetails"), details);
    return toBody({{p("BackupDescription"), publicMeta(meta)}});
}

Result<QByteArray> restoreTableFromBackup(OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(backup::BackupCatalog * cat, catalog(ctx));
    const QString arn = req.value(p("BackupArn")).toString();
    DD_ASSIGN(const QJsonObject meta, backup::availableBackup(ctx, arn));
    if (expired(*cat, meta, ctx.clock->nowMs()))
        return cat->notFound(arn);
    const QString target = req.value(p("TargetTableName")).toString();
    if (ctx.db.table(target))
        return ApiError(p("TableAlreadyExistsException"), QStringLiteral("Table already exists: %1").arg(target));
    // The header and the description now, from the file's first bytes (a
    // missing, truncated or foreign file fails the request); the items and
    // the checksum in the background, the checksum on a thread of its own
    // while the items load.
    const QString what = QStringLiteral("Backup %1").arg(arn);
    qint64 total = 0, needed = 0;
    DD_ASSIGN(QByteArray head, cat->dataHead(arn, backup::Snapshot::kPeekBytes, &total));
    DD_ASSIGN(QJsonObject description, backup::Snapshot::peekDescription(head, total, what, &needed));
    if (needed > head.size()) {
        DD_ASSIGN(head, cat->dataHead(arn, needed, &total));
        DD_ASSIGN(description, backup::Snapshot::peekDescription(head, total, what, &needed));
    }
    const QJsonObject summary{{p("SourceBackupArn"), arn},
                              {p("SourceTableArn"), meta.value(p("SourceTableDetails")).toObject().value(p("TableArn"))},
                              {p("RestoreDateTime"), meta.value(p("BackupDetails")).toObject().value(p("BackupCreationDateTime"))}};
    auto source = [cat, arn, what]() -> Result<backup::RestoreItems> {
        DD_ASSIGN(const QByteArray bytes, cat->data(arn));
        auto checksum = std::make_shared<std::future<Result<void>>>(
            std::async(std::launch::async, [bytes, what] {
                backup::lowerThreadPriority("dd-restore-sum");
                return backup::Snapshot::verify(bytes, what);
            }));
        auto decoded = backup::Snapshot::decode(bytes, what, false);
        if (!decoded.ok()) {
            auto checked = checksum->get();
            return checked.ok() ? decoded.error() : checked.error();
        }
        return backup::RestoreItems{std::move(decoded->items), [checksum] { return checksum->get(); }};
    };
    DD_ASSIGN(const QJsonObject desc, backup::restoreToNewTable(ctx, *cat, description, source, req, summary));
    return toBody({{p("TableDescription"), desc}});
}

} // namespace dd::api
