// FastRequest: reads the commonest requests straight from their bytes, in
// one pass, without QJsonDocument and the shape validator (together about a
// third of a GetItem's cost). It accepts only what it fully understands: a
// JSON object (spaces allowed) with the operation's common members, of the
// right types and within the model's constraints; string values of printable
// ASCII without escapes; attribute values as DynamoDB's rules allow them
// (valid numbers, strict base64, non-empty sets without duplicates, ...). For anything else it returns nullopt and the caller takes
// the general path, which answers every unusual or invalid request with
// AWS's exact error. So a request it accepts is one the general path would
// accept too, and both give the same answer.
//
// Threads: stateless.
#pragma once

#include "model/attributevalue.h"

#include <QByteArrayView>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace dd::api {

// GetItem with TableName, Key and optionally ConsistentRead and
// ReturnConsumedCapacity (no projection).
struct GetItemRequest {
    QString tableName;
    model::Item key;                    // the Key parameter as given (checked against the schema later)
    bool consistentRead = false;
    QString returnConsumedCapacity;     // NONE, TOTAL or INDEXES; empty when absent
};

std::optional<GetItemRequest> readGetItemRequest(QByteArrayView body);

// PutItem with TableName, Item and optionally ReturnValues (NONE, ALL_OLD),
// ReturnConsumedCapacity and ReturnItemCollectionMetrics (no condition).
// Item values of every type; strings and names as above, maps and lists
// nested at most 16 deep, sets non-empty and without duplicates, NULL true.
struct PutItemRequest {
    QString tableName;
    model::Item item;
    QString returnValues;               // NONE or ALL_OLD; empty when absent
    QString returnConsumedCapacity;     // empty when absent
    QString returnItemCollectionMetrics; // SIZE or NONE; empty when absent
};

std::optional<PutItemRequest> readPutItemRequest(QByteArrayView body);

// UpdateItem with TableName, Key, UpdateExpression and optionally
// ConditionExpression, ExpressionAttributeNames/Values (non-empty, keys of
// the #name and :value forms), ReturnValues, ReturnConsumedCapacity,
// ReturnItemCollectionMetrics and ReturnValuesOnConditionCheckFailure.
struct UpdateItemRequest {
    QString tableName;
    model::Item key;
    QString updateExpression;
    QString conditionExpression;        // empty when absent
    std::optional<std::vector<std::pair<QString, QString>>> names;                  // in request order
    std::optional<std::vector<std::pair<QString, model::AttributeValue>>> values;   // in request order
    QString returnValues;               // empty when absent
    QString returnConsumedCapacity;
    QString returnItemCollectionMetrics;
    QString returnValuesOnConditionCheckFailure;
};

std::optional<UpdateItemRequest> readUpdateItemRequest(QByteArrayView body);

// Query of a table (no IndexName) with TableName, KeyConditionExpression
// (non-empty), ExpressionAttributeValues and optionally
// ExpressionAttributeNames, ScanIndexForward, ConsistentRead and
// ReturnConsumedCapacity: no filter, projection, Select, Limit or start key.
struct QueryRequest {
    QString tableName;
    QString keyConditionExpression;
    std::optional<std::vector<std::pair<QString, QString>>> names;                  // in request order
    std::optional<std::vector<std::pair<QString, model::AttributeValue>>> values;   // in request order
    bool scanIndexForward = true;
    bool consistentRead = false;
    QString returnConsumedCapacity;     // empty when absent
};

std::optional<QueryRequest> readQueryRequest(QByteArrayView body);

} // namespace dd::api
