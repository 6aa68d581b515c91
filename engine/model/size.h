// Item and attribute sizes by DynamoDB's rules (Developer Guide, "Item sizes
// and formats"): names and strings count UTF-8 bytes, numbers 1 byte per two
// significant digits plus 1, binaries their raw bytes, BOOL and NULL 1 byte,
// maps and lists 3 bytes plus 1 byte per element plus the elements.
#pragma once

#include "model/attributevalue.h"

namespace dd::model {

qint64 attributeSize(const AttributeValue &v);          // value only
qint64 itemSize(const Item &item);                      // sum of names + values

// Why `name` cannot name an attribute ("Attribute names must be at least one character long, but no greater
// than 64 KB long", Developer Guide, "Supported data types and naming rules"), or an empty string if it can.
QString attributeNameProblem(QStringView name);

// Capacity units (Developer Guide, "Read/write capacity mode"): reads in 4 KB
// units, halved when eventually consistent; writes in 1 KB units; minimum one.
double readCapacityUnits(qint64 itemBytes, bool consistentRead);
double writeCapacityUnits(qint64 itemBytes);

} // namespace dd::model
