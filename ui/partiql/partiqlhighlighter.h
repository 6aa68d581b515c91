// PartiqlHighlighter: colours a PartiQL statement as it is typed: keywords,
// 'strings', "quoted names", numbers, ? parameters and -- comments
// (partiqllexer.h). A string or quoted name left open at the end of a line
// carries on in the next (the block state). The colours come from a palette
// (palettecolours.h), so they read on light and dark bases alike: that of the
// editor showing the document, followed when it changes, else the
// application's.
//
// GUI thread only; the document is not owned.
#pragma once

#include "partiql/partiqllexer.h"

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace dd::ui {

class PartiqlHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    // Follows the palette of the first widget among the document's parents
    // (the QPlainTextEdit that made it); without one, the application's.
    explicit PartiqlHighlighter(QTextDocument *document);

    // The format a token kind gets in the current palette (no foreground for
    // plain names and punctuation).
    QTextCharFormat format(partiql::TokenKind kind) const;

    // Colours for `palette` from now on, and highlights the document again.
    void setPalette(const QPalette &palette);
    QPalette palette() const { return m_palette; }

protected:
    void highlightBlock(const QString &text) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPalette m_palette;
};

} // namespace dd::ui
