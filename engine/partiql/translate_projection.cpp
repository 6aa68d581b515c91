// A PartiQL SELECT's item with nested paths projected (projectItem): each
// value keyed by its last name, as PartiQL answers it.
#include "partiql/translate_p.h"

namespace dd::partiql {

using namespace translate_detail;

namespace {

// The value at `path` in an item's attribute map, if any.
std::optional<QJsonValue> valueAt(const QJsonObject &item, const Path &path)
{
    QJsonValue at = item.value(path.front().name);
    if (at.isUndefined())
        return std::nullopt;
    for (size_t i = 1; i < path.size(); ++i) {
        const QJsonObject v = at.toObject();
        if (path[i].index >= 0) {
            const QJsonArray list = v.value(p("L")).toArray();
            if (path[i].index >= list.size())
                return std::nullopt;
            at = list[path[i].index];
        } else {
            at = v.value(p("M")).toObject().value(path[i].name);
            if (at.isUndefined())
                return std::nullopt;
        }
    }
    return at;
}

} // namespace

QJsonObject projectItem(const QJsonObject &item, const std::vector<Path> &projection)
{
    if (std::all_of(projection.begin(), projection.end(), [](const Path &pth) { return pth.size() == 1; }))
        return item;
    QJsonObject out;
    for (const Path &pth : projection) {
        const std::optional<QJsonValue> v = valueAt(item, pth);
        if (!v)
            continue;
        // Keyed by the last name, and the index after it: a.b -> b, a.list[0] -> list[0].
        QString key;
        for (auto step = pth.rbegin(); step != pth.rend(); ++step) {
            if (step->index >= 0) {
                key.prepend(u'[' + QString::number(step->index) + u']');
                continue;
            }
            key.prepend(step->name);
            break;
        }
        out.insert(key, *v);
    }
    return out;
}

} // namespace dd::partiql
