// ChangeLogPruner: the background pass that keeps the change log small.
// Deletes, in short write transactions so that requests never wait long:
//  - rows older than the stream retention (they are trimmed from every
//    stream; StreamStore::trimmedSeq remembers how far, per table, so that
//    readers of those positions get TrimmedDataAccessException);
//  - rows no stream covers (tables without a stream): a row once outside
//    every stream stays so, since new streams start after the log's end;
//  - the logs of deleted tables that no stream or PITR refers to any more.
// Rows kept for point-in-time recovery (dd_pitr's keep_seq) stay. Before
// deleting it saves the log's end (WriteTxn::saveChangeLogEnd), so that
// sequence numbers never go back.
// It also notes when streams were disabled and forgets streams disabled for
// longer than the retention, as AWS does after 24 hours.
// Threads: call from one thread at a time per database (the Engine's background thread).
#pragma once

#include "model/result.h"
#include "storage/database.h"

namespace dd::streams {

class ChangeLogPruner {
public:
    struct Stats {
        qint64 trimmed = 0;    // rows deleted for age
        qint64 uncovered = 0;  // rows deleted because no stream needs them
    };
    // One pass over `db` at time nowMs with the given retention.
    static Result<Stats> prune(storage::Database &db, qint64 nowMs, qint64 retentionMs);

    // Rows deleted per write transaction.
    static constexpr int kBatchRows = 2000;
};

} // namespace dd::streams
