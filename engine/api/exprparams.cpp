#include "api/exprparams.h"

#include <QJsonArray>
#include <QSet>

namespace dd::api {

Result<ParsedExpressions> parseExpressions(const QJsonObject &request, const QStringList &expressions, const QStringList &legacy)
{
    QStringList used, usedLegacy;
    for (const QString &e : expressions)
        if (request.contains(e) && !request.value(e).isNull())
            used << e;
    for (const QString &l : legacy)
        if (request.contains(l) && !request.value(l).isNull())
            usedLegacy << l;
    QStringList mixed = usedLegacy;
    // AWS lets legacy KeyConditions go with FilterExpression or ProjectionExpression.
    if (!used.contains(QLatin1String("KeyConditionExpression")))
        mixed.removeAll(QStringLiteral("KeyConditions"));
    if (!used.isEmpty() && !mixed.isEmpty())
        return ApiError::validation(QStringLiteral("Can not use both expression and non-expression parameters in the same request: "
                                                   "Non-expression parameters: {%1} Expression parameters: {%2}")
                                        .arg(mixed.join(QLatin1String(", ")), used.join(QLatin1String(", "))));
    if (request.contains(QLatin1String("ExpressionAttributeNames")) && used.isEmpty())
        return ApiError::validation(QStringLiteral("ExpressionAttributeNames can only be specified when using expressions"));
    QStringList valueExpressions = expressions;
    valueExpressions.removeAll(QStringLiteral("ProjectionExpression"));
    bool anyValueExpression = false;
    for (const QString &e : valueExpressions)
        anyValueExpression |= used.contains(e);
    if (!valueExpressions.isEmpty() && request.contains(QLatin1String("ExpressionAttributeValues")) && !anyValueExpression)
        return ApiError::validation(QStringLiteral("ExpressionAttributeValues can only be specified when using expressions: %1 %2 null")
                                        .arg(valueExpressions.join(QLatin1String(" and ")),
                                             valueExpressions.size() > 1 ? QStringLiteral("are") : QStringLiteral("is")));

    ParsedExpressions out;
    if (usedLegacy.contains(QLatin1String("AttributesToGet"))) {
        QSet<QString> seen;
        for (const auto &v : request.value(QLatin1String("AttributesToGet")).toArray()) {
            const QString name = v.toString();
            if (seen.contains(name))
                return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Duplicate value in attribute name: %1").arg(name));
            seen.insert(name);
            out.projectionPaths.push_back(expr::Path{{name}});
        }
        out.hasProjection = true;
    }
    const QString conditionalOperator = request.value(QLatin1String("ConditionalOperator")).toString();
    for (const QString &l : usedLegacy) {
        const QJsonObject param = request.value(l).toObject();
        if (l == QLatin1String("AttributeUpdates")) {
            DD_ASSIGN(out.update, expr::attributeUpdates(param));
        } else if (l == QLatin1String("Expected")) {
            DD_ASSIGN(out.condition, expr::expectedCondition(param, conditionalOperator));
        } else if (l == QLatin1String("QueryFilter") || l == QLatin1String("ScanFilter")) {
            DD_ASSIGN(out.condition, expr::filterCondition(param, conditionalOperator));
        } else if (l == QLatin1String("KeyConditions")) {
            DD_ASSIGN(out.keyConditions, expr::keyConditions(param));
        }
    }
    if (used.isEmpty())
        return out;

    DD_ASSIGN(expr::Expressions ex, expr::Expressions::fromRequest(request));
    std::vector<std::pair<QString, QString>> texts;
    for (const QString &e : expressions) {
        if (used.contains(e))
            texts.emplace_back(e, request.value(e).toString());
    }
    return parseExpressionTexts(ex, texts, std::move(out));
}

Result<ParsedExpressions> parseExpressionTexts(expr::Expressions &ex, const std::vector<std::pair<QString, QString>> &texts,
                                               ParsedExpressions out)
{
    for (const auto &[e, text] : texts) {
        if (e == QLatin1String("UpdateExpression")) {
            DD_ASSIGN(out.update, ex.update(text));
        } else if (e == QLatin1String("ProjectionExpression")) {
            DD_ASSIGN(out.projection, ex.projection(text));
            out.projectionPaths = expr::projectedPaths(*out.projection);
            out.hasProjection = true;
        } else if (e == QLatin1String("KeyConditionExpression")) {
            DD_ASSIGN(out.keyCondition, ex.condition(text, e));
        } else {
            DD_ASSIGN(out.condition, ex.condition(text, e));
        }
    }
    DD_CHECK(ex.checkAllUsed());
    return out;
}

} // namespace dd::api
