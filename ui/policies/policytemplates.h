// The statements that the policy editor's Insert template menu offers, for
// a table or for its stream, with the resource's ARN and account filled in
// and a placeholder (policytext::placeholders()) where the user names the
// principal: "arn:aws:iam::<account>:user/<user-name>". Pure functions.
#pragma once

#include <QList>
#include <QString>

namespace dd::ui {

struct PolicyTemplate {
    QString title;       // the menu entry, translated
    QString description; // its tooltip: what it allows or denies, translated
    QString statements;  // compact statement objects for policytext::withStatements()
};

// The templates for table `tableArn`: read access for an IAM user, read and
// write for a role, a Deny of deletes, read-only for another account.
QList<PolicyTemplate> tablePolicyTemplates(const QString &tableArn);
// The templates for stream `streamArn`: reading it for a role (a Lambda
// function's), and for another account.
QList<PolicyTemplate> streamPolicyTemplates(const QString &streamArn);

// The account ID of an ARN ("arn:aws:dynamodb:us-east-1:123456789012:table/T"
// gives "123456789012"); "<account-id>" if it has none.
QString accountOfArn(const QString &arn);

} // namespace dd::ui
