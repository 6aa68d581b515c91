// Import of a JSON Lines file into a table: one item per line, as DynamoDB's
// export to S3 and Export JSON Lines… write it ({"Item": {...}}) or as a
// bare item, both in DynamoDB JSON; blank lines are skipped. A file that is
// one JSON document instead (its first line is not an object on its own)
// is read whole: the output of `aws dynamodb scan` or any Scan or Query
// response ({"Items": [...]}), or an array of items; errors then count
// items instead of lines. Items go in
// BatchWriteItem PutRequests of 25 (DynamoDB's per-call limit), unprocessed
// ones retried with backoff, on the Connection's pool, so that the file can
// be far larger than memory. A key that comes again starts a new batch
// (BatchWriteItem refuses duplicates in one call): the later line wins, as
// with PutItem one after the other. Progress counts lines (a first pass
// counts them).
//
// A line that is not an item stops the import at that line, after writing
// the items of the lines before it; a call that fails stops it too. Either
// way the error names the line(s) and says why. Cancelling stops between
// batches; what was written stays written.
#pragma once

#include "common/progresspanel.h"
#include "common/tablekeys.h"

#include <QFuture>
#include <QString>

namespace dd::ui {

class Connection;

struct ImportResult {
    qint64 items = 0;  // items written
    QString error;     // empty on success ("Line 7: ...")
    bool canceled = false;
};

// The connection must outlive the future (its destructor waits for it).
// `cancel` (may be null) stops it between batches; the result says how many were written.
QFuture<ImportResult> startImportJsonLines(Connection *connection, const QString &table, const TableKeys &keys,
                                           const QString &filePath, CancelFlag cancel = {});

} // namespace dd::ui
