#include "designer/patternresolution.h"

#include "expr/reservedwords.h"

#include <QRegularExpression>

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
    for (const IndexDesign &ix : design.indexes) {
        if (ix.global && ix.partition.name == name)
            return ix.partition.type;
        if (ix.sort.name == name)
            return ix.sort.type;
    }
    return {};
}

// Whether a key (partition, sort) serves the pattern; if not, *why may say why.
bool serves(const KeyAttribute &partition, const KeyAttribute &sort, const AccessPattern &pattern, QString *why)
{
    if (partition.name != pattern.partition)
        return false;
    if (pattern.sort.isEmpty())
        return true;
    if (sort.name != pattern.sort) {
        if (why && why->isEmpty())
            *why = sort.name.isEmpty()
                ? PatternResolution::tr("the key on %1 has no sort key").arg(partition.name)
                : PatternResolution::tr("the key on %1 sorts by %2, not %3").arg(partition.name, sort.name, pattern.sort);
        return false;
    }
    if (pattern.sortOperator == QLatin1String("begins_with") && sort.type == QLatin1String("N")) {
        if (why)
            *why = PatternResolution::tr("begins_with needs a String or Binary sort key; %1 is a Number").arg(sort.name);
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
    QString why;
    if (serves(design.partition, design.sort, pattern, &why)) {
        r.kind = PatternResolution::Kind::Table;
        return r;
    }
    for (const bool global : {false, true}) {
        for (const IndexDesign &ix : design.indexes) {
            // An access pattern names one partition and one sort attribute;
            // a multi-attribute key is not matched against it (the panel says so).
            if (ix.global != global || ix.isMultiAttribute())
                continue;
            if (serves(ix.global ? ix.partition : design.partition, ix.sort, pattern, &why)) {
                r.kind = global ? PatternResolution::Kind::Global : PatternResolution::Kind::Local;
                r.index = ix.name;
                r.projection = ix.projection;
                return r;
            }
        }
    }
    r.kind = PatternResolution::Kind::None;
    r.reason = why;
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
