#include "security/permissions.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace dd::security {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

// The action and table of a PartiQL statement ("PartiQLSelect", "T"); the table is empty if not found.
std::pair<QString, QString> partiqlTarget(const QString &statement)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*(select|insert|update|delete|exists)\\b(?:.*?\\b(?:from|into)\\b)?\\s*(?:\"([^\"]+)\"|([A-Za-z0-9_.-]+))"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = re.match(statement);
    if (!m.hasMatch())
        return {p("PartiQLSelect"), QString()};
    const QString verb = m.captured(1).toLower();
    const QString kind = verb == u"insert" ? p("Insert") : verb == u"update" ? p("Update") : verb == u"delete" ? p("Delete") : p("Select");
    QString table = m.captured(2).isEmpty() ? m.captured(3) : m.captured(2);
    if (verb == u"exists")
        table.clear();
    // "T"."index" in a SELECT: the table part only.
    return {QStringLiteral("PartiQL") + kind, table};
}

} // namespace

QList<Permission> permissionsFor(QStringView operation, const QJsonObject &request, const QString &region, const QString &accountId,
                                 const QString &daxCluster)
{
    const auto daxArn = [&](const QString &cluster) {
        return cluster.isEmpty() ? p("*") : QStringLiteral("arn:aws:dax:%1:%2:cache/%3").arg(region, accountId, cluster.toLower());
    };
    if (!daxCluster.isEmpty())
        return {{QStringLiteral("dax:") + operation.toString(), daxArn(daxCluster)}};
    if (operation.startsWith(u"Dax."))
        return {{QStringLiteral("dax:") + operation.sliced(4).toString(), daxArn(request.value(p("ClusterName")).toString())}};
    const QString tablePrefix = QStringLiteral("arn:aws:dynamodb:%1:%2:table/").arg(region, accountId);
    const auto table = [&](const QString &name) { return name.isEmpty() ? p("*") : tablePrefix + name; };
    const auto dynamodb = [](QStringView op) { return QStringLiteral("dynamodb:") + op.toString(); };
    QList<Permission> out;

    if (operation.startsWith(u"Streams.")) {
        const QString arn = request.value(p("StreamArn")).toString();
        out.append({dynamodb(operation.sliced(8)), arn.isEmpty() ? p("*") : arn});
        return out;
    }
    if (operation.startsWith(u"Dynamodesk.")) {
        out.append({QStringLiteral("dynamodesk:") + operation.sliced(11).toString(), table(request.value(p("TableName")).toString())});
        return out;
    }
    if (operation == u"BatchGetItem" || operation == u"BatchWriteItem") {
        const QJsonObject items = request.value(p("RequestItems")).toObject();
        for (auto it = items.begin(); it != items.end(); ++it)
            out.append({dynamodb(operation), table(it.key())});
        return out;
    }
    if (operation == u"TransactWriteItems" || operation == u"TransactGetItems") {
        for (const QJsonValue &v : request.value(p("TransactItems")).toArray()) {
            const QJsonObject element = v.toObject();
            for (const auto &[member, action] : {std::pair{"Put", "PutItem"}, {"Update", "UpdateItem"}, {"Delete", "DeleteItem"},
                                                 {"ConditionCheck", "ConditionCheckItem"}, {"Get", "GetItem"}})
                if (element.contains(p(member)))
                    out.append({dynamodb(p(action)), table(element.value(p(member)).toObject().value(p("TableName")).toString())});
        }
        return out;
    }
    if (operation == u"ExecuteStatement" || operation == u"BatchExecuteStatement" || operation == u"ExecuteTransaction") {
        QStringList statements;
        if (operation == u"ExecuteStatement")
            statements << request.value(p("Statement")).toString();
        for (const QJsonValue &v : request.value(p(operation == u"BatchExecuteStatement" ? "Statements" : "TransactStatements")).toArray())
            statements << v.toObject().value(p("Statement")).toString();
        for (const QString &statement : std::as_const(statements)) {
            const auto [action, name] = partiqlTarget(statement);
            out.append({dynamodb(action), table(name)});
        }
        return out;
    }
    // Operations on a resource named by an ARN.
    for (const char *arnMember : {"ResourceArn", "TableArn", "BackupArn", "ExportArn", "ImportArn"}) {
        if (request.contains(p(arnMember))) {
            out.append({dynamodb(operation), request.value(p(arnMember)).toString()});
            return out;
        }
    }
    // Restores and imports: the table they create.
    if (request.contains(p("TargetTableName"))) {
        out.append({dynamodb(operation), table(request.value(p("TargetTableName")).toString())});
        return out;
    }
    if (operation == u"ImportTable") {
        out.append({dynamodb(operation), table(request.value(p("TableCreationParameters")).toObject().value(p("TableName")).toString())});
        return out;
    }
    QString name = request.value(p("TableName")).toString();
    if (name.isEmpty())
        name = request.value(p("GlobalTableName")).toString();
    QString resource = table(name);
    if (!name.isEmpty() && (operation == u"Query" || operation == u"Scan") && request.contains(p("IndexName")))
        resource += QStringLiteral("/index/") + request.value(p("IndexName")).toString();
    out.append({dynamodb(operation), resource});
    return out;
}

std::optional<ApiError> authorize(const Principal &principal, const QList<Permission> &permissions, const QString &accountId)
{
    if (!principal.policy)
        return std::nullopt;
    for (const Permission &need : permissions) {
        const Policy::Decision d = principal.policy->evaluate(need.action, need.resource);
        if (d == Policy::Decision::Allow)
            continue;
        const QString why = d == Policy::Decision::ExplicitDeny ? p("with an explicit deny in an identity-based policy")
                                                                : QStringLiteral("because no identity-based policy allows the %1 action").arg(need.action);
        return ApiError::accessDenied(QStringLiteral("User: %1 is not authorized to perform: %2 on resource: %3 %4")
                                          .arg(principal.arn(accountId), need.action, need.resource, why));
    }
    return std::nullopt;
}

} // namespace dd::security
