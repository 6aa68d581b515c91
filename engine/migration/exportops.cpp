// ExportTableToPointInTime, DescribeExport, ListExports (migrationops.h).
// Texts of errors: AWS's, as observed on the service
// (/work/exportimport-spec.md's sources: ScyllaDB's tests run against AWS,
// probes of us-west-2, moto's AWS-verified tests).
#include "migration/migrationops.h"

#include "backup/backupcatalog.h"
#include "backup/canonicalkey.h"
#include "migration/compression.h"
#include "migration/ion.h"
#include "migration/jobcommon.h"
#include "migration/jobstore.h"
#include "migration/localbuckets.h"
#include "model/json.h"
#include "model/size.h"
#include "pitr/pitrstore.h"
#include "storage/changelog.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

#include <future>
#include <map>

namespace dd::migration {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
// A ClientToken names its export for 8 hours (AWS's model).
constexpr qint64 kTokenWindowMs = 8 * kHourMs;
// An incremental export covers 15 minutes to 24 hours.
constexpr qint64 kMinIncrementalMs = 15 * kMinuteMs;
constexpr qint64 kMaxIncrementalMs = 24 * kHourMs;
// ListExports' page when MaxResults is absent.
constexpr int kDefaultPage = 10;

ApiError invalidRequest(const QString &what) { return ApiError::validation(QStringLiteral("Invalid Request: ") + what); }
ApiError invalidTime(const QString &what) { return ApiError(p("InvalidExportTimeException"), what); }

// The table name of a table ARN of this account, or the error AWS answers.
Result<QString> tableOfArn(const api::OpContext &ctx, const QString &arn)
{
    static const QRegularExpression table(QStringLiteral("^arn:aws[a-z-]*:dynamodb:([a-z0-9-]*):(\\d{12}):table/([a-zA-Z0-9_.-]{3,255})$"));
    if (!arn.startsWith(u"arn:"))
        return ApiError::validation(p("One or more parameter values were invalid: tableArn is not a valid ARN"));
    const QRegularExpressionMatch m = table.match(arn);
    if (!m.hasMatch())
        return invalidRequest(p("Table ARN is invalid."));
    if (m.captured(2) != ctx.request.accountId)
        return ApiError::accessDenied(p("Access is denied"));
    return m.captured(3);
}

// Where an export's files go: the prefix, "/" unless it ends with one, "AWSDynamoDB/".
QString exportRoot(const QJsonObject &desc)
{
    QString root = desc.value(p("S3Prefix")).toString();
    if (!root.isEmpty() && !root.endsWith(QLatin1Char('/')))
        root += QLatin1Char('/');
    return root + QStringLiteral("AWSDynamoDB/");
}

// The key of an export's file `name` in its own folder.
QString exportKey(const QJsonObject &desc, const QString &id, const QString &name)
{
    return exportRoot(desc) + id + QLatin1Char('/') + name;
}

// What the export request asks for, for comparing a ClientToken's reuse.
QJsonObject requestSignature(QJsonObject req)
{
    req.remove(p("ClientToken"));
    if (!req.contains(p("ExportFormat")))
        req.insert(p("ExportFormat"), p("DYNAMODB_JSON"));
    if (!req.contains(p("S3SseAlgorithm")))
        req.insert(p("S3SseAlgorithm"), p("AES256"));
    if (!req.contains(p("ExportType")))
        req.insert(p("ExportType"), p("FULL_EXPORT"));
    return req;
}

// The data an export writes, file by file.
struct DataFile {
    QString key;
    qint64 items = 0;
    QByteArray gz;
};

// Writes `lines` (one record each, in the export's format) as data files of
// at most `perFile` records under `dataPrefix`.
class DataWriter {
public:
    DataWriter(const LocalBuckets &buckets, QString bucket, QString dataPrefix, bool ion, int perFile)
        : m_buckets(buckets), m_bucket(std::move(bucket)), m_prefix(std::move(dataPrefix)), m_ion(ion), m_perFile(std::max(1, perFile))
    {
    }
    Result<void> add(QByteArrayView line)
    {
        if (m_ion)
            m_text.append("$ion_1_0 ");
        m_text.append(line.data(), line.size());
        m_text.append('\n');
        if (++m_count >= m_perFile)
            return flush();
        return {};
    }
    // Writes the last file: an empty table gets one empty file, as on AWS.
    Result<void> finish()
    {
        if (m_count > 0 || m_files.isEmpty())
            return flush();
        return {};
    }
    QJsonArray manifestLines() const { return m_files; }
    qint64 total() const { return m_total; }

private:
    Result<void> flush()
    {
        const QString key = m_prefix + randomBase32(26) + (m_ion ? QStringLiteral(".ion.gz") : QStringLiteral(".json.gz"));
        const QByteArray gz = gzip(m_text);
        DD_CHECK(m_buckets.put(m_bucket, key, gz));
        const QByteArray md5 = QCryptographicHash::hash(gz, QCryptographicHash::Md5);
        // The members in AWS's order (QJsonObject would sort them).
        m_files.append(QJsonObject{{p("itemCount"), m_count}, {p("md5Checksum"), QString::fromLatin1(md5.toBase64())},
                                   {p("etag"), QString::fromLatin1(md5.toHex()) + QStringLiteral("-1")}, {p("dataFileS3Key"), key}});
        m_total += m_count;
        m_text.clear();
        m_count = 0;
        return {};
    }

    const LocalBuckets &m_buckets;
    QString m_bucket, m_prefix;
    bool m_ion;
    int m_perFile;
    QByteArray m_text;
    qint64 m_count = 0, m_total = 0;
    QJsonArray m_files;
};

QByteArray manifestFilesText(const QJsonArray &files)
{
    QByteArray out;
    for (const QJsonValue &f : files) {
        const QJsonObject o = f.toObject();
        // AWS's member order: itemCount, md5Checksum, etag, dataFileS3Key.
        out += "{\"itemCount\":" + QByteArray::number(o.value(p("itemCount")).toInteger()) + ",\"md5Checksum\":";
        model::writeJsonString(o.value(p("md5Checksum")).toString(), out);
        out += ",\"etag\":";
        model::writeJsonString(o.value(p("etag")).toString(), out);
        out += ",\"dataFileS3Key\":";
        model::writeJsonString(o.value(p("dataFileS3Key")).toString(), out);
        out += "}\n";
    }
    return out;
}

void member(QByteArray &out, const char *name, const QJsonValue &v)
{
    if (out.size() > 1)
        out += ',';
    out += '"';
    out += name;
    out += "\":";
    if (v.isString())
        model::writeJsonString(v.toString(), out);
    else if (v.isDouble())
        out += QByteArray::number(v.toInteger());
    else
        out += "null";
}

// manifest-summary.json, its members in AWS's order.
QByteArray manifestSummaryText(const QJsonObject &desc, qint64 endMs, const QString &manifestFilesKey, qint64 billed, qint64 items)
{
    const bool incremental = desc.value(p("ExportType")).toString() == u"INCREMENTAL_EXPORT" || desc.contains(p("IncrementalExportSpecification"));
    QByteArray out = "{";
    member(out, "version", incremental ? p("2023-08-01") : p("2020-06-30"));
    member(out, "exportArn", desc.value(p("ExportArn")));
    member(out, "startTime", isoMs(wireMs(desc.value(p("StartTime")))));
    member(out, "endTime", isoMs(endMs));
    member(out, "tableArn", desc.value(p("TableArn")));
    member(out, "tableId", desc.value(p("TableId")));
    if (incremental) {
        const QJsonObject spec = desc.value(p("IncrementalExportSpecification")).toObject();
        member(out, "exportFromTime", isoMs(wireMs(spec.value(p("ExportFromTime")))));
        member(out, "exportToTime", isoMs(wireMs(spec.value(p("ExportToTime")))));
    } else {
        member(out, "exportTime", isoMs(wireMs(desc.value(p("ExportTime")))));
    }
    member(out, "s3Bucket", desc.value(p("S3Bucket")));
    member(out, "s3Prefix", desc.contains(p("S3Prefix")) ? desc.value(p("S3Prefix")) : QJsonValue());
    member(out, "s3SseAlgorithm", desc.value(p("S3SseAlgorithm")));
    member(out, "s3SseKmsKeyId", desc.contains(p("S3SseKmsKeyId")) ? desc.value(p("S3SseKmsKeyId")) : QJsonValue());
    member(out, "manifestFilesS3Key", manifestFilesKey);
    member(out, "billedSizeBytes", double(billed));
    member(out, "itemCount", double(items));
    member(out, "outputFormat", desc.value(p("ExportFormat")));
    if (incremental)
        member(out, "outputView", desc.value(p("IncrementalExportSpecification")).toObject().value(p("ExportViewType")));
    member(out, "exportType", incremental ? p("INCREMENTAL_EXPORT") : p("FULL_EXPORT"));
    out += '}';
    return out;
}

// One record of an export in its format: `{"Item":...}` for a full export's
// item, or an incremental export's change record.
struct Formatter {
    bool ion = false;

    // `json`: an item's stored DynamoDB JSON. Adds its size to *bytes.
    Result<QByteArray> item(const QByteArray &json, qint64 *bytes) const
    {
        const std::optional<model::Item> item = model::itemFromStoredJson(json);
        if (!item)
            return ApiError::internal(p("An exported item is not valid DynamoDB JSON"));
        *bytes += model::itemSize(*item);
        QByteArray out;
        if (ion) {
            out += "{Item:";
            writeIonItem(*item, out);
        } else {
            out += "{\"Item\":";
            out += json;
        }
        out += '}';
        return out;
    }

    Result<QByteArray> change(qint64 timeMicros, const QByteArray &keys, const QByteArray &newImage, const QByteArray &oldImage, qint64 *bytes) const
    {
        QByteArray out;
        auto image = [&](const char *name, const QByteArray &json) -> Result<void> {
            if (json.isEmpty())
                return {};
            const std::optional<model::Item> item = model::itemFromStoredJson(json);
            if (!item)
                return ApiError::internal(p("An exported image is not valid DynamoDB JSON"));
            *bytes += model::itemSize(*item);
            if (ion) {
                out += ',';
                out += name;
                out += ':';
                writeIonItem(*item, out);
            } else {
                out += ",\"";
                out += name;
                out += "\":";
                out += json;
            }
            return {};
        };
        const QByteArray micros = QByteArray::number(timeMicros);
        if (ion)
            out += "{Metadata:{WriteTimestampMicros:" + micros + ".}";
        else
            out += "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"" + micros + "\"}}";
        DD_CHECK(image("Keys", keys));
        DD_CHECK(image("NewImage", newImage));
        DD_CHECK(image("OldImage", oldImage));
        out += '}';
        return out;
    }
};

// What an incremental export finds for one item over its window.
struct Change {
    QByteArray keys;
    QByteArray newImage; // empty: deleted at the end of the window
    qint64 lastMs = 0;
};

// Writes the export's data files; returns the manifest lines, the item
// count and the billed bytes.
struct Written {
    QJsonArray files;
    qint64 items = 0;
    qint64 bytes = 0;
};

Result<Written> writeData(storage::Database &db, const LocalBuckets &buckets, const pitr::PitrState &state, const QJsonObject &desc,
                          const QString &id, int perFile, const std::atomic<bool> &cancel)
{
    const Formatter format{desc.value(p("ExportFormat")).toString() == u"ION"};
    const QString bucket = desc.value(p("S3Bucket")).toString();
    const bool incremental = desc.contains(p("IncrementalExportSpecification"));
    // Incremental exports share one data folder beside the exports' own, as on AWS.
    const QString dataPrefix = incremental ? exportRoot(desc) + QStringLiteral("data/") : exportKey(desc, id, QStringLiteral("data/"));
    DataWriter data(buckets, bucket, dataPrefix, format.ion, perFile);
    qint64 bytes = 0;
    if (!incremental) {
        DD_ASSIGN(const backup::Snapshot snap, pitr::PitrStore::stateAt(db, state, wireMs(desc.value(p("ExportTime")))));
        qint64 n = 0;
        for (const auto &[key, json] : snap.items) {
            if ((++n & 4095) == 0 && cancel.load())
                return ApiError::internal(p("The export was interrupted"));
            DD_ASSIGN(const QByteArray line, format.item(json, &bytes));
            DD_CHECK(data.add(line));
        }
    } else {
        const QJsonObject spec = desc.value(p("IncrementalExportSpecification")).toObject();
        const qint64 fromMs = wireMs(spec.value(p("ExportFromTime")));
        const qint64 toMs = wireMs(spec.value(p("ExportToTime")));
        const bool oldImages = spec.value(p("ExportViewType")).toString() == u"NEW_AND_OLD_IMAGES";
        // The items as they were when the window opened (for OldImage, and
        // to tell an update from an insert), then the window's changes.
        DD_ASSIGN(const backup::Snapshot before, pitr::PitrStore::stateAt(db, state, fromMs - 1));
        const backup::CanonicalKey canonical(before.description);
        std::map<QByteArray, Change> changes;
        DD_CHECK(db.read<void>([&](storage::Connection &c) -> Result<void> {
            DD_ASSIGN(storage::Statement *s, storage::ChangeLog::prepare(c, state.tableId, "SELECT COALESCE(MIN(first_seq), 0) FROM LOG WHERE time_ms >= ?"));
            if (!s)
                return {};
            s->bind(1, fromMs);
            const qint64 first = s->step() ? s->columnInt(0) : 0;
            s->reset();
            if (first == 0)
                return {};
            return storage::ChangeLog::read(c, state.tableId, first, std::numeric_limits<qint64>::max(), true, [&](const storage::ChangeRecord &rec) {
                // Times in the log rise with its seq but for clock steps of a few ms.
                if (rec.timeMs >= toMs + kMinuteMs)
                    return false;
                if (rec.timeMs < fromMs || rec.timeMs >= toMs)
                    return true;
                const QByteArray key = canonical.of(rec.keys);
                Change &c = changes[key];
                c.keys = rec.keys.toByteArray();
                c.newImage = rec.newImage.isNull() ? QByteArray() : rec.newImage.toByteArray();
                c.lastMs = std::max(c.lastMs, rec.timeMs);
                return !cancel.load();
            });
        }));
        if (cancel.load())
            return ApiError::internal(p("The export was interrupted"));
        for (const auto &[key, change] : changes) {
            const auto old = before.items.find(key);
            const bool existed = old != before.items.end();
            if (!existed && change.newImage.isEmpty())
                continue; // put and deleted within the window
            DD_ASSIGN(const QByteArray line, format.change(change.lastMs * 1000, change.keys, change.newImage,
                                                           oldImages && existed ? old->second : QByteArray(), &bytes));
            DD_CHECK(data.add(line));
        }
    }
    DD_CHECK(data.finish());
    return Written{data.manifestLines(), data.total(), bytes};
}

// The worker's part of an export: writes every file, then marks the export
// COMPLETED (or FAILED, with AWS's code for a missing bucket).
void runExport(storage::Database &db, const LocalBuckets &buckets, const std::atomic<bool> &cancel, const pitr::PitrState &state,
               QJsonObject desc, const QString &id, int perFile)
{
    auto fail = [&](const QString &code, const QString &message) {
        desc.insert(p("ExportStatus"), p("FAILED"));
        desc.insert(p("FailureCode"), code);
        desc.insert(p("FailureMessage"), message);
        desc.insert(p("EndTime"), wireTime(db.clock()->nowMs()));
        (void)JobStore::update(db, desc.value(p("ExportArn")).toString(), desc);
        qWarning("Export %s failed: %s", qPrintable(desc.value(p("ExportArn")).toString()), qPrintable(message));
    };
    const QString bucket = desc.value(p("S3Bucket")).toString();
    if (!buckets.hasBucket(bucket)) {
        const QString requestId = QUuid::createUuid().toString(QUuid::Id128).left(16).toUpper();
        fail(p("S3NoSuchBucket"),
             QStringLiteral("The specified bucket does not exist (Service: Amazon S3; Status Code: 404; Error Code: NoSuchBucket; Request ID: %1; "
                            "S3 Extended Request ID: %2) (Dynamodesk keeps bucket %3 in the folder %4: create it to export there)")
                 .arg(requestId, QString::fromLatin1(QUuid::createUuid().toRfc4122().toBase64()), bucket, buckets.root() + QLatin1Char('/') + bucket));
        return;
    }
    Result<void> started = buckets.put(bucket, exportKey(desc, id, p("_started")), QByteArray());
    if (!started.ok())
        return fail(p("S3AccessDenied"), started.error().message());
    // Reading and compressing run at a lower CPU priority, as backups do.
    auto work = std::async(std::launch::async, [&]() -> Result<Written> {
        backup::lowerThreadPriority("dd-export");
        return writeData(db, buckets, state, desc, id, perFile, cancel);
    });
    const Result<Written> written = work.get();
    if (!written.ok()) {
        if (cancel.load())
            return; // the engine is closing: the next open marks it FAILED
        return fail(p("UNKNOWN"), written.error().message());
    }
    const qint64 endMs = std::max(db.clock()->nowMs(), wireMs(desc.value(p("StartTime"))));
    const QString filesKey = exportKey(desc, id, p("manifest-files.json"));
    const QByteArray files = manifestFilesText(written->files);
    const QByteArray summary = manifestSummaryText(desc, endMs, filesKey, written->bytes, written->items);
    const QString summaryKey = exportKey(desc, id, p("manifest-summary.json"));
    for (const auto &[key, bytes] : {std::pair{filesKey, files}, std::pair{summaryKey, summary}}) {
        Result<void> put = buckets.put(bucket, key, bytes);
        if (put.ok())
            put = buckets.put(bucket, key.chopped(5) + QStringLiteral(".md5"), md5Base64(bytes).toLatin1());
        if (!put.ok())
            return fail(p("S3AccessDenied"), put.error().message());
    }
    desc.insert(p("ExportStatus"), p("COMPLETED"));
    desc.insert(p("EndTime"), wireTime(endMs));
    desc.insert(p("ExportManifest"), summaryKey);
    desc.insert(p("ItemCount"), double(written->items));
    desc.insert(p("BilledSizeBytes"), double(written->bytes));
    const Result<void> stored = JobStore::update(db, desc.value(p("ExportArn")).toString(), desc);
    if (!stored.ok())
        qWarning("Export %s finished, but its record could not be updated: %s", qPrintable(desc.value(p("ExportArn")).toString()),
                 qPrintable(stored.error().message()));
}

// The checks of an incremental export's window; fills in ExportToTime and
// ExportViewType.
Result<QJsonObject> incrementalSpec(const pitr::PitrState *state, QJsonObject spec, qint64 nowMs, qint64 tableCreatedMs)
{
    if (!spec.contains(p("ExportFromTime")))
        return invalidRequest(p("ExportFromTime must be provided in IncrementalExportSpecification"));
    const qint64 fromMs = wireMs(spec.value(p("ExportFromTime")));
    const qint64 toMs = spec.contains(p("ExportToTime")) ? wireMs(spec.value(p("ExportToTime"))) : nowMs / 1000 * 1000;
    // The earliest time with history: PITR's window, never before the table.
    const qint64 earliest = state ? std::max(state->earliestMs(nowMs), tableCreatedMs) : std::numeric_limits<qint64>::max();
    if (fromMs < earliest || fromMs >= toMs)
        return invalidTime(QStringLiteral("Incremental export period from time cannot be less than the table creation time : %1").arg(isoSeconds(fromMs)));
    if (toMs > nowMs)
        return invalidTime(QStringLiteral("Incremental export period to time cannot be greater than the current time : %1").arg(isoSeconds(toMs)));
    if (toMs - fromMs < kMinIncrementalMs)
        return invalidTime(p("Difference between export period from time and export period to time is less than 15 minutes"));
    if (toMs - fromMs > kMaxIncrementalMs)
        return invalidTime(p("Difference between export period from time and export period to time is greater than 24 hours"));
    spec.insert(p("ExportToTime"), wireTime(toMs));
    if (!spec.contains(p("ExportViewType")))
        spec.insert(p("ExportViewType"), p("NEW_AND_OLD_IMAGES"));
    return spec;
}

// An ARN of an export of this region and account: the error AWS answers for any other.
Result<void> checkExportArn(const api::OpContext &ctx, const QString &arn)
{
    static const QRegularExpression pattern(QStringLiteral("^arn:aws[a-z-]*:dynamodb:([a-z0-9-]*):(\\d{12}):table/[a-zA-Z0-9_.-]{3,255}/export/\\d{14}-[0-9a-f]{8}$"));
    const QRegularExpressionMatch m = pattern.match(arn);
    if (!m.hasMatch())
        return ApiError::validation(p("Invalid Export ARN"));
    if (m.captured(2) != ctx.request.accountId)
        return ApiError::accessDenied(p("Access is denied"));
    if (m.captured(1) != ctx.db.region())
        return ApiError(p("ExportNotFoundException"), p("Export not found: Invalid export arn"));
    return {};
}

} // namespace

Result<QByteArray> exportTableToPointInTime(api::OpContext &ctx, const QJsonObject &req)
{
    if (!ctx.backups || !ctx.buckets)
        return ApiError::internal(p("Exports are not available"));
    const QString tableArn = req.value(p("TableArn")).toString();
    DD_ASSIGN(const QString tableName, tableOfArn(ctx, tableArn));
    const bool hasSpec = req.contains(p("IncrementalExportSpecification"));
    const QString type = req.value(p("ExportType")).toString();
    if (hasSpec && type.isEmpty())
        return invalidRequest(p("Export Type expected to be Incremental Export when incremental export specification is provided"));
    if (hasSpec && type == u"FULL_EXPORT")
        return invalidRequest(p("When Export Type is Full Export , Incremental Export Specification should not be provided"));
    if (!hasSpec && type == u"INCREMENTAL_EXPORT")
        return invalidRequest(p("Incremental Export Specification expected when export type is set as Incremental Export"));
    if (req.contains(p("S3SseKmsKeyId")) && req.value(p("S3SseAlgorithm")).toString() != u"KMS")
        return invalidRequest(p("KMS Key Id is not supported for this encryption type"));
    if (req.contains(p("S3Prefix")) && req.value(p("S3Prefix")).toString().isEmpty())
        return ApiError::validation(p("1 validation error detected: Value '' at 's3Prefix' failed to satisfy constraint: Member must have length greater than or equal to 1"));
    if (req.contains(p("ClientToken")) && req.value(p("ClientToken")).toString().isEmpty())
        return ApiError::validation(p("1 validation error detected: Value '' at 'clientToken' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[^\\$]+$"));

    // The ARN's region is not checked: AWS looks the name up in the endpoint's region.
    auto table = ctx.db.table(tableName);
    if (!table)
        return ApiError(p("TableNotFoundException"), QStringLiteral("Table not found: %1").arg(tableArn));
    DD_ASSIGN(const std::optional<pitr::PitrState> state, pitr::PitrStore::state(ctx.db, table->id));
    const qint64 now = ctx.clock->nowMs();
    const qint64 createdMs = wireMs(table->description.value(p("CreationDateTime")));
    QJsonObject spec;
    if (hasSpec) {
        DD_ASSIGN(spec, incrementalSpec(state ? &*state : nullptr, req.value(p("IncrementalExportSpecification")).toObject(), now, createdMs));
    } else {
        if (!state)
            return ApiError(p("PointInTimeRecoveryUnavailableException"), QStringLiteral("Point in time recovery is not enabled for table '%1'").arg(tableName));
        if (req.contains(p("ExportTime"))) {
            const qint64 at = wireMs(req.value(p("ExportTime")));
            if (at > now || at < state->earliestMs(now))
                return invalidTime(p("Export Time is invalid"));
        }
    }

    const QString token = req.value(p("ClientToken")).toString();
    const QJsonObject signature = requestSignature(req);

    const QString id = newJobId(now);
    const QString arn = table->description.value(p("TableArn")).toString() + QStringLiteral("/export/") + id;
    QJsonObject desc{{p("ExportArn"), arn},
                     {p("ExportStatus"), p("IN_PROGRESS")},
                     {p("StartTime"), wireTime(now)},
                     {p("TableArn"), table->description.value(p("TableArn"))},
                     {p("TableId"), table->description.value(p("TableId"))},
                     {p("ClientToken"), token.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : token},
                     {p("S3Bucket"), req.value(p("S3Bucket"))},
                     {p("S3SseAlgorithm"), req.value(p("S3SseAlgorithm")).toString(p("AES256"))},
                     {p("ExportFormat"), req.value(p("ExportFormat")).toString(p("DYNAMODB_JSON"))},
                     {p("_Request"), signature}};
    for (const char *optional : {"S3Prefix", "S3BucketOwner", "S3SseKmsKeyId"})
        if (req.contains(p(optional)))
            desc.insert(p(optional), req.value(p(optional)));
    desc.insert(p("ExportType"), req.value(p("ExportType")).toString(p("FULL_EXPORT")));
    if (hasSpec)
        desc.insert(p("IncrementalExportSpecification"), spec);
    else
        desc.insert(p("ExportTime"), req.contains(p("ExportTime")) ? req.value(p("ExportTime")) : QJsonValue(wireTime(now)));

    const Job job{JobKind::Export, arn, desc.value(p("TableArn")).toString(), token, now, desc};
    storage::Database *db = &ctx.db;
    backup::BackupCatalog *worker = ctx.backups;
    const LocalBuckets *buckets = ctx.buckets;
    const int perFile = ctx.options.exportItemsPerFile;
    // Incremental exports of a table without PITR were refused above.
    const pitr::PitrState st = *state;
    // A ClientToken's reuse gives the same export, or a conflict. Looked up
    // in the write that records the export, so that two requests with one
    // token (the single writer orders them) make one export.
    std::optional<QJsonObject> earlier;
    DD_CHECK(ctx.db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
        if (!token.isEmpty()) {
            DD_ASSIGN(const std::optional<Job> same, JobStore::byToken(txn.conn, JobKind::Export, token, now - kTokenWindowMs));
            if (same && same->description.value(p("_Request")).toObject() != signature)
                return ApiError(p("ExportConflictException"), p("Export conflict: Duplicate request detected with conflicting parameters"));
            if (same) {
                earlier = same->description;
                return {};
            }
        }
        DD_CHECK(JobStore::insert(txn, job));
        txn.onCommit([=] { worker->post([=] { runExport(*db, *buckets, worker->stopping(), st, desc, id, perFile); }); });
        return {};
    }));
    return api::toBody({{p("ExportDescription"), publicDescription(earlier ? *earlier : desc)}});
}

Result<QByteArray> describeExport(api::OpContext &ctx, const QJsonObject &req)
{
    const QString arn = req.value(p("ExportArn")).toString();
    DD_CHECK(checkExportArn(ctx, arn));
    DD_ASSIGN(const std::optional<Job> job, ctx.db.read<std::optional<Job>>([&](storage::Connection &c) { return JobStore::get(c, arn); }));
    if (!job || job->kind != JobKind::Export)
        return ApiError(p("ExportNotFoundException"), QStringLiteral("Export not found: Export not found: %1").arg(arn));
    return api::toBody({{p("ExportDescription"), publicDescription(job->description)}});
}

Result<QByteArray> listExports(api::OpContext &ctx, const QJsonObject &req)
{
    const QString tableArn = req.value(p("TableArn")).toString();
    const int page = req.contains(p("MaxResults")) ? req.value(p("MaxResults")).toInt() : kDefaultPage;
    // The filter matches the table's current incarnation only, as on AWS.
    QString tableId;
    if (!tableArn.isEmpty()) {
        auto table = ctx.db.table(tableArn.section(QLatin1Char('/'), 1, 1));
        if (!table || table->description.value(p("TableArn")).toString() != tableArn)
            return api::toBody({{p("ExportSummaries"), QJsonArray()}});
        tableId = table->description.value(p("TableId")).toString();
    }
    DD_ASSIGN(const std::vector<Job> jobs, ctx.db.read<std::vector<Job>>([&](storage::Connection &c) { return JobStore::list(c, JobKind::Export, tableArn); }));
    // NextToken: the hex of the last ARN listed.
    const QString after = QString::fromUtf8(QByteArray::fromHex(req.value(p("NextToken")).toString().toLatin1()));
    if (req.contains(p("NextToken")) && !after.contains(u"/export/"))
        return ApiError::validation(QStringLiteral("Invalid Request: Provided nextToken is invalid: %1").arg(req.value(p("NextToken")).toString()));
    QJsonArray summaries;
    bool skipping = !after.isEmpty();
    QString next;
    for (const Job &job : jobs) {
        if (!tableId.isEmpty() && job.description.value(p("TableId")).toString() != tableId)
            continue;
        if (skipping) {
            skipping = job.arn != after;
            continue;
        }
        if (summaries.size() == page) {
            next = QString::fromLatin1(summaries.last().toObject().value(p("ExportArn")).toString().toUtf8().toHex());
            break;
        }
        summaries.append(QJsonObject{{p("ExportArn"), job.arn},
                                     {p("ExportStatus"), job.description.value(p("ExportStatus"))},
                                     {p("ExportType"), job.description.value(p("ExportType")).toString(p("FULL_EXPORT"))}});
    }
    QJsonObject out{{p("ExportSummaries"), summaries}};
    if (!next.isEmpty())
        out.insert(p("NextToken"), next);
    return api::toBody(out);
}

} // namespace dd::migration
