// SelectionDetails: the lower half of the history view: what the table held
// at the selected second or in the selected backup (Dynamodesk.PreviewRestore):
// the item count, the first items and the items that differ from now, and
// for a backup its DescribeBackup details. Each selection starts a load off
// the GUI thread with a busy indicator; a generation token drops the result
// of a selection that was replaced meanwhile. Against an endpoint without
// Dynamodesk's operations it shows a note (and says so once by signal).
// GUI thread only. The Connection must outlive it; the destructor drops the
// load in flight without waiting for it.
#pragma once

#include "client/client.h"
#include "common/tablekeys.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QProgressBar;
class QStandardItemModel;
class QTabWidget;
class QTableView;

namespace dd::ui {

class Connection;

class SelectionDetails : public QWidget {
    Q_OBJECT
public:
    SelectionDetails(Connection *connection, const QString &table, QWidget *parent = nullptr);
    ~SelectionDetails() override;

    void setKeys(const TableKeys &keys) { m_keys = keys; }            // key columns of the grids
    void setHistoryOperations(bool available) { m_historyOps = available; }

    // Shows and loads a selection: a backup, or a time (ms, a whole second).
    void showBackup(const QString &arn, const QString &name, double takenMs);
    void showTime(qint64 ms);
    void clear(); // nothing selected: the hint, no load in flight

    bool isLoading() const { return m_shown != m_generation; }
    qint64 itemCount() const { return m_items; }             // -1 until loaded
    qint64 differenceCount() const { return m_differences; } // -1 until loaded
    QStandardItemModel *itemsModel() const { return m_itemsModel; }
    QStandardItemModel *differencesModel() const { return m_diffModel; }
    QString title() const;

signals:
    void loaded();                  // a preview (or its failure) is shown
    void historyOperationsMissing(); // the endpoint does not know Dynamodesk.PreviewRestore

private:
    struct Preview {
        quint64 generation = 0;
        client::ApiResponse preview;
        client::ApiResponse backup; // DescribeBackup, for a backup
    };
    void reset();
    void load(const QJsonObject &request, const QString &arn);
    void onPreview();
    void showNote(const QString &note);

    Connection *m_connection;
    QString m_table;
    TableKeys m_keys;
    bool m_historyOps = true;
    QString m_arn;                  // the backup shown, if any
    quint64 m_generation = 0;       // asked for
    quint64 m_shown = 0;            // shown
    qint64 m_items = -1;
    qint64 m_differences = -1;
    QFutureWatcher<Preview> m_watcher;

    QLabel *m_title;
    QLabel *m_backupDetails;
    QProgressBar *m_busy;
    QLabel *m_counts;
    QTabWidget *m_tabs;
    QTableView *m_itemsView;
    QTableView *m_diffView;
    QStandardItemModel *m_itemsModel;
    QStandardItemModel *m_diffModel;
};

} // namespace dd::ui
