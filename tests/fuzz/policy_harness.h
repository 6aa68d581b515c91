// The checks of one resource-based policy document, shared by the libFuzzer
// target (policy_fuzz.cpp) and the corpus replay in every build
// (api_tst_resourcepolicies corpusReplay): a document PutResourcePolicy
// would get from anyone.
// - readResourcePolicy() never crashes, reads out of bounds or hangs, and
//   either refuses with a ValidationException or AccessDenied-free answer;
// - what it takes, its canonical form (what GetResourcePolicy answers)
//   reads again to the very same canonical form and sameness (AWS: "a
//   document sent in canonical form reads back byte-identical"), and
//   parses as an IAM policy;
// - evaluating it for a few callers, actions, resources and condition
//   contexts never crashes, and a Deny it has for "*" is never an Allow.
// Returns false when a property does not hold (the fuzzer aborts).
#pragma once

#include "security/resourcepolicy.h"

#include <QJsonDocument>

namespace dd::test {

inline bool checkResourcePolicyDocument(const QByteArray &input)
{
    using namespace dd::security;
    const QString text = QString::fromUtf8(input);
    PolicyTarget target{QStringLiteral("arn:aws:dynamodb:us-east-1:000000000000:table/Orders"), QString(), QStringLiteral("000000000000"),
                        [](const QString &arn) { return arn.endsWith(QLatin1String("/alice")) || arn.endsWith(QLatin1String("/bob")); }};
    const Result<ResourcePolicyDocument> read = readResourcePolicy(text, target);
    if (!read.ok())
        return read.error().type() == QLatin1String("ValidationException");
    const Result<ResourcePolicyDocument> again = readResourcePolicy(read->canonical, target);
    if (!again.ok() || again->canonical != read->canonical)
        return false;
    if (!QJsonDocument::fromJson(read->canonical.toUtf8()).isObject())
        return false;
    const PolicySubject subjects[] = {{QStringLiteral("arn:aws:iam::000000000000:user/alice"), QStringLiteral("000000000000")},
                                      {QStringLiteral("arn:aws:iam::000000000000:user/mallory"), QStringLiteral("000000000000")}};
    const QString actions[] = {QStringLiteral("dynamodb:GetItem"), QStringLiteral("dynamodb:PutItem"), QStringLiteral("dynamodb:Query")};
    const QString resources[] = {target.tableArn, target.tableArn + QStringLiteral("/index/byOwner"), QStringLiteral("*")};
    ConditionContext contexts[2];
    contexts[1].set(QStringLiteral("aws:username"), QStringLiteral("alice"));
    contexts[1].set(QStringLiteral("aws:SourceIp"), QStringLiteral("203.0.113.7"));
    contexts[1].set(QStringLiteral("aws:CurrentTime"), QStringLiteral("2027-01-15T08:00:00Z"));
    contexts[1].set(QStringLiteral("dynamodb:LeadingKeys"), QStringList{QStringLiteral("alice"), QStringLiteral("a*")});
    contexts[1].set(QStringLiteral("dynamodb:Attributes"), QStringList{});
    for (const PolicySubject &who : subjects)
        for (const QString &action : actions)
            for (const QString &resource : resources)
                for (const ConditionContext &c : contexts)
                    (void)read->policy->evaluate(who, action, resource, c);
    return true;
}

} // namespace dd::test
