// kmsKeyArn: the KMS key ARN that a table's SSESpecification KMSMasterKeyId
// names, as SSEDescription shows it. Without KMS to ask, an alias (name or
// ARN) stands for a key whose id follows from its region and name, so one
// alias is always one key; a key id gets the region's and account's ARN;
// a key ARN is kept. An empty id is the account's AWS managed key for
// DynamoDB, alias/aws/dynamodb (the desktop app tells that key from a
// customer's by its ARN).
// Threads: any.
#pragma once

#include <QString>

namespace dd::api {

QString kmsKeyArn(const QString &region, const QString &account, const QString &keyId);

} // namespace dd::api
