#include "browser/querybuilder.h"

#include "browser/filterrow.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace dd::ui {

QueryBuilder::QueryBuilder(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("queryBuilder"));
    m_keyRow = new QWidget(this);
    m_partitionLabel = new QLabel(m_keyRow);
    m_partitionValue = new QLineEdit(m_keyRow);
    m_partitionValue->setObjectName(QStringLiteral("partitionValue"));
    m_partitionLabel->setBuddy(m_partitionValue);
    m_sortLabel = new QLabel(m_keyRow);
    m_sortOp = new QComboBox(m_keyRow);
    m_sortOp->setObjectName(QStringLiteral("sortOperator"));
    m_sortOp->addItem(tr("any"), QString());
    for (const QString &op : queryspec::sortOperators())
        m_sortOp->addItem(op == QLatin1String("between") ? tr("between") : op == QLatin1String("begins_with") ? tr("begins with") : op, op);
    m_sortLabel->setBuddy(m_sortOp);
    m_sortValue = new QLineEdit(m_keyRow);
    m_sortValue->setObjectName(QStringLiteral("sortValue"));
    m_sortAnd = new QLabel(tr("and"), m_keyRow);
    m_sortValue2 = new QLineEdit(m_keyRow);
    m_sortValue2->setObjectName(QStringLiteral("sortValue2"));
    auto *keys = new QHBoxLayout(m_keyRow);
    keys->setContentsMargins(0, 0, 0, 0);
    keys->addWidget(m_partitionLabel);
    keys->addWidget(m_partitionValue, 2);
    keys->addSpacing(12);
    keys->addWidget(m_sortLabel);
    keys->addWidget(m_sortOp);
    keys->addWidget(m_sortValue, 2);
    keys->addWidget(m_sortAnd);
    keys->addWidget(m_sortValue2, 1);

    m_match = new QComboBox(this);
    m_match->setObjectName(QStringLiteral("filterMatch"));
    m_match->addItem(tr("all of"));
    m_match->addItem(tr("any of"));
    auto *addFilterButton = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/add.svg")), tr("Add &filter"), this);
    addFilterButton->setObjectName(QStringLiteral("addFilter"));
    m_projection = new QLineEdit(this);
    m_projection->setObjectName(QStringLiteral("builderProjection"));
    m_projection->setPlaceholderText(tr("all attributes"));
    m_projection->setToolTip(tr("Attribute names or paths, separated by commas"));
    m_pick = new QToolButton(this);
    m_pick->setObjectName(QStringLiteral("pickProjection"));
    m_pick->setText(tr("Pick"));
    m_pick->setPopupMode(QToolButton::InstantPopup);
    m_pick->setMenu(new QMenu(m_pick));

    auto *filterHead = new QHBoxLayout;
    auto *filterLabel = new QLabel(tr("Filter: items matching"), this);
    filterLabel->setBuddy(m_match);
    filterHead->addWidget(filterLabel);
    filterHead->addWidget(m_match);
    filterHead->addWidget(addFilterButton);
    filterHead->addSpacing(12);
    auto *projectionLabel = new QLabel(tr("Pro&jection:"), this);
    projectionLabel->setBuddy(m_projection);
    filterHead->addWidget(projectionLabel);
    filterHead->addWidget(m_projection, 1);
    filterHead->addWidget(m_pick);
    m_filterLayout = new QVBoxLayout;
    m_filterLayout->setContentsMargins(0, 0, 0, 0);
    m_filterLayout->setSpacing(2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_keyRow);
    layout->addLayout(filterHead);
    layout->addLayout(m_filterLayout);

    connect(m_sortOp, &QComboBox::currentIndexChanged, this, &QueryBuilder::updateSortFields);
    connect(addFilterButton, &QPushButton::clicked, this, [this] { addFilter(); });
    connect(m_pick->menu(), &QMenu::aboutToShow, this, &QueryBuilder::updatePickMenu);
    for (QLineEdit *e : {m_partitionValue, m_sortValue, m_sortValue2, m_projection})
        connect(e, &QLineEdit::returnPressed, this, &QueryBuilder::runRequested);
    setKeys(TableKeys());
    updateSortFields();
}

void QueryBuilder::setKeys(const TableKeys &keys)
{
    m_keys = keys;
    m_partitionLabel->setText(keys.partition.isEmpty() ? tr("Partition key =")
                                                       : tr("%1 (%2) =").arg(keys.partition, keys.partitionType));
    m_partitionValue->setPlaceholderText(keys.partitionType == QLatin1String("N") ? tr("number")
                                        : keys.partitionType == QLatin1String("B") ? tr("base64") : tr("value"));
    const bool sort = !keys.sort.isEmpty();
    m_sortLabel->setText(sort ? tr("%1 (%2)").arg(keys.sort, keys.sortType) : QString());
    for (QWidget *w : {static_cast<QWidget *>(m_sortLabel), static_cast<QWidget *>(m_sortOp)})
        w->setVisible(sort);
    updateSortFields();
}

void QueryBuilder::setQueryMode(bool query)
{
    m_keyRow->setVisible(query);
}

void QueryBuilder::setAttributes(const QStringList &names, const QHash<QString, QString> &types)
{
    m_names = names;
    m_types = types;
    for (FilterRow *f : m_filters)
        f->setAttributes(names, types);
}

void QueryBuilder::updateSortFields()
{
    const QString op = m_sortOp->currentData().toString();
    const bool sort = !m_keys.sort.isEmpty();
    m_sortValue->setVisible(sort && !op.isEmpty());
    m_sortAnd->setVisible(sort && op == QLatin1String("between"));
    m_sortValue2->setVisible(sort && op == QLatin1String("between"));
}

void QueryBuilder::updatePickMenu()
{
    QMenu *menu = m_pick->menu();
    menu->clear();
    QStringList chosen;
    for (const QString &p : m_projection->text().split(QLatin1Char(',')))
        if (!p.trimmed().isEmpty())
            chosen << p.trimmed();
    if (m_names.isEmpty())
        menu->addAction(tr("(no attributes seen yet)"))->setEnabled(false);
    for (const QString &name : m_names) {
        QAction *a = menu->addAction(name);
        a->setCheckable(true);
        a->setChecked(chosen.contains(name));
        connect(a, &QAction::toggled, this, [this, name](bool on) {
            QStringList list;
            for (const QString &p : m_projection->text().split(QLatin1Char(',')))
                if (!p.trimmed().isEmpty() && p.trimmed() != name)
                    list << p.trimmed();
            if (on)
                list << name;
            m_projection->setText(list.join(QLatin1String(", ")));
        });
    }
}

FilterRow *QueryBuilder::addFilter()
{
    auto *row = new FilterRow(this);
    row->setAttributes(m_names, m_types);
    m_filterLayout->addWidget(row);
    m_filters << row;
    connect(row, &FilterRow::runRequested, this, &QueryBuilder::runRequested);
    connect(row, &FilterRow::removeRequested, this, [this, row] {
        m_filters.removeAll(row);
        row->deleteLater();
        emit changed();
    });
    emit changed();
    return row;
}

void QueryBuilder::clearFilters()
{
    for (FilterRow *f : m_filters)
        f->deleteLater();
    m_filters.clear();
    emit changed();
}

QuerySpec QueryBuilder::spec() const
{
    QuerySpec s;
    s.partitionName = m_keys.partition;
    s.partitionType = m_keys.partitionType;
    s.partitionValue = m_partitionValue->text();
    s.sortName = m_keys.sort;
    s.sortType = m_keys.sortType;
    if (!m_keys.sort.isEmpty()) {
        s.sort.op = m_sortOp->currentData().toString();
        s.sort.value = m_sortValue->text();
        s.sort.value2 = m_sortValue2->text();
    }
    for (const FilterRow *f : m_filters)
        s.filters << f->condition();
    s.matchAny = m_match->currentIndex() == 1;
    for (const QString &p : m_projection->text().split(QLatin1Char(',')))
        if (!p.trimmed().isEmpty())
            s.projection << p.trimmed();
    return s;
}

void QueryBuilder::setPartitionValue(const QString &value)
{
    m_partitionValue->setText(value);
}

void QueryBuilder::setSortCondition(const QString &op, const QString &value, const QString &value2)
{
    m_sortOp->setCurrentIndex(qMax(0, m_sortOp->findData(op)));
    m_sortValue->setText(value);
    m_sortValue2->setText(value2);
}

void QueryBuilder::setProjection(const QStringList &attributes)
{
    m_projection->setText(attributes.join(QLatin1String(", ")));
}

} // namespace dd::ui
