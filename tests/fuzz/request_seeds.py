#!/usr/bin/env python3
"""Writes the request fuzzer's seed inputs into tests/fuzz/corpus/request
(request_harness.h: requests separated by NUL bytes, each an operation byte,
an index into the harness's operation list modulo its length (never 0, the
separator), then the JSON body). Valid
requests for every operation, naming the harness's tables tab and hsh, so that
mutations start from the paths real clients take.
    python3 tests/fuzz/request_seeds.py"""
import json
import os

OPS = ["PutItem", "GetItem", "UpdateItem", "DeleteItem", "Query", "Scan", "BatchWriteItem", "BatchGetItem",
       "TransactWriteItems", "TransactGetItems", "CreateTable", "UpdateTable", "DescribeTable", "DeleteTable",
       "ListTables", "UpdateTimeToLive", "DescribeTimeToLive", "TagResource", "UntagResource", "ListTagsOfResource",
       "DescribeLimits", "Streams.ListStreams", "Streams.DescribeStream", "Streams.GetShardIterator",
       "Streams.GetRecords", "CreateBackup", "DescribeBackup", "ListBackups", "DeleteBackup",
       "RestoreTableFromBackup", "UpdateContinuousBackups", "DescribeContinuousBackups",
       "RestoreTableToPointInTime", "Dynamodesk.DescribeTableHistory", "Dynamodesk.PreviewRestore",
       "Dynamodesk.ListTriggers", "CreateGlobalTable", "DescribeGlobalTable", "ListGlobalTables",
       "ExportTableToPointInTime", "DescribeExport", "ListExports", "ImportTable", "DescribeImport", "ListImports"]

KEY_A1 = {"pk": {"S": "a"}, "sk": {"N": "1"}}
ARN_T = "arn:aws:dynamodb:us-east-1:000000000000:table/tab"
NAMES = {"#n": "n", "#m": "m", "#g": "g"}
VALUES = {":one": {"N": "1"}, ":s": {"S": "x"}, ":ss": {"SS": ["r"]}, ":l": {"L": [{"N": "3"}]}}

SEEDS = {
    "put": [("PutItem", {"TableName": "tab", "Item": {**KEY_A1, "g": {"S": "q"}, "n": {"N": "7"}},
                         "ConditionExpression": "attribute_exists(pk) AND #n > :one", "ExpressionAttributeNames": {"#n": "n"},
                         "ExpressionAttributeValues": {":one": {"N": "1"}}, "ReturnValues": "ALL_OLD",
                         "ReturnValuesOnConditionCheckFailure": "ALL_OLD", "ReturnConsumedCapacity": "INDEXES",
                         "ReturnItemCollectionMetrics": "SIZE"})],
    "put-legacy": [("PutItem", {"TableName": "hsh", "Item": {"id": {"B": "AQI="}, "v": {"N": "1"}},
                                "Expected": {"v": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "w"}]}}})],
    "get": [("GetItem", {"TableName": "tab", "Key": KEY_A1, "ProjectionExpression": "#m.k[1], n, ss",
                         "ExpressionAttributeNames": {"#m": "m"}, "ConsistentRead": True})],
    "get-legacy": [("GetItem", {"TableName": "tab", "Key": KEY_A1, "AttributesToGet": ["n", "g"]})],
    "update": [("UpdateItem", {"TableName": "tab", "Key": KEY_A1,
                               "UpdateExpression": "SET #n = #n + :one, #m.k[0] = :s, lst = list_append(if_not_exists(lst, :l), :l) "
                                                   "REMOVE #g ADD ss :ss DELETE ns :ns",
                               "ConditionExpression": "size(#m) >= :one OR begins_with(pk, :s)",
                               "ExpressionAttributeNames": NAMES, "ExpressionAttributeValues": VALUES | {":ns": {"NS": ["1"]}},
                               "ReturnValues": "UPDATED_NEW"})],
    "update-legacy": [("UpdateItem", {"TableName": "tab", "Key": KEY_A1,
                                      "AttributeUpdates": {"n": {"Action": "ADD", "Value": {"N": "2"}}, "g": {"Action": "DELETE"}},
                                      "ReturnValues": "ALL_NEW"})],
    "delete": [("DeleteItem", {"TableName": "tab", "Key": {"pk": {"S": "a"}, "sk": {"N": "2"}},
                               "ConditionExpression": "attribute_type(n, :t)", "ExpressionAttributeValues": {":t": {"S": "N"}},
                               "ReturnValues": "ALL_OLD"})],
    "query": [("Query", {"TableName": "tab", "KeyConditionExpression": "pk = :p AND sk BETWEEN :a AND :b",
                         "FilterExpression": "contains(ss, :s) OR n IN (:a, :b)", "ProjectionExpression": "pk, sk, n",
                         "ExpressionAttributeValues": {":p": {"S": "a"}, ":a": {"N": "0"}, ":b": {"N": "9"}, ":s": {"S": "p"}},
                         "ScanIndexForward": False, "Limit": 1, "ReturnConsumedCapacity": "TOTAL"})],
    "query-gsi": [("Query", {"TableName": "tab", "IndexName": "gsi", "KeyConditionExpression": "g = :g AND sk >= :a",
                             "ExpressionAttributeValues": {":g": {"S": "x"}, ":a": {"N": "1"}}, "Select": "COUNT"})],
    "query-lsi": [("Query", {"TableName": "tab", "IndexName": "lsi", "KeyConditionExpression": "pk = :p AND begins_with(l, :l)",
                             "ExpressionAttributeValues": {":p": {"S": "a"}, ":l": {"S": "m"}}, "Select": "ALL_ATTRIBUTES",
                             "ExclusiveStartKey": {"pk": {"S": "a"}, "sk": {"N": "0"}, "l": {"S": "m0"}}})],
    "query-legacy": [("Query", {"TableName": "tab", "KeyConditions": {"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "a"}]}},
                                "QueryFilter": {"n": {"ComparisonOperator": "GT", "AttributeValueList": [{"N": "0"}]}},
                                "ConditionalOperator": "OR"})],
    "scan": [("Scan", {"TableName": "tab", "Segment": 1, "TotalSegments": 3, "FilterExpression": "attribute_not_exists(g)",
                       "Limit": 2, "ExclusiveStartKey": KEY_A1})],
    "scan-legacy": [("Scan", {"TableName": "tab", "IndexName": "gsi", "ScanFilter": {"g": {"ComparisonOperator": "NOT_NULL"}},
                              "AttributesToGet": ["g"], "Select": "SPECIFIC_ATTRIBUTES"})],
    "batch-write": [("BatchWriteItem", {"RequestItems": {
        "tab": [{"PutRequest": {"Item": {"pk": {"S": "c"}, "sk": {"N": "3"}, "g": {"S": "x"}}}},
              {"DeleteRequest": {"Key": KEY_A1}}],
        "hsh": [{"PutRequest": {"Item": {"id": {"B": "Zm9v"}}}}]}, "ReturnConsumedCapacity": "INDEXES",
        "ReturnItemCollectionMetrics": "SIZE"})],
    "batch-get": [("BatchGetItem", {"RequestItems": {
        "tab": {"Keys": [KEY_A1, {"pk": {"S": "b"}, "sk": {"N": "1"}}], "ProjectionExpression": "#n",
              "ExpressionAttributeNames": {"#n": "n"}, "ConsistentRead": True},
        "hsh": {"Keys": [{"id": {"B": "AQI="}}]}}})],
    "transact-write": [("TransactWriteItems", {"TransactItems": [
        {"Put": {"TableName": "tab", "Item": {"pk": {"S": "d"}, "sk": {"N": "1"}}, "ConditionExpression": "attribute_not_exists(pk)"}},
        {"Update": {"TableName": "tab", "Key": KEY_A1, "UpdateExpression": "ADD n :one", "ExpressionAttributeValues": {":one": {"N": "1"}}}},
        {"Delete": {"TableName": "hsh", "Key": {"id": {"B": "AQI="}}}},
        {"ConditionCheck": {"TableName": "tab", "Key": {"pk": {"S": "b"}, "sk": {"N": "1"}}, "ConditionExpression": "l = :z",
                            "ExpressionAttributeValues": {":z": {"S": "z"}}, "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}}],
        "ClientRequestToken": "tok-1", "ReturnConsumedCapacity": "TOTAL"})],
    "transact-get": [("TransactGetItems", {"TransactItems": [
        {"Get": {"TableName": "tab", "Key": KEY_A1, "ProjectionExpression": "ss"}}, {"Get": {"TableName": "hsh", "Key": {"id": {"B": "AQI="}}}}]})],
    "create-table": [("CreateTable", {"TableName": "new", "AttributeDefinitions": [{"AttributeName": "h", "AttributeType": "N"},
                                                                                 {"AttributeName": "x", "AttributeType": "S"}],
                                      "KeySchema": [{"AttributeName": "h", "KeyType": "HASH"}],
                                      "GlobalSecondaryIndexes": [{"IndexName": "xix", "KeySchema": [{"AttributeName": "x", "KeyType": "HASH"}],
                                                                  "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["y"]},
                                                                  "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}],
                                      "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
                                      "Tags": [{"Key": "k", "Value": "v"}]}),
                     ("PutItem", {"TableName": "new", "Item": {"h": {"N": "1"}, "x": {"S": "v"}, "y": {"S": "w"}}}),
                     ("Query", {"TableName": "new", "IndexName": "xix", "KeyConditionExpression": "x = :v",
                                "ExpressionAttributeValues": {":v": {"S": "v"}}})],
    "update-table": [("UpdateTable", {"TableName": "tab", "AttributeDefinitions": [{"AttributeName": "n", "AttributeType": "N"}],
                                      "GlobalSecondaryIndexUpdates": [{"Create": {"IndexName": "nix", "KeySchema": [
                                          {"AttributeName": "n", "KeyType": "HASH"}], "Projection": {"ProjectionType": "KEYS_ONLY"}}},
                                          {"Delete": {"IndexName": "gsi"}}]}),
                     ("DescribeTable", {"TableName": "tab"})],
    "update-table-stream": [("UpdateTable", {"TableName": "hsh", "StreamSpecification": {"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"},
                                             "BillingMode": "PROVISIONED", "ProvisionedThroughput": {"ReadCapacityUnits": 2, "WriteCapacityUnits": 2}})],
    "delete-table": [("DeleteTable", {"TableName": "hsh"}), ("GetItem", {"TableName": "hsh", "Key": {"id": {"B": "AQI="}}})],
    "list-tables": [("ListTables", {"ExclusiveStartTableName": "H", "Limit": 1})],
    "ttl": [("UpdateTimeToLive", {"TableName": "tab", "TimeToLiveSpecification": {"Enabled": True, "AttributeName": "n"}}),
            ("DescribeTimeToLive", {"TableName": "tab"})],
    "tags": [("TagResource", {"ResourceArn": ARN_T, "Tags": [{"Key": "a", "Value": "b"}]}),
             ("UntagResource", {"ResourceArn": ARN_T, "TagKeys": ["a"]}),
             ("ListTagsOfResource", {"ResourceArn": ARN_T})],
    "limits": [("DescribeLimits", {})],
    "streams": [("Streams.ListStreams", {"TableName": "tab", "Limit": 5}),
                ("Streams.DescribeStream", {"StreamArn": ARN_T + "/stream/2026-01-01T00:00:00.000"}),
                ("Streams.GetShardIterator", {"StreamArn": ARN_T + "/stream/2026-01-01T00:00:00.000", "ShardId": "shardId-0",
                                              "ShardIteratorType": "TRIM_HORIZON"}),
                ("Streams.GetRecords", {"ShardIterator": "x", "Limit": 10})],
    "backup": [("CreateBackup", {"TableName": "tab", "BackupName": "bk1"}),
               ("ListBackups", {"TableName": "tab", "BackupType": "ALL", "Limit": 2}),
               ("DescribeBackup", {"BackupArn": ARN_T + "/backup/01700000000000-abcdef12"}),
               ("RestoreTableFromBackup", {"TargetTableName": "res", "BackupArn": ARN_T + "/backup/01700000000000-abcdef12",
                                           "GlobalSecondaryIndexOverride": [], "BillingModeOverride": "PAY_PER_REQUEST"})],
    "delete-backup": [("DeleteBackup", {"BackupArn": ARN_T + "/backup/01700000000000-abcdef12"})],
    "pitr": [("UpdateContinuousBackups", {"TableName": "tab", "PointInTimeRecoverySpecification": {
                 "PointInTimeRecoveryEnabled": True, "RecoveryPeriodInDays": 7}}),
             ("DescribeContinuousBackups", {"TableName": "tab"}),
             ("RestoreTableToPointInTime", {"SourceTableName": "tab", "TargetTableName": "pit", "UseLatestRestorableTime": True,
                                            "LocalSecondaryIndexOverride": []})],
    "replicas": [("UpdateTable", {"TableName": "hsh", "ReplicaUpdates": [{"Create": {"RegionName": "eu-west-1"}}]}),
                 ("PutItem", {"TableName": "hsh", "Item": {"id": {"B": "AQM="}, "v": {"S": "r"}}}),
                 ("DescribeTable", {"TableName": "hsh"}),
                 ("UpdateTable", {"TableName": "hsh", "ReplicaUpdates": [{"Delete": {"RegionName": "eu-west-1"}}]})],
    "legacy-global-tables": [("CreateGlobalTable", {"GlobalTableName": "hsh", "ReplicationGroup": [{"RegionName": "us-east-1"}]}),
                             ("DescribeGlobalTable", {"GlobalTableName": "hsh"}),
                             ("ListGlobalTables", {"Limit": 5})],
    "export": [("UpdateContinuousBackups", {"TableName": "tab", "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True}}),
               ("ExportTableToPointInTime", {"TableArn": ARN_T, "S3Bucket": "fuzz", "S3Prefix": "out", "ExportFormat": "ION",
                                             "ClientToken": "t1"}),
               ("ListExports", {"TableArn": ARN_T, "MaxResults": 2}),
               ("DescribeExport", {"ExportArn": ARN_T + "/export/01700000000000-abcdef12"})],
    "export-incremental": [("UpdateContinuousBackups", {"TableName": "tab", "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True}}),
                           ("ExportTableToPointInTime", {"TableArn": ARN_T, "S3Bucket": "fuzz", "ExportType": "INCREMENTAL_EXPORT",
                                                         "IncrementalExportSpecification": {"ExportFromTime": 1700000000, "ExportToTime": 1700003600,
                                                                                            "ExportViewType": "NEW_IMAGE"}})],
    "import": [("ImportTable", {"ClientToken": "c1", "S3BucketSource": {"S3Bucket": "fuzz", "S3KeyPrefix": "json/"},
                                "InputFormat": "DYNAMODB_JSON", "InputCompressionType": "NONE",
                                "TableCreationParameters": {"TableName": "imp", "BillingMode": "PAY_PER_REQUEST",
                                                            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                                                                     {"AttributeName": "sk", "AttributeType": "N"}],
                                                            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                                                          {"AttributeName": "sk", "KeyType": "RANGE"}]}}),
               ("ListImports", {"PageSize": 3}),
               ("DescribeImport", {"ImportArn": "arn:aws:dynamodb:us-east-1:000000000000:table/imp/import/01700000000000-abcdef12"})],
    "import-ion": [("ImportTable", {"ClientToken": "c2", "S3BucketSource": {"S3Bucket": "fuzz", "S3KeyPrefix": "ion"},
                                    "InputFormat": "ION",
                                    "TableCreationParameters": {"TableName": "ion", "BillingMode": "PAY_PER_REQUEST",
                                                                "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                                                                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}})],
    "import-csv": [("ImportTable", {"ClientToken": "c3", "S3BucketSource": {"S3Bucket": "fuzz", "S3KeyPrefix": "csv/items"},
                                    "InputFormat": "CSV", "InputFormatOptions": {"Csv": {"Delimiter": ","}},
                                    "TableCreationParameters": {"TableName": "csv", "BillingMode": "PAY_PER_REQUEST",
                                                                "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                                                                         {"AttributeName": "sk", "AttributeType": "N"}],
                                                                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                                                              {"AttributeName": "sk", "KeyType": "RANGE"}]}})],
    "history": [("Dynamodesk.DescribeTableHistory", {"TableName": "tab"}),
                ("Dynamodesk.PreviewRestore", {"TableName": "tab", "RestoreDateTime": 1700000000, "Limit": 5}),
                ("Dynamodesk.ListTriggers", {})],
}

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "corpus", "request")
os.makedirs(out, exist_ok=True)
for name, requests in SEEDS.items():
    data = b"\0".join(bytes([OPS.index(op) or len(OPS)]) + json.dumps(body, separators=(",", ":")).encode() for op, body in requests)
    with open(os.path.join(out, "seed-" + name), "wb") as f:
        f.write(data)
print(f"{len(SEEDS)} seeds in {out}")
