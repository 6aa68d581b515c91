#include "api/tablearn.h"

#include "api/shapevalidator.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace dd::api {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

bool isArn(const QJsonValue &v) { return v.isString() && v.toString().startsWith(u"arn:"); }

constexpr const char *kTransactMembers[] = {"Put", "Update", "Delete", "ConditionCheck", "Get"};

// The TableName pattern: 3 to 255 of [a-zA-Z0-9_.-].
bool isTableName(QStringView name)
{
    return name.size() >= 3 && name.size() <= 255 && isNameText(name);
}

} // namespace

std::optional<TableArn> parseTableArn(const QString &arn)
{
    if (!arn.startsWith(u"arn:") || !QStringView(arn).isValidUtf16())
        return std::nullopt;
    QStringView fields[4]; // partition, service, region, account
    qsizetype at = 4;
    for (QStringView &field : fields) {
        const qsizetype colon = arn.indexOf(u':', at);
        if (colon < 0)
            return std::nullopt;
        field = QStringView(arn).sliced(at, colon - at);
        at = colon + 1;
    }
    const QStringView resource = QStringView(arn).sliced(at);
    if (fields[1] != u"dynamodb" || !resource.startsWith(u"table/"))
        return std::nullopt;
    return TableArn{fields[0].toString(), fields[2].toString(), fields[3].toString(), resource.sliced(6).toString()};
}

Result<QString> tableNameFromArn(const QString &arn, const QString &region, const QString &accountId)
{
    const std::optional<TableArn> parts = parseTableArn(arn);
    if (!parts || !isTableName(parts->name) || parts->partition != u"aws" || parts->region != region)
        return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Invalid resource Arn: %1").arg(arn));
    if (parts->account != accountId)
        return ApiError::resourceNotFound(QStringLiteral("Requested resource not found: Table: %1 not found").arg(arn));
    return parts->name;
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
