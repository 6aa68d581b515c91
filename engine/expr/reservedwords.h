// DynamoDB's reserved words (Developer Guide, "Reserved words in DynamoDB").
// A reserved word may not appear as a plain attribute name in an expression;
// it must be written through an ExpressionAttributeNames #reference.
#pragma once

#include <QStringView>

namespace dd::expr {

// True if `name` is a reserved word, compared case-insensitively.
bool isReservedWord(QStringView name);

} // namespace dd::expr
