#include "transactions/transactionaction.h"

#include "common/itemjson.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace dd::ui {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

bool isTypeTag(const QString &tag)
{
    static const QStringList tags{p("S"), p("N"), p("B"), p("BOOL"), p("NULL"), p("M"), p("L"), p("SS"), p("NS"), p("BS")};
    return tags.contains(tag);
}

} // namespace

// DynamoDB JSON first (the canonical form); then plain JSON whose top-level
// values may be typed; plain JSON alone would read {"SS": [...]} as a map.
bool parseAttributeText(const QString &text, QJsonObject *out, QString *error)
{
    itemjson::ParseError dynamoError;
    if (itemjson::parseDynamoText(text, out, &dynamoError))
        return true;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (doc.isObject()) {
        const QJsonObject members = doc.object();
        QJsonObject typed, plain;
        for (auto it = members.begin(); it != members.end(); ++it) {
            const QJsonObject v = it.value().toObject();
            if (it.value().isObject() && v.size() == 1 && isTypeTag(v.begin().key()))
                typed.insert(it.key(), v);
            else
                plain.insert(it.key(), it.value());
        }
        QJsonObject fromTyped, fromPlain;
        itemjson::ParseError typedError, plainError;
        if (!typed.isEmpty() && !itemjson::parseDynamoText(QString::fromUtf8(QJsonDocument(typed).toJson()), &fromTyped, &typedError)) {
            *error = typedError.path.isEmpty() ? typedError.message : QStringLiteral("%1: %2").arg(typedError.path, typedError.message);
            return false;
        }
        if (itemjson::parsePlainText(QString::fromUtf8(QJsonDocument(plain).toJson()), QJsonObject(), &fromPlain, &plainError)) {
            for (auto it = fromTyped.begin(); it != fromTyped.end(); ++it)
                fromPlain.insert(it.key(), it.value());
            *out = fromPlain;
            return true;
        }
    }
    *error = dynamoError.message;
    return false;
}

namespace {

bool parseAttributes(const QString &text, QJsonObject *out, QString *error)
{
    return parseAttributeText(text, out, error);
}

} // namespace

QString TransactionAction::typeName(Type type)
{
    switch (type) {
    case Type::Put: return p("Put");
    case Type::Update: return p("Update");
    case Type::Delete: return p("Delete");
    case Type::ConditionCheck: return p("ConditionCheck");
    case Type::Get: return p("Get");
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
    if (type == Type::Get) {
        if (!condition.trimmed().isEmpty()) {
            *error = tr("A Get has no condition");
            return false;
        }
        if (!valuesText.trimmed().isEmpty()) {
            *error = tr("A Get takes no values, only names for its projection");
            return false;
        }
        if (!projection.trimmed().isEmpty())
            body.insert(p("ProjectionExpression"), projection.trimmed());
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
    const QString expressions = condition + QLatin1Char(' ') + update + QLatin1Char(' ') + (type == Type::Get ? projection : QString());
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
    if (returnOldOnFailure && type != Type::Get)
        body.insert(p("ReturnValuesOnConditionCheckFailure"), p("ALL_OLD"));
    *element = QJsonObject{{typeName(type), body}};
    return true;
}

bool TransactionAction::fromRequest(const QJsonObject &element, TransactionAction *action, QString *error)
{
    if (element.size() != 1) {
        *error = tr("An action has exactly one of Put, Update, Delete, ConditionCheck, Get");
        return false;
    }
    const QString name = element.begin().key();
    TransactionAction a;
    if (name == p("Put")) a.type = Type::Put;
    else if (name == p("Update")) a.type = Type::Update;
    else if (name == p("Delete")) a.type = Type::Delete;
    else if (name == p("ConditionCheck")) a.type = Type::ConditionCheck;
    else if (name == p("Get")) a.type = Type::Get;
    else {
        *error = tr("Unknown action %1").arg(name);
        return false;
    }
    const QJsonObject body = element.begin().value().toObject();
    a.table = body.value(p("TableName")).toString();
    a.keyText = itemjson::toDynamoText(body.value(a.type == Type::Put ? p("Item") : p("Key")).toObject());
    a.condition = body.value(p("ConditionExpression")).toString();
    a.update = body.value(p("UpdateExpression")).toString();
    a.projection = body.value(p("ProjectionExpression")).toString();
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
            {p("update"), update}, {p("projection"), projection}, {p("names"), namesText}, {p("values"), valuesText}, {p("returnOldOnFailure"), returnOldOnFailure}};
}

TransactionAction TransactionAction::fromDraft(const QJsonObject &d)
{
    TransactionAction a;
    const QString t = d.value(p("type")).toString();
    for (Type type : {Type::Put, Type::Update, Type::Delete, Type::ConditionCheck, Type::Get})
        if (typeName(type) == t)
            a.type = type;
    a.table = d.value(p("table")).toString();
    a.keyText = d.value(p("key")).toString();
    a.condition = d.value(p("condition")).toString();
    a.update = d.value(p("update")).toString();
    a.projection = d.value(p("projection")).toString();
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
    int gets = 0;
    for (const TransactionAction &a : actions)
        gets += a.type == TransactionAction::Type::Get;
    if (gets > 0 && gets < actions.size())
        problems << TransactionAction::tr("Get actions read (TransactGetItems) and cannot be mixed with writes (TransactWriteItems)");
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

bool addSetValue(const QString &valuesText, const QString &type, const QString &name, const QString &elements,
                 QString *newValuesText, QString *error)
{
    if (!name.startsWith(QLatin1Char(':')) || name.size() < 2) {
        *error = TransactionAction::tr("A value's name starts with ':', e.g. :tags");
        return false;
    }
    QJsonArray list;
    for (const QString &e : elements.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!e.trimmed().isEmpty())
            list.append(e.trimmed());
    QJsonObject values;
    QString why;
    if (!valuesText.trimmed().isEmpty() && !parseAttributeText(valuesText, &values, &why)) {
        *error = TransactionAction::tr("Values: %1").arg(why);
        return false;
    }
    QJsonObject one;
    itemjson::ParseError pe;
    const QJsonObject candidate{{name, QJsonObject{{type, list}}}};
    if (!itemjson::parseDynamoText(QString::fromUtf8(QJsonDocument(candidate).toJson()), &one, &pe)) {
        *error = TransactionAction::tr("Set value: %1").arg(pe.message);
        return false;
    }
    values.insert(name, one.value(name));
    *newValuesText = itemjson::toDynamoText(values);
    return true;
}

bool isReadTransaction(const QList<TransactionAction> &actions)
{
    if (actions.isEmpty())
        return false;
    for (const TransactionAction &a : actions)
        if (a.type != TransactionAction::Type::Get)
            return false;
    return true;
}

} // namespace dd::ui
