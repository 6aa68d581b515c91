// ItemTreeEditor: the item editor's tree: a QTreeView over an editable
// ItemTreeModel (name, type combo, value per node) with buttons to add a
// child (to the selected map, list or set, or beside the selected scalar)
// and remove the selected node; Insert and Delete do the same from the
// keyboard. It reports every edit (model()->itemEdited()); keeping it in
// step with the text is the ItemEditor's job.
#pragma once

#include <QJsonObject>
#include <QStringList>
#include <QWidget>

class QToolButton;
class QTreeView;

namespace dd::ui {

class ItemTreeModel;

class ItemTreeEditor : public QWidget {
    Q_OBJECT
public:
    explicit ItemTreeEditor(QWidget *parent = nullptr);

    ItemTreeModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

    // Replaces the tree, keeping the expanded nodes and the current one
    // where their paths still exist.
    void setItem(const QJsonObject &item);
    // Selects and shows the node at `path` (or the deepest that exists).
    void selectPath(const QString &path);
    void setReadOnly(bool readOnly); // the text is not valid JSON: the tree shows the last valid item

    void addChild();     // to the current node, or beside it when it is a scalar
    void removeCurrent();

private:
    QStringList expandedPaths() const;
    void updateButtons();

    ItemTreeModel *m_model;
    QTreeView *m_view;
    QToolButton *m_add;
    QToolButton *m_remove;
};

} // namespace dd::ui
