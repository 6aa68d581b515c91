// TtlSweeper: deletes expired items of the tables whose TTL is enabled. An
// item is expired when its TTL attribute is a Number of epoch seconds less
// than now, but not more than five years less (Developer Guide, "Time to
// Live": such items are not deleted). Each deletion goes through
// storage::applyDelete, so indexes, streams and PITR see it, and is marked
// ChangeOrigin::TimeToLive, so that its stream record carries userIdentity.
// Reads a page of items at a time and deletes each page's expired items in
// one write transaction, re-reading each item there, so that an item
// rewritten since the read is not deleted.
// Threads: call from one thread at a time per database (the Engine's background thread).
#pragma once

#include "model/result.h"
#include "storage/database.h"

namespace dd::ttl {

class TtlSweeper {
public:
    // AWS leaves alone items whose expiry is more than five years past.
    static constexpr qint64 kMaxPastSeconds = 5LL * 365 * 24 * 3600;
    // Items read per read transaction.
    static constexpr int kPageRows = 1000;

    // One pass over every TTL-enabled table of `db` at nowMs. Returns the number of items deleted.
    static Result<qint64> sweep(storage::Database &db, qint64 nowMs);
};

} // namespace dd::ttl
