// RequestHandler: one DAX request in, its response out, by way of the
// DynamoDB API. Each data method's arguments become the equivalent
// DynamoDB JSON request (keys and item values decoded with the table's key
// schema and the attribute lists, expressions rendered back to text), which
// goes to Engine::call() with the connection's context (its daxCluster
// names the cluster this port serves, so the cluster's caches answer); the
// JSON answer, or the ApiError, is encoded in the exact shapes the DAX
// clients read (Assembler.js, CustomAssemblers.js). Nothing of DynamoDB's
// semantics is decided here.
//
// ConsumedCapacity and ItemCollectionMetrics are never sent (the clients
// fill in zero capacity when asked for it).
// Threads: one handler per connection; the shared parts are thread-safe.
#pragma once

#include "api/engine.h"
#include "daxwire/attributelists.h"
#include "daxwire/cbor.h"
#include "daxwire/expressionrenderer.h"
#include "daxwire/keyschemas.h"

#include <memory>
#include <vector>

namespace dd::security {
class Credentials;
struct Principal;
} // namespace dd::security

namespace dd::daxwire {

class RequestHandler {
public:
    // What every connection of a server shares; not owned.
    struct Shared {
        api::Engine &engine;
        AttributeLists &lists;
        KeySchemas &schemas;
        const security::Credentials *credentials = nullptr; // the users authorizeConnection is checked against; null: anyone
    };

    RequestHandler(Shared shared, api::RequestContext context) : m_shared(shared), m_context(std::move(context)) {}

    // Answers data or control method `method` (any but authorizeConnection
    // and endpoints, which concern the connection) with `args` as received:
    // appends 0x80 and the method's result items, or an error's three items.
    void handle(qint64 method, const std::vector<CborValue> &args, QByteArray *out);

    const api::RequestContext &context() const { return m_context; }
    void setAccessKeyId(const QString &id) { m_context.accessKeyId = id; }
    // The user the connection authorized as (its policy authorizes each call); null: none.
    void setPrincipal(std::shared_ptr<const security::Principal> p) { m_context.principal = std::move(p); }

private:
    // The method's result items, without the leading 0x80.
    Result<QByteArray> dispatch(qint64 method, const std::vector<CborValue> &args);

    Result<QByteArray> defineKeySchema(const std::vector<CborValue> &args);
    Result<QByteArray> defineAttributeListId(const std::vector<CborValue> &args);
    Result<QByteArray> defineAttributeList(const std::vector<CborValue> &args);
    // The table, its key schema and the key named by a single-item method's
    // first two arguments (table name, key bytes).
    struct Target {
        QString table;
        KeySchema schema;
        QJsonObject key;
    };
    Result<Target> targetOf(const std::vector<CborValue> &args);
    Result<QByteArray> getItem(const std::vector<CborValue> &args);
    Result<QByteArray> putItem(const std::vector<CborValue> &args);
    // DeleteItem and UpdateItem: a key and the write's parameters (kwargs).
    Result<QByteArray> keyedWrite(QStringView operation, const std::vector<CborValue> &args);
    Result<QByteArray> queryOrScan(bool query, const std::vector<CborValue> &args);
    Result<QByteArray> batchGetItem(const std::vector<CborValue> &args);
    Result<QByteArray> batchWriteItem(const std::vector<CborValue> &args);
    Result<QByteArray> transactGetItems(const std::vector<CborValue> &args);
    Result<QByteArray> transactWriteItems(const std::vector<CborValue> &args);

    // The engine's JSON answer to `request`.
    Result<QJsonObject> call(QStringView operation, const QJsonObject &request);
    Result<KeySchema> schemaOf(const QString &table);
    // Writes an item the engine returned: the ordinal map of `projection`'s
    // paths when there is one, else the item value of its non-key attributes.
    Result<void> writeItem(CborWriter &w, const QJsonObject &item, const KeySchema &schema,
                           const ExpressionRenderer::Projection *projection);
    // A write's Attributes (key 2 of the result map) as ReturnValues asked.
    Result<QByteArray> writeResult(const QJsonObject &response, const KeySchema &schema, const QString &returnValues);
    // Sets a write's ConditionExpression, UpdateExpression and ReturnValues
    // from its kwargs; returns ReturnValues ("NONE" when not given).
    Result<QString> addWriteParameters(QJsonObject *request, const CborValue &kwargs);

    Shared m_shared;
    api::RequestContext m_context;
    QByteArray m_cancellationReasons; // the 4th element of a TransactionCanceledException's details
};

} // namespace dd::daxwire
