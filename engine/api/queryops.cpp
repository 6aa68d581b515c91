// Query and Scan. Both read one page from a ReadTarget inside one
// Database::read (one snapshot): up to Limit items or until 1 MB of item
// data has been read, then apply the filter, the projection and Select.
// Limit, the 1 MB page and ScannedCount count items read, before the
// filter; Count counts the items that pass it (API reference, Query and
// Scan). Key conditions become a range of the partition's sort keys; a
// parallel Scan's segment is a range of the 32-bit partition hash, so the
// segments are disjoint and together return every item exactly once.
// On an index the target reads the index's store; an LSI read that needs
// attributes outside the projection fetches each item from the table, at
// the table's read cost (Developer Guide, "Local secondary indexes").
#include "api/exprparams.h"
#include "api/fastrequest.h"
#include "api/jsonwriter.h"
#include "api/keys.h"
#include "api/opcontext.h"
#include "api/readtarget.h"
#include "api/requestview.h"
#include "expr/compare.h"
#include "expr/keycondition.h"
#include "insights/record.h"
#include "model/json.h"
#include "model/keycodec.h"
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

// One key condition, in the legacy form both KeyConditions and
// KeyConditionExpression reduce to (AWS checks them the same way).
using KeyPart = expr::LegacyCondition;

QString keyOpName(expr::KeyCondition::Op op)
{
    switch (op) {
    case expr::KeyCondition::Op::Eq: return QStringLiteral("EQ");
    case expr::KeyCondition::Op::Lt: return QStringLiteral("LT");
    case expr::KeyCondition::Op::Le: return QStringLiteral("LE");
    case expr::KeyCondition::Op::Gt: return QStringLiteral("GT");
    case expr::KeyCondition::Op::Ge: return QStringLiteral("GE");
    case expr::KeyCondition::Op::Between: return QStringLiteral("BETWEEN");
    case expr::KeyCondition::Op::BeginsWith: return QStringLiteral("BEGINS_WITH");
    }
    return QString();
}

std::optional<expr::KeyCondition::Op> keyOp(const QString &name)
{
    using Op = expr::KeyCondition::Op;
    static const QHash<QString, Op> ops = {{QStringLiteral("EQ"), Op::Eq}, {QStringLiteral("LT"), Op::Lt}, {QStringLiteral("LE"), Op::Le}, {QStringLiteral("GT"), Op::Gt},
                                           {QStringLiteral("GE"), Op::Ge}, {QStringLiteral("BETWEEN"), Op::Between}, {QStringLiteral("BEGINS_WITH"), Op::BeginsWith}};
    if (auto it = ops.constFind(name); it != ops.constEnd())
        return *it;
    return std::nullopt;
}

// The smallest byte string greater than every string starting with `prefix`,
// or nullopt if there is none (the prefix is all 0xFF bytes).
std::optional<QByteArray> prefixSuccessor(QByteArray prefix)
{
    while (!prefix.isEmpty()) {
        if (quint8(prefix.back()) != 0xFF) {
            prefix.back() = char(quint8(prefix.back()) + 1);
            return prefix;
        }
        prefix.chop(1);
    }
    return std::nullopt;
}

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

// One key attribute of ExclusiveStartKey against the target's schema.
Result<void> checkStartKeyPiece(const model::Item &start, const storage::KeyElement &e)
{
    const auto it = start.find(e.name);
    if (it == start.end())
        return ApiError::validation(QStringLiteral("The provided starting key is invalid"));
    if (it->second.type() != e.type)
        return ApiError::validation(QStringLiteral("The provided key element does not match the schema"));
    const bool empty = (e.type == model::AttrType::S && it->second.asString().isEmpty())
                       || (e.type == model::AttrType::B && it->second.asBinary().isEmpty());
    if (empty)
        return ApiError::validation(QStringLiteral("One or more parameter values were invalid: The AttributeValue for a key attribute cannot contain an empty %1 value. Key: %2")
                                        .arg(e.type == model::AttrType::S ? QStringLiteral("string") : QStringLiteral("binary"), e.name));
    return {};
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

// The position after ExclusiveStartKey: a table's key is checked as a Key
// parameter; an index's table part with AWS's "starting key" prefix.
Result<StartPosition> startPositionOf(const ReadRequest &r)
{
    if (r.target.index)
        return r.target.startPosition(*r.startKey);
    DD_ASSIGN(ItemKey key, keyFromKeyParameter(*r.target.table, *r.startKey));
    return StartPosition{key.stored, std::nullopt};
}

// Reduces the key conditions against the target's schema, with AWS's
// messages, returning {partition condition, sort condition if any}.
// The key conditions of either form, each checked as a condition.
Result<std::vector<KeyPart>> keyConditionParts(const ReadRequest &r)
{
    std::vector<KeyPart> parts;
    if (r.ex.keyConditions) {
        parts = *r.ex.keyConditions;
    } else {
        DD_ASSIGN(auto exprParts, expr::keyConditionParts(*r.ex.keyCondition));
        for (const expr::KeyCondition::Part &part : exprParts) {
            KeyPart k{part.attribute, keyOpName(part.op), part.values};
            DD_CHECK(expr::validateLegacyCondition(k));
            parts.push_back(std::move(k));
        }
    }
    return parts;
}

// The sort-key bounds of `pr` for the sort keys that start with `prefix`
// (the encoded parts a multi-attribute key's equalities fix; empty
// otherwise) and meet `last` on the next part, if given. `composite`: the
// sort key is in model::appendKeyPart()'s encoding.
void setSortBounds(storage::PartitionRange &pr, bool composite, const QByteArray &prefix, const KeyPart *last)
{
    // A part as it is stored after `prefix`: terminated in a composite key.
    const auto whole = [&](const AttributeValue &v) {
        if (!composite)
            return model::encodeKeyValue(v);
        QByteArray out = prefix;
        model::appendKeyPart(out, v);
        return out;
    };
    // Every key that starts with `bytes` lies in [bytes, prefixSuccessor(bytes)).
    const auto after = [](const QByteArray &bytes) -> std::optional<storage::KeyBound> {
        if (auto next = prefixSuccessor(bytes))
            return storage::KeyBound{*next, false};
        return std::nullopt;
    };
    const auto afterInclusive = [&](const QByteArray &bytes) -> std::optional<storage::KeyBound> {
        auto b = after(bytes);
        if (b)
            b->inclusive = true;
        return b;
    };
    // The keys outside the prefix are never in range.
    if (!prefix.isEmpty()) {
        pr.low = storage::KeyBound{prefix, true};
        pr.high = after(prefix);
    }
    if (!last)
        return;
    const QByteArray v0 = whole(last->values[0]);
    switch (*keyOp(last->op)) {
    case expr::KeyCondition::Op::Eq:
        pr.low = {v0, true};
        pr.high = composite ? after(v0) : std::optional<storage::KeyBound>(storage::KeyBound{v0, true});
        break;
    case expr::KeyCondition::Op::Lt: pr.high = {v0, false}; break;
    case expr::KeyCondition::Op::Le: pr.high = composite ? after(v0) : std::optional<storage::KeyBound>(storage::KeyBound{v0, true}); break;
    case expr::KeyCondition::Op::Gt:
        // A composite part is followed by more parts: the keys after every
        // one holding this part start at the successor of its bytes (which
        // end in the terminator, so there is one).
        pr.low = composite ? afterInclusive(v0) : std::optional<storage::KeyBound>(storage::KeyBound{v0, false});
        break;
    case expr::KeyCondition::Op::Ge: pr.low = {v0, true}; break;
    case expr::KeyCondition::Op::Between: {
        pr.low = {v0, true};
        const QByteArray v1 = whole(last->values[1]);
        pr.high = composite ? after(v1) : std::optional<storage::KeyBound>(storage::KeyBound{v1, true});
        break;
    }
    case expr::KeyCondition::Op::BeginsWith: {
        // S and B keys are stored as their raw bytes (escaped in a composite
        // key, which keeps prefixes), so a prefix is a byte range.
        QByteArray start = prefix;
        if (composite)
            model::appendEscapedKeyPart(start, model::encodeKeyValue(last->values[0]));
        else
            start = v0;
        pr.low = {start, true};
        if (auto next = after(start))
            pr.high = next;
        break;
    }
    }
}

// The partition and sort-key range of a Query on a multi-attribute key,
// with AWS's messages: an equality on every HASH attribute; the RANGE
// attributes from the first on without a gap, each with an equality but
// the last named, which may have any sort-key condition ("RANGE key
// attributes b must have equality conditions specified in the query because
// a condition is present on key attribute c"). With `start`, the checks of
// ExclusiveStartKey against the conditions.
Result<storage::PartitionRange> compositeKeyRange(const ReadRequest &r, const model::Item *start)
{
    DD_ASSIGN(const std::vector<KeyPart> parts, keyConditionParts(r));
    const storage::KeySchema &keys = r.target.keys;
    const auto find = [&parts](const QString &name) -> const KeyPart * {
        for (const KeyPart &k : parts)
            if (k.attribute == name)
                return &k;
        return nullptr;
    };
    if (r.startKey) {
        for (const std::vector<storage::KeyElement> *list : {&keys.hashParts, &keys.rangeParts})
            for (const storage::KeyElement &e : *list)
                DD_CHECK(checkStartKeyPiece(*r.startKey, e));
    }
    const auto checkPart = [](const KeyPart &k, const storage::KeyElement &e) -> Result<void> {
        if (!keyOp(k.op))
            return ApiError::validation(QStringLiteral("Attempted conditional constraint is not an indexable operation"));
        for (const AttributeValue &v : k.values)
            if (v.type() != e.type)
                return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Condition parameter type does not match schema type"));
        return {};
    };
    model::Item hashValues;
    for (const storage::KeyElement &e : keys.hashParts) {
        const KeyPart *k = find(e.name);
        if (!k)
            return ApiError::validation(QStringLiteral("Query condition missed key schema element: %1").arg(e.name));
        DD_CHECK(checkPart(*k, e));
        if (k->op != "EQ"_L1)
            return ApiError::validation(QStringLiteral("Query key condition not supported"));
        hashValues.emplace(e.name, k->values[0]);
    }
    std::vector<const KeyPart *> range(keys.rangeParts.size(), nullptr);
    for (size_t i = 0; i < keys.rangeParts.size(); ++i) {
        range[i] = find(keys.rangeParts[i].name);
        if (range[i])
            DD_CHECK(checkPart(*range[i], keys.rangeParts[i]));
    }
    for (const KeyPart &k : parts) {
        if (keys.contains(k.attribute))
            continue;
        // A condition on another attribute: AWS names the key element the
        // conditions failed to cover (dynalite's reproduction for one RANGE
        // attribute; for several, the first RANGE attribute without one).
        QString missing = keys.hashParts.back().name;
        for (size_t i = 0; i < range.size(); ++i)
            if (!range[i]) {
                missing = keys.rangeParts[i].name;
                break;
            }
        return ApiError::validation(QStringLiteral("Query condition missed key schema element: %1").arg(missing));
    }
    // Left to right without a gap, every condition but the last an equality
    // (the rule and message as real DynamoDB answers them).
    for (size_t later = 1; later < range.size(); ++later) {
        if (!range[later])
            continue;
        for (size_t prior = 0; prior < later; ++prior)
            if (!range[prior] || range[prior]->op != "EQ"_L1)
                return ApiError::validation(QStringLiteral("RANGE key attributes %1 must have equality conditions specified in the query "
                                                           "because a condition is present on key attribute %2")
                                                .arg(keys.rangeParts[prior].name, keys.rangeParts[later].name));
    }
    size_t named = 0; // the RANGE attributes with a condition: a prefix
    while (named < range.size() && range[named])
        ++named;

    if (start) {
        bool sameHash = true;
        for (const storage::KeyElement &e : keys.hashParts)
            sameHash = sameHash && start->at(e.name) == hashValues.at(e.name);
        if (named == 0) {
            if (!sameHash)
                return ApiError::validation(QStringLiteral("The provided starting key is outside query boundaries based on provided conditions"));
        } else {
            for (size_t i = 0; i < named; ++i) {
                expr::KeyCondition::Part sortPart{range[i]->attribute, *keyOp(range[i]->op), range[i]->values};
                if (!expr::matchesSortKey(sortPart, start->at(keys.rangeParts[i].name)))
                    return ApiError::validation(QStringLiteral("The provided starting key does not match the range key predicate"));
            }
            if (!sameHash)
                return ApiError::validation(QStringLiteral("The query can return at most one row and cannot be restarted"));
        }
    }

    storage::PartitionRange pr;
    pr.pk = encodeKey(keys.hashParts, hashValues);
    pr.hash = model::partitionHash(pr.pk);
    const bool composite = keys.rangeParts.size() > 1;
    QByteArray prefix;
    for (size_t i = 0; i + 1 < named; ++i)
        model::appendKeyPart(prefix, range[i]->values[0]);
    setSortBounds(pr, composite, prefix, named > 0 ? range[named - 1] : nullptr);
    return pr;
}

Result<std::pair<KeyPart, std::optional<KeyPart>>> reduceKeyConditions(const ReadRequest &r, const model::Item *start)
{
    DD_ASSIGN(const std::vector<KeyPart> parts, keyConditionParts(r));
    if (parts.size() != 1 && parts.size() != 2)
        return ApiError::validation(QStringLiteral("Conditions can be of length 1 or 2 only"));
    const auto find = [&parts](const QString &name) -> const KeyPart * {
        for (const KeyPart &k : parts)
            if (k.attribute == name)
                return &k;
        return nullptr;
    };

    const storage::KeySchema &keys = r.target.keys;
    std::optional<KeyPart> hash, range;
    for (const storage::KeyElement *e : {&keys.hash, keys.range ? &*keys.range : nullptr}) {
        if (!e)
            continue;
        const bool isHash = e == &keys.hash;
        if (r.startKey) {
            DD_CHECK(checkStartKeyPiece(*r.startKey, *e));
        }
        if (isHash && !keys.range && parts.size() > 1)
            return ApiError::validation(QStringLiteral("Query key condition not supported"));
        const KeyPart *k = find(e->name);
        if (!k) {
            if (isHash || parts.size() > 1)
                return ApiError::validation(QStringLiteral("Query condition missed key schema element: %1").arg(e->name));
            continue;
        }
        if (!keyOp(k->op))
            return ApiError::validation(QStringLiteral("Attempted conditional constraint is not an indexable operation"));
        for (const AttributeValue &v : k->values)
            if (v.type() != e->type)
                return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Condition parameter type does not match schema type"));
        if (isHash && k->op != "EQ"_L1)
            return ApiError::validation(QStringLiteral("Query key condition not supported"));
        (isHash ? hash : range) = *k;
    }

    if (start) {
        const AttributeValue &startHash = start->at(keys.hash.name);
        if (!range) {
            if (startHash != hash->values[0])
                return ApiError::validation(QStringLiteral("The provided starting key is outside query boundaries based on provided conditions"));
        } else {
            expr::KeyCondition::Part sortPart{range->attribute, *keyOp(range->op), range->values};
            if (!expr::matchesSortKey(sortPart, start->at(keys.range->name)))
                return ApiError::validation(QStringLiteral("The provided starting key does not match the range key predicate"));
            if (startHash != hash->values[0])
                return ApiError::validation(QStringLiteral("The query can return at most one row and cannot be restarted"));
        }
    }
    return std::make_pair(*hash, range);
}

// Query once its parameters are read (by either path): `forward` is
// ScanIndexForward, `legacyFilter` whether the filter came as QueryFilter.
Result<QByteArray> runQuery(OpContext &ctx, ReadRequest &r, bool forward, bool legacyFilter)
{
    r.page.target = &r.target;
    const storage::TableDef &table = *r.target.table;
    const storage::KeySchema &keys = r.target.keys;

    if (r.startKey && r.startKey->size() != r.target.startKeyElements().size())
        return ApiError::validation(QStringLiteral("The provided starting key is invalid"));
    // The start key's own checks (types, empty values, sizes) come with the
    // key conditions, attribute by attribute; the encoded key after them.
    std::optional<StartPosition> start;
    storage::PartitionRange pr;
    model::Item partition; // the queried partition key, for Contributor Insights
    if (keys.composite()) {
        DD_CHECK(compositeKeyRange(r, nullptr));
        if (r.startKey) {
            DD_ASSIGN(start, startPositionOf(r));
        }
        DD_ASSIGN(pr, compositeKeyRange(r, r.startKey ? &*r.startKey : nullptr));
    } else {
        auto reduced = reduceKeyConditions(r, nullptr);
        if (!reduced.ok())
            return reduced.error();
        if (r.startKey) {
            DD_ASSIGN(start, startPositionOf(r));
            DD_ASSIGN(reduced, reduceKeyConditions(r, &*r.startKey));
        }
        const KeyPart &hash = reduced->first;
        const std::optional<KeyPart> &range = reduced->second;
        if (r.target.index ? r.target.index->insights : table.insights)
            partition.emplace(keys.hash.name, hash.values[0]);
        pr.pk = model::encodeKeyValue(hash.values[0]);
        pr.hash = model::partitionHash(pr.pk);
        setSortBounds(pr, false, QByteArray(), range ? &*range : nullptr);
    }
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
        DD_ASSIGN(ReadCursor cursor, r.target.openPartition(c, pr, start));
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
