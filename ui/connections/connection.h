// Connection: one open DynamoDB connection of the app (the embedded engine,
// an endpoint or AWS), seen only through client::Client. Every feature calls
// the API through it so that the status bar hears of every operation
// (latency, consumed capacity) and the tree of table changes.
//
// Lives on the GUI thread. call() and callSync() may be used from any thread;
// the Connection must outlive every call started through it: its destructor
// waits for calls still running, so the app never deletes one on the GUI
// thread but hands it to retire(), which lets its calls end off that thread.
#pragma once

#include "client/client.h"
#include "connections/connectionsettings.h"
#include "model/result.h"

#include <QMutex>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <memory>

namespace dd::api {
class Engine;
}
namespace dd::http {
class Endpoint;
}

namespace dd::ui {

class Connection : public QObject {
    Q_OBJECT
public:
    // Wraps an existing client; `engine` is the embedded engine behind it, if
    // any (it enables serving). Shares ownership of both.
    Connection(ConnectionSettings settings, std::shared_ptr<client::Client> client,
               std::shared_ptr<api::Engine> engine = nullptr, QObject *parent = nullptr);
    ~Connection() override; // stops serving; waits for running calls and jobs

    // Closes `connection` without waiting: it stops serving at once and no
    // longer signals anything; its running calls and jobs end on their own
    // (a slow endpoint's within its client's timeout), then it is deleted on
    // a thread of its own, which also closes its embedded engine if no other
    // connection shares it. Call on the GUI thread.
    static void retire(std::unique_ptr<Connection> connection);
    // Waits until every connection retired over the data folder `dataFolder`
    // is deleted (its engine, and so the folder's lock, released); all
    // retired connections if `dataFolder` is null. For jobs that open a
    // folder again; blocking, so off the GUI thread or where nothing is left to wait for.
    static void waitForRetired(const QString &dataFolder = QString());

    // Opens the connection that `settings` describe: for Embedded, opens the
    // data directory (or memory) and serves it if settings.serve. Returns
    // null and sets *error to one line on failure (e.g. the directory is
    // locked by another process).
    static std::unique_ptr<Connection> open(const ConnectionSettings &settings, QString *error);
    // The engine of an Embedded connection's settings (its data folder, or
    // memory). Opening a big data folder may take seconds (a WAL to read
    // back, figures to recount after a crash; a passphrase to stretch):
    // callable off the GUI thread; fromEngine() then makes the connection on
    // the GUI thread. `secret` is the folder's passphrase or key: a folder
    // with no data yet is created encrypted with it. An encrypted folder
    // fails without it with DataDirKey::keyRequiredError(), with a wrong
    // one with wrongKeyError() (security/datadirkey.h).
    static Result<std::shared_ptr<api::Engine>> openEngine(const ConnectionSettings &settings, const QByteArray &secret = {});
    // The Embedded connection of `settings` over an engine already open on
    // its data directory (or memory); serves it if settings.serve. Its
    // settings().encrypted says whether the folder is encrypted now.
    static std::unique_ptr<Connection> fromEngine(const ConnectionSettings &settings, std::shared_ptr<api::Engine> engine);

    // Runs one operation through the client. Data operations get
    // ReturnConsumedCapacity TOTAL unless the request sets it. The future
    // always finishes; cancelling it does not undo a write.
    QFuture<client::ApiResponse> call(const QString &operation, QJsonObject request);
    // The same on the calling thread, for jobs already off the GUI thread.
    client::ApiResponse callSync(const QString &operation, QJsonObject request);
    // The pool that runs calls; long jobs run here too, so that the
    // destructor can wait for them.
    QThreadPool *pool() { return &m_pool; }

    const ConnectionSettings &settings() const { return m_settings; }
    QString displayName() const;
    QString region() const;
    // Whether `other` reaches the same tables' database, in whatever region:
    // the same embedded engine, the same endpoint URL or the same AWS profile.
    bool sameDatabase(const Connection &other) const;
    client::Client &client() const { return *m_client; }
    // The same, shared: for a job that may outlive this Connection.
    std::shared_ptr<client::Client> sharedClient() const { return m_client; }

    // A new Connection with these settings over a client that sends the
    // item operations a DAX cluster serves through `cluster` and every
    // other operation directly (client::Client::throughDaxCluster()); null
    // if this connection's client cannot. It shares the embedded engine,
    // is never served, and its endpointForPrograms() is the cluster's
    // endpoint. The caller owns it.
    std::unique_ptr<Connection> throughDaxCluster(const QString &cluster) const;
    // The DAX cluster of a connection made by throughDaxCluster(); empty otherwise.
    QString daxCluster() const { return m_daxCluster; }

    // The embedded engine behind the client, or null (endpoints, AWS).
    api::Engine *engine() const { return m_engine.get(); }
    // The same, shared: for another Connection over this engine (another
    // region of the same embedded database, see fromEngine()).
    std::shared_ptr<api::Engine> sharedEngine() const { return m_engine; }

    // Serving the embedded database on 127.0.0.1:port (Embedded only).
    bool canServe() const { return m_engine != nullptr; }
    bool startServing(quint16 port, QString *error); // port 0 picks a free one
    void stopServing();
    bool isServing() const { return m_endpoint != nullptr; }
    quint16 servingPort() const;
    // The URL at which another program on this machine (the AWS CLI, an SDK)
    // reaches this connection's tables, for copied commands and code: the
    // served embedded database, or where *Serve on 127.0.0.1* will serve it
    // (settings().port) while it is not served, so that a copied command
    // never reaches real AWS instead; an endpoint connection's URL; empty
    // for AWS (the tools' own endpoint). Through a DAX cluster: that URL
    // with the path /dax/<cluster>.
    QString endpointForPrograms() const;

    // Sum of CapacityUnits in a response's ConsumedCapacity (object or array); -1 if absent.
    static double consumedCapacity(const QJsonObject &response);

signals:
    // After every call, on the GUI thread. capacityUnits is -1 when the
    // response carried none; error is empty on success.
    void operationFinished(const QString &operation, double latencyMs, double capacityUnits, const QString &error);
    void servingChanged(bool serving);
    // A table was created, updated or deleted through this connection.
    void tablesChanged();
    // While serving: other programs (the AWS CLI, the user's code) changed
    // items of these tables through the endpoint; an empty list means the
    // tables are not known (PartiQL). Emitted on the GUI thread after the
    // writes committed, at most about every 150 ms (writes are coalesced).
    void externalChange(const QStringList &tables);

private:
    void report(const QString &operation, const client::ApiResponse &response);
    void onEndpointWrite(const QString &operation, const QByteArray &body); // on a server thread
    void flushExternalChanges();
    // The data folder whose lock this connection's engine holds; empty for
    // memory, endpoints and AWS.
    QString lockedFolder() const;

    ConnectionSettings m_settings;
    std::shared_ptr<client::Client> m_client;
    std::shared_ptr<api::Engine> m_engine;      // null unless embedded
    std::unique_ptr<http::Endpoint> m_endpoint; // set while serving
    QString m_daxCluster;                       // set by throughDaxCluster()
    QThreadPool m_pool;                         // runs call() and the features' jobs
    QMutex m_changesMutex;                      // guards the three below (server threads write them)
    QSet<QString> m_changedTables;              // written through the endpoint since the last flush
    bool m_changedUnknown = false;              // a write whose tables are not known
    bool m_flushScheduled = false;
    QTimer *m_flushTimer;                       // runs flushExternalChanges() once, 150 ms after a write
};

} // namespace dd::ui
