// The PartiQL editor's view of statement text: tokens for the highlighter,
// line by line with what a line leaves open ('strings' and "quoted names"
// may span lines), and the table a statement works on. A lexer only, as
// forgiving as an editor must be: what DynamoDB would refuse still lexes
// (an unterminated string runs to the end), and the parser that decides is
// the engine's (engine/partiql). Pure functions; safe from any thread.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace dd::ui::partiql {

enum class TokenKind {
    Keyword,    // SELECT, FROM, ... (any case)
    Name,       // an unquoted name: an attribute, a table, a function
    QuotedName, // "a name", with its quotes
    String,     // 'a string', with its quotes
    Number,     // 12, -1.5e3 without its sign
    Parameter,  // ?
    Comment,    // -- to the end of the line
    Punct,      // anything else: = <> ( ) [ ] { } , . * and so on
};

struct Token {
    TokenKind kind = TokenKind::Punct;
    qsizetype start = 0;  // index in the text lexed
    qsizetype length = 0;
};

// What the end of a line leaves open for the next one. Stored as a
// QSyntaxHighlighter block state, so the values must stay non-negative.
enum class LexState {
    Normal = 0,
    InString = 1,     // inside a 'string'
    InQuotedName = 2, // inside a "quoted name"
};

// The tokens of `text`, which starts in `start` (a token that began on an
// earlier line continues from index 0). *end, if given, is what the text
// leaves open. Doubled quotes ('it''s') stay inside their token.
QList<Token> lex(QStringView text, LexState start = LexState::Normal, LexState *end = nullptr);

// Whether `word` (any case) is one of the keywords the editor highlights.
bool isKeyword(QStringView word);

// The table that `statement` reads or writes: the name after FROM (SELECT,
// DELETE), INTO (INSERT) or UPDATE, without quotes; *index, if given, gets
// the index of "Table"."Index". Empty when there is none to find.
QString targetTable(const QString &statement, QString *index = nullptr);

// Whether the statement is a SELECT (its first word, comments skipped).
bool isSelect(const QString &statement);

// The attribute names a SELECT's items have, in the order of its
// projection, as DynamoDB names them: a path by its last name and the
// indexes after it (a.b -> b, a.list[0] -> list[0]). Empty for SELECT *
// and for other statements.
QStringList projectionNames(const QString &statement);

// The name as a PartiQL statement writes it: "Orders", with " doubled.
QString quotedName(const QString &name);

} // namespace dd::ui::partiql
