#include "partiql/partiqlhighlighter.h"

#include "common/palettecolours.h"

#include <QEvent>
#include <QFont>
#include <QGuiApplication>
#include <QTextDocument>
#include <QWidget>

namespace dd::ui {

namespace {

QWidget *editorOf(QTextDocument *document)
{
    for (QObject *o = document ? document->parent() : nullptr; o; o = o->parent())
        if (auto *w = qobject_cast<QWidget *>(o))
            return w;
    return nullptr;
}

} // namespace

PartiqlHighlighter::PartiqlHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    QWidget *editor = editorOf(document);
    m_palette = editor ? editor->palette() : QGuiApplication::palette();
    if (editor)
        editor->installEventFilter(this);
}

void PartiqlHighlighter::setPalette(const QPalette &palette)
{
    if (palette == m_palette)
        return;
    m_palette = palette;
    rehighlight();
}

bool PartiqlHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    // A change to dark mode reaches the editor as a PaletteChange.
    if (event->type() == QEvent::PaletteChange)
        if (auto *editor = qobject_cast<QWidget *>(watched))
            setPalette(editor->palette());
    return QSyntaxHighlighter::eventFilter(watched, event);
}

QTextCharFormat PartiqlHighlighter::format(partiql::TokenKind kind) const
{
    using partiql::TokenKind;
    // Hues pulled toward the text colour, as colours::successText() does:
    // dark on a light base, light on a dark one, each 4.5:1 or more against
    // the base of Qt's light and dark palettes.
    const QColor text = m_palette.color(QPalette::Text);
    const auto hue = [this, &text](int h) { return colours::blend(colours::highlightHue(m_palette, h), text, 0.35); };
    QTextCharFormat f;
    switch (kind) {
    case TokenKind::Keyword:
        f.setForeground(hue(215));
        f.setFontWeight(QFont::Bold);
        break;
    case TokenKind::String:
        f.setForeground(hue(130));
        break;
    case TokenKind::QuotedName:
        f.setForeground(hue(280));
        break;
    case TokenKind::Number:
        f.setForeground(hue(30));
        break;
    case TokenKind::Parameter:
        f.setForeground(hue(180));
        f.setFontWeight(QFont::Bold);
        break;
    case TokenKind::Comment:
        // Grey: the text colour nearly halfway to the base, still about 4.7:1.
        f.setForeground(colours::blend(m_palette.color(QPalette::Text), m_palette.color(QPalette::Base), 0.45));
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
