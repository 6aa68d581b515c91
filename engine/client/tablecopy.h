// copyTable: copies a table from one Client to another: between regions,
// between the embedded engine and any endpoint, from real AWS to a local
// copy and back. What it copies:
// - the definition (CreateTable): key schema, the attribute definitions
//   the keys use, global and local secondary indexes with their
//   projections, billing mode and capacities, the stream specification
//   and the table class; not tags, auto scaling, resource policies, nor
//   the source's KMS key (a key of one account or emulator means nothing
//   to another: the target gets its default encryption);
// - every item, by a parallel Scan (one segment per worker) written with
//   BatchWriteItem, its UnprocessedItems sent again with backoff, as are
//   batches refused for throughput (ProvisionedThroughputExceeded,
//   ThrottlingException, RequestLimitExceeded);
// - the time-to-live setting, once the items are in (set before, the
//   target could delete copied items that the source still holds).
// The copy is not a snapshot: writes to the source while it runs may or
// may not be in it (as with AWS's own Scan-based tools).
// Threads: runs on the calling thread (a background job: never the GUI
// thread) and its own scan workers; `progress` is called from any of them.
#pragma once

#include "client/client.h"

#include <atomic>
#include <functional>
#include <optional>

namespace dd::client {

struct TableCopyOptions {
    QString sourceTable;
    QString targetTable;           // empty: the source's name
    bool createTarget = true;      // create it with the source's definition (an existing table is an error); false: write into an existing one
    bool copyTimeToLive = true;    // enable the source's TTL attribute on the target at the end
    int segments = 4;              // parallel scan segments, one worker each (1..64)
    int activeTimeoutMs = 600000;  // the longest wait for the new table to become ACTIVE
};

struct TableCopyProgress {
    enum class Phase { Creating, Copying, Finishing };
    Phase phase = Phase::Creating;
    qint64 itemsCopied = 0;
    qint64 itemsEstimated = 0;     // the source's ItemCount (AWS updates it about every six hours)
};

struct TableCopyOutcome {
    qint64 itemsCopied = 0;
    bool created = false;          // the target table was created by this copy
    bool cancelled = false;
    std::optional<ApiError> error; // what stopped it, naming the step ("Scan of MyTable: ...")
    bool ok() const { return !error && !cancelled; }
};

TableCopyOutcome copyTable(Client &source, Client &target, const TableCopyOptions &options,
                           const std::function<void(const TableCopyProgress &)> &progress = {},
                           const std::atomic<bool> *cancel = nullptr);

// The CreateTable request that gives `targetName` the definition that
// `description` (a DescribeTable "Table") describes, as copyTable() sends it.
QJsonObject createTableRequestFor(const QJsonObject &description, const QString &targetName);

} // namespace dd::client
