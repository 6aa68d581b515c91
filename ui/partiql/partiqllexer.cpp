#include "partiql/partiqllexer.h"

#include <QSet>

#include <algorithm>

namespace dd::ui::partiql {

namespace {

// The index just past a quoted token's closing quote, or text.size() when it
// does not close on this text. `from` is the first index inside the quotes.
qsizetype closeQuote(QStringView text, qsizetype from, QChar quote, bool *closed)
{
    qsizetype i = from;
    while (i < text.size()) {
        if (text[i] == quote) {
            if (i + 1 < text.size() && text[i + 1] == quote) { // a doubled quote stands for one
                i += 2;
                continue;
            }
            *closed = true;
            return i + 1;
        }
        ++i;
    }
    *closed = false;
    return text.size();
}

bool isNameStart(QChar c) { return c.isLetter() || c == u'_'; }
bool isNamePart(QChar c) { return c.isLetterOrNumber() || c == u'_' || c == u'$'; }

// The text of a Name or QuotedName token as a name: quotes removed, doubled quotes undone.
QString nameOf(QStringView text, const Token &t)
{
    const QStringView s = text.mid(t.start, t.length);
    if (t.kind != TokenKind::QuotedName)
        return s.toString();
    QString out = s.mid(1, s.endsWith(u'"') && s.size() > 1 ? s.size() - 2 : s.size() - 1).toString();
    out.replace(QLatin1String("\"\""), QLatin1String("\""));
    return out;
}

} // namespace

bool isKeyword(QStringView word)
{
    static const QSet<QString> keywords = [] {
        QSet<QString> set;
        for (const char *k : {"SELECT", "FROM",   "WHERE",     "AND",   "OR",  "NOT",    "BETWEEN", "IN",     "IS",       "MISSING",
                              "NULL",   "TRUE",   "FALSE",     "INSERT", "INTO", "VALUE", "UPDATE",  "SET",    "REMOVE",   "DELETE",
                              "RETURNING", "ORDER", "BY",      "ASC",   "DESC", "EXISTS", "ALL",     "MODIFIED", "OLD",    "NEW"})
            set.insert(QLatin1String(k));
        return set;
    }();
    return keywords.contains(word.toString().toUpper());
}

QList<Token> lex(QStringView text, LexState start, LexState *end)
{
    QList<Token> tokens;
    LexState state = LexState::Normal;
    qsizetype i = 0;
    const qsizetype n = text.size();
    if (start != LexState::Normal) {
        const bool string = start == LexState::InString;
        bool closed = false;
        i = closeQuote(text, 0, string ? u'\'' : u'"', &closed);
        if (i > 0)
            tokens.append({string ? TokenKind::String : TokenKind::QuotedName, 0, i});
        if (!closed)
            state = start;
    }
    while (i < n) {
        const QChar c = text[i];
        if (c.isSpace()) {
            ++i;
            continue;
        }
        Token t;
        t.start = i;
        qsizetype j = i + 1;
        if (c == u'-' && j < n && text[j] == u'-') {
            t.kind = TokenKind::Comment;
            j = i;
            while (j < n && text[j] != u'\n')
                ++j;
        } else if (c == u'\'' || c == u'"') {
            bool closed = false;
            j = closeQuote(text, i + 1, c, &closed);
            t.kind = c == u'\'' ? TokenKind::String : TokenKind::QuotedName;
            if (!closed)
                state = c == u'\'' ? LexState::InString : LexState::InQuotedName;
        } else if (isNameStart(c)) {
            while (j < n && isNamePart(text[j]))
                ++j;
            t.kind = isKeyword(text.mid(i, j - i)) ? TokenKind::Keyword : TokenKind::Name;
        } else if (c.isDigit() || (c == u'.' && j < n && text[j].isDigit())) {
            j = i;
            while (j < n && text[j].isDigit())
                ++j;
            if (j < n && text[j] == u'.') {
                ++j;
                while (j < n && text[j].isDigit())
                    ++j;
            }
            if (j < n && (text[j] == u'e' || text[j] == u'E')) {
                qsizetype k = j + 1;
                if (k < n && (text[k] == u'+' || text[k] == u'-'))
                    ++k;
                if (k < n && text[k].isDigit()) {
                    while (k < n && text[k].isDigit())
                        ++k;
                    j = k;
                }
            }
            t.kind = TokenKind::Number;
        } else if (c == u'?') {
            t.kind = TokenKind::Parameter;
        } else {
            t.kind = TokenKind::Punct;
        }
        t.length = j - i;
        tokens.append(t);
        i = j;
    }
    if (end)
        *end = state;
    return tokens;
}

QString targetTable(const QString &statement, QString *index)
{
    QList<Token> tokens = lex(statement);
    tokens.removeIf([](const Token &t) { return t.kind == TokenKind::Comment; });
    const auto word = [&](qsizetype at) {
        return at < tokens.size() && tokens[at].kind == TokenKind::Keyword ? QStringView(statement).mid(tokens[at].start, tokens[at].length).toString().toUpper()
                                                                           : QString();
    };
    const auto isName = [&](qsizetype at) {
        return at < tokens.size() && (tokens[at].kind == TokenKind::Name || tokens[at].kind == TokenKind::QuotedName);
    };
    const QString first = word(0);
    for (qsizetype i = 0; i + 1 < tokens.size(); ++i) {
        const QString w = word(i);
        const bool before = (w == QLatin1String("FROM") && (first == QLatin1String("SELECT") || first == QLatin1String("DELETE")))
                            || (w == QLatin1String("INTO") && first == QLatin1String("INSERT"))
                            || (w == QLatin1String("UPDATE") && i == 0);
        if (!before || !isName(i + 1))
            continue;
        if (index) {
            const bool dotted = i + 3 < tokens.size() && tokens[i + 2].kind == TokenKind::Punct
                                && statement.at(tokens[i + 2].start) == u'.' && isName(i + 3);
            *index = dotted ? nameOf(statement, tokens[i + 3]) : QString();
        }
        return nameOf(statement, tokens[i + 1]);
    }
    if (index)
        index->clear();
    return QString();
}

bool isSelect(const QString &statement)
{
    for (const Token &t : lex(statement)) {
        if (t.kind == TokenKind::Comment)
            continue;
        return t.kind == TokenKind::Keyword && QStringView(statement).mid(t.start, t.length).compare(QLatin1String("SELECT"), Qt::CaseInsensitive) == 0;
    }
    return false;
}

QStringList projectionNames(const QString &statement)
{
    if (!isSelect(statement))
        return {};
    QList<Token> tokens = lex(statement);
    tokens.removeIf([](const Token &t) { return t.kind == TokenKind::Comment; });
    const auto text = [&](const Token &t) { return QStringView(statement).mid(t.start, t.length); };
    QStringList names;
    QString name;   // the last name of the path being read, with the indexes after it
    int depth = 0;  // brackets open
    for (qsizetype i = 1; i < tokens.size(); ++i) {
        const Token &t = tokens[i];
        if (depth == 0 && (t.kind == TokenKind::Keyword || (t.kind == TokenKind::Punct && text(t) == u','))) {
            if (!name.isEmpty())
                names << name;
            name.clear();
            if (t.kind == TokenKind::Keyword)
                break; // FROM
            continue;
        }
        if (t.kind == TokenKind::Punct && text(t) == u'*' && depth == 0)
            return {};
        if (t.kind == TokenKind::Punct && text(t) == u'[') {
            ++depth;
            if (i + 2 < tokens.size() && tokens[i + 1].kind == TokenKind::Number && text(tokens[i + 2]) == u']')
                name += QLatin1Char('[') + text(tokens[i + 1]).toString() + QLatin1Char(']');
        } else if (t.kind == TokenKind::Punct && text(t) == u']') {
            depth = std::max(0, depth - 1);
        } else if (depth == 0 && (t.kind == TokenKind::Name || t.kind == TokenKind::QuotedName)) {
            name = nameOf(statement, t);
        }
    }
    return names;
}

QString quotedName(const QString &name)
{
    QString escaped = name;
    escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace dd::ui::partiql
