// TableDef: the definition of one DynamoDB table as the engine keeps it.
// Persisted as `description`, which has exactly the shape of DescribeTable's
// TableDescription minus the live figures (ItemCount, TableSizeBytes, index
// counts), so that one format serves disk and wire. The key schema and the
// SQL of the table's store are parsed out once for the hot paths.
// Immutable once built; shared between threads through shared_ptr<const>.
#pragma once

#include "model/attributevalue.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <vector>

namespace dd::storage {

struct KeyElement {
    QString name;          // attribute name
    model::AttrType type;  // S, N or B
};

struct KeySchema {
    KeyElement hash;                 // partition key
    std::optional<KeyElement> range; // sort key, if any
};

struct IndexDef {
    QString name;
    bool global = true;              // GSI or LSI
    KeySchema keys;
    QString projectionType;          // KEYS_ONLY, INCLUDE, ALL
    QStringList nonKeyAttributes;    // for INCLUDE
};

struct TableDef {
    qint64 id = 0;                   // storage id, never reused; the items live in SQLite table t<id>
    QString name;
    QJsonObject description;         // TableDescription without live figures
    KeySchema keys;
    std::vector<IndexDef> indexes;   // GSIs then LSIs

    QByteArray sqlTable;             // "t<id>"

    // Parses the key schema and indexes out of a description written by this engine.
    static TableDef fromDescription(qint64 id, const QJsonObject &description);
};

} // namespace dd::storage
