// Legacy parameters translated into the expression AST. The checks and their
// order follow DynamoDB as dynalite reproduces it. Note that AWS reports
// these without the "Invalid ..." prefix of expression errors.
#include "expr/legacy.h"

#include "expr/compare.h"
#include "model/json.h"
#include "model/size.h"

#include <QJsonArray>

namespace dd::expr {

using model::AttrType;
using model::AttributeValue;

namespace {

ApiError invalid(const QString &m)
{
    return ApiError::validation(QStringLiteral("One or more parameter values were invalid: ") + m);
}

Operand pathOperand(const QString &attribute)
{
    Operand o;
    o.kind = Operand::Kind::Path;
    o.rawPath = {RawStep{RawStep::Kind::Name, attribute, 0}};
    o.path = Path{{attribute}};
    return o;
}

Operand valueOperand(const AttributeValue &v)
{
    Operand o;
    o.kind = Operand::Kind::Value;
    o.value = v;
    return o;
}

Condition call(const QString &function, std::vector<Operand> operands)
{
    Condition c;
    c.kind = Condition::Kind::Call;
    c.function = function;
    c.operands = std::move(operands);
    return c;
}

Condition compare(CompareOp op, const QString &attribute, const AttributeValue &v)
{
    Condition c;
    c.kind = Condition::Kind::Compare;
    c.op = op;
    c.operands = {pathOperand(attribute), valueOperand(v)};
    return c;
}

// The AST of one legacy condition (its values already validated).
Condition toCondition(const LegacyCondition &lc)
{
    const QString &op = lc.op;
    const QString &a = lc.attribute;
    if (op == u"EQ") return compare(CompareOp::Eq, a, lc.values[0]);
    if (op == u"NE") return compare(CompareOp::Ne, a, lc.values[0]);
    if (op == u"LT") return compare(CompareOp::Lt, a, lc.values[0]);
    if (op == u"LE") return compare(CompareOp::Le, a, lc.values[0]);
    if (op == u"GT") return compare(CompareOp::Gt, a, lc.values[0]);
    if (op == u"GE") return compare(CompareOp::Ge, a, lc.values[0]);
    if (op == u"NULL") return call(QStringLiteral("attribute_not_exists"), {pathOperand(a)});
    if (op == u"NOT_NULL") return call(QStringLiteral("attribute_exists"), {pathOperand(a)});
    if (op == u"CONTAINS") return call(QStringLiteral("contains"), {pathOperand(a), valueOperand(lc.values[0])});
    if (op == u"BEGINS_WITH") return call(QStringLiteral("begins_with"), {pathOperand(a), valueOperand(lc.values[0])});
    if (op == u"NOT_CONTAINS") {
        // A missing attribute contains nothing, so NOT_CONTAINS holds for it.
        Condition n;
        n.kind = Condition::Kind::Not;
        n.children.push_back(call(QStringLiteral("contains"), {pathOperand(a), valueOperand(lc.values[0])}));
        return n;
    }
    Condition c;
    c.kind = op == u"IN" ? Condition::Kind::In : Condition::Kind::Between;
    c.operands.push_back(pathOperand(a));
    for (const AttributeValue &v : lc.values)
        c.operands.push_back(valueOperand(v));
    return c;
}

// Joins conditions with AND or OR (left-deep); null for none.
std::shared_ptr<const Condition> combine(std::vector<Condition> parts, const QString &conditionalOperator)
{
    if (parts.empty())
        return nullptr;
    Condition acc = std::move(parts[0]);
    for (size_t i = 1; i < parts.size(); ++i) {
        Condition c;
        c.kind = conditionalOperator == u"OR" ? Condition::Kind::Or : Condition::Kind::And;
        c.children.push_back(std::move(acc));
        c.children.push_back(std::move(parts[i]));
        acc = std::move(c);
    }
    return std::make_shared<const Condition>(std::move(acc));
}

Result<std::vector<AttributeValue>> valueList(const QJsonValue &list)
{
    std::vector<AttributeValue> out;
    for (const QJsonValue &v : list.toArray()) {
        DD_ASSIGN(AttributeValue value, model::attributeFromJson(v));
        out.push_back(std::move(value));
    }
    return out;
}

// Operand counts by operator: exact, or at least one for IN.
bool validCount(const QString &op, size_t n)
{
    if (op == u"NULL" || op == u"NOT_NULL")
        return n == 0;
    if (op == u"IN")
        return n >= 1;
    if (op == u"BETWEEN")
        return n == 2;
    return n == 1;
}

bool sameType(const std::vector<AttributeValue> &values)
{
    for (const AttributeValue &v : values)
        if (v.type() != values.front().type())
            return false;
    return true;
}

Result<void> checkBetweenBounds(const LegacyCondition &c)
{
    if (c.op == u"BETWEEN" && c.values.size() == 2) {
        const auto order = compareOrdered(c.values[0], c.values[1]);
        if (order && *order > 0)
            return ApiError::validation(QStringLiteral("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound"));
    }
    return {};
}

} // namespace

Result<void> validateLegacyCondition(const LegacyCondition &c)
{
    if (!validCount(c.op, c.values.size()))
        return invalid(QStringLiteral("Invalid number of argument(s) for the %1 ComparisonOperator").arg(c.op));
    if (!c.values.empty() && !sameType(c.values))
        return invalid(QStringLiteral("AttributeValues inside AttributeValueList must be of same type"));
    // The types each operator accepts in filters and key conditions.
    for (const AttributeValue &v : c.values) {
        const AttrType t = v.type();
        const bool scalar = t == AttrType::S || t == AttrType::N || t == AttrType::B;
        bool ok = scalar;
        if (c.op == u"EQ" || c.op == u"NE")
            ok = scalar || v.isSet();
        else if (c.op == u"BEGINS_WITH")
            ok = t == AttrType::S || t == AttrType::B;
        if (!ok)
            return invalid(QStringLiteral("ComparisonOperator %1 is not valid for %2 AttributeValue type").arg(c.op, model::typeName(t)));
    }
    return checkBetweenBounds(c);
}

Result<std::shared_ptr<const Condition>> filterCondition(const QJsonObject &filter, const QString &conditionalOperator)
{
    std::vector<Condition> parts;
    for (auto it = filter.begin(); it != filter.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        LegacyCondition lc{it.key(), o.value(QLatin1String("ComparisonOperator")).toString(), {}};
        DD_ASSIGN(lc.values, valueList(o.value(QLatin1String("AttributeValueList"))));
        DD_CHECK(validateLegacyCondition(lc));
        parts.push_back(toCondition(lc));
    }
    return combine(std::move(parts), conditionalOperator);
}

Result<std::vector<LegacyCondition>> keyConditions(const QJsonObject &conditions)
{
    std::vector<LegacyCondition> out;
    for (auto it = conditions.begin(); it != conditions.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        LegacyCondition lc{it.key(), o.value(QLatin1String("ComparisonOperator")).toString(), {}};
        DD_ASSIGN(lc.values, valueList(o.value(QLatin1String("AttributeValueList"))));
        DD_CHECK(validateLegacyCondition(lc));
        out.push_back(std::move(lc));
    }
    return out;
}

Result<std::shared_ptr<const Condition>> expectedCondition(const QJsonObject &expected, const QString &conditionalOperator)
{
    std::vector<Condition> parts;
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const QString &key = it.key();
        const QJsonObject c = it.value().toObject();
        const auto present = [&c](const char *name) {
            const QJsonValue v = c.value(QLatin1String(name));
            return !v.isUndefined() && !v.isNull();
        };
        const bool hasList = present("AttributeValueList"), hasValue = present("Value");
        const bool hasOp = present("ComparisonOperator"), hasExists = present("Exists");
        if (hasList && hasValue)
            return invalid(QStringLiteral("Value and AttributeValueList cannot be used together for Attribute: %1").arg(key));
        LegacyCondition lc{key, QString(), {}};
        if (hasOp) {
            lc.op = c.value(QLatin1String("ComparisonOperator")).toString();
            if (hasExists)
                return invalid(QStringLiteral("Exists and ComparisonOperator cannot be used together for Attribute: %1").arg(key));
            if (lc.op != u"NULL" && lc.op != u"NOT_NULL" && !hasList && !hasValue)
                return invalid(QStringLiteral("Value or AttributeValueList must be used with ComparisonOperator: %1 for Attribute: %2").arg(lc.op, key));
            if (hasList) {
                DD_ASSIGN(lc.values, valueList(c.value(QLatin1String("AttributeValueList"))));
            } else if (hasValue) {
                DD_ASSIGN(AttributeValue v, model::attributeFromJson(c.value(QLatin1String("Value"))));
                lc.values.push_back(std::move(v));
            }
            if (!validCount(lc.op, lc.values.size()))
                return invalid(QStringLiteral("Invalid number of argument(s) for the %1 ComparisonOperator").arg(lc.op));
            if (!lc.values.empty() && !sameType(lc.values))
                return invalid(QStringLiteral("AttributeValues inside AttributeValueList must be of same type"));
            DD_CHECK(checkBetweenBounds(lc));
        } else if (hasList) {
            return invalid(QStringLiteral("AttributeValueList can only be used with a ComparisonOperator for Attribute: %1").arg(key));
        } else {
            const bool exists = !hasExists || c.value(QLatin1String("Exists")).toBool();
            if (exists && !hasValue)
                return invalid(QStringLiteral("Value must be provided when Exists is %1 for Attribute: %2")
                                   .arg(hasExists ? QStringLiteral("true") : QStringLiteral("null"), key));
            if (!exists && hasValue)
                return invalid(QStringLiteral("Value cannot be used when Exists is false for Attribute: %1").arg(key));
            if (hasValue) {
                DD_ASSIGN(AttributeValue v, model::attributeFromJson(c.value(QLatin1String("Value"))));
                lc.values.push_back(std::move(v));
                lc.op = QStringLiteral("EQ");
            } else {
                lc.op = QStringLiteral("NULL");
            }
        }
        parts.push_back(toCondition(lc));
    }
    return combine(std::move(parts), conditionalOperator);
}

Result<std::shared_ptr<const Update>> attributeUpdates(const QJsonObject &updates)
{
    auto update = std::make_shared<Update>();
    update->legacy = true;
    for (auto it = updates.begin(); it != updates.end(); ++it) {
        const QJsonObject u = it.value().toObject();
        const QString action = u.value(QLatin1String("Action")).toString(QStringLiteral("PUT"));
        const QJsonValue value = u.value(QLatin1String("Value"));
        const bool hasValue = !value.isUndefined() && !value.isNull();
        if (const QString why = model::attributeNameProblem(it.key()); !why.isEmpty())
            return invalid(why);
        UpdateAction a;
        a.rawPath = {RawStep{RawStep::Kind::Name, it.key(), 0}};
        a.path = Path{{it.key()}};
        if (hasValue) {
            DD_ASSIGN(AttributeValue v, model::attributeFromJson(value));
            a.value = valueOperand(v);
        }
        if (!hasValue && action != u"DELETE")
            return invalid(QStringLiteral("Only DELETE action is allowed when no attribute value is specified"));
        const AttrType t = a.value.value.type();
        if (action == u"DELETE") {
            if (hasValue && !a.value.value.isSet())
                return invalid(QStringLiteral("DELETE action with value is not supported for the type %1").arg(model::typeName(t)));
            // A DELETE without a value removes the attribute.
            a.kind = hasValue ? ActionKind::Delete : ActionKind::Remove;
        } else if (action == u"ADD") {
            if (!(t == AttrType::N || t == AttrType::L || a.value.value.isSet()))
                return invalid(QStringLiteral("ADD action is not supported for the type %1").arg(model::typeName(t)));
            a.kind = ActionKind::Add;
        } else {
            a.kind = ActionKind::Set;
        }
        update->paths.push_back(a.path);
        update->actions.push_back(std::move(a));
    }
    return std::shared_ptr<const Update>(std::move(update));
}

namespace {

ApiError typeMismatch()
{
    return ApiError::validation(QStringLiteral("Type mismatch for attribute to update"));
}

template <typename T>
std::vector<T> without(const std::vector<T> &from, const std::vector<T> &remove)
{
    std::vector<T> out;
    for (const T &x : from)
        if (std::find(remove.begin(), remove.end(), x) == remove.end())
            out.push_back(x);
    return out;
}

template <typename T>
std::vector<T> concat(std::vector<T> a, const std::vector<T> &b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

} // namespace

Result<model::Item> applyAttributeUpdates(const Update &update, const model::Item &item)
{
    model::Item out = item;
    for (const UpdateAction &a : update.actions) {
        const QString name = std::get<QString>(a.path.elements.front());
        const auto existing = out.find(name);
        const AttributeValue &v = a.value.value;
        switch (a.kind) {
        case ActionKind::Set:
            out[name] = v;
            break;
        case ActionKind::Remove:
            out.erase(name);
            break;
        case ActionKind::Add: {
            if (existing == out.end()) {
                out[name] = v;
                break;
            }
            const AttributeValue &old = existing->second;
            if (old.type() != v.type())
                return typeMismatch();
            switch (v.type()) {
            case AttrType::N: {
                DD_ASSIGN(model::Number sum, model::Number::add(old.asNumber(), v.asNumber()));
                existing->second = AttributeValue::number(std::move(sum));
                break;
            }
            case AttrType::L: existing->second = AttributeValue::list(concat(old.asList(), v.asList())); break;
            case AttrType::SS: existing->second = AttributeValue::stringSet(concat(old.asStringSet(), v.asStringSet())); break;
            case AttrType::NS: existing->second = AttributeValue::numberSet(concat(old.asNumberSet(), v.asNumberSet())); break;
            case AttrType::BS: existing->second = AttributeValue::binarySet(concat(old.asBinarySet(), v.asBinarySet())); break;
            default: return typeMismatch();
            }
            break;
        }
        case ActionKind::Delete: {
            if (existing == out.end())
                break;
            const AttributeValue &old = existing->second;
            if (old.type() != v.type())
                return typeMismatch();
            AttributeValue rest;
            bool empty = false;
            switch (v.type()) {
            case AttrType::SS: { auto s = without(old.asStringSet(), v.asStringSet()); empty = s.empty(); rest = AttributeValue::stringSet(std::move(s)); break; }
            case AttrType::NS: { auto s = without(old.asNumberSet(), v.asNumberSet()); empty = s.empty(); rest = AttributeValue::numberSet(std::move(s)); break; }
            case AttrType::BS: { auto s = without(old.asBinarySet(), v.asBinarySet()); empty = s.empty(); rest = AttributeValue::binarySet(std::move(s)); break; }
            default: return typeMismatch();
            }
            if (empty)
                out.erase(existing);
            else
                existing->second = std::move(rest);
            break;
        }
        }
    }
    return out;
}

} // namespace dd::expr
