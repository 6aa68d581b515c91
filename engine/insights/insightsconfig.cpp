#include "insights/insightsconfig.h"

namespace dd::insights {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

} // namespace

QString TargetConfig::status(qint64 nowMs) const
{
    const bool transient = nowMs < untilMs;
    if (enabled)
        return transient ? p("ENABLING") : p("ENABLED");
    return transient ? p("DISABLING") : p("DISABLED");
}

QStringList TargetConfig::ruleNames(const QString &tableName, bool hasSortKey) const
{
    QStringList codes;
    if (mode != kThrottledOnly) {
        codes << p("PKC");
        if (hasSortKey)
            codes << p("SKC");
    }
    codes << p("PKT");
    if (hasSortKey)
        codes << p("SKT");
    // A rule name is at most 128 characters ([A-Za-z0-9][A-Za-z0-9._-]{0,126}[A-Za-z0-9]):
    // a long table name is cut to fit.
    const QString suffix = QLatin1Char('-') + QString::number(createdMs);
    const qsizetype room = 128 - qsizetype(QStringLiteral("DynamoDBContributorInsights-XXX-").size()) - suffix.size();
    const QString resource = tableName.left(room);
    QStringList names;
    for (const QString &code : codes)
        names << QStringLiteral("DynamoDBContributorInsights-%1-%2%3").arg(code, resource, suffix);
    return names;
}

QJsonObject TargetConfig::toJson() const
{
    return {{p("Enabled"), enabled}, {p("Mode"), mode}, {p("CreatedMs"), createdMs}, {p("UpdatedMs"), updatedMs}, {p("UntilMs"), untilMs}};
}

TargetConfig TargetConfig::fromJson(const QJsonObject &o)
{
    TargetConfig t;
    t.enabled = o.value(p("Enabled")).toBool();
    t.mode = o.value(p("Mode")).toString();
    t.createdMs = o.value(p("CreatedMs")).toInteger();
    t.updatedMs = o.value(p("UpdatedMs")).toInteger();
    t.untilMs = o.value(p("UntilMs")).toInteger();
    return t;
}

InsightsConfig InsightsConfig::fromDescription(const QJsonObject &description)
{
    const QJsonObject o = description.value(kMember).toObject();
    InsightsConfig c;
    c.table = TargetConfig::fromJson(o.value(p("Table")).toObject());
    const QJsonObject indexes = o.value(p("Indexes")).toObject();
    for (auto it = indexes.begin(); it != indexes.end(); ++it)
        c.indexes.insert(it.key(), TargetConfig::fromJson(it.value().toObject()));
    return c;
}

QJsonObject InsightsConfig::toJson() const
{
    QJsonObject indexesJson;
    for (auto it = indexes.begin(); it != indexes.end(); ++it)
        indexesJson.insert(it.key(), it.value().toJson());
    return {{p("Table"), table.toJson()}, {p("Indexes"), indexesJson}};
}

void InsightsConfig::setTarget(const QString &index, const TargetConfig &config)
{
    if (index.isEmpty())
        table = config;
    else
        indexes.insert(index, config);
}

} // namespace dd::insights
