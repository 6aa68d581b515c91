// Single-item operations: PutItem, GetItem, DeleteItem, UpdateItem.
// Writes run in one SQLite transaction each, with their change-log record;
// their checks all come before their first change, so that they need no
// savepoint when they share a transaction (storage::WriteFailure). GetItem splices the stored item into the response without re-encoding it.
#include "api/exprparams.h"
#include "api/fastrequest.h"
#include "api/jsonwriter.h"
#include "api/keys.h"
#include "api/opcontext.h"
#include "api/writecapacity.h"
#include "cache/cluster.h"
#include "insights/record.h"
#include "model/json.h"
#include "model/limits.h"
#include "model/size.h"
#include "storage/itemstore.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstring>

namespace dd::api {

namespace {

using storage::StoredItem;

QString p(const char *s) { return QString::fromLatin1(s); }

Result<model::Item> loadItem(const StoredItem &stored)
{
    auto item = model::itemFromStoredJson(stored.json);
    if (!item)
        return ApiError::internal(QStringLiteral("A stored item could not be decoded"));
    return std::move(*item);
}

// Appends "ConsumedCapacity" as AWS shapes it for TOTAL and INDEXES
// (`mode` is ReturnConsumedCapacity; empty means NONE).
void writeConsumed(JsonWriter &w, QStringView mode, const QString &table, double units)
{
    if (mode.isEmpty() || mode == u"NONE")
        return;
    w.key(QLatin1StringView("ConsumedCapacity")).beginObject();
    w.key(QLatin1StringView("TableName")).string(table);
    w.key(QLatin1StringView("CapacityUnits")).real(units);
    if (mode == u"INDEXES") {
        w.key(QLatin1StringView("Table")).beginObject();
        w.key(QLatin1StringView("CapacityUnits")).real(units);
        w.endObject();
    }
    w.endObject();
}

ApiError conditionFailed(const QJsonObject &req, const std::optional<StoredItem> &old)
{
    ApiError e = ApiError::conditionalCheckFailed();
    if (old && req.value(p("ReturnValuesOnConditionCheckFailure")).toString() == p("ALL_OLD"))
        e.withExtra(p("Item"), QJsonDocument::fromJson(old->json).object());
    return e;
}

// The table again, inside the write lock: it may have been deleted meanwhile.
Result<std::shared_ptr<const storage::TableDef>> tableForWrite(OpContext &ctx, const QString &name)
{
    return requireTable(ctx, name, true);
}

Result<void> checkConditionOn(const ParsedExpressions &ex, const model::Item &item, const QJsonObject &req,
                              const std::optional<StoredItem> &old)
{
    if (!ex.condition)
        return {};
    DD_ASSIGN(const bool pass, expr::evaluate(*ex.condition, item));
    if (!pass)
        return conditionFailed(req, old);
    return {};
}

// The item at `key` as it is now (nullopt if absent), once the request's
// condition holds for it; ConditionalCheckFailedException otherwise.
Result<std::optional<StoredItem>> currentItemIfConditionHolds(storage::WriteTxn &txn, const storage::TableDef &table,
                                                              const ItemKey &key, const ParsedExpressions &ex,
                                                              const QJsonObject &req)
{
    DD_ASSIGN(std::optional<StoredItem> old, storage::ItemStore::get(txn.conn, table, key.stored));
    if (ex.condition) {
        model::Item oldItem;
        if (old) {
            DD_ASSIGN(oldItem, loadItem(*old));
        }
        DD_CHECK(checkConditionOn(ex, oldItem, req, old));
    }
    return old;
}

} // namespace

namespace {

// PutItem once its parameters are read (by either path); `req` gives the
// Return* options and ReturnValuesOnConditionCheckFailure.
Result<QByteArray> runPutItem(OpContext &ctx, const QString &name, const model::Item &item, const QString &returnValues,
                              const ParsedExpressions &ex, const QJsonObject &req)
{
    DD_ASSIGN(auto table, requireTable(ctx, name, true));
    DD_ASSIGN(ItemKey key, keyFromItem(*table, item));
    const qint64 size = model::itemSize(item);
    if (size > model::kMaxItemSizeBytes)
        return ApiError::validation(p("Item size has exceeded the maximum allowed size"));
    const StoredItem stored{size, model::itemToJsonBytes(item)};
    const QByteArray keysJson = model::itemToJsonBytes(key.attributes);

    std::optional<StoredItem> old;
    storage::WriteEffects fx = writeEffects(ctx);
    auto written = ctx.db.write<bool>([&](storage::WriteTxn &txn) -> Result<bool> {
        DD_ASSIGN(table, tableForWrite(ctx, name));
        DD_ASSIGN(old, currentItemIfConditionHolds(txn, *table, key, ex, req));
        DD_CHECK(storage::applyPut(txn, *table, key.stored, keysJson, old, stored, &fx));
        return true;
    }, storage::WriteFailure::BeforeChanges);
    if (!written.ok())
        return written.error();
    const double units = model::writeCapacityUnits(std::max(size, old ? old->size : 0));
    insights::recordWrite(ctx, *table, key.attributes, units, fx, &item, old);

    JsonWriter w;
    w.beginObject();
    if (returnValues == p("ALL_OLD") && old)
        w.key(QLatin1StringView("Attributes")).raw(old->json);
    writeConsumedCapacity(w, req, name, units, fx);
    writeItemCollectionMetrics(w, req, *table, key.attributes, fx);
    w.endObject();
    return w.take();
}

} // namespace

Result<QByteArray> putItem(OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("TableName")).toString();
    DD_ASSIGN(model::Item item, model::itemFromJson(req.value(p("Item"))));
    const QString returnValues = req.value(p("ReturnValues")).toString(p("NONE"));
    if (returnValues != p("NONE") && returnValues != p("ALL_OLD"))
        return ApiError::validation(p("ReturnValues can only be ALL_OLD or NONE"));
    DD_ASSIGN(ParsedExpressions ex, parseExpressions(req, {p("ConditionExpression")}, {p("Expected")}));
    return runPutItem(ctx, name, item, returnValues, ex, req);
}

Result<QByteArray> putItem(OpContext &ctx, const PutItemRequest &req)
{
    // The options as the shared code reads them (no Item: that is the costly part).
    QJsonObject options;
    if (!req.returnConsumedCapacity.isEmpty())
        options.insert(p("ReturnConsumedCapacity"), req.returnConsumedCapacity);
    if (!req.returnItemCollectionMetrics.isEmpty())
        options.insert(p("ReturnItemCollectionMetrics"), req.returnItemCollectionMetrics);
    return runPutItem(ctx, req.tableName, req.item, req.returnValues.isEmpty() ? p("NONE") : req.returnValues,
                      ParsedExpressions(), options);
}

namespace {

// GetItem once its parameters are read (by either path).
Result<QByteArray> runGetItem(OpContext &ctx, const QString &name, const model::Item &keyParam, const ParsedExpressions &ex,
                              bool consistent, QStringView capacityMode)
{
    DD_ASSIGN(auto table, requireTable(ctx, name, true));
    DD_ASSIGN(storage::StoredKey key, storedKeyFromKeyParameter(*table, keyParam));

    // One SELECT, on a reader's kept snapshot when nothing was committed
    // since; through a DAX cluster, its item cache first.
    auto readTable = [&] {
        return ctx.db.readSingle<std::optional<StoredItem>>([&](storage::Connection &c) {
            return storage::ItemStore::get(c, *table, key);
        });
    };
    Result<std::optional<StoredItem>> got = std::optional<StoredItem>();
    if (ctx.dax && !consistent) {
        const QByteArray cacheKey = cache::Cluster::itemKey(name, key);
        const qint64 now = ctx.clock->nowMs();
        if (auto hit = ctx.dax->lookupItem(cacheKey, now)) {
            got = std::move(hit->item);
        } else {
            const quint64 ticket = ctx.dax->beginRead(cacheKey);
            got = readTable();
            if (got.ok())
                ctx.dax->storeRead(cacheKey, ticket, *got, now);
        }
    } else {
        got = readTable();
    }
    if (!got.ok())
        return got.error();
    if (table->insights)
        insights::recordTable(ctx, *table, keyParam, model::readCapacityUnits(*got ? (*got)->size : 0, consistent));
    if (*got && !ex.hasProjection && (capacityMode.isEmpty() || capacityMode == u"NONE")) {
        // The commonest answer, {"Item":<the stored item>}, copied in at once.
        static constexpr QByteArrayView head = "{\"Item\":";
        const QByteArray &json = (*got)->json;
        QByteArray out(head.size() + json.size() + 1, Qt::Uninitialized);
        char *p = out.data();
        std::memcpy(p, head.data(), size_t(head.size()));
        std::memcpy(p + head.size(), json.constData(), size_t(json.size()));
        p[head.size() + json.size()] = '}';
        return out;
    }
    // Room for the item and ConsumedCapacity, so that the answer is built in one allocation.
    JsonWriter w(*got ? (*got)->json.size() + 128 : 128);
    w.beginObject();
    if (*got) {
        if (!ex.hasProjection) {
            w.key(QLatin1StringView("Item")).raw((*got)->json);
        } else {
            DD_ASSIGN(model::Item item, loadItem(**got));
            w.key(QLatin1StringView("Item")).item(expr::project(ex.projectionPaths, item));
        }
    }
    writeConsumed(w, capacityMode, name, model::readCapacityUnits(*got ? (*got)->size : 0, consistent));
    w.endObject();
    return w.take();
}

} // namespace

Result<QByteArray> getItem(OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("TableName")).toString();
    DD_ASSIGN(model::Item keyParam, model::itemFromJson(req.value(p("Key"))));
    DD_ASSIGN(ParsedExpressions ex, parseExpressions(req, {p("ProjectionExpression")}, {p("AttributesToGet")}));
    return runGetItem(ctx, name, keyParam, ex, req.value(p("ConsistentRead")).toBool(),
                      req.value(p("ReturnConsumedCapacity")).toString());
}

Result<QByteArray> getItem(OpContext &ctx, const GetItemRequest &req)
{
    return runGetItem(ctx, req.tableName, req.key, ParsedExpressions(), req.consistentRead, req.returnConsumedCapacity);
}

Result<QByteArray> deleteItem(OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("TableName")).toString();
    DD_ASSIGN(model::Item keyParam, model::itemFromJson(req.value(p("Key"))));
    const QString returnValues = req.value(p("ReturnValues")).toString(p("NONE"));
    if (returnValues != p("NONE") && returnValues != p("ALL_OLD"))
        return ApiError::validation(p("ReturnValues can only be ALL_OLD or NONE"));
    DD_ASSIGN(ParsedExpressions ex, parseExpressions(req, {p("ConditionExpression")}, {p("Expected")}));
    DD_ASSIGN(auto table, requireTable(ctx, name, true));
    DD_ASSIGN(ItemKey key, keyFromKeyParameter(*table, keyParam));
    const QByteArray keysJson = model::itemToJsonBytes(key.attributes);

    std::optional<StoredItem> old;
    storage::WriteEffects fx = writeEffects(ctx);
    auto written = ctx.db.write<bool>([&](storage::WriteTxn &txn) -> Result<bool> {
        DD_ASSIGN(table, tableForWrite(ctx, name));
        DD_ASSIGN(old, currentItemIfConditionHolds(txn, *table, key, ex, req));
        if (old)
            DD_CHECK(storage::applyDelete(txn, *table, key.stored, keysJson, *old, &fx));
        return true;
    }, storage::WriteFailure::BeforeChanges);
    if (!written.ok())
        return written.error();
    const double units = model::writeCapacityUnits(old ? old->size : 0);
    insights::recordWrite(ctx, *table, key.attributes, units, fx, nullptr, old);

    JsonWriter w;
    w.beginObject();
    if (returnValues == p("ALL_OLD") && old)
        w.key(QLatin1StringView("Attributes")).raw(old->json);
    writeConsumedCapacity(w, req, name, units, fx);
    writeItemCollectionMetrics(w, req, *table, key.attributes, fx);
    w.endObject();
    return w.take();
}

namespace {

// UpdateItem once its parameters are read (by either path); `req` gives the
// Return* options and ReturnValuesOnConditionCheckFailure.
Result<QByteArray> runUpdateItem(OpContext &ctx, const QString &name, const model::Item &keyParam, const QString &returnValues,
                                 const ParsedExpressions &ex, const QJsonObject &req)
{
    DD_ASSIGN(auto table, requireTable(ctx, name, true));
    DD_ASSIGN(ItemKey key, keyFromKeyParameter(*table, keyParam));
    if (ex.update) {
        for (const expr::Path &path : expr::updatedPaths(*ex.update)) {
            const QString top = std::get<QString>(path.elements.front());
            const bool isKey = top == table->keys.hash.name || (table->keys.range && top == table->keys.range->name);
            if (!isKey)
                continue;
            if (path.elements.size() > 1)
                return ApiError::validation(QStringLiteral("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: %1").arg(top));
            return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Cannot update attribute %1. This attribute is part of the key").arg(top));
        }
    }
    const QByteArray keysJson = model::itemToJsonBytes(key.attributes);

    std::optional<StoredItem> old;
    model::Item oldItem, newItem;
    qint64 newSize = 0;
    storage::WriteEffects fx = writeEffects(ctx);
    auto written = ctx.db.write<bool>([&](storage::WriteTxn &txn) -> Result<bool> {
        DD_ASSIGN(table, tableForWrite(ctx, name));
        DD_ASSIGN(old, storage::ItemStore::get(txn.conn, *table, key.stored));
        oldItem = model::Item();
        if (old) {
            DD_ASSIGN(oldItem, loadItem(*old));
        }
        DD_CHECK(checkConditionOn(ex, oldItem, req, old));
        const model::Item &base = old ? oldItem : key.attributes;
        if (ex.update) {
            DD_ASSIGN(newItem, expr::applyUpdate(*ex.update, base));
        } else {
            newItem = base;
        }
        newSize = model::itemSize(newItem);
        if (newSize > model::kMaxItemSizeBytes)
            return ApiError::validation(p("Item size to update has exceeded the maximum allowed size"));
        DD_CHECK(checkIndexKeyTypes(*table, newItem));
        DD_CHECK(storage::applyPut(txn, *table, key.stored, keysJson, old, {newSize, model::itemToJsonBytes(newItem)}, &fx));
        return true;
    }, storage::WriteFailure::BeforeChanges);
    if (!written.ok())
        return written.error();
    const double units = model::writeCapacityUnits(std::max(newSize, old ? old->size : 0));
    insights::recordWrite(ctx, *table, key.attributes, units, fx, &newItem, old);

    JsonWriter w;
    w.beginObject();
    const std::vector<expr::Path> noPaths;
    const auto &paths = ex.update ? expr::updatedPaths(*ex.update) : noPaths;
    if (returnValues == p("ALL_OLD") && old) {
        w.key(QLatin1StringView("Attributes")).raw(old->json);
    } else if (returnValues == p("ALL_NEW")) {
        w.key(QLatin1StringView("Attributes")).item(newItem);
    } else if (returnValues == p("UPDATED_OLD") || returnValues == p("UPDATED_NEW")) {
        const model::Item part = expr::project(paths, returnValues == p("UPDATED_OLD") ? oldItem : newItem);
        if (!part.empty())
            w.key(QLatin1StringView("Attributes")).item(part);
    }
    writeConsumedCapacity(w, req, name, units, fx);
    writeItemCollectionMetrics(w, req, *table, key.attributes, fx);
    w.endObject();
    return w.take();
}

} // namespace

Result<QByteArray> updateItem(OpContext &ctx, const QJsonObject &req)
{
    const QString name = req.value(p("TableName")).toString();
    DD_ASSIGN(model::Item keyParam, model::itemFromJson(req.value(p("Key"))));
    const QString returnValues = req.value(p("ReturnValues")).toString(p("NONE"));
    DD_ASSIGN(ParsedExpressions ex, parseExpressions(req, {p("UpdateExpression"), p("ConditionExpression")},
                                                     {p("AttributeUpdates"), p("Expected")}));
    return runUpdateItem(ctx, name, keyParam, returnValues, ex, req);
}

Result<QByteArray> updateItem(OpContext &ctx, const UpdateItemRequest &req)
{
    expr::Expressions expressions = expr::Expressions::fromParts(req.names ? &*req.names : nullptr, req.values ? &*req.values : nullptr);
    std::vector<std::pair<QString, QString>> texts{{p("UpdateExpression"), req.updateExpression}};
    if (!req.conditionExpression.isEmpty())
        texts.emplace_back(p("ConditionExpression"), req.conditionExpression);
    DD_ASSIGN(ParsedExpressions ex, parseExpressionTexts(expressions, texts));
    // The options as the shared code reads them.
    QJsonObject options;
    if (!req.returnConsumedCapacity.isEmpty())
        options.insert(p("ReturnConsumedCapacity"), req.returnConsumedCapacity);
    if (!req.returnItemCollectionMetrics.isEmpty())
        options.insert(p("ReturnItemCollectionMetrics"), req.returnItemCollectionMetrics);
    if (!req.returnValuesOnConditionCheckFailure.isEmpty())
        options.insert(p("ReturnValuesOnConditionCheckFailure"), req.returnValuesOnConditionCheckFailure);
    return runUpdateItem(ctx, req.tableName, req.key, req.returnValues.isEmpty() ? p("NONE") : req.returnValues, ex, options);
}

} // namespace dd::api
