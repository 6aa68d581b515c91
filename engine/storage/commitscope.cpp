#include "storage/commitscope.h"

#include "storage/database.h"

namespace dd::storage {

namespace {
thread_local CommitScope *t_current = nullptr;
}

CommitScope::CommitScope() : m_previous(t_current) { t_current = this; }

CommitScope::~CommitScope()
{
    (void)finish();
    t_current = m_previous;
}

CommitScope *CommitScope::current() { return t_current; }

CommitScope::Detach::Detach() : m_saved(t_current)
{
    if (m_saved)
        (void)m_saved->commitPending();
    t_current = nullptr;
}

CommitScope::Detach::~Detach() { t_current = m_saved; }

std::optional<ApiError> CommitScope::commitPending()
{
    if (m_db) {
        if (auto e = m_db->commitScope(*this); e && !m_error)
            m_error = e;
        m_db = nullptr;
        m_stats.clear();
        if (m_lock.owns_lock())
            m_lock.unlock();
    }
    return m_error;
}

std::optional<ApiError> CommitScope::finish()
{
    auto e = commitPending();
    m_error.reset();
    m_wrote = false;
    return e;
}

} // namespace dd::storage
