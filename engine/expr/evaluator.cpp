// Evaluation of resolved conditions against an item. DynamoDB's rules: a
// comparison whose operands are missing or of different types is false
// (and <> is then true); size() of a type without a size yields nothing.
#include "expr/ast.h"
#include "expr/compare.h"
#include "expr/document.h"

#include <optional>

namespace dd::expr {

using model::AttrType;
using model::AttributeValue;

namespace {

// An operand's value: borrowed from the item or the tree, or computed.
class Value {
public:
    Value() = default;
    explicit Value(const AttributeValue *borrowed) : m_ptr(borrowed) {}
    explicit Value(AttributeValue owned) : m_owned(std::move(owned)), m_ptr(&*m_owned) {}
    Value(const Value &) = delete;
    Value(Value &&o) noexcept : m_owned(std::move(o.m_owned)), m_ptr(m_owned ? &*m_owned : o.m_ptr) {}

    explicit operator bool() const { return m_ptr != nullptr; }
    const AttributeValue &operator*() const { return *m_ptr; }
    const AttributeValue *operator->() const { return m_ptr; }

private:
    std::optional<AttributeValue> m_owned;
    const AttributeValue *m_ptr = nullptr;
};

std::optional<qint64> sizeOf(const AttributeValue &v)
{
    switch (v.type()) {
    case AttrType::S: return model::utf8Length(v.asString());
    case AttrType::B: return v.asBinary().size();
    case AttrType::SS: return qint64(v.asStringSet().size());
    case AttrType::NS: return qint64(v.asNumberSet().size());
    case AttrType::BS: return qint64(v.asBinarySet().size());
    case AttrType::L: return qint64(v.asList().size());
    case AttrType::M: return qint64(v.asMap().size());
    default: return std::nullopt;
    }
}

Value operandValue(const Operand &o, const model::Item &item)
{
    switch (o.kind) {
    case Operand::Kind::Path:
        return Value(lookup(item, o.path));
    case Operand::Kind::Value:
        return Value(&o.value);
    case Operand::Kind::Call:
        if (o.function == u"size" && o.args.size() == 1) {
            Value arg = operandValue(o.args[0], item);
            if (!arg)
                return Value();
            auto n = sizeOf(*arg);
            if (!n)
                return Value();
            auto num = model::Number::parse(QString::number(*n));
            return num.ok() ? Value(AttributeValue::number(num.value())) : Value();
        }
        return Value();
    default:
        return Value();
    }
}

bool compare(CompareOp op, const Value &a, const Value &b)
{
    if (op == CompareOp::Eq)
        return a && b && *a == *b;
    if (op == CompareOp::Ne)
        return !(a && b && *a == *b);
    if (!a || !b)
        return false;
    auto c = compareOrdered(*a, *b);
    if (!c)
        return false;
    switch (op) {
    case CompareOp::Lt: return *c < 0;
    case CompareOp::Le: return *c <= 0;
    case CompareOp::Gt: return *c > 0;
    case CompareOp::Ge: return *c >= 0;
    default: return false;
    }
}

bool beginsWith(const AttributeValue &a, const AttributeValue &prefix)
{
    if (a.type() != prefix.type())
        return false;
    if (a.is(AttrType::S))
        return a.asString().startsWith(prefix.asString());
    if (a.is(AttrType::B))
        return a.asBinary().startsWith(prefix.asBinary());
    return false;
}

bool contains(const AttributeValue &a, const AttributeValue &x)
{
    switch (a.type()) {
    case AttrType::S:
        return x.is(AttrType::S) && a.asString().contains(x.asString());
    case AttrType::B:
        return x.is(AttrType::B) && a.asBinary().contains(x.asBinary());
    case AttrType::SS:
        return x.is(AttrType::S) && std::find(a.asStringSet().begin(), a.asStringSet().end(), x.asString()) != a.asStringSet().end();
    case AttrType::NS:
        return x.is(AttrType::N) && std::find(a.asNumberSet().begin(), a.asNumberSet().end(), x.asNumber()) != a.asNumberSet().end();
    case AttrType::BS:
        return x.is(AttrType::B) && std::find(a.asBinarySet().begin(), a.asBinarySet().end(), x.asBinary()) != a.asBinarySet().end();
    case AttrType::L:
        return std::find(a.asList().begin(), a.asList().end(), x) != a.asList().end();
    default:
        return false;
    }
}

bool callFunction(const Condition &c, const model::Item &item)
{
    const QString &f = c.function;
    if (f == u"attribute_exists")
        return bool(operandValue(c.operands[0], item));
    if (f == u"attribute_not_exists")
        return !operandValue(c.operands[0], item);
    Value a = operandValue(c.operands[0], item);
    Value b = operandValue(c.operands[1], item);
    if (!a || !b)
        return false;
    if (f == u"attribute_type")
        return b->is(AttrType::S) && model::typeName(a->type()) == b->asString();
    if (f == u"begins_with")
        return beginsWith(*a, *b);
    if (f == u"contains")
        return contains(*a, *b);
    return false;
}

bool eval(const Condition &c, const model::Item &item)
{
    switch (c.kind) {
    case Condition::Kind::Or:
        return eval(c.children[0], item) || eval(c.children[1], item);
    case Condition::Kind::And:
        return eval(c.children[0], item) && eval(c.children[1], item);
    case Condition::Kind::Not:
        return !eval(c.children[0], item);
    case Condition::Kind::Compare:
        return compare(c.op, operandValue(c.operands[0], item), operandValue(c.operands[1], item));
    case Condition::Kind::Between: {
        Value v = operandValue(c.operands[0], item);
        Value low = operandValue(c.operands[1], item);
        Value high = operandValue(c.operands[2], item);
        return compare(CompareOp::Ge, v, low) && compare(CompareOp::Le, v, high);
    }
    case Condition::Kind::In: {
        Value v = operandValue(c.operands[0], item);
        if (!v)
            return false;
        for (size_t i = 1; i < c.operands.size(); ++i) {
            Value candidate = operandValue(c.operands[i], item);
            if (candidate && *candidate == *v)
                return true;
        }
        return false;
    }
    case Condition::Kind::Call:
        return callFunction(c, item);
    }
    return false;
}

} // namespace

Result<bool> evaluate(const Condition &condition, const model::Item &item)
{
    return eval(condition, item);
}

} // namespace dd::expr
