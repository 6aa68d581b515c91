// ItemTreeDelegate: the editors of ItemTreeModel's cells: a combo box of
// the ten type tags in the type column, true/false for a BOOL value, a line
// edit for other values and names.
#pragma once

#include <QStyledItemDelegate>

namespace dd::ui {

class ItemTreeDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace dd::ui
