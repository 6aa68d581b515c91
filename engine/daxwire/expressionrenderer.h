// ExpressionRenderer: DAX expressions back to DynamoDB's text. The DAX
// clients parse every expression themselves and send a CBOR tree
// (CborSExprGenerator.js): [1, spec, [value_0, ...]], where a node is
// [code, args...], names are already substituted and values sit in the
// expression's own array. This turns the tree into text the engine parses,
// with a placeholder for every name ("#n0", shared by the request's
// expressions) and for every value used (":<prefix><i>", one prefix per
// expression, since each has its own value array).
//  - AND, OR and NOT put their operands in parentheses ("(a) AND (b)"):
//    the tree is the grouping, and single parentheses are always valid.
//  - An update's actions go into SET, REMOVE, ADD and DELETE clauses, each
//    keeping the actions' order.
//  - Everything DynamoDB checks (function names and arities, operand types,
//    where functions may appear) is left to the engine, which parses the
//    text; only what cannot become text (an unknown node code, a value
//    index out of range, a path that does not start with a name) is
//    refused here, as a ValidationException.
// Threads: one renderer per request.
#pragma once

#include "model/result.h"

#include <QJsonObject>

#include <variant>
#include <vector>

namespace dd::daxwire {

struct CborValue;

// A document path: names and list indexes ("a.b[2]" is "a", "b", 2).
using PathElement = std::variant<QString, int>;
using DocumentPath = std::vector<PathElement>;

class ExpressionRenderer {
public:
    // Placeholders go into `names` and `values` (ExpressionAttributeNames
    // and ExpressionAttributeValues of the request); neither is owned.
    ExpressionRenderer(QJsonObject *names, QJsonObject *values) : m_names(names), m_values(values) {}

    // A condition, filter or key condition expression's bytes as text; its
    // values are named ":<prefix>0", ":<prefix>1", ...
    Result<QString> condition(QByteArrayView encoded, const QString &prefix);
    // An update expression's bytes as text.
    Result<QString> update(QByteArrayView encoded, const QString &prefix);

    struct Projection {
        std::vector<DocumentPath> paths; // in the client's order: ordinal i is paths[i]
        // The projection to ask the engine for: each path cut before its
        // first list index (duplicates dropped), so that the answer holds
        // whole lists and each path can be looked up in it exactly
        // (DynamoDB's own projection compacts the lists it picks from).
        QString text;
    };
    Result<Projection> projection(QByteArrayView encoded);

private:
    struct Context;
    Result<QString> node(const CborValue &n, Context &c);
    Result<QString> pathText(const CborValue &n);
    Result<DocumentPath> pathOf(const CborValue &n);
    QString pathText(const DocumentPath &path);
    QString nameRef(const QString &name);

    QJsonObject *m_names;
    QJsonObject *m_values;
    QHash<QString, QString> m_nameRefs; // name -> "#n<k>"
};

// The value at `path` inside `item` (top-level name -> JSON AttributeValue);
// nothing when the path does not resolve.
std::optional<QJsonObject> valueAtPath(const QJsonObject &item, const DocumentPath &path);

} // namespace dd::daxwire
