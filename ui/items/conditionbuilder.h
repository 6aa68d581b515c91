// The optimistic-concurrency condition of the item editor: "the item is
// still exactly as loaded", as a ConditionExpression comparing every loaded
// attribute (#aN = :vN) with placeholders for names and values, or
// attribute_not_exists(pk) when nothing was loaded. Pure function.
#pragma once

#include <QJsonObject>
#include <QString>

namespace dd::ui {

struct UnchangedCondition {
    QString expression;      // ConditionExpression
    QJsonObject names;       // ExpressionAttributeNames
    QJsonObject values;      // ExpressionAttributeValues (empty for attribute_not_exists)
    int comparedAttributes = 0; // fewer than the item's when the 4 KB expression limit cut the list
};

// `loaded` is the item as read (empty for a new item); `partitionKey` the
// table's partition key name. Key attributes are compared first, so that a
// cut list still pins the item. DynamoDB limits an expression to 4 KB.
UnchangedCondition unchangedCondition(const QJsonObject &loaded, const QString &partitionKey, const QStringList &keyNames);

} // namespace dd::ui
