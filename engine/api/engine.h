// Engine: the DynamoDB API of one data directory (or of memory). The one
// entry point is call(): an operation name and a JSON request in, a JSON
// response body or an ApiError out, with exactly the shapes of DynamoDB's
// wire protocol. The HTTP endpoint and the in-process client both use it.
//
// Thread-safe: call() may be used from any number of threads at once.
#pragma once

#include "model/clock.h"
#include "model/result.h"
#include "storage/checkpointstats.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace dd::security {
struct Principal;
class Credentials;
}

namespace dd::api {

// Who is calling and where: taken from the request's SigV4 credential scope.
struct RequestContext {
    QString region = QStringLiteral("us-east-1");
    QString accountId = QStringLiteral("000000000000");
    QString accessKeyId;
    // The signer, when an endpoint verifies signatures (dynamodesk-server
    // --auth): each call is checked against its policy (security/permissions.h)
    // before anything else. Null: every call is allowed.
    std::shared_ptr<const security::Principal> principal;
    // The users such an endpoint knows, so that a resource-based policy can
    // name only those (PutResourcePolicy). Null: any principal is taken.
    std::shared_ptr<const security::Credentials> users;
    // The caller's IP address (aws:SourceIp in policy conditions); empty in process.
    QString sourceIp;
    // False when the caller may be on another machine (an endpoint bound
    // beyond the loopback interface): CreateTrigger and UpdateTrigger then
    // refuse a Command, which would run a shell command as this process.
    bool commandTriggersAllowed = true;
    // The DAX cluster the request came through (the endpoint's path
    // /dax/<name>): item operations are answered by its caches
    // (cache/clusters.h). Empty: straight to the tables.
    QString daxCluster;
    // Where the caller reached the engine ("http://127.0.0.1:8000", from
    // the Host header), for the endpoints DAX clusters describe. Empty in
    // process.
    QString endpointUrl;
};

struct EngineOptions {
    QString dataDir;                      // folder holding <region>.db files; ignored when inMemory
    bool inMemory = false;                // keep everything in memory
    bool delayTransientStatuses = false;  // emulate AWS's CREATING/UPDATING/DELETING delays
    Clock *clock = nullptr;               // not owned; null means the system clock
    qint64 itemCollectionLimitBytes = 10LL * 1024 * 1024 * 1024; // per partition key of a table with LSIs (AWS: 10 GB)
    qint64 streamRetentionMs = 24LL * 3600 * 1000; // stream records older than this are trimmed (AWS: 24 hours)
    int ttlSweepIntervalMs = 60000;       // wall time between TTL sweeps; 0: no sweeper thread
    int changeLogPruneIntervalMs = 60000; // wall time between change-log prunes (at most a quarter of the retention); 0: none
    int pitrMaintenanceIntervalMs = 60000; // wall time between PITR passes (daily base snapshots, pruning past the window); 0: none
    int insightsSaveIntervalMs = 60000;   // wall time between saves of Contributor Insights' counts (if they changed); 0: only on close
    // Before opening them, compact the data directory's database files
    // (DynamoDB Local's -optimizeDbBeforeStartup): the free pages deleted
    // tables and items left go back to the file system. Each file is
    // reported to `compacted` (its region, bytes before and after, or the
    // error that left it as it was: the region opens either way), if set.
    // The folder of the local S3 buckets that exports write to and imports
    // read from (migration/localbuckets.h): bucket B is its folder B. Empty:
    // the data directory's "s3", or in memory a temporary folder removed
    // when the engine closes (Engine::bucketsFolder() names it).
    QString s3Dir;
    // Items per data file of an export (AWS writes at least one file per
    // partition; tests lower it to get several).
    int exportItemsPerFile = 100000;
    // The most memory one DAX cluster's caches may take (cache/clusters.h):
    // a cluster gets its node type's memory up to this.
    qint64 daxCacheBytes = 256LL * 1024 * 1024;
    // Encryption at rest (security/datadirkey.h), for a data directory: its
    // key (64 hex digits) or passphrase. A new directory opened with one is
    // encrypted; an encrypted one does not open without it. Ignored in memory.
    QByteArray encryptionKey;
    // Before opening: Encrypt converts the directory's data in the clear
    // under encryptionKey (or finishes a conversion cut short); Decrypt
    // converts it back. newEncryptionKey, if set, replaces the key or
    // passphrase (the data is not rewritten), and is then the one in use.
    enum class EncryptionChange { None, Encrypt, Decrypt };
    EncryptionChange encryptionChange = EncryptionChange::None;
    QByteArray newEncryptionKey;
    // Called before each file an Encrypt or Decrypt converts.
    std::function<void(const QString &file, int index, int count)> converting;
    bool compactBeforeOpening = false;
    std::function<void(const QString &region, qint64 bytesBefore, qint64 bytesAfter, const QString &error)> compacted;
    // Called before each file's compaction: its region, its place (0-based)
    // among `count` files. Once compactionCancelled (if set) returns true,
    // asked every few thousand steps of SQLite's, the compaction under way
    // stops (its file stays as it was; `compacted` reports "interrupted")
    // and no further file is compacted.
    std::function<void(const QString &region, int index, int count)> compacting;
    std::function<bool()> compactionCancelled;
    // (These four are called only inside Engine::open(), and options()
    // returns them empty, so they may capture the caller's locals; options()
    // returns no keys either.)
};

class Engine {
public:
    // Opens (creating if needed) the data directory and takes its lock. A
    // second process on the same directory gets an error naming the owner.
    static Result<std::unique_ptr<Engine>> open(const EngineOptions &options);
    ~Engine();

    // Runs one operation ("GetItem", "CreateTable", ...). `body` is the raw
    // JSON request; malformed JSON is a SerializationException, an unknown
    // operation an UnknownOperationException. Returns the response body as
    // compact JSON.
    Result<QByteArray> call(const RequestContext &context, QStringView operation, QByteArrayView body);
    Result<QByteArray> call(const RequestContext &context, QStringView operation, const QJsonObject &request);

    const EngineOptions &options() const;
    // The folder of the local S3 buckets (EngineOptions::s3Dir, or the one chosen for it).
    QString bucketsFolder() const;

    // Whether `name` can name a region: lowercase letters, digits and
    // hyphens, as AWS's region names (they become file names).
    static bool isRegionName(const QString &name);
    // The regions whose database is open: those of the data directory and
    // those requests have used since, by name.
    QStringList regions() const;

    // Where DAX cluster `cluster` of `region` is served on the DAX wire
    // protocol ("dax://127.0.0.1:8111", daxwire/daxserver.h), for the
    // endpoints DescribeClusters shows; empty: not served (the cluster is
    // then shown at the HTTP endpoint's /dax/<name>). Any thread.
    void setDaxEndpoint(const QString &region, const QString &cluster, const QString &url);

    // Commit listeners of a region's database, for in-process readers of
    // streams that would rather wake than poll (the live stream viewer):
    // `fn` runs after every commit in the region that may have written, on
    // the committing thread (possibly under the write lock: it must be quick
    // and must not call the engine). Opens the region if needed. Returns an
    // id for removeCommitListener(), after which fn is never called again.
    Result<int> addCommitListener(const QString &region, std::function<void()> fn);
    void removeCommitListener(const QString &region, int id);

    // Group commit for a caller's event loop (storage/commitscope.h): from
    // beginTurn() to endTurn() on one thread, the writes that thread makes
    // share one SQLite commit, made by endTurn(). Answers to those writes
    // must be held until endTurn() returns; it returns the error of a failed
    // commit, after which none of them is kept.
    static void beginTurn();
    static std::optional<ApiError> endTurn();

    // What the checkpoint thread of a region's database did since it was
    // opened, for benchmarks. Opens the region if needed.
    Result<storage::CheckpointStats> checkpointStats(const QString &region);

private:
    Engine();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace dd::api
