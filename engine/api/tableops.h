// What the table operations share: tableops.cpp (DescribeTable, ListTables,
// DeleteTable and the rest) defines these for createtableops.cpp
// (CreateTable) and updatetableops.cpp (UpdateTable). A description is a
// table's stored JSON (storage::TableDef::description). The handlers are
// declared in opcontext.h.
// Threads: plain functions, any thread.
#pragma once

#include "api/opcontext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace dd::api {

// -delayTransientStatuses: how long a table stays CREATING or UPDATING.
constexpr qint64 kTransientStatusMs = 2000;

double epochSeconds(qint64 ms);

// Checks the key schema of the table or of one index against the attribute
// definitions, with AWS's messages. `multiAttribute`: a GSI's, whose
// partition and sort key may each have up to four attributes, all HASH
// elements first. The messages of the multi-attribute rules are the
// engine's own: AWS's could not be found.
std::optional<QString> checkKeySchema(const QJsonArray &keySchema, const QStringList &defined, bool multiAttribute = false);
// An index's Projection against the INCLUDE rules: NonKeyAttributes given
// ("ProjectionType is INCLUDE, but NonKeyAttributes is not specified"),
// and at most 100 of them across the table's indexes (Developer Guide,
// "Service quotas": an attribute in two indexes counts twice). `projected`
// counts the indexes checked before, this one added.
std::optional<QString> checkIncludeProjection(const QJsonObject &projection, int &projected);
// Tags that AWS refuses (User Guide, "Tagging restrictions"): keys that start with "aws:", which AWS keeps for
// itself, and keys or values with characters outside letters, numbers, white space and _ . : / = + - @. The
// messages are the engine's own: AWS's could not be found. Defined in tagops.cpp.
std::optional<QString> checkTags(const QJsonArray &tags);
// A ProvisionedThroughput's units out of AWS's bounds: AWS's message, or nothing.
std::optional<QString> checkThroughput(const QJsonObject &t);
// A ProvisionedThroughput as a description shows it (no decreases yet).
QJsonObject throughputDescription(const QJsonObject &requested);

// The live TableStatus: a transient status ends when its time has come.
QString liveStatus(const QJsonObject &desc, qint64 nowMs);
// An index being deleted is shown as DELETING until its time has come.
bool indexGone(const QJsonObject &index, qint64 nowMs);
// The description as DescribeTable shows it; `showDeleting` keeps indexes
// whose deletion is over (UpdateTable's answer to a Delete shows it DELETING).
QJsonObject publicDescription(OpContext &ctx, const storage::TableDef &table, bool withStats, bool showDeleting = false);
// Whether a GSI is being created or deleted: AWS allows one such change at a time per table.
bool indexChangeInFlight(const QJsonObject &desc, qint64 nowMs);

// AWS encrypts every table at rest. SSESpecification Enabled puts a KMS key
// of the account to it, which SSEDescription names; without it, a key AWS
// owns does, and DescribeTable shows no SSEDescription.
std::optional<QJsonObject> sseDescription(const OpContext &ctx, const QJsonObject &spec);

} // namespace dd::api
