// TableDesign: what the table designer edits, as plain values, with
// DynamoDB's CreateTable rules (validate()), the request it sends
// (toCreateTableRequest()), the design read back from a request or a
// DescribeTable answer, and the design document the designer saves (with
// its access patterns and sample items). No widgets, no I/O; safe from any
// thread.
#pragma once

#include "common/tableencryption.h"
#include "designer/accesspattern.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace dd::ui {

struct KeyAttribute {
    QString name;                     // empty means "no such key" (sort keys are optional)
    QString type = QStringLiteral("S"); // "S", "N" or "B"
};

struct IndexDesign {
    bool global = true;               // GSI, or LSI
    QString name;
    KeyAttribute partition;           // for an LSI, the table's partition key; a GSI's first partition attribute
    KeyAttribute sort;                // required for an LSI; a GSI's first sort attribute
    // A GSI's multi-attribute key (AWS, November 2025): the 2nd to 4th
    // partition and sort attributes, in key-schema order. Empty for an LSI.
    QList<KeyAttribute> morePartitions;
    QList<KeyAttribute> moreSorts;

    QList<KeyAttribute> partitionKeys() const; // partition, then morePartitions
    QList<KeyAttribute> sortKeys() const;      // sort (when named or followed by more), then moreSorts
    bool isMultiAttribute() const { return !morePartitions.isEmpty() || !moreSorts.isEmpty(); }
    QString projection = QStringLiteral("ALL"); // ALL, KEYS_ONLY or INCLUDE
    QStringList included;             // NonKeyAttributes, INCLUDE only
};

// One broken rule: `field` names the widget it belongs to ("tableName",
// "partition", "sort", "capacity", "index:<i>:name", "index:<i>:partition",
// "index:<i>:sort", "index:<i>:included", "tag:<i>", "indexes", "tags",
// "ttl", "encryption").
struct DesignIssue {
    QString field;
    QString message; // translated; the reason shown beside the field
};

struct TableDesign {
    Q_DECLARE_TR_FUNCTIONS(dd::ui::TableDesign)
public:
    QString tableName;
    KeyAttribute partition;
    KeyAttribute sort;
    bool onDemand = true;             // BillingMode PAY_PER_REQUEST, else PROVISIONED
    qint64 readCapacity = 5;          // PROVISIONED only; GSIs get the same
    qint64 writeCapacity = 5;
    QList<IndexDesign> indexes;
    QString streamViewType;           // empty: no stream; else NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY
    QList<QPair<QString, QString>> tags; // key, value
    QString ttlAttribute;             // empty: TTL off; else UpdateTimeToLive's AttributeName
    TableEncryption encryption;       // at rest; Owned sends no SSESpecification
    QList<AccessPattern> patterns;    // the queries the application needs (designer only, not sent)
    QJsonArray samples;               // sample items in DynamoDB JSON (designer only, not sent)

    // Every rule that the design breaks, in field order; empty when
    // CreateTable would accept it (limits as in DynamoDB's documentation,
    // "Service, account, and table quotas in Amazon DynamoDB").
    QList<DesignIssue> validate() const;
    // The CreateTable request in the wire shape (valid or not).
    QJsonObject toCreateTableRequest() const;
    // The UpdateTimeToLive request that follows CreateTable; empty without a TTL attribute.
    QJsonObject toTimeToLiveRequest() const;

    // The design of a CreateTable request or of DescribeTable's "Table"
    // object (BillingMode or BillingModeSummary; indexes being deleted are
    // left out; GSI capacity is not kept apart from the table's; encryption
    // from SSESpecification or SSEDescription). Tags, TTL, patterns and
    // samples stay empty.
    static TableDesign fromDescription(const QJsonObject &table);

    // The design document that Save writes: {"format": "dynamodesk-table-design",
    // "version": 1, "createTable": {...}, "timeToLive": ..., "accessPatterns": [...],
    // "sampleItems": [...]}, and back. fromJson returns false and sets *error
    // (one translated line) when `doc` is not such a document.
    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &doc, TableDesign *design, QString *error);

    // Why DynamoDB would refuse `name` as a table's (or an index's) name
    // (3 to 255 of a-z, A-Z, 0-9, '_', '-', '.'), translated; empty if it
    // would not.
    static QString nameProblem(const QString &name);
};

} // namespace dd::ui
