#include "common/itemtreemodel.h"

#include <QApplication>
#include <QJsonArray>
#include <QPalette>
#include <QRegularExpression>
#include <QSet>

#include <functional>

namespace dd::ui {

struct ItemTreeModel::Node {
    QString name;   // member name in a map; empty for list and set elements
    QString type;   // "S", "N", ..., "M", "L", "SS", "NS", "BS"
    QString value;  // scalars: the text (BOOL "true"/"false"; empty for NULL)
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    int row() const
    {
        if (!parent)
            return 0;
        for (size_t i = 0; i < parent->children.size(); ++i)
            if (parent->children[i].get() == this)
                return int(i);
        return 0;
    }
};

namespace {

bool isScalar(const QString &t)
{
    return t == QLatin1String("S") || t == QLatin1String("N") || t == QLatin1String("B") || t == QLatin1String("BOOL")
        || t == QLatin1String("NULL");
}

bool isSet(const QString &t)
{
    return t == QLatin1String("SS") || t == QLatin1String("NS") || t == QLatin1String("BS");
}

QString elementType(const QString &setType)
{
    return setType.left(1);
}

bool looksNumeric(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$"));
    return re.match(text).hasMatch();
}

// A scalar's text carried over to another scalar type, where it fits.
QString convertText(const QString &from, const QString &text, const QString &to)
{
    const QString plain = from == QLatin1String("NULL") ? QString() : text;
    if (to == QLatin1String("N"))
        return looksNumeric(plain) ? plain.trimmed() : QStringLiteral("0");
    if (to == QLatin1String("BOOL"))
        return plain.trimmed().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 || plain.trimmed() == QLatin1String("1")
            ? QStringLiteral("true") : QStringLiteral("false");
    if (to == QLatin1String("NULL"))
        return QString();
    if (to == QLatin1String("B")) {
        if (from == QLatin1String("B"))
            return plain;
        return QString::fromLatin1(plain.toUtf8().toBase64());
    }
    if (from == QLatin1String("B")) { // to S: the bytes as text when they are UTF-8
        const auto decoded = QByteArray::fromBase64Encoding(plain.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        return decoded ? QString::fromUtf8(*decoded) : plain;
    }
    return plain;
}

QString defaultValue(const QString &type)
{
    if (type == QLatin1String("N"))
        return QStringLiteral("0");
    if (type == QLatin1String("BOOL"))
        return QStringLiteral("false");
    return QString();
}

} // namespace

ItemTreeModel::ItemTreeModel(QObject *parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{
    m_root->type = QStringLiteral("M");
}

ItemTreeModel::~ItemTreeModel() = default;

QStringList ItemTreeModel::types()
{
    return {QStringLiteral("S"), QStringLiteral("N"), QStringLiteral("B"), QStringLiteral("BOOL"), QStringLiteral("NULL"),
            QStringLiteral("M"), QStringLiteral("L"), QStringLiteral("SS"), QStringLiteral("NS"), QStringLiteral("BS")};
}

void ItemTreeModel::setEditable(bool editable)
{
    m_editable = editable;
}

std::unique_ptr<ItemTreeModel::Node> ItemTreeModel::build(const QString &name, const QJsonObject &attribute, Node *parent)
{
    auto node = std::make_unique<Node>();
    node->name = name;
    node->parent = parent;
    node->type = attribute.size() == 1 ? attribute.constBegin().key() : QStringLiteral("NULL");
    const QJsonValue v = attribute.constBegin().value();
    if (node->type == QLatin1String("M")) {
        const QJsonObject m = v.toObject();
        QStringList keys = m.keys();
        keys.sort();
        for (const QString &k : keys)
            node->children.push_back(build(k, m.value(k).toObject(), node.get()));
    } else if (node->type == QLatin1String("L")) {
        for (const auto &e : v.toArray())
            node->children.push_back(build(QString(), e.toObject(), node.get()));
    } else if (isSet(node->type)) {
        const QString t = elementType(node->type);
        for (const auto &e : v.toArray())
            node->children.push_back(build(QString(), QJsonObject{{t, e.toString()}}, node.get()));
    } else if (node->type == QLatin1String("BOOL")) {
        node->value = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    } else if (node->type != QLatin1String("NULL")) {
        node->value = v.toString();
    }
    return node;
}

QJsonObject ItemTreeModel::toJson(const Node *node)
{
    const QString &t = node->type;
    if (t == QLatin1String("M")) {
        QJsonObject m;
        for (const auto &c : node->children)
            m.insert(c->name, toJson(c.get()));
        return {{t, m}};
    }
    if (t == QLatin1String("L")) {
        QJsonArray a;
        for (const auto &c : node->children)
            a.append(toJson(c.get()));
        return {{t, a}};
    }
    if (isSet(t)) {
        QJsonArray a;
        for (const auto &c : node->children)
            a.append(c->value);
        return {{t, a}};
    }
    if (t == QLatin1String("BOOL"))
        return {{t, node->value == QLatin1String("true")}};
    if (t == QLatin1String("NULL"))
        return {{t, true}};
    return {{t, node->value}};
}

void ItemTreeModel::setItem(const QJsonObject &item)
{
    beginResetModel();
    m_itemMode = true;
    m_root = build(QString(), QJsonObject{{QStringLiteral("M"), item}}, nullptr);
    endResetModel();
}

void ItemTreeModel::setAttribute(const QString &name, const QJsonObject &attribute)
{
    beginResetModel();
    m_itemMode = false;
    m_root = std::make_unique<Node>();
    m_root->type = QStringLiteral("M");
    if (!attribute.isEmpty())
        m_root->children.push_back(build(name, attribute, m_root.get()));
    endResetModel();
}

QJsonObject ItemTreeModel::item() const
{
    return toJson(m_root.get()).value(QStringLiteral("M")).toObject();
}

QJsonObject ItemTreeModel::attribute(const QModelIndex &index) const
{
    Node *n = nodeOf(index);
    return n == m_root.get() ? QJsonObject() : toJson(n);
}

ItemTreeModel::Node *ItemTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex ItemTreeModel::indexOf(Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), column, node);
}

QModelIndex ItemTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    Node *p = nodeOf(parent);
    if (row < 0 || column < 0 || column > ValueColumn || row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex ItemTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int ItemTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int ItemTreeModel::columnCount(const QModelIndex &) const
{
    return 3;
}

QVariant ItemTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *n = nodeOf(index);
    const bool inMap = n->parent && n->parent->type == QLatin1String("M");
    if (role == PathRole)
        return pathOf(index);
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole)
            return inMap ? n->name : QStringLiteral("[%1]").arg(n->row());
        if (role == Qt::EditRole)
            return n->name;
        if (role == Qt::ToolTipRole)
            return pathOf(index);
        break;
    case TypeColumn:
        if (role == Qt::DisplayRole || role == Qt::EditRole)
            return n->type;
        break;
    case ValueColumn:
        if (role == Qt::EditRole)
            return n->value;
        if (role == Qt::DisplayRole) {
            if (n->type == QLatin1String("M"))
                return tr("{%1 attrs}").arg(n->children.size());
            if (n->type == QLatin1String("L"))
                return QStringLiteral("[%1]").arg(n->children.size());
            if (isSet(n->type))
                return QStringLiteral("{%1}").arg(n->children.size());
            if (n->type == QLatin1String("NULL"))
                return QStringLiteral("null");
            QString v = n->value;
            v.replace(QLatin1Char('\n'), QChar(0x23CE));
            return v;
        }
        if (role == Qt::ToolTipRole && !isScalar(n->type))
            return {};
        if (role == Qt::ToolTipRole)
            return n->value.left(2000);
        if (role == Qt::ForegroundRole && (!isScalar(n->type) || n->type == QLatin1String("NULL")))
            return QApplication::palette().color(QPalette::PlaceholderText);
        if (role == Qt::TextAlignmentRole && n->type == QLatin1String("N"))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant ItemTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case TypeColumn: return tr("Type");
    case ValueColumn: return tr("Value");
    default: return {};
    }
}

Qt::ItemFlags ItemTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!m_editable)
        return f;
    const Node *n = nodeOf(index);
    const bool inMap = n->parent && n->parent->type == QLatin1String("M");
    const bool inSet = n->parent && isSet(n->parent->type);
    const bool top = n->parent == m_root.get();
    switch (index.column()) {
    case NameColumn:
        if (inMap && (m_itemMode || !top))
            f |= Qt::ItemIsEditable;
        break;
    case TypeColumn:
        if (!inSet)
            f |= Qt::ItemIsEditable;
        break;
    case ValueColumn:
        if (isScalar(n->type) && n->type != QLatin1String("NULL"))
            f |= Qt::ItemIsEditable;
        break;
    default:
        break;
    }
    return f;
}

bool ItemTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    Node *n = nodeOf(index);
    switch (index.column()) {
    case NameColumn:
        if (n->name == value.toString())
            return false;
        n->name = value.toString();
        break;
    case TypeColumn:
        return setType(index, value.toString());
    case ValueColumn: {
        QString v = value.typeId() == QMetaType::Bool ? (value.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                                      : value.toString();
        if (n->type == QLatin1String("BOOL"))
            v = convertText(QStringLiteral("S"), v, QStringLiteral("BOOL"));
        if (n->value == v)
            return false;
        n->value = v;
        break;
    }
    default:
        return false;
    }
    emit dataChanged(index.siblingAtColumn(0), index.siblingAtColumn(ValueColumn));
    emitSubtreeChanged(n->parent);
    emit itemEdited();
    return true;
}

void ItemTreeModel::emitSubtreeChanged(Node *node)
{
    // The value column of the ancestors summarises their children.
    for (Node *p = node; p && p != m_root.get(); p = p->parent) {
        const QModelIndex i = indexOf(p, ValueColumn);
        emit dataChanged(i, i);
    }
}

void ItemTreeModel::convert(Node *node, const QString &type)
{
    const QString from = node->type;
    if (from == type)
        return;
    std::vector<std::unique_ptr<Node>> old;
    old.swap(node->children);
    const QString oldValue = node->value;
    node->type = type;
    node->value.clear();
    auto addChild = [node](const QString &name, const QString &t, const QString &v) {
        auto c = std::make_unique<Node>();
        c->name = name;
        c->type = t;
        c->value = v;
        c->parent = node;
        node->children.push_back(std::move(c));
    };
    if (isScalar(type)) {
        node->value = isScalar(from) ? convertText(from, oldValue, type) : defaultValue(type);
        return;
    }
    if (isSet(type)) {
        const QString et = elementType(type);
        QSet<QString> seen;
        auto take = [&](const QString &t, const QString &v) {
            if (!isScalar(t) || t == QLatin1String("NULL"))
                return;
            if ((et == QLatin1String("N") && !looksNumeric(v)))
                return;
            const QString text = convertText(t, v, et);
            if (text.isEmpty() || seen.contains(text))
                return;
            seen.insert(text);
            addChild(QString(), et, text);
        };
        if (isScalar(from))
            take(from, oldValue);
        else
            for (const auto &c : old)
                take(c->type, c->value);
        return;
    }
    // M or L: reuse the old children (or the scalar as one element).
    if (isScalar(from)) {
        if (type == QLatin1String("L"))
            addChild(QString(), from, oldValue);
        return;
    }
    int i = 0;
    for (auto &c : old) {
        c->parent = node;
        c->name = type == QLatin1String("M") ? (c->name.isEmpty() ? QString::number(i) : c->name) : QString();
        node->children.push_back(std::move(c));
        ++i;
    }
}

bool ItemTreeModel::setType(const QModelIndex &index, const QString &type)
{
    Node *n = nodeOf(index);
    if (!index.isValid() || !types().contains(type) || n->type == type || (n->parent && isSet(n->parent->type)))
        return false;
    const QModelIndex at = index.siblingAtColumn(0);
    // Convert a copy, then swap the children in with remove/insert signals
    // (a model reset would collapse the whole view).
    Node copy;
    copy.type = n->type;
    copy.value = n->value;
    const int oldCount = int(n->children.size());
    if (oldCount > 0) {
        beginRemoveRows(at, 0, oldCount - 1);
        copy.children.swap(n->children);
        endRemoveRows();
    }
    for (auto &c : copy.children)
        c->parent = &copy;
    convert(&copy, type);
    n->type = copy.type;
    n->value = copy.value;
    if (!copy.children.empty()) {
        beginInsertRows(at, 0, int(copy.children.size()) - 1);
        for (auto &c : copy.children)
            c->parent = n;
        n->children.swap(copy.children);
        endInsertRows();
    }
    emit dataChanged(at, index.siblingAtColumn(ValueColumn));
    emitSubtreeChanged(n->parent);
    emit itemEdited();
    return true;
}

QModelIndex ItemTreeModel::addChild(const QModelIndex &parent, const QString &type)
{
    Node *p = nodeOf(parent);
    if (!m_editable || isScalar(p->type) || (!parent.isValid() && !m_itemMode))
        return {};
    QString name;
    if (p->type == QLatin1String("M")) {
        QSet<QString> names;
        for (const auto &c : p->children)
            names.insert(c->name);
        name = tr("attribute");
        for (int i = 2; names.contains(name); ++i)
            name = tr("attribute%1").arg(i);
    }
    const QString t = isSet(p->type) ? elementType(p->type) : type;
    const int row = int(p->children.size());
    beginInsertRows(parent.siblingAtColumn(0), row, row);
    auto c = std::make_unique<Node>();
    c->name = name;
    c->type = t;
    c->value = defaultValue(t);
    c->parent = p;
    if (!isScalar(t))
        c->value.clear();
    p->children.push_back(std::move(c));
    endInsertRows();
    emitSubtreeChanged(p);
    emit itemEdited();
    return index(row, 0, parent.siblingAtColumn(0));
}

bool ItemTreeModel::removeNode(const QModelIndex &index)
{
    if (!m_editable || !index.isValid())
        return false;
    Node *n = nodeOf(index);
    Node *p = n->parent;
    if (p == m_root.get() && !m_itemMode)
        return false;
    const int row = n->row();
    beginRemoveRows(parent(index), row, row);
    p->children.erase(p->children.begin() + row);
    endRemoveRows();
    emitSubtreeChanged(p);
    emit itemEdited();
    return true;
}

QString ItemTreeModel::pathOf(const QModelIndex &index) const
{
    QString path;
    for (const Node *n = nodeOf(index); n && n != m_root.get(); n = n->parent) {
        const bool inMap = n->parent && n->parent->type == QLatin1String("M");
        if (inMap)
            path.prepend(n->parent == m_root.get() ? n->name : QLatin1Char('.') + n->name);
        else
            path.prepend(QStringLiteral("[%1]").arg(n->row()));
    }
    return path;
}

QModelIndex ItemTreeModel::indexForPath(const QString &path, bool nearest) const
{
    Node *n = m_root.get();
    qsizetype i = 0;
    while (i < path.size()) {
        Node *next = nullptr;
        if (path.at(i) == QLatin1Char('[')) {
            const qsizetype close = path.indexOf(QLatin1Char(']'), i);
            if (close < 0)
                break;
            const int at = path.mid(i + 1, close - i - 1).toInt();
            if (!isScalar(n->type) && n->type != QLatin1String("M") && at >= 0 && at < int(n->children.size()))
                next = n->children[size_t(at)].get();
            i = close + 1;
        } else {
            if (path.at(i) == QLatin1Char('.'))
                ++i;
            qsizetype end = i;
            while (end < path.size() && path.at(end) != QLatin1Char('.') && path.at(end) != QLatin1Char('['))
                ++end;
            const QString name = path.mid(i, end - i);
            if (n->type == QLatin1String("M"))
                for (const auto &c : n->children)
                    if (c->name == name)
                        next = c.get();
            i = end;
        }
        if (!next)
            return nearest ? indexOf(n) : QModelIndex();
        n = next;
    }
    return indexOf(n);
}

QString ItemTreeModel::structureProblem(QString *path) const
{
    std::function<QString(const Node *)> walk = [&](const Node *n) -> QString {
        if (n->type == QLatin1String("M")) {
            QSet<QString> names;
            for (const auto &c : n->children) {
                if (c->name.isEmpty()) {
                    *path = pathOf(indexOf(const_cast<Node *>(c.get())));
                    return tr("An attribute name must not be empty");
                }
                if (names.contains(c->name)) {
                    *path = pathOf(indexOf(const_cast<Node *>(c.get())));
                    return tr("The name %1 is used twice in one map").arg(c->name);
                }
                names.insert(c->name);
            }
        }
        for (const auto &c : n->children) {
            const QString problem = walk(c.get());
            if (!problem.isEmpty())
                return problem;
        }
        return {};
    };
    return walk(m_root.get());
}

} // namespace dd::ui
