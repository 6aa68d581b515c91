// Policy: an IAM policy document, identity-based (a user's, from the
// --auth file) or resource-based (a table's or a stream's, from
// PutResourcePolicy), evaluated as AWS evaluates one for a request.
//
// A statement has Effect; Action or NotAction; Resource or NotResource (a
// string or a list each; actions match case-insensitively and resources
// exactly, both with the wildcards * and ?; resources may hold policy
// variables such as ${aws:username}); optionally Sid and Condition; and, in
// a resource-based policy only, Principal or NotPrincipal.
//
// Conditions follow IAM's rules: the operators String*, Numeric*, Date*,
// Bool, IpAddress, NotIpAddress, Arn*, Null, each with ...IfExists, and the
// qualifiers ForAllValues: and ForAnyValue:; the values listed for a key
// are alternatives (OR), the keys and operators of a statement all have to
// hold (AND); a negated operator holds for a key the request does not have,
// and ForAllValues holds for an empty or absent one. A policy with anything
// else (an unknown operator, BinaryEquals, a Principal in an identity-based
// policy, ...) is refused when it is read, rather than evaluated
// differently from AWS.
// Threads: a Policy is immutable once parsed; any thread.
#pragma once

#include "model/result.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <vector>

namespace dd::security {

// The condition keys of one request and their values (lower-cased key ->
// values; a key that is not there is absent from the request).
class ConditionContext {
public:
    void set(const QString &key, QStringList values) { m_values.insert(key.toLower(), std::move(values)); }
    void set(const QString &key, const QString &value) { set(key, QStringList{value}); }
    // Adds `other`'s keys (replacing any of the same name).
    void merge(const ConditionContext &other)
    {
        for (auto it = other.m_values.begin(); it != other.m_values.end(); ++it)
            m_values.insert(it.key(), it.value());
    }
    // The values of `key` (any case), or null when the request has none.
    const QStringList *values(const QString &key) const;
    // Fills in every ${key} of `text` (and ${*}, ${?}, ${$}); nullopt when
    // one names a key the request does not have and gives no default.
    std::optional<QString> substitute(const QString &text) const;

private:
    QHash<QString, QStringList> m_values;
};

// Who a resource-based policy is asked about.
struct PolicySubject {
    QString arn;       // "arn:aws:iam::000000000000:user/reader"
    QString accountId; // "000000000000"
};

class Policy {
public:
    enum class Kind { Identity, Resource };
    enum class Decision { Allow, ImplicitDeny, ExplicitDeny };

    // Reads a policy document ({"Version": ..., "Statement": [...]} or one
    // statement object). Error: a ValidationException saying what is wrong
    // ("Statement 2 of the policy: Effect must be Allow or Deny").
    static Result<Policy> parse(const QJsonObject &document, Kind kind = Kind::Identity);

    // An identity-based policy's decision on `action` on `resource`.
    Decision evaluate(const QString &action, const QString &resource, const ConditionContext &context = {}) const;

    // A resource-based policy's decision for `subject`: ExplicitDeny if a
    // Deny statement applies to it (by its ARN, its account or "*");
    // Allow if an Allow statement names it or "*" (an Allow to its account
    // only delegates to the account's identity-based policies, so it does
    // not allow by itself); else ImplicitDeny.
    Decision evaluate(const PolicySubject &subject, const QString &action, const QString &resource,
                      const ConditionContext &context = {}) const;

    Kind kind() const { return m_kind; }
    // "2012-10-17" or "2008-10-17" (the default); policy variables
    // (${aws:username}) are read as such only in 2012-10-17 policies.
    const QString &version() const { return m_version; }

    // Whether `text` matches `pattern` with IAM's * and ? wildcards.
    static bool matches(QStringView pattern, QStringView text, Qt::CaseSensitivity cs);

    struct Condition {
        enum class Op { StringEquals, StringEqualsIgnoreCase, StringLike, NumericEquals, NumericLessThan, NumericLessThanEquals,
                        NumericGreaterThan, NumericGreaterThanEquals, DateEquals, DateLessThan, DateLessThanEquals,
                        DateGreaterThan, DateGreaterThanEquals, Bool, IpAddress, ArnLike, Null };
        enum class Set { None, ForAllValues, ForAnyValue };
        Op op = Op::StringEquals;
        bool negated = false;  // StringNotEquals, NumericNotEquals, DateNotEquals, NotIpAddress, ArnNotLike, ...
        bool ifExists = false; // ...IfExists
        Set set = Set::None;
        QString key;           // as written
        QStringList values;
    };

private:
    struct Principals {
        bool any = false;   // "*" or {"AWS": "*"}
        QStringList arns;   // IAM ARNs and account roots, account ids as "arn:aws:iam::<id>:root"
        bool applies(const PolicySubject &subject, bool *byName) const;
    };
    struct Statement {
        QString sid;
        bool allow = true;
        QStringList actions;
        bool notAction = false;
        QStringList resources;
        bool notResource = false;
        std::optional<Principals> principal; // resource-based policies
        bool notPrincipal = false;
        std::vector<Condition> conditions;
    };
    bool covers(const Statement &st, const QString &action, const QString &resource, const ConditionContext &context) const;

    Kind m_kind = Kind::Identity;
    QString m_version;
    std::vector<Statement> m_statements;
};

} // namespace dd::security
