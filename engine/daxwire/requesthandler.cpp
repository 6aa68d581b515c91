// RequestHandler: dispatch, the control methods and the single-item
// methods (get, put, update, delete). Query, scan, the batches and the
// transactions are in collectionmethods.cpp.
#include "daxwire/requesthandler.h"

#include "daxwire/attributecodec.h"
#include "daxwire/daxerror.h"
#include "daxwire/daxmethods.h"
#include "daxwire/requestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace dd::daxwire {

using namespace support;

void RequestHandler::handle(qint64 id, const std::vector<CborValue> &args, QByteArray *out)
{
    m_cancellationReasons.clear();
    const Result<QByteArray> result = dispatch(id, args);
    if (result.ok()) {
        out->append(char(0x80)); // an empty array: no error
        out->append(*result);
        return;
    }
    CborWriter w(out);
    writeError(w, result.error(), m_cancellationReasons);
}

Result<QByteArray> RequestHandler::dispatch(qint64 id, const std::vector<CborValue> &args)
{
    if (method::arity(id) < 0 || args.size() != size_t(method::arity(id)))
        return invalid(s("Invalid request: method %1 with %2 arguments").arg(id).arg(args.size()));
    switch (id) {
    case method::DefineKeySchema: return defineKeySchema(args);
    case method::DefineAttributeListId: return defineAttributeListId(args);
    case method::DefineAttributeList: return defineAttributeList(args);
    case method::GetItem: return getItem(args);
    case method::PutItem: return putItem(args);
    case method::DeleteItem: return keyedWrite(u"DeleteItem", args);
    case method::UpdateItem: return keyedWrite(u"UpdateItem", args);
    case method::Query: return queryOrScan(true, args);
    case method::Scan: return queryOrScan(false, args);
    case method::BatchGetItem: return batchGetItem(args);
    case method::BatchWriteItem: return batchWriteItem(args);
    case method::TransactGetItems: return transactGetItems(args);
    case method::TransactWriteItems: return transactWriteItems(args);
    default: return invalid(s("Invalid request: method %1 is not served here").arg(id));
    }
}

Result<QJsonObject> RequestHandler::call(QStringView operation, const QJsonObject &request)
{
    // GetItem and PutItem, the commonest, go in as bytes: the engine reads
    // those through a cluster without building a QJsonObject of its own.
    const Result<QByteArray> body = operation == u"GetItem" || operation == u"PutItem"
        ? m_shared.engine.call(m_context, operation, QJsonDocument(request).toJson(QJsonDocument::Compact))
        : m_shared.engine.call(m_context, operation, request);
    if (!body.ok())
        return body.error();
    const QJsonDocument doc = QJsonDocument::fromJson(*body);
    if (!doc.isObject())
        return ApiError::internal(s("The engine's answer to %1 is not a JSON object").arg(operation));
    return doc.object();
}

Result<KeySchema> RequestHandler::schemaOf(const QString &table) { return m_shared.schemas.get(m_context.region, table); }

Result<void> RequestHandler::writeItem(CborWriter &w, const QJsonObject &item, const KeySchema &schema,
                                       const ExpressionRenderer::Projection *projection)
{
    if (!projection) {
        DD_ASSIGN(const QByteArray value, encodeItemValue(m_shared.lists, item, &schema));
        w.bytes(value);
        return {};
    }
    // {ordinal: value at the ordinal's path}; paths that do not resolve are left out.
    std::vector<std::pair<size_t, QJsonObject>> found;
    for (size_t i = 0; i < projection->paths.size(); ++i)
        if (std::optional<QJsonObject> v = valueAtPath(item, projection->paths[i]))
            found.emplace_back(i, std::move(*v));
    w.mapHeader(found.size());
    for (const auto &[ordinal, v] : found) {
        w.uint(ordinal);
        DD_CHECK(writeAttributeValue(w, v));
    }
    return {};
}

Result<QString> RequestHandler::addWriteParameters(QJsonObject *request, const CborValue &kwargs)
{
    QJsonObject names, values;
    ExpressionRenderer renderer(&names, &values);
    if (const CborValue *c = kwarg(kwargs, ConditionExpression)) {
        DD_ASSIGN(const QByteArray bytes, bytesOf(*c, "ConditionExpression"));
        DD_ASSIGN(const QString text, renderer.condition(bytes, s("c")));
        request->insert(s("ConditionExpression"), text);
    }
    if (const CborValue *u = kwarg(kwargs, UpdateExpression)) {
        DD_ASSIGN(const QByteArray bytes, bytesOf(*u, "UpdateExpression"));
        DD_ASSIGN(const QString text, renderer.update(bytes, s("u")));
        request->insert(s("UpdateExpression"), text);
    }
    if (!names.isEmpty())
        request->insert(s("ExpressionAttributeNames"), names);
    if (!values.isEmpty())
        request->insert(s("ExpressionAttributeValues"), values);
    QString returnValues = s("NONE");
    if (const CborValue *r = kwarg(kwargs, ReturnValues)) {
        DD_ASSIGN(const qint64 v, intOf(*r, "ReturnValues"));
        returnValues = returnValuesName(v);
        request->insert(s("ReturnValues"), returnValues);
    }
    return returnValues;
}

Result<QByteArray> RequestHandler::writeResult(const QJsonObject &response, const KeySchema &schema, const QString &returnValues)
{
    QByteArray out;
    CborWriter w(&out);
    const QJsonObject attributes = response.value(s("Attributes")).toObject();
    if (attributes.isEmpty()) {
        w.null();
        return out;
    }
    w.mapHeader(1);
    w.uint(2); // Attributes
    if (returnValues != u"UPDATED_OLD" && returnValues != u"UPDATED_NEW") {
        DD_ASSIGN(const QByteArray value, encodeItemValue(m_shared.lists, attributes, &schema));
        w.bytes(value);
        return out;
    }
    // UPDATED_*: the attribute list id, then one map of ordinals into it.
    const QStringList names = sortedNames(attributes.keys());
    QByteArray inner;
    CborWriter iw(&inner);
    iw.uint(quint64(m_shared.lists.idFor(names)));
    iw.mapHeader(quint64(names.size()));
    for (qsizetype i = 0; i < names.size(); ++i) {
        iw.uint(quint64(i));
        DD_CHECK(writeAttributeValue(iw, attributes.value(names[i]).toObject()));
    }
    w.bytes(inner);
    return out;
}

Result<QByteArray> RequestHandler::defineKeySchema(const std::vector<CborValue> &args)
{
    DD_ASSIGN(const QString table, nameOf(args[0]));
    DD_ASSIGN(const KeySchema schema, schemaOf(table));
    QByteArray out;
    CborWriter w(&out);
    // Hash first: the client takes the map's order as the key's.
    w.mapHeader(schema.hasRange() ? 2 : 1);
    w.text(schema.hashName);
    w.text(schema.hashType);
    if (schema.hasRange()) {
        w.text(schema.rangeName);
        w.text(schema.rangeType);
    }
    return out;
}

Result<QByteArray> RequestHandler::defineAttributeListId(const std::vector<CborValue> &args)
{
    if (args[0].type != CborValue::Array)
        return invalid(s("Invalid request: defineAttributeListId expects a list of names"));
    QStringList names;
    for (const CborValue &n : args[0].items) {
        if (n.type != CborValue::Text)
            return invalid(s("Invalid request: an attribute name that is not a string"));
        names.append(n.text());
    }
    QByteArray out;
    CborWriter(&out).uint(quint64(m_shared.lists.idFor(names)));
    return out;
}

Result<QByteArray> RequestHandler::defineAttributeList(const std::vector<CborValue> &args)
{
    DD_ASSIGN(const qint64 id, intOf(args[0], "the attribute list id"));
    const std::optional<QStringList> names = m_shared.lists.namesOf(id);
    if (!names)
        return invalid(s("Unknown attribute list id %1 (the server restarted since the client defined it?)").arg(id));
    QByteArray out;
    CborWriter w(&out);
    w.arrayHeader(quint64(names->size()));
    for (const QString &n : *names)
        w.text(n);
    return out;
}

Result<RequestHandler::Target> RequestHandler::targetOf(const std::vector<CborValue> &args)
{
    Target t;
    DD_ASSIGN(t.table, nameOf(args[0]));
    DD_ASSIGN(t.schema, schemaOf(t.table));
    DD_ASSIGN(const QByteArray keyBytes, bytesOf(args[1], "the key"));
    DD_ASSIGN(t.key, decodeKey(t.schema, keyBytes));
    return t;
}

Result<QByteArray> RequestHandler::getItem(const std::vector<CborValue> &args)
{
    DD_ASSIGN(const Target target, targetOf(args));
    const KeySchema &schema = target.schema;
    QJsonObject request{{s("TableName"), target.table}, {s("Key"), target.key}};
    QJsonObject names, values;
    ExpressionRenderer renderer(&names, &values);
    std::optional<ExpressionRenderer::Projection> projection;
    if (const CborValue *p = kwarg(args[2], ProjectionExpression)) {
        DD_ASSIGN(const QByteArray bytes, bytesOf(*p, "ProjectionExpression"));
        DD_ASSIGN(projection, renderer.projection(bytes));
        request.insert(s("ProjectionExpression"), projection->text);
        request.insert(s("ExpressionAttributeNames"), names);
    }
    if (const CborValue *c = kwarg(args[2], ConsistentRead))
        request.insert(s("ConsistentRead"), flagOf(*c));
    DD_ASSIGN(const QJsonObject response, call(u"GetItem", request));
    QByteArray out;
    CborWriter w(&out);
    if (!response.contains(s("Item"))) {
        // An empty map, never {0: null}: the client would answer the key as the item.
        w.mapHeader(0);
        return out;
    }
    w.mapHeader(1);
    w.uint(0); // Item
    DD_CHECK(writeItem(w, response.value(s("Item")).toObject(), schema, projection ? &*projection : nullptr));
    return out;
}

Result<QByteArray> RequestHandler::putItem(const std::vector<CborValue> &args)
{
    DD_ASSIGN(const Target target, targetOf(args));
    DD_ASSIGN(const QByteArray valueBytes, bytesOf(args[2], "the item"));
    DD_ASSIGN(QJsonObject item, decodeItemValue(m_shared.lists, valueBytes));
    for (auto it = target.key.constBegin(); it != target.key.constEnd(); ++it)
        item.insert(it.key(), it.value());
    QJsonObject request{{s("TableName"), target.table}, {s("Item"), item}};
    DD_ASSIGN(const QString returnValues, addWriteParameters(&request, args[3]));
    DD_ASSIGN(const QJsonObject response, call(u"PutItem", request));
    return writeResult(response, target.schema, returnValues);
}

Result<QByteArray> RequestHandler::keyedWrite(QStringView operation, const std::vector<CborValue> &args)
{
    DD_ASSIGN(const Target target, targetOf(args));
    QJsonObject request{{s("TableName"), target.table}, {s("Key"), target.key}};
    DD_ASSIGN(const QString returnValues, addWriteParameters(&request, args[2]));
    DD_ASSIGN(const QJsonObject response, call(operation, request));
    return writeResult(response, target.schema, returnValues);
}

} // namespace dd::daxwire
