// TransactGetItems: up to 100 Get actions across tables, read in one
// snapshot (one Database::read, one SQLite read transaction), so that no
// part of a concurrent transaction is ever seen without the rest. Responses
// follow the request's order; a missing item answers {}.
#include "api/exprparams.h"
#include "api/jsonwriter.h"
#include "api/keys.h"
#include "api/opcontext.h"
#include "insights/record.h"
#include "model/json.h"
#include "model/size.h"
#include "storage/itemstore.h"

#include <QJsonArray>
#include <QSet>

namespace dd::api {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

// "The aggregate size of the items in the transaction cannot exceed 4 MB"
// (API reference, TransactGetItems). 100 Gets at most: the shape's max.
constexpr qint64 kMaxTransactionBytes = 4 * 1024 * 1024;

// Transactional reads cost twice a strongly consistent read (Developer
// Guide, "Capacity management for transactions").
constexpr double kTransactionalFactor = 2.0;

struct Get {
    QString tableName;
    std::shared_ptr<const storage::TableDef> table;
    ParsedExpressions ex;
    ItemKey key;
    std::optional<storage::StoredItem> found;
};

} // namespace

Result<QByteArray> transactGetItems(OpContext &ctx, const QJsonObject &req)
{
    std::vector<Get> gets;
    QSet<QByteArray> targets;
    for (const QJsonValue &v : req.value(p("TransactItems")).toArray()) {
        const QJsonObject params = v.toObject().value(p("Get")).toObject();
        Get g;
        g.tableName = params.value(p("TableName")).toString();
        DD_ASSIGN(g.ex, parseExpressions(params, {p("ProjectionExpression")}, {}));
        DD_ASSIGN(const model::Item keyParam, model::itemFromJson(params.value(p("Key"))));
        DD_ASSIGN(g.table, requireTable(ctx, g.tableName, true));
        DD_ASSIGN(g.key, keyFromKeyParameter(*g.table, keyParam));
        const QByteArray target = g.tableName.toUtf8() + '\0' + g.key.stored.pk + '\0' + g.key.stored.sk;
        if (targets.contains(target))
            return ApiError::validation(p("Transaction request cannot include multiple operations on one item"));
        targets.insert(target);
        gets.push_back(std::move(g));
    }

    auto read = ctx.db.read<bool>([&](storage::Connection &c) -> Result<bool> {
        for (Get &g : gets) {
            DD_ASSIGN(g.found, storage::ItemStore::get(c, *g.table, g.key.stored));
        }
        return true;
    });
    if (!read.ok())
        return read.error();

    qint64 bytes = 0;
    std::vector<std::pair<QString, double>> units; // by table, in order of first appearance
    for (const Get &g : gets) {
        const qint64 size = g.found ? g.found->size : 0;
        bytes += size;
        const double u = kTransactionalFactor * model::readCapacityUnits(size, true);
        insights::recordTable(ctx, *g.table, g.key.attributes, u);
        auto it = std::find_if(units.begin(), units.end(), [&](const auto &e) { return e.first == g.tableName; });
        if (it == units.end())
            units.emplace_back(g.tableName, u);
        else
            it->second += u;
    }
    if (bytes > kMaxTransactionBytes)
        return ApiError::validation(p("Collection size of items exceeded, which can also be caused by the aggregate size of the items in the transaction exceeding the 4MB limit"));

    JsonWriter w;
    w.beginObject();
    w.key(QLatin1StringView("Responses")).beginArray();
    for (const Get &g : gets) {
        w.beginObject();
        if (g.found) {
            if (!g.ex.hasProjection) {
                w.key(QLatin1StringView("Item")).raw(g.found->json);
            } else {
                auto item = model::itemFromStoredJson(g.found->json);
                if (!item)
                    return ApiError::internal(p("A stored item could not be decoded"));
                w.key(QLatin1StringView("Item")).item(expr::project(g.ex.projectionPaths, *item));
            }
        }
        w.endObject();
    }
    w.endArray();
    const QString mode = req.value(p("ReturnConsumedCapacity")).toString(p("NONE"));
    if (mode == p("TOTAL") || mode == p("INDEXES")) {
        w.key(QLatin1StringView("ConsumedCapacity")).beginArray();
        for (const auto &[name, u] : units) {
            w.beginObject();
            w.key(QLatin1StringView("TableName")).string(name);
            w.key(QLatin1StringView("CapacityUnits")).real(u);
            if (mode == p("INDEXES")) {
                w.key(QLatin1StringView("Table")).beginObject();
                w.key(QLatin1StringView("CapacityUnits")).real(u);
                w.endObject();
            }
            w.endObject();
        }
        w.endArray();
    }
    w.endObject();
    return w.take();
}

} // namespace dd::api
