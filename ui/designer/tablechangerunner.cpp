#include "designer/tablechangerunner.h"

#include "common/watchers.h"
#include "connections/connection.h"

#include <QJsonArray>
#include <QPromise>
#include <QThread>
#include <QtConcurrent>

namespace dd::ui {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

constexpr int kPollMs = 200;                 // between DescribeTable calls while waiting
constexpr int kMaxWaitMs = 30 * 60 * 1000;   // a GSI backfill on AWS can take long; give up after this

bool allActive(const QJsonObject &table)
{
    if (table.value(p("TableStatus")).toString() != p("ACTIVE"))
        return false;
    for (const QJsonValue &v : table.value(p("GlobalSecondaryIndexes")).toArray())
        if (v.toObject().value(p("IndexStatus")).toString() != p("ACTIVE"))
            return false;
    return true;
}

void runChange(QPromise<client::ApiResponse> &promise, Connection *connection, const TableChange &change, const QString &table,
               const CancelFlag &stop)
{
    client::ApiResponse r = connection->callSync(change.operation, change.request);
    if (r.ok() && change.waitUntilActive) {
        for (int waited = 0; waited < kMaxWaitMs && !promise.isCanceled() && !isSet(stop); waited += kPollMs) {
            const auto d = connection->callSync(p("DescribeTable"), QJsonObject{{p("TableName"), table}});
            if (!d.ok() || allActive(d.body.value(p("Table")).toObject()))
                break;
            QThread::msleep(kPollMs);
        }
    }
    promise.addResult(r);
}

} // namespace

TableChangeRunner::TableChangeRunner(Connection *connection, QObject *parent) : QObject(parent), m_connection(connection)
{
    connect(&m_watcher, &QFutureWatcher<client::ApiResponse>::finished, this, &TableChangeRunner::onStepFinished);
}

TableChangeRunner::~TableChangeRunner()
{
    stopWatcher(m_watcher);
}

void TableChangeRunner::start(const QList<TableChange> &changes, const QString &table)
{
    if (m_running)
        return;
    m_changes = changes;
    m_table = table;
    m_step = -1;
    m_failures = 0;
    m_failedFields.clear();
    m_skipped = 0;
    m_stop = std::make_shared<std::atomic<bool>>(false);
    m_running = true;
    next();
}

void TableChangeRunner::stop()
{
    if (m_running)
        m_stop->store(true, std::memory_order_relaxed);
}

void TableChangeRunner::next()
{
    // Stopping ends the run between fields: a field's calls (a stream's or
    // TTL's disable, then its enable) are made together, or not at all.
    const bool fieldGoesOn = m_step >= 0 && m_step + 1 < m_changes.size() && !m_failedFields.contains(m_changes[m_step].field)
                             && m_changes[m_step + 1].field == m_changes[m_step].field;
    if (isSet(m_stop) && !fieldGoesOn) {
        m_skipped = int(m_changes.size()) - (m_step + 1);
        m_running = false;
        emit finished(m_failures);
        return;
    }
    while (++m_step < m_changes.size()) {
        if (!m_failedFields.contains(m_changes[m_step].field))
            break;
    }
    if (m_step >= m_changes.size()) {
        m_running = false;
        emit finished(m_failures);
        return;
    }
    const TableChange &change = m_changes[m_step];
    emit stepStarted(m_step, int(m_changes.size()), change.description);
    m_watcher.setFuture(QtConcurrent::run(m_connection->pool(), runChange, m_connection, change, m_table, m_stop));
}

void TableChangeRunner::onStepFinished()
{
    if (m_watcher.future().resultCount() == 0) { // cancelled
        m_running = false;
        emit finished(++m_failures);
        return;
    }
    const client::ApiResponse r = m_watcher.result();
    if (!r.ok()) {
        const TableChange &change = m_changes[m_step];
        ++m_failures;
        m_failedFields << change.field;
        emit stepFailed(m_step, change.field, r.error->message());
        if (change.required) {
            m_running = false;
            emit finished(m_failures);
            return;
        }
    }
    next();
}

} // namespace dd::ui
