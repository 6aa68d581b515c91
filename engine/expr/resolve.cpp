// Resolve pass. Problems are collected by category and the first one of
// the most important category is reported, because DynamoDB validates the
// whole expression before answering and reports e.g. a reserved word ahead
// of an undefined :value that appears earlier in the text (the priority
// orders follow dynalite's reproduction of AWS's behaviour).
#include "expr/resolve.h"

#include "expr/compare.h"
#include "expr/reservedwords.h"

#include <array>

namespace dd::expr {

using model::AttrType;
using model::AttributeValue;

namespace {

enum class Check {
    TooManyIn, Nesting, IndexRange, RedundantParens, UnknownFunction, MisusedFunction, Reserved, Section, Undefined,
    Overlap, Conflict, OperandCount, Distinct, OperandType, FunctionType, Count
};

const QString kIncorrectOperand = QStringLiteral("Incorrect operand type for operator or function; operator or function: %1, operand type: %2");

bool isConditionFunction(const QString &f)
{
    return f == u"attribute_exists" || f == u"attribute_not_exists" || f == u"attribute_type" || f == u"begins_with"
        || f == u"contains";
}

bool isUpdateFunction(const QString &f) { return f == u"if_not_exists" || f == u"list_append"; }

QString literalText(const AttributeValue &v)
{
    switch (v.type()) {
    case AttrType::S: return v.asString();
    case AttrType::N: return v.asNumber().toString();
    case AttrType::B: return QString::fromLatin1(v.asBinary().toBase64());
    default: return QString();
    }
}

class Resolver {
public:
    explicit Resolver(const ResolveContext &ctx) : m_ctx(ctx) {}

    void report(Check c, const QString &message)
    {
        auto &slot = m_slots[size_t(c)];
        if (!slot)
            slot = message;
    }

    std::optional<QString> first(std::initializer_list<Check> order) const
    {
        for (Check c : order)
            if (m_slots[size_t(c)])
                return m_slots[size_t(c)];
        return std::nullopt;
    }

    Path resolvePath(const std::vector<RawStep> &raw)
    {
        Path p;
        for (const RawStep &s : raw) {
            switch (s.kind) {
            case RawStep::Kind::Name:
                if (isReservedWord(s.text))
                    report(Check::Reserved, QStringLiteral("Attribute name is a reserved keyword; reserved keyword: %1").arg(s.text));
                p.elements.emplace_back(s.text);
                break;
            case RawStep::Kind::NameRef: {
                auto it = m_ctx.names->find(s.text);
                if (it == m_ctx.names->end()) {
                    report(Check::Undefined, QStringLiteral("An expression attribute name used in the document path is not defined; attribute name: %1").arg(s.text));
                    p.elements.emplace_back(s.text);
                } else {
                    m_ctx.usedNames->insert(s.text);
                    p.elements.emplace_back(it->second);
                }
                break;
            }
            case RawStep::Kind::Index:
                if (s.index < 0)
                    report(Check::IndexRange, QStringLiteral("List index is not within the allowable range; index: [%1]").arg(s.text));
                p.elements.emplace_back(std::max<qint64>(s.index, 0));
                break;
            }
        }
        if (p.elements.size() > size_t(kMaxPathDepth))
            report(Check::Nesting, QStringLiteral("The document path has too many nesting levels; nesting levels: %1").arg(p.elements.size()));
        return p;
    }

    void resolveValue(Operand &o)
    {
        auto it = m_ctx.values->find(o.valueRef);
        if (it == m_ctx.values->end()) {
            report(Check::Undefined, QStringLiteral("An expression attribute value used in expression is not defined; attribute value: %1").arg(o.valueRef));
            return;
        }
        m_ctx.usedValues->insert(o.valueRef);
        o.value = it->second;
    }

    void checkParens(int parens)
    {
        if (parens >= 2)
            report(Check::RedundantParens, QStringLiteral("The expression has redundant parentheses;"));
    }

    // The type an operand has before evaluation: a literal's type, or N for
    // size(). Paths and other functions are unknown until run time.
    static std::optional<AttrType> staticType(const Operand &o)
    {
        if (o.kind == Operand::Kind::Value)
            return o.value.type();
        if (o.kind == Operand::Kind::Call && o.function == u"size")
            return AttrType::N;
        return std::nullopt;
    }

    bool operandCount(const QString &function, const std::vector<Operand> &args, size_t expected)
    {
        if (args.size() == expected)
            return true;
        report(Check::OperandCount, QStringLiteral("Incorrect number of operands for operator or function; operator or function: %1, number of operands: %2")
                                        .arg(function).arg(args.size()));
        return false;
    }

    void checkDistinct(const QString &op, const Operand &a, const Operand &b)
    {
        if (a.kind == Operand::Kind::Path && b.kind == Operand::Kind::Path && a.path.elements == b.path.elements)
            report(Check::Distinct, QStringLiteral("The first operand must be distinct from the remaining operands for this operator or function; operator: %1, first operand: %2")
                                        .arg(op, pathListText(a.path)));
    }

    // ---- conditions ----

    void conditionOperand(Operand &o)
    {
        checkParens(o.parens);
        switch (o.kind) {
        case Operand::Kind::Path:
            o.path = resolvePath(o.rawPath);
            break;
        case Operand::Kind::Value:
            resolveValue(o);
            break;
        case Operand::Kind::Call:
            for (Operand &a : o.args)
                conditionOperand(a);
            if (o.function == u"size") {
                if (operandCount(o.function, o.args, 1)) {
                    auto t = staticType(o.args[0]);
                    if (t && (*t == AttrType::N || *t == AttrType::BOOL || *t == AttrType::NUL))
                        report(Check::FunctionType, kIncorrectOperand.arg(o.function, model::typeName(*t)));
                }
            } else if (isConditionFunction(o.function)) {
                report(Check::MisusedFunction, QStringLiteral("The function is not allowed to be used this way in an expression; function: %1").arg(o.function));
            } else if (isUpdateFunction(o.function)) {
                report(Check::MisusedFunction, QStringLiteral("The function is not allowed in a condition expression; function: %1").arg(o.function));
            } else {
                report(Check::UnknownFunction, QStringLiteral("Invalid function name; function: %1").arg(o.function));
            }
            break;
        case Operand::Kind::Plus:
        case Operand::Kind::Minus:
            break; // not produced by the condition grammar
        }
    }

    void orderedOperand(const QString &op, const Operand &o)
    {
        auto t = staticType(o);
        if (t && !isOrderable(*t))
            report(Check::OperandType, kIncorrectOperand.arg(op, model::typeName(*t)));
    }

    void conditionFunction(Condition &c)
    {
        for (Operand &a : c.operands)
            conditionOperand(a);
        const QString &f = c.function;
        if (f == u"size") {
            report(Check::MisusedFunction, QStringLiteral("The function is not allowed to be used this way in an expression; function: size"));
            return;
        }
        if (isUpdateFunction(f)) {
            report(Check::MisusedFunction, QStringLiteral("The function is not allowed in a condition expression; function: %1").arg(f));
            return;
        }
        if (!isConditionFunction(f)) {
            report(Check::UnknownFunction, QStringLiteral("Invalid function name; function: %1").arg(f));
            return;
        }
        const size_t expected = (f == u"attribute_exists" || f == u"attribute_not_exists") ? 1 : 2;
        if (!operandCount(f, c.operands, expected))
            return;
        if (expected == 2)
            checkDistinct(f, c.operands[0], c.operands[1]);
        const bool needsPath = f == u"attribute_exists" || f == u"attribute_not_exists" || f == u"attribute_type";
        if (needsPath && c.operands[0].kind != Operand::Kind::Path) {
            report(Check::FunctionType, QStringLiteral("Operator or function requires a document path; operator or function: %1").arg(f));
            return;
        }
        if (f == u"attribute_type") {
            const Operand &t = c.operands[1];
            auto type = staticType(t);
            if (type != AttrType::S) {
                const QString name = type ? model::typeName(*type) : QStringLiteral("{NS,SS,L,BS,N,M,B,BOOL,NULL,S}");
                report(Check::FunctionType, kIncorrectOperand.arg(f, name));
            } else if (!model::typeFromName(t.value.asString())) {
                report(Check::FunctionType, QStringLiteral("Invalid attribute type name found; type: %1, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}").arg(t.value.asString()));
            }
        } else if (f == u"begins_with") {
            for (const Operand &o : c.operands) {
                auto type = staticType(o);
                if (type && *type != AttrType::S && *type != AttrType::B) {
                    report(Check::FunctionType, kIncorrectOperand.arg(f, model::typeName(*type)));
                    break;
                }
            }
        }
    }

    void condition(Condition &c)
    {
        checkParens(c.parens);
        switch (c.kind) {
        case Condition::Kind::Or:
        case Condition::Kind::And:
        case Condition::Kind::Not:
            for (Condition &child : c.children)
                condition(child);
            break;
        case Condition::Kind::Compare: {
            for (Operand &o : c.operands)
                conditionOperand(o);
            const QString op = compareOpText(c.op);
            checkDistinct(op, c.operands[0], c.operands[1]);
            if (c.op != CompareOp::Eq && c.op != CompareOp::Ne)
                for (const Operand &o : c.operands)
                    orderedOperand(op, o);
            break;
        }
        case Condition::Kind::Between: {
            for (Operand &o : c.operands)
                conditionOperand(o);
            const QString op = QStringLiteral("BETWEEN");
            for (const Operand &o : c.operands)
                orderedOperand(op, o);
            const Operand &low = c.operands[1];
            const Operand &high = c.operands[2];
            if (low.kind == Operand::Kind::Value && high.kind == Operand::Kind::Value && isOrderable(low.value.type())
                && isOrderable(high.value.type())) {
                const QString bounds = QStringLiteral("lower bound operand: AttributeValue: {%1:%2}, upper bound operand: AttributeValue: {%3:%4}")
                                           .arg(model::typeName(low.value.type()), literalText(low.value),
                                                model::typeName(high.value.type()), literalText(high.value));
                if (low.value.type() != high.value.type())
                    report(Check::OperandType, QStringLiteral("The BETWEEN operator requires same data type for lower and upper bounds; ") + bounds);
                else if (compareOrdered(low.value, high.value).value_or(0) > 0)
                    report(Check::OperandType, QStringLiteral("The BETWEEN operator requires upper bound to be greater than or equal to lower bound; ") + bounds);
            }
            break;
        }
        case Condition::Kind::In:
            for (Operand &o : c.operands)
                conditionOperand(o);
            if (c.operands.size() - 1 > size_t(kMaxInOperands))
                report(Check::TooManyIn, QStringLiteral("The IN operator is provided with too many operands; number of operands: %1").arg(c.operands.size() - 1));
            for (size_t i = 1; i < c.operands.size(); ++i)
                checkDistinct(QStringLiteral("IN"), c.operands[0], c.operands[i]);
            break;
        case Condition::Kind::Call:
            conditionFunction(c);
            break;
        }
    }

    // ---- update ----

    void updateOperand(Operand &o, bool insideListAppend)
    {
        switch (o.kind) {
        case Operand::Kind::Path:
            o.path = resolvePath(o.rawPath);
            break;
        case Operand::Kind::Value:
            resolveValue(o);
            break;
        case Operand::Kind::Plus:
        case Operand::Kind::Minus: {
            for (Operand &a : o.args)
                updateOperand(a, false);
            const QString op = o.kind == Operand::Kind::Plus ? QStringLiteral("+") : QStringLiteral("-");
            for (const Operand &a : o.args)
                if (a.kind == Operand::Kind::Value && a.value.type() != AttrType::N) {
                    report(Check::FunctionType, kIncorrectOperand.arg(op, model::typeName(a.value.type())));
                    break;
                }
            break;
        }
        case Operand::Kind::Call: {
            const QString &f = o.function;
            const bool isListAppend = f == u"list_append";
            for (Operand &a : o.args)
                updateOperand(a, isListAppend);
            if (isConditionFunction(f) || f == u"size") {
                report(Check::MisusedFunction, QStringLiteral("The function is not allowed in an update expression; function: %1").arg(f));
                break;
            }
            if (!isUpdateFunction(f)) {
                report(Check::UnknownFunction, QStringLiteral("Invalid function name; function: %1").arg(f));
                break;
            }
            if (isListAppend && insideListAppend)
                report(Check::MisusedFunction, QStringLiteral("The function is not allowed to be used this way in an expression; function: list_append"));
            if (!operandCount(f, o.args, 2))
                break;
            if (f == u"if_not_exists") {
                if (o.args[0].kind != Operand::Kind::Path)
                    report(Check::FunctionType, QStringLiteral("Operator or function requires a document path; operator or function: if_not_exists"));
            } else {
                for (const Operand &a : o.args)
                    if (a.kind == Operand::Kind::Value && a.value.type() != AttrType::L) {
                        report(Check::FunctionType, kIncorrectOperand.arg(f, model::typeName(a.value.type())));
                        break;
                    }
            }
            break;
        }
        }
    }

    void addDeleteOperand(ActionKind kind, Operand &o)
    {
        resolveValue(o);
        if (!m_ctx.values->count(o.valueRef))
            return;
        static const std::array<const char *, 10> names = {"STRING", "NUMBER", "BINARY", "BOOLEAN", "NULL", "MAP", "LIST", nullptr, nullptr, nullptr};
        const AttrType t = o.value.type();
        const bool allowed = o.value.isSet() || (kind == ActionKind::Add && t == AttrType::N);
        if (!allowed)
            report(Check::OperandType, QStringLiteral("Incorrect operand type for operator or function; operator: %1, operand type: %2")
                                           .arg(actionKindText(kind), QLatin1String(names[size_t(t)])));
    }

    // DynamoDB rejects two paths where one is a prefix of the other
    // (overlap) or where they name the same position as a map member and as
    // a list element (conflict).
    void checkPaths(std::vector<Path> &seen, const Path &p)
    {
        for (const Path &q : seen) {
            bool diverged = false;
            const size_t n = std::min(q.elements.size(), p.elements.size());
            for (size_t i = 0; i < n && !diverged; ++i) {
                if (q.elements[i].index() != p.elements[i].index()) {
                    report(Check::Conflict, QStringLiteral("Two document paths conflict with each other; must remove or rewrite one of these paths; path one: %1, path two: %2")
                                                .arg(pathListText(q), pathListText(p)));
                    diverged = true;
                } else if (q.elements[i] != p.elements[i]) {
                    diverged = true;
                }
            }
            if (!diverged) {
                report(Check::Overlap, QStringLiteral("Two document paths overlap with each other; must remove or rewrite one of these paths; path one: %1, path two: %2")
                                           .arg(pathListText(q), pathListText(p)));
                return;
            }
        }
        seen.push_back(p);
    }

private:
    const ResolveContext &m_ctx;
    std::array<std::optional<QString>, size_t(Check::Count)> m_slots;
};

} // namespace

QString pathListText(const Path &path)
{
    QStringList parts;
    for (const PathElement &e : path.elements) {
        if (const qint64 *i = std::get_if<qint64>(&e))
            parts << QStringLiteral("[%1]").arg(*i);
        else
            parts << std::get<QString>(e);
    }
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

std::optional<QString> resolveCondition(Condition &condition, const ResolveContext &ctx)
{
    Resolver r(ctx);
    r.condition(condition);
    return r.first({Check::TooManyIn, Check::Nesting, Check::IndexRange, Check::RedundantParens, Check::UnknownFunction, Check::MisusedFunction,
                    Check::Reserved, Check::Undefined, Check::OperandCount, Check::Distinct, Check::OperandType,
                    Check::FunctionType});
}

std::optional<QString> resolveUpdate(Update &update, const ResolveContext &ctx)
{
    Resolver r(ctx);
    std::array<bool, 4> seenClause{};
    for (ActionKind k : update.clauses) {
        if (seenClause[size_t(k)])
            r.report(Check::Section, QStringLiteral("The \"%1\" section can only be used once in an update expression;").arg(actionKindText(k)));
        seenClause[size_t(k)] = true;
    }
    std::vector<Path> seen;
    update.paths.clear();
    for (UpdateAction &a : update.actions) {
        a.path = r.resolvePath(a.rawPath);
        r.checkPaths(seen, a.path);
        update.paths.push_back(a.path);
        if (a.kind == ActionKind::Set)
            r.updateOperand(a.value, false);
        else if (a.kind == ActionKind::Add || a.kind == ActionKind::Delete)
            r.addDeleteOperand(a.kind, a.value);
    }
    return r.first({Check::Nesting, Check::IndexRange, Check::Reserved, Check::UnknownFunction, Check::MisusedFunction, Check::Section,
                    Check::Undefined, Check::Overlap, Check::Conflict, Check::OperandType, Check::OperandCount,
                    Check::FunctionType});
}

std::optional<QString> resolveProjection(Projection &projection, const ResolveContext &ctx)
{
    Resolver r(ctx);
    std::vector<Path> seen;
    projection.paths.clear();
    for (const auto &raw : projection.rawPaths) {
        Path p = r.resolvePath(raw);
        r.checkPaths(seen, p);
        projection.paths.push_back(std::move(p));
    }
    return r.first({Check::Nesting, Check::IndexRange, Check::Reserved, Check::Undefined, Check::Overlap, Check::Conflict});
}

} // namespace dd::expr
