// KeyConditionExpression reduction; the checks and their messages follow
// dynalite's reproduction of DynamoDB.
#include "expr/keycondition.h"

#include "expr/ast.h"
#include "expr/compare.h"

namespace dd::expr {

namespace {

ApiError invalid(const QString &m)
{
    return ApiError::validation(QStringLiteral("Invalid KeyConditionExpression: ") + m);
}

ApiError plain(const QString &m)
{
    return ApiError::validation(m);
}

// Collects one key condition per key from an AND tree.
Result<void> collect(const Condition &c, std::vector<KeyCondition::Part> &parts)
{
    switch (c.kind) {
    case Condition::Kind::And:
        DD_CHECK(collect(c.children[0], parts));
        return collect(c.children[1], parts);
    case Condition::Kind::Or:
        return invalid(QStringLiteral("Invalid operator used in KeyConditionExpression: OR"));
    case Condition::Kind::Not:
        return invalid(QStringLiteral("Invalid operator used in KeyConditionExpression: NOT"));
    case Condition::Kind::In:
        return invalid(QStringLiteral("Invalid operator used in KeyConditionExpression: IN"));
    case Condition::Kind::Compare:
        if (c.op == CompareOp::Ne)
            return invalid(QStringLiteral("Invalid operator used in KeyConditionExpression: <>"));
        break;
    case Condition::Kind::Call:
        if (c.function != u"begins_with")
            return invalid(QStringLiteral("Invalid operator used in KeyConditionExpression: %1").arg(c.function));
        break;
    case Condition::Kind::Between:
        break;
    }

    for (const Operand &o : c.operands)
        if (o.kind == Operand::Kind::Call)
            return plain(QStringLiteral("KeyConditionExpressions cannot contain nested operations"));
    if ((c.kind == Condition::Kind::Between || c.kind == Condition::Kind::Call) && c.operands[0].kind != Operand::Kind::Path) {
        const QString op = c.kind == Condition::Kind::Between ? QStringLiteral("BETWEEN") : c.function;
        return invalid(QStringLiteral("Invalid condition in KeyConditionExpression: %1 operator must have the key attribute as its first operand").arg(op));
    }
    int pathIndex = -1;
    for (size_t i = 0; i < c.operands.size(); ++i) {
        const Operand &o = c.operands[i];
        if (o.kind != Operand::Kind::Path)
            continue;
        if (pathIndex >= 0)
            return invalid(QStringLiteral("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition"));
        if (o.path.elements.size() > 1)
            return plain(QStringLiteral("KeyConditionExpressions cannot have conditions on nested attributes"));
        pathIndex = int(i);
    }
    if (pathIndex < 0)
        return invalid(QStringLiteral("Invalid condition in KeyConditionExpression: No key attribute specified"));

    KeyCondition::Part part;
    part.attribute = std::get<QString>(c.operands[size_t(pathIndex)].path.elements[0]);
    for (const KeyCondition::Part &p : parts)
        if (p.attribute == part.attribute)
            return plain(QStringLiteral("KeyConditionExpressions must only contain one condition per key"));
    for (size_t i = 0; i < c.operands.size(); ++i)
        if (int(i) != pathIndex)
            part.values.push_back(c.operands[i].value);
    if (c.kind == Condition::Kind::Between) {
        part.op = KeyCondition::Op::Between;
    } else if (c.kind == Condition::Kind::Call) {
        part.op = KeyCondition::Op::BeginsWith;
    } else {
        // ":v < sk" is "sk > :v".
        const bool flipped = pathIndex == 1;
        switch (c.op) {
        case CompareOp::Eq: part.op = KeyCondition::Op::Eq; break;
        case CompareOp::Lt: part.op = flipped ? KeyCondition::Op::Gt : KeyCondition::Op::Lt; break;
        case CompareOp::Le: part.op = flipped ? KeyCondition::Op::Ge : KeyCondition::Op::Le; break;
        case CompareOp::Gt: part.op = flipped ? KeyCondition::Op::Lt : KeyCondition::Op::Gt; break;
        case CompareOp::Ge: part.op = flipped ? KeyCondition::Op::Le : KeyCondition::Op::Ge; break;
        case CompareOp::Ne: break; // rejected above
        }
    }
    parts.push_back(std::move(part));
    return Result<void>::success();
}

} // namespace

Result<KeyCondition> keyCondition(Expressions &expressions, const QString &text, const QString &partitionKey,
                                  const QString &sortKey)
{
    DD_ASSIGN(auto parsed, expressions.condition(text, QStringLiteral("KeyConditionExpression")));
    std::vector<KeyCondition::Part> parts;
    DD_CHECK(collect(*parsed, parts));

    KeyCondition kc;
    bool havePartition = false;
    bool unknownKey = false;
    for (KeyCondition::Part &p : parts) {
        if (p.attribute == partitionKey) {
            if (p.op != KeyCondition::Op::Eq)
                return plain(QStringLiteral("Query key condition not supported"));
            kc.partition = std::move(p);
            havePartition = true;
        } else if (!sortKey.isEmpty() && p.attribute == sortKey) {
            kc.sort = std::move(p);
        } else {
            unknownKey = true;
        }
    }
    // DynamoDB names the key element the conditions failed to cover.
    if (!havePartition)
        return plain(QStringLiteral("Query condition missed key schema element: %1").arg(partitionKey));
    if (unknownKey)
        return plain(QStringLiteral("Query condition missed key schema element: %1").arg(sortKey.isEmpty() ? partitionKey : sortKey));
    return kc;
}

Result<std::vector<KeyCondition::Part>> keyConditionParts(const Condition &parsed)
{
    std::vector<KeyCondition::Part> parts;
    DD_CHECK(collect(parsed, parts));
    return parts;
}

bool matchesSortKey(const KeyCondition::Part &part, const model::AttributeValue &value)
{
    auto cmp = [&](size_t i) { return compareOrdered(value, part.values[i]); };
    switch (part.op) {
    case KeyCondition::Op::Eq: return value == part.values[0];
    case KeyCondition::Op::Lt: { auto c = cmp(0); return c && *c < 0; }
    case KeyCondition::Op::Le: { auto c = cmp(0); return c && *c <= 0; }
    case KeyCondition::Op::Gt: { auto c = cmp(0); return c && *c > 0; }
    case KeyCondition::Op::Ge: { auto c = cmp(0); return c && *c >= 0; }
    case KeyCondition::Op::Between: {
        auto lo = cmp(0);
        auto hi = cmp(1);
        return lo && hi && *lo >= 0 && *hi <= 0;
    }
    case KeyCondition::Op::BeginsWith: {
        const model::AttributeValue &prefix = part.values[0];
        if (value.type() != prefix.type())
            return false;
        if (value.is(model::AttrType::S))
            return value.asString().startsWith(prefix.asString());
        if (value.is(model::AttrType::B))
            return value.asBinary().startsWith(prefix.asBinary());
        return false;
    }
    }
    return false;
}

} // namespace dd::expr
