#include "triggers/batchdelivery.h"

#include <algorithm>
#include <deque>

namespace dd::triggers {

bool BatchDelivery::run(qsizetype size, int maximumRetryAttempts, bool bisect, const Hooks &hooks)
{
    if (size <= 0)
        return true;
    std::deque<Range> pending{Range{0, size, 0, 0}};
    while (!pending.empty()) {
        Range &r = pending.front();
        const Invocation result = hooks.invoke(r);
        ++r.invokes;
        if (result.cancelled)
            return false;
        if (result.ok) {
            hooks.delivered(r);
            pending.pop_front();
            continue;
        }
        if (bisect && r.count > 1) {
            const qsizetype half = r.count / 2;
            const Range first{r.first, half, r.retries, 0};
            const Range second{r.first + half, r.count - half, r.retries, 0};
            pending.pop_front();
            pending.push_front(second);
            pending.push_front(first);
            continue;
        }
        if (maximumRetryAttempts >= 0 && r.retries >= maximumRetryAttempts) {
            hooks.exhausted(r, result);
            pending.pop_front();
            continue;
        }
        ++r.retries;
        if (!hooks.backoff(r.retries))
            return false;
    }
    return true;
}

int BatchDelivery::backoffMs(int retry)
{
    return int(std::min<qint64>(5000, 100LL << std::clamp(retry - 1, 0, 10)));
}

} // namespace dd::triggers
