#include "client/inprocessclient.h"

#include "client/daxrouting.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QtConcurrent>

namespace dd::client {

InProcessClient::InProcessClient(std::shared_ptr<api::Engine> engine, api::RequestContext context, QString daxCluster)
    : m_engine(std::move(engine)), m_context(std::move(context)), m_daxCluster(std::move(daxCluster))
{
    if (m_daxCluster.isEmpty())
        m_daxCluster = m_context.daxCluster;
    m_context.daxCluster.clear();
}

ApiResponse InProcessClient::callSync(const QString &operation, const QJsonObject &request)
{
    QElapsedTimer timer;
    timer.start();
    ApiResponse response;
    const bool throughCluster = !m_daxCluster.isEmpty() && isDaxDataOperation(operation);
    api::RequestContext routed;
    if (throughCluster) {
        routed = m_context;
        routed.daxCluster = m_daxCluster;
    }
    auto result = m_engine->call(throughCluster ? routed : m_context, operation, request);
    if (result.ok())
        response.body = result->isEmpty() ? QJsonObject() : QJsonDocument::fromJson(*result).object();
    else
        response.error = result.error();
    response.latencyMs = double(timer.nsecsElapsed()) / 1e6;
    return response;
}

QFuture<ApiResponse> InProcessClient::call(const QString &operation, const QJsonObject &request)
{
    return QtConcurrent::run([this, operation, request] { return callSync(operation, request); });
}

QString InProcessClient::displayName() const
{
    const auto &o = m_engine->options();
    const QString name = o.inMemory ? QStringLiteral("Embedded (in memory)") : QStringLiteral("Embedded: %1").arg(o.dataDir);
    return m_daxCluster.isEmpty() ? name : QStringLiteral("%1, DAX cluster %2").arg(name, m_daxCluster);
}

std::shared_ptr<Client> InProcessClient::throughDaxCluster(const QString &cluster) const
{
    return std::make_shared<InProcessClient>(m_engine, m_context, cluster);
}

} // namespace dd::client
