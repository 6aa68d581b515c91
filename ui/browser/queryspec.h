// QuerySpec: what the visual query builder holds (partition key value,
// sort key condition, filter conditions, projection), and its translation
// into a Scan or Query request with #name and :value placeholders. Values
// are typed by the user (S, N, B, BOOL, NULL) and checked by DynamoDB's
// rules before anything is sent. Pure functions and value types; safe from
// any thread.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace dd::ui {

struct QueryCondition {
    QString attribute;   // a name, or a nested path such as address.city or lines[0].sku
    QString op;          // "=", "<>", "<", "<=", ">", ">=", "between", "in", "begins_with", "contains", "exists", "not_exists"; empty: none
    QString type = QStringLiteral("S"); // of the value(s): "S", "N", "B", "BOOL", "NULL"
    QString value;       // "in": values separated by commas
    QString value2;      // the upper bound of "between"
};

struct QuerySpec {
    QString partitionName;    // the key attributes of the table or index queried
    QString partitionType;
    QString partitionValue;   // Query only
    QString sortName;
    QString sortType;
    QueryCondition sort;      // op empty: no sort key condition; attribute and type are the sort key's
    // A GSI with a multi-attribute key (AWS, November 2025). The first
    // partition attribute stays in partitionName/Type/Value above.
    QList<QueryCondition> morePartitions; // the 2nd to 4th partition attributes: attribute, type, value (all required)
    // When not empty, the sort attributes in key-schema order (attribute and
    // type set; op empty: no condition) and sortName/sort are not used: a
    // prefix of them may have conditions, = on all but the last one used.
    QList<QueryCondition> sorts;
    QList<QueryCondition> filters;
    bool matchAny = false;    // filters joined with OR instead of AND
    QStringList projection;   // attribute names or paths; empty: all
};

namespace queryspec {

QStringList sortOperators();   // the ones a key condition allows
QStringList filterOperators(); // all of them

// How the query builder and the designer's access patterns show one of
// sortOperators(): "between" and "begins_with" as translated words, the
// others as they are.
QString sortOperatorLabel(const QString &op);

// One value of `type` from the user's text ("true"/"false" for BOOL, base64
// for B). Returns false and sets *error (DynamoDB's message for a bad number).
bool typedValue(const QString &type, const QString &text, QJsonObject *value, QString *error);

// Adds KeyConditionExpression (when `query`), FilterExpression,
// ProjectionExpression, ExpressionAttributeNames and
// ExpressionAttributeValues to *request. Names are always placeholders
// (#n0, #n1, ...: no reserved-word surprises), values :v0, :v1, ...
// Returns false and sets *error (one line, naming the field) when a value
// cannot be read, a Query lacks a partition key value, or the sort
// conditions of a multi-attribute key leave a gap or put a range before
// the last attribute used (DynamoDB's rules for such keys).
bool apply(const QuerySpec &spec, bool query, QJsonObject *request, QString *error);

} // namespace queryspec
} // namespace dd::ui
