// RequestHandler: the methods over several items: query and scan, the
// batches and the transactions (request layouts: BaseOperations.js;
// response layouts: Assembler.js, CustomAssemblers.js).
#include "daxwire/attributecodec.h"
#include "daxwire/requesthandler.h"
#include "daxwire/requestsupport.h"

#include <QHash>
#include <QJsonArray>

namespace dd::daxwire {

using namespace support;

namespace {

// An array argument of a transaction (one element per action), or a null
// argument standing for nulls.
Result<const std::vector<CborValue> *> column(const CborValue &v, size_t n, const char *what)
{
    static const std::vector<CborValue> none;
    if (v.isNull())
        return &none;
    if (v.type != CborValue::Array || v.items.size() != n)
        return invalid(s("Invalid request: %1 does not have one entry per action").arg(s(what)));
    return &v.items;
}

const CborValue &at(const std::vector<CborValue> *column, size_t i)
{
    static const CborValue null;
    return i < column->size() ? (*column)[i] : null;
}

} // namespace

Result<QByteArray> RequestHandler::queryOrScan(bool query, const std::vector<CborValue> &args)
{
    DD_ASSIGN(const QString table, nameOf(args[0]));
    DD_ASSIGN(const KeySchema schema, schemaOf(table));
    const CborValue &kwargs = args.back();
    QJsonObject request{{s("TableName"), table}};
    QJsonObject names, values;
    ExpressionRenderer renderer(&names, &values);
    if (query && !args[1].isNull()) {
        DD_ASSIGN(const QByteArray bytes, bytesOf(args[1], "KeyConditionExpression"));
        DD_ASSIGN(const QString text, renderer.condition(bytes, s("k")));
        request.insert(s("KeyConditionExpression"), text);
    }
    const CborValue *index = kwarg(kwargs, IndexName);
    if (index) {
        DD_ASSIGN(const QString name, nameOf(*index));
        request.insert(s("IndexName"), name);
    }
    if (const CborValue *v = kwarg(kwargs, Select)) {
        DD_ASSIGN(const qint64 select, intOf(*v, "Select"));
        request.insert(s("Select"), selectName(select));
    }
    if (const CborValue *v = kwarg(kwargs, Limit)) {
        DD_ASSIGN(const qint64 limit, intOf(*v, "Limit"));
        request.insert(s("Limit"), limit);
    }
    if (const CborValue *v = kwarg(kwargs, ConsistentRead))
        request.insert(s("ConsistentRead"), flagOf(*v));
    if (const CborValue *v = kwarg(kwargs, ScanIndexForward); v && query)
        request.insert(s("ScanIndexForward"), flagOf(*v));
    if (const CborValue *v = kwarg(kwargs, Segment)) {
        DD_ASSIGN(const qint64 segment, intOf(*v, "Segment"));
        request.insert(s("Segment"), segment);
    }
    if (const CborValue *v = kwarg(kwargs, TotalSegments)) {
        DD_ASSIGN(const qint64 total, intOf(*v, "TotalSegments"));
        request.insert(s("TotalSegments"), total);
    }
    if (const CborValue *v = kwarg(kwargs, ExclusiveStartKey)) {
        DD_ASSIGN(const QByteArray bytes, bytesOf(*v, "ExclusiveStartKey"));
        // With an index, every key attribute in a map; without, key bytes.
        DD_ASSIGN(const QJsonObject key, index ? decodeCompoundKey(bytes) : decodeKey(schema, bytes));
        request.insert(s("ExclusiveStartKey"), key);
    }
    std::optional<ExpressionRenderer::Projection> projection;
    if (const CborValue *v = kwarg(kwargs, ProjectionExpression)) {
        DD_ASSIGN(const QByteArray bytes, bytesOf(*v, "ProjectionExpression"));
        DD_ASSIGN(projection, renderer.projection(bytes));
        request.insert(s("ProjectionExpression"), projection->text);
    }
    if (const CborValue *v = kwarg(kwargs, FilterExpression)) {
        DD_ASSIGN(const QByteArray bytes, bytesOf(*v, "FilterExpression"));
        DD_ASSIGN(const QString text, renderer.condition(bytes, s("f")));
        request.insert(s("FilterExpression"), text);
    }
    if (!names.isEmpty())
        request.insert(s("ExpressionAttributeNames"), names);
    if (!values.isEmpty())
        request.insert(s("ExpressionAttributeValues"), values);

    DD_ASSIGN(const QJsonObject response, call(query ? u"Query" : u"Scan", request));
    QByteArray out;
    CborWriter w(&out);
    const bool hasItems = response.contains(s("Items"));
    const bool hasLast = response.contains(s("LastEvaluatedKey"));
    w.mapHeader(2 + (hasItems ? 1 : 0) + (hasLast ? 1 : 0));
    if (hasItems) {
        const QJsonArray items = response.value(s("Items")).toArray();
        w.uint(7); // Items
        w.arrayHeader(quint64(items.size()));
        for (const QJsonValue &v : items) {
            const QJsonObject item = v.toObject();
            if (projection) {
                DD_CHECK(writeItem(w, item, schema, &*projection));
                continue;
            }
            // [key bytes of the table's key, item value]: even from an index.
            DD_ASSIGN(const QByteArray key, encodeKey(schema, item));
            w.arrayHeader(2);
            w.bytes(key);
            DD_CHECK(writeItem(w, item, schema, nullptr));
        }
    }
    w.uint(8); // Count
    w.integer(response.value(s("Count")).toInteger());
    w.uint(10); // ScannedCount
    w.integer(response.value(s("ScannedCount")).toInteger());
    if (hasLast) {
        const QJsonObject last = response.value(s("LastEvaluatedKey")).toObject();
        DD_ASSIGN(const QByteArray key, index ? encodeCompoundKey(last) : encodeKey(schema, last));
        w.uint(9); // LastEvaluatedKey
        w.bytes(key);
    }
    return out;
}

Result<QByteArray> RequestHandler::batchGetItem(const std::vector<CborValue> &args)
{
    const CborValue &tables = args[0];
    if (tables.type != CborValue::Map)
        return invalid(s("Invalid request: RequestItems is not a map"));
    QJsonObject requestItems;
    QHash<QString, KeySchema> schemas;
    QHash<QString, ExpressionRenderer::Projection> projections;
    for (qsizetype t = 0; t < tables.mapSize(); ++t) {
        DD_ASSIGN(const QString table, nameOf(tables.mapKey(t)));
        const CborValue &spec = tables.mapValue(t); // [consistentRead, projection, [key bytes...]]
        if (spec.type != CborValue::Array || spec.items.size() != 3 || spec.items[2].type != CborValue::Array)
            return invalid(s("Invalid request: the keys of table %1 are not [ConsistentRead, Projection, Keys]").arg(table));
        DD_ASSIGN(const KeySchema schema, schemaOf(table));
        schemas.insert(table, schema);
        QJsonArray keys;
        for (const CborValue &k : spec.items[2].items) {
            DD_ASSIGN(const QByteArray bytes, bytesOf(k, "a key"));
            DD_ASSIGN(const QJsonObject key, decodeKey(schema, bytes));
            keys.append(key);
        }
        QJsonObject entry{{s("Keys"), keys}};
        if (!spec.items[0].isNull())
            entry.insert(s("ConsistentRead"), flagOf(spec.items[0]));
        if (!spec.items[1].isNull()) {
            QJsonObject names, values;
            ExpressionRenderer renderer(&names, &values);
            DD_ASSIGN(const QByteArray bytes, bytesOf(spec.items[1], "ProjectionExpression"));
            DD_ASSIGN(ExpressionRenderer::Projection projection, renderer.projection(bytes));
            entry.insert(s("ProjectionExpression"), projection.text);
            entry.insert(s("ExpressionAttributeNames"), names);
            projections.insert(table, std::move(projection));
        }
        requestItems.insert(table, entry);
    }
    DD_ASSIGN(const QJsonObject response, call(u"BatchGetItem", QJsonObject{{s("RequestItems"), requestItems}}));

    QByteArray out;
    CborWriter w(&out);
    // The reference server's quirk, which the clients read: an array(2)
    // header, the responses and the unprocessed keys, then the consumed
    // capacity as a third, separate item.
    w.arrayHeader(2);
    const QJsonObject responses = response.value(s("Responses")).toObject();
    w.mapHeader(quint64(responses.size()));
    for (auto it = responses.constBegin(); it != responses.constEnd(); ++it) {
        const KeySchema schema = schemas.value(it.key());
        const auto projection = projections.constFind(it.key());
        const QJsonArray items = it.value().toArray();
        w.text(it.key());
        if (projection != projections.constEnd()) {
            w.arrayHeader(quint64(items.size()));
            for (const QJsonValue &item : items)
                DD_CHECK(writeItem(w, item.toObject(), schema, &*projection));
            continue;
        }
        w.arrayHeader(quint64(items.size()) * 2); // key, item value, key, item value...
        for (const QJsonValue &item : items) {
            DD_ASSIGN(const QByteArray key, encodeKey(schema, item.toObject()));
            w.bytes(key);
            DD_CHECK(writeItem(w, item.toObject(), schema, nullptr));
        }
    }
    const QJsonObject unprocessed = response.value(s("UnprocessedKeys")).toObject();
    w.mapHeader(quint64(unprocessed.size()));
    for (auto it = unprocessed.constBegin(); it != unprocessed.constEnd(); ++it) {
        const KeySchema schema = schemas.value(it.key());
        const QJsonArray keys = it.value().toObject().value(s("Keys")).toArray();
        w.text(it.key());
        w.arrayHeader(quint64(keys.size()));
        for (const QJsonValue &k : keys) {
            DD_ASSIGN(const QByteArray key, encodeKey(schema, k.toObject()));
            w.bytes(key);
        }
    }
    w.arrayHeader(0); // ConsumedCapacity
    return out;
}

Result<QByteArray> RequestHandler::batchWriteItem(const std::vector<CborValue> &args)
{
    const CborValue &tables = args[0];
    if (tables.type != CborValue::Map)
        return invalid(s("Invalid request: RequestItems is not a map"));
    QJsonObject requestItems;
    QHash<QString, KeySchema> schemas;
    for (qsizetype t = 0; t < tables.mapSize(); ++t) {
        DD_ASSIGN(const QString table, nameOf(tables.mapKey(t)));
        const CborValue &writes = tables.mapValue(t); // key, item value or null (a delete), ...
        if (writes.type != CborValue::Array || writes.items.size() % 2 != 0)
            return invalid(s("Invalid request: the writes of table %1 are not key and item pairs").arg(table));
        DD_ASSIGN(const KeySchema schema, schemaOf(table));
        schemas.insert(table, schema);
        QJsonArray list;
        for (size_t i = 0; i < writes.items.size(); i += 2) {
            DD_ASSIGN(const QByteArray keyBytes, bytesOf(writes.items[i], "a key"));
            DD_ASSIGN(const QJsonObject key, decodeKey(schema, keyBytes));
            const CborValue &value = writes.items[i + 1];
            if (value.isNull()) {
                list.append(QJsonObject{{s("DeleteRequest"), QJsonObject{{s("Key"), key}}}});
                continue;
            }
            DD_ASSIGN(const QByteArray valueBytes, bytesOf(value, "an item"));
            DD_ASSIGN(QJsonObject item, decodeItemValue(m_shared.lists, valueBytes));
            for (auto it = key.constBegin(); it != key.constEnd(); ++it)
                item.insert(it.key(), it.value());
            list.append(QJsonObject{{s("PutRequest"), QJsonObject{{s("Item"), item}}}});
        }
        requestItems.insert(table, list);
    }
    DD_ASSIGN(const QJsonObject response, call(u"BatchWriteItem", QJsonObject{{s("RequestItems"), requestItems}}));

    QByteArray out;
    CborWriter w(&out);
    const QJsonObject unprocessed = response.value(s("UnprocessedItems")).toObject();
    w.mapHeader(quint64(unprocessed.size()));
    for (auto it = unprocessed.constBegin(); it != unprocessed.constEnd(); ++it) {
        const KeySchema schema = schemas.value(it.key());
        const QJsonArray list = it.value().toArray();
        w.text(it.key());
        w.arrayHeader(quint64(list.size()) * 2);
        for (const QJsonValue &v : list) {
            const QJsonObject put = v.toObject().value(s("PutRequest")).toObject();
            const QJsonObject item = put.isEmpty() ? v.toObject().value(s("DeleteRequest")).toObject().value(s("Key")).toObject()
                                                   : put.value(s("Item")).toObject();
            DD_ASSIGN(const QByteArray key, encodeKey(schema, item));
            w.bytes(key);
            if (put.isEmpty())
                w.null();
            else
                DD_CHECK(writeItem(w, item, schema, nullptr));
        }
    }
    w.arrayHeader(0); // ConsumedCapacity
    w.mapHeader(0);   // ItemCollectionMetrics
    return out;
}

Result<QByteArray> RequestHandler::transactGetItems(const std::vector<CborValue> &args)
{
    if (args[0].type != CborValue::Array || args[0].items.empty())
        return invalid(s("Invalid request: TransactItems is empty"));
    const size_t n = args[0].items.size();
    DD_ASSIGN(const std::vector<CborValue> *keys, column(args[1], n, "the keys"));
    DD_ASSIGN(const std::vector<CborValue> *projectionBytes, column(args[2], n, "the projections"));
    QJsonArray transactItems;
    std::vector<KeySchema> schemas;
    std::vector<std::optional<ExpressionRenderer::Projection>> projections;
    for (size_t i = 0; i < n; ++i) {
        DD_ASSIGN(const QString table, nameOf(args[0].items[i]));
        DD_ASSIGN(const KeySchema schema, schemaOf(table));
        DD_ASSIGN(const QByteArray keyBytes, bytesOf(at(keys, i), "a key"));
        DD_ASSIGN(const QJsonObject key, decodeKey(schema, keyBytes));
        QJsonObject get{{s("TableName"), table}, {s("Key"), key}};
        std::optional<ExpressionRenderer::Projection> projection;
        if (!at(projectionBytes, i).isNull()) {
            QJsonObject names, values;
            ExpressionRenderer renderer(&names, &values);
            DD_ASSIGN(const QByteArray bytes, bytesOf(at(projectionBytes, i), "ProjectionExpression"));
            DD_ASSIGN(projection, renderer.projection(bytes));
            get.insert(s("ProjectionExpression"), projection->text);
            get.insert(s("ExpressionAttributeNames"), names);
        }
        transactItems.append(QJsonObject{{s("Get"), get}});
        schemas.push_back(schema);
        projections.push_back(std::move(projection));
    }
    DD_ASSIGN(const QJsonObject response, call(u"TransactGetItems", QJsonObject{{s("TransactItems"), transactItems}}));

    QByteArray out;
    CborWriter w(&out);
    const QJsonArray responses = response.value(s("Responses")).toArray();
    w.arrayHeader(2);
    w.arrayHeader(n);
    for (size_t i = 0; i < n; ++i) {
        const QJsonObject r = responses.at(qsizetype(i)).toObject();
        if (!r.contains(s("Item"))) {
            w.null(); // no such item
            continue;
        }
        DD_CHECK(writeItem(w, r.value(s("Item")).toObject(), schemas[i], projections[i] ? &*projections[i] : nullptr));
    }
    w.arrayHeader(0); // ConsumedCapacity
    return out;
}

Result<QByteArray> RequestHandler::transactWriteItems(const std::vector<CborValue> &args)
{
    // Parallel arrays, one entry per action: operations, tables, keys, item
    // values (puts), ReturnValues (unused), ReturnValuesOnConditionCheckFailure,
    // conditions, updates; then kwargs.
    if (args[0].type != CborValue::Array || args[0].items.empty())
        return invalid(s("Invalid request: TransactItems is empty"));
    const size_t n = args[0].items.size();
    DD_ASSIGN(const std::vector<CborValue> *tables, column(args[1], n, "the tables"));
    DD_ASSIGN(const std::vector<CborValue> *keys, column(args[2], n, "the keys"));
    DD_ASSIGN(const std::vector<CborValue> *values, column(args[3], n, "the items"));
    DD_ASSIGN(const std::vector<CborValue> *onFailure, column(args[5], n, "ReturnValuesOnConditionCheckFailure"));
    DD_ASSIGN(const std::vector<CborValue> *conditions, column(args[6], n, "the conditions"));
    DD_ASSIGN(const std::vector<CborValue> *updates, column(args[7], n, "the updates"));
    QJsonArray transactItems;
    std::vector<KeySchema> schemas;
    for (size_t i = 0; i < n; ++i) {
        // TransactWriteOperation (Constants.js): PUT 2, DELETE 7, PARTIAL_UPDATE 9, CHECK 12.
        DD_ASSIGN(const qint64 op, intOf(args[0].items[i], "an operation"));
        const char *kind = op == 2 ? "Put" : op == 7 ? "Delete" : op == 9 ? "Update" : op == 12 ? "ConditionCheck" : nullptr;
        if (!kind)
            return invalid(s("Invalid request: unknown transaction operation %1").arg(op));
        DD_ASSIGN(const QString table, nameOf(at(tables, i)));
        DD_ASSIGN(const KeySchema schema, schemaOf(table));
        DD_ASSIGN(const QByteArray keyBytes, bytesOf(at(keys, i), "a key"));
        DD_ASSIGN(const QJsonObject key, decodeKey(schema, keyBytes));
        QJsonObject action{{s("TableName"), table}};
        if (op == 2) {
            DD_ASSIGN(const QByteArray valueBytes, bytesOf(at(values, i), "an item"));
            DD_ASSIGN(QJsonObject item, decodeItemValue(m_shared.lists, valueBytes));
            for (auto it = key.constBegin(); it != key.constEnd(); ++it)
                item.insert(it.key(), it.value());
            action.insert(s("Item"), item);
        } else {
            action.insert(s("Key"), key);
        }
        QJsonObject names, exprValues;
        ExpressionRenderer renderer(&names, &exprValues);
        if (!at(conditions, i).isNull()) {
            DD_ASSIGN(const QByteArray bytes, bytesOf(at(conditions, i), "ConditionExpression"));
            DD_ASSIGN(const QString text, renderer.condition(bytes, s("c")));
            action.insert(s("ConditionExpression"), text);
        }
        if (!at(updates, i).isNull()) {
            DD_ASSIGN(const QByteArray bytes, bytesOf(at(updates, i), "UpdateExpression"));
            DD_ASSIGN(const QString text, renderer.update(bytes, s("u")));
            action.insert(s("UpdateExpression"), text);
        }
        if (!names.isEmpty())
            action.insert(s("ExpressionAttributeNames"), names);
        if (!exprValues.isEmpty())
            action.insert(s("ExpressionAttributeValues"), exprValues);
        if (at(onFailure, i).toInt64() == 2) // NONE 1, ALL_OLD 2
            action.insert(s("ReturnValuesOnConditionCheckFailure"), s("ALL_OLD"));
        transactItems.append(QJsonObject{{s(kind), action}});
        schemas.push_back(schema);
    }
    QJsonObject request{{s("TransactItems"), transactItems}};
    if (const CborValue *token = kwarg(args[8], ClientRequestToken))
        request.insert(s("ClientRequestToken"), token->text());

    const Result<QJsonObject> response = call(u"TransactWriteItems", request);
    if (!response.ok()) {
        const ApiError &e = response.error();
        const QJsonArray reasons = e.extra().value(s("CancellationReasons")).toArray();
        if (e.type() == u"TransactionCanceledException" && !reasons.isEmpty()) {
            // Code, message and item (the item value of ALL_OLD) of each action.
            QByteArray encoded;
            CborWriter w(&encoded);
            w.arrayHeader(quint64(reasons.size()) * 3);
            for (qsizetype i = 0; i < reasons.size(); ++i) {
                const QJsonObject r = reasons.at(i).toObject();
                r.contains(s("Code")) ? w.text(r.value(s("Code")).toString()) : w.null();
                r.contains(s("Message")) ? w.text(r.value(s("Message")).toString()) : w.null();
                if (r.contains(s("Item")) && size_t(i) < schemas.size()) {
                    DD_ASSIGN(const QByteArray item, encodeItemValue(m_shared.lists, r.value(s("Item")).toObject(), &schemas[size_t(i)]));
                    w.bytes(item);
                } else {
                    w.null();
                }
            }
            m_cancellationReasons = encoded;
        }
        return e;
    }
    QByteArray out;
    CborWriter w(&out);
    w.arrayHeader(3);
    w.arrayHeader(0); // responses (unused by the clients)
    w.arrayHeader(0); // ConsumedCapacity
    w.mapHeader(0);   // ItemCollectionMetrics
    return out;
}

} // namespace dd::daxwire
