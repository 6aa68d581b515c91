// The PartiQL statements DynamoDB accepts, parsed by recursive descent.
// Keywords are case-insensitive; identifiers are kept as written (unquoted
// ones are plain names, "double-quoted" ones any text, with "" for a quote);
// 'single-quoted' text is a string, with '' for a quote.
// This file reads the statements themselves; their tokens, names, values
// and expressions are read in parser_tokens.cpp, parser_values.cpp and
// parser_expressions.cpp (parser_p.h).
#include "partiql/parser_p.h"

namespace dd::partiql {

namespace parser_detail {

Result<Statement> Parser::statement()
{
    DD_CHECK(tokenize());
    Statement s;
    if (word("SELECT"))
        DD_CHECK(select(s));
    else if (word("INSERT"))
        DD_CHECK(insert(s));
    else if (word("UPDATE"))
        DD_CHECK(update(s));
    else if (word("DELETE"))
        DD_CHECK(remove(s));
    else if (word("EXISTS")) {
        s.kind = Statement::Kind::Exists;
        DD_CHECK(expect("("));
        if (!word("SELECT"))
            return unexpected();
        DD_CHECK(select(s));
        s.kind = Statement::Kind::Exists;
        DD_CHECK(expect(")"));
    } else
        return malformed(p("Expected data manipulation"));
    if (peek().type != Token::Type::End) {
        for (const char *clause : {"LIMIT", "GROUP", "HAVING", "OFFSET"}) {
            if (isWord(peek(), clause))
                return ApiError::validation(QStringLiteral("Unsupported clause: %1").arg(qstrcmp(clause, "GROUP") == 0 ? p("GROUP BY") : p(clause)));
        }
        return unexpected();
    }
    if (m_nextParameter != m_parameters.size())
        return ApiError::validation(p("Number of parameters in request and statement don't match."));
    return s;
}

Result<void> Parser::select(Statement &s)
{
    s.kind = Statement::Kind::Select;
    if (!punct("*")) {
        for (;;) {
            DD_ASSIGN(Path pth, path());
            s.projection.push_back(std::move(pth));
            if (!punct(","))
                break;
        }
    }
    DD_CHECK(expectWord("FROM"));
    DD_CHECK(tableName(s));
    if (word("WHERE")) {
        DD_ASSIGN(s.where, orExpr());
    }
    if (word("ORDER")) {
        DD_CHECK(expectWord("BY"));
        do {
            Statement::OrderKey key;
            DD_ASSIGN(key.path, path());
            key.descending = word("DESC");
            if (!key.descending)
                (void)word("ASC");
            s.orderBy.push_back(std::move(key));
        } while (punct(","));
    }
    return {};
}

Result<void> Parser::insert(Statement &s)
{
    s.kind = Statement::Kind::Insert;
    DD_CHECK(expectWord("INTO"));
    DD_CHECK(tableName(s));
    if (!s.index.isEmpty())
        return ApiError::validation(p("FROM clause may only contain a single table name in data manipulation statements"));
    DD_CHECK(expectWord("VALUE"));
    if (peek().type != Token::Type::Punct || peek().text != u"{") {
        if (peek().type != Token::Type::Parameter)
            return unexpected();
    }
    DD_ASSIGN(QJsonObject v, value());
    if (v.size() != 1 || !v.contains(p("M")))
        return ApiError::validation(p("The value of an INSERT must be a tuple of the item's attributes"));
    s.item = v.value(p("M")).toObject();
    if (isWord(peek(), "RETURNING"))
        return ApiError::validation(p("RETURNING is not supported in INSERT"));
    return {};
}

Result<void> Parser::update(Statement &s)
{
    s.kind = Statement::Kind::Update;
    DD_CHECK(tableName(s));
    if (!s.index.isEmpty())
        return ApiError::validation(p("This operation is not supported on an index"));
    for (;;) {
        if (word("SET")) {
            for (;;) {
                UpdateAction a;
                DD_ASSIGN(a.path, path());
                DD_CHECK(expect("="));
                DD_ASSIGN(a.value, additive());
                s.actions.push_back(std::move(a));
                if (!punct(","))
                    break;
            }
        } else if (word("REMOVE")) {
            for (;;) {
                UpdateAction a;
                a.remove = true;
                DD_ASSIGN(a.path, path());
                s.actions.push_back(std::move(a));
                if (!punct(","))
                    break;
            }
        } else
            break;
    }
    if (s.actions.empty())
        return unexpected();
    if (peek().type == Token::Type::End)
        return ApiError::validation(p("Where clause does not contain a mandatory equality on all key attributes"));
    DD_CHECK(expectWord("WHERE"));
    DD_ASSIGN(s.where, orExpr());
    return returning(s, true);
}

Result<void> Parser::remove(Statement &s)
{
    s.kind = Statement::Kind::Delete;
    DD_CHECK(expectWord("FROM"));
    DD_CHECK(tableName(s));
    if (!s.index.isEmpty())
        return ApiError::validation(p("This operation is not supported on an index"));
    if (peek().type == Token::Type::End)
        return ApiError::validation(p("Where clause does not contain a mandatory equality on all key attributes"));
    DD_CHECK(expectWord("WHERE"));
    DD_ASSIGN(s.where, orExpr());
    return returning(s, false);
}

// RETURNING ALL OLD * | MODIFIED OLD * | ALL NEW * | MODIFIED NEW * (a DELETE: ALL OLD * only).
Result<void> Parser::returning(Statement &s, bool isUpdate)
{
    if (!word("RETURNING"))
        return {};
    QString r;
    if (word("ALL"))
        r = p("ALL_");
    else if (word("MODIFIED"))
        r = p("UPDATED_");
    else
        return unexpected();
    if (word("OLD"))
        r += p("OLD");
    else if (word("NEW"))
        r += p("NEW");
    else
        return unexpected();
    if (!punct("*"))
        return ApiError::validation(p("Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause"));
    if (!isUpdate && r != u"ALL_OLD") {
        const QString written = QString(r).replace(p("UPDATED"), p("MODIFIED")).replace(u'_', u' ');
        return ApiError::validation(QStringLiteral("Invalid returning clause: RETURNING %1 *. Only RETURNING ALL OLD * is allowed in DELETE statements.").arg(written));
    }
    s.returning = r;
    return {};
}

} // namespace parser_detail

Result<Statement> parseStatement(const QString &text, const QJsonArray &parameters)
{
    return parser_detail::Parser(text, parameters).statement();
}

} // namespace dd::partiql
