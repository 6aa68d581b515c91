// InProcessClient: Client over an api::Engine in this process. Calls run on
// Qt's global thread pool through QtConcurrent.
//
// With a DAX cluster (the constructor's daxCluster, or throughDaxCluster()),
// the item operations a cluster serves (isDaxDataOperation()) carry
// RequestContext::daxCluster and are answered by that cluster's caches;
// every other operation goes to the tables directly, as an application's
// DAX client and DynamoDB client would.
#pragma once

#include "api/engine.h"
#include "client/client.h"

#include <memory>

namespace dd::client {

class InProcessClient : public Client {
public:
    // Shares ownership of the engine; `context` names region and caller.
    // `daxCluster` set: item operations go through that cluster (a
    // context.daxCluster is taken as the same; daxCluster wins). Calls
    // through a cluster that does not exist or is not available fail with
    // the engine's ResourceNotFoundException.
    InProcessClient(std::shared_ptr<api::Engine> engine, api::RequestContext context, QString daxCluster = QString());

    QFuture<ApiResponse> call(const QString &operation, const QJsonObject &request) override;
    ApiResponse callSync(const QString &operation, const QJsonObject &request) override;
    QString region() const override { return m_context.region; }
    QString displayName() const override; // names the DAX cluster, if any
    std::shared_ptr<Client> throughDaxCluster(const QString &cluster) const override;

    const std::shared_ptr<api::Engine> &engine() const { return m_engine; }
    const api::RequestContext &context() const { return m_context; } // its daxCluster is always empty
    const QString &daxCluster() const { return m_daxCluster; }        // empty: no cluster

private:
    std::shared_ptr<api::Engine> m_engine;
    api::RequestContext m_context; // for direct calls (daxCluster empty)
    QString m_daxCluster;          // the cluster of item operations; empty: none
};

} // namespace dd::client
