#include "items/itemeditor.h"

#include "common/confirm.h"
#include "common/errorlabel.h"
#include "common/itemjson.h"
#include "common/palettecolours.h"
#include "common/watchers.h"
#include "connections/connection.h"
#include "items/conditionbuilder.h"
#include "items/conflictdialog.h"
#include "items/itemtreeeditor.h"
#include "common/itemtreemodel.h"
#include "model/json.h"
#include "model/limits.h"
#include "model/size.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTextBlock>
#include <QVBoxLayout>

namespace dd::ui {

ItemEditor::ItemEditor(Connection *connection, const QString &table, const TableKeys &keys, Mode mode,
                       const QJsonObject &item, QWidget *parent)
    : QDialog(parent), m_connection(connection), m_table(table), m_keys(keys), m_mode(mode)
{
    setObjectName(QStringLiteral("itemEditor"));
    setAttribute(Qt::WA_DeleteOnClose);
    if (mode == Mode::Edit)
        m_loaded = item;
    setWindowTitle(mode == Mode::New      ? tr("New item — %1").arg(table)
                   : mode == Mode::Edit   ? tr("Edit item — %1").arg(table)
                                          : tr("Duplicate item — %1").arg(table));

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("format"));
    m_format->addItem(tr("DynamoDB JSON"));
    m_format->addItem(tr("Plain JSON"));
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("itemText"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTabChangesFocus(false);
    m_text->setPlainText(itemjson::toDynamoText(item));
    m_tree = new ItemTreeEditor(this);
    m_tree->setItem(item);
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("validation"));
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("info"));

    auto *top = new QHBoxLayout;
    auto *formatLabel = new QLabel(tr("&Notation:"), this);
    formatLabel->setBuddy(m_format);
    top->addWidget(formatLabel);
    top->addWidget(m_format);
    top->addStretch();
    top->addWidget(new QLabel(tr("Key: %1").arg(keys.names().join(QLatin1String(", "))), this));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("save"));
    m_save->setToolTip(tr("Save (Ctrl+S)"));
    m_delete = buttons->addButton(tr("&Delete item"), QDialogButtonBox::DestructiveRole);
    m_delete->setObjectName(QStringLiteral("deleteItem"));
    m_delete->setVisible(mode == Mode::Edit);
    m_save->setDefault(false);
    m_save->setAutoDefault(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_text);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_info);
    layout->addWidget(buttons);

    connect(m_format, &QComboBox::activated, this, [this](int index) {
        const Format wanted = Format(index);
        m_format->setCurrentIndex(int(wanted == Format::Dynamo ? Format::Plain : Format::Dynamo)); // the text's notation until converted
        setFormat(wanted);
    });
    connect(m_text, &QPlainTextEdit::textChanged, this, &ItemEditor::onTextEdited);
    connect(m_tree->model(), &ItemTreeModel::itemEdited, this, &ItemEditor::onTreeEdited);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &ItemEditor::save);
    connect(m_delete, &QPushButton::clicked, this, [this] {
        confirm(this, QMessageBox::Warning, tr("Delete item"), tr("Delete this item from %1? This cannot be undone.").arg(m_table),
                QStringLiteral("confirmDeleteItem"), [this] { deleteItem(); }, tr("Delete"));
    });
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, &ItemEditor::save);
    connect(&m_checkWatcher, &QFutureWatcher<client::ApiResponse>::finished, this, &ItemEditor::onChecked);
    connect(&m_saveWatcher, &QFutureWatcher<client::ApiResponse>::finished, this, &ItemEditor::onSaved);
    connect(&m_readWatcher, &QFutureWatcher<client::ApiResponse>::finished, this, &ItemEditor::onCurrentRead);
    connect(&m_deleteWatcher, &QFutureWatcher<client::ApiResponse>::finished, this, &ItemEditor::onDeleted);

    resize(1040, 600);
    revalidate();
    QString ignored;
    currentItem(&m_baseline, &ignored);
}

bool ItemEditor::isModified() const
{
    QJsonObject item;
    QString error;
    return !currentItem(&item, &error) || item != m_baseline;
}

void ItemEditor::reject()
{
    if (!isModified() || m_saveWatcher.isRunning() || m_deleteWatcher.isRunning()) {
        QDialog::reject();
        return;
    }
    confirm(this, QMessageBox::Question, windowTitle(), tr("Close without saving your changes to the item?"),
            QStringLiteral("confirmDiscardItem"), [this] { QDialog::reject(); }, tr("Discard"));
}

ItemEditor::~ItemEditor()
{
    stopWatcher(m_checkWatcher);
    letFinish(m_saveWatcher); // a save or delete the user asked for is sent all the same
    stopWatcher(m_readWatcher);
    letFinish(m_deleteWatcher);
}

ItemEditor::Format ItemEditor::format() const
{
    return Format(m_format->currentIndex());
}

QString ItemEditor::text() const
{
    return m_text->toPlainText();
}

void ItemEditor::setText(const QString &text)
{
    m_text->setPlainText(text);
}

bool ItemEditor::setFormat(Format wanted)
{
    if (wanted == format())
        return true;
    QJsonObject item;
    QString error;
    if (!currentItem(&item, &error)) {
        m_error->setError(tr("Fix the item before switching notation: %1").arg(error));
        return false;
    }
    m_format->setCurrentIndex(int(wanted));
    m_text->setPlainText(wanted == Format::Dynamo ? itemjson::toDynamoText(item) : itemjson::toPlainText(item));
    return true;
}

bool ItemEditor::currentItem(QJsonObject *item, QString *error, QString *path) const
{
    QString ignored;
    if (!path)
        path = &ignored;
    path->clear();
    itemjson::ParseError pe;
    const bool parsed = format() == Format::Dynamo ? itemjson::parseDynamoText(text(), item, &pe)
                                                   : itemjson::parsePlainText(text(), m_loaded, item, &pe);
    if (!parsed) {
        QString where;
        if (!pe.path.isEmpty())
            where = tr("at %1: ").arg(pe.path);
        else if (pe.line > 0)
            where = tr("line %1, column %2: ").arg(pe.line).arg(pe.column);
        *error = where + pe.message;
        *path = pe.path;
        return false;
    }
    for (const QString &k : m_keys.names()) {
        const QJsonObject v = item->value(k).toObject();
        *path = k;
        if (v.isEmpty()) {
            path->clear();
            *error = tr("The key attribute %1 is missing").arg(k);
            return false;
        }
        const QString type = v.constBegin().key();
        if (type != m_keys.typeOf(k)) {
            *error = tr("The key attribute %1 must be of type %2, not %3").arg(k, m_keys.typeOf(k), type);
            return false;
        }
        if (type != QLatin1String("N") && v.constBegin().value().toString().isEmpty()) {
            *error = tr("The key attribute %1 must not be empty").arg(k);
            return false;
        }
    }
    path->clear();
    auto parsedItem = model::itemFromJson(*item);
    if (!parsedItem.ok()) {
        *error = parsedItem.error().message();
        return false;
    }
    const qint64 size = model::itemSize(*parsedItem);
    if (size > model::kMaxItemSizeBytes) {
        *error = tr("The item is %1 bytes; DynamoDB allows at most %2").arg(size).arg(model::kMaxItemSizeBytes);
        return false;
    }
    return true;
}

void ItemEditor::onTextEdited()
{
    if (!m_syncing) {
        m_treeIsSource = false;
        m_treeProblem.clear();
    }
    revalidate();
}

void ItemEditor::onTreeEdited()
{
    m_treeIsSource = true;
    m_treeProblem = m_tree->model()->structureProblem(&m_treeProblemPath);
    if (!m_treeProblem.isEmpty()) {
        // JSON cannot carry it, so the text keeps its last state until it is fixed.
        revalidate();
        return;
    }
    const QJsonObject item = m_tree->model()->item();
    m_syncing = true;
    m_text->setPlainText(format() == Format::Dynamo ? itemjson::toDynamoText(item) : itemjson::toPlainText(item));
    m_syncing = false;
}

void ItemEditor::revalidate()
{
    QJsonObject item;
    QString error, path;
    bool ok = currentItem(&item, &error, &path);
    if (ok && !m_treeProblem.isEmpty()) {
        ok = false;
        error = m_treeProblem;
        path = m_treeProblemPath;
    }
    // A value typed in the tree that DynamoDB refuses: its rule, not what the
    // text's parser makes of it (plain JSON has no spelling for N "two").
    QString treePath, treeMessage;
    if (!ok && m_treeIsSource && !itemjson::findInvalid(m_tree->model()->item(), &treePath, &treeMessage)) {
        error = tr("at %1: ").arg(treePath) + treeMessage;
        path = treePath;
    }
    m_error->setError(ok ? QString() : error);
    if (ok) {
        auto parsed = model::itemFromJson(item);
        const qint64 size = parsed.ok() ? model::itemSize(*parsed) : 0;
        m_info->setText(tr("%n attribute(s), %1 bytes", nullptr, int(item.size())).arg(QLocale().toString(size)));
        if (!m_syncing && !m_treeIsSource)
            m_tree->setItem(item);
    }
    m_save->setEnabled(ok && !m_saveWatcher.isRunning());
    // Point at the line of a syntax error, and at the node of a value error.
    QList<QTextEdit::ExtraSelection> marks;
    bool brokenText = false;
    if (!ok) {
        itemjson::ParseError pe;
        QJsonObject dummy;
        const bool parsed = format() == Format::Dynamo ? itemjson::parseDynamoText(text(), &dummy, &pe)
                                                       : itemjson::parsePlainText(text(), m_loaded, &dummy, &pe);
        brokenText = !parsed && pe.path.isEmpty();
        if (!parsed && pe.line > 0) {
            QTextEdit::ExtraSelection mark;
            mark.cursor = QTextCursor(m_text->document()->findBlockByNumber(pe.line - 1));
            mark.format.setProperty(QTextFormat::FullWidthSelection, true);
            mark.format.setBackground(colours::failureWash(m_text->palette(), 60));
            marks << mark;
        }
        // After the tree's editor has committed and closed (selecting now would close it under the delegate).
        if (!path.isEmpty())
            QMetaObject::invokeMethod(m_tree, [tree = m_tree, path] { tree->selectPath(path); }, Qt::QueuedConnection);
    }
    // While the text is not JSON the tree shows the last valid item; edits
    // there would overwrite what the user is typing, so it is read-only.
    m_tree->setReadOnly(brokenText && !m_treeIsSource);
    m_text->setExtraSelections(marks);
}

void ItemEditor::setBusy(bool busy, const QString &message)
{
    m_save->setEnabled(!busy);
    m_delete->setEnabled(!busy);
    m_text->setReadOnly(busy);
    m_tree->setEnabled(!busy);
    m_info->setText(message);
}

void ItemEditor::save()
{
    QJsonObject item;
    QString error;
    if (m_saveWatcher.isRunning() || m_checkWatcher.isRunning() || !currentItem(&item, &error))
        return;
    if (m_mode == Mode::Edit && m_keys.identity(item) != m_keys.identity(m_loaded)) {
        m_error->setError(tr("Key attributes cannot change; use Duplicate to copy the item under a new key"));
        return;
    }
    m_pending = item;
    if (m_mode == Mode::Edit) {
        // The save's condition compares the attributes that were loaded, so
        // an attribute that another program added meanwhile is seen only by
        // reading the item first (consistently, just before the write).
        setBusy(true, tr("Checking that the item is unchanged…"));
        m_checkWatcher.setFuture(m_connection->call(QStringLiteral("GetItem"),
                                                    QJsonObject{{QStringLiteral("TableName"), m_table},
                                                                {QStringLiteral("Key"), m_keys.keyOf(m_loaded)},
                                                                {QStringLiteral("ConsistentRead"), true}}));
        return;
    }
    putPending();
}

void ItemEditor::onChecked()
{
    const auto r = m_checkWatcher.result();
    setBusy(false);
    if (!r.ok()) {
        m_error->setError(tr("Reading the item before saving failed: %1").arg(r.error->message()));
        return;
    }
    const QJsonObject current = r.body.value(QStringLiteral("Item")).toObject();
    if (current != m_loaded) {
        showConflict(current);
        return;
    }
    putPending();
}

void ItemEditor::putPending()
{
    const QJsonObject &item = m_pending;
    const UnchangedCondition c = unchangedCondition(m_mode == Mode::Edit ? m_loaded : QJsonObject(), m_keys.partition, m_keys.names());
    QJsonObject request{{QStringLiteral("TableName"), m_table},
                        {QStringLiteral("Item"), item},
                        {QStringLiteral("ConditionExpression"), c.expression},
                        {QStringLiteral("ExpressionAttributeNames"), c.names}};
    if (!c.values.isEmpty())
        request.insert(QStringLiteral("ExpressionAttributeValues"), c.values);
    setBusy(true, c.comparedAttributes < m_loaded.size()
                      ? tr("Saving… (the item is too large to compare every attribute; comparing %1)").arg(c.comparedAttributes)
                      : tr("Saving…"));
    m_saveWatcher.setFuture(m_connection->call(QStringLiteral("PutItem"), request));
}

void ItemEditor::onSaved()
{
    const auto r = m_saveWatcher.result();
    setBusy(false);
    if (r.ok()) {
        emit itemSaved(m_pending);
        accept();
        return;
    }
    if (r.error->type() != QLatin1String("ConditionalCheckFailedException")) {
        m_error->setError(tr("DynamoDB refused the item: %1").arg(r.error->message()));
        return;
    }
    // The item changed, was deleted, or (new item) exists: read what is there now.
    setBusy(true, tr("The item changed meanwhile; reading the current version…"));
    m_readWatcher.setFuture(m_connection->call(QStringLiteral("GetItem"),
                                               QJsonObject{{QStringLiteral("TableName"), m_table},
                                                           {QStringLiteral("Key"), m_keys.keyOf(m_pending)},
                                                           {QStringLiteral("ConsistentRead"), true}}));
}

void ItemEditor::onCurrentRead()
{
    const auto r = m_readWatcher.result();
    setBusy(false);
    if (!r.ok()) {
        m_error->setError(tr("The save conflicted, and reading the current item failed: %1").arg(r.error->message()));
        return;
    }
    showConflict(r.body.value(QStringLiteral("Item")).toObject());
}

void ItemEditor::showConflict(const QJsonObject &current)
{
    m_current = current;
    m_error->setError(m_mode == Mode::Edit ? tr("The item changed since you loaded it")
                                           : tr("An item with this key exists already"));
    if (m_conflict)
        m_conflict->deleteLater();
    m_conflict = new ConflictDialog(m_pending, m_current, this);
    m_conflict->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_conflict, &QDialog::finished, this, &ItemEditor::onConflictChoice);
    connect(m_conflict, &QObject::destroyed, this, [this] { m_conflict = nullptr; });
    m_conflict->open();
}

void ItemEditor::onConflictChoice(int choice)
{
    switch (choice) {
    case ConflictDialog::Overwrite:
        // Save again, now conditional on the version the user has seen: the
        // item as it is now, or, deleted meanwhile, no item under its key.
        m_loaded = m_current;
        m_mode = m_current.isEmpty() ? Mode::New : Mode::Edit;
        m_delete->setVisible(m_mode == Mode::Edit);
        save();
        break;
    case ConflictDialog::TakeTheirs:
        m_loaded = m_current;
        m_baseline = m_current;
        m_mode = Mode::Edit;
        m_delete->setVisible(true);
        m_text->setPlainText(format() == Format::Dynamo ? itemjson::toDynamoText(m_current) : itemjson::toPlainText(m_current));
        break;
    default:
        break;
    }
}

void ItemEditor::deleteItem()
{
    if (m_mode != Mode::Edit || m_deleteWatcher.isRunning())
        return;
    const UnchangedCondition c = unchangedCondition(m_loaded, m_keys.partition, m_keys.names());
    QJsonObject request{{QStringLiteral("TableName"), m_table},
                        {QStringLiteral("Key"), m_keys.keyOf(m_loaded)},
                        {QStringLiteral("ConditionExpression"), c.expression},
                        {QStringLiteral("ExpressionAttributeNames"), c.names},
                        {QStringLiteral("ExpressionAttributeValues"), c.values}};
    setBusy(true, tr("Deleting…"));
    m_deleteWatcher.setFuture(m_connection->call(QStringLiteral("DeleteItem"), request));
}

void ItemEditor::onDeleted()
{
    const auto r = m_deleteWatcher.result();
    setBusy(false);
    if (!r.ok()) {
        m_error->setError(r.error->type() == QLatin1String("ConditionalCheckFailedException")
                              ? tr("Not deleted: the item changed since you loaded it")
                              : tr("DynamoDB refused the delete: %1").arg(r.error->message()));
        return;
    }
    emit itemDeleted(m_keys.keyOf(m_loaded));
    accept();
}

} // namespace dd::ui
