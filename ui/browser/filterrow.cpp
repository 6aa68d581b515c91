#include "browser/filterrow.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace dd::ui {

FilterRow::FilterRow(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("filterRow"));
    m_attribute = new QComboBox(this);
    m_attribute->setObjectName(QStringLiteral("filterAttribute"));
    m_attribute->setEditable(true);
    m_attribute->setInsertPolicy(QComboBox::NoInsert);
    m_attribute->setMinimumContentsLength(12);
    m_attribute->lineEdit()->setPlaceholderText(tr("attribute or a.b[0]"));
    m_op = new QComboBox(this);
    m_op->setObjectName(QStringLiteral("filterOperator"));
    for (const QString &op : queryspec::filterOperators()) {
        const QString label = op == QLatin1String("exists") ? tr("exists")
                            : op == QLatin1String("not_exists") ? tr("not exists")
                            : op == QLatin1String("between") ? tr("between")
                            : op == QLatin1String("in") ? tr("in (a, b, …)")
                            : op == QLatin1String("begins_with") ? tr("begins with")
                            : op == QLatin1String("contains") ? tr("contains") : op;
        m_op->addItem(label, op);
    }
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("filterType"));
    m_type->addItems({QStringLiteral("S"), QStringLiteral("N"), QStringLiteral("B"), QStringLiteral("BOOL"), QStringLiteral("NULL")});
    m_type->setToolTip(tr("Type of the value"));
    m_value = new QLineEdit(this);
    m_value->setObjectName(QStringLiteral("filterValue"));
    m_value->setPlaceholderText(tr("value"));
    m_and = new QLabel(tr("and"), this);
    m_value2 = new QLineEdit(this);
    m_value2->setObjectName(QStringLiteral("filterValue2"));
    auto *remove = new QToolButton(this);
    remove->setObjectName(QStringLiteral("removeFilter"));
    remove->setIcon(QIcon(QStringLiteral(":/dynamodesk/icons/remove.svg")));
    remove->setToolTip(tr("Remove this condition"));
    remove->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_attribute, 2);
    layout->addWidget(m_op);
    layout->addWidget(m_type);
    layout->addWidget(m_value, 2);
    layout->addWidget(m_and);
    layout->addWidget(m_value2, 1);
    layout->addWidget(remove);

    connect(m_op, &QComboBox::currentIndexChanged, this, &FilterRow::updateFields);
    connect(m_type, &QComboBox::currentIndexChanged, this, &FilterRow::updateFields);
    connect(m_attribute, &QComboBox::currentTextChanged, this, [this](const QString &name) {
        if (m_types.contains(name))
            m_type->setCurrentText(m_types.value(name));
    });
    connect(remove, &QToolButton::clicked, this, &FilterRow::removeRequested);
    connect(m_value, &QLineEdit::returnPressed, this, &FilterRow::runRequested);
    connect(m_value2, &QLineEdit::returnPressed, this, &FilterRow::runRequested);
    updateFields();
}

void FilterRow::setAttributes(const QStringList &names, const QHash<QString, QString> &types)
{
    m_types = types;
    const QString current = m_attribute->currentText();
    m_attribute->blockSignals(true);
    m_attribute->clear();
    m_attribute->addItems(names);
    m_attribute->setCurrentText(current);
    m_attribute->blockSignals(false);
}

QueryCondition FilterRow::condition() const
{
    QueryCondition c;
    c.attribute = m_attribute->currentText().trimmed();
    c.op = m_op->currentData().toString();
    c.type = m_type->currentText();
    c.value = m_value->text();
    c.value2 = m_value2->text();
    return c;
}

void FilterRow::setCondition(const QueryCondition &c)
{
    m_attribute->setCurrentText(c.attribute);
    m_op->setCurrentIndex(qMax(0, m_op->findData(c.op)));
    m_type->setCurrentText(c.type);
    m_value->setText(c.value);
    m_value2->setText(c.value2);
}

void FilterRow::updateFields()
{
    const QString op = m_op->currentData().toString();
    const bool noValue = op == QLatin1String("exists") || op == QLatin1String("not_exists")
                      || m_type->currentText() == QLatin1String("NULL");
    const bool between = op == QLatin1String("between");
    m_type->setVisible(op != QLatin1String("exists") && op != QLatin1String("not_exists"));
    m_value->setVisible(!noValue);
    m_and->setVisible(between && !noValue);
    m_value2->setVisible(between && !noValue);
    m_value->setPlaceholderText(op == QLatin1String("in") ? tr("a, b, c") : m_type->currentText() == QLatin1String("BOOL") ? tr("true or false") : tr("value"));
}

} // namespace dd::ui
