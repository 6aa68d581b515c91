// A Query's key conditions reduced to the range of stored keys it reads.
// Single-attribute keys take AWS's historical rules (one or two conditions,
// EQ on the partition key); multi-attribute keys an equality on every
// partition attribute and sort attributes from the first on without a gap.
#include "api/querykeyrange.h"
#include "api/keys.h"
#include "expr/compare.h"
#include "expr/keycondition.h"
#include "model/keycodec.h"

namespace dd::api {

namespace {

using model::AttributeValue;
using namespace Qt::StringLiterals;

// What the reductions below read of the request.
struct QueryKeys {
    const ReadTarget &target;
    const std::vector<expr::LegacyCondition> &parts;
    const std::optional<model::Item> &startKey;
};

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

// The position after ExclusiveStartKey: a table's key is checked as a Key
// parameter; an index's table part with AWS's "starting key" prefix.
Result<StartPosition> startPositionOf(const QueryKeys &r)
{
    if (r.target.index)
        return r.target.startPosition(*r.startKey);
    DD_ASSIGN(ItemKey key, keyFromKeyParameter(*r.target.table, *r.startKey));
    return StartPosition{key.stored, std::nullopt};
}

// The key conditions of either form, each checked as a condition.
Result<std::vector<KeyPart>> keyConditionParts(const ParsedExpressions &ex)
{
    std::vector<KeyPart> parts;
    if (ex.keyConditions) {
        parts = *ex.keyConditions;
    } else {
        DD_ASSIGN(auto exprParts, expr::keyConditionParts(*ex.keyCondition));
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
Result<storage::PartitionRange> compositeKeyRange(const QueryKeys &r, const model::Item *start)
{
    const std::vector<KeyPart> &parts = r.parts;
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

// Reduces the key conditions against a single-attribute key schema, with
// AWS's messages, returning {partition condition, sort condition if any}.
// With `start`, the checks of ExclusiveStartKey against the conditions.
Result<std::pair<KeyPart, std::optional<KeyPart>>> reduceKeyConditions(const QueryKeys &r, const model::Item *start)
{
    const std::vector<KeyPart> &parts = r.parts;
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

} // namespace

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

Result<QueryKeyRange> queryKeyRange(const ReadTarget &target, const ParsedExpressions &ex, const std::optional<model::Item> &startKey)
{
    if (startKey && startKey->size() != target.startKeyElements().size())
        return ApiError::validation(QStringLiteral("The provided starting key is invalid"));
    // The start key's own checks (types, empty values, sizes) come with the
    // key conditions, attribute by attribute; the encoded key after them.
    DD_ASSIGN(const std::vector<KeyPart> parts, keyConditionParts(ex));
    const QueryKeys r{target, parts, startKey};
    QueryKeyRange out;
    if (target.keys.composite()) {
        DD_CHECK(compositeKeyRange(r, nullptr));
        if (startKey) {
            DD_ASSIGN(out.start, startPositionOf(r));
        }
        DD_ASSIGN(out.range, compositeKeyRange(r, startKey ? &*startKey : nullptr));
        return out;
    }
    auto reduced = reduceKeyConditions(r, nullptr);
    if (!reduced.ok())
        return reduced.error();
    if (startKey) {
        DD_ASSIGN(out.start, startPositionOf(r));
        DD_ASSIGN(reduced, reduceKeyConditions(r, &*startKey));
    }
    const KeyPart &hash = reduced->first;
    const std::optional<KeyPart> &range = reduced->second;
    out.partitionValue = hash.values[0];
    out.range.pk = model::encodeKeyValue(hash.values[0]);
    out.range.hash = model::partitionHash(out.range.pk);
    setSortBounds(out.range, false, QByteArray(), range ? &*range : nullptr);
    return out;
}

} // namespace dd::api
