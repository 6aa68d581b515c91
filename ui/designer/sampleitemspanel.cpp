#include "designer/sampleitemspanel.h"

#include "common/attributeformat.h"
#include "common/errorlabel.h"
#include "common/palettecolours.h"
#include "common/watchers.h"
#include "connections/connection.h"
#include "designer/samplelayout.h"
#include "model/number.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace dd::ui {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

constexpr int kTypeRole = Qt::UserRole + 1; // the type a loaded cell had
constexpr int kScanLimit = 25;              // items "Load from table" reads

bool isScalarType(const QString &t)
{
    return t == QLatin1String("S") || t == QLatin1String("N") || t == QLatin1String("B");
}

// A cell's text as an attribute value (see the header); empty when the cell is empty.
QJsonObject cellValue(const QString &text, const QString &keyType, const QString &loadedType)
{
    if (text.isEmpty())
        return {};
    if (text.startsWith(QLatin1Char('{'))) {
        const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
        if (o.size() == 1 && !format::typeOf(o).isEmpty())
            return o;
    }
    QString type = keyType;
    if (type.isEmpty())
        type = isScalarType(loadedType) ? loadedType : QString();
    if (type.isEmpty())
        type = model::Number::parse(text).ok() ? p("N") : p("S");
    return {{type, text}};
}

} // namespace

SampleItemsPanel::SampleItemsPanel(Connection *connection, QWidget *parent) : QWidget(parent), m_connection(connection)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    auto *bar = new QHBoxLayout;
    auto *addRow = new QToolButton(this);
    addRow->setObjectName(QStringLiteral("addSampleItem"));
    addRow->setIcon(QIcon(QStringLiteral(":/dynamodesk/icons/add.svg")));
    addRow->setToolTip(tr("Add a sample item"));
    auto *removeRow = new QToolButton(this);
    removeRow->setObjectName(QStringLiteral("removeSampleItem"));
    removeRow->setIcon(QIcon(QStringLiteral(":/dynamodesk/icons/remove.svg")));
    removeRow->setToolTip(tr("Remove the selected sample item"));
    m_newAttribute = new QLineEdit(this);
    m_newAttribute->setObjectName(QStringLiteral("newSampleAttribute"));
    m_newAttribute->setPlaceholderText(tr("another attribute"));
    auto *addColumn = new QPushButton(tr("Add &column"), this);
    addColumn->setObjectName(QStringLiteral("addSampleAttribute"));
    m_load = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/refresh.svg")), tr("Loa&d from table"), this);
    m_load->setObjectName(QStringLiteral("loadSamples"));
    m_load->setToolTip(tr("The first %1 items of a Scan of the table").arg(kScanLimit));
    m_load->setEnabled(false);
    bar->addWidget(addRow);
    bar->addWidget(removeRow);
    bar->addWidget(m_newAttribute, 1);
    bar->addWidget(addColumn);
    bar->addStretch();
    bar->addWidget(m_load);
    layout->addLayout(bar);

    m_grid = new QTableWidget(0, 0, this);
    m_grid->setObjectName(QStringLiteral("sampleGrid"));
    m_grid->verticalHeader()->setDefaultSectionSize(m_grid->fontMetrics().height() + 8);
    m_grid->horizontalHeader()->setStretchLastSection(true);

    auto *viewBox = new QWidget(this);
    auto *viewLayout = new QVBoxLayout(viewBox);
    viewLayout->setContentsMargins(0, 0, 0, 0);
    auto *viewBar = new QHBoxLayout;
    viewBar->addWidget(new QLabel(tr("Seen through:"), this));
    m_viewCombo = new QComboBox(this);
    m_viewCombo->setObjectName(QStringLiteral("sampleViewSelector"));
    viewBar->addWidget(m_viewCombo, 1);
    viewLayout->addLayout(viewBar);
    m_view = new QTableWidget(0, 0, this);
    m_view->setObjectName(QStringLiteral("sampleView"));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    viewLayout->addWidget(m_view, 1);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("sampleSummary"));
    m_summary->setWordWrap(true);
    viewLayout->addWidget(m_summary);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_grid);
    splitter->addWidget(viewBox);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);
    m_error = new ErrorLabel(this);
    layout->addWidget(m_error);

    connect(addRow, &QToolButton::clicked, this, &SampleItemsPanel::addRow);
    connect(removeRow, &QToolButton::clicked, this, [this] {
        if (m_grid->currentRow() >= 0) {
            m_grid->removeRow(m_grid->currentRow());
            relayout();
            emit itemsChanged();
        }
    });
    auto addTypedColumn = [this] {
        addAttributeColumn(m_newAttribute->text().trimmed());
        m_newAttribute->clear();
    };
    connect(addColumn, &QPushButton::clicked, this, addTypedColumn);
    connect(m_newAttribute, &QLineEdit::returnPressed, this, addTypedColumn);
    connect(m_load, &QPushButton::clicked, this, &SampleItemsPanel::loadFromTable);
    connect(m_grid, &QTableWidget::itemChanged, this, [this] {
        if (m_filling)
            return;
        relayout();
        emit itemsChanged();
    });
    connect(m_viewCombo, &QComboBox::currentIndexChanged, this, &SampleItemsPanel::relayout);
    connect(&m_scanWatcher, &QFutureWatcher<client::ApiResponse>::finished, this, &SampleItemsPanel::onScanned);
}

SampleItemsPanel::~SampleItemsPanel()
{
    stopWatcher(m_scanWatcher);
}

int SampleItemsPanel::columnOf(const QString &name) const
{
    for (int c = 0; c < m_grid->columnCount(); ++c)
        if (m_grid->horizontalHeaderItem(c) && m_grid->horizontalHeaderItem(c)->text() == name)
            return c;
    return -1;
}

void SampleItemsPanel::addAttributeColumn(const QString &name)
{
    if (name.isEmpty() || columnOf(name) >= 0)
        return;
    const int c = m_grid->columnCount();
    m_grid->insertColumn(c);
    m_grid->setHorizontalHeaderItem(c, new QTableWidgetItem(name));
}

void SampleItemsPanel::addRow()
{
    if (m_grid->columnCount() == 0)
        return;
    m_grid->insertRow(m_grid->rowCount());
    m_grid->setCurrentCell(m_grid->rowCount() - 1, 0);
    m_grid->setFocus();
}

void SampleItemsPanel::setDesign(const TableDesign &design)
{
    m_design = design;
    QStringList keys;
    auto addKey = [&](const QString &n) {
        if (!n.isEmpty() && !keys.contains(n))
            keys << n;
    };
    addKey(design.partition.name);
    addKey(design.sort.name);
    for (const IndexDesign &ix : design.indexes) {
        if (ix.global)
            for (const KeyAttribute &k : ix.partitionKeys())
                addKey(k.name);
        for (const KeyAttribute &k : ix.global ? ix.sortKeys() : QList<KeyAttribute>{ix.sort})
            addKey(k.name);
    }
    if (keys != m_keyNames) {
        // A key renamed in the form (typed letter by letter) renames its
        // column; key columns come first, in the design's order; a column of
        // a key no longer used stays while it holds values.
        const QStringList oldKeys = m_keyNames;
        m_keyNames = keys;
        m_filling = true;
        for (int i = 0; i < qMin(oldKeys.size(), keys.size()); ++i) {
            const int c = columnOf(oldKeys[i]);
            if (oldKeys[i] != keys[i] && !keys.contains(oldKeys[i]) && columnOf(keys[i]) < 0 && c >= 0)
                m_grid->horizontalHeaderItem(c)->setText(keys[i]);
        }
        const QJsonArray current = items();
        QStringList others;
        for (int c = 0; c < m_grid->columnCount(); ++c) {
            const QString n = m_grid->horizontalHeaderItem(c)->text();
            bool used = !oldKeys.contains(n);
            for (int r = 0; r < m_grid->rowCount() && !used; ++r)
                used = m_grid->item(r, c) && !m_grid->item(r, c)->text().isEmpty();
            if (!keys.contains(n) && used)
                others << n;
        }
        m_grid->setRowCount(0);
        m_grid->setColumnCount(0);
        for (const QString &n : keys + others)
            addAttributeColumn(n);
        for (int c = 0; c < m_grid->columnCount(); ++c) {
            const QString n = m_grid->horizontalHeaderItem(c)->text();
            QTableWidgetItem *header = m_grid->horizontalHeaderItem(c);
            if (n == design.partition.name || n == design.sort.name) {
                header->setBackground(n == design.partition.name ? colours::partitionKeyTint(palette()) : colours::sortKeyTint(palette()));
                header->setForeground(palette().color(QPalette::Text));
            }
        }
        m_filling = false;
        if (!current.isEmpty())
            setItems(current);
    }

    const QString view = this->view();
    {
        const QSignalBlocker block(m_viewCombo);
        m_viewCombo->clear();
        m_viewCombo->addItem(tr("The table (%1)").arg(design.tableName.isEmpty() ? tr("unnamed") : design.tableName), QString());
        for (const IndexDesign &ix : design.indexes)
            if (!ix.name.isEmpty())
                m_viewCombo->addItem(ix.global ? tr("Global index %1").arg(ix.name) : tr("Local index %1").arg(ix.name), ix.name);
        m_viewCombo->setCurrentIndex(qMax(0, m_viewCombo->findData(view)));
    }
    relayout();
}

QJsonArray SampleItemsPanel::items() const
{
    QJsonArray out;
    for (int r = 0; r < m_grid->rowCount(); ++r) {
        QJsonObject item;
        for (int c = 0; c < m_grid->columnCount(); ++c) {
            const QTableWidgetItem *cell = m_grid->item(r, c);
            if (!cell)
                continue;
            const QString name = m_grid->horizontalHeaderItem(c)->text();
            QString keyType;
            if (name == m_design.partition.name)
                keyType = m_design.partition.type;
            else if (name == m_design.sort.name)
                keyType = m_design.sort.type;
            else
                for (const IndexDesign &ix : m_design.indexes)
                    for (const KeyAttribute &k : ix.global ? ix.partitionKeys() + ix.sortKeys() : QList<KeyAttribute>{ix.sort})
                        if (k.name == name)
                            keyType = k.type;
            const QJsonObject v = cellValue(cell->text().trimmed(), keyType, cell->data(kTypeRole).toString());
            if (!v.isEmpty())
                item.insert(name, v);
        }
        if (!item.isEmpty())
            out.append(item);
    }
    return out;
}

void SampleItemsPanel::setItems(const QJsonArray &items)
{
    m_filling = true;
    m_grid->setRowCount(0);
    for (const QJsonValue &v : items) {
        const QJsonObject item = v.toObject();
        for (const QString &name : item.keys())
            addAttributeColumn(name);
        const int r = m_grid->rowCount();
        m_grid->insertRow(r);
        for (auto it = item.begin(); it != item.end(); ++it) {
            const QJsonObject value = it.value().toObject();
            const QString type = format::typeOf(value);
            const QString text = isScalarType(type) ? value.value(type).toString()
                                                    : QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact));
            auto *cell = new QTableWidgetItem(text);
            cell->setData(kTypeRole, type);
            m_grid->setItem(r, columnOf(it.key()), cell);
        }
    }
    m_filling = false;
    m_grid->resizeColumnsToContents();
    relayout();
    emit itemsChanged();
}

void SampleItemsPanel::setSourceTable(const QString &table)
{
    m_sourceTable = table;
    m_load->setEnabled(!table.isEmpty() && !m_scanWatcher.isRunning());
}

void SampleItemsPanel::loadFromTable()
{
    if (m_sourceTable.isEmpty() || m_scanWatcher.isRunning())
        return;
    m_error->setError(QString());
    m_load->setEnabled(false);
    m_scanWatcher.setFuture(m_connection->call(p("Scan"), QJsonObject{{p("TableName"), m_sourceTable}, {p("Limit"), kScanLimit}}));
}

void SampleItemsPanel::onScanned()
{
    m_load->setEnabled(!m_sourceTable.isEmpty());
    const client::ApiResponse r = m_scanWatcher.result();
    if (!r.ok()) {
        m_error->setError(tr("Cannot read the table: %1").arg(r.error->message()));
        emit loaded(-1);
        return;
    }
    const QJsonArray items = r.body.value(p("Items")).toArray();
    setItems(items);
    emit loaded(int(items.size()));
}

QString SampleItemsPanel::view() const
{
    return m_viewCombo->currentData().toString();
}

void SampleItemsPanel::setView(const QString &index)
{
    m_viewCombo->setCurrentIndex(qMax(0, m_viewCombo->findData(index)));
}

void SampleItemsPanel::relayout()
{
    const SampleLayout layout = SampleLayout::build(m_design, view(), items());
    m_view->clear();
    m_view->clearSpans();
    // Key columns first: every partition attribute, then every sort attribute.
    const int partitions = int(layout.partitions.size());
    const int keyColumns = partitions + int(layout.sorts.size());
    QStringList columns;
    for (const KeyAttribute &k : layout.partitions + layout.sorts)
        columns << k.name;
    columns << layout.attributes;
    m_view->setColumnCount(int(columns.size()));
    int rows = 0;
    for (const auto &g : layout.groups)
        rows += int(g.items.size());
    m_view->setRowCount(rows);
    // NoSQL Workbench's visualizer marks the partition and sort key columns.
    const QColor partitionTint = colours::partitionKeyTint(palette());
    const QColor sortTint = colours::sortKeyTint(palette());
    for (int c = 0; c < columns.size(); ++c) {
        auto *header = new QTableWidgetItem(columns[c]);
        if (c < partitions) {
            header->setText(tr("%1 (partition key)").arg(columns[c]));
            header->setBackground(partitionTint);
        } else if (c < keyColumns) {
            header->setText(tr("%1 (sort key)").arg(columns[c]));
            header->setBackground(sortTint);
        }
        header->setForeground(palette().color(QPalette::Text));
        m_view->setHorizontalHeaderItem(c, header);
    }
    int row = 0;
    for (const auto &g : layout.groups) {
        // A group is one combination of the partition attributes' values:
        // each gets a cell over the group's rows, the combination a tooltip.
        QStringList combined;
        for (const QJsonObject &v : g.partitionValues)
            combined << format::summary(v);
        for (int c = 0; c < partitions; ++c) {
            auto *partition = new QTableWidgetItem(combined.value(c));
            partition->setBackground(partitionTint);
            partition->setTextAlignment(Qt::AlignLeft | Qt::AlignTop);
            if (partitions > 1)
                partition->setToolTip(combined.join(QStringLiteral(" · ")));
            QFont bold = partition->font();
            bold.setBold(true);
            partition->setFont(bold);
            m_view->setItem(row, c, partition);
            if (g.items.size() > 1)
                m_view->setSpan(row, c, int(g.items.size()), 1);
        }
        for (const QJsonObject &item : g.items) {
            for (int c = partitions; c < columns.size(); ++c) {
                if (!item.contains(columns[c]))
                    continue;
                auto *cell = new QTableWidgetItem(format::summary(item.value(columns[c]).toObject(), 80));
                if (c < keyColumns)
                    cell->setBackground(sortTint);
                m_view->setItem(row, c, cell);
            }
            ++row;
        }
    }
    m_view->resizeColumnsToContents();

    QString summary = layout.partition.name.isEmpty()
        ? tr("Name the partition key to see the items grouped")
        : tr("Partitions: %1 · items: %2").arg(layout.groups.size()).arg(rows);
    QString absent;
    if (view().isEmpty())
        absent = tr("left out (no key attributes, or replaced by a later item with the same key): %1").arg(layout.absent);
    else if (partitions > 1 || layout.sorts.size() > 1) // a multi-attribute key: an item needs every one
        absent = tr("not in this index (missing at least one of its %1 key attributes): %2").arg(keyColumns).arg(layout.absent);
    else
        absent = tr("not in this index (without its key attributes): %1").arg(layout.absent);
    if (layout.absent > 0)
        summary += QStringLiteral(" · ") + absent;
    m_summary->setText(summary);
}

} // namespace dd::ui
