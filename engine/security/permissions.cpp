#include "security/permissions.h"

#include "expr/lexer.h"

#include <QDateTime>
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

// The top-level attribute names `expression` reads or writes, with
// #references resolved through `names` (ExpressionAttributeNames): every
// name that starts a document path (not one after a '.', nor a function's
// or a keyword).
void namesIn(const QString &expression, const QJsonObject &names, QStringList &out)
{
    if (expression.isEmpty())
        return;
    const std::vector<expr::Token> tokens = expr::tokenize(expression);
    static const QStringList keywords = {p("and"), p("or"), p("not"), p("between"), p("in"), p("set"), p("remove"), p("add"), p("delete")};
    for (size_t i = 0; i < tokens.size(); ++i) {
        const expr::Token &t = tokens[i];
        if (!t.is(expr::TokenKind::Identifier) && !t.is(expr::TokenKind::NameRef))
            continue;
        if (i > 0 && tokens[i - 1].is(expr::TokenKind::Dot))
            continue;
        if (i + 1 < tokens.size() && tokens[i + 1].is(expr::TokenKind::LParen))
            continue;
        if (t.is(expr::TokenKind::Identifier) && keywords.contains(t.text.toLower()))
            continue;
        const QString name = t.is(expr::TokenKind::NameRef) ? names.value(t.text).toString() : t.text;
        if (!name.isEmpty() && !out.contains(name))
            out.append(name);
    }
}

void addNames(const QStringList &names, QStringList &out)
{
    for (const QString &n : names)
        if (!out.contains(n))
            out.append(n);
}

// A key attribute's value as a condition key's string: S as it is, N as
// written, B in base64 (as sent).
QString keyValueText(const QJsonValue &attributeValue)
{
    const QJsonObject v = attributeValue.toObject();
    return v.isEmpty() ? QString() : v.begin().value().toString();
}

// The condition keys DynamoDB gives one table's part of a data-plane
// request (`r`: the operation's request, a transaction element's action or
// a batch's entry for the table).
struct KeyCollector {
    QStringList leadingKeys;
    QStringList attributes;
    bool haveLeadingKeys = false;
    bool haveAttributes = false;
    QString select, returnValues, returnConsumedCapacity, enclosing;

    void leading(const QJsonValue &item, const QString &partitionKey)
    {
        haveLeadingKeys = true;
        const QJsonValue v = item.toObject().value(partitionKey);
        if (!v.isUndefined()) {
            const QString text = keyValueText(v);
            if (!leadingKeys.contains(text))
                leadingKeys.append(text);
        }
    }
    void names(const QStringList &n)
    {
        haveAttributes = true;
        addNames(n, attributes);
    }
    ConditionContext context() const
    {
        ConditionContext c;
        if (haveLeadingKeys)
            c.set(p("dynamodb:LeadingKeys"), leadingKeys);
        if (haveAttributes)
            c.set(p("dynamodb:Attributes"), attributes);
        if (!select.isEmpty())
            c.set(p("dynamodb:Select"), select);
        if (!returnValues.isEmpty())
            c.set(p("dynamodb:ReturnValues"), returnValues);
        if (!returnConsumedCapacity.isEmpty())
            c.set(p("dynamodb:ReturnConsumedCapacity"), returnConsumedCapacity);
        if (!enclosing.isEmpty())
            c.set(p("dynamodb:EnclosingOperation"), enclosing);
        return c;
    }
};

// The names a request's projection, conditions and filters name (with
// their legacy forms), as dynamodb:Attributes counts them.
QStringList requestNames(const QJsonObject &r)
{
    QStringList out;
    const QJsonObject ean = r.value(p("ExpressionAttributeNames")).toObject();
    for (const char *member : {"ProjectionExpression", "ConditionExpression", "FilterExpression", "KeyConditionExpression", "UpdateExpression"})
        namesIn(r.value(p(member)).toString(), ean, out);
    for (const QJsonValue &v : r.value(p("AttributesToGet")).toArray())
        addNames({v.toString()}, out);
    for (const char *legacy : {"Expected", "KeyConditions", "QueryFilter", "ScanFilter", "AttributeUpdates"})
        addNames(r.value(p(legacy)).toObject().keys(), out);
    return out;
}

bool projects(const QJsonObject &r) { return r.contains(p("ProjectionExpression")) || r.contains(p("AttributesToGet")); }

// The condition keys of a single-item or read operation's request `r` on a
// table with `keys` (`op`: the IAM action without "dynamodb:").
ConditionContext dataKeys(const QString &op, const QJsonObject &r, const TableKeyNames &keys, const QString &enclosing)
{
    KeyCollector k;
    k.enclosing = enclosing;
    k.returnConsumedCapacity = r.value(p("ReturnConsumedCapacity")).toString(p("NONE"));
    if (op == u"GetItem" || op == u"DeleteItem" || op == u"UpdateItem" || op == u"ConditionCheckItem") {
        k.leading(r.value(p("Key")), keys.partitionKey);
        k.names(r.value(p("Key")).toObject().keys());
        k.names(requestNames(r));
    } else if (op == u"PutItem") {
        k.leading(r.value(p("Item")), keys.partitionKey);
        k.names(r.value(p("Item")).toObject().keys());
        k.names(requestNames(r));
    } else if (op == u"Query" || op == u"Scan") {
        if (op == u"Query") {
            // The partition key's value in the key condition ("pk = :v", or KeyConditions' EQ).
            k.haveLeadingKeys = true;
            const QJsonObject legacy = r.value(p("KeyConditions")).toObject().value(keys.partitionKey).toObject();
            if (!legacy.isEmpty()) {
                k.leadingKeys.append(keyValueText(legacy.value(p("AttributeValueList")).toArray().first()));
            } else {
                const QJsonObject ean = r.value(p("ExpressionAttributeNames")).toObject();
                const std::vector<expr::Token> tokens = expr::tokenize(r.value(p("KeyConditionExpression")).toString());
                for (size_t i = 0; i + 2 < tokens.size(); ++i) {
                    const expr::Token &a = tokens[i], &op2 = tokens[i + 1], &b = tokens[i + 2];
                    const auto nameOf = [&](const expr::Token &t) {
                        return t.is(expr::TokenKind::NameRef) ? ean.value(t.text).toString() : t.is(expr::TokenKind::Identifier) ? t.text : QString();
                    };
                    if (!op2.is(expr::TokenKind::Eq))
                        continue;
                    const expr::Token *value = nullptr;
                    if (nameOf(a) == keys.partitionKey && b.is(expr::TokenKind::ValueRef))
                        value = &b;
                    else if (nameOf(b) == keys.partitionKey && a.is(expr::TokenKind::ValueRef))
                        value = &a;
                    if (value) {
                        k.leadingKeys.append(keyValueText(r.value(p("ExpressionAttributeValues")).toObject().value(value->text)));
                        break;
                    }
                }
            }
        }
        k.names(requestNames(r));
        k.select = r.value(p("Select")).toString(projects(r) ? p("SPECIFIC_ATTRIBUTES")
                                                   : r.contains(p("IndexName")) ? p("ALL_PROJECTED_ATTRIBUTES") : p("ALL_ATTRIBUTES"));
    }
    if (op == u"GetItem")
        k.select = projects(r) ? p("SPECIFIC_ATTRIBUTES") : p("ALL_ATTRIBUTES");
    if (op == u"PutItem" || op == u"UpdateItem" || op == u"DeleteItem")
        k.returnValues = r.value(p("ReturnValues")).toString(p("NONE"));
    return k.context();
}

// The condition keys of one table's entry of a BatchGetItem or BatchWriteItem.
ConditionContext batchKeys(bool get, const QJsonValue &entry, const TableKeyNames &keys, const QString &returnConsumedCapacity)
{
    KeyCollector k;
    k.returnConsumedCapacity = returnConsumedCapacity;
    if (get) {
        const QJsonObject e = entry.toObject();
        for (const QJsonValue &key : e.value(p("Keys")).toArray()) {
            k.leading(key, keys.partitionKey);
            k.names(key.toObject().keys());
        }
        k.names(requestNames(e));
        k.select = projects(e) ? p("SPECIFIC_ATTRIBUTES") : p("ALL_ATTRIBUTES");
    } else {
        for (const QJsonValue &w : entry.toArray()) {
            const QJsonObject item = w.toObject().value(p("PutRequest")).toObject().value(p("Item")).toObject();
            const QJsonObject key = w.toObject().value(p("DeleteRequest")).toObject().value(p("Key")).toObject();
            const QJsonObject named = item.isEmpty() ? key : item;
            k.leading(named, keys.partitionKey);
            k.names(named.keys());
        }
    }
    return k.context();
}

} // namespace

QList<Permission> permissionsFor(QStringView operation, const QJsonObject &request, const QString &region, const QString &accountId,
                                 const QString &daxCluster, const TableKeyLookup &tables)
{
    const auto keyNames = [&](const QString &name, const QString &index = QString()) -> std::optional<TableKeyNames> {
        if (!tables || name.isEmpty())
            return std::nullopt;
        return tables(name, index);
    };
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
        const QString capacity = request.value(p("ReturnConsumedCapacity")).toString(p("NONE"));
        for (auto it = items.begin(); it != items.end(); ++it) {
            Permission need{dynamodb(operation), table(it.key()), {}};
            if (const std::optional<TableKeyNames> keys = keyNames(it.key()))
                need.keys = batchKeys(operation == u"BatchGetItem", it.value(), *keys, capacity);
            out.append(need);
        }
        return out;
    }
    if (operation == u"TransactWriteItems" || operation == u"TransactGetItems") {
        for (const QJsonValue &v : request.value(p("TransactItems")).toArray()) {
            const QJsonObject element = v.toObject();
            for (const auto &[member, action] : {std::pair{"Put", "PutItem"}, {"Update", "UpdateItem"}, {"Delete", "DeleteItem"},
                                                 {"ConditionCheck", "ConditionCheckItem"}, {"Get", "GetItem"}})
                if (element.contains(p(member))) {
                    const QJsonObject r = element.value(p(member)).toObject();
                    const QString name = r.value(p("TableName")).toString();
                    Permission need{dynamodb(p(action)), table(name), {}};
                    if (const std::optional<TableKeyNames> keys = keyNames(name)) {
                        QJsonObject withCapacity = r;
                        withCapacity.insert(p("ReturnConsumedCapacity"), request.value(p("ReturnConsumedCapacity")).toString(p("NONE")));
                        need.keys = dataKeys(p(action), withCapacity, *keys, operation.toString());
                    }
                    out.append(need);
                }
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
    const QString index = (operation == u"Query" || operation == u"Scan") ? request.value(p("IndexName")).toString() : QString();
    if (!name.isEmpty() && !index.isEmpty())
        resource += QStringLiteral("/index/") + index;
    Permission need{dynamodb(operation), resource, {}};
    static const QStringList dataPlane = {p("GetItem"), p("PutItem"), p("UpdateItem"), p("DeleteItem"), p("Query"), p("Scan")};
    if (dataPlane.contains(operation.toString()))
        if (const std::optional<TableKeyNames> keys = keyNames(name, index))
            need.keys = dataKeys(operation.toString(), request, *keys, QString());
    out.append(need);
    return out;
}

ConditionContext globalKeys(const Principal &principal, const QString &accountId, const RequestFacts &facts)
{
    ConditionContext c;
    c.set(p("aws:PrincipalArn"), principal.arn(accountId));
    c.set(p("aws:PrincipalAccount"), accountId);
    c.set(p("aws:PrincipalType"), p("User"));
    c.set(p("aws:username"), principal.userName);
    c.set(p("aws:userid"), principal.accessKeyId);
    if (!facts.region.isEmpty())
        c.set(p("aws:RequestedRegion"), facts.region);
    if (!facts.sourceIp.isEmpty())
        c.set(p("aws:SourceIp"), facts.sourceIp);
    c.set(p("aws:SecureTransport"), facts.secureTransport ? p("true") : p("false"));
    if (facts.nowMs > 0) {
        c.set(p("aws:CurrentTime"), QDateTime::fromMSecsSinceEpoch(facts.nowMs, Qt::UTC).toString(Qt::ISODate));
        c.set(p("aws:EpochTime"), QString::number(facts.nowMs / 1000));
    }
    return c;
}

std::optional<ApiError> authorize(const Principal &principal, const QList<Permission> &permissions, const QString &accountId,
                                  const RequestFacts &facts, const ResourcePolicyLookup &resourcePolicies)
{
    const ConditionContext global = globalKeys(principal, accountId, facts);
    const PolicySubject subject{principal.arn(accountId), accountId};
    for (const Permission &need : permissions) {
        ConditionContext context = global;
        context.merge(need.keys);
        const Policy::Decision identity = principal.policy ? principal.policy->evaluate(need.action, need.resource, context)
                                                           : Policy::Decision::Allow;
        const std::shared_ptr<const Policy> resourcePolicy = resourcePolicies && need.resource != u"*" ? resourcePolicies(need.resource) : nullptr;
        const Policy::Decision resource = resourcePolicy ? resourcePolicy->evaluate(subject, need.action, need.resource, context)
                                                         : Policy::Decision::ImplicitDeny;
        QString why;
        if (identity == Policy::Decision::ExplicitDeny)
            why = p("with an explicit deny in an identity-based policy");
        else if (resource == Policy::Decision::ExplicitDeny)
            why = p("with an explicit deny in a resource-based policy");
        else if (identity == Policy::Decision::Allow || resource == Policy::Decision::Allow)
            continue;
        else
            why = QStringLiteral("because no identity-based policy allows the %1 action").arg(need.action);
        return ApiError::accessDenied(QStringLiteral("User: %1 is not authorized to perform: %2 on resource: %3 %4")
                                          .arg(principal.arn(accountId), need.action, need.resource, why));
    }
    return std::nullopt;
}

} // namespace dd::security
