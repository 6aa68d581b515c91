// Helpers shared by the expression tests: requests, items and values from
// compact DynamoDB JSON text.
#pragma once

#include "expr/expressions.h"
#include "model/json.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace exprtest {

inline QJsonObject object(const QString &json)
{
    if (json.isEmpty())
        return {};
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError)
        qFatal("bad JSON in test: %s", qPrintable(json));
    return doc.object();
}

// A request with the given ExpressionAttributeNames / Values JSON objects
// (empty string: absent).
inline QJsonObject request(const QString &names, const QString &values)
{
    QJsonObject r;
    if (!names.isEmpty())
        r.insert(QStringLiteral("ExpressionAttributeNames"), object(names));
    if (!values.isEmpty())
        r.insert(QStringLiteral("ExpressionAttributeValues"), object(values));
    return r;
}

inline dd::expr::Expressions expressions(const QString &names, const QString &values)
{
    auto e = dd::expr::Expressions::fromRequest(request(names, values));
    if (!e.ok())
        qFatal("fromRequest failed: %s", qPrintable(e.error().message()));
    return std::move(e).value();
}

inline dd::model::Item item(const QString &json)
{
    auto i = dd::model::itemFromJson(object(json));
    if (!i.ok())
        qFatal("bad item in test: %s: %s", qPrintable(json), qPrintable(i.error().message()));
    return std::move(i).value();
}

// Canonical compact JSON of an item, for comparisons.
inline QString json(const dd::model::Item &item)
{
    return QString::fromUtf8(QJsonDocument(dd::model::itemToJson(item)).toJson(QJsonDocument::Compact));
}

inline QString canonical(const QString &itemJson)
{
    return json(item(itemJson));
}

} // namespace exprtest
