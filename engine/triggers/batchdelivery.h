// BatchDelivery: the retry discipline of a stream event source mapping,
// applied to one batch of records (Lambda Developer Guide, "Using AWS Lambda
// with Amazon DynamoDB", error handling):
//  - records go out in order; a range is delivered whole or not at all;
//  - a failed range is retried, after a backoff, until it succeeds or has
//    been retried maximumRetryAttempts times (-1: without end); then it is
//    passed to `exhausted` (the on-failure destination) and delivery goes on
//    after it: the only way a record is passed over;
//  - with bisect, a failed range of more than one record is split in two and
//    the halves are delivered in turn; "splitting a batch does not count
//    towards the retry quota", so retries accrue only on what cannot split.
// The caller supplies the invocation and the side effects as hooks, so that
// this logic is tested on its own (tests/engine/triggers/tst_batchdelivery).
// Stateless; run() runs on the caller's thread.
#pragma once

#include "triggers/invocation.h"

#include <QtGlobal>

#include <functional>

namespace dd::triggers {

class BatchDelivery {
public:
    struct Range {
        qsizetype first = 0;  // index of its first record in the batch
        qsizetype count = 0;  // number of records
        int retries = 0;      // retries of this range (or of the ranges it was split from) so far
        int invokes = 0;      // invocations of this exact range so far
    };
    struct Hooks {
        std::function<Invocation(const Range &)> invoke;                   // delivers one range
        std::function<void(const Range &)> delivered;                      // after a success
        std::function<void(const Range &, const Invocation &)> exhausted;  // retries used up: pass the range over
        // Waits before the `retry`-th retry of a range (1-based); false when
        // delivery must stop (paused, settings changed, shutting down).
        std::function<bool(int retry)> backoff;
    };

    // Delivers records [0, size). Returns true when every record was
    // delivered or passed over; false when a backoff asked to stop or an
    // invocation was cancelled (the
    // records after the last `delivered`/`exhausted` range are not done).
    static bool run(qsizetype size, int maximumRetryAttempts, bool bisect, const Hooks &hooks);

    // The wait before the `retry`-th retry: 100 ms, doubling, at most 5 s.
    static int backoffMs(int retry);
};

} // namespace dd::triggers
