#include "designer/samplelayout.h"

#include "model/number.h"

#include <QSet>

#include <algorithm>

namespace dd::ui {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

// The value of `key` in `item` when it is a scalar of the key's type; else empty.
QJsonObject keyValue(const QJsonObject &item, const KeyAttribute &key)
{
    const QJsonObject v = item.value(key.name).toObject();
    if (v.size() != 1 || !v.contains(key.type))
        return {};
    return v;
}

// Whether `item` has every one of `keys` with its type.
bool hasAll(const QJsonObject &item, const QList<KeyAttribute> &keys)
{
    return std::all_of(keys.begin(), keys.end(), [&](const KeyAttribute &k) { return !keyValue(item, k).isEmpty(); });
}

// The values of `keys` in `item`, in order (an empty object for one it lacks).
QList<QJsonObject> keyValues(const QJsonObject &item, const QList<KeyAttribute> &keys)
{
    QList<QJsonObject> out;
    for (const KeyAttribute &k : keys)
        out << keyValue(item, k);
    return out;
}

// Two values of the same keys compared one attribute after another, as
// DynamoDB orders a multi-attribute sort key: <0, 0, >0.
int compareAll(const QList<QJsonObject> &a, const QList<QJsonObject> &b)
{
    for (qsizetype i = 0; i < a.size() && i < b.size(); ++i)
        if (const int c = SampleLayout::compareKeys(a[i], b[i]); c != 0)
            return c;
    return 0;
}

// `keys` without the unnamed ones (lines of a key still being typed).
QList<KeyAttribute> named(const QList<KeyAttribute> &keys)
{
    QList<KeyAttribute> out;
    for (const KeyAttribute &k : keys)
        if (!k.name.isEmpty())
            out << k;
    return out;
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
    const QList<KeyAttribute> tableKeys = named({design.partition, design.sort});
    QString projection = p("ALL");
    QSet<QString> projected; // INCLUDE / KEYS_ONLY: the attributes kept
    QList<KeyAttribute> required; // what an item needs to be in the view: its keys and, for an index, the table's
    if (index.isEmpty()) {
        layout.partitions = named({design.partition});
        layout.sorts = named({design.sort});
    } else {
        const IndexDesign *found = nullptr;
        for (const IndexDesign &ix : design.indexes)
            if (ix.name == index)
                found = &ix;
        if (!found)
            return layout;
        // An index whose first partition attribute is unnamed groups nothing yet.
        const KeyAttribute first = found->global ? found->partition : design.partition;
        layout.partitions = first.name.isEmpty() ? QList<KeyAttribute>()
                                                 : named(found->global ? found->partitionKeys() : QList<KeyAttribute>{design.partition});
        layout.sorts = named(found->global ? found->sortKeys() : QList<KeyAttribute>{found->sort});
        projection = found->projection;
        for (const KeyAttribute &k : tableKeys + layout.partitions + layout.sorts)
            projected.insert(k.name);
        if (projection == QLatin1String("INCLUDE"))
            for (const QString &a : found->included)
                projected.insert(a);
        required = tableKeys;
    }
    layout.partition = layout.partitions.value(0);
    layout.sort = layout.sorts.value(0);
    if (layout.partitions.isEmpty())
        return layout;
    required += layout.partitions + layout.sorts;
    QSet<QString> keyNames;
    for (const KeyAttribute &k : layout.partitions + layout.sorts)
        keyNames.insert(k.name);

    QList<QJsonObject> kept;
    for (const QJsonValue &v : items) {
        QJsonObject item = v.toObject();
        if (!hasAll(item, required)) {
            ++layout.absent;
            continue;
        }
        if (projection != QLatin1String("ALL"))
            for (const QString &name : item.keys())
                if (!projected.contains(name))
                    item.remove(name);
        for (const QString &name : item.keys())
            if (!keyNames.contains(name) && !layout.attributes.contains(name))
                layout.attributes << name;
        kept << item;
    }

    for (const QJsonObject &item : kept) {
        const QList<QJsonObject> pv = keyValues(item, layout.partitions);
        auto group = std::find_if(layout.groups.begin(), layout.groups.end(), [&](const Group &g) { return compareAll(g.partitionValues, pv) == 0; });
        if (group == layout.groups.end())
            group = layout.groups.insert(layout.groups.end(), Group{pv, pv.first(), {}});
        // In the table itself a second item with the same key replaces the first.
        if (index.isEmpty()) {
            const QList<QJsonObject> sv = keyValues(item, layout.sorts);
            auto same = std::find_if(group->items.begin(), group->items.end(), [&](const QJsonObject &o) {
                return compareAll(keyValues(o, layout.sorts), sv) == 0;
            });
            if (same != group->items.end()) {
                *same = item;
                ++layout.absent;
                continue;
            }
        }
        group->items << item;
    }
    if (!layout.sorts.isEmpty())
        for (Group &g : layout.groups)
            std::stable_sort(g.items.begin(), g.items.end(), [&](const QJsonObject &a, const QJsonObject &b) {
                return compareAll(keyValues(a, layout.sorts), keyValues(b, layout.sorts)) < 0;
            });
    return layout;
}

} // namespace dd::ui
