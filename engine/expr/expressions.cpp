// Expressions: one request's ExpressionAttributeNames/Values and the
// expressions parsed against them.
#include "expr/expressions.h"

#include "expr/ast.h"
#include "expr/lexer.h"
#include "expr/parser.h"
#include "expr/parsecache.h"
#include "expr/resolve.h"
#include "model/json.h"

#include <QJsonValue>

namespace dd::expr {

QString compareOpText(CompareOp op)
{
    switch (op) {
    case CompareOp::Eq: return QStringLiteral("=");
    case CompareOp::Ne: return QStringLiteral("<>");
    case CompareOp::Lt: return QStringLiteral("<");
    case CompareOp::Le: return QStringLiteral("<=");
    case CompareOp::Gt: return QStringLiteral(">");
    case CompareOp::Ge: return QStringLiteral(">=");
    }
    return QString();
}

QString actionKindText(ActionKind k)
{
    switch (k) {
    case ActionKind::Set: return QStringLiteral("SET");
    case ActionKind::Remove: return QStringLiteral("REMOVE");
    case ActionKind::Add: return QStringLiteral("ADD");
    case ActionKind::Delete: return QStringLiteral("DELETE");
    }
    return QString();
}

struct Expressions::Private {
    std::map<QString, QString> names;                    // "#n" -> attribute name
    std::map<QString, model::AttributeValue> values;     // ":v" -> value
    QStringList nameOrder, valueOrder;                   // keys in request order, for messages
    std::set<QString> usedNames, usedValues;
    bool hasNames = false;
    bool hasValues = false;

    ResolveContext context() { return ResolveContext{&names, &values, &usedNames, &usedValues}; }
};

namespace {

ApiError invalid(const QString &parameter, const QString &message)
{
    return ApiError::validation(QStringLiteral("Invalid %1: %2").arg(parameter, message));
}

// Length and emptiness checks common to all expressions. DynamoDB adds the
// size to the message only for condition and filter expressions.
std::optional<ApiError> checkText(const QString &text, const QString &parameter, bool reportSize)
{
    if (text.isEmpty())
        return invalid(parameter, QStringLiteral("The expression can not be empty;"));
    const qsizetype bytes = model::utf8Length(text);
    if (bytes > kMaxExpressionBytes) {
        QString m = QStringLiteral("Expression size has exceeded the maximum allowed size;");
        if (reportSize)
            m += QStringLiteral(" expression size: %1").arg(bytes);
        return invalid(parameter, m);
    }
    return std::nullopt;
}

// A fresh copy of the unresolved tree for `text`, ready for the resolve
// pass, or the syntax error's message. Trees come from the cache of
// recently parsed texts (one per grammar) when they can.
template <typename T>
std::variant<T, QString> parseCached(const QString &text, std::optional<T> (Parser::*parse)())
{
    static ParseCache<T> cache;
    if (std::shared_ptr<const T> cached = cache.find(text))
        return T(*cached);
    const std::vector<Token> tokens = tokenize(text);
    Parser parser(tokens);
    std::optional<T> parsed = (parser.*parse)();
    if (!parsed)
        return syntaxErrorMessage(text, tokens, parser.failIndex());
    cache.insert(text, std::make_shared<const T>(*parsed));
    return std::move(*parsed);
}

// "#name" / ":value" keys: the prefix and at least one of [0-9a-zA-Z_].
bool isReferenceKey(QStringView key, char16_t prefix)
{
    if (key.size() < 2 || key.front() != prefix)
        return false;
    for (qsizetype i = 1; i < key.size(); ++i) {
        const char16_t c = key[i].unicode();
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_'))
            return false;
    }
    return true;
}

} // namespace

Expressions::Expressions() : d(std::make_unique<Private>()) {}
Expressions::~Expressions() = default;
Expressions::Expressions(Expressions &&) noexcept = default;
Expressions &Expressions::operator=(Expressions &&) noexcept = default;

bool Expressions::hasNames() const { return d->hasNames; }
bool Expressions::hasValues() const { return d->hasValues; }

Result<Expressions> Expressions::fromRequest(const QJsonObject &request)
{
    return fromValues(request.value(QLatin1String("ExpressionAttributeNames")), request.value(QLatin1String("ExpressionAttributeValues")));
}

Result<Expressions> Expressions::fromValues(const QJsonValue &names, const QJsonValue &values)
{
    Expressions e;

    if (!names.isUndefined() && !names.isNull()) {
        if (!names.isObject())
            return ApiError::serialization(QStringLiteral("Unexpected value type in payload"));
        const QJsonObject obj = names.toObject();
        if (obj.isEmpty())
            return ApiError::validation(QStringLiteral("ExpressionAttributeNames must not be empty"));
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            const QString key = it.key();
            if (!isReferenceKey(key, u'#'))
                return ApiError::validation(QStringLiteral("ExpressionAttributeNames contains invalid key: Syntax error; key: \"%1\"").arg(key));
            const QJsonValue value = it.value();
            if (!value.isString())
                return ApiError::serialization(QStringLiteral("Unexpected value type in payload"));
            const QString name = value.toString();
            if (name.isEmpty())
                return ApiError::validation(QStringLiteral("ExpressionAttributeNames contains invalid value: Empty attribute name for key %1").arg(key));
            e.d->names.emplace(key, name);
            e.d->nameOrder << key;
        }
        e.d->hasNames = true;
    }

    if (!values.isUndefined() && !values.isNull()) {
        if (!values.isObject())
            return ApiError::serialization(QStringLiteral("Unexpected value type in payload"));
        const QJsonObject obj = values.toObject();
        if (obj.isEmpty())
            return ApiError::validation(QStringLiteral("ExpressionAttributeValues must not be empty"));
        // Every key is checked before any value, as AWS does.
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            const QString key = it.key();
            if (!isReferenceKey(key, u':'))
                return ApiError::validation(QStringLiteral("ExpressionAttributeValues contains invalid key: Syntax error; key: \"%1\"").arg(key));
            e.d->valueOrder << key;
        }
        qsizetype i = 0;
        for (auto it = obj.begin(); it != obj.end(); ++it, ++i) {
            const QString &key = e.d->valueOrder.at(i);
            auto v = model::attributeFromJson(it.value());
            if (!v.ok())
                return ApiError::validation(QStringLiteral("ExpressionAttributeValues contains invalid value: %1 for key %2").arg(v.error().message(), key));
            e.d->values.emplace_hint(e.d->values.end(), key, std::move(v).value());
        }
        e.d->hasValues = true;
    }
    return e;
}

Expressions Expressions::fromParts(const std::vector<std::pair<QString, QString>> *names,
                                   const std::vector<std::pair<QString, model::AttributeValue>> *values)
{
    // A parsed QJsonObject lists its keys sorted: so do the orders for messages.
    Expressions e;
    if (names) {
        for (const auto &[key, name] : *names) {
            e.d->names.emplace(key, name);
            e.d->nameOrder << key;
        }
        e.d->nameOrder.sort();
        e.d->hasNames = true;
    }
    if (values) {
        for (const auto &[key, value] : *values) {
            e.d->values.emplace(key, value);
            e.d->valueOrder << key;
        }
        e.d->valueOrder.sort();
        e.d->hasValues = true;
    }
    return e;
}

Result<std::shared_ptr<const Condition>> Expressions::condition(const QString &text, const QString &parameter)
{
    // DynamoDB reports the size for ConditionExpression and FilterExpression only.
    if (auto err = checkText(text, parameter, parameter != u"KeyConditionExpression"))
        return *err;
    auto parsed = parseCached(text, &Parser::parseCondition);
    if (auto *error = std::get_if<QString>(&parsed))
        return invalid(parameter, *error);
    auto tree = std::make_shared<Condition>(std::get<Condition>(std::move(parsed)));
    if (auto problem = resolveCondition(*tree, d->context()))
        return invalid(parameter, *problem);
    return std::shared_ptr<const Condition>(std::move(tree));
}

Result<std::shared_ptr<const Update>> Expressions::update(const QString &text)
{
    const QString parameter = QStringLiteral("UpdateExpression");
    if (auto err = checkText(text, parameter, false))
        return *err;
    auto parsed = parseCached(text, &Parser::parseUpdate);
    if (auto *error = std::get_if<QString>(&parsed))
        return invalid(parameter, *error);
    auto tree = std::make_shared<Update>(std::get<Update>(std::move(parsed)));
    if (auto problem = resolveUpdate(*tree, d->context()))
        return invalid(parameter, *problem);
    return std::shared_ptr<const Update>(std::move(tree));
}

Result<std::shared_ptr<const Projection>> Expressions::projection(const QString &text)
{
    const QString parameter = QStringLiteral("ProjectionExpression");
    if (auto err = checkText(text, parameter, false))
        return *err;
    auto parsed = parseCached(text, &Parser::parseProjection);
    if (auto *error = std::get_if<QString>(&parsed))
        return invalid(parameter, *error);
    auto tree = std::make_shared<Projection>(std::get<Projection>(std::move(parsed)));
    if (auto problem = resolveProjection(*tree, d->context()))
        return invalid(parameter, *problem);
    return std::shared_ptr<const Projection>(std::move(tree));
}

Result<void> Expressions::checkAllUsed() const
{
    QStringList unusedNames, unusedValues;
    for (const QString &k : d->nameOrder)
        if (!d->usedNames.count(k))
            unusedNames << k;
    for (const QString &k : d->valueOrder)
        if (!d->usedValues.count(k))
            unusedValues << k;
    if (!unusedNames.isEmpty())
        return ApiError::validation(QStringLiteral("Value provided in ExpressionAttributeNames unused in expressions: keys: {%1}").arg(unusedNames.join(QStringLiteral(", "))));
    if (!unusedValues.isEmpty())
        return ApiError::validation(QStringLiteral("Value provided in ExpressionAttributeValues unused in expressions: keys: {%1}").arg(unusedValues.join(QStringLiteral(", "))));
    return Result<void>::success();
}

} // namespace dd::expr
