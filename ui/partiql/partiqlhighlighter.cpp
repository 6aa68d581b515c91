#include "partiql/partiqlhighlighter.h"

#include <QColor>
#include <QFont>

namespace dd::ui {

PartiqlHighlighter::PartiqlHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
}

QTextCharFormat PartiqlHighlighter::format(partiql::TokenKind kind) const
{
    using partiql::TokenKind;
    QTextCharFormat f;
    switch (kind) {
    case TokenKind::Keyword:
        f.setForeground(QColor(0x4a, 0x7f, 0xd9));
        f.setFontWeight(QFont::Bold);
        break;
    case TokenKind::String:
        f.setForeground(QColor(0x3a, 0x9a, 0x4a));
        break;
    case TokenKind::QuotedName:
        f.setForeground(QColor(0xa8, 0x62, 0xc8));
        break;
    case TokenKind::Number:
        f.setForeground(QColor(0xd0, 0x80, 0x30));
        break;
    case TokenKind::Parameter:
        f.setForeground(QColor(0x1a, 0xa3, 0xa3));
        f.setFontWeight(QFont::Bold);
        break;
    case TokenKind::Comment:
        f.setForeground(QColor(0x8a, 0x8d, 0x91));
        f.setFontItalic(true);
        break;
    case TokenKind::Name:
    case TokenKind::Punct:
        break;
    }
    return f;
}

void PartiqlHighlighter::highlightBlock(const QString &text)
{
    const int previous = previousBlockState();
    const auto start = previous > 0 ? partiql::LexState(previous) : partiql::LexState::Normal;
    partiql::LexState end = partiql::LexState::Normal;
    for (const partiql::Token &t : partiql::lex(text, start, &end))
        if (t.kind != partiql::TokenKind::Name && t.kind != partiql::TokenKind::Punct)
            setFormat(int(t.start), int(t.length), format(t.kind));
    setCurrentBlockState(int(end));
}

} // namespace dd::ui
