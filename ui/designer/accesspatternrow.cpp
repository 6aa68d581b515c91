#include "designer/accesspatternrow.h"

#include "browser/queryspec.h"
#include "common/palettecolours.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QToolButton>

namespace dd::ui {

AccessPatternRow::AccessPatternRow(QWidget *parent) : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 4, 0, 4);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("patternName"));
    m_name->setPlaceholderText(tr("e.g. Orders by customer, newest first"));
    m_partition = new QComboBox(this);
    m_partition->setObjectName(QStringLiteral("patternPartition"));
    m_partition->setEditable(true);
    m_partition->setToolTip(tr("The attribute the query looks up by equality (its partition key)"));
    m_partition->lineEdit()->setPlaceholderText(tr("looked up by (=)"));
    m_sort = new QComboBox(this);
    m_sort->setObjectName(QStringLiteral("patternSort"));
    m_sort->setEditable(true);
    m_sort->setToolTip(tr("The attribute the query ranges over or orders by (its sort key); may stay empty"));
    m_sort->lineEdit()->setPlaceholderText(tr("sort (optional)"));
    m_operator = new QComboBox(this);
    m_operator->setObjectName(QStringLiteral("patternOperator"));
    for (const QString &op : AccessPattern::operators())
        m_operator->addItem(queryspec::sortOperatorLabel(op), op);
    m_order = new QComboBox(this);
    m_order->setObjectName(QStringLiteral("patternOrder"));
    m_order->addItem(tr("Ascending"), false);
    m_order->addItem(tr("Descending"), true);
    auto *remove = new QToolButton(this);
    remove->setObjectName(QStringLiteral("removePattern"));
    remove->setIcon(QIcon(QStringLiteral(":/dynamodesk/icons/remove.svg")));
    remove->setToolTip(tr("Remove this access pattern"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("patternResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_addIndex = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/add.svg")), tr("Add this index"), this);
    m_addIndex->setObjectName(QStringLiteral("addSuggestedIndex"));
    m_addIndex->setVisible(false);

    grid->addWidget(m_name, 0, 0, 1, 5);
    grid->addWidget(remove, 0, 5);
    grid->addWidget(m_partition, 1, 0);
    grid->addWidget(m_sort, 1, 1);
    grid->addWidget(m_operator, 1, 2);
    grid->addWidget(m_order, 1, 3, 1, 3);
    grid->addWidget(m_result, 2, 0, 1, 5);
    grid->addWidget(m_addIndex, 2, 5);
    grid->setColumnStretch(0, 2);
    grid->setColumnStretch(1, 2);

    connect(m_name, &QLineEdit::textChanged, this, &AccessPatternRow::changed);
    for (auto *c : {m_partition, m_sort})
        connect(c, &QComboBox::currentTextChanged, this, &AccessPatternRow::changed);
    for (auto *c : {m_operator, m_order})
        connect(c, &QComboBox::currentIndexChanged, this, &AccessPatternRow::changed);
    connect(m_sort, &QComboBox::currentTextChanged, this, [this](const QString &t) { m_operator->setEnabled(!t.trimmed().isEmpty()); });
    m_operator->setEnabled(false);
    connect(remove, &QToolButton::clicked, this, &AccessPatternRow::removeRequested);
    connect(m_addIndex, &QPushButton::clicked, this, [this] {
        const IndexDesign suggestion = m_resolution.suggestion; // adding it re-resolves this row
        emit addIndexRequested(suggestion);
    });
}

AccessPattern AccessPatternRow::pattern() const
{
    AccessPattern a;
    a.name = m_name->text().trimmed();
    a.partition = m_partition->currentText().trimmed();
    a.sort = m_sort->currentText().trimmed();
    a.sortOperator = m_operator->currentData().toString();
    a.descending = m_order->currentData().toBool();
    return a;
}

void AccessPatternRow::setPattern(const AccessPattern &a)
{
    m_name->setText(a.name);
    m_partition->setCurrentText(a.partition);
    m_sort->setCurrentText(a.sort);
    m_operator->setCurrentIndex(qMax(0, m_operator->findData(a.sortOperator)));
    m_order->setCurrentIndex(a.descending ? 1 : 0);
}

void AccessPatternRow::setAttributes(const QStringList &names)
{
    for (auto *c : {m_partition, m_sort}) {
        const QString text = c->currentText();
        QStringList current;
        for (int i = 0; i < c->count(); ++i)
            current << c->itemText(i);
        if (current == names)
            continue;
        const QSignalBlocker block(c);
        c->clear();
        c->addItems(names);
        c->setCurrentText(text);
    }
}

void AccessPatternRow::showResolution(const PatternResolution &resolution)
{
    m_resolution = resolution;
    QString text = resolution.summary();
    QString color;
    switch (resolution.kind) {
    case PatternResolution::Kind::Incomplete:
        color = palette().color(QPalette::Disabled, QPalette::Text).name();
        break;
    case PatternResolution::Kind::None:
        color = colours::failureText(palette()).name();
        break;
    default:
        color = colours::successText(palette()).name();
        if (resolution.projection == QLatin1String("KEYS_ONLY"))
            text += QLatin1Char('\n') + tr("The index holds keys only: other attributes need a GetItem per item.");
        break;
    }
    m_result->setText(text);
    m_result->setStyleSheet(QStringLiteral("color: %1;").arg(color));
    const bool suggest = resolution.kind == PatternResolution::Kind::None && !resolution.suggestion.name.isEmpty();
    m_addIndex->setVisible(suggest);
    m_addIndex->setToolTip(suggest ? tr("Add global index %1").arg(resolution.suggestion.name) : QString());
}

} // namespace dd::ui
