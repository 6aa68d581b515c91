// Clock: the engine's only source of time, so that TTL, stream retention,
// idempotency windows and PITR can be tested at fixed times.
#pragma once

#include <QtGlobal>
#include <atomic>

namespace dd {

class Clock {
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0; // milliseconds since the Unix epoch
    static Clock *system();            // the wall clock; never null, never freed
};

// A clock that tests set by hand. Thread-safe.
class ManualClock : public Clock {
public:
    explicit ManualClock(qint64 startMs) : m_now(startMs) {}
    qint64 nowMs() const override { return m_now.load(); }
    void setMs(qint64 ms) { m_now.store(ms); }
    void advanceMs(qint64 ms) { m_now.fetch_add(ms); }

private:
    std::atomic<qint64> m_now;
};

} // namespace dd
