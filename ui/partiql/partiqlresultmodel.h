// PartiqlResultModel: the items of a PartiQL statement as a grid, page after
// page as the editor loads them (ExecuteStatement's NextToken). Columns are
// the union of the attribute names seen so far: the leading names (the
// SELECT's projection in its order, or the key attributes) first, then
// each page's new names in name order; key attributes have a key icon. Cells render as in the table browser (common/attributeformat.h).
// The editor fetches; the model only holds what it is given (the browser's
// ItemTableModel fetches Scan and Query pages by itself, which a statement
// cannot use).
//
// GUI thread only. Never opens dialogs.
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace dd::ui {

class PartiqlResultModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        AttributeRole = Qt::UserRole + 1, // QJsonObject: the cell's attribute value, empty if absent
        ItemRole,                         // QJsonObject: the row's whole item
    };

    explicit PartiqlResultModel(QObject *parent = nullptr);

    // Removes every row and column (a model reset); `leading` are the names
    // that go first when they turn up, `keys` the key attributes.
    void clear(const QStringList &leading = {}, const QStringList &keys = {});
    void append(const QList<QJsonObject> &items); // rows at the end, new columns as needed
    void setItem(int row, const QJsonObject &item); // replaces a row (0 <= row < rowCount())
    void removeItem(int row);

    QJsonObject item(int row) const { return m_items.value(row); }
    int rowOfKey(const QJsonObject &key) const; // the first row that holds this key, -1 if none (or the key is empty)
    QStringList columns() const { return m_columns; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void addColumns(const QList<QJsonObject> &items);

    QList<QJsonObject> m_items;    // rows, in the order of the result
    QStringList m_columns;         // leading names seen, then the others by first appearance
    QHash<QString, int> m_columnIndex;
    QStringList m_leading;         // the names shown first, in this order
    QStringList m_keys;            // the key attributes of the table (and index) read
};

} // namespace dd::ui
