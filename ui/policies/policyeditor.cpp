#include "policies/policyeditor.h"

#include "common/errorlabel.h"
#include "common/palettecolours.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextDocumentLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace dd::ui {

namespace {

bool isJson(const QString &text)
{
    QJsonParseError error;
    QJsonDocument::fromJson(text.toUtf8(), &error);
    return error.error == QJsonParseError::NoError;
}

} // namespace

PolicyEditor::PolicyEditor(QWidget *parent) : QWidget(parent)
{
    m_format = new QPushButton(tr("&Format"), this);
    m_format->setObjectName(QStringLiteral("formatPolicy"));
    m_format->setAutoDefault(false);
    m_format->setToolTip(tr("Indent the policy by two spaces, keeping the order of its members (Ctrl+Shift+F)"));
    m_format->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_templateMenu = new QMenu(this);
    m_templateMenu->setObjectName(QStringLiteral("policyTemplateMenu"));
    m_templateMenu->setToolTipsVisible(true);
    m_templates = new QToolButton(this);
    m_templates->setObjectName(QStringLiteral("policyTemplates"));
    m_templates->setText(tr("Insert te&mplate"));
    m_templates->setIcon(QIcon(QStringLiteral(":/dynamodesk/icons/add.svg")));
    m_templates->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_templates->setPopupMode(QToolButton::InstantPopup);
    m_templates->setMenu(m_templateMenu);
    m_templates->setToolTip(tr("Add a template's statement to the policy, with this resource's ARN filled in"));
    m_size = new QLabel(this);
    m_size->setObjectName(QStringLiteral("policySize"));
    m_size->setToolTip(tr("DynamoDB counts spaces and line breaks against its limit of 20 KB per policy"));
    auto *tools = new QHBoxLayout;
    tools->setContentsMargins(0, 0, 0, 0);
    tools->addWidget(m_format);
    tools->addWidget(m_templates);
    tools->addStretch(1);
    tools->addWidget(m_size);

    m_edit = new QPlainTextEdit(this);
    m_edit->setObjectName(QStringLiteral("policyEditor"));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->setTabChangesFocus(true);
    m_edit->setPlaceholderText(tr("No resource-based policy. Type one in IAM's JSON policy language, or insert a template."));
    m_problemLabel = new ErrorLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("policyProblem"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(tools);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_problemLabel);

    connect(m_format, &QPushButton::clicked, this, &PolicyEditor::format);
    setDocument(newDocument(this));
}

QTextDocument *PolicyEditor::newDocument(QObject *parent)
{
    auto *document = new QTextDocument(parent);
    document->setDocumentLayout(new QPlainTextDocumentLayout(document));
    document->setDefaultFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return document;
}

void PolicyEditor::loadText(QTextDocument *document, const QString &text)
{
    if (document->isEmpty() && !document->isUndoAvailable()) {
        document->setPlainText(text);
    } else if (document->toPlainText() != text) {
        QTextCursor cursor(document);
        cursor.select(QTextCursor::Document);
        cursor.insertText(text);
    }
    document->setModified(false);
}

void PolicyEditor::setDocument(QTextDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_edit->setDocument(document);
    connect(document, &QTextDocument::contentsChanged, this, &PolicyEditor::onContentsChanged);
    // The modified flag turns after contentsChanged, and on setModified(): listeners hear of that too.
    connect(document, &QTextDocument::modificationChanged, this, &PolicyEditor::changed);
    onContentsChanged();
}

QString PolicyEditor::text() const
{
    return m_document->toPlainText();
}

void PolicyEditor::setText(const QString &text)
{
    QTextCursor cursor(m_document);
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
}

void PolicyEditor::setEditable(bool editable)
{
    m_editable = editable;
    m_edit->setReadOnly(!editable);
    updateTools();
}

void PolicyEditor::setTemplates(const QList<PolicyTemplate> &templates)
{
    m_templateList = templates;
    m_templateMenu->clear();
    for (int i = 0; i < templates.size(); ++i) {
        QAction *action = m_templateMenu->addAction(templates.at(i).title, this, [this, i] { insertTemplate(i); });
        action->setToolTip(templates.at(i).description);
    }
    updateTools();
}

bool PolicyEditor::format()
{
    const QString current = text();
    if (!m_editable || current.trimmed().isEmpty() || !isJson(current))
        return false;
    const QString indented = policytext::formatted(current);
    if (indented != current)
        setText(indented);
    return true;
}

bool PolicyEditor::insertTemplate(int index)
{
    if (!m_editable || index < 0 || index >= m_templateList.size())
        return false;
    const QString merged = policytext::withStatements(text(), m_templateList.at(index).statements);
    if (merged.isEmpty())
        return false;
    setText(merged);
    // The template's placeholder: the first left in the text.
    const auto [at, length] = policytext::firstPlaceholder(merged);
    if (at >= 0) {
        QTextCursor cursor(m_document);
        cursor.setPosition(at);
        cursor.setPosition(at + length, QTextCursor::KeepAnchor);
        m_edit->setTextCursor(cursor);
    }
    m_edit->setFocus();
    return true;
}

QString PolicyEditor::problemText() const
{
    return m_problem ? m_problem->message : QString();
}

void PolicyEditor::showProblem()
{
    if (!m_problem)
        return;
    QTextCursor cursor(m_document);
    cursor.setPosition(m_problem->position);
    if (m_problem->length > 1)
        cursor.setPosition(m_problem->position + m_problem->length, QTextCursor::KeepAnchor);
    m_edit->setTextCursor(cursor);
    m_edit->setFocus();
}

void PolicyEditor::onContentsChanged()
{
    const QString current = text();
    m_problem = current.trimmed().isEmpty() ? std::nullopt : policytext::check(current);
    showMarks();
    m_problemLabel->setError(problemText());

    const qsizetype bytes = current.toUtf8().size();
    m_size->setText(tr("%1 of %2 bytes").arg(QLocale().toString(bytes), QLocale().toString(policytext::kMaxPolicyBytes)));
    updateTools();
    emit changed();
}

void PolicyEditor::showMarks()
{
    const QString current = text();
    // This widget's palette, not the text's: on a PaletteChange the children
    // still hold the old one (Qt tells the parent first).
    const QColor red = colours::failureText(palette());
    QList<QTextEdit::ExtraSelection> marks;
    if (m_problem) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_document);
        // At the very end there is no character to underline: the last one.
        const int from = std::min(m_problem->position, std::max(0, int(current.size()) - 1));
        mark.cursor.setPosition(from);
        mark.cursor.setPosition(std::min(int(current.size()), from + std::max(1, m_problem->length)), QTextCursor::KeepAnchor);
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(red);
        mark.format.setBackground(colours::failureWash(palette(), 40));
        marks << mark;
    }
    m_edit->setExtraSelections(marks);

    // Over the limit the size turns red; under it, the label follows the parent again.
    QPalette sizePalette;
    if (current.toUtf8().size() > policytext::kMaxPolicyBytes)
        sizePalette.setColor(QPalette::WindowText, red);
    m_size->setPalette(sizePalette);
}

void PolicyEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_document)
        showMarks();
}

void PolicyEditor::updateTools()
{
    m_format->setEnabled(m_editable && !text().trimmed().isEmpty());
    m_templates->setEnabled(m_editable && !m_templateList.isEmpty());
}

} // namespace dd::ui
