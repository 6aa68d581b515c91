// Resource-based policies: PutResourcePolicy, GetResourcePolicy and
// DeleteResourcePolicy on a table or its stream, as AWS answers them
// (security/resourcepolicy.h reads the documents), and what authorization
// needs of them: the policy that governs a resource ARN.
//
// A table's policy lives in its stored description (member
// _ResourcePolicy), each of its streams' under _StreamResourcePolicies by
// label, so a policy goes with its table: DeleteTable removes it, restores
// and copies do not carry it (AWS: set up again on the restored table).
// Each holds the canonical document, its RevisionId (the epoch milliseconds
// of the change, strictly increasing), and after a delete its tombstone.
// Threads: handlers, any thread (storage serializes the writes).
#pragma once

#include "api/opcontext.h"
#include "security/resourcepolicy.h"

namespace dd::api {

Result<QByteArray> putResourcePolicy(OpContext &, const QJsonObject &);
Result<QByteArray> getResourcePolicy(OpContext &, const QJsonObject &);
Result<QByteArray> deleteResourcePolicy(OpContext &, const QJsonObject &);

// CreateTable's ResourcePolicy: the document read for the table `tableArn`
// and stored in `description` (the table's, before it is created), with the
// revision `nowMs`. Error: the ValidationException PutResourcePolicy gives.
Result<void> attachCreatePolicy(OpContext &ctx, const QString &policy, const QString &tableArn, QJsonObject &description, qint64 nowMs);

// The stored policy document that governs `resourceArn` (a table, one of
// its indexes, or one of its streams) in `table`'s description; empty if none.
QString governingPolicy(const storage::TableDef &table, const QString &resourceArn);

} // namespace dd::api
