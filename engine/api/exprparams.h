// The expression parameters of one request, checked as AWS checks them
// before parsing: expression and legacy parameters are not mixed, names and
// values come only with expressions; then each expression is parsed and
// every name and value must be used.
#pragma once

#include "api/requestview.h"
#include "expr/expressions.h"
#include "expr/legacy.h"

#include <QJsonObject>
#include <QStringList>

#include <span>

namespace dd::api {

struct ParsedExpressions {
    std::shared_ptr<const expr::Condition> condition;   // ConditionExpression / FilterExpression, or Expected / QueryFilter / ScanFilter
    std::shared_ptr<const expr::Update> update;         // UpdateExpression, or AttributeUpdates (Update::legacy)
    std::shared_ptr<const expr::Projection> projection; // ProjectionExpression
    std::vector<expr::Path> projectionPaths;            // from ProjectionExpression or AttributesToGet
    bool hasProjection = false;
    std::shared_ptr<const expr::Condition> keyCondition; // KeyConditionExpression, parsed; reduced against the schema by Query
    std::optional<std::vector<expr::LegacyCondition>> keyConditions; // KeyConditions (legacy), validated as conditions
};

// `expressions` are the expression parameters the operation accepts (in
// AWS's order, e.g. {"UpdateExpression", "ConditionExpression"}), `legacy`
// the non-expression ones (e.g. {"AttributeUpdates", "Expected"}). Legacy
// parameters are validated with AWS's legacy messages and translated into
// the same ASTs (expr/legacy.h); ConditionalOperator combines Expected,
// QueryFilter or ScanFilter. KeyConditions may accompany expression
// parameters when KeyConditionExpression is absent, as AWS allows.
Result<ParsedExpressions> parseExpressions(const QJsonObject &request, const QStringList &expressions, const QStringList &legacy);
// The same over a request already listed in a RequestView (parameter names are Latin-1).
Result<ParsedExpressions> parseExpressions(const RequestView &request, std::span<const QLatin1StringView> expressions,
                                           std::span<const QLatin1StringView> legacy);

// The second half of parseExpressions: the expression parameters present
// (name and text, in AWS's order) parsed against `ex`'s names and values,
// added to `out`; then every name and value must have been used.
Result<ParsedExpressions> parseExpressionTexts(expr::Expressions &ex, const std::vector<std::pair<QString, QString>> &texts,
                                               ParsedExpressions out = {});

} // namespace dd::api
