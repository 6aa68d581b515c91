// Small pieces RequestHandler's files share (requesthandler.cpp,
// collectionmethods.cpp): reading a request's arguments and kwargs, and the
// DAX clients' enum values.
// Threads: plain functions.
#pragma once

#include "daxwire/cbor.h"
#include "model/result.h"

#include <QJsonObject>

namespace dd::daxwire::support {

inline QString s(const char *latin1) { return QString::fromLatin1(latin1); }
inline ApiError invalid(const QString &message) { return ApiError::validation(message); }

// Keys of the kwargs map (DaxDataRequestParam, Constants.js).
enum Kwarg {
    ProjectionExpression = 0, ConsistentRead = 2, ReturnConsumedCapacity = 3, ConditionExpression = 4,
    ReturnItemCollectionMetrics = 6, ReturnValues = 7, UpdateExpression = 8, ExclusiveStartKey = 9,
    FilterExpression = 10, IndexName = 11, Limit = 13, ScanIndexForward = 14, Select = 15, Segment = 16,
    TotalSegments = 17, ClientRequestToken = 19
};

// A kwarg's value, or null when absent (or when kwargs is null).
inline const CborValue *kwarg(const CborValue &kwargs, Kwarg key)
{
    const CborValue *v = kwargs.find(key);
    return v && !v->isNull() ? v : nullptr;
}

// A table or index name: UTF-8 bytes in most methods, text in the batch maps.
inline Result<QString> nameOf(const CborValue &v)
{
    if ((v.type != CborValue::Bytes && v.type != CborValue::Text) || v.bytes.isEmpty())
        return invalid(s("Invalid request: expected a table name"));
    return v.text();
}

inline Result<QByteArray> bytesOf(const CborValue &v, const char *what)
{
    if (v.type != CborValue::Bytes)
        return invalid(s("Invalid request: %1 is not a byte string").arg(s(what)));
    return v.bytes;
}

inline Result<qint64> intOf(const CborValue &v, const char *what)
{
    if (const std::optional<qint64> i = v.toInt64())
        return *i;
    return invalid(s("Invalid request: %1 is not an integer").arg(s(what)));
}

// ConsistentRead and ScanIndexForward: a boolean, or 0/1.
inline bool flagOf(const CborValue &v) { return v.isBool() ? v.isTrue() : v.toInt64().value_or(0) != 0; }

// ReturnValues (Constants.js ReturnValues): NONE 1, ALL_OLD 2, UPDATED_OLD 3, ALL_NEW 4, UPDATED_NEW 5.
inline QString returnValuesName(qint64 v)
{
    switch (v) {
    case 2: return s("ALL_OLD");
    case 3: return s("UPDATED_OLD");
    case 4: return s("ALL_NEW");
    case 5: return s("UPDATED_NEW");
    default: return s("NONE");
    }
}

// Select: ALL_ATTRIBUTES 1, ALL_PROJECTED_ATTRIBUTES 2, COUNT 3, SPECIFIC_ATTRIBUTES 4.
inline QString selectName(qint64 v)
{
    switch (v) {
    case 2: return s("ALL_PROJECTED_ATTRIBUTES");
    case 3: return s("COUNT");
    case 4: return s("SPECIFIC_ATTRIBUTES");
    default: return s("ALL_ATTRIBUTES");
    }
}

} // namespace dd::daxwire::support
