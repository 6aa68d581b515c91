#include "insights/insightsreport.h"

#include "common/attributeformat.h"

#include <QJsonArray>

#include <algorithm>

namespace dd::ui {

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }

} // namespace

QString ruleCode(InsightsRule rule)
{
    switch (rule) {
    case InsightsRule::PartitionKeysAccessed: return s("PKC");
    case InsightsRule::ItemsAccessed: return s("SKC");
    case InsightsRule::PartitionKeysThrottled: return s("PKT");
    case InsightsRule::ItemsThrottled: return s("SKT");
    }
    return s("PKC");
}

bool ruleNeedsSortKey(InsightsRule rule)
{
    return rule == InsightsRule::ItemsAccessed || rule == InsightsRule::ItemsThrottled;
}

bool ruleIsThrottled(InsightsRule rule)
{
    return rule == InsightsRule::PartitionKeysThrottled || rule == InsightsRule::ItemsThrottled;
}

namespace {

// The key's attributes as (name, value text): those of `keyOrder` first.
QList<std::pair<QString, QString>> keyParts(const QJsonObject &key, const QStringList &keyOrder)
{
    QStringList names;
    for (const QString &n : keyOrder)
        if (key.contains(n))
            names << n;
    for (auto it = key.begin(); it != key.end(); ++it)
        if (!names.contains(it.key()))
            names << it.key();
    QList<std::pair<QString, QString>> parts;
    for (const QString &n : names) {
        const QJsonObject v = key.value(n).toObject();
        const QJsonValue inner = v.isEmpty() ? QJsonValue() : v.begin().value();
        parts.append({n, inner.isString() ? inner.toString() : format::summary(v, 80)});
    }
    return parts;
}

} // namespace

QString keyText(const QJsonObject &key, const QStringList &keyOrder)
{
    QStringList parts;
    for (const auto &[name, value] : keyParts(key, keyOrder))
        parts << QStringLiteral("%1=%2").arg(name, value);
    return parts.join(QLatin1String(", "));
}

QString keyValuesText(const QJsonObject &key, const QStringList &keyOrder)
{
    QStringList parts;
    for (const auto &[name, value] : keyParts(key, keyOrder))
        parts << value;
    return parts.join(QStringLiteral(" · "));
}

InsightsReport InsightsReport::fromResponse(const QJsonObject &body, const QStringList &keyOrder)
{
    InsightsReport r;
    r.start = qint64(body.value(s("StartTime")).toDouble());
    r.end = qint64(body.value(s("EndTime")).toDouble());
    r.periodSeconds = std::max(1, body.value(s("PeriodSeconds")).toInt(60));
    r.aggregate = body.value(s("AggregateValue")).toDouble();
    r.uniqueCount = qint64(body.value(s("ApproximateUniqueCount")).toDouble());
    for (const auto &v : body.value(s("Contributors")).toArray()) {
        const QJsonObject o = v.toObject();
        InsightsContributor c;
        c.key = o.value(s("Key")).toObject();
        c.keyText = keyText(c.key, keyOrder);
        c.valuesText = keyValuesText(c.key, keyOrder);
        c.total = o.value(s("ApproximateAggregateValue")).toDouble();
        for (const auto &d : o.value(s("Datapoints")).toArray()) {
            const QJsonObject p = d.toObject();
            c.points.append({qint64(p.value(s("Timestamp")).toDouble()), p.value(s("ApproximateValue")).toDouble()});
        }
        std::sort(c.points.begin(), c.points.end(), [](const InsightsPoint &a, const InsightsPoint &b) { return a.time < b.time; });
        r.contributors.append(c);
    }
    // The contract sorts them; a stable sort keeps the server's order among equals.
    std::stable_sort(r.contributors.begin(), r.contributors.end(),
                     [](const InsightsContributor &a, const InsightsContributor &b) { return a.total > b.total; });
    return r;
}

double InsightsReport::shareOf(const InsightsContributor &c) const
{
    return aggregate > 0 ? 100.0 * c.total / aggregate : 0.0;
}

} // namespace dd::ui
