// SampleItemsPanel: the designer's sample items. A small grid where the
// user types items (a column per attribute; the design's key attributes
// first) or loads the first page of a Scan of the existing table, and below
// it the items as the table or a chosen index holds them (SampleLayout):
// grouped by partition key, ordered by sort key, key columns coloured as in
// NoSQL Workbench's visualizer. A GSI's multi-attribute key shows a key
// column per attribute (partition attributes, then sort attributes), each
// partition column's cell spanning its group.
//
// Cell text becomes a value thus: DynamoDB JSON of one value ({"M": ...})
// as written; else the key attribute's type; else the type the cell was
// loaded with; else a Number when it reads as one, a String otherwise. An
// empty cell is no attribute.
//
// GUI thread only; the Scan runs through the Connection (not owned, must
// outlive the panel).
#pragma once

#include "client/client.h"
#include "designer/tabledesign.h"

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace dd::ui {

class Connection;
class ErrorLabel;

class SampleItemsPanel : public QWidget {
    Q_OBJECT
public:
    explicit SampleItemsPanel(Connection *connection, QWidget *parent = nullptr);
    ~SampleItemsPanel() override;

    // The design the items are shown through (key columns, the views offered).
    void setDesign(const TableDesign &design);
    QJsonArray items() const;              // the grid's rows as DynamoDB JSON items (empty rows left out)
    void setItems(const QJsonArray &items); // replaces the grid
    void addAttributeColumn(const QString &name);
    void addRow();

    // The table whose items "Load from table" scans; empty disables it.
    void setSourceTable(const QString &table);
    void loadFromTable();                  // first page of a Scan, off the GUI thread; replaces the grid

    QString view() const;                  // empty: the table; else an index name
    void setView(const QString &index);
    QTableWidget *grid() const { return m_grid; }
    QTableWidget *visualizer() const { return m_view; }

signals:
    void itemsChanged();
    void loaded(int count);                // after loadFromTable (count -1 on failure)

private:
    void relayout();                       // redraws the visualizer
    int columnOf(const QString &name) const;
    void onScanned();

    Connection *m_connection;
    TableDesign m_design;
    QString m_sourceTable;
    QStringList m_keyNames;                // the design's key attributes, first columns
    QComboBox *m_viewCombo;
    QTableWidget *m_grid;
    QTableWidget *m_view;
    QLineEdit *m_newAttribute;
    QPushButton *m_load;
    QLabel *m_summary;
    ErrorLabel *m_error;
    bool m_filling = false;                // the grid is being filled by code
    QFutureWatcher<client::ApiResponse> m_scanWatcher;
};

} // namespace dd::ui
