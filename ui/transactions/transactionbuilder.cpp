#include "transactions/transactionbuilder.h"

#include "common/awsclicommand.h"
#include "common/copyasbutton.h"
#include "common/errorlabel.h"
#include "common/itemjson.h"
#include "common/palettecolours.h"
#include "common/watchers.h"
#include "connections/connection.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QSaveFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QToolButton>
#include <QUuid>
#include <QVBoxLayout>

namespace dd::ui {

namespace {
QString p(const char *s) { return QString::fromLatin1(s); }
} // namespace

TransactionBuilder::TransactionBuilder(Connection *connection, QWidget *parent) : QWidget(parent), m_connection(connection)
{
    setObjectName(p("transactionBuilder"));
    buildUi();
    connect(&m_runWatcher, &QFutureWatcher<client::ApiResponse>::finished, this, &TransactionBuilder::onRunFinished);
    connect(&m_tablesWatcher, &QFutureWatcher<TableListing>::finished, this, [this] {
        const TableListing listing = m_tablesWatcher.result();
        const QString current = m_table->currentText();
        m_loading = true;
        m_table->clear();
        for (const QJsonObject &t : listing.tables) {
            const QString name = t.value(p("TableName")).toString();
            m_keys.insert(name, TableKeys::fromDescription(t));
            m_table->addItem(name);
        }
        m_table->setEditText(current);
        m_loading = false;
        loadForm();
        // Without the list the tables' keys are unknown: say why.
        if (!listing.error.isEmpty())
            emit statusMessage(tr("Cannot list the tables: %1").arg(listing.error));
        m_table->setToolTip(listing.error.isEmpty() ? QString() : tr("Cannot list the tables: %1").arg(listing.error));
    });
    m_tablesWatcher.setFuture(startTableListing(m_connection));
}

TransactionBuilder::~TransactionBuilder()
{
    letFinish(m_runWatcher); // a transaction the user ran is sent all the same
    stopWatcher(m_tablesWatcher);
}

void TransactionBuilder::buildUi()
{
    m_list = new QListWidget(this);
    m_list->setObjectName(p("actions"));
    auto *add = new QToolButton(this);
    add->setObjectName(p("addAction"));
    add->setText(tr("Add"));
    add->setPopupMode(QToolButton::InstantPopup);
    auto *addMenu = new QMenu(add);
    for (auto type : {TransactionAction::Type::Put, TransactionAction::Type::Update, TransactionAction::Type::Delete,
                      TransactionAction::Type::ConditionCheck, TransactionAction::Type::Get}) {
        const QString label = type == TransactionAction::Type::Put              ? tr("Put")
                              : type == TransactionAction::Type::Update         ? tr("Update")
                              : type == TransactionAction::Type::Delete         ? tr("Delete")
                              : type == TransactionAction::Type::ConditionCheck ? tr("Condition check")
                                                                                : tr("Get (read transaction)");
        addMenu->addAction(label, this, [this, type] {
            TransactionAction a;
            a.type = type;
            a.table = m_table->currentText();
            addAction(a);
        });
    }
    add->setMenu(addMenu);
    auto button = [this](const char *name, const QString &text) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QString::fromLatin1(name));
        return b;
    };
    QPushButton *duplicate = button("duplicate", tr("Duplicate"));
    QPushButton *up = button("moveUp", tr("Up"));
    QPushButton *down = button("moveDown", tr("Down"));
    QPushButton *remove = button("remove", tr("Remove"));
    QPushButton *paste = button("pasteJson", tr("Paste JSON…"));
    auto *listButtons = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{add, duplicate, up, down, remove, paste})
        listButtons->addWidget(w);
    listButtons->addStretch();
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list);
    leftLayout->addLayout(listButtons);

    m_type = new QComboBox(this);
    m_type->setObjectName(p("actionType"));
    m_type->addItems({tr("Put"), tr("Update"), tr("Delete"), tr("Condition check"), tr("Get (read transaction)")});
    m_table = new QComboBox(this);
    m_table->setObjectName(p("table"));
    m_table->setEditable(true);
    m_keyLabel = new QLabel(tr("&Key:"), this);
    m_key = new QPlainTextEdit(this);
    m_key->setObjectName(p("key"));
    m_key->setPlaceholderText(tr("DynamoDB JSON or plain JSON, e.g. {\"pk\": \"alice\"}"));
    m_condition = new QLineEdit(this);
    m_condition->setObjectName(p("condition"));
    m_condition->setPlaceholderText(tr("e.g. balance >= :amount"));
    m_update = new QLineEdit(this);
    m_update->setObjectName(p("update"));
    m_update->setPlaceholderText(tr("e.g. SET balance = balance - :amount"));
    m_projection = new QLineEdit(this);
    m_projection->setObjectName(p("projection"));
    m_projection->setPlaceholderText(tr("e.g. balance, #s (empty: the whole item)"));
    m_names = new QPlainTextEdit(this);
    m_names->setObjectName(p("names"));
    m_names->setPlaceholderText(p("{\"#s\": \"status\"}"));
    m_values = new QPlainTextEdit(this);
    m_values->setObjectName(p("values"));
    m_values->setPlaceholderText(p("{\":amount\": 10, \":tags\": {\"SS\": [\"a\", \"b\"]}}"));
    m_setType = new QComboBox(this);
    m_setType->setObjectName(p("setType"));
    m_setType->addItem(tr("String set (SS)"), p("SS"));
    m_setType->addItem(tr("Number set (NS)"), p("NS"));
    m_setType->addItem(tr("Binary set (BS, base64)"), p("BS"));
    m_setName = new QLineEdit(this);
    m_setName->setObjectName(p("setName"));
    m_setName->setPlaceholderText(p(":tags"));
    m_setElements = new QLineEdit(this);
    m_setElements->setObjectName(p("setElements"));
    m_setElements->setPlaceholderText(tr("elements, separated by commas"));
    QPushButton *addSet = button("addSetValue", tr("Add set value"));
    auto *setRow = new QHBoxLayout;
    setRow->addWidget(m_setType);
    setRow->addWidget(m_setName);
    setRow->addWidget(m_setElements, 1);
    setRow->addWidget(addSet);
    m_returnOld = new QCheckBox(tr("Return the item when the condition fails (ALL_OLD)"), this);
    m_returnOld->setObjectName(p("returnOld"));
    m_result = new QPlainTextEdit(this);
    m_result->setObjectName(p("result"));
    m_result->setReadOnly(true);
    m_result->setPlaceholderText(tr("The outcome of this action appears here after Run"));
    for (QPlainTextEdit *e : {m_key, m_names, m_values, m_result}) {
        e->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        e->setTabChangesFocus(true);
    }
    // Mnemonics clear of the menu bar's (File, Table, View, Help).
    m_keyLabel->setBuddy(m_key);
    auto *setLabel = new QLabel(tr("&Set value:"), this); // a row of a layout gets no buddy of its own
    setLabel->setBuddy(m_setType);
    auto *form = new QFormLayout;
    form->addRow(tr("&Action:"), m_type);
    form->addRow(tr("Ta&ble:"), m_table);
    form->addRow(m_keyLabel, m_key);
    form->addRow(tr("&Condition:"), m_condition);
    form->addRow(tr("&Update expression:"), m_update);
    form->addRow(tr("&Projection:"), m_projection);
    form->addRow(tr("&Names:"), m_names);
    form->addRow(tr("Va&lues:"), m_values);
    form->addRow(setLabel, setRow);
    form->addRow(QString(), m_returnOld);
    form->addRow(tr("&Result:"), m_result);
    auto *right = new QWidget(this);
    right->setLayout(form);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 2);

    m_problems = new ErrorLabel(this);
    m_problems->setObjectName(p("problems"));
    m_problems->setWordWrap(true);
    QPushButton *validateButton = button("validate", tr("Validate"));
    m_run = button("run", tr("Run"));
    QPushButton *save = button("saveDraft", tr("Save draft…"));
    QPushButton *load = button("loadDraft", tr("Load draft…"));
    auto *copy = new CopyAsButton(tr("Copy as AWS CLI command"), this);
    m_token = new QLineEdit(this);
    m_token->setObjectName(p("requestToken"));
    m_token->setPlaceholderText(tr("ClientRequestToken (optional)"));
    m_token->setToolTip(tr("The same token within 10 minutes makes DynamoDB treat a run as a retry: it writes nothing again"));
    m_token->setMaxLength(36); // ClientRequestToken: 1 to 36 characters
    QPushButton *generate = button("generateToken", tr("Generate"));
    m_mode = new QLabel(this);
    m_mode->setObjectName(p("mode"));
    auto *bottom = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{validateButton, m_run, save, load, copy})
        bottom->addWidget(w);
    bottom->addSpacing(12);
    bottom->addWidget(m_token, 1);
    bottom->addWidget(generate);
    bottom->addWidget(m_mode);
    m_outcome = new QLabel(this);
    m_outcome->setObjectName(p("outcome"));
    m_outcome->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_problems);
    layout->addWidget(m_outcome);
    layout->addLayout(bottom);

    connect(m_list, &QListWidget::currentRowChanged, this, &TransactionBuilder::loadForm);
    connect(duplicate, &QPushButton::clicked, this, [this] {
        if (currentAction() >= 0)
            addAction(m_actions.at(currentAction()));
    });
    connect(up, &QPushButton::clicked, this, [this] { move(-1); });
    connect(down, &QPushButton::clicked, this, [this] { move(1); });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = currentAction();
        if (row < 0)
            return;
        m_actions.removeAt(row);
        clearResults();
        refreshList();
        selectAction(std::min(row, actionCount() - 1));
    });
    connect(paste, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(this, tr("Paste JSON"),
                                                            tr("TransactItems (an array, a request, or one action):"), QString(), &ok);
        QString error;
        if (ok && !pasteJson(text, &error))
            m_problems->setError(error);
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        updateFormForType();
        storeForm();
    });
    connect(m_table, &QComboBox::currentTextChanged, this, &TransactionBuilder::storeForm);
    for (QPlainTextEdit *e : {m_key, m_names, m_values})
        connect(e, &QPlainTextEdit::textChanged, this, &TransactionBuilder::storeForm);
    for (QLineEdit *e : {m_condition, m_update, m_projection})
        connect(e, &QLineEdit::textChanged, this, &TransactionBuilder::storeForm);
    connect(generate, &QPushButton::clicked, this, &TransactionBuilder::generateRequestToken);
    connect(addSet, &QPushButton::clicked, this, [this] {
        QString error;
        if (!addSetValue(m_setType->currentData().toString(), m_setName->text().trimmed(), m_setElements->text(), &error))
            m_problems->setError(error);
        else
            m_problems->setError(QString());
    });
    connect(m_returnOld, &QCheckBox::toggled, this, &TransactionBuilder::storeForm);
    connect(validateButton, &QPushButton::clicked, this, [this] {
        if (validate().isEmpty())
            emit statusMessage(tr("The transaction is valid (%n action(s))", nullptr, actionCount()));
    });
    connect(m_run, &QPushButton::clicked, this, &TransactionBuilder::run);
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save draft"), p("transaction.json"), tr("JSON files (*.json)"));
        QString error;
        if (!path.isEmpty() && !saveDraft(path, &error))
            m_problems->setError(error);
    });
    connect(load, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Load draft"), QString(), tr("JSON files (*.json)"));
        QString error;
        if (!path.isEmpty() && !loadDraft(path, &error))
            m_problems->setError(error);
    });
    connect(copy, &CopyAsButton::copyRequested, this, [this](CopyFormat format) {
        if (!validate().isEmpty())
            return;
        QApplication::clipboard()->setText(copyText(format));
        emit statusMessage(format == CopyFormat::AwsCli ? tr("Copied the AWS CLI command and transact.json")
                                                         : CopyAsButton::copiedMessage(format));
    });
    updateFormForType();
    loadForm();
}

void TransactionBuilder::addAction(const TransactionAction &action)
{
    m_actions.append(action);
    clearResults();
    refreshList();
    selectAction(actionCount() - 1);
}

void TransactionBuilder::setAction(int index, const TransactionAction &action)
{
    m_actions[index] = action;
    clearResults();
    refreshList();
    if (index == currentAction())
        loadForm();
}

void TransactionBuilder::selectAction(int index)
{
    m_list->setCurrentRow(index);
    loadForm();
}

int TransactionBuilder::currentAction() const
{
    return m_list->currentRow();
}

TransactionBuilder::Outcome TransactionBuilder::outcomeOf(const QString &code)
{
    if (code == p("None"))
        return {tr("not applied"), tr("No problem with this action (the transaction was cancelled by another)"), false};
    if (code == p("Applied"))
        return {tr("applied"), tr("Applied"), false};
    if (code == p("Found"))
        return {tr("found"), tr("Read:"), false};
    if (code == p("NotFound"))
        return {tr("not found"), tr("No item has this key"), false};
    return {code, code, !code.isEmpty()};
}

void TransactionBuilder::refreshList()
{
    const int row = m_list->currentRow();
    const QSignalBlocker block(m_list);
    while (m_list->count() > actionCount())
        delete m_list->takeItem(m_list->count() - 1);
    while (m_list->count() < actionCount())
        m_list->addItem(QString());
    for (int i = 0; i < actionCount(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const ActionResult r = m_results.value(i);
        QString text = QStringLiteral("%1. %2").arg(i + 1).arg(m_actions[i].summary());
        const Outcome outcome = outcomeOf(r.code);
        if (!outcome.word.isEmpty())
            text += QStringLiteral("  — %1").arg(outcome.word);
        item->setText(text);
        item->setToolTip(r.message);
        item->setForeground(outcome.failed ? QBrush(colours::failureText(m_list->palette())) : QBrush());
        QFont f = item->font();
        f.setBold(outcome.failed);
        item->setFont(f);
    }
    m_list->setCurrentRow(std::min(row, actionCount() - 1));
    const bool read = isReadTransaction(m_actions);
    m_mode->setText(read ? tr("Runs TransactGetItems") : tr("Runs TransactWriteItems"));
    m_token->setEnabled(!read);
}

void TransactionBuilder::loadForm()
{
    const int row = currentAction();
    const bool has = row >= 0 && row < actionCount();
    for (QWidget *w : std::initializer_list<QWidget *>{m_type, m_table, m_key, m_condition, m_update, m_projection, m_names, m_values,
                                                       m_returnOld, m_setType, m_setName, m_setElements})
        w->setEnabled(has);
    m_loading = true;
    const TransactionAction a = has ? m_actions.at(row) : TransactionAction();
    m_type->setCurrentIndex(int(a.type));
    m_table->setEditText(a.table);
    m_key->setPlainText(a.keyText);
    m_condition->setText(a.condition);
    m_update->setText(a.update);
    m_projection->setText(a.projection);
    m_names->setPlainText(a.namesText);
    m_values->setPlainText(a.valuesText);
    m_returnOld->setChecked(a.returnOldOnFailure);
    m_loading = false;
    updateFormForType();
    showResult();
}

void TransactionBuilder::storeForm()
{
    const int row = currentAction();
    if (m_loading || row < 0 || row >= actionCount())
        return;
    TransactionAction &a = m_actions[row];
    a.type = TransactionAction::Type(m_type->currentIndex());
    a.table = m_table->currentText();
    a.keyText = m_key->toPlainText();
    a.condition = m_condition->text();
    a.update = m_update->text();
    a.projection = m_projection->text();
    a.namesText = m_names->toPlainText();
    a.valuesText = m_values->toPlainText();
    a.returnOldOnFailure = m_returnOld->isChecked();
    clearResults();
    refreshList();
}

void TransactionBuilder::updateFormForType()
{
    const auto type = TransactionAction::Type(m_type->currentIndex());
    m_keyLabel->setText(type == TransactionAction::Type::Put ? tr("&Item:") : tr("&Key:"));
    const bool get = type == TransactionAction::Type::Get;
    m_update->setEnabled(m_type->isEnabled() && type == TransactionAction::Type::Update);
    m_projection->setEnabled(m_type->isEnabled() && get);
    for (QWidget *w : std::initializer_list<QWidget *>{m_condition, m_values, m_returnOld, m_setType, m_setName, m_setElements})
        w->setEnabled(m_type->isEnabled() && !get);
}

void TransactionBuilder::showResult()
{
    const ActionResult r = m_results.value(currentAction());
    if (r.code.isEmpty()) {
        m_result->clear();
        return;
    }
    QString text = outcomeOf(r.code).description;
    if (!r.message.isEmpty())
        text += QStringLiteral("\n%1").arg(r.message);
    if (r.code == p("Found"))
        text += QStringLiteral("\n%1").arg(itemjson::toDynamoText(r.item));
    else if (!r.item.isEmpty())
        text += QStringLiteral("\n\n%1\n%2").arg(tr("The item it saw:"), itemjson::toDynamoText(r.item));
    m_result->setPlainText(text);
}

void TransactionBuilder::move(int delta)
{
    const int row = currentAction();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= actionCount())
        return;
    m_actions.swapItemsAt(row, to);
    clearResults();
    refreshList();
    selectAction(to);
}

void TransactionBuilder::clearResults()
{
    m_results.clear();
}

bool TransactionBuilder::pasteJson(const QString &text, QString *error)
{
    QList<TransactionAction> parsed;
    if (!parseActions(text, &parsed, error))
        return false;
    for (const TransactionAction &a : parsed)
        addAction(a);
    return true;
}

bool TransactionBuilder::parseActions(const QString &text, QList<TransactionAction> *actions, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &pe);
    QJsonArray elements;
    if (doc.isArray())
        elements = doc.array();
    else if (doc.isObject() && doc.object().contains(p("TransactItems")))
        elements = doc.object().value(p("TransactItems")).toArray();
    else if (doc.isObject())
        elements.append(doc.object());
    else {
        *error = tr("Not JSON: %1").arg(pe.errorString());
        return false;
    }
    for (const QJsonValue &v : elements) {
        TransactionAction a;
        if (!TransactionAction::fromRequest(v.toObject(), &a, error))
            return false;
        *actions << a;
    }
    return true;
}

QStringList TransactionBuilder::validate()
{
    const QStringList problems = validateTransaction(m_actions, m_keys);
    m_problems->setError(problems.join(QLatin1Char('\n')));
    return problems;
}

bool TransactionBuilder::run()
{
    if (isRunning() || !validate().isEmpty())
        return false;
    clearResults();
    refreshList();
    showResult();
    m_run->setEnabled(false);
    m_outcome->clear();
    m_runRead = isReadTransaction(m_actions);
    m_runToken = m_runRead ? QString() : requestToken();
    const QJsonObject request = transactionRequest();
    m_runItems = QJsonDocument(request.value(p("TransactItems")).toArray()).toJson(QJsonDocument::Compact);
    m_runWatcher.setFuture(m_connection->call(m_runRead ? p("TransactGetItems") : p("TransactWriteItems"), request));
    return true;
}

QJsonObject TransactionBuilder::transactionRequest() const
{
    QJsonObject request{{p("TransactItems"), transactItems(m_actions)}};
    if (!isReadTransaction(m_actions) && !requestToken().isEmpty())
        request.insert(p("ClientRequestToken"), requestToken());
    return request;
}

QString TransactionBuilder::copyText(CopyFormat format) const
{
    if (format == CopyFormat::AwsCli)
        return cliCommand();
    return code::program(format, isReadTransaction(m_actions) ? p("TransactGetItems") : p("TransactWriteItems"),
                         transactionRequest(), m_connection->endpointForPrograms(), m_connection->region());
}

void TransactionBuilder::onRunFinished()
{
    m_run->setEnabled(true);
    const client::ApiResponse r = m_runWatcher.result();
    m_results.clear();
    m_lastRunReplay = false;
    const double capacity = Connection::consumedCapacity(r.body);
    const QString capacityText = capacity >= 0 ? tr(" · %1 capacity units").arg(QLocale().toString(capacity, 'g', 6)) : QString();
    if (r.ok() && m_runRead) {
        const QJsonArray responses = r.body.value(p("Responses")).toArray();
        int found = 0;
        for (int i = 0; i < actionCount(); ++i) {
            const QJsonObject item = responses.at(i).toObject().value(p("Item")).toObject();
            found += !item.isEmpty();
            m_results.append({item.isEmpty() ? p("NotFound") : p("Found"), QString(), item});
        }
        m_problems->setError(QString());
        m_outcome->setText(tr("Read %L1 of %Ln item(s) in one snapshot", nullptr, actionCount()).arg(found) + capacityText);
        emit statusMessage(m_outcome->text());
    } else if (r.ok()) {
        for (int i = 0; i < actionCount(); ++i)
            m_results.append({p("Applied"), QString(), QJsonObject()});
        m_problems->setError(QString());
        // A token that already applied these actions: DynamoDB answered the retry without writing.
        m_lastRunReplay = !m_runToken.isEmpty() && m_appliedTokens.value(m_runToken) == m_runItems;
        if (!m_runToken.isEmpty())
            m_appliedTokens.insert(m_runToken, m_runItems);
        m_outcome->setText((m_lastRunReplay ? tr("Idempotent retry: token %1 was already used with these actions, so DynamoDB wrote nothing again").arg(m_runToken)
                                            : tr("Transaction applied")) + capacityText);
        emit statusMessage(m_outcome->text());
    } else {
        const QJsonArray reasons = r.error->extra().value(p("CancellationReasons")).toArray();
        for (const QJsonValue &v : reasons) {
            const QJsonObject reason = v.toObject();
            m_results.append({reason.value(p("Code")).toString(), reason.value(p("Message")).toString(), reason.value(p("Item")).toObject()});
        }
        int first = -1;
        for (int i = 0; i < m_results.size() && first < 0; ++i)
            if (m_results[i].code != p("None"))
                first = i;
        m_problems->setError(first >= 0 ? tr("Cancelled by action %1: %2").arg(first + 1).arg(r.error->message())
                                        : tr("DynamoDB refused: %1").arg(r.error->message()));
        if (first >= 0)
            m_list->setCurrentRow(first);
    }
    refreshList();
    showResult();
    emit finished(r.ok());
}

bool TransactionBuilder::saveDraft(const QString &path, QString *error) const
{
    QJsonArray actions;
    for (const TransactionAction &a : m_actions)
        actions.append(a.toDraft());
    // All or nothing: a full disk leaves the file there was, not half a draft.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(QJsonObject{{p("dynamodeskTransactionDraft"), 1}, {p("actions"), actions}}).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool TransactionBuilder::loadDraft(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray data = file.readAll();
    const QJsonObject draft = QJsonDocument::fromJson(data).object();
    if (!draft.contains(p("dynamodeskTransactionDraft"))) {
        // A transact.json as the AWS CLI takes it: load its actions.
        QList<TransactionAction> parsed;
        if (!parseActions(QString::fromUtf8(data), &parsed, error))
            return false; // the actions stay
        m_actions.clear();
        clearResults();
        refreshList();
        for (const TransactionAction &a : parsed)
            addAction(a);
        return true;
    }
    m_actions.clear();
    for (const QJsonValue &v : draft.value(p("actions")).toArray())
        m_actions.append(TransactionAction::fromDraft(v.toObject()));
    clearResults();
    refreshList();
    selectAction(actionCount() > 0 ? 0 : -1);
    return true;
}

QString TransactionBuilder::cliCommand() const
{
    const QJsonObject request = transactionRequest();
    QString command = isReadTransaction(m_actions) ? p("aws dynamodb transact-get-items --transact-items file://transact.json")
                                                   : p("aws dynamodb transact-write-items --transact-items file://transact.json");
    if (request.contains(p("ClientRequestToken")))
        command += QStringLiteral(" --client-request-token ") + awscli::shellQuote(request.value(p("ClientRequestToken")).toString());
    if (const QString endpoint = m_connection->endpointForPrograms(); !endpoint.isEmpty())
        command += QStringLiteral(" --endpoint-url ") + awscli::shellQuote(endpoint);
    const QString json = QString::fromUtf8(QJsonDocument(request.value(p("TransactItems")).toArray()).toJson(QJsonDocument::Indented));
    return QStringLiteral("%1\n\n# transact.json\n%2").arg(command, json);
}

QString TransactionBuilder::requestToken() const
{
    return m_token->text().trimmed();
}

void TransactionBuilder::setRequestToken(const QString &token)
{
    m_token->setText(token);
}

void TransactionBuilder::generateRequestToken()
{
    m_token->setText(QUuid::createUuid().toString(QUuid::WithoutBraces));
}

QString TransactionBuilder::outcome() const
{
    return m_outcome->text();
}

bool TransactionBuilder::addSetValue(const QString &type, const QString &name, const QString &elements, QString *error)
{
    if (currentAction() < 0) {
        *error = tr("Select an action first");
        return false;
    }
    QString values;
    if (!dd::ui::addSetValue(m_values->toPlainText(), type, name, elements, &values, error))
        return false;
    m_values->setPlainText(values); // stores the form
    m_setName->clear();
    m_setElements->clear();
    return true;
}

} // namespace dd::ui
