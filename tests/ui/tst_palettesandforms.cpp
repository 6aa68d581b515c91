// Colours that follow the palette, and the keyboard in the forms. The error
// label, the PartiQL highlighter and the policy editor take their reds and
// token colours from the palette, readable on a light and a dark one, and
// change with it; the stream diff's tints are translucent, laid over whatever
// base the view paints. In the restore and trigger dialogs, the transaction
// form, the export and import dialogs, the resource policy dialog and the
// table copy dialog every field label has a mnemonic that leads to its field,
// no two share one (nor one of the menu bar's), also once the rows that show
// on a choice are shown, and Tab visits the fields in the order they are
// shown.
#include "uitest.h"

#include "backups/restoredialog.h"
#include "browser/querybar.h"
#include "common/errorlabel.h"
#include "common/palettecolours.h"
#include "exports/bucketpicker.h"
#include "exports/exportdialog.h"
#include "exports/importdialog.h"
#include "mainwindow/mainwindow.h"
#include "migration/tablecopydialog.h"
#include "partiql/partiqlhighlighter.h"
#include "policies/policyeditor.h"
#include "policies/policytext.h"
#include "policies/resourcepolicydialog.h"
#include "streams/streamdiff.h"
#include "streams/triggerdialog.h"
#include "transactions/transactionbuilder.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSet>
#include <QStandardPaths>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <cmath>

using namespace dd::ui;

namespace {

constexpr int kTimeoutMs = 20000;

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(239, 239, 239));
    p.setColor(QPalette::WindowText, Qt::black);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::Text, Qt::black);
    p.setColor(QPalette::Highlight, QColor(48, 140, 198));
    return p;
}

// The screenshot tour's dark palette (screenshottour.cpp).
QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(45, 47, 51));
    p.setColor(QPalette::WindowText, QColor(225, 227, 230));
    p.setColor(QPalette::Base, QColor(30, 31, 34));
    p.setColor(QPalette::Text, QColor(225, 227, 230));
    p.setColor(QPalette::Highlight, QColor(61, 123, 224));
    return p;
}

// WCAG's contrast ratio, 1 to 21; 4.5 is its minimum for body text.
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double x = luminance(a), y = luminance(b);
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

// The labels of `root`'s form rows without a mnemonic or without a buddy.
QStringList formLabelsWithoutMnemonic(const QWidget *root)
{
    QStringList bad;
    for (const QFormLayout *form : root->findChildren<QFormLayout *>()) {
        for (int row = 0; row < form->rowCount(); ++row) {
            const QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole);
            const auto *label = item ? qobject_cast<const QLabel *>(item->widget()) : nullptr;
            if (label && !label->text().isEmpty() && (uitest::mnemonicOf(label->text()).isEmpty() || !label->buddy()))
                bad << label->text();
        }
    }
    return bad;
}

// The widgets in `root` named in `names`, in the order Tab reaches them.
QStringList tabOrder(QWidget *root, const QStringList &names)
{
    QStringList order;
    for (QWidget *w = root->nextInFocusChain(); w != root; w = w->nextInFocusChain())
        if (root->isAncestorOf(w) && names.contains(w->objectName()) && !order.contains(w->objectName()))
            order << w->objectName();
    return order;
}

// What formLabelsWithoutMnemonic() and uitest::mnemonicClashes() find in
// `dialog` as it is shown now, one line each; empty if nothing.
QString keyboardProblems(const QWidget *dialog)
{
    return (formLabelsWithoutMnemonic(dialog) + uitest::mnemonicClashes(dialog)).join(QLatin1Char('\n'));
}

QTextCharFormat formatAt(const QTextDocument &doc, int position)
{
    for (const QTextLayout::FormatRange &r : doc.firstBlock().layout()->formats())
        if (position >= r.start && position < r.start + r.length)
            return r.format;
    return QTextCharFormat();
}

} // namespace

class TestPalettesAndForms : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void errorLabelFollowsThePalette();
    void highlighterFollowsTheEditor();
    void policyEditorMarksFollowThePalette();
    void streamDiffTintsAreTranslucent();
    void restoreDialogKeyboard();
    void triggerDialogKeyboard();
    void transactionFormKeyboard();
    void exportDialogKeyboard();
    void importDialogKeyboard();
    void resourcePolicyDialogKeyboard();
    void tableCopyDialogKeyboard();
    void queryBarTabOrder();
};

void TestPalettesAndForms::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the main window's settings stay out of the user's
}

void TestPalettesAndForms::errorLabelFollowsThePalette()
{
    QWidget parent;
    parent.setPalette(lightPalette());
    ErrorLabel label(&parent);
    label.setError(QStringLiteral("Must be 3 to 255 characters long"));
    const QColor onLight = label.palette().color(QPalette::WindowText);
    QCOMPARE(onLight, colours::failureText(lightPalette()));
    QVERIFY2(contrast(onLight, lightPalette().color(QPalette::Window)) >= 4.5, qPrintable(onLight.name()));

    // The red is the label's own; the rest goes on following the parent.
    parent.setPalette(darkPalette());
    const QColor onDark = label.palette().color(QPalette::WindowText);
    QCOMPARE(onDark, colours::failureText(darkPalette()));
    QVERIFY(onDark != onLight);
    QVERIFY2(contrast(onDark, darkPalette().color(QPalette::Window)) >= 4.5, qPrintable(onDark.name()));
    QCOMPARE(label.palette().color(QPalette::Window), darkPalette().color(QPalette::Window));
    QVERIFY(label.styleSheet().isEmpty());
}

void TestPalettesAndForms::highlighterFollowsTheEditor()
{
    using partiql::TokenKind;
    QPlainTextEdit editor;
    editor.setPalette(lightPalette());
    auto *highlighter = new PartiqlHighlighter(editor.document()); // owned by the document
    editor.setPlainText(QStringLiteral("SELECT 'x', \"n\", 1, ? -- why"));
    const QList<TokenKind> kinds{TokenKind::Keyword, TokenKind::String, TokenKind::QuotedName,
                                 TokenKind::Number, TokenKind::Parameter, TokenKind::Comment};
    const auto check = [&](const QPalette &palette) {
        QCOMPARE(highlighter->palette().color(QPalette::Base), palette.color(QPalette::Base));
        QSet<QRgb> distinct;
        for (TokenKind kind : kinds) {
            const QColor c = highlighter->format(kind).foreground().color();
            distinct.insert(c.rgb());
            QVERIFY2(contrast(c, palette.color(QPalette::Base)) >= 4.5, qPrintable(c.name()));
        }
        QCOMPARE(distinct.size(), kinds.size());
        // The text shown has the colours of this palette, not the last one's.
        QCOMPARE(formatAt(*editor.document(), 0), highlighter->format(TokenKind::Keyword));
        QCOMPARE(formatAt(*editor.document(), 22), highlighter->format(TokenKind::Comment));
    };
    check(lightPalette());
    const QColor keywordOnLight = highlighter->format(TokenKind::Keyword).foreground().color();
    editor.setPalette(darkPalette());
    check(darkPalette());
    QVERIFY(highlighter->format(TokenKind::Keyword).foreground().color() != keywordOnLight);
}

void TestPalettesAndForms::policyEditorMarksFollowThePalette()
{
    QWidget window;
    window.setPalette(lightPalette());
    auto *editor = new PolicyEditor(&window);
    auto *size = editor->findChild<QLabel *>(QStringLiteral("policySize"));
    QVERIFY(size);
    // Too long, and not JSON: the size is red and the text marked.
    editor->setText(QString(int(policytext::kMaxPolicyBytes) + 1, QLatin1Char('x')));
    QVERIFY(editor->problem());
    const auto check = [&](const QPalette &palette) {
        QCOMPARE(size->palette().color(QPalette::WindowText), colours::failureText(palette));
        const QList<QTextEdit::ExtraSelection> marks = editor->textEdit()->extraSelections();
        QCOMPARE(marks.size(), 1);
        QCOMPARE(marks.first().format.underlineColor(), colours::failureText(palette));
        const QColor wash = marks.first().format.background().color();
        QCOMPARE(wash.rgb(), colours::failureText(palette).rgb());
        QVERIFY(wash.alpha() < 128);
        QVERIFY(size->styleSheet().isEmpty());
    };
    check(lightPalette());
    window.setPalette(darkPalette());
    check(darkPalette());
    // Within the limit the size goes back to the parent's text colour.
    editor->setText(QStringLiteral("{}"));
    QVERIFY(!size->testAttribute(Qt::WA_SetPalette));
    QCOMPARE(size->palette().color(QPalette::WindowText), darkPalette().color(QPalette::WindowText));
}

void TestPalettesAndForms::streamDiffTintsAreTranslucent()
{
    const auto s = [](const char *v) { return uitest::S(QString::fromLatin1(v)); };
    const QJsonObject before{{QStringLiteral("a"), s("1")}, {QStringLiteral("b"), s("x")}};
    const QJsonObject after{{QStringLiteral("a"), s("2")}, {QStringLiteral("c"), s("y")}};
    QTextDocument doc;
    doc.setHtml(diffHtml(before, after, diffImages(before, after)));
    QSet<int> hues;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (!f.hasProperty(QTextFormat::BackgroundBrush))
                continue;
            const QColor tint = f.background().color();
            QVERIFY2(tint.alpha() > 0 && tint.alpha() < 255, qPrintable(it.fragment().text()));
            QVERIFY2(!f.hasProperty(QTextFormat::ForegroundBrush), qPrintable(it.fragment().text())); // the palette's Text
            hues.insert(tint.hsvHue());
        }
    }
    QCOMPARE(hues.size(), 3); // added, removed, changed
}

void TestPalettesAndForms::restoreDialogKeyboard()
{
    RestoreDialog dialog(QStringLiteral("orders"), QStringLiteral("orders-restored"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY2(formLabelsWithoutMnemonic(&dialog).isEmpty(), qPrintable(formLabelsWithoutMnemonic(&dialog).join(u", ")));
    QVERIFY2(uitest::mnemonicClashes(&dialog).isEmpty(), qPrintable(uitest::mnemonicClashes(&dialog).join(QLatin1String("\n"))));
    const QStringList shown{QStringLiteral("targetName"), QStringLiteral("restoreIndexes"), QStringLiteral("billingOverride"),
                            QStringLiteral("readCapacity"), QStringLiteral("writeCapacity")};
    QCOMPARE(tabOrder(&dialog, shown), shown);
}

void TestPalettesAndForms::triggerDialogKeyboard()
{
    TriggerDialog dialog(QStringLiteral("orders"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY2(formLabelsWithoutMnemonic(&dialog).isEmpty(), qPrintable(formLabelsWithoutMnemonic(&dialog).join(u", ")));
    QVERIFY2(uitest::mnemonicClashes(&dialog).isEmpty(), qPrintable(uitest::mnemonicClashes(&dialog).join(QLatin1String("\n"))));
    const QStringList shown{QStringLiteral("triggerName"), QStringLiteral("targetKind"), QStringLiteral("target"),
                            QStringLiteral("batchSize"), QStringLiteral("batchingWindow"), QStringLiteral("startingPosition"),
                            QStringLiteral("retries"), QStringLiteral("bisect"), QStringLiteral("failureFile"),
                            QStringLiteral("timeout"), QStringLiteral("enabled")};
    QCOMPARE(tabOrder(&dialog, shown), shown);
}

void TestPalettesAndForms::transactionFormKeyboard()
{
    MainWindow window;
    window.setRememberConnections(false);
    Connection *c = window.addConnection(uitest::inMemoryConnection());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    TransactionBuilder *builder = window.openTransactionBuilder(c);
    QVERIFY(builder);
    QVERIFY2(formLabelsWithoutMnemonic(builder).isEmpty(), qPrintable(formLabelsWithoutMnemonic(builder).join(u", ")));
    QVERIFY2(uitest::mnemonicClashes(&window).isEmpty(), qPrintable(uitest::mnemonicClashes(&window).join(QLatin1String("\n"))));
    // Alt+T and its like open the menu bar's menus; the form leaves them be.
    QSet<QString> menuLetters;
    for (const QAction *a : window.menuBar()->actions())
        menuLetters.insert(uitest::mnemonicOf(a->text()));
    for (const QLabel *label : builder->findChildren<QLabel *>())
        if (label->buddy())
            QVERIFY2(!menuLetters.contains(uitest::mnemonicOf(label->text())), qPrintable(label->text()));
    // The list and its buttons on the left, the form on the right, then the row at the bottom.
    const QStringList shown{QStringLiteral("actions"), QStringLiteral("addAction"), QStringLiteral("duplicate"),
                            QStringLiteral("moveUp"), QStringLiteral("moveDown"), QStringLiteral("remove"),
                            QStringLiteral("pasteJson"), QStringLiteral("actionType"), QStringLiteral("table"),
                            QStringLiteral("key"), QStringLiteral("condition"), QStringLiteral("update"),
                            QStringLiteral("projection"), QStringLiteral("names"), QStringLiteral("values"),
                            QStringLiteral("setType"), QStringLiteral("setName"), QStringLiteral("setElements"),
                            QStringLiteral("addSetValue"), QStringLiteral("returnOld"), QStringLiteral("result"),
                            QStringLiteral("validate"), QStringLiteral("run"), QStringLiteral("saveDraft"),
                            QStringLiteral("loadDraft"), QStringLiteral("copyCli"), QStringLiteral("requestToken"),
                            QStringLiteral("generateToken")};
    QCOMPARE(tabOrder(builder, shown), shown);
}

// With point-in-time recovery off (its notice and button shown) and the
// local buckets listed (New bucket shown), for a full and an incremental export.
void TestPalettesAndForms::exportDialogKeyboard()
{
    auto connection = uitest::inMemoryConnection();
    uitest::createTable(*connection, QStringLiteral("orders"), QStringLiteral("pk"));
    ExportDialog dialog(connection.get(), QStringLiteral("orders"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded() && !dialog.bucketPicker()->isListing(), kTimeoutMs);
    QVERIFY(dialog.findChild<QWidget *>(QStringLiteral("pitrNotice"))->isVisible());
    QVERIFY(dialog.findChild<QWidget *>(QStringLiteral("newBucket"))->isVisible());
    QVERIFY2(keyboardProblems(&dialog).isEmpty(), qPrintable(keyboardProblems(&dialog)));
    dialog.findChild<QRadioButton *>(QStringLiteral("incrementalExport"))->setChecked(true);
    QVERIFY(dialog.findChild<QWidget *>(QStringLiteral("incrementalFrom"))->isVisible());
    QVERIFY2(keyboardProblems(&dialog).isEmpty(), qPrintable(keyboardProblems(&dialog)));
    const QStringList shown{QStringLiteral("bucketCombo"), QStringLiteral("newBucket"), QStringLiteral("exportPrefix"),
                            QStringLiteral("exportFormat"), QStringLiteral("fullExport"), QStringLiteral("incrementalExport"),
                            QStringLiteral("exportNow"), QStringLiteral("exportAt"), QStringLiteral("exportTime"),
                            QStringLiteral("incrementalFrom"), QStringLiteral("incrementalTo"), QStringLiteral("viewType"),
                            QStringLiteral("startExport")};
    QCOMPARE(tabOrder(&dialog, shown), shown);
}

// As it opens, and with the rows of a CSV file and of provisioned capacity shown.
void TestPalettesAndForms::importDialogKeyboard()
{
    auto connection = uitest::inMemoryConnection();
    ImportDialog dialog(connection.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.bucketPicker()->isListing(), kTimeoutMs);
    QVERIFY2(keyboardProblems(&dialog).isEmpty(), qPrintable(keyboardProblems(&dialog)));
    auto *formats = dialog.findChild<QComboBox *>(QStringLiteral("inputFormat"));
    formats->setCurrentIndex(formats->findData(QStringLiteral("CSV")));
    dialog.findChild<QCheckBox *>(QStringLiteral("onDemand"))->setChecked(false);
    QVERIFY(dialog.findChild<QWidget *>(QStringLiteral("csvDelimiter"))->isVisible());
    QVERIFY(dialog.findChild<QWidget *>(QStringLiteral("readCapacity"))->isVisible());
    QVERIFY2(keyboardProblems(&dialog).isEmpty(), qPrintable(keyboardProblems(&dialog)));
    const QStringList shown{QStringLiteral("bucketCombo"), QStringLiteral("newBucket"), QStringLiteral("importPrefix"),
                            QStringLiteral("inputFormat"), QStringLiteral("compression"), QStringLiteral("csvDelimiter"),
                            QStringLiteral("csvHeaders"), QStringLiteral("importTableName"), QStringLiteral("partitionKey"),
                            QStringLiteral("partitionKeyType"), QStringLiteral("sortKey"), QStringLiteral("sortKeyType"),
                            QStringLiteral("onDemand"), QStringLiteral("readCapacity"), QStringLiteral("writeCapacity"),
                            QStringLiteral("startImport")};
    QCOMPARE(tabOrder(&dialog, shown), shown);
}

void TestPalettesAndForms::resourcePolicyDialogKeyboard()
{
    auto connection = uitest::inMemoryConnection();
    uitest::createTable(*connection, QStringLiteral("orders"), QStringLiteral("pk"));
    ResourcePolicyDialog dialog(connection.get(), QStringLiteral("orders"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isDescribed() && dialog.isLoaded() && !dialog.isBusy(), kTimeoutMs);
    QVERIFY2(keyboardProblems(&dialog).isEmpty(), qPrintable(keyboardProblems(&dialog)));
    const QStringList shown{QStringLiteral("policyOfTable"), QStringLiteral("policyOfStream"), QStringLiteral("formatPolicy"),
                            QStringLiteral("policyTemplates"), QStringLiteral("policyEditor"), QStringLiteral("deletePolicy"),
                            QStringLiteral("reloadPolicy"), QStringLiteral("savePolicy")};
    QCOMPARE(tabOrder(&dialog, shown), shown);
}

// Creating the copy, and copying into an existing table (the other field in the table's row).
void TestPalettesAndForms::tableCopyDialogKeyboard()
{
    auto connection = uitest::inMemoryConnection();
    uitest::createTable(*connection, QStringLiteral("orders"), QStringLiteral("pk"));
    TableCopyDialog dialog(connection.get(), QStringLiteral("orders"), {connection.get()});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded(), kTimeoutMs);
    QVERIFY2(keyboardProblems(&dialog).isEmpty(), qPrintable(keyboardProblems(&dialog)));
    dialog.findChild<QRadioButton *>(QStringLiteral("intoExisting"))->setChecked(true);
    QVERIFY(dialog.findChild<QWidget *>(QStringLiteral("existingTable"))->isVisible());
    QVERIFY2(keyboardProblems(&dialog).isEmpty(), qPrintable(keyboardProblems(&dialog)));
    const QStringList shown{QStringLiteral("targetConnection"), QStringLiteral("targetRegion"), QStringLiteral("createTarget"),
                            QStringLiteral("intoExisting"), QStringLiteral("targetTableName"), QStringLiteral("existingTable"),
                            QStringLiteral("segments"), QStringLiteral("copyTimeToLive"), QStringLiteral("startCopy")};
    QCOMPARE(tabOrder(&dialog, shown), shown);
}

QTEST_MAIN(TestPalettesAndForms)
// The query bar's Tab goes along its first row, then down the form below
// it (it went into the form first, and to Projection before Names).
void TestPalettesAndForms::queryBarTabOrder()
{
    QueryBar bar;
    bar.setRaw(true);
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    const QStringList shown{QStringLiteral("mode"),        QStringLiteral("index"),     QStringLiteral("pageSize"),
                            QStringLiteral("descending"),  QStringLiteral("consistent"), QStringLiteral("rawToggle"),
                            QStringLiteral("run"),         QStringLiteral("keyCondition"), QStringLiteral("filter"),
                            QStringLiteral("names"),       QStringLiteral("values"),    QStringLiteral("projection")};
    QCOMPARE(tabOrder(&bar, shown), shown);
}

#include "tst_palettesandforms.moc"
