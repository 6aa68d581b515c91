// MainWindow's connections: opening them (in the background, asking for
// passphrases), closing them with the dialogs that work on them, the other
// regions' connections, the data folder jobs that close and reopen one
// (compaction, encryption), and the saved list of connections.
#include "mainwindow/mainwindow.h"

#include "connections/compaction.h"
#include "connections/connection.h"
#include "connections/connectiondialog.h"
#include "connections/connectiontree.h"
#include "connections/encryptionchange.h"
#include "connections/encryptionprompts.h"
#include "mainwindow/connectionwindows.h"
#include "migration/tablecopydialog.h"
#include "security/datadirkey.h"

#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QtConcurrent>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

namespace dd::ui {

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
    // Each window of the connection lets its calls go on without it.
    for (QWidget *window : windowsOf(this, connection))
        delete window;
    for (auto *dialog : findChildren<TableCopyDialog *>())
        dialog->removeConnection(connection); // stops a copy into it
    for (int i = m_tabs->count() - 1; i >= 0; --i)
        if (tabConnection(i) == connection)
            closeTab(i);
    m_tree->removeConnection(connection);
    m_regionConnections.remove(connection);
    auto it = std::find_if(m_connections.begin(), m_connections.end(), [connection](const auto &c) { return c.get() == connection; });
    if (it != m_connections.end()) {
        std::unique_ptr<Connection> closing = std::move(*it);
        m_connections.erase(it);
        Connection::retire(std::move(closing)); // its calls end without the window waiting for them
    }
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

} // namespace dd::ui
