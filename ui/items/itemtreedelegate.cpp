#include "items/itemtreedelegate.h"

#include "common/itemtreemodel.h"

#include <QComboBox>

namespace dd::ui {

namespace {
bool isBoolValue(const QModelIndex &index)
{
    return index.column() == ItemTreeModel::ValueColumn
        && index.siblingAtColumn(ItemTreeModel::TypeColumn).data().toString() == QLatin1String("BOOL");
}
} // namespace

QWidget *ItemTreeDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() == ItemTreeModel::TypeColumn || isBoolValue(index)) {
        auto *combo = new QComboBox(parent);
        combo->setObjectName(index.column() == ItemTreeModel::TypeColumn ? QStringLiteral("typeEditor") : QStringLiteral("boolEditor"));
        combo->addItems(index.column() == ItemTreeModel::TypeColumn ? ItemTreeModel::types()
                                                                    : QStringList{QStringLiteral("true"), QStringLiteral("false")});
        // Commit as soon as a type is picked, not only when focus leaves.
        connect(combo, &QComboBox::activated, this, [this, combo] {
            auto *self = const_cast<ItemTreeDelegate *>(this);
            emit self->commitData(combo);
            emit self->closeEditor(combo);
        });
        return combo;
    }
    return QStyledItemDelegate::createEditor(parent, option, index);
}

void ItemTreeDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentText(index.data(Qt::EditRole).toString());
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void ItemTreeDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentText());
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace dd::ui
