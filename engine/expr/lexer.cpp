// Tokenizer and syntax-error text for DynamoDB expressions.
#include "expr/lexer.h"

namespace dd::expr {

namespace {

bool isAsciiLetter(QChar c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); }
bool isDigit(QChar c) { return c >= u'0' && c <= u'9'; }
bool isNameChar(QChar c) { return isAsciiLetter(c) || isDigit(c) || c == u'_'; }
bool isSpace(QChar c) { return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r'; }

} // namespace

bool Token::isKeyword(QLatin1StringView word) const
{
    return kind == TokenKind::Identifier && text.compare(word, Qt::CaseInsensitive) == 0;
}

std::vector<Token> tokenize(const QString &text)
{
    std::vector<Token> out;
    const qsizetype n = text.size();
    qsizetype i = 0;
    auto push = [&](TokenKind k, qsizetype start, qsizetype len) {
        out.push_back(Token{k, text.mid(start, len), start, len});
    };
    while (i < n) {
        const QChar c = text.at(i);
        if (isSpace(c)) {
            ++i;
            continue;
        }
        if (isAsciiLetter(c)) {
            qsizetype j = i + 1;
            while (j < n && isNameChar(text.at(j)))
                ++j;
            push(TokenKind::Identifier, i, j - i);
            i = j;
            continue;
        }
        if (c == u'#' || c == u':') {
            qsizetype j = i + 1;
            while (j < n && isNameChar(text.at(j)))
                ++j;
            if (j == i + 1) {
                push(TokenKind::Invalid, i, 1);
                ++i;
                continue;
            }
            push(c == u'#' ? TokenKind::NameRef : TokenKind::ValueRef, i, j - i);
            i = j;
            continue;
        }
        if (isDigit(c)) {
            // A list index has no leading zeros: "01" is the tokens "0" and "1", and the parser refuses the "0".
            qsizetype j = i + 1;
            while (c != u'0' && j < n && isDigit(text.at(j)))
                ++j;
            push(TokenKind::Number, i, j - i);
            i = j;
            continue;
        }
        const QChar next = i + 1 < n ? text.at(i + 1) : QChar();
        switch (c.unicode()) {
        case u'(': push(TokenKind::LParen, i, 1); break;
        case u')': push(TokenKind::RParen, i, 1); break;
        case u'[': push(TokenKind::LBracket, i, 1); break;
        case u']': push(TokenKind::RBracket, i, 1); break;
        case u',': push(TokenKind::Comma, i, 1); break;
        case u'.': push(TokenKind::Dot, i, 1); break;
        case u'=': push(TokenKind::Eq, i, 1); break;
        case u'+': push(TokenKind::Plus, i, 1); break;
        case u'-': push(TokenKind::Minus, i, 1); break;
        case u'<':
            if (next == u'>') { push(TokenKind::Ne, i, 2); ++i; }
            else if (next == u'=') { push(TokenKind::Le, i, 2); ++i; }
            else push(TokenKind::Lt, i, 1);
            break;
        case u'>':
            if (next == u'=') { push(TokenKind::Ge, i, 2); ++i; }
            else push(TokenKind::Gt, i, 1);
            break;
        default: {
            // One code point, keeping surrogate pairs whole.
            const qsizetype len = (c.isHighSurrogate() && next.isLowSurrogate()) ? 2 : 1;
            push(TokenKind::Invalid, i, len);
            i += len - 1;
            break;
        }
        }
        ++i;
    }
    out.push_back(Token{TokenKind::End, QStringLiteral("<EOF>"), n, 0});
    return out;
}

QString syntaxErrorMessage(const QString &text, const std::vector<Token> &tokens, size_t index)
{
    if (tokens.empty())
        return QStringLiteral("Syntax error; token: \"<EOF>\", near: \"\"");
    index = std::min(index, tokens.size() - 1);
    const Token &t = tokens[index];
    // DynamoDB quotes the offending token with its neighbours as written.
    const qsizetype from = index > 0 ? tokens[index - 1].pos : t.pos;
    qsizetype to = t.pos + t.len;
    if (index + 1 < tokens.size() && !tokens[index + 1].is(TokenKind::End))
        to = tokens[index + 1].pos + tokens[index + 1].len;
    if (t.is(TokenKind::End))
        to = text.size();
    return QStringLiteral("Syntax error; token: \"%1\", near: \"%2\"").arg(t.text, text.mid(from, to - from));
}

} // namespace dd::expr
