// TransactWriteItems: up to 100 Put, Update, Delete and ConditionCheck
// actions across tables, all or nothing. Everything that can be checked
// from the request is checked first (plain ValidationException); then one
// Database::write reads every target item, evaluates every condition and
// update, and either applies all changes through applyPut/applyDelete (so
// the change log and indexes see each one, inside one SQLite transaction)
// or returns TransactionCanceledException with one reason per action and
// rolls back. No two actions may touch one item, so reading all targets
// before writing any is the same as running the actions in order.
//
// ClientRequestToken: the token, a digest of TransactItems and what a replay
// answers with are recorded in the same write (storage/idempotency.h).
//
// ConsumedCapacity: per table, as WriteCapacity counts single-item writes,
// with every write (table and index entries) at twice its units; a replay
// reports the reads it costs, on the table alone.
#include "api/exprparams.h"
#include "api/jsonwriter.h"
#include "api/keys.h"
#include "api/opcontext.h"
#include "api/writecapacity.h"
#include "insights/record.h"
#include "model/json.h"
#include "model/limits.h"
#include "model/size.h"
#include "storage/idempotency.h"
#include "storage/itemstore.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace dd::api {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

// "The aggregate size of the items in the transaction cannot exceed 4 MB"
// (API reference, TransactWriteItems). The 100-action limit is the
// TransactWriteItemList shape's max, checked by ShapeValidator.
constexpr qint64 kMaxTransactionBytes = 4 * 1024 * 1024;

// Transactions read and write every item twice, prepare and commit
// (Developer Guide, "Capacity management for transactions").
constexpr double kTransactionalFactor = 2.0;

enum class Kind { Put, Update, Delete, ConditionCheck };

struct Action {
    Kind kind = Kind::Put;
    QString tableName;
    QJsonObject params;                        // the Put/Update/Delete/ConditionCheck object
    std::shared_ptr<const storage::TableDef> table;
    ParsedExpressions ex;
    ItemKey key;
    QByteArray keysJson;                       // the key attributes, for the change log
    std::optional<storage::StoredItem> item;   // a Put's item
    bool returnOld = false;                    // ReturnValuesOnConditionCheckFailure ALL_OLD
};

// What one action found and will do, inside the write.
struct Outcome {
    std::optional<storage::StoredItem> old;
    std::optional<storage::StoredItem> next;   // the item to store (Put, Update)
    QJsonObject reason;                        // {"Code": "None"} or why it cancels
    double units = 0;                          // capacity of this action
    double replayUnits = 0;                    // capacity of a replay (reads of the item)
};

ApiError validationError(const char *m) { return ApiError::validation(p(m)); }

Result<model::Item> loadItem(const storage::StoredItem &stored)
{
    auto item = model::itemFromStoredJson(stored.json);
    if (!item)
        return ApiError::internal(p("A stored item could not be decoded"));
    return std::move(*item);
}

// The update may not touch the key, as UpdateItem says.
Result<void> checkUpdateKeepsKey(const storage::TableDef &table, const expr::Update &update)
{
    for (const expr::Path &path : expr::updatedPaths(update)) {
        const QString top = std::get<QString>(path.elements.front());
        const bool isKey = top == table.keys.hash.name || (table.keys.range && top == table.keys.range->name);
        if (!isKey)
            continue;
        if (path.elements.size() > 1)
            return ApiError::validation(QStringLiteral("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: %1").arg(top));
        return ApiError::validation(QStringLiteral("One or more parameter values were invalid: Cannot update attribute %1. This attribute is part of the key").arg(top));
    }
    return {};
}

// Parses and checks one TransactWriteItem; `bytes` gains its share of the 4 MB.
Result<Action> parseAction(OpContext &ctx, const QJsonObject &o, qint64 &bytes)
{
    static const std::pair<const char *, Kind> kinds[] = {
        {"Put", Kind::Put}, {"Update", Kind::Update}, {"Delete", Kind::Delete}, {"ConditionCheck", Kind::ConditionCheck}};
    Action a;
    int found = 0;
    for (const auto &[name, kind] : kinds) {
        const QJsonValue v = o.value(p(name));
        if (v.isUndefined() || v.isNull())
            continue;
        ++found;
        a.kind = kind;
        a.params = v.toObject();
    }
    if (found != 1)
        return validationError("TransactItems can only contain one of Check, Put, Update or Delete");
    a.tableName = a.params.value(p("TableName")).toString();
    a.returnOld = a.params.value(p("ReturnValuesOnConditionCheckFailure")).toString() == p("ALL_OLD");

    model::Item item;
    if (a.kind == Kind::Put) {
        DD_ASSIGN(item, model::itemFromJson(a.params.value(p("Item"))));
        const qint64 size = model::itemSize(item);
        if (size > model::kMaxItemSizeBytes)
            return validationError("Item size has exceeded the maximum allowed size");
        bytes += size;
        a.item = storage::StoredItem{size, model::itemToJsonBytes(item)};
    } else {
        DD_ASSIGN(item, model::itemFromJson(a.params.value(p("Key"))));
        bytes += model::itemSize(item);
    }
    if (a.kind == Kind::Update) {
        DD_ASSIGN(a.ex, parseExpressions(a.params, {p("UpdateExpression"), p("ConditionExpression")}, {}));
        // An update brings its values into the item.
        if (a.params.contains(p("ExpressionAttributeValues"))) {
            DD_ASSIGN(const model::Item values, model::itemFromJson(a.params.value(p("ExpressionAttributeValues"))));
            bytes += model::itemSize(values);
        }
    } else {
        DD_ASSIGN(a.ex, parseExpressions(a.params, {p("ConditionExpression")}, {}));
    }
    DD_ASSIGN(a.table, requireTable(ctx, a.tableName, true));
    if (a.kind == Kind::Put) {
        DD_ASSIGN(a.key, keyFromItem(*a.table, item));
    } else {
        DD_ASSIGN(a.key, keyFromKeyParameter(*a.table, item));
    }
    if (a.kind == Kind::Update && a.ex.update)
        DD_CHECK(checkUpdateKeepsKey(*a.table, *a.ex.update));
    a.keysJson = model::itemToJsonBytes(a.key.attributes);
    return a;
}

QJsonObject reasonOf(const char *code, const QString &message = QString())
{
    QJsonObject r{{p("Code"), p(code)}};
    if (!message.isEmpty())
        r.insert(p("Message"), message);
    return r;
}

// The reason for an error of the write path: its type without "Exception"
// ("ItemCollectionSizeLimitExceeded"), and ValidationError for validation.
QJsonObject reasonOf(const ApiError &e)
{
    QString code = e.type();
    if (code == QLatin1String("ValidationException"))
        code = p("ValidationError");
    else if (code.endsWith(QLatin1String("Exception")))
        code.chop(9);
    QJsonObject r{{p("Code"), code}};
    if (!e.message().isEmpty())
        r.insert(p("Message"), e.message());
    return r;
}

// Evaluates one action against the stored item; fills `out` (reason, next item, units).
Result<void> evaluateAction(const Action &a, const storage::TableDef &table, Outcome &out)
{
    out.reason = reasonOf("None");
    model::Item oldItem;
    if (out.old) {
        DD_ASSIGN(oldItem, loadItem(*out.old));
    }
    const qint64 oldSize = out.old ? out.old->size : 0;
    if (a.ex.condition) {
        const Result<bool> pass = expr::evaluate(*a.ex.condition, oldItem);
        if (!pass.ok()) {
            out.reason = reasonOf("ValidationError", pass.error().message());
            return {};
        }
        if (!*pass) {
            out.reason = reasonOf("ConditionalCheckFailed", p("The conditional request failed"));
            if (a.returnOld && out.old)
                out.reason.insert(p("Item"), QJsonDocument::fromJson(out.old->json).object());
            return {};
        }
    }
    switch (a.kind) {
    case Kind::Put:
        out.next = a.item;
        out.units = model::writeCapacityUnits(std::max(oldSize, a.item->size));
        break;
    case Kind::Update: {
        model::Item next = out.old ? oldItem : a.key.attributes;
        if (a.ex.update) {
            Result<model::Item> updated = expr::applyUpdate(*a.ex.update, next);
            if (!updated.ok()) {
                out.reason = reasonOf("ValidationError", updated.error().message());
                return {};
            }
            next = std::move(updated).value();
        }
        const qint64 size = model::itemSize(next);
        if (size > model::kMaxItemSizeBytes) {
            out.reason = reasonOf("ValidationError", p("Item size to update has exceeded the maximum allowed size"));
            return {};
        }
        if (auto indexKeys = checkIndexKeyTypes(table, next); !indexKeys.ok()) {
            out.reason = reasonOf("ValidationError", indexKeys.error().message());
            return {};
        }
        out.next = storage::StoredItem{size, model::itemToJsonBytes(next)};
        out.units = model::writeCapacityUnits(std::max(oldSize, size));
        break;
    }
    case Kind::Delete:
        out.units = model::writeCapacityUnits(oldSize);
        break;
    case Kind::ConditionCheck:
        out.units = model::readCapacityUnits(oldSize, true);
        break;
    }
    out.units *= kTransactionalFactor;
    out.replayUnits = kTransactionalFactor * model::readCapacityUnits(std::max(oldSize, out.next ? out.next->size : 0), true);
    return {};
}

ApiError cancelled(const std::vector<Outcome> &outcomes)
{
    QStringList codes;
    QJsonArray reasons;
    for (const Outcome &o : outcomes) {
        codes << o.reason.value(p("Code")).toString();
        reasons.append(o.reason);
    }
    ApiError e = ApiError::transactionCanceled(
        QStringLiteral("Transaction cancelled, please refer cancellation reasons for specific reasons [%1]").arg(codes.join(QLatin1String(", "))));
    e.withExtra(p("CancellationReasons"), reasons);
    return e;
}

// Units by table, in the order tables first appear; stored as the replay of a token.
using TableUnits = std::vector<std::pair<QString, double>>;
// What the writes consumed, by table in the order tables first appear.
using TableCapacity = std::vector<std::pair<QString, WriteCapacity>>;

WriteCapacity &capacityOf(TableCapacity &capacity, const QString &table)
{
    for (auto &[name, c] : capacity)
        if (name == table)
            return c;
    return capacity.emplace_back(table, WriteCapacity()).second;
}

void addUnits(TableUnits &units, const QString &table, double u)
{
    for (auto &[name, total] : units) {
        if (name == table) {
            total += u;
            return;
        }
    }
    units.emplace_back(table, u);
}

QByteArray encodeUnits(const TableUnits &units)
{
    QJsonArray a;
    for (const auto &[name, u] : units)
        a.append(QJsonArray{name, u});
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

TableCapacity decodeUnits(const QByteArray &json)
{
    TableCapacity capacity;
    for (const QJsonValue &v : QJsonDocument::fromJson(json).array())
        capacityOf(capacity, v.toArray().at(0).toString()).table += v.toArray().at(1).toDouble();
    return capacity;
}

// The request's identity for its token: TransactItems as canonical JSON
// (QJsonObject orders members by name, so the order the client wrote them in
// does not matter, as on AWS). ReturnConsumedCapacity may differ on a replay.
QByteArray requestDigest(const QJsonObject &req)
{
    const QJsonObject identity{{p("TransactItems"), req.value(p("TransactItems"))},
                               {p("ReturnItemCollectionMetrics"), req.value(p("ReturnItemCollectionMetrics"))}};
    return QCryptographicHash::hash(QJsonDocument(identity).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256);
}

void writeConsumed(JsonWriter &w, const QString &mode, const TableCapacity &capacity)
{
    if (mode != p("TOTAL") && mode != p("INDEXES"))
        return;
    w.key(QLatin1StringView("ConsumedCapacity")).beginArray();
    for (const auto &[name, c] : capacity)
        c.write(w, mode, name);
    w.endArray();
}

} // namespace

Result<QByteArray> transactWriteItems(OpContext &ctx, const QJsonObject &req)
{
    const QJsonArray items = req.value(p("TransactItems")).toArray();
    std::vector<Action> actions;
    actions.reserve(size_t(items.size()));
    QSet<QByteArray> targets;
    qint64 bytes = 0;
    for (const QJsonValue &v : items) {
        DD_ASSIGN(Action a, parseAction(ctx, v.toObject(), bytes));
        const QByteArray target = a.tableName.toUtf8() + '\0' + a.key.stored.pk + '\0' + a.key.stored.sk;
        if (targets.contains(target))
            return validationError("Transaction request cannot include multiple operations on one item");
        targets.insert(target);
        actions.push_back(std::move(a));
    }
    if (bytes > kMaxTransactionBytes)
        return validationError("Collection size of items exceeded, which can also be caused by the aggregate size of the items in the transaction exceeding the 4MB limit");

    const QString token = req.value(p("ClientRequestToken")).toString();
    const QByteArray digest = token.isEmpty() ? QByteArray() : requestDigest(req);
    std::vector<Outcome> outcomes;
    TableCapacity capacity;
    std::optional<TableCapacity> replay;
    std::vector<std::shared_ptr<const storage::TableDef>> tables(actions.size());
    std::vector<storage::WriteEffects> effects(actions.size()); // for Contributor Insights once committed
    auto written = ctx.db.write<bool>([&](storage::WriteTxn &txn) -> Result<bool> {
        outcomes.assign(actions.size(), Outcome());
        capacity.clear();
        replay.reset();
        if (!token.isEmpty()) {
            DD_ASSIGN(const auto record, storage::IdempotencyStore::find(txn, token));
            if (record) {
                if (record->requestHash != digest)
                    return ApiError::idempotentParameterMismatch(
                        p("Request parameters do not match the previous request with the same ClientRequestToken"));
                replay = decodeUnits(record->replay);
                return true;
            }
        }
        bool cancel = false;
        for (size_t i = 0; i < actions.size(); ++i) {
            const Action &a = actions[i];
            DD_ASSIGN(tables[i], requireTable(ctx, a.tableName, true)); // it may have gone meanwhile
            DD_ASSIGN(outcomes[i].old, storage::ItemStore::get(txn.conn, *tables[i], a.key.stored));
            DD_CHECK(evaluateAction(a, *tables[i], outcomes[i]));
            cancel |= outcomes[i].reason.value(p("Code")).toString() != p("None");
        }
        if (cancel)
            return cancelled(outcomes);
        TableUnits replayUnits;
        for (size_t i = 0; i < actions.size(); ++i) {
            const Action &a = actions[i];
            const Outcome &o = outcomes[i];
            Result<void> applied;
            storage::WriteEffects fx = writeEffects(ctx);
            if (o.next)
                applied = storage::applyPut(txn, *tables[i], a.key.stored, a.keysJson, o.old, *o.next, &fx);
            else if (a.kind == Kind::Delete && o.old)
                applied = storage::applyDelete(txn, *tables[i], a.key.stored, a.keysJson, *o.old, &fx);
            if (!applied.ok()) {
                // A limit the write path enforces (an item collection over
                // 10 GB) cancels the transaction on this action.
                if (applied.error().isServerError())
                    return applied.error();
                outcomes[i].reason = reasonOf(applied.error());
                return cancelled(outcomes);
            }
            capacityOf(capacity, a.tableName).add(o.units, fx, kTransactionalFactor);
            effects[i] = std::move(fx);
            addUnits(replayUnits, a.tableName, o.replayUnits);
        }
        if (!token.isEmpty())
            DD_CHECK(storage::IdempotencyStore::record(txn, token, digest, encodeUnits(replayUnits)));
        return true;
    });
    if (!written.ok())
        return written.error();
    if (!replay) // a replay writes nothing again
        for (size_t i = 0; i < actions.size(); ++i)
            if (tables[i])
                insights::recordStoredWrite(ctx, *tables[i], actions[i].key.attributes, outcomes[i].units, effects[i],
                                            outcomes[i].next, outcomes[i].old, kTransactionalFactor);

    JsonWriter w;
    w.beginObject();
    writeConsumed(w, req.value(p("ReturnConsumedCapacity")).toString(p("NONE")), replay ? *replay : capacity);
    w.endObject();
    return w.take();
}

} // namespace dd::api
