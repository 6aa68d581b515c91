#include "api/exprparams.h"

#include <QJsonArray>
#include <QSet>
#include <QVarLengthArray>

namespace dd::api {

namespace {

using Names = QVarLengthArray<QLatin1StringView, 8>;

QString join(const Names &names, QLatin1StringView separator)
{
    QStringList list;
    for (QLatin1StringView n : names)
        list << QString(n);
    return list.join(separator);
}

bool contains(const Names &names, QLatin1StringView name)
{
    for (QLatin1StringView n : names)
        if (n == name)
            return true;
    return false;
}

} // namespace

Result<ParsedExpressions> parseExpressions(const QJsonObject &request, const QStringList &expressions, const QStringList &legacy)
{
    std::vector<QByteArray> storage;
    storage.reserve(size_t(expressions.size() + legacy.size()));
    std::vector<QLatin1StringView> e, l;
    for (const QString &s : expressions)
        e.emplace_back(storage.emplace_back(s.toLatin1()));
    for (const QString &s : legacy)
        l.emplace_back(storage.emplace_back(s.toLatin1()));
    return parseExpressions(RequestView(request), e, l);
}

Result<ParsedExpressions> parseExpressions(const RequestView &request, std::span<const QLatin1StringView> expressions,
                                           std::span<const QLatin1StringView> legacy)
{
    Names used, usedLegacy;
    for (QLatin1StringView e : expressions)
        if (request.has(e))
            used.append(e);
    for (QLatin1StringView l : legacy)
        if (request.has(l))
            usedLegacy.append(l);
    Names mixed = usedLegacy;
    // AWS lets legacy KeyConditions go with FilterExpression or ProjectionExpression.
    if (!contains(used, QLatin1StringView("KeyConditionExpression")))
        mixed.removeAll(QLatin1StringView("KeyConditions"));
    if (!used.isEmpty() && !mixed.isEmpty())
        return ApiError::validation(QStringLiteral("Can not use both expression and non-expression parameters in the same request: "
                                                   "Non-expression parameters: {%1} Expression parameters: {%2}")
                                        .arg(join(mixed, QLatin1StringView(", ")), join(used, QLatin1StringView(", "))));
    if (request.contains(QLatin1StringView("ExpressionAttributeNames")) && used.isEmpty())
        return ApiError::validation(QStringLiteral("ExpressionAttributeNames can only be specified when using expressions"));
    Names valueExpressions;
    bool anyValueExpression = false;
    for (QLatin1StringView e : expressions) {
        if (e == QLatin1StringView("ProjectionExpression"))
            continue;
        valueExpressions.append(e);
        anyValueExpression |= contains(used, e);
    }
    if (!valueExpressions.isEmpty() && request.contains(QLatin1StringView("ExpressionAttributeValues")) && !anyValueExpression)
        return ApiError::validation(QStringLiteral("ExpressionAttributeValues can only be specified when using expressions: %1 %2 null")
                                        .arg(join(valueExpressions, QLatin1StringView(" and ")),
                                             valueExpressions.size() > 1 ? QStringLiteral("are") : QStringLiteral("is")));

    ParsedExpressions out;
    if (contains(usedLegacy, QLatin1StringView("AttributesToGet"))) {
        QSet<QString> seen;
        for (const auto &v : request.value(QLatin1StringView("AttributesToGet")).toArray()) {
            const QString name = v.toString();
            if (seen.contains(name))
                return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Duplicate value in attribute name: %1").arg(name));
            seen.insert(name);
            out.projectionPaths.push_back(expr::Path{{name}});
        }
        out.hasProjection = true;
    }
    if (!usedLegacy.isEmpty()) {
        const QString conditionalOperator = request.value(QLatin1StringView("ConditionalOperator")).toString();
        for (QLatin1StringView l : usedLegacy) {
            const QJsonObject param = request.value(l).toObject();
            if (l == QLatin1StringView("AttributeUpdates")) {
                DD_ASSIGN(out.update, expr::attributeUpdates(param));
            } else if (l == QLatin1StringView("Expected")) {
                DD_ASSIGN(out.condition, expr::expectedCondition(param, conditionalOperator));
            } else if (l == QLatin1StringView("QueryFilter") || l == QLatin1StringView("ScanFilter")) {
                DD_ASSIGN(out.condition, expr::filterCondition(param, conditionalOperator));
            } else if (l == QLatin1StringView("KeyConditions")) {
                DD_ASSIGN(out.keyConditions, expr::keyConditions(param));
            }
        }
    }
    if (used.isEmpty())
        return out;

    DD_ASSIGN(expr::Expressions ex, expr::Expressions::fromValues(request.value(QLatin1StringView("ExpressionAttributeNames")),
                                                                 request.value(QLatin1StringView("ExpressionAttributeValues"))));
    std::vector<std::pair<QString, QString>> texts;
    for (QLatin1StringView e : used)
        texts.emplace_back(QString(e), request.value(e).toString());
    return parseExpressionTexts(ex, texts, std::move(out));
}

Result<ParsedExpressions> parseExpressionTexts(expr::Expressions &ex, const std::vector<std::pair<QString, QString>> &texts,
                                               ParsedExpressions out)
{
    for (const auto &[e, text] : texts) {
        if (e == QLatin1StringView("UpdateExpression")) {
            DD_ASSIGN(out.update, ex.update(text));
        } else if (e == QLatin1StringView("ProjectionExpression")) {
            DD_ASSIGN(out.projection, ex.projection(text));
            out.projectionPaths = expr::projectedPaths(*out.projection);
            out.hasProjection = true;
        } else if (e == QLatin1StringView("KeyConditionExpression")) {
            DD_ASSIGN(out.keyCondition, ex.condition(text, e));
        } else {
            DD_ASSIGN(out.condition, ex.condition(text, e));
        }
    }
    DD_CHECK(ex.checkAllUsed());
    return out;
}

} // namespace dd::api
