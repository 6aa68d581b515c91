// MainWindow: the frame around the features: the connection tree (dock),
// a tab per opened table (TableBrowser), menus, the toolbar, keyboard
// shortcuts and the status bar (the last operation's latency and consumed
// capacity, and what is being served). Remembers its layout in QSettings.
// It owns the Connections and knows no DynamoDB detail itself.
#pragma once

#include "client/client.h"
#include "common/progresspanel.h"
#include "connections/connectionsettings.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QSet>

#include <memory>
#include <vector>

class QFutureWatcherBase;
class QLabel;
class QTabWidget;

namespace dd::ui {

class Connection;
class ConnectionTree;
class TableBrowser;
class TableDesigner;
class TransactionBuilder;
class PartiqlEditor;
class StreamViewer;
class HistoryView;
class ContributorInsightsView;
class ReplicasDialog;
class ExportDialog;
class ImportDialog;
class JobsDialog;
class DaxClustersDialog;
class TableCopyDialog;
class ResourcePolicyDialog;
class EncryptionPrompts;
struct EncryptionChange;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override; // closes the tabs, then the connections

    // Takes ownership and shows the connection in the tree.
    Connection *addConnection(std::unique_ptr<Connection> connection);
    // Opens a connection; on failure shows why (a non-modal box, "connectionError") and returns null.
    Connection *openConnection(const ConnectionSettings &settings);
    // The same without blocking the window: embedded data folders open off
    // the GUI thread (each may take seconds), one after another, with
    // "Opening …" in the status bar. Each connection joins the tree as soon
    // as it is open, in the list's order, or a non-modal message box
    // ("connectionError") says why not. Until then the connection counts as
    // open for the saved list of connections.
    // An encrypted folder opens with the passphrase given earlier in the
    // session; without one, or with a wrong one, a window-modal dialog
    // ("passphraseDialog") asks for it, and again while it is wrong. Its
    // Cancel leaves the connection closed (saying so in the status bar) but
    // still in the saved list. Passphrases are kept in memory, never saved.
    void openConnectionsInBackground(const QList<ConnectionSettings> &list);
    // One connection; `passphrase`, if given, encrypts a new folder (the
    // connection dialog's) or opens an encrypted one.
    void openConnectionInBackground(const ConnectionSettings &settings, const QByteArray &passphrase = {});
    int connectionsOpening() const { return int(m_pending.size()); }
    const std::vector<std::unique_ptr<Connection>> &connections() const { return m_connections; }

    TableBrowser *openTable(Connection *connection, const QString &table); // focuses an open tab
    TableDesigner *newTable(Connection *connection);                     // shows the designer
    TableDesigner *editTable(Connection *connection, const QString &table); // the designer on an existing table
    // A transaction builder tab for the connection (a new one each time).
    TransactionBuilder *openTransactionBuilder(Connection *connection);
    // The PartiQL editor tab of the connection (one per connection; focuses
    // an open one). A table, if given, puts SELECT * FROM "table" into the
    // statement (an edit that Undo takes back).
    PartiqlEditor *openPartiqlEditor(Connection *connection, const QString &table = QString());
    // The live stream viewer of a table; focuses an open one.
    StreamViewer *openStreamViewer(Connection *connection, const QString &table);
    // The backups and history view of a table; focuses an open one.
    HistoryView *openHistory(Connection *connection, const QString &table);
    // The Contributor Insights view of a table (its most accessed keys); focuses an open one.
    // `index`: a GSI to show first (its tab shows another target when already open: that one then).
    ContributorInsightsView *openContributorInsights(Connection *connection, const QString &table, const QString &index = QString());
    // The global table dialog of a table (non-modal); focuses an open one.
    ReplicasDialog *openReplicas(Connection *connection, const QString &table);
    // The export dialog of a table (non-modal); focuses an open one.
    ExportDialog *openExport(Connection *connection, const QString &table);
    // The import dialog of a connection (non-modal); focuses an open one.
    // Its Open table browses the imported table.
    ImportDialog *openImport(Connection *connection);
    // The list of a connection's exports and imports (non-modal); focuses an open one.
    JobsDialog *openJobs(Connection *connection);
    // "Copy table to…" for a table (non-modal; focuses an open one): any
    // open connection as the target, another region opened on request;
    // the target's tables refreshed after a copy, Open table browses the copy.
    TableCopyDialog *openTableCopy(Connection *connection, const QString &table);
    // "Resource policy…" of a table: its and its stream's resource-based
    // policy (non-modal); focuses an open one.
    ResourcePolicyDialog *openResourcePolicy(Connection *connection, const QString &table);
    // The DAX clusters window of a connection (non-modal); focuses an open one.
    DaxClustersDialog *openDaxClusters(Connection *connection);
    // The connection that browses `region` over the same database as
    // `connection`: an open one (same engine, or same endpoint or AWS
    // profile) is selected in the tree; otherwise a new one joins the tree
    // (for Embedded over the same engine), not remembered in the saved
    // connections. Opens `table` there if given. Null if it cannot connect
    // (a non-modal box says why).
    Connection *openRegion(Connection *connection, const QString &region, const QString &table = QString());
    TableBrowser *currentBrowser() const;
    ConnectionTree *tree() const { return m_tree; }
    QTabWidget *tabs() const { return m_tabs; }

    // Whether opened connections are written to QSettings (off for tests and --in-memory runs).
    void setRememberConnections(bool remember) { m_remember = remember; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void newConnection();
    void closeConnection(Connection *connection);
    // Closes an embedded connection, compacts its data folder off the GUI
    // thread (connections/compaction.h, with progress and Cancel) and opens
    // it again.
    void compactDataFolder(Connection *connection);
    // Closes an embedded connection, encrypts or decrypts its data folder or
    // changes its passphrase off the GUI thread (connections/encryptionchange.h,
    // with progress), and opens it again; the prompts (encryptionprompts.h) asked first.
    void changeEncryption(Connection *connection, const EncryptionChange &change);
    // What the compaction and the encryption changes share: counts
    // `connection` as opening (so that it stays saved), closes it and the
    // other regions' connections over its engine (which holds the folder's
    // lock), and shows a window-modal progress dialog titled `title`, fed by
    // `watcher`'s progress and closed when it finishes; its Cancel sets
    // `cancel` (none without one). Returns the key for removePending().
    quint64 closeForFolderJob(Connection *connection, const QString &title, const QString &label, QFutureWatcherBase *watcher,
                              CancelFlag cancel);
    void setServing(Connection *connection, bool serve);
    void confirmDeleteTable(Connection *connection, const QString &table);
    void closeTab(int index);
    // The user's close of a tab (its button, Ctrl+W): a table tab that is
    // deleting, exporting or importing asks first whether to stop that.
    void requestCloseTab(int index);
    Connection *tabConnection(int index) const; // the connection a tab works on, null if none
    void onOperation(const QString &operation, double latencyMs, double capacity, const QString &error);
    void saveConnections();
    void updateServeAction();
    // Counts a connection being opened (or compacted) as open for saveConnections(); returns its key in m_pending.
    quint64 addPending(const ConnectionSettings &settings);
    void removePending(quint64 key);
    void showOpening(); // "Opening NAME…" for the first pending connection, or nothing
    void showConnectionError(const QString &name, const QString &error);
    // An embedded folder to open off the GUI thread, and with which secret.
    struct Opening {
        ConnectionSettings settings;
        QByteArray secret; // its passphrase or key; empty: none known
        bool given = false; // typed by the user (not the session's): a wrong one is said to be wrong
    };
    void startOpening(const QList<Opening> &list);
    // Keeps an embedded folder that could not be opened in the saved list
    // (no passphrase given, a conversion that failed), or no longer.
    void setLeftClosed(const ConnectionSettings &settings, bool leftClosed);

    std::vector<std::unique_ptr<Connection>> m_connections;
    ConnectionTree *m_tree;
    QTabWidget *m_tabs;
    QLabel *m_lastOperation;
    QLabel *m_servingLabel;
    QAction *m_serveAction = nullptr;
    bool m_remember = true;
    QFutureWatcher<client::ApiResponse> m_deleteTableWatcher;
    std::map<quint64, ConnectionSettings> m_pending; // connections being opened or compacted, in the order asked
    quint64 m_lastPendingKey = 0;
    QSet<const Connection *> m_regionConnections; // made by openRegion(): not saved
    EncryptionPrompts *m_encryption;              // owns the session's passphrases
    QList<ConnectionSettings> m_leftClosed;       // folders setLeftClosed() keeps in the saved list
};

} // namespace dd::ui
