// InsightsConfig: the Contributor Insights settings of a table and of each of
// its global secondary indexes, kept in the table's stored description as the
// private member "_ContributorInsights" ({"Table": target, "Indexes": {name:
// target}}, each target {"Enabled", "Mode", "CreatedMs", "UpdatedMs",
// "UntilMs"}), so that they live and die with the table (a restore or a copy
// starts without them, as on AWS) and need no schema. storage::TableDef reads
// "Enabled" and "Mode" for its hot-path flags (TableDef::insights).
// Value type; thread-safe.
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace dd::insights {

// One table or index.
struct TargetConfig {
    static constexpr QLatin1StringView kAccessedAndThrottled{"ACCESSED_AND_THROTTLED_KEYS"};
    static constexpr QLatin1StringView kThrottledOnly{"THROTTLED_KEYS"};

    bool enabled = false;
    QString mode;          // kAccessedAndThrottled or kThrottledOnly; empty if never enabled
    qint64 createdMs = 0;  // when last enabled: the rules' names end with it
    qint64 updatedMs = 0;  // LastUpdateDateTime: the last change of status
    qint64 untilMs = 0;    // end of ENABLING/DISABLING (-delayTransientStatuses)

    // ENABLING, ENABLED, DISABLING or DISABLED at nowMs.
    QString status(qint64 nowMs) const;
    // The CloudWatch rules AWS creates for it: PKC, SKC, PKT, SKT in that
    // order (the S ones only with a sort key, the C ones only in the mode that
    // counts accesses), "DynamoDBContributorInsights-<code>-<table>-<createdMs>".
    QStringList ruleNames(const QString &tableName, bool hasSortKey) const;

    QJsonObject toJson() const;
    static TargetConfig fromJson(const QJsonObject &o);
};

struct InsightsConfig {
    static constexpr QLatin1StringView kMember{"_ContributorInsights"};

    TargetConfig table;
    QMap<QString, TargetConfig> indexes; // by index name; absent: never enabled

    static InsightsConfig fromDescription(const QJsonObject &description);
    QJsonObject toJson() const;

    // The table's (index empty) or an index's settings.
    TargetConfig target(const QString &index) const { return index.isEmpty() ? table : indexes.value(index); }
    void setTarget(const QString &index, const TargetConfig &config);
};

} // namespace dd::insights
