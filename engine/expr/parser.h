// Recursive-descent parser for the three DynamoDB expression grammars. It
// checks syntax only and builds the raw AST (ast.h); names, references,
// functions and types are checked by the resolve pass (resolve.h).
//
// Grammar (Developer Guide, "Condition and filter expressions, operators,
// and functions", "Update expressions", "Projection expressions"):
//   condition := or
//   or        := and { OR and }            precedence NOT > AND > OR
//   and       := not { AND not }
//   not       := NOT not | primary
//   primary   := '(' condition ')'
//              | operand comparator operand
//              | operand BETWEEN operand AND operand
//              | operand IN '(' operand { ',' operand } ')'
//              | function '(' operand { ',' operand } ')'
//   operand   := '(' operand ')' | :value | function '(' args ')' | path
//   path      := name { '.' name | '[' digits ']' }      name := identifier | #ref
//   update    := clause { clause }
//   clause    := SET set-action {, set-action} | REMOVE path {, path}
//              | ADD path :value {, ...} | DELETE path :value {, ...}
//   set-action:= path '=' set-value
//   set-value := '(' set-value ')' | operand [ ('+' | '-') operand ]
//   projection:= path { ',' path }
// Syntax errors name the farthest token the parser could not accept.
#pragma once

#include "expr/ast.h"
#include "expr/lexer.h"

#include <optional>

namespace dd::expr {

// Which grammar a name is read in: each reserves different keywords.
enum class Grammar { Condition, Update, Projection };

class Parser {
public:
    explicit Parser(const std::vector<Token> &tokens) : m_tokens(tokens) {}

    // Each parses the whole token list; nullopt on a syntax error, whose
    // token index failIndex() then gives.
    std::optional<Condition> parseCondition();
    std::optional<Update> parseUpdate();
    std::optional<Projection> parseProjection();

    size_t failIndex() const { return m_fail; }

private:
    const Token &peek(size_t ahead = 0) const;
    bool accept(TokenKind k);
    bool fail(); // records the current position as a failure; returns false
    size_t matchingParen(size_t open) const; // index of the ')' closing tokens[open], or of End

    std::optional<Condition> orExpr();
    std::optional<Condition> andExpr();
    std::optional<Condition> notExpr();
    std::optional<Condition> primary();
    std::optional<Condition> comparison();
    std::optional<Operand> operand(Grammar g);
    std::optional<Operand> setValue();
    std::optional<std::vector<RawStep>> path(Grammar g);
    std::optional<RawStep> name(Grammar g);
    bool isConditionKeyword(const Token &t) const;
    bool isClauseKeyword(const Token &t) const;
    bool isKeyword(Grammar g, const Token &t) const; // not usable as a name or function in g

    const std::vector<Token> &m_tokens;
    size_t m_pos = 0;   // next token
    size_t m_fail = 0;  // farthest failing token
    int m_depth = 0;    // current nesting of NOT and parentheses

    // Nesting beyond this is a syntax error rather than a deeper recursion:
    // it keeps a 4 KB expression of "((((..." or "NOT NOT ..." from
    // exhausting a thread's stack (found by tests/fuzz/expr_fuzz.cpp).
    static constexpr int kMaxNesting = 1024;
    bool enter() { return ++m_depth <= kMaxNesting || fail(); }
    struct Nest {
        Parser &p;
        ~Nest() { --p.m_depth; }
    };
};

} // namespace dd::expr
