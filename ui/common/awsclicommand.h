// "Copy as AWS CLI command": turns a DynamoDB request into the
// `aws dynamodb <operation> --option value ...` command that sends it, in a
// form that a POSIX shell (bash, zsh, dash) runs unchanged. Structures go as
// compact JSON, which the AWS CLI accepts for every structured parameter.
// Pure functions; safe from any thread.
#pragma once

#include <QJsonObject>
#include <QString>

namespace dd::ui::awscli {

// Quotes one word for a POSIX shell: unchanged when it is made only of
// characters that need no quoting, else in single quotes with each ' as '\''.
QString shellQuote(const QString &word);

// "CreateTable" -> "create-table", "KeySchema" -> "key-schema".
QString kebabCase(const QString &camel);

// The full command, one option per line joined by " \\\n  ". Members of the
// request appear in a fixed order (TableName first, or a PartiQL Statement,
// then by name).
// endpointUrl, when set, adds --endpoint-url; region, when set, --region.
QString command(const QString &operation, const QJsonObject &request, const QString &endpointUrl = QString(),
                const QString &region = QString());

// The request as indented JSON for `--cli-input-json file://request.json`.
QString cliInputJson(const QJsonObject &request);

} // namespace dd::ui::awscli
