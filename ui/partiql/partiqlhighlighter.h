// PartiqlHighlighter: colours a PartiQL statement as it is typed: keywords,
// 'strings', "quoted names", numbers, ? parameters and -- comments
// (partiqllexer.h). A string or quoted name left open at the end of a line
// carries on in the next (the block state). Mid-tone colours that read on
// both the light and the dark palette.
//
// GUI thread only; the document is not owned.
#pragma once

#include "partiql/partiqllexer.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace dd::ui {

class PartiqlHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit PartiqlHighlighter(QTextDocument *document);

    // The format a token kind gets (no foreground for plain names and punctuation).
    QTextCharFormat format(partiql::TokenKind kind) const;

protected:
    void highlightBlock(const QString &text) override;
};

} // namespace dd::ui
