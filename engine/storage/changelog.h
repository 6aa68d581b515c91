// ChangeLog: the change log's SQLite layout (schema version 3). Each
// DynamoDB table whose changes something reads (Database::addChangeLogConsumer)
// has a log of its own, the rowid table changelog_<table id>, whose INTEGER
// PRIMARY KEY is the change's sequence number: one B-tree per row written,
// appended at its right edge (version 2 kept one shared table plus an index
// by (table_id, seq): two B-trees, a third of a streamed PutItem's cost).
//
// Sequence numbers are global to the database, so that they order changes
// across tables (the pruner's watermarks, PITR's keep_seq, trigger
// checkpoints): the single writer hands them out from a counter in memory
// (WriteTxn::changeLogEnd), seeded on open from the logs and from
// meta.changelog_seq, which whoever deletes log rows updates first, so that
// sequence numbers never go back.
//
// A log is created by the first change it holds and outlives its table
// (a deleted table's stream stays readable for 24 hours; PITR restores
// deleted tables); ChangeLogPruner drops it once nothing refers to it.
// Readers of a table without a log get no rows (see prepare()).
//
// The view `changelog` (seq, time_ms, table_id, event, keys, old_image,
// new_image, origin) unites every log for ad-hoc queries and tests; it
// scans them all (up to SQLite's 500 terms of a compound SELECT; beyond
// that it is left empty), so the engine reads the per-table logs.
//
// Threads: stateless; run these on a connection inside Database::read or
// ::write (the functions that change the schema inside ::write).
#pragma once

#include "model/result.h"
#include "storage/connection.h"

#include <QByteArray>

#include <vector>

namespace dd::storage {

class ChangeLog {
public:
    // The SQLite table holding the log of table `tableId` (TableDef::id).
    static QByteArray sqlTable(qint64 tableId);
    // CREATE TABLE IF NOT EXISTS for that log; its columns, in this order:
    // seq, time_ms, event (ChangeEvent), origin (streams::ChangeOrigin),
    // keys, old_image, new_image (DynamoDB JSON; images NULL when absent).
    static QByteArray createSql(qint64 tableId);

    // The ids of the tables that have a log, ascending.
    static Result<std::vector<qint64>> tableIds(Connection &c);
    // The highest seq in the log of `tableId`; 0 if it has no rows or no log.
    static Result<qint64> lastSeq(Connection &c, qint64 tableId);
    // The highest seq of every log and of meta.changelog_seq; 0 if none.
    static Result<qint64> highWater(Connection &c);

    // Prepares `sql`, in which "LOG" (a whole word, upper case) stands for the
    // log of `tableId`. Returns null (not an error) if that table has no log:
    // the caller reads no rows. The statement is cached on `c`.
    static Result<Statement *> prepare(Connection &c, qint64 tableId, const QByteArray &sql);

    // Creates the log of `tableId` if missing and, if it made one, the view anew.
    static Result<void> create(Connection &c, qint64 tableId);
    // Drops the log of `tableId` and rebuilds the view. Call
    // WriteTxn::saveChangeLogEnd() first in the same transaction.
    static Result<void> drop(Connection &c, qint64 tableId);
    // (Re)creates the view `changelog` over the logs that exist.
    static Result<void> rebuildView(Connection &c);

    // Schema version 2 to 3: moves the rows of the shared table `changelog`
    // (with its index) into per-table logs, keeping their seq, time, event,
    // origin and images, records its highest seq in meta.changelog_seq and
    // drops it. Nothing if there is no such table.
    static Result<void> convertSharedLog(Connection &c);
};

} // namespace dd::storage
