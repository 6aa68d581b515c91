// PeriodicTask: a thread that runs one function every `interval` of wall
// time until it is destroyed (the TTL sweeper, the change-log pruner). The
// function takes care of its own errors. The interval is wall time even when
// the engine runs on a ManualClock: tests set a short one and move the clock.
// Threads: construct and destroy on one thread; the destructor waits for a
// run in progress to finish.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace dd::streams {

class PeriodicTask {
public:
    // Starts the thread (named `name`, at most 15 characters); the first run is one interval from now.
    PeriodicTask(const char *name, std::chrono::milliseconds interval, std::function<void()> fn);
    ~PeriodicTask();
    PeriodicTask(const PeriodicTask &) = delete;
    PeriodicTask &operator=(const PeriodicTask &) = delete;

private:
    void loop();

    std::chrono::milliseconds m_interval;
    std::function<void()> m_fn;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;  // guarded by m_mutex
    std::string m_name;
    std::thread m_thread;     // last: started once the rest is set
};

} // namespace dd::streams
