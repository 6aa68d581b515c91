#include "items/itemtreeeditor.h"

#include "common/itemtreemodel.h"
#include "items/itemtreedelegate.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <functional>

namespace dd::ui {

ItemTreeEditor::ItemTreeEditor(QWidget *parent) : QWidget(parent)
{
    m_model = new ItemTreeModel(this);
    m_model->setEditable(true);
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("itemTree"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new ItemTreeDelegate(m_view));
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::SelectedClicked);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->resizeSection(ItemTreeModel::NameColumn, 160);
    m_view->header()->resizeSection(ItemTreeModel::TypeColumn, 64);

    m_add = new QToolButton(this);
    m_add->setObjectName(QStringLiteral("addNode"));
    m_add->setIcon(QIcon(QStringLiteral(":/dynamodesk/icons/add.svg")));
    m_add->setText(tr("&Add"));
    m_add->setToolTip(tr("Add an attribute or element to the selected map, list or set (Insert)"));
    m_add->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_remove = new QToolButton(this);
    m_remove->setObjectName(QStringLiteral("removeNode"));
    m_remove->setIcon(QIcon(QStringLiteral(":/dynamodesk/icons/remove.svg")));
    m_remove->setText(tr("Re&move"));
    m_remove->setToolTip(tr("Remove the selected node (Delete)"));
    m_remove->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    auto *insert = new QAction(this);
    insert->setShortcut(QKeySequence(Qt::Key_Insert));
    insert->setShortcutContext(Qt::WidgetShortcut);
    connect(insert, &QAction::triggered, this, &ItemTreeEditor::addChild);
    m_view->addAction(insert);
    auto *remove = new QAction(this);
    remove->setShortcut(QKeySequence(QKeySequence::Delete));
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &ItemTreeEditor::removeCurrent);
    m_view->addAction(remove);
    connect(m_add, &QToolButton::clicked, this, &ItemTreeEditor::addChild);
    connect(m_remove, &QToolButton::clicked, this, &ItemTreeEditor::removeCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &ItemTreeEditor::updateButtons);
    updateButtons();
}

QStringList ItemTreeEditor::expandedPaths() const
{
    QStringList paths;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < m_model->rowCount(parent); ++r) {
            const QModelIndex i = m_model->index(r, 0, parent);
            if (m_view->isExpanded(i)) {
                paths << m_model->pathOf(i);
                walk(i);
            }
        }
    };
    walk(QModelIndex());
    return paths;
}

void ItemTreeEditor::setItem(const QJsonObject &item)
{
    const QStringList expanded = expandedPaths();
    const QString current = m_model->pathOf(m_view->currentIndex());
    const bool first = m_model->rowCount() == 0;
    m_model->setItem(item);
    if (first) {
        m_view->expandToDepth(1);
    } else {
        for (const QString &p : expanded) {
            const QModelIndex i = m_model->indexForPath(p);
            if (i.isValid())
                m_view->expand(i);
        }
    }
    if (!current.isEmpty())
        m_view->setCurrentIndex(m_model->indexForPath(current, true));
    updateButtons();
}

void ItemTreeEditor::selectPath(const QString &path)
{
    const QModelIndex i = m_model->indexForPath(path, true);
    if (!i.isValid())
        return;
    for (QModelIndex p = i.parent(); p.isValid(); p = p.parent())
        m_view->expand(p);
    m_view->setCurrentIndex(i);
    m_view->scrollTo(i);
}

void ItemTreeEditor::setReadOnly(bool readOnly)
{
    m_model->setEditable(!readOnly);
    updateButtons();
}

void ItemTreeEditor::addChild()
{
    QModelIndex at = m_view->currentIndex().siblingAtColumn(0);
    const QString type = at.isValid() ? at.siblingAtColumn(ItemTreeModel::TypeColumn).data().toString() : QString();
    const bool container = type == QLatin1String("M") || type == QLatin1String("L") || (type.size() == 2 && type.endsWith(QLatin1Char('S')));
    if (at.isValid() && !container)
        at = at.parent();
    const QModelIndex added = m_model->addChild(at);
    if (!added.isValid())
        return;
    m_view->expand(at);
    m_view->setCurrentIndex(added);
    m_view->scrollTo(added);
    // Name a new map member first; a list or set element, its value.
    const bool named = m_model->flags(added) & Qt::ItemIsEditable;
    m_view->edit(named ? added : added.siblingAtColumn(ItemTreeModel::ValueColumn));
}

void ItemTreeEditor::removeCurrent()
{
    const QModelIndex at = m_view->currentIndex();
    if (!at.isValid())
        return;
    const QModelIndex parent = at.parent();
    const int row = at.row();
    if (!m_model->removeNode(at))
        return;
    const int rows = m_model->rowCount(parent);
    m_view->setCurrentIndex(rows > 0 ? m_model->index(qMin(row, rows - 1), 0, parent) : parent);
}

void ItemTreeEditor::updateButtons()
{
    m_add->setEnabled(m_model->isEditable());
    m_remove->setEnabled(m_model->isEditable() && m_view->currentIndex().isValid());
}

} // namespace dd::ui
