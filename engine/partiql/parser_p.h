// Internal to the PartiQL parser's .cpp files (parser*.cpp): the tokens
// and the recursive-descent Parser, whose methods are defined by what they
// read: tokens (parser_tokens.cpp), names and values (parser_values.cpp),
// expressions (parser_expressions.cpp) and statements (parser.cpp).
#pragma once

#include "partiql/statement.h"

#include <QSet>

namespace dd::partiql::parser_detail {

inline QString p(const char *s) { return QString::fromLatin1(s); }

struct Token {
    enum class Type { End, Word, QuotedName, String, Number, Punct, Parameter };
    Type type = Type::End;
    QString text;   // a word, name, string or number as written (strings unescaped); a punctuation mark
    qsizetype at = 0;
};

// The words that are keywords where they stand (an attribute or table of
// one of these names is written in double quotes).
const QSet<QString> &keywords();

// Parentheses, NOTs and nested values deeper than this are refused, before
// the recursion they take could exhaust a thread's stack (DynamoDB keeps
// items within 32 levels of nesting).
constexpr int kMaxDepth = 64;

ApiError malformed(const QString &detail);

class Parser {
public:
    Parser(const QString &text, const QJsonArray &parameters) : m_text(text), m_parameters(parameters) {}

    Result<Statement> statement();

private:
    const QString &m_text;
    const QJsonArray &m_parameters;
    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    int m_depth = 0;

    // Counts one level of nesting for as long as it lives.
    struct Nested {
        int &depth;
        explicit Nested(int &d) : depth(++d) {}
        ~Nested() { --depth; }
        bool tooDeep() const { return depth > kMaxDepth; }
    };
    static ApiError tooDeep() { return malformed(p("Nesting is too deep")); }
    qsizetype m_nextParameter = 0;

    // ---- tokens ----

    Result<void> tokenize();

    const Token &peek(size_t ahead = 0) const { return m_tokens[std::min(m_pos + ahead, m_tokens.size() - 1)]; }
    const Token &next() { const Token &t = peek(); if (m_pos < m_tokens.size() - 1) ++m_pos; return t; }

    bool isWord(const Token &t, const char *w) const
    {
        return t.type == Token::Type::Word && t.text.compare(QLatin1String(w), Qt::CaseInsensitive) == 0;
    }
    bool word(const char *w)
    {
        if (!isWord(peek(), w))
            return false;
        next();
        return true;
    }
    bool punct(const char *s)
    {
        if (peek().type != Token::Type::Punct || peek().text != QLatin1String(s))
            return false;
        next();
        return true;
    }
    Result<void> expect(const char *s)
    {
        if (punct(s))
            return {};
        return unexpected();
    }
    Result<void> expectWord(const char *w)
    {
        if (word(w))
            return {};
        return unexpected();
    }

    ApiError unexpected() const;

    // ---- names and paths ----

    std::optional<QString> name();
    Result<Path> path();
    Result<void> tableName(Statement &s);

    // ---- values ----

    bool startsValue() const;
    Result<QJsonObject> value();
    Result<QJsonObject> map();
    Result<QJsonObject> list();
    Result<QJsonObject> set();

    // ---- expressions ----

    static std::unique_ptr<Expr> make(Expr::Kind kind);
    Result<std::unique_ptr<Expr>> orExpr();
    Result<std::unique_ptr<Expr>> andExpr();
    Result<std::unique_ptr<Expr>> notExpr();
    Result<std::unique_ptr<Expr>> predicate();
    static std::unique_ptr<Expr> wrapNot(std::unique_ptr<Expr> e, bool negated);
    Result<std::unique_ptr<Expr>> additive();
    Result<std::unique_ptr<Expr>> primary();

    // ---- statements ----

    Result<void> select(Statement &s);
    Result<void> insert(Statement &s);
    Result<void> update(Statement &s);
    Result<void> remove(Statement &s);
    Result<void> returning(Statement &s, bool isUpdate);
};

} // namespace dd::partiql::parser_detail
