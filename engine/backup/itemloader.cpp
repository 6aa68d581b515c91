#include "backup/itemloader.h"

#include "backup/backupcatalog.h"

#include "api/keys.h"
#include "model/json.h"
#include "model/size.h"

#include <QElapsedTimer>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <tuple>

namespace dd::backup {

Result<ItemLoader> ItemLoader::prepare(const storage::TableDef &table, ItemMap items)
{
    ItemLoader loader;
    loader.m_items = std::move(items); // map nodes keep their addresses
    loader.m_rows.reserve(loader.m_items.size());
    for (const auto &[canonical, json] : loader.m_items) {
        auto keys = model::itemFromStoredJson(canonical);
        if (!keys)
            return ApiError::internal(QStringLiteral("A restored key is not valid DynamoDB JSON"));
        DD_ASSIGN(api::ItemKey key, api::keyFromItem(table, *keys));
        loader.m_rows.push_back({std::move(key.stored), model::itemToJsonBytes(key.attributes), &json});
    }
    std::sort(loader.m_rows.begin(), loader.m_rows.end(), [](const Row &a, const Row &b) {
        return std::tie(a.key.hash, a.key.pk, a.key.sk) < std::tie(b.key.hash, b.key.pk, b.key.sk);
    });
    const auto sameKey = [](const Row &a, const Row &b) { return a.key.hash == b.key.hash && a.key.pk == b.key.pk && a.key.sk == b.key.sk; };
    if (std::adjacent_find(loader.m_rows.begin(), loader.m_rows.end(), sameKey) != loader.m_rows.end())
        return ApiError::internal(QStringLiteral("Two restored items have one key"));
    return loader;
}

namespace {

// The DynamoDB size of the item whose stored JSON is `json`; nullopt if it is not valid DynamoDB JSON.
std::optional<qint64> itemSizeOf(const QByteArray &json)
{
    const auto item = model::itemFromStoredJson(json);
    if (!item)
        return std::nullopt;
    return model::itemSize(*item);
}

} // namespace

Result<qint64> ItemLoader::write(storage::Database &db, const QString &tableName, qint64 tableId, const std::atomic<bool> *cancel,
                                 qint64 maxTxnMicros) const
{
    // The helper parses items in row order and publishes how many are
    // ready; -1 when an item is not valid JSON. It stops early when the
    // writer gives up (stop).
    constexpr size_t kPublishEvery = 256;
    std::mutex mutex;
    std::condition_variable ready;
    std::atomic<qint64> parsed{0};
    std::atomic<bool> stop{false};
    std::thread helper([&] {
        idleThreadPriority("dd-restore-parse"); // holds no lock and no read transaction
        for (size_t i = 0; i < m_rows.size() && !stop.load(std::memory_order_relaxed); ++i) {
            const std::optional<qint64> size = itemSizeOf(*m_rows[i].json);
            if (!size) {
                std::lock_guard lock(mutex);
                parsed.store(-1);
                ready.notify_one();
                return;
            }
            m_rows[i].size = *size;
            if ((i + 1) % kPublishEvery == 0 || i + 1 == m_rows.size()) {
                std::lock_guard lock(mutex);
                parsed.store(qint64(i + 1), std::memory_order_release);
                ready.notify_one();
            }
        }
    });
    auto result = [&]() -> Result<qint64> {
        size_t next = 0;
        QElapsedTimer clock;
        while (next < m_rows.size()) {
            if (cancel && cancel->load())
                return ApiError::internal(QStringLiteral("The restore of %1 was interrupted").arg(tableName));
            // Rows below `helped` have their sizes from the helper; up to
            // `available`, the writer parses the rest itself: the helper
            // runs under SCHED_IDLE, and on a machine busy with other work
            // it may not run for a long while.
            size_t available = 0, helped = 0;
            {
                std::unique_lock lock(mutex);
                ready.wait_for(lock, kHelperPatience, [&] { return parsed.load() < 0 || size_t(parsed.load()) > next; });
                if (parsed.load() < 0)
                    return ApiError::internal(QStringLiteral("A restored item is not valid DynamoDB JSON"));
                helped = size_t(parsed.load(std::memory_order_acquire));
                available = helped > next ? helped : std::min(m_rows.size(), next + kPublishEvery);
            }
            QElapsedTimer txnClock;
            txnClock.start();
            DD_CHECK(db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
                auto current = db.table(tableName);
                if (!current || current->id != tableId)
                    return ApiError::resourceNotFound(QStringLiteral("Table %1 was deleted during the restore").arg(tableName));
                clock.start();
                for (int n = 0; next < available; ++n, ++next) {
                    if (n >= kMinTxnItems && (db.writersWaiting() > 0 || clock.nsecsElapsed() >= maxTxnMicros * 1000))
                        break;
                    const Row &r = m_rows[next];
                    const std::optional<qint64> size = next < helped ? r.size : itemSizeOf(*r.json);
                    if (!size)
                        return ApiError::internal(QStringLiteral("A restored item is not valid DynamoDB JSON"));
                    // Nothing else writes the table while it is restored
                    // (TableDef::restoring), and prepare() left one row a key.
                    DD_CHECK(storage::applyPut(txn, *current, r.key, r.keysJson, std::nullopt, storage::StoredItem{*size, *r.json}));
                }
                return {};
            }, storage::WriteFailure::Anywhere, storage::WriteFor::Background));
            if (db.servedRequestsWithin(kRequestsRecently))
                std::this_thread::sleep_for(std::chrono::nanoseconds(qint64(double(txnClock.nsecsElapsed()) * kYieldFactor)));
        }
        return qint64(m_rows.size());
    }();
    stop = true;
    helper.join();
    return result;
}

} // namespace dd::backup
