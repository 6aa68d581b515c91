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
    auto *keyLines = new QVBoxLayout(m_keyRow);
    keyLines->setContentsMargins(0, 0, 0, 0);
    keyLines->setSpacing(4);
    m_partitionLine = new QHBoxLayout;
    m_sortLine = new QHBoxLayout;
    keyLines->addLayout(m_partitionLine);
    keyLines->addLayout(m_sortLine);
    m_partitions << makePartitionField(0);
    m_sorts << makeSortField(0);

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

    connect(addFilterButton, &QPushButton::clicked, this, [this] { addFilter(); });
    connect(m_pick->menu(), &QMenu::aboutToShow, this, &QueryBuilder::updatePickMenu);
    connect(m_projection, &QLineEdit::returnPressed, this, &QueryBuilder::runRequested);
    setKeys(TableKeys());
}

// Object names: the first attribute's fields keep the single-key names
// (partitionValue, sortOperator, sortValue, sortValue2); the next ones add
// their number from 2 (partitionValue_2, sortOperator_3, sortValue2_3, ...).
QueryBuilder::PartitionField QueryBuilder::makePartitionField(int attribute)
{
    const QString suffix = attribute == 0 ? QString() : QStringLiteral("_%1").arg(attribute + 1);
    PartitionField f{new QLabel(m_keyRow), new QLineEdit(m_keyRow)};
    f.value->setObjectName(QStringLiteral("partitionValue") + suffix);
    f.label->setBuddy(f.value);
    connect(f.value, &QLineEdit::returnPressed, this, &QueryBuilder::runRequested);
    return f;
}

QueryBuilder::SortField QueryBuilder::makeSortField(int attribute)
{
    const QString suffix = attribute == 0 ? QString() : QStringLiteral("_%1").arg(attribute + 1);
    SortField f{new QLabel(m_keyRow), new QComboBox(m_keyRow), new QLineEdit(m_keyRow), new QLabel(tr("and"), m_keyRow),
                new QLineEdit(m_keyRow)};
    f.op->setObjectName(QStringLiteral("sortOperator") + suffix);
    f.op->addItem(tr("any"), QString());
    for (const QString &op : queryspec::sortOperators())
        f.op->addItem(queryspec::sortOperatorLabel(op), op);
    f.label->setBuddy(f.op);
    f.value->setObjectName(QStringLiteral("sortValue") + suffix);
    f.value2->setObjectName(QStringLiteral("sortValue2") + suffix);
    connect(f.op, &QComboBox::currentIndexChanged, this, &QueryBuilder::updateSortFields);
    for (QLineEdit *e : {f.value, f.value2})
        connect(e, &QLineEdit::returnPressed, this, &QueryBuilder::runRequested);
    return f;
}

void QueryBuilder::layoutKeyFields()
{
    for (QHBoxLayout *line : {m_partitionLine, m_sortLine})
        while (QLayoutItem *item = line->takeAt(0))
            delete item; // the widgets stay, children of m_keyRow
    for (const PartitionField &f : m_partitions) {
        m_partitionLine->addWidget(f.label);
        m_partitionLine->addWidget(f.value, 2);
    }
    // A single-attribute key keeps its one line; a multi-attribute key puts
    // its sort attributes on a second line under a heading.
    const bool multi = m_keys.isMultiAttribute();
    QHBoxLayout *sortLine = multi ? m_sortLine : m_partitionLine;
    if (!multi)
        m_partitionLine->addSpacing(12);
    for (qsizetype i = 0; i < m_sorts.size(); ++i) {
        const SortField &f = m_sorts[i];
        if (i > 0)
            sortLine->addSpacing(8);
        sortLine->addWidget(f.label);
        sortLine->addWidget(f.op);
        sortLine->addWidget(f.value, 2);
        sortLine->addWidget(f.andLabel);
        sortLine->addWidget(f.value2, 1);
    }
    if (multi)
        m_sortLine->addStretch(0);
}

void QueryBuilder::setKeys(const TableKeys &keys)
{
    m_keys = keys;
    const qsizetype partitions = qMax<qsizetype>(1, keys.partitions.size());
    const qsizetype sorts = qMax<qsizetype>(1, keys.sorts.size());
    while (m_partitions.size() > partitions) {
        const PartitionField f = m_partitions.takeLast();
        delete f.label;
        delete f.value;
    }
    while (m_sorts.size() > sorts) {
        const SortField f = m_sorts.takeLast();
        for (QWidget *w : std::initializer_list<QWidget *>{f.label, f.op, f.value, f.andLabel, f.value2})
            delete w;
    }
    while (m_partitions.size() < partitions)
        m_partitions << makePartitionField(int(m_partitions.size()));
    while (m_sorts.size() < sorts)
        m_sorts << makeSortField(int(m_sorts.size()));
    layoutKeyFields();

    auto placeholder = [this](const QString &type) {
        return type == QLatin1String("N") ? tr("number") : type == QLatin1String("B") ? tr("base64") : tr("value");
    };
    const bool multi = keys.isMultiAttribute();
    for (qsizetype i = 0; i < m_partitions.size(); ++i) {
        const TableKeys::Attribute a = i < keys.partitions.size() ? keys.partitions[i]
                                                                 : TableKeys::Attribute{keys.partition, keys.partitionType};
        m_partitions[i].label->setText(a.name.isEmpty() ? tr("Partition key =") : tr("%1 (%2) =").arg(a.name, a.type));
        m_partitions[i].value->setPlaceholderText(placeholder(a.type));
        m_partitions[i].value->setToolTip(multi ? tr("Partition key attribute %1 of %2: a value is required").arg(i + 1).arg(m_partitions.size())
                                                : QString());
    }
    for (qsizetype i = 0; i < m_sorts.size(); ++i) {
        const TableKeys::Attribute a = i < keys.sorts.size() ? keys.sorts[i] : TableKeys::Attribute{keys.sort, keys.sortType};
        const bool sort = !a.name.isEmpty();
        m_sorts[i].label->setText(sort ? (multi && i == 0 ? tr("Sort: %1 (%2)") : tr("%1 (%2)")).arg(a.name, a.type) : QString());
        m_sorts[i].op->setToolTip(multi ? tr("Sort key attribute %1 of %2. Use them in order: = on each one before the last one you use, "
                                             "any condition on that last one")
                                              .arg(i + 1)
                                              .arg(m_sorts.size())
                                        : QString());
        for (QWidget *w : {static_cast<QWidget *>(m_sorts[i].label), static_cast<QWidget *>(m_sorts[i].op)})
            w->setVisible(sort);
    }
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
    for (qsizetype i = 0; i < m_sorts.size(); ++i) {
        const SortField &f = m_sorts[i];
        const QString op = f.op->currentData().toString();
        const bool sort = i < m_keys.sorts.size() || (i == 0 && !m_keys.sort.isEmpty());
        f.value->setVisible(sort && !op.isEmpty());
        f.andLabel->setVisible(sort && op == QLatin1String("between"));
        f.value2->setVisible(sort && op == QLatin1String("between"));
    }
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
    s.partitionValue = m_partitions.first().value->text();
    s.sortName = m_keys.sort;
    s.sortType = m_keys.sortType;
    if (m_keys.isMultiAttribute()) {
        for (qsizetype i = 1; i < m_keys.partitions.size() && i < m_partitions.size(); ++i)
            s.morePartitions << QueryCondition{m_keys.partitions[i].name, QStringLiteral("="), m_keys.partitions[i].type,
                                               m_partitions[i].value->text(), QString()};
        for (qsizetype i = 0; i < m_keys.sorts.size() && i < m_sorts.size(); ++i)
            s.sorts << QueryCondition{m_keys.sorts[i].name, m_sorts[i].op->currentData().toString(), m_keys.sorts[i].type,
                                      m_sorts[i].value->text(), m_sorts[i].value2->text()};
    } else if (!m_keys.sort.isEmpty()) {
        s.sort.op = m_sorts.first().op->currentData().toString();
        s.sort.value = m_sorts.first().value->text();
        s.sort.value2 = m_sorts.first().value2->text();
    }
    for (const FilterRow *f : m_filters)
        s.filters << f->condition();
    s.matchAny = m_match->currentIndex() == 1;
    for (const QString &p : m_projection->text().split(QLatin1Char(',')))
        if (!p.trimmed().isEmpty())
            s.projection << p.trimmed();
    return s;
}

void QueryBuilder::setPartitionValue(const QString &value, int attribute)
{
    if (attribute >= 0 && attribute < m_partitions.size())
        m_partitions[attribute].value->setText(value);
}

void QueryBuilder::setSortCondition(const QString &op, const QString &value, const QString &value2, int attribute)
{
    if (attribute < 0 || attribute >= m_sorts.size())
        return;
    const SortField &f = m_sorts[attribute];
    f.op->setCurrentIndex(qMax(0, f.op->findData(op)));
    f.value->setText(value);
    f.value2->setText(value2);
}

void QueryBuilder::setProjection(const QStringList &attributes)
{
    m_projection->setText(attributes.join(QLatin1String(", ")));
}

} // namespace dd::ui
