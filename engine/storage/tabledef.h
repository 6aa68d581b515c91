// TableDef: the definition of one DynamoDB table as the engine keeps it.
// Persisted as `description`, which has exactly the shape of DescribeTable's
// TableDescription minus the live figures (ItemCount, TableSizeBytes, index
// counts), so that one format serves disk and wire; members whose names
// start with '_' are the engine's own and never shown (at the top level and
// in each index). The key schema, the indexes and the SQL names of the
// table's stores are parsed out once for the hot paths.
// Immutable once built; shared between threads through shared_ptr<const>.
#pragma once

#include "model/attributevalue.h"

#include <QByteArray>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <optional>
#include <vector>

namespace dd::storage {

struct KeyElement {
    QString name;          // attribute name
    model::AttrType type;  // S, N or B
};

// A table's or an index's key. A GSI's partition and sort key may each be
// made of up to four attributes (multi-attribute keys): hashParts and
// rangeParts list them in key-schema order; hash and range are their first.
// Tables and LSIs have one of each at most. A key of several parts is
// stored in model::appendKeyPart()'s encoding, a key of one part plainly.
struct KeySchema {
    KeyElement hash;                     // partition key (its first attribute)
    std::optional<KeyElement> range;     // sort key (its first attribute), if any
    std::vector<KeyElement> hashParts;   // every partition key attribute; hashParts[0] is hash
    std::vector<KeyElement> rangeParts;  // every sort key attribute; empty without a sort key

    // Whether the partition or the sort key has more than one attribute.
    bool composite() const { return hashParts.size() > 1 || rangeParts.size() > 1; }
    // Whether `name` is one of the key's attributes.
    bool contains(const QString &name) const;
};

struct IndexDef {
    QString name;
    bool global = true;              // GSI or LSI
    KeySchema keys;
    QString projectionType;          // KEYS_ONLY, INCLUDE, ALL
    QStringList nonKeyAttributes;    // for INCLUDE
    qint64 id = 0;                   // storage id ("_IndexId"), never reused; 0: no store yet (pre-index databases)
    bool backfilling = false;        // CREATING while existing items are copied in; not readable yet
    QSet<QString> projected;         // attributes an entry holds, unless projectAll: index and table keys, NonKeyAttributes
    QStringList projectedList;       // the same names as a list, for hot loops (a QSet walk visits all its buckets)
    bool projectAll = false;         // ProjectionType ALL: an entry is the whole item
    bool insights = false;           // Contributor Insights enabled (insights/insightsconfig.h)

    QByteArray sqlTable;             // "i<table id>_<index id>"

    // Whether an entry of this index holds attribute `name`.
    bool projects(const QString &name) const { return projectAll || projected.contains(name); }
};

struct TableDef {
    qint64 id = 0;                   // storage id, never reused; the items live in SQLite table t<id>
    QString name;
    QJsonObject description;         // TableDescription without live figures
    KeySchema keys;
    std::vector<IndexDef> indexes;   // GSIs then LSIs, without those being deleted
    bool hasLocalIndexes = false;    // item collections are tracked (and limited) only then
    // CREATING while a restore loads it (RestoreSummary.RestoreInProgress)
    // while a new replica of a global table is filled ("_ReplicaLoading") or
    // while an import loads it ("_Importing"): only that load writes it, and
    // item operations find no table, as on AWS.
    bool restoring = false;
    // Contributor Insights enabled on the table itself, or on any of its
    // indexes (insights/insightsconfig.h): its accesses are counted by key.
    bool insights = false;
    bool anyInsights = false;

    QByteArray sqlTable;             // "t<id>"
    QByteArray sqlBodies;            // "b<id>": the JSON of its large items (itemstore.h)
    QByteArray sqlCollections;       // "c<id>": item-collection sizes by partition key, tables with LSIs only

    // Parses the key schema and indexes out of a description written by this engine.
    static TableDef fromDescription(qint64 id, const QJsonObject &description);
    // The index named `name` (also one being deleted is not found), or null.
    const IndexDef *index(const QString &name) const;
};

} // namespace dd::storage
