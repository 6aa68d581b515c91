// PartiQL for DynamoDB: one statement of ExecuteStatement,
// BatchExecuteStatement or ExecuteTransaction, parsed (parseStatement) into
// the few shapes DynamoDB accepts: SELECT, INSERT, UPDATE, DELETE, and
// EXISTS (a transaction's condition check). Values are attribute values in
// DynamoDB JSON ({"S": "a"}); a parameter `?` is replaced by the request's
// Parameters entry at parse time, so the rest of the engine never sees one.
//
// The statement is not run here: partiql/translate.h turns it into the
// GetItem/Query/Scan/PutItem/UpdateItem/DeleteItem request that does the
// same, so that conditions, updates, capacity, indexes and the change log
// are the engine's one implementation of each.
#pragma once

#include "model/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace dd::partiql {

// A document path: a top-level attribute name, then `.name` and `[index]` steps.
struct PathStep {
    QString name;      // empty for an index step
    int index = -1;    // >= 0 for an index step
};
using Path = std::vector<PathStep>;

// An expression of a WHERE clause or of a SET action's value.
struct Expr {
    enum class Kind {
        Path,      // path
        Value,     // value
        Compare,   // args[0] op args[1]; op one of = <> < <= > >=
        Between,   // args[0] BETWEEN args[1] AND args[2]
        In,        // args[0] IN (args[1..])
        And,       // args[0] AND args[1] ...
        Or,
        Not,       // NOT args[0]
        IsMissing, // args[0] IS MISSING (negated: IS NOT MISSING)
        IsType,    // args[0] IS NULL, IS STRING, ... (negated: IS NOT ...); op the DynamoDB type ("NULL", "S", ...)
        Call,      // op(args...), op lower-case: begins_with, contains, attribute_type, attribute_exists,
                   // attribute_not_exists, size; in SET: list_append, set_add, set_delete, if_not_exists
        Arith,     // args[0] op args[1]; op + or -
    };
    Kind kind = Kind::Value;
    QString op;
    bool negated = false;
    Path path;
    QJsonObject value;
    std::vector<std::unique_ptr<Expr>> args;
};

struct UpdateAction {
    bool remove = false;            // REMOVE path, else SET path = value
    Path path;
    std::unique_ptr<Expr> value;
};

struct Statement {
    enum class Kind { Select, Insert, Update, Delete, Exists };
    Kind kind = Kind::Select;
    QString table;
    QString index;                         // SELECT ... FROM "table"."index"
    // SELECT: the projected paths; empty for *.
    std::vector<Path> projection;
    std::unique_ptr<Expr> where;           // absent when there is no WHERE
    // SELECT ... ORDER BY path [ASC|DESC], ...: the key attributes to order by.
    struct OrderKey {
        Path path;
        bool descending = false;
    };
    std::vector<OrderKey> orderBy;
    QJsonObject item;                      // INSERT ... VALUE {...}: the item's attributes
    std::vector<UpdateAction> actions;     // UPDATE
    QString returning;                     // UPDATE/DELETE RETURNING: ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATED_NEW; or empty
};

// Parses `text`, taking its `?` placeholders from `parameters` in order.
// Errors are ValidationExceptions with DynamoDB's messages.
Result<Statement> parseStatement(const QString &text, const QJsonArray &parameters);

} // namespace dd::partiql
