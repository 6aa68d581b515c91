// MainWindow's frame: the dock, the tabs, the status bar, the actions with
// their menus and toolbar, serving, and deleting a table. Connections are
// opened and closed in mainwindow_connections.cpp, the features' tabs and
// dialogs opened in mainwindow_features.cpp.
#include "mainwindow/mainwindow.h"

#include "backups/historyview.h"
#include "browser/tablebrowser.h"
#include "common/confirm.h"
#include "common/watchers.h"
#include "connections/connection.h"
#include "connections/connectiontree.h"
#include "connections/encryptionprompts.h"
#include "insights/contributorinsightsview.h"
#include "mainwindow/tableviews.h"
#include "partiql/partiqleditor.h"
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
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
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

    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::requestCloseTab);
    connect(m_tree, &ConnectionTree::openTableRequested, this, &MainWindow::openTable);
    connect(m_tree, &ConnectionTree::newTableRequested, this, &MainWindow::newTable);
    connect(m_tree, &ConnectionTree::editTableRequested, this, &MainWindow::editTable);
    connect(m_tree, &ConnectionTree::deleteTableRequested, this, &MainWindow::confirmDeleteTable);
    connect(m_tree, &ConnectionTree::historyRequested, this, &MainWindow::openHistory);
    connect(m_tree, &ConnectionTree::contributorInsightsRequested, this, &MainWindow::openContributorInsights);
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
    for (auto &c : m_connections)
        Connection::retire(std::move(c));
    m_connections.clear();
    // The window is gone: the engines close before the app ends.
    Connection::waitForRetired();
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
    QAction *closeTabAction = make(QString(), tr("Close &tab"), QKeySequence(QKeySequence::Close));
    connect(closeTabAction, &QAction::triggered, this, [this] {
        if (m_tabs->currentIndex() >= 0)
            requestCloseTab(m_tabs->currentIndex());
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
    QAction *streamAction = make(QStringLiteral("refresh"), tr("Stream &viewer"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
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
    QAction *insightsAction = make(QStringLiteral("key"), tr("Contri&butor insights"), QKeySequence());
    insightsAction->setObjectName(QStringLiteral("contributorInsightsAction"));
    connect(insightsAction, &QAction::triggered, this, [this] {
        if (!m_tree->currentTable().isEmpty())
            openContributorInsights(m_tree->currentConnection(), m_tree->currentTable());
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
    table->addAction(insightsAction);
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
    if (auto *v = qobject_cast<ContributorInsightsView *>(w))
        return v->connection();
    return nullptr;
}

TableBrowser *MainWindow::currentBrowser() const
{
    return qobject_cast<TableBrowser *>(m_tabs->currentWidget());
}

void MainWindow::requestCloseTab(int index)
{
    auto *browser = qobject_cast<TableBrowser *>(m_tabs->widget(index));
    if (!browser || !browser->isBusy()) {
        closeTab(index);
        return;
    }
    const QPointer<QWidget> tab = browser;
    confirm(this, QMessageBox::Warning, tr("Close tab"),
            tr("A delete, export or import is running in %1. Close the tab and stop it? What it has done so far stays.")
                .arg(browser->tableName()),
            QStringLiteral("confirmCloseBusyTab"), [this, tab] {
                if (tab && m_tabs->indexOf(tab) >= 0)
                    closeTab(m_tabs->indexOf(tab));
            },
            tr("Stop and close"));
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
        for (int i = m_tabs->count() - 1; i >= 0; --i) {
            QWidget *w = m_tabs->widget(i);
            if (tableView<TableBrowser>(w, connection, table) || tableView<StreamViewer>(w, connection, table)
                || tableView<HistoryView>(w, connection, table) || tableView<ContributorInsightsView>(w, connection, table))
                closeTab(i);
        }
        m_deleteTableWatcher.setFuture(connection->call(QStringLiteral("DeleteTable"), QJsonObject{{QStringLiteral("TableName"), table}}));
    });
}

void MainWindow::onOperation(const QString &operation, double latencyMs, double capacity, const QString &error)
{
    // Background listings (DescribeTable per table) and polls would drown the interesting calls.
    static const QSet<QString> background{QStringLiteral("ListTables"),
                                          QStringLiteral("DescribeTable"),
                                          QStringLiteral("DescribeContributorInsights"),
                                          QStringLiteral("Dynamodesk.DescribeClusterMetrics"),
                                          QStringLiteral("Dynamodesk.GetContributorInsightsReport"),
                                          QStringLiteral("Dynamodesk.ListTriggers"),
                                          QStringLiteral("Dynamodesk.DescribeTableHistory"),
                                          QStringLiteral("Dynamodesk.ListLocalBuckets")};
    if (background.contains(operation))
        return;
    QStringList parts{operation, tr("%1 ms").arg(QLocale().toString(latencyMs, 'f', 1))};
    if (capacity >= 0)
        parts << tr("%1 capacity units").arg(QLocale().toString(capacity, 'g', 6));
    if (!error.isEmpty())
        parts << error;
    m_lastOperation->setText(parts.join(tr(" · ", "list separator")));
    m_lastOperation->setToolTip(error);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    QMainWindow::closeEvent(event);
}

} // namespace dd::ui
