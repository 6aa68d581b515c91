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
    if (!used.isEmpty() && !usedLegacy.isEmpty())
        return ApiError::validation(QStringLiteral("Can not use both expression and non-expression parameters in the same request: "
                                                   "Non-expression parameters: {%1} Expression parameters: {%2}")
                                        .arg(usedLegacy.join(QLatin1String(", ")), used.join(QLatin1String(", "))));
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
    for (const QString &l : usedLegacy)
        if (l != QLatin1String("AttributesToGet"))
            return ApiError::validation(QStringLiteral("The legacy parameter %1 is not supported by this version of Dynamodesk; use the expression parameters").arg(l));

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
    if (used.isEmpty())
        return out;

    DD_ASSIGN(expr::Expressions ex, expr::Expressions::fromRequest(request));
    for (const QString &e : expressions) {
        if (!used.contains(e))
            continue;
        const QString text = request.value(e).toString();
        if (e == QLatin1String("UpdateExpression")) {
            DD_ASSIGN(out.update, ex.update(text));
        } else if (e == QLatin1String("ProjectionExpression")) {
            DD_ASSIGN(out.projection, ex.projection(text));
            out.projectionPaths = expr::projectedPaths(*out.projection);
            out.hasProjection = true;
        } else {
            DD_ASSIGN(out.condition, ex.condition(text, e));
        }
    }
    DD_CHECK(ex.checkAllUsed());
    return out;
}

} // namespace dd::api
