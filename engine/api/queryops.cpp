// Query and Scan. Both read one page from a ReadTarget inside one
// Database::read (one snapshot): up to Limit items or until 1 MB of item
// data has been read, then apply the filter, the projection and Select.
// Limit, the 1 MB page and ScannedCount count items read, before the
// filter; Count counts the items that pass it (API reference, Query and
// Scan). Key conditions become a range of the partition's sort keys
// (api/querykeyrange.h); a parallel Scan's segment is a range of the 32-bit
// partition hash, so the segments are disjoint and together return every
// item exactly once.
// On an index the target reads the index's store; an LSI read that needs
// attributes outside the projection fetches each item from the table, at
// the table's read cost (Developer Guide, "Local secondary indexes").
#include "api/exprparams.h"
#include "api/fastrequest.h"
#include "api/jsonwriter.h"
#include "api/keys.h"
#include "api/opcontext.h"
#include "api/querykeyrange.h"
#include "api/readtarget.h"
#include "api/requestview.h"
#include "insights/record.h"
#include "model/json.h"
#include "model/size.h"
#include "storage/itemstore.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace dd::api {

namespace {

using model::AttributeValue;
using namespace Qt::StringLiterals;


// "A single Query [Scan] only returns a result set that fits within the 1 MB
// size limit" (API reference): the page ends once this much has been read.
constexpr qint64 kMaxPageBytes = 1024 * 1024;

enum class Operation { Query, Scan };

// ReturnConsumedCapacity.
enum class Consumed { None, Total, Indexes };

Consumed consumedMode(const QString &mode)
{
    return mode.isEmpty() || mode == "NONE"_L1 ? Consumed::None : mode == "INDEXES"_L1 ? Consumed::Indexes : Consumed::Total;
}

Consumed consumedMode(const RequestView &req)
{
    const QJsonValue v = req.value("ReturnConsumedCapacity"_L1);
    if (!v.isString())
        return Consumed::None;
    return consumedMode(v.toString());
}

// Appends "ConsumedCapacity" for a read, as AWS shapes it for TOTAL and
// INDEXES: the total, then the table's and the index's part.
void writeConsumed(JsonWriter &w, Consumed mode, const ReadTarget &target, double tableUnits, double indexUnits)
{
    if (mode == Consumed::None)
        return;
    w.key(QLatin1StringView("ConsumedCapacity")).beginObject();
    w.key(QLatin1StringView("TableName")).string(target.table->name);
    w.key(QLatin1StringView("CapacityUnits")).real(tableUnits + indexUnits);
    if (mode == Consumed::Indexes) {
        w.key(QLatin1StringView("Table")).beginObject();
        w.key(QLatin1StringView("CapacityUnits")).real(tableUnits);
        w.endObject();
        if (target.index) {
            w.key(target.index->global ? QLatin1StringView("GlobalSecondaryIndexes") : QLatin1StringView("LocalSecondaryIndexes")).beginObject();
            w.key(target.index->name).beginObject();
            w.key(QLatin1StringView("CapacityUnits")).real(indexUnits);
            w.endObject();
            w.endObject();
        }
    }
    w.endObject();
}

// Select against the projection parameters, with AWS's messages (Query puts
// them in its "1 validation error detected: " form, Scan does not).
Result<QString> checkSelect(const RequestView &req, Operation op)
{
    const QString prefix = op == Operation::Query ? QStringLiteral("1 validation error detected: ") : QString();
    const bool hasIndex = req.contains("IndexName"_L1);
    const bool toGet = req.contains("AttributesToGet"_L1), projection = req.contains("ProjectionExpression"_L1);
    QString select = req.value("Select"_L1).toString();
    if (select.isEmpty())
        return (toGet || projection) ? QStringLiteral("SPECIFIC_ATTRIBUTES") : hasIndex ? QStringLiteral("ALL_PROJECTED_ATTRIBUTES") : QStringLiteral("ALL_ATTRIBUTES");
    if (select == "SPECIFIC_ATTRIBUTES"_L1) {
        if (!toGet && !projection)
            return ApiError::validation(prefix + QStringLiteral("Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES"));
        return select;
    }
    if (select == "ALL_PROJECTED_ATTRIBUTES"_L1 && !hasIndex)
        return ApiError::validation(prefix + QStringLiteral("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName"));
    const QString what = select == "COUNT"_L1 ? QStringLiteral("only the Count") : select;
    if (toGet)
        return ApiError::validation(prefix + QStringLiteral("Cannot specify the AttributesToGet when choosing to get %1").arg(what));
    if (projection)
        return ApiError::validation(prefix + QStringLiteral("Cannot specify the ProjectionExpression when choosing to get %1").arg(what));
    return select;
}

// Top-level attribute names a condition reads, and those it reads nested paths of.
void collectNames(const expr::Operand &o, QStringList &heads, QSet<QString> &nested)
{
    if (o.kind == expr::Operand::Kind::Path && !o.path.elements.empty()) {
        const QString head = std::get<QString>(o.path.elements.front());
        if (!heads.contains(head))
            heads << head;
        if (o.path.elements.size() > 1)
            nested.insert(head);
    }
    for (const expr::Operand &a : o.args)
        collectNames(a, heads, nested);
}

void collectNames(const expr::Condition &c, QStringList &heads, QSet<QString> &nested)
{
    for (const expr::Condition &child : c.children)
        collectNames(child, heads, nested);
    for (const expr::Operand &o : c.operands)
        collectNames(o, heads, nested);
}

// Key attributes (of the table and its indexes) may not be read through
// nested paths in projections and filters.
Result<void> checkKeyPaths(const storage::TableDef &table, const QSet<QString> &nested)
{
    if (nested.isEmpty())
        return {};
    for (const storage::KeyElement *e : {&table.keys.hash, table.keys.range ? &*table.keys.range : nullptr})
        if (e && nested.contains(e->name))
            return ApiError::validation(QStringLiteral("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: %1").arg(e->name));
    for (const storage::IndexDef &index : table.indexes)
        for (const std::vector<storage::KeyElement> *list : {&index.keys.hashParts, &index.keys.rangeParts})
            for (const storage::KeyElement &e : *list)
                if (nested.contains(e.name))
                    return ApiError::validation(QStringLiteral("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: %1").arg(e.name));
    return {};
}

// ExclusiveStartKey as attribute values; AWS prefixes most value errors.
Result<std::optional<model::Item>> parseStartKey(const RequestView &req)
{
    const QJsonValue v = req.value("ExclusiveStartKey"_L1);
    if (v.isUndefined() || v.isNull())
        return std::optional<model::Item>();
    auto item = model::itemFromJson(v);
    if (!item.ok()) {
        if (item.error().type() != u"ValidationException")
            return item.error();
        static const QRegularExpression unprefixed(QStringLiteral("contains duplicates|number set|numeric value|significant digits|number with magnitude"));
        const QString m = item.error().message();
        return ApiError::validation(unprefixed.match(m).hasMatch() ? m : QStringLiteral("The provided starting key is invalid: ") + m);
    }
    return std::optional<model::Item>(std::move(item).value());
}

// What one page reads and returns.
struct PageRequest {
    const ReadTarget *target = nullptr;
    std::shared_ptr<const expr::Condition> filter;
    std::vector<expr::Path> projection;
    bool hasProjection = false;
    bool countOnly = false;
    bool consistent = false;
    bool fetch = false; // LSI: each item is read from the table (attributes outside the projection)
    bool returnFetched = false; // with fetch: Select ALL_ATTRIBUTES returns the table's item, not the entry
    qint64 limit = 0;   // 0: none
    Consumed consumed = Consumed::None;
    mutable double units = 0; // out: the capacity units the page consumed (table and index)
};

// Reads one page from `scan` and writes Items, Count, ScannedCount,
// LastEvaluatedKey and ConsumedCapacity. Rows are read in place: an item
// without filter or projection is spliced into the response as stored.
Result<QByteArray> readPage(const PageRequest &page, storage::Connection &c, ReadCursor &scan)
{
    JsonWriter w(4096);
    w.beginObject();
    if (!page.countOnly)
        w.key(QLatin1StringView("Items")).beginArray();
    qint64 scanned = 0, count = 0, bytes = 0, fetchedBytes = 0;
    const bool needItem = page.filter || (page.hasProjection && !page.countOnly);
    std::optional<model::Item> lastKey; // LastEvaluatedKey, once the page is full
    while ((page.limit == 0 || scanned < page.limit) && bytes < kMaxPageBytes) {
        DD_ASSIGN(const bool more, scan.next());
        if (!more)
            break;
        ++scanned;
        bytes += scan.size();
        const bool pageFull = (page.limit > 0 && scanned >= page.limit) || bytes >= kMaxPageBytes;
        const QByteArrayView entry = scan.item();
        QByteArrayView json = entry;
        std::optional<storage::StoredItem> full;
        bool present = true;
        if (page.fetch) {
            // The index entry has the keys LastEvaluatedKey needs; the table the rest.
            DD_ASSIGN(full, storage::ItemStore::get(c, *page.target->table, scan.tableKey()));
            present = full.has_value(); // absent cannot happen within one snapshot
            if (present) {
                fetchedBytes += full->size;
                json = full->json;
            }
        }
        std::optional<model::Item> item;
        if (present && needItem) {
            item = model::itemFromStoredJson(json);
            if (!item)
                return ApiError::internal(QStringLiteral("A stored item could not be decoded"));
            if (page.filter) {
                DD_ASSIGN(const bool pass, expr::evaluate(*page.filter, *item));
                present = pass;
            }
        }
        if (present) {
            ++count;
            if (!page.countOnly) {
                // A fetch made for the filter alone leaves ALL_PROJECTED_ATTRIBUTES
                // what it says: the index entry's attributes.
                if (page.hasProjection)
                    w.item(expr::project(page.projection, *item));
                else
                    w.raw(page.fetch && !page.returnFetched ? entry : json);
            }
        }
        if (pageFull) {
            // The row's keys, from the item read (an index entry holds them too).
            if (!item || page.fetch)
                item = model::itemFromStoredJson(scan.item());
            if (!item)
                return ApiError::internal(QStringLiteral("A stored item could not be decoded"));
            lastKey = page.target->lastEvaluatedKey(*item);
        }
    }
    if (!page.countOnly)
        w.endArray();
    w.key(QLatin1StringView("Count")).integer(count);
    w.key(QLatin1StringView("ScannedCount")).integer(scanned);
    if (lastKey)
        w.key(QLatin1StringView("LastEvaluatedKey")).item(*lastKey);
    if (page.target->index) {
        const double tableUnits = fetchedBytes > 0 ? model::readCapacityUnits(fetchedBytes, page.consistent) : 0.0;
        const double indexUnits = model::readCapacityUnits(bytes, page.consistent);
        page.units = tableUnits + indexUnits;
        writeConsumed(w, page.consumed, *page.target, tableUnits, indexUnits);
    } else {
        page.units = model::readCapacityUnits(bytes, page.consistent);
        writeConsumed(w, page.consumed, *page.target, page.units, 0.0);
    }
    w.endObject();
    return w.take();
}

// Runs `readOne` (which reads one page through one cursor) in one snapshot.
// Without fetches from the table the cursor's statement is the only one,
// and SQLite runs a lone statement in a snapshot of its own: no BEGIN and
// COMMIT around it.
Result<QByteArray> readPages(OpContext &ctx, const PageRequest &page,
                             const std::function<Result<QByteArray>(storage::Connection &)> &readOne)
{
    if (page.fetch)
        return ctx.db.read<QByteArray>(readOne);
    return ctx.db.readSingle<QByteArray>(readOne);
}

// The common head of Query and Scan: expressions, Select, the target.
struct ReadRequest {
    ParsedExpressions ex;
    QString select;
    ReadTarget target;
    std::optional<model::Item> startKey;
    PageRequest page;
};

// The tail of prepareRead (either path): the target and the page's settings.
Result<void> resolveRead(OpContext &ctx, ReadRequest &r, const QString &tableName, const QString &indexName, bool consistent,
                         qint64 limit, Consumed consumed)
{
    DD_ASSIGN(auto table, requireTable(ctx, tableName, true));
    DD_ASSIGN(r.target, ReadTarget::resolve(table, indexName, consistent));
    r.page.target = &r.target; // re-pointed by the caller after the move
    r.page.filter = r.ex.condition;
    r.page.projection = r.ex.projectionPaths;
    r.page.hasProjection = r.ex.hasProjection;
    r.page.countOnly = r.select == "COUNT"_L1;
    r.page.consistent = consistent;
    r.page.limit = limit;
    r.page.consumed = consumed;
    return {};
}

Result<ReadRequest> prepareRead(OpContext &ctx, const RequestView &req, Operation op)
{
    ReadRequest r;
    static constexpr QLatin1StringView queryExpressions[] = {"ProjectionExpression"_L1, "FilterExpression"_L1, "KeyConditionExpression"_L1};
    static constexpr QLatin1StringView scanExpressions[] = {"ProjectionExpression"_L1, "FilterExpression"_L1};
    static constexpr QLatin1StringView queryLegacy[] = {"AttributesToGet"_L1, "QueryFilter"_L1, "ConditionalOperator"_L1, "KeyConditions"_L1};
    static constexpr QLatin1StringView scanLegacy[] = {"AttributesToGet"_L1, "ScanFilter"_L1, "ConditionalOperator"_L1};
    DD_ASSIGN(r.startKey, parseStartKey(req));
    if (op == Operation::Query && !req.contains("KeyConditions"_L1) && !req.contains("KeyConditionExpression"_L1))
        return ApiError::validation(QStringLiteral("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request."));
    if (op == Operation::Scan) {
        const bool hasSegment = req.contains("Segment"_L1), hasTotal = req.contains("TotalSegments"_L1);
        if (hasSegment && !hasTotal)
            return ApiError::validation(QStringLiteral("The TotalSegments parameter is required but was not present in the request when Segment parameter is present"));
        if (hasTotal && !hasSegment)
            return ApiError::validation(QStringLiteral("The Segment parameter is required but was not present in the request when parameter TotalSegments is present"));
        if (hasTotal) {
            const qint64 segment = req.value("Segment"_L1).toInteger(), total = req.value("TotalSegments"_L1).toInteger();
            if (segment >= total)
                return ApiError::validation(QStringLiteral("The Segment parameter is zero-based and must be less than parameter TotalSegments: "
                                                           "Segment: %1 is not less than TotalSegments: %2").arg(segment).arg(total));
        }
    }
    if (op == Operation::Query) {
        DD_ASSIGN(r.ex, parseExpressions(req, queryExpressions, queryLegacy));
    } else {
        DD_ASSIGN(r.ex, parseExpressions(req, scanExpressions, scanLegacy));
    }
    DD_ASSIGN(r.select, checkSelect(req, op));
    DD_CHECK(resolveRead(ctx, r, req.value("TableName"_L1).toString(), req.value("IndexName"_L1).toString(),
                         req.value("ConsistentRead"_L1).toBool(), req.value("Limit"_L1).toInteger(0), consumedMode(req)));
    return r;
}

// Index reads: Select ALL_ATTRIBUTES needs a GSI projecting ALL; on an LSI,
// it and any attribute outside the projection are fetched from the table.
Result<void> planIndexRead(ReadRequest &r, const QStringList &filterHeads)
{
    const storage::IndexDef *index = r.target.index;
    if (!index || index->projectAll)
        return {};
    if (r.select == "ALL_ATTRIBUTES"_L1) {
        if (index->global)
            return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for "
                                                       "global secondary index %1 because its projection type is not ALL").arg(index->name));
        r.page.fetch = true;
        r.page.returnFetched = true;
        return {};
    }
    if (index->global)
        return {};
    for (const expr::Path &path : r.ex.projectionPaths)
        if (!index->projects(std::get<QString>(path.elements.front())))
            r.page.fetch = true;
    for (const QString &head : filterHeads)
        if (!index->projects(head))
            r.page.fetch = true;
    return {};
}

// Query once its parameters are read (by either path): `forward` is
// ScanIndexForward, `legacyFilter` whether the filter came as QueryFilter.
Result<QByteArray> runQuery(OpContext &ctx, ReadRequest &r, bool forward, bool legacyFilter)
{
    r.page.target = &r.target;
    const storage::TableDef &table = *r.target.table;
    const storage::KeySchema &keys = r.target.keys;

    DD_ASSIGN(QueryKeyRange keyRange, queryKeyRange(r.target, r.ex, r.startKey));
    storage::PartitionRange &pr = keyRange.range;
    model::Item partition; // the queried partition key, for Contributor Insights
    if (keyRange.partitionValue && (r.target.index ? r.target.index->insights : table.insights))
        partition.emplace(keys.hash.name, *keyRange.partitionValue);
    pr.forward = forward;

    QStringList heads;
    QSet<QString> nested;
    for (const expr::Path &path : r.ex.projectionPaths)
        if (path.elements.size() > 1)
            nested.insert(std::get<QString>(path.elements.front()));
    DD_CHECK(checkKeyPaths(table, nested));
    nested.clear();
    if (r.ex.condition) {
        collectNames(*r.ex.condition, heads, nested);
        const QString what = legacyFilter ? QStringLiteral("QueryFilter") : QStringLiteral("Filter Expression");
        // Every attribute of a multi-attribute key counts as a key attribute.
        for (const std::vector<storage::KeyElement> *list : {&keys.hashParts, &keys.rangeParts})
            for (const storage::KeyElement &e : *list)
                if (heads.contains(e.name) && !ctx.keyAttributesInFilter)
                    return ApiError::validation(QStringLiteral("%1 can only contain non-primary key attributes: Primary key attribute: %2").arg(what, e.name));
    }
    DD_CHECK(planIndexRead(r, heads));
    DD_CHECK(checkKeyPaths(table, nested));
    // The start key satisfies the sort condition (checked above), so the
    // cursor resumes after it within the range.
    Result<QByteArray> answer = readPages(ctx, r.page, [&](storage::Connection &c) -> Result<QByteArray> {
        DD_ASSIGN(ReadCursor cursor, r.target.openPartition(c, pr, keyRange.start));
        return readPage(r.page, c, cursor);
    });
    if (answer.ok() && !partition.empty())
        insights::recordQuery(ctx, table, r.target.index, partition, r.page.units);
    return answer;
}

} // namespace

Result<QByteArray> query(OpContext &ctx, const QJsonObject &request)
{
    const RequestView req(request);
    DD_ASSIGN(ReadRequest r, prepareRead(ctx, req, Operation::Query));
    return runQuery(ctx, r, req.value("ScanIndexForward"_L1).toBool(true), req.contains("QueryFilter"_L1));
}

Result<QByteArray> query(OpContext &ctx, const QueryRequest &req)
{
    // As prepareRead for these parameters: the expressions, then the table.
    ReadRequest r;
    expr::Expressions expressions = expr::Expressions::fromParts(req.names ? &*req.names : nullptr, req.values ? &*req.values : nullptr);
    DD_ASSIGN(r.ex, parseExpressionTexts(expressions, {{QStringLiteral("KeyConditionExpression"), req.keyConditionExpression}}));
    r.select = QStringLiteral("ALL_ATTRIBUTES");
    DD_CHECK(resolveRead(ctx, r, req.tableName, QString(), req.consistentRead, 0, consumedMode(req.returnConsumedCapacity)));
    return runQuery(ctx, r, req.scanIndexForward, false);
}

Result<QByteArray> scan(OpContext &ctx, const QJsonObject &request)
{
    const RequestView req(request);
    DD_ASSIGN(ReadRequest r, prepareRead(ctx, req, Operation::Scan));
    r.page.target = &r.target;
    const storage::TableDef &table = *r.target.table;

    qint64 hashLow = 0, hashHigh = 0xFFFFFFFFLL;
    const bool parallel = req.contains("TotalSegments"_L1);
    const qint64 segment = req.value("Segment"_L1).toInteger(), total = req.value("TotalSegments"_L1).toInteger(1);
    if (parallel)
        std::tie(hashLow, hashHigh) = storage::segmentHashRange(segment, total);
    std::optional<StartPosition> start;
    if (r.startKey) {
        if (r.startKey->size() != r.target.startKeyElements().size())
            return ApiError::validation(r.target.index ? QStringLiteral("The provided starting key is invalid")
                                                       : QStringLiteral("The provided starting key is invalid: The provided key element does not match the schema"));
        if (r.target.index) {
            for (const std::vector<storage::KeyElement> *list : {&r.target.keys.hashParts, &r.target.keys.rangeParts})
                for (const storage::KeyElement &e : *list)
                    DD_CHECK(checkStartKeyPiece(*r.startKey, e));
            DD_CHECK(planIndexRead(r, {}));
        }
        StartPosition key;
        if (r.target.index) {
            DD_ASSIGN(key, r.target.startPosition(*r.startKey));
        } else {
            auto tableKey = keyFromKeyParameter(table, *r.startKey);
            if (!tableKey.ok())
                return ApiError::validation(QStringLiteral("The provided starting key is invalid: ") + tableKey.error().message());
            key.table = tableKey->stored;
        }
        const qint64 h = r.target.startHash(key);
        if (h < hashLow || h > hashHigh)
            return ApiError::validation(QStringLiteral("The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey "
                                                       "with correct Segment. TotalSegments: %1 Segment: %2").arg(total).arg(segment));
        start = std::move(key);
    }

    QStringList heads;
    QSet<QString> nested;
    for (const expr::Path &path : r.ex.projectionPaths)
        if (path.elements.size() > 1)
            nested.insert(std::get<QString>(path.elements.front()));
    DD_CHECK(checkKeyPaths(table, nested));
    nested.clear();
    if (r.ex.condition && ctx.keyAttributesInFilter) {
        collectNames(*r.ex.condition, heads, nested);
    } else if (r.ex.condition) {
        collectNames(*r.ex.condition, heads, nested);
        DD_CHECK(checkKeyPaths(table, nested));
    }
    DD_CHECK(planIndexRead(r, heads));

    return readPages(ctx, r.page, [&](storage::Connection &c) -> Result<QByteArray> {
        DD_ASSIGN(ReadCursor cursor, r.target.openHashRange(c, hashLow, hashHigh, start));
        return readPage(r.page, c, cursor);
    });
}

} // namespace dd::api
