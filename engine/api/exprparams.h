// The expression parameters of one request, checked as AWS checks them
// before parsing: expression and legacy parameters are not mixed, names and
// values come only with expressions; then each expression is parsed and
// every name and value must be used.
#pragma once

#include "expr/expressions.h"

#include <QJsonObject>
#include <QStringList>

namespace dd::api {

struct ParsedExpressions {
    std::shared_ptr<const expr::Condition> condition;   // ConditionExpression / FilterExpression
    std::shared_ptr<const expr::Update> update;         // UpdateExpression
    std::shared_ptr<const expr::Projection> projection; // ProjectionExpression
    std::vector<expr::Path> projectionPaths;            // from ProjectionExpression or AttributesToGet
    bool hasProjection = false;
};

// `expressions` are the expression parameters the operation accepts (in
// AWS's order, e.g. {"UpdateExpression", "ConditionExpression"}), `legacy`
// the non-expression ones (e.g. {"AttributeUpdates", "Expected"}).
Result<ParsedExpressions> parseExpressions(const QJsonObject &request, const QStringList &expressions, const QStringList &legacy);

} // namespace dd::api
