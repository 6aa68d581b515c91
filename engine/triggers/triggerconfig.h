// TriggerConfig: the settings of one local trigger, the stand-in for a
// Lambda event source mapping on a table's stream: what to run (a shell
// command, or a URL to POST to) with batches of stream records, and how
// (batch size, batching window, starting position, retries, bisect, failure
// destination, timeout, paused or not). Read from and written as the JSON
// of Dynamodesk.CreateTrigger (PascalCase keys, as AWS's APIs spell them).
// Limits and defaults are Lambda's (API Reference, CreateEventSourceMapping).
// Value type; thread-safe.
#pragma once

#include "model/result.h"

#include <QJsonObject>
#include <QString>

namespace dd::triggers {

struct TriggerConfig {
    // Lambda's limits and defaults for stream sources.
    static constexpr int kMinBatchSize = 1, kMaxBatchSize = 10000, kDefaultBatchSize = 100;
    static constexpr int kMaxBatchingWindowSeconds = 300;
    static constexpr int kMaxRetryAttempts = 10000;     // -1: until success (or the records expire)
    static constexpr int kMinTimeoutSeconds = 1, kMaxTimeoutSeconds = 900, kDefaultTimeoutSeconds = 3;

    QString name;                   // TriggerName: 1-64 of [A-Za-z0-9_.-], unique per region
    QString table;                  // TableName: whose stream feeds the trigger
    QString command;                // Command: run with /bin/sh -c, the event JSON on stdin; exit 0 = success
    QString url;                    // Url: http://host[:port]/path, POSTed the event JSON; 2xx = success
    int batchSize = kDefaultBatchSize;       // BatchSize: most records per invocation
    int batchingWindowSeconds = 0;           // MaximumBatchingWindowInSeconds: wait this long to fill a batch
    bool startAtTrimHorizon = false;         // StartingPosition TRIM_HORIZON (every retained record) or LATEST (changes after creation)
    int maximumRetryAttempts = -1;           // MaximumRetryAttempts: retries of a failed batch; -1 = until success
    bool bisectOnError = false;              // BisectBatchOnFunctionError: split a failed batch in two and retry the halves
    QString onFailureFile;                   // OnFailureFile: JSON Lines of batches passed over; empty = none
    int timeoutSeconds = kDefaultTimeoutSeconds; // TimeoutSeconds: an invocation running longer is killed and failed
    bool enabled = true;                     // Enabled: false pauses delivery (the checkpoint stays)

    // A new trigger from a CreateTrigger request. TriggerName, TableName and
    // exactly one of Command and Url are required. `ignoredKeys` are accepted
    // and not read (options of the request rather than settings). Bad or
    // unknown keys: ValidationException naming the key.
    static Result<TriggerConfig> fromCreateRequest(const QJsonObject &request, const QStringList &ignoredKeys = {});
    // This trigger with the settings an UpdateTrigger request changes.
    // TableName and StartingPosition cannot change (as on Lambda); Command or
    // Url replaces the other.
    Result<TriggerConfig> updatedBy(const QJsonObject &request) const;

    // The settings as CreateTrigger's keys (all of them, defaults included).
    QJsonObject toJson() const;
};

} // namespace dd::triggers
