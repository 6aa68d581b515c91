// DaxServer: the DAX clusters of an engine on the DAX wire protocol, for
// applications that use AWS's DAX SDK clients (the JavaScript
// @amazon-dax-sdk/client-dax and amazon-dax-client, aws-dax-go, ...).
// The protocol does not name a cluster, so each cluster gets a port of its
// own, where a client's dax://host:port reaches it:
//  - with a base port P, the clusters are served on P, P+1, ...: each
//    cluster found takes the lowest free place, the clusters of a scan in
//    the order they were created (their first node's creation time, then
//    region and name). Since clusters are found in creation order when the
//    server starts, the n-th cluster created is on P+n-1 as long as none
//    was deleted; a deleted cluster's port is taken by the next one
//    created;
//  - with base port 0, each cluster gets a free port;
//  - the clusters are looked up in every open region every scan interval,
//    so a new cluster is served within that time and a deleted one stops
//    being served (its connections close);
//  - a port that cannot be bound is reported once; that cluster is not
//    served until the server restarts.
// Requests go to Engine::call() with the cluster's region and name
// (RequestContext::daxCluster), so the cluster's caches answer them as they
// answer the HTTP endpoint's /dax/<name>.
// Threads: start() and stop() on the owner's thread; a scanning thread,
// one accepting thread per cluster and one thread per connection.
#pragma once

#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace dd::api {
class Engine;
}
namespace dd::security {
class Credentials;
}

namespace dd::daxwire {

struct DaxServerOptions {
    QString host = QStringLiteral("127.0.0.1"); // the address to bind (the HTTP endpoint's)
    quint16 basePort = 0;                       // the first cluster's port; 0: a free port for each
    int scanIntervalMs = 500;                   // how often clusters are looked up
    // Where the attribute lists are kept across restarts (attributelists.h);
    // empty: in memory only.
    QString attributeListsFile;
    // The users each connection's authorizeConnection is checked against
    // (dynamodesk-server --auth); null: any key is accepted.
    std::shared_ptr<const security::Credentials> credentials;
    // Told, on the scanning thread, each cluster served, no longer served, or
    // not served (its port taken): one line of text.
    std::function<void(const QString &line)> log;
};

class DaxServer {
public:
    DaxServer(api::Engine &engine, DaxServerOptions options); // engine not owned; must outlive this
    ~DaxServer();                                              // stops

    // Reads the attribute lists file, looks the clusters up once, serves
    // them, and keeps looking on a thread. A file that cannot be opened is
    // logged, and the lists are kept in memory.
    void start();
    // Closes every listener and connection and joins the threads; idempotent.
    void stop();
    // Looks the clusters up now (tests; the scanning thread does it on its own).
    void rescan();

    struct Served {
        QString region;
        QString cluster;
        quint16 port = 0; // 0: the port could not be bound
    };
    // The clusters served now.
    std::vector<Served> served() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace dd::daxwire
