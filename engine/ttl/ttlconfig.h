// TtlConfig: a table's time-to-live setting, kept in its stored description
// as the private member "_TimeToLive" ({"AttributeName", "Enabled",
// "UntilMs"}), so that it lives and dies with the table and needs no schema.
// Value type; thread-safe.
#pragma once

#include <QJsonObject>
#include <QString>

namespace dd::ttl {

struct TtlConfig {
    static constexpr QLatin1StringView kMember{"_TimeToLive"};

    QString attributeName;  // empty when TTL was never enabled
    bool enabled = false;   // true from UpdateTimeToLive(Enabled) until it is disabled
    qint64 untilMs = 0;     // end of ENABLING/DISABLING (-delayTransientStatuses)

    static TtlConfig fromDescription(const QJsonObject &description);
    QJsonObject toJson() const;

    // ENABLED, ENABLING, DISABLED or DISABLING at nowMs.
    QString status(qint64 nowMs) const;
    // True if the sweeper should delete expired items at nowMs.
    bool active(qint64 nowMs) const { return enabled && nowMs >= untilMs; }
};

} // namespace dd::ttl
