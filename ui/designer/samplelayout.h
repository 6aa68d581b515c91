// SampleLayout: sample items as a table or one of its indexes holds them,
// the way NoSQL Workbench's visualizer draws them: grouped by partition key
// value (groups in the order their first item appears) and, within a group,
// ordered by sort key in DynamoDB's order (S by UTF-8 bytes, N by value, B
// by bytes). A GSI's multi-attribute key (AWS, November 2025) groups by the
// combination of all its partition attributes' values and orders by its sort
// attributes in key-schema order, compared one after another. Seen through
// an index, items without every one of the index's key attributes (or with
// one of another type) are absent, and only the projected attributes remain.
// Value type; safe from any thread.
#pragma once

#include "designer/tabledesign.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace dd::ui {

struct SampleLayout {
    struct Group {
        QList<QJsonObject> partitionValues; // one per attribute of `partitions`, e.g. {"S": "acme"}, {"N": "2025"}
        QJsonObject partitionValue;         // partitionValues' first
        QList<QJsonObject> items;           // in sort-key order
    };
    KeyAttribute partition;          // the keys of the view: partitions' first
    KeyAttribute sort;               // sorts' first; name empty when the view has no sort key
    QList<KeyAttribute> partitions;  // every partition attribute, in key-schema order (one but for a multi-attribute GSI)
    QList<KeyAttribute> sorts;       // every sort attribute, in key-schema order; empty without a sort key
    QStringList attributes;          // the other columns, in first-seen order
    QList<Group> groups;
    int absent = 0;                  // items the view does not hold (or that a later item with the same key replaced)

    // The table's view (`index` empty) or the index named `index` of `design`.
    // An unknown index gives an empty layout. `items` holds DynamoDB JSON items.
    static SampleLayout build(const TableDesign &design, const QString &index, const QJsonArray &items);

    // DynamoDB's order of two scalar key values of one type: <0, 0, >0.
    static int compareKeys(const QJsonObject &a, const QJsonObject &b);
};

} // namespace dd::ui
