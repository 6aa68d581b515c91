#include "migration/tablecopydialog.h"

#include "common/confirm.h"
#include "common/errorlabel.h"
#include "common/responses.h"
#include "common/watchers.h"
#include "connections/connection.h"
#include "designer/tabledesign.h"
#include "migration/tablecopyrun.h"
#include "migration/tabledefinitiontext.h"
#include "replicas/replicasdialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace dd::ui {

namespace {

constexpr int kDefaultSegments = 4;
constexpr int kMaxSegments = 64;  // copyTable's limit

QString p(const char *s) { return QString::fromLatin1(s); }

} // namespace

TableCopyDialog::TableCopyDialog(Connection *source, const QString &table, const QList<Connection *> &connections,
                                 QWidget *parent)
    : QDialog(parent), m_source(source), m_table(table)
{
    setObjectName(QStringLiteral("tableCopyDialog"));
    setWindowTitle(tr("Copy table %1").arg(table));

    auto *intro = new QLabel(tr("Copies the definition and every item of a table into a table of any open connection, by a "
                                "parallel Scan written with BatchWriteItem. The source is not changed."),
                             this);
    intro->setWordWrap(true);

    m_form = new QWidget(this);
    auto *sourceLabel = new QLabel(QStringLiteral("%1 — %2").arg(table, TableCopyRun::placeOf(source)), m_form);
    sourceLabel->setObjectName(QStringLiteral("copySource"));
    sourceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard); // reached by its label, not by Tab
    sourceLabel->setTextFormat(Qt::PlainText);

    m_targetCombo = new QComboBox(m_form);
    m_targetCombo->setObjectName(QStringLiteral("targetConnection"));
    m_targetCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_targetCombo->setMinimumContentsLength(24);
    m_region = new QComboBox(m_form);
    m_region->setObjectName(QStringLiteral("targetRegion"));
    m_region->setEditable(true);
    m_region->setInsertPolicy(QComboBox::NoInsert);
    m_region->addItems(ReplicasDialog::commonRegions());
    m_region->setEnabled(false);
    m_region->setToolTip(tr("Another region of the same database: its connection opens in the tree"));
    auto *targetRow = new QHBoxLayout;
    targetRow->setContentsMargins(0, 0, 0, 0);
    targetRow->addWidget(m_targetCombo, 1);
    auto *regionLabel = new QLabel(tr("&Region:"), m_form);
    regionLabel->setBuddy(m_region);
    targetRow->addWidget(regionLabel);
    targetRow->addWidget(m_region);

    m_create = new QRadioButton(tr("Create the table with the source's &definition"), m_form);
    m_create->setObjectName(QStringLiteral("createTarget"));
    m_create->setChecked(true);
    m_existing = new QRadioButton(tr("Copy into an e&xisting table"), m_form);
    m_existing->setObjectName(QStringLiteral("intoExisting"));
    m_existing->setToolTip(tr("Its key schema must be the source's; items with the same key are replaced"));
    auto *modes = new QButtonGroup(this);
    modes->addButton(m_create);
    modes->addButton(m_existing);
    auto *modeColumn = new QVBoxLayout;
    modeColumn->setContentsMargins(0, 0, 0, 0);
    modeColumn->addWidget(m_create);
    modeColumn->addWidget(m_existing);

    m_name = new QLineEdit(m_form);
    m_name->setObjectName(QStringLiteral("targetTableName"));
    m_name->setPlaceholderText(tr("3 to 255 characters: letters, digits, _ . -"));
    m_existingCombo = new QComboBox(m_form);
    m_existingCombo->setObjectName(QStringLiteral("existingTable"));
    m_existingCombo->setPlaceholderText(tr("Reading the tables…"));
    m_nameStack = new QStackedWidget(m_form);
    m_nameStack->addWidget(m_name);
    m_nameStack->addWidget(m_existingCombo);
    m_nameStack->setFocusProxy(m_name);
    m_nameStack->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_nameError = new ErrorLabel(m_form);
    m_nameError->setObjectName(QStringLiteral("targetTableError"));

    m_segments = new QSpinBox(m_form);
    m_segments->setObjectName(QStringLiteral("segments"));
    m_segments->setRange(1, kMaxSegments);
    m_segments->setValue(kDefaultSegments);
    m_segments->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_segments->setToolTip(tr("Scan segments read at once, each by its own worker: faster on a large table, and more read "
                              "and write capacity at a time"));
    m_copyTtl = new QCheckBox(tr("Also enable the source's time to &live"), m_form);
    m_copyTtl->setObjectName(QStringLiteral("copyTimeToLive"));
    m_copyTtl->setChecked(true);
    m_copyTtl->setToolTip(tr("Set on the copy once every item is in, so that it deletes nothing before"));

    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    auto *targetLabel = new QLabel(tr("&Target connection:"), m_form);
    targetLabel->setBuddy(m_targetCombo);
    auto *modeLabel = new QLabel(tr("Co&py:"), m_form); // a row of a layout gets no buddy of its own
    modeLabel->setBuddy(m_create);
    form->addRow(tr("So&urce:"), sourceLabel);
    form->addRow(targetLabel, targetRow);
    form->addRow(modeLabel, modeColumn);
    form->addRow(tr("Target ta&ble:"), m_nameStack);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("Parallel &segments:"), m_segments);
    form->addRow(QString(), m_copyTtl);

    m_summaryBox = new QGroupBox(this);
    m_summaryBox->setObjectName(QStringLiteral("copySummaryBox"));
    m_summary = new QLabel(m_summaryBox);
    m_summary->setObjectName(QStringLiteral("copySummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *summaryLayout = new QVBoxLayout(m_summaryBox);
    summaryLayout->addWidget(m_summary);

    m_run = new TableCopyRun(this);

    m_openButton = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/table.svg")), tr("&Open table"), this);
    m_openButton->setObjectName(QStringLiteral("openCopiedTable"));
    m_openButton->setAutoDefault(false);
    m_openButton->setToolTip(tr("Browse the copy"));
    m_openButton->setVisible(false);
    m_copyButton = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/copy.svg")), tr("&Copy"), this);
    m_copyButton->setObjectName(QStringLiteral("startCopy"));
    m_copyButton->setDefault(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *actionRow = new QHBoxLayout;
    actionRow->addWidget(m_openButton);
    actionRow->addStretch(1);
    actionRow->addWidget(m_copyButton);
    actionRow->addWidget(m_buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_form);
    layout->addWidget(m_summaryBox, 1);
    layout->addWidget(m_run);
    layout->addLayout(actionRow);

    m_targets << source;
    m_targetCombo->addItem(QIcon(QStringLiteral(":/dynamodesk/icons/database.svg")), TableCopyRun::placeOf(source));
    for (Connection *c : connections)
        addConnection(c);

    connect(&m_describe, &QFutureWatcher<client::ApiResponse>::finished, this, &TableCopyDialog::onDescribed);
    connect(&m_describeTtl, &QFutureWatcher<client::ApiResponse>::finished, this, &TableCopyDialog::onTimeToLive);
    connect(&m_listing, &QFutureWatcher<TableNames>::finished, this, &TableCopyDialog::onListed);
    connect(m_run, &TableCopyRun::runningChanged, this, &TableCopyDialog::onRunning);
    connect(m_run, &TableCopyRun::copied, this, &TableCopyDialog::copied);
    connect(m_targetCombo, &QComboBox::currentIndexChanged, this, &TableCopyDialog::onTargetChanged);
    connect(m_region, &QComboBox::activated, this, &TableCopyDialog::onRegionChosen);
    connect(m_region->lineEdit(), &QLineEdit::returnPressed, this, &TableCopyDialog::onRegionChosen);
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
    connect(m_name, &QLineEdit::textChanged, this, &TableCopyDialog::updateForm);
    connect(m_existingCombo, &QComboBox::currentIndexChanged, this, &TableCopyDialog::updateForm);
    connect(m_existing, &QRadioButton::toggled, this, [this](bool existing) {
        m_nameStack->setCurrentWidget(existing ? static_cast<QWidget *>(m_existingCombo) : m_name);
        m_nameStack->setFocusProxy(m_nameStack->currentWidget());
        if (existing)
            listTargetTables();
        updateForm();
    });
    connect(m_copyButton, &QPushButton::clicked, this, &TableCopyDialog::startCopy);
    connect(m_openButton, &QPushButton::clicked, this, &TableCopyDialog::openTable);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TableCopyDialog::reject);

    const QJsonObject byName{{p("TableName"), table}};
    m_describe.setFuture(m_source->call(p("DescribeTable"), byName));
    m_describeTtl.setFuture(m_source->call(p("DescribeTimeToLive"), byName));
    onTargetChanged();
    resize(620, sizeHint().height());
}

TableCopyDialog::~TableCopyDialog()
{
    m_run->disconnect(this);
    delete m_run; // stops a running copy (it ends at its next check)
    stopWatcher(m_describe);
    stopWatcher(m_describeTtl);
    stopWatcher(m_listing);
}

void TableCopyDialog::setRegionOpener(RegionOpener opener)
{
    m_openRegion = std::move(opener);
    m_region->setEnabled(bool(m_openRegion));
}

void TableCopyDialog::addConnection(Connection *connection)
{
    if (!connection || m_targets.contains(connection))
        return;
    m_targets << connection;
    m_targetCombo->addItem(QIcon(QStringLiteral(":/dynamodesk/icons/database.svg")), TableCopyRun::placeOf(connection));
}

void TableCopyDialog::removeConnection(Connection *connection)
{
    if (connection == m_source || !m_targets.contains(connection))
        return;
    m_run->forget(connection);
    m_openButton->setVisible(m_run->succeeded());
    const auto index = m_targets.indexOf(connection);
    m_targets.removeAt(index);
    m_targetCombo->removeItem(int(index)); // the source, first, stays: the current index stays valid
}

bool TableCopyDialog::setTarget(Connection *connection)
{
    const auto index = m_targets.indexOf(connection);
    if (index < 0 || isCopying())
        return false;
    m_targetCombo->setCurrentIndex(int(index));
    return true;
}

bool TableCopyDialog::setRegion(const QString &region)
{
    if (!m_region->isEnabled())
        return false;
    m_region->setEditText(region);
    onRegionChosen();
    return targetConnection() && targetConnection()->region() == region;
}

void TableCopyDialog::setTargetTable(const QString &name)
{
    if (m_existing->isChecked()) {
        m_existingCombo->setCurrentIndex(m_existingCombo->findText(name));
    } else {
        m_nameEdited = true;
        m_name->setText(name);
    }
}

void TableCopyDialog::setIntoExisting(bool existing)
{
    (existing ? m_existing : m_create)->setChecked(true);
}

Connection *TableCopyDialog::targetConnection() const
{
    const int index = m_targetCombo->currentIndex();
    return index >= 0 && index < m_targets.size() ? m_targets.at(index) : nullptr;
}

QString TableCopyDialog::targetTable() const
{
    return m_existing->isChecked() ? m_existingCombo->currentText() : m_name->text().trimmed();
}

bool TableCopyDialog::isListing() const
{
    return m_listing.isRunning();
}

bool TableCopyDialog::isCopying() const
{
    return m_run->isRunning();
}

QString TableCopyDialog::formError() const
{
    return m_nameError->text();
}

QString TableCopyDialog::summaryText() const
{
    return m_summary->text();
}

QStringList TableCopyDialog::existingTables() const
{
    return m_listed.connection == targetConnection() ? m_listed.names : QStringList();
}

bool TableCopyDialog::isSourceItself(const QString &name) const
{
    const Connection *target = targetConnection();
    return target && name == m_table && target->region() == m_source->region() && target->sameDatabase(*m_source);
}

void TableCopyDialog::onDescribed()
{
    const client::ApiResponse r = m_describe.result();
    m_loaded = true;
    if (r.ok())
        m_description = r.body.value(p("Table")).toObject();
    else
        m_describeError = tr("Cannot read table %1: %2").arg(m_table, errorText(r));
    updateForm();
}

void TableCopyDialog::onTimeToLive()
{
    const client::ApiResponse r = m_describeTtl.result();
    const QJsonObject d = r.body.value(p("TimeToLiveDescription")).toObject();
    const QString status = d.value(p("TimeToLiveStatus")).toString();
    if (!r.ok())
        return; // copyTable asks again and skips the step if it still cannot
    if (status == p("ENABLED") || status == p("ENABLING")) {
        m_ttlAttribute = d.value(p("AttributeName")).toString();
        m_copyTtl->setText(tr("Also enable the source's time to &live (attribute %1)").arg(m_ttlAttribute));
        m_copyTtl->setEnabled(true);
    } else {
        // Nothing to copy: not offered, and not ticked as if it would be.
        m_copyTtl->setText(tr("Also enable the source's time to &live (off on the source)"));
        m_copyTtl->setChecked(false);
        m_copyTtl->setEnabled(false);
    }
}

void TableCopyDialog::onTargetChanged()
{
    Connection *target = targetConnection();
    if (!target)
        return;
    const QSignalBlocker blocker(m_region);
    m_region->setEditText(target->region());
    if (!m_nameEdited)
        m_name->setText(isSourceItself(m_table) ? m_table + QStringLiteral("-copy") : m_table);
    m_existingCombo->clear();
    if (m_existing->isChecked())
        listTargetTables();
    updateForm();
}

void TableCopyDialog::onRegionChosen()
{
    Connection *target = targetConnection();
    const QString region = m_region->currentText().trimmed();
    // AWS's region names: "us-east-1", "ap-southeast-2", "us-gov-west-1".
    static const QRegularExpression regionName(QStringLiteral("^[a-z]{2}(-[a-z]+)+-\\d+$"));
    if (!target || region == target->region())
        return;
    Connection *opened = regionName.match(region).hasMatch() && m_openRegion ? m_openRegion(target, region) : nullptr;
    if (!opened) {
        const QSignalBlocker blocker(m_region);
        m_region->setEditText(target->region());
        return;
    }
    addConnection(opened);
    setTarget(opened);
}

void TableCopyDialog::listTargetTables()
{
    Connection *target = targetConnection();
    if (!target)
        return;
    if (m_listing.isRunning()) {
        m_listAgain = true;
        return;
    }
    m_existingCombo->setPlaceholderText(tr("Reading the tables…"));
    m_listing.setFuture(QtConcurrent::run(target->pool(), [target] { return listTableNames(target); }));
}

void TableCopyDialog::onListed()
{
    if (m_listing.future().resultCount() == 0)
        return;
    const TableNames listed = m_listing.result();
    if (m_listAgain || listed.connection != targetConnection()) {
        m_listAgain = false;
        if (m_existing->isChecked())
            listTargetTables();
        return;
    }
    m_listed = listed;
    const QString chosen = m_existingCombo->currentText();
    const QSignalBlocker blocker(m_existingCombo);
    m_existingCombo->clear();
    m_existingCombo->addItems(listed.names);
    m_existingCombo->setPlaceholderText(!listed.error.isEmpty() ? tr("Cannot list the tables")
                                        : listed.names.isEmpty() ? tr("No tables")
                                                                 : tr("Choose a table"));
    m_existingCombo->setCurrentIndex(m_existingCombo->findText(chosen));
    updateForm();
}

void TableCopyDialog::updateForm()
{
    const bool existing = m_existing->isChecked();
    const QString name = targetTable();
    QString problem;
    if (existing) {
        if (m_listed.connection == targetConnection() && !m_listed.error.isEmpty())
            problem = tr("Cannot list the target's tables: %1").arg(m_listed.error);
        else if (name.isEmpty())
            problem = m_listing.isRunning() ? QString() : tr("Choose the table to copy into");
        else if (isSourceItself(name))
            problem = tr("A table cannot be copied into itself: choose another table, connection or region");
    } else {
        problem = TableDesign::nameProblem(name);
        if (problem.isEmpty() && isSourceItself(name))
            problem = tr("This is the source table: choose another name, connection or region");
    }
    m_nameError->setError(problem);
    m_copyButton->setEnabled(!isCopying() && problem.isEmpty() && !name.isEmpty());

    QString summary;
    if (!m_loaded) {
        summary = tr("Reading table %1…").arg(m_table);
    } else if (!m_describeError.isEmpty()) {
        summary = m_describeError;
    } else {
        const QJsonArray defs = m_description.value(p("AttributeDefinitions")).toArray();
        const QString keys = TableDefinitionText::keys(m_description.value(p("KeySchema")).toArray(), defs);
        const qint64 items = m_description.value(p("ItemCount")).toInteger();
        if (existing)
            summary = tr("The items are written into the existing table, replacing those with the same key. Its key "
                         "schema must be the source's: %1.")
                          .arg(keys);
        else
            summary = TableDefinitionText::summary(client::createTableRequestFor(m_description, name));
        summary += QLatin1Char('\n') + tr("Items: about %1 (the source's item count, which AWS updates about every six hours)")
                                           .arg(QLocale().toString(items));
    }
    m_summaryBox->setTitle(existing ? tr("What the copy writes") : tr("What the copy creates"));
    m_summary->setText(summary);
}

bool TableCopyDialog::startCopy()
{
    updateForm();
    if (!m_copyButton->isEnabled())
        return false;
    Connection *target = targetConnection();
    if (target->settings().kind == ConnectionSettings::Kind::Aws) {
        const QString profile = target->settings().profile.isEmpty() ? QStringLiteral("default") : target->settings().profile;
        confirm(this, QMessageBox::Question, tr("Copy to AWS"),
                tr("Copy table %1 into table %2 on AWS (profile %3, region %4)?\n\nAWS bills the new table and every item "
                   "written to it, and a large table takes a while.")
                    .arg(m_table, targetTable(), profile, target->region()),
                QStringLiteral("confirmCopyToAws"), [this, target] {
                    // Still the form that was confirmed?
                    if (targetConnection() == target && m_copyButton->isEnabled())
                        beginCopy();
                },
                tr("&Copy"));
        return true;
    }
    beginCopy();
    return true;
}

void TableCopyDialog::beginCopy()
{
    client::TableCopyOptions options;
    options.sourceTable = m_table;
    options.targetTable = targetTable();
    options.createTarget = m_create->isChecked();
    options.copyTimeToLive = m_copyTtl->isChecked();
    options.segments = m_segments->value();
    m_run->start(m_source, targetConnection(), options, m_description.value(p("ItemCount")).toInteger());
}

bool TableCopyDialog::cancelCopy()
{
    return m_run->cancel();
}

void TableCopyDialog::reject()
{
    if (isCopying()) {
        cancelCopy();
        return;
    }
    QDialog::reject();
}

void TableCopyDialog::onRunning(bool running)
{
    m_form->setEnabled(!running);
    m_buttons->setEnabled(!running);
    m_openButton->setVisible(!running && m_run->succeeded());
    if (!running && m_existing->isChecked() && m_run->target() == targetConnection())
        listTargetTables(); // a table it created is one to copy into
    updateForm();
}

bool TableCopyDialog::openTable()
{
    if (!m_run->target() || !m_run->succeeded() || isCopying())
        return false;
    emit openTableRequested(m_run->target(), m_run->targetTable());
    return true;
}

} // namespace dd::ui
