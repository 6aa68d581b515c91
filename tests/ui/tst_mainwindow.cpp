// The main window's own flows, driven as the connection tree's context menu
// drives them (its signals) and through the window's public API: a tab per
// table and feature that follows its connection, Delete table after the
// confirmation, serving an embedded database to another connection, and
// Compact data folder… (the connection closed, its folder compacted with
// progress, then opened again with its tables), and a data folder opened
// in the background.
#include "servers.h"
#include "uitest.h"

#include "backups/historyview.h"
#include "backups/restoredialog.h"
#include "browser/itemtablemodel.h"
#include "browser/tablebrowser.h"
#include "connections/connectiondialog.h"
#include "connections/connectiontree.h"
#include "designer/tabledesigner.h"
#include "exports/exportdialog.h"
#include "exports/importdialog.h"
#include "items/conflictdialog.h"
#include "items/itemeditor.h"
#include "streams/triggerdialog.h"
#include "mainwindow/appstartup.h"
#include "mainwindow/mainwindow.h"
#include "transactions/transactionbuilder.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QLabel>
#include <QMenuBar>
#include <QTranslator>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>

using namespace dd;
using namespace dd::ui;

namespace {

// An item editor for a new item of the "orders" table (pk, sk: strings).
ItemEditor *newOrderEditor(Connection *c, QWidget *parent)
{
    TableKeys keys;
    keys.partition = QStringLiteral("pk");
    keys.partitionType = QStringLiteral("S");
    keys.sort = QStringLiteral("sk");
    keys.sortType = QStringLiteral("S");
    return new ItemEditor(c, QStringLiteral("orders"), keys, ItemEditor::Mode::New, QJsonObject(), parent);
}

// Answers every message box that opens with `button` (its text kept in
// `texts`), until destroyed: QMessageBox::question() and information() block
// in their own event loop, which this timer runs inside.
class MessageBoxAnswerer {
public:
    explicit MessageBoxAnswerer(QMessageBox::StandardButton button)
    {
        QObject::connect(&m_timer, &QTimer::timeout, [this, button] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                auto *box = qobject_cast<QMessageBox *>(w);
                if (!box || !box->isVisible() || m_answered.contains(box))
                    continue;
                m_answered << box;
                texts << box->text();
                QAbstractButton *b = box->button(button);
                if (!b)
                    b = box->button(QMessageBox::Ok);
                if (b)
                    b->click();
            }
        });
        m_timer.start(20);
    }
    QStringList texts;

private:
    QTimer m_timer;
    QList<QPointer<QMessageBox>> m_answered;
};

QStringList tableNames(Connection &c)
{
    const auto r = c.callSync(QStringLiteral("ListTables"), QJsonObject());
    QStringList names;
    for (const QJsonValue &v : r.body.value(QStringLiteral("TableNames")).toArray())
        names << v.toString();
    return names;
}

QString payload(int bytes) { return QString(bytes, QLatin1Char('x')); }


} // namespace

// The app's translation for `language` (none for an empty one) while it lives.
class Language {
public:
    explicit Language(const QString &language)
    {
        if (language.isEmpty())
            return;
        m_ok = m_translator.load(QLocale(language), QStringLiteral("dynamodesk"), QStringLiteral("_"), QStringLiteral(":/i18n"));
        QApplication::installTranslator(&m_translator);
    }
    ~Language() { QApplication::removeTranslator(&m_translator); }
    bool ok() const { return m_ok; }

private:
    QTranslator m_translator;
    bool m_ok = true;
};

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void tabsFollowTheirConnection()
    {
        MainWindow window;
        window.setRememberConnections(false);
        Connection *a = window.addConnection(uitest::inMemoryConnection());
        Connection *b = window.addConnection(uitest::inMemoryConnection());
        uitest::createTable(*a, QStringLiteral("orders"), QStringLiteral("pk"));
        uitest::createTable(*b, QStringLiteral("orders"), QStringLiteral("pk"));
        QCOMPARE(window.tree()->topLevelItemCount(), 2);

        // The tree's "open" of a table opened once is its tab again.
        emit window.tree()->openTableRequested(a, QStringLiteral("orders"));
        TableBrowser *first = window.currentBrowser();
        QVERIFY(first);
        QCOMPARE(first->connection(), a);
        emit window.tree()->openTableRequested(a, QStringLiteral("orders"));
        QCOMPARE(window.tabs()->count(), 1);
        QCOMPARE(window.currentBrowser(), first);
        // The same table of another connection is a tab of its own.
        TableBrowser *other = window.openTable(b, QStringLiteral("orders"));
        QVERIFY(other && other != first);
        QCOMPARE(window.tabs()->count(), 2);
        emit window.tree()->historyRequested(a, QStringLiteral("orders"));
        QVERIFY(qobject_cast<HistoryView *>(window.tabs()->currentWidget()));
        QVERIFY(window.openTransactionBuilder(a));
        QCOMPARE(window.tabs()->count(), 4);
        // Its windows: a designer of a new table and one of a table, and a
        // dialog; the same dialog asked for again is the open one.
        QPointer<TableDesigner> designer = window.newTable(a);
        QPointer<TableDesigner> editor = window.editTable(a, QStringLiteral("orders"));
        QPointer<TableDesigner> otherDesigner = window.newTable(b);
        QPointer<ExportDialog> exportDialog = window.openExport(a, QStringLiteral("orders"));
        QVERIFY(designer && editor && otherDesigner && exportDialog);
        QCOMPARE(window.openExport(a, QStringLiteral("orders")), exportDialog.data());
        QVERIFY(window.openExport(b, QStringLiteral("orders")) != exportDialog.data());

        // Closing a connection closes its tabs and windows, and only those
        // (a designer left open used the connection after it was gone).
        QPointer<QWidget> kept = other;
        emit window.tree()->closeConnectionRequested(a);
        QCOMPARE(window.tabs()->count(), 1);
        QCOMPARE(window.tabs()->widget(0), kept.data());
        QVERIFY(!designer && !editor && !exportDialog);
        QVERIFY(otherDesigner);
        QCOMPARE(window.connections().size(), size_t(1));
        QCOMPARE(window.connections().front().get(), b);
        QCOMPARE(window.tree()->topLevelItemCount(), 1);
    }

    // A table whose DescribeTable fails (here an IAM-like refusal; on AWS
    // also throttling) stays in the tree, marked, with the error; one that
    // is gone (ResourceNotFound) drops out.
    void treeKeepsTablesItCannotDescribe()
    {
        class Refusing : public dd::client::Client {
        public:
            explicit Refusing(std::shared_ptr<dd::client::Client> inner) : m_inner(std::move(inner)) {}
            QFuture<dd::client::ApiResponse> call(const QString &operation, const QJsonObject &request) override
            {
                return QtFuture::makeReadyFuture(callSync(operation, request));
            }
            dd::client::ApiResponse callSync(const QString &operation, const QJsonObject &request) override
            {
                if (operation == QLatin1String("ListTables")) {
                    dd::client::ApiResponse r = m_inner->callSync(operation, request);
                    QJsonArray names = r.body.value(QStringLiteral("TableNames")).toArray();
                    names.append(QStringLiteral("vanished")); // deleted before its DescribeTable
                    r.body.insert(QStringLiteral("TableNames"), names);
                    return r;
                }
                const QString table = request.value(QStringLiteral("TableName")).toString();
                if (operation == QLatin1String("DescribeTable") && table == QLatin1String("secret")) {
                    dd::client::ApiResponse r;
                    r.error = dd::ApiError::accessDenied(QStringLiteral("not authorized to perform: dynamodb:DescribeTable"));
                    return r;
                }
                return m_inner->callSync(operation, request);
            }
            QString region() const override { return m_inner->region(); }
            QString displayName() const override { return QStringLiteral("refusing"); }

        private:
            std::shared_ptr<dd::client::Client> m_inner;
        };
        auto source = uitest::inMemoryConnection();
        uitest::createTable(*source, QStringLiteral("open"), QStringLiteral("pk"));
        uitest::createTable(*source, QStringLiteral("secret"), QStringLiteral("pk"));
        Connection refusing(source->settings(), std::make_shared<Refusing>(source->sharedClient()));
        ConnectionTree tree;
        QSignalSpy listed(&tree, &ConnectionTree::tablesListed);
        tree.addConnection(&refusing);
        QVERIFY(listed.wait(5000));
        QVERIFY(tree.tableItem(&refusing, QStringLiteral("open")));
        QVERIFY(!tree.tableItem(&refusing, QStringLiteral("vanished")));
        QTreeWidgetItem *secret = tree.tableItem(&refusing, QStringLiteral("secret"));
        QVERIFY(secret);
        QVERIFY2(secret->toolTip(0).contains(QLatin1String("AccessDeniedException")), qPrintable(secret->toolTip(0)));
        tree.removeConnection(&refusing);
    }

    // Closing a table tab while it imports asks first; "Stop and close"
    // stops the import (it went on unseen before), Cancel keeps the tab.
    void closingABusyTabAsksAndStopsItsJob()
    {
        MainWindow window;
        window.setRememberConnections(false);
        Connection *c = window.addConnection(uitest::inMemoryConnection());
        uitest::createTable(*c, QStringLiteral("big"), QStringLiteral("pk"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        constexpr int kItems = 200000;
        for (int i = 0; i < kItems; ++i)
            file.write(QStringLiteral("{\"pk\":{\"S\":\"k%1\"},\"v\":{\"S\":\"%2\"}}\n").arg(i).arg(QString(60, QLatin1Char('x'))).toUtf8());
        file.close();
        TableBrowser *browser = window.openTable(c, QStringLiteral("big"));
        QVERIFY(browser);
        // It takes the file once the table is described.
        QTRY_VERIFY_WITH_TIMEOUT((browser->importJsonLines(path), browser->isImporting()), 5000);
        const auto count = [c] {
            return c->callSync(QStringLiteral("Scan"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("big")},
                                                                   {QStringLiteral("Select"), QStringLiteral("COUNT")}})
                .body.value(QStringLiteral("Count")).toInt();
        };
        const int index = window.tabs()->indexOf(browser);
        emit window.tabs()->tabCloseRequested(index);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("confirmCloseBusyTab"))) != nullptr);
        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
        QCOMPARE(window.tabs()->indexOf(browser), index);
        emit window.tabs()->tabCloseRequested(index);
        QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("confirmCloseBusyTab"))) != nullptr && box->isVisible());
        QPointer<TableBrowser> closing = browser;
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        QTRY_VERIFY(!closing);
        // The import stops at its next batch: the count settles below the file's.
        int before = count();
        for (int settled = 0; settled < 3;) {
            QTest::qWait(300);
            const int now = count();
            settled = now == before ? settled + 1 : 0;
            before = now;
        }
        QVERIFY2(before < kItems, qPrintable(QString::number(before)));
    }

    // Every label with a mnemonic leads somewhere, in the window, its tabs
    // and its dialogs (the connection dialog's "&Data folder:" did not).
    void everyMnemonicLabelHasABuddy()
    {
        MainWindow window;
        window.setRememberConnections(false);
        Connection *c = window.addConnection(uitest::inMemoryConnection());
        uitest::createTable(*c, QStringLiteral("orders"), QStringLiteral("pk"), QStringLiteral("sk"));
        window.openTable(c, QStringLiteral("orders"));
        window.openHistory(c, QStringLiteral("orders"));
        window.openTransactionBuilder(c);
        window.openStreamViewer(c, QStringLiteral("orders"));
        TableDesigner *designer = window.newTable(c);
        QVERIFY(designer);
        ConnectionDialog dialog(&window);
        QPointer<ItemEditor> editor = newOrderEditor(c, &window);
        RestoreDialog restore(QStringLiteral("orders"), QStringLiteral("orders-restored"), &window);
        TriggerDialog trigger(QStringLiteral("orders"), &window);
        ConflictDialog conflict({{QStringLiteral("pk"), uitest::S(QStringLiteral("a"))}}, {{QStringLiteral("pk"), uitest::S(QStringLiteral("b"))}}, &window);
        for (const QWidget *w : std::initializer_list<const QWidget *>{&window, designer, &dialog, editor.data(), &restore, &trigger, &conflict})
            QVERIFY2(uitest::labelsWithoutBuddy(w).isEmpty(), qPrintable(uitest::labelsWithoutBuddy(w).join(QLatin1String(", "))));
    }

    // No two controls shown together share a mnemonic, in English, German
    // and Japanese: in each window and dialog (each tab of the designer) and
    // in each menu of the menu bar.
    void mnemonicsDoNotClash_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QString();
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("ja") << QStringLiteral("ja");
    }

    void mnemonicsDoNotClash()
    {
        QFETCH(QString, language);
        const Language installed(language);
        QVERIFY(installed.ok());
        MainWindow window;
        window.setRememberConnections(false);
        Connection *c = window.addConnection(uitest::inMemoryConnection());
        uitest::createTable(*c, QStringLiteral("orders"), QStringLiteral("pk"), QStringLiteral("sk"));
        window.show();
        QStringList clashes;
        const auto check = [&clashes](const QWidget *w, const QList<QMenu *> &menus = {}) {
            for (const QString &clash : uitest::mnemonicClashes(w, menus))
                clashes << w->objectName() + QLatin1String(" ") + clash;
        };
        QList<QMenu *> menus;
        for (QAction *a : window.menuBar()->actions())
            if (a->menu())
                menus << a->menu();
        window.openTable(c, QStringLiteral("orders"));
        check(&window, menus);
        window.openTransactionBuilder(c);
        check(&window);
        window.openStreamViewer(c, QStringLiteral("orders"));
        check(&window);
        TableDesigner *designer = window.newTable(c);
        QVERIFY(designer);
        designer->show();
        for (QTabWidget *tabs : designer->findChildren<QTabWidget *>()) {
            for (int i = 0; i < tabs->count(); ++i) {
                tabs->setCurrentIndex(i);
                check(designer);
            }
        }
        ConnectionDialog dialog(&window);
        dialog.show();
        check(&dialog);
        QPointer<ItemEditor> editor = newOrderEditor(c, &window);
        editor->show();
        check(editor.data());
        ConflictDialog conflict({{QStringLiteral("pk"), uitest::S(QStringLiteral("a"))}}, {{QStringLiteral("pk"), uitest::S(QStringLiteral("b"))}}, &window);
        conflict.show();
        check(&conflict);
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1String("\n"))));
    }

    // Forms inside forms (the connection dialog's page for each kind) and
    // forms one above another (the import dialog's two groups) start their
    // fields at one x, in English and in German, whose labels are longer.
    void formFieldsLineUp_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QString();
        QTest::newRow("de") << QStringLiteral("de");
    }

    void formFieldsLineUp()
    {
        QFETCH(QString, language);
        const Language installed(language);
        QVERIFY(installed.ok());
        const auto left = [](const QWidget *w) { return w->mapTo(w->window(), QPoint(0, 0)).x(); };

        ConnectionDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *kind = dialog.findChild<QWidget *>(QStringLiteral("kind"));
        auto *region = dialog.findChild<QWidget *>(QStringLiteral("region"));
        auto *dataDir = dialog.findChild<QWidget *>(QStringLiteral("dataDir"));
        auto *passphrase = dialog.findChild<QWidget *>(QStringLiteral("passphrase"));
        QVERIFY(kind && region && dataDir && passphrase);
        QCOMPARE(left(dataDir), left(kind));
        QCOMPARE(left(passphrase), left(kind));
        QCOMPARE(left(region), left(kind));

        MainWindow window;
        window.setRememberConnections(false);
        Connection *c = window.addConnection(uitest::inMemoryConnection());
        ImportDialog import(c);
        import.show();
        QVERIFY(QTest::qWaitForWindowExposed(&import));
        auto *prefix = import.findChild<QWidget *>(QStringLiteral("importPrefix"));
        auto *tableName = import.findChild<QWidget *>(QStringLiteral("importTableName"));
        QVERIFY(prefix && tableName);
        QCOMPARE(left(tableName), left(prefix));
    }

    // English speaks in plurals ("1 item", "2 items") though the sources
    // say "%n item(s)", for --lang en and for a locale without words of its own.
    void englishPluralForms()
    {
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("eo")}) {
            QCOMPARE(installTranslations(*qApp, language), language == QLatin1String("en")); // none of Esperanto's own
            QCOMPARE(QCoreApplication::translate("dd::ui::PartiqlEditor", "%n item(s)", nullptr, 1), QStringLiteral("1 item"));
            QCOMPARE(QCoreApplication::translate("dd::ui::PartiqlEditor", "%n item(s)", nullptr, 2), QStringLiteral("2 items"));
            for (QTranslator *t : qApp->findChildren<QTranslator *>()) {
                QApplication::removeTranslator(t);
                delete t;
            }
            QCOMPARE(QCoreApplication::translate("dd::ui::PartiqlEditor", "%n item(s)", nullptr, 2), QStringLiteral("2 item(s)"));
        }
    }

    void deleteTableAfterConfirmation()
    {
        MainWindow window;
        window.setRememberConnections(false);
        Connection *c = window.addConnection(uitest::inMemoryConnection());
        uitest::createTable(*c, QStringLiteral("doomed"), QStringLiteral("pk"));
        uitest::createTable(*c, QStringLiteral("kept"), QStringLiteral("pk"));
        window.openTable(c, QStringLiteral("doomed"));
        window.openHistory(c, QStringLiteral("doomed"));
        window.openTable(c, QStringLiteral("kept"));
        QCOMPARE(window.tabs()->count(), 3);

        // Cancel (the default button) changes nothing.
        emit window.tree()->deleteTableRequested(c, QStringLiteral("doomed"));
        QMessageBox *box = window.findChild<QMessageBox *>(QStringLiteral("confirmDeleteTable"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        QVERIFY(box->text().contains(QLatin1String("doomed")));
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!window.findChild<QMessageBox *>(QStringLiteral("confirmDeleteTable")));
        QCOMPARE(window.tabs()->count(), 3);
        QCOMPARE(tableNames(*c), (QStringList{QStringLiteral("doomed"), QStringLiteral("kept")}));

        // Yes closes the table's tabs and deletes it; the other table stays.
        emit window.tree()->deleteTableRequested(c, QStringLiteral("doomed"));
        box = window.findChild<QMessageBox *>(QStringLiteral("confirmDeleteTable"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        box->button(QMessageBox::Yes)->click();
        QTRY_COMPARE(tableNames(*c), QStringList{QStringLiteral("kept")});
        QCOMPARE(window.tabs()->count(), 1);
        auto *left = qobject_cast<TableBrowser *>(window.tabs()->widget(0));
        QVERIFY(left);
        QCOMPARE(left->tableName(), QStringLiteral("kept"));
    }

    void servesAnEmbeddedDatabaseToAnotherConnection()
    {
        MainWindow window;
        window.setRememberConnections(false);
        ConnectionSettings settings;
        settings.inMemory = true;
        settings.port = 0; // a free port
        Connection *embedded = window.openConnection(settings);
        QVERIFY(embedded);
        uitest::createTable(*embedded, QStringLiteral("served"), QStringLiteral("pk"));
        uitest::put(*embedded, QStringLiteral("served"), {{QStringLiteral("pk"), uitest::S(QStringLiteral("k1"))}});

        auto *label = window.statusBar()->findChild<QLabel *>(QStringLiteral("servingLabel"));
        QVERIFY(label);
        QVERIFY(label->text().isEmpty());
        emit window.tree()->serveRequested(embedded, true);
        QVERIFY(embedded->isServing());
        const quint16 port = embedded->servingPort();
        QVERIFY(port != 0);
        QVERIFY2(label->text().contains(QStringLiteral("http://127.0.0.1:%1").arg(port)), qPrintable(label->text()));

        // Another connection, over HTTP, sees the same data. The endpoint
        // answers on this thread's event loop: wait for the future, do not block.
        ConnectionSettings remote;
        remote.kind = ConnectionSettings::Kind::Endpoint;
        remote.url = QStringLiteral("http://127.0.0.1:%1").arg(port);
        Connection *http = window.openConnection(remote);
        QVERIFY(http);
        QFuture<client::ApiResponse> got = http->call(QStringLiteral("GetItem"),
                                                      {{QStringLiteral("TableName"), QStringLiteral("served")},
                                                       {QStringLiteral("Key"), QJsonObject{{QStringLiteral("pk"), uitest::S(QStringLiteral("k1"))}}}});
        QTRY_VERIFY_WITH_TIMEOUT(got.isFinished(), 10000);
        QVERIFY2(got.result().ok(), qPrintable(dd::ui::errorText(got.result())));
        QCOMPARE(got.result().body.value(QStringLiteral("Item")).toObject().value(QStringLiteral("pk")).toObject(),
                 uitest::S(QStringLiteral("k1")));

        emit window.tree()->serveRequested(embedded, false);
        QVERIFY(!embedded->isServing());
        QTRY_VERIFY(label->text().isEmpty());
        QFuture<client::ApiResponse> refused = http->call(QStringLiteral("ListTables"), QJsonObject());
        QTRY_VERIFY_WITH_TIMEOUT(refused.isFinished(), 30000);
        QVERIFY(!refused.result().ok());
    }

    // An endpoint that checks signatures (dynamodesk-server --auth): a
    // connection signs with the keys of the profile it names; without one,
    // the local keys are refused with AWS's error.
    void endpointKeysFromAProfile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString users = dir.filePath(QStringLiteral("users.json"));
        const QString credentials = dir.filePath(QStringLiteral("credentials"));
        for (const auto &[path, text] : {std::pair{users, QByteArray("{\"Users\":[{\"UserName\":\"app\",\"AccessKeyId\":\"AKIDAPP\",\"SecretAccessKey\":\"app-secret\"}]}")},
                                         std::pair{credentials, QByteArray("[signed]\naws_access_key_id = AKIDAPP\naws_secret_access_key = app-secret\n")}}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        }
        qputenv("AWS_SHARED_CREDENTIALS_FILE", credentials.toLocal8Bit());
        qputenv("AWS_CONFIG_FILE", dir.filePath(QStringLiteral("config")).toLocal8Bit());
        uitest::ServerProcess server;
        QString error;
        QVERIFY2(server.startDynamodesk(&error, {QStringLiteral("--auth"), users}), qPrintable(error));
        MainWindow window;
        window.setRememberConnections(false);
        ConnectionSettings settings;
        settings.kind = ConnectionSettings::Kind::Endpoint;
        settings.url = server.url();
        settings.endpointProfile = QStringLiteral("signed");
        Connection *signedConnection = window.openConnection(settings);
        QVERIFY(signedConnection);
        settings.endpointProfile.clear();
        settings.name = QStringLiteral("unsigned");
        Connection *localKeys = window.openConnection(settings);
        QVERIFY(localKeys);
        QFuture<client::ApiResponse> ok = signedConnection->call(QStringLiteral("ListTables"), QJsonObject());
        QFuture<client::ApiResponse> refused = localKeys->call(QStringLiteral("ListTables"), QJsonObject());
        QTRY_VERIFY_WITH_TIMEOUT(ok.isFinished() && refused.isFinished(), 10000);
        QVERIFY2(ok.result().ok(), qPrintable(dd::ui::errorText(ok.result())));
        QVERIFY(!refused.result().ok());
        QCOMPARE(refused.result().error->type(), QStringLiteral("UnrecognizedClientException"));
        // A profile that does not exist: the connection is not opened, and says why.
        settings.endpointProfile = QStringLiteral("missing");
        QString why;
        QVERIFY(!Connection::open(settings, &why));
        QVERIFY2(why.contains(QStringLiteral("missing")), qPrintable(why));
        qunsetenv("AWS_SHARED_CREDENTIALS_FILE");
        qunsetenv("AWS_CONFIG_FILE");
    }

    void compactDataFolderReopensTheConnection()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window;
        window.setRememberConnections(false);
        ConnectionSettings settings;
        settings.dataDir = dir.path();
        Connection *c = window.openConnection(settings);
        QVERIFY(c);
        uitest::createTable(*c, QStringLiteral("kept"), QStringLiteral("pk"));
        uitest::createTable(*c, QStringLiteral("big"), QStringLiteral("pk"));
        for (int i = 0; i < 10; ++i)
            uitest::put(*c, QStringLiteral("kept"), {{QStringLiteral("pk"), uitest::S(QString::number(i))}});
        for (int i = 0; i < 1500; ++i)
            uitest::put(*c, QStringLiteral("big"), {{QStringLiteral("pk"), uitest::S(QString::number(i))},
                                                    {QStringLiteral("data"), uitest::S(payload(2000))}});
        QVERIFY(c->callSync(QStringLiteral("DeleteTable"), {{QStringLiteral("TableName"), QStringLiteral("big")}}).ok());
        window.openTable(c, QStringLiteral("kept"));
        QCOMPARE(window.tabs()->count(), 1);
        const qint64 before = uitest::folderBytes(dir.path());

        // Cancel at the question: nothing happens.
        {
            MessageBoxAnswerer answer(QMessageBox::No);
            emit window.tree()->compactRequested(c);
            QCOMPARE(answer.texts.size(), 1);
            QVERIFY(answer.texts.front().contains(dir.path()));
        }
        QCOMPARE(window.connections().size(), size_t(1));
        QCOMPARE(window.connections().front().get(), c);
        QCOMPARE(window.tabs()->count(), 1);

        // Yes: the connection and its tab close, the folder is compacted in
        // the background, and the folder opens again as a new connection.
        MessageBoxAnswerer answer(QMessageBox::Yes);
        emit window.tree()->compactRequested(c);
        QCOMPARE(window.tabs()->count(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(window.connections().size() == 1 && answer.texts.size() == 2, 60000);
        Connection *reopened = window.connections().front().get();
        QCOMPARE(reopened->settings().dataDir, dir.path());
        QCOMPARE(window.tree()->topLevelItemCount(), 1);
        QVERIFY2(answer.texts.at(1).startsWith(QLatin1String("Freed ")), qPrintable(answer.texts.at(1)));
        QCOMPARE(tableNames(*reopened), QStringList{QStringLiteral("kept")});
        const auto scan = reopened->callSync(QStringLiteral("Scan"), {{QStringLiteral("TableName"), QStringLiteral("kept")}});
        QCOMPARE(scan.body.value(QStringLiteral("Count")).toInt(), 10);
        const qint64 after = uitest::folderBytes(dir.path());
        QVERIFY2(after < before / 2, qPrintable(QStringLiteral("%1 -> %2 bytes").arg(before).arg(after)));
    }

    // New connection… opens a data folder off the GUI thread: the call
    // returns before the connection exists, which joins the tree once open;
    // a folder whose database cannot be opened gets a message naming the file.
    void opensADataFolderInTheBackground()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            ConnectionSettings first;
            first.dataDir = dir.path();
            QString error;
            auto c = Connection::open(first, &error);
            QVERIFY2(c, qPrintable(error));
            uitest::createTable(*c, QStringLiteral("there"), QStringLiteral("pk"));
        }
        MainWindow window;
        window.setRememberConnections(false);
        ConnectionSettings settings;
        settings.dataDir = dir.path();
        window.openConnectionInBackground(settings);
        QCOMPARE(window.connections().size(), size_t(0));
        QCOMPARE(window.connectionsOpening(), 1);
        QVERIFY(window.statusBar()->currentMessage().startsWith(QLatin1String("Opening ")));
        QTRY_COMPARE_WITH_TIMEOUT(window.connections().size(), size_t(1), 20000);
        QCOMPARE(window.connectionsOpening(), 0);
        QCOMPARE(window.tree()->topLevelItemCount(), 1);
        QCOMPARE(tableNames(*window.connections().front()), QStringList{QStringLiteral("there")});

        QTemporaryDir bad;
        {
            QFile junk(bad.filePath(QStringLiteral("us-east-1.db")));
            QVERIFY(junk.open(QIODevice::WriteOnly));
            junk.write(QByteArray("not a database. ").repeated(100));
        }
        ConnectionSettings broken;
        broken.dataDir = bad.path();
        window.openConnectionInBackground(broken);
        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = window.findChild<QMessageBox *>(QStringLiteral("connectionError"))) != nullptr && box->isVisible(), 20000);
        QVERIFY2(box->text().contains(bad.filePath(QStringLiteral("us-east-1.db"))), qPrintable(box->text()));
        QVERIFY2(box->text().contains(QLatin1String("file is not a database")), qPrintable(box->text()));
        box->close();
        QCOMPARE(window.connections().size(), size_t(1));
        QCOMPARE(window.connectionsOpening(), 0);
    }

    // What the start-up does with the saved connections: the folders open
    // one after another off the GUI thread and join the tree in the saved
    // order; one that cannot be opened says why without stopping the others;
    // and a save meanwhile keeps the ones still opening.
    void opensSavedConnectionsInOrderInTheBackground()
    {
        QTemporaryDir config;
        QVERIFY(config.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config.path());
        QTemporaryDir a, b, bad;
        QVERIFY(a.isValid() && b.isValid() && bad.isValid());
        for (const auto &[dir, table] : {std::pair{a.path(), QStringLiteral("inA")}, std::pair{b.path(), QStringLiteral("inB")}}) {
            ConnectionSettings s;
            s.dataDir = dir;
            QString error;
            auto c = Connection::open(s, &error);
            QVERIFY2(c, qPrintable(error));
            uitest::createTable(*c, table, QStringLiteral("pk"));
        }
        {
            QFile junk(bad.filePath(QStringLiteral("us-east-1.db")));
            QVERIFY(junk.open(QIODevice::WriteOnly));
            junk.write(QByteArray("not a database. ").repeated(100));
        }
        QList<ConnectionSettings> saved;
        for (const QString &dir : {a.path(), bad.path(), b.path()}) {
            ConnectionSettings s;
            s.dataDir = dir;
            s.name = QFileInfo(dir).fileName();
            saved << s;
        }

        MainWindow window;
        window.setRememberConnections(true);
        window.openConnectionsInBackground(saved);
        QCOMPARE(window.connectionsOpening(), 3);
        QCOMPARE(window.connections().size(), size_t(0));
        // A connection added now (no event has run, so none of the three has
        // joined yet) saves the list: the three still opening are in it.
        ConnectionSettings memory;
        memory.inMemory = true;
        QVERIFY(window.openConnection(memory));
        const auto savedDirs = [] {
            QSettings settings;
            QStringList dirs;
            for (const auto &s : ConnectionSettings::loadAll(settings))
                dirs << s.dataDir;
            return dirs;
        };
        QCOMPARE(savedDirs(), (QStringList{a.path(), bad.path(), b.path()}));

        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = window.findChild<QMessageBox *>(QStringLiteral("connectionError"))) != nullptr && box->isVisible(), 20000);
        QVERIFY2(box->text().contains(bad.filePath(QStringLiteral("us-east-1.db"))), qPrintable(box->text()));
        QTRY_COMPARE_WITH_TIMEOUT(window.connectionsOpening(), 0, 20000);
        box->close();
        QCOMPARE(window.connections().size(), size_t(3));
        QCOMPARE(window.tree()->topLevelItemCount(), 3);
        // The memory connection first (it joined first), then a and b in the saved order.
        QCOMPARE(window.connections()[1]->settings().dataDir, a.path());
        QCOMPARE(window.connections()[2]->settings().dataDir, b.path());
        QCOMPARE(tableNames(*window.connections()[1]), QStringList{QStringLiteral("inA")});
        QCOMPARE(tableNames(*window.connections()[2]), QStringList{QStringLiteral("inB")});
        QCOMPARE(window.tree()->topLevelItem(1)->text(0), saved[0].name);
        QCOMPARE(window.tree()->topLevelItem(2)->text(0), saved[2].name);
        // The folder that failed is no longer in the saved list.
        QCOMPARE(savedDirs(), (QStringList{a.path(), b.path()}));
        QVERIFY(window.statusBar()->currentMessage().isEmpty());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
