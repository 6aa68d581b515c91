// Table ARNs where AWS's model takes a table's name or its ARN: TableName,
// the keys of BatchGetItem's and BatchWriteItem's RequestItems, and the
// TableName of each element of TransactItems. Each ARN is checked against
// the caller's region and account and replaced by the table's name, so that
// authorization and the operations see names only, as before ARNs were
// accepted there. parseTableArn is the one reader of a table ARN's parts,
// which every operation taking a table's ARN uses (tags, PITR's source
// table), each with its own checks and errors.
// Threads: plain functions, any thread.
#pragma once

#include "model/result.h"

#include <QHash>
#include <QJsonObject>

#include <optional>

namespace dd::api {

// A table ARN's parts as written, "arn:<partition>:dynamodb:<region>:
// <account>:table/<name>": partition, region and account hold no ':' and
// may be empty; the name is all after "table/", unchecked (it may be empty
// or hold any character). What else a valid ARN needs is the caller's to
// check: AWS answers a bad one with another error in each operation.
struct TableArn {
    QString partition; // "aws"
    QString region;    // "us-east-1"
    QString account;   // "000000000000"
    QString name;      // the table's name
};

// The parts of `arn`, or nullopt if it is not of that shape or is not valid
// UTF-16 (an unpaired surrogate, on which a regular expression match fails).
std::optional<TableArn> parseTableArn(const QString &arn);

// The table name in `arn` ("arn:aws:dynamodb:<region>:<account>:table/<name>"),
// or AWS's error: a ValidationException for something that is not a table
// ARN of `region`, a ResourceNotFoundException for a table of another account.
Result<QString> tableNameFromArn(const QString &arn, const QString &region, const QString &accountId);

// Whether `request` names any table by ARN (cheap; no copy).
bool namesTableByArn(const QJsonObject &request);

// Replaces every table ARN of `request` by the table's name, or the first
// ARN's error. The RequestItems keys it replaced go into `batchArns` (name
// -> ARN), for keyedAsSent().
std::optional<ApiError> resolveTableArns(QJsonObject &request, const QString &region, const QString &accountId,
                                         QHash<QString, QString> *batchArns = nullptr);

// A BatchGetItem or BatchWriteItem answer whose tables are named as the
// request named them: the keys of Responses, UnprocessedKeys,
// UnprocessedItems and ItemCollectionMetrics, and ConsumedCapacity's
// TableName, by ARN where the request used one (`batchArns`).
QByteArray keyedAsSent(const QByteArray &answer, const QHash<QString, QString> &batchArns);

} // namespace dd::api
