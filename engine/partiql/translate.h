// A parsed PartiQL statement as the DynamoDB request that does the same
// (statement.h): SELECT is a Query when its WHERE names the partition key
// with = (or IN, one Query per value) and a Scan otherwise; INSERT a PutItem
// that the item must not exist for; UPDATE an UpdateItem and DELETE a
// DeleteItem of the one item whose whole key the WHERE gives with =, the
// rest of the WHERE their ConditionExpression; EXISTS a transaction's
// ConditionCheck. Names and values go through ExpressionAttributeNames and
// ExpressionAttributeValues, so reserved words and any text are safe.
#pragma once

#include "partiql/statement.h"
#include "storage/tabledef.h"

namespace dd::partiql {

struct Translation {
    // "Query", "Scan", "GetItem", "PutItem", "UpdateItem", "DeleteItem", "ConditionCheck".
    QString operation;
    QJsonObject request;
    // A Query whose partition key is given by IN: the values, in order (the
    // request's ":pk" value is each in turn); empty otherwise.
    QJsonArray partitionValues;
    QJsonObject key;           // the item's key, for statements on one item
    bool globalIndex = false;  // a SELECT from a GSI
    bool insert = false;       // a failed condition means the item exists (DuplicateItemException)
    std::vector<Path> projection; // a SELECT's projected paths (projectItem), empty for *
};

// How the statement is used: ExecuteStatement runs any statement but
// EXISTS; a batch or a transaction only statements on one item (a SELECT
// then a GetItem), and EXISTS only a transaction.
enum class Use { Statement, Batch, Transaction };

Result<Translation> translate(const Statement &statement, const storage::TableDef &table, Use use);

// An item read with a projection of nested paths, as PartiQL answers it:
// each projected value keyed by its last name (a.b is "b", a.list[0]
// "list[0]"), not nested as a ProjectionExpression returns it.
QJsonObject projectItem(const QJsonObject &item, const std::vector<Path> &projection);

} // namespace dd::partiql
