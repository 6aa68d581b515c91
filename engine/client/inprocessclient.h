// InProcessClient: Client over an api::Engine in this process. Calls run on
// Qt's global thread pool through QtConcurrent.
#pragma once

#include "api/engine.h"
#include "client/client.h"

#include <memory>

namespace dd::client {

class InProcessClient : public Client {
public:
    // Shares ownership of the engine; `context` names region and caller.
    InProcessClient(std::shared_ptr<api::Engine> engine, api::RequestContext context);

    QFuture<ApiResponse> call(const QString &operation, const QJsonObject &request) override;
    ApiResponse callSync(const QString &operation, const QJsonObject &request) override;
    QString region() const override { return m_context.region; }
    QString displayName() const override;

    const std::shared_ptr<api::Engine> &engine() const { return m_engine; }

private:
    std::shared_ptr<api::Engine> m_engine;
    api::RequestContext m_context;
};

} // namespace dd::client
