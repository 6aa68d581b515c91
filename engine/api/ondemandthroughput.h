// OnDemandThroughput: the most read and write request units per second an
// on-demand table or one of its global secondary indexes may use (AWS, May
// 2024), as the engine keeps, checks and reports it. Only PAY_PER_REQUEST
// tables take it; each of MaxReadRequestUnits and MaxWriteRequestUnits is
// optional, at least 1 and at most the account's per-table maximum, and
// UpdateTable merges them member by member, -1 removing one (observed rules:
// ack-api-quirks dynamodb, table-throughput-billing.md DDB-TABLE-028, -038,
// -039, -051, -059, -154, -178, -182; table-indexes.md DDB-TABLE-128, -135,
// -153; API_OnDemandThroughput).
// A stored description holds it as "OnDemandThroughput" of the table and of
// each GSI, with only the members that have a maximum, and without the struct
// when neither has one: DescribeTable shows it so (a cleared member is
// omitted, as AWS's shows it once its -1 has settled). The engine does not
// throttle: the maxima are reported and checked, not enforced.
// Threads: any (pure functions).
#pragma once

#include "model/apierror.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace dd::api {

struct OnDemandThroughput {
    // UpdateTable's value that removes a maximum (API_OnDemandThroughput).
    static constexpr qint64 kNoMaximum = -1;
    // The account's per-table maximum (DescribeLimits' TableMaxReadCapacityUnits
    // and TableMaxWriteCapacityUnits); more is LimitExceededException.
    static constexpr qint64 kMaxUnits = 40000;

    // Whether `container` (a request, a GSI, a GSI action) has an
    // OnDemandThroughput with a member; an empty one counts as none.
    static bool requested(const QJsonObject &container);

    // Checks the OnDemandThroughput of `container` for a new table or GSI
    // (CreateTable, ImportTable, a GSI Create; `index`: the GSI's name, empty
    // for the table) of a table `onDemand` or not; `inUpdate`: a GSI Create
    // of UpdateTable (AWS's UpdateTable wording). ValidationException on a
    // provisioned table or for a value below 1, LimitExceededException above
    // the maximum (`region` names the account's region); nullopt if fine.
    static std::optional<ApiError> checkCreate(const QJsonObject &container, bool onDemand, const QString &index, bool inUpdate, const QString &region);
    // The same for UpdateTable's OnDemandThroughput of the table or of a GSI
    // Update: -1 is taken too.
    static std::optional<ApiError> checkUpdate(const QJsonObject &container, bool onDemand, const QString &index, const QString &region);

    // Merges the members of `requested` (an OnDemandThroughput request
    // member, checked) into the stored value of `tableOrIndex`: a positive
    // value sets a maximum, -1 removes it.
    static void applyTo(QJsonObject &tableOrIndex, const QJsonObject &requested);
    // The member UpdateTable answers with after applying `requested`: the
    // stored value of `tableOrIndex` with each member the request removed
    // shown as -1 (DDB-TABLE-182); empty if there is none.
    static QJsonObject echo(const QJsonObject &tableOrIndex, const QJsonObject &requested);
    // Removes the maxima of a table description and of its GSIs (a switch to
    // PROVISIONED drops them, DDB-TABLE-153).
    static void dropFrom(QJsonObject &description);
};

} // namespace dd::api
