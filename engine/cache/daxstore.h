// DaxStore: the DAX resources of one region (clusters, parameter groups,
// subnet groups, and the events DescribeEvents lists), each as its Describe
// operation shows it, in SQLite table dd_dax_resources of the region's
// database, so that they survive a restart as on AWS. The caches themselves
// live in memory only (clusters.h): a restart empties them.
// Threads: any thread (through Database::read/write).
#pragma once

#include "model/result.h"
#include "storage/database.h"

#include <QJsonObject>

#include <optional>
#include <vector>

namespace dd::cache {

// Written to disk: do not reorder.
enum class DaxKind { Cluster = 0, ParameterGroup = 1, SubnetGroup = 2, Event = 3 };

class DaxStore {
public:
    // Creates the table if needed.
    static Result<void> install(storage::Database &db);

    // Inserts or replaces the description of resource `name` of `kind`.
    static Result<void> put(storage::WriteTxn &txn, DaxKind kind, const QString &name, const QJsonObject &description);
    // Removes it; nothing if there is none.
    static Result<void> remove(storage::WriteTxn &txn, DaxKind kind, const QString &name);
    static Result<std::optional<QJsonObject>> get(storage::Connection &c, DaxKind kind, const QString &name);
    // Every resource of `kind`, by name.
    static Result<std::vector<QJsonObject>> list(storage::Connection &c, DaxKind kind);
};

} // namespace dd::cache
