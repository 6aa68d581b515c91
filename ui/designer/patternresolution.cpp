#include "designer/patternresolution.h"

#include "expr/reservedwords.h"

#include <QRegularExpression>

#include <algorithm>

namespace dd::ui {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

// An attribute name as it may stand in a key condition: itself when it is
// a plain identifier and not one of DynamoDB's reserved words, else #name.
QString nameInExpression(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z][A-Za-z0-9_]*$"));
    if (plain.match(name).hasMatch() && !expr::isReservedWord(name))
        return name;
    QString safe = name;
    safe.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_]")), QStringLiteral("_"));
    return QLatin1Char('#') + safe;
}

QString valueName(const QString &name, const QString &suffix = QString())
{
    QString safe = name;
    safe.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_]")), QStringLiteral("_"));
    return QLatin1Char(':') + safe + suffix;
}

QString keyCondition(const AccessPattern &pattern)
{
    QString condition = QStringLiteral("%1 = %2").arg(nameInExpression(pattern.partition), valueName(pattern.partition));
    if (pattern.sort.isEmpty())
        return condition;
    const QString s = nameInExpression(pattern.sort);
    const QString op = pattern.sortOperator;
    QString sortPart;
    if (op == QLatin1String("between"))
        sortPart = QStringLiteral("%1 BETWEEN %2 AND %3").arg(s, valueName(pattern.sort, p("Low")), valueName(pattern.sort, p("High")));
    else if (op == QLatin1String("begins_with"))
        sortPart = QStringLiteral("begins_with(%1, %2)").arg(s, valueName(pattern.sort));
    else
        sortPart = QStringLiteral("%1 %2 %3").arg(s, op, valueName(pattern.sort));
    return condition + QStringLiteral(" AND ") + sortPart;
}

// The type a design gives an attribute, or empty when no key defines it.
QString typeIn(const TableDesign &design, const QString &name)
{
    if (design.partition.name == name)
        return design.partition.type;
    if (design.sort.name == name)
        return design.sort.type;
    for (const IndexDesign &ix : design.indexes)
        for (const KeyAttribute &k : ix.global ? ix.partitionKeys() + ix.sortKeys() : QList<KeyAttribute>{ix.sort})
            if (k.name == name)
                return k.type;
    return {};
}

// The names of `keys`, comma-separated.
QString names(const QList<KeyAttribute> &keys)
{
    QStringList out;
    for (const KeyAttribute &k : keys)
        out << k.name;
    return out.join(QLatin1String(", "));
}

// Why the closest key does not serve the pattern: a reason replaces one of
// a lower rank (the first of a rank stays).
struct Why {
    enum Rank { None, OtherSort, MultiAttribute, NumberPrefix };
    QString text;
    Rank rank = None;
    void offer(Rank r, const QString &t)
    {
        if (r > rank) {
            rank = r;
            text = t;
        }
    }
};

// Whether a key (its partition attributes and sort attributes, in key-schema
// order; `index` empty for the table's) serves the pattern; if not, *why may
// say why. A multi-attribute key serves a pattern when a Query of it could
// carry the pattern's key condition: an equality on every partition attribute
// and, on the sort attributes, equalities on a prefix and a condition on the
// last one named. A pattern names one of each, so the key must have one
// partition attribute and the pattern's sort attribute must be its first.
bool serves(const QString &index, const QList<KeyAttribute> &partitions, const QList<KeyAttribute> &sorts,
            const AccessPattern &pattern, Why *why)
{
    const auto named = [](const QList<KeyAttribute> &keys, const QString &name) {
        return std::find_if(keys.begin(), keys.end(), [&](const KeyAttribute &k) { return k.name == name; }) - keys.begin();
    };
    if (partitions.size() > 1) {
        if (named(partitions, pattern.partition) < partitions.size())
            why->offer(Why::MultiAttribute, PatternResolution::tr("global index %1 is partitioned by %2 together: a Query gives each of "
                                                                  "them with =, and an access pattern names one")
                                                .arg(index, names(partitions)));
        return false;
    }
    const KeyAttribute partition = partitions.value(0);
    if (partition.name != pattern.partition)
        return false;
    if (pattern.sort.isEmpty())
        return true;
    const qsizetype at = named(sorts, pattern.sort);
    if (at == sorts.size()) {
        why->offer(Why::OtherSort, sorts.isEmpty() ? PatternResolution::tr("the key on %1 has no sort key").arg(partition.name)
                                                   : PatternResolution::tr("the key on %1 sorts by %2, not %3").arg(partition.name, names(sorts), pattern.sort));
        return false;
    }
    if (at > 0) {
        why->offer(Why::MultiAttribute, PatternResolution::tr("global index %1 sorts by %2 in turn: a condition on %3 needs = on %4 "
                                                              "before it, and an access pattern names one sort attribute")
                                            .arg(index, names(sorts), pattern.sort, names(sorts.mid(0, at))));
        return false;
    }
    const KeyAttribute &sort = sorts.first();
    if (pattern.sortOperator == QLatin1String("begins_with") && sort.type == QLatin1String("N")) {
        why->offer(Why::NumberPrefix, PatternResolution::tr("begins_with needs a String or Binary sort key; %1 is a Number").arg(sort.name));
        return false;
    }
    return true;
}

} // namespace

PatternResolution resolvePattern(const TableDesign &design, const AccessPattern &pattern)
{
    PatternResolution r;
    if (pattern.partition.isEmpty())
        return r;
    r.keyCondition = keyCondition(pattern);
    r.scanIndexForward = !pattern.descending;
    Why why;
    const auto single = [](const KeyAttribute &k) { return k.name.isEmpty() ? QList<KeyAttribute>() : QList<KeyAttribute>{k}; };
    if (serves(QString(), {design.partition}, single(design.sort), pattern, &why)) {
        r.kind = PatternResolution::Kind::Table;
        return r;
    }
    for (const bool global : {false, true}) {
        for (const IndexDesign &ix : design.indexes) {
            if (ix.global != global)
                continue;
            const bool served = global ? serves(ix.name, ix.partitionKeys(), ix.sortKeys(), pattern, &why)
                                       : serves(ix.name, {design.partition}, single(ix.sort), pattern, &why);
            if (served) {
                r.kind = global ? PatternResolution::Kind::Global : PatternResolution::Kind::Local;
                r.index = ix.name;
                r.projection = ix.projection;
                return r;
            }
        }
    }
    r.kind = PatternResolution::Kind::None;
    r.reason = why.text;
    IndexDesign &s = r.suggestion;
    s.global = true;
    s.partition = {pattern.partition, typeIn(design, pattern.partition)};
    if (s.partition.type.isEmpty())
        s.partition.type = p("S");
    if (!pattern.sort.isEmpty()) {
        s.sort = {pattern.sort, typeIn(design, pattern.sort)};
        // An attribute has one type in all keys: a Number cannot serve begins_with anywhere.
        if (pattern.sortOperator == QLatin1String("begins_with") && s.sort.type == QLatin1String("N")) {
            r.suggestion = IndexDesign();
            return r;
        }
        if (s.sort.type.isEmpty())
            s.sort.type = p("S");
    }
    // AWS's console names a new index "<partition>-<sort>-index".
    QStringList parts{pattern.partition};
    if (!pattern.sort.isEmpty())
        parts << pattern.sort;
    s.name = parts.join(QLatin1Char('-')) + QStringLiteral("-index");
    s.name.replace(QRegularExpression(QStringLiteral("[^a-zA-Z0-9_.-]")), QStringLiteral("_"));
    return r;
}

QString PatternResolution::summary() const
{
    const QString order = scanIndexForward ? QString() : QStringLiteral(", ScanIndexForward=false");
    switch (kind) {
    case Kind::Incomplete:
        return tr("Name the attribute it looks up by");
    case Kind::Table:
        return tr("Query on the table's key: %1%2").arg(keyCondition, order);
    case Kind::Local:
        return tr("Query on local index %1: %2%3").arg(index, keyCondition, order);
    case Kind::Global:
        return tr("Query on global index %1: %2%3").arg(index, keyCondition, order);
    case Kind::None:
        break;
    }
    if (suggestion.name.isEmpty())
        return tr("No key or index serves this: %1").arg(reason);
    const QString on = suggestion.sort.name.isEmpty() ? suggestion.partition.name
                                                      : QStringLiteral("%1, %2").arg(suggestion.partition.name, suggestion.sort.name);
    if (reason.isEmpty())
        return tr("No key or index serves this: add a global index on (%1)").arg(on);
    return tr("No key or index serves this (%1): add a global index on (%2)").arg(reason, on);
}

} // namespace dd::ui
