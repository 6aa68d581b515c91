// PolicyEditor: the text of a resource-based policy being edited, in a
// monospace editor with Format, Insert template and its size against
// DynamoDB's 20 KB beside it, and below it what keeps the text from being
// sent (policytext::check(): a JSON syntax error with its line and column,
// or a template's placeholder), marked in the text as it is typed.
//
// It shows a QTextDocument it does not own (newDocument()), so that one
// editor can switch between documents, each with its own undo history.
// GUI thread only; it never talks to DynamoDB.
#pragma once

#include "policies/policytemplates.h"
#include "policies/policytext.h"

#include <QWidget>

#include <optional>

class QLabel;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QTextDocument;
class QToolButton;

namespace dd::ui {

class ErrorLabel;

class PolicyEditor : public QWidget {
    Q_OBJECT
public:
    explicit PolicyEditor(QWidget *parent = nullptr);

    // A document for this editor, owned by `parent`.
    static QTextDocument *newDocument(QObject *parent);
    // Replaces the text of `document` by an edit that Undo takes back (the
    // first text of an empty document: none to take back), then counts the
    // document as unmodified.
    static void loadText(QTextDocument *document, const QString &text);

    // Shows `document` (from newDocument(); not owned).
    void setDocument(QTextDocument *document);
    QTextDocument *document() const { return m_document; }
    QPlainTextEdit *textEdit() const { return m_edit; }
    QString text() const;
    // Replaces the text as typing would (Undo takes it back).
    void setText(const QString &text);

    // Read-only, with Format and Insert template disabled, while false.
    void setEditable(bool editable);
    // The templates Insert template offers, in the menu's order.
    void setTemplates(const QList<PolicyTemplate> &templates);
    QList<PolicyTemplate> templates() const { return m_templateList; }

    // Format: indents the text (an edit Undo takes back); false if it is not JSON.
    bool format();
    // Adds template `index`'s statements to the text and selects its
    // placeholder; false if not editable or the text is not a JSON object.
    bool insertTemplate(int index);

    // Why the text cannot be sent; none for an empty text.
    std::optional<policytext::Problem> problem() const { return m_problem; }
    QString problemText() const;
    // Puts the cursor on the problem (a placeholder selected, to be typed over).
    void showProblem();

signals:
    // After every change of the text, with problem() up to date.
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void onContentsChanged();
    void showMarks(); // the problem's mark and the size's colour, from the palette
    void updateTools();

    QTextDocument *m_document = nullptr;
    bool m_editable = true;
    QList<PolicyTemplate> m_templateList;
    std::optional<policytext::Problem> m_problem;

    QPushButton *m_format;
    QToolButton *m_templates;
    QMenu *m_templateMenu;
    QLabel *m_size;
    QPlainTextEdit *m_edit;
    ErrorLabel *m_problemLabel;
};

} // namespace dd::ui
