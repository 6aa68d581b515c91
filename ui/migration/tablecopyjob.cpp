#include "migration/tablecopyjob.h"

#include "connections/connection.h"

#include <QtConcurrent>

#include <mutex>

namespace dd::ui {

struct TableCopyJob::Relay {
    std::mutex mutex;
    TableCopyJob *owner = nullptr;    // null once stopped; guarded by mutex
    client::TableCopyProgress latest; // guarded by mutex
    bool posted = false;              // a delivery is queued or held back; guarded by mutex
};

TableCopyJob::TableCopyJob(QObject *parent) : QObject(parent)
{
    m_throttle.setSingleShot(true);
    connect(&m_throttle, &QTimer::timeout, this, [this] { deliver(m_relay); });
    connect(&m_watcher, &QFutureWatcher<client::TableCopyOutcome>::finished, this, &TableCopyJob::onFinished);
}

TableCopyJob::~TableCopyJob()
{
    stop();
}

bool TableCopyJob::start(Connection *source, Connection *target, const client::TableCopyOptions &options)
{
    if (m_running)
        return false;
    m_running = true;
    m_cancel = newCancelFlag();
    m_relay = std::make_shared<Relay>();
    m_lastDelivery.invalidate();
    m_clock.start();
    m_relay->owner = this;
    // From the copy's threads: keep the report and queue one delivery;
    // later reports only replace it until the GUI thread takes it. stop()
    // clears the owner under the mutex, so a report never reaches a
    // destroyed job, and Qt drops a call queued to a deleted object.
    auto report = [relay = m_relay](const client::TableCopyProgress &progress) {
        std::lock_guard lock(relay->mutex);
        if (!relay->owner)
            return;
        relay->latest = progress;
        if (relay->posted)
            return;
        relay->posted = true;
        TableCopyJob *owner = relay->owner;
        QMetaObject::invokeMethod(owner, [owner, relay] { owner->deliver(relay); }, Qt::QueuedConnection);
    };
    // The copy holds both clients: it may end after the job and either
    // Connection have gone.
    std::shared_ptr<client::Client> from = source->sharedClient();
    std::shared_ptr<client::Client> to = target->sharedClient();
    m_watcher.setFuture(QtConcurrent::run(source->pool(), [from, to, options, report, cancel = m_cancel] {
        return client::copyTable(*from, *to, options, report, cancel.get());
    }));
    return true;
}

void TableCopyJob::cancel()
{
    if (m_running)
        m_cancel->store(true);
}

void TableCopyJob::stop()
{
    if (!m_running)
        return;
    m_cancel->store(true);
    {
        std::lock_guard lock(m_relay->mutex);
        m_relay->owner = nullptr;
    }
    m_throttle.stop();
    m_relay.reset();
    m_running = false;
}

void TableCopyJob::deliver(const std::shared_ptr<Relay> &relay)
{
    if (!relay || relay != m_relay)
        return; // of a copy that has ended
    if (m_lastDelivery.isValid() && m_lastDelivery.elapsed() < kProgressIntervalMs) {
        if (!m_throttle.isActive())
            m_throttle.start(int(kProgressIntervalMs - m_lastDelivery.elapsed()));
        return;
    }
    client::TableCopyProgress progress;
    {
        std::lock_guard lock(relay->mutex);
        progress = relay->latest;
        relay->posted = false;
    }
    m_lastDelivery.start();
    emit progressed(progress);
}

void TableCopyJob::onFinished()
{
    if (!m_running)
        return; // stopped: its owner asked for no word
    const client::TableCopyOutcome outcome = m_watcher.result();
    const qint64 elapsed = m_clock.elapsed();
    m_throttle.stop();
    m_relay.reset();
    m_running = false;
    emit finished(outcome, elapsed);
}

} // namespace dd::ui
