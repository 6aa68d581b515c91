// Lexer for DynamoDB expressions. Splits the text into tokens as DynamoDB's
// lexical analyser does: names start with a letter and continue with
// letters, digits and '_'; #references and :references continue with at
// least one letter, digit or '_'; numbers are digit runs (list indexes only).
// Characters that start no token become Invalid tokens, which the parser
// reports as syntax errors.
#pragma once

#include <QString>

#include <vector>

namespace dd::expr {

enum class TokenKind {
    Identifier, NameRef, ValueRef, Number,
    LParen, RParen, LBracket, RBracket, Comma, Dot,
    Eq, Ne, Lt, Le, Gt, Ge, Plus, Minus,
    Invalid, End
};

struct Token {
    TokenKind kind = TokenKind::End;
    QString text;      // as written; "<EOF>" for End
    qsizetype pos = 0; // offset in the expression (UTF-16 units)
    qsizetype len = 0; // length in the expression; 0 for End

    bool is(TokenKind k) const { return kind == k; }
    bool isKeyword(QLatin1StringView word) const; // an Identifier equal to `word`, any case
};

// Tokenizes `text`; the result always ends with one End token.
std::vector<Token> tokenize(const QString &text);

// DynamoDB's syntax error text for a failure at tokens[index]:
// `Syntax error; token: "x", near: "a x b"` (near spans the tokens either side).
QString syntaxErrorMessage(const QString &text, const std::vector<Token> &tokens, size_t index);

} // namespace dd::expr
