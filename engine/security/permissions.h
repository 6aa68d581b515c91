// Permissions: what an operation asks of IAM, as AWS's authorization
// reference lists it (action "dynamodb:<Operation>" on the table's ARN, on
// the index's for a Query or Scan of one, each table of a batch, each
// element's own action in a transaction (PutItem, UpdateItem, DeleteItem,
// ConditionCheckItem, GetItem), PartiQLSelect/Insert/Update/Delete for
// PartiQL statements, the stream's ARN for DynamoDB Streams, "*" for the
// account-wide listings), and the check of a principal's policy against
// them with AccessDeniedException's text as AWS writes it.
// Threads: plain functions, any thread.
#pragma once

#include "security/credentials.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace dd::security {

struct Permission {
    QString action;   // "dynamodb:PutItem"
    QString resource; // "arn:aws:dynamodb:us-east-1:000000000000:table/Orders", or "*"
};

// The permissions `operation` ("PutItem", "Streams.GetRecords",
// "Dynamodesk.ListTriggers", "Dax.CreateCluster") with `request` needs in
// `region` of `accountId`. Through DAX cluster `daxCluster` (if not empty),
// an item operation needs "dax:<Operation>" on the cluster's ARN instead:
// the cluster reaches the tables with its own role.
QList<Permission> permissionsFor(QStringView operation, const QJsonObject &request, const QString &region, const QString &accountId,
                                 const QString &daxCluster = QString());

// The AccessDeniedException for the first of `permissions` that the
// principal's policy does not allow; nothing if it allows all (or it has no policy).
std::optional<ApiError> authorize(const Principal &principal, const QList<Permission> &permissions, const QString &accountId);

} // namespace dd::security
