// Recursive-descent parser; see parser.h for the grammar.
#include "expr/parser.h"

namespace dd::expr {

using namespace Qt::Literals::StringLiterals;

const Token &Parser::peek(size_t ahead) const
{
    const size_t i = std::min(m_pos + ahead, m_tokens.size() - 1);
    return m_tokens[i];
}

bool Parser::accept(TokenKind k)
{
    if (peek().is(k)) {
        ++m_pos;
        return true;
    }
    return fail();
}

bool Parser::fail()
{
    m_fail = std::max(m_fail, m_pos);
    return false;
}

bool Parser::isConditionKeyword(const Token &t) const
{
    return t.isKeyword("AND"_L1) || t.isKeyword("OR"_L1) || t.isKeyword("NOT"_L1) || t.isKeyword("BETWEEN"_L1)
        || t.isKeyword("IN"_L1);
}

bool Parser::isClauseKeyword(const Token &t) const
{
    return t.isKeyword("SET"_L1) || t.isKeyword("REMOVE"_L1) || t.isKeyword("ADD"_L1) || t.isKeyword("DELETE"_L1);
}

bool Parser::isKeyword(Grammar g, const Token &t) const
{
    switch (g) {
    case Grammar::Condition: return isConditionKeyword(t);
    case Grammar::Update: return isClauseKeyword(t);
    case Grammar::Projection: return false;
    }
    return false;
}

// ---- conditions -----------------------------------------------------------

std::optional<Condition> Parser::parseCondition()
{
    auto c = orExpr();
    if (!c)
        return std::nullopt;
    if (!peek().is(TokenKind::End)) {
        fail();
        return std::nullopt;
    }
    return c;
}

std::optional<Condition> Parser::orExpr()
{
    auto left = andExpr();
    if (!left)
        return std::nullopt;
    while (peek().isKeyword("OR"_L1)) {
        ++m_pos;
        auto right = andExpr();
        if (!right)
            return std::nullopt;
        Condition c;
        c.kind = Condition::Kind::Or;
        c.children.push_back(std::move(*left));
        c.children.push_back(std::move(*right));
        left = std::move(c);
    }
    return left;
}

std::optional<Condition> Parser::andExpr()
{
    auto left = notExpr();
    if (!left)
        return std::nullopt;
    while (peek().isKeyword("AND"_L1)) {
        ++m_pos;
        auto right = notExpr();
        if (!right)
            return std::nullopt;
        Condition c;
        c.kind = Condition::Kind::And;
        c.children.push_back(std::move(*left));
        c.children.push_back(std::move(*right));
        left = std::move(c);
    }
    return left;
}

std::optional<Condition> Parser::notExpr()
{
    if (peek().isKeyword("NOT"_L1)) {
        ++m_pos;
        Nest nest{*this};
        if (!enter())
            return std::nullopt;
        auto inner = notExpr();
        if (!inner)
            return std::nullopt;
        Condition c;
        c.kind = Condition::Kind::Not;
        c.children.push_back(std::move(*inner));
        return c;
    }
    return primary();
}

std::optional<Condition> Parser::primary()
{
    // "(" opens either a condition or a parenthesized operand such as
    // "(size(a)) > :v"; the token after the matching ")" tells which, so
    // the parser never backtracks (which could take exponential time on
    // deeply nested parentheses).
    if (peek().is(TokenKind::LParen)) {
        const Token &after = m_tokens[std::min(matchingParen(m_pos) + 1, m_tokens.size() - 1)];
        const bool operandFollows = (after.kind >= TokenKind::Eq && after.kind <= TokenKind::Ge)
            || after.isKeyword("BETWEEN"_L1) || after.isKeyword("IN"_L1);
        if (!operandFollows) {
            ++m_pos;
            Nest nest{*this};
            if (!enter())
                return std::nullopt;
            auto inner = orExpr();
            if (!inner || !accept(TokenKind::RParen))
                return std::nullopt;
            ++inner->parens;
            return inner;
        }
    }
    return comparison();
}

size_t Parser::matchingParen(size_t open) const
{
    int depth = 0;
    for (size_t i = open; i < m_tokens.size(); ++i) {
        if (m_tokens[i].is(TokenKind::LParen))
            ++depth;
        else if (m_tokens[i].is(TokenKind::RParen) && --depth == 0)
            return i;
    }
    return m_tokens.size() - 1;
}

std::optional<Condition> Parser::comparison()
{
    auto left = operand(Grammar::Condition);
    if (!left)
        return std::nullopt;
    const Token &t = peek();
    Condition c;
    if (t.kind >= TokenKind::Eq && t.kind <= TokenKind::Ge) {
        static const CompareOp ops[] = {CompareOp::Eq, CompareOp::Ne, CompareOp::Lt, CompareOp::Le, CompareOp::Gt, CompareOp::Ge};
        c.kind = Condition::Kind::Compare;
        c.op = ops[int(t.kind) - int(TokenKind::Eq)];
        ++m_pos;
        auto right = operand(Grammar::Condition);
        if (!right)
            return std::nullopt;
        c.operands.push_back(std::move(*left));
        c.operands.push_back(std::move(*right));
        return c;
    }
    if (t.isKeyword("BETWEEN"_L1)) {
        ++m_pos;
        auto low = operand(Grammar::Condition);
        if (!low)
            return std::nullopt;
        if (!peek().isKeyword("AND"_L1)) {
            fail();
            return std::nullopt;
        }
        ++m_pos;
        auto high = operand(Grammar::Condition);
        if (!high)
            return std::nullopt;
        c.kind = Condition::Kind::Between;
        c.operands.push_back(std::move(*left));
        c.operands.push_back(std::move(*low));
        c.operands.push_back(std::move(*high));
        return c;
    }
    if (t.isKeyword("IN"_L1)) {
        ++m_pos;
        if (!accept(TokenKind::LParen))
            return std::nullopt;
        c.kind = Condition::Kind::In;
        c.operands.push_back(std::move(*left));
        do {
            auto o = operand(Grammar::Condition);
            if (!o)
                return std::nullopt;
            c.operands.push_back(std::move(*o));
        } while (peek().is(TokenKind::Comma) && (++m_pos, true));
        if (!accept(TokenKind::RParen))
            return std::nullopt;
        return c;
    }
    if (left->kind == Operand::Kind::Call && left->parens == 0) {
        c.kind = Condition::Kind::Call;
        c.function = left->function;
        c.operands = std::move(left->args);
        return c;
    }
    fail();
    return std::nullopt;
}

// ---- operands and paths ---------------------------------------------------

std::optional<Operand> Parser::operand(Grammar g)
{
    const Token &t = peek();
    if (t.is(TokenKind::LParen)) {
        ++m_pos;
        Nest nest{*this};
        if (!enter())
            return std::nullopt;
        auto inner = operand(g);
        if (!inner || !accept(TokenKind::RParen))
            return std::nullopt;
        ++inner->parens;
        return inner;
    }
    if (t.is(TokenKind::ValueRef)) {
        ++m_pos;
        Operand o;
        o.kind = Operand::Kind::Value;
        o.valueRef = t.text;
        return o;
    }
    if (t.is(TokenKind::Identifier) && peek(1).is(TokenKind::LParen)
        && !isKeyword(g, t)) {
        m_pos += 2;
        Nest nest{*this};
        if (!enter())
            return std::nullopt;
        Operand o;
        o.kind = Operand::Kind::Call;
        o.function = t.text;
        do {
            auto arg = operand(g);
            if (!arg)
                return std::nullopt;
            o.args.push_back(std::move(*arg));
        } while (peek().is(TokenKind::Comma) && (++m_pos, true));
        if (!accept(TokenKind::RParen))
            return std::nullopt;
        return o;
    }
    auto p = path(g);
    if (!p)
        return std::nullopt;
    Operand o;
    o.kind = Operand::Kind::Path;
    o.rawPath = std::move(*p);
    return o;
}

std::optional<RawStep> Parser::name(Grammar g)
{
    const Token &t = peek();
    if (t.is(TokenKind::NameRef)) {
        ++m_pos;
        return RawStep{RawStep::Kind::NameRef, t.text, 0};
    }
    if (t.is(TokenKind::Identifier) && !isKeyword(g, t)) {
        ++m_pos;
        return RawStep{RawStep::Kind::Name, t.text, 0};
    }
    fail();
    return std::nullopt;
}

std::optional<std::vector<RawStep>> Parser::path(Grammar g)
{
    std::vector<RawStep> steps;
    auto first = name(g);
    if (!first)
        return std::nullopt;
    steps.push_back(std::move(*first));
    for (;;) {
        if (peek().is(TokenKind::Dot)) {
            ++m_pos;
            auto n = name(g);
            if (!n)
                return std::nullopt;
            steps.push_back(std::move(*n));
        } else if (peek().is(TokenKind::LBracket)) {
            ++m_pos;
            const Token &num = peek();
            if (!num.is(TokenKind::Number) || (num.text == u"0" && peek(1).is(TokenKind::Number))) {
                fail();
                return std::nullopt;
            }
            // AWS takes indexes up to 4294967294; a larger one is the resolver's range error, not a syntax error.
            bool ok = false;
            const qint64 index = num.text.size() <= 10 ? num.text.toLongLong(&ok) : -1;
            const bool inRange = ok && index <= kMaxListIndex;
            ++m_pos;
            if (!accept(TokenKind::RBracket))
                return std::nullopt;
            steps.push_back(RawStep{RawStep::Kind::Index, inRange ? QString() : num.text, inRange ? index : -1});
        } else {
            return steps;
        }
    }
}

// ---- update ---------------------------------------------------------------

std::optional<Operand> Parser::setValue()
{
    // "(" opens a parenthesized set value unless "+" or "-" follows its
    // ")", in which case it is the left operand of the arithmetic.
    if (peek().is(TokenKind::LParen)) {
        const Token &after = m_tokens[std::min(matchingParen(m_pos) + 1, m_tokens.size() - 1)];
        if (!after.is(TokenKind::Plus) && !after.is(TokenKind::Minus)) {
            ++m_pos;
            auto inner = setValue();
            if (!inner || !accept(TokenKind::RParen))
                return std::nullopt;
            return inner;
        }
    }
    auto left = operand(Grammar::Update);
    if (!left)
        return std::nullopt;
    if (peek().is(TokenKind::Plus) || peek().is(TokenKind::Minus)) {
        const bool plus = peek().is(TokenKind::Plus);
        ++m_pos;
        auto right = operand(Grammar::Update);
        if (!right)
            return std::nullopt;
        Operand o;
        o.kind = plus ? Operand::Kind::Plus : Operand::Kind::Minus;
        o.args.push_back(std::move(*left));
        o.args.push_back(std::move(*right));
        return o;
    }
    return left;
}

std::optional<Update> Parser::parseUpdate()
{
    Update u;
    do {
        const Token &kw = peek();
        ActionKind kind;
        if (kw.isKeyword("SET"_L1))
            kind = ActionKind::Set;
        else if (kw.isKeyword("REMOVE"_L1))
            kind = ActionKind::Remove;
        else if (kw.isKeyword("ADD"_L1))
            kind = ActionKind::Add;
        else if (kw.isKeyword("DELETE"_L1))
            kind = ActionKind::Delete;
        else {
            fail();
            return std::nullopt;
        }
        ++m_pos;
        u.clauses.push_back(kind);
        do {
            UpdateAction a;
            a.kind = kind;
            auto p = path(Grammar::Update);
            if (!p)
                return std::nullopt;
            a.rawPath = std::move(*p);
            if (kind == ActionKind::Set) {
                if (!accept(TokenKind::Eq))
                    return std::nullopt;
                auto v = setValue();
                if (!v)
                    return std::nullopt;
                a.value = std::move(*v);
            } else if (kind == ActionKind::Add || kind == ActionKind::Delete) {
                const Token &t = peek();
                if (!t.is(TokenKind::ValueRef)) {
                    fail();
                    return std::nullopt;
                }
                ++m_pos;
                a.value.kind = Operand::Kind::Value;
                a.value.valueRef = t.text;
            }
            u.actions.push_back(std::move(a));
        } while (peek().is(TokenKind::Comma) && (++m_pos, true));
    } while (!peek().is(TokenKind::End));
    return u;
}

// ---- projection -----------------------------------------------------------

std::optional<Projection> Parser::parseProjection()
{
    Projection pr;
    do {
        // No keywords here: "IN" or "SET" is a reserved word, reported by
        // the resolve pass rather than as a syntax error.
        auto p = path(Grammar::Projection);
        if (!p)
            return std::nullopt;
        pr.rawPaths.push_back(std::move(*p));
    } while (peek().is(TokenKind::Comma) && (++m_pos, true));
    if (!peek().is(TokenKind::End)) {
        fail();
        return std::nullopt;
    }
    return pr;
}

} // namespace dd::expr
