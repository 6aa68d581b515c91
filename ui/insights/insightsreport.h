// The answer of Dynamodesk.GetContributorInsightsReport as the contributor
// insights tab shows it: the range, the aggregate and each top contributor
// (its key as text and its value per minute), plus the four rules that
// DynamoDB's Contributor Insights keeps per table or index. Value types and
// pure functions; safe from any thread.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace dd::ui {

// A rule's code as the report takes it and as DynamoDB names its rules
// (DynamoDBContributorInsights-PKC-<table>-<id>): partition keys or items
// (partition and sort key), most accessed or most throttled.
enum class InsightsRule { PartitionKeysAccessed, ItemsAccessed, PartitionKeysThrottled, ItemsThrottled };

QString ruleCode(InsightsRule rule);               // "PKC", "SKC", "PKT" or "SKT"
bool ruleNeedsSortKey(InsightsRule rule);          // the item rules
bool ruleIsThrottled(InsightsRule rule);           // PKT, SKT: throttle events rather than capacity units

struct InsightsPoint {
    qint64 time = 0;   // the minute's start, epoch seconds
    double value = 0;
};

struct InsightsContributor {
    QJsonObject key;             // attribute name -> AttributeValue (DynamoDB JSON)
    QString keyText;             // "pk=hot, sk=a": key attributes in `keyOrder`, then any others
    QString valuesText;          // "hot · a": the same values without their names (the chart's legend)
    double total = 0;            // ApproximateAggregateValue
    QList<InsightsPoint> points; // minutes with a value, oldest first
};

struct InsightsReport {
    qint64 start = 0;            // epoch seconds, minute-aligned; [start, end)
    qint64 end = 0;
    int periodSeconds = 60;
    double aggregate = 0;        // AggregateValue: every key in the range, not only the top ones
    qint64 uniqueCount = 0;      // ApproximateUniqueCount
    QList<InsightsContributor> contributors; // highest total first

    // From the response body; key attributes are named in the order of
    // `keyOrder` (the target's partition then sort attributes).
    static InsightsReport fromResponse(const QJsonObject &body, const QStringList &keyOrder);
    // The contributor's share of the aggregate in percent (0 when the aggregate is 0).
    double shareOf(const InsightsContributor &c) const;
};

// "name=value, ...": strings and numbers as they are, other types summarised.
QString keyText(const QJsonObject &key, const QStringList &keyOrder);
// "value · value": the same without the names, where the column says them.
QString keyValuesText(const QJsonObject &key, const QStringList &keyOrder);

} // namespace dd::ui
