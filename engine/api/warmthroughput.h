// WarmThroughput: how many read and write units per second a table or one of
// its global secondary indexes can serve at once (AWS, November 2024), as the
// engine keeps and reports it. AWS reports it for every table and GSI: 12,000
// reads and 4,000 writes per second on demand, the provisioned capacity
// otherwise, and it only grows: a capacity increase, a switch to on demand
// and an UpdateTable WarmThroughput raise it; nothing lowers it (observed
// rules: ack-api-quirks dynamodb, table-throughput-billing.md, DDB-TABLE-032,
// -039, -059, -061, -179; table-indexes.md DDB-TABLE-155).
// A table's stored description holds it as "WarmThroughput" of the table and
// of each GSI, with "_WarmUntilMs" while an increase shows Status UPDATING;
// a description written before the engine knew it gets AWS's value for its
// capacity. The engine serves traffic the same either way (it does not
// throttle): the value is what DescribeTable says and what a request is
// checked against.
// Threads: any (a value type and pure functions).
#pragma once

#include "model/apierror.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace dd::api {

struct WarmThroughput {
    qint64 read = 0;  // ReadUnitsPerSecond
    qint64 write = 0; // WriteUnitsPerSecond

    // AWS's initial on-demand warm throughput ("A new on-demand table starts
    // with a warm throughput of 12,000 read units per second and 4,000 write
    // units per second", Developer Guide, warm throughput scenarios).
    static constexpr qint64 kOnDemandRead = 12000;
    static constexpr qint64 kOnDemandWrite = 4000;
    // The account's per-table maximum (DescribeLimits' TableMaxReadCapacityUnits
    // and TableMaxWriteCapacityUnits); more is LimitExceededException.
    static constexpr qint64 kMaxUnitsPerSecond = 40000;

    // What a new table or GSI reports without a WarmThroughput of its own:
    // the initial on-demand value, or its provisioned capacity.
    static WarmThroughput initial(bool onDemand, const QJsonObject &provisionedThroughput);
    // The value of a table or GSI description. `everOnDemand`: its table is or
    // was on demand (a description written before the engine kept the value
    // then reports at least the initial on-demand value, as AWS's does).
    static WarmThroughput of(const QJsonObject &tableOrIndex, bool everOnDemand);
    // Whether the table of `description` is or ever was on demand.
    static bool everOnDemand(const QJsonObject &description);
    // Whether `container` (a request, a GSI action) asks for a WarmThroughput:
    // one with a member; AWS takes an empty one as none.
    static bool requested(const QJsonObject &container);

    // Each unit the larger of this one's and `other`'s.
    WarmThroughput atLeast(const WarmThroughput &other) const;
    // The members of `requested` (a WarmThroughput request member) over this one's.
    WarmThroughput with(const QJsonObject &requested) const;

    // Checks the WarmThroughput `requested` of a new table or GSI (`subject`:
    // "table" or "index NAME") against its `initial` value, with AWS's
    // messages: ValidationException below it, LimitExceededException above
    // the maximum (`region` names the account's region); nullopt if fine.
    static std::optional<ApiError> checkCreate(const QJsonObject &requested, const WarmThroughput &initial, bool onDemand, const QString &subject,
                                               const QString &region);
    // Checks an UpdateTable's WarmThroughput `requested` for `subject` against
    // its `current` value: the same value is accepted, a lower one is
    // ValidationException, one above the maximum LimitExceededException.
    static std::optional<ApiError> checkUpdate(const QJsonObject &requested, const WarmThroughput &current, const QString &subject,
                                               const QString &region);

    // Stores this as the value of `tableOrIndex`, Status UPDATING until
    // `updatingUntilMs` (epoch milliseconds; 0: ACTIVE at once).
    void storeIn(QJsonObject &tableOrIndex, qint64 updatingUntilMs) const;
    // The member as DescribeTable shows it at `nowMs`: TableWarmThroughputDescription
    // or GlobalSecondaryIndexWarmThroughputDescription.
    static QJsonObject describe(const QJsonObject &tableOrIndex, bool everOnDemand, qint64 nowMs);
    // Gives the CreateTable request `create` of a new replica the warm
    // throughput of the table it replicates (`source`, a stored description),
    // for the table and each GSI: AWS applies warm throughput to every
    // replica of a global table.
    static void copyInto(QJsonObject &create, const QJsonObject &source);
};

} // namespace dd::api
