// Policy: an IAM identity-based policy document, as AWS evaluates one for a
// request: an explicit Deny in any statement wins, else an Allow in any
// statement allows, else the request is denied (implicitly). A statement
// has Effect, Action or NotAction, Resource or NotResource (a string or a
// list each); actions match case-insensitively and resources exactly, both
// with the wildcards * (any run of characters) and ? (one character).
// Conditions and principals are not supported: a policy that has them is
// refused when it is read, rather than evaluated differently from AWS.
// Threads: a Policy is immutable once parsed; any thread.
#pragma once

#include "model/result.h"

#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace dd::security {

class Policy {
public:
    enum class Decision { Allow, ImplicitDeny, ExplicitDeny };

    // Reads a policy document ({"Version": ..., "Statement": [...]} or one
    // statement object). Error: a ValidationException saying what is wrong.
    static Result<Policy> parse(const QJsonObject &document);

    Decision evaluate(const QString &action, const QString &resource) const;

    // Whether `text` matches `pattern` with IAM's * and ? wildcards.
    static bool matches(QStringView pattern, QStringView text, Qt::CaseSensitivity cs);

private:
    struct Statement {
        bool allow = true;
        QStringList actions;
        bool notAction = false;
        QStringList resources;
        bool notResource = false;
    };
    std::vector<Statement> m_statements;
};

} // namespace dd::security
