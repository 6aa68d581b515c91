#include "transactions/transactionaction.h"

#include "common/itemjson.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace dd::ui {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

// DynamoDB JSON first (the canonical form); plain JSON when that fails.
bool parseAttributes(const QString &text, QJsonObject *out, QString *error)
{
    itemjson::ParseError dynamoError;
    if (itemjson::parseDynamoText(text, out, &dynamoError))
        return true;
    itemjson::ParseError plainError;
    if (itemjson::parsePlainText(text, QJsonObject(), out, &plainError))
        return true;
    *error = dynamoError.message;
    return false;
}

} // namespace

QString TransactionAction::typeName(Type type)
{
    switch (type) {
    case Type::Put: return p("Put");
    case Type::Update: return p("Update");
    case Type::Delete: return p("Delete");
    case Type::ConditionCheck: return p("ConditionCheck");
    }
    return QString();
}

bool TransactionAction::toRequest(QJsonObject *element, QString *error) const
{
    QJsonObject body;
    if (table.trimmed().isEmpty()) {
        *error = tr("Choose a table");
        return false;
    }
    body.insert(p("TableName"), table.trimmed());
    QJsonObject key;
    QString why;
    if (keyText.trimmed().isEmpty()) {
        *error = type == Type::Put ? tr("The item is missing") : tr("The key is missing");
        return false;
    }
    if (!parseAttributes(keyText, &key, &why)) {
        *error = (type == Type::Put ? tr("Item: %1") : tr("Key: %1")).arg(why);
        return false;
    }
    body.insert(type == Type::Put ? p("Item") : p("Key"), key);
    if (type == Type::Update) {
        if (update.trimmed().isEmpty()) {
            *error = tr("The update expression is missing");
            return false;
        }
        body.insert(p("UpdateExpression"), update.trimmed());
    }
    if (type == Type::ConditionCheck && condition.trimmed().isEmpty()) {
        *error = tr("A condition check needs a condition");
        return false;
    }
    if (!condition.trimmed().isEmpty())
        body.insert(p("ConditionExpression"), condition.trimmed());
    if (!namesText.trimmed().isEmpty()) {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(namesText.toUtf8(), &pe);
        if (!doc.isObject()) {
            *error = tr("Names: %1").arg(pe.error == QJsonParseError::NoError ? tr("not a JSON object") : pe.errorString());
            return false;
        }
        body.insert(p("ExpressionAttributeNames"), doc.object());
    }
    if (!valuesText.trimmed().isEmpty()) {
        QJsonObject values;
        if (!parseAttributes(valuesText, &values, &why)) {
            *error = tr("Values: %1").arg(why);
            return false;
        }
        body.insert(p("ExpressionAttributeValues"), values);
    }
    // Placeholders used but not given: DynamoDB would reject the whole call.
    const QString expressions = condition + QLatin1Char(' ') + update;
    static const QRegularExpression placeholder(p("[:#][A-Za-z0-9_]+"));
    for (auto it = placeholder.globalMatch(expressions); it.hasNext();) {
        const QString name = it.next().captured();
        const QJsonObject &map = name.startsWith(QLatin1Char(':')) ? body.value(p("ExpressionAttributeValues")).toObject()
                                                                  : body.value(p("ExpressionAttributeNames")).toObject();
        if (!map.contains(name)) {
            *error = name.startsWith(QLatin1Char(':')) ? tr("No value for %1").arg(name) : tr("No name for %1").arg(name);
            return false;
        }
    }
    if (returnOldOnFailure)
        body.insert(p("ReturnValuesOnConditionCheckFailure"), p("ALL_OLD"));
    *element = QJsonObject{{typeName(type), body}};
    return true;
}

bool TransactionAction::fromRequest(const QJsonObject &element, TransactionAction *action, QString *error)
{
    if (element.size() != 1) {
        *error = tr("An action has exactly one of Put, Update, Delete, ConditionCheck");
        return false;
    }
    const QString name = element.begin().key();
    TransactionAction a;
    if (name == p("Put")) a.type = Type::Put;
    else if (name == p("Update")) a.type = Type::Update;
    else if (name == p("Delete")) a.type = Type::Delete;
    else if (name == p("ConditionCheck")) a.type = Type::ConditionCheck;
    else {
        *error = tr("Unknown action %1").arg(name);
        return false;
    }
    const QJsonObject body = element.begin().value().toObject();
    a.table = body.value(p("TableName")).toString();
    a.keyText = itemjson::toDynamoText(body.value(a.type == Type::Put ? p("Item") : p("Key")).toObject());
    a.condition = body.value(p("ConditionExpression")).toString();
    a.update = body.value(p("UpdateExpression")).toString();
    if (body.contains(p("ExpressionAttributeNames")))
        a.namesText = QString::fromUtf8(QJsonDocument(body.value(p("ExpressionAttributeNames")).toObject()).toJson(QJsonDocument::Indented));
    if (body.contains(p("ExpressionAttributeValues")))
        a.valuesText = itemjson::toDynamoText(body.value(p("ExpressionAttributeValues")).toObject());
    a.returnOldOnFailure = body.value(p("ReturnValuesOnConditionCheckFailure")).toString() == p("ALL_OLD");
    *action = a;
    return true;
}

QJsonObject TransactionAction::toDraft() const
{
    return {{p("type"), typeName(type)}, {p("table"), table}, {p("key"), keyText}, {p("condition"), condition},
            {p("update"), update}, {p("names"), namesText}, {p("values"), valuesText}, {p("returnOldOnFailure"), returnOldOnFailure}};
}

TransactionAction TransactionAction::fromDraft(const QJsonObject &d)
{
    TransactionAction a;
    const QString t = d.value(p("type")).toString();
    for (Type type : {Type::Put, Type::Update, Type::Delete, Type::ConditionCheck})
        if (typeName(type) == t)
            a.type = type;
    a.table = d.value(p("table")).toString();
    a.keyText = d.value(p("key")).toString();
    a.condition = d.value(p("condition")).toString();
    a.update = d.value(p("update")).toString();
    a.namesText = d.value(p("names")).toString();
    a.valuesText = d.value(p("values")).toString();
    a.returnOldOnFailure = d.value(p("returnOldOnFailure")).toBool();
    return a;
}

QString TransactionAction::summary() const
{
    QJsonObject key;
    QString ignored;
    QString keyPart;
    if (parseAttributes(keyText, &key, &ignored)) {
        QStringList parts;
        for (auto it = key.begin(); it != key.end() && parts.size() < 3; ++it) {
            const QJsonObject v = it.value().toObject();
            const QJsonValue inner = v.isEmpty() ? QJsonValue() : v.begin().value();
            parts << QStringLiteral("%1: %2").arg(it.key(), inner.isString() ? inner.toString() : v.begin().key());
        }
        keyPart = QStringLiteral("{%1}").arg(parts.join(QLatin1String(", ")));
    }
    return QStringLiteral("%1 %2 %3").arg(typeName(type), table.isEmpty() ? tr("(no table)") : table, keyPart).trimmed();
}

QStringList validateTransaction(const QList<TransactionAction> &actions, const QMap<QString, TableKeys> &keys)
{
    QStringList problems;
    if (actions.isEmpty())
        problems << TransactionAction::tr("Add at least one action");
    if (actions.size() > kMaxTransactionActions)
        problems << TransactionAction::tr("%1 actions: a transaction holds at most %2").arg(actions.size()).arg(kMaxTransactionActions);
    QSet<QString> seen;
    for (int i = 0; i < actions.size(); ++i) {
        QJsonObject element;
        QString error;
        if (!actions[i].toRequest(&element, &error)) {
            problems << TransactionAction::tr("Action %1: %2").arg(i + 1).arg(error);
            continue;
        }
        const QJsonObject body = element.begin().value().toObject();
        const QString table = body.value(QStringLiteral("TableName")).toString();
        QJsonObject key = body.value(QStringLiteral("Key")).toObject();
        if (actions[i].type == TransactionAction::Type::Put) {
            const QJsonObject item = body.value(QStringLiteral("Item")).toObject();
            key = keys.contains(table) ? keys.value(table).keyOf(item) : item;
        }
        const QString identity = table + QLatin1Char('\n') + QString::fromUtf8(QJsonDocument(key).toJson(QJsonDocument::Compact));
        if (seen.contains(identity))
            problems << TransactionAction::tr("Action %1: another action already changes this item (DynamoDB allows one action per item)").arg(i + 1);
        seen.insert(identity);
    }
    return problems;
}

QJsonArray transactItems(const QList<TransactionAction> &actions)
{
    QJsonArray items;
    for (const TransactionAction &a : actions) {
        QJsonObject element;
        QString error;
        if (a.toRequest(&element, &error))
            items.append(element);
    }
    return items;
}

} // namespace dd::ui
