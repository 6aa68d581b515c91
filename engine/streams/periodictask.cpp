#include "streams/periodictask.h"

#include <pthread.h>

namespace dd::streams {

PeriodicTask::PeriodicTask(const char *name, std::chrono::milliseconds interval, std::function<void()> fn)
    : m_interval(interval), m_fn(std::move(fn)), m_name(name)
{
    m_thread = std::thread([this] { loop(); });
}

PeriodicTask::~PeriodicTask()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void PeriodicTask::loop()
{
    pthread_setname_np(pthread_self(), m_name.substr(0, 15).c_str());
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_wake.wait_for(lock, m_interval, [this] { return m_stopping; }))
            return;
        lock.unlock();
        m_fn();
        lock.lock();
    }
}

} // namespace dd::streams
