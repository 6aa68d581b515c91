// Permissions: what an operation asks of IAM, as AWS's authorization
// reference lists it (action "dynamodb:<Operation>" on the table's ARN, on
// the index's for a Query or Scan of one, each table of a batch, each
// element's own action in a transaction (PutItem, UpdateItem, DeleteItem,
// ConditionCheckItem, GetItem), PartiQLSelect/Insert/Update/Delete for
// PartiQL statements, the stream's ARN for DynamoDB Streams, "*" for the
// account-wide listings) with the condition keys DynamoDB gives each
// (dynamodb:LeadingKeys, Attributes, Select, ReturnValues,
// ReturnConsumedCapacity, EnclosingOperation), and the check of a caller
// against them: its identity-based policy and the resource-based policy of
// each resource, evaluated together as AWS does within one account, with
// AccessDeniedException's text as AWS writes it.
// Threads: plain functions, any thread.
#pragma once

#include "security/credentials.h"

#include <QJsonObject>
#include <QList>

#include <functional>
#include <optional>

namespace dd::security {

struct Permission {
    QString action;   // "dynamodb:PutItem"
    QString resource; // "arn:aws:dynamodb:us-east-1:000000000000:table/Orders", or "*"
    ConditionContext keys; // the condition keys of this part of the request
};

// What permissionsFor needs to know of a table to give its condition keys:
// the partition key's name (of the index, for a Query of one) and the
// names of every key attribute of the table and its indexes. Nullopt: no
// such table (the call fails later with ResourceNotFoundException).
struct TableKeyNames {
    QString partitionKey;
    QStringList keyAttributes;
};
using TableKeyLookup = std::function<std::optional<TableKeyNames>(const QString &table, const QString &index)>;

// The permissions `operation` ("PutItem", "Streams.GetRecords",
// "Dynamodesk.ListTriggers", "Dax.CreateCluster") with `request` needs in
// `region` of `accountId`. Through DAX cluster `daxCluster` (if not empty),
// an item operation needs "dax:<Operation>" on the cluster's ARN instead:
// the cluster reaches the tables with its own role. Without `tables`, no
// dynamodb: condition keys are given.
QList<Permission> permissionsFor(QStringView operation, const QJsonObject &request, const QString &region, const QString &accountId,
                                 const QString &daxCluster = QString(), const TableKeyLookup &tables = {});

// What the request's transport brings to conditions.
struct RequestFacts {
    QString region;          // aws:RequestedRegion
    QString sourceIp;        // aws:SourceIp; empty: absent (in process)
    bool secureTransport = false;
    qint64 nowMs = 0;        // aws:CurrentTime, aws:EpochTime; 0: absent
};

// The resource-based policy that governs a resource ARN (a table's for the
// table and its indexes, a stream's for the stream); null: none.
using ResourcePolicyLookup = std::function<std::shared_ptr<const Policy>(const QString &resourceArn)>;

// The global condition keys of `principal`'s request (aws:PrincipalArn,
// aws:username, aws:SourceIp, aws:CurrentTime, ...).
ConditionContext globalKeys(const Principal &principal, const QString &accountId, const RequestFacts &facts);

// The AccessDeniedException for the first of `permissions` the caller may
// not have: an explicit Deny in its identity-based policy or in the
// resource's resource-based policy, or an Allow in neither (a user without
// an identity-based policy is allowed everything its resources' policies
// do not deny). Nothing if every one is allowed.
std::optional<ApiError> authorize(const Principal &principal, const QList<Permission> &permissions, const QString &accountId,
                                  const RequestFacts &facts = {}, const ResourcePolicyLookup &resourcePolicies = {});

} // namespace dd::security
