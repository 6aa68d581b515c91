// Export of a Scan or Query result to CSV (RFC 4180): a header row of the
// union of the attribute names of all exported items, key attributes
// first and the rest by name, then one row per item. Strings, numbers,
// binaries (base64) and booleans are written as their text; NULL, maps,
// lists and sets as compact DynamoDB JSON in the cell; an absent attribute
// is an empty field. Fields holding a comma, quote, CR or LF are quoted
// with quotes doubled; lines end in CRLF.
//
// The header needs every item first, so items go to a temporary file as
// they arrive and the CSV is written after the last page. The target is a
// QSaveFile, committed only when the export finishes (a cancelled or
// failed export leaves no file). Runs on the Connection's pool; progress
// counts items read, then rows written.
#pragma once

#include "browser/exportjsonl.h"
#include "common/tablekeys.h"

#include <QFuture>
#include <QJsonObject>
#include <QString>

namespace dd::ui {

class Connection;

namespace csv {
QString field(const QString &text);               // one field, quoted when RFC 4180 requires it
QString cell(const QJsonObject &attribute);       // an attribute value as the text of its cell
} // namespace csv

// The connection must outlive the future (its destructor waits for it).
// `cancel` (may be null) stops it, leaving no file.
QFuture<ExportResult> startExportCsv(Connection *connection, const QString &operation, const QJsonObject &request,
                                     const TableKeys &keys, const QString &filePath, CancelFlag cancel = {});

} // namespace dd::ui
