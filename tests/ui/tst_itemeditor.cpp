// The item editor: an item with a nested map typed in and saved, read back
// with GetItem; DynamoDB JSON <-> plain JSON (exact numbers, sets kept by
// the loaded item's types); validation before save; and the conditional
// save: a change behind the editor's back makes the save fail, shows both
// versions, and Overwrite then wins.
#include "common/itemjson.h"
#include "items/conflictdialog.h"
#include "items/itemeditor.h"
#include "uitest.h"

#include <QComboBox>
#include <QPlainTextEdit>
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
    void newItemThatExists();

private:
    std::unique_ptr<Connection> m_connection;
    TableKeys m_keys{QStringLiteral("pk"), QStringLiteral("S"), QStringLiteral("sk"), QStringLiteral("S")};
};

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
    uitest::put(*m_connection, QStringLiteral("Items"), loaded);
    ItemEditor *editor = new ItemEditor(m_connection.get(), QStringLiteral("Items"), m_keys, ItemEditor::Mode::Edit, loaded);
    QSignalSpy saved(editor, &ItemEditor::itemSaved);
    editor->show();
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

    QTest::mouseClick(conflict->findChild<QPushButton *>(QStringLiteral("overwrite")), Qt::LeftButton);
    QVERIFY(saved.wait(5000));
    const QJsonObject now = uitest::get(*m_connection, QStringLiteral("Items"), m_keys.keyOf(loaded));
    QCOMPARE(now.value(QStringLiteral("n")).toObject().value(QStringLiteral("N")).toString(), QStringLiteral("2"));
    QCOMPARE(now.value(QStringLiteral("status")).toObject().value(QStringLiteral("S")).toString(), QStringLiteral("OPEN"));
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

QTEST_MAIN(TestItemEditor)
#include "tst_itemeditor.moc"
