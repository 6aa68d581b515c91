#include "migration/tablecopyjob.h"

#include "connections/connection.h"

#include <QtConcurrent>

#include <mutex>

namespace dd::ui {

struct TableCopyJob::Relay {
    std::mutex mutex;
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
    // From the copy's threads: keep the report and queue one delivery;
    // later reports only replace it until the GUI thread takes it. `this`
    // outlives the copy (stop() waits), and Qt drops a queued call to a
    // deleted object.
    auto report = [this, relay = m_relay](const client::TableCopyProgress &progress) {
        std::lock_guard lock(relay->mutex);
        relay->latest = progress;
        if (relay->posted)
            return;
        relay->posted = true;
        QMetaObject::invokeMethod(this, [this, relay] { deliver(relay); }, Qt::QueuedConnection);
    };
    client::Client *from = &source->client();
    client::Client *to = &target->client();
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
    m_watcher.waitForFinished();
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
