#include "daxwire/daxserver.h"

#include "api/engine.h"
#include "daxwire/attributelists.h"
#include "daxwire/daxconnection.h"
#include "daxwire/keyschemas.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <tuple>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <list>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace dd::daxwire {

namespace {

QString s(const char *latin1) { return QString::fromLatin1(latin1); }

constexpr size_t kMaxConnectionsPerNode = 1000; // the JS client pools at most 100 per node

// One cluster's listening socket, its accepting thread and a thread per connection.
class NodeListener {
public:
    NodeListener(RequestHandler::Shared shared, api::RequestContext context, DaxConnection::Node node)
        : m_shared(shared), m_context(std::move(context)), m_node(std::move(node))
    {
    }
    ~NodeListener() { stop(); }

    // Binds host:port (0: a free port); false and *error when it cannot.
    bool open(const QString &host, quint16 port, QString *error)
    {
        addrinfo hints{};
        hints.ai_family = AF_UNSPEC;
        hints.ai_socktype = SOCK_STREAM;
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
        addrinfo *found = nullptr;
        const QByteArray hostBytes = host.toUtf8();
        const std::string service = std::to_string(port);
        if (const int rc = getaddrinfo(hostBytes.isEmpty() ? nullptr : hostBytes.constData(), service.c_str(), &hints, &found)) {
            *error = QString::fromUtf8(gai_strerror(rc));
            return false;
        }
        int err = 0;
        for (addrinfo *ai = found; ai && m_listenFd < 0; ai = ai->ai_next) {
            const int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
            if (fd < 0) {
                err = errno;
                continue;
            }
            const int one = 1;
            ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
            if (::bind(fd, ai->ai_addr, ai->ai_addrlen) < 0 || ::listen(fd, SOMAXCONN) < 0) {
                err = errno;
                ::close(fd);
                continue;
            }
            m_listenFd = fd;
        }
        freeaddrinfo(found);
        if (m_listenFd < 0) {
            *error = QString::fromLocal8Bit(std::strerror(err));
            return false;
        }
        sockaddr_storage bound{};
        socklen_t length = sizeof bound;
        ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&bound), &length);
        m_node.port = bound.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6 *>(&bound)->sin6_port)
                                                  : ntohs(reinterpret_cast<sockaddr_in *>(&bound)->sin_port);
        m_acceptThread = std::thread([this] { acceptLoop(); });
        return true;
    }

    quint16 port() const { return m_node.port; }

    void stop()
    {
        if (m_listenFd < 0)
            return;
        m_stopping = true;
        ::shutdown(m_listenFd, SHUT_RDWR); // wakes accept()
        if (m_acceptThread.joinable())
            m_acceptThread.join();
        ::close(m_listenFd);
        m_listenFd = -1;
        std::lock_guard lock(m_mutex);
        for (auto &c : m_connections)
            ::shutdown(c->fd, SHUT_RDWR); // wakes its recv()
        for (auto &c : m_connections) {
            c->thread.join();
            ::close(c->fd);
        }
        m_connections.clear();
    }

private:
    struct Connection {
        int fd;
        std::thread thread;
        std::atomic<bool> done{false};
    };

    void acceptLoop()
    {
        for (;;) {
            const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
            if (m_stopping) {
                if (fd >= 0)
                    ::close(fd);
                return;
            }
            if (fd < 0) {
                if (errno == EINTR || errno == ECONNABORTED || errno == EMFILE || errno == ENFILE)
                    continue;
                return;
            }
            const int one = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            std::lock_guard lock(m_mutex);
            // Connections that ended are joined here; a socket is closed only
            // after its thread ends, so stop() never shuts down a reused fd.
            for (auto it = m_connections.begin(); it != m_connections.end();) {
                if ((*it)->done) {
                    (*it)->thread.join();
                    ::close((*it)->fd);
                    it = m_connections.erase(it);
                } else {
                    ++it;
                }
            }
            if (m_connections.size() >= kMaxConnectionsPerNode) {
                ::close(fd);
                continue;
            }
            auto c = std::make_unique<Connection>();
            c->fd = fd;
            Connection *raw = c.get();
            try {
                c->thread = std::thread([this, raw] {
                    DaxConnection(raw->fd, m_shared, m_context, m_node).run();
                    ::shutdown(raw->fd, SHUT_RDWR);
                    raw->done = true;
                });
            } catch (const std::system_error &) { // no thread to be had: this connection is refused
                ::close(fd);
                continue;
            }
            m_connections.push_back(std::move(c));
        }
    }

    RequestHandler::Shared m_shared;
    const api::RequestContext m_context;
    DaxConnection::Node m_node;
    int m_listenFd = -1;
    std::atomic<bool> m_stopping{false};
    std::thread m_acceptThread;
    std::mutex m_mutex; // guards m_connections
    std::list<std::unique_ptr<Connection>> m_connections;
};

struct FoundCluster {
    QString region;
    QString name;
    QString zone;    // its first node's availability zone
    double created;  // its earliest node's creation time (seconds)
};

// Every cluster of every open region, from the control plane.
std::vector<FoundCluster> findClusters(api::Engine &engine)
{
    std::vector<FoundCluster> found;
    for (const QString &region : engine.regions()) {
        api::RequestContext context;
        context.region = region;
        QString token;
        do {
            QJsonObject request;
            if (!token.isEmpty())
                request.insert(s("NextToken"), token);
            const Result<QByteArray> body = engine.call(context, u"Dax.DescribeClusters", request);
            if (!body.ok())
                break;
            const QJsonObject page = QJsonDocument::fromJson(*body).object();
            for (const QJsonValue &v : page.value(s("Clusters")).toArray()) {
                const QJsonObject c = v.toObject();
                FoundCluster f{region, c.value(s("ClusterName")).toString(), QString(), 0};
                double created = -1;
                for (const QJsonValue &n : c.value(s("Nodes")).toArray()) {
                    const double t = n[s("NodeCreateTime")].toDouble();
                    if (f.zone.isEmpty())
                        f.zone = n[s("AvailabilityZone")].toString();
                    if (created < 0 || t < created)
                        created = t;
                }
                f.created = std::max(created, 0.0);
                found.push_back(f);
            }
            token = page.value(s("NextToken")).toString();
        } while (!token.isEmpty());
    }
    return found;
}

} // namespace

struct DaxServer::Private {
    Private(api::Engine &e, DaxServerOptions o) : engine(e), options(std::move(o)), schemas(e) {}

    struct Entry {
        Served served;
        int slot = 0;
        std::unique_ptr<NodeListener> listener; // null: its port could not be bound
    };

    void log(const QString &line) const
    {
        if (options.log)
            options.log(line);
    }
    void scan();
    void stopAll();

    api::Engine &engine;
    const DaxServerOptions options;
    AttributeLists lists;
    KeySchemas schemas;

    std::mutex scanMutex;          // one scan at a time
    mutable std::mutex mutex;      // guards entries
    std::map<QString, Entry> entries; // by "<region>/<name>"

    std::mutex stopMutex;
    std::condition_variable wake;
    bool stopping = false;
    std::thread scanner;
};

void DaxServer::Private::scan()
{
    std::lock_guard scanLock(scanMutex);
    std::vector<FoundCluster> found = findClusters(engine);
    std::sort(found.begin(), found.end(), [](const FoundCluster &a, const FoundCluster &b) {
        return std::tie(a.created, a.region, a.name) < std::tie(b.created, b.region, b.name);
    });
    QSet<QString> present;
    for (const FoundCluster &f : found)
        present.insert(f.region + u'/' + f.name);

    std::vector<std::unique_ptr<NodeListener>> closing;
    {
        std::lock_guard lock(mutex);
        for (auto it = entries.begin(); it != entries.end();) {
            Entry &e = it->second;
            if (present.contains(it->first)) {
                ++it;
                continue;
            }
            if (e.listener) {
                log(s("DAX cluster %1 (%2) is gone: no longer served on port %3").arg(e.served.cluster, e.served.region).arg(e.served.port));
                engine.setDaxEndpoint(e.served.region, e.served.cluster, QString());
            }
            closing.push_back(std::move(e.listener));
            it = entries.erase(it);
        }
    }
    closing.clear(); // joins their threads, outside the lock

    for (const FoundCluster &f : found) {
        const QString key = f.region + u'/' + f.name;
        int slot = 0;
        {
            std::lock_guard lock(mutex);
            if (entries.count(key))
                continue;
            QSet<int> taken;
            for (const auto &[k, e] : entries)
                taken.insert(e.slot);
            while (taken.contains(slot))
                ++slot;
        }
        api::RequestContext context;
        context.region = f.region;
        context.daxCluster = f.name;
        context.commandTriggersAllowed = false;
        DaxConnection::Node node;
        node.hostname = options.host;
        node.zone = f.zone;
        node.sessionId = QDateTime::currentMSecsSinceEpoch();
        Entry entry;
        entry.slot = slot;
        entry.served = {f.region, f.name, 0};
        const int port = options.basePort == 0 ? 0 : options.basePort + slot;
        auto listener = std::make_unique<NodeListener>(RequestHandler::Shared{engine, lists, schemas, options.credentials.get()}, context, node);
        QString error;
        const QString where = (options.host.contains(u':') ? u'[' + options.host + u']' : options.host) + u':' + QString::number(port);
        if (port > 65535) {
            log(s("DAX cluster %1 (%2) is not served: no port after %3").arg(f.name, f.region).arg(options.basePort));
        } else if (!listener->open(options.host, quint16(port), &error)) {
            log(s("DAX cluster %1 (%2) is not served: %3: %4").arg(f.name, f.region, error, where));
        } else {
            entry.served.port = listener->port();
            entry.listener = std::move(listener);
            const QString host = options.host.contains(u':') ? u'[' + options.host + u']' : options.host;
            log(s("DAX cluster %1 (%2) on dax://%3:%4").arg(f.name, f.region, host).arg(entry.served.port));
            engine.setDaxEndpoint(f.region, f.name, s("dax://%1:%2").arg(host).arg(entry.served.port));
        }
        std::lock_guard lock(mutex);
        entries.emplace(key, std::move(entry));
    }
}

void DaxServer::Private::stopAll()
{
    std::vector<std::unique_ptr<NodeListener>> closing;
    {
        std::lock_guard lock(mutex);
        for (auto &[k, e] : entries) {
            if (e.listener)
                engine.setDaxEndpoint(e.served.region, e.served.cluster, QString());
            closing.push_back(std::move(e.listener));
        }
        entries.clear();
    }
}

DaxServer::DaxServer(api::Engine &engine, DaxServerOptions options) : d(new Private(engine, std::move(options))) {}

DaxServer::~DaxServer() { stop(); }

void DaxServer::start()
{
    QString error;
    if (!d->options.attributeListsFile.isEmpty() && !d->lists.persistTo(d->options.attributeListsFile, &error))
        d->log(s("DAX attribute lists are kept in memory only: cannot open %1: %2").arg(d->options.attributeListsFile, error));
    d->scan();
    d->scanner = std::thread([p = d.get()] {
        std::unique_lock lock(p->stopMutex);
        while (!p->stopping) {
            p->wake.wait_for(lock, std::chrono::milliseconds(p->options.scanIntervalMs));
            if (p->stopping)
                break;
            lock.unlock();
            p->scan();
            lock.lock();
        }
    });
}

void DaxServer::stop()
{
    {
        std::lock_guard lock(d->stopMutex);
        d->stopping = true;
    }
    d->wake.notify_all();
    if (d->scanner.joinable())
        d->scanner.join();
    d->stopAll();
}

void DaxServer::rescan() { d->scan(); }

std::vector<DaxServer::Served> DaxServer::served() const
{
    std::lock_guard lock(d->mutex);
    std::vector<Served> out;
    for (const auto &[k, e] : d->entries)
        out.push_back(e.served);
    return out;
}

} // namespace dd::daxwire
