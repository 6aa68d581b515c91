// The PartiQL parser's expressions: a WHERE clause's conditions and a SET
// action's value, by precedence from OR down to a primary.
#include "partiql/parser_p.h"

#include <QHash>

namespace dd::partiql::parser_detail {

std::unique_ptr<Expr> Parser::make(Expr::Kind kind)
{
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    return e;
}

Result<std::unique_ptr<Expr>> Parser::orExpr()
{
    DD_ASSIGN(std::unique_ptr<Expr> first, andExpr());
    if (!isWord(peek(), "OR"))
        return first;
    auto e = make(Expr::Kind::Or);
    e->args.push_back(std::move(first));
    while (word("OR")) {
        DD_ASSIGN(std::unique_ptr<Expr> next, andExpr());
        e->args.push_back(std::move(next));
    }
    return e;
}

Result<std::unique_ptr<Expr>> Parser::andExpr()
{
    DD_ASSIGN(std::unique_ptr<Expr> first, notExpr());
    if (!isWord(peek(), "AND"))
        return first;
    auto e = make(Expr::Kind::And);
    e->args.push_back(std::move(first));
    while (word("AND")) {
        DD_ASSIGN(std::unique_ptr<Expr> next, notExpr());
        e->args.push_back(std::move(next));
    }
    return e;
}

Result<std::unique_ptr<Expr>> Parser::notExpr()
{
    const Nested level(m_depth);
    if (level.tooDeep())
        return tooDeep();
    if (word("NOT")) {
        DD_ASSIGN(std::unique_ptr<Expr> inner, notExpr());
        auto e = make(Expr::Kind::Not);
        e->args.push_back(std::move(inner));
        return e;
    }
    return predicate();
}

Result<std::unique_ptr<Expr>> Parser::predicate()
{
    DD_ASSIGN(std::unique_ptr<Expr> left, additive());
    static const char *const comparators[] = {"=", "<>", "!=", "<=", ">=", "<", ">"};
    for (const char *op : comparators) {
        if (punct(op)) {
            DD_ASSIGN(std::unique_ptr<Expr> right, additive());
            auto e = make(Expr::Kind::Compare);
            e->op = QLatin1String(op) == QLatin1String("!=") ? p("<>") : p(op);
            e->args.push_back(std::move(left));
            e->args.push_back(std::move(right));
            return e;
        }
    }
    if (word("IS")) {
        const bool negated = word("NOT");
        // IS [NOT] MISSING, NULL, or a type.
        static const QHash<QString, QString> types = {
            {p("NULL"), p("NULL")}, {p("BOOLEAN"), p("BOOL")}, {p("BLOB"), p("B")}, {p("STRING"), p("S")},
            {p("NUMERIC"), p("N")}, {p("STRUCT"), p("M")}, {p("TUPLE"), p("M")}, {p("LIST"), p("L")},
        };
        const Token &t = peek();
        if (t.type != Token::Type::Word)
            return unexpected();
        const QString type = t.text.toUpper();
        if (type != u"MISSING" && !types.contains(type))
            return ApiError::validation(QStringLiteral("Unsupported data type for IS operator: %1. Supported data types are "
                                                       "[MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST]").arg(t.text));
        next();
        auto e = make(type == u"MISSING" ? Expr::Kind::IsMissing : Expr::Kind::IsType);
        e->op = types.value(type);
        e->negated = negated;
        e->args.push_back(std::move(left));
        return e;
    }
    const bool negated = isWord(peek(), "NOT") && (isWord(peek(1), "BETWEEN") || isWord(peek(1), "IN"));
    if (negated)
        next();
    if (word("BETWEEN")) {
        DD_ASSIGN(std::unique_ptr<Expr> low, additive());
        DD_CHECK(expectWord("AND"));
        DD_ASSIGN(std::unique_ptr<Expr> high, additive());
        auto e = make(Expr::Kind::Between);
        e->args.push_back(std::move(left));
        e->args.push_back(std::move(low));
        e->args.push_back(std::move(high));
        return wrapNot(std::move(e), negated);
    }
    if (word("IN")) {
        const bool bracket = punct("[");
        if (!bracket)
            DD_CHECK(expect("("));
        auto e = make(Expr::Kind::In);
        e->args.push_back(std::move(left));
        for (;;) {
            DD_ASSIGN(std::unique_ptr<Expr> v, additive());
            e->args.push_back(std::move(v));
            if (punct(bracket ? "]" : ")"))
                break;
            DD_CHECK(expect(","));
        }
        return wrapNot(std::move(e), negated);
    }
    return left;
}

std::unique_ptr<Expr> Parser::wrapNot(std::unique_ptr<Expr> e, bool negated)
{
    if (!negated)
        return e;
    auto n = make(Expr::Kind::Not);
    n->args.push_back(std::move(e));
    return n;
}

Result<std::unique_ptr<Expr>> Parser::additive()
{
    DD_ASSIGN(std::unique_ptr<Expr> left, primary());
    for (;;) {
        const char *op = punct("+") ? "+" : punct("-") ? "-" : nullptr;
        if (!op)
            return left;
        DD_ASSIGN(std::unique_ptr<Expr> right, primary());
        auto e = make(Expr::Kind::Arith);
        e->op = p(op);
        e->args.push_back(std::move(left));
        e->args.push_back(std::move(right));
        left = std::move(e);
    }
}

Result<std::unique_ptr<Expr>> Parser::primary()
{
    const Nested level(m_depth);
    if (level.tooDeep())
        return tooDeep();
    if (punct("(")) {
        DD_ASSIGN(std::unique_ptr<Expr> inner, orExpr());
        DD_CHECK(expect(")"));
        return inner;
    }
    if (startsValue()) {
        auto e = make(Expr::Kind::Value);
        DD_ASSIGN(e->value, value());
        return e;
    }
    // A function: a plain word followed by "(".
    if (peek().type == Token::Type::Word && peek(1).type == Token::Type::Punct && peek(1).text == u"(") {
        const Token f = next();
        static const QSet<QString> functions = {p("begins_with"), p("contains"), p("attribute_type"), p("size"),
                                                p("list_append"), p("set_add"), p("set_delete"), p("attribute_exists"),
                                                p("attribute_not_exists"), p("if_not_exists")};
        const QString fn = f.text.toLower();
        if (!functions.contains(fn))
            return ApiError::validation(QStringLiteral("Unrecognized function: %1").arg(f.text));
        next(); // (
        auto e = make(Expr::Kind::Call);
        e->op = fn;
        if (!punct(")")) {
            for (;;) {
                DD_ASSIGN(std::unique_ptr<Expr> a, additive());
                e->args.push_back(std::move(a));
                if (punct(")"))
                    break;
                DD_CHECK(expect(","));
            }
        }
        return e;
    }
    auto e = make(Expr::Kind::Path);
    DD_ASSIGN(e->path, path());
    return e;
}

} // namespace dd::partiql::parser_detail
