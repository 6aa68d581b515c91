// dynamodesk-server: the local DynamoDB endpoint. Accepts its own flags and
// DynamoDB Local's (-port 8000 -inMemory -dbPath DIR -sharedDb -cors ...),
// so that scripts written for DynamoDB Local work unchanged.
#include "api/engine.h"
#include "daxwire/daxserver.h"
#include "http/endpoint.h"
#include "security/credentials.h"
#include "security/datadirkey.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QStandardPaths>

#include <csignal>
#include <cstdio>
#include <sys/eventfd.h>
#include <unistd.h>

namespace {

int g_signalFd = -1;

void onSignal(int)
{
    const quint64 one = 1;
    [[maybe_unused]] auto n = ::write(g_signalFd, &one, sizeof one);
}

[[noreturn]] void fail(const QString &message, int code = 2)
{
    std::fprintf(stderr, "dynamodesk-server: %s\n", qPrintable(message));
    std::exit(code);
}

// The triggers of --trigger TABLE=COMMAND (named TABLE-1, TABLE-2, ... in
// order) and --triggers FILE (a JSON array of CreateTrigger requests, each
// with an optional "Region"), as CreateTrigger requests by region. They may
// name tables not created yet (WaitForStream) and replace the triggers of the
// same name that an earlier start created, keeping their checkpoints.
std::vector<std::pair<QString, QJsonObject>> configuredTriggers(const QStringList &flags, const QString &file)
{
    std::vector<std::pair<QString, QJsonObject>> out;
    const QString defaultRegion = QStringLiteral("us-east-1");
    QHash<QString, int> perTable;
    for (const QString &flag : flags) {
        const qsizetype eq = flag.indexOf(QLatin1Char('='));
        if (eq <= 0 || eq == flag.size() - 1)
            fail(QStringLiteral("Invalid --trigger '%1': expected TABLE=COMMAND").arg(flag));
        const QString table = flag.left(eq);
        out.emplace_back(defaultRegion, QJsonObject{{QStringLiteral("TriggerName"), QStringLiteral("%1-%2").arg(table).arg(++perTable[table])},
                                                    {QStringLiteral("TableName"), table},
                                                    {QStringLiteral("Command"), flag.mid(eq + 1)}});
    }
    if (!file.isEmpty()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            fail(QStringLiteral("Cannot read --triggers file %1: %2").arg(file, f.errorString()));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
        if (error.error != QJsonParseError::NoError)
            fail(QStringLiteral("Invalid JSON in --triggers file %1 at offset %2: %3").arg(file).arg(error.offset).arg(error.errorString()));
        if (!doc.isArray())
            fail(QStringLiteral("Invalid --triggers file %1: expected a JSON array of CreateTrigger requests").arg(file));
        for (const QJsonValue &v : doc.array()) {
            if (!v.isObject())
                fail(QStringLiteral("Invalid --triggers file %1: every entry must be an object").arg(file));
            QJsonObject request = v.toObject();
            const QString region = request.take(QStringLiteral("Region")).toString(defaultRegion);
            out.emplace_back(region, request);
        }
    }
    for (auto &[region, request] : out) {
        if (!request.contains(QStringLiteral("WaitForStream")))
            request.insert(QStringLiteral("WaitForStream"), true);
        if (!request.contains(QStringLiteral("ReplaceExisting")))
            request.insert(QStringLiteral("ReplaceExisting"), true);
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("dynamodesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DD_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Dynamodesk local DynamoDB endpoint"));
    // DynamoDB Local spells its flags with one dash (-port, -dbPath).
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("help"), QStringLiteral("h")}, QStringLiteral("Show this help and exit."));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("Show the version and exit."));
    const QCommandLineOption port({QStringLiteral("port"), QStringLiteral("p")}, QStringLiteral("TCP port to listen on (default 8000; 0 picks a free one)."), QStringLiteral("port"), QStringLiteral("8000"));
    const QCommandLineOption host(QStringLiteral("host"), QStringLiteral("Address to listen on (default 127.0.0.1)."), QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption dbPath({QStringLiteral("db-path"), QStringLiteral("dbPath")}, QStringLiteral("Data directory (default: the app's data folder)."), QStringLiteral("dir"));
    const QCommandLineOption inMemory({QStringLiteral("in-memory"), QStringLiteral("inMemory")}, QStringLiteral("Keep all data in memory; nothing is written to disk."));
    const QCommandLineOption sharedDb(QStringLiteral("sharedDb"), QStringLiteral("Accepted for DynamoDB Local compatibility: data is always shared across credentials."));
    const QCommandLineOption cors(QStringLiteral("cors"), QStringLiteral("Allow browsers from these origins (comma-separated, or *)."), QStringLiteral("origins"));
    const QCommandLineOption delay({QStringLiteral("delay-transient-statuses"), QStringLiteral("delayTransientStatuses")}, QStringLiteral("Keep tables CREATING/UPDATING for a while, as AWS does."));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("Worker threads (default: one per core)."), QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption optimize({QStringLiteral("optimize-db-before-startup"), QStringLiteral("optimizeDbBeforeStartup")},
                                      QStringLiteral("Compact the data directory's database files before starting, as DynamoDB Local "
                                                     "does: the space deleted tables and items left goes back to the disk."));
    const QCommandLineOption telemetry(QStringLiteral("disableTelemetry"), QStringLiteral("Accepted for DynamoDB Local compatibility; no effect."));
    const QCommandLineOption retention(QStringLiteral("stream-retention-seconds"), QStringLiteral("Keep stream records this long (default 86400, as AWS)."), QStringLiteral("seconds"), QStringLiteral("86400"));
    const QCommandLineOption ttlInterval(QStringLiteral("ttl-interval-ms"), QStringLiteral("Time between sweeps for expired TTL items (default 60000; 0 disables TTL deletion)."), QStringLiteral("ms"), QStringLiteral("60000"));
    const QCommandLineOption collectionLimit(QStringLiteral("item-collection-limit-bytes"), QStringLiteral("Item collection size limit of tables with local secondary indexes (default 10 GB, as AWS)."), QStringLiteral("bytes"));
    const QCommandLineOption trigger(QStringLiteral("trigger"),
                                     QStringLiteral("Run COMMAND (with /bin/sh -c) on batches of TABLE's stream records, the Lambda event "
                                                    "JSON {\"Records\": [...]} on stdin; named TABLE-1, TABLE-2, ...; Lambda's defaults "
                                                    "otherwise. Repeatable."),
                                     QStringLiteral("TABLE=COMMAND"));
    const QCommandLineOption triggersFile(QStringLiteral("triggers"),
                                          QStringLiteral("Create the triggers of FILE: a JSON array of Dynamodesk.CreateTrigger requests "
                                                         "(TriggerName, TableName, Command or Url, BatchSize, MaximumBatchingWindowInSeconds, "
                                                         "StartingPosition, MaximumRetryAttempts, BisectBatchOnFunctionError, OnFailureFile, "
                                                         "TimeoutSeconds, Enabled; optional Region)."),
                                          QStringLiteral("file"));
    const QCommandLineOption allowCommands(QStringLiteral("allow-command-triggers"),
                                           QStringLiteral("Let clients create triggers with a Command (a shell command run as this server) "
                                                          "even when --host is not a loopback address; by default only a loopback endpoint "
                                                          "allows them."));
    const QCommandLineOption denyCommands(QStringLiteral("deny-command-triggers"),
                                          QStringLiteral("Refuse triggers with a Command from clients, whatever the address "
                                                         "(--trigger and --triggers still work)."));
    const QCommandLineOption s3Dir(QStringLiteral("s3-dir"),
                                   QStringLiteral("Folder of the local S3 buckets that ExportTableToPointInTime writes to and ImportTable "
                                                  "reads from: bucket B is its folder B (default: the data directory's s3 folder; with "
                                                  "--in-memory, a temporary folder removed at exit)."),
                                   QStringLiteral("dir"));
    const QCommandLineOption auth(QStringLiteral("auth"),
                                  QStringLiteral("Check every request's SigV4 signature against the users of this JSON file "
                                                 "({\"Users\": [{\"UserName\", \"AccessKeyId\", \"SecretAccessKey\", optional \"Policy\"}]}) "
                                                 "and authorize each call with the signer's IAM policy; without it any signature is accepted."),
                                  QStringLiteral("file"));
    const QCommandLineOption daxPort(QStringLiteral("dax-port"),
                                     QStringLiteral("Also serve the DAX clusters on DAX's own protocol, for AWS's DAX SDK clients "
                                                    "(dax://HOST:PORT, on --host): the first cluster created on PORT, the next on "
                                                    "PORT+1, and so on; a deleted cluster's port goes to the next one created; 0 picks "
                                                    "a free port for each. Each cluster served is named on stderr. With --auth, each "
                                                    "connection's signature is checked too. Without it, a cluster is reached at the "
                                                    "HTTP endpoint's /dax/<name> only."),
                                     QStringLiteral("port"));
    const QCommandLineOption daxCache(QStringLiteral("dax-cache-mb"),
                                      QStringLiteral("The most memory one DAX cluster's item and query caches may take, in MiB (default "
                                                     "256): a cluster gets its node type's memory up to this, and evicts the least "
                                                     "recently used entries beyond it."),
                                      QStringLiteral("mb"), QStringLiteral("256"));
    const QCommandLineOption keyFile(QStringLiteral("encryption-key-file"),
                                     QStringLiteral("Encrypt the data at rest with the key (64 hex digits, as 'openssl rand -hex 32' "
                                                    "makes) or passphrase in this file: a new data directory is created encrypted, "
                                                    "and an encrypted one opens only with it. Databases, WALs, backups and PITR "
                                                    "snapshots are encrypted (AES-256-GCM)."),
                                     QStringLiteral("file"));
    const QCommandLineOption encryptDir(QStringLiteral("encrypt-data-dir"),
                                        QStringLiteral("Before serving, encrypt the data directory's data held in the clear with "
                                                       "--encryption-key-file's key (or finish an encryption cut short)."));
    const QCommandLineOption decryptDir(QStringLiteral("decrypt-data-dir"),
                                        QStringLiteral("Before serving, decrypt the data directory with --encryption-key-file's key; "
                                                       "it is then served in the clear."));
    const QCommandLineOption newKeyFile(QStringLiteral("new-encryption-key-file"),
                                        QStringLiteral("Before serving, change the data directory's key or passphrase to the one in "
                                                       "this file (nothing is re-encrypted), then serve with it."),
                                        QStringLiteral("file"));
    for (const auto &o : {help, version, port, host, dbPath, inMemory, sharedDb, cors, delay, threads, optimize, telemetry, retention, ttlInterval,
                          collectionLimit, trigger, triggersFile, allowCommands, denyCommands, s3Dir, auth, daxPort, daxCache, keyFile,
                          encryptDir, decryptDir, newKeyFile})
        parser.addOption(o);

    if (!parser.parse(app.arguments()))
        fail(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        fail(QStringLiteral("Unexpected argument '%1'; see --help").arg(parser.positionalArguments().first()));
    if (parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.isSet(version)) {
        std::printf("dynamodesk-server %s\n", DD_VERSION);
        return 0;
    }
    bool ok = false;
    const uint portNumber = parser.value(port).toUInt(&ok);
    if (!ok || portNumber > 65535)
        fail(QStringLiteral("Invalid port '%1'").arg(parser.value(port)));
    const uint daxPortNumber = parser.isSet(daxPort) ? parser.value(daxPort).toUInt(&ok) : 0;
    if (!ok || daxPortNumber > 65535)
        fail(QStringLiteral("Invalid DAX port '%1'").arg(parser.value(daxPort)));
    const int threadCount = parser.value(threads).toInt(&ok);
    if (!ok || threadCount < 0 || threadCount > 256)
        fail(QStringLiteral("Invalid thread count '%1'").arg(parser.value(threads)));

    const double retentionSeconds = parser.value(retention).toDouble(&ok);
    if (!ok || retentionSeconds <= 0)
        fail(QStringLiteral("Invalid stream retention '%1'").arg(parser.value(retention)));
    const int ttlIntervalMs = parser.value(ttlInterval).toInt(&ok);
    if (!ok || ttlIntervalMs < 0)
        fail(QStringLiteral("Invalid TTL interval '%1'").arg(parser.value(ttlInterval)));

    dd::api::EngineOptions engineOptions;
    engineOptions.streamRetentionMs = qint64(retentionSeconds * 1000);
    engineOptions.ttlSweepIntervalMs = ttlIntervalMs;
    engineOptions.inMemory = parser.isSet(inMemory);
    engineOptions.dataDir = parser.isSet(dbPath) ? parser.value(dbPath)
                                                 : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    engineOptions.delayTransientStatuses = parser.isSet(delay);
    if (parser.isSet(s3Dir))
        engineOptions.s3Dir = parser.value(s3Dir);
    const qint64 daxCacheMb = parser.value(daxCache).toLongLong(&ok);
    if (!ok || daxCacheMb < 1 || daxCacheMb > 1024LL * 1024)
        fail(QStringLiteral("Invalid DAX cache size '%1' (MiB, 1 to 1048576)").arg(parser.value(daxCache)));
    engineOptions.daxCacheBytes = daxCacheMb * 1024 * 1024;
    if (parser.isSet(collectionLimit)) {
        engineOptions.itemCollectionLimitBytes = parser.value(collectionLimit).toLongLong(&ok);
        if (!ok || engineOptions.itemCollectionLimitBytes <= 0)
            fail(QStringLiteral("Invalid item collection limit '%1'").arg(parser.value(collectionLimit)));
    }
    if (parser.isSet(optimize) && engineOptions.inMemory) {
        std::fputs("dynamodesk-server: -optimizeDbBeforeStartup has nothing to compact with --in-memory\n", stderr);
    } else if (parser.isSet(optimize)) {
        engineOptions.compactBeforeOpening = true;
        // On stderr: the first line on stdout is the one that names the port.
        engineOptions.compacted = [](const QString &region, qint64 before, qint64 after, const QString &error) {
            if (error.isEmpty())
                std::fprintf(stderr, "Compacted %s.db: %lld bytes, then %lld\n", qPrintable(region), before, after);
            else
                std::fprintf(stderr, "Could not compact %s.db (serving it as it is): %s\n", qPrintable(region), qPrintable(error));
        };
    }
    if (parser.isSet(keyFile) || parser.isSet(encryptDir) || parser.isSet(decryptDir) || parser.isSet(newKeyFile)) {
        if (engineOptions.inMemory)
            fail(QStringLiteral("--in-memory keeps nothing on disk: there is nothing to encrypt"));
        if (!parser.isSet(keyFile))
            fail(QStringLiteral("--encrypt-data-dir, --decrypt-data-dir and --new-encryption-key-file need --encryption-key-file"));
        if (parser.isSet(encryptDir) && parser.isSet(decryptDir))
            fail(QStringLiteral("--encrypt-data-dir and --decrypt-data-dir cannot be used together"));
        if (parser.isSet(decryptDir) && parser.isSet(newKeyFile))
            fail(QStringLiteral("--decrypt-data-dir and --new-encryption-key-file cannot be used together"));
        for (const auto &o : {keyFile, newKeyFile})
            if (parser.isSet(o) && (QFile::permissions(parser.value(o)) & (QFileDevice::ReadGroup | QFileDevice::ReadOther)))
                std::fprintf(stderr, "Warning: the key file %s can be read by other users (chmod 600 it)\n", qPrintable(parser.value(o)));
        const auto secret = dd::security::DataDirKey::readSecretFile(parser.value(keyFile));
        if (!secret.ok())
            fail(secret.error().message());
        engineOptions.encryptionKey = *secret;
        if (parser.isSet(newKeyFile)) {
            const auto newSecret = dd::security::DataDirKey::readSecretFile(parser.value(newKeyFile));
            if (!newSecret.ok())
                fail(newSecret.error().message());
            engineOptions.newEncryptionKey = *newSecret;
        }
        if (parser.isSet(encryptDir))
            engineOptions.encryptionChange = dd::api::EngineOptions::EncryptionChange::Encrypt;
        if (parser.isSet(decryptDir))
            engineOptions.encryptionChange = dd::api::EngineOptions::EncryptionChange::Decrypt;
        engineOptions.converting = [](const QString &file, int index, int count) {
            std::fprintf(stderr, "Converting %s (%d of %d)\n", qPrintable(file), index + 1, count);
        };
    }
    const auto triggers = configuredTriggers(parser.values(trigger), parser.value(triggersFile));
    auto engine = dd::api::Engine::open(engineOptions);
    if (!engine.ok() && engine.error().type() == dd::security::DataDirKey::keyRequiredError())
        fail(engine.error().message() + QStringLiteral(" (--encryption-key-file FILE)"), 1);
    if (!engine.ok())
        fail(engine.error().message(), 1);
    for (const auto &[region, request] : triggers) {
        dd::api::RequestContext context;
        context.region = region;
        const auto created = (*engine)->call(context, u"Dynamodesk.CreateTrigger", request);
        if (!created.ok())
            fail(QStringLiteral("Cannot create trigger %1: %2: %3")
                     .arg(request.value(QStringLiteral("TriggerName")).toString(), created.error().type(), created.error().message()));
    }

    dd::http::EndpointOptions endpointOptions;
    endpointOptions.http.host = parser.value(host);
    endpointOptions.http.port = quint16(portNumber);
    endpointOptions.http.threads = threadCount;
    if (parser.isSet(allowCommands) && parser.isSet(denyCommands))
        fail(QStringLiteral("--allow-command-triggers and --deny-command-triggers cannot be used together"));
    if (parser.isSet(allowCommands)) endpointOptions.allowCommandTriggers = true;
    if (parser.isSet(denyCommands)) endpointOptions.allowCommandTriggers = false;
    if (parser.isSet(auth)) {
        auto credentials = dd::security::Credentials::load(parser.value(auth));
        if (!credentials.ok())
            fail(credentials.error().message());
        endpointOptions.credentials = *credentials;
        std::fprintf(stderr, "Checking signatures: %lld users from %s\n", static_cast<long long>((*credentials)->size()), qPrintable(parser.value(auth)));
    }
    if (parser.isSet(cors))
        endpointOptions.corsOrigins = parser.value(cors).split(QLatin1Char(','), Qt::SkipEmptyParts);
    dd::http::Endpoint endpoint(**engine, endpointOptions);
    QString error;
    if (!endpoint.start(&error))
        fail(error, 1);

    // Stop cleanly on SIGINT/SIGTERM: the handler only pokes an eventfd.
    g_signalFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    QSocketNotifier notifier(g_signalFd, QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    std::printf("Dynamodesk %s listening on http://%s:%u (%s)\n", DD_VERSION, qPrintable(endpointOptions.http.host),
                unsigned(endpoint.port()),
                engineOptions.inMemory ? "in memory" : qPrintable(QDir(engineOptions.dataDir).absolutePath()));
    std::fflush(stdout);
    std::fprintf(stderr, "S3 buckets of exports and imports: %s\n", qPrintable((*engine)->bucketsFolder()));
    if (parser.isSet(keyFile) && !parser.isSet(decryptDir))
        std::fprintf(stderr, "Data encrypted at rest (AES-256-GCM), with the key or passphrase of %s\n",
                     qPrintable(parser.value(parser.isSet(newKeyFile) ? newKeyFile : keyFile)));
    std::unique_ptr<dd::daxwire::DaxServer> daxServer;
    if (parser.isSet(daxPort)) {
        dd::daxwire::DaxServerOptions daxOptions;
        daxOptions.host = endpointOptions.http.host;
        daxOptions.basePort = quint16(daxPortNumber);
        daxOptions.credentials = endpointOptions.credentials; // --auth checks DAX connections too
        // Clients cache attribute list ids for their whole life: keep them across restarts.
        if (!engineOptions.inMemory)
            daxOptions.attributeListsFile = QDir(engineOptions.dataDir).filePath(QStringLiteral("dax-attribute-lists.jsonl"));
        daxOptions.log = [](const QString &line) {
            std::fprintf(stderr, "%s\n", qPrintable(line));
            std::fflush(stderr);
        };
        daxServer = std::make_unique<dd::daxwire::DaxServer>(**engine, daxOptions);
        daxServer->start();
    }
    const int rc = app.exec();
    if (daxServer)
        daxServer->stop();
    endpoint.stop();
    return rc;
}
