// ConnectionTree: the left pane: connection -> region -> tables -> indexes.
// Lists tables off the GUI thread (tablelisting.h), refreshes when a
// connection reports a table change, and every few seconds while a
// connection is served (other programs may change it). A table's tooltip
// names its key, item count and encryption at rest. An embedded
// connection whose folder is encrypted at rest shows a lock and says so in
// its tooltip. Reports the user's intents as signals; the main window acts
// on them.
#pragma once

#include "connections/tablelisting.h"

#include <QFutureWatcher>
#include <QHash>
#include <QTimer>
#include <QTreeWidget>

namespace dd::ui {

class Connection;

class ConnectionTree : public QTreeWidget {
    Q_OBJECT
public:
    enum ItemKind { ConnectionItem = 1, RegionItem, TableItem, IndexItem };
    enum Role { KindRole = Qt::UserRole + 1, TableRole, IndexRole }; // IndexRole: a GSI item's index name

    explicit ConnectionTree(QWidget *parent = nullptr);
    ~ConnectionTree() override;

    void addConnection(Connection *connection);    // not owned; call removeConnection before deleting it
    void removeConnection(Connection *connection);
    void refresh(Connection *connection);
    void refreshAll();

    Connection *connectionAt(QTreeWidgetItem *item) const;
    Connection *currentConnection() const;
    QString currentTable() const;                  // empty unless a table or index is current
    QTreeWidgetItem *tableItem(Connection *connection, const QString &table) const;
    QTreeWidgetItem *connectionItem(Connection *connection) const; // its top-level item; null if not shown

signals:
    void openTableRequested(Connection *connection, const QString &table);
    void newTableRequested(Connection *connection);
    void editTableRequested(Connection *connection, const QString &table);
    void deleteTableRequested(Connection *connection, const QString &table);
    void historyRequested(Connection *connection, const QString &table);
    // "Contributor insights"; `index`: a GSI's item was clicked, its target first.
    void contributorInsightsRequested(Connection *connection, const QString &table, const QString &index = QString());
    void replicasRequested(Connection *connection, const QString &table); // "Global table…"
    void exportRequested(Connection *connection, const QString &table);   // "Export to S3…"
    void copyTableRequested(Connection *connection, const QString &table); // "Copy table to…"
    void resourcePolicyRequested(Connection *connection, const QString &table); // "Resource policy…"
    void importRequested(Connection *connection);                         // "Import from S3…"
    void jobsRequested(Connection *connection);                           // "Exports and imports…"
    void partiqlRequested(Connection *connection, const QString &table); // table empty: the connection's
    void serveRequested(Connection *connection, bool serve);
    void closeConnectionRequested(Connection *connection);
    void compactRequested(Connection *connection); // an embedded connection on disk
    // Encryption at rest of an embedded connection's data folder: Encrypt
    // data folder… (one in the clear), Change passphrase… and Decrypt data
    // folder… (an encrypted one).
    void encryptRequested(Connection *connection);
    void changePassphraseRequested(Connection *connection);
    void decryptRequested(Connection *connection);
    void tablesListed(Connection *connection);

private:
    void onListed(Connection *connection);
    void updateConnectionItem(Connection *connection);
    void showMenu(const QPoint &pos);

    struct Entry {
        QTreeWidgetItem *item = nullptr;             // the connection's top-level item
        QTreeWidgetItem *region = nullptr;
        QFutureWatcher<TableListing> *watcher = nullptr; // owned (child of this)
        bool again = false;                          // refresh asked while listing
    };
    QHash<Connection *, Entry> m_entries;
    QTimer m_pollTimer;
};

} // namespace dd::ui
