#include "backup/restorepreview.h"

#include "api/keys.h"
#include "backup/canonicalkey.h"
#include "model/json.h"
#include "storage/itemscan.h"

#include <QJsonDocument>

#include <algorithm>
#include <tuple>

namespace dd::backup {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

struct ThenEntry {
    storage::StoredKey key;
    ItemMap::const_iterator it; // canonical key -> item JSON
};

// Scan order: partition hash, then the encoded keys bytewise (SQLite's BLOB order).
int compareKeys(const storage::StoredKey &a, const storage::StoredKey &b)
{
    if (a.hash != b.hash)
        return a.hash < b.hash ? -1 : 1;
    if (const int c = a.pk.compare(b.pk))
        return c;
    return a.sk.compare(b.sk);
}

QJsonObject object(const QByteArray &json) { return QJsonDocument::fromJson(json).object(); }

} // namespace

Result<RestorePreview> RestorePreview::compute(storage::Database &db, const storage::TableDef &keys, const storage::TableDef *now,
                                               const ItemMap &then, int limit)
{
    std::vector<ThenEntry> sorted;
    sorted.reserve(then.size());
    for (auto it = then.begin(); it != then.end(); ++it) {
        auto key = model::itemFromStoredJson(it->first);
        if (!key)
            return ApiError::internal(QStringLiteral("A restored key is not valid DynamoDB JSON"));
        auto encoded = api::keyFromKeyParameter(keys, *key);
        if (!encoded.ok())
            return ApiError::internal(QStringLiteral("A restored key does not match the table's key schema: %1").arg(encoded.error().message()));
        sorted.push_back({std::move(encoded->stored), it});
    }
    std::sort(sorted.begin(), sorted.end(), [](const ThenEntry &a, const ThenEntry &b) { return compareKeys(a.key, b.key) < 0; });

    RestorePreview out;
    out.itemCount = qint64(sorted.size());
    for (size_t i = 0; i < sorted.size() && out.items.size() < limit; ++i)
        out.items.append(object(sorted[i].it->second));

    auto differ = [&](const QByteArray &canonical, const QByteArray *thenItem, const QByteArray *nowItem) {
        ++out.differenceCount;
        if (out.differences.size() >= limit)
            return;
        QJsonObject d{{p("Key"), object(canonical)}};
        if (thenItem)
            d.insert(p("Then"), object(*thenItem));
        if (nowItem)
            d.insert(p("Now"), object(*nowItem));
        out.differences.append(d);
    };
    if (!now) {
        for (const ThenEntry &e : sorted)
            differ(e.it->first, &e.it->second, nullptr);
        return out;
    }
    const CanonicalKey canonicalNow(now->description);
    DD_CHECK(db.read<void>([&](storage::Connection &c) -> Result<void> {
        DD_ASSIGN(storage::ItemScan scan, storage::ItemScan::hashRange(c, *now, storage::HashRange{}));
        storage::StoredRow row;
        DD_ASSIGN(bool more, scan.next(row));
        size_t i = 0;
        while (i < sorted.size() || more) {
            const int cmp = !more ? -1 : i == sorted.size() ? 1 : compareKeys(sorted[i].key, row.key);
            if (cmp < 0) {
                differ(sorted[i].it->first, &sorted[i].it->second, nullptr);
                ++i;
                continue;
            }
            // Stored items are canonical (model::writeItemJson: members in
            // order, numbers canonical), so equal bytes is equal items.
            if (cmp > 0)
                differ(canonicalNow.of(row.item.json), nullptr, &row.item.json);
            else if (sorted[i].it->second != row.item.json)
                differ(sorted[i].it->first, &sorted[i].it->second, &row.item.json);
            if (cmp == 0)
                ++i;
            DD_ASSIGN(more, scan.next(row));
        }
        return {};
    }));
    return out;
}

} // namespace dd::backup
