// The table, items and cases of tst_queryops.cpp (kept out of the file moc
// reads: moc does not parse raw string literals).
#pragma once

#include <QByteArray>
#include <QList>

#include <cstdio>

namespace {

struct Case {
    const char *op;
    const char *request;
    const char *expected; // the response body, or "!<type>: <message>" for an error
};

const char *kCreate = R"({"TableName":"qtab","BillingMode":"PAY_PER_REQUEST","AttributeDefinitions":[)"
    R"({"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"},)"
    R"({"AttributeName":"l","AttributeType":"N"},{"AttributeName":"g","AttributeType":"S"}],)"
    R"("KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],)"
    R"("LocalSecondaryIndexes":[{"IndexName":"byl","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},)"
    R"({"AttributeName":"l","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}],)"
    R"("GlobalSecondaryIndexes":[{"IndexName":"byg","KeySchema":[{"AttributeName":"g","KeyType":"HASH"},)"
    R"({"AttributeName":"sk","KeyType":"RANGE"}],"Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["a"]}}]})";

const Case kCases[] = {
    {"Query", R"q({"TableName":"qtab","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}}})q",
     R"q({"Items":[{"a":{"S":"A1"},"g":{"S":"G"},"l":{"N":"9"},"m":{"M":{"b":{"N":"1"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\1"},"pk":{"S":"p"},"sk":{"S":"s1"}},{"a":{"S":"A2"},"l":{"N":"8"},"m":{"M":{"b":{"N":"2"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\2"},"pk":{"S":"p"},"sk":{"S":"s2"}},{"a":{"S":"A0"},"g":{"S":"G"},"l":{"N":"7"},"m":{"M":{"b":{"N":"3"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\3"},"pk":{"S":"p"},"sk":{"S":"s3"}},{"l":{"N":"6"},"m":{"M":{"b":{"N":"4"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\4"},"pk":{"S":"p"},"sk":{"S":"s4"}},{"a":{"S":"A2"},"g":{"S":"G"},"l":{"N":"5"},"m":{"M":{"b":{"N":"5"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\5"},"pk":{"S":"p"},"sk":{"S":"s5"}},{"a":{"S":"A0"},"l":{"N":"4"},"m":{"M":{"b":{"N":"6"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\6"},"pk":{"S":"p"},"sk":{"S":"s6"}},{"a":{"S":"A1"},"g":{"S":"G"},"l":{"N":"3"},"m":{"M":{"b":{"N":"7"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\7"},"pk":{"S":"p"},"sk":{"S":"s7"}}],"Count":7,"ScannedCount":7})q"},
    {"Query", R"q({"TableName":"qtab","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}},"Limit":3})q",
     R"q({"Items":[{"a":{"S":"A1"},"g":{"S":"G"},"l":{"N":"9"},"m":{"M":{"b":{"N":"1"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\1"},"pk":{"S":"p"},"sk":{"S":"s1"}},{"a":{"S":"A2"},"l":{"N":"8"},"m":{"M":{"b":{"N":"2"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\2"},"pk":{"S":"p"},"sk":{"S":"s2"}},{"a":{"S":"A0"},"g":{"S":"G"},"l":{"N":"7"},"m":{"M":{"b":{"N":"3"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\3"},"pk":{"S":"p"},"sk":{"S":"s3"}}],"Count":3,"ScannedCount":3,"LastEvaluatedKey":{"pk":{"S":"p"},"sk":{"S":"s3"}}})q"},
    {"Query", R"q({"TableName":"qtab","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}},"Limit":3,"ExclusiveStartKey":{"pk":{"S":"p"},"sk":{"S":"s3"}}})q",
     R"q({"Items":[{"l":{"N":"6"},"m":{"M":{"b":{"N":"4"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\4"},"pk":{"S":"p"},"sk":{"S":"s4"}},{"a":{"S":"A2"},"g":{"S":"G"},"l":{"N":"5"},"m":{"M":{"b":{"N":"5"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\5"},"pk":{"S":"p"},"sk":{"S":"s5"}},{"a":{"S":"A0"},"l":{"N":"4"},"m":{"M":{"b":{"N":"6"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\6"},"pk":{"S":"p"},"sk":{"S":"s6"}}],"Count":3,"ScannedCount":3,"LastEvaluatedKey":{"pk":{"S":"p"},"sk":{"S":"s6"}}})q"},
    {"Query", R"q({"TableName":"qtab","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}},"Limit":2,"ScanIndexForward":false,"ReturnConsumedCapacity":"TOTAL"})q",
     R"q({"Items":[{"a":{"S":"A1"},"g":{"S":"G"},"l":{"N":"3"},"m":{"M":{"b":{"N":"7"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\7"},"pk":{"S":"p"},"sk":{"S":"s7"}},{"a":{"S":"A0"},"l":{"N":"4"},"m":{"M":{"b":{"N":"6"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\6"},"pk":{"S":"p"},"sk":{"S":"s6"}}],"Count":2,"ScannedCount":2,"LastEvaluatedKey":{"pk":{"S":"p"},"sk":{"S":"s6"}},"ConsumedCapacity":{"TableName":"qtab","CapacityUnits":0.5}})q"},
    {"Query", R"q({"TableName":"qtab","KeyConditionExpression":"pk = :p AND sk BETWEEN :a AND :b","FilterExpression":"a = :x","ExpressionAttributeValues":{":p":{"S":"p"},":a":{"S":"s2"},":b":{"S":"s6"},":x":{"S":"A1"}},"Limit":3})q",
     R"q({"Items":[],"Count":0,"ScannedCount":3,"LastEvaluatedKey":{"pk":{"S":"p"},"sk":{"S":"s4"}}})q"},
    {"Query", R"q({"TableName":"qtab","KeyConditionExpression":"pk = :p AND begins_with(sk, :s)","ExpressionAttributeValues":{":p":{"S":"p"},":s":{"S":"s"}},"ProjectionExpression":"a, m.b, #n","ExpressionAttributeNames":{"#n":"n"},"Limit":4})q",
     R"q({"Items":[{"a":{"S":"A1"},"m":{"M":{"b":{"N":"1"}}},"n":{"S":"ü\"\\1"}},{"a":{"S":"A2"},"m":{"M":{"b":{"N":"2"}}},"n":{"S":"ü\"\\2"}},{"a":{"S":"A0"},"m":{"M":{"b":{"N":"3"}}},"n":{"S":"ü\"\\3"}},{"m":{"M":{"b":{"N":"4"}}},"n":{"S":"ü\"\\4"}}],"Count":4,"ScannedCount":4,"LastEvaluatedKey":{"pk":{"S":"p"},"sk":{"S":"s4"}}})q"},
    {"Query", R"q({"TableName":"qtab","KeyConditionExpression":"pk = :p AND sk > :s","ExpressionAttributeValues":{":p":{"S":"p"},":s":{"S":"s5"}},"Select":"COUNT","FilterExpression":"attribute_exists(a)"})q",
     R"q({"Count":2,"ScannedCount":2})q"},
    {"Query", R"q({"TableName":"qtab","KeyConditionExpression":"pk = :p AND sk <= :s","ExpressionAttributeValues":{":p":{"S":"p"},":s":{"S":"s2"}},"ReturnConsumedCapacity":"INDEXES"})q",
     R"q({"Items":[{"a":{"S":"A1"},"g":{"S":"G"},"l":{"N":"9"},"m":{"M":{"b":{"N":"1"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\1"},"pk":{"S":"p"},"sk":{"S":"s1"}},{"a":{"S":"A2"},"l":{"N":"8"},"m":{"M":{"b":{"N":"2"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\2"},"pk":{"S":"p"},"sk":{"S":"s2"}}],"Count":2,"ScannedCount":2,"ConsumedCapacity":{"TableName":"qtab","CapacityUnits":0.5,"Table":{"CapacityUnits":0.5}}})q"},
    {"Query", R"q({"TableName":"qtab","IndexName":"byl","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}},"Limit":3})q",
     R"q({"Items":[{"l":{"N":"3"},"pk":{"S":"p"},"sk":{"S":"s7"}},{"l":{"N":"4"},"pk":{"S":"p"},"sk":{"S":"s6"}},{"l":{"N":"5"},"pk":{"S":"p"},"sk":{"S":"s5"}}],"Count":3,"ScannedCount":3,"LastEvaluatedKey":{"l":{"N":"5"},"pk":{"S":"p"},"sk":{"S":"s5"}}})q"},
    {"Query", R"q({"TableName":"qtab","IndexName":"byl","KeyConditionExpression":"pk = :p AND l < :l","ExpressionAttributeValues":{":p":{"S":"p"},":l":{"N":"8"}},"Select":"ALL_ATTRIBUTES","Limit":2,"ReturnConsumedCapacity":"INDEXES"})q",
     R"q({"Items":[{"a":{"S":"A1"},"g":{"S":"G"},"l":{"N":"3"},"m":{"M":{"b":{"N":"7"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\7"},"pk":{"S":"p"},"sk":{"S":"s7"}},{"a":{"S":"A0"},"l":{"N":"4"},"m":{"M":{"b":{"N":"6"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\6"},"pk":{"S":"p"},"sk":{"S":"s6"}}],"Count":2,"ScannedCount":2,"LastEvaluatedKey":{"l":{"N":"4"},"pk":{"S":"p"},"sk":{"S":"s6"}},"ConsumedCapacity":{"TableName":"qtab","CapacityUnits":1.0,"Table":{"CapacityUnits":0.5},"LocalSecondaryIndexes":{"byl":{"CapacityUnits":0.5}}}})q"},
    {"Query", R"q({"TableName":"qtab","IndexName":"byl","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}},"Select":"ALL_ATTRIBUTES","Limit":2,"ExclusiveStartKey":{"pk":{"S":"p"},"sk":{"S":"s6"},"l":{"N":"4"}}})q",
     R"q({"Items":[{"a":{"S":"A2"},"g":{"S":"G"},"l":{"N":"5"},"m":{"M":{"b":{"N":"5"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\5"},"pk":{"S":"p"},"sk":{"S":"s5"}},{"l":{"N":"6"},"m":{"M":{"b":{"N":"4"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\4"},"pk":{"S":"p"},"sk":{"S":"s4"}}],"Count":2,"ScannedCount":2,"LastEvaluatedKey":{"l":{"N":"6"},"pk":{"S":"p"},"sk":{"S":"s4"}}})q"},
    {"Query", R"q({"TableName":"qtab","IndexName":"byl","KeyConditionExpression":"pk = :p","FilterExpression":"a = :a","ProjectionExpression":"a, l","ExpressionAttributeValues":{":p":{"S":"p"},":a":{"S":"A0"}},"Limit":5})q",
     R"q({"Items":[{"a":{"S":"A0"},"l":{"N":"4"}},{"a":{"S":"A0"},"l":{"N":"7"}}],"Count":2,"ScannedCount":5,"LastEvaluatedKey":{"l":{"N":"7"},"pk":{"S":"p"},"sk":{"S":"s3"}}})q"},
    // A filter on an attribute the LSI does not project fetches each item
    // from the table, but ALL_PROJECTED_ATTRIBUTES (the default on an index)
    // still returns the projection: here the keys.
    {"Query", R"q({"TableName":"qtab","IndexName":"byl","KeyConditionExpression":"pk = :p","FilterExpression":"a = :a","ExpressionAttributeValues":{":p":{"S":"p"},":a":{"S":"A0"}},"ReturnConsumedCapacity":"INDEXES"})q",
     R"q({"Items":[{"l":{"N":"4"},"pk":{"S":"p"},"sk":{"S":"s6"}},{"l":{"N":"7"},"pk":{"S":"p"},"sk":{"S":"s3"}}],"Count":2,"ScannedCount":7,"ConsumedCapacity":{"TableName":"qtab","CapacityUnits":1.0,"Table":{"CapacityUnits":0.5},"LocalSecondaryIndexes":{"byl":{"CapacityUnits":0.5}}}})q"},
    {"Scan", R"q({"TableName":"qtab","IndexName":"byl","FilterExpression":"attribute_exists(m.c)","Select":"ALL_PROJECTED_ATTRIBUTES","Limit":2})q",
     R"q({"Items":[{"l":{"N":"3"},"pk":{"S":"p"},"sk":{"S":"s7"}},{"l":{"N":"4"},"pk":{"S":"p"},"sk":{"S":"s6"}}],"Count":2,"ScannedCount":2,"LastEvaluatedKey":{"l":{"N":"4"},"pk":{"S":"p"},"sk":{"S":"s6"}}})q"},
    {"Query", R"q({"TableName":"qtab","IndexName":"byg","KeyConditionExpression":"g = :g","ExpressionAttributeValues":{":g":{"S":"G"}},"Limit":4,"ReturnConsumedCapacity":"INDEXES"})q",
     R"q({"Items":[{"a":{"S":"A1"},"g":{"S":"G"},"pk":{"S":"r"},"sk":{"S":"r1"}},{"a":{"S":"A1"},"g":{"S":"G"},"pk":{"S":"r"},"sk":{"S":"r2"}},{"a":{"S":"A1"},"g":{"S":"G"},"pk":{"S":"p"},"sk":{"S":"s1"}},{"a":{"S":"A0"},"g":{"S":"G"},"pk":{"S":"p"},"sk":{"S":"s3"}}],"Count":4,"ScannedCount":4,"LastEvaluatedKey":{"g":{"S":"G"},"pk":{"S":"p"},"sk":{"S":"s3"}},"ConsumedCapacity":{"TableName":"qtab","CapacityUnits":0.5,"Table":{"CapacityUnits":0.0},"GlobalSecondaryIndexes":{"byg":{"CapacityUnits":0.5}}}})q"},
    {"Query", R"q({"TableName":"qtab","IndexName":"byg","KeyConditionExpression":"g = :g","ExpressionAttributeValues":{":g":{"S":"G"}},"ExclusiveStartKey":{"g":{"S":"G"},"sk":{"S":"s5"},"pk":{"S":"p"}},"ScanIndexForward":false})q",
     R"q({"Items":[{"a":{"S":"A0"},"g":{"S":"G"},"pk":{"S":"p"},"sk":{"S":"s3"}},{"a":{"S":"A1"},"g":{"S":"G"},"pk":{"S":"p"},"sk":{"S":"s1"}},{"a":{"S":"A1"},"g":{"S":"G"},"pk":{"S":"r"},"sk":{"S":"r2"}},{"a":{"S":"A1"},"g":{"S":"G"},"pk":{"S":"r"},"sk":{"S":"r1"}}],"Count":4,"ScannedCount":4})q"},
    {"Query", R"q({"TableName":"qtab","KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p"}]},"sk":{"ComparisonOperator":"GE","AttributeValueList":[{"S":"s5"}]}},"QueryFilter":{"a":{"ComparisonOperator":"NOT_NULL"}},"AttributesToGet":["sk","a"]})q",
     R"q({"Items":[{"a":{"S":"A2"},"sk":{"S":"s5"}},{"a":{"S":"A0"},"sk":{"S":"s6"}},{"a":{"S":"A1"},"sk":{"S":"s7"}}],"Count":3,"ScannedCount":3})q"},
    {"Query", R"q({"TableName":"qtab","KeyConditionExpression":"pk = :p","FilterExpression":"sk = :p","ExpressionAttributeValues":{":p":{"S":"p"}}})q",
     R"q(!ValidationException: Filter Expression can only contain non-primary key attributes: Primary key attribute: sk)q"},
    {"Query", R"q({"TableName":"qtab","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}},"ExclusiveStartKey":{"pk":{"S":"x"},"sk":{"S":"s1"}}})q",
     R"q(!ValidationException: The provided starting key is outside query boundaries based on provided conditions)q"},
    {"Query", R"q({"TableName":"qtab","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}},"ExclusiveStartKey":{"pk":{"S":"p"}}})q",
     R"q(!ValidationException: The provided starting key is invalid)q"},
    {"Query", R"q({"TableName":"qtab","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"N":"1"}}})q",
     R"q(!ValidationException: One or more parameter values were invalid: Condition parameter type does not match schema type)q"},
    {"Query", R"q({"TableName":"qtab","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}},"Select":"ALL_PROJECTED_ATTRIBUTES"})q",
     R"q(!ValidationException: 1 validation error detected: ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName)q"},
    {"Query", R"q({"TableName":"qtab","IndexName":"byg","KeyConditionExpression":"g = :g","ExpressionAttributeValues":{":g":{"S":"G"}},"Select":"ALL_ATTRIBUTES"})q",
     R"q(!ValidationException: One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index byg because its projection type is not ALL)q"},
    {"Query", R"q({"TableName":"qtab","KeyConditionExpression":"pk = :p","ProjectionExpression":"m.b","ExpressionAttributeValues":{":p":{"S":"nothing"}}})q",
     R"q({"Items":[],"Count":0,"ScannedCount":0})q"},
    {"Scan", R"q({"TableName":"qtab","Limit":4})q",
     R"q({"Items":[{"a":{"S":"A1"},"g":{"S":"G"},"pk":{"S":"r"},"sk":{"S":"r1"}},{"a":{"S":"A1"},"g":{"S":"G"},"pk":{"S":"r"},"sk":{"S":"r2"}},{"a":{"S":"A1"},"g":{"S":"G"},"l":{"N":"9"},"m":{"M":{"b":{"N":"1"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\1"},"pk":{"S":"p"},"sk":{"S":"s1"}},{"a":{"S":"A2"},"l":{"N":"8"},"m":{"M":{"b":{"N":"2"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\2"},"pk":{"S":"p"},"sk":{"S":"s2"}}],"Count":4,"ScannedCount":4,"LastEvaluatedKey":{"pk":{"S":"p"},"sk":{"S":"s2"}}})q"},
    {"Scan", R"q({"TableName":"qtab","Limit":4,"ExclusiveStartKey":{"pk":{"S":"p"},"sk":{"S":"s3"}}})q",
     R"q({"Items":[{"l":{"N":"6"},"m":{"M":{"b":{"N":"4"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\4"},"pk":{"S":"p"},"sk":{"S":"s4"}},{"a":{"S":"A2"},"g":{"S":"G"},"l":{"N":"5"},"m":{"M":{"b":{"N":"5"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\5"},"pk":{"S":"p"},"sk":{"S":"s5"}},{"a":{"S":"A0"},"l":{"N":"4"},"m":{"M":{"b":{"N":"6"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\6"},"pk":{"S":"p"},"sk":{"S":"s6"}},{"a":{"S":"A1"},"g":{"S":"G"},"l":{"N":"3"},"m":{"M":{"b":{"N":"7"},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":"ü\"\\7"},"pk":{"S":"p"},"sk":{"S":"s7"}}],"Count":4,"ScannedCount":4,"LastEvaluatedKey":{"pk":{"S":"p"},"sk":{"S":"s7"}}})q"},
    {"Scan", R"q({"TableName":"qtab","FilterExpression":"m.b > :n","ExpressionAttributeValues":{":n":{"N":"4"}},"Limit":6,"ReturnConsumedCapacity":"TOTAL"})q",
     R"q({"Items":[],"Count":0,"ScannedCount":6,"LastEvaluatedKey":{"pk":{"S":"p"},"sk":{"S":"s4"}},"ConsumedCapacity":{"TableName":"qtab","CapacityUnits":0.5}})q"},
    {"Scan", R"q({"TableName":"qtab","Segment":1,"TotalSegments":3,"ProjectionExpression":"sk"})q",
     R"q({"Items":[{"sk":{"S":"s1"}},{"sk":{"S":"s2"}},{"sk":{"S":"s3"}},{"sk":{"S":"s4"}},{"sk":{"S":"s5"}},{"sk":{"S":"s6"}},{"sk":{"S":"s7"}}],"Count":7,"ScannedCount":7})q"},
    {"Scan", R"q({"TableName":"qtab","IndexName":"byl","Limit":3})q",
     R"q({"Items":[{"l":{"N":"3"},"pk":{"S":"p"},"sk":{"S":"s7"}},{"l":{"N":"4"},"pk":{"S":"p"},"sk":{"S":"s6"}},{"l":{"N":"5"},"pk":{"S":"p"},"sk":{"S":"s5"}}],"Count":3,"ScannedCount":3,"LastEvaluatedKey":{"l":{"N":"5"},"pk":{"S":"p"},"sk":{"S":"s5"}}})q"},
    {"Scan", R"q({"TableName":"qtab","IndexName":"byg","Select":"COUNT"})q",
     R"q({"Count":6,"ScannedCount":6})q"},
    {"Scan", R"q({"TableName":"qtab","ScanFilter":{"l":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"4"},{"N":"6"}]}},"AttributesToGet":["l"]})q",
     R"q({"Items":[{"l":{"N":"6"}},{"l":{"N":"5"}},{"l":{"N":"4"}}],"Count":3,"ScannedCount":9})q"},
    {"Scan", R"q({"TableName":"qtab","Limit":2,"ExclusiveStartKey":{"pk":{"S":"p"},"sk":{"S":"s3"},"x":{"S":"y"}}})q",
     R"q(!ValidationException: The provided starting key is invalid: The provided key element does not match the schema)q"},
};

// Partition p: s1..s7 with l = 10 - i, g on the odd ones, a on all but s4;
// partition r: two items.
QList<QByteArray> items()
{
    QList<QByteArray> out;
    for (int i = 1; i <= 7; ++i) {
        QByteArray item = R"({"pk":{"S":"p"},"sk":{"S":"s)" + QByteArray::number(i) + R"("},"l":{"N":")"
                          + QByteArray::number(10 - i) + R"("},"m":{"M":{"b":{"N":")" + QByteArray::number(i)
                          + R"("},"c":{"L":[{"S":"x"},{"BOOL":true}]}}},"n":{"S":")" + QByteArray("\xc3\xbc\\\"\\\\")
                          + QByteArray::number(i) + R"("})";
        if (i % 2)
            item += R"(,"g":{"S":"G"})";
        if (i != 4)
            item += R"(,"a":{"S":"A)" + QByteArray::number(i % 3) + R"("})";
        item += "}";
        out << item;
    }
    for (const char *sk : {"r1", "r2"})
        out << R"({"pk":{"S":"r"},"sk":{"S":")" + QByteArray(sk) + R"("},"g":{"S":"G"},"a":{"S":"A1"}})";
    return out;
}

// Prints a case with its response, in the form of kCases.
void printCase(const Case &c, const QByteArray &got)
{
    std::printf("    {\"%s\", R\"q(%s)q\",\n     R\"q(%s)q\"},\n", c.op, c.request, got.constData());
}

} // namespace
