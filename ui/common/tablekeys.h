// TableKeys: the key schema of a table (or of one of its indexes) as the
// GUI needs it: names and types of the partition and sort keys, read from a
// DescribeTable response. A global secondary index may have a
// multi-attribute key (AWS, November 2025): up to four partition and up to
// four sort attributes, in key-schema order. Tables and local indexes have
// one partition and at most one sort attribute, so code that needs "the"
// key of a table reads `partition` and `sort`. Value type.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace dd::ui {

struct TableKeys {
    struct Attribute {
        QString name;
        QString type;      // "S", "N" or "B"
    };
    QString partition;     // the first partition attribute's name
    QString partitionType; // "S", "N" or "B"
    QString sort;          // the first sort attribute's name; empty when there is no sort key
    QString sortType;
    QList<Attribute> partitions; // every HASH element, in key-schema order (partition is the first)
    QList<Attribute> sorts;      // every RANGE element, in key-schema order (empty: no sort key)

    // From DescribeTable's "Table" object; `index` names a GSI/LSI, empty for the table.
    static TableKeys fromDescription(const QJsonObject &table, const QString &index = QString());
    bool isMultiAttribute() const { return partitions.size() > 1 || sorts.size() > 1; }
    QStringList names() const;                    // every partition attribute, then every sort attribute
    QString typeOf(const QString &name) const;    // the key's type, empty if not a key
    QJsonObject keyOf(const QJsonObject &item) const; // the key attributes of an item
    // A string that identifies an item by its key, for sets and lookups.
    QString identity(const QJsonObject &item) const;
    // "pk S, sk N" (withTypes) or "pk, sk"; a multi-attribute key as
    // "tenant S, year N / area S, round N" (partition attributes / sort attributes).
    QString text(bool withTypes) const;
};

} // namespace dd::ui
