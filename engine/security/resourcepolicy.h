// Resource-based policies of tables and streams (PutResourcePolicy,
// CreateTable's ResourcePolicy): reading a document as DynamoDB does, with
// its checks and messages, into the canonical form GetResourcePolicy
// answers (compact JSON, members in AWS's order, one-element lists as
// strings, an account id as its root ARN, a Statement object as a list),
// and a cache of parsed policies for authorization.
// Threads: readResourcePolicy is a plain function; ResourcePolicyCache is
// safe from any thread.
#pragma once

#include "model/result.h"
#include "security/policy.h"

#include <QHash>
#include <QMutex>

#include <functional>
#include <memory>

namespace dd::security {

// What a policy is attached to.
struct PolicyTarget {
    QString tableArn;  // "arn:aws:dynamodb:us-east-1:000000000000:table/Orders"
    QString streamArn; // the stream's ARN for a stream's policy; empty for the table's
    QString accountId;
    // Whether an IAM ARN names a principal that exists ("arn:aws:iam::<account>:user/<name>");
    // null: every principal is taken to exist (an endpoint without --auth knows no users).
    std::function<bool(const QString &arn)> principalExists;
};

struct ResourcePolicyDocument {
    QString canonical;                     // what GetResourcePolicy answers
    QString sameness;                      // two documents are the same policy if these are equal
    std::shared_ptr<const Policy> policy;
};

// The largest document, in bytes of its text as sent (whitespace counts).
constexpr qsizetype kMaxResourcePolicyBytes = 20 * 1024;

// Reads `text` as a resource-based policy for `target`. Error: a
// ValidationException in DynamoDB's words.
Result<ResourcePolicyDocument> readResourcePolicy(const QString &text, const PolicyTarget &target);

// Parsed policies by canonical text, so that authorizing a request does not
// parse its table's policy again.
class ResourcePolicyCache {
public:
    std::shared_ptr<const Policy> get(const QString &canonical);

private:
    QMutex m_mutex;
    QHash<QString, std::shared_ptr<const Policy>> m_policies;
};

} // namespace dd::security
