#include "api/tablearn.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace dd::api {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

bool isArn(const QJsonValue &v) { return v.isString() && v.toString().startsWith(u"arn:"); }

constexpr const char *kTransactMembers[] = {"Put", "Update", "Delete", "ConditionCheck", "Get"};

} // namespace

Result<QString> tableNameFromArn(const QString &arn, const QString &region, const QString &accountId)
{
    static const QRegularExpression re(QStringLiteral("^arn:([^:]*):dynamodb:([^:]*):([^:]*):table/([a-zA-Z0-9_.-]{3,255})$"));
    const QRegularExpressionMatch m = re.match(arn);
    if (!m.hasMatch() || m.captured(1) != u"aws" || m.captured(2) != region)
        return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Invalid resource Arn: %1").arg(arn));
    if (m.captured(3) != accountId)
        return ApiError::resourceNotFound(QStringLiteral("Requested resource not found: Table: %1 not found").arg(arn));
    return m.captured(4);
}

bool namesTableByArn(const QJsonObject &request)
{
    if (isArn(request.value(p("TableName"))))
        return true;
    if (const QJsonValue items = request.value(p("RequestItems")); items.isObject()) {
        const QJsonObject map = items.toObject();
        for (auto it = map.begin(); it != map.end(); ++it)
            if (it.key().startsWith(u"arn:"))
                return true;
    }
    for (const QJsonValue &v : request.value(p("TransactItems")).toArray())
        for (const char *member : kTransactMembers)
            if (isArn(v.toObject().value(p(member)).toObject().value(p("TableName"))))
                return true;
    return false;
}

std::optional<ApiError> resolveTableArns(QJsonObject &request, const QString &region, const QString &accountId,
                                         QHash<QString, QString> *batchArns)
{
    if (isArn(request.value(p("TableName")))) {
        Result<QString> name = tableNameFromArn(request.value(p("TableName")).toString(), region, accountId);
        if (!name.ok())
            return name.error();
        request.insert(p("TableName"), *name);
    }
    if (const QJsonValue items = request.value(p("RequestItems")); items.isObject()) {
        const QJsonObject map = items.toObject();
        QJsonObject resolved;
        for (auto it = map.begin(); it != map.end(); ++it) {
            QString key = it.key();
            if (key.startsWith(u"arn:")) {
                Result<QString> name = tableNameFromArn(key, region, accountId);
                if (!name.ok())
                    return name.error();
                if (batchArns)
                    batchArns->insert(*name, key);
                key = *name;
            }
            if (resolved.contains(key))
                return ApiError::validation(
                    QStringLiteral("One or more parameter values were invalid: Table %1 is named more than once in RequestItems").arg(key));
            resolved.insert(key, it.value());
        }
        request.insert(p("RequestItems"), resolved);
    }
    if (const QJsonValue items = request.value(p("TransactItems")); items.isArray()) {
        QJsonArray list = items.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            QJsonObject element = list.at(i).toObject();
            for (const char *member : kTransactMembers) {
                QJsonObject action = element.value(p(member)).toObject();
                if (!isArn(action.value(p("TableName"))))
                    continue;
                Result<QString> name = tableNameFromArn(action.value(p("TableName")).toString(), region, accountId);
                if (!name.ok())
                    return name.error();
                action.insert(p("TableName"), *name);
                element.insert(p(member), action);
            }
            list[i] = element;
        }
        request.insert(p("TransactItems"), list);
    }
    return std::nullopt;
}

QByteArray keyedAsSent(const QByteArray &answer, const QHash<QString, QString> &batchArns)
{
    if (batchArns.isEmpty())
        return answer;
    QJsonObject o = QJsonDocument::fromJson(answer).object();
    for (const char *map : {"Responses", "UnprocessedKeys", "UnprocessedItems", "ItemCollectionMetrics"}) {
        if (!o.contains(p(map)))
            continue;
        const QJsonObject byName = o.value(p(map)).toObject();
        QJsonObject renamed;
        for (auto it = byName.begin(); it != byName.end(); ++it)
            renamed.insert(batchArns.value(it.key(), it.key()), it.value());
        o.insert(p(map), renamed);
    }
    if (o.value(p("ConsumedCapacity")).isArray()) {
        QJsonArray list = o.value(p("ConsumedCapacity")).toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            QJsonObject c = list.at(i).toObject();
            c.insert(p("TableName"), batchArns.value(c.value(p("TableName")).toString(), c.value(p("TableName")).toString()));
            list[i] = c;
        }
        o.insert(p("ConsumedCapacity"), list);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace dd::api
