#include "client/inprocessclient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QtConcurrent>

namespace dd::client {

InProcessClient::InProcessClient(std::shared_ptr<api::Engine> engine, api::RequestContext context)
    : m_engine(std::move(engine)), m_context(std::move(context))
{
}

ApiResponse InProcessClient::callSync(const QString &operation, const QJsonObject &request)
{
    QElapsedTimer timer;
    timer.start();
    ApiResponse response;
    auto result = m_engine->call(m_context, operation, request);
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
    return o.inMemory ? QStringLiteral("Embedded (in memory)") : QStringLiteral("Embedded: %1").arg(o.dataDir);
}

} // namespace dd::client
