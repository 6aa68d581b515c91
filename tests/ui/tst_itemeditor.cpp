// The item editor: an item with a nested map typed in and saved, read back
// with GetItem; the same built in the tree with the mouse and keyboard and
// read back by the AWS CLI through the app's own served endpoint; type
// changes in the tree; DynamoDB JSON <-> plain JSON (exact numbers, sets
// kept by the loaded item's types); validation before save with the node
// at fault selected; and the conditional save: a change behind the
// editor's back makes the save fail, shows both versions, and Overwrite or
// Take theirs then does what it says.
#include "common/itemjson.h"
#include "items/conflictdialog.h"
#include "common/itemtreemodel.h"
#include "items/itemeditor.h"
#include "items/itemtreeeditor.h"
#include "servers.h"
#include "uitest.h"

#include <QApplication>
#include <QLineEdit>
#include <QToolButton>
#include <QTreeView>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>

using namespace dd::ui;

class TestItemEditor : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void plainJsonRoundTrip();
    void newItemWithNestedMap();
    void invalidItemCannotBeSaved();
    void conflictOnSave();
    void conflictOnAddedAttribute();
    void conflictTakeTheirs();
    void newItemThatExists();
    void overwriteAfterTheyDeleted();
    void deleteAsksFirst();
    void closingAsksBeforeDroppingEdits();
    void treeBuildsNestedMapReadByAwsCli();
    void treeTypeChanges();
    void treeValidationSelectsNode();

private:
    // Stores `item` and opens it in an editor (Edit mode), shown; it deletes itself on close.
    ItemEditor *editStored(const QJsonObject &item);
    std::unique_ptr<Connection> m_connection;
    TableKeys m_keys{QStringLiteral("pk"), QStringLiteral("S"), QStringLiteral("sk"), QStringLiteral("S")};
};

ItemEditor *TestItemEditor::editStored(const QJsonObject &item)
{
    uitest::put(*m_connection, QStringLiteral("Items"), item);
    auto *editor = new ItemEditor(m_connection.get(), QStringLiteral("Items"), m_keys, ItemEditor::Mode::Edit, item);
    editor->show();
    return editor;
}

void TestItemEditor::initTestCase()
{
    m_connection = uitest::inMemoryConnection();
    uitest::createTable(*m_connection, QStringLiteral("Items"), QStringLiteral("pk"), QStringLiteral("sk"));
}

void TestItemEditor::plainJsonRoundTrip()
{
    const QJsonObject item{{QStringLiteral("pk"), uitest::S(QStringLiteral("a"))},
                           {QStringLiteral("big"), uitest::N(QStringLiteral("12345678901234567890.123456789"))},
                           {QStringLiteral("tags"), QJsonObject{{QStringLiteral("SS"), QJsonArray{QStringLiteral("x"), QStringLiteral("y")}}}},
                           {QStringLiteral("m"), QJsonObject{{QStringLiteral("M"), QJsonObject{{QStringLiteral("n"), QJsonObject{{QStringLiteral("NULL"), true}}}}}}}};
    const QString plain = itemjson::toPlainText(item);
    QVERIFY(plain.contains(QStringLiteral("12345678901234567890.123456789")));
    QJsonObject back;
    itemjson::ParseError error;
    QVERIFY2(itemjson::parsePlainText(plain, item, &back, &error), qPrintable(error.message));
    QCOMPARE(back, item);
    // Without hints a set becomes a list.
    QVERIFY(itemjson::parsePlainText(plain, QJsonObject(), &back, &error));
    QVERIFY(back.value(QStringLiteral("tags")).toObject().contains(QStringLiteral("L")));
    // Errors point at the spot.
    QVERIFY(!itemjson::parsePlainText(QStringLiteral("{\n  \"a\": 1,\n  \"b\": tru\n}"), QJsonObject(), &back, &error));
    QCOMPARE(error.line, 3);
}

void TestItemEditor::newItemWithNestedMap()
{
    ItemEditor *editor = new ItemEditor(m_connection.get(), QStringLiteral("Items"), m_keys, ItemEditor::Mode::New,
                                        QJsonObject{{QStringLiteral("pk"), uitest::S(QString())}, {QStringLiteral("sk"), uitest::S(QString())}});
    QSignalSpy saved(editor, &ItemEditor::itemSaved);
    editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(editor));

    // Switch to plain JSON with the mouse-free keyboard path, then type the item.
    auto *format = editor->findChild<QComboBox *>(QStringLiteral("format"));
    QVERIFY(!editor->setFormat(ItemEditor::Format::Plain)); // empty key: invalid, so no switch
    auto *text = editor->findChild<QPlainTextEdit *>(QStringLiteral("itemText"));
    text->selectAll();
    QTest::keyClicks(text, QStringLiteral("{\"pk\": \"user#1\", \"sk\": \"profile\", \"address\": {\"city\": \"Kyoto\", "
                                          "\"geo\": {\"lat\": 35.0116, \"lon\": 135.7681}}, \"age\": 41}"));
    // Typed as plain JSON into a DynamoDB JSON view: invalid, Save disabled.
    auto *save = editor->findChild<QPushButton *>(QStringLiteral("save"));
    QVERIFY(!save->isEnabled());
    format->setCurrentIndex(int(ItemEditor::Format::Plain)); // the text is plain already; relabel it
    text->setPlainText(text->toPlainText());
    QVERIFY(save->isEnabled());
    QVERIFY(editor->setFormat(ItemEditor::Format::Dynamo));
    QVERIFY(editor->text().contains(QStringLiteral("\"M\"")));

    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(saved.wait(5000));

    const QJsonObject item = uitest::get(*m_connection, QStringLiteral("Items"),
                                         QJsonObject{{QStringLiteral("pk"), uitest::S(QStringLiteral("user#1"))}, {QStringLiteral("sk"), uitest::S(QStringLiteral("profile"))}});
    const QJsonObject geo = item.value(QStringLiteral("address")).toObject().value(QStringLiteral("M")).toObject()
                                .value(QStringLiteral("geo")).toObject().value(QStringLiteral("M")).toObject();
    QCOMPARE(geo.value(QStringLiteral("lat")).toObject().value(QStringLiteral("N")).toString(), QStringLiteral("35.0116"));
    QCOMPARE(item.value(QStringLiteral("age")).toObject().value(QStringLiteral("N")).toString(), QStringLiteral("41"));
}

void TestItemEditor::invalidItemCannotBeSaved()
{
    ItemEditor editor(m_connection.get(), QStringLiteral("Items"), m_keys, ItemEditor::Mode::New, QJsonObject());
    editor.setAttribute(Qt::WA_DeleteOnClose, false);
    auto *save = editor.findChild<QPushButton *>(QStringLiteral("save"));
    QJsonObject item;
    QString error;
    editor.setText(QStringLiteral("{\"pk\": {\"S\": \"a\"}, \"sk\": {\"N\": \"1\"}}"));
    QVERIFY(!editor.currentItem(&item, &error));
    QVERIFY(error.contains(QStringLiteral("sk")));
    QVERIFY(!save->isEnabled());
    editor.setText(QStringLiteral("{\"pk\": {\"S\": \"a\"}, \"sk\": {\"S\": \"b\"}, \"s\": {\"SS\": []}}"));
    QVERIFY(!editor.currentItem(&item, &error)); // empty set: DynamoDB's own message
    QVERIFY(!save->isEnabled());
    editor.setText(QStringLiteral("{\"pk\": {\"S\": \"a\"}, \"sk\": {\"S\": \"b\"}, \"big\": {\"S\": \"%1\"}}").arg(QString(410 * 1024, QLatin1Char('x'))));
    QVERIFY(!editor.currentItem(&item, &error));
    QVERIFY(error.contains(QStringLiteral("400")) || error.contains(QStringLiteral("409600")));
}

void TestItemEditor::conflictOnSave()
{
    const QJsonObject loaded{{QStringLiteral("pk"), uitest::S(QStringLiteral("c"))}, {QStringLiteral("sk"), uitest::S(QStringLiteral("1"))},
                             {QStringLiteral("status"), uitest::S(QStringLiteral("OPEN"))}, {QStringLiteral("n"), uitest::N(QStringLiteral("1"))}};
    ItemEditor *editor = editStored(loaded);
    QSignalSpy saved(editor, &ItemEditor::itemSaved);
    QVERIFY(QTest::qWaitForWindowExposed(editor));

    // Someone else changes the item after the editor loaded it.
    QJsonObject theirs = loaded;
    theirs.insert(QStringLiteral("status"), uitest::S(QStringLiteral("SHIPPED")));
    uitest::put(*m_connection, QStringLiteral("Items"), theirs);

    // The user edits with the keyboard: n goes from 1 to 2.
    auto *text = editor->findChild<QPlainTextEdit *>(QStringLiteral("itemText"));
    editor->setText(editor->text().replace(QStringLiteral("\"N\": \"1\""), QStringLiteral("\"N\": \"2\"")));
    text->setFocus();
    QTest::keyClick(text, Qt::Key_S, Qt::ControlModifier); // Save
    QTRY_VERIFY_WITH_TIMEOUT(editor->conflictDialog() != nullptr, 5000);
    QCOMPARE(saved.count(), 0);
    ConflictDialog *conflict = editor->conflictDialog();
    QVERIFY(conflict->findChild<QPlainTextEdit *>(QStringLiteral("theirs"))->toPlainText().contains(QStringLiteral("SHIPPED")));
    QVERIFY(conflict->findChild<QPlainTextEdit *>(QStringLiteral("mine"))->toPlainText().contains(QStringLiteral("OPEN")));
    QCOMPARE(ConflictDialog::differingAttributes(loaded, theirs), QStringList{QStringLiteral("status")});
    // The database still has theirs.
    QCOMPARE(uitest::get(*m_connection, QStringLiteral("Items"), m_keys.keyOf(loaded)), theirs);
    // Enter keeps editing: it must not throw their change away.
    QVERIFY(conflict->findChild<QPushButton *>(QStringLiteral("keepEditing"))->isDefault());
    QVERIFY(!conflict->findChild<QPushButton *>(QStringLiteral("overwrite"))->isDefault());

    QTest::mouseClick(conflict->findChild<QPushButton *>(QStringLiteral("overwrite")), Qt::LeftButton);
    QVERIFY(saved.wait(5000));
    const QJsonObject now = uitest::get(*m_connection, QStringLiteral("Items"), m_keys.keyOf(loaded));
    QCOMPARE(now.value(QStringLiteral("n")).toObject().value(QStringLiteral("N")).toString(), QStringLiteral("2"));
    QCOMPARE(now.value(QStringLiteral("status")).toObject().value(QStringLiteral("S")).toString(), QStringLiteral("OPEN"));
}

void TestItemEditor::conflictOnAddedAttribute()
{
    // An attribute that another program adds after the editor loaded the
    // item is a change too: the save must not drop it unseen.
    const QJsonObject loaded{{QStringLiteral("pk"), uitest::S(QStringLiteral("added"))}, {QStringLiteral("sk"), uitest::S(QStringLiteral("1"))},
                             {QStringLiteral("n"), uitest::N(QStringLiteral("1"))}};
    ItemEditor *editor = editStored(loaded);
    QSignalSpy saved(editor, &ItemEditor::itemSaved);
    QVERIFY(QTest::qWaitForWindowExposed(editor));
    QJsonObject theirs = loaded;
    theirs.insert(QStringLiteral("note"), uitest::S(QStringLiteral("added elsewhere")));
    uitest::put(*m_connection, QStringLiteral("Items"), theirs);

    editor->setText(editor->text().replace(QStringLiteral("\"N\": \"1\""), QStringLiteral("\"N\": \"2\"")));
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(editor->conflictDialog() != nullptr, 5000);
    QCOMPARE(saved.count(), 0);
    QVERIFY(editor->conflictDialog()->findChild<QPlainTextEdit *>(QStringLiteral("theirs"))->toPlainText().contains(QStringLiteral("added elsewhere")));
    QCOMPARE(uitest::get(*m_connection, QStringLiteral("Items"), m_keys.keyOf(loaded)), theirs);

    // Taking theirs and saving again keeps their attribute and applies the edit.
    QTest::mouseClick(editor->conflictDialog()->findChild<QPushButton *>(QStringLiteral("takeTheirs")), Qt::LeftButton);
    editor->setText(editor->text().replace(QStringLiteral("\"N\": \"1\""), QStringLiteral("\"N\": \"3\"")));
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
    QVERIFY(saved.wait(5000));
    const QJsonObject now = uitest::get(*m_connection, QStringLiteral("Items"), m_keys.keyOf(loaded));
    QCOMPARE(now.value(QStringLiteral("n")).toObject().value(QStringLiteral("N")).toString(), QStringLiteral("3"));
    QCOMPARE(now.value(QStringLiteral("note")).toObject().value(QStringLiteral("S")).toString(), QStringLiteral("added elsewhere"));
}

void TestItemEditor::newItemThatExists()
{
    const QJsonObject existing{{QStringLiteral("pk"), uitest::S(QStringLiteral("dup"))}, {QStringLiteral("sk"), uitest::S(QStringLiteral("1"))}};
    uitest::put(*m_connection, QStringLiteral("Items"), existing);
    ItemEditor *editor = new ItemEditor(m_connection.get(), QStringLiteral("Items"), m_keys, ItemEditor::Mode::Duplicate, existing);
    editor->show();
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(editor->conflictDialog() != nullptr, 5000);
    QTest::mouseClick(editor->conflictDialog()->findChild<QPushButton *>(QStringLiteral("keepEditing")), Qt::LeftButton);
    QVERIFY(editor->isVisible());
    editor->close();
}

void TestItemEditor::overwriteAfterTheyDeleted()
{
    // Someone deletes the item the editor loaded; "Overwrite with mine"
    // puts it back as edited (it said "Key attributes cannot change").
    const QJsonObject loaded{{QStringLiteral("pk"), uitest::S(QStringLiteral("gone"))}, {QStringLiteral("sk"), uitest::S(QStringLiteral("1"))},
                             {QStringLiteral("n"), uitest::N(QStringLiteral("1"))}};
    ItemEditor *editor = editStored(loaded);
    QSignalSpy saved(editor, &ItemEditor::itemSaved);
    QVERIFY(QTest::qWaitForWindowExposed(editor));
    QVERIFY(m_connection->callSync(QStringLiteral("DeleteItem"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Items")},
                                                                             {QStringLiteral("Key"), m_keys.keyOf(loaded)}}).ok());
    editor->setText(editor->text().replace(QStringLiteral("\"N\": \"1\""), QStringLiteral("\"N\": \"2\"")));
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(editor->conflictDialog() != nullptr, 5000);
    QVERIFY(!editor->conflictDialog()->findChild<QPushButton *>(QStringLiteral("takeTheirs"))->isEnabled());
    QTest::mouseClick(editor->conflictDialog()->findChild<QPushButton *>(QStringLiteral("overwrite")), Qt::LeftButton);
    QVERIFY(saved.wait(5000));
    const QJsonObject now = uitest::get(*m_connection, QStringLiteral("Items"), m_keys.keyOf(loaded));
    QCOMPARE(now.value(QStringLiteral("n")).toObject().value(QStringLiteral("N")).toString(), QStringLiteral("2"));
}

void TestItemEditor::deleteAsksFirst()
{
    const QJsonObject loaded{{QStringLiteral("pk"), uitest::S(QStringLiteral("asked"))}, {QStringLiteral("sk"), uitest::S(QStringLiteral("1"))}};
    ItemEditor *editor = editStored(loaded);
    QVERIFY(QTest::qWaitForWindowExposed(editor));
    auto *button = editor->findChild<QPushButton *>(QStringLiteral("deleteItem"));
    // Cancel keeps the item.
    QTest::mouseClick(button, Qt::LeftButton);
    QMessageBox *confirm = nullptr;
    QTRY_VERIFY((confirm = editor->findChild<QMessageBox *>(QStringLiteral("confirmDeleteItem"))) != nullptr);
    QTest::mouseClick(confirm->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!editor->findChild<QMessageBox *>(QStringLiteral("confirmDeleteItem")));
    QCOMPARE(uitest::get(*m_connection, QStringLiteral("Items"), m_keys.keyOf(loaded)), loaded);
    // Yes deletes it.
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY((confirm = editor->findChild<QMessageBox *>(QStringLiteral("confirmDeleteItem"))) != nullptr);
    QTest::mouseClick(confirm->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(uitest::get(*m_connection, QStringLiteral("Items"), m_keys.keyOf(loaded)).isEmpty(), 5000);
}

void TestItemEditor::closingAsksBeforeDroppingEdits()
{
    const QJsonObject loaded{{QStringLiteral("pk"), uitest::S(QStringLiteral("esc"))}, {QStringLiteral("sk"), uitest::S(QStringLiteral("1"))},
                             {QStringLiteral("n"), uitest::N(QStringLiteral("1"))}};
    QPointer<ItemEditor> editor = editStored(loaded);
    QVERIFY(QTest::qWaitForWindowExposed(editor));
    QVERIFY(!editor->isModified());
    editor->setText(editor->text().replace(QStringLiteral("\"N\": \"1\""), QStringLiteral("\"N\": \"2\"")));
    QVERIFY(editor->isModified());
    QTest::keyClick(editor, Qt::Key_Escape);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = editor->findChild<QMessageBox *>(QStringLiteral("confirmDiscardItem"))) != nullptr && box->isVisible());
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QVERIFY(editor->isVisible());
    // Back to what was loaded: nothing to lose, it closes at once.
    editor->setText(editor->text().replace(QStringLiteral("\"N\": \"2\""), QStringLiteral("\"N\": \"1\"")));
    QVERIFY(!editor->isModified());
    editor->setText(editor->text().replace(QStringLiteral("\"N\": \"1\""), QStringLiteral("\"N\": \"3\"")));
    editor->reject();
    QTRY_VERIFY((box = editor->findChild<QMessageBox *>(QStringLiteral("confirmDiscardItem"))) != nullptr && box->isVisible());
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_VERIFY(!editor); // deletes itself on close
}

namespace {

// Opens the editor of a tree cell with F2 and types into it; Return commits.
void editCell(QTreeView *view, const QModelIndex &index, const QString &text)
{
    view->setFocus();
    view->setCurrentIndex(index);
    QTest::keyClick(view, Qt::Key_F2);
    QWidget *editor = view->indexWidget(index);
    QVERIFY(editor);
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->selectAll();
        QTest::keyClicks(line, text);
        QTest::keyClick(line, Qt::Key_Return);
        QCoreApplication::processEvents(); // the delegate commits on a queued call
    } else {
        QTest::keyClicks(editor, text); // a combo box: the first entry starting with the text
    }
}

QString attr(const QJsonObject &item, const QString &path)
{
    QJsonValue v = item;
    for (const QString &part : path.split(QLatin1Char('/')))
        v = v.toObject().value(part);
    return v.isString() ? v.toString() : QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

} // namespace

void TestItemEditor::conflictTakeTheirs()
{
    const QJsonObject loaded{{QStringLiteral("pk"), uitest::S(QStringLiteral("t"))}, {QStringLiteral("sk"), uitest::S(QStringLiteral("1"))},
                             {QStringLiteral("qty"), uitest::N(QStringLiteral("1"))}};
    ItemEditor *editor = editStored(loaded);
    QSignalSpy saved(editor, &ItemEditor::itemSaved);
    QJsonObject theirs = loaded;
    theirs.insert(QStringLiteral("qty"), uitest::N(QStringLiteral("7")));
    uitest::put(*m_connection, QStringLiteral("Items"), theirs);
    editor->setText(editor->text().replace(QStringLiteral("\"N\": \"1\""), QStringLiteral("\"N\": \"2\"")));
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(editor->conflictDialog() != nullptr, 5000);
    QVERIFY(editor->conflictDialog()->findChild<QPlainTextEdit *>(QStringLiteral("theirs"))->toPlainText().contains(QStringLiteral("7")));
    QVERIFY(editor->conflictDialog()->findChild<QPlainTextEdit *>(QStringLiteral("mine"))->toPlainText().contains(QStringLiteral("2")));
    QTest::mouseClick(editor->conflictDialog()->findChild<QPushButton *>(QStringLiteral("takeTheirs")), Qt::LeftButton);
    QTRY_VERIFY(editor->conflictDialog() == nullptr);
    // The editor now holds theirs, in the text and in the tree, and saving it is conditional on theirs.
    QVERIFY(editor->text().contains(QStringLiteral("\"7\"")));
    QCOMPARE(editor->tree()->model()->item(), theirs);
    QCOMPARE(saved.count(), 0);
    QCOMPARE(uitest::get(*m_connection, QStringLiteral("Items"), m_keys.keyOf(loaded)), theirs);
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
    QVERIFY(saved.wait(5000));
}

void TestItemEditor::treeBuildsNestedMapReadByAwsCli()
{
    QString error;
    QVERIFY2(m_connection->startServing(0, &error), qPrintable(error));
    const QString endpoint = QStringLiteral("http://127.0.0.1:%1").arg(m_connection->servingPort());

    auto *editor = new ItemEditor(m_connection.get(), QStringLiteral("Items"), m_keys, ItemEditor::Mode::New,
                                  QJsonObject{{QStringLiteral("pk"), uitest::S(QString())}, {QStringLiteral("sk"), uitest::S(QString())}});
    QSignalSpy saved(editor, &ItemEditor::itemSaved);
    editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(editor));
    QTreeView *view = editor->tree()->view();
    ItemTreeModel *model = editor->tree()->model();
    auto *add = editor->tree()->findChild<QToolButton *>(QStringLiteral("addNode"));

    editCell(view, model->indexForPath(QStringLiteral("pk")).siblingAtColumn(ItemTreeModel::ValueColumn), QStringLiteral("user#7"));
    editCell(view, model->indexForPath(QStringLiteral("sk")).siblingAtColumn(ItemTreeModel::ValueColumn), QStringLiteral("profile"));
    // A new top-level attribute "address", made a map.
    view->setCurrentIndex(QModelIndex());
    QTest::mouseClick(add, Qt::LeftButton);
    QWidget *nameEditor = view->indexWidget(view->currentIndex());
    QVERIFY(qobject_cast<QLineEdit *>(nameEditor));
    qobject_cast<QLineEdit *>(nameEditor)->selectAll();
    QTest::keyClicks(nameEditor, QStringLiteral("address"));
    QTest::keyClick(nameEditor, Qt::Key_Return);
    QCoreApplication::processEvents();
    QModelIndex address = model->indexForPath(QStringLiteral("address"));
    QVERIFY(address.isValid());
    editCell(view, address.siblingAtColumn(ItemTreeModel::TypeColumn), QStringLiteral("M"));
    QTRY_COMPARE(address.siblingAtColumn(ItemTreeModel::TypeColumn).data().toString(), QStringLiteral("M"));
    // Two members: city (S) and zip (N).
    for (const auto &[name, type, value] : {std::tuple{QStringLiteral("city"), QStringLiteral("S"), QStringLiteral("Kyoto")},
                                            std::tuple{QStringLiteral("zip"), QStringLiteral("N"), QStringLiteral("6048001")}}) {
        view->setCurrentIndex(model->indexForPath(QStringLiteral("address")));
        QTest::mouseClick(add, Qt::LeftButton);
        QWidget *e = view->indexWidget(view->currentIndex());
        QVERIFY(qobject_cast<QLineEdit *>(e));
        qobject_cast<QLineEdit *>(e)->selectAll();
        QTest::keyClicks(e, name);
        QTest::keyClick(e, Qt::Key_Return);
        QCoreApplication::processEvents();
        const QModelIndex member = model->indexForPath(QStringLiteral("address.") + name);
        QVERIFY(member.isValid());
        if (type != QLatin1String("S"))
            editCell(view, member.siblingAtColumn(ItemTreeModel::TypeColumn), type);
        QTRY_COMPARE(model->indexForPath(QStringLiteral("address.") + name).siblingAtColumn(ItemTreeModel::TypeColumn).data().toString(), type);
        editCell(view, model->indexForPath(QStringLiteral("address.") + name).siblingAtColumn(ItemTreeModel::ValueColumn), value);
    }
    // The text followed every edit.
    QVERIFY2(editor->text().contains(QStringLiteral("\"Kyoto\"")), qPrintable(editor->text()));
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
    QVERIFY(saved.wait(5000));

    bool ok = false;
    const QJsonObject out = uitest::aws(endpoint, {QStringLiteral("get-item"), QStringLiteral("--table-name"), QStringLiteral("Items"),
                                                   QStringLiteral("--consistent-read"), QStringLiteral("--key"),
                                                   QStringLiteral("{\"pk\": {\"S\": \"user#7\"}, \"sk\": {\"S\": \"profile\"}}")}, &ok);
    QVERIFY(ok);
    QCOMPARE(attr(out, QStringLiteral("Item/address/M/city/S")), QStringLiteral("Kyoto"));
    QCOMPARE(attr(out, QStringLiteral("Item/address/M/zip/N")), QStringLiteral("6048001"));
    m_connection->stopServing();
}

void TestItemEditor::treeTypeChanges()
{
    ItemTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEditable(true);
    model.setItem(QJsonObject{{QStringLiteral("l"), QJsonObject{{QStringLiteral("L"), QJsonArray{uitest::S(QStringLiteral("a")), uitest::N(QStringLiteral("2"))}}}},
                              {QStringLiteral("s"), uitest::S(QStringLiteral("12.5"))}});
    QVERIFY(model.setType(model.indexForPath(QStringLiteral("s")), QStringLiteral("N")));
    QCOMPARE(model.item().value(QStringLiteral("s")).toObject(), uitest::N(QStringLiteral("12.5")));
    QVERIFY(model.setType(model.indexForPath(QStringLiteral("l")), QStringLiteral("M")));
    QCOMPARE(model.item().value(QStringLiteral("l")).toObject(),
             (QJsonObject{{QStringLiteral("M"), QJsonObject{{QStringLiteral("0"), uitest::S(QStringLiteral("a"))}, {QStringLiteral("1"), uitest::N(QStringLiteral("2"))}}}}));
    QVERIFY(model.setType(model.indexForPath(QStringLiteral("l")), QStringLiteral("L")));
    QVERIFY(model.setType(model.indexForPath(QStringLiteral("l")), QStringLiteral("SS")));
    QCOMPARE(model.item().value(QStringLiteral("l")).toObject(),
             (QJsonObject{{QStringLiteral("SS"), QJsonArray{QStringLiteral("a"), QStringLiteral("2")}}}));
    QVERIFY(model.setType(model.indexForPath(QStringLiteral("l")), QStringLiteral("NS"))); // "a" is no number: dropped
    QCOMPARE(model.item().value(QStringLiteral("l")).toObject(), (QJsonObject{{QStringLiteral("NS"), QJsonArray{QStringLiteral("2")}}}));
    QVERIFY(model.setType(model.indexForPath(QStringLiteral("s")), QStringLiteral("BOOL")));
    QCOMPARE(model.item().value(QStringLiteral("s")).toObject(), (QJsonObject{{QStringLiteral("BOOL"), false}}));
    QCOMPARE(model.pathOf(model.indexForPath(QStringLiteral("l[0]"))), QStringLiteral("l[0]"));
}

void TestItemEditor::treeValidationSelectsNode()
{
    const QJsonObject loaded{{QStringLiteral("pk"), uitest::S(QStringLiteral("v"))}, {QStringLiteral("sk"), uitest::S(QStringLiteral("1"))},
                             {QStringLiteral("deep"), QJsonObject{{QStringLiteral("M"), QJsonObject{{QStringLiteral("n"), uitest::N(QStringLiteral("1"))}}}}},
                             {QStringLiteral("tags"), QJsonObject{{QStringLiteral("SS"), QJsonArray{QStringLiteral("a")}}}}};
    ItemEditor *editor = editStored(loaded);
    QVERIFY(QTest::qWaitForWindowExposed(editor));
    QTreeView *view = editor->tree()->view();
    ItemTreeModel *model = editor->tree()->model();
    auto *save = editor->findChild<QPushButton *>(QStringLiteral("save"));
    QVERIFY(save->isEnabled());

    // A number that is none: the error names DynamoDB's rule and the tree selects deep.n.
    editCell(view, model->indexForPath(QStringLiteral("deep.n")).siblingAtColumn(ItemTreeModel::ValueColumn), QStringLiteral("12abc"));
    QVERIFY(!save->isEnabled());
    QTRY_COMPARE(model->pathOf(view->currentIndex()), QStringLiteral("deep.n"));
    editCell(view, model->indexForPath(QStringLiteral("deep.n")).siblingAtColumn(ItemTreeModel::ValueColumn), QStringLiteral("12"));
    QVERIFY(save->isEnabled());

    // The last element of a set removed: an empty set is refused; the set is selected.
    view->setFocus();
    view->setCurrentIndex(model->indexForPath(QStringLiteral("tags[0]")));
    QTest::keyClick(view, Qt::Key_Delete);
    QVERIFY(!save->isEnabled());
    QTRY_COMPARE(model->pathOf(view->currentIndex()), QStringLiteral("tags"));

    // A key attribute with the wrong type points at the key.
    QTest::keyClick(view, Qt::Key_Insert); // an element again
    editCell(view, view->currentIndex().siblingAtColumn(ItemTreeModel::ValueColumn), QStringLiteral("b"));
    QVERIFY(save->isEnabled());
    editCell(view, model->indexForPath(QStringLiteral("sk")).siblingAtColumn(ItemTreeModel::TypeColumn), QStringLiteral("N"));
    QTRY_VERIFY(!save->isEnabled());
    QTRY_COMPARE(model->pathOf(view->currentIndex()), QStringLiteral("sk"));
    editor->close();
}

QTEST_MAIN(TestItemEditor)
#include "tst_itemeditor.moc"
