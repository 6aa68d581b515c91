#include "connections/connection.h"

#include "api/engine.h"
#include "client/awsprofile.h"
#include "client/httpclient.h"
#include "client/inprocessclient.h"
#include "common/responses.h"
#include "http/endpoint.h"
#include "security/datadirkey.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QWaitCondition>
#include <QtConcurrent>

namespace dd::ui {

namespace {

bool isDataOperation(const QString &op)
{
    static const QStringList ops = {
        QStringLiteral("GetItem"), QStringLiteral("PutItem"), QStringLiteral("UpdateItem"),
        QStringLiteral("DeleteItem"), QStringLiteral("Query"), QStringLiteral("Scan"),
        QStringLiteral("BatchGetItem"), QStringLiteral("BatchWriteItem"),
        QStringLiteral("TransactGetItems"), QStringLiteral("TransactWriteItems"), QStringLiteral("ExecuteStatement"),
        QStringLiteral("BatchExecuteStatement"), QStringLiteral("ExecuteTransaction")};
    return ops.contains(op);
}

bool changesTables(const QString &op)
{
    return op == QLatin1String("CreateTable") || op == QLatin1String("DeleteTable")
        || op == QLatin1String("UpdateTable") || op == QLatin1String("ImportTable");
}

void stopRetiringPool();

// Connections handed to Connection::retire() and not yet deleted.
struct Retiring {
    QMutex mutex;
    QWaitCondition changed;
    QHash<QString, int> byFolder; // lockedFolder() -> how many
    QThreadPool pool;             // one thread per connection, waiting for its calls
    Retiring()
    {
        pool.setMaxThreadCount(1024);
        // The pool's threads (idle ones stay 30 s) end while the application
        // still exists, as Qt ends its global pool's: this static outlives
        // main(), and its threads must not (a test's exit once aborted with
        // "double free or corruption" after every test had passed).
        qAddPostRoutine(stopRetiringPool);
    }
};

Q_GLOBAL_STATIC(Retiring, retiring)

void stopRetiringPool()
{
    if (retiring.exists() && !retiring.isDestroyed())
        retiring()->pool.waitForDone(); // also removes its threads
}

} // namespace

Connection::Connection(ConnectionSettings settings, std::shared_ptr<client::Client> client,
                       std::shared_ptr<api::Engine> engine, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_client(std::move(client)), m_engine(std::move(engine))
{
    m_pool.setMaxThreadCount(8);
    m_flushTimer = new QTimer(this);
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(150);
    connect(m_flushTimer, &QTimer::timeout, this, &Connection::flushExternalChanges);
}

Connection::~Connection()
{
    stopServing();
    m_pool.waitForDone();
}

void Connection::retire(std::unique_ptr<Connection> connection)
{
    if (!connection)
        return;
    Connection *c = connection.release();
    c->stopServing();
    c->m_flushTimer->stop();
    // Nothing hears of it any more; the reports its calls still queue to it
    // are never delivered (no thread) and go with it.
    QObject::disconnect(c, nullptr, nullptr, nullptr);
    c->moveToThread(nullptr);
    const QString folder = c->lockedFolder();
    Retiring *r = retiring();
    {
        QMutexLocker lock(&r->mutex);
        ++r->byFolder[folder];
    }
    r->pool.start([c, folder, r] {
        delete c; // waits for its calls and jobs
        QMutexLocker lock(&r->mutex);
        if (--r->byFolder[folder] == 0)
            r->byFolder.remove(folder);
        r->changed.wakeAll();
    });
}

void Connection::waitForRetired(const QString &dataFolder)
{
    Retiring *r = retiring();
    QMutexLocker lock(&r->mutex);
    while (dataFolder.isNull() ? !r->byFolder.isEmpty() : r->byFolder.contains(dataFolder))
        r->changed.wait(&r->mutex);
}

QString Connection::lockedFolder() const
{
    if (!m_engine || m_settings.kind != ConnectionSettings::Kind::Embedded || m_settings.inMemory)
        return QStringLiteral("");
    return m_settings.dataFolder();
}

std::unique_ptr<Connection> Connection::open(const ConnectionSettings &settings, QString *error)
{
    switch (settings.kind) {
    case ConnectionSettings::Kind::Embedded: {
        auto engine = openEngine(settings);
        if (!engine.ok()) {
            *error = engine.error().message();
            return nullptr;
        }
        return fromEngine(settings, *engine);
    }
    case ConnectionSettings::Kind::Endpoint: {
        const QUrl url(settings.url);
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            *error = tr("\"%1\" is not an http:// or https:// URL").arg(settings.url);
            return nullptr;
        }
        auto config = client::HttpClient::Config::local(url, settings.region.isEmpty() ? QStringLiteral("us-east-1") : settings.region);
        if (!settings.endpointProfile.isEmpty()) {
            // An endpoint that checks signatures: a profile's keys sign.
            auto profile = client::AwsProfiles().resolve(settings.endpointProfile);
            if (!profile.ok()) {
                *error = profile.error().message();
                return nullptr;
            }
            if (!profile->credentials.isValid()) {
                *error = tr("Profile %1 has no access key").arg(settings.endpointProfile);
                return nullptr;
            }
            config.credentials = profile->credentials;
        }
        return std::make_unique<Connection>(settings, std::make_shared<client::HttpClient>(config));
    }
    case ConnectionSettings::Kind::Aws: {
        const client::AwsProfiles profiles;
        auto profile = profiles.resolve(settings.profile);
        if (!profile.ok()) {
            *error = profile.error().message();
            return nullptr;
        }
        if (!settings.region.isEmpty())
            profile->region = settings.region;
        auto config = client::HttpClient::Config::fromProfile(*profile);
        return std::make_unique<Connection>(settings, std::make_shared<client::HttpClient>(config));
    }
    }
    return nullptr;
}

Result<std::shared_ptr<api::Engine>> Connection::openEngine(const ConnectionSettings &settings, const QByteArray &secret)
{
    if (!settings.inMemory)
        waitForRetired(settings.dataFolder()); // a connection just closed may still hold the folder's lock
    api::EngineOptions options;
    options.inMemory = settings.inMemory;
    options.dataDir = settings.dataFolder();
    options.encryptionKey = secret;
    DD_ASSIGN(auto engine, api::Engine::open(options));
    return std::shared_ptr<api::Engine>(std::move(engine).release());
}

std::unique_ptr<Connection> Connection::fromEngine(const ConnectionSettings &given, std::shared_ptr<api::Engine> engine)
{
    ConnectionSettings settings = given;
    // As the folder is now, whatever the saved settings said (the server may
    // have encrypted it, or a conversion changed it).
    settings.encrypted = settings.kind == ConnectionSettings::Kind::Embedded && !settings.inMemory
                      && security::DataDirKey::isEncrypted(settings.dataFolder());
    api::RequestContext context;
    context.region = settings.region.isEmpty() ? QStringLiteral("us-east-1") : settings.region;
    auto client = std::make_shared<client::InProcessClient>(engine, context);
    auto connection = std::make_unique<Connection>(settings, client, engine);
    if (settings.serve) {
        QString serveError;
        if (!connection->startServing(settings.port, &serveError))
            qWarning("Could not serve the database: %s", qPrintable(serveError));
    }
    return connection;
}

std::unique_ptr<Connection> Connection::throughDaxCluster(const QString &cluster) const
{
    std::shared_ptr<client::Client> routed = m_client->throughDaxCluster(cluster);
    if (!routed)
        return nullptr;
    ConnectionSettings settings = m_settings;
    settings.serve = false;
    auto connection = std::make_unique<Connection>(settings, std::move(routed), m_engine);
    connection->m_daxCluster = cluster;
    return connection;
}

QString Connection::endpointForPrograms() const
{
    QString url;
    switch (m_settings.kind) {
    case ConnectionSettings::Kind::Embedded:
        url = QStringLiteral("http://127.0.0.1:%1").arg(isServing() ? servingPort() : m_settings.port);
        break;
    case ConnectionSettings::Kind::Endpoint:
        url = m_settings.url;
        break;
    case ConnectionSettings::Kind::Aws:
        break;
    }
    if (url.isEmpty() || m_daxCluster.isEmpty())
        return url;
    QUrl cluster(url);
    cluster.setPath(QStringLiteral("/dax/") + m_daxCluster);
    cluster.setQuery(QString());
    return cluster.toString();
}

QString Connection::displayName() const
{
    // The settings' name is translated ("Embedded (in memory)"); the client's is not.
    const QString name = m_settings.displayName();
    return m_daxCluster.isEmpty() ? name : tr("%1, DAX cluster %2").arg(name, m_daxCluster);
}

QString Connection::region() const
{
    return m_client->region();
}

bool Connection::sameDatabase(const Connection &other) const
{
    if (m_engine || other.m_engine)
        return m_engine == other.m_engine;
    if (m_settings.kind != other.m_settings.kind)
        return false;
    return m_settings.kind == ConnectionSettings::Kind::Endpoint ? m_settings.url == other.m_settings.url
                                                                  : m_settings.profile == other.m_settings.profile;
}

QFuture<client::ApiResponse> Connection::call(const QString &operation, QJsonObject request)
{
    if (isDataOperation(operation) && !request.contains(QStringLiteral("ReturnConsumedCapacity")))
        request.insert(QStringLiteral("ReturnConsumedCapacity"), QStringLiteral("TOTAL"));
    // callSync on our own pool rather than client().call(): the pool's
    // threads are ours to wait for, and a slow remote call does not take a
    // thread of Qt's global pool (two on a two-core machine).
    return QtConcurrent::run(&m_pool, [this, operation, request] { return callSync(operation, request); });
}

client::ApiResponse Connection::callSync(const QString &operation, QJsonObject request)
{
    if (isDataOperation(operation) && !request.contains(QStringLiteral("ReturnConsumedCapacity")))
        request.insert(QStringLiteral("ReturnConsumedCapacity"), QStringLiteral("TOTAL"));
    auto r = m_client->callSync(operation, request);
    report(operation, r);
    return r;
}

void Connection::report(const QString &operation, const client::ApiResponse &response)
{
    const double latency = response.latencyMs;
    const double capacity = response.ok() ? consumedCapacity(response.body) : -1;
    const QString error = errorText(response);
    QMetaObject::invokeMethod(this, [this, operation, latency, capacity, error] {
        emit operationFinished(operation, latency, capacity, error);
        if (error.isEmpty() && changesTables(operation))
            emit tablesChanged();
    }, Qt::QueuedConnection);
}

double Connection::consumedCapacity(const QJsonObject &response)
{
    const QJsonValue cc = response.value(QStringLiteral("ConsumedCapacity"));
    if (cc.isObject())
        return cc.toObject().value(QStringLiteral("CapacityUnits")).toDouble();
    if (cc.isArray()) {
        double sum = 0;
        for (const auto &v : cc.toArray())
            sum += v.toObject().value(QStringLiteral("CapacityUnits")).toDouble();
        return sum;
    }
    return -1;
}

bool Connection::startServing(quint16 port, QString *error)
{
    if (!m_engine) {
        *error = tr("Only an embedded database can be served.");
        return false;
    }
    stopServing();
    http::EndpointOptions options;
    options.http.host = QStringLiteral("127.0.0.1");
    options.http.port = port;
    options.http.threads = 2;
    options.onWrite = [this](const QString &operation, const QByteArray &body) { onEndpointWrite(operation, body); };
    auto endpoint = std::make_unique<http::Endpoint>(*m_engine, options);
    if (!endpoint->start(error))
        return false;
    m_endpoint = std::move(endpoint);
    emit servingChanged(true);
    return true;
}

void Connection::stopServing()
{
    if (!m_endpoint)
        return;
    m_endpoint->stop();
    m_endpoint.reset();
    emit servingChanged(false);
}

void Connection::onEndpointWrite(const QString &operation, const QByteArray &body)
{
    // The tables a write names: TableName, BatchWriteItem's RequestItems,
    // TransactWriteItems' actions. PartiQL names them inside statements.
    const QJsonObject request = QJsonDocument::fromJson(body).object();
    QStringList tables;
    if (request.contains(QStringLiteral("TableName")))
        tables << request.value(QStringLiteral("TableName")).toString();
    tables += request.value(QStringLiteral("RequestItems")).toObject().keys();
    for (const auto &action : request.value(QStringLiteral("TransactItems")).toArray()) {
        const QJsonObject a = action.toObject();
        for (auto it = a.begin(); it != a.end(); ++it)
            if (it.value().toObject().contains(QStringLiteral("TableName")))
                tables << it.value().toObject().value(QStringLiteral("TableName")).toString();
    }
    const bool tableOperation = changesTables(operation);
    QMutexLocker lock(&m_changesMutex);
    for (const QString &t : tables)
        m_changedTables.insert(t);
    if (tables.isEmpty())
        m_changedUnknown = true;
    if (tableOperation)
        QMetaObject::invokeMethod(this, &Connection::tablesChanged, Qt::QueuedConnection);
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QMetaObject::invokeMethod(m_flushTimer, qOverload<>(&QTimer::start), Qt::QueuedConnection);
}

void Connection::flushExternalChanges()
{
    QStringList tables;
    {
        QMutexLocker lock(&m_changesMutex);
        m_flushScheduled = false;
        if (!m_changedUnknown)
            tables = QStringList(m_changedTables.begin(), m_changedTables.end());
        m_changedTables.clear();
        m_changedUnknown = false;
    }
    emit externalChange(tables);
}

quint16 Connection::servingPort() const
{
    return m_endpoint ? m_endpoint->port() : 0;
}

} // namespace dd::ui
