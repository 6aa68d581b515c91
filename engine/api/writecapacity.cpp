#include "api/writecapacity.h"

#include "api/opcontext.h"
#include "model/size.h"

#include <cmath>

namespace dd::api {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

double indexUnits(const storage::IndexWrite &iw)
{
    if (iw.oldSize >= 0 && iw.newSize >= 0 && iw.inPlace)
        return model::writeCapacityUnits(std::max(iw.oldSize, iw.newSize));
    double units = 0;
    if (iw.oldSize >= 0)
        units += model::writeCapacityUnits(iw.oldSize);
    if (iw.newSize >= 0)
        units += model::writeCapacityUnits(iw.newSize);
    return units;
}

} // namespace

void WriteCapacity::add(double tableUnits, const storage::WriteEffects &fx, double indexFactor)
{
    table += tableUnits;
    for (const storage::IndexWrite &iw : fx.indexes) {
        auto it = std::find_if(indexes.begin(), indexes.end(), [&](const Index &i) { return i.name == iw.index->name; });
        if (it == indexes.end())
            it = indexes.insert(indexes.end(), Index{iw.index->name, iw.index->global, 0});
        it->units += indexFactor * indexUnits(iw);
    }
}

double WriteCapacity::total() const
{
    double t = table;
    for (const Index &i : indexes)
        t += i.units;
    return t;
}

void WriteCapacity::write(JsonWriter &w, const QString &mode, const QString &tableName) const
{
    w.beginObject();
    w.key(QLatin1StringView("TableName")).string(tableName);
    w.key(QLatin1StringView("CapacityUnits")).real(total());
    if (mode == p("INDEXES")) {
        w.key(QLatin1StringView("Table")).beginObject();
        w.key(QLatin1StringView("CapacityUnits")).real(table);
        w.endObject();
        for (const bool global : {true, false}) {
            bool any = false;
            for (const Index &i : indexes) {
                if (i.global != global)
                    continue;
                if (!any)
                    w.key(global ? QLatin1StringView("GlobalSecondaryIndexes") : QLatin1StringView("LocalSecondaryIndexes")).beginObject();
                any = true;
                w.key(i.name).beginObject();
                w.key(QLatin1StringView("CapacityUnits")).real(i.units);
                w.endObject();
            }
            if (any)
                w.endObject();
        }
    }
    w.endObject();
}

storage::WriteEffects writeEffects(const OpContext &ctx)
{
    storage::WriteEffects fx;
    fx.itemCollectionLimit = ctx.options.itemCollectionLimitBytes;
    return fx;
}

void writeConsumedCapacity(JsonWriter &w, const QJsonObject &req, const QString &tableName, const WriteCapacity &capacity)
{
    const QString mode = req.value(p("ReturnConsumedCapacity")).toString(p("NONE"));
    if (mode == p("NONE"))
        return;
    w.key(QLatin1StringView("ConsumedCapacity"));
    capacity.write(w, mode, tableName);
}

void writeConsumedCapacity(JsonWriter &w, const QJsonObject &req, const QString &tableName, double tableUnits,
                           const storage::WriteEffects &fx)
{
    WriteCapacity capacity;
    capacity.add(tableUnits, fx);
    writeConsumedCapacity(w, req, tableName, capacity);
}

void writeItemCollectionMetricsObject(JsonWriter &w, const storage::TableDef &table, const model::Item &key, qint64 bytes)
{
    model::Item collectionKey;
    if (auto it = key.find(table.keys.hash.name); it != key.end())
        collectionKey.emplace(it->first, it->second);
    // AWS reports a range of whole gigabytes around the estimate.
    const double gb = double(bytes) / (1024.0 * 1024.0 * 1024.0);
    const double lower = std::floor(gb);
    w.beginObject();
    w.key(QLatin1StringView("ItemCollectionKey")).item(collectionKey);
    w.key(QLatin1StringView("SizeEstimateRangeGB")).beginArray();
    w.real(lower).real(lower + 1.0);
    w.endArray();
    w.endObject();
}

void writeItemCollectionMetrics(JsonWriter &w, const QJsonObject &req, const storage::TableDef &table, const model::Item &key,
                                const storage::WriteEffects &fx)
{
    if (req.value(p("ReturnItemCollectionMetrics")).toString() != p("SIZE") || !fx.itemCollectionBytes)
        return;
    w.key(QLatin1StringView("ItemCollectionMetrics"));
    writeItemCollectionMetricsObject(w, table, key, *fx.itemCollectionBytes);
}

} // namespace dd::api
