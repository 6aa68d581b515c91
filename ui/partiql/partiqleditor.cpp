#include "partiql/partiqleditor.h"

#include "common/awsclicommand.h"
#include "common/copyasbutton.h"
#include "common/errorlabel.h"
#include "common/responses.h"
#include "common/tablekeys.h"
#include "common/itemjson.h"
#include "common/watchers.h"
#include "connections/connection.h"
#include "partiql/partiqlhighlighter.h"
#include "partiql/partiqllexer.h"
#include "partiql/partiqlresultmodel.h"
#include "partiql/resultitemopener.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace dd::ui {

namespace {
QString p(const char *s) { return QString::fromLatin1(s); }

// The items of a page, in order.
QList<QJsonObject> itemsOf(const QJsonObject &body)
{
    QList<QJsonObject> items;
    for (const QJsonValue &v : body.value(p("Items")).toArray())
        items.append(v.toObject());
    return items;
}
} // namespace

PartiqlEditor::PartiqlEditor(Connection *connection, QWidget *parent)
    : QWidget(parent), m_connection(connection), m_history(connection->displayName())
{
    setObjectName(p("partiqlEditor"));
    buildUi();
    connect(&m_runWatcher, &QFutureWatcher<Page>::finished, this, &PartiqlEditor::onPage);
    // A table created, changed or deleted through this connection may have other keys now.
    connect(connection, &Connection::tablesChanged, this, [this] { m_descriptions.clear(); });
    refreshHistory();
    showStatus();
}

PartiqlEditor::~PartiqlEditor()
{
    stopWatcher(m_runWatcher);
}

void PartiqlEditor::buildUi()
{
    m_statement = new QPlainTextEdit(this);
    m_statement->setObjectName(p("statement"));
    m_statement->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_statement->setPlaceholderText(tr("SELECT * FROM \"Orders\" WHERE customerId = ?\n-- Ctrl+Return runs the statement"));
    m_statement->setTabChangesFocus(true);
    m_statement->setLineWrapMode(QPlainTextEdit::NoWrap);
    new PartiqlHighlighter(m_statement->document());

    m_parameters = new QLineEdit(this);
    m_parameters->setObjectName(p("parameters"));
    m_parameters->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_parameters->setPlaceholderText(tr("Values of the ? in order, e.g. [{\"S\": \"Acme\"}, {\"N\": \"3\"}]"));
    m_parameters->setClearButtonEnabled(true);
    auto *parametersLabel = new QLabel(tr("&Parameters"), this);
    parametersLabel->setBuddy(m_parameters);
    m_parametersError = new ErrorLabel(this);
    m_parametersError->setObjectName(p("parametersError"));
    m_pageSize = new QSpinBox(this);
    m_pageSize->setObjectName(p("pageSize"));
    m_pageSize->setRange(0, 100000);
    m_pageSize->setSpecialValueText(tr("No limit"));
    m_pageSize->setToolTip(tr("Limit: how many items DynamoDB reads for one page; Load more asks for the next"));
    auto *pageSizeLabel = new QLabel(tr("Page si&ze"), this);
    pageSizeLabel->setBuddy(m_pageSize);
    m_consistent = new QCheckBox(tr("Consistent read"), this);
    m_consistent->setObjectName(p("consistentRead"));
    auto *options = new QHBoxLayout;
    options->addWidget(parametersLabel);
    options->addWidget(m_parameters, 1);
    options->addSpacing(8);
    options->addWidget(pageSizeLabel);
    options->addWidget(m_pageSize);
    options->addWidget(m_consistent);

    m_runAction = new QAction(QIcon(QStringLiteral(":/dynamodesk/icons/run.svg")), tr("Run"), this);
    m_runAction->setObjectName(p("runStatement"));
    m_runAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    m_runAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_runAction->setToolTip(tr("Run the statement (%1)").arg(m_runAction->shortcut().toString(QKeySequence::NativeText)));
    addAction(m_runAction);
    auto *runButton = new QToolButton(this);
    runButton->setObjectName(p("run"));
    runButton->setDefaultAction(m_runAction);
    runButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_cancel = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/cancel.svg")), tr("Cancel"), this);
    m_cancel->setObjectName(p("cancelStatement"));
    m_cancel->setToolTip(tr("Stop waiting for the statement (a write that DynamoDB received is not undone)"));
    m_busyBar = new QProgressBar(this);
    m_busyBar->setRange(0, 0);
    m_busyBar->setMaximumWidth(120);
    m_busyBar->setTextVisible(false);
    m_historyCombo = new QComboBox(this);
    m_historyCombo->setObjectName(p("history"));
    m_historyCombo->setPlaceholderText(tr("History"));
    m_historyCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_historyCombo->setMinimumContentsLength(28);
    m_historyCombo->setToolTip(tr("The last %n statement(s) that ran on this connection", nullptr, StatementHistory::kMaxEntries));
    auto *copy = new CopyAsButton(tr("Copy as AWS &CLI"), this);
    auto *top = new QHBoxLayout;
    top->addWidget(runButton);
    top->addWidget(m_cancel);
    top->addWidget(m_busyBar);
    top->addStretch();
    top->addWidget(m_historyCombo);
    top->addWidget(copy);

    auto *editorPane = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->addLayout(top);
    editorLayout->addWidget(m_statement, 1);
    editorLayout->addLayout(options);
    editorLayout->addWidget(m_parametersError);

    m_error = new ErrorLabel(this);
    m_error->setObjectName(p("error"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_model = new PartiqlResultModel(this);
    m_opener = new ResultItemOpener(m_connection, m_model, this);
    connect(m_opener, &ResultItemOpener::failed, m_error, &ErrorLabel::setError);
    m_view = new QTableView(this);
    m_view->setObjectName(p("results"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setDefaultSectionSize(140);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_status = new QLabel(this);
    m_status->setObjectName(p("resultStatus"));
    m_loadMore = new QPushButton(tr("Load more"), this);
    m_loadMore->setObjectName(p("loadMore"));
    m_loadMore->setToolTip(tr("The next page of the same statement (NextToken)"));
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_loadMore);
    auto *resultPane = new QWidget(this);
    auto *resultLayout = new QVBoxLayout(resultPane);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    resultLayout->addWidget(m_error);
    resultLayout->addWidget(m_view, 1);
    resultLayout->addLayout(bottom);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(editorPane);
    splitter->addWidget(resultPane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_runAction, &QAction::triggered, this, &PartiqlEditor::run);
    connect(m_cancel, &QPushButton::clicked, this, &PartiqlEditor::cancel);
    connect(m_loadMore, &QPushButton::clicked, this, &PartiqlEditor::loadMore);
    connect(m_parameters, &QLineEdit::textChanged, this, &PartiqlEditor::validateParameters);
    connect(m_historyCombo, &QComboBox::activated, this, &PartiqlEditor::useHistoryEntry);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) { openItem(index.row()); });
    connect(copy, &CopyAsButton::copyRequested, this, [this](CopyFormat format) {
        const QString text = copyText(format);
        if (text.isEmpty())
            return; // the fields say what is wrong, as Run does
        QApplication::clipboard()->setText(text);
        emit statusMessage(CopyAsButton::copiedMessage(format));
    });
    setBusy(false);
}

QString PartiqlEditor::statement() const
{
    return m_statement->toPlainText();
}

void PartiqlEditor::setStatement(const QString &statement)
{
    QTextCursor cursor(m_statement->document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(statement);
    m_statement->setTextCursor(cursor);
}

void PartiqlEditor::setSelectFrom(const QString &table)
{
    setStatement(QStringLiteral("SELECT * FROM %1").arg(partiql::quotedName(table)));
}

QString PartiqlEditor::parametersText() const
{
    return m_parameters->text();
}

void PartiqlEditor::setParametersText(const QString &text)
{
    m_parameters->setText(text);
}

int PartiqlEditor::pageSize() const
{
    return m_pageSize->value();
}

void PartiqlEditor::setPageSize(int pageSize)
{
    m_pageSize->setValue(pageSize);
}

bool PartiqlEditor::parseParameters(const QString &text, QJsonArray *parameters, QString *error)
{
    *parameters = QJsonArray();
    if (text.trimmed().isEmpty())
        return true;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = tr("The parameters are not JSON: %1 at character %2").arg(pe.errorString()).arg(pe.offset + 1);
        return false;
    }
    if (!doc.isArray()) {
        *error = tr("The parameters must be a JSON array of attribute values, e.g. [{\"S\": \"Acme\"}, {\"N\": \"3\"}]");
        return false;
    }
    const QJsonArray array = doc.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        QString path, message;
        if (!array[i].isObject()) {
            *error = tr("Parameter %1 is not an attribute value such as {\"S\": \"Acme\"}").arg(i + 1);
            return false;
        }
        if (!itemjson::findInvalid(QJsonObject{{QString::number(i + 1), array[i]}}, &path, &message)) {
            *error = tr("Parameter %1: %2").arg(i + 1).arg(message);
            return false;
        }
    }
    *parameters = array;
    return true;
}

QJsonObject PartiqlEditor::statementRequest(QString *error) const
{
    const QString text = statement();
    if (text.trimmed().isEmpty()) {
        *error = tr("Type a statement to run");
        return {};
    }
    QJsonArray parameters;
    if (!parseParameters(parametersText(), &parameters, error))
        return {};
    QJsonObject request{{p("Statement"), text}};
    if (!parameters.isEmpty())
        request.insert(p("Parameters"), parameters);
    if (pageSize() > 0)
        request.insert(p("Limit"), pageSize());
    if (m_consistent->isChecked())
        request.insert(p("ConsistentRead"), true);
    return request;
}

void PartiqlEditor::validateParameters()
{
    QJsonArray parameters;
    QString error;
    m_parametersError->setError(parseParameters(parametersText(), &parameters, &error) ? QString() : error);
}

bool PartiqlEditor::run()
{
    if (m_busy)
        return false;
    QString error;
    const QJsonObject request = statementRequest(&error);
    validateParameters();
    if (request.isEmpty()) {
        if (m_parametersError->isHidden())
            m_error->setError(error); // a blank statement; a bad parameter shows under its field
        return false;
    }
    m_pending = Run{request, parametersText(), QString(), QString()};
    if (partiql::isSelect(request.value(p("Statement")).toString()))
        m_pending.table = partiql::targetTable(request.value(p("Statement")).toString(), &m_pending.index);
    m_error->setError(QString());
    m_firstPage = true;
    // The grid of the last run stays until the new result replaces it.
    start(request, !m_pending.table.isEmpty() && !m_descriptions.contains(m_pending.table));
    return true;
}

bool PartiqlEditor::loadMore()
{
    if (m_busy || m_nextToken.isEmpty())
        return false;
    QJsonObject request = m_shown.request;
    request.insert(p("NextToken"), m_nextToken);
    m_firstPage = false;
    start(request, false);
    return true;
}

void PartiqlEditor::start(const QJsonObject &request, bool describe)
{
    QJsonObject sent = request;
    sent.insert(p("ReturnConsumedCapacity"), p("TOTAL"));
    Connection *connection = m_connection;
    const QString table = describe ? m_pending.table : QString();
    // The table's keys put its key columns first and open rows in the item
    // editor; asked once per table, after the statement (which says first
    // whether the table exists).
    m_runWatcher.setFuture(QtConcurrent::run(connection->pool(), [connection, sent, table] {
        Page page;
        page.response = connection->callSync(p("ExecuteStatement"), sent);
        if (page.response.ok() && !table.isEmpty()) {
            const client::ApiResponse d = connection->callSync(p("DescribeTable"), QJsonObject{{p("TableName"), table}});
            if (d.ok())
                page.table = d.body.value(p("Table")).toObject();
        }
        return page;
    }));
    setBusy(true);
    m_status->setText(m_firstPage ? tr("Running…") : tr("Loading the next page…"));
}

void PartiqlEditor::cancel()
{
    if (!m_busy)
        return;
    m_runWatcher.cancel(); // Qt drops its result; the call itself runs to its end
    setBusy(false);
    showStatus();
    m_status->setText(tr("Cancelled; a write that DynamoDB received is not undone") + QStringLiteral(" · ") + m_status->text());
}

void PartiqlEditor::onPage()
{
    if (m_runWatcher.future().isCanceled() || m_runWatcher.future().resultCount() == 0)
        return; // cancelled: the editor is idle already
    const Page page = m_runWatcher.result();
    setBusy(false);
    const client::ApiResponse &r = page.response;
    if (m_firstPage) {
        m_shown = m_pending;
        m_nextToken.clear();
        m_capacity = 0;
        m_pages = 0;
    }
    if (!r.ok()) {
        if (m_firstPage)
            m_model->clear();
        m_error->setError(ui::errorText(r));
        showStatus();
        emit finished(false);
        return;
    }
    if (!page.table.isEmpty())
        m_descriptions.insert(m_shown.table, page.table);
    if (m_firstPage) {
        const QJsonObject table = m_descriptions.value(m_shown.table);
        QStringList keys = TableKeys::fromDescription(table, m_shown.index).names();
        for (const QString &k : TableKeys::fromDescription(table).names())
            if (!keys.contains(k))
                keys << k;
        const QStringList projected = partiql::projectionNames(m_shown.request.value(p("Statement")).toString());
        m_model->clear(projected.isEmpty() ? keys : projected, keys);
        m_history.add({m_shown.request.value(p("Statement")).toString(), m_shown.parameters});
        refreshHistory();
    }
    m_error->setError(QString());
    m_model->append(itemsOf(r.body));
    m_nextToken = r.body.value(p("NextToken")).toString();
    ++m_pages;
    const double capacity = Connection::consumedCapacity(r.body);
    if (capacity > 0)
        m_capacity += capacity;
    showStatus();
    emit finished(true);
}

void PartiqlEditor::setBusy(bool busy)
{
    m_busy = busy;
    m_runAction->setEnabled(!busy);
    m_cancel->setVisible(busy);
    m_busyBar->setVisible(busy);
    m_loadMore->setVisible(!m_nextToken.isEmpty());
    m_loadMore->setEnabled(!busy);
}

void PartiqlEditor::showStatus()
{
    m_loadMore->setVisible(!m_nextToken.isEmpty());
    if (m_pages == 0) {
        m_status->clear();
        return;
    }
    const int rows = m_model->rowCount();
    QStringList parts;
    if (rows == 0 && m_shown.table.isEmpty())
        parts << tr("Statement ran");
    else
        parts << tr("%n item(s)", nullptr, rows);
    parts << tr("%1 capacity units").arg(QLocale().toString(m_capacity, 'g', 6));
    if (m_pages > 1)
        parts << tr("%n page(s)", nullptr, m_pages);
    if (!m_nextToken.isEmpty())
        parts << tr("more to load");
    m_status->setText(parts.join(QStringLiteral(" · ")));
}

QString PartiqlEditor::statusText() const
{
    return m_status->text();
}

QString PartiqlEditor::errorText() const
{
    return m_error->text();
}

void PartiqlEditor::refreshHistory()
{
    m_historyCombo->clear();
    for (const StatementHistory::Entry &e : m_history.entries()) {
        const QString line = e.statement.simplified();
        m_historyCombo->addItem(line.size() > 80 ? line.left(80) + QChar(0x2026) : line);
        const QString tip = e.parameters.isEmpty() ? e.statement : e.statement + QStringLiteral("\n") + e.parameters;
        m_historyCombo->setItemData(m_historyCombo->count() - 1, tip, Qt::ToolTipRole);
    }
    m_historyCombo->setCurrentIndex(-1); // shows the placeholder
    m_historyCombo->setEnabled(m_historyCombo->count() > 0);
}

void PartiqlEditor::useHistoryEntry(int index)
{
    if (index < 0 || index >= m_history.entries().size())
        return;
    const StatementHistory::Entry entry = m_history.entries().at(index);
    setStatement(entry.statement);
    setParametersText(entry.parameters);
    m_historyCombo->setCurrentIndex(-1);
    m_statement->setFocus();
}

QString PartiqlEditor::copyText(CopyFormat format) const
{
    QString error;
    const QJsonObject request = statementRequest(&error);
    if (request.isEmpty()) {
        if (m_parametersError->isHidden())
            m_error->setError(error); // a blank statement; a bad parameter shows under its field
        return {};
    }
    if (format == CopyFormat::AwsCli)
        return awscli::command(p("ExecuteStatement"), request, m_connection->endpointForPrograms());
    return code::program(format, p("ExecuteStatement"), request, m_connection->endpointForPrograms(), m_connection->region());
}

bool PartiqlEditor::openItem(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return false;
    const TableKeys keys = TableKeys::fromDescription(m_descriptions.value(m_shown.table));
    if (m_shown.table.isEmpty() || keys.partition.isEmpty()) {
        emit statusMessage(tr("Only the items of a SELECT from a table open in the item editor"));
        return false;
    }
    QString error;
    if (!m_opener->open(row, m_shown.table, keys, &error)) {
        if (!error.isEmpty())
            m_error->setError(error);
        return false;
    }
    return true;
}

} // namespace dd::ui
