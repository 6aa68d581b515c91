// ItemTreeModel: one DynamoDB item (or one attribute value) as a tree of
// nodes, for the item editor's tree view and the table browser's cell
// detail pane. Columns: name (map members; "[i]" for list and set
// elements), type tag, value (scalars as text, containers summarised as
// "{3 attrs}", "[5]" (a list) or "{5}" (a set)). When editable, a node's name, type and value
// can be changed, children added and removed; every change emits
// itemEdited(). The model holds what the user typed even when it is not a
// valid DynamoDB value (N "abc", an empty set): validation is the editor's
// (itemjson::findInvalid gives a path, indexForPath() the node).
//
// GUI thread only. Never opens dialogs.
#pragma once

#include <QAbstractItemModel>
#include <QJsonObject>
#include <QStringList>

#include <memory>
#include <vector>

namespace dd::ui {

class ItemTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn = 0, TypeColumn = 1, ValueColumn = 2 };
    enum Role { PathRole = Qt::UserRole + 1 }; // QString: "address.lines[2]" (itemjson's path syntax)

    explicit ItemTreeModel(QObject *parent = nullptr);
    ~ItemTreeModel() override;

    static QStringList types(); // the ten type tags, in the order the type combo shows them

    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }

    // Replaces the tree with an item (a map of attributes at the top level).
    void setItem(const QJsonObject &item);
    // Replaces the tree with one attribute value shown under `name`.
    void setAttribute(const QString &name, const QJsonObject &attribute);
    // The tree as a DynamoDB item (what setItem() took, with the edits).
    QJsonObject item() const;
    // One node's value as DynamoDB JSON ({"S": "x"}).
    QJsonObject attribute(const QModelIndex &index) const;

    // The node at `path` ("a.b[2]"), or an invalid index if there is none
    // (the deepest node that exists when `nearest` is set).
    QModelIndex indexForPath(const QString &path, bool nearest = false) const;
    QString pathOf(const QModelIndex &index) const;
    // What the tree holds that an item cannot: a member with an empty name
    // or a name used twice in one map. Returns the message and sets *path
    // to the node; empty when there is none.
    QString structureProblem(QString *path) const;

    // Editing. Each returns the new or changed node's index, or an invalid
    // index if the operation does not apply (a scalar has no children).
    QModelIndex addChild(const QModelIndex &parent, const QString &type = QStringLiteral("S"));
    bool removeNode(const QModelIndex &index);
    // Changes a node's type, converting what can be converted: scalars keep
    // their text where it is valid for the new type, a list becomes a map
    // keyed "0", "1", ... and back, a list becomes a set of its scalar
    // elements, a scalar becomes a one-element list or set; what cannot be
    // converted is cleared.
    bool setType(const QModelIndex &index, const QString &type);

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void itemEdited(); // after every change made through the model's editing API

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(Node *node, int column = 0) const;
    static std::unique_ptr<Node> build(const QString &name, const QJsonObject &attribute, Node *parent);
    static QJsonObject toJson(const Node *node);
    static void convert(Node *node, const QString &type);
    void emitSubtreeChanged(Node *node);

    std::unique_ptr<Node> m_root; // an M node; its children are the item's attributes
    bool m_editable = false;
    bool m_itemMode = true;       // setItem() (the root's members are the rows) or setAttribute() (one row)
};

} // namespace dd::ui
