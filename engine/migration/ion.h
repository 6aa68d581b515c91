// Amazon Ion text, as DynamoDB's exports write items in ION format and its
// imports read them: S as an Ion string, N as a decimal, B as a blob, BOOL
// and NULL as themselves, M as a struct, L as a list, and the sets as lists
// annotated $dynamodb_SS, $dynamodb_NS and $dynamodb_BS. The reader takes
// the Ion text that such exports hold (and any text Ion value of those
// kinds: comments, symbols in quotes, long strings, ints and floats as
// numbers) and gives each value as DynamoDB JSON, for model::itemFromJson
// to validate as PutItem does.
// Threads: plain functions, any thread.
#pragma once

#include "model/attributevalue.h"
#include "model/result.h"

#include <QByteArray>
#include <QJsonValue>

#include <functional>

namespace dd::migration {

// Appends `item` as an Ion struct of its attributes.
void writeIonItem(const model::Item &item, QByteArray &out);

// Reads the top-level values of Ion text `text` in turn and passes each,
// converted to DynamoDB JSON's shape (a struct to {"M": ...}, a string to
// {"S": ...}, ...), to `value` with the 1-based line it starts on; stops
// early when `value` returns false. The version marker $ion_1_0 is
// skipped. Error: a ValidationException naming the line for text that is
// not Ion (a value already passed stays passed).
Result<void> readIon(QByteArrayView text, const std::function<bool(const QJsonValue &value, int line)> &value);

} // namespace dd::migration
