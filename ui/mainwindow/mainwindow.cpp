#include "mainwindow/mainwindow.h"

#include "backups/historyview.h"
#include "browser/tablebrowser.h"
#include "common/confirm.h"
#include "common/watchers.h"
#include "connections/compaction.h"
#include "connections/connection.h"
#include "connections/connectiondialog.h"
#include "connections/connectiontree.h"
#include "connections/encryptionchange.h"
#include "connections/encryptionprompts.h"
#include "dax/daxclustersdialog.h"
#include "designer/tabledesigner.h"
#include "exports/exportdialog.h"
#include "exports/importdialog.h"
#include "exports/jobsdialog.h"
#include "migration/tablecopydialog.h"
#include "partiql/partiqleditor.h"
#include "policies/resourcepolicydialog.h"
#include "replicas/replicasdialog.h"
#include "security/datadirkey.h"
#include "streams/streamviewer.h"
#include "transactions/transactionbuilder.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QtConcurrent>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>

namespace dd::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Dynamodesk"));
    setWindowIcon(QIcon(QStringLiteral(":/dynamodesk/icons/dynamodesk.svg")));

    m_tree = new ConnectionTree(this);
    auto *dock = new QDockWidget(tr("Connections"), this);
    dock->setObjectName(QStringLiteral("connectionsDock"));
    dock->setWidget(m_tree);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tableTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);

    m_lastOperation = new QLabel(this);
    m_lastOperation->setObjectName(QStringLiteral("lastOperation"));
    m_servingLabel = new QLabel(this);
    m_servingLabel->setObjectName(QStringLiteral("servingLabel"));
    statusBar()->addWidget(m_lastOperation, 1);
    statusBar()->addPermanentWidget(m_servingLabel);

    m_encryption = new EncryptionPrompts(this);
    createActions();
    dock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    menuBar()->actions().at(2)->menu()->addAction(dock->toggleViewAction());

    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_tree, &ConnectionTree::openTableRequested, this, &MainWindow::openTable);
    connect(m_tree, &ConnectionTree::newTableRequested, this, &MainWindow::newTable);
    connect(m_tree, &ConnectionTree::editTableRequested, this, &MainWindow::editTable);
    connect(m_tree, &ConnectionTree::deleteTableRequested, this, &MainWindow::confirmDeleteTable);
    connect(m_tree, &ConnectionTree::historyRequested, this, &MainWindow::openHistory);
    connect(m_tree, &ConnectionTree::replicasRequested, this, &MainWindow::openReplicas);
    connect(m_tree, &ConnectionTree::exportRequested, this, &MainWindow::openExport);
    connect(m_tree, &ConnectionTree::copyTableRequested, this, &MainWindow::openTableCopy);
    connect(m_tree, &ConnectionTree::resourcePolicyRequested, this, &MainWindow::openResourcePolicy);
    connect(m_tree, &ConnectionTree::importRequested, this, &MainWindow::openImport);
    connect(m_tree, &ConnectionTree::jobsRequested, this, &MainWindow::openJobs);
    connect(m_tree, &ConnectionTree::partiqlRequested, this, &MainWindow::openPartiqlEditor);
    connect(m_tree, &ConnectionTree::serveRequested, this, &MainWindow::setServing);
    connect(m_tree, &ConnectionTree::closeConnectionRequested, this, &MainWindow::closeConnection);
    connect(m_tree, &ConnectionTree::compactRequested, this, &MainWindow::compactDataFolder);
    connect(m_tree, &ConnectionTree::encryptRequested, m_encryption, &EncryptionPrompts::askToEncrypt);
    connect(m_tree, &ConnectionTree::changePassphraseRequested, m_encryption, &EncryptionPrompts::askToChangePassphrase);
    connect(m_tree, &ConnectionTree::decryptRequested, m_encryption, &EncryptionPrompts::askToDecrypt);
    connect(m_encryption, &EncryptionPrompts::changeChosen, this, &MainWindow::changeEncryption);
    connect(m_encryption, &EncryptionPrompts::unlockGiven, this, [this](const ConnectionSettings &settings, const QByteArray &secret) {
        setLeftClosed(settings, false); // opening: counted as pending meanwhile
        startOpening({Opening{settings, secret, true}});
    });
    connect(m_encryption, &EncryptionPrompts::unlockRefused, this, [this](const ConnectionSettings &settings) {
        statusBar()->showMessage(tr("%1 is not open: its data folder is encrypted and no passphrase was given.").arg(settings.displayName()));
    });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &MainWindow::updateServeAction);
    connect(&m_deleteTableWatcher, &QFutureWatcher<client::ApiResponse>::finished, this, [this] {
        const auto r = m_deleteTableWatcher.result();
        if (!r.ok())
            QMessageBox::warning(this, tr("Delete table"), tr("DynamoDB refused: %1").arg(r.error->message()));
    });

    QSettings settings;
    resize(1280, 800);
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
}

MainWindow::~MainWindow()
{
    stopWatcher(m_deleteTableWatcher);
    // Features hold Connection pointers: they go first.
    while (m_tabs->count() > 0) {
        QWidget *w = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete w;
    }
    // Direct children only: a dialog's own message box goes with it.
    for (auto *child : findChildren<QDialog *>(Qt::FindDirectChildrenOnly))
        delete child;
    for (const auto &c : m_connections)
        m_tree->removeConnection(c.get());
    m_connections.clear();
}

void MainWindow::createActions()
{
    auto make = [this](const QString &icon, const QString &text, const QKeySequence &key) {
        auto *a = new QAction(icon.isEmpty() ? QIcon() : QIcon(QStringLiteral(":/dynamodesk/icons/%1.svg").arg(icon)), text, this);
        if (!key.isEmpty()) {
            a->setShortcut(key);
            a->setToolTip(QStringLiteral("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')), key.toString(QKeySequence::NativeText)));
        }
        return a;
    };
    QAction *newConnectionAction = make(QStringLiteral("connection"), tr("New &connection…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(newConnectionAction, &QAction::triggered, this, &MainWindow::newConnection);
    QAction *closeTabAction = make(QString(), tr("&Close tab"), QKeySequence(QKeySequence::Close));
    connect(closeTabAction, &QAction::triggered, this, [this] {
        if (m_tabs->currentIndex() >= 0)
            closeTab(m_tabs->currentIndex());
    });
    QAction *quitAction = make(QString(), tr("&Quit"), QKeySequence(QKeySequence::Quit));
    connect(quitAction, &QAction::triggered, this, &QWidget::close);

    QAction *newTableAction = make(QStringLiteral("newtable"), tr("&New table…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    newTableAction->setObjectName(QStringLiteral("newTableAction"));
    connect(newTableAction, &QAction::triggered, this, [this] {
        if (Connection *c = m_tree->currentConnection())
            newTable(c);
    });
    QAction *editTableAction = make(QStringLiteral("newtable"), tr("&Edit table…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    editTableAction->setObjectName(QStringLiteral("editTableAction"));
    connect(editTableAction, &QAction::triggered, this, [this] {
        if (!m_tree->currentTable().isEmpty())
            editTable(m_tree->currentConnection(), m_tree->currentTable());
    });
    QAction *openTableAction = make(QStringLiteral("table"), tr("&Open table"), QKeySequence(Qt::CTRL | Qt::Key_O));
    connect(openTableAction, &QAction::triggered, this, [this] {
        if (!m_tree->currentTable().isEmpty())
            openTable(m_tree->currentConnection(), m_tree->currentTable());
    });
    QAction *refreshAction = make(QStringLiteral("refresh"), tr("&Refresh"), QKeySequence(QKeySequence::Refresh));
    connect(refreshAction, &QAction::triggered, this, [this] {
        m_tree->refreshAll();
        if (TableBrowser *b = currentBrowser())
            b->run();
    });
    QAction *deleteTableAction = make(QStringLiteral("delete"), tr("&Delete table…"), QKeySequence());
    connect(deleteTableAction, &QAction::triggered, this, [this] {
        if (!m_tree->currentTable().isEmpty())
            confirmDeleteTable(m_tree->currentConnection(), m_tree->currentTable());
    });
    QAction *transactionAction = make(QStringLiteral("run"), tr("&Transaction builder…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    transactionAction->setObjectName(QStringLiteral("transactionBuilderAction"));
    connect(transactionAction, &QAction::triggered, this, [this] {
        if (Connection *c = m_tree->currentConnection())
            openTransactionBuilder(c);
    });
    QAction *partiqlAction = make(QStringLiteral("run"), tr("&PartiQL editor…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    partiqlAction->setObjectName(QStringLiteral("partiqlEditorAction"));
    connect(partiqlAction, &QAction::triggered, this, [this] {
        Connection *c = m_tree->currentConnection();
        PartiqlEditor *editor = openPartiqlEditor(c);
        // The table chosen in the tree, unless the editor holds a statement already.
        if (editor && !m_tree->currentTable().isEmpty() && editor->statement().trimmed().isEmpty())
            openPartiqlEditor(c, m_tree->currentTable());
    });
    QAction *streamAction = make(QStringLiteral("refresh"), tr("&Stream viewer"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    streamAction->setObjectName(QStringLiteral("streamViewerAction"));
    connect(streamAction, &QAction::triggered, this, [this] {
        if (!m_tree->currentTable().isEmpty())
            openStreamViewer(m_tree->currentConnection(), m_tree->currentTable());
    });
    QAction *historyAction = make(QStringLiteral("history"), tr("Backups and &history"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    historyAction->setObjectName(QStringLiteral("historyAction"));
    connect(historyAction, &QAction::triggered, this, [this] {
        if (!m_tree->currentTable().isEmpty())
            openHistory(m_tree->currentConnection(), m_tree->currentTable());
    });
    QAction *replicasAction = make(QStringLiteral("region"), tr("&Global table…"), QKeySequence());
    replicasAction->setObjectName(QStringLiteral("replicasAction"));
    connect(replicasAction, &QAction::triggered, this, [this] {
        if (!m_tree->currentTable().isEmpty())
            openReplicas(m_tree->currentConnection(), m_tree->currentTable());
    });
    QAction *exportAction = make(QStringLiteral("export"), tr("E&xport to S3…"), QKeySequence());
    exportAction->setObjectName(QStringLiteral("exportAction"));
    connect(exportAction, &QAction::triggered, this, [this] {
        if (!m_tree->currentTable().isEmpty())
            openExport(m_tree->currentConnection(), m_tree->currentTable());
    });
    QAction *copyTableAction = make(QStringLiteral("copy"), tr("Cop&y table to…"), QKeySequence());
    copyTableAction->setObjectName(QStringLiteral("copyTableAction"));
    connect(copyTableAction, &QAction::triggered, this, [this] {
        if (!m_tree->currentTable().isEmpty())
            openTableCopy(m_tree->currentConnection(), m_tree->currentTable());
    });
    QAction *policyAction = make(QStringLiteral("key"), tr("Resource po&licy…"), QKeySequence());
    policyAction->setObjectName(QStringLiteral("resourcePolicyAction"));
    connect(policyAction, &QAction::triggered, this, [this] {
        if (!m_tree->currentTable().isEmpty())
            openResourcePolicy(m_tree->currentConnection(), m_tree->currentTable());
    });
    QAction *importAction = make(QStringLiteral("import"), tr("&Import from S3…"), QKeySequence());
    importAction->setObjectName(QStringLiteral("importAction"));
    connect(importAction, &QAction::triggered, this, [this] {
        if (Connection *c = m_tree->currentConnection())
            openImport(c);
    });
    QAction *jobsAction = make(QStringLiteral("export"), tr("Exports and i&mports…"), QKeySequence());
    jobsAction->setObjectName(QStringLiteral("jobsAction"));
    connect(jobsAction, &QAction::triggered, this, [this] {
        if (Connection *c = m_tree->currentConnection())
            openJobs(c);
    });
    QAction *daxAction = make(QStringLiteral("cache"), tr("D&AX clusters…"), QKeySequence());
    daxAction->setObjectName(QStringLiteral("daxAction"));
    connect(daxAction, &QAction::triggered, this, [this] {
        if (Connection *c = m_tree->currentConnection())
            openDaxClusters(c);
    });
    m_serveAction = make(QStringLiteral("serve"), tr("&Serve on 127.0.0.1"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_serveAction->setCheckable(true);
    connect(m_serveAction, &QAction::triggered, this, [this](bool on) {
        if (Connection *c = m_tree->currentConnection())
            setServing(c, on);
    });
    QAction *nextTab = make(QString(), tr("Next tab"), QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    connect(nextTab, &QAction::triggered, this, [this] {
        if (m_tabs->count())
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
    });
    QAction *previousTab = make(QString(), tr("Previous tab"), QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    connect(previousTab, &QAction::triggered, this, [this] {
        if (m_tabs->count())
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
    });
    QAction *focusTree = make(QString(), tr("Go to the connection tree"), QKeySequence(Qt::ALT | Qt::Key_1));
    connect(focusTree, &QAction::triggered, m_tree, [this] { m_tree->setFocus(); });

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(newConnectionAction);
    file->addAction(closeTabAction);
    file->addSeparator();
    file->addAction(quitAction);
    QMenu *table = menuBar()->addMenu(tr("&Table"));
    table->addAction(newTableAction);
    table->addAction(importAction);
    table->addAction(editTableAction);
    table->addAction(openTableAction);
    table->addAction(refreshAction);
    table->addAction(deleteTableAction);
    table->addSeparator();
    table->addAction(transactionAction);
    table->addAction(partiqlAction);
    table->addAction(streamAction);
    table->addAction(historyAction);
    table->addAction(replicasAction);
    table->addAction(exportAction);
    table->addAction(copyTableAction);
    table->addAction(policyAction);
    table->addAction(jobsAction);
    table->addAction(daxAction);
    table->addSeparator();
    table->addAction(m_serveAction);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(nextTab);
    view->addAction(previousTab);
    view->addAction(focusTree);
    QMenu *language = view->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(this);
    const QString chosen = QSettings().value(QStringLiteral("language")).toString();
    for (const auto &[code, name] : {std::pair{QString(), tr("System")}, std::pair{QStringLiteral("en"), QStringLiteral("English")},
                                     std::pair{QStringLiteral("de"), QStringLiteral("Deutsch")}, std::pair{QStringLiteral("ja"), QStringLiteral("日本語")}}) {
        QAction *a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == chosen);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] {
            QSettings().setValue(QStringLiteral("language"), code);
            statusBar()->showMessage(tr("The language changes when Dynamodesk starts again"), 5000);
        });
    }
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Dynamodesk"), this, [this] {
        QMessageBox::about(this, tr("About Dynamodesk"),
                           tr("<b>Dynamodesk %1</b><p>A desktop workbench and local emulator for Amazon DynamoDB.</p>")
                               .arg(QStringLiteral(DD_VERSION)));
    });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(20, 20));
    bar->addAction(newConnectionAction);
    bar->addAction(newTableAction);
    bar->addAction(refreshAction);
    bar->addAction(transactionAction);
    bar->addAction(partiqlAction);
    bar->addAction(streamAction);
    bar->addAction(historyAction);
    bar->addAction(m_serveAction);
    for (QAction *a : {nextTab, previousTab, focusTree})
        addAction(a);
}

Connection *MainWindow::addConnection(std::unique_ptr<Connection> connection)
{
    Connection *c = connection.get();
    if (c->settings().kind == ConnectionSettings::Kind::Embedded && !c->settings().inMemory)
        setLeftClosed(c->settings(), false);
    m_connections.push_back(std::move(connection));
    connect(c, &Connection::operationFinished, this, &MainWindow::onOperation);
    connect(c, &Connection::servingChanged, this, &MainWindow::updateServeAction);
    m_tree->addConnection(c);
    for (auto *dialog : findChildren<TableCopyDialog *>())
        dialog->addConnection(c);
    if (!m_tree->currentItem())
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    updateServeAction();
    saveConnections();
    return c;
}

Connection *MainWindow::openConnection(const ConnectionSettings &settings)
{
    QString error;
    auto connection = Connection::open(settings, &error);
    if (!connection) {
        showConnectionError(settings.displayName(), error);
        return nullptr;
    }
    return addConnection(std::move(connection));
}

void MainWindow::openConnectionsInBackground(const QList<ConnectionSettings> &list)
{
    QList<Opening> openings;
    for (const auto &s : list)
        openings.append(Opening{s, m_encryption->secrets().secret(s.dataFolder()), false});
    startOpening(openings);
}

void MainWindow::openConnectionInBackground(const ConnectionSettings &settings, const QByteArray &passphrase)
{
    if (passphrase.isEmpty())
        openConnectionsInBackground({settings});
    else
        startOpening({Opening{settings, passphrase, true}});
}

void MainWindow::startOpening(const QList<Opening> &list)
{
    if (list.isEmpty())
        return;
    QList<quint64> keys;
    for (const auto &o : list)
        keys << addPending(o.settings);
    using Opened = Result<std::shared_ptr<api::Engine>>;
    using security::DataDirKey;
    auto *watcher = new QFutureWatcher<Opened>(this);
    // One task opens the folders in order, so that the tree keeps the list's
    // order; each result arrives (in order) as soon as it is ready.
    connect(watcher, &QFutureWatcher<Opened>::resultReadyAt, this, [this, watcher, list, keys](int index) {
        const Opening &opening = list.at(index);
        const ConnectionSettings &settings = opening.settings;
        const Opened opened = watcher->resultAt(index);
        removePending(keys.at(index));
        if (!opened.ok()) {
            const QString type = opened.error().type();
            if (type == DataDirKey::keyRequiredError() || type == DataDirKey::wrongKeyError()) {
                if (!opening.given)
                    m_encryption->secrets().forget(settings.dataFolder()); // out of date (changed elsewhere)
                ConnectionSettings locked = settings;
                locked.encrypted = true; // whatever was saved: the server may have encrypted it
                setLeftClosed(locked, true);
                m_encryption->askToUnlock(locked, opening.given && type == DataDirKey::wrongKeyError());
                return;
            }
            showConnectionError(settings.displayName(), opened.error().message());
            return;
        }
        if (*opened) {
            Connection *c = addConnection(Connection::fromEngine(settings, *opened));
            // Open, so the secret was right: reopening does not ask again.
            if (c->settings().encrypted)
                m_encryption->secrets().remember(settings.dataFolder(), opening.secret);
            return;
        }
        QString error; // nothing on disk to read: an endpoint, AWS or an in-memory database
        if (auto connection = Connection::open(settings, &error))
            addConnection(std::move(connection));
        else
            showConnectionError(settings.displayName(), error);
    });
    connect(watcher, &QFutureWatcher<Opened>::finished, watcher, &QObject::deleteLater);
    watcher->setFuture(QtConcurrent::run([list](QPromise<Opened> &promise) {
        for (const auto &o : list) {
            const ConnectionSettings &s = o.settings;
            if (s.kind != ConnectionSettings::Kind::Embedded || s.inMemory) {
                promise.addResult(Opened(std::shared_ptr<api::Engine>()));
                continue;
            }
            // A secret makes a folder without data an encrypted one: only
            // the connection dialog's, for a folder chosen to be encrypted.
            const bool useSecret = DataDirKey::isEncrypted(s.dataFolder()) || (o.given && s.encrypted);
            promise.addResult(Connection::openEngine(s, useSecret ? o.secret : QByteArray()));
        }
    }));
}

void MainWindow::setLeftClosed(const ConnectionSettings &settings, bool leftClosed)
{
    const QString folder = settings.dataFolder();
    const auto before = m_leftClosed.size();
    m_leftClosed.removeIf([&folder](const ConnectionSettings &s) { return s.dataFolder() == folder; });
    if (leftClosed)
        m_leftClosed.append(settings);
    if (leftClosed || m_leftClosed.size() != before)
        saveConnections();
}

quint64 MainWindow::addPending(const ConnectionSettings &settings)
{
    const quint64 key = ++m_lastPendingKey;
    m_pending.emplace(key, settings);
    showOpening();
    return key;
}

void MainWindow::removePending(quint64 key)
{
    m_pending.erase(key);
    showOpening();
}

void MainWindow::showOpening()
{
    if (m_pending.empty())
        statusBar()->clearMessage();
    else
        statusBar()->showMessage(tr("Opening %1…").arg(m_pending.begin()->second.displayName()));
}

void MainWindow::showConnectionError(const QString &name, const QString &error)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot connect"), tr("Cannot open %1:\n%2").arg(name, error), QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("connectionError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::newConnection()
{
    ConnectionDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        openConnectionInBackground(dialog.settings(), dialog.passphrase());
}

void MainWindow::closeConnection(Connection *connection)
{
    // Each lets its call go on without it.
    for (auto *dialog : findChildren<ReplicasDialog *>())
        if (dialog->connection() == connection)
            delete dialog;
    for (auto *dialog : findChildren<ExportDialog *>())
        if (dialog->connection() == connection)
            delete dialog;
    for (auto *dialog : findChildren<ImportDialog *>())
        if (dialog->connection() == connection)
            delete dialog;
    for (auto *dialog : findChildren<JobsDialog *>())
        if (dialog->connection() == connection)
            delete dialog;
    for (auto *dialog : findChildren<DaxClustersDialog *>())
        if (dialog->connection() == connection)
            delete dialog;
    for (auto *dialog : findChildren<ResourcePolicyDialog *>())
        if (dialog->connection() == connection)
            delete dialog;
    for (auto *dialog : findChildren<TableCopyDialog *>())
        if (dialog->connection() == connection)
            delete dialog;
        else
            dialog->removeConnection(connection); // stops a copy into it
    for (int i = m_tabs->count() - 1; i >= 0; --i)
        if (tabConnection(i) == connection)
            closeTab(i);
    m_tree->removeConnection(connection);
    auto it = std::find_if(m_connections.begin(), m_connections.end(), [connection](const auto &c) { return c.get() == connection; });
    if (it != m_connections.end())
        m_connections.erase(it);
    m_regionConnections.remove(connection);
    updateServeAction();
    saveConnections();
}

void MainWindow::compactDataFolder(Connection *connection)
{
    const ConnectionSettings settings = connection->settings();
    const QString dir = settings.dataFolder();
    if (QMessageBox::question(this, tr("Compact data folder"),
                              tr("Compacting gives the space that deleted tables and items left inside the files of %1 back "
                                 "to the file system. It closes %2 and its tabs first and opens it again when it is done; "
                                 "while it runs, programs using the served database must wait.\n\nCompact now?")
                                  .arg(dir, connection->displayName()))
        != QMessageBox::Yes)
        return;
    auto cancel = newCancelFlag();
    auto *watcher = new QFutureWatcher<CompactionOutcome>(this);
    const quint64 pending = closeForFolderJob(connection, tr("Compact data folder"), tr("Compacting %1…").arg(dir), watcher, cancel);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, settings, dir, pending] {
        const CompactionOutcome out = watcher->future().takeResult(); // see changeEncryption()
        watcher->deleteLater();
        removePending(pending);
        if (!out.engine) {
            showConnectionError(dir, out.error);
            return;
        }
        addConnection(Connection::fromEngine(settings, out.engine));
        const QLocale locale;
        const QString summary = (out.canceled ? tr("Compaction cancelled.")
                                              : tr("Freed %1.").arg(locale.formattedDataSize(std::max<qint64>(0, out.bytesBefore - out.bytesAfter))))
                                + QLatin1Char('\n') + out.files.join(QLatin1Char('\n'));
        statusBar()->showMessage(out.files.join(QStringLiteral("; ")), 15000);
        QMessageBox::information(this, tr("Compact data folder"), summary);
    });
    watcher->setFuture(QtConcurrent::run(runCompaction, dir, std::shared_ptr<const std::atomic<bool>>(cancel),
                                         m_encryption->secrets().secret(dir)));
}

void MainWindow::changeEncryption(Connection *connection, const EncryptionChange &change)
{
    const ConnectionSettings settings = connection->settings();
    const QString dir = settings.dataFolder();
    QString title, label, done;
    switch (change.kind) {
    case EncryptionChange::Kind::Encrypt:
        title = tr("Encrypt data folder");
        label = tr("Encrypting %1…").arg(dir);
        done = tr("Encrypted the data folder %1").arg(dir);
        break;
    case EncryptionChange::Kind::ChangePassphrase:
        title = tr("Change passphrase");
        label = tr("Changing the passphrase of %1…").arg(dir);
        done = tr("Changed the passphrase of %1").arg(dir);
        break;
    case EncryptionChange::Kind::Decrypt:
        title = tr("Decrypt data folder");
        label = tr("Decrypting %1…").arg(dir);
        done = tr("Decrypted the data folder %1: it is stored in the clear").arg(dir);
        break;
    }
    auto *watcher = new QFutureWatcher<EncryptionOutcome>(this);
    const quint64 pending = closeForFolderJob(connection, title, label, watcher, {}); // no Cancel: see encryptionchange.h
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, settings, dir, change, pending, title, done] {
        // Taken from the future, not copied: no copy of the engine (and of
        // its lock on the folder) stays behind with the watcher.
        const EncryptionOutcome out = watcher->future().takeResult();
        watcher->deleteLater();
        removePending(pending);
        SessionSecrets &secrets = m_encryption->secrets();
        if (!out.engine) {
            if (out.errorType == security::DataDirKey::wrongKeyError()) {
                // Nothing was changed: the passphrase given as the current one is not.
                secrets.forget(dir);
                setLeftClosed(settings, true);
                statusBar()->showMessage(tr("%1: the passphrase does not open %2; nothing was changed.").arg(title, dir));
                m_encryption->askToUnlock(settings, true);
                return;
            }
            setLeftClosed(settings, true); // still saved: running it again finishes a conversion cut short
            showConnectionError(dir, out.error);
            return;
        }
        if (change.kind == EncryptionChange::Kind::Encrypt)
            secrets.remember(dir, change.secret);
        else if (change.kind == EncryptionChange::Kind::ChangePassphrase)
            secrets.remember(dir, change.newSecret);
        else
            secrets.forget(dir);
        addConnection(Connection::fromEngine(settings, out.engine));
        statusBar()->showMessage(done, 15000);
    });
    watcher->setFuture(QtConcurrent::run(runEncryptionChange, dir, change));
}

quint64 MainWindow::closeForFolderJob(Connection *connection, const QString &title, const QString &label, QFutureWatcherBase *watcher,
                                      CancelFlag cancel)
{
    const quint64 pending = addPending(connection->settings()); // still saved if the window closes meanwhile
    // Its engine holds the folder's lock, and so do other regions' connections over it (openRegion()).
    std::vector<Connection *> sharing;
    for (const auto &c : m_connections)
        if (c.get() != connection && c->engine() && c->engine() == connection->engine())
            sharing.push_back(c.get());
    for (Connection *c : sharing)
        closeConnection(c);
    closeConnection(connection);
    auto *dialog = new QProgressDialog(label, cancel ? tr("Cancel") : QString(), 0, 0, this);
    dialog->setObjectName(QStringLiteral("folderJobProgress"));
    dialog->setWindowTitle(title);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(0);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    if (cancel)
        connect(dialog, &QProgressDialog::canceled, this, [cancel] { cancel->store(true); });
    connect(watcher, &QFutureWatcherBase::progressRangeChanged, dialog, &QProgressDialog::setRange);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, dialog, &QProgressDialog::setValue);
    connect(watcher, &QFutureWatcherBase::progressTextChanged, dialog, &QProgressDialog::setLabelText);
    connect(watcher, &QFutureWatcherBase::finished, dialog, &QObject::deleteLater);
    return pending;
}

TableBrowser *MainWindow::openTable(Connection *connection, const QString &table)
{
    if (!connection || table.isEmpty())
        return nullptr;
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *b = qobject_cast<TableBrowser *>(m_tabs->widget(i));
        if (b && b->connection() == connection && b->tableName() == table) {
            m_tabs->setCurrentIndex(i);
            return b;
        }
    }
    auto *browser = new TableBrowser(connection, table, m_tabs);
    connect(browser, &TableBrowser::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    const int index = m_tabs->addTab(browser, QIcon(QStringLiteral(":/dynamodesk/icons/table.svg")), table);
    m_tabs->setTabToolTip(index, QStringLiteral("%1 — %2").arg(table, connection->displayName()));
    m_tabs->setCurrentIndex(index);
    browser->view()->setFocus();
    return browser;
}

TableDesigner *MainWindow::newTable(Connection *connection)
{
    if (!connection)
        return nullptr;
    auto *designer = new TableDesigner(connection, this);
    designer->setAttribute(Qt::WA_DeleteOnClose);
    connect(designer, &TableDesigner::tableCreated, this, [this, connection](const QString &table) {
        statusBar()->showMessage(tr("Created table %1").arg(table), 8000);
        openTable(connection, table);
    });
    designer->show();
    return designer;
}

TableDesigner *MainWindow::editTable(Connection *connection, const QString &table)
{
    if (!connection || table.isEmpty())
        return nullptr;
    auto *designer = new TableDesigner(connection, this);
    designer->setAttribute(Qt::WA_DeleteOnClose);
    connect(designer, &TableDesigner::tableUpdated, this, [this, connection](const QString &name) {
        statusBar()->showMessage(tr("Updated table %1").arg(name), 8000);
        m_tree->refresh(connection);
    });
    designer->editTable(table);
    designer->show();
    return designer;
}

TransactionBuilder *MainWindow::openTransactionBuilder(Connection *connection)
{
    if (!connection)
        return nullptr;
    auto *builder = new TransactionBuilder(connection, m_tabs);
    connect(builder, &TransactionBuilder::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    const int index = m_tabs->addTab(builder, QIcon(QStringLiteral(":/dynamodesk/icons/run.svg")), tr("Transaction"));
    m_tabs->setTabToolTip(index, tr("Transaction builder — %1").arg(connection->displayName()));
    m_tabs->setCurrentIndex(index);
    return builder;
}

PartiqlEditor *MainWindow::openPartiqlEditor(Connection *connection, const QString &table)
{
    if (!connection)
        return nullptr;
    PartiqlEditor *editor = nullptr;
    for (int i = 0; i < m_tabs->count() && !editor; ++i) {
        auto *e = qobject_cast<PartiqlEditor *>(m_tabs->widget(i));
        if (e && e->connection() == connection) {
            editor = e;
            m_tabs->setCurrentIndex(i);
        }
    }
    if (!editor) {
        editor = new PartiqlEditor(connection, m_tabs);
        connect(editor, &PartiqlEditor::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
        const int index = m_tabs->addTab(editor, QIcon(QStringLiteral(":/dynamodesk/icons/run.svg")), tr("PartiQL"));
        m_tabs->setTabToolTip(index, tr("PartiQL editor — %1").arg(connection->displayName()));
        m_tabs->setCurrentIndex(index);
    }
    if (!table.isEmpty())
        editor->setSelectFrom(table);
    editor->statementEdit()->setFocus();
    return editor;
}

StreamViewer *MainWindow::openStreamViewer(Connection *connection, const QString &table)
{
    if (!connection || table.isEmpty())
        return nullptr;
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *v = qobject_cast<StreamViewer *>(m_tabs->widget(i));
        if (v && v->connection() == connection && v->tableName() == table) {
            m_tabs->setCurrentIndex(i);
            return v;
        }
    }
    auto *viewer = new StreamViewer(connection, table, m_tabs);
    connect(viewer, &StreamViewer::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    const int index = m_tabs->addTab(viewer, QIcon(QStringLiteral(":/dynamodesk/icons/refresh.svg")), tr("Stream: %1").arg(table));
    m_tabs->setTabToolTip(index, QStringLiteral("%1 — %2").arg(table, connection->displayName()));
    m_tabs->setCurrentIndex(index);
    viewer->start();
    return viewer;
}

HistoryView *MainWindow::openHistory(Connection *connection, const QString &table)
{
    if (!connection || table.isEmpty())
        return nullptr;
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *v = qobject_cast<HistoryView *>(m_tabs->widget(i));
        if (v && v->connection() == connection && v->tableName() == table) {
            m_tabs->setCurrentIndex(i);
            return v;
        }
    }
    auto *view = new HistoryView(connection, table, m_tabs);
    connect(view, &HistoryView::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    connect(view, &HistoryView::openTableRequested, this, [this](Connection *c, const QString &t) {
        m_tree->refresh(c);
        openTable(c, t);
    });
    const int index = m_tabs->addTab(view, QIcon(QStringLiteral(":/dynamodesk/icons/history.svg")), tr("History: %1").arg(table));
    m_tabs->setTabToolTip(index, QStringLiteral("%1 — %2").arg(table, connection->displayName()));
    m_tabs->setCurrentIndex(index);
    view->timeline()->setFocus();
    return view;
}

ReplicasDialog *MainWindow::openReplicas(Connection *connection, const QString &table)
{
    if (!connection || table.isEmpty())
        return nullptr;
    for (auto *d : findChildren<ReplicasDialog *>()) {
        if (d->connection() == connection && d->tableName() == table) {
            d->show();
            d->raise();
            d->activateWindow();
            return d;
        }
    }
    auto *dialog = new ReplicasDialog(connection, table, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReplicasDialog::openRegionRequested, this,
            [this](Connection *c, const QString &region, const QString &t) { openRegion(c, region, t); });
    // Other regions' connections list the replica's table once it is there.
    connect(dialog, &ReplicasDialog::replicasChanged, m_tree, &ConnectionTree::refreshAll);
    dialog->show();
    return dialog;
}

ExportDialog *MainWindow::openExport(Connection *connection, const QString &table)
{
    if (!connection || table.isEmpty())
        return nullptr;
    for (auto *d : findChildren<ExportDialog *>()) {
        if (d->connection() == connection && d->tableName() == table) {
            d->show();
            d->raise();
            d->activateWindow();
            return d;
        }
    }
    auto *dialog = new ExportDialog(connection, table, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

ImportDialog *MainWindow::openImport(Connection *connection)
{
    if (!connection)
        return nullptr;
    for (auto *d : findChildren<ImportDialog *>()) {
        if (d->connection() == connection) {
            d->show();
            d->raise();
            d->activateWindow();
            return d;
        }
    }
    auto *dialog = new ImportDialog(connection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::importFinished, this, [this](Connection *c) { m_tree->refresh(c); });
    connect(dialog, &ImportDialog::openTableRequested, this, [this](Connection *c, const QString &table) {
        m_tree->refresh(c);
        openTable(c, table);
    });
    dialog->show();
    return dialog;
}

JobsDialog *MainWindow::openJobs(Connection *connection)
{
    if (!connection)
        return nullptr;
    for (auto *d : findChildren<JobsDialog *>()) {
        if (d->connection() == connection) {
            d->show();
            d->raise();
            d->activateWindow();
            d->refresh();
            return d;
        }
    }
    auto *dialog = new JobsDialog(connection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

TableCopyDialog *MainWindow::openTableCopy(Connection *connection, const QString &table)
{
    if (!connection || table.isEmpty())
        return nullptr;
    for (auto *d : findChildren<TableCopyDialog *>()) {
        if (d->connection() == connection && d->tableName() == table) {
            d->show();
            d->raise();
            d->activateWindow();
            return d;
        }
    }
    QList<Connection *> targets;
    for (const auto &c : m_connections)
        targets << c.get();
    auto *dialog = new TableCopyDialog(connection, table, targets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRegionOpener([this](Connection *c, const QString &region) { return openRegion(c, region); });
    connect(dialog, &TableCopyDialog::copied, this, [this](Connection *c) { m_tree->refresh(c); });
    connect(dialog, &TableCopyDialog::openTableRequested, this, [this](Connection *c, const QString &t) {
        m_tree->refresh(c);
        openTable(c, t);
    });
    dialog->show();
    return dialog;
}

ResourcePolicyDialog *MainWindow::openResourcePolicy(Connection *connection, const QString &table)
{
    if (!connection || table.isEmpty())
        return nullptr;
    for (auto *d : findChildren<ResourcePolicyDialog *>()) {
        if (d->connection() == connection && d->tableName() == table) {
            d->show();
            d->raise();
            d->activateWindow();
            return d;
        }
    }
    auto *dialog = new ResourcePolicyDialog(connection, table, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

DaxClustersDialog *MainWindow::openDaxClusters(Connection *connection)
{
    if (!connection)
        return nullptr;
    for (auto *d : findChildren<DaxClustersDialog *>()) {
        if (d->connection() == connection) {
            d->show();
            d->raise();
            d->activateWindow();
            return d;
        }
    }
    auto *dialog = new DaxClustersDialog(connection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

Connection *MainWindow::openRegion(Connection *connection, const QString &region, const QString &table)
{
    if (!connection || region.isEmpty())
        return nullptr;
    const ConnectionSettings &base = connection->settings();
    Connection *target = nullptr;
    for (const auto &c : m_connections)
        if (c->region() == region && c->sameDatabase(*connection))
            target = c.get();
    if (!target) {
        ConnectionSettings settings = base;
        settings.region = region;
        settings.serve = false; // one endpoint serves every region of the engine
        settings.name = QStringLiteral("%1 · %2").arg(connection->displayName(), region);
        std::unique_ptr<Connection> opened;
        QString error;
        if (auto engine = connection->sharedEngine())
            opened = Connection::fromEngine(settings, engine);
        else
            opened = Connection::open(settings, &error);
        if (!opened) {
            showConnectionError(settings.displayName(), error);
            return nullptr;
        }
        m_regionConnections.insert(opened.get()); // before addConnection() saves the list
        target = addConnection(std::move(opened));
        if (!table.isEmpty()) {
            // Its tables are listed in the background: select the table once they are.
            auto *once = new QObject(this);
            connect(m_tree, &ConnectionTree::tablesListed, once, [this, target, table, once](Connection *listed) {
                if (listed != target)
                    return;
                if (QTreeWidgetItem *item = m_tree->tableItem(target, table))
                    m_tree->setCurrentItem(item);
                once->deleteLater();
            });
        }
    }
    m_tree->setCurrentItem(m_tree->tableItem(target, table) ? m_tree->tableItem(target, table) : m_tree->connectionItem(target));
    if (!table.isEmpty())
        openTable(target, table);
    return target;
}

Connection *MainWindow::tabConnection(int index) const
{
    QWidget *w = m_tabs->widget(index);
    if (auto *b = qobject_cast<TableBrowser *>(w))
        return b->connection();
    if (auto *t = qobject_cast<TransactionBuilder *>(w))
        return t->connection();
    if (auto *e = qobject_cast<PartiqlEditor *>(w))
        return e->connection();
    if (auto *v = qobject_cast<StreamViewer *>(w))
        return v->connection();
    if (auto *h = qobject_cast<HistoryView *>(w))
        return h->connection();
    return nullptr;
}

TableBrowser *MainWindow::currentBrowser() const
{
    return qobject_cast<TableBrowser *>(m_tabs->currentWidget());
}

void MainWindow::closeTab(int index)
{
    QWidget *w = m_tabs->widget(index);
    m_tabs->removeTab(index);
    delete w; // drops the tab's jobs without waiting (common/watchers.h)
}

void MainWindow::setServing(Connection *connection, bool serve)
{
    if (!serve) {
        connection->stopServing();
        return;
    }
    QString error;
    if (!connection->startServing(connection->settings().port, &error))
        QMessageBox::warning(this, tr("Cannot serve"), tr("Cannot serve on 127.0.0.1:%1:\n%2").arg(connection->settings().port).arg(error));
    updateServeAction();
}

void MainWindow::updateServeAction()
{
    Connection *c = m_tree->currentConnection();
    m_serveAction->setEnabled(c && c->canServe());
    m_serveAction->setChecked(c && c->isServing());
    QStringList served;
    for (const auto &conn : m_connections)
        if (conn->isServing())
            served << QStringLiteral("http://127.0.0.1:%1").arg(conn->servingPort());
    m_servingLabel->setText(served.isEmpty() ? QString() : tr("Serving %1").arg(served.join(QLatin1String(", "))));
}

void MainWindow::confirmDeleteTable(Connection *connection, const QString &table)
{
    confirm(this, QMessageBox::Warning, tr("Delete table"), tr("Delete the table %1 and all its items? This cannot be undone.").arg(table),
            QStringLiteral("confirmDeleteTable"), [this, connection, table] {
        if (m_deleteTableWatcher.isRunning())
            return;
        for (int i = m_tabs->count() - 1; i >= 0; --i)
            if (auto *b = qobject_cast<TableBrowser *>(m_tabs->widget(i)); b && b->connection() == connection && b->tableName() == table)
                closeTab(i);
            else if (auto *v = qobject_cast<StreamViewer *>(m_tabs->widget(i)); v && v->connection() == connection && v->tableName() == table)
                closeTab(i);
            else if (auto *h = qobject_cast<HistoryView *>(m_tabs->widget(i)); h && h->connection() == connection && h->tableName() == table)
                closeTab(i);
        m_deleteTableWatcher.setFuture(connection->call(QStringLiteral("DeleteTable"), QJsonObject{{QStringLiteral("TableName"), table}}));
    });
}

void MainWindow::onOperation(const QString &operation, double latencyMs, double capacity, const QString &error)
{
    // Background listings (DescribeTable per table) and polls would drown the interesting calls.
    if (operation == QLatin1String("ListTables") || operation == QLatin1String("DescribeTable")
        || operation == QLatin1String("Dynamodesk.DescribeClusterMetrics"))
        return;
    QString text = QStringLiteral("%1 · %2 ms").arg(operation, QLocale().toString(latencyMs, 'f', 1));
    if (capacity >= 0)
        text += tr(" · %1 capacity units").arg(QLocale().toString(capacity, 'g', 6));
    if (!error.isEmpty())
        text += QStringLiteral(" · ") + error;
    m_lastOperation->setText(text);
    m_lastOperation->setToolTip(error);
}

void MainWindow::saveConnections()
{
    if (!m_remember)
        return;
    QList<ConnectionSettings> list;
    for (const auto &c : m_connections)
        if (!c->settings().inMemory && !m_regionConnections.contains(c.get()))
            list << c->settings();
    for (const auto &[key, s] : m_pending)
        if (!s.inMemory)
            list << s;
    list += m_leftClosed;
    QSettings settings;
    ConnectionSettings::saveAll(settings, list);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    QMainWindow::closeEvent(event);
}

} // namespace dd::ui
