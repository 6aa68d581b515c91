// MainWindow's features: opening (or focusing) the tab or the non-modal
// dialog of a table or a connection, and wiring it to the tree, the status
// bar and the other features.
#include "mainwindow/mainwindow.h"

#include "backups/historyview.h"
#include "browser/tablebrowser.h"
#include "connections/connection.h"
#include "connections/connectiontree.h"
#include "dax/daxclustersdialog.h"
#include "designer/tabledesigner.h"
#include "exports/exportdialog.h"
#include "exports/importdialog.h"
#include "exports/jobsdialog.h"
#include "insights/contributorinsightsview.h"
#include "mainwindow/connectionwindows.h"
#include "mainwindow/tableviews.h"
#include "migration/tablecopydialog.h"
#include "partiql/partiqleditor.h"
#include "policies/resourcepolicydialog.h"
#include "replicas/replicasdialog.h"
#include "streams/streamviewer.h"
#include "transactions/transactionbuilder.h"

#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

namespace dd::ui {

TableBrowser *MainWindow::openTable(Connection *connection, const QString &table)
{
    if (!connection || table.isEmpty())
        return nullptr;
    if (auto *open = focusTableView<TableBrowser>(m_tabs, connection, table))
        return open;
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
    tagConnection(designer, connection);
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
    tagConnection(designer, connection);
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
    if (auto *open = focusTableView<StreamViewer>(m_tabs, connection, table))
        return open;
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
    if (auto *open = focusTableView<HistoryView>(m_tabs, connection, table))
        return open;
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

ContributorInsightsView *MainWindow::openContributorInsights(Connection *connection, const QString &table, const QString &index)
{
    if (!connection || table.isEmpty())
        return nullptr;
    if (auto *open = focusTableView<ContributorInsightsView>(m_tabs, connection, table)) {
        if (!index.isEmpty())
            open->setTarget(index);
        return open;
    }
    auto *view = new ContributorInsightsView(connection, table, m_tabs);
    if (!index.isEmpty())
        view->setTarget(index); // once the table's indexes are known
    connect(view, &ContributorInsightsView::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    const int tab = m_tabs->addTab(view, QIcon(QStringLiteral(":/dynamodesk/icons/key.svg")), tr("Insights: %1").arg(table));
    m_tabs->setTabToolTip(tab, QStringLiteral("%1 — %2").arg(table, connection->displayName()));
    m_tabs->setCurrentIndex(tab);
    return view;
}

ReplicasDialog *MainWindow::openReplicas(Connection *connection, const QString &table)
{
    if (!connection || table.isEmpty())
        return nullptr;
    if (auto *d = raiseWindow<ReplicasDialog>(this, connection, table))
        return d;
    auto *dialog = new ReplicasDialog(connection, table, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    tagConnection(dialog, connection, table);
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
    if (auto *d = raiseWindow<ExportDialog>(this, connection, table))
        return d;
    auto *dialog = new ExportDialog(connection, table, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    tagConnection(dialog, connection, table);
    dialog->show();
    return dialog;
}

ImportDialog *MainWindow::openImport(Connection *connection)
{
    if (!connection)
        return nullptr;
    if (auto *d = raiseWindow<ImportDialog>(this, connection))
        return d;
    auto *dialog = new ImportDialog(connection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    tagConnection(dialog, connection);
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
    if (auto *d = raiseWindow<JobsDialog>(this, connection)) {
        d->refresh();
        return d;
    }
    auto *dialog = new JobsDialog(connection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    tagConnection(dialog, connection);
    dialog->show();
    return dialog;
}

TableCopyDialog *MainWindow::openTableCopy(Connection *connection, const QString &table)
{
    if (!connection || table.isEmpty())
        return nullptr;
    if (auto *d = raiseWindow<TableCopyDialog>(this, connection, table))
        return d;
    QList<Connection *> targets;
    for (const auto &c : m_connections)
        targets << c.get();
    auto *dialog = new TableCopyDialog(connection, table, targets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    tagConnection(dialog, connection, table);
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
    if (auto *d = raiseWindow<ResourcePolicyDialog>(this, connection, table))
        return d;
    auto *dialog = new ResourcePolicyDialog(connection, table, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    tagConnection(dialog, connection, table);
    dialog->show();
    return dialog;
}

DaxClustersDialog *MainWindow::openDaxClusters(Connection *connection)
{
    if (!connection)
        return nullptr;
    if (auto *d = raiseWindow<DaxClustersDialog>(this, connection))
        return d;
    auto *dialog = new DaxClustersDialog(connection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    tagConnection(dialog, connection);
    dialog->show();
    return dialog;
}

} // namespace dd::ui
