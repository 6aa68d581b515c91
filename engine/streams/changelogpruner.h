// ChangeLogPruner: the background pass that keeps the change log small.
// Deletes whole blocks of changes (storage/changelog.h), in short write
// transactions so that requests never wait long:
//  - blocks whose every change is older than the stream retention (they are
//    trimmed from every stream; StreamStore::trimmedSeq remembers how far,
//    per table, so that readers of those positions get
//    TrimmedDataAccessException); a block with a younger change waits for it;
//  - blocks none of whose changes a stream covers (tables without a stream):
//    a change once outside every stream stays so, since new streams start
//    after the log's end; readers of a stream read its range alone, so
//    changes of a kept block outside it are never seen;
//  - the logs of deleted tables that no stream or PITR refers to any more.
// Blocks with changes kept for point-in-time recovery (after dd_pitr's
// keep_seq) stay. Before
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
        qint64 trimmed = 0;    // changes deleted for age
        qint64 uncovered = 0;  // changes deleted because no stream needs them
    };
    // One pass over `db` at time nowMs with the given retention.
    static Result<Stats> prune(storage::Database &db, qint64 nowMs, qint64 retentionMs);

    // Blocks deleted per write transaction.
    static constexpr int kBatchRows = 2000;
};

} // namespace dd::streams
