// ImportTable, DescribeImport, ListImports (migrationops.h). Texts of
// errors and the rules for bad lines, counters and ClientToken reuse: AWS's,
// as observed on the service (ScyllaDB's tests run against AWS, probes of
// us-west-2).
#include "migration/migrationops.h"

#include "api/fastrequest.h"
#include "api/keys.h"
#include "backup/backupcatalog.h"
#include "backup/canonicalkey.h"
#include "backup/restorer.h"
#include "migration/compression.h"
#include "migration/csv.h"
#include "migration/ion.h"
#include "migration/jobcommon.h"
#include "migration/jobstore.h"
#include "migration/localbuckets.h"
#include "model/json.h"
#include "model/limits.h"
#include "model/size.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <limits>

namespace dd::migration {

namespace {

// ListImports' page when PageSize is absent.
constexpr int kDefaultPage = 10;
// Imports IN_PROGRESS at once (AWS: "up to 50 simultaneous import table operations").
constexpr int kMaxConcurrentImports = 50;
// Objects one import reads at most (AWS's quota).
constexpr int kMaxObjects = 50000;
// Uncompressed bytes of one object at most (it is held in memory).
constexpr qint64 kMaxObjectBytes = 8LL * 1024 * 1024 * 1024;
// Bad lines described in the server's log, per import.
constexpr int kLoggedErrors = 20;

const QString kValidationFailure = QStringLiteral(
    "Some of the items failed validation checks and were not imported. Please check CloudWatch error logs for more details.");

// The items an import read, and what it counted.
struct Read {
    backup::ItemMap items;
    qint64 processed = 0; // lines that were items or errors
    qint64 imported = 0;  // items written (a duplicate key counts each time, as on AWS)
    qint64 errors = 0;
    qint64 bytes = 0;     // uncompressed bytes read
    QStringList logged;   // the first errors, described
};

class Parser {
public:
    Parser(const storage::TableDef &table, const QJsonObject &importDesc)
        : m_table(table), m_canonical(table.description), m_format(importDesc.value(p("InputFormat")).toString())
    {
        const QJsonObject csv = importDesc.value(p("InputFormatOptions")).toObject().value(p("Csv")).toObject();
        m_delimiter = csv.value(p("Delimiter")).toString(p(",")).toLatin1().at(0);
        for (const QJsonValue &h : csv.value(p("HeaderList")).toArray())
            m_headers.append(h.toString());
        // CSV: the key attributes of the table and its indexes take their
        // declared types; every other column is a string.
        for (const QJsonValue &d : table.description.value(p("AttributeDefinitions")).toArray())
            m_keyTypes.insert(d.toObject().value(p("AttributeName")).toString(), d.toObject().value(p("AttributeType")).toString());
    }

    // Reads one object's text into `read`.
    void object(const QString &key, QByteArrayView text, Read &read)
    {
        read.bytes += text.size();
        if (m_format == u"CSV")
            return csv(key, text, read);
        if (m_format == u"ION") {
            Result<void> parsed = readIon(text, [&](const QJsonValue &v, int line) {
                const QJsonObject top = v.toObject().value(p("M")).toObject();
                if (!top.contains(p("Item"))) {
                    error(read, key, line, p("the value has no Item"));
                    return true;
                }
                const QJsonValue item = top.value(p("Item")).toObject().value(p("M"));
                if (!item.isObject()) {
                    error(read, key, line, p("Item is not a struct"));
                    return true;
                }
                add(read, key, line, item);
                return true;
            });
            // Text that is not Ion abandons the rest of its object, as on AWS.
            if (!parsed.ok())
                error(read, key, 0, parsed.error().message());
            return;
        }
        // DynamoDB JSON: one {"Item": {...}} per line.
        static const QByteArray kWrapPrefix = QByteArrayLiteral("{\"TableName\":\"import\",");
        QByteArray wrapped = kWrapPrefix;
        int line = 0;
        qsizetype at = 0;
        while (at < text.size()) {
            qsizetype end = text.indexOf('\n', at);
            if (end < 0)
                end = text.size();
            const QByteArrayView row = text.sliced(at, end - at).trimmed();
            at = end + 1;
            ++line;
            if (row.isEmpty())
                continue;
            // The common line, {"Item": {...}} in plain ASCII, read as PutItem's fast
            // reader reads its request (it validates as the general path does,
            // and leaves anything else to it).
            if (row.startsWith("{\"Item\"")) {
                wrapped.truncate(kWrapPrefix.size());
                wrapped.append(row.sliced(1));
                if (std::optional<api::PutItemRequest> fast = api::readPutItemRequest(wrapped)) {
                    addItem(read, key, line, fast->item);
                    continue;
                }
            }
            const std::optional<QJsonDocument> doc = model::parseRequestJson(row);
            if (!doc || !doc->isObject()) {
                // Unparseable text abandons the rest of its object.
                error(read, key, line, p("the line is not a JSON object"));
                return;
            }
            if (!doc->object().contains(p("Item"))) {
                error(read, key, line, p("the line has no Item"));
                continue;
            }
            add(read, key, line, doc->object().value(p("Item")));
        }
    }

private:
    void error(Read &read, const QString &key, int line, const QString &why)
    {
        ++read.processed;
        ++read.errors;
        if (read.logged.size() < kLoggedErrors)
            read.logged.append(line > 0 ? QStringLiteral("%1, line %2: %3").arg(key).arg(line).arg(why) : QStringLiteral("%1: %2").arg(key, why));
    }

    // Validates an item (DynamoDB JSON) as PutItem does and keeps it.
    void add(Read &read, const QString &key, int line, const QJsonValue &itemJson)
    {
        Result<model::Item> item = model::itemFromJson(itemJson);
        if (!item.ok())
            return error(read, key, line, item.error().message());
        addItem(read, key, line, *item);
    }

    // The checks of PutItem that an item's parse leaves (names, keys, size), then keeps it.
    void addItem(Read &read, const QString &key, int line, const model::Item &item)
    {
        for (const auto &[name, value] : item) {
            if (name.isEmpty())
                return error(read, key, line, p("an attribute name is empty"));
        }
        Result<api::ItemKey> itemKey = api::keyFromItem(m_table, item);
        if (!itemKey.ok())
            return error(read, key, line, itemKey.error().message());
        if (model::itemSize(item) > model::kMaxItemSizeBytes)
            return error(read, key, line, p("Item size has exceeded the maximum allowed size"));
        const QByteArray json = model::itemToJsonBytes(item);
        ++read.processed;
        ++read.imported;
        read.items[m_canonical.of(json)] = json;
    }

    void csv(const QString &key, QByteArrayView text, Read &read)
    {
        QStringList headers = m_headers;
        Result<void> parsed = readCsv(text, m_delimiter, [&](const QStringList &fields, int line) {
            if (headers.isEmpty()) {
                headers = fields;
                return true;
            }
            if (fields.size() != headers.size()) {
                error(read, key, line, QStringLiteral("the line has %1 values for %2 columns").arg(fields.size()).arg(headers.size()));
                return true;
            }
            QJsonObject item;
            for (qsizetype i = 0; i < fields.size(); ++i) {
                if (fields[i].isEmpty())
                    continue; // an empty cell is no attribute
                const QString type = m_keyTypes.value(headers[i], p("S"));
                item.insert(headers[i], QJsonObject{{type, fields[i]}});
            }
            add(read, key, line, item);
            return true;
        });
        if (!parsed.ok())
            error(read, key, 0, parsed.error().message());
    }

    const storage::TableDef &m_table;
    backup::CanonicalKey m_canonical;
    QString m_format;
    char m_delimiter = ',';
    QStringList m_headers;
    QHash<QString, QString> m_keyTypes;
};

// Reads every object of the import; an error for what stops it whole.
Result<Read> readObjects(const LocalBuckets &buckets, const storage::TableDef &table, const QJsonObject &desc, const std::atomic<bool> &cancel)
{
    const QJsonObject source = desc.value(p("S3BucketSource")).toObject();
    const QString bucket = source.value(p("S3Bucket")).toString();
    DD_ASSIGN(const QStringList keys, buckets.list(bucket, source.value(p("S3KeyPrefix")).toString()));
    if (keys.size() > kMaxObjects)
        return ApiError::limitExceeded(QStringLiteral("The import reads at most %1 objects; %2 match the prefix").arg(kMaxObjects).arg(keys.size()));
    const QString compression = desc.value(p("InputCompressionType")).toString();
    Parser parser(table, desc);
    Read read;
    for (const QString &key : keys) {
        if (cancel.load())
            return ApiError::internal(p("The import was interrupted"));
        DD_ASSIGN(const QByteArray raw, buckets.get(bucket, key));
        Result<QByteArray> text = compression == u"GZIP" ? gunzip(raw, kMaxObjectBytes)
                                  : compression == u"ZSTD" ? unzstd(raw, kMaxObjectBytes)
                                                           : Result<QByteArray>(raw);
        if (!text.ok()) {
            // An object that does not decompress counts as one bad line.
            ++read.processed;
            ++read.errors;
            if (read.logged.size() < kLoggedErrors)
                read.logged.append(QStringLiteral("%1: %2").arg(key, text.error().message()));
            continue;
        }
        parser.object(key, *text, read);
    }
    return read;
}

// The worker's part of an import: reads, loads, then makes the table ACTIVE
// and records the outcome.
void runImport(storage::Database &db, backup::BackupCatalog &worker, const LocalBuckets &buckets, QJsonObject desc, qint64 tableId)
{
    const QString arn = desc.value(p("ImportArn")).toString();
    const QString tableName = desc.value(p("TableCreationParameters")).toObject().value(p("TableName")).toString();
    auto record = [&] {
        desc.insert(p("EndTime"), wireTime(std::max(db.clock()->nowMs(), wireMs(desc.value(p("StartTime"))))));
        const Result<void> stored = JobStore::update(db, arn, desc);
        if (!stored.ok())
            qWarning("Import %s finished, but its record could not be updated: %s", qPrintable(arn), qPrintable(stored.error().message()));
    };
    auto dropTable = [&] {
        (void)db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
            auto table = db.table(tableName);
            if (!table || table->id != tableId)
                return {};
            return db.dropTable(txn, *table);
        });
    };
    auto fail = [&](const QString &code, const QString &message) {
        desc.insert(p("ImportStatus"), p("FAILED"));
        desc.insert(p("FailureCode"), code);
        desc.insert(p("FailureMessage"), message);
        qWarning("Import %s failed: %s", qPrintable(arn), qPrintable(message));
        record();
    };
    const QJsonObject source = desc.value(p("S3BucketSource")).toObject();
    const QString bucket = source.value(p("S3Bucket")).toString();
    if (!buckets.hasBucket(bucket)) {
        dropTable(); // no table, as on AWS
        return fail(p("S3NoSuchBucket"),
                    QStringLiteral("The specified bucket does not exist (Service: Amazon S3; Status Code: 404; Error Code: NoSuchBucket) "
                                   "(Dynamodesk keeps bucket %1 in the folder %2)")
                        .arg(bucket, buckets.root() + QLatin1Char('/') + bucket));
    }
    auto table = db.table(tableName);
    if (!table || table->id != tableId)
        return fail(p("TableNotFound"), QStringLiteral("Table %1 was deleted during the import").arg(tableName));
    Read read;
    const backup::RestoreSource items = [&]() -> Result<backup::RestoreItems> {
        DD_ASSIGN(read, readObjects(buckets, *table, desc, worker.stopping()));
        return backup::RestoreItems{std::move(read.items), {}};
    };
    const Result<qint64> loaded = backup::prepareAndWrite(db, worker, tableName, tableId, items);
    if (!loaded.ok() && worker.stopping().load())
        return; // interrupted: the next open drops the table and marks the import FAILED
    if (!loaded.ok()) {
        dropTable();
        return fail(loaded.error().type() == u"LimitExceededException" ? p("LimitExceeded") : p("InternalServerError"), loaded.error().message());
    }
    // The table is ACTIVE with what was read, also when lines failed (as on AWS).
    const Result<void> active = db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
        auto t = db.table(tableName);
        if (!t || t->id != tableId)
            return ApiError::resourceNotFound(QStringLiteral("Table %1 was deleted during the import").arg(tableName));
        QJsonObject d = t->description;
        d.insert(p("TableStatus"), p("ACTIVE"));
        d.insert(p("_StatusUntilMs"), 0);
        d.remove(p("_Importing"));
        DD_CHECK(db.updateTable(txn, *t, d));
        return {};
    });
    if (!active.ok())
        return fail(p("InternalServerError"), active.error().message());
    desc.insert(p("ProcessedItemCount"), double(read.processed));
    desc.insert(p("ImportedItemCount"), double(read.imported));
    desc.insert(p("ErrorCount"), double(read.errors));
    if (read.bytes > 0)
        desc.insert(p("ProcessedSizeBytes"), double(read.bytes));
    if (!read.logged.isEmpty())
        desc.insert(p("_Errors"), QJsonArray::fromStringList(read.logged));
    for (const QString &line : std::as_const(read.logged))
        qWarning("Import %s: %s", qPrintable(arn), qPrintable(line));
    if (read.errors > 0) {
        desc.insert(p("ImportStatus"), p("FAILED"));
        desc.insert(p("FailureCode"), p("ItemValidationError"));
        desc.insert(p("FailureMessage"), kValidationFailure);
    } else {
        desc.insert(p("ImportStatus"), p("COMPLETED"));
    }
    record();
}

// An ARN of an import of this account: the error AWS answers for any other.
Result<void> checkImportArn(const api::OpContext &ctx, const QString &arn)
{
    static const QRegularExpression pattern(QStringLiteral("^arn:aws[a-z-]*:dynamodb:([a-z0-9-]*):(\\d{12}):table/[a-zA-Z0-9_.-]{3,255}/import/\\d{14}-[0-9a-f]{8}$"));
    const QRegularExpressionMatch m = pattern.match(arn);
    if (!m.hasMatch())
        return ApiError::validation(p("Invalid Import ARN"));
    if (m.captured(2) != ctx.request.accountId)
        return ApiError::accessDenied(p("Access is denied"));
    return {};
}

ApiError importNotFound(const QString &arn) { return ApiError(p("ImportNotFoundException"), QStringLiteral("Import not found: %1").arg(arn)); }

// ListImports' NextToken: the hex of the last ARN listed, padded with zero
// bytes to a multiple of 16 digits and at least 112 (AWS's pattern).
QString importToken(const QString &arn)
{
    QByteArray hex = arn.toUtf8().toHex();
    while (hex.size() < 112 || hex.size() % 16 != 0)
        hex.append("00");
    return QString::fromLatin1(hex);
}

QString arnOfImportToken(const QString &token)
{
    QByteArray bytes = QByteArray::fromHex(token.toLatin1());
    while (bytes.endsWith('\0'))
        bytes.chop(1);
    return QString::fromUtf8(bytes);
}

} // namespace

Result<QByteArray> importTable(api::OpContext &ctx, const QJsonObject &req)
{
    if (!ctx.backups || !ctx.buckets)
        return ApiError::internal(p("Imports are not available"));
    if (!req.contains(p("ClientToken")))
        return ApiError::validation(p("1 validation error detected: Value null at 'clientToken' failed to satisfy constraint: Member must not be null"));
    const QString token = req.value(p("ClientToken")).toString();
    if (token.isEmpty())
        return ApiError::validation(p("1 validation error detected: Value '' at 'clientToken' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[^\\$]+$"));
    const QString format = req.value(p("InputFormat")).toString();
    if (req.contains(p("InputFormatOptions")) && format != u"CSV")
        return ApiError::validation(QStringLiteral("Invalid Request: Unsupported InputFormatOptions for the given input format: %1.").arg(format));
    const QJsonObject params = req.value(p("TableCreationParameters")).toObject();
    const QString tableName = params.value(p("TableName")).toString();
    const qint64 now = ctx.clock->nowMs();

    // A ClientToken's reuse (AWS's rules, which differ from exports').
    DD_ASSIGN(const std::optional<Job> earlier, ctx.db.read<std::optional<Job>>([&](storage::Connection &c) {
        return JobStore::byToken(c, JobKind::Import, token, 0);
    }));
    if (earlier) {
        const QJsonObject &d = earlier->description;
        if (d.value(p("TableCreationParameters")).toObject().value(p("TableName")).toString() != tableName)
            return ApiError(p("ImportConflictException"), p("Import conflict: Duplicate request detected with conflicting parameters"));
        if (d.value(p("ImportStatus")).toString() != u"IN_PROGRESS" && ctx.db.table(tableName))
            return ApiError::resourceInUse(QStringLiteral("Table already exists: %1").arg(tableName));
        return api::toBody({{p("ImportTableDescription"), publicDescription(d)}});
    }
    if (ctx.db.table(tableName))
        return ApiError::resourceInUse(QStringLiteral("Table already exists: %1").arg(tableName));
    DD_ASSIGN(const std::vector<Job> imports, ctx.db.read<std::vector<Job>>([&](storage::Connection &c) { return JobStore::list(c, JobKind::Import, QString()); }));
    int running = 0;
    for (const Job &job : imports)
        running += job.description.value(p("ImportStatus")).toString() == u"IN_PROGRESS";
    if (running >= kMaxConcurrentImports)
        return ApiError::limitExceeded(QStringLiteral("You have exceeded the limit of %1 concurrent imports").arg(kMaxConcurrentImports));

    // The table, CREATING until the load ends (restoring: item operations
    // find no table; a load cut short by a restart drops it when the
    // database opens).
    QJsonObject create;
    for (const char *m : {"TableName", "AttributeDefinitions", "KeySchema", "BillingMode", "ProvisionedThroughput", "GlobalSecondaryIndexes",
                          "SSESpecification", "OnDemandThroughput"})
        if (params.contains(p(m)))
            create.insert(p(m), params.value(p(m)));
    DD_CHECK(api::createTable(ctx, create));
    auto table = ctx.db.table(tableName);
    if (!table)
        return ApiError::internal(p("The imported table vanished"));
    const QString id = newJobId(now);
    const QString tableArn = table->description.value(p("TableArn")).toString();
    const QString arn = tableArn + QStringLiteral("/import/") + id;
    QJsonObject source = req.value(p("S3BucketSource")).toObject();
    if (!source.contains(p("S3BucketOwner")))
        source.insert(p("S3BucketOwner"), ctx.request.accountId);
    QJsonObject desc{{p("ImportArn"), arn},
                     {p("ImportStatus"), p("IN_PROGRESS")},
                     {p("TableArn"), tableArn},
                     {p("TableId"), table->description.value(p("TableId"))},
                     {p("ClientToken"), token},
                     {p("S3BucketSource"), source},
                     {p("InputFormat"), format},
                     {p("InputCompressionType"), req.value(p("InputCompressionType")).toString(p("NONE"))},
                     {p("TableCreationParameters"), params},
                     {p("StartTime"), wireTime(now)},
                     {p("ProcessedItemCount"), 0},
                     {p("ImportedItemCount"), 0},
                     {p("ErrorCount"), 0},
                     {p("CloudWatchLogGroupArn"), QStringLiteral("arn:aws:logs:%1:%2:log-group:/aws-dynamodb/imports:*").arg(ctx.db.region(), ctx.request.accountId)}};
    if (req.contains(p("InputFormatOptions")))
        desc.insert(p("InputFormatOptions"), req.value(p("InputFormatOptions")));

    const Job job{JobKind::Import, arn, tableArn, token, now, desc};
    storage::Database *db = &ctx.db;
    backup::BackupCatalog *worker = ctx.backups;
    const LocalBuckets *buckets = ctx.buckets;
    DD_CHECK(ctx.db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
        auto t = db->table(tableName);
        if (!t)
            return ApiError::internal(p("The imported table vanished"));
        QJsonObject d = t->description;
        d.insert(p("TableStatus"), p("CREATING"));
        d.insert(p("_StatusUntilMs"), std::numeric_limits<qint64>::max() / 2);
        d.insert(p("_Importing"), true);
        DD_CHECK(db->updateTable(txn, *t, d));
        DD_CHECK(JobStore::insert(txn, job));
        const qint64 tableId = t->id;
        // The load starts once the table is committed (an HTTP turn may hold it until its answer is sent).
        txn.onCommit([=] { worker->post([=] { runImport(*db, *worker, *buckets, desc, tableId); }); });
        return {};
    }));
    return api::toBody({{p("ImportTableDescription"), publicDescription(desc)}});
}

namespace {

// The import that request member ImportArn names, or DescribeImport's error.
Result<Job> importOf(api::OpContext &ctx, const QJsonObject &req)
{
    const QString arn = req.value(p("ImportArn")).toString();
    DD_CHECK(checkImportArn(ctx, arn));
    DD_ASSIGN(const std::optional<Job> job, ctx.db.read<std::optional<Job>>([&](storage::Connection &c) { return JobStore::get(c, arn); }));
    if (!job || job->kind != JobKind::Import)
        return importNotFound(arn);
    return *job;
}

} // namespace

Result<QByteArray> describeImport(api::OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(const Job job, importOf(ctx, req));
    return api::toBody({{p("ImportTableDescription"), publicDescription(job.description)}});
}

Result<QByteArray> describeImportErrors(api::OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(const Job job, importOf(ctx, req));
    return api::toBody({{p("ImportArn"), job.arn}, {p("Errors"), job.description.value(p("_Errors")).toArray()}});
}

Result<QByteArray> listImports(api::OpContext &ctx, const QJsonObject &req)
{
    const QString tableArn = req.value(p("TableArn")).toString();
    const int page = req.contains(p("PageSize")) ? req.value(p("PageSize")).toInt() : kDefaultPage;
    QString after;
    if (req.contains(p("NextToken"))) {
        after = arnOfImportToken(req.value(p("NextToken")).toString());
        if (!after.contains(u"/import/"))
            return ApiError::validation(QStringLiteral("Invalid Request: Provided nextToken is invalid: %1").arg(req.value(p("NextToken")).toString()));
    }
    DD_ASSIGN(const std::vector<Job> jobs, ctx.db.read<std::vector<Job>>([&](storage::Connection &c) { return JobStore::list(c, JobKind::Import, tableArn); }));
    QJsonArray summaries;
    bool skipping = !after.isEmpty();
    QString next;
    for (const Job &job : jobs) {
        if (skipping) {
            skipping = job.arn != after;
            continue;
        }
        if (summaries.size() == page) {
            next = importToken(summaries.last().toObject().value(p("ImportArn")).toString());
            break;
        }
        QJsonObject s;
        for (const char *m : {"ImportArn", "ImportStatus", "TableArn", "S3BucketSource", "CloudWatchLogGroupArn", "InputFormat", "StartTime", "EndTime"})
            if (job.description.contains(p(m)))
                s.insert(p(m), job.description.value(p(m)));
        summaries.append(s);
    }
    QJsonObject out{{p("ImportSummaryList"), summaries}};
    if (!next.isEmpty())
        out.insert(p("NextToken"), next);
    return api::toBody(out);
}

} // namespace dd::migration
