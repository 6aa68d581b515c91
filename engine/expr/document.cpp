#include "expr/document.h"

namespace dd::expr {

using model::AttrType;
using model::AttributeValue;

QString Path::toString() const
{
    QString s;
    for (size_t i = 0; i < elements.size(); ++i) {
        if (const qint64 *index = std::get_if<qint64>(&elements[i])) {
            s += QStringLiteral("[%1]").arg(*index);
        } else {
            if (i > 0)
                s += QLatin1Char('.');
            s += std::get<QString>(elements[i]);
        }
    }
    return s;
}

namespace {

template <typename V, typename Item>
V *walk(Item &item, const Path &path, size_t length)
{
    if (length == 0 || path.elements.empty())
        return nullptr;
    const QString *top = std::get_if<QString>(&path.elements[0]);
    if (!top)
        return nullptr;
    auto it = item.find(*top);
    if (it == item.end())
        return nullptr;
    V *v = &it->second;
    for (size_t i = 1; i < length && i < path.elements.size(); ++i) {
        const PathElement &e = path.elements[i];
        if (const qint64 *index = std::get_if<qint64>(&e)) {
            if (!v->is(AttrType::L))
                return nullptr;
            auto &list = v->asList();
            if (*index < 0 || size_t(*index) >= list.size())
                return nullptr;
            v = &list[size_t(*index)];
        } else {
            if (!v->is(AttrType::M))
                return nullptr;
            auto &map = v->asMap();
            auto m = map.find(std::get<QString>(e));
            if (m == map.end())
                return nullptr;
            v = &m->second;
        }
    }
    return v;
}

} // namespace

const AttributeValue *lookup(const model::Item &item, const Path &path)
{
    return walk<const AttributeValue>(item, path, path.elements.size());
}

const AttributeValue *lookupPrefix(const model::Item &item, const Path &path, size_t length)
{
    return walk<const AttributeValue>(item, path, length);
}

AttributeValue *lookupMutable(model::Item &item, const Path &path, size_t length)
{
    return walk<AttributeValue>(item, path, length);
}

} // namespace dd::expr
