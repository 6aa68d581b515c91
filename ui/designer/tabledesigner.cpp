#include "designer/tabledesigner.h"

#include "common/awsclicommand.h"
#include "common/errorlabel.h"
#include "common/watchers.h"
#include "connections/connection.h"
#include "designer/indexrow.h"
#include "designer/keytypecombo.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QToolButton>

namespace dd::ui {

namespace {

QWidget *withError(QWidget *field, ErrorLabel *error, QWidget *extra = nullptr, QWidget *extra2 = nullptr)
{
    auto *box = new QWidget;
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    auto *h = new QHBoxLayout;
    h->addWidget(field, 1);
    if (extra)
        h->addWidget(extra);
    if (extra2)
        h->addWidget(extra2);
    v->addLayout(h);
    v->addWidget(error);
    return box;
}

} // namespace

TableDesigner::TableDesigner(Connection *connection, QWidget *parent) : QDialog(parent), m_connection(connection)
{
    setWindowTitle(tr("New table — %1").arg(connection->displayName()));
    setObjectName(QStringLiteral("tableDesigner"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_tableName = new QLineEdit(this);
    m_tableName->setObjectName(QStringLiteral("tableName"));
    m_tableName->setPlaceholderText(tr("e.g. Orders"));
    m_tableNameError = new ErrorLabel(this);
    form->addRow(tr("&Table name:"), withError(m_tableName, m_tableNameError));

    m_partition = new QLineEdit(this);
    m_partition->setObjectName(QStringLiteral("partitionName"));
    m_partition->setPlaceholderText(tr("e.g. customerId"));
    m_partitionType = new KeyTypeCombo(this);
    m_partitionType->setObjectName(QStringLiteral("partitionType"));
    m_partitionError = new ErrorLabel(this);
    form->addRow(tr("&Partition key:"), withError(m_partition, m_partitionError, m_partitionType));

    m_sort = new QLineEdit(this);
    m_sort->setObjectName(QStringLiteral("sortName"));
    m_sort->setPlaceholderText(tr("optional, e.g. orderDate"));
    m_sortType = new KeyTypeCombo(this);
    m_sortType->setObjectName(QStringLiteral("sortType"));
    m_sortError = new ErrorLabel(this);
    form->addRow(tr("&Sort key:"), withError(m_sort, m_sortError, m_sortType));

    m_billing = new QComboBox(this);
    m_billing->setObjectName(QStringLiteral("billingMode"));
    m_billing->addItem(tr("On demand (pay per request)"), QStringLiteral("PAY_PER_REQUEST"));
    m_billing->addItem(tr("Provisioned"), QStringLiteral("PROVISIONED"));
    m_read = new QSpinBox(this);
    m_read->setObjectName(QStringLiteral("readCapacity"));
    m_read->setRange(0, 40000);
    m_read->setValue(5);
    m_read->setPrefix(tr("RCU "));
    m_write = new QSpinBox(this);
    m_write->setObjectName(QStringLiteral("writeCapacity"));
    m_write->setRange(0, 40000);
    m_write->setValue(5);
    m_write->setPrefix(tr("WCU "));
    m_capacityError = new ErrorLabel(this);
    form->addRow(tr("&Billing:"), withError(m_billing, m_capacityError, m_read, m_write));

    m_stream = new QComboBox(this);
    m_stream->setObjectName(QStringLiteral("streamViewType"));
    m_stream->addItem(tr("No stream"), QString());
    m_stream->addItem(tr("New images"), QStringLiteral("NEW_IMAGE"));
    m_stream->addItem(tr("Old images"), QStringLiteral("OLD_IMAGE"));
    m_stream->addItem(tr("New and old images"), QStringLiteral("NEW_AND_OLD_IMAGES"));
    m_stream->addItem(tr("Keys only"), QStringLiteral("KEYS_ONLY"));
    form->addRow(tr("S&tream:"), m_stream);

    // Indexes
    auto *indexBox = new QGroupBox(tr("Secondary indexes"), this);
    auto *indexOuter = new QVBoxLayout(indexBox);
    // Column titles over the rows (the placeholders vanish once typed over).
    auto *titles = new QWidget(this);
    auto *titleGrid = new QGridLayout(titles);
    titleGrid->setContentsMargins(0, 0, 0, 0);
    const QStringList titleTexts{tr("Kind"), tr("Name"), tr("Partition key"), QString(), tr("Sort key"), QString(),
                                 tr("Projection"), tr("Included attributes"), QString()};
    for (int i = 0; i < titleTexts.size(); ++i) {
        auto *label = new QLabel(titleTexts[i], titles);
        label->setEnabled(false);
        titleGrid->addWidget(label, 0, i);
    }
    for (int column : {1, 2, 4, 7})
        titleGrid->setColumnStretch(column, 2);
    m_indexTitles = titles;
    m_indexTitles->setVisible(false);
    indexOuter->addWidget(titles);
    m_indexLayout = new QVBoxLayout;
    indexOuter->addLayout(m_indexLayout);
    m_indexesError = new ErrorLabel(this);
    indexOuter->addWidget(m_indexesError);
    auto *indexButtons = new QHBoxLayout;
    auto *addGsi = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/add.svg")), tr("Add &global index"), this);
    addGsi->setObjectName(QStringLiteral("addGlobalIndex"));
    auto *addLsi = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/add.svg")), tr("Add &local index"), this);
    addLsi->setObjectName(QStringLiteral("addLocalIndex"));
    indexButtons->addWidget(addGsi);
    indexButtons->addWidget(addLsi);
    indexButtons->addStretch();
    indexOuter->addLayout(indexButtons);
    connect(addGsi, &QPushButton::clicked, this, [this] { addIndex(true); });
    connect(addLsi, &QPushButton::clicked, this, [this] { addIndex(false); });

    // Tags
    auto *tagBox = new QGroupBox(tr("Tags"), this);
    auto *tagLayout = new QVBoxLayout(tagBox);
    m_tags = new QTableWidget(0, 2, this);
    m_tags->setObjectName(QStringLiteral("tags"));
    m_tags->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_tags->horizontalHeader()->setStretchLastSection(true);
    m_tags->verticalHeader()->hide();
    m_tags->setMaximumHeight(110);
    tagLayout->addWidget(m_tags);
    m_tagsError = new ErrorLabel(this);
    tagLayout->addWidget(m_tagsError);
    auto *tagButtons = new QHBoxLayout;
    auto *addTag = new QToolButton(this);
    addTag->setObjectName(QStringLiteral("addTag"));
    addTag->setIcon(QIcon(QStringLiteral(":/dynamodesk/icons/add.svg")));
    addTag->setToolTip(tr("Add a tag"));
    auto *removeTag = new QToolButton(this);
    removeTag->setIcon(QIcon(QStringLiteral(":/dynamodesk/icons/remove.svg")));
    removeTag->setToolTip(tr("Remove the selected tag"));
    tagButtons->addWidget(addTag);
    tagButtons->addWidget(removeTag);
    tagButtons->addStretch();
    tagLayout->addLayout(tagButtons);
    connect(addTag, &QToolButton::clicked, this, [this] {
        m_tags->insertRow(m_tags->rowCount());
        m_tags->setItem(m_tags->rowCount() - 1, 0, new QTableWidgetItem);
        m_tags->setItem(m_tags->rowCount() - 1, 1, new QTableWidgetItem);
        m_tags->setCurrentCell(m_tags->rowCount() - 1, 0);
        m_tags->editItem(m_tags->item(m_tags->rowCount() - 1, 0));
    });
    connect(removeTag, &QToolButton::clicked, this, [this] {
        if (m_tags->currentRow() >= 0)
            m_tags->removeRow(m_tags->currentRow());
        revalidate();
    });
    connect(m_tags, &QTableWidget::itemChanged, this, &TableDesigner::revalidate);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->addLayout(form);
    leftLayout->addWidget(indexBox);
    leftLayout->addWidget(tagBox);
    leftLayout->addStretch();
    auto *scroll = new QScrollArea;
    scroll->setWidget(left);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    // Preview of what Create sends, as a shell command or as JSON.
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_previewKind = new QComboBox(this);
    m_previewKind->addItem(tr("AWS CLI command"));
    m_previewKind->addItem(tr("--cli-input-json"));
    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_preview->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *copy = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/copy.svg")), tr("&Copy"), this);
    copy->setObjectName(QStringLiteral("copyCli"));
    auto *previewBar = new QHBoxLayout;
    previewBar->addWidget(m_previewKind, 1);
    previewBar->addWidget(copy);
    rightLayout->addLayout(previewBar);
    rightLayout->addWidget(m_preview);
    connect(m_previewKind, &QComboBox::currentIndexChanged, this, &TableDesigner::revalidate);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_preview->toPlainText()); });

    auto *splitter = new QSplitter(this);
    splitter->addWidget(scroll);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_apiError = new ErrorLabel(this);
    m_apiError->setObjectName(QStringLiteral("apiError"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_create = buttons->addButton(tr("C&reate table"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("createTable"));
    m_create->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, &TableDesigner::create);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_apiError);
    layout->addWidget(buttons);

    for (auto *e : {m_tableName, m_partition, m_sort})
        connect(e, &QLineEdit::textChanged, this, &TableDesigner::revalidate);
    for (auto *c : {static_cast<QComboBox *>(m_partitionType), static_cast<QComboBox *>(m_sortType), m_billing, m_stream})
        connect(c, &QComboBox::currentIndexChanged, this, &TableDesigner::revalidate);
    for (auto *s : {m_read, m_write})
        connect(s, &QSpinBox::valueChanged, this, &TableDesigner::revalidate);
    connect(&m_watcher, &QFutureWatcher<client::ApiResponse>::finished, this, &TableDesigner::onCreated);

    resize(1100, 640);
    revalidate();
}

TableDesigner::~TableDesigner()
{
    stopWatcher(m_watcher);
}

IndexRow *TableDesigner::addIndex(bool global)
{
    auto *row = new IndexRow(global, this);
    m_indexes.append(row);
    m_indexLayout->addWidget(row);
    connect(row, &IndexRow::changed, this, &TableDesigner::revalidate);
    connect(row, &IndexRow::removeRequested, this, [this, row] {
        m_indexes.removeOne(row);
        row->deleteLater();
        revalidate();
    });
    revalidate();
    return row;
}

TableDesign TableDesigner::design() const
{
    TableDesign d;
    d.tableName = m_tableName->text().trimmed();
    d.partition = {m_partition->text().trimmed(), m_partitionType->type()};
    d.sort = {m_sort->text().trimmed(), m_sortType->type()};
    d.onDemand = m_billing->currentData().toString() == QLatin1String("PAY_PER_REQUEST");
    d.readCapacity = m_read->value();
    d.writeCapacity = m_write->value();
    d.streamViewType = m_stream->currentData().toString();
    for (auto *row : m_indexes)
        d.indexes.append(row->design());
    for (int r = 0; r < m_tags->rowCount(); ++r) {
        const auto *k = m_tags->item(r, 0);
        const auto *v = m_tags->item(r, 1);
        const QString key = k ? k->text().trimmed() : QString();
        const QString value = v ? v->text() : QString();
        if (!key.isEmpty() || !value.isEmpty())
            d.tags.append({key, value});
    }
    return d;
}

QString TableDesigner::cliCommand() const
{
    const QString endpoint = m_connection->isServing()
        ? QStringLiteral("http://127.0.0.1:%1").arg(m_connection->servingPort()) : QString();
    return awscli::command(QStringLiteral("CreateTable"), design().toCreateTableRequest(), endpoint);
}

QString TableDesigner::cliInputJson() const
{
    return awscli::cliInputJson(design().toCreateTableRequest());
}

void TableDesigner::revalidate()
{
    const KeyAttribute tablePartition{m_partition->text().trimmed(), m_partitionType->type()};
    for (auto *row : m_indexes)
        row->setTablePartition(tablePartition);
    m_indexTitles->setVisible(!m_indexes.isEmpty());
    const bool provisioned = m_billing->currentData().toString() == QLatin1String("PROVISIONED");
    m_read->setEnabled(provisioned);
    m_write->setEnabled(provisioned);

    const TableDesign d = design();
    const QList<DesignIssue> issues = d.validate();
    auto issueFor = [&](const QString &field) {
        QStringList messages;
        for (const auto &i : issues)
            if (i.field == field)
                messages << i.message;
        return messages.join(QLatin1Char('\n'));
    };
    m_tableNameError->setError(issueFor(QStringLiteral("tableName")));
    m_partitionError->setError(issueFor(QStringLiteral("partition")));
    m_sortError->setError(issueFor(QStringLiteral("sort")));
    m_capacityError->setError(issueFor(QStringLiteral("capacity")));
    m_indexesError->setError(issueFor(QStringLiteral("indexes")));
    for (int i = 0; i < m_indexes.size(); ++i)
        m_indexes[i]->showIssues(i, issues);
    QStringList tagMessages;
    if (const QString t = issueFor(QStringLiteral("tags")); !t.isEmpty())
        tagMessages << t;
    for (int i = 0; i < d.tags.size(); ++i)
        if (const QString t = issueFor(QStringLiteral("tag:%1").arg(i)); !t.isEmpty())
            tagMessages << tr("Tag %1: %2").arg(i + 1).arg(t);
    m_tagsError->setError(tagMessages.join(QLatin1Char('\n')));

    m_create->setEnabled(issues.isEmpty() && !m_watcher.isRunning());
    m_preview->setPlainText(m_previewKind->currentIndex() == 0 ? cliCommand() : cliInputJson());
}

void TableDesigner::create()
{
    if (!design().validate().isEmpty() || m_watcher.isRunning())
        return;
    m_apiError->setError(QString());
    m_create->setEnabled(false);
    m_watcher.setFuture(m_connection->call(QStringLiteral("CreateTable"), design().toCreateTableRequest()));
}

void TableDesigner::onCreated()
{
    const client::ApiResponse r = m_watcher.result();
    if (!r.ok()) {
        m_apiError->setError(tr("DynamoDB refused the table: %1").arg(r.error->message()));
        revalidate();
        return;
    }
    emit tableCreated(design().tableName);
    accept();
}

} // namespace dd::ui
