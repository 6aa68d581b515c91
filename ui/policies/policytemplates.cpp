#include "policies/policytemplates.h"

#include "common/itemjson.h"

#include <QCoreApplication>
#include <QStringList>

namespace dd::ui {

namespace {

// The IAM actions of reading items and the table's description; Query and
// Scan of an index are authorized against the index's ARN (table/T/index/*).
const QStringList kReadActions{QStringLiteral("dynamodb:GetItem"),       QStringLiteral("dynamodb:BatchGetItem"),
                               QStringLiteral("dynamodb:Query"),         QStringLiteral("dynamodb:Scan"),
                               QStringLiteral("dynamodb:ConditionCheckItem"), QStringLiteral("dynamodb:DescribeTable")};
const QStringList kWriteActions{QStringLiteral("dynamodb:PutItem"), QStringLiteral("dynamodb:UpdateItem"),
                                QStringLiteral("dynamodb:DeleteItem"), QStringLiteral("dynamodb:BatchWriteItem")};
// ListStreams is not authorized per stream, so it has no place in a stream's policy.
const QStringList kStreamReadActions{QStringLiteral("dynamodb:DescribeStream"), QStringLiteral("dynamodb:GetRecords"),
                                     QStringLiteral("dynamodb:GetShardIterator")};

QString list(const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted << itemjson::quoted(v);
    return values.size() == 1 ? quoted.first() : QStringLiteral("[%1]").arg(quoted.join(QLatin1Char(',')));
}

// One compact statement; `principal` is compact JSON.
QString statement(const QString &sid, const QString &effect, const QString &principal, const QStringList &actions,
                  const QStringList &resources)
{
    return QStringLiteral("{\"Sid\":%1,\"Effect\":%2,\"Principal\":%3,\"Action\":%4,\"Resource\":%5}")
        .arg(itemjson::quoted(sid), itemjson::quoted(effect), principal, list(actions), list(resources));
}

QString awsPrincipal(const QString &arn)
{
    return QStringLiteral("{\"AWS\":%1}").arg(itemjson::quoted(arn));
}

} // namespace

QString accountOfArn(const QString &arn)
{
    const QString account = arn.section(QLatin1Char(':'), 4, 4);
    return account.isEmpty() ? QStringLiteral("<account-id>") : account;
}

QList<PolicyTemplate> tablePolicyTemplates(const QString &tableArn)
{
    const QString account = accountOfArn(tableArn);
    const QStringList tableAndIndexes{tableArn, tableArn + QStringLiteral("/index/*")};
    const QString user = awsPrincipal(QStringLiteral("arn:aws:iam::%1:user/<user-name>").arg(account));
    const QString role = awsPrincipal(QStringLiteral("arn:aws:iam::%1:role/<role-name>").arg(account));
    const QString otherAccount = awsPrincipal(QStringLiteral("arn:aws:iam::<account-id>:root"));
    return {
        {QCoreApplication::translate("dd::ui::PolicyTemplate", "Allow an IAM user read access"),
         QCoreApplication::translate("dd::ui::PolicyTemplate",
                                     "GetItem, BatchGetItem, Query, Scan and DescribeTable on the table and its indexes, for one IAM "
                                     "user of this account"),
         statement(QStringLiteral("ReadForUser"), QStringLiteral("Allow"), user, kReadActions, tableAndIndexes)},
        {QCoreApplication::translate("dd::ui::PolicyTemplate", "Allow an IAM role to read and write items"),
         QCoreApplication::translate("dd::ui::PolicyTemplate",
                                     "Reads, and PutItem, UpdateItem, DeleteItem and BatchWriteItem, for one IAM role of this account "
                                     "(an application's or a Lambda function's)"),
         statement(QStringLiteral("ReadWriteForRole"), QStringLiteral("Allow"), role, kReadActions + kWriteActions, tableAndIndexes)},
        {QCoreApplication::translate("dd::ui::PolicyTemplate", "Deny deletes of items and of the table"),
         QCoreApplication::translate("dd::ui::PolicyTemplate",
                                     "Nobody may call DeleteItem, a PartiQL DELETE or DeleteTable, whatever their IAM policies "
                                     "allow (an explicit Deny wins). BatchWriteItem can still delete: deny it too if nobody needs it"),
         statement(QStringLiteral("DenyDeletes"), QStringLiteral("Deny"), QStringLiteral("\"*\""),
                   {QStringLiteral("dynamodb:DeleteItem"), QStringLiteral("dynamodb:PartiQLDelete"), QStringLiteral("dynamodb:DeleteTable")},
                   {tableArn})},
        {QCoreApplication::translate("dd::ui::PolicyTemplate", "Read-only for one account"),
         QCoreApplication::translate("dd::ui::PolicyTemplate",
                                     "Another AWS account may read the table and its indexes; its own IAM policies say which of its "
                                     "users and roles"),
         statement(QStringLiteral("ReadOnlyForAccount"), QStringLiteral("Allow"), otherAccount, kReadActions, tableAndIndexes)},
    };
}

QList<PolicyTemplate> streamPolicyTemplates(const QString &streamArn)
{
    const QString account = accountOfArn(streamArn);
    const QString role = awsPrincipal(QStringLiteral("arn:aws:iam::%1:role/<role-name>").arg(account));
    const QString otherAccount = awsPrincipal(QStringLiteral("arn:aws:iam::<account-id>:root"));
    return {
        {QCoreApplication::translate("dd::ui::PolicyTemplate", "Allow an IAM role to read the stream"),
         QCoreApplication::translate("dd::ui::PolicyTemplate",
                                     "DescribeStream, GetShardIterator and GetRecords for one IAM role of this account, such as "
                                     "the execution role of a Lambda function that the stream triggers"),
         statement(QStringLiteral("StreamReadForRole"), QStringLiteral("Allow"), role, kStreamReadActions, {streamArn})},
        {QCoreApplication::translate("dd::ui::PolicyTemplate", "Read-only stream access for one account"),
         QCoreApplication::translate("dd::ui::PolicyTemplate", "Another AWS account may read the stream's records"),
         statement(QStringLiteral("StreamReadForAccount"), QStringLiteral("Allow"), otherAccount, kStreamReadActions, {streamArn})},
    };
}

} // namespace dd::ui
