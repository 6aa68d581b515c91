// Expressions: one request's ExpressionAttributeNames/Values and the
// expressions parsed against them.
#include "expr/expressions.h"

#include "expr/ast.h"
#include "expr/lexer.h"
#include "expr/parser.h"
#include "expr/resolve.h"
#include "model/json.h"

#include <QJsonValue>
#include <QRegularExpression>

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
    QHash<QString, QString> names;                       // "#n" -> attribute name
    std::map<QString, model::AttributeValue> values;     // ":v" -> value
    QStringList nameOrder, valueOrder;                   // keys in request order, for messages
    QSet<QString> usedNames, usedValues;
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

} // namespace

Expressions::Expressions() : d(std::make_unique<Private>()) {}
Expressions::~Expressions() = default;
Expressions::Expressions(Expressions &&) noexcept = default;
Expressions &Expressions::operator=(Expressions &&) noexcept = default;

bool Expressions::hasNames() const { return d->hasNames; }
bool Expressions::hasValues() const { return d->hasValues; }

Result<Expressions> Expressions::fromRequest(const QJsonObject &request)
{
    Expressions e;
    static const QRegularExpression nameKey(QStringLiteral("^#[0-9a-zA-Z_]+$"));
    static const QRegularExpression valueKey(QStringLiteral("^:[0-9a-zA-Z_]+$"));

    const QJsonValue names = request.value(QLatin1String("ExpressionAttributeNames"));
    if (!names.isUndefined() && !names.isNull()) {
        if (!names.isObject())
            return ApiError::serialization(QStringLiteral("Unexpected value type in payload"));
        const QJsonObject obj = names.toObject();
        if (obj.isEmpty())
            return ApiError::validation(QStringLiteral("ExpressionAttributeNames must not be empty"));
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            if (!nameKey.match(it.key()).hasMatch())
                return ApiError::validation(QStringLiteral("ExpressionAttributeNames contains invalid key: Syntax error; key: \"%1\"").arg(it.key()));
            if (!it.value().isString())
                return ApiError::serialization(QStringLiteral("Unexpected value type in payload"));
            const QString name = it.value().toString();
            if (name.isEmpty())
                return ApiError::validation(QStringLiteral("ExpressionAttributeNames contains invalid value: Empty attribute name for key %1").arg(it.key()));
            e.d->names.insert(it.key(), name);
            e.d->nameOrder << it.key();
        }
        e.d->hasNames = true;
    }

    const QJsonValue values = request.value(QLatin1String("ExpressionAttributeValues"));
    if (!values.isUndefined() && !values.isNull()) {
        if (!values.isObject())
            return ApiError::serialization(QStringLiteral("Unexpected value type in payload"));
        const QJsonObject obj = values.toObject();
        if (obj.isEmpty())
            return ApiError::validation(QStringLiteral("ExpressionAttributeValues must not be empty"));
        for (auto it = obj.begin(); it != obj.end(); ++it)
            if (!valueKey.match(it.key()).hasMatch())
                return ApiError::validation(QStringLiteral("ExpressionAttributeValues contains invalid key: Syntax error; key: \"%1\"").arg(it.key()));
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            auto v = model::attributeFromJson(it.value());
            if (!v.ok())
                return ApiError::validation(QStringLiteral("ExpressionAttributeValues contains invalid value: %1 for key %2").arg(v.error().message(), it.key()));
            e.d->values.emplace(it.key(), std::move(v).value());
            e.d->valueOrder << it.key();
        }
        e.d->hasValues = true;
    }
    return e;
}

Result<std::shared_ptr<const Condition>> Expressions::condition(const QString &text, const QString &parameter)
{
    // DynamoDB reports the size for ConditionExpression and FilterExpression only.
    if (auto err = checkText(text, parameter, parameter != u"KeyConditionExpression"))
        return *err;
    const std::vector<Token> tokens = tokenize(text);
    Parser parser(tokens);
    auto parsed = parser.parseCondition();
    if (!parsed)
        return invalid(parameter, syntaxErrorMessage(text, tokens, parser.failIndex()));
    if (auto problem = resolveCondition(*parsed, d->context()))
        return invalid(parameter, *problem);
    return std::shared_ptr<const Condition>(std::make_shared<Condition>(std::move(*parsed)));
}

Result<std::shared_ptr<const Update>> Expressions::update(const QString &text)
{
    const QString parameter = QStringLiteral("UpdateExpression");
    if (auto err = checkText(text, parameter, false))
        return *err;
    const std::vector<Token> tokens = tokenize(text);
    Parser parser(tokens);
    auto parsed = parser.parseUpdate();
    if (!parsed)
        return invalid(parameter, syntaxErrorMessage(text, tokens, parser.failIndex()));
    if (auto problem = resolveUpdate(*parsed, d->context()))
        return invalid(parameter, *problem);
    return std::shared_ptr<const Update>(std::make_shared<Update>(std::move(*parsed)));
}

Result<std::shared_ptr<const Projection>> Expressions::projection(const QString &text)
{
    const QString parameter = QStringLiteral("ProjectionExpression");
    if (auto err = checkText(text, parameter, false))
        return *err;
    const std::vector<Token> tokens = tokenize(text);
    Parser parser(tokens);
    auto parsed = parser.parseProjection();
    if (!parsed)
        return invalid(parameter, syntaxErrorMessage(text, tokens, parser.failIndex()));
    if (auto problem = resolveProjection(*parsed, d->context()))
        return invalid(parameter, *problem);
    return std::shared_ptr<const Projection>(std::make_shared<Projection>(std::move(*parsed)));
}

Result<void> Expressions::checkAllUsed() const
{
    QStringList unusedNames, unusedValues;
    for (const QString &k : d->nameOrder)
        if (!d->usedNames.contains(k))
            unusedNames << k;
    for (const QString &k : d->valueOrder)
        if (!d->usedValues.contains(k))
            unusedValues << k;
    if (!unusedNames.isEmpty())
        return ApiError::validation(QStringLiteral("Value provided in ExpressionAttributeNames unused in expressions: keys: {%1}").arg(unusedNames.join(QStringLiteral(", "))));
    if (!unusedValues.isEmpty())
        return ApiError::validation(QStringLiteral("Value provided in ExpressionAttributeValues unused in expressions: keys: {%1}").arg(unusedValues.join(QStringLiteral(", "))));
    return Result<void>::success();
}

} // namespace dd::expr
