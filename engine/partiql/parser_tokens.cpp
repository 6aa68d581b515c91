// The PartiQL parser's tokens: the statement's text cut into words, quoted
// names, strings, numbers, parameters and punctuation, and the error for
// a token where it does not belong.
#include "partiql/parser_p.h"

namespace dd::partiql::parser_detail {

const QSet<QString> &keywords()
{
    static const QSet<QString> k = {
        p("SELECT"), p("FROM"), p("WHERE"), p("AND"), p("OR"), p("NOT"), p("BETWEEN"), p("IN"), p("IS"),
        p("MISSING"), p("NULL"), p("TRUE"), p("FALSE"), p("INSERT"), p("INTO"), p("VALUE"), p("UPDATE"), p("SET"),
        p("REMOVE"), p("DELETE"), p("RETURNING"), p("ORDER"), p("BY"), p("ASC"), p("DESC"), p("EXISTS"), p("VALUES"),
    };
    return k;
}

ApiError malformed(const QString &detail)
{
    return ApiError::validation(p("Statement wasn't well formed, can't be processed: ") + detail);
}

Result<void> Parser::tokenize()
{
    const qsizetype n = m_text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = m_text[i];
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == u'-' && i + 1 < n && m_text[i + 1] == u'-') { // a comment to the end of the line
            while (i < n && m_text[i] != u'\n')
                ++i;
            continue;
        }
        Token t;
        t.at = i;
        if (c.isLetter() || c == u'_') {
            qsizetype j = i + 1;
            while (j < n && (m_text[j].isLetterOrNumber() || m_text[j] == u'_' || m_text[j] == u'$'))
                ++j;
            t.type = Token::Type::Word;
            t.text = m_text.mid(i, j - i);
            i = j;
        } else if (c == u'"' || c == u'\'') {
            QString s;
            qsizetype j = i + 1;
            for (;;) {
                if (j >= n)
                    return malformed(p("Unexpected end of statement"));
                if (m_text[j] == c) {
                    if (j + 1 < n && m_text[j + 1] == c) {
                        s += c;
                        j += 2;
                        continue;
                    }
                    break;
                }
                s += m_text[j++];
            }
            t.type = c == u'"' ? Token::Type::QuotedName : Token::Type::String;
            t.text = s;
            i = j + 1;
        } else if (c.isDigit() || (c == u'.' && i + 1 < n && m_text[i + 1].isDigit())) {
            qsizetype j = i;
            while (j < n && m_text[j].isDigit())
                ++j;
            if (j < n && m_text[j] == u'.') {
                ++j;
                while (j < n && m_text[j].isDigit())
                    ++j;
            }
            if (j < n && (m_text[j] == u'e' || m_text[j] == u'E')) {
                qsizetype k = j + 1;
                if (k < n && (m_text[k] == u'+' || m_text[k] == u'-'))
                    ++k;
                if (k < n && m_text[k].isDigit()) {
                    while (k < n && m_text[k].isDigit())
                        ++k;
                    j = k;
                }
            }
            t.type = Token::Type::Number;
            t.text = m_text.mid(i, j - i);
            i = j;
        } else if (c == u'?') {
            t.type = Token::Type::Parameter;
            t.text = p("?");
            ++i;
        } else {
            static const char *const twoChar[] = {"<<", ">>", "<=", ">=", "<>", "!="};
            t.type = Token::Type::Punct;
            for (const char *two : twoChar) {
                if (i + 1 < n && m_text[i] == QLatin1Char(two[0]) && m_text[i + 1] == QLatin1Char(two[1])) {
                    t.text = p(two);
                    break;
                }
            }
            if (t.text.isEmpty()) {
                if (!QStringView(u"=<>()[]{},.:*+-").contains(c))
                    return malformed(p("Unexpected token"));
                t.text = c;
            }
            i += t.text.size();
        }
        m_tokens.push_back(std::move(t));
    }
    Token end;
    end.at = n;
    m_tokens.push_back(end);
    return {};
}

// DynamoDB's parse errors name the kind of token, not where it is.
ApiError Parser::unexpected() const
{
    const Token &t = peek();
    if (t.type == Token::Type::End)
        return malformed(p("Unexpected end of statement"));
    if (t.type == Token::Type::Word && keywords().contains(t.text.toUpper()))
        return malformed(p("Unexpected keyword"));
    return malformed(p("Unexpected token"));
}

} // namespace dd::partiql::parser_detail
