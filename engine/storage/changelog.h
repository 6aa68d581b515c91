// ChangeLog: the change log's SQLite layout (schema version 5). Each
// DynamoDB table whose changes something reads (Database::addChangeLogConsumer)
// has a log of its own, the rowid table changelog_<table id>, appended at
// its right edge.
//
// A row of a log is a block: the changes of that table that one commit
// (a group commit or a commit scope, see database.h) made, in seq order.
// Its INTEGER PRIMARY KEY is the seq of its last change, so that the block
// holding seq s is the first with seq >= s. Version 4 kept a row per change;
// a row costs SQLite about as much as the change's images do (a cell, its
// B-tree descent and the statement's run), and a streamed PutItem paid one:
// blocks of one commit's changes take that off all of them but one.
//
// A block's columns: `heads`, the changes' fixed parts (seq, time, event,
// origin, the images' lengths) and `bodies`, their keys and images in the
// same order. Readers of times and events (DescribeTableHistory, seeks by
// seq or time) read heads alone, so a large image's overflow pages are not
// read; storage/changelogblock.h has the encoding.
//
// Sequence numbers are global to the database, so that they order changes
// across tables (the pruner's watermarks, PITR's keep_seq, trigger
// checkpoints): the single writer hands them out from a counter in memory
// (WriteTxn::changeLogEnd), seeded on open from the logs and from
// meta.changelog_seq, which whoever deletes log rows updates first, so that
// sequence numbers never go back. A change has its seq from its write on;
// its block is stored when its commit is (Database flushes the pending
// blocks before COMMIT, and before a read through the open transaction).
//
// A log is created by the first change it holds and outlives its table
// (a deleted table's stream stays readable for 24 hours; PITR restores
// deleted tables); ChangeLogPruner drops it once nothing refers to it.
// Readers of a table without a log get no changes.
//
// The view `changelog` (seq, first_seq, time_ms, n, table_id) unites the
// blocks of every log for ad-hoc queries and tests (up to SQLite's 500
// terms of a compound SELECT; beyond that it is left empty).
//
// Threads: stateless; run these on a connection inside Database::read or
// ::write (the functions that change the schema inside ::write).
#pragma once

#include "model/result.h"
#include "storage/changelogblock.h"
#include "storage/connection.h"

#include <QByteArray>

#include <functional>
#include <optional>
#include <vector>

namespace dd::storage {

class ChangeLog {
public:
    // The SQLite table holding the log of table `tableId` (TableDef::id).
    static QByteArray sqlTable(qint64 tableId);
    // CREATE TABLE IF NOT EXISTS for that log; its columns, in this order:
    // seq (the block's last), first_seq, time_ms (the block's latest),
    // n (its changes), heads, bodies.
    static QByteArray createSql(qint64 tableId);

    // The ids of the tables that have a log, ascending.
    static Result<std::vector<qint64>> tableIds(Connection &c);
    // The highest seq in the log of `tableId`; 0 if it has no rows or no log.
    static Result<qint64> lastSeq(Connection &c, qint64 tableId);
    // The highest seq of every log and of meta.changelog_seq; 0 if none.
    static Result<qint64> highWater(Connection &c);

    // Calls `fn` with each change of the log of `tableId` whose seq is from
    // `from` to `to`, in seq order, until it returns false. Without
    // `bodies`, keys and images are null and only the blocks' heads are read.
    static Result<void> read(Connection &c, qint64 tableId, qint64 from, qint64 to, bool bodies,
                             const std::function<bool(const ChangeRecord &)> &fn);
    // The highest seq from `from` to `to` in the log of `tableId`, if any.
    static Result<std::optional<qint64>> lastSeqIn(Connection &c, qint64 tableId, qint64 from, qint64 to);

    // Prepares `sql`, in which "LOG" (a whole word, upper case) stands for the
    // log of `tableId`. Returns null (not an error) if that table has no log:
    // the caller reads no rows. The statement is cached on `c`.
    static Result<Statement *> prepare(Connection &c, qint64 tableId, const QByteArray &sql);
    // Appends `block` to the log of `tableId`, which must exist.
    static Result<void> store(Connection &c, qint64 tableId, const ChangeLogBlock &block);

    // Creates the log of `tableId` if missing and, if it made one, the view anew.
    static Result<void> create(Connection &c, qint64 tableId);
    // Drops the log of `tableId` and rebuilds the view. Call
    // WriteTxn::saveChangeLogEnd() first in the same transaction.
    static Result<void> drop(Connection &c, qint64 tableId);
    // (Re)creates the view `changelog` over the logs that exist.
    static Result<void> rebuildView(Connection &c);

    // Schema version 2 to 3: moves the rows of the shared table `changelog`
    // (with its index) into per-table logs of version 3's layout, keeping
    // their seq, time, event, origin and images, records its highest seq in
    // meta.changelog_seq and drops it. Nothing if there is no such table.
    static Result<void> convertSharedLog(Connection &c);
    // Schema version 4 to 5: rewrites each log of version 3's layout (a row
    // per change) as blocks of consecutive changes, keeping every field.
    static Result<void> convertToBlocks(Connection &c);
};

} // namespace dd::storage
