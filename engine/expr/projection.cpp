// project(): the parts of an item at given paths, in the item's shape.
// Selected list elements form a compacted list in their original order
// ("a[2], a[0]" gives [a[0], a[2]]), as DynamoDB returns them.
#include "expr/ast.h"
#include "expr/document.h"

#include <map>

namespace dd::expr {

using model::AttrType;
using model::AttributeValue;

namespace {

struct Node {
    std::optional<AttributeValue> whole;  // a path ended here
    std::map<QString, Node> members;      // map members selected below
    std::map<qint64, Node> elements;         // list elements selected below
};

void insert(Node &root, const Path &path, const AttributeValue &value)
{
    Node *n = &root;
    for (const PathElement &e : path.elements) {
        if (const qint64 *index = std::get_if<qint64>(&e))
            n = &n->elements[*index];
        else
            n = &n->members[std::get<QString>(e)];
    }
    n->whole = value;
}

AttributeValue build(const Node &n)
{
    if (n.whole)
        return *n.whole;
    if (!n.elements.empty()) {
        model::AttrList list;
        for (const auto &[index, child] : n.elements)
            list.push_back(build(child));
        return AttributeValue::list(std::move(list));
    }
    model::AttrMap map;
    for (const auto &[name, child] : n.members)
        map.emplace(name, build(child));
    return AttributeValue::map(std::move(map));
}

} // namespace

model::Item project(const std::vector<Path> &paths, const model::Item &item)
{
    Node root;
    for (const Path &p : paths)
        if (const AttributeValue *v = lookup(item, p))
            insert(root, p, *v);
    model::Item out;
    for (const auto &[name, child] : root.members)
        out.emplace(name, build(child));
    return out;
}

const std::vector<Path> &projectedPaths(const Projection &projection)
{
    return projection.paths;
}

} // namespace dd::expr
