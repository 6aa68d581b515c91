#include "ttl/ttlsweeper.h"

#include "model/json.h"
#include "storage/itemscan.h"
#include "streams/streamstore.h"
#include "ttl/ttlconfig.h"

namespace dd::ttl {

namespace {

struct Expiry {
    model::Number now;     // epoch seconds, exact to the millisecond
    model::Number oldest;  // now minus five years
};

// Whether `item` has expired by its attribute `name`.
bool expired(const model::Item &item, const QString &name, const Expiry &e)
{
    const auto it = item.find(name);
    if (it == item.end() || !it->second.is(model::AttrType::N))
        return false;
    const model::Number &at = it->second.asNumber();
    return at < e.now && !(at < e.oldest);
}

struct Candidate {
    storage::StoredKey key;
    QByteArray keysJson;
};

// The expired items of one page starting after `after`; sets `after` to the
// page's last row, or clears it at the end of the table.
Result<std::vector<Candidate>> expiredPage(storage::Database &db, const storage::TableDef &table, const QString &attribute,
                                           const Expiry &e, std::optional<storage::StoredKey> &after)
{
    // A cheap filter before decoding: the stored JSON names the attribute.
    QByteArray needle;
    model::writeJsonString(attribute, needle);
    needle += ':';
    return db.read<std::vector<Candidate>>([&](storage::Connection &c) -> Result<std::vector<Candidate>> {
        storage::HashRange range;
        range.startAfter = after;
        DD_ASSIGN(storage::ItemScan scan, storage::ItemScan::hashRange(c, table, range));
        std::vector<Candidate> out;
        storage::StoredRow row;
        int n = 0;
        after.reset();
        for (;;) {
            DD_ASSIGN(const bool more, scan.next(row));
            if (!more)
                break;
            after = row.key;
            if (row.item.json.contains(needle)) {
                const auto item = model::itemFromStoredJson(row.item.json);
                if (item && expired(*item, attribute, e)) {
                    model::Item keys;
                    keys.emplace(table.keys.hash.name, item->at(table.keys.hash.name));
                    if (table.keys.range)
                        keys.emplace(table.keys.range->name, item->at(table.keys.range->name));
                    out.push_back({row.key, model::itemToJsonBytes(keys)});
                }
            }
            if (++n == TtlSweeper::kPageRows)
                return out;
        }
        after.reset();
        return out;
    });
}

} // namespace

Result<qint64> TtlSweeper::sweep(storage::Database &db, qint64 nowMs)
{
    Expiry e;
    DD_ASSIGN(e.now, model::Number::parse(QStringLiteral("%1.%2").arg(nowMs / 1000).arg(nowMs % 1000, 3, 10, QLatin1Char('0'))));
    DD_ASSIGN(e.oldest, model::Number::parse(QString::number(nowMs / 1000 - kMaxPastSeconds)));
    qint64 deleted = 0;
    for (const QString &name : db.tableNames()) {
        const auto table = db.table(name);
        if (!table)
            continue;
        const TtlConfig config = TtlConfig::fromDescription(table->description);
        if (!config.active(nowMs))
            continue;
        std::optional<storage::StoredKey> after;
        do {
            DD_ASSIGN(const std::vector<Candidate> page, expiredPage(db, *table, config.attributeName, e, after));
            if (page.empty())
                continue;
            DD_ASSIGN(const qint64 n, db.write<qint64>([&](storage::WriteTxn &txn) -> Result<qint64> {
                const auto current = db.table(name);
                if (!current || current->id != table->id)
                    return 0; // dropped or recreated meanwhile
                qint64 n = 0;
                for (const Candidate &cand : page) {
                    DD_ASSIGN(const std::optional<storage::StoredItem> old, storage::ItemStore::get(txn.conn, *current, cand.key));
                    if (!old)
                        continue;
                    const auto item = model::itemFromStoredJson(old->json);
                    if (!item || !expired(*item, config.attributeName, e))
                        continue;
                    DD_CHECK(storage::applyDelete(txn, *current, cand.key, cand.keysJson, *old));
                    streams::StreamStore::markLastChange(txn, streams::ChangeOrigin::TimeToLive);
                    ++n;
                }
                return n;
            }, storage::WriteFailure::Anywhere, storage::WriteFor::Background));
            deleted += n;
        } while (after);
    }
    return deleted;
}

} // namespace dd::ttl
