// OnDemandThroughput's checks and merge; the messages are AWS's
// (ack-api-quirks dynamodb, table-throughput-billing.md, table-indexes.md,
// DDB-TABLE-442's catalogue).
#include "api/ondemandthroughput.h"

#include <QJsonArray>

namespace dd::api {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

constexpr const char *kMembers[] = {"MaxReadRequestUnits", "MaxWriteRequestUnits"};
constexpr const char *kMember = "OnDemandThroughput";

// How a message names its subject: "for table" or "for index : NAME" (AWS
// puts a space before the colon in these texts).
QString subjectOf(const QString &index) { return index.isEmpty() ? p("for table") : p("for index : ") + index; }

std::optional<ApiError> check(const QJsonObject &container, bool onDemand, const QString &index, bool update, bool updateWording,
                              const QString &region)
{
    const QJsonObject requested = container.value(p(kMember)).toObject();
    if (requested.isEmpty())
        return std::nullopt;
    if (!onDemand) {
        const QString first = requested.contains(p(kMembers[0])) ? p(kMembers[0]) : p(kMembers[1]);
        if (updateWording)
            return ApiError::validation(QStringLiteral("One or more parameter values were invalid: %1 for OnDemandThroughput %2cannot be specified when the "
                                                       "table BillingMode is PROVISIONED")
                                            .arg(first, index.isEmpty() ? QString() : p("for index : ") + index + QLatin1Char(' ')));
        return ApiError::validation(QStringLiteral("One or more parameter values were invalid: %1 for OnDemandThroughput %2cannot be specified when table "
                                                   "BillingMode is PROVISIONED.")
                                        .arg(first, index.isEmpty() ? QString() : p("for index: ") + index + QLatin1Char(' ')));
    }
    for (const char *m : kMembers) {
        if (!requested.contains(p(m)))
            continue;
        const double v = requested.value(p(m)).toDouble();
        if (v < 1 && !(update && v == OnDemandThroughput::kNoMaximum))
            return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Requested %1 for OnDemandThroughput %2 is outside of valid range")
                                            .arg(p(m), subjectOf(index)));
    }
    for (const char *m : kMembers)
        if (requested.value(p(m)).toDouble() > double(OnDemandThroughput::kMaxUnits))
            return ApiError::limitExceeded(QStringLiteral("Subscriber limit exceeded: Requested %1 for OnDemandThroughput %2 exceeds Table%3CapacityUnits of the "
                                                          "account in region %4")
                                               .arg(p(m), subjectOf(index), m[3] == 'R' ? p("MaxRead") : p("MaxWrite"), region));
    return std::nullopt;
}

} // namespace

bool OnDemandThroughput::requested(const QJsonObject &container) { return !container.value(p(kMember)).toObject().isEmpty(); }

std::optional<ApiError> OnDemandThroughput::checkCreate(const QJsonObject &container, bool onDemand, const QString &index, bool inUpdate,
                                                        const QString &region)
{
    return check(container, onDemand, index, false, inUpdate, region);
}

std::optional<ApiError> OnDemandThroughput::checkUpdate(const QJsonObject &container, bool onDemand, const QString &index, const QString &region)
{
    return check(container, onDemand, index, true, true, region);
}

void OnDemandThroughput::applyTo(QJsonObject &tableOrIndex, const QJsonObject &requested)
{
    QJsonObject stored = tableOrIndex.value(p(kMember)).toObject();
    for (const char *m : kMembers) {
        if (!requested.contains(p(m)))
            continue;
        const qint64 v = qint64(requested.value(p(m)).toDouble());
        if (v == kNoMaximum)
            stored.remove(p(m));
        else
            stored.insert(p(m), v);
    }
    if (stored.isEmpty())
        tableOrIndex.remove(p(kMember));
    else
        tableOrIndex.insert(p(kMember), stored);
}

QJsonObject OnDemandThroughput::echo(const QJsonObject &tableOrIndex, const QJsonObject &requested)
{
    QJsonObject out = tableOrIndex.value(p(kMember)).toObject();
    for (const char *m : kMembers)
        if (requested.contains(p(m)) && qint64(requested.value(p(m)).toDouble()) == kNoMaximum)
            out.insert(p(m), kNoMaximum);
    return out;
}

void OnDemandThroughput::dropFrom(QJsonObject &description)
{
    description.remove(p(kMember));
    QJsonArray gsis = description.value(p("GlobalSecondaryIndexes")).toArray();
    for (qsizetype i = 0; i < gsis.size(); ++i) {
        QJsonObject index = gsis.at(i).toObject();
        index.remove(p(kMember));
        gsis.replace(i, index);
    }
    if (!gsis.isEmpty())
        description.insert(p("GlobalSecondaryIndexes"), gsis);
}

} // namespace dd::api
