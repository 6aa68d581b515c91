#include "items/conditionbuilder.h"

#include <QStringList>

namespace dd::ui {

namespace {
constexpr int kMaxExpressionBytes = 4096; // "Expression parameters": any expression is at most 4 KB
}

UnchangedCondition unchangedCondition(const QJsonObject &loaded, const QString &partitionKey, const QStringList &keyNames)
{
    UnchangedCondition c;
    if (loaded.isEmpty()) {
        c.expression = QStringLiteral("attribute_not_exists(#k)");
        c.names.insert(QStringLiteral("#k"), partitionKey);
        return c;
    }
    QStringList order = keyNames;
    for (auto it = loaded.begin(); it != loaded.end(); ++it)
        if (!order.contains(it.key()))
            order << it.key();
    QStringList terms;
    qsizetype length = 0;
    for (const QString &name : order) {
        if (!loaded.contains(name))
            continue;
        const QString term = QStringLiteral("#a%1 = :v%1").arg(c.comparedAttributes);
        if (length + term.size() + 5 > kMaxExpressionBytes)
            break;
        length += term.size() + 5;
        terms << term;
        c.names.insert(QStringLiteral("#a%1").arg(c.comparedAttributes), name);
        c.values.insert(QStringLiteral(":v%1").arg(c.comparedAttributes), loaded.value(name));
        ++c.comparedAttributes;
    }
    c.expression = terms.join(QLatin1String(" AND "));
    return c;
}

} // namespace dd::ui
