#include "api/warmthroughput.h"

#include <QJsonArray>

#include <algorithm>

namespace dd::api {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

const char *const kMembers[] = {"ReadUnitsPerSecond", "WriteUnitsPerSecond"};

qint64 &unit(WarmThroughput &w, int i) { return i == 0 ? w.read : w.write; }
qint64 unit(const WarmThroughput &w, int i) { return i == 0 ? w.read : w.write; }

// LimitExceededException above the account's per-table maximum; AWS's text for
// an index ("...for index gsi1 exceeds TableMaxReadCapacityUnits of the account
// in region REGION", DDB-TABLE-154), the table's worded alike.
std::optional<ApiError> checkMaximum(const QJsonObject &requested, const QString &subject, const QString &region)
{
    for (int i = 0; i < 2; ++i)
        if (requested.contains(p(kMembers[i])) && requested.value(p(kMembers[i])).toDouble() > double(WarmThroughput::kMaxUnitsPerSecond))
            return ApiError::limitExceeded(QStringLiteral("Subscriber limit exceeded: Requested %1 for WarmThroughput for %2 exceeds %3 of the account in region %4")
                                               .arg(p(kMembers[i]), subject, i == 0 ? p("TableMaxReadCapacityUnits") : p("TableMaxWriteCapacityUnits"), region));
    return std::nullopt;
}

} // namespace

WarmThroughput WarmThroughput::initial(bool onDemand, const QJsonObject &provisionedThroughput)
{
    if (onDemand)
        return {kOnDemandRead, kOnDemandWrite};
    return {provisionedThroughput.value(p("ReadCapacityUnits")).toInteger(), provisionedThroughput.value(p("WriteCapacityUnits")).toInteger()};
}

WarmThroughput WarmThroughput::of(const QJsonObject &tableOrIndex, bool everOnDemand)
{
    const QJsonObject stored = tableOrIndex.value(p("WarmThroughput")).toObject();
    if (!stored.isEmpty())
        return {stored.value(p("ReadUnitsPerSecond")).toInteger(), stored.value(p("WriteUnitsPerSecond")).toInteger()};
    const WarmThroughput provisioned = initial(false, tableOrIndex.value(p("ProvisionedThroughput")).toObject());
    return everOnDemand ? provisioned.atLeast(initial(true, {})) : provisioned;
}

bool WarmThroughput::everOnDemand(const QJsonObject &description)
{
    const QJsonObject summary = description.value(p("BillingModeSummary")).toObject();
    return summary.value(p("BillingMode")).toString() == p("PAY_PER_REQUEST") || summary.contains(p("LastUpdateToPayPerRequestDateTime"));
}

bool WarmThroughput::requested(const QJsonObject &container)
{
    return !container.value(p("WarmThroughput")).toObject().isEmpty();
}

WarmThroughput WarmThroughput::atLeast(const WarmThroughput &other) const
{
    return {std::max(read, other.read), std::max(write, other.write)};
}

WarmThroughput WarmThroughput::with(const QJsonObject &requested) const
{
    WarmThroughput out = *this;
    for (int i = 0; i < 2; ++i)
        if (requested.contains(p(kMembers[i])))
            unit(out, i) = requested.value(p(kMembers[i])).toInteger();
    return out;
}

std::optional<ApiError> WarmThroughput::checkCreate(const QJsonObject &requested, const WarmThroughput &initial, bool onDemand, const QString &subject,
                                                    const QString &region)
{
    for (int i = 0; i < 2; ++i) {
        if (!requested.contains(p(kMembers[i])) || requested.value(p(kMembers[i])).toDouble() >= double(unit(initial, i)))
            continue;
        // AWS's texts (DDB-TABLE-039); the WriteUnitsPerSecond and index
        // variants are worded alike.
        if (onDemand)
            return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Requested %1 for WarmThroughput for %2 is lower than initial "
                                                       "throughput for OnDemand. See: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
                                                       "on-demand-capacity-mode.html#on-demand-capacity-mode-initial")
                                            .arg(p(kMembers[i]), subject));
        return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Requested %1 for WarmThroughput for %2 is lower than %3 of ProvisionedThroughput")
                                        .arg(p(kMembers[i]), subject, i == 0 ? p("ReadCapacityUnits") : p("WriteCapacityUnits")));
    }
    return checkMaximum(requested, subject, region);
}

std::optional<ApiError> WarmThroughput::checkUpdate(const QJsonObject &requested, const WarmThroughput &current, const QString &subject,
                                                    const QString &region)
{
    for (int i = 0; i < 2; ++i)
        if (requested.contains(p(kMembers[i])) && requested.value(p(kMembers[i])).toDouble() < double(unit(current, i)))
            return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Requested %1 for WarmThroughput for %2 is lower than current "
                                                       "WarmThroughput, decreasing WarmThroughput is not supported")
                                            .arg(p(kMembers[i]), subject));
    return checkMaximum(requested, subject, region);
}

void WarmThroughput::storeIn(QJsonObject &tableOrIndex, qint64 updatingUntilMs) const
{
    tableOrIndex.insert(p("WarmThroughput"), QJsonObject{{p("ReadUnitsPerSecond"), read}, {p("WriteUnitsPerSecond"), write}, {p("Status"), p("ACTIVE")}});
    if (updatingUntilMs > 0)
        tableOrIndex.insert(p("_WarmUntilMs"), updatingUntilMs);
    else
        tableOrIndex.remove(p("_WarmUntilMs"));
}

QJsonObject WarmThroughput::describe(const QJsonObject &tableOrIndex, bool everOnDemand, qint64 nowMs)
{
    const WarmThroughput w = of(tableOrIndex, everOnDemand);
    const bool updating = nowMs < tableOrIndex.value(p("_WarmUntilMs")).toInteger();
    return {{p("ReadUnitsPerSecond"), w.read}, {p("WriteUnitsPerSecond"), w.write}, {p("Status"), updating ? p("UPDATING") : p("ACTIVE")}};
}

void WarmThroughput::copyInto(QJsonObject &create, const QJsonObject &source)
{
    const bool wasOnDemand = everOnDemand(source);
    const auto member = [](const WarmThroughput &w) { return QJsonObject{{p("ReadUnitsPerSecond"), w.read}, {p("WriteUnitsPerSecond"), w.write}}; };
    create.insert(p("WarmThroughput"), member(of(source, wasOnDemand)));
    const QJsonArray sourceIndexes = source.value(p("GlobalSecondaryIndexes")).toArray();
    QJsonArray indexes = create.value(p("GlobalSecondaryIndexes")).toArray();
    for (qsizetype i = 0; i < indexes.size(); ++i) {
        QJsonObject index = indexes.at(i).toObject();
        for (const QJsonValue &s : sourceIndexes)
            if (s.toObject().value(p("IndexName")) == index.value(p("IndexName")))
                index.insert(p("WarmThroughput"), member(of(s.toObject(), wasOnDemand)));
        indexes.replace(i, index);
    }
    if (!indexes.isEmpty())
        create.insert(p("GlobalSecondaryIndexes"), indexes);
}

} // namespace dd::api
