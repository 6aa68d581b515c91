#include "browser/tablebrowser.h"

#include "browser/itemtablemodel.h"
#include "browser/querybar.h"
#include "common/attributeformat.h"
#include "common/awsclicommand.h"
#include "common/confirm.h"
#include "common/copyasbutton.h"
#include "common/itemtreemodel.h"
#include "common/progresspanel.h"
#include "common/watchers.h"
#include "connections/connection.h"
#include "items/itemeditor.h"

#include <QAction>
#include <QFileInfo>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTreeView>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <functional>

namespace dd::ui {

TableBrowser::TableBrowser(Connection *connection, const QString &table, QWidget *parent)
    : QWidget(parent), m_connection(connection), m_table(table)
{
    setObjectName(QStringLiteral("tableBrowser"));
    m_queryBar = new QueryBar(this);
    m_toolBar = new QToolBar(this);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(18, 18));
    auto action = [this](const char *icon, QString text, const QKeySequence &key, std::function<void()> slot) {
        auto *a = new QAction(QIcon(QStringLiteral(":/dynamodesk/icons/%1.svg").arg(QLatin1String(icon))), text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(key.isEmpty() ? text.remove(QLatin1Char('&'))
                                    : QStringLiteral("%1 (%2)").arg(text.remove(QLatin1Char('&')), key.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, [slot] { slot(); });
        m_toolBar->addAction(a);
        addAction(a);
        return a;
    };
    m_newAction = action("newitem", tr("&New item"), QKeySequence(Qt::CTRL | Qt::Key_I), [this] { newItem(); });
    m_editAction = action("edit", tr("&Edit"), QKeySequence(Qt::Key_Return), [this] { editSelected(); });
    m_duplicateAction = action("duplicate", tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), [this] { duplicateSelected(); });
    m_deleteAction = action("delete", tr("&Delete"), QKeySequence(QKeySequence::Delete), [this] { deleteSelected(); });
    // Most used first: a narrow window (or a longer language) moves the
    // last ones into the toolbar's overflow menu, never Refresh and Stop.
    m_toolBar->addSeparator();
    m_refreshAction = action("refresh", tr("&Refresh"), QKeySequence(Qt::CTRL | Qt::Key_R), [this] { run(); });
    m_stopAction = action("cancel", tr("&Stop"), QKeySequence(Qt::Key_Escape), [this] { m_model->stop(); });
    // After Stop, pages are read again only when asked for here (or by a new run).
    m_moreAction = action("run", tr("&Load more"), QKeySequence(), [this] { m_model->resume(); });
    m_moreAction->setObjectName(QStringLiteral("loadMore"));
    m_moreAction->setVisible(false);
    m_toolBar->addSeparator();
    m_detailAction = action("edit", tr("De&tails"), QKeySequence(Qt::CTRL | Qt::Key_T), [this] {
        m_detail->setVisible(m_detailAction->isChecked());
        updateDetail();
    });
    m_detailAction->setCheckable(true);
    m_detailAction->setChecked(true);
    m_toolBar->addSeparator();
    m_exportAction = action("export", tr("E&xport JSON Lines…"), QKeySequence(Qt::CTRL | Qt::Key_E), [this] { exportJsonLines(); });
    m_exportCsvAction = action("export", tr("Export &CSV…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), [this] { exportCsv(); });
    m_importAction = action("import", tr("I&mport JSON Lines…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), [this] { importJsonLines(); });

    auto *runShortcut = new QAction(this);
    runShortcut->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    runShortcut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(runShortcut, &QAction::triggered, this, &TableBrowser::run);
    addAction(runShortcut);

    m_model = new ItemTableModel(connection, this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("items"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->horizontalHeader()->setDefaultSectionSize(140);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);

    // The current row as a tree, the current cell's value expanded: maps,
    // lists and sets are summarised in the grid and read here.
    m_detailModel = new ItemTreeModel(this);
    m_detail = new QTreeView(this);
    m_detail->setObjectName(QStringLiteral("detail"));
    m_detail->setModel(m_detailModel);
    m_detail->setUniformRowHeights(true);
    m_detail->setAlternatingRowColors(true);
    m_detail->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_detail->header()->resizeSection(ItemTreeModel::NameColumn, 120);
    m_detail->header()->resizeSection(ItemTreeModel::TypeColumn, 48);
    // What the empty pane is for, until a row is selected.
    m_detailHint = new QLabel(tr("Select an item to see all its attributes here"), m_detail->viewport());
    m_detailHint->setObjectName(QStringLiteral("detailHint"));
    m_detailHint->setWordWrap(true);
    m_detailHint->setAlignment(Qt::AlignCenter);
    m_detailHint->setEnabled(false);
    (new QVBoxLayout(m_detail->viewport()))->addWidget(m_detailHint);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("countLabel"));
    m_pageStatus = new QLabel(this);
    m_pageStatus->setObjectName(QStringLiteral("pageLabel"));
    m_progress = new ProgressPanel(this);

    m_changedBar = new QWidget(this);
    m_changedBar->setObjectName(QStringLiteral("changedBar"));
    m_changedBar->setAutoFillBackground(true);
    {
        QPalette p = m_changedBar->palette();
        p.setColor(QPalette::Window, p.color(QPalette::ToolTipBase));
        p.setColor(QPalette::WindowText, p.color(QPalette::ToolTipText));
        m_changedBar->setPalette(p);
        auto *label = new QLabel(tr("Another program changed this table."), m_changedBar);
        auto *refresh = new QPushButton(QIcon(QStringLiteral(":/dynamodesk/icons/refresh.svg")), tr("Refresh"), m_changedBar);
        refresh->setObjectName(QStringLiteral("refreshChanged"));
        auto *dismiss = new QPushButton(tr("Dismiss"), m_changedBar);
        auto *row = new QHBoxLayout(m_changedBar);
        row->setContentsMargins(6, 2, 6, 2);
        row->addWidget(label, 1);
        row->addWidget(refresh);
        row->addWidget(dismiss);
        connect(refresh, &QPushButton::clicked, this, &TableBrowser::refreshKeepingPlace);
        connect(dismiss, &QPushButton::clicked, m_changedBar, &QWidget::hide);
    }
    m_changedBar->hide();

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status);
    statusRow->addStretch();
    statusRow->addWidget(m_pageStatus);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_queryBar);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_changedBar);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_progress);
    layout->addLayout(statusRow);

    connect(m_queryBar, &QueryBar::runRequested, this, &TableBrowser::run);
    connect(m_queryBar, &QueryBar::copyRequested, this, [this](CopyFormat format) {
        QString operation, error;
        QJsonObject request;
        if (!m_queryBar->buildRequest(m_table, &operation, &request, &error)) {
            m_queryBar->showError(error); // nothing copied: the form says what is wrong, as Run does
            return;
        }
        m_queryBar->showError(QString());
        QApplication::clipboard()->setText(copyText(format, operation, request));
        emit statusMessage(CopyAsButton::copiedMessage(format));
    });
    // Return and Delete act on the grid only, not while typing in the form.
    for (QAction *a : {m_editAction, m_deleteAction}) {
        removeAction(a);
        a->setShortcutContext(Qt::WidgetShortcut);
        m_view->addAction(a);
    }
    connect(m_view, &QTableView::doubleClicked, this, &TableBrowser::editSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TableBrowser::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &TableBrowser::updateDetail);
    connect(m_model, &ItemTableModel::modelReset, this, &TableBrowser::updateDetail);
    connect(m_model, &ItemTableModel::dataChanged, this, &TableBrowser::updateDetail);
    // Columns arrive before their page's rows: the types need the rows.
    connect(m_model, &ItemTableModel::rowsInserted, this, &TableBrowser::updateAttributes);
    connect(m_model, &ItemTableModel::modelReset, this, &TableBrowser::updateAttributes);
    connect(m_model, &ItemTableModel::pageLoaded, this, &TableBrowser::onPageLoaded);
    connect(m_model, &ItemTableModel::loadingChanged, this, &TableBrowser::updateStatus);
    connect(m_model, &ItemTableModel::stoppedChanged, this, &TableBrowser::updateStatus);
    connect(m_model, &ItemTableModel::rowsRemoved, this, &TableBrowser::updateStatus);
    connect(m_model, &ItemTableModel::rowsInserted, this, &TableBrowser::updateStatus);
    connect(m_model, &ItemTableModel::loadFailed, this, [this](const QString &message) {
        m_queryBar->showError(message);
        updateStatus();
    });
    connect(m_model, &ItemTableModel::refreshed, this, &TableBrowser::restorePlace);
    connect(connection, &Connection::externalChange, this, &TableBrowser::onExternalChange);
    connect(&m_describeWatcher, &QFutureWatcher<client::ApiResponse>::finished, this, &TableBrowser::onDescribed);
    connect(&m_deleteWatcher, &QFutureWatcher<BatchDeleteResult>::finished, this, &TableBrowser::onDeleteFinished);
    connect(&m_exportWatcher, &QFutureWatcher<ExportResult>::finished, this, &TableBrowser::onExportFinished);
    connect(&m_importWatcher, &QFutureWatcher<ImportResult>::finished, this, &TableBrowser::onImportFinished);

    updateActions();
    m_status->setText(tr("Loading %1…").arg(table));
    describe();
}

TableBrowser::~TableBrowser()
{
    // A delete, export or import stops at its next batch (what it wrote
    // stays): none goes on unseen and beyond reach of its Cancel.
    if (m_jobCancel)
        m_jobCancel->store(true);
    stopWatcher(m_describeWatcher);
    stopWatcher(m_deleteWatcher);
    stopWatcher(m_exportWatcher);
    stopWatcher(m_importWatcher);
}

bool TableBrowser::isBusy() const
{
    return m_deleteWatcher.isRunning() || isExporting() || isImporting();
}

void TableBrowser::describe()
{
    m_describeWatcher.setFuture(m_connection->call(QStringLiteral("DescribeTable"), QJsonObject{{QStringLiteral("TableName"), m_table}}));
}

void TableBrowser::onDescribed()
{
    const auto r = m_describeWatcher.result();
    if (!r.ok()) {
        m_status->setText(tr("Cannot open %1: %2").arg(m_table, r.error->message()));
        return;
    }
    const QJsonObject table = r.body.value(QStringLiteral("Table")).toObject();
    // A table being restored takes no item operations until it is ACTIVE
    // (ResourceNotFoundException): wait for it, saying so.
    if (table.value(QStringLiteral("TableStatus")).toString() == QLatin1String("CREATING")
        && table.value(QStringLiteral("RestoreSummary")).toObject().value(QStringLiteral("RestoreInProgress")).toBool()) {
        m_status->setText(tr("%1 is being restored; its items appear when the restore ends.").arg(m_table));
        QTimer::singleShot(kRestorePollMs, this, &TableBrowser::describe);
        return;
    }
    m_description = table;
    m_keys = TableKeys::fromDescription(m_description);
    m_queryBar->setTable(m_description);
    m_ready = true;
    emit described();
    run();
}

void TableBrowser::run()
{
    if (!m_ready)
        return;
    QString operation, error;
    QJsonObject request;
    if (!m_queryBar->buildRequest(m_table, &operation, &request, &error)) {
        m_queryBar->showError(error);
        return;
    }
    m_queryBar->showError(QString());
    m_pageStatus->clear();
    const QString index = request.value(QStringLiteral("IndexName")).toString();
    m_model->setQuery(operation, request, m_keys, index.isEmpty() ? TableKeys() : TableKeys::fromDescription(m_description, index));
    updateActions();
}

QString TableBrowser::cliCommand() const
{
    return copyText(CopyFormat::AwsCli);
}

QString TableBrowser::copyText(CopyFormat format) const
{
    QString operation, error;
    QJsonObject request;
    if (!m_queryBar->buildRequest(m_table, &operation, &request, &error))
        return {};
    return copyText(format, operation, request);
}

QString TableBrowser::copyText(CopyFormat format, const QString &operation, QJsonObject request) const
{
    if (format == CopyFormat::AwsCli) {
        request.remove(QStringLiteral("Limit")); // the CLI pages by itself
        return awscli::command(operation, request, m_connection->endpointForPrograms());
    }
    // The request as the browser sends it for its first page (with Limit):
    // the program prints that page and its LastEvaluatedKey.
    return code::program(format, operation, request, m_connection->endpointForPrograms(), m_connection->region());
}

void TableBrowser::onPageLoaded(int items, qint64 scanned, double capacity, double latency)
{
    QStringList parts{tr("%Ln item(s) on page %1", nullptr, items).arg(m_model->pagesLoaded())};
    if (scanned != items)
        parts << tr("%L1 scanned").arg(scanned);
    if (capacity >= 0)
        parts << tr("%1 RCU").arg(QLocale().toString(capacity, 'g', 6));
    parts << tr("%1 ms").arg(QLocale().toString(latency, 'f', 1));
    parts << tr("total %1 RCU").arg(QLocale().toString(m_model->totalCapacity(), 'g', 6));
    m_pageStatus->setText(parts.join(tr(" · ", "list separator")));
    updateStatus();
}

void TableBrowser::updateStatus()
{
    QStringList parts{m_model->countText()};
    if (m_model->isLoading())
        parts << tr("loading…");
    else if (m_model->isStopped())
        parts << tr("stopped");
    m_status->setText(parts.join(tr(" · ", "list separator")));
    m_stopAction->setEnabled(m_model->isLoading());
    m_moreAction->setVisible(m_model->isStopped());
}

void TableBrowser::updateActions()
{
    const int selected = int(selectedRows().size());
    const bool busy = isBusy();
    m_newAction->setEnabled(m_ready);
    m_editAction->setEnabled(selected == 1);
    m_duplicateAction->setEnabled(selected == 1);
    m_deleteAction->setEnabled(selected > 0 && !busy);
    m_exportAction->setEnabled(m_ready && !busy);
    m_exportCsvAction->setEnabled(m_ready && !busy);
    m_importAction->setEnabled(m_ready && !busy);
    m_refreshAction->setEnabled(m_ready);
}

QList<int> TableBrowser::selectedRows() const
{
    QList<int> rows;
    for (const auto &index : m_view->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

void TableBrowser::newItem()
{
    if (!m_ready)
        return;
    // A template with the key attributes, so that the user sees what is required.
    QJsonObject item;
    for (const QString &k : m_keys.names())
        item.insert(k, QJsonObject{{m_keys.typeOf(k), m_keys.typeOf(k) == QLatin1String("N") ? QStringLiteral("0") : QString()}});
    auto *editor = new ItemEditor(m_connection, m_table, m_keys, ItemEditor::Mode::New, item, this);
    connect(editor, &ItemEditor::itemSaved, m_model, &ItemTableModel::upsertItem);
    editor->show();
}

void TableBrowser::editSelected()
{
    const QList<int> rows = selectedRows();
    const int row = rows.size() == 1 ? rows.first() : m_view->currentIndex().row();
    if (row < 0)
        return;
    auto *editor = new ItemEditor(m_connection, m_table, m_keys, ItemEditor::Mode::Edit, m_model->item(row), this);
    connect(editor, &ItemEditor::itemSaved, m_model, &ItemTableModel::upsertItem);
    connect(editor, &ItemEditor::itemDeleted, this, [this](const QJsonObject &key) { m_model->removeItems({key}); });
    editor->show();
}

void TableBrowser::duplicateSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.size() != 1)
        return;
    auto *editor = new ItemEditor(m_connection, m_table, m_keys, ItemEditor::Mode::Duplicate, m_model->item(rows.first()), this);
    connect(editor, &ItemEditor::itemSaved, m_model, &ItemTableModel::upsertItem);
    editor->show();
}

void TableBrowser::deleteSelected()
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty() || m_deleteWatcher.isRunning())
        return;
    QList<QJsonObject> keys;
    for (int row : rows)
        keys << m_keys.keyOf(m_model->item(row));
    confirm(this, QMessageBox::Warning, tr("Delete items"),
            tr("Delete %n item(s) from %1? This cannot be undone.", nullptr, int(keys.size())).arg(m_table),
            QStringLiteral("confirmDelete"), [this, keys] { deleteItems(keys); }, tr("Delete"));
}

void TableBrowser::deleteItems(const QList<QJsonObject> &keys)
{
    if (m_deleteWatcher.isRunning())
        return;
    CancelFlag cancel = newCancelFlag();
    m_jobCancel = cancel;
    m_deleteWatcher.setFuture(startBatchDelete(m_connection, m_table, keys, cancel));
    m_progress->track(&m_deleteWatcher, tr("Deleting %n item(s)…", nullptr, int(keys.size())), cancel);
    updateActions();
}

void TableBrowser::onDeleteFinished()
{
    if (m_deleteWatcher.future().resultCount() == 0)
        return;
    const BatchDeleteResult r = m_deleteWatcher.result();
    m_model->removeItems(r.deleted);
    if (!r.error.isEmpty())
        emit statusMessage(tr("Deleted %n item(s), then: %1", nullptr, int(r.deleted.size())).arg(r.error));
    else if (r.canceled)
        emit statusMessage(tr("Cancelled after deleting %n item(s)", nullptr, int(r.deleted.size())));
    else
        emit statusMessage(tr("Deleted %n item(s)", nullptr, int(r.deleted.size())));
    updateActions();
}

bool TableBrowser::isExporting() const
{
    return m_exportWatcher.isRunning();
}

void TableBrowser::exportJsonLines(const QString &path)
{
    if (!m_ready || isExporting())
        return;
    QString file = path;
    if (file.isEmpty())
        file = QFileDialog::getSaveFileName(this, tr("Export to JSON Lines"), m_table + QStringLiteral(".jsonl"),
                                            tr("JSON Lines (*.jsonl *.json)"));
    if (file.isEmpty())
        return;
    QString operation, error;
    QJsonObject request;
    if (!m_queryBar->buildRequest(m_table, &operation, &request, &error)) {
        m_queryBar->showError(error);
        return;
    }
    CancelFlag cancel = newCancelFlag();
    startExport(startExportJsonLines(m_connection, operation, request, file, cancel), file, cancel);
}

void TableBrowser::exportCsv(const QString &path)
{
    if (!m_ready || isExporting())
        return;
    QString file = path;
    if (file.isEmpty())
        file = QFileDialog::getSaveFileName(this, tr("Export to CSV"), m_table + QStringLiteral(".csv"), tr("CSV (*.csv)"));
    if (file.isEmpty())
        return;
    QString operation, error;
    QJsonObject request;
    if (!m_queryBar->buildRequest(m_table, &operation, &request, &error)) {
        m_queryBar->showError(error);
        return;
    }
    CancelFlag cancel = newCancelFlag();
    startExport(startExportCsv(m_connection, operation, request, m_keys, file, cancel), file, cancel);
}

bool TableBrowser::isImporting() const
{
    return m_importWatcher.isRunning();
}

void TableBrowser::importJsonLines(const QString &path)
{
    if (!m_ready || m_deleteWatcher.isRunning() || isExporting() || isImporting())
        return;
    QString file = path;
    if (file.isEmpty())
        file = QFileDialog::getOpenFileName(this, tr("Import JSON Lines into %1").arg(m_table), QString(),
                                            tr("JSON Lines (*.jsonl *.json *.ndjson);;All files (*)"));
    if (file.isEmpty())
        return;
    CancelFlag cancel = newCancelFlag();
    m_jobCancel = cancel;
    m_importWatcher.setFuture(startImportJsonLines(m_connection, m_table, m_keys, file, cancel));
    m_progress->track(&m_importWatcher, tr("Importing %1…").arg(QFileInfo(file).fileName()), cancel);
    updateActions();
}

void TableBrowser::onImportFinished()
{
    if (m_importWatcher.future().resultCount() == 0)
        return;
    const ImportResult r = m_importWatcher.result();
    if (!r.error.isEmpty())
        emit statusMessage(tr("Imported %Ln item(s), then: %1", nullptr, int(r.items)).arg(r.error));
    else if (r.canceled)
        emit statusMessage(tr("Import cancelled after %Ln item(s)", nullptr, int(r.items)));
    else
        emit statusMessage(tr("Imported %Ln item(s)", nullptr, int(r.items)));
    updateActions();
    if (r.items > 0)
        run(); // the form's Scan or Query again, with what the file added
}

void TableBrowser::startExport(QFuture<ExportResult> future, const QString &file, CancelFlag cancel)
{
    m_jobCancel = cancel;
    m_exportWatcher.setFuture(future);
    m_progress->track(&m_exportWatcher, tr("Exporting to %1…").arg(QFileInfo(file).fileName()), std::move(cancel));
    updateActions();
}

void TableBrowser::updateDetail()
{
    if (!m_detail->isVisible() && !m_detailAction->isChecked())
        return;
    const QModelIndex current = m_view->currentIndex();
    const bool none = !current.isValid() || current.row() >= m_model->rowCount();
    m_detailHint->setVisible(none);
    if (none) {
        m_detailModel->setItem(QJsonObject());
        return;
    }
    m_detailModel->setItem(m_model->item(current.row()));
    const QString column = m_model->columns().value(current.column());
    const QModelIndex node = m_detailModel->indexForPath(column);
    if (node.isValid()) {
        m_detail->expand(node);
        m_detail->setCurrentIndex(node);
        m_detail->scrollTo(node);
    }
}

void TableBrowser::onExternalChange(const QStringList &tables)
{
    if (!m_ready || (!tables.isEmpty() && !tables.contains(m_table)))
        return;
    bool editing = false;
    for (const ItemEditor *e : findChildren<ItemEditor *>())
        editing = editing || e->isVisible();
    const bool busy = editing || m_deleteWatcher.isRunning() || isExporting() || isImporting();
    if (!busy && m_model->rowCount() <= kAutoRefreshRows)
        refreshKeepingPlace();
    else
        m_changedBar->show();
}

void TableBrowser::refreshKeepingPlace()
{
    if (!m_ready)
        return;
    m_changedBar->hide();
    m_keepSelection.clear();
    for (int row : selectedRows())
        m_keepSelection << m_keys.identity(m_model->item(row));
    const QModelIndex current = m_view->currentIndex();
    m_keepCurrent = current.isValid() ? m_keys.identity(m_model->item(current.row())) : QString();
    m_keepColumn = current.isValid() ? current.column() : 0;
    m_keepScroll = m_view->verticalScrollBar()->value();
    m_model->refresh();
}

void TableBrowser::restorePlace()
{
    QItemSelection selection;
    QModelIndex current;
    const int columns = m_model->columnCount();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString id = m_keys.identity(m_model->item(row));
        if (m_keepSelection.contains(id))
            selection.select(m_model->index(row, 0), m_model->index(row, columns - 1));
        if (!m_keepCurrent.isEmpty() && id == m_keepCurrent)
            current = m_model->index(row, qMin(m_keepColumn, columns - 1));
    }
    if (current.isValid())
        m_view->selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_view->verticalScrollBar()->setValue(m_keepScroll);
    updateStatus();
    updateDetail();
    emit statusMessage(tr("Refreshed %1 after a change made elsewhere").arg(m_table));
}

void TableBrowser::updateAttributes()
{
    // The type each attribute was first seen with, from the rows loaded so far (a sample is enough).
    QHash<QString, QString> types;
    const QStringList columns = m_model->columns();
    for (int row = 0; row < qMin(m_model->rowCount(), 500) && types.size() < columns.size(); ++row) {
        const QJsonObject item = m_model->item(row);
        for (auto it = item.begin(); it != item.end(); ++it)
            if (!types.contains(it.key()))
                types.insert(it.key(), format::typeOf(it.value().toObject()));
    }
    m_queryBar->setAttributes(columns, types);
}

void TableBrowser::onExportFinished()
{
    if (m_exportWatcher.future().resultCount() == 0)
        return;
    const ExportResult r = m_exportWatcher.result();
    if (!r.error.isEmpty())
        emit statusMessage(tr("Export failed: %1").arg(r.error));
    else if (r.canceled)
        emit statusMessage(tr("Export cancelled; no file written"));
    else
        emit statusMessage(tr("Exported %Ln item(s)", nullptr, int(r.items)));
    updateActions();
}

} // namespace dd::ui
