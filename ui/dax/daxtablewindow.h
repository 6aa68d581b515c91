// DaxTableWindow: a window that browses one table through a DAX cluster:
// the usual TableBrowser over a Connection whose item operations go
// through the cluster (Connection::throughDaxCluster()) while DescribeTable
// and the rest go to the table directly. A banner says what that means:
// eventually consistent reads come from the cluster's caches, so a write
// made around the cluster (in the main window, by another program) stays
// unseen here until its TTL ends; "Consistent read" reads the table.
//
// GUI thread only. Owns that Connection; the browser (which waits for its
// jobs) is deleted before it.
#pragma once

#include <QWidget>

#include <memory>

class QLabel;

namespace dd::ui {

class Connection;
class TableBrowser;

class DaxTableWindow : public QWidget {
    Q_OBJECT
public:
    // Takes ownership of `connection`, which must go through a cluster.
    DaxTableWindow(std::unique_ptr<Connection> connection, const QString &table, QWidget *parent = nullptr);
    ~DaxTableWindow() override;

    Connection *connection() const { return m_connection.get(); }
    QString cluster() const;
    QString tableName() const;
    TableBrowser *browser() const { return m_browser; }

private:
    std::unique_ptr<Connection> m_connection;
    TableBrowser *m_browser;
    QLabel *m_status;
};

} // namespace dd::ui
