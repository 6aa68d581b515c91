// CSV as DynamoDB's imports read it (RFC 4180): records of fields split by
// a one-character delimiter (default ','), fields in double quotes may hold
// the delimiter, line breaks and doubled quotes (""), lines end with LF or
// CRLF. A UTF-8 byte order mark at the start is skipped.
// Threads: a plain function, any thread.
#pragma once

#include "model/result.h"

#include <QByteArrayView>
#include <QStringList>

#include <functional>

namespace dd::migration {

// Passes each record of `text` to `record` with the 1-based line it starts
// on (a blank line is no record); stops early when `record` returns false.
// Error: a ValidationException naming the line of a quote that is not
// closed, or of text after a closing quote.
Result<void> readCsv(QByteArrayView text, char delimiter, const std::function<bool(const QStringList &fields, int line)> &record);

} // namespace dd::migration
