#include "designer/samplelayout.h"

#include "model/number.h"

#include <QSet>

#include <algorithm>

namespace dd::ui {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

// The value of `attribute` in `item` when it is a scalar of `type`; else empty.
QJsonObject keyValue(const QJsonObject &item, const KeyAttribute &key)
{
    const QJsonObject v = item.value(key.name).toObject();
    if (v.size() != 1 || !v.contains(key.type))
        return {};
    return v;
}

} // namespace

int SampleLayout::compareKeys(const QJsonObject &a, const QJsonObject &b)
{
    const QString type = a.keys().value(0);
    const QString av = a.value(type).toString();
    const QString bv = b.value(type).toString();
    if (type == QLatin1String("N")) {
        auto x = model::Number::parse(av);
        auto y = model::Number::parse(bv);
        if (x.ok() && y.ok())
            return x->compare(*y);
    }
    QByteArray ab = av.toUtf8(), bb = bv.toUtf8();
    if (type == QLatin1String("B")) {
        ab = QByteArray::fromBase64(ab);
        bb = QByteArray::fromBase64(bb);
    }
    return ab < bb ? -1 : (bb < ab ? 1 : 0);
}

SampleLayout SampleLayout::build(const TableDesign &design, const QString &index, const QJsonArray &items)
{
    SampleLayout layout;
    QString projection = p("ALL");
    QSet<QString> projected; // INCLUDE / KEYS_ONLY: the attributes kept
    if (index.isEmpty()) {
        layout.partition = design.partition;
        layout.sort = design.sort;
    } else {
        const IndexDesign *found = nullptr;
        for (const IndexDesign &ix : design.indexes)
            if (ix.name == index)
                found = &ix;
        if (!found)
            return layout;
        layout.partition = found->global ? found->partition : design.partition;
        layout.sort = found->sort;
        projection = found->projection;
        projected = {design.partition.name, design.sort.name, layout.partition.name, layout.sort.name};
        if (projection == QLatin1String("INCLUDE"))
            for (const QString &a : found->included)
                projected.insert(a);
    }
    if (layout.partition.name.isEmpty())
        return layout;

    QList<QJsonObject> kept;
    for (const QJsonValue &v : items) {
        QJsonObject item = v.toObject();
        const bool hasKeys = !keyValue(item, layout.partition).isEmpty()
            && (layout.sort.name.isEmpty() || !keyValue(item, layout.sort).isEmpty())
            && (index.isEmpty() || (!keyValue(item, design.partition).isEmpty()
                                    && (design.sort.name.isEmpty() || !keyValue(item, design.sort).isEmpty())));
        if (!hasKeys) {
            ++layout.absent;
            continue;
        }
        if (projection != QLatin1String("ALL"))
            for (const QString &name : item.keys())
                if (!projected.contains(name))
                    item.remove(name);
        for (const QString &name : item.keys())
            if (name != layout.partition.name && name != layout.sort.name && !layout.attributes.contains(name))
                layout.attributes << name;
        kept << item;
    }

    for (const QJsonObject &item : kept) {
        const QJsonObject pv = keyValue(item, layout.partition);
        auto group = std::find_if(layout.groups.begin(), layout.groups.end(), [&](const Group &g) { return compareKeys(g.partitionValue, pv) == 0; });
        if (group == layout.groups.end())
            group = layout.groups.insert(layout.groups.end(), Group{pv, {}});
        // In the table itself a second item with the same key replaces the first.
        if (index.isEmpty()) {
            const QJsonObject sv = layout.sort.name.isEmpty() ? QJsonObject() : keyValue(item, layout.sort);
            auto same = std::find_if(group->items.begin(), group->items.end(), [&](const QJsonObject &o) {
                return layout.sort.name.isEmpty() || compareKeys(keyValue(o, layout.sort), sv) == 0;
            });
            if (same != group->items.end()) {
                *same = item;
                ++layout.absent;
                continue;
            }
        }
        group->items << item;
    }
    if (!layout.sort.name.isEmpty())
        for (Group &g : layout.groups)
            std::stable_sort(g.items.begin(), g.items.end(), [&](const QJsonObject &a, const QJsonObject &b) {
                return compareKeys(keyValue(a, layout.sort), keyValue(b, layout.sort)) < 0;
            });
    return layout;
}

} // namespace dd::ui
