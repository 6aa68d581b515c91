#include "exports/importdialog.h"

#include "common/errorlabel.h"
#include "common/formlayouts.h"
#include "common/responses.h"
#include "common/watchers.h"
#include "connections/connection.h"
#include "exports/bucketpicker.h"
#include "exports/jobtext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QUuid>
#include <QVBoxLayout>

namespace dd::ui {

namespace {

constexpr int kPollMs = 500; // a few thousand lines import in about a second

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QComboBox *keyTypeCombo(QWidget *parent, const char *name)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QLatin1String(name));
    combo->addItem(ImportDialog::tr("String (S)"), QStringLiteral("S"));
    combo->addItem(ImportDialog::tr("Number (N)"), QStringLiteral("N"));
    combo->addItem(ImportDialog::tr("Binary (B)"), QStringLiteral("B"));
    return combo;
}

} // namespace

ImportDialog::ImportDialog(Connection *connection, QWidget *parent) : QDialog(parent), m_connection(connection)
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import from S3: %1").arg(connection->displayName()));

    auto *summary = new QLabel(tr("Creates a new table and loads it with every object under the key prefix, as DynamoDB's "
                                  "ImportTable does. Lines that are not valid items are counted and skipped."),
                               this);
    summary->setObjectName(QStringLiteral("importSummary"));
    summary->setWordWrap(true);

    auto *source = new QGroupBox(tr("Source"), this);
    m_bucket = new BucketPicker(connection, source);
    m_prefix = new QLineEdit(source);
    m_prefix->setObjectName(QStringLiteral("importPrefix"));
    m_prefix->setPlaceholderText(tr("Optional, e.g. imports/orders/ (every object whose key starts with it)"));
    m_format = new QComboBox(source);
    m_format->setObjectName(QStringLiteral("inputFormat"));
    m_format->addItem(tr("DynamoDB JSON"), QStringLiteral("DYNAMODB_JSON"));
    m_format->addItem(tr("Amazon Ion"), QStringLiteral("ION"));
    m_format->addItem(tr("CSV"), QStringLiteral("CSV"));
    m_compression = new QComboBox(source);
    m_compression->setObjectName(QStringLiteral("compression"));
    m_compression->addItem(tr("None"), QStringLiteral("NONE"));
    m_compression->addItem(tr("GZIP"), QStringLiteral("GZIP"));
    m_compression->addItem(tr("ZSTD"), QStringLiteral("ZSTD"));
    m_compression->setToolTip(tr("DynamoDB does not detect it: an export's data/ folder is GZIP"));
    m_delimiter = new QComboBox(source);
    m_delimiter->setObjectName(QStringLiteral("csvDelimiter"));
    m_delimiter->addItem(tr("Comma ( , )"), QStringLiteral(","));
    m_delimiter->addItem(tr("Semicolon ( ; )"), QStringLiteral(";"));
    m_delimiter->addItem(tr("Colon ( : )"), QStringLiteral(":"));
    m_delimiter->addItem(tr("Pipe ( | )"), QStringLiteral("|"));
    m_delimiter->addItem(tr("Tab"), QStringLiteral("\t"));
    m_delimiter->addItem(tr("Space"), QStringLiteral(" "));
    m_headers = new QLineEdit(source);
    m_headers->setObjectName(QStringLiteral("csvHeaders"));
    m_headers->setPlaceholderText(tr("Optional: column names, comma-separated (then every line is data)"));
    m_headers->setToolTip(tr("Without it, the first line of each file names the columns"));
    m_sourceForm = new QFormLayout(source);
    m_sourceForm->addRow(tr("S3 &bucket:"), m_bucket);
    m_sourceForm->addRow(tr("&Key prefix:"), m_prefix);
    m_sourceForm->addRow(tr("Input &format:"), m_format);
    m_sourceForm->addRow(tr("&Compression:"), m_compression);
    m_sourceForm->addRow(tr("&Delimiter:"), m_delimiter);
    m_sourceForm->addRow(tr("&Header:"), m_headers);

    auto *target = new QGroupBox(tr("New table"), this);
    m_tableName = new QLineEdit(target);
    m_tableName->setObjectName(QStringLiteral("importTableName"));
    m_tableName->setPlaceholderText(tr("3 to 255 characters: letters, digits, _ . -"));
    m_partitionKey = new QLineEdit(target);
    m_partitionKey->setObjectName(QStringLiteral("partitionKey"));
    m_partitionKey->setPlaceholderText(tr("Attribute name"));
    m_partitionType = keyTypeCombo(target, "partitionKeyType");
    m_sortKey = new QLineEdit(target);
    m_sortKey->setObjectName(QStringLiteral("sortKey"));
    m_sortKey->setPlaceholderText(tr("Optional"));
    m_sortType = keyTypeCombo(target, "sortKeyType");
    m_onDemand = new QCheckBox(tr("On-demand billing (PAY_PER_REQUEST)"), target);
    m_onDemand->setObjectName(QStringLiteral("onDemand"));
    m_onDemand->setChecked(true);
    m_capacity = new QWidget(target);
    m_read = new QSpinBox(m_capacity);
    m_read->setObjectName(QStringLiteral("readCapacity"));
    m_read->setRange(1, 40000);
    m_read->setValue(5);
    m_write = new QSpinBox(m_capacity);
    m_write->setObjectName(QStringLiteral("writeCapacity"));
    m_write->setRange(1, 40000);
    m_write->setValue(5);
    auto *capacityRow = new QHBoxLayout(m_capacity);
    capacityRow->setContentsMargins(0, 0, 0, 0);
    capacityRow->addWidget(new QLabel(tr("Read:"), m_capacity));
    capacityRow->addWidget(m_read);
    capacityRow->addWidget(new QLabel(tr("Write:"), m_capacity));
    capacityRow->addWidget(m_write);
    capacityRow->addStretch(1);
    auto *partitionRow = new QHBoxLayout;
    partitionRow->addWidget(m_partitionKey, 1);
    partitionRow->addWidget(m_partitionType);
    auto *sortRow = new QHBoxLayout;
    sortRow->addWidget(m_sortKey, 1);
    sortRow->addWidget(m_sortType);
    m_tableForm = new QFormLayout(target);
    m_tableForm->addRow(tr("&Table name:"), m_tableName);
    // Rows of a layout: their labels need a buddy for the mnemonic.
    auto *partitionLabel = new QLabel(tr("&Partition key:"), target);
    partitionLabel->setBuddy(m_partitionKey);
    auto *sortLabel = new QLabel(tr("&Sort key:"), target);
    sortLabel->setBuddy(m_sortKey);
    m_tableForm->addRow(partitionLabel, partitionRow);
    m_tableForm->addRow(sortLabel, sortRow);
    // The check box takes its mnemonic from its label (Alt+L ticks it), clear of Delimiter's.
    m_tableForm->addRow(tr("Bi&lling:"), m_onDemand);
    auto *capacityLabel = new QLabel(tr("C&apacity units:"), target);
    capacityLabel->setBuddy(m_read);
    m_tableForm->addRow(capacityLabel, m_capacity);
    alignLabelColumns({m_sourceForm, m_tableForm});

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("importBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setWordWrap(true);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("importResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_explanation = new QLabel(this);
    m_explanation->setObjectName(QStringLiteral("importExplanation"));
    m_explanation->setWordWrap(true);
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("importError"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_openTable = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/table.svg")), tr("&Open table"), this);
    m_openTable->setObjectName(QStringLiteral("openImportedTable"));
    m_openTable->setAutoDefault(false);
    m_openTable->setToolTip(tr("Browse the imported table"));
    m_importButton = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/import.svg")), tr("&Import"), this);
    m_importButton->setObjectName(QStringLiteral("startImport"));
    m_importButton->setDefault(true);
    m_importButton->setToolTip(tr("ImportTable"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_busy);
    progressRow->addWidget(m_progress, 1);
    auto *actionRow = new QHBoxLayout;
    actionRow->addWidget(m_openTable);
    actionRow->addStretch(1);
    actionRow->addWidget(m_importButton);
    actionRow->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    layout->addWidget(source);
    layout->addWidget(target);
    layout->addLayout(progressRow);
    layout->addWidget(m_result);
    layout->addWidget(m_explanation);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addLayout(actionRow);

    m_poll.setSingleShot(true);
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &ImportDialog::describe);
    connect(&m_start, &QFutureWatcher<client::ApiResponse>::finished, this, &ImportDialog::onStarted);
    connect(&m_describe, &QFutureWatcher<client::ApiResponse>::finished, this, &ImportDialog::onDescribed);
    connect(&m_checkTable, &QFutureWatcher<client::ApiResponse>::finished, this, &ImportDialog::onTableChecked);
    connect(&m_errorLines, &QFutureWatcher<client::ApiResponse>::finished, this, &ImportDialog::onErrorLines);
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_openTable, &QPushButton::clicked, this, &ImportDialog::openTable);
    connect(m_bucket, &BucketPicker::bucketChanged, this, &ImportDialog::updateForm);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ImportDialog::updateForm);
    connect(m_onDemand, &QCheckBox::toggled, this, &ImportDialog::updateForm);
    for (QLineEdit *edit : {m_tableName, m_partitionKey})
        connect(edit, &QLineEdit::textChanged, this, &ImportDialog::updateForm);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    showProgress(QString(), false);
    updateForm();
    resize(640, sizeHint().height());
}

ImportDialog::~ImportDialog()
{
    m_poll.stop();
    stopWatcher(m_describe);
    stopWatcher(m_checkTable);
    stopWatcher(m_errorLines);
    // Not cancelled: an import the user asked for is sent even if the
    // dialog closes first (ImportTable answers at once; the load runs on
    // the server).
    letFinish(m_start);
}

void ImportDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (m_following && !m_describe.isRunning())
        m_poll.start();
}

void ImportDialog::hideEvent(QHideEvent *event)
{
    m_poll.stop();
    QDialog::hideEvent(event);
}

QJsonObject ImportDialog::request() const
{
    QJsonObject source{{QStringLiteral("S3Bucket"), m_bucket->bucket()}};
    if (!m_prefix->text().isEmpty())
        source.insert(QStringLiteral("S3KeyPrefix"), m_prefix->text());
    const QString format = m_format->currentData().toString();
    QJsonObject request{{QStringLiteral("S3BucketSource"), source},
                        {QStringLiteral("InputFormat"), format},
                        {QStringLiteral("InputCompressionType"), m_compression->currentData().toString()}};
    if (format == QLatin1String("CSV")) {
        QJsonObject csv{{QStringLiteral("Delimiter"), m_delimiter->currentData().toString()}};
        QJsonArray headers;
        for (const QString &h : m_headers->text().split(QLatin1Char(',')))
            if (!h.trimmed().isEmpty())
                headers.append(h.trimmed());
        if (!headers.isEmpty())
            csv.insert(QStringLiteral("HeaderList"), headers);
        request.insert(QStringLiteral("InputFormatOptions"), QJsonObject{{QStringLiteral("Csv"), csv}});
    }

    const auto attribute = [](const QString &name, const QString &type) {
        return QJsonObject{{QStringLiteral("AttributeName"), name}, {QStringLiteral("AttributeType"), type}};
    };
    const auto key = [](const QString &name, const char *type) {
        return QJsonObject{{QStringLiteral("AttributeName"), name}, {QStringLiteral("KeyType"), QLatin1String(type)}};
    };
    const QString partition = m_partitionKey->text().trimmed();
    const QString sort = m_sortKey->text().trimmed();
    QJsonArray definitions{attribute(partition, m_partitionType->currentData().toString())};
    QJsonArray schema{key(partition, "HASH")};
    if (!sort.isEmpty()) {
        definitions.append(attribute(sort, m_sortType->currentData().toString()));
        schema.append(key(sort, "RANGE"));
    }
    QJsonObject table{{QStringLiteral("TableName"), m_tableName->text().trimmed()},
                      {QStringLiteral("AttributeDefinitions"), definitions},
                      {QStringLiteral("KeySchema"), schema}};
    if (m_onDemand->isChecked()) {
        table.insert(QStringLiteral("BillingMode"), QStringLiteral("PAY_PER_REQUEST"));
    } else {
        table.insert(QStringLiteral("BillingMode"), QStringLiteral("PROVISIONED"));
        table.insert(QStringLiteral("ProvisionedThroughput"), QJsonObject{{QStringLiteral("ReadCapacityUnits"), m_read->value()},
                                                                          {QStringLiteral("WriteCapacityUnits"), m_write->value()}});
    }
    request.insert(QStringLiteral("TableCreationParameters"), table);
    return request;
}

bool ImportDialog::startImport()
{
    if (!canImport())
        return false;
    QJsonObject r = request();
    r.insert(QStringLiteral("ClientToken"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    m_importedTable = m_tableName->text().trimmed();
    m_import = QJsonObject();
    m_tableReady = false;
    m_starting = true;
    m_error->setError(QString());
    m_result->clear();
    m_explanation->clear();
    m_start.setFuture(m_connection->call(QStringLiteral("ImportTable"), r));
    showProgress(tr("Starting the import…"), true);
    updateForm();
    return true;
}

void ImportDialog::onStarted()
{
    const client::ApiResponse r = m_start.result();
    m_starting = false;
    if (!r.ok()) {
        showProgress(QString(), false);
        m_error->setError(tr("DynamoDB refused the import: %1").arg(ui::errorText(r)));
        updateForm();
        return;
    }
    showImport(r.body.value(QStringLiteral("ImportTableDescription")).toObject());
}

void ImportDialog::describe()
{
    const QString arn = str(m_import, "ImportArn");
    if (arn.isEmpty() || m_describe.isRunning())
        return;
    m_describe.setFuture(m_connection->call(QStringLiteral("DescribeImport"), QJsonObject{{QStringLiteral("ImportArn"), arn}}));
}

void ImportDialog::onDescribed()
{
    const client::ApiResponse r = m_describe.result();
    if (!r.ok()) {
        // Polling stops: the import goes on on the server; the list of imports shows how it ends.
        m_following = false;
        showProgress(tr("Cannot follow the import any more."), false);
        m_error->setError(tr("Cannot read the import's status: %1").arg(ui::errorText(r)));
        updateForm();
        return;
    }
    showImport(r.body.value(QStringLiteral("ImportTableDescription")).toObject());
}

void ImportDialog::showImport(const QJsonObject &description)
{
    m_import = description;
    const QString status = str(description, "ImportStatus");
    const QString table = m_importedTable;
    m_following = status == QLatin1String("IN_PROGRESS");
    if (m_following) {
        showProgress(tr("Importing into table %1… (%2)").arg(table, status), true);
        if (isVisible() && !m_poll.isActive())
            m_poll.start();
        updateForm();
        return;
    }
    const auto count = [&](const char *key) { return qint64(description.value(QLatin1String(key)).toDouble()); };
    const QJsonValue bytes = description.value(QStringLiteral("ProcessedSizeBytes"));
    m_result->setText(tr("Processed %Ln item(s): %L1 imported, %L2 errors. Read: %3.", nullptr, int(count("ProcessedItemCount")))
                          .arg(count("ImportedItemCount"))
                          .arg(count("ErrorCount"))
                          .arg(bytes.isDouble() ? JobText::size(bytes) : tr("nothing")));
    const QString code = str(description, "FailureCode");
    if (status == QLatin1String("COMPLETED")) {
        showProgress(tr("Import completed: table %1 is ready.").arg(table), false);
    } else {
        showProgress(tr("Import failed (%1).").arg(status), false);
        m_error->setError(tr("The import failed: %1").arg(QStringLiteral("%1: %2").arg(code, str(description, "FailureMessage"))));
        if (code == QLatin1String("ItemValidationError")) {
            m_explanation->setText(tr("Some lines were not valid items (not JSON, no Item, a key missing or of the wrong type); "
                                      "the valid ones were imported and table %1 is ready.")
                                       .arg(table));
            // Which lines: Dynamodesk keeps the first ones (AWS writes them to CloudWatch Logs).
            if (!m_errorLines.isRunning())
                m_errorLines.setFuture(m_connection->call(QStringLiteral("Dynamodesk.DescribeImportErrors"),
                                                          QJsonObject{{QStringLiteral("ImportArn"), description.value(QStringLiteral("ImportArn"))}}));
        }
        else if (code == QLatin1String("S3NoSuchBucket"))
            m_explanation->setText(tr("There is no bucket of that name; no table was created."));
    }
    // The table is kept whenever its load ended (also after bad lines): ask whether it is there.
    if (!m_checkTable.isRunning())
        m_checkTable.setFuture(m_connection->call(QStringLiteral("DescribeTable"), QJsonObject{{QStringLiteral("TableName"), table}}));
    emit importFinished(m_connection, table);
    updateForm();
}

void ImportDialog::onErrorLines()
{
    const client::ApiResponse r = m_errorLines.result();
    const QJsonArray lines = r.body.value(QStringLiteral("Errors")).toArray();
    if (!r.ok() || lines.isEmpty())
        return; // not a Dynamodesk endpoint: the explanation stays general
    QStringList shown;
    for (const QJsonValue &line : lines)
        shown << QStringLiteral("• ") + line.toString();
    m_explanation->setText(m_explanation->text() + QLatin1Char('\n') + tr("The first lines refused:") + QLatin1Char('\n') +
                           shown.join(QLatin1Char('\n')));
}

void ImportDialog::onTableChecked()
{
    const client::ApiResponse r = m_checkTable.result();
    const QJsonObject table = r.body.value(QStringLiteral("Table")).toObject();
    // The same table the import made (not one of the same name made since).
    m_tableReady = r.ok() && table.value(QStringLiteral("TableStatus")).toString() == QLatin1String("ACTIVE")
                   && table.value(QStringLiteral("TableArn")).toString() == str(m_import, "TableArn");
    updateForm();
}

bool ImportDialog::openTable()
{
    if (!m_tableReady)
        return false;
    emit openTableRequested(m_connection, m_importedTable);
    return true;
}

void ImportDialog::showProgress(const QString &text, bool busy)
{
    m_progress->setText(text);
    m_progress->setVisible(!text.isEmpty());
    m_busy->setVisible(busy);
}

void ImportDialog::updateForm()
{
    const bool csv = m_format->currentData().toString() == QLatin1String("CSV");
    m_sourceForm->setRowVisible(m_delimiter, csv);
    m_sourceForm->setRowVisible(m_headers, csv);
    m_tableForm->setRowVisible(m_capacity, !m_onDemand->isChecked());
    m_importButton->setEnabled(canImport());
    m_openTable->setEnabled(m_tableReady);
    m_result->setVisible(!m_result->text().isEmpty());
    m_explanation->setVisible(!m_explanation->text().isEmpty());
}

bool ImportDialog::canImport() const
{
    return !isImporting() && !m_bucket->bucket().isEmpty() && !m_tableName->text().trimmed().isEmpty()
        && !m_partitionKey->text().trimmed().isEmpty();
}

bool ImportDialog::isImporting() const
{
    return m_starting || m_following;
}

QString ImportDialog::importStatus() const
{
    return str(m_import, "ImportStatus");
}

QString ImportDialog::errorText() const
{
    return m_error->text();
}

QString ImportDialog::progressText() const
{
    return m_progress->text();
}

QString ImportDialog::resultText() const
{
    return m_result->text();
}

QString ImportDialog::explanationText() const
{
    return m_explanation->text();
}

} // namespace dd::ui
