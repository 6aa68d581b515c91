#include "designer/indexrow.h"

#include "common/errorlabel.h"
#include "designer/keytypecombo.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace dd::ui {

IndexRow::IndexRow(bool global, QWidget *parent) : QWidget(parent), m_global(global)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 2, 0, 2);
    m_kind = new QLabel(global ? tr("Global") : tr("Local"), this);
    m_kind->setToolTip(global ? tr("Global secondary index: any partition and sort key")
                              : tr("Local secondary index: the table's partition key, another sort key"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("indexName"));
    m_name->setPlaceholderText(tr("Index name"));
    m_partition = new QLineEdit(this);
    m_partition->setObjectName(QStringLiteral("indexPartition"));
    m_partition->setPlaceholderText(tr("Partition key"));
    m_partitionType = new KeyTypeCombo(this);
    m_partitionType->setObjectName(QStringLiteral("indexPartitionType"));
    m_sort = new QLineEdit(this);
    m_sort->setObjectName(QStringLiteral("indexSort"));
    m_sort->setPlaceholderText(global ? tr("Sort key (optional)") : tr("Sort key"));
    m_sortType = new KeyTypeCombo(this);
    m_sortType->setObjectName(QStringLiteral("indexSortType"));
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
        m_partition->setEnabled(false);
        m_partitionType->setEnabled(false);
    }
    grid->addWidget(m_kind, 0, 0);
    grid->addWidget(m_name, 0, 1);
    grid->addWidget(m_partition, 0, 2);
    grid->addWidget(m_partitionType, 0, 3);
    grid->addWidget(m_sort, 0, 4);
    grid->addWidget(m_sortType, 0, 5);
    grid->addWidget(m_projection, 0, 6);
    grid->addWidget(m_included, 0, 7);
    grid->addWidget(remove, 0, 8);
    grid->addWidget(m_error, 1, 1, 1, 8);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(2, 2);
    grid->setColumnStretch(4, 2);
    grid->setColumnStretch(7, 2);

    for (auto *e : {m_name, m_partition, m_sort, m_included})
        connect(e, &QLineEdit::textChanged, this, &IndexRow::changed);
    for (auto *c : {static_cast<QComboBox *>(m_partitionType), static_cast<QComboBox *>(m_sortType), m_projection})
        connect(c, &QComboBox::currentIndexChanged, this, &IndexRow::changed);
    connect(m_projection, &QComboBox::currentIndexChanged, this, [this] {
        m_included->setEnabled(m_projection->currentData().toString() == QLatin1String("INCLUDE"));
    });
    connect(remove, &QToolButton::clicked, this, &IndexRow::removeRequested);
}

IndexDesign IndexRow::design() const
{
    IndexDesign d;
    d.global = m_global;
    d.name = m_name->text().trimmed();
    d.partition = {m_partition->text().trimmed(), static_cast<KeyTypeCombo *>(m_partitionType)->type()};
    d.sort = {m_sort->text().trimmed(), static_cast<KeyTypeCombo *>(m_sortType)->type()};
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
        m_partition->setText(d.partition.name);
        static_cast<KeyTypeCombo *>(m_partitionType)->setType(d.partition.type);
    }
    m_sort->setText(d.sort.name);
    static_cast<KeyTypeCombo *>(m_sortType)->setType(d.sort.type);
    m_projection->setCurrentIndex(qMax(0, m_projection->findData(d.projection)));
    m_included->setText(d.included.join(QStringLiteral(", ")));
}

void IndexRow::setLocked(bool locked, bool removable)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_name, m_sort, m_sortType, m_projection})
        w->setEnabled(!locked);
    m_partition->setEnabled(!locked && m_global);
    m_partitionType->setEnabled(!locked && m_global);
    m_included->setEnabled(!locked && m_projection->currentData().toString() == QLatin1String("INCLUDE"));
    m_remove->setEnabled(removable);
    m_kind->setText(m_global ? (locked ? tr("Global (exists)") : tr("Global (new)")) : tr("Local"));
}

void IndexRow::setTablePartition(const KeyAttribute &key)
{
    if (m_global)
        return;
    m_partition->setText(key.name);
    static_cast<KeyTypeCombo *>(m_partitionType)->setType(key.type);
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
