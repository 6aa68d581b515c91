// The DynamoDB expression language, as used by one request: condition and
// filter expressions, update expressions and projection expressions, with the
// request's ExpressionAttributeNames (#n) and ExpressionAttributeValues (:v).
//
// Pipeline: lexer -> recursive-descent parser -> AST -> resolve pass (which
// substitutes #names and :values and records which were used) -> evaluator.
// An Expressions object belongs to one request on one thread.
#pragma once

#include "model/attributevalue.h"
#include "model/result.h"

#include <QJsonObject>

#include <memory>
#include <variant>
#include <vector>

namespace dd::expr {

// One step of a document path: a map member name or a list index.
using PathElement = std::variant<QString, qint64>;
struct Path {
    std::vector<PathElement> elements; // first element is always a top-level attribute name
    QString toString() const;          // a.b[2].c, for messages
};

struct Condition;  // parsed and resolved condition or filter expression (AST, expr/ast.h)
struct Update;     // parsed and resolved update expression
struct Projection; // parsed and resolved projection expression

class Expressions {
public:
    // Reads and validates ExpressionAttributeNames and ExpressionAttributeValues
    // of the request (either may be absent). Errors as AWS, e.g.
    // "ExpressionAttributeNames must not be empty",
    // "ExpressionAttributeValues contains invalid key: Syntax error; key: \"x\"",
    // and invalid attribute values.
    static Result<Expressions> fromRequest(const QJsonObject &request);
    // The same from the two members' values (undefined or null: absent).
    static Result<Expressions> fromValues(const QJsonValue &names, const QJsonValue &values);
    // The same from maps already read and checked (api/fastrequest.h: keys
    // of the #name and :value forms, names non-empty, maps non-empty; null
    // when absent), in any order.
    static Expressions fromParts(const std::vector<std::pair<QString, QString>> *names,
                                 const std::vector<std::pair<QString, model::AttributeValue>> *values);

    // `parameter` names the request field for messages, e.g. "ConditionExpression",
    // "FilterExpression": "Invalid ConditionExpression: Syntax error; token: ...".
    Result<std::shared_ptr<const Condition>> condition(const QString &text, const QString &parameter);
    Result<std::shared_ptr<const Update>> update(const QString &text);
    Result<std::shared_ptr<const Projection>> projection(const QString &text);

    // After all of a request's expressions are parsed: every supplied name
    // and value must have been used ("Value provided in
    // ExpressionAttributeValues unused in expressions: keys: {:x}").
    Result<void> checkAllUsed() const;

    bool hasNames() const;
    bool hasValues() const;

    Expressions();
    ~Expressions();
    Expressions(Expressions &&) noexcept;
    Expressions &operator=(Expressions &&) noexcept;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// Evaluates a condition against an item (an absent item is an empty map).
// Type mismatches make a comparison false, as in DynamoDB; only operand
// errors that AWS reports at run time are errors.
Result<bool> evaluate(const Condition &condition, const model::Item &item);

// Applies an update to a copy of `item` and returns the new item. Errors as
// AWS: "The provided expression refers to an attribute that does not exist
// in the item", "An operand in the update expression has an incorrect data type", ...
Result<model::Item> applyUpdate(const Update &update, const model::Item &item);

// The document paths an update writes or removes, in expression order (for
// ReturnValues UPDATED_OLD/UPDATED_NEW and key-attribute checks).
const std::vector<Path> &updatedPaths(const Update &update);

// The paths named by a projection.
const std::vector<Path> &projectedPaths(const Projection &projection);

// The parts of `item` at `paths` (missing ones are skipped), nested maps and
// lists kept in shape, as ProjectionExpression and UPDATED_* return them.
model::Item project(const std::vector<Path> &paths, const model::Item &item);

} // namespace dd::expr
