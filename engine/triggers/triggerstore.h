// TriggerStore: the local triggers of a region, kept in its SQLite database
// (table `dd_triggers`): each trigger's settings and its checkpoint, the
// change-log sequence number up to which its records were delivered (or
// passed over after their retries). A restarted engine resumes each trigger
// after its checkpoint, so that a delivered batch is not sent again and no
// record is skipped.
//
// Threads: stateless; the functions run inside Database::read or ::write.
#pragma once

#include "model/result.h"
#include "storage/database.h"
#include "triggers/triggerconfig.h"

#include <optional>
#include <vector>

namespace dd::triggers {

struct StoredTrigger {
    TriggerConfig config;
    qint64 checkpoint = 0;  // records with seq <= checkpoint are done
    qint64 createdMs = 0;   // when the trigger was created
    qint64 incarnation = 0; // random id of this creation: a deleted trigger's worker never moves a new one's checkpoint
};

class TriggerStore {
public:
    // Creates dd_triggers if missing and returns the triggers it holds (read
    // in the same write transaction: when the database opens inside a
    // group-commit turn, the new table is not committed yet and a reader
    // connection would not see it). Call once per database, before it serves requests.
    static Result<std::vector<StoredTrigger>> install(storage::Database &db);

    // All triggers, by name.
    static Result<std::vector<StoredTrigger>> list(storage::Connection &c);
    static Result<std::optional<StoredTrigger>> find(storage::Connection &c, const QString &name);
    // Inserts a trigger, or replaces one of the same name (its checkpoint too).
    static Result<void> put(storage::WriteTxn &txn, const StoredTrigger &trigger);
    // Replaces a trigger's settings, keeping its checkpoint.
    static Result<void> updateConfig(storage::WriteTxn &txn, const TriggerConfig &config);
    static Result<void> remove(storage::WriteTxn &txn, const QString &name);
    // Moves the checkpoint of trigger `name` (of that incarnation) forward
    // to `seq`, never back; no-op if there is no such trigger.
    static Result<void> advance(storage::WriteTxn &txn, const QString &name, qint64 incarnation, qint64 seq);
};

} // namespace dd::triggers
