// ItemTableModel: the result of a Scan or Query as a grid, loaded page by
// page. DynamoDB pages only forward (LastEvaluatedKey is the cursor), so the
// model follows Qt's Fetch More pattern: canFetchMore() while a cursor
// remains, fetchMore() asks for the next page off the GUI thread, and the
// page is appended inside beginInsertRows/endInsertRows when it arrives.
// Columns are the union of the attribute names seen so far, key columns
// first. A generation token drops pages of a query that was replaced.
//
// GUI thread only. Never opens dialogs: errors come out as loadFailed().
#pragma once

#include "client/client.h"
#include "common/tablekeys.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

namespace dd::ui {

class Connection;

class ItemTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        AttributeRole = Qt::UserRole + 1, // QJsonObject: the cell's attribute value, empty if absent
        ItemRole,                         // QJsonObject: the row's whole item
        TypeRole,                         // QString: the cell's type tag ("S", "M", ...)
    };

    ItemTableModel(Connection *connection, QObject *parent = nullptr); // connection not owned; must outlive this
    ~ItemTableModel() override; // drops the page in flight without waiting for it

    // Replaces the result with a new Scan or Query. `request` is the whole
    // request without ExclusiveStartKey (its Limit is the page size);
    // `keys` are the table's key attributes (shown first). The first page
    // is fetched at once.
    void setQuery(const QString &operation, const QJsonObject &request, const TableKeys &keys);
    // The same on an index: its key attributes become the first columns
    // after the table's key (items are still told apart by `keys`).
    void setQuery(const QString &operation, const QJsonObject &request, const TableKeys &keys, const TableKeys &indexKeys);
    void reload();      // the same query from the start
    // Reads the same query again from the start, at least as many rows as
    // are loaded now, off the GUI thread, and then swaps the rows in at once
    // (a model reset; refreshed() follows). The old rows stay on show until
    // then. For changes made elsewhere.
    void refresh();
    // Drops the page in flight and, if more remain, asks for no page until
    // resume() (or a new query, reload() or refresh()): the view's fetchMore()
    // on a resize must not undo a Stop.
    void stop();
    void resume();      // after stop(): the next page, from the last cursor
    bool isStopped() const { return m_stopped; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    QJsonObject item(int row) const { return m_items.value(row); }
    QStringList columns() const { return m_columns; }
    const TableKeys &keys() const { return m_keys; }
    QString operation() const { return m_operation; }
    QJsonObject request() const { return m_request; }
    bool isLoading() const { return m_loading; }
    bool isComplete() const { return m_complete; }
    int pagesLoaded() const { return m_pages; }
    double totalCapacity() const { return m_totalCapacity; }
    QString countText() const; // "1,200+ items" while more pages remain, "1,234 items" at the end

    // Keeps the grid in step with edits made elsewhere.
    void upsertItem(const QJsonObject &item);          // replaces the row with the same key, or adds one at the top
    void removeItems(const QList<QJsonObject> &keys); // removes the rows with these keys

signals:
    void pageLoaded(int items, qint64 scanned, double capacityUnits, double latencyMs);
    void loadFailed(const QString &message);
    void loadingChanged(bool loading);
    void stoppedChanged(bool stopped);
    void refreshed(); // a refresh() swapped its rows in

private:
    QStringList keyColumns() const; // the table's key, then the index's other key attributes
    struct Page {
        quint64 generation = 0;     // of the query that asked for it
        client::ApiResponse response;
    };
    struct Refresh {
        quint64 generation = 0;
        QList<QJsonObject> items;
        QJsonObject cursor;          // LastEvaluatedKey of the last page read
        int pages = 0;
        double capacity = 0;
        QString error;
    };
    void requestPage();
    void onPage();
    void onRefreshed();
    bool remember(const QJsonObject &item); // false if the row is there already
    void addColumns(const QList<QJsonObject> &items);
    void setLoading(bool loading);

    Connection *m_connection;
    QString m_operation;             // "Scan" or "Query"
    QJsonObject m_request;           // without ExclusiveStartKey
    TableKeys m_keys;
    TableKeys m_indexKeys;           // of the index queried or scanned; empty for the table
    QList<QJsonObject> m_items;      // rows, in arrival order
    QSet<QString> m_identities;      // keys of m_items, to skip rows seen twice
    QStringList m_columns;           // key columns, then others in order of first appearance
    QHash<QString, int> m_columnIndex;
    QJsonObject m_cursor;            // LastEvaluatedKey of the last page; empty before the first
    bool m_started = false;          // a page was asked for since setQuery()
    bool m_complete = true;          // no more pages
    bool m_loading = false;
    bool m_stopped = false;          // stop() with pages left: fetch no more until resume()
    quint64 m_generation = 0;        // bumped by setQuery/reload/stop
    int m_pages = 0;
    double m_totalCapacity = 0;
    QFutureWatcher<Page> m_watcher;  // the page in flight
    QFutureWatcher<Refresh> m_refreshWatcher;
};

} // namespace dd::ui
