#include "designer/indexrow.h"

#include "common/errorlabel.h"
#include "designer/keytypecombo.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace dd::ui {

namespace {

// "up to four attributes each" (Developer Guide, "Multi-attribute keys pattern").
constexpr int kMaxKeyAttributes = 4;
constexpr int kErrorRow = kMaxKeyAttributes; // the grid row of the reasons, under the key lines

} // namespace

IndexRow::IndexRow(bool global, QWidget *parent) : QWidget(parent), m_global(global)
{
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 2, 0, 2);
    m_grid->setVerticalSpacing(2);
    m_kind = new QLabel(global ? tr("Global") : tr("Local"), this);
    m_kind->setToolTip(global ? tr("Global secondary index: any partition and sort key, of up to four attributes each")
                              : tr("Local secondary index: the table's partition key, another sort key"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("indexName"));
    m_name->setPlaceholderText(tr("Index name"));
    m_name->setMinimumWidth(fontMetrics().averageCharWidth() * 10); // "byStatus" whole, not "yStatus"
    m_addPartition = new QToolButton(this);
    m_addPartition->setObjectName(QStringLiteral("addIndexPartition"));
    m_addPartition->setIcon(QIcon(QStringLiteral(":/dynamodesk/icons/add.svg")));
    m_addPartition->setToolTip(tr("Add a partition key attribute (a multi-attribute key: up to %1)").arg(kMaxKeyAttributes));
    m_addSort = new QToolButton(this);
    m_addSort->setObjectName(QStringLiteral("addIndexSort"));
    m_addSort->setIcon(QIcon(QStringLiteral(":/dynamodesk/icons/add.svg")));
    m_addSort->setToolTip(tr("Add a sort key attribute (a multi-attribute key: up to %1)").arg(kMaxKeyAttributes));
    m_addPartition->setVisible(global);
    m_addSort->setVisible(global);
    m_partitions << makeLine(false, 0);
    m_sorts << makeLine(true, 0);
    m_partitions[0].name->setPlaceholderText(tr("Partition key"));
    m_sorts[0].name->setPlaceholderText(global ? tr("Sort key (optional)") : tr("Sort key"));
    m_projection = new QComboBox(this);
    m_projection->setObjectName(QStringLiteral("indexProjection"));
    m_projection->addItem(tr("All attributes"), QStringLiteral("ALL"));
    m_projection->addItem(tr("Keys only"), QStringLiteral("KEYS_ONLY"));
    m_projection->addItem(tr("Include…"), QStringLiteral("INCLUDE"));
    m_included = new QLineEdit(this);
    m_included->setObjectName(QStringLiteral("indexIncluded"));
    m_included->setPlaceholderText(tr("attr1, attr2"));
    m_included->setEnabled(false);
    auto *remove = new QToolButton(this);
    m_remove = remove;
    remove->setObjectName(QStringLiteral("removeIndex"));
    remove->setIcon(QIcon(QStringLiteral(":/dynamodesk/icons/remove.svg")));
    remove->setToolTip(tr("Remove this index"));
    m_error = new ErrorLabel(this);

    if (!global) {
        m_partitions[0].name->setEnabled(false);
        m_partitions[0].type->setEnabled(false);
    }
    m_grid->addWidget(m_kind, 0, 0);
    m_grid->addWidget(m_name, 0, 1);
    m_grid->addWidget(m_projection, 0, 6);
    m_grid->addWidget(m_included, 0, 7);
    m_grid->addWidget(remove, 0, 8);
    m_grid->addWidget(m_error, kErrorRow, 1, 1, 8);
    m_grid->setColumnStretch(1, 2);
    m_grid->setColumnStretch(2, 2);
    m_grid->setColumnStretch(4, 2);
    m_grid->setColumnStretch(7, 2);
    placeLines();

    for (auto *e : {m_name, m_included})
        connect(e, &QLineEdit::textChanged, this, &IndexRow::changed);
    connect(m_projection, &QComboBox::currentIndexChanged, this, &IndexRow::changed);
    connect(m_projection, &QComboBox::currentIndexChanged, this, [this] {
        m_included->setEnabled(!m_locked && m_projection->currentData().toString() == QLatin1String("INCLUDE"));
    });
    connect(m_addPartition, &QToolButton::clicked, this, [this] { addKeyAttribute(false); });
    connect(m_addSort, &QToolButton::clicked, this, [this] { addKeyAttribute(true); });
    connect(remove, &QToolButton::clicked, this, &IndexRow::removeRequested);
    updateButtons();
}

QRect IndexRow::columnRect(int column) const
{
    return m_grid->cellRect(0, column);
}

// Object names: the first line keeps indexPartition / indexPartitionType
// (indexSort / indexSortType); added lines number from 2 (indexPartition2,
// indexSortType3, removeIndexSort2, ...).
IndexRow::KeyLine IndexRow::makeLine(bool sort, int position)
{
    const QString base = sort ? QStringLiteral("indexSort") : QStringLiteral("indexPartition");
    const QString suffix = position == 0 ? QString() : QString::number(position + 1);
    KeyLine line{new QLineEdit(this), new KeyTypeCombo(this), nullptr, new QWidget(this)};
    line.name->setObjectName(base + suffix);
    line.name->setMinimumWidth(fontMetrics().averageCharWidth() * 8);
    line.type->setObjectName(base + QStringLiteral("Type") + suffix);
    auto *cell = new QHBoxLayout(line.typeCell);
    cell->setContentsMargins(0, 0, 0, 0);
    cell->setSpacing(2);
    cell->addWidget(line.type);
    if (position == 0) {
        cell->addWidget(sort ? m_addSort : m_addPartition);
    } else {
        line.name->setPlaceholderText(sort ? tr("Sort key attribute %1").arg(position + 1)
                                           : tr("Partition key attribute %1").arg(position + 1));
        line.remove = new QToolButton(line.typeCell);
        line.remove->setObjectName(QStringLiteral("remove") + base.at(0).toUpper() + base.mid(1) + suffix);
        line.remove->setIcon(QIcon(QStringLiteral(":/dynamodesk/icons/remove.svg")));
        line.remove->setToolTip(tr("Remove this key attribute"));
        cell->addWidget(line.remove);
        connect(line.remove, &QToolButton::clicked, this, [this, sort, line] {
            const QList<KeyLine> &lines = sort ? m_sorts : m_partitions;
            for (int i = 0; i < lines.size(); ++i)
                if (lines[i].name == line.name)
                    return removeKeyAttribute(sort, i);
        });
    }
    connect(line.name, &QLineEdit::textChanged, this, &IndexRow::changed);
    connect(line.type, &QComboBox::currentIndexChanged, this, &IndexRow::changed);
    return line;
}

void IndexRow::placeLines()
{
    for (int i = 0; i < m_partitions.size(); ++i) {
        m_grid->addWidget(m_partitions[i].name, i, 2);
        m_grid->addWidget(m_partitions[i].typeCell, i, 3);
    }
    for (int i = 0; i < m_sorts.size(); ++i) {
        m_grid->addWidget(m_sorts[i].name, i, 4);
        m_grid->addWidget(m_sorts[i].typeCell, i, 5);
    }
}

void IndexRow::addKeyAttribute(bool sort)
{
    QList<KeyLine> &lines = sort ? m_sorts : m_partitions;
    if (!m_global || m_locked || lines.size() >= kMaxKeyAttributes)
        return;
    lines << makeLine(sort, int(lines.size()));
    placeLines();
    updateButtons();
    lines.last().name->setFocus();
    emit changed();
}

// The lines below move up a place (so that object names keep counting from
// the top); the last line goes.
void IndexRow::removeKeyAttribute(bool sort, int position)
{
    QList<KeyLine> &lines = sort ? m_sorts : m_partitions;
    if (position <= 0 || position >= lines.size())
        return;
    for (int i = position; i + 1 < lines.size(); ++i) {
        lines[i].name->setText(lines[i + 1].name->text());
        lines[i].type->setType(lines[i + 1].type->type());
    }
    const KeyLine last = lines.takeLast();
    delete last.name;
    delete last.typeCell; // with its type combo and remove button
    updateButtons();
    emit changed();
}

void IndexRow::updateButtons()
{
    m_addPartition->setEnabled(m_global && !m_locked && m_partitions.size() < kMaxKeyAttributes);
    m_addSort->setEnabled(m_global && !m_locked && m_sorts.size() < kMaxKeyAttributes);
    for (const QList<KeyLine> *lines : {&m_partitions, &m_sorts})
        for (const KeyLine &l : *lines)
            if (l.remove)
                l.remove->setEnabled(!m_locked);
}

IndexDesign IndexRow::design() const
{
    IndexDesign d;
    d.global = m_global;
    d.name = m_name->text().trimmed();
    d.partition = {m_partitions[0].name->text().trimmed(), m_partitions[0].type->type()};
    d.sort = {m_sorts[0].name->text().trimmed(), m_sorts[0].type->type()};
    for (int i = 1; i < m_partitions.size(); ++i)
        d.morePartitions << KeyAttribute{m_partitions[i].name->text().trimmed(), m_partitions[i].type->type()};
    for (int i = 1; i < m_sorts.size(); ++i)
        d.moreSorts << KeyAttribute{m_sorts[i].name->text().trimmed(), m_sorts[i].type->type()};
    d.projection = m_projection->currentData().toString();
    if (d.projection == QLatin1String("INCLUDE"))
        for (const QString &a : m_included->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!a.trimmed().isEmpty())
                d.included << a.trimmed();
    return d;
}

void IndexRow::setDesign(const IndexDesign &d)
{
    m_name->setText(d.name);
    if (m_global) {
        const bool locked = m_locked;
        m_locked = false; // lines are added even to a locked (existing) index
        while (m_partitions.size() > 1)
            removeKeyAttribute(false, int(m_partitions.size()) - 1);
        while (m_sorts.size() > 1)
            removeKeyAttribute(true, int(m_sorts.size()) - 1);
        for (qsizetype i = 0; i < d.morePartitions.size() && i + 1 < kMaxKeyAttributes; ++i)
            addKeyAttribute(false);
        for (qsizetype i = 0; i < d.moreSorts.size() && i + 1 < kMaxKeyAttributes; ++i)
            addKeyAttribute(true);
        m_locked = locked;
        const QList<KeyAttribute> partitions = QList<KeyAttribute>{d.partition} + d.morePartitions;
        for (int i = 0; i < m_partitions.size(); ++i) {
            m_partitions[i].name->setText(partitions.value(i).name);
            m_partitions[i].type->setType(partitions.value(i).type);
        }
    }
    const QList<KeyAttribute> sorts = QList<KeyAttribute>{d.sort} + d.moreSorts;
    for (int i = 0; i < m_sorts.size(); ++i) {
        m_sorts[i].name->setText(sorts.value(i).name);
        m_sorts[i].type->setType(sorts.value(i).type);
    }
    m_projection->setCurrentIndex(qMax(0, m_projection->findData(d.projection)));
    m_included->setText(d.included.join(QStringLiteral(", ")));
    if (m_locked)
        setLocked(true, m_remove->isEnabled());
    else
        updateButtons();
}

void IndexRow::setLocked(bool locked, bool removable)
{
    m_locked = locked;
    for (QWidget *w : std::initializer_list<QWidget *>{m_name, m_projection})
        w->setEnabled(!locked);
    for (const KeyLine &l : m_sorts) {
        l.name->setEnabled(!locked);
        l.type->setEnabled(!locked);
    }
    for (const KeyLine &l : m_partitions) {
        l.name->setEnabled(!locked && m_global);
        l.type->setEnabled(!locked && m_global);
    }
    m_included->setEnabled(!locked && m_projection->currentData().toString() == QLatin1String("INCLUDE"));
    m_remove->setEnabled(removable);
    m_kind->setText(m_global ? (locked ? tr("Global (exists)") : tr("Global (new)")) : tr("Local"));
    updateButtons();
}

void IndexRow::setTablePartition(const KeyAttribute &key)
{
    if (m_global)
        return;
    m_partitions[0].name->setText(key.name);
    m_partitions[0].type->setType(key.type);
}

void IndexRow::showIssues(int index, const QList<DesignIssue> &issues)
{
    const QString prefix = QStringLiteral("index:%1:").arg(index);
    QStringList lines;
    for (const auto &issue : issues) {
        if (!issue.field.startsWith(prefix))
            continue;
        const QString field = issue.field.mid(prefix.size());
        const QString label = field == QLatin1String("name")        ? tr("Name")
                            : field == QLatin1String("partition")   ? tr("Partition key")
                            : field == QLatin1String("sort")        ? tr("Sort key")
                            : field == QLatin1String("api")         ? tr("DynamoDB")
                                                                    : tr("Included attributes");
        lines << QStringLiteral("%1: %2").arg(label, issue.message);
    }
    m_error->setError(lines.join(QLatin1Char('\n')));
}

} // namespace dd::ui
