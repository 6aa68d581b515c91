#include "designer/tabledesigner.h"

#include "common/awsclicommand.h"
#include "common/confirm.h"
#include "common/errorlabel.h"
#include "common/watchers.h"
#include "connections/connection.h"
#include "designer/accesspatternpanel.h"
#include "designer/designfile.h"
#include "designer/encryptionpicker.h"
#include "designer/indexrow.h"
#include "designer/keytypecombo.h"
#include "designer/sampleitemspanel.h"
#include "designer/tablechangerunner.h"
#include "designer/tageditor.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>

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

// The attribute names a design and its samples use, for the pattern forms.
QStringList attributeNames(const TableDesign &d)
{
    QStringList names;
    auto add = [&](const QString &n) {
        if (!n.isEmpty() && !names.contains(n))
            names << n;
    };
    add(d.partition.name);
    add(d.sort.name);
    for (const IndexDesign &ix : d.indexes) {
        add(ix.partition.name);
        add(ix.sort.name);
        for (const KeyAttribute &k : ix.morePartitions + ix.moreSorts)
            add(k.name);
    }
    for (const QJsonValue &v : d.samples)
        for (const QString &k : v.toObject().keys())
            add(k);
    return names;
}

} // namespace

TableDesigner::TableDesigner(Connection *connection, QWidget *parent)
    : QDialog(parent), m_connection(connection), m_runner(new TableChangeRunner(connection, this))
{
    setWindowTitle(tr("New table — %1").arg(connection->displayName()));
    setObjectName(QStringLiteral("tableDesigner"));

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    buildForm(leftLayout);
    auto *scroll = new QScrollArea;
    scroll->setWidget(left);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    // Beside the form: samples, access patterns, and what Create sends.
    m_sideTabs = new QTabWidget(this);
    m_sideTabs->setObjectName(QStringLiteral("designerTabs"));
    m_samples = new SampleItemsPanel(connection, this);
    m_patterns = new AccessPatternPanel(this);
    m_patterns->setObjectName(QStringLiteral("accessPatterns"));
    auto *preview = new QWidget;
    auto *previewLayout = new QVBoxLayout(preview);
    previewLayout->setContentsMargins(4, 4, 4, 4);
    m_previewKind = new QComboBox(this);
    m_previewKind->setObjectName(QStringLiteral("previewKind"));
    m_previewKind->addItem(tr("AWS CLI command"));
    m_previewKind->addItem(tr("--cli-input-json"));
    m_previewKind->addItem(tr("Python (boto3)"));
    m_previewKind->addItem(tr("JavaScript (AWS SDK v3)"));
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
    previewLayout->addLayout(previewBar);
    previewLayout->addWidget(m_preview);
    m_sideTabs->addTab(m_samples, tr("Sample items"));
    m_sideTabs->addTab(m_patterns, tr("Access patterns"));
    m_sideTabs->addTab(preview, tr("Code"));
    connect(m_previewKind, &QComboBox::currentIndexChanged, this, &TableDesigner::revalidate);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_preview->toPlainText()); });
    connect(m_samples, &SampleItemsPanel::itemsChanged, this, &TableDesigner::revalidate);
    connect(m_patterns, &AccessPatternPanel::changed, this, &TableDesigner::revalidate);
    connect(m_patterns, &AccessPatternPanel::addIndexRequested, this, [this](IndexDesign ix) {
        IndexRow *row = addIndex(true);
        m_filling = true;
        row->setDesign(ix);
        m_filling = false;
        revalidate();
    });

    auto *splitter = new QSplitter(this);
    splitter->addWidget(scroll);
    splitter->addWidget(m_sideTabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({760, 520});

    m_progressLabel = new QLabel(this);
    m_progressLabel->setObjectName(QStringLiteral("progressLabel"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setMaximumWidth(220);
    m_progress->setVisible(false);
    // A long Apply (each index change waits for the table to be ACTIVE
    // again, an index backfill on AWS for many minutes) can be stopped
    // between its calls; the call under way is not taken back.
    m_stop = new QPushButton(tr("S&top after this step"), this);
    m_stop->setObjectName(QStringLiteral("stopApplying"));
    m_stop->setVisible(false);
    connect(m_stop, &QPushButton::clicked, this, [this] {
        m_runner->stop();
        m_stop->setEnabled(false);
    });
    auto *progressBar = new QHBoxLayout;
    progressBar->addWidget(m_progressLabel, 1);
    progressBar->addWidget(m_progress);
    progressBar->addWidget(m_stop);
    m_apiError = new ErrorLabel(this);
    m_apiError->setObjectName(QStringLiteral("apiError"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_open = buttons->addButton(tr("&Open design…"), QDialogButtonBox::ActionRole);
    m_open->setObjectName(QStringLiteral("openDesign"));
    QPushButton *save = buttons->addButton(tr("Sa&ve design…"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("saveDesign"));
    m_create = buttons->addButton(tr("C&reate table"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("createTable"));
    m_create->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, [this] { m_editing ? apply() : create(); });
    connect(m_open, &QPushButton::clicked, this, &TableDesigner::open);
    connect(save, &QPushButton::clicked, this, &TableDesigner::saveAs);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(progressBar);
    layout->addWidget(m_apiError);
    layout->addWidget(buttons);

    connect(m_runner, &TableChangeRunner::stepStarted, this, &TableDesigner::onStepStarted);
    connect(m_runner, &TableChangeRunner::stepFailed, this, &TableDesigner::onStepFailed);
    connect(m_runner, &TableChangeRunner::finished, this, &TableDesigner::onRunFinished);
    connect(&m_loadWatcher, &QFutureWatcher<LoadedTable>::finished, this, &TableDesigner::onLoaded);

    resize(1280, 720);
    revalidate();
    m_baseline = design().toJson();
}

TableDesigner::~TableDesigner()
{
    stopWatcher(m_loadWatcher);
}

void TableDesigner::buildForm(QVBoxLayout *leftLayout)
{
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
    m_streamError = new ErrorLabel(this);
    form->addRow(tr("Strea&m:"), withError(m_stream, m_streamError));

    m_ttl = new QLineEdit(this);
    m_ttl->setObjectName(QStringLiteral("ttlAttribute"));
    m_ttl->setPlaceholderText(tr("off; or a Number attribute holding epoch seconds, e.g. expiresAt"));
    m_ttlError = new ErrorLabel(this);
    form->addRow(tr("T&ime to live:"), withError(m_ttl, m_ttlError));

    m_encryption = new EncryptionPicker(this);
    m_encryptionError = new ErrorLabel(this);
    m_encryptionError->setObjectName(QStringLiteral("encryptionError"));
    form->addRow(tr("&Encryption at rest:"), withError(m_encryption, m_encryptionError));
    connect(m_encryption, &EncryptionPicker::changed, this, &TableDesigner::revalidate);

    // Indexes
    auto *indexBox = new QGroupBox(tr("Secondary indexes"), this);
    auto *indexOuter = new QVBoxLayout(indexBox);
    // Column titles over the rows (the placeholders vanish once typed over),
    // placed over the first row's columns (placeIndexTitles): a grid of
    // their own did not line up with the rows' fields.
    auto *titles = new QWidget(this);
    const QList<std::pair<QString, int>> titleTexts{{tr("Kind"), 0},         {tr("Name"), 1},       {tr("Partition key"), 2},
                                                    {tr("Sort key"), 4},     {tr("Projection"), 6}, {tr("Included attributes"), 7}};
    for (const auto &[text, column] : titleTexts) {
        auto *label = new QLabel(text, titles);
        label->setObjectName(QStringLiteral("indexTitle%1").arg(column));
        label->setEnabled(false);
        m_indexTitleLabels.append({label, column});
        titles->setMinimumHeight(std::max(titles->minimumHeight(), label->sizeHint().height()));
    }
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
    m_addLsi = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/add.svg")), tr("Add &local index"), this);
    m_addLsi->setObjectName(QStringLiteral("addLocalIndex"));
    indexButtons->addWidget(addGsi);
    indexButtons->addWidget(m_addLsi);
    indexButtons->addStretch();
    indexOuter->addLayout(indexButtons);
    connect(addGsi, &QPushButton::clicked, this, [this] { addIndex(true); });
    connect(m_addLsi, &QPushButton::clicked, this, [this] { addIndex(false); });

    auto *tagBox = new QGroupBox(tr("Tags"), this);
    auto *tagLayout = new QVBoxLayout(tagBox);
    m_tags = new TagEditor(this);
    tagLayout->addWidget(m_tags);
    connect(m_tags, &TagEditor::changed, this, &TableDesigner::revalidate);

    leftLayout->addLayout(form);
    leftLayout->addWidget(indexBox);
    leftLayout->addWidget(tagBox);
    leftLayout->addStretch();

    for (auto *e : {m_tableName, m_partition, m_sort, m_ttl})
        connect(e, &QLineEdit::textChanged, this, &TableDesigner::revalidate);
    for (auto *c : {static_cast<QComboBox *>(m_partitionType), static_cast<QComboBox *>(m_sortType), m_billing, m_stream})
        connect(c, &QComboBox::currentIndexChanged, this, &TableDesigner::revalidate);
    for (auto *s : {m_read, m_write})
        connect(s, &QSpinBox::valueChanged, this, &TableDesigner::revalidate);
}

bool TableDesigner::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_indexes.isEmpty() && watched == m_indexes.first()
        && (event->type() == QEvent::Resize || event->type() == QEvent::Move || event->type() == QEvent::LayoutRequest))
        QMetaObject::invokeMethod(this, &TableDesigner::placeIndexTitles, Qt::QueuedConnection); // once its layout ran
    return QDialog::eventFilter(watched, event);
}

void TableDesigner::placeIndexTitles()
{
    if (m_indexes.isEmpty())
        return;
    const IndexRow *first = m_indexes.first();
    for (const auto &[label, column] : m_indexTitleLabels) {
        // A key's title spans its name and type columns.
        QRect cell = first->columnRect(column);
        if (column == 2 || column == 4)
            cell = cell.united(first->columnRect(column + 1));
        const QPoint at = m_indexTitles->mapFromGlobal(first->mapToGlobal(cell.topLeft()));
        label->setGeometry(at.x(), 0, cell.width(), m_indexTitles->height());
    }
}

IndexRow *TableDesigner::addIndex(bool global)
{
    auto *row = new IndexRow(global, this);
    m_indexes.append(row);
    m_indexLayout->addWidget(row);
    row->installEventFilter(this); // its layout moves the titles (placeIndexTitles)
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
    d.ttlAttribute = m_ttl->text().trimmed();
    d.encryption = m_encryption->encryption();
    for (auto *row : m_indexes)
        d.indexes.append(row->design());
    d.tags = m_tags->tags();
    d.patterns = m_patterns->patterns();
    d.samples = m_samples->items();
    return d;
}

void TableDesigner::setDesign(const TableDesign &d)
{
    m_filling = true;
    m_tableName->setText(d.tableName);
    m_partition->setText(d.partition.name);
    m_partitionType->setType(d.partition.type);
    m_sort->setText(d.sort.name);
    m_sortType->setType(d.sort.type);
    m_billing->setCurrentIndex(d.onDemand ? 0 : 1);
    m_read->setValue(int(d.readCapacity));
    m_write->setValue(int(d.writeCapacity));
    m_stream->setCurrentIndex(qMax(0, m_stream->findData(d.streamViewType)));
    m_ttl->setText(d.ttlAttribute);
    m_encryption->setEncryption(d.encryption);
    for (IndexRow *row : m_indexes)
        delete row;
    m_indexes.clear();
    for (const IndexDesign &ix : d.indexes)
        addIndex(ix.global)->setDesign(ix);
    m_tags->setTags(d.tags);
    m_samples->setDesign(d);
    m_samples->setItems(d.samples);
    m_patterns->setPatterns(d.patterns);
    m_filling = false;
    revalidate();
}

QList<TableChange> TableDesigner::plannedChanges() const
{
    return m_editing ? TableChangePlanner::plan(m_original, design(), m_arn) : TableChangePlanner::create(design());
}

QString TableDesigner::cliCommand(const QString &endpointUrl) const
{
    const QString commands = TableChangePlanner::cliCommands(plannedChanges(), design().tableName, endpointUrl);
    return commands.isEmpty() ? tr("# Nothing to change") : commands;
}

QString TableDesigner::cliCommand() const
{
    return cliCommand(m_connection->endpointForPrograms());
}

QString TableDesigner::program(CopyFormat format) const
{
    const QString text = TableChangePlanner::program(format, plannedChanges(), design().tableName, m_connection->endpointForPrograms(),
                                                     m_connection->region());
    return text.isEmpty() ? tr("# Nothing to change") : text;
}

QString TableDesigner::cliInputJson() const
{
    if (!m_editing)
        return awscli::cliInputJson(design().toCreateTableRequest());
    const QString json = TableChangePlanner::cliInputJson(plannedChanges());
    return json.isEmpty() ? tr("# Nothing to change") : json;
}

void TableDesigner::revalidate()
{
    if (m_filling || m_revalidating)
        return;
    m_revalidating = true;
    const KeyAttribute tablePartition{m_partition->text().trimmed(), m_partitionType->type()};
    for (auto *row : m_indexes)
        row->setTablePartition(tablePartition);
    m_indexTitles->setVisible(!m_indexes.isEmpty());
    QMetaObject::invokeMethod(this, &TableDesigner::placeIndexTitles, Qt::QueuedConnection); // the first row may have changed
    const bool provisioned = m_billing->currentData().toString() == QLatin1String("PROVISIONED");
    m_read->setEnabled(provisioned);
    m_write->setEnabled(provisioned);

    const TableDesign d = design();
    const QList<DesignIssue> issues = d.validate();
    const QList<DesignIssue> shown = issues + m_callErrors;
    auto issueFor = [&](const QString &field) {
        QStringList messages;
        for (const auto &i : shown)
            if (i.field == field)
                messages << i.message;
        return messages.join(QLatin1Char('\n'));
    };
    m_tableNameError->setError(issueFor(QStringLiteral("tableName")));
    m_partitionError->setError(issueFor(QStringLiteral("partition")));
    m_sortError->setError(issueFor(QStringLiteral("sort")));
    m_capacityError->setError(issueFor(QStringLiteral("capacity")));
    m_streamError->setError(issueFor(QStringLiteral("stream")));
    m_ttlError->setError(issueFor(QStringLiteral("ttl")));
    m_encryptionError->setError(issueFor(QStringLiteral("encryption")));
    m_indexesError->setError(issueFor(QStringLiteral("indexes")));
    m_apiError->setError(issueFor(QStringLiteral("create")));
    for (int i = 0; i < m_indexes.size(); ++i)
        m_indexes[i]->showIssues(i, shown);
    QStringList tagMessages;
    if (const QString t = issueFor(QStringLiteral("tags")); !t.isEmpty())
        tagMessages << t;
    for (int i = 0; i < d.tags.size(); ++i)
        if (const QString t = issueFor(QStringLiteral("tag:%1").arg(i)); !t.isEmpty())
            tagMessages << tr("Tag %1: %2").arg(i + 1).arg(t);
    m_tags->setError(tagMessages.join(QLatin1Char('\n')));

    m_samples->setDesign(d);
    m_patterns->setDesign(d, attributeNames(d));
    const bool busy = m_runner->isRunning() || m_reading;
    m_create->setEnabled(issues.isEmpty() && !busy && (!m_editing || !plannedChanges().isEmpty()));
    switch (m_previewKind->currentIndex()) {
    case 0: m_preview->setPlainText(cliCommand()); break;
    case 1: m_preview->setPlainText(cliInputJson()); break;
    case 2: m_preview->setPlainText(program(CopyFormat::Python)); break;
    default: m_preview->setPlainText(program(CopyFormat::JavaScript)); break;
    }
    m_revalidating = false;
}

void TableDesigner::setBusy(bool busy)
{
    for (QWidget *w : findChildren<QScrollArea *>())
        w->setEnabled(!busy);
    m_open->setEnabled(!busy && !m_editing);
    m_progress->setVisible(busy);
    m_stop->setVisible(busy && m_runner->isRunning());
    m_stop->setEnabled(!m_runner->isStopping());
    revalidate();
}

void TableDesigner::create()
{
    if (!design().validate().isEmpty() || m_runner->isRunning())
        return;
    m_callErrors.clear();
    m_created = false;
    m_runner->start(plannedChanges(), design().tableName);
    setBusy(true);
}

void TableDesigner::apply()
{
    if (!design().validate().isEmpty() || m_runner->isRunning())
        return;
    const QList<TableChange> changes = plannedChanges();
    if (changes.isEmpty())
        return;
    m_callErrors.clear();
    m_runner->start(changes, m_original.tableName);
    setBusy(true);
}

void TableDesigner::onStepStarted(int index, int count, const QString &description)
{
    m_progress->setRange(0, count);
    m_progress->setValue(index);
    m_progressLabel->setText(tr("Step %1 of %2: %3…").arg(index + 1).arg(count).arg(description));
    // Create mode: every step after the first (CreateTable, required) means the table exists.
    if (!m_editing && index > 0)
        m_created = true;
}

void TableDesigner::onStepFailed(int, const QString &field, const QString &message)
{
    m_callErrors.append({field, field == QLatin1String("create") ? tr("DynamoDB refused the table: %1").arg(message)
                                                                 : tr("DynamoDB refused this change: %1").arg(message)});
}

void TableDesigner::onRunFinished(int failures)
{
    const int count = int(m_runner->changes().size());
    m_progress->setValue(count);
    const QString name = m_editing ? m_original.tableName : design().tableName;
    const int skipped = m_runner->stepsSkipped();
    if (!m_editing) {
        const bool created = m_created || failures == 0;
        setBusy(false);
        if (!created) {
            m_progressLabel->setText(QString());
            revalidate();
            return;
        }
        emit tableCreated(name);
        if (failures == 0 && skipped == 0) {
            accept();
            return;
        }
        // The table exists but a later call failed or was not made: go on
        // editing it, the settings not applied still in the form (Apply
        // makes them), and say so once it is read.
        m_keepDesign = design();
        m_afterLoadNote = skipped > 0 ? tr("Stopped after creating %1; %Ln setting(s) not applied", nullptr, skipped).arg(name)
                                      : tr("Created %1; some settings were not applied").arg(name);
        editTable(name);
        return;
    }
    if (skipped > 0)
        m_progressLabel->setText(tr("Stopped; %Ln change(s) not made", nullptr, skipped));
    else
        m_progressLabel->setText(failures == 0 ? tr("%Ln change(s) applied", nullptr, count)
                                               : tr("%L1 of %Ln change(s) failed; the errors are shown beside their fields", nullptr, count).arg(failures));
    emit changesApplied(failures);
    if (failures < count)
        emit tableUpdated(name);
    if (failures == 0 && skipped == 0) {
        setBusy(false);
        accept();
        return;
    }
    // Start over from what the table now is, keeping the form.
    m_reloadOnly = true;
    startReading(name);
}

void TableDesigner::editTable(const QString &table)
{
    m_editing = true;
    m_reloadOnly = false;
    setWindowTitle(tr("Edit table %1 — %2").arg(table, m_connection->displayName()));
    m_create->setText(tr("&Apply changes"));
    m_create->setObjectName(QStringLiteral("applyChanges"));
    m_progressLabel->setText(tr("Reading %1…").arg(table));
    m_progress->setRange(0, 0);
    startReading(table);
}

void TableDesigner::startReading(const QString &table)
{
    m_reading = true;
    m_loadWatcher.setFuture(LoadedTable::load(m_connection, table));
    setBusy(true);
}

void TableDesigner::onLoaded()
{
    const LoadedTable table = m_loadWatcher.result();
    m_reading = false;
    setBusy(false);
    if (m_reloadOnly) {
        m_reloadOnly = false;
        if (table.error.isEmpty())
            m_original = table.design;
        revalidate();
        return;
    }
    // What a Create cut short left for this read, once.
    const std::optional<TableDesign> kept = std::exchange(m_keepDesign, std::nullopt);
    const QString note = std::exchange(m_afterLoadNote, QString());
    if (!table.error.isEmpty() && table.arn.isEmpty()) {
        m_progressLabel->setText(QString());
        m_apiError->setError(tr("Cannot read the table: %1").arg(table.error));
        m_create->setEnabled(false);
        emit loaded(false);
        return;
    }
    m_original = table.design;
    m_arn = table.arn;
    TableDesign shown = table.design;
    shown.patterns = m_patterns->patterns();
    std::optional<QJsonObject> baseline; // the table as read, when the form shows more
    if (kept) {
        setDesign(shown);
        baseline = design().toJson();
        shown = *kept;
    }
    setDesign(shown);
    // What AWS cannot change after CreateTable.
    for (QLineEdit *e : {m_tableName, m_partition, m_sort})
        e->setReadOnly(true);
    for (QWidget *w : std::initializer_list<QWidget *>{m_partitionType, m_sortType, m_addLsi})
        w->setEnabled(false);
    for (IndexRow *row : m_indexes)
        row->setLocked(true, row->isGlobal());
    m_samples->setSourceTable(m_original.tableName);
    m_progressLabel->setText(table.error.isEmpty() ? note : tr("Partly read: %1").arg(table.error));
    revalidate();
    m_baseline = baseline.value_or(design().toJson());
    emit loaded(true);
}

bool TableDesigner::saveDesign(const QString &path, QString *error) const
{
    const TableDesign d = design();
    if (!designfile::save(path, d, error))
        return false;
    m_baseline = d.toJson();
    return true;
}

bool TableDesigner::isModified() const
{
    return design().toJson() != m_baseline;
}

void TableDesigner::reject()
{
    if (m_runner->isRunning()) {
        confirm(this, QMessageBox::Warning, windowTitle(),
                tr("Changes are being applied. Close and stop? The change in progress completes; the ones after it are not made."),
                QStringLiteral("confirmStopApplying"), [this] { QDialog::reject(); }, tr("Stop and close"));
        return;
    }
    if (!isModified()) {
        QDialog::reject();
        return;
    }
    confirm(this, QMessageBox::Question, windowTitle(), tr("Close without saving your changes to the design?"),
            QStringLiteral("confirmDiscardDesign"), [this] { QDialog::reject(); }, tr("Discard"));
}

bool TableDesigner::openDesign(const QString &path, QString *error)
{
    if (m_editing) {
        *error = tr("A design opens in a new table's designer");
        return false;
    }
    TableDesign d;
    if (!designfile::load(path, &d, error))
        return false;
    setDesign(d);
    m_baseline = design().toJson();
    return true;
}

void TableDesigner::saveAs()
{
    const QString name = design().tableName.isEmpty() ? QStringLiteral("table") : design().tableName;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save design"), name + QStringLiteral(".design.json"),
                                                      tr("Table designs (*.json)"));
    QString error;
    if (!path.isEmpty() && !saveDesign(path, &error))
        m_apiError->setError(tr("Cannot save %1: %2").arg(path, error));
}

void TableDesigner::open()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open design"), QString(), tr("Table designs (*.json)"));
    QString error;
    if (!path.isEmpty() && !openDesign(path, &error))
        m_apiError->setError(tr("Cannot open %1: %2").arg(path, error));
}

} // namespace dd::ui
